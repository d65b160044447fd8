"""People beyond the dictionary: the country an article gives them, on sentences of our own."""
import datetime as dt

from speaker_rows import decided, people


def speakers(text, actors, published=None):
    return [(q.speaker, code, source) for q, code, source in decided(text, actors, published)]


def test_a_ministry_named_with_its_country_is_context(actors):
    for first in ("A spokesman for the German Foreign Ministry said the country had hopes.",
                  "The Foreign Ministry of Germany said it had hopes."):
        t = first + "\n\n“It is an opportunity,” spokesman Karl Brenner told reporters."
        assert speakers(t, actors)[-1] == ("Karl Brenner", "DEU", "context"), first


def test_the_one_state_whose_office_holders_the_article_names(actors):
    t = ("Chief Cabinet Secretary Osamu Fujimura urged restraint on Wednesday.\n\n"
         "Defense Minister Ken Arai told reporters a decision would be made.")
    assert people(t, actors, dt.date(2012, 3, 21))[-1] == ("Ken Arai", "JPN", "context")
    # office holders of two states named: nothing is decided
    t = ("Chief Cabinet Secretary Osamu Fujimura met Secretary of State Hillary Clinton.\n\n"
         "Defense Minister Ken Arai told reporters a decision would be made.")
    assert all(p[0] != "Ken Arai" for p in people(t, actors, dt.date(2012, 3, 21)))


def test_a_name_of_a_state_institution_takes_its_country(actors):
    t = "The shelling was deliberate, Lt. Gen. Park Min-gu of the Joint Chiefs of Staff said."
    assert ("Park Min-gu", "KOR", "institution") in people(t, actors)
    # a country after "of" is the person's own; a country inside a longer name is not
    t = "Envoy Ri Yong-chol of North Korea arrived on Monday."
    assert ("Ri Yong-chol", "PRK", "apposition") in people(t, actors)
    t = "Director Sam Fowler of South Korea Policy Forum spoke."
    assert all(p[0] != "Sam Fowler" for p in people(t, actors))


def test_a_news_outlet_after_of_is_no_state(actors):
    t = "Senior correspondent Tom Reyes of the Korean Central News Agency wrote it."
    assert all(p[0] != "Tom Reyes" for p in people(t, actors))


def test_whose_official_a_title_names_by_surname(actors):
    # "Roh's spokesman": the spokesman of the one Roh in the dictionary, not of the city
    t = "“We agreed,” Roh's spokesman Baek Jin-ho told reporters in Pyongyang."
    assert speakers(t, actors, dt.date(2007, 10, 3)) == [("Baek Jin-ho", "KOR", "title")]
    # every dictionary Kim does not speak for one country: the title decides nothing
    t = "“We agreed,” Kim's aide Baek Jin-ho told reporters."
    assert speakers(t, actors, dt.date(2007, 10, 3)) == [("Baek Jin-ho", None, "")]


def test_a_us_lawmakers_party_and_state_after_the_name(actors):
    for t in ("“We must act,” said Rep. Dan Holloway (D-N.Y.), who leads the caucus.",
              "“We must act,” said Sen. Dan Holloway, R-Texas, on Monday."):
        assert speakers(t, actors) == [("Dan Holloway", "USA", "apposition")], t


def test_a_portfolio_in_title_words_still_ends_in_the_name(actors):
    # "of Foreign Affairs": "Foreign" is a title word, the office word is "Minister"
    t = ("Wang Li met First Vice Minister Kang Sok-ju and Vice Minister of Foreign Affairs "
         "Han Song-ryol in Pyongyang.")
    assert ("Han Song-ryol", "PRK", "title") in people(t, actors, dt.date(2003, 12, 26))


def test_a_soldier_by_rank_serves_the_state_of_the_context(actors):
    t = ("SEOUL (Yonhap) -- The shelling hit the island.\n\n"
         "The two marines were named as Sgt. Oh Min-seok, 22, and Pvt. Choi Dong-min, 20.")
    got = people(t, actors)
    assert ("Oh Min-seok", "KOR", "context") in got
    assert ("Choi Dong-min", "KOR", "context") in got


def test_a_candidate_of_a_party_takes_its_country(actors):
    t = "“We will win,” said GOP presidential candidate Carla Fenwick on Monday."
    assert speakers(t, actors) == [("Carla Fenwick", "USA", "title")]
    # a candidate is no government post: with no party or nationality nothing is decided
    t = ("Chief Cabinet Secretary Osamu Fujimura spoke first.\n\n"
         "“We will win,” said presidential candidate Carla Fenwick.")
    assert speakers(t, actors, dt.date(2012, 3, 21))[-1] == ("Carla Fenwick", None, "")


def test_said_in_a_city_near_the_capital(actors):
    t = ("“Nothing has changed,” Aiko Mori, the mother of a victim, told reporters in "
         "Kawagoe near Tokyo.")
    assert speakers(t, actors) == [("Aiko Mori", "JPN", "context")]
    t = "“Nothing has changed,” Aiko Mori, the mother of a victim, told reporters in Osaka."
    assert speakers(t, actors) == [("Aiko Mori", "JPN", "context")]
    t = "“Nothing has changed,” Aiko Mori, the mother of a victim, told reporters in Kawagoe."
    assert speakers(t, actors) == [("Aiko Mori", None, "")]


def test_an_analyst_at_a_chinese_university(actors):
    t = "Cooperation would help, said Zhao Lirong, director of Tongji University's Korea Center."
    assert speakers(t, actors) == [("Zhao Lirong", "CHN", "institution")]


def test_a_press_secretary_is_found_and_a_shared_surname_is_left_alone(actors):
    t = "Press secretary Dana Perino spoke on Monday. Perino said the talks would go on."
    assert people(t, actors, dt.date(2008, 3, 3)) == [
        ("Dana Perino", "USA", "dictionary"), ("Dana Perino", "USA", "dictionary")]
    # "Sanders" alone is not Sarah Sanders: the dictionary lists her by her full name only
    t = "Bernie Sanders rallied in Iowa. Sanders said the race was close."
    assert all(e != "Sarah Sanders" for e, _, _ in people(t, actors, dt.date(2018, 3, 3)))
