"""``yaml.safe_load`` through libyaml when PyYAML has it: the same data, several times faster.

Why: the bundled actor dictionary is a quarter of a megabyte of YAML; PyYAML's pure-Python
parser spends about half a second of every run on it, libyaml a tenth of that. Both build the
same Python objects with the same safe constructors (checked on every bundled file by the
tests). A file libyaml refuses is parsed again by the pure-Python loader, so the error raised
(and its message, with line and column) is the one ``yaml.safe_load`` gives.

:func:`load_file` also keeps what a file parsed to, in the annotation cache folder under a
hash of the file's bytes: reading it back is thirty times faster than libyaml on the actor
dictionary (every notebook kernel and every later run reads it). The copy is a pickle of plain
data, read back with an unpickler that builds nothing but containers, scalars and the
``datetime`` types YAML makes (a planted file that names any other class is refused, and the
YAML is parsed instead); an edited file has another hash, so is parsed afresh.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import io
import os
import pickle
from pathlib import Path

import yaml

_CLoader = getattr(yaml, "CSafeLoader", None)
#: Changes when what is kept changes (with PyYAML's version, part of every file's key).
FORMAT = b"fast_yaml 1"


def safe_load(text: str):
    """``yaml.safe_load(text)``, with libyaml when installed."""
    if _CLoader is None:
        return yaml.safe_load(text)
    try:
        return yaml.load(text, Loader=_CLoader)  # noqa: S506 - CSafeLoader is the safe loader
    except yaml.YAMLError:
        return yaml.safe_load(text)  # raises with the pure-Python loader's message


class _PlainData(pickle.Unpickler):
    """Unpickles only what ``safe_load`` builds: no class but the datetime ones."""

    ALLOWED = {("datetime", n): getattr(dt, n) for n in ("date", "datetime", "time",
                                                        "timedelta", "timezone")}

    def find_class(self, module: str, name: str):
        try:
            return self.ALLOWED[module, name]
        except KeyError:
            raise pickle.UnpicklingError(f"{module}.{name} is not plain data") from None


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
    kept = _cache_dir() / f"{key}.pickle"
    try:
        return _PlainData(io.BytesIO(kept.read_bytes())).load()
    except FileNotFoundError:
        pass
    except Exception:  # noqa: BLE001 - damaged or planted: parsed again and rewritten
        pass
    data = safe_load(raw.decode("utf-8"))
    try:
        kept.parent.mkdir(parents=True, exist_ok=True)
        tmp = kept.with_name(f".{kept.name}.{os.getpid()}")
        tmp.write_bytes(pickle.dumps(data, protocol=pickle.HIGHEST_PROTOCOL))
        os.replace(tmp, kept)
    except OSError:  # a read-only cache: the result is still right, only not kept
        pass
    return data
