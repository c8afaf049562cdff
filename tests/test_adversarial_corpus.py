"""Adversarial corpus input (issue 12, D5-D12): every hostile file is a coded reject or a
coded error, nothing is silently lost, and ``errors="collect"`` always accounts for
every record read. Each test writes its own input; each failed on the loader before the
fix (a raw exception, a silent repair or a silent loss)."""

from __future__ import annotations

import csv
import gzip
import io
import json
import warnings
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from toolkit.corpus import load_corpus
from toolkit.errors import (
    CompressedFileError,
    DateParseError,
    EncodingError,
    MalformedRecordError,
    RenamedFieldWarning,
    ToolkitError,
)

SAID = "The harbour master said the ferry would run every hour from Monday."


def jsonl(*records: dict) -> str:
    return "".join(json.dumps(record) + "\n" for record in records)


def good(doc_id: str) -> dict:
    return {"id": doc_id, "outlet": "Gazette", "text": SAID}


def both_modes(path: Path, error: type[ToolkitError], **kwargs):
    """Raise mode raises ``error``; collect mode rejects with its code and accounts for
    every record. Returns the LoadResult."""
    with pytest.raises(error):
        load_corpus(path, **kwargs)
    result = load_corpus(path, errors="collect", **kwargs)
    assert len(result.articles) + len(result.rejects) == result.records_read
    assert error.code in result.rejects["code"].tolist()
    return result


# --- D6: nesting deeper than Python's recursion limit -----------------------------------
@pytest.mark.parametrize("nested", ["[" * 100_000 + "]" * 100_000,
                                    '{"a": ' * 3_000 + "1" + "}" * 3_000],
                         ids=["100k-arrays", "3000-objects"])
def test_deeply_nested_jsonl_line_is_a_t101_reject_and_collect_keeps_going(tmp_path, nested):
    path = tmp_path / "deep.jsonl"
    path.write_text(jsonl(good("a")) + '{"id": "b", "outlet": "G", "text": "x", "n": '
                    + nested + "}\n" + jsonl(good("c")), encoding="utf-8")
    result = both_modes(path, MalformedRecordError)
    assert result.articles["doc_id"].tolist() == ["a", "c"]
    assert result.rejects["record"].tolist() == [2]
    assert "nested too deeply" in result.rejects.loc[0, "reason"]


def test_deeply_nested_json_file_is_a_t101_for_the_file(tmp_path):
    path = tmp_path / "deep.json"
    path.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    both_modes(path, MalformedRecordError)


def test_a_deeply_nested_json_file_does_not_break_format_detection(tmp_path):
    (tmp_path / "a.json").write_text('{"source_domain": ' + "[" * 100_000 + "]" * 100_000
                                     + "}", encoding="utf-8")
    both_modes(tmp_path / "a.json", MalformedRecordError)


# --- D7: a lone surrogate escape --------------------------------------------------------
@pytest.mark.parametrize("field, record", [
    ("text", '{"id": "b", "outlet": "G", "text": "bad \\ud800 said it"}'),
    ("tags", '{"id": "b", "outlet": "G", "text": "ok", "tags": [{"k": "\\udfff"}]}'),
    ("x\ud800", '{"id": "b", "outlet": "G", "text": "ok", "x\\ud800": 1}'),
], ids=["in-text", "nested-in-an-extra-field", "in-a-field-name"])
def test_lone_surrogate_escape_is_a_t105_reject_naming_the_field(tmp_path, field, record):
    path = tmp_path / "a.jsonl"
    path.write_text(jsonl(good("a")) + record + "\n", encoding="utf-8")
    with pytest.raises(EncodingError) as caught:
        load_corpus(path)
    assert caught.value.field == field and caught.value.line == 2
    result = both_modes(path, EncodingError)
    assert result.articles["doc_id"].tolist() == ["a"]


def test_a_surrogate_pair_escape_is_a_real_character_and_loads(tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_text('{"outlet": "G", "text": "Emoji \\ud83d\\ude00 here"}\n', encoding="utf-8")
    assert load_corpus(path).loc[0, "text"] == "Emoji \U0001f600 here"


# --- D8 and D9: CSV per RFC 4180, TSV verbatim ------------------------------------------
def test_unterminated_csv_quote_rejects_its_record_and_never_swallows_the_rest(tmp_path):
    path = tmp_path / "a.csv"
    path.write_text('id,outlet,text\n1,G,"Unterminated\n2,G,Second\n3,G,Third\n',
                    encoding="utf-8")
    with pytest.raises(MalformedRecordError, match=r"line 2: a quoted field is never closed"):
        load_corpus(path)
    result = both_modes(path, MalformedRecordError)
    assert result.articles["text"].tolist() == ["Second", "Third"]
    assert (result.records_read, result.rejects["record"].tolist()) == (3, [2])


def test_csv_quoted_field_closed_early_is_a_reject_not_a_repair(tmp_path):
    path = tmp_path / "a.csv"
    path.write_text('id,outlet,text\n1,G,"He said "hi" twice"\n2,G,"Fine, ""quoted"" text"\n',
                    encoding="utf-8")
    result = both_modes(path, MalformedRecordError)
    assert result.articles["text"].tolist() == ['Fine, "quoted" text']
    assert result.rejects["record"].tolist() == [2]
    assert "must be doubled" in result.rejects.loc[0, "reason"]


def test_csv_unquoted_field_keeps_its_quote_marks_exactly(tmp_path):
    path = tmp_path / "a.csv"
    path.write_text('id,outlet,text\n1,G,He said "hi" twice\n', encoding="utf-8")
    assert load_corpus(path)["text"].tolist() == ['He said "hi" twice']


def test_tsv_is_read_verbatim_with_its_quote_marks(tmp_path):
    text = '"We will win," she said. "No doubt."'
    path = tmp_path / "a.tsv"
    path.write_text(f'id\toutlet\ttext\n1\tG\t{text}\n2\tG\t"open quote\n', encoding="utf-8")
    articles = load_corpus(path)
    assert articles["text"].tolist() == [text, '"open quote']


def test_csv_round_trip_from_python_csv_writer_keeps_every_character(tmp_path):
    texts = ['"Quoted," she said.', 'Line one\r\nline "two"', "a,b,c", '""', "trailing \r"]
    buffer = io.StringIO(newline="")
    csv.writer(buffer).writerows([["id", "outlet", "text"]]
                                 + [[str(n), "G", text] for n, text in enumerate(texts)])
    (tmp_path / "a.csv").write_text(buffer.getvalue(), encoding="utf-8", newline="")
    assert load_corpus(tmp_path / "a.csv")["text"].tolist() == texts


# --- D10: only real dates ---------------------------------------------------------------
@pytest.mark.parametrize("value", ["Monday", "May", "3", "10:30", "2024-01-01T10:00+25:00",
                                   "2024-01-01 10:00 +25:00", "12/05"])
def test_a_value_without_a_year_or_with_an_impossible_offset_is_not_a_date(tmp_path, value):
    path = tmp_path / "a.jsonl"
    path.write_text(jsonl(good("a") | {"date": value}), encoding="utf-8")
    both_modes(path, DateParseError)


@pytest.mark.parametrize("value, expected", [
    ("May 2017", "2017-05-01"), ("2017", "2017-01-01"), ("4/21/18", "2018-04-21"),
    ("2016-09-12T14:00:00-04:00", "2016-09-12 18:00"), ("Monday, May 1, 2017", "2017-05-01"),
])
def test_dates_with_a_year_still_parse(tmp_path, value, expected):
    path = tmp_path / "a.jsonl"
    path.write_text(jsonl(good("a") | {"date": value}), encoding="utf-8")
    assert load_corpus(path).loc[0, "published"] == pd.Timestamp(expected)


# --- D11: one name, several columns ------------------------------------------------------
def test_duplicate_csv_header_rejects_the_file_naming_the_header(tmp_path):
    path = tmp_path / "a.csv"
    path.write_text("id,outlet,text,text\n1,G,first,second\n", encoding="utf-8")
    with pytest.raises(MalformedRecordError, match=r"line 1: the header names 'text' more "
                       r"than once \(id, outlet, text, text\)"):
        load_corpus(path)
    result = both_modes(path, MalformedRecordError)
    assert result.articles.empty


def test_four_spellings_of_one_field_reject_the_record_naming_them(tmp_path):
    path = tmp_path / "a.jsonl"
    record = {"id": "b", "outlet": "G", "text": "one", "Text": "two", "TEXT": "three",
              "t_ext": "four", "tExt": "five"}
    path.write_text(jsonl(good("a"), record), encoding="utf-8")
    with pytest.raises(MalformedRecordError, match=r"line 2, field 'text': fields 'text', "
                       r"'Text', 'TEXT' are one name"):
        load_corpus(path)
    assert both_modes(path, MalformedRecordError).articles["doc_id"].tolist() == ["a"]


def test_a_field_kept_as_input_text_never_overwrites_a_field_named_input_text(tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_text(jsonl({"outlet": "G", "body": SAID, "text": "x", "input_text": "y"}),
                    encoding="utf-8")
    result = both_modes(path, MalformedRecordError, columns={"text": "body"})
    assert "would both be column 'input_text'" in result.rejects.loc[0, "reason"]


# --- D5 (the loader's half): reserved names ---------------------------------------------
def test_a_field_named_filename_is_kept_as_input_filename_with_one_warning(tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_text(jsonl(*[good(str(n)) | {"filename": f"f{n}.txt"} for n in range(3)]),
                    encoding="utf-8")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        articles = load_corpus(path)
    renamed = [w for w in caught if issubclass(w.category, RenamedFieldWarning)]
    assert len(renamed) == 1 and "[W101]" in str(renamed[0].message)
    assert "filename" not in articles and articles["input_filename"].tolist() == [
        "f0.txt", "f1.txt", "f2.txt"]


# --- D12: damaged compressed files -------------------------------------------------------
def two_thousand_records() -> bytes:
    return jsonl(*[good(str(n)) for n in range(2000)]).encode()


def test_gzip_with_a_bad_crc_is_t108_not_one_record_too_many(tmp_path):
    data = bytearray(gzip.compress(two_thousand_records()))
    data[-8] ^= 0xFF  # the CRC32 in the trailer
    path = tmp_path / "a.jsonl.gz"
    path.write_bytes(bytes(data))
    for errors in ("raise", "collect"):
        with pytest.raises(CompressedFileError, match=r"\[T108\] .*a\.jsonl\.gz, line 2000: "
                           r"corrupt or truncated compressed data; the last line read was "
                           r"line 2000 \(CRC check failed"):
            load_corpus(path, errors=errors)


def test_gzip_with_a_corrupt_middle_is_t108_not_garbage_rejects(tmp_path):
    data = bytearray(gzip.compress(two_thousand_records()))
    middle = len(data) // 2
    data[middle:middle + 20] = bytes(20)
    path = tmp_path / "a.jsonl.gz"
    path.write_bytes(bytes(data))
    for errors in ("raise", "collect"):
        with pytest.raises(CompressedFileError, match=r"\[T108\].*the last line read was"):
            load_corpus(path, errors=errors)


@pytest.mark.parametrize("name", ["a.csv.gz", "a.json.gz", "a.txt.gz"])
def test_other_truncated_compressed_files_are_t108(tmp_path, name):
    content = {"a.csv.gz": "id,outlet,text\n" + "".join(f"{n},G,{SAID}\n" for n in range(500)),
               "a.json.gz": json.dumps([good(str(n)) for n in range(500)]),
               "a.txt.gz": SAID * 500}[name]
    (tmp_path / name).write_bytes(gzip.compress(content.encode())[:-30])
    with pytest.raises(CompressedFileError):
        load_corpus(tmp_path / name, errors="collect", outlet="Gazette")


# --- the accounting holds for any records ------------------------------------------------
FIELD_NAMES = st.one_of(
    st.sampled_from(["id", "ID", "outlet", "source", "text", "Text", "body", "content", "date",
                     "published", "title", "url", "story", "filename", "_row", "_shard",
                     "input_text", "input_filename", "", "-"]),
    st.text(max_size=10))
SCALARS = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=40),
    st.sampled_from(["2016-09-12", "Monday", "4/21/18", "10:30", "2024-01-01T10:00+25:00",
                     "lone \ud800 surrogate", SAID, "  ", '"quoted," she said']))
VALUES = st.recursive(SCALARS, lambda inner: st.lists(inner, max_size=3)
                      | st.dictionaries(st.text(max_size=4), inner, max_size=3), max_leaves=8)
RECORDS = st.lists(st.dictionaries(FIELD_NAMES, VALUES, max_size=8), min_size=1, max_size=6)
ENCODINGS = ("utf-8", "utf-16", "latin-1", "cp1252")


def encoded(text: str, encoding: str) -> bytes:
    errors = "surrogatepass" if encoding.startswith("utf") else "replace"
    return text.encode(encoding, errors)


def jsonl_lines(records, ascii_only, deep, encoding):
    lines = [json.dumps(r, ensure_ascii=ascii_only) for r in records]
    if deep:
        lines.insert(len(lines) // 2, '{"text": "x", "outlet": "G", "n": '
                     + "[" * deep + "]" * deep + "}")
    return b"".join(encoded(line + "\n", encoding) for line in lines), len(lines)


def csv_table(records, encoding):
    header = list(dict.fromkeys(key for record in records for key in record))
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer)
    writer.writerow(header)
    writer.writerows([[json.dumps(r[k]) if isinstance(r.get(k), (list, dict)) else r.get(k, "")
                       for k in header] for r in records])
    return encoded(buffer.getvalue(), encoding)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                  HealthCheck.function_scoped_fixture])
@given(records=RECORDS, fmt=st.sampled_from(["jsonl", "jsonl.gz", "json", "csv", "tsv"]),
       ascii_only=st.booleans(), encoding=st.sampled_from(ENCODINGS),
       deep=st.sampled_from([0, 0, 0, 50, 5_000]), outlet=st.sampled_from([None, "Default"]))
def test_any_records_give_coded_errors_only_and_collect_accounts_for_each(
        tmp_path, records, fmt, ascii_only, encoding, deep, outlet):
    path = tmp_path / f"random.{fmt}"
    lines = None
    if fmt.startswith("jsonl"):
        data, lines = jsonl_lines(records, ascii_only, deep, encoding)
        data = gzip.compress(data) if fmt.endswith(".gz") else data
    elif fmt == "json":
        data = encoded(json.dumps(records, ensure_ascii=ascii_only), encoding)
    else:
        data = csv_table(records, encoding)
        if fmt == "tsv":
            data = data.replace(b",", b"\t")
    path.write_bytes(data)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RenamedFieldWarning)
        try:
            articles = load_corpus(path, outlet=outlet)
        except ToolkitError:
            articles = None
        try:
            result = load_corpus(path, errors="collect", outlet=outlet)
        except ToolkitError:
            assert articles is None  # a file-level error stops both modes
            return
    assert len(result.articles) + len(result.rejects) == result.records_read
    if articles is not None:  # raise mode loaded it all: collect mode rejects nothing
        assert result.rejects.empty and result.articles["doc_id"].equals(articles["doc_id"])
    assert result.articles["doc_id"].is_unique
    if lines is not None and encoding == "utf-8":
        assert result.records_read == lines  # every line is one record read: none swallowed
