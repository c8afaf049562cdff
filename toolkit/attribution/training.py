"""training: fit the learned cue model on brat gold and write its weights file.

    python -m toolkit.attribution.training --gold ../shared/corpora/polnear/train \\
        --out toolkit/models/cue_model.json
    python -m toolkit.attribution.training --gold ../shared/corpora/polnear/train --cross-fit

Every verb the extractor would ask the model about becomes one example, labelled
positive when it lies inside a gold cue span. A logistic regression (scikit-learn,
L2) is fitted on their symbolic features; the decision threshold is chosen on
out-of-fold predictions (5 folds by document) so that the predicted count matches the
gold count (``--max-f1``: the F1-maximising one); ``--cross-fit`` scores the extractor on
the training folder itself, each fold extracted by a model that never saw it. Only feature names
(lemmas, tags, labels) and weights are written: no article text.

Example:
    >>> rows, unreachable = candidate_examples("../shared/corpora/polnear/dev")  # doctest: +SKIP
    >>> sum(label for _, label, _ in rows) > 100  # doctest: +SKIP
    True
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

import pandas as pd

from ..evaluate import Parts, load_gold, score_attributions
from ..parse import parse
from .candidates import features as candidate_features
from .candidates import verb_candidates
from .extract import ATTRIBUTION_COLUMNS, attributions_of
from .index import ArticleIndex
from .learned import MODEL_PATH, CueModel
from .passes import labelled_quotes
from .passes.reported_speech import is_bare, model_candidates
from .passes.speaker_lines import speaker_lines

FOLDS = 5


def candidate_examples(directory: str | Path, *, n_process: int = 1
                       ) -> tuple[list[tuple[list[str], int, str]], int]:
    """(features, label, doc_id) for every verb candidate of a gold folder's texts, and
    the number of gold attributions no candidate, speech cue or ``according`` reaches
    (nominal cues, colons: the extractor's blind spot, counted for the threshold)."""
    gold = load_gold(directory)
    cues: dict[str, list[Parts]] = {}
    for row in gold.attributions.itertuples():
        cues.setdefault(row.doc_id, []).append(row.cue or ())
    articles = pd.DataFrame({"doc_id": list(gold.texts), "text": list(gold.texts.values())})
    examples, unreachable = [], 0
    for doc in parse(articles, n_process=n_process):
        doc_id = doc.user_data["doc_id"]
        spans = [part for cue in cues.get(doc_id, []) for part in cue]
        index = ArticleIndex(doc, doc_id=doc_id)
        labelled_quotes.run(index)  # its verbs are no examples
        reached = [t.idx for t in doc if t.lower_ == "according"]
        for candidate in model_candidates(index):
            start = candidate.token.idx
            reached.append(start)
            label = int(any(s <= start < e for s, e in spans))
            examples.append((candidate_features(index, candidate), label, doc_id))
        reached += [c.token.idx for c in verb_candidates(index)
                    if is_bare(c) and c.token.i not in index.claimed]
        reached += [row.cue_chars[0] for row in speaker_lines(index)]
        unreachable += sum(not any(s <= r < e for s, e in cue for r in reached)
                           for cue in cues.get(doc_id, []))
    return examples, unreachable


def _matrix(examples, vocabulary: dict[str, int]):
    from scipy.sparse import csr_matrix

    rows, cols = [], []
    for i, (features, _, _) in enumerate(examples):
        for feature in features:
            if feature in vocabulary:
                rows.append(i)
                cols.append(vocabulary[feature])
    return csr_matrix(([1.0] * len(rows), (rows, cols)), shape=(len(examples), len(vocabulary)))


def fit(examples, *, min_count: int = 2, c: float = 0.25, unreachable: int | None = None
        ) -> tuple[dict[str, float], float]:
    """Fit the model; returns (weights with ``bias``, threshold).

    The threshold is chosen on out-of-fold predictions. Given ``unreachable`` (gold
    attributions the extractor cannot see), it is the one whose predicted count comes
    closest to the positives plus those, so the extractor's attribution counts (and the
    per-outlet densities built on them) are not biased low; otherwise the one
    maximising F1.
    """
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    counts = Counter(f for features, _, _ in examples for f in features if f != "bias")
    vocabulary = {f: i for i, f in enumerate(sorted(f for f, n in counts.items()
                                                    if n >= min_count))}
    x, y = _matrix(examples, vocabulary), np.array([label for _, label, _ in examples])
    docs = sorted({doc_id for _, _, doc_id in examples})
    fold_of = {doc_id: i % FOLDS for i, doc_id in enumerate(docs)}
    folds = np.array([fold_of[doc_id] for _, _, doc_id in examples])
    out_of_fold = np.zeros(len(y))
    for k in range(FOLDS):
        model = LogisticRegression(C=c, max_iter=2000)
        model.fit(x[folds != k], y[folds != k])
        out_of_fold[folds == k] = model.predict_proba(x[folds == k])[:, 1]
    best, threshold = -np.inf, 0.5
    for candidate in np.arange(0.1, 0.8, 0.01):
        predicted = out_of_fold >= candidate
        tp = float((predicted & (y == 1)).sum())
        f1 = 2 * tp / (predicted.sum() + y.sum()) if tp else 0.0
        score = f1 if unreachable is None else -abs(
            float(predicted.sum()) - float(y.sum()) - unreachable)
        if score > best:
            best, threshold = score, round(float(candidate), 2)
    model = LogisticRegression(C=c, max_iter=2000).fit(x, y)
    weights = {f: round(float(model.coef_[0][i]), 3) for f, i in vocabulary.items()
               if abs(model.coef_[0][i]) >= 0.005}
    weights["bias"] = round(float(model.intercept_[0]), 4)
    return weights, threshold


def cross_fitted_scores(directory: str | Path, *, folds: int = FOLDS, min_count: int = 2,
                        c: float = 0.25, n_process: int = 1) -> dict[str, object]:
    """An honest score on the training folder itself: its documents split into ``folds``
    by document, each fold extracted with a model fitted on the others (threshold by the
    count rule, the unreachable gold scaled to the training share), all scored together
    by :func:`toolkit.evaluate.score_attributions`.

    Example:
        >>> scores = cross_fitted_scores("../shared/corpora/polnear/train")  # doctest: +SKIP
        >>> 0.6 < scores["source_exact"]["f1"] < 0.8  # doctest: +SKIP
        True
    """
    examples, unreachable = candidate_examples(directory, n_process=n_process)
    gold = load_gold(directory)
    articles = pd.DataFrame({"doc_id": list(gold.texts), "text": list(gold.texts.values())})
    docs = {doc.user_data["doc_id"]: doc for doc in parse(articles, n_process=n_process)}
    fold_of = {doc_id: i % folds for i, doc_id in enumerate(sorted(docs))}
    rows: list[dict] = []
    for k in range(folds):
        weights, threshold = fit([e for e in examples if fold_of[e[2]] != k],
                                 min_count=min_count, c=c,
                                 unreachable=unreachable * (folds - 1) / folds)
        model = CueModel(weights, threshold, {})
        for doc_id, doc in docs.items():
            if fold_of[doc_id] == k:
                rows += attributions_of(doc, doc_id=doc_id, cue_model=model)
    predicted = pd.DataFrame(rows, columns=ATTRIBUTION_COLUMNS)
    return score_attributions(predicted, gold, docs=docs)


def main(argv: list[str] | None = None) -> int:
    """Train on ``--gold`` folders and write the model file (or, with ``--cross-fit``,
    print the cross-fitted scores of the first folder)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--gold", nargs="+", required=True, help="brat gold folder(s)")
    parser.add_argument("--out", default=str(MODEL_PATH), help="model file to write")
    parser.add_argument("--min-count", type=int, default=2, help="rarer features dropped")
    parser.add_argument("--c", type=float, default=0.25, help="inverse L2 strength")
    parser.add_argument("--max-f1", action="store_true", help="threshold maximising F1 "
                        "instead of matching the gold cue count")
    parser.add_argument("--n-process", type=int, default=1)
    parser.add_argument("--cross-fit", action="store_true", help="write no model: print the "
                        "scores of the first gold folder, each of 5 folds extracted by a "
                        "model fitted on the other four")
    args = parser.parse_args(argv)
    if args.cross_fit:
        scores = cross_fitted_scores(args.gold[0], min_count=args.min_count, c=args.c,
                                     n_process=args.n_process)
        print(json.dumps(scores))
        return 0
    examples, unreachable = [], 0
    for gold in args.gold:
        found, missing = candidate_examples(gold, n_process=args.n_process)
        examples += found
        unreachable += missing
    weights, threshold = fit(examples, min_count=args.min_count, c=args.c,
                             unreachable=None if args.max_f1 else unreachable)
    meta = {
        "trained_on": [Path(g).as_posix().split("corpora/")[-1] for g in args.gold],
        "examples": len(examples), "positives": sum(label for _, label, _ in examples),
        "unreachable_gold": unreachable,
        "features": len(weights), "min_count": args.min_count, "c": args.c,
        "threshold_rule": "max F1" if args.max_f1 else "predicted count = gold count",
    }
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(json.dumps({"threshold": threshold, "meta": meta,
                                          "weights": weights}, sort_keys=True) + "\n")
    print(json.dumps({"threshold": threshold, **meta}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
