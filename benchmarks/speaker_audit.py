"""speaker_audit: speakers that are no names and outlets relaying themselves, on a corpus.

    python benchmarks/speaker_audit.py [--n 2000] [--corpus PATH]

Extracts the attributions of the first N articles (default: the first 2,000 AllSides
articles, ../shared/corpora/allsides_10k.jsonl.gz, read in place; parsed through the
cache) and counts, as one JSON line:

- ``non_name_speakers``: speakers that name nobody (:func:`toolkit.attribution.speakers.
  is_non_name`: empty, no letters, a pronoun, determiner or demonstrative, page furniture;
  plus the strings ``nan``/``None``) -- null is fine, garbage is not;
- ``self_relays``: relays naming the article's own outlet under any alias
  (:func:`toolkit.attribution.media.is_own_outlet`), among ``relayed`` attributions;
- ``null_speakers`` and their share, ``depth_mismatches`` (``depth != len(relays)``).
Targets: both counts 0.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from toolkit import config, load_corpus
from toolkit.attribution import extract_attributions
from toolkit.attribution.media import is_own_outlet
from toolkit.attribution.speakers import is_non_name


def audit(table) -> dict:
    """The counts of the module docstring for an attributions table."""
    speakers = table["speaker"]
    named = speakers.notna()
    garbage = named & speakers.map(lambda s: is_non_name(s) if isinstance(s, str) else True)
    self_relays = sum(any(is_own_outlet(r, o) for r in relays)
                      for relays, o in zip(table["relays"], table["outlet"]))
    return {
        "attributions": len(table), "non_name_speakers": int(garbage.sum()),
        "non_name_examples": sorted(set(speakers[garbage].astype(str)))[:10],
        "relayed": int(table["relays"].map(len).gt(0).sum()), "self_relays": int(self_relays),
        "null_speakers": int((~named).sum()),
        "null_share": round(float((~named).mean()), 3) if len(table) else 0.0,
        "depth_mismatches": int((table["depth"] != table["relays"].map(len)).sum()),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=2000, help="articles (2000)")
    parser.add_argument("--corpus", default=str(config.corpora_dir() / "allsides_10k.jsonl.gz"))
    args = parser.parse_args()
    articles = load_corpus(args.corpus).head(args.n).reset_index(drop=True)
    table = extract_attributions(articles, progress=False)
    print(json.dumps({"benchmark": "speaker_audit", "articles": len(articles),
                      **audit(table)}), flush=True)


if __name__ == "__main__":
    main()
