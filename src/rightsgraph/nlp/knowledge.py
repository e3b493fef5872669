"""Load the data files (gazetteer, issue thesaurus, lexicon) the rules read."""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

from ..errors import ExtractionError

__all__ = ["Knowledge", "GazetteerEntry", "load_knowledge", "check_lexicon", "LEXICON_SCHEMA"]


@dataclass(frozen=True)
class GazetteerEntry:
    name: str
    kind: str  # Person | Organization | Event | Issue
    aliases: tuple[str, ...] = ()
    role: str | None = None
    affiliation: str | None = None
    parent: str | None = None  # organizations: the government they belong to
    leads: str | None = None
    government: bool = False
    demonyms: tuple[str, ...] = ()  # governments: "Chinese" -> China
    held: bool = False  # issues: a group of people held ("political prisoners"), detainedBy a government
    legislature: bool = False  # organizations: a legislative body; its members do not act for the government


@dataclass(frozen=True, eq=False)  # identity hash: the cached lookups below hash `self` on every call,
class Knowledge:                     # and hashing the whole gazetteer each time cost more than the rules
    actors: tuple[GazetteerEntry, ...]
    issues: tuple[GazetteerEntry, ...]
    lexicon: dict[str, Any] = field(hash=False, compare=False)

    @functools.cache  # noqa: B019 - one Knowledge per process (load_knowledge is cached)
    def words(self, key: str) -> frozenset[str]:
        return frozenset(w.lower() for w in self.lexicon[key])

    @functools.cache  # noqa: B019
    def phrases(self, key: str) -> tuple[str, ...]:
        """Longest first, lower-cased: for substring cue matching."""
        return tuple(sorted((p.lower() for p in self.lexicon[key]), key=len, reverse=True))

    @functools.cached_property
    def by_name(self) -> dict[str, GazetteerEntry]:
        return {e.name: e for e in (*self.actors, *self.issues)}

    @functools.cached_property
    def delegations(self) -> dict[str, str]:
        """The gazetteer's delegations ("U.S. delegation") -> the government each speaks for."""
        return {e.name: e.parent for e in self.actors if e.parent and e.name.lower().endswith("delegation")}

    @functools.cached_property
    def delegation_of(self) -> dict[str, str]:
        """Each government -> its delegation in the gazetteer (the first listed, if several)."""
        out: dict[str, str] = {}
        for name, gov in self.delegations.items():
            out.setdefault(gov, name)
        return out

    @functools.cached_property
    def status_phrases(self) -> dict[str, tuple[str, ...]]:
        """Each status's cue phrases (lexicon status_cues), lower-cased, longest first."""
        return {status: tuple(sorted({p.lower() for p in cues}, key=len, reverse=True))
                for status, cues in self.lexicon["status_cues"].items()}

    @functools.cached_property
    def status_words(self) -> tuple[str, ...]:
        """Every status cue phrase, longest first."""
        return tuple(sorted({p for cues in self.status_phrases.values() for p in cues}, key=len, reverse=True))


def _read_text(name: str) -> str:
    try:
        return (resources.files("rightsgraph.nlp") / "data" / name).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as e:
        raise ExtractionError(f"cannot read rule data file nlp/data/{name}: {e}; reinstall rightsgraph") from e


#: the fields a gazetteer or thesaurus line may have
ENTRY_KEYS = frozenset({"name", "kind", "aliases", "role", "affiliation", "parent", "leads", "government", "demonyms",
                        "held", "legislature"})


def _read_jsonl(name: str, default_kind: str) -> tuple[GazetteerEntry, ...]:
    entries = []
    for n, line in enumerate(_read_text(name).splitlines(), 1):
        if not line.strip():
            continue
        try:
            d = json.loads(line)
            if unknown := sorted(set(d) - ENTRY_KEYS):
                raise KeyError(f"unknown field(s) {', '.join(unknown)} (known: {', '.join(sorted(ENTRY_KEYS))})")
            entries.append(GazetteerEntry(
                name=d["name"], kind=d.get("kind", default_kind), aliases=tuple(d.get("aliases", ())),
                role=d.get("role"), affiliation=d.get("affiliation"), parent=d.get("parent"),
                leads=d.get("leads"), government=bool(d.get("government", False)),
                demonyms=tuple(d.get("demonyms", ())), held=bool(d.get("held", False)),
                legislature=bool(d.get("legislature", False))))
        except (json.JSONDecodeError, KeyError) as e:
            raise ExtractionError(f"nlp/data/{name} line {n}: {e}; each line needs a JSON object with 'name'") from e
    return tuple(entries)


#: every key of lexicon.json and the shape of its value ("_"-keys are documentation)
WORDS = "list of strings"
LEXICON_SCHEMA: dict[str, str] = {
    **{key: WORDS for key in (
        "reporting_verbs", "quote_tag_verbs", "speech_act_verbs", "speech_act_objects", "generic_speakers",
        "pronouns_person", "pronouns_group", "stance_critical", "stance_supportive", "stance_negators",
        "dialogue_terms", "criticism_cues", "case_descriptors", "kinship", "meet_verbs", "urge_verbs",
        "lead_verbs", "lead_titles", "raise_verbs", "titles", "honorifics", "delegation_terms", "org_words",
        "case_cues", "advocacy_cues", "stance_critical_general", "stance_supportive_general", "place_words",
        "op_ed_tells", "group_anaphors", "attitude_adjectives", "example_preps", "meet_nouns",
        "characterize_verbs", "round_nouns", "round_capitals", "concern_words", "concern_preps", "urge_modals",
        "hope_verbs", "office_titles", "org_unit_words", "org_part_preps", "contrast_markers", "concessive_markers",
        "hedges", "channel_nouns", "ending_verbs", "mistake_words", "demand_words",
        "counterpart_nouns", "led_group_nouns", "delegation_staff_nouns", "open_question_words", "future_markers",
        "residence_cues", "org_tail_nouns", "founding_verbs", "object_free_acts", "view_nouns", "clause_taking_verbs",
        "host_verbs", "joint_chair_verbs", "nongovernmental_anaphors", "state_body_words", "result_nouns",
        "institution_heads", "nominal_orgs", "nominal_persons", "skip_labels", "answer_labels", "label_role_words",
        "possessive_pronouns", "group_nouns", "person_descriptors",
        "object_pronouns", "plight_nouns", "description_openers", "legislator_titles",
        "agenda_verbs", "outcome_verbs", "null_quantities", "issue_formulas",
        "repression_cues", "deputy_modifiers", "rebuttal_cues", "composition_verbs", "time_nouns",
        "more_than_modals", "document_nouns", "authoring_verbs", "employment_verbs",
        "not_actors", "list_nouns", "more_than_copulas", "pair_nouns", "joining_verbs", "talks_verbs", "unit_words",
        "stance_neutral_phrases", "conditional_markers", "achievement_nouns", "letter_closings")},
    "status_cues": "object of lists of strings",
    "stance_verbs": "object of lists of strings",
    "raise_particles": "object of lists of strings",
    "title_affiliations": "list of objects",
    "default_detaining_government": "string",
    "stance_weights": "object",
    "lemma_fixes": "object",
    "round_ordinals": "object of whole numbers",
    "round_times": "object of [first, last] day pairs",
}


def _shape_ok(value: Any, shape: str) -> bool:
    if shape == WORDS:
        return isinstance(value, list) and all(isinstance(x, str) for x in value)
    if shape == "object of lists of strings":
        return isinstance(value, dict) and all(_shape_ok(v, WORDS) for v in value.values())
    if shape == "list of objects":
        return isinstance(value, list) and all(isinstance(x, dict) for x in value)
    if shape == "string":
        return isinstance(value, str)
    if shape == "object":
        return isinstance(value, dict)
    if shape == "object of whole numbers":
        return isinstance(value, dict) and all(isinstance(v, int) and not isinstance(v, bool) for v in value.values())
    if shape == "object of [first, last] day pairs":
        return isinstance(value, dict) and all(
            isinstance(v, list) and len(v) == 2 and all(isinstance(x, int) for x in v) and v[0] <= v[1]
            for v in value.values())
    raise AssertionError(shape)


def check_lexicon(lexicon: Any, where: str = "nlp/data/lexicon.json") -> dict[str, Any]:
    """The lexicon if every key is known, present and of its shape; else one ExtractionError that
    names what is wrong (an unknown key is usually a typo that would silently switch a rule off)."""
    if not isinstance(lexicon, dict):
        raise ExtractionError(f"{where}: the file must hold one JSON object")
    unknown = sorted(k for k in lexicon if not k.startswith("_") and k not in LEXICON_SCHEMA)
    missing = sorted(k for k in LEXICON_SCHEMA if k not in lexicon)
    wrong = sorted(f"{k} (must be a {shape})" for k, shape in LEXICON_SCHEMA.items()
                   if k in lexicon and not _shape_ok(lexicon[k], shape))
    problems = ([f"unknown key(s) {', '.join(unknown)}"] if unknown else []) + \
        ([f"missing key(s) {', '.join(missing)}"] if missing else []) + wrong
    if problems:
        raise ExtractionError(f"{where}: {'; '.join(problems)}")
    return lexicon


@lru_cache(maxsize=1)
def load_knowledge() -> Knowledge:
    """Read the bundled data files once per process (they are read-only package data); the
    lexicon is checked against LEXICON_SCHEMA."""
    try:
        lexicon = check_lexicon(json.loads(_read_text("lexicon.json")))
    except json.JSONDecodeError as e:
        raise ExtractionError(f"nlp/data/lexicon.json is not valid JSON: {e}") from e
    return Knowledge(
        actors=_read_jsonl("actors.jsonl", "Organization"),
        issues=_read_jsonl("issues.jsonl", "Issue"),
        lexicon=lexicon,
    )
