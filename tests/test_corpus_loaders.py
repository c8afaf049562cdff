"""Loaders of toolkit.corpus on small files the tests write themselves (fictional texts)."""

from __future__ import annotations

import csv
import gzip
import json
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import toolkit
from toolkit.corpus import (
    ARTICLE_COLUMNS,
    LoadResult,
    detect_format,
    load_corpus,
    outlet_overview,
    summarize,
)

STORY_A = "The mayor of Riverside said on Tuesday that the bridge would open in May."
STORY_B = "Farmers in the valley said the late frost had cost them half their apples."
STORY_C = "A council spokesperson said the library would stay open on Sundays."


def write_jsonl(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def write_json(path: Path, value: object) -> Path:
    path.write_text(json.dumps(value), encoding="utf-8")
    return path


# --- JSONL and the articles schema ----------------------------------------------------
def test_jsonl_gives_schema_columns_first_in_file_order(tmp_path):
    path = write_jsonl(tmp_path / "news.jsonl", [
        {"doc_id": "b", "outlet": "Gazette", "text": STORY_A, "published": "2021-05-04",
         "title": "Bridge", "url": "https://gazette.example/b", "story": "s1"},
        {"doc_id": "a", "outlet": "Courier", "text": STORY_B, "section": "Farming"},
    ])
    articles = load_corpus(path)
    assert list(articles.columns) == [*ARTICLE_COLUMNS, "section"]
    assert articles["doc_id"].tolist() == ["b", "a"]
    assert articles.loc[0, "published"] == pd.Timestamp("2021-05-04")
    assert str(articles["published"].dtype).startswith("datetime64")
    assert pd.isna(articles.loc[1, "published"]) and pd.isna(articles.loc[1, "story"])
    assert articles.loc[0, "story"] == "s1"
    assert isinstance(articles.index, pd.RangeIndex)


def test_jsonl_gz_reads_the_same_as_plain_jsonl(tmp_path):
    records = [{"id": 1, "source": "Gazette", "content": STORY_A}]
    plain = write_jsonl(tmp_path / "a.jsonl", records)
    packed = tmp_path / "a.jsonl.gz"
    packed.write_bytes(gzip.compress(plain.read_bytes()))
    pd.testing.assert_frame_equal(load_corpus(plain), load_corpus(packed))


def test_aliases_map_common_field_names(tmp_path):
    path = write_jsonl(tmp_path / "a.jsonl", [
        {"ID": 7, "publisher": "Gazette", "body": STORY_A, "publicationDate": "2020-01-02",
         "cluster": 12},
        {"id": "x9", "source_domain": "courier.example", "content_original": STORY_B,
         "date_publish": "2020-01-03", "event_id": "e4"},
    ])
    articles = load_corpus(path)
    assert articles["doc_id"].tolist() == ["7", "x9"]
    assert articles["outlet"].tolist() == ["Gazette", "courier.example"]
    assert articles["text"].tolist() == [STORY_A, STORY_B]
    assert articles["published"].dt.day.tolist() == [2, 3]
    assert articles["story"].tolist() == ["12", "e4"]


def test_a_headline_is_taken_as_the_title_and_other_export_names_as_their_fields(tmp_path):
    path = write_jsonl(tmp_path / "a.jsonl", [
        {"newspaper": "Gazette", "headline": "Bridge to reopen", "article_text": STORY_A,
         "publishedAt": "2020-01-02T10:00:00Z", "link": "https://gazette.example/1"},
        {"site_name": "Courier", "heading": "Frost", "maintext": STORY_B,
         "pubDate": "2020-01-03"},
    ])
    articles = load_corpus(path)
    assert articles["title"].tolist() == ["Bridge to reopen", "Frost"]
    assert articles["outlet"].tolist() == ["Gazette", "Courier"]
    assert articles["text"].tolist() == [STORY_A, STORY_B]
    assert articles["published"].dt.day.tolist() == [2, 3]
    assert articles["url"].tolist()[0] == "https://gazette.example/1"
    assert "headline" not in articles and "newspaper" not in articles


def test_a_title_field_wins_over_a_headline_which_is_kept(tmp_path):
    path = write_jsonl(tmp_path / "a.jsonl", [
        {"outlet": "Gazette", "title": "Title", "headline": "Headline", "text": STORY_A}])
    articles = load_corpus(path)
    assert articles.loc[0, ["title", "headline"]].tolist() == ["Title", "Headline"]


def test_columns_maps_fields_explicitly(tmp_path):
    path = write_jsonl(tmp_path / "a.jsonl", [
        {"publisher_name": "Gazette", "body": STORY_A, "text": "teaser", "headline": "Hi"},
    ])
    articles = load_corpus(path, columns={"outlet": "publisher_name", "text": "body",
                                          "title": "headline"})
    assert articles.loc[0, ["outlet", "text", "title"]].tolist() == ["Gazette", STORY_A, "Hi"]
    assert articles.loc[0, "input_text"] == "teaser"  # the unused "text" field is kept


def test_records_without_an_id_get_file_stem_and_record_number(tmp_path):
    path = tmp_path / "wire.jsonl"
    path.write_text(json.dumps({"outlet": "G", "text": STORY_A}) + "\n\n"
                    + json.dumps({"outlet": "G", "text": STORY_B}) + "\n", encoding="utf-8")
    assert load_corpus(path)["doc_id"].tolist() == ["wire-1", "wire-2"]


def test_extra_fields_are_kept_under_snake_case_names(tmp_path):
    path = write_jsonl(tmp_path / "a.jsonl", [
        {"outlet": "G", "text": STORY_A, "bias-text": "left", "mainEvent": "frost",
         "Page Number": 3, "tags": ["farm", "weather"]},
    ])
    row = load_corpus(path).iloc[0]
    assert (row["bias_text"], row["main_event"], row["page_number"]) == ("left", "frost", 3)
    assert row["tags"] == ["farm", "weather"]


def test_outlet_argument_fills_only_missing_outlets(tmp_path):
    path = write_jsonl(tmp_path / "a.jsonl", [
        {"outlet": "Courier", "text": STORY_A}, {"text": STORY_B}, {"outlet": " ", "text": STORY_C},
    ])
    articles = load_corpus(path, outlet="Gazette")
    assert articles["outlet"].tolist() == ["Courier", "Gazette", "Gazette"]


def test_dates_become_naive_utc_and_blank_dates_nat(tmp_path):
    path = write_jsonl(tmp_path / "a.jsonl", [
        {"outlet": "G", "text": STORY_A, "date": "2016-09-12T20:30:00-04:00"},
        {"outlet": "G", "text": STORY_B, "date": "4/21/18"},
        {"outlet": "G", "text": STORY_C, "date": ""},
        {"outlet": "G", "text": STORY_C + " Again.", "date": None},
    ])
    published = load_corpus(path)["published"]
    assert published.dt.tz is None
    assert published[0] == pd.Timestamp("2016-09-13 00:30:00")
    assert published[1] == pd.Timestamp("2018-04-21")
    assert published[2:].isna().all()


# --- text is kept exactly ---------------------------------------------------------------
def test_text_keeps_quote_marks_line_endings_and_whitespace(tmp_path):
    odd = (' \u201cWe will,\u201d she said. \u201eJa\u201c, \u00abnon\u00bb, '
           '\'half "open\r\nline two\u2028 ')
    path = write_jsonl(tmp_path / "a.jsonl", [{"outlet": "G", "text": odd}])
    assert load_corpus(path).loc[0, "text"] == odd


ANY_TEXT = st.text(st.characters(blacklist_categories=("Cs",)), min_size=1).filter(str.strip)


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=ANY_TEXT)
def test_any_text_round_trips_exactly_through_jsonl_csv_and_txt(tmp_path, text):
    write_jsonl(tmp_path / "a.jsonl", [{"outlet": "G", "text": text}])
    with (tmp_path / "a.csv").open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows([["outlet", "text"], ["G", text]])
    (tmp_path / "a.txt").write_bytes(text.encode("utf-8"))
    for name in ("a.jsonl", "a.csv", "a.txt"):
        assert load_corpus(tmp_path / name, outlet="G").loc[0, "text"] == text, name


def test_an_enormous_article_just_loads(tmp_path):
    big = ("The council met again. " * 90_000)[:2_000_000]
    write_jsonl(tmp_path / "big.jsonl", [{"outlet": "G", "text": big}])
    (tmp_path / "big.csv").write_text('outlet,text\nG,"' + big + '"\n', encoding="utf-8")
    assert load_corpus(tmp_path / "big.jsonl").loc[0, "text"] == big
    assert load_corpus(tmp_path / "big.csv").loc[0, "text"] == big


# --- JSON, CSV, TSV, Parquet ------------------------------------------------------------
def test_json_array_gives_one_article_per_element(tmp_path):
    path = write_json(tmp_path / "batch.json", [{"outlet": "G", "text": STORY_A},
                                                {"id": "k", "outlet": "G", "text": STORY_B}])
    assert load_corpus(path)["doc_id"].tolist() == ["batch-1", "k"]


def test_json_object_is_one_article_named_after_the_file(tmp_path):
    path = write_json(tmp_path / "bridge-story.json", {"outlet": "G", "text": STORY_A})
    assert load_corpus(path)["doc_id"].tolist() == ["bridge-story"]


def test_csv_keeps_quoted_delimiters_and_line_breaks_exactly(tmp_path):
    path = tmp_path / "a.csv"
    path.write_bytes(b'\xef\xbb\xbfid,outlet,text,date\r\n'
                     b'1,Gazette,"Line one, with a comma.\r\nLine ""two"".",2020-02-02\r\n'
                     b'\r\n'
                     b'2,Courier,Plain text.,\r\n')
    articles = load_corpus(path)
    assert articles["text"].tolist() == ['Line one, with a comma.\r\nLine "two".', "Plain text."]
    assert articles["doc_id"].tolist() == ["1", "2"]  # the byte-order mark is not in "id"
    assert pd.isna(articles.loc[1, "published"])


def test_tsv_is_read_with_tabs(tmp_path):
    path = tmp_path / "a.tsv"
    path.write_text(f"doc_id\tsource\ttext\tdesk\nt1\tGazette\t{STORY_A}\tcity\n",
                    encoding="utf-8")
    articles = load_corpus(path)
    assert articles.loc[0, ["doc_id", "outlet", "text", "desk"]].tolist() == [
        "t1", "Gazette", STORY_A, "city"]


def test_parquet_rows_become_articles(tmp_path):
    path = tmp_path / "a.parquet"
    pd.DataFrame({"id": [1, 2], "outlet": ["G", "C"], "text": [STORY_A, STORY_B],
                  "published": pd.to_datetime(["2020-01-01", None]),
                  "score": [0.5, 0.7]}).to_parquet(path)
    articles = load_corpus(path)
    assert articles["doc_id"].tolist() == ["1", "2"]
    assert articles.loc[0, "published"] == pd.Timestamp("2020-01-01")
    assert pd.isna(articles.loc[1, "published"])
    assert articles["score"].tolist() == [0.5, 0.7]


# --- .txt files -------------------------------------------------------------------------
def test_single_txt_file_is_one_article_with_the_given_outlet(tmp_path):
    path = tmp_path / "bridge.txt"
    path.write_bytes(STORY_A.encode() + b"\r\n\r\nSecond paragraph.\r\n")
    articles = load_corpus(path, outlet="Gazette")
    assert articles.loc[0, ["doc_id", "outlet"]].tolist() == ["bridge", "Gazette"]
    assert articles.loc[0, "text"] == STORY_A + "\r\n\r\nSecond paragraph.\r\n"


def test_txt_folder_takes_fields_from_its_metadata_table(tmp_path):
    (tmp_path / "b.txt").write_text(STORY_B, encoding="utf-8")
    (tmp_path / "a.txt").write_text(STORY_A, encoding="utf-8")
    (tmp_path / "c.txt").write_text(STORY_C, encoding="utf-8")
    (tmp_path / "metadata.csv").write_text(
        "filename,publisher,date,title\na.txt,Gazette,2021-05-04,Bridge\nb,Courier,,Frost\n",
        encoding="utf-8")
    articles = load_corpus(tmp_path, outlet="Unknown")
    assert articles["doc_id"].tolist() == ["a", "b", "c"]
    assert articles["outlet"].tolist() == ["Gazette", "Courier", "Unknown"]
    assert articles["title"].tolist()[:2] == ["Bridge", "Frost"]
    assert articles.loc[0, "published"] == pd.Timestamp("2021-05-04")


def test_txt_folder_metadata_can_be_given_as_a_path(tmp_path):
    corpus = tmp_path / "texts"
    corpus.mkdir()
    (corpus / "a.txt").write_text(STORY_A, encoding="utf-8")
    table = tmp_path / "meta.tsv"
    table.write_text("doc_id\toutlet\nz_unused\tNobody\na\tGazette\n", encoding="utf-8")
    articles = load_corpus(corpus, metadata=table)
    assert articles.loc[0, "outlet"] == "Gazette"
    assert detect_format(corpus) == "txt_dir"


# --- HTML -------------------------------------------------------------------------------
PAGE = f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Bridge opens | The Riverside Gazette</title>
<meta property="og:site_name" content="The Riverside Gazette">
<meta property="og:url" content="https://gazette.example.org/news/bridge">
<meta name="date" content="2021-05-04">
<style>body {{ color: red }}</style><script>var tracker = "SCRIPT-TEXT";</script></head>
<body><nav>Home | News | Sport</nav><article><h1>Bridge opens</h1>
<p>{STORY_A} Officials said traffic would be light during the first week of operation.</p>
<p>{STORY_B} The council said it would publish the final costs later this summer.</p>
<p>{STORY_C} Residents who attended the ceremony said they were glad the wait was over.</p>
</article><footer>Copyright notice</footer></body></html>
"""


def test_html_page_text_and_metadata_come_from_trafilatura(tmp_path):
    path = tmp_path / "bridge.html"
    path.write_text(PAGE, encoding="utf-8")
    row = load_corpus(path).iloc[0]
    assert row["doc_id"] == "bridge"
    assert row["outlet"] == "The Riverside Gazette"
    assert row["title"] == "Bridge opens"
    assert row["url"] == "https://gazette.example.org/news/bridge"
    assert row["published"] == pd.Timestamp("2021-05-04")
    assert STORY_A in row["text"] and STORY_C in row["text"]
    assert "SCRIPT-TEXT" not in row["text"] and "color: red" not in row["text"]


def test_html_folder_with_outlet_argument_overrides_site_name(tmp_path):
    for name in ("two.htm", "one.html"):
        (tmp_path / name).write_text(PAGE, encoding="utf-8")
    articles = load_corpus(tmp_path, outlet="Gazette")
    assert articles["doc_id"].tolist() == ["one", "two"]
    assert set(articles["outlet"]) == {"Gazette"}


# --- research layouts, on small look-alike files -----------------------------------------
def make_polnear(root: Path, *, line_ending: str = "\n") -> Path:
    meta = [("compartment\tfilename\tlevel\tannotators\tpublisher\tpublication_date\tauthor\t"
             "title\ttrump_count\tclinton_count\tcredit\twire")]
    for split, name, publisher in (("dev", "gaz_1", "gazette"), ("train", "cou_1", "courier"),
                                   ("train", "gaz_2", "gazette")):
        (root / split / "text").mkdir(parents=True, exist_ok=True)
        (root / split / "text" / f"{name}.txt").write_bytes(
            f"{STORY_A}{line_ending}{STORY_B}".encode())
        meta.append(f"{split}\t{name}\t3\tab12|cd34\t{publisher}\t2016-09-1{len(meta)}\tNone\t"
                    f"Title {name}\t1\t2\tNone\tAP")
    (root / "metadata.tsv").write_text("\n".join(meta) + "\n", encoding="utf-8")
    return root


def test_polnear_layout_loads_every_split_with_metadata(tmp_path):
    root = make_polnear(tmp_path / "polnear")
    articles = load_corpus(root)
    assert detect_format(root) == "polnear"
    assert articles["doc_id"].tolist() == ["gaz_1", "cou_1", "gaz_2"]
    assert articles["split"].tolist() == ["dev", "train", "train"]
    assert articles["outlet"].tolist() == ["gazette", "courier", "gazette"]
    assert articles.loc[0, "published"] == pd.Timestamp("2016-09-11")
    assert articles.loc[0, "level"] == 3 and articles.loc[0, "annotators"] == "ab12|cd34"
    assert pd.isna(articles.loc[0, "author"]) and pd.isna(articles.loc[0, "credit"])
    assert articles.loc[0, "wire"] == "AP"
    assert articles["story"].isna().all()


def test_polnear_split_folder_loads_only_that_split_and_keeps_crlf_offsets(tmp_path):
    root = make_polnear(tmp_path / "polnear", line_ending="\r\n")
    articles = load_corpus(root / "train")
    assert detect_format(root / "train") == "polnear"
    assert articles["doc_id"].tolist() == ["cou_1", "gaz_2"]
    text = articles.loc[0, "text"]
    start = len(STORY_A) + 2  # "\r\n" is two characters, as brat counts them
    assert text[start:start + len(STORY_B)] == STORY_B


def make_basil(root: Path) -> Path:
    for year, triplet in (("2011", "t-one"), ("2010", "t-two")):
        folder = root / "articles" / year
        folder.mkdir(parents=True)
        for n, source in enumerate(("fox", "NYT", "hpo"), 1):
            write_json(folder / f"{triplet}_{n}.json", {
                "source": source, "title": f"{source} on {triplet}", "url": f"https://{source}/x",
                "date": f"{year}-03-0{n}", "uuid": f"u-{triplet}-{n}", "triplet-uuid": triplet,
                "main-event": "bridge", "main-entities": ["Mayor"],
                "body-paragraphs": [[STORY_A, STORY_B], [STORY_C]]})
    return root


def test_basil_layout_joins_sentences_and_links_triplets(tmp_path):
    root = make_basil(tmp_path / "basil")
    for path in (root, root / "articles"):
        assert detect_format(path) == "basil"
        articles = load_corpus(path)
        assert articles["doc_id"].tolist()[:2] == ["t-two_1", "t-two_2"]  # 2010 first
        assert articles.loc[0, "text"] == f"{STORY_A} {STORY_B}\n\n{STORY_C}"
        assert sorted(set(articles["outlet"])) == ["fox", "hpo", "nyt"]
        assert articles.groupby("story").size().tolist() == [3, 3]
        assert articles.loc[0, "main_event"] == "bridge"
        assert articles.loc[0, "uuid"] == "u-t-two-1"


def make_newsplease(root: Path) -> Path:
    root.mkdir()
    for name, domain, event_id in (("b2", "courier.example", 5), ("a1", "gazette.example", 7)):
        write_json(root / f"{name}.json", {
            "source_domain": domain, "title": f"Story {name}", "text": STORY_A,
            "url": f"https://{domain}/{name}", "date_publish": "2017-09-15T08:00:00",
            "description": "A short summary.", "authors": [],
            "newsCluster": {"CategoryId": 1, "Category": "world", "TopicId": 2,
                            "Topic": "local", "EventId": event_id, "Event": "bridge_opens"}})
    return root


def test_newsplease_folder_maps_domain_date_and_cluster(tmp_path):
    root = make_newsplease(tmp_path / "clusters")
    assert detect_format(root) == "newsplease"
    articles = load_corpus(root)
    assert articles["doc_id"].tolist() == ["a1", "b2"]
    assert articles["outlet"].tolist() == ["gazette.example", "courier.example"]
    assert articles["story"].tolist() == ["7", "5"]
    assert articles.loc[0, "event"] == "bridge_opens"
    assert articles.loc[0, "description"] == "A short summary."
    assert articles.loc[0, "published"] == pd.Timestamp("2017-09-15 08:00")
    assert detect_format(root / "a1.json") == "newsplease"


def test_allsides_jsonl_is_recognised_by_its_fields(tmp_path):
    path = tmp_path / "sides.jsonl.gz"
    path.write_bytes(gzip.compress("".join(json.dumps(r) + "\n" for r in [
        {"ID": "aB3", "source": "Gazette", "source_url": "gazette.example", "bias_text": "left",
         "topic": "weather", "date": "9/16/17", "title": "Frost", "url": "https://g/x",
         "authors": "", "content_original": STORY_B},
    ]).encode()))
    assert detect_format(path) == "allsides"
    row = load_corpus(path).iloc[0]
    assert (row["doc_id"], row["outlet"], row["text"]) == ("aB3", "Gazette", STORY_B)
    assert row["published"] == pd.Timestamp("2017-09-16")
    assert (row["bias_text"], row["topic"], row["source_url"]) == ("left", "weather",
                                                                   "gazette.example")


# --- detection and overrides ------------------------------------------------------------
@pytest.mark.parametrize("name, expected", [
    ("a.jsonl", "jsonl"), ("a.JSONL", "jsonl"), ("a.json", "json"), ("a.csv", "csv"),
    ("a.tsv", "tsv"), ("a.parquet", "parquet"), ("a.txt", "txt"), ("a.htm", "html"),
])
def test_files_are_detected_by_extension(tmp_path, name, expected):
    path = tmp_path / name
    path.write_text("x", encoding="utf-8")
    assert detect_format(path) == expected


def test_format_argument_overrides_detection(tmp_path):
    path = write_jsonl(tmp_path / "export.dat", [{"outlet": "G", "text": STORY_A}])
    assert load_corpus(path, format="jsonl")["text"].tolist() == [STORY_A]


# --- results and summaries --------------------------------------------------------------
def test_collect_mode_returns_a_load_result(tmp_path):
    path = write_jsonl(tmp_path / "a.jsonl", [{"outlet": "G", "text": STORY_A}])
    result = load_corpus(path, errors="collect")
    assert isinstance(result, LoadResult)
    assert (len(result.articles), len(result.rejects), result.records_read) == (1, 0, 1)
    assert list(result.rejects.columns) == ["file", "record", "unit", "field", "code", "reason",
                                           "hint"]
    assert toolkit.load_corpus is load_corpus


def test_summarize_counts_articles_words_outlets_and_dates(tmp_path):
    path = write_jsonl(tmp_path / "a.jsonl", [
        {"outlet": "Gazette", "text": "One two three.", "date": "2020-03-01"},
        {"outlet": "Courier", "text": "Four five.", "date": "2020-01-05"},
        {"outlet": "Gazette", "text": "Six.", "date": None},
    ])
    assert summarize(load_corpus(path)) == {
        "articles": 3, "words": 6, "outlets": {"Gazette": 2, "Courier": 1},
        "date_from": "2020-01-05", "date_to": "2020-03-01"}


def test_outlet_overview_has_one_row_per_outlet(tmp_path):
    path = write_jsonl(tmp_path / "a.jsonl", [
        {"outlet": "Gazette", "text": "One two three.", "date": "2020-03-01"},
        {"outlet": "Courier", "text": "Four five.", "date": None},
        {"outlet": "Gazette", "text": "Six.", "date": "2020-01-05"},
    ])
    overview = outlet_overview(load_corpus(path))
    assert list(overview.columns) == ["outlet", "articles", "words", "first_published",
                                      "last_published"]
    assert overview["outlet"].tolist() == ["Gazette", "Courier"]
    assert overview["articles"].tolist() == [2, 1] and overview["words"].tolist() == [4, 2]
    assert overview.loc[0, "first_published"] == pd.Timestamp("2020-01-05")
    assert pd.isna(overview.loc[1, "last_published"])


# --- streaming in chunks ------------------------------------------------------------------


def test_iter_corpus_streams_the_same_articles_in_chunks(tmp_path):
    from toolkit.corpus import iter_corpus

    records = [{"id": f"a{i}", "outlet": "Gazette", "text": STORY_A, **({"topic": "x"} if i == 4
               else {})} for i in range(7)]
    path = write_jsonl(tmp_path / "c.jsonl", records)
    chunks = list(iter_corpus(path, chunk_size=3))
    assert [len(chunk) for chunk in chunks] == [3, 3, 1]
    whole = load_corpus(path)
    streamed = pd.concat(chunks, ignore_index=True)
    assert streamed["doc_id"].tolist() == whole["doc_id"].tolist()
    assert streamed["text"].tolist() == whole["text"].tolist()
    assert "topic" in chunks[1] and "topic" not in chunks[0]  # extra fields per chunk


def test_iter_corpus_finds_a_duplicate_id_across_chunks_and_names_its_line(tmp_path):
    from toolkit.corpus import iter_corpus
    from toolkit.errors import DuplicateIdError

    records = [{"id": "a1", "outlet": "G", "text": STORY_A},
               {"id": "a2", "outlet": "G", "text": STORY_B},
               {"id": "a1", "outlet": "G", "text": STORY_C}]
    path = write_jsonl(tmp_path / "dup.jsonl", records)
    stream = iter_corpus(path, chunk_size=2)
    assert len(next(stream)) == 2  # the first chunk is out before the duplicate is read
    with pytest.raises(DuplicateIdError, match="line 3") as raised:
        next(stream)
    assert raised.value.field == "doc_id" and "dup.jsonl" in str(raised.value)


def test_iter_corpus_rejects_a_bad_chunk_size(tmp_path):
    from toolkit.corpus import iter_corpus
    from toolkit.errors import ParameterError

    path = write_jsonl(tmp_path / "c.jsonl", [{"id": "a", "outlet": "G", "text": STORY_A}])
    with pytest.raises(ParameterError, match="chunk size"):
        next(iter_corpus(path, chunk_size=0))
