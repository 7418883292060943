"""The Parquet event store: each act stored once, with every report of it, never lost.

A store is a directory of hive-partitioned Parquet files (``events/year=2022/...``,
``mentions/year=2022/...``) that DuckDB, Polars and Spark read directly, behind a
``current`` symlink that switches atomically from one complete snapshot to the next.
See ``docs/storage.md`` for the layout, the merge rules and measured figures.

>>> import tempfile, datetime as dt
>>> from dipevents.schema import Event
>>> store = EventStore(tempfile.mkdtemp())
>>> ev = {"actor": "ALB", "actor_type": "state", "target": "IRN", "target_type": "state",
...       "action": "sever_ties", "date": dt.date(2022, 9, 7), "date_precision": "day", "rule": "example"}
>>> print(store.add([Event(**ev, doc_id="a"), Event(**ev, doc_id="b")]))
2 events read: 1 new, 1 merged (0 already stored), 0 rejected
>>> store.sql("SELECT actor, action, target, n_documents FROM events").to_pylist()
[{'actor': 'ALB', 'action': 'sever_ties', 'target': 'IRN', 'n_documents': 2}]
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq

from dipevents import refviews
from dipevents.errors import CorruptFileError, QueryError, SchemaVersionError, StoreError, ValidationError
from dipevents.schema import SCHEMA_VERSION, Event
from dipevents.storage import layout
from dipevents.storage.layout import default_store_path
from dipevents.storage.locking import write_lock
from dipevents.storage.rejects import RejectsWriter
from dipevents.storage.validate import Reject, event_schema, validate_events
from dipevents.storage.writer import commit_batch, compact, corrupt_file_guard, read_parquet_sql, table_schema

__all__ = ["EventStore", "IngestReport", "default_store_path"]

log = logging.getLogger("dipevents.store")

#: Called as ``progress(done, total)``: documents for :meth:`EventStore.ingest`, rows otherwise.
Progress = Callable[[int, int], None]
_VIEWS = ("events", "mentions", "refinements")


@dataclass
class IngestReport:
    """What an ingest did. Always ``read == stored + merged + rejected``.

    * ``read``: event rows received (after parsing documents);
    * ``stored``: rows that created an event the store did not have (one per new event);
    * ``merged``: valid rows that joined an event already stored or created earlier in the
      same ingest, including ``duplicates``, reports already stored (a re-ingest);
    * ``rejected``: rows that failed validation, written to ``rejects_path`` with reasons;
    * ``refined``: merged rows whose date was less precise than the event's (see merge rules);
    * ``documents`` / ``failed_documents``: documents parsed / unreadable (also in rejects).
    """

    documents: int = 0
    read: int = 0
    stored: int = 0
    merged: int = 0
    rejected: int = 0
    duplicates: int = 0
    refined: int = 0
    failed_documents: int = 0
    rejects_path: Path | None = None
    version: int = 0
    sources: list[str] = field(default_factory=list, repr=False)

    def __str__(self) -> str:
        docs = f"{self.documents} documents, " if self.documents or self.failed_documents else ""
        failed = f", {self.failed_documents} unreadable documents" if self.failed_documents else ""
        where = f" (see {self.rejects_path})" if self.rejects_path else ""
        return (
            f"{docs}{self.read} events read: {self.stored} new, {self.merged} merged "
            f"({self.duplicates} already stored), {self.rejected} rejected{failed}{where}"
        )


class EventStore:
    """A directory of Parquet files holding the ``events`` and ``mentions`` tables.

    ``path=None`` opens the embedded store (:func:`default_store_path`). ``read_only``
    stores never create or change anything; a missing read-only store reads as empty.
    Writers serialise on an ``flock`` and wait up to ``lock_timeout`` seconds for it.
    """

    def __init__(
        self,
        path: str | Path | None = None,
        *,
        read_only: bool = False,
        lock_timeout: float = 600.0,
        batch_rows: int = 250_000,
    ) -> None:
        self.path = Path(path).expanduser() if path is not None else default_store_path()
        self.read_only = read_only
        self.lock_timeout = lock_timeout
        self.batch_rows = batch_rows
        self._check_version()

    def __repr__(self) -> str:
        return f"EventStore({str(self.path)!r}{', read_only=True' if self.read_only else ''})"

    # ------------------------------------------------------------------ setup

    def _check_version(self) -> None:
        meta_path = self.path / layout.STORE_FILE
        if not meta_path.exists():
            # (the metadata file counts as ours too: a writer that creates the store while this
            # looks writes it between the test above and the listing below)
            ours = {layout.STORE_FILE, layout.LOCK_FILE, layout.VERSIONS, layout.REJECTS, layout.CURRENT, "unmapped"}
            foreign = (
                [p.name for p in self.path.iterdir() if p.name not in ours and not p.name.startswith(".")]
                if self.path.is_dir()
                else []
            )
            if foreign:
                raise StoreError(f"{self.path} is not empty and is not a dipevents store; choose another directory")
            if not meta_path.exists():
                return
        try:
            meta = json.loads(meta_path.read_text(encoding="utf-8"))
            version = str(meta["schema_version"])
        except (ValueError, KeyError) as exc:
            raise CorruptFileError(f"store metadata {meta_path} is unreadable: {exc}", path=str(meta_path)) from None
        if version.split(".")[0] != SCHEMA_VERSION.split(".")[0]:
            raise SchemaVersionError(
                f"store {self.path} was written with schema {version}; this dipevents reads schema "
                f"{SCHEMA_VERSION.split('.')[0]}.x. Use the matching dipevents release or re-ingest.",
                field="schema_version",
                value=version,
                record=str(meta_path),
            )

    def _ensure_writable(self) -> None:
        if self.read_only:
            raise StoreError(f"store {self.path} was opened read-only")
        self.path.mkdir(parents=True, exist_ok=True)
        meta_path = self.path / layout.STORE_FILE
        if not meta_path.exists():
            from dipevents.storage.atomic import write_bytes

            meta = {
                "format": 1,
                "schema_version": SCHEMA_VERSION,
                "created": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            }
            write_bytes(meta_path, (json.dumps(meta, indent=2) + "\n").encode())

    # ----------------------------------------------------------------- writing

    def add(
        self, events: Iterable[Event | dict[str, Any]], *, source: str = "", progress: Progress | None = None
    ) -> IngestReport:
        """Store ``events`` (``Event`` objects, or dicts validated here); see :class:`IngestReport`."""
        report = IngestReport()
        self._ensure_writable()
        rejects = RejectsWriter(self.path / layout.REJECTS)
        try:
            for rows, bad in self._chunks(events, source):
                rejects.write(bad, source)
                report.read += len(bad)
                report.rejected += len(bad)
                self._add_table(pa.Table.from_pylist(rows, schema=event_schema()), source, rejects, report)
                if progress:
                    progress(report.read, 0)
        finally:
            rejects.close()
        report.rejects_path = rejects.path
        return report

    def _chunks(self, events: Iterable[Event | dict[str, Any]], source: str) -> Iterator[tuple[list, list]]:
        rows: list[dict[str, Any]] = []
        bad: list[Reject] = []
        for i, item in enumerate(events):
            if isinstance(item, Event):
                rows.append(item.model_dump())
            else:
                try:
                    rows.append(Event.from_dict(item, record=f"{source or 'input'} row {i}").model_dump())
                except ValidationError as exc:
                    bad.append(
                        Reject(
                            exc.record or f"row {i}",
                            exc.field or "(record)",
                            exc.value,
                            str(exc),
                            dict(item) if isinstance(item, dict) else {"value": repr(item)},
                        )
                    )
            if len(rows) + len(bad) >= self.batch_rows:
                yield rows, bad
                rows, bad = [], []
        if rows or bad:
            yield rows, bad

    def add_arrow(self, table: pa.Table, *, source: str = "", progress: Progress | None = None) -> IngestReport:
        """Store rows with the ``Event`` Arrow schema, validated column-wise (the fast path).

        Derived columns (cameo, quad_class, goldstein, plover_*) and ``event_id`` may be
        missing; they are filled from the vocabulary. Invalid rows go to the rejects file.
        Large tables are committed in slices of ``batch_rows``.
        """
        report = IngestReport()
        self._ensure_writable()
        rejects = RejectsWriter(self.path / layout.REJECTS)
        try:
            for start in range(0, table.num_rows, self.batch_rows):
                self._add_table(table.slice(start, self.batch_rows), source, rejects, report, offset=start)
                if progress:
                    progress(min(start + self.batch_rows, table.num_rows), table.num_rows)
        finally:
            rejects.close()
        report.rejects_path = rejects.path
        return report

    def _add_table(
        self, table: pa.Table, source: str, rejects: RejectsWriter, report: IngestReport, *, offset: int = 0
    ) -> None:
        valid, bad = validate_events(table, source=source, offset=offset)
        rejects.write(bad, source)
        report.read += table.num_rows
        report.rejected += len(bad)
        if valid.num_rows == 0:
            return
        with write_lock(self.path / layout.LOCK_FILE, self.lock_timeout):
            result = commit_batch(self.path, valid)
        report.stored += result.stored
        report.merged += result.merged
        report.duplicates += result.duplicates
        report.refined += result.refined
        report.version = result.version
        log.info("committed snapshot %d: %d new events, %d merged", result.version, result.stored, result.merged)

    def ingest(self, paths: Iterable[str | Path] | str | Path, *, progress: Progress | None = None) -> IngestReport:
        """Parse documents (files, or directories searched recursively) and store their events."""
        from dipevents.errors import ParseError
        from dipevents.parsing import parse_file

        files = _expand(paths)
        report = IngestReport()
        self._ensure_writable()
        rejects = RejectsWriter(self.path / layout.REJECTS)
        pending: list[dict[str, Any]] = []
        try:
            for done, path in enumerate(files, start=1):
                try:
                    events = list(parse_file(path))
                except (ParseError, OSError, UnicodeDecodeError) as exc:
                    report.failed_documents += 1
                    rejects.write(
                        [Reject(str(path), "(document)", str(path), str(exc), {"path": str(path)})], str(path)
                    )
                    log.warning("could not parse %s: %s", path, exc)
                else:
                    report.documents += 1
                    pending.extend(e.model_dump() for e in events)
                    if len(pending) >= self.batch_rows:
                        self._add_table(pa.Table.from_pylist(pending, schema=event_schema()), "ingest", rejects, report)
                        pending = []
                # Reported for unreadable documents too, so a bar always reaches its total.
                if progress:
                    progress(done, len(files))
            if pending:
                self._add_table(pa.Table.from_pylist(pending, schema=event_schema()), "ingest", rejects, report)
        finally:
            rejects.close()
        report.rejects_path = rejects.path
        return report

    def compact(self) -> dict[str, int]:
        """Merge each partition's small files into one; the data is unchanged."""
        self._ensure_writable()
        with write_lock(self.path / layout.LOCK_FILE, self.lock_timeout):
            before, after = compact(self.path)
        return {"files_before": before, "files_after": after}

    # ----------------------------------------------------------------- reading

    def snapshot(self) -> layout.Snapshot:
        """The current committed snapshot (its version number and files)."""
        return layout.current_snapshot(self.path)

    def connect(self) -> duckdb.DuckDBPyConnection:
        """A fresh in-memory DuckDB connection with views over one consistent snapshot.

        Views: ``events``, ``mentions``, ``refinements`` and the reference views
        ``actions``, ``countries``, ``igos``. The store's files are only read.
        """
        snap = self.snapshot()
        con = duckdb.connect()
        for name in _VIEWS:
            files = snap.files(name)
            if files:
                try:
                    with corrupt_file_guard(self.path):
                        con.execute(f"CREATE VIEW {name} AS SELECT * FROM {read_parquet_sql(files)}")
                except BaseException:
                    con.close()
                    raise
            else:
                con.register(f"_empty_{name}", table_schema(name).empty_table())
                con.execute(f"CREATE VIEW {name} AS SELECT * FROM _empty_{name}")
        refviews.register(con)
        return con

    def sql(self, query: str, params: Any = None) -> pa.Table:
        """Run ``query`` over :meth:`connect`'s views and return an Arrow table."""
        con = self.connect()
        try:
            with corrupt_file_guard(self.path):
                rel = con.sql(query, params=params)
                if rel is None:
                    raise QueryError("the statement returned no rows (only queries return tables)")
                return rel.to_arrow_table() if hasattr(rel, "to_arrow_table") else rel.fetch_arrow_table()
        except duckdb.Error as exc:
            raise QueryError(f"DuckDB could not run the query: {exc}") from None
        finally:
            con.close()

    def stats(self) -> dict[str, Any]:
        """Counts of the current snapshot: events, mentions, documents, files, bytes, by action and year."""
        snap = self.snapshot()
        files = [f for t in _VIEWS for f in snap.files(t)]
        out: dict[str, Any] = {
            "path": str(self.path),
            "version": snap.version,
            "files": len(files),
            "bytes": sum(f.stat().st_size for f in files),
        }
        con = self.connect()
        try:
            with corrupt_file_guard(self.path):
                out["events"], out["mentions"], out["documents"] = con.execute(
                    "SELECT (SELECT count(*) FROM events), (SELECT count(*) FROM mentions), "
                    "(SELECT count(DISTINCT doc_id) FROM mentions)"
                ).fetchall()[0]
                out["by_action"] = dict(
                    con.execute(
                        "SELECT action, count(*) FROM events GROUP BY action ORDER BY count(*) DESC, action"
                    ).fetchall()
                )
                out["by_year"] = {
                    (str(y) if y is not None else "unknown"): n
                    for y, n in con.execute(
                        "SELECT year(date) AS y, count(*) FROM events GROUP BY y ORDER BY y NULLS LAST"
                    ).fetchall()
                }
        finally:
            con.close()
        rejects = self.path / layout.REJECTS
        out["rejects_files"] = len(list(rejects.glob("*.jsonl"))) if rejects.is_dir() else 0
        return out

    def verify(self) -> int:
        """Read every file of the current snapshot in full; return how many were checked.

        Raises :class:`~dipevents.errors.CorruptFileError` naming each unreadable file
        (``path`` is the first), or one written under another schema layout.
        """
        snap = self.snapshot()
        bad: list[tuple[Path, str]] = []
        checked = 0
        for name in _VIEWS:
            expected = table_schema(name).metadata[b"dipevents.schema_hash"]
            for file in snap.files(name):
                checked += 1
                try:
                    table = pq.read_table(file)
                except (pa.ArrowException, OSError) as exc:
                    bad.append((file, str(exc).splitlines()[0]))
                    continue
                meta = table.schema.metadata or {}
                if meta.get(b"dipevents.schema_hash") != expected:
                    bad.append(
                        (
                            file,
                            f"schema hash {meta.get(b'dipevents.schema_hash')!r} is not the {name} "
                            f"table's {expected!r}",
                        )
                    )
        if bad:
            listing = "; ".join(f"{p}: {why}" for p, why in bad)
            raise CorruptFileError(
                f"{len(bad)} of {checked} store files are unreadable: {listing}", path=str(bad[0][0])
            )
        return checked


def _expand(paths: Iterable[str | Path] | str | Path) -> list[Path]:
    if isinstance(paths, str | Path):
        paths = [paths]
    files: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            files.extend(sorted(f for f in p.rglob("*") if f.is_file() and not f.name.startswith(".")))
        elif p.exists():
            files.append(p)
        else:
            raise StoreError(f"no such file or directory: {p}")
    return files
