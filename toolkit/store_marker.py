"""store_marker: what makes a folder a store, told without importing the store.

A store made by ``toolkit annotate`` is a folder holding :data:`MARKER`. The store module
imports spaCy and the analysis; this one imports nothing, so opening a corpus folder
(``toolkit corpus info FOLDER``) can ask whether it is a store and stay light.

Example:
    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> is_store(folder), (folder / MARKER).touch(), is_store(folder)
    (False, None, True)
"""

from __future__ import annotations

from pathlib import Path

MARKER = "_store.json"


def is_store(path: str | Path) -> bool:
    """Whether ``path`` is a store folder made by :func:`toolkit.store.annotate`."""
    return (Path(path) / MARKER).is_file()
