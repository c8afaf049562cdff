"""quote_boundaries: the pass that keeps every source outside the quotations it cites.

A source never reaches into a quotation that someone is quoted in: the span is cut at
the quote, and a source the parser found inside one (``"Or Ferguson," Trump said``) is
replaced by the nearest noun or pronoun outside it (``Trump``), within the cue's
sentence.

Example:
    >>> from toolkit.nlp import load_pipeline
    >>> from toolkit.attribution.index import ArticleIndex
    >>> from toolkit.attribution.passes import quotations, reported_speech
    >>> index = ArticleIndex(load_pipeline()('"Or the pier," Kovell said.'))
    >>> for run_pass in (reported_speech.run, quotations.run, run):
    ...     run_pass(index)
    >>> index.text[slice(*index.rows[0].source_chars)]
    'Kovell'
"""

from __future__ import annotations

from spacy.tokens import Token

from .. import syntax
from ..index import ArticleIndex, Found


def run(index: ArticleIndex) -> None:
    """Cut or move each row's source out of the quotations used by some row."""
    for found in index.rows:
        if found.source_chars is None or found.source_token is None:
            continue
        start, end = found.source_chars
        cue_quote = index.quote_at(found.cue_chars[0]) if found.cue_chars else None
        # a replaced source stays within its cue's sentence
        reach = max(end, syntax.sentence(found.cue_token).end_char) \
            if found.cue_token is not None else end
        for i in index.top_between(start, reach):
            q = index.quotes[i]
            q_end = q.close_end if q.close_end is not None else q.end
            if i == cue_quote or i not in index.used_quotes or not (
                    q.open_start < end and start < q_end):
                continue
            head = found.source_token.idx
            if q.open_start <= head < q_end:
                replaced = _source_beside(index, found, q_end)
                if replaced is None:
                    found.source_token, found.source_chars = None, None
                    break
                found.source_token, (start, end) = replaced
            elif head >= q_end:
                start = q_end
            else:
                end = q.open_start
        if found.source_token is not None:
            found.source_chars = index.trimmed_chars(start, end) or found.source_chars


def _source_beside(index: ArticleIndex, found: Found,
                   after: int) -> tuple[Token, tuple[int, int]] | None:
    """The first noun or pronoun outside quotes between ``after`` and the cue, else
    right after the cue in its sentence; with its mention's characters."""
    cue = found.cue_token
    if cue is None:
        return None
    sent = syntax.sentence(cue)
    before = [t for t in sent if after <= t.idx < cue.idx]
    behind = list(index.doc[cue.i + 1:sent.end])
    for token in [*before, *behind]:
        if index.quote_at(token.idx) is not None:
            if token.idx > cue.idx:
                break
            continue
        if token.pos_ in ("PROPN", "NOUN", "PRON"):
            while token.dep_ in ("compound", "flat") and token.head.i > token.i:
                token = token.head
            lo, hi = syntax.source_range(cue, token)
            chars = index.trimmed_chars(max(index.doc[lo].idx, after),
                                        index.doc[hi - 1].idx + len(index.doc[hi - 1]))
            return (token, chars) if chars else None
    return None
