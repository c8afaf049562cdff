"""analysis: the only orchestrator: every table, comparison, finding and figure, from the registry.

The measures are families registered in :mod:`toolkit.measures`: the built-in ones
(:data:`BUILTIN_FAMILIES`) and any a module outside the package registers. Everything
here loops over them:

1. :func:`article_tables` reads each parsed article once: the ``articles``, their
   ``attributions``, their ``text_counts`` (words in each voice and sentences: the one
   denominator, :func:`toolkit.text.word_table`), and every family's article-level tables:
   the expensive stage, which needs the Docs. A store (:mod:`toolkit.store`) keeps these
   per shard.
2. :func:`outlet_tables` turns them into every family's outlet-level tables (measures
   pooled with bootstrap intervals, propagation, networks, distinctive words...) and
   ``comparisons`` (every pair of outlets on every ``pairwise`` measure): cheap, from the
   tables alone, so a report over a store never parses.
3. :func:`outlet_comparison` (one outlet against the others on every ``headline``
   measure, for :func:`toolkit.findings.describe_differences`), :func:`figures` and
   :func:`measures_by_outlet` (every measure per outlet, by label and unit) are what the
   reports show.

:func:`analyze` runs 1 and 2; :func:`analyze_sourcing` and :func:`analyze_framing` one
section of them.

Example:
    >>> from toolkit import config, load_corpus
    >>> tables = analyze(load_corpus(config.SAMPLE_CORPUS))  # doctest: +SKIP
    >>> tables["per_outlet"].set_index("outlet")["share_secondhand"].idxmax()  # doctest: +SKIP
    'Daily Relay'
    >>> [family.name for family in BUILTIN_FAMILIES if family.section == "sourcing"]
    ['density', 'gender', 'propagation', 'source_network']
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.figure import Figure
from spacy.tokens import Doc

from . import plots
from .attribution.extract import ATTRIBUTION_COLUMNS, attributions_of, resolve_model
from .attribution.identities import identify_speakers
from .errors import ParameterError
from .findings import compare_pairs, describe_pairs
from .findings import outlet_comparison as compare_outlet
from .framing.frames import FRAMES_FAMILY
from .framing.keyterms import keyterms_by_outlet
from .framing.labels import ENTITY_LABELS, LOADED_TERMS
from .framing.scare import SCARE_QUOTES
from .framing.tone import TONE
from .framing.verbs import VERB_PROFILE
from .framing.vocabulary import DISTINCTIVE_TERMS
from .framing.voice import CERTAINTY
from .measures import (
    ArticleInputs,
    Measure,
    MeasureFamily,
    check_families,
    registered,
    unique_measures,
)
from .parse import parse
from .sourcing import PROPAGATION, SOURCE_NETWORK, check_cue_classes, keep_cue_classes
from .sourcing.density import DENSITY
from .sourcing.gender import GENDER
from .stats import BOOTSTRAP_SAMPLES
from .text import word_table

BUILTIN_FAMILIES = (
    DENSITY, GENDER, PROPAGATION, SOURCE_NETWORK, VERB_PROFILE, SCARE_QUOTES, CERTAINTY,
    LOADED_TERMS, FRAMES_FAMILY, TONE, DISTINCTIVE_TERMS, ENTITY_LABELS,
)
"""The toolkit's own measure families, in the order their tables are made."""
ALL = "all"
BASE_TABLES = ("articles", "attributions", "text_counts")
"""The article-level tables every run has, whatever its families."""
FINDING_OUTLETS = 10  # a section's findings compare the outlets with most articles
KEYTERM_METHOD = "textrank"  # sgrank is 5-10x slower on long articles (see keyterms.py)
KEYTERMS_SECTION = "framing"


def families(section: str | None = None) -> tuple[MeasureFamily, ...]:
    """The registered families: the built-in ones, then those from outside the package
    (:func:`toolkit.measures.registered`); only one section's when ``section`` is given.

    Raises:
        ParameterError: two families take the same name, table or measure name.
    """
    found = (*BUILTIN_FAMILIES, *registered())
    check_families(found)
    return found if section in (None, ALL) else tuple(f for f in found if f.section == section)


def sections() -> tuple[str, ...]:
    """``all`` and every family's section (``sourcing``, ``framing`` ...).

    Example:
        >>> sections()[:3]
        ('all', 'sourcing', 'framing')
    """
    return (ALL, *dict.fromkeys(family.section for family in families()))


def _check_section(section: str) -> None:
    if section not in sections():
        raise ParameterError(f"unknown measures {section!r}",
                             hint=f"Use one of {', '.join(sections())}")


def article_table_names() -> tuple[str, ...]:
    """Every article-level table a run (or a store shard) makes: :data:`BASE_TABLES`,
    then each family's, but for the ``corpus_wide`` ones (made with the outlet tables)."""
    return (*BASE_TABLES, *(name for family in families() if not family.corpus_wide
                            for name in family.tables))


def section_tables(section: str = ALL) -> tuple[str, ...]:
    """The tables a section's report lists and saves: the attributions, each family's
    tables (not its internal ones), ``comparisons`` when the section has a ``pairwise``
    measure, and ``keyterms`` for framing."""
    chosen = families(section)
    names = ["attributions"]
    for family in chosen:
        names += [t for t in family.all_tables if t not in family.internal]
    if any(m.pairwise for _, m in unique_measures(chosen)):
        names.append("comparisons")
    if section in (ALL, KEYTERMS_SECTION):
        names.append("keyterms")
    return tuple(dict.fromkeys(names))


def article_tables(
    articles: pd.DataFrame,
    *,
    docs: Sequence[Doc] | None = None,
    attributions: pd.DataFrame | None = None,
    cue_model: Any = "default",
    measures: str = ALL,
    n_process: int = 1,
    progress: bool | None = None,
) -> dict[str, pd.DataFrame]:
    """Every family's article-level tables, from one pass over the Docs.

    Args:
        articles: the articles table.
        docs: the articles' Docs in table order; ``None`` parses them (cached).
        attributions: their attributions table, when already extracted.
        cue_model: the attribution cue model (``"default"``, a file, or ``None``).
        measures: ``"all"``, or one section's families only (``"sourcing"``,
            ``"framing"``; ``articles``, ``attributions`` and ``text_counts`` are always
            there).
        n_process: parser processes.
        progress: progress bar while parsing.

    Raises:
        ParameterError: unknown ``measures``.
    """
    _check_section(measures)
    if docs is None:
        docs = list(parse(articles, n_process=n_process, progress=progress))
    if attributions is None:
        model = resolve_model(cue_model)
        attributions = pd.DataFrame(
            [row for doc, outlet in zip(docs, articles["outlet"])
             for row in attributions_of(doc, outlet=outlet, cue_model=model)],
            columns=ATTRIBUTION_COLUMNS)
    inputs = ArticleInputs(articles, attributions, word_table(articles, docs), docs)
    tables = {"articles": articles, "attributions": attributions,
              "text_counts": inputs.text_counts}
    for family in families(measures):
        if not family.corpus_wide:
            tables.update(family.article_tables(inputs))
    return tables


def identified(tables: Mapping[str, Any]) -> dict[str, Any]:
    """The tables with corpus-wide speaker identities: ``attributions`` gain ``speaker_id``
    and ``speaker_gender``, and ``speakers`` lists the identities
    (:func:`toolkit.attribution.identities.identify_speakers`). Run on the whole corpus
    (all of a store's shards), so one person has one id everywhere; tables that have them
    already are returned as they are."""
    if "speakers" in tables and "speaker_id" in tables["attributions"]:
        return dict(tables)
    articles = tables["articles"]
    found = identify_speakers(tables["attributions"], outlets=articles["outlet"].unique(),
                              articles=articles)
    return {**tables, "attributions": found.attributions, "speakers": found.speakers}


def _has(tables: Mapping[str, Any], names: Sequence[str]) -> bool:
    return all(name in tables for name in names)


def _sections_present(family: MeasureFamily, tables: Mapping[str, Any],
                      chosen: Sequence[MeasureFamily]) -> bool:
    """The run made its section (another family of the section has its article tables),
    so a corpus-wide family of that section is made too."""
    return any(other.tables and not other.corpus_wide and _has(tables, other.tables)
               for other in chosen if other.section == family.section)


def _ready(family: MeasureFamily, tables: Mapping[str, Any],
           chosen: Sequence[MeasureFamily]) -> bool:
    """A family's outlet tables can be made: its article tables are there (a family
    without any, reading the attributions alone, when another of its section's is)."""
    if family.tables:
        return _has(tables, family.tables)
    return any(other.tables and _has(tables, other.tables) for other in chosen
               if other.section == family.section)


def outlet_tables(tables: dict[str, pd.DataFrame], *,
                  cue_classes: Sequence[str] | None = None) -> dict[str, Any]:
    """Every family's outlet-level tables from :func:`article_tables` (of one run, or
    concatenated over a store's shards): those of each family whose article tables are
    there, and ``comparisons``.

    Args:
        tables: the article-level tables.
        cue_classes: keep only attributions of these cue classes (the families that
            count from the attributions alone, ``recount``, are recounted from the kept
            ones).

    Returns:
        The article-level tables plus each family's outlet tables (``per_outlet``,
        ``per_outlet_story`` when articles have stories, ``quotations``, ``carriers``,
        ``credit``, ``top_sources``, ``overlap``, ``network`` (a networkx DiGraph),
        ``verb_profile``, ``top_cues``, ``scare_quotes_by_outlet``,
        ``certainty_by_outlet``, ``loaded_terms_by_outlet``, ``label_pairs``,
        ``frames_by_outlet``, ``frames_per_article``, ``tone_by_outlet``,
        ``distinctive_terms``, ``entity_labels``, and those of registered families) and
        ``comparisons``.
    """
    out = identified(tables)
    chosen = families()
    if check_cue_classes(cue_classes):
        out["attributions"] = keep_cue_classes(out["attributions"], cue_classes)
        inputs = ArticleInputs(out["articles"], out["attributions"], out["text_counts"])
        for family in chosen:
            if family.recount and not family.corpus_wide and _has(out, family.tables):
                out.update(family.article_tables(inputs))
    inputs = ArticleInputs(out["articles"], out["attributions"], out["text_counts"])
    for family in chosen:
        if family.corpus_wide and _sections_present(family, out, chosen):
            out.update(family.article_tables(inputs))
    for family in chosen:
        if _ready(family, out, chosen):
            out.update(family.outlet_results(out))
    pairs = [(family, measure) for family, measure in unique_measures(
        f for f in chosen if f.measures and f.rates_table in out) if measure.pairwise]
    if pairs:
        out["comparisons"] = pd.concat(
            [compare_pairs(out[family.rates_table], measure) for family, measure in pairs],
            ignore_index=True)
    return out


def analyze(
    articles: pd.DataFrame,
    *,
    cue_classes: Sequence[str] | None = None,
    keyterms: bool = True,
    measures: str = ALL,
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
        measures: ``"all"`` or a section (``"sourcing"``, ``"framing"``; see
            :func:`article_tables`).
        docs: the articles' Docs in table order; ``None`` parses them (cached).
        attributions: their attributions table, when already extracted.
        cue_model: the attribution cue model.
        n_process: parser processes.
        progress: progress bar while parsing.

    Raises:
        ParameterError: an unknown cue class or ``measures``.
    """
    check_cue_classes(cue_classes)
    _check_section(measures)
    if docs is None:
        docs = list(parse(articles, n_process=n_process, progress=progress))
    tables = outlet_tables(article_tables(articles, docs=docs, attributions=attributions,
                                          cue_model=cue_model, measures=measures),
                           cue_classes=cue_classes)
    if keyterms and measures in (ALL, KEYTERMS_SECTION):
        tables["keyterms"] = keyterms_by_outlet(articles, docs, method=KEYTERM_METHOD)
    return tables


def analyze_sourcing(
    articles: pd.DataFrame,
    *,
    cue_classes: Sequence[str] | None = None,
    cue_model: Any = "default",
    n_process: int = 1,
    progress: bool | None = None,
) -> dict[str, Any]:
    """The sourcing tables of a corpus (:func:`section_tables` ``"sourcing"``).

    Args:
        articles: the articles table.
        cue_classes: keep only attributions with these cue classes (see
            :func:`toolkit.sourcing.cue_classes`), e.g. ``["neutral", "loaded"]``.
        cue_model: ``"default"``, a model file, or ``None`` for the rules alone.
        n_process: parser processes.
        progress: progress bar while parsing.

    Returns:
        A dict of DataFrames: ``attributions``, ``per_article``, ``per_outlet``,
        ``per_outlet_story`` (when articles have stories), ``comparisons`` (every outlet
        pair on every measure), ``quotes``, ``quotations``, ``carriers``, ``credit``,
        ``top_sources``, ``overlap``; and ``network`` (a networkx DiGraph).
    """
    tables = analyze(articles, cue_classes=cue_classes, keyterms=False, measures="sourcing",
                     cue_model=cue_model, n_process=n_process, progress=progress)
    return {name: tables[name] for name in section_tables("sourcing") if name in tables}


def analyze_framing(
    articles: pd.DataFrame,
    *,
    attributions: pd.DataFrame | None = None,
    docs: Sequence[Doc] | None = None,
    cue_model: Any = "default",
    keyterms: bool = True,
    n_process: int = 1,
    progress: bool | None = None,
) -> dict[str, Any]:
    """The framing tables of a corpus (:func:`section_tables` ``"framing"``).

    Args:
        articles: the articles table.
        attributions: the attributions table, when already extracted.
        docs: the articles' parsed Docs in table order, when already at hand.
        cue_model: for extracting attributions when none are given.
        keyterms: also extract keyterms per outlet (the slowest measure).
        n_process: parser processes.
        progress: progress bar while parsing.

    Returns:
        Named DataFrames: ``distinctive_terms``, ``verb_profile_per_article``,
        ``verb_profile``, ``top_cues``, ``short_quotes`` (every 1-4 word quote with its
        status: scare, partial, title, ...), ``scare_quotes_per_article``,
        ``scare_quotes_by_outlet``, ``certainty_per_article``, ``certainty_by_outlet``,
        ``loaded_term_hits``, ``loaded_terms_per_article``, ``loaded_terms_by_outlet``,
        ``label_pairs``, ``entity_labels``, ``frames_per_article``, ``frames_by_outlet``,
        ``tone_per_article``, ``tone_by_outlet``, ``comparisons``, ``keyterms`` and
        ``attributions``.
    """
    tables = analyze(articles, keyterms=keyterms, measures="framing", docs=docs,
                     attributions=attributions, cue_model=cue_model, n_process=n_process,
                     progress=progress)
    return {name: tables[name] for name in section_tables("framing") if name in tables}


def _pooled(tables: Mapping[str, Any], section: str | None
            ) -> list[tuple[MeasureFamily, Measure]]:
    """Every measure once, with the first family whose pooled table is in ``tables``."""
    return list(unique_measures(f for f in families(section)
                                if f.measures and f.pooled_table in tables))


def outlet_comparison(
    tables: Mapping[str, Any],
    outlet: str,
    versus: str | None = None,
    *,
    samples: int = BOOTSTRAP_SAMPLES,
    seed: int = 0,
) -> pd.DataFrame:
    """One outlet against ``versus`` or all the others, on every ``headline`` measure whose
    table is there (:func:`toolkit.findings.outlet_comparison`); the rows name each
    measure by label, description and unit, for
    :func:`toolkit.findings.describe_differences`.

    Raises:
        ParameterError: the outlet (or ``versus``) has no articles in the tables.
    """
    rates = [(measure, tables[family.rates_table]) for family, measure in unique_measures(
        f for f in families() if f.measures and f.rates_table in tables) if measure.headline]
    return compare_outlet(rates, outlet, versus, samples=samples, seed=seed)


def measure_titles(section: str | None = None) -> dict[str, str]:
    """Column name → ``label (unit)`` of every registered measure (of one section): the
    headers a report's tables show.

    Example:
        >>> measure_titles("sourcing")["share_anonymous"]
        'Anonymous sources (share of attributions)'
    """
    return {measure.name: measure.title for _, measure in unique_measures(families(section))}


def section_findings(tables: Mapping[str, Any], section: str, *, top: int = 6) -> list[str]:
    """The opening sentences of a section's report: the largest differences between
    outlets that exceed their uncertainty, each with its values and 95% interval, from the
    every-pair ``comparisons`` (:func:`toolkit.findings.describe_pairs`).

    Example:
        >>> section_findings({"comparisons": pd.DataFrame(columns=[
        ...     "measure", "exceeds_uncertainty"])}, "framing")[0][:40]  # no rates tables
        'No difference between outlets on these m'
    """
    chosen = [(f, m) for f, m in unique_measures(families(section))
              if (m.pairwise or m.headline) and f.rates_table in tables]
    compared = tables.get("comparisons", pd.DataFrame(columns=["measure"]))
    missing = [(f, m) for f, m in chosen if m.name not in set(compared["measure"])]
    if missing:  # headline measures outside ``comparisons``: the largest outlets' pairs
        largest = tables["articles"]["outlet"].value_counts().index[:FINDING_OUTLETS]
        compared = pd.concat([compared, *(compare_pairs(
            tables[f.rates_table][tables[f.rates_table]["outlet"].isin(largest)], m)
            for f, m in missing)], ignore_index=True)
    return describe_pairs(compared, {m.name: m for _, m in chosen}, top=top)


def figures(tables: Mapping[str, Any], section: str | None = None) -> dict[str, Figure]:
    """Name → matplotlib Figure: for each measure with ``figure`` set, its outlets' pooled
    values with 95% intervals (named after the measure), and each family's own figures;
    of one section when ``section`` is given. Families without their tables are skipped.
    The figures are closed to pyplot, so a notebook shows each where it displays it.
    """
    found: dict[str, Figure] = {}
    for family, measure in _pooled(tables, section):
        table = tables[family.pooled_table]
        if measure.figure and len(table) and f"{measure.name}_low" in table:
            found[measure.name] = plots.interval_plot(
                table, measure.name, title=measure.label, xlabel=f"{measure.unit}, 95% interval")
    for family in families(section):
        if family.figures is not None and _has(tables, family.outlet_tables):
            found.update(family.figures(tables))
    for figure in found.values():
        plt.close(figure)
    return found


MEASURE_TABLE_COLUMNS = ["section", "family", "measure", "label", "unit", "voice", "outlet",
                         "articles", "value", "value_low", "value_high"]


def measures_by_outlet(tables: Mapping[str, Any], section: str | None = None) -> pd.DataFrame:
    """Every measure per outlet, named by its label and unit: one row per measure and
    outlet (measures pooled one row per outlet; the per-frame ones are left to
    ``frames_by_outlet``).

    Returns:
        :data:`MEASURE_TABLE_COLUMNS`, in registry order.
    """
    rows = []
    for family, measure in _pooled(tables, section):
        table = tables[family.pooled_table]
        if not table["outlet"].is_unique:
            continue
        for record in table.to_dict("records"):
            rows.append({
                "section": family.section, "family": family.name, "measure": measure.name,
                "label": measure.label, "unit": measure.unit, "voice": measure.voice,
                "outlet": record["outlet"], "articles": record["articles"],
                "value": record[measure.name], "value_low": record[f"{measure.name}_low"],
                "value_high": record[f"{measure.name}_high"]})
    return pd.DataFrame(rows, columns=MEASURE_TABLE_COLUMNS)


def labelled(table: pd.DataFrame) -> pd.DataFrame:
    """The table as a report shows it: every registered measure named by its label and
    unit (:attr:`toolkit.measures.Measure.title`) instead of its column name: columns
    named after a measure (and their ``_low``/``_high``) renamed, a ``measure`` column's
    values replaced.

    Example:
        >>> table = pd.DataFrame({"outlet": ["A"], "share_secondhand": [0.5]})
        >>> list(labelled(table).columns)
        ['outlet', 'Second-hand attributions (share of attributions)']
    """
    titles = {measure.name: measure.title for _, measure in unique_measures(families())}
    names = {}
    for name, title in titles.items():
        names.update({name: title, f"{name}_low": f"{title}, 95% low",
                      f"{name}_high": f"{title}, 95% high"})
    shown = table.rename(columns=names)
    if "measure" in shown:
        shown["measure"] = shown["measure"].map(lambda m: titles.get(m, m))
    return shown
