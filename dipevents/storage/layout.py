"""Where the store's files live and which snapshot of them is current.

::

    <store>/
      dipevents-store.json          format and schema version of the store
      .lock                         the write lock (see locking.py)
      current -> versions/v00000007 symlink: the committed snapshot
      versions/v00000007/
        events/year=2022/part-<id>.parquet       one row per unique event
        mentions/year=2022/part-<id>.parquet     one row per report
        refinements/year=2022/part-<id>.parquet  reports merged into a more precise date
      rejects/<time>-<id>.jsonl     records that failed validation, with reasons

A snapshot is a complete hive-partitioned dataset. Data files are immutable; a new
snapshot hard-links the files it keeps from its parent and adds the new ones, so a
commit costs one link per file, and switching ``current`` (an atomic symlink replace)
publishes a whole ingest at once.
"""

from __future__ import annotations

import os
import re
import shutil
import time
from dataclasses import dataclass
from pathlib import Path

from dipevents.storage.atomic import fsync_dir

__all__ = [
    "TABLES",
    "Snapshot",
    "current_snapshot",
    "default_store_path",
    "partition_of",
    "prune_versions",
    "publish",
    "remove_uncommitted",
]

TABLES = ("events", "mentions", "refinements")
STORE_FILE = "dipevents-store.json"
LOCK_FILE = ".lock"
CURRENT = "current"
VERSIONS = "versions"
REJECTS = "rejects"
UNKNOWN_YEAR = "unknown"
_VERSION_DIR = re.compile(r"^v(\d{8})$")
#: Snapshots kept besides the current one, so a reader that opened one shortly before a
#: commit can finish its query; older ones go once they are older than KEEP_SECONDS too.
KEEP_VERSIONS = 3
KEEP_SECONDS = 300.0


def default_store_path() -> Path:
    """The embedded store: ``$DIPEVENTS_STORE``, else ``$XDG_DATA_HOME/dipevents/store``.

    ``XDG_DATA_HOME`` defaults to ``~/.local/share``.

    >>> import os
    >>> os.environ["DIPEVENTS_STORE"] = "/tmp/my-events"
    >>> str(default_store_path())
    '/tmp/my-events'
    >>> del os.environ["DIPEVENTS_STORE"]
    """
    explicit = os.environ.get("DIPEVENTS_STORE")
    if explicit:
        return Path(explicit).expanduser()
    data_home = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(data_home).expanduser() / "dipevents" / "store"


def partition_of(year: int | None) -> str:
    """Directory name of a year partition: ``year=2022`` or ``year=unknown``."""
    return f"year={UNKNOWN_YEAR if year is None else year}"


@dataclass(frozen=True)
class Snapshot:
    """One committed version of the store: its number and the files of each table."""

    root: Path
    version: int
    path: Path | None  # None for an empty store

    def files(self, table: str, partition: str | None = None) -> list[Path]:
        """Parquet files of ``table`` (optionally of one ``year=...`` partition), sorted."""
        if self.path is None:
            return []
        base = self.path / table
        if partition is not None:
            base = base / partition
            return sorted(base.glob("part-*.parquet")) if base.is_dir() else []
        return sorted(base.glob("year=*/part-*.parquet")) if base.is_dir() else []

    def partitions(self, table: str) -> list[str]:
        """Names of the ``year=...`` directories of ``table``."""
        if self.path is None or not (self.path / table).is_dir():
            return []
        return sorted(p.name for p in (self.path / table).iterdir() if p.name.startswith("year="))


def current_snapshot(root: Path) -> Snapshot:
    """The committed snapshot, resolved once so the caller reads one consistent version."""
    link = root / CURRENT
    try:
        target = os.readlink(link)
    except FileNotFoundError:
        return Snapshot(root, 0, None)
    path = (root / target).resolve()
    match = _VERSION_DIR.match(path.name)
    if not match:  # pragma: no cover - only a hand-edited store gets here
        raise ValueError(f"{link} points to {target}, which is not a snapshot directory")
    return Snapshot(root, int(match.group(1)), path)


def version_dir(root: Path, version: int) -> Path:
    return root / VERSIONS / f"v{version:08d}"


def remove_uncommitted(root: Path, committed: int) -> list[Path]:
    """Delete snapshots a killed writer left unpublished; call under the write lock."""
    removed = []
    versions = root / VERSIONS
    if not versions.is_dir():
        return removed
    for child in versions.iterdir():
        match = _VERSION_DIR.match(child.name)
        if match is None or int(match.group(1)) > committed:
            shutil.rmtree(child, ignore_errors=True) if child.is_dir() else child.unlink(missing_ok=True)
            removed.append(child)
    return removed


def publish(root: Path, staging: Path, version: int) -> Path:
    """Make the fully written ``staging`` directory the current snapshot ``version``.

    The snapshot directory is renamed into place and then ``current`` is switched with an
    atomic symlink replace: that replace is the commit point of an ingest.
    """
    final = version_dir(root, version)
    os.replace(staging, final)
    fsync_dir(final.parent)
    tmp_link = root / f".{CURRENT}.{os.getpid()}.tmp"
    tmp_link.unlink(missing_ok=True)
    os.symlink(os.path.relpath(final, root), tmp_link)
    os.replace(tmp_link, root / CURRENT)
    fsync_dir(root)
    return final


def prune_versions(root: Path, current: int) -> None:
    """Delete old snapshots; their data files live on as links in newer snapshots."""
    versions = root / VERSIONS
    now = time.time()
    olds = sorted(
        int(m.group(1)) for p in versions.iterdir() if (m := _VERSION_DIR.match(p.name)) and int(m.group(1)) < current
    )
    for number in olds[: max(0, len(olds) - KEEP_VERSIONS)]:
        path = version_dir(root, number)
        try:
            age = now - path.stat().st_mtime
        except FileNotFoundError:
            continue
        if age > KEEP_SECONDS:
            shutil.rmtree(path, ignore_errors=True)
