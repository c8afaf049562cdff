"""One corpus source: every verb and notebook reads a corpus or a store alike, and a store
is read, never parsed; the reader registry is the one list of formats."""

from __future__ import annotations

import bz2
import gzip
import importlib
import json
import lzma

import pandas as pd
import pytest
import spacy

from toolkit import config
from toolkit.cli import main
from toolkit.corpus import Reader, Record, detect_format, load_corpus, read_bytes, readers
from toolkit.corpus_source import CorpusFiles, StoredCorpus, open_corpus
from toolkit.errors import ParameterError, UnknownLayoutError
from toolkit.store import annotate

pytestmark = pytest.mark.xdist_group("store")


@pytest.fixture(scope="module")
def sample_store(tmp_path_factory):
    path = tmp_path_factory.mktemp("source") / "store"
    annotate(config.SAMPLE_CORPUS, path, shard_size=16, progress=False)
    return path


def _refuse(*args, **kwargs):
    raise AssertionError("a store must be read, not parsed")


def forbid_parsing(patch: pytest.MonkeyPatch) -> None:
    """Any parse from here on fails the test, from the cache or not."""
    for owner, name in ((spacy.language.Language, "pipe"), (spacy.language.Language,
                        "__call__"), (importlib.import_module("toolkit.parse"), "parse"),
                        (importlib.import_module("toolkit.analysis"), "parse")):
        patch.setattr(owner, name, _refuse)


@pytest.fixture
def no_parsing(monkeypatch):
    forbid_parsing(monkeypatch)


def test_open_corpus_tells_a_store_from_a_corpus(sample_store):
    assert isinstance(open_corpus("sample"), CorpusFiles)
    assert isinstance(open_corpus(sample_store), StoredCorpus)
    with pytest.raises(ParameterError, match=r"is a store, read as it was stored: format, "
                       r"columns does not apply"):
        open_corpus(sample_store, format="jsonl", columns={"text": "body"})


def test_a_store_loads_the_articles_of_its_corpus_in_order(sample_store, no_parsing):
    stored, corpus = open_corpus(sample_store).load(), load_corpus(config.SAMPLE_CORPUS)
    assert stored["doc_id"].tolist() == corpus["doc_id"].tolist()
    assert stored["text"].tolist() == corpus["text"].tolist()
    collected = open_corpus(sample_store).load(errors="collect")
    assert (collected.records_read, len(collected.rejects)) == (32, 0)
    with pytest.raises(ParameterError, match=r"outlet\(s\) \['Nobody'\] not in the corpus.*"
                       r"known outlets include: Daily Relay"):
        open_corpus(sample_store).articles(outlets=["Nobody"])


def test_sourcing_verb_reads_a_store_parses_nothing_and_writes_the_same_tables(
        sample_store, tmp_path, monkeypatch, capsys):
    assert main(["sourcing", "sample", "-o", str(tmp_path / "from-corpus")]) == 0
    with monkeypatch.context() as patch:
        forbid_parsing(patch)
        assert main(["sourcing", str(sample_store), "-o", str(tmp_path / "from-store")]) == 0
    written = sorted(p.name for p in (tmp_path / "from-corpus").iterdir())
    assert written == sorted(p.name for p in (tmp_path / "from-store").iterdir())
    for name in ("per_outlet", "per_article", "comparisons", "quotations", "top_sources"):
        pd.testing.assert_frame_equal(
            pd.read_parquet(tmp_path / "from-corpus" / f"{name}.parquet"),
            pd.read_parquet(tmp_path / "from-store" / f"{name}.parquet"), check_dtype=False)
    assert "32 articles" in capsys.readouterr().out


def test_attributions_verb_reads_the_stored_attributions(sample_store, tmp_path, no_parsing):
    assert main(["attributions", str(sample_store), "-o", str(tmp_path / "a.jsonl")]) == 0
    stored = pd.read_json(tmp_path / "a.jsonl", lines=True)
    expected = open_corpus(sample_store).attributions()
    assert len(stored) == len(expected) > 100
    assert stored["attribution_id"].tolist() == expected["attribution_id"].tolist()


def test_framing_verb_reads_a_store_with_keyterms_from_its_docs(sample_store, tmp_path,
                                                                 no_parsing):
    assert main(["framing", str(sample_store), "-o", str(tmp_path / "f")]) == 0
    keyterms = pd.read_parquet(tmp_path / "f" / "keyterms.parquet")
    assert set(keyterms["outlet"]) == {"Daily Relay", "The Capital Whisper",
                                       "The Harbor Ledger", "The Patriot Beacon"}
    assert (tmp_path / "f" / "scare_quotes_by_outlet.parquet").exists()


def test_corpus_info_reads_a_store(sample_store, capsys, no_parsing):
    assert main(["corpus", "info", str(sample_store), "--json"]) == 0
    summary = json.loads(capsys.readouterr().out)
    assert (summary["articles"], summary["records_read"], summary["rejected"]) == (32, 32, 0)


def test_parse_verb_refuses_a_store(sample_store, capsys):
    assert main(["parse", str(sample_store)]) == 1
    assert "[T401]" in capsys.readouterr().err


@pytest.mark.slow
def test_every_notebook_renders_from_a_store_and_the_corpus_ones_parse_nothing(
        sample_store, tmp_path, monkeypatch):
    from toolkit.report import render_all

    cache = tmp_path / "empty-parse-cache"
    monkeypatch.setenv("TOOLKIT_CACHE_DIR", str(cache))  # the kernels inherit it
    results = render_all(parameters={"corpus": str(sample_store)}, out_dir=tmp_path / "r",
                         jobs=2)
    assert {r.notebook: r.status for r in results} == {r.notebook: "ok" for r in results}
    assert len(results) == 6
    # Only the teaching notebook parses: its first half is one article of its own.
    parsed = {p.name for p in cache.rglob("*.spacy")}
    assert len(parsed) <= 1


# --- the reader registry -------------------------------------------------------------------
def test_every_built_in_format_is_one_registered_reader():
    assert readers.names() == ("jsonl", "json", "csv", "tsv", "parquet", "txt", "txt_dir",
                               "html", "allsides", "newsplease", "basil", "polnear")


def read_lines(path, options):
    for number, text in enumerate(read_bytes(path).decode("utf-8").splitlines(), 1):
        yield Record({"text": text}, f"{path.stem}-{number}", path, line=number)


def test_a_registered_reader_is_detected_by_its_suffix_and_loaded(tmp_path, monkeypatch):
    monkeypatch.setattr(readers, "_readers", dict(readers._readers))  # restored afterwards
    readers.register(Reader("lines", read_lines, suffixes=(".lines",), compressed=True))
    path = tmp_path / "wire.lines.gz"
    path.write_bytes(gzip.compress(b"First story.\nSecond story.\n"))
    assert detect_format(path) == "lines"
    articles = load_corpus(path, outlet="Wire")
    assert articles["doc_id"].tolist() == ["wire.lines-1", "wire.lines-2"]
    assert articles["text"].tolist() == ["First story.", "Second story."]


def test_a_reader_with_a_detector_claims_its_files_before_the_generic_format(tmp_path,
                                                                            monkeypatch):
    monkeypatch.setattr(readers, "_readers", dict(readers._readers))
    readers.register(Reader("wire", read_lines, suffixes=(".txt",),
                            detect=lambda path: path.read_text(encoding="utf-8").startswith(
                                "WIRE"), columns={"text": "text"}))
    (tmp_path / "a.txt").write_text("WIRE one\nWIRE two\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("An ordinary article.", encoding="utf-8")
    assert detect_format(tmp_path / "a.txt") == "wire"
    assert detect_format(tmp_path / "b.txt") == "txt"
    assert len(load_corpus(tmp_path / "a.txt", outlet="W")) == 2


def test_a_format_nobody_registered_is_t106_never_another_reader(tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_text('{"outlet": "G", "text": "x"}\n', encoding="utf-8")
    with pytest.raises(UnknownLayoutError, match=r"\[T106\] field 'format': unknown format "
                       r"'news_please'"):
        load_corpus(path, format="news_please")


@pytest.mark.parametrize("suffix, compress", [(".gz", gzip.compress), (".bz2", bz2.compress),
                                              (".xz", lzma.compress)])
@pytest.mark.parametrize("name", ["a.jsonl", "a.json", "a.csv", "a.tsv", "a.txt"])
def test_compressed_files_read_like_the_plain_file(tmp_path, name, suffix, compress):
    records = [{"id": "1", "outlet": "G", "text": '"Quoted," she said.\r\nAgain.'},
               {"id": "2", "outlet": "C", "text": "Plain."}]
    content = {
        "a.jsonl": "".join(json.dumps(r) + "\n" for r in records),
        "a.json": json.dumps(records),
        "a.csv": 'id,outlet,text\n1,G,"""Quoted,"" she said.\r\nAgain."\n2,C,Plain.\n',
        "a.tsv": "id\toutlet\ttext\n1\tG\t\"Quoted,\" she said.\n2\tC\tPlain.\n",
        "a.txt": records[0]["text"],
    }[name]
    plain = tmp_path / name
    plain.write_bytes(content.encode())
    packed = tmp_path / "packed" / (name + suffix)
    packed.parent.mkdir()
    packed.write_bytes(compress(content.encode()))
    assert detect_format(packed) == detect_format(plain)
    pd.testing.assert_frame_equal(load_corpus(packed, outlet="G"), load_corpus(plain, outlet="G"))


def test_a_folder_is_never_read_by_a_file_format(tmp_path):
    (tmp_path / "a.txt").write_text("Hi.", encoding="utf-8")
    with pytest.raises(ParameterError, match="format 'jsonl' reads a file"):
        load_corpus(tmp_path, format="jsonl")
