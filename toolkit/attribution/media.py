"""media: which mentions name a news medium, under which canonical name, and whether it is
the article's own outlet.

Media names come from ``toolkit/lexicons/media_outlets.txt``: one outlet a line, its
aliases (short forms, spellings, corpus publisher codes) indented below it. A mention
names a known medium when it matches a name or alias (a leading "the" and a trailing
"'s" ignored; short forms case-sensitive as written), or when the source lexicons type
it ``media`` (``Channel 9 Riverton``, ``the newspaper``: :func:`~toolkit.attribution.
sources.classify_name`). Two names are the same medium when their canonical names agree
or one's words lie within the other's (``the Ledger`` and ``The Harbor Ledger``).

This is the module other code asks about media (relays, the corpus-wide media
identities): :func:`is_medium`, :func:`canonical_medium`, :func:`same_medium`,
:func:`is_own_outlet`.

Example:
    >>> canonical_medium("Fox"), canonical_medium("the Huffington Post's")
    ('Fox News', 'HuffPost')
    >>> is_own_outlet("The Huffington Post", "huff-post"), is_own_outlet("CNN", "fox")
    (True, False)
    >>> is_medium("Channel 9 Riverton"), is_medium("NATO")
    (True, False)
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..lexicons import compiled
from .sources import classify_name

OUTLET_LEXICON = "media_outlets"
ARTICLES = frozenset({"the", "a", "an"})
_POSSESSIVE = re.compile(r"['’]s?$")


@dataclass(frozen=True)
class MediaNames:
    """The media lexicon read into lookups.

    Attributes:
        canonical: a name or alias as written (without "The" and "'s") → its outlet.
        folded: the same, lower-cased: used for an article's own outlet and codes.
    """

    canonical: dict[str, str]
    folded: dict[str, str]


def _key(name: str) -> str:
    text = re.sub(r"\s+", " ", name.replace("’", "'")).strip(" ,;:\"“”")
    text = _POSSESSIVE.sub("", text).strip()
    return re.sub(r"^the\s+", "", text, flags=re.IGNORECASE)


def _read(path: Path) -> MediaNames:
    canonical: dict[str, str] = {}
    outlet = None
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        name = line.strip()
        if not line[0].isspace():
            outlet = name
        canonical.setdefault(_key(name), outlet or name)
    folded: dict[str, str] = {}
    for key, value in canonical.items():
        folded.setdefault(key.lower(), value)
    return MediaNames(canonical, folded)


def media_names() -> MediaNames:
    """The media lexicon's lookups (read again when the file changes)."""
    return compiled(_read, OUTLET_LEXICON)


def canonical_medium(name: str | None) -> str | None:
    """The canonical name of the known medium a mention names, else ``None``.

    Example:
        >>> canonical_medium("WaPo"), canonical_medium("wash-post"), canonical_medium("show")
        ('The Washington Post', 'The Washington Post', None)
    """
    if not name:
        return None
    names = media_names()
    key = _key(name)
    return names.canonical.get(key) or (names.folded.get(key.lower())
                                        if not key.islower() or "-" in key else None)


def is_medium(name: str | None) -> bool:
    """Whether a name or description refers to a news medium (a known outlet, a name
    with a media word, or a media head noun).

    Example:
        >>> is_medium("The Harbor Ledger"), is_medium("Politico"), is_medium("Mara Kovell")
        (True, True, False)
    """
    return bool(name) and (canonical_medium(name) is not None or classify_name(name) == "media")


def _words(name: str) -> set[str]:
    return {w for w in re.findall(r"\w+", _key(name).lower()) if w not in ARTICLES}


def same_medium(a: str | None, b: str | None) -> bool:
    """Whether two names refer to the same medium: equal canonical names (aliases
    included), or one's words within the other's.

    Example:
        >>> same_medium("Fox", "Fox News"), same_medium("the Ledger", "The Harbor Ledger")
        (True, True)
        >>> same_medium("CNN", "CNBC"), same_medium(None, "CNN")
        (False, False)
    """
    if not a or not b:
        return False
    ca, cb = canonical_medium(a) or a, canonical_medium(b) or b
    if _key(ca).lower() == _key(cb).lower():
        return True
    wa, wb = _words(ca), _words(cb)
    return bool(wa and wb) and (wa <= wb or wb <= wa)


def is_own_outlet(name: str | None, outlet: str | None) -> bool:
    """Whether a medium's name refers to the article's own outlet, under any alias or
    code (``"The Huffington Post"`` in an article of ``"huff-post"``).

    Example:
        >>> is_own_outlet("the Ledger", "The Harbor Ledger"), is_own_outlet("Fox", "fox")
        (True, True)
    """
    return same_medium(name, outlet)
