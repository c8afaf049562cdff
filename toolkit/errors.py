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
    default_reason = "required field is missing or empty"

    def __init__(self, field: str, reason: str | None = None, **where) -> None:
        super().__init__(reason, field=field, **where)


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


# --- parameters and reports (T4xx) -----------------------------------------------------
class ParameterError(ToolkitError):
    """A notebook, CLI or function parameter is invalid."""

    code = "T401"
    default_reason = "invalid parameter"


class ReportError(ToolkitError):
    """A notebook failed while rendering a report: which notebook, which cell, what was
    raised (papermill's execution error, in the toolkit's words).

    Attributes:
        notebook: the notebook's name.
        cell_index: the failing cell's position in the executed notebook (0-based; the
            cell Papermill injects counts), or ``None`` when no cell failed.
        ename, evalue: the exception's name and message.

    Example:
        >>> str(ReportError("04_outlet_report", cell_index=3, ename="KeyError", evalue="'x'"))
        "[T402] notebook '04_outlet_report', cell 3: KeyError: 'x'"
    """

    code = "T402"
    default_reason = "report notebook failed"

    def __init__(self, notebook: str, *, cell_index: int | None = None,
                 ename: str | None = None, evalue: str | None = None,
                 reason: str | None = None) -> None:
        self.notebook, self.cell_index = notebook, cell_index
        self.ename, self.evalue = ename, evalue
        raised = f"{ename}: {evalue}" if ename else None
        super().__init__("; ".join(part for part in (raised, reason) if part) or None)

    @property
    def location(self) -> str:
        cell = f", cell {self.cell_index}" if self.cell_index is not None else ""
        return f"notebook {self.notebook!r}{cell}"

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
    """Base class of the toolkit's coded warnings (in the manner of spaCy's ``Warnings``):
    something was repaired, changed or skipped on purpose, the data is still whole, and the
    run goes on.

    Example:
        >>> str(RenamedFieldWarning(str(RenamedFieldWarning("kept as input_filename"))))
        '[W101] kept as input_filename'
        >>> str(CacheWarning("checksum mismatch", file="cache/ab.spacy"))
        '[T301] cache/ab.spacy: checksum mismatch; the shard is deleted and its articles re-parsed'
    """

    code = "W000"
    consequence = ""

    def __init__(self, message: str, *, file: str | Path | None = None) -> None:
        prefix = f"[{self.code}] "
        if message.startswith(prefix):  # once, also when a warning is rebuilt from its text
            super().__init__(message)
            return
        where = f"{file}: " if file is not None else ""
        tail = f"; {self.consequence}" if self.consequence else ""
        super().__init__(f"{prefix}{where}{message}{tail}")


class CacheWarning(ToolkitWarning):
    """A parse-cache shard was unreadable or inconsistent; it is being rebuilt."""

    code = "T301"
    consequence = "the shard is deleted and its articles re-parsed"


class RenamedFieldWarning(ToolkitWarning):
    """Input fields whose names the toolkit reserves were kept under ``input_<name>``."""

    code = "W101"
