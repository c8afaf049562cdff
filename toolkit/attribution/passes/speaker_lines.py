"""speaker_lines: the pass that attributes ``Name: words`` lines.

``Graham: Trump's Rhetoric Destroying GOP's Chance`` and transcript lines (``TAPPER: Do
you think ...``): a line that opens with a short proper name and a colon attributes the
rest of the line to that name (not labels such as ``UPDATE:``, times or numbers). The
colon is the cue, counted as the lexicon counts ``say``.

Example:
    >>> from toolkit.nlp import load_pipeline
    >>> from toolkit.attribution.index import ArticleIndex
    >>> index = ArticleIndex(load_pipeline()("Alda Brennic: We will rebuild the pier soon."))
    >>> run(index)
    >>> [(row.kind, index.text[slice(*row.content[0])]) for row in index.rows]
    [('indirect', 'We will rebuild the pier soon.')]
"""

from __future__ import annotations

import dataclasses
import re

from ..index import ArticleIndex, Found

# A line that opens with a name and a colon: a headline or transcript attribution.
_SPEAKER_LINE = re.compile(r"^[ \t\xa0]*([^\n:]{1,40}?)[ \t\xa0]*:[ \t\xa0]*(\S[^\n]*?)[ \t\xa0]*$",
                           re.M)
_WORD = re.compile(r"\w+(?:[-'’]\w+)*")
SPEAKER_LINE_MAX_TOKENS = 4
SPEAKER_LINE_MIN_WORDS = 3
LINE_LABELS = frozenset({"update", "correction", "editor", "watch", "read", "related",
                         "breaking", "video", "photos", "note", "live", "exclusive"})
COLON_COUNTS_AS = "say"


def run(index: ArticleIndex) -> None:
    """Add a row for each speaker line (none when the lexicon lacks ``say``)."""
    for row in speaker_lines(index):
        index.used_quotes.update(row.quotes)
        index.add(row)


def speaker_lines(index: ArticleIndex) -> list[Found]:
    """The rows of the article's speaker lines, in text order."""
    like = index.cues.get(COLON_COUNTS_AS)
    if like is None:
        return []
    colon_cue = dataclasses.replace(like, lemma=":")
    found = []
    for match in _SPEAKER_LINE.finditer(index.text):
        span = index.doc.char_span(match.start(1), match.end(1), alignment_mode="expand")
        if (span is None or not len(span) or len(span) > SPEAKER_LINE_MAX_TOKENS
                or len(_WORD.findall(match[2])) < SPEAKER_LINE_MIN_WORDS):
            continue
        if not all(t.pos_ == "PROPN" and not t.like_num and not any(c.isdigit() for c in t.text)
                   and t.lower_.strip(".'’s") not in LINE_LABELS for t in span):
            continue
        content = (match.start(2), match.end(2))
        colon = index.text.index(":", match.end(1))
        quotes = index.quotes_covering([content], span[0])
        row = Found("direct" if quotes else "indirect", [content], None, (colon, colon + 1),
                    colon_cue, span.root, (span.start_char, span.end_char), quotes=quotes)
        if quotes:
            row.content = [(index.quotes[i].start, index.quotes[i].end) for i in quotes]
        found.append(row)
    return found
