"""The research corpora under ../shared/corpora, read in place (skipped where absent)."""

from __future__ import annotations

import json

import pytest

from toolkit.corpus import ARTICLE_COLUMNS, detect_format, load_corpus, summarize

pytestmark = pytest.mark.shared


def load_clean(path):
    """Load in collect mode and insist nothing was rejected."""
    result = load_corpus(path, errors="collect")
    assert result.rejects.empty, result.rejects.head().to_dict("records")
    assert len(result.articles) == result.records_read
    return result.articles


@pytest.fixture(scope="module")
def polnear(corpora):
    return load_clean(corpora / "polnear")


@pytest.fixture(scope="module")
def allsides(corpora):
    return load_clean(corpora / "allsides_10k.jsonl.gz")


@pytest.mark.parametrize("name, expected", [
    ("polnear", "polnear"), ("polnear/dev", "polnear"), ("basil", "basil"),
    ("basil/articles", "basil"), ("news_clusters", "newsplease"),
    ("allsides_10k.jsonl.gz", "allsides"),
])
def test_shared_layouts_are_detected(corpora, name, expected):
    assert detect_format(corpora / name) == expected


def test_polnear_has_924_articles_from_7_publishers(polnear):
    assert len(polnear) == 924
    assert polnear["doc_id"].is_unique
    assert polnear["outlet"].nunique() == 7
    assert polnear.groupby("outlet").size().eq(132).all()
    assert polnear["split"].value_counts().to_dict() == {"train": 840, "dev": 84}
    assert polnear["published"].notna().all() and polnear["story"].isna().all()
    assert {"author", "credit", "wire", "level", "annotators"} <= set(polnear.columns)


def test_polnear_dev_folder_loads_only_the_84_dev_articles(corpora):
    dev = load_clean(corpora / "polnear" / "dev")
    assert len(dev) == 84 and set(dev["split"]) == {"dev"}
    assert dev["outlet"].nunique() == 7


def test_polnear_text_matches_gold_brat_offsets(corpora):
    root = corpora / "polnear"
    dev = load_clean(root / "dev")
    first = min((root / "dev" / "text").glob("*.txt")).stem
    row = dev.set_index("doc_id").loc[first]
    annotator = row["annotators"].split("|")[0]
    ann = root / "dev" / "attributions" / f"{first}_{annotator}.ann"
    checked = 0
    for entry in ann.read_text(encoding="utf-8").split("\n"):
        parts = entry.split("\t")
        if not entry.startswith("T") or len(parts) != 3 or ";" in parts[1]:
            continue  # relations, events, and discontinuous spans
        _, start, end = parts[1].split(" ")
        assert row["text"][int(start):int(end)] == parts[2], entry
        checked += 1
    assert checked > 10


def test_basil_has_three_outlets_telling_each_story(corpora):
    root = corpora / "basil"
    articles = load_clean(root)
    files = sorted((root / "articles").glob("*/*.json"))
    assert len(articles) == len(files) == 210
    assert articles["doc_id"].tolist() == [f.stem for f in files]
    assert sorted(articles["outlet"].unique()) == ["fox", "hpo", "nyt"]
    per_story = articles.groupby("story")["outlet"].agg(["size", "nunique"])
    assert len(per_story) == 70 and (per_story == 3).all().all()
    source = json.loads(files[0].read_text(encoding="utf-8"))
    expected = "\n\n".join(" ".join(p) for p in source["body-paragraphs"])
    assert articles.loc[0, "text"] == expected
    assert {"uuid", "main_event", "main_entities", "keywords"} <= set(articles.columns)


def test_news_clusters_have_383_articles_94_outlets_69_stories(corpora):
    articles = load_clean(corpora / "news_clusters")
    assert len(articles) == 383
    assert articles["outlet"].nunique() == 94
    assert articles["story"].nunique() == 69 and articles["story"].notna().all()
    assert all(isinstance(story, str) for story in articles["story"])
    assert {"event", "description"} <= set(articles.columns)


def test_allsides_has_10000_rows(allsides):
    assert len(allsides) == 10_000
    assert list(allsides.columns[:7]) == list(ARTICLE_COLUMNS)
    assert allsides["doc_id"].is_unique
    assert allsides["outlet"].nunique() == 288
    assert set(allsides["bias_text"]) == {"left", "center", "right"}
    assert allsides["published"].isna().sum() == 1205  # blank dates in the source
    summary = summarize(allsides)
    assert summary["articles"] == 10_000 and len(summary["outlets"]) == 288
