"""verbs: the attribution-verb profile: how often each outlet says "said" and how often "claimed".

Every attribution has a cue (``said``, ``claimed``, ``according to``, ``believe``...) whose
class comes from ``toolkit/lexicons/attribution_cues.tsv``, and a ``speech`` flag from the
same lexicon's ``speech`` column (``neutral`` and ``loaded`` cues report speech, ``belief``
and ``finding`` cues do not; cues only the learned model accepted, class ``other``, do
not). The profile is about the **speech cues** the outlet chose (rows with a cue whose
``speech`` is true): the share of them that are loaded (``claimed``, ``admitted``,
``insisted``, ``conceded``, ``alleged``, ``boasted``...) and the share that are neutral
(``said``, ``told``...), per article and pooled per outlet with 95% bootstrap intervals
over articles (the registry's :data:`VERB_PROFILE`); speech and loaded cues per 1,000
words as well; and the cue lemmas each outlet uses most (:func:`top_cue_lemmas`).

Only top-level attributions count: an attribution nested inside a quote (``parent_id``
set) has a cue the quoted speaker chose, not the outlet.

Example:
    >>> import pandas as pd
    >>> articles = pd.DataFrame({"doc_id": ["a"], "outlet": ["X"], "text": ["w " * 100]})
    >>> rows = pd.DataFrame({"doc_id": ["a"] * 4, "parent_id": [None] * 4,
    ...     "cue_lemma": ["say", "claim", "say", "believe"],
    ...     "cue_class": ["neutral", "loaded", "neutral", "belief"],
    ...     "speech": [True, True, True, False]})
    >>> profile = verb_profile(articles, rows)
    >>> profile.loc[0, ["share_loaded_cues", "loaded_cues_per_1000_words"]].tolist()
    [0.3333333333333333, 10.0]
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandas as pd

from ..errors import ParameterError
from ..measures import ArticleInputs, Measure, MeasureFamily, add_rates
from ..text import aligned_counts

SHARE_LOADED_CUES = Measure(
    "share_loaded_cues", label="Loaded attribution verbs", unit="share of speech cues",
    description="loaded attribution verbs (claimed, admitted, insisted ...)",
    numerator="loaded_cues", denominator="speech_cues", voice="journalist", figure=True)
SHARE_NEUTRAL_CUES = Measure(
    "share_neutral_cues", label="Neutral attribution verbs", unit="share of speech cues",
    description="neutral attribution verbs (said, told ...)", numerator="neutral_cues",
    denominator="speech_cues", voice="journalist", headline=False)
VERB_MEASURES = (
    SHARE_LOADED_CUES, SHARE_NEUTRAL_CUES,
    Measure("loaded_cues_per_1000_words", label="Loaded attribution verbs",
            unit="per 1,000 words", description="loaded attribution verbs",
            numerator="loaded_cues", denominator="words", scale=1000.0, voice="journalist",
            pairwise=False, headline=False),
    Measure("speech_cues_per_1000_words", label="Speech cues", unit="per 1,000 words",
            description="speech cues (said, claimed, told ...)", numerator="speech_cues",
            denominator="words", scale=1000.0, voice="journalist", pairwise=False,
            headline=False),
)
"""The rates of :func:`verb_profile`."""
CUE_COUNT_COLUMNS = ["speech_cues", "neutral_cues", "loaded_cues"]


def _top_level(attributions: pd.DataFrame) -> pd.DataFrame:
    if attributions.empty or "parent_id" not in attributions:
        return attributions
    return attributions[attributions["parent_id"].isna()]


def speech_cue_flags(rows: pd.DataFrame) -> pd.DataFrame:
    """For each attribution row: 1 when its cue reports speech (``speech`` true and a
    cue), and whether that speech cue is ``neutral`` or ``loaded``.

    Raises:
        ParameterError: the table has no ``speech`` column (made by an older toolkit).

    Example:
        >>> rows = pd.DataFrame({"cue_class": ["loaded", "belief", None],
        ...                      "speech": [True, False, True]})
        >>> speech_cue_flags(rows).values.tolist()
        [[1, 0, 1], [0, 0, 0], [0, 0, 0]]
    """
    if rows.empty:
        return pd.DataFrame(columns=CUE_COUNT_COLUMNS, index=rows.index, dtype=int)
    if "speech" not in rows:
        raise ParameterError("the attributions table has no 'speech' column", field="speech",
                             hint="extract the attributions again with this toolkit")
    cue_class = rows["cue_class"]
    speech = rows["speech"].fillna(False).astype(bool) & cue_class.notna()
    return pd.DataFrame({"speech_cues": speech, "neutral_cues": speech & (cue_class == "neutral"),
                         "loaded_cues": speech & (cue_class == "loaded")}).astype(int)


def verb_profile(articles: pd.DataFrame, attributions: pd.DataFrame, *,
                 text_counts: pd.DataFrame | None = None) -> pd.DataFrame:
    """Per article: speech cues, how many are neutral and loaded, and their shares.

    Args:
        articles: the articles table (``doc_id``, ``outlet``, ``text``); articles with no
            attributions get zero counts (and NaN shares).
        attributions: the attributions table (``doc_id``, ``cue_class``, ``speech``,
            ``parent_id``).
        text_counts: :func:`toolkit.text.word_table` of the articles (counted here when
            not given).

    Returns:
        ``doc_id, outlet, words, speech_cues, neutral_cues, loaded_cues`` and the rates of
        :data:`VERB_MEASURES` (NaN where the denominator is zero).

    Example:
        >>> articles = pd.DataFrame({"doc_id": ["a", "b"], "outlet": ["X", "X"],
        ...                          "text": ["one two", "three"]})
        >>> rows = pd.DataFrame({"doc_id": ["a"], "parent_id": [None], "speech": [True],
        ...                      "cue_lemma": ["admit"], "cue_class": ["loaded"]})
        >>> verb_profile(articles, rows)["share_loaded_cues"].tolist()
        [1.0, nan]
    """
    base = articles[["doc_id", "outlet"]].astype({"doc_id": str}).reset_index(drop=True)
    base["words"] = aligned_counts(articles, text_counts, ["words"])["words"]
    rows = _top_level(attributions)
    if "doc_id" in rows and len(rows):
        per_doc = speech_cue_flags(rows).groupby(rows["doc_id"].astype(str)).sum()
        base = base.join(per_doc, on="doc_id")
    for column in CUE_COUNT_COLUMNS:
        base[column] = base[column].fillna(0).astype(int) if column in base else 0
    return add_rates(base, VERB_MEASURES)


def top_cue_lemmas(attributions: pd.DataFrame, *, n: int = 10,
                   speech_only: bool = True) -> pd.DataFrame:
    """The cue lemmas each outlet uses most, with their class and share.

    Args:
        attributions: the attributions table (``outlet``, ``cue_lemma``, ``cue_class``,
            ``parent_id``).
        n: lemmas per outlet.
        speech_only: only speech cues (:func:`speech_cue_flags`); ``False`` adds
            belief, finding and other cues.

    Returns:
        ``outlet, rank, cue_lemma, cue_class, count, share_of_cues`` (``share_of_cues``:
        of the outlet's cues counted, speech cues by default), most frequent first; ties
        in alphabetical order.

    Example:
        >>> rows = pd.DataFrame({"outlet": ["X"] * 3, "parent_id": [None] * 3,
        ...     "cue_lemma": ["claim", "say", "claim"], "speech": [True] * 3,
        ...     "cue_class": ["loaded", "neutral", "loaded"]})
        >>> top_cue_lemmas(rows, n=1)[["cue_lemma", "count", "share_of_cues"]].values.tolist()
        [['claim', 2, 0.6666666666666666]]
    """
    columns = ["outlet", "rank", "cue_lemma", "cue_class", "count", "share_of_cues"]
    rows = _top_level(attributions)
    if rows.empty:
        return pd.DataFrame(columns=columns)
    rows = rows.dropna(subset=["cue_lemma"])
    if speech_only:
        rows = rows[speech_cue_flags(rows)["speech_cues"] == 1]
    counts = (rows.assign(cue_class=rows["cue_class"].fillna("other"))
              .groupby(["outlet", "cue_lemma", "cue_class"]).size().rename("count")
              .reset_index())
    counts["share_of_cues"] = counts["count"] / counts.groupby("outlet")["count"].transform("sum")
    counts = counts.sort_values(["outlet", "count", "cue_lemma"], ascending=[True, False, True])
    counts["rank"] = counts.groupby("outlet").cumcount() + 1
    return counts[counts["rank"] <= n][columns].reset_index(drop=True)


def _count(inputs: ArticleInputs) -> pd.DataFrame:
    return verb_profile(inputs.articles, inputs.attributions, text_counts=inputs.text_counts)


def _top_cues(tables: Mapping[str, Any]) -> dict[str, pd.DataFrame]:
    return {"top_cues": top_cue_lemmas(tables["attributions"])}


VERB_PROFILE = MeasureFamily(
    name="verb_profile", label="Attribution verbs", section="framing", count=_count,
    measures=VERB_MEASURES, tables=("verb_profile_per_article",),
    outlet_tables=("verb_profile", "top_cues"), outlet=_top_cues, recount=True)
"""The registry's attribution-verb family: ``verb_profile_per_article`` →
``verb_profile`` (pooled) and ``top_cues``."""
