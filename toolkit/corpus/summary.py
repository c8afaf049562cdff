"""summary: what a loaded corpus holds, overall and per outlet.

:func:`summarize` backs ``toolkit corpus info``; :func:`outlet_overview` is the table the
corpus-overview notebook shows. Words are whitespace-separated tokens, a cheap count
that needs no parse.

Example:
    >>> import pandas as pd
    >>> articles = pd.DataFrame({"outlet": ["A", "B", "A"], "text": ["a b", "c", "d e f"],
    ...     "published": pd.to_datetime(["2020-01-02", None, "2020-03-04"])})
    >>> summarize(articles)["outlets"]
    {'A': 2, 'B': 1}
"""

from __future__ import annotations

from typing import Any

import pandas as pd


def word_counts(texts: pd.Series) -> pd.Series:
    """Whitespace-separated tokens in each text.

    Example:
        >>> word_counts(pd.Series(["It rained.\\n\\nThen  it stopped.", ""])).tolist()
        [5, 0]
    """
    counts = [len(text.split()) if isinstance(text, str) else 0 for text in texts]
    return pd.Series(counts, index=texts.index, dtype="int64")


def _iso_date(value: Any) -> str | None:
    return None if pd.isna(value) else pd.Timestamp(value).date().isoformat()


def summarize(articles: pd.DataFrame) -> dict[str, Any]:
    """Headline figures of an articles table, ready for JSON.

    Args:
        articles: an articles table (``outlet``, ``text``, ``published``).

    Returns:
        ``articles`` (count), ``words`` (total), ``outlets`` (outlet -> article count, most
        articles first, ties by name), ``date_from`` and ``date_to`` (ISO dates of the
        first and last ``published``, None when no article has a date).

    Example:
        >>> import pandas as pd
        >>> articles = pd.DataFrame({"outlet": ["A"], "text": ["It rained."],
        ...                          "published": pd.to_datetime(["2020-01-02"])})
        >>> summary = summarize(articles)
        >>> summary["articles"], summary["words"], summary["outlets"], summary["date_to"]
        (1, 2, {'A': 1}, '2020-01-02')
    """
    counts = articles["outlet"].value_counts(sort=False)
    counts = counts.sort_index().sort_values(ascending=False, kind="stable")
    return {
        "articles": len(articles),
        "words": int(word_counts(articles["text"]).sum()),
        "outlets": {str(outlet): int(n) for outlet, n in counts.items()},
        "date_from": _iso_date(articles["published"].min()),
        "date_to": _iso_date(articles["published"].max()),
    }


def outlet_overview(articles: pd.DataFrame) -> pd.DataFrame:
    """One row per outlet: how many articles and words, and the dates they span.

    Args:
        articles: an articles table (``outlet``, ``text``, ``published``).

    Returns:
        Columns ``outlet, articles, words, first_published, last_published`` (NaT where
        an outlet has no dates), most articles first, ties by outlet name.

    Example:
        >>> import pandas as pd
        >>> articles = pd.DataFrame({"outlet": ["A", "B", "A"], "text": ["a b", "c", "d"],
        ...     "published": pd.to_datetime(["2020-01-02", None, "2020-03-04"])})
        >>> outlet_overview(articles)[["outlet", "articles", "words"]].values.tolist()
        [['A', 2, 3], ['B', 1, 1]]
    """
    table = articles.assign(words=word_counts(articles["text"]))
    overview = table.groupby("outlet", sort=True).agg(
        articles=("text", "size"),
        words=("words", "sum"),
        first_published=("published", "min"),
        last_published=("published", "max"),
    )
    overview = overview.sort_values("articles", ascending=False, kind="stable")
    return overview.reset_index()
