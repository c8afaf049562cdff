"""tables: write result tables as JSONL, CSV or Parquet, the same way everywhere.

Nested values (a chain is a list of hops) stay nested in JSONL and Parquet and become
JSON strings in CSV, so every format round-trips.

Example:
    >>> import pandas as pd, tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> table = pd.DataFrame({"speaker": ["Kovell"], "chain": [[{"name": "A"}]]})
    >>> [p.name for p in write_formats(table, folder / "t")]
    ['t.parquet', 't.csv']
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

import pandas as pd

OUTPUT_FORMATS = ("jsonl", "csv", "parquet")
SUFFIX_FORMATS = {".csv": "csv", ".parquet": "parquet", ".jsonl": "jsonl"}


def _flat(table: pd.DataFrame) -> pd.DataFrame:
    """Nested cells as JSON strings (for CSV)."""
    flat = table.copy()
    for column in flat.columns:
        if flat[column].map(lambda v: isinstance(v, (list, dict, tuple))).any():
            flat[column] = flat[column].map(
                lambda v: json.dumps(v, default=str) if isinstance(v, (list, dict, tuple)) else v)
    return flat


def write_table(table: pd.DataFrame, path: str | Path, fmt: str | None = None) -> str:
    """Write one table; the format comes from ``fmt`` or the suffix (default JSONL).

    Returns:
        The format written.
    """
    path = Path(path)
    fmt = fmt or SUFFIX_FORMATS.get(path.suffix, "jsonl")
    path.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "jsonl":
        table.to_json(path, orient="records", lines=True, force_ascii=False, date_format="iso")
    elif fmt == "csv":
        _flat(table).to_csv(path, index=False)
    elif fmt == "parquet":
        table.to_parquet(path, index=False)
    else:
        raise ValueError(f"unknown table format {fmt!r}; use one of {OUTPUT_FORMATS}")
    return fmt


def write_formats(table: pd.DataFrame, stem: str | Path,
                  formats: Iterable[str] = ("parquet", "csv")) -> list[Path]:
    """Write ``<stem>.parquet`` and ``<stem>.csv`` (or the formats given); the paths."""
    flat = table.reset_index() if not isinstance(table.index, pd.RangeIndex) else table
    paths = []
    for fmt in formats:
        path = Path(f"{stem}.{fmt}")  # not with_suffix: a stem may hold a dot ("v1.2")
        write_table(flat, path, fmt)
        paths.append(path)
    return paths
