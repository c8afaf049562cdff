"""The command line of issue 3: ``toolkit attributions`` (JSONL, CSV, Parquet) and
``toolkit evaluate attributions --gold DIR``.

The corpus and gold files are written for these tests.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from toolkit.attribution.extract import ATTRIBUTION_COLUMNS, TABLE_COLUMNS
from toolkit.cli import main

RECORDS = [
    {"doc_id": "ledger-1", "outlet": "The Ledger", "published": "2024-03-01",
     "text": 'Mara Kovell said the pier was unsafe. "We will act," Tomas Rell told Channel 9.'},
    {"doc_id": "relay-1", "outlet": "Daily Relay", "published": "2024-03-02",
     "text": "Officials warned the plan would fail. The ferry left at noon."},
    {"doc_id": "relay-2", "outlet": "Daily Relay", "published": "2024-03-02",
     "text": "Nothing was said."},
]
EXPECTED = [  # (doc_id, speaker, speaker_type, kind, chain names)
    ("ledger-1", "Mara Kovell", "person", "indirect", ["The Ledger", "Mara Kovell"]),
    ("ledger-1", "Tomas Rell", "person", "direct", ["The Ledger", "Channel 9", "Tomas Rell"]),
    ("relay-1", "Officials", "anonymous", "indirect", ["Daily Relay", "Officials"]),
]


@pytest.fixture
def corpus(tmp_path) -> Path:
    path = tmp_path / "corpus.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in RECORDS), encoding="utf-8")
    return path


def summary(records: list[dict]) -> list[tuple]:
    return [(r["doc_id"], r["speaker"], r["speaker_type"], r["kind"],
             [hop["name"] for hop in r["chain"]]) for r in records]


def check_record(record: dict) -> None:
    assert list(record) == TABLE_COLUMNS
    text = next(r["text"] for r in RECORDS if r["doc_id"] == record["doc_id"])
    assert text[record["content_start"]:record["content_end"]] == record["content"]
    assert text[record["cue_start"]:record["cue_end"]] == record["cue"]
    assert isinstance(record["chain"], list)
    assert all(set(hop) == {"name", "type", "cue"} for hop in record["chain"])
    assert record["depth"] == len(record["chain"]) - 2


def toolkit_command() -> list[str]:
    script = shutil.which("toolkit", path=str(Path(sys.executable).parent))
    return [script] if script else [sys.executable, "-m", "toolkit.cli"]


def test_attributions_command_writes_one_json_record_per_line(corpus, tmp_path):
    out = tmp_path / "out" / "attributions.jsonl"
    result = subprocess.run([*toolkit_command(), "attributions", str(corpus), "-o", str(out)],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert "3 attributions from 3 articles" in result.stdout
    lines = out.read_text(encoding="utf-8").splitlines()
    records = [json.loads(line) for line in lines]
    assert len(lines) == 3
    for record in records:
        check_record(record)
    assert summary(records) == EXPECTED
    assert records[1]["chain"][1] == {"name": "Channel 9", "type": "media", "cue": "told"}
    assert records[0]["parent_id"] is None and records[0]["speaker_role"] is None
    assert len({r["attribution_id"] for r in records}) == 3


def test_attributions_command_writes_csv_with_json_encoded_lists(corpus, tmp_path, capsys):
    out = tmp_path / "attributions.csv"
    assert main(["attributions", str(corpus), "-o", str(out), "--output-format", "csv"]) == 0
    assert "(csv)" in capsys.readouterr().out
    table = pd.read_csv(out)
    assert list(table.columns) == TABLE_COLUMNS
    records = table.to_dict("records")
    for record in records:
        record["chain"] = json.loads(record["chain"])
        record["content_parts"] = json.loads(record["content_parts"])
        assert record["content_parts"] == [[record["content_start"], record["content_end"]]]
    assert summary(records) == EXPECTED


def test_attributions_command_writes_parquet(corpus, tmp_path):
    out = tmp_path / "attributions.parquet"
    assert main(["attributions", str(corpus), "-o", str(out)]) == 0
    table = pd.read_parquet(out)
    assert list(table.columns) == TABLE_COLUMNS
    records = table.to_dict("records")
    for record in records:
        record["chain"] = [dict(hop) for hop in record["chain"]]
    assert summary(records) == EXPECTED


def test_output_format_flag_overrides_the_file_suffix(corpus, tmp_path):
    out = tmp_path / "attributions.data"
    assert main(["attributions", str(corpus), "-o", str(out), "--output-format", "parquet"]) == 0
    assert len(pd.read_parquet(out)) == 3


def test_attributions_command_on_a_corpus_without_attributions_writes_an_empty_file(tmp_path):
    corpus = tmp_path / "quiet.jsonl"
    corpus.write_text(json.dumps({"doc_id": "q", "outlet": "The Ledger",
                                  "text": "The ferry left at noon."}) + "\n")
    out = tmp_path / "out.jsonl"
    assert main(["attributions", str(corpus), "-o", str(out)]) == 0
    assert out.read_text(encoding="utf-8").strip() == ""


@pytest.mark.parametrize("argv, words", [
    (["attributions", "--help"], ["--output-format", "jsonl", "csv", "parquet", "-o"]),
    (["evaluate", "attributions", "--help"], ["GOLD", "Jaccard", "--pred"]),
])
def test_help_documents_the_options(argv, words, capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(argv)
    assert exit_info.value.code == 0
    out = capsys.readouterr().out
    for word in words:
        assert word in out


def test_attributions_command_without_output_is_a_usage_error(corpus, capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["attributions", str(corpus)])
    assert exit_info.value.code == 2
    assert "-o" in capsys.readouterr().err


# --- toolkit evaluate attributions -----------------------------------------------------


@pytest.fixture
def gold_dir(tmp_path) -> Path:
    text = "Mara Kovell said the pier was unsafe. Officials warned the plan would fail."
    (tmp_path / "gold" / "text").mkdir(parents=True)
    (tmp_path / "gold" / "attributions").mkdir()
    (tmp_path / "gold" / "text" / "g1.txt").write_text(text, encoding="utf-8")
    (tmp_path / "gold" / "attributions" / "g1_a.ann").write_text(
        "T1\tSource 0 11\tMara Kovell\nT2\tCue 12 16\tsaid\nT3\tContent 17 36\tthe pier was "
        "unsafe\nT4\tAttribution 12 16\tsaid\nE1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n"
        "T5\tCue 48 54\twarned\nT6\tContent 55 74\tthe plan would fail\n"
        "T7\tAttribution-no-source 48 54\twarned\nE2\tAttribution-no-source:T7 Content:T6 "
        "Cue:T5\n", encoding="utf-8")
    return tmp_path / "gold"


def test_evaluate_command_prints_one_json_line_of_scores(gold_dir, capsys):
    assert main(["evaluate", "attributions", "--gold", str(gold_dir)]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert len(lines) == 1
    scores = json.loads(lines[0])
    assert scores["attribution"] == {"precision": 1.0, "recall": 1.0, "f1": 1.0}
    # the extractor gives "Officials" a source where the gold has none
    assert scores["source_exact"] == {"precision": 0.5, "recall": 1.0, "f1": 0.6667}
    assert scores["speech_cue_recall"] == 1.0
    assert scores["failed_documents"] == []


def test_evaluate_command_scores_a_predictions_file(gold_dir, tmp_path, capsys):
    pred = tmp_path / "pred.jsonl"
    row = dict.fromkeys(ATTRIBUTION_COLUMNS)
    row.update({"attribution_id": "g1-a001", "doc_id": "g1", "content_start": 17,
                "content_end": 36, "cue_start": 12, "cue_end": 16, "source_start": 0,
                "source_end": 11})
    pred.write_text(json.dumps(row) + "\n", encoding="utf-8")
    assert main(["evaluate", "attributions", str(gold_dir), "--pred", str(pred)]) == 0
    scores = json.loads(capsys.readouterr().out)
    assert scores["attribution"] == {"precision": 1.0, "recall": 0.5, "f1": 0.6667}
    assert scores["source_exact"] == {"precision": 1.0, "recall": 1.0, "f1": 1.0}


def test_evaluate_command_on_a_folder_without_gold_layout_fails_cleanly(tmp_path, capsys):
    assert main(["evaluate", "attributions", "--gold", str(tmp_path)]) == 1
    assert "text" in capsys.readouterr().err
