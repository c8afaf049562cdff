"""dask_bench: annotation on a Dask LocalCluster of 2 workers against n_process=2.

    python benchmarks/dask_bench.py [--n 1000] [--shard-size 125]

In one run on the first N AllSides articles, into fresh stores: ``annotate(...,
n_process=2)`` in this process, then ``annotate(..., dask="local")`` (2 single-threaded
worker processes, each loading the pipeline once). Prints one JSON line with the
throughput ratio; target: dask_vs_n_process >= 0.9.
"""

from __future__ import annotations

import argparse
import tempfile
import time

from _common import allsides, emit, words

from toolkit.store import annotate, load_tables


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=1000)
    parser.add_argument("--shard-size", type=int, default=125)
    args = parser.parse_args()
    articles = allsides(args.n)
    seconds, counts = {}, {}
    for mode in ("n_process", "dask"):
        with tempfile.TemporaryDirectory(prefix=f"dask-bench-{mode}-") as folder:
            start = time.perf_counter()
            if mode == "dask":
                annotate(articles, folder, shard_size=args.shard_size, dask="local",
                         progress=False)
            else:
                annotate(articles, folder, shard_size=args.shard_size, n_process=2,
                         progress=False)
            seconds[mode] = time.perf_counter() - start
            counts[mode] = len(load_tables(folder)["attributions"])
    emit({
        "benchmark": "dask", "articles": len(articles), "words": words(articles),
        "shard_size": args.shard_size, "n_process2_s": round(seconds["n_process"], 1),
        "dask_local2_s": round(seconds["dask"], 1),
        "dask_vs_n_process": round(seconds["n_process"] / seconds["dask"], 3),
        "same_attribution_count": counts["n_process"] == counts["dask"],
    })


if __name__ == "__main__":
    main()
