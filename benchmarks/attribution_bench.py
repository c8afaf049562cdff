"""attribution_bench: attribution extraction time as a share of parse time, in one run.

    python benchmarks/attribution_bench.py [--n 2000] [--long-chars 200000]

Parses the first N AllSides articles with the toolkit's spaCy pipeline (timed, no
cache), then extracts the attributions of those Docs with the default extractor
(timed); then does the same for one enormous article, those articles joined into
LONG_CHARS characters (or all N, if shorter), where any pass quadratic in an article's
quotes or rows would show. Prints one JSON line:
{"parse_s", "extract_s", "extract_share_of_parse", "long_extract_share_of_parse", ...}.
Targets: extract_share_of_parse <= 0.10; long_extract_share_of_parse about the same
(linear extraction), far below 1.
"""

from __future__ import annotations

import argparse
import time

from _common import allsides, emit, parsed_timed, peak_rss_mb, words

from toolkit.attribution.extract import attributions_of, resolve_model


def long_article(texts: list[str], chars: int, model) -> tuple[int, float, float, int]:
    """One article of ``texts`` joined by blank lines, cut at ``chars`` characters: its
    length, the seconds to parse it and to extract from it, and its attributions."""
    from toolkit.nlp import load_pipeline
    from toolkit.parse import TEXT_KEY

    pieces, total = [], 0
    for piece in texts:
        pieces.append(piece)
        total += len(piece) + 2
        if total >= chars:
            break
    text = "\n\n".join(pieces)[:chars]
    nlp = load_pipeline()
    nlp.max_length = max(nlp.max_length, len(text) + 1)
    start = time.perf_counter()
    doc = nlp(text)
    parse_s = time.perf_counter() - start
    doc.user_data[TEXT_KEY] = text
    start = time.perf_counter()
    found = len(attributions_of(doc, cue_model=model))
    return len(text), parse_s, time.perf_counter() - start, found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=2000, help="articles (2000)")
    parser.add_argument("--long-chars", type=int, default=200_000,
                        help="characters of the enormous article (200000)")
    args = parser.parse_args()
    articles = allsides(args.n)
    docs, parse_s = parsed_timed(articles)
    model = resolve_model("default")
    attributions_of(docs[0], cue_model=model)  # warm-up: the cue model and lexicons
    start = time.perf_counter()
    found = sum(len(attributions_of(doc, cue_model=model)) for doc in docs)
    extract_s = time.perf_counter() - start
    long_chars, long_parse_s, long_extract_s, long_found = long_article(
        articles["text"].tolist(), args.long_chars, model)
    emit({
        "benchmark": "attribution", "articles": len(articles), "words": words(articles),
        "parse_s": round(parse_s, 1), "extract_s": round(extract_s, 1),
        "extract_share_of_parse": round(extract_s / parse_s, 3), "attributions": found,
        "long_chars": long_chars, "long_parse_s": round(long_parse_s, 1),
        "long_extract_s": round(long_extract_s, 1),
        "long_extract_share_of_parse": round(long_extract_s / long_parse_s, 3),
        "long_attributions": long_found, "peak_rss_mb": peak_rss_mb(),
    })


if __name__ == "__main__":
    main()
