"""Stance toward the dialogue from what a statement says about the talks (lexicon cues)."""

from __future__ import annotations

import re
from functools import lru_cache

from .knowledge import Knowledge
from .stancepatterns import (
    VAGUE_TERMS,
    alternation,
    conditional,
    constructions,
    inflections,
    judged_outcomes,
    markers,
    more_than,
    results_pattern,
    so_called,
    verb_pattern,
)

__all__ = ["classify_stance", "stance_sentences", "find_cues", "inflections", "VAGUE_TERMS"]


def _normalise(text: str) -> str:
    text = text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    return " " + re.sub(r"\s+", " ", text.lower()) + " "


@lru_cache(maxsize=256)
def _cue_pattern(phrases: tuple[str, ...]) -> tuple[re.Pattern[str], dict[str, str]]:
    """One alternation, longest phrase first, so each match is the longest cue at its place."""
    keys = {p.replace("’", "'"): p for p in phrases}
    return re.compile(alternation(keys)), keys


def find_cues(text: str, phrases: tuple[str, ...]) -> list[tuple[int, str]]:
    """Non-overlapping cue phrases in `text` (longest first at each place), as (offset, phrase)."""
    return _cues_in(_normalise(text), phrases)


def _cues_in(low: str, phrases: tuple[str, ...]) -> list[tuple[int, str]]:
    if not phrases:
        return []
    pattern, keys = _cue_pattern(phrases)
    return [(m.start(), keys[m.group(0)]) for m in pattern.finditer(low)]


def _clause_before(low: str, offset: int) -> str:
    """The words of the cue's own clause before it (up to 45 characters back)."""
    return re.split(r"[,;:—–]|\bbut\b", low[max(0, offset - 45):offset])[-1]


def _negated(low: str, offset: int, negators: frozenset[str]) -> bool:
    """A negator among the few words before the cue, within the same clause."""
    before = re.findall(r"[\w']+", _clause_before(low, offset))[-5:]
    return any(w in negators or w.endswith("n't") for w in before)


def _asked(low: str, offset: int, words: frozenset[str]) -> bool:
    """'whether the talks are worth continuing': the judgement is the open question, not the speaker's."""
    return bool(set(re.findall(r"[\w']+", _clause_before(low, offset))[-8:]) & words)


def _prohibited(low: str, offset: int, modals: frozenset[str]) -> bool:
    """'must not become business as usual', 'should never be a ritual': a warning against what the
    cue names, which keeps its side (a denial would turn it)."""
    words = re.findall(r"[\w']+", _clause_before(low, offset))[-6:]
    return any(w in modals and nxt in ("not", "never") for w, nxt in zip(words, words[1:], strict=False)) \
        or any(w in ("mustn't", "shouldn't") for w in words)


def _about_spans(low: str, knowledge: Knowledge) -> list[tuple[int, int]]:
    """The sentences of a statement that speak of the talks: the general evaluative words count
    only there ('very frank conversations' does; 'the progress each country has made' two
    sentences on does not). A sentence speaks of them when it names them or says 'it'/'this'."""
    terms = knowledge.words("dialogue_terms") | {"it's"}
    return [(start, end) for start, end in _sentences(low, knowledge)
            if set(re.findall(r"[\w']+", low[start:end])) & terms]


@lru_cache(maxsize=4)
def _abbreviations(knowledge: Knowledge) -> frozenset[str]:
    """'mr', 'sen', 'gov' …: the titles and honorifics the lexicon prints with a stop."""
    return frozenset(t.lower().rstrip(".") for t in (*knowledge.lexicon["honorifics"], *knowledge.lexicon["titles"])
                     if t.endswith("."))


def _sentences(low: str, knowledge: Knowledge) -> list[tuple[int, int]]:
    """(start, end) of each sentence of a lower-cased statement; the stop after an initial ('u.s.')
    or an abbreviated title ('mr.', 'sen.') does not end one."""
    abbreviations = _abbreviations(knowledge)
    out, start = [], 0
    for m in re.finditer(r"[.!?;][\"')\]]*(?=\s|$)", low):
        word = re.findall(r"[\w']+$", low[start:m.start()])
        if m.group(0)[0] == "." and word and (len(word[0]) == 1 or word[0] in abbreviations):
            continue
        out.append((start, m.end()))
        start = m.end()
    if low[start:].strip():
        out.append((start, len(low)))
    return out


def _more_than_cues(low: str, knowledge: Knowledge) -> list[tuple[int, bool]]:
    """(offset, critical?) of 'more than a …': asked of the talks ('must produce more than a press
    release', 'if it wants it to be more than a photo opportunity') it is critical; said of them ('the
    dialogue is more than a ritual') it is supportive; otherwise it says nothing."""
    out = []
    for m in more_than(knowledge).finditer(low):
        before = re.findall(r"[\w']+", _clause_before(low, m.start()))
        if set(before) & knowledge.words("more_than_modals"):
            out.append((m.start(), True))
        elif before and before[-1] in knowledge.words("more_than_copulas"):
            out.append((m.start(), False))
    return out


def _construction_cues(low: str, knowledge: Knowledge) -> list[tuple[int, bool]]:
    """(offset, critical?) of the judgements in `constructions`; a negated one ('not the only
    place where we raise it') says nothing either way."""
    only, ending, mistake, mistaken = constructions(knowledge)
    negators = knowledge.words("stance_negators")
    out = [(m.start(), False) for m in only.finditer(low) if not _negated(low, m.start(), negators)]
    out += [(m.start(), True) for m in so_called(knowledge).finditer(low)]
    out += [(m.start(), False) for m in mistaken.finditer(low) if _words_about(low, m.start(), knowledge)]
    for m in ending.finditer(low):
        sentence_end = min([low.find(c, m.end()) for c in ".!?;" if low.find(c, m.end()) != -1] or [len(low)])
        if mistake.search(low, m.end(), sentence_end):
            out.append((m.start(), False))
    return out


def _words_about(low: str, offset: int, knowledge: Knowledge) -> bool:
    """Whether the sentence around `offset` speaks of the talks."""
    return any(a <= offset < b for a, b in _about_spans(low, knowledge))


def _weight(low: str, offset: int, knowledge: Knowledge) -> float:
    """How much a cue counts where it stands in its sentence: double after a contrast ('useful but
    insufficient': the point is the second), half inside a concession ('although it produced little,
    …') or under a hedge ('may be somewhat useful')."""
    contrast, concessive = markers(knowledge)
    start = max(low.rfind(c, 0, offset) for c in ".!?;") + 1
    before = low[start:offset]
    weight = 1.0
    if contrast.search(before):
        weight *= 2
    concession = list(concessive.finditer(before))
    if concession and "," not in before[concession[-1].end():]:
        weight *= 0.5
    if set(re.findall(r"[\w']+", before)[-4:]) & knowledge.words("hedges"):
        weight *= 0.5
    return weight


def _conditional(low: str, end: int, knowledge: Knowledge) -> bool:
    """The judgement holds only on a condition that follows it ('worthwhile only if it produces
    results', 'useful when it leads somewhere'): it says what the talks would be worth, not what
    they are."""
    after = re.findall(r"[\w']+|[.!?;,]", low[end:end + 40])[:4]  # 'useful, if limited' is a concession
    words = " ".join(after[:next((n for n, w in enumerate(after) if w in ".!?;,"), len(after))])
    return bool(conditional(knowledge).match(words))


def _counterfactual(low: str, offset: int) -> bool:
    """The cue stands in an unreal condition ('If this were a box-checking exercise, it would have
    been shorter'): the label is denied, not applied."""
    start = max(low.rfind(c, 0, offset) for c in ".!?;") + 1
    return bool(re.search(r"(?<![\w-])if\s+(?:[\w'-]+\s+){0,4}?(?:were|had been)\s+[^,]*$", low[start:offset]))


def _results_cues(low: str, knowledge: Knowledge) -> list[tuple[int, bool]]:
    """(offset, critical?) of results the talks brought; negated ('has not produced results') they
    count against them."""
    negators = knowledge.words("stance_negators")
    return [(m.start(), _negated(low, m.start(), negators)) for m in results_pattern(knowledge).finditer(low)]


def _verb_cues(low: str, knowledge: Knowledge) -> list[tuple[int, bool]]:
    """(offset, critical?) of every stance verb whose object is the talks."""
    pattern, sides = verb_pattern(knowledge)
    return [(m.start(), sides[m.group("verb")] == "criticizes") for m in pattern.finditer(low)]


def _label(score: float, n: int) -> tuple[str, float]:
    if score < 0:
        return "criticizes", min(0.9, 0.6 + 0.1 * n)
    if score > 0:
        return "defends", min(0.9, 0.6 + 0.1 * n)
    return "neutral", 0.6 if n else 0.8


def classify_stance(text: str, knowledge: Knowledge) -> tuple[str, float]:
    """'criticizes' | 'defends' | 'neutral' with a confidence from how clear the cues are.

    Judgements only ever made of the talks always count; general evaluative words count only
    in the sentences that speak of the talks (`_about_spans`). A negated cue counts for the
    other side.
    """
    scored = _scored_cues(_normalise(text), knowledge)
    return _label(sum(w for _o, w in scored), len(scored))


def stance_sentences(text: str, knowledge: Knowledge) -> list[tuple[int, int, str, float]]:
    """Each sentence of `text` with its own stance, as (start, end, stance, confidence) with
    offsets into `text`. The cues are found in the whole text, so a sentence that judges 'it' is
    scoped by the one before that names the talks; each cue counts for its own sentence."""
    low = _normalise(text)
    scored = _scored_cues(low, knowledge)
    starts = _original_offsets(text)
    out = []
    for a, b in _sentences(low, knowledge):
        mine = [w for o, w in scored if a <= o < b]
        x, y = starts[min(a, len(starts) - 1)], starts[min(b, len(starts) - 1)]
        chunk = text[x:y]
        x, y = x + len(chunk) - len(chunk.lstrip()), y - len(chunk) + len(chunk.rstrip())
        if y > x:
            out.append((x, y, *_label(sum(mine), len(mine))))
    return out


def _original_offsets(text: str) -> list[int]:
    """For each character of `_normalise(text)`, its offset in `text` (one more entry: the end)."""
    out = [0]  # the leading space
    i, n = 0, len(text)
    while i < n:
        if text[i].isspace():
            out.append(i)
            while i < n and text[i].isspace():
                i += 1
        else:
            out.extend([i] * len(text[i].lower()))
            i += 1
    out.append(n)  # the trailing space
    out.append(n)
    return out


def _scored_cues(low: str, knowledge: Knowledge) -> list[tuple[int, float]]:
    """(offset, signed weight) of every stance cue of a normalised statement: negative counts
    against the talks, positive for them."""
    negators = knowledge.words("stance_negators")
    always = set(knowledge.phrases("stance_critical")) | set(knowledge.phrases("stance_supportive"))
    crit = set(knowledge.phrases("stance_critical")) | set(knowledge.phrases("stance_critical_general"))
    spans = _about_spans(low, knowledge)

    def scoped(off: int) -> bool:
        return any(a <= off < b for a, b in spans)

    general = set(knowledge.phrases("stance_critical_general")) | set(knowledge.phrases("stance_supportive_general"))
    # phrases that hold a cue word and judge nothing ('a communique's worth of courtesy') match as
    # the longer phrase and count for neither side
    blank = set(knowledge.phrases("stance_neutral_phrases"))
    phrases = tuple(sorted(always | blank | (general if spans else set()), key=len, reverse=True))
    measured = [c for c in _more_than_cues(low, knowledge) if scoped(c[0])]
    # what follows 'more than' is what the talks are measured against, not a judgement of them
    # ('the dialogue is more than a ritual')
    asked = knowledge.words("open_question_words")
    ifs = frozenset(m for m in knowledge.words("conditional_markers") if " " not in m)
    cues = [(off, p) for off, p in _cues_in(low, phrases) if (p in always or scoped(off))
            and p not in blank and not any(0 < off - m < 40 for m, _c in measured) and not _asked(low, off, asked)
            and not (_conditional(low, off + len(p), knowledge) and not _negated(low, off, negators))]
    # (a denial keeps its condition: 'hardly a success if you measure it by prisoners freed')
    weights = knowledge.lexicon.get("stance_weights", {})
    w_crit, w_supp = float(weights.get("critical", 1.0)), float(weights.get("supportive", 1.0))
    out: list[tuple[int, float]] = []
    modals = knowledge.words("urge_modals")

    def count(off: int, critical: bool) -> None:
        out.append((off, (-w_crit if critical else w_supp) * _weight(low, off, knowledge)))

    for off, phrase in cues:
        critical = phrase in crit
        if _negated(low, off, negators) and not phrase.startswith(("not ", "no ", "without ")) \
                and not _prohibited(low, off, modals):
            critical = not critical
        if _counterfactual(low, off):
            critical = not critical
        count(off, critical)
    for off, critical in _verb_cues(low, knowledge):
        if _asked(low, off, asked):
            continue
        count(off, critical != _negated(low, off, negators))
    for off, critical in _construction_cues(low, knowledge) + measured:
        count(off, critical)
    if spans:
        taken = [(off, off + len(phrase)) for off, phrase in cues]
        for off, critical in _results_cues(low, knowledge):
            # '… only if it produces concrete results': the condition, not a result claimed
            if scoped(off) and not any(a <= off < b for a, b in taken) and not _asked(low, off, asked | ifs):
                count(off, critical)
        for pattern in judged_outcomes(knowledge):
            for m in pattern.finditer(low):
                if not scoped(m.start()):
                    continue
                if any(a < m.end() and m.start() < b for a, b in taken):
                    continue  # the same words already counted as a cue ("produced few" / "few results")
                count(m.start(), True)
    return out
