"""toolkit: compare news outlets on sourcing density, quote chains and framing.

The public API, one function per stage of the data flow in DESIGN.md:

    >>> import toolkit
    >>> articles = toolkit.load_corpus("data/sample/articles.jsonl")  # doctest: +SKIP
    >>> docs = list(toolkit.parse(articles))  # doctest: +SKIP

Every name is imported when first used (PEP 562), so ``import toolkit`` and the
``toolkit`` command start without spaCy, textacy or scikit-learn; ``toolkit.parse`` and
``toolkit.show`` stay the functions even once their modules are imported.

Example:
    >>> from toolkit import open_corpus
    >>> open_corpus.__module__, callable(toolkit.parse), toolkit.corpus.__name__
    ('toolkit.corpus_source', True, 'toolkit.corpus')
"""

from __future__ import annotations

import importlib
import sys
import types
from typing import Any

from . import config, errors
from .errors import ToolkitError

__version__ = "0.1.0"

_NAMES = {
    "LoadResult": "corpus",
    "analyze": "analysis",
    "analyze_framing": "analysis",
    "analyze_sourcing": "analysis",
    "extract_attributions": "attribution",
    "load_corpus": "corpus",
    "load_pipeline": "nlp",
    "open_corpus": "corpus_source",
    "parse": "parse",
    "select_articles": "selection",
    "show": "show",
}
"""Public name -> the module (under ``toolkit``) it comes from."""

_MODULES = ("corpus", "findings", "framing", "measures", "plots", "sourcing", "text")

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
    "open_corpus",
    "parse",
    "plots",
    "select_articles",
    "show",
    "sourcing",
    "text",
]


def __getattr__(name: str) -> Any:
    if name in _NAMES:
        value = getattr(importlib.import_module(f".{_NAMES[name]}", __name__), name)
        globals()[name] = value
        return value
    if name in _MODULES:
        return importlib.import_module(f".{name}", __name__)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})


class _Package(types.ModuleType):
    """The package, keeping ``toolkit.parse`` and ``toolkit.show`` the functions: the
    import system sets a package attribute to each submodule it loads."""

    def __setattr__(self, name: str, value: Any) -> None:
        if isinstance(value, types.ModuleType) and _NAMES.get(name) == name:
            value = getattr(value, name)
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package
