"""Certainty in two voices: hedges, boosters, factives and assertives, split exactly
between the journalist's voice and quoted voices (toolkit.framing.voice; the split itself
is tests/test_text.py's)."""

from __future__ import annotations

import doctest

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from toolkit import config, load_corpus
from toolkit.framing import voice
from toolkit.framing.voice import (
    CATEGORIES,
    CERTAINTY,
    certainty_matches,
    certainty_of,
    certainty_per_article,
)
from toolkit.lexicons import lexicon_sources, load_lexicon
from toolkit.parse import parse
from toolkit.text import Voices

QUOTE_MARKS = '"“”‘’\'«»'
odd_text = st.text(alphabet=st.sampled_from(list(QUOTE_MARKS + "ab .,\n-")), max_size=60) | \
    st.text(max_size=60)


def articles_of(*texts: str, outlet: str = "X") -> pd.DataFrame:
    return pd.DataFrame({"doc_id": [f"d{i}" for i in range(len(texts))],
                         "outlet": outlet, "text": list(texts)})


def outlet_certainty(per_article, **options):
    return CERTAINTY.pool_outlets(per_article, **options)


def terms(nlp, text: str) -> list[tuple[str, str, str]]:
    return [(m["category"], m["text"], m["voice"]) for m in certainty_of(nlp(text))]


# --- the lexicon and matching ------------------------------------------------------------
def test_the_lexicon_has_four_categories_and_a_header_with_sources():
    table = load_lexicon("hedges_boosters")
    assert list(table.columns) == ["term", "category", "pos", "notes"]
    assert set(table["category"]) == set(CATEGORIES)
    assert not table["term"].duplicated().any()
    header = " ".join(lexicon_sources("hedges_boosters"))
    for source in ("Hyland", "Hooper", "Kiparsky", "Lakoff"):
        assert source in header


def test_hedges_in_the_journalists_voice_and_a_booster_in_the_quote(nlp):
    assert terms(nlp, 'The dam may reportedly fail. "It will clearly hold," the engineer said.') \
        == [("hedge", "may", "journalist"), ("hedge", "reportedly", "journalist"),
            ("booster", "clearly", "quoted")]


def test_may_the_month_and_might_the_noun_are_not_hedges(nlp):
    assert terms(nlp, "The vote is in May. With all his might he said it might rain.") == [
        ("hedge", "might", "journalist")]


def test_multiword_terms_are_matched_whole(nlp):
    found = terms(nlp, "The minister is said to be ill and, of course, it is unclear why.")
    assert found == [("hedge", "is said to", "journalist"),
                     ("booster", "of course", "journalist"), ("hedge", "unclear", "journalist")]


def test_appear_needs_a_clausal_complement_to_hedge(nlp):
    assert terms(nlp, "He appeared in court. She appears to be tired.") == [
        ("hedge", "appears", "journalist")]


def test_alleged_before_a_noun_hedges_and_alleged_that_asserts(nlp):
    assert terms(nlp, "The alleged bribe was small. Critics alleged that it was paid.") == [
        ("hedge", "alleged", "journalist"), ("assertive", "alleged", "journalist")]


def test_factive_and_assertive_verbs_count_only_with_a_clause(nlp):
    text = "She knew that the plan failed. She knows the city. He claimed the seat. " \
           "He claimed it was safe."
    assert terms(nlp, text) == [("factive", "knew", "journalist"),
                                ("assertive", "claimed", "journalist")]


def test_substrings_never_match(nlp):
    assert terms(nlp, "Mayhem at the mayoral clearing; a claimant appeared.") == []


# --- per article and per outlet ----------------------------------------------------------
def test_rates_per_1000_words_in_each_voice_are_hand_computed(nlp):
    articles = articles_of(
        'The dam may reportedly fail. "It will clearly hold," the engineer said.')
    docs = [nlp(articles.loc[0, "text"])]
    table = certainty_per_article(articles, certainty_matches(articles, docs=docs))
    row = table.iloc[0]
    assert (row["words_journalist"], row["words_quoted"], row["words"]) == (8, 4, 12)
    assert (row["hedges_journalist"], row["hedges_quoted"], row["hedges"]) == (2, 0, 2)
    assert row["hedges_per_1000_words_journalist"] == pytest.approx(250.0)
    assert row["hedges_per_1000_words"] == pytest.approx(2000 / 12)
    assert row["boosters_per_1000_words_quoted"] == pytest.approx(250.0)
    assert row["boosters_per_1000_words_journalist"] == 0
    assert pd.isna(certainty_per_article(articles_of("“Only quoted.”"), pd.DataFrame(
        columns=voice.MATCH_COLUMNS)).loc[0, "hedges_per_1000_words_journalist"])


def test_voices_add_up_to_the_article_in_every_count(nlp):
    text = 'Reportedly the "clearly doomed" plan may fail. "It might," she said. Obviously.'
    articles = articles_of(text)
    table = certainty_per_article(articles, certainty_matches(articles, docs=[nlp(text)]))
    for category in CATEGORIES:
        column = f"{category}s"
        assert table[column].equals(table[f"{column}_journalist"] + table[f"{column}_quoted"])
    assert table.loc[0, "hedges_journalist"] == 2 and table.loc[0, "hedges_quoted"] == 1
    assert table.loc[0, "boosters_journalist"] == 1 and table.loc[0, "boosters_quoted"] == 1


def test_outlet_certainty_has_every_rate_with_an_interval():
    articles = articles_of("It may fail.", "It failed.")
    table = outlet_certainty(certainty_per_article(articles, certainty_matches(
        articles, progress=False)))
    for measure in voice.CERTAINTY_MEASURES:
        assert {measure.name, f"{measure.name}_low", f"{measure.name}_high"} <= set(table.columns)
    assert table.loc[0, "hedges_per_1000_words"] == pytest.approx(200.0)


def test_the_module_examples_run():
    assert doctest.testmod(voice).failed == 0


# --- the answer key ------------------------------------------------------------------------
def test_the_capital_whisper_hedges_most_in_its_own_voice():
    articles = load_corpus(config.SAMPLE_CORPUS)
    per_article = certainty_per_article(articles, certainty_matches(articles, progress=False))
    table = outlet_certainty(per_article).set_index("outlet")
    rate = table["hedges_per_1000_words_journalist"]
    assert rate.idxmax() == "The Capital Whisper"
    assert rate["The Capital Whisper"] > 4.0
    others = rate.drop("The Capital Whisper")
    assert table.loc["The Capital Whisper", "hedges_per_1000_words_journalist_low"] > others.max()
    boosters = table["boosters_per_1000_words_journalist"]
    assert boosters.idxmax() == "The Patriot Beacon"


# --- odd input -----------------------------------------------------------------------------
@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=odd_text)
def test_every_match_takes_the_voice_of_its_first_word_on_odd_text(nlp, text):
    voices = Voices.of(text)
    for match in certainty_of(nlp(text), voices=voices):
        assert match["voice"] == voices.voice_at(match["start"])


def test_empty_articles_give_empty_tables():
    articles = articles_of("", '"', "“”")
    matches = certainty_matches(articles, progress=False)
    table = certainty_per_article(articles, matches)
    assert table["words"].tolist() == [0, 0, 0]
    assert outlet_certainty(table).loc[0, "articles"] == 3
    empty = articles.iloc[:0]
    assert certainty_per_article(empty, certainty_matches(empty, progress=False)).empty


# --- the shared corpora ------------------------------------------------------------------
@pytest.mark.shared
@pytest.mark.parametrize("name", ["basil", "news_clusters"])
def test_certainty_runs_on_the_shared_corpora(corpora, name):
    articles = load_corpus(corpora / name)
    docs = list(parse(articles, progress=False))
    per_article = certainty_per_article(articles, certainty_matches(articles, docs=docs))
    table = outlet_certainty(per_article)
    assert len(per_article) == len(articles)
    assert (per_article["words"] == per_article["words_journalist"]
            + per_article["words_quoted"]).all()
    assert table["hedges_per_1000_words"].notna().all()
