"""Cells every notebook spec shares: the corpus parameters and the call that loads the corpus.

One copy here, so the five notebooks take the same corpus parameters with the same help text
and load them the same way (``tools/nbgen.py`` skips files starting with ``_``).
"""

CORPUS = '''\
corpus: str = ""  # corpus: folder of .txt, a .txt, .csv, .jsonl or .parquet (empty: the bundled corpus)
metadata: str = ""  # CSV/TSV naming each text file (relative to its folder) with title, outlet, date (empty: none)
columns: str = ""  # column mapping, as --columns of the CLI (empty: the columns have our own names)
keep_duplicates: bool = False  # keep every copy of a syndicated story (default: counted once)
actors: str = ""  # actor dictionary YAML (empty: the bundled one)
'''

DATES = '''\
date_from: str = ""  # first publication date to include, e.g. 2023-01-01 (empty: no limit)
date_to: str = ""  # last publication date to include (empty: no limit)
figures_dir: str = "figures"  # where each chart's PNG and CSV are written
'''


def parameters(own: str = "") -> tuple:
    """The ``parameters`` cell: the corpus parameters, the notebook's ``own``, then the dates."""
    own = own.strip("\n") + "\n" if own.strip() else ""
    return ("code", "# Parameters (papermill overrides these; run as is in JupyterLab)\n"
            + CORPUS + own + DATES, "parameters")


def load(extra: str = "") -> str:
    """Code that sets the notebook up and loads the corpus (``extra``: more ``views.load``
    arguments, e.g. ``", backend=backend"``)."""
    return ("views.setup_notebook(figures_dir)\n"
            "ann = views.load(corpus, actors, metadata=metadata, columns=columns,\n"
            "                 keep_duplicates=keep_duplicates, date_from=date_from,\n"
            f"                 date_to=date_to{extra})\n")
