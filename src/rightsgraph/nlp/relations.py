"""Structural relation rules over the parse: memberOf, leads, metWith, relativeOf, urges.

Each rule is a small function (doc, index, knowledge) -> iterable of (subject, predicate, object,
trigger token, confidence, rule name); `find_relations` turns them into model.Relation objects.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from spacy.tokens import Doc, Token

from ..model import Relation
from ..model import Span as Evidence
from .knowledge import Knowledge
from .mentions import Mention, MentionIndex
from .speakers import SpeakerResolver
from .textspans import doc_text, sentence_of, tokens_of

__all__ = ["find_relations", "evidence_of", "Hit"]

Hit = tuple[str, str, str, Token, float, str]
ACTOR = ("Person", "Organization", "Government")
ORGS = ("Organization", "Government")
AFFIL_PREPS = {"at", "of", "with", "in", "for", "from"}


def evidence_of(tok: Token, article_id: str) -> Evidence:
    begin, end, _q = sentence_of(tok)
    return Evidence(article_id, begin, end, doc_text(tok.doc)[begin:end])


def _mention_in(tok: Token, index: MentionIndex, kinds: tuple[str, ...]) -> Mention | None:
    m = index.at(tok.i)
    if m is not None and m.kind in kinds:
        return m
    found = index.in_range(tok.left_edge.i, tok.right_edge.i + 1, kinds)
    return min(found, key=lambda x: abs(x.start - tok.i)) if found else None


def _root(m: Mention, doc: Doc) -> Token:
    return doc[m.start:m.end].root


NP_DEPS = {"prep", "pobj", "compound", "poss", "amod", "conj", "cc", "det", "case", "nmod", "appos", "punct"}


def _entry(m: Mention, doc: Doc) -> Token:
    """The first token of a mention attached outside it (its root, unless the parse split the name)."""
    return next((t for t in doc[m.start:m.end] if not m.start <= t.head.i < m.end or t.head.i == t.i),
                doc[m.start:m.end].root)


def _orgs_in(tok: Token, index: MentionIndex) -> list[Mention]:
    """Organisations inside the noun phrase of `tok` (not inside relative clauses or a next person)."""
    doc = tok.doc
    stop = min((m.start for m in index.in_range(tok.i + 1, tok.right_edge.i + 1, ("Person",))),
               default=tok.right_edge.i + 1)
    out = []
    # a name may run past the phrase's parse ("of the Bureau of Democracy, Human Rights, and Labor"
    # split at its commas): it counts when it starts inside the phrase
    for m in [m for m in index.mentions if tok.left_edge.i <= m.start < stop and m.kind in ORGS]:
        t = _entry(m, doc)
        while t.i != tok.i and t.dep_ in NP_DEPS and t.head.i != t.i:
            t = t.head
        if t.i == tok.i:
            out.append(m)
    return out


def _title_org(role: str, knowledge: Knowledge) -> str | None:
    low = role.lower()
    for entry in sorted(knowledge.lexicon["title_affiliations"], key=lambda e: -len(e["title"])):
        if entry["title"] in low:
            return entry["org"]
    return None


# -- memberOf / leads ------------------------------------------------------------------------------
def membership(doc: Doc, index: MentionIndex, k: Knowledge, speakers: SpeakerResolver) -> Iterator[Hit]:
    lead_titles = k.words("lead_titles")
    for m in index.mentions:
        if m.kind != "Person":
            continue
        root = _root(m, doc)
        # printed title before the name: "State Department spokesperson Victoria Nuland"
        if m.role:
            in_title = index.in_range(m.start - len(m.role.split()) - 4, m.start, ORGS)
            # the organisation belongs to the title only when no verb stands between them
            # ("Human Rights Watch urged Secretary of State John Kerry": not a member of HRW)
            orgs = [o for o in in_title if o.end <= m.start  # nor a dash or line break: a dateline's city
                    and not any(t.pos_ in ("VERB", "AUX") or t.text in ("—", "–", "-") or "\n" in t.text
                                for t in doc[o.end:m.start])]
            if orgs and not any(w in m.role.lower().split() for w in ("president",)):
                yield (m.canonical or "", "memberOf", orgs[-1].canonical or "", root, 0.8, "title-org")
            elif (org := _title_org(m.role, k)) is not None:
                yield (m.canonical or "", "memberOf", org, root, 0.7, "title-affiliation")
        for c in root.children:
            # "Sophie Richardson of Human Rights Watch", "Rebecca Berg at The New York Times"
            if c.dep_ == "prep" and c.lower_ in AFFIL_PREPS:
                for o in [o for o in _orgs_in(c, index) if o.kind == "Organization"][:1]:
                    yield (m.canonical or "", "memberOf", o.canonical or "", c, 0.8, "person-prep-org")
            # appositive: "X, China director at Human Rights Watch" / "X, CHRD's International Director"
            if c.dep_ == "appos" and c.pos_ in ("NOUN", "PROPN") and index.at(c.i) is None:
                orgs = _orgs_in(c, index) or _group_anaphor(c, index, k)
                title = " ".join(t.lower_ for t in c.lefts if t.dep_ in ("compound", "amod")) + " " + c.lower_
                leads = (c.lemma_.lower() in lead_titles or title.strip() in lead_titles) \
                    and any(p.lower_ == "of" or p.dep_ == "poss" for p in c.children) and not any(
                        t.dep_ in ("compound", "amod") and t.lower_ not in lead_titles for t in c.lefts
                        if f"{t.lower_} {c.lower_}" not in lead_titles)
                for o in orgs[:1]:
                    yield (m.canonical or "", "leads" if leads else "memberOf", o.canonical or "", c, 0.75,
                           "appositive-title")
                if not orgs:  # "Daniel Baer, the deputy assistant secretary of state who …": the title's office
                    clause = {t.i for x in c.children if x.dep_ in ("relcl", "acl") for t in x.subtree}
                    words = " ".join(t.lower_ for t in c.subtree if t.i not in clause)
                    if (office := _title_org(words, k)) is not None:
                        yield (m.canonical or "", "memberOf", office, c, 0.7, "appositive-office")
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


def _units(doc: Doc, index: MentionIndex, k: Knowledge) -> Iterator[Hit]:
    """A unit of an organisation: 'Institute of American Studies under the Chinese Academy …', 'the
    Department of X of the Ministry of Foreign Affairs', 'the Bureau of X at the State Department',
    'the Foreign Ministry's Department of X'."""
    units, preps = k.words("org_unit_words"), k.words("org_part_preps")
    for m in index.mentions:
        if m.kind != "Organization":
            continue
        root = _root(m, doc)
        is_unit = any(t.lower_ in units for t in doc[m.start:m.end])
        for c in root.children:
            if c.dep_ == "prep" and c.lower_ in ("under", "within"):
                for o in _orgs_in(c, index)[:1]:
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
            leaders = [m for m in index.in_range(agents[0].left_edge.i, agents[0].right_edge.i + 1, ("Person",))]
            subj = [c for c in t.children if c.dep_ in ("nsubjpass", "nsubj")]
            target = subj[0] if subj else (t.head if t.dep_ in ("acl", "advcl") else None)
            if target is None:
                continue
            deleg = _delegation_name(target, index, k)
            event = _mention_in(target, index, ("Event",))
            if deleg:
                for p in leaders:
                    yield (p.canonical or "", "leads", deleg, t, 0.8, "led-by-delegation")
            elif event is not None or target.lemma_.lower() in k.words("dialogue_terms"):
                for a, b in zip(leaders, leaders[1:], strict=False):
                    yield (a.canonical or "", "metWith", b.canonical or "", t, 0.7, "talks-led-by")
            elif (led := _mention_in(target, index, ORGS)) is not None:
                for p in leaders:
                    yield (p.canonical or "", "leads", led.canonical or "", t, 0.7, "led-by")
            continue
        subj = [c for c in t.children if c.dep_ == "nsubj"]
        objs = [c for c in t.children if c.dep_ == "dobj"]
        if subj and subj[0].lower_ in ("who", "that") and t.dep_ == "relcl":
            # "Bob Fu, who heads ChinaAid"; "X, the Ohio Democrat who chairs the subcommittee"
            subj = [t.head.head if t.head.dep_ == "appos" and index.at(t.head.i) is None else t.head]
        if subj and objs and (head := _mention_in(subj[0], index, ("Person",))) is not None:
            org = _mention_in(objs[0], index, ORGS)
            led_name = _delegation_name(objs[0], index, k) or (org.canonical if org else None)
            if led_name:
                yield (head.canonical or "", "leads", led_name, t, 0.75, "leads-verb")


# -- metWith -----------------------------------------------------------------------------------
def meetings(doc: Doc, index: MentionIndex, k: Knowledge, speakers: SpeakerResolver) -> Iterator[Hit]:
    meet_verbs, meet_nouns = k.words("meet_verbs"), k.words("meet_nouns")
    for t in tokens_of(doc):
        lemma = t.lemma_.lower()
        is_talks = lemma in ("hold", "have") and any(c.lemma_.lower() in meet_nouns for c in t.children
                                                     if c.dep_ == "dobj")
        sat_down = lemma == "sit" and any(c.lower_ == "down" for c in t.children)  # "sat down with"
        if not (lemma in meet_verbs or is_talks or sat_down) or t.pos_ != "VERB":
            continue
        subjects: list[Mention] = []
        for c in t.children:
            if c.dep_ == "nsubj":
                subjects += index.in_range(c.left_edge.i, c.right_edge.i + 1, ACTOR)
        subjects = [m for m in subjects if not any(o is not m and o.start <= m.start and m.end <= o.end
                                                   for o in subjects)]
        subjects = _heads_only(subjects, doc, index)
        others: list[Mention] = []
        for c in t.children:
            if (c.dep_ == "dobj" and lemma == "meet") or (c.dep_ == "prep" and c.lower_ == "with"):
                others += [m for m in index.in_range(c.left_edge.i, c.right_edge.i + 1, ACTOR)]
            elif c.dep_ == "dobj" and is_talks:
                for cc in c.children:
                    if cc.dep_ == "prep" and cc.lower_ == "with":
                        others += index.in_range(cc.left_edge.i, cc.right_edge.i + 1, ACTOR)
        others = _heads_only(others, doc, index)
        names = [s.canonical or "" for s in subjects]
        if not names and others:  # "I also held talks with X" in a briefing turn: its speaker
            pronoun = next((c for c in t.children if c.dep_ == "nsubj" and c.lower_ == "i"), None)
            names = [name for name, _conf in speakers.resolve_all(pronoun) if name]
        if others:
            for name in names:
                for o in others:
                    yield (name, "metWith", o.canonical or "", t, 0.8, "met-with")
        else:  # "A and B met"
            for a, b in zip(subjects, subjects[1:], strict=False):
                yield (a.canonical or "", "metWith", b.canonical or "", t, 0.75, "met-together")


def counterparts(doc: Doc, index: MentionIndex, k: Knowledge, speakers: SpeakerResolver) -> Iterator[Hit]:
    """'Posner and his Chinese counterpart, Chen Xu', 'His counterpart, Chen Xu, …': the two met."""
    nouns = k.words("counterpart_nouns")
    for t in tokens_of(doc):
        if t.lemma_.lower() not in nouns or t.pos_ != "NOUN":
            continue
        other = next((m for c in t.children if c.dep_ in ("appos", "compound")
                      if (m := _mention_in(c, index, ("Person",))) is not None), None)
        if other is None and t.dep_ == "appos" and (m := index.at(t.head.i)) is not None and m.kind == "Person":
            other = m  # "Chen Xu, his counterpart, …"
        owner = None
        for c in t.children:
            if c.dep_ == "poss":
                if (m := index.at(c.i)) is not None and m.kind == "Person":
                    owner = m.canonical
                elif c.lower_ in ("his", "her"):
                    owner, _conf = speakers.antecedent(c)
        if other is not None and owner and owner != other.canonical:
            yield (owner, "metWith", other.canonical or "", t, 0.7, "counterpart")


def _heads_only(ms: list[Mention], doc: Doc, index: MentionIndex) -> list[Mention]:
    """Drop mentions that only modify another ('China's Ministry …' inside an appositive)."""
    out = []
    for m in ms:
        r = _root(m, doc)
        if r.dep_ in ("poss", "compound") or (r.dep_ == "pobj" and r.head.head.dep_ == "appos"):
            continue
        if r.dep_ == "pobj" and r.head.lower_ in AFFIL_PREPS and (p := index.at(r.head.head.i)) is not None \
                and p.kind == "Person":
            continue  # "Maya Wang of Human Rights Watch met …": the affiliation did not meet
        out.append(m)
    return out


# -- relativeOf --------------------------------------------------------------------------------
def kinship(doc: Doc, index: MentionIndex, k: Knowledge, speakers: SpeakerResolver) -> Iterator[Hit]:
    kin = k.words("kinship")
    for t in tokens_of(doc):
        if t.lemma_.lower() not in kin or t.pos_ != "NOUN":
            continue
        owner = None
        for c in t.children:
            if c.dep_ == "poss":
                m = index.at(c.i)
                if m is not None and m.kind == "Person":
                    owner = m.canonical
                elif c.lower_ in ("his", "her"):
                    head = t
                    while head.dep_ in ("conj", "appos") and head.head.i != head.i:
                        head = head.head
                    coordinated = index.at(head.i) if head.i != t.i else None
                    prev = coordinated if coordinated is not None and coordinated.kind == "Person" \
                        else index.before(c.i, ("Person",))
                    owner = prev.canonical if prev else None  # "X …, and her brother, Y" / "His wife, Y"
            if c.dep_ == "prep" and c.lower_ == "of" and (m := _mention_in(c, index, ("Person",))) is not None:
                owner = m.canonical  # "the wife of Liu Xiaobo"
        if owner is None:
            continue
        relative = None
        if t.head.dep_ != "ROOT" and (m := index.at(t.head.i)) is not None and m.kind == "Person" \
                and t.dep_ in ("compound", "appos"):
            relative = m.canonical  # "Chen Guangcheng's nephew Chen Kegui"
        for c in t.children:
            if c.dep_ in ("appos", "compound") and (m := _mention_in(c, index, ("Person",))) is not None:
                relative = m.canonical
        if t.dep_ == "appos" and (m := index.at(t.head.i)) is not None and m.kind == "Person":
            relative = m.canonical  # "Liu Xia, Liu Xiaobo's wife"
        if relative and relative != owner:
            yield (relative, "relativeOf", owner, t, 0.8, "kinship-noun")
    # surface patterns for parses that miss the possessive: "A’s nephew B", "B, A’s daughter"
    for m in index.mentions:
        if m.kind != "Person" or m.end + 2 >= len(doc):
            continue
        if m.start >= 2 and doc[m.start - 1].text == "," and doc[m.end].text in ("'s", "’s") \
                and doc[m.end + 1].lemma_.lower() in kin:
            other = index.before(m.start - 1, ("Person",))
            if other is not None and other.end == m.start - 1 and other.canonical != m.canonical:
                yield (other.canonical or "", "relativeOf", m.canonical or "", doc[m.end + 1], 0.75, "kinship-surface")
        if doc[m.end].text in ("'s", "’s") and doc[m.end + 1].lemma_.lower() in kin:
            other = index.at(m.end + 2)
            if other is not None and other.kind == "Person" and other.canonical != m.canonical:
                yield (other.canonical or "", "relativeOf", m.canonical or "", doc[m.end + 1], 0.75, "kinship-surface")


# -- urges -------------------------------------------------------------------------------------
def urging(doc: Doc, index: MentionIndex, k: Knowledge, speakers: SpeakerResolver) -> Iterator[Hit]:
    verbs = k.words("urge_verbs")
    for t in tokens_of(doc):
        if t.lemma_.lower() not in verbs or t.pos_ != "VERB" or t.i in speakers.quoted:
            continue
        target = None
        # with a direct object, that is who is urged, named or not: "pressed her counterpart on
        # the case of X" urges the counterpart about X; "called on X" has no object
        has_object = any(c.dep_ == "dobj" for c in t.children)
        for c in t.children:
            if c.dep_ == "dobj":
                target = _mention_in(c, index, ACTOR)
                if target is None and c.lower_ in k.words("object_pronouns"):
                    # "she wrote to Michael Posner asking him to …": the person named just before
                    target = index.before(c.i, ("Person",))
            if c.dep_ == "prep" and not has_object and (
                    c.lower_ in ("on", "upon") or (c.lower_ == "to" and t.lemma_ == "appeal")):
                target = target or _mention_in(c, index, ACTOR)
            if c.dep_ == "prep" and c.lower_ == "for" and any(x.dep_ in ("xcomp", "ccomp") for x in c.subtree):
                target = target or _mention_in(c, index, ACTOR)  # "calling for Washington to press …"
            if c.dep_ == "ccomp":  # "X wants the U.S. to put …"; "X asked that the delegation raise …"
                subj = [s for s in c.children if s.dep_ == "nsubj"]
                asks = any(a.lower_ in ("to", "should", "must") for a in c.children if a.dep_ == "aux") or (
                    c.tag_ in ("VB", "VBP") and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children))
                if subj and asks:
                    target = target or _mention_in(subj[0], index, ACTOR)
        if target is None:
            continue
        for speaker, conf in speakers.resolve_all(speakers.subject_of(t)):
            if speaker != target.canonical:
                yield (speaker, "urges", target.canonical or "", t, round(0.8 * conf + 0.1, 2), "urge-verb")


#: the relation rules: each takes (doc, mentions, knowledge, speakers) and yields
#: (subject, predicate, object, token, confidence, rule name); a new rule is a function added here
Rule = Callable[[Doc, MentionIndex, Knowledge, SpeakerResolver], Iterator[Hit]]
RULES: tuple[Rule, ...] = (membership, leadership, meetings, counterparts, kinship, urging)


def find_relations(doc: Doc, index: MentionIndex, k: Knowledge, article_id: str,
                   speakers: SpeakerResolver) -> list[Relation]:
    out = []
    kinds = {m.canonical: m.kind for m in index.mentions if m.canonical}
    for s, p, o, tok, conf, rule in (hit for found in RULES for hit in found(doc, index, k, speakers)):
        if s and o and s != o:
            out.append(Relation(s, p, o, evidence_of(tok, article_id), conf, rule))
            if p == "leads" and kinds.get(o) == "Organization" and o not in k.delegations \
                    and not o.lower().endswith(" delegation"):  # the head of a body is one of its members
                out.append(Relation(s, "memberOf", o, evidence_of(tok, article_id), conf, rule + "+member"))
    return out
