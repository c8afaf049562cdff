"""formats: readers for generic corpus files (JSONL, JSON, CSV/TSV, Parquet, .txt, HTML).

Each ``read_*`` function yields one item per input record: a
:class:`~toolkit.corpus.schema.Record`, or the :class:`~toolkit.errors.CorpusError` that
stopped it from being one (bad JSON, bad bytes, a short CSV row). A bad record never stops
the records after it, unless the file itself cannot be read further. Text is decoded as
strict UTF-8 and never altered: line endings, quote marks and whitespace stay as they are,
so character offsets computed elsewhere keep pointing at the same characters.

Example:
    >>> import tempfile
    >>> from pathlib import Path
    >>> path = Path(tempfile.mkdtemp()) / "a.jsonl"
    >>> _ = path.write_text('{"id": 1, "text": "Hi."}\\n[1]\\n', encoding="utf-8")
    >>> [type(item).__name__ for item in read_jsonl(path)]
    ['Record', 'MalformedRecordError']
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import trafilatura

from ..errors import (
    CorpusError,
    DuplicateIdError,
    EmptyCorpusError,
    EncodingError,
    MalformedRecordError,
    MissingFieldError,
    ParameterError,
)
from .schema import Record, snake_case

Item = Record | CorpusError
"""What a reader yields for each input record."""

HTML_SUFFIXES = (".html", ".htm")
TABLE_SUFFIXES = (".csv", ".tsv", ".tab")
METADATA_KEYS = ("doc_id", "filename", "file_name")
"""Metadata table columns (in snake_case) that name the .txt file a row describes."""

_CSV_FIELD_LIMIT = 2**31 - 1  # csv's default (128 KiB) is smaller than a long article
_UNDECODABLE = re.compile("[\udc80-\udcff]")  # what surrogateescape makes of bad bytes


def file_stem(path: Path) -> str:
    """A file's name without its extension(s): ``a.jsonl.gz`` -> ``a``.

    Example:
        >>> file_stem(Path("corpora/allsides_10k.jsonl.gz"))
        'allsides_10k'
    """
    name = path.name[:-3] if path.name.lower().endswith(".gz") else path.name
    return Path(name).stem


def is_hidden(path: Path) -> bool:
    """Whether a file is hidden (``.DS_Store``, editor swap files): readers skip those."""
    return path.name.startswith(".")


def files_with_suffix(folder: Path, suffixes: tuple[str, ...]) -> list[Path]:
    """The visible files directly in ``folder`` ending in one of ``suffixes``, sorted by name.

    Example:
        >>> files_with_suffix(Path("/nonexistent-folder"), (".txt",))
        []
    """
    if not folder.is_dir():
        return []
    return sorted(path for path in folder.iterdir() if path.is_file() and not is_hidden(path)
                  and path.suffix.lower() in suffixes)


def decode_utf8(data: bytes, *, file: Path, first_line: int = 1, keep_bom: bool = False) -> str:
    """Bytes as UTF-8 text, or an error naming the line of the first bad byte.

    Args:
        data: the bytes.
        file: the file they came from, for the error.
        first_line: the line number ``data`` starts on.
        keep_bom: keep a leading byte-order mark (article text is kept exactly); by default
            it is dropped, as it is no part of a JSON or CSV value.

    Returns:
        The decoded text.

    Raises:
        EncodingError: the bytes are not valid UTF-8.

    Example:
        >>> decode_utf8(b"caf\\xc3\\xa9", file=Path("a.txt"))
        'café'
    """
    try:
        return data.decode("utf-8" if keep_bom else "utf-8-sig")
    except UnicodeDecodeError as exc:
        line = first_line + data.count(b"\n", 0, exc.start)
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise EncodingError(
            f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at column {column})",
            file=file, line=line, hint="Re-save the file as UTF-8") from None


def read_text(path: Path) -> str:
    """A text file's content, decoded as strict UTF-8 and otherwise untouched.

    Line endings (``\\r\\n`` included) and a byte-order mark are kept, so character
    offsets into the file (brat standoff annotation, for one) stay valid.

    Raises:
        EncodingError: the file is not UTF-8; the message names the line.

    Example:
        >>> import tempfile
        >>> path = Path(tempfile.mkdtemp()) / "a.txt"
        >>> _ = path.write_bytes(b"One.\\r\\nTwo.")
        >>> read_text(path)
        'One.\\r\\nTwo.'
    """
    return decode_utf8(path.read_bytes(), file=path, keep_bom=True)


def _json_type(value: Any) -> str:
    names = {dict: "an object", list: "an array", str: "a string", bool: "a boolean"}
    return names.get(type(value), "null" if value is None else "a number")


def load_json_file(path: Path) -> Any:
    """A whole JSON file, parsed.

    Raises:
        EncodingError: bytes that are not UTF-8.
        EmptyCorpusError: the file holds nothing but whitespace.
        MalformedRecordError: invalid JSON; the message names the line.

    Example:
        >>> import tempfile
        >>> path = Path(tempfile.mkdtemp()) / "a.json"
        >>> _ = path.write_text('[{"text": "Hi."}]', encoding="utf-8")
        >>> load_json_file(path)
        [{'text': 'Hi.'}]
    """
    text = decode_utf8(path.read_bytes(), file=path)
    if not text.strip():
        raise EmptyCorpusError("the file is empty", file=path)
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise MalformedRecordError(f"invalid JSON: {exc.msg} (column {exc.colno})",
                                   file=path, line=exc.lineno) from None


def load_json_object(path: Path) -> dict[str, Any]:
    """A JSON file that holds one object (one article), parsed.

    Raises:
        MalformedRecordError: the file is invalid JSON or holds something else.
        EncodingError, EmptyCorpusError: as :func:`load_json_file`.

    Example:
        >>> import tempfile
        >>> path = Path(tempfile.mkdtemp()) / "a.json"
        >>> _ = path.write_text('{"text": "Hi."}', encoding="utf-8")
        >>> load_json_object(path)
        {'text': 'Hi.'}
    """
    value = load_json_file(path)
    if not isinstance(value, dict):
        raise MalformedRecordError(f"expected a JSON object, got {_json_type(value)}", file=path)
    return value


def _jsonl_item(raw: bytes, *, path: Path, line: int, fallback_id: str) -> Item:
    try:
        text = decode_utf8(raw, file=path, first_line=line)
        value = json.loads(text)
    except EncodingError as err:
        return err
    except json.JSONDecodeError as exc:
        return MalformedRecordError(f"invalid JSON: {exc.msg} (column {exc.colno})",
                                    file=path, line=line)
    if not isinstance(value, dict):
        return MalformedRecordError(f"expected a JSON object, got {_json_type(value)}",
                                    file=path, line=line)
    return Record(value, fallback_id, path, line=line)


def read_jsonl(path: Path) -> Iterator[Item]:
    """Records of a JSON Lines file (``.jsonl``, or gzip-compressed ``.jsonl.gz``).

    One JSON object a line; blank lines are skipped but counted, so ``line`` is the
    line number an editor shows. Lines are split on ``\\n`` only, so U+2028 inside a
    string does not split a record.

    Args:
        path: the file.

    Yields:
        A Record per line (``line`` set, fallback id ``<stem>-<n>`` for the n-th record),
        or a MalformedRecordError (invalid JSON, not an object) or EncodingError for
        that line alone.

    Example:
        >>> import tempfile
        >>> path = Path(tempfile.mkdtemp()) / "a.jsonl"
        >>> _ = path.write_text('\\n{"text": "Hi."}\\n', encoding="utf-8")
        >>> [(r.line, r.fallback_id) for r in read_jsonl(path)]
        [(2, 'a-1')]
    """
    stem = file_stem(path)
    opener = gzip.open if path.name.lower().endswith(".gz") else open
    count = 0
    try:
        with opener(path, "rb") as handle:
            for line, raw in enumerate(handle, 1):
                if raw.strip():
                    count += 1
                    yield _jsonl_item(raw, path=path, line=line, fallback_id=f"{stem}-{count}")
    except (OSError, EOFError) as exc:  # a truncated or corrupt .gz
        yield MalformedRecordError(f"unreadable compressed data ({exc})", file=path)


def read_json(path: Path) -> Iterator[Item]:
    """Records of a JSON file: an array of objects, or one object (one article).

    Args:
        path: the file.

    Yields:
        For an array, a Record per element (``record`` = 1-based index) or a
        MalformedRecordError for an element that is not an object; for an object, one
        Record whose fallback id is the file stem; for anything else (or invalid JSON or
        bytes), one error for the whole file.

    Example:
        >>> import tempfile
        >>> path = Path(tempfile.mkdtemp()) / "a.json"
        >>> _ = path.write_text('[{"text": "Hi."}, 3]', encoding="utf-8")
        >>> [getattr(item, "record", None) for item in read_json(path)]
        [1, 2]
    """
    try:
        value = load_json_file(path)
    except CorpusError as err:
        yield err
        return
    stem = file_stem(path)
    if isinstance(value, dict):
        yield Record(value, stem, path)
    elif isinstance(value, list):
        for index, element in enumerate(value, 1):
            if isinstance(element, dict):
                yield Record(element, f"{stem}-{index}", path, record=index)
            else:
                yield MalformedRecordError(f"expected a JSON object, got {_json_type(element)}",
                                           file=path, record=index)
    else:
        yield MalformedRecordError(
            f"expected an array of objects or one object, got {_json_type(value)}", file=path)


def _parse_delimited(text: str, delimiter: str,
                     ) -> tuple[list[tuple[int, list[str]]], tuple[int, str] | None]:
    """(first line, fields) of every row of a CSV/TSV text; (line, why) if parsing stopped."""
    rows: list[tuple[int, list[str]]] = []
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    previous_limit = csv.field_size_limit(_CSV_FIELD_LIMIT)
    try:
        while True:
            line = reader.line_num + 1
            try:
                rows.append((line, next(reader)))
            except StopIteration:
                return rows, None
            except csv.Error as exc:
                return rows, (line, str(exc))
    finally:
        csv.field_size_limit(previous_limit)


def read_delimited(path: Path, *, delimiter: str = ",") -> Iterator[Item]:
    """Records of a CSV or TSV file with a header row.

    Quoted fields may hold delimiters and line breaks, kept exactly. Blank lines are
    skipped; ``line`` is the line a record starts on (the header is line 1).

    Args:
        path: the file.
        delimiter: ``","`` for CSV, ``"\\t"`` for TSV.

    Yields:
        A Record per row (fields keyed by the header), or for that row alone a
        MalformedRecordError (a different number of fields than the header) or an
        EncodingError (bytes that are not UTF-8).

    Example:
        >>> import tempfile
        >>> path = Path(tempfile.mkdtemp()) / "a.csv"
        >>> _ = path.write_text('id,text\\n1,"Hi, there."\\n2\\n', encoding="utf-8")
        >>> [getattr(item, "fields", None) for item in read_delimited(path)]
        [{'id': '1', 'text': 'Hi, there.'}, None]
    """
    text = path.read_bytes().decode("utf-8", errors="surrogateescape").removeprefix("\ufeff")
    rows, problem = _parse_delimited(text, delimiter)
    rows = [(line, row) for line, row in rows if row]  # blank lines hold no record
    header = rows[0][1] if rows else []
    if any(_UNDECODABLE.search(name) for name in header):
        yield EncodingError("the header row is not valid UTF-8", file=path, line=1)
        return
    stem, count = file_stem(path), 0
    for line, row in rows[1:]:
        count += 1
        if len(row) != len(header):
            yield MalformedRecordError(
                f"expected {len(header)} fields as in the header, found {len(row)}",
                file=path, line=line)
            continue
        fields = dict(zip(header, row, strict=True))
        bad = next((name for name, value in fields.items() if _UNDECODABLE.search(value)), None)
        if bad is not None:
            yield EncodingError(file=path, line=line, field=bad, hint="Re-save the file as UTF-8")
            continue
        yield Record(fields, f"{stem}-{count}", path, line=line)
    if problem is not None:
        yield MalformedRecordError(f"unreadable CSV: {problem[1]}", file=path, line=problem[0])


def read_parquet(path: Path) -> Iterator[Item]:
    """Records of a Parquet file, one per row (``record`` = 1-based row number).

    Args:
        path: the file.

    Yields:
        A Record per row, or one MalformedRecordError if the file cannot be read.

    Example:
        >>> import tempfile, pandas as pd
        >>> path = Path(tempfile.mkdtemp()) / "a.parquet"
        >>> pd.DataFrame({"text": ["Hi."], "outlet": ["X"]}).to_parquet(path)
        >>> [item.fields for item in read_parquet(path)]
        [{'text': 'Hi.', 'outlet': 'X'}]
    """
    try:
        table = pq.read_table(path)
    except (pa.ArrowException, OSError) as exc:
        yield MalformedRecordError(f"not a readable Parquet file ({exc})", file=path)
        return
    stem, index = file_stem(path), 0
    for batch in table.to_batches():
        for fields in batch.to_pylist():
            index += 1
            yield Record(fields, f"{stem}-{index}", path, record=index)


def find_metadata(folder: Path) -> Path | None:
    """The metadata table in a folder of .txt files, if there is one.

    A ``metadata.csv``/``metadata.tsv`` wins; otherwise the folder's only CSV/TSV file.

    Raises:
        ParameterError: several tables and none named ``metadata``.

    Example:
        >>> find_metadata(Path("/nonexistent-folder")) is None
        True
    """
    tables = files_with_suffix(folder, TABLE_SUFFIXES)
    named = [table for table in tables if table.stem.lower() == "metadata"]
    if named or len(tables) == 1:
        return (named or tables)[0]
    if tables:
        raise ParameterError(
            f"{folder} holds several tables ({', '.join(t.name for t in tables)}) and none "
            "is named metadata.csv", field="metadata", hint="Pass metadata=PATH")
    return None


def read_metadata(path: Path) -> dict[str, dict[str, Any]]:
    """A metadata table for .txt files, keyed by the file each row describes.

    The key column is the first of :data:`METADATA_KEYS` (compared in snake_case) and
    holds a file stem (``a``) or name (``a.txt``); the other columns are the row's fields.
    A metadata table is configuration rather than data, so any problem in it raises, even
    under ``errors="collect"``.

    Raises:
        MissingFieldError: no key column.
        DuplicateIdError: two rows for one file.
        MalformedRecordError, EncodingError: a row that cannot be read.

    Example:
        >>> import tempfile
        >>> path = Path(tempfile.mkdtemp()) / "metadata.csv"
        >>> _ = path.write_text("filename,outlet\\na.txt,Gazette\\n", encoding="utf-8")
        >>> read_metadata(path)
        {'a.txt': {'outlet': 'Gazette'}}
    """
    delimiter = "\t" if path.suffix.lower() in (".tsv", ".tab") else ","
    table: dict[str, dict[str, Any]] = {}
    for item in read_delimited(path, delimiter=delimiter):
        if isinstance(item, CorpusError):
            raise item
        key_column = next((name for key in METADATA_KEYS for name in item.fields
                           if snake_case(name) == key), None)
        if key_column is None:
            raise MissingFieldError("doc_id", file=path, line=1,
                                    hint="A metadata table needs a doc_id or filename column")
        fields = dict(item.fields)
        key = fields.pop(key_column).strip()
        if key in table:
            raise DuplicateIdError(f"second metadata row for {key!r}", file=path,
                                   line=item.line, field=key_column)
        table[key] = fields
    return table


def read_txt(paths: list[Path], *, metadata: Path | None = None) -> Iterator[Item]:
    """Records of plain-text files, one article each (doc_id = file stem).

    Args:
        paths: the .txt files, in the order to read them.
        metadata: a table whose rows add fields (outlet, date, title, ...) to the file
            they name; see :func:`read_metadata`.

    Yields:
        A Record per file with ``doc_id``, ``text`` and the file's metadata fields, or an
        EncodingError naming the file and line.

    Example:
        >>> import tempfile
        >>> path = Path(tempfile.mkdtemp()) / "a.txt"
        >>> _ = path.write_text("Hi.", encoding="utf-8")
        >>> [item.fields for item in read_txt([path])]
        [{'doc_id': 'a', 'text': 'Hi.'}]
    """
    table = read_metadata(metadata) if metadata else {}
    for path in paths:
        try:
            text = read_text(path)
        except EncodingError as err:
            yield err
            continue
        fields: dict[str, Any] = {"doc_id": path.stem, "text": text}
        for name, value in table.get(path.stem, table.get(path.name, {})).items():
            fields.setdefault(name, value)
        yield Record(fields, path.stem, path)


def read_html(paths: list[Path], *, outlet: str | None = None) -> Iterator[Item]:
    """Records of HTML pages, article text and metadata extracted by trafilatura.

    Boilerplate, scripts, styles and comments never reach the text. The page's bytes go
    to trafilatura as they are, so a declared charset is honoured.

    Args:
        paths: the .html files, in the order to read them.
        outlet: the outlet of every page; by default the site name trafilatura finds,
            else the host name.

    Yields:
        A Record per page (``doc_id`` = file stem; ``title``, ``url``, ``published``,
        ``author``, ``description``, ``sitename``, ``hostname`` from the page), or a
        MissingFieldError when trafilatura finds no article text.

    Example:
        >>> import tempfile
        >>> path = Path(tempfile.mkdtemp()) / "page.html"
        >>> _ = path.write_text("<html><body><article><p>" + "Words here. " * 30
        ...                     + "</p></article></body></html>", encoding="utf-8")
        >>> [item.fields["text"][:10] for item in read_html([path], outlet="Gazette")]
        ['Words here']
    """
    for path in paths:
        page = trafilatura.bare_extraction(path.read_bytes(), with_metadata=True,
                                           include_comments=False)
        if page is None or not page.text:
            yield MissingFieldError("text", file=path,
                                    hint="Trafilatura found no article text in the page")
            continue
        yield Record({
            "doc_id": path.stem,
            "outlet": outlet or page.sitename or page.hostname,
            "published": page.date,
            "title": page.title,
            "url": page.url,
            "text": page.text,
            "author": page.author,
            "description": page.description,
            "sitename": page.sitename,
            "hostname": page.hostname,
        }, path.stem, path)
