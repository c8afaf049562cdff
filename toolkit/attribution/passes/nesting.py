"""nesting: the pass that links an attribution inside a quotation to the quote's row.

A row whose cue (or content, with no cue) lies inside a quote that another row owns is
nested in that row: its ``parent``. Its chain then extends the parent's.

Example:
    >>> from toolkit.attribution.index import Found
    >>> from toolkit.nlp import load_pipeline
    >>> from toolkit.attribution.index import ArticleIndex
    >>> from toolkit.attribution.passes import quotations, reported_speech
    >>> index = ArticleIndex(load_pipeline()(
    ...     '"The engineers told us the gate would hold," Kovell said.'))
    >>> for run_pass in (reported_speech.run, quotations.run, run):
    ...     run_pass(index)
    >>> [(row.cue_token.text, row.parent.cue_token.text if row.parent else None)
    ...  for row in index.rows]
    [('told', 'said'), ('said', None)]
"""

from __future__ import annotations

from ..index import ArticleIndex


def run(index: ArticleIndex) -> None:
    """Set ``parent`` on rows found inside another row's quote."""
    owner = {q: f for f in index.rows for q in f.quotes}
    for found in index.rows:
        anchor = found.cue_chars[0] if found.cue_chars else found.start
        q = index.quote_at(anchor)
        if q is not None and q not in found.quotes and q in owner and owner[q] is not found:
            found.parent = owner[q]
