"""fast_yaml.safe_load builds what yaml.safe_load builds, and fails with the same message."""
from pathlib import Path

import pytest
import yaml

from korea_analysis import fast_yaml

PACKAGE = Path(fast_yaml.__file__).parent
BUNDLED = sorted(PACKAGE.glob("*.yaml"))


def test_bundled_files_are_found():
    assert {p.name for p in BUNDLED} >= {"actors.yaml", "event_cues.yaml"}


@pytest.mark.parametrize("path", BUNDLED, ids=lambda p: p.name)
def test_bundled_file_same_objects(path):
    text = path.read_text(encoding="utf-8")
    assert fast_yaml.safe_load(text) == yaml.safe_load(text)


def test_tricky_scalars_same_as_pure_python():
    text = ("a: 2021-03-04\nb: yes\nc: 1_000\nd: 0x1f\ne: .5\nf: ~\ng: 'x: y'\n"
            "h: &k [1, 2]\ni: *k\nj: {p: 1e3}\nk: 12:30\n")
    got = fast_yaml.safe_load(text)
    assert got == yaml.safe_load(text)
    assert str(got["a"]) == "2021-03-04" and got["b"] is True and got["f"] is None


def test_error_message_is_pure_python_loader_s():
    bad = "actors:\n  KOR: [unclosed\n  PRK: x\n"
    with pytest.raises(yaml.YAMLError) as pure:
        yaml.safe_load(bad)
    with pytest.raises(yaml.YAMLError) as fast:
        fast_yaml.safe_load(bad)
    assert str(fast.value) == str(pure.value)
    assert "line" in str(fast.value)


def test_unsafe_tag_refused():
    with pytest.raises(yaml.YAMLError):
        fast_yaml.safe_load("x: !!python/object/apply:os.system ['true']\n")


@pytest.mark.parametrize("path", BUNDLED, ids=lambda p: p.name)
def test_load_file_kept_and_read_back_the_same(path, tmp_path, monkeypatch):
    monkeypatch.setenv("KOREA_ANALYSIS_CACHE", str(tmp_path))
    want = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert fast_yaml.load_file(path) == want
    assert len(list((tmp_path / "dictionaries").glob("*.pickle"))) == 1
    monkeypatch.setattr(fast_yaml, "safe_load", lambda text: pytest.fail("parsed again"))
    assert fast_yaml.load_file(path) == want


def test_load_file_parses_an_edited_file_afresh(tmp_path, monkeypatch):
    monkeypatch.setenv("KOREA_ANALYSIS_CACHE", str(tmp_path / "cache"))
    f = tmp_path / "d.yaml"
    f.write_text("a: 2021-03-04\nb: [1, 2]\n", encoding="utf-8")
    assert fast_yaml.load_file(f) == {"a": __import__("datetime").date(2021, 3, 4), "b": [1, 2]}
    f.write_text("a: 2022-01-02\n", encoding="utf-8")
    assert str(fast_yaml.load_file(f)["a"]) == "2022-01-02"


def test_a_planted_cache_file_naming_a_class_is_refused(tmp_path, monkeypatch):
    import os
    import pickle

    monkeypatch.setenv("KOREA_ANALYSIS_CACHE", str(tmp_path / "cache"))
    f = tmp_path / "d.yaml"
    f.write_text("a: 1\n", encoding="utf-8")
    fast_yaml.load_file(f)
    (kept,) = (tmp_path / "cache" / "dictionaries").glob("*.pickle")
    ran = tmp_path / "ran"

    class Planted:
        def __reduce__(self):
            return (os.mkdir, (str(ran),))

    kept.write_bytes(pickle.dumps(Planted()))
    assert fast_yaml.load_file(f) == {"a": 1}  # parsed from the YAML instead
    assert not ran.exists()
    assert fast_yaml.load_file(f) == {"a": 1}  # and kept again


def test_load_file_in_a_read_only_cache_still_parses(tmp_path, monkeypatch):
    monkeypatch.setenv("KOREA_ANALYSIS_CACHE", str(tmp_path / "cache"))
    (tmp_path / "cache").write_text("not a folder")
    f = tmp_path / "d.yaml"
    f.write_text("a: [x, y]\n", encoding="utf-8")
    assert fast_yaml.load_file(f) == {"a": ["x", "y"]}
