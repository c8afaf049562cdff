"""The toolkit command line: one vocabulary across verbs, help with defaults, corpus info
with helpful rejects, report on a corpus with its own column names, and error exits."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from toolkit.cli import build_parser, main, report_parameters

RECORDS = [
    {"id": "r1", "paper": "The Ledger", "body": "The mayor said the bridge would reopen.",
     "day": "2024-03-01"},
    {"id": "r2", "paper": "The Ledger", "body": "Officials warned of more rain.",
     "day": "2024-03-02"},
    {"id": "r3", "paper": "Daily Relay", "body": "", "day": "2024-03-02"},
]

VERBS = [["corpus", "info"], ["parse"], ["attributions"], ["sourcing"], ["framing"],
         ["stories"], ["annotate"], ["store", "verify"], ["evaluate", "attributions"],
         ["evaluate", "stories"], ["report"]]
CORPUS_VERBS = {  # verb -> what it writes to -o/--out (None: nothing)
    ("corpus", "info"): None, ("parse",): None, ("attributions",): "a.csv",
    ("sourcing",): "folder", ("framing",): "folder", ("stories",): "s.jsonl",
    ("annotate",): "store", ("evaluate", "stories"): None, ("report",): "reports",
}


@pytest.fixture
def corpus(tmp_path):
    path = tmp_path / "mine.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in RECORDS) + "\n", encoding="utf-8")
    return path


def help_text(verb, capsys) -> str:
    with pytest.raises(SystemExit) as exit_:
        build_parser().parse_args([*verb, "--help"])
    assert exit_.value.code == 0
    return capsys.readouterr().out


# --- one vocabulary ---------------------------------------------------------------------

@pytest.mark.parametrize("verb", list(CORPUS_VERBS), ids=" ".join)
def test_every_corpus_verb_takes_corpus_format_and_map_alike(verb):
    args = build_parser().parse_args([*verb, "export.dat", "--format", "csv", "--map",
                                      "outlet=newspaper", "--map", "text=body",
                                      *(["-o", "x"] if CORPUS_VERBS[verb] else [])])
    assert (args.corpus, args.format, args.map) == ("export.dat", "csv",
                                                    ["outlet=newspaper", "text=body"])


@pytest.mark.parametrize("verb", [v for v, out in CORPUS_VERBS.items() if out], ids=" ".join)
@pytest.mark.parametrize("flag", ["-o", "--out", "--output"])
def test_every_verb_that_writes_takes_o_and_out(verb, flag):
    args = build_parser().parse_args([*verb, "sample", flag, CORPUS_VERBS[verb]])
    assert args.out == CORPUS_VERBS[verb]


@pytest.mark.parametrize("verb", [["attributions"], ["stories"]], ids=" ".join)
def test_the_output_format_is_output_format_where_it_is_a_choice(verb):
    args = build_parser().parse_args([*verb, "sample", "-o", "out.data", "--output-format",
                                      "parquet"])
    assert args.output_format == "parquet" and args.format is None


def test_report_takes_the_corpus_positionally_or_as_the_older_option():
    parser = build_parser()
    assert parser.parse_args(["report", "mine.csv"]).corpus == "mine.csv"
    assert parser.parse_args(["report", "--corpus", "mine.csv"]).corpus == "mine.csv"
    assert parser.parse_args(["report"]).corpus is None
    assert parser.parse_args(["report"]).out == "reports/latest"


def test_evaluate_attributions_takes_the_gold_folder_positionally_or_as_gold():
    parser = build_parser()
    assert parser.parse_args(["evaluate", "attributions", "g"]).gold == "g"
    assert parser.parse_args(["evaluate", "attributions", "--gold", "g"]).gold == "g"


def test_a_verb_that_writes_names_o_out_when_it_is_missing(capsys):
    with pytest.raises(SystemExit) as exit_:
        build_parser().parse_args(["sourcing", "sample"])
    assert exit_.value.code == 2
    assert "-o/--out is required" in capsys.readouterr().err


def test_report_map_and_format_become_the_columns_and_format_parameters(corpus):
    args = build_parser().parse_args(["report", str(corpus), "--format", "jsonl", "--map",
                                      "outlet=paper", "--map", "text=body"])
    assert report_parameters(args) == {"corpus": str(corpus.resolve()), "format": "jsonl",
                                       "columns": {"outlet": "paper", "text": "body"}}


def test_report_columns_can_be_given_as_a_yaml_mapping_parameter(corpus):
    args = build_parser().parse_args(["report", str(corpus), "-p", "columns",
                                      "{outlet: paper, text: body}"])
    assert report_parameters(args)["columns"] == {"outlet": "paper", "text": "body"}


# --- help -------------------------------------------------------------------------------

@pytest.mark.parametrize("verb", VERBS, ids=" ".join)
def test_every_verb_has_help_without_formatting_leaks(verb, capsys):
    out = help_text(verb, capsys)
    assert out.startswith(f"usage: toolkit {' '.join(verb)}")
    assert "%%" not in out and "%(" not in out


@pytest.mark.parametrize("verb, defaults", [
    (["corpus", "info"], ["outlets and rejects listed (default: 20)"]),
    (["parse"], ["(default: 1)", "texts per batch (default: 64)"]),
    (["annotate"], ["articles per shard (default: 500)", "(default: 1)"]),
    (["stories"], ["(default: 30)", "(default: 0.2)", "from the file name, else jsonl"]),
    (["evaluate", "stories"], ["(default: 30)", "(default: 0.2)", "(default: 0)"]),
    (["evaluate", "attributions"], ["(default: 1)"]),
    (["report"], ["output folder (default: reports/latest)", "(default: 1)"]),
])
def test_help_shows_the_defaults(verb, defaults, capsys):
    out = " ".join(help_text(verb, capsys).split())  # unwrapped
    for default in defaults:
        assert default in out
    assert "(default: None)" not in out and "(default: False)" not in out


def test_sourcing_help_says_95_percent(capsys):
    assert "95% bootstrap" in " ".join(help_text(["sourcing"], capsys).split())


def test_format_help_lists_the_registered_formats(capsys):
    out = " ".join(help_text(["corpus", "info"], capsys).split())
    assert "jsonl, json, csv, tsv, parquet" in out and "basil" in out


# --- corpus info ------------------------------------------------------------------------

def test_corpus_info_with_column_mapping_counts_and_lists_rejects(corpus, capsys):
    argv = ["corpus", "info", str(corpus), "--map", "outlet=paper", "--map", "text=body",
            "--map", "published=day", "--json"]
    assert main(argv) == 0
    summary = json.loads(capsys.readouterr().out)
    assert summary["articles"] == 2 and summary["rejected"] == 1
    assert summary["records_read"] == 3
    assert summary["outlets"] == {"The Ledger": 2}
    assert summary["words"] == 12


def test_corpus_info_names_the_line_and_field_of_a_reject(corpus, capsys):
    assert main(["corpus", "info", str(corpus), "--map", "outlet=paper", "--map",
                 "text=body"]) == 0
    out = capsys.readouterr().out
    assert "records read: 3; rejected: 1" in out
    assert "mine.jsonl line 3, field 'body': [T102]" in out and "record 3" not in out


def test_corpus_info_on_unmapped_columns_names_the_field_the_columns_and_map(tmp_path,
                                                                           capsys):
    path = tmp_path / "export.csv"
    pd.DataFrame({"paper": ["The Ledger", "Daily Relay"], "day": ["2024-03-01"] * 2,
                  "story_body": ["The mayor spoke.", "Rain fell."]}).to_csv(path, index=False)
    assert main(["corpus", "info", str(path)]) == 0
    out = capsys.readouterr().out
    assert "records read: 2; rejected: 2" in out
    assert ("export.csv line 2, field 'text': [T102] no text field (looked for: text, "
            "content, body") in out
    assert "the record has: paper, day, story_body" in out and "line 3" in out
    assert out.count("hint:") == 1  # said once, not once per record
    assert "hint: Map one onto it: --map text=FIELD (columns={'text': 'FIELD'} in Python)" in out
    assert main(["corpus", "info", str(path), "--map", "text=story_body", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["rejected"] == 2  # no outlet either
    assert main(["corpus", "info", str(path), "--map", "text=story_body", "--map",
                 "outlet=paper", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["articles"] == 2


def test_corpus_info_counts_records_of_a_json_array_as_records(tmp_path, capsys):
    path = tmp_path / "a.json"
    path.write_text(json.dumps([{"outlet": "G", "text": "Fine."}, {"outlet": "G"}]),
                    encoding="utf-8")
    assert main(["corpus", "info", str(path)]) == 0
    assert "a.json record 2, field 'text': [T102]" in capsys.readouterr().out


# --- parse and errors -------------------------------------------------------------------

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
    assert "--map expects FIELD=INPUT" in capsys.readouterr().err
    assert main(["evaluate", "attributions"]) == 1
    assert "no gold folder given" in capsys.readouterr().err


# --- report on a corpus with its own column names ---------------------------------------

@pytest.mark.slow
@pytest.mark.xdist_group("reports")
def test_report_reads_a_csv_with_its_own_column_names_through_map_and_format(tmp_path,
                                                                           capsys):
    path = tmp_path / "export.dat"  # a name that says nothing: --format csv is needed
    pd.DataFrame({
        "uid": ["a1", "a2", "b1"], "paper": ["The Ledger", "The Ledger", "Daily Relay"],
        "story_body": ["The mayor said the bridge would reopen on Monday.",
                       "Officials warned of more rain, according to the council.",
                       "A spokesperson said the ferry was cancelled."],
        "day": ["2024-03-01", "2024-03-02", "2024-03-02"],
        "headline": ["Bridge to reopen", "More rain", "Ferry cancelled"],
    }).to_csv(path, index=False)
    out = tmp_path / "reports"
    assert main(["report", str(path), "--format", "csv", "--map", "outlet=paper", "--map",
                 "text=story_body", "--map", "published=day", "--map", "doc_id=uid",
                 "--notebook", "00", "-o", str(out)]) == 0, capsys.readouterr().err
    html = (out / "00_corpus_overview.html").read_text(encoding="utf-8")
    assert "3 articles" in html and "Daily Relay" in html and "The Ledger" in html
    assert main(["report", str(path), "--notebook", "00", "-o", str(tmp_path / "no")]) == 1
    err = capsys.readouterr().err
    assert "[T106]" in err and "with --format" in err
