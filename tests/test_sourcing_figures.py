"""Chain graphs and the source network drawn to be read: columns, legends, folding, labels
that neither clip nor overlap."""

from __future__ import annotations

import itertools

import networkx as nx
import pytest

from toolkit.sourcing.figures import draw_chains, draw_network


def chain_graph(speakers: int) -> nx.DiGraph:
    """The Ledger quotes ``speakers`` people, half of them through Channel 9."""
    graph = nx.DiGraph()
    graph.add_node("The Ledger", kind="outlet")
    graph.add_node("Channel 9 Riverton", kind="media")
    graph.add_edge("The Ledger", "Channel 9 Riverton", kind="relays", weight=speakers // 2)
    for i in range(speakers):
        name = f"Speaker number {i:02d} of the long-named Riverton harbour board"
        graph.add_node(name, kind="person" if i % 3 else "government")
        source = "Channel 9 Riverton" if i % 2 else "The Ledger"
        graph.add_edge(source, name, kind="quotes", weight=1 + i % 4)
    return graph


def texts(figure) -> dict[str, object]:
    return {t.get_text(): t for t in figure.axes[0].texts}


def test_chains_run_left_to_right_outlet_relay_speakers():
    figure = draw_chains(chain_graph(4), title="chains")
    shown = texts(figure)
    x = {name: shown[name].get_position()[0] for name in shown if not name.isdigit()}
    assert x["The Ledger"] < x["Channel 9 Riverton"] < min(
        v for k, v in x.items() if k.startswith("Speaker"))
    assert len({v for k, v in x.items() if k.startswith("Speaker")}) == 1  # one column


def test_chains_keep_the_top_speakers_and_fold_the_rest_with_their_counts():
    graph = chain_graph(30)
    figure = draw_chains(graph, title="chains", top=12)
    shown = texts(figure)
    assert sum(name.startswith("Speaker") for name in shown) == 12
    assert "+18 more speakers" in shown
    legend = [t.get_text() for t in figure.axes[0].get_legend().get_texts()]
    assert {"the outlet", "relaying medium", "person", "government",
            "more speakers (folded)"} <= set(legend)


def test_no_chain_label_is_cut_off_at_the_figure_edge():
    figure = draw_chains(chain_graph(12), title="chains")
    figure.canvas.draw()
    renderer = figure.canvas.get_renderer()
    page = figure.get_tightbbox(renderer)
    for text in figure.axes[0].texts:
        box = text.get_window_extent(renderer).transformed(figure.dpi_scale_trans.inverted())
        assert page.x0 - 0.01 <= box.x0 and box.x1 <= page.x1 + 0.01, text.get_text()


@pytest.mark.parametrize("hubs, leaves", [(12, 150), (3, 60)])
def test_network_labels_never_overlap_and_big_nodes_do_not_swamp_the_rest(hubs, leaves):
    graph = nx.DiGraph()
    for i in range(400):
        outlet, speaker = f"Outlet {i % hubs}", f"Speaker {i % leaves}"
        graph.add_node(outlet, kind="outlet")
        graph.add_node(speaker, kind="person")
        weight = graph[outlet][speaker]["weight"] + 1 if graph.has_edge(outlet, speaker) else 1
        graph.add_edge(outlet, speaker, kind="quotes", weight=weight)
    figure = draw_network(graph, top=40)
    assert f"the 40 best-connected of {hubs + leaves} nodes" in figure.axes[0].get_title(loc="left")
    figure.canvas.draw()
    renderer = figure.canvas.get_renderer()
    boxes = [t.get_window_extent(renderer) for t in figure.axes[0].texts if t.get_text()]
    assert len(boxes) >= 10
    assert not any(a.overlaps(b) for a, b in itertools.combinations(boxes, 2))
    sizes = figure.axes[0].collections[-1].get_sizes()
    assert sizes.max() <= 1000
