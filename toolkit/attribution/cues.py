"""cues: which words introduce an attribution, and their class (from a lexicon file).

The lexicon is ``toolkit/lexicons/attribution_cues.tsv`` (columns ``cue, pos, cue_class,
speech, reports``); edit it or pass your own file to :func:`cue_lexicon` to change what
counts. Its classes (``neutral``, ``loaded``, ``belief``, ``finding`` in the packaged file)
are data: code reads only the ``speech`` and ``reports`` columns, so a class added to the
file counts as speech when its rows say so.

Example:
    >>> from toolkit.nlp import load_pipeline
    >>> doc = load_pipeline()("The mayor claimed the dam was safe.")
    >>> cue = verb_cue(doc[2])
    >>> cue.cue_class, cue.speech
    ('loaded', True)
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from spacy.tokens import Token

from ..lexicons import compiled, load_lexicon

CUE_LEXICON = "attribution_cues"
VERB_TAGS = frozenset({"VERB", "AUX"})
UNLISTED_CLASS = "other"  # the class of a cue the lexicon does not list (the cue model's)
ACCORDING_TO = "according to"


@dataclass(frozen=True)
class Cue:
    """One lexicon entry.

    Attributes:
        lemma: the cue's lemma or phrase (``say``, ``point out``, ``according to``).
        cue_class: the lexicon's class (``neutral``, ``loaded``, ``belief``, ``finding``).
        speech: whether it reports speech (the lexicon's ``speech`` column).
        reports: whether a clause after it is its source's reported words or result
            (the ``reports`` column): such a cue needs no cue model to count.
    """

    lemma: str
    cue_class: str
    speech: bool
    reports: bool = False


def _read_cues(path: Path) -> dict[str, Cue]:
    table = load_lexicon(path)
    return {
        row.cue.lower(): Cue(row.cue.lower(), row.cue_class, row.speech == "yes",
                             row.reports == "yes")
        for row in table.itertuples()
    }


def cue_lexicon(name: str = CUE_LEXICON) -> dict[str, Cue]:
    """All cues of a lexicon file, keyed by lower-case lemma or phrase (read again when
    the file changes).

    Example:
        >>> cue_lexicon()["according to"].speech
        True
    """
    return compiled(_read_cues, name)


def unlisted_cue(lemma: str) -> Cue:
    """The cue of a verb the lexicon does not list (one the cue model accepted).

    Example:
        >>> unlisted_cue("back")
        Cue(lemma='back', cue_class='other', speech=False, reports=False)
    """
    return Cue(lemma, UNLISTED_CLASS, False)


def verb_cue(token: Token, *, lexicon: str | Mapping[str, Cue] = CUE_LEXICON) -> Cue | None:
    """The cue a verb token is, if any; phrasal verbs (``point out``) are looked up whole.

    Args:
        token: a token of a parsed Doc.
        lexicon: a lexicon name, or the cues of one already read (:func:`cue_lexicon`).
    """
    if token.pos_ not in VERB_TAGS:
        return None
    cues = cue_lexicon(lexicon) if isinstance(lexicon, str) else lexicon
    lemma = token.lemma_.lower()
    for child in token.children:
        if child.dep_ == "prt":
            phrasal = cues.get(f"{lemma} {child.lower_}")
            if phrasal is not None:
                return phrasal
    return cues.get(lemma)
