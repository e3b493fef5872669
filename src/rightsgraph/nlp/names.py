"""Names the statistical NER missed or cut, told by the words around them: a description after the
name ('X, a Uighur scholar sentenced …'), a relative's noun before it ('her husband, X'), and an
organisation whose name holds a country the government patterns took ('George Washington
University'). Each adds or replaces mentions in place."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from .mention import Mention
from .textspans import BULLETS, tokens_of

__all__ = ["described_names", "titled_names", "kin_named", "names_around_governments", "first_names_before_initials",
           "entry_line_names", "example_names", "org_short_forms"]


def _capitalised(t: Token) -> bool:
    return t.is_title and t.is_alpha


def _put(mentions: list[Mention], start: int, end: int, text: str, kind: str) -> None:
    """A new mention in place of every mention it overlaps."""
    mentions[:] = [m for m in mentions if not (m.start < end and start < m.end)]
    mentions.append(Mention(start, end, text, kind, None))


def described_names(doc: Doc, mentions: list[Mention], descriptors: frozenset[str], titles: frozenset[str]) -> None:
    """A name the NER missed, told by the description after it: 'Alimujiang Yimiti, a Uighur Christian
    sentenced to 15 years', 'Dhondup Wangchen, the Tibetan filmmaker' (two or three capitalised words,
    a comma, an article and a noun phrase whose head names a kind of person)."""
    covered = {i for m in mentions for i in range(m.start, m.end)}
    words_before = titles | descriptors
    for tok in tokens_of(doc):
        if tok.text != "," or tok.i < 2 or tok.i + 2 >= len(doc) or doc[tok.i + 1].lower_ not in ("a", "an", "the"):
            continue
        end = tok.i  # "Bishop Su Zhimin of Baoding, a Catholic prelate": the name stops at "of PLACE"
        for n in (2, 3):
            if end - n > 0 and doc[end - n].lower_ == "of" and all(_capitalised(t) for t in doc[end - n + 1:end]) \
                    and _capitalised(doc[end - n - 1]):  # (not 'the case of Abdulla Tursun, the …')
                end -= n
                break
        start = end
        while start > 0 and end - start < 3 and _capitalised(doc[start - 1]) \
                and doc[start - 1].lower_ not in words_before and doc[start - 1].i not in covered:
            start -= 1
        if end - start < 2 or (start > 0 and _capitalised(doc[start - 1])
                               and doc[start - 1].lower_ not in words_before):
            continue  # not two or three capitalised words standing alone (or after a title: "Bishop")
        words = [t for t in doc[tok.i + 2:tok.i + 6] if not t.is_punct]
        words = words[:next((n for n, t in enumerate(words) if t.pos_ in ("VERB", "AUX", "ADP")), len(words))]
        # the phrase's head noun, or a kind of person the noun phrase ends with ('a human rights lawyer')
        head = next((t for t in words if t.lemma_.lower() in descriptors),
                    next((t for t in words if t.pos_ == "NOUN"), None))
        if head is not None and head.lemma_.lower() in descriptors:
            _put(mentions, start, end, doc[start:end].text, "Person")
            covered.update(range(start, end))


def titled_names(doc: Doc, mentions: list[Mention], descriptors: frozenset[str], titles: frozenset[str],
                 org_words: frozenset[str]) -> None:
    """A name the NER missed or mislabelled after the word for a kind of person printed before it:
    'activist Ines Moretti met …', 'the lawyer Tao Ruzhen said …' (two or three capitalised proper
    nouns standing alone, no title or organisation word among them: 'the student Free Tibet Project'
    is no name)."""
    covered = {i for m in mentions for i in range(m.start, m.end)}
    for tok in tokens_of(doc):
        if tok.lower_ not in descriptors or tok.i in covered:
            continue
        start = end = tok.i + 1
        while end < len(doc) and end - start < 4 and _capitalised(doc[end]) and doc[end].pos_ == "PROPN" \
                and doc[end].lower_ not in titles and doc[end].lower_ not in descriptors and end not in covered \
                and doc[end].text not in org_words:
            end += 1
        if 2 <= end - start <= 3 and not (end < len(doc) and (_capitalised(doc[end]) or end in covered)) \
                and not doc[start].is_sent_start:
            _put(mentions, start, end, doc[start:end].text, "Person")
            covered.update(range(start, end))


def names_around_governments(doc: Doc, mentions: list[Mention], org_words: frozenset[str]) -> None:
    """An organisation whose name holds a country or capital the government patterns took: 'George
    Washington University', 'the China Democracy Party' (capitalised words around the government's
    name, ending in an organisation word, with a word of their own besides)."""
    taken = {i for m in mentions if m.kind != "Government" for i in range(m.start, m.end)}
    for g in [e for e in doc.ents if e.label_ == "GOV"]:  # a modifier ('Washington University') is no mention
        start, end = g.start, g.end
        while start > 0 and _capitalised(doc[start - 1]) and start - 1 not in taken \
                and not doc[start - 1].is_sent_start:
            start -= 1
        while end < len(doc) and _capitalised(doc[end]) and end not in taken:
            end += 1
        own = [t for t in doc[start:end] if not g.start <= t.i < g.end]
        if end - 1 >= g.end and doc[end - 1].text in org_words and len(own) >= 2:
            _put(mentions, start, end, doc[start:end].text, "Organization")
            taken.update(range(start, end))


def kin_named(doc: Doc, mentions: list[Mention], kin: frozenset[str]) -> None:
    """A name the NER missed after a relative's noun: 'her husband, Sidik Rouzi, who …' (two or three
    capitalised words between commas after 'his/her/whose' and a kinship noun)."""
    covered = {i for m in mentions if m.kind != "Government" for i in range(m.start, m.end)}
    for tok in tokens_of(doc):
        if tok.lemma_.lower() not in kin or tok.i < 1 or doc[tok.i - 1].lower_ not in ("his", "her", "their", "whose") \
                or tok.i + 3 >= len(doc) or doc[tok.i + 1].text != ",":
            continue
        start = end = tok.i + 2
        while end < len(doc) and end - start < 3 and _capitalised(doc[end]) and end not in covered:
            end += 1
        if end - start >= 2 and end < len(doc) and doc[end].text in (",", ".", ";") \
                and not any(i in covered for i in range(start, end)):
            _put(mentions, start, end, doc[start:end].text, "Person")
            covered.update(range(start, end))


def first_names_before_initials(doc: Doc, mentions: list[Mention], titles: frozenset[str]) -> list[Mention]:
    """A first name the NER left out before a middle initial ('… and Labor Lorne W. Craner' read as
    'W. Craner'): the capitalised word before the initial, when it is no title and no other name.
    Returns the repaired mentions."""
    covered = {i for m in mentions for i in range(m.start, m.end)}
    repaired = []
    for m in [m for m in mentions if m.kind == "Person" and m.end - m.start >= 2]:
        first = doc[m.start]
        if m.start == 0 or not (len(first.text) == 2 and first.text[0].isupper() and first.text[1] == "."):
            continue
        before = doc[m.start - 1]
        if _capitalised(before) and before.lower_ not in titles and before.i not in covered \
                and not before.is_sent_start:
            _put(mentions, m.start - 1, m.end, doc[m.start - 1:m.end].text, "Person")
            repaired.append(mentions[-1])
    return repaired


def entry_line_names(doc: Doc, mentions: list[Mention], titles: frozenset[str],
                     descriptors: frozenset[str] = frozenset()) -> None:
    """A name the NER missed at the head of an entry: after a bullet and before a comma ('- Naomi
    Fairbrother-Lutz, Attorney-Adviser, Office of the Legal Adviser'), or opening a line before a
    dash ('Su Wenbo -- citizen journalist from Shenzhen, detained in April'): two to four
    capitalised words (a hyphen may join two), the line going on with a title, an organisation or a
    word for a kind of person."""
    covered = {i for m in mentions for i in range(m.start, m.end)}
    orgs = {i for m in mentions if m.kind == "Organization" for i in range(m.start, m.end)}
    for tok in tokens_of(doc):
        at_line = tok.i == 0 or "\n" in doc[tok.i - 1].text_with_ws
        if at_line and _capitalised(tok) and tok.i not in covered:
            dash = next((t for t in doc[tok.i:tok.i + 5] if t.text in ("--", "\u2014", "\u2013")), None)
            if dash is not None and 2 <= len([t for t in doc[tok.i:dash.i] if t.is_alpha]) <= 4 \
                    and all(_capitalised(t) or t.text == "-" for t in doc[tok.i:dash.i]) \
                    and not any(t.lower_ in titles for t in doc[tok.i:dash.i]) \
                    and not any(i in covered for i in range(tok.i, dash.i)) \
                    and _kind_of_person(doc, dash.i + 1, descriptors | titles):
                _put(mentions, tok.i, dash.i, doc[tok.i:dash.i].text, "Person")
                covered.update(range(tok.i, dash.i))
            continue
        if tok.text not in BULLETS or not at_line:
            continue
        start = end = tok.i + 1
        while end < len(doc) and (_capitalised(doc[end]) or (doc[end].text == "-" and not doc[end].whitespace_
                                                            and 0 < end - start)):
            end += 1
        words = [t for t in doc[start:end] if t.is_alpha]
        if not 2 <= len(words) <= 4 or doc[end - 1].text == "-" or end + 1 >= len(doc) or doc[end].text != "," \
                or any(i in covered for i in range(start, end)) or any(t.lower_ in titles for t in words):
            continue
        rest = []  # the rest of the entry's line
        for t in doc[end + 1:]:
            if "\n" in t.text:
                break
            rest.append(t)
        # ... or a word for a kind of person ('- Sonam Dhargye, Tibetan monk, detained since 1996')
        if any(t.lower_ in titles or t.i in orgs for t in rest) or _kind_of_person(doc, end + 1, descriptors):
            _put(mentions, start, end, doc[start:end].text, "Person")
            covered.update(range(start, end))


def _kind_of_person(doc: Doc, start: int, words: frozenset[str]) -> bool:
    """Whether the words from `start` up to the first verb or punctuation (at most five, no article
    first) name a kind of person ('citizen journalist from Shenzhen', 'legal scholar and founder')."""
    phrase = []
    for t in doc[start:start + 5]:
        if t.is_punct or t.pos_ in ("VERB", "AUX"):
            break
        phrase.append(t)
    return bool(phrase) and phrase[0].pos_ != "DET" and any(t.lemma_.lower() in words for t in phrase)


def example_names(doc: Doc, mentions: list[Mention], group_nouns: frozenset[str], preps: frozenset[str]) -> None:
    """An organisation the NER missed, named as an example of groups: 'Groups like Open Gate say …',
    'organizations such as Freedom Now and China Aid': the capitalised names after 'like', 'such
    as' or 'including' under a plural group noun."""
    # a name the NER took for a person's is the group's ('NGOs, including Harbor Light, …')
    people = {(m.start, m.end) for m in mentions if m.kind == "Person"}
    covered = {i for m in mentions if (m.start, m.end) not in people for i in range(m.start, m.end)}
    for tok in tokens_of(doc):
        if tok.tag_ not in ("NNS", "NNPS") or not {tok.lemma_.lower(), tok.lower_.rstrip("s")} & group_nouns:
            continue
        for prep in tok.children:
            if prep.dep_ != "prep" or prep.lower_ not in preps:
                continue
            for obj in (o for p in prep.children if p.dep_ == "pobj" for o in (p, *p.conjuncts)):
                start = min((c.i for c in obj.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"), default=obj.i)
                end = obj.i + 1
                while end < len(doc) and _capitalised(doc[end]) and end not in covered:
                    end += 1  # 'Freedom Now', where the parse hung 'Now' elsewhere
                span = doc[start:end]
                if all(_capitalised(t) or t.is_upper for t in span) and span[0].pos_ == "PROPN" \
                        and not covered & set(range(span.start, span.end)):
                    _put(mentions, span.start, span.end, span.text, "Organization")


def org_short_forms(doc: Doc, mentions: list[Mention], titles: frozenset[str]) -> None:
    """An organisation printed in full once and by the first words of its name after ('the Open Gate
    Human Rights Network said …, Open Gate's research director …'): the short form is the full name.
    A short form of two words or more counts anywhere, one word only as a possessive ('Lantern's
    director'); words another mention covers (a government, a person) are theirs, unless a title
    follows the possessive somewhere ('Harbor Light's research director', which the NER read as a
    person's name)."""
    full = [m for m in mentions if m.kind == "Organization" and m.end - m.start >= 3]
    covered = {i: m for m in mentions for i in range(m.start, m.end)}
    texts = [t.text for t in doc]
    for long in full:
        words = [t.text for t in doc[long.start:long.end]]
        words = words[1:] if words[0].lower() == "the" else words
        for n in range(len(words) - 1, 0, -1):
            found = []  # (start, the mention there or None, a title after its possessive?)
            for i in (i for i, w in enumerate(texts) if w == words[0]):
                if long.start <= i < long.end or texts[i:i + n] != words[:n]:
                    continue
                nxt = doc[i + n] if i + n < len(doc) else None
                if nxt is not None and _capitalised(nxt) and nxt.text != words[n]:
                    continue  # the start of another name ('Open Society')
                owns = nxt is not None and nxt.text in ("'s", "’s")
                if (n == 1 and not owns) or (nxt is not None and not owns and nxt.pos_ in ("NOUN", "PROPN", "ADJ")):
                    continue  # a modifier, not a name: 'Human Rights activists'
                own = covered.get(i)
                if own is not None and (own.start, own.end) != (i, i + n):
                    continue
                found.append((i, own, owns and any(t.lower_ in titles for t in doc[i + n + 1:i + n + 3])))
            person_ok = any(titled for _i, _own, titled in found)
            for i, own, _titled in found:
                if own is None:
                    mentions.append(own := Mention(i, i + n, doc[i:i + n].text, "Organization", None))
                    covered.update({j: own for j in range(i, i + n)})
                elif own.kind == "Person" and person_ok:
                    own.kind = "Organization"
                elif own.kind != "Organization":
                    continue
                own.canonical = long.canonical or long.text
