"""detect: which reader a corpus path needs, from its file extension or folder layout.

A file is recognised by its extension (``.jsonl``/``.jsonl.gz`` peeked at for the
AllSides fields, ``.json`` for a news-please article); a folder by what it holds, in this
order: PolNeAR, BASIL, news-please, HTML pages, .txt files.

Example:
    >>> from toolkit import config
    >>> detect_format(config.corpora_dir() / "polnear" / "dev")  # doctest: +SKIP
    'polnear'
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from ..errors import EmptyCorpusError, ParameterError, UnknownLayoutError
from .formats import HTML_SUFFIXES, files_with_suffix, is_hidden
from .layouts import POLNEAR_METADATA

FORMATS: tuple[str, ...] = (
    "jsonl", "json", "csv", "tsv", "parquet", "txt", "txt_dir", "html",
    "polnear", "basil", "newsplease", "allsides",
)
"""Every value ``load_corpus(format=...)`` accepts."""

FILE_FORMATS = frozenset({"jsonl", "json", "csv", "tsv", "parquet", "txt", "allsides"})
FOLDER_FORMATS = frozenset({"txt_dir", "polnear", "basil"})
# "html" and "newsplease" read one file or a folder of them.

_SUFFIXES: tuple[tuple[str, str], ...] = (
    (".jsonl.gz", "jsonl"), (".jsonl", "jsonl"), (".ndjson", "jsonl"), (".json", "json"),
    (".csv", "csv"), (".tsv", "tsv"), (".tab", "tsv"), (".parquet", "parquet"),
    (".pq", "parquet"), (".txt", "txt"), (".html", "html"), (".htm", "html"),
)


def _first_jsonl_object(path: Path) -> dict:
    """The first record of a JSON Lines file, or ``{}`` if it is not a JSON object."""
    opener = gzip.open if path.name.lower().endswith(".gz") else open
    try:
        with opener(path, "rb") as handle:
            line = next((raw for raw in handle if raw.strip()), b"")
        value = json.loads(line.decode("utf-8-sig"))
    except (OSError, EOFError, ValueError):  # the reader reports these, record by record
        return {}
    return value if isinstance(value, dict) else {}


def _json_object_keys(path: Path) -> set[str]:
    """The top-level keys of a JSON file holding one object; empty for anything else."""
    try:
        data = path.read_bytes()
        if not data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{"):
            return set()
        value = json.loads(data.decode("utf-8-sig"))
    except (OSError, ValueError):  # the reader reports these
        return set()
    return set(value) if isinstance(value, dict) else set()


def _detect_file(path: Path) -> str:
    name = path.name.lower()
    fmt = next((fmt for suffix, fmt in _SUFFIXES if name.endswith(suffix)), None)
    if fmt == "jsonl" and {"content_original", "source"} <= _first_jsonl_object(path).keys():
        return "allsides"
    if fmt == "json" and "source_domain" in _json_object_keys(path):
        return "newsplease"
    if fmt is None:
        raise UnknownLayoutError(
            f"unknown file type; supported formats: {', '.join(FORMATS)}", file=path,
            hint="Pass format= to read it as one of them")
    return fmt


def _detect_folder(path: Path) -> str:
    if not any(p.is_file() and not is_hidden(p) for p in path.rglob("*")):
        raise EmptyCorpusError("the folder holds no files", file=path)
    if (path / POLNEAR_METADATA).is_file() and any(path.glob("*/text/*.txt")):
        return "polnear"
    if (path.parent / POLNEAR_METADATA).is_file() and any(path.glob("text/*.txt")):
        return "polnear"
    basil = sorted(path.glob("articles/*/*.json")) or sorted(path.glob("*/*.json"))
    if basil and "body-paragraphs" in _json_object_keys(basil[0]):
        return "basil"
    json_files = files_with_suffix(path, (".json",))
    if json_files and "source_domain" in _json_object_keys(json_files[0]):
        return "newsplease"
    if files_with_suffix(path, HTML_SUFFIXES):
        return "html"
    if files_with_suffix(path, (".txt",)):
        return "txt_dir"
    raise UnknownLayoutError(
        "not a known corpus layout (PolNeAR, BASIL, news-please, or a folder of .html or "
        f".txt files); supported formats: {', '.join(FORMATS)}", file=path,
        hint="Pass format= if it is one of them, or convert it to JSONL")


def detect_format(path: Path) -> str:
    """The :data:`FORMATS` value for a corpus file or folder.

    Args:
        path: an existing file or folder.

    Returns:
        One of :data:`FORMATS`.

    Raises:
        ParameterError: the path does not exist.
        EmptyCorpusError: a folder with no files in it.
        UnknownLayoutError: anything else it cannot place; the message lists the formats.

    Example:
        >>> import tempfile
        >>> folder = Path(tempfile.mkdtemp())
        >>> _ = (folder / "a.txt").write_text("Hi.", encoding="utf-8")
        >>> detect_format(folder), detect_format(folder / "a.txt")
        ('txt_dir', 'txt')
    """
    if path.is_file():
        return _detect_file(path)
    if path.is_dir():
        return _detect_folder(path)
    raise ParameterError(f"corpus path {str(path)!r} does not exist", field="path")
