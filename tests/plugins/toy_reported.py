"""toy_reported: a measure added from outside the toolkit, as README "Adding a measure" shows.

How often an outlet itself writes "reported" (a sign of news relayed from other media), per
1,000 words of its own voice. Found by the toolkit through ``TOOLKIT_MEASURES=toy_reported``
(this folder on the Python path) or an entry point of the group ``toolkit.measures``.
"""

from __future__ import annotations

import re

import pandas as pd

from toolkit.measures import ArticleInputs, Measure, MeasureFamily, register
from toolkit.text import JOURNALIST, Voices

REPORTED = re.compile(r"\breported\b", re.IGNORECASE)


def count_reported(inputs: ArticleInputs) -> pd.DataFrame:
    """Per article: "reported" in the journalist's voice (outside quotation marks)."""
    counts = []
    for text in inputs.articles["text"]:
        voices = Voices.of(text)
        counts.append(sum(voices.voice_at(m.start()) == JOURNALIST
                          for m in REPORTED.finditer(text)))
    return pd.DataFrame({"doc_id": inputs.articles["doc_id"], "reported_journalist": counts})


REPORTED_FAMILY = register(MeasureFamily(
    name="reported", label='"Reported" in the outlet\'s voice', section="sourcing",
    count=count_reported,
    measures=(Measure(
        "reported_per_1000_words_journalist", label='"Reported"',
        unit="per 1,000 words in the journalist's voice",
        description='uses of "reported" in its own voice', numerator="reported_journalist",
        denominator="words_journalist", scale=1000, voice="journalist", figure=True),),
))
