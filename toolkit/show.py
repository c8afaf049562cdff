"""show: an article with its sources, cues and quoted content highlighted, and each chain.

In the manner of spaCy's displaCy: :func:`render_article` returns self-contained HTML
(every piece of article text escaped, so an article holding ``<script>`` shows it as text),
:func:`show` displays it in a notebook. Sources, cues and content get their own colours;
each attribution is numbered at its cue and listed beside the text with its speaker, type,
kind and chain, so a reader can check any figure against the words it came from.

Example:
    >>> html = render_article("Officials <b>said</b> it rained.", [{"attribution_id": "a1",
    ...     "kind": "indirect", "content_parts": [[24, 32]], "content_start": 24,
    ...     "content_end": 32, "cue_start": 17, "cue_end": 21, "source_start": 0,
    ...     "source_end": 9, "speaker": "Officials", "speaker_type": "anonymous",
    ...     "depth": 0, "chain": []}])
    >>> "&lt;b&gt;" in html, "<b>said</b>" in html
    (True, False)
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from typing import Any

import pandas as pd

STYLE = """<style>
.tk-article{font-family:Georgia,serif;line-height:1.7;max-width:46em}
.tk-article p{margin:0 0 .8em}
.tk-content{background:#fff3c4}
.tk-source{background:#c6e2ff;border-radius:3px;padding:0 2px}
.tk-cue{background:#ffc9c9;border-radius:3px;padding:0 2px;font-weight:bold}
.tk-num{font-size:.7em;vertical-align:super;color:#a00;font-family:sans-serif}
.tk-legend span{margin-right:1em;padding:0 4px}
.tk-list{font-family:sans-serif;font-size:.85em;margin-top:1em}
.tk-list li{margin-bottom:.3em}
.tk-chain{color:#555}
</style>"""
ROLE_CLASSES = ("tk-content", "tk-source", "tk-cue")


def _spans(row: Mapping[str, Any]) -> list[tuple[int, int, str]]:
    spans = []
    for start, end in row.get("content_parts") or [(row.get("content_start"),
                                                      row.get("content_end"))]:
        if start is not None and end is not None and not pd.isna(start):
            spans.append((int(start), int(end), "tk-content"))
    for role in ("source", "cue"):
        start, end = row.get(f"{role}_start"), row.get(f"{role}_end")
        if start is not None and end is not None and not pd.isna(start) and not pd.isna(end):
            spans.append((int(start), int(end), f"tk-{role}"))
    return spans


def _chain_text(chain: Sequence[Mapping[str, Any]] | None) -> str:
    names = [str(hop.get("name")) for hop in (chain or []) if hop.get("name")]
    return " → ".join(names)


def render_article(
    text: str,
    attributions: Sequence[Mapping[str, Any]] | pd.DataFrame,
    *,
    title: str | None = None,
) -> str:
    """The article as escaped HTML with highlighted attributions and a numbered list.

    Args:
        text: the article text (offsets in ``attributions`` index into it).
        attributions: rows of the attributions table for this article.
        title: shown above the text (escaped).
    """
    rows = attributions.to_dict("records") if isinstance(attributions, pd.DataFrame) \
        else list(attributions)
    roles: list[set[str]] = [set() for _ in range(len(text) + 1)]
    numbers: dict[int, list[int]] = {}
    for n, row in enumerate(rows, 1):
        for start, end, role in _spans(row):
            for i in range(max(0, start), min(len(text), end)):
                roles[i].add(role)
        anchor = row.get("cue_end")
        anchor = int(anchor) if anchor is not None and not pd.isna(anchor) else int(
            row.get("content_end") or 0)
        numbers.setdefault(min(anchor, len(text)), []).append(n)
    out, i = [], 0
    while i < len(text):
        j = i + 1
        while j < len(text) and roles[j] == roles[i] and j not in numbers:
            j += 1
        piece = html.escape(text[i:j]).replace("\n\n", "</p><p>").replace("\n", "<br>")
        classes = " ".join(c for c in ROLE_CLASSES if c in roles[i])
        out.append(f'<span class="{classes}">{piece}</span>' if classes else piece)
        for n in numbers.get(j, []):
            out.append(f'<sup class="tk-num">{n}</sup>')
        i = j
    items = []
    for n, row in enumerate(rows, 1):
        speaker = html.escape(str(row.get("speaker") or "unknown speaker"))
        kind = html.escape(f"{row.get('kind')}, {row.get('speaker_type')}")
        chain = html.escape(_chain_text(row.get("chain")))
        depth = row.get("depth")
        relayed = f" (depth {int(depth)})" if depth is not None and not pd.isna(depth) else ""
        items.append(f"<li><b>{n}. {speaker}</b> — {kind}"
                     f'<br><span class="tk-chain">{chain}{relayed}</span></li>')
    heading = f"<h3>{html.escape(title)}</h3>" if title else ""
    legend = ('<div class="tk-legend"><span class="tk-source">source</span>'
              '<span class="tk-cue">cue</span><span class="tk-content">quoted or reported '
              "content</span></div>")
    return (f'{STYLE}<div class="tk-article">{heading}{legend}<p>{"".join(out)}</p>'
            f'<ol class="tk-list" style="list-style:none;padding:0">{"".join(items)}</ol></div>')


def show(article: Mapping[str, Any] | pd.Series, attributions: pd.DataFrame | None = None):
    """Display one article in a notebook with its attributions highlighted.

    Args:
        article: a row of the articles table (``doc_id``, ``text``, ``outlet``, ``title``).
        attributions: the attributions table (rows of other articles are ignored); when
            ``None`` the article is parsed and its attributions extracted.

    Returns:
        An ``IPython.display.HTML`` object (rendered by Jupyter; ``.data`` is the HTML).
    """
    from IPython.display import HTML

    from .attribution import extract_attributions

    article = dict(article)
    if attributions is None:
        frame = pd.DataFrame([{k: article.get(k) for k in ("doc_id", "outlet", "text")}])
        attributions = extract_attributions(frame, progress=False)
    rows = attributions[attributions["doc_id"] == article["doc_id"]]
    title = " — ".join(str(article[k]) for k in ("outlet", "title")
                       if article.get(k) is not None and not pd.isna(article.get(k)))
    return HTML(render_article(article["text"], rows, title=title or str(article["doc_id"])))
