"""Speakers' countries and how each was decided (``actor_source``), on sentences of our own."""
import datetime as dt

from speaker_rows import decided

from korea_analysis.mentions import find_mentions
from korea_analysis.quotes import find_quotes
from korea_analysis.speakers import (
    same_speaker_country,
    speaker_country,
)
from korea_analysis.text import sentences


def speakers(text, actors, published=None):
    """(speaker, country, actor_source) of each quote that is not scare quotes."""
    return [(q.speaker, code, source) for q, code, source in decided(text, actors, published)]


def test_dictionary_person(actors):
    t = "“We will not wait,” Kim Yo Jong said in a statement."
    assert speakers(t, actors) == [("Kim Yo Jong", "PRK", "dictionary")]


def test_country_mention_at_the_speaker(actors):
    t = "“The drills must stop,” North Korea said on Monday."
    assert speakers(t, actors) == [("North Korea", "PRK", "mention")]


def test_apposition_and_title_sources(actors):
    t = ("“The talks are stuck,” said Bae Min-ho, South Korea's deputy trade minister.\n\n"
         "Canadian Trade Minister Pablo Arrau said “we are ready to help.”")
    assert speakers(t, actors, dt.date(2024, 5, 1)) == [
        ("Bae Min-ho", "KOR", "apposition"), ("Pablo Arrau", "CAN", "title")]


def test_unresolved_speaker_has_no_source(actors):
    t = "“It rained all week,” said Tom Arbuckle, who runs a bakery."
    assert speakers(t, actors) == [("Tom Arbuckle", None, "")]


# --- people beyond the dictionary: the country from the article -------------------------------

def test_a_spokesperson_takes_the_ministry_named_before(actors):
    t = ("BEIJING, May 2 (Xinhua) -- The Chinese Foreign Ministry rejected the report.\n\n"
         "Spokesperson Tao Minghui made the remarks at a routine news briefing. "
         "“We oppose it,” Tao Minghui said.")
    assert speakers(t, actors)[-1] == ("Tao Minghui", "CHN", "context")


def test_the_dateline_decides_a_minister_given_without_a_nationality(actors):
    t = ("TOKYO (Kyodo) -- The missile fell outside the zone.\n\n"
         "State Minister of Defense Ren Takahama said the launch was a threat.")
    assert speakers(t, actors) == [("Ren Takahama", "JPN", "context")]
    t = "The missile fell outside the zone. State Minister Ren Takahama said it was a threat."
    assert speakers(t, actors) == [("Ren Takahama", None, "")]  # no context: nothing guessed


def test_ministry_spokesman_after_the_ministry(actors):
    t = ("The Unification Ministry urged Pyongyang to talk. “We regret the refusal,” said "
         "ministry spokesman Noh Jae-wan.")
    assert speakers(t, actors) == [("Noh Jae-wan", "KOR", "context")]


def test_a_relative_clause_gives_no_nationality(actors):
    t = ("Emiko Harada, whose son was abducted by North Korean agents, said the talks must "
         "go on.")
    assert speakers(t, actors) == [("Emiko Harada", None, "")]
    t = ("Emiko Harada, whose son was abducted by North Korean agents, said in Tokyo that "
         "time was short.")
    assert speakers(t, actors) == [("Emiko Harada", "JPN", "context")]


def test_territory_institution_and_fronted_office(actors):
    t = "Guam Gov. Lena Cruz Aguon said the island was safe."
    assert speakers(t, actors) == [("Lena Cruz Aguon", "USA", "title")]
    t = "Mara Quill, a researcher at the Middlebury Institute, said the launch was a success."
    assert speakers(t, actors) == [("Mara Quill", "USA", "institution")]
    t = "The British Ambassador to the UN, Helen Marsh, said the council must act."
    assert speakers(t, actors) == [("Helen Marsh", "GBR", "title")]


def test_a_pronoun_speaker_in_another_spelling_keeps_the_country(actors):
    t = ("President Moon Jaein spoke to reporters on Friday. “We want talks,” he said. "
         "He added, “The door stays open.”")
    got = speakers(t, actors, dt.date(2018, 3, 2))
    assert got and all(country == "KOR" for _, country, _ in got), got


def test_a_news_agency_is_not_an_officials_government(actors):
    # TASS-style dateline: the dateline decides, the Russian agency named since does not
    t = ("PYONGYANG, May 4. /TASS/. The delegation flew home, the agency TASS learned.\n\n"
         "Vice Foreign Minister Ri Song-chol said the visit was useful.")
    assert speakers(t, actors) == [("Ri Song-chol", "PRK", "context")]


def test_the_one_state_whose_leader_the_article_names(actors):
    t = ("President Yoon Suk Yeol met farmers on Monday.\n\n"
         "Agriculture Minister Han Do-yun said the harvest was good.")
    assert speakers(t, actors, dt.date(2023, 4, 3)) == [("Han Do-yun", "KOR", "context")]
    # two states' leaders named: the minister's country is not guessed
    t = ("President Yoon Suk Yeol met Prime Minister Fumio Kishida on Monday.\n\n"
         "Agriculture Minister Han Do-yun said the harvest was good.")
    assert speakers(t, actors, dt.date(2023, 4, 3)) == [("Han Do-yun", None, "")]


def test_an_outlets_reporter_is_named_alone_and_their_post_is_no_nationality(actors):
    t = ("Sky News’s Maria Delgado, reporting from Tokyo, said the city was calm.\n\n"
         "The channel's correspondent Tim Brack, reporting from Seoul, said: “Nobody panicked "
         "here.”")
    # (the quote module also reads "reporting" as a cue: each speaker comes twice)
    assert set(speakers(t, actors)) == {("Maria Delgado", None, ""), ("Tim Brack", None, "")}
    t = "Al Jazeera’s Craig Leeson said the city was calm."
    assert speakers(t, actors) == [("Craig Leeson", None, "")]


def test_an_institution_speaker_loses_the_words_that_say_what_it_is(actors):
    t = "“The drills are a rehearsal for war,” said the DPRK's Rodong Sinmun newspaper."
    assert speakers(t, actors) == [("Rodong Sinmun", "PRK", "mention")]
    t = "“The drills are a rehearsal for war,” KCNA said."  # as written
    assert speakers(t, actors) == [("KCNA", "PRK", "mention")]


def test_one_speaker_speaks_for_one_country_in_an_article(actors):
    # the last quote's speaker is reached through "It" with no words of its own that name a
    # country; its other quotes in the article were given JPN
    t = ("The Japanese paper Kitakaze Shimbun said that the premier stressed only the "
         "“alliance”.\n\nThe paper noted that there is doubt as to whether he understands "
         "the region.\n\nIt said that his “government” acceded to the plan.")
    got = [row for row in speakers(t, actors) if row[0] == "Kitakaze Shimbun"]
    # (the last sentence gives two rows: the reported clause and the fragment inside it)
    assert got == [("Kitakaze Shimbun", "JPN", "description")] * 4


def test_a_speaker_given_two_countries_gets_neither_by_consistency():
    class Q:
        def __init__(self, speaker):
            self.speaker = speaker
    a, b, c = Q("Mr. Vance"), Q("Mr. Vance"), Q("Mr. Vance")
    got = same_speaker_country([(a, "USA", "context"), (b, "GBR", "title"), (c, None, "")])
    assert [(code, source) for _, code, source in got] == [
        ("USA", "context"), ("GBR", "title"), (None, "")]


def test_a_party_member_and_a_states_governor(actors):
    t = "“It is a threat,” said Sen. Dana Whitfield, a Republican from Ohio."
    assert speakers(t, actors) == [("Dana Whitfield", "USA", "institution")]
    t = "Ohio Gov. Dana Whitfield said the launch was “a threat”."
    # the reported clause and the quoted fragment inside it: one speaker, one country
    assert speakers(t, actors) == [("Dana Whitfield", "USA", "title")] * 2


def test_head_of_government_office_speaks_for_its_holder_country(actors):
    t = ("President Yoon Suk Yeol met the envoy on Monday. “We regret the decision,” the "
         "president's office said.")
    assert speakers(t, actors, dt.date(2023, 7, 1)) == [
        ("the president's office", "KOR", "institution")]
    # no president named before: nothing to go on, nothing guessed
    t = "“We regret the decision,” the president's office said."
    assert speakers(t, actors, dt.date(2023, 7, 1)) == [("the president's office", None, "")]


def test_an_organisation_chief_is_its_office_holder_on_the_date(actors):
    t = "“The alliance has never been stronger,” the NATO chief said in Brussels."
    assert speakers(t, actors, dt.date(2023, 7, 1)) == [
        ("Jens Stoltenberg", "IGONAT", "dictionary")]
    assert speakers(t, actors, dt.date(2025, 3, 1)) == [("Mark Rutte", "IGONAT", "dictionary")]
    t = "“Dialogue is the only way,” the U.N. secretary-general told reporters."
    assert speakers(t, actors, dt.date(2019, 5, 1)) == [
        ("António Guterres", "IGOUNO", "dictionary")]


def test_a_place_ending_in_ing_still_gives_the_country(actors):
    # only a lower-case participle ("touring …") is what a speaker did; "Beijing" is where from
    t = "“We oppose the drills,” Beijing officials said on Tuesday."
    (q,) = [q for q in find_quotes(t, sentences(t)) if q.kind != "term"]
    assert q.speaker == "Beijing officials"
    assert speaker_country(q, [], actors) == ("CHN", "description")  # from the words alone


def test_a_surname_speaker_from_a_pronoun_takes_the_full_name_the_article_gives(actors):
    t = ("President Barack Obama spoke in Ohio on Monday. Obama said the plan works.\n\n"
         "“It will pass,” he said.")
    got = speakers(t, actors, dt.date(2015, 3, 2))
    assert got[-1] == ("Barack Obama", "USA", "dictionary"), got
    # two people of that surname in the article: the surname alone is left as it is
    from korea_analysis.mentions import Mention
    from korea_analysis.speakers import _article_full_name
    two = [Mention(0, 0, 11, "Kim Yo Jong", "PRK", "Kim Yo Jong", "person"),
           Mention(0, 16, 27, "Kim Song Nam", "PRK", "Kim Song Nam", "person")]
    assert _article_full_name("Kim", two) is None
    assert _article_full_name("Kim", two[:1]) == "Kim Yo Jong"


def test_every_outlet_word_the_quote_module_writes_is_read_back_as_the_state_outlet(actors):
    # the quote module writes "North Korea’s state television" for "Its state television";
    # the speaker is the one state outlet of that country the article names
    from korea_analysis.roles import OWNED_OUTLET_HEADS
    for head in ("television", "newspaper", "official media", "news agency"):
        assert head.split()[-1] in OWNED_OUTLET_HEADS
        t = ("The Korean Central News Agency reported the launch on Monday. North Korea said "
             f"the test succeeded. Its {head} said the rocket flew well.")
        assert speakers(t, actors)[-1] == ("Korean Central News Agency", "PRK", "mention"), head


def test_a_state_media_speaker_takes_the_demonym_before_it(actors):
    t = "The launch was a prelude to more operations, North Korean state media warned."
    got = speakers(t, actors)
    assert got and got[-1][1] == "PRK", got
    # a country name that ends a clause before "media" is nobody's outlet
    t = "The council weighed sanctions on Iran, media reported on Monday."
    assert all(country is None for _, country, _ in speakers(t, actors))


def test_an_office_only_one_country_has_and_a_candidate_in_the_articles_country(actors):
    t = "House Speaker Dana Whitfield said the vote was “a disgrace”."
    assert speakers(t, actors)[0] == ("Dana Whitfield", "USA", "title")
    # "Democratic" alone names no country (South Korea has a Democratic Party): the
    # candidate takes the article's context, here its dateline
    t = ("WASHINGTON (AP) -- Democratic presidential candidate Martin Greaves said the plan "
         "was “a gift to the rich”.")
    assert speakers(t, actors)[0] == ("Martin Greaves", "USA", "context")
    t = ("SEOUL (Yonhap) -- Democratic presidential candidate Kang Min-seok said the plan "
         "was “a gift to the rich”.")
    assert speakers(t, actors)[0] == ("Kang Min-seok", "KOR", "context")
    # a context country with no party of that word, or no context: nothing is guessed
    t = ("BEIJING (Xinhua) -- Democratic presidential candidate Martin Greaves said the plan "
         "was “a gift to the rich”.")
    assert speakers(t, actors)[0] == ("Martin Greaves", None, "")
    t = "Democratic presidential candidate Martin Greaves said the plan was “a gift”."
    assert speakers(t, actors)[0] == ("Martin Greaves", None, "")


def test_a_rank_takes_the_one_state_whose_servicemen_the_article_names(actors):
    t = ("Artillery shells hit the island on Monday, killing two South Korean Marines.\n\n"
         "“We will not forget them,” said General Park Dong-hwan, the commander of the unit.")
    assert speakers(t, actors)[0] == ("Park Dong-hwan", "KOR", "context")
    # ranks spelled out
    t = ("Three Japanese sailors were hurt in the blast.\n\n"
         "Sergeant Taro Ishida said the ship “shook like a leaf”.")
    assert speakers(t, actors)[0] == ("Taro Ishida", "JPN", "context")
    # servicemen of two states named: nothing is guessed
    t = ("North Korean soldiers fired at South Korean troops on Monday.\n\n"
         "Sergeant Lim Jae-sung said the shots “came from nowhere”.")
    assert speakers(t, actors)[0][1:] == (None, "")


def test_a_sentence_that_opens_on_the_place_gives_its_country(actors):
    def people(t):
        return [(m.entity, m.actor, m.actor_source)
                for m in find_mentions(t, sentences(t), actors) if m.kind == "person"]
    t = "In Sapporo, northern Japan, Aiko Mori, 71, said the wait had been too long."
    assert people(t) == [("Aiko Mori", "JPN", "context")]
    t = "In Busan, Jang Min-ho, 64, said the talks were a waste of time."
    assert people(t) == [("Jang Min-ho", "KOR", "context")]
    # a place we do not know decides nothing (and the name is not recorded)
    t = "In Springfield, Aiko Mori, 71, said the wait had been too long."
    assert people(t) == []
    # neither an age nor a speech verb: maybe no person ("In Tokyo, Mori Kaneda, a firm …")
    t = "In Tokyo, Mori Kaneda, a firm of lawyers, said the wait had been too long."
    assert people(t) == []


def test_an_office_alone_in_an_undated_article_takes_no_dictionary_holder():
    # the dictionary knows whom an office was held by on a date; with no date the last office
    # a person held is no evidence that he held it when the text was written
    import pandas as pd

    import korea_analysis as ka
    text = ("Donald Trump held a rally in Ohio on Monday. The president said the economy "
            "was strong.")
    for published, speaker in ((pd.NaT, "The president"), (pd.Timestamp("2016-05-01"),
                               "The president"), (pd.Timestamp("2018-05-01"), "Donald Trump")):
        df = pd.DataFrame({"article_id": ["a"], "text": [text], "published": [published],
                           "title": [None], "source": [None]})
        (q,) = ka.annotate(df, cache=False).quotes.itertuples()
        assert q.speaker == speaker
