"""Speaker choice, fourth round (spk4): when a description or "they" may not stand for the
speaker before it. Sentences of our own, modelled on patterns of wire copy."""
from korea_analysis.quotes import find_quotes


def speakers(text):
    return [q.speaker for q in find_quotes(text) if q.kind != "term"]


# --- "the official" / "the scholar" / "the diplomat" ------------------------------------

def test_the_official_is_not_the_person_before_when_another_official_came_between():
    text = ("Ana Belo said, \"The border will stay open.\" A Ruritanian official disputed "
            "her account. \"The border is already shut,\" the official said.")
    assert speakers(text)[-1] != "Ana Belo"


def test_the_diplomat_is_not_the_minister_before_when_officials_came_between():
    text = ("Foreign Minister Ivo Marin said, \"We will keep talking.\" Ruritanian officials "
            "would not comment. \"The capital acted on its own,\" the diplomat said.")
    assert speakers(text)[-1] != "Ivo Marin"


def test_the_scholar_is_not_a_person_no_title_calls_a_scholar():
    text = ("Tomas Hald said, \"It was a fine meeting.\"\n\n"
            "\"The meeting changed nothing,\" the scholar said.")
    assert speakers(text)[-1] != "Tomas Hald"


def test_the_scholar_is_the_professor_quoted_before():
    text = ("\"Nobody expected a deal,\" said Lena Varga, a professor at Capital "
            "University.\n\n\"It changed nothing on the ground,\" the scholar said.")
    assert speakers(text) == ["Lena Varga", "Lena Varga"]


def test_the_official_is_the_spokesman_quoted_before_with_nobody_between():
    text = ("Foreign Ministry spokesman Ivo Marin said, \"We regret the vote.\"\n\n"
            "\"It will not change our course,\" the official said.")
    assert speakers(text) == ["Ivo Marin", "Ivo Marin"]


def test_a_group_of_analysts_between_blocks_the_description():
    text = ("\"We are close to a deal,\" said Deputy Minister Ivo Marin.\n\n"
            "Analysts doubted it.\n\n\"A deal is months away,\" the minister said.")
    assert speakers(text)[-1] != "Ivo Marin"


# --- "they said" ------------------------------------------------------------------------

def test_they_is_nobody_when_two_groups_were_named():
    text = ("Ruritanian officials met Vandorian envoys in the capital on Friday. \"The "
            "meeting went well,\" they said.")
    assert speakers(text) == ["they"]


def test_a_group_phrase_holds_no_verb():
    text = ("Ruritanian officials met Vandorian envoys in the capital on Friday. \"The "
            "meeting went well,\" they said.")
    assert not any(" met " in s for s in speakers(text))


def test_the_object_of_a_verb_is_not_who_they_is():
    text = ("The guards arrested three residents at the gate.\n\n"
            "\"They had no permits,\" they said.")
    assert speakers(text) == ["they"]


def test_a_group_with_its_members_named_by_of_is_one_group():
    text = ("Leaders of striking miners marched to the ministry.\n\n"
            "The minister had ignored the miners for a year, they said.")
    assert speakers(text)[-1] == "Leaders"


# --- "the site" -------------------------------------------------------------------------

def test_a_test_site_is_no_website():
    text = ("Inspectors visited the launch site Varna-dong on Tuesday.\n\n"
            "\"The pads were dismantled,\" the site said.")
    assert "Varna-dong" not in speakers(text)


def test_a_news_site_is_a_website():
    text = ("The news site Capital Daily Online published a leaked memo on Monday.\n\n"
            "\"The memo is genuine,\" the site said.")
    assert speakers(text)[-1] == "Capital Daily Online"


# --- two people, each with an apposition ------------------------------------------------

def test_two_names_each_with_an_apposition_both_speak():
    text = ("\"These are only models,\" Marin, a weapons analyst, and Varga, an aerospace "
            "engineer, said.")
    assert speakers(text) == ["Marin and Varga"]


def test_two_names_with_appositions_take_their_full_names_and_both_roles():
    text = ("Ivo Marin and Lena Varga wrote on a blog that the rocket was a mock-up.\n\n"
            "\"These are models,\" Marin, a weapons analyst, and Varga, an aerospace "
            "engineer, said.")
    rows = [(q.speaker, q.role) for q in find_quotes(text) if q.kind != "term"]
    assert rows[-1] == ("Ivo Marin and Lena Varga", "a weapons analyst; an aerospace engineer")
