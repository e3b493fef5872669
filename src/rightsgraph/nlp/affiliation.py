"""Relation rules memberOf and leads: titles before a name, "X of/at ORG", appositives, units of
organisations, possessives, and heads told by a verb ("led by", "who heads") or a head title."""

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
    heading_org,
    lines,
    listed_people,
    mention_in,
    orgs_in,
    root_of,
)
from .speakers import SpeakerResolver
from .textspans import BULLETS, doc_text, paragraphs, sent_of, span_of, tokens_of

__all__ = ["membership", "leadership", "composition"]


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
                    and not any(t.pos_ in ("VERB", "AUX") or t.text in ("—", "–", "-", ",") or "\n" in t.text
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
            if c.dep_ == "appos" and c.pos_ in ("NOUN", "PROPN") and index.at(c.i) is None:
                orgs = [o for o in orgs_in(c, index) if not _portfolio(o, doc, k)] or _group_anaphor(c, index, k)
                # "A and B, the Chairman and Cochairman of X": each person with the title in their place
                pairs = _respectively(root, c, index) or [(m.canonical or "", c)]
                for o in orgs[:1]:
                    for person, title in pairs:
                        yield (person, "leads" if _head_title(title, lead_titles, c) else "memberOf", o.canonical or "",
                               c, 0.75, "appositive-title")
                if not orgs:  # "Daniel Baer, the deputy assistant secretary of state who …": the title's office
                    clause = {t.i for x in c.children if x.dep_ in ("relcl", "acl") for t in x.subtree}
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
    first = root
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    if title.dep_ != "appos" or title.head.i != root.i:
        return []
    people = [index.at(t.i) for t in (first, *first.conjuncts)]
    titles = [title, *title.conjuncts]
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
    """'Brad Adams, the group's Asia director': the organisation named just before."""
    for c in title.children:
        if c.dep_ == "poss" and c.lemma_.lower() in k.words("group_anaphors"):
            prev = index.before(c.i, ("Organization",))
            return [prev] if prev is not None else []
    return []


def _delegation_name(tok: Token, index: MentionIndex, k: Knowledge) -> str | None:
    """'the US side of the table', 'the Chinese delegation' -> 'U.S. delegation' / 'Chinese delegation'."""
    words = {t.lower_ for t in tok.subtree}
    if not words & k.words("delegation_terms"):
        return None
    govs = index.in_range(tok.left_edge.i, tok.right_edge.i + 1, ("Government",))
    text = " ".join(t.lower_ for t in tok.subtree)
    if govs:  # the gazetteer's delegation of that government ("the Chinese side" -> Chinese delegation)
        named = [name for name, gov in k.delegations.items() if gov == govs[0].canonical]
        return named[0] if named else f"{govs[0].canonical} delegation"
    if "chinese" in text:
        return "Chinese delegation"
    if "american" in text or "u.s." in text or "us " in text:
        return "U.S. delegation"
    return None


def leadership(doc: Doc, index: MentionIndex, k: Knowledge, speakers: SpeakerResolver) -> Iterator[Hit]:
    lead_verbs = k.words("lead_verbs")
    for t in tokens_of(doc):
        if t.lemma_.lower() not in lead_verbs or t.pos_ != "VERB":
            continue
        agents = [c for c in t.children if c.dep_ == "agent"]
        if agents:  # passive: "X will be led by P (and Q)"
            # the persons the 'by' phrase names (P, P and Q), not those of a clause the parse hung on it
            # ("led by P, press for the release of C")
            heads = [x for c in agents[0].children if c.dep_ == "pobj" for x in (c, *c.conjuncts)]
            leaders = [m for m in index.in_range(agents[0].left_edge.i, agents[0].right_edge.i + 1, ("Person",))
                       if any(m.start <= x.i < m.end for x in heads)]
            subj = [c for c in t.children if c.dep_ in ("nsubjpass", "nsubj")]
            if not subj and t.dep_ == "xcomp":  # "the Chinese side is expected to be led by P"
                subj = [c for c in t.head.children if c.dep_ in ("nsubjpass", "nsubj")]
            target = subj[0] if subj else (t.head if t.dep_ in ("acl", "advcl") else None)
            sided = list(_side_leaders(t, agents, index, k))
            for p, side in sided:  # "the round was led on the American side by P"
                yield (p.canonical or "", "leads", side, t, 0.75, "led-on-side")
            if target is None or sided:
                continue
            deleg = _delegation_name(target, index, k) or _led_group(target, index, k)
            event = mention_in(target, index, ("Event",))
            if deleg:
                for p in leaders:
                    yield (p.canonical or "", "leads", deleg, t, 0.8, "led-by-delegation")
                # the gapped second clause: "…, and the US delegation by Assistant Secretary X"
                for c in t.children:
                    by = [x for x in c.children if x.dep_ == "prep" and x.lower_ == "by"]
                    if c.dep_ == "conj" and by and (other := _delegation_name(c, index, k)) and other != deleg:
                        for p in index.in_range(by[0].left_edge.i, by[0].right_edge.i + 1, ("Person",)):
                            yield (p.canonical or "", "leads", other, c, 0.75, "led-by-delegation-gapped")
            elif event is not None or target.lemma_.lower() in k.words("dialogue_terms"):
                for a, b in zip(leaders, leaders[1:], strict=False):
                    yield (a.canonical or "", "metWith", b.canonical or "", t, 0.7, "talks-led-by")
            elif (led := mention_in(target, index, ORGS)) is not None:
                for p in leaders:
                    yield (p.canonical or "", "leads", led.canonical or "", t, 0.7, "led-by")
            continue
        subj = [c for c in t.children if c.dep_ == "nsubj"]
        objs = [c for c in t.children if c.dep_ == "dobj"]
        if subj and subj[0].lower_ in ("who", "that") and t.dep_ == "relcl":
            # "Bob Fu, who heads ChinaAid"; "X, the Ohio Democrat who chairs the subcommittee"
            subj = [t.head.head if t.head.dep_ == "appos" and index.at(t.head.i) is None else t.head]
        if subj and objs and (head := mention_in(subj[0], index, ("Person",))) is not None:
            org = mention_in(objs[0], index, ORGS)
            led_name = _delegation_name(objs[0], index, k) or (org.canonical if org else None)
            if led_name:
                yield (head.canonical or "", "leads", led_name, t, 0.75, "leads-verb")


def _led_group(tok: Token, index: MentionIndex, k: Knowledge) -> str | None:
    """'U.S. officials (, led by X)', 'Chinese counterparts (headed by Y)': that government's delegation."""
    if tok.lower_ not in k.words("led_group_nouns"):
        return None
    govs = [m for m in index.in_range(tok.left_edge.i, tok.i + 1, ("Government",)) if m.canonical]
    return next((name for name, gov in k.delegations.items() if govs and gov == govs[0].canonical), None)


def _side_leaders(verb: Token, agents: list[Token], index: MentionIndex,
                  k: Knowledge) -> Iterator[tuple[Mention, str]]:
    """'The talks were led on the American side by P (and on the Chinese side by Q)', 'On the Chinese
    side, the round was headed by Q': each side phrase goes with the first 'by' after it (or, fronted,
    the verb's own); its persons lead that side's delegation."""
    for prep in verb.subtree:
        if prep.dep_ not in ("prep", "conj") or prep.lower_ not in ("on", "for"):
            continue
        side = next((c for c in prep.children if c.dep_ == "pobj"), None)
        deleg = _delegation_name(side, index, k) if side is not None else None
        agent = next((a for a in verb.subtree if a.i > prep.i and a.lower_ == "by" and a.dep_ in ("agent", "prep")
                      and (a in agents or a.head == side)), None)
        if deleg is None or agent is None:
            continue
        stop = next((o.i for o in agent.subtree if o.i > agent.i and o.dep_ == "conj" and o.lower_ in ("on", "for")),
                    agent.right_edge.i + 1)  # "by P and on the Chinese side by Q": P only
        for p in index.in_range(agent.i, stop, ("Person",)):
            yield p, deleg


def own_delegation(doc: Doc, index: MentionIndex, k: Knowledge, speakers: SpeakerResolver) -> Iterator[Hit]:
    """'David Kramer and his delegation', "Posner led his delegation", "Li Wei's delegation": the person
    leads the delegation of the government the person serves (by the gazetteer, or the office a
    printed title stands for)."""
    terms = k.words("delegation_terms")
    for t in tokens_of(doc):
        if t.lemma_.lower() not in terms or t.pos_ != "NOUN":
            continue
        owner = next((c for c in t.children if c.dep_ == "poss"), None)
        if owner is None:
            continue
        head: Token | None = owner  # "Li Wei's delegation"
        if owner.lower_ in ("his", "her"):  # the person the noun phrase is coordinated with, or the subject
            if t.dep_ == "conj":
                head = t.head
            elif t.dep_ == "dobj":
                head = next((c for c in t.head.children if c.dep_ == "nsubj"), None)
            else:
                head = None
        person = index.at(head.i) if head is not None else None
        if person is None or person.kind != "Person" or not person.canonical:
            continue
        if (deleg := _government_delegation(person.canonical, index, k)) is not None:
            yield (person.canonical, "leads", deleg, t, 0.7, "own-delegation")


def _government_delegation(name: str, index: MentionIndex, k: Knowledge) -> str | None:
    entry = k.by_name.get(name)
    orgs = [entry.affiliation] if entry is not None and entry.affiliation else []
    orgs += [o for m in index.mentions if m.canonical == name and m.role and (o := _title_org(m.role, k))]
    for org in orgs:
        gov = k.by_name[org].parent if org in k.by_name else None
        found = next((d for d, g in k.delegations.items() if g == gov), None)
        if found:
            return found
    return None


def composition(doc: Doc, index: MentionIndex, k: Knowledge, speakers: SpeakerResolver) -> Iterator[Hit]:
    """'The U.S. delegation will include representatives of …:' and the list lines after it, each
    opening with a person ('- Name, Title, Agency'): each is a member of the delegation."""
    verbs = k.words("composition_verbs")
    paras = paragraphs(doc_text(doc))
    for n, (a, b) in enumerate(paras):
        if not doc_text(doc)[a:b].rstrip().endswith(":") or (span := span_of(doc, a, b)) is None:
            continue
        sent = sent_of(span[-1])
        verb = next((t for t in sent if t.lemma_.lower() in verbs and t.pos_ in ("VERB", "AUX")), None)
        subj = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")] if verb is not None else []
        if not subj:
            continue
        named = mention_in(subj[0], index, ("Organization",))
        deleg = _delegation_name(subj[0], index, k) or (
            named.canonical if named is not None and named.canonical in k.delegations else None)
        if deleg:
            for person in listed_people(doc, index, paras[n + 1:]):
                yield (person.canonical or "", "memberOf", deleg, doc[person.start], 0.7, "delegation-list")
