"""ingest: files → Article (with furniture removal and date/publisher detection)."""

from __future__ import annotations

import json
from importlib.resources import files
from pathlib import Path

import pytest

from rightsgraph.errors import InputError
from rightsgraph.furniture import clean_page, furniture_kind
from rightsgraph.ingest import read_article, read_articles
from rightsgraph.metadata import canonical_publisher, find_date, find_publisher, parse_date

CHRD = "Chinese Human Rights Defenders"
DOS = "U.S. Department of State"
PROSE = "The first paragraph of the article is long enough to be prose."


@pytest.fixture
def sample_articles():
    return read_articles([Path(str(files("rightsgraph").joinpath("sample")))])


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode(encoding))
    return path


# --- dates -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Posted July 24th, 2012 at 6:10 am (UTC-5)", "2012-07-24"),
        ("(Chinese Human Rights Defenders, April 26, 2011)", "2011-04-26"),
        ("July 24, 2012", "2012-07-24"),
        ("Tuesday, July 24, 2012 5:14 AM", "2012-07-24"),
        ("24 July 2012", "2012-07-24"),
        ("1st May, 2013", "2013-05-01"),
        ("Sept. 5, 2013", "2013-09-05"),
        ("Jul 24 2012", "2012-07-24"),
        ("2012-07-24", "2012-07-24"),
        ("2012-07-24T10:10:00Z", "2012-07-24"),
        ("2012/07/24", "2012-07-24"),
        ("7/24/2012", "2012-07-24"),
        ("February 30, 2012", None),
        ("in 2012 the talks resumed", None),
        ("may 2012", None),
        ("", None),
    ],
)
def test_ingest_parse_date(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    ("headline", "datelines", "opening", "expected"),
    [
        ("Talks", ["Posted July 24th, 2012 at 6:10 am (UTC-5)"], "", "2012-07-24"),
        ("Talks", ["By William Ide | July 24, 2012"], "Body text.", "2012-07-24"),
        ("Talks", [], "(Chinese Human Rights Defenders, April 26, 2011) The two-day talks…", "2011-04-26"),
        ("Talks", [], "WASHINGTON, July 24, 2012 — The talks opened today.", "2012-07-24"),
        ("Talks", [], "Congressional-Executive Commission on China, Washington, 29 July 2013.", "2013-07-29"),
        ("Talks", [], "U.S. Department of State, Washington, DC, July 20, 2012. Jo Doe.", "2012-07-20"),
        ("Talks", [], "Congressional-Executive Commission on China, Washington, July 29.", None),
        ("Hong Lei's Regular Press Conference on July 24, 2012", [], "", "2012-07-24"),
        ("Daily Press Briefing - July 24, 2012", [], "", "2012-07-24"),
        ("Remembering June 4, 1989", [], "", None),  # a date in a headline is not a dateline
        # dates in prose are not datelines
        ("Talks", [], "The talks, held on July 24, 2012, ended without result.", None),
        ("Talks", [], "On the afternoon of May 11, 2010, Qin Gang held a press conference.", None),
        ("Talks", [], "In Washington, July 24, 2012, was a hot day.", None),
        ("Talks", [], "BEIJING, July 24 (Xinhua) -- China said on Tuesday.", None),
        ("Talks", [], "", None),
    ],
)
def test_ingest_find_date(headline, datelines, opening, expected):
    assert find_date(headline=headline, datelines=datelines, opening=[opening]) == expected


# --- publishers --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kwargs", "expected"),
    [
        ({"stated": "VOA"}, "Voice of America"),
        ({"stated": "Some Local Paper"}, "Some Local Paper"),
        ({"opening": ["(Chinese Human Rights Defenders, April 26, 2011) The talks…"]}, CHRD),
        ({"opening": ["(CHRD, April 26, 2011) The talks…"]}, CHRD),
        ({"opening": ["(Beijing, April 26, 2011) The talks…"]}, None),
        ({"opening": ["WASHINGTON, July 24, 2012 — The talks opened."]}, None),
        ({"opening": ["U.S. Department of State, Washington, DC, July 20, 2012."]}, DOS),
        ({"dropped": ["AMNESTY INTERNATIONAL", "PUBLIC STATEMENT"]}, "Amnesty International"),
        ({"headline": "AMNESTY INTERNATIONAL", "dropped": ["PUBLIC STATEMENT"]}, "Amnesty International"),
        ({"dropped": ["More from GlobalPost: China human rights: from bad to worse"]}, "GlobalPost"),
        ({"dropped": ["Subscribe to CDT", "Google Ads 1"]}, "China Digital Times"),
        ({"dropped": ["Get unlimited Monitor journalism."]}, "The Christian Science Monitor"),
        ({"dropped": ["Posted July 24th, 2012 at 6:10 am (UTC-5) by VOA News"]}, "Voice of America"),
        ({"dropped": ["David Smalls +1 347 448 5285 (davidsmalls@chrdnet.com)"]}, CHRD),
        ({"url": "https://www.voanews.com/a/talks/1.html"}, "Voice of America"),
        ({"headline": "Daily Press Briefing"}, DOS),
        ({"headline": "Foreign Ministry Spokesperson Hong Lei's Regular Press Conference on July 24, 2012"},
         "Chinese Ministry of Foreign Affairs"),
        # outlets merely mentioned in a headline or the body are not the publisher
        ({"headline": "China Jams Voice of America", "opening": ["Voice of America was jammed."]}, None),
        ({"dropped": ["Posted July 24th, 2012 at 6:10 am (UTC-5)", "Leave a comment"]}, None),
    ],
)
def test_ingest_find_publisher(kwargs, expected):
    args = {"headline": "Talks", "dropped": []} | kwargs
    assert find_publisher(**args) == expected


def test_ingest_canonical_publisher_uses_aliases():
    assert canonical_publisher("  the christian  science monitor ") == "The Christian Science Monitor"
    assert canonical_publisher("State Department") == "U.S. Department of State"


# --- furniture ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "Subscribe to CDT",
        "You’ve read   of   free articles. Subscribe to continue.",
        "of stories this month > Get unlimited stories",
        "Unlimited digital access $11/month.",
        "Get unlimited Monitor journalism.",
        "Google Ads 1",
        "More from GlobalPost:\xa0China human rights: from bad to worse",
        "Back to Top",
        "Leave a comment",
        "Comments Off on U.S. Must Give Teeth to Human Rights Dialogue with Chinese Government",
        "Open popup",
        "Welcome back!",
        "CDT is a non-profit media site, and we need your support. Your contribution will help us.",
        "Media contacts",
        "David Smalls, Researcher (English) +1 347 448 5285 (davidsmalls@chrdnet.com)",
        "Contact: Jeff Sagnip (202) 225-3765",
        "Andy Wong/AP",
        "Alexander F. Yuan-Pool",
        "AP Photo/Andy Wong, File",
        "REUTERS/Jason Lee",
        "Photo: Getty Images",
        "Share",
        "Share | Print | Email",
        "Print this article",
        "Share this: Facebook | Twitter | Email",
        "Related Articles",
        "Related: Ni Yulan and husband sentenced in Beijing",
        "Photo: Demonstrators outside the Chinese Embassy in Washington on Monday. (Staff photo)",
        "/ENDS",
        "Posted July 24th, 2012 at 6:10 am (UTC-5)",
        "Last updated: July 24, 2012 5:14 p.m.",
        "For Immediate Release",
        "###",
        "The following is an editorial reflecting the views of the United States Government.",
        "Reporting by Jane Doe; editing by John Roe.",
        "(Additional reporting by Sam Lee in Hong Kong; Writing by Ann Park; Editing by Tim Cole)",
        "Compiled by Newsroom Staff",
    ],
)
def test_ingest_furniture_line_dropped(line):
    assert furniture_kind(line) is not None


@pytest.mark.parametrize(
    "line",
    [
        "ASSISTANT SECRETARY POSNER: We take our lead from those within China who are advocating.",
        "QUESTION: […] I’m just wondering if you could tell us what this dialogue has accomplished.",
        "MS. NULAND: Yes.",
        "Q: What is your comment?",
        "“That was heartening,” Ms. Richardson says.",
        "[…] To show its commitment to advancing human rights, China published two action plans.",
        "Bossiness not productive",  # a subhead
        "Liu Xiaobo",  # a list item
        "“We need your support,” Chen told lawmakers.",
        "Posted to Beijing in 2010, the diplomat raised the case of Chen Kegui several times last year.",
        "Released on July 24, 2012, the report found that the talks achieved nothing at all.",
        "Rights groups say the talks, held July 24, 2012, produced nothing.",
        "Reporting by state media was edited by censors, activists said.",  # a sentence, not a credit
    ],
)
def test_ingest_furniture_line_kept(line):
    assert furniture_kind(line) is None


def test_ingest_top_zone_labels_dropped_but_speaker_turns_kept():
    page = clean_page(
        "Daily Press Briefing\nVictoria Nuland\nSpokesperson\nWashington, DC\nJuly 24, 2012\n\n"
        "TRANSCRIPT:\n\nMS. NULAND: Good afternoon, everybody.\n\nQUESTION: On China?\n\n"
        "MS. NULAND: Yes.\n".split("\n")
    )
    assert page.title == "Daily Press Briefing"
    assert page.body == "MS. NULAND: Good afternoon, everybody.\n\nQUESTION: On China?\n\nMS. NULAND: Yes."
    assert "July 24, 2012" in page.datelines


def test_ingest_mid_body_short_lines_kept():
    text = f"Headline\n\n{PROSE}\n\nBossiness not productive\n\n" \
           "The following prisoners remain detained:\nLiu Xiaobo\nGao Zhisheng\n"
    body = clean_page(text.split("\n")).body
    assert "Bossiness not productive" in body
    assert body.endswith("remain detained:\nLiu Xiaobo\nGao Zhisheng")


def test_ingest_photo_credit_drops_its_caption():
    text = f"Headline\n\n{PROSE}\n\nAndy Wong/AP\nA man walks past a poster in Beijing Wednesday.\n\n" \
           "The second paragraph follows the photo here.\n"
    page = clean_page(text.split("\n"))
    assert page.body == f"{PROSE}\n\nThe second paragraph follows the photo here."


@pytest.mark.parametrize(
    ("tail", "expected_tail"),
    [
        ("Media contacts\n\nRenee Xia, Director, +852 8191 6937 (reneexia@chrdnet.com)\n\n"
         "For more information\n\nPlease see our website for a list: https://www.nchrd.org/2011/x/\n\n"
         "Back to Top", ""),
        ("Subscribe to CDT\n\nGoogle Ads 1\n\nGiving Assistant\n\nLife Without Walls\n\nOpen popup", ""),
        # real article text after the marker: only the marker goes
        ("Back to Top\n\nThe talks will resume next year in Beijing, officials said on Friday.",
         "\n\nThe talks will resume next year in Beijing, officials said on Friday."),
    ],
)
def test_ingest_end_marker_drops_furniture_tail(tail, expected_tail):
    text = f"Headline\n\n{PROSE}\n\n{tail}"
    assert clean_page(text.split("\n")).body == PROSE + expected_tail


def test_ingest_section_kicker_is_not_the_headline():
    text = "Conflict & Justice\n\nUS, China are all talk on human rights\n\nThe talks are superficial."
    page = clean_page(text.split("\n"))
    assert page.title == "US, China are all talk on human rights"
    assert page.body == "The talks are superficial."


@pytest.mark.parametrize(("text", "title", "body"), [
    # the issuer's letterhead, release furniture, then the headline on a line of its own
    ("AMNESTY INTERNATIONAL\nFOR IMMEDIATE RELEASE\nMay 4, 2011\n\nGroup Urges Washington to Name Jailed "
     "Lawyers at Talks\n\nThe group said on Monday that the talks must name every detained lawyer by name.",
     "Group Urges Washington to Name Jailed Lawyers at Talks",
     "The group said on Monday that the talks must name every detained lawyer by name."),
    # no letterhead: the first line stays the headline (the short line under it is a label)
    ("Talks Resume\n\nGroup Urges Washington to Name Jailed Lawyers\n\nThe group said on Monday that the "
     "talks must name every detained lawyer by name.", "Talks Resume",
     "The group said on Monday that the talks must name every detained lawyer by name."),
    # a long headline, which is no label
    ("AMNESTY INTERNATIONAL\nFOR IMMEDIATE RELEASE\n\nChairman Li and Cochairman Wu Call on the Administration "
     "to Put Zhang Wei and Li Ming at the Center of Next Week's Talks\n\nThe group said on Monday that the talks "
     "must name every detained lawyer by name.",
     "Chairman Li and Cochairman Wu Call on the Administration to Put Zhang Wei and Li Ming at the Center of "
     "Next Week's Talks", "The group said on Monday that the talks must name every detained lawyer by name."),
    # a place above the text is no headline
    ("AMNESTY INTERNATIONAL\n\nWashington, DC\n\nThe group said on Monday that the talks must name every "
     "detained lawyer.", "AMNESTY INTERNATIONAL",
     "The group said on Monday that the talks must name every detained lawyer."),
    # a letterhead over prose: no headline to move
    ("AMNESTY INTERNATIONAL\n\nThe group said on Monday that the talks must name every detained lawyer.",
     "AMNESTY INTERNATIONAL", "The group said on Monday that the talks must name every detained lawyer."),
])
def test_ingest_headline_under_an_issuers_letterhead(text, title, body):
    page = clean_page(text.split("\n"))
    assert (page.title, page.body) == (title, body)


LANTERN = ("HARBOR RIGHTS NETWORK\nFor Immediate Release\nJune 3, 2013\n\nChina: Talks Must Free Prisoners\n"
           "Round Should Secure Releases, Not Promises\n\n(Washington) - The talks must free prisoners, the Harbor "
           "Rights Network said today.\n\nIt named three lawyers still held.")


def test_ingest_an_unknown_issuers_letterhead_gives_the_headline_and_the_voice(tmp_path):
    """An all-capitals first line above 'For Immediate Release' is the issuer no data file knows: the
    headline is the one under the furniture (its deck line after it), and the release speaks in the
    issuer's voice, as the body prints its name."""
    [article] = read_articles([write(tmp_path / "r.txt", LANTERN)])
    assert article.title == "China: Talks Must Free Prisoners"
    assert article.voice == "Harbor Rights Network"
    assert article.publisher is None


def test_ingest_a_letterhead_with_a_place_line_and_joined_release_tells(tmp_path):
    """A place line under the letterhead ('香港 · Hong Kong'), the tells on one line ('PRESS RELEASE --
    FOR IMMEDIATE RELEASE') and a headline that ends in a quotation with no stop."""
    text = LANTERN.replace("HARBOR RIGHTS NETWORK\nFor Immediate Release\n",
                           "HARBOR RIGHTS NETWORK\n香港 · Hong Kong\n\nPRESS RELEASE -- FOR IMMEDIATE RELEASE\n") \
        .replace("China: Talks Must Free Prisoners\nRound Should Secure Releases, Not Promises",
                 'Rights talks: "Free the prisoners"')
    [article] = read_articles([write(tmp_path / "r.txt", text)])
    assert (article.title, article.voice) == ('Rights talks: "Free the prisoners"', "Harbor Rights Network")
    assert article.body.startswith("(Washington) - The talks must free prisoners")


@pytest.mark.parametrize("text", [
    LANTERN.replace("For Immediate Release\n", ""),  # no release tell: a headline in capitals
    LANTERN.replace("the Harbor Rights Network said", "the group said"),  # the body never names it
])
def test_ingest_no_voice_without_a_release_tell_or_the_issuer_named(tmp_path, text):
    [article] = read_articles([write(tmp_path / "r.txt", text)])
    assert article.voice is None


# --- formats -----------------------------------------------------------------------------------


def test_ingest_txt(tmp_path):
    path = write(tmp_path / "001_talks.txt", "Talks Resume\n\nPosted July 24th, 2012 at 6:10 am (UTC-5)\n"
                 "Leave a comment\n\nThe talks resumed on Tuesday.  \n\n\n“Fine,” he said.\xa0\n")
    [article] = read_articles([path])
    assert article.id == "001_talks"
    assert article.title == "Talks Resume"
    assert article.body == "The talks resumed on Tuesday.\n\n“Fine,” he said."
    assert article.date == "2012-07-24"
    assert article.publisher is None
    assert article.path == str(path)


def test_ingest_txt_bom_crlf_and_cp1252(tmp_path):
    utf8 = write(tmp_path / "a.txt", "\ufeffTalks\r\n\r\nThe talks resumed on Tuesday.\r\n")
    cp1252 = write(tmp_path / "b.txt", "Talks\n\n“The talks resumed,” he said.\n", encoding="cp1252")
    a, b = read_articles([utf8, cp1252])
    assert (a.title, a.body) == ("Talks", "The talks resumed on Tuesday.")
    assert b.body == "“The talks resumed,” he said."


def test_ingest_html(tmp_path):
    html = """<html><head><title>Talks | VOA</title>
    <meta property="og:site_name" content="VOA">
    <meta property="article:published_time" content="2012-07-24T10:10:00Z">
    <link rel="canonical" href="https://www.voanews.com/a/talks.html">
    <script>var banner = "Subscribe";</script></head>
    <body><nav>Home</nav><article><h1>Rights Groups Call
    for Pressure</h1><div>By William Ide</div>
    <figure><figcaption>Andy Wong/AP</figcaption></figure>
    <p>Rights groups are calling for <b>Washington</b> to pressure
       China over its crackdown on dissent.</p>
    <p>First line.<br>Second line.</p><aside>Related</aside><p>Share</p></article>
    <footer>Copyright</footer></body></html>"""
    [article] = read_articles([write(tmp_path / "talks.html", html)])
    assert article.title == "Rights Groups Call for Pressure"
    assert article.body == (
        "Rights groups are calling for Washington to pressure China over its crackdown on dissent."
        "\n\nFirst line.\nSecond line."
    )
    assert (article.date, article.publisher) == ("2012-07-24", "Voice of America")
    assert article.url == "https://www.voanews.com/a/talks.html"


def test_ingest_html_falls_back_to_title_and_body(tmp_path):
    html = "<html><head><title>Talks</title><meta name='date' content='2011-04-26'></head>" \
           "<body><p>The talks resumed on Tuesday.</p></body></html>"
    [article] = read_articles([write(tmp_path / "t.htm", html)])
    assert article.title == "Talks"
    assert (article.body, article.date) == ("The talks resumed on Tuesday.", "2011-04-26")


def test_ingest_jsonl(tmp_path):
    lines = [
        {"title": "Talks", "text": "The talks resumed.\n\nSubscribe to CDT", "date": "2012-07-24T09:00:00",
         "url": "https://example.org/talks", "source": "CSMonitor"},
        {},
        {"text": "Headline From Text\n\nBody from text."},
    ]
    path = write(tmp_path / "feed.jsonl", "\n".join(json.dumps(r) if r else "" for r in lines) + "\n")
    first, second = read_articles([path])
    url_id = "feed-" + __import__("hashlib").sha1(b"https://example.org/talks").hexdigest()[:12]
    assert (first.id, first.title, first.body) == (url_id, "Talks", "The talks resumed.")  # by its URL
    assert (first.date, first.publisher, first.url) == ("2012-07-24", "The Christian Science Monitor", "https://example.org/talks")
    assert (second.id, second.title, second.body) == ("feed-3", "Headline From Text", "Body from text.")
    assert read_articles([path]) == [first, second]  # ids are stable across runs


def test_ingest_jsonl_record_ids_survive_new_lines(tmp_path):
    records = [{"id": "vo-17", "text": "One\n\nFirst."}, {"url": "https://example.org/2", "text": "Two\n\nSecond."}]
    path = write(tmp_path / "feed.jsonl", "\n".join(json.dumps(r) for r in records) + "\n")
    before = [a.id for a in read_articles([path])]
    write(path, json.dumps({"text": "New\n\nInserted first."}) + "\n" + path.read_text(encoding="utf-8"))
    after = [a.id for a in read_articles([path])]
    assert after[1:] == before and before[0] == "feed-vo-17"


def test_ingest_jsonl_bad_lines_are_reported_and_the_rest_read(tmp_path):
    path = write(tmp_path / "feed.jsonl", '{"text": "One\\n\\nFirst."}\n{oops\n[1, 2]\n{"text": "Two\\n\\nSecond."}\n')
    bad: list[str] = []
    from rightsgraph.ingest import iter_articles

    got = [a.id for a in iter_articles([path], on_skip=lambda where, reason: bad.append(where))]
    assert got == ["feed-1", "feed-4"] and bad == [f"{path}:2", f"{path}:3"]
    with pytest.raises(InputError, match="bad JSON in .*feed.jsonl:2"):
        read_articles([path])


def test_ingest_directory_recursive_sorted_deduplicated(tmp_path):
    write(tmp_path / "b" / "2.txt", "Two\n\nSecond article.")
    write(tmp_path / "a" / "1.txt", "One\n\nFirst article.")
    write(tmp_path / "notes.md", "# not an article")
    write(tmp_path / ".hidden" / "x.txt", "Hidden\n\nNot read.")
    articles = read_articles([tmp_path, tmp_path / "a" / "1.txt"])
    assert [a.id for a in articles] == ["a/1", "b/2"]  # ids are paths from the folder given
    assert [a.id for a in read_articles(str(tmp_path))] == ["a/1", "b/2"]  # a lone path is not iterated
    assert [a.id for a in read_articles([tmp_path / "a" / "1.txt"])] == ["1"]


def test_ingest_same_file_name_in_two_folders_is_two_articles(tmp_path):
    from rightsgraph.graph import article_iri

    write(tmp_path / "2012" / "briefing.txt", "One\n\nFirst briefing.")
    write(tmp_path / "2013" / "briefing.txt", "Two\n\nSecond briefing.")
    ids = [a.id for a in read_articles([tmp_path])]
    assert ids == ["2012/briefing", "2013/briefing"]
    assert len({article_iri(i) for i in ids}) == 2


# --- errors ------------------------------------------------------------------------------------


def test_ingest_error_missing_path(tmp_path):
    with pytest.raises(InputError, match=r"article path not found: .*nope\.txt"):
        read_articles([tmp_path / "nope.txt"])


def test_ingest_error_directory_without_articles(tmp_path):
    write(tmp_path / "notes.md", "# notes")
    with pytest.raises(InputError, match=r"no articles \(\.txt, \.html, \.jsonl\) found in"):
        read_articles([tmp_path])


def test_ingest_error_unsupported_extension(tmp_path):
    path = write(tmp_path / "article.pdf", "Talks\n\nBody.")
    with pytest.raises(InputError, match=r"unsupported article file .*article\.pdf: expected \.txt"):
        read_articles([path])
    with pytest.raises(InputError, match="unsupported article file"):
        read_article(path)


@pytest.mark.parametrize("data", [b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x81\x8d", b"Talks\n\nA\x00B body"])
def test_ingest_error_undecodable(tmp_path, data):
    path = tmp_path / "binary.txt"
    path.write_bytes(data)
    message = r"cannot decode .*binary\.txt as UTF-8 text: .*; re-save it as UTF-8$"
    with pytest.raises(InputError, match=message):
        read_articles([path])


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("Talks\n\nSubscribe to CDT\n\nGoogle Ads 1\n", "has no body text after removing page furniture"),
        ("Talks only\n", "has no body text"),
        ("\n\n  \n", "is empty"),
    ],
)
def test_ingest_error_empty_body(tmp_path, text, message):
    with pytest.raises(InputError, match=message):
        read_articles([write(tmp_path / "a.txt", text)])


def test_ingest_error_bad_jsonl_line(tmp_path):
    path = write(tmp_path / "feed.jsonl", '{"text": "Talks\\n\\nBody."}\n{"text": oops}\n')
    with pytest.raises(InputError, match=r"bad JSON in .*feed\.jsonl:2"):
        read_articles([path])
    write(path, '{"title": "No text"}\n')
    with pytest.raises(InputError, match=r"feed\.jsonl:1: expected an object with a \"text\" string"):
        read_articles([path])


@pytest.mark.parametrize("make", [lambda p: [], lambda p: [write(p / "empty.jsonl", "\n\n")]])
def test_ingest_error_empty_corpus(tmp_path, make):
    with pytest.raises(InputError, match="empty corpus"):
        read_articles(make(tmp_path))


def test_ingest_error_duplicate_ids(tmp_path):
    a = write(tmp_path / "x" / "same.txt", "One\n\nFirst article.")
    b = write(tmp_path / "y" / "same.txt", "Two\n\nSecond article.")
    with pytest.raises(InputError, match="duplicate article id 'same'"):
        read_articles([a, b])


# --- the bundled sample corpus -----------------------------------------------------------------


def test_ingest_sample_corpus(sample_articles):
    assert [a.title for a in sample_articles] == [
        "US, China are all talk on human rights",
        "US Defends Value of Human Rights Dialogue",
        "US and China sit down for a belated talk on human rights",
        "Rights Groups Call for US to Pressure China on Rights Abuses",
        "U.S. Must Give Teeth to Human Rights Dialogue with Chinese Government",
    ]
    furniture = ["Subscribe", "Google Ads", "Back to Top", "More from GlobalPost", "Media contacts",
                 "@chrdnet.com", "Andy Wong/AP", "Alexander F. Yuan-Pool", "Leave a comment", "Comments Off",
                 "Posted July", "Welcome back", "Conflict & Justice", "free articles"]
    for article in sample_articles:
        assert not [f for f in furniture if f in article.body], article.id
        assert "\n\n\n" not in article.body and article.body == article.body.strip()
        assert all(line == line.rstrip() for line in article.body.split("\n"))
    by_id = {a.id: a for a in sample_articles}
    assert by_id["003_be03dde77b7920fc"].date == "2012-07-24"
    assert by_id["004_c5761f76adf15550"].date == "2011-04-26"
    assert [a.publisher for a in sample_articles] == [
        "GlobalPost", "China Digital Times", "The Christian Science Monitor", None, CHRD,
    ]
    assert by_id["001_c89174e8f8252706"].body.count("ASSISTANT SECRETARY POSNER: We take our lead") == 1
    assert by_id["002_13f0ba4c00f2165e"].body.endswith("then that will hardly be progress,” Richardson says.")


def test_ingest_a_release_tell_above_the_issuers_name(tmp_path):
    """'PRESS RELEASE' over a name line in ordinary capitals ('Harbor Rights Network'), then a place
    and date line: the name is the letterhead, the headline the line under the furniture."""
    text = ("PRESS RELEASE\nHarbor Rights Network\nHong Kong, August 11, 2014\n\n"
            "Rights Talks Must Deliver Names, Says Network\n\n"
            "As officials prepare to meet, the Harbor Rights Network today released a list of detained "
            "activists.\n\nIt named three lawyers still held.")
    [article] = read_articles([write(tmp_path / "r.txt", text)])
    assert (article.title, article.voice) == ("Rights Talks Must Deliver Names, Says Network", "Harbor Rights Network")


def test_ingest_a_release_tell_above_a_sentence_is_no_letterhead(tmp_path):
    text = ("PRESS RELEASE\nThe network released a list of detained activists today.\n\n"
            "It named three lawyers still held in Beijing and two in Ningbo.")
    [article] = read_articles([write(tmp_path / "r.txt", text)])
    assert article.voice is None


def test_ingest_a_photo_caption_label_is_no_speakers_turn(tmp_path):
    """'PHOTO: Relatives hold portraits … (VOA/K. Brandt)' under a web article's byline is a caption,
    dropped, not a transcript turn that would make the rest of the article 'PHOTO's words."""
    text = ("Rights Talks Open Amid Crackdown\n\nBy Jane Roe\nAugust 12, 2015\n\n"
            "PHOTO: Relatives of detained lawyers hold portraits outside the State Department. (VOA/K. Brandt)\n\n"
            "WASHINGTON - The talks began Wednesday, weeks after police detained dozens of lawyers.")
    [article] = read_articles([write(tmp_path / "r.txt", text)])
    assert article.body.startswith("WASHINGTON - The talks began")
    assert "PHOTO" not in article.body
