"""Cooperation/conflict events: cues, direction, negation, quotes, and the bundled dyads."""
import pytest

import korea_analysis as ka
from korea_analysis.events import find_cues, find_events, load_cues
from korea_analysis.mentions import find_mentions
from korea_analysis.text import sentences


def events(text, actors, book, speakers=None, polarity=None):
    ss = sentences(text)
    ms = find_mentions(text, ss, actors)
    return [(e["source"], e["target"], e["cue"], e["cameo"], e["score"]) for e in
            find_events(text, ss, ms, cues=book, speakers=speakers, polarity=polarity)]


def pairs(text, actors, book, speakers=None):
    """(source, target, sign) of each event, in order."""
    return [(s, t, 1 if v > 0 else -1) for s, t, _c, _k, v in
            events(text, actors, book, speakers)]


def rows(text, actors, book, **kw):
    ss = sentences(text)
    return find_events(text, ss, find_mentions(text, ss, actors), cues=book, **kw)


def test_cue_with_gap_and_longest_match(book):
    t = "Putin and Kim signed a comprehensive strategic partnership agreement."
    (a, b, cue), = find_cues(t, 0, len(t), book)
    assert t[a:b] == "signed a comprehensive strategic partnership agreement"
    assert (cue.cameo, cue.goldstein, cue.quad) == ("057", 8.0, 1)


def test_directed_conflict_and_sanction_value(actors, book):
    got = events("The United Nations Security Council imposed new sanctions on North Korea.",
                 actors, book)
    assert got == [("IGOUNO", "PRK", "sanctions", "163", -0.8)]


def test_coordinated_subjects_act_together(actors, book):
    got = events("North Korea and Russia have strengthened their ties.", actors, book)
    assert got == [("PRK", "RUS", "strengthened their ties", "058", 0.5)]


def test_co_subjects_of_a_denial_are_not_in_conflict(actors, book):
    # they deny together: no target, so no event between them
    assert events("Both Pyongyang and Moscow have denied any arms transactions.", actors,
                  book) == []


def test_absence_and_negation_reverse_at_half_strength(actors, book):
    got = events("The United States has no diplomatic relations with North Korea.", actors, book)
    assert got == [("USA", "PRK", "diplomatic relations", "050", -0.175)]
    got = events("Seoul did not condemn Tokyo.", actors, book)
    assert got == [("KOR", "JPN", "condemn", "111", 0.1)]
    got = events("Moon hopes to end the rivalry between South Korea and North Korea.", actors,
                 book)
    assert got == [("KOR", "PRK", "rivalry", "160", 0.2)]


def test_source_after_from(actors, book):
    got = events("America helps South Korea counter any aggression from North Korea.", actors,
                 book)
    assert ("PRK", "KOR", "aggression", "180", -0.9) in got


def test_topic_is_not_a_partner(actors, book):
    got = events("Japan and South Korea held talks on North Korea.", actors, book)
    assert [(s, t) for s, t, *_ in got] == [("JPN", "KOR")]


def test_governing_cue_takes_the_next_ones_target(actors, book):
    got = rows("North Korea is resisting any formal nuclear talks with the United States.",
               actors, book)
    assert [(r["source"], r["target"], r["cue"], r["cameo"], r["score"], r["frame"])
            for r in got] == [("PRK", "USA", "nuclear talks", "120", -0.4, "resisting")]


def test_quote_counts_for_its_speaker(actors, book):
    t = "“Sanctions on North Korea should stay put,” Park Won-gon said."
    assert events(t, actors, book) == []  # only one actor without the speaker
    assert events(t, actors, book, speakers={0: "KOR"}) == [
        ("KOR", "PRK", "Sanctions", "163", -0.8)]


def test_polarity_fallback_where_no_cue_gives_an_event_and_only_for_a_speaker(actors, tmp_path):
    t = "“South Korea and Japan are wonderful neighbours,” the ambassador said."
    book = load_cues()
    assert (book.fallback_weight, book.fallback_pairs) == (0.3, "speaker")
    assert events(t, actors, book, polarity=lambda s: 0.6) == []  # nobody speaks
    got = rows(t, actors, book, polarity=lambda s: 0.6, speakers={0: "USA"})
    assert [(r["source"], r["target"], r["cue"], r["score"], r["weight"]) for r in got] == [
        ("USA", "KOR", "", 0.6, 0.3), ("USA", "JPN", "", 0.6, 0.3)]
    # a sentence with a cue is read by its cue, not its sentiment
    got = rows("“South Korea condemned Japan,” he said.", actors, book,
               polarity=lambda s: 0.6, speakers={0: "USA"})
    assert [(r["source"], r["target"], r["score"]) for r in got] == [("KOR", "JPN", -0.2)]
    # a cue that gives no event (no target: "visiting them") leaves the sentence to the
    # fallback: the ambassador's sentence is still about South Korea and Japan
    got = rows("“South Korea and Japan are wonderful neighbours, and visiting them is a joy,” the "
               "ambassador said.", actors, book, polarity=lambda s: 0.6, speakers={0: "USA"})
    assert [(r["source"], r["target"], r["cue"], r["weight"]) for r in got] == [
        ("USA", "KOR", "", 0.3), ("USA", "JPN", "", 0.3)]
    # a speaker naming more than three actors speaks toward no one in particular
    got = rows("“Japan, Russia, Mongolia and Vietnam are wonderful neighbours,” the ambassador "
               "said.", actors, book, polarity=lambda s: 0.6, speakers={0: "USA"})
    assert got == []
    # every pair, as before this change, and off
    f = tmp_path / "cues.yaml"
    text = ka.events.DEFAULT_CUES.read_text()
    f.write_text(text.replace("fallback_pairs: speaker", "fallback_pairs: all"))
    got = rows(t, actors, load_cues(f), polarity=lambda s: 0.6)
    assert [(r["source"], r["target"], r["weight"]) for r in got] == [("KOR", "JPN", 0.3)]
    f.write_text(text.replace("fallback: 0.3", "fallback: 0.0"))
    assert rows(t, actors, load_cues(f), polarity=lambda s: 0.6, speakers={0: "USA"}) == []


def test_cue_inside_an_organisation_name_is_ignored(actors, book):
    t = "China hosted the Shanghai Cooperation Organisation meeting with Russia."
    assert all(cue != "Cooperation" for *_, cue, _c, _s in
               [(a, b, c, d, e) for a, b, c, d, e in events(t, actors, book)])


@pytest.fixture(scope="module")
def bundled():
    return ka.annotate(ka.load_corpus(), cache=False, backend="textblob-plain")


def dyad(ann, a, b):
    a, b = sorted((a, b))
    row = ann.dyads[(ann.dyads.actor_a == a) & (ann.dyads.actor_b == b)]
    return row.iloc[0]


def test_bundled_dyads_a_reader_would_agree_with(bundled):
    assert dyad(bundled, "PRK", "RUS").score > 0.3      # partnership, support, ties
    assert dyad(bundled, "KOR", "USA").score > 0.1      # alliance, support, talks
    assert dyad(bundled, "PRK", "USA").score < -0.1     # deterrence, accusations, resisting
    assert dyad(bundled, "KOR", "PRK").score < -0.2     # deterrence, sanctions, aggression
    assert dyad(bundled, "JPN", "KOR").score > 0        # the Camp David security cooperation
    assert dyad(bundled, "CHN", "PRK").score > 0        # the Chinese delegation's trip


def test_bundled_evidence_sentences(bundled):
    e = bundled.events.merge(bundled.sentences[["article_id", "sentence_id", "text"]],
                             on=["article_id", "sentence_id"])
    row = e[(e.cameo == "057") & (e.source == "RUS") & (e.target == "PRK")].iloc[0]
    assert row.text.startswith("This visit is part of a broader strengthening of ties between "
                               "Moscow and Pyongyang")
    row = e[(e.cameo == "163")].iloc[0]
    assert (row.source, row.target, row.score) == ("KOR", "PRK", -0.8)  # Park's quote
    assert row.text.startswith("“But sanctions on North Korea should stay put,” Park noted")
    row = e[(e.cameo == "112")].iloc[0]  # the US accused North Korea of supplying Russia
    assert (row.source, row.target) == ("USA", "PRK")


def test_bad_cue_file_is_a_clear_error(tmp_path):
    from korea_analysis.events import CueDictionaryError

    f = tmp_path / "cues.yaml"
    f.write_text("cues:\n  - {cameo: '057', quad: 7, goldstein: 8, patterns: [sign]}\n")
    with pytest.raises(CueDictionaryError, match=r"cues\[0\].*quad must be 1-4"):
        load_cues(f)
    f.write_text("cues: [unclosed\n")
    with pytest.raises(CueDictionaryError, match="not valid YAML"):
        load_cues(f)


def test_history_is_flagged_and_left_out_of_dyads(actors, book):
    t = ("Between 1950 and 1953, North Korea fought against South Korea. Since 1953 the US has "
         "backed South Korea.")
    ss = sentences(t)
    rows = find_events(t, ss, find_mentions(t, ss, actors), cues=book, published_year=2021)
    assert [(r["source"], r["target"], r["historical"]) for r in rows] == [
        ("PRK", "KOR", True), ("USA", "KOR", False)]  # "since 1953" is the present


def test_bundled_war_history_is_not_current_conflict(bundled):
    hist = bundled.events[bundled.events.historical]
    assert set(hist.sentence_id[hist.article_id == "tensions-increasing-north-korea"]) == {9}
    pairs = set(zip(bundled.dyads.actor_a, bundled.dyads.actor_b, strict=True))
    assert ("CHN", "KOR") not in pairs  # only the 1950-53 war sentence linked them


# ---------------------------------------------------------------- roles


def test_coordinated_subjects_bound_by_agreeing_sanction_the_object(actors, book):
    got = pairs("Japan and Canada agreed to support tougher sanctions on North Korea.", actors,
                book)
    assert sorted(got) == [("CAN", "PRK", -1), ("JPN", "CAN", 1), ("JPN", "PRK", -1)]


def test_actors_listed_together_do_not_cooperate_without_a_binding_cue(actors, book):
    got = pairs("Japan and Canada condemned North Korea.", actors, book)
    assert got == [("JPN", "PRK", -1), ("CAN", "PRK", -1)]


def test_joined_x_in_condemning(actors, book):
    got = pairs("Germany joined France and Britain in condemning North Korea's latest test.",
                actors, book)
    assert sorted(got) == [("DEU", "FRA", 1), ("DEU", "GBR", 1), ("DEU", "PRK", -1),
                           ("FRA", "PRK", -1), ("GBR", "PRK", -1)]


def test_coordinated_objects_are_not_paired(actors, book):
    assert pairs("Pyongyang branded Tokyo and Washington as hostile powers.", actors, book) == []
    # but the subjects of a reported clause are
    assert pairs("Pyongyang said Tokyo and Washington were hostile to each other.", actors,
                 book) == [("JPN", "USA", -1)]
    got = pairs("Pyongyang denounced Tokyo and Washington as hostile powers.", actors, book)
    assert got == [("PRK", "JPN", -1), ("PRK", "USA", -1)]


def test_sided_with_against(actors, book):
    got = pairs("Australia sided with Tokyo and Seoul against Pyongyang's threats.", actors,
                book)
    assert got == [("AUS", "JPN", 1), ("AUS", "KOR", 1), ("AUS", "PRK", -1)]


def test_adverb_inside_a_cue_and_a_quote_without_conflict_between_allies(actors, book):
    t = ("“Canada stands firmly with Japan and South Korea against coercion,” the Canadian "
         "envoy said.")
    got = pairs(t, actors, book, speakers={0: "CAN"})
    assert got == [("CAN", "JPN", 1), ("CAN", "KOR", 1)]


def test_quote_about_an_actor_counts_for_the_speaker(actors, book):
    t = "“North Korea’s provocations must stop,” the Japanese minister said."
    assert pairs(t, actors, book, speakers={0: "JPN"}) == [("JPN", "PRK", -1)]
    # outside the quotation marks the speaker's country does not take over the cue
    t = "“We are ready,” Park said, recalling North Korea’s provocations."
    assert pairs(t, actors, book, speakers={0: "KOR"}) == []


def test_toward_names_the_target(actors, book):
    got = pairs("Washington has kept a hostile policy toward Pyongyang for decades.", actors,
                book)
    assert got == [("USA", "PRK", -1)]


def test_talks_between_three_join_every_pair(actors, book):
    got = pairs("A summit between Japan, South Korea and China is planned.", actors, book)
    assert got == [("JPN", "KOR", 1), ("JPN", "CHN", 1), ("KOR", "CHN", 1)]
    weights = [r["weight"] for r in rows(
        "A summit between Japan, South Korea and China is planned.", actors, book)]
    assert weights == [0.5, 0.5, 0.5]  # a bare noun: weak evidence


# ---------------------------------------------------------------- frames


def frame_rows(text, actors, book, **kw):
    return [(r["source"], r["target"], r["cameo"], r["score"], r["frame"], r["weight"])
            for r in rows(text, actors, book, **kw)]


def test_reversing_verbs_void_the_agreement_they_govern(actors, book):
    assert frame_rows("Seoul threatened to tear up the 2018 military pact with Pyongyang.",
                      actors, book) == [("KOR", "PRK", "160", -0.4, "tear up", 1.0)]
    assert frame_rows("Japan suspended its intelligence agreement with South Korea.", actors,
                      book) == [("JPN", "KOR", "160", -0.4, "suspended", 1.0)]
    assert frame_rows("Donald Trump walked away from the summit with Kim Jong Un.", actors,
                      book) == [("USA", "PRK", "164", -0.7, "walked away from", 1.0)]
    assert frame_rows("North Korea rejected dialogue with South Korea.", actors, book) == [
        ("PRK", "KOR", "120", -0.4, "rejected", 1.0)]


def test_a_bare_noun_is_scored_by_its_verb_and_weak_without_one(actors, book):
    # governed by a verb with no event of its own: the noun's value at full weight
    assert frame_rows("Japan held a summit with South Korea.", actors, book) == [
        ("JPN", "KOR", "040", 0.1, "", 1.0)]
    assert frame_rows("Japan and South Korea resumed their dialogue.", actors, book) == [
        ("JPN", "KOR", "036", 0.4, "", 1.0)]
    # no verb governs it: weak evidence
    assert frame_rows("The summit between Japan and South Korea drew protesters.", actors,
                      book) == [("JPN", "KOR", "040", 0.1, "", 0.5)]


def test_calling_it_a_ploy_and_insults(actors, book):
    assert pairs("North Korea called the offer from Tokyo a cheap ploy.", actors, book) == [
        ("PRK", "JPN", -1)]
    assert pairs("North Korea called the proposal by Tokyo a ploy.", actors, book) == [
        ("PRK", "JPN", -1)]  # "by" names the proposal's author, not who calls it
    assert pairs("State media hurled insults at Seoul, North Korea's official news agency "
                 "KCNA reported.", actors, book) == []  # no actor acting: media report only
    assert pairs("Pyongyang hurled insults at Seoul.", actors, book) == [("PRK", "KOR", -1)]


def test_veto_of_a_resolution_against_x_is_support_for_x(actors, book):
    assert frame_rows("China vetoed the resolution on North Korea.", actors, book) == [
        ("CHN", "PRK", "111", 0.1, "vetoed", 1.0)]
    # conflict with the resolution's sponsors only when they are named
    got = pairs("China vetoed the US-drafted resolution on North Korea.", actors, book)
    assert sorted(got) == [("CHN", "PRK", 1), ("CHN", "USA", -1), ("USA", "PRK", -1)]


def test_backing_sanctions_is_a_sanction_and_condemning_them_is_support(actors, book):
    assert pairs("Australia backed new sanctions on North Korea.", actors, book) == [
        ("AUS", "PRK", -1)]
    got = pairs("Russia condemned Washington's sanctions on North Korea.", actors, book)
    assert sorted(got) == [("RUS", "PRK", 1), ("RUS", "USA", -1), ("USA", "PRK", -1)]


def test_negated_binding_cue_binds_no_one(actors, book):
    got = pairs("Seoul and Tokyo did not agree to hold talks with Pyongyang.", actors, book)
    assert got == [("KOR", "PRK", -1), ("JPN", "PRK", -1)]


def test_longer_prefix_wins_a_tie(book):
    t = "a hostile stance"
    (a, b, cue), = find_cues(t, 0, len(t), book)
    assert (t[a:b], cue.cameo) == ("hostile", "160")


def test_bad_frame_values_are_clear_errors(tmp_path):
    from korea_analysis.events import CueDictionaryError

    f = tmp_path / "cues.yaml"
    f.write_text("cues:\n  - {cameo: '120', quad: 3, goldstein: -4, governs: undo, "
                 "patterns: [scrap*]}\n")
    with pytest.raises(CueDictionaryError, match=r"cues\[0\].*governs must be one of"):
        load_cues(f)
    f.write_text("weights: {noun: 2}\ncues: []\n")
    with pytest.raises(CueDictionaryError, match=r"weights.noun must be a number in \[0"):
        load_cues(f)


# ---------------------------------------------------------------- more roles (real-news dev)


def test_condemning_cooperation_between_two_opposes_both_and_keeps_their_cooperation(actors,
                                                                                     book):
    t = ('Canada and Australia denounced "in the harshest words" the expanding military '
         "cooperation between North Korea and Russia.")
    assert sorted(pairs(t, actors, book)) == [
        ("AUS", "PRK", -1), ("AUS", "RUS", -1), ("CAN", "PRK", -1), ("CAN", "RUS", -1),
        ("PRK", "RUS", 1)]


def test_passive_agent_acts(actors, book):
    t = ("The joint drills between Japan and the United States have long been criticized by "
         "China.")
    assert pairs(t, actors, book) == [("JPN", "USA", 1), ("CHN", "JPN", -1), ("CHN", "USA", -1)]
    t = "This shows the hostile steps by Washington toward Pyongyang."
    assert pairs(t, actors, book) == [("USA", "PRK", -1)]


def test_a_place_is_not_a_subject(actors, book):
    t = "The talks held in Beijing showed hostile intent by Tokyo toward Seoul."
    assert ("CHN", "JPN", -1) not in pairs(t, actors, book)


def test_second_verb_shares_the_subject(actors, book):
    t = "Japan and Canada condemned North Korea — and vowed to deepen their cooperation."
    assert pairs(t, actors, book) == [("JPN", "PRK", -1), ("CAN", "PRK", -1), ("JPN", "CAN", 1),
                                      ("JPN", "CAN", 1)]  # "vowed to" binds; "deepen … cooperation"


def test_the_two_leaders_are_the_pair_before(actors, book):
    t = ("Japan's prime minister met the South Korean president in Tokyo. The two leaders agreed "
         "to expand security ties.")
    got = rows(t, actors, book)
    assert [(r["sentence_id"], {r["source"], r["target"]}, r["cue"]) for r in got] == [
        (0, {"JPN", "KOR"}, "met"), (1, {"JPN", "KOR"}, "agreed to"),
        (1, {"JPN", "KOR"}, "expand security ties")]  # mutual events: either may come first


def test_first_person_is_the_speaker_or_the_state_medium(actors, book):
    from korea_analysis.events import article_voice

    assert article_voice("Pyongyang, March 3 (KCNA) -- A spokesman said:", actors) == "PRK"
    assert article_voice("MOSCOW, March 3. /TASS/. Lavrov said", actors) == "RUS"
    assert article_voice("SEOUL (Reuters) - Officials said", actors) is None  # not a state's
    t = "Washington keeps up its hostility toward us."
    ss = sentences(t)
    ms = find_mentions(t, ss, actors)
    assert [(r["source"], r["target"]) for r in find_events(t, ss, ms, cues=book)] == []
    assert [(r["source"], r["target"]) for r in find_events(t, ss, ms, cues=book,
                                                              voice="PRK")] == [("USA", "PRK")]
    t = "“North Korea threatens our security,” the minister said."
    assert pairs(t, actors, book) == []
    assert pairs(t, actors, book, speakers={0: "JPN"}) == [("PRK", "JPN", -1)]


def test_agent_inside_the_cue_and_far_farce_nouns(actors, book):
    t = 'The drills led by Japan were dismissed by Pyongyang as a "reckless" rehearsal for war.'
    assert pairs(t, actors, book) == [("PRK", "JPN", -1)]
    t = ("Pyongyang called the joint exercises between Tokyo and Washington a rehearsal for "
         "invasion.")
    assert sorted(pairs(t, actors, book))[:2] == [("PRK", "JPN", -1), ("PRK", "USA", -1)]


def test_relative_clause_owner_is_the_object(actors, book):
    assert pairs("Tokyo praised a plan that Seoul announced this week.", actors, book) == [
        ("JPN", "KOR", 1)]


def test_places_and_outsiders_are_not_partners(actors, book):
    # a place after the cue is not its object
    assert pairs("Donald Trump held a summit with Kim Jong Un in Hanoi.", actors, book) == [
        ("USA", "PRK", 1)]
    # facing confrontation with a third party does not set the two against each other
    assert pairs("China and Russia both face growing confrontation with the West.", actors,
                 book) == []
    # "the two countries" are the two named before them in the sentence
    t = ("China visited Japan in May. Pyongyang has moved closer to Moscow -- the two "
         "countries signed a defence pact.")
    got = rows(t, actors, book)
    assert [(r["sentence_id"], {r["source"], r["target"]}) for r in got][-1] == (
        1, {"PRK", "RUS"})


def test_a_state_mediums_article_opposes_the_aggressor_it_reports(actors, book):
    t = "Washington's provocations grow more reckless every day."
    ss = sentences(t)
    ms = find_mentions(t, ss, actors)
    assert find_events(t, ss, ms, cues=book) == []
    got = find_events(t, ss, ms, cues=book, voice="PRK")
    assert [(r["source"], r["target"], r["cue"]) for r in got] == [
        ("PRK", "USA", "provocations"), ("PRK", "USA", "reckless")]  # "reckless": invective


def test_both_sides_before_any_event_are_the_two_named(actors, book):
    t = ("Beijing's stance on Seoul is steady, the Chinese envoy said, urging both sides to "
         "deepen cooperation.")
    assert [{s, t_} for s, t_, _v in pairs(t, actors, book)] == [{"CHN", "KOR"}]


def test_a_mutual_event_is_one_row_whichever_actor_comes_first(actors, book):
    t = ("It defies the DPRK-U.S. Joint Statement adopted at the DPRK-U.S. summit talks held "
         "in Singapore.")
    assert [(r["source"], r["target"], r["cameo"]) for r in rows(t, actors, book)] == [
        ("PRK", "USA", "057"), ("PRK", "USA", "040")]
    # with a verb cue of the other sign between the pair, the bare nouns are what it is about
    t = t[:-1] + " and shows hostile acts by the United States toward the DPRK."
    assert [(r["source"], r["target"], r["cameo"]) for r in rows(t, actors, book)] == [
        ("USA", "PRK", "160")]


def test_place_window_is_the_whole_text_search():
    """``_after_place`` agrees with searching the whole text, also for long blank runs."""
    import re

    from korea_analysis.events import _PLACE, _PLACE_WINDOW, _after_place
    seat = re.compile(r"(?i)\b(?:government|authorities|regime|leadership|administration|"
                      r"officials|rulers)\s+$")
    gap = " " * (_PLACE_WINDOW + 10)
    texts = ["talks held in Singapore", "talks held at the  UN", "held in" + gap + "Seoul",
             "held at the" + gap + "UN", "held IN\n\tthe\n" + gap + "Hague", "within Seoul",
             "held at" + gap + "the" + gap + "UN", "a" + gap + "bin" + gap + "x",
             "Kim said Seoul", "x" * 100 + " in Seoul", "the government in Seoul",
             "regime in" + gap + "Seoul"]
    found = []
    for text in texts:
        for end in range(len(text) + 1):
            m = _PLACE.search(text, 0, end)
            plain = bool(m) and not (m.group().lower().startswith("in")
                                     and seat.search(text, 0, m.start()))
            assert _after_place(text, end) == plain, (text, end)
        found.append(_after_place(text, text.rfind(" ") + 1))
    assert found == [True, True, True, True, True, False, True, False, False, True, False,
                     False]


def test_a_roster_of_members_is_not_a_set_of_partners(actors, book):
    # a bare noun followed by three or more actors lists a forum's members
    assert events("The four-way talks, involving Japan, Russia, Mongolia and Vietnam, are a "
                  "forum for fisheries.", actors, book) == []
    # a mutual cue whose only actors are more than three listed together: members again
    assert events("Japan, Russia, Mongolia and Vietnam have been holding negotiations on "
                  "fisheries since 2001.", actors, book) == []
    # two or three subjects still pair, and so do three joined by "between"
    assert pairs("Japan and Vietnam have been holding negotiations on fisheries.", actors,
                 book) == [("JPN", "VNM", 1)]
    assert len(events("The talks between Japan, Mongolia and Vietnam went well.", actors,
                      book)) == 3


def test_a_bare_noun_a_verb_of_the_other_sign_is_about_is_no_event(actors, book):
    # the dialogue is what Japan mocks, not cooperation between them
    got = pairs("Japan mocked South Korea for clinging to hopes of dialogue with Japan.",
                actors, book)
    assert got == [("JPN", "KOR", -1)]
    # a bare noun of the verb's own sign stays
    got = rows("After the summit with South Korea, Japan praised Seoul.", actors, book)
    assert [(r["source"], r["target"], r["weight"]) for r in got] == [
        ("KOR", "JPN", 0.5), ("JPN", "KOR", 1.0)]


def test_articles_and_adverbs_take_no_room_in_the_negation_window(actors, book):
    got = events("Japan wants an end to the extremely hostile relations with Russia.", actors,
                 book)
    assert got == [("JPN", "RUS", "hostile", "160", 0.2)]
    assert pairs("Japan is unlikely to condemn Russia.", actors, book) == [("JPN", "RUS", 1)]
    # the noun "end" reverses nothing
    for t in ("To this end, Japan met with Russia.", "In the end Japan met with Russia.",
              "At the end of May Japan met with Russia."):
        assert pairs(t, actors, book) == [("JPN", "RUS", 1)], t


def test_opposing_an_act_by_a_named_agent_opposes_the_agent(actors, book):
    # a reversing verb over a conflict act with its agent: conflict toward the agent, not
    # support (as for "vetoed the resolution against X", which has no agent)
    assert events("Japan condemned the nuclear test by North Korea.", actors, book) == [
        ("JPN", "PRK", "condemned", "111", -0.2)]
    assert pairs("China is opposed to the missile launch carried out by North Korea.", actors,
                 book) == [("CHN", "PRK", -1)]
    # the agent's act toward its target stands as reported
    assert pairs("Japan condemned the aggression by Russia against Ukraine.", actors,
                 book) == [("JPN", "RUS", -1), ("RUS", "UKR", -1)]
    assert pairs("Japan did not condemn the nuclear test by North Korea.", actors,
                 book) == [("JPN", "PRK", 1)]
    assert pairs("Russia vetoed the resolution against North Korea.", actors, book) == [
        ("RUS", "PRK", 1)]


def test_refusals_obstacles_and_more_cue_words(actors, book):
    # "no interest in", "ruled out", "an obstacle to" void the cooperation they govern
    for t in ("Japan has no immediate interest in reviving stalled negotiations with Russia.",
              "Japan ruled out talks with Russia.",
              "Russia was laying an obstacle to the dialogue with Japan."):
        assert [sign for *_, sign in pairs(t, actors, book)] == [-1], t
    assert pairs("Japan took issue with Russia.", actors, book) == [("JPN", "RUS", -1)]
    # ignoring efforts for better relations is no cooperation
    assert pairs("Japan ignored all the efforts for improving relations with Russia.", actors,
                 book) == [("JPN", "RUS", -1)]
    assert pairs("Japan found fault with Russia.", actors, book) == [("JPN", "RUS", -1)]
    assert pairs("Japan accused Russia of interfering.", actors, book)[0][2] == -1
    assert pairs("Japan will collaborate with Russia.", actors, book) == [("JPN", "RUS", 1)]
    assert pairs("Japan had a long conversation with Russia.", actors, book) == [
        ("JPN", "RUS", 1)]


def test_a_clause_of_its_own_and_a_states_seat(actors, book):
    # ", and" starts a clause of its own: Japan is no object of the scrapping
    assert events("North Korea has vowed to scrap its nuclear program, and Japan welcomed it.",
                  actors, book) == []
    # "the government in Seoul" is South Korea, not a place
    assert pairs("Japan mocked the government in Seoul for its hopes.", actors, book) == [
        ("JPN", "KOR", -1)]
    assert pairs("The regime in Pyongyang condemned Japan.", actors, book) == [
        ("PRK", "JPN", -1)]
    assert pairs("Japan and Russia held talks in Seoul.", actors, book) == [("JPN", "RUS", 1)]


def test_its_allies_are_the_nearest_actors(actors, book):
    got = pairs("The launch fueled tensions between North Korea and the United States and its "
                "allies, Japan and South Korea.", actors, book)
    assert got == [("PRK", "USA", -1), ("USA", "JPN", 1), ("USA", "KOR", 1)]


def test_phone_contacts_teams_damaged_ties_and_interceptions(actors, book):
    assert pairs("Japan agreed by phone with Russia to monitor developments.", actors,
                 book) == [("JPN", "RUS", 1)]
    assert pairs("Seoul said it was contacting Pyongyang.", actors, book) == [
        ("KOR", "PRK", 1)]
    assert pairs("Japan and Russia plan to send teams of experts to Mongolia.", actors,
                 book) == [("JPN", "MNG", 1), ("RUS", "MNG", 1)]
    assert pairs("Mongolia will risk damaging its relations with China.", actors, book) == [
        ("MNG", "CHN", -1)]
    assert pairs("Japan would intercept the North Korean rocket.", actors, book) == [
        ("JPN", "PRK", -1)]


def test_reported_speech_without_marks_is_the_speakers_even_before_a_quote(actors, book):
    # sentence 0 is reported speech (no quotation marks in it): its conflict cue about the
    # US is the speaker's, whatever quotation marks the next sentence holds
    t = ("The spokesman said the United States was laying an obstacle to the dialogue. "
         "“We will respond,” he added.")
    got = [(r["source"], r["target"], r["score"] < 0) for r in
           rows(t, actors, book, speakers={0: "PRK", 1: "PRK"})]
    assert ("PRK", "USA", True) in got



def test_invective_is_conflict_toward_the_actor_it_names(actors, book):
    assert pairs("Mongolia decried Japan's heinous treachery toward Mongolia.", actors,
                 book) == [("MNG", "JPN", -1), ("JPN", "MNG", -1)]
    # a speaker's invective about an actor is the speaker's conflict toward it
    got = pairs("“The traitors of South Korea met again,” the spokesman said.", actors, book,
                speakers={0: "PRK"})
    assert ("PRK", "KOR", -1) in got


def test_governors_govern_the_cue_coordinated_with_their_own(actors, book):
    assert pairs("Japan will reject any contact and negotiations with Russia.", actors,
                 book) == [("JPN", "RUS", -1)]
    assert pairs("Japan suspended talks and exchanges with Russia.", actors, book) == [
        ("JPN", "RUS", -1)]
    assert pairs("Japan welcomed the talks and the agreement with Russia.", actors, book) == [
        ("JPN", "RUS", 1)]


def test_a_second_verb_after_an_object_keeps_the_first_subject(actors, book):
    # "X condemned Y and praised Z": X praises Z, not Y
    assert pairs("Japan condemned Russia and praised Mongolia.", actors, book) == [
        ("JPN", "RUS", -1), ("JPN", "MNG", 1)]
    assert pairs("Japan met Russia and Russia praised Mongolia.", actors, book) == [
        ("JPN", "RUS", 1), ("RUS", "MNG", 1)]


def test_a_pledge_to_a_verb_we_have_no_cue_for_has_no_partner(actors, book):
    assert pairs("North Korea vowed to retaliate against the United States.", actors,
                 book) == []
    assert pairs("Japan and Russia vowed to deepen ties.", actors, book)[0] == (
        "JPN", "RUS", 1)
    assert pairs("Japan vowed to support Russia.", actors, book) == [("JPN", "RUS", 1)]
