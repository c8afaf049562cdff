"""cues: which words introduce an attribution, and their class (from a lexicon file).

The lexicon is ``toolkit/lexicons/attribution_cues.tsv`` (columns ``cue, pos, cue_class,
speech``); edit it or pass your own file to :func:`cue_lexicon` to change what counts.
Classes: ``neutral`` and ``loaded`` reporting verbs (both speech), ``belief`` and
``finding`` cues (not speech), so analyses can keep or drop the last two.

Example:
    >>> from toolkit.nlp import load_pipeline
    >>> doc = load_pipeline()("The mayor claimed the dam was safe.")
    >>> verb_cue(doc[2]).cue_class
    'loaded'
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Token

from ..lexicons import load_lexicon

CUE_LEXICON = "attribution_cues"
VERB_TAGS = frozenset({"VERB", "AUX"})


@dataclass(frozen=True)
class Cue:
    """One lexicon entry.

    Attributes:
        lemma: the cue's lemma or phrase (``say``, ``point out``, ``according to``).
        cue_class: ``neutral``, ``loaded``, ``belief`` or ``finding``.
        speech: whether it reports speech (neutral and loaded verbs).
    """

    lemma: str
    cue_class: str
    speech: bool


@lru_cache(maxsize=8)
def cue_lexicon(name: str = CUE_LEXICON) -> dict[str, Cue]:
    """All cues of a lexicon file, keyed by lower-case lemma or phrase."""
    table = load_lexicon(name)
    return {
        row.cue.lower(): Cue(row.cue.lower(), row.cue_class, row.speech == "yes")
        for row in table.itertuples()
    }


ACCORDING_TO = Cue("according to", "neutral", True)


def verb_cue(token: Token, *, lexicon: str = CUE_LEXICON) -> Cue | None:
    """The cue a verb token is, if any; phrasal verbs (``point out``) are looked up whole."""
    if token.pos_ not in VERB_TAGS:
        return None
    cues = cue_lexicon(lexicon)
    lemma = token.lemma_.lower()
    for child in token.children:
        if child.dep_ == "prt":
            phrasal = cues.get(f"{lemma} {child.lower_}")
            if phrasal is not None:
                return phrasal
    return cues.get(lemma)


def cue_class_of(lemma: str | None, *, lexicon: str = CUE_LEXICON) -> str | None:
    """The class of a cue lemma or phrase, ``None`` when it is not in the lexicon."""
    if not lemma:
        return None
    cue = cue_lexicon(lexicon).get(lemma.lower())
    return cue.cue_class if cue else None
