"""Training the cue model: the fit and its count-matching threshold on small invented
examples (features only, no text), and the cross-fitted score on PolNeAR train."""

from __future__ import annotations

import json
import re

import pytest

from toolkit.attribution.learned import CueModel
from toolkit.attribution.training import cross_fitted_scores, fit, main


def examples(n_docs: int = 20) -> list[tuple[list[str], int, str]]:
    """Per document: two cue verbs (``say``) and three that are not (``walk``), and
    one ambiguous verb (``praise``) that is a cue in a quarter of the documents."""
    rows = []
    for d in range(n_docs):
        doc = f"d{d}"
        rows += [(["bias", "lemma=say", "comp=ccomp"], 1, doc)] * 2
        rows += [(["bias", "lemma=walk", "comp=none"], 0, doc)] * 3
        rows.append((["bias", "lemma=praise", "comp=dobj"], int(d % 4 == 0), doc))
    return rows


def test_fit_separates_cues_from_other_verbs():
    weights, threshold = fit(examples())
    model = CueModel(weights, threshold, {})
    assert model.is_cue(["bias", "lemma=say", "comp=ccomp"])
    assert not model.is_cue(["bias", "lemma=walk", "comp=none"])
    assert weights["lemma=say"] > 0 > weights["lemma=walk"]


def test_count_rule_threshold_admits_more_verbs_when_gold_is_unreachable():
    data = examples()
    praise = ["bias", "lemma=praise", "comp=dobj"]
    weights, alone = fit(data, unreachable=0)
    assert not CueModel(weights, alone, {}).is_cue(praise)  # 40 + 20 would overshoot 45
    weights, with_unreachable = fit(data, unreachable=20)
    assert with_unreachable < alone  # 20 gold the rules miss: keep "praise" to reach 65
    assert CueModel(weights, with_unreachable, {}).is_cue(praise)


def test_training_cli_writes_a_loadable_model_without_text(tmp_path, corpora):
    out = tmp_path / "model.json"
    assert main(["--gold", str(corpora / "polnear" / "dev"), "--out", str(out)]) == 0
    data = json.loads(out.read_text())
    assert data["meta"]["trained_on"] == ["polnear/dev"] and 0.1 <= data["threshold"] <= 0.8
    # feature names (a kind, then a lemma, label or pair), never a sentence of the text
    assert all(re.fullmatch(r"[a-z_]+=\S+( \S+)?", name) or name == "bias"
               for name in data["weights"])
    assert CueModel.load(out).weights == data["weights"]


@pytest.mark.shared
@pytest.mark.xdist_group("polnear_train")  # after the density test: the parse is cached
def test_cross_fitted_score_on_train_stays_above_its_measured_floor(corpora):
    scores = cross_fitted_scores(corpora / "polnear" / "train")
    print(json.dumps({k: v for k, v in scores.items() if k != "counts"}))
    assert scores["source_exact"]["f1"] >= 0.665  # measured 0.674 (0.662 before stop 10)
    assert scores["attribution"]["f1"] >= 0.74  # measured 0.748
