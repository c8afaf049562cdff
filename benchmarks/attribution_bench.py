"""attribution_bench: attribution extraction time as a share of parse time, in one run.

    python benchmarks/attribution_bench.py [--n 2000]

Parses the first N AllSides articles with the toolkit's spaCy pipeline (timed, no
cache), then extracts the attributions of those Docs with the default extractor
(timed). Prints one JSON line:
{"parse_s", "extract_s", "extract_share_of_parse", "attributions", ...}.
Target: extract_share_of_parse <= 0.10.
"""

from __future__ import annotations

import argparse
import time

from _common import allsides, emit, parsed_timed, peak_rss_mb, words

from toolkit.attribution.extract import attributions_of, resolve_model


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=2000, help="articles (2000)")
    args = parser.parse_args()
    articles = allsides(args.n)
    docs, parse_s = parsed_timed(articles)
    model = resolve_model("default")
    attributions_of(docs[0], cue_model=model)  # warm-up: the cue model and lexicons
    start = time.perf_counter()
    found = sum(len(attributions_of(doc, cue_model=model)) for doc in docs)
    extract_s = time.perf_counter() - start
    emit({
        "benchmark": "attribution", "articles": len(articles), "words": words(articles),
        "parse_s": round(parse_s, 1), "extract_s": round(extract_s, 1),
        "extract_share_of_parse": round(extract_s / parse_s, 3), "attributions": found,
        "peak_rss_mb": peak_rss_mb(),
    })


if __name__ == "__main__":
    main()
