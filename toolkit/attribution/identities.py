"""identities: one identity per speaker across a whole corpus (``speaker_id``).

In-article resolution (:mod:`.speakers`) gives each attribution a canonical speaker for
its article; across articles and outlets the same person still appears as "Trump",
"Donald Trump", "Donald J. Trump" and "President Trump", and a medium as "Fox" and "Fox
News". :func:`identify_speakers` runs over the attributions of a whole corpus (all its
shards concatenated) and merges variants only when the corpus leaves no doubt:

- People: titles, honorifics and offices before a name are dropped ("Sen.", "Mrs.",
  "President", "Chief prosecutor"), a possessive "'s" and a trailing ", R-Ky." too. Full
  names merge when first name, surname and suffix agree and every middle name or initial
  given agrees ("Donald J. Trump" = "Donald Trump"; "George W. Bush" and "George H. W.
  Bush" stay apart, and "George Bush" with them stays on its own). A bare surname merges
  into the one full name with that surname ("Trump" → "Donald Trump" only if no other
  Trump is quoted, nor a name that starts with "Trump"); given the articles, a bare name
  still ambiguous in the corpus goes to the one candidate its own article writes in full.
  Two different full names never merge ("Bernie Sanders" ≠ "Bernard
  Sanders"). A description that merely contains a name ("a spokesperson for Mayor Alda
  Brennic") gets no identity.
- Media: outlet names, relay hops and media speakers share one key per medium, given by
  ``medium_key`` (the default reads ``toolkit/lexicons/media_outlets.txt``; "Fox" and
  "Fox News" share the key ``fox``, as generic trailing words such as "News", "Channel",
  "Network" are dropped); a name whose words run inside exactly one longer medium name of
  the corpus merges into it ("Channel 9" → "Channel 9 Riverton", "Ledger" → "Harbor
  Ledger") unless both are distinct outlets of the lexicon ("CNN", "CNN International").
  The corpus's own outlet names are media identities, so an outlet under any alias is
  recognised as itself.
- Organizations, government bodies and named documents: the name without "the" and
  possessive, case-insensitively. Anonymous and unknown sources get no identity.

Ids are ``<family>:<slug>`` (``person:donald-trump``, ``media:fox``, ``org:nato``), made
from the merged key, never from row order: the same corpus gives the same ids however its
rows are ordered or sharded.

Example:
    >>> rows = pd.DataFrame({"doc_id": ["a", "b", "c"], "outlet": ["Ledger", "Relay", "Relay"],
    ...     "speaker": ["Mara Kovell", "Mayor Mara J. Kovell", "Kovell"],
    ...     "speaker_type": ["person"] * 3, "source": ["Kovell", "She", "Kovell"],
    ...     "speaker_role": [None] * 3, "chain": [None] * 3})
    >>> result = identify_speakers(rows)
    >>> result.attributions["speaker_id"].unique().tolist()
    ['person:mara-kovell']
    >>> result.speakers.loc[0, ["name", "aliases", "speaker_gender"]].tolist()
    ['Mara Kovell', ['Kovell', 'Mara Kovell', 'Mayor Mara J. Kovell'], 'female']
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd

from ..lexicons import lexicon_path, load_lexicon, load_terms
from .gender import FirstNameGender, first_name_gender, identity_genders, is_first_name
from .media import canonical_medium

MediumKey = Callable[[str], "str | None"]
SPEAKER_COLUMNS = ["speaker_id", "name", "aliases", "speaker_type", "speaker_gender",
                   "outlets", "attributions"]
FAMILIES = {"person": "person", "media": "media", "organization": "org",
            "government": "org", "document": "doc"}
GENERIC_MEDIA_WORDS = frozenset({"news", "channel", "network", "tv", "television", "online",
                                 "newspaper", "magazine", "website", "com"})
BARE_MEDIA_NOUNS = frozenset({"paper", "station", "broadcaster", "agency", "radio", "daily",
                              "outlet", "media", "press"})
CONNECTIVES = frozenset({"of", "de", "on", "and", "&", "for", "la", "le", "del", "di", "da",
                         "du", "des", "y", "am", "im", "the"})
PARTICLES = frozenset({"van", "von", "der", "den", "de", "del", "della", "di", "da", "du",
                       "la", "le", "al", "el", "bin", "ibn", "st", "ter", "dos", "das"})
SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
DESCRIPTION_WORDS = frozenset({"for", "of", "at", "with", "from", "by", "to", "a", "an",
                               "the", "and", "or", "who", "whose", "in", "on"})
NAME_MODIFIERS = frozenset({"former", "late", "then", "acting", "deputy", "vice", "chief",
                            "senior", "interim", "outgoing", "incoming", "u.s", "us", "uk",
                            "state", "top", "retired", "ex", "assistant", "associate",
                            "republican", "democratic", "gop", "democrat"})
NON_NAMES = frozenset({"he", "she", "they", "it", "we", "i", "you", "him", "her", "them", "us",
                       "me", "who", "whom", "that", "this", "these", "those", "which"})
WORD = re.compile(r"[^\W\d_](?:[\w'’.-]*\w)?\.?|\d+")


@dataclass(frozen=True)
class SpeakerIdentities:
    """What :func:`identify_speakers` returns.

    Attributes:
        attributions: the input rows with ``speaker_id`` and ``speaker_gender`` added.
        speakers: one row per identity, columns :data:`SPEAKER_COLUMNS`.
        media_aliases: ``casefolded alias → speaker_id`` of every media identity (outlets,
            relays, media speakers): how :mod:`toolkit.sourcing.network` names relays.
    """

    attributions: pd.DataFrame
    speakers: pd.DataFrame
    media_aliases: dict[str, str] = field(default_factory=dict)


# --- text normalisation ---------------------------------------------------------------
def _fold(text: str) -> str:
    """Casefolded, accents removed, curly apostrophes straightened."""
    text = unicodedata.normalize("NFKD", text.replace("’", "'"))
    return "".join(c for c in text if not unicodedata.combining(c)).casefold()


def slug(text: str) -> str:
    """The id part of a key: ASCII letters and digits joined by hyphens.

    Example:
        >>> slug("José Ocasio-Cortez"), slug("channel 9 riverton")
        ('jose-ocasio-cortez', 'channel-9-riverton')
    """
    return "-".join(re.findall(r"[a-z0-9]+", _fold(text))) or "x"


def _words(name: str) -> list[str]:
    """A name's words, without a leading article, parentheticals, a possessive ending
    or anything after the first comma."""
    name = re.sub(r"\([^)]*\)", " ", name.split(",")[0])
    name = re.sub(r"['’]s?\s*$", "", name.strip())
    words = WORD.findall(name)
    while words and words[0].lower() in ("the", "a", "an"):
        words = words[1:]
    return words


def body_key(name: str) -> str | None:
    """The matching key of an organization, government body or document name.

    Example:
        >>> body_key("the Calder Basin Authority's"), body_key("the ministry")
        ('calder basin authority', None)
    """
    words = _words(name)
    if not any(w[:1].isupper() for w in words):
        return None  # a description ("the ministry"), not a name
    return " ".join(_fold(w).rstrip(".") for w in words) or None


def _medium_words(name: str) -> list[str]:
    """A medium's name words: the last run of capitalised words when there is one ("a
    Reuters reporter", "the German paper Süddeutsche Zeitung", "CNN affiliate"), without
    possessives and generic trailing words; nothing for a bare generic word ("Paper")."""
    words = [re.sub(r"'s$", "", w.replace("’", "'")) for w in _words(name)]
    capital = [i for i, w in enumerate(words) if _capitalised(w)]
    if capital and not all(_capitalised(w) or w in CONNECTIVES for w in words):
        end = capital[-1] + 1
        start = end - 1
        while start > 0 and (_capitalised(words[start - 1]) or (
                words[start - 1] in CONNECTIVES and start > 1
                and _capitalised(words[start - 2]))):
            start -= 1
        words = words[start:end]
    words = [_fold(w).rstrip(".") for w in words]
    while len(words) > 1 and words[-1] in GENERIC_MEDIA_WORDS:
        words = words[:-1]
    if not words or (len(words) == 1 and words[0] in GENERIC_MEDIA_WORDS | BARE_MEDIA_NOUNS):
        return []
    return words


def _capitalised(word: str) -> bool:
    return word[:1].isupper() or word[:1].isdigit()


def medium_name_key(name: str) -> str | None:
    """A medium's key from its name alone: casefolded words, no article or possessive,
    trailing lower-case words ("a Reuters reporter") and generic trailing words ("News",
    "Channel", "Network", "TV") dropped.

    Example:
        >>> medium_name_key("Fox News Channel"), medium_name_key("The Harbor Ledger's")
        ('fox', 'harbor ledger')
        >>> medium_name_key("a Reuters reporter"), medium_name_key("the Times of Israel")
        ('reuters', 'times of israel')
    """
    return " ".join(_medium_words(name)) or None


@lru_cache(maxsize=4)
def _outlet_keys(path: Path, mtime_ns: int) -> frozenset[str]:
    return frozenset(filter(None, (medium_name_key(term) for term in load_terms(path))))


def lexicon_medium_key(name: str) -> str | None:
    """The default ``medium_key``: the key of the outlet a name is an alias of in
    ``toolkit/lexicons/media_outlets.txt`` (:func:`toolkit.attribution.media.canonical_medium`:
    "WaPo" is The Washington Post), else :func:`medium_name_key` when the name is a medium
    of that lexicon (ignoring case, "The", "'s" and generic trailing words), else ``None``.

    Example:
        >>> lexicon_medium_key("FOX NEWS"), lexicon_medium_key("Fox"), lexicon_medium_key("Kovell")
        ('fox', 'fox', None)
        >>> lexicon_medium_key("WaPo") == lexicon_medium_key("The Washington Post")
        True
    """
    canonical = canonical_medium(name)
    if canonical is not None:
        return medium_name_key(canonical)
    path = lexicon_path("media_outlets")
    key = medium_name_key(name)
    return key if key in _outlet_keys(path, path.stat().st_mtime_ns) else None


@lru_cache(maxsize=4)
def _title_words(path: Path, mtime_ns: int) -> frozenset[str]:
    table = load_lexicon(path)
    rows = table[table["rule"].isin(["title", "office"])]["term"]
    return frozenset(_fold(term).rstrip(".") for term in rows)


@lru_cache(maxsize=4)
def _pronoun_words(path: Path, mtime_ns: int) -> frozenset[str]:
    table = load_lexicon(path)
    return frozenset(table.loc[table["rule"] == "pronoun", "term"].str.lower())


def _non_names() -> frozenset[str]:
    """Pronouns (``source_types.tsv``) and the demonstratives and relatives that a bad
    parse can leave as a speaker."""
    path = lexicon_path("source_types")
    return _pronoun_words(path, path.stat().st_mtime_ns) | NON_NAMES


def _titles() -> frozenset[str]:
    path = lexicon_path("source_types")
    return _title_words(path, path.stat().st_mtime_ns)


# --- people -----------------------------------------------------------------------------
@dataclass(frozen=True)
class PersonName:
    """A person's name split into its parts (casefolded) and as written (``text``)."""

    given: str | None
    middles: tuple[str, ...]
    surname: str
    suffix: str | None
    text: str


def person_name(speaker: str, *, titles: frozenset[str] | None = None,
                non_names: frozenset[str] | None = None) -> PersonName | None:
    """Split a person speaker into name parts, titles and offices dropped; ``None`` when
    the speaker is a description rather than a name.

    Example:
        >>> name = person_name("Sen. Dorian J. Fesk Jr.")
        >>> name.given, name.middles, name.surname, name.suffix, name.text
        ('dorian', ('j',), 'fesk', 'jr', 'Dorian J. Fesk Jr.')
        >>> person_name("Chief anti-corruption prosecutor Nadia Ostrova").text
        'Nadia Ostrova'
        >>> person_name("A spokesperson for Mayor Alda Brennic") is None
        True
    """
    words = _words(speaker)
    lower = [_fold(w).rstrip(".") for w in words]
    start = len(words)
    while start > 0 and (words[start - 1][:1].isupper() or lower[start - 1] in PARTICLES):
        start -= 1  # the trailing run of capitalised words (and particles) is the name
    if start == len(words) or any(w in DESCRIPTION_WORDS for w in lower[:start]):
        return None
    titles = _titles() if titles is None else titles
    cut = start
    for i in range(start, len(words)):
        if lower[i] in titles or lower[i] in NAME_MODIFIERS:
            cut = i + 1  # a title or office inside the run: the name follows it
    words, lower = words[cut:], lower[cut:]
    if len(words) == 1 and lower[0] in (_non_names() if non_names is None else non_names):
        return None  # an unresolved "He", "They", "Who"
    if len(words) >= 3 and not is_first_name(words[0]) and is_first_name(words[1]):
        words, lower = words[1:], lower[1:]  # "Baker Dariusz Helm"
    suffix = None
    if len(lower) > 1 and lower[-1] in SUFFIXES:
        suffix, words, lower = lower[-1], words[:-1], lower[:-1]
    if not words or not any(c.isalpha() for c in "".join(lower)):
        return None
    first_surname = len(lower) - 1
    while first_surname > 1 and lower[first_surname - 1] in PARTICLES:
        first_surname -= 1  # "Ursula von der Leyen": the surname is "von der leyen"
    if first_surname == 0 or (first_surname == 1 and lower[0] in PARTICLES):
        given, middles, surname = None, (), " ".join(lower)
    else:
        given, middles = lower[0], tuple(lower[1:first_surname])
        surname = " ".join(lower[first_surname:])
    text = " ".join(words + ([speaker.split()[-1]] if suffix else []))
    return PersonName(given, middles, surname, suffix, text.rstrip(","))


def _person_groups(names: dict[str, PersonName]
                   ) -> tuple[dict[str, str], dict[str, set[str]]]:
    """``surface text → person key``, merging as the module docstring says, and for each
    bare name left ambiguous the full-name keys it could stand for."""
    full = {text: n for text, n in names.items() if n.given}
    initials: dict[tuple, set[str]] = defaultdict(set)
    for n in full.values():
        if n.middles:
            initials[(n.given, n.surname, n.suffix)].add("".join(m[:1] for m in n.middles))
    key_of: dict[str, str] = {}
    for text, n in full.items():
        middle = "".join(m[:1] for m in n.middles)
        if len(initials[(n.given, n.surname, n.suffix)]) > 1:  # different middle names
            parts = [n.given, *middle, n.surname, n.suffix]
        else:
            parts = [n.given, n.surname, n.suffix]
        key_of[text] = " ".join(p for p in parts if p)
    by_surname: dict[str, set[str]] = defaultdict(set)
    for text, n in full.items():
        by_surname[n.surname].add(key_of[text])
        by_surname[n.given].add(key_of[text])  # "Kim" may be Kim Jong-un, given name first
    ambiguous: dict[str, set[str]] = {}
    for text, n in names.items():
        if n.given is None:
            candidates = by_surname.get(n.surname, set())
            if n.suffix:  # "Fesk Jr." can only be a Fesk Jr.
                candidates = {key for key in candidates if key.endswith(f" {n.suffix}")}
            own = " ".join(p for p in (n.surname, n.suffix) if p)
            key_of[text] = next(iter(candidates)) if len(candidates) == 1 else own
            if len(candidates) > 1:
                ambiguous[text] = candidates
    return key_of, ambiguous


def _named_in_article(rows: pd.DataFrame, keys: list[str | None], people: dict[str, PersonName],
                      person_keys: dict[str, str], ambiguous: dict[str, set[str]],
                      articles: pd.DataFrame) -> list[str | None]:
    """Keys of bare names that stay ambiguous in the corpus, settled per article: the one
    candidate whose full name the article writes ("Clinton" in an article that names
    Hillary Clinton and no other Clinton)."""
    forms: dict[str, set[str]] = defaultdict(set)
    for name in people.values():
        if name.given:
            forms[person_keys[name.text]].add(name.text)
    texts = dict(zip(articles["doc_id"], articles["text"]))
    settled = list(keys)
    for i, (doc_id, speaker) in enumerate(zip(rows["doc_id"], rows["speaker"])):
        name = people.get(speaker) if isinstance(speaker, str) else None
        text = texts.get(doc_id)
        if name is None or name.text not in ambiguous or not isinstance(text, str):
            continue
        named = [key for key in ambiguous[name.text]
                 if any(form in text for form in forms[key])]
        if len(named) == 1:
            settled[i] = named[0]
    return settled


# --- media -----------------------------------------------------------------------------
def _contained(short: list[str], long: list[str]) -> bool:
    size = len(short)
    return size < len(long) and any(long[i:i + size] == short
                                     for i in range(len(long) - size + 1))


def _media_groups(names: Iterable[str], medium_key: MediumKey) -> dict[str, str]:
    """``surface name → media key``: ``medium_key`` first, else the name's own key (a
    name only: "the newspaper" gets none); then a key that is no known medium and runs
    inside exactly one longer key of the corpus merges into it."""
    own: dict[str, str] = {}
    known: set[str] = set()
    for name in names:
        key = medium_key(name)
        if key is not None:
            known.add(key)
        elif any(c.isupper() for c in name):
            key = medium_name_key(name)
        if key:
            own[name] = key
    keys = sorted(set(own.values()))
    by_word: dict[str, set[str]] = defaultdict(set)
    for key in keys:
        for word in key.split():
            by_word[word].add(key)
    merged = {}
    for key in keys:
        words = key.split()
        pool = set.intersection(*(by_word[word] for word in words)) if key not in known else ()
        longer = [other for other in pool if _contained(words, other.split())]
        merged[key] = longer[0] if len(longer) == 1 else key
    return {name: merged[key] for name, key in own.items()}


# --- the corpus pass -------------------------------------------------------------------
def _family(speaker_type: str | None, name: str, medium_key: MediumKey) -> str | None:
    if speaker_type == "media":
        return "media"
    if speaker_type in ("organization", "government") and medium_key(name) is not None:
        return "media"
    return FAMILIES.get(speaker_type or "")


def _canonical(forms: Counter, prefer: Iterable[str] = (), *, longer: bool = True) -> str:
    """The most frequent surface form (a preferred one when present); ties go to the
    longer form (``longer=False``: the shorter), then alphabetically."""
    preferred = [form for form in prefer if form in forms]
    pool = Counter({form: forms[form] for form in preferred}) if preferred else forms
    sign = -1 if longer else 1
    return sorted(pool, key=lambda form: (-pool[form], sign * len(form), form))[0]


def identify_speakers(
    attributions: pd.DataFrame,
    *,
    outlets: Iterable[str] | None = None,
    medium_key: MediumKey = lexicon_medium_key,
    articles: pd.DataFrame | None = None,
    first_name: FirstNameGender = first_name_gender,
) -> SpeakerIdentities:
    """Give every named speaker of a corpus one identity, and list the identities.

    Args:
        attributions: the attributions of the whole corpus (every shard concatenated):
            ``doc_id``, ``outlet``, ``speaker``, ``speaker_type``, ``source``,
            ``speaker_role``, ``chain`` (as :data:`toolkit.attribution.ATTRIBUTION_COLUMNS`).
        outlets: the corpus's outlet names (default: the attributions' ``outlet`` values);
            each is a media identity.
        medium_key: a medium's name → its canonical key, or ``None`` when the name is not
            a known medium (:func:`lexicon_medium_key` by default; a media-alias module
            plugs in here).
        articles: the articles table (``doc_id``, ``text``), optional: a bare surname that
            is ambiguous in the corpus is settled per article when the article writes
            exactly one of the candidates' full names, and titles before a speaker's
            surname in the articles add gender evidence.
        first_name: first name → ``female``/``male``/``None`` (see
            :func:`toolkit.attribution.gender.identity_genders`).

    Returns:
        A :class:`SpeakerIdentities`: the attributions with ``speaker_id`` (None for
        anonymous, unknown and unnamed speakers) and ``speaker_gender`` (persons only:
        ``female|male|unknown``; None for other rows), and the ``speakers`` table, most
        quoted first.
    """
    rows = attributions.reset_index(drop=True)
    outlet_names = sorted({o for o in (rows["outlet"] if outlets is None else outlets)
                           if isinstance(o, str) and o.strip()})
    speakers = [s if isinstance(s, str) and any(c.isalpha() for c in s) else None
                for s in rows["speaker"]]
    families = [_family(t, s, medium_key) if s is not None else None
                for t, s in zip(rows["speaker_type"], speakers)]

    titles, non_names = _titles(), _non_names()
    people = {s: person_name(s, titles=titles, non_names=non_names)
              for s in {s for s, f in zip(speakers, families) if f == "person"}}
    people = {s: n for s, n in people.items() if n is not None}
    person_keys, ambiguous = _person_groups({n.text: n for n in people.values()})
    relay_names = {name for name, _ in _relay_hops(rows)}
    media_names = {s for s, f in zip(speakers, families) if f == "media"}
    media_keys = _media_groups(sorted(media_names | relay_names | set(outlet_names)),
                               medium_key)

    keys: list[str | None] = []
    for speaker, family in zip(speakers, families):
        key = None
        if family == "person" and speaker in people:
            key = person_keys[people[speaker].text]
        elif family == "media":
            key = media_keys.get(speaker)
        elif family in ("org", "doc"):
            key = body_key(speaker)
        keys.append(key)
    if articles is not None and ambiguous:
        keys = _named_in_article(rows, keys, people, person_keys, ambiguous, articles)
    rows["speaker_id"] = [f"{family}:{slug(key)}" if key else None
                          for family, key in zip(families, keys)]

    table = _speakers_table(rows, people, media_keys, outlet_names)
    names = dict(zip(table["speaker_id"], table["name"]))
    genders = identity_genders(rows, articles=articles, names=names, first_name=first_name)
    is_person = table["speaker_type"] == "person"
    table["speaker_gender"] = table["speaker_id"].map(genders).where(is_person, None)
    row_gender = rows["speaker_id"].map(genders).astype(object).fillna("unknown")
    rows["speaker_gender"] = row_gender.where(rows["speaker_type"] == "person", None)
    aliases = {_fold(alias): sid for sid, alias_list in zip(table["speaker_id"], table["aliases"])
               if sid.startswith("media:") for alias in alias_list}
    return SpeakerIdentities(rows, table[SPEAKER_COLUMNS], aliases)


def _relay_hops(rows: pd.DataFrame) -> list[tuple[str, str]]:
    """``(relay name, outlet)`` of every relay hop: the hops between outlet and speaker."""
    hops = []
    for outlet, chain in zip(rows["outlet"], rows.get("chain", [])):
        if isinstance(chain, list | tuple | np.ndarray) and len(chain) > 2:
            hops.extend((hop["name"], outlet) for hop in chain[1:-1]
                        if isinstance(hop, dict) and isinstance(hop.get("name"), str))
    return hops


def _speakers_table(rows: pd.DataFrame, people: dict[str, PersonName],
                    media_keys: dict[str, str], outlet_names: list[str]) -> pd.DataFrame:
    """One row per identity: speakers from the rows, media also from outlets and relays."""
    forms: dict[str, Counter] = defaultdict(Counter)
    aliases: dict[str, set[str]] = defaultdict(set)
    types: dict[str, Counter] = defaultdict(Counter)
    outlets: dict[str, set[str]] = defaultdict(set)
    counts: Counter = Counter()
    for sid, speaker, speaker_type, outlet in zip(rows["speaker_id"], rows["speaker"],
                                                 rows["speaker_type"], rows["outlet"]):
        if not isinstance(sid, str):
            continue
        forms[sid][people[speaker].text if speaker in people else speaker.strip()] += 1
        aliases[sid].add(speaker)
        types[sid][speaker_type] += 1
        counts[sid] += 1
        if isinstance(outlet, str):
            outlets[sid].add(outlet)
    outlet_ids = {}
    for name, outlet in [*((o, None) for o in outlet_names), *_relay_hops(rows)]:
        if name in media_keys:
            sid = f"media:{slug(media_keys[name])}"
            forms[sid][name] += 0 if outlet is None else 1
            aliases[sid].add(name)
            if outlet is None:
                outlet_ids.setdefault(sid, []).append(name)
            elif isinstance(outlet, str):
                outlets[sid].add(outlet)
    given_forms = {name.text for name in people.values() if name.given}
    records = []
    for sid, surface in forms.items():
        family = sid.split(":", 1)[0]
        if family == "person":
            full = Counter({f: n for f, n in surface.items() if f in given_forms})
            name = _canonical(full or surface, longer=False)
        else:
            name = _canonical(surface, outlet_ids.get(sid, ()))
        kinds = types[sid]
        speaker_type = "media" if family == "media" else sorted(
            kinds, key=lambda t: (-kinds[t], t))[0]
        records.append({"speaker_id": sid, "name": name, "aliases": sorted(aliases[sid]),
                        "speaker_type": speaker_type, "speaker_gender": None,
                        "outlets": sorted(outlets[sid]), "attributions": counts[sid]})
    table = pd.DataFrame(records, columns=SPEAKER_COLUMNS)
    return table.sort_values(["attributions", "speaker_id"], ascending=[False, True],
                             ignore_index=True)
