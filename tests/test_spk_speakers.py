"""Speaker choice (issue 12): garbage phrases are no speakers, descriptions resolve to the one
person or body nearby, later quotations keep their speaker. Sentences of our own."""
from korea_analysis.quotes import find_quotes


def speakers(text):
    return [q.speaker for q in find_quotes(text) if q.kind != "term"]


def test_a_pronoun_after_a_speakers_sentence_is_the_speaker_not_the_person_talked_about():
    text = ("President Trump's meeting with leader Kim Jong-un ended early.\n\n"
            "The president said he rejected Mr. Kim's request to lift every sanction.\n\n"
            "“They wanted everything, and we could not do that,” he said.")
    assert speakers(text) == ["Trump", "Trump"]


def test_the_story_stands_for_the_agency_that_reported_it_not_the_relay():
    text = ("A general was dismissed for disloyalty, the Korean Central News Agency reported "
            "on Monday, according to CNN.\n\nThe story said that the general had plotted "
            "against the party for years.")
    assert speakers(text)[-1] == "Korean Central News Agency"


def test_adverbs_and_connectors_are_no_speakers():
    (q,) = find_quotes("After the handshake, Moon reportedly half-jokingly asked, “When will "
                       "you come to Seoul?”")
    assert q.speaker == "Moon"
    qs = find_quotes('Moreover, the Trump administration says "every option is open" now.')
    assert qs[0].speaker == "the Trump administration"


def test_a_title_without_a_name_is_no_person_for_he():
    text = ("Lena Marsh, UN Assistant Secretary-General for Asia, briefed the Council on "
            "Monday.\n\nThe launch was “a serious threat to the region”, he said.")
    text = text.replace("Lena", "Omar")
    assert speakers(text)[-1] == "Omar Marsh"


def test_the_secretary_is_the_secretary_named_before():
    text = ("Secretary of State Jane Q. Holloway spoke with her counterpart on Monday. "
            "The Secretary stressed that the alliance remained firm.")
    assert speakers(text) == ["Jane Q. Holloway"]


def test_a_description_with_a_titled_name_after_it_gives_the_person():
    text = ("The chair of the committee, Ambassador Maria Lind of Sweden, said the panel "
            "would meet again.")
    assert speakers(text) == ["Maria Lind"]


def test_a_spokesman_for_a_body_speaks_for_it():
    text = ("A spokesman for the Foreign Ministry said on Friday the talks could resume.\n\n"
            "The spokesman said the delegation had a frank exchange.")
    assert speakers(text) == ["the Foreign Ministry", "the Foreign Ministry"]
    (q,) = find_quotes("A spokesman for Ban Ki-moon told reporters the launch was deplorable.")
    assert q.speaker == "Ban Ki-moon"


def test_a_dateline_a_coordination_and_a_titled_name_with_of():
    (q,) = find_quotes("SEOUL - South Korean Unification Ministry said on Tuesday that the "
                       "offer stood.")
    assert q.speaker == "South Korean Unification Ministry"
    (q,) = find_quotes("U.S. Ambassador Carl Brant and close partners Canada and Chile told "
                       "reporters they would seek new sanctions.")
    assert q.speaker == "Carl Brant"
    (q,) = find_quotes("Deputy Assistant Attorney General Mark Olen of the Justice "
                       "Department’s criminal division said the case was a warning.")
    assert q.speaker == "Mark Olen"


def test_an_institution_of_a_country_is_not_cut_at_a_possessive():
    text = ("According to the official news agency of the Democratic People’s Republic of "
            "Korea, the rocket flew 900km. It claimed the country was “a full nuclear power”.")
    assert "official news agency of the Democratic People’s Republic of Korea" in speakers(text)


def test_a_title_in_quotation_marks_names_no_institution_and_its_author_wrote_the_article():
    text = ('Pak Il Gon, Researcher of the Institute for Peace Studies, released an article '
            'titled "Why Is the Joint Command Growing?".\nThe article said the drills were '
            'a rehearsal for war.')
    assert speakers(text) == ["Pak Il Gon"]


def test_a_clause_after_while_and_a_statement_issued_by():
    (q,) = find_quotes("The cabinet met in emergency talks, while Park Min-su, a spokesman for "
                       "the ministry, warned that any test would harm relations.")
    assert q.speaker == "Park Min-su"
    qs = find_quotes('The test ignored "the will of the world," hurt the treaty, and harmed '
                     'security, said a\nstatement issued by the commission.')
    assert qs[0].speaker == "a statement"


def test_he_prefers_the_subject_and_skips_a_fronted_phrase_and_a_headline():
    text = ("Tomas Berg spoke with Secretary Alan Frey by telephone.\n\n"
            "Berg explained to Frey the lifting of some sanctions.\n\n"
            "He said his country kept its firm stance.")
    assert speakers(text) == ["Tomas Berg"]
    text = ("Wen Lu arrived in Seoul on Friday. During talks with Lee hours later, he said "
            "Beijing would review the findings.")
    assert speakers(text) == ["Wen Lu"]


def test_an_outlet_citing_a_person_as_saying_credits_the_person():
    (q,) = find_quotes("Ivan Sorokin visited Pyongyang. “We will send builders,” the state "
                       "news agency TASS cited Sorokin as saying.")
    assert q.speaker == "Ivan Sorokin"
    assert q.channel == "TASS"


def test_the_leader_is_the_person_with_an_article_less_apposition():
    text = ("Ri Chol Ho, president of the Presidium of the Assembly, spoke at the summit.\n\n"
            "The nation will build its forces, said the DPRK leader.")
    assert speakers(text) == ["Ri Chol Ho"]
