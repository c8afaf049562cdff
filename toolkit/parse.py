"""parse: stream spaCy Docs for an articles table, with a DocBin cache on disk.

Parsing is the slow step of every analysis, so Docs are cached as DocBin shards keyed by
the text's hash under a directory per pipeline name, version and components (each with its
class, so a run with :mod:`toolkit.fastpipe` and one without never share Docs):

    <cache_dir>/<lang_name-version>-<components hash>/<shard>.spacy   the Docs
    <cache_dir>/<lang_name-version>-<components hash>/<shard>.json    its manifest

The manifest lists the shard's text keys and the SHA-256 of its bytes and is written last,
so it marks the shard complete. Both files are written to a temporary name and renamed
into place (atomic on POSIX), so two runs at once can never leave a half-written shard
that looks complete. A shard whose bytes, Doc count or texts disagree with its manifest
is reported (a :class:`CacheWarning`), deleted and re-parsed, never returned as wrong Docs.

Web page furniture (newsletter sign-ups, share prompts, photo credits: see
:mod:`toolkit.boilerplate`) is masked with spaces of the same length before parsing, so
``doc.text`` has the article's length and offsets, and the cache keys on the masked text:
a parse of differently masked text (an older lexicon, ``mask=False``) is never reused.

The default cache directory is :func:`toolkit.config.cache_dir` (``$TOOLKIT_CACHE_DIR``
or ``<project>/.cache/toolkit``); ``cache_dir=`` overrides it per call.

A text longer than :data:`PIECE_CHARS` is parsed in pieces of whole paragraphs
(:func:`text_pieces`) joined back into one Doc with exactly the same text, so memory stays
bounded (a 1 MB article needs a few hundred MB instead of several GB); shorter texts, every
normal article, are parsed whole as before.

Example:
    >>> import pandas as pd
    >>> from toolkit.parse import parse
    >>> articles = pd.DataFrame({"doc_id": ["a"], "text": ["The mayor said it rained."]})
    >>> [doc.user_data["doc_id"] for doc in parse(articles, progress=False)]
    ['a']
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
import warnings
from collections import OrderedDict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
from spacy.language import Language
from spacy.tokens import Doc, DocBin
from tqdm import tqdm

from . import config
from .boilerplate import mask_texts
from .errors import CacheWarning, EncodingError
from .nlp import component_classes, load_pipeline, pipeline_id

DEFAULT_BATCH_SIZE = 64
DEFAULT_SHARD_SIZE = 256
PROGRESS_MIN_ARTICLES = 50
PIECE_CHARS = 100_000  # longer texts are parsed in pieces of about this many characters
PIECE_BREAKS = ("\n\n", "\n", ". ", " ")  # where a piece may end, best first


@dataclass
class ParseStats:
    """What one :func:`parse` run did; pass one in to have it filled.

    Attributes:
        articles: Docs yielded.
        cache_hits: Docs read from the cache.
        parsed: Docs parsed by spaCy in this run.
        rebuilt_shards: corrupt or inconsistent shards detected, deleted and re-parsed.
    """

    articles: int = 0
    cache_hits: int = 0
    parsed: int = 0
    rebuilt_shards: int = 0


TEXT_KEY = "toolkit.text"


def doc_text(doc: Doc) -> str:
    """``doc.text``, computed once per Doc (spaCy rebuilds it from the tokens each time).

    Example:
        >>> from toolkit.nlp import load_pipeline
        >>> doc_text(load_pipeline()("It rained."))
        'It rained.'
    """
    text = doc.user_data.get(TEXT_KEY)
    if text is None:
        text = doc.user_data[TEXT_KEY] = doc.text
    return text


def text_key(text: str) -> str:
    """The cache key of a text: the first 32 hex digits of its SHA-256.

    Raises:
        UnicodeEncodeError: the text holds a lone surrogate (not a character).

    Example:
        >>> text_key("abc")
        'ba7816bf8f01cfea414140de5dae2223'
    """
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


def text_pieces(text: str, limit: int = PIECE_CHARS) -> list[str]:
    r"""``text`` cut into consecutive pieces of at most ``limit`` characters, each ending
    at a paragraph break where there is one (else a line break, a sentence end, a space).

    Example:
        >>> text_pieces("One.\n\nTwo two.\n\nThree.", limit=12)
        ['One.\n\n', 'Two two.\n\n', 'Three.']
    """
    pieces, start = [], 0
    while len(text) - start > limit:
        end = start + limit
        for mark in PIECE_BREAKS:
            cut = text.rfind(mark, start + 1, end - len(mark) + 1)
            if cut > start:
                end = cut + len(mark)
                break
        pieces.append(text[start:end])
        start = end
    return [*pieces, text[start:]]


def parse_text(nlp: Language, text: str, *, piece_chars: int = PIECE_CHARS) -> Doc:
    r"""One Doc for ``text``: parsed whole, or in :func:`text_pieces` joined into one Doc
    with the same text when it is longer than ``piece_chars``.

    Example:
        >>> doc = parse_text(load_pipeline(), "It rained.\n\nIt snowed.", piece_chars=12)
        >>> doc.text, [s.text for s in doc.sents]
        ('It rained.\n\nIt snowed.', ['It rained.\n\n', 'It snowed.'])
    """
    if len(text) <= piece_chars:
        nlp.max_length = max(nlp.max_length, len(text) + 1)
        return nlp(text)
    docs = list(nlp.pipe(text_pieces(text, piece_chars), batch_size=1))
    return Doc.from_docs(docs, ensure_whitespace=False)


def atomic_write(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file and an atomic rename."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


class ParseCache:
    """DocBin shards of parsed Docs for one pipeline, keyed by text hash.

    Args:
        nlp: the pipeline whose Docs are stored (its name, version and components
            choose the sub-directory).
        cache_dir: the cache root; ``None`` means :func:`toolkit.config.cache_dir`.

    Example:
        >>> cache = ParseCache(load_pipeline())
        >>> cache.directory.parent == config.cache_dir()
        True
    """

    def __init__(self, nlp: Language, cache_dir: str | Path | None = None) -> None:
        self.nlp = nlp
        components = hashlib.sha256(",".join(component_classes(nlp)).encode()).hexdigest()[:8]
        root = Path(cache_dir) if cache_dir is not None else config.cache_dir()
        self.directory = root / f"{pipeline_id(nlp)}-{components}"
        self.index: dict[str, Path] = {}
        self._manifests: dict[Path, dict] = {}
        self._loaded: OrderedDict[Path, dict[str, Doc]] = OrderedDict()
        self.rebuilt_shards = 0
        self.refresh()

    def refresh(self) -> None:
        """Read every manifest: which key lives in which shard."""
        self.index.clear()
        self._manifests.clear()
        if not self.directory.is_dir():
            return
        for manifest_path in sorted(self.directory.glob("*.json")):
            shard_path = manifest_path.with_suffix(".spacy")
            try:
                manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
                keys = list(manifest["keys"])
                if not isinstance(manifest["sha256"], str):
                    raise TypeError("sha256 is not a string")
            except (OSError, ValueError, KeyError, TypeError) as exc:
                self._discard(shard_path, f"unreadable manifest ({exc})")
                continue
            if not shard_path.exists():
                self._discard(shard_path, "shard file is missing")
                continue
            self._manifests[shard_path] = manifest
            for key in keys:
                self.index.setdefault(key, shard_path)

    def __contains__(self, key: str) -> bool:
        return key in self.index

    def get(self, key: str) -> Doc | None:
        """The cached Doc for ``key``, or ``None`` when absent or its shard is corrupt."""
        shard_path = self.index.get(key)
        if shard_path is None:
            return None
        docs = self._load_shard(shard_path)
        return docs.get(key) if docs is not None else None

    def _load_shard(self, shard_path: Path) -> dict[str, Doc] | None:
        if shard_path in self._loaded:
            self._loaded.move_to_end(shard_path)
            return self._loaded[shard_path]
        manifest = self._manifests[shard_path]
        try:
            data = shard_path.read_bytes()
            if hashlib.sha256(data).hexdigest() != manifest["sha256"]:
                raise ValueError("checksum mismatch (truncated or overwritten)")
            docs = list(DocBin().from_bytes(data).get_docs(self.nlp.vocab))
            if len(docs) != len(manifest["keys"]):
                raise ValueError(f"{len(docs)} Docs for {len(manifest['keys'])} keys")
            by_key = dict(zip(manifest["keys"], docs))
            if any(text_key(doc.text) != key for key, doc in by_key.items()):
                raise ValueError("a Doc's text does not match its key")
        except (OSError, ValueError) as exc:
            self._discard(shard_path, str(exc))
            return None
        self._loaded[shard_path] = by_key
        if len(self._loaded) > 4:
            self._loaded.popitem(last=False)
        return by_key

    def _discard(self, shard_path: Path, reason: str) -> None:
        warnings.warn(CacheWarning(f"corrupt parse-cache shard ({reason})", file=shard_path),
                      stacklevel=3)
        self.rebuilt_shards += 1
        self._manifests.pop(shard_path, None)
        self._loaded.pop(shard_path, None)
        for key in [k for k, p in self.index.items() if p == shard_path]:
            del self.index[key]
        shard_path.unlink(missing_ok=True)
        shard_path.with_suffix(".json").unlink(missing_ok=True)

    def write_shard(self, docs: dict[str, Doc]) -> Path:
        """Store Docs (key → Doc) as one shard; returns the shard path."""
        self.directory.mkdir(parents=True, exist_ok=True)
        keys = list(docs)
        name = hashlib.sha256("\n".join(keys).encode()).hexdigest()[:24]
        shard_path = self.directory / f"{name}.spacy"
        data = DocBin(docs=docs.values(), store_user_data=False).to_bytes()
        atomic_write(shard_path, data)
        manifest = {
            "keys": keys,
            "sha256": hashlib.sha256(data).hexdigest(),
            "pipeline": pipeline_id(self.nlp),
            "components": component_classes(self.nlp),
        }
        atomic_write(shard_path.with_suffix(".json"), json.dumps(manifest).encode())
        self._manifests[shard_path] = manifest
        for key in keys:
            self.index.setdefault(key, shard_path)
        return shard_path


def _texts(articles: pd.DataFrame | Iterable[str]) -> tuple[list[str], list[str | None]]:
    if isinstance(articles, pd.DataFrame):
        ids = articles["doc_id"].tolist() if "doc_id" in articles else [None] * len(articles)
        return articles["text"].tolist(), ids
    texts = list(articles)
    return texts, [None] * len(texts)


def _keys(texts: list[str], doc_ids: list[str | None]) -> list[str]:
    """Each text's cache key; a text that cannot be encoded is a coded error naming it."""
    keys = []
    for n, (text, doc_id) in enumerate(zip(texts, doc_ids)):
        try:
            keys.append(text_key(text))
        except UnicodeEncodeError as exc:
            raise EncodingError(
                f"the text holds a lone surrogate escape at character {exc.start}, which "
                "is not a character", record=doc_id if doc_id is not None else n,
                field="text", hint="fix or drop the article; load_corpus rejects such "
                "records") from None
    return keys


def parse(
    articles: pd.DataFrame | Iterable[str],
    *,
    nlp: Language | None = None,
    n_process: int = 1,
    batch_size: int = DEFAULT_BATCH_SIZE,
    cache: bool = True,
    cache_dir: str | Path | None = None,
    shard_size: int = DEFAULT_SHARD_SIZE,
    progress: bool | None = None,
    stats: ParseStats | None = None,
    piece_chars: int = PIECE_CHARS,
    mask: bool = True,
) -> Iterator[Doc]:
    """Yield one parsed Doc per article, in order, reading and filling the cache.

    Args:
        articles: the articles table (``text`` column, ``doc_id`` when present) or texts.
        nlp: the pipeline; ``None`` loads the default (:func:`toolkit.nlp.load_pipeline`).
        n_process: worker processes for ``nlp.pipe``.
        batch_size: texts per ``nlp.pipe`` batch.
        cache: read and write the DocBin cache.
        cache_dir: cache root; ``None`` means :func:`toolkit.config.cache_dir`.
        shard_size: Docs per cache shard.
        progress: show a tqdm bar; ``None`` shows it for 50+ articles unless
            ``$TOOLKIT_PROGRESS`` is ``0``.
        stats: a :class:`ParseStats` to fill with hit and parse counts.
        piece_chars: texts longer than this are parsed in pieces (:func:`parse_text`).
        mask: parse the text with its web boilerplate masked
            (:func:`toolkit.boilerplate.mask_texts`); same length, same offsets.

    Yields:
        Docs with ``doc.user_data["doc_id"]`` set when the table has a ``doc_id`` column;
        ``doc.text`` is the masked text.

    Example:
        >>> docs = list(parse(["It rained.", "It snowed."], progress=False))
        >>> [len(doc) for doc in docs]
        [3, 3]
    """
    nlp = nlp or load_pipeline()
    texts, doc_ids = _texts(articles)
    if mask:
        texts = mask_texts(texts)
    stats = stats if stats is not None else ParseStats()
    keys = _keys(texts, doc_ids)
    store = ParseCache(nlp, cache_dir) if cache else None
    stats.rebuilt_shards = store.rebuilt_shards if store else 0
    to_parse = [i for i, key in enumerate(keys) if store is None or key not in store]
    whole = [i for i in to_parse if len(texts[i]) <= piece_chars]  # long ones: in pieces
    nlp.max_length = max(nlp.max_length, max((len(texts[i]) for i in whole), default=0) + 1)
    parsed = iter(
        nlp.pipe((texts[i] for i in whole), batch_size=batch_size, n_process=n_process)
    )
    streamed = set(whole)
    if progress is None:
        progress = len(texts) >= PROGRESS_MIN_ARTICLES and os.environ.get("TOOLKIT_PROGRESS") != "0"
    pending: dict[str, Doc] = {}
    served_from_cache: set[str] = set()
    scheduled = set(to_parse)
    with tqdm(total=len(texts), desc="parsing", unit="article", disable=not progress) as bar:
        for i, (key, doc_id) in enumerate(zip(keys, doc_ids)):
            if i in scheduled:
                doc = (next(parsed) if i in streamed
                       else parse_text(nlp, texts[i], piece_chars=piece_chars))
                stats.parsed += 1
                if store is not None:
                    pending[key] = doc
            else:
                doc = store.get(key) if store is not None else None
                if doc is None:  # its shard turned out corrupt: parse it here
                    doc = parse_text(nlp, texts[i], piece_chars=piece_chars)
                    stats.parsed += 1
                    pending[key] = doc
                else:
                    stats.cache_hits += 1
                    if key in served_from_cache:  # the same text twice: one Doc each
                        doc = doc.copy()
                    served_from_cache.add(key)
            if doc_id is not None:
                doc.user_data["doc_id"] = doc_id
            doc.user_data[TEXT_KEY] = texts[i]  # spaCy keeps the text exactly: no rebuild
            if store is not None and len(pending) >= shard_size:
                store.write_shard(pending)
                pending = {}
            stats.articles += 1
            bar.update()
            yield doc
        if store is not None:
            if pending:
                store.write_shard(pending)
            stats.rebuilt_shards = store.rebuilt_shards
