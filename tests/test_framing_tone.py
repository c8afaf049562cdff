"""Tone: VADER per sentence and GDELT-style tone, in the journalist's voice and in quotes
(toolkit.framing.tone)."""

from __future__ import annotations

import doctest
import math

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from toolkit import config, load_corpus
from toolkit.framing import tone
from toolkit.framing.tone import (
    SENTENCE_COLUMNS,
    TONE,
    TONE_MEASURES,
    analyzer,
    article_tone,
    sentence_tone,
    sentence_tone_of,
)
from toolkit.parse import parse

QUOTE_MARKS = '"“”‘’\'«»'
odd_text = st.text(alphabet=st.sampled_from(list(QUOTE_MARKS + "good bad .\n")), max_size=60) | \
    st.text(max_size=60)


def outlet_tone(per_article, **options):
    return TONE.pool_outlets(per_article, **options)


def vader(text: str) -> float:
    return analyzer().polarity_scores(text)["compound"]


def tones(nlp, *texts: str, outlets: list[str] | None = None):
    articles = pd.DataFrame({"doc_id": [f"d{i}" for i in range(len(texts))],
                             "outlet": outlets or ["X"] * len(texts), "text": list(texts)})
    sentences = sentence_tone(articles, docs=[nlp(t) for t in texts])
    return articles, sentences, article_tone(articles, sentences)


def test_one_analyzer_serves_the_whole_process():
    assert analyzer() is analyzer()


def test_a_sentence_is_scored_whole_and_in_each_voice(nlp):
    row = sentence_tone_of(nlp('"We love this wonderful park," she said angrily.'))[0]
    assert row["compound_quoted"] == pytest.approx(vader("We love this wonderful park,"))
    assert row["compound_journalist"] == pytest.approx(vader("she said angrily."))
    assert row["compound"] == pytest.approx(
        vader('"We love this wonderful park," she said angrily.'))
    assert row["compound_journalist"] < 0 < row["compound_quoted"]
    assert (row["words_quoted"], row["words_journalist"]) == (5, 3)


def test_a_sentence_in_one_voice_is_scored_once(nlp):
    rows = sentence_tone_of(nlp("The flood was a disaster. “Everyone is safe.”"))
    assert rows[0]["compound"] == rows[0]["compound_journalist"] == pytest.approx(
        vader("The flood was a disaster."))
    assert math.isnan(rows[0]["compound_quoted"])
    assert rows[1]["compound"] == rows[1]["compound_quoted"]
    assert math.isnan(rows[1]["compound_journalist"])


def test_gdelt_tone_is_positive_minus_negative_words_per_100_words(nlp):
    _, _, table = tones(nlp, "A good day. A terrible, awful night.")
    row = table.iloc[0]
    assert (row["words"], row["positive_words"], row["negative_words"]) == (7, 1, 2)
    assert row["gdelt_tone_per_100_words"] == pytest.approx(-100 / 7)
    assert row["gdelt_polarity_per_100_words"] == pytest.approx(300 / 7)


def test_tone_divides_by_the_articles_words_even_where_a_sentence_splits_a_word():
    # "season.As" is one word, but the parse ends a sentence inside it: summing the
    # sentences' words would count it twice
    text = "The co-ops failed during the enrollment season.As the co-ops closed, insurers left."
    articles = pd.DataFrame({"doc_id": ["a"], "outlet": ["X"], "text": [text]})
    sentences = sentence_tone(articles, progress=False)
    assert sentences["words_journalist"].sum() == 13
    table = article_tone(articles, sentences)
    assert table.loc[0, ["words", "words_journalist", "words_quoted"]].tolist() == [12, 12, 0]


def test_gdelt_tone_splits_by_voice(nlp):
    _, _, table = tones(nlp, '"Wonderful," she said. It was a disaster.')
    row = table.iloc[0]
    assert (row["words_quoted"], row["positive_words_quoted"]) == (1, 1)
    assert row["gdelt_tone_per_100_words_quoted"] == pytest.approx(100.0)
    assert (row["words_journalist"], row["negative_words_journalist"]) == (6, 1)
    assert row["gdelt_tone_per_100_words_journalist"] == pytest.approx(-100 / 6)
    assert row["gdelt_tone_per_100_words"] == pytest.approx(0.0)


def test_article_means_average_the_sentences_of_each_voice(nlp):
    text = 'A good day. A terrible night. "We are happy," he said.'
    _, sentences, table = tones(nlp, text)
    row = table.iloc[0]
    assert row["sentences"] == 3 and row["sentences_journalist"] == 3
    assert row["sentences_quoted"] == 1
    assert row["mean_compound_per_sentence"] == pytest.approx(sentences["compound"].mean())
    assert row["mean_compound_per_sentence_journalist"] == pytest.approx(
        sentences["compound_journalist"].mean())
    assert row["mean_compound_per_sentence_quoted"] == pytest.approx(vader("We are happy,"))


def test_outlets_pool_sentences_and_words(nlp):
    _, _, table = tones(nlp, "A good day.", "A terrible, awful night.", "Fine.",
                        outlets=["A", "A", "B"])
    pooled = outlet_tone(table, samples=300).set_index("outlet")
    assert pooled.loc["A", "gdelt_tone_per_100_words"] == pytest.approx(-100 / 7)
    assert pooled.loc["A", "mean_compound_per_sentence"] == pytest.approx(
        (vader("A good day.") + vader("A terrible, awful night.")) / 2)
    for measure in TONE_MEASURES:
        assert f"{measure.name}_low" in pooled.columns
    assert pd.isna(pooled.loc["A", "mean_compound_per_sentence_quoted"])


def test_the_module_examples_run():
    assert doctest.testmod(tone).failed == 0


def test_the_sample_corpus_gets_a_tone_for_every_outlet():
    articles = load_corpus(config.SAMPLE_CORPUS)
    table = outlet_tone(article_tone(articles, sentence_tone(articles, progress=False)))
    assert len(table) == 4
    assert table["mean_compound_per_sentence_journalist"].between(-1, 1).all()
    assert table["gdelt_tone_per_100_words_quoted"].notna().all()


# --- odd input -----------------------------------------------------------------------------
@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=odd_text)
def test_tone_never_raises_and_voices_add_up(nlp, text):
    rows = sentence_tone_of(nlp(text))
    for row in rows:
        assert -1 <= row["compound"] <= 1
        assert row["words_journalist"] + row["words_quoted"] > 0


def test_articles_without_sentences_get_zero_counts():
    articles = pd.DataFrame({"doc_id": ["a", "b"], "outlet": ["X", "X"], "text": ["", "“”"]})
    sentences = sentence_tone(articles, progress=False)
    assert sentences.empty and list(sentences.columns) == SENTENCE_COLUMNS
    table = article_tone(articles, sentences)
    assert table["sentences"].tolist() == [0, 0]
    assert table["mean_compound_per_sentence"].isna().all()
    assert outlet_tone(table).loc[0, "articles"] == 2


# --- the shared corpora ------------------------------------------------------------------
@pytest.mark.shared
@pytest.mark.parametrize("name", ["basil", "news_clusters"])
def test_tone_runs_on_the_shared_corpora(corpora, name):
    articles = load_corpus(corpora / name)
    docs = list(parse(articles, progress=False))
    per_article = article_tone(articles, sentence_tone(articles, docs=docs))
    table = outlet_tone(per_article)
    assert len(per_article) == len(articles)
    assert table["mean_compound_per_sentence"].between(-1, 1).all()
