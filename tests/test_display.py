"""Tables for people: labels, significant digits, intervals, escaping, missing values."""

from __future__ import annotations

import math

import pandas as pd

from toolkit.display import format_number, report_assets, shorten, table
from toolkit.htmlaudit import unsafe_markup


def cells(html: str) -> list[str]:
    import re

    return re.findall(r"<td[^>]*>(.*?)</td>", html)


def test_headers_come_from_labels_or_read_as_words_never_snake_case():
    frame = pd.DataFrame({"outlet": ["A"], "share_expert_organization": [0.2],
                          "quoted_words": [12]})
    html = table(frame, labels={"share_expert_organization": "Experts and organisations"}
                 )._repr_html_()
    assert "Experts and organisations" in html and "Quoted words" in html
    assert "share_expert_organization" not in html and "quoted_words" not in html


def test_numbers_get_two_or_three_significant_digits_and_shares_percentages():
    frame = pd.DataFrame({"rate": [5.6521, 0.012345, 1234.5], "share_anonymous": [0.6312, 0.05,
                                                                                   1.0]})
    assert cells(table(frame)._repr_html_()) == ["5.65", "63%", "0.0123", "5.0%", "1,234",
                                                 "100%"]
    assert format_number(3.0) == "3" and format_number(-12.345) == "-12.3"


def test_a_value_and_its_interval_share_one_cell():
    frame = pd.DataFrame({"outlet": ["A"], "attributions_per_100_words": [5.65],
                          "attributions_per_100_words_low": [5.1],
                          "attributions_per_100_words_high": [6.24]})
    shown = table(frame)
    assert list(shown.frame.columns) == ["outlet", "attributions_per_100_words"]
    assert cells(shown._repr_html_()) == ["A", "5.65 (5.10–6.24)"]


def test_missing_values_show_a_dash_or_the_word_given_never_nan_or_none():
    frame = pd.DataFrame({"speaker": [None, "Mara Kovell"], "depth": [math.nan, 1.0]})
    html = table(frame, missing={"speaker": "unresolved"})._repr_html_()
    assert cells(html) == ["unresolved", "–", "Mara Kovell", "1"]
    assert "nan" not in html and "None" not in html


def test_text_is_escaped_left_aligned_and_cut_at_a_word_with_the_full_text_on_hover():
    long = "The <b>council</b> voted on Tuesday to close the north pier " * 3
    html = table(pd.DataFrame({"content": [long], "n": [3]}), max_chars=40)._repr_html_()
    assert "<b>council" not in html and "&lt;b&gt;council" in html
    assert 'title="The &lt;b&gt;council&lt;/b&gt; voted' in html
    assert shorten(long, 40).endswith("…") and len(shorten(long, 40)) <= 40
    assert '<td class="">' in html and '<td class="tk-num">3</td>' in html
    assert unsafe_markup(html) == []


def test_long_tables_are_sortable_and_wide_short_ones_turned_on_their_side():
    long = pd.DataFrame({"outlet": [f"O{i}" for i in range(20)], "n": range(20)})
    assert "tk-sortable" in table(long)._repr_html_()
    assert "tk-sortable" not in table(long.head(5))._repr_html_()
    wide = pd.DataFrame([{f"measure_{i}": i / 10 for i in range(12)}])
    shown = table(wide)
    assert shown.transpose and "<thead>" not in shown._repr_html_()
    assert shown._repr_html_().count("<tr>") == 12


def test_the_report_script_is_datatables_from_itables_and_on_the_audit_allow_list():
    css, script = report_assets()
    page = f"<style>{css}</style><script type=\"module\">{script}</script>"
    assert unsafe_markup(page) == []
    assert unsafe_markup(page.replace("pageLength", "pageLength2")) != []
    assert "http" not in script.split("base64,", 1)[0]
