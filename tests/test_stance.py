"""stance: classify_stance reads what a statement says about the dialogue (lexicon cues, negation)."""

from __future__ import annotations

import pytest

from rightsgraph.nlp.knowledge import load_knowledge
from rightsgraph.nlp.stance import classify_stance


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # criticizes
        ("The dialogue has become largely cosmetic.", "criticizes"),
        ("These talks are toothless.", "criticizes"),
        ("Another round of talks would be futile.", "criticizes"),
        ("The session is a smoke screen for continued abuses.", "criticizes"),
        ("For Washington the meeting is box-checking.", "criticizes"),
        ("The exchange has produced few results.", "criticizes"),
        ("It is a talk shop, nothing more.", "criticizes"),
        pytest.param("The talks were useless.", "criticizes"),
        # defends
        ("The dialogue is important.", "defends"),
        ("These meetings are worthwhile.", "defends"),
        ("We had a constructive exchange.", "defends"),
        ("The talks were candid.", "defends"),
        ("The dialogue is a useful channel.", "defends"),
        ("The talks are a sign of a maturing relationship.", "defends"),
        # neutral: plain facts, and criticism of China's record that says nothing about the dialogue
        ("The talks were held in Kunming on Tuesday.", "neutral"),
        ("China's human rights record remains poor and lawyers face harassment.", "neutral"),
        pytest.param("China has made little progress on ending torture.", "neutral"),
        pytest.param("Torture remains routine in Chinese detention centers.", "neutral"),
        pytest.param("Lawyers play an important role in defending petitioners.", "neutral"),
        # the condition China sets for talks is no judgement of them
        ("Dialogue should be conducted on the basis of equality and mutual respect.", "neutral"),
        # negation
        ("The talks are not useful.", "criticizes"),
        ("The dialogue was never constructive.", "criticizes"),
        ("The dialogue is hardly valuable anymore.", "criticizes"),
        pytest.param("I don't think the dialogue is worthwhile.", "criticizes"),
        pytest.param("The dialogue is not a talk shop; it gets results.", "defends"),
    ],
)
def test_stance_classify_stance(text, expected):
    assert classify_stance(text, load_knowledge())[0] == expected


@pytest.mark.parametrize("text, stance", [
    ("We welcome the dialogue", "defends"),
    ("the minister welcomed the resumption of the talks", "defends"),
    ("she values these exchanges", "defends"),
    ("he dismissed the talks as theatre", "criticizes"),
    ("activists denounced the whole dialogue", "criticizes"),
    ("we do not welcome the talks", "criticizes"),  # negated
    ("she welcomed the release of the activist", "neutral"),  # the object is not the talks
    ("China opposed interference in its affairs", "neutral"),
    ("the dialogue produced no results", "criticizes"),
    ("the talks achieved little", "criticizes"),
])
def test_stance_verbs_whose_object_is_the_talks(text, stance):
    assert classify_stance(text, load_knowledge())[0] == stance


@pytest.mark.parametrize("text, stance", [
    # contrast: the point made after "but"/"yet" outweighs the one before it
    ("The exchanges are useful but insufficient.", "criticizes"),
    ("The talks are imperfect, but they remain valuable.", "defends"),
    ("The meetings were frank but ultimately fruitless.", "criticizes"),
    ("The sessions have been candid, yet they have achieved little.", "criticizes"),
    # a concession counts half: the main clause carries the judgement
    ("Although the dialogue has produced few results, it remains important.", "defends"),
    ("Even though the talks are constructive, they have produced no results.", "criticizes"),
    # the talks as the only channel, and ending them as a mistake
    ("It remains the only forum where officials can question each other.", "defends"),
    ("This is one of the few places where their names are spoken aloud.", "defends"),
    ("The dialogue is not the only place where we raise human rights.", "neutral"),
    ("Walking away from the dialogue would be a mistake.", "defends"),
    ("Ending the talks now would be a serious error.", "defends"),
    ("The round ended on Tuesday without a joint statement.", "neutral"),
    ("He said China is the only country that jails a Nobel laureate.", "neutral"),
])
def test_stance_contrast_concession_and_constructions(text, stance):
    assert classify_stance(text, load_knowledge())[0] == stance


@pytest.mark.parametrize("text, stance", [
    # an outcome verb with a null quantity, said of the talks
    ("The meetings have done little for the families.", "criticizes"),
    ("Five rounds of the dialogue delivered next to nothing.", "criticizes"),
    ("The sessions changed nothing for prisoners.", "criticizes"),
    ("The weather did little to help the harvest.", "neutral"),  # not about the talks
    # a negated outcome before 'a single' or 'any', and nothing as the subject of a passive outcome
    ("Quiet talks have not freed a single prisoner of conscience this year.", "criticizes"),
    ("The dialogue has never led to any release.", "criticizes"),
    ("The dialogue is a table where nothing is ever decided.", "criticizes"),
    ("The storm has not changed a single flight schedule.", "neutral"),  # not about the talks
    # the null quantity before the outcome verb
    ("The lapse showed how little the talks had achieved.", "criticizes"),
    ("Little has been achieved in the dialogue since 2002.", "criticizes"),
    # 'so-called' before the talks keeps them at a distance; before another noun it says nothing of them
    ("The so-called dialogue on human rights meets again in May.", "criticizes"),
    ("China rejects the use of so-called human rights issues to interfere in its affairs.", "neutral"),
    # the rhetorical question of purpose
    ("If they cannot say where he is, what exactly are these meetings for?", "criticizes"),
    ("Voters may well ask what the dialogue is for.", "criticizes"),
    ("What is the point of another round of talks?", "criticizes"),
    ("The talks are what we use for detailed exchanges on cases.", "neutral"),
    # treating the talks as business as usual
    ("The talks must not become business as usual.", "criticizes"),
    # asking for benchmarks, or finding the talks yield too little
    ("Washington should set public benchmarks for the dialogue.", "criticizes"),
    ("As it is run today, the dialogue produces too little to justify itself.", "criticizes"),
    ("The ministry set new benchmarks for grain output.", "neutral"),  # not about the talks
])
def test_stance_dismissal_by_outcome_and_purpose(text, stance):
    assert classify_stance(text, load_knowledge())[0] == stance


@pytest.mark.parametrize("text, stance", [
    # the general words count in the sentence that speaks of the talks ...
    ("The talks opened on Monday. The U.S. side found the exchanges useful.", "defends"),
    ("Mr. Lee called the round productive.", "defends"),
    ("It was candid.", "defends"),
    # ... and not in a sentence about something else in the same statement
    ("The talks opened on Monday. Courts have made progress on the rule of law.", "neutral"),
    ("The round ended on Friday. Dr. Ma said detention remains routine for activists.", "neutral"),
    ("The two sides met in Geneva. Lawyers are important to any reform.", "neutral"),
    # a judgement only ever made of the talks counts wherever it stands
    ("The delegates flew home. Critics called the whole affair a fig leaf.", "criticizes"),
    # talks standing in for something else, or trading set lines; negated, the other side
    ("Critics say the dialogue has become a substitute for real pressure on Beijing.", "criticizes"),
    ("The dialogue is not a substitute for other diplomacy.", "defends"),
    ("The talks were an exchange of talking points and nothing more.", "criticizes"),
    ("The bank offers a substitute for cash to its clients.", "neutral"),
])
def test_stance_general_words_count_in_sentences_about_the_talks(text, stance):
    assert classify_stance(text, load_knowledge())[0] == stance


@pytest.mark.parametrize("text, stance", [
    # a judgement asked about is not made: "whether the talks are worth it" leaves the stance open
    ("Lawmakers asked that the release of prisoners be the test of whether the talks are worth continuing.",
     "neutral"),
    ("The panel will consider whether the dialogue has become a waste of time.", "neutral"),
    # made, it counts
    ("The talks are worth continuing.", "defends"),
    ("The dialogue has become a waste of time.", "criticizes"),
])
def test_stance_an_open_question_is_no_judgement(text, stance):
    assert classify_stance(text, load_knowledge())[0] == stance


def test_stance_sentences_each_sentence_keeps_its_own_stance():
    """Offsets into the text as given (its spacing kept); 'it' in the second sentence is scoped by
    the talks named in the first."""
    from rightsgraph.nlp.stance import stance_sentences
    text = "The talks  ran for two days.\nIt was a sham.  We raised Tibet."
    got = [(text[a:b], stance) for a, b, stance, _c in stance_sentences(text, load_knowledge())]
    assert got == [("The talks  ran for two days.", "neutral"), ("It was a sham.", "criticizes"),
                   ("We raised Tibet.", "neutral")]


def test_stance_sentences_do_not_end_at_initials_or_titles():
    from rightsgraph.nlp.stance import _normalise, _sentences
    low = _normalise("The U.S. side met Sen. Lee and Mr. Ma. Then it ended! Did it?")
    assert [low[a:b].strip() for a, b in _sentences(low, load_knowledge())] == [
        "the u.s. side met sen. lee and mr. ma.", "then it ended!", "did it?"]


@pytest.mark.parametrize("text, stance", [
    # asking the talks for more than a thing says they give no more
    ("If the administration wants the talks to be more than a show for cameras, it must name names.", "criticizes"),
    ("The next round must produce more than talk.", "criticizes"),
    # saying they are more than it defends them, whatever the thing is called
    ("The dialogue is more than a ritual.", "defends"),
    # time and numbers are no measure
    ("I have followed these talks for more than a decade.", "neutral"),
    ("More than 300 lawyers were held before the round.", "neutral"),
])
def test_stance_more_than(text, stance):
    assert classify_stance(text, load_knowledge())[0] == stance


@pytest.mark.parametrize("text, stance", [
    ("The session was worth holding, even if it produced no breakthroughs.", "defends"),
    ("We remain committed to the dialogue.", "defends"),
    ("The talks were long on talk and short on results.", "criticizes"),
    ("The bilateral dialogue compares poorly with the council in Geneva.", "criticizes"),
    ("That round was not nothing.", "defends"),
])
def test_stance_general_evaluations_of_the_talks(text, stance):
    assert classify_stance(text, load_knowledge())[0] == stance


@pytest.mark.parametrize("text, stance", [
    # ending the talks named a mistake before the verb
    ("It is a channel we would be foolish to close.", "defends"),
    ("It would be a mistake to abandon the talks.", "defends"),
    # not ending something else
    ("It would be wrong to end the detention of lawyers.", "neutral"),
])
def test_stance_ending_the_talks_called_a_mistake_first(text, stance):
    assert classify_stance(text, load_knowledge())[0] == stance


@pytest.mark.parametrize("text, stance", [
    # results the talks brought count for them
    ("Over the years the dialogue has yielded real gains for ordinary people.", "defends"),
    ("The session produced concrete results on prison visits.", "defends"),
    # a null quantity or a negation first: against them
    ("The session produced no results on prison visits.", "criticizes"),
    ("The talks have not brought results for the families.", "criticizes"),
    # an open question is no judgement
    ("Nobody should judge the dialogue by whether it produces releases the day after.", "neutral"),
])
def test_stance_results_the_talks_brought(text, stance):
    assert classify_stance(text, load_knowledge())[0] == stance


@pytest.mark.parametrize("text, stance", [
    # a label in an unreal condition is denied
    ("If the dialogue were a talk shop, we would not spend two days on individual cases.", "defends"),
    ("If these talks had been a sham, they would have ended years ago.", "defends"),
    # a real condition keeps it
    ("The dialogue is a talk shop, and everyone knows it.", "criticizes"),
])
def test_stance_a_label_in_an_unreal_condition_is_denied(text, stance):
    assert classify_stance(text, load_knowledge())[0] == stance


@pytest.mark.parametrize(("text", "stance"), [
    # a judgement on a condition that follows it is no judgement ...
    ("The dialogue is worthwhile only if it produces concrete results.", "neutral"),
    ("Dialogue is worthwhile when it leads somewhere.", "neutral"),
    # ... but a concession after a comma, or a denial, keeps its side
    ("The talks are useful, if limited.", "defends"),
    ("It's hardly a success if you measure the dialogue by prisoners freed.", "criticizes"),
    # a cue word inside a phrase that judges nothing
    ("The talks produced a communique's worth of courtesy.", "neutral"),
    ("The session produced a day's worth of statements.", "neutral"),
    # an outcome verb in its base form with a null quantity
    ("Officials sit through these sessions, nod politely and change nothing.", "criticizes"),
    ("That is part of what makes the dialogue credible.", "defends"),
])
def test_stance_conditions_blank_phrases_and_base_form_outcomes(text, stance):
    assert classify_stance(text, load_knowledge())[0] == stance


@pytest.mark.parametrize(("text", "stance"), [
    ("But a conversation is not a commitment.", "criticizes"),
    ("The dialogue has never been a success.", "criticizes"),
    ("China's record is not progress.", "neutral"),  # not said of the talks
    ("Holding this dialogue while lawyers disappear sends the wrong message.", "criticizes"),
])
def test_stance_the_talks_denied_the_name_of_an_outcome(text, stance):
    assert classify_stance(text, load_knowledge())[0] == stance


@pytest.mark.parametrize("text, stance", [
    # a few general idioms of praise and dismissal, counted where the sentence speaks of the talks
    ("The dialogue is one tool among many that we use.", "defends"),
    ("These sessions remain a valuable channel for raising cases.", "defends"),
    ("For Beijing the talks are little more than a PR exercise.", "criticizes"),
    ("The round was perfunctory and over by lunch.", "criticizes"),
    ("The exchanges have stagnant agendas and platitudes.", "criticizes"),
    ("Every year the meetings take place and nothing changes.", "criticizes"),
    ("The government should stop pretending the dialogue works.", "criticizes"),
    ("The talks are not going nowhere; they are slow.", "defends"),  # negated
    # the same words about something else say nothing of the talks
    ("The new bridge is one tool among many for the city planners.", "neutral"),
    ("Nothing changes in the village from one harvest to the next.", "neutral"),
])
def test_stance_general_idioms_of_praise_and_dismissal(text, stance):
    assert classify_stance(text, load_knowledge())[0] == stance


def test_stance_one_of_the_few_rooms_where():
    assert classify_stance("It is one of the few rooms where officials actually have to listen.",
                           load_knowledge())[0] == "defends"
