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
from toolkit.attribution.media import is_own_outlet
from toolkit.attribution.sources import SOURCE_TYPES
from toolkit.attribution.speakers import is_non_name

KINDS = {"direct", "indirect", "mixed", "according_to", "partial"}
QUOTE_MARKS = ['"', "“", "”", "‘", "’", "«", "»", "'"]
WORDS = ["Mara", "Kovell", "said", "told", "the", "pier", "was", "unsafe", "she", "he",
         "according", "to", "officials", "warned", "Riverton", "Gazette", "reported", "that",
         "believes", "a", "study", "found", ",", ".", ":", "I", "we", "who", "Channel", "9",
         "Ledger", "Harbor", "The", "you", "this", "Invalid", "email", "show", "Mr.", "Ms.",
         "and", "Tomas", "Rell", "paper", "interview", "with", "in", "an", "on"]

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
        assert row["depth"] == len(row["relays"]) >= 0
        assert row["relays"] == [h["name"] for h in row["chain"][1:-1] if h["type"] == "media"
                                 and not is_own_outlet(h["name"], outlet)]
        assert not any(is_own_outlet(relay, outlet) for relay in row["relays"])
        speaker = row["speaker"]
        assert speaker is None or (isinstance(speaker, str) and speaker.strip()
                                   and any(c.isalpha() for c in speaker)
                                   and not is_non_name(speaker))
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


# --- who said it, through whom: speakers are names or null, relays never the outlet -----

MEDIA_MENTIONS = ["Fox News", "Fox", "The Huffington Post", "HuffPost", "the Ledger",
                  "the Harbor Ledger", "The Washington Post", "the Post", "Channel 9",
                  "the paper", "the channel", "the show", "reporters"]
PEOPLE = ["Mara Kovell", "She", "He", "They", "You", "This", "Invalid", "It", "Tomas Rell",
          "Officials", "Who", "Ms. Kovell", "Mr. Rell and Ms. Kovell"]


@st.composite
def relayed_prose(draw) -> str:
    """Sentences of people telling media things, quoted or not."""
    sentences = []
    for _ in range(draw(st.integers(1, 5))):
        person, medium = draw(st.sampled_from(PEOPLE)), draw(st.sampled_from(MEDIA_MENTIONS))
        sentences.append(draw(st.sampled_from([
            f"{person} told {medium} that the pier was unsafe.",
            f'"The pier is unsafe," {person} told {medium}.',
            f"In an interview with {medium}, {person} said the ferry was late.",
            f"According to {medium}, {person} said the dam would hold.",
            f'"We will rebuild," {person} said.',
        ])))
    return draw(st.sampled_from([" ", "\n\n"])).join(sentences)


@SETTINGS
@given(text=relayed_prose(), outlet=st.sampled_from(
    ["fox", "hpo", "huff-post", "The Harbor Ledger", "wash-post", "Fox News"]))
def test_speakers_are_names_or_null_and_no_relay_is_the_articles_own_outlet(nlp, text, outlet):
    rows = attributions_of(nlp(text), outlet=outlet, doc_id="p")
    check_rows(text, rows, outlet=outlet)
