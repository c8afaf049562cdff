"""Speakers in the attributions table: pronouns, surnames, ``who``, appositions, first
person inside quotes, and the source type of typical mentions in context.

Every sentence is written for these tests, with fictional people, places and outlets.
"""

from __future__ import annotations

import pytest

from toolkit.attribution.extract import attributions_of
from toolkit.attribution.speakers import Speaker, SpeakerBook


def extract(nlp, text: str, *, rules: bool = False) -> list[dict]:
    rows = attributions_of(nlp(text), outlet="The Ledger", doc_id="d",
                           cue_model=None if rules else "default")
    for row in rows:
        assert text[row["content_start"]:row["content_end"]] == row["content"]
        if row["source"] is not None:
            assert text[row["source_start"]:row["source_end"]] == row["source"]
    return rows


def with_cue_at(text: str, rows: list[dict], context: str, cue: str) -> dict:
    """The row whose cue is the ``cue`` inside the first occurrence of ``context``."""
    start = text.index(context) + context.index(cue)
    found = [row for row in rows if row["cue_start"] == start]
    assert len(found) == 1, (context, [(r["cue"], r["cue_start"], r["speaker"]) for r in rows])
    return found[0]


# --- pronouns --------------------------------------------------------------------------


def test_he_resolves_to_last_named_speaker(nlp):
    text = ("Mara Kovell said the pier was unsafe. Tomas Rell said the ferry was late. "
            "He added that the timetable would change.")
    row = with_cue_at(text, extract(nlp, text), "He added", "added")
    assert (row["source"], row["speaker"], row["speaker_type"]) == ("He", "Tomas Rell", "person")


def test_she_resolves_to_the_person_named_in_the_previous_sentence(nlp):
    text = "Mara Kovell runs the harbor. She said the pier was unsafe."
    row = with_cue_at(text, extract(nlp, text), "She said", "said")
    assert (row["speaker"], row["speaker_type"]) == ("Mara Kovell", "person")


def test_pronoun_after_a_quote_resolves_to_the_most_recent_person(nlp):
    text = ('Mara Kovell runs the harbor and Tomas Rell runs the ferry. "The crossing is '
            'closed until the storm passes," he said.')
    row = with_cue_at(text, extract(nlp, text), "he said", "said")
    assert row["speaker"] == "Tomas Rell"


def test_pronoun_of_a_split_quote_resolves_to_the_person_named_before(nlp):
    text = 'Mara Kovell walked the pier at dawn. "We will act," she said, "and soon."'
    row = with_cue_at(text, extract(nlp, text), "she said", "said")
    assert row["speaker"] == "Mara Kovell"


def test_they_resolves_to_the_last_plural_source(nlp):
    text = "Port officials said the cranes were idle. They added that repairs would take weeks."
    row = with_cue_at(text, extract(nlp, text), "They added", "added")
    assert (row["speaker"], row["speaker_type"]) == ("Port officials", "anonymous")


def test_it_resolves_to_the_last_institution(nlp):
    text = "The ministry said the dam was safe. It added that inspections would continue."
    row = with_cue_at(text, extract(nlp, text), "It added", "added")
    assert row["speaker_type"] == "government"
    assert row["speaker"].lower() == "the ministry"


def test_speaker_book_resolves_he_to_whoever_came_last_in_the_text(nlp):
    # speakers are noted in dependency order, not always text order: the subject of the
    # nearest sentence before the pronoun wins, a speaker noted there beats a name at the
    # same place, and of two speakers noted at one position the first noted stays
    text = "Tomas Rell spoke. Oskar Lind spoke. Jonas Petrak waved. He left. Later he came."
    doc = nlp(text)
    he, later_he = (t for t in doc if t.lower_ == "he")
    book = SpeakerBook(doc)
    assert book.resolve(he).name == "Jonas Petrak"
    book.note(text.index("Tomas"), Speaker("Tomas Rell", "person"))
    assert book.resolve(he).name == "Jonas Petrak"
    book.note(text.index("He left"), Speaker("Karl Brandt", "person"))
    assert book.resolve(he).name == "Jonas Petrak"
    assert book.resolve(later_he).name == "Karl Brandt"
    book.note(text.index("Jonas"), Speaker("Jonas Petrak, again", "person"))
    assert book.resolve(he).name == "Jonas Petrak, again"
    unquoted = SpeakerBook(doc, outside=[(text.index("Jonas"), text.index(" waved"))])
    assert unquoted.resolve(he).name == "Oskar Lind"
    unquoted.note(text.index("Oskar"), Speaker("Oskar Lind, the mayor", "person"))
    unquoted.note(text.index("Oskar"), Speaker("Someone Else", "person"))
    assert unquoted.resolve(he).name == "Oskar Lind, the mayor"


def test_he_never_resolves_to_a_woman(nlp):
    text = "Tomas Rell spoke. Mrs. Lena Ostrow waved. He left."
    doc = nlp(text)
    he = next(t for t in doc if t.lower_ == "he")
    assert SpeakerBook(doc).resolve(he).name == "Tomas Rell"


def test_pronoun_with_no_antecedent_is_a_null_anonymous_speaker(nlp):
    text = "He said that the dam would hold."
    row = with_cue_at(text, extract(nlp, text), "He said", "said")
    assert row["speaker"] is None and row["speaker_type"] == "anonymous"
    assert row["source"] == "He"


def test_person_named_only_inside_a_quote_is_not_a_pronoun_antecedent(nlp):
    text = ('Mara Kovell runs the harbor. "Tomas Rell never answered our calls," she said. '
            "She added that the ferry was late.")
    rows = extract(nlp, text)
    assert with_cue_at(text, rows, "she said", "said")["speaker"] == "Mara Kovell"
    assert with_cue_at(text, rows, "She added", "added")["speaker"] == "Mara Kovell"


# --- names -----------------------------------------------------------------------------


@pytest.mark.parametrize("later", [
    "Wenck said the gates had jammed.",
    "Mr. Wenck said the gates had jammed.",
    '"The gates jammed twice this week," Wenck said.',
])
def test_surname_resolves_to_the_full_name_used_earlier(nlp, later):
    text = f"Dariusz Wenck runs the lock on the canal. {later}"
    row = with_cue_at(text, extract(nlp, text), later, "said")
    assert (row["speaker"], row["speaker_type"]) == ("Dariusz Wenck", "person")
    assert "Wenck" in row["source"]


def test_surname_chain_matches_the_full_name(nlp):
    text = ("Dariusz Wenck said the gates had jammed. Later Wenck said the canal would "
            "reopen on Friday.")
    rows = extract(nlp, text)
    assert [r["speaker"] for r in rows] == ["Dariusz Wenck", "Dariusz Wenck"]
    assert all(r["chain"][-1]["name"] == "Dariusz Wenck" for r in rows)


def test_who_said_resolves_to_the_antecedent(nlp):
    text = "The plan was backed by Mara Kovell, who said the pier was unsafe."
    row = with_cue_at(text, extract(nlp, text), "who said", "said")
    assert (row["speaker"], row["speaker_type"]) == ("Mara Kovell", "person")


# --- roles -----------------------------------------------------------------------------


def test_apposition_becomes_the_speaker_role(nlp):
    text = "Mara Kovell, the harbor master, said the pier was unsafe."
    row = with_cue_at(text, extract(nlp, text), "said", "said")
    assert row["speaker"] == "Mara Kovell"
    assert row["speaker_role"] == "the harbor master"
    assert row["source"] == "Mara Kovell, the harbor master"


def test_long_apposition_with_an_institution_keeps_the_person_as_speaker(nlp):
    text = ("Ilse Marrow, senior fellow and chair of the Riverton Institute for Coastal "
            "Studies, told the Riverton Gazette that the levee was failing.")
    row = with_cue_at(text, extract(nlp, text), "told", "told")
    assert (row["speaker"], row["speaker_type"]) == ("Ilse Marrow", "person")
    assert row["speaker_role"] == ("senior fellow and chair of the Riverton Institute for "
                                   "Coastal Studies")


def test_title_before_the_name_becomes_the_role(nlp):
    text = "Harbor master Mara Kovell said the pier was unsafe."
    row = with_cue_at(text, extract(nlp, text), "said", "said")
    assert row["speaker"] == "Mara Kovell"
    assert row["speaker_role"] == "Harbor master"


def test_plain_name_has_no_role(nlp):
    text = "Mara Kovell said the pier was unsafe."
    assert with_cue_at(text, extract(nlp, text), "said", "said")["speaker_role"] is None


# --- first person inside a quote -------------------------------------------------------


@pytest.mark.parametrize("inner, cue", [
    ("I told them the pier would not hold,", "told"),
    ("We warned the council the levee would fail,", "warned"),
])
def test_first_person_inside_a_quote_is_the_quoting_speaker(nlp, inner, cue):
    text = f'"{inner}" Mara Kovell said.'
    rows = extract(nlp, text, rules=True)
    outer = with_cue_at(text, rows, "Mara Kovell said", "said")
    nested = with_cue_at(text, rows, inner, cue)
    assert outer["speaker"] == "Mara Kovell" and outer["parent_id"] is None
    assert nested["speaker"] == "Mara Kovell" and nested["speaker_type"] == "person"
    assert nested["parent_id"] == outer["attribution_id"]


def test_third_person_inside_a_quote_keeps_its_own_speaker(nlp):
    text = '"The minister told me the pier would not hold," Mara Kovell said.'
    rows = extract(nlp, text, rules=True)
    outer = with_cue_at(text, rows, "Mara Kovell said", "said")
    nested = with_cue_at(text, rows, "The minister told", "told")
    assert nested["source"] == "The minister"
    assert nested["speaker_type"] == "government"
    assert nested["parent_id"] == outer["attribution_id"]
    assert [hop["name"] for hop in nested["chain"]][:2] == ["The Ledger", "Mara Kovell"]


# --- source types in context -----------------------------------------------------------


@pytest.mark.parametrize("text, speaker, speaker_type", [
    ("Mara Kovell said the pier was unsafe.", "Mara Kovell", "person"),
    ("The Calder Shipping Company said the pier was unsafe.", "Calder Shipping Company",
     "organization"),
    ("The Riverton Gazette reported that the pier was unsafe.", "Riverton Gazette", "media"),
    ("The Interior Ministry said the pier was unsafe.", "Interior Ministry", "government"),
    ("The ministry said the pier was unsafe.", "The ministry", "government"),
    ("The report said the pier was unsafe.", "The report", "document"),
    ("A study found that the pier was unsafe.", "A study", "document"),
    ("Officials said the pier was unsafe.", "Officials", "anonymous"),
    ("A source familiar with the inspection said the pier was unsafe.",
     "A source familiar with the inspection", "anonymous"),
    ("Critics said the pier was unsafe.", "Critics", "anonymous"),
    ("According to the locals, the pier was unsafe.", "the locals", "anonymous"),
    ("The government said the pier was unsafe.", "The government", "government"),
    ("A Kremlin spokesman said the pier was unsafe.", "A Kremlin spokesman", "government"),
    ("The newspaper reported that the pier was unsafe.", "The newspaper", "media"),
    ("The network said the pier was unsafe.", "The network", "media"),
    ("Radio Nordvik reported that the pier was unsafe.", "Radio Nordvik", "media"),
    ("Channel 9 reported that the pier was unsafe.", "Channel 9", "media"),
    ("An official who spoke on condition of anonymity said the pier was unsafe.",
     "An official", "anonymous"),
])
def test_typical_mentions_get_their_source_type(nlp, text, speaker, speaker_type):
    rows = extract(nlp, text)
    assert len(rows) == 1, rows
    assert (rows[0]["speaker"], rows[0]["speaker_type"]) == (speaker, speaker_type)
    assert rows[0]["chain"][-1] == {"name": speaker, "type": speaker_type,
                                    "cue": rows[0]["cue"]}
