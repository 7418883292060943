"""Opening import files as byte streams: plain, gzip or zip (every member, streamed).

>>> import tempfile, zipfile, pathlib
>>> d = pathlib.Path(tempfile.mkdtemp()); z = d / "x.zip"
>>> with zipfile.ZipFile(z, "w") as zf:
...     zf.writestr("a.CSV", "1\\t2\\n")
>>> [(name, first_line(opener)) for name, opener in members(z)]
[('x.zip:a.CSV', b'1\\t2')]
"""

from __future__ import annotations

import gzip
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

import pyarrow as pa

from dipevents.errors import ImportFormatError

__all__ = ["Tracker", "arrow_errors", "first_line", "members"]

Opener = Callable[[], BinaryIO]


def members(path: str | Path) -> Iterator[tuple[str, Opener]]:
    """Each data stream in ``path`` as (display name, function opening it afresh).

    A zip file yields each member that is not a directory; ``.gz`` is decompressed on the fly.
    """
    path = Path(path)
    if not path.exists():
        raise ImportFormatError(f"{path}: no such file")
    if zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as zf:
            names = [m.filename for m in zf.infolist() if not m.is_dir()]
        if not names:
            raise ImportFormatError(f"{path}: the zip archive holds no file")
        for name in names:
            yield f"{path.name}:{name}", _zip_opener(path, name)
    elif path.suffix.lower() == ".gz":
        yield path.name, lambda: gzip.open(path, "rb")  # type: ignore[return-value]  # noqa: SIM115
    else:
        yield path.name, lambda: open(path, "rb")  # noqa: SIM115 - the caller closes it


def _zip_opener(path: Path, name: str) -> Opener:
    def opener() -> BinaryIO:
        zf = zipfile.ZipFile(path)
        stream = zf.open(name)
        # Keep the archive open as long as the member stream: closing one closes both.
        original_close = stream.close

        def close() -> None:
            original_close()
            zf.close()

        stream.close = close  # type: ignore[method-assign]
        return stream  # type: ignore[return-value]

    return opener


def first_line(opener: Opener, limit: int = 1 << 20) -> bytes:
    """The first line of a stream (without its line break), reading at most ``limit`` bytes."""
    with opener() as stream:
        line = stream.readline(limit)
    return line.rstrip(b"\r\n")


@contextmanager
def arrow_errors(name: str) -> Iterator[None]:
    """Turn pyarrow's read errors (invalid UTF-8, broken compression) into ImportFormatError."""
    try:
        yield
    except (pa.ArrowInvalid, OSError, EOFError, zipfile.BadZipFile) as exc:
        raise ImportFormatError(
            f"{name}: unreadable: {exc} (batches before this point were already imported and are intact)"
        ) from None


class Tracker:
    """Wraps an opener to tell how far the opened stream has been read (for progress bars).

    ``fraction()`` is the share of the uncompressed bytes read so far, or None when the size
    is unknown (gzip). The position is the reader's, which runs a few blocks ahead.
    """

    def __init__(self, path: str | Path, name: str, opener: Opener) -> None:
        self._opener = opener
        self._stream: BinaryIO | None = None
        path = Path(path)
        self.total: int | None = None
        if zipfile.is_zipfile(path):
            with zipfile.ZipFile(path) as zf:
                self.total = zf.getinfo(name.split(":", 1)[1]).file_size
        elif path.suffix.lower() != ".gz":
            self.total = path.stat().st_size

    def open(self) -> BinaryIO:
        self._stream = self._opener()
        return self._stream

    def fraction(self) -> float | None:
        if not self.total or self._stream is None:
            return None
        try:
            return min(self._stream.tell() / self.total, 1.0)
        except (ValueError, OSError):  # closed: the stream was read to its end
            return 1.0
