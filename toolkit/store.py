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
file of the shard has been renamed into place, and lists each file with its size and
SHA-256, so a killed run leaves no shard that reads as complete, and a rerun redoes only
unfinished shards (removing their partial files first, so nothing is duplicated). Readers
read exactly the files a marker lists, after checking their sizes; a missing, truncated
or (with :func:`verify`, ``toolkit store verify``) altered file is a
:class:`~toolkit.errors.DamagedShardError` (T501) naming the shard and the file, and the
next :func:`annotate` redoes that shard. The store remembers the corpus it was made from
(a fingerprint of the files, or of an articles table's ids) and refuses another one;
``annotate`` holds ``_lock`` while it writes (a second run is refused with T502; the
system releases the lock of a killed run) and first removes the temporary files a killed
run left behind.

Shards run one after another here, or on Dask distributed (``dask="local"`` for a
``LocalCluster``, or a scheduler address): each worker loads the spaCy pipeline once
(``toolkit.nlp.load_pipeline`` is cached per process; nothing large is pickled) and writes
its shard's files itself.

:func:`connect` gives a DuckDB connection with one view per table over the complete shards;
:func:`load_tables` returns them as pandas tables, and :func:`store_tables` the
outlet-level tables of :func:`toolkit.analysis.outlet_tables`, so a report over 100,000
articles parses nothing; keyterms, which need the Docs, come from the DocBins
(:func:`stored_docs`).

Example:
    >>> from toolkit import config
    >>> info = annotate(config.SAMPLE_CORPUS, "/tmp/sample-store", shard_size=16)  # doctest: +SKIP
    >>> con = connect("/tmp/sample-store")  # doctest: +SKIP
    >>> con.execute("select count(*) from articles").fetchall()  # doctest: +SKIP
    [(32,)]
"""

from __future__ import annotations

import fcntl
import hashlib
import io
import json
import os
import shutil
import socket
import time
import warnings
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pandas as pd
from spacy.tokens import Doc, DocBin

from .analysis import KEYTERM_METHOD, article_table_names, article_tables, outlet_tables
from .corpus import RESERVED_COLUMNS, iter_corpus
from .errors import (
    DamagedShardError,
    ParameterError,
    RenamedFieldWarning,
    StoreError,
    StoreLockedError,
)
from .parse import atomic_write
from .store_marker import MARKER, is_store

DONE = "_done"
SHARDS = "_shards"
LOCK = "_lock"
LAYOUT = 2  # 2: done markers list every file with its size and checksum
DEFAULT_SHARD_SIZE = 500
PARTITION_COLUMN = "outlet"
NAME_MAX = 255  # bytes in a file name on ext4, APFS, NTFS
# The big tables, read by outlet: partitioned. The small per-article count tables are not:
# a file per outlet and shard of each would cost more to write and open than it saves.
PARTITIONED_TABLES = ("articles", "attributions")
NESTED = {"attributions": ("chain", "content_parts", "relays"), "quotes": ("chain",)}


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
        failed: shards still unfinished after the run.
        repaired: finished shards found damaged and redone in this run.
    """

    store: str
    shards: int
    done_before: int
    annotated: int
    articles: int
    seconds: float
    failed: list[str] = field(default_factory=list)
    repaired: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Damage:
    """A damaged file of a store: its shard, its path in the store, and what is wrong."""

    shard: str
    file: str
    problem: str


def _store_meta(store: Path) -> dict[str, Any]:
    """The store's ``_store.json``.

    Raises:
        ParameterError: ``store`` is no store, or one made before files had checksums.
    """
    if not is_store(store):
        raise ParameterError(f"{store} is not a toolkit store (no {MARKER})", field="store",
                             hint="make one with `toolkit annotate CORPUS --out STORE`")
    try:
        meta = json.loads((store / MARKER).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        raise StoreError(f"{MARKER} is unreadable", file=store / MARKER,
                         hint="annotate the corpus into a new folder") from None
    if not isinstance(meta, dict) or meta.get("layout") != LAYOUT:
        raise ParameterError(
            f"{store} was made by an older toolkit, whose stores record no file sizes or "
            "checksums", field="store", hint="annotate the corpus into a new folder")
    return meta


def _shard_ids(store: Path) -> list[str]:
    return sorted(p.stem for p in (store / SHARDS).glob("*.parquet"))


def _done_ids(store: Path) -> list[str]:
    return sorted(p.stem for p in (store / DONE).glob("*.json"))


def _file_record(data: bytes) -> dict[str, Any]:
    return {"size": len(data), "sha256": hashlib.sha256(data).hexdigest()}


def _write_parquet(table: pd.DataFrame, path: Path) -> dict[str, Any]:
    """Write a table through a temporary file and a rename; its size and checksum."""
    data = table.to_parquet(None, index=False)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)
    return _file_record(data)


def partition_folder(outlet: str) -> str:
    """The hive folder of an outlet: ``outlet=`` and the name percent-encoded (as
    pyarrow's hive partitioning writes it), so any name is one safe folder. A name too
    long for a file name (255 bytes) keeps its first part and ends in ``~`` and a hash of
    the whole name; the stored ``outlet`` column always holds the name in full.

    Example:
        >>> partition_folder("The Harbor Ledger/Weekend")
        'outlet=The%20Harbor%20Ledger%2FWeekend'
        >>> long = partition_folder("Gazette " * 40)
        >>> len(long), long[-17:]
        (255, '~84674bf0934f3750')
    """
    folder = f"{PARTITION_COLUMN}={quote(str(outlet), safe='')}"  # ASCII: chars are bytes
    if len(folder) <= NAME_MAX:
        return folder
    digest = hashlib.sha256(str(outlet).encode("utf-8", "surrogatepass")).hexdigest()[:16]
    head = folder[: NAME_MAX - len(digest) - 1]
    escape = head.find("%", len(head) - 2)  # never cut a %XX escape in two
    return f"{head[:escape] if escape != -1 else head}~{digest}"


def _table_files(store: Path, name: str, shard: str = "*") -> Iterator[Path]:
    """The part files of a table on disk, partitioned or not: of every shard, or of one."""
    folder = store / name
    if folder.is_dir():
        yield from folder.glob(f"part-{shard}.parquet")
        yield from folder.glob(f"{PARTITION_COLUMN}=*/part-{shard}.parquet")


def _write_table(store: Path, name: str, shard: str, table: pd.DataFrame
                 ) -> dict[str, dict[str, Any]]:
    """One shard's rows of a table, split by outlet for :data:`PARTITIONED_TABLES`; the
    shard's earlier files of the table (a killed run's) are removed first. Returns each
    written file (relative to the store) with its size and checksum."""
    for old in _table_files(store, name, shard):
        old.unlink()
    table = table.assign(_shard=shard, _row=range(len(table)))
    if name not in PARTITIONED_TABLES or table.empty:
        parts = [(f"{name}/part-{shard}.parquet", table)]
    else:
        parts = [(f"{name}/{partition_folder(outlet)}/part-{shard}.parquet", rows)
                 for outlet, rows in table.groupby(PARTITION_COLUMN, sort=False)]
    return {relative: _write_parquet(rows, store / relative) for relative, rows in parts}


def _problem(path: Path, record: Mapping[str, Any], *, checksums: bool) -> str | None:
    """What is wrong with a stored file against its record, or None."""
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        return "missing"
    if size != record["size"]:
        return f"{size} bytes, {record['size']} when written"
    if checksums and hashlib.sha256(path.read_bytes()).hexdigest() != record["sha256"]:
        return "its content changed since it was written (SHA-256 differs)"
    return None


def _shard_files(store: Path, shard: str) -> dict[str, dict[str, Any]] | None:
    """The files a finished shard's marker lists, or None for a marker that is unreadable."""
    try:
        files = json.loads((store / DONE / f"{shard}.json").read_text(encoding="utf-8"))["files"]
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return files if isinstance(files, dict) else None


def _damage(store: Path, shard: str, *, checksums: bool) -> Damage | None:
    """The first damaged file of a finished shard, or None."""
    files = _shard_files(store, shard)
    if files is None:
        return Damage(shard, f"{DONE}/{shard}.json", "the done marker is unreadable")
    for relative, record in files.items():
        problem = _problem(store / relative, record, checksums=checksums)
        if problem is not None:
            return Damage(shard, relative, problem)
    return None


def verify(store: str | Path, *, checksums: bool = True) -> list[Damage]:
    """Every damaged file of a store: each finished shard's files against the sizes and
    SHA-256 checksums its marker recorded, and each unfinished shard's input.

    Args:
        store: the store folder.
        checksums: also compare checksums (reads every file); False checks sizes only.

    Raises:
        ParameterError: ``store`` is not a store.
    """
    store = Path(store)
    inputs = _store_meta(store)["inputs"]
    done = set(_done_ids(store))
    found = [damage for shard in sorted(done)
             if (damage := _damage(store, shard, checksums=checksums)) is not None]
    for shard, record in sorted(inputs.items()):
        relative = f"{SHARDS}/{shard}.parquet"
        problem = _problem(store / relative, record, checksums=checksums)
        if shard not in done and problem is not None:
            found.append(Damage(shard, relative, problem))
    return found


def _complete(store: Path) -> dict[str, dict[str, dict[str, Any]]]:
    """The files of every finished shard, by shard, after a size check of each.

    Raises:
        DamagedShardError: a finished shard's file is missing or of another size.
    """
    _store_meta(store)
    complete = {}
    for shard in _done_ids(store):
        damage = _damage(store, shard, checksums=False)
        if damage is not None:
            raise DamagedShardError(
                f"shard {shard} is damaged: {damage.file} {damage.problem}",
                file=store / damage.file,
                hint=f"run `toolkit annotate CORPUS --out {store}` again: it redoes "
                     "damaged shards")
        complete[shard] = _shard_files(store, shard) or {}
    return complete


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


def _without_reserved(chunk: pd.DataFrame, warned: set[str]) -> pd.DataFrame:
    """An articles table whose columns named like the store's own (``_row``, ``_shard``,
    ``_file``, ``filename``) are kept as ``input_<name>``, said once per run."""
    renames = {c: f"input_{c.lstrip('_')}" for c in chunk.columns if c in RESERVED_COLUMNS}
    if not renames:
        return chunk
    taken = sorted(set(renames.values()) & set(chunk.columns))
    if taken:
        raise ParameterError(f"the articles table has both {taken[0]!r} and the reserved "
                             "column it would keep", field="corpus",
                             hint="rename one of them")
    if not warned >= set(renames):
        warned.update(renames)
        warnings.warn(RenamedFieldWarning(
            f"column(s) {', '.join(map(repr, renames))} kept as "
            f"{', '.join(renames.values())}: the store uses those names itself"), stacklevel=5)
    return chunk.rename(columns=renames)


def _chunks(corpus: str | Path | pd.DataFrame, shard_size: int,
            load_options: dict[str, Any]) -> Iterator[pd.DataFrame]:
    """The corpus in articles tables of ``shard_size`` rows, streaming a corpus path."""
    if isinstance(corpus, pd.DataFrame):
        warned: set[str] = set()
        for start in range(0, len(corpus), shard_size):
            yield _without_reserved(corpus.iloc[start:start + shard_size], warned)
    else:
        yield from iter_corpus(corpus, chunk_size=shard_size, **load_options)


def _prepare(store: Path, corpus: str | Path | pd.DataFrame, shard_size: int,
             load_options: dict[str, Any], *, checksums: bool) -> None:
    """Split the corpus into shard files, streaming (once: a rerun keeps the first split,
    rewriting only shard files found damaged).

    Raises:
        ParameterError: the store holds another corpus, or the same in other shards.
    """
    source = "articles table" if isinstance(corpus, pd.DataFrame) else str(corpus)
    prints = fingerprint(corpus)
    if is_store(store):
        meta = _store_meta(store)
        if meta.get("fingerprint", prints) != prints or meta["shard_size"] != shard_size or (
                isinstance(corpus, pd.DataFrame) and meta["articles"] != len(corpus)):
            raise ParameterError(
                f"{store} holds another corpus or shard size ({meta['articles']} articles "
                f"from {meta['source']} in shards of {meta['shard_size']})", field="out",
                hint="annotate into a new folder, or delete this one")
        damaged = {shard for shard, record in meta["inputs"].items()
                   if _problem(store / SHARDS / f"{shard}.parquet", record,
                               checksums=checksums)}
        if damaged:  # split again, rewriting only those shards' files
            for number, chunk in enumerate(_chunks(corpus, shard_size, load_options)):
                if f"{number:05d}" in damaged:
                    meta["inputs"][f"{number:05d}"] = _write_parquet(
                        chunk.reset_index(drop=True), store / SHARDS / f"{number:05d}.parquet")
            atomic_write(store / MARKER, json.dumps(meta, indent=1).encode())
        return
    shutil.rmtree(store / SHARDS, ignore_errors=True)  # a split a killed run left unfinished
    articles, inputs = 0, {}
    for number, chunk in enumerate(_chunks(corpus, shard_size, load_options)):
        inputs[f"{number:05d}"] = _write_parquet(chunk.reset_index(drop=True),
                                                 store / SHARDS / f"{number:05d}.parquet")
        articles += len(chunk)
    meta = {"layout": LAYOUT, "articles": articles, "shard_size": shard_size,
            "source": source, "fingerprint": prints,
            "partitioned_by": {table: PARTITION_COLUMN for table in PARTITIONED_TABLES},
            "tables": list(article_table_names()), "inputs": inputs,
            "created": time.strftime("%Y-%m-%dT%H:%M:%S")}
    atomic_write(store / MARKER, json.dumps(meta, indent=1).encode())


@contextmanager
def _lock(store: Path) -> Iterator[None]:
    """Hold the store's lock file, or raise StoreLockedError naming who holds it. The
    lock is an ``flock``: the system releases it when its holder exits, killed or not."""
    store.mkdir(parents=True, exist_ok=True)
    with (store / LOCK).open("a+", encoding="utf-8") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            raise StoreLockedError(
                f"another `toolkit annotate` is writing this store "
                f"({handle.read().strip() or 'holder unknown'})", file=store,
                hint="wait for it to finish; a killed run's lock is released by the "
                     "system") from None
        handle.seek(0)
        handle.truncate()
        handle.write(f"pid {os.getpid()} on {socket.gethostname()} since "
                     f"{time.strftime('%Y-%m-%dT%H:%M:%S')}\n")
        handle.flush()
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _remove_temporaries(store: Path) -> None:
    """Delete the temporary files (``.<name>.<pid>.tmp``) a killed run left behind."""
    for path in store.rglob(".*.tmp"):
        path.unlink(missing_ok=True)


def split(corpus: str | Path | pd.DataFrame, out: str | Path, *,
          shard_size: int = DEFAULT_SHARD_SIZE, **load_options: Any) -> list[str]:
    """Stream the corpus into the store's shard files, once (a rerun keeps the split);
    the shard ids, for :func:`annotate_shard`. :func:`annotate` is this, then every
    unfinished shard.

    Raises:
        ParameterError: ``out`` holds another corpus or shard size.
        StoreLockedError: ``toolkit annotate`` is writing the store.
    """
    store = Path(out)
    with _lock(store):
        return _split(store, corpus, shard_size, load_options, checksums=False)


def _split(store: Path, corpus: str | Path | pd.DataFrame, shard_size: int,
           load_options: dict[str, Any], *, checksums: bool) -> list[str]:
    if not isinstance(shard_size, int) or shard_size < 1:
        raise ParameterError("shard size must be at least 1", field="shard_size")
    _prepare(store, corpus, shard_size, load_options, checksums=checksums)
    return _shard_ids(store)


def annotate_shard(store: str | Path, shard: str, *, n_process: int = 1) -> dict[str, int]:
    """Annotate one shard (idempotent): every table, the DocBin, then the done marker
    listing each file with its size and SHA-256.

    Runs the same in this process or on a Dask worker (it takes no lock: :func:`annotate`
    holds the store's); returns row counts per table.
    """
    from .parse import parse

    store = Path(store)
    source = f"{SHARDS}/{shard}.parquet"
    data = (store / source).read_bytes()
    articles = pd.read_parquet(io.BytesIO(data))
    docs = list(parse(articles, n_process=n_process, cache=False, progress=False))
    tables = article_tables(articles, docs=docs)
    counts, files = {}, {source: _file_record(data)}
    for name, table in tables.items():
        files.update(_write_table(store, name, shard, table))
        counts[name] = len(table)
    docbin = DocBin(docs=docs, store_user_data=False).to_bytes()
    (store / "docbin").mkdir(exist_ok=True)
    atomic_write(store / "docbin" / f"{shard}.spacy", docbin)
    files[f"docbin/{shard}.spacy"] = _file_record(docbin)
    (store / DONE).mkdir(exist_ok=True)
    atomic_write(store / DONE / f"{shard}.json",
                 json.dumps({"counts": counts, "files": files}).encode())
    return counts


def annotate(
    corpus: str | Path | pd.DataFrame,
    out: str | Path,
    *,
    shard_size: int = DEFAULT_SHARD_SIZE,
    n_process: int = 1,
    dask: str | None = None,
    progress: bool = True,
    verify: bool = False,
    **load_options: Any,
) -> AnnotateResult:
    """Annotate a corpus into a store, skipping shards already complete and intact.

    Holds the store's lock throughout and first deletes temporary files a killed run
    left. A finished shard whose files are missing or of another size (with
    ``verify=True``: whose checksums differ) is redone, and listed in ``repaired``.

    Args:
        corpus: a corpus path (any format :func:`toolkit.load_corpus` reads) or an
            articles table.
        out: the store folder (created).
        shard_size: articles per shard.
        n_process: parser processes per shard (local runs).
        dask: ``None`` to run here; ``"local"`` for a Dask ``LocalCluster`` with 2
            single-threaded worker processes; or a scheduler address (``tcp://host:8786``).
        progress: show progress (a tqdm bar, or Dask's progress bar).
        verify: compare every finished file's SHA-256, not only its size.
        **load_options: passed to :func:`toolkit.corpus.iter_corpus` (``format``,
            ``outlet``, ``columns``, ``metadata``).

    Raises:
        ParameterError: ``out`` is a store of another corpus or shard size.
        StoreLockedError: another run is annotating the store (T502).
        CorpusError: a bad record in the corpus (named by file, line and field).
    """
    started = time.perf_counter()
    store = Path(out)
    with _lock(store):
        _remove_temporaries(store)
        shards = _split(store, corpus, shard_size, load_options, checksums=verify)
        repaired = []
        for shard in _done_ids(store):
            if _damage(store, shard, checksums=verify) is not None:
                (store / DONE / f"{shard}.json").unlink()
                repaired.append(shard)
        done = set(_done_ids(store))
        todo = [shard for shard in shards if shard not in done]
        if dask:
            _annotate_dask(store, todo, dask, progress=progress)
        else:
            from tqdm import tqdm

            for shard in tqdm(todo, desc="annotating", unit="shard",
                              disable=not progress or not todo):
                annotate_shard(store, shard, n_process=n_process)
    meta = _store_meta(store)
    return AnnotateResult(store=str(store), shards=len(shards), done_before=len(done),
                          annotated=len(todo), articles=meta["articles"],
                          seconds=round(time.perf_counter() - started, 2),
                          failed=sorted(set(shards) - set(_done_ids(store))),
                          repaired=repaired)


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


def connect(store: str | Path, *, outlets: Sequence[str] | None = None):
    """A DuckDB connection with one view per table over the store's complete shards
    (each row also carries ``_file``, ``_shard`` and ``_row``: where it is stored, and
    its place in corpus order). ``outlets`` keeps only those outlets' partitions: their
    files alone are read (tables without an ``outlet`` column are not filtered). Only the
    files the shards' done markers list are read, after a size check.

    Raises:
        ParameterError: ``store`` is not a store.
        DamagedShardError: a finished shard's file is missing or truncated (T501).

    Example:
        >>> con = connect("/tmp/sample-store")  # doctest: +SKIP
        >>> con.sql("select outlet, count(*) from attributions group by 1").df()  # doctest: +SKIP
    """
    import duckdb

    store = Path(store)
    listed = [relative for files in _complete(store).values() for relative in files]
    con = duckdb.connect()
    wanted = None if outlets is None else {partition_folder(o) for o in outlets}
    for name in article_table_names():
        complete = sorted(relative for relative in listed if relative.startswith(f"{name}/"))
        if not complete:
            continue
        files = [str(store / relative) for relative in complete
                 if wanted is None or Path(relative).parent.name in wanted
                 or not Path(relative).parent.name.startswith(f"{PARTITION_COLUMN}=")]
        empty = not files  # none of the outlets asked for: the columns, no rows
        listing = ", ".join("'" + f.replace("'", "''") + "'"
                            for f in files or [str(store / complete[0])])
        con.execute(f"CREATE VIEW {name} AS SELECT * FROM read_parquet([{listing}], "
                    f"union_by_name=true, filename='_file', hive_partitioning=false)"
                    f"{' WHERE false' if empty else ''}")
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
                outlets: Sequence[str] | None = None,
                names: Sequence[str] | None = None) -> dict[str, pd.DataFrame]:
    """The article-level tables of the complete shards in corpus order, optionally for
    some articles (``doc_ids``) or outlets (``outlets``: only their partitions are read;
    tables without an outlet column are then kept to those outlets' articles), and only
    the tables ``names`` lists (default: all of :data:`~toolkit.analysis.ARTICLE_TABLES`).

    Raises:
        DamagedShardError: a finished shard's file is missing or truncated (T501).
    """
    con = connect(store, outlets=outlets)
    if outlets is not None and doc_ids is None:
        doc_ids = [row[0] for row in con.execute("SELECT doc_id FROM articles").fetchall()]
    present = {row[0] for row in con.execute(
        "SELECT table_name FROM information_schema.tables").fetchall()}
    tables = {}
    if doc_ids is not None:
        con.register("wanted", pd.DataFrame({"doc_id": list(doc_ids)}))
    for name in article_table_names() if names is None else names:
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

    Raises:
        DamagedShardError: a finished shard's file is missing or truncated (T501).

    Example:
        >>> docs = stored_docs("/tmp/sample-store")  # doctest: +SKIP
        >>> next(docs).user_data["doc_id"]  # doctest: +SKIP
        'harbor-ledger-e01'
    """
    from .nlp import load_pipeline

    store = Path(store)
    wanted = None if doc_ids is None else {str(d) for d in doc_ids}
    vocab = load_pipeline().vocab
    for shard in _complete(store):
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
