"""attribution: who said what in news text (quotes, cues, speakers, chains).

Modules, one concern each: :mod:`.quotes` (quotation spans), :mod:`.cues` (the cue
lexicon), :mod:`.learned` (the learned cue model) and :mod:`.training` (its training),
:mod:`.syntax` (source and content from the parse), :mod:`.sources` (source types),
:mod:`.speakers` (canonical speakers), :mod:`.chains` (relays), :mod:`.index` (one
article indexed for the passes), :mod:`.candidates` (the verbs that may be cues),
:mod:`.passes` (the ordered list of passes, one module each), :mod:`.extract` (the
attributions table).

Example:
    >>> import pandas as pd
    >>> from toolkit.attribution import extract_attributions
    >>> table = extract_attributions(pd.DataFrame({"doc_id": ["a"], "outlet": ["X"],
    ...     "text": ['"It held," Mara Kovell told Channel 9.']}), progress=False)
    >>> table.loc[0, "speaker"], int(table.loc[0, "depth"])
    ('Mara Kovell', 1)
"""

from .extract import ATTRIBUTION_COLUMNS, attributions_of, extract_attributions

__all__ = ["ATTRIBUTION_COLUMNS", "attributions_of", "extract_attributions"]
