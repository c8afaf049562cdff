"""quotations: the pass that attributes the quotations no earlier pass explained.

For each top-level quote with words, not yet used, in text order:

1. inside the content of an indirect or ``according to`` row: that row becomes
   ``mixed`` (the earliest such row);
2. else the nearest free speech cue of its sentences (speaker before, after or in the
   middle; the two halves of a split quote become one row), or a cue ending in a colon
   just before it: a ``direct`` row;
3. else, unless it is a short phrase (a scare quote, :data:`SCARE_QUOTE_MAX_WORDS`), it
   continues the previous speaker within :data:`CONTINUATION_PARAGRAPHS` paragraphs.

Free cues are the bare speech verbs the reported-speech pass set aside and the cues of
direct rows, outside quotes.

Example:
    >>> from toolkit.nlp import load_pipeline
    >>> from toolkit.attribution.index import ArticleIndex
    >>> from toolkit.attribution.passes import reported_speech
    >>> index = ArticleIndex(load_pipeline()('"We hold the line," Mara Kovell said.'))
    >>> reported_speech.run(index)
    >>> run(index)
    >>> [(row.kind, row.cue_token.text) for row in index.rows]
    [('direct', 'said')]
"""

from __future__ import annotations

import bisect

from spacy.tokens import Token

from .. import syntax
from ..cues import verb_cue
from ..index import ArticleIndex, Found
from ..quotes import QuoteSpan

SCARE_QUOTE_MAX_WORDS = 4
CONTINUATION_PARAGRAPHS = 1  # a quote with no cue continues a speaker from this close


class _Holders:
    """Reported-speech rows, asked which one's content holds a position. Positions
    must be asked in increasing order; the earliest row wins.

    Example:
        >>> rows = [Found("indirect", [(0, 50)]), Found("indirect", [(10, 20)])]
        >>> _Holders(rows).at(15) is rows[0]
        True
    """

    def __init__(self, rows: list[Found]) -> None:
        self.rows = sorted(enumerate(rows), key=lambda item: item[1].start)
        self.next = 0
        self.open: list[tuple[int, Found]] = []

    def at(self, position: int) -> Found | None:
        while self.next < len(self.rows) and self.rows[self.next][1].start <= position:
            self.open.append(self.rows[self.next])
            self.next += 1
        self.open = [(n, row) for n, row in self.open if row.end > position]
        return min(self.open, key=lambda item: item[0])[1] if self.open else None


class _FreeCues:
    """The free cues of an article, asked for those in a window of sentences."""

    def __init__(self, index: ArticleIndex, cues: list[Token]) -> None:
        self.index, self.cues = index, cues
        self.by_position = sorted(range(len(cues)), key=lambda k: cues[k].idx)
        self.starts = [cues[k].idx for k in self.by_position]

    def within(self, first: int, last: int) -> list[Token]:
        """The free cues in sentences ``first`` to ``last``, in the order found."""
        lo = self.index.sentence_starts[first]
        hi = self.index.sentence_end(last)
        window = self.by_position[bisect.bisect_left(self.starts, lo):
                                  bisect.bisect_left(self.starts, hi)]
        return [self.cues[k] for k in sorted(window)]


def run(index: ArticleIndex) -> None:
    """Attribute every unexplained quotation (see the module docstring)."""
    by_cue: dict[int, Found] = {}
    for found in index.rows:
        if found.kind == "direct" and found.cue_token is not None:
            by_cue[found.cue_token.i] = found
    free = _FreeCues(index, [t for t in index.bare if index.quote_at(t.idx) is None]
                     + [f.cue_token for f in by_cue.values()])
    holders = _Holders([f for f in index.rows if f.kind in ("indirect", "according_to")])
    for i in index.top:
        q = index.quotes[i]
        if i in index.used_quotes or not index.words(q):
            continue
        holder = holders.at(q.start)
        if holder is not None:
            holder.kind = "mixed"
            index.used_quotes.add(i)
            continue
        cue = _nearest_cue(index, free, q) or _colon_cue(index, free, q)
        if cue is not None:
            if cue.i in by_cue and by_cue[cue.i].kind == "direct":
                by_cue[cue.i].absorb(i, (q.start, q.end))
                index.used_quotes.add(i)
                continue
            source = syntax.source_token(cue)
            found = Found("direct", [(q.start, q.end)], cue, index.cue_chars(cue),
                          verb_cue(cue, lexicon=index.cues), source,
                          index.source_chars(cue, source), quotes=[i])
            by_cue[cue.i] = found
            index.used_quotes.add(i)
            index.add(found)
            continue
        if index.words(q) <= SCARE_QUOTE_MAX_WORDS:
            continue
        previous = _previous_speaker_row(index, q)
        if previous is not None:
            index.used_quotes.add(i)
            previous.absorb(i, (q.start, q.end))


def _sentences_of(index: ArticleIndex, q: QuoteSpan) -> tuple[int, int]:
    end = q.close_end if q.close_end is not None else q.end
    return index.sentence(q.open_start), index.sentence(max(q.open_start, end - 1))


def _nearest_cue(index: ArticleIndex, free: _FreeCues, q: QuoteSpan) -> Token | None:
    """The free cue nearest the quote in its sentences (or at the start of the next
    sentence, when nothing but a comma or a space lies between), in its paragraphs."""
    first, last = _sentences_of(index, q)
    paragraph = index.paragraph(q.open_start), index.paragraph(q.close_end or q.end)
    end = q.close_end if q.close_end is not None else q.end
    best, best_distance = None, None
    for token in free.within(first, last + 1):
        if not paragraph[0] <= index.paragraph(token.idx) <= paragraph[1]:
            continue
        if index.sentence(token.idx) == last + 1:  # the sentence after the quote
            sentence_start = index.sentence_starts[last + 1]
            if sentence_start < end and index.text[end:token.idx].strip(" \t,"):
                continue
            if sentence_start >= end and index.quote_at(sentence_start) is not None:
                continue
        distance = min(abs(token.idx - end), abs(token.idx - q.open_start))
        if best_distance is None or distance < best_distance:
            best, best_distance = token, distance
    return best


def _colon_cue(index: ArticleIndex, free: _FreeCues, q: QuoteSpan) -> Token | None:
    """The last free cue of the sentence when the quote follows a colon."""
    colon = q.open_start - 1
    while colon >= 0 and index.text[colon].isspace():
        colon -= 1
    if colon < 0 or index.text[colon] != ":":
        return None
    sentence = index.sentence(colon)
    candidates = free.within(sentence, sentence)
    return candidates[-1] if candidates else None


def _previous_speaker_row(index: ArticleIndex, q: QuoteSpan) -> Found | None:
    paragraph = index.paragraph(q.open_start)
    earlier = [f for f in index.rows if f.end <= q.open_start and f.parent is None
               and paragraph - index.paragraph(f.end) <= CONTINUATION_PARAGRAPHS]
    return max(earlier, key=lambda f: f.end) if earlier else None
