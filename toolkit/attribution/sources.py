"""sources: what kind of source a mention is (person, media, government, anonymous, ...).

Every attribution's source gets one of :data:`SOURCE_TYPES`. The words and names behind
the decision are data: ``toolkit/lexicons/source_types.tsv`` (people, offices, proxies,
documents, institutions, anonymity phrases, pronouns, titles), ``media_outlets.txt`` and
``media_cues.txt``; edit them, or put replacements in ``$TOOLKIT_LEXICON_DIR``.

Order of precedence, first match wins (the same for a parsed span and a bare name):

1. A pronoun as the whole mention: personal pronouns are ``unknown`` (resolved
   elsewhere), indefinite ones (``some``, ``others``, ``one``) ``anonymous``.
2. A proper name (the mention's head is capitalised and not a role noun): a known outlet
   (``media``); a known government or organization name (``the Kremlin``, ``NATO``,
   ``the Carnegie Endowment for International Peace``); a PERSON entity (``person``); a
   name containing a media name word (``Radio NV``, ``The Harbor Ledger``, ``Channel 9
   Riverton``). In a parsed span, a name the recogniser did not tag PERSON is still a
   person when its apposition is a role (``X, the province's prosecutor``), it takes a
   ``who`` clause, or it is the surname of a person named earlier in the Doc.
3. An anonymity phrase anywhere in the mention (``a source familiar with the talks``,
   ``an official who spoke on condition of anonymity``): ``anonymous``.
4. The head noun, or a phrase ending in it, from the lexicons: people nouns are
   ``anonymous`` (``officials``, ``U.S. officials``, ``the locals``, ``experts``: unnamed
   is anonymous, whatever the claimed standing); institutions ``government`` or
   ``organization`` (``the ministry``, ``the company``); documents ``document`` (``the
   report``, ``a study``); media heads ``media`` (``the newspaper``, ``a Reuters
   reporter``: the journalist speaks for the outlet). Offices (``the mayor``) take their
   issuer's type, else ``government`` when definite and singular, else ``anonymous``
   (``a senator``). Proxies (spokespeople, statements, press releases, tweets) take
   their issuer's type (``a Kremlin spokesman`` → government), else their own.
5. A role word followed by a name (``Mayor Alda Brennic``, ``Kremlin spokesman Dmitry
   Peskov``): ``person``.
6. A government, organization or document word inside a name (``Calder Basin
   Authority``, ``Riverton Student Union``), or, for a common noun, a modifier naming an
   outlet or institution (``the BBC's Russian service`` → media).
7. The entity label: ORG ``organization``, GPE ``government`` (``Russia said``), NORP
   ``anonymous`` (``Russians``), PERSON ``person``.
8. Otherwise ``unknown``.

An appended apposition or relative clause never replaces the head: ``Andrei Kolesnikov,
senior fellow and chair of the Carnegie Endowment for International Peace`` is a person,
not an organization.

Example:
    >>> from toolkit.nlp import load_pipeline
    >>> doc = load_pipeline()("A source familiar with the talks told Newsweek it failed.")
    >>> classify_source(doc[0:6]), classify_source(doc[7:8])
    ('anonymous', 'media')
    >>> classify_name("Radio NV"), classify_name("U.S. officials")
    ('media', 'anonymous')
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from spacy.attrs import ORTH
from spacy.tokens import Span, Token

from ..lexicons import compiled, load_lexicon, load_terms

SOURCE_TYPES = (
    "person", "organization", "media", "government", "document", "anonymous", "unknown",
)
SOURCE_TYPE_LEXICON = "source_types"
OUTLET_LEXICON = "media_outlets"
MEDIA_CUE_LEXICON = "media_cues"

NAME_LABELS = frozenset({
    "PERSON", "ORG", "GPE", "NORP", "FAC", "LOC", "PRODUCT", "WORK_OF_ART", "EVENT", "LAW",
})
LABEL_TYPES = {
    "PERSON": "person", "ORG": "organization", "GPE": "government", "NORP": "anonymous",
}
ISSUER_TYPES = {
    "office": frozenset({"government", "organization", "media"}),
    "proxy": frozenset({"government", "organization", "media", "person"}),
}
ISSUER_DEPS = frozenset({"poss", "compound", "nmod"})
ISSUER_PREPS = frozenset({"for", "of", "from", "at", "by"})
DEFINITE = frozenset({"the", "this", "that", "its", "their", "his", "her", "our", "my"})
ARTICLES = DEFINITE | {"a", "an"}
INSTITUTIONS = frozenset({"media", "government", "organization"})
NAME_DEPS = frozenset({"compound", "nmod", "nummod", "flat"})
CUT_WORDS = frozenset({
    "of", "for", "on", "at", "in", "from", "with", "to", "by", "who", "that", "which",
    "whose", "whom",
})
MAX_TERM_WORDS = 4
# people who act for an institution: typed by it when it is a government
AGENT_HEADS = frozenset({"official", "investigator", "aide", "staffer", "agent", "officer",
                         "inspector", "regulator", "diplomat", "prosecutor"})
GOVERNMENT_MODIFIERS = frozenset({"federal", "government", "administration", "congressional",
                                  "military", "police", "state"})


@dataclass(frozen=True)
class _Entry:
    source_type: str
    rule: str


@dataclass(frozen=True)
class _Lexicons:
    pronouns: dict[str, str]
    phrases: tuple[str, ...]
    heads: dict[str, _Entry]
    titles: frozenset[str]
    names: dict[str, str]
    media_pattern: re.Pattern | None

    def head(self, words: list[str]) -> tuple[_Entry, int] | None:
        """The entry for the longest lexicon phrase ending ``words`` (lower case), with
        its length in words; the last word is also tried as a singular."""
        for size in range(min(MAX_TERM_WORDS, len(words)), 0, -1):
            entry = self.heads.get(" ".join(words[-size:]))
            if entry is not None:
                return entry, size
        for singular in _singulars(words[-1]):
            entry = self.heads.get(singular)
            if entry is not None:
                return entry, 1
        return None

    def is_role(self, word: str) -> bool:
        """Whether a word names a person's role rather than a body or a thing."""
        low = word.lower()
        if low in self.titles:
            return True
        found = self.head([low])
        return found is not None and (
            found[0].rule == "office"
            or found[0].source_type == "anonymous"
            or (found[0].rule == "proxy" and found[0].source_type != "document")
        )


def _singulars(word: str) -> list[str]:
    if word.endswith("ies"):
        return [word[:-3] + "y"]
    if word.endswith("es"):
        return [word[:-1], word[:-2]]
    return [word[:-1]] if word.endswith("s") else []


def _name_key(text: str) -> str:
    """A name as compared with the name lexicons: no leading "the", no trailing "'s"."""
    text = re.sub(r"\s+", " ", text.replace("’", "'").replace("‘", "'")).strip(" ,;:\"“”")
    text = re.sub(r"^the\s+", "", text, flags=re.IGNORECASE)
    return re.sub(r"'s?$", "", text).strip()


def _pattern(entries: list[str]) -> re.Pattern | None:
    parts = [
        re.escape(entry).replace("<n>", r"\d+").replace("<X>", "[A-Z]+")
        for entry in sorted(entries, key=len, reverse=True)
    ]
    return re.compile(r"(?<![\w-])(?:" + "|".join(parts) + r")(?![\w-])") if parts else None


_PERSON_NAMES_KEY = "toolkit.sources.person_names"


def _build(types_path: Path, outlets_path: Path, cues_path: Path) -> _Lexicons:
    """The lookup tables of the three lexicons."""
    table = load_lexicon(types_path)
    rows = {
        rule: list(zip(group["term"], group["source_type"]))
        for rule, group in table.groupby("rule")
    }
    cues = sorted(load_terms(cues_path))
    heads = {term.lower(): _Entry("media", "head") for term in cues if term[0].islower()}
    for rule in ("head", "office", "proxy"):
        heads.update((term.lower(), _Entry(kind, rule)) for term, kind in rows.get(rule, []))
    names = {_name_key(term): kind for term, kind in rows.get("name", [])}
    names.update((_name_key(term), "media") for term in load_terms(outlets_path))
    return _Lexicons(
        pronouns={term.lower(): kind for term, kind in rows.get("pronoun", [])},
        phrases=tuple(term.lower() for term, _ in rows.get("phrase", [])),
        heads=heads,
        titles=frozenset(term.lower() for term, _ in rows.get("title", [])),
        names=names,
        media_pattern=_pattern([term for term in cues if not term[0].islower()]),
    )


def _lexicons() -> _Lexicons:
    """The lookup tables, built again when a lexicon file changes."""
    return compiled(_build, SOURCE_TYPE_LEXICON, OUTLET_LEXICON, MEDIA_CUE_LEXICON)


def _known_name(name: str, ent_label: str | None, lex: _Lexicons) -> str | None:
    """Step 2 of the precedence: known names, PERSON entities, media name words."""
    words = _name_key(name).split()
    for start in range(len(words)):
        kind = lex.names.get(" ".join(words[start:]))
        if kind is not None and len(words) - start > 1:
            return kind
    single = lex.names.get(" ".join(words)) if len(words) == 1 else None
    if single is not None and ent_label != "PERSON":
        return single
    if ent_label == "PERSON":
        return "person"
    if lex.media_pattern is not None and lex.media_pattern.search(name):
        return "media"
    return None


def _resolve(entry: _Entry, issuer: str | None, *, definite: bool, plural: bool) -> str:
    if entry.rule in ISSUER_TYPES and issuer in ISSUER_TYPES[entry.rule]:
        return issuer
    if entry.rule == "office":
        return entry.source_type if definite and not plural else "anonymous"
    return entry.source_type


def _anonymity_phrase(text: str, lex: _Lexicons) -> bool:
    low = f" {text.lower()} "
    return any(f" {phrase} " in low for phrase in lex.phrases)


def _titled_person(words: list[str], lex: _Lexicons) -> bool:
    """``Mayor Alda Brennic``, ``Dr. Wendt``: a role word, then only name words (two or
    more, or one after a title such as ``Dr.`` or ``Inspector``)."""
    for i in range(len(words) - 1, 0, -1):
        role = words[i - 1].rstrip(".")
        if lex.is_role(role):
            name = words[i:]
            enough = len(name) >= 2 or role.lower() in lex.titles
            return enough and all(
                w[:1].isupper() and lex.head([w.lower()]) is None for w in name
            )
        if not role[:1].isupper():
            return False
    return False


def _word_in_name(words: list[str], lex: _Lexicons) -> str | None:
    """Step 6 for names: the right-most government, organization or document word."""
    for word in reversed(words):
        found = lex.head([word.lower().rstrip(".")])
        if found and found[0].rule == "head" and found[0].source_type != "anonymous":
            return found[0].source_type
    return None


def _split_phrase(words: list[str]) -> tuple[list[str], str, str]:
    """Read a mention without a parser: its head phrase (up to the first preposition,
    relative pronoun or comma, after any possessor), the possessor (``Brennic`` in
    ``Brennic's office``) and the words after the cut (``the ministry`` in ``a
    spokesman for the ministry``)."""
    cut = next((i for i, w in enumerate(words) if i and w.lower() in CUT_WORDS), len(words))
    comma = next((i for i, w in enumerate(words[:cut]) if w.endswith(",")), None)
    head_words = [w.strip(",") for w in words[: cut if comma is None else comma + 1]]
    possessor, _, owned = " ".join(head_words).rpartition("'s ")
    return owned.split(), possessor, " ".join(words[cut + 1:])


def _classify_text(text: str, ent_label: str | None, lex: _Lexicons) -> str:
    clean = re.sub(r"\s+", " ", text.replace("’", "'")).strip(" ,;:\"“”")
    low = clean.lower()
    if not clean:
        return "unknown"
    if ent_label == "PERSON":
        return _known_name(clean, ent_label, lex) or "person"
    head_words, possessor, tail = _split_phrase(clean.split())
    head = head_words[-1]
    if len(head_words) == 1 and head.lower() in lex.pronouns and not _is_acronym(head):
        return lex.pronouns[head.lower()]
    proper = (head[:1].isupper() or not head.isalpha()) and not lex.is_role(head)
    if proper:
        kind = _known_name(clean, ent_label, lex)
        if kind is not None:
            return kind
    if _anonymity_phrase(low, lex):
        return "anonymous"
    found = None if proper else lex.head([w.lower() for w in head_words])
    if found is not None:
        entry, size = found
        issuer = None
        if entry.rule in ISSUER_TYPES:
            modifiers = [w for w in head_words[:-size] if w.lower() not in ARTICLES]
            issuer_text = possessor or tail or " ".join(modifiers)
            issuer = _classify_text(issuer_text, None, lex) if issuer_text else None
        definite = low.split()[0] in DEFINITE or bool(possessor)
        plural = head.lower() not in lex.heads and head.lower().endswith("s")
        return _resolve(entry, issuer, definite=definite, plural=plural)
    if _titled_person(head_words, lex):
        return "person"
    kind = _word_in_name(head_words, lex) if proper else None
    if kind is None and possessor:
        kind = _classify_text(possessor, None, lex)
        kind = kind if kind in INSTITUTIONS else None
    return kind or LABEL_TYPES.get(ent_label or "", "unknown")


def classify_name(name: str, *, ent_label: str | None = None) -> str:
    """The source type of a bare name or description, without parsing it.

    For relay hops and canonical speakers, where only a string is at hand. Follows the
    module's order of precedence, reading the head as the last word before the first
    preposition or relative pronoun. A personal name is only recognised with
    ``ent_label="PERSON"`` or a title (``Dr. Lars Wendt``); otherwise it is ``unknown``.

    Args:
        name: the mention text (``"Radio NV"``, ``"a senior official at the authority"``).
        ent_label: the spaCy entity label of the name, when known.

    Returns:
        One of :data:`SOURCE_TYPES`.

    Example:
        >>> classify_name("the Kremlin"), classify_name("budget records")
        ('government', 'document')
        >>> classify_name("Mara Kovell"), classify_name("Mara Kovell", ent_label="PERSON")
        ('unknown', 'person')
    """
    return _classify_text(name, ent_label, _lexicons())


def is_role_word(word: str, *, offices_only: bool = False) -> bool:
    """Whether a word names a person's role (a title, an office, a people noun such as
    ``critic``, a spokesperson) rather than a body or a thing; with ``offices_only``,
    only an office (``senator``, ``governor``, ``minister``).

    Example:
        >>> is_role_word("critic"), is_role_word("ministry")
        (True, False)
        >>> is_role_word("critic", offices_only=True), is_role_word("senator", offices_only=True)
        (False, True)
    """
    lex = _lexicons()
    if not offices_only:
        return lex.is_role(word)
    found = lex.head([word.lower()])
    return found is not None and found[0].rule == "office"


def head_noun_type(word: str) -> str | None:
    """The type the lexicons give a head noun that is a thing or a body (``letter`` →
    document, ``campaign`` → organization), ``None`` for people, offices, spokespeople and
    unknown words.

    Example:
        >>> head_noun_type("letter"), head_noun_type("critic"), head_noun_type("pier")
        ('document', None, None)
    """
    found = _lexicons().head([word.lower()])
    if found is None or found[0].source_type in ("anonymous", "person") or (
            found[0].rule == "office") or (found[0].rule == "proxy"
                                            and found[0].source_type != "document"):
        return None
    return found[0].source_type


def is_media_name(name: str) -> bool:
    """Whether a name or description refers to a news medium.

    Example:
        >>> is_media_name("CNBC"), is_media_name("Channel 9 Riverton"), is_media_name("NATO")
        (True, True, False)
    """
    return classify_name(name) == "media"


def _entity(token: Token) -> tuple[int, int, str] | None:
    """Start, end and label of the named entity covering ``token``."""
    if token.ent_type_ not in NAME_LABELS:
        return None
    doc = token.doc
    start, end = token.i, token.i + 1
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return start, end, token.ent_type_


def _name_range(root: Token, span: Span) -> tuple[int, int, str | None]:
    """The proper name headed by ``root``: its entity or ``root``, with the name
    compounds and titles before it (``Mayor`` in ``Mayor Alda Brennic``)."""
    start, end, label = _entity(root) or (root.i, root.i + 1, None)
    while start > span.start and (
        root.doc[start - 1].dep_ in NAME_DEPS or root.doc[start - 1].pos_ == "PROPN"
    ):
        start -= 1
    return max(start, span.start), min(end, span.end), label


def _described_as_person(root: Token, lex: _Lexicons) -> bool:
    """A name whose apposition is a role (``X, the province's prosecutor``), that takes a
    ``who`` clause, or that is the surname of a PERSON entity or of a titled name
    earlier in the Doc: the evidence used when the entity recogniser misses a person."""
    for child in root.children:
        if child.dep_ == "appos" and lex.is_role(child.text):
            return True
        if child.dep_ == "relcl" and child.left_edge.lower_ in ("who", "whom"):
            return True
    surnames, titled = _person_names(root.doc, lex)
    return root.text in surnames or any(i < root.i for i in titled.get(root.text, ()))


def _person_names(doc, lex: _Lexicons) -> tuple[frozenset[str], dict[str, list[int]]]:
    """Surnames of multi-word PERSON entities, and where names are introduced with a
    role and a first name (``Mayor Alda Brennic``); computed once per Doc."""
    cached = doc.user_data.get(_PERSON_NAMES_KEY)
    if cached is None:
        surnames = frozenset(e[-1].text for e in doc.ents if e.label_ == "PERSON" and len(e) > 1)
        titled: dict[str, list[int]] = {}
        strings = doc.vocab.strings
        words = [strings[orth] for orth in doc.to_array([ORTH]).tolist()] if len(doc) else []
        for i in range(2, len(words)):
            if (words[i][:1].isupper() and words[i - 1][:1].isupper()
                    and lex.is_role(words[i - 2].rstrip("."))):
                titled.setdefault(words[i], []).append(i)
        cached = doc.user_data[_PERSON_NAMES_KEY] = (surnames, titled)
    return cached


def _is_acronym(word: str) -> bool:
    """``US``, ``WHO``: capitals that are names even where they spell a pronoun."""
    return len(word) > 1 and word.isupper()


def _is_name(root: Token) -> bool:
    return (
        _entity(root) is not None
        or (root.pos_ == "PROPN" and root.text[:1].isupper())
        or _is_acronym(root.text)
    )


def _issuer(root: Token, span: Span, term_start: int) -> str | None:
    """The type of whoever an office or proxy speaks for (``the Kremlin`` in ``a Kremlin
    spokesman``, ``the ministry`` in ``a statement from the ministry``)."""
    candidates = []
    for child in root.children:
        if child.dep_ in ISSUER_DEPS and child.i < term_start:
            candidates.append(child)
        elif child.dep_ == "prep" and child.lower_ in ISSUER_PREPS:
            candidates.extend(c for c in child.children if c.dep_ == "pobj")
    for child in candidates:
        start, end = max(child.left_edge.i, span.start), min(child.right_edge.i + 1, span.end)
        if start < end:
            kind = classify_source(span.doc[start:end])
            if kind not in ("unknown", "anonymous", "document"):
                return kind
    return None


def _acts_for_government(root: Token, span: Span) -> bool:
    """An agent noun modified by a government: a government name or adjective before it
    (``federal investigators``, ``U.S. officials``, ``Chinese officials``) or after
    ``at``/``of``/``for``/``from`` (``officials at the Interior Ministry``)."""
    for child in root.children:
        if child.i < root.i and child.dep_ in ("amod", "compound", "nmod", "poss"):
            if child.lower_ in GOVERNMENT_MODIFIERS or child.ent_type_ in ("GPE", "NORP"):
                return True
            start, end = max(child.left_edge.i, span.start), child.i + 1
            if start < end and classify_source(span.doc[start:end]) == "government":
                return True
    return _issuer(root, span, root.i) == "government"


def _classify_common(root: Token, span: Span, lex: _Lexicons) -> str | None:
    """Steps 3, 4 and 6 for a mention headed by a common noun (or a role noun)."""
    if _anonymity_phrase(span.text.replace("’", "'"), lex):
        return "anonymous"
    start = max(root.left_edge.i, span.start)
    words = [t for t in span.doc[start:root.i] if t.dep_ not in ("det", "punct", "case")]
    words.append(root)
    found = lex.head([t.lower_ for t in words]) or lex.head([root.lemma_.lower()])
    if found is not None:
        entry, size = found
        definite = any(
            c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in DEFINITE) for c in root.children
        )
        plural = root.tag_ in ("NNS", "NNPS") or "Plur" in root.morph.get("Number")
        issuer = _issuer(root, span, words[-size].i) if entry.rule in ISSUER_TYPES else None
        if root.lemma_.lower() in AGENT_HEADS and _acts_for_government(root, span):
            return "government"  # "U.S. officials", "a Homeland Security official"
        return _resolve(entry, issuer, definite=definite, plural=plural)
    modifier = _issuer(root, span, root.i)
    return modifier if modifier in INSTITUTIONS else None


def classify_source(span: Span) -> str:
    """The source type of a source mention in a parsed Doc.

    Uses the mention's head (its syntactic root), the head's named entity and label,
    its determiners and number, its modifiers (who an office or proxy speaks for) and
    the lexicons, in the order of precedence described in the module docstring.

    Args:
        span: the mention, optionally with an apposition or relative clause
            (``Andrei Kolesnikov, senior fellow ...``, ``officials who asked not to be
            named``).

    Returns:
        One of :data:`SOURCE_TYPES`.

    Example:
        >>> from toolkit.nlp import load_pipeline
        >>> doc = load_pipeline()("The mayor told the Harbor Ledger that officials knew.")
        >>> [classify_source(doc[a:b]) for a, b in [(0, 2), (3, 6), (7, 8)]]
        ['government', 'media', 'anonymous']
    """
    if len(span) == 0:
        return "unknown"
    lex = _lexicons()
    root = span.root
    if root.lower_ in lex.pronouns and root.pos_ != "PROPN" and not _is_acronym(root.text):
        return lex.pronouns[root.lower_]
    label = None
    if _is_name(root) and not lex.is_role(root.text):
        start, end, label = _name_range(root, span)
        name = span.doc[start:end].text
        if label != "PERSON" and _described_as_person(root, lex):
            return _known_name(name, None, lex) or "person"
        kind = _classify_text(name, label, lex)
        if kind != "unknown":
            return kind
    kind = _classify_common(root, span, lex)
    return kind or LABEL_TYPES.get(label or "", "unknown")
