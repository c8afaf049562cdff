"""extract: the attributions table: who said what, through whom, in each article.

One row per attribution (schema in DESIGN.md; character offsets index into the article's
``text``). Three passes over a parsed Doc:

1. **Verb cues** from the cue lexicon with a clausal complement give indirect speech
   (``officials warned the plan would fail``); a cue whose complement is a quotation gives
   a direct quote; ``according to X`` gives an ``according_to`` row; a labelling verb
   with a quoted object (``called it "a disaster"``) a ``partial`` one.
2. **Quotations** (:func:`~toolkit.attribution.quotes.find_quotes`) not yet explained get
   the nearest free speech cue of their sentences (speaker before, after or in the middle;
   the two halves of a split quote become one row), a cue ending in a colon just before
   them, or, failing both, continue the previous speaker. Short quoted phrases with no cue
   (scare quotes) and quotes inside reported speech (which make it ``mixed``) get no row.
3. **Speakers and chains**: sources resolve to canonical speakers (pronouns, surnames,
   ``who``), typed; relays give the chain and its depth; an attribution inside a quote
   gets the quote's row as ``parent_id`` and extends its chain.

Errors never cost a document: an unbalanced quote mark degrades that quote only.

Example:
    >>> from toolkit.nlp import load_pipeline
    >>> doc = load_pipeline()('"We will act," Mara Kovell told Channel 9.')
    >>> row = attributions_of(doc, outlet="The Ledger", doc_id="d1")[0]
    >>> row["speaker"], row["depth"], [hop["name"] for hop in row["chain"]]
    ('Mara Kovell', 1, ['The Ledger', 'Channel 9', 'Mara Kovell'])
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

import pandas as pd
from spacy import parts_of_speech
from spacy.attrs import LEMMA, LOWER, POS
from spacy.tokens import Doc, Token

from ..parse import doc_text
from . import syntax
from .chains import according_to_relays, build_chain, relay_hops
from .cues import ACCORDING_TO, Cue, verb_cue
from .learned import CueModel, cue_features
from .quotes import QuoteSpan, find_quotes
from .sources import classify_source
from .speakers import FIRST_PERSON, Speaker, SpeakerBook

ATTRIBUTION_COLUMNS = [
    "attribution_id", "doc_id", "outlet", "kind", "content", "content_start", "content_end",
    "content_parts", "cue", "cue_start", "cue_end", "cue_lemma", "cue_class", "speech", "source",
    "source_start", "source_end", "speaker", "speaker_type", "speaker_role", "chain", "depth",
    "parent_id", "sentence", "paragraph",
]
SCARE_QUOTE_MAX_WORDS = 4
SOURCE_ENTITIES = frozenset({"PERSON", "ORG", "NORP", "GPE"})
DIRECT_SHARE = 0.8  # a complement this much inside one quote is a direct quote
LABELLING_LEMMAS = frozenset({"call", "describe", "dub", "label", "term", "brand"})
CONTINUATION_PARAGRAPHS = 1  # a quote with no cue continues a speaker from this close
VERB_POS = frozenset({parts_of_speech.VERB, parts_of_speech.AUX})
_WORD = re.compile(r"\w+(?:[-'’]\w+)*")
# A line that opens with a name and a colon: a headline or transcript attribution.
_SPEAKER_LINE = re.compile(r"^[ \t\xa0]*([^\n:]{1,40}?)[ \t\xa0]*:[ \t\xa0]*(\S[^\n]*?)[ \t\xa0]*$",
                           re.M)
SPEAKER_LINE_MAX_TOKENS = 4
SPEAKER_LINE_MIN_WORDS = 3
LINE_LABELS = frozenset({"update", "correction", "editor", "watch", "read", "related",
                         "breaking", "video", "photos", "note", "live", "exclusive"})
COLON = Cue(":", "neutral", True)


@dataclass
class Candidate:
    """A verb that may introduce an attribution (before the rules or model decide)."""

    token: Token
    cue: Cue | None
    source: Token | None
    content: list[tuple[int, int]]
    clausal: bool
    inside: int | None
    quotes: list[int]


@dataclass
class Found:
    """An attribution under construction (character offsets)."""

    kind: str
    content: list[tuple[int, int]]
    cue_token: Token | None = None
    cue_chars: tuple[int, int] | None = None
    cue: Cue | None = None
    source_token: Token | None = None
    source_chars: tuple[int, int] | None = None
    quotes: list[int] = field(default_factory=list)
    parent: Found | None = None
    speaker: Speaker | None = None
    hops: list[dict] = field(default_factory=list)

    def absorb(self, quote: int, span: tuple[int, int]) -> None:
        """Add a quote to this attribution: the other half of a split quote, or a
        following quote with no cue that continues the same speaker."""
        self.quotes.append(quote)
        self.content = sorted([*self.content, span])

    @property
    def start(self) -> int:
        return self.content[0][0]

    @property
    def end(self) -> int:
        return self.content[-1][1]


def _inherited_hops(found: Found, relayed: list[tuple[int, int, Found]]) -> list[dict]:
    """A speaker's later attributions keep the relay named for them earlier: the hops of
    the nearest earlier row in ``relayed`` (the speaker's rows with hops, as sorted
    ``(start, -order, row)``; of rows starting together, the first found)."""
    k = bisect.bisect_left(relayed, (found.start,)) - 1
    return list(relayed[k][2].hops) if k >= 0 else []


class _Holders:
    """Reported-speech rows, asked which one's content holds a position. Positions
    must be asked in increasing order; the earliest row wins.

    Example:
        >>> rows = [Found("indirect", [(0, 50)]), Found("indirect", [(10, 20)])]
        >>> _Holders(rows).at(15) is rows[0]
        True
    """

    def __init__(self, rows: list[Found]) -> None:
        self.rows = sorted(enumerate(rows), key=lambda item: item[1].start)
        self.next = 0
        self.open: list[tuple[int, Found]] = []

    def at(self, position: int) -> Found | None:
        while self.next < len(self.rows) and self.rows[self.next][1].start <= position:
            self.open.append(self.rows[self.next])
            self.next += 1
        self.open = [(n, row) for n, row in self.open if row.end > position]
        return min(self.open, key=lambda item: item[0])[1] if self.open else None


class ArticleAttributions:
    """Find the attributions of one parsed article; :meth:`rows` gives the table rows."""

    def __init__(self, doc: Doc, *, outlet: str | None = None, doc_id: str | None = None,
                 cue_model: CueModel | None = None):
        self.doc, self.text = doc, doc_text(doc)
        self.cue_model = cue_model
        self.bare: list[Token] = []
        self.outlet, self.doc_id = outlet, doc_id
        self.quotes: list[QuoteSpan] = find_quotes(self.text)
        self.top = [i for i, q in enumerate(self.quotes) if q.depth == 0]
        self._top_starts = [self.quotes[i].open_start for i in self.top]
        self.paragraph_starts = [0] + [m.end() for m in re.finditer(r"\n\s*", self.text)]
        self.sentence_starts = [doc[i].idx for i in syntax.sentence_starts(doc)] \
            if len(doc) else [0]
        self.used_quotes: set[int] = set()
        self.found: list[Found] = []
        self._plausible: dict[int, bool] = {}
        self._free: list[Token] = []  # the quote pass's cues not yet given a quote
        self._free_by_position: list[int] = []  # their indices in _free, in text order
        self._free_starts: list[int] = []

    # --- positions ---------------------------------------------------------------------
    def paragraph(self, char: int) -> int:
        return bisect.bisect_right(self.paragraph_starts, char) - 1

    def sentence(self, char: int) -> int:
        return max(0, bisect.bisect_right(self.sentence_starts, char) - 1)

    def _top_between(self, start: int, end: int) -> list[int]:
        """The top-level quotes whose marks may reach into ``[start, end)``, in order."""
        first = max(0, bisect.bisect_right(self._top_starts, start) - 1)
        return self.top[first:bisect.bisect_left(self._top_starts, end)]

    def quote_at(self, char: int) -> int | None:
        """The top-level quote whose marks enclose ``char``."""
        k = bisect.bisect_right(self._top_starts, char) - 1
        if k < 0:
            return None
        q = self.quotes[self.top[k]]
        end = q.close_end if q.close_end is not None else q.end
        return self.top[k] if q.open_start <= char < end else None

    def words(self, q: QuoteSpan) -> int:
        return len(_WORD.findall(self.text, q.start, q.end))

    def _chars(self, rng: tuple[int, int]) -> tuple[int, int]:
        first, last = self.doc[rng[0]], self.doc[rng[1] - 1]
        return first.idx, last.idx + len(last.text)

    def _source_chars(self, cue: Token, source: Token | None) -> tuple[int, int] | None:
        if source is None:
            return None
        start, end = syntax.source_range(cue, source)
        if end <= start:
            return source.idx, source.idx + len(source.text)
        return self._chars((start, end))

    def _source(self, cue: Token) -> tuple[Token | None, tuple[int, int] | None]:
        source = syntax.source_token(cue)
        return source, self._source_chars(cue, source)

    # --- pass 1: verb cues -------------------------------------------------------------
    def verb_candidates(self) -> Iterator[Candidate]:
        """Every verb that may introduce an attribution, with its source and content.

        Speech verbs with no clausal complement are left for the quote pass (``bare``);
        ``according to`` phrases and labelled quotes are added directly.
        """
        for token in self._verbs_and_according():
            if token.lower_ == "according":
                self._according(token)
                continue
            cue = verb_cue(token)
            stance = syntax.stance_adjective(token)
            if (cue is None and token.pos_ != "VERB" and stance is None) or (
                    token.dep_ in ("aux", "auxpass")):
                continue
            speech = cue is not None and cue.speech
            predicate = stance or token  # "were hopeful that ...": the adjective governs
            ranges, clausal = syntax.content_ranges(predicate), True
            if not ranges:
                ranges, clausal = syntax.object_ranges(predicate), False
                if not ranges and not speech:
                    continue
            preposition = syntax.stance_preposition(stance) if stance is not None else None
            if ranges and preposition is not None and ranges[0][0] == preposition.i:
                ranges = [(s, e) for s, e in [(preposition.i + 1, ranges[0][1]), *ranges[1:]]
                          if e > s]  # "critical of | X"
                if not ranges:
                    continue
            inner = syntax.relayed_speech(token)
            inner_cue = verb_cue(inner) if inner is not None else None
            if inner_cue is not None and inner_cue.speech:
                continue  # a relay: the inner speech verb carries the attribution
            inside = self.quote_at(token.idx)
            source = syntax.source_token(token)
            if cue is None and not clausal and not self._plausible_source(source):
                continue  # "the ferry reached the island": no one to attribute it to
            if cue is not None and token.lemma_ in LABELLING_LEMMAS and source is not None:
                labelled = self._labelled_quote(token)
                if labelled is not None:
                    q = self.quotes[labelled]
                    self.used_quotes.add(labelled)
                    self._add(Found("partial", [(q.start, q.end)], token,
                                    self._cue_chars(token), cue, source,
                                    self._source_chars(token, source), quotes=[labelled]))
                    continue
            if not clausal and speech and source is not None and inside is None:
                self.bare.append(token)
                continue
            if not ranges:
                continue
            chars = [self._chars(r) for r in ranges]
            quotes = self._quotes_covering(chars, token) if clausal else []
            yield Candidate(token, cue, source, chars, clausal, inside, quotes)

    def _verbs_and_according(self) -> Iterator[Token]:
        """The tokens :meth:`verb_candidates` looks at: verbs and auxiliaries (a cue is
        one), forms of *be* (a stance copula) and ``according``, picked from the Doc's
        arrays so that no other token is made."""
        doc = self.doc
        if not len(doc):
            return
        strings = doc.vocab.strings
        according, be = strings["according"], strings["be"]
        for i, (pos, lower, lemma) in enumerate(doc.to_array([POS, LOWER, LEMMA]).tolist()):
            if pos in VERB_POS or lower == according or lemma == be:
                yield doc[i]

    def _keep(self, candidate: Candidate) -> bool:
        """The rules, or the cue model when one is given, decide on a candidate."""
        cue = candidate.cue
        if cue is not None and candidate.quotes and cue.speech:
            return True
        if (cue is not None and (cue.speech or cue.cue_class == "finding")
                and candidate.clausal and candidate.inside is None
                and candidate.source is not None):
            return True  # "officials said that ...", "polls show that ..."
        if self.cue_model is None:
            return (cue is not None and candidate.clausal
                    and (candidate.inside is None or cue.speech)
                    and (candidate.source is not None or cue.speech))
        return self.cue_model.is_cue(self.features(candidate))

    def _plausible_source(self, source: Token | None) -> bool:
        """A verb outside the lexicon needs a source that can hold a view: a named
        entity, a pronoun, or a noun the source lexicons type (decided once a token)."""
        if source is None:
            return False
        if source.ent_type_ in SOURCE_ENTITIES or source.pos_ == "PRON":
            return True
        known = self._plausible.get(source.i)
        if known is None:
            mention = source.doc[source.left_edge.i:source.i + 1]
            known = self._plausible[source.i] = classify_source(mention) != "unknown"
        return known

    def features(self, candidate: Candidate) -> list[str]:
        """The cue model's features of a candidate."""
        token = candidate.token
        sentence = syntax.sentence(token)
        quoted = any(self.quote_at(t.idx) is not None for t in (sentence[0], sentence[-1]))
        return cue_features(token, nested=candidate.inside is not None,
                            quote_in_sentence=quoted, source=candidate.source,
                            plausible_source=self._plausible_source(candidate.source),
                            content_length=sum(e - s for s, e in candidate.content))

    def _verb_pass(self) -> None:
        for candidate in self.verb_candidates():
            if not self._keep(candidate):
                continue
            token = candidate.token
            cue = candidate.cue or Cue(self._cue_lemma(token), "other", False)
            source_chars = self._source_chars(token, candidate.source)
            if candidate.quotes:
                self.used_quotes.update(candidate.quotes)
                parts = [(self.quotes[i].start, self.quotes[i].end) for i in candidate.quotes]
                self._add(Found("direct", parts, token, self._cue_chars(token), cue,
                                candidate.source, source_chars, quotes=list(candidate.quotes)))
            else:
                self._add(Found("indirect", candidate.content, token, self._cue_chars(token),
                                cue, candidate.source, source_chars))

    def _drop_embedded(self) -> None:
        """A cue inside another attribution's content needs a subject of its own
        (``vowed to retake ... and continue``: ``continue`` is content, not a cue)."""
        spans = [(f.start, f.end, f) for f in self.found]
        self.found = [
            f for f in self.found
            if f.cue_token is None or syntax.has_own_subject(f.cue_token)
            or f.kind == "according_to"
            or not any(s <= f.cue_token.idx < e and g is not f for s, e, g in spans)
        ]

    @staticmethod
    def _cue_lemma(token: Token) -> str:
        """A cue outside the lexicon: its lemma, with a copula's adjective (``be critical``)."""
        stance = syntax.stance_adjective(token)
        lemma = token.lemma_.lower()
        return f"{lemma} {stance.lemma_.lower()}" if stance is not None else lemma

    def _cue_chars(self, token: Token) -> tuple[int, int]:
        stance = syntax.stance_adjective(token)
        end = token if stance is None else syntax.stance_preposition(stance) or stance
        for child in token.children:
            if child.dep_ == "prt" and child.i == token.i + 1:
                end = child
        return token.idx, end.idx + len(end.text)

    def _according(self, token: Token) -> None:
        found = syntax.according_to(token)
        if found is None:
            return
        (cue_start, cue_end), source, ranges = found
        if not ranges:
            return
        source_rng = syntax.subtree_range(source)
        source_chars = self._chars(source_rng) if source_rng[1] > source_rng[0] else None
        cue_chars = (self.doc[cue_start].idx, self.doc[cue_end - 1].idx +
                     len(self.doc[cue_end - 1].text))
        self._add(Found("according_to", [self._chars(r) for r in ranges], token, cue_chars,
                        ACCORDING_TO, source, source_chars))

    def _labelled_quote(self, token: Token) -> int | None:
        for child in token.children:
            if child.dep_ in ("dobj", "oprd", "attr", "prep"):
                # top-level quotes are in text order and never overlap: only the first
                # that starts inside the object can also end inside it
                k = bisect.bisect_left(self.top, child.left_edge.idx,
                                       key=lambda i: self.quotes[i].start)
                if k < len(self.top) and self.quotes[self.top[k]].end <= (
                        child.right_edge.idx + len(child.right_edge.text) + 1):
                    return self.top[k]
        return None

    def _quotes_covering(self, chars: list[tuple[int, int]], cue: Token) -> list[int]:
        """The quotes that together make up most of the content (``DIRECT_SHARE``), not
        holding the cue: the content is then a direct quote, possibly split by the cue."""
        start, end = chars[0][0], chars[-1][1]
        length = sum(e - s for s, e in chars)
        covering, overlap = [], 0
        for i in self._top_between(start, end):
            q = self.quotes[i]
            if q.open_start <= cue.idx < (q.close_end or q.end) or not self.words(q):
                continue
            shared = sum(max(0, min(e, q.end) - max(s, q.start)) for s, e in chars)
            if shared:
                covering.append(i)
                overlap += shared
        return covering if length and overlap >= DIRECT_SHARE * length else []

    # --- pass 2: quotations ------------------------------------------------------------
    def _quote_pass(self) -> None:
        by_cue: dict[int, Found] = {}
        for found in self.found:
            if found.kind == "direct" and found.cue_token is not None:
                by_cue[found.cue_token.i] = found
        free = [t for t in self.bare if self.quote_at(t.idx) is None]
        self._free = free + [f.cue_token for f in by_cue.values()]
        self._free_by_position = sorted(range(len(self._free)), key=lambda k: self._free[k].idx)
        self._free_starts = [self._free[k].idx for k in self._free_by_position]
        reported = [f for f in self.found if f.kind in ("indirect", "according_to")]
        holders = _Holders(reported)
        for i in self.top:
            q = self.quotes[i]
            if i in self.used_quotes or not self.words(q):
                continue
            holder = holders.at(q.start)
            if holder is not None:
                holder.kind = "mixed"
                self.used_quotes.add(i)
                continue
            cue = self._nearest_cue(q) or self._colon_cue(q)
            if cue is not None:
                if cue.i in by_cue and by_cue[cue.i].kind == "direct":
                    by_cue[cue.i].absorb(i, (q.start, q.end))
                    self.used_quotes.add(i)
                    continue
                source, source_chars = self._source(cue)
                found = Found("direct", [(q.start, q.end)], cue, self._cue_chars(cue),
                              verb_cue(cue), source, source_chars, quotes=[i])
                by_cue[cue.i] = found
                self.used_quotes.add(i)
                self._add(found)
                continue
            if self.words(q) <= SCARE_QUOTE_MAX_WORDS:
                continue
            previous = self._previous_speaker_row(q)
            if previous is not None:
                self.used_quotes.add(i)
                previous.absorb(i, (q.start, q.end))

    def _sentences_of(self, q: QuoteSpan) -> tuple[int, int]:
        end = q.close_end if q.close_end is not None else q.end
        return self.sentence(q.open_start), self.sentence(max(q.open_start, end - 1))

    def _nearest_cue(self, q: QuoteSpan) -> Token | None:
        first, last = self._sentences_of(q)
        paragraph = self.paragraph(q.open_start), self.paragraph(q.close_end or q.end)
        end = q.close_end if q.close_end is not None else q.end
        best, best_distance = None, None
        for token in self._free_within(first, last + 1):
            if not paragraph[0] <= self.paragraph(token.idx) <= paragraph[1]:
                continue
            if self.sentence(token.idx) == last + 1:  # the sentence after the quote
                sentence_start = self.sentence_starts[last + 1]
                if sentence_start < end and self.text[end:token.idx].strip(" \t,"):
                    continue
                if sentence_start >= end and self.quote_at(sentence_start) is not None:
                    continue
            distance = min(abs(token.idx - end), abs(token.idx - q.open_start))
            if best_distance is None or distance < best_distance:
                best, best_distance = token, distance
        return best

    def _colon_cue(self, q: QuoteSpan) -> Token | None:
        colon = q.open_start - 1
        while colon >= 0 and self.text[colon].isspace():
            colon -= 1
        if colon < 0 or self.text[colon] != ":":
            return None
        sentence = self.sentence(colon)
        candidates = self._free_within(sentence, sentence)
        return candidates[-1] if candidates else None

    def _free_within(self, first: int, last: int) -> list[Token]:
        """The free cues in sentences ``first`` to ``last``, in the quote pass's order."""
        lo = self.sentence_starts[first]
        hi = self.sentence_starts[last + 1] if last + 1 < len(self.sentence_starts) \
            else len(self.text)
        window = self._free_by_position[bisect.bisect_left(self._free_starts, lo):
                                        bisect.bisect_left(self._free_starts, hi)]
        return [self._free[k] for k in sorted(window)]

    def _previous_speaker_row(self, q: QuoteSpan) -> Found | None:
        paragraph = self.paragraph(q.open_start)
        earlier = [f for f in self.found if f.end <= q.open_start and f.parent is None
                   and paragraph - self.paragraph(f.end) <= CONTINUATION_PARAGRAPHS]
        return max(earlier, key=lambda f: f.end) if earlier else None

    def speaker_lines(self) -> list[Found]:
        """``Graham: Trump's Rhetoric Destroying GOP's Chance`` and transcript lines
        (``TAPPER: Do you think ...``): a line that opens with a short proper name and a
        colon attributes the rest of the line to that name (not labels such as
        ``UPDATE:``, times or numbers)."""
        found = []
        for match in _SPEAKER_LINE.finditer(self.text):
            span = self.doc.char_span(match.start(1), match.end(1), alignment_mode="expand")
            if (span is None or not len(span) or len(span) > SPEAKER_LINE_MAX_TOKENS
                    or len(_WORD.findall(match[2])) < SPEAKER_LINE_MIN_WORDS):
                continue
            if not all(t.pos_ == "PROPN" and not t.like_num and not any(c.isdigit() for c in t.text)
                       and t.lower_.strip(".'’s") not in LINE_LABELS for t in span):
                continue
            content = (match.start(2), match.end(2))
            colon = self.text.index(":", match.end(1))
            quotes = self._quotes_covering([content], span[0])
            row = Found("direct" if quotes else "indirect", [content], None, (colon, colon + 1),
                        COLON, span.root, (span.start_char, span.end_char), quotes=quotes)
            if quotes:
                row.content = [(self.quotes[i].start, self.quotes[i].end) for i in quotes]
            found.append(row)
        return found

    def _sources_outside_quotes(self) -> None:
        """A source never reaches into a quotation that someone is quoted in: the span is
        cut at the quote, and a source the parser found inside one (``"Or Ferguson," Trump
        said``) is replaced by the nearest noun or pronoun outside it (``Trump``)."""
        for found in self.found:
            if found.source_chars is None or found.source_token is None:
                continue
            start, end = found.source_chars
            cue_quote = self.quote_at(found.cue_chars[0]) if found.cue_chars else None
            # a replaced source stays within its cue's sentence
            reach = max(end, syntax.sentence(found.cue_token).end_char) \
                if found.cue_token is not None else end
            for i in self._top_between(start, reach):
                q = self.quotes[i]
                q_end = q.close_end if q.close_end is not None else q.end
                if i == cue_quote or i not in self.used_quotes or not (
                        q.open_start < end and start < q_end):
                    continue
                head = found.source_token.idx
                if q.open_start <= head < q_end:
                    replaced = self._source_beside(found, q_end)
                    if replaced is None:
                        found.source_token, found.source_chars = None, None
                        break
                    found.source_token, (start, end) = replaced
                elif head >= q_end:
                    start = q_end
                else:
                    end = q.open_start
            if found.source_token is not None:
                found.source_chars = self._trimmed_chars(start, end) or found.source_chars

    def _source_beside(self, found: Found, after: int) -> tuple[Token, tuple[int, int]] | None:
        """The first noun or pronoun outside quotes between ``after`` and the cue, else
        right after the cue in its sentence; with its mention's characters."""
        cue = found.cue_token
        if cue is None:
            return None
        sent = syntax.sentence(cue)
        before = [t for t in sent if after <= t.idx < cue.idx]
        behind = [t for t in self.doc[cue.i + 1:sent.end]]
        for token in [*before, *behind]:
            if self.quote_at(token.idx) is not None:
                if token.idx > cue.idx:
                    break
                continue
            if token.pos_ in ("PROPN", "NOUN", "PRON"):
                while token.dep_ in ("compound", "flat") and token.head.i > token.i:
                    token = token.head
                lo, hi = syntax.source_range(cue, token)
                chars = self._trimmed_chars(max(self.doc[lo].idx, after),
                                            self.doc[hi - 1].idx + len(self.doc[hi - 1]))
                return (token, chars) if chars else None
        return None

    def _trimmed_chars(self, start: int, end: int) -> tuple[int, int] | None:
        """Characters of the tokens inside ``[start, end)``, edge punctuation trimmed."""
        span = self.doc.char_span(start, end, alignment_mode="contract")
        if span is None or not len(span):
            return None
        lo, hi = syntax.trim(self.doc, span.start, span.end)
        return self._chars((lo, hi)) if hi > lo else None

    def _add(self, found: Found) -> None:
        self.found.append(found)

    # --- pass 3: speakers, nesting, chains ---------------------------------------------
    def _nest(self) -> None:
        owner = {q: f for f in self.found for q in f.quotes}
        for found in self.found:
            anchor = found.cue_chars[0] if found.cue_chars else found.start
            q = self.quote_at(anchor)
            if q is not None and q not in found.quotes and q in owner and owner[q] is not found:
                found.parent = owner[q]

    def _resolve(self) -> None:
        outside = [(self.quotes[i].start, self.quotes[i].end) for i in self.top]
        book = SpeakerBook(self.doc, outside=outside)
        relayed: dict[str, list[tuple[int, int, Found]]] = {}
        position = {id(f): n for n, f in enumerate(self.found)}
        for found in self._dependency_order():
            source = found.source_token
            if source is None:
                found.speaker = Speaker(None, "unknown")
            elif source.lower_ in FIRST_PERSON and found.parent is not None:
                found.speaker = found.parent.speaker or Speaker(None, "unknown")
            else:
                mention = self.doc.char_span(*found.source_chars, alignment_mode="expand") \
                    if found.source_chars else None
                found.speaker = book.resolve(source, mention=mention)
            found.hops = self._hops(found)
            if not found.hops and found.speaker.name and found.parent is None:
                found.hops = _inherited_hops(found, relayed.get(found.speaker.name, []))
            if found.hops and found.speaker.name:
                bisect.insort(relayed.setdefault(found.speaker.name, []),
                              (found.start, -position[id(found)], found))
            if found.speaker.name and found.source_chars:
                book.note(found.source_chars[0], found.speaker)

    def _dependency_order(self) -> list[Found]:
        """Reading order, except that a quote's row comes before the rows nested in it."""
        ordered: list[Found] = []
        done: set[int] = set()

        def visit(found: Found) -> None:
            if id(found) in done:
                return
            done.add(id(found))
            if found.parent is not None:
                visit(found.parent)
            ordered.append(found)

        for found in sorted(self.found, key=self._reading_position):
            visit(found)
        return ordered

    def _reading_position(self, found: Found) -> tuple[int, int]:
        anchor = found.source_chars[0] if found.source_chars else found.start
        return (min(anchor, found.start), found.start)

    def _hops(self, found: Found) -> list[dict]:
        if found.cue_token is None:
            return []
        if found.kind == "according_to":
            return []
        hops = relay_hops(found.cue_token, source=found.source_token)
        outer = according_to_relays(syntax.sentence(found.cue_token),
                                    exclude=found.cue_token)
        return [h for h in outer if h not in hops] + hops

    # --- rows --------------------------------------------------------------------------
    def find(self) -> list[Found]:
        """Run the three passes; the attributions in reading order."""
        self._verb_pass()
        self._drop_embedded()
        for row in self.speaker_lines():
            self.used_quotes.update(row.quotes)
            self._add(row)
        self._quote_pass()
        self._sources_outside_quotes()
        self._nest()
        self._resolve()
        return sorted(self.found, key=lambda f: (f.start, f.end))

    def rows(self) -> list[dict]:
        """The attributions table rows of this article."""
        found = self.find()
        ids = {id(f): f"{self.doc_id}-a{n:03d}" for n, f in enumerate(found, 1)}
        rows = []
        chains: dict[int, list[dict]] = {}
        for f in sorted(found, key=lambda f: (f.parent is not None, f.start)):
            speaker = f.speaker or Speaker(None, "unknown")
            last = {"name": speaker.name, "type": speaker.type,
                    "cue": self.text[f.cue_chars[0]:f.cue_chars[1]] if f.cue_chars else None}
            if f.parent is not None and id(f.parent) in chains:
                chain = [*chains[id(f.parent)], *f.hops, last]
            else:
                chain = build_chain(self.outlet, f.hops, last)
            chains[id(f)] = chain
            start, end = f.start, f.end
            rows.append({
                "attribution_id": ids[id(f)], "doc_id": self.doc_id, "outlet": self.outlet,
                "kind": f.kind, "content": self.text[start:end],
                "content_start": start, "content_end": end,
                "content_parts": [list(part) for part in f.content],
                "cue": self.text[f.cue_chars[0]:f.cue_chars[1]] if f.cue_chars else None,
                "cue_start": f.cue_chars[0] if f.cue_chars else None,
                "cue_end": f.cue_chars[1] if f.cue_chars else None,
                "cue_lemma": f.cue.lemma if f.cue else None,
                "cue_class": f.cue.cue_class if f.cue else None,
                "speech": f.cue.speech if f.cue else f.kind == "direct",
                "source": self.text[f.source_chars[0]:f.source_chars[1]]
                if f.source_chars else None,
                "source_start": f.source_chars[0] if f.source_chars else None,
                "source_end": f.source_chars[1] if f.source_chars else None,
                "speaker": speaker.name, "speaker_type": speaker.type,
                "speaker_role": speaker.role, "chain": chain, "depth": max(0, len(chain) - 2),
                "parent_id": ids[id(f.parent)] if f.parent is not None else None,
                "sentence": self.sentence(f.cue_chars[0] if f.cue_chars else start),
                "paragraph": self.paragraph(start),
            })
        return sorted(rows, key=lambda r: r["attribution_id"])


DEFAULT_MODEL = "default"


def resolve_model(cue_model: CueModel | str | None) -> CueModel | None:
    """``"default"`` → the packaged cue model, a path → that model, ``None`` → rules only."""
    if cue_model is None or isinstance(cue_model, CueModel):
        return cue_model
    return CueModel.load(None if cue_model == DEFAULT_MODEL else cue_model)


def attributions_of(doc: Doc, *, outlet: str | None = None, doc_id: str | None = None,
                    cue_model: CueModel | str | None = DEFAULT_MODEL) -> list[dict]:
    """The attributions table rows of one parsed article (see the module docstring).

    Args:
        doc: the parsed article.
        outlet: the article's outlet (first hop of every chain).
        doc_id: its id (default: ``doc.user_data["doc_id"]``).
        cue_model: ``"default"`` (the packaged learned cue model), a model file, or
            ``None`` for the hand lexicon and rules alone.
    """
    doc_id = doc_id if doc_id is not None else doc.user_data.get("doc_id")
    return ArticleAttributions(doc, outlet=outlet, doc_id=doc_id,
                               cue_model=resolve_model(cue_model)).rows()


def extract_attributions(
    articles_or_docs: pd.DataFrame | Iterable[Doc],
    *,
    cue_model: CueModel | str | None = DEFAULT_MODEL,
    n_process: int = 1,
    progress: bool | None = None,
) -> pd.DataFrame:
    """The attributions table of a corpus: one row per attribution.

    Args:
        articles_or_docs: the articles table (parsed through the cache) or parsed Docs
            (``doc.user_data`` may carry ``doc_id`` and ``outlet``).
        cue_model: ``"default"``, a model file, or ``None`` for the rules alone.
        n_process: parser processes when parsing articles.
        progress: show a progress bar (see :func:`toolkit.parse.parse`).

    Returns:
        A DataFrame with :data:`ATTRIBUTION_COLUMNS`.

    Example:
        >>> import pandas as pd
        >>> articles = pd.DataFrame({"doc_id": ["a"], "outlet": ["X"],
        ...     "text": ["Officials said the bridge was closed."]})
        >>> extract_attributions(articles, progress=False)[["speaker", "kind"]].values.tolist()
        [['Officials', 'indirect']]
    """
    from ..parse import parse

    if isinstance(articles_or_docs, pd.DataFrame):
        outlets = articles_or_docs["outlet"].tolist() if "outlet" in articles_or_docs else None
        docs = parse(articles_or_docs, n_process=n_process, progress=progress)
        pairs = zip(docs, outlets or itertools.repeat(None))
    else:
        pairs = ((doc, doc.user_data.get("outlet")) for doc in articles_or_docs)
    model = resolve_model(cue_model)
    rows = [row for doc, outlet in pairs
            for row in attributions_of(doc, outlet=outlet, cue_model=model)]
    return pd.DataFrame(rows, columns=ATTRIBUTION_COLUMNS)
