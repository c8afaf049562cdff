"""Corpus-wide identities: variants of one person or medium merge only when the corpus
leaves no doubt; ids come from names, not rows; outlets are media identities."""

from __future__ import annotations

import doctest

import pandas as pd
import pytest

from toolkit.attribution import identities
from toolkit.attribution.identities import (
    SPEAKER_COLUMNS,
    identify_speakers,
    lexicon_medium_key,
    person_name,
)


def table(speakers, *, types=None, outlets=None, sources=None, roles=None, chains=None):
    n = len(speakers)
    return pd.DataFrame({
        "doc_id": [f"d{i}" for i in range(n)],
        "outlet": outlets or ["The Harbor Ledger"] * n,
        "speaker": speakers,
        "speaker_type": types or ["person"] * n,
        "source": sources or speakers,
        "speaker_role": roles or [None] * n,
        "chain": chains or [None] * n,
    })


def ids(rows) -> list:
    return identify_speakers(rows).attributions["speaker_id"].tolist()


# --- people -----------------------------------------------------------------------------
def test_a_bare_surname_merges_into_the_one_full_name_with_that_surname():
    assert ids(table(["Dorian Fesk", "Fesk", "Mr. Fesk"])) == ["person:dorian-fesk"] * 3


def test_a_bare_surname_stays_apart_when_two_people_share_it():
    result = ids(table(["Dorian Fesk", "Mila Fesk", "Fesk"]))
    assert result == ["person:dorian-fesk", "person:mila-fesk", "person:fesk"]


def test_a_bare_name_that_begins_another_full_name_is_ambiguous():
    rows = table(["Jonas Holm", "Holm Seo-yeon", "Holm"])  # family name first in the second
    assert ids(rows)[2] == "person:holm"


def test_a_middle_initial_or_name_does_not_make_a_new_person():
    rows = table(["Dorian J. Fesk", "Dorian Fesk", "Dorian James Fesk"])
    assert ids(rows) == ["person:dorian-fesk"] * 3


def test_different_middle_initials_are_different_people_and_the_plain_name_is_ambiguous():
    rows = table(["Anselm W. Grieve", "Anselm H. W. Grieve", "Anselm Grieve", "Grieve"])
    assert ids(rows) == ["person:anselm-w-grieve", "person:anselm-h-w-grieve",
                         "person:anselm-grieve", "person:grieve"]


def test_two_different_full_names_never_merge():
    assert ids(table(["Bernard Fesk", "Bern Fesk"])) == ["person:bernard-fesk",
                                                         "person:bern-fesk"]


def test_a_suffix_is_part_of_the_name():
    rows = table(["Dorian Fesk", "Dorian Fesk Jr.", "Fesk", "Fesk Jr."])
    assert ids(rows) == ["person:dorian-fesk", "person:dorian-fesk-jr", "person:fesk",
                         "person:dorian-fesk-jr"]
    alone = identify_speakers(table(["Fesk Jr.", "Fesk", "Mila Fesk", "Dorian Fesk"]))
    assert alone.attributions["speaker_id"].tolist()[:2] == ["person:fesk-jr", "person:fesk"]
    names = alone.speakers.set_index("speaker_id")["name"]
    assert names["person:fesk-jr"] == "Fesk Jr." and names["person:fesk"] == "Fesk"


@pytest.mark.parametrize("speaker", [
    "Sen. Dorian Fesk", "President Dorian Fesk", "Mrs. Dorian Fesk", "Dorian Fesk's",
    "former Opposition leader Dorian Fesk", "Dorian Fesk, R-Riverton", "DORIAN FESK",
])
def test_titles_offices_possessives_and_case_are_ignored_for_matching(speaker):
    assert ids(table([speaker, "Dorian Fesk"])) == ["person:dorian-fesk"] * 2


def test_accents_fold_into_the_same_identity():
    assert ids(table(["Teodor Vaskó", "Teodor Vasko"])) == ["person:teodor-vasko"] * 2


@pytest.mark.parametrize("speaker", [
    "A spokesperson for Mayor Alda Brennic", "the wife of Dorian Fesk", "He", "who", "they",
    "the mayor", "...",
])
def test_descriptions_and_pronouns_get_no_identity(speaker):
    assert pd.isna(ids(table([speaker]))[0])


def test_person_names_split_into_parts():
    name = person_name("Ursula von der Leyen")
    assert (name.given, name.surname) == ("ursula", "von der leyen")
    assert person_name("Chief economist Oskar Lind").text == "Oskar Lind"


def test_anonymous_and_unknown_sources_get_no_identity():
    rows = table(["officials", "a senior aide", None], types=["anonymous", "anonymous",
                                                              "unknown"])
    assert all(pd.isna(i) for i in ids(rows))


# --- media ------------------------------------------------------------------------------
def test_a_short_medium_name_merges_into_the_only_longer_one():
    rows = table(["Channel 9", "Channel 9 Riverton", "Ledger"], types=["media"] * 3)
    result = identify_speakers(rows)
    assert result.attributions["speaker_id"].tolist() == [
        "media:channel-9-riverton", "media:channel-9-riverton", "media:harbor-ledger"]
    names = result.speakers.set_index("speaker_id")["name"]
    assert names["media:channel-9-riverton"] == "Channel 9 Riverton"
    assert names["media:harbor-ledger"] == "The Harbor Ledger"  # the corpus's own outlet


def test_a_short_medium_name_stays_apart_when_two_longer_names_contain_it():
    rows = table(["Channel 9", "Channel 9 Riverton", "Channel 9 Castellane"],
                 types=["media"] * 3)
    assert ids(rows) == ["media:channel-9", "media:channel-9-riverton",
                         "media:channel-9-castellane"]


def test_lexicon_outlets_merge_across_generic_words_but_distinct_outlets_do_not():
    rows = table(["Fox", "Fox News", "FOX NEWS Channel", "CNN", "CNN International"],
                 types=["media"] * 5)
    assert ids(rows) == ["media:fox"] * 3 + ["media:cnn", "media:cnn-international"]
    assert lexicon_medium_key("The Guardian's") == "guardian"


def test_an_outlet_relayed_under_an_alias_is_recognised_as_itself():
    chain = [{"name": "Daily Relay", "type": "media", "cue": None},
             {"name": "the Ledger", "type": "media", "cue": "told"},
             {"name": "Mara Kovell", "type": "person", "cue": "told"}]
    rows = table(["Mara Kovell"], outlets=["Daily Relay"], chains=[chain])
    rows = pd.concat([rows, table(["Ruth Ambler"])], ignore_index=True)
    result = identify_speakers(rows)
    assert result.media_aliases["the ledger"] == "media:harbor-ledger"
    assert result.media_aliases["the harbor ledger"] == "media:harbor-ledger"
    ledger = result.speakers.set_index("speaker_id").loc["media:harbor-ledger"]
    assert ledger["outlets"] == ["Daily Relay"] and ledger["attributions"] == 0


def test_an_injected_medium_key_decides_which_names_are_one_medium():
    aliases = {"hpo": "huffpost", "huffpost": "huffpost", "huffington post": "huffpost"}

    def medium_key(name):
        return aliases.get(name.lower()) or lexicon_medium_key(name)

    rows = table(["HuffPost", "Huffington Post"], types=["media"] * 2, outlets=["hpo"] * 2)
    result = identify_speakers(rows, medium_key=medium_key)
    assert set(result.attributions["speaker_id"]) == {"media:huffpost"}
    assert result.speakers["speaker_id"].tolist() == ["media:huffpost"]
    assert result.speakers.loc[0, "name"] == "hpo"  # the corpus names its outlet so


def test_a_reporter_of_a_medium_is_the_medium():
    assert ids(table(["a Reuters reporter", "Reuters"], types=["media"] * 2)) == [
        "media:reuters"] * 2


def test_a_medium_described_around_its_name_is_that_medium_and_bare_nouns_are_none():
    rows = table(["the Veskarian paper Castellane Tribune", "Castellane Tribune",
                  "The newspaper", "Paper"], types=["media"] * 4)
    result = ids(rows)
    assert result[:2] == ["media:castellane-tribune"] * 2
    assert pd.isna(result[2]) and pd.isna(result[3])


# --- the table and its stability -----------------------------------------------------------
def test_the_speakers_table_counts_attributions_outlets_and_aliases():
    rows = table(["Dorian Fesk", "Fesk", "Ruth Ambler"],
                 outlets=["The Harbor Ledger", "Daily Relay", "Daily Relay"])
    speakers = identify_speakers(rows).speakers
    assert list(speakers.columns) == SPEAKER_COLUMNS
    fesk = speakers.set_index("speaker_id").loc["person:dorian-fesk"]
    assert fesk["name"] == "Dorian Fesk" and fesk["attributions"] == 2
    assert fesk["aliases"] == ["Dorian Fesk", "Fesk"]
    assert fesk["outlets"] == ["Daily Relay", "The Harbor Ledger"]
    outlets = speakers[speakers["speaker_type"] == "media"]["speaker_id"].tolist()
    assert sorted(outlets) == ["media:daily-relay", "media:harbor-ledger"]


def test_ids_and_names_do_not_depend_on_row_order_or_sharding():
    rows = table(["Dorian Fesk", "Fesk", "Mr. Fesk", "Dorian J. Fesk", "Channel 9",
                  "Channel 9 Riverton", "Calder Basin Authority", "Ruth Ambler"],
                 types=["person"] * 4 + ["media"] * 2 + ["organization", "person"],
                 outlets=["A", "B", "A", "B", "A", "B", "A", "B"])
    whole = identify_speakers(rows)
    shuffled = identify_speakers(rows.sample(frac=1, random_state=3))
    shards = identify_speakers(pd.concat([rows.iloc[4:], rows.iloc[:4]]))
    expected = whole.attributions.set_index("doc_id")["speaker_id"]
    for other in (shuffled, shards):
        assert other.attributions.set_index("doc_id")["speaker_id"].sort_index().equals(
            expected.sort_index())
        pd.testing.assert_frame_equal(other.speakers, whole.speakers)


def test_the_module_examples_run():
    assert doctest.testmod(identities).failed == 0


def test_an_ambiguous_bare_surname_is_settled_by_the_full_name_its_article_writes():
    rows = table(["Dorian Fesk", "Mila Fesk", "Fesk", "Fesk"])
    articles = pd.DataFrame({"doc_id": ["d0", "d1", "d2", "d3"], "text": [
        "Dorian Fesk spoke.", "Mila Fesk spoke.", "Mila Fesk arrived and Fesk said so.",
        "Fesk said so, with Dorian Fesk and Mila Fesk beside her."]})
    result = identify_speakers(rows, articles=articles).attributions["speaker_id"].tolist()
    assert result == ["person:dorian-fesk", "person:mila-fesk", "person:mila-fesk",
                      "person:fesk"]
