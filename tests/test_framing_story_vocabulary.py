"""Distinctive words within stories: topic cancels, word choice on the same story stays."""

from __future__ import annotations

import pandas as pd
import pytest

from toolkit.framing.story_vocabulary import (
    basil_lex_hit_rates,
    distinctive_within_stories,
    pooled_log_odds,
)
from toolkit.framing.vocabulary import distinctive_by_outlet


def planted_corpus() -> pd.DataFrame:
    """Outlet X covers four burglary stories alone besides the shared ones; on every shared
    story X says "regime" where Y says "government"."""
    rows = []
    for n in range(6):  # shared stories: same topic words, different word choice
        topic = ["harbour", "budget", "bridge", "school", "tram", "library"][n]
        rows.append({"doc_id": f"x{n}", "outlet": "X", "story": f"s{n}",
                     "text": f"The regime announced the {topic} plan. The regime defended "
                             f"the {topic} plan on Monday."})
        rows.append({"doc_id": f"y{n}", "outlet": "Y", "story": f"s{n}",
                     "text": f"The government announced the {topic} plan. The government "
                             f"defended the {topic} plan on Monday."})
    for n in range(4):  # X alone: crime stories, nobody to compare with on them
        rows.append({"doc_id": f"xc{n}", "outlet": "X", "story": f"c{n}",
                     "text": "Burglars robbed a jeweller. Police chased the burglars and "
                             "arrested the burglars at dawn."})
    return pd.DataFrame(rows)


def test_topic_words_lead_the_corpus_wide_list_but_cancel_within_stories():
    articles = planted_corpus()
    wide = distinctive_by_outlet(articles, top=3)
    assert "burglar" in wide[wide["outlet"] == "X"]["term"].tolist()
    within = distinctive_within_stories(articles, top=3)
    x_terms = within[within["outlet"] == "X"]["term"].tolist()
    assert x_terms[0] == "regime" and "burglar" not in x_terms
    assert within[within["outlet"] == "Y"]["term"].iloc[0] == "government"
    regime = within[(within["outlet"] == "X") & (within["term"] == "regime")].iloc[0]
    assert regime["stories"] == 6 and regime["count_outlet"] == 12 and regime["z"] > 1


def test_words_both_outlets_use_on_a_story_score_zero():
    counts = {("s", "X"): {"plan": 4, "regime": 2}, ("s", "Y"): {"plan": 4, "government": 2}}
    table = pooled_log_odds(counts, top=None, prior_scale=10).set_index(["outlet", "term"])
    assert table.loc[("X", "plan"), "z"] == pytest.approx(0.0)
    assert table.loc[("X", "regime"), "z"] > 0 > table.loc[("X", "government"), "z"]


def test_a_story_one_outlet_covers_alone_gives_no_evidence():
    counts = {("s", "X"): {"burglar": 9}, ("t", "X"): {"regime": 1}, ("t", "Y"): {"plan": 1}}
    table = pooled_log_odds(counts, top=None, prior_scale=10)
    assert "burglar" not in table["term"].tolist()


def test_grouped_stories_stand_in_when_the_corpus_has_none():
    articles = planted_corpus().drop(columns="story")
    within = distinctive_within_stories(articles, story_source="grouped", top=1)
    assert within.set_index("outlet")["term"].to_dict() == {"X": "regime", "Y": "government"}


@pytest.mark.shared
def test_basil_top_words_inside_lexical_bias_spans(corpora):
    rates = basil_lex_hit_rates(corpora / "basil")
    assert rates["outlets"] == 3 and len(rates["within_stories"]) == 60
    assert len(rates["corpus_wide"]) == 60
    # both lists are mostly house style and names: few words fall inside lex spans
    assert rates["hit_rate_corpus_wide"] < 0.2 and rates["hit_rate_within_stories"] < 0.2
