"""analysis: every table of the toolkit, in two stages.

1. :func:`article_tables` reads each parsed article once and returns article-level tables
   (attributions, per-article counts, quotes, term and entity counts...): the expensive
   stage, which needs the Docs. A store (:mod:`toolkit.store`) keeps these per shard.
2. :func:`outlet_tables` turns them into the outlet-level tables (pooled measures with
   bootstrap intervals, comparisons, propagation, networks, distinctive words...): cheap,
   from the tables alone, so a report over a store never parses.

:func:`analyze` runs both.

Example:
    >>> from toolkit import config, load_corpus
    >>> tables = analyze(load_corpus(config.SAMPLE_CORPUS))  # doctest: +SKIP
    >>> tables["per_outlet"].set_index("outlet")["share_secondhand"].idxmax()  # doctest: +SKIP
    'Daily Relay'
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pandas as pd
from spacy.tokens import Doc

from .attribution.extract import ATTRIBUTION_COLUMNS, attributions_of, resolve_model
from .errors import ParameterError
from .framing.frames import article_frames, frame_matches, frame_scores, outlet_frames
from .framing.keyterms import keyterms_by_outlet
from .framing.labels import (
    doc_entity_labels,
    entity_labels_from_counts,
    label_pairs_by_outlet,
    loaded_term_hits,
    loaded_terms_by_outlet,
    loaded_terms_per_article,
)
from .framing.scare import outlet_scare_quotes, scare_quote_rates, short_quotes
from .framing.tone import article_tone, outlet_tone, sentence_tone
from .framing.verbs import outlet_verb_profile, top_cue_lemmas, verb_profile
from .framing.vocabulary import distinctive_from_counts, doc_term_counts
from .framing.voice import certainty_matches, certainty_per_article, outlet_certainty
from .parse import parse
from .sourcing import check_cue_classes, keep_cue_classes, quoted_word_count
from .sourcing.density import POOLED, article_density, compare_outlets, outlet_density
from .sourcing.network import source_network, source_overlap, top_sources
from .sourcing.propagation import credit_summary, propagation, quote_table

DISTINCTIVE_TOP = 50  # terms kept at each end of every outlet's log-odds ranking
KEYTERM_METHOD = "textrank"  # sgrank is 5-10x slower on long articles (see keyterms.py)
ARTICLE_TABLES = (
    "articles", "attributions", "per_article", "quotes", "verb_profile_per_article",
    "short_quotes", "scare_quotes_per_article", "certainty_per_article", "loaded_term_hits",
    "loaded_terms_per_article", "frame_scores", "tone_per_article", "term_counts",
    "entity_mentions", "entity_words",
)


MEASURES = ("all", "sourcing", "framing")


def _check_measures(measures: str) -> None:
    if measures not in MEASURES:
        raise ParameterError(f"unknown measures {measures!r}",
                             hint=f"Use one of {', '.join(MEASURES)}")


def article_tables(
    articles: pd.DataFrame,
    *,
    docs: Sequence[Doc] | None = None,
    attributions: pd.DataFrame | None = None,
    cue_model: Any = "default",
    measures: str = "all",
    n_process: int = 1,
    progress: bool | None = None,
) -> dict[str, pd.DataFrame]:
    """The article-level tables of :data:`ARTICLE_TABLES`, from one pass over the Docs.

    Args:
        articles: the articles table.
        docs: the articles' Docs in table order; ``None`` parses them (cached).
        attributions: their attributions table, when already extracted.
        cue_model: the attribution cue model (``"default"``, a file, or ``None``).
        measures: ``"all"``, or only the ``"sourcing"`` or the ``"framing"`` tables
            (``articles`` and ``attributions`` are always there).
        n_process: parser processes.
        progress: progress bar while parsing.

    Raises:
        ParameterError: unknown ``measures``.
    """
    _check_measures(measures)
    if docs is None:
        docs = list(parse(articles, n_process=n_process, progress=progress))
    if attributions is None:
        model = resolve_model(cue_model)
        attributions = pd.DataFrame(
            [row for doc, outlet in zip(docs, articles["outlet"])
             for row in attributions_of(doc, outlet=outlet, cue_model=model)],
            columns=ATTRIBUTION_COLUMNS)
    tables = {"articles": articles, "attributions": attributions}
    if measures in ("all", "sourcing"):
        sentences = {doc.user_data["doc_id"]: sum(1 for s in doc.sents if not s.text.isspace())
                     for doc in docs}
        quoted = {d: quoted_word_count(t) for d, t in zip(articles["doc_id"], articles["text"])}
        tables["per_article"] = article_density(articles, attributions, sentences=sentences,
                                                quoted_words=quoted)
        tables["quotes"] = quote_table(articles, attributions)
    if measures in ("all", "framing"):
        hits = loaded_term_hits(docs, articles=articles)
        scare = short_quotes(articles, attributions, docs=docs)
        terms, mentions, words = _count_tables(articles, docs)
        tables.update({
            "verb_profile_per_article": verb_profile(articles, attributions),
            "short_quotes": scare,
            "scare_quotes_per_article": scare_quote_rates(articles, scare),
            "certainty_per_article": certainty_per_article(
                articles, certainty_matches(articles, docs=docs)),
            "loaded_term_hits": hits,
            "loaded_terms_per_article": loaded_terms_per_article(articles, hits),
            "frame_scores": frame_scores(articles, frame_matches(articles, docs=docs)),
            "tone_per_article": article_tone(articles, sentence_tone(articles, docs=docs)),
            "term_counts": terms,
            "entity_mentions": mentions,
            "entity_words": words,
        })
    return {name: tables[name] for name in ARTICLE_TABLES if name in tables}


def _count_tables(articles: pd.DataFrame, docs: Sequence[Doc]
                  ) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """Per article: lemma counts (``doc_id, outlet, term, count``), entity mentions
    (``doc_id, outlet, entity, entity_type, count``) and the words attached to them
    (``... word, count``); per article so any selection of articles can be summed."""
    terms, mentions, words = [], [], []
    for doc_id, outlet, doc in zip(articles["doc_id"], articles["outlet"], docs):
        terms += [(doc_id, outlet, term, n) for term, n in doc_term_counts(doc).items()]
        doc_mentions, doc_words = doc_entity_labels(doc)
        mentions += [(doc_id, outlet, *key, n) for key, n in doc_mentions.items()]
        words += [(doc_id, outlet, *key, n) for key, n in doc_words.items()]
    return (pd.DataFrame(terms, columns=["doc_id", "outlet", "term", "count"]),
            pd.DataFrame(mentions, columns=["doc_id", "outlet", "entity", "entity_type",
                                            "count"]),
            pd.DataFrame(words, columns=["doc_id", "outlet", "entity", "entity_type", "word",
                                         "count"]))


def _sum_counts(table: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    """Counts that shards split (term, entity) summed back together."""
    return table.groupby(keys, as_index=False)["count"].sum() if len(table) else table


def outlet_tables(tables: dict[str, pd.DataFrame], *,
                  cue_classes: Sequence[str] | None = None) -> dict[str, Any]:
    """The outlet-level tables from :func:`article_tables` (of one run, or concatenated
    over a store's shards): the sourcing ones when ``per_article`` is there, the framing
    ones when ``term_counts`` is.

    Args:
        tables: the article-level tables.
        cue_classes: keep only attributions of these cue classes (per-article sourcing
            measures are recomputed from the kept ones).

    Returns:
        The article-level tables plus ``per_outlet``, ``per_outlet_story`` (when articles
        have stories), ``comparisons``, ``quotations``, ``carriers``, ``credit``,
        ``top_sources``, ``overlap``, ``network`` (a networkx DiGraph),
        ``distinctive_terms``, ``verb_profile``, ``top_cues``, ``scare_quotes_by_outlet``,
        ``certainty_by_outlet``, ``loaded_terms_by_outlet``, ``label_pairs``,
        ``entity_labels``, ``frames_per_article``, ``frames_by_outlet``, ``tone_by_outlet``.
    """
    out: dict[str, Any] = dict(tables)
    if check_cue_classes(cue_classes):
        articles = tables["articles"]
        attributions = keep_cue_classes(tables["attributions"], cue_classes)
        out["attributions"] = attributions
        if "per_article" in tables:
            per_article = tables["per_article"]
            out["per_article"] = article_density(
                articles, attributions, sentences=dict(zip(per_article["doc_id"],
                                                           per_article["sentences"])),
                quoted_words=dict(zip(per_article["doc_id"], per_article["quoted_words"])))
        if "verb_profile_per_article" in tables:
            out["verb_profile_per_article"] = verb_profile(articles, attributions)
    attributions = out["attributions"]
    if "per_article" in out:
        per_article = out["per_article"]
        quotations, carriers = propagation(out["quotes"])
        out.update({
            "per_outlet": outlet_density(per_article),
            "comparisons": pd.concat([compare_outlets(per_article, m) for m in POOLED],
                                     ignore_index=True),
            "quotations": quotations, "carriers": carriers, "credit": credit_summary(carriers),
            "top_sources": top_sources(attributions),
            "overlap": source_overlap(attributions),
            "network": source_network(attributions),
        })
        if per_article["story"].notna().any():
            out["per_outlet_story"] = outlet_density(per_article.dropna(subset=["story"]),
                                                     by=["outlet", "story"])
    if "term_counts" in out:
        out.update({
            "distinctive_terms": distinctive_from_counts(
                _sum_counts(out["term_counts"], ["outlet", "term"]), top=DISTINCTIVE_TOP),
            "verb_profile": outlet_verb_profile(out["verb_profile_per_article"]),
            "top_cues": top_cue_lemmas(attributions),
            "scare_quotes_by_outlet": outlet_scare_quotes(out["scare_quotes_per_article"]),
            "certainty_by_outlet": outlet_certainty(out["certainty_per_article"]),
            "loaded_terms_by_outlet": loaded_terms_by_outlet(out["articles"],
                                                             out["loaded_term_hits"]),
            "label_pairs": label_pairs_by_outlet(out["loaded_term_hits"]),
            "entity_labels": entity_labels_from_counts(
                _sum_counts(out["entity_mentions"], ["outlet", "entity", "entity_type"]),
                _sum_counts(out["entity_words"],
                            ["outlet", "entity", "entity_type", "word"])),
            "frames_per_article": article_frames(out["frame_scores"]),
            "frames_by_outlet": outlet_frames(out["frame_scores"]),
            "tone_by_outlet": outlet_tone(out["tone_per_article"]),
        })
    return out


def analyze(
    articles: pd.DataFrame,
    *,
    cue_classes: Sequence[str] | None = None,
    keyterms: bool = True,
    measures: str = "all",
    docs: Sequence[Doc] | None = None,
    attributions: pd.DataFrame | None = None,
    cue_model: Any = "default",
    n_process: int = 1,
    progress: bool | None = None,
) -> dict[str, Any]:
    """Every table of the toolkit for a corpus: :func:`article_tables`, then
    :func:`outlet_tables`, plus ``keyterms`` (textacy, from the Docs) when asked.

    Args:
        articles: the articles table.
        cue_classes: attribution cue classes kept (``None`` keeps all).
        keyterms: include keyterms per outlet (the slowest measure; framing).
        measures: ``"all"``, ``"sourcing"`` or ``"framing"`` (see :func:`article_tables`).
        docs: the articles' Docs in table order; ``None`` parses them (cached).
        attributions: their attributions table, when already extracted.
        cue_model: the attribution cue model.
        n_process: parser processes.
        progress: progress bar while parsing.

    Raises:
        ParameterError: an unknown cue class or ``measures``.
    """
    check_cue_classes(cue_classes)
    _check_measures(measures)
    if docs is None:
        docs = list(parse(articles, n_process=n_process, progress=progress))
    tables = outlet_tables(article_tables(articles, docs=docs, attributions=attributions,
                                          cue_model=cue_model, measures=measures),
                           cue_classes=cue_classes)
    if keyterms and measures != "sourcing":
        tables["keyterms"] = keyterms_by_outlet(articles, docs, method=KEYTERM_METHOD)
    return tables
