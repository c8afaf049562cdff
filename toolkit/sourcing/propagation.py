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
truncate), and how each later carrier has it:

- ``credits_first``: its chain names the first outlet;
- ``credits_relay``: its chain names another medium;
- ``copied``: copied without credit: it names no medium, and either shares wording outside
  the quotation marks with an earlier carrier (at least ``COPY_SHINGLES`` word 4-grams of
  the sentences around the quote, every quotation taken out, first seen in that carrier)
  or names no speaker for it;
- ``independent``: reported independently: it names no medium, names the speaker, and its
  own sentences around the quote share no such wording with any earlier carrier (a
  public statement that several outlets quote from the source, or from the same
  recording, is not copying).

Example:
    >>> quotes = pd.DataFrame({"text": ["we ran out of next years this morning",
    ...                                  "We ran out of next years this morning, she said"]})
    >>> match_quotes(quotes).tolist()
    [0, 0]
"""

from __future__ import annotations

import itertools
import re
import zlib
from collections import Counter, defaultdict
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
COPY_SHINGLES = 2
"""Word 4-grams of the sentences around a quote (quotations taken out) that a later carrier
must share with an earlier one for its uncredited quote to count as copied."""
CREDIT_OUTCOMES = ("credits_first", "credits_relay", "copied", "independent")
QUOTATION_COLUMNS = ["cluster", "text", "speaker", "articles", "outlets", "outlet_list",
                     "first_outlet", "first_doc_id", "first_published", "uncredited_carriers",
                     "independent_carriers"]
CARRIER_COLUMNS = ["cluster", "doc_id", "outlet", "published", "is_first", "credit",
                   "credited", "copied_from", "shared_context", "chain", "text"]
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*\s+|\n+")


def normalize(text: str) -> list[str]:
    """Lower-cased words without punctuation or quote marks.

    Example:
        >>> normalize("“We’ll act,” she said.")
        ['we’ll', 'act', 'she', 'said']
    """
    return _WORD.findall(text.lower())


def _stable_hash(text: str) -> int:
    """A hash that is the same in every process (``hash()`` of a str is salted per
    process, which made the matching, and so the tables, vary from run to run)."""
    data = text.encode("utf-8")
    return zlib.crc32(data) << 32 | zlib.adler32(data)


def shingles(words: list[str], size: int = SHINGLE_WORDS) -> set[int]:
    """Stable hashes of the word ``size``-grams (the whole text when it is shorter).

    Example:
        >>> len(shingles(["we", "ran", "out", "of", "time"]))
        2
    """
    if len(words) <= size:
        return {_stable_hash(" ".join(words))} if words else set()
    return {_stable_hash(" ".join(words[i:i + size])) for i in range(len(words) - size + 1)}


def surrounding_text(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> str:
    """The sentence holding ``text[start:end]`` and one sentence either side, with every
    quoted span in ``spans`` taken out: the reporter's own wording around a quote.

    Example:
        >>> text = 'Rain fell. "We act now," the mayor said on Monday. Roads shut.'
        >>> surrounding_text(text, 11, 24, [(11, 24)])
        'Rain fell.  the mayor said on Monday. Roads shut.'
    """
    bounds = [0, *(m.end() for m in _SENTENCE_END.finditer(text)), len(text)]
    here = max(i for i, b in enumerate(bounds) if b <= start)
    last = next((i for i, b in enumerate(bounds) if b >= end), len(bounds) - 1)
    low, high = bounds[max(here - 1, 0)], bounds[min(last + 1, len(bounds) - 1)]
    pieces, cursor = [], low
    for q_start, q_end in sorted(spans):
        if q_end <= low or q_start >= high:
            continue
        pieces.append(text[cursor:max(q_start, cursor)])
        cursor = max(cursor, q_end)
    pieces.append(text[cursor:high])
    return "".join(pieces).strip()


def quote_table(articles: pd.DataFrame, attributions: pd.DataFrame) -> pd.DataFrame:
    """Every quotation of at least ``MIN_QUOTE_WORDS`` words, with who it is attributed to.

    A quotation belongs to the attribution whose content holds its opening (its
    speaker, chain and depth); quotations no attribution holds keep a null speaker.

    Returns:
        ``quote_id, doc_id, outlet, published, story, start, end, text, words,
        attribution_id, speaker, speaker_type, depth, chain, context`` (``context``: the
        sentences around the quote with every quotation taken out, see
        :func:`surrounding_text`).
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
        spans = find_quotes(text)
        quoted = [(q.start, q.end) for q in spans if q.depth == 0]
        for span in spans:
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
                "context": surrounding_text(text, span.start, span.end, quoted),
            })
    columns = ["quote_id", "doc_id", "outlet", "published", "story", "start", "end", "text",
               "words", "attribution_id", "speaker", "speaker_type", "depth", "chain",
               "context"]
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


def _credits(chain: list[dict] | None, first_outlet: str) -> tuple[str | None, str | None]:
    """The medium a carrier's chain credits: ``credits_first`` or ``credits_relay`` with
    its name, or ``(None, None)`` when it credits none."""
    media = [hop["name"] for hop in (chain or [])[1:-1] if hop.get("type") == "media"]
    for name in media:
        if names_outlet(name, first_outlet):
            return "credits_first", name
    if media:
        return "credits_relay", media[0]
    return None, None


def _copied_from(context: set[int], holders: dict[int, str]) -> tuple[str | None, int]:
    """The earlier carrier holding most of ``context``'s 4-grams first, and how many
    (``(None, n)`` below ``COPY_SHINGLES``); then ``context``'s new 4-grams are noted as
    this carrier's. One pass over each carrier's 4-grams, however many carriers."""
    counts = Counter(holders[gram] for gram in context if gram in holders)
    best, shared = counts.most_common(1)[0] if counts else (None, 0)
    return (best, shared) if shared >= COPY_SHINGLES else (None, shared)


def uncredited_outcome(speaker: str | None, shared_context: int) -> str:
    """``copied`` or ``independent`` for a carrier that credits no medium.

    Example:
        >>> uncredited_outcome("Mara Kovell", 0), uncredited_outcome(None, 0)
        ('independent', 'copied')
        >>> uncredited_outcome("Mara Kovell", COPY_SHINGLES)
        'copied'
    """
    if shared_context >= COPY_SHINGLES or speaker is None or pd.isna(speaker):
        return "copied"
    return "independent"


def propagation(quotes: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Quotations carried by more than one article, and how each carrier credits them.

    Args:
        quotes: from :func:`quote_table`.

    Returns:
        ``(quotations, carriers)``. ``quotations``: one row per quotation with
        ``cluster, text, speaker, articles, outlets, outlet_list, first_outlet,
        first_doc_id, first_published, uncredited_carriers`` (copied without credit),
        ``independent_carriers``. ``carriers``: one row per (quotation, article):
        ``cluster, doc_id, outlet, published, is_first, credit`` (``first``,
        ``credits_first``, ``credits_relay``, ``copied`` or ``independent``: see the
        module docstring), ``credited`` (the medium named), ``copied_from`` (the earlier
        carrier whose wording it shares), ``shared_context`` (how many 4-grams) and
        ``chain``. Without a ``context`` column (quotes not from :func:`quote_table`),
        no wording is compared: an uncredited carrier is ``copied`` when it names no
        speaker, else ``independent``.
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
        first, seen, later, holders = group[0], set(), [], {}
        for row in group:
            if row["doc_id"] in seen:
                continue
            seen.add(row["doc_id"])
            is_first = row["doc_id"] == first["doc_id"]
            context = shingles(normalize(row.get("context") or ""))
            copied_from, shared_context = _copied_from(context, holders)
            credit, credited = ("first", None) if is_first else _credits(
                row["chain"], first["outlet"])
            if credit is None:
                credit = uncredited_outcome(row["speaker"], shared_context)
            for gram in context:
                holders.setdefault(gram, row["doc_id"])
            carrier = {"cluster": cluster, "doc_id": row["doc_id"], "outlet": row["outlet"],
                       "published": row["published"], "is_first": is_first, "credit": credit,
                       "credited": credited, "copied_from": copied_from,
                       "shared_context": shared_context, "chain": row["chain"],
                       "text": row["text"]}
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
            "uncredited_carriers": sum(c["credit"] == "copied" for c in later),
            "independent_carriers": sum(c["credit"] == "independent" for c in later),
        })
    table = pd.DataFrame(clusters, columns=QUOTATION_COLUMNS)
    if not table.empty:
        table = table.sort_values(["outlets", "articles"], ascending=False, kind="stable")
    return table.reset_index(drop=True), pd.DataFrame(carriers, columns=CARRIER_COLUMNS)


def credit_summary(carriers: pd.DataFrame) -> pd.DataFrame:
    """Per outlet: how its later carriage of shared quotes is credited, copied or
    reported independently.

    Returns:
        ``outlet, carried_later, credits_first, credits_relay, copied, independent,
        share_uncredited`` (copied without credit / carried later).
    """
    later = carriers[~carriers["is_first"]] if len(carriers) else carriers
    if later.empty:
        return pd.DataFrame(columns=["outlet", "carried_later", *CREDIT_OUTCOMES,
                                     "share_uncredited"])
    table = pd.crosstab(later["outlet"], later["credit"]).reindex(
        columns=list(CREDIT_OUTCOMES), fill_value=0)
    table.insert(0, "carried_later", table.sum(axis=1))
    table["share_uncredited"] = np.where(table["carried_later"] > 0,
                                         table["copied"] / table["carried_later"], np.nan)
    return table.reset_index()
