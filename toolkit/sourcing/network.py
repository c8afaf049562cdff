"""network: who quotes whom, through which media; top sources and shared voices.

The source network has outlets, relaying media and speakers as nodes. Every
attribution's chain adds ``relays`` edges from the article's outlet through each relay
and a ``quotes`` edge to the speaker; edge weights count attributions. It exports to
GraphML (Gephi); :mod:`toolkit.sourcing.figures` draws it and each article's chains.

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
import pandas as pd

NAMED_TYPES = frozenset({"person", "organization", "government", "media", "document"})


def source_network(attributions: pd.DataFrame) -> nx.DiGraph:
    """The weighted outlet → relay → speaker graph of an attributions table."""
    graph = nx.DiGraph()
    rows = attributions[attributions["parent_id"].isna()] if len(attributions) else attributions
    for outlet, chain in zip(rows["outlet"], rows["chain"]):
        if outlet is None or not isinstance(chain, list) or len(chain) < 2:
            continue
        names = [outlet] + [hop.get("name") for hop in chain[1:]]
        if names[-1] is None:
            continue
        graph.add_node(outlet, kind="outlet")
        for hop in chain[1:-1]:
            if not graph.has_node(hop["name"]) or graph.nodes[hop["name"]].get("kind") != "outlet":
                graph.add_node(hop["name"], kind="media")
        speaker = chain[-1]
        if not graph.has_node(speaker["name"]):
            graph.add_node(speaker["name"], kind=speaker.get("type") or "unknown")
        for i, (a, b) in enumerate(itertools.pairwise(names)):
            if a is None or b is None or a == b:
                continue
            kind = "quotes" if i == len(names) - 2 else "relays"
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


def top_sources(attributions: pd.DataFrame, *, n: int = 10) -> pd.DataFrame:
    """Who each outlet quotes most: ``outlet, speaker, speaker_type, attributions,
    share_of_outlet_attributions``, the ``n`` most frequent speakers per outlet."""
    rows = attributions[attributions["parent_id"].isna() & attributions["speaker"].notna()]
    totals = attributions[attributions["parent_id"].isna()].groupby("outlet").size()
    typed = (rows.groupby(["outlet", "speaker", "speaker_type"]).size().rename("n")
             .reset_index().sort_values(["n", "speaker_type"], ascending=[False, True])
             .drop_duplicates(["outlet", "speaker"]))  # each speaker's most frequent type
    counts = (rows.groupby(["outlet", "speaker"]).size().rename("attributions").reset_index()
              .merge(typed[["outlet", "speaker", "speaker_type"]], on=["outlet", "speaker"]))
    counts = counts[["outlet", "speaker", "speaker_type", "attributions"]]
    counts["share_of_outlet_attributions"] = counts["attributions"] / counts["outlet"].map(totals)
    counts = counts.sort_values(["outlet", "attributions", "speaker"],
                                ascending=[True, False, True])
    return counts.groupby("outlet").head(n).reset_index(drop=True)


def source_overlap(attributions: pd.DataFrame) -> pd.DataFrame:
    """Jaccard overlap of the outlets' named sources (anonymous and unknown left out):
    an outlet × outlet matrix, 1 on the diagonal."""
    named = attributions[attributions["speaker_type"].isin(NAMED_TYPES)
                         & attributions["speaker"].notna()]
    sets = {o: set(g["speaker"].str.lower()) for o, g in named.groupby("outlet")}
    outlets = sorted(attributions["outlet"].dropna().unique())
    def jaccard(a: str, b: str) -> float:
        left, right = sets.get(a, set()), sets.get(b, set())
        union = len(left | right)
        return len(left & right) / union if union else float(a == b)

    matrix = pd.DataFrame([[jaccard(a, b) for b in outlets] for a in outlets],
                          index=pd.Index(outlets, name="outlet"), columns=outlets)
    return matrix
