"""terms: find the terms of a lexicon in parsed Docs (certainty terms, frame terms).

A lexicon row gives a term (one or more words), its label (a category or a frame) and
optional conditions on the first word's part of speech, tag or dependency, or that some
word of the match take a clausal complement (``+clause``). :class:`TermMatcher` finds
them in one pass over the tokens: lemmas or lower-case forms, multiword terms, longest
match first, no overlaps; never substrings.

Example:
    >>> from toolkit.nlp import load_pipeline
    >>> matcher = TermMatcher.from_lexicon("policy_frames", label="frame")
    >>> doc = load_pipeline()("The tax rose and troops shelled the border.")
    >>> [(terms[0].label, doc[i:j].text) for terms, i, j in matcher.matches(doc)][:2]
    [('economic', 'tax'), ('security_and_defense', 'troops')]
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from spacy.attrs import IS_SPACE, LEMMA, LOWER
from spacy.strings import hash_string
from spacy.tokens import Doc, Token

from ..lexicons import derived
from ..text import doc_rows

CLAUSAL_DEPS = frozenset({"ccomp", "xcomp"})
_HYPHEN_IDS = np.unique(np.array([hash_string(h) for h in ("-", "‐", "‑", "–")],
                                 dtype=np.uint64))
_TERM_SPLIT = re.compile(r"[\s\-‐‑]+")


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

    def __init__(self, table: pd.DataFrame, label: str) -> None:
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
        return derived(name, cls, label)

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


def match_table(
    articles: pd.DataFrame,
    rows_of: Callable[..., Iterable[Mapping[str, Any]]],
    *,
    lexicon: str | Path,
    label: str,
    columns: Sequence[str],
    docs: Iterable[Doc] | None = None,
    progress: bool | None = None,
) -> pd.DataFrame:
    """One table of the matches of a lexicon in the articles, each row led by its
    article's ``doc_id`` and ``outlet``.

    Args:
        articles: the articles table.
        rows_of: ``rows_of(doc, matcher=...)`` gives one parsed article's rows.
        lexicon: the lexicon (a name or a path; see :func:`toolkit.lexicons.lexicon_path`).
        label: its label column (``category``, ``frame``).
        columns: the table's columns.
        docs: the parsed articles (default: parse them, from the cache when possible).
        progress: progress bar while parsing.

    Example:
        >>> articles = pd.DataFrame({"doc_id": ["a"], "outlet": ["X"], "text": ["Taxes rose."]})
        >>> def labels_of(doc, *, matcher):
        ...     return [{"label": terms[0].label} for terms, _, _ in matcher.matches(doc)]
        >>> match_table(articles, labels_of, lexicon="hedges_boosters", label="category",
        ...             columns=["doc_id", "outlet", "label"], progress=False).empty
        True
    """
    matcher = TermMatcher.from_lexicon(lexicon, label=label)
    return doc_rows(articles, docs, lambda doc: rows_of(doc, matcher=matcher),
                    columns=columns, progress=progress)
