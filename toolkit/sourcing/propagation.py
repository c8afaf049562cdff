"""propagation: follow the same quotation across articles and outlets.

Quotations (:func:`quote_table`) are matched by shingles: each quote becomes the set of
its word 4-grams (after lower-casing and dropping punctuation), an inverted index maps
shingles to quotes, and two quotes are the same quotation when their shared shingles
cover at least half of the shorter one (so truncations, trimmed openings and small edits
still match). Each quote is compared only through its rarest shingles (prefix
filtering) and clusters grow transitively, so the work grows with the number of quotes,
not its square; shingles found in very many quotes (boilerplate) are ignored.

For each quotation carried by several articles (:func:`propagation`): which outlets
carry it, the first by date (on the same day, the fullest version: later carriers
truncate), and whether each later carrier credits the first outlet,
credits another medium (a relay), or presents the quote as its own.

Example:
    >>> quotes = pd.DataFrame({"text": ["we ran out of next years this morning",
    ...                                  "We ran out of next years this morning, she said"]})
    >>> match_quotes(quotes).tolist()
    [0, 0]
"""

from __future__ import annotations

import itertools
import re
from collections import defaultdict
from operator import itemgetter

import numpy as np
import pandas as pd

from ..attribution.chains import names_outlet
from ..attribution.quotes import find_quotes

SHINGLE_WORDS = 4
MIN_QUOTE_WORDS = 6
MATCH_SHARE = 0.5
MAX_SHINGLE_QUOTES = 200
PREFIX_SHINGLES = 4  # a quote is compared through its rarest shingles only
COMPARED_PER_SHINGLE = 8  # ... with the earliest quotes holding each of them
QUOTATION_COLUMNS = ["cluster", "text", "speaker", "articles", "outlets", "outlet_list",
                     "first_outlet", "first_doc_id", "first_published", "uncredited_carriers"]
CARRIER_COLUMNS = ["cluster", "doc_id", "outlet", "published", "is_first", "credit",
                   "credited", "chain", "text"]
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


def normalize(text: str) -> list[str]:
    """Lower-cased words without punctuation or quote marks.

    Example:
        >>> normalize("“We’ll act,” she said.")
        ['we’ll', 'act', 'she', 'said']
    """
    return _WORD.findall(text.lower())


def shingles(words: list[str], size: int = SHINGLE_WORDS) -> set[int]:
    """Hashes of the word ``size``-grams (the whole text when it is shorter)."""
    if len(words) <= size:
        return {hash(" ".join(words))} if words else set()
    return {hash(" ".join(words[i:i + size])) for i in range(len(words) - size + 1)}


def quote_table(articles: pd.DataFrame, attributions: pd.DataFrame) -> pd.DataFrame:
    """Every quotation of at least ``MIN_QUOTE_WORDS`` words, with who it is attributed to.

    A quotation belongs to the attribution whose content holds its opening (its
    speaker, chain and depth); quotations no attribution holds keep a null speaker.

    Returns:
        ``quote_id, doc_id, outlet, published, story, start, end, text, words,
        attribution_id, speaker, speaker_type, depth, chain``.
    """
    owner_fields = ["attribution_id", "speaker", "speaker_type", "depth", "chain"]
    by_doc: dict[str, list[tuple]] = {}
    if len(attributions):
        top = attributions[attributions["parent_id"].isna()]
        for row in zip(top["doc_id"], top["content_start"], top["content_end"],
                       *(top[name] for name in owner_fields)):
            by_doc.setdefault(row[0], []).append(row[1:])
    rows = []
    for article in articles.itertuples(index=False):
        text = article.text
        owners = by_doc.get(article.doc_id, [])
        for span in find_quotes(text):
            if span.depth:
                continue
            words = len(normalize(text[span.start:span.end]))
            if words < MIN_QUOTE_WORDS:
                continue
            owner = next((o[2:] for o in owners if o[0] <= span.start < o[1]), None)
            attribution_id, speaker, speaker_type, depth, chain = owner or (None,) * 5
            rows.append({
                "quote_id": f"{article.doc_id}-q{len(rows):04d}",
                "doc_id": article.doc_id, "outlet": article.outlet,
                "published": getattr(article, "published", None),
                "story": getattr(article, "story", None),
                "start": span.start, "end": span.end, "text": text[span.start:span.end],
                "words": words, "attribution_id": attribution_id, "speaker": speaker,
                "speaker_type": speaker_type,
                "depth": int(depth) if owner is not None else None, "chain": chain,
            })
    columns = ["quote_id", "doc_id", "outlet", "published", "story", "start", "end", "text",
               "words", "attribution_id", "speaker", "speaker_type", "depth", "chain"]
    return pd.DataFrame(rows, columns=columns)


def match_quotes(quotes: pd.DataFrame, *, share: float = MATCH_SHARE,
                 max_df: int = MAX_SHINGLE_QUOTES) -> pd.Series:
    """A cluster label per quote: quotes with the same label are the same quotation.

    Prefix filtering keeps the work linear: each quote is compared only with the
    earliest few quotes that hold one of its rarest shingles, and similar quotes are
    joined transitively (union-find), so a quotation carried by hundreds of articles
    costs hundreds of comparisons, not their square.

    Args:
        quotes: a table with a ``text`` column.
        share: the share of the shorter quote's shingles the two must have in common.
        max_df: shingles in more quotes than this are boilerplate and ignored.
    """
    sets = [shingles(normalize(text)) for text in quotes["text"]]
    index: dict[int, list[int]] = defaultdict(list)
    for i, grams in enumerate(sets):
        for gram in grams:
            index[gram].append(i)
    parent = list(range(len(sets)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, grams in enumerate(sets):
        usable = [g for g in grams if len(index[g]) <= max_df]
        prefix = sorted(usable, key=lambda g: (len(index[g]), g))[:PREFIX_SHINGLES]
        for gram in prefix:
            for j in index[gram][:COMPARED_PER_SHINGLE]:
                if j == i or find(i) == find(j):
                    continue
                common = len(grams & sets[j])
                if common >= share * min(len(grams), len(sets[j])):
                    root_i, root_j = find(i), find(j)
                    parent[max(root_i, root_j)] = min(root_i, root_j)
    roots = [find(i) for i in range(len(sets))]
    labels = {root: n for n, root in enumerate(dict.fromkeys(roots))}
    return pd.Series([labels[r] for r in roots], index=quotes.index, dtype=int)


def _credits(chain: list[dict] | None, first_outlet: str) -> tuple[str, str | None]:
    """How a carrier presents a quote: ``credits_first``, ``credits_relay`` or ``own``."""
    media = [hop["name"] for hop in (chain or [])[1:-1] if hop.get("type") == "media"]
    for name in media:
        if names_outlet(name, first_outlet):
            return "credits_first", name
    if media:
        return "credits_relay", media[0]
    return "own", None


def propagation(quotes: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Quotations carried by more than one article, and how each carrier credits them.

    Args:
        quotes: from :func:`quote_table`.

    Returns:
        ``(quotations, carriers)``. ``quotations``: one row per quotation with
        ``cluster, text, speaker, articles, outlets, outlet_list, first_outlet,
        first_doc_id, first_published, uncredited_carriers``. ``carriers``: one row
        per (quotation, article): ``cluster, doc_id, outlet, published, is_first,
        credit`` (``first``, ``credits_first``, ``credits_relay`` or ``own``),
        ``credited`` (the medium named) and ``chain``.
    """
    if quotes.empty:
        return pd.DataFrame(columns=QUOTATION_COLUMNS), pd.DataFrame(columns=CARRIER_COLUMNS)
    quotes = quotes.assign(cluster=match_quotes(quotes).to_numpy(),
                           _when=pd.to_datetime(quotes["published"], errors="coerce"),
                           _length=-quotes["words"])
    sizes = quotes.groupby("cluster")["doc_id"].nunique()
    shared = quotes[quotes["cluster"].isin(sizes[sizes > 1].index)].sort_values(
        ["cluster", "_when", "_length", "doc_id"], na_position="last", kind="stable")
    clusters, carriers = [], []
    for cluster, group in itertools.groupby(shared.to_dict("records"), key=itemgetter("cluster")):
        group = list(group)
        first, seen, later = group[0], set(), []
        for row in group:
            if row["doc_id"] in seen:
                continue
            seen.add(row["doc_id"])
            is_first = row["doc_id"] == first["doc_id"]
            credit, credited = ("first", None) if is_first else _credits(
                row["chain"], first["outlet"])
            carrier = {"cluster": cluster, "doc_id": row["doc_id"], "outlet": row["outlet"],
                       "published": row["published"], "is_first": is_first, "credit": credit,
                       "credited": credited, "chain": row["chain"], "text": row["text"]}
            carriers.append(carrier)
            if not is_first:
                later.append(carrier)
        speakers = pd.Series([r["speaker"] for r in group]).dropna()
        outlets = sorted({r["outlet"] for r in group})
        clusters.append({
            "cluster": cluster, "text": first["text"],
            "speaker": speakers.mode().iloc[0] if len(speakers) else None,
            "articles": len(seen), "outlets": len(outlets), "outlet_list": outlets,
            "first_outlet": first["outlet"], "first_doc_id": first["doc_id"],
            "first_published": first["published"],
            "uncredited_carriers": sum(c["credit"] == "own" for c in later),
        })
    table = pd.DataFrame(clusters, columns=QUOTATION_COLUMNS)
    if not table.empty:
        table = table.sort_values(["outlets", "articles"], ascending=False, kind="stable")
    return table.reset_index(drop=True), pd.DataFrame(carriers, columns=CARRIER_COLUMNS)


def credit_summary(carriers: pd.DataFrame) -> pd.DataFrame:
    """Per outlet: how often its later carriage of a shared quote credits someone.

    Returns:
        ``outlet, carried_later, credits_first, credits_relay, own, share_uncredited``.
    """
    later = carriers[~carriers["is_first"]] if len(carriers) else carriers
    if later.empty:
        return pd.DataFrame(columns=["outlet", "carried_later", "credits_first",
                                     "credits_relay", "own", "share_uncredited"])
    table = pd.crosstab(later["outlet"], later["credit"]).reindex(
        columns=["credits_first", "credits_relay", "own"], fill_value=0)
    table.insert(0, "carried_later", table.sum(axis=1))
    table["share_uncredited"] = np.where(table["carried_later"] > 0,
                                         table["own"] / table["carried_later"], np.nan)
    return table.reset_index()
