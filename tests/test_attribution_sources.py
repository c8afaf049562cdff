"""Source types: each mention in a short invented sentence gets the expected type.

The sentences are written for these tests; the names of the seed article's sources
(Newsweek, Radio NV, CNBC, Emil Ibragimov, Andrei Kolesnikov, the Carnegie Endowment)
appear in new sentences, never in the article's own text.
"""

from __future__ import annotations

import pytest
from spacy.tokens import Span

from toolkit.attribution.sources import (
    SOURCE_TYPES,
    classify_name,
    classify_source,
    is_media_name,
)

# (sentence, mention, expected type)
SEED_MENTIONS = [
    ("Newsweek reported that the convoy turned back.", "Newsweek", "media"),
    ("The engineer told Radio NV on Friday that the bridge held.", "Radio NV", "media"),
    ("CNBC reported in August that the port reopened.", "CNBC", "media"),
    ("Newsmax carried the story on Monday.", "Newsmax", "media"),
    ("Emil Ibragimov, the head of the Crimean project and educational platform Q-Hub, "
     "told reporters that the road was closed.",
     "Emil Ibragimov, the head of the Crimean project and educational platform Q-Hub",
     "person"),
    ("Andrei Kolesnikov, senior fellow and chair of the Carnegie Endowment for "
     "International Peace, said the plan was risky.",
     "Andrei Kolesnikov, senior fellow and chair of the Carnegie Endowment for "
     "International Peace", "person"),
    ("The Carnegie Endowment for International Peace said the plan was risky.",
     "The Carnegie Endowment for International Peace", "organization"),
    ("According to the locals, the ferry stopped running.", "the locals", "anonymous"),
    ("He said in the Newsweek article that the ferry stopped.", "the Newsweek article",
     "document"),
    ("According to the article, the ferry stopped running.", "the article", "document"),
    ("The ferry stopped running, the report said.", "the report", "document"),
    ("Russian President Vladimir Putin said the vote was fair.",
     "Russian President Vladimir Putin", "person"),
    ("Ukrainian President Volodymyr Zelenskyy vowed to rebuild the bridge.",
     "Ukrainian President Volodymyr Zelenskyy", "person"),
    ("He said the ferry stopped running.", "He", "unknown"),
]

GENERIC_MENTIONS = [
    ("U.S. officials said the talks had stalled.", "U.S. officials", "government"),
    ("Officials said the talks had stalled.", "Officials", "anonymous"),
    ("A source familiar with the talks said they had stalled.",
     "A source familiar with the talks", "anonymous"),
    ("A spokesperson who declined to be named said the plant was shut.",
     "A spokesperson who declined to be named", "anonymous"),
    ("Some council members said the vote was rushed.", "Some council members", "anonymous"),
    ("One of them said the vote was rushed.", "One of them", "anonymous"),
    ("Experts said the dam was sound.", "Experts", "anonymous"),
    ("Two senators said the bill would pass.", "Two senators", "anonymous"),
    ("Engineers at the Calder Basin Authority said the gate jammed.",
     "Engineers at the Calder Basin Authority", "anonymous"),
    ("She said the bill would pass.", "She", "unknown"),
    ("The Kremlin said the border was calm.", "The Kremlin", "government"),
    ("The ministry said the border was calm.", "The ministry", "government"),
    ("The mayor said the water was safe.", "The mayor", "government"),
    ("Police said the car was stolen.", "Police", "government"),
    ("A Kremlin spokesman said the talks were over.", "A Kremlin spokesman", "government"),
    ("A statement from the ministry said a depot was hit.", "A statement from the ministry",
     "government"),
    ("The White House press secretary said the bill would pass.",
     "The White House press secretary", "government"),
    ("Russia said the drills were routine.", "Russia", "government"),
    ("Mara Kovell said the gate stuck.", "Mara Kovell", "person"),
    ("Inspector Vold said the car was stolen.", "Inspector Vold", "person"),
    ("Kremlin spokesman Dmitry Peskov said the talks were over.",
     "Kremlin spokesman Dmitry Peskov", "person"),
    ("Channel 9 Riverton reported that the road closed.", "Channel 9 Riverton", "media"),
    ("The Harbor Ledger reported that the road closed.", "The Harbor Ledger", "media"),
    ("The Washington Post reported that profits fell.", "The Washington Post", "media"),
    ("The newspaper reported that the mayor resigned.", "The newspaper", "media"),
    ("A Reuters reporter saw the convoy cross the bridge.", "A Reuters reporter", "media"),
    ("The company said the work was finished.", "The company", "organization"),
    ("The Riverton Student Union said fees rose.", "The Riverton Student Union",
     "organization"),
    ("The company's chairman said profits fell.", "The company's chairman", "organization"),
    ("The authorities said the car was stolen.", "The authorities", "government"),
    ("The basin authority said the gate jammed.", "The basin authority", "organization"),
    ("WHO said the virus had spread.", "WHO", "government"),
    ("The US said the drills were routine.", "The US", "government"),
    ("Others said the drills were routine.", "Others", "anonymous"),
    ("Selma Oduya, the province's chief prosecutor, said the files were lost.",
     "Selma Oduya, the province's chief prosecutor", "person"),
    ("Oduya, who has led the inquiry since May, said the files were lost.",
     "Oduya, who has led the inquiry since May", "person"),
    ("Radio Meridian, a regional broadcaster, reported the closure.",
     "Radio Meridian, a regional broadcaster", "media"),
    ("A study found that rents rose.", "A study", "document"),
    ("Polls show that the mayor is unpopular.", "Polls", "document"),
    ("Budget records show that repairs were cut.", "Budget records", "document"),
]


def _span(nlp, sentence: str, mention: str):
    doc = nlp(sentence)
    start = sentence.index(mention)
    return doc.char_span(start, start + len(mention), alignment_mode="expand")


@pytest.mark.parametrize(("sentence", "mention", "expected"), SEED_MENTIONS + GENERIC_MENTIONS)
def test_mention_gets_expected_source_type(nlp, sentence, mention, expected):
    assert classify_source(_span(nlp, sentence, mention)) == expected


def test_surname_of_a_person_named_earlier_is_a_person_whatever_its_entity_label(nlp):
    doc = nlp("Mara Kovell arrived at dawn. Kovell said the gate stuck.")
    doc.ents = [Span(doc, 0, 2, label="PERSON"), Span(doc, 6, 7, label="ORG")]
    assert classify_source(doc[6:7]) == "person"


def test_surname_of_a_titled_name_is_a_person(nlp):
    doc = nlp("Mayor Alda Brennic opened the bridge. Brennic said it was safe.")
    doc.ents = []
    assert classify_source(doc[7:8]) == "person"


def test_every_answer_is_a_known_source_type(nlp):
    doc = nlp("Someone somewhere said something about it.")
    assert {classify_source(doc[i:i + 1]) for i in range(len(doc))} <= set(SOURCE_TYPES)


def test_empty_span_is_unknown(nlp):
    assert classify_source(nlp("Rain fell.")[1:1]) == "unknown"


@pytest.mark.parametrize(("name", "expected"), [
    ("Radio NV", "media"),
    ("Newsweek", "media"),
    ("DTV", "media"),
    ("Castellane Tribune", "media"),
    ("Ukraine's Radio NV", "media"),
    ("the Kremlin", "government"),
    ("Ministry of Defence", "government"),
    ("Office of the Mayor of Riverton", "government"),
    ("Calder Basin Authority", "organization"),
    ("a senior official at the authority", "anonymous"),
    ("people briefed on the authority's internal review", "anonymous"),
    ("one man who asked not to be named", "anonymous"),
    ("2023 inspection report", "document"),
    ("Mayor Alda Brennic", "person"),
    ("Dr. Lars Wendt", "person"),
    ("they", "unknown"),
])
def test_bare_name_gets_expected_source_type(name, expected):
    assert classify_name(name) == expected


def test_entity_label_decides_a_name_the_lexicons_do_not_know():
    assert classify_name("Ruth Ambler") == "unknown"
    assert classify_name("Ruth Ambler", ent_label="PERSON") == "person"
    assert classify_name("Solenne Construction", ent_label="ORG") == "organization"
    assert classify_name("Durnland", ent_label="GPE") == "government"
    assert classify_name("Crimeans", ent_label="NORP") == "anonymous"


def test_a_person_entity_outranks_a_one_word_outlet_name():
    assert classify_name("Bloomberg") == "media"
    assert classify_name("Bloomberg", ent_label="PERSON") == "person"


def test_is_media_name():
    assert is_media_name("CNBC")
    assert is_media_name("the Castellane Tribune")
    assert not is_media_name("Carnegie Endowment for International Peace")
    assert not is_media_name("officials")


def test_user_lexicon_dir_adds_an_outlet(tmp_path, monkeypatch):
    assert classify_name("The Capital Whisper") == "unknown"
    (tmp_path / "media_outlets.txt").write_text(
        "# Test outlets; sources: none, invented for this test.\nThe Capital Whisper\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("TOOLKIT_LEXICON_DIR", str(tmp_path))
    assert classify_name("The Capital Whisper") == "media"
    assert classify_name("the Kremlin") == "government"  # other lexicons still packaged
