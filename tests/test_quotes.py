"""quotes: quotation spans, transcript turns, and the statements extract() builds from them."""

from __future__ import annotations

import pytest

from nlp_helpers import relations, release, run, statement_texts, statements
from rightsgraph.nlp.textspans import quote_spans, transcript_turns

DIALOGUE = "US-China Human Rights Dialogue"


def _quotes(text: str) -> list[tuple[str, ...]]:
    return [tuple(text[s:e] for s, e in q) for q in quote_spans(text)]


def _turns(text: str) -> list[tuple[str, str]]:
    return [(t.label, text[t.start:t.end]) for t in transcript_turns(text)]


# --- quote_spans -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sarah Cook said, “The talks went nowhere.”", [("The talks went nowhere.",)]),
        ('He called the session "a polite ritual" and left.', [("a polite ritual",)]),
        ("“First half,” she said, “second half.”", [("First half,",), ("second half.",)]),
        (
            "“The first paragraph runs on.\n\n“The second one closes it,” she said.",
            [("The first paragraph runs on.", "The second one closes it,")],
        ),
        ("“An unclosed quote.\n\nA plain paragraph follows.", [("An unclosed quote.",)]),
        (
            "“They call it ‘dialogue,’ but nothing changes,” he said.",
            [("They call it ‘dialogue,’ but nothing changes,",)],
        ),
        (
            "\"Officials call it 'engagement' and move on,\" she said.",
            [("Officials call it 'engagement' and move on,",)],
        ),
        ('The cell was 6" wide, the lawyer said.', []),
    ],
)
def test_quotes_quote_spans(text, expected):
    assert _quotes(text) == expected


# --- transcript_turns --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "MS. PSAKI: We raised our concerns.\n\nQUESTION: Did China respond?",
            [("MS. PSAKI", "We raised our concerns."), ("QUESTION", "Did China respond?")],
        ),
        (
            "ASSISTANT SECRETARY MALINOWSKI: We had a frank exchange.\n\nWe also discussed individual cases.",
            [
                ("ASSISTANT SECRETARY MALINOWSKI", "We had a frank exchange."),
                ("ASSISTANT SECRETARY MALINOWSKI", "We also discussed individual cases."),
            ],
        ),
        (
            "Q: Will you raise Tibet?\n\nA: We always do.",
            [("Q", "Will you raise Tibet?"), ("A", "We always do.")],
        ),
        ("MR. TONER: We did.\n\nThe briefing ended at noon.", [("MR. TONER", "We did.")]),
        (  # in a transcript proper, the next paragraph of running speech is the same speaker's ...
            "MR. TONER: We did.\n\nAnd those concerns did not stop at the dialogue, either.\n\nCHINA\n\n"
            "(The briefing was concluded at 1:34 p.m.)",
            [("MR. TONER", "We did."), ("MR. TONER", "And those concerns did not stop at the dialogue, either.")],
        ),
        (  # ... but in a story that quotes a transcript, only a first-person paragraph is
            "WASHINGTON - Officials met.\n\nThe talks lasted two days.\n\nThey ended on Friday.\n\n"
            "MR. TONER: We did.\n\nAnd those concerns did not stop at the dialogue, either.",
            [("MR. TONER", "We did.")],
        ),
        ("BEIJING (Reuters) - China said the talks would go ahead.", []),
        (  # labels printed as names, in a transcript that has Q/A labels too ...
            "Zhou Ping: Good afternoon.\n\nQ: Will the talks resume?\n\nZhou Ping: That depends on the U.S. side.",
            [("Zhou Ping", "Good afternoon."), ("Q", "Will the talks resume?"),
             ("Zhou Ping", "That depends on the U.S. side.")],
        ),
        (  # ... or opening two paragraphs; a lone 'Human Rights Watch: …' paragraph is no turn
            "Related Stories: none.\n\nHuman Rights Watch: China must free the lawyers.",
            [],
        ),
        ("The talks open Monday.\n\nPRN: 2013/0934", []),  # a field line, not a turn
    ],
)
def test_quotes_transcript_turns(text, expected):
    assert _turns(text) == expected


# --- direct statements -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # speaker after the quote
        (
            "“The dialogue has become a talk shop with nothing to show for it,” said Sophie Lam.",
            ("Sophie Lam", "direct", "criticizes"),
        ),
        # speaker before the quote
        (
            "Daniel Baer said, “We had a candid exchange on the cases we care about.”",
            ("Daniel Baer", "direct", "defends"),
        ),
        # speaker between the halves of a split quote
        (
            "“The dialogue is worthwhile,” Maya Wang said, “but only if it changes something for lawyers.”",
            ("Maya Wang", "direct", "defends"),
        ),
        # colon-introduced quote
        (
            "Maya Wang offered a blunt verdict: “The whole exercise is box-checking for both governments.”",
            ("Maya Wang", "direct", "criticizes"),
        ),
        # appositive speaker
        (
            "Yasmin Farah, Asia director at Amnesty International, said: "
            "“The dialogue is a smoke screen for the crackdown.”",
            ("Yasmin Farah", "direct", "criticizes"),
        ),
        # according to X
        (
            "“The sessions have produced few results for prisoners,” according to Sarah Cook of "
            "Freedom House.",
            ("Sarah Cook", "direct", "criticizes"),
        ),
        # a quote that runs over two paragraphs
        (
            "Maya Wang said: “The first paragraph of the quote goes here.\n\n"
            "“And the second says the dialogue is futile.”",
            ("Maya Wang", "direct", "criticizes"),
        ),
        # "he said": the last named person
        (
            "Li Junhua chaired the afternoon session. “The talks were candid and constructive,” he said.",
            ("Li Junhua", "direct", "defends"),
        ),
        # a name inside the quote is not the antecedent of "she"
        (
            "Maya Wang was blunt. “Nobody in Beijing listens to Daniel Baer or anyone else,” she said.",
            ("Maya Wang", "direct", "neutral"),
        ),
        # a standalone quote paragraph continues the previous speaker
        (
            "Maya Wang said the dialogue had become a ritual.\n\n"
            "“Each year the same lists are handed over and nothing happens.”",
            ("Maya Wang", "direct", "neutral"),
        ),
        # a standalone quote paragraph after a sentence that names the speaker
        pytest.param("Maya Wang has followed the talks since 2008.\n\n"
            "“The dialogue has become a fig leaf for both governments.”", ("Maya Wang", "direct", "criticizes")),
        # transcript turns take the full name printed elsewhere in the article
        (
            "Deputy Assistant Secretary Daniel Baer briefed reporters after the talks.\n\n"
            "MR. BAER: We raised our concerns about the detained lawyers very directly.",
            ("Daniel Baer", "direct", "neutral"),
        ),
        (
            "Assistant Secretary of State Tom Malinowski spoke to reporters.\n\n"
            "ASSISTANT SECRETARY MALINOWSKI: We think this dialogue is an important part of our engagement.",
            ("Tom Malinowski", "direct", "defends"),
        ),
        (
            "Foreign Ministry spokesperson Geng Shuang held a regular briefing.\n\n"
            "Q: Will China attend the dialogue this year?\n\n"
            "A: We are open to a dialogue based on equality and mutual respect.",
            ("Geng Shuang", "direct", "neutral"),
        ),
    ],
)
def test_quotes_direct_statement_speaker(nlp, text, expected):
    assert expected in statements(run(nlp, text))


def test_quotes_split_quote_is_one_statement(nlp):
    text = "“The dialogue is worthwhile,” Maya Wang said, “but only if it changes something for lawyers.”"
    found = statement_texts(run(nlp, text))
    assert [s for s, t in found if "worthwhile" in t and "lawyers" in t] == ["Maya Wang"]


# --- generic speakers and questions produce nothing --------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Critics say the dialogue is a talk shop that changes nothing.", []),
        ("Rights groups say the talks are cosmetic and should be suspended.", []),
        ("“The talks are futile and toothless in every respect,” critics said.", []),
        ("“The dialogue has been a useful channel for us,” one activist said.", []),
        ("QUESTION: Is the dialogue just a smoke screen for inaction by both governments?", []),
    ],
)
def test_quotes_generic_speaker_makes_no_statement(nlp, text, expected):
    assert statements(run(nlp, text)) == expected


@pytest.mark.parametrize("text", [
    '" Daniel Baer said the dialogue is useful and we agree with him.',
    "“unclosed quote that runs to the end of the article and never closes",
    "A:\n\nQ:\n\nMR. X:",
    "“”\n\n\"\"\n\n“He said,” he said, “he said.”",
    "According to , the talks.\n\nHis wife, .\n\nled by\n\nmet with",
])
def test_quotes_odd_input_does_not_crash(nlp, text):
    run(nlp, text)  # must not raise


@pytest.mark.parametrize(("title", "header", "body", "speaker"), [
    ("Daily Press Briefing", ("Maria Ortega", "Spokesperson", "Washington, DC"),
     "MS. ORTEGA: Good afternoon. The talks this week were candid and useful.\n\nQUESTION: Any results?",
     "Maria Ortega"),
    ("Foreign Ministry Spokesperson Wen Dao's Regular Press Conference on May 4, 2014", (),
     "Q: What is your comment on the dialogue?\n\n"
     "A: We hope the US side will treat the dialogue as a constructive channel.",
     "Wen Dao"),
    # a middle initial in the header's name; the moderator's "Assistant Secretary Osei" is no name
    ("Press Availability", ("David J. Osei", "Assistant Secretary", "Beijing, China"),
     "MODERATOR: Assistant Secretary Osei will make a brief statement.\n\n"
     "ASSISTANT SECRETARY OSEI: The talks this week were candid and useful.",
     "David J. Osei"),
    ("Press Availability", ("K.T. Osei", "Assistant Secretary"),
     "ASSISTANT SECRETARY OSEI: The talks this week were candid and useful.", "K.T. Osei"),
    # the gazetteer's person, printed with a middle initial the gazetteer does not have
    ("Daily Press Briefing", ("Mark C. Toner", "Deputy Spokesperson", "Washington, DC"),
     "MR. TONER: Good afternoon. The talks this week were candid and useful.", "Mark Toner"),
])
def test_quotes_transcript_speaker_named_only_in_header(nlp, title, header, body, speaker):
    from rightsgraph.model import Article
    from rightsgraph.nlp import extract as extract_article

    x = extract_article(nlp, Article(id="t", title=title, body=body, header=header))
    assert [s.speaker for s in x.statements] == [speaker]


def test_quotes_reporter_question_relays_speech(nlp):
    text = ("Q: Human Rights Watch says the dialogue has become an empty ritual. How do you respond?\n\n"
            "A: We do not accept that view.")
    assert ("Human Rights Watch", "indirect", "criticizes") in statements(run(nlp, text))


def test_quotes_opinion_piece_speaks_for_its_author(nlp):
    from rightsgraph.model import Article
    from rightsgraph.nlp import extract as extract_article

    body = ("Maria Lopez, a fellow at an institute in Washington, argues for reviving the talks.\n\n"
            "I have watched this dialogue for a decade. I think abandoning the dialogue would be a mistake, "
            "because it is the only forum where officials can question each other directly.")
    x = extract_article(nlp, Article(id="t", title="Fix the talks", body=body, header=("Commentary | May 2014",)))
    assert "Maria Lopez" in {s.speaker for s in x.statements}


def test_quotes_briefing_keeps_only_exchanges_about_human_rights(nlp):
    text = ("QUESTION: On Syria, will the Secretary travel to Geneva next week?\n\n"
            "MS. NULAND: The Secretary will be in Geneva on Monday for meetings on the Syria crisis.\n\n"
            "QUESTION: What do you expect from the human rights dialogue with China?\n\n"
            "MS. NULAND: We will raise individual cases and our concerns about the rule of law.")
    found = statement_texts(run(nlp, text))
    assert not any("Geneva" in text for _speaker, text in found)
    assert any("individual cases" in text for _speaker, text in found)


def test_quotes_role_only_transcript_label_is_not_a_person(nlp):
    text = ("SENIOR STATE DEPARTMENT OFFICIAL: We raised the cases of several detained lawyers in the dialogue.\n\n"
            "QUESTION: Which ones?")
    x = run(nlp, text)
    assert not any("Official" in a.name for a in x.actors)
    assert not x.statements


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("WASHINGTON, May 3, 2014 - John Miller and Tom Reed said the dialogue had failed to produce results.",
         [("John Miller", "indirect", "criticizes"), ("Tom Reed", "indirect", "criticizes")]),
        ("John Miller stressed that the talks must continue despite the setbacks.",
         [("John Miller", "indirect", "defends")]),
        ("John Miller underscored that the talks were candid.", [("John Miller", "indirect", "defends")]),
        ("John Miller reaffirmed that the next round will take place in Geneva in the spring.",
         [("John Miller", "indirect", "neutral")]),
    ],
)
def test_quotes_joint_speakers_after_a_dateline_and_more_reporting_verbs(nlp, text, expected):
    assert statements(run(nlp, text)) == expected


def test_quotes_a_short_tagged_quotation_with_a_stance_is_a_statement(nlp):
    x = run(nlp, '"We welcome the dialogue," said spokeswoman Lin Qiu.')
    assert statements(x) == [("Lin Qiu", "direct", "defends")]
    scare = run(nlp, 'Critics called the talks "a smoke screen" last week.')
    assert [s for s in statements(scare) if s[1] == "direct"] == []


def test_quotes_a_mixed_case_dateline_is_not_the_speaker(nlp):
    x = run(nlp, "Washington, D.C. — Representative Mary Cole, co-chair of the commission, said the talks "
                 "were a charade.")
    assert [s[0] for s in statements(x)] == ["Mary Cole"]


def test_quotes_a_media_note_with_a_prn_line_speaks_in_its_issuers_voice(nlp):
    ex = release(nlp, "The Department of Justice will join the delegation. The United States remains concerned "
                      "about the detention of lawyers in China.\n\nPRN: 2013/0934", "U.S. Department of State")
    assert [(s.speaker, s.text) for s in ex.statements] == [
        ("U.S. Department of State", "The Department of Justice will join the delegation. The United States remains "
                                     "concerned about the detention of lawyers in China.")]


def test_quotes_the_issuers_delegation_speaks_in_its_voice(nlp):
    from rightsgraph.model import Article
    from rightsgraph.nlp import extract as extract_article

    body = ("The U.S. delegation met its counterparts in Geneva this week.\n\n"
            "The delegation also raised the cases of the lawyer Zhang Wei and of the writer Li Ming, both held "
            "without charge since the spring.")
    x = extract_article(nlp, Article(id="t", title="Talks", body=body, voice="United States"))
    assert [(s.speaker, s.text[:28]) for s in x.statements if "Zhang Wei" in s.text] == [
        ("United States", "The delegation also raised t")]  # the issuer's, and its whole sentence
    assert ("U.S. delegation", "raised", "Zhang Wei") in {(r.subject, r.predicate, r.object) for r in x.relations}


def test_quotes_a_question_is_not_reported_speech(nlp):
    text = "Did the spokesman say that the talks had failed?"
    assert statements(run(nlp, text)) == []


def test_quotes_a_title_anaphor_is_the_last_person_printed_with_that_title(nlp):
    """'The Secretary', 'the assistant secretary': the person named last with that title, not merely
    the person named last."""
    text = ("Secretary of State Tom Hale arrived in Beijing on Monday with Li Wen. "
            "The Secretary raised the case of Zhang Wei with Chinese officials.")
    assert ("Tom Hale", "indirect", "neutral") in statements(run(nlp, text))
    text = ("Assistant Secretary of State Mary Lane met Li Wen. Li Wen spoke briefly. "
            "The assistant secretary said the talks had been useful.")
    assert ("Mary Lane", "indirect", "defends") in statements(run(nlp, text))


def test_quotes_a_nominal_anaphor_is_the_person_who_spoke_not_the_last_named(nlp):
    """'The U.S. envoy said …' after the envoy listed a prisoner: the envoy, not the prisoner."""
    text = ("Assistant Secretary Tom Hale said he handed his hosts a list of cases, among them the writer Zhang "
            "Wei, who is serving a ten-year sentence. The U.S. envoy said he also pressed for the release of Li Na.")
    assert [s.speaker for s in run(nlp, text).statements if "Li Na" in s.text] == ["Tom Hale"]


def test_quotes_a_turn_splits_where_its_stance_changes(nlp):
    """A turn that judges the talks in one sentence and reports a case in the next is two
    statements, each with its own stance; a sentence that names no case, issue or person goes
    with the judgement beside it, before or after."""
    ex = run(nlp, "MS. ORTEGA: The round opens in Geneva on Monday. We found the talks candid and useful "
                  "last year. They will last two days. We will raise the case of Zhang Wei, who is in prison.\n\n"
                  "QUESTION: Anything else?")
    assert [(s.speaker, s.stance, s.text) for s in ex.statements] == [
        ("Ortega", "defends", "The round opens in Geneva on Monday. We found the talks candid and useful last "
                              "year. They will last two days."),
        ("Ortega", "neutral", "We will raise the case of Zhang Wei, who is in prison.")]


def test_quotes_a_turn_of_one_stance_is_one_statement(nlp):
    ex = run(nlp, "MS. ORTEGA: We raised the case of Zhang Wei. We also raised Tibet. The talks ran for two "
                  "days.\n\nQUESTION: Anything else?")
    assert [(s.stance, s.text.startswith("We raised"), s.text.endswith("two days.")) for s in ex.statements] == [
        ("neutral", True, True)]


def test_quotes_a_quotation_that_praises_and_faults_the_talks_is_two_statements(nlp):
    ex = run(nlp, '"The dialogue produces too little to justify itself. Held to account, it could still be '
                  'worth a great deal," said Mary Lane, a scholar.')
    assert [(s.speaker, s.stance) for s in ex.statements] == [("Mary Lane", "criticizes"), ("Mary Lane", "defends")]
    assert ("Mary Lane", "criticizes", DIALOGUE) in relations(ex)
    assert ("Mary Lane", "defends", DIALOGUE) in relations(ex)


def test_quotes_a_short_tagged_question_passes_its_speaker_to_the_next_quote(nlp):
    ex = run(nlp, 'Senator Ann Hale spoke first. Mary Lane described the talks as "a serious engagement." '
                  'Hale was unimpressed. "Serious for whom?" she said. "The families of these men are not '
                  'sitting in the room."')
    assert ("Ann Hale", "The families of these men are not sitting in the room.") in statement_texts(ex)


def test_quotes_a_hyphenated_subject_is_read_by_its_head(nlp):
    ex = run(nlp, "Senator Tom Hale spoke first. Hale's fellow co-chairman, Rep. Ann Reyes, struck a measured "
                  "note, saying the dialogue may still have value.")
    assert [s.speaker for s in ex.statements if "value" in s.text] == ["Ann Reyes"]


@pytest.mark.parametrize("header", [
    "Assistant Secretary of State for Democracy, Human Rights, and Labor Tom Hale",
    "Remarks by the Under Secretary for Civilian Security Tom Hale",
    "Secretary of State Tom Hale",
])
def test_quotes_transcript_label_takes_the_name_from_the_header_not_a_title_word(nlp, header):
    """The header line names the speaker after a title whose last word is capitalised ('… and Labor
    Tom Hale'): the label 'ASSISTANT SECRETARY HALE' is Tom Hale, not 'Labor Tom Hale'."""
    from rightsgraph.model import Article
    from rightsgraph.nlp import extract as extract_article

    body = "ASSISTANT SECRETARY HALE: We told the Chinese delegation the dialogue must produce results."
    x = extract_article(nlp, Article(id="t", title="Briefing on the Human Rights Dialogue", body=body,
                                     header=(header,)))
    assert {s.speaker for s in x.statements} == {"Tom Hale"}


def test_quotes_transcript_label_keeps_a_three_word_name_after_a_title(nlp):
    from rightsgraph.model import Article
    from rightsgraph.nlp import extract as extract_article

    body = "SECRETARY CLARKE: We told the Chinese delegation the dialogue must produce results."
    x = extract_article(nlp, Article(id="t", title="Remarks on the Human Rights Dialogue", body=body,
                                     header=("Secretary of State Mary Ann Clarke",)))
    assert {s.speaker for s in x.statements} == {"Mary Ann Clarke"}


def test_quotes_speech_a_turn_relays_from_someone_named_is_theirs_too(nlp):
    """'Mr. Zhou told us that …' in Lane's turn: Zhou Ping said it (indirect); the turn stays Lane's,
    and her own 'we told him …' is not split off."""
    text = ("MS. LANE: We held two days of human rights talks with a delegation led by Zhou Ping. Mr. Zhou told us "
            "that Beijing would not accept interference in its courts. We told him these cases matter to us.")
    found = statements(run(nlp, text))
    assert ("Zhou Ping", "indirect", "neutral") in found
    assert [s for s in found if s[1] == "direct"] == [("Lane", "direct", "neutral")]
    assert len(found) == 2


def test_quotes_speech_a_turn_relays_from_the_other_government_is_its_own(nlp):
    """'The Chinese side told us it will invite …' in Lane's turn: China said it."""
    text = ("MS. LANE: We held two days of talks in Beijing. The Chinese side told us that it would invite the "
            "rapporteur to visit next year. We told them we would watch for the visit.")
    assert ("China", "indirect", "neutral") in statements(run(nlp, text))


def test_quotes_transcript_label_matches_the_header_name_whatever_its_capitals(nlp):
    """'MR. MCDONALD' is the 'Sean McDonald, Spokesman' of the header, not 'Mcdonald'."""
    from rightsgraph.model import Article
    from rightsgraph.nlp import extract as extract_article

    body = "MR. MCDONALD: We told the Chinese delegation the human rights dialogue must produce results."
    x = extract_article(nlp, Article(id="t", title="Daily Press Briefing", body=body,
                                     header=("Sean McDonald, Spokesman", "Washington, DC")))
    assert {s.speaker for s in x.statements} == {"Sean McDonald"}


@pytest.mark.parametrize("text", [
    # a hyphen in the relative clause makes the parser hang the name on a clause before 'said'
    "Representative Tom Hale, who has co-chaired the panel for a decade, said the talks had become a ritual.",
    # a surname after a title, the NER missed, once the full name was printed
    "Senator Ann Berg and Representative Tom Hale wrote a letter. Representative Hale, who has co-chaired the "
    "panel for a decade, said the talks had become a ritual.",
])
def test_quotes_the_speaker_of_a_said_after_a_relative_clause(nlp, text):
    assert ("Tom Hale", "indirect", "criticizes") in statements(run(nlp, text))


def test_quotes_a_quote_tagged_by_a_verb_whose_speaker_is_known(nlp):
    """The nearest tag verb ('to say') has no subject of its own: the next one ('told') names the speaker."""
    text = ("State Department spokesman Tom Hale told reporters Thursday that Washington “remains committed to "
            "engaging China on human rights through every channel available to us,” but declined to say when the "
            "talks might resume.")
    assert [s[0] for s in statements(run(nlp, text))] == ["Tom Hale"]


def test_quotes_a_label_the_article_never_names_in_full_is_the_gazetteers_official(nlp):
    """'MR. BOUCHER' in a briefing whose header and body print no first name: the department's
    spokesman of that name in the gazetteer (its officials of 1997-2016)."""
    text = "MR. BOUCHER: We raised the human rights dialogue with the Chinese side again this week."
    assert [s[0] for s in statements(run(nlp, text))] == ["Richard Boucher"]


def test_quotes_they_are_the_persons_who_spoke_in_the_sentence_before(nlp):
    """'A and B asked that …. They also asked …': both statements are A's and B's (each a speaker); a
    demand's that-clause is what they said, however the parse hung it."""
    text = ("Senator Ann Berg and Representative Joe Kim asked that the delegation press for the release of the "
            "writer Zhang Wei. They also asked the Administration to raise the treatment of lawyers in Yunnan.")
    assert statement_texts(run(nlp, text)) == [
        ("Ann Berg", "the delegation press for the release of the writer Zhang Wei"),
        ("Joe Kim", "the delegation press for the release of the writer Zhang Wei"),
        ("Ann Berg", "the Administration to raise the treatment of lawyers in Yunnan"),
        ("Joe Kim", "the Administration to raise the treatment of lawyers in Yunnan"),
    ]


def test_quotes_they_after_one_speaker_is_no_one(nlp):
    text = "Tom Hale said the talks were useful. They also discussed trade."
    assert {s for s, _t in statement_texts(run(nlp, text))} == {"Tom Hale"}


def test_quotes_a_generic_subject_with_a_named_member_is_that_member(nlp):
    """'Some groups, Human Rights Watch among them, are saying …' in a reporter's question: the named
    organisation said it."""
    text = ("QUESTION: Some groups, Human Rights Watch among them, are saying the dialogue has become an empty "
            "ritual. Is it?\n\nMR. TONER: No.")
    assert [s for s, _k, _st in statements(run(nlp, text))] == ["Human Rights Watch"]


def test_quotes_a_reporters_question_quoting_someone_named_is_their_statement(nlp):
    text = ("QUESTION: Victor Ng, a spokesman for the Harbor Rights Network, said last week that the dialogue "
            "\u201cdied quietly and no one bothered to hold a funeral.\u201d How do you respond?\n\n"
            "MR. TONER: I'd respectfully disagree with that characterization.")
    found = statement_texts(run(nlp, text))
    assert ("Victor Ng", "died quietly and no one bothered to hold a funeral.") in found


def test_quotes_a_quote_in_a_question_without_a_named_speaker_is_no_statement(nlp):
    text = ("QUESTION: You said last week the talks were \u201ca waste of everyone's time and money.\u201d Do you "
            "stand by that?\n\nMR. TONER: I said what I said about the human rights dialogue.")
    assert not any("waste" in t for _s, t in statement_texts(run(nlp, text)))


def test_quotes_a_sentence_run_on_past_its_full_stop_asks_only_after_it(nlp):
    from rightsgraph.nlp.textspans import in_question
    doc = nlp("QUESTION: Ines Moretti said the talks \u201cdied quietly.\u201d How do you respond?")
    assert not in_question(next(t for t in doc if t.lower_ == "said"))
    doc = nlp("Did Mr. Posner raise the case of Tang Xiaoyu?")  # an abbreviation's stop ends nothing
    assert in_question(doc[0])


@pytest.mark.parametrize(("text", "speaker"), [
    ("Groups like Open Gate say the talks are a smoke screen.", "Open Gate"),
    # a reporter's address to the briefer, then the groups and their named example
    ("MR. TONER: Hello.\n\nQUESTION: Assistant Secretary, several groups, Lotus Watch among them, say the "
     "dialogue is a sham. Why go ahead?\n\nMR. TONER: We think it matters.", "Lotus Watch"),
    ("Rights groups such as the Lotus Rights Initiative said the dialogue was a charade.", "Lotus Rights Initiative"),
])
def test_quotes_groups_named_by_an_example_speak_through_it(nlp, text, speaker):
    assert [(s.speaker, s.stance) for s in run(nlp, text).statements] == [(speaker, "criticizes")]


def test_quotes_a_coordinated_subject_each_speaks_a_quotation(nlp):
    """'A and B wrote that the dialogue "…"': the quotation is each one's statement; one speaker
    alone gives one statement."""
    joint = run(nlp, 'Senator Tom Hale and Representative Ann Berg wrote to Secretary Mary Lane that the '
                     'dialogue "has become a courtesy with nothing to show for it."')
    assert sorted(statements(joint)) == [("Ann Berg", "direct", "criticizes"), ("Tom Hale", "direct", "criticizes")]
    alone = run(nlp, 'Senator Tom Hale wrote to Secretary Mary Lane that the dialogue "has become a courtesy '
                     'with nothing to show for it."')
    assert statements(alone) == [("Tom Hale", "direct", "criticizes")]


def test_quotes_a_sentence_naming_an_organization_keeps_its_own_stance(nlp):
    """A sentence that names a government or a group says something of its own ('The responsibility
    lies with the U.S. side'); it does not take the judgement of the talks beside it, and a loose
    sentence after it goes with it."""
    ex = run(nlp, "MR. LIANG: The talks were candid and useful. The responsibility for the delay lies "
                  "with the State Department. We will meet again next year.\n\nQUESTION: Anything else?")
    assert [(s.stance, s.text) for s in ex.statements] == [
        ("defends", "The talks were candid and useful."),
        ("neutral", "The responsibility for the delay lies with the State Department. We will meet again "
                    "next year.")]


def test_quotes_quoted_x_as_saying(nlp):
    """'State media quoted Wang as saying the talks were "…"': the one quoted speaks, not the outlet."""
    ex = run(nlp, 'The Chinese delegation was led by Wang Jianmin of the Foreign Ministry. Chinese state media '
                  'quoted Wang as saying the talks were "candid and constructive and helpful to understanding."')
    assert [(s.speaker, s.stance) for s in ex.statements] == [("Wang Jianmin", "defends")]


def test_quotes_the_letter_reads(nlp):
    """'"…," the letter reads': the quotation is the words of the letter's senders, not of the person
    named last before it."""
    ex = run(nlp, "WASHINGTON - Senator Paul Ostrander and Representative Margaret Hale today sent a letter to "
                  "Secretary of State Hillary Clinton ahead of the dialogue.\n\nKou Lin's sister, Kou Mei, who "
                  "lives in Australia, met with Commission staff on Monday.\n\n\"We welcome the commitment to "
                  "hold this round and we expect it to produce results,\" the letter reads.")
    assert {s.speaker for s in ex.statements if s.text.startswith("We welcome")} == {"Paul Ostrander", "Margaret Hale"}
