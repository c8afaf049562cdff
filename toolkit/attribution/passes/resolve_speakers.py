"""resolve_speakers: the pass that gives every row its canonical speaker.

Rows are visited in reading order (a quote's row before the rows nested in it), so a
pronoun resolves to what came before it (:class:`~toolkit.attribution.speakers.
SpeakerBook`), never to a person named inside the quotation being attributed; ``I``/``we``
inside a quote is the quoting row's speaker. A row with no
source at all has no speaker and type ``unknown`` (nothing can be told).

Example:
    >>> from toolkit.nlp import load_pipeline
    >>> from toolkit.attribution.index import ArticleIndex
    >>> from toolkit.attribution.passes import reported_speech
    >>> index = ArticleIndex(load_pipeline()(
    ...     "Mara Kovell said the pier was safe. She said it would reopen."))
    >>> reported_speech.run(index)
    >>> run(index)
    >>> [row.speaker.name for row in index.rows]
    ['Mara Kovell', 'Mara Kovell']
"""

from __future__ import annotations

from ..index import ArticleIndex
from ..speakers import FIRST_PERSON, Speaker, SpeakerBook

UNKNOWN = Speaker(None, "unknown")


def run(index: ArticleIndex) -> None:
    """Set ``speaker`` on every row."""
    book = SpeakerBook(index.doc, quotations=[(index.quotes[i].start, index.quotes[i].end)
                                              for i in index.top])
    for found in index.dependency_order():
        source = found.source_token
        if source is None:
            found.speaker = UNKNOWN
        elif source.lower_ in FIRST_PERSON and found.parent is not None:
            found.speaker = found.parent.speaker or UNKNOWN
        else:
            mention = index.doc.char_span(*found.source_chars, alignment_mode="expand") \
                if found.source_chars else None
            quoted = [(index.quotes[q].open_start, index.quotes[q].close_end or index.quotes[q].end)
                      for q in found.quotes]
            found.speaker = book.resolve(source, mention=mention, quoted=quoted)
        if found.speaker.name and found.source_chars:
            book.note(found.source_chars[0], found.speaker,
                      pronoun=source.lower_ if source is not None else None)
