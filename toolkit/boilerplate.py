"""boilerplate: find web page furniture in article text and mask it before parsing.

Scraped articles carry lines that are not reporting: newsletter sign-ups ("Invalid email
address. Please re-enter."), share prompts, photo credits and captions, "Read more"
links, advertisement markers, copyright lines. Parsed as text they turn into speakers
("Invalid") and attributions. The patterns are data, ``toolkit/lexicons/web_boilerplate.tsv``
(a regular expression, its scope, ``line`` or ``inline``, and its kind); edit it or put a
replacement in ``$TOOLKIT_LEXICON_DIR``.

Masking replaces every character of a match with a space, newlines excepted, so the
masked text has the same length, the same paragraphs and the same character offsets as
the original: offsets found in the masked text index the article's ``text`` unchanged.
:func:`toolkit.parse.parse` parses the masked text (so the parse cache keys on it, and a
changed lexicon never reuses a parse of differently masked text).

Example:
    >>> text = ("Mara Kovell said it held.\\n\\nInvalid email address. Please re-enter."
    ...         "\\n\\nAdvertisement")
    >>> masked = mask_boilerplate(text)
    >>> len(masked) == len(text), masked.split("\\n\\n")[0], masked.strip()
    (True, 'Mara Kovell said it held.', 'Mara Kovell said it held.')
    >>> [(span.kind, text[span.start:span.end]) for span in find_boilerplate(text)]
    [('newsletter', 'Invalid email address. Please re-enter.'), ('advert', 'Advertisement')]
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pandas as pd

from .errors import ParameterError
from .lexicons import lexicon_path, load_lexicon

BOILERPLATE_LEXICON = "web_boilerplate"
SCOPES = ("line", "inline")
KEEP = "\n\r"  # characters a mask leaves in place, so paragraphs stay where they were
COUNT_COLUMNS = ["boilerplate_spans", "boilerplate_chars"]


@dataclass(frozen=True)
class BoilerplateSpan:
    """One piece of page furniture: ``text[start:end]``, and the lexicon's ``kind``."""

    start: int
    end: int
    kind: str


@dataclass(frozen=True)
class _Patterns:
    line: re.Pattern | None
    inline: re.Pattern | None
    kinds: tuple[str, ...]


def _combine(rows: list[tuple[int, str]], wrap: str) -> re.Pattern | None:
    """One alternation of named groups ``p<row>``; the match's group names its row."""
    if not rows:
        return None
    body = "|".join(f"(?P<p{row}>{pattern})" for row, pattern in rows)
    return re.compile(wrap.format(body), re.MULTILINE)


@lru_cache(maxsize=8)
def _compile(path: Path, mtime_ns: int) -> _Patterns:
    table = load_lexicon(path)
    missing = {"pattern", "scope", "kind"} - set(table.columns)
    if missing:
        raise ParameterError(f"boilerplate lexicon lacks column(s) {sorted(missing)}", file=path)
    raw = path.read_text(encoding="utf-8").splitlines()
    by_scope: dict[str, list[tuple[int, str]]] = {scope: [] for scope in SCOPES}
    for row, (pattern, scope) in enumerate(zip(table["pattern"], table["scope"])):
        line = next((n for n, text in enumerate(raw, 1) if text.startswith(pattern + "\t")), None)
        if scope not in SCOPES:
            raise ParameterError(f"scope {scope!r} is not one of {', '.join(SCOPES)}",
                                 file=path, line=line, field="scope")
        try:
            re.compile(pattern)
        except re.error as exc:
            raise ParameterError(f"pattern is not a valid regular expression ({exc})",
                                 file=path, line=line, field="pattern") from exc
        by_scope[scope].append((row, pattern))
    return _Patterns(
        line=_combine(by_scope["line"], r"^[ \t]*(?:{})[ \t\r]*$"),
        inline=_combine(by_scope["inline"], "{}"),
        kinds=tuple(table["kind"]),
    )


def _patterns(lexicon: str | Path) -> _Patterns:
    path = lexicon_path(lexicon)
    return _compile(path, path.stat().st_mtime_ns)


def find_boilerplate(text: str, *, lexicon: str | Path = BOILERPLATE_LEXICON
                     ) -> list[BoilerplateSpan]:
    """The furniture in ``text``: non-overlapping spans in text order.

    A span that overlaps an earlier one (an inline credit inside a masked caption line) is
    folded into it.

    Args:
        text: an article's text.
        lexicon: the patterns' lexicon name or file.

    Example:
        >>> text = "Storm hits coast (AP Photo/Ines Varga) as it turned.\\nRead more:"
        >>> [(s.kind, text[s.start:s.end]) for s in find_boilerplate(text)]
        [('credit', '(AP Photo/Ines Varga)'), ('read_more', 'Read more:')]
    """
    return _find(text, _patterns(lexicon))


def _find(text: str, patterns: _Patterns) -> list[BoilerplateSpan]:
    found = []
    for pattern in (patterns.line, patterns.inline):
        if pattern is None:
            continue
        for match in pattern.finditer(text):
            group = match.lastgroup
            start, end = match.span(group)
            if end > start:
                found.append(BoilerplateSpan(start, end, patterns.kinds[int(group[1:])]))
    found.sort(key=lambda span: (span.start, -span.end))
    merged: list[BoilerplateSpan] = []
    for span in found:
        if merged and span.start < merged[-1].end:
            last = merged[-1]
            merged[-1] = BoilerplateSpan(last.start, max(last.end, span.end), last.kind)
        else:
            merged.append(span)
    return merged


def mask_spans(text: str, spans: Iterable[BoilerplateSpan]) -> str:
    """``text`` with each span's characters replaced by spaces (newlines kept).

    Example:
        >>> mask_spans("ab\\ncd", [BoilerplateSpan(1, 4, "advert")])
        'a \\n d'
    """
    parts, last = [], 0
    for span in spans:
        parts.append(text[last:span.start])
        parts.append("".join(c if c in KEEP else " " for c in text[span.start:span.end]))
        last = span.end
    parts.append(text[last:])
    return "".join(parts)


def mask_boilerplate(text: str, *, lexicon: str | Path = BOILERPLATE_LEXICON) -> str:
    """``text`` with its page furniture replaced by spaces of the same length.

    Example:
        >>> mask_boilerplate("It held.\\nStory Continued Below\\nIt rained.")
        'It held.\\n                     \\nIt rained.'
    """
    spans = find_boilerplate(text, lexicon=lexicon)
    return mask_spans(text, spans) if spans else text


def mask_texts(texts: Iterable[str], *, lexicon: str | Path = BOILERPLATE_LEXICON
               ) -> list[str]:
    """:func:`mask_boilerplate` of each text, the lexicon read once for all of them.

    Example:
        >>> mask_texts(["It held.", "Advertisement"])
        ['It held.', '             ']
    """
    patterns = _patterns(lexicon)
    masked = []
    for text in texts:
        spans = _find(text, patterns)
        masked.append(mask_spans(text, spans) if spans else text)
    return masked


def boilerplate_counts(texts: Iterable[str | None], *,
                       lexicon: str | Path = BOILERPLATE_LEXICON) -> pd.DataFrame:
    """Per text: ``boilerplate_spans`` (pieces masked) and ``boilerplate_chars`` (their
    length in characters). A missing text counts zero.

    Example:
        >>> boilerplate_counts(["It held.\\nAdvertisement", None]).values.tolist()
        [[1, 13], [0, 0]]
    """
    patterns = _patterns(lexicon)
    rows = []
    for text in texts:
        spans = _find(text, patterns) if isinstance(text, str) else []
        rows.append((len(spans), sum(span.end - span.start for span in spans)))
    return pd.DataFrame(rows, columns=COUNT_COLUMNS, dtype="int64")


def boilerplate_summary(texts: Iterable[str | None], *,
                        lexicon: str | Path = BOILERPLATE_LEXICON) -> dict[str, int]:
    """Corpus totals for ``toolkit corpus info``: ``boilerplate_articles`` (articles with
    any furniture), ``boilerplate_spans`` and ``boilerplate_chars`` (masked in all).

    Example:
        >>> boilerplate_summary(["It held.\\nAdvertisement", "It rained."])
        {'boilerplate_articles': 1, 'boilerplate_spans': 1, 'boilerplate_chars': 13}
    """
    counts = boilerplate_counts(texts, lexicon=lexicon)
    return {"boilerplate_articles": int((counts["boilerplate_spans"] > 0).sum()),
            "boilerplate_spans": int(counts["boilerplate_spans"].sum()),
            "boilerplate_chars": int(counts["boilerplate_chars"].sum())}
