"""analysis_bench: the full analysis against bare spaCy, and a warm store against cold.

    python benchmarks/analysis_bench.py [--n 2000] [--shard-size 500]

In one run on the first N AllSides articles: bare ``nlp.pipe`` (spaCy's default batch
size, and the toolkit's batch size, timed separately); then ``toolkit annotate`` into a
fresh store (parse + every article-level table + Parquet/DocBin writes: the full
analysis); then the outlet-level tables from that store (what a report does: no parse).
Prints one JSON line; targets: full_vs_bare >= 0.95 (words/s), warm_vs_cold >= 20.
"""

from __future__ import annotations

import argparse
import tempfile
import time

from _common import allsides, bare_pipeline, emit, peak_rss_mb, timed, words

from toolkit.parse import DEFAULT_BATCH_SIZE
from toolkit.store import annotate, store_tables


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=2000, help="articles (2000)")
    parser.add_argument("--shard-size", type=int, default=500, help="articles per shard")
    args = parser.parse_args()
    articles = allsides(args.n)
    n_words = words(articles)
    nlp = bare_pipeline()
    texts = articles["text"].tolist()
    list(nlp.pipe(texts[:20]))  # warm-up
    bare_default = timed(lambda: nlp.pipe(texts))
    bare_same_batch = timed(lambda: nlp.pipe(texts, batch_size=DEFAULT_BATCH_SIZE))
    with tempfile.TemporaryDirectory(prefix="analysis-bench-") as folder:
        start = time.perf_counter()
        result = annotate(articles, folder, shard_size=args.shard_size, progress=False)
        cold = time.perf_counter() - start
        start = time.perf_counter()
        tables = store_tables(folder)
        warm = time.perf_counter() - start
    emit({
        "benchmark": "analysis", "articles": len(articles), "words": n_words,
        "shards": result.shards, "bare_default_batch_wps": round(n_words / bare_default),
        "bare_same_batch_wps": round(n_words / bare_same_batch),
        "full_analysis_wps": round(n_words / cold),
        "full_vs_bare": round(bare_default / cold, 3),
        "full_vs_bare_same_batch": round(bare_same_batch / cold, 3),
        "cold_annotate_s": round(cold, 1), "warm_store_tables_s": round(warm, 2),
        "warm_vs_cold": round(cold / warm, 1), "attributions": len(tables["attributions"]),
        "peak_rss_mb": peak_rss_mb(),
    })


if __name__ == "__main__":
    main()
