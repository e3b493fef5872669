"""Statements: direct quotes (quotation marks, transcript turns) and indirect speech.

Pure functions over a parsed Doc and its mentions; they return model.Statement objects whose
`sentence` is the evidence passage (the sentence or sentences the words came from).
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from ..model import Span as Evidence
from ..model import Statement
from .indirect import according_pass, attitude_pass, indirect_pass
from .knowledge import Knowledge
from .mentions import MentionIndex
from .speakers import SpeakerResolver
from .stance import classify_stance, stance_sentences
from .textspans import (
    doc_text,
    quote_spans,
    quoted_tokens,
    sent_of,
    sentence_of,
    span_of,
    token_at,
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
                if t.label.split()[0].strip(".").lower() not in knowledge.words("skip_labels"):
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
        """One statement per stretch of one stance: 'The talks have been useful. We raised the
        case of X.' is a judgement and a case report. A sentence that names no case, issue or
        person goes with the judgement beside it ('This is a piece of that effort.')."""
        sentences = stance_sentences(text, self.k) if doc_text(self.doc)[start:end] == text else []
        if len({s for _x, _y, s, _c in sentences}) < 2:
            self._add(speaker, text, kind, start, end, conf)
            return
        stances = [s if s != "neutral" or self._names_case(start + x, start + y) else None
                   for x, y, s, _c in sentences]
        for i, s in enumerate(stances):  # a loose sentence takes the judgement before it, else after
            if s is None:
                stances[i] = next((t for t in reversed(stances[:i]) if t), None) \
                    or next((t for t in stances[i + 1:] if t), "neutral")
        groups: list[list] = []
        for (x, y, _s, _c), s in zip(sentences, stances, strict=True):
            if groups and groups[-1][2] == s:
                groups[-1][1] = y
            else:
                groups.append([x, y, s])
        for x, y, s in groups:
            self._add(speaker, text[x:y], kind, start + x, start + y, conf, None if len(groups) == 1 else s)

    def _names_case(self, start: int, end: int) -> bool:
        span = span_of(self.doc, start, end)
        return span is not None and bool(self.index.in_range(span.start, span.end, ("Issue", "Person", "Organization")))

    def _add(self, speaker: str, text: str, kind: str, start: int, end: int, conf: float,
             stance_of_run: str | None = None) -> None:
        text = text.strip().strip(",;:").strip()
        words = _word_count(text)
        if words < 3:
            return
        stance, s_conf = classify_stance(text, self.k)
        stance = stance_of_run or stance
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
                    outside = [t for t in span if t.i not in self.quoted and t.is_alpha and t.dep_ != "mark"]
                    return len(outside) >= 3
        return False

    def quotes_pass(self) -> None:
        for segs in self._merge_split_quotes():
            start, end = segs[0][0], segs[-1][1]
            first = token_at(self.doc, start)
            if first is None or first.i in self.spoken:
                continue  # a named speaker's turn is theirs (turns_pass); a reporter's quotes someone
            asked = first.i in self.in_turn  # ('Q: X said the talks "…". How do you respond?')
            text = "\n\n".join(doc_text(self.doc)[s:e] for s, e in segs)
            verbs = self._tag_verbs(start, end)
            # a short quotation is a scare quote ("a smoke screen") unless a speech verb tags it as
            # an utterance ('"We welcome the dialogue," she said'; add() keeps it only with a stance)
            if _word_count(text) < (3 if verbs else MIN_WORDS):
                continue
            speaker, conf = None, 0.0
            if any(self._embedded(v, start, end) for v in verbs):
                continue
            joint: list[tuple[str, float]] = []
            for verb in verbs:  # the nearest tag verb whose speaker is known ('told reporters that X
                subject = self.speakers.subject_of(verb)  # "…," but declined to say')
                speaker, conf = self.speakers.resolve(subject)
                if speaker:  # 'A and B wrote that the dialogue "…"': each of a coordinated subject speaks
                    joint = self.speakers.resolve_all(subject)[1:]
                    break
                if subject is not None and (found := self.speakers.resolve_all(subject)):
                    (speaker, conf), joint = found[0], found[1:]  # '"…," the letter reads': its senders
                    break
            if speaker is None:
                speaker, conf = self.speakers.resolve(self._according_to(start, end))
            if asked and (speaker is None or speaker == self.speakers.turn_speaker(first)):
                continue  # in a question only a named speaker's words: not the briefer's, nor a guess
            if speaker is None and not verbs:
                speaker, conf = self._colon_intro(start)
            if speaker is None and not verbs:
                speaker, conf = self.last_before(start), 0.55
            if speaker is None and not verbs and first is not None:
                speaker, conf = self.speakers.antecedent(first)  # the person the last sentences were about
            if speaker:
                self.add(speaker, text, "direct", start, end, conf)
            for other, other_conf in joint:
                if other != speaker:
                    self.add(other, text, "direct", start, end, other_conf)

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
    indirect_pass(b)
    according_pass(b)
    attitude_pass(b)
    b.quotes_pass()
    if voice:
        voice_statements(b, voice)
    return b.dedupe()
