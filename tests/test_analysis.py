"""analysis: one pass computes the sourcing tables, the framing tables, or both."""

from __future__ import annotations

import pandas as pd
import pytest

from toolkit import analyze, config, load_corpus
from toolkit.errors import ParameterError


@pytest.fixture(scope="module")
def everything():
    articles = load_corpus(config.SAMPLE_CORPUS)
    return articles, analyze(articles, keyterms=False, progress=False)


@pytest.mark.parametrize(("measures", "present", "absent"), [
    ("framing", "distinctive_terms", "per_outlet"),
    ("sourcing", "per_outlet", "distinctive_terms"),
])
def test_a_part_of_the_measures_equals_the_same_tables_of_all(everything, measures, present,
                                                               absent):
    articles, full = everything
    part = analyze(articles, keyterms=False, measures=measures, progress=False)
    assert absent not in part
    pd.testing.assert_frame_equal(part[present], full[present])


def test_unknown_measures_are_refused(everything):
    with pytest.raises(ParameterError, match="unknown measures 'tone'"):
        analyze(everything[0], measures="tone")
