"""relations: memberOf, leads, metWith, relativeOf, urges, detainedBy (nlp/relations.py, nlp/derived.py), raised
(nlp/raised.py), criticizes/defends."""

from __future__ import annotations

import pytest

from nlp_helpers import DIALOGUE, cases, raised_by, relations, release, run
from rightsgraph.model import Article
from rightsgraph.nlp import extract

SYMMETRIC = {"metWith", "relativeOf"}


def _facts(nlp, text: str) -> set[tuple[str, str, str]]:
    """Relations as triples; symmetric predicates in both directions."""
    found = set(relations(run(nlp, text)))
    return found | {(o, p, s) for s, p, o in found if p in SYMMETRIC}


def _xfail(text: str, expected: tuple[str, str, str], reason: str):
    return pytest.param(text, expected, marks=pytest.mark.xfail(reason=reason, strict=True))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # memberOf
        (
            "Wang Songlian, research coordinator at Chinese Human Rights Defenders, spoke to reporters.",
            ("Wang Songlian", "memberOf", "Chinese Human Rights Defenders"),
        ),
        (
            "Human Rights Watch's Maya Wang spoke to reporters.",
            ("Maya Wang", "memberOf", "Human Rights Watch"),
        ),
        (
            "Nicholas Bequelin of Amnesty International spoke to reporters.",
            ("Nicholas Bequelin", "memberOf", "Amnesty International"),
        ),
        (
            "State Department spokesperson Ned Price took questions.",
            ("Ned Price", "memberOf", "U.S. Department of State"),
        ),
        (
            "Amnesty International spokesperson Joe Smith took questions.",
            ("Joe Smith", "memberOf", "Amnesty International"),
        ),
        # leads
        ("The U.S. delegation was led by Uzra Zeya.", ("Uzra Zeya", "leads", "U.S. delegation")),
        ("Freedom House, led by Mark Lagon, issued a statement.", ("Mark Lagon", "leads", "Freedom House")),
        ("Kenneth Roth heads Human Rights Watch.", ("Kenneth Roth", "leads", "Human Rights Watch")),
        (
            "Kenneth Roth, the head of Human Rights Watch, issued a statement.",
            ("Kenneth Roth", "leads", "Human Rights Watch"),
        ),
        pytest.param(
            "Kenneth Roth, executive director of Human Rights Watch, issued a statement.",
            ("Kenneth Roth", "leads", "Human Rights Watch"),
        ),
        # metWith
        ("Michael Posner met with Chen Xu on Tuesday.", ("Michael Posner", "metWith", "Chen Xu")),
        ("Kerry and Wang Yi met in Beijing on Saturday.", ("John Kerry", "metWith", "Wang Yi")),
        ("Uzra Zeya held talks with Li Junhua in Kunming.", ("Uzra Zeya", "metWith", "Li Junhua")),
        # relativeOf
        ("Liu Xiaobo's wife, Liu Xia, testified before Congress.", ("Liu Xia", "relativeOf", "Liu Xiaobo")),
        (
            "Chen Guangfu, Chen Guangcheng's brother, told reporters he was worried.",
            ("Chen Guangfu", "relativeOf", "Chen Guangcheng"),
        ),
        # urges
        (
            "Human Rights Watch called on the United States to suspend the talks.",
            ("Human Rights Watch", "urges", "United States"),
        ),
        (
            "Amnesty International urged China to release the lawyers.",
            ("Amnesty International", "urges", "China"),
        ),
        (
            "Senator Marco Rubio wants the State Department to raise more cases.",
            ("Marco Rubio", "urges", "U.S. Department of State"),
        ),
        _xfail(
            "Amnesty International appealed to Beijing to free the lawyers.",
            ("Amnesty International", "urges", "China"),
            "nothing: 'appeal' takes the prep 'to', and the rule only reads on/upon/for",
        ),
        # detainedBy
        (
            "The lawyer Wang Quanzhang was detained by Chinese police in August.",
            ("Wang Quanzhang", "detainedBy", "China"),
        ),
        (
            "The blogger Zhou Ming disappeared after Chinese police visited his home.",
            ("Zhou Ming", "detainedBy", "China"),
        ),
        pytest.param(
            "U.S. officials condemned the detention of Wang Yu by Chinese authorities.",
            ("Wang Yu", "detainedBy", "China"),
        ),
        # raised
        (
            "Zeya raised the case of Ilham Tohti with Chinese officials.",
            ("Uzra Zeya", "raised", "Ilham Tohti"),
        ),
        (
            "Michael Posner also discussed Internet freedom with his counterparts.",
            ("Michael Posner", "raised", "Internet freedom"),
        ),
        pytest.param(
            "Amnesty International called for the release of Wu Gan.", ("Amnesty International", "raised", "Wu Gan")
        ),
        # a raise verb's own particle is not a partner: "pointed to X", "singled out", "appealed for"
        ("The lawyer Wang Bo pointed to the case of Zhou Lin.", ("Wang Bo", "raised", "Zhou Lin")),
        ("Senator Ann Hale pointed in particular to Zhou Lin, a lawyer held in Hunan.",
         ("Ann Hale", "raised", "Zhou Lin")),
        ("Amnesty International singled out the case of Zhou Lin.", ("Amnesty International", "raised", "Zhou Lin")),
        ("Amnesty International appealed for the release of Zhou Lin.",
         ("Amnesty International", "raised", "Zhou Lin")),
        # "A and B urged him": him is the addressee, not one of the urgers
        ("In a letter to Secretary of State Mark Evans, Senator Gail Pruitt and Representative Tom Harlan urged him "
         "to raise the case of Zhou Lin.", ("Tom Harlan", "urges", "Mark Evans")),
        # criticizes / defends the dialogue, from statement stance
        (
            "Kenneth Roth said the dialogue had become a toothless ritual.",
            ("Kenneth Roth", "criticizes", DIALOGUE),
        ),
        ("Li Junhua said the talks were candid and constructive.", ("Li Junhua", "defends", DIALOGUE)),
    ],
)
def test_relations_found(nlp, text, expected):
    assert expected in _facts(nlp, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Sophie Richardson, China director at Human Rights Watch, wrote a letter.",
            ("Sophie Richardson", "memberOf", "China"),
        ),
        pytest.param(
            "Zeya raised the case of Ilham Tohti with Chinese officials.", ("Ilham Tohti", "memberOf", "China")
        ),
        pytest.param(
            "Amnesty International called for the release of Wu Gan.", ("Amnesty International", "urges", "Wu Gan")
        ),
        ("Chinese authorities released Tashi Dorje on bail.", ("Tashi Dorje", "detainedBy", "China")),
        (
            "Li Junhua said the talks were held in Kunming again this year.",
            ("Li Junhua", "defends", DIALOGUE),
        ),
        (  # the organisation before a verb is not the title's: Kerry is not a member of HRW
            "Human Rights Watch urged Secretary of State John Kerry to press for the release of Li Wen.",
            ("John Kerry", "memberOf", "Human Rights Watch"),
        ),
        ("In a letter to Secretary of State Mark Evans, Senator Gail Pruitt and Representative Tom Harlan urged him "
         "to raise the case of Zhou Lin.", ("Gail Pruitt", "urges", "Tom Harlan")),
        ("Ambassador Ann Hale spoke to Zhou Lin's lawyer.", ("Ann Hale", "raised", "Zhou Lin")),
    ],
)
def test_relations_not_found(nlp, text, expected):
    assert expected not in _facts(nlp, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Human Rights Watch issued a statement. Brad Adams, the group's Asia director, criticized the talks.",
            ("Brad Adams", "memberOf", "Human Rights Watch"),
        ),
        ("Bob Fu, who heads the Texas-based group ChinaAid, spoke on Monday.", ("Bob Fu", "leads", "ChinaAid")),
        (
            "The U.S. delegation raised the case of the detained lawyer Wang Yu.",
            ("U.S. delegation", "raised", "Wang Yu"),
        ),
        (
            "The U.S. delegation raised the case of the detained lawyer Wang Yu.",
            ("United States", "raised", "Wang Yu"),
        ),
    ],
)
def test_relations_anaphors_relatives_and_delegations(nlp, text, expected):
    assert expected in relations(run(nlp, text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The artist Ai Weiwei was detained in April. Ai, 53, was taken into custody at the airport. "
            "His wife, Lu Qing, said officers refused to let her see him.",
            ("Lu Qing", "relativeOf", "Ai Weiwei"),
        ),
        (
            "He also raised Liu Xia, the wife of Liu Xiaobo, who has been confined to her apartment, "
            "and her brother, Liu Hui, who was sentenced in June.",
            ("Liu Hui", "relativeOf", "Liu Xia"),
        ),
    ],
)
def test_relations_kinship_through_pronouns(nlp, text, expected):
    facts = relations(run(nlp, text))
    assert expected in facts or (expected[2], expected[1], expected[0]) in facts


def test_relations_relative_who_speaks_raises_the_case(nlp):
    text = ("The lawyer Gao Zhisheng has been missing since April. His brother, Gao Zhiyi, said police "
            "had told the family nothing and that the authorities must release him.")
    assert ("Gao Zhiyi", "raised", "Gao Zhisheng") in relations(run(nlp, text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Uzra Zeya sat down with Li Junhua of the Chinese Foreign Ministry for two days of talks.",
         ("Uzra Zeya", "metWith", "Li Junhua")),
        ("Tom Malinowski held separate talks with Zheng Zeguang on Thursday.",
         ("Tom Malinowski", "metWith", "Zheng Zeguang")),
        ("Michael Posner had a meeting with Chen Xu on Monday.", ("Michael Posner", "metWith", "Chen Xu")),
    ],
)
def test_relations_meetings_in_other_words(nlp, text, expected):
    facts = relations(run(nlp, text))
    assert expected in facts or (expected[2], expected[1], expected[0]) in facts


def test_relations_a_subject_ends_at_its_verb(nlp):
    """spaCy reads 'the rule of law and the cases of A and B' as an apposition of 'sides': the
    people named after the verb are what was discussed, not who discussed it."""
    x = run(nlp, "The two sides discussed freedom of religion, the rule of law and the cases of "
                 "Gao Zhisheng and Chen Guangcheng.")
    assert [r for r in relations(x) if r[0] in ("Gao Zhisheng", "Chen Guangcheng")] == []


def test_relations_pressing_someone_on_a_case_does_not_urge_the_case(nlp):
    x = run(nlp, "Ortiz said she pressed her counterpart on the case of Gao Wen.")
    assert [r for r in relations(x) if r[1] == "urges"] == []
    called = run(nlp, "Senator Marco Rubio called on Secretary of State John Kerry to press Beijing.")
    assert ("Marco Rubio", "urges", "John Kerry") in relations(called)


def test_relations_every_rule_has_the_one_signature(nlp):
    """Each registered rule runs on its own with (doc, mentions, knowledge, speakers)."""
    from rightsgraph.nlp.knowledge import load_knowledge
    from rightsgraph.nlp.mentions import MentionIndex, find_mentions
    from rightsgraph.nlp.relations import RULES
    from rightsgraph.nlp.speakers import SpeakerResolver
    from rightsgraph.nlp.textspans import quoted_tokens

    doc = nlp("Posner met Chen Xu. Li Na, the sister of jailed activist Li Ping, spoke. Human Rights Watch urged "
              "Washington to act. Sophie Richardson, China director at Human Rights Watch, spoke.")
    k = load_knowledge()
    index = MentionIndex(find_mentions(doc, k))
    speakers = SpeakerResolver(doc, index, k, quoted_tokens(doc))
    found = {rule.__name__: {(s, p, o) for s, p, o, *_ in rule(doc, index, k, speakers)} for rule in RULES}
    assert ("Li Na", "relativeOf", "Li Ping") in found["kinship"]
    assert ("Human Rights Watch", "urges", "United States") in found["urging"]
    assert ("Sophie Richardson", "memberOf", "Human Rights Watch") in found["membership"]
    assert any(p == "metWith" for _s, p, _o in found["meetings"])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # the bare "the delegation" is the delegation named last
            "The U.S. delegation arrived on Monday. The delegation also raised the cases of the lawyer Zhang Wei, "
            "who has been held since May; the journalist Li Ming, who was sentenced in April; and the scholar "
            "Wu Fang.",
            {("U.S. delegation", "raised", n) for n in ("Zhang Wei", "Li Ming", "Wu Fang")},
        ),
        (  # semicolon items with their own clauses, whatever the parse makes of them; the person, not "Tibetan"
            "The U.S. delegation arrived on Monday. The delegation also raised the cases of the activist Zhang Wei, "
            "who has been in detention since August of last year; the veteran blogger Li Ming, who was sentenced "
            "in June to eight years in prison; and the Mongolian poet Wu Fang, who is serving a life sentence.",
            {(s, "raised", n) for s in ("U.S. delegation", "United States")
             for n in ("Zhang Wei", "Li Ming", "Wu Fang")},
        ),
        (  # the owner of a plight is the case ("A's detention"); a list the parse cut short goes on
            "The U.S. delegation arrived on Monday. Acting Assistant Secretary Mary Hale told the panel that the "
            "delegation had raised Zhang Wei's detention, Li Ming's imprisonment and the treatment of the lawyer "
            "Wu Fang.",
            {(s, "raised", n) for s in ("U.S. delegation", "United States")
             for n in ("Zhang Wei", "Li Ming", "Wu Fang")},
        ),
        (  # what the urger asks for names the cases it raised; the one urged raised nothing
            "The United States calls on the Chinese government to release Zhang Wei and to lift the house arrest "
            "of his wife, Li Ming.",
            {("United States", "raised", "Zhang Wei"), ("United States", "raised", "Li Ming")},
        ),
        (
            "Senator Tom Hale urged the administration to suspend the talks until China frees its political "
            "prisoners.",
            {("Tom Hale", "raised", "Political prisoners")},
        ),
        (  # concern about / over / by
            "Amnesty International expressed concern over the detention of Zhang Wei.",
            {("Amnesty International", "raised", "Zhang Wei")},
        ),
        (
            "Human Rights Watch said on Monday. The group remains deeply concerned about Wu Fang, whose "
            "whereabouts are unknown.",
            {("Human Rights Watch", "raised", "Wu Fang")},
        ),
    ],
)
def test_relations_raised_from_delegations_urging_and_concern(nlp, text, expected):
    assert expected <= set(relations(run(nlp, text)))


def test_relations_a_semicolon_list_ends_where_its_items_stop_naming_cases(nlp):
    text = ("The U.S. delegation raised the case of Zhang Wei; the talks then turned to trade; and Li Ming "
            "spoke to reporters.")
    raised = {o for s, p, o in relations(run(nlp, text)) if p == "raised"}
    assert raised == {"Zhang Wei"}


@pytest.mark.parametrize(
    "text",
    [
        # a question asks, it does not assert that anyone raised anything
        "The U.S. delegation arrived on Monday. QUESTION: Will the delegation raise the case of Zhang Wei?",
        "Did the U.S. delegation raise the case of Zhang Wei?",
        # the possessor of a concern's object is not raised: Li Ming's lawyer is
        "The U.S. delegation expressed concern about Li Ming's lawyer, Wu Fang.",
    ],
)
def test_relations_questions_and_possessors_raise_nothing(nlp, text):
    raised = {(s, o) for s, p, o in relations(run(nlp, text)) if p == "raised"}
    assert not {o for _s, o in raised} & ({"Zhang Wei"} if "Zhang" in text else {"Li Ming"})


@pytest.mark.parametrize(
    ("text", "expected", "present"),
    [
        ("Hong Lei told reporters that the United States should reflect on its own problems.",
         ("Hong Lei", "urges", "United States"), True),
        ("Frank Hale said the administration must not let the talks become a ritual.",
         ("Frank Hale", "urges", "United States"), True),
        ('Qin Gang said: "We hope the US side will stop interfering in our internal affairs."',
         ("Qin Gang", "urges", "United States"), True),
        # a speaker's own government is not urged by what it "should" do
        ("Assistant Secretary of State Michael Posner said the United States should keep raising these cases.",
         ("Michael Posner", "urges", "United States"), False),
        # a modal outside anyone's words urges nothing
        ("The United States should keep raising these cases, the editorial board of a newspaper wrote.",
         ("United States", "urges", "United States"), False),
    ],
)
def test_relations_should_and_must_in_what_a_speaker_says_urge(nlp, text, expected, present):
    assert (expected in relations(run(nlp, text))) is present


def test_relations_an_official_named_with_an_office_is_not_a_raised_case(nlp):
    text = ("The U.S. delegation raised Zhang Wei and Vice Premier Li Ming, and urged Premier Wu Fang to "
            "release the lawyer Chen Hao.")
    ex = run(nlp, text)
    raised = {o for s, p, o in relations(ex) if p == "raised" and s == "U.S. delegation"}
    assert raised == {"Zhang Wei", "Chen Hao"}
    assert {c[0] for c in cases(ex) if c[1] == "Person"} == {"Zhang Wei", "Chen Hao"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Li Wen, director of the Office of Legal Affairs of the Ministry of Justice, spoke.",
         ("Office of Legal Affairs", "memberOf", "Ministry of Justice")),
        ("Li Wen, who heads the Foreign Ministry's Department of International Organizations and Conferences, "
         "spoke.", ("Department of International Organizations and Conferences", "memberOf",
                    "Chinese Ministry of Foreign Affairs")),
        ("An official of the Bureau of Democracy, Human Rights, and Labor at the State Department spoke.",
         ("Bureau of Democracy, Human Rights, and Labor", "memberOf", "U.S. Department of State")),
    ],
)
def test_relations_a_unit_belongs_to_the_organisation_named_with_it(nlp, text, expected):
    assert expected in relations(run(nlp, text))


def test_relations_an_organisation_in_a_place_is_not_its_unit(nlp):
    text = "Sophie Lam of Human Rights Watch in Hong Kong said the talks had failed."
    assert not [r for r in relations(run(nlp, text)) if r[0] == "Human Rights Watch" and r[1] == "memberOf"]


def test_relations_a_group_of_people_held_is_detained_by_the_government(nlp):
    text = "The United States urged China to free its political prisoners, and Beijing refused."
    assert ("Political prisoners", "detainedBy", "China") in relations(run(nlp, text))
    # an issue that is not a group of people held is detained by no one
    text = "The United States raised religious freedom with China."
    assert not [r for r in relations(run(nlp, text)) if r[1] == "detainedBy"]


@pytest.mark.parametrize(("text", "expected", "present"), [
    ("Posner and his Chinese counterpart, Chen Xu, opened the talks on Tuesday.",
     ("Michael Posner", "metWith", "Chen Xu"), True),
    ("Assistant Secretary Tom Hale spoke first. His counterpart, Li Wen of the Foreign Ministry, replied.",
     ("Tom Hale", "metWith", "Li Wen"), True),
    # the heads of the two delegations met ...
    ("The U.S. delegation was led by Tom Hale. The Chinese delegation, headed by Li Wen, arrived on Monday.",
     ("Tom Hale", "metWith", "Li Wen"), True),
    # ... but an announcement of who will lead them is not a meeting
    ("Tom Hale will lead the U.S. delegation, and Li Wen will head the Chinese delegation.",
     ("Tom Hale", "metWith", "Li Wen"), False),
    # "the Chinese side" is the gazetteer's Chinese delegation
    ("Li Wen headed the Chinese side.", ("Li Wen", "leads", "Chinese delegation"), True),
])
def test_relations_counterparts_and_delegation_heads_meet(nlp, text, expected, present):
    assert (expected in _facts(nlp, text)) is present


def test_relations_we_in_a_briefing_turn_is_its_speaker(nlp):
    text = ("Assistant Secretary Tom Hale briefed reporters.\n\n"
            "ASSISTANT SECRETARY HALE: We raised with China a long list of cases, including the lawyer Zhang Wei, "
            "who was taken in July; the journalist Chen Hao, who was sentenced in April; and the scholar Sun Lei.")
    raised = {o for s, p, o in relations(run(nlp, text)) if p == "raised" and s == "Tom Hale"}
    assert raised == {"Zhang Wei", "Chen Hao", "Sun Lei"}


def test_relations_we_in_a_department_transcript_is_the_turn_speaker_not_the_department(nlp):
    """A named official's 'we raised' in the department's own transcript: the official raised the cases,
    and the government he serves did (not the department as a voice of its own)."""
    body = ("Tom Hale, Assistant Secretary of State for Democracy, Human Rights, and Labor\n\n"
            "ASSISTANT SECRETARY HALE: We raised the cases of the lawyer Zhang Wei and the scholar Sun Lei.")
    ex = extract(nlp, Article(id="t", title="Briefing on the Human Rights Dialogue", body=body,
                              voice="U.S. Department of State"))
    raised = {(s, o) for s, p, o in relations(ex) if p == "raised"}
    assert {("Tom Hale", "Zhang Wei"), ("Tom Hale", "Sun Lei"), ("United States", "Zhang Wei")} <= raised
    assert not [r for r in raised if r[0] == "U.S. Department of State"]


def test_relations_joint_speakers_and_the_plural_that_stands_for_them(nlp):
    text = ("WASHINGTON — Senator Tom Hale and Representative Ann Berg today called on the administration to "
            "press China. In a letter, the two lawmakers asked that the delegation raise the case of Zhang Wei. "
            "The lawmakers also urged the administration to raise the situation in Tibet.")
    found = set(relations(run(nlp, text)))
    for person in ("Tom Hale", "Ann Berg"):
        assert {(person, "urges", "United States"), (person, "raised", "Zhang Wei"),
                (person, "raised", "Tibet")} <= found
    assert not [r for r in found if r[0] == "Zhang Wei"]  # a case the lawmakers named did not urge anyone


def test_relations_a_capitalised_plural_title_stands_for_the_pair_named_before(nlp):
    """'The two Commissioners' (tagged NNPS, its lemma left plural) is the chair and cochair named
    before, and so is the letter they sent."""
    text = ("Representative Tom Hale, Chairman of the Commission, and Senator Ann Berg, the Commission's "
            "Cochairman, spoke on Monday. In a letter sent Thursday to the Secretary of State, the two "
            "Commissioners urged the State Department to press for Zhang Wei's release. The letter also asks "
            "the Department to raise the case of Li Ming.")
    found = set(relations(run(nlp, text)))
    for person in ("Tom Hale", "Ann Berg"):
        assert {(person, "urges", "U.S. Department of State"), (person, "raised", "Zhang Wei"),
                (person, "raised", "Li Ming")} <= found


@pytest.mark.parametrize(("text", "expected"), [
    ("Senator Tom Hale, chairman of the Rights Commission, and Representative Ann Berg, the commission's "
     "cochairman, wrote to the Secretary.", ("Ann Berg", "leads", "Rights Commission")),
    ("Human Rights Watch issued a statement. Ken Lo, the group's executive director, criticized the talks.",
     ("Ken Lo", "leads", "Human Rights Watch")),
])
def test_relations_a_head_title_with_a_possessive_leads(nlp, text, expected):
    assert expected in relations(run(nlp, text))


@pytest.mark.parametrize(("text", "head", "body", "member"), [
    # the head of a body is one of its members, told by a verb, a relative clause on an appositive, a title
    ("Mary Lane, the Ohio Democrat who chairs the Subcommittee on Human Rights and Global Health, opened "
     "the hearing.", "Mary Lane", "Subcommittee on Human Rights and Global Health", True),
    ("Tom Hale, who heads the Texas-based rights group ChinaAid, urged Washington to act.",
     "Tom Hale", "ChinaAid", True),
    ("John Reed, the co-chairman of the Lantern Human Rights Commission, said the talks had stalled.",
     "John Reed", "Lantern Human Rights Commission", True),
    # the head of a delegation is not thereby a member of it
    ("Michael Hale, who led the U.S. delegation, spoke to reporters.", "Michael Hale", "U.S. delegation", False),
])
def test_relations_the_head_of_a_body_is_a_member(nlp, text, head, body, member):
    found = set(relations(run(nlp, text)))
    assert (head, "leads", body) in found
    assert ((head, "memberOf", body) in found) is member


@pytest.mark.parametrize(("text", "expected"), [
    # a name the parse split at its commas still belongs to the phrase it starts in
    ("Acting Assistant Secretary Ann Berg of the Bureau of Democracy, Human Rights, and Labor spoke today.",
     ("Ann Berg", "memberOf", "Bureau of Democracy, Human Rights, and Labor")),
    # an appositive title with no organisation named: the office the title belongs to
    ("Tom Hale, the deputy assistant secretary of state who helped prepare the talks, said they were useful.",
     ("Tom Hale", "memberOf", "U.S. Department of State")),
])
def test_relations_membership_from_split_names_and_appositive_offices(nlp, text, expected):
    assert expected in relations(run(nlp, text))


def test_relations_an_urged_pronoun_is_the_person_named_before_it(nlp):
    text = "Li Ming said she had written to Assistant Secretary Tom Hale asking him to raise the case."
    assert ("Li Ming", "urges", "Tom Hale") in relations(run(nlp, text))
    assert not [r for r in relations(run(nlp, "Li Ming urged him to act.")) if r[1] == "urges"]


def test_relations_a_list_after_a_colon_names_the_cases_its_speaker_raised(nlp):
    text = ("Among those Amnesty International is calling on the US delegation to raise are:\n\n"
            "Zhang Wei, the artist, who was taken away by police on 3 April;\n\n"
            "- Li Ming, the lawyer, who has not been heard from since April 2010;\n\n"
            "Wu Fang, the wife of an imprisoned writer, who has been confined to her apartment.\n\n"
            "The list is not exhaustive, said Chen Hao, a spokesman.")
    raised = {o for s, p, o in relations(run(nlp, text)) if p == "raised" and s == "Amnesty International"}
    assert raised == {"Zhang Wei", "Li Ming", "Wu Fang"}  # the list ends where its items do


def test_relations_a_list_of_lines_after_a_colon_names_every_line_s_person(nlp):
    """Items on single lines, each opening with its person, whatever issue its description names."""
    text = ("Rep. Tom Hale (R-OH) today urged the Secretary to press China.\n\n"
            "Hale also asked that the U.S. delegation raise the following cases by name:\n\n"
            "- Zhang Wei, a writer sentenced in May to nine years in prison;\n"
            "- Li Ming, the Tibetan singer serving a sentence of four years;\n"
            "- Bishop Wu Fang of Hebei, a Catholic prelate who has not been seen since 1999.\n\n"
            "The letter was also sent to the White House.")
    found = relations(run(nlp, text))
    assert {o for s, p, o in found if p == "raised" and s == "Tom Hale"} == {"Zhang Wei", "Li Ming", "Wu Fang"}
    # a lawmaker's request is not the government raising anything
    assert not [r for r in found if r[0] == "United States" and r[1] == "raised"]


@pytest.mark.parametrize(("text", "government_raised"), [
    ("Rep. Tom Hale raised the case of Zhang Wei with Chinese officials.", False),
    ("Senator Tom Hale raised the case of Zhang Wei with Chinese officials.", False),
    ("Assistant Secretary of State Mary Lane raised the case of Zhang Wei with Chinese officials.", True),
])
def test_relations_what_a_lawmaker_raises_the_government_has_not(nlp, text, government_raised):
    found = relations(run(nlp, text))
    assert (("United States", "raised", "Zhang Wei") in found) is government_raised


def test_relations_a_dateline_city_is_not_the_title_s_organisation(nlp):
    text = "Washington, D.C. – Rep. Tom Hale (R-OH) today urged the Secretary of State to press China."
    assert ("Tom Hale", "memberOf", "United States") not in relations(run(nlp, text))


def test_relations_the_issuer_of_a_release_raised_the_people_of_its_bulleted_list(nlp):
    body = ("Amnesty International is particularly concerned about the following individuals:\n"
            "- Zhang Wei, a lawyer at a Beijing law firm, detained on 10 July.\n"
            "- Li Ming, a journalist sentenced in April to seven years in prison.\n\n"
            "The delegation includes:\n- Tom Hale, Office of the Legal Adviser")
    assert raised_by(release(nlp, body, "Amnesty International"), "Amnesty International") == {"Zhang Wei", "Li Ming"}


def test_relations_the_issuer_of_a_release_raised_the_people_of_its_case_list(nlp):
    body = ("Amnesty International calls on both governments to publish the cases raised.\n\n"
            "Cases of concern\n\n"
            "Zhang Wei — DETAINED. The writer has been held since May.\n\n"
            "Li Ming — IN EXILE. She left for Canada in 2011, and her brother Wu Fang visits her.\n\n")
    raised = raised_by(release(nlp, body, "Amnesty International"), "Amnesty International")
    assert {"Zhang Wei", "Li Ming"} <= raised
    assert "Wu Fang" not in raised  # named in a description, not a line of the list


@pytest.mark.parametrize(("text", "expected"), [
    ("Tom Hale also asked that the U.S. delegation raise the case of Zhang Wei.",
     ("Tom Hale", "urges", "U.S. delegation")),
    ("Tom Hale urged that China release Zhang Wei.", ("Tom Hale", "urges", "China")),
])
def test_relations_an_urge_with_a_that_clause_urges_its_subject(nlp, text, expected):
    assert expected in relations(run(nlp, text))


@pytest.mark.parametrize(("text", "expected"), [
    ("Amnesty International called for the U.S. delegation to raise the case of Zhang Wei.",
     ("Amnesty International", "urges", "U.S. delegation")),
    ("Human Rights Watch is calling for Washington to press Beijing on the cases.",
     ("Human Rights Watch", "urges", "United States")),
])
def test_relations_calling_for_someone_to_act_urges_them(nlp, text, expected):
    assert expected in relations(run(nlp, text))


def test_relations_calling_for_a_release_does_not_urge_the_prisoner(nlp):
    """'called for the release of X, who was sentenced for trying to …': the clause deep in the
    relative clause is X's, not a call on X to act."""
    found = relations(run(nlp, "The State Department has called for the release of Zhang Wei and Li Ming, who were "
                               "sentenced in May for trying to register a party."))
    assert ("U.S. Department of State", "raised", "Zhang Wei") in found
    assert not [r for r in found if r[1] == "urges"]


def test_relations_what_a_speaker_says_the_talks_covered_the_speaker_raised(nlp):
    text = "Spokeswoman Jen Lane said the talks also covered Tibet, religious practice and labor rights."
    raised = {o for s, p, o in relations(run(nlp, text)) if p == "raised" and s == "Jen Lane"}
    assert raised == {"Tibet", "Religious freedom", "Labor rights"}
    # in the narrator's words, or about something other than the talks, nobody raised anything
    for text in ("The talks covered Tibet and labor rights.", "Jen Lane said the report covered Tibet."):
        assert not [r for r in relations(run(nlp, text)) if r[1] == "raised"]


@pytest.mark.parametrize(("text", "raised"), [
    # an issue word describing a person is not an issue raised
    ("The U.S. delegation raised the case of the Uighur scholar Wu Fang.", {"Wu Fang"}),
    ("The U.S. delegation raised the case of Zhang Wei, a Tibetan monk.", {"Zhang Wei"}),
    ("The U.S. delegation raised Uighur rights and the case of Zhang Wei.", {"Ethnic minority rights", "Zhang Wei"}),
])
def test_relations_an_issue_word_describing_a_person_is_not_raised(nlp, text, raised):
    assert {o for s, p, o in relations(run(nlp, text)) if p == "raised" and s == "U.S. delegation"} == raised


@pytest.mark.parametrize(("text", "expected", "absent"), [
    # an official's or a ministry's criticism of the other government is its government's
    ("Foreign Ministry spokesman Qin Gang said the United States should stop interfering in China's "
     "internal affairs.", ("China", "criticizes", "United States"), None),
    ("Assistant Secretary of State Mary Lane condemned China's crackdown on lawyers.",
     ("United States", "criticizes", "China"), None),
    # a lawmaker's criticism is not the government's
    ("Senator Tom Hale condemned China's crackdown on lawyers.", ("Tom Hale", "criticizes", "China"),
     ("United States", "criticizes", "China")),
])
def test_relations_a_government_criticizes_what_its_officials_criticize(nlp, text, expected, absent):
    found = set(relations(run(nlp, text)))
    assert expected in found
    assert absent is None or absent not in found


def test_relations_i_in_a_briefing_turn_met_whom_its_speaker_held_talks_with(nlp):
    body = ("Special Briefing\nMary Lane, Assistant Secretary of State for Democracy, Human Rights, and Labor\n\n"
            "ASSISTANT SECRETARY LANE: We spent two days with the Chinese delegation. I also held talks "
            "separately with Assistant Foreign Minister Zhou Ping on Thursday afternoon.")
    ex = extract(nlp, Article(id="t", title="Briefing on the Human Rights Dialogue", body=body,
                              voice="U.S. Department of State"))
    found = relations(ex)
    assert ("Mary Lane", "metWith", "Zhou Ping") in found  # the turn's speaker, not the department
    assert not [r for r in found if r[0] == "U.S. Department of State" and r[1] == "metWith"]


def test_relations_who_holds_talks_is_not_held(nlp):
    ex = run(nlp, "Mary Lane held talks with Vice Premier Zhou Ping on Monday. Police held Zhang Wei for two days.")
    assert ("Mary Lane", "metWith", "Zhou Ping") in relations(ex)
    assert {c[0]: c[2] for c in cases(ex)} == {"Zhang Wei": "detained"}


def test_relations_an_urger_the_parse_lost_to_a_fronted_phrase(nlp):
    """'Among those X is calling on Y to raise are:' reads as 'among those X': X is still the urger."""
    for text, urger in (
            ("The organization said the talks open on Monday.\n\nAmong those Amnesty International is calling on "
             "the US delegation to raise are:\n\nZhang Wei, the artist.", "Amnesty International"),
            ("Among those Human Rights Watch is urging the U.S. delegation to raise are:\n\nZhang Wei, the artist.",
             "Human Rights Watch")):
        ex = extract(nlp, Article(id="t", title="Release", body=text, voice=urger))
        assert (urger, "urges", "U.S. delegation") in relations(ex)


@pytest.mark.parametrize(("text", "criticizes_china"), [
    # an advocate decrying detentions without naming who does them criticizes the detaining state
    ("China hosts the talks this week. Human Rights Watch said scores of activists have been detained or "
     "made to disappear since February.", True),
    # a foreign lawmaker or official decrying them does too
    ("China hosts the talks this week. Senator Tom Hale said scores of activists have been detained or "
     "made to disappear since February.", True),
    # not the detaining government's own official
    ("China hosts the talks this week. Foreign Ministry spokesman Qin Gang said scores of activists have been "
     "detained or made to disappear since February.", False),
    # nor when the article never names the state
    ("Human Rights Watch said scores of activists have been detained since February.", False),
])
def test_relations_one_decrying_detentions_criticizes_the_detaining_state(nlp, text, criticizes_china):
    found = relations(run(nlp, text))
    assert ([r for r in found if r[1] == "criticizes" and r[2] == "China" and r[0] != "United States"] != []) \
        is criticizes_china


@pytest.mark.parametrize(("text", "expected", "absent"), [
    # Beijing's rebuttal of foreign critics criticizes the other government of the article, named or not
    ("The United States hosted the talks. Foreign Ministry spokesman Qin Gang said China opposes any attempt "
     "to interfere in China's internal affairs.", ("Qin Gang", "criticizes", "United States"),
     ("Qin Gang", "criticizes", "China")),
    # the same words from an advocate are not Beijing's rebuttal
    ("The United States hosted the talks. Human Rights Watch said China uses the pretext of security to "
     "detain lawyers.", None, ("Human Rights Watch", "criticizes", "United States")),
])
def test_relations_a_rebuttal_for_beijing_criticizes_the_other_government(nlp, text, expected, absent):
    found = set(relations(run(nlp, text)))
    assert expected is None or expected in found
    assert absent not in found


@pytest.mark.parametrize(("text", "expected", "absent"), [
    # the title printed before the name and a comma
    ("Amnesty International's Asia director, Mei Tan, said the talks were useless.",
     ("Mei Tan", "memberOf", "Amnesty International"), ("Mei Tan", "leads", "Amnesty International")),
    ("Amnesty International's executive director, Mei Tan, said the talks were useless.",
     ("Mei Tan", "leads", "Amnesty International"), None),
    # not a word that is no title ("the administration's witness, X")
    ("Tom Hale questioned the administration's witness, Mei Tan, on the case of Zhang Wei.",
     None, ("Mei Tan", "memberOf", "United States")),
    # a head's title after the organisation's name; not a deputy's
    ("Amnesty International President Mei Tan said the talks were useless.",
     ("Mei Tan", "leads", "Amnesty International"), None),
    ("Amnesty International Deputy Director Mei Tan said the talks were useless.",
     ("Mei Tan", "memberOf", "Amnesty International"), ("Mei Tan", "leads", "Amnesty International")),
    ("Amnesty International Vice President Mei Tan said the talks were useless.",
     ("Mei Tan", "memberOf", "Amnesty International"), ("Mei Tan", "leads", "Amnesty International")),
])
def test_relations_titles_before_a_name(nlp, text, expected, absent):
    found = set(relations(run(nlp, text)))
    assert expected is None or expected in found
    assert absent is None or absent not in found


def test_relations_a_delegation_list_names_its_members_and_their_agencies(nlp):
    body = ("Mary Lane will lead the U.S. delegation to the talks in Geneva.\n\n"
            "The U.S. delegation will include representatives of several agencies:\n\n"
            "- Tom Reyes, Deputy Assistant Secretary of State, Bureau of Democracy, Human Rights, and Labor\n"
            "- Karen Walsh, Senior Counsel, U.S. Department of Justice\n"
            "- Robert Grant, Director for China, National Security Council\n\n"
            "The talks open on Monday.")
    found = set(relations(run(nlp, body)))
    for person in ("Tom Reyes", "Karen Walsh", "Robert Grant"):
        assert (person, "memberOf", "U.S. delegation") in found
    assert {("Tom Reyes", "memberOf", "U.S. Department of State"),
            ("Karen Walsh", "memberOf", "U.S. Department of Justice"),
            ("Robert Grant", "memberOf", "National Security Council")} <= found
    assert ("Robert Grant", "memberOf", "China") not in found  # 'Director for China' is what the title covers


def test_relations_a_list_that_is_no_delegation_makes_no_members(nlp):
    body = ("Human Rights Watch urged the delegation to raise these cases:\n\n"
            "- Zhang Wei, a lawyer, detained since May\n- Li Hua, a blogger, missing since June")
    found = set(relations(run(nlp, body)))
    assert not [r for r in found if r[1] == "memberOf" and r[2].endswith("delegation")]


def test_relations_a_letter_speaks_for_whoever_sent_it(nlp):
    text = ("Senator Ann Hale and Representative Tom Reyes sent a letter to the State Department on Monday. "
            "The letter asks the department to raise the case of Zhang Wei, a lawyer detained in May. "
            "It also calls on the administration to seek news of Li Hua, a blogger who disappeared in June.")
    found = set(relations(run(nlp, text)))
    for sender in ("Ann Hale", "Tom Reyes"):
        assert {(sender, "raised", "Zhang Wei"), (sender, "raised", "Li Hua")} <= found
    assert not [r for r in found if r[0] not in ("Ann Hale", "Tom Reyes") and r[1] == "raised"]


def test_relations_a_letter_nobody_is_said_to_have_sent_names_no_speaker(nlp):
    found = set(relations(run(nlp, "The letter asks the department to raise the case of Zhang Wei, a lawyer.")))
    assert not [r for r in found if r[1] == "raised"]


def test_relations_the_gapped_second_delegation_and_its_head(nlp):
    found = set(relations(run(nlp, "The Chinese delegation was headed by Wu Ping, a senior diplomat, and the US "
                                   "delegation by Assistant Secretary of State Mary Lane.")))
    assert {("Wu Ping", "leads", "Chinese delegation"), ("Mary Lane", "leads", "U.S. delegation"),
            ("Mary Lane", "metWith", "Wu Ping")} <= found
    assert ("Mary Lane", "memberOf", "U.S. delegation") not in found  # 'delegation by' is no title's body
    # the gapped clause hung on the first head's long apposition
    found = set(relations(run(nlp, "The Chinese delegation was headed by Li Wen, Director General of the Department "
                                   "of International Organizations and Conferences of the Foreign Ministry, and the "
                                   "US delegation by Ann Hale, Acting Assistant Secretary of State.")))
    assert {("Li Wen", "leads", "Chinese delegation"), ("Ann Hale", "leads", "U.S. delegation")} <= found


@pytest.mark.parametrize(("text", "expected", "absent"), [
    # an official of a ministry's department works for the ministry
    ("Wu Ping, Director-General of the Department of International Organizations and Conferences of the "
     "Foreign Ministry, spoke.", ("Wu Ping", "memberOf", "Chinese Ministry of Foreign Affairs"), None),
    ("Tom Reyes of the Bureau of Democracy, Human Rights, and Labor spoke.",
     ("Tom Reyes", "memberOf", "U.S. Department of State"), ("Tom Reyes", "memberOf", "United States")),
    # not up into a body the gazetteer does not place in a government
    ("Wu Ping, a researcher at the Institute of Asian Studies under the Chinese Academy of Social Sciences, spoke.",
     ("Wu Ping", "memberOf", "Institute of Asian Studies"),
     ("Wu Ping", "memberOf", "Chinese Academy of Social Sciences")),
])
def test_relations_a_member_of_a_unit_is_a_member_of_the_body(nlp, text, expected, absent):
    found = set(relations(run(nlp, text)))
    assert expected in found
    assert absent is None or absent not in found


@pytest.mark.parametrize(("text", "expected", "absent"), [
    # "whose husband, Y": the person the relative clause is on
    ("Diplomats met with Wang Lan, whose husband, the lawyer Li Ming, has been missing since July.",
     ("Li Ming", "relativeOf", "Wang Lan"), ("Diplomats", "metWith", "Li Ming")),
    # the nearest name after the kinship noun, not the next item of a list
    ("Wang Lan, a lawyer detained in July; her husband, Bao Ming, who was taken the same night; Zhou Tao, "
     "a law firm director.", ("Bao Ming", "relativeOf", "Wang Lan"), ("Zhou Tao", "relativeOf", "Wang Lan")),
    # a name the NER took for a place, told by the kinship noun before it
    ("Rebiya Kadeer was sentenced for sending newspaper clippings to her husband, Sidik Rouzi, who lives abroad.",
     ("Sidik Rouzi", "relativeOf", "Rebiya Kadeer"), None),
])
def test_relations_relatives_named_after_a_kinship_noun(nlp, text, expected, absent):
    found = set(relations(run(nlp, text)))
    assert expected in found
    assert absent is None or absent not in found


def test_relations_who_met_is_not_someone_a_clause_on_them_names(nlp):
    found = set(relations(run(nlp, "Mary Lane met with Wang Lan, whose husband, the lawyer Li Ming, is missing.")))
    assert ("Mary Lane", "metWith", "Wang Lan") in found
    assert ("Mary Lane", "metWith", "Li Ming") not in found


@pytest.mark.parametrize(("text", "raised"), [
    # telling of a person's detention in one's own words raises the case
    ('"Zhang Wei is still locked up in a prison in Gansu," Senator Ann Hale said.', True),
    # not when the detaining government's own spokesman tells it
    ('"Zhang Wei was sentenced in accordance with the law," Foreign Ministry spokesman Qin Gang said.', False),
])
def test_relations_telling_of_a_detention_raises_the_case(nlp, text, raised):
    found = relations(run(nlp, text))
    assert bool([r for r in found if r[1] == "raised" and r[2] == "Zhang Wei"]) is raised


@pytest.mark.parametrize(("text", "urged"), [
    # "the department" urged: the department the article names, before or after
    ("In a letter to Secretary of State Mary Lane, Senator Tom Hale urged the department to publish its list. "
     "What can the State Department point to?", "U.S. Department of State"),
    # no body of that kind named: nobody
    ("Senator Tom Hale urged the department to publish its list.", None),
])
def test_relations_the_body_urged_by_its_kind(nlp, text, urged):
    found = {o for s, p, o in relations(run(nlp, text)) if s == "Tom Hale" and p == "urges"}
    assert found - {"Mary Lane"} == ({urged} if urged else set())  # the letter's addressee is urged too


def test_relations_criticized_in_the_past_tense_criticizes_the_government_named(nlp):
    found = set(relations(run(nlp, "Senator Tom Hale sharply criticized the administration's handling of the "
                                   "human rights dialogue with China.")))
    assert ("Tom Hale", "criticizes", "United States") in found


@pytest.mark.parametrize(("text", "expected"), [
    # an organisation whose name holds a country or capital
    ("Tom Reyes, who teaches Chinese politics at George Washington University, said the talks were useless.",
     ("Tom Reyes", "memberOf", "George Washington University")),
    ("Wu Ping, a founder of the China Democracy Party, is serving a long sentence.",
     ("Wu Ping", "memberOf", "China Democracy Party")),
    # where a person works, told by a relative clause
    ("Tom Reyes, who works for the Ford Foundation, said the talks were useless.",
     ("Tom Reyes", "memberOf", "Ford Foundation")),
])
def test_relations_organisations_named_with_a_place_and_where_people_work(nlp, text, expected):
    assert expected in set(relations(run(nlp, text)))


def test_relations_a_government_is_still_a_government(nlp):
    ex = run(nlp, "The U.S. Embassy in Beijing met her. Washington and Beijing disagreed on the talks.")
    kinds = {a.name: a.kind for a in ex.actors}
    assert "United States" in kinds and "China" in kinds


def test_relations_the_body_urged_is_the_one_named_even_in_a_quotation(nlp):
    text = ('"What can the State Department point to?" Senator Tom Hale asked. In a letter, Hale urged the '
            "department to publish a summary of every case and of the Chinese government's response.")
    found = {o for s, p, o in relations(run(nlp, text)) if s == "Tom Hale" and p == "urges"}
    assert "U.S. Department of State" in found and "China" not in found


def test_relations_a_known_unit_is_a_member_of_its_body(nlp):
    found = set(relations(run(nlp, "The Bureau of Democracy, Human Rights, and Labor issued its report.")))
    assert ("Bureau of Democracy, Human Rights, and Labor", "memberOf", "U.S. Department of State") in found


@pytest.mark.parametrize(("text", "raised"), [
    ("Also on the American list, according to a U.S. official, was Zhang Wei, a lawyer detained in April.",
     ("United States", "raised", "Zhang Wei")),
    ("Zhang Wei is on Washington's list of prisoners.", ("United States", "raised", "Zhang Wei")),
    # a list nobody's: nobody raised
    ("Zhang Wei is on the list of prisoners.", None),
])
def test_relations_on_a_governments_list(nlp, text, raised):
    found = {r for r in relations(run(nlp, text)) if r[1] == "raised"}
    assert found == ({raised} if raised else set())


@pytest.mark.parametrize(("text", "urged"), [
    ("Washington and Beijing open their talks today. Amnesty International urged the two governments to publish "
     "the cases raised.", {"United States", "China"}),
    ("Washington and Beijing open their talks today. Amnesty International calls on both governments to publish "
     "the cases raised.", {"United States", "China"}),
    # one government named: no pair
    ("Beijing hosts the talks today. Amnesty International urged both governments to publish the cases raised.",
     set()),
])
def test_relations_both_governments_urged(nlp, text, urged):
    found = {o for s, p, o in relations(run(nlp, text)) if s == "Amnesty International" and p == "urges"}
    assert found == urged


def test_relations_a_hope_that_someone_will_act_urges_them_whatever_the_parser_lemmatizes(nlp):
    found = set(relations(run(nlp, "Wang Lan said she hoped the U.S. delegation would press Beijing to free "
                                   "her husband.")))
    assert ("Wang Lan", "urges", "U.S. delegation") in found


def test_relations_no_membership_from_a_previous_sentence_before_a_name(nlp):
    found = relations(run(nlp, "The talks changed little in China's practices. As Mr. Hale put it, the "
                                "dialogue is one tool among many."))
    assert not [r for r in found if r[1] == "memberOf"]


def test_relations_a_letter_joined_by_others_speaks_for_all_who_joined(nlp):
    """'A joined B and C in a letter …; the three members urged …': all three urged and raised; a case
    the parser hung on 'members' as an appositive is no speaker."""
    text = ("Rep. Tom Hale joined Rep. Ann Berg and Rep. Joe Kim in a letter to the Secretary of State.\n\n"
            "In their letter, the three members urged the Administration to raise by name the cases of Zhang Wei, "
            "the veteran activist serving a 13-year sentence; Li Ming, the Uighur businesswoman held in Urumqi "
            "since last August; and Sun Lei, the boy recognized by the Dalai Lama.")
    found = set(relations(run(nlp, text)))
    for person in ("Tom Hale", "Ann Berg", "Joe Kim"):
        assert {(person, "urges", "United States"), (person, "raised", "Zhang Wei")} <= found
    assert not [r for r in found if r[0] in ("Zhang Wei", "Li Ming", "Sun Lei") and r[1] in ("raised", "urges")]


@pytest.mark.parametrize(("text", "raised"), [
    ("Tom Hale met Chinese officials. He talked about religious freedom and the case of Zhang Wei.",
     {"Religious freedom", "Zhang Wei"}),
    ("Tom Hale also spoke about the situation in Tibet.", {"Tibet"}),
    ("Tom Hale spoke to reporters in Tibet on Monday.", set()),  # talking, not about anything
])
def test_relations_talking_about_raises(nlp, text, raised):
    assert {o for s, p, o in relations(run(nlp, text)) if p == "raised" and s == "Tom Hale"} == raised


def test_relations_a_delegation_list_by_agency(nlp):
    """'Agency: Name, Title; Name, Office, Bureau.' lines after 'The U.S. delegation will include …:'."""
    body = ("The U.S. delegation will include representatives of the following agencies:\n\n"
            "Department of State: Ann Berg, Deputy Assistant Secretary; Joe Kim, Office of Chinese and "
            "Mongolian Affairs, Bureau of East Asian and Pacific Affairs.\n\n"
            "Department of Justice: Tom Hale, Senior Counsel, Office of Legal Policy.")
    found = set(relations(run(nlp, body)))
    assert {("Ann Berg", "memberOf", "U.S. Department of State"), ("Joe Kim", "memberOf", "U.S. Department of State"),
            ("Joe Kim", "memberOf", "Office of Chinese and Mongolian Affairs"),
            ("Tom Hale", "memberOf", "U.S. Department of Justice"), ("Tom Hale", "memberOf", "Office of Legal Policy"),
            ("Ann Berg", "memberOf", "U.S. delegation"), ("Tom Hale", "memberOf", "U.S. delegation")} <= found
    # the entry's own unit is the first office; the bureau it belongs to (a gazetteer unit of the
    # department) holds its people too, by member-of-whole
    assert ("Office of Chinese and Mongolian Affairs", "memberOf", "Bureau of East Asian and Pacific Affairs") in found


def test_relations_a_title_after_a_comma_is_not_the_organisation_before_it(nlp):
    found = relations(run(nlp, "Before departing Washington, Assistant Secretary Tom Hale said the talks matter."))
    assert ("Tom Hale", "memberOf", "United States") not in found


@pytest.mark.parametrize(("text", "expected"), [
    ("Senator Ann Berg and Representative Joe Kim, the Chairman and Cochairman of the Commission on Rights "
     "Abroad, spoke on Monday.",
     {("Ann Berg", "leads"), ("Ann Berg", "memberOf"), ("Joe Kim", "leads"), ("Joe Kim", "memberOf")}),
    # titles that do not pair with the persons: only membership, for both
    ("Ann Berg and Joe Kim, the chairman and a member of the Commission on Rights Abroad, spoke on Monday.",
     {("Ann Berg", "memberOf"), ("Joe Kim", "memberOf")}),
])
def test_relations_coordinated_persons_take_their_titles_in_order(nlp, text, expected):
    """'A and B, the Chairman and Cochairman of X': each has the title in their place; the NER's
    'Cochairman of the Commission …' is the commission."""
    found = relations(run(nlp, text))
    assert {(s, p) for s, p, o in found if o == "Commission on Rights Abroad"} == expected
    assert {o for _s, _p, o in found} == {"Commission on Rights Abroad"}


def test_relations_the_organisation_word_stands_for_the_organisation(nlp):
    text = ("Senator Ann Berg, Chair of the Congressional-Executive Commission on China, and Representative Joe Kim, "
            "the Commission's Cochair, sent a letter.")
    found = set(relations(run(nlp, text)))
    assert {("Joe Kim", "memberOf", "Congressional-Executive Commission on China"),
            ("Joe Kim", "leads", "Congressional-Executive Commission on China")} <= found


@pytest.mark.parametrize(("text", "expected"), [
    ("The Chinese side is expected to be led by Li Wei, Director General at the Foreign Ministry.",
     ("Li Wei", "leads", "Chinese delegation")),
    ("The U.S. delegation is scheduled to be headed by Tom Hale.", ("Tom Hale", "leads", "U.S. delegation")),
])
def test_relations_a_delegation_expected_to_be_led_by(nlp, text, expected):
    assert expected in relations(run(nlp, text))


@pytest.mark.parametrize(("text", "expected"), [
    # a government's people led by someone are its delegation; the persons of a clause the parse hung
    # on the 'by' phrase lead nothing
    ("Senator Ann Berg asked that U.S. officials, led by Assistant Secretary Tom Hale, press for the release of "
     "the writer Zhang Wei and his wife, Li Ming.", {("Tom Hale", "leads", "U.S. delegation")}),
    ("Tom Hale said the cases were raised with Chinese counterparts headed by Li Wei of the Foreign Ministry.",
     {("Li Wei", "leads", "Chinese delegation")}),
    ("Freedom House, led by Mark Lagon, issued a statement.", {("Mark Lagon", "leads", "Freedom House")}),
])
def test_relations_a_governments_people_led_by(nlp, text, expected):
    assert {r for r in relations(run(nlp, text)) if r[1] == "leads"} == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("The third round was led on the American side by Tom Hale, an assistant secretary of state.",
     {("Tom Hale", "leads", "U.S. delegation")}),
    ("The talks were led for the U.S. side by Tom Hale and on the Chinese side by Li Wei, a diplomat.",
     {("Tom Hale", "leads", "U.S. delegation"), ("Li Wei", "leads", "Chinese delegation"),
      ("Li Wei", "metWith", "Tom Hale")}),
    ("On the Chinese side, the second session was headed by Li Wei.", {("Li Wei", "leads", "Chinese delegation")}),
    ("The talks were led by Tom Hale on Monday.", set()),  # no side named: no delegation
])
def test_relations_talks_led_on_a_side_by(nlp, text, expected):
    """'led on the American side by X': X heads that side's delegation; two sides' heads met."""
    found = {(min(s, o), p, max(s, o)) if p == "metWith" else (s, p, o) for s, p, o in relations(run(nlp, text))}
    assert {r for r in found if r[1] in ("leads", "metWith")} == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Foreign Minister Li Wei's delegation raised several cases.", ("Li Wei", "leads", "Chinese delegation")),
    ("Secretary of State Tom Hale led his delegation to Beijing.", ("Tom Hale", "leads", "U.S. delegation")),
    ("Zhang Wei's delegation of lawyers visited the court.", None),  # no government's officer
])
def test_relations_the_delegation_of_an_officer_is_the_one_of_his_government(nlp, text, expected):
    found = [r for r in relations(run(nlp, text)) if r[1] == "leads"]
    assert found == ([expected] if expected else [])


@pytest.mark.parametrize(("text", "urged"), [
    ("Senator Ann Berg today sent a letter to Secretary of State Tom Hale urging that the talks focus on lawyers.",
     {("Ann Berg", "Tom Hale")}),
    ("In a letter to Secretary of State Tom Hale, Senator Ann Berg urged the U.S. delegation to raise the case of "
     "Zhang Wei.", {("Ann Berg", "Tom Hale"), ("Ann Berg", "U.S. delegation")}),
    ("Senator Ann Berg read a letter to the editor about farm subsidies.", set()),  # no urging
])
def test_relations_a_letter_urges_its_addressee(nlp, text, urged):
    assert {(s, o) for s, p, o in relations(run(nlp, text)) if p == "urges"} == urged


@pytest.mark.parametrize(("text", "met"), [
    ("Tom Hale concluded two days of talks with a Chinese delegation headed by Li Wei.", {("Tom Hale", "Li Wei")}),
    ("ASSISTANT SECRETARY HALE: We just finished two days of talks with a Chinese delegation led by Li Wei.",
     {("Hale", "Li Wei")}),
    # officials of two governments ending talks: no government met a government, no one met his own delegation
    ("Tom Hale, who headed the U.S. delegation, wrapped up two days of talks with China.", set()),
    ("U.S. and Chinese officials wrapped up two days of talks in Washington on Thursday.", set()),
])
def test_relations_ending_talks_with_a_delegation_meets_its_head(nlp, text, met):
    assert {(s, o) for s, p, o in relations(run(nlp, text)) if p == "metWith"} == met


def test_relations_a_second_reporting_verb_the_parse_hung_on_the_that_clause(nlp):
    """'demanded that X give …, and urged Y': 'urged' has the tense of 'demanded', not of 'give', so
    its subject is the commission's, not the authorities'."""
    text = ("The Commission on Lawyers demanded that Chinese authorities give the detained lawyers access to "
            "counsel, and urged Secretary of State Tom Hale to invite their families to brief the delegation.")
    found = set(relations(run(nlp, text)))
    assert ("Commission on Lawyers", "urges", "Tom Hale") in found
    assert ("China", "urges", "Tom Hale") not in found


@pytest.mark.parametrize("body", [
    "The U.S. delegation will include representatives of the following agencies:\n\n"
    "Department of State: Joe Kim, Office of Chinese and Mongolian Affairs, Bureau of East Asian and Pacific "
    "Affairs.\n\nDepartment of Justice: Tom Hale, Senior Counsel, Office of Legal Policy.",
    "The U.S. delegation will include:\n\n- Joe Kim, Office of Chinese and Mongolian Affairs, Bureau of East "
    "Asian and Pacific Affairs, Department of State\n- Tom Hale, Senior Counsel, Office of Legal Policy, "
    "Department of Justice",
])
def test_relations_units_in_an_entry_line_are_parts_of_the_next(nlp, body):
    """An entry names units from the most specific out: each is part of the one after it, and the
    last of its agency; an agency is part of nothing it is printed beside."""
    units = {(s, o) for s, p, o in relations(run(nlp, body)) if p == "memberOf" and s not in ("Joe Kim", "Tom Hale")}
    assert units == {("Office of Chinese and Mongolian Affairs", "Bureau of East Asian and Pacific Affairs"),
                     ("Bureau of East Asian and Pacific Affairs", "U.S. Department of State"),
                     ("Office of Legal Policy", "U.S. Department of Justice")}


def test_relations_a_subject_a_fronted_phrase_swallowed(nlp):
    """'Ahead of the dialogue, A (…), Chair of X, and B, the Commission's Cochair, today called on …':
    the parse read A and B as coordinated with 'the dialogue'; they are the ones who called."""
    text = ("Ahead of next week's U.S.-China Human Rights Dialogue, Representative Ann Berg (R-NJ), Chair of the "
            "Commission on Rights, and Senator Joe Kim (D-OH), the Commission's Cochair, today called on "
            "Assistant Secretary of State Tom Hale to press Chinese officials for the release of prisoners.")
    found = set(relations(run(nlp, text)))
    assert {("Ann Berg", "urges", "Tom Hale"), ("Joe Kim", "urges", "Tom Hale")} <= found


def test_relations_a_case_list_is_raised_by_who_opens_it(nlp):
    """'The letter lists …, among them:' over a bulleted list: the letter's senders raised each case,
    not the issuer of the release."""
    body = ("Senator Ann Berg and Senator Joe Kim wrote to the Secretary of State on Monday.\n\n"
            "In a letter sent to Secretary Tom Hale on Thursday, the two lawmakers asked that the delegation "
            "raise prisoners by name.\n\n"
            "The letter lists a number of individual cases, among them:\n\n"
            "- Wu Lan, a lawyer who disappeared in 2010;\n"
            "- Zhao Ming, a blogger sentenced last year to five years in prison.")
    ex = release(nlp, body, "Commission on Rights")
    found = {(r.subject, r.object) for r in ex.relations if r.predicate == "raised" and r.rule == "case-list"}
    assert found == {(who, case) for who in ("Ann Berg", "Joe Kim") for case in ("Wu Lan", "Zhao Ming")}


def test_relations_a_case_list_of_what_someone_should_raise_is_the_issuers(nlp):
    """'Cases the U.S. delegation should raise include:': the delegation is asked to raise them; the
    issuer of the statement raised them, and the delegation is no member of the list's people."""
    body = ("The group urged Washington to press for releases at next week's talks.\n\n"
            "Cases the U.S. delegation should raise include:\n\n"
            "- Wu Lan, a lawyer detained since March 2013;\n"
            "- Zhao Ming, a blogger sentenced last year to five years in prison.")
    ex = release(nlp, body, "Human Rights Watch")
    raised = {(r.subject, r.object) for r in ex.relations if r.predicate == "raised"}
    assert {("Human Rights Watch", "Wu Lan"), ("Human Rights Watch", "Zhao Ming")} <= raised
    assert not {s for s, _o in raised} & {"U.S. delegation", "United States"}
    assert not [r for r in ex.relations if r.predicate == "memberOf" and r.object == "U.S. delegation"]


def test_relations_a_delegation_list_under_agency_headings(nlp):
    """'Department of State' on a line of its own over bulleted entries: each is the agency's, of the
    unit the entry names first, and of the delegation the list opens with; the unit is the agency's."""
    from test_names import LIST

    found = set(relations(run(nlp, LIST)))
    assert {("Cordula Ransby", "memberOf", "U.S. Department of State"),
            ("Cordula Ransby", "memberOf", "Bureau of Democracy, Human Rights, and Labor"),
            ("Noemi Farrow-Lutz", "memberOf", "Office of the Legal Adviser"),
            ("Rodrigo Sattler", "memberOf", "U.S. Department of Justice"),
            ("Rodrigo Sattler", "memberOf", "Civil Rights Division"),
            ("Civil Rights Division", "memberOf", "U.S. Department of Justice"),
            ("Imke Strand", "memberOf", "U.S. Department of Labor"),
            ("Bureau of International Labor Affairs", "memberOf", "U.S. Department of Labor")} <= found
    assert {p for p, _pred, o in found if o == "U.S. delegation"} == {
        "Cordula Ransby", "Noemi Farrow-Lutz", "Rodrigo Sattler", "Imke Strand"}
    assert ("Rodrigo Sattler", "memberOf", "U.S. Department of State") not in found  # a new heading


def test_relations_our_delegation_met_a_team_headed_by(nlp):
    """'our delegation, which included colleagues from A and B, met with a Chinese team headed by X'
    in a turn: the speaker met X; the agencies its clause names did not meet each other."""
    from rightsgraph.model import Article
    from rightsgraph.nlp import extract

    body = ("MR. HALE: Over the past two days our delegation, which included colleagues from the Department of "
            "Justice and the Department of Labor, met with a Chinese team headed by Li Wei, Director General at "
            "the Ministry of Foreign Affairs. The human rights dialogue ended today.\n\nQUESTION: Anything else?")
    ex = extract(nlp, Article(id="t", title="Press Availability", body=body, header=("Tom Hale, Assistant Secretary",)))
    met = {(r.subject, r.object) for r in ex.relations if r.predicate == "metWith"}
    assert met == {("Tom Hale", "Li Wei")}


@pytest.mark.parametrize(("text", "raised"), [
    ("Tom Hale said he handed his counterpart a list of prisoners. Among them, he said, is Father Li Wei, a "
     "priest who has not been seen since October.", {"Li Wei"}),
    ("Tom Hale told reporters the two sides went through the cases one by one. Among the names, he said, were "
     "Wu Lan, a lawyer taken from her home in July, and Zhao Ming, the husband of activist Chen Fang.",
     {"Wu Lan", "Zhao Ming"}),
    ("Among the prisoners were Wu Lan and Zhao Ming.", set()),  # nobody says so
])
def test_relations_among_them_he_said(nlp, text, raised):
    assert {o for s, p, o in relations(run(nlp, text)) if p == "raised" and s == "Tom Hale"} == raised


@pytest.mark.parametrize(("text", "expected"), [
    # a demand's bare verb: what the asked-for act names is raised
    ("Senator Ann Berg asked that the delegation press for the release of the lawyer Zhang Wei.",
     {("Ann Berg", "raised", "Zhang Wei")}),
    # a letter sent to someone: its writers (the NER's one 'Berg and Kim' organisation is the two
    # persons named before) urge its addressee; the addressee the fronted phrase swallowed urges no one
    ("Senator Ann Berg and Representative Joe Kim spoke on Monday. In a joint letter sent Thursday to Secretary "
     "of State Tom Hale, Berg and Kim also asked the delegation to raise the case of Zhang Wei.",
     {("Ann Berg", "raised", "Zhang Wei"), ("Joe Kim", "raised", "Zhang Wei"), ("Ann Berg", "urges", "Tom Hale"),
      ("Joe Kim", "urges", "Tom Hale")}),
])
def test_relations_what_a_letter_asks_for(nlp, text, expected):
    assert {r for r in relations(run(nlp, text)) if r[1] in ("raised", "urges")} == expected


@pytest.mark.parametrize(("text", "expected", "absent"), [
    # a government named in the sentence before is not the title's organisation
    ("QUESTION: On China. Assistant Secretary Tom Hale is in Beijing. What is he hoping for?",
     set(), {("Tom Hale", "memberOf", "China")}),
    # heading a unit of a department: a member of the department, not its head
    ("Tom Hale, who heads the State Department's human rights bureau, spoke on Monday.",
     {("Tom Hale", "memberOf", "U.S. Department of State")}, {("Tom Hale", "leads", "U.S. Department of State")}),
    # an apposition holding another person's title gives no office to the first person
    ("Li Wei, Director-General of the Department of Treaties of the Foreign Ministry, and US Assistant Secretary "
     "of State Tom Hale co-chaired the dialogue.", set(), {("Li Wei", "memberOf", "U.S. Department of State")}),
])
def test_relations_titles_that_are_not_the_persons(nlp, text, expected, absent):
    found = set(relations(run(nlp, text)))
    assert expected <= found
    assert not absent & found


def test_relations_he_is_the_person_a_long_title_subject_names(nlp):
    """'Assistant Secretary of State for Democracy, Human Rights and Labor Tom Hale, who led …, told …':
    the parse makes the title the subject and hangs the name in it; 'He' in the next sentence is Hale,
    not the person the sentence before that was about."""
    text = ("Among the detained is the artist Zhang Wei, who was taken into custody in April.\n\n"
            "Assistant Secretary of State for Democracy, Human Rights and Labor Tom Hale, who led the U.S. "
            "delegation, told his Chinese counterparts that the disappearances are a serious concern. He raised "
            "the case of the writer Li Ming, who is serving an eleven-year sentence.")
    assert ("Tom Hale", "raised", "Li Ming") in relations(run(nlp, text))
    assert ("Zhang Wei", "raised", "Li Ming") not in relations(run(nlp, text))


@pytest.mark.parametrize(("text", "expected"), [
    # the NER's 'Fengrui' and the lower-case 'law firm' after it are one organisation
    ("Wang Yu, a Beijing lawyer at the Fengrui law firm, was taken from her home.",
     {("Wang Yu", "memberOf", "Fengrui law firm")}),
    # a director of a body heads it; a director with a portfolio is a member
    ("Zhou Shifeng, the director of the Fengrui law firm, was detained on July 10.",
     {("Zhou Shifeng", "leads", "Fengrui law firm"), ("Zhou Shifeng", "memberOf", "Fengrui law firm")}),
    ("Sophie Richardson, the China director of Human Rights Watch, spoke on Monday.",
     {("Sophie Richardson", "memberOf", "Human Rights Watch")}),
])
def test_relations_law_firms_and_their_directors(nlp, text, expected):
    assert {r for r in relations(run(nlp, text)) if r[1] in ("leads", "memberOf")} == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Xu Wen, who co-founded the Rights Defence Party in 1998, was sentenced to 13 years.",
     {("Xu Wen", "memberOf", "Rights Defence Party")}),
    # through 'who' to 'the cases of A, B and C'; the organisation in apposition to the object
    ("He will raise the cases of Xu Wen, Wang Cai and Qin Ming, who were sentenced in December for trying to "
     "register an opposition party, the Rights Defence Party.",
     {("Xu Wen", "memberOf", "Rights Defence Party"), ("Wang Cai", "memberOf", "Rights Defence Party"),
      ("Qin Ming", "memberOf", "Rights Defence Party")}),
    # founding something that is no organisation: nothing
    ("Xu Wen founded a small printing business in 1998.", set()),
])
def test_relations_founders_are_members(nlp, text, expected):
    assert {r for r in relations(run(nlp, text)) if r[1] == "memberOf"} == expected


def test_relations_it_in_a_release_is_its_issuer(nlp):
    body = ("The Harbor Rights Network urged the U.S. government to publish the names of the prisoners it raises."
            "\n\nIt called on the Chinese government to release Tang Xiaoyu and Meng Lifei.")
    found = set(relations(release(nlp, body, "Harbor Rights Network")))
    assert {("Harbor Rights Network", "urges", "United States"), ("Harbor Rights Network", "urges", "China"),
            ("Harbor Rights Network", "raised", "Tang Xiaoyu")} <= found


def test_relations_it_after_a_body_said_is_that_body(nlp):
    body = ("Q: The human rights dialogue was held this week. The US side said it raised the cases of detained "
            "lawyers, including Tang Xiaoyu. How do you respond?\n\nA: China opposes interference in its "
            "internal affairs.")
    found = set(relations(release(nlp, body, "Chinese Ministry of Foreign Affairs")))
    assert ("United States", "raised", "Tang Xiaoyu") in found
    assert ("Chinese Ministry of Foreign Affairs", "raised", "Tang Xiaoyu") not in found


def test_relations_the_groups_researcher_is_not_the_police_bureaus(nlp):
    text = ("The Harbor Rights Network said officers of the Aba Public Security Bureau took Dorje Wangmo from her "
            "classroom. \u201cShe has not been seen since,\u201d said Daniel Yeo, the group's senior researcher.")
    found = set(relations(run(nlp, text)))
    assert ("Daniel Yeo", "memberOf", "Harbor Rights Network") in found
    assert ("Daniel Yeo", "memberOf", "Aba Public Security Bureau") not in found


def test_relations_titles_the_parse_coordinated_with_the_persons_go_each_to_its_place(nlp):
    text = ("WASHINGTON--Senator Dale Whitmore (D-OH) and Representative Ann Corso (R-NJ), the Chair and Cochair "
            "of the Harbor Rights Commission (HRC), today condemned the sentence.")
    found = set(relations(run(nlp, text)))
    assert {("Dale Whitmore", "leads", "Harbor Rights Commission"),
            ("Ann Corso", "leads", "Harbor Rights Commission")} <= found


def test_relations_whom_a_statement_calls_on_is_asked_not_criticized(nlp):
    text = ("Amnesty International condemned the crackdown on lawyers in China and called on the United States "
            "to press Beijing for their release, the group said in a statement.")
    found = set(relations(run(nlp, text)))
    assert ("Amnesty International", "criticizes", "United States") not in found
    assert ("Amnesty International", "urges", "United States") in found


def test_relations_among_the_cases_someone_raised_were(nlp):
    text = ("Among the prisoners whose cases U.S. officials raised at that meeting were Tang Xiaoyu and "
            "Meng Lifei, whom Chinese authorities sentenced in December.")
    found = set(relations(run(nlp, text)))
    assert {("United States", "raised", "Tang Xiaoyu"), ("United States", "raised", "Meng Lifei")} <= found


def test_relations_a_founder_is_a_member_not_a_leader(nlp):
    text = "Tang Xiaoyu, a founder of the Harbor Democracy Party, was sentenced in December."
    found = set(relations(run(nlp, text)))
    assert ("Tang Xiaoyu", "memberOf", "Harbor Democracy Party") in found
    assert ("Tang Xiaoyu", "leads", "Harbor Democracy Party") not in found


def test_relations_among_them_after_a_raise_names_what_was_raised(nlp):
    """'X raised the cases of several activists. Among them were A, a monk; B, a lawyer; and C':
    X raised each one the list names, semicolon items included, not the names in their descriptions."""
    ex = run(nlp, "Assistant Secretary Dana Whitmore told reporters he had raised the cases of several "
                  "jailed activists.\n\nAmong them were Fu Lanqing, a member of the banned "
                  "Harbor Democracy League who was detained in Ningbo; labor organizer Ke Yunfei, sentenced "
                  "last month to nine years; and Dawa Lhundup, a Tibetan monk.")
    assert {"Fu Lanqing", "Ke Yunfei", "Dawa Lhundup"} <= raised_by(ex, "Dana Whitmore")
    assert "Harbor Democracy League" not in raised_by(ex, "Dana Whitmore")


def test_relations_among_them_needs_a_raise_before_it(nlp):
    ex = run(nlp, "Dana Whitmore visited Ningbo last week.\n\nAmong them were Fu Lanqing, a lawyer; "
                  "and Ke Yunfei, a labor organizer.")
    assert raised_by(ex, "Dana Whitmore") == set()


@pytest.mark.parametrize("text", [
    "Dr. Margaret Hale, President, Harbor Conscience Institute, testified on Monday.",
    "The delegation included:\n- Paul Ostrander, Senior Researcher, Harbor Conscience Institute\n"
    "- Margaret Hale, President, Harbor Conscience Institute",
])
def test_relations_a_bare_head_title_before_its_body(nlp, text):
    """'X, President, Body' (a witness list, an entry line): X leads the body."""
    rels = relations(run(nlp, text))
    assert ("Margaret Hale", "leads", "Harbor Conscience Institute") in rels
    assert ("Paul Ostrander", "leads", "Harbor Conscience Institute") not in rels


def test_relations_the_director_of_a_unit_is_its_member(nlp):
    rels = relations(run(nlp, "The delegation included:\n- Paul Ostrander, Director, Office of Maritime Affairs\n"
                              "- Margaret Hale, Senior Adviser, Office of Maritime Affairs"))
    assert ("Paul Ostrander", "leads", "Office of Maritime Affairs") not in rels


def test_relations_intends_to_raise(nlp):
    """'The delegation intends to raise individual cases, including that of X, and of Y': the subject
    of the verb that 'to raise' completes raised them."""
    ex = run(nlp, "Assistant Secretary Margaret Hale will lead the U.S. delegation to the talks in Beijing.\n\n"
                  "The delegation intends to raise individual cases of concern, including that of rights lawyer "
                  "Kou Lin, who was taken away in February, and of activist poet Ye Wenchang, who remains "
                  "imprisoned in Guangdong.")
    assert {"Kou Lin", "Ye Wenchang"} <= raised_by(ex, "U.S. delegation")


def test_relations_an_urger_still_raises_what_it_urges_others_to_raise(nlp):
    """The rule reads the completed verb's subject; an urger still raises what it urges others to raise."""
    ex = run(nlp, "Human Rights Watch urged the U.S. delegation to raise the case of Kou Lin, a detained lawyer.")
    assert "Kou Lin" in raised_by(ex, "Human Rights Watch")
