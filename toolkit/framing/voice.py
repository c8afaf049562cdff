"""voice: certainty in two voices: hedges, boosters, factives and assertives, outside and in quotes.

Certainty terms come from ``toolkit/lexicons/hedges_boosters.tsv`` (hedges, boosters,
factive and assertive predicates; its header names the sources) and are matched on the
parsed Doc (:class:`toolkit.framing.terms.TermMatcher`: lemmas or lower-case forms,
multiword terms, longest match first, part-of-speech and clausal-complement conditions),
never on substrings.

Each match takes the voice of its first word (:class:`toolkit.text.Voices`: inside the
outermost quotation marks is quoted voice, everything else the journalist's), so the two
voices' counts add up to the article's; each voice's count is divided by that voice's
words (``hedges_per_1000_words_journalist``: hedges in the journalist's voice per 1,000
words in the journalist's voice). The measures (:data:`CERTAINTY_MEASURES`) are pooled per
outlet with 95% bootstrap intervals by the registry (:data:`CERTAINTY`).

Example:
    >>> import pandas as pd
    >>> articles = pd.DataFrame({"doc_id": ["a"], "outlet": ["X"],
    ...     "text": ['Prices may rise, she said: "It will clearly be worse."']})
    >>> table = certainty_per_article(articles, certainty_matches(articles, progress=False))
    >>> table.loc[0, ["hedges_journalist", "boosters_quoted", "words_quoted"]].tolist()
    [1, 1, 5]
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import pandas as pd
from matplotlib.figure import Figure
from spacy.tokens import Doc

from .. import plots
from ..measures import ArticleInputs, Measure, MeasureFamily, add_rates
from ..parse import doc_text
from ..text import JOURNALIST, QUOTED, VOICES, Voices, aligned_counts
from .terms import TermMatcher, match_table

HEDGE_LEXICON = "hedges_boosters"
CATEGORIES = ("hedge", "booster", "factive", "assertive")
MATCH_COLUMNS = ["doc_id", "outlet", "category", "term", "text", "voice", "start", "end"]
_LABELS = {"hedge": "Hedges", "booster": "Boosters", "factive": "Factive verbs",
           "assertive": "Assertive verbs"}
_VOICE_WORDS = {"": ("per 1,000 words", "", "both"),
                f"_{JOURNALIST}": ("per 1,000 words in the journalist's voice",
                                   " in the journalist's own voice", JOURNALIST),
                f"_{QUOTED}": ("per 1,000 quoted words", " in quoted voices", QUOTED)}
_HEADLINE = {("hedge", f"_{JOURNALIST}"), ("booster", f"_{JOURNALIST}")}


def certainty_of(doc: Doc, *, matcher: TermMatcher | None = None,
                 voices: Voices | None = None) -> list[dict]:
    """The certainty terms of one parsed article, each with its voice.

    Args:
        doc: the parsed article.
        matcher: a :class:`~toolkit.framing.terms.TermMatcher` (default: ``hedges_boosters.tsv``).
        voices: the text's :class:`~toolkit.text.Voices` when already computed.

    Returns:
        Dicts with ``category, term, text, voice, start, end`` (character offsets).

    Example:
        >>> from toolkit.nlp import load_pipeline
        >>> doc = load_pipeline()('It reportedly failed. "It clearly failed," she said.')
        >>> [(m["term"], m["category"], m["voice"]) for m in certainty_of(doc)]
        [('reportedly', 'hedge', 'journalist'), ('clearly', 'booster', 'quoted')]
    """
    matcher = matcher or TermMatcher.from_lexicon(HEDGE_LEXICON, label="category")
    voices = voices or Voices.of(doc_text(doc))
    found = []
    for terms, start, end in matcher.matches(doc):
        term, span = terms[0], doc[start:end]
        found.append({"category": term.label, "term": term.term, "text": span.text,
                      "voice": voices.voice_at(span.start_char),
                      "start": span.start_char, "end": span.end_char})
    return found


def certainty_matches(articles: pd.DataFrame, *, docs: Iterable[Doc] | None = None,
                      lexicon: str | Path = HEDGE_LEXICON,
                      progress: bool | None = None) -> pd.DataFrame:
    """Every hedge, booster, factive and assertive term in the articles, with its voice
    (:data:`MATCH_COLUMNS`; ``start``/``end`` index the article text), found by
    :func:`~toolkit.framing.terms.match_table` with the certainty lexicon (a name or
    path; columns ``term, category, pos``).

    Example:
        >>> articles = pd.DataFrame({"doc_id": ["a"], "outlet": ["X"],
        ...                          "text": ["The plan may fail."]})
        >>> certainty_matches(articles, progress=False)[["term", "voice"]].values.tolist()
        [['may', 'journalist']]
    """
    return match_table(articles, certainty_of, lexicon=lexicon, label="category",
                       columns=MATCH_COLUMNS, docs=docs, progress=progress)


CERTAINTY_MEASURES = tuple(
    Measure(f"{category}s_per_1000_words{suffix}", label=_LABELS[category], unit=unit,
            description=f"{_LABELS[category].lower()}{where}", numerator=f"{category}s{suffix}",
            denominator=f"words{suffix}", scale=1000.0, voice=voice, pairwise=False,
            headline=(category, suffix) in _HEADLINE)
    for category in CATEGORIES for suffix, (unit, where, voice) in _VOICE_WORDS.items())
"""The rates of :func:`certainty_per_article`: ``hedges_per_1000_words_journalist`` is
hedges in the journalist's voice per 1,000 words in the journalist's voice, and so on."""


def certainty_per_article(articles: pd.DataFrame, matches: pd.DataFrame, *,
                          text_counts: pd.DataFrame | None = None) -> pd.DataFrame:
    """Counts and rates per article, overall and in each voice.

    Args:
        articles: the articles table (``doc_id``, ``outlet``, ``text``).
        matches: :func:`certainty_matches` of those articles.
        text_counts: :func:`toolkit.text.word_table` of the articles (counted here when
            not given).

    Returns:
        ``doc_id, outlet, words_journalist, words_quoted, words``, the counts
        ``hedges_journalist, hedges_quoted, hedges, boosters_journalist, ...`` and the
        rates of :data:`CERTAINTY_MEASURES` (NaN where a voice has no words).

    Example:
        >>> articles = pd.DataFrame({"doc_id": ["a"], "outlet": ["X"],
        ...                          "text": ['It may fail. "It will clearly fail," he said.']})
        >>> table = certainty_per_article(articles, certainty_matches(articles, progress=False))
        >>> table.loc[0, ["words_journalist", "hedges_journalist", "boosters_quoted"]].tolist()
        [5, 1, 1]
    """
    base = articles[["doc_id", "outlet"]].astype({"doc_id": str}).reset_index(drop=True)
    words = aligned_counts(articles, text_counts)
    for column in (f"words_{JOURNALIST}", f"words_{QUOTED}", "words"):
        base[column] = words[column]
    counts = (matches.assign(doc_id=matches["doc_id"].astype(str))
              .groupby(["doc_id", "category", "voice"]).size()
              .unstack(["category", "voice"], fill_value=0))
    for category in CATEGORIES:
        column = f"{category}s"
        for voice in VOICES:
            per_doc = counts.get((category, voice), {})
            base[f"{column}_{voice}"] = base["doc_id"].map(per_doc).fillna(0).astype(int)
        base[column] = base[f"{column}_{JOURNALIST}"] + base[f"{column}_{QUOTED}"]
    return add_rates(base, CERTAINTY_MEASURES)


def _count(inputs: ArticleInputs) -> pd.DataFrame:
    return certainty_per_article(inputs.articles,
                                 certainty_matches(inputs.articles, docs=inputs.docs),
                                 text_counts=inputs.text_counts)


def certainty_figures(tables: Mapping[str, Any]) -> dict[str, Figure]:
    """Hedges and boosters per outlet, in the journalist's voice next to quoted voices."""
    certainty = tables.get("certainty_by_outlet")
    if certainty is None or not len(certainty):
        return {}
    return {"certainty_by_voice": plots.grouped_bars(
        certainty, ["hedges_per_1000_words_journalist", "hedges_per_1000_words_quoted",
                    "boosters_per_1000_words_journalist", "boosters_per_1000_words_quoted"],
        names=["hedges, journalist", "hedges, quoted", "boosters, journalist",
               "boosters, quoted"],
        title="Certainty in the journalist's voice and in quotes",
        xlabel="per 1,000 words of that voice")}


CERTAINTY = MeasureFamily(
    name="certainty", label="Certainty in two voices", section="framing", count=_count,
    measures=CERTAINTY_MEASURES, figures=certainty_figures)
"""The registry's certainty family: ``certainty_per_article`` → ``certainty_by_outlet``."""
