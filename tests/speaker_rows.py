"""The speaker decisions of the whole pass on a text, for the speaker tests (test_speakers.py,
test_realnews.py): quotes found, speakers named in full, countries decided and shared."""
from korea_analysis.mentions import find_mentions
from korea_analysis.quotes import find_quotes
from korea_analysis.speakers import (
    fronted_office,
    full_name,
    same_speaker_country,
    speaker_country,
)
from korea_analysis.text import sentences


def people(text, actors, published=None):
    """(entity, actor, actor_source) of the person mentions."""
    return [(m.entity, m.actor, m.actor_source)
            for m in find_mentions(text, sentences(text), actors, published)
            if m.kind == "person"]


def decided(text, actors, published=None):
    """(quote, country, actor_source) of each quote that is not scare quotes."""
    sents = sentences(text)
    ms = find_mentions(text, sents, actors, published)
    out = []
    for q in find_quotes(text, sents, gender_of=actors.gender_of):
        if q.kind == "term":
            continue
        fronted_office(q, ms)
        q.speaker = full_name(q, ms, actors)
        out.append((q, *speaker_country(q, ms, actors, text)))
    return same_speaker_country(out)
