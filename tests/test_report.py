"""Papermill renders the notebooks into executed .ipynb, HTML without code, and tables."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from toolkit import config
from toolkit.errors import ParameterError
from toolkit.report import (
    RenderStatus,
    find_notebook,
    list_notebooks,
    render_all,
    render_notebook,
)

pytestmark = pytest.mark.slow


def test_every_notebook_is_committed_without_outputs():
    for path in list_notebooks():
        notebook = json.loads(path.read_text())
        code = [c for c in notebook["cells"] if c["cell_type"] == "code"]
        assert all(not c["outputs"] and c["execution_count"] is None for c in code), path.name
        tagged = [c for c in code if "parameters" in c["metadata"].get("tags", [])]
        assert len(tagged) == 1, f"{path.name} needs exactly one parameters cell"


def test_overview_renders_on_the_sample_with_its_tables(tmp_path, capfd):
    result = render_notebook("00", parameters={"output_dir": str(tmp_path / "tables")},
                             out_dir=tmp_path)
    assert result.status == "ok", result.error
    assert "without encryption" not in capfd.readouterr().err  # IPC, not TCP
    html = result.html.read_text(encoding="utf-8")
    assert "Coverage at a glance" in html and "<img" in html
    assert "check_parameters(globals())" not in html  # code cells are left out
    overview = pd.read_parquet(tmp_path / "tables" / "outlet_overview.parquet")
    assert overview["articles"].sum() == 32 and len(overview) == 4
    assert (tmp_path / "tables" / "outlet_coverage.png").stat().st_size > 1000


def test_a_failing_notebook_is_reported_with_its_cell(tmp_path):
    result = render_notebook("00", parameters={"outlets": ["No Such Outlet"]}, out_dir=tmp_path)
    assert result.status == RenderStatus.FAILED
    error = result.error
    assert (error.notebook, error.ename) == ("00_corpus_overview", "ParameterError")
    assert "No Such Outlet" in error.evalue and error.cell_index == 4
    assert str(error).startswith("[T402] notebook '00_corpus_overview', cell 4: ParameterError")
    assert result.html.exists()  # the half-run report still shows where it stopped


def test_parallel_reports_land_in_a_relative_out_dir(tmp_path, monkeypatch):
    """Papermill changes the working directory while a notebook runs: two notebooks at
    once must still write every file under ``--out``, resolved where the user stands."""
    monkeypatch.chdir(tmp_path)
    results = render_all(["00", "04"], parameters={"corpus": str(config.SAMPLE_CORPUS)},
                         out_dir="reports/run", jobs=2)
    out = tmp_path / "reports" / "run"
    assert [r.status for r in results] == ["ok", "ok"]
    for name in ("00_corpus_overview", "04_outlet_report"):
        assert (out / f"{name}.html").exists() and any((out / name).iterdir())
    assert not (config.NOTEBOOK_DIR / "reports").exists()
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "<b>Corpus overview</b>" in index and "What is in the corpus" in index
    assert "corpus: ../../" in index and str(tmp_path) not in index  # paths relative
    assert "outlet: Daily Relay (chosen by the report)" in index  # 04 picked it
    assert "output_dir" not in index


def test_unknown_notebook_name_lists_the_available_ones():
    with pytest.raises(ParameterError, match="00_corpus_overview"):
        find_notebook("99_nothing")


def test_grid_renders_one_report_per_point_with_a_top_index(tmp_path):
    from toolkit.report import _slug, render_grid

    runs = render_grid({"outlets": [["Daily Relay"], ["The Harbor Ledger"]]}, ["00"],
                       parameters={"corpus": "sample"}, out_dir=tmp_path)
    assert [point for point, _ in runs] == [{"outlets": ["Daily Relay"]},
                                           {"outlets": ["The Harbor Ledger"]}]
    assert all(r.status == "ok" for _, results in runs for r in results)
    relay = _slug({"outlets": ["Daily Relay"]})
    assert relay.startswith("outlets-Daily_Relay-")
    overview = pd.read_parquet(
        tmp_path / relay / "00_corpus_overview" / "outlet_overview.parquet")
    assert overview["outlet"].tolist() == ["Daily Relay"]
    index = (tmp_path / "index.html").read_text()
    assert f"{_slug({'outlets': ['The Harbor Ledger']})}/index.html" in index


def test_a_parameter_no_notebook_takes_is_refused_before_running(tmp_path):
    from toolkit.report import render_all

    with pytest.raises(ParameterError, match="outlts"):
        render_all(["00"], parameters={"outlts": ["A"]}, out_dir=tmp_path)
    assert not (tmp_path / "00_corpus_overview.ipynb").exists()
