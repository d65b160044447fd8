"""Fixtures many test files share: the bundled dictionary and cue book, loaded once."""
import pytest

from korea_analysis.actors import load_actors
from korea_analysis.events import load_cues


@pytest.fixture(scope="session")
def actors():
    return load_actors()


@pytest.fixture(scope="session")
def book():
    return load_cues()
