"""passes: the attribution passes, run in order over one :class:`ArticleIndex`.

Each pass is a function ``run(index)`` in a module of its own; :data:`PASSES` is the
list :func:`~toolkit.attribution.extract.find` runs. A new cue pattern is one module
plus one line here. Rows found at a cue word keep the order of their words, whichever
pass found them (:meth:`ArticleIndex.add`); a pass that turns a verb into a row claims
it (``index.claimed``), so a later pass leaves it alone. The later passes read and
refine the rows the earlier ones made.

Example:
    >>> [run.__module__.rsplit(".", 1)[1] for run in PASSES][:3]
    ['according_to', 'labelled_quotes', 'reported_speech']
"""

from __future__ import annotations

from collections.abc import Callable

from ..index import ArticleIndex
from . import (
    according_to,
    embedded_cues,
    labelled_quotes,
    nesting,
    quotations,
    quote_boundaries,
    relays,
    reported_speech,
    resolve_speakers,
    speaker_lines,
)

Pass = Callable[[ArticleIndex], None]

PASSES: tuple[Pass, ...] = (
    according_to.run,      # according to X, ...
    labelled_quotes.run,   # called it "a disaster"
    reported_speech.run,   # verb cues: said that ..., said "..."; bare "she said" kept
    embedded_cues.run,     # drop cues inside another row's content
    speaker_lines.run,     # Name: words
    quotations.run,        # quotes no row explains: nearest cue, colon, or continuation
    quote_boundaries.run,  # sources never reach into a cited quote
    nesting.run,           # rows inside a quote get the quote's row as parent
    resolve_speakers.run,  # canonical speakers
    relays.run,            # the media in between
)

__all__ = ["PASSES", "Pass"]
