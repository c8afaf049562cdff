"""Adversarial stores (issue 12, D3-D5 and the kill -9 items): a damaged, oddly named,
contended or killed store is reported with a coded error naming the shard, repaired by
the next ``annotate``, and never read short. Each test writes its own small corpus; each
failed on the store before the fix (a raw DuckDB/spaCy/OS error, silently missing rows, a
rerun that repaired nothing, two runs both doing all the work, orphan temporaries)."""

from __future__ import annotations

import json
import shutil
import signal
import subprocess
import sys
import time
import warnings
from pathlib import Path

import pandas as pd
import pytest

from toolkit.cli import main
from toolkit.errors import DamagedShardError, RenamedFieldWarning, StoreLockedError
from toolkit.store import (
    annotate,
    connect,
    load_tables,
    partition_folder,
    stored_docs,
    verify,
)

pytestmark = pytest.mark.xdist_group("store")

TEXTS = [
    "Mayor Ana Ruiz said the bridge would reopen in May.",
    '"We are not ready," the harbour master told reporters on Monday.',
    "Officials warned that the ferry timetable would change again.",
    "A council spokesperson said the library would stay open on Sundays.",
    "Farmers in the valley said the late frost had cost them half their apples.",
    '"It is a scandal," said Tomas Rell, who leads the tenants group.',
]
OUTLETS = ["The Ledger", "Daily Relay", "The Ledger", "Harbor News", "Daily Relay",
           "Harbor News"]


def write_corpus(path: Path, outlets=OUTLETS, **extra) -> Path:
    path.write_text("".join(json.dumps({"id": f"a{n}", "outlet": outlet, "text": text,
                                        **{k: f"{v}{n}" for k, v in extra.items()}}) + "\n"
                            for n, (outlet, text) in enumerate(zip(outlets, TEXTS))),
                    encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def pristine(tmp_path_factory):
    """A finished store of six articles in three shards, and its corpus."""
    folder = tmp_path_factory.mktemp("pristine")
    corpus = write_corpus(folder / "corpus.jsonl")
    result = annotate(corpus, folder / "store", shard_size=2, progress=False)
    assert (result.shards, result.annotated, result.failed) == (3, 3, [])
    return corpus, folder / "store"


@pytest.fixture
def damaged(pristine, tmp_path):
    """A copy of the pristine store (same corpus) to damage."""
    corpus, store = pristine
    shutil.copytree(store, tmp_path / "store")
    return corpus, tmp_path / "store"


def same_tables(left: Path, right: Path) -> None:
    a, b = load_tables(left), load_tables(right)
    assert a.keys() == b.keys()
    for name in a:
        pd.testing.assert_frame_equal(a[name].astype(str), b[name].astype(str))


def one_part(store: Path, table: str = "attributions", shard: str = "00001") -> Path:
    return next((store / table).glob(f"outlet=*/part-{shard}.parquet"))


# --- D3: damaged shards ------------------------------------------------------------------
def test_a_truncated_parquet_file_is_t501_naming_its_shard_and_annotate_redoes_it(damaged,
                                                                                  pristine):
    corpus, store = damaged
    part = one_part(store)
    part.write_bytes(part.read_bytes()[: part.stat().st_size // 2])
    with pytest.raises(DamagedShardError, match=r"^\[T501\] .*part-00001\.parquet: shard 00001 "
                       r"is damaged: attributions/outlet=.*/part-00001\.parquet \d+ bytes, \d+ "
                       r"when written\. run `toolkit annotate CORPUS --out .*` again"):
        connect(store)
    result = annotate(corpus, store, shard_size=2, progress=False)
    assert (result.repaired, result.annotated, result.done_before) == (["00001"], 1, 2)
    same_tables(store, pristine[1])


def test_a_deleted_file_is_t501_not_silently_fewer_rows(damaged, pristine):
    corpus, store = damaged
    one_part(store, "articles", "00002").unlink()
    with pytest.raises(DamagedShardError, match=r"shard 00002 is damaged: articles/outlet=.* "
                       r"missing"):
        load_tables(store)
    assert annotate(corpus, store, shard_size=2, progress=False).repaired == ["00002"]
    same_tables(store, pristine[1])


def test_a_truncated_docbin_is_t501_not_a_raw_spacy_error(damaged):
    corpus, store = damaged
    docbin = store / "docbin" / "00000.spacy"
    docbin.write_bytes(docbin.read_bytes()[:100])
    with pytest.raises(DamagedShardError, match=r"shard 00000 is damaged: docbin/00000\.spacy"):
        list(stored_docs(store))
    assert annotate(corpus, store, shard_size=2, progress=False).repaired == ["00000"]
    assert len(list(stored_docs(store))) == 6


def test_a_damaged_shard_input_is_split_again_from_the_corpus(damaged, pristine):
    corpus, store = damaged
    (store / "_shards" / "00000.parquet").write_bytes(b"PAR1 not really")
    with pytest.raises(DamagedShardError, match=r"_shards/00000\.parquet"):
        connect(store)
    result = annotate(corpus, store, shard_size=2, progress=False)
    assert (result.repaired, result.failed) == ([], [])  # the same bytes again: outputs hold
    assert (store / "_shards" / "00000.parquet").read_bytes() == (
        pristine[1] / "_shards" / "00000.parquet").read_bytes()
    assert verify(store) == []
    same_tables(store, pristine[1])


def test_an_altered_file_of_the_same_size_is_found_by_store_verify_and_redone(damaged,
                                                                            pristine, capsys):
    corpus, store = damaged
    part = store / "per_article" / "part-00001.parquet"
    data = bytearray(part.read_bytes())
    data[len(data) // 2] ^= 0xFF
    part.write_bytes(bytes(data))
    assert main(["store", "verify", str(store)]) == 1
    report = json.loads(capsys.readouterr().out)
    assert report["damaged"] == [{"shard": "00001", "file": "per_article/part-00001.parquet",
                                  "problem": "its content changed since it was written "
                                             "(SHA-256 differs)"}]
    assert annotate(corpus, store, shard_size=2, progress=False).repaired == []  # sizes agree
    assert annotate(corpus, store, shard_size=2, progress=False, verify=True).repaired == [
        "00001"]
    assert main(["store", "verify", str(store)]) == 0
    same_tables(store, pristine[1])


# --- D4: outlet names too long for a folder name ------------------------------------------
LONG_NAMES = [("\u0627\u0644\u062c\u0632\u064a\u0631\u0629" * 8)[:54],  # Arabic letters
              "\u65b0\u805e" * 14,  # CJK characters
              ("Gazette" * 40)[:249]]  # ASCII


def test_long_outlet_names_get_folders_within_255_bytes_and_keep_their_full_names(tmp_path):
    assert [len(name) for name in LONG_NAMES] == [54, 28, 249]
    corpus = write_corpus(tmp_path / "long.jsonl", outlets=LONG_NAMES * 2)
    result = annotate(corpus, tmp_path / "store", shard_size=2, progress=False)
    assert (result.annotated, result.failed) == (3, [])
    folders = [p.name for p in (tmp_path / "store" / "attributions").iterdir()]
    assert folders and all(len(name.encode()) <= 255 for name in folders)
    assert sorted(folders) == sorted({partition_folder(n) for n in LONG_NAMES} & set(folders))
    articles = load_tables(tmp_path / "store")["articles"]
    assert articles["outlet"].tolist() == LONG_NAMES * 2
    chosen = connect(tmp_path / "store", outlets=[LONG_NAMES[1]]).sql(
        "SELECT outlet, count(*) FROM articles GROUP BY 1").fetchall()
    assert chosen == [(LONG_NAMES[1], 2)]
    again = annotate(corpus, tmp_path / "store", shard_size=2, progress=False)
    assert (again.done_before, again.annotated) == (3, 0)


# --- D5: fields named like the store's own columns ----------------------------------------
def test_a_corpus_field_named_filename_gives_a_readable_store(tmp_path):
    corpus = write_corpus(tmp_path / "c.jsonl", filename="page-")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RenamedFieldWarning)
        annotate(corpus, tmp_path / "store", shard_size=3, progress=False)
    articles = load_tables(tmp_path / "store")["articles"]
    assert articles["input_filename"].tolist() == [f"page-{n}" for n in range(6)]


def test_articles_table_columns_named_like_store_columns_are_kept_not_overwritten(tmp_path):
    articles = pd.DataFrame({"doc_id": [f"a{n}" for n in range(6)], "outlet": OUTLETS,
                             "text": TEXTS, "_row": [10, 11, 12, 13, 14, 15],
                             "_shard": ["x"] * 6, "filename": ["f"] * 6, "_file": ["g"] * 6})
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        annotate(articles, tmp_path / "store", shard_size=4, progress=False)
    assert len([w for w in caught if issubclass(w.category, RenamedFieldWarning)]) == 1
    stored = load_tables(tmp_path / "store")["articles"]
    assert stored["input_row"].tolist() == [10, 11, 12, 13, 14, 15]
    assert set(stored["input_shard"]) == {"x"} and set(stored["input_filename"]) == {"f"}
    assert set(stored["input_file"]) == {"g"}
    order = connect(tmp_path / "store").sql("SELECT _shard, _row FROM articles "
                                           "ORDER BY _shard, _row").fetchall()
    assert order == [("00000", 0), ("00000", 1), ("00000", 2), ("00000", 3), ("00001", 0),
                     ("00001", 1)]


# --- two runs, and kill -9 -----------------------------------------------------------------
def test_a_second_annotate_run_is_refused_while_another_holds_the_store(pristine, tmp_path):
    from toolkit.store import _lock

    corpus, _ = pristine
    store = tmp_path / "store"
    with _lock(store), pytest.raises(StoreLockedError, match=r"\[T502\] .*another `toolkit "
                                     r"annotate` is writing this store \(pid \d+ on "):
        annotate(corpus, store, shard_size=2, progress=False)


HOLD_LOCK = """
import sys, time
from pathlib import Path
from toolkit.store import _lock
with _lock(Path(sys.argv[1])):
    print("locked", flush=True)
    time.sleep(120)
"""


def test_a_killed_runs_lock_is_released_and_its_temporaries_removed(damaged, pristine):
    corpus, store = damaged
    holder = subprocess.Popen([sys.executable, "-c", HOLD_LOCK, str(store)],
                              stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline().strip() == "locked"
    with pytest.raises(StoreLockedError):
        annotate(corpus, store, shard_size=2, progress=False)
    holder.send_signal(signal.SIGKILL)
    holder.wait(timeout=30)
    orphans = [one_part(store).with_name(".part-00001.parquet.4242.tmp"),
               store / "_done" / ".00002.json.x1y2.tmp", store / "_shards" / ".00000.parquet.7.tmp"]
    for orphan in orphans:
        orphan.write_bytes(b"half written")
    result = annotate(corpus, store, shard_size=2, progress=False)
    assert (result.done_before, result.annotated) == (3, 0)
    assert not list(store.rglob("*.tmp"))
    same_tables(store, pristine[1])


@pytest.mark.slow
def test_annotate_killed_with_sigkill_mid_run_resumes_to_the_same_store(pristine, tmp_path):
    corpus, _ = pristine
    store = tmp_path / "store"
    run = subprocess.Popen([sys.executable, "-m", "toolkit.cli", "annotate", str(corpus),
                            "--out", str(store), "--shard-size", "2"],
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        while run.poll() is None and not (store / "_done" / "00000.json").exists():
            time.sleep(0.05)
    finally:
        run.send_signal(signal.SIGKILL)
        run.wait(timeout=30)
    result = annotate(corpus, store, shard_size=2, progress=False)
    assert result.failed == [] and not list(store.rglob("*.tmp"))
    same_tables(store, pristine[1])
