"""Notebook parameter checks: unknown names and wrong types are clear errors."""

from __future__ import annotations

import types

import pandas as pd
import pytest

from toolkit.errors import ParameterError
from toolkit.notebook import check_parameters, save_table


def namespace(**injected):
    ns = {"__annotations__": {"corpus": str, "outlets": list, "min_articles": int,
                              "alpha": float},
          "corpus": "sample", "outlets": [], "min_articles": 1, "alpha": 0.05,
          "In": [], "get_ipython": print, "toolkit": types.ModuleType("toolkit"), "_": None}
    ns.update(injected)
    return ns


def test_declared_parameters_are_returned():
    assert check_parameters(namespace(outlets=["A"], alpha=1)) == {
        "corpus": "sample", "outlets": ["A"], "min_articles": 1, "alpha": 1}


def test_unknown_injected_name_is_rejected_with_the_known_ones():
    with pytest.raises(ParameterError, match=r"unknown parameter\(s\) \['outlest'\].*takes: "
                       r"corpus, outlets"):
        check_parameters(namespace(outlest=["A"]))


@pytest.mark.parametrize("name,value", [("min_articles", "3"), ("outlets", "A"),
                                        ("min_articles", True), ("alpha", "0.1")])
def test_wrong_type_is_rejected(name, value):
    with pytest.raises(ParameterError, match=f"field '{name}'"):
        check_parameters(namespace(**{name: value}))


def test_save_table_writes_parquet_and_csv(tmp_path):
    table = pd.DataFrame({"outlet": ["A"], "articles": [3]})
    assert save_table(table, "t", str(tmp_path)) is table
    assert pd.read_parquet(tmp_path / "t.parquet").equals(table)
    assert (tmp_path / "t.csv").read_text().splitlines() == ["outlet,articles", "A,3"]
    save_table(table, "nothing", "")  # no folder: nothing written, no error
