"""Relations that follow from other facts: raised, criticizes/defends, urges, metWith, detainedBy,
gazetteer roles (raised from the text itself is raised.py).

- raised: the speaker of an advocacy statement raised the case persons it names; a relative who
  speaks out raised the case; what an official raised, the government they represent raised too
  (lower confidence).
- urges: what a speaker says another actor should or must do; metWith: the heads of two
  governments' delegations.
- criticizes/defends the dialogue: each stance a speaker's statements in the article take (one who
  calls the talks too thin and still worth keeping both criticizes and defends them).
- criticizes an actor: a statement with criticism cues that names another government/organisation.
- detainedBy: a detained or missing person is held by the agent the text names, else by the
  government most present where detention is reported.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from itertools import combinations

from spacy.tokens import Doc, Token

from ..model import Case, Relation, Span, Statement
from .knowledge import Knowledge
from .mentions import Mention, MentionIndex
from .phrases import evidence_of
from .raised import named_in_statements, text_range
from .stance import find_cues, inflections
from .textspans import doc_text, span_of

__all__ = ["derived_relations", "DIALOGUE"]

DIALOGUE = "US-China Human Rights Dialogue"
DETAIN_VERBS = {"detain", "arrest", "hold", "jail", "imprison", "sentence", "take", "seize", "abduct", "disappear"}


def _official_government(person: str, relations: list[Relation], k: Knowledge) -> str | None:
    gaz = k.by_name
    agency = person in gaz and gaz[person].kind == "Organization"
    for r in relations:  # an agency in a delegation does not act for its government by that (see below)
        if r.subject == person and r.predicate == "memberOf" and not (agency and r.object in k.delegations):
            org = gaz.get(r.object)
            if org is not None and org.government:
                return org.name
            if org is not None and org.parent:
                return org.parent
    entry = gaz.get(person)
    if entry and entry.affiliation and (aff := gaz.get(entry.affiliation)) is not None:
        return aff.parent
    if entry and "delegation" in entry.name.lower():
        return entry.parent  # a delegation acts for its government (an agency acts for itself)
    return None


def _lawmakers(relations: list[Relation], index: MentionIndex, k: Knowledge) -> set[str]:
    """Members of a legislature, and people titled as one ('Rep.', 'Senator'): what a lawmaker
    raises or criticizes, the government has not thereby raised or criticized."""
    titles = k.words("legislator_titles")
    titled = {m.canonical for m in index.mentions if m.canonical and m.role and set(m.role.lower().split()) & titles}
    return titled | {r.subject for r in relations if r.predicate == "memberOf"
                     and (org := k.by_name.get(r.object)) is not None and org.legislature}


def _government_of(speaker: str, members: list[Relation], k: Knowledge) -> str | None:
    """The government an official, agency, ministry or delegation acts for."""
    entry = k.by_name.get(speaker)
    return _official_government(speaker, members, k) or (
        entry.parent if entry is not None and not entry.government and entry.kind == "Organization" else None)


def derived_relations(doc: Doc, index: MentionIndex, k: Knowledge, article_id: str,
                      statements: list[Statement], cases: list[Case], relations: list[Relation]) -> list[Relation]:
    out = list(_gazetteer_roles(index, k, doc, article_id, statements))
    out += _members_of_the_whole(relations + out, index, k)
    members = relations + out
    lawmakers = _lawmakers(members, index, k)
    for r in [r for r in relations if r.predicate == "raised" and r.subject not in lawmakers]:
        gov = _official_government(r.subject, members, k)
        if gov and gov != r.subject:
            out.append(Relation(gov, "raised", r.object, r.sentence, round(r.confidence * 0.6, 2), "official-raised"))
    persons = {c.name for c in cases if c.kind == "Person"}
    # the detaining government's own officials telling of a detention are not raising the case
    holder = str(k.lexicon.get("default_detaining_government") or "")
    out += [r for r in named_in_statements(doc, index, k, statements, kinds=("Person",), only=persons)
            if holder not in (r.subject, _government_of(r.subject, members, k))]
    out += _relatives_speak_for(statements, relations, persons)
    out += _stance_relations(statements)
    out += _criticized_actors(doc, index, k, statements, members)
    out += _governments_criticize(out, members, k, lawmakers)
    out += _modal_urges(doc, index, k, statements, members)
    out += _delegation_heads(relations + out, k)
    out += _detentions(doc, index, k, article_id, cases)
    return out


def _members_of_the_whole(relations: list[Relation], index: MentionIndex, k: Knowledge) -> list[Relation]:
    """An official of a unit of a government body is a member of that body too ('Director-General of
    the Department of International Organizations' of the Foreign Ministry works for the Ministry):
    up through the gazetteer's ministries and agencies, not into a government or a delegation, nor
    into a body the gazetteer does not place in a government ('an institute under the Academy')."""
    people = {m.canonical for m in index.mentions if m.kind == "Person"}
    gaz = k.by_name
    part_of = {name: e.affiliation for name, e in gaz.items() if e.kind == "Organization" and e.affiliation}
    for r in relations:
        if r.predicate == "memberOf" and r.subject not in people:
            part_of.setdefault(r.subject, r.object)
    out = []
    for r in relations:
        if r.predicate != "memberOf" or r.subject not in people:
            continue
        seen, body = {r.subject, r.object}, part_of.get(r.object)
        while body is not None and body not in seen and (e := gaz.get(body)) is not None and not e.government \
                and e.parent and not body.lower().endswith("delegation"):
            out.append(Relation(r.subject, "memberOf", body, r.sentence, round(r.confidence * 0.8, 2),
                                "member-of-whole"))
            seen.add(body)
            body = part_of.get(body)
    return out


def _delegation_heads(relations: list[Relation], k: Knowledge) -> list[Relation]:
    """The heads of two governments' delegations to the talks met each other ('the U.S. delegation,
    led by X, … the Chinese delegation, headed by Y')."""
    side = k.delegations
    future = k.words("future_markers")
    heads: dict[str, Relation] = {}
    for r in relations:  # "X will lead the delegation": an announcement, not a meeting that took place
        if r.predicate == "leads" and r.object in side \
                and not set(re.findall(r"[\w']+", r.sentence.text.lower())) & future:
            heads.setdefault(r.subject, r)
    out = []
    for a, b in combinations(sorted(heads), 2):
        ra, rb = heads[a], heads[b]
        if side[ra.object] != side[rb.object]:
            out.append(Relation(a, "metWith", b, rb.sentence, 0.5, "delegation-heads"))
    return out


def _gazetteer_roles(index: MentionIndex, k: Knowledge, doc: Doc, article_id: str,
                     statements: list[Statement]) -> Iterator[Relation]:
    """Known officials (data/actors.jsonl): their office and whom they lead, when the article names
    them; and a known unit of a body ('Bureau of Democracy, Human Rights, and Labor' of the State
    Department) is one of its members."""
    gaz = k.by_name
    seen = set()
    named: list[tuple[str, Token | Span]] = [(m.canonical or "", doc[m.start]) for m in index.mentions]
    named += [(st.speaker, st.sentence) for st in statements]
    for name, where in named:
        entry = gaz.get(name)
        if entry is None or entry.name in seen:
            continue
        if entry.kind == "Organization" and entry.affiliation and not entry.government:
            seen.add(entry.name)
            ev = evidence_of(where, article_id) if isinstance(where, Token) else where
            yield Relation(entry.name, "memberOf", entry.affiliation, ev, 0.5, "gazetteer-unit")
            continue
        if entry.kind != "Person":
            continue
        seen.add(entry.name)
        ev = evidence_of(where, article_id) if isinstance(where, Token) else where
        if entry.affiliation:
            yield Relation(entry.name, "memberOf", entry.affiliation, ev, 0.5, "gazetteer-affiliation")
        if entry.leads:
            yield Relation(entry.name, "leads", entry.leads, ev, 0.5, "gazetteer-leads")


def _relatives_speak_for(statements: list[Statement], relations: list[Relation], persons: set[str]) -> list[Relation]:
    """A detained person's relative who speaks out in the article raised that person's case."""
    out = []
    kin = {(r.subject, r.object) for r in relations if r.predicate == "relativeOf"}
    kin |= {(o, s) for s, o in kin}
    for st in statements:
        for relative, case in sorted(kin):
            if relative == st.speaker and case in persons:
                out.append(Relation(st.speaker, "raised", case, st.sentence, 0.5, "relative-speaks"))
    return out


def _stance_relations(statements: list[Statement]) -> list[Relation]:
    first: dict[tuple[str, str], Statement] = {}
    for st in statements:
        if st.stance != "neutral":
            first.setdefault((st.speaker, st.stance), st)
    return [Relation(speaker, stance, DIALOGUE, st.sentence, st.confidence, "statement-stance")
            for (speaker, stance), st in sorted(first.items())]


def _own_side(speaker: str, members: list[Relation], k: Knowledge) -> set[str]:
    """The speaker, the organisation they belong to and its government: not 'others' to them."""
    own = {speaker, _official_government(speaker, members, k) or ""}
    entry = k.by_name.get(speaker)
    if entry is not None:
        own |= {entry.parent or "", entry.affiliation or ""}
        if entry.affiliation and (aff := k.by_name.get(entry.affiliation)) is not None:
            own.add(aff.parent or "")
    return own - {""}


def _modal_urges(doc: Doc, index: MentionIndex, k: Knowledge, statements: list[Statement],
                 members: list[Relation]) -> list[Relation]:
    """'… the United States should reflect on its own problems', 'Washington must not let …', 'we hope
    the US side will stop …' in what a speaker says: the speaker urges that actor."""
    modals = k.words("urge_modals")
    hopes = {form for v in k.words("hope_verbs") for form in inflections(v)}  # the parser lemmatizes "hoped" as "hop"
    out = []
    for st in statements:
        lo, hi = text_range(doc, st)
        span = span_of(doc, lo, hi)
        if span is None:
            continue
        own = _own_side(st.speaker, members, k)
        for t in span:
            aux = {c.lower_ for c in t.children if c.dep_ == "aux"}
            hoped = t.head.lower_ in hopes and t.dep_ == "ccomp" and aux & {"will", "would", "can"}
            if t.pos_ not in ("VERB", "AUX") or not (aux & modals or hoped):
                continue
            subj = [c for c in t.children if c.dep_ in ("nsubj", "nsubjpass")]
            target = index.at(subj[0].i) if subj else None
            if target is not None and target.kind in ("Government", "Organization", "Person") and target.canonical \
                    and target.canonical not in own:
                out.append(Relation(st.speaker, "urges", target.canonical, st.sentence, 0.5, "modal-urges"))
    return out


def _criticized_actors(doc: Doc, index: MentionIndex, k: Knowledge, statements: list[Statement],
                       members: list[Relation]) -> list[Relation]:
    cues, rebuttal = k.phrases("criticism_cues"), k.phrases("rebuttal_cues")
    default = str(k.lexicon.get("default_detaining_government") or "")
    named = index.most_named("Government")
    counterpart = next((g for g in named if g != default), None)
    out = []
    for st in statements:
        acts_for = (st.speaker, _government_of(st.speaker, members, k))
        if find_cues(st.text, rebuttal) and counterpart and default in acts_for:
            # 'we oppose any attempt to interfere in China's internal affairs' for Beijing: the other
            # government is criticized, whether or not this sentence names it
            out.append(Relation(st.speaker, "criticizes", counterpart, st.sentence, 0.45, "rebuttal-cue"))
            continue
        if not find_cues(st.text, cues):
            continue
        lo, hi = text_range(doc, st)
        own = _own_side(st.speaker, members, k)
        found = find_cues(doc_text(doc)[lo:hi], cues)
        govs = [m for m in index.mentions if m.kind == "Government" and m.canonical and m.canonical not in own
                and lo <= doc[m.start].idx < hi]
        # whom the statement calls on to act is asked, not blamed ('condemned the life sentence … and
        # called on the Obama Administration to …')
        govs = [m for m in govs if not _urged(m, doc, k)]
        if govs:
            target = min(govs, key=lambda m: min(abs(doc[m.start].idx - lo - off) for off, _p in found))
            out.append(Relation(st.speaker, "criticizes", target.canonical or "", st.sentence, 0.5, "criticism-cue"))
        elif default and default in named and default not in acts_for and default not in own \
                and find_cues(st.text, k.phrases("repression_cues")):
            # an advocate, lawmaker or foreign official decrying detentions or a crackdown without naming
            # who does it ('scores of people have been detained or made to disappear'): the domain's
            # detaining state, named in the article; not that state's own officials
            out.append(Relation(st.speaker, "criticizes", default, st.sentence, 0.4, "repression-cue"))
    return out


def _urged(m: Mention, doc: Doc, k: Knowledge) -> bool:
    """The mention is whom an urge verb addresses: 'urged Washington to …', 'called on the
    administration to …'."""
    root = doc[m.start:m.end].root
    verb = root.head.head if root.dep_ == "pobj" and root.head.lower_ in ("on", "upon") else root.head
    return (root.dep_ == "dobj" or root.dep_ == "pobj") and verb.lemma_.lower() in k.words("urge_verbs")


def _governments_criticize(found: list[Relation], members: list[Relation], k: Knowledge,
                           lawmakers: set[str]) -> list[Relation]:
    """What an official, ministry or delegation of one government criticizes in another government,
    that government criticizes ('the Foreign Ministry's spokesman rejected Washington's criticism':
    China criticizes the United States). Not a lawmaker's words, nor a government's own."""
    out = []
    governments = {e.name for e in k.actors if e.government}
    for r in found:
        if r.predicate != "criticizes" or r.object not in governments or r.subject in lawmakers:
            continue
        gov = _government_of(r.subject, members, k)
        if gov and gov != r.object and gov != r.subject:
            out.append(Relation(gov, "criticizes", r.object, r.sentence, round(r.confidence * 0.6, 2),
                                "official-criticizes"))
    return out


def _detentions(doc: Doc, index: MentionIndex, k: Knowledge, article_id: str, cases: list[Case]) -> list[Relation]:
    held = [c for c in cases if c.kind == "Person" and c.status in ("detained", "missing")]
    for c in cases:  # an issue that is a group of people held ("political prisoners"; issues.jsonl: "held")
        entry = k.by_name.get(c.name)
        first = next((m for m in index.mentions if m.kind == "Issue" and m.canonical == c.name), None)
        if c.kind == "Issue" and entry is not None and entry.held and first is not None:
            held.append(replace(c, sentence=evidence_of(doc[first.start], article_id)))
    if not held:
        return []
    mentioned = index.most_named("Government")
    default = k.lexicon.get("default_detaining_government")
    if default in mentioned:
        gov = default  # the domain's detaining state (data: lexicon.json), when the article names it
    elif mentioned:
        gov = mentioned[0]  # else the government the article names most
    else:
        return []
    out = []
    for c in held:
        if c.sentence is None:
            continue
        agent = _detaining_agent(doc, index, c)
        out.append(Relation(c.name, "detainedBy", str(agent or gov), c.sentence, 0.8 if agent else 0.5,
                            "detained-by-agent" if agent else "detention-government"))
    return out


def _detaining_agent(doc: Doc, index: MentionIndex, case: Case) -> str | None:
    """'X was detained by Chinese authorities' / 'police detained X': the government named as agent."""
    assert case.sentence is not None
    span = span_of(doc, case.sentence.begin, case.sentence.end)
    if span is None:
        return None
    for t in span:
        if t.dep_ == "agent" or (t.dep_ == "nsubj" and any(c.dep_ == "dobj" for c in t.head.children)):
            root = t if t.dep_ == "nsubj" else next((c for c in t.children if c.dep_ == "pobj"), None)
            m = index.at(root.i) if root is not None else None
            if m is not None and m.kind == "Government" and t.head.lemma_.lower() in DETAIN_VERBS:
                return m.canonical
    return None
