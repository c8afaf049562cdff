"""Who said it, through whom: each failure issue 14 lists, on text written for these tests.

Every person, outlet and place here is fictional (or a generic outlet name used only as a
name); nothing is copied from the corpora.
"""

from __future__ import annotations

import pandas as pd
import pytest

from toolkit.attribution import extract_attributions
from toolkit.attribution.extract import attributions_of
from toolkit.attribution.media import canonical_medium, is_own_outlet, same_medium
from toolkit.attribution.speakers import SpeakerBook


def extract(nlp, text: str, *, outlet: str = "The Harbor Ledger") -> list[dict]:
    return attributions_of(nlp(text), outlet=outlet, doc_id="d")


def at_cue(text: str, rows: list[dict], phrase: str, cue: str) -> dict:
    start = text.index(phrase) + phrase.index(cue)
    [row] = [r for r in rows if r["cue_start"] == start]
    return row


# --- no nan, no non-names ---------------------------------------------------------------
def test_no_speaker_is_nan_none_or_a_pronoun_in_a_table(nlp):
    articles = pd.DataFrame({"doc_id": ["a"], "outlet": ["The Harbor Ledger"], "text": [
        "You said the pier was safe. This shows that the dam held. It was reported that the "
        "ferry stopped. Invalid email address. They said the toll would rise."]})
    table = extract_attributions(articles, progress=False)
    names = [s for s in table["speaker"] if s is not None]
    assert all(isinstance(s, str) and s not in ("nan", "None", ".", "You", "Invalid")
               for s in names)
    assert set(table.loc[table["speaker"].isna(), "speaker_type"]) <= {"anonymous", "unknown"}


def test_he_was_quoted_as_saying_resolves_to_the_person_named_before(nlp):
    text = ("Tomas Rell runs the ferry company. He was quoted as saying that the crossing "
            "would close.")
    row = at_cue(text, extract(nlp, text), "quoted as saying", "saying")
    assert row["speaker"] == "Tomas Rell" and row["speaker_type"] == "person"


@pytest.mark.parametrize("word", ["You", "This", "Who"])
def test_a_pronoun_or_demonstrative_source_is_a_null_anonymous_speaker(nlp, word):
    text = f"{word} said the pier was unsafe."
    rows = extract(nlp, text)
    assert rows and all(r["speaker"] is None and r["speaker_type"] == "anonymous"
                        for r in rows)


# --- pronouns ---------------------------------------------------------------------------
def test_she_after_a_titled_mayor_is_the_mayor_not_the_woman_named_earlier(nlp):
    text = ("Ruth Ambler opened the hearing on Monday. Later, Mayor Alda Brennic took the "
            "floor. She said the pier would close.")
    row = at_cue(text, extract(nlp, text), "She said", "said")
    assert row["speaker"] == "Alda Brennic"


def test_she_skips_a_man_named_in_between(nlp):
    text = ("Mrs. Lena Ostrow met the harbor board. Tomas Rell chaired the session. "
            "She said the budget was too small.")
    row = at_cue(text, extract(nlp, text), "She said", "said")
    assert row["speaker"] == "Lena Ostrow"


def test_he_is_never_a_person_named_inside_the_quote(nlp):
    text = ('Rep. Oskar Lind spoke at the port. "Tomas Rell should resign today," he said.')
    row = at_cue(text, extract(nlp, text), "he said", "said")
    assert row["speaker"] == "Oskar Lind"


def test_he_prefers_the_subject_of_the_reporting_verb_to_its_object(nlp):
    text = ('Oskar Lind says he is making a demand of Tomas Rell. "Will you resign?" he asks.')
    row = at_cue(text, extract(nlp, text), "he asks", "asks")
    assert row["speaker"] == "Oskar Lind"


# --- names, roles, groups ---------------------------------------------------------------
def test_apposition_keeps_name_and_role_apart(nlp):
    text = "Calder County's state auditor, Jonas Petrak, said the accounts were wrong."
    [row] = extract(nlp, text)
    assert row["speaker"] == "Jonas Petrak" and row["speaker_type"] == "person"
    assert row["speaker_role"] == "Calder County's state auditor"


def test_a_named_chief_economist_is_a_person_linked_to_the_name(nlp):
    text = ("Meridian Savings Bank's chief economist, Oskar Lind, said rates would rise.")
    [row] = extract(nlp, text)
    assert (row["speaker"], row["speaker_type"]) == ("Oskar Lind", "person")


def test_coordinated_names_are_one_group_not_the_first_member(nlp):
    text = "Mr. Tomas Rell and Ms. Lena Ostrow said the levy was unfair."
    [row] = extract(nlp, text)
    assert row["speaker"] == "Tomas Rell and Lena Ostrow" and row["speaker_type"] == "person"


def test_surnames_and_titles_resolve_to_the_fullest_name(nlp):
    text = ("Alda M. Brennic Jr. opened the port. Later Brennic said it was safe. "
            "Ms. Brennic added that the ferry would run.")
    rows = extract(nlp, text)
    assert {r["speaker"] for r in rows} == {"Alda M. Brennic Jr."}


def test_two_people_sharing_a_surname_keep_their_own_names(nlp):
    text = ("Dana Voss chairs the board. Kai Voss runs the port. Voss said the port would "
            "reopen.")
    row = at_cue(text, extract(nlp, text), "Voss said", "said")
    assert row["speaker"] == "Kai Voss"


def test_a_definite_office_description_is_the_person_named_before(nlp):
    text = ("Senator Tomas Rell visited the harbor on Monday. The senator said the pier "
            "would be rebuilt.")
    row = at_cue(text, extract(nlp, text), "The senator said", "said")
    assert (row["speaker"], row["speaker_type"]) == ("Tomas Rell", "person")


def test_who_clause_resolves_to_its_antecedent(nlp):
    text = "The pier was closed by Lena Ostrow, who said it was unsafe."
    row = at_cue(text, extract(nlp, text), "who said", "said")
    assert row["speaker"] == "Lena Ostrow"


# --- types ------------------------------------------------------------------------------
@pytest.mark.parametrize("text, speaker, kind", [
    ("Vice President Tomas Rell said the port would reopen.", "Tomas Rell", "person"),
    ("Dana Reuters said the port would reopen.", "Dana Reuters", "person"),
    ("Rell's resignation letter said the port would reopen.", None, "document"),
    ("Rell's campaign said the port would reopen.", None, "organization"),
    ("Federal investigators said the port would reopen.", "Federal investigators",
     "government"),
    ("Officials said the port would reopen.", "Officials", "anonymous"),
    ("Harbor residents said the port would reopen.", "Harbor residents", "anonymous"),
])
def test_types_come_from_the_resolved_entity(nlp, text, speaker, kind):
    [row] = extract(nlp, text)
    assert row["speaker_type"] == kind
    if speaker is not None:
        assert row["speaker"] == speaker


def test_first_person_outside_quotes_is_the_author(nlp):
    text = "I believe the pier should be rebuilt before winter."
    [row] = extract(nlp, text)
    assert (row["speaker"], row["speaker_type"]) == ("the author", "media")


# --- relays -----------------------------------------------------------------------------
@pytest.mark.parametrize("outlet, medium", [("fox", "Fox News"), ("hpo", "The Huffington Post"),
                                            ("huff-post", "HuffPost"),
                                            ("The Harbor Ledger", "the Ledger")])
def test_the_articles_own_outlet_under_any_alias_is_never_a_relay(nlp, outlet, medium):
    text = f'"The pier is unsafe," Tomas Rell told {medium} on Monday.'
    [row] = extract(nlp, text, outlet=outlet)
    assert row["relays"] == [] and row["depth"] == 0


def test_according_to_a_medium_then_x_said_makes_x_the_speaker_via_the_medium(nlp):
    text = "According to the Riverton Gazette, Mayor Alda Brennic said the pier was unsafe."
    rows = extract(nlp, text)
    row = at_cue(text, rows, "Brennic said", "said")
    assert row["speaker"] == "Alda Brennic" and row["relays"] == ["Riverton Gazette"]


def test_interviewed_by_and_told_the_channel_relay_through_the_named_channel(nlp):
    text = ("Analysts interviewed by Channel 9 Riverton said prices would fall. "
            "One currency trader told the channel that the market was calm.")
    rows = extract(nlp, text)
    assert [r["relays"] for r in rows] == [["Channel 9 Riverton"], ["Channel 9 Riverton"]]


def test_generic_nouns_are_never_relay_names(nlp):
    text = "Tomas Rell told the show that the pier was unsafe. Lind told TV that it held."
    assert all(r["relays"] == [] for r in extract(nlp, text))


def test_a_program_keeps_its_network(nlp):
    text = "\"The pier is unsafe,\" Tomas Rell told Channel 9's morning show."
    [row] = extract(nlp, text)
    assert row["relays"] == ["Channel 9's morning show"] and row["depth"] == 1


def test_told_reporters_is_no_relay(nlp):
    text = "Tomas Rell told reporters that the pier was unsafe."
    [row] = extract(nlp, text)
    assert row["relays"] == [] and row["depth"] == 0


def test_a_relay_named_for_one_quote_is_not_carried_to_another_speaker(nlp):
    text = ("Channel 9 host Dana Voss asked Tomas Rell about the campaign ad. The ad says "
            "the pier is safe.")
    rows = extract(nlp, text)
    ad = at_cue(text, rows, "The ad says", "says")
    assert ad["relays"] == []


def test_an_interview_set_up_first_carries_to_the_speakers_later_quotes_but_not_a_later_one(
        nlp):
    text = ('"The pier will hold," Tomas Rell told Channel 9 on Monday.\n\n'
            '"We checked it twice," Rell said.\n\n'
            "Rell told the Riverton Gazette then that repairs were done.\n\n"
            '"It is fine," Rell said.')
    rows = extract(nlp, text)
    assert [r["relays"] for r in rows] == [["Channel 9"], ["Channel 9"], ["Riverton Gazette"],
                                          ["Channel 9"]]


def test_an_interview_with_the_own_outlet_keeps_later_quotes_first_hand(nlp):
    text = ('"The pier will hold," Tomas Rell told The Harbor Ledger on Monday. Rell told '
            'Channel 9 later that it was safe. "We checked it twice," Rell said.')
    rows = extract(nlp, text)
    assert [r["relays"] for r in rows] == [[], ["Channel 9"], []]


def test_depth_is_the_number_of_relays(nlp):
    text = "The Riverton Gazette reported Tomas Rell telling Channel 9 that the pier was unsafe."
    rows = extract(nlp, text)
    assert all(r["depth"] == len(r["relays"]) for r in rows)
    assert ["Riverton Gazette", "Channel 9"] in [r["relays"] for r in rows]


# --- media names ------------------------------------------------------------------------
def test_media_aliases_are_one_medium():
    assert canonical_medium("Fox") == canonical_medium("Fox News") == "Fox News"
    assert same_medium("HuffPost", "The Huffington Post")
    assert same_medium("Ledger", "The Harbor Ledger")
    assert same_medium("Channel 9", "Channel 9 Riverton")
    assert not same_medium("CNN", "CNBC")
    assert is_own_outlet("The Washington Post", "wash-post")
    assert is_own_outlet("Western Journal", "west-journal")


# --- precision --------------------------------------------------------------------------
def test_action_and_intention_verbs_are_not_speech(nlp):
    text = ("Harbor Democrats who backed Rell's bid made the announcement in his hometown. "
            "Rell said the port would reopen.")
    rows = extract(nlp, text)
    assert all(not r["speech"] for r in rows if r["cue_lemma"] in ("back", "make"))
    assert at_cue(text, rows, "Rell said", "said")["speech"]


def test_named_members_speak_for_a_description_and_a_plural_office_is_the_group(nlp):
    text = ("Critics of the levy, like Senators Tomas Rell and Lena Ostrow, want it dropped. "
            "The senators said the levy was unfair.")
    rows = extract(nlp, text)
    assert {r["speaker"] for r in rows} == {"Tomas Rell and Lena Ostrow"}


def test_a_name_inside_an_earlier_quote_is_a_last_resort_antecedent(nlp):
    text = ('Oskar Lind spoke first. "We beat Lena Ostrow fairly," he said.\n\n'
            '"We will win again," he said.')
    rows = extract(nlp, text)
    assert [r["speaker"] for r in rows] == ["Oskar Lind", "Oskar Lind"]


def test_a_quote_nested_in_the_outlets_own_report_has_no_self_relay(nlp):
    text = ('The Harbor Ledger reported: "Tomas Rell told us the pier was unsafe, and '
            'according to the locals it is rotten."')
    rows = extract(nlp, text)
    assert rows and all(r["relays"] == [] and r["depth"] == 0 for r in rows)


def test_a_surname_the_tagger_missed_is_still_an_antecedent(nlp):
    text = ("Oskar Lind spoke. Jonas Petrak waved. Lind has record low support among crews. "
            "He recently pitched himself to them.")
    doc = nlp(text)
    assert "Lind" not in {e.text for e in doc.ents}  # the tagger missed the surname
    he = next(t for t in doc if t.text == "He")
    assert SpeakerBook(doc).resolve(he).name == "Oskar Lind"


def test_a_name_in_apposition_to_a_thing_is_not_its_speaker(nlp):
    text = ("The donation page of the port's new director, harbor critic Tomas Rell, suggests "
            "that the pier will close.")
    rows = extract(nlp, text)
    assert rows and all(r["speaker"] != "Tomas Rell" for r in rows)
