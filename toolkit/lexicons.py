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
they change on disk (by modification time), and so is whatever a module builds from them
(:func:`compiled`, or :func:`derived` for what is built from a TSV table): this is the one
cache of lexicons in the toolkit. Inside a
:func:`pinned` block (one article's extraction), each is checked for changes once.

Example:
    >>> from toolkit.lexicons import load_lexicon, load_terms
    >>> cues = load_lexicon("attribution_cues")
    >>> list(cues.columns)
    ['cue', 'pos', 'cue_class', 'speech', 'reports']
    >>> "Reuters" in load_terms("media_outlets")
    True
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Hashable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, TypeVar

import pandas as pd

from . import config
from .errors import ParameterError

SUFFIXES = (".tsv", ".txt")
T = TypeVar("T")
# What compiled() returned inside the current pinned() block, by (build, names).
_PINNED: ContextVar[dict | None] = ContextVar("toolkit_pinned_lexicons", default=None)


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
    return _version(name)[0]


@lru_cache(maxsize=256)
def _candidates(name: str, override: str | None) -> tuple[tuple[Path, bool], ...]:
    """Where a lexicon name may live, in order, each with whether it is a path of the
    user's (resolved when found) rather than a file in a lexicon folder."""
    given = Path(name)
    if given.is_absolute() or len(given.parts) > 1:
        return ((given, True),)
    names = [given.name] if given.suffix in SUFFIXES else [given.name + s for s in SUFFIXES]
    folders = [Path(override).resolve(), config.LEXICON_DIR] if override else [config.LEXICON_DIR]
    return (*[(folder / n, False) for folder in folders for n in names], (given, True))


def _version(name: str | Path) -> tuple[Path, int]:
    """The file a lexicon name resolves to and its modification time: one ``stat`` for a
    packaged lexicon, as this runs on every lookup."""
    candidates = _candidates(str(name), os.environ.get("TOOLKIT_LEXICON_DIR"))
    for candidate, users in candidates:
        try:
            status = os.stat(candidate)
        except OSError:
            continue
        if stat.S_ISREG(status.st_mode):
            return (candidate.resolve() if users else candidate), status.st_mtime_ns
    raise ParameterError(
        f"lexicon {str(name)!r} not found "
        f"(looked for {', '.join(str(path) for path, _ in candidates)})",
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
    return _table(*_version(name)).copy()


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
    return _terms(*_version(name))


def compiled(build: Callable[..., T], *names: str | Path) -> T:
    """What ``build`` makes of one or more lexicons, made again when one of their files
    changes (or ``$TOOLKIT_LEXICON_DIR`` points elsewhere), else the cached result.

    Modules that turn lexicons into lookup tables use this rather than a cache of their
    own, so an edited lexicon is seen at once everywhere.

    Args:
        build: called with the resolved path of each lexicon, in order; must be a
            module-level function (it is part of the cache key).
        names: lexicon names or paths (see :func:`lexicon_path`).

    Example:
        >>> def count(path):
        ...     return len(load_terms(path))
        >>> compiled(count, "media_cues") == len(load_terms("media_cues"))
        True
    """
    pins = _PINNED.get()
    if pins is None:
        return _compiled(build, tuple(_version(name) for name in names))
    key = (build, names)
    if key not in pins:
        pins[key] = _compiled(build, tuple(_version(name) for name in names))
    return pins[key]


@contextmanager
def pinned() -> Iterator[None]:
    """A block in which each compiled lexicon is checked for changes once, at its first
    use, instead of at every lookup (the extractor asks thousands of times an article).

    Example:
        >>> with pinned():
        ...     compiled(load_terms, "media_cues") is compiled(load_terms, "media_cues")
        True
    """
    if _PINNED.get() is not None:
        yield
        return
    token = _PINNED.set({})
    try:
        yield
    finally:
        _PINNED.reset(token)


@lru_cache(maxsize=64)
def _compiled(build: Callable[..., T], files: tuple[tuple[Path, int], ...]) -> T:
    return build(*(path for path, _ in files))


@dataclass(frozen=True)
class _FromTable:
    """``build(table, *args)`` of a TSV lexicon's table: a key :func:`compiled` can hash."""

    build: Callable[..., Any]
    args: tuple[Hashable, ...]

    def __call__(self, path: Path) -> Any:
        return self.build(load_lexicon(path), *self.args)


def derived(name: str | Path, build: Callable[..., T], *args: Hashable) -> T:
    """What ``build(table, *args)`` makes of a TSV lexicon, through :func:`compiled`'s
    cache (``build`` a module-level function, ``args`` hashable).

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
    return compiled(_FromTable(build, args), name)


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

