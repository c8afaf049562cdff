"""parameters: report parameters read and checked before Papermill sees them.

Papermill writes each parameter into the notebook as Python source; a value of a type it
does not know (bytes, a set, a date ...) is pasted in unescaped, so a crafted value runs
code in the kernel. Every parameter therefore passes :func:`clean_parameters` first: only
null, bool, int, float, str, and lists and mappings of these get through; dates and
timestamps become ISO strings; anything else is refused with T401. YAML (``-p`` values and
``-f`` files) is read by :func:`read_yaml`, which refuses every explicit tag (``!!binary``,
``!!set``, ``!!python/...``) before constructing anything.

Example:
    >>> import datetime
    >>> clean_parameters({"date_from": datetime.date(2024, 1, 1), "outlets": ["A"]})
    {'date_from': '2024-01-01', 'outlets': ['A']}
    >>> read_yaml("[A, B]")
    ['A', 'B']
    >>> read_yaml("!!binary aGk=")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    toolkit.errors.ParameterError: [T401] YAML tag '!!binary' is not allowed in parameters...
"""

from __future__ import annotations

import datetime
import math
from pathlib import Path
from typing import Any

import yaml

from .errors import ParameterError

_CORE_TAG = "tag:yaml.org,2002:"
_TAG_HINT = ("Write the value as plain YAML: text, numbers, true/false, null, lists and "
             "mappings")


def _short_tag(tag: str) -> str:
    return "!!" + tag[len(_CORE_TAG):] if tag.startswith(_CORE_TAG) else tag


def read_yaml(text: str, *, source: str | Path | None = None) -> Any:
    """Parse YAML that holds parameters, refusing every explicit tag.

    Args:
        text: the YAML document.
        source: the file it came from, named in errors.

    Raises:
        ParameterError: a tagged node (``!!binary``, ``!!set``, ``!!omap``, ``!!pairs``,
            ``!!python/...``, ``!custom`` ...) or YAML that does not parse.
    """
    try:
        for event in yaml.parse(text, Loader=yaml.SafeLoader):
            tag = getattr(event, "tag", None)
            if tag is not None:
                raise ParameterError(f"YAML tag {_short_tag(tag)!r} is not allowed in "
                                     "parameters", file=source, hint=_TAG_HINT)
        return yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise ParameterError(f"not valid YAML ({exc})", file=source) from None


def parameter_value(text: str) -> Any:
    """A ``-p NAME VALUE`` value: YAML when it parses as plain YAML, else the text itself.

    Example:
        >>> parameter_value("[A, B]"), parameter_value("a: b: c")
        (['A', 'B'], 'a: b: c')

    Raises:
        ParameterError: the value carries a YAML tag.
    """
    try:
        return read_yaml(text)
    except ParameterError as exc:
        if "tag" in exc.reason:
            raise
        return text


def _clean(value: Any, name: str) -> Any:
    if value is None or isinstance(value, (bool, str)):
        return value
    if isinstance(value, int):
        return int(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ParameterError(f"{value!r} is not a usable number", field=name)
        return float(value)
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    if isinstance(value, list):
        return [_clean(item, name) for item in value]
    if isinstance(value, dict):
        if not all(isinstance(key, str) for key in value):
            raise ParameterError("mapping keys must be text", field=name)
        return {key: _clean(item, name) for key, item in value.items()}
    raise ParameterError(f"a value of type {type(value).__name__} is not allowed",
                         field=name, hint=_TAG_HINT)


def clean_parameters(parameters: dict[str, Any]) -> dict[str, Any]:
    """Parameters safe to hand to Papermill: plain values only, dates as ISO strings.

    Raises:
        ParameterError: a name that is not an identifier, or a value of another type
            (bytes, set, tuple, objects ...) anywhere inside it.
    """
    cleaned = {}
    for name, value in parameters.items():
        if not isinstance(name, str) or not name.isidentifier():
            raise ParameterError(f"{name!r} is not a parameter name", field=str(name))
        cleaned[name] = _clean(value, name)
    return cleaned
