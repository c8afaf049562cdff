"""registry: the corpus reader registry; a format is one registered :class:`Reader`.

A reader is a function ``read(path, options)`` that yields, for each input record, a
:class:`~toolkit.corpus.schema.Record` or the :class:`~toolkit.errors.CorpusError` that
stopped it from being one. Its :class:`Reader` says everything else about the format: the
file names it takes (``suffixes``; with ``compressed=True`` also gzip, bzip2 or xz
compressed, for a reader that opens its files through
:func:`~toolkit.corpus.compressed.open_binary` or ``read_bytes``), whether it reads
files, folders or both, how it recognises its own files or folder layout (``detect``),
how its fields map onto the articles columns (``columns``) and whether it takes a
metadata table. :func:`~toolkit.corpus.load_corpus` asks :data:`readers` for the reader
``format=`` names, or for the one that recognises the path; nothing else lists formats.
The built-in readers register themselves at the bottom of
:mod:`~toolkit.corpus.formats` and :mod:`~toolkit.corpus.layouts`.

Example:
    >>> import tempfile
    >>> from toolkit.corpus.schema import Record
    >>> def read_lines(path, options):
    ...     for n, text in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
    ...         yield Record({"text": text, "outlet": options.outlet}, f"{path.stem}-{n}",
    ...                      path, line=n)
    >>> registry = ReaderRegistry()
    >>> _ = registry.register(Reader("lines", read_lines, suffixes=(".lines",)))
    >>> path = Path(tempfile.mkdtemp()) / "a.lines"
    >>> _ = path.write_text("One.\\nTwo.\\n", encoding="utf-8")
    >>> registry.detect(path).name, registry.names()
    ('lines', ('lines',))
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from ..errors import CorpusError, EmptyCorpusError, ParameterError, UnknownLayoutError
from .compressed import strip_compression
from .schema import Record

Item = Record | CorpusError
"""What a reader yields for each input record."""


class ReadOptions(NamedTuple):
    """The options ``load_corpus`` hands every reader.

    Attributes:
        outlet: the outlet the caller gave (``outlet=``), or None; the HTML reader uses it
            instead of the site name it finds.
        metadata: the metadata table (``metadata=``) for readers that take one.
    """

    outlet: str | None = None
    metadata: Path | None = None


ReadFunction = Callable[[Path, ReadOptions], Iterable[Item]]


@dataclass(frozen=True)
class Reader:
    """One corpus format: its reading function and how to recognise its input.

    Attributes:
        name: the ``format=`` value (``--format`` on the command line).
        read: ``read(path, options)`` yielding a Record or a CorpusError per input record.
        suffixes: file name endings it reads (compared in lower case), e.g. ``(".jsonl",)``.
        detect: ``detect(path) -> bool`` for a file or folder whose content (not only its
            name) says it is this format; for a file it is asked only when a suffix
            matches, for a folder only when ``folders`` is true.
        files: reads a file.
        folders: reads a folder.
        compressed: also reads its files gzip, bzip2 or xz compressed (``a.jsonl.gz``);
            for a reader that opens them through
            :func:`~toolkit.corpus.compressed.open_binary` or ``read_bytes``.
        columns: articles column -> input field, for a layout with its own field names
            (``columns=`` given to ``load_corpus`` overrides it).
        metadata: takes a metadata table (``metadata=``).
        description: one line for help texts.
    """

    name: str
    read: ReadFunction
    suffixes: tuple[str, ...] = ()
    detect: Callable[[Path], bool] | None = None
    files: bool = True
    folders: bool = False
    compressed: bool = False
    columns: Mapping[str, str] = field(default_factory=dict)
    metadata: bool = False
    description: str = ""

    def takes_name(self, name: str) -> bool:
        """Whether a file called ``name`` ends in one of :attr:`suffixes`.

        Example:
            >>> reader = Reader("jsonl", print, suffixes=(".jsonl",), compressed=True)
            >>> reader.takes_name("A.JSONL.gz"), reader.takes_name("a.json")
            (True, False)
        """
        name = name.lower()
        if self.compressed:
            name = strip_compression(name)
        return any(name.endswith(suffix) for suffix in self.suffixes)

    def check_path(self, path: Path) -> None:
        """Raise unless this reader reads what ``path`` is (a file or a folder).

        Raises:
            ParameterError: a folder for a file format, or a file for a folder layout.
        """
        if path.is_dir() and not self.folders:
            raise ParameterError(f"format {self.name!r} reads a file, but {path} is a folder",
                                 field="format",
                                 hint="Folders of .txt files are format='txt_dir'")
        if path.is_file() and not self.files:
            raise ParameterError(f"format {self.name!r} reads a folder, but {path} is a file",
                                 field="format")


class ReaderRegistry:
    """The readers ``load_corpus`` knows, by name; readers registered later are asked
    first when detecting, so a specific layout (or your own reader) wins over a generic
    format.

    Example:
        >>> registry = ReaderRegistry()
        >>> try:
        ...     registry.get("docx")
        ... except UnknownLayoutError as err:
        ...     print(err.code, err.reason)
        T106 unknown format 'docx'; registered formats: (none)
    """

    def __init__(self) -> None:
        self._readers: dict[str, Reader] = {}

    def register(self, reader: Reader) -> Reader:
        """Add ``reader`` (replacing a reader of the same name); return it."""
        self._readers.pop(reader.name, None)
        self._readers[reader.name] = reader
        return reader

    def names(self) -> tuple[str, ...]:
        """Every registered format name, in registration order."""
        return tuple(self._readers)

    def __iter__(self) -> Iterator[Reader]:
        return iter(self._readers.values())

    def __contains__(self, name: object) -> bool:
        return name in self._readers

    def get(self, name: str) -> Reader:
        """The reader registered as ``name``.

        Raises:
            UnknownLayoutError: no reader has that name (T106; never a fallback).
        """
        if name not in self._readers:
            raise UnknownLayoutError(
                f"unknown format {name!r}; registered formats: "
                f"{', '.join(self._readers) or '(none)'}", field="format",
                hint="Register a toolkit.corpus.Reader for it, or convert the corpus to JSONL")
        return self._readers[name]

    def detect(self, path: Path) -> Reader:
        """The reader for a corpus file or folder.

        A file: the readers whose suffixes match its name; one with a ``detect`` that
        accepts it wins, else one without a ``detect``. A folder: the first folder reader
        whose ``detect`` accepts it. Readers registered later are asked first.

        Raises:
            ParameterError: the path does not exist.
            EmptyCorpusError: a folder with no visible files in it.
            UnknownLayoutError: nothing recognises it; the message lists the formats.
        """
        newest_first = list(reversed(self._readers.values()))
        if path.is_file():
            candidates = [r for r in newest_first if r.files and r.takes_name(path.name)]
            candidates.sort(key=lambda reader: reader.detect is None)  # stable
            what = "unknown file type"
            hint = "Read it as one of them with --format (format= in Python)"
        elif path.is_dir():
            if not any(p.is_file() and not p.name.startswith(".") for p in path.rglob("*")):
                raise EmptyCorpusError("the folder holds no files", file=path)
            candidates = [r for r in newest_first if r.folders and r.detect is not None]
            what = "not a known corpus layout or folder of files"
            hint = ("Give --format (format= in Python) if it is one of them, or convert it "
                    "to JSONL")
        else:
            raise ParameterError(f"corpus path {str(path)!r} does not exist", field="path")
        for reader in candidates:
            if reader.detect is None or reader.detect(path):
                return reader
        raise UnknownLayoutError(f"{what}; supported formats: {', '.join(self._readers)}",
                                 file=path, hint=hint)


readers = ReaderRegistry()
"""The registry ``load_corpus`` reads from; the built-in readers are registered on import
of :mod:`toolkit.corpus`."""


def detect_format(path: Path) -> str:
    """The name of the registered reader for a corpus file or folder.

    Raises:
        ParameterError: the path does not exist.
        EmptyCorpusError: a folder with no files in it.
        UnknownLayoutError: anything else it cannot place; the message lists the formats.

    Example:
        >>> import tempfile
        >>> folder = Path(tempfile.mkdtemp())
        >>> _ = (folder / "a.txt").write_text("Hi.", encoding="utf-8")
        >>> detect_format(folder), detect_format(folder / "a.txt")
        ('txt_dir', 'txt')
    """
    return readers.detect(Path(path)).name
