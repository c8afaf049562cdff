"""framing_bench: framing measures' time as a share of parse time, in one run.

    python benchmarks/framing_bench.py [--n 2000]

Parses the first N AllSides articles with the toolkit's pipeline (timed, no cache),
extracts their attributions (not timed: see attribution_bench), then times every framing
measure of ``toolkit.analysis.analyze_framing`` on those Docs, and keyterms separately.
Prints one JSON line; target: framing_share_of_parse <= 0.10.
"""

from __future__ import annotations

import argparse
import time

import pandas as pd
from _common import allsides, emit, parsed_timed, peak_rss_mb, words

from toolkit.analysis import analyze_framing
from toolkit.attribution.extract import ATTRIBUTION_COLUMNS, attributions_of, resolve_model
from toolkit.framing.keyterms import keyterms_by_outlet


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=2000, help="articles (2000)")
    args = parser.parse_args()
    articles = allsides(args.n)
    docs, parse_s = parsed_timed(articles)
    model = resolve_model("default")
    attributions = pd.DataFrame([r for d in docs for r in attributions_of(d, cue_model=model)],
                                columns=ATTRIBUTION_COLUMNS)
    analyze_framing(articles.head(20), attributions=attributions, docs=docs[:20],
                    keyterms=False)  # warm-up: lexicons, VADER
    start = time.perf_counter()
    tables = analyze_framing(articles, attributions=attributions, docs=docs, keyterms=False)
    framing_s = time.perf_counter() - start
    start = time.perf_counter()
    keyterms_by_outlet(articles, docs, method="textrank")
    keyterms_s = time.perf_counter() - start
    emit({
        "benchmark": "framing", "articles": len(articles), "words": words(articles),
        "parse_s": round(parse_s, 1), "framing_s": round(framing_s, 1),
        "framing_share_of_parse": round(framing_s / parse_s, 3),
        "keyterms_textrank_s": round(keyterms_s, 1),
        "keyterms_share_of_parse": round(keyterms_s / parse_s, 3),
        "scare_quotes": int(tables["scare_quotes_per_article"]["scare_quotes"].sum()),
        "peak_rss_mb": peak_rss_mb(),
    })


if __name__ == "__main__":
    main()
