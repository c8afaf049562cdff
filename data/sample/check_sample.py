#!/usr/bin/env python3
"""Check the bundled sample corpus and its gold attributions; print the answer-key numbers.

Standard library only. Run from the project root:

    python data/sample/check_sample.py

Exits non-zero if an invariant fails. The lexical counts printed at the end are crude
regex counts meant as a sanity check of the designed outlet differences, not an analysis.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import sys
from collections import Counter, defaultdict
from itertools import pairwise
from pathlib import Path

HERE = Path(__file__).resolve().parent
ARTICLES = HERE / "articles.jsonl"
GOLD = HERE / "gold_attributions.jsonl"

ARTICLE_KEYS = {"doc_id", "outlet", "published", "title", "url", "text", "story"}
GOLD_KEYS = {
    "attribution_id", "doc_id", "outlet", "kind", "content", "content_start", "content_end",
    "content_parts", "cue", "cue_start", "cue_end", "cue_lemma", "source", "source_start", "source_end",
    "speaker", "speaker_type", "chain", "depth", "parent_id", "sentence", "paragraph",
}
FIRST_HAND, RELAY, ANON, LOADED = (
    "The Harbor Ledger", "Daily Relay", "The Capital Whisper", "The Patriot Beacon")
LOADED_LEMMAS = {"claim", "admit", "insist", "concede", "allege", "boast"}
OPENING_MARKS, CLOSING_MARKS = "\"“«‘'", "\"”»’'"

# Scare quotes: 1-4 words in quote marks in the narrator's voice, no speaker. Only the
# loaded-terms outlet uses them (titles not counted). Quoted words attributed to someone
# ("visit of solidarity" after "what aides called", "weak and confused" after "Fesk
# slammed") and "so-called evidence" inside a speaker's own quote are not scare quotes.
SCARE_QUOTES = {
    "patriot-beacon-e01": ["priorities", "modern", "orderly evacuation", "review", "emergency"],
    "patriot-beacon-e02": ["fair pay", "mediator", "modernisation", "temporary"],
    "patriot-beacon-e03": ["leave", "transparent", "regeneration"],
    "patriot-beacon-e04": ["resilient", "scheduled", "cooling centres"],
    "patriot-beacon-e05": ["measured", "evidence", "good neighbour"],
    "patriot-beacon-e06": ["peaceful", "student movement", "grassroots"],
    "patriot-beacon-e07": ["emergency alert", "smart city", "lessons learned"],
    "patriot-beacon-e08": ["relief", "experts", "prudent"],
}

# Quotes first published by the first-hand outlet and carried by later articles.
# (speaker, ledger doc, wording in the Ledger, [(carrier doc, wording there, credited?, how)])
TRAVELS = [
    ("Mara Kovell", "harbor-ledger-e01",
     "Every winter we were told the money would come next year. This morning we ran out of next years.",
     [("daily-relay-e01", "Every winter we were told the money would come next year,", True, "verbatim"),
      ("daily-relay-e01", "This morning we ran out of next years.", True, "verbatim"),
      ("patriot-beacon-e01", "This morning we ran out of next years,", False, "truncated")]),
    ("Mara Kovell", "harbor-ledger-e01", "The gate has been on a list for three years.",
     [("capital-whisper-e01", "on a list for three years.", False, "partial quote")]),
    ("Alda Brennic", "harbor-ledger-e01", "but not one hour before it is safe.",
     [("daily-relay-e01", "We will get people home, but not one hour before it is safe,", False,
       "edited: split quote merged into one")]),
    ("Samir Odell", "harbor-ledger-e01", "Then I saw the water in the street.",
     [("daily-relay-e01", "Then I saw the water in the street,", True, "verbatim")]),
    ("Jonas Petrak", "harbor-ledger-e02",
     "We did not want this strike. The city wanted it, and now the city has it,",
     [("daily-relay-e02", "We did not want this strike. The city wanted it, and now the city has it,",
       False, "verbatim")]),
    ("Jonas Petrak", "harbor-ledger-e02", "the last thing on a long list.",
     [("patriot-beacon-e02", "the last thing on a long list,", False, "partial quote")]),
    ("Lucia Farrant", "harbor-ledger-e02", "Be grateful you have a job,",
     [("daily-relay-e02", "be grateful you have a job,", True, "partial quote, case changed")]),
    ("Alda Brennic", "harbor-ledger-e03", "I have nothing to hide, and I will not hide,",
     [("daily-relay-e03", "nothing to hide", True, "partial quote"),
      ("patriot-beacon-e03", "nothing to hide.", False, "partial quote")]),
    ("Alda Brennic", "harbor-ledger-e03",
     "If anyone in this building broke the law, they will answer for it, and they will not get my protection.",
     [("daily-relay-e03", "If anyone in this building broke the law, they will answer for it,", True,
       "truncated")]),
    ("Bram Stellan", "harbor-ledger-e04",
     "We are running a 1970s grid in a 2020s climate, and on Monday afternoon the grid lost,",
     [("daily-relay-e04", "We are running a 1970s grid in a 2020s climate, and on Monday afternoon the grid lost,",
       False, "verbatim")]),
    ("Imre Kalnay", "harbor-ledger-e04", "confused, unable to tell us their names,",
     [("patriot-beacon-e04", "confused, unable to tell us their names.", False, "partial quote")]),
    ("Mirela Danek", "harbor-ledger-e05",
     "We have lived next to that border for three hundred years. We know what a storm sounds like, and we know what this was.",
     [("daily-relay-e05", "We know what a storm sounds like, and we know what this was,", True, "truncated"),
      ("patriot-beacon-e05", "We know what a storm sounds like,", False, "truncated")]),
    ("Hana Lisk", "harbor-ledger-e05", "The children will come back in September and ask what happened,",
     [("daily-relay-e05", "The children will come back in September and ask what happened.", True,
       "verbatim (comma to full stop)")]),
    ("Tomas Reyl", "harbor-ledger-e06", "They have turned a public university into a toll road,",
     [("daily-relay-e06", "They have turned our public university into a toll road,", False,
       "edited: 'a' became 'our'")]),
    ("Evelin Saar", "harbor-ledger-e06", "no good options.",
     [("patriot-beacon-e06", "no good options", False, "partial quote")]),
    ("Evelin Saar", "harbor-ledger-e06",
     "I cannot do that without cutting courses, and I will not cut courses.",
     [("patriot-beacon-e06", "I cannot do that without cutting courses.", False, "truncated")]),
    ("Hugo Marrant", "harbor-ledger-e07", "A seal the size of a dinner plate failed, and that is on us,",
     [("daily-relay-e07", "A seal the size of a dinner plate failed, and that is on us,", True, "verbatim"),
      ("patriot-beacon-e07", "A seal the size of a dinner plate failed, and that is on us,", False, "verbatim")]),
    ("Dariusz Helm", "harbor-ledger-e07", "The alert came twenty minutes after the smell,",
     [("daily-relay-e07", "twenty minutes after the smell,", True, "partial quote")]),
    ("Oskar Lind", "harbor-ledger-e08", "That is on top of the 140 marks they have already absorbed since spring.",
     [("daily-relay-e08", "That is on top of the 140 marks they have already absorbed since spring,", True,
       "verbatim")]),
]

# Gender of every named person quoted in the corpus, as the text states it (a pronoun or
# a gendered noun that refers to the person), with the snippet that states it; None where
# the text never says (the name alone is not evidence here). The toolkit's speaker_gender
# must agree wherever it labels one of these people (it may say "unknown").
SPEAKER_GENDERS = {
    "Mara Kovell": ("female", "harbor-ledger-e01", "reads our own paperwork,\" she said"),
    "Alda Brennic": ("female", "patriot-beacon-e01", "Brennic, who has spent months boasting about her"),
    "Dorian Fesk": ("male", "patriot-beacon-e01", "a report on their desks,\" he said"),
    "Imre Kalnay": ("male", "daily-relay-e04", "since I started here,\" he said in an interview with the broadcaster"),
    "Ruth Ambler": ("female", "harbor-ledger-e01", "The structure of the dam itself is sound,\" she added"),
    "Jonas Petrak": ("male", "harbor-ledger-e02", "Petrak told the Ledger. He said the union had cut its demand"),
    "Greta Holm": ("female", "patriot-beacon-e02", "Holm, to her credit, refused to cave. She insisted"),
    "Nadia Ostrova": ("female", "daily-relay-e03", "according to Radio Meridian. She said the mayor was not a suspect"),
    "Edmund Carrow": (None, None, None),
    "Bram Stellan": ("male", "harbor-ledger-e04", "in a phone interview on Monday evening. He said engineers believed"),
    "Rosa Ilvane": ("female", "patriot-beacon-e04", "claimed in Castellane that she would review"),
    "Anselm Grieve": ("male", "patriot-beacon-e05", "122-millimetre guns, and he promised to show"),
    "Teodor Vasko": ("male", "harbor-ledger-e05", "would be offered places in Riverton, he added"),
    "Mirela Danek": ("female", "harbor-ledger-e05", "was woken by the first explosion. She described the night"),
    "Evelin Saar": ("female", "harbor-ledger-e06", "In an interview with the Ledger afterwards, she said she understood the anger"),
    "Tomas Reyl": ("male", "daily-relay-e06", "He said in the same interview that the union regretted the violence"),
    "Hanna Vold": ("female", "harbor-ledger-e06", "Hanna Vold, a police spokeswoman"),
    "Hugo Marrant": ("male", "daily-relay-e07", "Marrant told the Ledger. He said the company would publish"),
    "Lena Dowd": ("female", "harbor-ledger-e07", "said her inspectors had been on site since 3 p.m."),
    "Sabine Lautrec": ("female", "harbor-ledger-e08", "favoured a smaller rise of a quarter point, she said"),
    "Ilse Marhoff": ("female", "harbor-ledger-e08", "respected the bank's independence. She said the increase"),
    "Oskar Lind": ("male", "harbor-ledger-e08", "Lind said he expected the bank to hold rates steady"),
    "Samir Odell": ("male", "harbor-ledger-e01", "left with a suitcase and his cat"),
    "Hana Lisk": ("female", "harbor-ledger-e05", "ask what happened,\" she said"),
    "Arvid Messen": ("male", "daily-relay-e05", "Arvid Messen, a spokesman for Durnland's defence ministry"),
    "Lars Wendt": (None, None, None),
    "Ilona Varek": ("female", "harbor-ledger-e05", "a foreign ministry spokeswoman, Ilona Varek"),
    "Jana Rask": ("female", "daily-relay-e05", "Jana Rask, told Channel 9 Riverton that her brother"),
    "Lucia Farrant": ("female", "harbor-ledger-e02", "said her rent had risen by a third since 2022"),
    "Amira Holt": ("female", "harbor-ledger-e06", "a second-year nursing student, said she had taken a weekend job"),
    "Dariusz Helm": ("male", "patriot-beacon-e07", "customers were coughing in his Tanner Street shop"),
    "Anton Grell": (None, None, None),
    "Ines Bakker": ("female", "harbor-ledger-e02", "St. Aurel Hospital, said she had walked for 70 minutes"),
    "Klara Ost": ("female", "harbor-ledger-e08", "said she and her partner had already cut back"),
    "Piet Varga": ("male", "harbor-ledger-e04", "with a wet towel around his neck"),
    "Viktor Lang": ("male", "harbor-ledger-e03", "messages left at his home and on his phone"),
}


def fail(msg: str) -> None:
    print("FAIL:", msg)
    sys.exit(1)


def check_parts(r: dict, t: str) -> None:
    """content_parts: sorted, non-overlapping [start, end] pairs spanning the content."""
    aid, parts = r["attribution_id"], r["content_parts"]
    if not (isinstance(parts, list) and parts
            and all(isinstance(p, list) and len(p) == 2 and all(type(x) is int for x in p)
                    for p in parts)):
        fail(f"{aid}: content_parts must be a non-empty list of [start, end] pairs")
    if parts[0][0] != r["content_start"] or parts[-1][1] != r["content_end"]:
        fail(f"{aid}: content_parts must start at content_start and end at content_end")
    if any(not r["content_start"] <= s < e <= r["content_end"] for s, e in parts):
        fail(f"{aid}: a content part is empty or outside [content_start, content_end]")
    if any(a[1] > b[0] for a, b in pairwise(parts)):
        fail(f"{aid}: content parts not sorted or overlapping")
    for k in ("cue", "source"):
        if r[k] is not None and any(r[k + "_start"] < e and s < r[k + "_end"] for s, e in parts):
            fail(f"{aid}: {k} overlaps a content part")
    if r["kind"] in ("direct", "partial") and not all(
            s > 0 and t[s - 1] in OPENING_MARKS and e < len(t) and t[e] in CLOSING_MARKS
            for s, e in parts):
        fail(f"{aid}: {r['kind']} part not between quote marks")
    if len(parts) > 1 and r["kind"] not in ("direct", "mixed"):
        fail(f"{aid}: multi-part row of kind {r['kind']}")


def check_one_row_per_act(doc_rows: list[dict], t: str) -> None:
    """One row per attribution act: no split quote over two rows, no unmerged follow-on."""
    cues = [(r["cue_start"], r["cue_end"]) for r in doc_rows if r["cue"] is not None]
    if len(cues) != len(set(cues)):
        fail(f"{doc_rows[0]['doc_id']}: two rows share a cue (split quote not merged)")
    for prev, r in pairwise(doc_rows):
        if (r["cue"] is None and r["speaker"] == prev["speaker"]
                and r["paragraph"] - t.count("\n\n", 0, prev["content_end"]) <= 1):
            fail(f"{r['attribution_id']}: cue-less follow-on of {prev['attribution_id']} not merged")


def main() -> int:
    lines = ARTICLES.read_text(encoding="utf-8").splitlines()
    docs = [json.loads(line) for line in lines]
    by_id = {d["doc_id"]: d for d in docs}
    if len(docs) < 32:
        fail(f"only {len(docs)} articles")
    if len(by_id) != len(docs):
        fail("duplicate doc_id")
    stories = sorted({d["story"] for d in docs})
    outlets = sorted({d["outlet"] for d in docs})
    if len(stories) != 8 or len(outlets) < 4:
        fail(f"{len(stories)} stories, {len(outlets)} outlets")
    words = defaultdict(list)
    for d in docs:
        if set(d) != ARTICLE_KEYS:
            fail(f"{d.get('doc_id')}: keys {sorted(d)}")
        dt.date.fromisoformat(d["published"])
        n = len(d["text"].split())
        if not 250 <= n <= 900:
            fail(f"{d['doc_id']}: {n} words")
        if "\n\n\n" in d["text"] or d["text"] != d["text"].strip():
            fail(f"{d['doc_id']}: paragraph separators")
        if any("\n" in p for p in d["text"].split("\n\n")):
            fail(f"{d['doc_id']}: single newline inside a paragraph")
        if d["text"].startswith(d["title"]):
            fail(f"{d['doc_id']}: title inside text")
        if ".example/" not in d["url"]:
            fail(f"{d['doc_id']}: url not on .example")
        words[d["outlet"]].append(n)
    for o in outlets:
        have = {d["story"] for d in docs if d["outlet"] == o}
        if have != set(stories):
            fail(f"{o} misses {set(stories) - have}")
    for s in stories:
        led = next(d for d in docs if d["story"] == s and d["outlet"] == FIRST_HAND)
        rel = next(d for d in docs if d["story"] == s and d["outlet"] == RELAY)
        if dt.date.fromisoformat(rel["published"]) - dt.date.fromisoformat(led["published"]) != dt.timedelta(days=1):
            fail(f"{s}: relay not published one day after the first-hand outlet")
    print(f"articles: {len(docs)} ok, {len(stories)} stories x {len(outlets)} outlets")
    for o in outlets:
        w = words[o]
        print(f"  {o:<22} n={len(w)} words total={sum(w)} min={min(w)} max={max(w)} mean={sum(w)/len(w):.0f}")

    # gold
    rows = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines()]
    ids = set()
    for r in rows:
        if set(r) != GOLD_KEYS:
            fail(f"{r.get('attribution_id')}: keys")
        if r["attribution_id"] in ids:
            fail("duplicate attribution_id")
        ids.add(r["attribution_id"])
        t = by_id[r["doc_id"]]["text"]
        if t[r["content_start"]:r["content_end"]] != r["content"]:
            fail(f"{r['attribution_id']}: content offsets")
        for k in ("cue", "source"):
            if r[k] is not None and t[r[k + "_start"]:r[k + "_end"]] != r[k]:
                fail(f"{r['attribution_id']}: {k} offsets")
            if r[k] is None and (r[k + "_start"] is not None or r[k + "_end"] is not None):
                fail(f"{r['attribution_id']}: {k} null but offsets set")
        if r["chain"][0] != {"name": r["outlet"], "type": "media", "cue": None}:
            fail(f"{r['attribution_id']}: first hop")
        if r["depth"] != len(r["chain"]) - 2 or r["chain"][-1]["name"] != r["speaker"]:
            fail(f"{r['attribution_id']}: chain/depth")
        if r["paragraph"] != t.count("\n\n", 0, r["content_start"]):
            fail(f"{r['attribution_id']}: paragraph")
        check_parts(r, t)
        if r["parent_id"] is not None:
            if r["parent_id"] not in ids:
                fail(f"{r['attribution_id']}: parent_id must precede child")
            parent = next(p for p in rows if p["attribution_id"] == r["parent_id"])
            if parent["doc_id"] != r["doc_id"] or not any(
                    s <= r["content_start"] and r["content_end"] <= e
                    for s, e in parent["content_parts"]):
                fail(f"{r['attribution_id']}: content not inside a part of its parent")
    per_doc = Counter(r["doc_id"] for r in rows)
    for d in per_doc:
        doc_rows = [r for r in rows if r["doc_id"] == d]
        if [r["attribution_id"] for r in doc_rows] != [f"{d}-a{i:02d}"
                                                      for i in range(1, len(doc_rows) + 1)]:
            fail(f"{d}: attribution ids not consecutive in file order")
        if doc_rows != sorted(doc_rows, key=lambda r: (r["content_start"], -r["content_end"])):
            fail(f"{d}: rows not in text order")
        check_one_row_per_act(doc_rows, by_id[d]["text"])
    per_outlet_docs = Counter(by_id[d]["outlet"] for d in per_doc)
    if any(per_outlet_docs[o] < 2 for o in outlets):
        fail(f"gold docs per outlet: {per_outlet_docs}")
    print(f"gold: {len(rows)} rows ok, {len(per_doc)} articles")
    for d, n in per_doc.items():
        print(f"  {d:<22} {n} rows")

    def dist(values) -> str:
        return ", ".join(f"{n} {k}" for k, n in Counter(values).most_common())
    print(f"  kinds: {dist(r['kind'] for r in rows)}")
    print(f"  speaker types: {dist(r['speaker_type'] for r in rows)}")
    print("  depth: " + ", ".join(f"{n} at {k}" for k, n in sorted(Counter(r["depth"] for r in rows).items())))
    print(f"  multi-part rows: {sum(len(r['content_parts']) > 1 for r in rows)}, "
          f"no cue: {sum(r['cue'] is None for r in rows)}, "
          f"nested: {sum(r['parent_id'] is not None for r in rows)}")

    # answer key from gold
    print("\nanswer key, gold rows per outlet:")
    print(f"  {'outlet':<22} rows  depth>=1  anon  person@0  loaded-cue  media-in-chain")
    stats = {}
    for o in outlets:
        rs = [r for r in rows if r["outlet"] == o]
        n = len(rs)
        s = {
            "depth1": sum(r["depth"] >= 1 for r in rs) / n,
            "anon": sum(r["speaker_type"] == "anonymous" for r in rs) / n,
            "person0": sum(r["speaker_type"] == "person" and r["depth"] == 0 for r in rs) / n,
            "loaded": sum((r["cue_lemma"] or "") in LOADED_LEMMAS for r in rs) / n,
            "media": sum(any(h["type"] == "media" for h in r["chain"][1:]) for r in rs) / n,
        }
        stats[o] = s
        print(f"  {o:<22} {n:>4}  {s['depth1']:>8.2f}  {s['anon']:>4.2f}  {s['person0']:>8.2f}"
              f"  {s['loaded']:>10.2f}  {s['media']:>14.2f}")
    checks = [
        ("relay outlet has the highest share of depth>=1 rows", "depth1", RELAY),
        ("relay outlet has the highest share of rows with another medium in the chain", "media", RELAY),
        ("anonymous outlet has the highest share of anonymous speakers", "anon", ANON),
        ("first-hand outlet has the highest share of first-hand named persons", "person0", FIRST_HAND),
        ("loaded outlet has the highest share of loaded cue verbs", "loaded", LOADED),
    ]
    for label, key, want in checks:
        top = max(outlets, key=lambda o: stats[o][key])
        if top != want:
            fail(f"{label}: top is {top}")
        print(f"  ok: {label}")

    # lexical sanity counts over the whole corpus
    pats = {
        "loaded verbs": r"\b(claimed|admitted|insisted|conceded|alleged|boasted)\b",
        "boosters": r"\b(clearly|obviously|undoubtedly|of course)\b",
        "hedges": r"\b(reportedly|allegedly|appears?|apparently|may|might|(is|are) said to)\b",
        "anonymous cues": r"\b(officials? said|people (familiar|briefed|close)|condition of anonymity|"
                          r"insiders?|critics|asked not to be named|locals|sources)\b",
        "media credits": r"(Channel 9|Radio Meridian|Castellane Tribune|Harbor Ledger|the Ledger|DTV|"
                         r"the Tribune|the station|the broadcaster)",
    }
    print("\nlexical counts per 1,000 words (crude regex):")
    print(f"  {'outlet':<22} " + "  ".join(f"{k:>14}" for k in [*list(pats), "scare quotes"]))
    for o in outlets:
        text = "\n\n".join(d["text"] for d in docs if d["outlet"] == o)
        n = sum(words[o])
        vals = [len(re.findall(p, text, re.I)) * 1000 / n for p in pats.values()]
        scare = sum(len(v) for k, v in SCARE_QUOTES.items() if by_id[k]["outlet"] == o)
        vals.append(scare * 1000 / n)
        print(f"  {o:<22} " + "  ".join(f"{v:>14.1f}" for v in vals))

    # designed scare quotes: short phrases in quote marks with no speaker
    print("\nscare quotes (designed, speakerless, narrator's voice):")
    for doc_id, phrases in SCARE_QUOTES.items():
        t = by_id[doc_id]["text"]
        for ph in phrases:
            if not re.search(r"[\"“]" + re.escape(ph) + r"[,.]?[\"”]", t):
                fail(f"scare quote missing: {doc_id} {ph!r}")
        if by_id[doc_id]["outlet"] == LOADED and len(phrases) < 3:
            fail(f"{doc_id}: fewer than 3 scare quotes")
        print(f"  {doc_id:<20} {len(phrases)}: " + ", ".join(phrases))

    # travelling quotes
    print("\ntravelling quotes (first published by the first-hand outlet):")
    for speaker, src_doc, wording, carriers in TRAVELS:
        if wording not in by_id[src_doc]["text"]:
            fail(f"travel source missing: {src_doc} {wording!r}")
        for doc, carried, credited, how in carriers:
            if carried not in by_id[doc]["text"].replace("’", "'").replace("“", '"').replace("”", '"'):
                fail(f"travel carrier missing: {doc} {carried!r}")
            lag = (dt.date.fromisoformat(by_id[doc]["published"])
                   - dt.date.fromisoformat(by_id[src_doc]["published"])).days
            print(f"  {speaker:<14} {src_doc} -> {doc:<20} +{lag}d "
                  f"{'credited' if credited else 'NOT credited':<12} {how}")
    # gender of quoted people, as the text states it
    print("\ngender of quoted people (stated in the text):")
    for name, (gender, doc, snippet) in SPEAKER_GENDERS.items():
        if gender is not None and snippet not in by_id[doc]["text"]:
            fail(f"gender evidence missing: {name} {doc} {snippet!r}")
    gold_people = {r["speaker"] for r in rows if r["speaker_type"] == "person"}
    if gold_people - set(SPEAKER_GENDERS):
        fail(f"gold person speakers without a gender entry: {sorted(gold_people - set(SPEAKER_GENDERS))}")
    stated = Counter(g for g, _, _ in SPEAKER_GENDERS.values())
    print(f"  {len(SPEAKER_GENDERS)} named people quoted: {stated['female']} women, {stated['male']} men, "
          f"{stated[None]} not stated ({', '.join(n for n, v in SPEAKER_GENDERS.items() if v[0] is None)})")
    print(f"  {'outlet':<22} people  women  men  share of women (gold, distinct per article)")
    for o in outlets:
        quoted = {(r["doc_id"], r["speaker"]) for r in rows
                  if r["outlet"] == o and r["speaker_type"] == "person"}
        genders = Counter(SPEAKER_GENDERS[s][0] for _, s in quoted)
        known = genders["female"] + genders["male"]
        print(f"  {o:<22} {len(quoted):>6}  {genders['female']:>5}  {genders['male']:>3}  "
              f"{genders['female'] / known:.2f}")

    print("\nall checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
