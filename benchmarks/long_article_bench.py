"""long_article_bench: peak memory of `toolkit attributions` on one 1 MB article, in one run.

    python benchmarks/long_article_bench.py [--chars 1000000]

Joins AllSides articles (read in place) into one article of CHARS characters, then runs,
each in a fresh process: bare spaCy parsing it whole (``spacy.load`` + ``nlp(text)``), and
``toolkit attributions FILE -o out.jsonl`` with an empty parse cache (load, parse in pieces
of whole paragraphs, extract, write). Prints one JSON line with each run's peak resident
memory and seconds. Target: toolkit_peak_rss_mb <= 1500.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from _common import allsides, emit

BARE = """
import json, resource, sys, time, spacy
from toolkit.nlp import load_pipeline
text = open(sys.argv[1], encoding="utf-8").read()
nlp = spacy.load(load_pipeline().meta["lang"] + "_" + load_pipeline().meta["name"])
nlp.max_length = len(text) + 1
start = time.perf_counter()
doc = nlp(text)
print(json.dumps({"seconds": time.perf_counter() - start, "tokens": len(doc)}))
"""
TOOLKIT = """
import json, resource, sys, time
from toolkit.cli import main
start = time.perf_counter()
status = main(["attributions", sys.argv[1], "--outlet", "Long Post", "-o", sys.argv[2]])
print(json.dumps({"seconds": time.perf_counter() - start, "status": status}))
"""
MEASURE = """
import json, resource, subprocess, sys
run = subprocess.run([sys.executable, "-c", sys.argv[1], *sys.argv[2:]], capture_output=True,
                     text=True, check=True)
figures = json.loads(run.stdout.strip().splitlines()[-1])
figures["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
print(json.dumps(figures))
"""


def measured(code: str, *args: str, env: dict | None = None) -> dict:
    """Run ``code`` in a fresh interpreter; its JSON figures plus its peak RSS in MB."""
    out = subprocess.run([sys.executable, "-c", MEASURE, code, *args], capture_output=True,
                         text=True, check=True, env=env)
    return json.loads(out.stdout.strip().splitlines()[-1])


def one_article(chars: int) -> str:
    """AllSides articles joined by blank lines, cut at ``chars`` characters."""
    pieces, total = [], 0
    for text in allsides(3000)["text"]:
        pieces.append(text)
        total += len(text) + 2
        if total >= chars:
            break
    return "\n\n".join(pieces)[:chars]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--chars", type=int, default=1_000_000, help="article size (1000000)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as work:
        path = Path(work) / "long.txt"
        text = one_article(args.chars)
        path.write_text(text, encoding="utf-8")
        env = {**os.environ, "TOOLKIT_CACHE_DIR": str(Path(work) / "cache"),
               "TOOLKIT_PROGRESS": "0"}
        bare = measured(BARE, str(path), env=env)
        toolkit = measured(TOOLKIT, str(path), str(Path(work) / "out.jsonl"), env=env)
        rows = sum(1 for _ in (Path(work) / "out.jsonl").open(encoding="utf-8"))
    emit({
        "benchmark": "long_article", "chars": len(text), "tokens": bare["tokens"],
        "bare_parse_s": round(bare["seconds"], 1),
        "bare_peak_rss_mb": round(bare["peak_rss_mb"], 1),
        "toolkit_attributions_s": round(toolkit["seconds"], 1),
        "toolkit_peak_rss_mb": round(toolkit["peak_rss_mb"], 1),
        "toolkit_vs_bare_rss": round(toolkit["peak_rss_mb"] / bare["peak_rss_mb"], 3),
        "attributions": rows,
    })


if __name__ == "__main__":
    main()
