"""The same quotation across outlets: matching, first publisher, credit."""

from __future__ import annotations

import os
import subprocess
import sys

import pandas as pd
import pytest

from toolkit.attribution import extract_attributions
from toolkit.sourcing.propagation import (
    credit_summary,
    match_quotes,
    propagation,
    quote_table,
    surrounding_text,
)

QUOTE = "We warned the council about that spillway gate for three winters running"
LEDGER = (f'"{QUOTE}," Mara Kovell, the water commissioner, said on Sunday afternoon as '
          "water rose around the Lowmarsh pumping station.")
ARTICLES = pd.DataFrame({
    "doc_id": ["ledger-1", "relay-1", "beacon-1", "other-1", "wire-1"],
    "outlet": ["The Harbor Ledger", "Daily Relay", "The Patriot Beacon", "Radio Meridian",
               "Coast Wire"],
    "published": pd.to_datetime(["2026-03-01", "2026-03-02", "2026-03-02", "2026-03-01",
                                 "2026-03-03"]),
    "story": ["dam"] * 5,
    "text": [
        LEDGER,
        f'Mara Kovell told the Harbor Ledger: "{QUOTE}." The city has not replied.',
        f'The disaster was "predictable." Kovell admitted: "{QUOTE[:-8]}." Officials caved.',
        'Engineers said the reservoir level would be checked again on Monday morning.',
        f'"{QUOTE}," Mara Kovell, the water commissioner, said on Sunday afternoon as '
        "water rose around the Lowmarsh pumping station. Crews worked through the night.",
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


def test_one_quotation_carried_by_four_outlets(tables):
    quotes, quotations, _ = tables
    assert len(quotes) == 4  # the fourth article quotes nobody
    assert len(quotations) == 1
    row = quotations.iloc[0]
    assert row["outlets"] == 4 and row["articles"] == 4
    assert row["first_outlet"] == "The Harbor Ledger"
    assert row["speaker"] == "Mara Kovell"
    assert row["uncredited_carriers"] == 1 and row["independent_carriers"] == 1


def test_uncredited_carrier_sharing_the_first_outlets_wording_copied_it(tables):
    _, _, carriers = tables
    credit = dict(zip(carriers["outlet"], carriers["credit"]))
    assert credit == {"The Harbor Ledger": "first", "Daily Relay": "credits_first",
                      "The Patriot Beacon": "independent", "Coast Wire": "copied"}
    wire = carriers.set_index("outlet").loc["Coast Wire"]
    assert wire["copied_from"] == "ledger-1" and wire["shared_context"] >= 10
    summary = credit_summary(carriers).set_index("outlet")
    assert summary.loc["Coast Wire", "share_uncredited"] == 1.0
    assert summary.loc["The Patriot Beacon", "independent"] == 1
    assert summary.loc["The Patriot Beacon", "share_uncredited"] == 0.0
    assert summary.loc["Daily Relay", "credits_first"] == 1


def test_uncredited_carrier_naming_no_speaker_counts_as_copied():
    quotes = pd.DataFrame({
        "doc_id": ["a", "b", "c"], "outlet": ["A", "B", "C"],
        "published": pd.to_datetime(["2026-01-01", "2026-01-02", "2026-01-02"]),
        "text": [QUOTE] * 3, "words": [12] * 3, "speaker": ["Mara Kovell", None, "Kovell"],
        "chain": [None] * 3,
        "context": ["told reporters on Sunday at the station", "it was said this week",
                    "the commissioner spoke again at the hearing"],
    })
    _, carriers = propagation(quotes)
    assert dict(zip(carriers["doc_id"], carriers["credit"])) == {
        "a": "first", "b": "copied", "c": "independent"}


def test_the_reporters_wording_leaves_every_quotation_out():
    text = ('Rain fell all night. "We will open the gates," the engineer said, adding that '
            '"nobody is at risk." Roads were closed. Later news.')
    start = text.index('"We')
    context = surrounding_text(text, start, text.index('gates,"') + 7,
                               [(start, text.index('gates,"') + 7),
                                (text.index('"nobody'), text.index('risk."') + 6)])
    assert context == "Rain fell all night.  the engineer said, adding that  Roads were closed."


def test_shingles_are_the_same_in_every_process():
    code = ("from toolkit.sourcing.propagation import shingles, normalize; "
            f"print(sorted(shingles(normalize({QUOTE!r}))))")
    outputs = {subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                              env={**os.environ, "PYTHONHASHSEED": seed}, check=True).stdout
               for seed in ("1", "2")}
    assert len(outputs) == 1


def test_no_shared_quotes_gives_empty_tables():
    quotations, carriers = propagation(quote_table(ARTICLES.iloc[3:], pd.DataFrame(
        columns=["doc_id", "content_start", "content_end", "parent_id", "attribution_id",
                 "speaker", "speaker_type", "depth", "chain"])))
    assert quotations.empty and carriers.empty
