"""toolkit evaluate speakers: the shared speaker scorer's protocol, figure for figure.

The shared scorer (../shared/gold/score_speakers.py) is loaded where it lies and run on
the same prediction files as the toolkit's command; their figures must be equal. Unit
tests use invented gold lines (fictional people and outlets).
"""

from __future__ import annotations

import importlib.util
import json
import random

import pytest

from toolkit import config
from toolkit.cli import main
from toolkit.evaluate_speakers import (
    commonest_errors,
    confusion_table,
    half,
    judge,
    predict,
    read_jsonl,
    score_speakers,
)


@pytest.fixture(scope="module")
def shared_scorer():
    path = config.shared_dir() / "gold" / "score_speakers.py"
    if not path.exists():
        pytest.skip(f"shared speaker scorer not found at {path}")
    spec = importlib.util.spec_from_file_location("shared_score_speakers", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def gold_rows():
    path = config.shared_dir() / "gold" / "polnear_dev_speakers.jsonl"
    if not path.exists():
        pytest.skip(f"speaker gold not found at {path}")
    return read_jsonl(path)


def perturbed(gold_rows: list[dict], seed: int) -> list[dict]:
    """Predictions made from the gold with every kind of mistake the scorer judges:
    shifted spans, dropped and extra rows, surnames, titles, wrong names and types,
    relays dropped, added, reordered, given as a chain, or naming the outlet."""
    rng = random.Random(seed)
    rows = []
    for g in gold_rows:
        if rng.random() < 0.15:
            continue
        p = {k: g[k] for k in ("doc_id", "content_start", "content_end", "cue_start",
                               "cue_end", "speaker", "speaker_type")}
        shift = rng.choice([0, 0, 3, 40])
        p["content_start"] += shift
        if rng.random() < 0.2:
            p["cue_start"] = p["cue_end"] = None
        roll = rng.random()
        name = g["speaker"] or ""
        if roll < 0.1:
            p["speaker"] = name.split()[-1] if name else None
        elif roll < 0.2:
            p["speaker"] = f"Sen. {name}" if name else "they"
        elif roll < 0.3:
            p["speaker"] = rng.choice(["Ruth Ambler", None, float("nan"), "", "Officials"])
        if rng.random() < 0.2:
            p["speaker_type"] = rng.choice(["person", "anonymous", "unknown", "media"])
        relays = list(g["relays"])
        roll = rng.random()
        if roll < 0.1:
            relays = relays[1:]
        elif roll < 0.2:
            relays.append(rng.choice(["CNN", g["outlet"].replace("-", " "), "Fox News"]))
        elif roll < 0.25:
            relays = [*relays[::-1], "MSNBC's Morning Joe"]
        if rng.random() < 0.3:
            p["chain"] = [{"name": g["outlet"], "type": "media"},
                          *({"name": r, "type": "media"} for r in relays),
                          {"name": p["speaker"], "type": p["speaker_type"]}]
        else:
            p["relays"] = relays
        rows.append(p)
        if rng.random() < 0.05:
            rows.append({**p, "content_start": p["content_start"] + 5, "cue_start": None})
    rng.shuffle(rows)
    return rows


@pytest.mark.parametrize("seed", [1, 2, 3])
@pytest.mark.parametrize("docs", ["all", "first12", "last12"])
def test_toolkit_and_shared_scorer_agree_on_perturbed_predictions(
        shared_scorer, gold_rows, seed, docs, tmp_path):
    gold = half(gold_rows, docs)
    pred = perturbed(gold, seed)
    path = tmp_path / "pred.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in pred), encoding="utf-8")
    theirs = shared_scorer.score(gold, read_jsonl(path))
    assert score_speakers(gold, read_jsonl(path)) == theirs
    assert theirs["matched"] > 0.5 * len(gold) and 0 < theirs["who_through_whom_F1"] < 1


@pytest.mark.shared
def test_toolkit_and_shared_scorer_agree_on_the_extractors_predictions(
        shared_scorer, gold_rows, corpora, tmp_path, capsys):
    pred = predict(gold_rows, corpora / "polnear" / "dev" / "text", progress=False)
    path = tmp_path / "pred.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in pred), encoding="utf-8")
    gold_path = config.shared_dir() / "gold" / "polnear_dev_speakers.jsonl"
    assert main(["evaluate", "speakers", "--gold", str(gold_path), "--pred", str(path),
                 "--json"]) == 0
    ours = json.loads(capsys.readouterr().out)
    assert ours == shared_scorer.score(gold_rows, read_jsonl(path))
    assert ours["gold"] == 692 and ours["pred"] == len(pred)


# --- invented gold ----------------------------------------------------------------------
def line(doc: str, start: int, speaker, kind: str, relays=(), **extra) -> dict:
    return {"doc_id": doc, "outlet": "harbor-ledger", "content_start": start,
            "content_end": start + 20, "cue_start": start + 25, "cue_end": start + 29,
            "speaker": speaker, "speaker_type": kind, "relays": list(relays), **extra}


GOLD = [line("a", 0, "Mara Kovell", "person", ["Channel 9"]),
        line("a", 100, "officials", "anonymous"),
        line("a", 200, "Riverton Council", "government"),
        line("b", 0, "Oskar Lind", "person")]


def test_a_surname_is_the_speaker_of_a_person_and_any_anonymous_holder_counts():
    pred = [line("a", 0, "Kovell", "person", ["Channel 9 Riverton"]),
            line("a", 100, None, "anonymous"),
            line("a", 200, "Calder Basin Authority", "government"),
            line("b", 0, "Lind", "unknown")]
    figures = score_speakers(GOLD, pred)
    assert figures["speaker_lenient_acc"] == 0.75  # another body than the gold's
    assert figures["type_acc"] == 0.75 and figures["relays_acc"] == 1.0
    assert figures["who_through_whom_F1"] == 0.5
    assert figures["type_confusions"] == {"unknown->person": 1}


def test_a_relay_naming_the_articles_own_outlet_is_wrong():
    pred = [line("a", 0, "Mara Kovell", "person", ["Channel 9"]),
            line("a", 100, "officials", "anonymous", ["Harbor Ledger"])]
    figures = score_speakers(GOLD[:2], pred)
    assert figures["relays_acc"] == 0.5 and figures["relayed_precision"] == 0.5


def test_halves_split_the_documents_by_id():
    rows = [{"doc_id": f"d{i:02d}"} for i in range(30)]
    assert {r["doc_id"] for r in half(rows, "first12")} == {f"d{i:02d}" for i in range(12)}
    assert {r["doc_id"] for r in half(rows, "last12")} == {f"d{i:02d}" for i in range(18, 30)}
    assert len(half(rows, "all")) == 30


def test_confusion_table_and_commonest_errors_name_gold_and_prediction():
    pred = [line("a", 0, "Kovell", "person"),
            line("a", 100, "they", "unknown"),
            line("b", 0, "Oskar Lind", "person")]
    judged = judge(GOLD, pred)
    table = confusion_table(judged.judged)
    assert table.loc["anonymous", "unknown"] == 1 and table.loc["person", "person"] == 2
    errors = commonest_errors(judged.judged)
    assert sorted(errors.to_dict("records"), key=lambda r: r["wrong"]) == [
        {"wrong": "relays", "gold_speaker": "Mara Kovell", "gold_type": "person",
         "gold_relays": "Channel 9", "pred_speaker": "Kovell", "pred_type": "person",
         "pred_relays": "-", "count": 1},
        {"wrong": "speaker+type", "gold_speaker": "officials", "gold_type": "anonymous",
         "gold_relays": "-", "pred_speaker": "they", "pred_type": "unknown",
         "pred_relays": "-", "count": 1}]
    assert [g["speaker"] for g in judged.missed] == ["Riverton Council"]


def test_cli_prints_the_figures_the_table_and_the_errors(tmp_path, capsys):
    gold, pred = tmp_path / "gold.jsonl", tmp_path / "pred.jsonl"
    gold.write_text("".join(json.dumps(r) + "\n" for r in GOLD), encoding="utf-8")
    pred.write_text(json.dumps(line("a", 0, "Kovell", "person")) + "\n", encoding="utf-8")
    assert main(["evaluate", "speakers", "--gold", str(gold), "--pred", str(pred)]) == 0
    out = capsys.readouterr().out
    assert "who_through_whom_F1: 0.0" in out and "matched: 1" in out
    assert "rows gold, columns predicted" in out and "Mara Kovell" in out
    assert "3 gold attributions unmatched" in out


def test_a_prediction_line_that_is_not_json_is_a_coded_error(tmp_path, capsys):
    gold, pred = tmp_path / "gold.jsonl", tmp_path / "pred.jsonl"
    gold.write_text(json.dumps(GOLD[0]) + "\n", encoding="utf-8")
    pred.write_text("{not json\n", encoding="utf-8")
    assert main(["evaluate", "speakers", "--gold", str(gold), "--pred", str(pred)]) == 1
    assert "pred.jsonl" in capsys.readouterr().err
