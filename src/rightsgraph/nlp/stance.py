"""Stance toward the dialogue from what a statement says about the talks (lexicon cues)."""

from __future__ import annotations

import re

from .knowledge import Knowledge

__all__ = ["classify_stance", "find_cues"]


def _normalise(text: str) -> str:
    text = text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    return " " + re.sub(r"\s+", " ", text.lower()) + " "


def find_cues(text: str, phrases: tuple[str, ...]) -> list[tuple[int, str]]:
    """Non-overlapping cue phrases in `text` (longest first), as (offset, phrase)."""
    low = _normalise(text)
    taken = [False] * len(low)
    found = []
    for phrase in phrases:
        p = phrase.replace("’", "'")
        for m in re.finditer(r"(?<![\w-])" + re.escape(p) + r"(?![\w-])", low):
            if not any(taken[m.start():m.end()]):
                for k in range(m.start(), m.end()):
                    taken[k] = True
                found.append((m.start(), phrase))
    return sorted(found)


def _negated(low: str, offset: int, negators: frozenset[str]) -> bool:
    before = re.findall(r"[\w']+", low[max(0, offset - 30):offset])[-3:]
    return any(w in negators or w.endswith("n't") for w in before)


def classify_stance(text: str, knowledge: Knowledge) -> tuple[str, float]:
    """'criticizes' | 'defends' | 'neutral' with a confidence from how clear the cues are."""
    low = _normalise(text)
    negators = knowledge.words("stance_negators")
    crit_words = set(knowledge.phrases("stance_critical"))
    phrases = tuple(sorted(crit_words | set(knowledge.phrases("stance_supportive")), key=len, reverse=True))
    cues = find_cues(text, phrases)
    critical = [(o, p) for o, p in cues if p in crit_words]
    supportive = [(o, p) for o, p in cues if p not in crit_words]
    score = 0.0
    for _off, _p in critical:
        score -= 1.0
    for off, _p in supportive:
        score += -1.0 if _negated(low, off, negators) else 1.0
    if score < 0:
        return "criticizes", min(0.9, 0.6 + 0.1 * len(critical))
    if score > 0:
        return "defends", min(0.9, 0.6 + 0.1 * len(supportive))
    return "neutral", 0.6 if (critical or supportive) else 0.8
