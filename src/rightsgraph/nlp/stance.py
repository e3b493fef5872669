"""Stance toward the dialogue from what a statement says about the talks (lexicon cues)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from .knowledge import Knowledge

__all__ = ["classify_stance", "stance_sentences", "find_cues", "inflections", "VAGUE_TERMS"]

#: dialogue_terms too vague to say what a verb or a sentence is about ("it", "this effort")
VAGUE_TERMS = frozenset({"it", "this", "effort", "process", "room", "setting", "vehicle"})


def _normalise(text: str) -> str:
    text = text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    return " " + re.sub(r"\s+", " ", text.lower()) + " "


def _words(words: Iterable[str]) -> str:
    """A regex alternation of whole words or phrases, longest first."""
    return r"(?<![\w-])(?:" + "|".join(map(re.escape, sorted(words, key=len, reverse=True))) + r")(?![\w-])"


@lru_cache(maxsize=256)
def _cue_pattern(phrases: tuple[str, ...]) -> tuple[re.Pattern[str], dict[str, str]]:
    """One alternation, longest phrase first, so each match is the longest cue at its place."""
    keys = {p.replace("’", "'"): p for p in phrases}
    return re.compile(_words(keys)), keys


def find_cues(text: str, phrases: tuple[str, ...]) -> list[tuple[int, str]]:
    """Non-overlapping cue phrases in `text` (longest first at each place), as (offset, phrase)."""
    if not phrases:
        return []
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


def inflections(verb: str) -> tuple[str, ...]:
    """welcome -> welcome(s|d), welcoming; dismiss -> dismiss(es|ed|ing); value -> valued."""
    if verb.endswith("e"):
        return verb, verb + "s", verb + "d", verb[:-1] + "ing"
    if verb.endswith(("ss", "sh", "ch", "x")):
        return verb, verb + "es", verb + "ed", verb + "ing"
    return verb, verb + "s", verb + "ed", verb + "ing"


@lru_cache(maxsize=4)
def _verb_pattern(knowledge: Knowledge) -> tuple[re.Pattern[str], dict[str, str]]:
    """A stance verb with the talks as its object, a few words on ('welcomed the resumption of the
    dialogue', 'dismissed the talks as a ritual'), and each inflected verb's side."""
    verbs = {form: side for side, base in knowledge.lexicon["stance_verbs"].items()
             for v in base for form in inflections(v)}
    terms = knowledge.words("dialogue_terms") - VAGUE_TERMS - {"exercise", "channel", "channels"}
    pattern = re.compile(r"(?<![\w-])(?P<verb>" + "|".join(sorted(map(re.escape, verbs), key=len, reverse=True))
                         + r")\s+(?:[\w'-]+\s+){0,4}?" + _words(terms))
    return pattern, verbs


def _forms(phrase: str) -> list[str]:
    """Inflected forms of a verb phrase's first word: 'walk away from' -> 'walked away from', …"""
    first, _, rest = phrase.partition(" ")
    forms = set(inflections(first))
    if first[-1] not in "aeiouy":  # drop -> dropped, dropping (an extra form that never occurs is harmless)
        forms |= {first + first[-1] + "ed", first + first[-1] + "ing"}
    return sorted((f"{f} {rest}".strip() for f in forms), key=len, reverse=True)


@lru_cache(maxsize=4)
def _constructions(knowledge: Knowledge) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str],
                                                  re.Pattern[str]]:
    """Judgements made by a sentence's shape rather than one word: the talks as the only channel
    ('the only forum where …', 'one of the few places where …'), and ending them as a mistake
    ('abandoning the dialogue would be a mistake')."""
    nouns = "|".join(map(re.escape, sorted(knowledge.words("channel_nouns"))))
    only = re.compile(r"(?<![\w-])(?:(?:the|its|our|their|this) (?:only|one|sole|last) (?:remaining )?(?:" + nouns
                      + r")s?|one of the (?:few|only|last) (?:" + nouns + r")s)(?: [\w'-]+){0,3}? (?:where|in which|"
                      r"through which|that|to|for|with)(?![\w-])")
    terms = knowledge.words("dialogue_terms") - {"exercise", "channel", "channels"}
    verbs = [f for v in knowledge.words("ending_verbs") for f in _forms(v)]
    ending = re.compile(_words(verbs) + r"\s+(?:[\w'-]+\s+){0,3}?" + _words(terms))
    mistake = re.compile(_words(knowledge.words("mistake_words") | {w + "s" for w in knowledge.words("mistake_words")}))
    # the mistake named first: "a channel we would be foolish to close", "it would be a mistake to end it"
    mistaken = re.compile(_words(knowledge.words("mistake_words")) + r"\s+to\s+" + _words(verbs)
                          + r"(?:\s*[.!?;,]|\s+(?:[\w'-]+\s+){0,3}?" + _words(terms | {"them"}) + ")")
    return only, ending, mistake, mistaken


@lru_cache(maxsize=4)
def _judged_outcomes(knowledge: Knowledge) -> tuple[re.Pattern[str], ...]:
    """General shapes of dismissal, counted when the statement is about the talks (the last: an
    outcome's name denied, 'a conversation is not a commitment'): an outcome verb
    with a null quantity ('has done little', 'delivered nothing', 'produced few results'), or before
    it ('how little the talks had achieved'), or negated before 'a single' or 'any' ('have not freed a
    single prisoner'), nothing as the subject of a passive outcome ('a table where nothing is ever
    decided'), and the rhetorical question of purpose ('what exactly are these talks for?')."""
    verbs = knowledge.words("outcome_verbs")
    outcome = re.compile(_words(verbs) + r"\s+(?:so |very |almost )?" + _words(knowledge.words("null_quantities")))
    negated = re.compile(r"(?:\bnot|n't|\bnever)\s+(?:yet |really |even |once )?" + _words(verbs)
                         + r"(?:\s+(?:to|in))?\s+(?:a single|any|one)(?![\w-])")
    passive = re.compile(r"(?<![\w-])nothing (?:is|was|has been|had been|gets|got|will be)\s+(?:ever |really )?"
                         + _words(verbs))
    # the null quantity first: 'how little the talks had achieved', 'little has been achieved'
    fronted = re.compile(r"(?<![\w-])(?:how little|how few|little|nothing)\s+(?:[\w'-]+\s+){0,3}?"
                         r"(?:has|have|had)\s+(?:been\s+|ever\s+|really\s+)?" + _words(verbs))
    purpose = re.compile(r"(?<![\w-])what(?: exactly| really| then)? (?:(?:is|are|was|were) (?:[\w'-]+ ){1,3}for"
                         r"|(?:[\w'-]+ ){1,3}(?:is|are|was|were) for|(?:is|'s) the (?:point|use|purpose)"
                         r"|good (?:is|are|has|have|did|does))(?![\w-])")
    # talk denied the name of an outcome: 'a conversation is not a commitment', 'it is not progress'
    denied = re.compile(r"(?<![\w-])(?:is|are|was|were|has been|have been)\s+(?:not|never)\s+(?:a |an |yet a |yet an )?"
                        + _words(knowledge.words("result_nouns") | knowledge.words("achievement_nouns")))
    return outcome, negated, passive, fronted, purpose, denied


@lru_cache(maxsize=4)
def _markers(knowledge: Knowledge) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """'but', 'yet' …; 'although', 'even though' … (lexicon.json)"""
    return (re.compile(_words(knowledge.words("contrast_markers"))),
            re.compile(_words(knowledge.words("concessive_markers"))))


@lru_cache(maxsize=4)
def _more_than(knowledge: Knowledge) -> re.Pattern[str]:
    """'more than a photo opportunity', 'more than talk', not 'more than a year' nor 'more than 200'."""
    times = "|".join(map(re.escape, sorted(knowledge.words("time_nouns"))))
    return re.compile(r"(?<![\w-])more than (?:just |merely |mere )?(?:(?:a|an) (?!(?:[\w'-]+ )?(?:" + times
                      + r")(?![\w-]))[a-z]|talk(?:ing)?\b|words\b|rhetoric\b)")


def _more_than_cues(low: str, knowledge: Knowledge) -> list[tuple[int, bool]]:
    """(offset, critical?) of 'more than a …': asked of the talks ('must produce more than a press
    release', 'if it wants it to be more than a photo opportunity') it is critical; said of them ('the
    dialogue is more than a ritual') it is supportive; otherwise it says nothing."""
    out = []
    for m in _more_than(knowledge).finditer(low):
        before = re.findall(r"[\w']+", _clause_before(low, m.start()))
        if set(before) & knowledge.words("more_than_modals"):
            out.append((m.start(), True))
        elif before and before[-1] in knowledge.words("more_than_copulas"):
            out.append((m.start(), False))
    return out


@lru_cache(maxsize=4)
def _so_called(knowledge: Knowledge) -> re.Pattern[str]:
    """'the so-called human rights dialogue': the speaker keeps the talks at a distance."""
    terms = knowledge.words("dialogue_terms") - {"it", "this", "exercise", "channel", "channels"}
    return re.compile(r"(?<![\w-])so-called (?:[\w'-]+ ){0,3}?" + _words(terms))


def _construction_cues(low: str, knowledge: Knowledge) -> list[tuple[int, bool]]:
    """(offset, critical?) of the judgements in `_constructions`; a negated one ('not the only
    place where we raise it') says nothing either way."""
    only, ending, mistake, mistaken = _constructions(knowledge)
    negators = knowledge.words("stance_negators")
    out = [(m.start(), False) for m in only.finditer(low) if not _negated(low, m.start(), negators)]
    out += [(m.start(), True) for m in _so_called(knowledge).finditer(low)]
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
    contrast, concessive = _markers(knowledge)
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
    return bool(re.match(r"(?:\w+ )?" + _words(knowledge.words("conditional_markers")), words))


def _counterfactual(low: str, offset: int) -> bool:
    """The cue stands in an unreal condition ('If this were a box-checking exercise, it would have
    been shorter'): the label is denied, not applied."""
    start = max(low.rfind(c, 0, offset) for c in ".!?;") + 1
    return bool(re.search(r"(?<![\w-])if\s+(?:[\w'-]+\s+){0,4}?(?:were|had been)\s+[^,]*$", low[start:offset]))


@lru_cache(maxsize=4)
def _results_pattern(knowledge: Knowledge) -> re.Pattern[str]:
    """An outcome verb with results it brought ('has produced positive results', 'yielded real
    gains'); a null quantity between them is a dismissal (`_judged_outcomes`), not this."""
    null = _words(knowledge.words("null_quantities"))
    return re.compile(_words(knowledge.words("outcome_verbs")) + r"\s+(?!" + null + r")"
                      r"(?:[\w'-]+\s+){0,2}?" + _words(knowledge.words("result_nouns")))


def _results_cues(low: str, knowledge: Knowledge) -> list[tuple[int, bool]]:
    """(offset, critical?) of results the talks brought; negated ('has not produced results') they
    count against them."""
    negators = knowledge.words("stance_negators")
    return [(m.start(), _negated(low, m.start(), negators)) for m in _results_pattern(knowledge).finditer(low)]


def _verb_cues(low: str, knowledge: Knowledge) -> list[tuple[int, bool]]:
    """(offset, critical?) of every stance verb whose object is the talks."""
    pattern, sides = _verb_pattern(knowledge)
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
    more_than = [c for c in _more_than_cues(low, knowledge) if scoped(c[0])]
    # what follows 'more than' is what the talks are measured against, not a judgement of them
    # ('the dialogue is more than a ritual')
    asked = knowledge.words("open_question_words")
    ifs = frozenset(m for m in knowledge.words("conditional_markers") if " " not in m)
    cues = [(off, p) for off, p in _cues_in(low, phrases) if (p in always or scoped(off))
            and p not in blank and not any(0 < off - m < 40 for m, _c in more_than) and not _asked(low, off, asked)
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
    for off, critical in _construction_cues(low, knowledge) + more_than:
        count(off, critical)
    if spans:
        taken = [(off, off + len(phrase)) for off, phrase in cues]
        for off, critical in _results_cues(low, knowledge):
            # '… only if it produces concrete results': the condition, not a result claimed
            if scoped(off) and not any(a <= off < b for a, b in taken) and not _asked(low, off, asked | ifs):
                count(off, critical)
        for pattern in _judged_outcomes(knowledge):
            for m in pattern.finditer(low):
                if not scoped(m.start()):
                    continue
                if any(a < m.end() and m.start() < b for a, b in taken):
                    continue  # the same words already counted as a cue ("produced few" / "few results")
                count(m.start(), True)
    return out
