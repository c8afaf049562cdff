"""config: where the toolkit finds its data, lexicons and cache.

Paths resolve from the package location, so notebooks and the CLI behave the same from
any working directory. Environment variables override the defaults:

- ``TOOLKIT_CACHE_DIR``: parse cache (default ``<project>/.cache/toolkit``).
- ``TOOLKIT_SHARED_DIR``: the shared research corpora (default ``<project>/../shared``).
- ``TOOLKIT_SPACY_MODEL``: the spaCy pipeline to load (see :mod:`toolkit.nlp`).

Example:
    >>> from toolkit import config
    >>> (config.SAMPLE_DIR / "articles.jsonl").name
    'articles.jsonl'
"""

from __future__ import annotations

import os
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = PACKAGE_DIR.parent
LEXICON_DIR = PACKAGE_DIR / "lexicons"
DATA_DIR = PROJECT_DIR / "data"
SAMPLE_DIR = DATA_DIR / "sample"
SAMPLE_CORPUS = SAMPLE_DIR / "articles.jsonl"
NOTEBOOK_DIR = PROJECT_DIR / "notebooks"
REPORT_DIR = PROJECT_DIR / "reports"


def cache_dir() -> Path:
    """The parse cache root: ``$TOOLKIT_CACHE_DIR`` or ``<project>/.cache/toolkit``."""
    return Path(os.environ.get("TOOLKIT_CACHE_DIR") or PROJECT_DIR / ".cache" / "toolkit")


def shared_dir() -> Path:
    """The shared research data folder: ``$TOOLKIT_SHARED_DIR`` or ``<project>/../shared``."""
    return Path(os.environ.get("TOOLKIT_SHARED_DIR") or PROJECT_DIR.parent / "shared")


def corpora_dir() -> Path:
    """``<shared>/corpora``: PolNeAR, BASIL, news clusters and AllSides, read in place."""
    return shared_dir() / "corpora"
