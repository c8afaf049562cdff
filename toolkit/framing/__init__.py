"""framing: how outlets frame the news: words, cue verbs, scare quotes, certainty, frames, tone.

Modules, one measure each: :mod:`.vocabulary` (distinctive words, "Fightin' Words" log-odds),
:mod:`.verbs` (neutral vs loaded attribution verbs), :mod:`.scare` (scare quotes),
:mod:`.voice` (hedges, boosters, factive and assertive verbs in the journalist's and the
quoted voices), :mod:`.labels` (loaded terms, label pairs, how each outlet labels an entity),
:mod:`.frames` (the 15 policy frames), :mod:`.tone` (VADER and GDELT-style tone by voice),
:mod:`.keyterms` (textacy keyterms). :func:`analyze_framing` runs them all on a corpus.

Example:
    >>> from toolkit import load_corpus, config
    >>> tables = analyze_framing(load_corpus(config.SAMPLE_CORPUS))  # doctest: +SKIP
    >>> tables["scare_quotes_by_outlet"].set_index("outlet")[
    ...     "scare_quotes_per_1000_words"].idxmax()  # doctest: +SKIP
    'The Patriot Beacon'
"""

from __future__ import annotations

from typing import Any

import pandas as pd
from spacy.tokens import Doc

FRAMING_TABLES = (
    "attributions", "distinctive_terms", "verb_profile_per_article", "verb_profile",
    "top_cues", "short_quotes", "scare_quotes_per_article", "scare_quotes_by_outlet",
    "certainty_per_article", "certainty_by_outlet", "loaded_term_hits",
    "loaded_terms_per_article", "loaded_terms_by_outlet", "label_pairs", "entity_labels",
    "frames_per_article", "frames_by_outlet", "tone_per_article", "tone_by_outlet",
    "keyterms",
)


def analyze_framing(
    articles: pd.DataFrame,
    *,
    attributions: pd.DataFrame | None = None,
    docs: list[Doc] | None = None,
    cue_model: Any = "default",
    keyterms: bool = True,
    n_process: int = 1,
    progress: bool | None = None,
) -> dict[str, pd.DataFrame]:
    """The framing tables of a corpus (:data:`FRAMING_TABLES` of :func:`toolkit.analyze`).

    Args:
        articles: the articles table.
        attributions: the attributions table, when already extracted.
        docs: the articles' parsed Docs in table order, when already at hand.
        cue_model: for extracting attributions when none are given.
        keyterms: also extract keyterms per outlet (the slowest measure).
        n_process: parser processes.
        progress: progress bar while parsing.

    Returns:
        Named DataFrames: ``distinctive_terms``, ``verb_profile_per_article``,
        ``verb_profile``, ``top_cues``, ``short_quotes`` (every 1-4 word quote with its
        status: scare, partial, title, ...), ``scare_quotes_per_article``,
        ``scare_quotes_by_outlet``, ``certainty_per_article``, ``certainty_by_outlet``,
        ``loaded_term_hits``, ``loaded_terms_per_article``, ``loaded_terms_by_outlet``,
        ``label_pairs``, ``entity_labels``, ``frames_per_article``, ``frames_by_outlet``,
        ``tone_per_article``, ``tone_by_outlet``, ``keyterms`` and ``attributions``.
    """
    from ..analysis import analyze

    tables = analyze(articles, keyterms=keyterms, measures="framing", docs=docs,
                     attributions=attributions, cue_model=cue_model, n_process=n_process,
                     progress=progress)
    return {name: tables[name] for name in FRAMING_TABLES if name in tables}


__all__ = ["FRAMING_TABLES", "analyze_framing"]
