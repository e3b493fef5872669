"""The shapes of a judgement of the talks as compiled patterns, built once per lexicon: stance
verbs with the talks as their object, constructions ('the only forum where …', ending the talks
called a mistake), dismissals by outcome, contrast and concession markers, 'more than a …',
'so-called', results brought. stance.py finds and weighs them in a statement."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from .knowledge import Knowledge

__all__ = ["VAGUE_TERMS", "alternation", "conditional", "constructions", "inflections", "judged_outcomes", "markers",
           "more_than", "results_pattern", "so_called", "verb_pattern"]


#: dialogue_terms too vague to say what a verb or a sentence is about ("it", "this effort")
VAGUE_TERMS = frozenset({"it", "this", "effort", "process", "room", "setting", "vehicle"})


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of whole words or phrases, longest first."""
    return r"(?<![\w-])(?:" + "|".join(map(re.escape, sorted(words, key=len, reverse=True))) + r")(?![\w-])"


def inflections(verb: str) -> tuple[str, ...]:
    """welcome -> welcome(s|d), welcoming; dismiss -> dismiss(es|ed|ing); value -> valued."""
    if verb.endswith("e"):
        return verb, verb + "s", verb + "d", verb[:-1] + "ing"
    if verb.endswith(("ss", "sh", "ch", "x")):
        return verb, verb + "es", verb + "ed", verb + "ing"
    return verb, verb + "s", verb + "ed", verb + "ing"


@lru_cache(maxsize=4)
def verb_pattern(knowledge: Knowledge) -> tuple[re.Pattern[str], dict[str, str]]:
    """A stance verb with the talks as its object, a few words on ('welcomed the resumption of the
    dialogue', 'dismissed the talks as a ritual'), and each inflected verb's side."""
    verbs = {form: side for side, base in knowledge.lexicon["stance_verbs"].items()
             for v in base for form in inflections(v)}
    terms = knowledge.words("dialogue_terms") - VAGUE_TERMS - {"exercise", "channel", "channels"}
    pattern = re.compile(r"(?<![\w-])(?P<verb>" + "|".join(sorted(map(re.escape, verbs), key=len, reverse=True))
                         + r")\s+(?:[\w'-]+\s+){0,4}?" + alternation(terms))
    return pattern, verbs


def _forms(phrase: str) -> list[str]:
    """Inflected forms of a verb phrase's first word: 'walk away from' -> 'walked away from', …"""
    first, _, rest = phrase.partition(" ")
    forms = set(inflections(first))
    if first[-1] not in "aeiouy":  # drop -> dropped, dropping (an extra form that never occurs is harmless)
        forms |= {first + first[-1] + "ed", first + first[-1] + "ing"}
    return sorted((f"{f} {rest}".strip() for f in forms), key=len, reverse=True)


@lru_cache(maxsize=4)
def constructions(knowledge: Knowledge) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str],
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
    ending = re.compile(alternation(verbs) + r"\s+(?:[\w'-]+\s+){0,3}?" + alternation(terms))
    mistakes = knowledge.words("mistake_words")
    mistake = re.compile(alternation(mistakes | {w + "s" for w in mistakes}))
    # the mistake named first: "a channel we would be foolish to close", "it would be a mistake to end it"
    mistaken = re.compile(alternation(knowledge.words("mistake_words")) + r"\s+to\s+" + alternation(verbs)
                          + r"(?:\s*[.!?;,]|\s+(?:[\w'-]+\s+){0,3}?" + alternation(terms | {"them"}) + ")")
    return only, ending, mistake, mistaken


@lru_cache(maxsize=4)
def judged_outcomes(knowledge: Knowledge) -> tuple[re.Pattern[str], ...]:
    """General shapes of dismissal, counted when the statement is about the talks (the last: an
    outcome's name denied, 'a conversation is not a commitment'): an outcome verb
    with a null quantity ('has done little', 'delivered nothing', 'produced few results'), or before
    it ('how little the talks had achieved'), or negated before 'a single' or 'any' ('have not freed a
    single prisoner'), nothing as the subject of a passive outcome ('a table where nothing is ever
    decided'), and the rhetorical question of purpose ('what exactly are these talks for?')."""
    verbs = knowledge.words("outcome_verbs")
    outcome = re.compile(alternation(verbs) + r"\s+(?:so |very |almost )?"
                         + alternation(knowledge.words("null_quantities")))
    negated = re.compile(r"(?:\bnot|n't|\bnever)\s+(?:yet |really |even |once )?" + alternation(verbs)
                         + r"(?:\s+(?:to|in))?\s+(?:a single|any|one)(?![\w-])")
    passive = re.compile(r"(?<![\w-])nothing (?:is|was|has been|had been|gets|got|will be)\s+(?:ever |really )?"
                         + alternation(verbs))
    # the null quantity first: 'how little the talks had achieved', 'little has been achieved'
    fronted = re.compile(r"(?<![\w-])(?:how little|how few|little|nothing)\s+(?:[\w'-]+\s+){0,3}?"
                         r"(?:has|have|had)\s+(?:been\s+|ever\s+|really\s+)?" + alternation(verbs))
    purpose = re.compile(r"(?<![\w-])what(?: exactly| really| then)? (?:(?:is|are|was|were) (?:[\w'-]+ ){1,3}for"
                         r"|(?:[\w'-]+ ){1,3}(?:is|are|was|were) for|(?:is|'s) the (?:point|use|purpose)"
                         r"|good (?:is|are|has|have|did|does))(?![\w-])")
    # talk denied the name of an outcome: 'a conversation is not a commitment', 'it is not progress'
    denied = re.compile(r"(?<![\w-])(?:is|are|was|were|has been|have been)\s+(?:not|never)\s+(?:a |an |yet a |yet an )?"
                        + alternation(knowledge.words("result_nouns") | knowledge.words("achievement_nouns")))
    return outcome, negated, passive, fronted, purpose, denied


@lru_cache(maxsize=4)
def markers(knowledge: Knowledge) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """'but', 'yet' …; 'although', 'even though' … (lexicon.json)"""
    return (re.compile(alternation(knowledge.words("contrast_markers"))),
            re.compile(alternation(knowledge.words("concessive_markers"))))


@lru_cache(maxsize=4)
def more_than(knowledge: Knowledge) -> re.Pattern[str]:
    """'more than a photo opportunity', 'more than talk', not 'more than a year' nor 'more than 200'."""
    times = "|".join(map(re.escape, sorted(knowledge.words("time_nouns"))))
    return re.compile(r"(?<![\w-])more than (?:just |merely |mere )?(?:(?:a|an) (?!(?:[\w'-]+ )?(?:" + times
                      + r")(?![\w-]))[a-z]|talk(?:ing)?\b|words\b|rhetoric\b)")


@lru_cache(maxsize=4)
def so_called(knowledge: Knowledge) -> re.Pattern[str]:
    """'the so-called human rights dialogue': the speaker keeps the talks at a distance."""
    terms = knowledge.words("dialogue_terms") - {"it", "this", "exercise", "channel", "channels"}
    return re.compile(r"(?<![\w-])so-called (?:[\w'-]+ ){0,3}?" + alternation(terms))


@lru_cache(maxsize=4)
def results_pattern(knowledge: Knowledge) -> re.Pattern[str]:
    """An outcome verb with results it brought ('has produced positive results', 'yielded real
    gains'); a null quantity between them is a dismissal (`judged_outcomes`), not this."""
    null = alternation(knowledge.words("null_quantities"))
    return re.compile(alternation(knowledge.words("outcome_verbs")) + r"\s+(?!" + null + r")"
                      r"(?:[\w'-]+\s+){0,2}?" + alternation(knowledge.words("result_nouns")))


@lru_cache(maxsize=4)
def conditional(knowledge: Knowledge) -> re.Pattern[str]:
    """A condition opening the words after a cue, a word in between at most ('only if', 'worthwhile
    when it …'; lexicon conditional_markers)."""
    return re.compile(r"(?:\w+ )?" + alternation(knowledge.words("conditional_markers")))
