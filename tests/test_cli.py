"""The toolkit command line: corpus info, parse, help and error exits."""

from __future__ import annotations

import json

import pytest

from toolkit.cli import build_parser, main

RECORDS = [
    {"id": "r1", "paper": "The Ledger", "body": "The mayor said the bridge would reopen.",
     "day": "2024-03-01"},
    {"id": "r2", "paper": "The Ledger", "body": "Officials warned of more rain.",
     "day": "2024-03-02"},
    {"id": "r3", "paper": "Daily Relay", "body": "", "day": "2024-03-02"},
]


@pytest.fixture
def corpus(tmp_path):
    path = tmp_path / "mine.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in RECORDS) + "\n", encoding="utf-8")
    return path


def test_corpus_info_with_column_mapping_counts_and_lists_rejects(corpus, capsys):
    argv = ["corpus", "info", str(corpus), "--map", "outlet=paper", "--map", "text=body",
            "--map", "published=day", "--json"]
    assert main(argv) == 0
    summary = json.loads(capsys.readouterr().out)
    assert summary["articles"] == 2 and summary["rejected"] == 1
    assert summary["records_read"] == 3
    assert summary["outlets"] == {"The Ledger": 2}
    assert summary["words"] == 12


def test_corpus_info_text_output_names_the_reject(corpus, capsys):
    assert main(["corpus", "info", str(corpus), "--map", "outlet=paper", "--map",
                 "text=body"]) == 0
    out = capsys.readouterr().out
    assert "records read: 3; rejected: 1" in out
    assert "T102" in out and "record 3" in out


def test_parse_fills_the_cache_then_hits_it(corpus, tmp_path, capsys):
    argv = ["parse", str(corpus), "--map", "outlet=paper", "--map", "text=body",
            "--cache-dir", str(tmp_path / "c")]
    corpus.write_text("\n".join(json.dumps(r) for r in RECORDS[:2]) + "\n", encoding="utf-8")
    assert main(argv) == 0
    assert json.loads(capsys.readouterr().out)["parsed"] == 2
    assert main(argv) == 0
    assert json.loads(capsys.readouterr().out) == {
        "articles": 2, "cache_hits": 2, "parsed": 0, "rebuilt_shards": 0}


def test_errors_exit_1_with_the_coded_message(tmp_path, capsys):
    assert main(["corpus", "info", str(tmp_path / "missing.jsonl")]) == 1
    assert "[T401]" in capsys.readouterr().err
    assert main(["parse", "sample", "--map", "nonsense"]) == 1
    assert "--map expects FIELD=INPUT_FIELD" in capsys.readouterr().err


@pytest.mark.parametrize("verb", [["corpus", "info"], ["parse"], ["report"]])
def test_every_verb_has_help(verb, capsys):
    with pytest.raises(SystemExit) as exit_:
        build_parser().parse_args([*verb, "--help"])
    assert exit_.value.code == 0
    assert "usage: toolkit" in capsys.readouterr().out
