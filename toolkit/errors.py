"""errors: the ToolkitError family, each with a stable searchable code.

Every error says where the problem is (file, line or record, field) and what to do
next, in the manner of spaCy's coded messages (``[T101] ...``).

Example:
    >>> err = MissingFieldError("text", file="a.jsonl", line=3)
    >>> str(err)
    "[T102] a.jsonl, line 3, field 'text': required field is missing or empty"
"""

from __future__ import annotations

from pathlib import Path


class ToolkitError(Exception):
    """Base class of every error the toolkit raises on purpose.

    Attributes:
        code: stable code such as ``"T101"``.
        file: the file the problem is in, when there is one.
        line: 1-based line number (text formats) or record index (other formats).
        field: the field or column concerned.
        reason: the bare explanation, without the location.
    """

    code = "T000"
    default_reason = "toolkit error"

    def __init__(
        self,
        reason: str | None = None,
        *,
        file: str | Path | None = None,
        line: int | None = None,
        record: int | str | None = None,
        field: str | None = None,
        hint: str | None = None,
    ) -> None:
        self.reason = reason or self.default_reason
        self.file = str(file) if file is not None else None
        self.line = line
        self.record = record
        self.field = field
        self.hint = hint
        super().__init__(self._format())

    @property
    def location(self) -> str:
        """``file, line N, field 'x'``: the parts that are known, comma-separated."""
        parts = []
        if self.file:
            parts.append(self.file)
        if self.line is not None:
            parts.append(f"line {self.line}")
        if self.record is not None:
            parts.append(f"record {self.record}")
        if self.field:
            parts.append(f"field {self.field!r}")
        return ", ".join(parts)

    def _format(self) -> str:
        where = self.location
        text = f"[{self.code}] {where}: {self.reason}" if where else f"[{self.code}] {self.reason}"
        return f"{text}. {self.hint}" if self.hint else text


# --- corpus loading (T1xx) -------------------------------------------------------------
class CorpusError(ToolkitError):
    """A corpus file or record could not be loaded."""

    code = "T100"


class MalformedRecordError(CorpusError):
    """A record is not valid JSON/CSV/Parquet, or not an object."""

    code = "T101"
    default_reason = "malformed record"


class MissingFieldError(CorpusError):
    """A required field (text, outlet, doc_id) is missing or empty."""

    code = "T102"

    def __init__(self, field: str, **where) -> None:
        super().__init__("required field is missing or empty", field=field, **where)


class DuplicateIdError(CorpusError):
    """Two records share a doc_id."""

    code = "T103"
    default_reason = "duplicate doc_id"


class DateParseError(CorpusError):
    """A date field holds something that is not a date."""

    code = "T104"
    default_reason = "unparseable date"


class EncodingError(CorpusError):
    """Bytes that are not valid UTF-8."""

    code = "T105"
    default_reason = "not valid UTF-8"


class UnknownLayoutError(CorpusError):
    """The path is neither a known file format nor a known corpus layout, or ``format=``
    names no registered reader."""

    code = "T106"
    default_reason = "unknown corpus format or layout"


class EmptyCorpusError(CorpusError):
    """The path holds no articles at all."""

    code = "T107"
    default_reason = "no articles found"


class CompressedFileError(CorpusError):
    """A compressed corpus file is truncated or corrupt. It stops the whole load, even
    with ``errors="collect"``: nothing after the damage can be read or trusted."""

    code = "T108"
    default_reason = "corrupt compressed file"


# --- NLP pipeline (T2xx) ---------------------------------------------------------------
class PipelineNotFoundError(ToolkitError):
    """No trained spaCy pipeline could be loaded."""

    code = "T201"
    default_reason = "no trained spaCy English pipeline is installed"


# --- parse cache (T3xx) ----------------------------------------------------------------
class CacheError(ToolkitError):
    """The parse cache could not be used."""

    code = "T301"
    default_reason = "parse cache error"


# --- parameters and reports (T4xx) -----------------------------------------------------
class ParameterError(ToolkitError):
    """A notebook, CLI or function parameter is invalid."""

    code = "T401"
    default_reason = "invalid parameter"


class ReportError(ToolkitError):
    """A notebook failed while rendering a report."""

    code = "T402"
    default_reason = "report notebook failed"


# --- annotation stores (T5xx) ----------------------------------------------------------
class StoreError(ToolkitError):
    """An annotation store (``toolkit annotate``) cannot be read or written."""

    code = "T500"
    default_reason = "store error"


class DamagedShardError(StoreError):
    """A finished shard's file is missing, or its size or checksum is not the one recorded
    when it was written; ``toolkit annotate`` redoes the shard."""

    code = "T501"
    default_reason = "damaged store shard"


class StoreLockedError(StoreError):
    """Another ``toolkit annotate`` run is writing the store."""

    code = "T502"
    default_reason = "the store is being annotated by another run"


# --- warnings ----------------------------------------------------------------------------
class ToolkitWarning(UserWarning):
    """Base class of the toolkit's coded warnings (``[W101] ...``): something was changed
    or skipped on purpose, and the data is still whole.

    Example:
        >>> str(RenamedFieldWarning(str(RenamedFieldWarning("kept as input_filename"))))
        '[W101] kept as input_filename'
    """

    code = "W000"

    def __init__(self, message: str) -> None:
        prefix = f"[{self.code}] "  # once, also when a warning is rebuilt from its text
        super().__init__(message if message.startswith(prefix) else prefix + message)


class RenamedFieldWarning(ToolkitWarning):
    """Input fields whose names the toolkit reserves were kept under ``input_<name>``."""

    code = "W101"
