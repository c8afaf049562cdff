"""keyterms: the key terms of each outlet's coverage, by textacy's SGRank or TextRank.

Keyterms are extracted **per article** and aggregated per outlet, rather than from one
concatenated text: an outlet's score for a term is the mean of its per-article scores over
the outlet's articles (0 where an article does not rank it), so a term ranks high when it is
key in many of the outlet's articles, and no Doc has to be rebuilt by concatenation.
Terms are merged across articles by their lower-cased form (SGRank's lemmatised n-grams);
the most frequent spelling is shown.

To keep the cost bounded, each article contributes at most its first
:data:`MAX_TOKENS_PER_ARTICLE` tokens (1,000: the lead, where news puts its key terms; SGRank
slows down sharply past its 1,500-token window, to tens of seconds for a 4,000-token
article) and each outlet at most ``max_tokens_per_outlet`` tokens (default 20,000, about
25 news articles): its articles are taken in table order and the one that crosses the budget
is cut at it. Measured on BASIL and news-clusters articles, SGRank takes 40-100 ms per
capped article (a third to half of its parse time), TextRank about 10 ms; both use the
parse only, never re-parse. Prefer ``method="textrank"`` on large corpora.

SGRank (Danesh, Sumner & Martin 2015) is given corpus IDF weights for unigrams (document
frequency over every article passed, ``log(1 + N / df)``), as its authors recommend.

Example:
    >>> import pandas as pd
    >>> articles = pd.DataFrame({"doc_id": ["a"], "outlet": ["X"],
    ...     "text": ["The dam failed. The dam flooded the valley, and the dam operator fled."]})
    >>> keyterms_by_outlet(articles, top=1)[["outlet", "term", "rank"]].values.tolist()
    [['X', 'dam', 1]]
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Iterable
from typing import Literal

import numpy as np
import pandas as pd
from spacy.attrs import LEMMA, POS
from spacy.symbols import ADJ, NOUN, PROPN
from spacy.tokens import Doc
from textacy.extract.keyterms import sgrank, textrank

from ..errors import ParameterError
from ..text import article_docs

Method = Literal["sgrank", "textrank"]
METHODS: dict[str, Callable[..., list[tuple[str, float]]]] = {
    "sgrank": sgrank, "textrank": textrank,
}
ARTICLE_TOPN = 20
"""Keyterms taken from each article before aggregating."""
MAX_TOKENS_PER_ARTICLE = 1_000
"""Tokens of each article used: its lead."""
MAX_TOKENS_PER_OUTLET = 20_000
"""Tokens of each outlet used, in table order."""
KEYTERM_COLUMNS = ["outlet", "rank", "term", "score", "articles_with_term", "articles"]
_CANDIDATE_POS = np.array([NOUN, PROPN, ADJ], dtype=np.uint64)


def _candidate_lemmas(doc: Doc) -> set[int]:
    """Hashes of the lemmas of the nouns, proper nouns and adjectives in a Doc."""
    if not len(doc):
        return set()
    array = doc.to_array([POS, LEMMA])
    return set(array[np.isin(array[:, 0], _CANDIDATE_POS), 1].tolist())


def doc_keyterms(
    doc: Doc,
    *,
    method: Method = "sgrank",
    topn: int = ARTICLE_TOPN,
    idf: dict[str, float] | None = None,
    max_tokens: int = MAX_TOKENS_PER_ARTICLE,
) -> list[tuple[str, float]]:
    """The key terms of one parsed article with their scores, best first.

    Args:
        doc: a parsed Doc.
        method: ``"sgrank"`` or ``"textrank"`` (textacy's implementations, lemmatised
            terms of nouns, proper nouns and adjectives).
        topn: how many terms to return.
        idf: lemma → inverse document frequency, used by SGRank for unigrams.
        max_tokens: only the first ``max_tokens`` tokens are read (SGRank's cost grows
            steeply with length).

    Raises:
        ParameterError: an unknown ``method``.

    Example:
        >>> from toolkit.nlp import load_pipeline
        >>> doc = load_pipeline()("The strike closed the bus depot. The strike goes on.")
        >>> doc_keyterms(doc, topn=1)[0][0]
        'strike'
    """
    if method not in METHODS:
        raise ParameterError(f"unknown keyterm method {method!r}",
                             hint=f"Use one of {', '.join(METHODS)}")
    if len(doc) < 2:
        return []
    if len(doc) > max_tokens:
        doc = doc[:max_tokens].as_doc()
    if method == "sgrank":
        return sgrank(doc, normalize="lemma", topn=topn, idf=idf or None)
    return textrank(doc, normalize="lemma", topn=topn)


def keyterms_by_outlet(
    articles: pd.DataFrame,
    docs: Iterable[Doc] | None = None,
    *,
    top: int = 15,
    method: Method = "sgrank",
    max_tokens_per_outlet: int = MAX_TOKENS_PER_OUTLET,
) -> pd.DataFrame:
    """The ``top`` key terms of each outlet, aggregated over its articles.

    Args:
        articles: the articles table (``doc_id``, ``outlet``).
        docs: the parsed articles (see :func:`toolkit.text.article_docs`);
            ``None`` parses ``articles``.
        top: terms kept per outlet.
        method: ``"sgrank"`` or ``"textrank"`` (see :func:`doc_keyterms`).
        max_tokens_per_outlet: tokens of each outlet's articles used, in table order (each
            article cut to its first :data:`MAX_TOKENS_PER_ARTICLE` tokens).

    Returns:
        ``outlet, rank, term, score, articles_with_term, articles``: ``score`` is the mean
        per-article score over the ``articles`` used for the outlet, ``articles_with_term``
        how many of them rank the term among their top :data:`ARTICLE_TOPN`.

    Raises:
        ParameterError: an unknown ``method`` or a budget below one token.
    """
    if method not in METHODS:
        raise ParameterError(f"unknown keyterm method {method!r}",
                             hint=f"Use one of {', '.join(METHODS)}")
    if max_tokens_per_outlet < 1:
        raise ParameterError("max_tokens_per_outlet must be at least 1")
    used: Counter = Counter()
    kept: dict[str, list[Doc]] = {}
    document_frequency: Counter = Counter()
    n_docs = 0
    for _, outlet, doc in article_docs(articles, docs):
        n_docs += 1
        document_frequency.update(_candidate_lemmas(doc))
        remaining = max_tokens_per_outlet - used[outlet]
        if remaining <= 0:
            continue
        limit = min(remaining, MAX_TOKENS_PER_ARTICLE)
        piece = doc if len(doc) <= limit else doc[:limit].as_doc()
        used[outlet] += len(piece)
        kept.setdefault(outlet, []).append(piece)
    idf = None
    if method == "sgrank" and kept:
        strings = next(iter(kept.values()))[0].vocab.strings
        idf = {strings[key]: math.log(1 + n_docs / df)
               for key, df in document_frequency.items() if key in strings}
    rows = []
    for outlet in sorted(kept):
        scores: Counter = Counter()
        spellings: dict[str, Counter] = {}
        with_term: Counter = Counter()
        for doc in kept[outlet]:
            for term, score in doc_keyterms(doc, method=method, idf=idf):
                key = term.lower()
                scores[key] += score
                with_term[key] += 1
                spellings.setdefault(key, Counter())[term] += 1
        n_articles = len(kept[outlet])
        best = sorted(scores, key=lambda k: (-scores[k], k))[:top]
        for rank, key in enumerate(best, start=1):
            rows.append({"outlet": outlet, "rank": rank,
                         "term": spellings[key].most_common(1)[0][0],
                         "score": scores[key] / n_articles,
                         "articles_with_term": with_term[key], "articles": n_articles})
    return pd.DataFrame(rows, columns=KEYTERM_COLUMNS)
