"""korea-analysis: evidence from news on the Korean peninsula, computed offline.

The one pass: files -> :func:`load_corpus` -> articles table -> ``annotate`` -> notebook views.
"""
from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("korea-analysis")
except PackageNotFoundError:  # running from a source tree without an install
    __version__ = "0.0.0+unknown"

from korea_analysis.annotate import Annotations, annotate  # noqa: E402
from korea_analysis.corpus import CorpusError, load_corpus  # noqa: E402

__all__ = ["Annotations", "CorpusError", "annotate", "load_corpus", "__version__"]
