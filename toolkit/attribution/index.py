"""index: one parsed article, indexed once for the attribution passes.

:class:`ArticleIndex` holds what every pass asks about (positions of sentences,
paragraphs and quotations, character offsets of tokens) and what the passes build: the
attribution rows under construction (:class:`Found`), the quotes already explained, and
the speech verbs left for quotations. The passes (:mod:`toolkit.attribution.passes`) are
functions of the index, run in order.

Example:
    >>> from toolkit.nlp import load_pipeline
    >>> doc = load_pipeline()('It rained.\\n\\n"We stay," Mara Kovell said.')
    >>> index = ArticleIndex(doc)
    >>> index.paragraph(index.text.index("We")), index.quote_at(index.text.index("We"))
    (1, 0)
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from ..parse import doc_text
from . import syntax
from .cues import Cue, cue_lexicon
from .learned import CueModel
from .quotes import QuoteSpan, find_quotes
from .speakers import Speaker

_WORD = re.compile(r"\w+(?:[-'’]\w+)*")
DIRECT_SHARE = 0.8  # content this much inside quotes is a direct quote


@dataclass
class Candidate:
    """A verb that may introduce an attribution (before the rules or model decide).

    Attributes:
        token: the verb.
        cue: its lexicon entry, ``None`` when the lexicon does not list it.
        source: the head of its source mention.
        content: character ranges of its content (clause or objects; may be empty).
        clausal: the content is a clause (``said that ...``), not objects.
        inside: the top-level quote holding the verb, if any.
        quotes: the quotes that make up its clausal content (a direct quote).
    """

    token: Token
    cue: Cue | None
    source: Token | None
    content: list[tuple[int, int]]
    clausal: bool
    inside: int | None
    quotes: list[int]


@dataclass
class Found:
    """An attribution under construction (character offsets).

    Attributes:
        at: the index of the cue word a row was found at, for rows found by walking the
            Doc's words (they are kept in word order, whichever pass found them).
    """

    kind: str
    content: list[tuple[int, int]]
    cue_token: Token | None = None
    cue_chars: tuple[int, int] | None = None
    cue: Cue | None = None
    source_token: Token | None = None
    source_chars: tuple[int, int] | None = None
    quotes: list[int] = field(default_factory=list)
    parent: Found | None = None
    speaker: Speaker | None = None
    hops: list[dict] = field(default_factory=list)
    at: int | None = None

    def absorb(self, quote: int, span: tuple[int, int]) -> None:
        """Add a quote to this attribution: the other half of a split quote, or a
        following quote with no cue that continues the same speaker."""
        self.quotes.append(quote)
        self.content = sorted([*self.content, span])

    @property
    def start(self) -> int:
        return self.content[0][0]

    @property
    def end(self) -> int:
        return self.content[-1][1]


class ArticleIndex:
    """One parsed article, indexed for the passes, and the rows they find.

    Attributes:
        doc, text, outlet, doc_id: the article.
        cue_model: the learned cue model, or ``None`` for the rules alone.
        cues: the cue lexicon, read once for the article.
        quotes: every quotation (:func:`~toolkit.attribution.quotes.find_quotes`);
            ``top`` the indices of the outermost ones, in text order.
        rows: the attributions found so far (see :meth:`add` for their order).
        used_quotes: quotes already given to a row.
        claimed: the verbs (token indices) a pass has already turned into a row.
        bare: speech verbs with a source but no content of their own (``..., she
            said.``), left for the quotations pass.
        candidates: the verb candidates, once :mod:`~toolkit.attribution.candidates`
            has analysed them.
    """

    def __init__(self, doc: Doc, *, outlet: str | None = None, doc_id: str | None = None,
                 cue_model: CueModel | None = None) -> None:
        self.doc, self.text = doc, doc_text(doc)
        self.outlet, self.doc_id = outlet, doc_id
        self.cue_model = cue_model
        self.cues = cue_lexicon()
        self.quotes: list[QuoteSpan] = find_quotes(self.text)
        self.top = [i for i, q in enumerate(self.quotes) if q.depth == 0]
        self._top_starts = [self.quotes[i].open_start for i in self.top]
        self.paragraph_starts = [0] + [m.end() for m in re.finditer(r"\n\s*", self.text)]
        self.sentence_starts = [doc[i].idx for i in syntax.sentence_starts(doc)] \
            if len(doc) else [0]
        self.rows: list[Found] = []
        self.used_quotes: set[int] = set()
        self.claimed: set[int] = set()
        self.bare: list[Token] = []
        self.candidates: list[Candidate] | None = None
        self.plausible: dict[int, bool] = {}  # source token → can hold a view

    # --- rows --------------------------------------------------------------------------
    def add(self, row: Found) -> None:
        """Add a row. Rows found at a cue word (``row.at`` set) are kept in the order of
        their words, ahead of the rest; other rows follow in the order they are added."""
        if row.at is None:
            self.rows.append(row)
            return
        anchored = len(self.rows)
        if self.rows and self.rows[-1].at is None:
            anchored = next(i for i, r in enumerate(self.rows) if r.at is None)
        k = bisect.bisect_right(self.rows, row.at, hi=anchored, key=lambda r: r.at)
        self.rows.insert(k, row)

    # --- positions ---------------------------------------------------------------------
    def paragraph(self, char: int) -> int:
        """The paragraph (0-based) holding a character offset."""
        return bisect.bisect_right(self.paragraph_starts, char) - 1

    def sentence(self, char: int) -> int:
        """The sentence (0-based) holding a character offset."""
        return max(0, bisect.bisect_right(self.sentence_starts, char) - 1)

    def sentence_end(self, sentence: int) -> int:
        """The character offset where sentence ``sentence`` ends (the next one starts)."""
        return self.sentence_starts[sentence + 1] if sentence + 1 < len(self.sentence_starts) \
            else len(self.text)

    def top_between(self, start: int, end: int) -> list[int]:
        """The top-level quotes whose marks may reach into ``[start, end)``, in order."""
        first = max(0, bisect.bisect_right(self._top_starts, start) - 1)
        return self.top[first:bisect.bisect_left(self._top_starts, end)]

    def quote_at(self, char: int) -> int | None:
        """The top-level quote whose marks enclose ``char``."""
        k = bisect.bisect_right(self._top_starts, char) - 1
        if k < 0:
            return None
        q = self.quotes[self.top[k]]
        end = q.close_end if q.close_end is not None else q.end
        return self.top[k] if q.open_start <= char < end else None

    def words(self, q: QuoteSpan) -> int:
        """Words inside a quote."""
        return len(_WORD.findall(self.text, q.start, q.end))

    def chars(self, rng: tuple[int, int]) -> tuple[int, int]:
        """Character offsets of a token range ``[start, end)``."""
        first, last = self.doc[rng[0]], self.doc[rng[1] - 1]
        return first.idx, last.idx + len(last.text)

    def trimmed_chars(self, start: int, end: int) -> tuple[int, int] | None:
        """Characters of the tokens inside ``[start, end)``, edge punctuation trimmed."""
        span = self.doc.char_span(start, end, alignment_mode="contract")
        if span is None or not len(span):
            return None
        lo, hi = syntax.trim(self.doc, span.start, span.end)
        return self.chars((lo, hi)) if hi > lo else None

    def source_chars(self, cue: Token, source: Token | None) -> tuple[int, int] | None:
        """Character offsets of the source mention headed by ``source``."""
        if source is None:
            return None
        start, end = syntax.source_range(cue, source)
        if end <= start:
            return source.idx, source.idx + len(source.text)
        return self.chars((start, end))

    def cue_chars(self, token: Token) -> tuple[int, int]:
        """Character offsets of a verb cue, with its particle (``point out``) or its stance
        adjective and preposition (``were critical of``)."""
        stance = syntax.stance_adjective(token)
        end = token if stance is None else syntax.stance_preposition(stance) or stance
        for child in token.children:
            if child.dep_ == "prt" and child.i == token.i + 1:
                end = child
        return token.idx, end.idx + len(end.text)

    def quotes_covering(self, chars: list[tuple[int, int]], cue: Token) -> list[int]:
        """The quotes that together make up most of the content (``DIRECT_SHARE``), not
        holding the cue: the content is then a direct quote, possibly split by the cue."""
        start, end = chars[0][0], chars[-1][1]
        length = sum(e - s for s, e in chars)
        covering, overlap = [], 0
        for i in self.top_between(start, end):
            q = self.quotes[i]
            if q.open_start <= cue.idx < (q.close_end or q.end) or not self.words(q):
                continue
            shared = sum(max(0, min(e, q.end) - max(s, q.start)) for s, e in chars)
            if shared:
                covering.append(i)
                overlap += shared
        return covering if length and overlap >= DIRECT_SHARE * length else []

    def dependency_order(self) -> list[Found]:
        """The rows in reading order, except that a quote's row comes before the rows
        nested in it (their ``parent``)."""
        ordered: list[Found] = []
        done: set[int] = set()

        def visit(found: Found) -> None:
            if id(found) in done:
                return
            done.add(id(found))
            if found.parent is not None:
                visit(found.parent)
            ordered.append(found)

        for found in sorted(self.rows, key=_reading_position):
            visit(found)
        return ordered


def _reading_position(found: Found) -> tuple[int, int]:
    anchor = found.source_chars[0] if found.source_chars else found.start
    return (min(anchor, found.start), found.start)
