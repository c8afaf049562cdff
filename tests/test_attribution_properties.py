"""Robustness: the extractor never raises and its rows always index into the text, over
arbitrary Unicode, unbalanced and nested quote marks, empty and very long articles.

Hypothesis example counts are kept modest so the file runs in well under a minute.
"""

from __future__ import annotations

import itertools

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from toolkit.attribution.extract import ATTRIBUTION_COLUMNS, attributions_of
from toolkit.attribution.sources import SOURCE_TYPES

KINDS = {"direct", "indirect", "mixed", "according_to", "partial"}
QUOTE_MARKS = ['"', "“", "”", "‘", "’", "«", "»", "'"]
WORDS = ["Mara", "Kovell", "said", "told", "the", "pier", "was", "unsafe", "she", "he",
         "according", "to", "officials", "warned", "Riverton", "Gazette", "reported", "that",
         "believes", "a", "study", "found", ",", ".", ":", "I", "we", "who", "Channel", "9"]

SETTINGS = settings(max_examples=60, deadline=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture,
                                           HealthCheck.too_slow])


def check_rows(text: str, rows: list[dict], *, outlet: str | None = None) -> None:
    """Every structural guarantee of the attributions table, whatever the text."""
    ids = [row["attribution_id"] for row in rows]
    assert len(set(ids)) == len(ids)
    for row in rows:
        assert list(row) == ATTRIBUTION_COLUMNS
        assert row["kind"] in KINDS and row["speaker_type"] in SOURCE_TYPES
        start, end = row["content_start"], row["content_end"]
        assert 0 <= start <= end <= len(text)
        assert text[start:end] == row["content"]
        parts = row["content_parts"]
        assert parts and parts[0][0] == start and parts[-1][1] == end
        assert all(0 <= s <= e <= len(text) for s, e in parts)  # empty: see below
        assert all(a[1] <= b[0] for a, b in itertools.pairwise(parts))
        for name in ("cue", "source"):
            s, e = row[f"{name}_start"], row[f"{name}_end"]
            if row[name] is None:
                assert s is None and e is None
            else:
                assert 0 <= s < e <= len(text) and text[s:e] == row[name]
        assert row["depth"] == len(row["chain"]) - 2 >= 0
        assert row["chain"][0]["name"] == outlet
        assert row["parent_id"] is None or row["parent_id"] in ids
        assert row["parent_id"] != row["attribution_id"]
        assert row["sentence"] >= 0 and row["paragraph"] >= 0
        assert row["paragraph"] <= text.count("\n")


def run(nlp, text: str, **kwargs) -> list[dict]:
    rows = attributions_of(nlp(text), outlet="The Ledger", doc_id="p", **kwargs)
    check_rows(text, rows, outlet="The Ledger")
    return rows


@pytest.mark.parametrize("text", ["", " ", "   \n\n\t  ", "\n", '"', "“", "«»", '" "', "'",
                                  "said", ".", "\u200b", "\x00"])
def test_empty_whitespace_and_lone_marks_give_no_rows(nlp, text):
    assert run(nlp, text) == []


@pytest.mark.parametrize("text", ['"\r," Mara Kovell said.', '"  " Mara Kovell said.',
                                  '"," Mara Kovell said.'], ids=["cr", "spaces", "comma"])
def test_quote_holding_no_words_is_not_an_attribution(nlp, text):
    rows = run(nlp, text)
    assert [row["content"] for row in rows if not row["content"].strip(" \r\n\t,.")] == []


@SETTINGS
@given(text=st.text(max_size=300))
def test_arbitrary_unicode_never_raises(nlp, text):
    run(nlp, text)


@SETTINGS
@given(text=st.text(alphabet=st.characters(codec="utf-8"), min_size=1, max_size=200).map(
    lambda t: f'"{t}," Mara Kovell said. {t} “{t}” «{t}'))
def test_arbitrary_unicode_around_quotes_never_raises(nlp, text):
    run(nlp, text)


@st.composite
def quoted_prose(draw) -> str:
    """Words, quote marks of every family (balanced or not) and line breaks."""
    pieces = draw(st.lists(st.one_of(
        st.sampled_from(WORDS),
        st.sampled_from(QUOTE_MARKS),
        st.sampled_from(["\n", "\n\n", " ", "\n\n“", "” ", ' "', '," ']),
    ), max_size=80))
    glue = draw(st.lists(st.sampled_from([" ", "", " "]), min_size=len(pieces),
                         max_size=len(pieces)))
    return "".join(p + g for p, g in zip(pieces, glue))


@SETTINGS
@given(text=quoted_prose())
def test_words_with_random_quote_marks_and_newlines_never_raise(nlp, text):
    run(nlp, text)


@SETTINGS
@given(text=quoted_prose())
def test_rules_only_extractor_never_raises_either(nlp, text):
    run(nlp, text, cue_model=None)


@SETTINGS
@given(depth=st.integers(1, 6), closed=st.booleans(), family=st.sampled_from(
    [('"', '"'), ("“", "”"), ("«", "»"), ("‘", "’")]))
def test_nested_and_unclosed_quotes_never_raise(nlp, depth, closed, family):
    opening, closing = family
    inner = "the pier was unsafe"
    for level in range(depth):
        o, c = (opening, closing) if level % 2 == 0 else ("‘", "’")
        inner = f"{o}Tomas Rell said {inner}{c if closed or level else ''}"
    run(nlp, f"{inner}, Mara Kovell said. She added that the ferry was late.")


# --- a very long article (built once) --------------------------------------------------

LONG_PARAGRAPH = (
    'Mara Kovell said the pier was unsafe. "We will act," she said, "and soon." '
    'According to officials, the "ferry stopped. Tomas Rell told Channel 9 that “repairs '
    "would take weeks. «Nobody was hurt», a spokesman for the port said. It's the "
    "students' pier, he added.\n\n"
)


@pytest.fixture(scope="module")
def long_article(nlp):
    """The text and its rows (how fast: benchmarks/attribution_bench.py)."""
    text = LONG_PARAGRAPH * (200_000 // len(LONG_PARAGRAPH) + 1)
    return text, attributions_of(nlp(text), outlet="The Ledger", doc_id="long")


def test_very_long_article_never_raises_and_keeps_the_invariants(long_article):
    text, rows = long_article
    assert len(text) >= 200_000
    check_rows(text, rows, outlet="The Ledger")
    paragraphs = text.count("\n\n")
    assert len(rows) >= 3 * paragraphs
    assert max(row["paragraph"] for row in rows) == paragraphs - 1


def test_every_paragraph_of_a_very_long_article_gets_the_same_rows(long_article):
    # the same paragraph, repeated: what one copy yields, every copy yields, speakers
    # resolved within the article as at its start (no drift, nothing lost late)
    text, rows = long_article
    by_paragraph: dict[int, list[tuple]] = {}
    for row in rows:
        start = text.rindex("\n\n", 0, row["content_start"]) + 2 if row["paragraph"] else 0
        by_paragraph.setdefault(row["paragraph"], []).append(
            (row["kind"], row["content_start"] - start, row["speaker"], row["cue"]))
    first = sorted(by_paragraph[0])
    assert len(first) >= 3
    assert all(sorted(by_paragraph[p]) == first for p in range(len(by_paragraph)))
