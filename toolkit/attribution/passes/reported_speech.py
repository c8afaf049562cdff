"""reported_speech: the pass that turns verb cues into direct and indirect attributions.

A candidate verb (:mod:`~toolkit.attribution.candidates`) not already used by an earlier
pass becomes:

- nothing yet, when it is a speech verb with a source but no content of its own outside
  quotes (``"...," she said.``): it goes to ``index.bare`` for the quotations pass;
- a ``direct`` row when its clause is made of quotes, an ``indirect`` row otherwise,
  when the rules or the cue model keep it (:func:`keep`).

Example:
    >>> from toolkit.nlp import load_pipeline
    >>> from toolkit.attribution.index import ArticleIndex
    >>> index = ArticleIndex(load_pipeline()("Officials warned that the plan would fail."))
    >>> run(index)
    >>> [(row.kind, row.cue.lemma) for row in index.rows]
    [('indirect', 'warn')]
"""

from __future__ import annotations

from spacy.tokens import Token

from .. import syntax
from ..candidates import features, verb_candidates
from ..cues import unlisted_cue
from ..index import ArticleIndex, Candidate, Found


def run(index: ArticleIndex) -> None:
    """Add the direct and indirect rows of the article's verb cues."""
    for candidate in verb_candidates(index):
        if candidate.token.i in index.claimed:
            continue
        if is_bare(candidate):
            index.bare.append(candidate.token)
            continue
        if not candidate.content or not keep(index, candidate):
            continue
        token = candidate.token
        cue = candidate.cue or unlisted_cue(cue_lemma(token))
        source_chars = index.source_chars(token, candidate.source)
        if candidate.quotes:
            index.used_quotes.update(candidate.quotes)
            parts = [(index.quotes[i].start, index.quotes[i].end) for i in candidate.quotes]
            index.add(Found("direct", parts, token, index.cue_chars(token), cue,
                            candidate.source, source_chars, quotes=list(candidate.quotes),
                            at=token.i))
        else:
            index.add(Found("indirect", candidate.content, token, index.cue_chars(token),
                            cue, candidate.source, source_chars, at=token.i))


def is_bare(candidate: Candidate) -> bool:
    """A speech verb with a source, no clause and outside quotes (``"...," she said``):
    it can only introduce a quotation."""
    return (not candidate.clausal and candidate.cue is not None and candidate.cue.speech
            and candidate.source is not None and candidate.inside is None)


def model_candidates(index: ArticleIndex) -> list[Candidate]:
    """The candidates :func:`keep` decides on (those the cue model is trained on): not
    used by an earlier pass, not bare, with content."""
    return [c for c in verb_candidates(index)
            if c.token.i not in index.claimed and not is_bare(c) and c.content]


def keep(index: ArticleIndex, candidate: Candidate) -> bool:
    """The rules, or the cue model when the index has one, decide on a candidate."""
    cue = candidate.cue
    if cue is not None and candidate.quotes and cue.speech:
        return True
    if (cue is not None and cue.reports and candidate.clausal and candidate.inside is None
            and candidate.source is not None):
        return True  # "officials said that ...", "polls show that ..."
    if index.cue_model is None:
        return (cue is not None and candidate.clausal
                and (candidate.inside is None or cue.speech)
                and (candidate.source is not None or cue.speech))
    return index.cue_model.is_cue(features(index, candidate))


def cue_lemma(token: Token) -> str:
    """A cue outside the lexicon: its lemma, with a copula's adjective (``be critical``)."""
    stance = syntax.stance_adjective(token)
    lemma = token.lemma_.lower()
    return f"{lemma} {stance.lemma_.lower()}" if stance is not None else lemma
