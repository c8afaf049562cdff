"""according_to: the pass that finds ``according to X, ...`` attributions.

The cue is the phrase, the source its object, the content the clause the phrase
modifies (without the phrase). Nothing is found when the cue lexicon does not list
``according to``.

Example:
    >>> from toolkit.nlp import load_pipeline
    >>> from toolkit.attribution.index import ArticleIndex
    >>> index = ArticleIndex(load_pipeline()("According to the agency, the road is shut."))
    >>> run(index)
    >>> row = index.rows[0]
    >>> row.kind, index.text[slice(*row.source_chars)], index.text[slice(*row.content[0])]
    ('according_to', 'the agency', 'the road is shut')
"""

from __future__ import annotations

from .. import syntax
from ..candidates import cue_words
from ..cues import ACCORDING_TO
from ..index import ArticleIndex, Found


def run(index: ArticleIndex) -> None:
    """Add a row for every ``according to X`` with a clause to attribute."""
    cue = index.cues.get(ACCORDING_TO)
    if cue is None:
        return
    for i in cue_words(index, lower="according"):
        token = index.doc[i]
        found = syntax.according_to(token)
        if found is None:
            continue
        (cue_start, cue_end), source, ranges = found
        if not ranges:
            continue
        source_rng = syntax.subtree_range(source)
        source_chars = index.chars(source_rng) if source_rng[1] > source_rng[0] else None
        cue_chars = (index.doc[cue_start].idx,
                     index.doc[cue_end - 1].idx + len(index.doc[cue_end - 1].text))
        index.add(Found("according_to", [index.chars(r) for r in ranges], token, cue_chars,
                        cue, source, source_chars, at=token.i))
