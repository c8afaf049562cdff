"""network: who quotes whom, through which media; top sources and shared voices.

The source network has outlets, relaying media and speakers as nodes. Every
attribution's chain adds ``relays`` edges from the article's outlet through each relay
and a ``quotes`` edge to the speaker; edge weights count attributions. It exports to
GraphML (Gephi); :mod:`toolkit.sourcing.figures` draws it and each article's chains.

When the attributions carry corpus-wide identities (``speaker_id``, from
:func:`toolkit.attribution.identities.identify_speakers`), speakers are counted by
identity and named by their canonical name ("Trump" and "Donald J. Trump" are one node,
one top source, one shared voice); given the ``speakers`` table too, relays and outlets
are named by their media identity, so "the Ledger" relayed by another outlet is the same
node as the outlet "The Harbor Ledger", and an outlet relaying itself adds no edge.

Example:
    >>> rows = pd.DataFrame({"outlet": ["A", "B"], "speaker": ["Kovell", "Kovell"],
    ...     "speaker_type": ["person"] * 2, "parent_id": [None, None],
    ...     "chain": [[{"name": "A", "type": "media"}, {"name": "Kovell", "type": "person"}],
    ...               [{"name": "B", "type": "media"}, {"name": "A", "type": "media"},
    ...                {"name": "Kovell", "type": "person"}]]})
    >>> graph = source_network(rows)
    >>> graph["B"]["A"]["kind"], graph["A"]["Kovell"]["weight"]
    ('relays', 2)
"""

from __future__ import annotations

import itertools
from pathlib import Path

import networkx as nx
import numpy as np
import pandas as pd

NAMED_TYPES = frozenset({"person", "organization", "government", "media", "document"})


class _Names:
    """Display names: identities' canonical names when the rows carry ``speaker_id``,
    media aliases from the ``speakers`` table; the names as written otherwise."""

    def __init__(self, attributions: pd.DataFrame, speakers: pd.DataFrame | None) -> None:
        self.by_id: dict[str, str] = {}
        self.media: dict[str, str] = {}
        if speakers is not None and len(speakers):
            self.by_id = dict(zip(speakers["speaker_id"], speakers["name"]))
            for sid, name, aliases in zip(speakers["speaker_id"], speakers["name"],
                                          speakers["aliases"]):
                if str(sid).startswith("media:"):
                    for alias in [name, *list(aliases)]:
                        self.media[str(alias).casefold()] = name
        elif "speaker_id" in attributions and len(attributions):
            named = attributions.dropna(subset=["speaker_id", "speaker"])
            counts = named.groupby(["speaker_id", "speaker"]).size().rename("n").reset_index()
            counts["length"] = counts["speaker"].str.len()
            best = counts.sort_values(["n", "length", "speaker"],
                                      ascending=[False, False, True])
            self.by_id = dict(best.drop_duplicates("speaker_id")[["speaker_id", "speaker"]]
                              .itertuples(index=False, name=None))

    def speaker(self, name: str | None, speaker_id: object = None) -> str | None:
        """The node name of a speaker: its identity's name, else as written."""
        if isinstance(speaker_id, str) and speaker_id in self.by_id:
            return self.by_id[speaker_id]
        return self.medium(name)

    def medium(self, name: str | None) -> str | None:
        """The node name of an outlet or relay: its media identity's name, else as written."""
        if not isinstance(name, str):
            return None
        return self.media.get(name.casefold(), name)


def source_network(attributions: pd.DataFrame, *,
                   speakers: pd.DataFrame | None = None) -> nx.DiGraph:
    """The weighted outlet → relay → speaker graph of an attributions table.

    Args:
        attributions: the attributions (``outlet``, ``chain``, ``parent_id``; with
            ``speaker_id`` speakers are identities).
        speakers: the speakers table of :func:`toolkit.attribution.identities.identify_speakers`:
            names identities canonically and relays by their media identity.

    Example:
        >>> rows = pd.DataFrame({"outlet": ["Relay"], "parent_id": [None],
        ...     "speaker_id": ["person:mara-kovell"], "chain": [[{"name": "Relay"},
        ...     {"name": "the Ledger", "type": "media"}, {"name": "Kovell", "type": "person"}]]})
        >>> speakers = pd.DataFrame({"speaker_id": ["person:mara-kovell", "media:harbor-ledger"],
        ...     "name": ["Mara Kovell", "The Harbor Ledger"], "aliases": [["Kovell"],
        ...     ["the Ledger", "The Harbor Ledger"]]})
        >>> sorted(source_network(rows, speakers=speakers).edges)
        [('Relay', 'The Harbor Ledger'), ('The Harbor Ledger', 'Mara Kovell')]
    """
    names = _Names(attributions, speakers)
    graph = nx.DiGraph()
    rows = attributions[attributions["parent_id"].isna()] if len(attributions) else attributions
    ids = rows["speaker_id"] if "speaker_id" in rows else [None] * len(rows)
    for outlet, chain, speaker_id in zip(rows["outlet"], rows["chain"], ids):
        if outlet is None or not isinstance(chain, list | tuple | np.ndarray) or len(chain) < 2:
            continue
        outlet = names.medium(outlet)
        speaker = chain[-1]
        speaker_name = names.speaker(speaker.get("name"), speaker_id)
        if speaker_name is None:
            continue
        relays = [names.medium(hop.get("name")) for hop in chain[1:-1]]
        graph.add_node(outlet, kind="outlet")
        for relay in relays:
            if relay is not None and graph.nodes.get(relay, {}).get("kind") != "outlet":
                graph.add_node(relay, kind="media")
        if not graph.has_node(speaker_name):
            graph.add_node(speaker_name, kind=speaker.get("type") or "unknown")
        if isinstance(speaker_id, str):
            graph.nodes[speaker_name]["speaker_id"] = speaker_id
        hops = [outlet, *relays, speaker_name]
        for i, (a, b) in enumerate(itertools.pairwise(hops)):
            if a is None or b is None or a == b:
                continue
            kind = "quotes" if i == len(hops) - 2 else "relays"
            if graph.has_edge(a, b):
                graph[a][b]["weight"] += 1
            else:
                graph.add_edge(a, b, kind=kind, weight=1)
    return graph


def article_chains(attributions: pd.DataFrame, doc_id: str) -> nx.DiGraph:
    """The chain graph of one article: its outlet → relays → speakers (the seed's kind).

    Example:
        >>> graph = article_chains(pd.DataFrame({"doc_id": ["d"], "outlet": ["Newsmax"],
        ...     "parent_id": [None], "chain": [[{"name": "Newsmax", "type": "media"},
        ...     {"name": "Newsweek", "type": "media"}, {"name": "Emil Ibragimov",
        ...     "type": "person"}]]}), "d")
        >>> list(graph.edges)
        [('Newsmax', 'Newsweek'), ('Newsweek', 'Emil Ibragimov')]
    """
    return source_network(attributions[attributions["doc_id"] == doc_id])


def write_graphml(graph: nx.DiGraph, path: str | Path) -> Path:
    """Write the network as GraphML (node ``kind``, edge ``kind`` and ``weight``)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    nx.write_graphml(graph, path)
    return path


def top_sources(attributions: pd.DataFrame, *, n: int = 10,
                speakers: pd.DataFrame | None = None) -> pd.DataFrame:
    """Who each outlet quotes most: ``outlet, speaker, speaker_type, attributions,
    share_of_outlet_attributions`` (and ``speaker_id`` when the rows carry identities:
    then a speaker is an identity, named canonically), the ``n`` most frequent speakers
    per outlet.

    Example:
        >>> rows = pd.DataFrame({"outlet": ["A"] * 3, "parent_id": [None] * 3,
        ...     "speaker": ["Kovell", "Mara Kovell", "Fesk"], "speaker_type": ["person"] * 3,
        ...     "speaker_id": ["person:mara-kovell", "person:mara-kovell", "person:fesk"]})
        >>> top_sources(rows, n=1)[["speaker", "speaker_id", "attributions"]].values.tolist()
        [['Mara Kovell', 'person:mara-kovell', 2]]
    """
    top = attributions[attributions["parent_id"].isna()]
    by_id = "speaker_id" in attributions
    rows = top.assign(source_key=_source_keys(top))
    rows = rows[rows["source_key"].notna()]
    totals = top.groupby("outlet").size()
    typed = (rows.groupby(["outlet", "source_key", "speaker_type"]).size().rename("n")
             .reset_index().sort_values(["n", "speaker_type"], ascending=[False, True])
             .drop_duplicates(["outlet", "source_key"]))  # each speaker's most frequent type
    counts = (rows.groupby(["outlet", "source_key"]).size().rename("attributions")
              .reset_index()
              .merge(typed[["outlet", "source_key", "speaker_type"]], on=["outlet", "source_key"]))
    columns = ["outlet", "speaker", "speaker_type", "attributions"]
    if by_id:
        names = _Names(attributions, speakers)
        first = rows.drop_duplicates("source_key").set_index("source_key")
        counts["speaker_id"] = counts["source_key"].map(first["speaker_id"])
        counts["speaker"] = [names.speaker(first.at[key, "speaker"], sid)
                             for key, sid in zip(counts["source_key"], counts["speaker_id"])]
        columns.insert(2, "speaker_id")
    else:
        counts["speaker"] = counts["source_key"]
    counts = counts[columns]
    counts["share_of_outlet_attributions"] = counts["attributions"] / counts["outlet"].map(totals)
    counts = counts.sort_values(["outlet", "attributions", "speaker"],
                                ascending=[True, False, True])
    return counts.groupby("outlet").head(n).reset_index(drop=True)


def _source_keys(rows: pd.DataFrame) -> pd.Series:
    """Who a row's source is: its ``speaker_id`` when it has one, else the speaker as
    written (an anonymous "officials" has no identity but is still a source)."""
    speaker = rows["speaker"].where(rows["speaker"].notna())
    if "speaker_id" not in rows:
        return speaker
    return rows["speaker_id"].where(rows["speaker_id"].notna(), speaker)


def source_overlap(attributions: pd.DataFrame) -> pd.DataFrame:
    """Jaccard overlap of the outlets' named sources (anonymous and unknown left out):
    an outlet × outlet matrix, 1 on the diagonal. Sources are identities when the rows
    carry ``speaker_id`` ("Trump" in one outlet and "Donald Trump" in another are one
    voice), else speaker names ignoring case.

    Example:
        >>> rows = pd.DataFrame({"outlet": ["A", "B"], "speaker": ["Kovell", "Mara Kovell"],
        ...     "speaker_type": ["person"] * 2, "speaker_id": ["person:mara-kovell"] * 2})
        >>> float(source_overlap(rows).loc["A", "B"])
        1.0
    """
    keys = _source_keys(attributions)
    named = attributions.assign(source_key=keys)[
        attributions["speaker_type"].isin(NAMED_TYPES) & keys.notna()]
    sets = {o: set(g["source_key"].str.lower()) for o, g in named.groupby("outlet")}
    outlets = sorted(attributions["outlet"].dropna().unique())
    def jaccard(a: str, b: str) -> float:
        left, right = sets.get(a, set()), sets.get(b, set())
        union = len(left | right)
        return len(left & right) / union if union else float(a == b)

    matrix = pd.DataFrame([[jaccard(a, b) for b in outlets] for a in outlets],
                          index=pd.Index(outlets, name="outlet"), columns=outlets)
    return matrix
