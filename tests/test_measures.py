"""The measure registry (toolkit.measures, toolkit.analysis): a measure is one module plus
one registration, and it then shows up in every table, comparison, finding and report."""

from __future__ import annotations

import doctest
import os
import sys
from pathlib import Path

import pandas as pd
import pytest

from toolkit import analyze, config, load_corpus, measures
from toolkit.analysis import (
    BUILTIN_FAMILIES,
    article_table_names,
    families,
    figures,
    labelled,
    measures_by_outlet,
    outlet_comparison,
    section_tables,
)
from toolkit.errors import ParameterError
from toolkit.findings import describe_differences
from toolkit.measures import ArticleInputs, Measure, MeasureFamily, pool_measures

PLUGINS = Path(__file__).resolve().parent / "plugins"
PLUGIN = "toy_reported"
RATE = "reported_per_1000_words_journalist"
HITS = Measure("hits_per_1000_words", label="Hits", unit="per 1,000 words",
               description="hits", numerator="hits", denominator="words", scale=1000)


@pytest.fixture(scope="module")
def sample():
    articles = load_corpus(config.SAMPLE_CORPUS)
    return articles, analyze(articles, keyterms=False, progress=False)


def _forget_plugin() -> None:
    measures.unregister("reported")
    sys.modules.pop(PLUGIN, None)


@pytest.fixture
def plugin(monkeypatch):
    """``TOOLKIT_MEASURES`` names the toy module of tests/plugins, on the Python path of
    this process and of any kernel it starts."""
    _forget_plugin()
    monkeypatch.syspath_prepend(str(PLUGINS))
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join(
        p for p in (str(PLUGINS), os.environ.get("PYTHONPATH", "")) if p))
    monkeypatch.setenv(measures.ENVIRONMENT_VARIABLE, PLUGIN)
    yield
    _forget_plugin()


# --- the specs ---------------------------------------------------------------------------
def test_a_measure_says_what_it_is_and_refuses_a_bad_spec():
    assert HITS.rate == ("hits", "words", 1000.0) and not HITS.share
    assert HITS.title == "Hits (per 1,000 words)"
    with pytest.raises(ParameterError, match="unknown voice 'narrator'"):
        Measure("m", label="M", unit="share of words", description="m", numerator="a",
                denominator="b", voice="narrator")
    with pytest.raises(ParameterError, match="not a column name"):
        Measure("hits per word", label="M", unit="u", description="m", numerator="a",
                denominator="b")


def test_a_family_names_its_tables_after_itself_by_default():
    family = MeasureFamily(name="hits", label="Hits", section="framing",
                           count=lambda inputs: pd.DataFrame(), measures=(HITS,))
    assert family.tables == ("hits_per_article",)
    assert family.outlet_tables == ("hits_by_outlet",)
    assert (family.rates_table, family.pooled_table) == ("hits_per_article", "hits_by_outlet")


def test_a_count_table_is_completed_with_every_article_its_outlet_and_words():
    articles = pd.DataFrame({"doc_id": ["a", "b", "c"], "outlet": ["X", "X", "Y"],
                             "text": ['Hit hit. "Quoted words here."', "No hits", "hit"]})

    def count(inputs):  # only the articles with something to count
        return pd.DataFrame({"doc_id": ["a", "c"], "hits": [2, 1]})

    family = MeasureFamily(name="hits", label="Hits", section="framing", count=count,
                           measures=(HITS,))
    table = family.article_tables(ArticleInputs.of(articles))["hits_per_article"]
    assert table[["doc_id", "outlet", "words", "hits"]].values.tolist() == [
        ["a", "X", 5, 2], ["b", "X", 2, 0], ["c", "Y", 1, 1]]
    assert table["hits_per_1000_words"].tolist() == [400.0, 0.0, 1000.0]
    pooled = family.pool_outlets(table).set_index("outlet")
    assert pooled.loc["X", "hits_per_1000_words"] == pytest.approx(2000 / 7)
    assert pooled.loc["X", "hits_per_1000_words_low"] <= pooled.loc["X", "hits_per_1000_words"]


def test_a_count_function_must_return_the_tables_it_declares():
    family = MeasureFamily(name="hits", label="Hits", section="framing",
                           count=lambda inputs: {"other": pd.DataFrame()}, measures=(HITS,))
    articles = pd.DataFrame({"doc_id": ["a"], "outlet": ["X"], "text": ["hit"]})
    with pytest.raises(ParameterError, match="returned tables \\['other'\\]"):
        family.article_tables(ArticleInputs.of(articles))


def test_a_measure_per_article_pools_as_the_mean_over_articles():
    per_article = pd.DataFrame({"outlet": ["A", "A", "A"], "sources": [1, 2, 6]})
    per = Measure("sources_per_article", label="Sources", unit="per article",
                  description="sources", numerator="sources", denominator=measures.ONE)
    pooled = pool_measures(per_article, [per], samples=100)
    assert pooled.loc[0, "sources_per_article"] == 3.0
    assert measures.ONE not in pooled


# --- the built-in registry ---------------------------------------------------------------
def test_the_builtin_families_cover_every_article_table_once():
    names = article_table_names()
    assert names[:3] == ("articles", "attributions", "text_counts")
    assert len(names) == len(set(names))
    assert {"per_article", "short_quotes", "frame_scores", "term_counts"} <= set(names)


def test_every_registered_measure_has_a_unique_title_and_a_known_voice():
    titles = [m.title for f in BUILTIN_FAMILIES for m in f.measures]
    shared = {"share_loaded_cues", "share_neutral_cues"}  # density lists verbs' specs
    assert len(titles) - len(set(titles)) == len(shared)
    assert all(m.voice in measures.VOICE_NAMES for f in BUILTIN_FAMILIES for m in f.measures)


def test_two_families_cannot_take_the_same_table(monkeypatch):
    clash = MeasureFamily(name="clash", label="Clash", section="sourcing",
                          outlet_tables=("per_outlet",), outlet=lambda tables: {})
    measures.register(clash)
    try:
        with pytest.raises(ParameterError, match="'per_outlet' of measure family 'clash'"):
            families()
    finally:
        measures.unregister("clash")


def test_sections_list_their_tables_for_the_reports():
    assert "per_outlet" in section_tables("sourcing")
    assert "per_outlet" not in section_tables("framing")
    assert "term_counts" not in section_tables("framing")  # internal: summed over shards
    assert {"distinctive_terms", "keyterms", "frames_by_outlet"} <= set(section_tables("framing"))


def test_figures_and_labelled_tables_come_from_the_registry(sample):
    _, tables = sample
    found = figures(tables, "framing")
    assert {"share_loaded_cues", "scare_quotes_per_1000_words", "certainty_by_voice",
            "loaded_terms_per_1000_words", "frames", "gdelt_tone_per_100_words_journalist"} \
        <= set(found)
    assert found["scare_quotes_per_1000_words"].axes[0].get_title() == "Scare quotes"
    assert {"attributions_per_100_words", "share_secondhand", "source_types"} <= set(
        figures(tables, "sourcing"))
    shown = labelled(tables["comparisons"])
    assert "Second-hand attributions (share of attributions)" in set(shown["measure"])
    every = measures_by_outlet(tables)
    assert every.groupby("measure").size().eq(4).all()  # four outlets, every measure
    assert "frame_terms_per_1000_words" not in set(every["measure"])  # one row per frame


def test_a_cue_class_filter_recounts_the_families_that_count_attributions(sample):
    articles, tables = sample
    speech = analyze(articles, keyterms=False, cue_classes=["neutral", "loaded"],
                     progress=False)
    assert (speech["per_article"]["attributions"] <= tables["per_article"]["attributions"]).all()
    assert speech["per_article"]["attributions"].sum() < tables["per_article"][
        "attributions"].sum()
    pd.testing.assert_frame_equal(speech["verb_profile"], tables["verb_profile"])


# --- a measure from outside the package ----------------------------------------------------
def test_a_module_named_in_the_environment_adds_a_measure_everywhere(sample, plugin):
    articles, before = sample
    assert "reported" in [f.name for f in families()]
    tables = analyze(articles, keyterms=False, progress=False)
    per_article = tables["reported_per_article"].set_index("doc_id")
    assert per_article.loc["daily-relay-e01", "reported_journalist"] >= 1
    outlets = tables["reported_by_outlet"].set_index("outlet")
    assert outlets.loc["The Harbor Ledger", RATE] == 0
    assert outlets.loc["Daily Relay", RATE] > 5
    assert RATE in set(tables["comparisons"]["measure"])
    comparison = outlet_comparison(tables, "Daily Relay")
    row = comparison.set_index("measure").loc[RATE]
    assert row["exceeds_uncertainty"] and row["label"] == '"Reported"'
    assert any('uses of "reported" in its own voice' in s
               for s in describe_differences(comparison, "Daily Relay"))
    assert RATE in figures(tables, "sourcing")
    # the measures already there are exactly as they were
    for name, table in before.items():
        if name == "comparisons":
            table = table.reset_index(drop=True)
            kept = tables[name][tables[name]["measure"] != RATE].reset_index(drop=True)
            pd.testing.assert_frame_equal(kept, table)
        elif name != "network":
            pd.testing.assert_frame_equal(tables[name], table)
    pd.testing.assert_frame_equal(
        comparison[comparison["measure"] != RATE].reset_index(drop=True),
        outlet_comparison(before, "Daily Relay"))


def test_a_module_found_through_an_entry_point_adds_a_measure(tmp_path, monkeypatch):
    _forget_plugin()
    info = tmp_path / "toy_reported-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: toy-reported\nVersion: 1.0\n")
    (info / "entry_points.txt").write_text(
        f"[{measures.ENTRY_POINT_GROUP}]\nreported = {PLUGIN}:REPORTED_FAMILY\n")
    monkeypatch.syspath_prepend(str(PLUGINS))
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.delenv(measures.ENVIRONMENT_VARIABLE, raising=False)
    try:
        assert "reported" in [f.name for f in families()]
        assert "reported_per_article" in article_table_names()
    finally:
        _forget_plugin()


def test_a_module_that_cannot_be_imported_is_a_clear_error(monkeypatch):
    monkeypatch.setenv(measures.ENVIRONMENT_VARIABLE, "no_such_measure_module")
    with pytest.raises(ParameterError, match="cannot import measure module "
                                             "'no_such_measure_module'"):
        families()


@pytest.mark.slow
@pytest.mark.xdist_group("reports")
def test_the_outlet_report_shows_a_measure_from_outside(tmp_path, plugin):
    from toolkit.report import render_notebook

    result = render_notebook("04", parameters={"corpus": str(config.SAMPLE_CORPUS)},
                             out_dir=tmp_path)
    assert result.status == "ok", result.error
    comparison = pd.read_parquet(tmp_path / "04_outlet_report" / "comparison.parquet")
    assert comparison.set_index("measure").loc[RATE, "exceeds_uncertainty"]
    html = result.html.read_text()
    assert "Daily Relay has more uses of &quot;reported&quot; in its own voice" in html \
        or 'Daily Relay has more uses of "reported" in its own voice' in html
    assert "&quot;Reported&quot; (per 1,000 words in the journalist&#x27;s voice)" in html \
        or "\"Reported\" (per 1,000 words in the journalist's voice)" in html


def test_the_module_examples_run():
    assert doctest.testmod(measures).failed == 0
