"""framing: how outlets frame the news: words, cue verbs, scare quotes, certainty, frames, tone.

Modules, one measure each: :mod:`.vocabulary` (distinctive words, "Fightin' Words" log-odds),
:mod:`.verbs` (neutral vs loaded attribution verbs), :mod:`.scare` (scare quotes),
:mod:`.voice` (hedges, boosters, factive and assertive verbs in the journalist's and the
quoted voices), :mod:`.labels` (loaded terms, label pairs, how each outlet labels an entity),
:mod:`.frames` (the 15 policy frames), :mod:`.tone` (VADER and GDELT-style tone by voice),
:mod:`.keyterms` (textacy keyterms). :func:`analyze_framing` runs them all on a corpus.

Example:
    >>> from toolkit import load_corpus, config
    >>> tables = analyze_framing(load_corpus(config.SAMPLE_CORPUS))  # doctest: +SKIP
    >>> tables["scare_quotes_by_outlet"].set_index("outlet")[
    ...     "scare_quotes_per_1000_words"].idxmax()  # doctest: +SKIP
    'The Patriot Beacon'
"""

from __future__ import annotations

from typing import Any

import pandas as pd
from spacy.tokens import Doc

from ..attribution.extract import ATTRIBUTION_COLUMNS, attributions_of, resolve_model
from ..parse import parse
from .frames import article_frames, frame_matches, frame_scores, outlet_frames
from .keyterms import keyterms_by_outlet
from .labels import (
    entity_labels,
    label_pairs_by_outlet,
    loaded_term_hits,
    loaded_terms_by_outlet,
    loaded_terms_per_article,
)
from .scare import outlet_scare_quotes, scare_quote_rates, short_quotes
from .tone import article_tone, outlet_tone, sentence_tone
from .verbs import outlet_verb_profile, top_cue_lemmas, verb_profile
from .vocabulary import distinctive_by_outlet
from .voice import certainty_matches, certainty_per_article, outlet_certainty

DISTINCTIVE_TOP = 50  # terms kept at each end of every outlet's log-odds ranking
KEYTERM_METHOD = "textrank"  # sgrank is 5-10x slower on long articles (see keyterms.py)


def analyze_framing(
    articles: pd.DataFrame,
    *,
    attributions: pd.DataFrame | None = None,
    docs: list[Doc] | None = None,
    cue_model: Any = "default",
    keyterms: bool = True,
    n_process: int = 1,
    progress: bool | None = None,
) -> dict[str, pd.DataFrame]:
    """Every framing table of a corpus from one (cached) parse.

    Args:
        articles: the articles table.
        attributions: the attributions table, when already extracted.
        docs: the articles' parsed Docs in table order, when already at hand.
        cue_model: for extracting attributions when none are given.
        keyterms: also extract keyterms per outlet (the slowest measure).
        n_process: parser processes.
        progress: progress bar while parsing.

    Returns:
        Named DataFrames: ``distinctive_terms``, ``verb_profile_per_article``,
        ``verb_profile``, ``top_cues``,
        ``short_quotes`` (every 1-4 word quote with its status: scare, partial, title,
        ...), ``scare_quotes_per_article``, ``scare_quotes_by_outlet``,
        ``certainty_per_article``, ``certainty_by_outlet``, ``loaded_term_hits``,
        ``loaded_terms_per_article``, ``loaded_terms_by_outlet``, ``label_pairs``,
        ``entity_labels``,
        ``frames_per_article``, ``frames_by_outlet``, ``tone_per_article``,
        ``tone_by_outlet``, ``keyterms`` and ``attributions``.
    """
    if docs is None:
        docs = list(parse(articles, n_process=n_process, progress=progress))
    if attributions is None:
        model = resolve_model(cue_model)
        outlets = dict(zip(articles["doc_id"], articles["outlet"]))
        rows = [row for doc in docs for row in attributions_of(
            doc, outlet=outlets[doc.user_data["doc_id"]], cue_model=model)]
        attributions = pd.DataFrame(rows, columns=ATTRIBUTION_COLUMNS)
    verbs = verb_profile(articles, attributions)
    quotes = short_quotes(articles, attributions, docs=docs)
    scare = scare_quote_rates(articles, quotes)
    certainty = certainty_per_article(articles, certainty_matches(articles, docs=docs))
    hits = loaded_term_hits(docs, articles=articles)
    frames = frame_scores(articles, frame_matches(articles, docs=docs))
    tone = article_tone(articles, sentence_tone(articles, docs=docs))
    tables = {
        "attributions": attributions,
        "distinctive_terms": distinctive_by_outlet(articles, docs, top=DISTINCTIVE_TOP),
        "verb_profile_per_article": verbs,
        "verb_profile": outlet_verb_profile(verbs),
        "top_cues": top_cue_lemmas(attributions),
        "short_quotes": quotes,
        "scare_quotes_per_article": scare,
        "scare_quotes_by_outlet": outlet_scare_quotes(scare),
        "certainty_per_article": certainty,
        "certainty_by_outlet": outlet_certainty(certainty),
        "loaded_term_hits": hits,
        "loaded_terms_per_article": loaded_terms_per_article(articles, hits),
        "loaded_terms_by_outlet": loaded_terms_by_outlet(articles, hits),
        "label_pairs": label_pairs_by_outlet(hits),
        "entity_labels": entity_labels(docs, articles),
        "frames_per_article": article_frames(frames),
        "frames_by_outlet": outlet_frames(frames),
        "tone_per_article": tone,
        "tone_by_outlet": outlet_tone(tone),
    }
    if keyterms:
        tables["keyterms"] = keyterms_by_outlet(articles, docs, method=KEYTERM_METHOD)
    return tables


__all__ = ["analyze_framing"]
