"""summary: one outlet against the rest (or another) on every measure, in words.

Each measure is a ratio of per-article counts (``scare_quotes`` over ``words``, ...);
:func:`outlet_comparison` pools the counts of the outlet's articles and of the others',
and bootstraps the difference (articles resampled within each group).
:func:`describe_differences` turns the differences whose 95% interval excludes zero into
plain sentences for a report.

Example:
    >>> import pandas as pd
    >>> per_article = {"scare": pd.DataFrame({"outlet": ["A"] * 3 + ["B"] * 3,
    ...     "scare_quotes": [5, 6, 4, 0, 1, 0], "words": [500] * 6})}
    >>> table = outlet_comparison(per_article, "A", samples=200)
    >>> row = table.set_index("measure").loc["scare_quotes_per_1000_words"]
    >>> [round(float(row[c]), 1) for c in ("value_outlet", "value_other")]
    [10.0, 0.7]
    >>> bool(row["exceeds_uncertainty"])
    True
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from .errors import ParameterError
from .stats import BOOTSTRAP_SAMPLES, difference_interval, pooled_rate, ratio_draws


@dataclass(frozen=True)
class Measure:
    """A rate computed from two per-article count columns of one table."""

    table: str
    name: str
    numerator: str
    denominator: str
    scale: float
    description: str
    unit: str


MEASURES = [
    Measure("sourcing", "attributions_per_100_words", "attributions", "words", 100,
            "attributions", "per 100 words"),
    Measure("sourcing", "share_secondhand", "secondhand", "attributions", 1,
            "second-hand attributions (relayed through other media)", "share"),
    Measure("sourcing", "share_anonymous", "n_anonymous", "attributions", 1,
            "anonymous sources", "share"),
    Measure("sourcing", "share_named_person", "n_person", "attributions", 1,
            "named people as sources", "share"),
    Measure("sourcing", "share_official", "n_government", "attributions", 1,
            "officials and government bodies as sources", "share"),
    Measure("sourcing", "share_words_quoted", "quoted_words", "words", 1,
            "words inside quotation marks", "share"),
    Measure("verbs", "share_loaded_cues", "loaded_cues", "speech_cues", 1,
            "loaded attribution verbs (claimed, admitted, insisted ...)", "share"),
    Measure("scare", "scare_quotes_per_1000_words", "scare_quotes", "words", 1000,
            "scare quotes", "per 1,000 words"),
    Measure("loaded", "loaded_terms_per_1000_words", "loaded_terms", "words", 1000,
            "loaded terms", "per 1,000 words"),
    Measure("certainty", "hedges_per_1000_words_journalist", "hedges_journalist",
            "words_journalist", 1000, "hedges in the journalist's own voice",
            "per 1,000 words"),
    Measure("certainty", "boosters_per_1000_words_journalist", "boosters_journalist",
            "words_journalist", 1000, "boosters in the journalist's own voice",
            "per 1,000 words"),
    Measure("tone", "gdelt_tone_per_100_words_journalist", "net_positive_words_journalist",
            "words_journalist", 100, "tone of the journalist's voice (positive minus "
            "negative words)", "per 100 words"),
]
PER_ARTICLE_TABLES = {
    "sourcing": ("sourcing", "per_article"),
    "verbs": ("framing", "verb_profile_per_article"),
    "scare": ("framing", "scare_quotes_per_article"),
    "loaded": ("framing", "loaded_terms_per_article"),
    "certainty": ("framing", "certainty_per_article"),
    "tone": ("framing", "tone_per_article"),
}


def per_article_tables(sourcing: dict, framing: dict) -> dict[str, pd.DataFrame]:
    """The per-article tables :data:`MEASURES` refer to, from the outputs of
    :func:`toolkit.sourcing.analyze_sourcing` and :func:`toolkit.framing.analyze_framing`."""
    sources = {"sourcing": sourcing, "framing": framing}
    return {name: sources[group][key] for name, (group, key) in PER_ARTICLE_TABLES.items()
            if key in sources[group]}


def outlet_comparison(
    per_article: dict[str, pd.DataFrame],
    outlet: str,
    versus: str | None = None,
    *,
    measures: list[Measure] = MEASURES,
    samples: int = BOOTSTRAP_SAMPLES,
    seed: int = 0,
) -> pd.DataFrame:
    """The outlet against ``versus`` (another outlet) or all other outlets, per measure.

    Args:
        per_article: table name → per-article table (``outlet`` plus count columns);
            measures whose table or columns are missing are skipped.
        outlet: the outlet of the report.
        versus: another outlet; ``None`` compares with every other outlet pooled.

    Raises:
        ParameterError: the outlet (or ``versus``) has no articles in the tables.

    Returns:
        ``measure, description, unit, value_outlet, value_other, difference,
        difference_low, difference_high, exceeds_uncertainty``.
    """
    rng = np.random.default_rng(seed)
    rows = []
    for measure in measures:
        table = per_article.get(measure.table)
        if table is None or not {measure.numerator, measure.denominator} <= set(table):
            continue
        mine = table[table["outlet"] == outlet]
        other = table[table["outlet"] == versus] if versus else table[table["outlet"] != outlet]
        if mine.empty:
            raise ParameterError(f"outlet {outlet!r} has no articles", field="outlet")
        if other.empty:
            raise ParameterError(f"nothing to compare {outlet!r} with", field="versus")
        rate = (measure.numerator, measure.denominator, measure.scale)
        low, high = difference_interval(ratio_draws(mine, *rate, samples=samples, rng=rng),
                                        ratio_draws(other, *rate, samples=samples, rng=rng))
        value_outlet, value_other = pooled_rate(mine, *rate), pooled_rate(other, *rate)
        rows.append({
            "measure": measure.name, "description": measure.description, "unit": measure.unit,
            "value_outlet": value_outlet, "value_other": value_other,
            "difference": value_outlet - value_other, "difference_low": low,
            "difference_high": high, "exceeds_uncertainty": bool(low > 0 or high < 0),
        })
    return pd.DataFrame(rows)


def _fmt(value: float, unit: str) -> str:
    return f"{100 * value:.0f}%" if unit == "share" else f"{value:.2f}"


def describe_differences(comparison: pd.DataFrame, outlet: str, versus: str | None = None
                         ) -> list[str]:
    """Plain sentences for the differences larger than their uncertainty, largest first.

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
        direction = "more" if row.difference > 0 else "fewer"
        if row.unit == "share":
            direction = "a larger share of" if row.difference > 0 else "a smaller share of"
        unit = "" if row.unit == "share" else f" {row.unit}"
        fmt = _fmt if row.unit == "share" else (lambda v, _u: f"{v:.2f}")
        sentences.append(
            f"{outlet} has {direction} {row.description} ({fmt(row.value_outlet, row.unit)}"
            f"{unit}) than {other} ({fmt(row.value_other, row.unit)}; difference "
            f"{fmt(row.difference, row.unit)}, 95% interval {fmt(row.difference_low, row.unit)}"
            f" to {fmt(row.difference_high, row.unit)}).")
    return sentences
