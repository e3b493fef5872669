"""Dialogue rounds: the cue a text gives (nlp/rounds.py), matching it to a known round (rounds.py),
the rounds file, and the round events and rg:round links in the graph. Synthetic sentences only."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Literal, URIRef

from rightsgraph.cli import cli
from rightsgraph.errors import InputError
from rightsgraph.model import Article, RoundCue
from rightsgraph.nlp import extract
from rightsgraph.rounds import Round, load_rounds, round_of
from rightsgraph.store import union_graph
from rightsgraph.vocab import RDF, RG, RGID, SCHEMA

XSD_DATE = URIRef("http://www.w3.org/2001/XMLSchema#date")  # (XSD itself warns when pytest inspects it)

ROUNDS = (Round(ordinal=30, start="2030-05-10", end="2030-05-11", location="Geneva"),
          Round(ordinal=31, start="2031-06-20", end="2031-06-21", location="Chengdu"))


def cue(nlp, text: str, date: str | None = None) -> RoundCue | None:
    return extract(nlp, Article(id="t", title="Test", body=text, date=date)).round


def test_rounds_ordinal_in_digits_and_words(nlp):
    assert cue(nlp, "Officials from both countries held the 21st round of the human rights dialogue.").ordinal == 21
    assert cue(nlp, "The twentieth session of the rights dialogue opened on Monday.").ordinal == 20


def test_rounds_an_ordinal_must_count_a_round(nlp):
    found = cue(nlp, "The talks were the 3rd item on the agenda of the 44th president of the council.")
    assert found is None or found.ordinal is None


@pytest.mark.parametrize("text", [
    "This is the first time the dialogue has met since 2002.",
    "It was the second day the human rights dialogue ran over schedule.",
])
def test_rounds_an_ordinal_of_another_noun_is_no_round(nlp, text):
    found = cue(nlp, text)
    assert found is None or found.ordinal is None


def test_rounds_an_ordinal_before_the_dialogues_name(nlp):
    assert cue(nlp, "The 18th U.S.-China Human Rights Dialogue opened in Kunming.").ordinal == 18
    assert cue(nlp, "Delegates met for the eighteenth annual round of the talks.").ordinal == 18


def test_rounds_venue_and_time_from_a_sentence_about_the_talks(nlp):
    found = cue(nlp, "The two sides will hold their human rights dialogue in Geneva next week.")
    assert (found.place, found.days) == ("Geneva", (1, 13))
    assert found.sentence is not None and found.sentence.text.endswith("next week.")


def test_rounds_capital_alias_is_a_venue_but_a_country_is_not(nlp):
    assert cue(nlp, "The human rights talks opened in Washington this week.").place == "Washington"
    found = cue(nlp, "The human rights talks with officials in China ended this week.")
    assert found is not None and found.place is None


def test_rounds_sentences_not_about_the_talks_give_no_cue(nlp):
    assert cue(nlp, "The minister flew to Geneva next week to open a trade fair.") is None


def test_round_of_ordinal_wins_known_or_not():
    assert round_of(RoundCue(ordinal=31), "2040-01-01", ROUNDS, about_dialogue=True) == ROUNDS[1]
    unknown = round_of(RoundCue(ordinal=40, place="Lhasa"), "2040-03-01", ROUNDS, about_dialogue=True)
    assert unknown == Round(ordinal=40, location="Lhasa", year="2040", known=False)


def test_round_of_window_from_the_time_phrase():
    assert round_of(RoundCue(days=(1, 13)), "2030-05-01", ROUNDS, about_dialogue=True) == ROUNDS[0]
    assert round_of(RoundCue(days=(1, 13)), "2030-05-20", ROUNDS, about_dialogue=True) is None  # it was last week
    assert round_of(RoundCue(days=(-13, -1)), "2030-05-20", ROUNDS, about_dialogue=True) == ROUNDS[0]


def test_round_of_default_window_and_place():
    assert round_of(None, "2030-05-25", ROUNDS, about_dialogue=True) == ROUNDS[0]  # two weeks after
    assert round_of(None, "2031-05-25", ROUNDS, about_dialogue=True) is None  # an editorial a year later
    assert round_of(None, "2030-05-25", ROUNDS, about_dialogue=False) is None  # not about the talks
    assert round_of(RoundCue(place="Chengdu"), "2030-05-12", ROUNDS, about_dialogue=True) is None
    assert round_of(None, None, ROUNDS, about_dialogue=True) is None  # no date, no ordinal: no round


def test_round_of_text_only_round_needs_place_and_time():
    found = round_of(RoundCue(place="Lhasa", days=(-6, 6)), "2035-09-09", ROUNDS, about_dialogue=True)
    assert found == Round(location="Lhasa", year="2035", known=False) and found.slug == "2035-lhasa"
    assert round_of(RoundCue(place="Lhasa"), "2035-09-09", ROUNDS, about_dialogue=True) is None


def test_rounds_file_extends_and_overrides(tmp_path: Path):
    extra = tmp_path / "rounds.jsonl"
    extra.write_text('{"ordinal": 17, "start": "2012-07-23", "location": "Washington, D.C."}\n'
                     '{"ordinal": 90, "start": "2090-01-02", "end": "2090-01-03", "location": "Xi\'an"}\n')
    rounds = load_rounds(extra)
    by = {r.ordinal: r for r in rounds}
    assert by[17].location == "Washington, D.C." and by[17].end is None
    assert by[90].start == "2090-01-02" and by[18] == [r for r in load_rounds() if r.ordinal == 18][0]
    assert [r.start for r in rounds] == sorted(r.start or "" for r in rounds)


@pytest.mark.parametrize("line, message", [
    ('{"ordinal": 5}', "start"),
    ('{"ordinal": 5, "start": "2010-13-40"}', "month must be in 1..12"),
    ('{"ordinal": "fifth", "start": "2010-01-01"}', "ordinal"),
    ('{"ordinal": 5, "start": "2010-01-01", "venue": "X"}', "unknown field"),
    ("not json", "line 1"),
])
def test_rounds_file_errors_name_the_line(tmp_path: Path, line: str, message: str):
    bad = tmp_path / "bad.jsonl"
    bad.write_text(line + "\n")
    with pytest.raises(InputError, match=message):
        load_rounds(bad)


def test_rounds_in_the_graph(nlp, tmp_path: Path):
    from rightsgraph.build import build_dataset

    body = ("The 30th round of the U.S.-China human rights dialogue opened in Geneva on Monday.\n\n"
            "Jane Roe, a researcher at Human Rights Watch, said the talks were \"a hollow ritual.\"")
    ds = build_dataset([Article(id="r1", title="Talks open", body=body, date="2030-05-10")], nlp=nlp, rounds=ROUNDS)
    g = union_graph(ds)
    r30 = RGID["round/30"]
    assert (r30, RDF.type, SCHEMA.Event) in g and (r30, RDF.type, RG.DialogueRound) in g
    assert (r30, SCHEMA.superEvent, RGID["event/us-china-human-rights-dialogue"]) in g
    assert (r30, SCHEMA.startDate, Literal("2030-05-10", datatype=XSD_DATE)) in g
    assert (r30, SCHEMA.location, Literal("Geneva")) in g
    assert (RGID["article/r1"], RG.round, r30) in g
    statements = set(g.subjects(RDF.type, RG.Statement))
    assert statements and all((s, RG.round, r30) in g for s in statements)
    [evidence] = list(g.objects(RGID["article/r1"], RG.roundEvidence))
    assert str(g.value(evidence, URIRef("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#anchorOf"))
               ).startswith("The 30th round")


def test_rounds_cli_option_and_bad_file(tmp_path: Path):
    article = tmp_path / "a.txt"
    article.write_text("Talks open\n\nGENEVA, May 10, 2030 — The 30th round of the U.S.-China human rights "
                       "dialogue opened in Geneva on Monday.\n")
    rounds = tmp_path / "rounds.jsonl"
    rounds.write_text('{"ordinal": 30, "start": "2030-05-10", "location": "Geneva"}\n')
    out = tmp_path / "g.ttl"
    ok = CliRunner().invoke(cli, ["-q", "build", str(article), "--store", "memory", "--no-html", "-o", str(out),
                                  "--rounds", str(rounds), "--jobs", "1"])
    assert ok.exit_code == 0, ok.output
    assert '"2030-05-10"^^xsd:date' in out.read_text()
    rounds.write_text('{"ordinal": 30}\n')
    bad = CliRunner().invoke(cli, ["build", str(article), "--store", "memory", "--no-html", "--rounds", str(rounds)])
    assert bad.exit_code != 0 and "Error:" in bad.output and "line 1" in bad.output and "Traceback" not in bad.output
