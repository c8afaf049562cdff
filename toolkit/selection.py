"""selection: choose the articles an analysis runs on (outlets, date window, story).

One filter for notebooks, the CLI and tests, so every report selects articles the same
way and a selection that leaves nothing to analyse is a clear error, never an empty report.

Example:
    >>> import pandas as pd
    >>> articles = pd.DataFrame({"doc_id": ["a", "b"], "outlet": ["X", "Y"],
    ...     "published": pd.to_datetime(["2024-01-01", "2024-02-01"]), "story": [None, None],
    ...     "text": ["...", "..."]})
    >>> select_articles(articles, outlets=["Y"])["doc_id"].tolist()
    ['b']
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pandas as pd

from . import config
from .errors import ParameterError

ALL = "all"


def resolve_corpus_path(corpus: str | Path) -> Path:
    """A corpus path, with ``"sample"`` meaning the bundled sample corpus.

    Example:
        >>> resolve_corpus_path("sample").name
        'articles.jsonl'
    """
    if str(corpus) == "sample":
        return config.SAMPLE_CORPUS
    path = Path(corpus).expanduser()
    if not path.exists():
        raise ParameterError(
            f"corpus path {str(corpus)!r} does not exist", field="corpus",
            hint="give a file or folder that toolkit.load_corpus reads, or 'sample'",
        )
    return path


def as_list(value: str | Sequence[str] | None) -> list[str] | None:
    """A filter value as a list; None (keep all) for None, ``[]`` or ``"all"``.

    Example:
        >>> as_list("Daily Relay"), as_list("all"), as_list([])
        (['Daily Relay'], None, None)
    """
    if value is None or value == ALL or (isinstance(value, (list, tuple)) and not value):
        return None
    return [value] if isinstance(value, str) else list(value)


def _timestamp(value: str | pd.Timestamp | None, name: str) -> pd.Timestamp | None:
    if value is None or value == "":
        return None
    try:
        return pd.Timestamp(value)
    except (ValueError, TypeError) as exc:
        raise ParameterError(f"{value!r} is not a date ({exc})", field=name) from None


def select_articles(
    articles: pd.DataFrame,
    *,
    outlets: str | Sequence[str] | None = None,
    date_from: str | pd.Timestamp | None = None,
    date_to: str | pd.Timestamp | None = None,
    story: str | Sequence[str] | None = None,
    min_articles: int = 1,
) -> pd.DataFrame:
    """Filter the articles table; raise when the selection is unusable.

    Args:
        articles: the articles table.
        outlets: outlet names to keep; ``None``, ``[]`` or ``"all"`` keeps every outlet.
        date_from: first publication date kept (inclusive).
        date_to: last publication date kept (inclusive, whole day).
        story: story id(s) to keep; ``None`` keeps all.
        min_articles: outlets with fewer selected articles are dropped.

    Raises:
        ParameterError: an outlet or story not in the corpus, a reversed or empty date
            window, or nothing left after filtering.
    """
    wanted = as_list(outlets)
    if wanted is not None:
        unknown = sorted(set(wanted) - set(articles["outlet"]))
        if unknown:
            known = ", ".join(sorted(articles["outlet"].unique())[:20])
            raise ParameterError(
                f"outlet(s) {unknown} not in the corpus", field="outlets",
                hint=f"known outlets include: {known}",
            )
        articles = articles[articles["outlet"].isin(wanted)]
    stories = as_list(story)
    if stories is not None:
        present = set(articles["story"].dropna().astype(str))
        unknown = sorted(set(map(str, stories)) - present)
        if unknown:
            raise ParameterError(f"story id(s) {unknown} not in the corpus", field="story")
        articles = articles[articles["story"].astype(str).isin(set(map(str, stories)))]
    start, end = _timestamp(date_from, "date_from"), _timestamp(date_to, "date_to")
    if start is not None and end is not None and start > end:
        raise ParameterError(f"date_from {start.date()} is after date_to {end.date()}",
                             field="date_from")
    if start is not None or end is not None:
        published = articles["published"]
        keep = published.notna()
        if start is not None:
            keep &= published >= start
        if end is not None:
            keep &= published < end.normalize() + pd.Timedelta(days=1)
        articles = articles[keep]
        if articles.empty:
            raise ParameterError(
                f"no article published between {date_from or 'the start'} and "
                f"{date_to or 'the end'}", field="date_from",
            )
    if min_articles > 1:
        counts = articles["outlet"].value_counts()
        articles = articles[articles["outlet"].isin(counts[counts >= min_articles].index)]
    if articles.empty:
        raise ParameterError(
            "the selection leaves no articles to analyse", field="min_articles" if
            min_articles > 1 else None, hint="widen the outlets, dates or story filters",
        )
    return articles.reset_index(drop=True)
