"""csv_out.write_csv writes the very bytes DataFrame.to_csv(index=False) writes."""
import numpy as np
import pandas as pd
import pytest

from korea_analysis.csv_out import _column, write_csv

TEXT = ["plain", "a, b", 'say "no"', "two\nlines", "cr\rinside", "", " lead", "tab\tx",
        "semi;colon", None, "naïve — “curly”", '"', ","]


def same_as_pandas(df, tmp_path):
    ours, theirs = tmp_path / "ours.csv", tmp_path / "pandas.csv"
    write_csv(df, ours)
    df.to_csv(theirs, index=False)
    assert ours.read_bytes() == theirs.read_bytes()
    return ours.read_bytes()


def test_text_quoted_as_the_csv_module_quotes(tmp_path):
    df = pd.DataFrame({"s": TEXT, "n": range(len(TEXT))})
    assert all(_column(df[c]) is not None for c in df)  # the fast path, not the fallback
    got = same_as_pandas(df, tmp_path).decode()
    assert '"a, b",1\n' in got and '"say ""no""",2\n' in got and '"two\nlines",3\n' in got
    assert "\n,5\n" in got and "\n,9\n" in got  # an empty string and a missing one


def test_text_as_arrow_strings(tmp_path):
    df = pd.DataFrame({"s": pd.array(TEXT, dtype="string[pyarrow]"), "o": pd.Series(TEXT,
                       dtype=object)})
    same_as_pandas(df, tmp_path)


def test_numbers_and_flags(tmp_path):
    f = [0.0, -0.0, 1e-05, 1e16, 0.1, 1 / 3, np.inf, -np.inf, np.nan, 123456789.0, 5e-324,
         1.5e300, -2.5]
    df = pd.DataFrame({"f": f, "i": np.arange(len(f)) - 6,
                       "I": pd.array([1, None] * 6 + [3], dtype="Int64"),
                       "b": [True, False] * 6 + [True]})
    assert all(_column(df[c]) is not None for c in df)
    got = same_as_pandas(df, tmp_path).decode().splitlines()
    assert got[1] == "0.0,-6,1,True" and got[3] == "1e-05,-4,1,True" and got[9] == ",2,1,True"


def test_random_floats(tmp_path):
    rng = np.random.default_rng(0)
    bits = rng.integers(-2**62, 2**62, 2000, dtype=np.int64).view(np.float64)
    df = pd.DataFrame({"x": bits, "y": rng.standard_normal(2000) * 1e-7})
    same_as_pandas(df, tmp_path)


@pytest.mark.parametrize("df", [
    pd.DataFrame({"d": pd.to_datetime(["2021-01-02", None]), "n": [1, 2]}),  # dates
    pd.DataFrame({"m": ["a", 3], "n": [1, 2]}),  # mixed objects
    pd.DataFrame({"only": ["a", ""]}),  # one column: an empty field is written ""
    pd.DataFrame({"a": pd.Series(dtype=str), "b": pd.Series(dtype=float)}),  # no rows
], ids=["dates", "mixed", "one-column", "empty"])
def test_other_tables_go_to_pandas(df, tmp_path):
    same_as_pandas(df, tmp_path)


def test_many_rows_in_blocks(tmp_path, monkeypatch):
    import korea_analysis.csv_out as co

    monkeypatch.setattr(co, "BLOCK", 7)
    df = pd.DataFrame({"s": TEXT * 3, "n": range(3 * len(TEXT))})
    same_as_pandas(df, tmp_path)


def test_repeated_floats_and_text_with_nothing_to_quote(tmp_path):
    rng = np.random.default_rng(1)
    f = rng.choice([0.0, -0.0, 0.1, 1 / 3, np.nan, -2.5, 1e-05], 500)
    df = pd.DataFrame({"f": f, "code": rng.choice(["KOR", "PRK", None, ""], 500),
                       "n": np.arange(500)})
    got = same_as_pandas(df, tmp_path).decode()
    assert "\n-0.0,KOR," in got or "\n-0.0,PRK," in got or "\n-0.0,," in got
    assert '"' not in got
