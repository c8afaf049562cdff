"""The attributions table: every construction of issue 3 on short invented texts, the
table contract, and the model case (the seed article).

Every sentence here is written for these tests, with fictional people and places; the seed
article is read from ../shared/seed and none of its text is copied. Tests that are about
the syntax rules pass ``cue_model=None`` (the hand lexicon and rules alone); tests that
check what a researcher gets by default use the default learned cue model.
"""

from __future__ import annotations

import itertools

import pandas as pd
import pytest

from toolkit import extract_attributions
from toolkit.attribution.extract import ATTRIBUTION_COLUMNS, TABLE_COLUMNS, attributions_of
from toolkit.attribution.sources import SOURCE_TYPES

KINDS = {"direct", "indirect", "mixed", "according_to", "partial"}
CUE_CLASSES = {"neutral", "loaded", "belief", "finding", "other", None}


# --- helpers ---------------------------------------------------------------------------


def extract(nlp, text: str, *, rules: bool = False, outlet: str = "The Ledger") -> list[dict]:
    """The rows of one invented article; ``rules`` turns the learned cue model off."""
    rows = attributions_of(nlp(text), outlet=outlet, doc_id="d",
                           cue_model=None if rules else "default")
    check_offsets(text, rows)
    return rows


def check_offsets(text: str, rows: list[dict]) -> None:
    """The offset invariants of the table: every span indexes into the text."""
    for row in rows:
        assert text[row["content_start"]:row["content_end"]] == row["content"]
        parts = row["content_parts"]
        assert parts and parts[0][0] == row["content_start"]
        assert parts[-1][1] == row["content_end"]
        assert all(s < e for s, e in parts)
        assert all(a[1] <= b[0] for a, b in itertools.pairwise(parts))
        for name in ("cue", "source"):
            if row[name] is None:
                assert row[f"{name}_start"] is None and row[f"{name}_end"] is None
            else:
                assert text[row[f"{name}_start"]:row[f"{name}_end"]] == row[name]


def parts_text(text: str, row: dict) -> list[str]:
    """The text of each content part of a row."""
    return [text[start:end] for start, end in row["content_parts"]]


def holding(text: str, rows: list[dict], phrase: str, *, top: bool = True) -> list[dict]:
    """The rows (top-level only by default) with a content part covering ``phrase``."""
    start = text.index(phrase)
    end = start + len(phrase)
    return [row for row in rows if (not top or row["parent_id"] is None)
            and any(s <= start and end <= e for s, e in row["content_parts"])]


def the_row_holding(text: str, rows: list[dict], phrase: str) -> dict:
    found = holding(text, rows, phrase)
    assert len(found) == 1, (phrase, [(r["content"], r["speaker"]) for r in rows])
    return found[0]


def the_row_with_cue_at(text: str, rows: list[dict], context: str, cue: str) -> dict:
    """The row whose cue is the ``cue`` inside the first occurrence of ``context``."""
    start = text.index(context) + context.index(cue)
    found = [row for row in rows if row["cue_start"] == start]
    assert len(found) == 1, (context, [(r["cue"], r["cue_start"]) for r in rows])
    return found[0]


def only(rows: list[dict]) -> dict:
    assert len(rows) == 1, [(r["kind"], r["content"], r["speaker"]) for r in rows]
    return rows[0]


def names(row: dict) -> list[str | None]:
    return [hop["name"] for hop in row["chain"]]


# --- direct quotes ---------------------------------------------------------------------


@pytest.mark.parametrize("text, content", [
    ('"The bridge is closed," Mara Kovell said.', "The bridge is closed,"),
    ("“The bridge is closed,” Mara Kovell said.", "The bridge is closed,"),
    ("«The bridge is closed», Mara Kovell said.", "The bridge is closed"),
    ("“The bridge is closed,\" Mara Kovell said.", "The bridge is closed,"),
], ids=["straight", "curly", "guillemets", "mixed-marks"])
def test_direct_quote_with_speaker_after_is_one_row_of_the_speaker(nlp, text, content):
    row = only(extract(nlp, text))
    assert row["kind"] == "direct"
    assert parts_text(text, row) == [content]
    assert (row["cue"], row["cue_lemma"], row["cue_class"]) == ("said", "say", "neutral")
    assert (row["source"], row["speaker"], row["speaker_type"]) == (
        "Mara Kovell", "Mara Kovell", "person")
    assert names(row) == ["The Ledger", "Mara Kovell"] and row["depth"] == 0


def test_direct_quote_with_speaker_before_and_a_comma(nlp):
    text = 'Mara Kovell said, "The pier will stay closed until the divers finish."'
    row = only(extract(nlp, text))
    assert row["kind"] == "direct" and row["speaker"] == "Mara Kovell"
    assert parts_text(text, row) == ["The pier will stay closed until the divers finish."]


def test_single_quotes_inside_double_stay_in_the_one_quote(nlp):
    text = "\"The sign said 'keep out' all week,\" Mara Kovell said."
    row = only(extract(nlp, text))
    assert parts_text(text, row) == ["The sign said 'keep out' all week,"]
    assert row["speaker"] == "Mara Kovell"


def test_quote_of_several_sentences_is_one_row(nlp):
    text = '"The bridge is closed. The river is too high. We will wait," Mara Kovell said.'
    row = only(extract(nlp, text))
    assert row["content"] == "The bridge is closed. The river is too high. We will wait,"
    assert row["kind"] == "direct" and row["speaker"] == "Mara Kovell"


def test_multi_paragraph_quote_is_one_row_across_paragraphs(nlp):
    first = "The water rose at dawn and kept rising all morning across the lower town."
    second = "By noon the gauges had failed and we were guessing at the level,"
    text = f'"{first}\n\n"{second}" Mara Kovell said.'
    row = only(extract(nlp, text))
    assert row["kind"] == "direct" and row["speaker"] == "Mara Kovell"
    assert parts_text(text, row) == [f'{first}\n\n"{second}']
    assert row["paragraph"] == 0


def test_multi_paragraph_quote_after_a_colon_is_one_row(nlp):
    first = "The water rose at dawn and kept rising all morning across the lower town."
    second = "By noon the gauges had failed and we were guessing at the level."
    text = f'Mara Kovell said: "{first}\n\n"{second}"'
    row = only(extract(nlp, text))
    assert row["speaker"] == "Mara Kovell" and row["cue"] == "said"
    assert parts_text(text, row) == [f'{first}\n\n"{second}']


@pytest.mark.parametrize("text", [
    '"We will act," she said, "and soon."',
    '"We will act on the flooding," Mara Kovell said, "and we will do it before the '
    'spring rains come."',
    "“We will act on the flooding,” Mara Kovell said, “and we will do it before the "
    "spring rains come.”",
], ids=["short-pronoun", "straight", "curly"])
def test_quote_split_by_its_cue_is_one_row_with_two_parts(nlp, text):
    row = only(extract(nlp, text))
    assert row["kind"] == "direct"
    assert row["cue"] == "said"
    quoted = [piece for i, piece in enumerate(text.replace("“", '"').replace("”", '"')
                                              .split('"')) if i % 2]
    assert parts_text(text, row) == quoted


def test_split_quote_speaker_is_the_named_person_between_the_halves(nlp):
    text = ('Mara Kovell spoke to reporters at the pier. "We will act on the flooding," she '
            'said, "and we will do it before the spring rains come."')
    row = only(extract(nlp, text))
    assert row["speaker"] == "Mara Kovell"
    assert parts_text(text, row) == [
        "We will act on the flooding,", "and we will do it before the spring rains come."]


@pytest.mark.parametrize("text, speaker", [
    ('Mara Kovell said: "The bridge is closed."', "Mara Kovell"),
    ('Tomas Rell told the council on Monday: "The crossing will reopen next week."',
     "Tomas Rell"),
])
def test_colon_introduces_a_direct_quote(nlp, text, speaker):
    row = only(extract(nlp, text))
    assert row["kind"] == "direct" and row["speaker"] == speaker
    assert parts_text(text, row) == [text.split('"')[1]]
    assert row["cue_start"] < row["content_start"]


def test_following_quote_without_cue_continues_the_previous_speakers_row(nlp):
    first = "The water rose at dawn and kept rising until noon,"
    second = "Nobody had seen anything like it in forty years of living beside the river."
    text = f'"{first}" Mara Kovell said. "{second}"'
    row = only(extract(nlp, text))
    assert row["speaker"] == "Mara Kovell" and row["kind"] == "direct"
    assert parts_text(text, row) == [first, second]
    assert row["content"] == text[1:-1]


def test_cueless_quote_opening_the_next_paragraph_continues_the_speaker(nlp):
    first = "The water rose at dawn and kept rising until noon,"
    second = "Nobody had seen anything like it in forty years of living beside the river."
    text = f'"{first}" Mara Kovell said.\n\n"{second}"'
    row = only(extract(nlp, text))
    assert row["speaker"] == "Mara Kovell"
    assert parts_text(text, row) == [first, second]


def test_quote_with_its_own_cue_does_not_merge_into_the_previous_row(nlp):
    text = ('"The pier is closed for the season," Mara Kovell said. '
            '"The ferry will run every hour instead," Tomas Rell said.')
    rows = extract(nlp, text)
    assert [(r["speaker"], parts_text(text, r)) for r in rows] == [
        ("Mara Kovell", ["The pier is closed for the season,"]),
        ("Tomas Rell", ["The ferry will run every hour instead,"]),
    ]


def test_unbalanced_mark_costs_only_its_own_quote(nlp):
    good_first = '"The pier is closed for the season," Mara Kovell said.'
    broken = 'Tomas Rell said the water was "too high on Monday and the gauges failed.'
    good_last = 'Ana Brisk said: "We will reopen the crossing next week."'
    text = f"{good_first}\n\n{broken}\n\n{good_last}"
    rows = extract(nlp, text)
    first = the_row_holding(text, rows, "The pier is closed")
    assert (first["speaker"], parts_text(text, first)) == (
        "Mara Kovell", ["The pier is closed for the season,"])
    last = the_row_holding(text, rows, "We will reopen")
    assert (last["speaker"], parts_text(text, last)) == (
        "Ana Brisk", ["We will reopen the crossing next week."])
    middle = the_row_with_cue_at(text, rows, "Tomas Rell said", "said")
    assert middle["speaker"] == "Tomas Rell"
    assert "too high on Monday" in middle["content"]


def test_unbalanced_opening_mark_at_the_end_still_finds_the_earlier_quotes(nlp):
    text = ('"The pier is closed for the season," Mara Kovell said. Tomas Rell said the '
            'ferry would run. "')
    rows = extract(nlp, text)
    assert [r["speaker"] for r in rows] == ["Mara Kovell", "Tomas Rell"]


# --- indirect and reported speech ------------------------------------------------------


@pytest.mark.parametrize("rules", [True, False], ids=["rules", "default-model"])
@pytest.mark.parametrize("text, cue, source, content", [
    ("He said that the dam would hold.", "said", "He", "the dam would hold"),
    ("Officials warned the plan would fail.", "warned", "Officials", "the plan would fail"),
    ("The mayor claimed the levee was safe.", "claimed", "The mayor", "the levee was safe"),
    ("Tomas Rell insisted that the ferry had left on time.", "insisted", "Tomas Rell",
     "the ferry had left on time"),
])
def test_speech_verb_with_a_clause_is_indirect_speech(nlp, rules, text, cue, source, content):
    row = only(extract(nlp, text, rules=rules))
    assert row["kind"] == "indirect"
    assert (row["cue"], row["source"]) == (cue, source)
    assert row["content"].removeprefix("that ") == content


def test_loaded_verbs_get_the_loaded_class_and_neutral_ones_neutral(nlp):
    text = "The mayor claimed the levee was safe. The engineer said it was cracked."
    rows = extract(nlp, text)
    assert [(r["cue_lemma"], r["cue_class"]) for r in rows] == [
        ("claim", "loaded"), ("say", "neutral")]


@pytest.mark.parametrize("text", [
    "The company said on Monday it would close the plant.",
    "Kovell said she was tired of waiting for the inspectors.",
    "They said that the vote had been rigged.",
    "A spokesman for the port said the cranes were idle.",
    'Mara Kovell said the crossing was "closed for good" and left.',
    "The pier, Tomas Rell said, would not open before June.",
    "Residents of the lower town said they had not been warned about the flood.",
])
def test_default_model_always_keeps_said_with_a_clause(nlp, text):
    rows = extract(nlp, text)
    assert any(r["cue_lemma"] == "say" and r["source"] for r in rows), rows


def test_according_to_gives_an_according_to_row(nlp):
    text = "According to Tomas Rell, the ferry stopped running."
    row = only(extract(nlp, text))
    assert row["kind"] == "according_to"
    assert row["cue"].lower() == "according to"
    assert (row["source"], row["speaker"], row["speaker_type"]) == (
        "Tomas Rell", "Tomas Rell", "person")
    assert row["content"] == "the ferry stopped running"


def test_according_to_after_the_clause(nlp):
    text = "The ferry stopped running on Tuesday, according to the harbor office."
    row = only(extract(nlp, text))
    assert row["kind"] == "according_to"
    assert row["content"] == "The ferry stopped running on Tuesday"
    assert row["source"] == "the harbor office"


@pytest.mark.parametrize("text, source, speaker_type", [
    ("The report said the dam had cracked.", "The report", "document"),
    ("A statement from the ministry said the dam had cracked.",
     "A statement from the ministry", "government"),
    ("The dam had cracked, the report said.", "the report", "document"),
])
def test_nominal_sources_are_sources(nlp, text, source, speaker_type):
    row = only(extract(nlp, text))
    assert row["source"] == source and row["speaker_type"] == speaker_type
    assert row["content"].lower().removeprefix("that ") == "the dam had cracked"


@pytest.mark.parametrize("text", [
    "It was reported that the dam had cracked.",
    "It was announced on Friday that the dam had cracked.",
])
def test_passive_report_has_no_source(nlp, text):
    row = only(extract(nlp, text))
    assert row["kind"] == "indirect"
    assert row["source"] is None and row["source_start"] is None
    assert row["speaker"] is None and row["speaker_type"] == "unknown"
    assert row["content"].removeprefix("that ") == "the dam had cracked"


def test_partial_quote_inside_reported_speech_makes_it_mixed(nlp):
    text = 'Mara Kovell said the repairs were "a complete waste of public money."'
    row = only(extract(nlp, text))
    assert row["kind"] == "mixed" and row["speaker"] == "Mara Kovell"
    assert "a complete waste of public money" in row["content"]


@pytest.mark.parametrize("rules", [True, False], ids=["rules", "default-model"])
@pytest.mark.parametrize("text, cue_lemma, cue_class, source", [
    ("Polls show most residents oppose the toll.", "show", "finding", "Polls"),
    ("A study found that the river was polluted.", "find", "finding", "A study"),
    ("Tomas Rell believes the toll is unfair.", "believe", "belief", "Tomas Rell"),
])
def test_belief_and_finding_cues_carry_their_class(nlp, rules, text, cue_lemma, cue_class,
                                                    source):
    row = only(extract(nlp, text, rules=rules))
    assert (row["cue_lemma"], row["cue_class"], row["source"]) == (cue_lemma, cue_class, source)
    assert row["kind"] == "indirect"


def test_belief_and_finding_rows_can_be_dropped_by_cue_class(nlp):
    text = ("Polls show most residents oppose the toll. Tomas Rell believes the toll is unfair. "
            "The mayor said the toll would stay.")
    rows = extract(nlp, text)
    speech = [r for r in rows if r["cue_class"] not in ("belief", "finding")]
    assert [r["speaker"] for r in speech] == ["The mayor"]


def test_speech_is_true_for_speech_cues_and_false_for_beliefs_and_findings(nlp):
    text = ("Polls show most residents oppose the toll. Tomas Rell believes the toll is unfair. "
            'The mayor claimed the toll would stay. "It will," she said. "Forever."')
    rows = extract(nlp, text)
    assert [(r["cue_lemma"], r["speech"]) for r in rows] == [
        ("show", False), ("believe", False), ("claim", True), ("say", True)]


def test_scare_quote_is_not_an_attribution(nlp):
    assert extract(nlp, 'The council "reviewed" the budget on Monday.') == []


def test_plain_narration_has_no_attributions(nlp):
    assert extract(nlp, "The ferry left at noon and reached the island by three.") == []


@pytest.mark.parametrize("text, cue, cue_lemma, content", [
    ("Harbor pilots have been critical of the new toll.", "been critical of",
     "be critical", "the new toll"),
    ("Riverton fishermen were hopeful that the pier would reopen.", "were hopeful",
     "be hopeful", "that the pier would reopen"),
], ids=["critical-of", "hopeful-that"])
def test_a_stance_copula_is_an_attribution_of_its_subject(nlp, text, cue, cue_lemma, content):
    row = only(extract(nlp, text))
    assert (row["kind"], row["cue_lemma"], row["content"]) == ("indirect", cue_lemma, content)
    assert row["cue"] == cue
    assert row["source"] == text.split(" were ")[0].split(" have ")[0]


def test_an_adjective_before_its_copula_is_no_stance(nlp):
    from spacy.tokens import Doc

    from toolkit.attribution.syntax import stance_adjective

    # "How strange to them it is": the adjective leads; a cue never runs backwards
    doc = Doc(nlp.vocab, words=["How", "strange", "to", "them", "it", "is"],
              heads=[1, 5, 1, 2, 5, 5], deps=["advmod", "acomp", "prep", "pobj", "nsubj", "ROOT"],
              pos=["SCONJ", "ADJ", "ADP", "PRON", "PRON", "AUX"], lemmas=["how", "strange", "to",
              "they", "it", "be"])
    assert stance_adjective(doc[5]) is None
    forward = Doc(nlp.vocab, words=["It", "is", "strange", "to", "them"],
                  heads=[1, 1, 1, 2, 3], deps=["nsubj", "ROOT", "acomp", "prep", "pobj"],
                  pos=["PRON", "AUX", "ADJ", "ADP", "PRON"], lemmas=["it", "be", "strange",
                  "to", "they"])
    assert stance_adjective(forward[1]).text == "strange"


def test_a_copula_without_a_stance_complement_is_not_an_attribution(nlp):
    assert extract(nlp, "The pier was old and the water was cold.") == []


@pytest.mark.parametrize("line, speaker", [
    ("Mara Kovell: The Pier Will Not Reopen This Winter", "Mara Kovell"),
    ("KOVELL: We checked every pile under the pier.", "KOVELL"),
])
def test_a_line_opening_with_a_name_and_a_colon_is_that_persons(nlp, line, speaker):
    text = f"{line}\n\nThe harbor office has closed the pier since March."
    row = only(extract(nlp, text))
    assert (row["source"], row["cue"], row["content"]) == (speaker, ":", line.split(": ")[1])


@pytest.mark.parametrize("line", [
    "UPDATE: The pier reopened at noon on Friday.",
    "12:30 pm: The ferry left the harbor.",
])
def test_labels_and_times_before_a_colon_are_not_speakers(nlp, line):
    assert all(row["cue"] != ":" for row in extract(nlp, f"{line}\n\nIt rained."))


def test_a_source_never_reaches_into_the_quote_it_introduces(nlp):
    text = ('Mara Kovell spoke at the pier on Monday. "Like Oakland. Or Ferguson," Kovell '
            'said. "The numbers are worse."')
    rows = extract(nlp, text)
    row = the_row_holding(text, rows, "Or Ferguson")
    assert (row["source"], row["speaker"]) == ("Kovell", "Mara Kovell")


# --- the table contract ----------------------------------------------------------------

CONTRACT_TEXT = (
    'Mara Kovell, the harbor master, said the pier was unsafe. "We will act," she said, '
    '"and soon."\n\n'
    "According to the harbor office, the ferry stopped running. Officials warned the plan "
    "would fail.\n\n"
    '"The pier is closed," Tomas Rell told the Riverton Gazette.'
)


def test_every_column_is_present_and_typed(nlp):
    rows = extract(nlp, CONTRACT_TEXT)
    assert len(rows) >= 5
    for row in rows:
        assert list(row) == ATTRIBUTION_COLUMNS
        assert row["kind"] in KINDS
        assert row["cue_class"] in CUE_CLASSES
        assert isinstance(row["speech"], bool)
        assert row["speaker_type"] in SOURCE_TYPES
        assert row["doc_id"] == "d" and row["outlet"] == "The Ledger"
        assert row["depth"] == len(row["relays"]) >= 0
        assert row["chain"][0] == {"name": "The Ledger", "type": "media", "cue": None}
        assert row["chain"][-1]["name"] == row["speaker"]
        assert all(set(hop) == {"name", "type", "cue"} for hop in row["chain"])


def test_attribution_ids_are_unique_and_parents_exist(nlp):
    text = ('"We saw the pier crack and, according to the locals, the pilings are rotten," '
            "Mara Kovell told the Riverton Gazette. " + CONTRACT_TEXT)
    rows = extract(nlp, text)
    ids = [row["attribution_id"] for row in rows]
    assert len(set(ids)) == len(ids)
    assert all(i.startswith("d-") for i in ids)
    assert any(row["parent_id"] for row in rows)
    assert all(row["parent_id"] in ids for row in rows if row["parent_id"])


def test_rows_come_in_reading_order_with_sentence_and_paragraph(nlp):
    rows = extract(nlp, CONTRACT_TEXT)
    starts = [row["content_start"] for row in rows]
    assert starts == sorted(starts)
    assert [row["paragraph"] for row in rows] == [0, 0, 1, 1, 2]
    assert [row["sentence"] for row in rows] == sorted(row["sentence"] for row in rows)
    assert rows[0]["sentence"] == 0 and rows[-1]["sentence"] >= 4


def test_sentence_and_paragraph_are_counted_from_zero(nlp):
    row = only(extract(nlp, "Mara Kovell said the pier was unsafe."))
    assert (row["sentence"], row["paragraph"]) == (0, 0)
    text = "The ferry left at noon. Mara Kovell said the pier was unsafe."
    row = only(extract(nlp, text))
    assert (row["sentence"], row["paragraph"]) == (1, 0)


def test_offsets_index_into_text_with_leading_whitespace_and_unicode(nlp):
    text = ("\n\n  Ça va — «très bien», dit-il. 🎉 Mara Kovell said the café had reopened. "
            "“Nobody was hurt,” Tomas Rell told Radio Nordvik.")
    rows = extract(nlp, text)  # extract checks every offset
    assert [r["speaker"] for r in rows][-2:] == ["Mara Kovell", "Tomas Rell"]


def _articles() -> pd.DataFrame:
    return pd.DataFrame({
        "doc_id": ["ledger-1", "relay-1", "empty-1"],
        "outlet": ["The Ledger", "Daily Relay", "Daily Relay"],
        "text": [CONTRACT_TEXT,
                 "Tomas Rell believes the toll is unfair. The ministry said it would stay.",
                 "The ferry left at noon."],
    })


def test_extract_attributions_gives_the_same_rows_from_articles_and_from_docs(nlp):
    articles = _articles()
    from_table = extract_attributions(articles, progress=False)
    docs = []
    for record in articles.itertuples():
        doc = nlp(record.text)
        doc.user_data["doc_id"], doc.user_data["outlet"] = record.doc_id, record.outlet
        docs.append(doc)
    from_docs = extract_attributions(docs)
    assert list(from_table.columns) == TABLE_COLUMNS
    assert len(from_table) >= 7
    pd.testing.assert_frame_equal(from_table, from_docs)
    assert set(from_table["doc_id"]) == {"ledger-1", "relay-1"}
    assert (from_table.groupby("doc_id")["outlet"].first() ==
            pd.Series({"ledger-1": "The Ledger", "relay-1": "Daily Relay"})).all()
    assert from_table["attribution_id"].is_unique


def test_extract_attributions_rows_equal_attributions_of_each_doc(nlp):
    articles = _articles()
    table = extract_attributions(articles, progress=False)
    expected = [row for record in articles.itertuples()
                for row in attributions_of(nlp(record.text), outlet=record.outlet,
                                           doc_id=record.doc_id)]
    pd.testing.assert_frame_equal(table[ATTRIBUTION_COLUMNS],
                                  pd.DataFrame(expected, columns=ATTRIBUTION_COLUMNS))
    kovell = table[table["speaker"].fillna("").str.contains("Kovell")]
    assert kovell["speaker_id"].nunique() == 1  # one person, one id across articles


@pytest.mark.parametrize("corpus", [
    pd.DataFrame({"doc_id": [], "outlet": [], "text": []}),
    [],
], ids=["empty-table", "no-docs"])
def test_empty_corpus_gives_an_empty_table_with_the_columns(corpus):
    table = extract_attributions(corpus, progress=False) if isinstance(
        corpus, pd.DataFrame) else extract_attributions(corpus)
    assert table.empty and list(table.columns) == TABLE_COLUMNS


def test_rules_only_and_default_model_both_give_the_full_schema(nlp):
    for rules in (True, False):
        rows = extract(nlp, CONTRACT_TEXT, rules=rules)
        assert rows and all(list(row) == ATTRIBUTION_COLUMNS for row in rows)


# --- the model case: the seed article (issue 3) ----------------------------------------


@pytest.fixture(scope="module")
def seed(nlp, seed_text):
    rows = attributions_of(nlp(seed_text), outlet="Newsmax", doc_id="seed")
    check_offsets(seed_text, rows)
    return seed_text, rows


def test_seed_both_opening_quotes_are_emil_ibragimovs_via_newsweek_and_radio_nv(seed):
    text, rows = seed
    opening = text.split("\n")[1]
    quotes = [piece for i, piece in enumerate(opening.split('"')) if i % 2]
    assert len(quotes) == 2
    for quote in quotes:
        row = the_row_holding(text, rows, quote[:40])
        assert row["kind"] == "direct"
        assert row["speaker"] == "Emil Ibragimov" and row["speaker_type"] == "person"
        assert names(row) == ["Newsmax", "Newsweek", "Radio NV", "Emil Ibragimov"]
        assert row["depth"] == 2
        assert [hop["type"] for hop in row["chain"]] == ["media", "media", "media", "person"]


def test_seed_he_said_resolves_to_emil_ibragimov(seed):
    text, rows = seed
    row = the_row_with_cue_at(text, rows, "He said that", "said")
    assert row["speaker"] == "Emil Ibragimov" and row["speaker_type"] == "person"
    assert row["source"] == "He"
    assert row["kind"] in ("indirect", "mixed")


def test_seed_he_said_in_the_newsweek_article_is_emil_ibragimov_via_newsweek(seed):
    text, rows = seed
    row = the_row_with_cue_at(text, rows, "he said in the Newsweek article", "said")
    assert row["speaker"] == "Emil Ibragimov"
    assert row["kind"] == "direct"
    assert "Newsweek" in names(row) and names(row)[-1] == "Emil Ibragimov"


def test_seed_according_to_the_locals_is_anonymous_and_nested_in_the_first_quote(seed):
    text, rows = seed
    row = the_row_with_cue_at(text, rows, "according to the locals", "according to")
    assert row["kind"] == "according_to"
    assert row["speaker_type"] == "anonymous"
    assert row["source"] == "the locals"
    first_quote = the_row_holding(text, rows, "We saw a video")
    assert row["parent_id"] == first_quote["attribution_id"]
    assert names(row)[:-1] == names(first_quote)
    # through Ibragimov's quote: his relays are the locals' relays
    assert row["relays"] == first_quote["relays"] == ["Newsweek", "Radio NV"]
    assert row["depth"] == first_quote["depth"] == 2


def test_seed_troop_figure_is_the_carnegie_endowments(seed):
    text, rows = seed
    row = the_row_holding(text, rows, "a few thousand well-equipped")
    assert row["speaker"] == "Carnegie Endowment for International Peace"
    assert row["speaker_type"] == "organization"


def test_seed_article_and_report_are_document_sources(seed):
    text, rows = seed
    article = the_row_with_cue_at(text, rows, "According to the article", "According to")
    assert article["speaker_type"] == "document" and article["kind"] == "according_to"
    report = the_row_with_cue_at(text, rows, "the report said", "said")
    assert report["speaker_type"] == "document"
    assert report["source"] == "the report"


def test_seed_offensive_is_cnbcs_report(seed):
    text, rows = seed
    row = the_row_holding(text, rows, "mounting an offensive in Crimea")
    assert row["speaker"] == "CNBC" and row["speaker_type"] == "media"
    assert row["cue_lemma"] == "report"
    assert names(row) == ["Newsmax", "CNBC"] and row["depth"] == 0


@pytest.mark.parametrize("phrase", ["It is quite obvious",
                                    "another of Putin's strategic miscalculations"])
def test_seed_kolesnikov_quotes_are_his_via_cnbc(seed, phrase):
    text, rows = seed
    row = the_row_holding(text, rows, phrase)
    assert row["speaker"] == "Andrei Kolesnikov" and row["speaker_type"] == "person"
    assert names(row) == ["Newsmax", "CNBC", "Andrei Kolesnikov"]
    assert row["depth"] == 1
    assert "senior fellow" in row["speaker_role"]


def test_seed_zelenskyy_vowed_is_indirect(seed):
    text, rows = seed
    row = the_row_with_cue_at(text, rows, "Zelenskyy vowed", "vowed")
    assert row["kind"] == "indirect"
    assert row["speaker"] == "Volodymyr Zelenskyy" and row["speaker_type"] == "person"
    assert row["content"].startswith("to retake the territory")


def test_seed_scare_quote_annexed_is_not_an_attribution(seed):
    _, rows = seed
    trimmed = [row["content"].strip(" \"“”,.") for row in rows]
    assert "annexed" not in trimmed and "fleeing" not in trimmed


def test_seed_every_attribution_is_found_once(seed):
    _, rows = seed
    assert len({r["attribution_id"] for r in rows}) == len(rows)
    cues = [(r["cue_start"], r["cue_end"]) for r in rows]
    assert len(set(cues)) == len(cues)
    assert all(r["outlet"] == "Newsmax" and r["chain"][0]["name"] == "Newsmax" for r in rows)
