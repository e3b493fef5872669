"""Relation rules for delegations and heads: who leads a delegation or an organisation ("led by",
"headed the Chinese team", "led on the American side by", "who heads"), a person's own delegation
("Posner and his delegation"), and who belongs to one (a colon list of members, "the delegation will
include officials from A and B", "Among its members are P; Q; and R")."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Token

from .affiliation import _title_org
from .knowledge import Knowledge
from .mentions import Mention, MentionIndex
from .phrases import ORGS, Hit, listed_people, mention_in
from .speakers import SpeakerResolver
from .textspans import doc_text, paragraphs, sent_of, span_of, tokens_of

__all__ = ["leadership", "own_delegation", "composition", "delegation_members"]


def _delegation_name(tok: Token, index: MentionIndex, k: Knowledge) -> str | None:
    """'the US side of the table', 'the Chinese delegation' -> 'U.S. delegation' / 'Chinese delegation'."""
    words = {t.lower_ for t in tok.subtree}
    if not words & k.words("delegation_terms"):
        return None
    govs = index.in_range(tok.left_edge.i, tok.right_edge.i + 1, ("Government",))
    text = " ".join(t.lower_ for t in tok.subtree)
    if govs:  # the gazetteer's delegation of that government ("the Chinese side" -> Chinese delegation)
        return k.delegation_of.get(govs[0].canonical or "") or f"{govs[0].canonical} delegation"
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
            # "by my counterpart, X"; not a name the parse hung past a relative clause ("by P, who met
            # his counterpart, Y")
            heads += [a for h in heads for a in h.children if a.dep_ == "appos"
                      and not any(r.dep_ == "relcl" and h.i < r.i < a.i for r in h.children)]
            leaders = [m for m in index.in_range(agents[0].left_edge.i, agents[0].right_edge.i + 1, ("Person",))
                       if any(m.start <= x.i < m.end for x in heads)]
            subj = [c for c in t.children if c.dep_ in ("nsubjpass", "nsubj")]
            if not subj and t.dep_ == "xcomp":  # "the Chinese side is expected to be led by P"
                subj = [c for c in t.head.children if c.dep_ in ("nsubjpass", "nsubj")]
            target = subj[0] if subj else (t.head if t.dep_ in ("acl", "advcl") else None)
            if t.dep_ == "advcl" and not subj and t.i >= 2 and doc[t.i - 1].text == "," \
                    and doc[t.i - 2].pos_ == "NOUN":  # "talks with our Chinese counterparts, led by X"
                target = doc[t.i - 2]
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
                # the gapped second clause: "…, and the US delegation by Assistant Secretary X" (hung
                # on the verb, or on a long apposition of the first leader)
                for c in (x for x in t.sent if x.i > t.i and x.dep_ == "conj"):
                    by = [x for x in c.children if x.dep_ == "prep" and x.lower_ == "by"]
                    if by and (other := _delegation_name(c, index, k)) and other != deleg:
                        for p in index.in_range(by[0].left_edge.i, by[0].right_edge.i + 1, ("Person",)):
                            yield (p.canonical or "", "leads", other, c, 0.75, "led-by-delegation-gapped")
            elif event is not None or target.lemma_.lower() in k.words("dialogue_terms"):
                for a, b in zip(leaders, leaders[1:], strict=False):
                    yield (a.canonical or "", "metWith", b.canonical or "", t, 0.7, "talks-led-by")
            elif (led := mention_in(target, index, ORGS)) is not None:
                for p in leaders:
                    yield (p.canonical or "", "leads", led.canonical or "", t, 0.7, "led-by")
            continue
        if t.tag_ == "VBG" and t.is_sent_start:  # "Leading the Chinese delegation will be X"
            yield from _fronted_leader(t, index, k)
            continue
        subj = [c for c in t.children if c.dep_ == "nsubj"]
        # two subjects where the parse split a long title from its name ('Assistant Secretary … for
        # Democracy, Human Rights, and Labor Michael H. Posner will lead'): the one that names a person
        subj.sort(key=lambda c: mention_in(c, index, ("Person",)) is None)
        objs = [c for c in t.children if c.dep_ == "dobj"]
        if subj and subj[0].lower_ in ("who", "that") and t.dep_ == "relcl":
            # "Bob Fu, who heads ChinaAid"; "X, the Ohio Democrat who chairs the subcommittee"
            subj = [t.head.head if t.head.dep_ == "appos" and index.at(t.head.i) is None else t.head]
        if subj and objs and subj[0].lower_ in ("i", "he", "she") and mention_in(subj[0], index, ("Person",)) is None:
            # "I led the U.S. delegation" in a turn, "he headed the Chinese side": who the pronoun is
            speaker, _conf = speakers.resolve(subj[0])
            body = mention_in(objs[0], index, ORGS)
            name = _delegation_name(objs[0], index, k) or (
                body.canonical if body is not None and body.kind == "Organization" else None)
            if speaker and name:  # ("I lead the X Institute": its head)
                yield (speaker, "leads", name, t, 0.7, "leads-verb-pronoun")
            continue
        if subj and objs and (head := mention_in(subj[0], index, ("Person",))) is not None:
            org = mention_in(objs[0], index, ORGS)
            if org is not None and index.at(objs[0].i) is None and doc[org.start:org.end].root.dep_ == "poss":
                # "who heads the State Department's human rights bureau": a unit of it, not the department
                yield (head.canonical or "", "memberOf", org.canonical or "", t, 0.7, "heads-unit-of")
                continue
            led_name = _delegation_name(objs[0], index, k)
            if led_name is None and objs[0].lemma_.lower() in k.words("delegation_terms"):
                # "X, Director-General of the Foreign Ministry, will lead a delegation composed of officials
                # from …": the delegation of the government X's own title names, not a body it includes
                led_name = _own_side(subj[0], index, k)
                if led_name:  # "… a delegation composed of officials from A, B and C": each agency is in it
                    staff = k.words("delegation_staff_nouns")
                    for acl in (c for c in objs[0].children if c.dep_ == "acl"
                                and c.lemma_.lower() in k.words("composition_verbs")):
                        for m in index.in_range(acl.left_edge.i, acl.right_edge.i + 1, ("Organization",)):
                            if m.canonical and _agency_of_staff(doc[m.start:m.end].root, staff):
                                yield (m.canonical, "memberOf", led_name, doc[m.start], 0.65, "delegation-composed")
            elif led_name is None:
                led_name = org.canonical if org else None
            if led_name:
                yield (head.canonical or "", "leads", led_name, t, 0.75, "leads-verb")


def _fronted_leader(verb: Token, index: MentionIndex, k: Knowledge) -> Iterator[Hit]:
    """'Leading the Chinese delegation will be Chen Xu', 'Heading the American side was X': the
    person after the form of 'be' leads the delegation named between (read on the surface: the
    parse takes these sentences many ways)."""
    sent = sent_of(verb)
    be = next((x for x in sent if x.i > verb.i and x.lemma_ == "be"), None)
    if be is None:
        return
    deleg = next((name for x in verb.doc[verb.i + 1:be.i] if (name := _delegation_name(x, index, k))), None)
    person = next(iter(index.in_range(be.i + 1, sent.end, ("Person",))), None)
    if deleg and person is not None and person.start - be.i <= 4:
        yield (person.canonical or "", "leads", deleg, verb, 0.75, "fronted-leader")


def _own_side(subject: Token, index: MentionIndex, k: Knowledge) -> str | None:
    """The delegation of the government whose body the subject's own words name ('X, Director-General
    of the Foreign Ministry' -> the Chinese delegation, by the gazetteer's parent of the ministry)."""
    for m in index.in_range(subject.left_edge.i, subject.right_edge.i + 1, ("Organization", "Government")):
        entry = k.by_name.get(m.canonical or "")
        gov = m.canonical if m.kind == "Government" else (entry.parent if entry is not None else None)
        if gov and (name := k.delegation_of.get(gov)) is not None:
            return name
    return None


def _led_group(tok: Token, index: MentionIndex, k: Knowledge) -> str | None:
    """'U.S. officials (, led by X)', 'Chinese counterparts (headed by Y)': that government's delegation."""
    if tok.lower_ not in k.words("led_group_nouns"):
        return None
    govs = [m for m in index.in_range(tok.left_edge.i, tok.i + 1, ("Government",)) if m.canonical]
    return k.delegation_of.get(govs[0].canonical) if govs and govs[0].canonical else None


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
        if gov and (found := k.delegation_of.get(gov)):
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
        if verb is not None and (deleg := _delegation_of(subj[0], verb, index, k, speakers)):
            for person in listed_people(doc, index, paras[n + 1:]):
                yield (person.canonical or "", "memberOf", deleg, doc[person.start], 0.7, "delegation-list")


def delegation_members(doc: Doc, index: MentionIndex, k: Knowledge, speakers: SpeakerResolver) -> Iterator[Hit]:
    """Who a delegation is made of, told in a sentence: 'The U.S. delegation will include officials from
    A, B and C' and '… our delegation, which included colleagues from A and B' (each agency is a member);
    'The delegation includes P and Q', 'Among its members are P; Q; and R' (each person is)."""
    verbs, staff = k.words("composition_verbs"), k.words("delegation_staff_nouns")
    for t in tokens_of(doc):
        if t.lemma_.lower() in verbs and t.pos_ in ("VERB", "AUX"):
            subj = next((c for c in t.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is not None and subj.lower_ in ("which", "that") and t.dep_ == "relcl":
                subj = t.head  # "the U.S. delegation, which included …"
            deleg = _delegation_of(subj, t, index, k, speakers) if subj is not None else None
            objects = [c for c in t.children if c.dep_ == "dobj"]
        elif t.lemma_ == "be" and any(c.dep_ == "prep" and c.lower_ == "among" and any(
                g.lemma_.lower() == "member" and any(p.dep_ == "poss" for p in g.children) for g in c.children)
                for c in t.children):
            deleg = speakers.last_delegation(t.i)[0]  # "Among its members are …"
            objects = [c for c in t.children if c.dep_ in ("nsubj", "attr")]
        else:
            continue
        if deleg is None:
            continue
        for obj in objects:
            for m in index.in_range(obj.left_edge.i, obj.right_edge.i + 1, ("Person", "Organization")):
                if not m.canonical or m.canonical == deleg:
                    continue
                if m.kind == "Person" and _listed_item(doc[m.start:m.end].root, obj):
                    yield (m.canonical, "memberOf", deleg, doc[m.start], 0.7, "delegation-includes")
                elif m.kind == "Organization" and _agency_of_staff(doc[m.start:m.end].root, staff):
                    yield (m.canonical, "memberOf", deleg, doc[m.start], 0.65, "delegation-agencies")


def _delegation_of(subj: Token, verb: Token, index: MentionIndex, k: Knowledge,
                   speakers: SpeakerResolver) -> str | None:
    """The delegation a subject names: 'the U.S. delegation', 'the delegation' (the one named last),
    'our delegation' (the speaker's, in a transcript turn); not a delegation named inside the subject
    ('Cases the US delegation should raise include: …')."""
    named = index.at(subj.i)
    if named is not None and named.canonical in k.delegations:
        return named.canonical
    if subj.lemma_.lower() not in k.words("delegation_terms"):
        return None
    owner = next((c.lower_ for c in subj.children if c.dep_ in ("poss", "det")), None)
    if owner == "our" and (speaker := speakers.turn_speaker(verb)) is not None:
        return _government_delegation(speaker, index, k)
    return _delegation_name(subj, index, k) or (speakers.last_delegation(subj.i)[0] if owner == "the" else None)


def _listed_item(tok: Token, obj: Token) -> bool:
    """A person who is an item of the object list (the object, or coordinated with it), not one named
    inside an item's description ('P, a senior advisor to Q')."""
    return tok.i == obj.i or obj in tok.conjuncts


def _agency_of_staff(tok: Token, staff: frozenset[str]) -> bool:
    """'officials from A, B and C', 'colleagues from A': each agency the staff comes from."""
    first = tok
    while first.dep_ == "conj" and first.head.i != first.i and first.head.lemma_.lower() not in staff:
        first = first.head
    if first.dep_ == "conj":  # the parse coordinated the later agencies with 'officials' itself
        return True
    if first.dep_ == "pobj" and first.head.lower_ in ("from", "of") and first.head.head.lemma_.lower() in staff:
        return True
    t = tok  # '… from the Bureau of Democracy, Human Rights, and Labor, as well as the Department of
    for _ in range(16):  # Justice': the parse hung the later agencies inside an earlier one's name
        if t.dep_ == "prep" and t.lower_ in ("from", "of") and t.head.lemma_.lower() in staff:
            return True
        if t.dep_ not in ("conj", "appos", "pobj", "prep") or t.head.i == t.i or t.head.pos_ in ("VERB", "AUX"):
            return False
        t = t.head
    return False
