"""The code base passes ruff with the project's configuration (pyproject.toml)."""

from __future__ import annotations

import subprocess
import sys

from toolkit import config


def test_ruff_finds_nothing():
    result = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "toolkit", "tests", "benchmarks", "data"],
        cwd=config.PROJECT_DIR, capture_output=True, text=True, check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
