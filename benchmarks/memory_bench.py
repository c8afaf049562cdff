"""memory_bench: peak memory of `toolkit annotate` stays flat in corpus size.

    python benchmarks/memory_bench.py [--small 1000] [--large 10000] [--shard-size 500]

Writes the first SMALL and the first LARGE AllSides articles to temporary JSONL files
(deleted afterwards), then runs ``toolkit annotate FILE --out STORE`` on each in its own
process, exactly as a researcher would, and reads that process's peak resident memory
(each process reports its own ``ru_maxrss``). Prints one
JSON line; target: large_vs_small_rss <= 1.3.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _common import allsides, emit

ROOT = Path(__file__).resolve().parents[1]

# `toolkit ARGS...` in a fresh interpreter that reports its own peak RSS (KB) on stderr.
CLI_REPORTING_PEAK = (
    "import resource, sys\n"
    "from toolkit.cli import main\n"
    "code = main(sys.argv[1:])\n"
    "print('peak_rss_kb', resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)\n"
    "sys.exit(code)\n"
)


def measure(articles_file: Path, store: Path, shard_size: int) -> dict:
    """Run the CLI on one file; its wall time and peak RSS (MB)."""
    start = time.perf_counter()
    run = subprocess.run([sys.executable, "-c", CLI_REPORTING_PEAK, "annotate",
                          str(articles_file), "--format", "jsonl", "--out", str(store),
                          "--shard-size", str(shard_size)],
                         capture_output=True, text=True, cwd=ROOT)
    seconds = time.perf_counter() - start
    if run.returncode:
        sys.exit(f"toolkit annotate {articles_file.name} failed:\n{run.stderr[-2000:]}")
    peak_kb = int(run.stderr.rsplit("peak_rss_kb", 1)[1].split()[0])
    return {"seconds": seconds, "peak_rss_mb": peak_kb / 1024}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--small", type=int, default=1000)
    parser.add_argument("--large", type=int, default=10000)
    parser.add_argument("--shard-size", type=int, default=500)
    args = parser.parse_args()
    corpus = allsides(args.large)
    with tempfile.TemporaryDirectory(prefix="memory-bench-") as folder:
        folder = Path(folder)
        runs = {}
        for label, n in (("small", args.small), ("large", args.large)):
            articles_file = folder / f"{label}.jsonl"
            corpus.head(n).to_json(articles_file, orient="records", lines=True,
                                   date_format="iso")
            runs[label] = measure(articles_file, folder / f"{label}-store", args.shard_size)
    del corpus
    small, large = runs["small"], runs["large"]
    emit({
        "benchmark": "memory", "small_articles": args.small, "large_articles": args.large,
        "shard_size": args.shard_size, "small_peak_rss_mb": round(small["peak_rss_mb"], 1),
        "large_peak_rss_mb": round(large["peak_rss_mb"], 1),
        "large_vs_small_rss": round(large["peak_rss_mb"] / small["peak_rss_mb"], 3),
        "small_s": round(small["seconds"], 1), "large_s": round(large["seconds"], 1),
    })


if __name__ == "__main__":
    main()
