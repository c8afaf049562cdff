"""analysis_bench: the full analysis against bare spaCy, and a warm store against cold.

    python benchmarks/analysis_bench.py [--n 2000] [--shard-size 500]

On the first N AllSides articles, split into a fresh store's shards: for each shard in
turn, bare ``nlp.pipe`` on its texts at the toolkit's batch size, then the toolkit's full
analysis of the shard (``toolkit.store.annotate_shard``: parse + every article-level
table + Parquet/DocBin writes), then bare ``nlp.pipe`` at spaCy's default batch size.
Interleaving shard by shard lets the load of a shared machine weigh on all three alike;
the split itself is counted in the full analysis. Then the outlet-level tables from that
store (what a report does: no parse). Prints one JSON line; targets: full_vs_bare >= 0.95
(words/s, like for like: the same batch size), warm_vs_cold >= 20.
"""

from __future__ import annotations

import argparse
import tempfile
import time

import pandas as pd
from _common import allsides, bare_pipeline, emit, peak_rss_mb, timed, words

from toolkit.parse import DEFAULT_BATCH_SIZE
from toolkit.store import SHARDS, annotate_shard, split, store_tables


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=2000, help="articles (2000)")
    parser.add_argument("--shard-size", type=int, default=500, help="articles per shard")
    args = parser.parse_args()
    articles = allsides(args.n)
    n_words = words(articles)
    nlp = bare_pipeline()
    list(nlp.pipe(articles["text"].head(20)))  # warm-up
    bare_same = bare_default = full = 0.0
    with tempfile.TemporaryDirectory(prefix="analysis-bench-") as folder:
        start = time.perf_counter()
        shards = split(articles, folder, shard_size=args.shard_size)
        full += time.perf_counter() - start
        for shard in shards:
            texts = pd.read_parquet(f"{folder}/{SHARDS}/{shard}.parquet")["text"].tolist()
            bare_same += timed(lambda t=texts: nlp.pipe(t, batch_size=DEFAULT_BATCH_SIZE))
            start = time.perf_counter()
            annotate_shard(folder, shard)
            full += time.perf_counter() - start
            bare_default += timed(lambda t=texts: nlp.pipe(t))
        start = time.perf_counter()
        tables = store_tables(folder)
        warm = time.perf_counter() - start
    emit({
        "benchmark": "analysis", "articles": len(articles), "words": n_words,
        "shards": len(shards), "bare_same_batch_wps": round(n_words / bare_same),
        "bare_default_batch_wps": round(n_words / bare_default),
        "full_analysis_wps": round(n_words / full),
        "full_vs_bare": round(bare_same / full, 3),
        "full_vs_bare_default_batch": round(bare_default / full, 3),
        "cold_annotate_s": round(full, 1), "warm_store_tables_s": round(warm, 2),
        "warm_vs_cold": round(full / warm, 1), "attributions": len(tables["attributions"]),
        "peak_rss_mb": peak_rss_mb(),
    })


if __name__ == "__main__":
    main()
