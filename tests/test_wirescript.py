"""Wire scripts (wirescript.py): the teletype layout of archived wire copy, read as an article."""

from __future__ import annotations

import pytest

from nlp_helpers import statements
from rightsgraph.ingest import read_article
from rightsgraph.metadata import find_voice
from rightsgraph.nlp import extract
from rightsgraph.wirescript import read_script, short_date

SCRIPT = """DATE=3/4/01
TYPE=CORRESPONDENT REPORT
NUMBER=2-123456
TITLE=CHINA / TALKS (L-ONLY)
BYLINE=JANE ROE
DATELINE=GENEVA
CONTENT=
VOICED AT:

INTRO: Diplomats from two countries have ended a round of talks. Jane Roe reports the talks were brief.

TEXT: Assistant Secretary Tom Hale said the talks had been useful.

"We will keep meeting," Mr. Hale said.

NEB/JR/KL
04-Mar-01 9:02 AM EST (1402 UTC)
NNNN
Source: Voice of America
"""


@pytest.mark.parametrize(("value", "iso"), [
    ("1/12/99", "1999-01-12"), ("12/1/03", "2003-12-01"), ("5/19/2010", "2010-05-19"),
    ("13/1/99", None), ("1999-01-12", None), ("", None),
])
def test_wirescript_short_date_is_month_first_with_the_century_guessed(value, iso):
    assert short_date(value) == iso


def test_wirescript_a_page_without_the_header_is_no_script():
    assert read_script(["China rights talks end", "", "DATE=1/1/99 is how the wires wrote dates."]) is None
    assert read_script(["TITLE=ONLY ONE FIELD", "TYPE=REPORT", "", "Text."]) is None  # two fields, not three


def test_wirescript_header_labels_and_trailer(tmp_path):
    path = tmp_path / "script.txt"
    path.write_text(SCRIPT, encoding="utf-8")
    [article] = read_article(path)
    assert (article.title, article.date, article.publisher) == ("CHINA / TALKS", "2001-03-04", "Voice of America")
    assert article.body == ("Diplomats from two countries have ended a round of talks. Jane Roe reports the talks "
                            "were brief.\n\nAssistant Secretary Tom Hale said the talks had been useful.\n\n"
                            '"We will keep meeting," Mr. Hale said.')


def test_wirescript_labels_are_not_speakers(nlp, tmp_path):
    """'INTRO:' and 'TEXT:' opened transcript turns when the script was read as plain text."""
    path = tmp_path / "script.txt"
    path.write_text(SCRIPT, encoding="utf-8")
    [article] = read_article(path)
    speakers = {s for s, _kind, _stance in statements(extract(nlp, article))}
    assert "Tom Hale" in speakers and not {"Intro", "Text", "INTRO", "TEXT"} & speakers


@pytest.mark.parametrize("tell", [
    "The following is an editorial reflecting the views of the United States Government.",
    "The following editorial reflects the views of the United States Government.",
    "Next, an editorial that reflects the views of the U.S. Government.",
])
def test_wirescript_editorial_tells_in_their_wordings(tell):
    assert find_voice(publisher="Voice of America", headline="Talks", dropped=[tell]) == "United States"

