"""grouping: articles about the same event, found by their content within a date window.

Each article becomes a TF-IDF vector of its words (title and text; English stop words
dropped; sublinear term frequency; words found in one article only left out, since they
cannot be shared), with the title's words added again at half weight, since a headline
names its event. Two articles' similarity is the cosine of their vectors. Named entities
and quotations enter through their words: a rare name or a quoted phrase shared by two
articles weighs as much as its rarity says.

1. **Within the window.** Two dated articles more than ``window_days`` apart are never
   grouped directly; articles without a date are compared with every article, on content
   alone.
2. **Average linkage.** Stories are the groups of scipy's average-linkage hierarchy cut
   where the average similarity between two groups falls below ``threshold``.
3. **Lone articles.** An article left alone joins the story whose centroid it matches
   best, when that cosine reaches ``attach_threshold``: a short or noisy article often
   matches a story as a whole better than any one of its articles. Dates are not asked
   here, since a lone article's date is the likeliest to be wrong (scraped dates often
   are: news-please takes a page's date from its markup).

Grouping reads only each article's ``title``, ``text`` and ``published``: never its
``doc_id``, outlet, file name, ``story`` or any other field.

Near-linear work, never all pairs: dated articles are compared block by block along the
time line, each with the articles within the window only (sparse products); an undated or
lone article is compared only with the articles holding one of its ``KEYWORDS`` most
distinctive terms, among terms found in at most ``MAX_KEYWORD_ARTICLES`` articles. Pairs
at or above the threshold form connected components (scipy.sparse.csgraph), and average
linkage runs inside each component, which gives the groups it gives on the whole corpus:
a group whose average similarity reaches the threshold always holds a pair that does.

How the settings were chosen (README, "Stories"): the representation by the pairwise
average precision of same-event pairs, best on both news_clusters and BASIL; the
threshold where BASIL peaks (0.2, the cosine of the baseline's own cut), confirmed on
news_clusters; the window and the lone-article rule on news_clusters, whose scraped dates
are noisy (BASIL's F1 hardly moves with either).

Example:
    >>> articles = pd.DataFrame({
    ...     "title": ["Flood closes Elm bridge", "Elm bridge shut by flood",
    ...               "Mayor opens library"],
    ...     "text": ["Floodwater closed the Elm bridge on Monday, the river authority said.",
    ...              "The river authority shut the Elm bridge after floodwater rose Monday.",
    ...              "The mayor opened the new library on Main Street."],
    ...     "published": pd.to_datetime(["2024-03-04", "2024-03-04", "2024-03-05"])})
    >>> stories = group(articles)
    >>> stories["cluster"].tolist(), stories["label"].tolist()[1:]
    ([0, 0, 1], ['bridge · elm · authority · flood', 'library · mayor · opens'])
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import scipy.sparse as sp
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.sparse.csgraph import connected_components
from scipy.spatial.distance import squareform
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.preprocessing import normalize

from ..errors import ParameterError

WINDOW_DAYS = 30
"""Dated articles further apart than this are never grouped directly."""
THRESHOLD = 0.2
"""The average cosine similarity two groups need to be one story."""
ATTACH_THRESHOLD = 0.2
"""The cosine between a lone article and a story's centroid for it to join the story."""
TITLE_WEIGHT = 0.5
"""The weight of the title's words, added again beside the article's own vector."""
KEYWORDS = 10
"""An undated or lone article is compared with the articles holding one of this many of
its most distinctive terms."""
MAX_KEYWORD_ARTICLES = 50
"""A term in more articles than this is a topic, not an event: it proposes no pairs."""
PARTNERS = 10
"""How many articles an undated or lone article is compared with: those sharing most of
its top terms."""
MAX_COMPONENT = 500
"""Average linkage compares every pair inside a component, so a component larger than
this (a chain of related stories in a big corpus) is split by raising the threshold of
its edges ``THRESHOLD_STEP`` at a time until every part fits."""
THRESHOLD_STEP = 0.025
BLOCK_ARTICLES = 500
"""Dated articles compared at once with the articles within the window after them."""
LABEL_TERMS = 4
STORY_COLUMNS = ["doc_id", "cluster", "size", "label"]


def _texts(articles: pd.DataFrame) -> tuple[list[str], list[str]]:
    if "text" not in articles:
        raise ParameterError("the articles have no 'text' column", field="text")
    titles = (articles["title"].fillna("").astype(str).tolist() if "title" in articles
              else [""] * len(articles))
    texts = articles["text"].fillna("").astype(str).tolist()
    return titles, [f"{title}\n{text}" for title, text in zip(titles, texts)]


def article_days(articles: pd.DataFrame) -> np.ndarray:
    """Each article's day (days since 1970-01-01, UTC), NaN without a usable date.

    Example:
        >>> article_days(pd.DataFrame({"published": ["1970-01-03 18:00", None]})).tolist()
        [2.0, nan]
    """
    if "published" not in articles:
        return np.full(len(articles), np.nan)
    when = pd.to_datetime(articles["published"], errors="coerce", utc=True)
    seconds = (when - pd.Timestamp(0, tz="UTC")).dt.total_seconds()
    return np.floor(seconds.to_numpy(dtype=float) / 86400.0)


def vectorize(articles: pd.DataFrame) -> tuple[sp.csr_matrix, np.ndarray]:
    """Each article's unit-length vector, and the word of each column.

    Columns: the words of title and text (TF-IDF, sublinear tf, English stop words out,
    words of one article out), then the title's words at ``TITLE_WEIGHT``.

    Example:
        >>> frame = pd.DataFrame({"title": ["Storm", "Storm"],
        ...                       "text": ["A storm hit.", "The storm hit hard."]})
        >>> matrix, words = vectorize(frame)
        >>> words.tolist(), round(float((matrix @ matrix.T)[0, 1]), 2)
        (['hit', 'storm', 'storm'], 1.0)
    """
    titles, full = _texts(articles)
    body = TfidfVectorizer(stop_words="english", sublinear_tf=True,
                           min_df=2 if len(full) > 1 else 1, dtype=np.float32)
    try:
        blocks = [body.fit_transform(full)]
        words = body.get_feature_names_out()
    except ValueError:  # no word shared by two articles
        blocks, words = [sp.csr_matrix((len(full), 0), dtype=np.float32)], np.array([])
    try:
        title = TfidfVectorizer(stop_words="english", sublinear_tf=True, dtype=np.float32)
        blocks.append(TITLE_WEIGHT * title.fit_transform(titles))
        words = np.concatenate([words, title.get_feature_names_out()])
    except ValueError:  # no title words at all
        pass
    matrix = sp.hstack(blocks, format="csr")
    return (normalize(matrix) if matrix.shape[1] else matrix), words


def window_edges(matrix: sp.csr_matrix, days: np.ndarray, window_days: float,
                 threshold: float) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Pairs of dated articles at most ``window_days`` apart whose cosine reaches
    ``threshold``, with that cosine, found block by block along the time line.

    Example:
        >>> m = sp.csr_matrix(np.array([[1.0, 0.0], [1.0, 0.0], [1.0, 0.0], [0.0, 1.0]]))
        >>> edges = window_edges(m, np.array([0.0, 5.0, 50.0, 1.0]), 30, 0.5)
        >>> [e.tolist() for e in edges]
        [[0], [1], [1.0]]
    """
    dated = np.flatnonzero(~np.isnan(days))
    order = dated[np.argsort(days[dated], kind="stable")]
    sorted_days = days[order]
    rows, cols, values = [], [], []
    for start in range(0, len(order), BLOCK_ARTICLES):
        stop = min(start + BLOCK_ARTICLES, len(order))
        end = int(np.searchsorted(sorted_days, sorted_days[stop - 1] + window_days,
                                  side="right"))
        block = (matrix[order[start:stop]] @ matrix[order[start:end]].T).tocoo()
        a, b = block.row + start, block.col + start
        keep = (b > a) & (block.data >= threshold) & (
            sorted_days[b] - sorted_days[a] <= window_days)
        rows.append(order[a[keep]])
        cols.append(order[b[keep]])
        values.append(block.data[keep].astype(float))
    if not rows:
        return np.empty(0, dtype=np.int64), np.empty(0, dtype=np.int64), np.empty(0)
    return np.concatenate(rows), np.concatenate(cols), np.concatenate(values)


def keyword_pairs(matrix: sp.csr_matrix, rows: np.ndarray, *, keywords: int = KEYWORDS,
                  max_articles: int = MAX_KEYWORD_ARTICLES,
                  partners: int = PARTNERS) -> tuple[np.ndarray, np.ndarray]:
    """Pairs ``(r, j)``, ``r`` in ``rows``, ``j != r``: the ``partners`` articles that
    hold most of ``r``'s ``keywords`` heaviest terms (among the terms found in 2 to
    ``max_articles`` articles), ranked by the part of the cosine those terms make.

    The sparse product costs at most ``max_articles`` times ``keywords`` per row, and
    each row keeps at most ``partners`` pairs, however large the corpus.

    Example:
        >>> m = sp.csr_matrix(np.array([[1.0, 0], [0.5, 0.5], [0, 1.0], [0, 0]]))
        >>> [pair.tolist() for pair in keyword_pairs(m, np.array([0, 2]))]
        [[0, 2], [1, 1]]
    """
    present = matrix.tocsc()
    df = np.diff(present.indptr)
    usable = np.flatnonzero((df >= 2) & (df <= max_articles))
    present = present[:, usable].tocsr()
    weights = matrix[rows][:, usable].tocsr()
    row_of = np.repeat(np.arange(len(rows)), np.diff(weights.indptr))
    order = np.lexsort((-weights.data, row_of))  # heaviest first within each row
    picked = order[np.arange(len(order)) - weights.indptr[row_of[order]] < keywords]
    top = sp.csr_matrix((weights.data[picked], (row_of[picked], weights.indices[picked])),
                        shape=(len(rows), present.shape[1]))
    hits = (top @ present.T).tocoo()
    first, second = rows[hits.row], hits.col.astype(np.int64)
    keep = first != second
    first, second, score = first[keep], second[keep], hits.data[keep]
    order = np.lexsort((second, -score, first))
    first, second = first[order], second[order]
    starts = np.flatnonzero(np.r_[True, first[1:] != first[:-1]])
    rank = np.arange(len(first)) - np.repeat(starts, np.diff(np.r_[starts, len(first)]))
    return first[rank < partners], second[rank < partners]


def pair_cosine(matrix: sp.csr_matrix, i: np.ndarray, j: np.ndarray,
                other: sp.csr_matrix | None = None, *, rows: int = 64) -> np.ndarray:
    """The cosine of each pair: row ``i[k]`` of ``matrix`` and row ``j[k]`` of ``other``
    (``matrix`` itself by default), both of unit length.

    Computed ``rows`` distinct ``i`` at a time as one sparse product with the rows of
    ``other`` they are paired with, so memory stays flat and no row is copied per pair.

    Example:
        >>> m = sp.csr_matrix(np.array([[1.0, 0.0], [0.6, 0.8]]))
        >>> pair_cosine(m, np.array([0, 1]), np.array([1, 1])).round(2).tolist()
        [0.6, 1.0]
    """
    other = matrix if other is None else other
    cosine = np.empty(len(i))
    firsts, position = np.unique(i, return_inverse=True)
    order = np.argsort(position, kind="stable")
    bounds = np.searchsorted(position[order], np.arange(0, len(firsts) + rows, rows))
    for start, low, high in zip(range(0, len(firsts), rows), bounds[:-1], bounds[1:]):
        chunk = order[low:high]
        seconds, column = np.unique(j[chunk], return_inverse=True)
        block = (matrix[firsts[start:start + rows]] @ other[seconds].T).toarray()
        cosine[chunk] = block[position[chunk] - start, column]
    return cosine


def _linkage_labels(matrix: sp.csr_matrix, days: np.ndarray, members: np.ndarray,
                    threshold: float, window_days: float | None) -> np.ndarray:
    """Average-linkage labels (0..k-1) of one component's articles."""
    if len(members) == 1:
        return np.zeros(1, dtype=np.int64)
    sub = matrix[members]
    similarity = (sub @ sub.T).toarray()
    if window_days is not None:
        gap = np.abs(days[members][:, None] - days[members][None, :])
        similarity[gap > window_days] = 0.0  # NaN gaps (no date) compare as False
    distance = np.clip(1.0 - similarity, 0.0, None)
    np.fill_diagonal(distance, 0.0)
    tree = linkage(squareform(distance, checks=False), method="average")
    return fcluster(tree, t=1.0 - threshold, criterion="distance").astype(np.int64) - 1


def _attach_lone(matrix: sp.csr_matrix, labels: np.ndarray,
                 attach_threshold: float) -> np.ndarray:
    """Lone articles joined to the story whose centroid they match best, if close enough
    (the stories tried for a lone article are those of its keyword pairs)."""
    sizes = np.bincount(labels)
    lone = np.flatnonzero(sizes[labels] == 1)
    if not len(lone) or (sizes > 1).sum() == 0:
        return labels
    first, second = keyword_pairs(matrix, lone)
    in_story = sizes[labels[second]] > 1
    tried = pd.DataFrame({"lone": first[in_story], "story": labels[second[in_story]]}
                         ).drop_duplicates()
    if tried.empty:
        return labels
    indicator = sp.csr_matrix((np.ones(len(labels)), (labels, np.arange(len(labels)))),
                              shape=(sizes.size, len(labels)))
    centroids = normalize(indicator @ matrix)
    tried["score"] = pair_cosine(matrix, tried["lone"].to_numpy(), tried["story"].to_numpy(),
                                 centroids)
    best = tried[tried["score"] >= attach_threshold].sort_values(
        ["lone", "score", "story"], ascending=[True, False, True]).drop_duplicates("lone")
    result = labels.copy()
    result[best["lone"].to_numpy()] = best["story"].to_numpy()
    return result


def _strong_edges(matrix: sp.csr_matrix, days: np.ndarray, window_days: float | None,
                  threshold: float) -> sp.coo_matrix:
    """The graph of pairs whose similarity reaches ``threshold`` (weights: cosines):
    dated pairs within the window, and the keyword pairs of undated articles (of every
    article, when ``window_days`` is None)."""
    n = matrix.shape[0]
    content_only = np.arange(n) if window_days is None else np.flatnonzero(np.isnan(days))
    first, second = keyword_pairs(matrix, content_only)
    cosine = pair_cosine(matrix, first, second)
    strong = cosine >= threshold
    parts = [(first[strong], second[strong], cosine[strong])]
    if window_days is not None:
        parts.append(window_edges(matrix, days, window_days, threshold))
    i, j, value = (np.concatenate([part[k] for part in parts]) for k in range(3))
    return sp.coo_matrix((value, (np.minimum(i, j), np.maximum(i, j))), shape=(n, n))


def components(graph: sp.coo_matrix, threshold: float, *,
               max_size: int = MAX_COMPONENT) -> list[np.ndarray]:
    """The connected components of the edges at or above ``threshold``; a component of
    more than ``max_size`` articles is split by raising the threshold ``THRESHOLD_STEP``
    at a time for its edges, until every part fits.

    Example:
        >>> g = sp.coo_matrix(([0.9, 0.3, 0.9], ([0, 1, 2], [1, 2, 3])), shape=(5, 5))
        >>> [c.tolist() for c in components(g, 0.2)]
        [[0, 1, 2, 3], [4]]
        >>> [c.tolist() for c in components(g, 0.2, max_size=2)]
        [[0, 1], [2, 3], [4]]
    """
    graph = graph.tocsr()
    keep = graph.copy()
    keep.data = (keep.data >= threshold).astype(np.int8)
    _, labels = connected_components(keep, directed=False)
    order = np.argsort(labels, kind="stable")
    parts = np.split(order, np.flatnonzero(np.diff(labels[order])) + 1)
    result = []
    for part in parts:
        if len(part) <= max_size:
            result.append(part)
            continue
        if threshold + THRESHOLD_STEP > 1:  # near-duplicates: cut in article order
            result.extend(np.array_split(part, -(-len(part) // max_size)))
            continue
        inner = graph[part][:, part].tocoo()
        result.extend(part[sub] for sub in components(
            inner, threshold + THRESHOLD_STEP, max_size=max_size))
    return sorted(result, key=lambda members: members[0])


def group(
    articles: pd.DataFrame,
    *,
    window_days: float | None = WINDOW_DAYS,
    threshold: float = THRESHOLD,
    attach_threshold: float | None = ATTACH_THRESHOLD,
) -> pd.DataFrame:
    """Group articles about the same event (the method is in the module docstring).

    Args:
        articles: a table with ``text`` and, when there, ``title`` and ``published``;
            ``doc_id`` is copied to the result and never read for grouping.
        window_days: dated articles further apart than this many days are never grouped
            directly; ``None`` ignores dates.
        threshold: the average similarity between two groups for them to be one story.
        attach_threshold: the cosine between a lone article and a story's centroid for
            it to join that story; ``None`` leaves lone articles alone.

    Returns:
        One row per article, in the articles' order: ``doc_id`` (when the articles have
        one), ``cluster`` (0 is the largest story; ties by first article), ``size``
        (articles in the cluster) and ``label`` (the cluster's four heaviest words).

    Raises:
        ParameterError: a threshold outside (0, 1], a negative window, or no ``text``.
    """
    for name, value in (("threshold", threshold), ("attach_threshold", attach_threshold)):
        if value is not None and not 0 < value <= 1:
            raise ParameterError(f"{name} must be in (0, 1], got {value!r}", field=name)
    if window_days is not None and not window_days >= 0:
        raise ParameterError(f"window_days must be >= 0, got {window_days!r}",
                             field="window_days")
    _texts(articles)  # a corpus without text fails here, empty or not
    n = len(articles)
    if n == 0:
        return pd.DataFrame({c: pd.Series(dtype=object if c in ("doc_id", "label") else int)
                             for c in STORY_COLUMNS})
    matrix, words = vectorize(articles)
    days = article_days(articles)
    graph = _strong_edges(matrix, days, window_days, threshold)
    labels = np.empty(n, dtype=np.int64)
    offset = 0
    for members in components(graph, threshold):
        local = _linkage_labels(matrix, days, members, threshold, window_days)
        labels[members] = local + offset
        offset += int(local.max()) + 1
    if attach_threshold is not None:
        labels = _attach_lone(matrix, labels, attach_threshold)
    return _numbered(articles, matrix, words, labels)


def _numbered(articles: pd.DataFrame, matrix: sp.csr_matrix, words: np.ndarray,
              labels: np.ndarray) -> pd.DataFrame:
    """Clusters renumbered by size (largest first; ties by first article), labelled."""
    sizes = np.bincount(labels)
    first = np.full(sizes.size, len(labels))
    np.minimum.at(first, labels, np.arange(len(labels)))
    used = np.flatnonzero(sizes)
    ranked = used[np.lexsort((first[used], -sizes[used]))]
    renumber = np.empty(sizes.size, dtype=np.int64)
    renumber[ranked] = np.arange(len(ranked))
    clusters = renumber[labels]
    names = cluster_labels(matrix, words, clusters)
    table = pd.DataFrame({"cluster": clusters, "size": np.bincount(clusters)[clusters],
                          "label": [names[c] for c in clusters]})
    if "doc_id" in articles:
        table.insert(0, "doc_id", articles["doc_id"].astype(str).to_numpy())
    return table


def cluster_labels(weights: sp.csr_matrix, words: np.ndarray, clusters: np.ndarray, *,
                   top: int = LABEL_TERMS) -> list[str]:
    """A label per cluster number: its ``top`` heaviest words, joined by `` · ``.

    A word with several columns (text and title) counts by its heaviest.

    Example:
        >>> w = sp.csr_matrix(np.array([[0.9, 0.1], [0.8, 0.0], [0.0, 1.0]]))
        >>> cluster_labels(w, np.array(["flood", "vote"]), np.array([0, 0, 1]))
        ['flood · vote', 'vote']
    """
    if not len(clusters):
        return []
    indicator = sp.csr_matrix((np.ones(len(clusters)), (clusters, np.arange(len(clusters)))),
                              shape=(int(clusters.max()) + 1, len(clusters)))
    totals = (indicator @ weights).tocsr()
    labels = []
    for row in range(totals.shape[0]):
        start, end = totals.indptr[row], totals.indptr[row + 1]
        data, index = totals.data[start:end], totals.indices[start:end]
        order = np.lexsort((index, -data))
        ranked = dict.fromkeys(words[index[order]][data[order] > 0].tolist())
        labels.append(" · ".join(list(ranked)[:top]))
    return labels
