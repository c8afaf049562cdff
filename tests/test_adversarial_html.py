"""Adversarial: no live HTML from a corpus or a parameter in any report (issue 12, D2).

A corpus whose outlets are named like markup is rendered through every report; each page
is audited against the allow-list of what the template and the toolkit make
(:mod:`toolkit.htmlaudit`), and the hostile names must still show as text.
"""

from __future__ import annotations

import json

import nbformat
import pytest

from toolkit import config
from toolkit.htmlaudit import unsafe_markup
from toolkit.markup import escape_markdown
from toolkit.report import render_all, render_notebook

IMG = '<img src=x onerror="alert(2)">'
LINK = "[clickme](javascript:alert(1))"
SCRIPT = "<script>alert(3)</script> Daily"
HOSTILE = {"The Harbor Ledger": IMG, "Daily Relay": LINK, "The Capital Whisper": SCRIPT}


@pytest.fixture(scope="module")
def hostile_corpus(tmp_path_factory):
    """The sample corpus with three outlets renamed as markup."""
    rows = [json.loads(line) for line in config.SAMPLE_CORPUS.read_text().splitlines()]
    for row in rows:
        row["outlet"] = HOSTILE.get(row["outlet"], row["outlet"])
    path = tmp_path_factory.mktemp("hostile") / "articles.jsonl"
    path.write_text("\n".join(json.dumps(row) for row in rows) + "\n", encoding="utf-8")
    return path


def test_the_audit_finds_what_the_old_outlet_report_wrote():
    old = ('<li><img alt="No description has been provided for this image" '
           'onerror="alert(2)" src="x"/> has fewer boosters</li>'
           '<li><a href="javascript:alert(1)">clickme</a></li>'
           '<script>alert(3)</script><p style="background:url(http://e.example/x)">')
    findings = unsafe_markup(old)
    assert "<img> attribute 'onerror'" in findings
    assert any("scheme 'javascript'" in f for f in findings)
    assert any(f.startswith("<script> not on the allow-list") for f in findings)
    assert any(f.startswith("<p style=") for f in findings)


@pytest.mark.parametrize("text", [IMG, LINK, SCRIPT, "A *b* _c_ `d` # e | f $$g$$ \\ h"])
def test_escaped_markdown_renders_as_the_exact_text(text):
    from nbconvert.filters.markdown import markdown2html

    html = markdown2html(escape_markdown(text))
    assert unsafe_markup(html) == []
    assert html.startswith("<p>") and "<a " not in html and "<em>" not in html


def test_a_page_with_live_markup_is_not_written_and_the_render_fails(tmp_path):
    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(
        "from IPython.display import HTML\nHTML('<img src=x onerror=\"alert(1)\">')")])
    source = tmp_path / "leaky.ipynb"
    nbformat.write(notebook, source)
    result = render_notebook(source, out_dir=tmp_path / "out")
    assert result.status == "failed"
    assert "onerror" in str(result.error) and result.html is None
    assert not (tmp_path / "out" / "leaky.html").exists()


@pytest.mark.slow
def test_every_report_on_a_hostile_corpus_holds_no_live_markup(hostile_corpus, tmp_path):
    results = render_all(["00", "01", "02", "03", "04"],
                         parameters={"corpus": str(hostile_corpus)}, out_dir=tmp_path, jobs=2)
    assert [r.status for r in results] == ["ok"] * 5, [r.error for r in results]
    for page in [*(r.html for r in results), tmp_path / "index.html"]:
        html = page.read_text(encoding="utf-8")
        assert unsafe_markup(html) == [], page.name
    report = (tmp_path / "04_outlet_report.html").read_text(encoding="utf-8")
    assert "&lt;img src=x onerror=" in report  # the name shows, as text


@pytest.mark.slow
def test_the_outlet_report_against_a_hostile_versus_holds_no_live_markup(hostile_corpus,
                                                                          tmp_path):
    result = render_notebook("04", out_dir=tmp_path, parameters={
        "corpus": str(hostile_corpus), "outlet": "The Patriot Beacon", "versus": LINK})
    assert result.status == "ok", result.error
    html = result.html.read_text(encoding="utf-8")
    assert unsafe_markup(html) == []
    assert "[clickme](javascript:alert(1))" in html and 'href="javascript' not in html
