"""Adversarial: outlet and speaker names holding ``$`` draw as text (issue 12, D15).

Matplotlib reads ``$...$`` as mathtext: "Fox $$ News" failed when a figure was saved,
"a$b$c" set b in italics. Every figure function gets names like these, and must save and
show them literally.
"""

from __future__ import annotations

import io

import matplotlib.pyplot as plt
import networkx as nx
import pandas as pd
import pytest

from toolkit import plots
from toolkit.sourcing.figures import draw_chains, draw_network

NAMES = ["Fox $$ News", "$5 Daily", "a$b$c Times"]


def saved_labels(figure) -> list[str]:
    """The figure saved as PNG (must not raise); its tick and text labels, unescaped."""
    figure.savefig(io.BytesIO(), format="png")
    texts = [t for ax in figure.axes for t in
             (*ax.get_xticklabels(), *ax.get_yticklabels(), *ax.texts)]
    plt.close(figure)
    return [t.get_text().replace(r"\$", "$") for t in texts]


@pytest.mark.parametrize("draw", [
    lambda t: plots.outlet_bars(t, ["articles"], title="Corpus by outlet"),
    lambda t: plots.interval_plot(t, "m", title="M", xlabel="m"),
    lambda t: plots.stacked_shares(t, ["share_a", "share_b"], title="Mix"),
    lambda t: plots.grouped_bars(t, ["share_a", "share_b"], title="Voices", xlabel="share"),
], ids=["outlet_bars", "interval_plot", "stacked_shares", "grouped_bars"])
def test_outlet_figures_show_dollar_signs_literally(draw):
    table = pd.DataFrame({"outlet": NAMES, "articles": [3, 5, 2], "m": [1.0, 2.0, 3.0],
                          "m_low": [0.5, 1.5, 2.5], "m_high": [1.5, 2.5, 3.5],
                          "share_a": [0.2, 0.3, 0.4], "share_b": [0.1, 0.1, 0.1]})
    assert set(NAMES) <= set(saved_labels(draw(table)))


def test_the_overlap_heatmap_shows_dollar_signs_literally():
    matrix = pd.DataFrame([[1.0, 0.5, 0.1], [0.5, 1.0, 0.2], [0.1, 0.2, 1.0]],
                          index=NAMES, columns=NAMES)
    assert set(NAMES) <= set(saved_labels(plots.heatmap(matrix, title="t", colorbar="c")))


def test_chains_and_network_show_dollar_signs_literally():
    graph = nx.DiGraph()
    graph.add_node(NAMES[0], kind="outlet")
    graph.add_node(NAMES[1], kind="media")
    graph.add_node(NAMES[2], kind="person")
    graph.add_edge(NAMES[0], NAMES[1], kind="relays", weight=1)
    graph.add_edge(NAMES[1], NAMES[2], kind="quotes", weight=1)
    assert set(NAMES) <= set(saved_labels(draw_chains(graph, title="$ chains $")))
    assert set(NAMES) <= set(saved_labels(draw_network(graph, title="$ net $")))
