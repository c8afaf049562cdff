"""figures: quote chains and the source network, drawn to be read.

:func:`draw_chains` lays one article's chains out left to right in columns (the outlet,
then each relaying medium at its depth, then the speakers), names every node beside it,
writes the number of attributions on each edge, keeps the ``top`` speakers and folds the
rest into one "+k more" node, and has a legend for its colours. :func:`draw_network` draws
the corpus network's best-connected nodes with labels placed so that none overlaps another
(a label that finds no free place is left out, never drawn over another); the full network
is for Gephi (:func:`toolkit.sourcing.network.write_graphml`).

Example:
    >>> import networkx as nx
    >>> graph = nx.DiGraph()
    >>> graph.add_node("Newsmax", kind="outlet"); graph.add_node("Newsweek", kind="media")
    >>> graph.add_node("Emil Ibragimov", kind="person")
    >>> graph.add_edge("Newsmax", "Newsweek", kind="relays", weight=2)
    >>> graph.add_edge("Newsweek", "Emil Ibragimov", kind="quotes", weight=2)
    >>> fig = draw_chains(graph, title="Quote chains")
    >>> sorted(t.get_text() for t in fig.axes[0].texts if t.get_text())
    ['2', '2', 'Emil Ibragimov', 'Newsmax', 'Newsweek']
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterable

import matplotlib.pyplot as plt
import networkx as nx
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.transforms import Bbox

from ..plots import plain

NODE_COLOURS = {"outlet": "#4C72B0", "media": "#55A868", "person": "#C44E52",
                "government": "#8172B2", "organization": "#CCB974", "document": "#64B5CD",
                "anonymous": "#999999", "unknown": "#DDDDDD", "more": "#FFFFFF"}
KIND_LABELS = {"outlet": "the outlet", "media": "relaying medium", "person": "person",
               "government": "government", "organization": "organization",
               "document": "document", "anonymous": "anonymous", "unknown": "unknown",
               "more": "more speakers (folded)"}
TOP_SPEAKERS = 12
MORE = "more"


def _legend(ax, kinds: Iterable[str], **where) -> None:
    handles = [Line2D([], [], marker="o", linestyle="", markersize=8,
                      markerfacecolor=NODE_COLOURS[kind], markeredgecolor="#555555",
                      label=KIND_LABELS[kind]) for kind in NODE_COLOURS if kind in set(kinds)]
    ax.legend(handles=handles, fontsize=8, frameon=False, title="node", **where)


def _fold_speakers(graph: nx.DiGraph, top: int) -> nx.DiGraph:
    """``graph`` with all but its ``top`` speakers (by attributions) merged into one node
    per predecessor named "+k more speakers"."""
    speakers = [n for n in graph if graph.out_degree(n) == 0
                and graph.nodes[n].get("kind") not in ("outlet", "media")]
    weight = {n: sum(d["weight"] for _, _, d in graph.in_edges(n, data=True)) for n in speakers}
    ranked = sorted(speakers, key=lambda n: (-weight[n], n))
    folded = ranked[top:]
    if not folded:
        return graph
    kept = graph.copy()
    label = f"+{len(folded)} more speakers"
    kept.add_node(label, kind=MORE)
    for node in folded:
        for source, _, data in graph.in_edges(node, data=True):
            if kept.has_edge(source, label):
                kept[source][label]["weight"] += data["weight"]
            else:
                kept.add_edge(source, label, kind="quotes", weight=data["weight"])
        kept.remove_node(node)
    return kept


def draw_chains(graph: nx.DiGraph, *, title: str, top: int = TOP_SPEAKERS) -> Figure:
    """One article's quote chains, left to right: outlet, relays by depth, speakers.

    Args:
        graph: an article's chain graph (:func:`toolkit.sourcing.network.article_chains`).
        title: the figure title.
        top: speakers drawn by name; the others are folded into "+k more speakers".
    """
    graph = _fold_speakers(graph, top)
    outlets = [n for n, kind in graph.nodes(data="kind") if kind == "outlet"]
    depth: dict[str, int] = {}
    for outlet in outlets:
        for node, d in nx.single_source_shortest_path_length(graph, outlet).items():
            depth[node] = min(d, depth.get(node, d))
    speakers = [n for n in graph if graph.out_degree(n) == 0 and n not in outlets]
    last = max([depth.get(n, 1) for n in graph if n not in speakers] + [0]) + 1
    column = {n: last if n in speakers else depth.get(n, 1) for n in graph}
    weight = {n: sum(d["weight"] for _, _, d in graph.in_edges(n, data=True)) for n in graph}
    # An edge that skips columns runs through a waypoint in each (layered drawing), so it
    # never crosses a relay's node; waypoints are ordered with the nodes.
    routes: dict[tuple[str, str], list[str]] = {}
    for a, b in graph.edges:
        hops = [(a, b, x) for x in range(column[a] + 1, column[b])]
        routes[(a, b)] = [a, *hops, b]
        for waypoint in hops:
            column[waypoint] = waypoint[2]
    parents: dict = {}
    children: dict = {}
    for route in routes.values():
        for before, after in itertools.pairwise(route):
            parents.setdefault(after, []).append(before)
            children.setdefault(before, []).append(after)
    columns: dict[int, list] = {}
    for node, x in column.items():
        columns.setdefault(x, []).append(node)
    rows = max((len(nodes) for nodes in columns.values()), default=1)
    position: dict = {}

    def arrange(x: int, neighbours: dict) -> None:
        """Order column ``x`` by the mean place of each node's neighbours (barycentres)."""
        def place(n) -> float:
            near = [position[p][1] for p in neighbours.get(n, []) if p in position]
            return -sum(near) / len(near) if near else -position.get(n, (0, 0.0))[1]

        def rank(n) -> tuple:  # ties keep the order of the previous sweep
            if n in position:
                return (-position[n][1], 0, "")
            return (0.0, -weight.get(n, 0) if isinstance(n, str) else 0, str(n))

        ordered = sorted(columns[x], key=lambda n: (
            isinstance(n, str) and graph.nodes[n].get("kind") == MORE, place(n), rank(n)))
        offset = (rows - len(ordered)) / 2
        position.update({n: (x, -(offset + y)) for y, n in enumerate(ordered)})

    for x in sorted(columns):  # down, up and down again: few crossings
        arrange(x, parents)
    for x in sorted(columns, reverse=True)[1:-1]:
        arrange(x, children)
    for x in sorted(columns)[1:]:
        arrange(x, parents)
    longest = max((len(str(n)) for n in graph), default=8)
    fig, ax = plt.subplots(figsize=(min(16, 2.6 * (last + 1) + 0.09 * longest),
                                    0.42 * rows + 1.6))
    for (a, b), route in routes.items():
        points = [position[n] for n in route]
        width = 0.8 + 0.4 * math.log1p(graph[a][b]["weight"])
        for start, end in itertools.pairwise(points[:-1]):
            ax.plot(*zip(start, end), color="#777777", lw=width, zorder=1,
                    solid_capstyle="round")
        ax.annotate("", xy=points[-1], xytext=points[-2], zorder=1,
                    arrowprops={"arrowstyle": "-|>", "color": "#777777", "lw": width,
                                "shrinkA": 0 if len(points) > 2 else 7, "shrinkB": 7})
        (x0, y0), (x1, y1) = points[0], points[1]  # the count a little before the middle,
        ax.text(x0 + 0.42 * (x1 - x0), y0 + 0.42 * (y1 - y0),  # clear of crossings there
                str(graph[a][b]["weight"]), fontsize=8,
                ha="center", va="center", zorder=3, color="#333333",
                bbox={"boxstyle": "circle,pad=0.2", "fc": "white", "ec": "#bbbbbb", "lw": 0.5})
    for node in graph:
        x, y = position[node]
        kind = graph.nodes[node].get("kind") or "unknown"
        ax.scatter([x], [y], s=120, c=NODE_COLOURS.get(kind, "#DDDDDD"), edgecolors="#555555",
                   linewidths=0.6, zorder=4)
        style = {"fontsize": 9, "zorder": 5, "style": "italic" if kind == MORE else "normal"}
        if x == 0:
            ax.text(x - 0.08, y, plain(node), ha="right", va="center", **style)
        elif node in speakers:
            ax.text(x + 0.08, y, plain(node), ha="left", va="center", **style)
        else:  # a relay: its name above it, on white, so edges pass beneath
            ax.text(x, y + 0.22, plain(node), ha="center", va="bottom", **style,
                    bbox={"boxstyle": "round,pad=0.1", "fc": "white", "ec": "none",
                          "alpha": 0.85})
    ax.set_xlim(-0.9, last + 1.4)
    ax.set_ylim(-rows + 0.4, 0.8)
    ax.set_title(plain(title), loc="left")
    ax.set_axis_off()
    _legend(ax, {graph.nodes[n].get("kind") or "unknown" for n in graph},
            loc="upper left", bbox_to_anchor=(1.0, 1.0))
    fig.tight_layout()
    return fig


def _overlaps(box: Bbox, placed: list[Bbox]) -> bool:
    return any(box.overlaps(other) for other in placed)


def draw_network(graph: nx.DiGraph, *, top: int = 40, title: str = "Source network") -> Figure:
    """The ``top`` nodes of the network by weighted degree, sized by the square root of it
    (so no node swamps the others), coloured by kind, with labels that never overlap.

    The layout is seeded, so the drawing is reproducible.
    """
    degree = dict(graph.degree(weight="weight"))
    keep = sorted(degree, key=lambda n: (-degree[n], str(n)))[:top]
    sub = graph.subgraph(keep)
    fig, ax = plt.subplots(figsize=(11, 8))
    ax.set_title(f"{plain(title)} (the {sub.number_of_nodes()} best-connected of "
                 f"{graph.number_of_nodes()} nodes)", loc="left")
    ax.set_axis_off()
    if not sub.number_of_nodes():
        return fig
    position = nx.kamada_kawai_layout(sub.to_undirected()) if sub.number_of_nodes() > 2 \
        else nx.spring_layout(sub, seed=7)
    biggest = max(degree[n] for n in sub) or 1
    sizes = {n: 40 + 900 * math.sqrt(degree[n] / biggest) for n in sub}
    widths = [0.3 + 1.5 * math.sqrt(sub[a][b]["weight"] / biggest) for a, b in sub.edges]
    nx.draw_networkx_edges(sub, position, ax=ax, width=widths, alpha=0.3, arrows=True,
                           arrowsize=7, node_size=[sizes[n] for n in sub])
    nx.draw_networkx_nodes(sub, position, ax=ax, node_size=[sizes[n] for n in sub],
                           node_color=[NODE_COLOURS.get(sub.nodes[n].get("kind"), "#DDDDDD")
                                       for n in sub], edgecolors="#555555", linewidths=0.5)
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    placed = [ax.transData.transform_bbox(Bbox.from_bounds(x, y, 0, 0)).expanded(1, 1)
              for x, y in position.values()]
    for node in sorted(sub, key=lambda n: (-degree[n], str(n))):
        x, y = position[node]
        radius = math.sqrt(sizes[node]) / 2 + 2  # points
        for dx, dy, ha, va in ((1, 0, "left", "center"), (-1, 0, "right", "center"),
                               (0, 1, "center", "bottom"), (0, -1, "center", "top")):
            label = ax.annotate(plain(node), (x, y), xytext=(dx * radius, dy * radius),
                                textcoords="offset points", ha=ha, va=va, fontsize=8)
            box = label.get_window_extent(renderer).expanded(1.05, 1.1)
            inside = ax.bbox.contains(box.x0, box.y0) and ax.bbox.contains(box.x1, box.y1)
            if inside and not _overlaps(box, placed):
                placed.append(box)
                break
            label.remove()
    _legend(ax, {sub.nodes[n].get("kind") or "unknown" for n in sub}, loc="lower left")
    fig.tight_layout()
    return fig
