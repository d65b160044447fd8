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
