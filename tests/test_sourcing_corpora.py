"""Sourcing on whole corpora: the sample's answer key, PolNeAR gold density, the CLI."""

from __future__ import annotations

import pandas as pd
import pytest

from toolkit import config, load_corpus
from toolkit.analysis import analyze_sourcing
from toolkit.cli import main
from toolkit.evaluate import density_against_gold


@pytest.fixture(scope="module")
def sample_tables():
    return analyze_sourcing(load_corpus(config.SAMPLE_CORPUS), progress=False)


def test_sample_answer_key_is_recovered(sample_tables):
    outlets = sample_tables["per_outlet"].set_index("outlet")
    assert outlets["share_secondhand"].idxmax() == "Daily Relay"
    assert outlets["share_anonymous"].idxmax() == "The Capital Whisper"
    assert outlets["share_named_person"].idxmax() == "The Harbor Ledger"
    assert outlets["share_loaded_cues"].idxmax() == "The Patriot Beacon"
    assert outlets.loc["The Harbor Ledger", "share_secondhand"] == 0


def test_sample_quotes_travel_from_the_first_hand_outlet(sample_tables):
    quotations, credit = sample_tables["quotations"], sample_tables["credit"]
    assert len(quotations) >= 10
    assert (quotations["first_outlet"] == "The Harbor Ledger").mean() > 0.8
    by_outlet = credit.set_index("outlet")
    beacon = by_outlet.loc["The Patriot Beacon"]
    assert beacon["credits_first"] + beacon["credits_relay"] == 0  # never credits
    assert beacon["copied"] + beacon["independent"] == beacon["carried_later"]
    assert by_outlet.loc["Daily Relay", "share_uncredited"] < 0.5


@pytest.mark.shared
@pytest.mark.xdist_group("polnear_train")  # one worker parses PolNeAR train once
def test_polnear_density_by_publisher_matches_gold(corpora):
    table, summary = density_against_gold(
        [corpora / "polnear" / "train", corpora / "polnear" / "dev"], progress=False)
    print(table.round(3).to_string(), summary)
    assert len(table) == 7
    assert summary["spearman"] >= 0.8
    assert summary["max_abs_relative_error"] <= 0.15


def test_sourcing_cli_writes_every_table_and_the_graph(tmp_path, capsys):
    assert main(["sourcing", "sample", "-o", str(tmp_path)]) == 0
    for name in ("per_article", "per_outlet", "per_outlet_story", "comparisons", "quotations",
                 "carriers", "top_sources", "overlap"):
        assert (tmp_path / f"{name}.parquet").exists() and (tmp_path / f"{name}.csv").exists()
    assert (tmp_path / "source_network.graphml").stat().st_size > 1000
    per_outlet = pd.read_parquet(tmp_path / "per_outlet.parquet")
    assert {"attributions_per_100_words", "attributions_per_100_words_low",
            "share_secondhand_high"} <= set(per_outlet.columns)
    assert "Daily Relay" in capsys.readouterr().out


@pytest.mark.shared
def test_quotes_travel_across_the_news_clusters(corpora):
    tables = analyze_sourcing(load_corpus(corpora / "news_clusters"), progress=False)
    quotations = tables["quotations"]
    assert len(quotations) >= 50 and quotations["outlets"].max() >= 4
    assert quotations["first_outlet"].notna().all()
    credit = tables["credit"]
    assert credit["carried_later"].sum() >= len(quotations)
    assert tables["per_outlet_story"]["story"].nunique() >= 60
