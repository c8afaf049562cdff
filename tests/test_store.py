"""The shard store: idempotent, resumable, never reads half a shard, equal to in-memory
analysis, and the same under Dask distributed."""

from __future__ import annotations

import json

import pandas as pd
import pytest
import spacy

from toolkit import analyze, config, load_corpus
from toolkit.cli import main
from toolkit.errors import ParameterError
from toolkit.store import (
    annotate,
    annotate_shard,
    connect,
    load_tables,
    partition_folder,
    store_tables,
)

pytestmark = pytest.mark.xdist_group("store")
COMPARED = ["per_outlet", "scare_quotes_by_outlet", "certainty_by_outlet",
            "distinctive_terms", "entity_labels", "quotations", "frames_by_outlet"]


@pytest.fixture(scope="module")
def articles():
    return load_corpus(config.SAMPLE_CORPUS)


@pytest.fixture(scope="module")
def store(tmp_path_factory, articles):
    path = tmp_path_factory.mktemp("store")
    result = annotate(articles, path, shard_size=10, progress=False)
    assert (result.shards, result.annotated, result.failed) == (4, 4, [])
    return path


def assert_same(left: dict, right: dict, names=COMPARED):
    for name in names:
        pd.testing.assert_frame_equal(left[name].reset_index(drop=True),
                                      right[name].reset_index(drop=True), check_dtype=False)


def test_rerun_skips_finished_shards(store, articles):
    again = annotate(articles, store, shard_size=10, progress=False)
    assert (again.done_before, again.annotated) == (4, 0)


def test_duckdb_views_cover_every_article(store):
    con = connect(store)
    assert con.execute("SELECT count(*) FROM articles").fetchall() == [(32,)]
    outlets = con.sql("SELECT outlet, count(*) FROM attributions GROUP BY 1").fetchall()
    assert len(outlets) == 4 and all(n > 50 for _, n in outlets)


def test_tables_from_the_store_equal_the_in_memory_analysis(store, articles):
    assert_same(store_tables(store), analyze(articles, keyterms=False, progress=False))


def test_a_selection_reads_only_its_articles(store, articles):
    chosen = articles[articles["outlet"].isin(["Daily Relay", "The Harbor Ledger"])]
    assert_same(store_tables(store, doc_ids=chosen["doc_id"].tolist()),
                analyze(chosen.reset_index(drop=True), keyterms=False, progress=False))


def test_a_half_written_shard_is_never_read_and_a_rerun_completes_it(tmp_path, articles,
                                                                    monkeypatch):
    from toolkit import store as store_module

    real_write = store_module.atomic_write

    def crash_on_done_marker(path, data):
        if path.parent.name == "_done" and path.stem == "00001":
            raise KeyboardInterrupt("killed while finishing shard 00001")
        real_write(path, data)

    monkeypatch.setattr(store_module, "atomic_write", crash_on_done_marker)
    with pytest.raises(KeyboardInterrupt):
        annotate(articles, tmp_path, shard_size=10, progress=False)
    assert any((tmp_path / "attributions").glob("outlet=*/part-00001.parquet"))  # not done
    assert connect(tmp_path).execute("SELECT count(*) FROM articles").fetchall() == [(10,)]
    monkeypatch.setattr(store_module, "atomic_write", real_write)
    resumed = annotate(articles, tmp_path, shard_size=10, progress=False)
    assert (resumed.done_before, resumed.annotated) == (1, 3)
    tables = load_tables(tmp_path)
    assert len(tables["articles"]) == 32 and tables["articles"]["doc_id"].is_unique
    assert tables["attributions"]["attribution_id"].is_unique


def test_another_corpus_in_the_same_store_is_refused(store, articles):
    with pytest.raises(ParameterError, match="another corpus"):
        annotate(articles.head(5), store, shard_size=10, progress=False)


def test_annotate_shard_is_idempotent(store):
    before = load_tables(store)["attributions"]
    annotate_shard(store, "00002")
    after = load_tables(store)["attributions"]
    assert len(before) == len(after) and set(before["attribution_id"]) == set(
        after["attribution_id"])


@pytest.mark.slow
def test_dask_local_cluster_gives_the_same_tables(tmp_path, store, articles):
    result = annotate(articles, tmp_path, shard_size=10, dask="local", progress=False)
    assert (result.annotated, result.failed) == (4, [])
    local, distributed = load_tables(store), load_tables(tmp_path)
    for name in ("articles", "attributions", "per_article", "short_quotes", "term_counts"):
        key = [c for c in ("doc_id", "attribution_id", "start", "term") if c in local[name]]
        pd.testing.assert_frame_equal(
            local[name].sort_values(key).reset_index(drop=True).astype(str),
            distributed[name].sort_values(key).reset_index(drop=True).astype(str))


def test_cli_annotates_and_a_report_reads_the_store(tmp_path, capsys):
    from toolkit.report import render_notebook

    assert main(["annotate", "sample", "--out", str(tmp_path / "s"), "--shard-size", "16"]) == 0
    summary = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert summary["shards"] == 2 and summary["articles"] == 32
    result = render_notebook("01", parameters={"corpus": str(tmp_path / "s")},
                             out_dir=tmp_path / "report")
    assert result.status == "ok", result.error
    per_outlet = pd.read_parquet(tmp_path / "report" / "01_sourcing_density" /
                                 "per_outlet.parquet").set_index("outlet")
    assert per_outlet["share_secondhand"].idxmax() == "Daily Relay"


def test_keyterms_come_from_the_stored_docs_without_parsing(store, articles, monkeypatch):
    expected = analyze(articles, progress=False)["keyterms"]

    def no_parse(*args, **kwargs):
        raise AssertionError("the store must not parse")

    monkeypatch.setattr(spacy.language.Language, "pipe", no_parse)
    monkeypatch.setattr(spacy.language.Language, "__call__", no_parse)
    from_store = store_tables(store, keyterms=True)["keyterms"]
    assert len(from_store) == len(expected) > 0
    pd.testing.assert_frame_equal(from_store.reset_index(drop=True), expected)


# --- streaming split and outlet partitions --------------------------------------------------


def test_tables_with_an_outlet_are_hive_partitioned_by_it(store, articles):
    folders = sorted(p.name for p in (store / "attributions").iterdir() if p.is_dir())
    assert folders == sorted(partition_folder(o) for o in articles["outlet"].unique())
    assert partition_folder("A/B=C") == "outlet=A%2FB%3DC"
    one = next((store / "attributions").glob("outlet=*/part-00000.parquet"))
    stored = pd.read_parquet(one)
    assert stored["outlet"].nunique() == 1 and {"_shard", "_row"} <= set(stored)


def test_tables_come_back_in_corpus_order(store, articles):
    assert load_tables(store)["articles"]["doc_id"].tolist() == articles["doc_id"].tolist()


def test_an_outlet_filter_reads_only_that_outlets_files(store, articles, monkeypatch):
    chosen = ["Daily Relay"]
    con = connect(store, outlets=chosen)
    files = {row[0] for row in con.execute("SELECT DISTINCT _file FROM attributions").fetchall()}
    assert files and all(partition_folder("Daily Relay") in f for f in files)
    expected = analyze(articles[articles["outlet"].isin(chosen)].reset_index(drop=True),
                       keyterms=False, progress=False)
    assert_same(store_tables(store, outlets=chosen), expected)
    assert connect(store, outlets=["No Such Outlet"]).execute(
        "SELECT count(*) FROM articles").fetchall() == [(0,)]


def test_a_corpus_file_is_split_by_streaming_not_loaded_whole(tmp_path, monkeypatch):
    from toolkit.corpus import load as load_module

    def whole_corpus(*args, **kwargs):
        raise AssertionError("annotate must stream the corpus, not load it whole")

    monkeypatch.setattr(load_module, "load_corpus", whole_corpus)
    monkeypatch.setattr("toolkit.corpus.load_corpus", whole_corpus)
    result = annotate(config.SAMPLE_CORPUS, tmp_path / "s", shard_size=10, progress=False)
    assert (result.shards, result.articles) == (4, 32)
    meta = json.loads((tmp_path / "s" / "_store.json").read_text())
    assert meta["fingerprint"] and meta["partitioned_by"]["attributions"] == "outlet"


def test_a_changed_corpus_file_is_refused(tmp_path):
    corpus = tmp_path / "c.jsonl"
    corpus.write_text(config.SAMPLE_CORPUS.read_text(encoding="utf-8"), encoding="utf-8")
    annotate(corpus, tmp_path / "s", shard_size=16, progress=False)
    with corpus.open("a", encoding="utf-8") as fh:
        fh.write(json.dumps({"id": "new-1", "outlet": "X", "text": "It rained."}) + "\n")
    with pytest.raises(ParameterError, match="another corpus"):
        annotate(corpus, tmp_path / "s", shard_size=16, progress=False)


def test_a_split_killed_halfway_is_redone_from_the_start(tmp_path, articles, monkeypatch):
    from toolkit import store as store_module

    real = store_module._write_parquet
    written = []

    def killed_after_two_shards(table, path):
        if path.parent.name == "_shards" and len(written) == 2:
            raise KeyboardInterrupt("killed while splitting")
        written.append(path)
        real(table, path)

    monkeypatch.setattr(store_module, "_write_parquet", killed_after_two_shards)
    with pytest.raises(KeyboardInterrupt):
        annotate(articles, tmp_path, shard_size=10, progress=False)
    assert not (tmp_path / "_store.json").exists()
    monkeypatch.setattr(store_module, "_write_parquet", real)
    result = annotate(articles, tmp_path, shard_size=10, progress=False)
    assert (result.shards, result.annotated, result.articles) == (4, 4, 32)
    assert load_tables(tmp_path)["articles"]["doc_id"].is_unique
