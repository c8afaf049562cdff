"""findings: outlets compared on the registered measures, and the differences in words.

Two comparisons, both on pooled rates (``scale × Σ numerator / Σ denominator`` over a
group's articles) with 95% percentile bootstrap intervals of the difference (articles
resampled within each group):

- :func:`compare_pairs`: every pair of outlets on one measure (the ``comparisons`` table
  of :func:`toolkit.analyze` holds every measure with ``pairwise`` set);
- :func:`outlet_comparison`: one outlet against another or against all the others pooled,
  on every measure given (the outlet report: measures with ``headline`` set).

:func:`describe_differences` turns the differences whose interval excludes zero into plain
sentences for a report, each measure named by its description and unit. Each measure's
draws come from a random generator seeded by the measure's name, so adding a measure
leaves the others' intervals as they were.

Example:
    >>> import pandas as pd
    >>> from toolkit.measures import Measure
    >>> scare = Measure("scare_quotes_per_1000_words", label="Scare quotes",
    ...                 unit="per 1,000 words", description="scare quotes",
    ...                 numerator="scare_quotes", denominator="words", scale=1000)
    >>> per_article = pd.DataFrame({"outlet": ["A"] * 3 + ["B"] * 3,
    ...     "scare_quotes": [5, 6, 4, 0, 1, 0], "words": [500] * 6})
    >>> table = outlet_comparison([(scare, per_article)], "A", samples=200)
    >>> row = table.set_index("measure").loc["scare_quotes_per_1000_words"]
    >>> [round(float(row[c]), 1) for c in ("value_outlet", "value_other")]
    [10.0, 0.7]
    >>> describe_differences(table, "A")[0][:46]
    'A has more scare quotes (10.00 per 1,000 words'
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable, Mapping

import numpy as np
import pandas as pd

from .display import format_number
from .errors import ParameterError
from .measures import ONE, Measure
from .stats import (
    BOOTSTRAP_SAMPLES,
    difference_interval,
    difference_intervals,
    pooled_rate,
    ratio_draws,
)

PAIR_COLUMNS = ["measure", "outlet_a", "outlet_b", "value_a", "value_b", "difference",
                "difference_low", "difference_high", "exceeds_uncertainty"]
COMPARISON_COLUMNS = ["measure", "label", "description", "unit", "value_outlet",
                      "value_other", "difference", "difference_low", "difference_high",
                      "exceeds_uncertainty"]


def _with_one(table: pd.DataFrame, measure: Measure) -> pd.DataFrame:
    return table.assign(**{ONE: 1}) if ONE in (measure.numerator, measure.denominator) \
        else table


def compare_pairs(
    per_article: pd.DataFrame,
    measure: Measure,
    *,
    samples: int = BOOTSTRAP_SAMPLES,
    seed: int = 0,
) -> pd.DataFrame:
    """Every pair of outlets on one measure: the difference and its 95% bootstrap CI.

    ``exceeds_uncertainty`` is true when the interval of the difference excludes zero,
    i.e. the outlets differ by more than sampling noise over their articles.

    Returns:
        :data:`PAIR_COLUMNS`, largest absolute differences first.
    """
    rng = np.random.default_rng(seed)
    grouped = list(per_article.groupby("outlet"))
    if len(grouped) < 2:
        return pd.DataFrame(columns=PAIR_COLUMNS)
    outlets = np.array([outlet for outlet, _ in grouped], dtype=object)
    groups = [_with_one(frame, measure) for _, frame in grouped]
    draws = np.vstack([ratio_draws(frame, *measure.rate, samples=samples, rng=rng)
                       for frame in groups])
    values = np.array([pooled_rate(frame, *measure.rate) for frame in groups])
    a, b = np.triu_indices(len(outlets), k=1)
    bounds = difference_intervals(draws[a], draws[b])
    table = pd.DataFrame({
        "measure": measure.name, "outlet_a": outlets[a], "outlet_b": outlets[b],
        "value_a": values[a], "value_b": values[b], "difference": values[a] - values[b],
        "difference_low": bounds[:, 0], "difference_high": bounds[:, 1],
        "exceeds_uncertainty": (bounds[:, 0] > 0) | (bounds[:, 1] < 0)})
    return table.reindex(table["difference"].abs().sort_values(ascending=False).index
                         ).reset_index(drop=True)


def outlet_comparison(
    rates: Iterable[tuple[Measure, pd.DataFrame]],
    outlet: str,
    versus: str | None = None,
    *,
    samples: int = BOOTSTRAP_SAMPLES,
    seed: int = 0,
) -> pd.DataFrame:
    """The outlet against ``versus`` (another outlet) or all other outlets, per measure.

    Args:
        rates: each measure with its per-article table (``outlet`` and its count columns;
            :func:`toolkit.analysis.outlet_comparison` gives the registered ones).
        outlet: the outlet of the report.
        versus: another outlet; ``None`` compares with every other outlet pooled.

    Raises:
        ParameterError: the outlet (or ``versus``) has no articles in the tables.

    Returns:
        :data:`COMPARISON_COLUMNS`, one row per measure.
    """
    rows = []
    for measure, table in rates:
        table = _with_one(table, measure)
        mine = table[table["outlet"] == outlet]
        other = table[table["outlet"] == versus] if versus else table[table["outlet"] != outlet]
        if mine.empty:
            raise ParameterError(f"outlet {outlet!r} has no articles", field="outlet")
        if other.empty:
            raise ParameterError(f"nothing to compare {outlet!r} with", field="versus")
        rng = np.random.default_rng([seed, zlib.crc32(measure.name.encode())])
        low, high = difference_interval(
            ratio_draws(mine, *measure.rate, samples=samples, rng=rng),
            ratio_draws(other, *measure.rate, samples=samples, rng=rng))
        value_outlet = pooled_rate(mine, *measure.rate)
        value_other = pooled_rate(other, *measure.rate)
        rows.append({
            "measure": measure.name, "label": measure.label,
            "description": measure.description, "unit": measure.unit,
            "value_outlet": value_outlet, "value_other": value_other,
            "difference": value_outlet - value_other, "difference_low": low,
            "difference_high": high, "exceeds_uncertainty": bool(low > 0 or high < 0),
        })
    return pd.DataFrame(rows, columns=COMPARISON_COLUMNS)


def _fmt(value: float, share: bool) -> str:
    return f"{100 * value:.0f}%" if share else f"{value:.2f}"


def describe_differences(comparison: pd.DataFrame, outlet: str, versus: str | None = None
                         ) -> list[str]:
    """Plain sentences for the differences larger than their uncertainty, largest first
    (relative to the comparison's value); a unit starting with ``share`` is a percentage.

    Example:
        >>> table = pd.DataFrame([{"measure": "m", "description": "scare quotes",
        ...     "unit": "per 1,000 words", "value_outlet": 12.0, "value_other": 0.5,
        ...     "difference": 11.5, "difference_low": 10.1, "difference_high": 12.9,
        ...     "exceeds_uncertainty": True}])
        >>> describe_differences(table, "The Beacon")[0][:60]
        'The Beacon has more scare quotes (12.00 per 1,000 words) tha'
    """
    other = versus or "the other outlets"
    clear = comparison[comparison["exceeds_uncertainty"]] if len(comparison) else comparison
    if clear.empty:
        return [f"No measure separates {outlet} from {other} by more than its uncertainty."]
    sentences = []
    scale = clear["difference"].abs() / clear["value_other"].abs().replace(0, np.nan)
    for row in clear.assign(_size=scale.fillna(np.inf)).sort_values(
            "_size", ascending=False).itertuples():
        share = str(row.unit).startswith("share")
        if share:
            direction = "a larger share of" if row.difference > 0 else "a smaller share of"
        else:
            direction = "more" if row.difference > 0 else "fewer"
        unit = "" if share else f" {row.unit}"
        sentences.append(
            f"{outlet} has {direction} {row.description} ({_fmt(row.value_outlet, share)}"
            f"{unit}) than {other} ({_fmt(row.value_other, share)}; difference "
            f"{_fmt(row.difference, share)}, 95% interval {_fmt(row.difference_low, share)}"
            f" to {_fmt(row.difference_high, share)}).")
    return sentences


def describe_pairs(comparisons: pd.DataFrame, measures: Mapping[str, Measure], *,
                   top: int = 6) -> list[str]:
    """A report's opening sentences from the every-pair ``comparisons`` table: for each
    measure, the pair of outlets that differ most (relative to the lower value) among the
    differences that exceed their uncertainty; the ``top`` measures with the largest such
    differences, largest first; or one sentence saying that none does.

    Args:
        comparisons: :data:`PAIR_COLUMNS` rows (:func:`compare_pairs`).
        measures: measure name → :class:`~toolkit.measures.Measure` of the measures to
            speak of (rows of other measures are left out).
        top: sentences at most.

    Example:
        >>> from toolkit.measures import Measure
        >>> scare = Measure("scare", label="Scare quotes", unit="per 1,000 words",
        ...                 description="scare quotes", numerator="n", denominator="words")
        >>> rows = pd.DataFrame([{"measure": "scare", "outlet_a": "A", "outlet_b": "B",
        ...     "value_a": 0.5, "value_b": 12.0, "difference": -11.5, "difference_low": -12.9,
        ...     "difference_high": -10.1, "exceeds_uncertainty": True}])
        >>> print(describe_pairs(rows, {"scare": scare})[0])  # doctest: +NORMALIZE_WHITESPACE
        B has more scare quotes than A: 12 vs 0.5 per 1,000 words
        (difference 11.5, 95% interval 10.1 to 12.9).
    """
    clear = comparisons[comparisons["exceeds_uncertainty"].astype(bool)
                        & comparisons["measure"].isin(list(measures))] if len(comparisons) \
        else comparisons
    if clear.empty:
        return ["No difference between outlets on these measures is larger than its "
                "uncertainty (every 95% interval of a difference includes zero)."]
    flipped = clear["difference"] < 0
    rows = clear.assign(
        high=clear["outlet_a"].where(~flipped, clear["outlet_b"]),
        low=clear["outlet_b"].where(~flipped, clear["outlet_a"]),
        value_high=clear["value_a"].where(~flipped, clear["value_b"]),
        value_low=clear["value_b"].where(~flipped, clear["value_a"]),
        size=clear["difference"].abs(),
        lower=clear["difference_low"].where(~flipped, -clear["difference_high"]),
        upper=clear["difference_high"].where(~flipped, -clear["difference_low"]))
    rows["relative"] = (rows["size"] / rows["value_low"].abs().replace(0, np.nan)).fillna(np.inf)
    best = (rows.sort_values(["relative", "size"], ascending=False)
            .drop_duplicates("measure").head(top))
    sentences = []
    for row in best.itertuples():
        measure = measures[row.measure]
        share = measure.unit.startswith("share")
        direction = "a larger share of" if share else "more"
        value = (lambda v: format_number(v, share=True)) if share else format_number
        gap = (lambda v: f"{100 * v:.0f}") if share else format_number
        points = " percentage points" if share else ""
        unit = "" if share else f" {measure.unit}"
        sentences.append(
            f"{row.high} has {direction} {measure.description} than {row.low}: "
            f"{value(row.value_high)} vs {value(row.value_low)}{unit} (difference "
            f"{gap(row.size)}{points}, 95% interval {gap(row.lower)} to {gap(row.upper)}).")
    return sentences
