"""speakers: turn a source mention into the canonical speaker, its role and its type.

Within one article: a pronoun resolves to the most recent compatible named source
(speakers first, then any named person), a surname alone to the full name used in the
same article (``Kolesnikov`` → ``Andrei Kolesnikov``), a relative pronoun (``who said``)
to the noun it modifies; an apposition becomes the speaker's role (``Andrei Kolesnikov,
senior fellow ..., told CNBC`` → role ``senior fellow ...``).

Example:
    >>> from toolkit.nlp import load_pipeline
    >>> doc = load_pipeline()("Mara Kovell arrived. Later Kovell said it was safe. She left.")
    >>> book = SpeakerBook(doc)
    >>> book.resolve(doc[5]).name, book.resolve(doc[11]).name
    ('Mara Kovell', 'Mara Kovell')
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from .quotes import CharRanges
from .sources import classify_source

THIRD_PERSON_SINGULAR = frozenset({"he", "she", "him", "her"})  # a person, one
PLURAL_PRONOUNS = frozenset({"they", "them"})
THING_PRONOUNS = frozenset({"it"})
FIRST_PERSON = frozenset({"i", "we", "me", "us"})
RESOLVABLE_PRONOUNS = THIRD_PERSON_SINGULAR | PLURAL_PRONOUNS | THING_PRONOUNS
RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom"})
TITLES = frozenset({
    "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "sen", "sen.", "rep", "rep.",
    "gov", "gov.", "prof", "prof.", "gen", "gen.", "sir", "dame", "lord", "lady",
})
CORE_DROP_DEPS = frozenset({"appos", "relcl", "acl", "punct", "cc", "conj", "advmod"})


@dataclass(frozen=True)
class Speaker:
    """A resolved source.

    Attributes:
        name: canonical name (full person name, organisation name, or the mention).
        type: ``person|organization|media|government|document|anonymous|unknown``.
        role: the apposition or title describing the speaker, if any.
    """

    name: str | None
    type: str
    role: str | None = None


def _strip_titles(text: str) -> str:
    words = text.split()
    while len(words) > 1 and words[0].lower().rstrip(",") in TITLES:
        words = words[1:]
    return " ".join(words).strip(" ,")


def person_entity(span: Span | Token) -> Span | None:
    """The PERSON entity inside a span (or covering a token), the one nearest its head.

    Reads the tokens' entity tags directly (``Span.ents`` rebuilds every entity of the
    Doc on each call).
    """
    doc = span.doc
    if isinstance(span, Token):
        span = doc[span.i:span.i + 1]
        if span[0].ent_type_ != "PERSON":
            return None
        start, end = span.start, span.end
        while start > 0 and doc[start].ent_iob_ == "I":
            start -= 1
        while end < len(doc) and doc[end].ent_iob_ == "I":
            end += 1
        return doc[start:end]
    people, start = [], None
    for token in span:
        inside = token.ent_type_ == "PERSON"
        if start is not None and (not inside or token.ent_iob_ == "B"):
            people.append((start, token.i))
            start = None
        if inside and start is None:
            start = token.i
    if start is not None:
        people.append((start, span.end))
    if not people:
        return None
    root = span.root.i
    start, end = min(people, key=lambda p: 0 if p[0] <= root < p[1] else abs(p[0] - root))
    return doc[start:end]


def core_range(token: Token) -> tuple[int, int]:
    """The mention's head with its left modifiers and compounds, no apposition/clause."""
    start = token.left_edge.i
    end = token.i + 1
    for child in token.rights:
        if child.dep_ in CORE_DROP_DEPS:
            break
        end = child.right_edge.i + 1
    return start, end


class SpeakerBook:
    """The named people and sources of one article, in reading order.

    Call :meth:`resolve` on source tokens in text order and :meth:`note` for each
    attribution's speaker, so pronouns resolve to what came before them.
    """

    def __init__(self, doc: Doc, *, outside: list[tuple[int, int]] | None = None) -> None:
        self.doc = doc
        self.full_names: dict[str, str] = {}
        self.speakers: list[tuple[int, Speaker]] = []
        self._person_notes: list[tuple[int, int, Speaker]] = []
        quoted = CharRanges(outside or [])
        persons = [ent for ent in doc.ents
                   if ent.label_ == "PERSON" and not quoted.holds(ent.start_char)]
        for ent in persons:
            name = _strip_titles(ent.text)
            parts = name.split()
            if len(parts) >= 2:
                self.full_names.setdefault(parts[-1], name)
        self.people: list[tuple[int, str]] = [
            (ent.start_char, self.full_name(_strip_titles(ent.text))) for ent in persons]
        self._people_starts = [position for position, _ in self.people]

    def full_name(self, name: str) -> str:
        """``Kolesnikov`` → ``Andrei Kolesnikov`` when the article names him in full."""
        parts = name.split()
        if len(parts) == 1:
            return self.full_names.get(parts[0], name)
        return name

    def note(self, position: int, speaker: Speaker) -> None:
        """Record that ``speaker`` spoke at character ``position``."""
        if speaker.name:
            self.speakers.append((position, speaker))
            if speaker.type == "person":
                bisect.insort(self._person_notes, (position, len(self.speakers), speaker))

    def last_speaker(self, position: int, types: set[str]) -> Speaker | None:
        """The latest recorded speaker of one of ``types`` before ``position``."""
        for pos, speaker in reversed(self.speakers):
            if pos < position and speaker.type in types:
                return speaker
        return None

    def _last_person(self, position: int) -> Speaker | None:
        """The person nearest before ``position``: a recorded speaker, or a named person
        mentioned later than any such speaker."""
        k = bisect.bisect_left(self._person_notes, (position,)) - 1
        spoke = None
        if k >= 0:
            spoke = self._person_notes[bisect.bisect_left(self._person_notes,
                                                          (self._person_notes[k][0],))]
        n = bisect.bisect_left(self._people_starts, position) - 1
        if n >= 0 and (spoke is None or self.people[n][0] > spoke[0]):
            return Speaker(self.people[n][1], "person")
        return spoke[2] if spoke is not None else None

    def _pronoun(self, token: Token) -> Speaker:
        word, position = token.lower_, token.idx
        if word in THIRD_PERSON_SINGULAR:
            found = self._last_person(position)
            if found is not None:
                return found
        elif word in PLURAL_PRONOUNS:
            found = self.last_speaker(position, {"anonymous", "organization", "government",
                                                 "person"})
            if found is not None:
                return found
        elif word in THING_PRONOUNS:
            found = self.last_speaker(position, {"organization", "government", "document",
                                                 "media"})
            if found is not None:
                return found
        return Speaker(None, "unknown")

    def resolve(self, token: Token, *, mention: Span | None = None) -> Speaker:
        """The canonical speaker of a source whose head token is ``token``.

        Args:
            token: the head of the source mention.
            mention: the whole mention (with apposition); defaults to the head's subtree.
        """
        doc = token.doc
        word = token.lower_
        if word in RELATIVE_PRONOUNS and token.head.dep_ == "relcl":
            return self.resolve(token.head.head)
        if token.pos_ == "PRON" and word in RESOLVABLE_PRONOUNS:
            return self._pronoun(token)
        if token.pos_ == "PRON" and word in FIRST_PERSON:
            return Speaker(None, "unknown")
        start, end = core_range(token)
        core = doc[start:end]
        mention = mention if mention is not None else doc[token.left_edge.i:token.right_edge.i + 1]
        role = self._role(token, core)
        person = person_entity(core) or person_entity(token)
        if person is not None:
            return Speaker(self.full_name(_strip_titles(person.text)), "person", role)
        kind = classify_source(mention)
        if kind == "person":
            return Speaker(self.full_name(_strip_titles(core.text)), "person", role)
        name = core.text.strip(" ,")
        if token.pos_ == "PROPN" and name.lower().startswith("the "):
            name = name[4:]
        return Speaker(name or None, kind, role)

    @staticmethod
    def _role(token: Token, core: Span) -> str | None:
        appositions = [c for c in token.rights if c.dep_ == "appos"]
        if appositions:
            a = appositions[0]
            return token.doc[a.left_edge.i:a.right_edge.i + 1].text.strip(" ,")
        person = person_entity(core)
        if person is not None and person.start > core.start:
            title = token.doc[core.start:person.start].text.strip(" ,")
            return title or None
        return None

