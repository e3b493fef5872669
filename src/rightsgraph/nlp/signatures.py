"""Relations from a letter's signature block: each signer is a member of the body that issues it,
and its head where the title under the name says so.

    Sincerely,

    Mary Cole
    Chairman

    John Park
    Commissioner

A signer's title line that names its own body ("Chairman, Subcommittee on X") is an entry line
(affiliation.py); this rule covers the bare title, which stands for the issuer's own body.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc

from .knowledge import Knowledge
from .mentions import MentionIndex
from .phrases import Hit, lines
from .speakers import SpeakerResolver
from .textspans import doc_text, span_of

__all__ = ["signatories"]

MAX_TITLE_WORDS = 5


def signatories(doc: Doc, index: MentionIndex, k: Knowledge, speakers: SpeakerResolver) -> Iterator[Hit]:
    issuer = speakers.voice
    if not issuer or not _body(issuer, index, k):
        return  # a government or a person signs for no body here
    text = doc_text(doc)
    rows = lines(text)
    closings = k.words("letter_closings")
    for n, (lo, hi) in enumerate(rows):
        if text[lo:hi].strip().rstrip(",").lower() not in closings:
            continue
        block = rows[n + 1:]
        for i, (a, b) in enumerate(block):
            span = span_of(doc, a, b)
            if span is None:
                break
            people = index.in_range(span.start, span.end, ("Person",))
            words = [t for t in span if not t.is_punct and not t.is_space]
            if not people:
                if len(words) > MAX_TITLE_WORDS or any(t.pos_ in ("VERB", "AUX") for t in span):
                    break  # the block ends where prose starts again
                continue
            person = people[0]
            if len(words) != person.end - person.start or not person.canonical:
                break  # a name line holds the name only
            title = text[block[i + 1][0]:block[i + 1][1]].strip() if i + 1 < len(block) else ""
            titled = title and "," not in title and len(title.split()) <= MAX_TITLE_WORDS \
                and not index.in_range(*_tokens(doc, *block[i + 1]), ("Person",))
            tok = doc[person.start]
            yield (person.canonical, "memberOf", issuer, tok, 0.6, "signature-block")
            if titled and _heads(title, k):
                yield (person.canonical, "leads", issuer, tok, 0.6, "signature-block-head")


def _body(name: str, index: MentionIndex, k: Knowledge) -> bool:
    """Whether the issuer is a body (not a government nor a person): by the gazetteer, by how the
    article's mentions of it are typed, else by its name's last word ('… Commission')."""
    if (entry := k.by_name.get(name)) is not None:
        return entry.kind == "Organization" and not entry.government
    kinds = {m.kind for m in index.mentions if m.canonical == name}
    return kinds == {"Organization"} if kinds else name.split()[-1].lower() in k.words("org_words")


def _tokens(doc: Doc, lo: int, hi: int) -> tuple[int, int]:
    span = span_of(doc, lo, hi)
    return (span.start, span.end) if span is not None else (0, 0)


def _heads(title: str, k: Knowledge) -> bool:
    """'Chairman', 'Co-Chair': a head's title, not 'Vice Chairman' or 'Ranking Member'."""
    words = title.lower().split()
    heads = k.words("lead_titles")
    return bool(words) and " ".join(words) in heads or (
        len(words) == 2 and words[1] in heads and words[0] not in k.words("deputy_modifiers"))
