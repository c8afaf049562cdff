"""stories: which articles tell the same event, found by content within a date window.

Modules: :mod:`.grouping` (:func:`group`: articles → story clusters, from title, text
and date only), :mod:`.evaluation` (:func:`evaluate`: blind grouping scored against a
corpus's own story ids, with a baseline), :mod:`.ids` (:func:`story_ids`: which story
each article belongs to for the analyses, ``story_source="auto"|"corpus"|"grouped"``).

Example:
    >>> from toolkit import config, load_corpus
    >>> stories = group(load_corpus(config.SAMPLE_CORPUS))
    >>> list(stories.columns)
    ['doc_id', 'cluster', 'size', 'label']
"""

from .evaluation import baseline_groups, bcubed, evaluate
from .grouping import group
from .ids import STORY_SOURCES, story_ids

__all__ = ["STORY_SOURCES", "baseline_groups", "bcubed", "evaluate", "group", "story_ids"]
