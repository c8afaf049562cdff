"""toolkit: compare news outlets on sourcing density, quote chains and framing.

The public API, one function per stage of the data flow in DESIGN.md:

    >>> import toolkit
    >>> articles = toolkit.load_corpus("data/sample/articles.jsonl")  # doctest: +SKIP
    >>> docs = list(toolkit.parse(articles))  # doctest: +SKIP
    >>> tables = toolkit.analyze(articles)  # doctest: +SKIP
"""

from . import config, corpus, errors, findings, framing, measures, plots, sourcing, text
from .analysis import analyze, analyze_framing, analyze_sourcing
from .attribution import extract_attributions
from .corpus import LoadResult, load_corpus
from .errors import ToolkitError
from .nlp import load_pipeline
from .parse import parse
from .selection import select_articles
from .show import show

__version__ = "0.1.0"

__all__ = [
    "LoadResult",
    "ToolkitError",
    "analyze",
    "analyze_framing",
    "analyze_sourcing",
    "config",
    "corpus",
    "errors",
    "extract_attributions",
    "findings",
    "framing",
    "load_corpus",
    "load_pipeline",
    "measures",
    "parse",
    "plots",
    "select_articles",
    "show",
    "sourcing",
    "text",
]
