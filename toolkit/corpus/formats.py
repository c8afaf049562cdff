"""formats: readers for generic corpus files (JSONL, JSON, CSV, TSV, Parquet, .txt, HTML).

Each ``read_*`` function takes ``(path, options)`` and yields one item per input record:
a :class:`~toolkit.corpus.schema.Record`, or the :class:`~toolkit.errors.CorpusError` that
stopped it from being one (bad JSON, bad bytes, broken CSV quoting, a short row). A bad
record never stops the records after it, unless the file itself cannot be read further.
Text is decoded as strict UTF-8 and never altered: line endings, quote marks and
whitespace stay as they are, so character offsets computed elsewhere keep pointing at the
same characters. CSV follows RFC 4180 (a field whose quoting breaks it is rejected, never
repaired); TSV is read verbatim (a tab ends a field, a line break a record; quote marks
are text). The readers register themselves in :data:`~toolkit.corpus.registry.readers`
at the bottom of this module.

Example:
    >>> import tempfile
    >>> path = Path(tempfile.mkdtemp()) / "a.jsonl"
    >>> _ = path.write_text('{"id": 1, "text": "Hi."}\\n[1]\\n', encoding="utf-8")
    >>> [type(item).__name__ for item in read_jsonl(path)]
    ['Record', 'MalformedRecordError']
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from ..errors import (
    CorpusError,
    DuplicateIdError,
    EmptyCorpusError,
    EncodingError,
    MalformedRecordError,
    MissingFieldError,
    ParameterError,
)
from .compressed import (
    DECOMPRESSION_ERRORS,
    check_intact,
    compression,
    damaged,
    open_binary,
    read_bytes,
    strip_compression,
)
from .registry import Item, Reader, ReadOptions, readers
from .schema import Record, snake_case

HTML_SUFFIXES = (".html", ".htm")
TABLE_SUFFIXES = (".csv", ".tsv", ".tab")
METADATA_KEYS = ("doc_id", "filename", "file_name")
"""Metadata table columns (in snake_case) that name the .txt file a row describes."""

NO_OPTIONS = ReadOptions()
_UNDECODABLE = re.compile("[\udc80-\udcff]")  # what surrogateescape makes of bad bytes
_QUOTED = re.compile(r'"[^"]*(?:""[^"]*)*"')  # an RFC 4180 quoted field, quotes doubled
_LINE_BREAK = re.compile(r"\r\n|\n|\r")


def file_stem(path: Path) -> str:
    """A file's name without its extension(s): ``a.jsonl.gz`` -> ``a``.

    Example:
        >>> file_stem(Path("corpora/allsides_10k.jsonl.gz"))
        'allsides_10k'
    """
    return Path(strip_compression(path.name)).stem


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
        CompressedFileError: a compressed file that is damaged.

    Example:
        >>> import tempfile
        >>> path = Path(tempfile.mkdtemp()) / "a.txt"
        >>> _ = path.write_bytes(b"One.\\r\\nTwo.")
        >>> read_text(path)
        'One.\\r\\nTwo.'
    """
    return decode_utf8(read_bytes(path), file=path, keep_bom=True)


def _json_type(value: Any) -> str:
    names = {dict: "an object", list: "an array", str: "a string", bool: "a boolean"}
    return names.get(type(value), "null" if value is None else "a number")


def parse_json(text: str, *, file: Path, line: int | None = None,
               record: int | None = None) -> Any:
    """A JSON text, parsed; any problem is a MalformedRecordError (T101).

    Raises:
        MalformedRecordError: invalid JSON (naming the line and column), nesting deeper
            than Python can follow, or a number too long to convert.

    Example:
        >>> try:
        ...     parse_json("[" * 100_000 + "]" * 100_000, file=Path("a.json"))
        ... except MalformedRecordError as err:
        ...     print(err.code, err.reason[:30])
        T101 JSON nested too deeply to read
    """
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise MalformedRecordError(
            f"invalid JSON: {exc.msg} (column {exc.colno})", file=file,
            line=exc.lineno if line is None else line, record=record) from None
    except RecursionError:
        raise MalformedRecordError(
            "JSON nested too deeply to read (arrays or objects inside each other beyond "
            "Python's recursion limit)", file=file, line=line, record=record) from None
    except ValueError as exc:  # e.g. an integer of more than 4300 digits
        raise MalformedRecordError(f"invalid JSON value ({exc})", file=file, line=line,
                                   record=record) from None


def load_json_file(path: Path) -> Any:
    """A whole JSON file, parsed.

    Raises:
        EncodingError: bytes that are not UTF-8.
        EmptyCorpusError: the file holds nothing but whitespace.
        MalformedRecordError: invalid JSON; the message names the line.
        CompressedFileError: a compressed file that is damaged.

    Example:
        >>> import tempfile
        >>> path = Path(tempfile.mkdtemp()) / "a.json"
        >>> _ = path.write_text('[{"text": "Hi."}]', encoding="utf-8")
        >>> load_json_file(path)
        [{'text': 'Hi.'}]
    """
    text = decode_utf8(read_bytes(path), file=path)
    if not text.strip():
        raise EmptyCorpusError("the file is empty", file=path)
    return parse_json(text, file=path)


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


def json_object_keys(path: Path) -> set[str]:
    """The top-level keys of a JSON file holding one object; empty for anything else
    (including a file that cannot be read: its reader reports that).

    Example:
        >>> json_object_keys(Path("/nonexistent.json"))
        set()
    """
    try:
        data = read_bytes(path)
        if not data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{"):
            return set()
        value = parse_json(data.decode("utf-8-sig"), file=path)
    except (OSError, ValueError, CorpusError):
        return set()
    return set(value) if isinstance(value, dict) else set()


def first_jsonl_object(path: Path) -> dict[str, Any]:
    """The first record of a JSON Lines file, or ``{}`` if it is not a JSON object (or
    cannot be read: the reader reports that, record by record).

    Example:
        >>> first_jsonl_object(Path("/nonexistent.jsonl"))
        {}
    """
    try:
        with open_binary(path) as handle:
            line = next((raw for raw in handle if raw.strip()), b"")
        value = parse_json(line.decode("utf-8-sig"), file=path)
    except (*DECOMPRESSION_ERRORS, ValueError, CorpusError):
        return {}
    return value if isinstance(value, dict) else {}


def _jsonl_item(raw: bytes, *, path: Path, line: int, fallback_id: str) -> Item:
    try:
        value = parse_json(decode_utf8(raw, file=path, first_line=line), file=path, line=line)
    except CorpusError as err:
        return err
    if not isinstance(value, dict):
        return MalformedRecordError(f"expected a JSON object, got {_json_type(value)}",
                                    file=path, line=line)
    return Record(value, fallback_id, path, line=line)


def read_jsonl(path: Path, options: ReadOptions = NO_OPTIONS) -> Iterator[Item]:
    """Records of a JSON Lines file (``.jsonl``, ``.ndjson``, also compressed).

    One JSON object a line; blank lines are skipped but counted, so ``line`` is the
    line number an editor shows. Lines are split on ``\\n`` only, so U+2028 inside a
    string does not split a record. A compressed file is checked whole before its first
    bad record is reported, so a corrupt block is a T108, not garbage records.

    Args:
        path: the file.
        options: unused.

    Yields:
        A Record per line (``line`` set, fallback id ``<stem>-<n>`` for the n-th record),
        or a MalformedRecordError (invalid JSON, not an object, nested too deeply) or
        EncodingError for that line alone; a CompressedFileError (naming the last line
        read) ends a damaged compressed file.

    Example:
        >>> import tempfile
        >>> path = Path(tempfile.mkdtemp()) / "a.jsonl"
        >>> _ = path.write_text('\\n{"text": "Hi."}\\n', encoding="utf-8")
        >>> [(r.line, r.fallback_id) for r in read_jsonl(path)]
        [(2, 'a-1')]
    """
    stem = file_stem(path)
    unchecked = compression(path) is not None
    count = line = 0
    with open_binary(path) as handle:
        try:
            for line, raw in enumerate(handle, 1):
                if not raw.strip():
                    continue
                count += 1
                item = _jsonl_item(raw, path=path, line=line, fallback_id=f"{stem}-{count}")
                if unchecked and isinstance(item, CorpusError):
                    unchecked = False
                    damage = check_intact(path)
                    if damage is not None:  # the bad record is garbage from a damaged block
                        yield damaged(path, line, damage)
                        return
                yield item
        except DECOMPRESSION_ERRORS as exc:
            yield damaged(path, line, exc)


def read_json(path: Path, options: ReadOptions = NO_OPTIONS) -> Iterator[Item]:
    """Records of a JSON file: an array of objects, or one object (one article).

    Args:
        path: the file.
        options: unused.

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


# --- delimited tables -------------------------------------------------------------------
def _skip_line(text: str, pos: int) -> int:
    """The position just after the line break that ends the line holding ``pos``."""
    found = _LINE_BREAK.search(text, pos)
    return found.end() if found else len(text)


def csv_rows(text: str, *, delimiter: str = ",") -> Iterator[tuple[int, list[str] | str]]:
    """The records of a CSV text, read per RFC 4180.

    A field is either unquoted (kept exactly, quote marks included) or enclosed in double
    quotes, with a quote mark inside it doubled (``""``); a quoted field may hold
    delimiters and line breaks. A quoted field closed before its end (``"He said "hi"
    twice"``) or never closed is a problem of its record, never repaired: reading resumes
    at the next line, so an unterminated quote does not swallow the records after it.
    Blank lines hold no record.

    Args:
        text: the decoded file.
        delimiter: the field separator.

    Yields:
        ``(line, fields)`` for a record, or ``(line, reason)`` for a record whose quoting
        is broken; ``line`` is the 1-based line the record starts on.

    Example:
        >>> rows = list(csv_rows('a,b\\n"x, y",z\\n"He said "hi" twice",z\\n1,2\\n'))
        >>> rows[:2]
        [(1, ['a', 'b']), (2, ['x, y', 'z'])]
        >>> rows[2][0], rows[2][1][:34], rows[3]
        (3, 'a quote mark inside a quoted field', (4, ['1', '2']))
    """
    unquoted = re.compile(f"[^{re.escape(delimiter)}\r\n]*")
    pos, line, end = 0, 1, len(text)
    while pos < end:
        start, start_line = pos, line
        fields: list[str] = []
        problem = None
        while True:
            if text.startswith('"', pos):
                quoted = _QUOTED.match(text, pos)
                if quoted is None:
                    problem = "a quoted field is never closed (an unterminated quote mark)"
                    pos, line = _skip_line(text, start), start_line + 1
                    break
                value = quoted.group()
                line += len(_LINE_BREAK.findall(value))
                fields.append(value[1:-1].replace('""', '"'))
                pos = quoted.end()
                if pos < end and text[pos] not in (delimiter, "\r", "\n"):
                    problem = ('a quote mark inside a quoted field must be doubled (""): the '
                               'field closes before its end')
                    pos, line = _skip_line(text, pos), line + 1
                    break
            else:
                field_end = unquoted.match(text, pos).end()
                fields.append(text[pos:field_end])
                pos = field_end
            if pos < end and text[pos] == delimiter:
                pos += 1
                continue
            break
        if problem is not None:
            yield start_line, problem
            continue
        blank = pos == start
        if pos < end:
            pos, line = _LINE_BREAK.match(text, pos).end(), line + 1
        if not blank:
            yield start_line, fields


def tsv_rows(text: str) -> Iterator[tuple[int, list[str]]]:
    """The records of a TSV text, read verbatim: a tab ends a field, a line break
    (``\\n`` or ``\\r\\n``) a record, and nothing else is special (quote marks are text).

    Yields:
        ``(line, fields)`` per non-blank line.

    Example:
        >>> list(tsv_rows('a\\tb\\r\\n"We will win," she said.\\t2\\n\\n'))
        [(1, ['a', 'b']), (2, ['"We will win," she said.', '2'])]
    """
    for line, row in enumerate(text.split("\n"), 1):
        row = row.removesuffix("\r")
        if row:
            yield line, row.split("\t")


def _header_problem(header: list[str]) -> str | None:
    repeated = sorted({name for name in header if header.count(name) > 1})
    if repeated:
        return (f"the header names {', '.join(map(repr, repeated))} more than once "
                f"({', '.join(header)}); which column holds the value is ambiguous")
    return None


def _table_records(path: Path, split: Callable[[str], Iterable[tuple[int, list[str] | str]]]
                   ) -> Iterator[Item]:
    """Records of a delimited table, its text split into rows by ``split``: the first row
    is the header. Bytes that are not UTF-8 become lone surrogates, reported per field."""
    try:
        text = read_bytes(path).decode("utf-8", errors="surrogateescape").removeprefix("\ufeff")
    except CorpusError as err:
        yield err
        return
    stem, count = file_stem(path), 0
    header: list[str] | None = None
    for line, row in split(text):
        if header is None:
            if isinstance(row, str):
                yield MalformedRecordError(f"unreadable header row: {row}", file=path, line=line)
                return
            if any(_UNDECODABLE.search(name) for name in row):
                yield EncodingError("the header row is not valid UTF-8", file=path, line=line)
                return
            problem = _header_problem(row)
            if problem is not None:
                yield MalformedRecordError(problem, file=path, line=line,
                                           hint="Give every column its own name")
                return
            header = row
            continue
        count += 1
        if isinstance(row, str):
            yield MalformedRecordError(row, file=path, line=line)
            continue
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


def read_csv(path: Path, options: ReadOptions = NO_OPTIONS) -> Iterator[Item]:
    """Records of a CSV file with a header row, read per RFC 4180 (see :func:`csv_rows`).

    Quoted fields may hold commas and line breaks, kept exactly. Blank lines are skipped;
    ``line`` is the line a record starts on (the header is line 1).

    Args:
        path: the file.
        options: unused.

    Yields:
        A Record per row (fields keyed by the header), or for that row alone a
        MalformedRecordError (broken quoting; a different number of fields than the
        header) or an EncodingError (bytes that are not UTF-8). A header that names a
        column twice rejects the file (one MalformedRecordError); a damaged compressed
        file is one CompressedFileError.

    Example:
        >>> import tempfile
        >>> path = Path(tempfile.mkdtemp()) / "a.csv"
        >>> _ = path.write_text('id,text\\n1,"Hi, there."\\n2\\n', encoding="utf-8")
        >>> [getattr(item, "fields", None) for item in read_csv(path)]
        [{'id': '1', 'text': 'Hi, there.'}, None]
    """
    return _table_records(path, csv_rows)


def read_tsv(path: Path, options: ReadOptions = NO_OPTIONS) -> Iterator[Item]:
    """Records of a TSV file with a header row, read verbatim (see :func:`tsv_rows`).

    Args:
        path: the file.
        options: unused.

    Yields:
        As :func:`read_csv`.

    Example:
        >>> import tempfile
        >>> path = Path(tempfile.mkdtemp()) / "a.tsv"
        >>> _ = path.write_text('id\\ttext\\n1\\t"Hi," she said.\\n', encoding="utf-8")
        >>> [item.fields for item in read_tsv(path)]
        [{'id': '1', 'text': '"Hi," she said.'}]
    """
    return _table_records(path, tsv_rows)


def read_table(path: Path) -> Iterator[Item]:
    """A CSV or TSV table (by its suffix: ``.tsv``/``.tab`` are TSV), read as such."""
    is_tsv = strip_compression(path.name.lower()).endswith((".tsv", ".tab"))
    return read_tsv(path) if is_tsv else read_csv(path)


def read_parquet(path: Path, options: ReadOptions = NO_OPTIONS) -> Iterator[Item]:
    """Records of a Parquet file, one per row (``record`` = 1-based row number).

    Args:
        path: the file.
        options: unused.

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
        batches = table.to_batches()
    except (pa.ArrowException, OSError, ValueError) as exc:
        yield MalformedRecordError(f"not a readable Parquet file ({exc})", file=path)
        return
    stem, index = file_stem(path), 0
    for batch in batches:
        try:
            rows = batch.to_pylist()
        except (pa.ArrowException, ValueError, OverflowError) as exc:
            yield MalformedRecordError(f"unreadable Parquet rows after row {index} ({exc})",
                                       file=path, record=index + 1)
            return
        for fields in rows:
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
    table: dict[str, dict[str, Any]] = {}
    for item in read_table(path):
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
        except CorpusError as err:
            yield err
            continue
        stem = file_stem(path)
        fields: dict[str, Any] = {"doc_id": stem, "text": text}
        for name, value in table.get(stem, table.get(path.name, {})).items():
            fields.setdefault(name, value)
        yield Record(fields, stem, path)


def read_txt_file(path: Path, options: ReadOptions = NO_OPTIONS) -> Iterator[Item]:
    """One .txt file as one article (see :func:`read_txt`), with ``options.metadata``."""
    return read_txt([path], metadata=options.metadata)


def read_txt_folder(path: Path, options: ReadOptions = NO_OPTIONS) -> Iterator[Item]:
    """A folder of .txt files (see :func:`read_txt`), with ``options.metadata`` or the
    folder's own metadata table (:func:`find_metadata`)."""
    return read_txt(files_with_suffix(path, (".txt",)),
                    metadata=options.metadata or find_metadata(path))


def read_html(path: Path, options: ReadOptions = NO_OPTIONS) -> Iterator[Item]:
    """Records of an HTML page or a folder of pages, text and metadata by trafilatura.

    Boilerplate, scripts, styles and comments never reach the text. The page's bytes go
    to trafilatura as they are, so a declared charset is honoured.

    Args:
        path: an .html file, or a folder of them (read in name order).
        options: ``outlet`` is every page's outlet; by default the site name trafilatura
            finds, else the host name.

    Yields:
        A Record per page (``doc_id`` = file stem; ``title``, ``url``, ``published``,
        ``author``, ``description``, ``sitename``, ``hostname`` from the page), or a
        MissingFieldError when trafilatura finds no article text.

    Example:
        >>> import tempfile
        >>> path = Path(tempfile.mkdtemp()) / "page.html"
        >>> _ = path.write_text("<html><body><article><p>" + "Words here. " * 30
        ...                     + "</p></article></body></html>", encoding="utf-8")
        >>> [item.fields["text"][:10] for item in read_html(path, ReadOptions("Gazette"))]
        ['Words here']
    """
    import trafilatura  # optional heavy dependency: only HTML needs it

    for page_path in [path] if path.is_file() else files_with_suffix(path, HTML_SUFFIXES):
        try:
            data = read_bytes(page_path)
        except CorpusError as err:
            yield err
            continue
        page = trafilatura.bare_extraction(data, with_metadata=True, include_comments=False)
        stem = file_stem(page_path)
        if page is None or not page.text:
            yield MissingFieldError("text", file=page_path,
                                    hint="Trafilatura found no article text in the page")
            continue
        yield Record({
            "doc_id": stem,
            "outlet": options.outlet or page.sitename or page.hostname,
            "published": page.date,
            "title": page.title,
            "url": page.url,
            "text": page.text,
            "author": page.author,
            "description": page.description,
            "sitename": page.sitename,
            "hostname": page.hostname,
        }, stem, page_path)


def holds_pages(path: Path) -> bool:
    """An HTML page, or a folder holding pages: what the ``html`` reader detects."""
    return path.is_file() or bool(files_with_suffix(path, HTML_SUFFIXES))


def holds_texts(path: Path) -> bool:
    """A folder holding .txt files: what the ``txt_dir`` reader detects."""
    return bool(files_with_suffix(path, (".txt",)))


# The generic formats. Readers registered later are asked first when detecting, so a
# folder holding both pages and .txt files is read as HTML, as before.
readers.register(Reader("jsonl", read_jsonl, suffixes=(".jsonl", ".ndjson"), compressed=True,
                        description="JSON Lines: one object a line"))
readers.register(Reader("json", read_json, suffixes=(".json",), compressed=True,
                        description="a JSON array of objects, or one object"))
readers.register(Reader("csv", read_csv, suffixes=(".csv",), compressed=True,
                        description="CSV with a header row (RFC 4180)"))
readers.register(Reader("tsv", read_tsv, suffixes=(".tsv", ".tab"), compressed=True,
                        description="TSV with a header row, read verbatim"))
readers.register(Reader("parquet", read_parquet, suffixes=(".parquet", ".pq"),
                        description="a Parquet table, one row an article"))
readers.register(Reader("txt", read_txt_file, suffixes=(".txt",), compressed=True,
                        metadata=True, description="one .txt file, one article"))
readers.register(Reader("txt_dir", read_txt_folder, detect=holds_texts, files=False,
                        folders=True, metadata=True,
                        description="a folder of .txt files, with a metadata table"))
readers.register(Reader("html", read_html, suffixes=HTML_SUFFIXES, detect=holds_pages,
                        folders=True, compressed=True,
                        description="an HTML page or a folder of pages"))
