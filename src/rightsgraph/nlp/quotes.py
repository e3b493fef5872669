"""Statements: direct quotes (quotation marks, transcript turns) and indirect speech.

Pure functions over a parsed Doc and its mentions; they return model.Statement objects whose
`sentence` is the evidence passage (the sentence or sentences the words came from).
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from ..model import Span as Evidence
from ..model import Statement
from .knowledge import Knowledge
from .mentions import MentionIndex
from .speakers import SKIP_LABELS, SpeakerResolver
from .stance import classify_stance
from .textspans import (
    doc_text,
    in_question,
    quote_spans,
    quoted_tokens,
    sent_of,
    sentence_of,
    span_of,
    token_at,
    tokens_of,
    transcript_turns,
)
from .voice import in_voice, voice_statements

__all__ = ["find_statements"]

DIALOGUE = "US-China Human Rights Dialogue"
MIN_WORDS = 5


def _word_count(text: str) -> int:
    return len(re.findall(r"\w+", text))


class _Builder:
    def __init__(self, doc: Doc, index: MentionIndex, knowledge: Knowledge, article_id: str, header: str = "",
                 speakers: SpeakerResolver | None = None):
        self.doc, self.index, self.k, self.article_id = doc, index, knowledge, article_id
        text = doc_text(doc)
        self.quotes = quote_spans(text)
        self.quoted = quoted_tokens(doc, self.quotes)
        self.turns = transcript_turns(text)
        self.in_turn: set[int] = set()
        self.spoken: set[int] = set()  # inside turns of named speakers (not QUESTION/Q)
        for t in self.turns:
            span = span_of(doc, t.start, t.end)
            if span is not None:
                self.in_turn.update(range(span.start, span.end))
                if t.label.split()[0].strip(".").upper() not in SKIP_LABELS:
                    self.spoken.update(range(span.start, span.end))
        self.speakers = speakers or SpeakerResolver(doc, index, knowledge, self.quoted, header=header)
        self.voice: str | None = None
        self.skip: list[tuple[int, int]] = []  # off-topic ranges of a transcript
        self.out: list[tuple[Statement, int, int]] = []  # statement, text start, text end
        self.tags: list[tuple[str, int]] = []  # speaker and end of a tagged quote too short to keep
        self.relayed: set[tuple[int, int]] = set()  # what a speaker's turn reports someone named said

    # -- helpers -------------------------------------------------------------------------------
    def evidence(self, start: int, end: int) -> Evidence:
        doc = self.doc
        first = token_at(doc, start)
        last = token_at(doc, max(start, end - 1))
        b = sentence_of(first)[0] if first is not None else start
        e = sentence_of(last)[1] if last is not None else end
        b, e = min(b, start), max(e, end)
        return Evidence(self.article_id, b, e, doc_text(doc)[b:e])

    def add(self, speaker: str, text: str, kind: str, start: int, end: int, conf: float) -> None:
        text = text.strip().strip(",;:").strip()
        words = _word_count(text)
        if words < 3:
            return
        stance, s_conf = classify_stance(text, self.k)
        if words < MIN_WORDS and stance == "neutral":
            # a short clause counts only as a judgement ("the talks were useful"); who said it still
            # speaks on ('"Serious for whom?" he said. "The families …"': the next quote is his too)
            self.tags.append((speaker, end))
            return
        about = DIALOGUE if stance != "neutral" else self._about(start, end)
        st = Statement(speaker=speaker, text=text, kind=kind,  # type: ignore[arg-type]
                       stance=stance, sentence=self.evidence(start, end), about=about,  # type: ignore[arg-type]
                       confidence=round(min(conf, s_conf + 0.2), 2))
        self.out.append((st, start, end))

    def last_before(self, offset: int, window: int = 1200) -> str | None:
        """Speaker of the latest statement ending before `offset` (a quote paragraph that continues it)."""
        best = None
        for speaker, e in [(st.speaker, e) for st, _s, e in self.out] + self.tags:
            if e <= offset and offset - e < window and (best is None or e > best[1]):
                best = (speaker, e)
        return best[0] if best else None

    def _about(self, start: int, end: int) -> str | None:
        span = span_of(self.doc, start, end)
        if span is None:
            return None
        for m in self.index.in_range(span.start, span.end, ("Event",)):
            return m.canonical
        for m in self.index.in_range(span.start, span.end, ("Issue", "Government", "Person", "Organization")):
            return m.canonical
        return None

    # -- transcript turns --------------------------------------------------------------------
    def turns_pass(self) -> None:
        """Each paragraph of a named speaker's turn is a direct statement (off-topic exchanges of a
        briefing never reach here: extract() drops their mentions and turns, see topic.py)."""
        for t in self.turns:
            speaker = self.speakers.from_label(t.label)
            if speaker is not None and not any(a <= t.start < b for a, b in self.skip):
                self.add(speaker, doc_text(self.doc)[t.start:t.end], "direct", t.start, t.end, 0.85)

    # -- quotation marks --------------------------------------------------------------------
    def _tag_verbs(self, start: int, end: int) -> list[Token]:
        doc = self.doc
        a = token_at(doc, start)
        b = token_at(doc, max(start, end - 1))
        if a is None or b is None:
            return []
        lo, hi = sent_of(a).start, sent_of(b).end
        verbs = self.k.words("quote_tag_verbs") | self.k.words("reporting_verbs")
        cands = [t for t in doc[lo:hi] if t.i not in self.quoted and t.lemma_.lower() in verbs
                 and t.pos_ in ("VERB", "AUX")]
        cands.sort(key=lambda t: min(abs(t.idx - start), abs(t.idx - end)))
        return cands

    def _according_to(self, start: int, end: int) -> Token | None:
        a = token_at(self.doc, start)
        if a is None:
            return None
        for t in sent_of(a):
            if t.lower_ == "according" and t.i + 1 < len(self.doc) and self.doc[t.i + 1].lower_ == "to":
                objs = [c for c in self.doc[t.i + 1].children if c.dep_ == "pobj"]
                if objs:
                    return objs[0]
        return None

    def _embedded(self, verb: Token, start: int, end: int) -> bool:
        """The quote sits inside a reported clause with words of its own: indirect speech covers it."""
        for c in verb.children:
            if c.dep_ in ("ccomp", "dobj", "xcomp"):
                lo, hi = c.left_edge.i, c.right_edge.i + 1
                span = self.doc[lo:hi]
                if span.start_char <= start and span.end_char >= end - 1:
                    outside = [t for t in span if t.i not in self.quoted and t.is_alpha]
                    return len(outside) >= 3
        return False

    def quotes_pass(self) -> None:
        for segs in self._merge_split_quotes():
            start, end = segs[0][0], segs[-1][1]
            first = token_at(self.doc, start)
            if first is None or first.i in self.in_turn:
                continue
            text = "\n\n".join(doc_text(self.doc)[s:e] for s, e in segs)
            verbs = self._tag_verbs(start, end)
            # a short quotation is a scare quote ("a smoke screen") unless a speech verb tags it as
            # an utterance ('"We welcome the dialogue," she said'; add() keeps it only with a stance)
            if _word_count(text) < (3 if verbs else MIN_WORDS):
                continue
            speaker, conf = None, 0.0
            if any(self._embedded(v, start, end) for v in verbs):
                continue
            for verb in verbs:  # the nearest tag verb whose speaker is known ('told reporters that X
                speaker, conf = self.speakers.resolve(self.speakers.subject_of(verb))  # "…," but declined to say')
                if speaker:
                    break
            if speaker is None:
                speaker, conf = self.speakers.resolve(self._according_to(start, end))
            if speaker is None and not verbs:
                speaker, conf = self._colon_intro(start)
            if speaker is None and not verbs:
                speaker, conf = self.last_before(start), 0.55
            if speaker is None and not verbs and first is not None:
                speaker, conf = self.speakers.antecedent(first)  # the person the last sentences were about
            if speaker:
                self.add(speaker, text, "direct", start, end, conf)

    def _colon_intro(self, start: int) -> tuple[str | None, float]:
        before = doc_text(self.doc)[:start].rstrip(" “\"\n")
        if not before.endswith(":"):
            return None, 0.0
        tok = token_at(self.doc, len(before) - 1)
        if tok is None:
            return None, 0.0
        verbs = [t for t in sent_of(tok) if t.pos_ == "VERB" and t.i not in self.quoted]
        for v in verbs:
            speaker, conf = self.speakers.resolve(self.speakers.subject_of(v))
            if speaker:
                return speaker, conf * 0.9
        return None, 0.0

    def _merge_split_quotes(self) -> list[list[tuple[int, int]]]:
        """“A,” X said, “B.” -> one statement A … B."""
        verbs = self.k.words("quote_tag_verbs")
        out: list[list[tuple[int, int]]] = []
        for q in self.quotes:
            if out:
                prev_end = out[-1][-1][1]
                between = doc_text(self.doc)[prev_end:q[0][0]]
                words = re.findall(r"[\w.']+", between)
                if (0 < len(words) <= 12 and "\n" not in between and not re.search(r"[.!?]\s", between)
                        and between.strip().startswith(("”", '"')) and between.rstrip().endswith((",", "“", '"'))
                        and any(w.lower().rstrip("s") in verbs or w.lower() in ("said", "says", "told", "adds",
                                                                               "added") for w in words)):
                    out[-1] = out[-1] + q
                    continue
            out.append(list(q))
        return out

    # -- indirect speech -------------------------------------------------------------------
    def indirect_pass(self) -> None:
        reporting = self.k.words("reporting_verbs") | {"want"}
        urges = self.k.words("urge_verbs")
        acts = self.k.words("speech_act_verbs")
        objects = self.k.words("speech_act_objects")
        characterize = self.k.words("characterize_verbs")
        talks = self.k.words("dialogue_terms") - {"it", "this"}
        any_object = {"note", "cite", "mention", "highlight", "point", "question", "reject", "oppose",
                      "condemn", "denounce", "criticize", "criticise", "demand", "promise", "pledge", "express",
                      "decry", "welcome"}
        for t in tokens_of(self.doc):
            if t.i in self.quoted or t.pos_ != "VERB" or in_question(t):
                continue  # a reporter's question may relay what others said
            lemma = t.lemma_.lower()
            if t.i in self.spoken and (lemma not in reporting or not self._relayed(t)):
                continue  # a speaker's turn is theirs, but for what it says someone named told them
            # the clause said, after the verb where there are two ('X, who has co-chaired …, said Y')
            clauses = [c for c in t.children if c.dep_ == "ccomp"]
            clause = next((c for c in clauses if c.i > t.i), clauses[0] if clauses else None)
            if t.dep_ == "parataxis" and lemma in reporting and clause is None and t.head.i != t.i:
                # "During the meetings, he said, the State Department addressed …": the host clause
                head, tag = t.head, list(t.subtree)
                before, after = (head.left_edge.i, tag[0].i), (tag[-1].i + 1, head.right_edge.i + 1)
                lo, hi = max((before, after), key=lambda r: r[1] - r[0])
                while lo < hi and (self.doc[lo].is_punct or self.doc[lo].is_space):
                    lo += 1
            elif lemma in reporting and clause is not None:
                lo, hi = clause.left_edge.i, clause.right_edge.i + 1
                while lo < hi and self.doc[lo].lower_ in ("that", ",", "“", '"'):
                    lo += 1
                if lemma in acts and t.i == lo - 1:
                    lo = t.i  # "demanded the talks produce results": the act is part of what was said
                hi = self._extend_clause(t, hi)
            elif lemma in urges and (target := self._urge_target(t)) is not None:
                lo, hi = target.left_edge.i, t.right_edge.i + 1  # "called on the administration to …"
            elif lemma in urges and t.i + 2 < len(self.doc) and self.doc[t.i + 1].lower_ == "that":
                lo, hi = t.i + 2, sent_of(t).end  # "asked that officials press for …" (however it parsed)
            elif lemma in characterize and (judged := self._characterized(t, talks)) is not None:
                lo, hi = judged.left_edge.i, t.right_edge.i + 1  # "called the dialogue worthless"
            elif lemma in acts:
                objs = [c for c in t.children if c.dep_ in ("dobj", "xcomp", "prep")]
                if not objs or not (lemma in any_object or any(o.lemma_.lower() in objects for o in objs)):
                    continue
                lo = min([t.i] + [c.i for c in t.children if c.dep_ == "advmod" and c.i < t.i])
                hi = t.right_edge.i + 1
            else:
                continue
            self._said(t, lo, hi)

    def _said(self, t: Token, lo: int, hi: int) -> None:
        """What the subject of `t` said, tokens lo..hi, as an indirect statement."""
        colons = [x.i for x in self.doc[lo:hi] if x.text == ":"]
        if colons:
            lo, hi = (colons[-1] + 1, hi) if t.i > colons[-1] else (lo, colons[0])
        while hi > lo and self.doc[hi - 1].is_punct and self.doc[hi - 1].text not in ("”", '"', ")", "]"):
            hi -= 1
        span = self.doc[lo:hi]
        if not span.text.strip():
            return
        inside = sum(1 for x in span if x.i in self.quoted and x.is_alpha)
        outside = sum(1 for x in span if x.i not in self.quoted and x.is_alpha)
        if inside and outside < 3:
            return  # a direct quote with a speech tag: the quotes pass has it
        for speaker, conf in self.speakers.resolve_all(self.speakers.subject_of(t)):
            self.add(speaker, span.text, "indirect", span.start_char, span.end_char, conf * 0.9)
            if t.i in self.spoken:
                self.relayed.add((span.start_char, span.end_char))

    def _relayed(self, verb: Token) -> bool:
        """Inside a speaker's turn, what someone else named told them is that one's speech (a government too:
        'the Chinese side told us …'; 'Mr. Chen told us that …'); 'we told him …' stays the speaker's."""
        subject = self.speakers.subject_of(verb)
        m = self.index.at(subject.i) if subject is not None else None
        return m is not None and m.is_actor and m.kind in ("Person", "Organization", "Government") \
            and m.canonical != self.speakers.turn_speaker(verb)

    @staticmethod
    def _characterized(verb: Token, talks: frozenset[str]) -> Token | None:
        """The talks a characterizing verb judges: its object is a dialogue term and it says what
        they are ('called the dialogue worthless', 'described the talks as a sham'), else None."""
        obj = next((c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in talks), None)
        if obj is None:
            return None
        says = any(c.dep_ in ("oprd", "xcomp", "ccomp", "acomp") or (c.dep_ == "prep" and c.lower_ == "as")
                   for c in verb.children) or any(c.dep_ in ("amod", "prep") and c.i > obj.i and c.lower_ in ("as",)
                                                  for c in obj.children)
        return obj if says else None

    def _extend_clause(self, verb: Token, hi: int) -> int:
        """'X says that A, but without B': trailing modifiers of the saying belong to what was said."""
        if verb.i > hi:
            return hi
        sent_end = sent_of(verb).end
        # "told the panel that A, and that B": the second that-clause is said too
        seconds = [c for c in verb.children if c.i >= hi and _that_clause(c)]
        second = seconds[0].left_edge.i if seconds else sent_end
        end = seconds[-1].right_edge.i + 1 if seconds else hi
        tail = [t for t in self.doc[hi:second] if not t.is_punct and not t.is_space]
        if any(t.i in self.quoted for t in tail):
            return hi
        if not tail:
            return end
        if not any(t.dep_ in ("nsubj", "nsubjpass") for t in tail) \
                and all(self._attached_to(t, verb, ("prep", "advcl", "cc", "conj", "advmod")) for t in tail):
            return max(second, end)
        # "that the delegation had raised A's detention, B's imprisonment and the case of C, who …": the
        # parse hung the list's later items on the saying verb as objects; they are still what was said
        if self._attached_to(tail[0], verb, ("dobj",)) and all(
                self._attached_to(t, verb, ("dobj", "cc", "conj", "prep")) for t in tail):
            return max(second, end)
        return hi

    @staticmethod
    def _attached_to(tok: Token, verb: Token, deps: tuple[str, ...]) -> bool:
        t = tok
        while t.head.i != verb.i and t.head.i != t.i:
            t = t.head
        return t.head.i == verb.i and t.dep_ in deps

    def _urge_target(self, verb: Token) -> Token | None:
        """The addressee of 'call on X to …', 'urge X to …' when an infinitive follows."""
        if not any(c.dep_ in ("xcomp", "ccomp") for c in verb.subtree if c.i > verb.i):
            return None
        for c in verb.children:
            if c.dep_ == "dobj":
                return c
            if c.dep_ == "prep" and c.lower_ in ("on", "upon"):
                return next((g for g in c.children if g.dep_ == "pobj"), None)
        return None

    def attitude_pass(self) -> None:
        """'X is skeptical that CLAUSE', 'X was confident that …': an attitude reported as speech."""
        adjectives = self.k.words("attitude_adjectives")
        for t in tokens_of(self.doc):
            if t.lemma_.lower() not in adjectives or t.dep_ != "acomp" or t.i in self.quoted or t.i in self.spoken:
                continue
            clause = next((c for c in t.children if c.dep_ == "ccomp"), None)
            if clause is None:
                continue
            hi = clause.right_edge.i + 1
            while hi > t.i and (self.doc[hi - 1].is_punct or self.doc[hi - 1].is_space):
                hi -= 1
            span = self.doc[t.i:hi]
            if any(x.i in self.quoted for x in span):
                continue
            for speaker, conf in self.speakers.resolve_all(self.speakers.subject_of(t.head)):
                self.add(speaker, span.text, "indirect", span.start_char, span.end_char, conf * 0.8)

    def according_pass(self) -> None:
        """'According to X, CLAUSE.' / 'In X's words (view), CLAUSE.' outside quotation marks."""
        for t in tokens_of(self.doc):
            if t.i in self.quoted or t.i in self.in_turn or t.i + 2 >= len(self.doc):
                continue
            nxt = self.doc[t.i + 1]
            if t.lower_ == "according" and nxt.lower_ == "to":
                who = next((c for c in nxt.children if c.dep_ == "pobj"), None)
                end = who.right_edge.i + 1 if who is not None else None
            elif t.lower_ == "in" and (noun := next((c for c in t.children if c.dep_ == "pobj"), None)) is not None \
                    and noun.lemma_.lower() in ("word", "view", "opinion", "assessment"):
                who = next((c for c in noun.children if c.dep_ == "poss"), None)
                end = noun.i + 1
            else:
                continue
            sent = sent_of(t)
            if who is None or end is None or end >= sent.end or self.doc[end].text != ",":
                continue
            lo, hi = end + 1, sent.end
            while hi > lo and (self.doc[hi - 1].is_punct or self.doc[hi - 1].is_space):
                hi -= 1
            span = self.doc[lo:hi]
            if any(x.i in self.quoted for x in span):
                continue
            for speaker, conf in self.speakers.resolve_all(who):
                self.add(speaker, span.text, "indirect", span.start_char, span.end_char, conf * 0.85)

    def dedupe(self) -> list[Statement]:
        """Drop a statement repeated by a longer one of the same speaker, or nested inside another's
        words; then the issuer's own reported sentences become its statements, whole."""
        keep: list[tuple[Statement, int, int]] = []
        for st, a, b in sorted(self.out, key=lambda x: (-(x[2] - x[1]), x[1])):
            if any((k.speaker == st.speaker and st.text in k.text)
                   or (ka <= a and b <= kb and (ka, kb) != (a, b) and (a, b) not in self.relayed)
                   for k, ka, kb in keep):
                continue
            keep.append((st, a, b))
        keep = [in_voice(self, st, a, b) for st, a, b in keep]
        return [st for st, _a, _b in sorted(keep, key=lambda x: (x[1], x[0].text))]


def _that_clause(tok: Token) -> bool:
    """A second clause said, coordinated with the first: '…, and that it had pressed Beijing …'."""
    return tok.dep_ == "conj" and tok.pos_ in ("VERB", "AUX") \
        and any(c.dep_ == "mark" and c.lower_ == "that" for c in tok.children)


def find_statements(doc: Doc, index: MentionIndex, knowledge: Knowledge, article_id: str,
                    voice: str | None = None, header: str = "", skip: list[tuple[int, int]] | None = None,
                    speakers: SpeakerResolver | None = None) -> list[Statement]:
    """All statements of one article; `voice` is who speaks in the body itself (press releases);
    `header` is the headline and header lines, where transcripts name their speakers; `speakers`
    the article's resolver, shared with the relation rules (made here when not given)."""
    b = _Builder(doc, index, knowledge, article_id, header, speakers)
    b.voice = voice
    b.skip = skip or []
    b.speakers.voice = voice
    b.turns_pass()
    b.indirect_pass()
    b.according_pass()
    b.attitude_pass()
    b.quotes_pass()
    if voice:
        voice_statements(b, voice)
    return b.dedupe()
