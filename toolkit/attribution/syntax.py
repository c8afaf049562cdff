"""syntax: dependency rules that find a cue's source mention and its reported content.

Functions take a cue token of a parsed Doc and return token ranges ``(start, end)``
(end exclusive) within the cue's sentence, trimmed of edge punctuation and spaces.

Example:
    >>> from toolkit.nlp import load_pipeline
    >>> doc = load_pipeline()("Officials warned that the plan would fail.")
    >>> source, content = source_token(doc[1]), content_ranges(doc[1])
    >>> source.text, [doc[i:j].text for i, j in content]
    ('Officials', ['that the plan would fail'])
"""

from __future__ import annotations

import bisect

import numpy as np
from spacy.attrs import IS_SPACE, ORTH, SENT_START
from spacy.tokens import Span, Token

Range = tuple[int, int]

SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
CLAUSE_DEPS = frozenset({"ccomp", "xcomp"})
INHERIT_SUBJECT_DEPS = frozenset({"conj", "xcomp", "advcl"})
EDGE_PUNCT = frozenset("\"'“”‘’«»„‚,;:.-–—()[]")
RELAY_HEAD_LEMMAS = frozenset({"report", "quote", "cite", "describe", "record", "film", "show"})
MIN_INVERTED_CONTENT = 3
FALLBACK_SUBJECT_DEPS = frozenset({"nsubj", "appos", "ROOT", "nsubjpass", "npadvmod"})
RAISING_LEMMAS = frozenset({"seem", "appear", "look", "sound"})
QUOTED_LEMMAS = frozenset({"quote", "cite"})


def _balanced_close(doc, start: int, end: int) -> bool:
    """Whether the token before ``end`` closes a bracket opened inside the range."""
    closing = doc[end - 1].text
    opening = {")": "(", "]": "["}.get(closing)
    return opening is not None and any(doc[i].text == opening for i in range(start, end - 1))


def trim(doc, start: int, end: int) -> Range:
    """Drop spaces and punctuation at both ends of the token range ``[start, end)``
    (a closing bracket that matches one inside the range stays)."""
    while start < end and (doc[start].is_space or doc[start].text in EDGE_PUNCT):
        start += 1
    while end > start and (doc[end - 1].is_space or doc[end - 1].text in EDGE_PUNCT):
        if _balanced_close(doc, start, end):
            break
        end -= 1
    return start, end


LINE_BREAKS = "toolkit.line_breaks"
SENTENCE_STARTS = "toolkit.sentence_starts"


def sentence(token: Token) -> Span:
    """``token.sent``, found by bisecting the Doc's sentence starts (computed once per Doc
    and kept in ``doc.user_data``) instead of walking the tokens each time.

    Example:
        >>> from toolkit.nlp import load_pipeline
        >>> doc = load_pipeline()("It rained. The pier closed early.")
        >>> sentence(doc[4]).text == doc[4].sent.text
        True
    """
    doc = token.doc
    starts = sentence_starts(doc)
    k = bisect.bisect_right(starts, token.i) - 1
    return doc[starts[k]:starts[k + 1] if k + 1 < len(starts) else len(doc)]


def sentence_starts(doc) -> list[int]:
    """Indices of the tokens that start a sentence, 0 first (computed once per Doc and
    kept in ``doc.user_data``)."""
    starts = doc.user_data.get(SENTENCE_STARTS)
    if starts is None:
        flags = doc.to_array([SENT_START]).reshape(-1)
        starts = doc.user_data[SENTENCE_STARTS] = [0] + [
            i for i in np.flatnonzero(flags == 1).tolist() if i > 0]
    return starts


def line_breaks(doc) -> list[int]:
    """Indices of the Doc's whitespace tokens holding a line break (computed once per Doc
    and kept in ``doc.user_data``)."""
    breaks = doc.user_data.get(LINE_BREAKS)
    if breaks is None:
        strings = doc.vocab.strings
        rows = doc.to_array([IS_SPACE, ORTH]).tolist() if len(doc) else []
        breaks = doc.user_data[LINE_BREAKS] = [
            i for i, (space, orth) in enumerate(rows) if space and "\n" in strings[orth]]
    return breaks


def _within_line(token: Token, start: int, end: int) -> Range:
    """Clip a range to the line (paragraph) of ``token``: no span crosses a line break."""
    breaks = line_breaks(token.doc)
    before = bisect.bisect_left(breaks, token.i) - 1  # the last break before the token
    if before >= 0 and breaks[before] >= start:
        start = breaks[before] + 1
    after = bisect.bisect_right(breaks, token.i)  # the first break after it
    if after < len(breaks) and breaks[after] < end:
        end = breaks[after]
    return start, end


def subtree_bounds(token: Token) -> Range:
    """The token's subtree within its sentence and line, untrimmed."""
    sent = sentence(token)
    start, end = max(token.left_edge.i, sent.start), min(token.right_edge.i + 1, sent.end)
    return _within_line(token, start, end)


def subtree_range(token: Token, *, stop: Token | None = None) -> Range:
    """The token's subtree, within its sentence and line, not reaching ``stop`` (the cue)."""
    sent = sentence(token)
    start, end = max(token.left_edge.i, sent.start), min(token.right_edge.i + 1, sent.end)
    if stop is not None and start <= stop.i < end:
        if stop.i > token.i:
            end = stop.i
        else:
            start = stop.i + 1
    start, end = _within_line(token, start, end)
    return trim(token.doc, start, end)


def source_token(cue: Token, *, depth: int = 0) -> Token | None:
    """The head token of the cue's source mention, following the usual news syntax.

    - subject of the cue (``officials said``, ``who said``, ``said Mr. X``);
    - the agent of a passive cue (``was told by X``); none for a passive without one
      (``it was reported that``) or a raising verb (``the race seemed close``);
    - ``X reported Y telling Z`` / ``X quoted Y as saying``: Y, the reporting verb's object;
    - a participle or conjunct cue inherits the subject of its head (``..., adding``);
    - a cue modifying a noun is that noun's (``a statement saying``).
    """
    if cue.lemma_ in RAISING_LEMMAS:
        return None  # "the race seemed close": the subject is not a source
    children = list(cue.children)
    for child in children:
        if child.dep_ in SUBJECT_DEPS:
            return child
    for child in children:
        if child.dep_ == "agent":
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects:
                return objects[0]
    if cue.lemma_ in QUOTED_LEMMAS:  # "he was quoted as saying": the quoted one speaks
        passive = next((c for c in children if c.dep_ == "nsubjpass"), None)
        if passive is not None:
            return passive
    if any(child.dep_ in ("nsubjpass", "auxpass") for child in children):
        return None
    head = cue.head
    if head.i == cue.i or depth > 3:
        return fallback_subject(cue)
    reporter = head.head if cue.dep_ == "pcomp" and head.dep_ == "prep" else head
    if cue.dep_ in ("advcl", "xcomp", "acl", "pcomp") and reporter.lemma_ in RELAY_HEAD_LEMMAS:
        objects = [c for c in reporter.children if c.dep_ in ("dobj", "dative")]
        if objects and objects[0].i < cue.i:  # X reported Y telling / quoted Y as saying
            return objects[0]
    if cue.dep_ == "pcomp" and head.dep_ == "prep":
        return source_token(reporter, depth=depth + 1) if reporter.i != head.i else None
    if cue.dep_ == "acl" and head.pos_ in ("NOUN", "PROPN", "PRON"):
        return head
    if cue.dep_ in INHERIT_SUBJECT_DEPS and head.pos_ in ("VERB", "AUX"):
        return source_token(head, depth=depth + 1)
    return fallback_subject(cue)


def relayed_speech(token: Token) -> Token | None:
    """In ``X reported Y telling Z`` / ``X quoted Y as saying``, the inner speech verb.

    The reporting verb is then a relay, not the attribution's own cue. The inner verb
    hangs off the reporting verb as a participle after its object (``reported Y
    telling``), through ``as`` (``quoted Y as saying``), or as a gerund clause with its
    own subject (``reported [Y telling Z]``).
    """
    if token.lemma_ not in RELAY_HEAD_LEMMAS:
        return None
    objects = [c for c in token.children if c.dep_ in ("dobj", "dative")]
    for child in token.children:
        inner = child
        if child.dep_ == "prep" and child.lower_ == "as":
            inner = next((c for c in child.children if c.dep_ == "pcomp"), child)
        gerund_clause = (child.dep_ == "ccomp" and child.tag_ == "VBG"
                         and any(c.dep_ == "nsubj" for c in child.children))
        participle = inner is not child or child.dep_ in ("advcl", "acl", "xcomp")
        if gerund_clause or (participle and objects and inner.i > objects[0].i
                             and inner.pos_ == "VERB"):
            return inner
    return None


def has_own_subject(cue: Token) -> bool:
    """Whether the cue has its subject (or passive agent) as a direct child."""
    return any(c.dep_ in SUBJECT_DEPS or c.dep_ in ("nsubjpass", "agent") for c in cue.children)


DATELINE_DASHES = frozenset({"-", "–", "—", "--"})


def source_range(cue: Token, source: Token) -> Range:
    """The source mention: the source's subtree (appositions and relative clauses
    included, as PolNeAR marks them), never reaching into the cue, and without a
    dateline before it (``MACAU (Reuters) - X``)."""
    doc = source.doc
    start, end = subtree_range(source, stop=cue)
    participle = next((c for c in source.rights if c.dep_ == "acl" and c.tag_ == "VBG"), None)
    if participle is not None and start <= participle.left_edge.i < end:
        start, end = trim(doc, start, participle.left_edge.i)
    for i in range(source.i - 1, start - 1, -1):
        if doc[i].text in DATELINE_DASHES and doc[i].whitespace_ and doc[i - 1].whitespace_:
            start = i + 1
            break
    return trim(doc, start, end)


def fallback_subject(cue: Token) -> Token | None:
    """For a finite cue the parser left without a subject, the nearest noun phrase
    before it that is not an object (``..., former president Bill Clinton said``)."""
    if cue.tag_ not in ("VBD", "VBZ", "VBP") or any(
            c.dep_ in SUBJECT_DEPS | {"nsubjpass", "expl"} for c in cue.children):
        return None
    doc = cue.doc
    for i in range(cue.i - 1, sentence(cue).start - 1, -1):
        token = doc[i]
        if token.pos_ in ("NOUN", "PROPN") and token.dep_ in FALLBACK_SUBJECT_DEPS:
            return token
    return None


def stance_adjective(token: Token) -> Token | None:
    """The adjective of a copula that states a stance (``were hopeful that ...``, ``has
    been critical of ...``, ``is worried about ...``): its content hangs off the adjective.

    Example:
        >>> from toolkit.nlp import load_pipeline
        >>> doc = load_pipeline()("Republicans have been critical of the plan.")
        >>> stance_adjective(doc[2]).text
        'critical'
    """
    if token.lemma_ != "be" or token.dep_ in ("aux", "auxpass"):
        return None
    for child in token.children:
        if child.dep_ == "acomp" and child.pos_ == "ADJ" and child.i > token.i and any(
                c.dep_ in ("prep", "ccomp", "xcomp") and c.i > child.i for c in child.children):
            return child
    return None


def stance_preposition(adjective: Token) -> Token | None:
    """The preposition right after a stance adjective (``critical of``, ``worried about``):
    part of the cue, not of the content."""
    nxt = adjective.doc[adjective.i + 1] if adjective.i + 1 < len(adjective.doc) else None
    return nxt if nxt is not None and nxt.dep_ == "prep" and nxt.head.i == adjective.i else None


def content_ranges(cue: Token) -> list[Range]:
    """The reported content of a verb cue (indirect speech), as token ranges.

    - a clausal complement: ``said that ...``, ``wants to ...`` (ccomp, xcomp);
    - an inverted report: ``The plan failed, the report said`` where the parser hangs
      the cue off the content clause (parataxis or conjunct at the end of the sentence):
      the sentence before the cue's clause.
    Empty when the cue has no content of its own (it may still introduce a quote).
    """
    doc, sent = cue.doc, sentence(cue)
    clauses = [c for c in cue.children if c.dep_ in CLAUSE_DEPS]
    if clauses:
        start = min(c.left_edge.i for c in clauses)
        end = max(c.right_edge.i for c in clauses) + 1
        start, end = _within_line(cue, max(start, sent.start), min(end, sent.end))
        if start <= cue.i < end:  # "A," she said, "B": the clause wraps round the cue
            inside = {t.i for c in clauses for t in c.subtree}
            left, right = cue.i, cue.i
            while left - 1 >= start and left - 1 not in inside:
                left -= 1
            while right + 1 < end and right + 1 not in inside:
                right += 1
            parts = [trim(doc, start, left), trim(doc, right + 1, end)]
            return [(s, e) for s, e in parts if e > s]
        start, end = trim(doc, start, end)
        return [(start, end)] if end > start else []
    head = cue.head
    if cue.dep_ == "ccomp" and head.lemma_ in RELAY_HEAD_LEMMAS:  # X reported [Y telling Z]
        siblings = [c for c in head.children if c.dep_ in CLAUSE_DEPS and c.i != cue.i]
        return [trim(doc, *subtree_bounds(c)) for c in siblings]
    if cue.dep_ in ("parataxis", "conj", "ccomp") and cue.i > cue.head.i:
        left = cue.left_edge.i
        start, end = trim(doc, sent.start, left)
        if end - start >= MIN_INVERTED_CONTENT:
            return [(start, end)]
    if cue.dep_ == "parataxis" and cue.i < cue.head.i:  # "X, he said, would fail"
        parts = [trim(doc, sent.start, cue.left_edge.i), trim(doc, cue.right_edge.i + 1, sent.end)]
        parts = [(s, e) for s, e in parts if e > s]
        if sum(e - s for s, e in parts) >= MIN_INVERTED_CONTENT:
            return parts
    return []


def object_ranges(cue: Token) -> list[Range]:
    """What a verb acts on when it has no clause: its objects and prepositional phrases
    to the right (``criticized the plan``, ``called for a recount``)."""
    objects = [c for c in cue.children if c.i > cue.i and
               c.dep_ in ("dobj", "attr", "oprd", "prep", "dative")]
    if not objects:
        return []
    sent = sentence(cue)
    start = max(min(c.left_edge.i for c in objects), sent.start)
    end = min(max(c.right_edge.i for c in objects) + 1, sent.end)
    start, end = _within_line(cue, start, end)
    start, end = trim(cue.doc, start, end)
    return [(start, end)] if end > start else []


def according_to(token: Token) -> tuple[Range, Token, list[Range]] | None:
    """``according to X``: (cue range, source head, content ranges) or ``None``.

    The content is the clause the phrase modifies, without the phrase itself.
    """
    if token.lower_ != "according":
        return None
    to = next((c for c in token.children if c.lower_ == "to"), None)
    if to is None:
        nxt = token.nbor(1) if token.i + 1 < len(token.doc) else None
        to = nxt if nxt is not None and nxt.lower_ == "to" else None
    if to is None:
        return None
    objects = [c for c in to.children if c.dep_ == "pobj"]
    if not objects:
        return None
    return (token.i, to.i + 1), objects[0], clause_around(token)


def clause_around(phrase: Token) -> list[Range]:
    """The clause a phrase modifies, without the phrase (``according to X``, ``in a poll``):
    the head's subtree (or the sentence) within its line, as one or two ranges."""
    doc, sent = phrase.doc, sentence(phrase)
    phrase_start, phrase_end = phrase.left_edge.i, phrase.right_edge.i + 1
    head = phrase.head
    if head.i != phrase.i:
        c_start, c_end = max(head.left_edge.i, sent.start), min(head.right_edge.i + 1, sent.end)
    else:
        c_start, c_end = sent.start, sent.end
    c_start, c_end = _within_line(phrase, c_start, c_end)
    parts = [trim(doc, c_start, phrase_start), trim(doc, phrase_end, c_end)]
    return [(s, e) for s, e in parts if e > s]
