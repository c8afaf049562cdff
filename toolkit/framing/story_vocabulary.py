"""story_vocabulary: the words that set an outlet apart on the same stories, topic cancelled.

The corpus-wide list (:func:`toolkit.framing.vocabulary.distinctive_by_outlet`) compares
an outlet's words with everyone else's: an outlet that covers more crime stories shows
crime words, and the list is mostly topic. Here the comparison is made **within each
story** (the corpus's own story ids, or the groups of :func:`toolkit.stories.group`) and
then pooled, so a word every outlet uses on a story cancels on that story.

For outlet *o* and story *s* covered by *o* and at least one other outlet, the weighted
log-odds of Monroe, Colaresi & Quinn (2008) compares *o*'s counts on *s* with the other
outlets' counts on *s* (:func:`toolkit.framing.vocabulary.log_odds`), with an informative
prior from story *s*'s own counts worth ``α_0 · n_s / N`` pseudo-counts (``n_s`` the
story's terms, ``N`` the corpus's: the prior keeps the corpus-wide total ``α_0``, shared
across stories by size). The per-story estimates are pooled by inverse variance:

    δ_w = Σ_s (δ_ws / v_ws) / Σ_s (1 / v_ws),   v_w = 1 / Σ_s (1 / v_ws),   z_w = δ_w / √v_w

so a word counts in proportion to the evidence each story gives (a stratified estimate,
as Mantel-Haenszel pools odds ratios over strata).

Example:
    >>> counts = {("s1", "X"): {"regime": 3, "vote": 5}, ("s1", "Y"): {"vote": 5},
    ...           ("s2", "X"): {"regime": 2, "flood": 6}, ("s2", "Y"): {"flood": 6}}
    >>> table = pooled_log_odds(counts, prior_scale=10)
    >>> table[table["outlet"] == "X"]["term"].tolist()[0]
    'regime'
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from spacy.tokens import Doc

from ..parse import parse
from ..stories import story_ids
from ..stories.ids import StorySource
from ..text import article_docs
from .labels import basil_spans
from .vocabulary import (
    DEFAULT_PRIOR_SCALE,
    Unit,
    distinctive_by_outlet,
    doc_term_counts,
    log_odds,
)

STORY_VOCABULARY_COLUMNS = ["outlet", "rank", "term", "count_outlet", "count_rest", "stories",
                            "delta", "variance", "z"]
BASIL_TOP_K = 20


def story_outlet_counts(
    articles: pd.DataFrame,
    docs: Iterable[Doc] | None = None,
    *,
    stories: pd.Series,
    unit: Unit = "lemma",
) -> dict[tuple[str, str], Counter]:
    """Term counts per (story, outlet); articles without a story are left out.

    Args:
        articles: the articles table (``doc_id``, ``outlet``).
        docs: the parsed articles; ``None`` parses them.
        stories: each article's story (index aligned with ``articles``), e.g. from
            :func:`toolkit.stories.story_ids`.
        unit: ``"lemma"`` or ``"noun_phrase"``.
    """
    story_of = dict(zip(articles["doc_id"].astype(str), stories.to_numpy()))
    counts: dict[tuple[str, str], Counter] = {}
    for doc_id, outlet, doc in article_docs(articles, docs):
        story = story_of.get(doc_id)
        if story is None or pd.isna(story):
            continue
        counts.setdefault((str(story), outlet), Counter()).update(
            doc_term_counts(doc, unit=unit))
    return counts


def pooled_log_odds(
    counts: Mapping[tuple[str, str], Mapping[str, float]],
    *,
    top: int | None = 30,
    prior_scale: float = DEFAULT_PRIOR_SCALE,
) -> pd.DataFrame:
    """Every outlet against the other outlets of the same stories, pooled over stories.

    Args:
        counts: (story, outlet) → term counts (:func:`story_outlet_counts`).
        top: the most distinctive terms kept per outlet; ``None`` keeps all.
        prior_scale: ``α_0`` for the whole corpus, shared across stories by size.

    Returns:
        ``outlet, rank, term, count_outlet, count_rest, stories, delta, variance, z``
        (``count_*`` summed over the stories the outlet shares; ``stories``: how many
        stories gave the term evidence), sorted by outlet and rank.
    """
    by_story: dict[str, dict[str, Mapping[str, float]]] = {}
    for (story, outlet), terms in counts.items():
        by_story.setdefault(story, {})[outlet] = terms
    total = sum(sum(terms.values()) for terms in counts.values())
    pooled: dict[str, list[pd.DataFrame]] = {}
    for outlets in by_story.values():
        if len(outlets) < 2:
            continue
        prior: Counter = Counter()
        for terms in outlets.values():
            prior.update(terms)
        scale = prior_scale * sum(prior.values()) / total
        for outlet, terms in outlets.items():
            rest = prior.copy()
            rest.subtract(terms)
            table = log_odds(terms, +rest, prior, prior_scale=scale)
            pooled.setdefault(outlet, []).append(table)
    tables = []
    for outlet in sorted(pooled):
        frame = pd.concat(pooled[outlet], ignore_index=True)
        frame["weight"] = 1.0 / frame["variance"]
        frame["weighted_delta"] = frame["delta"] * frame["weight"]
        summed = frame.groupby("term").agg(
            count_outlet=("count_a", "sum"), count_rest=("count_b", "sum"),
            stories=("delta", "size"), weight=("weight", "sum"),
            weighted_delta=("weighted_delta", "sum")).reset_index()
        summed["delta"] = summed["weighted_delta"] / summed["weight"]
        summed["variance"] = 1.0 / summed["weight"]
        summed["z"] = summed["delta"] / np.sqrt(summed["variance"])
        summed = summed.sort_values(["z", "term"], ascending=[False, True], ignore_index=True)
        if top is not None:
            summed = summed.head(top)
        summed.insert(0, "outlet", outlet)
        summed.insert(1, "rank", np.arange(1, len(summed) + 1))
        tables.append(summed[STORY_VOCABULARY_COLUMNS])
    if not tables:
        return pd.DataFrame(columns=STORY_VOCABULARY_COLUMNS)
    return pd.concat(tables, ignore_index=True)


def distinctive_within_stories(
    articles: pd.DataFrame,
    docs: Iterable[Doc] | None = None,
    *,
    story_source: StorySource = "auto",
    stories: pd.DataFrame | None = None,
    unit: Unit = "lemma",
    top: int | None = 30,
    prior_scale: float = DEFAULT_PRIOR_SCALE,
) -> pd.DataFrame:
    """Each outlet's distinctive terms on the stories it shares with other outlets.

    Args:
        articles: the articles table (``doc_id``, ``outlet``, ``text``, and ``story``
            when the corpus has its own).
        docs: the parsed articles; ``None`` parses them.
        story_source: ``"auto"``, ``"corpus"`` or ``"grouped"``
            (:func:`toolkit.stories.story_ids`).
        stories: a :func:`toolkit.stories.group` result, to avoid grouping again.
        unit: ``"lemma"`` or ``"noun_phrase"``.
        top: terms kept per outlet; ``None`` keeps all.
        prior_scale: ``α_0`` (see the module docstring).

    Returns:
        The :func:`pooled_log_odds` table.

    Example:
        >>> articles = pd.DataFrame({"doc_id": list("abcd"), "outlet": ["X", "Y"] * 2,
        ...     "story": ["s1", "s1", "s2", "s2"],
        ...     "text": ["The regime voted.", "The government voted.",
        ...              "The regime flooded.", "The government flooded."]})
        >>> table = distinctive_within_stories(articles, top=1)
        >>> table[["outlet", "term"]].values.tolist()
        [['X', 'regime'], ['Y', 'government']]
    """
    ids = story_ids(articles, story_source=story_source, stories=stories)
    counts = story_outlet_counts(articles, docs, stories=ids, unit=unit)
    return pooled_log_odds(counts, top=top, prior_scale=prior_scale)


def _lex_lemmas(articles: pd.DataFrame, docs: list[Doc], spans: pd.DataFrame
                ) -> dict[str, set[str]]:
    """Per outlet, the lemmas of the tokens inside its articles' ``lex`` spans."""
    lex = spans[(spans["bias"] == "lex") & spans["placed"]]
    by_doc = {doc_id: list(zip(g["start"], g["end"])) for doc_id, g in lex.groupby("doc_id")}
    lemmas: dict[str, set[str]] = {}
    for doc_id, outlet, doc in article_docs(articles, docs):
        bounds = by_doc.get(doc_id, [])
        found = lemmas.setdefault(outlet, set())
        for token in doc:
            if any(start <= token.idx < end for start, end in bounds):
                found.add(token.lemma_.lower())
    return lemmas


def basil_lex_hit_rates(corpus_dir: str | Path, *, k: int = BASIL_TOP_K) -> dict[str, Any]:
    """How many of each outlet's top-``k`` words fall inside BASIL's lexical-bias spans,
    corpus-wide (:func:`~toolkit.framing.vocabulary.distinctive_by_outlet`) and within
    stories (:func:`distinctive_within_stories`, BASIL's own triplets), on the same
    articles.

    A top word of an outlet is a hit when a token with that lemma lies inside one of the
    ``lex`` spans annotated in that outlet's articles (spans placed by
    :func:`toolkit.framing.labels.basil_spans`).

    Returns:
        ``k``, ``outlets``, ``hit_rate_corpus_wide``, ``hit_rate_within_stories`` and the
        two word tables (``corpus_wide``, ``within_stories``: ``outlet, rank, term, hit``).

    Example:
        >>> rates = basil_lex_hit_rates("../shared/corpora/basil")  # doctest: +SKIP
    """
    from ..corpus import load_corpus

    articles = load_corpus(corpus_dir)
    docs = list(parse(articles))
    lemmas = _lex_lemmas(articles, docs, basil_spans(corpus_dir))
    tables = {
        "corpus_wide": distinctive_by_outlet(articles, docs, unit="lemma", top=k),
        "within_stories": distinctive_within_stories(articles, docs, story_source="corpus",
                                                     top=k),
    }
    result: dict[str, Any] = {"k": k, "outlets": int(articles["outlet"].nunique())}
    for name, table in tables.items():
        table = table[["outlet", "rank", "term"]].copy()
        table["hit"] = [term in lemmas.get(outlet, set())
                        for outlet, term in zip(table["outlet"], table["term"])]
        result[f"hit_rate_{name}"] = round(float(table["hit"].mean()), 4)
        result[name] = table
    return result
