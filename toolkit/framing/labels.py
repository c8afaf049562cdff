"""labels: loaded words, label pairs and the words each outlet attaches to the same entity.

Three views of word choice, all from the parsed articles:

- **Loaded terms** (:func:`loaded_term_hits`, :func:`loaded_terms_by_outlet`): the words of
  the ``loaded_terms`` lexicon (``toolkit/lexicons/loaded_terms.tsv``: slammed, scheme,
  radical, so-called ...) found in each article, flagged when they sit inside quotation
  marks, and counted per 1,000 words (:data:`toolkit.text.WORD`) in all, in the
  journalist's own voice and in quoted voices.
- **Label pairs** (:func:`label_pairs_by_outlet`): for pairs such as regime / government or
  terrorists / militants, which side each outlet uses and how often.
- **Entity labels** (:func:`entity_labels`): for people, organisations, places and groups
  named by at least two outlets, the words the dependency parse attaches to them ("regime"
  in "the Assad regime", "radical" in "the radical senator"), counted per outlet.

:func:`basil_lexical_recall` checks the loaded-term and distinctive-word detectors against
the lexical-bias spans annotated in BASIL (Fan et al. 2019).

Example:
    >>> import pandas as pd
    >>> articles = pd.DataFrame({"doc_id": ["a"], "outlet": ["X"],
    ...     "text": ['Critics slammed the scheme. "It is a disaster," she said.']})
    >>> hits = loaded_term_hits(articles)
    >>> hits[["term", "category", "in_quote"]].values.tolist()
    [['slam', 'loaded', False], ['scheme', 'loaded', False], ['disaster', 'loaded', True]]
    >>> loaded_terms_by_outlet(articles, hits)["loaded_terms_per_1000_words"].tolist()
    [300.0]
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import numpy as np
import pandas as pd
from spacy.attrs import LEMMA, LOWER
from spacy.attrs import POS as POS_ATTR
from spacy.strings import hash_string
from spacy.symbols import AUX, NOUN, PROPN, VERB
from spacy.tokens import Doc, Span, Token

from ..attribution.quotes import CharRanges, QuoteSpan, find_quotes
from ..corpus import load_corpus
from ..errors import ParameterError
from ..lexicons import derived, lexicon_path
from ..measures import ArticleInputs, Measure, MeasureFamily, add_rates, pool_measures
from ..parse import doc_text, parse
from ..stats import BOOTSTRAP_SAMPLES, sum_counts
from ..text import JOURNALIST, QUOTED, WORD_COLUMNS, aligned_counts, article_docs
from .vocabulary import distinctive_by_outlet

LEXICON = "loaded_terms"
LOADED_CATEGORIES = frozenset({"loaded", "label"})
CATEGORIES = ("loaded", "label", "neutral")
HIT_COLUMNS = ["doc_id", "outlet", "term", "text", "category", "pair_id", "start", "end",
               "in_quote"]
ENTITY_TYPES = ("PERSON", "ORG", "GPE", "NORP")
ENTITY_LABEL_COLUMNS = ["entity", "entity_type", "outlet", "word", "count", "entity_mentions"]
Voice = Literal["all", "journalist", "quoted"]
_TAGS = {"NOUN": frozenset({int(NOUN), int(PROPN)}), "VERB": frozenset({int(VERB), int(AUX)})}
_PIECES = re.compile(r"\w+|[^\w\s]")
_HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "dr", "sir", "madam"})
_NAME_TYPES = frozenset({"PERSON", "ORG", "GPE", "FAC", "LOC"})
_WORD_POS = frozenset({"NOUN", "PROPN", "ADJ"})
_MODIFIER_DEPS = frozenset({"amod", "compound", "nmod"})


# --- the lexicon -------------------------------------------------------------------------
def inflections(word: str, pos: str) -> set[str]:
    """The regular inflected forms of an English noun or verb (over-generation is harmless).

    Irregular forms (fled, sought) are matched through the token's lemma instead.

    Example:
        >>> sorted(inflections("slam", "VERB"))
        ['slam', 'slamed', 'slaming', 'slammed', 'slamming', 'slams']
        >>> sorted(inflections("crony", "NOUN"))
        ['cronies', 'crony']
    """
    forms = {word}
    if pos not in ("NOUN", "VERB") or not word.isalpha():
        return forms
    if word.endswith(("s", "x", "z", "ch", "sh")):
        forms.add(word + "es")
    elif len(word) > 1 and word.endswith("y") and word[-2] not in "aeiou":
        forms.add(word[:-1] + "ies")
    else:
        forms.add(word + "s")
    if pos == "VERB":
        stem = word[:-1] if word.endswith("e") else word
        forms |= {stem + "ed", stem + "ing", word + word[-1] + "ed", word + word[-1] + "ing"}
        if len(word) > 1 and word.endswith("y") and word[-2] not in "aeiou":
            forms.add(word[:-1] + "ied")
    return forms


@dataclass(frozen=True)
class LoadedTerm:
    """One lexicon row, compiled for matching.

    Attributes:
        term: the lexicon's term (``"so-called"``).
        category: ``loaded``, ``label`` or ``neutral``.
        pair_id: the label pair, or ``None``.
        pieces: per token, the string hashes a token's lower form or lemma may have.
        tags: POS ids the last token must have, or ``None`` for no check.
    """

    term: str
    category: str
    pair_id: str | None
    pieces: tuple[frozenset[int], ...]
    tags: frozenset[int] | None


@dataclass(frozen=True)
class LoadedLexicon:
    """A compiled loaded-terms lexicon: patterns keyed by the hashes of their first token.

    Attributes:
        by_first: first-token hash → the patterns starting with it.
        first: every first-token hash, as an array for ``np.isin``.
        table: the lexicon table as read.
    """

    by_first: dict[int, tuple[LoadedTerm, ...]]
    first: np.ndarray
    table: pd.DataFrame


def _patterns(row: Any) -> Iterator[LoadedTerm]:
    term = row.term.strip().lower()
    pos = row.pos.strip().upper()
    pair_id = row.pair_id.strip() or None
    words = _PIECES.findall(term)
    spellings = [words] + ([[term]] if len(words) > 1 and "-" in term else [])
    for pieces in spellings:
        hashes = [frozenset({hash_string(p)}) for p in pieces[:-1]]
        hashes.append(frozenset(hash_string(f) for f in inflections(pieces[-1], pos)))
        tags = _TAGS.get(pos) if len(words) == 1 else None
        yield LoadedTerm(term, row.category.strip(), pair_id, tuple(hashes), tags)


def _compiled(table: pd.DataFrame, path: str) -> LoadedLexicon:
    required = {"term", "category", "pos", "pair_id"}
    if not required <= set(table.columns):
        raise ParameterError(f"loaded-terms lexicon needs columns {', '.join(sorted(required))}",
                             file=path)
    bad = sorted(set(table["category"]) - set(CATEGORIES))
    if bad:
        raise ParameterError(f"unknown category {bad[0]!r}", file=path,
                             hint=f"Use one of {', '.join(CATEGORIES)}")
    by_first: dict[int, list[LoadedTerm]] = {}
    for row in table.itertuples():
        for pattern in _patterns(row):
            for key in pattern.pieces[0]:
                by_first.setdefault(key, []).append(pattern)
    return LoadedLexicon({k: tuple(v) for k, v in by_first.items()},
                         np.array(sorted(by_first), dtype=np.uint64), table)


def loaded_lexicon(name: str | Path = LEXICON) -> LoadedLexicon:
    """The compiled lexicon (cached until the file changes).

    Args:
        name: a lexicon name or path (see :func:`toolkit.lexicons.lexicon_path`) of a TSV
            with at least ``term, category, pos, pair_id`` columns.

    Raises:
        ParameterError: the file is missing, lacks a column or has an unknown category.

    Example:
        >>> "regime" in set(loaded_lexicon().table["term"])
        True
    """
    return derived(name, _compiled, str(lexicon_path(name)))


# --- loaded terms in one Doc ---------------------------------------------------------------
def doc_loaded_terms(
    doc: Doc,
    *,
    outlet: str | None = None,
    lexicon: str | Path = LEXICON,
    quotes: Iterable[QuoteSpan] | None = None,
) -> list[dict[str, Any]]:
    """The lexicon terms in one parsed article, longest match first, never overlapping.

    One vectorised pass finds the tokens that can start a term; only those are checked.

    Args:
        doc: a parsed Doc (``doc.user_data["doc_id"]`` is copied into each hit).
        outlet: the article's outlet, copied into each hit.
        lexicon: the lexicon name or path (see :func:`loaded_lexicon`).
        quotes: the quote spans of ``doc.text`` when already found; ``None`` runs
            :func:`toolkit.attribution.quotes.find_quotes`.

    Returns:
        One dict per hit with the :data:`HIT_COLUMNS`; ``start``/``end`` are character
        offsets into ``doc.text`` and ``in_quote`` says whether the hit starts inside an
        (outermost) quotation.

    Example:
        >>> from toolkit.nlp import load_pipeline
        >>> doc = load_pipeline()("Union bosses fled the so-called talks.")
        >>> [(h["text"], h["category"], h["start"]) for h in doc_loaded_terms(doc)]
        [('Union bosses', 'label', 0), ('fled', 'label', 13), ('so-called', 'loaded', 22)]
    """
    compiled = loaded_lexicon(lexicon)
    if not len(doc):
        return []
    array = doc.to_array([LOWER, LEMMA, POS_ATTR])
    candidates = np.flatnonzero(np.isin(array[:, 0], compiled.first)
                                | np.isin(array[:, 1], compiled.first))
    if not len(candidates):
        return []
    quoted = CharRanges.of_quotes(find_quotes(doc_text(doc)) if quotes is None else quotes)
    doc_id = doc.user_data.get("doc_id")
    hits, free_from, size = [], 0, len(doc)
    for i in candidates.tolist():
        if i < free_from:
            continue
        best: LoadedTerm | None = None
        for key in {int(array[i, 0]), int(array[i, 1])}:
            for pattern in compiled.by_first.get(key, ()):
                n = len(pattern.pieces)
                if (i + n > size or (best is not None and n <= len(best.pieces))
                        or (pattern.tags is not None and int(array[i + n - 1, 2])
                            not in pattern.tags)):
                    continue
                if all(int(array[i + j, 0]) in piece or int(array[i + j, 1]) in piece
                       for j, piece in enumerate(pattern.pieces)):
                    best = pattern
        if best is None:
            continue
        span = doc[i:i + len(best.pieces)]
        free_from = span.end
        hits.append({
            "doc_id": doc_id, "outlet": outlet, "term": best.term, "text": span.text,
            "category": best.category, "pair_id": best.pair_id,
            "start": span.start_char, "end": span.end_char,
            "in_quote": quoted.holds(span.start_char),
        })
    return hits


def loaded_term_hits(
    source: pd.DataFrame | Iterable[Doc],
    *,
    articles: pd.DataFrame | None = None,
    lexicon: str | Path = LEXICON,
) -> pd.DataFrame:
    """Every loaded, label and neutral lexicon term in a corpus, one row a hit.

    Args:
        source: the articles table (parsed here, read from the cache when parsed before)
            or the parsed Docs.
        articles: with Docs, the articles table that gives each Doc its outlet (see
            :func:`toolkit.text.article_docs`); without it ``outlet`` is
            empty.
        lexicon: the lexicon name or path (see :func:`loaded_lexicon`).

    Returns:
        The :data:`HIT_COLUMNS`: ``doc_id, outlet, term, text, category, pair_id, start,
        end, in_quote`` (offsets into the article's text). Neutral terms (the plain side
        of a label pair) are included; they are not counted as loaded.

    Example:
        >>> from toolkit.nlp import load_pipeline
        >>> hits = loaded_term_hits([load_pipeline()("The regime blasted the mob.")])
        >>> hits[["term", "category"]].values.tolist()
        [['regime', 'label'], ['blast', 'loaded'], ['mob', 'label']]
    """
    if isinstance(source, pd.DataFrame):
        articles, docs = source, None
    else:
        docs = source
    if articles is not None:
        triples = article_docs(articles, docs)
    else:
        triples = ((doc.user_data.get("doc_id"), None, doc) for doc in docs)
    rows = []
    for _, outlet, doc in triples:
        rows += doc_loaded_terms(doc, outlet=outlet, lexicon=lexicon)
    return pd.DataFrame(rows, columns=HIT_COLUMNS).astype({"in_quote": bool})


# --- per article and per outlet ------------------------------------------------------------
_VOICES = {"": ("per 1,000 words", "", "both", True),
           f"_{JOURNALIST}": ("per 1,000 words in the journalist's voice",
                              " in the journalist's own voice", JOURNALIST, False),
           f"_{QUOTED}": ("per 1,000 quoted words", " in quoted voices", QUOTED, False)}
LOADED_TERM_MEASURES = tuple(
    Measure(f"loaded_terms_per_1000_words{suffix}", label="Loaded terms", unit=unit,
            description=f"loaded terms{where}", numerator=f"loaded_terms{suffix}",
            denominator=f"words{suffix}", scale=1000.0, voice=voice, pairwise=False,
            headline=overall, figure=overall)
    for suffix, (unit, where, voice, overall) in _VOICES.items())
"""The rates of :func:`loaded_terms_per_article`: loaded terms per 1,000 words, in all and
in each voice (loaded terms in the journalist's voice per 1,000 of its words ...)."""
_COUNTS = [*WORD_COLUMNS, "loaded_terms", f"loaded_terms_{JOURNALIST}", f"loaded_terms_{QUOTED}"]


def loaded_terms_per_article(
    articles: pd.DataFrame, hits: pd.DataFrame | None = None, *,
    text_counts: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """One row per article: words in each voice, loaded terms in each voice, and rates.

    Words are :data:`toolkit.text.WORD` matches, as every per-word rate of the toolkit;
    quoted words are those inside outermost quotation marks, journalist words the rest
    (:func:`toolkit.text.word_table`). Loaded terms are the ``loaded`` and ``label`` hits.

    Args:
        articles: the articles table (``doc_id``, ``outlet``, ``text``).
        hits: :func:`loaded_term_hits` of those articles; ``None`` computes them.
        text_counts: :func:`toolkit.text.word_table` of the articles (counted here when
            not given).

    Returns:
        ``doc_id, outlet, words, words_journalist, words_quoted, loaded_terms,
        loaded_terms_journalist, loaded_terms_quoted`` and the rates of
        :data:`LOADED_TERM_MEASURES` (NaN where a denominator is zero).

    Example:
        >>> articles = pd.DataFrame({"doc_id": ["a"], "outlet": ["X"],
        ...                          "text": ['The mob "fled the chaos" today.']})
        >>> table = loaded_terms_per_article(articles)
        >>> columns = ["words", "words_quoted", "loaded_terms_journalist", "loaded_terms_quoted"]
        >>> table[columns].iloc[0].tolist()
        [6, 3, 1, 2]
    """
    hits = loaded_term_hits(articles) if hits is None else hits
    table = articles[["doc_id", "outlet"]].reset_index(drop=True)
    table[list(WORD_COLUMNS)] = aligned_counts(articles, text_counts)
    loaded = hits[hits["category"].isin(LOADED_CATEGORIES)]
    per_doc = loaded.groupby("doc_id")["in_quote"].agg(["size", "sum"])
    table["loaded_terms"] = table["doc_id"].map(per_doc["size"]).fillna(0).astype(int)
    table[f"loaded_terms_{QUOTED}"] = table["doc_id"].map(per_doc["sum"]).fillna(0).astype(int)
    table[f"loaded_terms_{JOURNALIST}"] = table["loaded_terms"] - table[f"loaded_terms_{QUOTED}"]
    table = add_rates(table, LOADED_TERM_MEASURES)
    return table[["doc_id", "outlet", *_COUNTS, *(m.name for m in LOADED_TERM_MEASURES)]]


def _pool(per_article: pd.DataFrame, measures: Sequence[Measure], **options: Any
          ) -> pd.DataFrame:
    """The loaded-term rates pooled per outlet, with the share of loaded terms inside
    quotation marks; highest overall rate first."""
    table = pool_measures(per_article, measures, **options)
    table.insert(table.columns.get_loc("loaded_terms_per_1000_words"),
                 "share_loaded_terms_quoted",
                 table[f"loaded_terms_{QUOTED}"] / table["loaded_terms"].replace(0, np.nan))
    return table.sort_values("loaded_terms_per_1000_words", ascending=False,
                             ignore_index=True)


def loaded_terms_by_outlet(
    articles: pd.DataFrame,
    hits: pd.DataFrame | None = None,
    *,
    samples: int = BOOTSTRAP_SAMPLES,
    seed: int = 0,
) -> pd.DataFrame:
    """Loaded terms per outlet, overall and in each voice, with 95% bootstrap intervals.

    Each rate is summed loaded terms over summed words of the outlet's articles; its
    interval resamples articles (percentile bootstrap, as every pooled measure).

    Args:
        articles: the articles table (``doc_id``, ``outlet``, ``text``).
        hits: :func:`loaded_term_hits` of those articles; ``None`` computes them.
        samples: bootstrap resamples.
        seed: random seed of the resampling.

    Returns:
        One row per outlet: ``outlet, articles``, the word and loaded-term counts of
        :func:`loaded_terms_per_article`, ``share_loaded_terms_quoted`` (of the outlet's
        loaded terms, the share inside quotation marks) and per rate ``<rate>``,
        ``<rate>_low``, ``<rate>_high``; highest overall rate first.

    Example:
        >>> articles = pd.DataFrame({"doc_id": ["a", "b"], "outlet": ["X", "Y"],
        ...     "text": ["Thugs slammed the plan.", "Protesters criticized the plan."]})
        >>> table = loaded_terms_by_outlet(articles)
        >>> table[["outlet", "loaded_terms_per_1000_words"]].values.tolist()
        [['X', 500.0], ['Y', 0.0]]
    """
    return LOADED_TERMS.pool_outlets(loaded_terms_per_article(articles, hits),
                                     samples=samples, seed=seed)


def label_pairs_by_outlet(hits: pd.DataFrame, *, voice: Voice = "all") -> pd.DataFrame:
    """For each label pair, how often each outlet uses the loaded side and the plain side.

    Args:
        hits: :func:`loaded_term_hits` (rows with a ``pair_id`` are used).
        voice: ``"all"`` hits, only the ``"journalist"``'s (outside quotation marks), or
            only ``"quoted"`` ones.

    Returns:
        One row per pair and outlet that used either side: ``pair_id, outlet,
        label_uses, neutral_uses, share_label_uses`` (label uses over both sides' uses),
        ``prefers`` (``label``, ``neutral`` or ``even``), ``label_terms`` and
        ``neutral_terms`` (the lexicon terms used, with counts, e.g. ``"regime (2)"``).

    Raises:
        ParameterError: an unknown ``voice``.

    Example:
        >>> from toolkit.nlp import load_pipeline
        >>> doc = load_pipeline()("The regime met. The government and the regime spoke.")
        >>> pairs = label_pairs_by_outlet(loaded_term_hits([doc]).assign(outlet="X"))
        >>> pairs[["pair_id", "label_uses", "neutral_uses", "prefers"]].values.tolist()
        [['regime/government', 2, 1, 'label']]
    """
    if voice not in ("all", "journalist", "quoted"):
        raise ParameterError(f"unknown voice {voice!r}",
                             hint="Use 'all', 'journalist' or 'quoted'")
    paired = hits[hits["pair_id"].notna() & hits["category"].isin(["label", "neutral"])]
    if voice != "all":
        paired = paired[paired["in_quote"] == (voice == "quoted")]
    rows = []
    for (pair_id, outlet), frame in paired.groupby(["pair_id", "outlet"], sort=True):
        sides = {side: frame.loc[frame["category"] == side, "term"] for side in
                 ("label", "neutral")}
        label_uses, neutral_uses = len(sides["label"]), len(sides["neutral"])
        rows.append({
            "pair_id": pair_id, "outlet": outlet, "label_uses": label_uses,
            "neutral_uses": neutral_uses,
            "share_label_uses": label_uses / (label_uses + neutral_uses),
            "prefers": ("label" if label_uses > neutral_uses else
                        "neutral" if neutral_uses > label_uses else "even"),
            **{f"{side}_terms": ", ".join(f"{t} ({n})" for t, n in terms.value_counts()
                                          .sort_index().items())
               for side, terms in sides.items()},
        })
    return pd.DataFrame(rows, columns=["pair_id", "outlet", "label_uses", "neutral_uses",
                                       "share_label_uses", "prefers", "label_terms",
                                       "neutral_terms"])


# --- entity labels -------------------------------------------------------------------------
def _entity_key(ent: Span) -> str:
    """The entity's name without a leading "the" or a trailing possessive, spaces collapsed."""
    tokens = list(ent)
    while tokens and tokens[0].lower_ == "the":
        tokens = tokens[1:]
    while tokens and tokens[-1].lower_ in ("'s", "’s", "'", "’"):
        tokens = tokens[:-1]
    return " ".join("".join(t.text_with_ws for t in tokens).split())


def _label_word(token: Token) -> str | None:
    if (token.pos_ not in _WORD_POS or not token.is_alpha or token.is_stop
            or token.ent_type_ in _NAME_TYPES):
        return None
    word = token.lemma_.lower()
    return None if word in _HONORIFICS or len(word) < 2 else word


def _attached(ent: Span) -> list[Token]:
    """Tokens the parse attaches to an entity: its modifiers and appositions, the noun it
    modifies ("the Assad regime"), and a predicate noun or adjective ("X is a dictator")."""
    root, inside = ent.root, range(ent.start, ent.end)
    found: list[Token] = []
    for child in root.children:
        if child.i in inside:
            continue
        if child.dep_ in _MODIFIER_DEPS:
            found.append(child)
        elif child.dep_ == "appos":
            found.append(child)
            found += [g for g in child.children if g.dep_ in ("amod", "compound")]
    head = root.head
    if head.i not in inside and head.i != root.i:
        if root.dep_ in ("compound", "amod", "nmod", "appos"):
            found.append(head)
            found += [g for g in head.children if g.dep_ == "amod" and g.i not in inside]
        elif root.dep_ == "nsubj" and head.lemma_ == "be":
            for child in head.children:
                if child.dep_ in ("attr", "acomp"):
                    found.append(child)
                    found += [g for g in child.children if g.dep_ == "amod"]
    return found


def doc_entity_labels(doc: Doc) -> tuple[Counter, Counter]:
    """Entity mentions and the words attached to them in one parsed article.

    A one-word PERSON mention ("Brennic") is filed under the longer name it ends in
    elsewhere in the article ("Alda Brennic").

    Returns:
        ``(mentions, words)``: Counters keyed by ``(entity, entity_type)`` and by
        ``(entity, entity_type, word)``; words are lower-cased lemmas of nouns, proper
        nouns and adjectives that are not stop words, honorifics or parts of names.

    Example:
        >>> from toolkit.nlp import load_pipeline
        >>> doc = load_pipeline()("The Assad regime shelled the town. Assad is a dictator.")
        >>> sorted(doc_entity_labels(doc)[1])
        [('Assad', 'PERSON', 'dictator'), ('Assad', 'PERSON', 'regime')]
    """
    ents = [ent for ent in doc.ents if ent.label_ in ENTITY_TYPES]
    keys = [_entity_key(ent) for ent in ents]
    full_names: dict[str, str] = {}
    for ent, key in zip(ents, keys):
        parts = key.split()
        if ent.label_ == "PERSON" and len(parts) > 1:
            known = full_names.get(parts[-1])
            if known is None or len(key) > len(known):
                full_names[parts[-1]] = key
    mentions: Counter = Counter()
    words: Counter = Counter()
    for ent, key in zip(ents, keys):
        if not key:
            continue
        if ent.label_ == "PERSON" and " " not in key:
            key = full_names.get(key, key)
        mentions[key, ent.label_] += 1
        for token in _attached(ent):
            word = _label_word(token)
            if word is not None:
                words[key, ent.label_, word] += 1
    return mentions, words


def _surname_map(names: Iterable[tuple[str, str]]) -> dict[tuple[str, str], tuple[str, str]]:
    """One-word PERSON names → the one longer name in the corpus that ends in them."""
    longer: dict[str, set[str]] = {}
    for name, kind in names:
        if kind == "PERSON" and " " in name:
            longer.setdefault(name.split()[-1], set()).add(name)
    return {(short, "PERSON"): (next(iter(full)), "PERSON")
            for short, full in longer.items() if len(full) == 1}


def entity_labels(
    docs: Iterable[Doc] | None,
    articles: pd.DataFrame,
    *,
    top_entities: int = 20,
    min_outlets: int = 2,
) -> pd.DataFrame:
    """How each outlet labels the same entities: the words attached to them, per outlet.

    Entities are PERSON, ORG, GPE and NORP mentions, keyed by their name (a one-word PERSON
    name is merged into the one longer name in the corpus that ends in it, "Obama" into
    "Barack Obama", when there is only one). The entities named by at least
    ``min_outlets`` outlets are ranked by the number of outlets, then of mentions; the
    first ``top_entities`` are kept.

    Args:
        docs: the parsed articles (see :func:`toolkit.text.article_docs`);
            ``None`` parses ``articles``.
        articles: the articles table (``doc_id``, ``outlet``).
        top_entities: how many entities to keep.
        min_outlets: outlets that must mention an entity for it to be compared.

    Returns:
        Tidy rows ``entity, entity_type, outlet, word, count, entity_mentions``
        (``entity_mentions``: the outlet's mentions of the entity, the denominator for
        comparing counts), entities in rank order, then outlet, then count (largest first).

    Example:
        >>> articles = pd.DataFrame({"doc_id": ["a", "b"], "outlet": ["X", "Y"], "text": [
        ...     "The Assad regime shelled Homs.", "The Assad government denied it."]})
        >>> entity_labels(None, articles)[["entity", "outlet", "word"]].values.tolist()
        [['Assad', 'X', 'regime'], ['Assad', 'Y', 'government']]
    """
    mentions, words = entity_label_counts(docs, articles)
    return entity_labels_from_counts(mentions, words, top_entities=top_entities,
                                     min_outlets=min_outlets)


def entity_label_counts(docs: Iterable[Doc] | None, articles: pd.DataFrame
                        ) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Per outlet, entity mentions (``outlet, entity, entity_type, count``) and attached
    words (``outlet, entity, entity_type, word, count``): what :func:`entity_labels`
    ranks (:func:`entity_counts_per_article` summed per outlet).

    Example:
        >>> articles = pd.DataFrame({"doc_id": ["a"], "outlet": ["X"],
        ...                          "text": ["The Assad regime shelled Homs."]})
        >>> entity_label_counts(None, articles)[1].values.tolist()
        [['X', 'Assad', 'PERSON', 'regime', 1]]
    """
    mentions, words = entity_counts_per_article(articles, docs)
    return (sum_counts(mentions, ["outlet", "entity", "entity_type"]),
            sum_counts(words, ["outlet", "entity", "entity_type", "word"]))


def entity_labels_from_counts(mentions: pd.DataFrame, words: pd.DataFrame, *,
                              top_entities: int = 20, min_outlets: int = 2) -> pd.DataFrame:
    """:func:`entity_labels` from :func:`entity_label_counts` tables (summed over shards)."""
    mention_counts: dict[str, Counter] = {}
    for row in mentions.itertuples(index=False):
        mention_counts.setdefault(row.outlet, Counter())[row.entity, row.entity_type] += \
            row.count
    merge = _surname_map({key for counts in mention_counts.values() for key in counts})
    outlets_of: dict[tuple[str, str], set[str]] = {}
    totals: Counter = Counter()
    merged_mentions: dict[str, Counter] = {}
    for outlet, counts in mention_counts.items():
        merged = merged_mentions.setdefault(outlet, Counter())
        for key, count in counts.items():
            key = merge.get(key, key)
            merged[key] += count
            totals[key] += count
            outlets_of.setdefault(key, set()).add(outlet)
    ranked = sorted((key for key, seen in outlets_of.items() if len(seen) >= min_outlets),
                    key=lambda k: (-len(outlets_of[k]), -totals[k], k))[:top_entities]
    rank = {key: i for i, key in enumerate(ranked)}
    rows = []
    for row in words.itertuples(index=False):
        key = merge.get((row.entity, row.entity_type), (row.entity, row.entity_type))
        if key in rank:
            rows.append((rank[key], key[0], key[1], row.outlet, row.word, row.count))
    table = pd.DataFrame(rows, columns=["rank", "entity", "entity_type", "outlet", "word",
                                        "count"])
    table = table.groupby(["rank", "entity", "entity_type", "outlet", "word"],
                          as_index=False)["count"].sum()
    table["entity_mentions"] = [merged_mentions[o][(e, t)] for e, t, o in
                                zip(table["entity"], table["entity_type"], table["outlet"])]
    table = table.sort_values(["rank", "outlet", "count", "word"],
                              ascending=[True, True, False, True], ignore_index=True)
    return table[ENTITY_LABEL_COLUMNS]


# --- the BASIL check -------------------------------------------------------------------------
BASIL_TOP_K = 100
"""Distinctive lemmas per outlet that count as the distinctive-word detector's vocabulary."""


def _sentence_offsets(paragraphs: list[list[str]]) -> list[tuple[int, str]]:
    """(offset in the joined text, sentence) for every sentence, as the BASIL loader joins
    them (:func:`toolkit.corpus.layouts.basil_text`: one space, paragraphs by a blank line)."""
    offsets, position = [], 0
    for p_index, paragraph in enumerate(paragraphs):
        if p_index:
            position += 2
        for s_index, sentence in enumerate(paragraph):
            if s_index:
                position += 1
            offsets.append((position, sentence))
            position += len(sentence)
    return offsets


def basil_spans(corpus_dir: str | Path) -> pd.DataFrame:
    """BASIL's phrase-level bias annotations placed in the article text.

    The annotations give ``start``/``end`` within one sentence but not which sentence;
    each span is placed in the sentence where ``sentence[start:end] == txt`` (the first such
    sentence when several match).

    Args:
        corpus_dir: the BASIL folder (holding ``articles/`` and ``annotations/``).

    Returns:
        ``doc_id, bias, quote, txt, start, end, placed, candidates``: offsets into the
        article text as :func:`toolkit.load_corpus` builds it (``-1`` when not placed) and
        the number of sentences that matched.
    """
    root = Path(corpus_dir)
    rows = []
    for ann_path in sorted((root / "annotations").glob("*/*_ann.json")):
        doc_id = ann_path.name[: -len("_ann.json")]
        article_path = root / "articles" / ann_path.parent.name / f"{doc_id}.json"
        if not article_path.is_file():
            continue
        annotation = json.loads(ann_path.read_text(encoding="utf-8"))
        article = json.loads(article_path.read_text(encoding="utf-8"))
        sentences = _sentence_offsets(article.get("body-paragraphs") or [])
        for span in annotation.get("phrase-level-annotations") or []:
            start, end, txt = int(span["start"]), int(span["end"]), span["txt"]
            matches = [offset for offset, sentence in sentences
                       if sentence[start:end] == txt]
            offset = matches[0] if matches else None
            rows.append({
                "doc_id": doc_id, "bias": span.get("bias"), "quote": span.get("quote"),
                "txt": txt, "start": offset + start if matches else -1,
                "end": offset + end if matches else -1, "placed": bool(matches),
                "candidates": len(matches),
            })
    return pd.DataFrame(rows, columns=["doc_id", "bias", "quote", "txt", "start", "end",
                                       "placed", "candidates"])


def _distinctive_hits(articles: pd.DataFrame, docs: list[Doc], top: pd.DataFrame) -> pd.DataFrame:
    """Every token whose lemma is among its outlet's top distinctive lemmas."""
    vocab = {o: set(g["term"]) for o, g in top.groupby("outlet")}
    rows = []
    for doc_id, outlet, doc in article_docs(articles, docs):
        quoted = CharRanges.of_quotes(find_quotes(doc_text(doc)))
        for token in doc:
            if token.lemma_.lower() in vocab.get(outlet, ()) and not token.is_punct:
                rows.append({"doc_id": doc_id, "outlet": outlet, "term": token.lemma_.lower(),
                             "start": token.idx, "end": token.idx + len(token),
                             "in_quote": quoted.holds(token.idx)})
    return pd.DataFrame(rows, columns=["doc_id", "outlet", "term", "start", "end", "in_quote"])


def _overlaps(spans: pd.DataFrame, hits: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """(span recalled by some hit, hit inside some span) as boolean arrays."""
    recalled = np.zeros(len(spans), dtype=bool)
    inside = np.zeros(len(hits), dtype=bool)
    by_doc = {d: g for d, g in hits.groupby("doc_id")}
    for s_pos, (doc_id, start, end) in enumerate(zip(spans["doc_id"], spans["start"],
                                                     spans["end"])):
        frame = by_doc.get(doc_id)
        if frame is None:
            continue
        overlap = (frame["start"].to_numpy() < end) & (frame["end"].to_numpy() > start)
        if overlap.any():
            recalled[s_pos] = True
            inside[hits.index.get_indexer(frame.index[overlap])] = True
    return recalled, inside


def basil_detector_hits(
    corpus_dir: str | Path, *, k: int = BASIL_TOP_K
) -> tuple[pd.DataFrame, dict[str, pd.DataFrame]]:
    """BASIL's placed annotation spans and the hits of both detectors on its articles.

    Returns:
        ``(spans, hits)``: :func:`basil_spans` (placed ones only) and a dict with the
        ``"loaded_terms"`` hits (loaded and label categories) and the ``"distinctive"``
        hits (tokens among their outlet's top-``k`` distinctive lemmas against the other
        two outlets); each hits table has an ``in_span`` column (overlaps an annotated
        span of either kind).
    """
    articles = load_corpus(corpus_dir)
    docs = list(parse(articles))
    spans = basil_spans(corpus_dir)
    spans = spans[spans["placed"]].reset_index(drop=True)
    loaded = loaded_term_hits(docs, articles=articles)
    loaded = loaded[loaded["category"].isin(LOADED_CATEGORIES)].reset_index(drop=True)
    top = distinctive_by_outlet(articles, docs, unit="lemma", top=k)
    hits = {"loaded_terms": loaded, "distinctive": _distinctive_hits(articles, docs, top)}
    for table in hits.values():
        table["in_span"] = _overlaps(spans, table)[1]
    return spans, hits


def basil_lexical_recall(corpus_dir: str | Path, *, k: int = BASIL_TOP_K) -> dict[str, Any]:
    """Recall of BASIL's lexical-bias spans by the loaded-term and distinctive-word detectors.

    A ``bias: lex`` span counts as recalled by a detector when one of its hits overlaps the
    span. The loaded-term detector's hits are the ``loaded`` and ``label`` terms of the
    lexicon; the distinctive-word detector's hits are the tokens whose lemma is among the
    top ``k`` lemmas of their outlet against the other two outlets (:func:`
    toolkit.framing.vocabulary.distinctive_by_outlet` on BASIL itself, prior from all
    three). ``span_precision_*`` is the share of a detector's hits that overlap any
    annotated span (lexical or informational): a floor on precision, since BASIL annotates
    only the spans its annotators judged biased toward a target.

    Args:
        corpus_dir: the BASIL folder (holding ``articles/`` and ``annotations/``).
        k: distinctive lemmas per outlet.

    Returns:
        Counts and shares: ``spans`` (all annotations), ``placed`` (located in the text),
        ``ambiguous`` (matched more than one sentence), ``lex_spans`` (placed ``lex``
        spans), ``recall_loaded_terms``, ``recall_distinctive``, ``recall_either``,
        ``hits_loaded_terms``, ``hits_distinctive``, ``span_precision_loaded_terms``,
        ``span_precision_distinctive``, ``k``.

    Example:
        >>> figures = basil_lexical_recall("../shared/corpora/basil")  # doctest: +SKIP
        >>> figures["placed"] / figures["spans"] > 0.9  # doctest: +SKIP
        True
    """
    all_spans = basil_spans(corpus_dir)
    spans, hits = basil_detector_hits(corpus_dir, k=k)
    lex = spans[spans["bias"] == "lex"].reset_index(drop=True)
    recalled = {name: _overlaps(lex, table)[0] for name, table in hits.items()}
    n = len(lex)

    def share(values: np.ndarray) -> float:
        return float(values.sum() / len(values)) if len(values) else float("nan")

    return {
        "spans": len(all_spans), "placed": int(all_spans["placed"].sum()),
        "ambiguous": int((all_spans["candidates"] > 1).sum()), "lex_spans": n,
        "recall_loaded_terms": share(recalled["loaded_terms"]),
        "recall_distinctive": share(recalled["distinctive"]),
        "recall_either": share(recalled["loaded_terms"] | recalled["distinctive"]),
        "hits_loaded_terms": len(hits["loaded_terms"]),
        "hits_distinctive": len(hits["distinctive"]),
        "span_precision_loaded_terms": share(hits["loaded_terms"]["in_span"].to_numpy()),
        "span_precision_distinctive": share(hits["distinctive"]["in_span"].to_numpy()),
        "k": k,
    }


# --- the registry's families -----------------------------------------------------------------
def _count_loaded_terms(inputs: ArticleInputs) -> dict[str, pd.DataFrame]:
    hits = loaded_term_hits(inputs.docs, articles=inputs.articles)
    return {"loaded_terms_per_article": loaded_terms_per_article(
        inputs.articles, hits, text_counts=inputs.text_counts), "loaded_term_hits": hits}


def _label_pairs(tables: Mapping[str, Any]) -> dict[str, pd.DataFrame]:
    return {"label_pairs": label_pairs_by_outlet(tables["loaded_term_hits"])}


LOADED_TERMS = MeasureFamily(
    name="loaded_terms", label="Loaded terms and labels", section="framing",
    count=_count_loaded_terms, measures=LOADED_TERM_MEASURES,
    tables=("loaded_terms_per_article", "loaded_term_hits"),
    outlet_tables=("loaded_terms_by_outlet", "label_pairs"), outlet=_label_pairs, pool=_pool)
"""The registry's loaded-terms family: ``loaded_term_hits`` and
``loaded_terms_per_article`` → ``loaded_terms_by_outlet`` and ``label_pairs``."""


def entity_counts_per_article(articles: pd.DataFrame, docs: Iterable[Doc] | None = None
                              ) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Per article, entity mentions (``doc_id, outlet, entity, entity_type, count``) and
    the words attached to them (``... word, count``): per article, so any selection of
    articles (a store's shards, some outlets) can be summed (:func:`entity_labels_from_counts`).

    Example:
        >>> articles = pd.DataFrame({"doc_id": ["a"], "outlet": ["X"],
        ...                          "text": ["The Assad regime shelled Homs."]})
        >>> entity_counts_per_article(articles)[1].values.tolist()
        [['a', 'X', 'Assad', 'PERSON', 'regime', 1]]
    """
    mentions, words = [], []
    for doc_id, outlet, doc in article_docs(articles, docs):
        doc_mentions, doc_words = doc_entity_labels(doc)
        mentions += [(doc_id, outlet, *key, n) for key, n in doc_mentions.items()]
        words += [(doc_id, outlet, *key, n) for key, n in doc_words.items()]
    return (pd.DataFrame(mentions, columns=["doc_id", "outlet", "entity", "entity_type",
                                            "count"]),
            pd.DataFrame(words, columns=["doc_id", "outlet", "entity", "entity_type", "word",
                                         "count"]))


def _count_entities(inputs: ArticleInputs) -> dict[str, pd.DataFrame]:
    mentions, words = entity_counts_per_article(inputs.articles, inputs.docs)
    return {"entity_mentions": mentions, "entity_words": words}


def _entity_labels(tables: Mapping[str, Any]) -> dict[str, pd.DataFrame]:
    return {"entity_labels": entity_labels_from_counts(
        sum_counts(tables["entity_mentions"], ["outlet", "entity", "entity_type"]),
        sum_counts(tables["entity_words"], ["outlet", "entity", "entity_type", "word"]))}


ENTITY_LABELS = MeasureFamily(
    name="entity_labels", label="Words attached to the same entities", section="framing",
    count=_count_entities, tables=("entity_mentions", "entity_words"),
    outlet_tables=("entity_labels",), outlet=_entity_labels,
    internal=("entity_mentions", "entity_words"))
"""The registry's entity-label family: per-article entity counts → ``entity_labels``."""
