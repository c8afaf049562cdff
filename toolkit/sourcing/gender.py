"""gender: how many of the people an outlet quotes are women (the Gender Gap Tracker's
headline figure).

Per article, the distinct people quoted (corpus-wide identities, so "Ambler" and "Ruth
Ambler" count once) and how many are women, men, or of unknown gender
(:func:`toolkit.attribution.gender.gender_counts`, from each identity's
``speaker_gender``); per outlet, the share of women among the quoted people whose gender
is known, and the share whose gender is unknown, pooled over articles with 95% bootstrap
intervals. The counts need identities of the whole corpus, so the family is
``corpus_wide``: made with the outlet tables, never per store shard.

Example:
    >>> import pandas as pd
    >>> from toolkit.measures import ArticleInputs
    >>> rows = pd.DataFrame({"doc_id": ["a", "a", "b"], "outlet": ["X", "X", "X"],
    ...     "speaker_id": ["person:ruth-ambler", "person:tomas-rell", "person:ruth-ambler"],
    ...     "speaker_type": ["person"] * 3, "speaker_gender": ["female", "male", "female"]})
    >>> articles = pd.DataFrame({"doc_id": ["a", "b"], "outlet": ["X", "X"],
    ...                          "text": ["One.", "Two."]})
    >>> inputs = ArticleInputs.of(articles, attributions=rows)
    >>> table = GENDER.article_tables(inputs)["gender_per_article"]
    >>> table[["women_quoted", "gendered_quoted", "share_women_quoted"]].values.tolist()
    [[1.0, 2.0, 0.5], [1.0, 1.0, 1.0]]
"""

from __future__ import annotations

import pandas as pd

from ..attribution.gender import gender_counts
from ..measures import ArticleInputs, Measure, MeasureFamily

GENDER_MEASURES = (
    Measure("share_women_quoted", label="Women among the people quoted",
            unit="share of quoted people of known gender",
            description="women among the people it quotes", numerator="women_quoted",
            denominator="gendered_quoted", figure=True),
    Measure("share_gender_unknown", label="Quoted people of unknown gender",
            unit="share of quoted people", description="quoted people whose gender is unknown",
            numerator="gender_unknown_quoted", denominator="people_quoted", headline=False),
)


def _count(inputs: ArticleInputs) -> pd.DataFrame:
    return gender_counts(inputs.attributions).drop(columns="outlet")


GENDER = MeasureFamily(
    name="gender", label="Women quoted", section="sourcing", count=_count,
    measures=GENDER_MEASURES, corpus_wide=True)
"""The registry's gender family: ``gender_per_article`` → ``gender_by_outlet``."""
