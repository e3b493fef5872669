"""Structural relation rules over the parse, and their registry: memberOf and leads (affiliation.py,
delegations.py), metWith (meetings.py), relativeOf, urges.

Each rule is a small function (doc, index, knowledge, speakers) -> iterable of (subject, predicate,
object, trigger token, confidence, rule name); `find_relations` turns them into model.Relation objects.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from spacy.tokens import Doc, Token

from ..model import Relation
from .affiliation import founders, membership
from .delegations import composition, delegation_members, leadership, own_delegation
from .knowledge import Knowledge
from .meetings import cochairs, counterparts, hosting, meetings
from .mentions import MentionIndex
from .phrases import ACTOR, Hit, evidence_of, mention_in
from .signatures import signatories
from .speakers import SpeakerResolver
from .textspans import tokens_of

__all__ = ["find_relations", "RULES", "Rule"]


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
                elif c.lower_ == "whose":  # "X, whose husband, the lawyer Y, …": the noun the clause is on
                    clause = next((h for h in t.ancestors if h.dep_ == "relcl"), None)
                    m = index.at(clause.head.i) if clause is not None else None
                    owner = m.canonical if m is not None and m.kind == "Person" else None
            if c.dep_ == "prep" and c.lower_ == "of" and (m := mention_in(c, index, ("Person",))) is not None:
                owner = m.canonical  # "the wife of Liu Xiaobo"
        if owner is None:
            continue
        relative = None
        if t.head.dep_ != "ROOT" and (m := index.at(t.head.i)) is not None and m.kind == "Person" \
                and t.dep_ in ("compound", "appos"):
            relative = m.canonical  # "Chen Guangcheng's nephew Chen Kegui"
        for c in t.children:  # the nearest one: "her husband, A, …; B, …" is A
            if relative is None and c.dep_ in ("appos", "compound") \
                    and (m := mention_in(c, index, ("Person",))) is not None:
                relative = m.canonical
        if relative is None and t.dep_ == "appos" and (m := index.at(t.head.i)) is not None and m.kind == "Person":
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
        body = None
        # with a direct object, that is who is urged, named or not: "pressed her counterpart on
        # the case of X" urges the counterpart about X; "called on X" has no object
        has_object = any(c.dep_ == "dobj" for c in t.children)
        for c in t.children:
            if c.dep_ == "dobj":
                # "urged the department to …": the department the article names, before a name
                # further down the object's phrase ("… of the Chinese government's response")
                body = speakers.named_body(c) if index.at(c.i) is None else None
                target = None if body else mention_in(c, index, ACTOR)
                if target is None and c.lower_ in k.words("object_pronouns"):
                    # "she wrote to Michael Posner asking him to …": the person named just before,
                    # who is not one of those urging ("A and B urged him to …")
                    urger = speakers.subject_of(t)
                    urgers = range(urger.left_edge.i, urger.right_edge.i + 1) if urger is not None else range(0)
                    target = index.before(c.i, ("Person",))
                    while target is not None and target.start in urgers:
                        target = index.before(target.start, ("Person",))
            if c.dep_ == "prep" and not has_object and (
                    c.lower_ in ("on", "upon") or (c.lower_ == "to" and t.lemma_ == "appeal")):
                target = target or mention_in(c, index, ACTOR)
            if c.dep_ == "prep" and c.lower_ == "for" and any(
                    x.dep_ in ("xcomp", "ccomp") and x.head.i in {c.i} | {o.i for o in c.children}
                    for x in c.subtree):  # not a clause deeper down ('the release of X, who tried to …')
                target = target or mention_in(c, index, ACTOR)  # "calling for Washington to press …"
            if c.dep_ == "advcl" and t.lemma_ in ("call", "appeal") and any(
                    a.dep_ == "aux" and a.lower_ == "to" for a in c.children):
                # "calling for Washington to press …", parsed as a clause: its subject, or the object of
                # the 'for' before it ("called for the U.S. delegation to raise …")
                own = [x for x in c.children if x.dep_ == "nsubj"]
                if own and not any(m.dep_ == "mark" and m.lower_ == "for" for m in c.children):
                    own = []  # a subject not introduced by 'for' is some other clause's
                subj = own or [o for p in t.children if p.dep_ == "prep" and p.lower_ == "for" and p.i < c.i
                               for o in p.children if o.dep_ == "pobj"]
                target = target or (mention_in(subj[0], index, ACTOR) if subj else None)
            if c.dep_ == "ccomp":  # "X wants the U.S. to put …"; "X asked that the delegation raise …"
                subj = [s for s in c.children if s.dep_ == "nsubj"]
                asks = any(a.lower_ in ("to", "should", "must") for a in c.children if a.dep_ == "aux") or (
                    c.tag_ in ("VB", "VBP") and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children))
                if subj and asks:
                    target = target or mention_in(subj[0], index, ACTOR)
        names = [target.canonical] if target is not None and target.canonical else [body] if body else []
        if not names:  # "calls on both governments to …": the two the article names
            urged = [c for c in t.children if c.dep_ == "dobj"] or [
                x for c in t.children if c.dep_ == "prep" and c.lower_ in ("on", "upon") for x in c.children
                if x.dep_ == "pobj"]
            names = speakers.both_governments(urged[0]) if urged else []
        for speaker, conf in speakers.resolve_all(speakers.subject_of(t)) or _named_before_aux(t, index):
            for name in names:
                if speaker != name:
                    yield (speaker, "urges", name, t, round(0.8 * conf + 0.1, 2), "urge-verb")


def letter_addressees(doc: Doc, index: MentionIndex, k: Knowledge, speakers: SpeakerResolver) -> Iterator[Hit]:
    """'sent a letter to Secretary of State X urging that …', 'In a letter (sent Thursday) to X, A and B
    urged the delegation to …': whoever wrote the letter urges its addressee too."""
    verbs, nouns = k.words("urge_verbs"), k.words("document_nouns")
    for letter in tokens_of(doc):
        if letter.lemma_.lower() not in nouns or letter.pos_ != "NOUN":
            continue
        to = next((c for c in letter.children if c.dep_ == "prep" and c.lower_ == "to"), None)
        if to is None and letter.dep_ == "dobj":  # "sent a letter to X": the verb's dative
            to = next((c for c in letter.head.children if c.dep_ in ("dative", "prep") and c.lower_ == "to"), None)
        if to is None:  # "in a letter sent Thursday to X"
            to = next((c for a in letter.children if a.dep_ == "acl" for c in a.children
                       if c.dep_ in ("dative", "prep") and c.lower_ == "to"), None)
        addressee = mention_in(to, index, ACTOR) if to is not None else None
        if addressee is None or not addressee.canonical:
            continue
        host = letter.head.head if letter.dep_ == "pobj" else letter.head  # "in a letter" / "sent a letter"
        urges = [c for c in letter.children if c.dep_ == "acl" and c.lemma_.lower() in verbs]
        urges += [c for c in host.children if c.dep_ in ("advcl", "xcomp") and c.lemma_.lower() in verbs]
        if host.lemma_.lower() in verbs and letter.dep_ == "pobj":
            urges.append(host)  # "In a letter to X, A urged …"
        for verb in urges:
            found = speakers.resolve_all(speakers.subject_of(verb)) or speakers.resolve_all(speakers.subject_of(host))
            for speaker, conf in found:
                if speaker != addressee.canonical:
                    yield (speaker, "urges", addressee.canonical, verb, round(0.7 * conf + 0.1, 2), "letter-addressee")


#: the relation rules: each takes (doc, mentions, knowledge, speakers) and yields
#: (subject, predicate, object, token, confidence, rule name); a new rule is a function added here
Rule = Callable[[Doc, MentionIndex, Knowledge, SpeakerResolver], Iterator[Hit]]
RULES: tuple[Rule, ...] = (membership, founders, leadership, own_delegation, composition, delegation_members,
                           meetings, counterparts, hosting, cochairs, kinship, urging, letter_addressees, signatories)


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


def _named_before_aux(verb: Token, index: MentionIndex) -> list[tuple[str, float]]:
    """The subject the parse lost to a fronted phrase ('Among those Amnesty International is calling
    on …' read as 'among those Amnesty International'): the actor just before the verb's auxiliary."""
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass") and c.i < verb.i]
    named = index.at(aux[0].i - 1) if aux and aux[0].i > 0 else None
    return [(named.canonical, 0.5)] if named is not None and named.kind in ACTOR and named.canonical else []
