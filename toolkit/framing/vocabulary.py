"""vocabulary: the words and noun phrases that set one outlet apart, by weighted log-odds.

The measure is the weighted log-odds ratio with an informative Dirichlet prior of Monroe,
Colaresi & Quinn (2008), "Fightin' Words: Lexical Feature Selection and Evaluation for
Identifying the Content of Political Conflict", *Political Analysis* 16(4): 372-403.
For a term *w* used ``y_a`` times among group a's ``n_a`` terms and ``y_b`` times among
group b's ``n_b`` terms, with a prior of ``α_w`` pseudo-counts (``α_0`` in all):

    δ_w = log((y_a + α_w) / (n_a + α_0 − y_a − α_w)) − log((y_b + α_w) / (n_b + α_0 − y_b − α_w))
    var(δ_w) ≈ 1 / (y_a + α_w) + 1 / (y_b + α_w)
    z_w = δ_w / √var(δ_w)

The prior comes from the whole corpus: ``α_w = α_0 · c_w / Σ c``, where ``c_w`` is the
term's count in every outlet together, so a term every outlet uses often needs a large
difference to stand out and a rare term is not made distinctive by chance. ``z`` > 1.96
(or < −1.96) is the conventional mark of a difference larger than sampling noise; the paper
warns that z-scores rank words well but are not exact significance tests.

Terms (:func:`doc_term_counts`) are the lower-cased lemmas of content words (nouns, proper
nouns, verbs, adjectives, adverbs; no stop words, punctuation or numbers) or the noun
phrases of ``doc.noun_chunks`` with leading determiners and possessive pronouns removed.

Example:
    >>> table = log_odds({"regime": 9, "said": 20}, {"government": 9, "said": 20},
    ...                  {"regime": 9, "government": 9, "said": 40}, prior_scale=10)
    >>> table.set_index("term")["z"].round(2).to_dict()
    {'regime': 2.55, 'said': 0.0, 'government': -2.55}
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping
from typing import Any, Literal

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from spacy.attrs import IS_PUNCT, IS_STOP, LEMMA, LIKE_NUM, POS
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.symbols import ADJ, ADV, NOUN, PROPN, VERB
from spacy.tokens import Doc

from ..errors import ParameterError
from ..measures import ArticleInputs, MeasureFamily
from ..stats import sum_counts
from ..text import article_docs

Unit = Literal["lemma", "noun_phrase"]
UNITS = ("lemma", "noun_phrase")
CONTENT_POS = np.array([NOUN, PROPN, VERB, ADJ, ADV], dtype=np.uint64)
DEFAULT_PRIOR_SCALE = 500.0
"""``α_0``: the prior is worth 500 pseudo-terms, spread over the vocabulary in proportion to
corpus frequency. Small next to an outlet's term count (tens of thousands in BASIL), so the
data dominate; large enough to keep one-off words from topping the list."""
LOG_ODDS_COLUMNS = ["term", "count_a", "count_b", "alpha", "delta", "variance", "z"]
DISTINCTIVE_TOP = 50
"""Terms kept at each end of every outlet's log-odds ranking in ``distinctive_terms``."""
_DROP_LEADING_TAGS = frozenset({"DT", "PDT", "PRP$", "WP$", "WDT"})


def _lemma_counts(doc: Doc) -> Counter:
    if not len(doc):
        return Counter()
    array = doc.to_array([POS, IS_STOP, IS_PUNCT, LIKE_NUM, LEMMA])
    keep = np.isin(array[:, 0], CONTENT_POS) & (array[:, 1] == 0) & (array[:, 2] == 0) & (
        array[:, 3] == 0)
    hashes, counts = np.unique(array[keep, 4], return_counts=True)
    result: Counter = Counter()
    strings = doc.vocab.strings
    for key, count in zip(hashes.tolist(), counts.tolist()):
        lemma = strings[key].lower()
        if lemma not in STOP_WORDS and any(ch.isalpha() for ch in lemma):
            result[lemma] += count
    return result


def _noun_phrase_counts(doc: Doc) -> Counter:
    result: Counter = Counter()
    if not len(doc) or not doc.has_annotation("DEP"):
        return result
    for chunk in doc.noun_chunks:
        start = chunk.start
        while start < chunk.end and doc[start].tag_ in _DROP_LEADING_TAGS:
            start += 1
        tokens = doc[start:chunk.end]
        if not len(tokens) or all(t.pos_ == "PRON" or not t.is_alpha for t in tokens):
            continue
        result[" ".join(tokens.text.lower().split())] += 1
    return result


def doc_term_counts(doc: Doc, *, unit: Unit = "lemma") -> Counter:
    """The terms of one parsed article and how often each occurs.

    Args:
        doc: a parsed Doc.
        unit: ``"lemma"``: lower-cased lemmas of nouns, proper nouns, verbs, adjectives and
            adverbs, without stop words, punctuation and numbers; ``"noun_phrase"``: the
            lower-cased noun chunks, leading determiners and possessive pronouns removed,
            pronoun-only chunks skipped.

    Raises:
        ParameterError: an unknown ``unit``.

    Example:
        >>> from toolkit.nlp import load_pipeline
        >>> doc = load_pipeline()("The regime's thugs attacked the peaceful protesters.")
        >>> sorted(doc_term_counts(doc).items())
        [('attack', 1), ('peaceful', 1), ('protester', 1), ('regime', 1), ('thug', 1)]
        >>> sorted(doc_term_counts(doc, unit="noun_phrase"))
        ['peaceful protesters', "regime's thugs"]
    """
    if unit == "lemma":
        return _lemma_counts(doc)
    if unit == "noun_phrase":
        return _noun_phrase_counts(doc)
    raise ParameterError(f"unknown unit {unit!r}", hint=f"Use one of {', '.join(UNITS)}")


def term_counts(docs: Iterable[Doc], *, unit: Unit = "lemma") -> Counter:
    """The terms of several Docs together (see :func:`doc_term_counts`).

    Example:
        >>> from toolkit.nlp import load_pipeline
        >>> nlp = load_pipeline()
        >>> term_counts([nlp("Crowds gathered."), nlp("A crowd gathered.")])["crowd"]
        2
    """
    total: Counter = Counter()
    for doc in docs:
        total.update(doc_term_counts(doc, unit=unit))
    return total


def outlet_term_counts(
    articles: pd.DataFrame, docs: Iterable[Doc] | None = None, *, unit: Unit = "lemma"
) -> dict[str, Counter]:
    """Term counts per outlet, in one pass over the Docs.

    Args:
        articles: the articles table (``doc_id``, ``outlet``).
        docs: the parsed articles (see :func:`toolkit.text.article_docs`); ``None`` parses them.
        unit: ``"lemma"`` or ``"noun_phrase"`` (see :func:`doc_term_counts`).

    Example:
        >>> articles = pd.DataFrame({"doc_id": ["a", "b"], "outlet": ["X", "Y"],
        ...                          "text": ["Thugs rioted.", "Protesters marched."]})
        >>> {o: sorted(c) for o, c in outlet_term_counts(articles).items()}
        {'X': ['riot', 'thug'], 'Y': ['march', 'protester']}
    """
    counts: dict[str, Counter] = {}
    for _, outlet, doc in article_docs(articles, docs):
        counts.setdefault(outlet, Counter()).update(doc_term_counts(doc, unit=unit))
    return counts


def log_odds(
    counts_a: Mapping[str, float],
    counts_b: Mapping[str, float],
    prior_counts: Mapping[str, float],
    *,
    prior_scale: float | None = DEFAULT_PRIOR_SCALE,
) -> pd.DataFrame:
    """Weighted log-odds ratio with an informative Dirichlet prior, term by term.

    Positive ``delta`` and ``z`` mean group a uses the term more (relative to its size).
    Swapping a and b flips the sign of ``delta`` and ``z`` and nothing else.

    Args:
        counts_a: term → count in group a (a Counter, dict or Series).
        counts_b: term → count in group b.
        prior_counts: term → count in the background corpus (normally the whole corpus,
            a and b included). Every term used by a or b must have a positive count.
        prior_scale: ``α_0``, the total weight of the prior in pseudo-counts; each term gets
            ``α_w = α_0 · c_w / Σ c``. ``None`` uses the background counts themselves as
            ``α_w`` (so ``α_0 = Σ c``), a much stronger prior.

    Returns:
        One row per term used by a or b: ``term, count_a, count_b, alpha, delta,
        variance, z``, sorted by ``z``, largest first.

    Raises:
        ParameterError: a term of a or b has no positive count in the prior, or
            ``prior_scale`` is not positive.

    Example:
        >>> t = log_odds({"x": 3, "y": 1}, {"x": 1, "y": 3}, {"x": 4, "y": 4}, prior_scale=2)
        >>> t[["term", "delta", "z"]].round(3).values.tolist()
        [['x', 1.386, 1.601], ['y', -1.386, -1.601]]
    """
    a = pd.Series(dict(counts_a), dtype=float)
    b = pd.Series(dict(counts_b), dtype=float)
    prior = pd.Series(dict(prior_counts), dtype=float)
    if prior_scale is not None and not prior_scale > 0:
        raise ParameterError(f"prior_scale must be positive, got {prior_scale!r}")
    terms = a.index.union(b.index)
    y_a = a.reindex(terms, fill_value=0.0)
    y_b = b.reindex(terms, fill_value=0.0)
    used = (y_a + y_b) > 0
    terms, y_a, y_b = terms[used.to_numpy()], y_a[used], y_b[used]
    background = prior[prior > 0]
    missing = terms.difference(background.index)
    if len(missing):
        raise ParameterError(
            f"{len(missing)} term(s) have no count in the prior (e.g. {missing[0]!r})",
            hint="Use the whole corpus (both groups included) as prior_counts",
        )
    if not len(terms):
        return pd.DataFrame({c: pd.Series(dtype=float if c != "term" else object)
                             for c in LOG_ODDS_COLUMNS})
    total = float(background.sum())
    alpha_0 = total if prior_scale is None else float(prior_scale)
    alpha = background.reindex(terms).to_numpy() * (alpha_0 / total)
    return _table(np.asarray(terms, dtype=object), y_a.to_numpy(), y_b.to_numpy(), alpha,
                  alpha_0, n_a=float(a.sum()), n_b=float(b.sum()))


def _table(terms: np.ndarray, y_a: np.ndarray, y_b: np.ndarray, alpha: np.ndarray,
           alpha_0: float, *, n_a: float, n_b: float, top: int | None = None) -> pd.DataFrame:
    """The formula of the module docstring on aligned arrays, as a table sorted by z
    (only the ``top`` largest z when given, chosen before any table is built)."""
    delta = (np.log((y_a + alpha) / (n_a + alpha_0 - y_a - alpha))
             - np.log((y_b + alpha) / (n_b + alpha_0 - y_b - alpha)))
    variance = 1.0 / (y_a + alpha) + 1.0 / (y_b + alpha)
    z = delta / np.sqrt(variance)
    keep = slice(None)
    if top is not None and top < len(z):
        keep = np.argpartition(-z, top)[:top] if top > 0 else np.array([], dtype=int)
    table = pd.DataFrame({
        "term": terms[keep], "count_a": y_a[keep].astype(int), "count_b": y_b[keep].astype(int),
        "alpha": alpha[keep], "delta": delta[keep], "variance": variance[keep], "z": z[keep],
    })
    return table.sort_values(["z", "term"], ascending=[False, True], ignore_index=True)


def _top_both_ends(table: pd.DataFrame, top: int | None) -> pd.DataFrame:
    if top is None or len(table) <= 2 * top:
        return table
    return pd.concat([table.head(top), table.tail(top)], ignore_index=True)


def distinctive_terms(
    articles: pd.DataFrame,
    docs: Iterable[Doc] | None = None,
    *,
    outlet: str,
    other: str | None = None,
    unit: Unit = "lemma",
    top: int | None = 30,
    prior_scale: float | None = DEFAULT_PRIOR_SCALE,
) -> pd.DataFrame:
    """The terms one outlet uses more, and less, than the rest of the corpus (or one outlet).

    The prior is the whole corpus (every outlet in ``articles``), whatever is compared.

    Args:
        articles: the articles table (``doc_id``, ``outlet``).
        docs: the parsed articles (see :func:`toolkit.text.article_docs`); ``None`` parses them.
        outlet: the outlet of interest (group a).
        other: the outlet to compare with (group b); ``None`` compares with every other
            outlet together.
        unit: ``"lemma"`` or ``"noun_phrase"`` (see :func:`doc_term_counts`).
        top: keep the ``top`` terms at each end (most typical of ``outlet``, most typical
            of the comparison); ``None`` keeps every term (what :func:`plot_log_odds` needs).
        prior_scale: ``α_0`` (see :func:`log_odds`).

    Returns:
        The :func:`log_odds` columns plus ``outlet`` and ``versus`` (the comparison's
        name, ``"rest of corpus"`` when ``other`` is ``None``), sorted by ``z``.

    Raises:
        ParameterError: ``outlet`` or ``other`` is not in the articles.

    Example:
        >>> articles = pd.DataFrame({"doc_id": list("abc"), "outlet": ["X", "Y", "Y"],
        ...     "text": ["The regime said.", "The government said.", "The government said."]})
        >>> table = distinctive_terms(articles, outlet="X", top=1)
        >>> table[["term", "count_a", "count_b"]].values.tolist()
        [['regime', 1, 0], ['government', 0, 2]]
    """
    counts = outlet_term_counts(articles, docs, unit=unit)
    for name in (outlet, other):
        if name is not None and name not in set(articles["outlet"].astype(str)):
            raise ParameterError(f"outlet {name!r} is not in the articles",
                                 hint=f"Outlets: {', '.join(sorted(counts))}")
    prior: Counter = Counter()
    for outlet_counts in counts.values():
        prior.update(outlet_counts)
    group_a = counts.get(outlet, Counter())
    if other is None:
        group_b: Counter = Counter()
        for name, outlet_counts in counts.items():
            if name != outlet:
                group_b.update(outlet_counts)
    else:
        group_b = counts.get(other, Counter())
    table = log_odds(group_a, group_b, prior, prior_scale=prior_scale)
    table.insert(0, "outlet", outlet)
    table.insert(1, "versus", other if other is not None else "rest of corpus")
    return _top_both_ends(table, top)


def distinctive_by_outlet(
    articles: pd.DataFrame,
    docs: Iterable[Doc] | None = None,
    *,
    unit: Unit = "lemma",
    top: int | None = 30,
    prior_scale: float | None = DEFAULT_PRIOR_SCALE,
) -> pd.DataFrame:
    """Every outlet against the rest of the corpus, counting the Docs once.

    Args:
        articles: the articles table (``doc_id``, ``outlet``).
        docs: the parsed articles (see :func:`toolkit.text.article_docs`); ``None`` parses them.
        unit: ``"lemma"`` or ``"noun_phrase"`` (see :func:`doc_term_counts`).
        top: the most distinctive terms kept per outlet (positive end only); ``None``
            keeps every term.
        prior_scale: ``α_0`` (see :func:`log_odds`).

    Returns:
        ``outlet, rank, term, count_outlet, count_rest, alpha, delta, variance, z``; rank 1
        is the outlet's most distinctive term.

    Example:
        >>> articles = pd.DataFrame({"doc_id": list("ab"), "outlet": ["X", "Y"],
        ...     "text": ["The regime said.", "The government said."]})
        >>> distinctive_by_outlet(articles, top=1)[["outlet", "rank", "term"]].values.tolist()
        [['X', 1, 'regime'], ['Y', 1, 'government']]
    """
    return distinctive_from_counts(outlet_term_counts(articles, docs, unit=unit), top=top,
                                   prior_scale=prior_scale)


def distinctive_from_counts(
    counts: dict[str, Counter] | pd.DataFrame,
    *,
    top: int | None = 30,
    prior_scale: float | None = DEFAULT_PRIOR_SCALE,
) -> pd.DataFrame:
    """:func:`distinctive_by_outlet` from term counts already made (outlet → Counter, or
    a table ``outlet, term, count`` such as a store keeps).

    Example:
        >>> counts = pd.DataFrame({"outlet": ["X", "Y"], "term": ["regime", "government"],
        ...                        "count": [3, 3]})
        >>> distinctive_from_counts(counts, top=1)["term"].tolist()
        ['regime', 'government']
    """
    if isinstance(counts, pd.DataFrame):
        counts = {outlet: Counter(dict(zip(group["term"], group["count"])))
                  for outlet, group in counts.groupby("outlet")}
    prior: Counter = Counter()
    for outlet_counts in counts.values():
        prior.update(outlet_counts)
    terms = np.array(sorted(prior), dtype=object)
    index = {term: i for i, term in enumerate(terms)}
    corpus = np.array([prior[term] for term in terms], dtype=float)
    total = float(corpus.sum())
    alpha_0 = total if prior_scale is None else float(prior_scale)
    alpha = corpus * (alpha_0 / total) if total else corpus
    tables = []
    for outlet in sorted(counts):
        y_a = np.zeros(len(terms))
        y_a[[index[t] for t in counts[outlet]]] = list(counts[outlet].values())
        n_a = float(y_a.sum())
        table = _table(terms, y_a, corpus - y_a, alpha, alpha_0, n_a=n_a, n_b=total - n_a,
                       top=top)
        table.insert(0, "outlet", outlet)
        table.insert(1, "rank", np.arange(1, len(table) + 1))
        tables.append(table)
    columns = ["outlet", "rank", *LOG_ODDS_COLUMNS]
    result = pd.concat(tables, ignore_index=True) if tables else pd.DataFrame(columns=columns)
    return result.rename(columns={"count_a": "count_outlet", "count_b": "count_rest"})


def plot_log_odds(table: pd.DataFrame, *, title: str, top: int = 15) -> Figure:
    """Z-score against frequency, one point a term, the ``top`` terms at each end labelled.

    Args:
        table: a :func:`log_odds` or :func:`distinctive_terms` table with every term
            (``top=None``); the ``outlet`` and ``versus`` columns, when present, name the
            two groups in the legend.
        title: the figure title.
        top: how many terms to label at each end.

    Example:
        >>> t = log_odds({"x": 3, "y": 1}, {"x": 1, "y": 3}, {"x": 4, "y": 4})
        >>> plot_log_odds(t, title="X vs Y").axes[0].get_ylabel()
        'z-score of the weighted log-odds ratio'
    """
    name_a = str(table["outlet"].iloc[0]) if "outlet" in table and len(table) else "group a"
    name_b = str(table["versus"].iloc[0]) if "versus" in table and len(table) else "group b"
    fig, ax = plt.subplots(figsize=(8, 6))
    count_a, count_b = ("count_a", "count_b") if "count_a" in table else (
        "count_outlet", "count_rest")  # a log_odds table or a distinctive_by_outlet one
    frequency = (table[count_a] + table[count_b]).clip(lower=1)
    ax.scatter(frequency, table["z"], s=6, color="#BBBBBB", alpha=0.6, linewidth=0)
    ordered = table.sort_values("z", ascending=False)
    ends = [(ordered[ordered["z"] > 0].head(top), "#C44E52", f"more in {name_a}"),
            (ordered[ordered["z"] < 0].tail(top), "#4C72B0", f"more in {name_b}")]
    for rows, colour, label in ends:
        ax.scatter(frequency[rows.index], rows["z"], s=14, color=colour, label=label)
        for index, row in rows.iterrows():
            ax.annotate(str(row["term"]), (frequency[index], row["z"]), fontsize=7,
                        color=colour, xytext=(3, 0), textcoords="offset points",
                        va="center")
    ax.axhline(0, color="black", linewidth=0.6)
    for bound in (-1.96, 1.96):
        ax.axhline(bound, color="grey", linewidth=0.6, linestyle="--")
    ax.set_xscale("log")
    ax.set_xlabel("frequency in both groups (log scale)")
    ax.set_ylabel("z-score of the weighted log-odds ratio")
    ax.set_title(title)
    ax.legend(loc="best", fontsize=8, frameon=False)
    ax.grid(alpha=0.3)
    fig.tight_layout()
    return fig


# --- the registry's family -------------------------------------------------------------------
def term_counts_per_article(articles: pd.DataFrame, docs: Iterable[Doc] | None = None
                            ) -> pd.DataFrame:
    """Per article, its lemma counts (``doc_id, outlet, term, count``): per article, so any
    selection of articles (a store's shards, some outlets) can be summed.

    Example:
        >>> articles = pd.DataFrame({"doc_id": ["a"], "outlet": ["X"],
        ...                          "text": ["The regime fell."]})
        >>> sorted(term_counts_per_article(articles).values.tolist())
        [['a', 'X', 'fall', 1], ['a', 'X', 'regime', 1]]
    """
    rows = [(doc_id, outlet, term, n) for doc_id, outlet, doc in article_docs(articles, docs)
            for term, n in doc_term_counts(doc).items()]
    return pd.DataFrame(rows, columns=["doc_id", "outlet", "term", "count"])


def _count(inputs: ArticleInputs) -> pd.DataFrame:
    return term_counts_per_article(inputs.articles, inputs.docs)


def _distinctive(tables: Mapping[str, Any]) -> dict[str, pd.DataFrame]:
    return {"distinctive_terms": distinctive_from_counts(
        sum_counts(tables["term_counts"], ["outlet", "term"]), top=DISTINCTIVE_TOP)}


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", str(name).lower()).strip("-")


def distinctive_figures(tables: Mapping[str, Any]) -> dict[str, Figure]:
    """Per outlet, ``distinctive_<outlet>``: its log-odds plot against the other outlets."""
    distinctive = tables.get("distinctive_terms", pd.DataFrame())
    figures = {}
    for outlet, table in distinctive.groupby("outlet") if len(distinctive) else []:
        if "versus" not in table:
            table = table.assign(versus="the other outlets")
        figures[f"distinctive_{_slug(outlet)}"] = plot_log_odds(
            table, title=f"Words distinguishing {outlet} from the other outlets", top=10)
    return figures


DISTINCTIVE_TERMS = MeasureFamily(
    name="distinctive_terms", label="Distinctive vocabulary", section="framing",
    count=_count, tables=("term_counts",), outlet_tables=("distinctive_terms",),
    outlet=_distinctive, internal=("term_counts",), figures=distinctive_figures)
"""The registry's vocabulary family: per-article lemma counts → ``distinctive_terms``."""
