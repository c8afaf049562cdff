"""analysis: every table of the toolkit for a corpus, in one call.

Example:
    >>> from toolkit import config, load_corpus
    >>> tables = analyze(load_corpus(config.SAMPLE_CORPUS))  # doctest: +SKIP
    >>> sorted(tables)[:3]  # doctest: +SKIP
    ['attributions', 'carriers', 'certainty_by_outlet']
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pandas as pd

from .framing import analyze_framing
from .sourcing import analyze_sourcing


def analyze(
    articles: pd.DataFrame,
    *,
    cue_classes: Sequence[str] | None = None,
    keyterms: bool = True,
    n_process: int = 1,
    progress: bool | None = None,
) -> dict[str, Any]:
    """Sourcing and framing tables of a corpus (one parse, read from the cache after the
    first run): the union of :func:`toolkit.sourcing.analyze_sourcing` and
    :func:`toolkit.framing.analyze_framing`, sharing one attributions table.

    Args:
        articles: the articles table.
        cue_classes: attribution cue classes kept (``None`` keeps all).
        keyterms: include keyterms (the slowest framing measure).
        n_process: parser processes.
        progress: progress bar while parsing.
    """
    sourcing = analyze_sourcing(articles, cue_classes=cue_classes, n_process=n_process,
                                progress=progress)
    framing = analyze_framing(articles, attributions=sourcing["attributions"],
                              keyterms=keyterms, n_process=n_process, progress=progress)
    return {**sourcing, **framing}
