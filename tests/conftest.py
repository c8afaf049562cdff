"""Shared fixtures: the trained pipeline, a private parse cache, the shared corpora."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from toolkit import config

# A test cache of its own, never the project's: shared by the xdist workers of a run (the
# cache is safe for concurrent writers) and kept between local runs; a clean clone starts
# it empty, so CI parses everything once per run.
os.environ.setdefault("TOOLKIT_CACHE_DIR", str(config.PROJECT_DIR / ".cache" / "toolkit-tests"))
os.environ.setdefault("TOOLKIT_PROGRESS", "0")


@pytest.fixture(scope="session")
def nlp():
    """The trained English pipeline, loaded once."""
    from toolkit.nlp import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def corpora() -> Path:
    """``../shared/corpora``; tests using it skip with a message where it is absent."""
    path = config.corpora_dir()
    if not path.is_dir():
        pytest.skip(f"shared research corpora not found at {path} (set TOOLKIT_SHARED_DIR); "
                    "CI always has them")
    return path


@pytest.fixture(scope="session")
def seed_text() -> str:
    """The Newsmax article the project started from (../shared/seed)."""
    path = config.shared_dir() / "seed" / "crimea_newsmax_2023.txt"
    if not path.exists():
        pytest.skip(f"seed article not found at {path}")
    return path.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def sample_reports(tmp_path_factory):
    """Every notebook rendered once on the sample corpus (folder, results by notebook)."""
    from toolkit.report import render_all

    out = tmp_path_factory.mktemp("sample-reports")
    results = render_all(parameters={"corpus": str(config.SAMPLE_CORPUS)}, out_dir=out, jobs=2)
    return out, {r.notebook: r for r in results}


@pytest.fixture(scope="session")
def sample_answer_key():
    """``data/sample/check_sample.py`` as a module: the sample's answer-key tables
    (``SCARE_QUOTES``, ``TRAVELS``, ``SPEAKER_GENDERS``)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "check_sample", config.SAMPLE_DIR / "check_sample.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
