"""notebook: the few helpers every report notebook calls around its analysis.

A notebook's ``parameters`` cell declares type-annotated defaults; the next cell calls
:func:`check_parameters` on ``globals()``, which rejects names the notebook does not
declare (typos injected by Papermill) and values of the wrong type, then
:func:`load_selection` loads and filters the corpus. :func:`save_table` and
:func:`save_figure` write what the notebook shows next to the HTML report.

Example (the second cell of a notebook):
    >>> params = check_parameters(globals())  # doctest: +SKIP
    >>> articles = load_selection(params)  # doctest: +SKIP
"""

from __future__ import annotations

import types
import typing
from pathlib import Path
from typing import Any

import pandas as pd
from IPython.display import display

from .corpus_source import CorpusFiles, StoredCorpus, open_corpus
from .errors import ParameterError
from .filenames import safe_name
from .selection import as_list, select_articles
from .tables import write_formats

RECORD_MIMETYPE = "application/vnd.toolkit.record+json"
IPYTHON_NAMES = {"In", "Out", "get_ipython", "exit", "quit", "open"}
# Papermill injects literals only (YAML gives lists, never tuples); functions, classes,
# modules and UPPER_CASE constants in globals are imports.
LITERAL_TYPES = (str, int, float, bool, list, dict, type(None))


def _matches(value: Any, annotation: Any) -> bool:
    if annotation in (Any, typing.Any) or annotation is None:
        return True
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        return any(_matches(value, arm) for arm in typing.get_args(annotation))
    if annotation is type(None):
        return value is None
    base = origin or annotation
    if base is float:
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    if base is int:
        return isinstance(value, int) and not isinstance(value, bool)
    return isinstance(value, base) if isinstance(base, type) else True


def check_parameters(namespace: dict[str, Any]) -> dict[str, Any]:
    """Validate the parameters cell's values; return them as a dict.

    The declared parameters are the names annotated in the ``parameters`` cell (they
    land in ``__annotations__``); Papermill injects plain assignments after it.

    Args:
        namespace: the notebook's ``globals()``, right after the injected parameters.

    Raises:
        ParameterError: an injected name the notebook does not declare, or a value whose
            type does not match its annotation.
    """
    declared: dict[str, Any] = dict(namespace.get("__annotations__", {}))
    unknown = sorted(
        name for name, value in namespace.items()
        if name not in declared and not name.startswith("_") and name not in IPYTHON_NAMES
        and not name.isupper() and isinstance(value, LITERAL_TYPES)
    )
    if unknown:
        raise ParameterError(
            f"unknown parameter(s) {unknown}", field=unknown[0],
            hint=f"this notebook takes: {', '.join(declared)}",
        )
    values = {name: namespace[name] for name in declared if name in namespace}
    for name, value in values.items():
        if not _matches(value, declared[name]):
            raise ParameterError(
                f"expected {getattr(declared[name], '__name__', declared[name])}, got "
                f"{type(value).__name__} {value!r}", field=name,
            )
    return values


def corpus_source(params: dict[str, Any]) -> CorpusFiles | StoredCorpus:
    """``params["corpus"]`` opened by :func:`toolkit.corpus_source.open_corpus`, read as
    ``params["format"]`` says (empty: detected) with ``params["columns"]`` mapping toolkit
    fields onto the corpus's own columns (empty: the usual names).

    Example:
        >>> corpus_source({"corpus": "sample", "format": "", "columns": {}}).kind
        'files'

    Raises:
        ParameterError: the corpus path does not exist, or format/columns given for a store.
    """
    return open_corpus(params.get("corpus", "sample"), format=params.get("format") or None,
                       columns=params.get("columns") or None)


def load_selection(params: dict[str, Any]) -> pd.DataFrame:
    """Load ``params["corpus"]`` (a corpus or a store: see :func:`corpus_source`) and
    apply the common filters (outlets, dates, story); a store reads only the chosen
    outlets' partitions.

    Raises:
        ParameterError: the corpus path does not exist, or the filters leave nothing.
    """
    articles = corpus_source(params).articles(outlets=as_list(params.get("outlets")))
    return select_articles(
        articles, outlets=params.get("outlets"), date_from=params.get("date_from"),
        date_to=params.get("date_to"), story=params.get("story") or None,
        min_articles=int(params.get("min_articles", 1)),
    )


def analysis_tables(params: dict[str, Any], articles: pd.DataFrame, *,
                    keyterms: bool = False) -> dict[str, Any]:
    """Every table for the selected articles: read from the store when ``corpus`` is one
    (nothing is parsed; keyterms come from its DocBins), else computed by
    :func:`toolkit.analyze` (parse cached).

    Raises:
        ParameterError: an unknown cue class.
    """
    return corpus_source(params).tables(
        articles, cue_classes=params.get("cue_classes") or None, keyterms=keyterms,
        outlets=as_list(params.get("outlets")))


def _output_path(output_dir: str, name: str) -> Path | None:
    """``output_dir/<name>`` with ``name`` made a safe file name (a doc id may hold ``/``)."""
    if not output_dir:
        return None
    folder = Path(output_dir)
    folder.mkdir(parents=True, exist_ok=True)
    return folder / safe_name(name)


def save_table(table: pd.DataFrame, name: str, output_dir: str) -> pd.DataFrame:
    """Write ``table`` as ``<name>.parquet`` and ``<name>.csv`` (nothing when no folder).

    Returns the table, so a cell can save and display it in one line.
    """
    path = _output_path(output_dir, name)
    if path is not None:
        write_formats(table, path)
    return table


def save_figure(figure: Any, name: str, output_dir: str) -> Any:
    """Write a matplotlib figure as ``<name>.png`` (nothing when no folder); return it."""
    path = _output_path(output_dir, name)
    if path is not None:
        figure.savefig(f"{path}.png", dpi=120, bbox_inches="tight")
    return figure


def record(**values: Any) -> None:
    """Record choices a report made (e.g. the outlet picked when none was given), so
    ``index.html`` can show them; nothing appears in the notebook or its HTML.

    Example:
        >>> record(outlet="The Harbor Ledger")  # doctest: +SKIP
    """
    display({RECORD_MIMETYPE: values}, raw=True)
