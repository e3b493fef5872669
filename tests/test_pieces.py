"""nlp/pieces.py: long bodies are cut at paragraph breaks and their extractions joined with offsets."""

from __future__ import annotations

import pytest

import rightsgraph.nlp.pieces
from rightsgraph.model import Article
from rightsgraph.nlp.pieces import pieces
from rightsgraph.parallel import extract_stream

PARAGRAPH = ("Assistant Secretary Michael Posner said the dialogue was candid. "
             "He raised the case of Gao Zhisheng, the detained lawyer.")


@pytest.mark.parametrize(("body", "size", "cuts"), [
    ("short", 100, ["short"]),
    ("a" * 30 + "\n\n" + "b" * 30 + "\n\n" + "c" * 30, 70, ["a" * 30 + "\n\n" + "b" * 30 + "\n\n", "c" * 30]),
    ("x" * 50 + "\n" + "y" * 50, 60, ["x" * 50 + "\n", "y" * 50]),
    ("z" * 130, 50, ["z" * 50, "z" * 50, "z" * 30]),
])
def test_pieces_cut_at_breaks_and_cover_the_body(body: str, size: int, cuts: list[str]) -> None:
    got = list(pieces(body, size=size))
    assert [text for _, text in got] == cuts
    assert "".join(text for _, text in got) == body
    assert [offset for offset, _ in got] == [sum(len(c) for c in cuts[:i]) for i in range(len(cuts))]


def test_pieces_long_article_offsets_point_into_the_whole_body(monkeypatch: pytest.MonkeyPatch) -> None:
    body = "\n\n".join([PARAGRAPH] * 12)
    article = Article(id="long", title="Talks end", body=body)
    monkeypatch.setattr(rightsgraph.nlp.pieces, "PIECE_CHARS", 400)
    assert len(list(pieces(body, size=400))) > 3
    [x] = list(extract_stream([article], jobs=1))
    assert [a.name for a in x.actors].count("Michael Posner") == 1
    spans = [s.sentence for s in x.statements] + [r.sentence for r in x.relations]
    assert spans and all(body[s.begin:s.end] == s.text for s in spans)
    assert max(s.begin for s in spans) > 400 * 3  # facts from the later pieces, placed where they are
