"""relays: the pass that finds the media each attribution came through (its hops).

Only from what the text says:

- a row's own hops: the media its cue's syntax names (``told CNBC``, ``said on Fox
  News Sunday``, ``X reported Y saying``, ``analysts interviewed by Channel 9``:
  :func:`~toolkit.attribution.chains.relay_hops`), after a medium named by an
  ``according to`` in the sentence;
- an interview the text sets up: the first row of a speaker that names a medium
  (``Graham told The Huffington Post``) gives that medium to the speaker's later rows
  with none of their own, and to those just before it (the paragraph before: ``X
  says ... X tells CNN``); a medium named later (``told The New York Times then``)
  stays with its row; a set-up naming the article's own outlet makes the rows
  first-hand;
- a report the article retells: when the lead (:data:`LEAD_SENTENCES`) says a medium
  ran or published a piece (``The Washington Post ran a feature Saturday ...``), the
  later rows of other speakers that name no medium came through it.

Example:
    >>> from toolkit.nlp import load_pipeline
    >>> from toolkit.attribution.index import ArticleIndex
    >>> from toolkit.attribution.passes import reported_speech, resolve_speakers
    >>> index = ArticleIndex(load_pipeline()(
    ...     "Mara Kovell told Channel 9 the pier was safe. Kovell said it would reopen."))
    >>> for run_pass in (reported_speech.run, resolve_speakers.run, run):
    ...     run_pass(index)
    >>> [[hop["name"] for hop in row.hops] for row in index.rows]
    [['Channel 9'], ['Channel 9']]
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from .. import syntax
from ..chains import according_to_relays, media_mention, relay_hops
from ..index import ArticleIndex, Found
from ..media import is_own_outlet

LEAD_SENTENCES = 4
SET_UP_PARAGRAPHS = 1  # rows of the speaker this close before an interview set-up share it
PUBLISH_LEMMAS = frozenset({"run", "publish", "air", "broadcast", "print", "post", "release"})
PIECE_NOUNS = frozenset({
    "feature", "story", "piece", "article", "report", "profile", "interview", "segment",
    "investigation", "exposé", "expose", "column", "editorial", "documentary", "video",
})


def run(index: ArticleIndex) -> None:
    """Set ``hops`` on every row (speakers must be resolved)."""
    interviews: dict[str, list[dict]] = {}
    waiting: dict[str, list[Found]] = {}  # a speaker's rows before any set-up
    retold = retold_report(index)
    for found in index.dependency_order():
        name = found.speaker.name if found.speaker else None
        found.hops = own_hops(found)
        if found.hops:
            if name and name not in interviews:
                interviews[name] = found.hops
                here = index.paragraph(found.start)
                for earlier in waiting.pop(name, []):  # "X says ... X tells CNN"
                    if here - index.paragraph(earlier.start) <= SET_UP_PARAGRAPHS:
                        earlier.hops = list(found.hops)
            continue
        if name and found.parent is None and name not in interviews:
            waiting.setdefault(name, []).append(found)
        if found.parent is not None or not name:
            continue
        if name in interviews:
            found.hops = list(interviews[name])
        elif (retold is not None and found.start > retold[0] and found.speaker.type != "media"
              and not is_own_outlet(name, retold[1]["name"])):
            found.hops = [retold[1]]


def own_hops(found: Found) -> list[dict]:
    """The media the row's cue and its sentence's ``according to`` name, outermost first
    (a name within another hop's, ``MSNBC`` beside ``MSNBC's Morning Joe``, is one hop)."""
    if found.cue_token is None or found.kind == "according_to":
        return []
    hops = relay_hops(found.cue_token, source=found.source_token)
    outer = according_to_relays(syntax.sentence(found.cue_token), exclude=found.cue_token)
    hops = [h for h in outer if h not in hops] + hops
    return [h for h in hops if not any(o is not h and _within(h["name"], o["name"])
                                       for o in hops)]


def _within(name: str, other: str) -> bool:
    """Whether ``name`` is part of the longer name ``other`` (``MSNBC`` of ``MSNBC's
    Morning Joe``)."""
    return len(other) > len(name) and re.search(rf"(?<!\w){re.escape(name)}(?!\w)", other) \
        is not None


def retold_report(index: ArticleIndex) -> tuple[int, dict] | None:
    """``(position, hop)`` of a medium the lead says ran a piece (not the article's own
    outlet), else ``None``."""
    doc = index.doc
    starts = syntax.sentence_starts(doc)
    end = starts[LEAD_SENTENCES] if len(starts) > LEAD_SENTENCES else len(doc)
    for token in doc[:end]:
        if token.lemma_ not in PUBLISH_LEMMAS or token.pos_ != "VERB":
            continue
        if not any(c.dep_ == "dobj" and c.lemma_.lower() in PIECE_NOUNS for c in token.children):
            continue
        for subject in (c for c in token.children if c.dep_ == "nsubj"):
            name = _medium(subject)
            if name and not is_own_outlet(name, index.outlet):
                return token.idx, {"name": name, "type": "media", "cue": token.text}
    return None


def _medium(token: Token) -> str | None:
    return media_mention(token) if token.pos_ in ("PROPN", "NOUN") else None
