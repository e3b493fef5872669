"""metWith rules: who met whom.

- `meetings`: "A met (with) B", "held talks with", "sat down with", "A and B met"; a party led by
  someone ("with a delegation headed by X") met through its leader;
- `counterparts`: "Posner and his Chinese counterpart, Chen Xu";
- `hosting`: "A hosted / received B" (B a person or a delegation);
- `cochairs`: "A and B co-chaired the dialogue", "co-chaired by A and B", "will co-chair … with C".
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Token

from .knowledge import Knowledge
from .mentions import Mention, MentionIndex
from .phrases import ACTOR, AFFIL_PREPS, Hit, mention_in, root_of
from .speakers import SpeakerResolver
from .textspans import sent_of, tokens_of

__all__ = ["meetings", "counterparts", "hosting", "cochairs"]


def meetings(doc: Doc, index: MentionIndex, k: Knowledge, speakers: SpeakerResolver) -> Iterator[Hit]:
    meet_verbs, meet_nouns, talks_verbs = k.words("meet_verbs"), k.words("meet_nouns"), k.words("talks_verbs")
    for t in tokens_of(doc):
        lemma = t.lemma_.lower()
        talks: list[Token] = []
        if lemma in talks_verbs:  # "held talks", "concluded two days of talks"
            talks = [c for c in t.children if c.dep_ == "dobj"]
            talks += [x for c in talks for p in c.children if p.dep_ == "prep" and p.lower_ == "of"
                      for x in p.children if x.dep_ == "pobj"]
        is_talks = any(c.lemma_.lower() in meet_nouns for c in talks)
        sat_down = lemma == "sit" and any(c.lower_ == "down" for c in t.children)  # "sat down with"
        if not (lemma in meet_verbs or is_talks or sat_down) or t.pos_ != "VERB":
            continue
        subjects: list[Mention] = []
        # "will travel to Beijing to meet X", "arrived and met X": the subject of the verb it hangs on
        owner = t.head if t.dep_ in ("xcomp", "advcl", "conj") and not any(
            c.dep_ in ("nsubj", "nsubjpass") for c in t.children) and t.head.pos_ in ("VERB", "AUX") else t
        for c in owner.children:
            if c.dep_ == "nsubj":  # not a body its clause names ('our delegation, which included X, met …')
                subjects += [m for m in index.in_range(c.left_edge.i, c.right_edge.i + 1, ACTOR)
                             if not _in_clause(root_of(m, doc), c)]
        subjects = [m for m in subjects if not any(o is not m and o.start <= m.start and m.end <= o.end
                                                   for o in subjects)]
        subjects = _heads_only(subjects, doc, index)
        others: list[Mention] = []
        for c in t.children:
            if (c.dep_ == "dobj" and lemma == "meet") or (c.dep_ == "prep" and c.lower_ == "with"):
                others += [m for m in index.in_range(c.left_edge.i, c.right_edge.i + 1, ACTOR)
                           if not _in_clause(root_of(m, doc), c)]
        parties = (talks if is_talks else []) + ([t] if lemma in meet_verbs else [])
        for c in parties:
            for cc in c.children:
                if cc.dep_ == "prep" and cc.lower_ == "with":  # the people, and who leads a party ("… with a
                    for party in (x for x in cc.children if x.dep_ == "pobj"):  # delegation headed by X")
                        others += [m for m in [mention_in(party, index, ("Person",))] if m is not None]
                        others += [m for a in party.children if a.dep_ == "acl" for g in a.children
                                   if g.dep_ == "agent" for m in index.in_range(g.left_edge.i, g.right_edge.i + 1,
                                                                                 ("Person",))]
                        others += [m for x in party.conjuncts for m in [mention_in(x, index, ("Person",))] if m]
        others = _heads_only(others, doc, index)
        names = [s.canonical or "" for s in subjects]
        if not names and others:  # "I also held talks with X", "We concluded talks with …" in a briefing turn
            pronoun = next((c for c in t.children if c.dep_ == "nsubj" and (c.lower_ in ("i", "we", "he", "she") or (
                c.lemma_.lower() == "delegation" and any(p.lower_ in ("our", "my") for p in c.children)))), None)
            if pronoun is not None and pronoun.lemma_.lower() == "delegation":  # 'our delegation … met with'
                names = [name for name in [speakers.turn_speaker(pronoun) or speakers.voice] if name]
            elif pronoun is not None and pronoun.lower_ in ("he", "she"):  # "He will hold talks with X"
                # (a main clause only: in "the President raised it when he met X" he is that subject)
                names = [name for name in [speakers.antecedent(pronoun)[0]] if name and t.dep_ == "ROOT"]
            else:
                names = [name for name, _conf in speakers.resolve_all(pronoun) if name]
        ended = is_talks and lemma not in ("hold", "have")  # "concluded / spent two days of talks with …":
        if ended:  # people only (a turn's "we" is its speaker), and no "A and B met" from the subject alone
            names = [s.canonical or "" for s in subjects if s.kind == "Person"] if subjects else names
            others = [o for o in others if o.kind == "Person"]
        if others:
            for name in names:
                for o in others:
                    yield (name, "metWith", o.canonical or "", t, 0.8, "met-with")
        elif not ended:  # "A and B met"
            for a, b in zip(subjects, subjects[1:], strict=False):
                yield (a.canonical or "", "metWith", b.canonical or "", t, 0.75, "met-together")


def counterparts(doc: Doc, index: MentionIndex, k: Knowledge, speakers: SpeakerResolver) -> Iterator[Hit]:
    """'Posner and his Chinese counterpart, Chen Xu', 'His counterpart, Chen Xu, …': the two met."""
    nouns = k.words("counterpart_nouns")
    for t in tokens_of(doc):
        if t.lemma_.lower() not in nouns or t.pos_ != "NOUN":
            continue
        other = next((m for c in t.children if c.dep_ in ("appos", "compound")
                      if (m := mention_in(c, index, ("Person",))) is not None), None)
        if other is None and t.dep_ == "appos" and (m := index.at(t.head.i)) is not None and m.kind == "Person":
            other = m  # "Chen Xu, his counterpart, …"
        if other is None and t.i + 2 < len(doc) and doc[t.i + 1].text == "," \
                and (m := index.at(t.i + 2)) is not None and m.kind == "Person":
            other = m  # "met his counterpart, Liu Wei, …" with the name hung elsewhere by the parse
        if other is None and t.dep_ == "nsubj" and t.head.lemma_ == "be":  # "my counterpart was X"
            other = next((m for c in t.head.children if c.dep_ == "attr"
                          if (m := mention_in(c, index, ("Person",))) is not None), None)
        if other is None:  # "talks with our Chinese counterparts, led by Director General X": their head
            led = [c for c in t.children if c.dep_ == "acl"]  # (or the parse hung 'led' on the main verb)
            led += [doc[t.i + 2]] if t.i + 2 < len(doc) and doc[t.i + 1].text == "," else []
            other = next((m for c in led if c.lemma_.lower() in k.words("lead_verbs")
                          for a in c.children if a.dep_ == "agent"
                          if (m := mention_in(a, index, ("Person",))) is not None), None)
        owner = None
        for c in t.children:
            if c.dep_ == "poss":
                if (m := index.at(c.i)) is not None and m.kind == "Person":
                    owner = m.canonical
                elif c.lower_ in ("his", "her"):
                    owner, _conf = speakers.antecedent(c)
                elif c.lower_ in ("my", "our") and c.i not in speakers.quoted:  # "my counterpart, X" in a turn
                    owner = speakers.turn_speaker(c) or speakers.voice
        if other is not None and owner and owner != other.canonical:
            yield (owner, "metWith", other.canonical or "", t, 0.7, "counterpart")


def _in_clause(tok: Token, top: Token) -> bool:
    """Whether `tok` sits in a clause of its own below `top` ('met X, whose husband, Y, is missing')."""
    while tok.i != top.i and tok.head.i != tok.i:
        if tok.dep_ in ("relcl", "acl", "advcl", "ccomp"):
            return True
        tok = tok.head
    return False


def _heads_only(ms: list[Mention], doc: Doc, index: MentionIndex) -> list[Mention]:
    """Drop mentions that only modify another ('China's Ministry …' inside an appositive)."""
    out = []
    for m in ms:
        r = root_of(m, doc)
        if r.dep_ in ("poss", "compound") or (r.dep_ == "pobj" and r.head.head.dep_ == "appos"):
            continue
        if r.dep_ == "pobj" and r.head.lower_ in AFFIL_PREPS and (p := index.at(r.head.head.i)) is not None \
                and p.kind == "Person":
            continue  # "Maya Wang of Human Rights Watch met …": the affiliation did not meet
        out.append(m)
    return out


def hosting(doc: Doc, index: MentionIndex, k: Knowledge, speakers: SpeakerResolver) -> Iterator[Hit]:
    """'Calloway received Peng Wenhui', 'We hosted a Chinese delegation headed by X': host and guest
    met. The guest is the object itself (a person or a delegation, and whoever leads it), never a
    name further down ('received a letter from X')."""
    verbs = k.words("host_verbs")
    for t in tokens_of(doc):
        if t.lemma_.lower() not in verbs or t.pos_ != "VERB":
            continue
        guests: list[Mention] = []
        for obj in (c for c in t.children if c.dep_ == "dobj"):
            for x in (obj, *obj.conjuncts):
                m = index.at(x.i)
                if m is None or not (m.kind == "Person" or (m.kind == "Organization" and x.lemma_.lower() in
                                                             k.words("delegation_terms"))):
                    continue
                guests.append(m)
                guests += [g for a in x.children if a.dep_ == "acl" for ag in a.children if ag.dep_ == "agent"
                           for g in index.in_range(ag.left_edge.i, ag.right_edge.i + 1, ("Person",))]
        if not guests:
            continue
        subject = speakers.subject_of(t)
        hosts = speakers.resolve_all(subject) if subject is not None else []
        for host, _conf in hosts:
            for g in guests:
                yield (host, "metWith", g.canonical or "", t, 0.7, "hosted")


def _joint_verb(t: Token, verbs: frozenset[str]) -> int | None:
    """Where a verb of chairing jointly begins: 'co-chaired' (co - chaired), 'cochaired', 'will
    co-host'; None for anything else, the noun included ('the co-chairs')."""
    doc, lemma, low = t.doc, t.lemma_.lower(), t.lower_
    if lemma in verbs:  # the cheap tests first: this runs on every token
        if t.i < 2 or doc[t.i - 1].text != "-" or doc[t.i - 2].lower_ != "co":
            return None
        first = t.i - 2
    elif low.startswith("co") and any(lemma in (f"co{v}", f"co{v}e") or low.startswith(f"co{v}") for v in verbs):
        first = t.i
    else:
        return None
    modal = first > 0 and doc[first - 1].lower_ in ("will", "to", "would", "shall", "can", "could")
    return first if t.tag_.startswith("VB") or modal else None


def _in_phrase(tok: Token, allowed: set[int]) -> bool:
    """Whether `tok` sits in a prepositional phrase other than those at `allowed` ('as envoy of X')."""
    while tok.head.i != tok.i:
        if tok.dep_ == "pobj" and tok.head.i not in allowed:
            return True
        tok = tok.head
    return False


def cochairs(doc: Doc, index: MentionIndex, k: Knowledge, speakers: SpeakerResolver) -> Iterator[Hit]:
    """'A and B co-chaired the dialogue', 'the dialogue was co-chaired by A and B': the co-chairs
    met; 'A and B will co-chair the talks with C and D': each of A, B met each of C, D. Persons
    inside a phrase of their own ('as envoys of President X') are not chairs."""
    verbs = k.words("joint_chair_verbs")
    for t in tokens_of(doc):
        first = _joint_verb(t, verbs)
        if first is None:
            continue
        sent = sent_of(t)
        after = doc[t.i + 1:sent.end]
        by = next((x for x in after[:2] if x.lower_ == "by"), None)
        with_ = next((x for x in after if x.lower_ == "with"), None)
        heads = {x.i for x in (by, with_) if x is not None}
        people = [m for m in index.in_range(sent.start, sent.end, ("Person",))
                  if not _in_phrase(root_of(m, doc), heads)]
        if by is not None:
            chairs, others = [m for m in people if m.start > by.i], []
        else:
            chairs = [m for m in people if m.end <= first]
            others = [m for m in people if with_ is not None and m.start > with_.i]
        pairs = [(a, b) for a in chairs for b in others] if others else list(zip(chairs, chairs[1:], strict=False))
        for a, b in pairs:
            yield (a.canonical or "", "metWith", b.canonical or "", t, 0.7, "co-chaired")
