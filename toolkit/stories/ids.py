"""ids: the story of each article for the analyses: the corpus's own, or grouped.

A corpus may carry its own story ids (BASIL's triplets, news_clusters' events); grouping
(:func:`~toolkit.stories.grouping.group`) never overwrites them. ``story_source`` says
which the analyses use:

- ``"corpus"``: the corpus's ``story`` (an article without one has no story);
- ``"grouped"``: the groups found by content and date, for every article;
- ``"auto"`` (default): the corpus's story where an article has one; an article without
  one takes the corpus story most common in its group, else its group.

Grouped ids read ``grouped-<cluster>``, so they never collide with a corpus's own.

Example:
    >>> articles = pd.DataFrame({"doc_id": ["a", "b"], "story": ["e1", None],
    ...     "title": ["Elm bridge closed by flood", "Flood closes Elm bridge"],
    ...     "text": ["Floodwater closed the Elm bridge.", "The Elm bridge closed in a flood."]})
    >>> story_ids(articles).tolist()
    ['e1', 'e1']
    >>> story_ids(articles, story_source="grouped").tolist()
    ['grouped-0', 'grouped-0']
"""

from __future__ import annotations

from typing import Literal

import pandas as pd

from ..errors import ParameterError
from .grouping import group

StorySource = Literal["auto", "corpus", "grouped"]
STORY_SOURCES = ("auto", "corpus", "grouped")


def story_ids(articles: pd.DataFrame, *, story_source: StorySource = "auto",
              stories: pd.DataFrame | None = None, **options) -> pd.Series:
    """The story of each article, from the source asked for (see the module docstring).

    Args:
        articles: the articles table.
        story_source: ``"auto"``, ``"corpus"`` or ``"grouped"``.
        stories: a :func:`~toolkit.stories.grouping.group` result for these articles
            (same order), to avoid grouping again; ``None`` groups when needed.
        **options: passed to :func:`~toolkit.stories.grouping.group`.

    Returns:
        A Series named ``story_id`` with the articles' index (null where an article has
        no story under ``"corpus"``).

    Raises:
        ParameterError: an unknown ``story_source``, or ``"corpus"`` on a corpus without
            story ids.
    """
    if story_source not in STORY_SOURCES:
        raise ParameterError(f"unknown story_source {story_source!r}", field="story_source",
                             hint=f"choose from {', '.join(STORY_SOURCES)}")
    own = (articles["story"] if "story" in articles
           else pd.Series(None, index=articles.index, dtype=object))
    if story_source == "corpus":
        if own.isna().all():
            raise ParameterError("the corpus has no story ids", field="story_source",
                                 hint='use story_source="grouped" (or "auto")')
        return own.rename("story_id")
    if story_source == "auto" and own.notna().all():
        return own.rename("story_id")
    if stories is None:
        stories = group(articles, **options)
    grouped = pd.Series(["grouped-" + str(c) for c in stories["cluster"]], index=articles.index)
    if story_source == "grouped":
        return grouped.rename("story_id")
    frame = pd.DataFrame({"own": own, "cluster": stories["cluster"].to_numpy()},
                         index=articles.index)
    common = frame.dropna(subset=["own"]).groupby("cluster")["own"].agg(
        lambda values: values.value_counts().index[0])
    adopted = frame["cluster"].map(common)
    return own.fillna(adopted).fillna(grouped).rename("story_id")
