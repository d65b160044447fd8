"""Sentences: exact offsets on any text, and boundaries of the bundled articles checked by hand."""
from hypothesis import given, settings
from hypothesis import strategies as st

from korea_analysis import load_corpus
from korea_analysis.text import paragraph_spans, sentences, split_sentences


def texts(article_id):
    df = load_corpus()
    return df.set_index("article_id").loc[article_id, "text"]


def spans(t):
    return [t[s.start:s.end] for s in sentences(t)]


# --- the offset invariant -----------------------------------------------------------------------

ALPHABET = st.sampled_from(list("abc XYZ.?!,;:'\"“”‘’()-–—\n\t0123\u00a0é한") + ["U.S.", "Dr. ",
                                                                              "\n\n", "- "])


@settings(max_examples=300, deadline=None)
@given(st.lists(ALPHABET, max_size=80).map("".join))
def test_offsets_always_slice_the_sentence(text):
    prev_end = 0
    for s in sentences(text):
        piece = text[s.start:s.end]
        assert piece and piece == piece.strip()
        assert s.start >= prev_end  # ordered, never overlapping
        prev_end = s.end
    # every non-space character belongs to exactly one sentence
    covered = sum(len(text[s.start:s.end].replace(" ", "")) for s in sentences(text))
    assert covered <= len(text.replace(" ", ""))


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_offsets_on_arbitrary_unicode(text):
    for s in sentences(text):
        assert text[s.start:s.end] == text[s.start:s.end].strip() != ""


# --- hard cases ---------------------------------------------------------------------------------

def test_abbreviations_do_not_end_sentences():
    t = ("The U.S. envoy met Sen. Kim in Baltimore, Md., on Dec. 3. Gen. Paul LaCamera said the "
         "drills will go on. Then he left.")
    assert [t[a:b] for a, b in split_sentences(t)] == [
        "The U.S. envoy met Sen. Kim in Baltimore, Md., on Dec. 3.",
        "Gen. Paul LaCamera said the drills will go on.",
        "Then he left.",
    ]


def test_a_title_abbreviation_before_a_name_does_not_end_the_sentence():
    t = ("Guam Gov. Lena Cruz Aguon said the island was safe. Lt. Gov. Ray Ada and Rep. "
         "Kim Tae-ho agreed. Nobody saw the Gov. on Friday. It rained.")
    got = [t[a:b] for a, b in split_sentences(t)]
    assert got == ["Guam Gov. Lena Cruz Aguon said the island was safe.",
                   "Lt. Gov. Ray Ada and Rep. Kim Tae-ho agreed.",
                   "Nobody saw the Gov. on Friday.", "It rained."]


def test_quotation_with_several_sentences_keeps_its_closing_mark():
    t = "“We will respond. We are ready,” the ministry said. Officials agreed."
    assert [t[a:b] for a, b in split_sentences(t)] == [
        "“We will respond.", "We are ready,” the ministry said.", "Officials agreed."]


def test_bullets_are_sentences_of_their_own():
    t = "Key points\n- First point here\n- Second point.\nBody text follows. It ends."
    got = [(t[s.start:s.end], s.kind) for s in sentences(t)]
    assert got == [("Key points", "heading"), ("- First point here", "summary"),
                   ("- Second point.", "summary"), ("Body text follows.", "body"),
                   ("It ends.", "body")]


def test_lower_case_line_continues_the_paragraph():
    t = "“We support Russia,”\nshe stated, as quoted by TASS.\nNext paragraph."
    assert [t[a:b] for a, b in paragraph_spans(t)] == [
        "“We support Russia,”\nshe stated, as quoted by TASS.", "Next paragraph."]


def test_dateline_is_split_off_and_not_body():
    t = "SEOUL, Dec. 2 (Yonhap) -- North Korea fired a missile. It flew 300 km."
    got = [(t[s.start:s.end], s.kind) for s in sentences(t)]
    assert got[0] == ("SEOUL, Dec. 2 (Yonhap) --", "dateline")
    assert got[1] == ("North Korea fired a missile.", "body")


def test_a_party_and_state_tag_is_no_dateline():
    # "Democratic Sen. X (D-Mo.) said …" opening a paragraph was split off as a dateline
    for tag in ("(D-Mo.)", "(R-Texas)", "(I-Vt.)", "(D-N.Y.)", "(R., Ohio)", "(R-TX)"):
        t = f"Republican Sen. Jane Doe {tag} said the talks had failed. She left early."
        got = [(t[s.start:s.end], s.kind) for s in sentences(t)]
        assert got[0] == ("Republican Sen. Jane Doe " + tag + " said the talks had failed.",
                          "body"), tag
    # a wire dateline with a one-letter outlet-like start still is one
    t = "DENVER (Reuters) - Rep. Jane Doe (D-Colo.) said the talks had failed."
    got = [(t[s.start:s.end], s.kind) for s in sentences(t)]
    assert got[0] == ("DENVER (Reuters) -", "dateline")
    assert got[1][1] == "body" and got[1][0].startswith("Rep. Jane Doe (D-Colo.)")
    t = "RENO (Dow Jones) -- Talks failed."
    assert sentences(t)[0].kind == "dateline"


# --- the bundled articles, checked by hand ------------------------------------------------------

def test_armistice_article_sentences():
    got = spans(texts("armistice-70th-anniversary"))
    assert len(got) == 20
    assert got[2] == ("That’s a value that makes the alliance both binding and strategic, as the "
                      "two allies expand cooperation in security, Yoon said.")
    assert got[7] == ("The Yoon administration is pressing ahead with a plan using overwhelming "
                      "power to deter North Korea’s aggression and that’s “sound enough for Seoul "
                      "and Washington to seek together” but the Yoon administration needs to give "
                      "just as much attention to the “power of dialogue,” Park added.")
    assert got[14] == "The North had sealed its borders since then."
    assert got[-1].startswith("The envoys from Moscow and Beijing -- the North’s two")


def test_lavrov_article_marks_title_summary_and_dateline():
    t = texts("lavrov-choe-wonsan-talks")
    ss = sentences(t)
    kinds = [s.kind for s in ss]
    assert kinds[:9] == ["title", "heading", "heading"] + ["summary"] * 5 + ["dateline"]
    assert all(k == "body" for k in kinds[9:])
    assert t[ss[8].start:ss[8].end] == "Washington, July 12 (NationPress)"
    assert t[ss[9].start:ss[9].end].startswith("North Korea and Russia have strengthened")
    # the quote paragraph and its attribution line form one sentence
    quote = [t[s.start:s.end] for s in ss if t[s.start:s.end].startswith("“The strategic")][0]
    assert quote.endswith("integrity,”\nshe stated, as quoted by TASS.")
    assert len(ss) == 20


def test_tensions_article_marks_titles_headings_copyright():
    t = texts("tensions-increasing-north-korea")
    non_body = [(t[s.start:s.end], s.kind) for s in sentences(t) if not s.body]
    assert non_body == [
        ("Are Tensions Increasing Again With North Korea?", "title"),
        ("Are Tensions Increasing Again With North Korea?", "title"),
        ("No Official Peace and Current Relations", "heading"),
        ("Stability in the Region", "heading"),
        ("Copyright 2021,", "boilerplate"),
    ]
    body = [t[s.start:s.end] for s in sentences(t) if s.body]
    assert len(body) == 19
    assert body[3].endswith("“peace and stability in the Taiwan Strait.”")


def test_kim_putin_article_faq_block_is_not_body():
    t = texts("kim-putin-liberation-letters")
    ss = sentences(t)
    body = [s for s in ss if s.body]
    assert len(body) == 17
    assert t[body[-1].start:body[-1].end].startswith("As the world watches")
    faq = [t[s.start:s.end] for s in ss if s.kind == "faq"]
    assert len(faq) == 11
    assert faq[0] == ("1. What prompted the exchange of letters between Kim Jong Un and "
                      "Vladimir Putin?")
    assert [s.kind for s in ss if t[s.start:s.end] == "Frequently Asked Questions (FAQ)"] == [
        "heading"]


# --- the marks decided without syntok ------------------------------------------------------

_MARK_WORDS = (
    "the U.S. Mr. Dr. Gov. Sen. p.m. a.m. said. he she The It In But And Also No. no. 3. 2015. "
    "Jan. Sept. May 5 12 100 1000 1.5 I. II. A. x. J. St. etc. vs. al. Inc., Co. D.C. N.H., "
    "Ali's don't Don't won't U.S.-led well-known McCain. iPhone. “We ” \" ' ‘ ’ ( ) [ ] { } (AP) "
    "-- — ... . . . ; : , ! ? ?” .” !” .' “Hello. end.The e.g. Ph.D. Mrs. de en Yes. OK. "
    "Seoul. seoul. However, Moreover This That Müller. Ärger. ） ． ！ xX. aB. AB. IV. Mt. ft. "
    "NO Sat. talks. officials agreed. We left. Kim said.'' it.''. ___. a/>. .-- x.-y '' "
    "George W. Bush b. e. II.").split()


def _syntok_starts(chunk):
    import syntok.segmenter as seg

    return [s[0].offset for para in seg.analyze(chunk) for s in para if s]


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(_MARK_WORDS), st.sampled_from([" ", " ", "", "  ",
                                                                          ", "])),
                min_size=1, max_size=30))
def test_marks_decided_here_split_as_syntok_does(parts):
    from korea_analysis.text import _marks_starts

    chunk = "".join(w + sep for w, sep in parts).strip()
    got = _marks_starts(chunk)
    if got is None:  # left to syntok whole
        return
    want = _syntok_starts(chunk) or [0]
    assert [0, *got[1:]] == [0, *want[1:]]


def test_sentences_with_abbreviations_are_split_without_syntok_where_sure(monkeypatch):
    import korea_analysis.text as text

    calls = []
    monkeypatch.setattr(text._syntok, "analyze", lambda s: calls.append(s) or [])
    chunk = ("U.S. officials met Mr. Kim at 3 p.m. on Monday. The talks, held in Washington, "
             "D.C., ended early. “We agreed,” he said. George W. Bush said ___. ``It's "
             "over.'' Then he left.")
    # syntok goes on after ___. (one token, no mark) and after .'' (no space before the
    # second quote)
    assert text._marks_starts(chunk) == [0, chunk.index("The talks"), chunk.index("“We"),
                                         chunk.index("George")]
    assert calls == []


def test_a_hard_wrapped_text_keeps_its_sentences_whole():
    # old wire copy broken at about 70 characters, mid-sentence, with no blank lines
    from korea_analysis.text import paragraph_spans
    lines = ["Harbour talks set for next week By A. Writer (Daily Post) Updated: 2005-11-04",
             "The second round of the harbour talks on the northern shipping lanes",
             "will start on Monday in Port Vale, the Ministry of Transport said",
             "yesterday.",
             "The parties will discuss how to carry out the joint statement they",
             "reached in the last round, said ministry spokesman Tam Oru at a",
             "briefing.",
             "The port will work with the other towns to make further progress, and",
             "Deputy Mayor Ilse Brand will attend the opening session, he said."]
    text = "\n".join(lines)
    paras = [text[a:b] for a, b in paragraph_spans(text)]
    assert len(paras) == 4
    assert paras[0] == lines[0]  # the title line is not run into the first sentence
    assert paras[1].startswith("The second round") and paras[1].endswith("said\nyesterday.")
    assert paras[3].endswith("he said.") and "Deputy Mayor" in paras[3]
    # one paragraph per line, the usual layout, is left alone even without end punctuation
    usual = "Harbour talks resume\nThe talks resume on Monday in Port Vale.\nNo date was set"
    assert len(paragraph_spans(usual)) == 3
