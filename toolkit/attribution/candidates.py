"""candidates: the verbs of an article that may introduce an attribution, analysed once.

Every verb, auxiliary or copula with a stance adjective is looked at; a candidate keeps
its cue (from the lexicon, or none), its source and its content (a clause, or objects).
Dropped here: auxiliaries; verbs outside the lexicon with no content; the reporting verb
of ``X reported Y saying ...`` (the inner speech verb carries the attribution); verbs
outside the lexicon with neither a clause nor a source that can hold a view (``the ferry
reached the island``). The passes decide what the rest become.

Example:
    >>> from toolkit.nlp import load_pipeline
    >>> doc = load_pipeline()("Officials warned that the plan would fail.")
    >>> [(c.token.text, c.clausal) for c in verb_candidates(ArticleIndex(doc))]
    [('warned', True)]
"""

from __future__ import annotations

import numpy as np
from spacy import parts_of_speech
from spacy.attrs import LEMMA, LOWER, POS
from spacy.tokens import Token

from . import syntax
from .cues import verb_cue
from .index import ArticleIndex, Candidate
from .learned import cue_features
from .sources import classify_source

SOURCE_ENTITIES = frozenset({"PERSON", "ORG", "NORP", "GPE"})
VERB_POS = [parts_of_speech.VERB, parts_of_speech.AUX]


def cue_words(index: ArticleIndex, *, lower: str | None = None) -> list[int]:
    """Indices of the words the cue passes look at: verbs and auxiliaries (a cue is one),
    forms of *be* (a stance copula) and ``according``; with ``lower``, only the words
    spelt so. Read from the Doc's arrays, so that no other token is made.

    Example:
        >>> from toolkit.nlp import load_pipeline
        >>> index = ArticleIndex(load_pipeline()("According to Lind, the gate held."))
        >>> cue_words(index), cue_words(index, lower="according")
        ([0, 6], [0])
    """
    doc = index.doc
    if not len(doc):
        return []
    strings = doc.vocab.strings
    arrays = doc.to_array([POS, LOWER, LEMMA])
    if lower is not None:
        return np.flatnonzero(arrays[:, 1] == strings[lower]).tolist()
    wanted = (np.isin(arrays[:, 0], VERB_POS) | (arrays[:, 1] == strings["according"])
              | (arrays[:, 2] == strings["be"]))
    return np.flatnonzero(wanted).tolist()


def verb_candidates(index: ArticleIndex) -> list[Candidate]:
    """The article's candidates in text order (analysed on the first call, then kept on
    the index)."""
    if index.candidates is None:
        doc = index.doc
        index.candidates = [c for i in cue_words(index) if doc[i].lower_ != "according"
                            for c in [_candidate(index, doc[i])] if c is not None]
    return index.candidates


def _candidate(index: ArticleIndex, token: Token) -> Candidate | None:
    cue = verb_cue(token, lexicon=index.cues)
    stance = syntax.stance_adjective(token)
    if (cue is None and token.pos_ != "VERB" and stance is None) or (
            token.dep_ in ("aux", "auxpass")):
        return None
    speech = cue is not None and cue.speech
    predicate = stance or token  # "were hopeful that ...": the adjective governs
    ranges, clausal = syntax.content_ranges(predicate), True
    if not ranges:
        ranges, clausal = syntax.object_ranges(predicate), False
        if not ranges and not speech:
            return None
    preposition = syntax.stance_preposition(stance) if stance is not None else None
    if ranges and preposition is not None and ranges[0][0] == preposition.i:
        ranges = [(s, e) for s, e in [(preposition.i + 1, ranges[0][1]), *ranges[1:]]
                  if e > s]  # "critical of | X"
        if not ranges:
            return None
    inner = syntax.relayed_speech(token)
    inner_cue = verb_cue(inner, lexicon=index.cues) if inner is not None else None
    if inner_cue is not None and inner_cue.speech:
        return None  # a relay: the inner speech verb carries the attribution
    source = syntax.source_token(token)
    if cue is None and not clausal and not plausible_source(index, source):
        return None  # "the ferry reached the island": no one to attribute it to
    chars = [index.chars(r) for r in ranges]
    quotes = index.quotes_covering(chars, token) if clausal and chars \
        else []
    return Candidate(token, cue, source, chars, clausal, index.quote_at(token.idx), quotes)


def plausible_source(index: ArticleIndex, source: Token | None) -> bool:
    """A verb outside the lexicon needs a source that can hold a view: a named entity, a
    pronoun, or a noun the source lexicons type (decided once a token)."""
    if source is None:
        return False
    if source.ent_type_ in SOURCE_ENTITIES or source.pos_ == "PRON":
        return True
    known = index.plausible.get(source.i)
    if known is None:
        mention = source.doc[source.left_edge.i:source.i + 1]
        known = index.plausible[source.i] = classify_source(mention) != "unknown"
    return known


def features(index: ArticleIndex, candidate: Candidate) -> list[str]:
    """The cue model's features of a candidate."""
    token = candidate.token
    sentence = syntax.sentence(token)
    quoted = any(index.quote_at(t.idx) is not None for t in (sentence[0], sentence[-1]))
    return cue_features(token, nested=candidate.inside is not None,
                        quote_in_sentence=quoted, source=candidate.source,
                        plausible_source=plausible_source(index, candidate.source),
                        content_length=sum(e - s for s, e in candidate.content))
