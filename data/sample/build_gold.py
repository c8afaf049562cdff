#!/usr/bin/env python3
"""Build data/sample/gold_attributions.jsonl from hand-written annotations.

The annotations below are written as text snippets (content parts, cue, source), never as
character offsets. One ``A(...)`` entry is one attribution act and becomes one gold row.
This script finds each snippet in the article text, checks that it is found exactly where
the annotator said (paragraph index, unique match or explicit occurrence, cue and source
outside every content part and in the same paragraphs), checks the one-row-per-act rule,
computes offsets, paragraph index, chain and depth, and writes the gold file
deterministically.

Usage (from the project root, standard library only):

    python data/sample/build_gold.py            # rebuild gold_attributions.jsonl
    python data/sample/build_gold.py --review   # also print every row in context

Annotation conventions (see data/README.md for the full datasheet):

* One row per attribution act (as in PolNeAR and the toolkit's extractor). An act may have
  several *parts*, written as a tuple of snippets in text order:
  - a quote interrupted by its cue (``"A," she said, "B."``) is ONE row with parts A, B;
  - a quote with no cue of its own that continues the speaker of the directly preceding
    row (``"A," Kovell said. "B."``, or a cue-less quote opening the next paragraph) is a
    further part of that row, which keeps its cue, source, speaker, chain and parent.
  ``content_parts`` lists the [start, end] offsets of the parts; ``content_start`` is the
  start of the first part, ``content_end`` the end of the last, and ``content`` is
  text[content_start:content_end] (so it includes what lies between the parts, e.g.
  ``," she said, "``). A single-part row has content_parts == [[content_start,
  content_end]]. A multi-part row is ``direct`` if every part is a quote, ``mixed`` if a
  reported clause absorbed a quote. The builder rejects two rows sharing a cue and a
  cue-less row that directly follows a row of the same speaker.
* direct / partial: each part is everything between the quote marks, marks excluded
  (a trailing comma or full stop inside the marks is kept). A multi-paragraph quote is one
  part running from after the first opening mark to before the final closing mark, so it
  contains the paragraph break and the re-opening mark.
* indirect / mixed / according_to: ``content`` is the reported clause without a leading
  "that" and without the sentence-final full stop (unless the full stop sits inside a
  closing quote mark, as in mixed rows, or belongs to an abbreviation such as "p.m.").
* Scare quotes (no speaker), hedges in the outlet's own voice ("reportedly", "appears")
  and speech verbs with only a noun-phrase object ("declined to comment", "denied any
  wrongdoing", "slammed the plan") are not attributions and are not annotated.
* ``chain`` runs from the article's own outlet outwards. The first hop is always
  {"name": outlet, "type": "media", "cue": null}; intermediate hops (``via``) carry the
  expression that introduces them ("told", "reported", "according to", "in an interview
  with", "quoted by", "translated by", ...); the last hop is the speaker with the row's cue.
  ``depth`` = len(chain) - 2 (0 = first-hand; a medium that is itself the speaker has
  depth 0).
"""

from __future__ import annotations

import json
import re
import sys
from itertools import pairwise
from pathlib import Path

HERE = Path(__file__).resolve().parent
ARTICLES = HERE / "articles.jsonl"
OUT = HERE / "gold_attributions.jsonl"

KINDS = {"direct", "indirect", "mixed", "according_to", "partial"}
SPEAKER_TYPES = {"person", "organization", "media", "government", "document", "anonymous", "unknown"}
KEYS = [
    "attribution_id", "doc_id", "outlet", "kind", "content", "content_start", "content_end",
    "content_parts", "cue", "cue_start", "cue_end", "cue_lemma", "source", "source_start", "source_end",
    "speaker", "speaker_type", "chain", "depth", "parent_id", "sentence", "paragraph",
]

LEMMAS = {
    "said": "say", "say": "say", "says": "say", "saying": "say",
    "told": "tell", "telling": "tell", "added": "add",
    "according to": "according to", "found": "find", "show": "show", "shows": "show",
    "believe": "believe", "believed": "believe", "denied": "deny", "described": "describe",
    "reported": "report", "admitted": "admit", "conceded": "concede", "insisted": "insist",
    "claimed": "claim", "confirmed": "confirm", "alleged": "allege", "boasted": "boast",
    "announced": "announce", "promised": "promise", "suggest": "suggest", "fear": "fear",
    "recommended": "recommend", "warned": "warn", "was quoted as saying": "quote",
}

LEDGER = "The Harbor Ledger"
TRIBUNE = "Castellane Tribune"
CH9 = "Channel 9 Riverton"
RADIO = "Radio Meridian"


def A(kind, para, content, cue=None, source=None, *, speaker, stype, via=(), occ=None,
      cue_pick=None, src_pick=None, label=None, parent=None, lemma=None):
    """One attribution act. ``via``: intermediate hops as (name, type, cue) or (name, cue) for media.

    ``content``: the snippet, or a tuple of snippets (the parts of one act, in text order).
    ``para``: paragraph of the first part.
    ``occ``: which occurrence of a part in the whole text (needed only if not unique); an int
    for a single part, else a tuple with one entry (int or None) per part.
    ``cue_pick`` / ``src_pick``: index among the candidate occurrences in the paragraph(s)
    (ordered by position) when the nearest-to-content rule is not the intended one.
    """
    parts = (content,) if isinstance(content, str) else tuple(content)
    occs = occ if isinstance(occ, tuple) else (occ,) * len(parts)
    assert parts and len(occs) == len(parts), content
    hops = []
    for h in via:
        if len(h) == 2:
            hops.append({"name": h[0], "type": "media", "cue": h[1]})
        else:
            hops.append({"name": h[0], "type": h[1], "cue": h[2]})
    return dict(kind=kind, para=para, parts=parts, cue=cue, source=source, speaker=speaker,
                stype=stype, via=hops, occ=occs, cue_pick=cue_pick, src_pick=src_pick,
                label=label, parent=parent, lemma=lemma)


# ---------------------------------------------------------------------------------------
# Annotations: every attribution in each of the chosen articles.
# ---------------------------------------------------------------------------------------
GOLD: dict[str, list[dict]] = {}

# --- The Harbor Ledger: first-hand --------------------------------------------------------
GOLD["harbor-ledger-e01"] = [
    A("indirect", 1, "The gate lifted partway and stuck, and water forced through the opening "
      "tore away a section of the spillway apron", "said", "Ruth Ambler",
      speaker="Ruth Ambler", stype="person"),
    A("direct", 2, ("We asked that gate to open at a quarter to six and it moved about a metre, "
                    "then nothing,",
                    "It would not go up and it would not come down."),
      "said", "Mara Kovell", speaker="Mara Kovell", stype="person"),
    A("according_to", 3, "The river gauge at Lowmarsh rose 2.1 metres in under four hours",
      "according to", "the basin authority", speaker="Calder Basin Authority",
      stype="organization"),
    A("indirect", 4, "Two people were treated for minor injuries", "said", "Ambler",
      speaker="Ruth Ambler", stype="person"),
    A("indirect", 5, "engineers had flagged gate 3 long before Sunday", "told", "Kovell",
      speaker="Mara Kovell", stype="person"),
    A("direct", 5, ("This is not a surprise to anyone who reads our own paperwork,",
                    'The gate has been on a list for three years.\n\n"Every winter we were told '
                    'the money would come next year. This morning we ran out of next years.'),
      "said", "she", speaker="Mara Kovell", stype="person"),
    A("indirect", 7, "the gate's lifting chains were badly corroded and that the whole assembly "
      "should be replaced by the end of 2024", "found", "A 2023 inspection report",
      speaker="2023 inspection report", stype="document"),
    A("indirect", 7, "The replacement, estimated at 6.5 million marks, was deferred twice",
      "show", "budget records", speaker="budget records", stype="document"),
    A("mixed", 8, 'the city would "leave no family without a bed tonight."', "said",
      "Mayor Alda Brennic", speaker="Alda Brennic", stype="person", cue_pick=0),
    A("indirect", 8, "the evacuation order would stay in place until engineers confirmed the "
      "dam was stable", "said", "She", speaker="Alda Brennic", stype="person", cue_pick=1),
    A("direct", 9, ("We will get people home,", "but not one hour before it is safe."),
      "said", "Brennic", speaker="Alda Brennic", stype="person"),
    A("direct", 10, ("I heard the sirens and thought it was a drill,",
                     "Then I saw the water in the street."),
      "said", "he", speaker="Samir Odell", stype="person"),
    A("indirect", 11, "crews had lowered the reservoir by opening the two working gates and "
      "expected to stabilise the level by Tuesday", "said", "Ambler",
      speaker="Ruth Ambler", stype="person"),
    A("direct", 11, ("The structure of the dam itself is sound,",
                     "It is the gate and the channel that failed, and we will have divers and "
                     "engineers on both by tomorrow morning."),
      "added", "she", speaker="Ruth Ambler", stype="person"),
]

GOLD["harbor-ledger-e05"] = [
    A("indirect", 1, "the shells had been fired from the Durnland side of the Tarn River shortly "
      "before 11 p.m.", "said", "The Ministry of Defence", speaker="Ministry of Defence",
      stype="government"),
    A("indirect", 1, "its forces were responsible", "denied", "Durnland's foreign ministry",
      speaker="Durnland Foreign Ministry", stype="government"),
    A("indirect", 2, "His condition was stable", "said", "Dr. Lars Wendt",
      speaker="Lars Wendt", stype="person"),
    A("partial", 3, "the longest of my life.", "described", "She",
      speaker="Mirela Danek", stype="person"),
    A("direct", 4, "We have lived next to that border for three hundred years. We know what a "
      "storm sounds like, and we know what this was.", "said", "Danek",
      speaker="Mirela Danek", stype="person"),
    A("indirect", 6, "the army had recovered fragments that matched 122-millimetre artillery "
      "used by Durnland's army", "said", "Defence Minister Anselm Grieve",
      speaker="Anselm Grieve", stype="person", cue_pick=0),
    A("direct", 6, "We will present the evidence to our neighbours and to anyone else who wants "
      "to see it,", "said", "Grieve", speaker="Anselm Grieve", stype="person", cue_pick=1),
    A("mixed", 7, 'Veskaria had summoned Durnland\'s ambassador and "reserves the right to '
      'respond."', "said", "A statement from the ministry", speaker="Ministry of Defence",
      stype="government"),
    A("indirect", 8, "extra border police would be stationed in the village from Thursday",
      "said", "Vasko", speaker="Teodor Vasko", stype="person"),
    A("indirect", 8, "Families who wished to leave would be offered places in Riverton",
      "added", "he", speaker="Teodor Vasko", stype="person"),
    A("indirect", 9, "its forces had been carrying out scheduled exercises about 20 kilometres "
      "from the border and that no rounds had been fired toward Veskaria", "said",
      "Ilona Varek", speaker="Ilona Varek", stype="person"),
    A("direct", 10, ("The children will come back in September and ask what happened,",
                     "I have no idea what I will tell them."),
      "said", "she", speaker="Hana Lisk", stype="person"),
]

# --- Daily Relay: second-hand ---------------------------------------------------------------
GOLD["daily-relay-e01"] = [
    A("indirect", 0, "The spillway gate that failed at the Upper Calder Dam on Sunday had been "
      "listed for replacement for three years", "told", "Mara Kovell",
      speaker="Mara Kovell", stype="person", via=[(LEDGER, "told")]),
    A("direct", 1, ("Every winter we were told the money would come next year,",
                    "This morning we ran out of next years."),
      "said", "Kovell", speaker="Mara Kovell", stype="person",
      via=[(LEDGER, "in the Ledger article")]),
    A("indirect", 2, "More than 4,200 people were evacuated from the Lowmarsh district after the "
      "gate jammed and part of the spillway's concrete apron collapsed", "reported",
      "Channel 9 Riverton", speaker=CH9, stype="media"),
    A("indirect", 3, "the dam wall itself was sound", "told", "Ruth Ambler",
      speaker="Ruth Ambler", stype="person", via=[(RADIO, "told")]),
    A("direct", 3, "We have lowered the reservoir by almost a metre since Sunday afternoon,",
      "said", "she", speaker="Ruth Ambler", stype="person", via=[(RADIO, "in the interview")]),
    A("indirect", 4, "the evacuation order would remain until engineers declared the dam stable",
      "said", "she", speaker="Alda Brennic", stype="person", via=[(CH9, "According to")]),
    A("direct", 5, "We will get people home, but not one hour before it is safe,", "said",
      "Brennic", speaker="Alda Brennic", stype="person"),
    A("indirect", 6, "A 2023 inspection report had recommended replacing the gate's lifting "
      "assembly by the end of 2024", "reported", "the Castellane Tribune",
      speaker=TRIBUNE, stype="media", label="tribune"),
    A("indirect", 6, "replacing the gate's lifting assembly by the end of 2024", "recommended",
      "A 2023 inspection report", speaker="2023 inspection report", stype="document",
      via=[(TRIBUNE, "reported")], parent="tribune"),
    A("indirect", 7, "he had first assumed the sirens were a drill", "told", "Samir Odell",
      speaker="Samir Odell", stype="person", via=[(LEDGER, "told")]),
    A("direct", 7, "Then I saw the water in the street,", "was quoted as saying", "he",
      speaker="Samir Odell", stype="person", via=[(LEDGER, "was quoted as saying")]),
    A("mixed", 8, 'repairs could take "several weeks, perhaps longer."', "said", "Kovell",
      speaker="Mara Kovell", stype="person", via=[(CH9, "in the same broadcast")]),
    A("indirect", 9, "the reservoir level was falling and that it expected to reopen Lowmarsh "
      "streets in stages from Wednesday", "said", "The Calder Basin Authority",
      speaker="Calder Basin Authority", stype="organization"),
]

GOLD["daily-relay-e05"] = [
    A("according_to", 0, "Durnland's military has denied firing the artillery shells that struck "
      "the Veskarian border village of Tallow Ford late on Tuesday, wounding a farmer and "
      "damaging a school", "according to", "Radio Meridian", speaker=RADIO, stype="media",
      label="radio"),
    A("indirect", 0, "firing the artillery shells that struck the Veskarian border village of "
      "Tallow Ford late on Tuesday, wounding a farmer and damaging a school", "denied",
      "Durnland's military", speaker="Durnland military", stype="government",
      via=[(RADIO, "according to")], parent="radio"),
    A("direct", 1, "Not a single round was fired toward Veskaria. Our units were exercising "
      "twenty kilometres from the border,", "told", "Colonel Arvid Messen",
      speaker="Arvid Messen", stype="person",
      via=[(RADIO, "translated by"), ("DTV", "told")]),
    A("direct", 2, "We invite Veskaria to show its so-called evidence,", "added", "he",
      speaker="Arvid Messen", stype="person",
      via=[(RADIO, "translated by"), ("DTV", "told")]),
    A("indirect", 3, "fragments recovered from the village matched 122-millimetre artillery "
      "used by Durnland's army", "said", "Defence Minister Anselm Grieve",
      speaker="Anselm Grieve", stype="person", via=[(CH9, "reported")]),
    A("indirect", 4, "Four shells fell on and around Tallow Ford shortly before 11 p.m.",
      "reported", "the Harbor Ledger", speaker=LEDGER, stype="media"),
    A("direct", 5, "We know what a storm sounds like, and we know what this was,", "told",
      "Mirela Danek", speaker="Mirela Danek", stype="person", via=[(LEDGER, "told")]),
    A("mixed", 6, 'Veskaria had summoned Durnland\'s ambassador and "reserves the right to '
      'respond."', "said", "A Defence Ministry statement", speaker="Ministry of Defence",
      stype="government", via=[(TRIBUNE, "quoted by")]),
    A("indirect", 7, "extra border police would be deployed", "said",
      "Interior Minister Teodor Vasko", speaker="Teodor Vasko", stype="person",
      via=[(RADIO, "in an interview with")]),
    A("indirect", 7, "they had heard the whistle of incoming shells moments before each blast",
      "told", "Residents", speaker="residents", stype="anonymous", via=[(RADIO, "told")]),
    A("indirect", 8, "her brother had been trying to reach the cellar beneath the farmhouse when "
      "the second shell landed", "told", "Jana Rask", speaker="Jana Rask", stype="person",
      via=[(CH9, "told")]),
    A("direct", 9, "The children will come back in September and ask what happened.", "told",
      "Hana Lisk", speaker="Hana Lisk", stype="person", via=[(LEDGER, "told")]),
    A("according_to", 10, "Durnland's ambassador was expected at the foreign ministry in "
      "Castellane on Thursday", "according to", "officials", speaker="officials",
      stype="anonymous", via=[(CH9, "quoted by")]),
]

# --- The Capital Whisper: anonymous sources (curly quotes and apostrophes) ------------------
GOLD["capital-whisper-e01"] = [
    A("indirect", 0, "Engineers at the Calder Basin Authority had warned for years that the "
      "spillway gate which jammed at the Upper Calder Dam on Sunday was close to failure",
      "said", "officials", speaker="officials", stype="anonymous", label="officials"),
    A("indirect", 0, "the spillway gate which jammed at the Upper Calder Dam on Sunday was close "
      "to failure", "warned", "Engineers at the Calder Basin Authority",
      speaker="engineers at the Calder Basin Authority", stype="anonymous",
      via=[("officials", "anonymous", "said")], parent="officials"),
    A("mixed", 2, "the replacement had been “pushed to the bottom of the pile” twice since 2023",
      "said", "A senior official at the authority", speaker="a senior official at the authority",
      stype="anonymous"),
    A("direct", 3, ("Everyone in the building knew about gate 3,",
                    "It was a running joke. Nobody is laughing now."),
      "said", "the official", speaker="a senior official at the authority", stype="anonymous"),
    A("according_to", 4, "the 2023 inspection flagged corrosion on the gate’s lifting chains",
      "According to", "people briefed on the authority’s internal review",
      speaker="people briefed on the authority's internal review", stype="anonymous"),
    A("mixed", 5, "the gate had been “on a list for three years.”", "said", "Mara Kovell",
      speaker="Mara Kovell", stype="person"),
    A("indirect", 6, "the evacuation was chaotic, with some families told to leave by police "
      "only after water had reached their doorsteps", "said", "Lowmarsh residents",
      speaker="Lowmarsh residents", stype="anonymous", cue_pick=0),
    A("indirect", 6, "he had waded out carrying his granddaughter", "said", "One man",
      speaker="one man who asked not to be named", stype="anonymous", cue_pick=1),
    A("indirect", 7, "the authority’s board, most of whose members are appointed by the "
      "provincial government, has allowed maintenance to slide while approving new office "
      "space in Castellane", "say", "Critics", speaker="critics", stype="anonymous"),
    A("indirect", 8, "the dam itself was not at risk", "told", "Ruth Ambler",
      speaker="Ruth Ambler", stype="person"),
    A("direct", 8, "The structure is sound,", "said", "she", speaker="Ruth Ambler",
      stype="person"),
    A("indirect", 8, "the inquiry ordered by Mayor Alda Brennic is likely to focus on Ambler’s "
      "own budget decisions", "believe", "Insiders", speaker="insiders", stype="anonymous"),
    A("mixed", 9, "the evacuation order would stay in place “until engineers are satisfied.”",
      "said", "Brennic’s office", speaker="Office of the Mayor of Riverton",
      stype="government"),
]

GOLD["capital-whisper-e03"] = [
    A("according_to", 0, "Anti-corruption investigators who searched Riverton City Hall on "
      "Monday are examining emails from at least three members of Mayor Alda Brennic’s "
      "personal staff", "according to", "a person familiar with the investigation",
      speaker="a person familiar with the investigation", stype="anonymous"),
    A("indirect", 2, "Investigators believe a bidder may have seen confidential scoring criteria "
      "before the tender closed", "said", "the person",
      speaker="a person familiar with the investigation", stype="anonymous", label="person"),
    A("indirect", 2, "a bidder may have seen confidential scoring criteria before the tender "
      "closed", "believe", "Investigators", speaker="investigators", stype="anonymous",
      via=[("a person familiar with the investigation", "anonymous", "said")],
      parent="person"),
    A("indirect", 3, "the mayor was not a suspect", "told", "Nadia Ostrova",
      speaker="Nadia Ostrova", stype="person"),
    A("indirect", 3, "Brennic’s own calendar for last summer had been requested", "said",
      "two officials briefed on the case", speaker="two officials briefed on the case",
      stype="anonymous"),
    A("partial", 3, "unusual for someone who is supposedly not a person of interest.",
      "described", "one", speaker="two officials briefed on the case", stype="anonymous",
      src_pick=-1),
    A("direct", 4, ("Nobody requests a mayor’s calendar to admire her handwriting,",
                    "They want to know who she met and when."),
      "said", "a senior official", speaker="a senior official", stype="anonymous"),
    A("mixed", 5, "the mayor would cooperate “fully and quickly.”", "said", "Edmund Carrow",
      speaker="Edmund Carrow", stype="person"),
    A("indirect", 6, "the inquiry could paralyse City Hall for months", "fear",
      "Some council members", speaker="some council members", stype="anonymous"),
    A("indirect", 6, "the tender for Old Quay was rushed through in the weeks before the "
      "council’s summer recess, when few members were paying attention", "say", "Critics",
      speaker="critics", stype="anonymous"),
    A("indirect", 7, "Brennic’s approval rating had already slipped below 40 percent after the "
      "Upper Calder Dam failure in March", "show", "Polls", speaker="polls", stype="document"),
    A("indirect", 8, "the mayor should step aside", "said", "Opposition leader Dorian Fesk",
      speaker="Dorian Fesk", stype="person", cue_pick=0),
    A("indirect", 8, "Fesk’s party has been leaking details of the tender to the press",
      "suggest", "Allies of the mayor", speaker="allies of the mayor", stype="anonymous"),
    A("direct", 8, "He has been waiting for this for two years,", "said", "one of them",
      speaker="allies of the mayor", stype="anonymous", cue_pick=-1),
    A("indirect", 9, "it had won the contract fairly", "said", "Solenne Construction",
      speaker="Solenne Construction", stype="organization"),
]

# --- The Patriot Beacon: loaded terms ------------------------------------------------------
GOLD["patriot-beacon-e01"] = [
    A("indirect", 2, "the city had known about the problem", "admitted", "Mara Kovell",
      speaker="Mara Kovell", stype="person"),
    A("direct", 2, "This morning we ran out of next years,", "conceded", "she",
      speaker="Mara Kovell", stype="person"),
    A("indirect", 3, "the evacuation was going smoothly", "insisted", "Brennic",
      speaker="Alda Brennic", stype="person", src_pick=-1),
    A("direct", 4, ("Our crews are doing extraordinary work,", "and every family has a roof tonight."),
      "claimed", "she", speaker="Alda Brennic", stype="person"),
    A("indirect", 5, "police banged on doors only after water had reached their steps", "saying",
      "Residents on Weir Street", speaker="residents on Weir Street", stype="anonymous"),
    A("indirect", 6, "the basin authority has been run for years as a cosy retirement home for "
      "political appointees", "say", "Critics", speaker="critics", stype="anonymous"),
    A("indirect", 6, "the mayor's office knew all about gate 3 long before Sunday", "say",
      "Insiders at City Hall", speaker="insiders at City Hall", stype="anonymous"),
    A("direct", 7, ("These people had three years and a report on their desks,",
                    "They chose glossy offices in Castellane over the safety of Riverton families."),
      "said", "he", speaker="Dorian Fesk", stype="person"),
    A("mixed", 8, 'the dam wall itself was "sound."', "insisted", "Ruth Ambler",
      speaker="Ruth Ambler", stype="person"),
    A("according_to", 10, 'Brennic\'s "emergency" declaration came at 9:15 a.m., more than three '
      "hours after the gate failed", "according to", "the city's own timeline",
      speaker="city timeline", stype="document"),
]

GOLD["patriot-beacon-e06"] = [
    A("indirect", 1, "Three officers and nine protesters were injured", "confirmed",
      "Inspector Hanna Vold", speaker="Hanna Vold", stype="person"),
    A("indirect", 2, "8,000 people took part", "claimed", "Organisers", speaker="organisers",
      stype="anonymous"),
    A("partial", 3, "winter of disruption,", "promised", "union",
      speaker="Riverton Student Union", stype="organization", src_pick=-1),
    A("indirect", 3, "the trouble was the fault of police", "insisted", "Tomas Reyl",
      speaker="Tomas Reyl", stype="person"),
    A("mixed", 3, "officers had closed the bridge “without any warning.”", "alleged", "He",
      speaker="Tomas Reyl", stype="person"),
    A("mixed", 4, "the march was “only the beginning.”", "boasted", "Reyl",
      speaker="Tomas Reyl", stype="person"),
    A("indirect", 5, "she understood the anger", "conceded", "Evelin Saar",
      speaker="Evelin Saar", stype="person"),
    A("mixed", 5, "the university had “no good options” after the province froze its grant for "
      "a third year", "admitted", "She", speaker="Evelin Saar", stype="person"),
    A("direct", 6, ("I would love to tell these students that the fee will stay where it is,",
                    "I cannot do that without cutting courses."),
      "said", "Saar", speaker="Evelin Saar", stype="person"),
    A("indirect", 7, "students from households earning less than the national median will be "
      "exempt from the increase, and that the hardship fund will nearly triple to 3 million "
      "marks", "announced", "Saar", speaker="Evelin Saar", stype="person"),
    A("indirect", 8, "the university has poured millions into glossy new buildings while pleading "
      "poverty", "say", "Critics", speaker="critics", stype="anonymous"),
    A("indirect", 8, "the real lesson of Monday is that the rector has lost control of her own "
      "campus", "believe", "Many taxpayers", speaker="many taxpayers", stype="anonymous"),
    A("indirect", 9, "the bridge closure had been agreed with organisers a week earlier", "said",
      "Inspector Vold", speaker="Hanna Vold", stype="person"),
]


# ---------------------------------------------------------------------------------------
# Builder
# ---------------------------------------------------------------------------------------
def occurrences(text: str, needle: str, lo: int = 0, hi: int | None = None) -> list[int]:
    """Start offsets of ``needle`` in text[lo:hi], whole-word at alphanumeric edges."""
    hi = len(text) if hi is None else hi
    pat = re.escape(needle)
    if needle[:1].isalnum():
        pat = r"(?<!\w)" + pat
    if needle[-1:].isalnum():
        pat = pat + r"(?!\w)"
    return [m.start() for m in re.finditer(pat, text[lo:hi])]


def paragraph_bounds(text: str) -> list[tuple[int, int]]:
    bounds, start = [], 0
    for part in text.split("\n\n"):
        bounds.append((start, start + len(part)))
        start += len(part) + 2
    return bounds


OPENING_MARKS, CLOSING_MARKS = "\"“«‘'", "\"”»’'"


def is_quoted(text: str, s: int, e: int) -> bool:
    """text[s:e] sits directly between an opening and a closing quote mark."""
    return s > 0 and e < len(text) and text[s - 1] in OPENING_MARKS and text[e] in CLOSING_MARKS


def locate_near(text, needle, parts, para_bounds, pick, what, doc_id):
    """Find ``needle`` in the paragraph(s) of ``parts``, outside every part, nearest to one."""
    lo, hi = para_bounds
    cands = [lo + s for s in occurrences(text, needle, lo, hi)]
    cands = [s for s in cands if all(s + len(needle) <= ps or s >= pe for ps, pe in parts)]
    if not cands:
        raise AssertionError(f"{doc_id}: {what} {needle!r} not found near content")
    if pick is not None:
        s = cands[pick]
    else:
        def dist(s):
            return min(ps - (s + len(needle)) if s < ps else s - pe for ps, pe in parts)
        best = min(dist(s) for s in cands)
        nearest = [s for s in cands if dist(s) == best]
        if len(nearest) != 1:
            raise AssertionError(f"{doc_id}: {what} {needle!r} ambiguous, give a pick")
        s = nearest[0]
    return s, s + len(needle)


def locate_parts(text, ann, doc_id) -> list[tuple[int, int]]:
    """Offsets of the content parts of one act: each found uniquely (or at its ``occ``), in
    text order, non-overlapping, each starting in the paragraph where the previous one ends
    or in the next one."""
    spans = []
    for snippet, occ in zip(ann["parts"], ann["occ"]):
        hits = occurrences(text, snippet)
        if occ is None:
            assert len(hits) == 1, f"{doc_id}: content found {len(hits)}x: {snippet!r}"
            s = hits[0]
        else:
            s = hits[occ]
        if spans:
            prev_e = spans[-1][1]
            assert s >= prev_e, f"{doc_id}: parts out of order at {snippet[:30]!r}"
            gap = text.count("\n\n", 0, s) - text.count("\n\n", 0, prev_e)
            assert gap <= 1, f"{doc_id}: part {snippet[:30]!r} is {gap} paragraphs away"
        spans.append((s, s + len(snippet)))
    return spans


def check_one_row_per_act(doc_id: str, text: str, built: list[dict]) -> None:
    """Reject annotations that split one attribution act over several rows (rows in text order)."""
    cues = [(r["cue_start"], r["cue_end"]) for r in built if r["cue"] is not None]
    assert len(cues) == len(set(cues)), f"{doc_id}: rows share a cue: make them one act with parts"
    for prev, r in pairwise(built):
        if (r["cue"] is None and r["speaker"] == prev["speaker"]
                and r["paragraph"] - text.count("\n\n", 0, prev["content_end"]) <= 1):
            raise AssertionError(f"{doc_id}: cue-less {r['content'][:30]!r} continues "
                                 f"{prev['speaker']}: make it a part of the preceding act")


def build(review: bool = False) -> list[dict]:
    articles = [json.loads(line) for line in ARTICLES.read_text(encoding="utf-8").splitlines()
                if line.strip()]
    by_id = {a["doc_id"]: a for a in articles}
    order = [a["doc_id"] for a in articles]
    rows_out: list[dict] = []
    for doc_id in sorted(GOLD, key=order.index):
        art = by_id[doc_id]
        text, outlet = art["text"], art["outlet"]
        pb = paragraph_bounds(text)
        built = []
        for ann in GOLD[doc_id]:
            assert ann["kind"] in KINDS, ann
            assert ann["stype"] in SPEAKER_TYPES, ann
            parts = locate_parts(text, ann, doc_id)
            cs, ce = parts[0][0], parts[-1][1]
            para = text.count("\n\n", 0, cs)
            assert para == ann["para"], f"{doc_id}: {ann['parts'][0][:40]!r} in paragraph {para}"
            last_para = text.count("\n\n", 0, ce)
            region = (pb[para][0], pb[last_para][1])
            quoted = [is_quoted(text, s, e) for s, e in parts]
            if ann["kind"] in ("direct", "partial"):
                assert all(quoted), f"{doc_id}: a part of {ann['parts'][0][:30]!r} is not in quote marks"
            if len(parts) > 1:
                want = "direct" if all(quoted) else "mixed"
                assert ann["kind"] == want, f"{doc_id}: multi-part {ann['parts'][0][:30]!r} is {want}"
            cue = cue_s = cue_e = lemma = None
            if ann["cue"] is not None:
                cue_s, cue_e = locate_near(text, ann["cue"], parts, region, ann["cue_pick"],
                                           "cue", doc_id)
                cue = text[cue_s:cue_e]
                lemma = ann["lemma"] or LEMMAS[cue.lower()]
            src = src_s = src_e = None
            if ann["source"] is not None:
                src_s, src_e = locate_near(text, ann["source"], parts, region, ann["src_pick"],
                                           "source", doc_id)
                src = text[src_s:src_e]
            chain = [{"name": outlet, "type": "media", "cue": None}]
            chain += [dict(h) for h in ann["via"]]
            chain.append({"name": ann["speaker"], "type": ann["stype"], "cue": cue})
            built.append({
                "_label": ann["label"], "_parent": ann["parent"],
                "doc_id": doc_id, "outlet": outlet, "kind": ann["kind"],
                "content": text[cs:ce], "content_start": cs, "content_end": ce,
                "content_parts": [[s, e] for s, e in parts],
                "cue": cue, "cue_start": cue_s, "cue_end": cue_e, "cue_lemma": lemma,
                "source": src, "source_start": src_s, "source_end": src_e,
                "speaker": ann["speaker"], "speaker_type": ann["stype"],
                "chain": chain, "depth": len(chain) - 2,
                "sentence": None, "paragraph": para,
            })
        built.sort(key=lambda r: (r["content_start"], -r["content_end"]))
        check_one_row_per_act(doc_id, text, built)
        labels = {}
        for i, r in enumerate(built, 1):
            r["attribution_id"] = f"{doc_id}-a{i:02d}"
            if r["_label"]:
                labels[r["_label"]] = r["attribution_id"]
        for r in built:
            r["parent_id"] = labels[r["_parent"]] if r["_parent"] else None
            if r["parent_id"]:
                parent = next(p for p in built if p["attribution_id"] == r["parent_id"])
                assert any(ps <= r["content_start"] < r["content_end"] <= pe
                           for ps, pe in parent["content_parts"]), r["attribution_id"]
            rows_out.append({k: r[k] for k in KEYS})
            if review:
                s, e = r["content_start"], r["content_end"]
                marked = text[s:e]
                for ps, pe in reversed(r["content_parts"]):
                    marked = (marked[:ps - s] + "[[" + marked[ps - s:pe - s] + "]]"
                              + marked[pe - s:])
                ctx = text[max(0, s - 70):s] + marked + text[e:e + 60]
                print(f"{r['attribution_id']} {r['kind']:<12} cue={r['cue']!r} src={r['source']!r} "
                      f"-> {r['speaker']} ({r['speaker_type']}) depth={r['depth']}")
                print("    " + ctx.replace("\n", "\\n"))
    # final self-check
    for r in rows_out:
        t = by_id[r["doc_id"]]["text"]
        assert t[r["content_start"]:r["content_end"]] == r["content"]
        parts = r["content_parts"]
        assert parts[0][0] == r["content_start"] and parts[-1][1] == r["content_end"]
        assert all(s < e for s, e in parts)
        assert all(a[1] <= b[0] for a, b in pairwise(parts))
        for k in ("cue", "source"):
            if r[k] is not None:
                assert t[r[k + "_start"]:r[k + "_end"]] == r[k]
                assert all(r[k + "_end"] <= s or r[k + "_start"] >= e for s, e in parts)
        assert r["chain"][0] == {"name": r["outlet"], "type": "media", "cue": None}
        assert r["chain"][-1]["name"] == r["speaker"] and r["depth"] == len(r["chain"]) - 2
        assert r["paragraph"] == t.count("\n\n", 0, r["content_start"])
    return rows_out


def main(argv: list[str]) -> int:
    rows = build(review="--review" in argv)
    with OUT.open("w", encoding="utf-8", newline="\n") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    per_doc: dict[str, int] = {}
    for r in rows:
        per_doc[r["doc_id"]] = per_doc.get(r["doc_id"], 0) + 1
    print(f"wrote {len(rows)} rows for {len(per_doc)} articles to {OUT}")
    for d, n in per_doc.items():
        print(f"  {d}: {n}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
