"""layouts: readers for the research corpora as their publishers lay them out.

- PolNeAR (Newell et al. 2018): ``metadata.tsv`` + ``<split>/text/<filename>.txt``.
- BASIL (Fan et al. 2019): ``articles/<year>/<triplet-uuid>_<n>.json``.
- news-please: one JSON object per article with ``source_domain`` and ``newsCluster``.
- AllSides (Article-Bias-Prediction): JSON Lines, read by
  :func:`~toolkit.corpus.formats.read_jsonl` with :data:`ALLSIDES_COLUMNS`.

Each reader yields :class:`~toolkit.corpus.schema.Record` objects keyed by the input's own
field names (so errors name the field a researcher sees in the file), and each layout
has a ``*_COLUMNS`` mapping from articles column to that field. Each registers itself in
:data:`~toolkit.corpus.registry.readers` at the bottom of this module, with the detector
that recognises its layout.

Example:
    >>> from toolkit import config
    >>> records = read_polnear(config.corpora_dir() / "polnear" / "dev")  # doctest: +SKIP
    >>> next(records).fields["publisher"]  # doctest: +SKIP
    'breitbart'
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..errors import CorpusError, MalformedRecordError, MissingFieldError
from .formats import (
    NO_OPTIONS,
    files_with_suffix,
    first_jsonl_object,
    json_object_keys,
    load_json_object,
    read_jsonl,
    read_text,
    read_tsv,
)
from .registry import Item, Reader, ReadOptions, readers
from .schema import Record

POLNEAR_METADATA = "metadata.tsv"
POLNEAR_COLUMNS = {"doc_id": "filename", "outlet": "publisher", "published": "publication_date"}
BASIL_COLUMNS = {"outlet": "source", "story": "triplet-uuid"}
NEWSPLEASE_COLUMNS = {"outlet": "source_domain", "published": "date_publish"}
ALLSIDES_COLUMNS = {"doc_id": "ID", "outlet": "source", "text": "content_original",
                    "published": "date"}

_POLNEAR_INTEGERS = ("level", "trump_count", "clinton_count")
_POLNEAR_NULLS = ("None", "NA", "")  # how metadata.tsv spells "no author/credit/wire"
_NEWSCLUSTER_FIELDS = {"EventId": "event_id", "Event": "event", "Category": "category",
                       "Topic": "topic"}


def polnear_root(path: Path) -> tuple[Path, str | None]:
    """The PolNeAR root (the folder with ``metadata.tsv``) and the split ``path`` selects.

    Args:
        path: the root itself (all splits) or a split folder such as ``polnear/dev``.

    Returns:
        ``(root, None)`` for the root, ``(root, "dev")`` for a split folder.

    Example:
        >>> polnear_root(Path("/data/polnear/dev"))
        (PosixPath('/data/polnear'), 'dev')
    """
    if (path / POLNEAR_METADATA).is_file():
        return path, None
    return path.parent, path.name


def _polnear_value(name: str, value: str) -> Any:
    if name in _POLNEAR_INTEGERS and value.strip().isdigit():
        return int(value)
    if name in ("author", "credit", "wire") and value.strip() in _POLNEAR_NULLS:
        return None
    return value


def read_polnear(path: Path, options: ReadOptions = NO_OPTIONS) -> Iterator[Item]:
    """Records of PolNeAR: every split, or the one split folder ``path`` names.

    Rows come in ``metadata.tsv`` order (``line`` = its line); the text is read exactly
    as stored, so the brat offsets in ``<split>/attributions/*.ann`` index into it. The
    ``compartment`` column becomes ``split``; ``level`` and the mention counts become
    integers; ``None``/``NA`` author, credit and wire become missing. Text files with
    no metadata row follow, sorted, with only doc_id, text and split.

    Args:
        path: the PolNeAR folder or one of its split folders.
        options: unused.

    Yields:
        A Record per article, a MissingFieldError (field ``text``) for a metadata row
        whose text file is missing, an EncodingError for a text file that is not UTF-8,
        or the error of a metadata row that cannot be read.

    Example:
        >>> from toolkit import config
        >>> dev = config.corpora_dir() / "polnear" / "dev"
        >>> sum(1 for _ in read_polnear(dev))  # doctest: +SKIP
        84
    """
    root, split = polnear_root(path)
    table = root / POLNEAR_METADATA
    listed: set[Path] = set()
    for item in read_tsv(table):
        if isinstance(item, CorpusError):
            yield item
            continue
        fields = {name: _polnear_value(name, value) for name, value in item.fields.items()}
        compartment = fields.pop("compartment", "")
        if split is not None and compartment != split:
            continue
        text_path = root / compartment / "text" / f"{fields.get('filename', '')}.txt"
        listed.add(text_path)
        if not text_path.is_file():
            yield MissingFieldError("text", file=table, line=item.line,
                                    hint=f"No text file {text_path}")
            continue
        try:
            fields["text"] = read_text(text_path)
        except CorpusError as err:
            yield err
            continue
        fields["split"] = compartment
        yield Record(fields, text_path.stem, table, line=item.line)
    splits = [root / split] if split is not None else sorted(root.iterdir())
    texts = [p for folder in splits for p in files_with_suffix(folder / "text", (".txt",))]
    for text_path in texts:
        if text_path not in listed:
            try:
                text = read_text(text_path)
            except CorpusError as err:
                yield err
                continue
            yield Record({"filename": text_path.stem, "publisher": None,
                          "publication_date": None, "text": text,
                          "split": text_path.parent.parent.name}, text_path.stem, text_path)


def basil_text(paragraphs: Any, *, file: Path) -> str:
    """A BASIL article's text: sentences joined by a space, paragraphs by a blank line.

    Sentences are kept exactly (a few carry leading or trailing spaces), so the text is
    the same however often it is rebuilt.

    Args:
        paragraphs: the ``body-paragraphs`` value: a list of paragraphs, each a list of
            sentence strings.
        file: the article file, for the error.

    Raises:
        MissingFieldError: no ``body-paragraphs``.
        MalformedRecordError: not a list of lists of strings.

    Example:
        >>> basil_text([["One.", "Two."], ["Three."]], file=Path("a.json"))
        'One. Two.\\n\\nThree.'
    """
    if paragraphs is None:
        raise MissingFieldError("body-paragraphs", file=file)
    if not isinstance(paragraphs, list) or not all(
            isinstance(p, list) and all(isinstance(s, str) for s in p) for p in paragraphs):
        raise MalformedRecordError("expected a list of paragraphs, each a list of sentences",
                                   file=file, field="body-paragraphs")
    return "\n\n".join(" ".join(paragraph) for paragraph in paragraphs)


def read_basil(path: Path, options: ReadOptions = NO_OPTIONS) -> Iterator[Item]:
    """Records of BASIL's articles, sorted by year folder and file name.

    ``source`` is lower-cased (the corpus spells each outlet two ways: ``fox``/``FOX``,
    ``nyt``/``NYT``, ``hpo``/``HPO``); ``body-paragraphs`` becomes ``text`` (see
    :func:`basil_text`); doc_id is the file stem (``<triplet-uuid>_<n>``).

    Args:
        path: the BASIL folder (holding ``articles/``) or its ``articles`` folder.
        options: unused.

    Yields:
        A Record per article file, or the error that stopped one.

    Example:
        >>> from toolkit import config
        >>> sum(1 for _ in read_basil(config.corpora_dir() / "basil"))  # doctest: +SKIP
        210
    """
    articles = path / "articles" if (path / "articles").is_dir() else path
    for file in sorted(articles.glob("*/*.json")):
        if file.name.startswith("."):
            continue
        try:
            fields = load_json_object(file)
            fields["text"] = basil_text(fields.pop("body-paragraphs", None), file=file)
        except CorpusError as err:
            yield err
            continue
        if isinstance(fields.get("source"), str):
            fields["source"] = fields["source"].lower()
        yield Record({"doc_id": file.stem, **fields}, file.stem, file)


def read_newsplease(path: Path, options: ReadOptions = NO_OPTIONS) -> Iterator[Item]:
    """Records of news-please JSON files: a folder of them, or one file.

    ``newsCluster`` (added by the news-clusters corpus) is flattened into ``event_id``
    (which becomes ``story``), ``event``, ``category`` and ``topic``; doc_id is the file
    stem. Every other news-please field (``description``, ``authors``, ``language``, ...)
    is kept.

    Args:
        path: a folder of ``*.json`` files, or one such file.
        options: unused.

    Yields:
        A Record per file, or the error that stopped one.

    Example:
        >>> from toolkit import config
        >>> folder = config.corpora_dir() / "news_clusters"
        >>> sum(1 for _ in read_newsplease(folder))  # doctest: +SKIP
        383
    """
    for file in [path] if path.is_file() else files_with_suffix(path, (".json",)):
        try:
            fields = load_json_object(file)
        except CorpusError as err:
            yield err
            continue
        cluster = fields.pop("newsCluster", None)
        if isinstance(cluster, dict):
            fields.update({name: cluster.get(key) for key, name in _NEWSCLUSTER_FIELDS.items()})
        yield Record(fields, file.stem, file)


def is_polnear(path: Path) -> bool:
    """The PolNeAR folder (``metadata.tsv`` and ``<split>/text/*.txt``) or a split of it."""
    if (path / POLNEAR_METADATA).is_file() and any(path.glob("*/text/*.txt")):
        return True
    return (path.parent / POLNEAR_METADATA).is_file() and any(path.glob("text/*.txt"))


def is_basil(path: Path) -> bool:
    """A folder of BASIL articles: JSON files with ``body-paragraphs``, one folder down."""
    found = sorted(path.glob("articles/*/*.json")) or sorted(path.glob("*/*.json"))
    return bool(found) and "body-paragraphs" in json_object_keys(found[0])


def is_newsplease(path: Path) -> bool:
    """A news-please article (a JSON object with ``source_domain``), or a folder of them."""
    first = path if path.is_file() else next(iter(files_with_suffix(path, (".json",))), None)
    return first is not None and "source_domain" in json_object_keys(first)


def is_allsides(path: Path) -> bool:
    """AllSides JSON Lines: the first record has ``content_original`` and ``source``."""
    return {"content_original", "source"} <= first_jsonl_object(path).keys()


# The research layouts, registered after the generic formats so they are asked first;
# among themselves the last registered is asked first (PolNeAR, BASIL, news-please).
readers.register(Reader("allsides", read_jsonl, suffixes=(".jsonl", ".ndjson"),
                        compressed=True, detect=is_allsides, columns=ALLSIDES_COLUMNS,
                        description="AllSides (Article-Bias-Prediction) JSON Lines"))
readers.register(Reader("newsplease", read_newsplease, suffixes=(".json",),
                        compressed=True, detect=is_newsplease, folders=True,
                        columns=NEWSPLEASE_COLUMNS,
                        description="news-please JSON articles, one a file"))
readers.register(Reader("basil", read_basil, detect=is_basil, files=False, folders=True,
                        columns=BASIL_COLUMNS, description="the BASIL corpus folder"))
readers.register(Reader("polnear", read_polnear, detect=is_polnear, files=False,
                        folders=True, columns=POLNEAR_COLUMNS,
                        description="the PolNeAR folder, or one split folder of it"))
