"""frames: the fifteen generic policy frames (Boydstun et al.) scored with seed lexicons.

The Policy Frames Codebook names fifteen ways of framing any policy issue (economic,
capacity and resources, morality, ... , other; :data:`FRAMES`). Each frame has a seed
lexicon of 20 to 40 words and phrases in ``toolkit/lexicons/policy_frames.tsv`` (its
header paraphrases the frame definitions and names the sources). Terms are matched on the
parsed Doc like the certainty terms (:class:`toolkit.framing.terms.TermMatcher`: lemmas
or lower-case forms, multiword terms, longest match first, no overlaps); a term listed
under two frames counts for both.

Per article (:func:`frame_scores`, one row per article and frame): frame-term hits and
hits per 1,000 words. :func:`article_frames` gives each article's **dominant frame**: the
frame with the most hits, ties going to the frame listed first in the codebook, and
``other`` when no frame term occurs (the codebook's residual frame has no seed terms).
Per outlet (:func:`outlet_frames`): hits per 1,000 words and each frame's share of all
frame hits, pooled with 95% bootstrap intervals over articles, and the share of the
outlet's articles each frame dominates.

A dictionary measure shows which considerations an article's vocabulary touches; it is
not a coder's judgement of the frame, and the seed lists are starting points to edit.

Example:
    >>> import pandas as pd
    >>> articles = pd.DataFrame({"doc_id": ["a"], "outlet": ["X"],
    ...     "text": ["Police arrested two men after the fraud cost taxpayers millions."]})
    >>> scores = frame_scores(articles, frame_matches(articles, progress=False))
    >>> article_frames(scores)[["frame_terms", "dominant_frame"]].values.tolist()
    [[5, 'crime_and_punishment']]
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from spacy.tokens import Doc

from .. import plots
from ..measures import ArticleInputs, Measure, MeasureFamily
from ..stats import BOOTSTRAP_SAMPLES, pool_outlets
from ..text import aligned_counts
from .terms import TermMatcher, match_table

FRAME_LEXICON = "policy_frames"
FRAMES = (
    "economic", "capacity_and_resources", "morality", "fairness_and_equality",
    "legality_constitutionality_jurisprudence", "policy_prescription_and_evaluation",
    "crime_and_punishment", "security_and_defense", "health_and_safety", "quality_of_life",
    "cultural_identity", "public_opinion", "political", "external_regulation_and_reputation",
    "other",
)
"""The frame keys, in codebook order (the order that breaks ties)."""
RESIDUAL_FRAME = "other"
MATCH_COLUMNS = ["doc_id", "outlet", "frame", "term", "text", "start", "end"]
SCORE_COLUMNS = ["doc_id", "outlet", "frame", "frame_terms", "words",
                 "frame_terms_per_1000_words"]
FRAME_MEASURES = (
    Measure("frame_terms_per_1000_words", label="Frame terms", unit="per 1,000 words",
            description="frame terms (per frame)", numerator="frame_terms",
            denominator="words", scale=1000.0, pairwise=False, headline=False),
    Measure("share_frame_terms", label="Frame terms", unit="share of all frame terms",
            description="of the frame terms, this frame's", numerator="frame_terms",
            denominator="all_frame_terms", pairwise=False, headline=False),
)
"""The measures of :func:`outlet_frames`, each per frame."""


def frames_of(doc: Doc, *, matcher: TermMatcher | None = None) -> list[dict]:
    """The frame terms of one parsed article.

    Args:
        doc: the parsed article.
        matcher: a :class:`~toolkit.framing.terms.TermMatcher` with label ``frame``
            (default: ``policy_frames.tsv``).

    Returns:
        One dict per frame a match counts for: ``frame, term, text, start, end``
        (character offsets).

    Example:
        >>> from toolkit.nlp import load_pipeline
        >>> doc = load_pipeline()("Troops shelled the border.")
        >>> [(m["frame"][:8], m["text"]) for m in frames_of(doc)]
        [('security', 'Troops'), ('security', 'shelled'), ('security', 'border')]
    """
    matcher = matcher or TermMatcher.from_lexicon(FRAME_LEXICON, label="frame")
    found = []
    for terms, start, end in matcher.matches(doc):
        span = doc[start:end]
        seen: set[str] = set()
        for term in terms:
            if term.label not in seen:
                seen.add(term.label)
                found.append({"frame": term.label, "term": term.term, "text": span.text,
                              "start": span.start_char, "end": span.end_char})
    return found


def frame_matches(articles: pd.DataFrame, *, docs: Iterable[Doc] | None = None,
                  lexicon: str | Path = FRAME_LEXICON,
                  progress: bool | None = None) -> pd.DataFrame:
    """Every frame term in the articles: one row per match and frame
    (:data:`MATCH_COLUMNS`), found by :func:`~toolkit.framing.terms.match_table` with the
    frame lexicon (a name or path; columns ``term, frame, pos``).

    Example:
        >>> articles = pd.DataFrame({"doc_id": ["a"], "outlet": ["X"],
        ...                          "text": ["The court ruled the tax illegal."]})
        >>> frame_matches(articles, progress=False)[["text", "frame"]].values.tolist()[:2]
        [['court', 'legality_constitutionality_jurisprudence'], ['tax', 'economic']]
    """
    return match_table(articles, frames_of, lexicon=lexicon, label="frame",
                       columns=MATCH_COLUMNS, docs=docs, progress=progress)


def frame_scores(articles: pd.DataFrame, matches: pd.DataFrame, *,
                 frames: Sequence[str] = FRAMES,
                 text_counts: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per article and frame: hits and hits per 1,000 words.

    Args:
        articles: the articles table (``doc_id``, ``outlet``, ``text``).
        matches: :func:`frame_matches` of those articles.
        frames: the frame keys, in tie-breaking order (a lexicon of your own may use
            other frames).
        text_counts: :func:`toolkit.text.word_table` of the articles (counted here when
            not given).

    Returns:
        :data:`SCORE_COLUMNS`, every article × frame present (zero hits included).

    Example:
        >>> articles = pd.DataFrame({"doc_id": ["a"], "outlet": ["X"],
        ...                          "text": ["The tax rose and police came."]})
        >>> scores = frame_scores(articles, frame_matches(articles, progress=False))
        >>> float(scores.set_index("frame").loc["economic", "frame_terms_per_1000_words"])
        166.66666666666666
    """
    base = articles[["doc_id", "outlet"]].astype({"doc_id": str}).reset_index(drop=True)
    base["words"] = aligned_counts(articles, text_counts, ["words"])["words"]
    grid = base.merge(pd.DataFrame({"frame": list(frames)}), how="cross")
    hits = (matches.assign(doc_id=matches["doc_id"].astype(str))
            .groupby(["doc_id", "frame"]).size().rename("frame_terms"))
    grid = grid.join(hits, on=["doc_id", "frame"])
    grid["frame_terms"] = grid["frame_terms"].fillna(0).astype(int)
    grid["frame_terms_per_1000_words"] = (1000.0 * grid["frame_terms"]
                                          / grid["words"].replace(0, np.nan))
    return grid[SCORE_COLUMNS]


def article_frames(scores: pd.DataFrame) -> pd.DataFrame:
    """Per article: all frame hits, their rate and the dominant frame.

    The dominant frame has the most hits (ties: the frame listed first in ``scores``,
    codebook order by default); ``other`` when the article has no frame term.

    Returns:
        ``doc_id, outlet, words, frame_terms, frame_terms_per_1000_words,
        dominant_frame, share_frame_terms_dominant`` (the dominant frame's share of the
        article's frame hits; NaN without hits).

    Example:
        >>> scores = pd.DataFrame({"doc_id": ["a", "a"], "outlet": ["X", "X"],
        ...     "frame": ["economic", "political"], "frame_terms": [1, 3], "words": [100, 100]})
        >>> article_frames(scores)[["dominant_frame", "share_frame_terms_dominant"]].values.tolist()
        [['political', 0.75]]
    """
    columns = ["doc_id", "outlet", "words", "frame_terms", "frame_terms_per_1000_words",
               "dominant_frame", "share_frame_terms_dominant"]
    if scores.empty:
        return pd.DataFrame(columns=columns)
    order = {frame: k for k, frame in enumerate(dict.fromkeys(scores["frame"]))}
    ranked = scores.assign(order=scores["frame"].map(order)).sort_values(
        ["doc_id", "frame_terms", "order"], ascending=[True, False, True], kind="stable")
    top = ranked.groupby("doc_id", sort=False).head(1).set_index("doc_id")
    table = scores.groupby("doc_id", sort=False).agg(
        outlet=("outlet", "first"), words=("words", "first"), frame_terms=("frame_terms", "sum"))
    table["frame_terms_per_1000_words"] = (1000.0 * table["frame_terms"]
                                           / table["words"].replace(0, np.nan))
    hits = top["frame_terms"].reindex(table.index)
    table["dominant_frame"] = top["frame"].reindex(table.index).where(hits > 0, RESIDUAL_FRAME)
    table["share_frame_terms_dominant"] = hits / table["frame_terms"].replace(0, np.nan)
    return table.reset_index()[columns]


def outlet_frames(
    scores: pd.DataFrame,
    *,
    by: Sequence[str] = ("outlet",),
    samples: int = BOOTSTRAP_SAMPLES,
    seed: int = 0,
) -> pd.DataFrame:
    """Per outlet and frame: pooled rates with 95% bootstrap CIs, and dominance.

    Returns:
        One row per outlet (or ``by`` group) and frame: ``articles``, ``frame_terms``,
        ``words``, ``all_frame_terms``, ``frame_terms_per_1000_words`` and
        ``share_frame_terms`` (this frame's share of the outlet's frame hits), each with
        ``_low``/``_high``, and ``share_articles_dominant`` (the share of the outlet's
        articles whose dominant frame it is).

    Example:
        >>> scores = pd.DataFrame({"doc_id": ["a", "a", "b", "b"], "outlet": ["X"] * 4,
        ...     "frame": ["economic", "political"] * 2, "frame_terms": [2, 0, 1, 1],
        ...     "words": [100, 100, 300, 300]})
        >>> table = outlet_frames(scores).set_index("frame")
        >>> table.loc["economic", ["frame_terms_per_1000_words",
        ...                        "share_articles_dominant"]].tolist()
        [7.5, 1.0]
    """
    keys = list(by)
    frames = list(dict.fromkeys(scores["frame"]))
    columns = [*keys, "frame", "articles", "frame_terms", "words", "all_frame_terms",
               *[f"{m}{suffix}" for m in ("frame_terms_per_1000_words", "share_frame_terms")
                 for suffix in ("", "_low", "_high")], "share_articles_dominant"]
    if scores.empty:
        return pd.DataFrame(columns=columns)
    hits = (scores.groupby(["doc_id", "frame"], sort=False)["frame_terms"].sum()
            .unstack("frame", fill_value=0)[frames])
    wide = scores.drop_duplicates("doc_id").set_index("doc_id")[[*keys, "words"]].join(
        hits.rename(columns=lambda frame: f"hits {frame}"))
    wide["all_frame_terms"] = hits.sum(axis=1)
    measures = {}
    for frame in frames:
        measures[f"rate {frame}"] = (f"hits {frame}", "words", 1000.0)
        measures[f"share {frame}"] = (f"hits {frame}", "all_frame_terms", 1.0)
    pooled = pool_outlets(wide, measures, by=keys, samples=samples, seed=seed)
    dominant = article_frames(scores).merge(wide[keys].drop(columns="outlet", errors="ignore"),
                                            left_on="doc_id", right_index=True)
    shares = dominant.groupby(keys)["dominant_frame"].value_counts(normalize=True).to_dict()
    rows = []
    for record in pooled.to_dict("records"):
        for frame in frames:
            group = tuple(record[k] for k in keys)
            row = {k: record[k] for k in keys}
            row.update(frame=frame, articles=record["articles"],
                       frame_terms=record[f"hits {frame}"], words=record["words"],
                       all_frame_terms=record["all_frame_terms"])
            for measure, prefix in (("frame_terms_per_1000_words", "rate"),
                                    ("share_frame_terms", "share")):
                for suffix in ("", "_low", "_high"):
                    row[f"{measure}{suffix}"] = record[f"{prefix} {frame}{suffix}"]
            row["share_articles_dominant"] = float(shares.get((*group, frame), 0.0))
            rows.append(row)
    return pd.DataFrame(rows, columns=columns)


def _count(inputs: ArticleInputs) -> pd.DataFrame:
    return frame_scores(inputs.articles, frame_matches(inputs.articles, docs=inputs.docs),
                        text_counts=inputs.text_counts)


def _pool(scores: pd.DataFrame, measures: Sequence[Measure], **options: Any) -> pd.DataFrame:
    return outlet_frames(scores, **options)


def _frames_per_article(tables: Mapping[str, Any]) -> dict[str, pd.DataFrame]:
    return {"frames_per_article": article_frames(tables["frame_scores"])}


def frame_figures(tables: Mapping[str, Any]) -> dict[str, Figure]:
    """Each outlet's frame terms split by frame (stacked shares)."""
    frames = tables.get("frames_by_outlet")
    if frames is None or not len(frames):
        return {}
    shares = frames.pivot(index="outlet", columns="frame", values="share_frame_terms")
    shares = shares.loc[:, shares.sum() > 0].reset_index()
    return {"frames": plots.stacked_shares(
        shares, [c for c in shares.columns if c != "outlet"],
        title="Policy frames by outlet", xlabel="share of frame terms")}


FRAMES_FAMILY = MeasureFamily(
    name="frames", label="Policy frames", section="framing", count=_count,
    measures=FRAME_MEASURES, tables=("frame_scores",),
    outlet_tables=("frames_by_outlet", "frames_per_article"), outlet=_frames_per_article,
    pool=_pool, internal=("frame_scores",), figures=frame_figures)
"""The registry's frame family: ``frame_scores`` (article × frame) → ``frames_by_outlet``
(per outlet and frame) and ``frames_per_article`` (each article's dominant frame)."""
