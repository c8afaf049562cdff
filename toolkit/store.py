"""store: annotate a corpus shard by shard into Parquet tables, queried with DuckDB.

``toolkit annotate CORPUS --out STORE`` splits the corpus into shards of ``shard_size``
articles and, per shard, parses the articles, keeps their Docs as DocBin
(``docbin/<shard>.spacy``) and writes every article-level table of
:func:`toolkit.analysis.article_tables` as Parquet (``<table>/part-<shard>.parquet``). A
shard is complete when ``_done/<shard>.json`` exists: it is written last, after every
file of the shard has been renamed into place, so a killed run leaves no shard that reads
as complete, and a rerun redoes only unfinished shards (overwriting their partial files,
so nothing is duplicated). Memory stays flat: one shard is in memory at a time.

Shards run one after another here, or on Dask distributed (``dask="local"`` for a
``LocalCluster``, or a scheduler address): each worker loads the spaCy pipeline once
(``toolkit.nlp.load_pipeline`` is cached per process; nothing large is pickled) and writes
its shard's files itself.

:func:`open` gives a DuckDB connection with one view per table over the complete shards;
:func:`load_tables` returns them as pandas tables, and :func:`store_tables` the
outlet-level tables of :func:`toolkit.analysis.outlet_tables`, so a report over 100,000
articles parses nothing; keyterms, which need the Docs, come from the DocBins
(:func:`stored_docs`).

Example:
    >>> from toolkit import config
    >>> info = annotate(config.SAMPLE_CORPUS, "/tmp/sample-store", shard_size=16)  # doctest: +SKIP
    >>> con = open("/tmp/sample-store")  # doctest: +SKIP
    >>> con.execute("select count(*) from articles").fetchall()  # doctest: +SKIP
    [(32,)]
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd
from spacy.tokens import Doc, DocBin

from .analysis import ARTICLE_TABLES, KEYTERM_METHOD, article_tables, outlet_tables
from .errors import ParameterError
from .parse import atomic_write

MARKER = "_store.json"
DONE = "_done"
SHARDS = "_shards"
DEFAULT_SHARD_SIZE = 500
NESTED = {"attributions": ("chain", "content_parts"), "quotes": ("chain",)}


@dataclass
class AnnotateResult:
    """What :func:`annotate` did.

    Attributes:
        store: the store folder.
        shards: shards in the store.
        done_before: shards already complete (skipped).
        annotated: shards annotated in this run.
        articles: articles in the store.
        seconds: wall time.
    """

    store: str
    shards: int
    done_before: int
    annotated: int
    articles: int
    seconds: float
    failed: list[str] = field(default_factory=list)


def is_store(path: str | Path) -> bool:
    """Whether ``path`` is a store folder made by :func:`annotate`."""
    return (Path(path) / MARKER).is_file()


def _shard_ids(store: Path) -> list[str]:
    return sorted(p.stem for p in (store / SHARDS).glob("*.parquet"))


def _done_ids(store: Path) -> list[str]:
    return sorted(p.stem for p in (store / DONE).glob("*.json"))


def _write_parquet(table: pd.DataFrame, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    table.to_parquet(tmp, index=False)
    os.replace(tmp, path)


def _prepare(store: Path, articles: pd.DataFrame, shard_size: int, source: str) -> None:
    """Write the shard files (once): a rerun keeps the split of the first run."""
    if is_store(store):
        meta = json.loads((store / MARKER).read_text())
        if meta["articles"] != len(articles) or meta["shard_size"] != shard_size:
            raise ParameterError(
                f"{store} holds another corpus or shard size ({meta['articles']} articles in "
                f"shards of {meta['shard_size']})", field="out",
                hint="annotate into a new folder, or delete this one")
        return
    for number, start in enumerate(range(0, len(articles), shard_size)):
        _write_parquet(articles.iloc[start:start + shard_size].reset_index(drop=True),
                       store / SHARDS / f"{number:05d}.parquet")
    meta = {"articles": len(articles), "shard_size": shard_size, "source": source,
            "tables": list(ARTICLE_TABLES), "created": time.strftime("%Y-%m-%dT%H:%M:%S")}
    atomic_write(store / MARKER, json.dumps(meta, indent=1).encode())


def annotate_shard(store: str | Path, shard: str, *, n_process: int = 1) -> dict[str, int]:
    """Annotate one shard (idempotent): every table, the DocBin, then the done marker.

    Runs the same in this process or on a Dask worker; returns row counts per table.
    """
    from .parse import parse

    store = Path(store)
    articles = pd.read_parquet(store / SHARDS / f"{shard}.parquet")
    docs = list(parse(articles, n_process=n_process, cache=False, progress=False))
    tables = article_tables(articles, docs=docs)
    counts = {}
    for name, table in tables.items():
        _write_parquet(table, store / name / f"part-{shard}.parquet")
        counts[name] = len(table)
    (store / "docbin").mkdir(exist_ok=True)
    atomic_write(store / "docbin" / f"{shard}.spacy",
                  DocBin(docs=docs, store_user_data=False).to_bytes())
    (store / DONE).mkdir(exist_ok=True)
    atomic_write(store / DONE / f"{shard}.json", json.dumps(counts).encode())
    return counts


def annotate(
    corpus: str | Path | pd.DataFrame,
    out: str | Path,
    *,
    shard_size: int = DEFAULT_SHARD_SIZE,
    n_process: int = 1,
    dask: str | None = None,
    progress: bool = True,
    **load_options: Any,
) -> AnnotateResult:
    """Annotate a corpus into a store, skipping shards already complete.

    Args:
        corpus: a corpus path (any format :func:`toolkit.load_corpus` reads) or an
            articles table.
        out: the store folder (created).
        shard_size: articles per shard.
        n_process: parser processes per shard (local runs).
        dask: ``None`` to run here; ``"local"`` for a Dask ``LocalCluster`` with 2
            single-threaded worker processes; or a scheduler address (``tcp://host:8786``).
        progress: show progress (a tqdm bar, or Dask's progress bar).
        **load_options: passed to :func:`toolkit.load_corpus` (``format``, ``outlet``...).

    Raises:
        ParameterError: ``out`` is a store of another corpus or shard size.
    """
    from .corpus import load_corpus

    started = time.perf_counter()
    store = Path(out)
    store.mkdir(parents=True, exist_ok=True)
    if isinstance(corpus, pd.DataFrame):
        articles, source = corpus, "articles table"
    else:
        articles, source = load_corpus(corpus, **load_options), str(corpus)
    if shard_size < 1:
        raise ParameterError("shard size must be at least 1", field="shard_size")
    _prepare(store, articles, shard_size, source)
    del articles
    shards, done = _shard_ids(store), set(_done_ids(store))
    todo = [shard for shard in shards if shard not in done]
    if dask:
        _annotate_dask(store, todo, dask, progress=progress)
    else:
        from tqdm import tqdm

        for shard in tqdm(todo, desc="annotating", unit="shard",
                          disable=not progress or not todo):
            annotate_shard(store, shard, n_process=n_process)
    meta = json.loads((store / MARKER).read_text())
    return AnnotateResult(store=str(store), shards=len(shards), done_before=len(done),
                          annotated=len(todo), articles=meta["articles"],
                          seconds=round(time.perf_counter() - started, 2),
                          failed=sorted(set(shards) - set(_done_ids(store))))


def _annotate_dask(store: Path, shards: Sequence[str], address: str, *,
                   progress: bool) -> None:
    """Map :func:`annotate_shard` over the shards with Dask distributed."""
    from dask.distributed import Client, LocalCluster, wait
    from dask.distributed import progress as dask_progress

    cluster = None
    if address == "local":
        cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                               dashboard_address=None)
        client = Client(cluster)
    else:
        client = Client(address)
    try:
        if progress and client.dashboard_link:
            print(f"Dask dashboard: {client.dashboard_link}")
        futures = client.map(annotate_shard, [str(store)] * len(shards), list(shards),
                             pure=False)
        if progress and futures:
            dask_progress(futures)
        wait(futures)
        for future in futures:
            future.result()  # re-raise a worker's error here, naming the shard's task
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def open(store: str | Path):
    """A DuckDB connection with one view per table over the store's complete shards
    (each row also carries ``_file`` and ``_row``: where it is stored, in corpus order).

    Raises:
        ParameterError: ``store`` is not a store.

    Example:
        >>> con = open("/tmp/sample-store")  # doctest: +SKIP
        >>> con.sql("select outlet, count(*) from attributions group by 1").df()  # doctest: +SKIP
    """
    import duckdb

    store = Path(store)
    if not is_store(store):
        raise ParameterError(f"{store} is not a toolkit store (no {MARKER})", field="store",
                             hint="make one with `toolkit annotate CORPUS --out STORE`")
    con = duckdb.connect()
    done = _done_ids(store)
    for name in ARTICLE_TABLES:
        files = [store / name / f"part-{shard}.parquet" for shard in done]
        files = [str(f) for f in files if f.exists()]
        if files:
            listing = ", ".join("'" + f.replace("'", "''") + "'" for f in files)
            con.execute(f"CREATE VIEW {name} AS SELECT * EXCLUDE (filename, file_row_number), "
                        "filename AS _file, file_row_number AS _row FROM read_parquet("
                        f"[{listing}], union_by_name=true, filename=true, "
                        "file_row_number=true)")
    return con


def _nested(value: Any) -> list | None:
    """A stored list (an array from Parquet, or missing) back to a Python list."""
    if value is None or (pd.api.types.is_scalar(value) and pd.isna(value)):
        return None
    return [x if isinstance(x, dict) else list(x) for x in value]


def _restore(name: str, table: pd.DataFrame) -> pd.DataFrame:
    """Nested columns back to lists (Parquet returns arrays, missing values as NA).

    Example:
        >>> import numpy as np
        >>> table = pd.DataFrame({"chain": [np.array([{"name": "A"}]), pd.NA]})
        >>> _restore("quotes", table)["chain"].tolist()
        [[{'name': 'A'}], None]
    """
    for column in NESTED.get(name, ()):
        if column in table:
            table[column] = table[column].map(_nested).astype(object)
    return table


def load_tables(store: str | Path, *, doc_ids: Sequence[str] | None = None
                ) -> dict[str, pd.DataFrame]:
    """The article-level tables of the complete shards, optionally for some articles."""
    con = open(store)
    present = {row[0] for row in con.execute(
        "SELECT table_name FROM information_schema.tables").fetchall()}
    tables = {}
    if doc_ids is not None:
        con.register("wanted", pd.DataFrame({"doc_id": list(doc_ids)}))
    for name in ARTICLE_TABLES:
        if name not in present:
            continue
        columns = {r[0] for r in con.execute(f"DESCRIBE {name}").fetchall()}
        query = f"SELECT * EXCLUDE (_file, _row) FROM {name}"
        if doc_ids is not None and "doc_id" in columns:
            query += " WHERE doc_id IN (SELECT doc_id FROM wanted)"
        query += " ORDER BY _file, _row"  # corpus order, as an in-memory run has it
        tables[name] = _restore(name, con.execute(query).df())
    return tables


def stored_docs(store: str | Path, *, doc_ids: Sequence[str] | None = None
                ) -> Iterator[Doc]:
    """The parsed Docs of the complete shards, in corpus order, read back from their
    DocBins (never re-parsed), one shard in memory at a time; ``user_data["doc_id"]`` set.

    Example:
        >>> docs = stored_docs("/tmp/sample-store")  # doctest: +SKIP
        >>> next(docs).user_data["doc_id"]  # doctest: +SKIP
        'harbor-ledger-e01'
    """
    from .nlp import load_pipeline

    store = Path(store)
    wanted = None if doc_ids is None else {str(d) for d in doc_ids}
    vocab = load_pipeline().vocab
    for shard in _done_ids(store):
        ids = pd.read_parquet(store / SHARDS / f"{shard}.parquet", columns=["doc_id"])
        ids = ids["doc_id"].astype(str).tolist()
        if wanted is not None and wanted.isdisjoint(ids):
            continue
        docbin = DocBin().from_bytes((store / "docbin" / f"{shard}.spacy").read_bytes())
        for doc_id, doc in zip(ids, docbin.get_docs(vocab)):
            if wanted is None or doc_id in wanted:
                doc.user_data["doc_id"] = doc_id
                yield doc


def store_tables(store: str | Path, *, doc_ids: Sequence[str] | None = None,
                 cue_classes: Sequence[str] | None = None,
                 keyterms: bool = False) -> dict[str, Any]:
    """Every table :func:`toolkit.analyze` gives, from the store alone.

    Article-count tables are summed over shards, so outlet figures are exactly those of an
    in-memory run over the same articles. ``keyterms=True`` adds the keyterms per outlet
    from the stored Docs (slower: the DocBins are read back).
    """
    tables = outlet_tables(load_tables(store, doc_ids=doc_ids), cue_classes=cue_classes)
    if keyterms:
        from .framing.keyterms import keyterms_by_outlet

        tables["keyterms"] = keyterms_by_outlet(
            tables["articles"], stored_docs(store, doc_ids=doc_ids), method=KEYTERM_METHOD)
    return tables


def describe(result: AnnotateResult) -> str:
    """One JSON line for the CLI."""
    return json.dumps(asdict(result))
