"""Shared helpers of the benchmarks: the AllSides sample, timing and peak memory."""

from __future__ import annotations

import json
import resource
import sys
import time
from collections.abc import Callable, Iterable
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from toolkit import config, load_corpus


def allsides(n: int) -> pd.DataFrame:
    """The first ``n`` articles of ../shared/corpora/allsides_10k.jsonl.gz, read in place."""
    path = config.corpora_dir() / "allsides_10k.jsonl.gz"
    if not path.exists():
        sys.exit(f"benchmark needs {path} (the shared corpora); set TOOLKIT_SHARED_DIR")
    return load_corpus(path).head(n).reset_index(drop=True)


def bare_pipeline():
    """The same trained pipeline as the toolkit's, loaded by plain ``spacy.load``."""
    import spacy

    from toolkit.nlp import load_pipeline

    meta = load_pipeline().meta
    return spacy.load(f"{meta['lang']}_{meta['name']}")


def parsed_timed(articles: pd.DataFrame) -> tuple[list, float]:
    """The articles parsed by the toolkit's pipeline at its batch size, no cache (after a
    warm-up on 20 of them), each Doc's ``doc_id`` and text set as ``toolkit.parse.parse``
    sets them; and the seconds the parse took."""
    from toolkit.nlp import load_pipeline
    from toolkit.parse import DEFAULT_BATCH_SIZE, TEXT_KEY

    nlp = load_pipeline()
    list(nlp.pipe(articles["text"].head(20)))
    start = time.perf_counter()
    docs = list(nlp.pipe(articles["text"], batch_size=DEFAULT_BATCH_SIZE))
    seconds = time.perf_counter() - start
    for doc, doc_id, text in zip(docs, articles["doc_id"], articles["text"]):
        doc.user_data["doc_id"] = doc_id
        doc.user_data[TEXT_KEY] = text
    return docs, seconds


def words(articles: pd.DataFrame) -> int:
    """Whitespace words in the articles' text."""
    return int(articles["text"].str.split().str.len().sum())


def timed(consume: Callable[[], Iterable]) -> float:
    """Seconds to exhaust the iterable ``consume()`` returns."""
    start = time.perf_counter()
    for _ in consume():
        pass
    return time.perf_counter() - start


def peak_rss_mb() -> float:
    """Peak resident memory of this process so far, in MB."""
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def emit(figures: dict) -> None:
    """Print the benchmark's one JSON line."""
    print(json.dumps(figures), flush=True)
