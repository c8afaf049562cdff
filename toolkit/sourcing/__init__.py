"""sourcing: sourcing density, quote propagation and the source network, as tables.

Modules: :mod:`.density` (per-article and per-outlet measures with bootstrap CIs),
:mod:`.propagation` (the same quote across outlets), :mod:`.network` (who quotes whom,
top sources, shared voices); each is a family of the measure registry
(:data:`toolkit.analysis.BUILTIN_FAMILIES`), and
:func:`toolkit.analysis.analyze_sourcing` runs them all on a corpus. The attributions
kept can be chosen by cue class (:func:`cue_classes`).

Example:
    >>> cue_classes()
    ('neutral', 'loaded', 'belief', 'finding', 'other')
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import pandas as pd

from ..attribution.cues import CUE_LEXICON
from ..errors import ParameterError
from ..lexicons import derived
from ..measures import ArticleInputs, MeasureFamily
from .network import source_network, source_overlap, top_sources
from .propagation import credit_summary, propagation, quote_table

LEARNED_CUE_CLASS = "other"
"""The class of a cue only the learned cue model accepted (not in the cue lexicon)."""


def _lexicon_classes(table: pd.DataFrame) -> tuple[str, ...]:
    return tuple(dict.fromkeys(table["cue_class"]))


def cue_classes() -> tuple[str, ...]:
    """The cue classes an attribution can have: the cue lexicon's (``cue_class`` column,
    in the order it lists them) and :data:`LEARNED_CUE_CLASS`."""
    return (*derived(CUE_LEXICON, _lexicon_classes), LEARNED_CUE_CLASS)


def check_cue_classes(classes: Sequence[str] | None) -> list[str]:
    """The cue classes asked for, validated (empty means all).

    Raises:
        ParameterError: an unknown class name.
    """
    known = cue_classes()
    unknown = sorted(set(classes or []) - set(known))
    if unknown:
        raise ParameterError(f"unknown cue class(es) {unknown}", field="cue_classes",
                             hint=f"choose from {', '.join(known)}")
    return list(classes or [])


def keep_cue_classes(attributions: pd.DataFrame, classes: Sequence[str] | None
                     ) -> pd.DataFrame:
    """Only attributions whose cue class is listed (rows without a cue always stay).

    Raises:
        ParameterError: an unknown class name.

    Example:
        >>> rows = pd.DataFrame({"cue_class": ["neutral", "belief", None]})
        >>> len(keep_cue_classes(rows, ["neutral"]))
        2
    """
    if not check_cue_classes(classes):
        return attributions
    keep = attributions["cue_class"].isna() | attributions["cue_class"].isin(classes)
    return attributions[keep].reset_index(drop=True)


def _quotes(inputs: ArticleInputs) -> pd.DataFrame:
    return quote_table(inputs.articles, inputs.attributions)


def _propagation(tables: Mapping[str, Any]) -> dict[str, pd.DataFrame]:
    quotations, carriers = propagation(tables["quotes"])
    return {"quotations": quotations, "carriers": carriers, "credit": credit_summary(carriers)}


PROPAGATION = MeasureFamily(
    name="propagation", label="Quotations across outlets", section="sourcing", count=_quotes,
    tables=("quotes",), outlet_tables=("quotations", "carriers", "credit"),
    outlet=_propagation)
"""The registry's propagation family: ``quotes`` → ``quotations``, ``carriers``,
``credit`` (:mod:`.propagation`)."""


def _network(tables: Mapping[str, Any]) -> dict[str, Any]:
    attributions, speakers = tables["attributions"], tables.get("speakers")
    return {"top_sources": top_sources(attributions, speakers=speakers),
            "overlap": source_overlap(attributions),
            "network": source_network(attributions, speakers=speakers)}


SOURCE_NETWORK = MeasureFamily(
    name="source_network", label="Who is quoted", section="sourcing",
    outlet_tables=("top_sources", "overlap", "network"), outlet=_network)
"""The registry's source-network family: from the attributions, ``top_sources``,
``overlap`` and ``network`` (:mod:`.network`)."""

__all__ = [
    "LEARNED_CUE_CLASS",
    "PROPAGATION",
    "SOURCE_NETWORK",
    "check_cue_classes",
    "cue_classes",
    "keep_cue_classes",
]
