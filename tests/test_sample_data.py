"""The bundled sample corpus (data/sample) is what its datasheet says it is."""

from __future__ import annotations

import json
import subprocess
import sys

import pandas as pd

from toolkit import config, load_corpus
from toolkit.corpus import summarize


def gold() -> pd.DataFrame:
    lines = (config.SAMPLE_DIR / "gold_attributions.jsonl").read_text().splitlines()
    return pd.DataFrame([json.loads(line) for line in lines])


def test_sample_has_four_outlets_covering_the_same_eight_events():
    articles = load_corpus(config.SAMPLE_CORPUS)
    assert len(articles) == 32 and articles["doc_id"].is_unique
    assert summarize(articles)["outlets"] == {
        "Daily Relay": 8, "The Capital Whisper": 8, "The Harbor Ledger": 8,
        "The Patriot Beacon": 8}
    assert (articles.groupby("story")["outlet"].nunique() == 4).all()
    assert articles["story"].nunique() == 8
    words = articles["text"].str.split().str.len()
    assert words.between(250, 900).all()


def test_gold_offsets_index_into_the_loaded_text():
    texts = load_corpus(config.SAMPLE_CORPUS).set_index("doc_id")["text"]
    rows = gold()
    assert rows["doc_id"].nunique() >= 8 and len(rows) >= 100
    for row in rows.itertuples():
        text = texts[row.doc_id]
        assert text[row.content_start:row.content_end] == row.content
        if pd.notna(row.cue):
            assert text[int(row.cue_start):int(row.cue_end)] == row.cue
        if pd.notna(row.source):
            assert text[int(row.source_start):int(row.source_end)] == row.source
        assert row.depth == len(row.chain) - 2


def test_datasheet_checks_and_gold_builder_agree_with_the_files(tmp_path):
    check = subprocess.run([sys.executable, str(config.SAMPLE_DIR / "check_sample.py")],
                           capture_output=True, text=True)
    assert check.returncode == 0, check.stdout + check.stderr
    assert "all checks passed" in check.stdout
