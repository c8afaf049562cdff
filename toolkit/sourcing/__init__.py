"""sourcing: sourcing density, quote propagation and the source network, as tables.

Modules: :mod:`.density` (per-article and per-outlet measures with bootstrap CIs),
:mod:`.propagation` (the same quote across outlets), :mod:`.network` (who quotes whom,
top sources, shared voices). :func:`analyze_sourcing` runs them all on a corpus.

Example:
    >>> from toolkit import load_corpus, config
    >>> tables = analyze_sourcing(load_corpus(config.SAMPLE_CORPUS))  # doctest: +SKIP
    >>> tables["per_outlet"].set_index("outlet")["share_secondhand"].idxmax()  # doctest: +SKIP
    'Daily Relay'
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

import pandas as pd

from ..attribution.quotes import find_quotes
from ..errors import ParameterError
from .density import article_density, compare_outlets, outlet_density
from .network import source_network, source_overlap, top_sources
from .propagation import credit_summary, propagation, quote_table

_WORDS = re.compile(r"\S+")


def quoted_word_count(text: str) -> int:
    """Words inside (outermost) quotation marks.

    Example:
        >>> quoted_word_count('He said "we will act now" and left.')
        4
    """
    return sum(len(_WORDS.findall(text, q.start, q.end)) for q in find_quotes(text)
               if q.depth == 0)


CUE_CLASSES = ("neutral", "loaded", "belief", "finding", "other")


def check_cue_classes(cue_classes: Sequence[str] | None) -> list[str]:
    """The cue classes asked for, validated (empty means all).

    Raises:
        ParameterError: an unknown class name.
    """
    unknown = sorted(set(cue_classes or []) - set(CUE_CLASSES))
    if unknown:
        raise ParameterError(f"unknown cue class(es) {unknown}", field="cue_classes",
                             hint=f"choose from {', '.join(CUE_CLASSES)}")
    return list(cue_classes or [])


def keep_cue_classes(attributions: pd.DataFrame, cue_classes: Sequence[str] | None
                     ) -> pd.DataFrame:
    """Only attributions whose cue class is listed (rows without a cue always stay).

    Raises:
        ParameterError: an unknown class name.

    Example:
        >>> rows = pd.DataFrame({"cue_class": ["neutral", "belief", None]})
        >>> len(keep_cue_classes(rows, ["neutral"]))
        2
    """
    if not check_cue_classes(cue_classes):
        return attributions
    keep = attributions["cue_class"].isna() | attributions["cue_class"].isin(cue_classes)
    return attributions[keep].reset_index(drop=True)


SOURCING_TABLES = (
    "attributions", "per_article", "per_outlet", "per_outlet_story", "comparisons", "quotes",
    "quotations", "carriers", "credit", "top_sources", "overlap", "network",
)


def analyze_sourcing(
    articles: pd.DataFrame,
    *,
    cue_classes: Sequence[str] | None = None,
    cue_model: Any = "default",
    n_process: int = 1,
    progress: bool | None = None,
) -> dict[str, Any]:
    """The sourcing tables of a corpus (:data:`SOURCING_TABLES` of :func:`toolkit.analyze`).

    Args:
        articles: the articles table.
        cue_classes: keep only attributions with these cue classes (see
            :data:`CUE_CLASSES`), e.g. ``["neutral", "loaded"]`` for speech alone.
        cue_model: ``"default"``, a model file, or ``None`` for the rules alone.
        n_process: parser processes.
        progress: progress bar while parsing.

    Returns:
        A dict of DataFrames: ``attributions``, ``per_article``, ``per_outlet``,
        ``per_outlet_story`` (when articles have stories), ``comparisons`` (every outlet
        pair on every measure), ``quotes``, ``quotations``, ``carriers``, ``credit``,
        ``top_sources``, ``overlap``; and ``network`` (a networkx DiGraph).
    """
    from ..analysis import analyze

    tables = analyze(articles, cue_classes=cue_classes, keyterms=False, measures="sourcing",
                     cue_model=cue_model, n_process=n_process, progress=progress)
    return {name: tables[name] for name in SOURCING_TABLES if name in tables}


__all__ = [
    "CUE_CLASSES",
    "analyze_sourcing",
    "article_density",
    "check_cue_classes",
    "compare_outlets",
    "credit_summary",
    "keep_cue_classes",
    "outlet_density",
    "propagation",
    "quote_table",
    "quoted_word_count",
    "source_network",
    "source_overlap",
    "top_sources",
]
