"""table_hashes: a stable hash of every table the toolkit computes, to prove a refactoring
left results unchanged.

    python benchmarks/table_hashes.py [--corpus sample|allsides] [--n 200] [--columns]

Runs ``toolkit.analyze`` (keyterms included) on the corpus, then annotates the same
articles into a fresh store and reads the outlet-level tables back from it
(``toolkit.store.store_tables``). Prints one JSON line: per table of each, a SHA-256 (16
hex digits) of its column names and values in order. Floats are written with 12
significant digits (so a change in summation order does not show, a change in a result
does); lists and dicts as sorted JSON; the source network as its sorted nodes and edges
with their attributes. ``--columns`` hashes each column on its own as well, to find what
changed.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import tempfile
from typing import Any

import numpy as np
import pandas as pd
from _common import allsides, emit

from toolkit import analyze, config, load_corpus
from toolkit.store import annotate, store_tables


def _cell(value: Any) -> str:
    """One value as stable text."""
    if isinstance(value, (list, tuple, dict)):
        return json.dumps(value, sort_keys=True, default=_cell)
    if isinstance(value, np.ndarray):
        return json.dumps(value.tolist(), sort_keys=True, default=_cell)
    if isinstance(value, (float, np.floating)):
        return "nan" if math.isnan(value) else format(float(value), ".12g")
    if value is None or value is pd.NA or value is pd.NaT:
        return "null"
    if isinstance(value, (bool, np.bool_)):
        return str(bool(value))
    if isinstance(value, (int, np.integer)):
        return str(int(value))
    return str(value)


def _digest(parts: list[str]) -> str:
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part.encode("utf-8", "surrogatepass"))
        digest.update(b"\x1f")
    return digest.hexdigest()[:16]


def column_hash(table: pd.DataFrame, column: str) -> str:
    """The hash of one column: its name and its values in row order."""
    return _digest([column, *map(_cell, table[column].tolist())])


def table_hash(table: Any) -> str:
    """The hash of a table (a DataFrame, or the source network: a networkx graph)."""
    if isinstance(table, pd.DataFrame):
        flat = table.reset_index() if not isinstance(table.index, pd.RangeIndex) else table
        return _digest([str(list(flat.columns)), *(column_hash(flat, c) for c in flat.columns)])
    nodes = sorted(json.dumps([str(n), data], sort_keys=True, default=_cell)
                   for n, data in table.nodes(data=True))
    edges = sorted(json.dumps([str(a), str(b), data], sort_keys=True, default=_cell)
                   for a, b, data in table.edges(data=True))
    return _digest([*nodes, "--", *edges])


def hashes(tables: dict[str, Any], columns: bool) -> dict[str, Any]:
    out: dict[str, Any] = {name: table_hash(t) for name, t in sorted(tables.items())}
    if columns:
        out["columns"] = {name: {c: column_hash(t, c) for c in t.columns}
                          for name, t in sorted(tables.items())
                          if isinstance(t, pd.DataFrame)}
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", choices=["sample", "allsides"], default="sample")
    parser.add_argument("--n", type=int, default=200, help="AllSides articles (200)")
    parser.add_argument("--columns", action="store_true", help="hash each column too")
    args = parser.parse_args()
    articles = (load_corpus(config.SAMPLE_CORPUS) if args.corpus == "sample"
                else allsides(args.n))
    tables = analyze(articles, keyterms=True, progress=False)
    with tempfile.TemporaryDirectory(prefix="table-hashes-") as folder:
        annotate(articles, folder, progress=False)
        stored = store_tables(folder, keyterms=True)
    emit({"benchmark": "table_hashes", "corpus": args.corpus, "articles": len(articles),
          "analyze": hashes(tables, args.columns), "store": hashes(stored, args.columns)})


if __name__ == "__main__":
    main()
