"""Adversarial: report parameters never reach a kernel as code (issue 12, D1 and D14).

Papermill pastes values of types it does not know into the injected cell unescaped; every
parameter is therefore checked and converted before Papermill sees it.
"""

from __future__ import annotations

import base64
import datetime

import pytest

from toolkit.cli import main
from toolkit.errors import ParameterError
from toolkit.parameters import clean_parameters, parameter_value, read_yaml
from toolkit.report import render_all


def _binary_payload(marker) -> str:
    """The exploit of D1: bytes whose repr closes the string and runs a command."""
    code = f'x" if __import__("os").system("touch {marker}") else "'
    return "!!binary " + base64.b64encode(code.encode()).decode()


def test_a_binary_parameter_on_the_command_line_is_refused_and_runs_nothing(tmp_path, capsys):
    marker = tmp_path / "pwned"
    status = main(["report", "--corpus", "sample", "--notebook", "00", "--out",
                   str(tmp_path / "out"), "-p", "story", _binary_payload(marker)])
    assert status == 1
    assert "[T401]" in capsys.readouterr().err
    assert not marker.exists()
    assert not (tmp_path / "out" / "00_corpus_overview.ipynb").exists()


def test_a_binary_parameter_in_a_yaml_file_is_refused_and_runs_nothing(tmp_path, capsys):
    marker = tmp_path / "pwned"
    params = tmp_path / "params.yaml"
    params.write_text(f"story: {_binary_payload(marker)}\n", encoding="utf-8")
    status = main(["report", "--corpus", "sample", "--notebook", "00", "--out",
                   str(tmp_path / "out"), "-f", str(params)])
    assert status == 1
    err = capsys.readouterr().err
    assert "[T401]" in err and "params.yaml" in err and "!!binary" in err
    assert not marker.exists()


@pytest.mark.parametrize("text, tag", [
    ("!!binary aGk=", "!!binary"),
    ("!!set {a, b}", "!!set"),
    ("!!omap [a: 1]", "!!omap"),
    ("!!pairs [a: 1]", "!!pairs"),
    ("!!python/object/apply:os.system [ls]", "!!python/object/apply:os.system"),
    ("!!python/name:os.system ''", "!!python/name:os.system"),
    ("!custom value", "!custom"),
    ("[A, !!binary aGk=]", "!!binary"),
    ("{story: !!set {a}}", "!!set"),
    ("!!str plain", "!!str"),
])
def test_every_yaml_tag_is_refused_with_t401(text, tag):
    with pytest.raises(ParameterError, match="T401") as error:
        read_yaml(text)
    assert tag in str(error.value)
    with pytest.raises(ParameterError):
        parameter_value(text)


def test_plain_yaml_values_are_read_as_values():
    assert parameter_value("[A, B]") == ["A", "B"]
    assert parameter_value("3") == 3 and parameter_value("0.5") == 0.5
    assert parameter_value("null") is None and parameter_value("true") is True
    assert parameter_value("The Harbor Ledger") == "The Harbor Ledger"
    assert parameter_value("a: b: c") == "a: b: c"  # not YAML: kept as text


def test_dates_and_timestamps_become_iso_strings():
    cleaned = clean_parameters({
        "date_from": read_yaml("2024-01-01"),
        "date_to": datetime.datetime(2024, 2, 3, 4, 5, 6),
        "grid": {"weeks": [datetime.date(2024, 1, 8)]},
    })
    assert cleaned == {"date_from": "2024-01-01", "date_to": "2024-02-03T04:05:06",
                       "grid": {"weeks": ["2024-01-08"]}}


@pytest.mark.parametrize("value", [
    b"bytes", {1, 2}, (1, 2), frozenset(), object(), float("nan"), float("inf"),
    [b"inner"], {"nested": {"deeper": {3}}}, {1: "non-text key"},
])
def test_values_papermill_would_paste_as_code_are_refused(value):
    with pytest.raises(ParameterError, match="T401"):
        clean_parameters({"story": value})


def test_render_all_refuses_unsafe_values_before_running_anything(tmp_path):
    with pytest.raises(ParameterError, match="bytes"):
        render_all(["00"], parameters={"story": b'x" if 1 else "'}, out_dir=tmp_path)
    assert not (tmp_path / "00_corpus_overview.ipynb").exists()


@pytest.mark.slow
def test_a_documented_date_parameter_renders(tmp_path, capsys):
    """D14: ``-p date_from 2026-03-01`` (YAML reads a date) works end to end."""
    status = main(["report", "--corpus", "sample", "--notebook", "00", "--out",
                   str(tmp_path), "-p", "date_from", "2026-06-01"])
    assert status == 0, capsys.readouterr().err
    executed = (tmp_path / "00_corpus_overview.ipynb").read_text(encoding="utf-8")
    assert 'date_from = \\"2026-06-01\\"' in executed
