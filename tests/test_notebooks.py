"""Every notebook, rendered by Papermill, recovers what the data holds: the sample's
answer key, a research corpus's outlets, clear parameter errors, escaped article text."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from toolkit.report import list_notebooks, render_notebook

pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("reports")]


def table(out, notebook, name):
    return pd.read_parquet(out / notebook / f"{name}.parquet")


def test_every_notebook_renders_on_the_sample(sample_reports):
    out, results = sample_reports
    assert set(results) == {p.stem for p in list_notebooks()}
    assert all(r.status == "ok" for r in results.values()), {
        n: r.error for n, r in results.items() if r.status != "ok"}
    index = (out / "index.html").read_text()
    for name, result in results.items():
        assert name in index and result.html.stat().st_size > 10_000
        assert "<script src=" not in result.html.read_text()  # nothing fetched from CDNs


def test_sourcing_report_recovers_the_answer_key(sample_reports):
    per_outlet = table(sample_reports[0], "01_sourcing_density", "per_outlet").set_index("outlet")
    assert per_outlet["share_secondhand"].idxmax() == "Daily Relay"
    assert per_outlet["share_anonymous"].idxmax() == "The Capital Whisper"
    assert per_outlet["share_named_person"].idxmax() == "The Harbor Ledger"
    assert (sample_reports[0] / "01_sourcing_density" / "share_secondhand.png").exists()


def test_chains_report_follows_quotes_across_outlets(sample_reports):
    out = sample_reports[0]
    quotations = table(out, "02_quote_chains", "quotations")
    assert (quotations["first_outlet"] == "The Harbor Ledger").mean() > 0.8
    credit = table(out, "02_quote_chains", "credit").set_index("outlet")
    beacon = credit.loc["The Patriot Beacon"]
    assert beacon["credits_first"] + beacon["credits_relay"] == 0  # never credits
    assert (out / "02_quote_chains" / "source_network.graphml").stat().st_size > 1000


def test_framing_report_recovers_the_answer_key(sample_reports):
    out = sample_reports[0]
    scare = table(out, "03_framing", "scare_quotes_by_outlet").set_index("outlet")
    assert scare["scare_quotes_per_1000_words"].idxmax() == "The Patriot Beacon"
    verbs = table(out, "03_framing", "verb_profile").set_index("outlet")
    assert verbs["share_loaded_cues"].idxmax() == "The Patriot Beacon"
    certainty = table(out, "03_framing", "certainty_by_outlet").set_index("outlet")
    assert certainty["hedges_per_1000_words_journalist"].idxmax() == "The Capital Whisper"
    loaded = table(out, "03_framing", "loaded_terms_by_outlet").set_index("outlet")
    assert loaded["loaded_terms_per_1000_words"].idxmax() == "The Patriot Beacon"


def test_outlet_report_writes_the_differences_beyond_uncertainty(sample_reports):
    out, results = sample_reports
    comparison = table(out, "04_outlet_report", "comparison").set_index("measure")
    secondhand = comparison.loc["share_secondhand"]  # the default outlet: Daily Relay
    assert secondhand["exceeds_uncertainty"] and secondhand["difference"] > 0.3
    html = results["04_outlet_report"].html.read_text()
    assert "Daily Relay has a larger share of second-hand attributions" in html


def test_quickstart_shows_the_lesson_article_with_its_chain(sample_reports):
    html = sample_reports[1]["10_teaching_quickstart"].html.read_text()
    assert "tk-source" in html and "Answer" in html
    assert "Radio NV" in html or "Radio Meridian" in html  # the seed, or the sample stand-in


@pytest.mark.parametrize("parameters, message", [
    ({"date_from": "2031-01-01"}, "no article published"),
    ({"outlets": ["No Such Outlet"]}, "not in the corpus"),
    ({"min_articles": "three"}, "expected int"),
    ({"cue_classes": ["rumour"]}, "unknown cue class"),
])
def test_bad_parameters_fail_with_a_clear_message(tmp_path, parameters, message):
    result = render_notebook("01", parameters=parameters, out_dir=tmp_path)
    assert result.status == "failed" and message in str(result.error)


def test_article_text_is_escaped_in_reports(tmp_path):
    corpus = tmp_path / "hostile.jsonl"
    text = ('Mara Kovell said the <script>alert("owned")</script> reports were false. '
            '"We will act," she told Channel 9 <img src=x onerror=alert(1)>.')
    corpus.write_text(json.dumps({"doc_id": "h1", "outlet": "The Ledger", "text": text}) + "\n"
                      + json.dumps({"doc_id": "h2", "outlet": "The Relay",
                                    "text": "Officials said it rained."}) + "\n")
    result = render_notebook("02", parameters={"corpus": str(corpus), "doc_id": "h1"},
                             out_dir=tmp_path / "out")
    assert result.status == "ok", result.error
    html = result.html.read_text()
    assert "&lt;script&gt;alert(" in html
    assert '<script>alert("owned")' not in html and "<img src=x" not in html


@pytest.mark.shared
def test_reports_run_on_a_research_corpus(corpora, tmp_path):
    parameters = {"corpus": str(corpora / "basil")}
    for notebook in ("00", "01", "02", "03", "04"):
        result = render_notebook(notebook, parameters=parameters, out_dir=tmp_path)
        assert result.status == "ok", result.error
    per_outlet = table(tmp_path, "01_sourcing_density", "per_outlet")
    assert sorted(per_outlet["outlet"]) == ["fox", "hpo", "nyt"]
    assert (per_outlet["articles"] == 70).all()
    assert (per_outlet["attributions_per_100_words"] > 1).all()
    frames = table(tmp_path, "03_framing", "frames_by_outlet")
    assert set(frames["outlet"]) == {"fox", "hpo", "nyt"}
    comparison = table(tmp_path, "04_outlet_report", "comparison")
    assert len(comparison) >= 10
