"""Selecting articles by outlet, date window and story, with clear errors."""

from __future__ import annotations

import pandas as pd
import pytest

from toolkit.errors import ParameterError
from toolkit.selection import resolve_corpus_path, select_articles


@pytest.fixture
def articles() -> pd.DataFrame:
    return pd.DataFrame({
        "doc_id": ["a1", "a2", "b1", "b2", "c1"],
        "outlet": ["A", "A", "B", "B", "C"],
        "published": pd.to_datetime(["2024-01-01 00:00", "2024-01-15 18:30", "2024-01-15 00:00",
                                     "2024-02-01 00:00", None]),
        "story": ["s1", "s2", "s1", "s2", "s1"],
        "text": ["x"] * 5,
    })


def test_outlets_all_or_empty_keeps_everything(articles):
    assert len(select_articles(articles, outlets="all")) == 5
    assert len(select_articles(articles, outlets=[])) == 5
    assert select_articles(articles, outlets="B")["doc_id"].tolist() == ["b1", "b2"]


def test_date_window_is_inclusive_of_whole_end_day(articles):
    kept = select_articles(articles, date_from="2024-01-15", date_to="2024-01-15")
    assert kept["doc_id"].tolist() == ["a2", "b1"]


def test_story_filter(articles):
    assert select_articles(articles, story="s2")["doc_id"].tolist() == ["a2", "b2"]


def test_min_articles_drops_small_outlets(articles):
    assert set(select_articles(articles, min_articles=2)["outlet"]) == {"A", "B"}


def test_unknown_outlet_is_named_with_the_known_ones(articles):
    with pytest.raises(ParameterError, match=r"\['Z'\] not in the corpus.*A, B, C"):
        select_articles(articles, outlets=["A", "Z"])


def test_empty_date_window_is_an_error_not_an_empty_report(articles):
    with pytest.raises(ParameterError, match="no article published"):
        select_articles(articles, date_from="2030-01-01")
    with pytest.raises(ParameterError, match="after date_to"):
        select_articles(articles, date_from="2024-02-01", date_to="2024-01-01")
    with pytest.raises(ParameterError, match="not a date"):
        select_articles(articles, date_from="next tuesday-ish")


def test_missing_corpus_path_is_a_parameter_error(tmp_path):
    with pytest.raises(ParameterError, match="does not exist"):
        resolve_corpus_path(tmp_path / "nope.jsonl")
    assert resolve_corpus_path("sample").name == "articles.jsonl"
