"""Relations that follow from other facts: raised, criticizes/defends, detainedBy, gazetteer roles.

- raised: the subject of a raise-type verb raised every person/issue on its object side; the
  speaker of a statement raised the cases and issues it names; what an official raised in the
  talks, the government they represent raised too (lower confidence).
- criticizes/defends the dialogue: the majority stance of a speaker's statements in the article.
- criticizes an actor: a statement with criticism cues that names another government/organisation.
- detainedBy: a detained or missing person is held by the agent the text names, else by the
  government most present where detention is reported.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import replace
from itertools import combinations

from spacy.tokens import Doc, Token

from ..model import Case, Relation, Span, Statement
from .cases import raised_objects
from .knowledge import Knowledge
from .mentions import Mention, MentionIndex
from .relations import evidence_of
from .speakers import SpeakerResolver
from .stance import find_cues
from .textspans import doc_text, in_question, paragraphs, span_of, tokens_of

__all__ = ["raised_relations", "derived_relations", "DIALOGUE"]

DIALOGUE = "US-China Human Rights Dialogue"
DETAIN_VERBS = {"detain", "arrest", "hold", "jail", "imprison", "sentence", "take", "seize", "abduct", "disappear"}


def raised_relations(doc: Doc, index: MentionIndex, k: Knowledge, article_id: str,
                     speakers: SpeakerResolver, statements: list[Statement]) -> list[Relation]:
    out: list[Relation] = []
    verbs = k.words("raise_verbs")
    for t in tokens_of(doc):
        if t.lemma_.lower() not in verbs or t.pos_ != "VERB" or in_question(t):
            continue
        needs = {"bring": ("up",), "put": ("on",), "ask": ("about",), "call": ("for",)}.get(t.lemma_.lower())
        if needs and not any(c.lower_ in needs for c in t.children):
            continue  # "brought up", "put on the agenda", "asked about", "called for the release of"
        agent = [c for c in t.children if c.dep_ == "agent"]
        subj = agent[0] if agent else speakers.subject_of(t)
        if subj is None and t.dep_ == "xcomp" and t.head.lemma_.lower() in k.words("urge_verbs"):
            subj = speakers.subject_of(t.head)  # "X urged Washington to raise the case of Y": X raised Y
        if subj is None:
            continue
        for speaker, conf in speakers.resolve_all(subj if not agent else next(iter(agent[0].children), None)):
            for m in raised_objects(t, index, k):
                if m.canonical and m.canonical != speaker:
                    out.append(Relation(speaker, "raised", m.canonical, evidence_of(t, article_id),
                                        round(0.85 * conf, 2), "raise-verb"))
    out += _urged_for(doc, index, k, article_id, speakers)
    out += _concerns(doc, index, k, article_id, speakers)
    out += _listed(doc, index, k, article_id, speakers)
    out += _named_in_statements(doc, index, k, statements, kinds=("Issue",))
    return out


def _listed(doc: Doc, index: MentionIndex, k: Knowledge, article_id: str,
            speakers: SpeakerResolver) -> list[Relation]:
    """'Among those Amnesty International is calling on the US delegation to raise are:' and the
    list paragraphs after it, each opening with a person: the speaker raised each of them."""
    out: list[Relation] = []
    verbs = k.words("raise_verbs") | k.words("urge_verbs")
    paras = paragraphs(doc_text(doc))
    for n, (a, b) in enumerate(paras):
        if not doc_text(doc)[a:b].rstrip().endswith(":") or (span := span_of(doc, a, b)) is None:
            continue
        sent = span[-1].sent
        intro = [t for t in sent if t.lemma_.lower() in verbs and t.pos_ == "VERB" and not in_question(t)]
        if not intro:
            continue
        who = next((found for t in intro if (found := speakers.resolve_all(speakers.subject_of(t)))), [])
        if not who:  # "Among those Amnesty International is calling on …": the actor named before the verb
            named = [m for m in index.in_range(sent.start, intro[0].i, ("Person", "Organization", "Government"))]
            who = [(named[0].canonical, 0.6)] if named and named[0].canonical else []
        for c, d in paras[n + 1:]:
            item = span_of(doc, c, d)
            first = next((m for m in index.mentions if item is not None and item.start <= m.start < item.end), None)
            if item is None or first is None or first.kind != "Person" \
                    or first.start - item.start > 2 or not first.canonical:  # "- Name, …" / "1. Name …"
                break
            out += [Relation(speaker, "raised", first.canonical, evidence_of(doc[first.start], article_id),
                             round(0.6 * conf, 2), "list-raised") for speaker, conf in who
                    if speaker != first.canonical]
    return out


def _raised_by(verb: Token, objects: list[Mention], speakers: SpeakerResolver, article_id: str, conf: float,
               rule: str) -> list[Relation]:
    return [Relation(speaker, "raised", m.canonical, evidence_of(verb, article_id), round(conf * s_conf, 2), rule)
            for speaker, s_conf in speakers.resolve_all(speakers.subject_of(verb))
            for m in objects if m.canonical and m.canonical != speaker]


def _urged_for(doc: Doc, index: MentionIndex, k: Knowledge, article_id: str,
               speakers: SpeakerResolver) -> list[Relation]:
    """'X urged China to release A, to lift the house arrest of B and to end …': X raised A and B
    (the cases and issues of what X asks for; the one urged is not among them)."""
    out: list[Relation] = []
    for t in tokens_of(doc):
        if t.lemma_.lower() not in k.words("urge_verbs") or t.pos_ != "VERB" or t.i in speakers.quoted \
                or in_question(t):
            continue
        acts = [c for c in t.subtree if c.pos_ in ("VERB", "AUX") and c.i > t.i
                and c.dep_ in ("xcomp", "ccomp", "acl", "conj") and _within(c, t, 4)
                and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)]
        objects = [m for a in acts for m in raised_objects(a, index, k)]
        out += _raised_by(t, objects, speakers, article_id, 0.75, "urged-for")
    return out


def _within(tok: Token, ancestor: Token, steps: int) -> bool:
    for _ in range(steps):
        if tok.head.i == ancestor.i:
            return True
        if tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


def _concerns(doc: Doc, index: MentionIndex, k: Knowledge, article_id: str,
              speakers: SpeakerResolver) -> list[Relation]:
    """'X expressed concern about A', 'X remains deeply concerned by B': X raised A and B."""
    out: list[Relation] = []
    preps = k.words("concern_preps")
    for t in tokens_of(doc):
        if t.lower_ not in k.words("concern_words") and t.lemma_.lower() not in k.words("concern_words"):
            continue
        if t.i in speakers.quoted or in_question(t) or t.dep_ not in ("acomp", "dobj", "attr", "ROOT", "conj", "oprd"):
            continue
        objects = [m for c in t.children if c.dep_ == "prep" and c.lower_ in preps
                   for m in index.in_range(c.left_edge.i, c.right_edge.i + 1, ("Person", "Issue"))
                   if not _possessor(m, doc)]
        verb = t.head if t.dep_ != "ROOT" else t
        out += _raised_by(verb, objects, speakers, article_id, 0.75, "concern-about")
    return out


def _possessor(m: Mention, doc: Doc) -> bool:
    root = doc[m.start:m.end].root
    return m.kind == "Person" and (root.dep_ == "poss" or (m.end < len(doc) and doc[m.end].text in ("'s", "’s")))


def _text_range(doc: Doc, st: Statement) -> tuple[int, int]:
    """Where the statement's words stand in the body (its sentence when they were rejoined)."""
    a = doc_text(doc).find(st.text, st.sentence.begin)
    return (a, a + len(st.text)) if a != -1 else (st.sentence.begin, st.sentence.end)


def _named_in_statements(doc: Doc, index: MentionIndex, k: Knowledge, statements: list[Statement], *,
                         kinds: tuple[str, ...], only: set[str] | None = None) -> list[Relation]:
    """The speaker of an advocacy statement (it asks, presses, condemns) raised the issues and case
    persons its words name; an official merely mentioning an issue is not raising it."""
    out = []
    for st in statements:
        if not find_cues(st.text, k.phrases("advocacy_cues")):
            continue
        lo, hi = _text_range(doc, st)
        for m in index.mentions:
            if m.kind in kinds and m.canonical and lo <= doc[m.start].idx < hi \
                    and (only is None or m.canonical in only) and m.canonical != st.speaker:
                out.append(Relation(st.speaker, "raised", m.canonical, st.sentence, 0.5, "statement-names-case"))
    return out


def _official_government(person: str, relations: list[Relation], k: Knowledge) -> str | None:
    gaz = k.by_name
    for r in relations:
        if r.subject == person and r.predicate == "memberOf":
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


def derived_relations(doc: Doc, index: MentionIndex, k: Knowledge, article_id: str,
                      statements: list[Statement], cases: list[Case], relations: list[Relation]) -> list[Relation]:
    out = list(_gazetteer_roles(index, k, doc, article_id, statements))
    members = relations + out
    for r in [r for r in relations if r.predicate == "raised"]:
        gov = _official_government(r.subject, members, k)
        if gov and gov != r.subject:
            out.append(Relation(gov, "raised", r.object, r.sentence, round(r.confidence * 0.6, 2), "official-raised"))
    persons = {c.name for c in cases if c.kind == "Person"}
    out += _named_in_statements(doc, index, k, statements, kinds=("Person",), only=persons)
    out += _relatives_speak_for(statements, relations, persons)
    out += _stance_relations(statements)
    out += _criticized_actors(doc, index, k, statements, members)
    out += _modal_urges(doc, index, k, statements, members)
    out += _delegation_heads(relations + out, k)
    out += _detentions(doc, index, k, article_id, cases)
    return out


def _delegation_heads(relations: list[Relation], k: Knowledge) -> list[Relation]:
    """The heads of two governments' delegations to the talks met each other ('the U.S. delegation,
    led by X, … the Chinese delegation, headed by Y')."""
    side = {e.name: e.parent for e in k.actors if e.parent and e.name.lower().endswith("delegation")}
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
    """Known officials (data/actors.jsonl): their office and whom they lead, when the article names them."""
    gaz = k.by_name
    seen = set()
    named: list[tuple[str, Token | Span]] = [(m.canonical or "", doc[m.start]) for m in index.mentions]
    named += [(st.speaker, st.sentence) for st in statements]
    for name, where in named:
        entry = gaz.get(name)
        if entry is None or entry.kind != "Person" or entry.name in seen:
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
    by_speaker: dict[str, Counter[str]] = {}
    first: dict[tuple[str, str], Statement] = {}
    for st in statements:
        if st.stance != "neutral":
            by_speaker.setdefault(st.speaker, Counter())[st.stance] += 1
            first.setdefault((st.speaker, st.stance), st)
    out = []
    for speaker, counts in sorted(by_speaker.items()):
        top = max(counts.values())
        for stance, n in sorted(counts.items()):
            if n == top:
                st = first[(speaker, stance)]
                out.append(Relation(speaker, stance, DIALOGUE, st.sentence, st.confidence, "statement-stance"))
    return out


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
    modals, hopes = k.words("urge_modals"), k.words("hope_verbs")
    out = []
    for st in statements:
        lo, hi = _text_range(doc, st)
        span = span_of(doc, lo, hi)
        if span is None:
            continue
        own = _own_side(st.speaker, members, k)
        for t in span:
            aux = {c.lower_ for c in t.children if c.dep_ == "aux"}
            hoped = t.head.lemma_.lower() in hopes and t.dep_ == "ccomp" and aux & {"will", "would", "can"}
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
    cues = k.phrases("criticism_cues")
    out = []
    for st in statements:
        if not find_cues(st.text, cues):
            continue
        lo, hi = _text_range(doc, st)
        own = _own_side(st.speaker, members, k)
        found = find_cues(doc_text(doc)[lo:hi], cues)
        govs = [m for m in index.mentions if m.kind == "Government" and m.canonical and m.canonical not in own
                and lo <= doc[m.start].idx < hi]
        if govs:
            target = min(govs, key=lambda m: min(abs(doc[m.start].idx - lo - off) for off, _p in found))
            out.append(Relation(st.speaker, "criticizes", target.canonical or "", st.sentence, 0.5, "criticism-cue"))
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
    mentioned = {m.canonical for m in index.mentions if m.kind == "Government"}
    default = k.lexicon.get("default_detaining_government")
    if default in mentioned:
        gov = default  # the domain's detaining state (data: lexicon.json), when the article names it
    elif mentioned:
        counts = Counter(m.canonical for m in index.mentions if m.kind == "Government" and m.canonical)
        gov = max(sorted(counts), key=lambda g: counts[g])
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
