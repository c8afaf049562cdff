"""lexicons: load the editable word lists in ``toolkit/lexicons/`` (or a user's own).

Lexicons are data, not code: researchers edit or replace them without touching Python.
Two formats, both UTF-8:

- ``.tsv``: tab-separated table; the first line that is not a comment names the columns.
- ``.txt``: one term a line.

In both, lines starting with ``#`` are comments, and the ones at the top of the file are its
header, which names the sources the list draws on (:func:`lexicon_sources`). Blank lines
are skipped.

A ``name`` is either a lexicon's name (``"attribution_cues"``, with or without its
suffix), looked up first in ``$TOOLKIT_LEXICON_DIR`` (when set) and then in the packaged
folder, so an override folder need only hold the files it replaces; or a path to a file
of your own (``"my_lists/cues.tsv"``), used as given. Files are read once and cached until
they change on disk; so is what a module builds from a lexicon (a compiled matcher, a set
of terms): :func:`derived` is the one cache for it, keyed by the file's modification time.

Example:
    >>> from toolkit.lexicons import load_lexicon, load_terms
    >>> cues = load_lexicon("attribution_cues")
    >>> list(cues.columns)
    ['cue', 'pos', 'cue_class', 'speech']
    >>> "Reuters" in load_terms("media_outlets")
    True
"""

from __future__ import annotations

import os
from collections.abc import Callable, Hashable
from functools import lru_cache
from pathlib import Path
from typing import TypeVar

import pandas as pd

from . import config
from .errors import ParameterError

SUFFIXES = (".tsv", ".txt")
T = TypeVar("T")


def lexicon_dirs() -> list[Path]:
    """The folders searched for a lexicon given by name, in order.

    ``$TOOLKIT_LEXICON_DIR`` (when set) comes first, then the packaged folder.

    Example:
        >>> lexicon_dirs()[-1] == config.LEXICON_DIR
        True
    """
    override = os.environ.get("TOOLKIT_LEXICON_DIR")
    return [Path(override), config.LEXICON_DIR] if override else [config.LEXICON_DIR]


def lexicon_path(name: str | Path) -> Path:
    """Resolve a lexicon name or a path to the file that will be read.

    Args:
        name: a packaged lexicon's name (``"media_outlets"`` or ``"media_outlets.txt"``)
            or the path of a file of your own.

    Raises:
        ParameterError: no such lexicon or file.

    Example:
        >>> lexicon_path("media_cues").name
        'media_cues.txt'
    """
    given = Path(name)
    if given.is_absolute() or len(given.parts) > 1:
        candidates = [given]
    else:
        names = [given.name] if given.suffix in SUFFIXES else [given.name + s for s in SUFFIXES]
        candidates = [folder / n for folder in lexicon_dirs() for n in names] + [given]
    for candidate in candidates:
        if candidate.is_file():
            return candidate.resolve()
    raise ParameterError(
        f"lexicon {str(name)!r} not found (looked for {', '.join(map(str, candidates))})",
        hint="Give the name of a file in toolkit/lexicons/ or the path of your own file",
    )


def _read_lines(path: Path) -> list[str]:
    try:
        return path.read_text(encoding="utf-8").splitlines()
    except UnicodeDecodeError as exc:
        raise ParameterError(f"lexicon is not valid UTF-8 ({exc.reason})", file=path) from exc


@lru_cache(maxsize=64)
def _table(path: Path, mtime_ns: int) -> pd.DataFrame:
    columns: list[str] | None = None
    rows: list[list[str]] = []
    for number, line in enumerate(_read_lines(path), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = [cell.strip() for cell in line.split("\t")]
        if columns is None:
            columns = cells
        elif len(cells) != len(columns):
            raise ParameterError(
                f"expected {len(columns)} tab-separated columns ({', '.join(columns)}), "
                f"found {len(cells)}",
                file=path,
                line=number,
                hint="Separate cells with one tab character each",
            )
        else:
            rows.append(cells)
    if columns is None:
        raise ParameterError("lexicon has no column header line", file=path)
    return pd.DataFrame(rows, columns=columns, dtype=str)


@lru_cache(maxsize=64)
def _terms(path: Path, mtime_ns: int) -> frozenset[str]:
    lines = (line.strip() for line in _read_lines(path))
    return frozenset(line for line in lines if line and not line.startswith("#"))


def load_lexicon(name: str | Path) -> pd.DataFrame:
    """A TSV lexicon as a DataFrame of strings (a fresh copy: safe to modify).

    Args:
        name: a lexicon name or a path (see :func:`lexicon_path`).

    Raises:
        ParameterError: the file is missing, has no header line, or a row has the wrong
            number of columns (the message names the file and line).

    Example:
        >>> cues = load_lexicon("attribution_cues")
        >>> cues.loc[cues["cue"] == "claim", "cue_class"].iloc[0]
        'loaded'
    """
    path = lexicon_path(name)
    return _table(path, path.stat().st_mtime_ns).copy()


def load_terms(name: str | Path) -> frozenset[str]:
    """A one-term-a-line lexicon as a set of stripped terms (case kept).

    Args:
        name: a lexicon name or a path (see :func:`lexicon_path`).

    Raises:
        ParameterError: the file is missing.

    Example:
        >>> "newspaper" in load_terms("media_cues")
        True
    """
    path = lexicon_path(name)
    return _terms(path, path.stat().st_mtime_ns)


def lexicon_sources(name: str | Path) -> list[str]:
    """The header of a lexicon: its leading ``#`` lines, without the ``#``.

    Args:
        name: a lexicon name or a path (see :func:`lexicon_path`).

    Example:
        >>> any("Hyland" in line for line in lexicon_sources("attribution_cues"))
        True
    """
    header = []
    for line in _read_lines(lexicon_path(name)):
        stripped = line.strip()
        if stripped and not stripped.startswith("#"):
            break
        text = stripped.lstrip("#").strip()
        if text:
            header.append(text)
    return header


@lru_cache(maxsize=64)
def _derived(path: Path, mtime_ns: int, build: Callable[..., T], args: tuple) -> T:
    return build(_table(path, mtime_ns).copy(), *args)


def derived(name: str | Path, build: Callable[..., T], *args: Hashable) -> T:
    """What ``build(table, *args)`` makes of a TSV lexicon, built once and cached until the
    file changes on disk (``build`` a module-level function, ``args`` hashable).

    Raises:
        ParameterError: the file is missing or malformed (see :func:`load_lexicon`).

    Example:
        >>> def loaded_cues(table):
        ...     return frozenset(table.loc[table["cue_class"] == "loaded", "cue"])
        >>> "claim" in derived("attribution_cues", loaded_cues)
        True
        >>> derived("attribution_cues", loaded_cues) is derived("attribution_cues", loaded_cues)
        True
    """
    path = lexicon_path(name)
    return _derived(path, path.stat().st_mtime_ns, build, args)
