"""voice: certainty in two voices: hedges, boosters, factives and assertives, outside and in quotes.

An article speaks in two voices. The **journalist's voice** is every character outside
quotation marks; the **quoted voices** are the characters inside the outermost quote spans
of :func:`toolkit.attribution.quotes.find_quotes` (from after the opening mark to before
the closing one, so a multi-paragraph quote with its repeated opening marks is one quoted
stretch, and an unclosed quote covers what ``find_quotes`` recovers for it). Quote marks
themselves belong to the journalist, but they are not words. Reported speech without quote
marks (``officials said the dam may fail``) is the journalist's rendering and counts as the
journalist's voice.

The split is exact: the text is cut into voice segments (:class:`Voices`), every word
(:data:`WORD`) lies in exactly one segment, so ``words_journalist + words_quoted ==
words``; every lexicon match is assigned the voice of its first word, so the two voices'
counts add up to the article's.

Certainty terms come from ``toolkit/lexicons/hedges_boosters.tsv`` (hedges, boosters,
factive and assertive predicates; its header names the sources) and are matched on the
parsed Doc (:class:`TermMatcher`: lemmas or lower-case forms, multiword terms, longest
match first, part-of-speech and clausal-complement conditions), never on substrings.

This module also holds what every framing measure shares: the word count
(:func:`count_words`), the pairing of Docs with articles (:func:`article_docs`) and the
per-outlet pooling with bootstrap confidence intervals (:func:`toolkit.stats.pool_outlets`).

Example:
    >>> voices = Voices.of('Prices may rise, she said: "It might be worse."')
    >>> voices.regions, voices.voice_at(7), voices.voice_at(30)
    (((28, 46),), 'journalist', 'quoted')
    >>> words_by_voice('Prices may rise, she said: "It might be worse."')
    {'journalist': 5, 'quoted': 4}
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd
from spacy.attrs import IS_SPACE, LEMMA, LOWER
from spacy.strings import hash_string
from spacy.tokens import Doc, Token

from ..attribution.quotes import find_quotes
from ..lexicons import lexicon_path, load_lexicon
from ..parse import doc_text, parse
from ..stats import BOOTSTRAP_SAMPLES, add_article_rates, pool_outlets

JOURNALIST, QUOTED = "journalist", "quoted"
VOICES = (JOURNALIST, QUOTED)
WORD = re.compile(r"[^\W_]+(?:[-'’‐.,][^\W_]+)*")
"""A word: letters or digits, joined by inner hyphens, apostrophes, points or commas
(``don't``, ``so-called``, ``4,200``, ``5.25``, ``U.S`` are one word each). Quote marks
and other punctuation are not words. Every per-1,000-words rate of the framing measures
uses this count."""
HEDGE_LEXICON = "hedges_boosters"
CATEGORIES = ("hedge", "booster", "factive", "assertive")
CLAUSAL_DEPS = frozenset({"ccomp", "xcomp"})
_HYPHEN_IDS = np.unique(np.array([hash_string(h) for h in ("-", "‐", "‑", "–")],
                                 dtype=np.uint64))
_TERM_SPLIT = re.compile(r"[\s\-‐‑]+")
MATCH_COLUMNS = ["doc_id", "outlet", "category", "term", "text", "voice", "start", "end"]


# --- words and voices --------------------------------------------------------------------
def count_words(text: str, start: int = 0, end: int | None = None) -> int:
    """Words (:data:`WORD`) in ``text[start:end]``.

    Example:
        >>> count_words('The so-called "reform" cost 4,200 marks.')
        6
    """
    return len(WORD.findall(text, start, len(text) if end is None else end))


@dataclass(frozen=True)
class Voices:
    """The quoted stretches of one text; everything else is the journalist's voice.

    Attributes:
        regions: sorted, non-overlapping ``(start, end)`` character ranges of the
            outermost quote spans' contents.
        length: the length of the text.

    Example:
        >>> v = Voices.of('He said "yes" twice.')
        >>> list(v.segments())
        [('journalist', 0, 9), ('quoted', 9, 12), ('journalist', 12, 20)]
    """

    regions: tuple[tuple[int, int], ...]
    length: int

    @classmethod
    def of(cls, text: str) -> Voices:
        """The voices of ``text`` (outermost quote spans of ``find_quotes``)."""
        regions = tuple((q.start, q.end) for q in find_quotes(text)
                        if q.depth == 0 and q.end > q.start)
        return cls(regions, len(text))

    def voice_at(self, offset: int) -> str:
        """``"quoted"`` when the character at ``offset`` is inside a quote, else
        ``"journalist"``."""
        k = bisect.bisect_right(self.regions, (offset, self.length + 1)) - 1
        return QUOTED if k >= 0 and self.regions[k][0] <= offset < self.regions[k][1] \
            else JOURNALIST

    def segments(self, start: int = 0, end: int | None = None) -> Iterator[tuple[str, int, int]]:
        """Cut ``[start, end)`` into ``(voice, start, end)`` pieces, in text order.

        Example:
            >>> list(Voices.of('A "b" c').segments(1, 6))
            [('journalist', 1, 3), ('quoted', 3, 4), ('journalist', 4, 6)]
        """
        end = self.length if end is None else end
        position = start
        k = max(0, bisect.bisect_right(self.regions, (start, self.length + 1)) - 1)
        for region_start, region_end in self.regions[k:]:
            if region_start >= end:
                break
            if region_end <= position:
                continue
            if region_start > position:
                yield JOURNALIST, position, region_start
            piece_end = min(region_end, end)
            yield QUOTED, max(position, region_start), piece_end
            position = piece_end
        if position < end:
            yield JOURNALIST, position, end


def words_by_voice(text: str, voices: Voices | None = None) -> dict[str, int]:
    """Words in the journalist's voice and in quoted voices (they add up to all words).

    Example:
        >>> words_by_voice('“We will act,” the mayor said.')
        {'journalist': 3, 'quoted': 3}
    """
    voices = voices or Voices.of(text)
    counts = dict.fromkeys(VOICES, 0)
    for voice, start, end in voices.segments():
        counts[voice] += count_words(text, start, end)
    return counts


# --- Docs and articles --------------------------------------------------------------------
def article_docs(
    articles: pd.DataFrame,
    docs: Iterable[Doc] | None = None,
    *,
    progress: bool | None = None,
) -> Iterator[tuple[str, str, Doc]]:
    """Pair each parsed Doc with its article's ``doc_id`` and ``outlet``.

    A Doc is matched by ``doc.user_data["doc_id"]`` (set by :func:`toolkit.parse.parse`),
    else by its position in ``articles``; Docs of articles not in the table are skipped.

    Args:
        articles: the articles table (``doc_id``, ``outlet``, ``text``).
        docs: the parsed articles; ``None`` parses ``articles`` (from the cache when they
            were parsed before).
        progress: progress bar while parsing (see :func:`toolkit.parse.parse`).

    Yields:
        ``(doc_id, outlet, doc)`` in the order of ``docs``.

    Example:
        >>> articles = pd.DataFrame({"doc_id": ["a"], "outlet": ["X"], "text": ["Hi."]})
        >>> [(i, o, d.text) for i, o, d in article_docs(articles, progress=False)]
        [('a', 'X', 'Hi.')]
    """
    ids = articles["doc_id"].astype(str).tolist()
    outlets = dict(zip(ids, articles["outlet"].astype(str)))
    stream = parse(articles, progress=progress) if docs is None else docs
    for position, doc in enumerate(stream):
        doc_id = doc.user_data.get("doc_id")
        if doc_id is None and position < len(ids):
            doc_id = ids[position]
        if doc_id is not None and str(doc_id) in outlets:
            yield str(doc_id), outlets[str(doc_id)], doc


# --- lexicon matching ---------------------------------------------------------------------
def member(values: np.ndarray, keys: np.ndarray) -> np.ndarray:
    """Which ``values`` are in ``keys`` (a sorted, unique, non-empty array), by binary
    search: no re-sorting of the keys per call, unlike ``np.isin``.

    Example:
        >>> member(np.array([3, 5, 9], dtype=np.uint64), np.array([1, 5, 9], dtype=np.uint64))
        array([False,  True,  True])
    """
    found = np.searchsorted(keys, values).clip(max=len(keys) - 1)
    return keys[found] == values


@dataclass(frozen=True)
class Term:
    """One lexicon row, ready to match.

    Attributes:
        row: its position in the lexicon (earlier rows win ties).
        term: the term as written in the lexicon.
        label: its category or frame.
        pos: parts of speech, Penn tags or dependency labels the first word may have
            (empty: any).
        clause: some word of a match must take a clausal complement.
    """

    row: int
    term: str
    label: str
    pos: frozenset[str]
    clause: bool

    def accepts(self, tokens: Sequence[Token]) -> bool:
        """Whether a match on ``tokens`` meets the row's conditions."""
        first = tokens[0]
        if self.pos and not ({first.pos_, first.tag_, first.dep_} & self.pos):
            return False
        return not self.clause or any(
            child.dep_ in CLAUSAL_DEPS for token in tokens for child in token.children)


class TermMatcher:
    """Find the terms of a lexicon in parsed Docs: one pass over the tokens.

    A text word matches a term word when its lemma or its lower-case form equals it (a
    lemma also matches in title or upper case: ``Police`` at a sentence start); hyphens
    are skipped on both sides (``so-called`` = ``so called``); the longest match wins and
    matches do not overlap. A match gives every row matching those words whose
    conditions hold (:meth:`Term.accepts`), in lexicon order: the first decides a term's
    category; a term listed under two frames counts for both. Words are compared as
    spaCy string hashes read with ``Doc.to_array``, so only candidate matches cost a
    Python token object.

    Args:
        table: the lexicon (``term``, ``pos`` and the label column).
        label: the name of the label column (``category``, ``frame``).

    Example:
        >>> from toolkit.nlp import load_pipeline
        >>> matcher = TermMatcher.from_lexicon("hedges_boosters", label="category")
        >>> doc = load_pipeline()("It is said to be safe, but it may clearly fail in May.")
        >>> [(terms[0].label, doc[i:j].text) for terms, i, j in matcher.matches(doc)]
        [('hedge', 'is said to'), ('hedge', 'may'), ('booster', 'clearly')]
    """

    def __init__(self, table: pd.DataFrame, *, label: str) -> None:
        self.root: dict = {}
        self.longest = 0
        for number, row in enumerate(table.itertuples(index=False)):
            words = [w for w in _TERM_SPLIT.split(str(row.term).lower()) if w]
            if not words:
                continue
            spec = str(getattr(row, "pos", "any") or "any")
            parts, clause = spec.split("+"), "+clause" in spec
            pos = frozenset(p for p in parts[0].split("|") if p and p != "any")
            node = self.root
            for word in words:
                child = node.setdefault(hash_string(word), {})
                for variant in (word.capitalize(), word.title(), word.upper()):
                    node[hash_string(variant)] = child
                node = child
            node.setdefault("", []).append(
                Term(number, str(row.term), getattr(row, label), pos, clause))
            self.longest = max(self.longest, len(words))
        self.firsts = np.unique(np.array([k for k in self.root if k != ""], dtype=np.uint64))

    @classmethod
    def from_lexicon(cls, name: str | Path, *, label: str) -> TermMatcher:
        """A matcher for a lexicon file (cached until the file changes)."""
        path = lexicon_path(name)
        return _matcher(path, path.stat().st_mtime_ns, label)

    def matches(self, doc: Doc) -> Iterator[tuple[list[Term], int, int]]:
        """``(terms, start, end)`` for each match, ``doc[start:end]`` the words matched,
        ``terms`` the rows it satisfies in lexicon order.

        ``start``/``end`` are token indices; a skipped hyphen inside a match is included.
        """
        if not len(doc):
            return
        array = doc.to_array([LEMMA, LOWER, IS_SPACE])
        kept = np.nonzero((array[:, 2] == 0) & ~member(array[:, 1], _HYPHEN_IDS))[0]
        lemmas, lowers = array[kept, 0], array[kept, 1]
        starts = np.nonzero(member(lemmas, self.firsts) | member(lowers, self.firsts))[0]
        starts = starts.tolist()
        positions = kept.tolist()
        keys = list(zip(lemmas.tolist(), lowers.tolist()))
        root, longest, n = self.root, self.longest, len(positions)
        stop = 0
        for i in starts:
            if i < stop:
                continue
            best: tuple[list[Term], int] | None = None
            nodes = [root]
            for j in range(i, min(n, i + longest)):
                lemma, lower = keys[j]
                reached = [child for node in nodes for child in (
                    node.get(lemma), node.get(lower) if lower != lemma else None)
                    if child is not None]
                if not reached:
                    break
                nodes = reached
                candidates = [t for node in nodes for t in node.get("", ())]
                if candidates:
                    window = [doc[k] for k in positions[i:j + 1]]
                    accepted = sorted({t for t in candidates if t.accepts(window)},
                                      key=lambda t: t.row)
                    if accepted:
                        best = (accepted, j + 1)
            if best is not None:
                terms, stop = best
                yield terms, positions[i], positions[stop - 1] + 1


@lru_cache(maxsize=16)
def _matcher(path: Path, mtime_ns: int, label: str) -> TermMatcher:
    return TermMatcher(load_lexicon(path), label=label)


# --- certainty ----------------------------------------------------------------------------
def certainty_of(doc: Doc, *, matcher: TermMatcher | None = None,
                 voices: Voices | None = None) -> list[dict]:
    """The certainty terms of one parsed article, each with its voice.

    Args:
        doc: the parsed article.
        matcher: a :class:`TermMatcher` (default: ``hedges_boosters.tsv``).
        voices: the text's :class:`Voices` when already computed.

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


def certainty_matches(
    articles: pd.DataFrame,
    *,
    docs: Iterable[Doc] | None = None,
    lexicon: str | Path = HEDGE_LEXICON,
    progress: bool | None = None,
) -> pd.DataFrame:
    """Every hedge, booster, factive and assertive term in the articles, with its voice.

    Args:
        articles: the articles table.
        docs: the parsed articles (default: parse them, from the cache when possible).
        lexicon: the certainty lexicon (name or path; columns ``term, category, pos``).
        progress: progress bar while parsing.

    Returns:
        One row per match: :data:`MATCH_COLUMNS` (``start``/``end`` index the article text).

    Example:
        >>> articles = pd.DataFrame({"doc_id": ["a"], "outlet": ["X"],
        ...                          "text": ["The plan may fail."]})
        >>> certainty_matches(articles, progress=False)[["term", "voice"]].values.tolist()
        [['may', 'journalist']]
    """
    matcher = TermMatcher.from_lexicon(lexicon, label="category")
    rows = [{"doc_id": doc_id, "outlet": outlet, **match}
            for doc_id, outlet, doc in article_docs(articles, docs, progress=progress)
            for match in certainty_of(doc, matcher=matcher)]
    return pd.DataFrame(rows, columns=MATCH_COLUMNS)


def _plural(category: str) -> str:
    return f"{category}s"


CERTAINTY_MEASURES: dict[str, tuple[str, str, float]] = {
    f"{_plural(c)}_per_1000_words{suffix}": (f"{_plural(c)}{suffix}", f"words{suffix}", 1000.0)
    for c in CATEGORIES for suffix in ("", f"_{JOURNALIST}", f"_{QUOTED}")
}
"""The rates of :func:`certainty_per_article`: ``hedges_per_1000_words_journalist`` is
hedges in the journalist's voice per 1,000 words in the journalist's voice, and so on."""


def certainty_per_article(articles: pd.DataFrame, matches: pd.DataFrame) -> pd.DataFrame:
    """Counts and rates per article, overall and in each voice.

    Args:
        articles: the articles table (``doc_id``, ``outlet``, ``text``).
        matches: :func:`certainty_matches` of those articles.

    Returns:
        ``doc_id, outlet, words, words_journalist, words_quoted``, the counts
        ``hedges, hedges_journalist, hedges_quoted, boosters, ...`` and the rates of
        :data:`CERTAINTY_MEASURES` (NaN where a voice has no words).

    Example:
        >>> articles = pd.DataFrame({"doc_id": ["a"], "outlet": ["X"],
        ...                          "text": ['It may fail. "It will clearly fail," he said.']})
        >>> table = certainty_per_article(articles, certainty_matches(articles, progress=False))
        >>> table.loc[0, ["words_journalist", "hedges_journalist", "boosters_quoted"]].tolist()
        [5, 1, 1]
    """
    base = articles[["doc_id", "outlet"]].astype({"doc_id": str}).reset_index(drop=True)
    words = pd.DataFrame([words_by_voice(text) for text in articles["text"].fillna("")])
    base["words_journalist"] = words.get(JOURNALIST, 0)
    base["words_quoted"] = words.get(QUOTED, 0)
    base["words"] = base["words_journalist"] + base["words_quoted"]
    counts = (matches.assign(doc_id=matches["doc_id"].astype(str))
              .groupby(["doc_id", "category", "voice"]).size()
              .unstack(["category", "voice"], fill_value=0))
    for category in CATEGORIES:
        column = _plural(category)
        for voice in VOICES:
            per_doc = counts.get((category, voice), {})
            base[f"{column}_{voice}"] = base["doc_id"].map(per_doc).fillna(0).astype(int)
        base[column] = base[f"{column}_{JOURNALIST}"] + base[f"{column}_{QUOTED}"]
    return add_article_rates(base, CERTAINTY_MEASURES)


def outlet_certainty(
    per_article: pd.DataFrame,
    *,
    by: Sequence[str] = ("outlet",),
    samples: int = BOOTSTRAP_SAMPLES,
    seed: int = 0,
) -> pd.DataFrame:
    """The rates of :func:`certainty_per_article` pooled per outlet, with 95% bootstrap CIs.

    Example:
        >>> articles = pd.DataFrame({"doc_id": ["a", "b"], "outlet": ["X", "X"],
        ...                          "text": ["It may fail.", "It failed."]})
        >>> per_article = certainty_per_article(
        ...     articles, certainty_matches(articles, progress=False))
        >>> float(outlet_certainty(per_article).loc[0, "hedges_per_1000_words"])
        200.0
    """
    return pool_outlets(per_article, CERTAINTY_MEASURES, by=by, samples=samples, seed=seed)
