"""evaluate_speakers: score who said it and through whom against a speaker gold file.

The gold (``../shared/gold/polnear_dev_speakers.jsonl``) has one JSON line per
attribution: ``gid, doc_id, outlet``, PolNeAR's spans as character offsets
(``content_start/_end``, ``cue_start/_end``, ``source_start/_end``) and, annotated by
hand, ``speaker``, ``speaker_type`` and ``relays`` (media between the outlet and the
speaker, outermost first). Predictions are attributions table rows (JSONL): ``doc_id``,
the offsets, ``speaker``, ``speaker_type`` and ``relays`` (or a ``chain`` whose media
hops between the outlet and the speaker are the relays).

The protocol is the shared scorer's (``../shared/gold/score_speakers.py``), figure for
figure:

- **Matching.** A predicted and a gold attribution match when the character Jaccard of
  their content spans is >= 0.3 or their cue spans overlap; pairs are made one to one,
  best first (Jaccard plus 0.5 for an overlapping cue; ties go to the later gold, then
  the later prediction). Predictions for documents the gold lacks are ignored.
- **speaker** (lenient): names equal after lower-casing and dropping punctuation and
  ``'s``; or equal after dropping :data:`TITLES` and one-letter words; or, for a gold
  person, the same last word (surname); for other gold types, one name's words a
  subset of the other's; for an anonymous gold speaker, any prediction typed
  ``anonymous``. **speaker exact**: the first two rules only.
- **type**: equal strings (the gold has no ``unknown``).
- **relays**: the same number, each pair's words (titles and ``news`` dropped) one a
  subset of the other's; a predicted relay naming the article's outlet (its code with
  dashes as spaces) where the gold has none is wrong.
- **who-through-whom F1**: a gold attribution counts when matched with speaker, type
  and relays all right; precision over predictions of the gold's documents, recall
  over the gold.

Example:
    >>> gold = [{"doc_id": "d", "outlet": "x", "content_start": 0, "content_end": 10,
    ...          "cue_start": 11, "cue_end": 15, "speaker": "Mara Kovell",
    ...          "speaker_type": "person", "relays": ["Channel 9"]}]
    >>> pred = [{"doc_id": "d", "content_start": 0, "content_end": 9, "cue_start": 11,
    ...          "cue_end": 15, "speaker": "Kovell", "speaker_type": "person",
    ...          "relays": ["Channel 9 Riverton"]}]
    >>> scores = score_speakers(gold, pred)
    >>> scores["speaker_lenient_acc"], scores["who_through_whom_F1"]
    (1.0, 1.0)
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from . import config
from .attribution.extract import extract_attributions
from .errors import CorpusError, MalformedRecordError

MATCH_JACCARD = 0.3
CUE_BONUS = 0.5
TITLES = frozenset({
    "mr", "mrs", "ms", "miss", "dr", "sen", "senator", "rep", "representative", "gov",
    "governor", "president", "pres", "vice", "secretary", "sec", "gen", "general", "adm",
    "rev", "judge", "justice", "mayor", "former", "the", "u.s.", "us", "house", "speaker",
    "leader", "chairman", "chair", "ambassador", "candidate", "nominee",
})
HALVES = ("all", "first12", "last12")
HALF_SIZE = 12
GOLD_TYPES = ("person", "government", "organization", "media", "document", "anonymous")
ERRORS_SHOWN = 20


def default_gold() -> Path:
    """``<shared>/gold/polnear_dev_speakers.jsonl``."""
    return config.shared_dir() / "gold" / "polnear_dev_speakers.jsonl"


def default_texts() -> Path:
    """``<shared>/corpora/polnear/dev/text``: the gold articles' texts."""
    return config.corpora_dir() / "polnear" / "dev" / "text"


# --- names ------------------------------------------------------------------------------
def norm(name: object) -> str:
    """A name lower-cased, with ``'s`` and punctuation dropped.

    Example:
        >>> norm("Sen. Ruth Ambler's"), norm(None), norm(float("nan"))
        ('sen ruth ambler', '', '')
    """
    if not name or (isinstance(name, float) and math.isnan(name)):
        return ""
    text = str(name).lower().replace("\u2019", "'").replace("'s", "")
    return " ".join(re.findall(r"[a-z0-9]+", text))


def core(name: object) -> list[str]:
    """The words of a name without titles and one-letter words.

    Example:
        >>> core("Former Sen. Ruth J. Ambler")
        ['ruth', 'ambler']
    """
    return [w for w in norm(name).split() if w not in TITLES and len(w) > 1]


def speaker_agrees(gold: object, pred: object, gold_type: object,
                   pred_type: object) -> tuple[bool, bool]:
    """(exact, lenient) agreement of a predicted speaker with the gold one.

    Example:
        >>> speaker_agrees("Mara Kovell", "Kovell", "person", "person")
        (False, True)
        >>> speaker_agrees("officials", None, "anonymous", "anonymous")
        (False, True)
    """
    if norm(gold) and norm(gold) == norm(pred):
        return True, True
    if gold_type == "anonymous":
        return False, pred_type == "anonymous"
    g, p = core(gold), core(pred)
    if g and p and g == p:
        return True, True
    if gold_type == "person":
        return False, bool(g and p and g[-1] == p[-1])
    return False, bool(g and p and (set(p) <= set(g) or set(g) <= set(p)))


def relay_agrees(a: object, b: object) -> bool:
    """Whether two relay names name the same medium (one's words within the other's).

    Example:
        >>> relay_agrees("MSNBC", "MSNBC's Morning Joe"), relay_agrees("CNN", "CNBC")
        (True, False)
    """
    ta = set(core(a)) - {"news"} or set(core(a))
    tb = set(core(b)) - {"news"} or set(core(b))
    return bool(ta and tb and (ta <= tb or tb <= ta))


def predicted_relays(row: Mapping) -> list:
    """A prediction's relays: its ``relays`` list, else the media hops of its ``chain``
    between the outlet and the speaker."""
    relays = row.get("relays")
    if isinstance(relays, list):
        return [r.get("name") if isinstance(r, dict) else r for r in relays]
    hops = (row.get("chain") or [])[1:-1]
    return [h.get("name") for h in hops if h.get("type", "media") == "media"]


# --- matching ---------------------------------------------------------------------------
def _span(row: Mapping, name: str) -> tuple[int, int] | None:
    start, end = row.get(f"{name}_start"), row.get(f"{name}_end")
    if start is None or end is None or start != start or end != end:
        return None
    start, end = int(start), int(end)
    return (start, end) if end > start else None


def _overlap(a: tuple[int, int] | None, b: tuple[int, int] | None) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0])) if a and b else 0


def match_pairs(gold: Sequence[Mapping], pred: Sequence[Mapping]) -> list[tuple[int, int]]:
    """One-to-one best-first matches ``(gold index, predicted index)`` in one document.

    Example:
        >>> g = [{"content_start": 0, "content_end": 10}]
        >>> p = [{"content_start": 50, "content_end": 60}, {"content_start": 2, "content_end": 10}]
        >>> match_pairs(g, p)
        [(0, 1)]
    """
    candidates = []
    for i, g in enumerate(gold):
        g_content, g_cue = _span(g, "content"), _span(g, "cue")
        for j, p in enumerate(pred):
            p_content, p_cue = _span(p, "content"), _span(p, "cue")
            shared = _overlap(g_content, p_content)
            union = (g_content[1] - g_content[0]) + (p_content[1] - p_content[0]) - shared \
                if g_content and p_content else 0
            jaccard = shared / union if union else 0.0
            cue = _overlap(g_cue, p_cue) > 0
            if jaccard >= MATCH_JACCARD or cue:
                candidates.append((jaccard + (CUE_BONUS if cue else 0.0), i, j))
    candidates.sort(reverse=True)
    used_gold, used_pred, pairs = set(), set(), []
    for _, i, j in candidates:
        if i not in used_gold and j not in used_pred:
            used_gold.add(i)
            used_pred.add(j)
            pairs.append((i, j))
    return pairs


# --- scoring ----------------------------------------------------------------------------
@dataclass
class Judged:
    """One matched pair and what was right about it."""

    gold: Mapping
    pred: Mapping
    speaker_exact: bool
    speaker: bool
    type: bool
    relays: bool

    @property
    def right(self) -> bool:
        return self.speaker and self.type and self.relays


@dataclass
class SpeakerScores:
    """The figures, the judged pairs and the gold attributions left unmatched."""

    figures: dict[str, object]
    judged: list[Judged] = field(default_factory=list)
    missed: list[Mapping] = field(default_factory=list)


def judge(gold_rows: Iterable[Mapping], pred_rows: Iterable[Mapping]) -> SpeakerScores:
    """Match predictions to the gold and judge each pair (see the module docstring)."""
    gold, preds = defaultdict(list), defaultdict(list)
    for row in gold_rows:
        gold[row["doc_id"]].append(row)
    for row in pred_rows:
        preds[str(row["doc_id"])].append(row)
    counts, types = Counter(), Counter()
    judged, missed = [], []
    for doc_id, doc_gold in gold.items():
        doc_pred = preds.get(doc_id, [])
        outlet = (doc_gold[0].get("outlet") or "").replace("-", " ")
        counts["gold"] += len(doc_gold)
        counts["pred"] += len(doc_pred)
        pairs = match_pairs(doc_gold, doc_pred)
        matched = {i for i, _ in pairs}
        missed += [g for i, g in enumerate(doc_gold) if i not in matched]
        for i, j in pairs:
            g, p = doc_gold[i], doc_pred[j]
            exact, lenient = speaker_agrees(g.get("speaker"), p.get("speaker"),
                                            g.get("speaker_type"), p.get("speaker_type"))
            type_ok = g.get("speaker_type") == p.get("speaker_type")
            p_relays, g_relays = predicted_relays(p), g.get("relays") or []
            self_relay = any(relay_agrees(r, outlet) for r in p_relays)
            relays_ok = (len(p_relays) == len(g_relays)
                         and all(relay_agrees(a, b) for a, b in zip(p_relays, g_relays))
                         and not (self_relay and not g_relays))
            judged.append(Judged(g, p, exact, lenient, type_ok, relays_ok))
            types[(p.get("speaker_type"), g.get("speaker_type"))] += 1
            counts["matched"] += 1
            counts["speaker_exact"] += exact
            counts["speaker"] += lenient
            counts["type"] += type_ok
            counts["relays"] += relays_ok
            counts["gold_relayed"] += bool(g_relays)
            counts["gold_relayed_ok"] += bool(g_relays) and relays_ok
            counts["pred_relayed"] += bool(p_relays)
            counts["pred_relayed_ok"] += bool(p_relays) and relays_ok
            counts["all"] += lenient and type_ok and relays_ok
    return SpeakerScores(_figures(counts, types), judged, missed)


def _figures(counts: Counter, types: Counter) -> dict[str, object]:
    matched = counts["matched"] or 1

    def ratio(a: str, b: str) -> float | None:
        return round(counts[a] / counts[b], 3) if counts[b] else None

    precision, recall = counts["all"] / (counts["pred"] or 1), counts["all"] / (counts["gold"] or 1)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "gold": counts["gold"], "pred": counts["pred"], "matched": counts["matched"],
        "attribution_P": ratio("matched", "pred"), "attribution_R": ratio("matched", "gold"),
        "speaker_exact_acc": round(counts["speaker_exact"] / matched, 3),
        "speaker_lenient_acc": round(counts["speaker"] / matched, 3),
        "type_acc": round(counts["type"] / matched, 3),
        "relays_acc": round(counts["relays"] / matched, 3),
        "relayed_precision": ratio("pred_relayed_ok", "pred_relayed"),
        "relayed_recall": ratio("gold_relayed_ok", "gold_relayed"),
        "gold_relayed": counts["gold_relayed"], "pred_relayed": counts["pred_relayed"],
        "who_through_whom_F1": round(f1, 3),
        "type_confusions": {f"{a}->{b}": n for (a, b), n in types.most_common() if a != b},
    }


def score_speakers(gold_rows: Iterable[Mapping], pred_rows: Iterable[Mapping]) -> dict:
    """The shared scorer's figures (``type_confusions`` keyed ``predicted->gold``)."""
    return judge(gold_rows, pred_rows).figures


def confusion_table(judged: Sequence[Judged]) -> pd.DataFrame:
    """Matched pairs counted by gold type (rows) and predicted type (columns).

    Example:
        >>> j = Judged({"speaker_type": "person"}, {"speaker_type": "unknown"}, 0, 0, 0, 1)
        >>> int(confusion_table([j]).loc["person", "unknown"])
        1
    """
    table = pd.crosstab(pd.Series([j.gold.get("speaker_type") for j in judged], name="gold"),
                        pd.Series([str(j.pred.get("speaker_type")) for j in judged],
                                  name="predicted"))
    rows = [t for t in GOLD_TYPES if t in table.index] + \
        [t for t in table.index if t not in GOLD_TYPES]
    columns = [t for t in (*GOLD_TYPES, "unknown") if t in table.columns] + \
        [t for t in table.columns if t not in (*GOLD_TYPES, "unknown")]
    return table.loc[rows, columns]


def commonest_errors(judged: Sequence[Judged], *, n: int = ERRORS_SHOWN) -> pd.DataFrame:
    """The ``n`` commonest wrong (gold, predicted) speaker/type/relays triples among
    matched pairs, with what was wrong and how often."""
    errors = Counter()
    for j in judged:
        if j.right:
            continue
        wrong = "+".join(w for w, ok in (("speaker", j.speaker), ("type", j.type),
                                         ("relays", j.relays)) if not ok)
        errors[(wrong, _show(j.gold.get("speaker")), j.gold.get("speaker_type"),
                " > ".join(j.gold.get("relays") or []) or "-",
                _show(j.pred.get("speaker")), str(j.pred.get("speaker_type")),
                " > ".join(str(r) for r in predicted_relays(j.pred)) or "-")] += 1
    columns = ["wrong", "gold_speaker", "gold_type", "gold_relays", "pred_speaker",
               "pred_type", "pred_relays"]
    rows = [(*key, count) for key, count in errors.most_common(n)]
    return pd.DataFrame(rows, columns=[*columns, "count"])


def _show(name: object) -> str:
    missing = name is None or (isinstance(name, float) and math.isnan(name))
    return "(null)" if missing else str(name)


# --- input ------------------------------------------------------------------------------
def read_jsonl(path: str | Path) -> list[dict]:
    """The records of a JSONL file.

    Raises:
        MalformedRecordError: a line is not JSON (names the file and line).
    """
    rows = []
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError as exc:
                raise MalformedRecordError(f"not JSON ({exc.msg})", file=path,
                                           line=number) from None
    return rows


def half(gold_rows: Sequence[Mapping], which: str) -> list[Mapping]:
    """The gold rows of the first or last :data:`HALF_SIZE` documents by ``doc_id``, or
    all of them (``which`` one of :data:`HALVES`).

    Example:
        >>> rows = [{"doc_id": f"d{i:02d}"} for i in range(24)]
        >>> [r["doc_id"] for r in half(rows, "last12")][:2]
        ['d12', 'd13']
    """
    if which == "all":
        return list(gold_rows)
    docs = sorted({r["doc_id"] for r in gold_rows})
    chosen = set(docs[:HALF_SIZE] if which == "first12" else docs[-HALF_SIZE:])
    return [r for r in gold_rows if r["doc_id"] in chosen]


def predict(gold_rows: Sequence[Mapping], texts: str | Path, *, n_process: int = 1,
            progress: bool | None = None) -> list[dict]:
    """Run the extractor on the gold's articles (``texts/<doc_id>.txt``; the gold's
    ``outlet`` as each article's outlet): the predicted rows.

    Raises:
        CorpusError: an article's text is missing.
    """
    outlets: dict[str, str] = {}
    for row in gold_rows:
        outlets.setdefault(row["doc_id"], row.get("outlet"))
    paths = {doc_id: Path(texts) / f"{doc_id}.txt" for doc_id in outlets}
    for path in paths.values():
        if not path.is_file():
            raise CorpusError("the gold names an article whose text is not here", file=path)
    articles = pd.DataFrame({"doc_id": list(outlets), "outlet": list(outlets.values()),
                             "text": [p.read_text(encoding="utf-8") for p in paths.values()]})
    table = extract_attributions(articles, n_process=n_process, progress=progress)
    return json.loads(table.to_json(orient="records"))


def report(scores: SpeakerScores) -> str:
    """The figures as ``name: value`` lines (as the shared scorer prints them), the type
    confusion table and the commonest errors."""
    lines = [f"{k}: {v}" for k, v in scores.figures.items()]
    lines += ["", "types of matched attributions (rows gold, columns predicted):",
              confusion_table(scores.judged).to_string() if scores.judged else "(none)"]
    errors = commonest_errors(scores.judged)
    lines += ["", f"the {len(errors)} commonest errors among matched attributions "
              f"(and {len(scores.missed)} gold attributions unmatched):",
              errors.to_string(index=False) if len(errors) else "(none)"]
    return "\n".join(lines)
