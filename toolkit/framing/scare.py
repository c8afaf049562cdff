"""scare: scare quotes: short phrases the outlet itself puts in quotation marks.

A **short quote** is a quoted span of 1 to 4 words
(:func:`toolkit.attribution.quotes.word_count`). Every short quote is listed
(:func:`short_quotes`), none is dropped, each with one ``status`` and the ``reason``
(:data:`REASONS`) of the first rule that decides it, in this order:

1. ``in_quote``: inside a longer quote; the marks are the quoted speaker's, not the
   outlet's (``"They call it 'reform'," she said``).
2. ``title``: a capitalised title or name after a word such as *book*, *film* or *show*
   (``the film "Fire Over Water"``), or after *titled*, *nicknamed*, *dubbed*, *named*,
   *called* or *known as* (``nicknamed "Mad Dog"``).
3. ``partial`` (``quoted_sentence``): a sentence of its own, or a sentence's opening,
   starting with a capital and ending in punctuation inside the marks (``"Absolutely,"
   the minister said``, ``"Who are you!"``, ``he replied, "Yes."``): always somebody's
   speech.
4. ``scare`` (``noun_phrase_label``): a quoted modifier of a noun the outlet wrote
   (``her "modern" plan``, ``more "scheduled" blackouts``) or a quote right after
   *so-called*, even inside reported speech.
5. ``partial`` (``speech_attribution``): a person's own words quoted in part (``He said
   the Russians are "fleeing"``): the quote lies in the content of an attribution whose
   cue is a speech verb (the attribution's ``speech`` flag, from the cue lexicon) and
   whose speaker is a person, named or anonymous (``speaker_type`` in
   :data:`PARTIAL_SPEAKER_TYPES`; an office holder such as ``the president`` or ``the
   company's chairman``, whom the source types file types by the office, is a person
   here); the row names that attribution. Of several attributions holding the quote,
   the innermost *speech* attribution decides (a verb the extractor took for a cue
   inside someone's statement does not hide the statement). A direct attribution that is nothing but
   this short quote, paired with its cue by proximity, is ignored when the parse puts
   the quote inside the outlet's own phrase (``boasted about opening 14 "cooling
   centres"``).
6. ``scare`` (``not_speech``, ``speaker_type``): inside an attribution whose cue is not
   speech (``believe``, ``show``) or whose speaker is not a person (an organisation, a
   government, a medium, a document: ``Putin "annexed" the territory ..., the think tank
   reported``), unless rule 7 finds a labelling verb.
7. ``partial`` (``speech_in_parse``) when no attribution decided: the parse shows the
   quote hanging, through a clausal complement, on a speech verb of the cue lexicon, or
   being the label a labelling verb gives (``what aides called a "visit of solidarity"``,
   ``dismissed it as "a stunt"``), whose subject is a person (else ``scare``,
   ``speaker_type``). ``attribution_id`` is set only when the extractor has a row for
   that very cue.
8. ``scare`` (``no_attribution``): everything else (``the authority's promised
   "review"``).

Scare quotes are counted per 1,000 words (:data:`toolkit.text.WORD`) per article
(:func:`scare_quote_rates`) and pooled per outlet with 95% bootstrap intervals (the
registry's :data:`SCARE_QUOTES`). The rule for partial quotes keeps to human speakers on
purpose: a short phrase from an organisation's or a document's report counts as the
outlet's scare quote; pass ``speaker_types`` to widen it. On news written by others
(BASIL) most short quotes are speakers' words the extractor could not attribute, so
read a ``scare`` row with its ``reason`` and ``snippet``.

Example:
    >>> from toolkit.nlp import load_pipeline
    >>> doc = load_pipeline()('The mayor defended her "modern" plan. Ana Ruiz said '
    ...                       'residents were "furious".')
    >>> [(q["quote"], q["status"], q["reason"]) for q in short_quotes_of(doc)]
    [('modern', 'scare', 'noun_phrase_label'), ('furious', 'partial', 'speech_in_parse')]
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Collection, Iterable, Mapping, Sequence
from typing import Any

import pandas as pd
from spacy.tokens import Doc, Span, Token

from ..attribution import syntax
from ..attribution.cues import verb_cue
from ..attribution.extract import LABELLING_LEMMAS, SCARE_QUOTE_MAX_WORDS
from ..attribution.quotes import QuoteSpan, find_quotes, word_count
from ..attribution.sources import SOURCE_TYPE_LEXICON, classify_source
from ..lexicons import derived
from ..measures import ArticleInputs, Measure, MeasureFamily, add_rates
from ..parse import doc_text
from ..text import aligned_counts, article_docs

PARTIAL_SPEAKER_TYPES = frozenset({"person", "anonymous"})
"""Speakers whose short quotes are partial quotes: people, named or not."""
STATUSES = ("scare", "partial", "title", "in_quote")
REASONS = {
    "quoted_sentence": "partial: a quoted sentence or sentence opening of its own",
    "speech_attribution": "partial: inside a person's speech attribution",
    "speech_in_parse": "partial: governed by a person's speech or labelling verb in the parse",
    "no_attribution": "scare: no attribution and no speaking person",
    "not_speech": "scare: inside an attribution whose cue is not a speech verb",
    "speaker_type": "scare: the words of a speaker who is not a person",
    "noun_phrase_label": "scare: a quoted modifier of the outlet's noun, or after so-called",
    "title": "title: a capitalised title or name after book, film, titled, nicknamed ...",
    "inside_quote": "in_quote: inside a longer quote (the speaker's marks)",
}
"""Every ``reason`` value and what it means."""
QUOTE_COLUMNS = [
    "doc_id", "outlet", "quote", "words", "status", "reason", "attribution_id", "speaker",
    "speaker_type", "cue_lemma", "start", "end", "open_start", "close_end", "snippet",
]
ATTRIBUTION_FIELDS = [
    "doc_id", "attribution_id", "kind", "content_parts", "content_start", "content_end",
    "cue_start", "cue_end", "cue_lemma", "cue_class", "speech", "source", "speaker",
    "speaker_type",
]
"""The attributions-table columns the rules read."""
SNIPPET_CHARS = 60
TITLE_CUES = frozenset({
    "book", "novel", "memoir", "biography", "film", "movie", "documentary", "show", "series",
    "sitcom", "programme", "program", "podcast", "song", "single", "album", "play", "musical",
    "opera", "poem", "essay", "painting", "exhibition", "exhibit", "headline", "column",
    "titled", "entitled", "headlined", "nicknamed", "dubbed", "named", "called", "known",
})
"""Words that announce a title or a name (within the three words before the quote)."""
NAMING_LEMMAS = frozenset({"nickname", "name"})
AS_LABEL_LEMMAS = frozenset({
    "describe", "portray", "characterize", "characterise", "depict", "paint", "cast",
    "dismiss", "denounce", "deride", "decry", "condemn", "criticize", "criticise", "slam",
    "blast", "attack", "brand", "label", "hail", "tout", "praise", "refer", "pan",
})
"""Verbs whose ``as`` phrase characterises something in the subject's words."""
SMALL_TITLE_WORDS = frozenset({
    "a", "an", "the", "of", "and", "or", "in", "on", "at", "to", "for", "with", "by", "from",
})
NOUN_MODIFIER_DEPS = frozenset({"amod", "compound", "nmod", "nummod", "poss"})
EMBEDDING_DEPS = frozenset({
    "prep", "pobj", "pcomp", "amod", "compound", "nmod", "nummod", "poss", "det", "appos",
    "acl", "relcl",
})
"""Dependencies that put a word inside a prepositional or noun phrase."""
CONTENT_POS = frozenset({"NOUN", "PROPN", "ADJ", "VERB", "ADV"})
LABEL_DEPS = frozenset({"oprd", "attr", "dobj", "xcomp", "acomp"})
COMPLEMENT_DEPS = frozenset({"ccomp", "xcomp", "parataxis"})
SPEAKER_PRONOUNS = frozenset({"he", "she", "i"})
"""Subject pronouns that make the speaker of a cue found in the parse a person."""
MAX_HOPS = 12
_TITLE_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_SO_CALLED = re.compile(r"\bso[-‐ ]called\s*$", re.IGNORECASE)
_UTTERANCE_ENDS = frozenset(".!?,;:…—–")
_SENTENCE_BREAKS = frozenset(".!?:;…\n\r”\"’")
SCARE_MEASURES = (
    Measure("scare_quotes_per_1000_words", label="Scare quotes", unit="per 1,000 words",
            description="scare quotes", numerator="scare_quotes", denominator="words",
            scale=1000.0, voice="journalist", pairwise=False, figure=True),
    Measure("partial_quotes_per_1000_words", label="Partial quotes", unit="per 1,000 words",
            description="partial quotes (a person's words quoted in part)",
            numerator="partial_quotes", denominator="words", scale=1000.0, voice="quoted",
            pairwise=False, headline=False),
    Measure("share_short_quotes_scare", label="Scare quotes",
            unit="share of short quotes", description="short quotes that are scare quotes",
            numerator="scare_quotes", denominator="short_quotes", voice="journalist",
            pairwise=False, headline=False),
)
"""The rates of :func:`scare_quote_rates`."""


# --- the parse ---------------------------------------------------------------------------
def _roots(span: Span) -> list[Token]:
    """The words of the quote whose head lies outside it (one for a constituent)."""
    return [t for t in span if not (t.is_punct or t.is_space)
            and (t.head.i == t.i or not span.start <= t.head.i < span.end)]


def _modifies_outside_noun(root: Token, span: Span) -> bool:
    """The quote is a modifier of a noun that follows the marks (``her "modern" plan``)
    and quotes a content word (``"all three" failures`` quotes none)."""
    head = root.head
    return (root.dep_ in NOUN_MODIFIER_DEPS and head.i >= span.end
            and head.pos_ in ("NOUN", "PROPN") and any(t.pos_ in CONTENT_POS for t in span))


def _so_called(text: str, quote: QuoteSpan) -> bool:
    """The outlet wrote *so-called* (or *so called*) just before the quote."""
    return _SO_CALLED.search(text, max(0, quote.open_start - 12), quote.open_start) is not None


def _utterance(text: str, quote: QuoteSpan) -> bool:
    """The quote is a sentence or a sentence's opening of its own: it starts a sentence
    (or follows a comma, ``he replied, "Yes."``, when it ends a sentence itself) with a
    capital and ends in punctuation inside the marks (``"Who are you!"``, ``"Absolutely,"
    the ministry said``). Such a quote is somebody's speech, never a label the outlet
    distances itself from."""
    content = quote.text_in(text).strip()
    if not content or not content[0].isupper() or content[-1] not in _UTTERANCE_ENDS:
        return False
    before = text[max(0, quote.open_start - 200):quote.open_start].rstrip(" \t\u00a0")
    return not before or before[-1] in _SENTENCE_BREAKS or (
        before[-1] == "," and content[-1] in ".!?")  # he replied, "Yes."


def _proximity_only(doc: Doc, holder: Mapping[str, Any], quote: QuoteSpan,
                    root: Token | None) -> bool:
    """A direct attribution that is just this short quote, paired with its cue by
    proximity, where the parse puts the quote inside the outlet's own phrase instead
    (``boasted about opening 14 "cooling centres"``): the path from the quote up to the
    cue runs through a preposition or a noun modifier, or misses the cue."""
    cue_start = holder.get("cue_start")
    if holder.get("kind") != "direct" or root is None or cue_start is None \
            or pd.isna(cue_start):
        return False
    if _parts(holder) != [(quote.start, quote.end)]:
        return False
    token = root
    for _ in range(MAX_HOPS):
        if token.dep_ in EMBEDDING_DEPS:
            return True
        head = token.head
        if head.idx == int(cue_start):
            return False
        if head.i == token.i:  # the sentence root: the quote's own clause, or not
            return not quote.start <= token.idx < quote.end
        token = head
    return True


def _labelling_verb(root: Token) -> Token | None:
    """The labelling verb whose label the quote is: the object complement of ``call``,
    ``dub``, ``label`` ... (``called it "a sham"``), or the ``as`` phrase of a verb of
    characterising (``described it as "a sham"``, ``dismissed it as "a stunt"``)."""
    while root.dep_ == "conj" and root.head.i != root.i:  # called it "x" and "y"
        root = root.head
    head = root.head
    if head.lower_ == "as" and head.i < root.i:
        verbs = AS_LABEL_LEMMAS
        head = head.head
    elif root.dep_ in LABEL_DEPS:
        verbs = LABELLING_LEMMAS | NAMING_LEMMAS
    else:
        return None
    if head.lemma_.lower() in verbs and not any(c.dep_ == "prt" for c in head.children):
        return head
    return None


def _speech_verb(root: Token) -> Token | None:
    """The speech verb governing the quote through a clausal complement (or taking it as
    its object, ``said "no"``), else ``None``."""
    child, token = root, root.head
    for _ in range(MAX_HOPS):
        if token.i == child.i:
            return None
        cue = verb_cue(token)
        if cue is not None and cue.speech:
            ok = child.dep_ in COMPLEMENT_DEPS or (child.i == root.i and child.dep_ == "dobj")
            return token if ok else None
        child, token = token, token.head
    return None


def _speaker(cue: Token) -> tuple[str | None, str]:
    """The source mention of a cue in the parse (the source's subtree, never reaching
    the cue) and its source type (:func:`toolkit.attribution.sources.classify_source`;
    a proper name it cannot type counts as a person when :func:`_named_person` says so)."""
    source = syntax.source_token(cue)
    if source is None:
        return None, "unknown"
    if source.lower_ in SPEAKER_PRONOUNS:
        return source.text, "person"
    start, end = source.left_edge.i, source.right_edge.i + 1
    if start <= cue.i < end:  # a subject after its cue ("said Ana Ruiz") or around it
        start, end = (cue.i + 1, end) if source.i > cue.i else (start, cue.i)
    span = cue.doc[start:end]
    kind = classify_source(span)
    if kind == "unknown" and _named_person(source):
        kind = "person"
    return span.text, _human(span.text, kind)


def _human(mention: str | None, kind: str) -> str:
    """``person`` for an office holder the source types file types by the office
    (``the president``, ``the company's chairman``: one person speaking), else ``kind``."""
    if kind in ("government", "organization") and isinstance(mention, str):
        words = mention.lower().split()
        if any(" ".join(words[k:]) in _offices() for k in range(max(0, len(words) - 3),
                                                                 len(words))):
            return "person"
    return kind


def _office_terms(table: pd.DataFrame) -> frozenset[str]:
    return frozenset(table.loc[table["rule"] == "office", "term"].str.lower())


def _offices() -> frozenset[str]:
    """The offices of the source types lexicon (cached until the file changes)."""
    return derived(SOURCE_TYPE_LEXICON, _office_terms)


def _named_person(token: Token) -> bool:
    """An untyped singular proper name as a speaker is a person's (a name the entity
    recogniser missed, or a surname whose full name is in the headline): organisations,
    governments and media are typed by the recogniser or the source lexicons first."""
    return token.tag_ == "NNP" and token.ent_type_ in ("", "PERSON")


# --- the rules ---------------------------------------------------------------------------
def _is_title(text: str, quote: QuoteSpan) -> bool:
    """A capitalised title or name after a title word or a naming verb (``the film "Fire
    Over Water"``, ``nicknamed "Mad Dog"``)."""
    words = _TITLE_WORD.findall(quote.text_in(text))
    if not words or not words[0][0].isupper():
        return False
    if not all(w[0].isupper() for w in words if w.lower() not in SMALL_TITLE_WORDS):
        return False
    before = _TITLE_WORD.findall(text[max(0, quote.open_start - 40):quote.open_start].lower())
    return any(word in TITLE_CUES for word in before[-3:])


def _holder(rows: Sequence[Mapping[str, Any]], quote: QuoteSpan) -> Mapping[str, Any] | None:
    """The attribution whose content holds the quote (a content part where the quote
    begins): the innermost speech attribution, else the innermost of any cue class (an
    unrecognised verb inside reported speech, ``X said Democrats need to avoid making "a
    martyr" of him``, leaves the quote to the speech act around it)."""
    best: dict[bool, tuple[int, Mapping[str, Any]]] = {}
    for row in rows:
        speech = _speech_cue(row)
        for start, end in _parts(row):
            if start is None or end is None or pd.isna(start) or pd.isna(end) \
                    or not start <= quote.start < end:
                continue
            if speech not in best or end - start < best[speech][0]:
                best[speech] = (end - start, row)
    found = best.get(True) or best.get(False)
    return found[1] if found else None


def _speech_cue(row: Mapping[str, Any]) -> bool:
    """The attribution has a cue and its ``speech`` flag is set (a quotation without a
    cue is no speech verb's)."""
    speech, cue = row.get("speech"), row.get("cue_class")
    return bool(not pd.isna(speech) and speech and cue is not None and not pd.isna(cue))


def _parts(row: Mapping[str, Any]) -> list[tuple[Any, Any]]:
    """An attribution's content parts (``content_parts``, as a list or as the JSON text a
    CSV file holds), else its ``content_start``/``content_end``."""
    parts = row.get("content_parts")
    if isinstance(parts, str):
        parts = json.loads(parts)
    if parts is None or len(parts) == 0:
        return [(row.get("content_start"), row.get("content_end"))]
    return [(start, end) for start, end in parts]


def _retyped(doc: Doc, row: Mapping[str, Any]) -> str:
    """The speaker type of an attribution the extractor left ``unknown``, from the parse."""
    cue_start, cue_end = row.get("cue_start"), row.get("cue_end")
    if cue_start is None or cue_end is None or pd.isna(cue_start) or pd.isna(cue_end):
        return "unknown"
    span = doc.char_span(int(cue_start), int(cue_end), alignment_mode="expand")
    if span is None or not len(span) or span[0].pos_ not in ("VERB", "AUX"):
        return "unknown"
    return _speaker(span[0])[1]


def _classify(doc: Doc, text: str, quote: QuoteSpan, rows: Sequence[Mapping[str, Any]],
              speaker_types: Collection[str]) -> dict[str, Any]:
    if quote.depth > 0:
        return {"status": "in_quote", "reason": "inside_quote",
                **_attribution_fields(_holder(rows, quote))}
    if _is_title(text, quote):
        return {"status": "title", "reason": "title"}
    span = doc.char_span(quote.start, quote.end, alignment_mode="expand")
    roots = _roots(span) if span is not None else []
    root = roots[0] if len(roots) == 1 else None
    label = next((verb for r in roots if (verb := _labelling_verb(r)) is not None), None)
    holder = _holder(rows, quote)
    if holder is not None and _proximity_only(doc, holder, quote, root):
        holder = None
    fields = _attribution_fields(holder)
    if holder is not None:
        kind = _retyped(doc, holder) if fields["speaker_type"] == "unknown" \
            else fields["speaker_type"]
        fields["speaker_type"] = _human(holder.get("source"), kind)
    if _utterance(text, quote):
        return {"status": "partial", "reason": "quoted_sentence", **fields}
    if _so_called(text, quote) or (
            root is not None and label is None and _modifies_outside_noun(root, span)):
        return {"status": "scare", "reason": "noun_phrase_label", **fields}
    if holder is not None:
        speech = _speech_cue(holder)
        if speech and fields["speaker_type"] in speaker_types:
            return {"status": "partial", "reason": "speech_attribution", **fields}
        if label is None:
            reason = "speaker_type" if speech else "not_speech"
            return {"status": "scare", "reason": reason, **fields}
    cue = label or (_speech_verb(root) if root is not None else None)
    if cue is None:
        return {"status": "scare", "reason": "no_attribution"}
    speaker, speaker_type = _speaker(cue)
    fields = {"speaker": speaker, "speaker_type": speaker_type, "cue_lemma": cue.lemma_.lower()}
    if holder is not None and holder.get("cue_start") == cue.idx:
        fields["attribution_id"] = holder.get("attribution_id")
    if speaker is None:
        return {"status": "scare", "reason": "no_attribution", **fields}
    if speaker_type not in speaker_types:
        return {"status": "scare", "reason": "speaker_type", **fields}
    return {"status": "partial", "reason": "speech_in_parse", **fields}


def _attribution_fields(row: Mapping[str, Any] | None) -> dict[str, Any]:
    if row is None:
        return {}
    return {key: row.get(key) for key in ("attribution_id", "speaker", "speaker_type", "cue_lemma")}


def short_quotes_of(
    doc: Doc,
    attributions: Iterable[Mapping[str, Any]] | pd.DataFrame = (),
    *,
    doc_id: str | None = None,
    outlet: str | None = None,
    max_words: int = SCARE_QUOTE_MAX_WORDS,
    speaker_types: Collection[str] = PARTIAL_SPEAKER_TYPES,
) -> list[dict[str, Any]]:
    """Every short quote of one parsed article, classified (see the module docstring).

    Args:
        doc: the parsed article.
        attributions: this article's rows of the attributions table (records or a
            DataFrame); none means the parse alone decides.
        doc_id: the article's id (default: ``doc.user_data["doc_id"]``).
        outlet: the article's outlet.
        max_words: the longest quote, in words, that counts as short.
        speaker_types: speaker types whose short quotes are partial quotes.

    Returns:
        One dict per short quote with the keys of :data:`QUOTE_COLUMNS`.

    Example:
        >>> from toolkit.nlp import load_pipeline
        >>> doc = load_pipeline()('Officials called the "temporary" fee "a fair deal".')
        >>> [(q["quote"], q["status"]) for q in short_quotes_of(doc)]
        [('temporary', 'scare'), ('a fair deal', 'partial')]
    """
    text = doc_text(doc)
    rows = attributions.to_dict("records") if isinstance(attributions, pd.DataFrame) \
        else list(attributions)
    doc_id = doc_id if doc_id is not None else doc.user_data.get("doc_id")
    found = []
    for quote in find_quotes(text):
        words = word_count(text, quote)
        if not 1 <= words <= max_words:
            continue
        end = quote.close_end if quote.close_end is not None else quote.end
        found.append({
            "doc_id": doc_id, "outlet": outlet, "quote": quote.text_in(text), "words": words,
            "attribution_id": None, "speaker": None, "speaker_type": None, "cue_lemma": None,
            **_classify(doc, text, quote, rows, speaker_types),
            "start": quote.start, "end": quote.end, "open_start": quote.open_start,
            "close_end": quote.close_end,
            "snippet": " ".join(text[max(0, quote.open_start - SNIPPET_CHARS):
                                     end + SNIPPET_CHARS].split()),
        })
    return found


def short_quotes(
    articles: pd.DataFrame,
    attributions: pd.DataFrame,
    *,
    docs: Iterable[Doc] | None = None,
    max_words: int = SCARE_QUOTE_MAX_WORDS,
    speaker_types: Collection[str] = PARTIAL_SPEAKER_TYPES,
    progress: bool | None = None,
) -> pd.DataFrame:
    """Every short quote of a corpus, each a scare quote, a partial quote, a title or a
    quote inside a quote (see the module docstring), listed in context.

    Args:
        articles: the articles table.
        attributions: the attributions table of those articles
            (:func:`toolkit.attribution.extract_attributions`).
        docs: the parsed articles (default: parse them, from the cache when possible).
        max_words: the longest quote, in words, that counts as short.
        speaker_types: speaker types whose short quotes are partial quotes.
        progress: progress bar while parsing.

    Returns:
        One row per short quote: :data:`QUOTE_COLUMNS`; ``start``/``end`` are the quoted
        words' offsets in the article text, ``snippet`` the text 60 characters either side.

    Example:
        >>> articles = pd.DataFrame({"doc_id": ["a"], "outlet": ["X"],
        ...                          "text": ['The "reform" failed.']})
        >>> table = short_quotes(articles, pd.DataFrame(columns=["doc_id"]), progress=False)
        >>> table[["quote", "status", "snippet"]].values.tolist()
        [['reform', 'scare', 'The "reform" failed.']]
    """
    by_doc: dict[str, list[dict[str, Any]]] = defaultdict(list)
    used = [c for c in ATTRIBUTION_FIELDS if c in attributions.columns]
    for row in attributions[used].to_dict("records"):
        by_doc[str(row["doc_id"])].append(row)
    rows = [row for doc_id, outlet, doc in article_docs(articles, docs, progress=progress)
            for row in short_quotes_of(doc, by_doc.get(doc_id, ()), doc_id=doc_id,
                                       outlet=outlet, max_words=max_words,
                                       speaker_types=speaker_types)]
    return pd.DataFrame(rows, columns=QUOTE_COLUMNS)


def scare_quote_rates(articles: pd.DataFrame, quotes: pd.DataFrame, *,
                      text_counts: pd.DataFrame | None = None) -> pd.DataFrame:
    """Per article: short quotes by status, and scare quotes per 1,000 words.

    Args:
        articles: the articles table (``doc_id``, ``outlet``, ``text``).
        quotes: :func:`short_quotes` of those articles.
        text_counts: :func:`toolkit.text.word_table` of the articles (counted here when
            not given).

    Returns:
        ``doc_id, outlet, words, short_quotes, scare_quotes, partial_quotes, titles,
        quotes_in_quotes`` and the rates of :data:`SCARE_MEASURES` (NaN where the
        denominator is zero).

    Example:
        >>> articles = pd.DataFrame({"doc_id": ["a"], "outlet": ["X"], "text": ["w " * 500]})
        >>> quotes = pd.DataFrame({"doc_id": ["a", "a"], "status": ["scare", "partial"]})
        >>> scare_quote_rates(articles, quotes).loc[0, "scare_quotes_per_1000_words"]
        np.float64(2.0)
    """
    base = articles[["doc_id", "outlet"]].astype({"doc_id": str}).reset_index(drop=True)
    base["words"] = aligned_counts(articles, text_counts, ["words"])["words"]
    doc_ids = quotes["doc_id"].astype(str)
    base["short_quotes"] = base["doc_id"].map(doc_ids.value_counts()).fillna(0).astype(int)
    for column, status in (("scare_quotes", "scare"), ("partial_quotes", "partial"),
                           ("titles", "title"), ("quotes_in_quotes", "in_quote")):
        per_doc = doc_ids[quotes["status"] == status].value_counts()
        base[column] = base["doc_id"].map(per_doc).fillna(0).astype(int)
    return add_rates(base, SCARE_MEASURES)


def _count(inputs: ArticleInputs) -> dict[str, pd.DataFrame]:
    quotes = short_quotes(inputs.articles, inputs.attributions, docs=inputs.docs)
    return {"scare_quotes_per_article": scare_quote_rates(
        inputs.articles, quotes, text_counts=inputs.text_counts), "short_quotes": quotes}


SCARE_QUOTES = MeasureFamily(
    name="scare_quotes", label="Scare quotes", section="framing", count=_count,
    measures=SCARE_MEASURES, tables=("scare_quotes_per_article", "short_quotes"))
"""The registry's scare-quote family: ``short_quotes`` (every short quote, classified)
and ``scare_quotes_per_article`` → ``scare_quotes_by_outlet``."""
