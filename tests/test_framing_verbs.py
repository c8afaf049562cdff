"""The attribution-verb profile: neutral and loaded speech cues per outlet, with CIs, and
the cue lemmas each outlet uses most (toolkit.framing.verbs)."""

from __future__ import annotations

import doctest

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from toolkit import config, load_corpus
from toolkit.attribution import extract_attributions
from toolkit.attribution.extract import ATTRIBUTION_COLUMNS, attributions_of
from toolkit.errors import ParameterError
from toolkit.framing import verbs
from toolkit.framing.verbs import VERB_PROFILE, top_cue_lemmas, verb_profile
from toolkit.parse import parse

ARTICLES = pd.DataFrame({
    "doc_id": ["a1", "a2", "b1"],
    "outlet": ["Alpha", "Alpha", "Beta"],
    "text": ["word " * 200, "word " * 300, "word " * 100],
})
# Alpha: a1 has say, claim, insist, a belief cue and a nested (quoted) "admit";
# a2 has tell and say. Beta: b1 has say only.
ROWS = pd.DataFrame({
    "doc_id": ["a1", "a1", "a1", "a1", "a1", "a2", "a2", "b1"],
    "outlet": ["Alpha"] * 7 + ["Beta"],
    "cue_lemma": ["say", "claim", "insist", "believe", "admit", "tell", "say", "say"],
    "cue_class": ["neutral", "loaded", "loaded", "belief", "loaded", "neutral", "neutral",
                  "neutral"],
    "parent_id": [None, None, None, None, "a1-a001", None, None, None],
})
ROWS["speech"] = ROWS["cue_class"] != "belief"


def outlet_verb_profile(per_article, **options):
    return VERB_PROFILE.pool_outlets(per_article, **options)


def test_shares_count_top_level_speech_cues_only():
    table = verb_profile(ARTICLES, ROWS).set_index("doc_id")
    assert table.loc["a1", ["speech_cues", "neutral_cues", "loaded_cues"]].tolist() == [3, 1, 2]
    assert table.loc["a1", "share_loaded_cues"] == pytest.approx(2 / 3)
    assert table.loc["a1", "share_neutral_cues"] == pytest.approx(1 / 3)
    assert table.loc["a1", "loaded_cues_per_1000_words"] == pytest.approx(10.0)
    assert table.loc["a2", "share_loaded_cues"] == 0.0
    assert table.loc["b1", "speech_cues_per_1000_words"] == pytest.approx(10.0)


def test_outlet_shares_pool_cues_and_carry_an_interval():
    table = outlet_verb_profile(verb_profile(ARTICLES, ROWS), samples=400).set_index("outlet")
    alpha = table.loc["Alpha"]
    assert (alpha["articles"], alpha["speech_cues"], alpha["loaded_cues"]) == (2, 5, 2)
    assert alpha["share_loaded_cues"] == pytest.approx(0.4)
    assert alpha["loaded_cues_per_1000_words"] == pytest.approx(4.0)
    assert 0.0 <= alpha["share_loaded_cues_low"] <= 0.4 <= alpha["share_loaded_cues_high"]
    assert table.loc["Beta", "share_loaded_cues"] == 0.0


def test_an_article_without_speech_cues_has_no_share():
    articles = pd.concat([ARTICLES, pd.DataFrame({"doc_id": ["c1"], "outlet": ["Gamma"],
                                                  "text": ["Nothing was said."]})])
    table = verb_profile(articles, ROWS).set_index("doc_id")
    assert table.loc["c1", "speech_cues"] == 0 and pd.isna(table.loc["c1", "share_loaded_cues"])
    pooled = outlet_verb_profile(verb_profile(articles, ROWS)).set_index("outlet")
    assert pd.isna(pooled.loc["Gamma", "share_loaded_cues"])
    assert pd.isna(pooled.loc["Gamma", "share_loaded_cues_low"])


def test_speech_cues_are_the_rows_the_lexicon_marks_as_speech_whatever_their_class():
    rows = pd.DataFrame({"doc_id": ["a1"] * 4, "parent_id": [None] * 4,
                         "cue_lemma": ["say", "announce", "believe", None],
                         "cue_class": ["neutral", "declared", "belief", None],
                         "speech": [True, True, False, True]})
    table = verb_profile(ARTICLES, rows).set_index("doc_id")
    # a class the lexicon adds ("declared") is speech when its rows say so; a quotation
    # without a cue is speech but has no cue to count
    assert table.loc["a1", ["speech_cues", "neutral_cues", "loaded_cues"]].tolist() == [2, 1, 0]
    assert top_cue_lemmas(rows.assign(outlet="Alpha"))["cue_lemma"].tolist() == [
        "announce", "say"]


def test_attributions_without_a_speech_column_are_refused():
    with pytest.raises(ParameterError, match="no 'speech' column"):
        verb_profile(ARTICLES, ROWS.drop(columns="speech"))


def test_top_cue_lemmas_rank_by_count_then_alphabet():
    table = top_cue_lemmas(ROWS, n=2)
    alpha = table[table["outlet"] == "Alpha"]
    assert alpha[["rank", "cue_lemma", "count"]].values.tolist() == [[1, "say", 2],
                                                                     [2, "claim", 1]]
    assert alpha["share_of_cues"].tolist() == [pytest.approx(0.4), pytest.approx(0.2)]
    everything = top_cue_lemmas(ROWS, n=10, speech_only=False)
    assert "believe" in everything["cue_lemma"].tolist()
    assert "admit" not in everything["cue_lemma"].tolist()  # nested: the speaker's verb


def test_the_real_extractor_feeds_the_profile(nlp):
    text = ("Mara Kovell claimed the bridge was safe. Ruth Ambler said the repairs "
            "were late. Tomas Reyl insisted the fares would rise.")
    articles = pd.DataFrame({"doc_id": ["x"], "outlet": ["X"], "text": [text]})
    rows = pd.DataFrame(attributions_of(nlp(text), outlet="X", doc_id="x"),
                        columns=ATTRIBUTION_COLUMNS)
    table = verb_profile(articles, rows)
    assert table.loc[0, ["speech_cues", "loaded_cues"]].tolist() == [3, 2]
    assert top_cue_lemmas(rows, n=3)["cue_lemma"].tolist() == ["claim", "insist", "say"]


def test_the_module_examples_run():
    assert doctest.testmod(verbs).failed == 0


def test_the_patriot_beacon_has_the_highest_share_of_loaded_verbs():
    articles = load_corpus(config.SAMPLE_CORPUS)
    rows = extract_attributions(articles, progress=False)
    table = outlet_verb_profile(verb_profile(articles, rows)).set_index("outlet")
    share = table["share_loaded_cues"]
    assert share.idxmax() == "The Patriot Beacon"
    assert share["The Patriot Beacon"] > 0.4
    assert table.loc["The Patriot Beacon", "share_loaded_cues_low"] > \
        table.drop("The Patriot Beacon")["share_loaded_cues_high"].max()
    top = top_cue_lemmas(rows, n=5)
    beacon = top[top["outlet"] == "The Patriot Beacon"]
    assert {"claim", "insist"} <= set(beacon["cue_lemma"])


@settings(max_examples=40, deadline=None)
@given(classes=st.lists(st.sampled_from(["neutral", "loaded", "belief", "finding", "other",
                                         None]), max_size=12),
       text=st.text(max_size=40))
def test_any_mix_of_cue_classes_and_texts_is_profiled(classes, text):
    articles = pd.DataFrame({"doc_id": ["a", "b"], "outlet": ["X", "Y"], "text": [text, ""]})
    rows = pd.DataFrame({"doc_id": ["a"] * len(classes), "outlet": ["X"] * len(classes),
                         "cue_lemma": ["say"] * len(classes), "cue_class": classes,
                         "speech": [c in ("neutral", "loaded") for c in classes],
                         "parent_id": [None] * len(classes)})
    table = verb_profile(articles, rows)
    speech = sum(c in ("neutral", "loaded") for c in classes)
    assert table.loc[0, "speech_cues"] == speech
    outlet_verb_profile(table, samples=50)
    top_cue_lemmas(rows)


def test_an_empty_attributions_table_gives_zero_cues():
    empty = pd.DataFrame(columns=ATTRIBUTION_COLUMNS)
    table = verb_profile(ARTICLES, empty)
    assert table["speech_cues"].tolist() == [0, 0, 0]
    assert top_cue_lemmas(empty).empty


@pytest.mark.shared
@pytest.mark.parametrize("name", ["basil", "news_clusters"])
def test_the_verb_profile_runs_on_the_shared_corpora(corpora, name):
    articles = load_corpus(corpora / name)
    outlets = dict(zip(articles["doc_id"].astype(str), articles["outlet"]))
    rows = pd.DataFrame(
        [row for doc in parse(articles, progress=False)
         for row in attributions_of(doc, outlet=outlets[doc.user_data["doc_id"]])],
        columns=ATTRIBUTION_COLUMNS)
    per_article = verb_profile(articles, rows)
    table = outlet_verb_profile(per_article)
    assert len(per_article) == len(articles)
    assert table["share_loaded_cues"].dropna().between(0, 1).all()
    assert not top_cue_lemmas(rows).empty
