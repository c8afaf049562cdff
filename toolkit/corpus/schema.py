"""schema: the articles table, and turning one input record into one article row.

Every reader in :mod:`toolkit.corpus` yields :class:`Record` objects (an input record's
fields plus where it came from); :func:`to_row` maps those fields onto the articles
columns (explicit ``columns=`` first, then :data:`FIELD_ALIASES`), validates the required
ones, parses the date and keeps every other field as a snake_case extra column (under
``input_<name>`` when the name is taken or reserved, never overwriting anything);
:func:`articles_frame` turns the rows into the articles DataFrame.

Example:
    >>> from pathlib import Path
    >>> record = Record({"id": 7, "source": "Gazette", "body": "It rained.",
    ...                  "Page Number": 2}, fallback_id="a-1", file=Path("a.jsonl"), line=1)
    >>> row = to_row(record)
    >>> row["doc_id"], row["outlet"], row["text"], row["page_number"]
    ('7', 'Gazette', 'It rained.', 2)
"""

from __future__ import annotations

import math
import numbers
import re
from collections.abc import Iterable, Mapping
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path
from typing import Any, NamedTuple

import pandas as pd
from dateutil import parser as dateutil_parser

from ..errors import DateParseError, EncodingError, MalformedRecordError, MissingFieldError

ARTICLE_COLUMNS: tuple[str, ...] = (
    "doc_id", "outlet", "published", "title", "url", "text", "story",
)
"""The articles table's schema columns, in order; extra input fields follow them."""

STRING_COLUMNS: tuple[str, ...] = ("doc_id", "outlet", "title", "url", "text", "story")

FIELD_ALIASES: dict[str, tuple[str, ...]] = {
    "doc_id": ("doc_id", "id"),
    "outlet": ("outlet", "source", "publisher", "source_domain", "site_name", "newspaper"),
    "published": ("published", "date", "date_publish", "publication_date", "published_at",
                  "pub_date"),
    "title": ("title", "headline", "heading"),
    "url": ("url", "link"),
    "text": ("text", "content", "body", "content_original", "article_text", "maintext"),
    "story": ("story", "event_id", "cluster"),
}
"""Input field names read for each column when no ``columns=`` mapping names one.

Input names are compared in snake_case, so ``ID``, ``Id`` and ``id`` all match ``id``,
and ``publicationDate`` matches ``publication_date``. The first alias present wins. The
aliases are the names of common exports: news-please (``maintext``, ``date_publish``,
``source_domain``), NewsAPI (``publishedAt``), RSS (``link``, ``pubDate``), Open Graph
(``site_name``), spreadsheets (``headline``, ``newspaper``).
"""

FIELDS_LISTED = 15
"""Input fields a missing-field error lists, at most."""

RESERVED_COLUMNS: tuple[str, ...] = ("filename", "_file", "_shard", "_row")
"""Column names the toolkit or its readers use themselves: DuckDB's ``filename`` option
and the store's place-in-corpus columns. An input field of that name is kept as
``input_<name>``."""

PUBLISHED_DTYPE = "datetime64[us]"
_DATE_DEFAULT = datetime(1900, 1, 1)  # fills parts a partial date leaves out ("May 2017")
_OTHER_DEFAULT = datetime(1904, 2, 2)  # a second default: a year it fills was not given
_DATE_WORDS = {"now", "today", "tomorrow", "yesterday"}
_SURROGATE = re.compile("[\ud800-\udfff]")


class Record(NamedTuple):
    """One input record and where it came from.

    Attributes:
        fields: the record's fields under their input names (or already under the
            articles column names, for the research layouts).
        fallback_id: the doc_id to use when the record has none.
        file: the file the record was read from.
        line: 1-based first line of the record, for line-oriented formats.
        record: 1-based record index, for other multi-record files; ``None`` for a file
            that holds one article.
    """

    fields: Mapping[str, Any]
    fallback_id: str
    file: Path
    line: int | None = None
    record: int | None = None

    def where(self) -> dict[str, Any]:
        """The location keywords every :class:`~toolkit.errors.ToolkitError` takes."""
        return {"file": self.file, "line": self.line, "record": self.record}


@lru_cache(maxsize=4096)
def snake_case(name: str) -> str:
    """An input field name in snake_case, the form extra columns take.

    Args:
        name: a field name as the input spells it.

    Returns:
        Lower case words joined by ``_``; camelCase, spaces, dots and dashes split words.

    Example:
        >>> [snake_case(n) for n in ("main-event", "newsCluster", "Page Number", "ID")]
        ['main_event', 'news_cluster', 'page_number', 'id']
    """
    name = re.sub(r"([a-z0-9])([A-Z])", r"\1_\2", name.strip())
    name = re.sub(r"([A-Z]+)([A-Z][a-z])", r"\1_\2", name)
    return re.sub(r"[^0-9a-zA-Z]+", "_", name).strip("_").lower()


def is_missing(value: Any) -> bool:
    """Whether a value stands for "no value": None, NaN, NaT or pandas NA.

    Example:
        >>> [is_missing(v) for v in (None, float("nan"), "", 0)]
        [True, True, False, False]
    """
    if value is None or value is pd.NA or value is pd.NaT:
        return True
    return isinstance(value, float) and math.isnan(value)


def parse_date(value: Any, *, field: str = "published", where: Mapping[str, Any] | None = None,
               ) -> pd.Timestamp | None:
    """A date value as a tz-naive UTC timestamp, or None when there is no date.

    ISO 8601 strings are read directly; other strings (``4/21/18``, ``May 3, 2017``) by
    dateutil, month first. A date needs at least a year (``May 2017`` is 1 May 2017;
    ``May``, ``Monday``, ``3`` or ``10:30`` are not dates), and a UTC offset less than a
    day. Aware times are converted to UTC, naive ones taken as UTC.

    Args:
        value: a string, date, datetime or Timestamp; None, NaN or a blank string
            mean "no date".
        field: the input field the value came from, named in the error.
        where: ``file``/``line``/``record`` keywords for the error.

    Returns:
        A :class:`pandas.Timestamp` without time zone, or None.

    Raises:
        DateParseError: the value is not a date.

    Example:
        >>> parse_date("2016-09-12T14:00:00-04:00")
        Timestamp('2016-09-12 18:00:00')
        >>> parse_date("4/21/18"), parse_date("")
        (Timestamp('2018-04-21 00:00:00'), None)
        >>> try:
        ...     parse_date("Monday")
        ... except DateParseError as err:
        ...     print(err.code, err.reason)
        T104 unparseable date 'Monday'
    """
    if is_missing(value) or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, (datetime, date)):
        stamp = pd.Timestamp(value)
    elif isinstance(value, str) and value.strip().lower() not in _DATE_WORDS:
        stamp = _parse_date_string(value.strip())
    else:
        stamp = None
    if stamp is None:
        raise DateParseError(f"unparseable date {value!r}", field=field, **(where or {}),
                             hint="Give ISO 8601 dates such as 2016-09-12")
    if stamp.tzinfo is not None:
        try:
            stamp = stamp.tz_convert("UTC").tz_localize(None)
        except (ValueError, OverflowError):
            raise DateParseError(f"date {value!r} is out of range", field=field,
                                 **(where or {})) from None
    return stamp


def _parse_date_string(text: str) -> pd.Timestamp | None:
    """A date string with at least a year, or None: ``Monday``, ``May``, ``3``, ``10:30``
    or an offset of a day or more (``+25:00``) are not dates."""
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        try:
            moment = dateutil_parser.parse(text, default=_DATE_DEFAULT)
            if dateutil_parser.parse(text, default=_OTHER_DEFAULT).year != moment.year:
                return None  # the year came from the default: the text has none
        except (ValueError, OverflowError):
            return None
    try:
        moment.utcoffset()  # raises ValueError for an offset of a day or more (+25:00)
        return pd.Timestamp(moment)
    except (ValueError, OverflowError):
        return None


def _label(value: Any, field: str, where: Mapping[str, Any]) -> str | None:
    """An identifier-like value (doc_id, outlet, story) as a stripped string, or None."""
    if is_missing(value):
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, bool) or not isinstance(value, (str, numbers.Integral, float)):
        raise MalformedRecordError(
            f"expected a string or number, got {type(value).__name__}", field=field, **where)
    text = str(value).strip()
    return text or None


def _optional_text(value: Any) -> str | None:
    return None if is_missing(value) or value == "" else str(value)


def _lone_surrogate_field(fields: Mapping[str, Any]) -> str | None:
    """The first field whose name or value (nested values included) holds a lone
    surrogate (``"\\ud800"`` in JSON): text no UTF-8 file or Parquet table can hold."""
    stack: list[tuple[str, Any]] = []
    for key, value in fields.items():
        if isinstance(key, str) and _SURROGATE.search(key):
            return key
        stack.append((key, value))
    while stack:  # a loop, not recursion: the value may be nested hundreds deep
        top, value = stack.pop()
        if isinstance(value, str):
            if _SURROGATE.search(value):
                return top
        elif isinstance(value, Mapping):
            for key, inner in value.items():
                if isinstance(key, str) and _SURROGATE.search(key):
                    return top
                stack.append((top, inner))
        elif isinstance(value, (list, tuple)):
            stack.extend((top, inner) for inner in value)
    return None


def _colliding(names: Iterable[tuple[str, str]]) -> list[str] | None:
    """The input fields of the first ``(column, field)`` pairs that share a column."""
    seen: dict[str, list[str]] = {}
    for column, name in names:
        seen.setdefault(column, []).append(name)
    return next((group for group in seen.values() if len(group) > 1), None)


def _resolve(fields: Mapping[str, Any], columns: Mapping[str, str] | None,
             where: Mapping[str, Any]) -> dict[str, str | None]:
    """For each articles column, the input field it is read from (None: not present).

    Raises:
        MalformedRecordError: two fields are one name in snake_case (``Text`` and
            ``text``): which one holds the value is ambiguous.
    """
    same = _colliding((snake_case(str(key)), str(key)) for key in fields)
    if same:
        raise MalformedRecordError(
            f"fields {', '.join(map(repr, same))} are one name once spelled alike "
            f"({snake_case(same[0])!r}); which holds the value is ambiguous",
            field=same[0], **where, hint="Keep one spelling of each field name")
    by_snake = {snake_case(str(key)): key for key in fields}
    sources: dict[str, str | None] = {}
    for column in ARTICLE_COLUMNS:
        if columns and column in columns:
            if columns[column] not in fields:
                raise MissingFieldError(
                    columns[column], f"no field {columns[column]!r} (mapped onto {column}); "
                    f"{_fields_found(fields)}", **where,
                    hint=f"Map {column} from one of those: {_map_hint(column)}")
            sources[column] = columns[column]
        else:
            sources[column] = next(
                (by_snake[alias] for alias in FIELD_ALIASES[column] if alias in by_snake), None)
    return sources


def _fields_found(fields: Mapping[str, Any]) -> str:
    """``the record has: a, b, c`` (at most :data:`FIELDS_LISTED` names)."""
    names = [str(key) for key in fields]
    listed = ", ".join(names[:FIELDS_LISTED])
    more = f" and {len(names) - FIELDS_LISTED} more" if len(names) > FIELDS_LISTED else ""
    return f"the record has: {listed}{more}" if names else "the record has no fields"


def _map_hint(column: str) -> str:
    return f"--map {column}=FIELD (columns={{{column!r}: 'FIELD'}} in Python)"


def _missing(column: str, fields: Mapping[str, Any], where: Mapping[str, Any],
             hint: str = "") -> MissingFieldError:
    """The error for a column none of whose aliases is among the record's fields: it names
    the column, the fields found and how to map one onto it."""
    aliases = ", ".join(FIELD_ALIASES[column])
    return MissingFieldError(
        column, f"no {column} field (looked for: {aliases}); {_fields_found(fields)}",
        **where, hint=f"Map one onto it: {_map_hint(column)}{hint}")


def extra_column(name: str, taken: Iterable[str] = ARTICLE_COLUMNS) -> str:
    """The column an extra input field becomes: its snake_case name, prefixed ``input_``
    when that name is ``taken`` or in :data:`RESERVED_COLUMNS`.

    Example:
        >>> extra_column("Page Number"), extra_column("filename"), extra_column("Title")
        ('page_number', 'input_filename', 'input_title')
    """
    column = snake_case(name) or "field"
    return f"input_{column}" if column in taken or column in RESERVED_COLUMNS else column


def to_row(record: Record, *, columns: Mapping[str, str] | None = None,
           default_outlet: str | None = None) -> dict[str, Any]:
    """One input record as one articles row (a dict keyed by column name).

    Args:
        record: the record and its location.
        columns: articles column -> input field, overriding :data:`FIELD_ALIASES` for the
            columns it names; a named input field must be present in every record.
        default_outlet: the outlet for a record that has none.

    Returns:
        The seven :data:`ARTICLE_COLUMNS` followed by every unused input field under its
        snake_case name (see :func:`extra_column`).

    Raises:
        MissingFieldError: no text, or no outlet and no ``default_outlet``, or an input
            field named in ``columns`` is absent.
        MalformedRecordError: text that is not a string, an id that is not a scalar, or
            two fields that would be one column (``Text`` and ``text``; ``text`` kept as
            ``input_text`` beside a field ``input_text``).
        EncodingError: a lone surrogate in any field (T105).
        DateParseError: a date that cannot be parsed.

    Example:
        >>> from pathlib import Path
        >>> record = Record({"headline": "Hi", "body": "Text."}, "f-1", Path("f.csv"), line=2)
        >>> to_row(record, columns={"title": "headline"}, default_outlet="Gazette")["title"]
        'Hi'
    """
    fields, where = record.fields, record.where()
    unencodable = _lone_surrogate_field(fields)
    if unencodable is not None:
        raise EncodingError("a lone surrogate escape (such as \\ud800) that no UTF-8 text "
                            "can hold", field=unencodable, **where,
                            hint="Surrogate escapes must come in pairs; fix or drop it")
    sources = _resolve(fields, columns, where)

    def value(column: str) -> Any:
        return None if sources[column] is None else fields[sources[column]]

    def name(column: str) -> str:
        return sources[column] or column

    text = None if is_missing(value("text")) else value("text")
    if text is not None and not isinstance(text, str):
        raise MalformedRecordError(f"expected a string, got {type(text).__name__}",
                                   field=name("text"), **where)
    if sources["text"] is None:
        raise _missing("text", fields, where)
    if not text or not text.strip():
        raise MissingFieldError(name("text"), **where)
    outlet = _label(value("outlet"), name("outlet"), where) or default_outlet
    if sources["outlet"] is None and not outlet:
        raise _missing("outlet", fields, where,
                       hint="; or give records without one an outlet: --outlet NAME (outlet= in "
                       "Python)")
    if not outlet:
        raise MissingFieldError(name("outlet"), **where,
                                hint="Fill the field, or give records without one an outlet: "
                                "--outlet NAME (outlet= in Python)")
    row: dict[str, Any] = {
        "doc_id": _label(value("doc_id"), name("doc_id"), where) or record.fallback_id,
        "outlet": outlet,
        "published": parse_date(value("published"), field=name("published"), where=where),
        "title": _optional_text(value("title")),
        "url": _optional_text(value("url")),
        "text": text,
        "story": _label(value("story"), name("story"), where),
    }
    used = {source for source in sources.values() if source is not None}
    extras = [(extra_column(str(key)), key) for key in fields if key not in used]
    same = _colliding(extras)
    if same:
        raise MalformedRecordError(
            f"fields {', '.join(map(repr, same))} would both be column "
            f"{extra_column(str(same[0]))!r}", field=same[1], **where,
            hint="Rename one of them")
    row.update((column, fields[key]) for column, key in extras)
    return row


def articles_frame(rows: Iterable[Mapping[str, Any]]) -> pd.DataFrame:
    """The articles DataFrame from rows made by :func:`to_row`.

    Args:
        rows: article rows, in the order they should appear.

    Returns:
        A DataFrame with :data:`ARTICLE_COLUMNS` first (string columns as pandas
        strings, ``published`` as ``datetime64[us]`` with NaT for no date), then the extra
        columns in the order they were first seen; a fresh RangeIndex.

    Example:
        >>> articles_frame([]).columns.tolist()
        ['doc_id', 'outlet', 'published', 'title', 'url', 'text', 'story']
    """
    rows = list(rows)
    order = dict.fromkeys(ARTICLE_COLUMNS)
    for row in rows:
        order.update(dict.fromkeys(row))
    data = {column: [row.get(column) for row in rows] for column in order}
    frame = pd.DataFrame(data, columns=list(order))
    for column in STRING_COLUMNS:
        frame[column] = frame[column].astype("str")
    frame["published"] = pd.Series(data["published"], dtype=PUBLISHED_DTYPE)
    return frame
