"""Target-dependent sentiment: the hand-checked cases the backends must get right.

Exact numbers are worked out from the lexicons by hand (sentiment_lexicon.csv and
TextBlob's en-sentiment.xml); the learned default is checked by sign and label.
"""
import math

import pytest

from korea_analysis import sentiment as S

DEFAULT = S.DEFAULT_BACKEND
SANCTIONS = "UNSC imposed new sanctions on North Korea"
MIXED = ("Seoul praised Washington's steadfast support while condemning Pyongyang's reckless "
         "missile launches")


def span(text, mention):
    i = text.index(mention)
    return i, i + len(mention)


def score(text, mention, backend=DEFAULT):
    return S.score_mention(text, *span(text, mention), backend=backend)


def test_textblob_alone_calls_sanctions_positive():
    # why the geopolitical lexicon exists: TextBlob scores only "new" here, +0.136
    words, _ = S.textblob_lexicon()
    plain = S.Lexicon(words, {}, frozenset(), frozenset())
    assert S.lexicon_mean(SANCTIONS, plain)[0] == pytest.approx(0.13636, abs=1e-4)


@pytest.mark.parametrize("backend", [DEFAULT, "textblob"])
def test_sanctions_are_negative_toward_north_korea(backend):
    pol, subj = score(SANCTIONS, "North Korea", backend)
    assert pol < 0
    assert S.polarity_label(pol, backend=backend) == "negative"
    assert 0 <= subj <= 1


def test_sanctions_by_hand_with_the_lexicon():
    # "new" is removed from TextBlob's list, "sanctions" is (-0.4, 0.3): the only word left
    assert score(SANCTIONS, "North Korea", "textblob") == pytest.approx((-0.4, 0.3))


@pytest.mark.parametrize("backend", [DEFAULT, "textblob", "vader"])
def test_praise_of_one_actor_and_criticism_of_another(backend):
    washington, _ = score(MIXED, "Washington", backend)
    pyongyang, _ = score(MIXED, "Pyongyang", backend)
    assert washington > 0 > pyongyang
    assert S.polarity_label(washington, backend=backend) == "positive"
    assert S.polarity_label(pyongyang, backend=backend) == "negative"


def test_clause_of_each_mention():
    assert S.clause_text(MIXED, *span(MIXED, "Washington")) == (
        "Seoul praised Washington's steadfast support")
    assert S.clause_text(MIXED, *span(MIXED, "Pyongyang")) == (
        "condemning Pyongyang's reckless missile launches")
    said = 'Miller said, "It was a disaster."'
    assert "disaster" in S.clause_text(said, 0, 6)  # a bare "Miller said" is widened


def test_negation_flips_by_hand():
    # "condemned" is (-0.6, 0.7); "not condemn" is -0.5 times that, as TextBlob does
    assert score("China condemned North Korea.", "North Korea", "textblob") == pytest.approx(
        (-0.6, 0.7))
    assert score("China did not condemn North Korea.", "North Korea", "textblob") == (
        pytest.approx((0.3, 0.7)))
    # a negation does not reach across a clause boundary
    assert score("Not now, China condemned North Korea.", "North Korea", "textblob")[0] < 0


@pytest.mark.parametrize("backend", [DEFAULT, "vader"])
def test_negation_flips_the_sign(backend):
    yes, _ = score("The minister condemned Japan.", "Japan", backend)
    no, _ = score("The minister did not condemn Japan.", "Japan", backend)
    assert yes < 0 < no
    assert S.polarity_label(yes, backend=backend) == "negative"


def test_vader_has_the_same_interface():
    pol, subj = S.score_mention(SANCTIONS, *span(SANCTIONS, "North Korea"), backend="vader")
    assert isinstance(pol, float) and isinstance(subj, float)
    assert -1 <= pol <= 1 and 0 <= subj <= 1
    pol, subj = S.score_text("a brutal, reckless provocation", backend="vader")
    assert pol < 0 < subj


def test_unknown_backend_names_the_choices():
    with pytest.raises(ValueError, match=r"unknown sentiment backend 'nope'.*'lexicon\+linear'"):
        S.score_mention(SANCTIONS, 0, 4, backend="nope")
    with pytest.raises(ValueError, match="vader"):
        S.score_text("fine", backend="nope")


def test_backends_are_pluggable(monkeypatch):
    monkeypatch.setattr(S, "_FACTORIES", dict(S._FACTORIES))
    calls = []

    def mention(text, start, end):
        calls.append(text[start:end])
        return 0.5, 0.25

    S.register_backend("constant", lambda: S.Backend("constant", mention, lambda t: (0.0, 0.0)))
    try:
        assert "constant" in S.backends()
        assert S.score_mention(SANCTIONS, 0, 4, backend="constant") == (0.5, 0.25)
        assert calls == ["UNSC"]
    finally:
        S.get_backend.cache_clear()
    assert set(S.backends()) >= {"lexicon+linear", "textblob", "textblob-plain", "vader"}


@pytest.mark.parametrize("start,end", [(-1, 3), (5, 5), (30, 99)])
def test_span_outside_the_text_raises(start, end):
    with pytest.raises(ValueError, match="not inside the text"):
        S.score_mention(SANCTIONS, start, end)


def test_score_text_of_a_quotation():
    # default: the lexicon mean; reckless (-0.7, 0.8) and provocation (-0.7, 0.6)
    assert S.score_text("a reckless provocation") == pytest.approx((-0.7, 0.7))
    assert S.score_text("The talks were held on Monday.") == (0.0, 0.0)
    assert S.score_text("warm friendship and cooperation")[0] > 0


def test_tokens_keep_abbreviations_and_split_contractions():
    words = S.tokenize("Sen. Cruz said the U.S. didn't back Kim's 1,000 troops.")
    assert words == ["sen.", "cruz", "said", "the", "u.s.", "did", "n't", "back", "kim", "'s",
                     "1,000", "troops", "."]
    s = S.sentence("Sen. Cruz didn't say.")
    assert [("Sen. Cruz didn't say."[a:b]) for a, b in zip(s.starts, s.ends, strict=True)] == [
        "Sen.", "Cruz", "did", "n't", "say", "."]
    assert s.marked[4] == "!say"


@pytest.mark.parametrize("text", [
    "", "   ", "The envoys didn't agree, and Seoul won’t say why.", "DON’T; can't",
    "İstanbul hosts the talks", "ΟΔΟΣ’Σ ΑΣ. Σ", "a\x00b", "U.S. Sen. Kim met 1,000 people"])
def test_words_of_a_span_are_its_sentence_tokens(text):
    # the whole-span scorer tokenises without offsets: the same words, letter cases included
    assert S.words_of(text) == S.sentence(text).words
    lexicon = S.load_lexicon()
    items = S.sentence(text).items(lexicon)  # the per-sentence path of mention scores
    assert S.lexicon_mean(text, lexicon) == ((
        sum(it[1] for it in items) / len(items), sum(it[2] for it in items) / len(items))
        if items else (0.0, 0.0))


def test_fast_linear_path_matches_the_reference_features():
    model, lexicon = S.read_linear(), S.load_lexicon()
    fast = S.FastLinear(model, lexicon)
    cases = [(MIXED, "Seoul"), (MIXED, "Washington"), (MIXED, "launches"),
             (SANCTIONS, "North Korea"), ("Kim said Kim would not meet Kim.", "Kim"),
             ("He didn't praise the U.S., Moon said.", "the U.S."), ("a  b", " ")]
    for text, mention in cases:
        m = S.locate(text, *span(text, mention))
        slow = model.proba(S.mention_features(m, lexicon))
        assert fast.proba(m) == pytest.approx(slow, abs=1e-12), (text, mention)
    m = S.locate_end(MIXED)
    assert fast.proba(m) == pytest.approx(model.proba(S.mention_features(m, lexicon)))
    assert math.isclose(sum(fast.proba(m)), 1.0)


def test_polarity_is_the_winning_margin():
    assert S.probability_score(0.2, 0.3, 0.5) == pytest.approx((0.2, 0.7))
    assert S.probability_score(0.6, 0.3, 0.1) == pytest.approx((-0.3, 0.7))
    assert S.probability_score(0.3, 0.4, 0.3) == pytest.approx((0.0, 0.6))


def test_shipped_model_and_thresholds():
    model = S.read_linear()
    lo, hi = model.thresholds
    assert -1 < lo <= hi < 1
    assert S.get_backend(DEFAULT).thresholds == (lo, hi)
    assert S.GEO_PRIOR in model.weights and len(model.weights) > 1000


def test_edited_lexicon(tmp_path):
    path = tmp_path / "lexicon.csv"
    path.write_text("# mine\nterm,polarity,subjectivity\nbananas,-0.9,0.8\nnuclear deal,0.5,0.5\n"
                    "good,0,0\n", encoding="utf-8")
    lex = S.load_lexicon(str(path))
    assert S.lexicon_mean("Kim sold bananas.", lex) == pytest.approx((-0.9, 0.8))
    assert S.lexicon_mean("a nuclear deal", lex) == pytest.approx((0.5, 0.5))
    assert S.lexicon_mean("a good day", lex) == (0.0, 0.0)  # removed from TextBlob's list
    path.write_text("term,polarity,subjectivity\nbananas,-3,0.8\n", encoding="utf-8")
    with pytest.raises(ValueError, match="line 2.*out of range"):
        S.read_lexicon(path)
