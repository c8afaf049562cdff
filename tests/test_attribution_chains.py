"""Relay chains: who an attribution reached the reader through, from the article's own
outlet outwards, with ``depth`` (0 = first-hand) and ``parent_id`` for nested quotes.

Every sentence is written for these tests. Fictional outlets (the Riverton Gazette,
Channel 9) are used where the lexicon cannot know them; a few real outlet names appear in
new sentences only to exercise the outlet lexicon.
"""

from __future__ import annotations

import pytest

from toolkit.attribution.chains import build_chain
from toolkit.attribution.extract import attributions_of


def extract(nlp, text: str, *, rules: bool = False) -> list[dict]:
    rows = attributions_of(nlp(text), outlet="The Ledger", doc_id="d",
                           cue_model=None if rules else "default")
    for row in rows:
        assert text[row["content_start"]:row["content_end"]] == row["content"]
        assert row["relays"] == [h["name"] for h in row["chain"][1:-1] if h["type"] == "media"
                                 and h["name"] != "The Ledger"]
        assert row["depth"] == len(row["relays"])
        assert row["chain"][0] == {"name": "The Ledger", "type": "media", "cue": None}
    return rows


def names(row: dict) -> list[str | None]:
    return [hop["name"] for hop in row["chain"]]


def of_speaker(rows: list[dict], speaker: str) -> dict:
    found = [row for row in rows if row["speaker"] == speaker]
    assert len(found) == 1, [(r["speaker"], r["cue"], names(r)) for r in rows]
    return found[0]


def with_cue_at(text: str, rows: list[dict], context: str, cue: str) -> dict:
    start = text.index(context) + context.index(cue)
    found = [row for row in rows if row["cue_start"] == start]
    assert len(found) == 1, (context, [(r["cue"], r["cue_start"]) for r in rows])
    return found[0]


# --- relays ----------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    '"The pier is unsafe," Newsweek reported Mara Kovell, the harbor master, telling '
    "Radio NV in a video published on Friday.",
    "Newsweek reported Mara Kovell telling Radio NV that the pier was unsafe.",
    '"The pier is unsafe," the Riverton Gazette reported Mara Kovell telling Channel 9 on '
    "Friday.",
], ids=["quote-known-outlets", "clause", "quote-fictional-outlets"])
def test_x_reported_y_telling_z_is_a_two_hop_chain(nlp, text):
    rows = extract(nlp, text)
    row = of_speaker(rows, "Mara Kovell")
    outer = "Newsweek" if "Newsweek" in text else "Riverton Gazette"
    inner = "Radio NV" if "Radio NV" in text else "Channel 9"
    assert names(row) == ["The Ledger", outer, inner, "Mara Kovell"]
    assert row["depth"] == 2
    assert [hop["type"] for hop in row["chain"]] == ["media", "media", "media", "person"]
    assert row["cue_lemma"] == "tell"
    assert "the pier" in row["content"].lower() and "reported" not in row["content"]
    assert all(r["speaker"] == "Mara Kovell" for r in rows), "the relay is not a source"


@pytest.mark.parametrize("text", [
    "Mara Kovell told the Riverton Gazette that the pier was unsafe.",
    '"The pier is unsafe," Mara Kovell told the Riverton Gazette.',
], ids=["clause", "quote"])
def test_y_told_x_puts_the_medium_between_article_and_speaker(nlp, text):
    row = of_speaker(extract(nlp, text), "Mara Kovell")
    assert names(row) == ["The Ledger", "Riverton Gazette", "Mara Kovell"]
    assert row["chain"][1] == {"name": "Riverton Gazette", "type": "media", "cue": "told"}
    assert row["chain"][2] == {"name": "Mara Kovell", "type": "person", "cue": "told"}
    assert row["depth"] == 1


@pytest.mark.parametrize("text", [
    "Mara Kovell told reporters that the pier was unsafe.",
    'Tomas Rell told reporters on Monday: "The crossing will reopen next week."',
    "Mara Kovell told the council that the pier was unsafe.",
], ids=["reporters-clause", "reporters-colon-quote", "council"])
def test_telling_reporters_or_a_council_is_not_a_relay(nlp, text):
    rows = extract(nlp, text)
    assert len(rows) == 1
    assert rows[0]["depth"] == 0 and len(rows[0]["chain"]) == 2


@pytest.mark.parametrize("text", [
    "Mara Kovell said in an interview with the Riverton Gazette that the pier was unsafe.",
    '"The pier is unsafe," Mara Kovell said in an interview with the Riverton Gazette.',
], ids=["clause", "quote"])
def test_in_an_interview_with_x_is_a_relay(nlp, text):
    row = of_speaker(extract(nlp, text), "Mara Kovell")
    assert names(row) == ["The Ledger", "Riverton Gazette", "Mara Kovell"]
    assert row["depth"] == 1


@pytest.mark.parametrize("text", [
    '"The pier is unsafe," Mara Kovell said in a video published by the Riverton Gazette.',
    "Mara Kovell said in a video published by the Riverton Gazette that the pier was unsafe.",
], ids=["quote", "clause"])
def test_in_a_video_published_by_x_is_a_relay(nlp, text):
    row = of_speaker(extract(nlp, text), "Mara Kovell")
    assert names(row) == ["The Ledger", "Riverton Gazette", "Mara Kovell"]
    assert row["depth"] == 1


@pytest.mark.parametrize("text", [
    "The Riverton Gazette quoted Mara Kovell as saying that the pier was unsafe.",
    'The Riverton Gazette quoted Mara Kovell as saying, "The pier is unsafe."',
], ids=["clause", "quote"])
def test_x_quoted_y_as_saying_makes_y_the_speaker_via_x(nlp, text):
    rows = extract(nlp, text)
    assert len(rows) == 1
    row = rows[0]
    assert (row["speaker"], row["speaker_type"]) == ("Mara Kovell", "person")
    assert names(row) == ["The Ledger", "Riverton Gazette", "Mara Kovell"]
    assert row["depth"] == 1


def test_he_said_in_the_x_article_is_a_relay(nlp):
    text = ('Mara Kovell runs the harbor. "The pier is unsafe," she said in the Riverton '
            "Gazette article.")
    row = of_speaker(extract(nlp, text), "Mara Kovell")
    assert names(row) == ["The Ledger", "Riverton Gazette", "Mara Kovell"]
    assert row["depth"] == 1


def test_according_to_x_y_said_puts_x_before_y(nlp):
    text = "According to the Riverton Gazette, Mara Kovell said the pier was unsafe."
    row = of_speaker(extract(nlp, text), "Mara Kovell")
    assert names(row) == ["The Ledger", "Riverton Gazette", "Mara Kovell"]
    assert row["chain"][1]["type"] == "media"
    assert row["depth"] == 1


def test_medium_that_is_itself_the_source_is_first_hand(nlp):
    text = "The Riverton Gazette reported that the pier was unsafe."
    row = of_speaker(extract(nlp, text), "Riverton Gazette")
    assert names(row) == ["The Ledger", "Riverton Gazette"] and row["depth"] == 0


def test_first_hand_attribution_has_depth_zero(nlp):
    row = of_speaker(extract(nlp, "Mara Kovell said the pier was unsafe."), "Mara Kovell")
    assert names(row) == ["The Ledger", "Mara Kovell"] and row["depth"] == 0


# --- nesting ---------------------------------------------------------------------------


def test_attribution_inside_a_quote_gets_the_quotes_row_as_parent_and_extends_its_chain(nlp):
    text = ('"We saw the pier crack and, according to the locals, the pilings are rotten," '
            "Mara Kovell told the Riverton Gazette.")
    rows = extract(nlp, text)
    outer = with_cue_at(text, rows, "Mara Kovell told", "told")
    nested = with_cue_at(text, rows, "according to the locals", "according to")
    assert outer["parent_id"] is None
    assert nested["parent_id"] == outer["attribution_id"]
    assert names(outer) == ["The Ledger", "Riverton Gazette", "Mara Kovell"]
    assert names(nested) == ["The Ledger", "Riverton Gazette", "Mara Kovell", "the locals"]
    assert nested["chain"][:-1] == outer["chain"]
    # the quoting speaker is a hop of the chain but not a relay: one medium in between
    assert nested["relays"] == outer["relays"] == ["Riverton Gazette"]
    assert nested["depth"] == outer["depth"] == 1
    assert nested["speaker_type"] == "anonymous"
    assert nested["content"] == "the pilings are rotten"


def test_speech_inside_a_quote_nests_under_it(nlp):
    text = '"The inspector told us the pilings were rotten," Mara Kovell told the Riverton Gazette.'
    rows = extract(nlp, text, rules=True)
    outer = with_cue_at(text, rows, "Mara Kovell told", "told")
    nested = with_cue_at(text, rows, "The inspector told", "told")
    assert nested["parent_id"] == outer["attribution_id"]
    assert nested["chain"][:-1] == outer["chain"]
    assert names(nested)[-1] == "The inspector"


# --- inheritance -----------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    '"The pier is unsafe," Mara Kovell told the Riverton Gazette. Later she said the ferry '
    "would stop.",
    "Mara Kovell told the Riverton Gazette that the pier was unsafe. She said the ferry "
    "would stop.",
], ids=["after-quote", "after-clause"])
def test_later_pronoun_attribution_of_the_same_speaker_inherits_the_relay(nlp, text):
    rows = extract(nlp, text)
    assert len(rows) == 2
    later = rows[1]
    assert later["speaker"] == "Mara Kovell" and later["cue"] == "said"
    assert names(later) == ["The Ledger", "Riverton Gazette", "Mara Kovell"]
    assert later["depth"] == 1


def test_another_speaker_does_not_inherit_the_relay(nlp):
    text = ("Mara Kovell told the Riverton Gazette that the pier was unsafe. Tomas Rell said "
            "the ferry would stop.")
    row = of_speaker(extract(nlp, text), "Tomas Rell")
    assert names(row) == ["The Ledger", "Tomas Rell"] and row["depth"] == 0


# --- build_chain -----------------------------------------------------------------------


def test_build_chain_runs_from_the_outlet_to_the_speaker():
    hops = [{"name": "Newsweek", "type": "media", "cue": "reported"},
            {"name": "Radio NV", "type": "media", "cue": "telling"}]
    speaker = {"name": "Mara Kovell", "type": "person", "cue": "telling"}
    chain = build_chain("Newsmax", hops, speaker)
    assert [hop["name"] for hop in chain] == ["Newsmax", "Newsweek", "Radio NV", "Mara Kovell"]
    assert chain[0] == {"name": "Newsmax", "type": "media", "cue": None}


def test_build_chain_drops_a_hop_repeating_the_outlet_or_the_speaker():
    speaker = {"name": "CNBC", "type": "media", "cue": "reported"}
    hops = [{"name": "Newsmax", "type": "media", "cue": "via"},
            {"name": "CNBC", "type": "media", "cue": "reported"}]
    assert [hop["name"] for hop in build_chain("Newsmax", hops, speaker)] == ["Newsmax", "CNBC"]


def test_build_chain_always_ends_with_the_speaker_even_when_it_is_the_outlet():
    speaker = {"name": "CNBC", "type": "media", "cue": "said"}
    chain = build_chain("CNBC", [], speaker)
    assert chain == [{"name": "CNBC", "type": "media", "cue": None}, speaker]
