"""Organisation names the gazetteer's issue and government words, or the NER, cut short: 'Uyghur'
(an issue) + 'Human Rights Project', 'Campaign for' + 'Prisoners of Conscience', 'George' +
'Washington University', 'Rule of Law' + 'Lifeline'. Used by mentions.find_mentions on the NER's
entities before they become mentions."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

__all__ = ["joined_org_names"]


def joined_org_names(doc: Doc, ents: list[tuple[Span, str]], org_words: frozenset[str],
                      tails: frozenset[str]) -> list[tuple[Span, str]]:
    """Organisation names the gazetteer's issue and government words cut short: 'Uyghur' (an issue) +
    'Human Rights Project' -> 'Uyghur Human Rights Project'; 'Amnesty International' + 'USA' (a
    government) -> 'Amnesty International USA', a body of its own; 'Fengrui' + 'law firm' (new
    names, no id)."""
    out: list[tuple[Span, str]] = []
    for n, (ent, ent_id) in enumerate(ents):
        nxt = ents[n + 1][0] if n + 1 < len(ents) else None
        follows = doc[ent.end].lower_ if ent.end < len(doc) else ""
        tail = next((len(t.split()) for t in tails if t.split()[0] == follows
                     and doc[ent.end:ent.end + len(t.split())].text.lower() == t), 0) if ent.label_ == "ORG" else 0
        head = _org_head_before(doc, ent.start, org_words) if ent.label_ == "ISSUE" else None
        if tail:
            out.append((Span(doc, ent.start, ent.end + tail, label="ORG"), ""))
        elif head is not None:  # 'Campaign for' + 'Prisoners of Conscience' (an issue)
            while out and out[-1][0].end > head:  # the NER's 'Center for' of 'Center for Religious Freedom'
                out.pop()
            out.append((Span(doc, head, ent.end, label="ORG"), ""))
        elif ent.label_ in ("ISSUE", "GOV") and ((end := _org_name_end(doc, ent.end, org_words, nxt)) is not None
                                                 or (end := _titled_issue_name_end(doc, ent, nxt)) is not None):
            # ('Rule of Law' + 'Lifeline': an issue in title case run on by a name)
            start, floor = ent.start, out[-1][0].end if out else 0
            while start > floor and _name_word(doc[start - 1]):  # 'George' of 'George Washington University'
                start -= 1
            out.append((Span(doc, start, end, label="ORG"), ""))
        elif out and out[-1][0].label_ == "ORG" and ent.label_ == "GOV" and ent.start == out[-1][0].end \
                and len(ent) == 1 and ent.text.isupper() and "\n" not in doc[ent.start - 1].whitespace_:
            out[-1] = (Span(doc, out[-1][0].start, ent.end, label="ORG"), "")
        elif out and ent.start < out[-1][0].end:
            continue  # inside the name just joined
        else:
            out.append((ent, ent_id))
    return out


def _org_head_before(doc: Doc, start: int, org_words: frozenset[str]) -> int | None:
    """Where an organisation's name begins when it ends in a capitalised issue: '(the) Campaign for'
    or 'Coalition Against' just before the issue's words, with the capitalised words before that
    ('Asia Campaign for'). Not 'on': the 'Working Group on Arbitrary Detention' a delegation seeks a
    visit from is the issue raised too, and the issue stays; nor a gazetteer name's own word."""
    if start < 2 or not doc[start].is_title or doc[start - 1].lower_ not in ("for", "against"):
        return None
    word = doc[start - 2]
    if word.text not in org_words or (word.ent_type_ and word.ent_type_ != "ORG") or word.ent_id_:
        return None  # the gazetteer's names are whole ('Human Rights Watch on Torture')
    i = start - 2
    while i - 1 >= 0 and not doc[i].is_sent_start and (
            _name_word(doc[i - 1]) or (doc[i - 1].ent_type_ == "ORG" and doc[i - 1].is_title)):
        i -= 1
    return i


def _name_word(tok: Token) -> bool:
    """A capitalised proper-noun word no entity holds, inside a sentence."""
    return tok.is_title and tok.pos_ == "PROPN" and not tok.ent_type_ and not tok.is_sent_start


def _org_name_end(doc: Doc, start: int, org_words: frozenset[str], nxt: Span | None) -> int | None:
    """Where a capitalised name running on from `start` ends in an organisation word (at most five
    words, 'of'/'for'/'and' between), if it does before the next entity."""
    stop = min(start + 6, len(doc), nxt.start if nxt is not None else len(doc))
    for i in range(start, stop):
        tok = doc[i]
        if not (tok.is_title or tok.lower_ in ("of", "for", "and")) or "\n" in doc[i - 1].whitespace_:
            return None
        if tok.text in org_words and tok.is_title:
            return i + 1
    return None


def _titled_issue_name_end(doc: Doc, ent: Span, nxt: Span | None) -> int | None:
    """An issue printed in title case, every word capitalised ('Rule of Law', not 'rule of law'),
    and run on by capitalised names on the same line ('Rule of Law Lifeline'): where the name ends."""
    words = [t for t in ent if t.is_alpha and t.lower_ not in ("of", "for", "and", "the")]
    if ent.label_ != "ISSUE" or len(words) < 2 or not all(t.is_title for t in words) \
            or (ent.start > 0 and (doc[ent.start - 1].text in ("'s", "’s") or doc[ent.start - 1].tag_ == "PRP$")):
        return None  # (the Commission's, its Political Prisoner Database is a thing it owns)
    stop = min(ent.end + 3, len(doc), nxt.start if nxt is not None else len(doc))
    end = ent.end
    while end < stop and doc[end].is_title and doc[end].pos_ == "PROPN" and "\n" not in doc[end - 1].whitespace_:
        end += 1
    return end if end > ent.end else None
