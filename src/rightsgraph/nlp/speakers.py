"""Who is speaking: map a parse node (subject of a reporting verb, a transcript label) to an actor."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from .knowledge import Knowledge
from .labels import label_speaker
from .mentions import MentionIndex
from .textspans import doc_text, in_question, sent_of, transcript_turns

__all__ = ["SpeakerResolver"]



def _clause_head(tok: Token) -> Token:
    """'The legal scholar Xu Zhiyong, who …, took': the name stands for the subject it names."""
    while tok.dep_ in ("appos", "compound", "conj") and tok.head.i != tok.i:
        tok = tok.head
    return tok


class SpeakerResolver:
    def __init__(self, doc: Doc, index: MentionIndex, knowledge: Knowledge, quoted: set[int], *,
                 header: str = ""):
        self.doc = doc
        self.index = index
        self.k = knowledge
        self.quoted = quoted  # token indexes inside quotation marks
        self.header = header  # headline and header lines: where a transcript names its speakers
        self.voice: str | None = None  # the author or issuer: who "I"/"we" is outside quotes
        self.generic = knowledge.words("generic_speakers")
        self.nominal_orgs = knowledge.words("nominal_orgs")  # "the group": an organisation named before
        self.nominal_persons = knowledge.words("nominal_persons")  # "the spokesman": a person named before
        self.titles = frozenset(w.lower().rstrip(".") for t in knowledge.lexicon["titles"] for w in t.split())
        self._turns: list[tuple[int, int, str | None]] | None = None  # (start, end, speaker) of each turn
        self._tellers: dict[tuple[int, str | None], list[tuple[str, float]]] = {}  # teller() by verb and voice

    # -- subjects --------------------------------------------------------------------------
    def subject_of(self, verb: Token) -> Token | None:
        """nsubj of the verb, climbing through participial/coordinated clauses ('… saying that')."""
        tok: Token | None = verb
        if verb.dep_ == "conj" and verb.head.dep_ == "ccomp" and verb.tag_ != verb.head.tag_ \
                and verb.tag_ == verb.head.head.tag_ and verb.head.tag_ in ("VB", "VBP", "VBZ", "MD"):
            # 'The Commission demanded that X give …, and urged Y to …': the parse hung the second verb
            # on the 'that' clause; its tense is the reporting verb's, so it goes with 'demanded'
            tok = verb.head.head
        for _ in range(4):
            if tok is None:
                return None
            if tok.tag_ == "VBG" and tok.dep_ == "pcomp" and tok.head.lower_ == "as" \
                    and tok.head.head.lemma_.lower() in ("quote", "cite"):
                # "state media quoted Li as saying …": the one quoted speaks, not who quotes him
                quoted = [c for c in tok.head.head.children if c.dep_ == "dobj" and c.i not in self.quoted]
                if quoted:
                    return quoted[0]
            subj = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass") and c.i not in self.quoted]
            if subj:  # the last when a hyphen split the subject ("co - chairman": the head is "chairman")
                return subj[-1]
            # 'X, who has co-chaired …, said': a hyphen in the relative clause made X the subject of a
            # clause before the verb
            for s_ in (x for c in tok.children if c.dep_ == "ccomp" and c.i < tok.i
                       for x in c.children if x.dep_ == "nsubj"):
                if s_.i + 2 < len(self.doc) and self.doc[s_.i + 1].text == "," and self.doc[s_.i + 2].lower_ == "who":
                    return s_
            climb = (tok.dep_ == "conj"
                     or (tok.tag_ in ("VBG", "VBN") and tok.dep_ in ("advcl", "acl", "xcomp", "pcomp"))
                     or (tok.pos_ in ("NOUN", "PROPN") and tok.dep_ in ("dobj", "attr")))
            if climb and tok.head.i != tok.i:
                tok = tok.head
            else:
                return self._swallowed_subject(tok)
        return None

    def _swallowed_subject(self, verb: Token) -> Token | None:
        """A finite verb the parse gave no subject because a fronted phrase swallowed it ('Ahead of
        the dialogue, Representative A, Chairman of X, and Senator B today called on …' read as 'ahead
        of the dialogue, A and B'): the first person coordinated with that phrase's object."""
        if verb.tag_ not in ("VBD", "VBZ", "VBP") or verb.dep_ not in ("ROOT", "conj") \
                or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
            return None
        for front in (c for c in verb.lefts if c.dep_ in ("advmod", "prep", "npadvmod")):
            for obj in (t for t in front.subtree if t.dep_ == "pobj"):
                people = [c for c in obj.conjuncts if c.i > obj.i and (m := self.index.at(c.i)) is not None
                          and m.kind == "Person" and c.i not in self.quoted]
                if people:
                    return people[0]
        return None

    def resolve_all(self, tok: Token | None) -> list[tuple[str, float]]:
        """Every speaker of a coordinated subject ('Rubio and Smith called on …'), and the people a
        plural anaphor stands for ('the two lawmakers', 'the senators': the pair named last)."""
        if tok is None:
            return []
        if (group := self._group(tok)) is not None or (group := self._authors(tok)) is not None \
                or (group := self._they(tok)) is not None:
            return group
        out: list[tuple[str, float]] = []
        for t in [tok, *(c for c in tok.conjuncts if c.i > tok.i)]:  # not a swallowing phrase's object before it
            name, conf = self.resolve(t)
            if name and name not in [n for n, _c in out]:
                out.append((name, conf))
        return out

    def _group(self, tok: Token) -> list[tuple[str, float]] | None:
        """'The (two) lawmakers asked …': the people of the last coordinated pair or list of persons
        who were the subject of a clause (who spoke or acted, not the cases they named)."""
        nouns = self.k.words("group_nouns")  # "the two Commissioners" is tagged NNPS, its lemma unreduced
        lemma = tok.lemma_.lower()
        if tok.tag_ not in ("NNS", "NNPS") or self.index.at(tok.i) \
                or not (lemma in nouns or (lemma.endswith("s") and lemma[:-1] in nouns)):
            return None
        if not any(c.dep_ in ("det", "nummod") and c.lower_ in ("the", "both", "two", "three") for c in tok.children):
            return None
        for m in sorted(self.index.mentions, key=lambda m: -m.start):
            if m.start >= tok.i or m.kind != "Person" or m.start in self.quoted:
                continue
            root = _clause_head(self.doc[m.start:m.end].root)
            if root.dep_ not in ("nsubj", "nsubjpass"):
                lost = self._swallowed_subject(self.doc[m.start].sent.root)
                if lost is None or root.i not in (lost.i, *(c.i for c in lost.conjuncts)):
                    continue
                root = lost
            together = [root, *root.conjuncts]
            if root.head.lemma_.lower() in self.k.words("joining_verbs"):  # "A joined B and C in a letter"
                together += [t for o in root.head.children if o.dep_ == "dobj" for t in (o, *o.conjuncts)]
            people = [self.index.at(t.i) for t in together]
            named = [p.canonical for p in people if p is not None and p.kind == "Person" and p.canonical]
            if len(named) >= 2:
                return [(n, 0.6) for n in dict.fromkeys(named)]
        return None

    def _they(self, tok: Token) -> list[tuple[str, float]] | None:
        """'They also asked …' right after 'A and B asked …' (or 'The lawmakers …'): the persons who were
        the subject of the sentence before, when that subject was two or more of them."""
        if tok.lower_ != "they" or tok.i in self.quoted or tok.dep_ not in ("nsubj", "nsubjpass"):
            return None
        start = sent_of(tok).start
        if start == 0:
            return None
        before = sent_of(self.doc[start - 1])
        subj = self.subject_of(before.root)
        if subj is None or subj.i in self.quoted:
            return None
        found = self.resolve_all(subj)
        persons = {m.canonical for m in self.index.mentions if m.kind == "Person"}
        people = [(name, round(conf * 0.8, 2)) for name, conf in found if name in persons]
        return people if len(people) >= 2 and len(people) == len(found) else None

    def _authors(self, tok: Token) -> list[tuple[str, float]] | None:
        """'The letter asks …' (and 'It also calls on …' right after): whoever sent, wrote or issued
        the letter, named in the sentence that did."""
        if tok.lower_ == "it" and tok.i not in self.quoted:
            start = sent_of(tok).start
            previous = sent_of(self.doc[start - 1]) if start > 0 else None
            before = [t for t in previous or () if t.dep_ in ("nsubj", "nsubjpass")
                      and t.lemma_.lower() in self.k.words("document_nouns")]
            if not before:
                return None
            tok = before[-1]
        noun = tok.lemma_.lower()
        if noun not in self.k.words("document_nouns") or self.index.at(tok.i) is not None \
                or not any(c.dep_ in ("det", "poss") and c.lower_ in ("the", "this", "that", "its", "their")
                           for c in tok.children):
            return None
        verbs = self.k.words("authoring_verbs")
        for t in reversed(self.doc[max(0, tok.i - 200):tok.i]):
            if t.lemma_.lower() == noun and t.dep_ == "pobj" and t.head.lower_ == "in" and t.head.head.pos_ == "VERB" \
                    and (found := self.resolve_all(self.subject_of(t.head.head))):
                return [(name, round(conf * 0.8, 2)) for name, conf in found]  # 'In a letter to X, A and B asked …'
            if t.lemma_.lower() in verbs and t.pos_ == "VERB" \
                    and any(c.dep_ == "dobj" and c.lemma_.lower() == noun for c in t.children):
                found = [(name, round(conf * 0.8, 2)) for name, conf in self.resolve_all(self.subject_of(t))]
                if not found:  # the parse lost the subject of a long opening: the people named before the verb
                    found = [(m.canonical, 0.5) for m in self.index.in_range(sent_of(t).start, t.i, ("Person",))
                             if m.canonical and _clause_head(self.doc[m.start:m.end].root).dep_ != "pobj"
                             and m.start not in self.quoted]
                return list(dict.fromkeys(found)) or None
        return None

    def teller(self, verb: Token) -> list[tuple[str, float]]:
        """Who told what a reporting verb reports: its subject's actors, and in a transcript turn also
        'a group of lawyers, including X, who told us …' (the relative pronoun's antecedent) and the
        other side in 'They told us …' or 'We were told …'. Asked twice of a verb in a turn (is it
        relayed? who said it?), so kept."""
        key = (verb.i, self.voice)
        if key not in self._tellers:
            self._tellers[key] = self._teller(verb)
        return self._tellers[key]

    def _teller(self, verb: Token) -> list[tuple[str, float]]:
        subject = self.subject_of(verb)
        if subject is None or self.turn_speaker(verb) is None:
            return self.resolve_all(subject)
        lower = subject.lower_
        if lower in ("who", "that") and verb.dep_ == "relcl":
            m = self.index.at(verb.head.i)
            if m is None or m.kind not in ("Person", "Organization"):  # "…, including X from Guangzhou, who told us"
                m = self.index.before(subject.i, ("Person",))
                m = m if m is not None and subject.i - m.end <= 4 else None
            return [(m.canonical, 0.6)] if m is not None and m.is_actor and m.canonical else []
        passive = any(c.dep_ == "auxpass" for c in verb.children)
        if (lower == "they" and not self._they(subject)) or (passive and lower in ("we", "i")):
            other = self.other_side(verb)
            return [(other, 0.5)] if other else []
        return self.resolve_all(subject)

    def other_side(self, tok: Token) -> str | None:
        """The government across the table from a turn's speaker: the last one named before `tok`
        (within the exchange) that is not the speaker's own (the gazetteer's affiliation or the
        transcript issuer's government tells which that is)."""
        speaker = self.turn_speaker(tok)
        entry = self.k.by_name.get(speaker or "")
        body = self.k.by_name.get((entry.affiliation if entry else None) or self.voice or "")
        own = body.name if body is not None and body.government else (body.parent if body is not None else None)
        if own is None:
            return None
        for m in sorted(self.index.in_range(max(0, tok.i - 200), tok.i, ("Government", "Organization")),
                        key=lambda m: -m.start):
            gov = m.canonical if m.kind == "Government" else self.k.delegations.get(m.canonical or "")
            if gov and gov != own:
                return gov
        return None

    def turn_speaker(self, tok: Token) -> str | None:
        """The named speaker of the transcript turn the token stands in (not a reporter's question)."""
        if self._turns is None:
            self._turns = [(t.start, t.end, self.from_label(t.label)) for t in transcript_turns(doc_text(self.doc))]
        return next((name for a, b, name in self._turns if a <= tok.idx < b), None)

    def resolve(self, tok: Token | None) -> tuple[str | None, float]:
        """Canonical actor name for a subject token, and how sure we are."""
        if tok is None:
            return None, 0.0
        m = self.index.at(tok.i)
        if m is not None and m.is_actor:
            return m.canonical, 0.9
        lower = tok.lower_
        if lower in ("i", "we") and tok.i not in self.quoted and (name := self.turn_speaker(tok)):
            return name, 0.6  # "I/We raised …" in a briefing turn: its speaker, even in a department's transcript
        if lower in ("i", "we") and self.voice and tok.i not in self.quoted:
            return self.voice, 0.6
        if lower == "it" and tok.head.dep_ == "ccomp" and (said := self.subject_of(tok.head.head)) is not None \
                and (m := self.index.at(said.i)) is not None and m.kind in ("Organization", "Government"):
            return m.canonical, 0.6  # "The US side said it raised …": the body that said so
        if lower == "it" and (prev := self.index.before(tok.i, ("Organization",))) is not None \
                and tok.i - prev.start < 60:
            return prev.canonical, 0.5  # "It also calls on …" after the organisation was named
        if lower == "it" and self.voice and tok.i not in self.quoted and tok.dep_ == "nsubj" and not in_question(tok):
            return self.voice, 0.5  # "It called on …" in a release: its issuer
        if lower in self.k.words("pronouns_person"):
            return self.antecedent(tok)
        if tok.lemma_.lower() in self.generic:  # "activists like Chen Guangcheng": the named example
            named = [m for c in tok.children if c.dep_ == "appos" and (m := self.index.at(c.i)) is not None
                     and m.is_actor and m.kind != "Government"]
            if len(named) == 1:  # "Some groups, Human Rights Watch among them, say …"
                return named[0].canonical, 0.6
            for c in tok.children:
                if c.dep_ == "prep" and c.lower_ in self.k.words("example_preps"):
                    examples = [m for m in self.index.in_range(c.left_edge.i, c.right_edge.i + 1,
                                                               ("Person", "Organization"))
                                if self.doc[m.start:m.end].root.dep_ != "poss"]
                    if len(examples) == 1:
                        return examples[0].canonical, 0.6
        if tok.pos_ == "NOUN" and self.index.at(tok.i) is None:
            # "Her lawyer, Cheng Hai, said …", "His brother, X, said …": the person in apposition
            named = [found for c in tok.children if c.dep_ == "appos" and (tok.head.i < tok.i or c.i < tok.head.i)
                     and (found := self.index.at(c.i)) is not None and found.kind == "Person" and found.is_actor]
            if named:
                return named[0].canonical, 0.8
            if tok.lemma_.lower() in self.k.words("kinship"):
                return None, 0.0
        # a subject before its verb ends at the verb: a misparsed apposition after it ('The two sides
        # discussed X, the rule of law and the cases of A and B') is not part of the subject
        right = tok.right_edge.i + 1 if tok.head.i < tok.i else min(tok.right_edge.i + 1, tok.head.i)
        sub = self.index.in_range(tok.left_edge.i, right, ("Person", "Organization", "Government"))
        sub = [s for s in sub if s.start not in self.quoted]
        apps = [c for c in tok.children if c.dep_ == "appos"]
        bare_title = tok.lower_ in self.titles and not any(c.dep_ == "det" for c in tok.children)
        if bare_title and (groups := [c for c in apps if c.lemma_.lower() in self.generic]):
            # "Assistant Secretary, several groups, X among them, say …": the address, then the speakers
            named = [m for c in apps if (m := self.index.at(c.i)) is not None and m.is_actor and m.kind != "Government"]
            return (named[0].canonical, 0.6) if len(named) == 1 else self.resolve(groups[0])
        inside = [s for s in sub if s.kind == "Person" and s.role]
        if inside and bare_title:
            # "Assistant Secretary of State for …, Human Rights and Labor Harold Koh, who …, has told":
            # the parse made the title the subject and hung the name inside it
            return inside[0].canonical, 0.8
        if sub and tok.lemma_.lower() not in self.generic | self.nominal_orgs | self.nominal_persons:
            sub.sort(key=lambda s: (s.kind != "Person", abs(s.start - tok.i)))
            return sub[0].canonical, 0.8
        if sub and tok.lemma_.lower() in ("official", "officials") and sub[0].kind == "Government":
            return sub[0].canonical, 0.7
        det = [c.lower_ for c in tok.children if c.dep_ in ("det", "poss")]
        if tok.lemma_.lower() == "delegation" and det == ["the"] and not sub:
            return self.last_delegation(tok.i)
        if tok.lemma_.lower() in self.nominal_orgs and det and det[0] in ("the", "its", "their"):
            prev = self.index.before(tok.i, ("Organization",))
            return (prev.canonical, 0.5) if prev else (None, 0.0)
        if det and det[0] == "the" and (tok.lemma_.lower() in self.nominal_persons or tok.lower_ in self.titles) \
                and (titled := self._last_titled(tok)) is not None:
            return titled, 0.6  # "the Secretary", "the assistant secretary": the last person printed with that title
        if tok.lemma_.lower() in self.nominal_persons and det and det[0] == "the" and tok.tag_ == "NN":
            # "The U.S. envoy said …": the person who spoke in the last sentences, not merely the last
            # one named (often a prisoner on the speaker's list)
            name, conf = self.antecedent(tok)
            return name, min(conf, 0.5)
        return None, 0.0

    def named_body(self, tok: Token) -> str | None:
        """'the department', 'the ministry' as an object: the body the article names with that word,
        the last one before it, else the first after ('urged the department …' in a letter to the
        Secretary of State, when 'the State Department' is named later)."""
        word = tok.lemma_.lower()
        if word not in self.nominal_orgs or not any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
            return None
        bodies = [m for m in self.index.mentions if m.kind in ("Organization", "Government") and m.canonical
                  and word in m.canonical.lower().split()]  # named in a quotation too
        before = [m for m in bodies if m.start < tok.i]
        found = before[-1] if before else (bodies[0] if bodies else None)
        return found.canonical if found is not None else None

    def both_governments(self, tok: Token) -> list[str]:
        """'both governments', 'the two sides', 'both countries': the two governments the article
        names most (the dialogue's parties), when it names two."""
        if tok.tag_ != "NNS" or tok.lower_ not in self.k.words("pair_nouns") \
                or not any(c.lower_ in ("both", "two") for c in tok.children if c.dep_ in ("det", "nummod", "predet")):
            return []
        named = self.index.most_named("Government")[:2]
        return named if len(named) == 2 else []

    def _last_titled(self, tok: Token) -> str | None:
        """The person named last before `tok` whose printed title holds the anaphor's words ('the
        assistant secretary' -> 'Assistant Secretary of State X')."""
        words = [t.lower_ for t in tok.lefts if t.dep_ in ("compound", "amod")] + [tok.lower_]
        best = None
        for m in self.index.mentions:
            if m.kind == "Person" and m.role and m.start < tok.i and m.start not in self.quoted \
                    and all(w in m.role.lower().split() for w in words) and (best is None or m.start > best.start):
                best = m
        return best.canonical if best is not None else None

    def last_delegation(self, before: int) -> tuple[str | None, float]:
        """'The delegation also raised …': the delegation the text named last (in the gazetteer, a
        delegation is an organisation whose name ends in 'delegation')."""
        m = self.index.before(before, ("Organization",))
        while m is not None and not (m.canonical or "").lower().endswith("delegation"):
            m = self.index.before(m.start, ("Organization",))
        return (m.canonical, 0.6) if m is not None else (None, 0.0)

    def antecedent(self, tok: Token) -> tuple[str | None, float]:
        """he/she: the person who spoke in the last sentences, else their subject, else the last named."""
        reporting = self.k.words("reporting_verbs") | self.k.words("quote_tag_verbs")
        sents = [s for s in self.doc.sents if s.start <= tok.i and any(t.is_alpha for t in s)]
        for sent in reversed(sents[-4:]):
            people = [m for m in self.index.in_range(sent.start, min(sent.end, tok.i), ("Person",))
                      if m.start not in self.quoted]
            heads = [(m, _clause_head(self.doc[m.start:m.end].root)) for m in people]
            # "Assistant Secretary of State for …, Human Rights and Labor Michael Posner, who …, told": the
            # parse made the title the subject and hung the name inside it
            heads += [(m, t) for t in sent if t.dep_ in ("nsubj", "nsubjpass") and t.i < tok.i
                      and t.lower_ in self.titles and self.index.at(t.i) is None
                      for m in people if m.role and t.i < m.start <= t.right_edge.i]
            spoke = [m for m, h in heads if h.dep_ in ("nsubj", "nsubjpass") and h.head.lemma_.lower() in reporting]
            subjects = [m for m, h in heads if h.dep_ in ("nsubj", "nsubjpass")]
            for group, conf in ((spoke, 0.65), (subjects, 0.6)):
                if group:
                    return group[-1].canonical, conf
        prev = self._skip_quoted(self.index.before(tok.i, ("Person",)), tok.i)
        return (prev.canonical, 0.5) if prev else (None, 0.0)

    def _skip_quoted(self, m, limit):  # noqa: ANN001, ANN202
        while m is not None and m.start in self.quoted:
            m = self.index.before(m.start, ("Person",))
        return m

    def from_label(self, label: str) -> str | None:
        """'ASSISTANT SECRETARY POSNER' -> 'Michael Posner'; QUESTION -> None; A -> the spokesperson."""
        return label_speaker(label, self.header, self.index, self.k, self.titles)
