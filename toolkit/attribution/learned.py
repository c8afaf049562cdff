"""learned: a logistic cue model that decides which verbs introduce an attribution.

The syntax rules find *where* a verb's source and content are; this model decides
*whether* a verb is an attribution cue at all, beyond the hand lexicon (PolNeAR marks
``X criticized Y``, ``X called for Y`` and many more as attributions). It is a linear
model over a handful of symbolic features (lemma, complement type, lexicon class, tag,
source kind, whether the verb sits inside a quote), trained on PolNeAR train by
``python -m toolkit.attribution.training`` and stored as feature weights in
``toolkit/models/cue_model.json`` (no article text; see ``toolkit/models/README.md``).

Example:
    >>> from toolkit.nlp import load_pipeline
    >>> doc = load_pipeline()("The senator criticized the new tax plan on Monday.")
    >>> complement_type(doc[2])
    'dobj'
    >>> 0.0 <= CueModel.load().probability(cue_features(doc[2], nested=False)) <= 1.0
    True
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Token

from .. import config
from .cues import verb_cue
from .syntax import sentence as sentence_of
from .syntax import source_token, stance_adjective

MODEL_PATH = config.PACKAGE_DIR / "models" / "cue_model.json"
OBJECT_DEPS = frozenset({"dobj", "attr", "oprd"})
PRONOUNS = frozenset({"PRON"})


def complement_type(token: Token) -> str:
    """What the verb governs: ``ccomp``, ``xcomp``, ``dobj``, ``prep:<word>``,
    ``acomp:<adjective>`` (a stance copula) or ``none``."""
    stance = stance_adjective(token)
    if stance is not None:
        return f"acomp:{stance.lemma_.lower()}"
    deps = {child.dep_: child for child in token.children}
    for dep in ("ccomp", "xcomp"):
        if dep in deps:
            return dep
    if any(dep in deps for dep in OBJECT_DEPS):
        return "dobj"
    preps = [c for c in token.children if c.dep_ == "prep"]
    if preps:
        return f"prep:{preps[0].lower_}"
    return "none"


def _source_kind(source: Token | None) -> str:
    if source is None:
        return "none"
    if source.pos_ in PRONOUNS:
        return f"pron:{source.lower_}" if source.lower_ in {"i", "we", "you", "who"} else "pron"
    return source.ent_type_ or source.pos_


_UNSET = object()


def _source_features(lemma: str, source: Token | None, plausible: bool) -> list[str]:
    """What the source head is: its word when a common noun (``poll``, ``officials``),
    its dependency, and whether the source lexicons can type it."""
    if source is None:
        return ["src=none"]
    word = f"src_lemma={source.lemma_.lower()}" if source.pos_ == "NOUN" else \
        f"src_pos={source.pos_}"
    features = [word, f"src_dep={source.dep_}", f"plausible={plausible}",
                f"lemma_srcent={lemma}|{source.ent_type_ or source.pos_}"]
    if source.pos_ == "NOUN":
        features.append(f"lemma_srclemma={lemma}|{source.lemma_.lower()}")
    return features


def _context_features(token: Token, lemma: str, content_length: int) -> list[str]:
    """The verb's head, complementizer, prepositions and auxiliaries; whether it is in
    the article's first sentence (a headline) and how its sentence ends; content length."""
    head = token.head
    features = [f"head={head.lemma_.lower()}|{token.dep_}" if head.i != token.i else
                "head=ROOT", f"lemma_head={lemma}|{head.lemma_.lower()}"]
    for child in token.children:
        if child.dep_ in ("ccomp", "xcomp"):
            inner = verb_cue(child)
            inner_class = inner.cue_class if inner else "none"
            features += [f"comp_head={child.lemma_.lower()}", f"comp_class={inner_class}",
                         f"lemma_comp_class={lemma}|{inner_class}"]
        if child.dep_ == "ccomp":
            mark = next((m.lower_ for m in child.children if m.dep_ == "mark"), "-")
            features += [f"mark={mark}", f"lemma_mark={lemma}|{mark}"]
        elif child.dep_ == "prep":
            features.append(f"lemma_prep={lemma}|{child.lower_}")
        elif child.dep_ == "aux":
            features.append(f"aux={child.lower_}")
    sentence = sentence_of(token)
    last = next((t for t in reversed(sentence) if not t.is_space), sentence[-1])
    features += [f"first_sent={sentence.start == 0}", f"sent_end={last.text}",
                 f"clen={min(5, content_length // 40)}"]
    return features


def cue_features(token: Token, *, nested: bool, quote_in_sentence: bool = False,
                 source: Token | object | None = _UNSET, plausible_source: bool = True,
                 content_length: int = 0) -> list[str]:
    """The model's features of one verb token.

    Args:
        token: a verb.
        nested: the verb stands inside quotation marks.
        quote_in_sentence: its sentence holds a quotation outside it.
        source: the verb's source head when already found (saves finding it again).
        plausible_source: the source is a name, a pronoun or a noun the lexicons type.
        content_length: characters of the content the rules found.
    """
    lemma = token.lemma_.lower()
    comp = complement_type(token)
    cue = verb_cue(token)
    particle = next((c.lower_ for c in token.children if c.dep_ == "prt"), "")
    negated = any(c.dep_ == "neg" for c in token.children)
    cue_class = cue.cue_class if cue else "none"
    source_head = source_token(token) if source is _UNSET else source
    source = _source_kind(source_head)
    obj = next((c for c in token.children if c.dep_ in OBJECT_DEPS), None)
    obj_lemma = obj.lemma_.lower() if obj is not None else "-"
    obj_kind = (obj.ent_type_ or obj.pos_) if obj is not None else "-"
    return [
        "bias", f"lemma={lemma}", f"lemma_comp={lemma}|{comp}", f"comp={comp.split(':')[0]}",
        f"comp_full={comp}", f"class={cue_class}", f"class_comp={cue_class}|{comp}",
        f"tag={token.tag_}", f"dep={token.dep_}", f"source={source}",
        f"nested={nested}", f"quote={quote_in_sentence}", f"neg={negated}",
        f"particle={lemma} {particle}" if particle else "particle=none",
        f"nested_class={nested}|{cue_class}", f"lemma_source={lemma}|{source}",
        f"lemma_tag={lemma}|{token.tag_}", f"lemma_dep={lemma}|{token.dep_}",
        f"lemma_obj={lemma}|{obj_lemma}", f"obj_kind={obj_kind}",
        f"lemma_obj_kind={lemma}|{obj_kind}", f"source_comp={source}|{comp.split(':')[0]}",
        *_source_features(lemma, source_head, plausible_source),
        *_context_features(token, lemma, content_length),
    ]


@dataclass(frozen=True)
class CueModel:
    """Feature weights, a bias and a decision threshold.

    Attributes:
        weights: feature → weight (unknown features weigh nothing).
        threshold: probability at or above which a verb counts as a cue.
        meta: how it was trained and what it scored (from the model file).
    """

    weights: dict[str, float]
    threshold: float
    meta: dict

    @classmethod
    def load(cls, path: str | Path | None = None) -> CueModel:
        """The model from ``path`` (default: the packaged ``models/cue_model.json``)."""
        return _load(str(path or MODEL_PATH))

    def probability(self, features: list[str]) -> float:
        """P(cue | features) under the logistic model."""
        score = sum(self.weights.get(f, 0.0) for f in features)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, score))))

    def is_cue(self, features: list[str]) -> bool:
        """Whether the features' probability reaches the threshold."""
        return self.probability(features) >= self.threshold


@lru_cache(maxsize=4)
def _load(path: str) -> CueModel:
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    return CueModel(weights=data["weights"], threshold=data["threshold"], meta=data["meta"])
