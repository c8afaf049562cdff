"""corpus: load news corpora as the articles table, and describe what they hold.

Modules, one concern each:

- :mod:`~toolkit.corpus.load`: :func:`load_corpus`, the one entry point, and
  :func:`iter_corpus`, the same in chunks.
- :mod:`~toolkit.corpus.detect`: which format a file or folder is.
- :mod:`~toolkit.corpus.formats`: JSONL, JSON, CSV/TSV, Parquet, .txt and HTML readers.
- :mod:`~toolkit.corpus.layouts`: PolNeAR, BASIL, news-please and AllSides readers.
- :mod:`~toolkit.corpus.schema`: the articles columns, field aliases, record -> row.
- :mod:`~toolkit.corpus.collect`: raise or collect bad records; :class:`LoadResult`.
- :mod:`~toolkit.corpus.summary`: :func:`summarize` and :func:`outlet_overview`.

Example:
    >>> from toolkit.corpus import load_corpus, summarize
    >>> articles = load_corpus("../shared/corpora/basil")  # doctest: +SKIP
    >>> summarize(articles)["outlets"]  # doctest: +SKIP
    {'fox': 70, 'hpo': 70, 'nyt': 70}
"""

from .collect import REJECT_COLUMNS, LoadResult
from .detect import FORMATS, detect_format
from .load import iter_corpus, load_corpus
from .schema import ARTICLE_COLUMNS, FIELD_ALIASES
from .summary import outlet_overview, summarize

__all__ = [
    "ARTICLE_COLUMNS",
    "FIELD_ALIASES",
    "FORMATS",
    "REJECT_COLUMNS",
    "LoadResult",
    "detect_format",
    "iter_corpus",
    "load_corpus",
    "outlet_overview",
    "summarize",
]
