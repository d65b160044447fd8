"""Does mention matching slow down as the actor dictionary grows?  (It should not.)

    .venv/bin/python benchmarks/mention_scaling.py

Times ``find_mentions`` over the bundled articles repeated to ~200,000 words with the bundled
dictionary, then with the same dictionary plus 10x and 100x as many invented people (each
with a full name, an alias and a surname). Matching is a hash look-up per word, so the
words/second should stay flat.
"""
import random
import string
import tempfile
import time
from pathlib import Path

import yaml

import korea_analysis as ka
from korea_analysis.actors import DEFAULT_ACTORS, load_actors
from korea_analysis.mentions import find_mentions
from korea_analysis.text import sentences


def bigger_dictionary(factor: int, folder: Path) -> Path:
    data = yaml.safe_load(DEFAULT_ACTORS.read_text(encoding="utf-8"))
    rng = random.Random(factor)
    n = len(data["people"]) * factor
    for i in range(n):
        first = "".join(rng.choices(string.ascii_lowercase, k=6)).title()
        last = "".join(rng.choices(string.ascii_lowercase, k=7)).title()
        data["people"].append({"name": f"{first} {last}{i}", "aliases": [f"{first}-{last}{i}"],
                               "surname": f"{last}{i}", "actor": "USA",
                               "positions": [{"title": "analyst", "start": "2020-01-01"}]})
    path = folder / f"actors_x{factor}.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def words_per_second(actors, texts) -> float:
    prepared = [(t, sentences(t)) for t in texts]
    words = sum(len(t.split()) for t in texts)
    t0 = time.perf_counter()
    for t, ss in prepared:
        find_mentions(t, ss, actors)
    return words / (time.perf_counter() - t0)


def main() -> None:
    base = list(ka.load_corpus().text)
    texts = base * (200_000 // sum(len(t.split()) for t in base) + 1)
    with tempfile.TemporaryDirectory() as tmp:
        for factor in (0, 10, 100):
            path = bigger_dictionary(factor, Path(tmp)) if factor else DEFAULT_ACTORS
            actors = load_actors(path)
            wps = words_per_second(actors, texts)
            print(f"dictionary {len(actors.entries):>7,} surface forms: {wps:>9,.0f} words/s")


if __name__ == "__main__":
    main()
