"""filenames: file and folder names made from corpus strings, safe and never shared.

Outlet names, doc ids and parameter values become folder and file names (one report per
outlet, a figure per article). They may hold ``/``, ``..``, spaces or thousands of
characters, and two of them may differ only in characters a file name cannot keep
("Fox News" and "Fox/News"). :func:`safe_name` keeps a name that is already safe as it is
and gives any other a readable form plus eight hex digits of its SHA-256, so different
strings never share a name.

Example:
    >>> safe_name("outlet_overview")
    'outlet_overview'
    >>> safe_name("Fox News"), safe_name("Fox/News")
    ('Fox_News-84d50eb7', 'Fox_News-a57d7aae')
"""

from __future__ import annotations

import hashlib
import re

SAFE = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")
UNSAFE_RUN = re.compile(r"[^A-Za-z0-9._-]+")
MAX_CHARS = 80


def safe_name(text: str, *, max_chars: int = MAX_CHARS) -> str:
    """A file name for ``text``: itself when it is made of letters, digits, ``.``, ``_``
    and ``-`` (not starting with a dot) and at most ``max_chars`` long; otherwise its safe
    characters, cut to fit, plus ``-`` and eight hex digits of its hash."""
    if SAFE.fullmatch(text) and len(text) <= max_chars:
        return text
    digest = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:8]
    readable = UNSAFE_RUN.sub("_", text).strip("._-")[: max_chars - 9]
    return f"{readable}-{digest}" if readable else digest
