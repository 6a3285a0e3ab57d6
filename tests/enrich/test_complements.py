from __future__ import annotations

from relkit import triples

from rashomon.enrich.relations import find_relations


def _cues(nlp, text):
    doc = nlp(text)
    return [doc.text[slice(*r.cue)] for r in find_relations(doc)]


def test_adding_to_a_thing_is_no_speech(nlp):
    assert _cues(nlp, "The mayor won the county, adding to her lead in the state.") == []
    assert _cues(nlp, "The rain added a new problem to the list.") == []
    assert _cues(nlp, "The bridge is closed, the mayor added.") == ["added"]


def test_a_second_that_clause_joined_to_the_verb_is_reported_too(nlp):
    doc = nlp(
        "The governor said the state needs to fix the roads, but that he would not back a tax."
    )
    said = next(r for r in find_relations(doc) if doc.text[slice(*r.cue)] == "said")
    assert [doc.text[slice(*c)] for c in said.content] == [
        "the state needs to fix the roads, but that he would not back a tax"
    ]


def test_a_speech_verb_and_colon_closing_a_paragraph_quote_the_whole_next_one(nlp):
    text = (
        "The mayor added:\n\nIt is typical of the council. They know nothing, but the talk "
        "never stops.\n\nThe council did not reply."
    )
    assert triples(nlp, text, outer=True) == [
        (
            "added",
            "The mayor",
            ["It is typical of the council. They know nothing, but the talk never stops"],
        )
    ]


def test_calling_on_someone_to_act_reports_the_act_too(nlp):
    text = "Roe has called for the former clerk to release the records of her trips."
    assert triples(nlp, text, outer=True) == [
        ("has called for", "Roe", ["the former clerk to release the records of her trips"])
    ]
    # after a verb that asks nothing of its object the infinitive tells the purpose
    (pointed,) = triples(nlp, "The mayor pointed to the new votes to make her case.", outer=True)
    assert pointed[2] == ["the new votes"]


def test_a_court_rules_against_or_for_what_follows_its_preposition(nlp):
    text = "The appeals court ruled against the harbour board's new mooring fees."
    assert triples(nlp, text) == [
        ("ruled against", "The appeals court", ["the harbour board's new mooring fees"])
    ]


def test_looking_for_something_states_what_is_wanted(nlp):
    text = "Ferry crews are looking for a mayor who will mend the piers."
    assert triples(nlp, text, outer=True) == [
        ("are looking for", "Ferry crews", ["a mayor who will mend the piers"])
    ]


def test_a_phrasal_verb_takes_the_prepositions_of_its_own_entry(nlp):
    text = "She spoke out against the new harbour rules."
    assert triples(nlp, text) == [("spoke out against", "She", ["the new harbour rules"])]


def test_charging_someone_with_a_crime_is_an_accusation_and_charging_a_fee_is_not(nlp):
    text = "Prosecutors charged the clerk with fraud."
    assert triples(nlp, text) == [("charged", "Prosecutors", ["the clerk with fraud"])]
    assert triples(nlp, "The ferry company charged passengers a new fee.") == []


def test_support_thrown_or_doubt_cast_goes_to_what_follows_the_preposition(nlp):
    text = "Mayor Roe threw her support behind the ferry levy."
    assert triples(nlp, text) == [("threw her support behind", "Mayor Roe", ["the ferry levy"])]
    assert triples(nlp, "Roe cast doubt on the official tally.") == [
        ("cast doubt on", "Roe", ["the official tally"])
    ]
    assert triples(nlp, "The fishermen cast their nets at dawn.") == []


def test_a_participle_after_a_comma_reports_what_follows_it_not_the_clause_before(nlp):
    text = "Kell seemed to scorn the levy, saying at the end, ''Nobody pays that.''"
    rels = {cue: (source, content) for cue, source, content in triples(nlp, text)}
    assert rels["saying"] == ("Kell", ["''Nobody pays that.''"])


def test_a_speech_participle_after_the_verb_tells_how_it_was_said_not_what(nlp):
    text = '"It is a fair toll," Roe said replying to a caller on the radio.'
    rels = {cue: content for cue, _, content in triples(nlp, text)}
    assert rels["said"] == ['"It is a fair toll,"']


def test_a_relative_that_stands_for_its_noun_as_which_does(nlp):
    text = "A strike at the port is the sort of defeat that she fears."
    assert triples(nlp, text) == [("fears", "she", ["that"])]
    text = "A strike at the port is the sort of defeat which she fears."
    assert triples(nlp, text) == [("fears", "she", ["which"])]


def test_the_hearer_of_a_passive_question_or_warning_is_no_content(nlp):
    text = "When Kell was asked about the delays, she blamed the fog."
    assert ("was asked about", None, ["the delays"]) in triples(nlp, text)
    text = "Roe was warned against crossing the old bridge."
    assert triples(nlp, text) == [("was warned against", None, ["crossing the old bridge"])]
    # what was asked can still be the subject
    text = "The same question was asked twice at the hearing."
    assert triples(nlp, text) == [("was asked", None, ["The same question"])]


def test_a_quote_after_a_verb_and_a_comma_is_what_the_verb_reports(nlp):
    text = 'The fans chanted back at the mayor, "Fix the roads," and "Open the pool."'
    assert triples(nlp, text) == [
        ("chanted", "The fans", ['"Fix the roads,"', '"Open the pool."'])
    ]
    # a quote before the verb stays with the one after it
    text = '"The quay is old," Roe said, "but it will hold."'
    assert triples(nlp, text) == [("said", "Roe", ['"The quay is old,"', '"but it will hold."'])]


def test_a_phrase_hung_on_the_hearer_is_what_the_hearer_was_reminded_of(nlp):
    text = "At the rally, Kell reminded the voters of the long ferry strike."
    assert triples(nlp, text) == [
        ("reminded the voters of", "Kell", ["the long ferry strike"])
    ]


def test_a_passive_judgement_takes_the_reason_with_its_subject(nlp):
    text = "The harbour master was criticized for the long delays at the locks."
    assert triples(nlp, text) == [
        ("was criticized", None, ["The harbour master", "for the long delays at the locks"])
    ]


def test_the_noun_of_a_stranded_preposition_is_the_content(nlp):
    text = "The judge Roe was referring to is a former sheriff."
    assert triples(nlp, text) == [("was referring to", "Roe", ["The judge"])]


def test_pressing_and_talking_take_their_topic_after_their_preposition(nlp):
    text = "Pressed about the late ferries, the harbour master shrugged."
    assert ("Pressed about", None, ["the late ferries"]) in triples(nlp, text)
    text = "Roe talked proudly of the new docks."
    assert triples(nlp, text) == [("talked proudly of", "Roe", ["the new docks"])]


def test_a_quoted_imperative_after_a_verb_is_what_was_said(nlp):
    assert triples(nlp, 'Pickets chanted "Pay the nurses" outside the ward.') == [
        ("chanted", "Pickets", ['"Pay the nurses" outside the ward'])
    ]
    assert triples(nlp, 'At the gate, the marchers chanted "Open the mill!" for an hour.') == [
        ("chanted", "the marchers", ['"Open the mill!"'])
    ]


def test_feeling_for_someone_is_a_stance_towards_them(nlp):
    text = "The whole town feels for the families of the lost crew."
    assert triples(nlp, text) == [
        ("feels for", "The whole town", ["the families of the lost crew"])
    ]


def test_persuading_someone_reports_what_they_were_persuaded_of(nlp):
    text = "Roe has persuaded the dockers that the plan is sound."
    assert triples(nlp, text) == [("has persuaded", "Roe", ["that the plan is sound"])]


def test_encouraging_someone_reports_what_they_were_urged_to_do(nlp):
    text = "The mayor encouraged the dockers to accept the offer."
    assert triples(nlp, text, outer=True) == [
        ("encouraged", "The mayor", ["the dockers to accept the offer"])
    ]


def test_sounding_a_note_or_sounding_off_takes_its_topic(nlp):
    text = "Pell sounded a hopeful note about the new ferry."
    assert triples(nlp, text) == [("sounded", "Pell", ["the new ferry"])]
    text = "Fans sounded off about the new stadium."
    assert triples(nlp, text) == [("sounded off about", "Fans", ["the new stadium"])]
    # without an object it still tells how something came across
    assert triples(nlp, "The plan sounds reasonable.") == [
        ("sounds", None, ["The plan", "reasonable"])
    ]


def test_declining_or_refusing_a_thing_takes_it_as_the_content(nlp):
    text = "Kell declined an interview request from the paper."
    assert triples(nlp, text) == [("declined", "Kell", ["an interview request from the paper"])]


def test_conceding_a_race_takes_it_as_the_content(nlp):
    text = "Roe has still not conceded the race to Kell."
    assert triples(nlp, text) == [("not conceded", "Roe", ["the race to Kell"])]


def test_lamenting_or_alleging_a_thing_takes_it_as_the_content(nlp):
    text = "The dockers lamented the loss of the old ferry."
    assert triples(nlp, text) == [("lamented", "The dockers", ["the loss of the old ferry"])]


def test_the_following_closing_a_paragraph_stands_for_the_next_one(nlp):
    text = "The mayor tweeted the following:\n\nThe bridge will stay shut until May."
    assert triples(nlp, text) == [
        ("tweeted", "The mayor", ["The bridge will stay shut until May"])
    ]
    text = "The board released the following statement:\n\nThe ferry will run on Sundays."
    assert triples(nlp, text) == [("released", "The board", ["The ferry will run on Sundays"])]


def test_a_remark_made_or_an_answer_given_is_the_content(nlp):
    text = "The harbour master gave a curt answer and the clerk made several odd remarks."
    assert triples(nlp, text) == [
        ("gave", "The harbour master", ["a curt answer"]),
        ("made", "the clerk", ["several odd remarks"]),
    ]
    # what points back at words reported before is no new content
    assert triples(nlp, "The mayor made her remarks after the vote.") == []


def test_a_topic_hung_on_the_phrase_before_it_is_still_what_was_talked_about(nlp):
    text = "The mayor was talking to fishermen about the new quotas."
    assert triples(nlp, text) == [
        ("was talking to fishermen about", "The mayor", ["the new quotas"])
    ]


def test_a_particle_read_as_an_adverb_still_makes_the_phrasal_verb(nlp):
    assert triples(nlp, "The union has aggressively pushed back on the new rules.") == [
        ("has aggressively pushed back on", "The union", ["the new rules"])
    ]


def test_a_naming_verb_read_as_a_participle_of_the_sentence_head_still_reports(nlp):
    text = "Garza, a Baker rival, called Maine’s ferry tolls “silly.”"
    ((cue, source, content),) = triples(nlp, text)
    assert (cue, source) == ("called", "Garza, a Baker rival,")
    assert content[0] == "Maine’s ferry tolls"
    assert triples(nlp, "A firm called Harbour Works.") == []


def test_continuing_to_do_what_is_no_report_is_no_cue(nlp):
    assert _cues(nlp, "She continues to trail her rival in the polls.") == []
    assert _cues(nlp, "They will continue to lose money on the ferry.") == []
    assert "continued" in _cues(nlp, "Kell continued to insist that the count was wrong.")


def test_pleading_guilty_to_a_charge_admits_it(nlp):
    text = "In 2012, Roe pleaded guilty to making illegal gifts to several candidates."
    assert triples(nlp, text) == [
        ("pleaded guilty to", "Roe", ["making illegal gifts to several candidates"])
    ]


def test_a_sign_reads_the_quote_it_bears(nlp):
    assert triples(nlp, "A banner at the gate read “No new tolls.”") == [
        ("read", "A banner at the gate", ["“No new tolls.”"])
    ]
    assert triples(nlp, "The clerk read the new rules.") == []


def test_putting_out_a_bare_document_reports_nothing_of_what_it_says(nlp):
    assert _cues(nlp, "The town council released a statement on Friday.") == []
    assert _cues(nlp, "The mayor and two aldermen signed the letter.") == []
    text = "The union released a statement backing the dock strike."
    assert "released" in _cues(nlp, text)


def test_what_came_more_or_sooner_than_someone_expected_is_weighed_against_it(nlp):
    assert triples(nlp, "The ferry drew more riders than the mayor expected.") == [
        ("expected", "the mayor", ["more riders than"])
    ]
    assert triples(nlp, "The bridge opened sooner than expected.") == []


def test_an_object_with_its_predicate_is_the_clause_a_verb_of_judging_needs(nlp):
    assert triples(nlp, "Voters judged him ready for the job.") == [
        ("judged", "Voters", ["him ready for the job"])
    ]
    assert triples(nlp, "Voters judged the contest.") == []


def test_that_is_what_someone_said_points_back_at_what_was_said(nlp):
    assert triples(nlp, "That is what the mayor said.") == [("said", "the mayor", ["what"])]
    assert triples(nlp, "What the council wants is a new bridge.") == []


def test_making_no_secret_of_something_avows_it(nlp):
    text = "Ines Vale has made no secret of her hopes for the old pier."
    assert triples(nlp, text, outer=True) == [
        ("has made no secret of", "Ines Vale", ["her hopes for the old pier"])
    ]


def test_a_swing_or_a_slam_taken_at_someone_is_an_attack_on_them(nlp):
    assert triples(nlp, "The mayor kept taking slams at the ferry board.") == [
        ("taking slams at", "The mayor", ["the ferry board"])
    ]


def test_a_title_read_as_a_complement_of_told_leaves_the_quote_before_as_the_content(nlp):
    text = '"The port is safe," the mayor told WKRP\' Face the Town on Monday.'
    assert triples(nlp, text) == [("told", "the mayor", ['"The port is safe,"'])]


def test_putting_a_figure_at_an_amount_is_an_estimate(nlp):
    assert triples(nlp, "The county put the cost of the new pier at $4 million.") == [
        ("put", "The county", ["the cost of the new pier at $4 million"])
    ]
    assert triples(nlp, "The storm put the pier at risk.") == []


def test_a_poll_that_has_someone_leading_reports_where_they_stand(nlp):
    assert triples(nlp, "The latest county poll has Garza leading Roe by six points.") == [
        ("has", "The latest county poll", ["Garza leading Roe by six points"])
    ]
    assert triples(nlp, "The harbour survey carries an error margin of 4 points.") == []


def test_a_poll_that_gives_someone_a_lead_reports_it(nlp):
    assert triples(nlp, "The county poll gave Garza a narrow lead.") == [
        ("gave", "The county poll", ["Garza a narrow lead"])
    ]


def test_raising_an_issue_or_an_alarm_about_something_brings_it_up(nlp):
    assert triples(nlp, "The harbour master raised the issue of the broken pier.") == [
        ("raised the issue of", "The harbour master", ["the broken pier"])
    ]
    assert triples(nlp, "The club raised 5,000 dollars for the pier.") == []


def test_holding_someone_responsible_blames_them(nlp):
    assert triples(nlp, "Most voters held the harbour board responsible for the delay.") == [
        ("held", "Most voters", ["the harbour board responsible for the delay"])
    ]


def test_an_infinitive_read_as_a_clause_of_purpose_right_after_the_verb_is_its_aim(nlp):
    assert triples(nlp, "Party leaders looked to stop the bleeding.") == [
        ("looked", "Party leaders", ["to stop the bleeding"])
    ]
