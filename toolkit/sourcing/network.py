"""network: who quotes whom, through which media; top sources and shared voices.

The source network has outlets, relaying media and speakers as nodes. Every
attribution's chain adds ``relays`` edges from the article's outlet through each relay
and a ``quotes`` edge to the speaker; edge weights count attributions. It exports to
GraphML (Gephi) and draws with matplotlib, filtered to the best-connected nodes so it
stays readable at 100 nodes.

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

import matplotlib.pyplot as plt
import networkx as nx
import pandas as pd
from matplotlib.figure import Figure

NAMED_TYPES = frozenset({"person", "organization", "government", "media", "document"})
NODE_COLOURS = {"outlet": "#4C72B0", "media": "#55A868", "person": "#C44E52",
                "government": "#8172B2", "organization": "#CCB974", "document": "#64B5CD",
                "anonymous": "#999999", "unknown": "#DDDDDD"}


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


def draw_chains(graph: nx.DiGraph, *, title: str) -> Figure:
    """A small left-to-right drawing of an article's chains: the outlet on the left, each
    relay one step right, speakers last; edge labels count attributions."""
    outlets = [n for n, kind in graph.nodes(data="kind") if kind == "outlet"]
    depth = {}
    for outlet in outlets:
        depth.update(nx.single_source_shortest_path_length(graph, outlet))
    columns: dict[int, list[str]] = {}
    for node in graph:
        columns.setdefault(depth.get(node, 1), []).append(node)
    position = {node: (x, -y) for x, nodes in columns.items()
                for y, node in enumerate(sorted(nodes))}
    height = max((len(nodes) for nodes in columns.values()), default=1)
    fig, ax = plt.subplots(figsize=(3.2 * max(2, len(columns)), 0.7 * height + 1.5))
    if graph.number_of_nodes():
        colours = [NODE_COLOURS.get(graph.nodes[n].get("kind"), "#DDDDDD") for n in graph]
        nx.draw_networkx(graph, position, ax=ax, node_color=colours, node_size=500,
                         font_size=8, arrows=True, arrowsize=12)
        nx.draw_networkx_edge_labels(graph, position, ax=ax, font_size=7,
                                     edge_labels={e: graph.edges[e]["weight"]
                                                  for e in graph.edges})
    ax.set_title(title)
    ax.set_axis_off()
    fig.tight_layout()
    return fig


def write_graphml(graph: nx.DiGraph, path: str | Path) -> Path:
    """Write the network as GraphML (node ``kind``, edge ``kind`` and ``weight``)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    nx.write_graphml(graph, path)
    return path


def draw_network(graph: nx.DiGraph, *, top: int = 100, labels: int = 25,
                 title: str = "Source network") -> Figure:
    """The ``top`` nodes by weighted degree, sized by it, coloured by kind; the
    ``labels`` largest are named. Layout is seeded, so the drawing is reproducible."""
    degree = dict(graph.degree(weight="weight"))
    keep = sorted(degree, key=degree.get, reverse=True)[:top]
    sub = graph.subgraph(keep)
    fig, ax = plt.subplots(figsize=(11, 8))
    if sub.number_of_nodes():
        position = nx.spring_layout(sub, seed=7, k=1.2 / max(1, sub.number_of_nodes()) ** 0.5)
        sizes = [60 + 25 * degree[n] for n in sub]
        colours = [NODE_COLOURS.get(sub.nodes[n].get("kind"), "#DDDDDD") for n in sub]
        widths = [0.4 + 0.3 * sub[a][b]["weight"] for a, b in sub.edges]
        nx.draw_networkx_edges(sub, position, ax=ax, width=widths, alpha=0.35,
                               arrows=True, arrowsize=8)
        nx.draw_networkx_nodes(sub, position, ax=ax, node_size=sizes, node_color=colours,
                               alpha=0.9)
        named = sorted(sub, key=degree.get, reverse=True)[:labels]
        nx.draw_networkx_labels(sub, position, labels={n: n for n in named}, ax=ax,
                                font_size=8)
        for kind, colour in NODE_COLOURS.items():
            ax.scatter([], [], c=colour, label=kind)
        ax.legend(loc="lower left", fontsize=8, frameon=False, title="node kind")
    ax.set_title(f"{title} (top {min(top, graph.number_of_nodes())} of "
                 f"{graph.number_of_nodes()} nodes)")
    ax.set_axis_off()
    fig.tight_layout()
    return fig


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
