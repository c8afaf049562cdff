"""stats: pooled rates with bootstrap intervals, the one piece every outlet table uses.

A rate is ``scale × Σ numerator / Σ denominator`` over a group's articles (long articles
weigh more, as a reader's exposure does); its 95% interval is the percentile bootstrap
that resamples the group's articles. Measures are given as ``name → (numerator,
denominator, scale)`` over per-article count columns.

Example:
    >>> table = pd.DataFrame({"outlet": ["A", "A", "B"], "hits": [1, 3, 0],
    ...                       "words": [100, 300, 200]})
    >>> pooled = pool_outlets(table, {"hits_per_1000_words": ("hits", "words", 1000.0)})
    >>> pooled["hits_per_1000_words"].tolist()
    [10.0, 0.0]
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd

BOOTSTRAP_SAMPLES = 1000
CONFIDENCE = 0.95
Measures = Mapping[str, tuple[str, str, float]]


def pool_outlets(
    per_article: pd.DataFrame,
    measures: Measures,
    *,
    by: Sequence[str] = ("outlet",),
    samples: int = BOOTSTRAP_SAMPLES,
    seed: int = 0,
) -> pd.DataFrame:
    """Pool per-article counts by outlet, with 95% bootstrap intervals over articles.

    Each measure is ``scale × Σ numerator / Σ denominator`` over the group's articles (so
    long articles weigh more, as in :mod:`toolkit.sourcing.density`); its interval is the
    percentile bootstrap resampling the group's articles (each resample drawn as
    multinomial counts, so memory is ``samples × articles`` whatever the number of
    measures). NaN where the denominator sums to zero.

    Args:
        per_article: one row per article with the ``by`` columns and the count columns.
        measures: name → ``(numerator, denominator, scale)``.
        by: the grouping columns (``["outlet", "story"]`` for outlet × story).
        samples: bootstrap resamples.
        seed: random seed (results are reproducible).

    Returns:
        One row per group: the ``by`` columns, ``articles``, the summed numerator and
        denominator columns, and per measure ``<measure>``, ``<measure>_low``,
        ``<measure>_high``.

    Example:
        >>> table = pd.DataFrame({"outlet": ["A", "A"], "hits": [1, 3], "words": [100, 300]})
        >>> pooled = pool_outlets(table, {"hits_per_1000_words": ("hits", "words", 1000.0)})
        >>> int(pooled.loc[0, "words"]), float(pooled.loc[0, "hits_per_1000_words"])
        (400, 10.0)
    """
    keys = list(by)
    names = list(measures)
    counts = list(dict.fromkeys(c for num, den, _ in measures.values() for c in (num, den)))
    columns = [*keys, "articles", *counts,
               *[f"{m}{suffix}" for m in names for suffix in ("", "_low", "_high")]]
    if per_article.empty:
        return pd.DataFrame(columns=columns)
    grouped = per_article.groupby(keys, sort=True, dropna=False)
    table = grouped[counts].sum()
    table.insert(0, "articles", grouped.size())
    codes = grouped.ngroup().to_numpy()
    order = np.argsort(codes, kind="stable")
    bounds = np.searchsorted(codes[order], np.arange(len(table) + 1))
    top_all = per_article[[measures[m][0] for m in names]].to_numpy(float).T
    bottom_all = per_article[[measures[m][1] for m in names]].to_numpy(float).T
    scales = np.array([float(measures[m][2]) for m in names])[:, None]
    rng = np.random.default_rng(seed)
    quantiles = [(1 - CONFIDENCE) / 2, (1 + CONFIDENCE) / 2]
    results = np.full((len(table), len(names), 3), np.nan)
    for group in range(len(table)):
        rows = order[bounds[group]:bounds[group + 1]]
        top, bottom, n = top_all[:, rows], bottom_all[:, rows], len(rows)
        weights = rng.multinomial(n, np.full(n, 1.0 / n), size=samples).T  # articles × draws
        with np.errstate(divide="ignore", invalid="ignore"):
            results[group, :, 0] = (scales * top.sum(axis=1, keepdims=True)
                                    / bottom.sum(axis=1, keepdims=True))[:, 0]
            boot = scales * (top @ weights) / (bottom @ weights)
        results[group, :, 1:] = _row_quantiles(boot, quantiles)
    results[~np.isfinite(results)] = np.nan
    stats = pd.DataFrame({f"{measure}{suffix}": results[:, k, j]
                          for k, measure in enumerate(names)
                          for j, suffix in enumerate(("", "_low", "_high"))}, index=table.index)
    return pd.concat([table, stats], axis=1).reset_index()[columns]


def _row_quantiles(values: np.ndarray, quantiles: Sequence[float]) -> np.ndarray:
    """Quantiles of each row over its finite entries (linear interpolation, as
    ``np.quantile``); NaN for a row without any. Shape: rows × quantiles."""
    values = np.where(np.isfinite(values), values, np.nan)
    ordered = np.sort(values, axis=1)  # NaN last
    count = np.isfinite(ordered).sum(axis=1)
    rows = np.arange(len(ordered))[:, None]
    position = np.asarray(quantiles)[None, :] * np.maximum(count - 1, 0)[:, None]
    low = np.floor(position).astype(int)
    high = np.minimum(low + 1, np.maximum(count - 1, 0)[:, None])
    result = ordered[rows, low] + (ordered[rows, high] - ordered[rows, low]) * (position - low)
    result[count == 0] = np.nan
    return result



def ratio_draws(frame: pd.DataFrame, numerator: str, denominator: str, scale: float, *,
                samples: int, rng: np.random.Generator) -> np.ndarray:
    """Bootstrap draws of one pooled rate over a group's articles (NaN where undefined).

    Example:
        >>> frame = pd.DataFrame({"hits": [1, 3], "words": [100, 300]})
        >>> draws = ratio_draws(frame, "hits", "words", 1000.0, samples=50,
        ...                     rng=np.random.default_rng(0))
        >>> bool(np.allclose(draws, 10.0))
        True
    """
    top = frame[numerator].to_numpy(float)
    bottom = frame[denominator].to_numpy(float)
    index = rng.integers(0, len(frame), size=(samples, len(frame)))
    with np.errstate(divide="ignore", invalid="ignore"):
        return scale * top[index].sum(axis=1) / bottom[index].sum(axis=1)


def difference_interval(left: np.ndarray, right: np.ndarray) -> tuple[float, float]:
    """The 95% percentile interval of ``left - right`` draws (NaN when none is finite)."""
    low, high = difference_intervals(left[None, :], right[None, :])[0]
    return float(low), float(high)


def difference_intervals(left: np.ndarray, right: np.ndarray, *,
                         chunk: int = 10_000) -> np.ndarray:
    """Row-wise 95% percentile intervals of ``left - right`` draws (rows × 2).

    One call for every pair of outlets (hundreds of outlets make tens of thousands of
    pairs); rows are taken ``chunk`` at a time so memory stays bounded.

    Example:
        >>> draws = np.arange(101.0)
        >>> difference_intervals(np.vstack([draws, draws]), np.vstack([draws * 0, draws])
        ...                      ).round(1).tolist()
        [[2.5, 97.5], [0.0, 0.0]]
    """
    alpha = (1 - CONFIDENCE) / 2
    bounds = np.empty((len(left), 2))
    for start in range(0, len(left), chunk):
        rows = slice(start, start + chunk)
        with np.errstate(invalid="ignore"):
            bounds[rows] = _row_quantiles(left[rows] - right[rows], [alpha, 1 - alpha])
    return bounds


def add_article_rates(table: pd.DataFrame, measures: Measures) -> pd.DataFrame:
    """Add each measure's per-article rate ``scale × numerator / denominator`` as a column
    (NaN where the denominator is zero) and return ``table``.

    Example:
        >>> table = pd.DataFrame({"hits": [1, 2], "words": [100, 0]})
        >>> add_article_rates(table, {"hits_per_1000_words": ("hits", "words", 1000.0)}
        ...                   )["hits_per_1000_words"].tolist()
        [10.0, nan]
    """
    for measure, (numerator, denominator, scale) in measures.items():
        table[measure] = scale * table[numerator] / table[denominator].replace(0, np.nan)
    return table


def pooled_rate(frame: pd.DataFrame, numerator: str, denominator: str, scale: float) -> float:
    """``scale × Σ numerator / Σ denominator`` (NaN when the denominator sums to zero)."""
    bottom = frame[denominator].sum()
    return float(scale * frame[numerator].sum() / bottom) if bottom else float("nan")


def sum_counts(table: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    """The ``count`` column summed over ``keys`` (counts that articles or a store's shards
    split, added back together).

    Example:
        >>> table = pd.DataFrame({"outlet": ["A", "A", "B"], "term": ["x", "x", "x"],
        ...                       "count": [1, 2, 5]})
        >>> sum_counts(table, ["outlet", "term"]).values.tolist()
        [['A', 'x', 3], ['B', 'x', 5]]
    """
    if not len(table):
        return table[[*keys, "count"]].reset_index(drop=True)
    return table.groupby(keys, as_index=False)["count"].sum()
