"""framing: how outlets frame the news: words, cue verbs, scare quotes, certainty, frames, tone.

Modules, one measure family each (registered in :mod:`toolkit.analysis`):
:mod:`.vocabulary` (distinctive words, "Fightin' Words" log-odds), :mod:`.verbs` (neutral vs
loaded attribution verbs), :mod:`.scare` (scare quotes), :mod:`.voice` (hedges, boosters,
factive and assertive verbs in the journalist's and the quoted voices), :mod:`.labels`
(loaded terms, label pairs, how each outlet labels an entity), :mod:`.frames` (the 15
policy frames), :mod:`.tone` (VADER and GDELT-style tone by voice); :mod:`.terms` matches
lexicon terms in parsed Docs and :mod:`.keyterms` extracts textacy keyterms.
:func:`toolkit.analysis.analyze_framing` runs them all on a corpus.
"""
