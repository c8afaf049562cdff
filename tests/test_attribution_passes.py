"""The attribution passes one by one, on one ArticleIndex each, and the list they form.

Every text is invented for these tests (fictional people, places and outlets).
"""

from __future__ import annotations

import pytest

from toolkit.attribution import extract
from toolkit.attribution.cues import cue_lexicon, unlisted_cue, verb_cue
from toolkit.attribution.index import ArticleIndex, Found
from toolkit.attribution.learned import CueModel
from toolkit.attribution.passes import (
    PASSES,
    according_to,
    embedded_cues,
    labelled_quotes,
    nesting,
    quotations,
    quote_boundaries,
    relays,
    reported_speech,
    resolve_speakers,
    speaker_lines,
)


def indexed(nlp, text: str, *passes, outlet: str | None = None) -> ArticleIndex:
    """The index of an invented article after running ``passes`` in order (rules only)."""
    index = ArticleIndex(nlp(text), outlet=outlet, doc_id="d")
    for run in passes:
        run(index)
    return index


def spans(index: ArticleIndex, row: Found) -> tuple[str, str | None]:
    content = " | ".join(index.text[s:e] for s, e in row.content)
    source = index.text[slice(*row.source_chars)] if row.source_chars else None
    return content, source


# --- the list ---------------------------------------------------------------------------
def test_find_runs_every_pass_of_the_list_in_order(nlp, monkeypatch):
    seen = []
    monkeypatch.setattr(extract, "PASSES", tuple(
        (lambda index, run=run: (seen.append(run.__module__), run(index))[1]) for run in PASSES))
    extract.find(ArticleIndex(nlp("Officials said the pier was closed.")))
    assert [m.rsplit(".", 1)[1] for m in seen] == [
        "according_to", "labelled_quotes", "reported_speech", "embedded_cues",
        "speaker_lines", "quotations", "quote_boundaries", "nesting", "resolve_speakers",
        "relays"]


def test_a_pass_added_to_the_list_adds_its_rows(nlp, monkeypatch):
    def headline_pass(index: ArticleIndex) -> None:
        index.add(Found("indirect", [(0, 4)]))

    monkeypatch.setattr(extract, "PASSES", (*extract.PASSES, headline_pass))
    rows = extract.attributions_of(nlp("Pier shut. Officials said it was unsafe."),
                                   cue_model=None)
    assert [r["content"] for r in rows] == ["Pier", "it was unsafe"]


def test_rows_found_at_words_keep_word_order_whichever_pass_found_them():
    index = ArticleIndex.__new__(ArticleIndex)
    index.rows = []
    late, early, loose, middle = (Found("indirect", [(0, 1)], at=9),
                                  Found("indirect", [(0, 1)], at=2),
                                  Found("direct", [(0, 1)]),
                                  Found("indirect", [(0, 1)], at=5))
    for row in (late, early, loose, middle):
        index.add(row)
    assert index.rows == [early, middle, late, loose]


# --- cue-word passes --------------------------------------------------------------------
def test_according_to_pass_gives_source_and_the_clause_around(nlp):
    index = indexed(nlp, "According to the port authority, the ferry will not sail.",
                    according_to.run)
    [row] = index.rows
    assert row.kind == "according_to" and row.cue.lemma == "according to"
    assert spans(index, row) == ("the ferry will not sail", "the port authority")


def test_according_to_pass_finds_nothing_when_the_lexicon_drops_the_phrase(nlp):
    index = ArticleIndex(nlp("According to the port authority, the ferry will not sail."))
    index.cues = {k: v for k, v in index.cues.items() if k != "according to"}
    according_to.run(index)
    assert index.rows == []


def test_labelled_quotes_pass_claims_its_verb_so_reported_speech_skips_it(nlp):
    index = indexed(nlp, 'The council described the repairs as "reckless" and costly.',
                    labelled_quotes.run, reported_speech.run)
    assert [(r.kind, spans(index, r)[0]) for r in index.rows] == [("partial", "reckless")]
    assert index.claimed == {index.rows[0].cue_token.i}


def test_reported_speech_pass_keeps_bare_speech_verbs_for_the_quotations(nlp):
    index = indexed(nlp, '"The gate held." Oskar Lind said so.', reported_speech.run)
    assert index.rows == [] and [t.text for t in index.bare] == ["said"]


def test_reported_speech_pass_makes_indirect_and_direct_rows(nlp):
    index = indexed(nlp, 'Officials warned that the dam could fail. Lind said "it will hold."',
                    reported_speech.run)
    assert [(r.kind, spans(index, r)) for r in index.rows] == [
        ("indirect", ("that the dam could fail", "Officials")),
        ("direct", ("it will hold.", "Lind"))]


def test_a_finding_with_a_clause_and_a_source_is_kept_on_the_reports_column(nlp):
    index = indexed(nlp, "The survey showed that most residents opposed the toll.",
                    reported_speech.run)
    [row] = index.rows
    assert row.cue.lemma == "show" and row.cue.reports and not row.cue.speech


@pytest.mark.parametrize(("reports", "rows"), [(True, 1), (False, 0)])
def test_reports_column_not_class_names_decides_which_cues_skip_the_model(nlp, reports, rows):
    rejects_all = CueModel({"bias": -30.0}, 0.5, {})
    index = ArticleIndex(nlp("The survey showed that most residents opposed the toll."),
                         cue_model=rejects_all)
    show = index.cues["show"]
    index.cues = {**index.cues, "show": type(show)(show.lemma, "result", False, reports)}
    reported_speech.run(index)
    assert len(index.rows) == rows


def test_embedded_cues_pass_drops_a_subjectless_cue_inside_content(nlp):
    index = indexed(nlp, "The mayor vowed to rebuild the pier and warn the fleet.",
                    reported_speech.run)
    assert len(index.rows) == 2
    embedded_cues.run(index)
    assert [r.cue_token.text for r in index.rows] == ["vowed"]


def test_speaker_lines_pass_attributes_a_name_and_colon_line(nlp):
    index = indexed(nlp, "Alda Brennic: We will rebuild the pier soon.", speaker_lines.run)
    [row] = index.rows
    assert spans(index, row) == ("We will rebuild the pier soon.", "Alda Brennic")
    assert row.cue.lemma == ":" and row.cue.speech


@pytest.mark.parametrize("label", ["UPDATE", "Read more"])
def test_speaker_lines_pass_skips_labels(nlp, label):
    index = indexed(nlp, f"{label}: the pier reopened on Monday morning.", speaker_lines.run)
    assert index.rows == []


# --- quotation passes -------------------------------------------------------------------
def test_quotations_pass_joins_the_halves_of_a_split_quote(nlp):
    index = indexed(nlp, '"The gate held," Oskar Lind said, "and it will hold again."',
                    reported_speech.run, quotations.run)
    [row] = index.rows
    assert row.kind == "direct" and len(row.content) == 2


def test_quotations_pass_turns_reported_speech_holding_a_quote_mixed(nlp):
    index = indexed(nlp, 'Lind said the repairs were "far from finished and badly late."',
                    reported_speech.run, quotations.run)
    assert [r.kind for r in index.rows] == ["mixed"]


def test_quotations_pass_continues_the_previous_speaker(nlp):
    text = ('"The gate held," Oskar Lind said.\n\n'
            '"We checked every bolt on the structure twice this week."')
    index = indexed(nlp, text, reported_speech.run, quotations.run)
    [row] = index.rows
    assert len(row.quotes) == 2


def test_quotations_pass_leaves_scare_quotes_alone(nlp):
    index = indexed(nlp, 'The so-called "repairs" cost the town dearly.',
                    reported_speech.run, quotations.run)
    assert index.rows == []


def test_quote_boundaries_pass_moves_a_source_out_of_the_quote(nlp):
    index = indexed(nlp, '"Or the pier," Kovell said.', reported_speech.run,
                    quotations.run)
    index.rows[0].source_token = index.doc[3]  # as if the parser took "pier"
    index.rows[0].source_chars = (index.doc[3].idx, index.doc[3].idx + 4)
    quote_boundaries.run(index)
    assert spans(index, index.rows[0])[1] == "Kovell"


def test_nesting_pass_links_speech_inside_a_quote_to_its_row(nlp):
    index = indexed(nlp, '"The engineers told us the gate would hold," Kovell said.',
                    reported_speech.run, quotations.run, nesting.run)
    inner, outer = index.rows
    assert inner.parent is outer and outer.parent is None


# --- speakers and relays ----------------------------------------------------------------
def test_resolve_speakers_pass_resolves_in_reading_order(nlp):
    index = indexed(nlp, "Mara Kovell said the pier was safe. She said it would reopen.",
                    reported_speech.run, resolve_speakers.run)
    assert [(r.speaker.name, r.speaker.type) for r in index.rows] == [
        ("Mara Kovell", "person"), ("Mara Kovell", "person")]


def test_relays_pass_names_the_medium_and_carries_it_to_the_speakers_next_row(nlp):
    index = indexed(nlp, "Mara Kovell told Channel 9 the pier was safe. "
                    "Kovell said it would reopen.",
                    reported_speech.run, resolve_speakers.run, relays.run)
    assert [[h["name"] for h in r.hops] for r in index.rows] == [["Channel 9"], ["Channel 9"]]


# --- the cue lexicon --------------------------------------------------------------------
def test_a_class_added_to_the_lexicon_counts_as_speech_by_its_speech_column(
        nlp, tmp_path, monkeypatch):
    rows = cue_lexicon().values()
    lines = ["cue\tpos\tcue_class\tspeech\treports"]
    lines += [f"{c.lemma}\tVERB\t{c.cue_class}\t{'yes' if c.speech else 'no'}\t"
              f"{'yes' if c.reports else 'no'}" for c in rows if c.lemma != "holler"]
    lines.append("holler\tVERB\tshouted\tyes\tyes")
    (tmp_path / "attribution_cues.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    monkeypatch.setenv("TOOLKIT_LEXICON_DIR", str(tmp_path))
    rows = extract.attributions_of(nlp("The skipper hollered that the storm was near."),
                                   cue_model=None)
    assert [(r["cue_lemma"], r["cue_class"], r["speech"]) for r in rows] == [
        ("holler", "shouted", True)]


def test_verb_cue_reads_a_lexicon_already_loaded(nlp):
    doc = nlp("The mayor claimed the dam was safe.")
    cues = cue_lexicon()
    assert verb_cue(doc[2], lexicon=cues) is cues["claim"]


def test_an_unlisted_cue_is_not_speech():
    cue = unlisted_cue("back")
    assert (cue.lemma, cue.speech, cue.reports) == ("back", False, False)
