"""collect: count records, keep the good rows, and raise or collect the bad ones.

The :class:`Collector` is where ``errors="raise"`` and ``errors="collect"`` differ: it
raises the first problem, or records it as a row of the rejects table, so that in collect
mode ``len(articles) + len(rejects) == records_read`` always holds.

Example:
    >>> from pathlib import Path
    >>> from toolkit.errors import MissingFieldError
    >>> collector = Collector(errors="collect")
    >>> collector.add({"doc_id": "a"}, file=Path("x.jsonl"), line=1)
    >>> collector.add({"doc_id": "a"}, file=Path("x.jsonl"), line=2)
    >>> collector.reject(MissingFieldError("text", file="x.jsonl", line=3))
    >>> collector.records_read, len(collector.rows), collector.rejects_frame()["code"].tolist()
    (3, 1, ['T103', 'T102'])
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, NamedTuple

import pandas as pd

from ..errors import CorpusError, DuplicateIdError, ParameterError

ERRORS_MODES = ("raise", "collect")
REJECT_COLUMNS: tuple[str, ...] = ("file", "record", "unit", "field", "code", "reason", "hint")
"""Columns of the rejects table: where (file, record, and ``unit``, what ``record``
counts: ``line``, ``record`` or ``file``), which field, why, and what to do."""


def _printable(value: Any) -> Any:
    """A string a table can hold: a lone surrogate (in a field name from a JSON escape, or
    a file name that is not UTF-8) is written as its escape.

    Example:
        >>> _printable("te\\ud800xt"), _printable(3)
        ('te\\\\ud800xt', 3)
    """
    if isinstance(value, str):
        return value.encode("utf-8", "backslashreplace").decode("utf-8")
    return value


class LoadResult(NamedTuple):
    """What ``load_corpus(..., errors="collect")`` returns.

    Attributes:
        articles: the articles that loaded.
        rejects: one row per record that did not, with :data:`REJECT_COLUMNS`; ``record``
            is the 1-based line for line formats (JSONL, CSV, TSV, PolNeAR's metadata;
            ``unit`` is ``"line"``), the 1-based record index for JSON arrays and Parquet
            (``"record"``), and the file name for a file that holds one article
            (``"file"``).
        records_read: every record seen; ``len(articles) + len(rejects)`` equals it.
    """

    articles: pd.DataFrame
    rejects: pd.DataFrame
    records_read: int


class Collector:
    """Accumulates article rows and rejects for one :func:`~toolkit.corpus.load_corpus` call.

    Args:
        errors: ``"raise"`` to raise the first problem, ``"collect"`` to record it.

    Raises:
        ParameterError: ``errors`` is neither.
    """

    def __init__(self, *, errors: str) -> None:
        if errors not in ERRORS_MODES:
            raise ParameterError(f"errors must be 'raise' or 'collect', got {errors!r}",
                                 field="errors")
        self.errors = errors
        self.records_read = 0
        self.rows: list[dict[str, Any]] = []
        self._rejects: list[dict[str, Any]] = []
        self._first_seen: dict[str, str] = {}

    def add(self, row: dict[str, Any], *, file: Path, line: int | None = None,
            record: int | None = None) -> None:
        """Count one record and keep its row, unless its doc_id was seen before.

        Args:
            row: the article row (see :func:`toolkit.corpus.schema.to_row`).
            file: where the record came from, for a duplicate's message.
            line: its 1-based line, for line formats.
            record: its 1-based record index, for other multi-record files.

        Raises:
            DuplicateIdError: in raise mode, when the doc_id was seen before (the first
                record with an id wins).
        """
        self.records_read += 1
        doc_id = row["doc_id"]
        if doc_id in self._first_seen:
            self._reject(DuplicateIdError(
                f"duplicate doc_id {doc_id!r}, first seen at {self._first_seen[doc_id]}",
                file=file, line=line, record=record, field="doc_id",
                hint="Give every record a unique id; the first one was kept"))
            return
        self._first_seen[doc_id] = ", ".join(
            str(part) for part in (file, line and f"line {line}", record and f"record {record}")
            if part)
        self.rows.append(row)

    def reject(self, error: CorpusError) -> None:
        """Count one record that could not be loaded.

        Args:
            error: why, and where.

        Raises:
            CorpusError: ``error`` itself, in raise mode.
        """
        self.records_read += 1
        self._reject(error)

    def _reject(self, error: CorpusError) -> None:
        if self.errors == "raise":
            raise error
        if error.line is not None:
            record, unit = error.line, "line"
        elif error.record is not None:
            record, unit = error.record, "record"
        else:
            record, unit = Path(error.file).name if error.file else None, "file"
        self._rejects.append({"file": _printable(error.file), "record": _printable(record),
                              "unit": unit, "field": _printable(error.field),
                              "code": error.code, "reason": _printable(error.reason),
                              "hint": _printable(error.hint)})

    def rejects_frame(self) -> pd.DataFrame:
        """The rejects so far as a DataFrame with :data:`REJECT_COLUMNS`.

        Example:
            >>> Collector(errors="collect").rejects_frame().columns.tolist()
            ['file', 'record', 'unit', 'field', 'code', 'reason', 'hint']
        """
        return pd.DataFrame(self._rejects, columns=list(REJECT_COLUMNS))
