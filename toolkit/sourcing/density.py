"""density: how much of each story rests on attributed sources, per article and outlet.

Per article (:func:`article_density`): attributions per 100 words, distinct sources,
the share of sentences carrying an attribution, the share of words inside quotation
marks, the shares of attributions by source type, the second-hand share (relayed
through other media, ``depth >= 1``) and the shares of loaded and neutral speech cues.
Per outlet (the registry's :data:`DENSITY`): the same measures pooled over the outlet's
articles with 95% bootstrap confidence intervals (articles resampled), and per outlet
and story. Every column names its denominator.

Which attributions count: every top-level attribution (a quote nested inside another
quote is part of the outer one's sourcing), speech or not (``belief`` and ``finding``
cues too: PolNeAR's broad definition), except the two cue shares, which count speech
cues only (attributions whose ``speech`` flag is set and that have a cue). Words are
:data:`toolkit.text.WORD` matches, as in every per-word rate of the toolkit.

Example:
    >>> import pandas as pd
    >>> from toolkit.text import word_table
    >>> articles = pd.DataFrame({"doc_id": ["a"], "outlet": ["X"],
    ...                          "text": ["w " * 150 + '"' + "q " * 50 + '"']})
    >>> rows = pd.DataFrame({"doc_id": ["a"] * 3, "speaker": ["A", "B", "A"],
    ...     "speaker_type": ["person"] * 3, "depth": [0, 1, 0], "cue_class": ["neutral"] * 3,
    ...     "speech": [True] * 3, "sentence": [0, 1, 1], "parent_id": [None] * 3})
    >>> counts = word_table(articles).assign(sentences=4)
    >>> m = article_density(articles, rows, text_counts=counts)
    >>> columns = ["attributions_per_100_words", "share_secondhand", "share_words_quoted"]
    >>> [round(float(m.loc[0, c]), 3) for c in columns]
    [1.5, 0.333, 0.25]
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandas as pd
from matplotlib.figure import Figure

from .. import plots
from ..framing.verbs import SHARE_LOADED_CUES, SHARE_NEUTRAL_CUES, speech_cue_flags
from ..measures import ONE, ArticleInputs, Measure, MeasureFamily, add_rates
from ..text import aligned_counts

_SOURCE_TYPES = (
    ("share_named_person", "person", "Named people", "named people as sources", True),
    ("share_official", "government", "Officials and government bodies",
     "officials and government bodies as sources", True),
    ("share_expert_organization", "organization", "Organisations and experts",
     "organisations and experts as sources", False),
    ("share_media", "media", "Other media", "other media as sources", False),
    ("share_document", "document", "Documents",
     "documents (reports, studies, statements) as sources", False),
    ("share_anonymous", "anonymous", "Anonymous sources", "anonymous sources", True),
    ("share_unknown", "unknown", "Sources of unknown type", "sources of unknown type", False),
)
SOURCE_TYPE_SHARES = {name: kind for name, kind, *_ in _SOURCE_TYPES}
"""Each source-type share and the ``speaker_type`` it counts."""
DENSITY_MEASURES = (
    Measure("attributions_per_100_words", label="Attributions", unit="per 100 words",
            description="attributions", numerator="attributions", denominator="words",
            scale=100.0, figure=True),
    Measure("distinct_sources_per_article", label="Distinct named sources",
            unit="per article", description="distinct named sources per article",
            numerator="distinct_sources", denominator=ONE, headline=False),
    Measure("share_sentences_attributed", label="Sentences with an attribution",
            unit="share of sentences", description="sentences carrying an attribution",
            numerator="sentences_attributed", denominator="sentences", headline=False),
    Measure("share_words_quoted", label="Words inside quotation marks", unit="share of words",
            description="words inside quotation marks", numerator="words_quoted",
            denominator="words", voice="quoted"),
    Measure("share_secondhand", label="Second-hand attributions",
            unit="share of attributions",
            description="second-hand attributions (relayed through other media)",
            numerator="secondhand", denominator="attributions", figure=True),
    SHARE_LOADED_CUES,
    SHARE_NEUTRAL_CUES,
    *(Measure(name, label=label, unit="share of attributions", description=description,
              numerator=f"n_{kind}", denominator="attributions", headline=headline)
      for name, kind, label, description, headline in _SOURCE_TYPES),
)
"""The measures of :func:`article_density`, in the order of its columns."""
COUNT_COLUMNS = [
    "attributions", "secondhand", "loaded_cues", "neutral_cues", "speech_cues",
    "distinct_sources", "sentences_attributed", *[f"n_{k}" for k in SOURCE_TYPE_SHARES.values()],
]


def _counts(attributions: pd.DataFrame) -> pd.DataFrame:
    """Per-document counts behind the measures (top-level attributions only: a quote
    nested inside another quote is part of the outer one's sourcing)."""
    rows = attributions[attributions["parent_id"].isna()] if len(attributions) else attributions
    if rows.empty:
        return pd.DataFrame(columns=["doc_id"]).set_index("doc_id")
    frame = pd.DataFrame({
        "doc_id": rows["doc_id"],
        "attributions": 1,
        "secondhand": (rows["depth"].fillna(0) >= 1).astype(int),
        **speech_cue_flags(rows),
        **{f"n_{kind}": (rows["speaker_type"] == kind).astype(int)
           for kind in SOURCE_TYPE_SHARES.values()},
    })
    counts = frame.groupby("doc_id").sum()
    named = rows.dropna(subset=["speaker"])
    counts["distinct_sources"] = named.groupby("doc_id")["speaker"].nunique()
    counts["sentences_attributed"] = rows.dropna(subset=["sentence"]).groupby(
        "doc_id")["sentence"].nunique()
    return counts.fillna(0)


def article_density(articles: pd.DataFrame, attributions: pd.DataFrame, *,
                    text_counts: pd.DataFrame) -> pd.DataFrame:
    """One row per article: the counts and the rates built on them.

    Args:
        articles: the articles table (``doc_id``, ``outlet``, ``text``; ``story`` kept).
        attributions: the attributions table of those articles.
        text_counts: the articles' words and sentences (:func:`toolkit.text.word_table`
            with their Docs: ``words``, ``words_quoted``, ``sentences``).

    Returns:
        ``doc_id, outlet, story, words, sentences, words_quoted, attributions, ...``
        counts and the measures of :data:`DENSITY_MEASURES` (NaN where the denominator
        is zero).
    """
    base = articles[["doc_id", "outlet"]].copy()
    base["story"] = articles.get("story", None)
    counts = aligned_counts(articles, text_counts, ["words", "sentences", "words_quoted"])
    for column in counts:
        base[column] = counts[column].to_numpy()
    table = base.join(_counts(attributions).reindex(columns=COUNT_COLUMNS), on="doc_id")
    table[COUNT_COLUMNS] = table[COUNT_COLUMNS].fillna(0).astype(int)
    return add_rates(table, DENSITY_MEASURES)


def _count(inputs: ArticleInputs) -> pd.DataFrame:
    return article_density(inputs.articles, inputs.attributions,
                           text_counts=inputs.text_counts)


def density_figures(tables: Mapping[str, Any]) -> dict[str, Figure]:
    """``source_types``: each outlet's attributions split by source type."""
    per_outlet = tables.get("per_outlet")
    if per_outlet is None or not len(per_outlet):
        return {}
    return {"source_types": plots.stacked_shares(per_outlet, list(SOURCE_TYPE_SHARES),
                                                 title="Source types by outlet")}


DENSITY = MeasureFamily(
    name="density", label="Sourcing density", section="sourcing", count=_count,
    measures=DENSITY_MEASURES, tables=("per_article",), outlet_tables=("per_outlet",),
    story_table="per_outlet_story", recount=True, figures=density_figures)
"""The registry's sourcing-density family: ``per_article`` → ``per_outlet`` and
``per_outlet_story``."""
