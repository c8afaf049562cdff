"""embedded_cues: the pass that drops cues lying inside another attribution's content.

A verb inside someone's reported content is part of that content unless it has a
subject of its own: in ``vowed to retake the city and continue the fight``, ``continue``
is content, not a second cue. ``according to`` rows stay.

Example:
    >>> from toolkit.nlp import load_pipeline
    >>> from toolkit.attribution.index import ArticleIndex
    >>> from toolkit.attribution.passes import reported_speech
    >>> doc = load_pipeline()("The mayor vowed to rebuild the pier and warn the fleet.")
    >>> index = ArticleIndex(doc)
    >>> reported_speech.run(index)
    >>> run(index)
    >>> [row.cue_token.text for row in index.rows]
    ['vowed']
"""

from __future__ import annotations

from .. import syntax
from ..index import ArticleIndex


def run(index: ArticleIndex) -> None:
    """Keep a row whose cue is inside another row's content only if the cue has its own
    subject (or passive agent)."""
    spans = [(f.start, f.end, f) for f in index.rows]
    index.rows = [
        f for f in index.rows
        if f.cue_token is None or syntax.has_own_subject(f.cue_token)
        or f.kind == "according_to"
        or not any(s <= f.cue_token.idx < e and g is not f for s, e, g in spans)
    ]
