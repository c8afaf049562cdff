"""Keyterms per outlet: textacy's SGRank and TextRank per article, averaged per outlet.

Every text here is written for these tests (fictional); the shared corpora are read where
they lie.
"""

from __future__ import annotations

import doctest

import pandas as pd
import pytest

from toolkit.corpus import load_corpus
from toolkit.errors import ParameterError
from toolkit.framing import keyterms
from toolkit.framing.keyterms import KEYTERM_COLUMNS, doc_keyterms, keyterms_by_outlet
from toolkit.parse import parse

ARTICLES = pd.DataFrame({
    "doc_id": ["l1", "l2", "b1"],
    "outlet": ["Ledger", "Ledger", "Beacon"],
    "text": [
        "The spillway gate jammed at the Calder dam. Engineers inspected the spillway gate "
        "and the dam wall. The spillway gate had been flagged in 2023.",
        "Tram drivers walked out. The tram strike closed every tram depot, and the tram "
        "union said the strike would last two days.",
        "The mayor's scheme collapsed. Taxpayers will pay for the scheme, and the mayor "
        "still defends the scheme.",
    ],
})


def test_doc_keyterms_find_the_repeated_topic(nlp):
    terms = [term for term, _ in doc_keyterms(nlp(ARTICLES["text"][0]), topn=3)]
    assert "spillway gate" in terms
    scores = [score for _, score in doc_keyterms(nlp(ARTICLES["text"][0]), topn=3)]
    assert scores == sorted(scores, reverse=True)


def test_unknown_method_is_an_error(nlp):
    with pytest.raises(ParameterError, match="unknown keyterm method"):
        doc_keyterms(nlp("Hello there."), method="yake")
    with pytest.raises(ParameterError, match="unknown keyterm method"):
        keyterms_by_outlet(ARTICLES, method="yake")
    with pytest.raises(ParameterError, match="max_tokens_per_outlet"):
        keyterms_by_outlet(ARTICLES, max_tokens_per_outlet=0)


def test_outlet_score_is_the_mean_of_article_scores(nlp):
    # TextRank takes no corpus weights, so each article's scores can be recomputed alone
    table = keyterms_by_outlet(ARTICLES, method="textrank", top=50)
    assert list(table.columns) == KEYTERM_COLUMNS
    per_article = [dict(doc_keyterms(nlp(text), method="textrank"))
                   for text in ARTICLES["text"][:2]]
    ledger = table[table["outlet"] == "Ledger"].set_index("term")
    for term, row in ledger.iterrows():
        expected = sum(scores.get(term, 0.0) for scores in per_article) / 2
        assert row["score"] == pytest.approx(expected)
        assert row["articles"] == 2
        assert row["articles_with_term"] == sum(term in scores for scores in per_article)
    assert ledger["rank"].tolist() == list(range(1, len(ledger) + 1))
    assert ledger["score"].is_monotonic_decreasing


def test_top_terms_per_outlet_with_sgrank():
    table = keyterms_by_outlet(ARTICLES, top=2)
    assert table.groupby("outlet")["rank"].apply(list).to_dict() == {
        "Beacon": [1, 2], "Ledger": [1, 2]}
    assert set(table.loc[table["outlet"] == "Beacon", "term"]) == {"mayor", "scheme"}


def test_token_budget_caps_each_outlet(nlp):
    budget = len(nlp(ARTICLES["text"][0]))  # exactly the Ledger's first article
    table = keyterms_by_outlet(ARTICLES, max_tokens_per_outlet=budget, top=50)
    assert table.groupby("outlet")["articles"].first().to_dict() == {"Beacon": 1, "Ledger": 1}
    ledger_terms = " ".join(table.loc[table["outlet"] == "Ledger", "term"])
    assert "spillway" in ledger_terms and "tram" not in ledger_terms


def test_long_articles_are_read_up_to_the_cap(nlp):
    doc = nlp("The dam held. " * 300)
    assert len(doc) > 1000
    assert doc_keyterms(doc, max_tokens=20) == doc_keyterms(doc[:20].as_doc())


def test_module_examples_run():
    assert doctest.testmod(keyterms).failed == 0


ODD_TEXTS = ["", "   ", '"""', '“ ” « » ‘ ’', '"Only a quote."', "🙂 ü\u0301 \u200b \u202e abc",
             "\n\n\n", "3 4 5 !!!", "ＦＵＬＬ　ｗｉｄｔｈ", "dam " * 200]


@pytest.mark.parametrize("method", ["sgrank", "textrank"])
@pytest.mark.parametrize("text", ODD_TEXTS)
def test_odd_texts_never_raise(text, method):
    articles = pd.DataFrame({"doc_id": ["x", "y"], "outlet": ["X", "Y"],
                             "text": [text, "The dam broke."]})
    table = keyterms_by_outlet(articles, method=method)
    assert list(table.columns) == KEYTERM_COLUMNS


def test_empty_corpus_gives_an_empty_table():
    articles = pd.DataFrame(columns=["doc_id", "outlet", "text"])
    assert keyterms_by_outlet(articles).empty


@pytest.mark.shared
@pytest.mark.xdist_group("framing_shared")
@pytest.mark.parametrize("name", ["basil", "news_clusters"])
def test_keyterms_run_on_shared_corpora(corpora, name):
    articles = load_corpus(corpora / name)
    docs = list(parse(articles))
    table = keyterms_by_outlet(articles, docs, top=10, max_tokens_per_outlet=5_000)
    assert set(table["outlet"]) <= set(articles["outlet"])
    assert (table.groupby("outlet")["rank"].max() <= 10).all()
    assert (table["score"] > 0).all()
