"""Countries of people and speakers the dictionary does not decide by name (issue 12), on
sentences of our own."""
import datetime as dt

from speaker_rows import decided, people

from korea_analysis.mentions import find_mentions
from korea_analysis.text import sentences


def speakers(text, actors, published=None):
    return [(q.speaker, code) for q, code, _ in decided(text, actors, published)]


def test_given_name_syllables_after_a_surname_written_first(actors):
    t = "Tensions will rise, said Wu Jun, a professor at China's Renmin University."
    assert ("Wu Jun", "CHN") in [p[:2] for p in people(t, actors)]
    t = "Officials met Kang Myong So, chief aide to North Korean leader Kim Jong Un."
    assert ("Kang Myong So", "PRK") in [p[:2] for p in people(t, actors)]


def test_a_long_title_reaches_the_institution(actors):
    t = ("The talks went well, said Blue House Chief Secretary to the President for "
         "Civil Affairs Moon Sung-ho on Tuesday.")
    assert ("Moon Sung-ho", "KOR", "title") in people(t, actors)


def test_rapporteur_is_a_title(actors):
    t = "United Nations Special Rapporteur Anna Berg told reporters the camps remain open."
    assert ("Anna Berg", "IGOUNO", "title") in people(t, actors)


def test_a_body_named_by_its_kind_is_the_one_named_before(actors):
    t = ("The FBI opened an inquiry into the fraud on Friday.\n\n"
         "The bureau said the suspects had “fled abroad” by then.")
    assert speakers(t, actors)[-1] == ("FBI", "USA")


def test_a_ministry_without_its_country(actors):
    t = "North Korea will send a delegation to the talks, the foreign ministry said on Monday."
    assert speakers(t, actors)[-1][1] == "PRK"
    t = ("“The talks were useful,” the country's foreign ministry said on Sunday in a release "
         "carried by the Korean Central News Agency.")
    assert speakers(t, actors)[-1][1] == "PRK"
    # two states in the sentence and no outlet carrying it: nothing is decided
    t = "Japan and China will hold talks next week, the foreign ministry said on Monday."
    assert speakers(t, actors)[-1][1] is None


def test_abductees_and_their_families(actors):
    t = ("Relatives of Japanese nationals kidnapped by North Korean agents met the minister.\n\n"
         "Hana Mori, the sister of abductee Rie Mori, spoke first.\n\n"
         "“We keep hoping,” said Kenta Ishii, whose father, Goro Ishii, had been abducted "
         "in 1978.")
    got = {p[0]: p[1] for p in people(t, actors, dt.date(2020, 5, 1))}
    assert got.get("Hana Mori") == "JPN" and got.get("Rie Mori") == "JPN"
    assert got.get("Kenta Ishii") == "JPN"
    # the article does not say whose nationals were abducted: nothing is decided
    t = ("Hana Mori, the sister of abductee Rie Mori, spoke first.\n\n"
         "“We will never give up,” said Kenta Ishii, whose father was abducted in 1978.")
    assert people(t, actors) == []


def test_vitit_is_named_by_his_given_name(actors):
    t = ("UN Special Rapporteur Vitit Muntabhorn visited Seoul.\n\n"
         "Vitit said conditions had not improved.")
    # either spelling of the surname names the one man (the entry uses the UN's spelling)
    assert [p[:2] for p in people(t, actors, dt.date(2008, 1, 20))] == [
        ("Vitit Muntarbhorn", "IGOUNO"), ("Vitit Muntarbhorn", "IGOUNO")]


def test_a_body_at_the_end_of_an_apposition_is_no_next_person(actors):
    t = ("Pak Chol Su, Fellow at the DPRK Centre for Studies of the Arctic Ocean, wrote a "
         "commentary.")
    assert ("Pak Chol Su", "PRK") in [p[:2] for p in people(t, actors)]


def test_a_presidential_aide_serves_the_one_president_named(actors):
    t = ("President Roh Moo-hyun met Kim Jong Il in Pyongyang.\n\n"
         "Later, presidential secretary for national security affairs Lim Dong-ho told "
         "reporters the visit had gone well.")
    assert ("Lim Dong-ho", "KOR", "context") in people(t, actors, dt.date(2007, 10, 4))


def test_a_speaker_named_by_an_office_alone_is_its_one_holder(actors):
    from types import SimpleNamespace

    from korea_analysis.speakers import full_name
    t = "Khaled Khiari, UN Assistant Secretary-General, spoke to reporters in New York."
    ms = find_mentions(t, sentences(t), actors, dt.date(2024, 11, 4))
    q = SimpleNamespace(speaker="Assistant Secretary-General", speaker_start=None,
                        speaker_end=None, role=None)
    assert full_name(q, ms, actors) == "Khaled Khiari"
    q.speaker = "Deputy Secretary-General"  # nobody named holds it: as written
    assert full_name(q, ms, actors) == "Deputy Secretary-General"


def test_the_statement_is_the_one_described_before(actors):
    t = ("A Chinese government statement on Friday called the plan \"unacceptable\".\n\n"
         "The statement also urged Washington to \"show restraint\".")
    got = speakers(t, actors)
    assert got[-1][1] == "CHN" and got[-1][0] != "The statement"


def test_an_aide_to_a_leader_is_no_next_person(actors):
    t = ("The envoy then greeted Kang Chol Su, a personal aide to North Korean leader Kim "
         "Jong Un, on the tarmac.")
    assert ("Kang Chol Su", "PRK") in [p[:2] for p in people(t, actors)]


def test_one_of_the_others_named(actors):
    t = "Pak Chol Min and other hawks of the south Korean army keep up the smear."
    assert ("Pak Chol Min", "KOR") in [p[:2] for p in people(t, actors)]
    # others with no country named: nothing
    t = "Meanwhile, Pak Chol Min and other diplomats met in Beijing."
    assert [p for p in people(t, actors) if p[0] == "Pak Chol Min"] == []


def test_a_dateline_after_a_bracketed_date(actors):
    from korea_analysis.persons import article_context
    t = "[March 2, 2012]  PYONGYANG, North Korea (AP) -- The talks resumed on Friday."
    assert article_context(t, actors).dateline == "PRK"


def test_the_office_after_the_last_and_is_this_persons(actors):
    t = ("Japan's envoy Kenji Sato and North Korea's chief negotiator, Ri Song Chol, spoke "
         "in Hanoi.")
    assert ("Ri Song Chol", "PRK", "title") in people(t, actors)


def test_the_countrys_ministry_in_an_apposition(actors):
    t = ("South Korea's cabinet was divided, and Jang Min-ho, a deputy spokesman for the "
         "nation's unification ministry, urged calm.")
    # "unification ministry" in lower case is the ROK's by name (actors.yaml), so the
    # apposition decides before the context does
    assert ("Jang Min-ho", "KOR", "apposition") in people(t, actors)


def test_the_secretary_is_the_one_secretary_named(actors):
    from types import SimpleNamespace

    from korea_analysis.speakers import full_name
    t = "Secretary of State Antony J. Blinken arrived in Tokyo for talks on Tuesday."
    ms = find_mentions(t, sentences(t), actors, dt.date(2022, 11, 1))
    q = SimpleNamespace(speaker="The Secretary", speaker_start=len(t) + 5,
                        speaker_end=len(t) + 18, role=None)
    assert full_name(q, ms, actors) == "Antony Blinken"


def test_a_speaker_cut_at_a_possessive_takes_the_name_it_begins(actors):
    from types import SimpleNamespace

    from korea_analysis.speakers import speaker_country
    t = "The Democratic People’s Republic of Korea said on Monday it would respond."
    ms = find_mentions(t, sentences(t), actors)
    q = SimpleNamespace(speaker="official news agency of the Democratic People",
                        speaker_start=None, speaker_end=None, role=None)
    assert speaker_country(q, ms, actors) == ("PRK", "description")
    q.speaker = "official news agency of the Democratic Party"  # begins no name: nothing
    assert speaker_country(q, ms, actors) == (None, "")


def test_a_long_title_only_when_it_is_a_title(actors):
    # a clause before the title is not read for it (the 8 words before the name hold a verb)
    t = "President Lee Jae-myung has found an admirer in the British envoy Sir Peter Wellby."
    assert ("Peter Wellby", "GBR", "title") in people(t, actors, dt.date(2025, 12, 26))
    # after another person's name and "and", this person's own office first, else the
    # other person's country (officials named together), never the other's office
    t = ("Former U.N. Ambassador John Bolton and Daily Courier Foreign Desk Editor Tom "
         "Harwell called the accord weak.")
    assert ("Tom Harwell", "USA", "title") in people(t, actors, dt.date(2016, 5, 5))


def test_a_ministry_or_state_media_without_a_country_in_context(actors):
    # the state named in the sentence must be the state the article names first
    t = ("North Korea held a rally on Monday.\n\n"
         "The United States will never succeed, the foreign ministry said.")
    assert speakers(t, actors)[-1][1] is None
    # the outlet carrying the words decides, before or after the speaker
    t = ("Washington is “playing with fire”, a foreign ministry spokesman told the Korean "
         "Central News Agency.")
    assert speakers(t, actors)[-1][1] == "PRK"
    t = "State media said the North Korean army held a rally on Sunday."
    assert speakers(t, actors)[-1][1] == "PRK"


def test_guesses_found_by_review_are_not_made(actors):
    # a bare "X was abducted" in an article on two peoples' abductees: no country for X
    t = ("Tokyo says 17 Japanese citizens were abducted. Hundreds of Ruritanians were also "
         "abducted. Ivo Marek was abducted in 1967, his son Pavel Marek said.")
    assert speakers(t, actors) == [("Tokyo", "JPN"), ("Pavel Marek", None)]
    # "the country's ministry" with two states in the sentence: the dateline decides
    t = ("TOKYO (Kyodo) -- Japan condemned the launch by North Korea on Sunday, said Ren "
         "Takahama, a spokesman for the country's foreign ministry.")
    assert speakers(t, actors) == [("Ren Takahama", "JPN")]
    # a ministry with no country, in an article naming two states, stays without one
    t = ("North Korea fired a missile on Sunday. Japan lodged a protest. The launch was a "
         "grave threat, the foreign ministry said.")
    assert speakers(t, actors)[-1][1] is None
    # an outlet named before the ministry is no carrier of its words
    t = ("SEOUL (Yonhap) -- Responding to a KCNA report on Sunday, the foreign ministry "
         "said it regretted the stance.")
    assert speakers(t, actors)[-1][1] is None
    # "and other Beijing watchers": a city names no people
    assert people("Ivo Marek and other Beijing watchers agree.", actors) == []
    # "Kim So-yeon" is not Kim Jong Un with a stray "So"
    assert speakers('Kim So-yeon, a resident, said "we are fine".', actors) == [
        ("Kim So-yeon", None)]
