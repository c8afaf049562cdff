r"""markup: strings from a corpus or a parameter made safe for Markdown and HTML output.

An outlet name such as ``<img src=x onerror=...>`` or ``[click](javascript:...)`` must
show as the text it is. :func:`escape_markdown` escapes HTML's special characters as
entities and backslash-escapes every Markdown control character, so the rendered page shows
the exact string; :func:`markdown_list` turns sentences into a displayable bullet list.

Example:
    >>> escape_markdown('[clickme](javascript:alert(1)) <b>')
    '\\[clickme\\]\\(javascript\\:alert\\(1\\)\\) &lt;b&gt;'
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable

from IPython.display import Markdown

# Every ASCII punctuation character CommonMark lets a backslash escape, minus the three
# that become HTML entities instead.
_MARKDOWN_CONTROL = re.compile(r"([\\`*_{}\[\]()#+\-.!|~$^=:])")


def escape_markdown(text: object) -> str:
    """``text`` as Markdown that renders to exactly that text (line breaks become spaces)."""
    escaped = html.escape(" ".join(str(text).split()), quote=False)
    return _MARKDOWN_CONTROL.sub(r"\\\1", escaped)


def markdown_list(items: Iterable[object]) -> Markdown:
    r"""A bullet list for a notebook, each item escaped with :func:`escape_markdown`.

    Example:
        >>> markdown_list(["A *bold* claim", "B"]).data
        '- A \\*bold\\* claim\n- B'
    """
    return Markdown("\n".join(f"- {escape_markdown(item)}" for item in items))
