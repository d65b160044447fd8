"""``df.to_csv(path, index=False)``, byte for byte, with the rows joined by Arrow.

Why: writing the tables is a fixed part of every ``korea-analysis annotate`` run, and pandas
formats each value in Python's csv module. Here each column is formatted as pandas formats it
(integers as digits, floats as their shortest repr — what pandas writes —, booleans
as ``True``/``False``, missing values as empty fields) and text is quoted where Python's csv
module would quote it (QUOTE_MINIMAL: a delimiter, a quotation mark — doubled — or a line
ending inside); Arrow joins the fields and lines in C. Columns of any other type (dates,
mixed objects), a table of one column or no rows go to ``DataFrame.to_csv`` unchanged, so
the file is the same either way (checked against pandas in tests/test_csv_out.py).
"""
from __future__ import annotations

import csv
import io
import os
import re

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

_QUOTE = '"'
BLOCK = 100_000  # rows joined at a time


def _needs_quoting() -> str:
    """A regex class of the characters that make Python's csv module quote a field (asked of
    the module itself: which line-ending characters count has changed between versions)."""
    quoting = []
    for c in ',"\n\r\t;':
        out = io.StringIO()
        csv.writer(out, lineterminator="\n").writerow(["a" + c, "b"])
        if out.getvalue().startswith(_QUOTE):
            quoting.append(c)
    return "[" + "".join(re.escape(c) for c in quoting) + "]"


_NEEDS_QUOTING = _needs_quoting()


def _text(values: pa.Array) -> pa.Array:
    needs = pc.match_substring_regex(values, _NEEDS_QUOTING)
    if pc.any(needs).as_py():  # most columns (codes, kinds, ids) have nothing to quote
        quoted = pc.binary_join_element_wise(
            _QUOTE, pc.replace_substring(values, _QUOTE, '""'), _QUOTE, "")
        values = pc.if_else(needs, quoted, values)
    return pc.fill_null(values, "")


def _floats(values: np.ndarray) -> pa.Array:
    """Python's repr of each float, computed once per distinct value (told apart by their
    bits, so -0.0 stays "-0.0"): scores and weights take few values."""
    bits, where = np.unique(values.view(np.int64), return_inverse=True)
    text = pa.array(list(map(float.__repr__, bits.view(np.float64).tolist())), type=pa.string())
    return text.take(pa.array(where.ravel()))


def _column(s: pd.Series) -> pa.Array | None:
    """The column's fields as pandas' to_csv writes them, or None for a type not handled."""
    dtype = s.dtype
    if dtype == np.dtype("bool"):
        return pa.array(np.where(s.to_numpy(), "True", "False"), type=pa.string())
    if dtype == np.dtype("int64"):
        return pc.cast(pa.array(s.to_numpy()), pa.string())
    if isinstance(dtype, pd.Int64Dtype):
        return pc.fill_null(pc.cast(pa.array(s), pa.string()), "")
    if dtype == np.dtype("float64"):
        # pandas writes numpy's str of each float, which is Python's shortest repr ("0.0",
        # "1e-05", "1e+16"); repr is the faster of the two
        values = s.to_numpy()
        text = _floats(values)
        missing = np.isnan(values)
        return pc.if_else(pa.array(missing), "", text) if missing.any() else text
    if isinstance(dtype, pd.StringDtype) or dtype == np.dtype("O"):
        try:
            values = pa.array(s, type=pa.string(), from_pandas=True)
        except (pa.ArrowInvalid, pa.ArrowTypeError):  # not all text: pandas decides
            return None
        return _text(values)
    return None


def write_csv(df: pd.DataFrame, path: str | os.PathLike) -> None:
    """Write ``df`` as ``df.to_csv(path, index=False)`` would."""
    columns = None
    names = list(df.columns)
    if (len(df) and len(names) > 1 and all(isinstance(c, str) for c in names)
            and len(set(names)) == len(names)):
        columns = [_column(df[c]) for c in df.columns]
    if columns is None or any(c is None for c in columns):
        df.to_csv(path, index=False)
        return
    head = io.StringIO()
    csv.writer(head, lineterminator="\n").writerow(names)
    with open(path, "wb") as f:
        f.write(head.getvalue().encode("utf-8"))
        for start in range(0, len(df), BLOCK):  # bounded memory, and 32-bit string offsets
            block = [c.slice(start, BLOCK) for c in columns]
            lines = pc.binary_join_element_wise(*block, ",")
            f.write(_concatenated(pc.binary_join_element_wise(lines, "", "\n")))


def _concatenated(lines: pa.Array) -> memoryview:
    """The characters of a string array without nulls, one value after the other."""
    if isinstance(lines, pa.ChunkedArray):
        lines = lines.combine_chunks()
    _, offsets, data = lines.buffers()
    bounds = np.frombuffer(offsets, dtype=np.int32)[lines.offset:lines.offset + len(lines) + 1]
    return memoryview(data)[int(bounds[0]):int(bounds[-1])]
