"""measures: the registry of measures: what each one is, how it is counted, pooled and shown.

A :class:`Measure` is one rate: ``scale × numerator / denominator`` over per-article count
columns, with the label, unit and one-line description reports show instead of its
snake_case name, the voice whose words it counts, whether outlets are compared on it and
whether it has a figure. Every measure is pooled per outlet the same way: the summed
numerators over the summed denominators of the outlet's articles (long articles weigh
more, as a reader's exposure does), with a 95% percentile bootstrap interval that
resamples articles (:func:`toolkit.stats.pool_outlets`).

A :class:`MeasureFamily` is what one module adds: the per-article function that counts
its measures (it gets an :class:`ArticleInputs`: the articles, their attributions, their
words and their parsed Docs), the article-level tables it returns, the outlet-level
tables built from them (its measures pooled per outlet, and any corpus-level analysis),
and its figures. :mod:`toolkit.analysis` is the only orchestrator: article tables, outlet
tables, comparisons, findings and figures all loop over the families.

The built-in families are listed in :data:`toolkit.analysis.BUILTIN_FAMILIES`. A family
from outside the package is one module that calls :func:`register`, found through the
entry-point group ``toolkit.measures`` or the ``TOOLKIT_MEASURES`` environment variable
(module names, comma-separated; a notebook kernel inherits it).

Example:
    >>> import pandas as pd
    >>> def count_exclamations(inputs):
    ...     return pd.DataFrame({"doc_id": inputs.articles["doc_id"],
    ...                          "exclamations": inputs.articles["text"].str.count("!")})
    >>> family = MeasureFamily(
    ...     name="exclamations", label="Exclamation marks", section="framing",
    ...     count=count_exclamations, measures=(Measure(
    ...         "exclamations_per_1000_words", label="Exclamation marks",
    ...         unit="per 1,000 words", description="exclamation marks",
    ...         numerator="exclamations", denominator="words", scale=1000),))
    >>> family.tables, family.outlet_tables
    (('exclamations_per_article',), ('exclamations_by_outlet',))
    >>> articles = pd.DataFrame({"doc_id": ["a", "b"], "outlet": ["X", "X"],
    ...                          "text": ["Stop! Now!", "Calm words here."]})
    >>> per_article = family.article_tables(ArticleInputs.of(articles))
    >>> per_article["exclamations_per_article"]["exclamations_per_1000_words"].tolist()
    [1000.0, 0.0]
    >>> float(family.pool_outlets(per_article["exclamations_per_article"]).loc[
    ...     0, "exclamations_per_1000_words"])
    400.0
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from importlib.metadata import entry_points
from typing import Any, Literal

import pandas as pd
from spacy.tokens import Doc

from .errors import ParameterError
from .stats import BOOTSTRAP_SAMPLES, add_article_rates, pool_outlets
from .text import WORD_COLUMNS, article_docs, word_table

ONE = "one"
"""The denominator of a measure per article (``distinct_sources_per_article``): 1 for
every article, so its pooled value is the mean over articles."""
VOICE_NAMES = ("journalist", "quoted", "both")
ENTRY_POINT_GROUP = "toolkit.measures"
ENVIRONMENT_VARIABLE = "TOOLKIT_MEASURES"
Voice = Literal["journalist", "quoted", "both"]


@dataclass(frozen=True)
class Measure:
    """One rate over per-article counts, and how reports name it.

    Attributes:
        name: the column that holds it in the article and outlet tables
            (``scare_quotes_per_1000_words``); a rate names its denominator.
        label: a short human label (``Scare quotes``): figure titles and table rows.
        unit: what the number is (``per 1,000 words``, ``share of attributions``, ``per
            article``); a unit starting with ``share`` is a proportion, shown as a
            percentage.
        description: one line, lower case, that completes "The outlet has more ..." in
            a finding (``scare quotes``).
        numerator: the per-article count column summed on top.
        denominator: the per-article count column summed below (:data:`ONE` for a
            measure per article).
        scale: the factor (1,000 for "per 1,000 words").
        voice: whose words it counts: ``journalist`` (outside quotation marks),
            ``quoted`` or ``both``.
        pairwise: every pair of outlets is compared on it (the ``comparisons`` table).
        headline: one outlet is compared on it with the others in the outlet report,
            whose findings are sentences.
        figure: it has a figure of its own: the outlets' pooled values with their 95%
            intervals.
    """

    name: str
    label: str
    unit: str
    description: str
    numerator: str
    denominator: str
    scale: float = 1.0
    voice: Voice = "both"
    pairwise: bool = True
    headline: bool = True
    figure: bool = False

    def __post_init__(self) -> None:
        if not self.name.isidentifier():
            raise ParameterError(f"measure name {self.name!r} is not a column name",
                                 field="name", hint="use lower case letters, digits and _")
        if self.voice not in VOICE_NAMES:
            raise ParameterError(f"measure {self.name!r}: unknown voice {self.voice!r}",
                                 field="voice", hint=f"use one of {', '.join(VOICE_NAMES)}")
        if not self.scale > 0:
            raise ParameterError(f"measure {self.name!r}: scale must be positive",
                                 field="scale")

    @property
    def share(self) -> bool:
        """Whether it is a proportion (its unit starts with ``share``)."""
        return self.unit.startswith("share")

    @property
    def rate(self) -> tuple[str, str, float]:
        """``(numerator, denominator, scale)``, as :mod:`toolkit.stats` takes it."""
        return self.numerator, self.denominator, float(self.scale)

    @property
    def title(self) -> str:
        """``label (unit)``: how a table column or an axis names it.

        Example:
            >>> Measure("m", label="Scare quotes", unit="per 1,000 words", description="",
            ...         numerator="n", denominator="words").title
            'Scare quotes (per 1,000 words)'
        """
        return f"{self.label} ({self.unit})"


@dataclass(frozen=True)
class ArticleInputs:
    """What a family's per-article function reads: the articles, their attributions,
    their words (:func:`toolkit.text.word_table`) and their parsed Docs.

    Attributes:
        articles: the articles table (``doc_id``, ``outlet``, ``text``, ...).
        attributions: their attributions table.
        text_counts: :func:`toolkit.text.word_table` of the articles (one row each:
            ``words``, ``words_journalist``, ``words_quoted``, ``sentences``).
        docs: the parsed articles in table order; ``None`` when only the tables are at
            hand (recounting a store's articles).
    """

    articles: pd.DataFrame
    attributions: pd.DataFrame
    text_counts: pd.DataFrame
    docs: Sequence[Doc] | None = None

    @classmethod
    def of(cls, articles: pd.DataFrame, *, attributions: pd.DataFrame | None = None,
           docs: Sequence[Doc] | None = None) -> ArticleInputs:
        """Inputs for ``articles``, their words counted here (no attributions unless
        given)."""
        return cls(articles, attributions if attributions is not None
                   else pd.DataFrame(columns=["doc_id"]), word_table(articles, docs), docs)

    def article_docs(self) -> Iterator[tuple[str, str, Doc]]:
        """``(doc_id, outlet, doc)`` for each parsed article (:func:`toolkit.text.article_docs`).

        Raises:
            ParameterError: the inputs hold no Docs.
        """
        if self.docs is None:
            raise ParameterError("this measure needs the parsed articles (Docs)",
                                 hint="run it from toolkit.analyze, which parses them")
        return article_docs(self.articles, self.docs)


Count = Callable[[ArticleInputs], "pd.DataFrame | Mapping[str, pd.DataFrame]"]
OutletTables = Callable[[Mapping[str, Any]], Mapping[str, Any]]


def pool_measures(
    per_article: pd.DataFrame,
    measures: Sequence[Measure],
    *,
    by: Sequence[str] = ("outlet",),
    samples: int = BOOTSTRAP_SAMPLES,
    seed: int = 0,
) -> pd.DataFrame:
    """The measures pooled per outlet (or ``by`` group), with 95% bootstrap intervals:
    :func:`toolkit.stats.pool_outlets` over their numerators and denominators.

    Returns:
        One row per group: the ``by`` columns, ``articles``, the summed counts and per
        measure ``<name>``, ``<name>_low``, ``<name>_high``.
    """
    rates = {m.name: m.rate for m in measures}
    per_one = any(ONE in (m.numerator, m.denominator) for m in measures)
    table = per_article.assign(**{ONE: 1}) if per_one else per_article
    pooled = pool_outlets(table, rates, by=by, samples=samples, seed=seed)
    return pooled.drop(columns=ONE) if per_one else pooled


def add_rates(table: pd.DataFrame, measures: Iterable[Measure]) -> pd.DataFrame:
    """Add each measure's per-article value as a column, where its counts are columns of
    ``table`` and the value is not (NaN where the denominator is zero); return ``table``.

    Example:
        >>> table = pd.DataFrame({"hits": [1, 2], "words": [100, 0]})
        >>> m = Measure("hits_per_1000_words", label="Hits", unit="per 1,000 words",
        ...             description="hits", numerator="hits", denominator="words", scale=1000)
        >>> add_rates(table, [m])["hits_per_1000_words"].tolist()
        [10.0, nan]
    """
    todo = {m.name: m.rate for m in measures if m.name not in table
            and {m.numerator, m.denominator} - {ONE} <= set(table)}
    if not todo:
        return table
    per_one = any(ONE in rate[:2] for rate in todo.values())
    if per_one:
        table[ONE] = 1
    add_article_rates(table, todo)
    return table.drop(columns=ONE) if per_one else table


@dataclass(frozen=True)
class MeasureFamily:
    """The measures one module adds, with the tables and figures built from them.

    Attributes:
        name: the family's name (``scare_quotes``).
        label: its human label (``Scare quotes``).
        section: the part of the analysis it belongs to (``sourcing``, ``framing``, or a
            name of your own): ``toolkit.analyze(articles, measures=section)`` computes
            one section.
        count: the per-article function: takes an :class:`ArticleInputs`, returns the
            rates table (one row per article, ``doc_id`` and count columns) or a dict of
            the article-level tables named in ``tables``. A rates table without an
            ``outlet`` column is completed from the text counts: one row per article (an
            article it leaves out counts zero), ``outlet`` and the word columns its
            measures divide by; the measures' values are added where missing.
        measures: its measures.
        tables: the article-level tables ``count`` returns; the first is the rates
            table its measures are computed from (default ``<name>_per_article``).
        outlet_tables: the outlet-level tables; the first is its measures pooled per
            outlet (default ``<name>_by_outlet``), the others come from ``outlet``.
        outlet: builds the outlet-level tables beyond the pooled one from all the
            article-level tables (and the pooled one): propagation, label pairs ...
        pool: how its measures are pooled when the pooled table is not one row per
            outlet (default :func:`pool_measures`; same arguments).
        story_table: also pool per outlet and story (articles with a ``story``) into
            this table.
        recount: its counts come from the attributions and the text counts alone, so
            they are recounted when attributions are kept by cue class.
        corpus_wide: its counts need the corpus-wide speaker identities (``speaker_id``,
            ``speaker_gender``), so its article-level tables are made with the outlet
            tables, from the whole corpus's attributions, never per store shard.
        internal: article-level tables kept only to build the outlet tables (summed over
            a store's shards), not listed among the section's tables.
        figures: the family's own figures (name → matplotlib Figure) from the tables;
            measures with ``figure=True`` get their interval plot without it.
    """

    name: str
    label: str
    section: str
    count: Count | None = None
    measures: tuple[Measure, ...] = ()
    tables: tuple[str, ...] = ()
    outlet_tables: tuple[str, ...] = ()
    outlet: OutletTables | None = None
    pool: Callable[..., pd.DataFrame] | None = None
    story_table: str | None = None
    recount: bool = False
    corpus_wide: bool = False
    internal: tuple[str, ...] = ()
    figures: Callable[[Mapping[str, Any]], Mapping[str, Any]] | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "measures", tuple(self.measures))
        if self.measures and not self.tables:
            object.__setattr__(self, "tables", (f"{self.name}_per_article",))
        if self.measures and not self.outlet_tables:
            object.__setattr__(self, "outlet_tables", (f"{self.name}_by_outlet",))
        if self.tables and self.count is None:
            raise ParameterError(f"measure family {self.name!r} has tables but no count "
                                 "function", field="count")
        names = [m.name for m in self.measures]
        if len(set(names)) < len(names):
            raise ParameterError(f"measure family {self.name!r} lists a measure twice",
                                 field="measures")

    @property
    def rates_table(self) -> str | None:
        """The article-level table its measures are computed from."""
        return self.tables[0] if self.measures else None

    @property
    def pooled_table(self) -> str | None:
        """The outlet-level table of its pooled measures."""
        return self.outlet_tables[0] if self.measures else None

    @property
    def all_tables(self) -> tuple[str, ...]:
        """Every table it makes, article-level first."""
        story = (self.story_table,) if self.story_table else ()
        return (*self.tables, *self.outlet_tables, *story)

    def article_tables(self, inputs: ArticleInputs) -> dict[str, pd.DataFrame]:
        """Its article-level tables, from one call of ``count``.

        Raises:
            ParameterError: ``count`` returned other tables than ``tables`` names.
        """
        if self.count is None:
            return {}
        produced = self.count(inputs)
        if isinstance(produced, pd.DataFrame):
            produced = {self.tables[0]: produced}
        if set(produced) != set(self.tables):
            raise ParameterError(
                f"measure family {self.name!r} returned tables {sorted(produced)}",
                field="count", hint=f"its count function must return {list(self.tables)}")
        tables = {name: produced[name] for name in self.tables}
        if self.measures:
            tables[self.tables[0]] = _completed(tables[self.tables[0]], self.measures, inputs)
        return tables

    def pool_outlets(self, per_article: pd.DataFrame, *, by: Sequence[str] = ("outlet",),
                     samples: int = BOOTSTRAP_SAMPLES, seed: int = 0) -> pd.DataFrame:
        """Its measures pooled per outlet (or ``by`` group) with 95% bootstrap intervals."""
        pool = self.pool or pool_measures
        return pool(per_article, self.measures, by=by, samples=samples, seed=seed)

    def outlet_results(self, tables: Mapping[str, Any]) -> dict[str, Any]:
        """Its outlet-level tables from the article-level ones."""
        out: dict[str, Any] = {}
        if self.measures:
            per_article = tables[self.tables[0]]
            out[self.outlet_tables[0]] = self.pool_outlets(per_article)
            if self.story_table and "story" in per_article and per_article["story"].notna().any():
                out[self.story_table] = self.pool_outlets(per_article.dropna(subset=["story"]),
                                                          by=["outlet", "story"])
        if self.outlet is not None:
            out.update(self.outlet({**tables, **out}))
        return out


def _completed(table: pd.DataFrame, measures: Sequence[Measure],
               inputs: ArticleInputs) -> pd.DataFrame:
    """A rates table with ``outlet``, one row per article and the word columns its
    measures divide by (from the text counts) when it lacks ``outlet``, and its
    measures' values."""
    if "outlet" not in table:
        used = {c for m in measures for c in (m.numerator, m.denominator)}
        words = [c for c in WORD_COLUMNS if c in used and c not in table]
        base = inputs.text_counts[["doc_id", "outlet", *words]].astype({"doc_id": str})
        counts = table.astype({"doc_id": str})
        table = base.merge(counts, on="doc_id", how="left")
        added = [c for c in counts.columns if c != "doc_id"]
        numeric = [c for c in added if pd.api.types.is_numeric_dtype(counts[c])]
        table[numeric] = table[numeric].fillna(0)
    return add_rates(table, measures)


# --- the registry of families from outside the package -------------------------------------
_REGISTERED: dict[str, MeasureFamily] = {}


def register(family: MeasureFamily) -> MeasureFamily:
    """Add a family from outside the package (a later one of the same name replaces it);
    returns it, so a module can write ``FAMILY = register(MeasureFamily(...))``."""
    if not isinstance(family, MeasureFamily):
        raise ParameterError(f"register() takes a MeasureFamily, not {type(family).__name__}")
    _REGISTERED[family.name] = family
    return family


def unregister(name: str) -> None:
    """Remove a registered family (nothing when there is none of that name)."""
    _REGISTERED.pop(name, None)


def plugin_modules() -> list[str]:
    """The module names in ``TOOLKIT_MEASURES`` (comma-separated)."""
    return [name.strip() for name in os.environ.get(ENVIRONMENT_VARIABLE, "").split(",")
            if name.strip()]


def registered() -> tuple[MeasureFamily, ...]:
    """The families from outside the package: the entry points of the group
    ``toolkit.measures`` and the modules of ``TOOLKIT_MEASURES`` are imported first
    (once; each registers its families), then every registered family is returned.

    Raises:
        ParameterError: a module or entry point cannot be imported.
    """
    for point in entry_points(group=ENTRY_POINT_GROUP):
        try:
            loaded = point.load()
        except Exception as exc:
            raise ParameterError(f"measure entry point {point.name!r} ({point.value}) "
                                 f"cannot be loaded: {exc}", field=ENTRY_POINT_GROUP) from exc
        if isinstance(loaded, MeasureFamily):
            register(loaded)
    for name in plugin_modules():
        try:
            importlib.import_module(name)
        except ImportError as exc:
            raise ParameterError(
                f"cannot import measure module {name!r}: {exc}", field=ENVIRONMENT_VARIABLE,
                hint="put the module's folder on the Python path (PYTHONPATH)") from exc
    return tuple(_REGISTERED.values())


def check_families(families: Sequence[MeasureFamily]) -> None:
    """Refuse families that would overwrite each other: the same family name, table name
    or measure name (a measure two families share must be the same :class:`Measure`).

    Raises:
        ParameterError: a name is taken twice.
    """
    owners: dict[str, str] = {}
    specs: dict[str, Measure] = {}
    for family in families:
        for name in (f"family {family.name}", *family.all_tables):
            if name in owners:
                raise ParameterError(f"{name!r} of measure family {family.name!r} is "
                                     f"already taken by {owners[name]!r}",
                                     hint="give the family or table another name")
            owners[name] = family.name
        for measure in family.measures:
            if specs.setdefault(measure.name, measure) != measure:
                raise ParameterError(f"measure {measure.name!r} of family {family.name!r} "
                                     "is defined twice", hint="give it another name")


def unique_measures(families: Iterable[MeasureFamily]
                    ) -> Iterator[tuple[MeasureFamily, Measure]]:
    """Every measure once, with the first family that lists it."""
    seen: set[str] = set()
    for family in families:
        for measure in family.measures:
            if measure.name not in seen:
                seen.add(measure.name)
                yield family, measure
