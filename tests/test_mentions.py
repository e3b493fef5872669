"""mentions: governments only where they act, aliases resolved to the article's full name, surnames."""

from __future__ import annotations

import pytest

from nlp_helpers import actors, aliases, run
from rightsgraph.nlp.knowledge import load_knowledge
from rightsgraph.nlp.mentions import find_mentions

GOVERNMENTS = {"China", "United States"}


def _governments(ex) -> list[str]:
    return sorted(name for name, _kind in actors(ex) if name in GOVERNMENTS)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Beijing rejected the criticism on Tuesday.", ["China"]),
        ("Chinese officials rejected the report.", ["China"]),
        ("The report criticized China for its treatment of lawyers.", ["China"]),
        ("Washington urged Beijing to release the lawyers.", ["China", "United States"]),
        ("The talks in Beijing ended on Friday.", []),
        ("The delegation traveled to Washington for the talks.", []),
        ("Staff in the Beijing office of the newspaper were questioned.", []),
        ("Sophie Richardson, China director at Human Rights Watch, attended the briefing.", []),
        ("Let us hope the talks go well.", []),
    ],
)
def test_mentions_government_only_where_it_acts(nlp, text, expected):
    assert _governments(run(nlp, text)) == expected


POSNER = "Michael Posner led the delegation. Mr. Posner said the talks went well, and Posner left."
VASQUEZ = "Elena Vasquez of Freedom House attended the talks. Ms. Vasquez said little afterwards."


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (POSNER, ("Michael Posner", "Posner")),
        pytest.param(POSNER, ("Michael Posner", "Mr. Posner")),
        (VASQUEZ, ("Elena Vasquez", "Vasquez")),
        ("The State Department issued a statement.", ("U.S. Department of State", "State Department")),
        ("HRW published a report on the detentions.", ("Human Rights Watch", "HRW")),
        (
            "The Committee to Protect Journalists (CPJ) released a report. "
            "CPJ said two reporters were held without any charge.",
            ("Committee to Protect Journalists", "CPJ"),
        ),
        (
            "The Asia Legal Aid Network (ALAN) sent observers. ALAN later said the talks were a smoke screen.",
            ("Asia Legal Aid Network", "ALAN"),
        ),
        (
            "Foreign Minister Wang Yi met Kerry. Wang said the dialogue was constructive.",
            ("Wang Yi", "Wang"),
        ),
    ],
)
def test_mentions_alias_resolves_to_full_name(nlp, text, expected):
    canonical, alias = expected
    found = aliases(run(nlp, text))
    assert alias in found.get(canonical, ())
    assert alias not in found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Li Heping, a lawyer, and Li Wei, an economist, were questioned. The economist Li was released.",
            ("Li", "Li Wei", "Li Heping"),
        ),
        (
            "Jiang Tianyong, a lawyer, disappeared in 2016. Foreign ministry spokeswoman Jiang Yu declined "
            "to comment. Friends of the lawyer say Jiang has been tortured.",
            ("Jiang", "Jiang Tianyong", "Jiang Yu"),
        ),
        pytest.param("The lawyer Wang Yu was detained in July. The activist Wang Lihong was also held. "
            "Police have not said where the lawyer Wang is being held.", ("Wang", "Wang Yu", "Wang Lihong")),
    ],
)
def test_mentions_shared_surname_goes_to_the_right_person(nlp, text, expected):
    alias, right, wrong = expected
    found = aliases(run(nlp, text))
    assert right in found and wrong in found  # two people, kept apart
    assert alias in found[right]
    assert alias not in found[wrong]
    assert alias not in found


def test_mentions_proper_names_match_case_sensitively(nlp):
    from nlp_helpers import actors

    x = run(nlp, "Activists discussed human rights in China with reporters in Washington.")
    assert "Human Rights in China" not in {name for name, _kind in actors(x)}
    y = run(nlp, "Human Rights in China issued a statement on the detained lawyers.")
    assert "Human Rights in China" in {name for name, _kind in actors(y)}


def test_mentions_signature_block_name_and_title(nlp):
    """A signature block: the name is one line, the title the next; neither keeps the line break,
    and a title alone is no one."""
    x = run(nlp, "We urge you to act.\n\nSincerely,\nMary Cole\nCo-Chair, Tom Lantos Human Rights Commission")
    people = [a for a in actors(x) if a[1] == "Person"]
    assert people == [("Mary Cole", "Person")]


def test_mentions_a_name_cut_at_its_possessive_is_joined(nlp):
    found = actors(run(nlp, "The National People's Congress said the dialogue was useful."))
    assert ("National People's Congress", "Organization") in found
    assert not [name for name, _kind in found if name in ("National People", "U.S. Congress")]


@pytest.mark.parametrize(("text", "name", "found"), [
    ("- Alimujiang Yimiti, a Uighur Christian sentenced to 15 years;", "Alimujiang Yimiti", True),
    ("- Dhondup Wangchen, the Tibetan filmmaker sentenced in December to six years;", "Dhondup Wangchen", True),
    # the kind of person ends a longer noun phrase
    ("Amnesty is concerned about these people:\n- Sun Deping, a human rights lawyer who has defended petitioners, "
     "missing since 10 July.", "Sun Deping", True),
    # the description tells an organisation, or there are more than three capitalised words
    ("Human Rights Watch, a New York-based group, criticized the talks.", "Human Rights Watch", False),
])
def test_mentions_a_name_told_by_its_description(nlp, text, name, found):
    people = {m.text for m in find_mentions(nlp(text), load_knowledge()) if m.kind == "Person"}
    assert (name in people) is found


def test_mentions_a_bare_surname_is_the_name_printed_most_headline_included(nlp):
    """Two people share a surname: the bare 'Zhang' is the one the article names most often, counting
    the headline (the NER misses names in title case), not the one named last."""
    title = "Wife of Jailed Writer Zhang Wei Appeals to Washington"
    body = ("The wife of jailed writer Zhang Wei appealed to the United States on Monday.\n\n"
            "His younger brother, Zhang Lin, said the family had heard nothing.\n\n"
            "A State Department spokesman said Zhang's case remained a serious concern.")
    ex = run(nlp, body, title=title)
    assert "Zhang" in aliases(ex)["Zhang Wei"]
    assert "Zhang" not in aliases(ex).get("Zhang Lin", ())


def test_mentions_the_briefer_addressed_in_a_question_is_not_the_one_quoted(nlp):
    from nlp_helpers import run
    ex = run(nlp, "MR. LEE: Go ahead.\n\nQUESTION: Tom, the Foreign Ministry spokesman, Qin Gang, said today "
                  "that Beijing is suspending the human rights dialogue. Your reaction?")
    assert [s.speaker for s in ex.statements] == ["Qin Gang"]
    assert "Tom" not in {a.name for a in ex.actors}


def test_mentions_places_and_topic_lines_are_not_actors(nlp):
    from nlp_helpers import run
    ex = run(nlp, "LIBYA / Mahmoud Jibril / Frozen Assets\n\nCritics on Capitol Hill said the talks were useless, "
                  "and Human Rights Watch agreed.")
    names = {a.name for a in ex.actors}
    assert "Human Rights Watch" in names
    assert not [n for n in names if "/" in n or n == "Capitol Hill"]


def test_mentions_index_most_named_orders_by_count_then_name():
    from rightsgraph.nlp.mention import Mention, MentionIndex
    ms = [Mention(0, 1, "Beijing", "Government", "China"), Mention(2, 3, "Washington", "Government", "United States"),
          Mention(4, 5, "China", "Government", "China"), Mention(6, 7, "Tokyo", "Government", "Japan"),
          Mention(8, 9, "Posner", "Person", "Michael Posner")]
    assert MentionIndex(ms).most_named("Government") == ["China", "Japan", "United States"]


@pytest.mark.parametrize(("text", "name", "role"), [
    # the NER took the capitalised title into the name: it is still the title
    ("On Monday, Foreign Ministry Spokesman Zhou Ping hosted the regular press conference.", "Zhou Ping",
     "Foreign Ministry Spokesman"),
    # not a sentence's first word, nor across the sentence before, nor an honorific
    ("The talks changed little in China's practices. As Mr. Hale put it, the dialogue is one tool.", "Hale", "Mr."),
])
def test_mentions_the_title_printed_before_a_name(nlp, text, name, role):
    doc = nlp(text)
    found = [m for m in find_mentions(doc, load_knowledge()) if m.kind == "Person"]
    assert [(m.canonical, m.role) for m in found] == [(name, role)]


def test_mentions_a_fuller_form_in_the_header_is_an_alias(nlp):
    """The header lines are not parsed; a person's fuller form printed there ('Tom R. Hale' above the
    transcript of 'Tom Hale') is one of the person's names."""
    from rightsgraph.model import Article
    from rightsgraph.nlp import extract

    body = "Tom Hale said the human rights dialogue was useful."
    x = extract(nlp, Article(id="t", title="Briefing", body=body, header=("Tom R. Hale", "Assistant Secretary")))
    assert "Tom R. Hale" in aliases(x)["Tom Hale"]


@pytest.mark.parametrize(("text", "name"), [
    ("Assistant Secretary of State for Democracy, Human Rights and Labor Emory W. Becker will lead the U.S. "
     "delegation to the U.S.-China Human Rights Dialogue, to be held in Beijing.", "Emory W. Becker"),
    ("Secretary of State Dana K. Merrill will lead the talks.", "Dana K. Merrill"),
])
def test_mentions_a_first_name_the_ner_left_before_an_initial(nlp, text, name):
    doc = nlp(text)
    assert name in {m.canonical for m in find_mentions(doc, load_knowledge()) if m.kind == "Person"}


def test_mentions_an_honorific_the_ner_took_into_a_name_at_the_text_start_is_no_title(nlp):
    """`own` is where the NER's entity began; an entity opening the text begins at 0, which is a
    position like any other ('Mr. Hale' whose entity holds 'Mr.' has no title)."""
    from rightsgraph.nlp.mentions import _title_before

    doc = nlp("Mr. Hale said the talks were useful.")
    assert _title_before(doc, 1, own=0) is None
    assert _title_before(doc, 1) == "Mr."  # printed before an entity that does not hold it: as before


def test_mentions_an_organisation_word_the_ner_missed_stands_for_the_organisation(nlp):
    """'The Commission demanded …' with no entity on 'Commission': it is the commission named before;
    the start of a longer name, or a word no named body holds, is left alone."""
    from rightsgraph.nlp.mentions import Mention, _bare_org_words

    words = frozenset(load_knowledge().lexicon["org_words"])
    doc = nlp("The Joint Commission on Lawyers met. The Commission demanded answers. The Committee on Rights "
              "spoke. The Council agreed.")
    named = Mention(1, 5, "Joint Commission on Lawyers", "Organization", "Joint Commission on Lawyers")
    mentions = [named]
    _bare_org_words(doc, mentions, words)
    found = {(doc[m.start].text, m.start, m.canonical) for m in mentions if m is not named}
    assert found == {("Commission", 8, "Joint Commission on Lawyers")}


@pytest.mark.parametrize(("text", "names"), [
    # an issue or government word opening an organisation's name does not cut it
    ("Tom Hale met representatives of the Uyghur Human Rights Project on Monday.", {"Uyghur Human Rights Project"}),
    ("Li Ming, a professor at George Washington University, said the talks were useful.",
     {"George Washington University"}),
    # a gazetteer body with a country code after it is a body of its own
    ("Tom Hale met representatives of Amnesty International USA on Monday.", {"Amnesty International USA"}),
    # an issue word alone stays an issue
    ("Tom Hale raised Tibet and religious freedom with the Chinese side on Monday.", set()),
])
def test_mentions_organisation_names_the_gazetteer_words_cut(nlp, text, names):
    found = {m.text for m in find_mentions(nlp(text), load_knowledge()) if m.kind == "Organization"}
    assert names <= found
    assert not {"Human Rights Project", "Washington University", "Amnesty International"} & found


@pytest.mark.parametrize("text", [
    "The Harbor Rights Network urged Washington to act.",  # the NER's LAW
    "A report by the Lantern Foundation named the lawyers.",
])
def test_mentions_an_organisation_name_the_ner_mislabelled_is_an_organisation(nlp, text):
    from rightsgraph.nlp.knowledge import load_knowledge
    from rightsgraph.nlp.mentions import find_mentions
    found = {(m.text, m.kind) for m in find_mentions(nlp(text), load_knowledge())}
    assert any(kind == "Organization" and name.endswith(("Network", "Foundation")) for name, kind in found)


@pytest.mark.parametrize(("text", "org"), [
    ("Dana Whitlock of the Washington-based Campaign for Prisoners of Conscience spoke.",
     "Campaign for Prisoners of Conscience"),  # the NER's issue ends the name
    ("The Center for Religious Freedom said the lawyers were held.", "Center for Religious Freedom"),
    ("The Asia Foundation for Tibet said so.", "Asia Foundation for Tibet"),
])
def test_mentions_an_organisation_named_for_an_issue(nlp, text, org):
    from rightsgraph.nlp.knowledge import load_knowledge
    from rightsgraph.nlp.mentions import find_mentions
    found = [(m.text, m.kind) for m in find_mentions(nlp(text), load_knowledge()) if m.kind == "Organization"]
    assert found == [(org, "Organization")]


@pytest.mark.parametrize("text", [
    "A report of Human Rights Watch on Torture came out.",  # a gazetteer name is whole
    "The delegation sought a visit by the Working Group on Arbitrary Detention.",  # 'on': the issue stays
])
def test_mentions_an_issue_after_an_organisation_word_stays_an_issue(nlp, text):
    from rightsgraph.nlp.knowledge import load_knowledge
    from rightsgraph.nlp.mentions import find_mentions
    assert any(m.kind == "Issue" for m in find_mentions(nlp(text), load_knowledge()))


@pytest.mark.parametrize(("text", "kept"), [
    # a named institution in no fact is still an actor
    ("Ni Yulan was sentenced in April. The Xicheng District Court gave no reason.", True),
    ("The Harbor Committee on Asian Affairs held a hearing on Tuesday.", True),
    # a passing name that is no institution's is not
    ("The talks took place near Beijing Capital International on Monday.", False),
    ("Listeners of the Mandarin Service heard little about the talks.", False),
])
def test_mentions_an_organisation_in_no_fact_is_an_actor_only_when_named_as_an_institution(nlp, text, kept):
    found = {name for name, kind in actors(run(nlp, text)) if kind == "Organization"}
    assert bool(found - {"China", "United States"}) == kept, found


@pytest.mark.parametrize(("text", "government"), [
    ("Japan urged China to free the detained lawyers.", "Japan"),  # acts: a government
    ("The talks were held in Geneva on Monday.", None),  # a place
    ("The Geneva session ended early.", None),  # a modifier
])
def test_mentions_a_country_the_gazetteer_does_not_know_is_a_government_where_it_acts(nlp, text, government):
    found = {name for name, kind in actors(run(nlp, text)) if kind == "Organization"} - {"China", "United States"}
    assert found == ({government} if government else set())
