"""text: words, the journalist's and the quoted voices, and Docs matched to their articles.

Every per-word rate of the toolkit divides by the word count defined here, and every
table that counts words names its columns the same way: ``words`` (all of the article's
words), ``words_journalist`` (outside quotation marks) and ``words_quoted`` (inside them);
they add up, ``words_journalist + words_quoted == words``.

A **word** (:data:`WORD`) is a run of letters or digits, joined by inner hyphens,
apostrophes, points or commas (``don't``, ``so-called``, ``4,200``, ``5.25``, ``U.S``):
quote marks, dashes, bullets and other punctuation standing alone are not words, and a
word never straddles a quote mark, so the split into voices is exact.

An article speaks in two **voices** (:class:`Voices`). The quoted voices are the
characters inside the outermost quote spans of
:func:`toolkit.attribution.quotes.find_quotes` (from after the opening mark to before the
closing one: a multi-paragraph quote with its repeated opening marks is one quoted
stretch, an unclosed quote covers what ``find_quotes`` recovers for it); everything else,
quote marks included, is the journalist's. Reported speech without quote marks
(``officials said the dam may fail``) is the journalist's rendering and counts as the
journalist's voice.

:func:`word_table` gives, per article, its words in each voice and its sentences (the
``text_counts`` table of :func:`toolkit.analyze`); :func:`article_docs` pairs parsed Docs
with their articles by ``doc_id``, the one way every measure does it.

Example:
    >>> voices = Voices.of('Prices may rise, she said: "It might be worse."')
    >>> voices.regions, voices.voice_at(7), voices.voice_at(30)
    (((28, 46),), 'journalist', 'quoted')
    >>> words_by_voice('Prices may rise, she said: "It might be worse."')
    {'journalist': 5, 'quoted': 4}
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import pandas as pd
from spacy.tokens import Doc

from .attribution.quotes import find_quotes
from .parse import parse

JOURNALIST, QUOTED = "journalist", "quoted"
VOICES = (JOURNALIST, QUOTED)
WORD = re.compile(r"[^\W_]+(?:[-'’‐.,][^\W_]+)*")
"""A word: letters or digits, joined by inner hyphens, apostrophes, points or commas
(``don't``, ``so-called``, ``4,200``, ``5.25``, ``U.S`` are one word each). Quote marks
and other punctuation are not words."""
WORD_COLUMNS = ("words", f"words_{JOURNALIST}", f"words_{QUOTED}")
"""The word columns of every table that counts words: all, the journalist's, quoted."""
TEXT_COUNT_COLUMNS = ["doc_id", "outlet", *WORD_COLUMNS, "sentences"]


def count_words(text: str, start: int = 0, end: int | None = None) -> int:
    """Words (:data:`WORD`) in ``text[start:end]``.

    Example:
        >>> count_words('The so-called "reform" cost 4,200 marks.')
        6
    """
    return len(WORD.findall(text, start, len(text) if end is None else end))


@dataclass(frozen=True)
class Voices:
    """The quoted stretches of one text; everything else is the journalist's voice.

    Attributes:
        regions: sorted, non-overlapping ``(start, end)`` character ranges of the
            outermost quote spans' contents.
        length: the length of the text.

    Example:
        >>> v = Voices.of('He said "yes" twice.')
        >>> list(v.segments())
        [('journalist', 0, 9), ('quoted', 9, 12), ('journalist', 12, 20)]
    """

    regions: tuple[tuple[int, int], ...]
    length: int

    @classmethod
    def of(cls, text: str) -> Voices:
        """The voices of ``text`` (outermost quote spans of ``find_quotes``)."""
        regions = tuple((q.start, q.end) for q in find_quotes(text)
                        if q.depth == 0 and q.end > q.start)
        return cls(regions, len(text))

    def voice_at(self, offset: int) -> str:
        """``"quoted"`` when the character at ``offset`` is inside a quote, else
        ``"journalist"``."""
        k = bisect.bisect_right(self.regions, (offset, self.length + 1)) - 1
        return QUOTED if k >= 0 and self.regions[k][0] <= offset < self.regions[k][1] \
            else JOURNALIST

    def segments(self, start: int = 0, end: int | None = None) -> Iterator[tuple[str, int, int]]:
        """Cut ``[start, end)`` into ``(voice, start, end)`` pieces, in text order.

        Example:
            >>> list(Voices.of('A "b" c').segments(1, 6))
            [('journalist', 1, 3), ('quoted', 3, 4), ('journalist', 4, 6)]
        """
        end = self.length if end is None else end
        position = start
        k = max(0, bisect.bisect_right(self.regions, (start, self.length + 1)) - 1)
        for region_start, region_end in self.regions[k:]:
            if region_start >= end:
                break
            if region_end <= position:
                continue
            if region_start > position:
                yield JOURNALIST, position, region_start
            piece_end = min(region_end, end)
            yield QUOTED, max(position, region_start), piece_end
            position = piece_end
        if position < end:
            yield JOURNALIST, position, end


def words_by_voice(text: str, voices: Voices | None = None) -> dict[str, int]:
    """Words in the journalist's voice and in quoted voices (they add up to all words).

    Example:
        >>> words_by_voice('“We will act,” the mayor said.')
        {'journalist': 3, 'quoted': 3}
    """
    voices = voices or Voices.of(text)
    counts = dict.fromkeys(VOICES, 0)
    for voice, start, end in voices.segments():
        counts[voice] += count_words(text, start, end)
    return counts


# --- Docs and articles --------------------------------------------------------------------
def article_docs(
    articles: pd.DataFrame,
    docs: Iterable[Doc] | None = None,
    *,
    progress: bool | None = None,
) -> Iterator[tuple[str, str, Doc]]:
    """Pair each parsed Doc with its article's ``doc_id`` and ``outlet``.

    A Doc is matched by ``doc.user_data["doc_id"]`` (set by :func:`toolkit.parse.parse`),
    else by its position in ``articles``; Docs of articles not in the table are skipped.

    Args:
        articles: the articles table (``doc_id``, ``outlet``, ``text``).
        docs: the parsed articles; ``None`` parses ``articles`` (from the cache when they
            were parsed before).
        progress: progress bar while parsing (see :func:`toolkit.parse.parse`).

    Yields:
        ``(doc_id, outlet, doc)`` in the order of ``docs``.

    Example:
        >>> articles = pd.DataFrame({"doc_id": ["a"], "outlet": ["X"], "text": ["Hi."]})
        >>> [(i, o, d.text) for i, o, d in article_docs(articles, progress=False)]
        [('a', 'X', 'Hi.')]
    """
    ids = articles["doc_id"].astype(str).tolist()
    outlets = dict(zip(ids, articles["outlet"].astype(str)))
    stream = parse(articles, progress=progress) if docs is None else docs
    for position, doc in enumerate(stream):
        doc_id = doc.user_data.get("doc_id")
        if doc_id is None and position < len(ids):
            doc_id = ids[position]
        if doc_id is not None and str(doc_id) in outlets:
            yield str(doc_id), outlets[str(doc_id)], doc


def doc_rows(
    articles: pd.DataFrame,
    docs: Iterable[Doc] | None,
    rows_of: Callable[[Doc], Iterable[Mapping[str, Any]]],
    *,
    columns: Sequence[str],
    progress: bool | None = None,
) -> pd.DataFrame:
    """One table of what ``rows_of`` finds in each parsed article, each row led by the
    article's ``doc_id`` and ``outlet`` (Docs matched by :func:`article_docs`).

    Example:
        >>> articles = pd.DataFrame({"doc_id": ["a"], "outlet": ["X"], "text": ["Hi there."]})
        >>> doc_rows(articles, None, lambda doc: [{"tokens": len(doc)}],
        ...          columns=["doc_id", "outlet", "tokens"], progress=False).values.tolist()
        [['a', 'X', 3]]
    """
    rows = [{"doc_id": doc_id, "outlet": outlet, **row}
            for doc_id, outlet, doc in article_docs(articles, docs, progress=progress)
            for row in rows_of(doc)]
    return pd.DataFrame(rows, columns=list(columns))


def sentence_count(doc: Doc) -> int:
    """The sentences of a parsed article that hold more than white space."""
    return sum(1 for sent in doc.sents if not sent.text.isspace())


def word_table(articles: pd.DataFrame, docs: Iterable[Doc] | None = None) -> pd.DataFrame:
    """Per article, in table order: its words in all, in the journalist's voice and quoted,
    and (when the parsed ``docs`` are given) its sentences.

    Returns:
        :data:`TEXT_COUNT_COLUMNS` (without ``sentences`` when no Docs are given).

    Example:
        >>> articles = pd.DataFrame({"doc_id": ["a"], "outlet": ["X"],
        ...                          "text": ['The mayor said: "We will rebuild."']})
        >>> word_table(articles).values.tolist()
        [['a', 'X', 6, 3, 3]]
    """
    table = articles[["doc_id", "outlet"]].reset_index(drop=True)
    counts = [words_by_voice(text) for text in articles["text"].fillna("")]
    table[f"words_{JOURNALIST}"] = [c[JOURNALIST] for c in counts]
    table[f"words_{QUOTED}"] = [c[QUOTED] for c in counts]
    table.insert(2, "words", table[f"words_{JOURNALIST}"] + table[f"words_{QUOTED}"])
    if docs is not None:
        sentences = {doc_id: sentence_count(doc) for doc_id, _, doc in article_docs(
            articles, docs)}
        table["sentences"] = table["doc_id"].astype(str).map(sentences).fillna(0).astype(int)
    return table


def aligned_counts(articles: pd.DataFrame, text_counts: pd.DataFrame | None,
                   columns: Sequence[str] = WORD_COLUMNS) -> pd.DataFrame:
    """The ``columns`` of ``text_counts`` for each article of ``articles``, in its order
    (matched by ``doc_id``; computed from the text when ``text_counts`` is ``None``).

    Example:
        >>> articles = pd.DataFrame({"doc_id": ["a"], "outlet": ["X"], "text": ["One two."]})
        >>> aligned_counts(articles, None)["words"].tolist()
        [2]
    """
    text_counts = word_table(articles) if text_counts is None else text_counts
    index = text_counts["doc_id"].astype(str)
    found = text_counts.set_axis(index)[list(columns)]
    return found.reindex(articles["doc_id"].astype(str)).fillna(0).astype(int).reset_index(
        drop=True)
