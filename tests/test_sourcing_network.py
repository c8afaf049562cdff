"""The source network, top sources and shared voices."""

from __future__ import annotations

import networkx as nx
import pandas as pd

from toolkit.sourcing.network import (
    source_network,
    source_overlap,
    top_sources,
    write_graphml,
)


def hop(name, kind="media"):
    return {"name": name, "type": kind, "cue": None}


ROWS = pd.DataFrame({
    "outlet": ["A", "A", "A", "B", "B", "C"],
    "speaker": ["Kovell", "Kovell", "officials", "Kovell", "Brennic", None],
    "speaker_type": ["person", "person", "anonymous", "person", "person", "unknown"],
    "parent_id": [None] * 6,
    "chain": [
        [hop("A"), hop("Kovell", "person")],
        [hop("A"), hop("Kovell", "person")],
        [hop("A"), hop("officials", "anonymous")],
        [hop("B"), hop("Channel 9"), hop("Kovell", "person")],
        [hop("B"), hop("Brennic", "person")],
        [hop("C"), hop(None, "unknown")],
    ],
})


def test_chains_become_weighted_quote_and_relay_edges():
    graph = source_network(ROWS)
    assert graph["A"]["Kovell"] == {"kind": "quotes", "weight": 2}
    assert graph["B"]["Channel 9"]["kind"] == "relays"
    assert graph["Channel 9"]["Kovell"]["kind"] == "quotes"
    assert graph.nodes["Channel 9"]["kind"] == "media"
    assert graph.nodes["A"]["kind"] == "outlet"
    assert "C" not in graph  # an unresolved speaker adds nothing


def test_graphml_round_trips(tmp_path):
    path = write_graphml(source_network(ROWS), tmp_path / "net.graphml")
    again = nx.read_graphml(path)
    assert again["A"]["Kovell"]["weight"] == 2


def test_top_sources_rank_speakers_within_each_outlet():
    table = top_sources(ROWS, n=1)
    assert table.set_index("outlet").loc["A", "speaker"] == "Kovell"
    assert table.set_index("outlet").loc["A", "share_of_outlet_attributions"] == 2 / 3


def test_overlap_is_jaccard_of_named_sources():
    matrix = source_overlap(ROWS)
    assert matrix.loc["A", "B"] == 0.5  # {kovell} vs {kovell, brennic}; officials left out
    assert matrix.loc["A", "A"] == 1.0


def test_article_chain_graph_of_the_seed_kind():
    from toolkit.sourcing.network import article_chains

    rows = ROWS.assign(doc_id=["d1", "d1", "d1", "d2", "d2", "d3"])
    graph = article_chains(rows, "d2")
    assert set(graph.edges) == {("B", "Channel 9"), ("Channel 9", "Kovell"), ("B", "Brennic")}
