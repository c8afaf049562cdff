"""Distinctive vocabulary: the Fightin' Words log-odds pinned to a hand computation.

Every text here is written for these tests (fictional); the shared corpora are read where
they lie.
"""

from __future__ import annotations

import doctest
import math

import matplotlib.pyplot as plt
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from toolkit.errors import ParameterError
from toolkit.framing import vocabulary
from toolkit.framing.vocabulary import (
    distinctive_by_outlet,
    distinctive_terms,
    doc_term_counts,
    log_odds,
    outlet_term_counts,
    plot_log_odds,
    term_counts,
)

# Group a: 10 terms, group b: 10 terms; the prior is both together (20 terms).
COUNTS_A = {"regime": 4, "said": 6}
COUNTS_B = {"government": 2, "said": 8}
PRIOR = {"regime": 4, "government": 2, "said": 14}


def articles_of(texts_by_outlet: dict[str, list[str]]) -> pd.DataFrame:
    rows = [{"doc_id": f"{outlet}-{i}", "outlet": outlet, "text": text}
            for outlet, texts in texts_by_outlet.items() for i, text in enumerate(texts)]
    return pd.DataFrame(rows)


# --- the formula ---------------------------------------------------------------------------
def test_log_odds_matches_the_hand_computation_with_a_scaled_prior():
    table = log_odds(COUNTS_A, COUNTS_B, PRIOR, prior_scale=10).set_index("term")
    # alpha_0 = 10 spread by corpus share: regime 10*4/20 = 2, government 1, said 7.
    assert table["alpha"].to_dict() == pytest.approx({"regime": 2, "government": 1, "said": 7})
    # regime: y_a = 4, y_b = 0, n_a = n_b = 10, alpha = 2, alpha_0 = 10
    #   delta = log((4+2)/(10+10-4-2)) - log((0+2)/(10+10-0-2)) = log(6/14) - log(2/18)
    #   var = 1/(4+2) + 1/(0+2) = 1/6 + 1/2
    delta = math.log(6 / 14) - math.log(2 / 18)
    assert table.loc["regime", "delta"] == pytest.approx(delta)
    assert delta == pytest.approx(1.349927, abs=1e-6)
    assert table.loc["regime", "variance"] == pytest.approx(1 / 6 + 1 / 2)
    assert table.loc["regime", "z"] == pytest.approx(delta / math.sqrt(2 / 3))
    assert table.loc["regime", "z"] == pytest.approx(1.653316, abs=1e-6)
    # said: y_a = 6, y_b = 8, alpha = 7: log(13/7) - log(15/5); var = 1/13 + 1/15
    said = math.log(13 / 7) - math.log(15 / 5)
    assert table.loc["said", "delta"] == pytest.approx(said)
    assert table.loc["said", "z"] == pytest.approx(said / math.sqrt(1 / 13 + 1 / 15))
    # government: y_a = 0, y_b = 2, alpha = 1: log(1/19) - log(3/17); var = 1/1 + 1/3
    government = math.log(1 / 19) - math.log(3 / 17)
    assert table.loc["government", "z"] == pytest.approx(government / math.sqrt(4 / 3))
    assert table[["count_a", "count_b"]].loc["regime"].tolist() == [4, 0]


def test_log_odds_without_scaling_uses_the_prior_counts_as_alpha():
    table = log_odds(COUNTS_A, COUNTS_B, PRIOR, prior_scale=None).set_index("term")
    # alpha = prior counts, alpha_0 = 20. regime: log(8/(10+20-8)) - log(4/(10+20-4))
    delta = math.log(8 / 22) - math.log(4 / 26)
    assert table.loc["regime", "alpha"] == 4
    assert table.loc["regime", "z"] == pytest.approx(delta / math.sqrt(1 / 8 + 1 / 4))


def test_swapping_the_groups_flips_the_sign_and_nothing_else():
    forward = log_odds(COUNTS_A, COUNTS_B, PRIOR).set_index("term").sort_index()
    backward = log_odds(COUNTS_B, COUNTS_A, PRIOR).set_index("term").sort_index()
    assert backward["delta"].tolist() == pytest.approx((-forward["delta"]).tolist())
    assert backward["z"].tolist() == pytest.approx((-forward["z"]).tolist())
    assert backward["variance"].tolist() == pytest.approx(forward["variance"].tolist())
    assert backward["count_a"].tolist() == forward["count_b"].tolist()


def test_a_word_only_one_group_uses_gets_a_large_positive_z():
    common = {f"word{i}": 50 for i in range(40)}
    group_a = {**common, "thug": 30}
    prior = {key: 2 * value for key, value in common.items()} | {"thug": 30}
    table = log_odds(group_a, common, prior).set_index("term")
    assert table.loc["thug", "z"] > 3  # 4.04: far beyond the 1.96 mark
    assert table.index[0] == "thug"
    assert table.drop(index="thug")["z"].abs().max() < 1


def test_table_is_sorted_by_z_with_stable_columns():
    table = log_odds(COUNTS_A, COUNTS_B, PRIOR, prior_scale=10)
    assert list(table.columns) == ["term", "count_a", "count_b", "alpha", "delta",
                                   "variance", "z"]
    assert table["z"].is_monotonic_decreasing
    # z: regime 1.653, government -1.047, said -1.266 (see the hand computation above)
    assert table["term"].tolist() == ["regime", "government", "said"]


def test_a_term_missing_from_the_prior_is_a_clear_error():
    with pytest.raises(ParameterError, match="no count in the prior"):
        log_odds({"new": 1}, {}, {"old": 5})
    with pytest.raises(ParameterError, match="prior_scale"):
        log_odds(COUNTS_A, COUNTS_B, PRIOR, prior_scale=0)


def test_empty_counts_give_an_empty_table():
    table = log_odds({}, {}, {})
    assert table.empty and list(table.columns)[-1] == "z"


# --- term counts ---------------------------------------------------------------------------
def test_lemma_counts_keep_content_words_only(nlp):
    doc = nlp("The mayor's radical plan was slammed. Mayors slammed 3 plans quickly!")
    # the, 's, was, 3 and punctuation go; plurals and past tenses meet their lemma
    assert dict(doc_term_counts(doc)) == {"mayor": 2, "radical": 1, "plan": 2, "slam": 2,
                                          "quickly": 1}


def test_noun_phrases_lose_their_determiners(nlp):
    doc = nlp("The so-called reform angered the critics. They called it a scheme.")
    counts = doc_term_counts(doc, unit="noun_phrase")
    assert counts == {"so-called reform": 1, "critics": 1, "scheme": 1}  # "They", "it" skipped


def test_term_counts_add_up_over_docs(nlp):
    docs = [nlp("Crowds gathered."), nlp("A crowd gathered and a crowd left.")]
    assert term_counts(docs)["crowd"] == 3
    assert term_counts(docs, unit="noun_phrase")["crowd"] == 2


def test_unknown_unit_is_an_error(nlp):
    with pytest.raises(ParameterError, match="unknown unit"):
        doc_term_counts(nlp("Hello."), unit="word")


# --- outlets -------------------------------------------------------------------------------
LOADED = articles_of({
    "Beacon": ["The regime's thugs attacked peaceful people.", "Thugs blocked the road."],
    "Ledger": ["The government's officers stopped people.", "Officers closed the road."],
    "Whisper": ["Officials said the government's officers stopped people."],
})


def test_outlet_counts_and_one_outlet_against_the_rest(nlp):
    counts = outlet_term_counts(LOADED)
    assert counts["Beacon"]["thug"] == 2 and counts["Ledger"]["officer"] == 2
    table = distinctive_terms(LOADED, outlet="Beacon", top=None)
    assert table["term"].iloc[0] == "thug"
    assert table.set_index("term").loc["thug", ["count_a", "count_b"]].tolist() == [2, 0]
    assert set(table["outlet"]) == {"Beacon"} and set(table["versus"]) == {"rest of corpus"}
    assert table.set_index("term").loc["officer", "count_b"] == 3


def test_one_outlet_against_another_keeps_the_whole_corpus_prior():
    table = distinctive_terms(LOADED, outlet="Beacon", other="Ledger", top=None)
    by_term = table.set_index("term")
    assert by_term.loc["officer", "count_b"] == 2  # the Whisper's officer is not group b
    # ...but it is in the prior: alpha(officer) = 500 * 3 / total terms
    total = sum(sum(c.values()) for c in outlet_term_counts(LOADED).values())
    assert by_term.loc["officer", "alpha"] == pytest.approx(500 * 3 / total)
    assert set(table["versus"]) == {"Ledger"}


def test_top_keeps_both_ends():
    table = distinctive_terms(LOADED, outlet="Beacon", top=1)
    assert len(table) == 2
    assert table["z"].iloc[0] > 0 > table["z"].iloc[1]


def test_unknown_outlet_is_an_error():
    with pytest.raises(ParameterError, match="not in the articles"):
        distinctive_terms(LOADED, outlet="Nowhere")


def test_every_outlet_against_the_rest_in_one_pass():
    table = distinctive_by_outlet(LOADED, top=2)
    assert list(table.columns[:4]) == ["outlet", "rank", "term", "count_outlet"]
    assert table.groupby("outlet")["rank"].apply(list).to_dict() == {
        "Beacon": [1, 2], "Ledger": [1, 2], "Whisper": [1, 2]}
    assert table[table["outlet"] == "Beacon"]["term"].iloc[0] == "thug"


def test_docs_without_doc_id_are_matched_by_position(nlp):
    docs = [nlp(text) for text in LOADED["text"]]
    assert outlet_term_counts(LOADED, docs) == outlet_term_counts(LOADED)


def test_plot_labels_the_top_words_at_both_ends():
    table = distinctive_terms(LOADED, outlet="Beacon", top=None)
    fig = plot_log_odds(table, title="Beacon against the rest", top=2)
    ax = fig.axes[0]
    assert ax.get_title() == "Beacon against the rest"
    assert "frequency" in ax.get_xlabel() and "z-score" in ax.get_ylabel()
    labels = {text.get_text() for text in ax.texts}
    assert "thug" in labels and len(labels) == 4
    assert {t.get_text() for t in ax.get_legend().get_texts()} == {
        "more in Beacon", "more in rest of corpus"}


def test_module_examples_run():
    assert doctest.testmod(vocabulary).failed == 0


# --- odd input ---------------------------------------------------------------------------
ODD_TEXTS = ["", "   ", '"""', '“ ” « » ‘ ’', '"Only a quote."', "🙂 ü\u0301 \u200b \u202e abc",
             "\n\n\n", "3 4 5 !!!", "ＦＵＬＬ　ｗｉｄｔｈ", "a" * 300]


@pytest.mark.filterwarnings("ignore:Glyph:UserWarning", "ignore:Tight layout:UserWarning")
@pytest.mark.parametrize("text", ODD_TEXTS)
def test_odd_texts_never_raise(nlp, text):
    doc = nlp(text)
    for unit in ("lemma", "noun_phrase"):
        doc_term_counts(doc, unit=unit)
    articles = articles_of({"X": [text], "Y": ["The mayor spoke."]})
    distinctive_terms(articles, [doc, nlp("The mayor spoke.")], outlet="X")
    plot_log_odds(distinctive_terms(articles, outlet="X", top=None), title="odd")
    plt.close("all")


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                 HealthCheck.function_scoped_fixture])
@given(st.text(alphabet=st.sampled_from(list('ab .,"“”«»\'’\n🙂é\u0301-')), max_size=40))
def test_random_texts_never_raise(nlp, text):
    doc = nlp(text)
    counts = doc_term_counts(doc)
    assert all(count > 0 for count in counts.values())
    doc_term_counts(doc, unit="noun_phrase")


# --- shared corpora ----------------------------------------------------------------------
@pytest.mark.shared
@pytest.mark.xdist_group("framing_shared")
@pytest.mark.parametrize("name", ["basil", "news_clusters"])
def test_distinctive_vocabulary_runs_on_shared_corpora(corpora, name):
    from toolkit.corpus import load_corpus
    from toolkit.parse import parse

    articles = load_corpus(corpora / name)
    docs = list(parse(articles))
    for unit in ("lemma", "noun_phrase"):
        table = distinctive_by_outlet(articles, docs, unit=unit, top=10)
        assert set(table["outlet"]) <= set(articles["outlet"])
        assert table["z"].notna().all()
    outlet = articles["outlet"].value_counts().index[0]
    full = distinctive_terms(articles, docs, outlet=outlet, top=None)
    plot_log_odds(full, title=f"{outlet} against the rest")
    plt.close("all")
    if name == "basil":  # NYT house style ("Mr. Obama") is its most distinctive lemma
        first = distinctive_by_outlet(articles, docs, top=1).set_index("outlet")
        assert first.loc["nyt", "term"] == "mr."
