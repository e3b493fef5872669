"""Relation rules memberOf and leads from how a person is printed: titles before a name, "X of/at ORG",
appositives, units of organisations, possessives, entry lines under an agency. Who leads or belongs
to a delegation, and heads told by a verb ("led by", "who heads"), are delegations.py."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Token

from .knowledge import Knowledge
from .mentions import Mention, MentionIndex
from .phrases import (
    AFFIL_PREPS,
    ORGS,
    Hit,
    agency_items,
    first_conjunct,
    heading_org,
    lines,
    orgs_in,
    root_of,
)
from .speakers import SpeakerResolver
from .textspans import BULLETS, doc_text, span_of, tokens_of

__all__ = ["membership", "founders"]


def _title_org(role: str, knowledge: Knowledge) -> str | None:
    low = role.lower()
    for entry in sorted(knowledge.lexicon["title_affiliations"], key=lambda e: -len(e["title"])):
        if entry["title"] in low:
            return entry["org"]
    return None


def membership(doc: Doc, index: MentionIndex, k: Knowledge, speakers: SpeakerResolver) -> Iterator[Hit]:
    lead_titles = k.words("lead_titles")
    title_words = {t.lower().split()[-1] for t in k.lexicon["titles"]} | lead_titles
    for m in index.mentions:
        if m.kind != "Person":
            continue
        root = root_of(m, doc)
        # printed title before the name: "State Department spokesperson Victoria Nuland"
        if m.role:
            in_title = index.in_range(m.start - len(m.role.split()) - 4, m.start, ORGS)
            # the organisation belongs to the title only when no verb stands between them
            # ("Human Rights Watch urged Secretary of State John Kerry": not a member of HRW)
            orgs = [o for o in in_title if o.end <= m.start  # nor a dash, comma or line break (a dateline's city)
                    and not any(t.pos_ in ("VERB", "AUX") or t.text in ("—", "–", "-", ",", ".", ";", ":", "?")
                                or "\n" in t.text
                                or (t.pos_ == "ADP" and t.lower_ not in ("of", "for", "at"))  # "… delegation by"
                                for t in doc[o.end:m.start])]
            if orgs and _head_role(m.role, k) and orgs[-1].kind == "Organization":  # "HRIC President Liu Qing"
                yield (m.canonical or "", "leads", orgs[-1].canonical or "", root, 0.75, "title-org-head")
            elif orgs and not (orgs[-1].kind == "Government" and "president" in m.role.lower().split()):
                yield (m.canonical or "", "memberOf", orgs[-1].canonical or "", root, 0.8, "title-org")
            elif (org := _title_org(m.role, k)) is not None:
                yield (m.canonical or "", "memberOf", org, root, 0.7, "title-affiliation")
        for c in root.children:
            # "Sophie Richardson of Human Rights Watch", "Rebecca Berg at The New York Times"
            if c.dep_ == "prep" and c.lower_ in AFFIL_PREPS:
                for o in [o for o in orgs_in(c, index) if o.kind == "Organization"][:1]:
                    yield (m.canonical or "", "memberOf", o.canonical or "", c, 0.8, "person-prep-org")
            # appositive: "X, China director at Human Rights Watch" / "X, CHRD's International Director"
            # (or the titles the parse coordinated with the persons: "A (D-OH) and B (R-NJ), the Chair and
            # Cochair of X", read as "A and B and the Chair and …")
            listed = c.dep_ == "conj" and c.lower_ in title_words and any(d.lower_ == "the" for d in c.children)
            if (c.dep_ == "appos" or listed) and c.pos_ in ("NOUN", "PROPN") and index.at(c.i) is None:
                orgs = [o for o in orgs_in(c, index) if not _portfolio(o, doc, k)] or _group_anaphor(c, index, k)
                # "A and B, the Chairman and Cochairman of X": each person with the title in their place
                pairs = _respectively(root, c, index) or ([] if listed else [(m.canonical or "", c)])
                for o in orgs[:1]:
                    for person, title in pairs:
                        heads = _head_title(title, lead_titles, c) or _head_before(title, o, doc, k)
                        yield (person, "leads" if heads else "memberOf", o.canonical or "", c, 0.75, "appositive-title")
                if not orgs:  # "Daniel Baer, the deputy assistant secretary of state who …": the title's office
                    clause = {t.i for x in c.children if x.dep_ in ("relcl", "acl") for t in x.subtree}
                    if index.in_range(c.left_edge.i, c.right_edge.i + 1, ("Person",)):
                        continue  # another person's title ("X, Director-General of …, and US Assistant Secretary Y")
                    words = " ".join(t.lower_ for t in c.subtree if t.i not in clause)
                    if (office := _title_org(words, k)) is not None:
                        yield (m.canonical or "", "memberOf", office, c, 0.7, "appositive-office")
        # the title printed before the name and a comma: "Human Rights Watch's China director, Sophie
        # Richardson, said"; "the Foreign Ministry spokesman, Kong Quan, said"
        head = root.head
        if root.dep_ == "appos" and head.i < m.start and head.pos_ in ("NOUN", "PROPN") and index.at(head.i) is None \
                and head.lower_ in title_words:
            for o in [o for o in orgs_in(head, index) if o.end <= m.start][-1:]:
                leads = _head_title(head, lead_titles) and o.kind == "Organization"
                yield (m.canonical or "", "leads" if leads else "memberOf", o.canonical or "", head, 0.75,
                       "title-appositive")
        # "X, who teaches politics at George Washington University": where the person works
        for c in root.children:
            if c.dep_ == "relcl" and c.lemma_.lower() in k.words("employment_verbs") \
                    and any(s.lower_ in ("who", "that") for s in c.children if s.dep_ == "nsubj"):
                for p in (p for p in c.children if p.dep_ == "prep" and p.lower_ in ("at", "for", "with", "in")):
                    for o in [o for o in orgs_in(p, index) if o.kind == "Organization"][:1]:
                        yield (m.canonical or "", "memberOf", o.canonical or "", c, 0.75, "works-at")
        # the parse hung "of the Bureau …" on the title: "Assistant Secretary X of the Bureau of …"
        if not any(c.dep_ == "prep" and c.lower_ in AFFIL_PREPS for c in root.children) \
                and (unit_of := _org_after(m, doc, index, frozenset({"of", "at"}))) is not None \
                and unit_of.kind == "Organization":
            yield (m.canonical or "", "memberOf", unit_of.canonical or "", doc[m.end], 0.7, "person-of-org")
        # possessive: "Human Rights Watch's Sophie Richardson"
        for c in root.children:
            if c.dep_ == "poss" and (owner := index.at(c.i)) is not None and owner.kind == "Organization":
                yield (m.canonical or "", "memberOf", owner.canonical or "", c, 0.7, "org-possessive")
    yield from _units(doc, index, k)
    yield from _entry_lines(doc, index, k)


def _respectively(root: Token, title: Token, index: MentionIndex) -> list[tuple[str, Token]]:
    """Each person of a coordination with the title in their place, when an apposition after the last
    of them lists as many titles ('A and B, the Chairman and Cochairman of …'); else nothing."""
    first = first_conjunct(root)
    if title.dep_ not in ("appos", "conj") or title.head.i != root.i:
        return []
    together = [t for t in (first, *first.conjuncts) if t.i < title.i]
    people = [index.at(t.i) for t in together]
    titles = [x for x in (title, *title.conjuncts) if x.i >= title.i and index.at(x.i) is None]
    if len(people) < 2 or len(people) != len(titles) or any(p is None or p.kind != "Person" for p in people):
        return []
    return [(p.canonical or "", t) for p, t in zip(people, titles, strict=True) if p is not None]


def _portfolio(org: Mention, doc: Doc, k: Knowledge) -> bool:
    """'Director for China', 'Under Secretary for International Affairs': what the title covers,
    not where its holder works (a known body after 'for' still is: 'China director for HRW')."""
    return org.start > 0 and doc[org.start - 1].lower_ == "for" and (
        org.kind == "Government" or org.canonical not in k.by_name)


def _entry_lines(doc: Doc, index: MentionIndex, k: Knowledge) -> Iterator[Hit]:
    """A line that is a person's entry, not a sentence ('- Name, Title, Office, Agency' in a
    delegation list; a signature block): the person is a member of the agency the line ends with,
    and of the office the title names ('Deputy Assistant Secretary of State')."""
    text = doc_text(doc)
    heading: Mention | None = None  # the agency whose heading line the entries below stand under
    for lo, hi in lines(text):
        if (org := heading_org(doc, index, lo, hi)) is not None:
            heading = org
            continue
        if not text[lo:hi].lstrip().startswith(BULLETS) and not text[lo:hi].rstrip().endswith(":"):
            heading = None  # a heading holds over its bullets (and a list's opening line)
        if items := agency_items(doc, index, lo, hi):
            # 'Department of State: Name, Title; Name, Office, Bureau.': each is of the agency, and of
            # the first office the item names
            for agency, item in items:
                people = index.in_range(item.start, item.end, ("Person",))
                if not people or people[0].start - item.start > 2 or not agency.canonical:
                    continue
                orgs = [o for o in index.in_range(people[0].end, item.end, ("Organization",))
                        if not _portfolio(o, doc, k)]
                yield from _member_of_units(people[0], [*orgs, agency], doc, k, "agency-line")
            continue
        if "," not in text[lo:hi] or hi - lo > 200 or (span := span_of(doc, lo, hi)) is None:
            continue
        people = index.in_range(span.start, span.end, ("Person",))
        if not people or people[0].start - span.start > 2 or people[0].end >= span.end \
                or doc[people[0].end].text != "," or any(t.pos_ == "VERB" for t in span):
            continue
        person = people[0]
        orgs = [o for o in index.in_range(person.end, span.end, ("Organization",)) if not _portfolio(o, doc, k)]
        if heading is not None and heading.canonical not in [o.canonical for o in orgs]:
            orgs.append(heading)
        if orgs:
            yield from _member_of_units(person, orgs, doc, k, "entry-line")
            role = text[doc[person.end].idx + 1:doc[orgs[0].start].idx].strip().rstrip(",").strip()
            if len(orgs) == 1 and orgs[0].kind == "Organization" and orgs[0].canonical and "," not in role \
                    and _head_role(role, k) and not _unit(orgs[0], k):  # "- Name, President, Body": its head
                yield (person.canonical or "", "leads", orgs[0].canonical, doc[person.start], 0.7, "entry-line-head")
        if (office := _title_org(doc[person.end:span.end].text, k)) is not None:
            yield (person.canonical or "", "memberOf", office, doc[person.start], 0.7, "entry-line-title")


def _member_of_units(person: Mention, units: list[Mention], doc: Doc, k: Knowledge, rule: str) -> Iterator[Hit]:
    """An entry's person and the bodies it names, the most specific first and the agency last
    ('Office of X, Bureau of Y, Department of State'): the person is of the agency and of the first
    unit, and each unit is part of the next."""
    if not units[-1].canonical:
        return
    yield (person.canonical or "", "memberOf", units[-1].canonical, doc[person.start], 0.7, rule)
    if units[0].canonical and units[0].canonical != units[-1].canonical:
        yield (person.canonical or "", "memberOf", units[0].canonical, doc[person.start], 0.7, f"{rule}-office")
    yield from _unit_chain(units, doc, k, f"{rule}-unit")


def _unit_chain(units: list[Mention], doc: Doc, k: Knowledge, rule: str) -> Iterator[Hit]:
    """'Office of X, Bureau of Y' in an entry, then its agency: each unit is part of the one printed
    after it, the most specific first (only units whose names say they are parts of a body, by their
    first or last word: 'Office of …', 'Civil Rights Division')."""
    for inner, outer in zip(units, units[1:], strict=False):
        if inner.canonical and outer.canonical and inner.canonical != outer.canonical \
                and {inner.text.split()[0].lower(), inner.text.split()[-1].lower()} & k.words("unit_words"):
            yield (inner.canonical, "memberOf", outer.canonical, doc[inner.start], 0.6, rule)


def _head_role(role: str, k: Knowledge) -> bool:
    """A printed title that heads its body: 'President', 'Executive Director', not 'Deputy Director'
    nor 'Vice Chairman'."""
    words, heads = role.lower().split(), k.words("lead_titles")
    for n in (2, 1):
        if len(words) >= n and " ".join(words[-n:]) in heads:
            return len(words) == n or words[-n - 1] not in k.words("deputy_modifiers")
    return False


def _head_before(title: Token, org: Mention, doc: Doc, k: Knowledge) -> bool:
    """'X, President, Harbor Institute': a head's bare title with its body printed right after it and
    a comma, as in a witness list or a signature line."""
    return org.kind == "Organization" and org.start == title.i + 2 and doc[title.i + 1].text == "," \
        and _head_role(doc[title.left_edge.i:title.i + 1].text, k) and not _unit(org, k)


def _unit(org: Mention, k: Knowledge) -> bool:
    """'Office of …', 'Asylum Division': a part of a body by its name, whose director the gazetteer
    and the annotators take as one of its staff rather than the head of an organisation."""
    words = org.text.split()
    return bool({words[0].lower(), words[-1].lower()} & k.words("unit_words"))


def _head_title(title: Token, lead_titles: frozenset[str], owner: Token | None = None) -> bool:
    """'executive director of X', 'X's chairman': a head's title with its organisation (not 'deputy
    director', whose modifier is no head's word). `owner` is the title that carries the organisation
    when this one is coordinated with it ('the Chairman and Cochairman of X')."""
    words = " ".join(t.lower_ for t in title.lefts if t.dep_ in ("compound", "amod")) + " " + title.lower_
    return (title.lemma_.lower() in lead_titles or words.strip() in lead_titles) \
        and any(p.lower_ == "of" or p.dep_ == "poss" for p in (owner or title).children) and not any(
            t.dep_ in ("compound", "amod") and t.lower_ not in lead_titles for t in title.lefts
            if f"{t.lower_} {title.lower_}" not in lead_titles)


def _units(doc: Doc, index: MentionIndex, k: Knowledge) -> Iterator[Hit]:
    """A unit of an organisation: 'Institute of American Studies under the Chinese Academy …', 'the
    Department of X of the Ministry of Foreign Affairs', 'the Bureau of X at the State Department',
    'the Foreign Ministry's Department of X'."""
    units, preps = k.words("org_unit_words"), k.words("org_part_preps")
    for m in index.mentions:
        if m.kind != "Organization":
            continue
        root = root_of(m, doc)
        is_unit = any(t.lower_ in units for t in doc[m.start:m.end])
        for c in root.children:
            if c.dep_ == "prep" and c.lower_ in ("under", "within"):
                for o in orgs_in(c, index)[:1]:
                    yield (m.canonical or "", "memberOf", o.canonical or "", c, 0.7, "org-under-org")
            if c.dep_ == "poss" and is_unit and (owner := index.at(c.i)) is not None and owner.kind in ORGS:
                yield (m.canonical or "", "memberOf", owner.canonical or "", c, 0.7, "org-possessive-unit")
        # the next words after the unit's name: "of the Chinese Ministry …" (the parse often hangs
        # that phrase on the name's own last word, so read the surface)
        if is_unit and (nxt := _org_after(m, doc, index, preps)) is not None:
            yield (m.canonical or "", "memberOf", nxt.canonical or "", doc[m.end], 0.7, "unit-of-org")


def _org_after(m: Mention, doc: Doc, index: MentionIndex, preps: frozenset[str]) -> Mention | None:
    """The organisation named right after a mention and a preposition: '… of (the) Ministry X'."""
    if m.end + 1 >= len(doc) or doc[m.end].lower_ not in preps:
        return None
    at = m.end + 2 if doc[m.end + 1].lower_ == "the" else m.end + 1
    nxt = index.at(at) if at < len(doc) else None
    return nxt if nxt is not None and nxt.kind in ORGS and nxt.canonical != m.canonical else None


def _group_anaphor(title: Token, index: MentionIndex, k: Knowledge) -> list[Mention]:
    """'Brad Adams, the group's Asia director': the organisation named last before. A group, an NGO or
    a watchdog is no state body: 'officers of the Aba Public Security Bureau took her … noted Y, the
    group's researcher' passes over the bureau to the group named before it."""
    for c in title.children:
        if c.dep_ == "poss" and c.lemma_.lower() in k.words("group_anaphors"):
            state = k.words("state_body_words") if c.lemma_.lower() in k.words("nongovernmental_anaphors") else ()
            orgs = sorted((m for m in index.mentions if m.end <= c.i and m.kind == "Organization"),
                          key=lambda m: -m.start)
            prev = next((m for m in orgs if not (state and _state_body(m, k, state))), None)
            return [prev] if prev is not None else []
    return []


def _state_body(m: Mention, k: Knowledge, words: frozenset[str]) -> bool:
    """A government's agency, ministry, court or police: the gazetteer says so, or its name does."""
    entry = k.by_name.get(m.canonical or "")
    return (entry is not None and (entry.government or entry.parent is not None)) \
        or any(w.lower() in words for w in (m.canonical or m.text).split())


def founders(doc: Doc, index: MentionIndex, k: Knowledge, speakers: SpeakerResolver) -> Iterator[Hit]:
    """'X co-founded the China Democracy Party', 'A, B and C, who were sentenced for trying to register
    an opposition party, the China Democracy Party': who founds, forms or registers an organisation is
    its member (the founder is the subject of the nearest clause up, through 'who' to the persons it
    stands for)."""
    for t in tokens_of(doc):
        if t.lemma_.lower() not in k.words("founding_verbs") or t.pos_ != "VERB":
            continue
        org = _founded(t, index, k)
        people = _acting_persons(t, index) if org is not None else []
        for p in people:
            if p.canonical and org is not None and org.canonical:
                yield (p.canonical, "memberOf", org.canonical, t, 0.7, "founder")


def _founded(verb: Token, index: MentionIndex, k: Knowledge) -> Mention | None:
    """The organisation a founding verb's object names, or the one in apposition right after it ('an
    opposition party, the China Democracy Party', however the parse hung it)."""
    for obj in (c for c in verb.children if c.dep_ == "dobj"):
        found = [m for m in index.in_range(obj.left_edge.i, obj.right_edge.i + 1, ("Organization",))
                 if m.canonical not in k.delegations]
        if found:
            return found[0]
        after = obj.right_edge.i + 1
        if after + 1 < len(verb.doc) and verb.doc[after].text == "," and (m := index.at(after + 2)) is not None \
                and verb.doc[after + 1].lower_ == "the" and m.kind == "Organization":
            return m
    return None


def _acting_persons(verb: Token, index: MentionIndex) -> list[Mention]:
    """The persons who are the subject of the nearest clause at or above `verb`: through 'who' to the
    noun it qualifies, and from 'the cases of A, B and C' to A, B and C."""
    tok = verb
    for _ in range(6):
        subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None:
            if subj.lower_ in ("who", "that") and tok.dep_ == "relcl":
                subj = tok.head
            return _coordinated_persons(subj, index)
        if tok.head.i == tok.i:
            return []
        tok = tok.head
    return []


def _coordinated_persons(tok: Token, index: MentionIndex) -> list[Mention]:
    first = first_conjunct(tok)
    heads = [first, *first.conjuncts]
    if index.at(first.i) is None:  # "the cases of A, B and C"
        heads = [x for c in first.children if c.dep_ == "prep" and c.lower_ == "of"
                 for g in c.children if g.dep_ == "pobj" for x in (g, *g.conjuncts)]
    people = [index.at(x.i) for x in heads]
    return [p for p in people if p is not None and p.kind == "Person"]
