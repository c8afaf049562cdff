"""Generic policy frames (Boydstun et al.) scored with seed lexicons, per article and
outlet (toolkit.framing.frames)."""

from __future__ import annotations

import doctest

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from toolkit import config, load_corpus
from toolkit.framing import frames
from toolkit.framing.frames import (
    FRAMES,
    article_frames,
    frame_matches,
    frame_scores,
    frames_of,
    outlet_frames,
)
from toolkit.lexicons import lexicon_sources, load_lexicon
from toolkit.parse import parse


def articles_of(*texts: str, outlets: list[str] | None = None) -> pd.DataFrame:
    return pd.DataFrame({"doc_id": [f"d{i}" for i in range(len(texts))],
                         "outlet": outlets or ["X"] * len(texts), "text": list(texts)})


def scored(nlp, *texts: str, outlets: list[str] | None = None, lexicon: str = "policy_frames"):
    articles = articles_of(*texts, outlets=outlets)
    matches = frame_matches(articles, docs=[nlp(t) for t in texts], lexicon=lexicon)
    return articles, matches, frame_scores(articles, matches)


# --- the lexicon ---------------------------------------------------------------------------
def test_every_codebook_frame_but_other_has_20_to_40_seed_terms():
    table = load_lexicon("policy_frames")
    assert list(table.columns) == ["term", "frame", "pos"]
    sizes = table["frame"].value_counts()
    assert set(sizes.index) == set(FRAMES) - {"other"}
    assert sizes.between(20, 40).all(), sizes.to_dict()
    assert not table.duplicated(["term", "frame"]).any()


def test_the_lexicon_header_paraphrases_every_frame_and_names_the_codebook():
    header = "\n".join(lexicon_sources("policy_frames"))
    for frame in FRAMES:
        assert frame in header
    assert "Boydstun" in header and "Card" in header


# --- matching and scores -------------------------------------------------------------------
def test_hits_per_1000_words_and_the_dominant_frame_are_hand_computed(nlp):
    _, matches, scores = scored(
        nlp, "Police arrested two men after the fraud cost taxpayers millions.")
    assert sorted(matches["text"]) == ["Police", "arrested", "cost", "fraud", "taxpayers"]
    table = scores.set_index("frame")
    assert table.loc["crime_and_punishment", "frame_terms"] == 3
    assert table.loc["economic", "frame_terms"] == 2
    assert table.loc["crime_and_punishment", "frame_terms_per_1000_words"] == pytest.approx(300.0)
    assert table.loc["economic", "frame_terms_per_1000_words"] == pytest.approx(200.0)
    row = article_frames(scores).iloc[0]
    assert (row["frame_terms"], row["dominant_frame"]) == (5, "crime_and_punishment")
    assert row["share_frame_terms_dominant"] == pytest.approx(0.6)
    assert row["frame_terms_per_1000_words"] == pytest.approx(500.0)


def test_ties_go_to_the_frame_listed_first_in_the_codebook(nlp):
    _, _, scores = scored(nlp, "The tax rose and the troops left.")
    assert article_frames(scores).loc[0, "dominant_frame"] == "economic"


def test_an_article_without_frame_terms_is_other(nlp):
    _, matches, scores = scored(nlp, "It rained on Tuesday.")
    assert matches.empty
    row = article_frames(scores).iloc[0]
    assert (row["dominant_frame"], row["frame_terms"]) == ("other", 0)
    assert pd.isna(row["share_frame_terms_dominant"])


def test_parts_of_speech_and_multiword_terms(nlp):
    doc = nlp("The march ended in March. Public opinion turned on health care and the "
              "cost-of-living crisis.")
    assert [(m["text"], m["frame"]) for m in frames_of(doc)] == [
        ("march", "public_opinion"), ("Public opinion", "public_opinion"),
        ("health care", "health_and_safety"), ("cost", "economic")]


def test_a_term_listed_under_two_frames_counts_for_both(nlp, tmp_path):
    lexicon = tmp_path / "frames.tsv"
    lexicon.write_text("# my frames\n# Sources: me (2026)\nterm\tframe\tpos\n"
                       "levy\teconomic\tany\nlevy\tpolitical\tany\nvote\tpolitical\tany\n",
                       encoding="utf-8")
    _, matches, scores = scored(nlp, "The levy passed the vote.", lexicon=str(lexicon))
    assert matches["frame"].tolist() == ["economic", "political", "political"]
    table = scores.set_index("frame")["frame_terms"]
    assert (table["economic"], table["political"]) == (1, 2)


def test_outlets_pool_frame_rates_shares_and_dominance(nlp):
    _, _, scores = scored(nlp, "The tax and the budget rose.", "Police made an arrest.",
                          "The budget hit the troops.", outlets=["A", "A", "B"])
    table = outlet_frames(scores, samples=300).set_index(["outlet", "frame"])
    economic_a = table.loc[("A", "economic")]
    # A: 2 economic hits (tax, budget) in 6 + 4 = 10 words; 4 frame hits in all
    assert (economic_a["articles"], economic_a["frame_terms"], economic_a["words"]) == (2, 2, 10)
    assert economic_a["frame_terms_per_1000_words"] == pytest.approx(200.0)
    assert economic_a["share_frame_terms"] == pytest.approx(0.5)
    assert economic_a["share_articles_dominant"] == pytest.approx(0.5)
    assert table.loc[("A", "crime_and_punishment"), "share_articles_dominant"] == \
        pytest.approx(0.5)
    dominance = table.groupby(level="outlet")["share_articles_dominant"].sum()
    assert dominance.tolist() == [pytest.approx(1.0), pytest.approx(1.0)]
    assert len(table) == 2 * len(FRAMES)


def test_the_module_examples_run():
    assert doctest.testmod(frames).failed == 0


def test_sample_stories_are_dominated_by_their_obvious_frames():
    articles = load_corpus(config.SAMPLE_CORPUS)
    dominant = article_frames(frame_scores(articles, frame_matches(articles, progress=False)))
    by_story = dominant.merge(articles[["doc_id", "story"]]).groupby("story")[
        "dominant_frame"].agg(lambda s: s.value_counts().idxmax())
    assert by_story["e05-border-shelling"] == "security_and_defense"
    assert by_story["e08-rate-decision"] == "economic"
    assert by_story["e03-mayor-probe"] == "crime_and_punishment"
    assert by_story["e07-chemical-leak"] == "health_and_safety"


# --- odd input -----------------------------------------------------------------------------
@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(max_size=80))
def test_frames_never_raise_on_odd_text(nlp, text):
    found = frames_of(nlp(text))
    assert all(m["frame"] in FRAMES and 0 <= m["start"] <= m["end"] <= len(text) for m in found)


def test_empty_tables_stay_empty():
    articles = articles_of("", "  ")
    scores = frame_scores(articles, frame_matches(articles, progress=False))
    assert len(scores) == 2 * len(FRAMES) and scores["frame_terms"].sum() == 0
    assert article_frames(scores)["dominant_frame"].tolist() == ["other", "other"]
    table = outlet_frames(scores)
    assert table.set_index("frame").loc["other", "share_articles_dominant"] == 1.0
    assert outlet_frames(scores.iloc[:0]).empty


# --- the shared corpora ------------------------------------------------------------------
@pytest.mark.shared
@pytest.mark.parametrize("name", ["basil", "news_clusters"])
def test_frames_run_on_the_shared_corpora(corpora, name):
    articles = load_corpus(corpora / name)
    docs = list(parse(articles, progress=False))
    scores = frame_scores(articles, frame_matches(articles, docs=docs))
    per_article = article_frames(scores)
    table = outlet_frames(scores)
    assert len(per_article) == len(articles)
    assert set(per_article["dominant_frame"]) <= set(FRAMES)
    assert table["frame_terms_per_1000_words"].notna().all()
