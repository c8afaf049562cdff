"""htmlaudit: find markup in a report page that neither the template nor the toolkit made.

Reports show strings from corpora and parameters (outlet names, speakers, article text);
each is escaped where it is written. This module is the check behind that promise: it
parses a finished page and lists every tag, attribute, URL scheme or script that is not on
an allow-list of what the report template, pandas tables, Markdown cells and
:mod:`toolkit.show` produce. A live ``<img onerror=...>`` or a ``javascript:`` link that an
outlet name smuggled in is therefore a finding, whatever code path wrote it.

Example:
    >>> unsafe_markup('<p>Fine <a href="#top">link</a></p>')
    []
    >>> unsafe_markup('<li><img src="x" onerror="alert(2)"></li>')
    ["<img src='x'>: only data:image URIs", "<img> attribute 'onerror'"]
"""

from __future__ import annotations

import hashlib
import re
from functools import lru_cache
from html.parser import HTMLParser

from .display import report_assets

ALLOWED_TAGS = frozenset({
    "a", "abbr", "b", "blockquote", "body", "br", "caption", "code", "col", "colgroup", "dd",
    "details", "div", "dl", "dt", "em", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5",
    "h6", "head", "hr", "html", "i", "img", "li", "main", "meta", "ol", "p", "pre", "script",
    "small", "span", "strong", "style", "sub", "summary", "sup", "table", "tbody", "td",
    "tfoot", "th", "thead", "title", "tr", "u", "ul",
})
ALLOWED_ATTRIBUTES = frozenset({
    "alt", "border", "charset", "class", "colspan", "content", "data-jp-theme-light",
    "data-jp-theme-name", "data-mime-type", "height", "href", "id", "lang", "name", "open",
    "rowspan", "scoped", "span", "src", "start", "style", "tabindex", "title", "type",
    "valign", "width",
})
LINK_SCHEMES = frozenset({"http", "https", "mailto"})
IMAGE_URI = re.compile(r"data:image/(png|jpeg|gif|webp|svg\+xml)[;,]", re.I)
SCHEME = re.compile(r"^\s*([a-z][a-z0-9+.-]*)\s*:", re.I)
# CSS may embed data:image URIs (the template's icons) and nothing else that loads or runs.
CSS_DANGER = re.compile(r"expression\s*\(|javascript:|@import|behaviou?r\s*:|"
                        r"url\(\s*['\"]?(?!data:image/)", re.I)


@lru_cache(maxsize=1)
def allowed_scripts() -> frozenset[str]:
    """The SHA-256 of each script a report carries on purpose: the template's table
    script (DataTables from the ``itables`` package, :func:`toolkit.display.report_assets`)."""
    return frozenset({hashlib.sha256(report_assets()[1].encode()).hexdigest()})


class _Audit(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.findings: list[str] = []
        self._raw: str | None = None  # the tag whose raw text is being collected
        self._text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in ALLOWED_TAGS:
            self.findings.append(f"<{tag}> tag")
        for name, value in attrs:
            if name not in ALLOWED_ATTRIBUTES:
                self.findings.append(f"<{tag}> attribute {name!r}")
                continue
            value = value or ""
            if name == "href":
                scheme = SCHEME.match(value)
                if scheme and scheme.group(1).lower() not in LINK_SCHEMES:
                    self.findings.append(f"<{tag} href={value[:40]!r}>: scheme "
                                         f"{scheme.group(1).lower()!r}")
            elif name == "src" and not IMAGE_URI.match(value):
                self.findings.append(f"<{tag} src={value[:40]!r}>: only data:image URIs")
            elif name == "style" and CSS_DANGER.search(value):
                self.findings.append(f"<{tag} style={value[:40]!r}>")
        if tag in ("script", "style"):
            self._raw, self._text = tag, []

    def handle_data(self, data: str) -> None:
        if self._raw:
            self._text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag != self._raw:
            return
        text = "".join(self._text)
        if tag == "script":
            digest = hashlib.sha256(text.encode()).hexdigest()
            if digest not in allowed_scripts():
                self.findings.append(f"<script> not on the allow-list ({text.strip()[:40]!r})")
        elif CSS_DANGER.search(text):
            self.findings.append(f"<style> loads or runs something "
                                 f"({CSS_DANGER.search(text).group(0)!r})")
        self._raw = None


def unsafe_markup(page: str) -> list[str]:
    """Every tag, attribute, URL scheme, style or script in ``page`` outside the
    allow-list, in document order; an empty list for a safe page."""
    audit = _Audit()
    audit.feed(page)
    audit.close()
    return audit.findings
