"""corpus_source: open what an analysis reads, a corpus or a store, as one kind of thing.

:func:`open_corpus` takes a corpus file or folder (any registered format, compressed or
not, or ``"sample"``) or a store made by ``toolkit annotate``, and returns a
:class:`CorpusFiles` or a :class:`StoredCorpus`. Both give the articles (:meth:`load`),
the attributions (:meth:`attributions`) and every analysis table (:meth:`tables`), so the
CLI verbs and the notebooks never ask which they hold: a corpus is parsed (through the
parse cache), a store is read and never parsed.

Example:
    >>> source = open_corpus("sample")
    >>> source.kind, len(source.load()), len(source.articles(outlets=["Daily Relay"]))
    ('files', 32, 8)
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar, Literal, Protocol, overload

import pandas as pd

from .corpus import REJECT_COLUMNS, LoadResult, load_corpus
from .errors import ParameterError
from .selection import resolve_corpus_path, select_articles
from .store_marker import is_store

# The analysis, the extractor and the store import spaCy (and textacy, scikit-learn): each
# method imports what it needs, so loading a corpus (`toolkit corpus info`) does without.


class CorpusSource(Protocol):
    """What :func:`open_corpus` returns: a corpus or a store, read the same way."""

    path: Path
    kind: ClassVar[str]

    def load(self, *, errors: str = "raise") -> pd.DataFrame | LoadResult: ...

    def articles(self, *, outlets: Sequence[str] | None = None) -> pd.DataFrame: ...

    def attributions(self, articles: pd.DataFrame | None = None, *,
                     n_process: int = 1) -> pd.DataFrame: ...

    def tables(self, articles: pd.DataFrame | None = None, *, measures: str = "all",
               cue_classes: Sequence[str] | None = None, keyterms: bool = False,
               outlets: Sequence[str] | None = None, n_process: int = 1) -> dict[str, Any]: ...


@dataclass(frozen=True)
class CorpusFiles:
    """A corpus file or folder, read by :func:`toolkit.corpus.load_corpus`.

    Attributes:
        path: the file or folder.
        format, outlet, columns, metadata: as :func:`~toolkit.corpus.load_corpus` takes.
    """

    path: Path
    format: str | None = None
    outlet: str | None = None
    columns: Mapping[str, str] | None = None
    metadata: Path | None = None
    kind: ClassVar[str] = "files"

    @overload
    def load(self, *, errors: Literal["raise"] = ...) -> pd.DataFrame: ...
    @overload
    def load(self, *, errors: Literal["collect"]) -> LoadResult: ...
    def load(self, *, errors: str = "raise") -> pd.DataFrame | LoadResult:
        """Every article, as :func:`~toolkit.corpus.load_corpus` reads them
        (``errors="collect"``: a LoadResult with the rejects)."""
        return load_corpus(self.path, format=self.format, errors=errors, outlet=self.outlet,
                           columns=self.columns, metadata=self.metadata)

    def articles(self, *, outlets: Sequence[str] | None = None) -> pd.DataFrame:
        """The articles of ``outlets`` (all when None).

        Raises:
            ParameterError: an outlet not in the corpus, named with the known ones.
        """
        articles = self.load()
        return articles if outlets is None else select_articles(articles, outlets=outlets)

    def attributions(self, articles: pd.DataFrame | None = None, *,
                     n_process: int = 1) -> pd.DataFrame:
        """The attributions of ``articles`` (all when None), extracted (parse cached)."""
        from .attribution import extract_attributions

        articles = self.load() if articles is None else articles
        return extract_attributions(articles, n_process=n_process)

    def tables(self, articles: pd.DataFrame | None = None, *, measures: str = "all",
               cue_classes: Sequence[str] | None = None, keyterms: bool = False,
               outlets: Sequence[str] | None = None, n_process: int = 1) -> dict[str, Any]:
        """Every table of :func:`toolkit.analyze` for ``articles`` (all when None; else
        those of ``outlets``), computed (parse cached)."""
        from .analysis import analyze

        articles = self.articles(outlets=outlets) if articles is None else articles
        return analyze(articles, measures=measures, cue_classes=cue_classes,
                       keyterms=keyterms, n_process=n_process)


@dataclass(frozen=True)
class StoredCorpus:
    """A store made by ``toolkit annotate``: its tables are read, nothing is parsed.

    Attributes:
        path: the store folder.
    """

    path: Path
    kind: ClassVar[str] = "store"

    @overload
    def load(self, *, errors: Literal["raise"] = ...) -> pd.DataFrame: ...
    @overload
    def load(self, *, errors: Literal["collect"]) -> LoadResult: ...
    def load(self, *, errors: str = "raise") -> pd.DataFrame | LoadResult:
        """Every stored article, in corpus order. A store holds no rejects (its corpus
        was split with ``errors="raise"``), so collecting gives an empty rejects table."""
        if errors not in ("raise", "collect"):
            raise ParameterError(f"errors must be 'raise' or 'collect', got {errors!r}",
                                 field="errors")
        articles = self.articles()
        if errors == "collect":
            return LoadResult(articles, pd.DataFrame(columns=list(REJECT_COLUMNS)),
                              len(articles))
        return articles

    def articles(self, *, outlets: Sequence[str] | None = None) -> pd.DataFrame:
        """The stored articles of ``outlets`` (all when None) in corpus order; only those
        outlets' partitions are read.

        Raises:
            ParameterError: an outlet not in the store, named with the known ones.
            DamagedShardError: a finished shard's file is missing or truncated (T501).
        """
        from .store import connect

        articles = connect(self.path, outlets=outlets).sql(
            "SELECT * EXCLUDE (_file, _shard, _row) FROM articles ORDER BY _shard, _row").df()
        missing = sorted(set(outlets or ()) - set(articles["outlet"]))
        if missing:
            known = connect(self.path).sql(
                "SELECT DISTINCT outlet FROM articles ORDER BY 1").fetchall()
            raise ParameterError(f"outlet(s) {missing} not in the corpus", field="outlets",
                                 hint="known outlets include: "
                                      f"{', '.join(row[0] for row in known[:20])}")
        return articles

    def attributions(self, articles: pd.DataFrame | None = None, *,
                     n_process: int = 1) -> pd.DataFrame:
        """The stored attributions of ``articles`` (all when None), in corpus order, with
        their corpus-wide speaker identities; ``n_process`` is unused (nothing is
        parsed)."""
        from .attribution.identities import identify_speakers
        from .store import load_tables

        articles = self.load() if articles is None else articles
        stored = load_tables(self.path, doc_ids=articles["doc_id"].tolist(),
                             names=["attributions"])["attributions"]
        return identify_speakers(stored, articles=articles).attributions

    def tables(self, articles: pd.DataFrame | None = None, *, measures: str = "all",
               cue_classes: Sequence[str] | None = None, keyterms: bool = False,
               outlets: Sequence[str] | None = None, n_process: int = 1) -> dict[str, Any]:
        """Every table :func:`toolkit.analyze` gives, from the store (keyterms from its
        DocBins); ``measures`` and ``n_process`` are unused: a store holds every
        article-level table, and nothing is parsed."""
        from .store import store_tables

        doc_ids = None if articles is None else articles["doc_id"].tolist()
        return store_tables(self.path, doc_ids=doc_ids, outlets=outlets,
                            cue_classes=cue_classes, keyterms=keyterms)


def open_corpus(corpus: str | Path, *, format: str | None = None, outlet: str | None = None,
                columns: Mapping[str, str] | None = None,
                metadata: str | Path | None = None) -> CorpusFiles | StoredCorpus:
    """A corpus file or folder, ``"sample"``, or a store, ready to read.

    Args:
        corpus: the path (or ``"sample"``, the bundled sample corpus).
        format, outlet, columns, metadata: how to read a corpus (see
            :func:`toolkit.corpus.load_corpus`); a store takes none of them.

    Raises:
        ParameterError: the path does not exist, or reading options given for a store.

    Example:
        >>> open_corpus("sample").path.name
        'articles.jsonl'
    """
    path = resolve_corpus_path(corpus)
    if is_store(path):
        given = [name for name, value in (("format", format), ("outlet", outlet),
                                          ("columns", columns), ("metadata", metadata))
                 if value is not None]
        if given:
            raise ParameterError(f"{path} is a store, read as it was stored: "
                                 f"{', '.join(given)} does not apply", field=given[0],
                                 hint="give those options to `toolkit annotate` instead")
        return StoredCorpus(path)
    return CorpusFiles(path, format=format, outlet=outlet, columns=columns,
                       metadata=Path(metadata).expanduser() if metadata is not None else None)
