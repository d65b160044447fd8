"""``yaml.safe_load`` through libyaml when PyYAML has it: the same data, several times faster.

Why: the bundled actor dictionary is a quarter of a megabyte of YAML; PyYAML's pure-Python
parser spends about half a second of every run on it, libyaml a tenth of that. Both build the
same Python objects with the same safe constructors (checked on every bundled file by the
tests). A file libyaml refuses is parsed again by the pure-Python loader, so the error raised
(and its message, with line and column) is the one ``yaml.safe_load`` gives.
"""
from __future__ import annotations

import yaml

_CLoader = getattr(yaml, "CSafeLoader", None)


def safe_load(text: str):
    """``yaml.safe_load(text)``, with libyaml when installed."""
    if _CLoader is None:
        return yaml.safe_load(text)
    try:
        return yaml.load(text, Loader=_CLoader)  # noqa: S506 - CSafeLoader is the safe loader
    except yaml.YAMLError:
        return yaml.safe_load(text)  # raises with the pure-Python loader's message
