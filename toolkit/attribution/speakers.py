"""speakers: turn a source mention into the canonical speaker, its role and its type.

Within one article (:class:`SpeakerBook`):

- a **name** resolves to the fullest form the article gives (``Kolesnikov`` → ``Andrei
  Kolesnikov``, ``Mr. Biden`` → ``Joseph R. Biden Jr.``); an apposition or title is the
  role, never the name (``The state's campaign chairman, Phil Lovas`` → ``Phil Lovas``,
  role ``The state's campaign chairman``); coordinated names stay a group (``Mr. Grassley
  and Mr. Leahy`` → ``Charles E. Grassley and Patrick J. Leahy``); a name that only owns
  the head (``Donald Trump's campaign``) is not the speaker;
- **he/she** resolve to the most salient earlier person that agrees in gender (titles,
  first names from the gender-guesser package, the pronouns already resolved to them):
  the nearest sentence first, subjects and speakers before other mentions, never a
  person named inside a quotation; **they** to the nearest group or plural body,
  **it** to the nearest institution or document; **who/which/that** to the noun they
  modify;
- a **definite description** of an office holder (``the senator``, ``The Indiana
  governor``, ``the former president``) is the person who spoke or was the subject
  nearest before it, within :data:`DESCRIPTION_REACH` sentences;
- **I/me** outside any quotation is the article's author (``the author``, typed media);
  **we/you** there, and anything else that is not a name (a pronoun left unresolved, a
  determiner, punctuation, page furniture such as ``Invalid``), is no speaker: null,
  typed ``anonymous`` (an unnamed holder).

Types come from the resolved entity: a named person is ``person`` whatever the mention
(:mod:`~toolkit.attribution.sources` types the rest).

Example:
    >>> from toolkit.nlp import load_pipeline
    >>> doc = load_pipeline()("Mara Kovell arrived. Later Kovell said it was safe. She left.")
    >>> book = SpeakerBook(doc)
    >>> book.resolve(doc[5]).name, book.resolve(doc[11]).name
    ('Mara Kovell', 'Mara Kovell')
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

import gender_guesser.detector
import numpy as np
from spacy import parts_of_speech
from spacy.attrs import POS
from spacy.tokens import Doc, Span, Token

from . import syntax
from .quotes import CharRanges
from .sources import classify_source, head_noun_type, is_role_word

THIRD_PERSON_SINGULAR = frozenset({"he", "she", "him", "her"})  # a person, one
MALE_PRONOUNS = frozenset({"he", "him", "himself"})
FEMALE_PRONOUNS = frozenset({"she", "her", "herself"})
PLURAL_PRONOUNS = frozenset({"they", "them"})
THING_PRONOUNS = frozenset({"it"})
FIRST_PERSON = frozenset({"i", "we", "me", "us"})
AUTHOR_PRONOUNS = frozenset({"i", "me"})
RESOLVABLE_PRONOUNS = THIRD_PERSON_SINGULAR | PLURAL_PRONOUNS | THING_PRONOUNS
RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom"})
TITLES = frozenset({
    "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "sen", "sen.", "sens", "sens.",
    "rep", "rep.", "reps", "reps.", "gov", "gov.", "prof", "prof.", "gen", "gen.", "sir",
    "dame", "lord", "lady", "miss",
})
COURTESY_GENDER = {"mr": "male", "mrs": "female", "ms": "female", "miss": "female",
                   "sir": "male", "lord": "male", "dame": "female", "lady": "female"}
NAME_SUFFIXES = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"})
NAME_PARTICLES = frozenset({"de", "del", "da", "di", "van", "von", "der", "den", "bin", "al",
                            "la", "le", "y", "'s", "’s"})
CORE_DROP_DEPS = frozenset({"appos", "relcl", "acl", "punct", "cc", "conj", "advmod"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
# heads of a definite description that names one office holder or candidate
PERSON_DESCRIPTIONS = frozenset({
    "candidate", "nominee", "politician", "challenger", "businessman", "businesswoman",
    "mogul", "billionaire", "republican", "democrat", "libertarian", "incumbent",
})
DESCRIPTION_REACH = 3  # sentences back a definite description looks for its person
TITLE_OFFICES = {"sen": "senator", "sens": "senator", "rep": "representative",
                 "reps": "representative", "gov": "governor", "pres": "president",
                 "gen": "general", "sec": "secretary", "lt": "lieutenant", "adm": "admiral"}
MEMBER_PREPOSITIONS = frozenset({"like", "including"})
AGENT_SUFFIXES = ("or", "er", "ist", "ian", "ant", "ent", "man", "woman", "eer")
PROTAGONIST_MENTIONS = 3  # the article's most named person, named this often, fits any role
PRONOUN_REACH = 6  # sentences back a pronoun prefers; beyond, the nearest person at all
NAME_COUNTRY = "usa"
# what a parse can leave as a source that names nobody
NON_NAMES = frozenset({
    "i", "me", "we", "us", "you", "he", "him", "she", "her", "it", "they", "them", "one",
    "this", "that", "these", "those", "who", "whom", "which", "what", "whose", "there",
    "here", "some", "someone", "somebody", "anyone", "anybody", "everyone", "everybody",
    "nobody", "none", "all", "both", "each", "either", "neither", "another", "other",
    "others", "such", "the", "a", "an", "his", "its", "their", "our", "my", "your",
    "invalid", "advertisement", "share", "comments", "comment", "photo", "image", "video",
    "click", "subscribe", "email", "nan", "null", "read", "more", "loading", "many", "few",
    "several", "most", "much", "any",
})


@dataclass(frozen=True)
class Speaker:
    """A resolved source.

    Attributes:
        name: canonical name (full person name, organisation name, or the description);
            ``None`` when the text names nobody.
        type: ``person|organization|media|government|document|anonymous|unknown``.
        role: the apposition or title describing the speaker, if any.
    """

    name: str | None
    type: str
    role: str | None = None


@dataclass(frozen=True)
class _Mention:
    """A person (or group) named or noted before some position, for antecedents."""

    position: int
    sentence: int
    subject: bool
    noted: int  # 0 for a name in the text, then the order in which speakers were noted
    speaker: Speaker


@lru_cache(maxsize=1)
def _detector() -> gender_guesser.detector.Detector:
    return gender_guesser.detector.Detector(case_sensitive=False)


def first_name_gender(name: str) -> str | None:
    """``male``/``female`` when the gender-guesser package lists the first name as such
    (in the US list, else overall, unless the US list says the opposite), else ``None``.

    Example:
        >>> first_name_gender("Mara Kovell"), first_name_gender("Oskar"), first_name_gender("Lee")
        ('female', 'male', None)
    """
    words = [w.strip(".,") for w in name.split()[:-1]] or name.split()[:1]
    for word in words:  # the first word the lists know ("Crooked Hillary Clinton")
        if len(word) > 1 and word[0].isupper():
            found = _name_gender(word)
            if found != "unknown":
                return found
    return None


def _name_gender(first: str) -> str | None:
    """``male``/``female``, ``None`` for a known but ambiguous name, ``"unknown"`` for a
    name the lists do not have."""
    if _detector().get_gender(first) == "unknown":
        return "unknown"
    local = _detector().get_gender(first, NAME_COUNTRY)
    if local in ("male", "female"):
        return local
    overall = _detector().get_gender(first)
    opposite = {"male": "female", "female": "male"}.get(overall)
    return overall if opposite and local not in (opposite, f"mostly_{opposite}") else None


def _strip_titles(text: str) -> str:
    words = text.split()
    while len(words) > 1 and words[0].lower().rstrip(",") in TITLES:
        words = words[1:]
    name = " ".join(words).strip(" ,")
    return re.sub(r"['’]s?$", "", name).strip()


def _looks_like_name(ent: Span) -> bool:
    """A PERSON entity whose words are capitalised proper names or initials (not "Injecting
    Clinton" or "a Donald Trump tweet")."""
    words = [t for t in ent if t.lower_.rstrip(".") not in TITLES and not t.is_punct]
    return bool(words) and all(
        (t.text[:1].isupper() and t.tag_ != "VBG") or t.lower_ in NAME_PARTICLES for t in words)


def _surname(name: str) -> str | None:
    parts = [p for p in name.split() if p.lower().strip(",") not in NAME_SUFFIXES]
    return parts[-1].strip(",") if parts else None


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


def is_non_name(name: str | None) -> bool:
    """Whether a speaker string names nobody: empty, without letters, a pronoun,
    determiner or demonstrative, or page furniture.

    Example:
        >>> [is_non_name(n) for n in ["You", ".", "Invalid", "nan", "Mara Kovell", None]]
        [True, True, True, True, False, True]
    """
    if not name or not any(c.isalpha() for c in name):
        return True
    words = re.findall(r"[\w'’-]+", name.lower())
    return not words or all(w in NON_NAMES for w in words)


class SpeakerBook:
    """The named people and sources of one article, in reading order.

    Call :meth:`resolve` on source tokens in text order and :meth:`note` for each
    attribution's speaker, so pronouns resolve to what came before them.
    """

    def __init__(self, doc: Doc, *, outside: list[tuple[int, int]] | None = None,
                 quotations: list[tuple[int, int]] | None = None) -> None:
        """``outside``: ranges whose names are never antecedents; ``quotations``: ranges
        (the article's quotes) whose names are antecedents of last resort in a sentence:
        never preferred as subjects."""
        self.doc = doc
        _detector()  # the first-name lists, read once per process (about a second)
        self.quoted = CharRanges(outside or [])
        in_quotes = CharRanges(quotations or [])
        self.sentence_starts = [doc[i].idx for i in syntax.sentence_starts(doc)] \
            if len(doc) else [0]
        self.full_names: dict[str, list[tuple[int, str]]] = {}  # surname → full forms
        self.genders: dict[str, str] = {}
        self.roles: dict[str, set[str]] = {}  # name → role words written with it
        self.mentions: list[_Mention] = []  # names and noted speakers, by position
        persons = [ent for ent in doc.ents if ent.label_ == "PERSON"
                   and not self.quoted.holds(ent.start_char) and _looks_like_name(ent)]
        for ent in persons:
            name = _strip_titles(ent.text)
            surname = _surname(name)
            if surname and len(name.split()) >= 2:
                self.full_names.setdefault(surname, []).append((ent.start_char, name))
        for ent in persons:
            name = self.full_name(_strip_titles(ent.text), position=ent.start_char)
            if not name or is_non_name(name):
                continue
            self._learn_gender(name, ent)
            self._learn_roles(name, ent)
            root = ent.root
            subject = (root.dep_ in SUBJECT_DEPS or (
                root.dep_ in ("compound", "appos") and root.head.dep_ in SUBJECT_DEPS)) and \
                not in_quotes.holds(ent.start_char)
            self.mentions.append(_Mention(ent.start_char, self._sentence(ent.start_char),
                                          subject, 0, Speaker(name, "person")))
        named = {t.i for ent in persons for t in ent}
        proper = np.flatnonzero(doc.to_array([POS]).reshape(-1) == parts_of_speech.PROPN) \
            if self.full_names and len(doc) else []
        for token in (doc[i] for i in proper.tolist() if i not in named) if len(proper) else ():
            # a surname the article gave in full, not tagged a person here
            if (token.text in self.full_names
                    and token.ent_type_ != "PERSON" and not self.quoted.holds(token.idx)):
                name = self.full_name(token.text, position=token.idx)
                subject = token.dep_ in SUBJECT_DEPS and not in_quotes.holds(token.idx)
                self.mentions.append(_Mention(token.idx, self._sentence(token.idx), subject, 0,
                                              Speaker(name, "person")))
        self.mentions.sort(key=lambda m: m.position)
        self._noted = 0
        self._excluded: CharRanges | None = None

    # --- the article's people ----------------------------------------------------------
    def full_name(self, name: str, *, position: int | None = None) -> str:
        """``Kolesnikov`` → ``Andrei Kolesnikov`` when the article names him in full; a
        shorter form (``Mr. Biden`` → ``Joseph R. Biden Jr.``) likewise when its first
        word agrees. Of two people sharing a surname, the one named last before
        ``position`` (else the first named after it)."""
        name = _strip_titles(name)
        parts = name.split()
        forms = self.full_names.get(_surname(name) or "", [])
        if len(parts) > 1:
            forms = [f for f in forms if f[1].split()[0] == parts[0]]
        if not forms:
            return name
        if position is not None:
            before = [f for f in forms if f[0] <= position]
            if before:
                return max((f for f in before if f[0] == before[-1][0]),
                           key=lambda f: len(f[1]))[1] if len(parts) == 1 else max(
                    (f[1] for f in before), key=len)
            return forms[0][1]
        return max((f[1] for f in forms), key=len)

    def gender(self, name: str | None) -> str | None:
        """The gender the article and the first name give a person, if any."""
        if not name:
            return None
        return self.genders.get(name) or first_name_gender(name)

    def _learn_gender(self, name: str, ent: Span) -> None:
        before = self.doc[ent.start - 1].lower_.rstrip(".") if ent.start > 0 else ""
        title = ent[0].lower_.rstrip(".") if len(ent) > 1 else ""
        gender = COURTESY_GENDER.get(before) or COURTESY_GENDER.get(title)
        if gender and name not in self.genders:
            self.genders[name] = gender

    def _learn_roles(self, name: str, ent: Span) -> None:
        """Role words written with a name: titles and compounds before it (``Sen.``,
        ``Mayor``, ``Homeland Security Secretary``) and the head of its apposition."""
        words = self.roles.setdefault(name, set())
        start = ent.start
        while start > 0 and ent.doc[start - 1].dep_ in ("compound", "amod") and \
                ent.doc[start - 1].head.i in range(ent.start, ent.end):
            start -= 1
        heads = [t for t in ent.doc[start:ent.start]] + [t for t in ent if
                                                          t.lower_.rstrip(".") in TITLES]
        heads += [c for c in ent.root.children if c.dep_ == "appos"]
        for token in heads:
            word = token.lower_.rstrip(".")
            words.add(TITLE_OFFICES.get(word, word))

    def _sentence(self, char: int) -> int:
        return max(0, bisect.bisect_right(self.sentence_starts, char) - 1)

    def note(self, position: int, speaker: Speaker, *, pronoun: str | None = None) -> None:
        """Record that ``speaker`` spoke at character ``position`` (a subject of a
        reporting verb: preferred as an antecedent). ``pronoun``: the source was this
        pronoun, evidence of the speaker's gender."""
        if not speaker.name:
            return
        self._noted += 1
        bisect.insort(self.mentions, _Mention(position, self._sentence(position), True,
                                              self._noted, speaker),
                      key=lambda m: (m.position, m.noted))
        if pronoun in MALE_PRONOUNS | FEMALE_PRONOUNS and speaker.type == "person":
            self.genders.setdefault(speaker.name,
                                    "male" if pronoun in MALE_PRONOUNS else "female")

    # --- antecedents ---------------------------------------------------------------------
    def _antecedent(self, position: int, accept, *, reach: int | None = None) -> Speaker | None:
        accepted = accept
        if self._excluded:
            excluded = self._excluded

            def accept(speaker: Speaker, mention: _Mention | None = None) -> bool:
                return accepted(speaker) and not (mention is not None and mention.noted == 0
                                                  and excluded.holds(mention.position))
        else:
            def accept(speaker: Speaker, mention: _Mention | None = None) -> bool:
                return accepted(speaker)
        return self._nearest(position, accept, reach=reach)

    def _nearest(self, position: int, accept, *, reach: int | None) -> Speaker | None:
        """The most salient mention before ``position`` that ``accept`` takes: the nearest
        sentence, a subject or speaker before other mentions, then the latest; within
        ``reach`` sentences (a pronoun falls back to the nearest beyond)."""
        sentence = self._sentence(position)
        k = bisect.bisect_left(self.mentions, position, key=lambda m: m.position)
        best, best_key, fallback = None, None, None
        for mention in reversed(self.mentions[:k]):
            distance = sentence - mention.sentence
            if best is not None and distance > best_key[0]:
                break
            if not accept(mention.speaker, mention):
                continue
            if distance > (reach if reach is not None else PRONOUN_REACH):
                if reach is None and fallback is None:
                    fallback = mention.speaker
                break
            key = (distance, not mention.subject, -mention.position, mention.noted == 0,
                   mention.noted)
            if best_key is None or key < best_key:
                best, best_key = mention.speaker, key
        return best or fallback

    def _pronoun(self, token: Token) -> Speaker:
        word, position = token.lower_, token.idx
        if word in THIRD_PERSON_SINGULAR:
            wanted = "male" if word in MALE_PRONOUNS else "female"

            def agrees(speaker: Speaker) -> bool:
                return speaker.type == "person" and not _group(speaker.name) and \
                    self.gender(speaker.name) in (None, wanted)

            return self._antecedent(position, agrees) or Speaker(None, "anonymous")
        if word in PLURAL_PRONOUNS:
            found = self._antecedent(position, lambda s: s.type in (
                "anonymous", "organization", "government", "media") or (
                s.type == "person" and _group(s.name)))
            return found or Speaker(None, "anonymous")
        found = self._antecedent(position, lambda s: s.type in (
            "organization", "government", "document", "media"))
        return found or Speaker(None, "anonymous")

    # --- resolution ----------------------------------------------------------------------
    def resolve(self, token: Token, *, mention: Span | None = None,
                quoted: list[tuple[int, int]] | None = None) -> Speaker:
        """The canonical speaker of a source whose head token is ``token``.

        Args:
            token: the head of the source mention.
            mention: the whole mention (with apposition); defaults to the head's subtree.
            quoted: the quotations being attributed: no one named inside them is the
                antecedent of a pronoun or description.
        """
        self._excluded = CharRanges(quoted) if quoted else None
        speaker = self._resolve(token, mention)
        if is_non_name(speaker.name):
            return Speaker(None, "anonymous", speaker.role)  # someone, unnamed
        return speaker

    def _resolve(self, token: Token, mention: Span | None) -> Speaker:
        doc = token.doc
        word = token.lower_
        if word in RELATIVE_PRONOUNS and token.head.dep_ == "relcl":
            return self.resolve(token.head.head)
        if token.pos_ == "PRON":
            if word in RESOLVABLE_PRONOUNS:
                return self._pronoun(token)
            if word in AUTHOR_PRONOUNS:
                return Speaker("the author", "media")
            if word in FIRST_PERSON or word == "you":
                return Speaker(None, "anonymous")
        start, end = core_range(token)
        core = doc[start:end]
        mention = mention if mention is not None else doc[token.left_edge.i:token.right_edge.i + 1]
        group = self._group(token) or self._named_members(token)
        if group is not None:
            return group
        role = self._role(token, core)
        person = self._person_of(token, core)
        if person is not None:
            name = self.full_name(person.text, position=person.start_char)
            if name and not is_non_name(name):
                return Speaker(name, "person", role if role != name else None)
        if token.pos_ == "PROPN" and token.text in self.full_names and all(
                t.pos_ == "PROPN" or t.lower_.rstrip(".") in TITLES for t in core):
            return Speaker(self.full_name(token.text, position=token.idx), "person",
                           self._role(token, core))  # a surname the article gave in full
        kind = classify_source(mention)
        if kind == "person" and token.ent_type_ != "PERSON":
            kind = head_noun_type(token.lemma_) or kind  # "Mattis' resignation letter"
        if kind == "person" and token.tag_ not in ("NNS", "NNPS"):
            if all(t.pos_ == "PROPN" or t.lower_.rstrip(".") in TITLES for t in core):
                return Speaker(self.full_name(core.text, position=core.start_char),
                               "person", role)
            return Speaker(core.text.strip(" ,"), "person", role)
        described = self._described_person(token, core)
        if described is not None:
            return Speaker(described.name, "person", core.text.strip(" ,"))
        name = core.text.strip(" ,")
        if token.pos_ == "PROPN" and name.lower().startswith("the "):
            name = name[4:]
        return Speaker(name or None, kind, role)

    def _person_of(self, token: Token, core: Span) -> Span | None:
        """The person a mention names: the PERSON entity holding its head, or one in
        apposition to (or compounded with) a role noun head; not a possessor of another
        head (``Donald Trump's campaign``)."""
        own = person_entity(token)
        if own is not None:
            return own
        if not _names_a_person(token):
            return None  # "the page for donations ..., Scott Pruitt": a thing, not its name
        for child in token.children:
            if child.dep_ == "appos":
                found = person_entity(child) or person_entity(
                    token.doc[child.left_edge.i:child.right_edge.i + 1])
                if found is not None:
                    return found
        inside = person_entity(core)
        if inside is None:
            return None
        heads = {t.i for t in inside}
        owns = any(t.dep_ == "poss" or (t.head.i not in heads and t.head.i != token.i
                                        and t.head.dep_ == "poss") for t in inside)
        if owns or token.tag_ in ("NNS", "NNPS"):
            return None  # "Donald Trump's campaign", "Clinton supporters"
        return inside

    def _group(self, token: Token) -> Speaker | None:
        """Coordinated people (``Mr. Grassley and Mr. Leahy``): one group speaker."""
        if token.ent_type_ != "PERSON" or not any(c.dep_ == "conj" for c in token.children):
            return None
        names, current = [], token
        while current is not None:
            person = person_entity(current)
            if person is None:
                return None
            names.append(self.full_name(person.text, position=person.start_char))
            current = next((c for c in current.children if c.dep_ == "conj"), None)
        if len(names) < 2:
            return None
        return Speaker(f"{', '.join(names[:-1])} and {names[-1]}", "person")

    def _named_members(self, token: Token) -> Speaker | None:
        """``Critics of the plan, like Senators A and B``, ``Proponents, including the
        Harbor Council``: the named members speak for the description."""
        if token.pos_ == "PROPN" or person_entity(token) is not None:
            return None
        for child in token.children:
            if child.dep_ != "prep" or child.lower_ not in MEMBER_PREPOSITIONS:
                continue
            member = next((c for c in child.children if c.dep_ == "pobj"), None)
            if member is None:
                continue
            group = self._group(member)
            if group is not None:
                return group
            person = person_entity(member)
            if person is not None:
                return Speaker(self.full_name(person.text, position=person.start_char),
                               "person")
            if member.pos_ == "PROPN":
                span = token.doc[member.left_edge.i:member.right_edge.i + 1]
                kind = classify_source(span)
                name = span.text.strip(" ,")
                return Speaker(name[4:] if name.lower().startswith("the ") else name, kind)
        return None

    def _described_person(self, token: Token, core: Span) -> Speaker | None:
        """``the senator``, ``The GOP nominee``: a definite singular description of an
        office holder or candidate is the salient person just before it (within
        :data:`DESCRIPTION_REACH` sentences) whom the article gave that role (``Sen.
        Tomas Rell``), or the article's protagonist (its most named person)."""
        head = token.lemma_.lower()
        definite = any(c.dep_ == "det" and c.lower_ == "the" for c in token.children)
        plural = token.tag_ in ("NNS", "NNPS")
        if not definite or not (head in PERSON_DESCRIPTIONS or is_role_word(
                head, offices_only=True)):
            return None
        if plural:  # "the senators": the group named before
            return self._antecedent(token.idx, lambda s: s.type == "person" and _group(s.name),
                                    reach=DESCRIPTION_REACH)
        protagonist = self._protagonist()

        def fits(speaker: Speaker) -> bool:
            return speaker.type == "person" and not _group(speaker.name) and (
                head in self.roles.get(speaker.name, ()) or speaker.name == protagonist)

        return self._antecedent(token.idx, fits, reach=DESCRIPTION_REACH)

    def _protagonist(self) -> str | None:
        counts: dict[str, int] = {}
        for mention in self.mentions:
            if mention.noted == 0:
                counts[mention.speaker.name] = counts.get(mention.speaker.name, 0) + 1
        ranked = sorted(counts.items(), key=lambda item: -item[1])
        if not ranked or ranked[0][1] < PROTAGONIST_MENTIONS or (
                len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
            return None
        return ranked[0][0]

    @staticmethod
    def _role(token: Token, core: Span) -> str | None:
        appositions = [c for c in token.rights if c.dep_ == "appos"]
        if appositions:
            a = appositions[0]
            text = token.doc[a.left_edge.i:a.right_edge.i + 1].text.strip(" ,")
            if person_entity(a) is None:
                return text
            return token.doc[core.start:core.end].text.strip(" ,") \
                if person_entity(token) is None else text
        person = person_entity(core)
        if person is not None and person.start > core.start:
            title = token.doc[core.start:person.start].text.strip(" ,")
            return title or None
        return None


def _names_a_person(token: Token) -> bool:
    """Whether a head noun can stand for a person: a role word of the lexicons, or an
    agent noun they do not list as a thing (``auditor``, ``strategist``; not ``page``)."""
    word = token.lemma_.lower()
    return is_role_word(word) or (head_noun_type(word) is None
                                  and word.endswith(AGENT_SUFFIXES))


def _group(name: str | None) -> bool:
    return bool(name) and " and " in name
