"""Adversarial: output names from corpus strings are unique and safe (issue 12, D13).

Outlet names and doc ids become folder and file names; ``/``, ``..`` and names that differ
only in such characters must neither collide nor escape the output folder.
"""

from __future__ import annotations

import json
import re

import pytest

from toolkit import config
from toolkit.cli import main
from toolkit.filenames import safe_name
from toolkit.notebook import save_table


def test_names_that_differ_only_in_unsafe_characters_stay_apart():
    names = ["Fox News", "Fox/News", "Fox_News", "Fox\\News", "..", ".", "", "a" * 300,
             "Fox News\n", "新闻", "ニュース"]
    safe = [safe_name(name) for name in names]
    assert len(set(safe)) == len(names)
    assert all(re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._-]{0,79}", name) for name in safe)
    assert safe_name("Fox_News") == "Fox_News"  # a safe name is kept as it is


def test_a_table_named_by_a_doc_id_with_slashes_stays_in_its_folder(tmp_path):
    import pandas as pd

    save_table(pd.DataFrame({"a": [1]}), "chains_../../escape/doc", str(tmp_path / "out"))
    written = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert len(written) == 2 and all(p.endswith((".parquet", ".csv")) for p in written)
    assert not (tmp_path / "escape").exists()


def _sample_with(tmp_path, rename_outlets=None, rename_ids=None):
    rows = [json.loads(line) for line in config.SAMPLE_CORPUS.read_text().splitlines()]
    for row in rows:
        row["outlet"] = (rename_outlets or {}).get(row["outlet"], row["outlet"])
        row["doc_id"] = rename_ids(row["doc_id"]) if rename_ids else row["doc_id"]
    path = tmp_path / "corpus.jsonl"
    path.write_text("\n".join(json.dumps(row) for row in rows) + "\n", encoding="utf-8")
    return path


@pytest.mark.slow
def test_one_report_per_outlet_gives_each_outlet_its_own_folder(tmp_path, capsys):
    corpus = _sample_with(tmp_path, {"Daily Relay": "Fox News", "The Harbor Ledger": "Fox/News",
                                     "The Capital Whisper": "Fox News", "The Patriot Beacon":
                                     "Fox/News"})
    out = tmp_path / "reports"
    assert main(["report", "--corpus", str(corpus), "--notebook", "04", "--per", "outlet",
                 "--out", str(out)]) == 0, capsys.readouterr().err
    folders = sorted(p for p in out.iterdir() if p.is_dir())
    assert len(folders) == 2
    index = (out / "index.html").read_text(encoding="utf-8")
    links = re.findall(r'href="([^"]+/index\.html)"', index)
    assert sorted(links) == sorted(f"{folder.name}/index.html" for folder in folders)
    reports = [(folder / "04_outlet_report.html").read_text(encoding="utf-8")
               for folder in folders]
    assert "Fox/News: 16 articles" in reports[0] + reports[1]
    assert "Fox News: 16 articles" in reports[0] + reports[1]


@pytest.mark.slow
def test_the_quote_chain_report_renders_doc_ids_holding_slashes(tmp_path, capsys):
    corpus = _sample_with(tmp_path, rename_ids=lambda doc_id: f"site/{doc_id}/../x")
    assert main(["report", "--corpus", str(corpus), "--notebook", "02", "--out",
                 str(tmp_path / "out")]) == 0, capsys.readouterr().err
    figures = list((tmp_path / "out" / "02_quote_chains").glob("chains_*.png"))
    assert figures and all(f.parent.name == "02_quote_chains" for f in figures)
