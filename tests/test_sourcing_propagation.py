"""The same quotation across outlets: matching, first publisher, credit."""

from __future__ import annotations

import pandas as pd
import pytest

from toolkit.attribution import extract_attributions
from toolkit.sourcing.propagation import (
    credit_summary,
    match_quotes,
    propagation,
    quote_table,
)

QUOTE = "We warned the council about that spillway gate for three winters running"
ARTICLES = pd.DataFrame({
    "doc_id": ["ledger-1", "relay-1", "beacon-1", "other-1"],
    "outlet": ["The Harbor Ledger", "Daily Relay", "The Patriot Beacon", "Radio Meridian"],
    "published": pd.to_datetime(["2026-03-01", "2026-03-02", "2026-03-02", "2026-03-01"]),
    "story": ["dam"] * 4,
    "text": [
        f'"{QUOTE}," Mara Kovell, the water commissioner, told the Ledger on Sunday.',
        f'Mara Kovell told the Harbor Ledger: "{QUOTE}." The city has not replied.',
        f'The disaster was "predictable." Kovell admitted: "{QUOTE[:-8]}." Officials caved.',
        'Engineers said the reservoir level would be checked again on Monday morning.',
    ],
})


@pytest.fixture(scope="module")
def tables():
    attributions = extract_attributions(ARTICLES, progress=False)
    quotes = quote_table(ARTICLES, attributions)
    return quotes, *propagation(quotes)


def test_quotes_are_normalised_and_matched_despite_truncation():
    quotes = pd.DataFrame({"text": [QUOTE, QUOTE.upper() + "!", QUOTE[:-8],
                                    "A completely different sentence about the weather today"]})
    labels = match_quotes(quotes).tolist()
    assert labels[0] == labels[1] == labels[2] != labels[3]


def test_one_quotation_carried_by_three_outlets(tables):
    quotes, quotations, _ = tables
    assert len(quotes) == 3  # the fourth article quotes nobody
    assert len(quotations) == 1
    row = quotations.iloc[0]
    assert row["outlets"] == 3 and row["articles"] == 3
    assert row["first_outlet"] == "The Harbor Ledger"
    assert row["speaker"] == "Mara Kovell"
    assert row["uncredited_carriers"] == 1


def test_later_carriers_credit_the_first_outlet_or_present_it_as_their_own(tables):
    _, _, carriers = tables
    credit = dict(zip(carriers["outlet"], carriers["credit"]))
    assert credit == {"The Harbor Ledger": "first", "Daily Relay": "credits_first",
                      "The Patriot Beacon": "own"}
    summary = credit_summary(carriers).set_index("outlet")
    assert summary.loc["The Patriot Beacon", "share_uncredited"] == 1.0
    assert summary.loc["Daily Relay", "credits_first"] == 1


def test_no_shared_quotes_gives_empty_tables():
    quotations, carriers = propagation(quote_table(ARTICLES.iloc[3:], pd.DataFrame(
        columns=["doc_id", "content_start", "content_end", "parent_id", "attribution_id",
                 "speaker", "speaker_type", "depth", "chain"])))
    assert quotations.empty and carriers.empty
