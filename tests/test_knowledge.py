"""nlp/knowledge.py: the bundled lexicon is checked once, against its schema, when it is loaded."""

from __future__ import annotations

import copy
import json
from importlib import resources

import pytest

from rightsgraph.errors import ExtractionError
from rightsgraph.nlp.knowledge import LEXICON_SCHEMA, check_lexicon, load_knowledge

BUNDLED = json.loads((resources.files("rightsgraph.nlp") / "data" / "lexicon.json").read_text(encoding="utf-8"))


def test_knowledge_bundled_lexicon_passes_its_schema():
    assert check_lexicon(copy.deepcopy(BUNDLED)) == BUNDLED
    assert set(load_knowledge().lexicon) - {k for k in BUNDLED if k.startswith("_")} == set(LEXICON_SCHEMA)


@pytest.mark.parametrize("change, message", [
    (lambda d: d.update(reportng_verbs=["say"]), "unknown key(s) reportng_verbs"),
    (lambda d: d.pop("kinship"), "missing key(s) kinship"),
    (lambda d: d.update(kinship="wife"), "kinship (must be a list of strings)"),
    (lambda d: d["round_times"].update(soon=[5, 1]), "round_times (must be a object of [first, last] day pairs)"),
    (lambda d: d["round_ordinals"].update(third="3"), "round_ordinals"),
    (lambda d: d["stance_verbs"].update(defends="welcome"), "stance_verbs"),
])
def test_knowledge_lexicon_errors_name_the_key(change, message):
    broken = copy.deepcopy(BUNDLED)
    change(broken)
    with pytest.raises(ExtractionError, match="lexicon.json: .*" + message.replace("(", r"\(").replace(")", r"\)")
                       .replace("[", r"\[").replace("]", r"\]")):
        check_lexicon(broken)


def test_knowledge_doc_keys_are_free_text():
    doc = copy.deepcopy(BUNDLED)
    doc["_my_note"] = "anything"
    assert check_lexicon(doc)["_my_note"] == "anything"


def test_knowledge_gazetteer_line_with_an_unknown_field(monkeypatch):
    from rightsgraph.nlp import knowledge

    monkeypatch.setattr(knowledge, "_read_text", lambda name: '{"name": "X", "alias": ["Y"]}\n')
    with pytest.raises(ExtractionError, match=r"actors.jsonl line 1: .*unknown field\(s\) alias"):
        knowledge._read_jsonl("actors.jsonl", "Organization")
