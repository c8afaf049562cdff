"""load: ``load_corpus``, one call from a corpus file or folder to the articles table.

It checks the arguments, detects the format (unless given), runs the reader, turns each
record into an article row and hands rows and problems to the
:class:`~toolkit.corpus.collect.Collector`, which raises or collects them.

Example:
    >>> import tempfile
    >>> from pathlib import Path
    >>> path = Path(tempfile.mkdtemp()) / "a.jsonl"
    >>> _ = path.write_text('{"id": "a1", "outlet": "Gazette", "text": "It rained."}\\n'
    ...                     '{"id": "a2", "outlet": "Gazette"}\\n', encoding="utf-8")
    >>> result = load_corpus(path, errors="collect")
    >>> result.articles["doc_id"].tolist(), result.rejects["code"].tolist()
    (['a1'], ['T102'])
"""

from __future__ import annotations

import warnings
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Literal, overload

import pandas as pd

from ..errors import (
    CompressedFileError,
    CorpusError,
    EmptyCorpusError,
    ParameterError,
    RenamedFieldWarning,
)
from .collect import Collector, LoadResult
from .registry import Reader, ReadOptions, readers
from .schema import ARTICLE_COLUMNS, RESERVED_COLUMNS, articles_frame, snake_case, to_row


def _check_arguments(path: Path, reader: Reader, *, outlet: str | None,
                     columns: Mapping[str, str] | None, metadata: Path | None) -> None:
    reader.check_path(path)
    if outlet is not None and (not isinstance(outlet, str) or not outlet.strip()):
        raise ParameterError(f"outlet must be a non-empty string, got {outlet!r}", field="outlet")
    unknown = sorted(set(columns or {}) - set(ARTICLE_COLUMNS))
    if unknown:
        raise ParameterError(f"columns= maps unknown articles column(s) {unknown}; "
                             f"the columns are {', '.join(ARTICLE_COLUMNS)}", field="columns")
    if any(not isinstance(name, str) or not name for name in (columns or {}).values()):
        raise ParameterError("columns= values must be input field names", field="columns")
    if metadata is not None and not reader.metadata:
        raise ParameterError(f"metadata= is for .txt files, not format {reader.name!r}",
                             field="metadata")
    if metadata is not None and not metadata.is_file():
        raise ParameterError(f"metadata table {str(metadata)!r} does not exist",
                             field="metadata")


@overload
def load_corpus(path: str | Path, *, format: str | None = ..., errors: Literal["raise"] = ...,
                outlet: str | None = ..., columns: Mapping[str, str] | None = ...,
                metadata: str | Path | None = ...) -> pd.DataFrame: ...
@overload
def load_corpus(path: str | Path, *, format: str | None = ..., errors: Literal["collect"],
                outlet: str | None = ..., columns: Mapping[str, str] | None = ...,
                metadata: str | Path | None = ...) -> LoadResult: ...
@overload
def load_corpus(path: str | Path, *, format: str | None = ..., errors: str = ...,
                outlet: str | None = ..., columns: Mapping[str, str] | None = ...,
                metadata: str | Path | None = ...) -> pd.DataFrame | LoadResult: ...
def load_corpus(
    path: str | Path,
    *,
    format: str | None = None,
    errors: str = "raise",
    outlet: str | None = None,
    columns: Mapping[str, str] | None = None,
    metadata: str | Path | None = None,
) -> pd.DataFrame | LoadResult:
    """Load a corpus file or folder as the articles table.

    Formats are the readers of :data:`~toolkit.corpus.registry.readers` (``format=``
    skips detection): ``jsonl``, ``json`` (an array of objects, or one object), ``csv``
    (RFC 4180), ``tsv`` (verbatim), ``parquet``, ``txt`` (one article), ``txt_dir`` (a
    folder of .txt files, with an optional metadata table), ``html`` (a page or a folder
    of pages, text by trafilatura), and the research layouts ``polnear`` (the folder, or
    one split folder), ``basil``, ``newsplease`` and ``allsides``; files may be gzip,
    bzip2 or xz compressed (``a.jsonl.gz``), except Parquet.

    Generic records are mapped by :data:`~toolkit.corpus.schema.FIELD_ALIASES`
    (``id``/``source``/``content``/``date``, ...); a record without an id gets
    ``<file stem>-<n>``, a file holding one article its file stem. Article text is kept
    exactly as stored (line endings, quote marks, whitespace), so character offsets from
    annotation tools stay valid. An input field named like a column the toolkit reserves
    (``filename``, see :data:`~toolkit.corpus.schema.RESERVED_COLUMNS`) is kept as
    ``input_filename``, with one RenamedFieldWarning (W101) per load.

    Args:
        path: the corpus file or folder.
        format: a registered reader's name; detected when None.
        errors: ``"raise"`` stops at the first bad record with a
            :class:`~toolkit.errors.CorpusError` naming file, line or record, and field;
            ``"collect"`` skips bad records and returns them in a :class:`LoadResult`.
        outlet: the outlet of records that name none (required for a single .txt file);
            for HTML pages it overrides the site name found in the page.
        columns: articles column -> input field, e.g. ``{"text": "body"}``; overrides the
            aliases (and a layout's own mapping). A named field missing from a record is
            a MissingFieldError naming that field.
        metadata: a CSV/TSV table for .txt files (default: the one in the folder), its
            rows matched to files by a ``doc_id`` or ``filename`` column.

    Returns:
        The articles DataFrame (columns ``doc_id, outlet, published, title, url, text,
        story``, then the other input fields in snake_case), rows in file order; with
        ``errors="collect"``, a :class:`LoadResult` ``(articles, rejects, records_read)``.

    Raises:
        ParameterError: a bad argument or a path that does not exist.
        UnknownLayoutError: a path that is no supported format, or an unknown ``format``.
        EmptyCorpusError: an empty file or folder, or one with no records.
        CompressedFileError: a truncated or corrupt compressed file, in both modes.
        CorpusError: with ``errors="raise"``, the first bad record (MalformedRecordError,
            MissingFieldError, DuplicateIdError, DateParseError, EncodingError).

    Example:
        >>> from toolkit import config
        >>> articles = load_corpus(config.corpora_dir() / "polnear" / "dev")  # doctest: +SKIP
        >>> len(articles), articles["outlet"].nunique()  # doctest: +SKIP
        (84, 7)
    """
    collector = Collector(errors=errors)
    for _ in _feed(collector, path, format=format, outlet=outlet, columns=columns,
                   metadata=metadata):
        pass
    articles = articles_frame(collector.rows)
    if errors == "collect":
        return LoadResult(articles, collector.rejects_frame(), collector.records_read)
    return articles


def iter_corpus(
    path: str | Path,
    *,
    chunk_size: int,
    format: str | None = None,
    outlet: str | None = None,
    columns: Mapping[str, str] | None = None,
    metadata: str | Path | None = None,
) -> Iterator[pd.DataFrame]:
    """Stream a corpus as articles tables of at most ``chunk_size`` rows, in file order.

    The same reading, checks and errors as :func:`load_corpus` (``errors="raise"``: the
    first bad record raises, naming file, line and field; ids are unique across chunks),
    but only one chunk of rows is held at a time, so memory does not grow with the corpus
    (readers of JSON Lines, CSV/TSV, text and HTML folders stream; a JSON array or a
    Parquet file is read whole by its reader). Chunks may differ in their extra columns.

    Example:
        >>> from toolkit import config
        >>> [len(chunk) for chunk in iter_corpus(config.SAMPLE_CORPUS, chunk_size=10)]
        [10, 10, 10, 2]
    """
    if not isinstance(chunk_size, int) or chunk_size < 1:
        raise ParameterError(f"chunk size must be a positive integer, got {chunk_size!r}",
                             field="chunk_size")
    collector = Collector(errors="raise")
    for _ in _feed(collector, path, format=format, outlet=outlet, columns=columns,
                   metadata=metadata):
        if len(collector.rows) >= chunk_size:
            yield articles_frame(collector.rows)
            collector.rows = []
    if collector.rows:
        yield articles_frame(collector.rows)


def _feed(collector: Collector, path: str | Path, *, format: str | None, outlet: str | None,
          columns: Mapping[str, str] | None, metadata: str | Path | None) -> Iterator[None]:
    """Check the arguments, then read the corpus into ``collector`` record by record,
    yielding after each one (so a caller may take the rows collected so far)."""
    path = Path(path).expanduser()
    metadata = Path(metadata).expanduser() if metadata is not None else None
    if not path.exists():
        raise ParameterError(f"corpus path {str(path)!r} does not exist", field="path")
    reader = readers.get(format) if format is not None else readers.detect(path)
    _check_arguments(path, reader, outlet=outlet, columns=columns, metadata=metadata)
    if path.is_file() and path.stat().st_size == 0:
        raise EmptyCorpusError("the file is empty", file=path)
    mapping = {**reader.columns, **(columns or {})}
    renamed: set[str] = set()
    for item in reader.read(path, ReadOptions(outlet=outlet, metadata=metadata)):
        if isinstance(item, CompressedFileError):
            raise item  # the file itself is damaged: nothing after it can be trusted
        if isinstance(item, CorpusError):
            collector.reject(item)
        else:
            try:
                row = to_row(item, columns=mapping, default_outlet=outlet)
            except CorpusError as err:
                collector.reject(err)
            else:
                _warn_renamed(row, item.fields, renamed)
                collector.add(row, **item.where())
        yield
    if collector.records_read == 0:
        raise EmptyCorpusError(f"no records found ({reader.name})", file=path)


def _warn_renamed(row: Mapping[str, object], fields: Mapping[str, object],
                  renamed: set[str]) -> None:
    """Say once per load which reserved input field names were kept as ``input_<name>``."""
    if not any(f"input_{name}" in row for name in RESERVED_COLUMNS):
        return
    new = sorted({key for key in fields if snake_case(str(key)) in RESERVED_COLUMNS} - renamed)
    if new:
        renamed.update(new)
        warnings.warn(RenamedFieldWarning(
            f"input field(s) {', '.join(map(repr, new))} kept as "
            f"{', '.join('input_' + snake_case(name) for name in new)}: the name is reserved "
            "by the toolkit (a store reads its files with DuckDB's filename column)"),
            stacklevel=4)
