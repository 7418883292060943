"""The rejects files: every record that failed validation, with the reason, never dropped.

One JSON Lines file per ingest run, ``<store>/rejects/<UTC time>-<id>.jsonl``; each line
holds ``record`` (where it came from), ``field``, ``value``, ``reason``, ``source`` and the
full ``row`` as received, so a fixed record can be re-ingested from it.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import secrets
from collections.abc import Iterable
from pathlib import Path
from typing import IO, Any

from dipevents.storage.validate import Reject

__all__ = ["RejectsWriter", "read_rejects"]


def _plain(value: Any) -> Any:
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    return str(value)


class RejectsWriter:
    """Appends rejects to this run's file, created on the first reject and fsynced per batch."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self.path: Path | None = None
        self.count = 0
        self._fh: IO[str] | None = None

    def write(self, rejects: Iterable[Reject], source: str) -> None:
        lines = [
            json.dumps(
                {
                    "record": r.record,
                    "field": r.field,
                    "value": r.value,
                    "reason": r.reason,
                    "source": source,
                    "row": r.row,
                },
                default=_plain,
                ensure_ascii=False,
            )
            for r in rejects
        ]
        if not lines:
            return
        if self._fh is None:
            self.directory.mkdir(parents=True, exist_ok=True)
            stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
            self.path = self.directory / f"{stamp}-{secrets.token_hex(4)}.jsonl"
            self._fh = open(self.path, "a", encoding="utf-8")  # noqa: SIM115 - kept open across batches
        self._fh.write("\n".join(lines) + "\n")
        self._fh.flush()
        os.fsync(self._fh.fileno())
        self.count += len(lines)

    def close(self) -> None:
        if self._fh is not None:
            self._fh.close()
            self._fh = None


def read_rejects(path: str | Path) -> list[dict[str, Any]]:
    """The records of a rejects file, as dicts."""
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]
