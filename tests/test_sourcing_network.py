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


# --- with corpus-wide identities --------------------------------------------------------
def identified_rows() -> pd.DataFrame:
    from toolkit.attribution.identities import identify_speakers

    rows = pd.DataFrame({
        "doc_id": ["l1", "l2", "r1", "r2", "w1"],
        "outlet": ["The Harbor Ledger", "The Harbor Ledger", "Daily Relay", "Daily Relay",
                   "The Capital Whisper"],
        "speaker": ["Mara Kovell", "Kovell", "Mara J. Kovell", "Ruth Ambler", "officials"],
        "speaker_type": ["person", "person", "person", "person", "anonymous"],
        "source": ["Mara Kovell", "Kovell", "she", "Ambler", "officials"],
        "speaker_role": [None] * 5, "parent_id": [None] * 5,
        "chain": [
            [hop("The Harbor Ledger"), hop("Mara Kovell", "person")],
            [hop("The Harbor Ledger"), hop("the Ledger"), hop("Kovell", "person")],
            [hop("Daily Relay"), hop("the Ledger"), hop("Mara J. Kovell", "person")],
            [hop("Daily Relay"), hop("Harbor Ledger"), hop("Ruth Ambler", "person")],
            [hop("The Capital Whisper"), hop("officials", "anonymous")],
        ],
    })
    return identify_speakers(rows)


def test_top_sources_count_an_identity_once_under_its_canonical_name():
    result = identified_rows()
    table = top_sources(result.attributions, speakers=result.speakers).set_index("outlet")
    assert table.loc["The Harbor Ledger", "speaker"] == "Mara Kovell"
    assert table.loc["The Harbor Ledger", "attributions"] == 2
    assert table.loc["The Harbor Ledger", "speaker_id"] == "person:mara-kovell"
    whisper = table.loc["The Capital Whisper"]
    assert whisper["speaker"] == "officials" and pd.isna(whisper["speaker_id"])


def test_overlap_counts_one_person_under_different_spellings_as_one_voice():
    matrix = source_overlap(identified_rows().attributions)
    assert matrix.loc["The Harbor Ledger", "Daily Relay"] == 0.5  # Kovell shared; Ambler not
    assert source_overlap(ROWS).loc["A", "B"] == 0.5  # without identities: by name


def test_relays_named_by_alias_are_the_outlet_they_name_and_never_a_self_relay():
    result = identified_rows()
    graph = source_network(result.attributions, speakers=result.speakers)
    assert graph.nodes["The Harbor Ledger"]["kind"] == "outlet"
    assert graph["Daily Relay"]["The Harbor Ledger"] == {"kind": "relays", "weight": 2}
    assert graph["The Harbor Ledger"]["Mara Kovell"]["weight"] == 3  # 2 own + 1 relayed
    assert not graph.has_edge("The Harbor Ledger", "The Harbor Ledger")
    assert "Kovell" not in graph and "the Ledger" not in graph
    assert graph.nodes["Mara Kovell"]["speaker_id"] == "person:mara-kovell"


def test_without_the_speakers_table_identities_take_their_most_frequent_spelling():
    rows = ROWS.assign(speaker_id=["person:kovell"] * 2 + [None, "person:kovell",
                                                         "person:brennic", None])
    rows.loc[3, "chain"] = [hop("B"), hop("Channel 9"), hop("M. Kovell", "person")]
    graph = source_network(rows)
    assert graph["Channel 9"]["Kovell"]["kind"] == "quotes" and "M. Kovell" not in graph
