"""tone: VADER sentiment per sentence and GDELT-style tone, in the journalist's voice and quotes.

Two measures, both split by voice (:class:`toolkit.text.Voices`: inside the outermost
quote spans is quoted voice, everything else the journalist's):

- **VADER** (Hutto & Gilbert 2014; the MIT-licensed ``vaderSentiment`` package): the
  compound score (−1 to +1) of each sentence of the parse. A sentence is cut at its quote
  spans into its journalist part (the pieces outside the quotes, joined by spaces) and
  its quoted part (the pieces inside), and each part with a word is scored on its own;
  the whole sentence is scored too (one call when it has a single voice). Articles and
  outlets average the sentence scores (``mean_compound_per_sentence_journalist``: the sum
  of the journalist parts' compounds over the number of journalist parts).
- **GDELT-style tone**: ``(positive words − negative words) / words × 100``, the
  arithmetic of the GDELT Global Knowledge Graph's tone (and ``polarity``: positive plus
  negative words per 100 words). GDELT's own dictionaries are not open, so the word
  list is VADER's lexicon: a token whose lower-case form has a positive valence there is
  a positive word, a negative valence a negative word (no negation or intensity rules;
  a token counts only if it contains a letter). Words are :data:`~toolkit.text.WORD`
  matches, in the voice where they occur.

Scores are comparable across outlets of one corpus; VADER was built on social-media and
review text, so read small differences in news with care.

One analyzer is created per process (:func:`analyzer`) and each sentence costs at most
three scoring calls; nothing is re-parsed.

Example:
    >>> import pandas as pd
    >>> articles = pd.DataFrame({"doc_id": ["a"], "outlet": ["X"],
    ...     "text": ['The plan failed. "It is a wonderful success," the mayor said.']})
    >>> per_article = article_tone(articles, sentence_tone(articles, progress=False))
    >>> row = per_article.iloc[0]
    >>> bool(row["mean_compound_per_sentence_journalist"] < 0 <
    ...      row["mean_compound_per_sentence_quoted"])
    True
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from functools import lru_cache

import numpy as np
import pandas as pd
from spacy.attrs import IDX, LOWER
from spacy.strings import hash_string
from spacy.tokens import Doc
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from ..measures import ArticleInputs, Measure, MeasureFamily, add_rates
from ..parse import doc_text
from ..text import JOURNALIST, QUOTED, VOICES, Voices, aligned_counts, count_words, doc_rows
from .terms import member

SENTENCE_COLUMNS = [
    "doc_id", "outlet", "sentence", "start", "end", "words_journalist", "words_quoted",
    "compound", "compound_journalist", "compound_quoted", "positive_words_journalist",
    "negative_words_journalist", "positive_words_quoted", "negative_words_quoted",
]
_SUFFIXES = ("", f"_{JOURNALIST}", f"_{QUOTED}")
_VOICE_OF = {"": "both", f"_{JOURNALIST}": JOURNALIST, f"_{QUOTED}": QUOTED}
_SENTENCES_OF = {"": "", f"_{JOURNALIST}": ", journalist's voice",
                 f"_{QUOTED}": ", quoted voices"}
_WORDS_OF = {"": "per 100 words", f"_{JOURNALIST}": "per 100 words in the journalist's voice",
             f"_{QUOTED}": "per 100 quoted words"}
_WHERE = {"": "", f"_{JOURNALIST}": " of the journalist's voice", f"_{QUOTED}": " of quotes"}
TONE_MEASURES = (
    *(Measure(f"mean_compound_per_sentence{s}", label="VADER sentiment",
              unit=f"mean compound per sentence{_SENTENCES_OF[s]}",
              description=f"sentiment{_WHERE[s]} (VADER compound)",
              numerator=f"compound_sum{s}", denominator=f"sentences{s}", voice=_VOICE_OF[s],
              pairwise=False, headline=False) for s in _SUFFIXES),
    *(Measure(f"gdelt_tone_per_100_words{s}", label="GDELT tone",
              unit=_WORDS_OF[s],
              description=f"tone{_WHERE[s]} (positive minus negative words)",
              numerator=f"net_positive_words{s}", denominator=f"words{s}", scale=100.0,
              voice=_VOICE_OF[s], pairwise=False, headline=s == f"_{JOURNALIST}",
              figure=s == f"_{JOURNALIST}") for s in _SUFFIXES),
    *(Measure(f"gdelt_polarity_per_100_words{s}", label="GDELT polarity", unit=_WORDS_OF[s],
              description=f"polar words{_WHERE[s]} (positive plus negative words)",
              numerator=f"polar_words{s}", denominator=f"words{s}", scale=100.0,
              voice=_VOICE_OF[s], pairwise=False, headline=False) for s in _SUFFIXES),
)
"""The measures of :func:`article_tone`."""


@lru_cache(maxsize=1)
def analyzer() -> SentimentIntensityAnalyzer:
    """The one VADER analyzer of this process (loading its lexicon takes a moment)."""
    return SentimentIntensityAnalyzer()


@lru_cache(maxsize=65536)
def _compound(text: str) -> float:
    """VADER's compound score (remembered: datelines, bylines and boilerplate repeat)."""
    return analyzer().polarity_scores(text)["compound"]


@lru_cache(maxsize=1)
def _polar_words() -> dict[int, np.ndarray]:
    """+1 and −1 → sorted string hashes of VADER's words with a letter and that sign of
    valence."""
    words: dict[int, list[int]] = {1: [], -1: []}
    for word, valence in analyzer().lexicon.items():
        if valence and any(c.isalpha() for c in word):
            words[1 if valence > 0 else -1].append(hash_string(word))
    return {sign: np.unique(np.array(hashes, dtype=np.uint64)) for sign, hashes in words.items()}


def _polar_counts(doc: Doc, voices: Voices) -> dict[tuple[str, int], np.ndarray]:
    """Running counts of positive and negative words by voice, one entry per token
    boundary: the words of ``doc[a:b]`` are ``counts[key][b] - counts[key][a]``."""
    array = doc.to_array([LOWER, IDX]).reshape(-1, 2)
    quoted = np.zeros(len(array), dtype=bool)
    for start, end in voices.regions:
        first, last = np.searchsorted(array[:, 1], [start, end])
        quoted[first:last] = True
    counts = {}
    for sign, hashes in _polar_words().items():
        polar = member(array[:, 0], hashes)
        for voice, inside in ((JOURNALIST, ~quoted), (QUOTED, quoted)):
            counts[voice, sign] = np.concatenate(([0], np.cumsum(polar & inside)))
    return counts


def sentence_tone_of(doc: Doc, *, voices: Voices | None = None) -> list[dict]:
    """VADER compounds and polar-word counts for each sentence of one parsed article.

    Args:
        doc: the parsed article.
        voices: the text's :class:`~toolkit.text.Voices` when already computed.

    Returns:
        One dict per sentence with a word: the keys of :data:`SENTENCE_COLUMNS` but
        ``doc_id`` and ``outlet``; ``compound_journalist``/``compound_quoted`` are NaN when
        the sentence has no word in that voice; ``start``/``end`` index the text.

    Example:
        >>> from toolkit.nlp import load_pipeline
        >>> doc = load_pipeline()('"We love it," she said sadly.')
        >>> row = sentence_tone_of(doc)[0]
        >>> row["words_quoted"], row["positive_words_quoted"], row["negative_words_journalist"]
        (3, 1, 1)
    """
    text = doc_text(doc)
    voices = voices or Voices.of(text)
    polar = _polar_counts(doc, voices)
    rows = []
    for number, sent in enumerate(doc.sents):
        pieces: dict[str, list[str]] = {voice: [] for voice in VOICES}
        words = dict.fromkeys(VOICES, 0)
        for voice, start, end in voices.segments(sent.start_char, sent.end_char):
            pieces[voice].append(text[start:end].strip())
            words[voice] += count_words(text, start, end)
        if not words[JOURNALIST] and not words[QUOTED]:
            continue
        scores = {voice: _compound(" ".join(pieces[voice])) if words[voice] else math.nan
                  for voice in VOICES}
        both = words[JOURNALIST] and words[QUOTED]
        rows.append({
            "sentence": number, "start": sent.start_char, "end": sent.end_char,
            "words_journalist": words[JOURNALIST], "words_quoted": words[QUOTED],
            "compound": _compound(text[sent.start_char:sent.end_char]) if both
            else scores[JOURNALIST if words[JOURNALIST] else QUOTED],
            "compound_journalist": scores[JOURNALIST], "compound_quoted": scores[QUOTED],
            **{f"{'positive' if sign > 0 else 'negative'}_words_{voice}":
               int(running[sent.end] - running[sent.start])
               for (voice, sign), running in polar.items()},
        })
    return rows


def sentence_tone(
    articles: pd.DataFrame,
    *,
    docs: Iterable[Doc] | None = None,
    progress: bool | None = None,
) -> pd.DataFrame:
    """One row per sentence of the corpus: VADER compounds and polar words by voice.

    Args:
        articles: the articles table.
        docs: the parsed articles (default: parse them, from the cache when possible).
        progress: progress bar while parsing.

    Returns:
        :data:`SENTENCE_COLUMNS`; the sentence is ``text[start:end]`` of its article.

    Example:
        >>> articles = pd.DataFrame({"doc_id": ["a"], "outlet": ["X"],
        ...                          "text": ["A good day. A terrible night."]})
        >>> table = sentence_tone(articles, progress=False)
        >>> (table["compound"] > 0).tolist()
        [True, False]
    """
    return doc_rows(articles, docs, sentence_tone_of, columns=SENTENCE_COLUMNS,
                    progress=progress)


def article_tone(articles: pd.DataFrame, sentences: pd.DataFrame, *,
                 text_counts: pd.DataFrame | None = None) -> pd.DataFrame:
    """Per article: mean VADER compound per sentence and GDELT-style tone, by voice.

    The words of each voice are the article's (:func:`toolkit.text.word_table`), the
    denominator of every per-word rate of the toolkit.

    Args:
        articles: the articles table (``doc_id``, ``outlet``, ``text``).
        sentences: :func:`sentence_tone` of those articles.
        text_counts: :func:`toolkit.text.word_table` of the articles (counted here when
            not given).

    Returns:
        ``doc_id, outlet``; per voice suffix (none, ``_journalist``, ``_quoted``):
        ``sentences``, ``compound_sum``, ``words``, ``positive_words``,
        ``negative_words``, ``net_positive_words``, ``polar_words``; and the measures of
        :data:`TONE_MEASURES` (NaN without sentences or words in that voice). An article
        with no sentence rows gets zeros.

    Example:
        >>> articles = pd.DataFrame({"doc_id": ["a"], "outlet": ["X"], "text": ["w " * 10]})
        >>> sentences = pd.DataFrame({"doc_id": ["a", "a"], "compound": [0.5, -0.1],
        ...     "compound_journalist": [0.5, -0.1], "compound_quoted": [np.nan, np.nan],
        ...     "words_journalist": [8, 2], "words_quoted": [0, 0],
        ...     "positive_words_journalist": [2, 0], "negative_words_journalist": [0, 1],
        ...     "positive_words_quoted": [0, 0], "negative_words_quoted": [0, 0]})
        >>> article_tone(articles, sentences).loc[0, ["mean_compound_per_sentence",
        ...     "gdelt_tone_per_100_words_journalist"]].tolist()
        [0.2, 10.0]
    """
    frame = sentences.assign(doc_id=sentences["doc_id"].astype(str))
    for voice in VOICES:
        frame[f"sentences_{voice}"] = frame[f"compound_{voice}"].notna().astype(int)
        frame[f"compound_sum_{voice}"] = frame[f"compound_{voice}"].fillna(0.0)
    frame["sentences"] = 1
    frame["compound_sum"] = frame["compound"]
    columns = [f"{name}_{voice}" for voice in VOICES
               for name in ("sentences", "compound_sum", "words", "positive_words",
                            "negative_words")] + ["sentences", "compound_sum"]
    sums = frame.groupby("doc_id")[columns].sum()
    base = articles[["doc_id", "outlet"]].astype({"doc_id": str}).reset_index(drop=True)
    base = base.join(sums, on="doc_id")
    base[columns] = base[columns].fillna(0)
    words = aligned_counts(articles, text_counts)
    for voice in VOICES:
        column = f"words_{voice}"
        base[column] = words[column].astype(base[column].dtype)
    for name in ("words", "positive_words", "negative_words"):
        base[name] = base[f"{name}_{JOURNALIST}"] + base[f"{name}_{QUOTED}"]
    for suffix in _SUFFIXES:
        base[f"net_positive_words{suffix}"] = (base[f"positive_words{suffix}"]
                                               - base[f"negative_words{suffix}"])
        base[f"polar_words{suffix}"] = (base[f"positive_words{suffix}"]
                                        + base[f"negative_words{suffix}"])
    return add_rates(base, TONE_MEASURES)


def _count(inputs: ArticleInputs) -> pd.DataFrame:
    return article_tone(inputs.articles, sentence_tone(inputs.articles, docs=inputs.docs),
                        text_counts=inputs.text_counts)


TONE = MeasureFamily(name="tone", label="Tone", section="framing", count=_count,
                     measures=TONE_MEASURES)
"""The registry's tone family: ``tone_per_article`` → ``tone_by_outlet``; sentence means
pool sentences (``Σ compound / Σ sentences``), GDELT tone pools words."""
