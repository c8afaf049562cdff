"""Start-up: ``import toolkit`` and the ``toolkit`` command load only what a verb needs
(sys.modules in a fresh process, never a timing), and the lazy package keeps every name."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

import toolkit

HEAVY = ("spacy", "textacy", "sklearn", "scipy", "papermill", "matplotlib", "duckdb",
         "trafilatura", "nbconvert")


def modules_after(code: str) -> set[str]:
    """The top-level modules a fresh interpreter has imported after running ``code``."""
    script = f"{code}\nimport json, sys\nprint(json.dumps(sorted(sys.modules)))"
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                            check=True)
    return {name.partition(".")[0] for name in json.loads(result.stdout.splitlines()[-1])}


def test_toolkit_help_imports_neither_pandas_nor_spacy():
    loaded = modules_after("import toolkit.cli\ntoolkit.cli.build_parser().format_help()")
    assert loaded.isdisjoint({*HEAVY, "pandas", "numpy", "pyarrow"}), loaded & {*HEAVY, "pandas"}


@pytest.mark.parametrize("corpus", ["sample", "folder"])
def test_corpus_info_reads_with_pandas_but_no_nlp_or_rendering_library(corpus, tmp_path):
    if corpus == "folder":  # a folder might be a store: telling needs no store module
        (tmp_path / "a.txt").write_text("The mayor spoke.", encoding="utf-8")
        corpus = str(tmp_path)
    loaded = modules_after("import contextlib, io\nfrom toolkit.cli import main\n"
                           "with contextlib.redirect_stdout(io.StringIO()):\n"
                           f"    assert main(['corpus', 'info', {corpus!r}, '--outlet', 'G']) == 0")
    assert "pandas" in loaded
    assert loaded.isdisjoint(HEAVY), loaded & set(HEAVY)


def test_import_toolkit_is_light_and_every_public_name_is_still_there():
    assert modules_after("import toolkit").isdisjoint({*HEAVY, "pandas"})
    for name in toolkit.__all__:
        assert getattr(toolkit, name) is not None, name
    assert set(toolkit.__all__) <= set(dir(toolkit))
    from toolkit import load_corpus, open_corpus, select_articles  # noqa: F401


def test_parse_and_show_stay_functions_once_their_modules_are_imported():
    import toolkit.parse
    import toolkit.show

    assert callable(toolkit.parse) and toolkit.parse.__module__ == "toolkit.parse"
    assert callable(toolkit.show) and toolkit.show.__module__ == "toolkit.show"
    assert sys.modules["toolkit.parse"].parse is toolkit.parse


def test_an_unknown_name_is_an_attribute_error():
    try:
        toolkit.no_such_name  # noqa: B018
    except AttributeError as exc:
        assert "no_such_name" in str(exc)
    else:
        raise AssertionError("toolkit.no_such_name did not raise")
