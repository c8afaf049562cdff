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

from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Literal, overload

import pandas as pd

from ..errors import CorpusError, EmptyCorpusError, ParameterError
from .collect import Collector, LoadResult
from .detect import FILE_FORMATS, FOLDER_FORMATS, FORMATS, detect_format
from .formats import (
    HTML_SUFFIXES,
    Item,
    files_with_suffix,
    find_metadata,
    read_delimited,
    read_html,
    read_json,
    read_jsonl,
    read_parquet,
    read_txt,
)
from .layouts import (
    ALLSIDES_COLUMNS,
    BASIL_COLUMNS,
    NEWSPLEASE_COLUMNS,
    POLNEAR_COLUMNS,
    read_basil,
    read_newsplease,
    read_polnear,
)
from .schema import ARTICLE_COLUMNS, articles_frame, to_row

_LAYOUT_COLUMNS: dict[str, Mapping[str, str]] = {
    "polnear": POLNEAR_COLUMNS, "basil": BASIL_COLUMNS, "newsplease": NEWSPLEASE_COLUMNS,
    "allsides": ALLSIDES_COLUMNS,
}


def _check_arguments(path: Path, fmt: str, *, outlet: str | None,
                     columns: Mapping[str, str] | None, metadata: Path | None) -> None:
    if fmt not in FORMATS:
        raise ParameterError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}",
                             field="format")
    if fmt in FILE_FORMATS and not path.is_file():
        raise ParameterError(f"format {fmt!r} reads a file, but {path} is a folder",
                             field="format", hint="Folders of .txt files are format='txt_dir'")
    if fmt in FOLDER_FORMATS and not path.is_dir():
        raise ParameterError(f"format {fmt!r} reads a folder, but {path} is a file",
                             field="format")
    if outlet is not None and (not isinstance(outlet, str) or not outlet.strip()):
        raise ParameterError(f"outlet must be a non-empty string, got {outlet!r}", field="outlet")
    unknown = sorted(set(columns or {}) - set(ARTICLE_COLUMNS))
    if unknown:
        raise ParameterError(f"columns= maps unknown articles column(s) {unknown}; "
                             f"the columns are {', '.join(ARTICLE_COLUMNS)}", field="columns")
    if any(not isinstance(name, str) or not name for name in (columns or {}).values()):
        raise ParameterError("columns= values must be input field names", field="columns")
    if metadata is not None and fmt not in ("txt", "txt_dir"):
        raise ParameterError(f"metadata= is for .txt files, not format {fmt!r}",
                             field="metadata")
    if metadata is not None and not metadata.is_file():
        raise ParameterError(f"metadata table {str(metadata)!r} does not exist",
                             field="metadata")


def _records(path: Path, fmt: str, *, outlet: str | None,
             metadata: Path | None) -> Iterator[Item]:
    """The reader for ``fmt``, started on ``path``."""
    match fmt:
        case "jsonl" | "allsides":
            return read_jsonl(path)
        case "json":
            return read_json(path)
        case "csv" | "tsv":
            return read_delimited(path, delimiter="," if fmt == "csv" else "\t")
        case "parquet":
            return read_parquet(path)
        case "txt":
            return read_txt([path], metadata=metadata)
        case "txt_dir":
            return read_txt(files_with_suffix(path, (".txt",)),
                            metadata=metadata or find_metadata(path))
        case "html":
            pages = [path] if path.is_file() else files_with_suffix(path, HTML_SUFFIXES)
            return read_html(pages, outlet=outlet)
        case "polnear":
            return read_polnear(path)
        case "basil":
            return read_basil(path)
        case _:  # "newsplease": _check_arguments admits only FORMATS
            return read_newsplease(path)


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

    Formats (``format=`` skips detection): ``jsonl`` (also ``.jsonl.gz``), ``json`` (an
    array of objects, or one object), ``csv``, ``tsv``, ``parquet``, ``txt`` (one
    article), ``txt_dir`` (a folder of .txt files, with an optional metadata table),
    ``html`` (a page or a folder of pages, text by trafilatura), and the research
    layouts ``polnear`` (the folder, or one split folder), ``basil``, ``newsplease`` and
    ``allsides``.

    Generic records are mapped by :data:`~toolkit.corpus.schema.FIELD_ALIASES`
    (``id``/``source``/``content``/``date``, ...); a record without an id gets
    ``<file stem>-<n>``, a file holding one article its file stem. Article text is kept
    exactly as stored (line endings, quote marks, whitespace), so character offsets from
    annotation tools stay valid.

    Args:
        path: the corpus file or folder.
        format: one of :data:`~toolkit.corpus.detect.FORMATS`; detected when None.
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
        UnknownLayoutError: a path that is no supported format.
        EmptyCorpusError: an empty file or folder, or one with no records.
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
    fmt = format if format is not None else detect_format(path)
    _check_arguments(path, fmt, outlet=outlet, columns=columns, metadata=metadata)
    if path.is_file() and path.stat().st_size == 0:
        raise EmptyCorpusError("the file is empty", file=path)
    mapping = {**_LAYOUT_COLUMNS.get(fmt, {}), **(columns or {})}
    for item in _records(path, fmt, outlet=outlet, metadata=metadata):
        if isinstance(item, CorpusError):
            collector.reject(item)
        else:
            try:
                row = to_row(item, columns=mapping, default_outlet=outlet)
            except CorpusError as err:
                collector.reject(err)
            else:
                collector.add(row, **item.where())
        yield
    if collector.records_read == 0:
        raise EmptyCorpusError(f"no records found ({fmt})", file=path)
