"""Sourcing density: hand-computed per-article rates, pooled outlet figures, CIs."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from toolkit.findings import compare_pairs
from toolkit.sourcing import check_cue_classes, cue_classes
from toolkit.sourcing.density import DENSITY, article_density
from toolkit.text import word_table

SPEECH = {"neutral": True, "loaded": True, "belief": False, "finding": False}
RATE = next(m for m in DENSITY.measures if m.name == "attributions_per_100_words")


def attributions(rows):
    frame = pd.DataFrame(rows, columns=["doc_id", "speaker", "speaker_type", "depth",
                                        "cue_class", "sentence"])
    frame["speech"] = frame["cue_class"].map(SPEECH)
    frame["parent_id"] = None
    return frame


def density(articles, rows, sentences=None):
    counts = word_table(articles)
    counts["sentences"] = counts["doc_id"].map(sentences or {}).fillna(0).astype(int)
    return article_density(articles, rows, text_counts=counts)


def outlet_density(per_article, **options):
    return DENSITY.pool_outlets(per_article, **options)


@pytest.fixture
def example():
    articles = pd.DataFrame({
        "doc_id": ["a1", "a2", "b1"], "outlet": ["A", "A", "B"], "story": ["s", "s", "s"],
        "text": ["w " * 150 + '"' + "q " * 50 + '"', "w " * 300, "w " * 75 + '"' + "q " * 25 + '"'],
    })
    rows = attributions([
        ("a1", "Mara Kovell", "person", 0, "neutral", 0),
        ("a1", "Mara Kovell", "person", 1, "loaded", 0),
        ("a1", "officials", "anonymous", 0, "neutral", 2),
        ("a1", "the report", "document", 0, "finding", 3),
        ("a2", "CNBC", "media", 0, "neutral", 1),
        ("b1", "officials", "anonymous", 2, "loaded", 0),
    ])
    return articles, rows


def test_article_rates_are_hand_computable(example):
    articles, rows = example
    table = density(articles, rows, {"a1": 8, "a2": 10, "b1": 4}).set_index("doc_id")
    a1 = table.loc["a1"]
    assert a1["attributions"] == 4
    assert a1["attributions_per_100_words"] == pytest.approx(2.0)  # 4 / 200 words
    assert a1["distinct_sources_per_article"] == 3
    assert a1["share_sentences_attributed"] == pytest.approx(3 / 8)  # sentences 0, 2, 3
    assert a1["share_words_quoted"] == pytest.approx(0.25)
    assert a1["share_named_person"] == pytest.approx(0.5)
    assert a1["share_anonymous"] == pytest.approx(0.25)
    assert a1["share_document"] == pytest.approx(0.25)
    assert a1["share_secondhand"] == pytest.approx(0.25)
    assert a1["share_loaded_cues"] == pytest.approx(1 / 3)  # finding is not a speech cue
    assert table.loc["b1", "share_secondhand"] == 1.0


def test_article_without_attributions_has_zero_rate_and_undefined_shares(example):
    articles, rows = example
    articles = pd.concat([articles, pd.DataFrame({"doc_id": ["c1"], "outlet": ["C"],
                                                  "story": ["s"], "text": ["w " * 50]})])
    table = density(articles, rows).set_index("doc_id")
    assert table.loc["c1", "attributions_per_100_words"] == 0
    assert np.isnan(table.loc["c1", "share_secondhand"])


def test_outlet_figures_pool_numerators_and_denominators(example):
    articles, rows = example
    per_article = density(articles, rows, {"a1": 8, "a2": 10, "b1": 4})
    outlets = outlet_density(per_article, samples=200).set_index("outlet")
    assert outlets.loc["A", "articles"] == 2 and outlets.loc["A", "words"] == 500
    assert outlets.loc["A", "attributions_per_100_words"] == pytest.approx(1.0)  # 5 / 500
    assert outlets.loc["A", "share_media"] == pytest.approx(0.2)
    assert outlets.loc["A", "attributions_per_100_words_low"] <= 1.0 <= \
        outlets.loc["A", "attributions_per_100_words_high"]
    by_story = outlet_density(per_article, by=["outlet", "story"], samples=50)
    assert list(by_story[["outlet", "story"]].itertuples(index=False, name=None)) == [
        ("A", "s"), ("B", "s")]


def _corpus(n_articles, rate, seed):
    rng = np.random.default_rng(seed)
    doc_ids = [f"d{i}" for i in range(n_articles)]
    words = rng.integers(200, 600, n_articles)
    articles = pd.DataFrame({"doc_id": doc_ids, "outlet": "A", "story": None,
                             "text": ["w " * int(w) for w in words]})
    counts = rng.poisson(rate * words / 100)
    rows = attributions([(d, "x", "person", 0, "neutral", 0)
                         for d, c in zip(doc_ids, counts) for _ in range(c)])
    return density(articles, rows)


def test_confidence_intervals_shrink_with_more_articles():
    widths = []
    for n in (10, 40, 160):
        row = outlet_density(_corpus(n, rate=2.0, seed=n)).iloc[0]
        low, high = row["attributions_per_100_words_low"], row["attributions_per_100_words_high"]
        widths.append(high - low)
    assert widths[0] > widths[1] > widths[2] > 0
    assert widths[2] < widths[0] / 3  # ~1/sqrt(n): 16x the articles, ~4x narrower


def test_compare_flags_real_differences_not_noise():
    low, high = _corpus(60, rate=1.0, seed=1), _corpus(60, rate=3.0, seed=2)
    high["outlet"] = "B"
    same = _corpus(60, rate=1.0, seed=3)
    same["outlet"] = "C"
    table = compare_pairs(pd.concat([low, high, same]), RATE)
    pairs = {(r.outlet_a, r.outlet_b): r.exceeds_uncertainty for r in table.itertuples()}
    assert pairs[("A", "B")] and pairs[("B", "C")]
    assert not pairs[("A", "C")]


def test_rates_divide_by_words_not_by_punctuation():
    articles = pd.DataFrame({"doc_id": ["a"], "outlet": ["A"], "story": [None],
                             "text": ["w " * 96 + "— • — • w w w w"]})  # 100 words, 4 marks
    rows = attributions([("a", "x", "person", 0, "neutral", 0)] * 2)
    table = density(articles, rows)
    assert table.loc[0, "words"] == 100
    assert table.loc[0, "attributions_per_100_words"] == pytest.approx(2.0)


def test_speech_cues_follow_the_speech_flag_of_each_row(example):
    articles, rows = example
    rows = pd.concat([rows, attributions([("a2", "Ana", "person", 0, "declared", 1)])],
                     ignore_index=True)
    rows.loc[rows.index[-1], "speech"] = True  # a speech class the lexicon adds
    table = density(articles, rows).set_index("doc_id")
    assert table.loc["a2", ["speech_cues", "neutral_cues", "loaded_cues"]].tolist() == [2, 1, 0]
    assert table.loc["a2", "share_neutral_cues"] == pytest.approx(0.5)


def test_cue_classes_come_from_the_cue_lexicon_plus_the_learned_models(tmp_path, monkeypatch):
    assert cue_classes() == ("neutral", "loaded", "belief", "finding", "other")
    (tmp_path / "attribution_cues.tsv").write_text(
        "# Sources: test\ncue\tpos\tcue_class\tspeech\nsay\tVERB\tneutral\tyes\n"
        "declare\tVERB\tdeclared\tyes\n", encoding="utf-8")
    monkeypatch.setenv("TOOLKIT_LEXICON_DIR", str(tmp_path))
    assert cue_classes() == ("neutral", "declared", "other")
    assert check_cue_classes(["declared"]) == ["declared"]
