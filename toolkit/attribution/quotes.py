"""quotes: find quoted spans in news text, pairing marks robustly and never raising.

:func:`find_quotes` is the layer that direct-quote attribution and scare-quote detection
build on. It makes one left-to-right pass over the quote marks and line breaks of a text
(linear time, pure Python) and degrades per quote: a stray or unbalanced mark costs at most
its own quote, never the document (textacy's ``direct_quotations`` raises instead).

How marks are read:

- **Opening or closing by context.** A mark can open when it follows the start of the
  text, whitespace, opening punctuation (``([{``, dashes, ``/``) or another quote mark, and
  precedes a character other than whitespace or ``, ; : ! ?`` and closing brackets; it can
  close when it follows a non-space and precedes whitespace, punctuation or the end. Marks
  that only ever open (``„ ‚ ‟ 「``, ``‘‘`` and doubled backticks) or only close
  (``」 〞``) need no context. When the context allows both roles or neither, a curly
  mark keeps the role its shape suggests (``“ « ‘`` open, ``” » ’`` close) and a straight
  double mark (``" ″ ''``) closes the open double quote if there is one and opens one
  otherwise.
- **Families pair, not exact characters.** Any closing mark of a family ends any opening
  mark of it (see :data:`FAMILIES`: ``" “ ” „ ″ '' ’’ ...``, guillemets ``« »``, single
  ``' ‘ ’ ‚ ‛``, ``‹ ›``, corner brackets), so ``"...”``, ``„...“`` and wire copy's
  ``"...''`` all pair; :data:`QUOTE_PAIRS` lists the conventional pairs. Quotes of
  different families nest. A new opening mark of the family of the innermost open quote
  (or of an enclosing one, when the quotes in between are only weakly closed, see below)
  means that quote was never closed.
- **Apostrophes are not quote marks.** A single mark between two letters or digits
  (``don't``, ``O'Brien``, ``rock'n'roll``) is an apostrophe, and so is a word-initial one
  before two digits or a common elision (``'90s``, ``’tis``, ``'em``, ``rock 'n' roll``). A
  closing single mark after ``s``/``z``, a digit or ``in`` and before a space
  (``students' fees``, ``goin' home``) is *weak*: it closes the quote only if no plain
  closing mark comes before the quote has to end. So is a straight or right double mark
  after a digit (``a 55" screen``). A closing single mark with no open single quote is an
  apostrophe.
- **Paragraphs.** A line break (one or more ``\\n``, ``\\r\\n``, ...) ends a paragraph, and
  quotes do not cross it, except by the news convention for long quotes: when a paragraph
  ends inside a quote and the next paragraph starts with an opening mark of the same
  family, that mark continues the quote (one span; ``paragraphs`` counts them and
  ``continuations`` lists the repeated marks).

How unbalanced marks degrade (``balanced=False``):

- A quote of any family but the single one (double, guillemets, corner brackets) that is
  never closed ends where it has to: at the end of its paragraph, before the next opening
  mark of its family, or before the closing mark of an enclosing quote, trailing whitespace
  stripped; ``close_end`` is ``None``.
- A single-quote opening mark that is never closed is taken for an apostrophe and yields
  no span (in news text that is what it almost always is); quotes inside it are kept.
- A closing mark with no opening mark is ignored.

Everything else in the text is still found exactly: a stray mark can only change the
quotes of its own paragraph and of the paragraphs a quote continues into by the long-quote
convention.

Example:
    >>> text = 'She said "we will \\'never\\' stop," and left.'
    >>> [(q.text_in(text), q.depth) for q in find_quotes(text)]
    [("we will 'never' stop,", 0), ('never', 1)]
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

QUOTE_PAIRS: dict[str, str] = {
    '"': '"',
    "＂": "＂",
    "″": "″",
    "“": "”",
    "”": "”",
    "„": "“",
    "‟": "”",
    "〝": "〞",
    "``": "''",
    "''": "''",
    "‘‘": "’’",
    "’’": "’’",
    "«": "»",
    "»": "«",
    "‹": "›",
    "›": "‹",
    "'": "'",
    "‘": "’",
    "’": "’",
    "‚": "‘",
    "‛": "’",
    "「": "」",
    "『": "』",
}
"""Opening mark → its conventional closing mark (``» «`` and ``” ”`` are Danish, German and
Swedish usage; doubled single marks stand for double marks in wire copy).
:func:`find_quotes` accepts any closing mark of the same family (:data:`FAMILIES`)."""

FAMILIES: dict[str, tuple[str, ...]] = {
    "double": ('"', "＂", "″", "“", "”", "„", "‟", "〝", "〞", "〟", "``", "''", "‘‘", "’’"),
    "guillemet": ("«", "»"),
    "single": ("'", "‘", "’", "‚", "‛"),
    "single guillemet": ("‹", "›"),
    "corner": ("「", "」"),
    "white corner": ("『", "』"),
}
"""Family name → its marks; a closing mark ends any opening mark of its own family."""

MAX_DEPTH = 6
"""Deepest nesting followed; opening marks beyond it are ignored (keeps the pass linear)."""

_FAMILY = {mark: name for name, marks in FAMILIES.items() for mark in marks}
_OPENING = frozenset(QUOTE_PAIRS)
_CLOSING = frozenset(QUOTE_PAIRS.values()) | {"〟"}  # 〟: the low closing variant of 〝
_SINGLE = frozenset(FAMILIES["single"])
_DIGIT_CLOSING = frozenset({'"', "＂", "″", "”", "''", "’’"})  # inch marks after a digit
_BREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
_TOKEN = re.compile(
    "''(?!')|’’(?!’)|‘‘|``"  # a third mark belongs to the next quote: ’’’ is ’ then ’’
    f"|[{re.escape(''.join(mark for mark in _FAMILY if len(mark) == 1))}]"
    f"|[{_BREAKS}]\\s*"
)
_ELISION_WORD = re.compile(r"[^\W\d_]+")
_ELISIONS = frozenset(  # words that keep an initial apostrophe: 'tis, 'em, rock 'n' roll
    {"tis", "twas", "twere", "twill", "em", "n", "cause", "cuz", "cos", "til", "bout", "nuff",
     "neath", "fraid", "kay", "scuse"}
)
_WORD = re.compile(r"\w+(?:['’‐-]\w+)*")  # don't and so-called are one word each

# Roles of a mark in its context.
_OPEN, _CLOSE, _WEAK, _TOGGLE = 1, 2, 3, 4
# Classes of the characters next to a mark.
_SPACE, _OPENER_CONTEXT, _ALNUM, _OTHER, _CLOSER_CONTEXT = 0, 1, 2, 3, 4


@dataclass(frozen=True, slots=True)
class QuoteSpan:
    """One quoted stretch of text, as character offsets into the text searched.

    Attributes:
        start: offset of the first character of the quoted content (after the opening mark).
        end: offset just past the content: before the closing mark, or for an unclosed
            quote the end of the stretch it plausibly covers (trailing whitespace stripped).
        open_start: offset of the opening mark.
        close_end: offset just past the closing mark; ``None`` when the quote is never closed.
        marks: the opening mark followed by the closing mark (``'“”'``, ``'""'``, ``'«»'``,
            ``'"\\'\\''``); just the opening mark when the quote is never closed.
        depth: 0 for an outermost quote, 1 for a quote inside a quote, ...
        parent: index in the list :func:`find_quotes` returned of the enclosing quote;
            ``None`` at depth 0.
        balanced: ``False`` when the span was recovered from an unclosed opening mark.
        paragraphs: paragraphs the span covers (more than 1 for the news convention of
            repeating the opening mark at the start of each paragraph of a long quote).
        continuations: offsets of those repeated opening marks, inside the content.

    Example:
        >>> text = '"Yes," she said.'
        >>> span = find_quotes(text)[0]
        >>> (span.start, span.end, span.close_end, span.marks, span.text_in(text))
        (1, 5, 6, '""', 'Yes,')
    """

    start: int
    end: int
    open_start: int
    close_end: int | None
    marks: str
    depth: int
    parent: int | None
    balanced: bool
    paragraphs: int
    continuations: tuple[int, ...] = ()

    def text_in(self, text: str) -> str:
        """The quoted content in ``text``, without the repeated opening marks of a long quote.

        Example:
            >>> text = '“First part.\\n\\n“Second part.”'
            >>> find_quotes(text)[0].text_in(text)
            'First part.\\n\\nSecond part.'
        """
        pieces, begin = [], self.start
        for offset in self.continuations:
            pieces.append(text[begin:offset])
            begin = _TOKEN.match(text, offset).end()
        pieces.append(text[begin : self.end])
        return "".join(pieces)


def word_count(text: str, span: QuoteSpan) -> int:
    """Words in the quoted content of ``span`` (scare quotes have 1 to 4).

    Example:
        >>> text = 'The so-called "experts" didn\\'t agree.'
        >>> word_count(text, find_quotes(text)[0])
        1
    """
    return len(_WORD.findall(span.text_in(text)))


class CharRanges:
    """Character ranges (such as the contents of an article's quotes), asked in
    logarithmic time whether they hold a position. Overlapping ranges are merged.

    Example:
        >>> CharRanges([(10, 20), (0, 5), (15, 30)]).holds(25)
        True
        >>> text = 'He said "no" twice.'
        >>> CharRanges.of_quotes(find_quotes(text)).holds(text.index("no"))
        True
    """

    def __init__(self, ranges: Iterable[tuple[int, int]]) -> None:
        merged: list[list[int]] = []
        for start, end in sorted(ranges):
            if merged and start <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], end)
            else:
                merged.append([start, end])
        self.starts = [start for start, _ in merged]
        self.ends = [end for _, end in merged]

    @classmethod
    def of_quotes(cls, quotes: Iterable[QuoteSpan]) -> CharRanges:
        """The quoted content of the top-level quotes."""
        return cls((q.start, q.end) for q in quotes if q.depth == 0)

    def holds(self, position: int) -> bool:
        k = bisect.bisect_right(self.starts, position) - 1
        return k >= 0 and position < self.ends[k]


@lru_cache(maxsize=4096)
def _char_class(char: str) -> int:
    if char.isspace():
        return _SPACE
    if char.isalnum():
        return _ALNUM
    category = unicodedata.category(char)
    if char in _FAMILY or char in "/`" or category in ("Ps", "Pd", "Pi"):
        return _OPENER_CONTEXT
    if char in ",;:!?" or category == "Pe":
        return _CLOSER_CONTEXT
    return _OTHER


class _Quote:
    """A quote being read: open until ``close`` sets where it ends."""

    __slots__ = (
        "children",
        "closing",
        "continuations",
        "end",
        "fallback",
        "family",
        "index",
        "mark",
        "paragraphs",
        "parent",
        "pos",
    )

    def __init__(self, pos: int, mark: str, family: str) -> None:
        self.pos = pos
        self.mark = mark
        self.family = family
        self.fallback: tuple[int, str] | None = None  # the first weak closing mark seen
        self.paragraphs = 1
        self.continuations: list[int] = []
        self.children: list[_Quote] = []  # finished quotes inside this one
        self.end = 0
        self.closing = ""  # stays "" when never closed
        self.parent: _Quote | None = None
        self.index = 0


class _Scanner:
    """One left-to-right pass over the marks and line breaks of a text."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.stack: list[_Quote] = []
        self.open_count = dict.fromkeys(FAMILIES, 0)
        self.finished: list[_Quote] = []  # finished, in closing order
        self.skip = -1  # a paragraph-initial mark taken as a continuation

    def run(self) -> list[QuoteSpan]:
        text = self.text
        for token in _TOKEN.finditer(text):
            pos = token.start()
            mark = token.group()
            if mark[0] in _BREAKS:
                self.end_paragraph(pos, token.end())
            elif pos != self.skip:
                self.read_mark(pos, mark)
        self.end_paragraph(len(text), len(text))
        return self.finish()

    def role(self, pos: int, mark: str) -> int | None:
        """What the mark at ``pos`` can do here (one of the ``_`` roles), or ``None``."""
        text = self.text
        after_pos = pos + len(mark)
        before = _char_class(text[pos - 1]) if pos else _SPACE
        after = _char_class(text[after_pos]) if after_pos < len(text) else _SPACE
        single = mark in _SINGLE
        can_open = (
            mark in _OPENING
            and before <= _OPENER_CONTEXT
            and after not in (_SPACE, _CLOSER_CONTEXT)
        )
        can_close = mark in _CLOSING and before != _SPACE and after != _ALNUM
        if can_open and not can_close:
            return None if single and self.is_elision(after_pos) else _OPEN
        if can_close and not can_open:
            return self.closing_role(pos, mark, after)
        if single:
            return None  # between letters (don't) or spaces: an apostrophe or a stray
        if mark not in _CLOSING or unicodedata.category(mark[0]) == "Pi":
            return _OPEN
        if mark not in _OPENING or unicodedata.category(mark[0]) == "Pf":
            return _CLOSE
        return _TOGGLE

    def is_elision(self, pos: int) -> bool:
        """Whether the word at ``pos``, after a single mark, is elided ('90s, ’tis, 'em)."""
        text = self.text
        digits = text[pos : pos + 3]
        if len(digits) >= 2 and digits[:2].isdigit():
            return len(digits) == 2 or not digits[2].isdigit()
        word = _ELISION_WORD.match(text, pos, pos + 7)
        if word is None or (word.end() < len(text) and text[word.end()].isalpha()):
            return False
        return word.group().lower() in _ELISIONS

    def closing_role(self, pos: int, mark: str, after: int) -> int | None:
        text = self.text
        previous = text[pos - 1]
        if mark in _SINGLE:
            if previous in "nN" and pos >= 2 and text[pos - 2] in _SINGLE:
                return None  # the second mark of rock 'n' roll
            if after == _SPACE and (
                previous in "sSzZ" or previous.isdigit() or text[pos - 2 : pos] == "in"
            ):
                return _WEAK
        elif after == _SPACE and previous.isdigit() and mark in _DIGIT_CLOSING:
            return _WEAK
        return _CLOSE

    def read_mark(self, pos: int, mark: str) -> None:
        role = self.role(pos, mark)
        if role is None:
            return
        family = _FAMILY[mark]
        stack = self.stack
        if role == _TOGGLE:
            role = _CLOSE if self.open_count[family] else _OPEN
        if role == _OPEN:
            if self.open_count[family]:
                level = len(stack) - 1
                while stack[level].family != family and stack[level].fallback is not None:
                    level -= 1
                if stack[level].family == family:  # that quote was never closed
                    stripped = self.strip(pos)
                    while len(stack) > level:
                        self.resolve(self.pop(), stripped)
            if len(stack) < MAX_DEPTH:
                stack.append(_Quote(pos, mark, family))
                self.open_count[family] += 1
        elif role == _WEAK:
            if stack and stack[-1].family == family and stack[-1].fallback is None:
                stack[-1].fallback = (pos, mark)
        elif self.open_count[family]:
            stripped = self.strip(pos)
            while stack[-1].family != family:
                self.resolve(self.pop(), stripped)
            self.close(self.pop(), pos, mark)

    def end_paragraph(self, pos: int, next_start: int) -> None:
        stack = self.stack
        if not stack:
            return
        stripped = self.strip(pos)
        while len(stack) > 1:
            self.resolve(self.pop(), stripped)
        bottom = stack[0]
        following = _TOKEN.match(self.text, next_start)
        if (
            bottom.fallback is None
            and following is not None
            and _FAMILY.get(following.group()) == bottom.family
            and self.role(next_start, following.group()) == _OPEN
        ):
            bottom.paragraphs += 1
            bottom.continuations.append(next_start)
            self.skip = next_start
        else:
            self.resolve(self.pop(), stripped)

    def strip(self, pos: int) -> int:
        """``pos`` moved back over whitespace."""
        text = self.text
        while pos and text[pos - 1].isspace():
            pos -= 1
        return pos

    def pop(self) -> _Quote:
        quote = self.stack.pop()
        self.open_count[quote.family] -= 1
        return quote

    def adopt(self, quotes: list[_Quote]) -> None:
        """Make finished quotes children of the innermost open quote (if any)."""
        if self.stack:
            self.stack[-1].children.extend(quotes)

    def close(self, quote: _Quote, end: int, mark: str) -> None:
        quote.end = end
        quote.closing = mark
        for child in quote.children:
            child.parent = quote
        self.adopt([quote])
        self.finished.append(quote)

    def resolve(self, quote: _Quote, stripped: int) -> None:
        """Finish a quote whose closing mark never came (``stripped``: where it must end)."""
        if quote.fallback is not None:
            pos, mark = quote.fallback
            inside: list[_Quote] = []
            after: list[_Quote] = []
            for child in quote.children:
                (after if child.pos > pos else inside).append(child)
            quote.children = inside
            self.close(quote, pos, mark)
            self.adopt(after)
        elif quote.family == "single":
            self.adopt(quote.children)
        else:
            self.close(quote, max(stripped, quote.pos + len(quote.mark)), "")

    def finish(self) -> list[QuoteSpan]:
        quotes = sorted(self.finished, key=lambda quote: quote.pos)
        result: list[QuoteSpan] = []
        for index, quote in enumerate(quotes):
            quote.index = index
            parent = quote.parent
            result.append(
                QuoteSpan(
                    start=quote.pos + len(quote.mark),
                    end=quote.end,
                    open_start=quote.pos,
                    close_end=quote.end + len(quote.closing) if quote.closing else None,
                    marks=quote.mark + quote.closing,
                    depth=0 if parent is None else result[parent.index].depth + 1,
                    parent=None if parent is None else parent.index,
                    balanced=bool(quote.closing),
                    paragraphs=quote.paragraphs,
                    continuations=tuple(quote.continuations),
                )
            )
        return result


def find_quotes(text: str) -> list[QuoteSpan]:
    """Every quoted span in ``text``, sorted by start; nested quotes lie inside their parent.

    Never raises on any string: unbalanced or stray marks degrade only their own quote (the
    module docstring gives the rules). Linear in the length of the text.

    Args:
        text: the text to search.

    Returns:
        The spans sorted by ``start``; a span's ``parent`` indexes this list.

    Example:
        >>> text = '"A," she said. "B is fine. Then "C" he added.'
        >>> [(q.text_in(text), q.balanced) for q in find_quotes(text)]
        [('A,', True), ('B is fine. Then', False), ('C', True)]
    """
    return list(_cached_quotes(text))


@lru_cache(maxsize=4096)
def _cached_quotes(text: str) -> tuple[QuoteSpan, ...]:
    """The spans of recent texts: extraction and every framing measure ask for them."""
    return tuple(_Scanner(text).run())
