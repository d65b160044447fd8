"""Countries of people and speakers on patterns of news English (issue 12, second session),
on sentences of our own."""
from speaker_rows import decided, people


def speakers(text, actors, published=None):
    return [(q.speaker, code) for q, code, _ in decided(text, actors, published)]


def test_a_country_name_before_an_experts_noun_is_their_subject(actors):
    # "a North Korea expert" studies North Korea; her institution decides
    t = ("“Nothing has changed,” said Dana Whitcombe, a North Korea expert at Yale Law "
         "School.")
    assert ("Dana Whitcombe", "USA", "institution") in people(t, actors)
    t = "Several China policy experts say the talks will fail."
    assert speakers(t, actors)[-1][1] is None
    # a nationality stays one: a demonym, or the state's abbreviation
    t = "The test failed, said Lin Mei, a Chinese expert on missiles."
    assert ("Lin Mei", "CHN", "apposition") in people(t, actors)
    t = "Some U.S. experts say the test failed."
    assert speakers(t, actors)[-1][1] == "USA"


def test_a_party_written_with_a_lower_case_noun(actors):
    t = ("The plan stalled, said Ri Song-chol, deputy director of the Workers’ party of "
         "Korea’s finance department.")
    assert ("Ri Song-chol", "PRK", "apposition") in people(t, actors)


def test_diplomats_at_an_organisation_speak_for_their_states(actors):
    t = "Talks on new sanctions had begun, UN diplomats said on Friday."
    assert speakers(t, actors)[-1][1] is None
    # the organisation's own staff speak for it
    t = "Talks on new sanctions had begun, UN officials said on Friday."
    assert speakers(t, actors)[-1][1] == "IGOUNO"


def test_a_group_of_two_states_speaks_for_neither(actors):
    t = "The troops had not yet reached the front, Ukrainian and American officials said."
    assert speakers(t, actors)[-1][1] is None
    t = "The troops had not yet reached the front, Ukrainian officials said."
    assert speakers(t, actors)[-1][1] == "UKR"


def test_the_source_is_the_one_introduced_before(actors):
    t = ("A source in South Korea’s Gangwon province said prices had doubled.\n\n"
         "“Nobody can afford rice now,” the source said.")
    assert speakers(t, actors)[-1] == ("the source", "KOR")
    # one of the officials named before
    t = ("The talks stalled, Japanese officials said.\n\n"
         "“We will wait,” the official said.")
    assert speakers(t, actors)[-1] == ("the official", "JPN")


def test_an_outlets_source_is_not_the_outlets_country(actors):
    t = "“Prices have doubled,” Yonhap’s source said."
    assert speakers(t, actors)[-1][1] is None
    t = "“Prices have doubled,” RFA’s source said."
    assert speakers(t, actors)[-1][1] is None


def test_a_source_in_a_region_speaks_from_its_state(actors):
    t = "“Every house was searched,” a source in Ryanggang Province told reporters."
    assert speakers(t, actors)[-1][1] == "PRK"
    t = "“Trade has stopped,” a resident of South Pyongan province said."
    assert speakers(t, actors)[-1][1] == "PRK"
    # a place the dictionary does not hold: nothing is decided
    t = "“Trade has stopped,” a resident of Lower Saxony said."
    assert speakers(t, actors)[-1][1] is None


def test_a_body_of_the_affiliations_speaking_in_its_own_name(actors):
    t = "Prices of rice have doubled since May, Daily NK reported on Monday."
    assert speakers(t, actors)[-1] == ("Daily NK", "KOR")


def test_a_member_of_a_party_takes_its_country(actors):
    t = ("“The audit found nothing,” Rep. Han Ji-won of the ruling People Power Party told "
         "reporters after North Korean leader Kim Jong Un spoke.")
    assert ("Han Ji-won", "KOR", "institution") in people(t, actors)
    t = "“We will vote no,” said Oh Se-ra of the main opposition Democratic United Party."
    assert ("Oh Se-ra", "KOR", "institution") in people(t, actors)
    # the party's short name before a title
    t = "In a radio address, Saenuri chairman Baek Min-ho urged calm."
    assert ("Baek Min-ho", "KOR", "title") in people(t, actors)
    # "Democratic Party" alone names parties of several countries: nothing is decided
    t = "“We will vote no,” said Oh Se-ra of the main opposition Democratic Party."
    assert "Oh Se-ra" not in [p[0] for p in people(t, actors)]


def test_officials_added_to_the_dictionary(actors):
    import datetime as dt
    t = "National security adviser H.R. McMaster said the talks would go on."
    assert ("H.R. McMaster", "USA", "dictionary") in people(t, actors, dt.date(2017, 12, 1))
    t = "Acting chief of staff Mick Mulvaney told reporters the summit was on."
    assert ("Mick Mulvaney", "USA", "dictionary") in people(t, actors, dt.date(2019, 2, 1))


def test_japans_cabinet_secretaries(actors):
    t = "“We protested,” Deputy Chief Cabinet Secretary Kenji Aoyama said."
    assert ("Kenji Aoyama", "JPN", "title") in people(t, actors)


def test_an_apposition_ending_in_a_body_named_again_by_its_parent(actors):
    t = ("China helped, said Tan Wei, a senior fellow of the Asia Research Centre, the "
         "National University of Singapore.")
    assert ("Tan Wei", "SGP", "institution") in people(t, actors)
    # a list of people is not a body's name
    t = ("China helped, said Tan Wei, a senior fellow of the Asia Research Centre, the "
         "head of the team.")
    assert ("Tan Wei", "SGP", "institution") not in people(t, actors)


def test_a_presidential_committees_chairman_is_the_presidents(actors):
    import datetime as dt
    t = ("President Moon Jae-in met the envoys on Monday.\n\n"
         "Talks will resume, said Seo Dong-min, chairman of the Presidential Committee on "
         "Balanced Development.")
    assert ("Seo Dong-min", "KOR", "context") in people(t, actors, dt.date(2019, 3, 1))


def test_the_government_of_the_leader_named_without_a_nationality(actors):
    import datetime as dt
    day = dt.date(2018, 3, 16)
    t = ("The government said on Friday that South Korean President Moon Jae-in had "
         "promised to help Prime Minister Shinzo Abe.")
    assert speakers(t, actors, day)[-1][1] == "JPN"
    # both leaders marked with their nationality: nothing is decided
    t = ("The government said on Friday that South Korean President Moon Jae-in had "
         "promised to help Japanese Prime Minister Shinzo Abe.")
    assert speakers(t, actors, day)[-1][1] is None


def test_the_unification_ministry_in_lower_case(actors):
    t = "The North must answer for the killing, the unification ministry said on Friday."
    assert speakers(t, actors)[-1][1] == "KOR"


def test_an_office_holders_aide_named_after_the_office(actors):
    import datetime as dt
    t = ("Others attending include President Moon Jae-in's chief of staff, Ha Seung-woo, "
         "and the foreign minister.")
    assert ("Ha Seung-woo", "KOR", "title") in people(t, actors, dt.date(2019, 3, 1))


def test_a_defence_attache(actors):
    t = "“The front will hold,” said Tom Ridley, a former British defense attaché in Kyiv."
    assert ("Tom Ridley", "GBR", "apposition") in people(t, actors)


def test_the_countrys_ministry_without_a_name_of_its_own(actors):
    t = ("South Korea's cabinet was divided, and Jang Min-ho, a deputy spokesman for the "
         "nation's defense ministry, urged calm.")
    assert ("Jang Min-ho", "KOR", "context") in people(t, actors)


def test_the_nationals_abducted_are_those_named_at_the_abduction(actors):
    import datetime as dt
    t = ("Prime Minister Fumio Kishida sought talks with North Korean leader Kim Jong Un on "
         "the Japanese nationals abducted by Pyongyang.\n\n"
         "“We will never give up,” said Aiko Mori, 60, the sister of Rie Mori who was "
         "abducted in 1978.")
    got = {p[0]: p[1] for p in people(t, actors, dt.date(2023, 5, 1))}
    assert got.get("Aiko Mori") == "JPN"


def test_a_legislator_named_without_a_nationality_takes_the_articles_parties(actors):
    import datetime as dt
    day = dt.date(2017, 8, 30)
    t = ("The chief of the ruling Democratic Party said on Wednesday that talks must go on.\n\n"
         "“The launch is unpardonable,” Rep. Seo Yu-na said during a party meeting.\n\n"
         "President Moon Jae-in called a security meeting.")
    assert ("Seo Yu-na", "KOR", "context") in people(t, actors, day)
    assert speakers(t, actors, day)[0][1] == "KOR"
    # the only leader named is another state's, and no party: nothing is decided
    t = ("“The launch is unpardonable,” Rep. Seo Yu-na told reporters.\n\n"
         "North Korean leader Kim Jong Un watched the launch.")
    assert "Seo Yu-na" not in [p[0] for p in people(t, actors, day)]
    # … nor when that leader is named before the legislator
    t = ("North Korean leader Kim Jong Un watched the launch.\n\n"
         "“The launch is unpardonable,” Rep. Seo Yu-na told reporters.")
    assert "Seo Yu-na" not in [p[0] for p in people(t, actors, day)]


def test_the_speaker_a_transcripts_title_names(actors):
    import datetime as dt
    t = ("Foreign Ministry Spokesperson Hua Chunying's Regular Press Conference on March 13, "
         "2017\n\nQ: How does the Chinese side comment on the drills?\n\nA: We have taken note "
         "of the report.")
    assert ("Hua Chunying", "CHN", "dictionary") in people(t, actors, dt.date(2017, 3, 13))
    # a headline that is no transcript's title names nobody as a person of the article
    t = "Hua Chunying Says China Opposes Drills\n\nThe ministry said the drills must stop."
    assert people(t, actors, dt.date(2017, 3, 13)) == []


def test_state_media_of_the_one_state_whose_outlets_the_article_names(actors):
    t = ("The launch was a success, KCNA said on Monday.\n\n"
         "Japan and South Korea protested.\n\n"
         "State media reported that the leader watched the launch.")
    assert speakers(t, actors)[-1][1] == "PRK"


def test_his_spokesman_is_of_the_person_named_before(actors):
    import datetime as dt
    t = ("South Korean President Lee Myung-bak met the UN Security Council envoys.\n\n"
         "“We do not want war,” Lee told the summit, according to his senior spokesman "
         "Park Sun-kyu.")
    got = {p[0]: p[1] for p in people(t, actors, dt.date(2010, 5, 31))}
    assert got.get("Park Sun-kyu") == "KOR"


def test_the_families_of_the_abductees(actors):
    t = ("The prime minister will visit Pyongyang to bring back relatives of Japanese "
         "citizens who were abducted decades ago.\n\n"
         "The families of the abductees said they had high hopes for the visit.")
    assert speakers(t, actors)[-1][1] == "JPN"
    # the article does not say whose nationals were abducted
    t = "The families of the abductees said they had high hopes for the visit."
    assert speakers(t, actors)[-1][1] is None
