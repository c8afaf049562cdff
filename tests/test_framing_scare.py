"""Scare quotes: every short quote is a scare quote, a person's partial quote, a title or
a quote inside a quote, listed in context and counted per 1,000 words (toolkit.framing.scare)."""

from __future__ import annotations

import doctest
import importlib.util

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from toolkit import config, load_corpus
from toolkit.attribution import extract_attributions
from toolkit.attribution.extract import ATTRIBUTION_COLUMNS, attributions_of
from toolkit.attribution.quotes import find_quotes, word_count
from toolkit.framing import scare
from toolkit.framing.scare import (
    QUOTE_COLUMNS,
    REASONS,
    SCARE_QUOTES,
    STATUSES,
    scare_quote_rates,
    short_quotes,
    short_quotes_of,
)
from toolkit.parse import parse

QUOTE_MARKS = '"“”‘’\'«»'
odd_text = st.text(alphabet=st.sampled_from(list(QUOTE_MARKS + "ab Said.,\n")), max_size=60) | \
    st.text(max_size=60)


def outlet_scare_quotes(per_article, **options):
    return SCARE_QUOTES.pool_outlets(per_article, **options)


def classified(nlp, text: str, **options) -> list[tuple[str, str, str]]:
    doc = nlp(text)
    rows = attributions_of(doc, outlet="X", doc_id="d")
    return [(q["quote"], q["status"], q["reason"]) for q in short_quotes_of(doc, rows, **options)]


# --- the seed article ----------------------------------------------------------------------
def test_the_seed_articles_annexed_is_a_scare_quote_and_fleeing_a_partial_quote(nlp, seed_text):
    doc = nlp(seed_text)
    rows = attributions_of(doc, outlet="Newsmax", doc_id="seed")
    found = {q["quote"]: q for q in short_quotes_of(doc, rows, doc_id="seed")}
    assert found["annexed"]["status"] == "scare"
    assert found["fleeing"]["status"] == "partial"
    assert found["fleeing"]["speaker"] == "Emil Ibragimov"
    holder = next(r for r in rows if r["attribution_id"] == found["fleeing"]["attribution_id"])
    assert holder["content_start"] <= found["fleeing"]["start"] < holder["content_end"]
    assert not any(quote.startswith("a few thousand") for quote in found)  # nine words
    assert set(found) == {"annexed", "fleeing"}


# --- the rules, on small texts ------------------------------------------------------------
@pytest.mark.parametrize(("text", "expected"), [
    ('The council approved the "temporary" levy on Tuesday.',
     [("temporary", "scare", "noun_phrase_label")]),
    ('The council approved the levy, calling it "temporary".',
     [("temporary", "scare", "speaker_type")]),
    ('Officials believe the levy is "unfair".', [("unfair", "scare", "not_speech")]),
    ('Ana Ruiz, the council treasurer, said residents were "furious" about the levy.',
     [("furious", "partial", "speech_attribution")]),
    ('The water agency said the levy was "temporary".',
     [("temporary", "scare", "speaker_type")]),
    ('Ana Ruiz said the council had hidden the "evidence" from voters.',
     [("evidence", "partial", "speech_attribution")]),
    ('Ana Ruiz said the council hid its "modern" plan from voters.',
     [("modern", "scare", "noun_phrase_label")]),
    ('Mayor Ana Ruiz boasted about opening 14 "cooling centres" in libraries.',
     [("cooling centres", "scare", "no_attribution")]),
    ('The so-called "reform" doubled the levy, Ana Ruiz said.',
     [("reform", "scare", "noun_phrase_label")]),
    ('He reviewed the film "Rivers Of Glass" for the paper.',
     [("Rivers Of Glass", "title", "title")]),
    ('"They call it \'reform\', but it is a tax," Ana Ruiz said.',
     [("reform", "in_quote", "inside_quote")]),
    ('What the inspectors called a "minor fault" closed the plant for a week.',
     [("minor fault", "partial", "speech_in_parse")]),
    ('"Absolutely," Ana Ruiz said.', [("Absolutely,", "partial", "quoted_sentence")]),
    ('"Absolutely," the water agency said.', [("Absolutely,", "partial", "quoted_sentence")]),
    ('The mayor left. "No comment." The door closed.',
     [("No comment.", "partial", "quoted_sentence")]),
    ('Asked if the dam would hold, the agency replied, "Yes."',
     [("Yes.", "partial", "quoted_sentence")]),
    ('Ana Ruiz said the plan was "a slow disaster for every family here."', []),
])
def test_short_quotes_are_classified_by_the_documented_rules(nlp, text, expected):
    assert classified(nlp, text) == expected


def test_the_parse_decides_when_the_extractor_found_nothing(nlp):
    doc = nlp('Ana Ruiz said residents were "furious". The "modern" plan failed.')
    found = [(q["quote"], q["status"], q["reason"], q["attribution_id"])
             for q in short_quotes_of(doc)]
    assert found == [("furious", "partial", "speech_in_parse", None),
                     ("modern", "scare", "noun_phrase_label", None)]


def test_speech_comes_from_the_rows_speech_flag_not_from_class_names(nlp):
    doc = nlp('Ana Ruiz, the council treasurer, said residents were "furious" about the levy.')
    rows = attributions_of(doc, outlet="X", doc_id="d")
    renamed = [{**row, "cue_class": "declared"} for row in rows]  # a class the lexicon adds
    assert [(q["status"], q["reason"]) for q in short_quotes_of(doc, renamed)] == [
        ("partial", "speech_attribution")]
    not_speech = [{**row, "speech": False} for row in rows]
    assert [(q["status"], q["reason"]) for q in short_quotes_of(doc, not_speech)] == [
        ("scare", "not_speech")]


def test_organisations_can_be_counted_as_speakers_on_request(nlp):
    text = 'The water agency said the levy was "temporary".'
    widened = scare.PARTIAL_SPEAKER_TYPES | {"organization", "government"}
    assert classified(nlp, text, speaker_types=widened) == [
        ("temporary", "partial", "speech_attribution")]


def test_a_partial_quote_names_its_attribution_and_speaker(nlp):
    doc = nlp('Ana Ruiz said residents were "furious" about the levy.')
    rows = attributions_of(doc, outlet="X", doc_id="d")
    quote = short_quotes_of(doc, rows, doc_id="d", outlet="X")[0]
    assert (quote["attribution_id"], quote["speaker"], quote["speaker_type"],
            quote["cue_lemma"]) == ("d-a001", "Ana Ruiz", "person", "say")


def test_offsets_and_snippet_show_the_quote_in_context(nlp):
    text = "x " * 40 + 'The council approved the "temporary" levy on Tuesday.' + " y" * 40
    quote = short_quotes_of(nlp(text))[0]
    assert text[quote["start"]:quote["end"]] == "temporary"
    assert text[quote["open_start"]] == '"' and text[quote["close_end"] - 1] == '"'
    assert quote["snippet"].startswith("x x") and '"temporary" levy' in quote["snippet"]
    assert len(quote["snippet"]) == len(" ".join(text[quote["open_start"] - 60:
                                                       quote["close_end"] + 60].split()))


def test_every_reason_belongs_to_its_status():
    statuses = {reason: text.split(":")[0] for reason, text in REASONS.items()}
    assert set(statuses.values()) == set(STATUSES)


# --- rates ---------------------------------------------------------------------------------
def test_scare_quotes_per_1000_words_are_hand_computed(nlp):
    texts = ['The council approved the "temporary" levy on Tuesday.',
             'Ana Ruiz said residents were "furious". The "modern" plan and its "fair" '
             "fee failed."]
    articles = pd.DataFrame({"doc_id": ["a", "b"], "outlet": ["X", "X"], "text": texts})
    quotes = short_quotes(articles, extract_attributions(articles, progress=False),
                          docs=[nlp(t) for t in texts])
    per_article = scare_quote_rates(articles, quotes).set_index("doc_id")
    assert per_article.loc["a", ["words", "short_quotes", "scare_quotes"]].tolist() == [8, 1, 1]
    assert per_article.loc["a", "scare_quotes_per_1000_words"] == pytest.approx(125.0)
    assert per_article.loc["b", ["words", "scare_quotes", "partial_quotes"]].tolist() == [
        14, 2, 1]
    assert per_article.loc["b", "share_short_quotes_scare"] == pytest.approx(2 / 3)
    pooled = outlet_scare_quotes(scare_quote_rates(articles, quotes)).iloc[0]
    assert pooled["scare_quotes_per_1000_words"] == pytest.approx(3000 / 22)
    assert pooled["scare_quotes_per_1000_words_low"] <= 3000 / 22 <= \
        pooled["scare_quotes_per_1000_words_high"]


def test_the_module_examples_run():
    assert doctest.testmod(scare).failed == 0


# --- the answer key ------------------------------------------------------------------------
def _designed_scare_quotes() -> dict[str, list[str]]:
    spec = importlib.util.spec_from_file_location(
        "check_sample", config.SAMPLE_DIR / "check_sample.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.SCARE_QUOTES


def test_the_patriot_beacon_has_the_most_scare_quotes_and_all_designed_ones_are_found():
    articles = load_corpus(config.SAMPLE_CORPUS)
    quotes = short_quotes(articles, extract_attributions(articles, progress=False),
                          progress=False)
    table = outlet_scare_quotes(scare_quote_rates(articles, quotes)).set_index("outlet")
    rate = table["scare_quotes_per_1000_words"]
    assert rate.idxmax() == "The Patriot Beacon"
    assert rate["The Patriot Beacon"] > 10
    assert table.loc["The Patriot Beacon", "scare_quotes_per_1000_words_low"] > \
        table.drop("The Patriot Beacon")["scare_quotes_per_1000_words_high"].max()
    scare_rows = quotes[quotes["status"] == "scare"]
    found = set(zip(scare_rows["doc_id"], scare_rows["quote"].str.rstrip(".,")))
    designed = {(doc_id, phrase) for doc_id, phrases in _designed_scare_quotes().items()
                for phrase in phrases}
    # The one designed scare quote the rules miss on purpose: "evidence" inside the
    # defence minister's reported promise reads as his word (rule 5), like most short
    # quotes inside a person's reported speech in real news.
    assert designed - found == {("patriot-beacon-e05", "evidence")}


# --- odd input -----------------------------------------------------------------------------
@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=odd_text)
def test_every_short_quote_is_listed_once_and_nothing_raises(nlp, text):
    doc = nlp(text)
    listed = short_quotes_of(doc, attributions_of(doc, outlet="X", doc_id="d"))
    expected = [q.start for q in find_quotes(text) if 1 <= word_count(text, q) <= 4]
    assert [q["start"] for q in listed] == expected
    assert all(q["status"] in STATUSES and q["reason"] in REASONS for q in listed)


def test_empty_inputs_give_empty_tables():
    articles = pd.DataFrame({"doc_id": ["a", "b"], "outlet": ["X", "X"], "text": ["", '"']})
    quotes = short_quotes(articles, pd.DataFrame(columns=ATTRIBUTION_COLUMNS), progress=False)
    assert quotes.empty and list(quotes.columns) == QUOTE_COLUMNS
    table = scare_quote_rates(articles, quotes)
    assert table["scare_quotes"].tolist() == [0, 0]
    assert pd.isna(outlet_scare_quotes(table).loc[0, "scare_quotes_per_1000_words"])


# --- the shared corpora ------------------------------------------------------------------
@pytest.mark.shared
@pytest.mark.parametrize("name", ["basil", "news_clusters"])
def test_scare_quotes_run_on_the_shared_corpora(corpora, name):
    articles = load_corpus(corpora / name)
    outlets = dict(zip(articles["doc_id"].astype(str), articles["outlet"]))
    docs = list(parse(articles, progress=False))
    rows = pd.DataFrame([row for doc in docs for row in attributions_of(
        doc, outlet=outlets[doc.user_data["doc_id"]])], columns=ATTRIBUTION_COLUMNS)
    quotes = short_quotes(articles, rows, docs=docs)
    table = outlet_scare_quotes(scare_quote_rates(articles, quotes))
    assert set(quotes["status"]) <= set(STATUSES)
    assert (quotes["status"] == "scare").any() and (quotes["status"] == "partial").any()
    assert table["scare_quotes_per_1000_words"].notna().all()
