"""propagation_bench: quote matching scales near-linearly (no all-pairs comparison).

    python benchmarks/propagation_bench.py [--small 2500] [--large 10000]

Finds the quotations of the first SMALL and LARGE AllSides articles (quote marks only,
no parse, so the matching itself is what is timed), then times
``toolkit.sourcing.propagation.propagation`` on each in the same run. Prints one JSON
line; target: large_vs_small_time <= 5 for 4x the articles (all-pairs would be ~16x).
"""

from __future__ import annotations

import argparse
import time

import pandas as pd
from _common import allsides, emit, peak_rss_mb

from toolkit.attribution.extract import ATTRIBUTION_COLUMNS
from toolkit.sourcing.propagation import propagation, quote_table


def timed_matching(articles: pd.DataFrame) -> tuple[float, int, int]:
    quotes = quote_table(articles, pd.DataFrame(columns=ATTRIBUTION_COLUMNS))
    start = time.perf_counter()
    quotations, _ = propagation(quotes)
    return time.perf_counter() - start, len(quotes), len(quotations)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--small", type=int, default=2500)
    parser.add_argument("--large", type=int, default=10000)
    args = parser.parse_args()
    articles = allsides(args.large)
    timed_matching(articles.head(200))  # warm-up
    small_s, small_quotes, small_shared = timed_matching(articles.head(args.small))
    large_s, large_quotes, large_shared = timed_matching(articles)
    emit({
        "benchmark": "propagation", "small_articles": args.small, "large_articles": len(articles),
        "small_quotes": small_quotes, "large_quotes": large_quotes,
        "small_shared_quotations": small_shared, "large_shared_quotations": large_shared,
        "small_s": round(small_s, 2), "large_s": round(large_s, 2),
        "large_vs_small_time": round(large_s / small_s, 2), "peak_rss_mb": peak_rss_mb(),
    })


if __name__ == "__main__":
    main()
