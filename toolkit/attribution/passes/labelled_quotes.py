"""labelled_quotes: the pass that finds a labelling verb with a quoted object.

``called it "a disaster"``, ``described the plan as "reckless"``: the quote is a
``partial`` attribution of the verb's subject (labelling verbs: :data:`LABELLING_LEMMAS`,
when the lexicon lists them as cues).

Example:
    >>> from toolkit.nlp import load_pipeline
    >>> from toolkit.attribution.index import ArticleIndex
    >>> doc = load_pipeline()('The council described the repairs as "reckless" and costly.')
    >>> index = ArticleIndex(doc)
    >>> run(index)
    >>> [(row.kind, index.text[slice(*row.content[0])]) for row in index.rows]
    [('partial', 'reckless')]
"""

from __future__ import annotations

import bisect

from spacy.tokens import Token

from ..candidates import verb_candidates
from ..index import ArticleIndex, Found

LABELLING_LEMMAS = frozenset({"call", "describe", "dub", "label", "term", "brand"})
OBJECT_DEPS = frozenset({"dobj", "oprd", "attr", "prep"})


def run(index: ArticleIndex) -> None:
    """Add a ``partial`` row for each labelling verb whose object holds a quote."""
    for candidate in verb_candidates(index):
        token = candidate.token
        if candidate.cue is None or token.lemma_ not in LABELLING_LEMMAS \
                or candidate.source is None:
            continue
        labelled = labelled_quote(index, token)
        if labelled is None:
            continue
        q = index.quotes[labelled]
        index.used_quotes.add(labelled)
        index.claimed.add(token.i)
        index.add(Found("partial", [(q.start, q.end)], token, index.cue_chars(token),
                        candidate.cue, candidate.source,
                        index.source_chars(token, candidate.source), quotes=[labelled],
                        at=token.i))


def labelled_quote(index: ArticleIndex, token: Token) -> int | None:
    """The top-level quote that makes up one of the verb's objects, if any."""
    for child in token.children:
        if child.dep_ in OBJECT_DEPS:
            # top-level quotes are in text order and never overlap: only the first
            # that starts inside the object can also end inside it
            k = bisect.bisect_left(index.top, child.left_edge.idx,
                                   key=lambda i: index.quotes[i].start)
            if k < len(index.top) and index.quotes[index.top[k]].end <= (
                    child.right_edge.idx + len(child.right_edge.text) + 1):
                return index.top[k]
    return None
