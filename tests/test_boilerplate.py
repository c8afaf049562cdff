"""Web boilerplate: found by the lexicon's patterns, masked with same-length spaces before
parsing (offsets unchanged), counted per article and by ``toolkit corpus info``."""

from __future__ import annotations

import json
import os

import pandas as pd
import pytest

from toolkit.boilerplate import (
    boilerplate_counts,
    boilerplate_summary,
    find_boilerplate,
    mask_boilerplate,
)
from toolkit.cli import main
from toolkit.errors import ParameterError
from toolkit.lexicons import lexicon_sources
from toolkit.parse import ParseStats, parse

ARTICLE = (
    "Mayor Alda Brennic said the bridge would reopen on Monday.\n\n"
    "Advertisement\n\n"
    "Newsletter Sign Up Continue reading the main story Please verify you're not a robot by "
    "clicking the box. Invalid email address. Please re-enter. You must select a newsletter "
    "to subscribe to.\n\n"
    "\"We are ready,\" said Ruth Ambler of the Calder Basin Authority.\n\n"
    "Ruth Ambler speaks in Riverton on Monday. (AP Photo/Ines Varga)\n\n"
    "Read more: Riverton braces for the spring floods\n\n"
    "Copyright © 2026 The Harbor Ledger. All rights reserved."
)
REPORTING = [
    "Mayor Alda Brennic said the bridge would reopen on Monday.",
    "\"We are ready,\" said Ruth Ambler of the Calder Basin Authority.",
]


def paragraphs(text: str) -> list[str]:
    return [p.strip() for p in text.split("\n\n") if p.strip()]


def test_masking_keeps_length_newlines_and_every_reporting_paragraph():
    masked = mask_boilerplate(ARTICLE)
    assert len(masked) == len(ARTICLE)
    assert [i for i, c in enumerate(masked) if c == "\n"] == [
        i for i, c in enumerate(ARTICLE) if c == "\n"]
    assert paragraphs(masked) == REPORTING
    start = ARTICLE.index("Ruth Ambler of")
    assert masked[start:start + 11] == "Ruth Ambler"  # offsets index the original text


def test_each_kind_of_furniture_is_found_once_in_text_order():
    spans = find_boilerplate(ARTICLE)
    assert [s.kind for s in spans] == ["advert", "newsletter", "credit", "read_more",
                                       "copyright"]
    assert ARTICLE[spans[0].start:spans[0].end] == "Advertisement"
    assert ARTICLE[spans[1].start:spans[1].end].endswith("to subscribe to.")


@pytest.mark.parametrize("line", [
    "Sign up for Daily Newsletters Manage Newsletters",
    "Get the Gazette stories you care about delivered to your inbox. By signing up, you "
    "agree to our Privacy Policy",
    "Read or Share this story: https://gazette.example/story/1",
    "Follow us on Twitter @GazetteOpinion.",
    "CLICK HERE TO GET THE GAZETTE APP",
    "Enlarge this image toggle caption Ines Varga/AP Ines Varga/AP",
    "Image copyright Reuters Image caption A satellite image of the Calder dam",
    "Ruth Ambler at the dam on Monday. Photograph: Ines Varga/Reuters",
    "Ruth Ambler at the dam on Monday. Ines Varga/Getty Images",
    "Story Continued Below",
    "Slideshow (3 Images)",
    "This article is more than 2 years old",
    "Calder dam gate jams for the third time this winter Read more",
    "RELATED: Riverton braces for the spring floods",
])
def test_a_furniture_line_is_masked_whole(line):
    text = f"Kovell said it held.\n\n{line}\n\nIt rained."
    assert paragraphs(mask_boilerplate(text)) == ["Kovell said it held.", "It rained."]


@pytest.mark.parametrize("line", [
    "Copyright law protects the Ledger's reporting, Kovell said.",
    "Brennic said she would subscribe to the plan if the email records were released.",
    "\"Sign up for the newsletter,\" Fesk told his supporters in an email.",
    "Read more of the report before you judge it, Ambler said.",
    "RIVERTON (Harbor Ledger) — The Calder dam held overnight, officials said.",
    "The Associated Press contributed to this report.",
    "More than 4,200 residents were evacuated.",
    "Photo identification will be required at the polls, the ministry said.",
])
def test_reporting_that_mentions_furniture_words_is_kept(line):
    text = f"{line}\n\nIt rained."
    assert mask_boilerplate(text) == text


def test_inline_sign_up_text_is_masked_inside_a_paragraph():
    text = "It held. Invalid email address. Please re-enter. Kovell said so."
    assert mask_boilerplate(text) == "It held. " + " " * 39 + " Kovell said so."


def test_counts_per_article_and_for_the_corpus():
    counts = boilerplate_counts([ARTICLE, "It rained.", None])
    assert counts["boilerplate_spans"].tolist() == [5, 0, 0]
    assert counts["boilerplate_chars"].iloc[0] == sum(
        s.end - s.start for s in find_boilerplate(ARTICLE))
    assert boilerplate_summary([ARTICLE, "It rained."])["boilerplate_articles"] == 1


def test_the_lexicon_names_its_sources():
    assert any(line.startswith("Sources:") for line in lexicon_sources("web_boilerplate"))


def write_lexicon(folder, rows: list[str]):
    path = folder / "web_boilerplate.tsv"
    path.write_text("# mine\n# Sources: me (2026)\npattern\tscope\tkind\tnotes\n"
                    + "".join(row + "\n" for row in rows), encoding="utf-8")
    return path


def test_a_replacement_lexicon_is_used_and_reread_when_edited(tmp_path, monkeypatch):
    monkeypatch.setenv("TOOLKIT_LEXICON_DIR", str(tmp_path))
    path = write_lexicon(tmp_path, ["Gazette Extra\tline\tadvert\tmine"])
    text = "It held.\nGazette Extra\nAdvertisement"
    assert mask_boilerplate(text) == "It held.\n             \nAdvertisement"
    write_lexicon(tmp_path, ["Advertisement\tline\tadvert\tmine"])
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
    assert mask_boilerplate(text) == "It held.\nGazette Extra\n             "


@pytest.mark.parametrize(("row", "field"), [
    ("(unclosed\tline\tadvert\tx", "pattern"),
    ("Advertisement\tparagraph\tadvert\tx", "scope"),
])
def test_a_bad_lexicon_row_is_a_coded_error_naming_file_line_and_field(tmp_path, monkeypatch,
                                                                       row, field):
    monkeypatch.setenv("TOOLKIT_LEXICON_DIR", str(tmp_path))
    write_lexicon(tmp_path, ["Story Continued Below\tline\tadvert\tok", row])
    with pytest.raises(ParameterError) as error:
        mask_boilerplate("It held.")
    assert error.value.line == 5 and error.value.field == field
    assert "web_boilerplate.tsv" in str(error.value)


def test_spacy_parses_the_masked_text_with_the_original_offsets(tmp_path):
    articles = pd.DataFrame({"doc_id": ["a"], "text": [ARTICLE]})
    doc = next(parse(articles, cache_dir=tmp_path, progress=False))
    assert doc.text == mask_boilerplate(ARTICLE) and len(doc.text) == len(ARTICLE)
    words = {t.text for t in doc if not t.is_space}
    assert not words & {"Invalid", "Advertisement", "Newsletter", "Photo", "Copyright"}
    ambler = next(t for t in doc if t.text == "Ruth")
    assert ARTICLE[ambler.idx:ambler.idx + 11] == "Ruth Ambler"


def test_the_cache_never_serves_an_unmasked_parse_for_a_masked_one(tmp_path):
    articles = pd.DataFrame({"doc_id": ["a"], "text": [ARTICLE]})
    unmasked = next(parse(articles, cache_dir=tmp_path, progress=False, mask=False))
    assert "Invalid" in {t.text for t in unmasked}
    stats = ParseStats()
    masked = next(parse(articles, cache_dir=tmp_path, progress=False, stats=stats))
    assert (stats.parsed, stats.cache_hits) == (1, 0)
    assert "Invalid" not in {t.text for t in masked}


def test_corpus_info_reports_the_boilerplate_counts(tmp_path, capsys):
    path = tmp_path / "c.jsonl"
    path.write_text(json.dumps({"outlet": "The Harbor Ledger", "text": ARTICLE}) + "\n"
                    + json.dumps({"outlet": "Daily Relay", "text": "It rained."}) + "\n",
                    encoding="utf-8")
    assert main(["corpus", "info", str(path), "--json"]) == 0
    summary = json.loads(capsys.readouterr().out)
    assert (summary["boilerplate_articles"], summary["boilerplate_spans"]) == (1, 5)
    assert main(["corpus", "info", str(path)]) == 0
    assert "web boilerplate masked before parsing: 5 spans" in capsys.readouterr().out

