"""display: tables for people in notebooks and reports.

A DataFrame printed by pandas shows its index, snake_case headers, six decimals, ``nan``
and text cut mid-word. :func:`table` shows the same data the way a reader needs it: no
index, headers from labels (``share_anonymous`` → "Anonymous sources"), two or three
significant digits (shares as percentages), a value and its 95% interval in one cell, text
left-aligned and cut at a word boundary with the full text on hover, "–" for a missing value
(or a word of your choice, e.g. "unresolved" for a speaker), and wide tables wrapped or
turned on their side. Every string is escaped. Long tables get the class ``tk-sortable``,
which the report template makes sortable and searchable offline with DataTables (bundled in
the ``itables`` package, embedded in the page; nothing is fetched from a CDN).

Example:
    >>> import pandas as pd
    >>> frame = pd.DataFrame({"outlet": ["A <b>"], "share_anonymous": [0.531],
    ...     "share_anonymous_low": [0.4], "share_anonymous_high": [0.61]})
    >>> html = table(frame, labels={"share_anonymous": "Anonymous sources"})._repr_html_()
    >>> "A &lt;b&gt;" in html, "53% (40–61%)" in html, "share_anonymous" in html
    (True, True, False)
"""

from __future__ import annotations

import base64
import datetime
import html
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

import numpy as np
import pandas as pd

MISSING = "–"
MAX_CHARS = 80
SORTABLE_ROWS = 12  # longer tables are sortable and searchable in the HTML report
TRANSPOSE_COLUMNS = 9  # a table this wide with few rows is shown on its side
COLUMN_LABELS = {
    "doc_id": "Article", "outlet": "Outlet", "articles": "Articles", "words": "Words",
    "attributions": "Attributions", "speaker": "Speaker", "speaker_type": "Source type",
    "speaker_role": "Role", "kind": "Kind", "cue": "Cue", "cue_lemma": "Cue",
    "content": "Words attributed", "depth": "Media in between", "story": "Story",
    "published": "Published", "title": "Title", "text": "Text", "quote": "Quotation",
    "snippet": "In context", "reason": "Why", "status": "Status", "term": "Term",
    "date_from": "First article", "date_to": "Last article", "measure": "Measure",
    "description": "Measure", "unit": "Unit", "difference": "Difference",
}
TABLE_CSS = """
.tk-table-wrap{max-width:100%;margin:.5em 0 1.2em}
.tk-table-wrap table.tk-table{border-collapse:collapse;font-size:.85em;max-width:100%;
 table-layout:auto;margin:0}
.tk-table-wrap table.tk-table th{text-align:left;vertical-align:bottom;
 border-bottom:1px solid #999;padding:.3em .6em;font-weight:600}
.tk-table-wrap table.tk-table td{text-align:left;vertical-align:top;padding:.25em .6em;
 border-bottom:1px solid #e5e5e5;white-space:normal;overflow-wrap:anywhere;max-width:28em}
.tk-table-wrap table.tk-table td.tk-num,.tk-table-wrap table.tk-table th.tk-num{
 text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.tk-table-wrap table.tk-table tbody tr:nth-child(odd){background:#f6f6f6}
.tk-table-wrap table.tk-table caption{caption-side:bottom;text-align:left;color:#555;
 font-size:.9em;padding-top:.3em}
"""
TABLE_INIT = """
document.querySelectorAll("table.tk-sortable").forEach(function (t) {
  new DataTable(t, {pageLength: 15, lengthMenu: [15, 50, 200, -1], order: [],
                    autoWidth: false});
});
"""


def humanize(column: str) -> str:
    """A header for a column with no label: ``"quoted_words"`` → ``"Quoted words"``.

    Example:
        >>> humanize("quoted_words"), humanize("outlet")
        ('Quoted words', 'Outlet')
    """
    if column in COLUMN_LABELS:
        return COLUMN_LABELS[column]
    words = str(column).replace("_", " ").strip()
    return words[:1].upper() + words[1:]


def _is_missing(value: Any) -> bool:
    if value is None or value is pd.NA or value is pd.NaT:
        return True
    return isinstance(value, float) and math.isnan(value)


def format_number(value: float, *, share: bool = False) -> str:
    """Two or three significant digits; a share as a percentage; integers whole.

    Example:
        >>> [format_number(v) for v in (0.01234, 1.2345, 12.345, 1234.5, 3.0)]
        ['0.0123', '1.23', '12.3', '1,234', '3']
        >>> format_number(0.531, share=True), format_number(0.042, share=True)
        ('53%', '4.2%')
    """
    if share:
        percent = 100 * float(value)
        return f"{percent:.1f}%" if 0 < abs(percent) < 10 else f"{percent:.0f}%"
    value = float(value)
    if value.is_integer():
        return f"{int(value):,}"
    size = abs(value)
    if size >= 100:
        return f"{value:,.0f}"
    if size >= 10:
        return f"{value:.1f}"
    if size >= 1:
        return f"{value:.2f}"
    return f"{value:.3g}"


def shorten(text: str, max_chars: int = MAX_CHARS) -> str:
    """``text`` on one line, cut at a word boundary to at most ``max_chars`` characters.

    Example:
        >>> shorten("The council voted to close the north pier for the winter", 30)
        'The council voted to close…'
    """
    flat = " ".join(str(text).split())
    if len(flat) <= max_chars:
        return flat
    cut = flat.rfind(" ", 0, max_chars)
    return flat[: cut if cut > max_chars // 2 else max_chars - 1].rstrip(" ,;:") + "…"


def _text(value: Any) -> str:
    if isinstance(value, (list, tuple, np.ndarray)):
        parts = [hop.get("name") if isinstance(hop, Mapping) else hop for hop in value]
        arrow = any(isinstance(hop, Mapping) for hop in value)
        return (" → " if arrow else ", ").join(str(p) for p in parts if not _is_missing(p))
    if isinstance(value, (pd.Timestamp, datetime.datetime)):
        return value.strftime("%Y-%m-%d")
    if isinstance(value, (bool, np.bool_)):
        return "yes" if value else "no"
    return str(value)


@dataclass
class Table:
    """A table ready to show: :meth:`_repr_html_` in notebooks and reports, plain text
    otherwise. Build it with :func:`table`."""

    frame: pd.DataFrame
    labels: dict[str, str] = field(default_factory=dict)
    shares: set[str] = field(default_factory=set)
    missing: dict[str, str] = field(default_factory=dict)
    max_chars: int = MAX_CHARS
    caption: str | None = None
    transpose: bool = False

    def _cell(self, column: str, value: Any) -> tuple[str, bool]:
        """The escaped cell HTML of one value, and whether it is a number."""
        if _is_missing(value):
            return html.escape(self.missing.get(column, MISSING)), False
        if isinstance(value, tuple) and len(value) == 3:  # (value, low, high)
            share = column in self.shares
            middle, low, high = (format_number(v, share=share) if not _is_missing(v) else MISSING
                                 for v in value)
            return html.escape(f"{middle} ({low}–{high})".replace("%–", "–")), True
        if isinstance(value, (int, float, np.integer, np.floating)) and not isinstance(
                value, (bool, np.bool_)):
            return html.escape(format_number(value, share=column in self.shares)), True
        text = _text(value)
        short = shorten(text, self.max_chars)
        if short == " ".join(text.split()):
            return html.escape(short), False
        return f'<span title="{html.escape(text, quote=True)}">{html.escape(short)}</span>', False

    def _repr_html_(self) -> str:
        frame = self.frame
        headers = [self.labels.get(c, humanize(c)) for c in frame.columns]
        rows = [[self._cell(c, v) for c, v in zip(frame.columns, row)]
                for row in frame.itertuples(index=False, name=None)]
        if self.transpose:
            body = "".join(
                f"<tr><th>{html.escape(header)}</th>"
                + "".join(f'<td class="{"tk-num" if num else ""}">{cell}</td>'
                          for cell, num in (row[j] for row in rows)) + "</tr>"
                for j, header in enumerate(headers))
            head = ""
        else:
            numeric = [bool(rows) and all(row[j][1] or row[j][0] == MISSING for row in rows)
                       for j in range(len(headers))]
            head = "<thead><tr>" + "".join(
                f'<th class="{"tk-num" if numeric[j] else ""}">{html.escape(h)}</th>'
                for j, h in enumerate(headers)) + "</tr></thead>"
            body = "".join("<tr>" + "".join(
                f'<td class="{"tk-num" if num else ""}">{cell}</td>' for cell, num in row)
                + "</tr>" for row in rows)
        classes = "tk-table" + (" tk-sortable" if len(rows) > SORTABLE_ROWS and
                                not self.transpose else "")
        caption = f"<caption>{html.escape(self.caption)}</caption>" if self.caption else ""
        return (f'<div class="tk-table-wrap"><table class="{classes}">{caption}{head}'
                f"<tbody>{body}</tbody></table></div>")

    def __repr__(self) -> str:
        return self.frame.to_string(index=False)


def table(
    frame: pd.DataFrame,
    columns: Sequence[str] | Mapping[str, str] | None = None,
    *,
    labels: Mapping[str, str] | None = None,
    shares: Sequence[str] | None = None,
    missing: Mapping[str, str] | None = None,
    max_chars: int = MAX_CHARS,
    max_rows: int | None = None,
    caption: str | None = None,
    transpose: bool | None = None,
) -> Table:
    """A table for people (see the module docstring).

    Args:
        frame: the data; its index is not shown (reset it first to show it).
        columns: the columns to show, in order; a mapping also gives their labels.
        labels: headers by column (default: :func:`humanize`).
        shares: columns holding shares, shown as percentages (default: ``share_*``).
        missing: the word for a missing value by column (default "–").
        max_chars: text longer than this is cut at a word (full text on hover).
        max_rows: show only the first rows.
        caption: one sentence under the table.
        transpose: show columns as rows; ``None`` does so for wide tables of few rows.

    A column ``x`` with ``x_low`` and ``x_high`` beside it becomes one cell
    ``value (low–high)``.
    """
    labels = dict(labels or {})
    if isinstance(columns, Mapping):
        labels.update(columns)
    chosen = list(columns) if columns is not None else list(frame.columns)
    view = frame.reset_index(drop=True)
    if max_rows is not None:
        view = view.head(max_rows)
    shown: dict[str, Any] = {}
    for column in chosen:
        if column.endswith(("_low", "_high")) and column.rsplit("_", 1)[0] in chosen:
            continue
        low, high = f"{column}_low", f"{column}_high"
        if low in view and high in view:
            shown[column] = list(zip(view[column], view[low], view[high]))
        else:
            shown[column] = view[column].tolist()
    data = pd.DataFrame(shown, columns=list(shown))
    share_columns = set(shares) if shares is not None else {
        c for c in data.columns if str(c).startswith("share_")}
    if transpose is None:
        transpose = len(data.columns) >= TRANSPOSE_COLUMNS and len(data) <= 6
    return Table(data, labels=labels, shares=share_columns, missing=dict(missing or {}),
                 max_chars=max_chars, caption=caption, transpose=transpose)


@lru_cache(maxsize=1)
def report_assets() -> tuple[str, str]:
    """The CSS and the module script the report template embeds: the table styles plus
    DataTables' stylesheet, and DataTables (imported from a ``data:`` URL, so the page
    needs no network) with the code that makes ``tk-sortable`` tables sortable.

    Example:
        >>> css, script = report_assets()
        >>> script.startswith('import DataTable from "data:text/javascript;base64,')
        True
    """
    bundle = resources.files("itables") / "html"
    css = TABLE_CSS + (bundle / "dt_bundle.css").read_text(encoding="utf-8")
    encoded = base64.b64encode((bundle / "dt_bundle.js").read_bytes()).decode("ascii")
    script = f'import DataTable from "data:text/javascript;base64,{encoded}";\n{TABLE_INIT}'
    return css, script
