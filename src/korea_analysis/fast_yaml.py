"""``yaml.safe_load`` through libyaml when PyYAML has it: the same data, several times faster.

Why: the bundled actor dictionary is a quarter of a megabyte of YAML; PyYAML's pure-Python
parser spends about half a second of every run on it, libyaml a tenth of that. Both build the
same Python objects with the same safe constructors (checked on every bundled file by the
tests). A file libyaml refuses is parsed again by the pure-Python loader, so the error raised
(and its message, with line and column) is the one ``yaml.safe_load`` gives.

:func:`load_file` also keeps what a file parsed to, in the annotation cache folder under a
hash of the file's bytes: reading it back is thirty times faster than libyaml on the actor
dictionary (every notebook kernel and every later run reads it). The copy is JSON, never
pickle (a cache folder may be shared, and reading a pickle can run code): the dates YAML makes
and mappings with keys that are not strings are written as tagged objects, and a file whose
data would not come back equal is simply not kept. A damaged copy is parsed again; an edited
file has another hash, so is parsed afresh.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
from pathlib import Path

import yaml

_CLoader = getattr(yaml, "CSafeLoader", None)
#: Changes when what is kept changes (with PyYAML's version, part of every file's key).
FORMAT = b"fast_yaml json 1"


def safe_load(text: str):
    """``yaml.safe_load(text)``, with libyaml when installed."""
    if _CLoader is None:
        return yaml.safe_load(text)
    try:
        return yaml.load(text, Loader=_CLoader)  # noqa: S506 - CSafeLoader is the safe loader
    except yaml.YAMLError:
        return yaml.safe_load(text)  # raises with the pure-Python loader's message


_TAGS = {"__date__": dt.date.fromisoformat, "__datetime__": dt.datetime.fromisoformat}


def _encode(x):
    """Plain JSON data for what ``safe_load`` builds; TypeError for anything else."""
    if isinstance(x, dict):
        if all(type(k) is str for k in x) and not (len(x) == 1 and next(iter(x), "") in
                                                    _TAGS | {"__map__": None}):
            return {k: _encode(v) for k, v in x.items()}
        return {"__map__": [[_encode(k), _encode(v)] for k, v in x.items()]}
    if isinstance(x, list):
        return [_encode(v) for v in x]
    if isinstance(x, dt.datetime):
        return {"__datetime__": x.isoformat()}
    if isinstance(x, dt.date):
        return {"__date__": x.isoformat()}
    if x is None or type(x) in (str, int, float, bool):
        return x
    raise TypeError(type(x).__name__)


def _decode(obj: dict):
    if len(obj) == 1:
        ((tag, value),) = obj.items()
        if tag in _TAGS:
            return _TAGS[tag](value)
        if tag == "__map__":
            return {_hashable(k): v for k, v in value}
    return obj


def _hashable(k):
    return tuple(k) if isinstance(k, list) else k


def _cache_dir() -> Path:
    from korea_analysis.cache import default_cache_dir

    return default_cache_dir() / "dictionaries"


def load_file(path: str | os.PathLike, cache: bool = True):
    """``safe_load`` of a UTF-8 file, kept in the cache folder by the hash of its bytes.

    Raises what ``safe_load`` raises (``yaml.YAMLError``, ``UnicodeDecodeError``); a cache
    folder that cannot be read or written only costs the parse.
    """
    raw = Path(path).read_bytes()
    if not cache:
        return safe_load(raw.decode("utf-8"))
    key = hashlib.sha256(FORMAT + yaml.__version__.encode() + b"\0" + raw).hexdigest()[:32]
    kept = _cache_dir() / f"{key}.json"
    try:
        return json.loads(kept.read_bytes(), object_hook=_decode)
    except OSError:  # not kept yet, or a cache folder that cannot be read
        pass
    except (ValueError, TypeError, KeyError):  # damaged: parsed again and rewritten
        pass
    data = safe_load(raw.decode("utf-8"))
    try:
        text = json.dumps(_encode(data), ensure_ascii=False, allow_nan=False)
        if json.loads(text, object_hook=_decode) != data:
            return data  # would not come back the same: not kept
        kept.parent.mkdir(parents=True, exist_ok=True)
        tmp = kept.with_name(f".{kept.name}.{os.getpid()}")
        tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, kept)
    except (TypeError, ValueError):  # data JSON cannot hold (a set, bytes, NaN): not kept
        pass
    except OSError:  # a read-only cache: the result is still right, only not kept
        pass
    return data
