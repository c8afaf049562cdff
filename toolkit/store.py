"""store: annotate a corpus shard by shard into Parquet tables, queried with DuckDB.

``toolkit annotate CORPUS --out STORE`` streams the corpus into shards of ``shard_size``
articles (``_shards/<shard>.parquet``; never the whole corpus in memory) and, per shard,
parses the articles, keeps their Docs as DocBin (``docbin/<shard>.spacy``) and writes
every article-level table of :func:`toolkit.analysis.article_tables` as Parquet. The two
big tables, ``articles`` (with the text) and ``attributions``, are hive-partitioned by
outlet (``<table>/outlet=<outlet, percent-encoded>/part-<shard>.parquet``), so a query or
report on some outlets reads only their files; the small per-article count tables are
``<table>/part-<shard>.parquet`` (a file per outlet and shard of each would cost more to
write and open than it saves).
Every file keeps ``_shard`` and ``_row`` columns: where each row stands in corpus order.

A shard is complete when ``_done/<shard>.json`` exists: it is written last, after every
file of the shard has been renamed into place, so a killed run leaves no shard that reads
as complete, and a rerun redoes only unfinished shards (removing their partial files
first, so nothing is duplicated). The store remembers the corpus it was made from (a
fingerprint of the files, or of an articles table's ids) and refuses another one.

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

import hashlib
import json
import os
import shutil
import time
from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pandas as pd
from spacy.tokens import Doc, DocBin

from .analysis import KEYTERM_METHOD, article_table_names, article_tables, outlet_tables
from .errors import ParameterError
from .parse import atomic_write

MARKER = "_store.json"
DONE = "_done"
SHARDS = "_shards"
DEFAULT_SHARD_SIZE = 500
PARTITION_COLUMN = "outlet"
# The big tables, read by outlet: partitioned. The small per-article count tables are not:
# a file per outlet and shard of each would cost more to write and open than it saves.
PARTITIONED_TABLES = ("articles", "attributions")
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


def partition_folder(outlet: str) -> str:
    """The hive folder of an outlet: ``outlet=`` and the name percent-encoded (as
    pyarrow's hive partitioning writes it), so any name is one safe folder.

    Example:
        >>> partition_folder("The Harbor Ledger/Weekend")
        'outlet=The%20Harbor%20Ledger%2FWeekend'
    """
    return f"{PARTITION_COLUMN}={quote(str(outlet), safe='')}"


def _table_files(store: Path, name: str, shard: str = "*") -> Iterator[Path]:
    """The part files of a table, partitioned or not: of every shard, or of one."""
    folder = store / name
    if folder.is_dir():
        yield from folder.glob(f"part-{shard}.parquet")
        yield from folder.glob(f"{PARTITION_COLUMN}=*/part-{shard}.parquet")


def _shard_of(path: Path) -> str:
    return path.stem.removeprefix("part-")


def _write_table(store: Path, name: str, shard: str, table: pd.DataFrame) -> None:
    """One shard's rows of a table, split by outlet for :data:`PARTITIONED_TABLES`; the
    shard's earlier files of the table (a killed run's) are removed first."""
    for old in _table_files(store, name, shard):
        old.unlink()
    table = table.assign(_shard=shard, _row=range(len(table)))
    if name not in PARTITIONED_TABLES or table.empty:
        _write_parquet(table, store / name / f"part-{shard}.parquet")
        return
    for outlet, rows in table.groupby(PARTITION_COLUMN, sort=False):
        _write_parquet(rows, store / name / partition_folder(outlet) / f"part-{shard}.parquet")


def fingerprint(corpus: str | Path | pd.DataFrame) -> str:
    """What identifies a corpus cheaply: the names, sizes and times of its files, or the
    ids of an articles table (SHA-256, 16 hex digits)."""
    digest = hashlib.sha256()
    if isinstance(corpus, pd.DataFrame):
        digest.update("\n".join(corpus["doc_id"].astype(str)).encode("utf-8", "surrogatepass"))
    else:
        root = Path(corpus)
        files = [root] if root.is_file() else sorted(p for p in root.rglob("*") if p.is_file())
        for file in files:
            stat = file.stat()
            digest.update(f"{file.relative_to(root.parent)}|{stat.st_size}|"
                          f"{stat.st_mtime_ns}\n".encode("utf-8", "surrogatepass"))
    return digest.hexdigest()[:16]


def _chunks(corpus: str | Path | pd.DataFrame, shard_size: int,
            load_options: dict[str, Any]) -> Iterator[pd.DataFrame]:
    if isinstance(corpus, pd.DataFrame):
        for start in range(0, len(corpus), shard_size):
            yield corpus.iloc[start:start + shard_size]
    else:
        from .corpus import iter_corpus

        yield from iter_corpus(corpus, chunk_size=shard_size, **load_options)


def _prepare(store: Path, corpus: str | Path | pd.DataFrame, shard_size: int,
             load_options: dict[str, Any]) -> None:
    """Split the corpus into shard files, streaming (once: a rerun keeps the first split).

    Raises:
        ParameterError: the store holds another corpus, or the same in other shards.
    """
    source = "articles table" if isinstance(corpus, pd.DataFrame) else str(corpus)
    prints = fingerprint(corpus)
    if is_store(store):
        meta = json.loads((store / MARKER).read_text())
        if meta.get("fingerprint", prints) != prints or meta["shard_size"] != shard_size or (
                isinstance(corpus, pd.DataFrame) and meta["articles"] != len(corpus)):
            raise ParameterError(
                f"{store} holds another corpus or shard size ({meta['articles']} articles "
                f"from {meta['source']} in shards of {meta['shard_size']})", field="out",
                hint="annotate into a new folder, or delete this one")
        return
    shutil.rmtree(store / SHARDS, ignore_errors=True)  # a split a killed run left unfinished
    articles = 0
    for number, chunk in enumerate(_chunks(corpus, shard_size, load_options)):
        _write_parquet(chunk.reset_index(drop=True), store / SHARDS / f"{number:05d}.parquet")
        articles += len(chunk)
    meta = {"articles": articles, "shard_size": shard_size, "source": source,
            "fingerprint": prints,
            "partitioned_by": {table: PARTITION_COLUMN for table in PARTITIONED_TABLES},
            "tables": list(article_table_names()), "created": time.strftime("%Y-%m-%dT%H:%M:%S")}
    atomic_write(store / MARKER, json.dumps(meta, indent=1).encode())


def split(corpus: str | Path | pd.DataFrame, out: str | Path, *,
          shard_size: int = DEFAULT_SHARD_SIZE, **load_options: Any) -> list[str]:
    """Stream the corpus into the store's shard files, once (a rerun keeps the split);
    the shard ids, for :func:`annotate_shard`. :func:`annotate` is this, then every
    unfinished shard.

    Raises:
        ParameterError: ``out`` holds another corpus or shard size.
    """
    if not isinstance(shard_size, int) or shard_size < 1:
        raise ParameterError("shard size must be at least 1", field="shard_size")
    store = Path(out)
    store.mkdir(parents=True, exist_ok=True)
    _prepare(store, corpus, shard_size, load_options)
    return _shard_ids(store)


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
        _write_table(store, name, shard, table)
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
        **load_options: passed to :func:`toolkit.corpus.iter_corpus` (``format``,
            ``outlet``, ``columns``, ``metadata``).

    Raises:
        ParameterError: ``out`` is a store of another corpus or shard size.
        CorpusError: a bad record in the corpus (named by file, line and field).
    """
    started = time.perf_counter()
    store = Path(out)
    shards, done = split(corpus, store, shard_size=shard_size, **load_options), set(
        _done_ids(store))
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


def open(store: str | Path, *, outlets: Sequence[str] | None = None):
    """A DuckDB connection with one view per table over the store's complete shards
    (each row also carries ``_file``, ``_shard`` and ``_row``: where it is stored, and
    its place in corpus order). ``outlets`` keeps only those outlets' partitions: their
    files alone are read (tables without an ``outlet`` column are not filtered).

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
    done = set(_done_ids(store))
    wanted = None if outlets is None else {partition_folder(o) for o in outlets}
    for name in article_table_names():
        complete = [f for f in _table_files(store, name) if _shard_of(f) in done]
        if not complete:
            continue
        files = sorted(str(f) for f in complete if wanted is None or f.parent.name in wanted
                       or not f.parent.name.startswith(f"{PARTITION_COLUMN}="))
        empty = not files  # none of the outlets asked for: the columns, no rows
        listing = ", ".join("'" + f.replace("'", "''") + "'"
                            for f in files or [str(complete[0])])
        con.execute(f"CREATE VIEW {name} AS SELECT * EXCLUDE (filename), filename AS _file "
                    f"FROM read_parquet([{listing}], union_by_name=true, filename=true, "
                    f"hive_partitioning=false){' WHERE false' if empty else ''}")
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


def load_tables(store: str | Path, *, doc_ids: Sequence[str] | None = None,
                outlets: Sequence[str] | None = None) -> dict[str, pd.DataFrame]:
    """The article-level tables of the complete shards in corpus order, optionally for
    some articles (``doc_ids``) or outlets (``outlets``: only their partitions are read;
    tables without an outlet column are then kept to those outlets' articles)."""
    con = open(store, outlets=outlets)
    if outlets is not None and doc_ids is None:
        doc_ids = [row[0] for row in con.execute("SELECT doc_id FROM articles").fetchall()]
    present = {row[0] for row in con.execute(
        "SELECT table_name FROM information_schema.tables").fetchall()}
    tables = {}
    if doc_ids is not None:
        con.register("wanted", pd.DataFrame({"doc_id": list(doc_ids)}))
    for name in article_table_names():
        if name not in present:
            continue
        columns = {r[0] for r in con.execute(f"DESCRIBE {name}").fetchall()}
        query = f"SELECT * EXCLUDE (_file, _shard, _row) FROM {name}"
        if doc_ids is not None and "doc_id" in columns:
            query += " WHERE doc_id IN (SELECT doc_id FROM wanted)"
        query += " ORDER BY _shard, _row"  # corpus order, as an in-memory run has it
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
                 outlets: Sequence[str] | None = None,
                 cue_classes: Sequence[str] | None = None,
                 keyterms: bool = False) -> dict[str, Any]:
    """Every table :func:`toolkit.analyze` gives, from the store alone.

    Article-count tables are summed over shards, so outlet figures are exactly those of an
    in-memory run over the same articles. ``outlets`` reads only those outlets'
    partitions. ``keyterms=True`` adds the keyterms per outlet from the stored Docs
    (slower: the DocBins are read back).
    """
    article_level = load_tables(store, doc_ids=doc_ids, outlets=outlets)
    tables = outlet_tables(article_level, cue_classes=cue_classes)
    if doc_ids is None and outlets is not None:
        doc_ids = article_level["articles"]["doc_id"].tolist()
    if keyterms:
        from .framing.keyterms import keyterms_by_outlet

        tables["keyterms"] = keyterms_by_outlet(
            tables["articles"], stored_docs(store, doc_ids=doc_ids), method=KEYTERM_METHOD)
    return tables


def describe(result: AnnotateResult) -> str:
    """One JSON line for the CLI."""
    return json.dumps(asdict(result))
