"""Speaker choice, third round (spk3): what ends a speaker phrase, and who a description
stands for. Sentences of our own, modelled on patterns of wire copy."""
from korea_analysis.quotes import find_quotes


def speakers(text):
    return [q.speaker for q in find_quotes(text) if q.kind != "term"]


def test_an_adverb_before_the_verb_is_no_part_of_the_subject():
    text = ("The nine-member board sharply criticised the plan and said it would ask for "
            "a new vote next month.")
    assert speakers(text)[0] == "The nine-member board"


def test_a_day_between_subject_and_verb_ends_the_subject():
    text = ("The trade ministry on Friday firmly rejected the claim, saying the figures "
            "were \"plainly wrong\".")
    assert set(speakers(text)) == {"The trade ministry"}


def test_an_occasion_after_an_inverted_speaker_ends_the_speaker():
    text = ("\"We expect a reply within days,\" said Ruritanian Foreign Minister Ana Belo "
            "following a meeting with her counterpart in Vienna.")
    assert speakers(text) == ["Ana Belo"]


def test_an_adverb_that_ends_a_subordinate_clause_is_not_stepped_over():
    text = ("If the council acts rashly, warning of \"grave steps\", it would lose the "
            "support it has.")
    assert "the council acts" not in speakers(text)


def rows(text):
    return [(q.speaker, q.role) for q in find_quotes(text) if q.kind != "term"]


def test_the_official_after_a_named_spokeswoman_is_her():
    text = ("\"We regret the decision,\" Lena Varga, the agency's spokeswoman, said at a "
            "briefing.\n\n\"It will not change our plans for the spring,\" the official said.")
    assert speakers(text) == ["Lena Varga", "Lena Varga"]


def test_a_capitalised_title_as_description_is_the_person_quoted_before():
    text = ("Tomas Hald, deputy minister of national security, said on Monday, \"We talked "
            "about the border.\"\n\nThe Deputy Minister briefed reporters and said, \"We "
            "shared our view of the talks with them.\"")
    assert speakers(text)[-1] == "Tomas Hald"


def test_the_official_after_an_unnamed_one_keeps_its_words_and_takes_its_description():
    text = ("A Ruritanian official said Monday that the troops had reached the border. The "
            "official, who spoke on the condition of anonymity, said the troops had not "
            "yet crossed it.")
    assert rows(text)[-1] == ("The official", "A Ruritanian official")


def test_the_source_is_never_a_person_named_before():
    text = ("\"The market was closed,\" said Ana Belo, a trader.\n\n"
            "\"People were searched at the gate,\" the source said.")
    assert speakers(text)[-1] == "the source"


def test_a_description_after_a_quote_that_speaks_of_the_person_is_not_that_person():
    text = ("Tomas Hald said the talks would go on.\n\n"
            "\"Hald told the envoy that the talks must go on,\" the official said.")
    assert speakers(text)[-1] == "the official"


def test_a_description_is_not_the_person_quoted_before_when_someone_else_was_named_since():
    text = ("\"We will wait,\" said Tomas Hald, a deputy minister.\n\n"
            "Ana Belo, his counterpart, arrived in the capital on Tuesday.\n\n"
            "\"The door stays open,\" the minister said.")
    assert speakers(text)[-1] != "Tomas Hald"


def test_the_site_is_the_website_named_before_and_it_goes_on_for_it():
    text = ("The state propaganda website Ruritalk has attacked a foreign newspaper for the "
            "first time.\n\nIn a commentary on Monday, the website wrote that the newspaper "
            "was \"a nest of liars\". It further claimed that the paper served its masters.")
    assert set(speakers(text)) == {"Ruritalk"}


def test_it_after_a_name_introduced_as_a_website_is_that_website():
    text = ("Ruritalk, a state website aimed at its neighbour, has criticised the army.\n\n"
            "Ruritalk asserted, \"The army has declared war on its own people.\"\n\n"
            "\"These groups only call for peace,\" it went on.")
    assert speakers(text) == ["Ruritalk", "Ruritalk"]


def test_the_article_is_the_issuer_named_with_appositions_and_a_date_after_a_dateline():
    text = ("Capital, February 16 (RNA) -- Ivo Petran, head of Nasa Rec, an internet paper "
            "of Ruritanians in the U.S., on Feb. 13 issued an article praising the launch.\n\n"
            "The launch reinforced the courage of many countries, the article said.")
    assert speakers(text)[-1] == "Ivo Petran"


def test_a_description_never_stands_for_a_name_inside_the_quotation_it_ends():
    text = ("Former Ruritanian President Ivo Marin said Tuesday a summit was likely.\n\n"
            "\"A summit is closer than ever, as President Ana Belo has vowed to meet her "
            "neighbour,\" the former president said in an interview.")
    assert speakers(text) == ["Ivo Marin", "Ivo Marin"]


def test_the_former_president_is_the_one_whose_title_says_former():
    text = ("Former President Ivo Marin met President Ana Belo on Monday.\n\n"
            "\"We agreed to work together,\" the former president said.")
    assert speakers(text) == ["Ivo Marin"]


def test_they_is_the_group_of_people_named_in_the_sentence_before():
    text = ("Three senior Ruritanian officials said the government had sent no invitation. "
            "The letter was the only request, they said.")
    assert speakers(text)[-1] == "Three senior Ruritanian officials"


def test_they_after_representatives_of_a_group_is_the_representatives():
    text = ("Representatives of exiled farmers called on the minister to resign.\n\n"
            "Her remark showed contempt for the farmers, they said.")
    assert speakers(text)[-1] == "Representatives"


def test_they_is_never_a_group_owned_by_a_pronoun():
    text = ("The king wants to look strong in the eyes of his people.\n\n"
            "He will not give up the weapons soon, they say.")
    assert speakers(text)[-1] == "they"


def test_a_river_is_no_person_a_pronoun_could_stand_for():
    text = ("Smugglers cross the Tumen River at night.\n\n"
            "A trader in Ruritania's northern province said the guards had doubled.\n\n"
            "\"People cannot cross with metal goods any more,\" he told a radio station.")
    assert "Tumen River" not in speakers(text)


def test_an_unnamed_source_with_a_place_is_the_source_with_the_place_as_role():
    text = ("A source in Ruritania's northern province said the guards had doubled.\n\n"
            "\"People cannot cross with metal goods any more,\" he told a radio station.")
    got = rows(text)
    assert got[0] == ("A source", "A source in Ruritania's northern province")
    assert got[-1] == got[0]


def test_a_participle_after_an_inverted_speaker_is_that_speakers():
    text = ("Ruritania considers the talks vital, said Belo, noting that the principles of "
            "the 2005 accord still have practical value.")
    assert speakers(text) == ["Belo", "Belo"]


def test_a_capitalised_title_in_apposition_without_its_closing_comma():
    text = ("\"The proposals play important roles,\" Ivo Marin, Vice President of Ruritania "
            "Institute of Strategic Studies said.")
    assert rows(text) == [("Ivo Marin",
                           "Vice President of Ruritania Institute of Strategic Studies")]


def test_a_transcripts_label_and_a_title_in_parentheses_are_no_part_of_the_name():
    text = ("The minister spoke to reporters on Monday.\n\n"
            "[Soundbite] Ivo Marin(Minister of Trade) : \"We have offered them talks next "
            "week at the border.\"")
    got = [r for r in rows(text) if r[0] and "Marin" in r[0]]
    assert got and all(r == ("Ivo Marin", "Minister of Trade") for r in got)


def test_a_subject_with_a_relative_clause_speaks_not_the_object_inside_it():
    text = ("Ruritanian officials who met with Marin in the capital this week also said he "
            "had committed to the deal.")
    assert speakers(text) == ["Ruritanian officials"]


def test_state_television_is_the_whole_phrase_and_it_after_it_is_the_television():
    text = ("Ruritanian state television announced \"the first launch of the year\".\n\n"
            "\"We have joined the ranks of space powers,\" it said.")
    assert speakers(text) == ["Ruritanian state television"] * 2
