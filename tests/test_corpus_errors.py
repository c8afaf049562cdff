"""Bad input: every problem raises a coded CorpusError naming where it is, or is collected."""

from __future__ import annotations

import gzip
import json
import re
import zlib
from pathlib import Path

import pytest

from toolkit.corpus import load_corpus
from toolkit.errors import (
    CompressedFileError,
    DateParseError,
    DuplicateIdError,
    EmptyCorpusError,
    EncodingError,
    MalformedRecordError,
    MissingFieldError,
    ParameterError,
    UnknownLayoutError,
)

GOOD = "The harbour master said the ferry would run every hour from Monday."
ALSO_GOOD = "Teachers said the new timetable gave pupils a longer lunch break."


def line(record: dict) -> str:
    return json.dumps(record) + "\n"


def good(doc_id: str) -> str:
    return line({"id": doc_id, "outlet": "Gazette", "text": GOOD})


def check(path: Path, error: type, *, field: str | None = None, line_no: int | None = None,
          record: int | str | None = None, **kwargs) -> None:
    """The load raises ``error`` naming file, line/record and field; collect reports it."""
    with pytest.raises(error) as caught:
        load_corpus(path, **kwargs)
    message = str(caught.value)
    assert message.startswith(f"[{error.code}]")
    assert caught.value.file is not None and Path(caught.value.file).name in message
    if line_no is not None:
        assert caught.value.line == line_no and f"line {line_no}" in message
    if record is not None and not isinstance(record, str):
        assert caught.value.record == record and f"record {record}" in message
    if field is not None:
        assert caught.value.field == field and f"field {field!r}" in message

    result = load_corpus(path, errors="collect", **kwargs)
    assert len(result.articles) + len(result.rejects) == result.records_read
    reject = result.rejects.iloc[0]
    assert reject["code"] == error.code
    assert Path(reject["file"]).name == Path(caught.value.file).name
    if field is not None:
        assert reject["field"] == field
    expected_record = line_no if line_no is not None else record
    if expected_record is not None:
        assert reject["record"] == expected_record


# --- JSON Lines -------------------------------------------------------------------------
def test_malformed_json_line_is_t101_with_file_and_line(tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_text(good("a") + '{"id": "b", "text": \n' + good("c"), encoding="utf-8")
    check(path, MalformedRecordError, line_no=2)
    result = load_corpus(path, errors="collect")
    assert result.articles["doc_id"].tolist() == ["a", "c"] and result.records_read == 3


def test_record_that_is_not_an_object_is_t101(tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_text(good("a") + '["an", "array"]\n', encoding="utf-8")
    check(path, MalformedRecordError, line_no=2)


@pytest.mark.parametrize("text", [None, "", "   \n\t "], ids=["missing", "empty", "blank"])
def test_missing_or_blank_text_is_t102_text(tmp_path, text):
    record = {"id": "b", "outlet": "Gazette"} | ({} if text is None else {"text": text})
    path = tmp_path / "a.jsonl"
    path.write_text(good("a") + line(record), encoding="utf-8")
    check(path, MissingFieldError, field="text", line_no=2)


def test_text_that_is_not_a_string_is_t101(tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_text(line({"outlet": "Gazette", "text": ["para one", "para two"]}),
                    encoding="utf-8")
    check(path, MalformedRecordError, field="text", line_no=1)


def test_missing_outlet_is_t102_outlet(tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_text(good("a") + line({"id": "b", "text": GOOD}), encoding="utf-8")
    check(path, MissingFieldError, field="outlet", line_no=2)


def test_duplicate_doc_id_is_t103_and_the_first_wins(tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_text(good("a") + line({"id": "a", "outlet": "Courier", "text": ALSO_GOOD}),
                    encoding="utf-8")
    check(path, DuplicateIdError, field="doc_id", line_no=2)
    result = load_corpus(path, errors="collect")
    assert result.articles["outlet"].tolist() == ["Gazette"]
    assert "line 1" in result.rejects.loc[0, "reason"]  # says where the first one is


def test_unparseable_date_is_t104_naming_the_input_field(tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_text(good("a") + line({"id": "b", "outlet": "G", "text": GOOD,
                                      "date": "sometime last spring"}), encoding="utf-8")
    check(path, DateParseError, field="date", line_no=2)


@pytest.mark.parametrize("value", ["today", 20160912, ["2016"]], ids=["word", "number", "list"])
def test_dates_that_are_not_date_strings_are_t104(tmp_path, value):
    path = tmp_path / "a.jsonl"
    path.write_text(line({"outlet": "G", "text": GOOD, "published": value}), encoding="utf-8")
    check(path, DateParseError, field="published", line_no=1)


def test_non_utf8_line_is_t105_and_only_that_line_is_rejected(tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_bytes(good("a").encode() + b'{"id": "b", "outlet": "G", "text": "caf\xe9"}\n'
                     + good("c").encode())
    check(path, EncodingError, line_no=2)
    result = load_corpus(path, errors="collect")
    assert result.articles["doc_id"].tolist() == ["a", "c"]
    assert "0xe9" in result.rejects.loc[0, "reason"]


def test_mapped_field_absent_from_a_record_is_t102_naming_the_input_field(tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_text(line({"publisher_name": "G", "body": GOOD}) + line({"body": ALSO_GOOD}),
                    encoding="utf-8")
    check(path, MissingFieldError, field="publisher_name", line_no=2,
          columns={"outlet": "publisher_name", "text": "body"})


def test_t102_for_an_absent_field_lists_the_fields_found_and_suggests_map(tmp_path):
    path = tmp_path / "a.csv"
    path.write_text("paper,story_body\nGazette,It rained.\n", encoding="utf-8")
    with pytest.raises(MissingFieldError) as caught:
        load_corpus(path)
    assert caught.value.field == "text" and caught.value.line == 2
    assert caught.value.reason == ("no text field (looked for: text, content, body, "
                                   "content_original, article_text, maintext); the record "
                                   "has: paper, story_body")
    assert caught.value.hint == ("Map one onto it: --map text=FIELD (columns={'text': "
                                 "'FIELD'} in Python)")
    rejects = load_corpus(path, errors="collect").rejects
    assert rejects.loc[0, ["record", "unit", "hint"]].tolist() == [2, "line", caught.value.hint]


def test_t102_for_an_absent_outlet_suggests_map_and_outlet(tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_text(line({"paper": "G", "text": GOOD}), encoding="utf-8")
    with pytest.raises(MissingFieldError) as caught:
        load_corpus(path)
    assert caught.value.field == "outlet" and "the record has: paper, text" in str(caught.value)
    assert "--map outlet=FIELD" in caught.value.hint and "--outlet NAME" in caught.value.hint


def test_t102_lists_at_most_fifteen_fields(tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_text(line({f"f{n}": n for n in range(20)} | {"outlet": "G"}), encoding="utf-8")
    with pytest.raises(MissingFieldError) as caught:
        load_corpus(path)
    assert caught.value.reason.endswith("the record has: f0, f1, f2, f3, f4, f5, f6, f7, f8, "
                                        "f9, f10, f11, f12, f13, f14 and 6 more")


def test_t102_for_a_mapped_field_absent_names_it_and_the_fields_found(tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_text(line({"outlet": "G", "body": GOOD}), encoding="utf-8")
    with pytest.raises(MissingFieldError) as caught:
        load_corpus(path, columns={"text": "story"})
    assert caught.value.reason == ("no field 'story' (mapped onto text); the record has: "
                                   "outlet, body")


def test_rejects_say_whether_record_counts_lines_records_or_files(tmp_path):
    jsonl, array, folder = tmp_path / "a.jsonl", tmp_path / "b.json", tmp_path / "pages"
    jsonl.write_text(good("a") + line({"outlet": "G"}), encoding="utf-8")
    array.write_text(json.dumps([{"outlet": "G", "text": GOOD}, {"outlet": "G"}]),
                     encoding="utf-8")
    folder.mkdir()
    (folder / "empty.html").write_text("<html><body></body></html>", encoding="utf-8")
    units = [load_corpus(path, errors="collect", outlet="G").rejects.loc[0, ["record", "unit"]]
             .tolist() for path in (jsonl, array, folder)]
    assert units == [[2, "line"], [2, "record"], ["empty.html", "file"]]


def test_truncated_gzip_is_t108_naming_the_last_line_read_in_both_modes(tmp_path):
    path = tmp_path / "a.jsonl.gz"
    data = gzip.compress("".join(good(str(n)) for n in range(200)).encode())[:-40]
    path.write_bytes(data)
    readable = zlib.decompressobj(31).decompress(data).count(b"\n")  # whole lines before it
    assert 150 < readable < 200
    for errors in ("raise", "collect"):
        with pytest.raises(CompressedFileError, match=rf"^\[T108\] .*a\.jsonl\.gz, line "
                           rf"{readable}: corrupt or truncated compressed data"):
            load_corpus(path, errors=errors)


def test_collect_mode_accounts_for_every_record(tmp_path):
    path = tmp_path / "mixed.jsonl"
    path.write_bytes(b"".join([
        good("a").encode(),                                          # 1 ok
        b"{not json}\n",                                             # 2 T101
        b"\n",                                                       # blank: no record
        b"42\n",                                                     # 4 T101
        line({"id": "d", "outlet": "G"}).encode(),                   # 5 T102 text
        line({"id": "e", "text": GOOD}).encode(),                    # 6 T102 outlet
        good("a").encode(),                                          # 7 T103
        line({"id": "h", "outlet": "G", "text": GOOD, "date": "32/13/99"}).encode(),  # 8 T104
        b'{"id": "i", "outlet": "G", "text": "\xff"}\n',             # 9 T105
        good("j").encode(),                                          # 10 ok
    ]))
    result = load_corpus(path, errors="collect")
    assert result.records_read == 9
    assert result.articles["doc_id"].tolist() == ["a", "j"]
    assert result.rejects["record"].tolist() == [2, 4, 5, 6, 7, 8, 9]
    assert result.rejects["code"].tolist() == ["T101", "T101", "T102", "T102", "T103", "T104",
                                               "T105"]
    assert result.rejects["field"].tolist()[2:6] == ["text", "outlet", "doc_id", "date"]


# --- JSON, CSV, Parquet -----------------------------------------------------------------
@pytest.mark.parametrize("content", ['"just a string"', "42", "null"])
def test_json_file_that_is_neither_array_nor_object_is_t101(tmp_path, content):
    path = tmp_path / "a.json"
    path.write_text(content, encoding="utf-8")
    check(path, MalformedRecordError, record="a.json")


def test_invalid_json_file_is_t101_with_its_line(tmp_path):
    path = tmp_path / "a.json"
    path.write_text('[\n  {"outlet": "G", "text": "x"},\n  {"outlet": \n]', encoding="utf-8")
    check(path, MalformedRecordError, line_no=4)


def test_json_array_element_that_is_not_an_object_is_t101_with_its_index(tmp_path):
    path = tmp_path / "a.json"
    path.write_text(json.dumps([{"outlet": "G", "text": GOOD}, "oops"]), encoding="utf-8")
    check(path, MalformedRecordError, record=2)


def test_csv_row_with_wrong_number_of_fields_is_rejected_alone(tmp_path):
    path = tmp_path / "a.csv"
    path.write_text(f"id,outlet,text\n1,G,{GOOD}\n2,G,{GOOD},extra\n3,G,{ALSO_GOOD}\n",
                    encoding="utf-8")
    check(path, MalformedRecordError, line_no=3)
    result = load_corpus(path, errors="collect")
    assert result.articles["doc_id"].tolist() == ["1", "3"]
    assert "expected 3 fields" in result.rejects.loc[0, "reason"]


def test_csv_row_with_non_utf8_bytes_is_t105_naming_the_column(tmp_path):
    path = tmp_path / "a.csv"
    path.write_bytes(b"id,outlet,text\n1,G,fine\n2,G,caf\xe9\n")
    check(path, EncodingError, line_no=3, field="text")


def test_unreadable_parquet_is_t101(tmp_path):
    path = tmp_path / "a.parquet"
    path.write_bytes(b"PAR1 this is not really parquet")
    check(path, MalformedRecordError, record="a.parquet")


# --- .txt files, HTML, layouts ----------------------------------------------------------
def test_single_txt_file_without_outlet_is_t102_outlet(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(GOOD, encoding="utf-8")
    check(path, MissingFieldError, field="outlet", record="a.txt")


def test_non_utf8_txt_file_in_a_folder_rejects_only_that_file(tmp_path):
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"First line.\nSecond line, caf\xe9.\n")
    (tmp_path / "c.txt").write_text(ALSO_GOOD, encoding="utf-8")
    check(tmp_path, EncodingError, line_no=2, outlet="Gazette")
    result = load_corpus(tmp_path, errors="collect", outlet="Gazette")
    assert result.articles["doc_id"].tolist() == ["a", "c"]
    assert Path(result.rejects.loc[0, "file"]).name == "b.txt"


def test_blank_txt_file_in_a_folder_is_t102_text(tmp_path):
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "b.txt").write_text(" \n", encoding="utf-8")
    check(tmp_path, MissingFieldError, field="text", record="b.txt", outlet="Gazette")


def test_metadata_table_without_a_key_column_raises_even_when_collecting(tmp_path):
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "metadata.csv").write_text("outlet,date\nGazette,2020-01-01\n", encoding="utf-8")
    with pytest.raises(MissingFieldError, match=r"metadata\.csv"):
        load_corpus(tmp_path, errors="collect")


def test_html_page_without_article_text_is_t102_text(tmp_path):
    path = tmp_path / "empty.html"
    path.write_text("<html><head><script>var a = 1;</script></head><body></body></html>",
                    encoding="utf-8")
    check(path, MissingFieldError, field="text", record="empty.html", outlet="Gazette")


def test_basil_article_without_body_is_t102_body_paragraphs(tmp_path):
    folder = tmp_path / "basil" / "articles" / "2012"
    folder.mkdir(parents=True)
    article = {"source": "fox", "triplet-uuid": "t", "title": "x", "url": "u",
               "date": "2012-01-01", "body-paragraphs": [[GOOD]]}
    (folder / "t_1.json").write_text(json.dumps(article), encoding="utf-8")
    del article["body-paragraphs"]
    (folder / "t_2.json").write_text(json.dumps(article), encoding="utf-8")
    check(tmp_path / "basil", MissingFieldError, field="body-paragraphs", record="t_2.json")


def test_polnear_row_without_its_text_file_is_t102_text(tmp_path):
    (tmp_path / "dev" / "text").mkdir(parents=True)
    (tmp_path / "dev" / "text" / "a.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "metadata.tsv").write_text(
        "compartment\tfilename\tpublisher\tpublication_date\n"
        "dev\ta\tgazette\t2016-01-01\ndev\tgone\tgazette\t2016-01-02\n", encoding="utf-8")
    check(tmp_path, MissingFieldError, field="text", line_no=3)


# --- layouts and arguments ----------------------------------------------------------------
def test_unknown_layout_is_t106_naming_the_path_and_the_formats(tmp_path):
    (tmp_path / "notes.docx").write_bytes(b"PK\x03\x04")
    with pytest.raises(UnknownLayoutError) as caught:
        load_corpus(tmp_path)
    assert caught.value.code == "T106"
    assert str(tmp_path) in str(caught.value) and "jsonl" in str(caught.value)
    assert "polnear" in str(caught.value)
    with pytest.raises(UnknownLayoutError, match=r"notes\.docx"):
        load_corpus(tmp_path / "notes.docx")


def test_unknown_format_name_is_t106_listing_the_registered_ones(tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_text(good("a"), encoding="utf-8")
    with pytest.raises(UnknownLayoutError, match=r"\[T106\] field 'format': unknown format "
                       r"'docx'; registered formats: jsonl, json, csv, tsv, parquet"):
        load_corpus(path, format="docx")


def test_empty_folder_is_t107(tmp_path):
    (tmp_path / "empty").mkdir()
    (tmp_path / "empty" / ".DS_Store").write_bytes(b"\0")
    with pytest.raises(EmptyCorpusError, match=r"\[T107\].*empty"):
        load_corpus(tmp_path / "empty", errors="collect")


@pytest.mark.parametrize("name, content", [
    ("a.jsonl", b""), ("a.jsonl", b"\n\n  \n"), ("a.csv", b"id,outlet,text\n"), ("a.txt", b""),
    ("a.json", b"[]"),
])
def test_empty_file_is_t107(tmp_path, name, content):
    path = tmp_path / name
    path.write_bytes(content)
    for errors in ("raise", "collect"):
        with pytest.raises(EmptyCorpusError, match=re.escape(name)):
            load_corpus(path, errors=errors, outlet="Gazette")


@pytest.mark.parametrize("kwargs, field", [
    ({"errors": "ignore"}, "errors"),
    ({"format": "txt_dir"}, "format"),
    ({"columns": {"body": "text"}}, "columns"),
    ({"metadata": "meta.csv"}, "metadata"),
    ({"outlet": "  "}, "outlet"),
])
def test_bad_arguments_are_parameter_errors(tmp_path, kwargs, field):
    path = tmp_path / "a.jsonl"
    path.write_text(good("a"), encoding="utf-8")
    with pytest.raises(ParameterError) as caught:
        load_corpus(path, **kwargs)
    assert caught.value.field == field


def test_missing_path_is_a_parameter_error(tmp_path):
    with pytest.raises(ParameterError, match="does not exist"):
        load_corpus(tmp_path / "nowhere.jsonl")


def test_polnear_text_without_a_metadata_row_needs_an_outlet(tmp_path):
    (tmp_path / "dev" / "text").mkdir(parents=True)
    for name in ("a", "orphan"):
        (tmp_path / "dev" / "text" / f"{name}.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "metadata.tsv").write_text(
        "compartment\tfilename\tpublisher\tpublication_date\ndev\ta\tgazette\t2016-01-01\n",
        encoding="utf-8")
    check(tmp_path, MissingFieldError, field="publisher", record="orphan.txt")
    articles = load_corpus(tmp_path, outlet="unlisted")
    assert articles["doc_id"].tolist() == ["a", "orphan"]
    assert articles["outlet"].tolist() == ["gazette", "unlisted"]
    assert articles["split"].tolist() == ["dev", "dev"]
