"""Crash-safe file writes: a reader sees the old file or the complete new one, never half.

Each file is written under a temporary name in its final directory, flushed to disk with
``fsync`` and moved into place with :func:`os.replace`, which POSIX makes atomic; the
directory is then fsynced so the rename itself survives a power cut.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

__all__ = ["fsync_dir", "write_bytes", "write_parquet"]

#: Rows per Parquet row group: small enough for row-group pruning on date, large enough
#: that per-group overhead stays negligible.
ROW_GROUP_SIZE = 256_000


def _temp_name(path: Path) -> Path:
    # A dot prefix and a non-.parquet suffix keep globbing readers (DuckDB, Spark) off it.
    return path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")


def fsync_dir(path: Path) -> None:
    """Flush a directory entry (a rename or a new file) to disk."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_bytes(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = _temp_name(path)
    try:
        with open(tmp, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
    fsync_dir(path.parent)


def write_parquet(path: Path, table: pa.Table) -> int:
    """Write ``table`` to ``path`` atomically (zstd); return the size in bytes."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = _temp_name(path)
    try:
        pq.write_table(table, tmp, compression="zstd", row_group_size=ROW_GROUP_SIZE)
        with open(tmp, "rb+") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
    return path.stat().st_size
