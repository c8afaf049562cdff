"""Lexicons: editable data files, a loader with clear errors, and user replacements."""

from __future__ import annotations

import os
import re

import pandas as pd
import pytest

from toolkit import config
from toolkit.errors import ParameterError
from toolkit.framing import scare
from toolkit.lexicons import (
    compiled,
    derived,
    lexicon_path,
    lexicon_sources,
    load_lexicon,
    load_terms,
    pinned,
)

LEXICON_FILES = sorted(
    p for p in config.LEXICON_DIR.iterdir() if p.suffix in (".tsv", ".txt")
)
CUE_CLASSES = {"neutral", "loaded", "belief", "finding"}
SOURCE_TYPES = {
    "person", "organization", "media", "government", "document", "anonymous", "unknown",
}
# a citation: an author or body followed somewhere by a year, e.g. "Hyland, K. (2005)"
CITATION = re.compile(r"[A-Z][\w.&' -]+.*\b(19|20)\d\d\b")


@pytest.fixture(autouse=True)
def _packaged_lexicons(monkeypatch):
    monkeypatch.delenv("TOOLKIT_LEXICON_DIR", raising=False)


# --- the packaged files -----------------------------------------------------------------
def test_the_package_ships_the_four_lexicons():
    names = {p.name for p in LEXICON_FILES}
    assert {"attribution_cues.tsv", "media_outlets.txt", "media_cues.txt",
            "source_types.tsv"} <= names


@pytest.mark.parametrize("path", LEXICON_FILES, ids=lambda p: p.name)
def test_every_lexicon_has_a_header_naming_its_sources(path):
    header = lexicon_sources(path)
    assert any(line.lower().startswith("sources") for line in header), header
    assert any(CITATION.search(line) for line in header), header


def test_attribution_cues_columns_and_values():
    cues = load_lexicon("attribution_cues")
    assert list(cues.columns) == ["cue", "pos", "cue_class", "speech", "reports"]
    assert 150 <= len(cues) <= 250
    assert set(cues["cue_class"]) == CUE_CLASSES
    assert set(cues["pos"]) <= {"VERB", "NOUN", "ADP", "PHRASE"}
    assert not cues.duplicated(["cue", "pos"]).any()
    speech = cues["cue_class"].isin(["neutral", "loaded"])
    assert (cues["speech"] == speech.map({True: "yes", False: "no"})).all()


def test_a_cue_has_one_class_whatever_its_part_of_speech():
    cues = load_lexicon("attribution_cues")
    assert (cues.groupby("cue")["cue_class"].nunique() == 1).all()


@pytest.mark.parametrize(("cue", "cue_class"), [
    ("say", "neutral"), ("tell", "neutral"), ("according to", "neutral"),
    ("note", "neutral"), ("confirm", "neutral"), ("warn", "neutral"),
    ("suggest", "neutral"), ("quoted ... as saying", "neutral"),
    ("claim", "loaded"), ("admit", "loaded"), ("acknowledge", "loaded"),
    ("insist", "loaded"), ("deny", "loaded"), ("maintain", "loaded"),
    ("point out", "loaded"), ("slam", "loaded"),
    ("believe", "belief"), ("fear", "belief"), ("be afraid", "belief"),
    ("show", "finding"), ("find", "finding"), ("estimate", "finding"),
    ("indicate", "finding"),
])
def test_cue_class_decisions(cue, cue_class):
    cues = load_lexicon("attribution_cues")
    assert set(cues.loc[cues["cue"] == cue, "cue_class"]) == {cue_class}


def test_media_outlets_cover_the_seed_chain_and_short_forms():
    outlets = load_terms("media_outlets")
    assert len(outlets) >= 300
    assert {"Newsmax", "Newsweek", "Radio NV", "CNBC", "Reuters", "AP", "NYT", "WaPo",
            "The Times", "TASS", "Ukrainska Pravda", "Kyiv Independent"} <= outlets


def test_media_cues_hold_head_nouns_and_name_words():
    cues = load_terms("media_cues")
    assert {"newspaper", "broadcaster", "correspondent", "editorial board"} <= cues
    assert {"Times", "Ledger", "Radio", "Channel <n>", "<X>TV"} <= cues
    assert "Whisper" not in cues


def test_source_types_values():
    table = load_lexicon("source_types")
    assert list(table.columns) == ["term", "source_type", "rule"]
    assert set(table["source_type"]) <= SOURCE_TYPES
    assert set(table["rule"]) == {"name", "head", "office", "proxy", "phrase", "pronoun",
                                  "title"}
    head_like = table[table["rule"].isin(["head", "office", "proxy"])]
    assert not head_like["term"].str.lower().duplicated().any()


def test_media_head_nouns_do_not_collide_with_source_type_heads():
    table = load_lexicon("source_types")
    heads = set(table.loc[table["rule"].isin(["head", "office", "proxy"]), "term"].str.lower())
    media_heads = {term for term in load_terms("media_cues") if term[0].islower()}
    assert not media_heads & heads


# --- the loader ---------------------------------------------------------------------------
def test_name_resolves_with_or_without_suffix():
    assert lexicon_path("media_cues") == lexicon_path("media_cues.txt")
    assert lexicon_path("source_types").parent == config.LEXICON_DIR


def test_missing_lexicon_is_a_clear_error():
    with pytest.raises(ParameterError, match=r"\[T401\].*'no_such_list' not found"):
        load_terms("no_such_list")


def test_row_with_wrong_column_count_names_file_and_line(tmp_path):
    path = tmp_path / "bad.tsv"
    path.write_text("# Sources: test\ncue\tpos\tcue_class\tspeech\nsay\tVERB\tneutral\tyes\n"
                    "claim\tVERB\tloaded\n", encoding="utf-8")
    with pytest.raises(ParameterError) as info:
        load_lexicon(path)
    message = str(info.value)
    assert "bad.tsv, line 4" in message
    assert "expected 4 tab-separated columns" in message and "found 3" in message


def test_tsv_without_a_column_line_is_an_error(tmp_path):
    path = tmp_path / "empty.tsv"
    path.write_text("# only a header\n", encoding="utf-8")
    with pytest.raises(ParameterError, match="no column header line"):
        load_lexicon(path)


def test_non_utf8_lexicon_is_an_error(tmp_path):
    path = tmp_path / "latin1.txt"
    path.write_bytes("# Sources\nRádio\n".encode("latin-1"))
    with pytest.raises(ParameterError, match="not valid UTF-8"):
        load_terms(path)


def test_users_own_file_replaces_a_lexicon_by_path(tmp_path):
    path = tmp_path / "my_cues.tsv"
    path.write_text("# My cues. Sources: my codebook (2024).\n"
                    "cue\tpos\tcue_class\tspeech\n\nopine\tVERB\tloaded\tyes\n",
                    encoding="utf-8")
    table = load_lexicon(str(path))
    assert table.to_dict("records") == [
        {"cue": "opine", "pos": "VERB", "cue_class": "loaded", "speech": "yes"}
    ]
    assert lexicon_sources(path) == ["My cues. Sources: my codebook (2024)."]


def test_lexicon_dir_override_wins_and_falls_back_to_packaged(tmp_path, monkeypatch):
    (tmp_path / "media_cues.txt").write_text("# Sources: test\nnewsletter\n", encoding="utf-8")
    monkeypatch.setenv("TOOLKIT_LEXICON_DIR", str(tmp_path))
    assert load_terms("media_cues") == frozenset({"newsletter"})
    assert "Reuters" in load_terms("media_outlets")


def test_edited_lexicon_is_reread(tmp_path):
    path = tmp_path / "terms.txt"
    path.write_text("alpha\n", encoding="utf-8")
    assert load_terms(path) == frozenset({"alpha"})
    path.write_text("alpha\nbeta\n", encoding="utf-8")
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
    assert load_terms(path) == frozenset({"alpha", "beta"})


def test_loaded_table_is_a_copy():
    first = load_lexicon("attribution_cues")
    first.loc[:, "cue_class"] = "changed"
    assert "changed" not in set(load_lexicon("attribution_cues")["cue_class"])


def test_terms_skip_comments_and_blank_lines(tmp_path):
    path = tmp_path / "terms.txt"
    path.write_text("# header\n\n  Radio X  \n# a comment\nTV Y\n", encoding="utf-8")
    assert load_terms(path) == frozenset({"Radio X", "TV Y"})


def _count_terms(path):
    return len(load_terms(path))


def test_what_a_module_compiles_from_a_lexicon_is_rebuilt_when_the_file_changes(tmp_path):
    path = tmp_path / "terms.txt"
    path.write_text("alpha\n", encoding="utf-8")
    assert compiled(_count_terms, path) == 1
    path.write_text("alpha\nbeta\n", encoding="utf-8")
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
    assert compiled(_count_terms, path) == 2


def test_source_types_and_cues_see_an_override_folder_at_once(tmp_path, monkeypatch):
    from toolkit.attribution.cues import cue_lexicon
    from toolkit.attribution.sources import is_media_name

    assert not is_media_name("Gullwing Lantern")
    (tmp_path / "media_outlets.txt").write_text("# Sources: test\nGullwing Lantern\n",
                                                encoding="utf-8")
    (tmp_path / "attribution_cues.tsv").write_text(
        "cue\tpos\tcue_class\tspeech\treports\nholler\tVERB\tshouted\tyes\tyes\n",
        encoding="utf-8")
    monkeypatch.setenv("TOOLKIT_LEXICON_DIR", str(tmp_path))
    assert is_media_name("Gullwing Lantern")
    assert list(cue_lexicon()) == ["holler"]


def test_inside_a_pinned_block_a_lexicon_is_checked_once(tmp_path):
    path = tmp_path / "terms.txt"
    path.write_text("alpha\n", encoding="utf-8")
    with pinned():
        assert compiled(_count_terms, path) == 1
        path.write_text("alpha\nbeta\n", encoding="utf-8")
        stat = path.stat()
        os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
        assert compiled(_count_terms, path) == 1
    assert compiled(_count_terms, path) == 2


def _loaded_cues(table):
    return frozenset(table.loc[table["cue_class"] == "loaded", "cue"])


def test_what_a_module_derives_from_a_lexicon_is_rebuilt_when_the_file_changes(tmp_path):
    path = tmp_path / "cues.tsv"
    path.write_text("cue\tpos\tcue_class\tspeech\nclaim\tVERB\tloaded\tyes\n", encoding="utf-8")
    assert derived(path, _loaded_cues) == frozenset({"claim"})
    assert derived(path, _loaded_cues) is derived(path, _loaded_cues)  # built once
    path.write_text("cue\tpos\tcue_class\tspeech\nclaim\tVERB\tloaded\tyes\n"
                    "insist\tVERB\tloaded\tyes\n", encoding="utf-8")
    os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 1_000_000_000))
    assert derived(path, _loaded_cues) == frozenset({"claim", "insist"})


def test_the_scare_quote_offices_follow_an_edited_source_types_lexicon(tmp_path, monkeypatch):
    table = load_lexicon("source_types")
    extra = pd.DataFrame([{c: "" for c in table.columns} | {
        "term": "harbour master", "rule": "office"}])
    lines = ["\t".join(table.columns)] + ["\t".join(r) for r in
                                          pd.concat([table, extra]).astype(str).values]
    (tmp_path / "source_types.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert "harbour master" not in scare._offices()
    monkeypatch.setenv("TOOLKIT_LEXICON_DIR", str(tmp_path))
    assert "harbour master" in scare._offices()
