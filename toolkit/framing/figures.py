"""figures: the framing report's figures from the tables of :func:`analyze_framing`.

Example:
    >>> from toolkit import load_corpus, config
    >>> from toolkit.framing import analyze_framing
    >>> tables = analyze_framing(load_corpus(config.SAMPLE_CORPUS))  # doctest: +SKIP
    >>> figures = framing_figures(tables)  # doctest: +SKIP
    >>> sorted(figures)[:2]  # doctest: +SKIP
    ['certainty_by_voice', 'distinctive_daily-relay']
"""

from __future__ import annotations

import re

import pandas as pd
from matplotlib.figure import Figure

from .. import plots
from .vocabulary import plot_log_odds


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", str(name).lower()).strip("-")


def framing_figures(tables: dict[str, pd.DataFrame]) -> dict[str, Figure]:
    """Name → matplotlib Figure for every framing measure that has data."""
    figures: dict[str, Figure] = {}
    distinctive = tables.get("distinctive_terms", pd.DataFrame())
    for outlet, table in distinctive.groupby("outlet") if len(distinctive) else []:
        if "versus" not in table:
            table = table.assign(versus="the other outlets")
        figures[f"distinctive_{_slug(outlet)}"] = plot_log_odds(
            table, title=f"Words distinguishing {outlet} from the other outlets", top=10)
    intervals = [
        ("verb_profile", "share_loaded_cues", "Loaded attribution verbs (claimed, admitted, ...)",
         "share of speech cues that are loaded (95% interval)"),
        ("scare_quotes_by_outlet", "scare_quotes_per_1000_words", "Scare quotes",
         "scare quotes per 1,000 words (95% interval)"),
        ("loaded_terms_by_outlet", "loaded_terms_per_1000_words", "Loaded terms",
         "loaded terms per 1,000 words (95% interval)"),
        ("tone_by_outlet", "gdelt_tone_per_100_words_journalist",
         "Tone of the journalist's own voice",
         "positive minus negative words per 100 words (95% interval)"),
    ]
    for table_name, measure, title, xlabel in intervals:
        table = tables.get(table_name)
        if table is not None and len(table) and f"{measure}_low" in table:
            figures[measure] = plots.interval_plot(table, measure, title=title, xlabel=xlabel)
    certainty = tables.get("certainty_by_outlet")
    if certainty is not None and len(certainty):
        figures["certainty_by_voice"] = plots.grouped_bars(
            certainty, ["hedges_per_1000_words_journalist", "hedges_per_1000_words_quoted",
                        "boosters_per_1000_words_journalist", "boosters_per_1000_words_quoted"],
            names=["hedges, journalist", "hedges, quoted", "boosters, journalist",
                   "boosters, quoted"],
            title="Certainty in the journalist's voice and in quotes",
            xlabel="per 1,000 words of that voice")
    frames = tables.get("frames_by_outlet")
    if frames is not None and len(frames):
        shares = frames.pivot(index="outlet", columns="frame", values="share_frame_terms")
        shares = shares.loc[:, shares.sum() > 0].reset_index()
        figures["frames"] = plots.stacked_shares(
            shares, [c for c in shares.columns if c != "outlet"],
            title="Policy frames by outlet", xlabel="share of frame terms")
    return figures
