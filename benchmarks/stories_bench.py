"""stories_bench: story grouping scales near-linearly and stays small in memory.

    python benchmarks/stories_bench.py [--small 2500] [--large 10000]

Groups the first SMALL and LARGE AllSides articles (title, text and date only; no spaCy
parse) with ``toolkit.stories.group`` in the same run, each after a warm-up on 200.
Prints one JSON line; targets: large_vs_small_time <= 5 for 4x the articles (all pairs
would be ~16x) and the peak memory <= 2 GB (the whole process's peak, loading the corpus
included, so it bounds the grouping's own).
"""

from __future__ import annotations

import argparse
import time

import pandas as pd
from _common import allsides, emit, peak_rss_mb

from toolkit.stories import group


def timed_grouping(articles: pd.DataFrame) -> tuple[float, pd.DataFrame]:
    start = time.perf_counter()
    stories = group(articles)
    return time.perf_counter() - start, stories


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--small", type=int, default=2500)
    parser.add_argument("--large", type=int, default=10000)
    args = parser.parse_args()
    articles = allsides(args.large)
    group(articles.head(200))  # warm-up
    small_s, small = timed_grouping(articles.head(args.small))
    large_s, large = timed_grouping(articles)
    emit({
        "benchmark": "stories", "small_articles": args.small, "large_articles": len(articles),
        "small_stories": int(small["cluster"].nunique()),
        "large_stories": int(large["cluster"].nunique()),
        "large_shared_story_articles": int((large["size"] > 1).sum()),
        "small_s": round(small_s, 2), "large_s": round(large_s, 2),
        "large_vs_small_time": round(large_s / small_s, 2),
        "peak_rss_mb": peak_rss_mb(),
    })


if __name__ == "__main__":
    main()
