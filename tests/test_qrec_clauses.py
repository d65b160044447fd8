"""Reported clauses found (or refused) after speech verbs: qrec's rules of 4 Dec."""
from korea_analysis.quotes import find_quotes


def _indirect(text):
    return [(q.speaker, q.quote) for q in find_quotes(text) if q.kind == "indirect"]


def test_clause_after_that_and_a_comma():
    text = "The envoy of Chile said that, for ten years, the panel had met in every season."
    assert _indirect(text) == [("The envoy of Chile",
                                "for ten years, the panel had met in every season")]


def test_clause_without_that_opening_with_a_quantifier_or_a_name():
    text = "Port officials say all four ferries resumed their routes on Monday."
    assert _indirect(text) == [("Port officials",
                                "all four ferries resumed their routes on Monday")]
    text = "The agency reported the city's mayor and council approved the budget."
    assert _indirect(text)[0] == ("The agency",
                                  "the city's mayor and council approved the budget")


def test_clause_holding_a_fragment():
    text = "The ministry says any new tariffs on the imports would be an \"open provocation.\""
    got = [(q.kind, q.quote) for q in find_quotes(text)]
    assert ("indirect", 'any new tariffs on the imports would be an "open provocation."') in got


def test_no_clause_in_a_headline_or_after_a_denial():
    text = ("Mayor says city to reopen ferry routes next month\n\n"
            "The mayor of the city spoke to the council on Monday.")
    assert _indirect(text) == []
    assert _indirect("The letter does not say what the new plan is.") == []


def test_a_circumstance_after_told_whom():
    text = ("The coast guard has found the missing boat, Captain Lena Ortiz, a spokeswoman "
            "for the coast guard, told Reuters on Monday, without giving details.")
    [(speaker, quote)] = _indirect(text)
    assert "Lena Ortiz" in speaker and quote == "The coast guard has found the missing boat"


def test_inverted_speaker_after_a_long_clause():
    text = ("The talks should aim at binding commitments in their first phase, said a "
            "spokesman for the Transport Ministry in an answer to a question from reporters.")
    # a spokesman for a body speaks the body's words (tests/test_spk_speakers.py)
    assert _indirect(text) == [("the Transport Ministry",
                                "The talks should aim at binding commitments in their first "
                                "phase")]
    # a noun phrase that opens a clause is no speaker
    text = "The ferry was late, said the captain of the Sea Star had gone ashore."
    assert all(sp != "the captain of the Sea Star" for sp, _ in _indirect(text))


def test_told_an_audience_the_clause_before_is_the_speech():
    text = ("The two sides agreed to reopen the rail link next spring, chief negotiator Park "
            "Min-su told a televised briefing.")
    [(speaker, quote)] = _indirect(text)
    assert "Park Min-su" in speaker
    assert quote == "The two sides agreed to reopen the rail link next spring"


def test_a_verb_in_a_relative_clause_reports_nothing_before_it():
    text = ("At the border, the army lifted the alert that it had declared last week, the "
            "defence ministry said.")
    assert all(q.cue != "declared" for q in find_quotes(text))


def test_according_to_no_source_and_according_to_a_relay():
    assert _indirect("According to these estimates, the dam would hold for ten years.") == []
    text = ("“The port is safe,” Mayor Ruiz told the council yesterday, according to his "
            "spokesman Tomas Vidal.")
    assert _indirect(text) == []


def test_a_denied_cue_is_no_cue():
    assert _indirect("The union repeated that its members will not respond.") == [] or all(
        q.cue != "respond" for q in find_quotes(
            "The union repeated that its members will not respond."))


def test_clause_without_that_after_a_long_noun_phrase():
    text = ("The union said relations between its leader Maria Costa and the new board of "
            "the firm are good.")
    assert _indirect(text)[0][1].startswith("relations between its leader")
    # a participle after the noun phrase opens no clause
    text = "The board announced the results of the audit based on the new rules."
    assert _indirect(text) == []


def test_claims_and_confirms_that():
    text = ("The Spanish side claims that the dam, according to the plan, could hold, but the "
            "city insists that it will not.")
    assert ("The Spanish side", "the dam, according to the plan, could hold") in _indirect(text)
    text = "The minister has confirmed with her French counterpart that the two will meet."
    assert _indirect(text) == [("The minister", "the two will meet")]
    text = ("The mayor told visiting regional governor Ana Silva last weekend that the port "
            "will reopen.")
    assert _indirect(text)[0][1] == "the port will reopen"


def test_clause_nouns_with_a_time_and_mentioned():
    text = "The envoy repeated his hope on Friday that the harbour talks would move forward."
    assert _indirect(text) == [("The envoy", "the harbour talks would move forward")]
    text = 'The council emphatically mentioned, "The bridge can never be sold to a private firm."'
    assert [q.speaker for q in find_quotes(text)] == ["The council"]


def test_inverted_speaker_described_and_a_clause_with_a_term():
    text = ("The exercise drags the area close to open conflict, said the ceremonial leader of the "
            "Island Republic ( IR) at the summit in the capital on Thursday.")
    assert _indirect(text) == [("the ceremonial leader of the Island Republic",
                                "The exercise drags the area close to open conflict")]
    text = ('The next round should be aimed at making "step-for-step" commitments at the '
            'first phase, said a spokesman for the Transport Ministry.')
    assert _indirect(text)[0][1].startswith("The next round should be aimed at making")


def test_a_coordinated_verb_opens_no_clause():
    text = "The council announced the death of its chairman and urged calm in the city."
    assert _indirect(text) == []


def test_an_occasion_or_a_source_before_the_clause():
    text = ("A navy spokesman said in a statement carried by the state news agency the "
            "port would be closed at any moment.")
    assert _indirect(text) == [("A navy spokesman", "the port would be closed at any moment")]
    text = ("The agency said, citing an unnamed port official, that the ferry was seen "
            "to be moving south.")
    assert _indirect(text) == [("The agency", "the ferry was seen to be moving south")]


def test_a_participle_and_a_quotation_after_a_final_cue():
    text = ('Just last week, the city closed two more ferry routes, he observed, stressing: '
            '"These closures are a direct threat to the islands."')
    assert ("he", "Just last week, the city closed two more ferry routes") in _indirect(text)


def test_inverted_speaker_without_a_clause_after_it():
    text = ("The ship sighted was believed to be a fishing trawler, said one of the officials, "
            "who asked not to be named because he was not allowed to speak to the press.")
    assert _indirect(text) == [("one of the officials",
                                "The ship sighted was believed to be a fishing trawler")]


def test_a_second_clause_after_and_is_no_reported_clause():
    # "announced the plan to visit X and Y welcomed it": Y's verb opens a clause of its own
    assert _indirect("Petrov announced the plan to visit Harbin and Marin welcomed it.") == []
    # a coordination inside the subject is kept ("relations between X and Y are …")
    got = _indirect("Ruritania said relations between its leader Ivan Petrov and President "
                    "Oleg Marin are not bad.")
    assert got and got[0][1].startswith("relations between its leader Ivan Petrov")


def test_a_clause_before_a_cue_needs_someone_who_speaks():
    # "continues" is a cue ("…,” he continued), but a conflict does not speak
    assert _indirect("Without a signed truce, a long border dispute continues.") == []
    # a person, a pronoun, a body or a document does
    assert _indirect("Without a signed truce, the dispute goes on, the report said.") == [
        ("the report", "Without a signed truce, the dispute goes on")]
    assert _indirect("Without a signed truce, the dispute goes on, experts say.")[0][0] == \
        "experts"
