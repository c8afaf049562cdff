"""extract: the attributions table: who said what, through whom, in each article.

One row per attribution (schema in DESIGN.md; character offsets index into the article's
``text``). :func:`find` indexes a parsed article once (:class:`~toolkit.attribution.
index.ArticleIndex`) and runs the passes of :data:`~toolkit.attribution.passes.PASSES`
over it, in order:

1. **Cue words**: ``according to X``; a labelling verb with a quoted object (``called it
   "a disaster"``, ``partial``); verb cues from the cue lexicon (or the cue model) with a
   clausal complement give indirect speech (``officials warned the plan would fail``),
   with a quotation as complement a direct quote. Cues inside another row's content
   without a subject of their own are dropped; ``Name: words`` lines are attributed.
2. **Quotations** (:func:`~toolkit.attribution.quotes.find_quotes`) not yet explained get
   the nearest free speech cue of their sentences (speaker before, after or in the
   middle; the two halves of a split quote become one row), a cue ending in a colon
   just before them, or, failing both, continue the previous speaker. Short quoted
   phrases with no cue (scare quotes) and quotes inside reported speech (which make it
   ``mixed``) get no row. Sources are kept outside the quotes they cite.
3. **Speakers and chains**: an attribution inside a quote gets the quote's row as
   ``parent``; sources resolve to canonical speakers (pronouns, surnames, ``who``),
   typed; relays give the chain and its depth, nested rows extending their parent's.

Errors never cost a document: an unbalanced quote mark degrades that quote only.

Example:
    >>> from toolkit.nlp import load_pipeline
    >>> doc = load_pipeline()('"We will act," Mara Kovell told Channel 9.')
    >>> row = attributions_of(doc, outlet="The Ledger", doc_id="d1")[0]
    >>> row["speaker"], row["depth"], [hop["name"] for hop in row["chain"]]
    ('Mara Kovell', 1, ['The Ledger', 'Channel 9', 'Mara Kovell'])
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable

import pandas as pd
from spacy.tokens import Doc

from ..lexicons import pinned
from ..parse import parse
from .chains import build_chain
from .identities import identify_speakers
from .index import ArticleIndex, Found
from .learned import CueModel
from .media import is_own_outlet
from .passes import PASSES
from .passes.labelled_quotes import LABELLING_LEMMAS
from .passes.quotations import SCARE_QUOTE_MAX_WORDS
from .speakers import Speaker

__all__ = [
    "ATTRIBUTION_COLUMNS", "DEFAULT_MODEL", "LABELLING_LEMMAS", "SCARE_QUOTE_MAX_WORDS",
    "attributions_of", "extract_attributions", "find", "relays_of", "resolve_model",
    "table_rows",
]

ATTRIBUTION_COLUMNS = [
    "attribution_id", "doc_id", "outlet", "kind", "content", "content_start", "content_end",
    "content_parts", "cue", "cue_start", "cue_end", "cue_lemma", "cue_class", "speech", "source",
    "source_start", "source_end", "speaker", "speaker_type", "speaker_role", "chain", "relays",
    "depth", "parent_id", "sentence", "paragraph",
]
TABLE_COLUMNS = [*ATTRIBUTION_COLUMNS, "speaker_id", "speaker_gender"]
"""The attributions table of a corpus: each article's rows (:data:`ATTRIBUTION_COLUMNS`)
and the corpus-wide identity of each speaker."""


def relays_of(chain: list[dict]) -> list[str]:
    """The media hops of a chain between the article's outlet and the speaker, outermost
    first (a nested quote's chain also passes through the quoting speaker, not a relay,
    and through a quoting medium that may be the outlet itself, not a relay either).

    Example:
        >>> relays_of([{"name": "Ledger", "type": "media"}, {"name": "CNN", "type": "media"},
        ...            {"name": "Lind", "type": "person"}, {"name": "Kovell", "type": "person"}])
        ['CNN']
    """
    outlet = chain[0]["name"] if chain else None
    return [hop["name"] for hop in chain[1:-1]
            if hop["type"] == "media" and not is_own_outlet(hop["name"], outlet)]


def find(index: ArticleIndex) -> list[Found]:
    """Run the passes over an article's index; its attributions in reading order."""
    for run in PASSES:
        run(index)
    return sorted(index.rows, key=lambda f: (f.start, f.end))


def table_rows(index: ArticleIndex) -> list[dict]:
    """The attributions table rows of one indexed article."""
    found = find(index)
    text = index.text
    ids = {id(f): f"{index.doc_id}-a{n:03d}" for n, f in enumerate(found, 1)}
    rows = []
    chains: dict[int, list[dict]] = {}
    for f in sorted(found, key=lambda f: (f.parent is not None, f.start)):
        speaker = f.speaker or Speaker(None, "unknown")
        cue = text[f.cue_chars[0]:f.cue_chars[1]] if f.cue_chars else None
        last = {"name": speaker.name, "type": speaker.type, "cue": cue}
        if f.parent is not None and id(f.parent) in chains:
            chain = [*chains[id(f.parent)],
                     *(h for h in f.hops if not is_own_outlet(h["name"], index.outlet)), last]
        else:
            chain = build_chain(index.outlet, f.hops, last)
        chains[id(f)] = chain
        relays = relays_of(chain)
        start, end = f.start, f.end
        rows.append({
            "attribution_id": ids[id(f)], "doc_id": index.doc_id, "outlet": index.outlet,
            "kind": f.kind, "content": text[start:end],
            "content_start": start, "content_end": end,
            "content_parts": [list(part) for part in f.content],
            "cue": cue,
            "cue_start": f.cue_chars[0] if f.cue_chars else None,
            "cue_end": f.cue_chars[1] if f.cue_chars else None,
            "cue_lemma": f.cue.lemma if f.cue else None,
            "cue_class": f.cue.cue_class if f.cue else None,
            "speech": f.cue.speech if f.cue else f.kind == "direct",
            "source": text[f.source_chars[0]:f.source_chars[1]] if f.source_chars else None,
            "source_start": f.source_chars[0] if f.source_chars else None,
            "source_end": f.source_chars[1] if f.source_chars else None,
            "speaker": speaker.name, "speaker_type": speaker.type,
            "speaker_role": speaker.role, "chain": chain, "relays": relays,
            "depth": len(relays),
            "parent_id": ids[id(f.parent)] if f.parent is not None else None,
            "sentence": index.sentence(f.cue_chars[0] if f.cue_chars else start),
            "paragraph": index.paragraph(start),
        })
    return sorted(rows, key=lambda r: r["attribution_id"])


DEFAULT_MODEL = "default"


def resolve_model(cue_model: CueModel | str | None) -> CueModel | None:
    """``"default"`` → the packaged cue model, a path → that model, ``None`` → rules only."""
    if cue_model is None or isinstance(cue_model, CueModel):
        return cue_model
    return CueModel.load(None if cue_model == DEFAULT_MODEL else cue_model)


def attributions_of(doc: Doc, *, outlet: str | None = None, doc_id: str | None = None,
                    cue_model: CueModel | str | None = DEFAULT_MODEL) -> list[dict]:
    """The attributions table rows of one parsed article (see the module docstring).

    Args:
        doc: the parsed article.
        outlet: the article's outlet (first hop of every chain).
        doc_id: its id (default: ``doc.user_data["doc_id"]``).
        cue_model: ``"default"`` (the packaged learned cue model), a model file, or
            ``None`` for the hand lexicon and rules alone.
    """
    doc_id = doc_id if doc_id is not None else doc.user_data.get("doc_id")
    with pinned():
        return table_rows(ArticleIndex(doc, outlet=outlet, doc_id=doc_id,
                                       cue_model=resolve_model(cue_model)))


def extract_attributions(
    articles_or_docs: pd.DataFrame | Iterable[Doc],
    *,
    cue_model: CueModel | str | None = DEFAULT_MODEL,
    n_process: int = 1,
    progress: bool | None = None,
) -> pd.DataFrame:
    """The attributions table of a corpus: one row per attribution.

    Args:
        articles_or_docs: the articles table (parsed through the cache) or parsed Docs
            (``doc.user_data`` may carry ``doc_id`` and ``outlet``).
        cue_model: ``"default"``, a model file, or ``None`` for the rules alone.
        n_process: parser processes when parsing articles.
        progress: show a progress bar (see :func:`toolkit.parse.parse`).

    Returns:
        A DataFrame with :data:`TABLE_COLUMNS`: each article's rows and the corpus-wide
        identities of :func:`toolkit.attribution.identities.identify_speakers`
        (``speaker_id``, ``speaker_gender``): one person is one ``speaker_id`` across the
        corpus.

    Example:
        >>> import pandas as pd
        >>> articles = pd.DataFrame({"doc_id": ["a"], "outlet": ["X"],
        ...     "text": ["Mara Kovell said the bridge was closed."]})
        >>> table = extract_attributions(articles, progress=False)
        >>> table[["speaker", "kind", "speaker_id"]].values.tolist()
        [['Mara Kovell', 'indirect', 'person:mara-kovell']]
    """
    articles = articles_or_docs if isinstance(articles_or_docs, pd.DataFrame) else None
    if articles is not None:
        outlets = articles["outlet"].tolist() if "outlet" in articles else None
        docs = parse(articles, n_process=n_process, progress=progress)
        pairs = zip(docs, outlets or itertools.repeat(None))
    else:
        pairs = ((doc, doc.user_data.get("outlet")) for doc in articles_or_docs)
    model = resolve_model(cue_model)
    rows = [row for doc, outlet in pairs
            for row in attributions_of(doc, outlet=outlet, cue_model=model)]
    table = pd.DataFrame(rows, columns=ATTRIBUTION_COLUMNS)
    return identify_speakers(table, articles=articles).attributions[TABLE_COLUMNS]
