"""Loaded terms, label pairs and entity labels: lexicon, matching, rates, BASIL check.

Every text here is written for these tests (fictional); the sample corpus and the shared
corpora are read where they lie.
"""

from __future__ import annotations

import doctest

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from toolkit import config
from toolkit.corpus import load_corpus
from toolkit.errors import ParameterError
from toolkit.framing import labels
from toolkit.framing.labels import (
    HIT_COLUMNS,
    LOADED_TERM_MEASURES,
    basil_lexical_recall,
    basil_spans,
    doc_entity_labels,
    doc_loaded_terms,
    entity_labels,
    inflections,
    label_pairs_by_outlet,
    loaded_lexicon,
    loaded_term_hits,
    loaded_terms_by_outlet,
    loaded_terms_per_article,
)
from toolkit.lexicons import lexicon_sources, load_lexicon
from toolkit.parse import parse


def articles_of(texts_by_outlet: dict[str, list[str]]) -> pd.DataFrame:
    rows = [{"doc_id": f"{outlet}-{i}", "outlet": outlet, "text": text}
            for outlet, texts in texts_by_outlet.items() for i, text in enumerate(texts)]
    return pd.DataFrame(rows)


def found(nlp, text: str) -> list[tuple]:
    return [(h["term"], h["text"], h["start"], h["end"], h["in_quote"])
            for h in doc_loaded_terms(nlp(text))]


# --- the lexicon ---------------------------------------------------------------------------
def test_lexicon_header_names_its_sources():
    header = " ".join(lexicon_sources("loaded_terms"))
    for source in ("Recasens", "Fan, L.", "Associated Press Stylebook", "BBC", "Reuters"):
        assert source in header


def test_lexicon_rows_are_consistent():
    table = load_lexicon("loaded_terms")
    assert list(table.columns) == ["term", "category", "pos", "pair_id",
                                   "neutral_alternative", "notes"]
    assert set(table["category"]) == {"loaded", "label", "neutral"}
    assert table["term"].is_unique and (table["term"] == table["term"].str.lower()).all()
    assert set(table["pos"]) <= {"NOUN", "VERB", "ADJ", "ADV", ""}
    paired = table[table["category"] != "loaded"]
    assert (paired["pair_id"] != "").all() and (table.loc[table["category"] == "loaded",
                                                          "pair_id"] == "").all()
    sides = paired.groupby("pair_id")["category"].apply(set)
    assert (sides == {"label", "neutral"}).all(), sides[sides != {"label", "neutral"}]
    loaded = table[table["category"] != "neutral"]
    assert (loaded["neutral_alternative"] != "").all()


def test_lexicon_covers_the_sample_corpus_labels():
    # data/README.md, answer key 7: the Patriot Beacon's loaded labels
    terms = set(load_lexicon("loaded_terms")["term"])
    assert {"regime", "mob", "thug", "union boss", "bureaucrat", "crony", "scheme", "disaster",
            "radical", "flee", "cave", "slam", "blast", "so-called"} <= terms


def test_brief_label_pairs_are_present():
    table = load_lexicon("loaded_terms").set_index("term")
    for label, neutral in [("occupier", "force"), ("flee", "leave"), ("regime", "government"),
                           ("terrorist", "militant"), ("mob", "crowd"),
                           ("illegal alien", "undocumented immigrant")]:
        assert table.loc[label, "category"] == "label"
        assert table.loc[neutral, "category"] == "neutral"
        assert table.loc[label, "pair_id"] == table.loc[neutral, "pair_id"]


def test_inflections_of_nouns_and_verbs():
    assert inflections("crony", "NOUN") == {"crony", "cronies"}
    assert inflections("boss", "NOUN") == {"boss", "bosses"}
    assert {"slams", "slammed", "slamming"} <= inflections("slam", "VERB")
    assert {"caves", "caved", "caving"} <= inflections("cave", "VERB")
    assert inflections("radical", "ADJ") == {"radical"}


# --- matching ------------------------------------------------------------------------------
def test_hits_have_offsets_and_quote_flags(nlp):
    text = 'Critics slammed the so-called reform. "They are thugs," she said.'
    #       0       8      15  19         29                 47  52
    assert found(nlp, text) == [("slam", "slammed", 8, 15, False),
                                ("so-called", "so-called", 20, 29, False),
                                ("thug", "thugs", 48, 53, True)]
    assert text[48:53] == "thugs" and text[20:29] == "so-called"


def test_nouns_that_look_like_loaded_verbs_are_not_counted(nlp):
    assert found(nlp, "The blast damaged a cave near the dam.") == []
    assert [h[0] for h in found(nlp, "The mayor caved and the union blasted him.")] == [
        "cave", "blast"]


def test_longest_match_wins_and_irregular_forms_match_by_lemma(nlp):
    hits = found(nlp, "Union bosses and illegal immigrants fled.")
    assert [h[0] for h in hits] == ["union boss", "illegal immigrant", "flee"]
    assert [h[1] for h in hits] == ["Union bosses", "illegal immigrants", "fled"]


def test_hit_table_columns_and_categories(nlp):
    articles = articles_of({"X": ["The regime and the government met a crowd."]})
    hits = loaded_term_hits(articles)
    assert list(hits.columns) == HIT_COLUMNS
    assert hits[["term", "category", "pair_id"]].values.tolist() == [
        ["regime", "label", "regime/government"],
        ["government", "neutral", "regime/government"],
        ["crowd", "neutral", "mob/crowd"]]
    assert set(hits["outlet"]) == {"X"} and set(hits["doc_id"]) == {"X-0"}


def test_docs_with_an_articles_table_get_their_outlet(nlp):
    articles = articles_of({"X": ["The mob cheered."]})
    hits = loaded_term_hits(list(parse(articles)), articles=articles)
    assert hits["outlet"].tolist() == ["X"]
    assert loaded_term_hits([nlp("The mob cheered.")])["outlet"].isna().all()


def test_a_users_lexicon_replaces_the_packaged_one(tmp_path, nlp):
    path = tmp_path / "mine.tsv"
    path.write_text("# my list (Me 2026)\nterm\tcategory\tpos\tpair_id\n"
                    "dam\tloaded\tNOUN\t\n", encoding="utf-8")
    assert [h["term"] for h in doc_loaded_terms(nlp("The dams and the regime."),
                                                 lexicon=path)] == ["dam"]
    path.write_text("term\tcategory\tpos\tpair_id\ndam\tevil\tNOUN\t\n", encoding="utf-8")
    with pytest.raises(ParameterError, match="unknown category"):
        loaded_lexicon(path)


# --- rates ---------------------------------------------------------------------------------
RATE_ARTICLES = articles_of({
    # 10 words, 4 of them quoted; loaded: slammed (journalist), disaster (quoted)
    "Beacon": ['Critics slammed the plan. "It is a disaster," one said.',
               # 5 words, none quoted; loaded: thugs, mob
               "Thugs joined the mob today."],
    # 6 words, no loaded term (crowd is the neutral side of a pair)
    "Ledger": ["A crowd gathered near the dam."],
})


def test_per_article_counts_in_each_voice():
    table = loaded_terms_per_article(RATE_ARTICLES).set_index("doc_id")
    assert table.loc["Beacon-0", ["words", "words_quoted", "words_journalist",
                                  "loaded_terms", "loaded_terms_journalist",
                                  "loaded_terms_quoted"]].tolist() == [10, 4, 6, 2, 1, 1]
    assert table.loc["Beacon-0", "loaded_terms_per_1000_words"] == pytest.approx(200.0)
    assert table.loc["Beacon-0", "loaded_terms_per_1000_words_journalist"] == \
        pytest.approx(1000 / 6)
    assert table.loc["Beacon-0", "loaded_terms_per_1000_words_quoted"] == 250.0
    assert pd.isna(table.loc["Beacon-1", "loaded_terms_per_1000_words_quoted"])
    assert table.loc["Ledger-0", "loaded_terms"] == 0


def test_per_outlet_rates_pool_articles_and_carry_intervals():
    table = loaded_terms_by_outlet(RATE_ARTICLES).set_index("outlet")
    # Beacon: 4 loaded terms in 15 words; 3 in 11 journalist words; 1 in 4 quoted words
    assert table.loc["Beacon", "loaded_terms_per_1000_words"] == pytest.approx(4000 / 15)
    assert table.loc["Beacon", "loaded_terms_per_1000_words_journalist"] == \
        pytest.approx(3000 / 11)
    assert table.loc["Beacon", "share_loaded_terms_quoted"] == 0.25
    assert table.loc["Ledger", "loaded_terms_per_1000_words"] == 0
    assert table.index[0] == "Beacon"
    for rate in (m.name for m in LOADED_TERM_MEASURES):
        low, value, high = table.loc["Beacon", [f"{rate}_low", rate, f"{rate}_high"]]
        assert low <= value <= high


def test_label_pairs_by_voice(nlp):
    articles = articles_of({
        "Beacon": ['The regime fell. "The regime lied," he said. The government left.'],
        "Ledger": ["The government fell."]})
    hits = loaded_term_hits(articles)
    both = label_pairs_by_outlet(hits).set_index(["pair_id", "outlet"])
    row = both.loc[("regime/government", "Beacon")]
    assert row[["label_uses", "neutral_uses", "prefers"]].tolist() == [2, 1, "label"]
    assert row["share_label_uses"] == pytest.approx(2 / 3)
    assert row["label_terms"] == "regime (2)" and row["neutral_terms"] == "government (1)"
    assert both.loc[("regime/government", "Ledger"), "prefers"] == "neutral"
    journalist = label_pairs_by_outlet(hits, voice="journalist").set_index(["pair_id",
                                                                             "outlet"])
    assert journalist.loc[("regime/government", "Beacon"), "prefers"] == "even"
    quoted = label_pairs_by_outlet(hits, voice="quoted")
    assert quoted[["pair_id", "label_uses"]].values.tolist() == [["regime/government", 1]]
    with pytest.raises(ParameterError):
        label_pairs_by_outlet(hits, voice="reporter")


# --- entity labels -------------------------------------------------------------------------
def test_words_attached_to_an_entity(nlp):
    doc = nlp("Vladimir Putin, the Russian leader, met the brutal Assad regime. "
              "Putin is a dictator.")
    mentions, words = doc_entity_labels(doc)
    assert mentions[("Vladimir Putin", "PERSON")] == 2  # "Putin" filed under the full name
    assert {w for (e, _, w) in words if e == "Vladimir Putin"} == {"leader", "russian",
                                                                  "dictator"}
    assert {w for (e, _, w) in words if e == "Assad"} == {"regime", "brutal"}


def test_entity_labels_compare_outlets_on_shared_entities():
    articles = articles_of({
        "Beacon": ["The Assad regime shelled Homs.", "Senator Kell Varo, a radical, spoke."],
        "Ledger": ["The Assad government denied it.", "Kell Varo spoke on Monday."],
        "Whisper": ["Mayor Odo Brant resigned."],
    })
    table = entity_labels(None, articles)
    assert list(table.columns) == ["entity", "entity_type", "outlet", "word", "count",
                                   "entity_mentions"]
    rows = set(map(tuple, table[["entity", "outlet", "word", "count"]].values.tolist()))
    assert ("Assad", "Beacon", "regime", 1) in rows
    assert ("Assad", "Ledger", "government", 1) in rows
    assert ("Kell Varo", "Beacon", "radical", 1) in rows
    assert "Odo Brant" not in set(table["entity"])  # one outlet only
    assert len(entity_labels(None, articles, top_entities=1)["entity"].unique()) == 1


def test_module_examples_run():
    assert doctest.testmod(labels).failed == 0


# --- odd input ---------------------------------------------------------------------------
ODD_TEXTS = ["", "   ", '"""', '“ ” « » ‘ ’', '"The regime is a disaster."', "«mob»",
             "🙂 ü\u0301 \u200b \u202e regime", "\n\n\n", "'so-called' \"thugs\"",
             "ＲＥＧＩＭＥ　ｍｏｂ", "regime " * 100]


@pytest.mark.parametrize("text", ODD_TEXTS)
def test_odd_texts_never_raise(text):
    articles = articles_of({"X": [text], "Y": ["The Assad regime spoke."]})
    hits = loaded_term_hits(articles)
    own = hits[hits["doc_id"] == "X-0"]
    assert [text[s:e] for s, e in zip(own["start"], own["end"])] == own["text"].tolist()
    loaded_terms_by_outlet(articles, hits)
    label_pairs_by_outlet(hits)
    entity_labels(None, articles)


def test_quote_only_text_counts_every_hit_as_quoted():
    articles = articles_of({"X": ['"The mob and the thugs."']})
    table = loaded_terms_by_outlet(articles).iloc[0]
    assert table["loaded_terms_quoted"] == 2 and table["words_journalist"] == 0
    assert pd.isna(table["loaded_terms_per_1000_words_journalist"])


def test_empty_corpus_gives_empty_tables():
    articles = pd.DataFrame(columns=["doc_id", "outlet", "text"])
    hits = loaded_term_hits(articles)
    assert hits.empty and list(hits.columns) == HIT_COLUMNS
    assert loaded_terms_by_outlet(articles, hits).empty
    assert label_pairs_by_outlet(hits).empty
    assert entity_labels(None, articles).empty


PIECES = [*'ab .,"“”«»\'’\n🙂é-', "mob", "regime", "fled", "so-called", " "]


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                 HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(PIECES), max_size=30).map("".join))
def test_random_texts_never_raise(nlp, text):
    doc = nlp(text)
    for hit in doc_loaded_terms(doc):
        assert text[hit["start"]:hit["end"]] == hit["text"]
    doc_entity_labels(doc)


# --- the sample corpus: the answer key -----------------------------------------------------
def test_patriot_beacon_scores_highest_on_loaded_terms():
    articles = load_corpus(config.SAMPLE_CORPUS)
    docs = list(parse(articles))
    table = loaded_terms_by_outlet(articles, loaded_term_hits(docs, articles=articles))
    table = table.set_index("outlet")
    beacon = table.loc["The Patriot Beacon"]
    others = table.drop(index="The Patriot Beacon")
    for rate in ("loaded_terms_per_1000_words",
                 "loaded_terms_per_1000_words_journalist"):
        assert table[rate].idxmax() == "The Patriot Beacon"
        # the Beacon's whole interval lies above every other outlet's interval
        assert beacon[f"{rate}_low"] > others[f"{rate}_high"].max()


# --- shared corpora ----------------------------------------------------------------------
@pytest.mark.shared
@pytest.mark.xdist_group("framing_shared")
@pytest.mark.parametrize("name", ["basil", "news_clusters"])
def test_loaded_terms_and_labels_run_on_shared_corpora(corpora, name):
    articles = load_corpus(corpora / name)
    docs = list(parse(articles))
    hits = loaded_term_hits(docs, articles=articles)
    assert len(hits) and hits["outlet"].notna().all()
    texts = dict(zip(articles["doc_id"], articles["text"]))
    assert all(texts[d][s:e] == t for d, s, e, t in
               zip(hits["doc_id"], hits["start"], hits["end"], hits["text"]))
    per_outlet = loaded_terms_by_outlet(articles, hits)
    assert len(per_outlet) == articles["outlet"].nunique()
    assert len(label_pairs_by_outlet(hits))
    table = entity_labels(docs, articles)
    assert table["entity"].nunique() <= 20 and (table["count"] > 0).all()


@pytest.mark.shared
@pytest.mark.xdist_group("framing_shared")
def test_basil_spans_are_placed_in_the_loaded_text(corpora):
    spans = basil_spans(corpora / "basil")
    articles = load_corpus(corpora / "basil")
    texts = dict(zip(articles["doc_id"], articles["text"]))
    placed = spans[spans["placed"]]
    assert len(spans) == 1210 and len(placed) == 1208  # 2 spans match no sentence
    assert all(texts[d][s:e] == t for d, s, e, t in
               zip(placed["doc_id"], placed["start"], placed["end"], placed["txt"]))


@pytest.mark.shared
@pytest.mark.xdist_group("framing_shared")
def test_basil_lexical_recall_of_both_detectors(corpora):
    """Recall of BASIL's 338 placed ``lex`` spans (k = 100 distinctive lemmas per outlet).

    Measured when written: loaded terms recall 30 of 338 spans (8.9%), distinctive words
    15 (4.4%), either 12.7%. Share of hits inside any annotated span: loaded terms 43%
    (78 of 183), distinctive words 7%.

    Precision judged by hand on 50 random hits of each detector (seed 0; criterion: the
    matched word, read in its sentence, passes a judgement on what it names, in the
    journalist's or a quoted voice; literal, negated and nickname uses ("natural
    disaster", "it is not a witch hunt", "the so-called nuclear option") count as not
    loaded): loaded terms 41 of 50 (82%; journalist voice 17 of 20, quoted 24 of 30);
    distinctive words 1 of 50 (2%: they are house style and topic, "Mr.", "Sen.", names).
    """
    figures = basil_lexical_recall(corpora / "basil")
    assert figures["lex_spans"] == 338 and figures["k"] == 100
    assert figures["recall_loaded_terms"] >= 0.08
    assert figures["recall_either"] >= max(figures["recall_loaded_terms"],
                                           figures["recall_distinctive"])
    assert figures["span_precision_loaded_terms"] > 4 * figures["span_precision_distinctive"]
