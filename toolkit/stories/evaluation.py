"""evaluation: how well story grouping recovers a corpus's own story ids.

The corpus is grouped blind (:func:`evaluate`): only each article's title, text and date
are kept, the rows are shuffled and given random ids, so nothing but content and date can
reach the grouping; the groups are then compared with the corpus's ``story`` column.

- **B-cubed** precision, recall and F1 (Bagga & Baldwin 1998): for each article, the
  share of its predicted group that shares its gold story (precision) and the share of
  its gold story found in its predicted group (recall), averaged over articles; F1 is
  their harmonic mean. A lone article counts as a group of one.
- **Adjusted Rand index** (scikit-learn): agreement on every pair of articles, corrected
  for chance (0 = chance, 1 = identical).
- **Baseline**: TF-IDF vectors (English stop words, sublinear tf) and scikit-learn's
  average-linkage clustering at one cosine distance (0.8), no date, no window; the
  figure every grouping method should beat.

Articles without a gold story are grouped with the others but not scored.

Example:
    >>> round(bcubed([0, 0, 1, 1], ["a", "a", "a", "b"])["f1"], 3)
    0.706
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from sklearn.cluster import AgglomerativeClustering
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics import adjusted_rand_score

from ..errors import ParameterError
from .grouping import group

BASELINE_DISTANCE = 0.8
"""The baseline's cosine distance threshold (similarity 0.2)."""


def bcubed(predicted, gold) -> dict[str, float]:
    """B-cubed precision, recall and F1 of a grouping against gold groups.

    Args:
        predicted: a group label per article.
        gold: the gold group label per article, in the same order.

    Example:
        >>> scores = bcubed([0, 0, 1], ["x", "y", "y"])
        >>> {k: round(v, 3) for k, v in scores.items()}
        {'precision': 0.667, 'recall': 0.667, 'f1': 0.667}
    """
    table = pd.DataFrame({"predicted": np.asarray(predicted), "gold": np.asarray(gold)})
    if table.empty:
        raise ParameterError("no articles to score")
    both = table.groupby(["predicted", "gold"])["gold"].transform("size")
    precision = float((both / table.groupby("predicted")["gold"].transform("size")).mean())
    recall = float((both / table.groupby("gold")["predicted"].transform("size")).mean())
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1}


def baseline_groups(articles: pd.DataFrame, *, distance: float = BASELINE_DISTANCE
                    ) -> np.ndarray:
    """The baseline's groups: TF-IDF and average linkage at one cosine distance.

    Compares every pair of articles (dense), so it is for evaluation corpora, not large
    ones.

    Example:
        >>> frame = pd.DataFrame({"title": ["", "", ""], "text": [
        ...     "Flood closes the bridge", "The bridge closes after the flood",
        ...     "Council votes on the budget"]})
        >>> baseline_groups(frame).tolist()
        [0, 0, 1]
    """
    if len(articles) < 2:
        return np.zeros(len(articles), dtype=int)
    texts = (articles["title"].fillna("") + "\n" + articles["text"].fillna("")).tolist()
    vectors = TfidfVectorizer(stop_words="english", sublinear_tf=True).fit_transform(texts)
    model = AgglomerativeClustering(n_clusters=None, metric="cosine", linkage="average",
                                    distance_threshold=distance)
    labels = model.fit_predict(vectors.toarray())
    _, first_seen = np.unique(labels, return_index=True)
    renumber = {label: n for n, label in enumerate(labels[np.sort(first_seen)])}
    return np.array([renumber[label] for label in labels])


def blind(articles: pd.DataFrame, *, seed: int = 0) -> tuple[pd.DataFrame, np.ndarray]:
    """The articles as grouping may see them: title, text and date only, rows shuffled,
    random ids; and for each blind row, the position of its article in ``articles``.

    Example:
        >>> frame = pd.DataFrame({"doc_id": ["a", "b"], "story": ["s", "s"],
        ...                       "title": ["T1", "T2"], "text": ["x", "y"]})
        >>> seen, origin = blind(frame)
        >>> sorted(seen.columns), sorted(origin.tolist())
        (['doc_id', 'published', 'text', 'title'], [0, 1])
    """
    rng = np.random.default_rng(seed)
    origin = rng.permutation(len(articles))
    source = articles.iloc[origin]
    seen = pd.DataFrame({
        "doc_id": [f"{value:016x}" for value in rng.integers(0, 2**63, len(articles))],
        "title": source["title"].to_numpy() if "title" in source else "",
        "text": source["text"].to_numpy(),
        "published": source["published"].to_numpy() if "published" in source else pd.NaT,
    })
    return seen, origin


def evaluate(articles: pd.DataFrame, *, seed: int = 0, baseline: bool = True,
             **options) -> dict[str, float | int | None]:
    """Group the corpus blind and score the groups against its ``story`` column.

    Args:
        articles: a corpus with ``story`` on at least two articles.
        seed: the shuffle and the random ids.
        baseline: also score the TF-IDF average-linkage baseline (all pairs: small
            corpora only).
        **options: passed to :func:`~toolkit.stories.grouping.group` (``window_days``,
            ``threshold``, ``attach_threshold``).

    Returns:
        ``articles`` (scored), ``stories`` (gold), ``clusters`` (predicted, among the
        scored articles), ``bcubed_precision``, ``bcubed_recall``, ``bcubed_f1``,
        ``adjusted_rand``, and ``baseline_bcubed_precision``, ``baseline_bcubed_recall``,
        ``baseline_bcubed_f1``, ``baseline_adjusted_rand`` (``None`` without baseline).

    Raises:
        ParameterError: the corpus has no story ids to compare with.
    """
    if "story" not in articles or articles["story"].notna().sum() < 2:
        raise ParameterError("the corpus has no story ids to compare with", field="story",
                             hint="evaluate stories needs a corpus whose articles carry "
                             "a story (BASIL's triplets, news_clusters' events)")
    seen, origin = blind(articles, seed=seed)
    predicted = np.empty(len(articles), dtype=np.int64)
    predicted[origin] = group(seen, **options)["cluster"].to_numpy()
    gold = articles["story"].to_numpy()
    scored = articles["story"].notna().to_numpy()
    result: dict[str, float | int | None] = {
        "articles": int(scored.sum()), "stories": int(pd.Series(gold[scored]).nunique()),
        "clusters": int(pd.Series(predicted[scored]).nunique()),
    }
    figures = {"": predicted}
    if baseline:
        base = np.empty(len(articles), dtype=np.int64)
        base[origin] = baseline_groups(seen)
        figures["baseline_"] = base
    for prefix in ("", "baseline_"):
        if prefix not in figures:
            result.update({f"{prefix}bcubed_{k}": None for k in ("precision", "recall", "f1")})
            result[f"{prefix}adjusted_rand"] = None
            continue
        labels = figures[prefix][scored]
        scores = bcubed(labels, gold[scored])
        result.update({f"{prefix}bcubed_{k}": round(v, 4) for k, v in scores.items()})
        result[f"{prefix}adjusted_rand"] = round(float(adjusted_rand_score(gold[scored], labels)),
                                                 4)
    return result
