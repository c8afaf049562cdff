"""verbs: the attribution-verb profile: how often each outlet says "said" and how often "claimed".

Every attribution has a cue (``said``, ``claimed``, ``according to``, ``believe``...) whose
class comes from ``toolkit/lexicons/attribution_cues.tsv``: ``neutral`` and ``loaded``
cues report speech, ``belief`` and ``finding`` cues do not (and cues found by the learned
model outside the lexicon are ``other``). The profile is about the **speech cues** the
outlet chose: the share of them that are loaded (``claimed``, ``admitted``, ``insisted``,
``conceded``, ``alleged``, ``boasted``...) and the share that are neutral (``said``,
``told``...), per article and pooled per outlet with 95% bootstrap intervals over
articles (:func:`toolkit.stats.pool_outlets`); loaded cues per 1,000 words as
well; and the cue lemmas each outlet uses most (:func:`top_cue_lemmas`).

Only top-level attributions count: an attribution nested inside a quote (``parent_id``
set) has a cue the quoted speaker chose, not the outlet.

Example:
    >>> import pandas as pd
    >>> articles = pd.DataFrame({"doc_id": ["a"], "outlet": ["X"], "text": ["w " * 100]})
    >>> rows = pd.DataFrame({"doc_id": ["a"] * 4, "parent_id": [None] * 4,
    ...     "cue_lemma": ["say", "claim", "say", "believe"],
    ...     "cue_class": ["neutral", "loaded", "neutral", "belief"]})
    >>> profile = verb_profile(articles, rows)
    >>> profile.loc[0, ["share_loaded_cues", "loaded_cues_per_1000_words"]].tolist()
    [0.3333333333333333, 10.0]
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from ..stats import BOOTSTRAP_SAMPLES, add_article_rates, pool_outlets
from .voice import count_words

SPEECH_CLASSES = ("neutral", "loaded")
VERB_MEASURES: dict[str, tuple[str, str, float]] = {
    "share_loaded_cues": ("loaded_cues", "speech_cues", 1.0),
    "share_neutral_cues": ("neutral_cues", "speech_cues", 1.0),
    "loaded_cues_per_1000_words": ("loaded_cues", "words", 1000.0),
    "speech_cues_per_1000_words": ("speech_cues", "words", 1000.0),
}
"""The rates of :func:`verb_profile`, each ``(numerator, denominator, scale)``."""


def _top_level(attributions: pd.DataFrame) -> pd.DataFrame:
    if attributions.empty or "parent_id" not in attributions:
        return attributions
    return attributions[attributions["parent_id"].isna()]


def verb_profile(articles: pd.DataFrame, attributions: pd.DataFrame) -> pd.DataFrame:
    """Per article: speech cues, how many are neutral and loaded, and their shares.

    Args:
        articles: the articles table (``doc_id``, ``outlet``, ``text``); articles with no
            attributions get zero counts (and NaN shares).
        attributions: the attributions table (``doc_id``, ``cue_class``, ``parent_id``).

    Returns:
        ``doc_id, outlet, words, speech_cues, neutral_cues, loaded_cues`` and the rates of
        :data:`VERB_MEASURES` (NaN where the denominator is zero).

    Example:
        >>> articles = pd.DataFrame({"doc_id": ["a", "b"], "outlet": ["X", "X"],
        ...                          "text": ["one two", "three"]})
        >>> rows = pd.DataFrame({"doc_id": ["a"], "parent_id": [None],
        ...                      "cue_lemma": ["admit"], "cue_class": ["loaded"]})
        >>> verb_profile(articles, rows)["share_loaded_cues"].tolist()
        [1.0, nan]
    """
    base = articles[["doc_id", "outlet"]].astype({"doc_id": str}).reset_index(drop=True)
    base["words"] = [count_words(text) for text in articles["text"].fillna("")]
    rows = _top_level(attributions)
    cue_class = rows["cue_class"] if "cue_class" in rows else pd.Series(dtype=str)
    doc_ids = rows["doc_id"].astype(str) if "doc_id" in rows else pd.Series(dtype=str)
    for column, classes in (("speech_cues", SPEECH_CLASSES), ("neutral_cues", ("neutral",)),
                            ("loaded_cues", ("loaded",))):
        per_doc = doc_ids[cue_class.isin(classes)].value_counts()
        base[column] = base["doc_id"].map(per_doc).fillna(0).astype(int)
    return add_article_rates(base, VERB_MEASURES)


def outlet_verb_profile(
    per_article: pd.DataFrame,
    *,
    by: Sequence[str] = ("outlet",),
    samples: int = BOOTSTRAP_SAMPLES,
    seed: int = 0,
) -> pd.DataFrame:
    """The measures of :func:`verb_profile` pooled per outlet, with 95% bootstrap CIs.

    Each share is pooled over the outlet's speech cues (``Σ loaded / Σ speech``), so an
    article with many attributions weighs more; the interval resamples articles.

    Returns:
        One row per outlet (or ``by`` group): ``articles``, the summed counts, and per
        measure ``<measure>``, ``<measure>_low``, ``<measure>_high``.

    Example:
        >>> per_article = pd.DataFrame({"outlet": ["X", "X"], "words": [100, 100],
        ...     "speech_cues": [3, 1], "neutral_cues": [1, 1], "loaded_cues": [2, 0]})
        >>> float(outlet_verb_profile(per_article).loc[0, "share_loaded_cues"])
        0.5
    """
    return pool_outlets(per_article, VERB_MEASURES, by=by, samples=samples, seed=seed)


def top_cue_lemmas(attributions: pd.DataFrame, *, n: int = 10,
                   speech_only: bool = True) -> pd.DataFrame:
    """The cue lemmas each outlet uses most, with their class and share.

    Args:
        attributions: the attributions table (``outlet``, ``cue_lemma``, ``cue_class``,
            ``parent_id``).
        n: lemmas per outlet.
        speech_only: only speech cues (neutral and loaded); ``False`` adds belief,
            finding and other cues.

    Returns:
        ``outlet, rank, cue_lemma, cue_class, count, share_of_cues`` (``share_of_cues``:
        of the outlet's cues counted, speech cues by default), most frequent first; ties
        in alphabetical order.

    Example:
        >>> rows = pd.DataFrame({"outlet": ["X"] * 3, "parent_id": [None] * 3,
        ...     "cue_lemma": ["claim", "say", "claim"],
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
        rows = rows[rows["cue_class"].isin(SPEECH_CLASSES)]
    counts = (rows.assign(cue_class=rows["cue_class"].fillna("other"))
              .groupby(["outlet", "cue_lemma", "cue_class"]).size().rename("count")
              .reset_index())
    counts["share_of_cues"] = counts["count"] / counts.groupby("outlet")["count"].transform("sum")
    counts = counts.sort_values(["outlet", "count", "cue_lemma"], ascending=[True, False, True])
    counts["rank"] = counts.groupby("outlet").cumcount() + 1
    return counts[counts["rank"] <= n][columns].reset_index(drop=True)
