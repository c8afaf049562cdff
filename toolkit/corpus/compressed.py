"""compressed: open corpus files that may be gzip, bzip2 or xz compressed, by their suffix.

Every reader opens its files through :func:`open_binary` or :func:`read_bytes`, so
``a.jsonl.gz``, ``a.csv.bz2`` or ``a.json.xz`` read like the plain file. A truncated or
corrupt compressed file (a bad CRC, damaged deflate data, a missing end-of-stream marker)
is a :class:`~toolkit.errors.CompressedFileError` (T108) naming the file and the last line
read before the damage, never a miscounted or partly garbage load.

Example:
    >>> import gzip, tempfile
    >>> path = Path(tempfile.mkdtemp()) / "a.jsonl.gz"
    >>> _ = path.write_bytes(gzip.compress(b'{"text": "Hi."}\\n'))
    >>> read_bytes(path), strip_compression("a.jsonl.gz")
    (b'{"text": "Hi."}\\n', 'a.jsonl')
"""

from __future__ import annotations

import bz2
import gzip
import lzma
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import IO

from ..errors import CompressedFileError

COMPRESSIONS: dict[str, Callable[..., IO[bytes]]] = {
    ".gz": gzip.open, ".bz2": bz2.open, ".xz": lzma.open,
}
"""Compressed-file suffix -> the opener that decompresses it."""

DECOMPRESSION_ERRORS = (OSError, EOFError, zlib.error, lzma.LZMAError)
"""What reading damaged compressed data raises (``gzip.BadGzipFile`` is an OSError)."""



def compression(path: Path) -> str | None:
    """The compression suffix of a file name (``".gz"``), or None for a plain file.

    Example:
        >>> compression(Path("a.JSONL.GZ")), compression(Path("a.jsonl"))
        ('.gz', None)
    """
    name = path.name.lower()
    return next((suffix for suffix in COMPRESSIONS if name.endswith(suffix)), None)


def strip_compression(name: str) -> str:
    """A file name without its compression suffix.

    Example:
        >>> strip_compression("a.csv.bz2"), strip_compression("a.csv")
        ('a.csv', 'a.csv')
    """
    suffix = compression(Path(name))
    return name[: -len(suffix)] if suffix else name


def open_binary(path: Path) -> IO[bytes]:
    """``path`` opened for reading bytes, decompressed when its suffix says so."""
    suffix = compression(path)
    return COMPRESSIONS[suffix](path, "rb") if suffix else path.open("rb")


def damaged(path: Path, lines: int, exc: BaseException) -> CompressedFileError:
    """The T108 error for a compressed file that broke after ``lines`` lines.

    Example:
        >>> error = damaged(Path("a.jsonl.gz"), 12, EOFError("stream ended"))
        >>> error.code, error.line, error.reason[:60]
        ('T108', 12, 'corrupt or truncated compressed data; the last line read was')
    """
    where = f"the last line read was line {lines}" if lines else "no line could be read"
    return CompressedFileError(f"corrupt or truncated compressed data; {where} ({exc})",
                               file=path, line=lines or None,
                               hint="Re-download the file or compress it again")


def _decompress(path: Path, *, keep: bool) -> bytes:
    """A compressed file's bytes, line by line, so damage is placed after a whole line."""
    chunks: list[bytes] = []
    lines = 0
    with open_binary(path) as handle:
        try:
            for line in handle:
                lines += 1
                if keep:
                    chunks.append(line)
        except DECOMPRESSION_ERRORS as exc:
            raise damaged(path, lines, exc) from None
    return b"".join(chunks)


def read_bytes(path: Path) -> bytes:
    """A whole file's bytes, decompressed when its suffix says so.

    Raises:
        CompressedFileError: the compressed data is truncated or corrupt (T108), naming
            the last line read.
    """
    if compression(path) is None:
        return path.read_bytes()
    return _decompress(path, keep=True)


def check_intact(path: Path) -> BaseException | None:
    """Decompress a whole file to check it (keeping nothing); what reading it raises if it
    is damaged, else None.

    A reader that streams a compressed file calls this before reporting its first bad
    record, so garbage from a corrupt block is reported as the corruption it is.
    """
    try:
        with open_binary(path) as handle:
            for _ in handle:
                pass
    except DECOMPRESSION_ERRORS as exc:
        return exc
    return None
