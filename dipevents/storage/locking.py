"""The store's inter-process write lock: ``fcntl.flock`` on ``<store>/.lock``.

Writers hold it from reading the current snapshot to publishing the next one, so two
processes ingesting at once are serialised commit by commit and neither loses or
duplicates the other's rows. The kernel releases a ``flock`` when its holder dies, so a
process killed with SIGKILL never leaves the store locked. Readers take no lock: they
read an immutable snapshot. ``flock`` is advisory and local; on NFS use one writer host.
"""

from __future__ import annotations

import fcntl
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from dipevents.errors import StoreLockedError

__all__ = ["write_lock"]


@contextmanager
def write_lock(path: Path, timeout: float) -> Iterator[None]:
    """Hold the exclusive lock on ``path`` for the ``with`` block.

    Raises :class:`~dipevents.errors.StoreLockedError` after ``timeout`` seconds.
    """
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        deadline = time.monotonic() + timeout
        delay = 0.005
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise StoreLockedError(
                        f"another process has held the write lock {path} for more than {timeout:g} s; "
                        "wait for its ingest to finish or raise lock_timeout"
                    ) from None
                time.sleep(delay)
                delay = min(delay * 2, 0.1)
        try:
            yield
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)
