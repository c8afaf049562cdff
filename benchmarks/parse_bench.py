"""parse_bench: toolkit.parse (cold and warm cache) against bare nlp.pipe, in one run.

    python benchmarks/parse_bench.py [--n 2000] [--chunk 250]

Bare spaCy and the toolkit's cold parse alternate chunk by chunk on the same articles
(order swapped each chunk), so load on a shared machine hits both alike; then the whole
set is read again from the now-warm cache. Prints one JSON line:
{"bare_wps", "cold_wps", "cold_vs_bare", "warm_speedup", "peak_rss_mb", ...}.
Targets: cold_vs_bare >= 0.95, warm_speedup >= 20.
"""

from __future__ import annotations

import argparse
import tempfile

from _common import allsides, bare_pipeline, emit, peak_rss_mb, timed, words

from toolkit.parse import DEFAULT_BATCH_SIZE, parse


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=2000, help="articles (2000)")
    parser.add_argument("--chunk", type=int, default=250, help="articles per alternation")
    args = parser.parse_args()
    articles = allsides(args.n)
    nlp = bare_pipeline()
    list(nlp.pipe(articles["text"].head(20)))  # warm-up: lazy init, caches
    list(parse(articles.head(20), cache=False, progress=False))
    bare = cold = 0.0
    with tempfile.TemporaryDirectory(prefix="parse-bench-") as cache_dir:
        for number, start in enumerate(range(0, len(articles), args.chunk)):
            chunk = articles.iloc[start:start + args.chunk]
            runs = [
                ("bare", lambda c=chunk: nlp.pipe(c["text"], batch_size=DEFAULT_BATCH_SIZE)),
                ("cold", lambda c=chunk: parse(c, cache_dir=cache_dir, progress=False)),
            ]
            for name, run in runs if number % 2 == 0 else runs[::-1]:
                seconds = timed(run)
                bare, cold = (bare + seconds, cold) if name == "bare" else (bare, cold + seconds)
        warm = timed(lambda: parse(articles, cache_dir=cache_dir, progress=False))
    n_words = words(articles)
    emit({
        "benchmark": "parse", "articles": len(articles), "words": n_words,
        "bare_wps": round(n_words / bare), "cold_wps": round(n_words / cold),
        "cold_vs_bare": round(bare / cold, 3), "warm_speedup": round(cold / warm, 1),
        "peak_rss_mb": peak_rss_mb(),
    })


if __name__ == "__main__":
    main()
