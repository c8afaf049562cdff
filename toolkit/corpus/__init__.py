"""corpus: load news corpora as the articles table, and describe what they hold.

Modules, one concern each:

- :mod:`~toolkit.corpus.load`: :func:`load_corpus`, the one entry point, and
  :func:`iter_corpus`, the same in chunks.
- :mod:`~toolkit.corpus.registry`: the reader registry (:data:`readers`); a format is one
  registered :class:`Reader` with its suffixes and its detector.
- :mod:`~toolkit.corpus.formats`: JSONL, JSON, CSV, TSV, Parquet, .txt and HTML readers.
- :mod:`~toolkit.corpus.layouts`: PolNeAR, BASIL, news-please and AllSides readers.
- :mod:`~toolkit.corpus.compressed`: gzip, bzip2 and xz files, and their damage (T108).
- :mod:`~toolkit.corpus.schema`: the articles columns, field aliases, record -> row.
- :mod:`~toolkit.corpus.collect`: raise or collect bad records; :class:`LoadResult`.
- :mod:`~toolkit.corpus.summary`: :func:`summarize` and :func:`outlet_overview`.

Example:
    >>> from toolkit.corpus import load_corpus, summarize
    >>> articles = load_corpus("../shared/corpora/basil")  # doctest: +SKIP
    >>> summarize(articles)["outlets"]  # doctest: +SKIP
    {'fox': 70, 'hpo': 70, 'nyt': 70}
"""

from . import formats, layouts  # noqa: F401  (importing them registers the built-in readers)
from .collect import REJECT_COLUMNS, LoadResult
from .compressed import open_binary, read_bytes
from .load import iter_corpus, load_corpus
from .registry import Reader, ReaderRegistry, ReadOptions, detect_format, readers
from .schema import ARTICLE_COLUMNS, FIELD_ALIASES, RESERVED_COLUMNS, Record
from .summary import outlet_overview, summarize

__all__ = [
    "ARTICLE_COLUMNS",
    "FIELD_ALIASES",
    "REJECT_COLUMNS",
    "RESERVED_COLUMNS",
    "LoadResult",
    "ReadOptions",
    "Reader",
    "ReaderRegistry",
    "Record",
    "detect_format",
    "iter_corpus",
    "load_corpus",
    "open_binary",
    "outlet_overview",
    "read_bytes",
    "readers",
    "summarize",
]
