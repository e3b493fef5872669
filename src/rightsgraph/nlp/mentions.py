"""Actor and issue mentions in a Doc, with person names resolved within the article (shortnames.py).

Sources: the gazetteer ruler (canonical ids from data files) and the statistical NER (PERSON, ORG).
A capital or country name is a government only where it acts (subject, object, possessor), not
where it is a place ("in Beijing") or a modifier ("China director").
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from .knowledge import Knowledge
from .mention import Mention, MentionIndex
from .names import (
    described_names,
    entry_line_names,
    example_names,
    first_names_before_initials,
    kin_named,
    names_around_governments,
    org_short_forms,
    titled_names,
)
from .orgnames import joined_org_names
from .shortnames import HONORIFICS, bare_name, name_tokens, resolve_people, surnames_tagged_org
from .stance import find_cues
from .textspans import doc_text, tokens_of

__all__ = ["Mention", "find_mentions", "MentionIndex", "bare_name"]

LOCATIVE = {"in", "at", "to", "from", "across", "inside", "outside", "near", "around", "throughout",
            "into", "visit", "visited", "toward", "towards", "within", "over", "via"}
TRANSCRIPT_LABELS = {"QUESTION", "Q", "A", "ANSWER", "MODERATOR", "OPERATOR", "PARTICIPANT"}
#: the labels of a reporter's turn, whose first name before a comma is whom the question addresses
QUESTION_LABELS = {"QUESTION", "Q", "REPORTER"}


#: entity labels the NER gives an organisation's name it does not know ('The Harbor Rights Network': LAW)
MISLABELLED_ORGS = {"LAW", "FAC", "PRODUCT", "WORK_OF_ART", "EVENT", "NORP"}

#: words that only make a title with another ("Co-Chair", "Vice Chairman")
TITLE_PARTS = frozenset({"co", "vice", "deputy", "acting", "chief", "senior", "assistant", "associate"})


def _strip_person(span: Span, titles: frozenset[str]) -> Span | None:
    start, end = span.start, span.end
    doc = span.doc
    while start < end and (not doc[start].text[:1].isupper() or doc[start].text.lower() in titles
                           or doc[start].is_punct):
        start += 1
    # a name ends at a line break: "Mary Cole\nCo-Chair, …" in a signature block is two lines
    end = next((t.i for t in doc[start:end] if t.is_space and "\n" in t.text), end)
    # ... and at a dash: "Chen Kegui — DETAINED" in a case list is a name and its status
    end = next((t.i for t in doc[start:end] if t.text in ("—", "–")), end)
    while end > start and (doc[end - 1].text in ("'s", "’s", "'", "’") or doc[end - 1].is_punct
                           or doc[end - 1].is_space):
        end -= 1
    if start >= end or any(ch.isdigit() for ch in doc[start:end].text):
        return None
    words = [t.lower_ for t in doc[start:end] if t.is_alpha]
    if not words or all(w in titles or w in TITLE_PARTS for w in words):
        return None  # a title alone ("Co-Chair"), not a name
    return doc[start:end]


def _vocative(doc: Doc, span: Span) -> bool:
    """'QUESTION: Richard, the spokesman said …': the reporter addressing the briefer by name, who
    is not the one the question quotes."""
    i = span.start - 1
    while i >= 0 and doc[i].is_space:
        i -= 1
    return i >= 1 and doc[i].text == ":" and doc[i - 1].text.upper().rstrip(".") in QUESTION_LABELS \
        and span.end + 1 < len(doc) and doc[span.end].text == "," \
        and (len(span) == 1 or doc[span.end + 1].lower_ not in ("a", "an", "the", "who"))  # 'Victor Ng, a …' is no call


def _strip_org(span: Span, not_actors: frozenset[str]) -> Span | None:
    start, end = span.start, span.end
    doc = span.doc
    while start < end and doc[start].lower_ in ("the", "a", "an"):
        start += 1
    while end > start and (doc[end - 1].text in ("'s", "’s") or doc[end - 1].is_punct
                           or doc[end - 1].pos_ in ("ADP", "DET", "CCONJ")):
        end -= 1
    if start >= end:
        return None
    text = doc[start:end].text
    if text.lower() in not_actors or not text[:1].isupper() or any(ch.isdigit() or ch == "/" for ch in text):
        return None
    return doc[start:end]


def _looks_like_person(span: Span, org_words: frozenset[str]) -> bool:
    """NER sometimes calls 'Sophie Richardson of' an ORG: 2-3 capitalised name tokens, no org word."""
    toks = [t for t in span if not t.is_punct]
    return (2 <= len(toks) <= 3 and all(t.text[:1].isupper() and t.is_alpha for t in toks)
            and not any(t.text in org_words for t in toks) and all(t.pos_ == "PROPN" for t in toks))


def _is_place_or_modifier(span: Span) -> bool:
    doc = span.doc
    root = span.root
    prev = doc[span.start - 1] if span.start > 0 else None
    if prev is not None and prev.lower_ in LOCATIVE:
        return True
    if root.dep_ in ("compound", "amod", "nmod") and root.head.ent_type_ not in ("PERSON",):
        return True
    if root.dep_ == "pobj" and root.head.lower_ in LOCATIVE:
        return True
    return False


def _acts(span: Span) -> bool:
    """A place name that acts as a government: the subject of a verb ('Japan urged …', 'North Korea
    says …'), not a place ('in Geneva') or a modifier ('the Kunming talks')."""
    root = span.root
    return root.dep_ in ("nsubj", "nsubjpass") and root.head.pos_ in ("VERB", "AUX") \
        and not _is_place_or_modifier(span)


def _title_before(doc: Doc, start: int, own: int | None = None) -> str | None:
    """Title words printed just before a name: 'State Department spokesperson Victoria Nuland'; `own`
    is where the NER's entity began when it held the title ('Spokesman Zhu Bangzao')."""
    i = start
    while i > 0:
        tok = doc[i - 1]
        if tok.is_punct and tok.text not in ("."):
            break
        if (tok.pos_ in ("DET", "VERB", "AUX", "ADP", "SCONJ", "CCONJ") and tok.lower_ not in ("of",)) \
                or doc[i].is_sent_start \
                or (tok.i >= (start if own is None else own) and tok.text.rstrip(".") in HONORIFICS):
            break  # nor across a sentence's start, nor an honorific the NER took ('Mr. Posner')
        if tok.lower_ == "of" and i - 2 >= 0 and doc[i - 2].text[:1].isupper():
            i -= 1
            continue
        if not (tok.text[:1].isupper() or tok.pos_ in ("NOUN", "ADJ", "PROPN")) \
                or (tok.ent_type_ == "PERSON" and (own is None or tok.i < own)):
            break
        if tok.dep_ not in ("compound", "amod", "nmod", "poss", "case", "punct", "nsubj", "pobj", "prep") \
                and tok.head.i < start:
            break
        i -= 1
    while i < start and (doc[i].lower_ in ("'s", "’s", "of") or doc[i].is_punct):
        i += 1
    if i >= start:
        return None
    text = doc[i:start].text.strip()
    return text or None


def _joined_possessives(doc: Doc) -> list[tuple[Span, str]]:
    """The entities and their gazetteer ids, with a name the NER cut at its possessive joined again:
    "the National People's" + "Congress" -> "the National People's Congress" (a new name, no id)."""
    out: list[tuple[Span, str]] = []
    for ent in doc.ents:
        prev = out[-1][0] if out else None
        if prev is not None and prev.label_ == "ORG" and ent.label_ == "ORG" and ent.start == prev.end \
                and doc[prev.end - 1].text in ("'s", "’s"):
            out[-1] = (Span(doc, prev.start, ent.end, label="ORG"), "")
        else:
            out.append((ent, ent.ent_id_))
    return out


def find_mentions(doc: Doc, knowledge: Knowledge, title: str = "") -> list[Mention]:
    titles = frozenset(t.lower() for t in knowledge.lexicon["titles"]) | knowledge.words("honorifics")
    titles |= frozenset(w.lower() for t in knowledge.lexicon["titles"] for w in t.split())
    org_words = frozenset(knowledge.lexicon["org_words"])
    place_words = frozenset(knowledge.lexicon["place_words"]) | org_words
    not_actors = knowledge.words("not_actors")
    out: list[Mention] = []
    for ent, ent_id in joined_org_names(doc, _joined_possessives(doc), org_words, knowledge.words("org_tail_nouns")):
        label = ent.label_
        if label in MISLABELLED_ORGS and ent[-1].text in org_words and ent[-1].pos_ == "PROPN":
            label = "ORG"  # "The Harbor Rights Network" read as a LAW, "Lantern Foundation" as a PRODUCT
        if label == "ISSUE":
            out.append(Mention(ent.start, ent.end, ent.text, "Issue", ent_id))
        elif label == "DIALOGUE":
            out.append(Mention(ent.start, ent.end, ent.text, "Event", ent_id))
        elif label == "GOV":
            if ent.text.lower().endswith(("officials", "side", "representatives", "authorities",
                                          "government", "administration", "leaders", "police")) \
                    or not _is_place_or_modifier(ent):
                out.append(Mention(ent.start, ent.end, ent.text, "Government", ent_id))
        elif label == "GPE" and _acts(ent):  # a foreign government the gazetteer does not know: 'Japan said'
            span = _strip_org(ent, not_actors)
            if span is not None and span.text not in place_words:
                out.append(Mention(span.start, span.end, span.text, "Government", None))
        elif label == "PERSON":
            span = _strip_person(ent, titles)
            in_label = span is not None and span.text.isupper() and span.end < len(doc) and doc[span.end].text == ":"
            if span is not None and not in_label and span.text.upper() not in TRANSCRIPT_LABELS \
                    and not any(t.text in place_words or t.text == "/" for t in span) and not _vocative(doc, span):
                text = span.text
                if span.start > 0 and doc[span.start - 1].text.rstrip(".") in HONORIFICS:
                    text = f"{doc[span.start - 1].text} {span.text}"  # "Mr. Posner" is an alias as printed
                m = Mention(span.start, span.end, text, "Person", ent_id or None)
                m.role = _title_before(doc, span.start, ent.start)
                out.append(m)
        elif label == "ORG":
            span = ent if ent_id else _strip_org(ent, not_actors)
            while span is not None and len(span) > 1 and span[-1].is_space:  # 'Civil Rights Division\n\n'
                span = span[:-1]
            if span is None or "\n" in span.text or (not ent_id and len(span) == 1 and span[0].pos_ == "NOUN"
                                                      and not span[0].is_upper):
                continue  # ... or a common noun the NER took for a name ('Groups like X say …')
            comma = next((t.i for t in span if t.text == ","), None) if not ent_id else None
            if comma is not None and comma + 1 < span.end \
                    and any(t.lower_ in titles for t in doc[span.start:comma]):
                span = doc[comma + 1:span.end]  # 'Senior Advisor, Office of X': the title is not the name
            if not ent_id and len(span) > 3 and span[0].lower_ in titles and span[1].lower_ == "of":
                span = doc[span.start + 2 + (span[2].lower_ == "the"):span.end]  # 'Cochairman of the Commission …'
            if not ent_id and (all(t.lower_ in titles or t.lower_ in TITLE_PARTS for t in span if t.is_alpha)
                               or (span.root.i == span.end - 1 and span.root.lower_ in titles)):
                continue  # a title the NER called an organisation ("Co-Chair", "International Relations Officer")
            if not ent_id and span.text.isupper() and find_cues(span.text, knowledge.status_words):
                continue  # a case list's status label ("Chen Guangcheng — IN EXILE")
            if not ent_id and _looks_like_person(span, org_words):
                out.append(Mention(span.start, span.end, span.text, "Person", None, _title_before(doc, span.start)))
            else:
                out.append(Mention(span.start, span.end, span.text, "Organization", ent_id or None))
    example_names(doc, out, knowledge.words("group_anaphors"), knowledge.words("example_preps"))
    names_around_governments(doc, out, org_words)
    titled_names(doc, out, knowledge.words("case_descriptors") | knowledge.words("person_descriptors"), titles,
                 org_words)
    out = surnames_tagged_org(out)
    low = doc_text(doc).lower()
    formulas = [(i.start(), i.end()) for f in knowledge.words("issue_formulas") for i in re.finditer(re.escape(f), low)]
    out = [m for m in out if not _not_an_issue(m, doc, out, formulas)]
    descriptors = knowledge.words("case_descriptors") | knowledge.words("person_descriptors")
    described_names(doc, out, descriptors, titles)
    entry_line_names(doc, out, titles, descriptors)
    kin_named(doc, out, knowledge.words("kinship"))
    for m in first_names_before_initials(doc, out, titles):
        m.role = _title_before(doc, m.start)
    _repeated_name_tokens(doc, out, titles)
    _add_acronyms(doc, out)
    _bare_org_words(doc, out, org_words)
    org_short_forms(doc, out, titles)
    resolve_people(doc, out, knowledge, title)
    for m in out:
        if m.canonical is None:
            m.canonical = m.text
    return out


def _bare_org_words(doc: Doc, mentions: list[Mention], org_words: frozenset[str]) -> None:
    """'the Commission', 'the Commission's Cochair': an organisation's own word standing for it, the
    organisation named last before it (else first after) whose name holds the word."""
    named = sorted((m for m in mentions if m.kind == "Organization" and len(m.text.split()) > 1), key=lambda m: m.start)
    unseen = _unrecognised_org_words(doc, mentions, org_words)
    mentions.extend(unseen)
    for m in mentions:
        word = m.text.removesuffix("'s").removesuffix("’s")
        if m.kind != "Organization" or word not in org_words or m.start == 0 or doc[m.start - 1].lower_ != "the":
            continue
        holders = [o for o in named if word in (o.canonical or o.text).split()]
        before = [o for o in holders if o.start < m.start]
        found = before[-1] if before else (holders[0] if holders else None)
        if found is not None:
            m.canonical = found.canonical or found.text
    unresolved = {id(m) for m in unseen if m.canonical is None}
    mentions[:] = [m for m in mentions if id(m) not in unresolved]


def _unrecognised_org_words(doc: Doc, mentions: list[Mention], org_words: frozenset[str]) -> list[Mention]:
    """'The Commission demanded …' where the NER saw no entity: a capitalised organisation word after
    'the', outside every mention and not the start of a longer name ('the Commission on …'); it
    becomes an organisation mention, without a name until `_bare_org_words` gives it one (else it
    is dropped)."""
    taken = {i for m in mentions for i in range(m.start, m.end)}
    found = []
    for tok in tokens_of(doc):
        if tok.text not in org_words or tok.i == 0 or tok.i in taken:
            continue
        nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        if doc[tok.i - 1].lower_ == "the" \
                and tok.pos_ == "PROPN" and not (nxt is not None and nxt.text[:1].isupper()) \
                and not (nxt is not None and nxt.lower_ in ("of", "on", "for") and tok.i + 2 < len(doc)
                         and doc[tok.i + 2].text[:1].isupper()):
            found.append(Mention(tok.i, tok.i + 1, tok.text, "Organization", None))
    return found


def _not_an_issue(m: Mention, doc: Doc, mentions: list[Mention], formulas: list[tuple[int, int]]) -> bool:
    """An issue word that is not the issue: inside a set diplomatic formula ('on the basis of
    equality and mutual respect'; `formulas` are where they stand in the text), or a place that only
    locates an organisation or a person ('Human Rights Watch in Hong Kong')."""
    if m.kind != "Issue":
        return False
    at = doc[m.start].idx
    if any(a <= at < b for a, b in formulas):
        return True
    root = doc[m.start:m.end].root
    if root.dep_ == "pobj" and root.head.lower_ in ("in", "from") and root.head.head.i != root.head.i:
        owner = root.head.head
        return any(o.kind in ("Organization", "Person") and o.start <= owner.i < o.end for o in mentions)
    return False


def _repeated_name_tokens(doc: Doc, mentions: list[Mention], titles: frozenset[str]) -> None:
    """A bare family or given name the NER missed ('Ai, 53, was taken …', 'Representative Smith, who …')
    after the full name was printed."""
    full = [m for m in mentions if m.kind == "Person" and len(name_tokens(m.text)) >= 2]
    names = {t for m in full for t in (name_tokens(m.text)[0], name_tokens(m.text)[-1])}
    covered = {i for m in mentions for i in range(m.start, m.end)}
    first_full = min((m.start for m in full), default=len(doc))
    for tok in doc[first_full:]:
        if tok.i in covered or tok.pos_ != "PROPN" or tok.text not in names:
            continue
        if (tok.i + 1 < len(doc) and doc[tok.i + 1].pos_ == "PROPN") or (
                tok.i > 0 and doc[tok.i - 1].pos_ == "PROPN" and doc[tok.i - 1].lower_.rstrip(".") not in titles):
            continue  # part of a longer name (a title before it is not)
        mentions.append(Mention(tok.i, tok.i + 1, tok.text, "Person", None, _title_before(doc, tok.i)))


def _add_acronyms(doc: Doc, mentions: list[Mention]) -> None:
    """'Chinese Human Rights Defenders (CHRD)': the acronym becomes an alias of the name."""
    by_start = {m.start: m for m in mentions}
    for m in list(mentions):
        if m.kind != "Organization" or m.end + 2 >= len(doc):
            continue
        if doc[m.end].text == "(" and doc[m.end + 2].text == ")" and doc[m.end + 1].is_upper:
            acr = doc[m.end + 1].text
            if m.end + 1 not in by_start:
                mentions.append(Mention(m.end + 1, m.end + 2, acr, "Organization", m.canonical or m.text))
            for other in mentions:
                if other.text == acr and other.kind == "Organization":
                    other.canonical = m.canonical or m.text
