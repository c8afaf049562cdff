"""find_quotes: quote marks paired robustly, apostrophes ignored, never raising.

Every text here is written for these tests (fictional sentences); the real-text check reads
the shared AllSides corpus where it lies.
"""

from __future__ import annotations

import bisect
import doctest
import itertools
import re
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from toolkit.attribution import quotes
from toolkit.attribution.quotes import (
    FAMILIES,
    QUOTE_PAIRS,
    QuoteSpan,
    find_quotes,
    word_count,
)


def texts_of(text: str) -> list[str]:
    """The quoted content of every span, in order."""
    return [span.text_in(text) for span in find_quotes(text)]


def only(text: str) -> QuoteSpan:
    """The single span found in ``text``."""
    spans = find_quotes(text)
    assert len(spans) == 1, [span.text_in(text) for span in spans]
    return spans[0]


def check_invariants(text: str, spans: list[QuoteSpan]) -> None:
    """The structural guarantees of find_quotes, whatever the text."""
    for index, span in enumerate(spans):
        assert 0 <= span.open_start < span.start <= span.end <= len(text)
        assert span.close_end is None or span.end < span.close_end <= len(text)
        assert span.balanced == (span.close_end is not None)
        assert text[span.open_start : span.start] + (
            text[span.end : span.close_end] if span.close_end is not None else ""
        ) == span.marks
        assert span.paragraphs == 1 + len(span.continuations)
        assert all(span.start <= offset < span.end for offset in span.continuations)
        if index:
            assert spans[index - 1].start < span.start
        if span.parent is None:
            assert span.depth == 0
        else:
            parent = spans[span.parent]
            assert span.parent < index and span.depth == parent.depth + 1
            assert parent.start <= span.open_start
            assert (span.close_end or span.end) <= parent.end
    by_depth: dict[int, list[QuoteSpan]] = {}
    for span in spans:
        by_depth.setdefault(span.depth, []).append(span)
    for level in by_depth.values():
        for before, after in itertools.pairwise(level):
            assert (before.close_end or before.end) <= after.open_start


# --- double quotes -----------------------------------------------------------------------


def test_straight_double_quotes_open_and_close_by_context():
    text = 'The mayor said "we will rebuild" and then "soon."'
    assert texts_of(text) == ["we will rebuild", "soon."]
    first = find_quotes(text)[0]
    assert (first.open_start, first.start, first.end, first.close_end) == (15, 16, 31, 32)
    assert (first.marks, first.depth, first.parent, first.balanced) == ('""', 0, None, True)


def test_straight_mark_after_opening_punctuation_opens():
    assert texts_of('The plan (“bold”) and the vote —"close"— passed.') == ["bold", "close"]


def test_curly_double_quotes():
    text = "“We will act,” she said, “and soon.”"
    assert texts_of(text) == ["We will act,", "and soon."]
    assert {span.marks for span in find_quotes(text)} == {"“”"}


def test_guillemets_in_both_directions():
    assert texts_of("Il a dit « non » hier, puis «oui».") == [" non ", "oui"]
    assert texts_of("Er sagte »nein« und ging.") == ["nein"]
    assert find_quotes("Er sagte »nein« und ging.")[0].marks == "»«"


def test_low_nine_quote_closes_with_a_left_double_mark():
    span = only("Sie sagte „niemals“ und ging.")
    assert span.marks == "„“" and span.balanced


def test_single_curly_quotes():
    assert texts_of("The so-called ‘experts’ disagreed.") == ["experts"]


def test_corner_brackets_and_arbitrary_unicode():
    text = "彼は「大丈夫」と言った。 🎉 “Ça va — très bien,” dit-elle. ✓"
    assert texts_of(text) == ["大丈夫", "Ça va — très bien,"]


def test_quote_spanning_several_sentences():
    text = 'She said: "The dam held. The river fell. We are safe." Then she left.'
    assert texts_of(text) == ["The dam held. The river fell. We are safe."]


def test_doubled_single_marks_of_wire_copy_are_double_quotes():
    text = "The senator was ``firm,'' aides said, and \"adamant'' too. ‘‘Never,’’ he said."
    assert texts_of(text) == ["firm,", "adamant", "Never,"]
    assert [span.marks for span in find_quotes(text)] == ["``''", "\"''", "‘‘’’"]


def test_straight_and_curly_marks_of_one_family_pair():
    text = '"Mixed marks”, she said, “and more." Done.'
    assert texts_of(text) == ["Mixed marks", "and more."]
    assert all(span.balanced for span in find_quotes(text))


def test_mixed_styles_in_one_document():
    text = (
        '“Curly here,” said one.\n\n"Straight here," said another.\n\n'
        "‘Single here,’ said a third."
    )
    assert texts_of(text) == ["Curly here,", "Straight here,", "Single here,"]


def test_inch_mark_after_a_digit_does_not_end_the_quote():
    text = '"I bought a 55" screen," he said.'
    assert texts_of(text) == ['I bought a 55" screen,']


# --- single quotes and apostrophes -------------------------------------------------------


def test_straight_single_quotes_inside_a_double_quote_are_a_nested_span():
    text = "\"He told me 'never again' and left.\""
    outer, inner = find_quotes(text)
    assert outer.text_in(text) == "He told me 'never again' and left."
    assert inner.text_in(text) == "never again"
    assert (inner.depth, inner.parent, inner.marks) == (1, 0, "''")


def test_double_quotes_inside_british_single_quotes_are_nested():
    text = "'The sign read \"closed\" all week,' she said."
    outer, inner = find_quotes(text)
    assert outer.text_in(text) == 'The sign read "closed" all week,'
    assert (inner.text_in(text), inner.parent, inner.depth) == ("closed", 0, 1)


def test_british_single_quotes_at_top_level():
    text = "'We will act,' she said. 'Soon.'"
    assert texts_of(text) == ["We will act,", "Soon."]


def test_quotes_nest_two_deep():
    text = "“She said ‘they shouted «stop» twice’ today.”"
    spans = find_quotes(text)
    assert [(span.text_in(text), span.depth, span.parent) for span in spans] == [
        ("She said ‘they shouted «stop» twice’ today.", 0, None),
        ("they shouted «stop» twice", 1, 0),
        ("stop", 2, 1),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "They don't know, it's late.",
        "Music of the '90s and ’80s.",
        "He loved rock 'n' roll.",
        "The students' fees rose.",
        "We met the Joneses' dog.",
        "Ask O'Brien, or O’Neill.",
        "’Tis the season, 'twas said.",
        "Get ’em all, he shouted.",
        "We’re sure it’s the city’s and the workers’ call.",
        "She was 5'6 and ran 10' easily.",
        "Nothin' doing, he said.",
    ],
)
def test_apostrophes_are_not_quote_marks(text):
    assert find_quotes(text) == []


def test_apostrophes_inside_a_quote_leave_it_whole():
    text = "“It’s the ’90s again, the workers’ union says ‘no’ and we don’t,” he said."
    spans = find_quotes(text)
    assert [span.text_in(text) for span in spans] == [
        "It’s the ’90s again, the workers’ union says ‘no’ and we don’t,",
        "no",
    ]


def test_possessive_inside_a_single_quote_does_not_close_it():
    text = "'The students' fees are too high,' she said."
    assert texts_of(text) == ["The students' fees are too high,"]


def test_possessive_closes_a_single_quote_when_nothing_else_can():
    text = "'I met the Joneses' she said."
    assert texts_of(text) == ["I met the Joneses"]


def test_rock_n_roll_inside_a_single_quote():
    text = "'I love rock 'n' roll,' he said."
    assert texts_of(text) == ["I love rock 'n' roll,"]


# --- paragraphs and the long-quote convention ---------------------------------------------


@pytest.mark.parametrize("separator", ["\n", "\n\n", "\r\n", "\r\n\r\n", "\n \n"])
@pytest.mark.parametrize("opening,closing", [("“", "”"), ('"', '"'), ("‘", "’"), ("«", "»")])
def test_repeated_opening_marks_continue_one_quote_over_paragraphs(separator, opening, closing):
    text = (
        f"The chief said: {opening}The levee held.{separator}"
        f"{opening}The water is falling.{separator}"
        f"{opening}We are safe now,{closing} she added."
    )
    span = only(text)
    assert span.paragraphs == 3 and span.balanced
    assert span.text_in(text) == (
        f"The levee held.{separator}The water is falling.{separator}We are safe now,"
    )
    assert text[span.start : span.end].count(opening) == 2 == len(span.continuations)
    assert text[span.end : span.close_end] == closing


def test_unclosed_quote_ends_at_the_end_of_its_paragraph():
    text = "“The levee held, she said.  \n\nA reporter asked “why” twice."
    unclosed, closed = find_quotes(text)
    assert unclosed.text_in(text) == "The levee held, she said."
    assert (unclosed.balanced, unclosed.close_end, unclosed.marks) == (False, None, "“")
    assert closed.text_in(text) == "why" and closed.balanced


def test_unclosed_quote_ends_before_the_next_opening_mark_of_its_kind():
    text = '"A," she said. "B is fine. Then "C" he added.'
    spans = find_quotes(text)
    assert [(span.text_in(text), span.balanced) for span in spans] == [
        ("A,", True),
        ("B is fine. Then", False),
        ("C", True),
    ]


def test_unclosed_quote_ends_before_the_closing_mark_of_its_parent():
    text = "“He said «wait and left.” Later “yes.”"
    spans = find_quotes(text)
    assert [(span.text_in(text), span.depth, span.balanced) for span in spans] == [
        ("He said «wait and left.", 0, True),
        ("wait and left.", 1, False),
        ("yes.", 0, True),
    ]


def test_stray_closing_mark_is_ignored():
    text = "He had left.” Then she said “hello” again."
    assert texts_of(text) == ["hello"]


def test_unclosed_single_quote_is_taken_for_an_apostrophe():
    text = "He said 'maybe and left. “Yes,” she said."
    assert texts_of(text) == ["Yes,"]


def test_a_stray_mark_costs_only_its_own_quote():
    text = "“One,” he said.\n\nShe said “two” and “three.\n\nThey said “four.” Done"
    spans = find_quotes(text)
    assert [(span.text_in(text), span.balanced) for span in spans] == [
        ("One,", True),
        ("two", True),
        ("three.", False),
        ("four.", True),
    ]


# --- edge cases ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text,expected",
    [
        ("", []),
        ('"', [""]),
        ('""', [""]),
        ("“”", [""]),
        ('"""', [""]),
        ("''", [""]),  # a doubled single mark stands for a double mark
        ("'", []),
        ("'0", []),
        ("'90", []),
        ("'t", []),
        ("\n\n\n", []),
        ('"Hi"', ["Hi"]),
        ('"Hi', ["Hi"]),
        ('Hi"', []),
        ("“ ” « » ‘ ’ ‹ › „", [" ", " ", " ", ""]),
    ],
)
def test_edge_texts(text, expected):
    spans = find_quotes(text)
    check_invariants(text, spans)
    assert [span.text_in(text) for span in spans] == expected


def test_empty_quote_is_a_span_with_no_content():
    span = only('He said "" twice.')
    assert (span.start, span.end, span.close_end) == (9, 9, 10)


def test_marks_at_the_very_start_and_end():
    text = "“Start and end”"
    span = only(text)
    assert (span.open_start, span.close_end) == (0, len(text))


def test_one_megabyte_of_mixed_text_is_split_into_every_quote():
    unit = (
        '"We will rebuild the bridge," the mayor said. Residents weren\'t sure.\n\n'
        "“It’s the ‘best’ plan since the ’90s,” one said. A stray \" mark here.\n"
        "'Never again,' she said. «Bonjour», he replied. \"Unclosed at the end\n"
    )
    text = (unit * (1_000_000 // len(unit) + 1))[:1_000_000]
    spans = find_quotes(text)
    assert len(spans) > 1_000_000 // len(unit) * 6


# --- helpers and tables -------------------------------------------------------------------


def test_word_count_of_scare_quotes():
    text = "The “experts” and their ‘so-called science’ won't agree."
    assert [word_count(text, span) for span in find_quotes(text)] == [1, 2]
    quote = '"We don\'t know what they\'re doing," she said.'
    assert word_count(quote, only(quote)) == 6


def test_quote_pairs_stay_within_a_family():
    family_of = {mark: name for name, marks in FAMILIES.items() for mark in marks}
    assert all(family_of[opening] == family_of[closing] for opening, closing in QUOTE_PAIRS.items())


def test_docstring_examples_run():
    assert doctest.testmod(quotes).failed == 0


# --- properties ---------------------------------------------------------------------------

MARKS = [mark for marks in FAMILIES.values() for mark in marks]
PIECES = st.sampled_from(
    ["word", "Mayor", "it's", "O'Brien", "'90s", "42", "7", " ", " ", "  ", "\n", "\n\n", "\r\n",
     ",", ".", "!", "—", "(", ")", "s", "n", *MARKS]
)
QUOTY_TEXT = st.lists(PIECES, max_size=60).map("".join)
PROPERTY_SETTINGS = settings(max_examples=300, deadline=None,
                             suppress_health_check=[HealthCheck.too_slow])


@PROPERTY_SETTINGS
@given(st.text())
def test_any_unicode_text_gives_well_formed_spans(text):
    check_invariants(text, find_quotes(text))


@PROPERTY_SETTINGS
@given(QUOTY_TEXT)
def test_quote_heavy_text_gives_well_formed_spans(text):
    check_invariants(text, find_quotes(text))


def shifted(spans: list[QuoteSpan], offset: int, first_index: int) -> list[tuple]:
    """Spans as comparable tuples, moved by ``offset`` characters and ``first_index`` places."""
    return [
        (span.start + offset, span.end + offset, span.open_start + offset,
         None if span.close_end is None else span.close_end + offset, span.marks, span.depth,
         None if span.parent is None else span.parent + first_index, span.balanced,
         span.paragraphs, tuple(c + offset for c in span.continuations))
        for span in spans
    ]


BARRIER = "\n\nA paragraph with no marks.\n\n"


@PROPERTY_SETTINGS
@given(QUOTY_TEXT, QUOTY_TEXT)
def test_a_paragraph_without_marks_separates_what_is_found(left, right):
    left_spans, right_spans = find_quotes(left), find_quotes(right)
    combined = find_quotes(left + BARRIER + right)
    assert shifted(combined, 0, 0) == (
        shifted(left_spans, 0, 0)
        + shifted(right_spans, len(left) + len(BARRIER), len(left_spans))
    )


@PROPERTY_SETTINGS
@given(QUOTY_TEXT, QUOTY_TEXT, QUOTY_TEXT, st.sampled_from(MARKS), st.integers(min_value=0))
def test_a_stray_mark_changes_nothing_beyond_a_mark_free_paragraph(left, middle, right,
                                                                   mark, where):
    where %= len(middle) + 1
    before = left + BARRIER + middle + BARRIER + right
    after = left + BARRIER + middle[:where] + mark + middle[where:] + BARRIER + right
    spans_before, spans_after = find_quotes(before), find_quotes(after)
    n_left = len(find_quotes(left))
    assert shifted(spans_after[:n_left], 0, 0) == shifted(spans_before[:n_left], 0, 0)
    n_right = len(find_quotes(right))
    tail_before = spans_before[len(spans_before) - n_right :]
    tail_after = spans_after[len(spans_after) - n_right :]
    assert [(s.start + len(mark), s.end + len(mark), s.marks, s.balanced) for s in tail_before] \
        == [(s.start, s.end, s.marks, s.balanced) for s in tail_after]


PARAGRAPH = QUOTY_TEXT.map(lambda p: re.sub(r"[\r\n]", " ", p) + " and so on.")


@PROPERTY_SETTINGS
@given(st.lists(PARAGRAPH, min_size=2, max_size=5), st.data())
def test_a_stray_mark_leaves_earlier_paragraphs_alone(paragraphs, data):
    text = "\n\n".join(paragraphs)
    k = data.draw(st.integers(min_value=1, max_value=len(paragraphs) - 1))
    paragraph_start = len("\n\n".join(paragraphs[:k])) + 2
    first = paragraph_start + len(paragraphs[k]) - len(paragraphs[k].lstrip())
    # A paragraph's first mark is read with up to 9 characters after it: insert beyond them.
    where = data.draw(st.integers(min_value=first + 9, max_value=len(text)))
    mark = data.draw(st.sampled_from(MARKS))
    changed = text[:where] + mark + text[where:]

    def earlier(spans: list[QuoteSpan]) -> list[tuple]:
        return [(s.open_start, s.start, s.end, s.close_end, s.marks, s.balanced)
                for s in spans if (s.close_end or s.end) < paragraph_start]

    assert earlier(find_quotes(changed)) == earlier(find_quotes(text))


# --- real text ----------------------------------------------------------------------------

DOUBLE_MARK = re.compile('["“”]')


@pytest.mark.shared
def test_real_news_quotes_mostly_pair_up(corpora):
    from toolkit import load_corpus

    articles = load_corpus(corpora / "allsides_10k.jsonl.gz")
    started = time.perf_counter()
    marks = paired = 0
    for text in articles["text"]:
        spans = [s for s in find_quotes(text) if s.balanced and s.depth == 0]
        starts = [s.open_start for s in spans]
        for match in DOUBLE_MARK.finditer(text):
            marks += 1
            k = bisect.bisect_right(starts, match.start()) - 1
            paired += k >= 0 and match.start() < spans[k].close_end
    elapsed = time.perf_counter() - started
    rate = paired / marks
    print(f"\nAllSides: {len(articles)} articles, {marks} double marks, "
          f"{rate:.2%} inside a balanced span, {elapsed:.1f} s")
    assert rate >= 0.95
