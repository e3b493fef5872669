"""Who speaks in the body itself: the issuer of a release, statement or editorial, or an opinion
piece's author, and the statements made in that voice.

- `author_voice`: an opinion piece's byline, or the first person a commentary names;
- `voice_statements`: paragraph runs in the issuer's own words that argue or ask something;
- `in_voice`: an indirect statement whose speaker is the issuer ('Amnesty International calls on
  …' in Amnesty's release) becomes the issuer's, its whole sentence.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span

from ..model import Statement
from .knowledge import Knowledge
from .mentions import MentionIndex
from .stance import classify_stance
from .textspans import BULLETS, doc_text, paragraphs, quoted_tokens, span_of, tokens_of

if TYPE_CHECKING:
    from .quotes import _Builder

__all__ = ["author_voice", "voice_names", "voice_statements", "in_voice"]

BYLINE = re.compile(r"\bBy ((?:[A-Z][a-z]+\.? ){1,2}[A-Z][a-z]+)")
FIRST_PERSON = {"i", "my", "me", "myself"}


def author_voice(header: str, doc: Doc, index: MentionIndex, k: Knowledge) -> str | None:
    """An opinion piece speaks in its author's voice: the byline ('By NAME'), or, when the header
    marks it as commentary, the first person the text names. Only for text argued in the first
    person outside quotation marks: a news report does not say 'I'."""
    quoted = quoted_tokens(doc)
    first_person = sum(1 for t in tokens_of(doc) if t.lower_ in FIRST_PERSON and t.i not in quoted)
    is_opinion = any(tell in header.lower() for tell in k.lexicon.get("op_ed_tells", ()))
    if first_person < 3 and not (is_opinion and first_person >= 1):
        return None
    if found := BYLINE.search(header):
        return found.group(1)
    if is_opinion:
        people = [m for m in index.mentions if m.kind == "Person" and m.canonical]
        return people[0].canonical if people else None
    return None


def voice_names(k: Knowledge, voice: str | None) -> set[str]:
    """The issuer, its government, and that government's delegation ('The delegation also raised …'
    in a government editorial)."""
    if not voice:
        return set()
    entry = k.by_name.get(voice)
    names = {voice, entry.parent or ""} - {""} if entry else {voice}
    return names | {name for name, gov in k.delegations.items() if gov == voice}


def voice_statements(b: _Builder, voice: str) -> None:
    """Paragraph runs in the issuer's own words that argue or ask something become its statements."""
    if b.turns:
        return
    taken = [(x, y) for _st, x, y in b.out]
    modal = {"must", "should", "ought", "need", "needs", "we", "our", "us"} | b.k.words("advocacy_cues")
    names = voice_names(b.k, b.voice)
    for p_start, p_end in paragraphs(doc_text(b.doc)):
        span = span_of(b.doc, p_start, p_end)
        if span is None:
            continue
        run: list[Span] = []
        sents = [s for s in b.doc.sents if s.start < span.end and s.end > span.start]
        for sent in [*sents, None]:
            if sent is not None and _voice_sentence(b, sent, taken):
                run.append(sent)
                continue
            if run and any(any(t.lower_ in modal for t in r) or classify_stance(r.text, b.k)[0] != "neutral"
                           or _voice_subject(b, r, names) for r in run):
                x, y = run[0].start_char, run[-1].end_char
                b.add(voice, doc_text(b.doc)[x:y], "direct", x, y, 0.5)
            run = []


def _voice_subject(b: _Builder, sent: Span, names: set[str]) -> bool:
    """The issuer (or its government) is the subject: 'The United States will continue to …'."""
    return any(t.dep_ in ("nsubj", "nsubjpass") and (m := b.index.at(t.i)) is not None and m.canonical in names
               for t in sent)


def _voice_sentence(b: _Builder, sent: Span, taken: list[tuple[int, int]]) -> bool:
    """A sentence of the issuer's own prose: not a bulleted item, nor a line without a verb ('Wang
    Yu, a lawyer taken from her home on 9 July')."""
    words = [t for t in sent if t.is_alpha and t.i not in b.quoted]
    if len(words) < 6 or any(t.i in b.quoted for t in sent):
        return False
    text = doc_text(b.doc)
    line = text[text.rfind("\n", 0, sent.start_char) + 1:sent.start_char]
    if line.strip() in BULLETS or sent.root.pos_ not in ("VERB", "AUX") or all(t.is_upper for t in words):
        return False  # (a heading: 'CASES OPEN GATE ASKED THE US DELEGATION TO RAISE')
    return not any(x < sent.end_char and sent.start_char < y for x, y in taken)


def in_voice(b: _Builder, st: Statement, start: int, end: int) -> tuple[Statement, int, int]:
    """'Amnesty International calls on …' in Amnesty's own release, or 'The United States will raise …'
    in a State Department media note: the issuer's statement, its whole sentence."""
    if not b.voice or b.turns or st.kind != "indirect" or st.speaker not in voice_names(b.k, b.voice):
        return st, start, end
    sent = st.sentence
    if '"' in sent.text or "“" in sent.text:
        return st, start, end
    stance, _c = classify_stance(sent.text, b.k)
    return replace(st, speaker=b.voice, text=sent.text.strip(), stance=stance), sent.begin, sent.end  # type: ignore[arg-type]
