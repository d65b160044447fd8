"""Actor mentions: the bundled articles against a hand-checked list, and one case per rule."""
import datetime as dt
from pathlib import Path

import pandas as pd
import pytest
from speaker_rows import people

import korea_analysis as ka
from korea_analysis.actors import ActorDictionaryError, load_actors
from korea_analysis.mentions import find_mentions
from korea_analysis.text import sentences

EXPECTED = Path(__file__).parent / "data" / "bundled_mentions.csv"


def found(text, actors, published=None):
    return [(m.text, m.actor, m.entity, m.kind)
            for m in find_mentions(text, sentences(text), actors, published)]


def test_bundled_articles_match_the_hand_checked_mentions():
    """Every mention (offsets, code, entity, kind) in tests/data/bundled_mentions.csv was read
    against the article text; the file holds 180 mentions in the four articles."""
    ann = ka.annotate(ka.load_corpus())
    cols = ["article_id", "start", "end", "text", "actor", "entity", "kind"]
    got = ann.mentions[cols].fillna("")
    want = pd.read_csv(EXPECTED, keep_default_na=False)[cols]
    assert len(want) == 180
    got_set = set(map(tuple, got.astype(str).to_numpy()))
    want_set = set(map(tuple, want.astype(str).to_numpy()))
    assert got_set - want_set == set(), "false positives"
    assert want_set - got_set == set(), "missed"
    text = ka.load_corpus().set_index("article_id")["text"]
    for r in want.itertuples():  # offsets point at the words
        assert text[r.article_id][r.start:r.end] == r.text


def test_longest_match_wins(actors):
    t = "The United Nations Security Council met on North Korea."
    assert found(t, actors)[0] == ("United Nations Security Council", "IGOUNO",
                                   "United Nations Security Council", "institution")


def test_acronyms_are_case_sensitive(actors):
    assert found("Tell us what the US wants.", actors) == [("US", "USA", "", "country")]


def test_possessives_and_hyphenated_pairs(actors):
    t = "Japan’s envoy and China's envoy praised Seoul-Washington ties."
    assert [(x[0], x[1]) for x in found(t, actors)] == [
        ("Japan", "JPN"), ("China", "CHN"), ("Seoul", "KOR"), ("Washington", "USA")]


def test_two_koreas_names_both(actors):
    assert [x[1] for x in found("Talks between the two Koreas stalled.", actors)] == ["PRK",
                                                                                     "KOR"]


def test_the_north_only_in_an_article_about_korea(actors):
    assert [x[:2] for x in found("Seoul warned the North again.", actors)] == [
        ("Seoul", "KOR"), ("the North", "PRK")]
    assert found("Rain fell in the North of England.", actors) == []  # no Korea in the text
    # "the South China Sea" is not the South
    t = "North Korea watched the South China Sea."
    assert [x[0] for x in found(t, actors)] == ["North Korea"]


def test_korean_war_and_academic_fields_are_not_actors(actors):
    t = "Veterans of the Korean War met a professor of North Korean Studies at home."
    assert found(t, actors) == []


def test_surname_resolves_to_the_right_kim(actors):
    t = ("Kim Jong Un met Putin. Kim praised the talks. Later the vice minister, Kim Son Gyong, "
         "spoke. Kim criticised the United States.")
    kims = [(x[0], x[2]) for x in found(t, actors, dt.date(2023, 8, 15)) if x[0].startswith("Kim")]
    assert kims == [("Kim Jong Un", "Kim Jong Un"), ("Kim", "Kim Jong Un"),
                    ("Kim Son Gyong", "Kim Son Gyong"), ("Kim", "Kim Son Gyong")]


def test_surname_alone_uses_the_office_holder_on_the_publication_date(actors):
    t = "Yoon said the alliance is strong. Lee said nothing."
    got = {m.text: (m.entity, m.role) for m in
           find_mentions(t, sentences(t), actors, dt.date(2023, 7, 27))}
    assert got["Yoon"] == ("Yoon Suk Yeol", "president")
    assert "Lee" not in got  # several Lees, none president in 2023: left unresolved
    got = {m.text: m.entity for m in find_mentions(t, sentences(t), actors, dt.date(2025, 7, 12))}
    assert got["Lee"] == "Lee Jae-myung"


def test_date_selects_the_role(actors):
    t = "Moon Jae-in spoke in Seoul."
    role = {m.text: m.role for m in find_mentions(t, sentences(t), actors, dt.date(2019, 1, 1))}
    assert role["Moon Jae-in"] == "president"
    role = {m.text: m.role for m in find_mentions(t, sentences(t), actors, dt.date(2024, 1, 1))}
    assert role["Moon Jae-in"] == ""  # out of office by then


def test_unknown_person_introduced_with_a_nationality(actors):
    t = ("Han Ji-soo, South Korea's national security adviser, said talks would resume. "
         "Han added that Washington agreed.")
    got = found(t, actors)
    assert got[0] == ("Han Ji-soo", "KOR", "Han Ji-soo", "person")
    assert ("Han", "KOR", "Han Ji-soo", "person") in got


def test_unknown_person_after_a_title(actors):
    t = "Russian Deputy Foreign Minister Andrei Rudenko arrived. Rudenko met officials."
    got = found(t, actors)
    assert ("Andrei Rudenko", "RUS", "Andrei Rudenko", "person") in got
    assert ("Rudenko", "RUS", "Andrei Rudenko", "person") in got


def test_a_place_that_is_also_a_name_is_not_a_person(actors):
    # "Washington" is the US capital metonym, never a person; "Park" alone is nobody here
    t = "Washington said the park in Seoul would reopen. Park benches were new."
    assert [(x[0], x[1]) for x in found(t, actors, dt.date(2023, 1, 1))] == [
        ("Washington", "USA"), ("Seoul", "KOR")]


def test_non_body_lines_have_no_mentions(actors):
    t = "North Korea and Russia\n\nKey Takeaways\n- North Korea fired.\nRussia agreed."
    assert [x[0] for x in found(t, actors)] == ["Russia"]


def test_bad_dictionary_is_a_clear_error(tmp_path):
    f = tmp_path / "a.yaml"
    f.write_text("actors:\n  AAA: {names: [Foo]}\n  BBB: {names: [Foo]}\n")
    with pytest.raises(ActorDictionaryError, match="'Foo' is already listed for AAA"):
        load_actors(f)
    f.write_text("actors:\n  AAA: {names: [Foo]}\npeople:\n  - {name: X Y, actor: ZZZ}\n")
    with pytest.raises(ActorDictionaryError, match="unknown actor 'ZZZ'"):
        load_actors(f)


def test_user_dictionary_replaces_the_bundled_one(tmp_path):
    f = tmp_path / "mine.yaml"
    f.write_text("actors:\n  ATL: {name: Atlantis, names: [Atlantis], bloc: other}\n")
    mine = load_actors(f)
    assert found("Atlantis and North Korea met.", mine) == [("Atlantis", "ATL", "", "country")]
    assert mine.blocs == {"ATL": "other"}


def test_surname_variant_and_a_surname_out_of_office(actors):
    t = "Zelenskyy thanked the allies. Trump called Putin on Tuesday."
    got = {m.text: (m.entity, m.actor, m.role) for m in
           find_mentions(t, sentences(t), actors, dt.date(2024, 3, 1))}
    assert got["Zelenskyy"] == ("Volodymyr Zelensky", "UKR", "president")
    assert got["Trump"] == ("Donald Trump", "USA", "")  # out of office in 2024, one Trump
    t = "Trump was a builder in New York."
    assert found(t, actors, dt.date(1990, 5, 1)) == []  # before any post he held


def test_a_title_word_picks_among_same_surname_office_holders(actors):
    t = "North Korea held a meeting. Premier Kim inspected a farm."
    got = {m.text: m.entity for m in find_mentions(t, sentences(t), actors, dt.date(2022, 6, 1))}
    assert got["Kim"] == "Kim Tok Hun"
    t = "North Korea held a meeting. Kim inspected a farm."
    got = {m.text: m.entity for m in find_mentions(t, sentences(t), actors, dt.date(2022, 6, 1))}
    assert got["Kim"] == "Kim Jong Un"  # the leader over the premier


def test_definite_descriptions_resolve_to_the_office_holder_on_the_date(actors):
    t = "The Russian leader hosted talks. Later the U.S. president called the Chinese premier."
    got = [(m.text, m.entity, m.actor_source) for m in
           find_mentions(t, sentences(t), actors, dt.date(2019, 6, 30))]
    assert got == [("The Russian leader", "Vladimir Putin", "description"),
                   ("the U.S. president", "Donald Trump", "description"),
                   ("the Chinese premier", "Li Keqiang", "description")]
    got = [m.entity for m in find_mentions(t, sentences(t), actors, dt.date(2022, 6, 30))]
    assert got[1] == "Joe Biden"


def test_an_undated_description_takes_the_holder_the_article_names(actors):
    t = "Vladimir Putin arrived. The Russian leader praised the talks."
    assert [m.entity for m in find_mentions(t, sentences(t), actors, None)] == [
        "Vladimir Putin", "Vladimir Putin"]
    t = "Moscow hosted talks. The Russian leader praised them."  # nobody named: unresolved
    assert [(m.text, m.kind) for m in find_mentions(t, sentences(t), actors, None)] == [
        ("Moscow", "capital"), ("Russian", "demonym")]


def test_state_media_house_style_in_an_article_about_korea(actors):
    t = ("The puppet military warmongers of south Korea held drills with the U.S. "
         "imperialists. The north will answer, and the south Korean chief executive lied.")
    got = [(m.text, m.actor) for m in find_mentions(t, sentences(t), actors,
                                                    dt.date(2023, 3, 1))]
    assert got == [("puppet military warmongers", "KOR"), ("south Korea", "KOR"),
                   ("U.S.", "USA"), ("The north", "PRK"),
                   ("the south Korean chief executive", "KOR")]
    t = "Snow fell in the north of Norway, where a puppet show opened."  # no Korea: nothing
    assert found(t, actors) == []


def test_bylines_and_credits_are_kept_as_their_own_kind(actors):
    t = ("Talks stall\n\nBy Jane Roe and Minho Park\n\nSEOUL (Reuters) - North Korea fired a "
         "missile, Seoul said.\n\nPeople watch a screen in Seoul. (AP Photo/Lee Jin-man)\n\n"
         "(Reporting by Hana Cho; Editing by Tom Brack)")
    got = [(m.text, m.kind) for m in find_mentions(t, sentences(t), actors)]
    assert [x for x in got if x[1] == "byline"] == [
        ("Jane Roe", "byline"), ("Minho Park", "byline"), ("Lee Jin-man", "byline"),
        ("Hana Cho", "byline"), ("Tom Brack", "byline")]
    assert ("North Korea", "country") in got and ("Seoul", "capital") in got


def test_bylines_stay_out_of_sentiment_and_events():
    text = ("North Korea praised Russia for its support.\n\n"
            "(Reporting by Hana Cho; Editing by Tom Brack)")
    ann = ka.annotate(pd.DataFrame({"article_id": ["b1"], "text": [text],
                                    "published": [pd.Timestamp("2024-05-01")]}), cache=False)
    m = ann.mentions
    by = m[m["kind"] == "byline"]
    assert list(by["text"]) == ["Hana Cho", "Tom Brack"] and by["polarity"].isna().all()
    assert set(ann.actor_sentiment["actor"]) == {"PRK", "RUS"}
    assert set(ann.events["source"]) | set(ann.events["target"]) <= {"PRK", "RUS"}


# --- names in long titles and lists ---------------------------------------------------------

def test_a_long_title_does_not_cut_the_name(actors):
    # nine capitalised words in a row: the name at their end is whole
    t = ("The summit brought together the South Korean President and North Korean State "
         "Affairs Commission Chairman Kim Jong Un in Panmunjom.")
    assert ("Kim Jong Un", "PRK", "dictionary") in people(t, actors, dt.date(2019, 6, 30))
    assert all(name != "Kim Jong" for name, _, _ in people(t, actors, dt.date(2019, 6, 30)))


def test_a_korean_name_after_an_office_portfolio(actors):
    # "Korea's" alone names the Republic only in a title (title_names); the next person of
    # the list is not an apposition of the first
    t = ("In a joint call, Korea's Deputy Minister for Policy and Planning Baek Seung-ho, "
         "U.S. senior official for Asia Tom Hadley, and Japan's envoy Ken Araki met.")
    # each title is read in its own list item ("Japan's envoy", not the "U.S." before it)
    assert people(t, actors) == [("Baek Seung-ho", "KOR", "title"),
                                 ("Tom Hadley", "USA", "title"), ("Ken Araki", "JPN", "title")]


def test_bare_korea_is_not_a_mention(actors):
    assert found("Korea is a peninsula with long winters.", actors) == []


def test_a_hyphenated_given_name_in_other_spellings(actors):
    # the dictionary lists "Moon Jae-in"; outlets also write the given name joined or spaced
    for spelling in ("Moon Jaein", "Moon Jae In", "Moon Jae-In"):
        t = f"{spelling} visited the border village on Friday."
        assert people(t, actors) == [("Moon Jae-in", "KOR", "dictionary")], spelling
    assert actors.person("Moon Jaein").name == "Moon Jae-in"


def test_a_surname_alone_is_not_the_first_word_of_another_name(actors):
    day = dt.date(2023, 4, 3)  # Han Duck-soo is prime minister: "Han" alone would be his
    assert people("Han said the talks would go on.", actors, day) == [
        ("Han Duck-soo", "KOR", "dictionary")]
    assert people("Han Do-yun met the farmers again.", actors, day) == []


def test_a_surname_that_is_an_english_word(actors):
    day = dt.date(2019, 6, 1)  # No Kwang Chol is North Korea's defence minister
    assert people("No matter how hard it rains, the games go on.", actors, day) == []
    assert people("No said the army was ready.", actors, day) == [
        ("No Kwang Chol", "PRK", "dictionary")]


def test_places_and_companies_before_a_comma_are_not_people(actors):
    t = ("The filings were made in New York, New Jersey and Connecticut. The mines went to "
         "Bluegrass Mining, a coal company in Kentucky.")
    assert people(t, actors) == []
    t = "Dana Whitfield, a lawmaker from Ohio, spoke first."
    assert people(t, actors) == [("Dana Whitfield", "USA", "institution")]


def test_a_party_decides_for_its_member_not_for_a_relative(actors):
    t = "Dana Whitfield, a longtime Democrat from Iowa, spoke first."
    assert people(t, actors) == [("Dana Whitfield", "USA", "institution")]
    t = "Ella Whitfield, daughter of the Republican front-runner, spoke first."
    assert people(t, actors) == []


def test_an_analyst_at_a_canadian_bank_is_not_at_the_russian_outlet(actors):
    t = "Mara Quill, a technology analyst at RBC Capital Markets, agreed."
    assert people(t, actors) == [("Mara Quill", "CAN", "institution")]
