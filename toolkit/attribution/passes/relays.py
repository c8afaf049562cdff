"""relays: the pass that finds the media each attribution came through (its hops).

A row's hops are the media its cue's syntax names (``told CNBC``, ``X reported Y
saying``: :func:`~toolkit.attribution.chains.relay_hops`), after any medium named by an
``according to`` in the sentence. A speaker's later rows with no hop of their own keep
the hops of the speaker's nearest earlier relayed row.

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

import bisect

from .. import syntax
from ..chains import according_to_relays, relay_hops
from ..index import ArticleIndex, Found


def run(index: ArticleIndex) -> None:
    """Set ``hops`` on every row (speakers must be resolved)."""
    relayed: dict[str, list[tuple[int, int, Found]]] = {}
    position = {id(f): n for n, f in enumerate(index.rows)}
    for found in index.dependency_order():
        name = found.speaker.name if found.speaker else None
        found.hops = own_hops(found)
        if not found.hops and name and found.parent is None:
            found.hops = _inherited_hops(found, relayed.get(name, []))
        if found.hops and name:
            bisect.insort(relayed.setdefault(name, []),
                          (found.start, -position[id(found)], found))


def own_hops(found: Found) -> list[dict]:
    """The media the row's cue and its sentence's ``according to`` name, outermost first."""
    if found.cue_token is None or found.kind == "according_to":
        return []
    hops = relay_hops(found.cue_token, source=found.source_token)
    outer = according_to_relays(syntax.sentence(found.cue_token), exclude=found.cue_token)
    return [h for h in outer if h not in hops] + hops


def _inherited_hops(found: Found, relayed: list[tuple[int, int, Found]]) -> list[dict]:
    """The hops of the nearest earlier row in ``relayed`` (the speaker's rows with hops,
    as sorted ``(start, -order, row)``; of rows starting together, the first found)."""
    k = bisect.bisect_left(relayed, (found.start,)) - 1
    return list(relayed[k][2].hops) if k >= 0 else []
