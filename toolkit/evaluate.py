"""evaluate: score an attributions table against brat-annotated gold (PolNeAR layout).

The gold folder holds ``text/<doc>.txt`` and ``attributions/<doc>_<annotator>.ann``
(brat standoff; the first annotator's file in name order is used, which is the order of
PolNeAR's ``metadata.tsv``). The protocol, also in the README:

- **Matching.** A predicted and a gold attribution match when the character Jaccard of
  their content spans is at least 0.3 or their cue spans overlap. Pairs are matched one
  to one, best first (Jaccard, plus one when the cues overlap).
- **Attribution P/R/F1** over matched pairs.
- **Source exact / overlap F1.** Over attributions that have a source: a matched pair
  scores when its source spans are identical after trimming spaces, quotation marks and
  ``.,;:`` at both ends (exact) or share a character (overlap).
  Precision divides by predicted attributions with a source, recall by gold ones.
- **Content exact F1.** A matched pair scores when the content spans are identical after
  trimming whitespace, quotation marks and ``.,;:`` at both ends.
- **Speech-cue recall.** The share of gold attributions whose cue contains a speech verb
  (``speech = yes`` in ``lexicons/attribution_cues.tsv``, by the lemma spaCy gives the
  cue's tokens in context) that are matched.

Example:
    >>> gold = load_gold("../shared/corpora/polnear/dev")  # doctest: +SKIP
    >>> len(gold.attributions) > 1000  # doctest: +SKIP
    True
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
from spacy.tokens import Doc

from .errors import CorpusError, MalformedRecordError

Parts = tuple[tuple[int, int], ...]

MATCH_JACCARD = 0.3
TRIM_CHARS = " \t\r\n\"'“”‘’«»„‚.,;:"
_T_LINE = re.compile(r"^(T\d+)\t(\S+) ([\d ;]+)\t(.*)$")


@dataclass
class GoldCorpus:
    """Gold texts and attributions read from a brat folder.

    Attributes:
        texts: doc_id → article text.
        attributions: one row per gold attribution: ``doc_id, gold_id, cue, source,
            content`` (tuples of ``(start, end)`` parts; ``source`` ``None`` when absent)
            and the spans' texts.
    """

    texts: dict[str, str]
    attributions: pd.DataFrame


def _parts(spec: str) -> Parts:
    return tuple(tuple(int(x) for x in part.split()) for part in spec.split(";"))  # type: ignore[misc]


def read_brat(path: str | Path) -> list[dict]:
    """The attribution events of one ``.ann`` file (Attribution and Attribution-no-source).

    Text-bound lines may continue over several lines when a span holds a line break.

    Raises:
        MalformedRecordError: an event refers to a text-bound annotation that is absent.
    """
    spans: dict[str, tuple[str, Parts, str]] = {}
    events: list[tuple[int, str]] = []
    last: str | None = None
    for number, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        match = _T_LINE.match(line)
        if match:
            last = match[1]
            spans[last] = (match[2], _parts(match[3]), match[4])
        elif line.startswith("E"):
            events.append((number, line))
            last = None
        elif last is not None and not re.match(r"^[A-Z#]\d*\t", line):
            kind, parts, text = spans[last]
            spans[last] = (kind, parts, f"{text}\n{line}")
    attributions = []
    for number, line in events:
        event_id, _, roles = line.partition("\t")
        args = dict(arg.split(":", 1) for arg in roles.split())
        if not next(iter(args), "").startswith("Attribution"):
            continue
        missing = [ref for ref in args.values() if ref not in spans]
        if missing:
            raise MalformedRecordError(f"event {event_id} refers to missing {missing}",
                                       file=path, line=number)
        role = {name: spans[ref] for name, ref in args.items()}
        attributions.append({
            "gold_id": event_id,
            "cue": role["Cue"][1] if "Cue" in role else None,
            "source": role["Source"][1] if "Source" in role else None,
            "content": role["Content"][1] if "Content" in role else None,
            "cue_text": role["Cue"][2] if "Cue" in role else None,
            "source_text": role["Source"][2] if "Source" in role else None,
            "content_text": role["Content"][2] if "Content" in role else None,
        })
    return attributions


def load_gold(directory: str | Path) -> GoldCorpus:
    """Read ``text/*.txt`` and the first annotator's ``attributions/*.ann`` of each text.

    Raises:
        CorpusError: the folder lacks ``text/`` or ``attributions/``, or a text has no
            annotation file.
    """
    root = Path(directory)
    text_dir, ann_dir = root / "text", root / "attributions"
    if not text_dir.is_dir() or not ann_dir.is_dir():
        raise CorpusError("a gold folder needs text/*.txt and attributions/*.ann", file=root)
    texts, rows = {}, []
    for text_path in sorted(text_dir.glob("*.txt")):
        doc_id = text_path.stem
        annotations = sorted(ann_dir.glob(f"{glob_escape(doc_id)}_*.ann"))
        if not annotations:
            raise CorpusError("no annotation file for this text", file=text_path)
        texts[doc_id] = text_path.read_text(encoding="utf-8")
        rows += [{"doc_id": doc_id, **row} for row in read_brat(annotations[0])]
    return GoldCorpus(texts, pd.DataFrame(rows))


def glob_escape(name: str) -> str:
    """``name`` with glob metacharacters escaped."""
    return re.sub(r"([\[\]*?])", r"[\1]", name)


def _length(parts: Parts | None) -> int:
    return sum(end - start for start, end in parts) if parts else 0


def _overlap(a: Parts | None, b: Parts | None) -> int:
    if not a or not b:
        return 0
    return sum(max(0, min(e1, e2) - max(s1, s2)) for s1, e1 in a for s2, e2 in b)


def jaccard(a: Parts | None, b: Parts | None) -> float:
    """Character Jaccard of two span sets.

    Example:
        >>> jaccard(((0, 10),), ((5, 15),))
        0.3333333333333333
    """
    inter = _overlap(a, b)
    union = _length(a) + _length(b) - inter
    return inter / union if union else 0.0


def _trimmed(text: str, parts: Parts | None) -> Parts | None:
    if not parts:
        return parts
    start, first_end = parts[0]
    last_start, end = parts[-1]
    while start < first_end and text[start] in TRIM_CHARS:
        start += 1
    while end > last_start and text[end - 1] in TRIM_CHARS:
        end -= 1
    if len(parts) == 1:
        return ((start, end),)
    return ((start, first_end), *parts[1:-1], (last_start, end))


def _span(row: Mapping, name: str) -> Parts | None:
    start, end = row.get(f"{name}_start"), row.get(f"{name}_end")
    if start is None or end is None or pd.isna(start) or pd.isna(end):
        return None
    return ((int(start), int(end)),)


def match_document(predicted: Sequence[Mapping], gold: Sequence[Mapping]) -> list[tuple[int, int]]:
    """One-to-one best-first matches ``(predicted index, gold index)`` in one document."""
    candidates = []
    for i, pred in enumerate(predicted):
        p_content, p_cue = _span(pred, "content"), _span(pred, "cue")
        for j, g in enumerate(gold):
            score = jaccard(p_content, g["content"])
            cue_hit = _overlap(p_cue, g["cue"]) > 0
            if score >= MATCH_JACCARD or cue_hit:
                candidates.append((score + cue_hit, i, j))
    used_p, used_g, matches = set(), set(), []
    for _, i, j in sorted(candidates, key=lambda c: (-c[0], c[1], c[2])):
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            matches.append((i, j))
    return matches


def _f1(hits: int, n_pred: int, n_gold: int) -> dict[str, float]:
    precision = hits / n_pred if n_pred else 0.0
    recall = hits / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4)}


def speech_lemmas() -> frozenset[str]:
    """Lemmas of speech cues (``speech = yes`` in the attribution-cue lexicon)."""
    from .lexicons import load_lexicon

    cues = load_lexicon("attribution_cues")
    return frozenset(cues.loc[cues["speech"] == "yes", "cue"].str.lower())


def is_speech_cue(doc: Doc, parts: Parts | None, lemmas: frozenset[str]) -> bool:
    """Whether a cue span holds a token whose lemma is a speech verb."""
    if not parts:
        return False
    for start, end in parts:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None and any(token.lemma_.lower() in lemmas for token in span):
            return True
    return False


def score_attributions(
    predicted: pd.DataFrame,
    gold: GoldCorpus,
    *,
    docs: Mapping[str, Doc],
) -> dict[str, object]:
    """Score predictions against gold by the protocol in the module docstring.

    Args:
        predicted: an attributions table (``doc_id``, ``content_start``, ``content_end``,
            ``cue_start``, ``cue_end``, ``source_start``, ``source_end``).
        gold: from :func:`load_gold`.
        docs: doc_id → parsed Doc of the gold text (for the cues' lemmas).

    Returns:
        ``attribution``, ``source_exact``, ``source_overlap``, ``content_exact`` (each
        precision/recall/f1), ``speech_cue_recall``, and the counts behind them.
    """
    lemmas = speech_lemmas()
    by_doc_pred = {d: g.to_dict("records") for d, g in predicted.groupby("doc_id")}
    counts = dict.fromkeys(["matched", "src_exact", "src_overlap", "content_exact",
                            "speech_gold", "speech_matched"], 0)
    n_pred = len(predicted[predicted["doc_id"].isin(gold.texts)])
    n_gold = len(gold.attributions)
    pred_src = sum(_span(p, "source") is not None
                   for d, rows in by_doc_pred.items() if d in gold.texts for p in rows)
    gold_src = int(gold.attributions["source"].notna().sum())
    for doc_id, gold_rows in gold.attributions.groupby("doc_id"):
        text, gold_list = gold.texts[doc_id], gold_rows.to_dict("records")
        pred_list = by_doc_pred.get(doc_id, [])
        matches = match_document(pred_list, gold_list)
        matched_gold = {j for _, j in matches}
        counts["matched"] += len(matches)
        for i, j in matches:
            p, g = pred_list[i], gold_list[j]
            p_src = _span(p, "source")
            counts["src_exact"] += bool(p_src and g["source"] and
                                        _trimmed(text, p_src) == _trimmed(text, g["source"]))
            counts["src_overlap"] += _overlap(p_src, g["source"]) > 0
            counts["content_exact"] += bool(
                g["content"] and _trimmed(text, _span(p, "content")) ==
                _trimmed(text, g["content"]))
        for j, g in enumerate(gold_list):
            if is_speech_cue(docs[doc_id], g["cue"], lemmas):
                counts["speech_gold"] += 1
                counts["speech_matched"] += j in matched_gold
    return {
        "attribution": _f1(counts["matched"], n_pred, n_gold),
        "source_exact": _f1(counts["src_exact"], pred_src, gold_src),
        "source_overlap": _f1(counts["src_overlap"], pred_src, gold_src),
        "content_exact": _f1(counts["content_exact"], n_pred, n_gold),
        "speech_cue_recall": round(counts["speech_matched"] / max(1, counts["speech_gold"]), 4),
        "counts": {"predicted": n_pred, "gold": n_gold, "predicted_with_source": pred_src,
                   "gold_with_source": gold_src, **counts, "documents": len(gold.texts)},
    }


def evaluate_directory(
    directory: str | Path,
    *,
    predicted: pd.DataFrame | None = None,
    n_process: int = 1,
    progress: bool | None = None,
) -> dict[str, object]:
    """Run the extractor on a gold folder's texts (or take ``predicted``) and score it.

    Every document is extracted separately; one that raises is counted in
    ``failed_documents`` (with its id) instead of stopping the evaluation.

    Example:
        >>> scores = evaluate_directory("../shared/corpora/polnear/dev")  # doctest: +SKIP
        >>> scores["attribution"]["f1"] >= 0.7  # doctest: +SKIP
        True
    """
    from .attribution.extract import ATTRIBUTION_COLUMNS, attributions_of
    from .parse import parse

    gold = load_gold(directory)
    articles = pd.DataFrame({"doc_id": list(gold.texts), "text": list(gold.texts.values())})
    docs = {doc.user_data["doc_id"]: doc
            for doc in parse(articles, n_process=n_process, progress=progress)}
    failed: list[str] = []
    if predicted is None:
        rows = []
        for doc_id, doc in docs.items():
            try:
                rows += attributions_of(doc, doc_id=doc_id)
            except Exception:  # counted and reported, as the protocol asks
                failed.append(doc_id)
        predicted = pd.DataFrame(rows, columns=ATTRIBUTION_COLUMNS)
    scores = score_attributions(predicted, gold, docs=docs)
    scores["failed_documents"] = failed
    return scores


def density_against_gold(
    directories: list[str | Path],
    *,
    outlets: Mapping[str, str] | None = None,
    n_process: int = 1,
    progress: bool | None = None,
) -> tuple[pd.DataFrame, dict[str, float]]:
    """Attributions per 100 words per outlet, from the extractor and from gold, side by side.

    Args:
        directories: brat gold folders (e.g. PolNeAR's ``train`` and ``dev``).
        outlets: doc_id → outlet; default: the PolNeAR ``metadata.tsv`` publisher of
            each text (the folder's parent holds it).
        n_process: parser processes.
        progress: progress bar.

    Returns:
        ``(table, summary)``: per outlet ``articles, words, gold_attributions,
        toolkit_attributions, gold_per_100_words, toolkit_per_100_words,
        relative_error``; and ``spearman`` (rank agreement of the two columns) and
        ``max_abs_relative_error``.
    """
    from .attribution.extract import attributions_of
    from .parse import parse
    from .text import count_words

    golds = [load_gold(d) for d in directories]
    texts = {doc_id: text for gold in golds for doc_id, text in gold.texts.items()}
    gold_counts = pd.concat([g.attributions for g in golds]).groupby("doc_id").size()
    if outlets is None:
        outlets = {}
        for directory in directories:
            metadata = Path(directory).resolve().parent / "metadata.tsv"
            table = pd.read_csv(metadata, sep="\t", usecols=["filename", "publisher"])
            outlets.update(zip(table["filename"], table["publisher"]))
    articles = pd.DataFrame({"doc_id": list(texts), "text": list(texts.values())})
    found = {doc.user_data["doc_id"]: len(attributions_of(doc))
             for doc in parse(articles, n_process=n_process, progress=progress)}
    per_doc = pd.DataFrame({
        "outlet": [outlets[d] for d in texts], "words": [count_words(t) for t in texts.values()],
        "gold_attributions": [int(gold_counts.get(d, 0)) for d in texts],
        "toolkit_attributions": [found[d] for d in texts],
    })
    table = per_doc.groupby("outlet").agg(
        articles=("words", "size"), words=("words", "sum"),
        gold_attributions=("gold_attributions", "sum"),
        toolkit_attributions=("toolkit_attributions", "sum")).reset_index()
    table["gold_per_100_words"] = 100 * table["gold_attributions"] / table["words"]
    table["toolkit_per_100_words"] = 100 * table["toolkit_attributions"] / table["words"]
    table["relative_error"] = table["toolkit_per_100_words"] / table["gold_per_100_words"] - 1
    spearman = table["gold_per_100_words"].rank().corr(table["toolkit_per_100_words"].rank())
    summary = {"spearman": round(float(spearman), 4),
               "max_abs_relative_error": round(float(table["relative_error"].abs().max()), 4)}
    return table, summary
