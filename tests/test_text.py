"""Words, the two voices and Docs matched to articles (toolkit.text): the one word count
every rate divides by."""

from __future__ import annotations

import doctest

import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from toolkit import text
from toolkit.parse import parse
from toolkit.text import (
    Voices,
    aligned_counts,
    article_docs,
    count_words,
    word_table,
    words_by_voice,
)

QUOTE_MARKS = '"“”‘’\'«»'
odd_text = st.text(alphabet=st.sampled_from(list(QUOTE_MARKS + "ab .,\n-—")), max_size=60) | \
    st.text(max_size=60)


# --- words -------------------------------------------------------------------------------
def test_words_count_numbers_and_hyphenated_words_once():
    assert count_words("4,200 so-called U.S. residents don't 5.25%") == 6


def test_punctuation_standing_alone_is_not_a_word():
    # whitespace splitting would count 9 here: the dash, the bullet and the lone quote mark
    assert count_words('Prices rose — sharply • she said " today') == 6
    assert count_words("well—known Trump/Pence") == 4


# --- the voice split ---------------------------------------------------------------------
def test_words_inside_quote_marks_are_quoted_voice_and_the_rest_the_journalists():
    sentence = 'The mayor said: "We will rebuild the bridge." Critics disagreed.'
    assert words_by_voice(sentence) == {"journalist": 5, "quoted": 5}
    assert count_words(sentence) == 10


def test_a_multi_paragraph_quote_is_one_quoted_stretch():
    passage = "“First part.\n\n“Second part,” she said."
    assert Voices.of(passage).regions == ((1, 27),)
    assert words_by_voice(passage) == {"journalist": 2, "quoted": 4}


def test_an_unclosed_quote_covers_the_rest_of_its_paragraph():
    passage = 'He said "we will win\n\nThe vote is Monday.'
    assert words_by_voice(passage) == {"journalist": 6, "quoted": 3}


def test_segments_cut_a_range_at_quote_boundaries():
    voices = Voices.of('A "b c" d "e" f')
    assert list(voices.segments(0, 15)) == [
        ("journalist", 0, 3), ("quoted", 3, 6), ("journalist", 6, 11), ("quoted", 11, 12),
        ("journalist", 12, 15)]
    assert list(voices.segments(4, 12)) == [
        ("quoted", 4, 6), ("journalist", 6, 11), ("quoted", 11, 12)]


@settings(max_examples=80, deadline=None)
@given(sample=odd_text)
def test_the_split_is_exact_on_odd_text(sample):
    voices = Voices.of(sample)
    pieces = list(voices.segments())
    assert [p[1] for p in pieces[1:]] == [p[2] for p in pieces[:-1]]
    if sample:
        assert pieces[0][1] == 0 and pieces[-1][2] == len(sample)
    counts = words_by_voice(sample, voices)
    assert counts["journalist"] + counts["quoted"] == count_words(sample)


# --- the text counts table ---------------------------------------------------------------
def test_the_word_table_counts_each_voice_and_the_sentences_of_the_parse():
    articles = pd.DataFrame({"doc_id": ["a", "b"], "outlet": ["X", "Y"], "text": [
        'The mayor said: "We will rebuild." Critics disagreed.', "One. Two. Three."]})
    table = word_table(articles, parse(articles, progress=False))
    assert list(table.columns) == text.TEXT_COUNT_COLUMNS
    assert table[["words", "words_journalist", "words_quoted", "sentences"]].values.tolist() \
        == [[8, 5, 3, 2], [3, 3, 0, 3]]


def test_counts_are_matched_to_articles_by_doc_id_not_by_position():
    articles = pd.DataFrame({"doc_id": ["b", "a"], "outlet": ["X", "X"],
                             "text": ["one", "one two"]})
    counts = word_table(articles.iloc[::-1])  # the other order
    assert aligned_counts(articles, counts)["words"].tolist() == [1, 2]


def test_docs_are_matched_by_their_doc_id_and_strays_skipped(nlp):
    articles = pd.DataFrame({"doc_id": ["a", "b"], "outlet": ["X", "Y"],
                             "text": ["First.", "Second."]})
    second, stray = nlp("Second."), nlp("Stray.")
    second.user_data["doc_id"], stray.user_data["doc_id"] = "b", "zzz"
    assert [(i, o) for i, o, _ in article_docs(articles, [second, stray])] == [("b", "Y")]


def test_the_module_examples_run():
    assert doctest.testmod(text).failed == 0
