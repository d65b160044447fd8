"""load_corpus: every accepted format, and a clear error naming file and line for bad input."""
import json
import os
import warnings

import pandas as pd
import pytest

from korea_analysis.corpus import DEFAULT_CORPUS, CorpusError, CorpusWarning, load_corpus


def write(path, text, encoding="utf-8"):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode(encoding) if isinstance(text, str) else text)
    return path


# --- the bundled corpus -------------------------------------------------------------------------

def test_bundled_corpus_is_the_default_with_metadata():
    df = load_corpus()
    assert list(df.article_id) == [
        "armistice-70th-anniversary", "lavrov-choe-wonsan-talks",
        "tensions-increasing-north-korea", "kim-putin-liberation-letters"]
    by_id = df.set_index("article_id")
    assert by_id.loc["armistice-70th-anniversary", "published"] == pd.Timestamp("2023-07-27")
    assert by_id.loc["lavrov-choe-wonsan-talks", "source"] == "NationPress"
    assert by_id.loc["lavrov-choe-wonsan-talks", "published"] == pd.Timestamp("2025-07-12")
    assert by_id.loc["tensions-increasing-north-korea", "date_precision"] == "month"
    assert by_id.loc["kim-putin-liberation-letters", "published"] == pd.Timestamp("2023-08-01")
    # the outlet is unknown for three articles: left empty, not invented
    assert by_id["source"].isna().sum() == 3
    assert by_id.loc["lavrov-choe-wonsan-talks", "original_name"] == "001_c113b0458a03a85c.txt"
    assert by_id.loc["armistice-70th-anniversary", "text"].startswith(
        "South Korea and North Korea marked the 70th anniversary")


def test_bundled_texts_are_the_seed_files_unchanged():
    seeds = DEFAULT_CORPUS.parents[1].parent / "shared" / "seeds"
    if not seeds.is_dir():
        pytest.skip("../shared/seeds not beside the repository")
    df = load_corpus()
    for row in df.itertuples():
        assert (seeds / row.original_name).read_bytes() == (DEFAULT_CORPUS / f"{row.article_id}.txt"
                                                             ).read_bytes()


# --- formats ------------------------------------------------------------------------------------

def test_directory_without_metadata_uses_file_stems(tmp_path):
    write(tmp_path / "b.txt", "Second article.")
    write(tmp_path / "a.txt", "First article.")
    df = load_corpus(tmp_path)
    assert list(df.article_id) == ["a", "b"]
    assert df.published.isna().all() and df.title.isna().all()
    assert df.loc[0, "path"] == str(tmp_path / "a.txt")


def test_directory_with_sibling_metadata_and_extra_columns(tmp_path):
    d = tmp_path / "arts"
    write(d / "x.txt", "Body x.")
    write(tmp_path / "arts.csv", "article_id,file,title,published,desk\nslug-x,x.txt,Title X,"
          "2024-02-03,Seoul\n")
    df = load_corpus(d)
    assert df.loc[0, "article_id"] == "slug-x"
    assert df.loc[0, "title"] == "Title X"
    assert df.loc[0, "published"] == pd.Timestamp("2024-02-03")
    assert df.loc[0, "desk"] == "Seoul"


def test_text_file_listed_nowhere_is_kept_not_dropped(tmp_path):
    write(tmp_path / "a.txt", "A.")
    write(tmp_path / "b.txt", "B.")
    write(tmp_path / "articles.csv", "article_id,file,title\na,a.txt,Title A\n")
    df = load_corpus(tmp_path)
    assert list(df.article_id) == ["a", "b"]


def test_single_txt_file(tmp_path):
    f = write(tmp_path / "one.txt", "Only one.")
    df = load_corpus(f)
    assert list(df.article_id) == ["one"] and df.loc[0, "text"] == "Only one."


def test_csv_with_configurable_columns(tmp_path):
    f = write(tmp_path / "c.csv", 'id,body,headline,date,outlet\n1,"Line one,\nline two",H1,'
              "2023-07-27,Yonhap\n2,Second,H2,,\n")
    df = load_corpus(f, text_column="body", id_column="id", title_column="headline",
                     date_column="date", source_column="outlet")
    assert list(df.article_id) == ["1", "2"]
    assert df.loc[0, "text"] == "Line one,\nline two"
    assert df.loc[0, "title"] == "H1" and df.loc[0, "source"] == "Yonhap"
    assert pd.isna(df.loc[1, "published"])


def test_csv_without_id_column_numbers_rows(tmp_path):
    f = write(tmp_path / "c.csv", "text\nFirst.\nSecond.\n")
    assert list(load_corpus(f).article_id) == ["c-2", "c-3"]  # the CSV line of each row


def test_jsonl(tmp_path):
    f = write(tmp_path / "c.jsonl", json.dumps({"article_id": "j1", "text": "Hi.",
                                                "published": "2021-12"}) + "\n\n" +
              json.dumps({"article_id": "j2", "text": "Ho."}) + "\n")
    df = load_corpus(f)
    assert list(df.article_id) == ["j1", "j2"]
    assert df.loc[0, "published"] == pd.Timestamp("2021-12-01")
    assert df.loc[0, "date_precision"] == "month"


def test_parquet(tmp_path):
    f = tmp_path / "c.parquet"
    pd.DataFrame({"article_id": ["p1"], "content": ["Parquet text."]}).to_parquet(f)
    df = load_corpus(f, text_column="content")
    assert df.loc[0, "text"] == "Parquet text."


def test_bom_and_crlf_are_accepted(tmp_path):
    f = write(tmp_path / "w.txt", b"\xef\xbb\xbfLine one.\r\nLine two.\r\n")
    assert load_corpus(f).loc[0, "text"] == "Line one.\nLine two.\n"


def test_explicit_encoding_and_errors(tmp_path):
    f = write(tmp_path / "latin.txt", "Caf\xe9 talks.".encode("cp1252"))
    assert load_corpus(f, encoding="cp1252").loc[0, "text"] == "Caf\xe9 talks."
    assert load_corpus(f, errors="replace").loc[0, "text"] == "Caf\ufffd talks."


# --- bad input ----------------------------------------------------------------------------------

def error(path, **kw) -> str:
    with pytest.raises(CorpusError) as e:
        load_corpus(path, **kw)
    return str(e.value)


def test_missing_path(tmp_path):
    assert error(tmp_path / "nope") == f"{tmp_path / 'nope'}: corpus path does not exist"


def test_no_articles(tmp_path):
    assert "no articles found" in error(tmp_path)


def test_empty_article_names_file(tmp_path):
    write(tmp_path / "empty.txt", "  \n\n")
    msg = error(tmp_path)
    assert "empty.txt" in msg and "empty" in msg


def test_not_utf8_names_file_and_line(tmp_path):
    write(tmp_path / "bad.txt", b"Fine line.\nAlso fine.\nCaf\xe9 here.\n")
    msg = error(tmp_path)
    assert "bad.txt: line 3, column 4" in msg and "not valid utf-8" in msg
    assert "errors='replace'" in msg


def test_duplicate_ids_in_metadata(tmp_path):
    write(tmp_path / "a.txt", "A.")
    write(tmp_path / "b.txt", "B.")
    write(tmp_path / "articles.csv", "article_id,file\nsame,a.txt\nsame,b.txt\n")
    msg = error(tmp_path)
    assert "articles.csv: line 3: duplicate article_id 'same'" in msg and "line 2" in msg


def test_duplicate_ids_in_jsonl(tmp_path):
    f = write(tmp_path / "d.jsonl", '{"article_id": "x", "text": "a"}\n'
                                    '{"article_id": "x", "text": "b"}\n')
    assert "d.jsonl: line 2: duplicate article_id 'x'" in error(f)


def test_metadata_row_naming_missing_file(tmp_path):
    write(tmp_path / "a.txt", "A.")
    write(tmp_path / "articles.csv", "article_id,file\na,a.txt\nghost,ghost.txt\n")
    assert "articles.csv: line 3: file 'ghost.txt' does not exist" in error(tmp_path)


def test_unparseable_date(tmp_path):
    f = write(tmp_path / "c.csv", "article_id,text,published\na,Text.,2023-07-27\nb,Text.,"
              "last Tuesday\n")
    msg = error(f)
    assert "c.csv: line 3: cannot parse date 'last Tuesday'" in msg


def test_missing_text_column(tmp_path):
    f = write(tmp_path / "c.csv", "article_id,body\na,Text.\n")
    msg = error(f)
    assert "c.csv: line 2: no text column 'text'" in msg and "body" in msg


def test_empty_text_in_csv_row(tmp_path):
    f = write(tmp_path / "c.csv", "article_id,text\na,Text.\nb,\n")
    assert "c.csv: line 3: the article text is empty" in error(f)


def test_bad_json_line(tmp_path):
    f = write(tmp_path / "c.jsonl", '{"text": "ok"}\n{"text": broken}\n')
    assert "c.jsonl: line 2: not valid JSON" in error(f)


def test_unsupported_file_type(tmp_path):
    f = write(tmp_path / "c.docx", "x")
    assert "unsupported corpus file type '.docx'" in error(f)


def test_skipped_files_are_reported(tmp_path):
    write(tmp_path / "a.txt", "A.")
    write(tmp_path / "notes.md", "not an article")
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        df = load_corpus(tmp_path)
    assert df.attrs["skipped"] == ["notes.md (not a .txt file)"]
    assert any(issubclass(x.category, CorpusWarning) and "notes.md" in str(x.message) for x in w)


def test_corpus_error_is_a_value_error():
    assert issubclass(CorpusError, ValueError)


# --- metadata files (CSV or TSV) with a column mapping ------------------------------------------

POLNEAR_LIKE = ("compartment\tfilename\tpublisher\tpublication_date\ttitle\n"
                "train\tdaily_2016-01-02_talks\tThe Daily\t2016-01-02\tTalks resume\n"
                "dev\tweekly_2016-02-03_drills\tThe Weekly\t2016-02-03\tDrills end\n"
                "test\twithheld_2016-03-04_gone\tThe Daily\t2016-03-04\tNot here\n")
MAPPING = "file=filename,source=publisher,published=publication_date"


def polnear_like(tmp_path):
    write(tmp_path / "train" / "text" / "daily_2016-01-02_talks.txt", "Talks resumed today.")
    write(tmp_path / "dev" / "text" / "weekly_2016-02-03_drills.txt", "The drills ended.")
    return write(tmp_path / "metadata.tsv", POLNEAR_LIKE)


def test_tsv_metadata_with_mapping_over_several_folders(tmp_path):
    meta = polnear_like(tmp_path)
    dirs = [tmp_path / "train" / "text", tmp_path / "dev" / "text"]
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        df = load_corpus(dirs, metadata=meta, columns=MAPPING)
    assert list(df.article_id) == ["daily_2016-01-02_talks", "weekly_2016-02-03_drills"]
    assert list(df.source) == ["The Daily", "The Weekly"]
    assert list(df.published) == [pd.Timestamp("2016-01-02"), pd.Timestamp("2016-02-03")]
    assert list(df.title) == ["Talks resume", "Drills end"]
    assert list(df.compartment) == ["train", "dev"]  # unmapped columns are kept
    assert df.loc[1, "text"] == "The drills ended."
    # the withheld row names no text in these folders: reported, not an error
    assert df.attrs["metadata_unmatched"] == ["withheld_2016-03-04_gone"]
    assert df.attrs["metadata"] == str(meta.resolve())
    msgs = [str(x.message) for x in w if issubclass(x.category, CorpusWarning)]
    assert any("1 row(s) name no text" in m and "withheld_2016-03-04_gone" in m for m in msgs)


def test_folders_joined_by_pathsep_and_mapping_as_dict(tmp_path):
    import os

    meta = polnear_like(tmp_path)
    joined = os.pathsep.join(str(tmp_path / s / "text") for s in ("train", "dev"))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        df = load_corpus(joined, metadata=meta, columns={"file": "filename", "source": "publisher",
                                                         "published": "publication_date"})
    assert len(df) == 2 and df.loc[0, "source"] == "The Daily"


def test_metadata_alone_resolves_files_from_its_folder_adding_txt(tmp_path):
    write(tmp_path / "texts" / "a.txt", "Alpha.")
    write(tmp_path / "b.txt", "Beta.")
    meta = write(tmp_path / "meta.csv", "filename,outlet\ntexts/a,Wire\nb.txt,Paper\n")
    df = load_corpus(metadata=meta, columns="file=filename,source=outlet")
    assert list(df.article_id) == ["a", "b"] and list(df.source) == ["Wire", "Paper"]
    assert df.loc[0, "path"] == str(tmp_path / "texts" / "a.txt")


def test_metadata_alone_with_a_missing_file_names_file_and_line(tmp_path):
    write(tmp_path / "a.txt", "Alpha.")
    meta = write(tmp_path / "meta.tsv", "filename\na\nghost\n")
    with pytest.raises(CorpusError, match=r"meta.tsv: line 3: file 'ghost' does not exist"):
        load_corpus(metadata=meta, columns="file=filename")


def test_tab_separated_metadata_is_sniffed_without_tsv_extension(tmp_path):
    write(tmp_path / "t" / "a.txt", "Alpha.")
    meta = write(tmp_path / "meta.txt.csv", "file\tsource\ta.txt\tWire\n".replace(
        "\ta.txt", "\na.txt"))
    df = load_corpus(tmp_path / "t", metadata=meta)
    assert df.loc[0, "source"] == "Wire"


def test_a_mapped_column_that_does_not_exist_is_named(tmp_path):
    meta = polnear_like(tmp_path)
    with pytest.raises(CorpusError) as e:
        load_corpus(tmp_path / "train" / "text", metadata=meta,
                    columns="file=filename,source=outlet")
    msg = str(e.value)
    assert msg.startswith(f"{meta}: column 'outlet' (mapped to source) does not exist")
    assert "publisher" in msg  # the columns it does have


def test_a_mapped_column_missing_from_a_table_corpus_is_named(tmp_path):
    f = write(tmp_path / "c.csv", "id,body\n1,Text.\n")
    with pytest.raises(CorpusError, match=r"c.csv: column 'content' \(mapped to text\)"):
        load_corpus(f, columns="text=content")
    p = tmp_path / "c.parquet"
    pd.DataFrame({"body": ["Text."]}).to_parquet(p)
    with pytest.raises(CorpusError, match=r"c.parquet: column 'headline' \(mapped to title\)"):
        load_corpus(p, columns="text=body,title=headline")
    df = load_corpus(f, columns="text=body,article_id=id")
    assert list(df.article_id) == ["1"] and df.loc[0, "text"] == "Text."


def test_bad_mapping_strings_are_errors():
    from korea_analysis.corpus import parse_columns

    assert parse_columns("file=filename, source = publisher,") == {"file": "filename",
                                                                    "source": "publisher"}
    with pytest.raises(CorpusError, match="'filename' is not ours=theirs"):
        parse_columns("filename")
    with pytest.raises(CorpusError, match="unknown column 'publisher'"):
        parse_columns("publisher=source")


def test_texts_the_metadata_does_not_list_are_kept_and_warned_about(tmp_path):
    meta = polnear_like(tmp_path)
    write(tmp_path / "dev" / "text" / "extra.txt", "An extra text.")
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        df = load_corpus(tmp_path / "dev" / "text", metadata=meta, columns=MAPPING)
    assert list(df.article_id) == ["weekly_2016-02-03_drills", "extra"]
    assert df.attrs["unlisted"] == ["extra.txt"]
    assert pd.isna(df.loc[1, "source"])
    assert any("1 text(s) not in the metadata" in str(x.message) and "extra.txt" in
               str(x.message) for x in w)


def test_tsv_corpus_one_article_a_row(tmp_path):
    f = write(tmp_path / "c.tsv", "id\tbody\tpublisher\nk1\tA text, with a comma.\tWire\n")
    df = load_corpus(f, columns="article_id=id,text=body,source=publisher")
    assert df.loc[0, "text"] == "A text, with a comma." and df.loc[0, "source"] == "Wire"


def test_several_folders_each_bring_their_own_metadata(tmp_path):
    """Without --metadata, every folder's own articles.csv is read, as for a single folder."""
    from korea_analysis.corpus import load_corpus

    for name, outlet, day in (("east", "East Daily", "2024-01-05"),
                              ("west", "West Wire", "2025-02-06")):
        d = tmp_path / name
        d.mkdir()
        (d / f"{name}-1.txt").write_text(f"Seoul welcomed the talks, the {outlet} wrote.\n")
        (d / "articles.csv").write_text(f"article_id,file,source,published\n"
                                        f"{name}-1,{name}-1.txt,{outlet},{day}\n")
    df = load_corpus([tmp_path / "east", tmp_path / "west"])
    got = df.set_index("article_id")
    assert list(got.index) == ["east-1", "west-1"]
    assert got.loc["east-1", "source"] == "East Daily"
    assert got.loc["west-1", "source"] == "West Wire"
    assert str(got.loc["west-1", "published"].date()) == "2025-02-06"
    assert df.attrs["skipped"] == []
    assert df.attrs["metadata"].count(os.pathsep) == 1
