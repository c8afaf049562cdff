"""Women among the people quoted: per article, per outlet with intervals, the same from a
store as in memory (identities are corpus-wide, never per shard)."""

from __future__ import annotations

import pandas as pd
import pytest

from toolkit import analyze, config, load_corpus
from toolkit.store import annotate, store_tables


@pytest.fixture(scope="module")
def sample_tables():
    return analyze(load_corpus(config.SAMPLE_CORPUS), keyterms=False)


def test_the_share_of_women_pools_each_outlets_people_of_known_gender(sample_tables):
    per_article = sample_tables["gender_per_article"]
    pooled = sample_tables["gender_by_outlet"].set_index("outlet")
    sums = per_article.groupby("outlet")[["women_quoted", "gendered_quoted"]].sum()
    expected = sums["women_quoted"] / sums["gendered_quoted"]
    pd.testing.assert_series_equal(pooled["share_women_quoted"], expected, check_names=False)
    assert (pooled["share_women_quoted_low"] <= pooled["share_women_quoted"]).all()
    assert (pooled["share_women_quoted"] <= pooled["share_women_quoted_high"]).all()
    assert (per_article["people_quoted"] == per_article["gendered_quoted"]
            + per_article["gender_unknown_quoted"]).all()


def test_a_person_is_counted_once_per_article_under_any_of_their_names(sample_tables):
    rows = sample_tables["attributions"]
    people = rows[(rows["speaker_type"] == "person") & rows["speaker_id"].notna()]
    distinct = people.drop_duplicates(["doc_id", "speaker_id"]).groupby("doc_id").size()
    counted = sample_tables["gender_per_article"].set_index("doc_id")["people_quoted"]
    assert (counted.reindex(distinct.index) == distinct).all()


@pytest.mark.slow
def test_a_store_in_small_shards_gives_the_same_identities_and_shares(sample_tables, tmp_path):
    annotate(config.SAMPLE_CORPUS, tmp_path / "store", shard_size=5, progress=False)
    stored = store_tables(tmp_path / "store")
    pd.testing.assert_frame_equal(stored["gender_by_outlet"], sample_tables["gender_by_outlet"])
    assert set(stored["speakers"]["speaker_id"]) == set(sample_tables["speakers"]["speaker_id"])
