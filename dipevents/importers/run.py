"""Importing into a store: the same store, dedup, mentions and rejects as parsed events.

Events are handed to :meth:`dipevents.store.EventStore.add_arrow` in batches of the store's
``batch_rows``; rows the store rejects go to its rejects file and are counted in the report.
With ``keep_unmapped`` the rows that did not map are written, with their original codes and
the reason, to ``<store>/unmapped/<dataset>/<time>-<id>.parquet`` (one file per import,
renamed into place when complete).

>>> import tempfile
>>> from dipevents.importers.gdelt import example_file
>>> report = import_gdelt([example_file()], tempfile.mkdtemp(), keep_unmapped=True)
>>> report.summary()
'gdelt: 3 rows read, 1 imported, 2 unmapped (no_equivalent_action 1, non_state_actor 1), 0 rejected'
>>> report.stored, report.unmapped_path.parent.name
(1, 'gdelt')
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import uuid
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pyarrow as pa
import pyarrow.parquet as pq

from dipevents.importers import gdelt, icews, plover
from dipevents.importers.common import UNMAPPED_SCHEMA, ImportBatch, ImportReport, event_schema

if TYPE_CHECKING:
    from dipevents.store import EventStore

__all__ = ["UNMAPPED_DIR", "import_gdelt", "import_icews", "import_plover"]

log = logging.getLogger("dipevents.importers")

UNMAPPED_DIR = "unmapped"
#: Called after every batch with the report so far and the batch (its file and how far it is read).
ImportProgress = Callable[[ImportReport, ImportBatch], None]


def _store(store: EventStore | str | Path | None) -> EventStore:
    from dipevents.store import EventStore

    return store if isinstance(store, EventStore) else EventStore(store)


class _UnmappedWriter:
    def __init__(self, root: Path, dataset: str) -> None:
        stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S")
        self.path = root / UNMAPPED_DIR / dataset / f"{stamp}-{uuid.uuid4().hex[:8]}.parquet"
        self.tmp = self.path.with_suffix(".parquet.tmp")
        self.writer: pq.ParquetWriter | None = None

    def write(self, table: pa.Table) -> None:
        if self.writer is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.writer = pq.ParquetWriter(self.tmp, UNMAPPED_SCHEMA)
        self.writer.write_table(table)

    def close(self, *, keep: bool) -> Path | None:
        if self.writer is None:
            return None
        self.writer.close()
        if not keep:
            self.tmp.unlink(missing_ok=True)
            return None
        os.replace(self.tmp, self.path)
        return self.path


def _run(
    dataset: str,
    batches: Callable[[list[Path], bool], Iterator[ImportBatch]],
    sniff: Callable[[Path], object],
    paths: Iterable[str | Path],
    store: EventStore | str | Path | None,
    keep_unmapped: bool,
    progress: ImportProgress | None,
) -> ImportReport:
    files = [Path(p) for p in paths]
    for path in files:  # a wrong file fails before anything is stored
        sniff(path)
    target = _store(store)
    report = ImportReport(dataset, files=[str(p) for p in files])
    pending: list[pa.Table] = []
    n_pending = 0
    writer = _UnmappedWriter(target.path, dataset) if keep_unmapped else None
    ok = False

    def flush() -> None:
        nonlocal pending, n_pending
        if not pending:
            return
        ingest = target.add_arrow(pa.concat_tables(pending), source=f"import:{dataset}")
        report.imported += ingest.stored + ingest.merged
        report.rejected += ingest.rejected
        report.stored += ingest.stored
        report.merged += ingest.merged
        if ingest.rejected:
            report.rejects_path = ingest.rejects_path
        pending, n_pending = [], 0

    try:
        target.add_arrow(event_schema().empty_table())  # creates the store if new
        for batch in batches(files, keep_unmapped):
            report.add(batch, count_events=False)
            if batch.events.num_rows:
                pending.append(batch.events)
                n_pending += batch.events.num_rows
            if writer is not None and batch.unmapped is not None and batch.unmapped.num_rows:
                writer.write(batch.unmapped)
            if n_pending >= target.batch_rows:
                flush()
            if progress:
                progress(report, batch)
        flush()
        ok = True
    finally:
        if writer is not None:
            report.unmapped_path = writer.close(keep=ok)
    log.info("%s", report.summary())
    return report


def import_gdelt(
    paths: Iterable[str | Path],
    store: EventStore | str | Path | None = None,
    *,
    keep_unmapped: bool = False,
    progress: ImportProgress | None = None,
) -> ImportReport:
    """Import GDELT 1.0/2.0 event files (plain, .gz or .zip) into ``store`` (default: the embedded one).

    Raises :class:`~dipevents.errors.ImportFormatError` before storing anything when a file
    is not a GDELT event export.
    """
    return _run(
        "gdelt",
        lambda f, k: gdelt.iter_gdelt(f, keep_unmapped=k),
        gdelt.sniff_gdelt,
        paths,
        store,
        keep_unmapped,
        progress,
    )


def import_icews(
    paths: Iterable[str | Path],
    store: EventStore | str | Path | None = None,
    *,
    keep_unmapped: bool = False,
    progress: ImportProgress | None = None,
) -> ImportReport:
    """Import ICEWS coded-event files (tab-separated with a header) into ``store``."""
    return _run(
        "icews",
        lambda f, k: icews.iter_icews(f, keep_unmapped=k),
        icews.sniff_icews,
        paths,
        store,
        keep_unmapped,
        progress,
    )


def import_plover(
    paths: Iterable[str | Path],
    store: EventStore | str | Path | None = None,
    *,
    keep_unmapped: bool = False,
    progress: ImportProgress | None = None,
) -> ImportReport:
    """Import PLOVER JSON records (a JSON array, JSON Lines or concatenated objects) into ``store``."""

    def sniff(path: Path) -> None:
        for _ in plover.records(path):
            return

    return _run(
        "plover", lambda f, k: plover.iter_plover(f, keep_unmapped=k), sniff, paths, store, keep_unmapped, progress
    )
