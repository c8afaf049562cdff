"""density: how much of each story rests on attributed sources, per article and outlet.

Per article (:func:`article_density`): attributions per 100 words, distinct sources,
the share of sentences carrying an attribution, the share of words inside quotation
marks, the shares of attributions by source type, the second-hand share (relayed
through other media, ``depth >= 1``) and the shares of loaded and neutral cues.
Per outlet (:func:`outlet_density`): the same measures pooled over the outlet's
articles with 95% bootstrap confidence intervals (articles resampled), and
:func:`compare_outlets` says which differences are larger than their uncertainty.
Every column names its denominator.

Example:
    >>> import pandas as pd
    >>> articles = pd.DataFrame({"doc_id": ["a"], "outlet": ["X"], "text": ["w " * 200]})
    >>> rows = pd.DataFrame({"doc_id": ["a"] * 3, "speaker": ["A", "B", "A"],
    ...     "speaker_type": ["person"] * 3, "depth": [0, 1, 0], "cue_class": ["neutral"] * 3,
    ...     "sentence": [0, 1, 1], "parent_id": [None] * 3})
    >>> m = article_density(articles, rows, sentences={"a": 4}, quoted_words={"a": 50})
    >>> columns = ["attributions_per_100_words", "share_secondhand", "share_words_quoted"]
    >>> [round(float(m.loc[0, c]), 3) for c in columns]
    [1.5, 0.333, 0.25]
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd

from ..stats import (
    BOOTSTRAP_SAMPLES,
    add_article_rates,
    difference_intervals,
    pool_outlets,
    pooled_rate,
    ratio_draws,
)

SOURCE_TYPE_SHARES = {
    "share_named_person": "person",
    "share_official": "government",
    "share_expert_organization": "organization",
    "share_media": "media",
    "share_document": "document",
    "share_anonymous": "anonymous",
    "share_unknown": "unknown",
}
# Numerator and denominator columns of every pooled measure.
POOLED = {
    "attributions_per_100_words": ("attributions", "words", 100.0),
    "distinct_sources_per_article": ("distinct_sources", "one", 1.0),
    "share_sentences_attributed": ("sentences_attributed", "sentences", 1.0),
    "share_words_quoted": ("quoted_words", "words", 1.0),
    "share_secondhand": ("secondhand", "attributions", 1.0),
    "share_loaded_cues": ("loaded_cues", "speech_cues", 1.0),
    "share_neutral_cues": ("neutral_cues", "speech_cues", 1.0),
    **{share: (f"n_{kind}", "attributions", 1.0) for share, kind in SOURCE_TYPE_SHARES.items()},
}
COMPARISON_COLUMNS = ["measure", "outlet_a", "outlet_b", "value_a", "value_b", "difference",
                      "difference_low", "difference_high", "exceeds_uncertainty"]
COUNT_COLUMNS = [
    "attributions", "secondhand", "loaded_cues", "neutral_cues", "speech_cues",
    "distinct_sources", "sentences_attributed", *[f"n_{k}" for k in SOURCE_TYPE_SHARES.values()],
]


def word_count(text: str) -> int:
    """Whitespace-separated words, the denominator of every per-word rate."""
    return len(text.split())


def _counts(attributions: pd.DataFrame) -> pd.DataFrame:
    """Per-document counts behind the measures (top-level attributions only: a quote
    nested inside another quote is part of the outer one's sourcing)."""
    rows = attributions[attributions["parent_id"].isna()] if len(attributions) else attributions
    if rows.empty:
        return pd.DataFrame(columns=["doc_id"]).set_index("doc_id")
    cue_class = rows["cue_class"].fillna("")
    speech = cue_class.isin(["neutral", "loaded"])
    frame = pd.DataFrame({
        "doc_id": rows["doc_id"],
        "attributions": 1,
        "secondhand": (rows["depth"].fillna(0) >= 1).astype(int),
        "loaded_cues": (cue_class == "loaded").astype(int),
        "neutral_cues": (cue_class == "neutral").astype(int),
        "speech_cues": speech.astype(int),
        **{f"n_{kind}": (rows["speaker_type"] == kind).astype(int)
           for kind in SOURCE_TYPE_SHARES.values()},
    })
    counts = frame.groupby("doc_id").sum()
    named = rows.dropna(subset=["speaker"])
    counts["distinct_sources"] = named.groupby("doc_id")["speaker"].nunique()
    counts["sentences_attributed"] = rows.dropna(subset=["sentence"]).groupby(
        "doc_id")["sentence"].nunique()
    return counts.fillna(0)


def article_density(
    articles: pd.DataFrame,
    attributions: pd.DataFrame,
    *,
    sentences: Mapping[str, int],
    quoted_words: Mapping[str, int],
) -> pd.DataFrame:
    """One row per article: the counts and the rates built on them.

    Args:
        articles: the articles table (``doc_id``, ``outlet``, ``text``; ``story`` kept).
        attributions: the attributions table of those articles.
        sentences: doc_id → number of sentences (from the parse).
        quoted_words: doc_id → words inside quotation marks.

    Returns:
        ``doc_id, outlet, story, words, sentences, attributions, ...`` counts and the
        measures of :data:`POOLED` (NaN where the denominator is zero).
    """
    base = articles[["doc_id", "outlet"]].copy()
    base["story"] = articles.get("story", None)
    base["words"] = articles["text"].map(word_count).to_numpy()
    base["sentences"] = base["doc_id"].map(sentences).fillna(0).astype(int)
    base["quoted_words"] = base["doc_id"].map(quoted_words).fillna(0).astype(int)
    table = base.join(_counts(attributions).reindex(columns=COUNT_COLUMNS), on="doc_id")
    table[COUNT_COLUMNS] = table[COUNT_COLUMNS].fillna(0).astype(int)
    table["one"] = 1
    return add_article_rates(table, POOLED).drop(columns="one")


def outlet_density(
    per_article: pd.DataFrame,
    *,
    by: list[str] | None = None,
    samples: int = BOOTSTRAP_SAMPLES,
    seed: int = 0,
) -> pd.DataFrame:
    """Pool the per-article table by outlet (or ``by=["outlet", "story"]``), with CIs.

    Each measure is the ratio of summed numerators to summed denominators over the
    group's articles; its 95% interval resamples articles (percentile bootstrap,
    :func:`toolkit.stats.pool_outlets`).

    Returns:
        One row per group: ``articles``, the summed counts (``words``, ``attributions``,
        ...) and, per measure, ``<measure>``, ``<measure>_low``, ``<measure>_high``.
    """
    table = pool_outlets(per_article.assign(one=1), POOLED, by=by or ["outlet"],
                         samples=samples, seed=seed)
    return table.drop(columns="one")


def compare_outlets(
    per_article: pd.DataFrame,
    measure: str,
    *,
    samples: int = BOOTSTRAP_SAMPLES,
    seed: int = 0,
) -> pd.DataFrame:
    """Every pair of outlets on one measure: the difference and its 95% bootstrap CI.

    ``exceeds_uncertainty`` is true when the interval of the difference excludes zero,
    i.e. the outlets differ by more than sampling noise over their articles.

    Returns:
        ``outlet_a, outlet_b, value_a, value_b, difference, difference_low,
        difference_high, exceeds_uncertainty``, largest absolute differences first.
    """
    rng = np.random.default_rng(seed)
    numerator, denominator, scale = POOLED[measure]
    grouped = list(per_article.groupby("outlet"))
    if len(grouped) < 2:
        return pd.DataFrame(columns=COMPARISON_COLUMNS)
    outlets = np.array([outlet for outlet, _ in grouped], dtype=object)
    groups = [frame.assign(one=1) for _, frame in grouped]
    draws = np.vstack([ratio_draws(frame, numerator, denominator, scale, samples=samples,
                                   rng=rng) for frame in groups])
    values = np.array([pooled_rate(frame, numerator, denominator, scale) for frame in groups])
    a, b = np.triu_indices(len(outlets), k=1)
    bounds = difference_intervals(draws[a], draws[b])
    table = pd.DataFrame({
        "measure": measure, "outlet_a": outlets[a], "outlet_b": outlets[b],
        "value_a": values[a], "value_b": values[b], "difference": values[a] - values[b],
        "difference_low": bounds[:, 0], "difference_high": bounds[:, 1],
        "exceeds_uncertainty": (bounds[:, 0] > 0) | (bounds[:, 1] < 0)})
    return table.reindex(table["difference"].abs().sort_values(ascending=False).index
                         ).reset_index(drop=True)
