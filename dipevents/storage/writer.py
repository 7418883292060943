"""One commit: merge a batch of valid event rows into the store and publish a new snapshot.

Under the write lock, a commit reads only what the batch touches (the year partitions
it falls in, and there only the columns and rows needed), writes new files for new
events and reports, rewrites just the event files whose events gained reports, and
publishes everything at once by switching ``current`` (see :mod:`layout`). A process
killed at any point before that switch leaves the previous snapshot untouched; the
leftovers are removed by the next writer.
"""

from __future__ import annotations

import logging
import os
import re
import secrets
from collections import defaultdict
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from dipevents.arrowschema import arrow_schema
from dipevents.errors import CorruptFileError
from dipevents.schema import EventRecord, Mention
from dipevents.storage import layout
from dipevents.storage.atomic import fsync_dir, write_parquet
from dipevents.storage.merge import Refinement, assign_sql
from dipevents.storage.validate import event_ids, mention_ids

__all__ = ["BatchResult", "commit_batch", "compact", "corrupt_file_guard", "read_parquet_sql", "table_schema"]

log = logging.getLogger("dipevents.store")

_MODELS = {"events": EventRecord, "mentions": Mention, "refinements": Refinement}
_SORT = {
    "events": [("date", "ascending"), ("event_id", "ascending")],
    "mentions": [("event_id", "ascending"), ("mention_id", "ascending")],
    "refinements": [("mention_id", "ascending")],
}


@cache
def table_schema(table: str) -> pa.Schema:
    """Arrow schema (with version and hash metadata) of a store table."""
    return arrow_schema(_MODELS[table])


@dataclass
class BatchResult:
    """What one commit did; ``stored + merged`` equals the valid rows it was given."""

    stored: int = 0
    merged: int = 0
    duplicates: int = 0
    refined: int = 0
    version: int = 0


@cache
def _database() -> duckdb.DuckDBPyConnection:
    # Opening a DuckDB database costs ~60 ms; a cursor on one costs microseconds and has
    # its own temporary tables, so each commit gets a private cursor on this one.
    return duckdb.connect()


def read_parquet_sql(files: Iterable[Path], *, filename: bool = False) -> str:
    """A ``read_parquet([...])`` call over explicit files (DuckDB quoting)."""
    quoted = ", ".join("'" + str(f).replace("'", "''") + "'" for f in files)
    option = ", filename=true" if filename else ""
    return f"read_parquet([{quoted}], hive_partitioning=false{option})"


_PATH_IN_MESSAGE = re.compile(r"""["']?(/[^"'\n]*?\.parquet)["']?""")


@contextmanager
def corrupt_file_guard(root: Path) -> Iterator[None]:
    """Turn a pyarrow/DuckDB failure to read a store file into :class:`CorruptFileError` naming it."""
    try:
        yield
    except (duckdb.IOException, duckdb.InvalidInputException, pa.ArrowInvalid, pa.ArrowIOError, OSError) as exc:
        message = str(exc)
        match = _PATH_IN_MESSAGE.search(message)
        if match and str(root.resolve()) in match.group(1):
            raise CorruptFileError(
                f"store file {match.group(1)} is unreadable ({message.splitlines()[0]}); "
                "run `dipevents stats --verify` to list every damaged file",
                path=match.group(1),
            ) from exc
        raise


def _read_file(path: Path) -> pa.Table:
    """Read a whole store file; a damaged one raises :class:`CorruptFileError` naming it."""
    try:
        return pq.read_table(path)
    except (pa.ArrowException, OSError) as exc:
        raise CorruptFileError(f"store file {path} is unreadable: {exc}", path=str(path)) from exc


def _fetch(con: duckdb.DuckDBPyConnection, query: str) -> pa.Table:
    rel = con.sql(query)
    return rel.to_arrow_table() if hasattr(rel, "to_arrow_table") else rel.fetch_arrow_table()


def _conform(table: pa.Table, name: str, *, sort: bool = True) -> pa.Table:
    schema = table_schema(name)
    table = table.select(schema.names).cast(schema)
    return table.sort_by(_SORT[name]) if sort and table.num_rows else table


#: A partition with this many files of one table is merged into one file by the next
#: commit that touches it, so file counts stay bounded without an explicit compact().
AUTO_COMPACT_FILES = 24


class _Staging:
    """The next snapshot being assembled: kept files are hard-linked, new rows written.

    A stored file rewritten without some rows (:meth:`replace`) is written at once, one
    new file for one old, so a commit holds one such file in memory at a time. New rows
    (:meth:`add`) are buffered and written at :meth:`publish` as a single new file per
    (table, partition), so a commit adds at most one file to a partition.
    """

    def __init__(self, root: Path, snap: layout.Snapshot) -> None:
        self.root = root
        self.snap = snap
        self.version = snap.version + 1
        self.path = root / layout.VERSIONS / f"v{self.version:08d}.tmp-{secrets.token_hex(4)}"
        self.dropped: set[Path] = set()
        self.new: dict[tuple[str, str], list[pa.Table]] = defaultdict(list)
        self.rewritten: dict[tuple[str, str], list[Path]] = defaultdict(list)

    def _write(self, table_name: str, partition: str, table: pa.Table) -> Path:
        dest = self.path / table_name / partition / f"part-{self.version:08d}-{secrets.token_hex(6)}.parquet"
        write_parquet(dest, table)
        return dest

    def replace(self, old: Path, table_name: str, partition: str, kept: pa.Table) -> None:
        self.dropped.add(old)
        if kept.num_rows:
            self.rewritten[(table_name, partition)].append(
                self._write(table_name, partition, _conform(kept, table_name))
            )

    def add(self, table_name: str, partition: str, table: pa.Table) -> None:
        if table.num_rows:
            self.new[(table_name, partition)].append(table)

    def auto_compact(self) -> None:
        """Fold crowded partitions of the tables this commit writes into its new files."""
        for key in list(self.new):
            table_name, partition = key
            files = [f for f in self.snap.files(table_name, partition) if f not in self.dropped]
            if len(files) + len(self.rewritten[key]) + 1 >= AUTO_COMPACT_FILES:
                for file in files:
                    self.dropped.add(file)
                    self.add(table_name, partition, _read_file(file))
                for file in self.rewritten.pop(key):
                    self.add(table_name, partition, _read_file(file))
                    file.unlink()

    @property
    def changed(self) -> bool:
        return bool(self.dropped or self.new or self.rewritten)

    def publish(self) -> int:
        self.path.mkdir(parents=True, exist_ok=True)
        dirs: set[Path] = {f.parent for files in self.rewritten.values() for f in files}
        if self.snap.path is not None:
            for table in layout.TABLES:
                for file in self.snap.files(table):
                    if file in self.dropped:
                        continue
                    dest = self.path / file.relative_to(self.snap.path)
                    dest.parent.mkdir(parents=True, exist_ok=True)
                    os.link(file, dest)
                    dirs.add(dest.parent)
        for (table_name, partition), tables in sorted(self.new.items()):
            merged = pa.concat_tables([_conform(t, table_name, sort=False) for t in tables])
            tables.clear()  # let each partition's pieces go once merged
            dirs.add(self._write(table_name, partition, _conform(merged, table_name)).parent)
        for d in dirs:
            fsync_dir(d)
        layout.publish(self.root, self.path, self.version)
        return self.version


def _split_by_partition(table: pa.Table) -> Iterator[tuple[str, pa.Table]]:
    years = pc.year(table["date"]) if "date" in table.column_names else table["year"]
    for year in pc.unique(years).to_pylist():
        mask = pc.is_null(years) if year is None else pc.fill_null(pc.equal(years, year), False)
        yield layout.partition_of(year), table.filter(mask)


def commit_batch(root: Path, valid: pa.Table) -> BatchResult:
    """Merge ``valid`` (Event schema, validated) into the store; call under the write lock."""
    snap = layout.current_snapshot(root)
    layout.remove_uncommitted(root, snap.version)
    result = BatchResult(version=snap.version)
    if valid.num_rows == 0:
        return result
    batch = valid.append_column("mention_id", mention_ids(valid, valid["event_id"]))
    batch = batch.append_column("year", pc.year(valid["date"]))
    batch = _first_of_each_mention(batch)
    with corrupt_file_guard(root), _database().cursor() as con:
        # The unknown-date partition is always read: its reports may join dated events.
        parts = {layout.partition_of(y) for y in pc.unique(batch["year"]).to_pylist()} | {layout.partition_of(None)}
        files = {t: [f for p in sorted(parts) for f in snap.files(t, p)] for t in layout.TABLES}
        # A report is stored in its event's partition; one that joined an event of another
        # year (an undated report) is found through its refinement row, kept in its own.
        id_files = files["mentions"] + files["refinements"]
        if id_files:
            con.register("batch_ids", batch.select(["mention_id"]))
            stored = _fetch(
                con,
                " UNION ALL ".join(
                    f"SELECT mention_id FROM {read_parquet_sql(fs)} "
                    "WHERE mention_id IN (SELECT mention_id FROM batch_ids)"
                    for fs in (files["mentions"], files["refinements"])
                    if fs
                ),
            )["mention_id"]
            batch = batch.filter(pc.invert(pc.is_in(batch["mention_id"], value_set=stored)))
        result.duplicates = valid.num_rows - batch.num_rows
        if batch.num_rows == 0:
            result.merged = valid.num_rows
            return result
        con.register("n", batch)
        _load_existing(con, snap, files)
        refine = _refine(con, files)
        result.refined = refine.refined
        batch = _apply_final_ids(con, batch, refine)
        staging = _Staging(root, snap)
        new_ids = _write_events(con, files, staging, refine)
        _write_mentions(con, files, staging, refine)
        _write_refinements(con, files, staging, refine)
        staging.auto_compact()
        result.stored = new_ids
        result.merged = valid.num_rows - new_ids
        result.version = staging.publish()
    layout.prune_versions(root, result.version)
    return result


def _first_of_each_mention(batch: pa.Table) -> pa.Table:
    """Keep the first row of each mention_id (a batch may repeat a report)."""
    if pc.count_distinct(batch["mention_id"]).as_py() == batch.num_rows:
        return batch
    numbered = batch.append_column("_row", pa.array(range(batch.num_rows), pa.int64()))
    first = numbered.group_by("mention_id", use_threads=False).aggregate([("_row", "min")])["_row_min"]
    return batch.take(pc.sort_indices(first))


def _load_existing(con: duckdb.DuckDBPyConnection, snap: layout.Snapshot, files: dict[str, list[Path]]) -> None:
    """``ev``: stored events of the groups the new reports fall in; ``rf``: their refinements.

    Groups are (actor, action, target). The partitions the batch touches are read; for a
    group with a report of unknown date, every partition is (its reports may join any
    year's event). ``files["mentions"]`` is extended to the partitions of the events found.
    """
    con.execute("CREATE TEMP TABLE g AS SELECT DISTINCT actor, action, target FROM n")
    _load_groups(con, "ev", "events", files["events"], "g", create=True)
    _load_groups(con, "rf", "refinements", files["refinements"], "g", create=True)
    con.execute(
        """
        CREATE TEMP TABLE u AS SELECT DISTINCT actor, action, target FROM (
            SELECT actor, action, target FROM n WHERE date_precision = 'unknown'
            UNION ALL SELECT actor, action, target FROM ev WHERE date_precision = 'unknown'
            UNION ALL SELECT actor, action, target FROM rf WHERE reported_precision = 'unknown')
        """
    )
    if con.execute("SELECT count(*) FROM u").fetchall()[0][0]:
        loaded = set(files["events"]) | set(files["refinements"])
        _load_groups(con, "ev", "events", [f for f in snap.files("events") if f not in loaded], "u")
        _load_groups(con, "rf", "refinements", [f for f in snap.files("refinements") if f not in loaded], "u")
    years = [r[0] for r in con.execute("SELECT DISTINCT year FROM ev").fetchall()]
    extra = {layout.partition_of(y) for y in years}
    have = set(files["mentions"])
    files["mentions"] = files["mentions"] + [
        f for p in sorted(extra) for f in snap.files("mentions", p) if f not in have
    ]


def _load_groups(
    con: duckdb.DuckDBPyConnection, name: str, table: str, paths: list[Path], groups: str, *, create: bool = False
) -> None:
    """Rows of ``table`` in ``paths`` whose (actor, action, target) is in ``groups``, into ``name``."""
    date = "date" if table == "events" else "reported_date"
    if paths:
        select = (
            f"SELECT t.*, year(t.{date}) AS year FROM {read_parquet_sql(paths, filename=True)} t "
            f"SEMI JOIN {groups} g ON t.actor = g.actor AND t.action = g.action AND t.target = g.target"
        )
    elif create:
        _register_empty(con, f"empty_{table}", table)
        select = f"SELECT *, NULL::VARCHAR AS filename, NULL::BIGINT AS year FROM empty_{table}"
    else:
        return
    con.execute(f"CREATE TEMP TABLE {name} AS {select}" if create else f"INSERT INTO {name} BY NAME {select}")


def _register_empty(con: duckdb.DuckDBPyConnection, name: str, table: str) -> None:
    con.register(name, table_schema(table).empty_table())


@dataclass
class _Refine:
    """The outcome of re-assigning reports; the rows themselves stay in DuckDB temp tables.

    ``fin``: new reports joining an event of another date (mention_id, final_id,
    final_date, final_precision); ``rk``: stored reports moving to another event
    (mention_id, old_id, final_id, final_date, final_precision); ``rfrows``: the
    refinement rows of the recomputed groups.
    """

    groups: pa.Table  # the groups recomputed: actor, action, target
    refined: int  # new reports whose date was less precise than their event's
    rekeyed: int  # stored reports moved to another event


_EMPTY_MOVES = """
    CREATE OR REPLACE TEMP TABLE {name} AS SELECT NULL::VARCHAR AS mention_id, NULL::VARCHAR AS old_id,
        NULL::VARCHAR AS final_id, NULL::DATE AS final_date, NULL::VARCHAR AS final_precision WHERE false
"""


def _refine(con: duckdb.DuckDBPyConnection, files: dict[str, list[Path]]) -> _Refine:
    """Recompute report -> event assignment in groups where a coarse date meets a finer one.

    The rule (:func:`~dipevents.storage.merge.assign`) runs in DuckDB over the distinct
    date keys of the groups; reports are mapped to their events by joins.
    """
    groups = _fetch(
        con,
        """
        WITH new_keys AS (SELECT DISTINCT actor, action, target, date, date_precision FROM n),
        stored_keys AS (
            SELECT actor, action, target, date, date_precision FROM ev
            UNION SELECT actor, action, target, reported_date, reported_precision FROM rf),
        all_keys AS (SELECT * FROM new_keys UNION SELECT * FROM stored_keys)
        -- A group is recomputed only when a new key can change where some report goes:
        -- it meets a key it may merge with (same month, same year with a year key, or
        -- undated against dated), or it repeats the own key of a report merged before.
        SELECT DISTINCT a.actor, a.action, a.target
        FROM new_keys a JOIN all_keys b USING (actor, action, target)
        WHERE (a.date IS DISTINCT FROM b.date OR a.date_precision <> b.date_precision) AND (
            (a.date_precision = 'unknown') <> (b.date_precision = 'unknown')
            OR (year(a.date) = year(b.date) AND (
                'year' IN (a.date_precision, b.date_precision)
                OR ('month' IN (a.date_precision, b.date_precision) AND month(a.date) = month(b.date)))))
        UNION
        SELECT DISTINCT a.actor, a.action, a.target
        FROM new_keys a JOIN rf r ON a.actor = r.actor AND a.action = r.action AND a.target = r.target
            AND a.date IS NOT DISTINCT FROM r.reported_date AND a.date_precision = r.reported_precision
        """,
    )
    for name in ("fin", "rk"):
        con.execute(_EMPTY_MOVES.format(name=name))
    if groups.num_rows == 0:
        return _Refine(groups, 0, 0)
    con.register("cand", groups)
    # Every report of the candidate groups: its stored event (NULL when new), own key, own id.
    stored = (
        "SELECT NULL::VARCHAR AS mention_id, NULL::VARCHAR AS old_id, NULL::VARCHAR AS actor, "
        "NULL::VARCHAR AS action, NULL::VARCHAR AS target, NULL::DATE AS date, "
        "NULL::VARCHAR AS date_precision, NULL::VARCHAR AS own_id WHERE false"
    )
    if files["mentions"]:
        stored = f"""
            WITH e AS (SELECT ev.* FROM ev SEMI JOIN cand USING (actor, action, target))
            SELECT m.mention_id, m.event_id AS old_id, e.actor, e.action, e.target,
                   CASE WHEN rf.mention_id IS NULL THEN e.date ELSE rf.reported_date END AS date,
                   coalesce(rf.reported_precision, e.date_precision) AS date_precision,
                   coalesce(rf.reported_event_id, e.event_id) AS own_id
            FROM (SELECT mention_id, event_id FROM {read_parquet_sql(files["mentions"])}
                  WHERE event_id IN (SELECT event_id FROM e)) m
            JOIN e USING (event_id)
            LEFT JOIN rf ON rf.mention_id = m.mention_id"""
    con.execute(
        f"""
        CREATE OR REPLACE TEMP TABLE rep AS
        SELECT mention_id, NULL::VARCHAR AS old_id, actor, action, target, date, date_precision,
               event_id AS own_id
        FROM n SEMI JOIN cand USING (actor, action, target)
        UNION ALL ({stored})
        """
    )
    mapping = _fetch(con, assign_sql("rep"))
    final_keys = mapping.select(["actor", "action", "target", "final_date", "final_precision"]).rename_columns(
        ["actor", "action", "target", "date", "date_precision"]
    )
    con.register("keymap", mapping.append_column("final_id", event_ids(final_keys)))
    # Keys missing from keymap stay where they are: their event is their own key's.
    con.execute(
        """
        CREATE OR REPLACE TEMP TABLE moves AS
        SELECT r.mention_id, r.old_id, r.actor, r.action, r.target, r.date, r.date_precision, r.own_id,
               coalesce(k.final_id, r.own_id) AS final_id,
               CASE WHEN k.final_id IS NULL THEN r.date ELSE k.final_date END AS final_date,
               coalesce(k.final_precision, r.date_precision) AS final_precision
        FROM rep r LEFT JOIN keymap k ON r.actor = k.actor AND r.action = k.action AND r.target = k.target
            AND r.date IS NOT DISTINCT FROM k.date AND r.date_precision = k.date_precision
        """
    )
    con.execute(
        "CREATE OR REPLACE TEMP TABLE fin AS SELECT mention_id, NULL::VARCHAR AS old_id, final_id, final_date, "
        "final_precision FROM moves WHERE old_id IS NULL AND final_id <> own_id"
    )
    con.execute(
        "CREATE OR REPLACE TEMP TABLE rk AS SELECT mention_id, old_id, final_id, final_date, final_precision "
        "FROM moves WHERE old_id IS NOT NULL AND old_id <> final_id"
    )
    con.execute(
        """
        CREATE OR REPLACE TEMP TABLE rfrows AS
        SELECT mention_id, final_id AS event_id, own_id AS reported_event_id, date AS reported_date,
               date_precision AS reported_precision, actor, action, target
        FROM moves WHERE final_id <> own_id
        """
    )
    refined, rekeyed = con.execute("SELECT (SELECT count(*) FROM fin), (SELECT count(*) FROM rk)").fetchall()[0]
    return _Refine(groups, refined, rekeyed)


def _apply_final_ids(con: duckdb.DuckDBPyConnection, batch: pa.Table, refine: _Refine) -> pa.Table:
    """``nn``: the new reports with the id, date, precision and year of the event they join."""
    if refine.refined == 0:
        con.register("nn", batch)
        return batch
    final = _fetch(con, "SELECT mention_id, final_id, final_date, final_precision FROM fin")
    index = pc.index_in(batch["mention_id"], value_set=final["mention_id"])
    moved = pc.is_valid(index)
    columns = {
        "event_id": pc.coalesce(final["final_id"].take(index), batch["event_id"]),
        "date": pc.if_else(moved, final["final_date"].take(index), batch["date"]),
        "date_precision": pc.coalesce(final["final_precision"].take(index), batch["date_precision"]),
    }
    columns["year"] = pc.year(columns["date"])
    for name, column in columns.items():
        batch = batch.set_column(batch.schema.get_field_index(name), name, column)
    con.register("nn", batch)
    return batch


def _write_events(
    con: duckdb.DuckDBPyConnection, files: dict[str, list[Path]], staging: _Staging, refine: _Refine
) -> int:
    """Recompute the events the batch touched; return how many are new."""
    con.execute(
        """
        CREATE TEMP TABLE affected AS
        SELECT DISTINCT event_id FROM nn
        UNION SELECT old_id FROM rk UNION SELECT final_id FROM rk
        """
    )
    con.execute("CREATE TEMP TABLE ev_hit AS SELECT ev.* FROM ev SEMI JOIN affected USING (event_id)")
    hit_files = [r[0] for r in con.execute("SELECT DISTINCT filename FROM ev_hit").fetchall() if r[0] is not None]
    mention_cols = "mention_id, event_id, doc_id, publisher, dataset, published, salience"
    if hit_files and files["mentions"]:
        stored_mentions = f"""
            SELECT m.* REPLACE (coalesce(rk.final_id, m.event_id) AS event_id)
            FROM (SELECT {mention_cols} FROM {read_parquet_sql(files["mentions"])}
                  WHERE event_id IN (SELECT event_id FROM ev_hit)) m
            LEFT JOIN rk USING (mention_id)"""
    else:
        stored_mentions = f"SELECT {mention_cols} FROM nn WHERE false"
    events = _fetch(
        con,
        f"""
        WITH all_m AS (SELECT {mention_cols} FROM nn UNION ALL {stored_mentions}),
        agg AS (
            SELECT event_id,
                   CASE WHEN bool_or(salience = 'main') THEN 'main' ELSE 'background' END AS salience,
                   min(published) AS first_reported, max(published) AS last_reported,
                   count(DISTINCT coalesce(publisher, doc_id))::INTEGER AS n_sources,
                   count(DISTINCT doc_id)::INTEGER AS n_documents
            FROM all_m GROUP BY event_id),
        contrib AS (
            SELECT event_id, actor, actor_type, actor_name, target, target_type, target_name, action,
                   date, date_precision, cameo, quad_class, goldstein, plover_type, plover_mode FROM nn
            UNION ALL
            SELECT e.event_id, e.actor, e.actor_type, e.actor_name, e.target, e.target_type, e.target_name, e.action,
                   e.date, e.date_precision, e.cameo, e.quad_class, e.goldstein, e.plover_type, e.plover_mode
            FROM ev_hit e
            UNION ALL
            SELECT DISTINCT rk.final_id, e.actor, e.actor_type, e.actor_name, e.target, e.target_type, e.target_name,
                   e.action, rk.final_date, rk.final_precision, e.cameo, e.quad_class, e.goldstein, e.plover_type,
                   e.plover_mode
            FROM rk JOIN ev_hit e ON e.event_id = rk.old_id),
        attrs AS (
            SELECT event_id, any_value(actor) AS actor, any_value(actor_type) AS actor_type,
                   min(actor_name) AS actor_name, any_value(target) AS target,
                   any_value(target_type) AS target_type, min(target_name) AS target_name,
                   any_value(action) AS action, any_value(date) AS date,
                   any_value(date_precision) AS date_precision, any_value(cameo) AS cameo,
                   any_value(quad_class) AS quad_class, any_value(goldstein) AS goldstein,
                   any_value(plover_type) AS plover_type, any_value(plover_mode) AS plover_mode
            FROM contrib GROUP BY event_id)
        SELECT attrs.*, agg.* EXCLUDE (event_id) FROM agg JOIN attrs USING (event_id)
        """,
    )
    # Stored events the batch touched leave their old files (rewritten without them); those
    # still reported come back recomputed above, those whose reports all moved are gone.
    for name in hit_files:
        # File by file, so one file's rows are in memory at a time; an anti-join in DuckDB
        # (not a hash set of the hit ids built per file).
        path = Path(name)
        kept = _fetch(
            con, f"SELECT * FROM {read_parquet_sql([path])} WHERE event_id NOT IN (SELECT event_id FROM ev_hit)"
        )
        staging.replace(path, "events", path.parent.name, kept)
    for partition, part in _split_by_partition(events):
        staging.add("events", partition, part)
    # New events: ids no stored event had and no stored report moved to.
    return con.execute(
        "SELECT count(DISTINCT event_id) FROM nn WHERE event_id NOT IN (SELECT event_id FROM ev) "
        "AND event_id NOT IN (SELECT final_id FROM rk)"
    ).fetchall()[0][0]


def _write_mentions(
    con: duckdb.DuckDBPyConnection, files: dict[str, list[Path]], staging: _Staging, refine: _Refine
) -> None:
    names = table_schema("mentions").names
    new = _fetch(con, f"SELECT {', '.join(names)}, year FROM nn")
    for partition, part in _split_by_partition(new):
        staging.add("mentions", partition, part.drop(["year"]))
    if not refine.rekeyed or not files["mentions"]:
        return
    rk = _fetch(con, "SELECT mention_id, final_id, final_date FROM rk")
    hit = con.execute(
        f"SELECT DISTINCT filename FROM {read_parquet_sql(files['mentions'], filename=True)} "
        "WHERE mention_id IN (SELECT mention_id FROM rk)"
    ).fetchall()
    for (name,) in hit:
        # Re-keyed reports follow their event, into its year's partition if that changed.
        path = Path(name)
        old = _read_file(path)
        index = pc.index_in(old["mention_id"], value_set=rk["mention_id"])
        moved = pc.is_valid(index)
        table = old.set_column(
            old.schema.get_field_index("event_id"), "event_id", pc.coalesce(rk["final_id"].take(index), old["event_id"])
        )
        here = path.parent.name
        years = pc.year(rk["final_date"].take(index))
        destinations = {layout.partition_of(y) for y in pc.unique(pc.filter(years, moved)).to_pylist()}
        stay = pc.invert(moved)
        for partition in destinations:
            goes = pc.and_(
                moved,
                pc.is_null(years)
                if partition == layout.partition_of(None)
                else pc.fill_null(pc.equal(years, int(partition.split("=")[1])), False),
            )
            if partition == here:
                stay = pc.or_(stay, goes)
            else:
                staging.add("mentions", partition, table.filter(goes))
        staging.replace(path, "mentions", here, table.filter(stay))


def _write_refinements(
    con: duckdb.DuckDBPyConnection, files: dict[str, list[Path]], staging: _Staging, refine: _Refine
) -> None:
    """Replace the refinement rows of the recomputed groups (in the files that were read)."""
    if refine.groups.num_rows == 0:
        return
    stale = [
        r[0]
        for r in con.execute("SELECT DISTINCT filename FROM rf SEMI JOIN cand USING (actor, action, target)").fetchall()
    ]
    if stale:
        kept = _fetch(
            con,
            f"SELECT * FROM {read_parquet_sql(stale, filename=True)} t ANTI JOIN cand USING (actor, action, target)",
        )
        for name in stale:
            path = Path(name)
            staging.replace(path, "refinements", path.parent.name, kept.filter(pc.equal(kept["filename"], name)))
    table = _fetch(con, "SELECT * FROM rfrows")
    if table.num_rows:
        years = pc.year(table["reported_date"])
        for partition, part in _split_by_partition(table.append_column("year", years)):
            staging.add("refinements", partition, part.drop(["year"]))


def compact(root: Path) -> tuple[int, int]:
    """Merge each partition's files into one; call under the write lock. Returns files before, after."""
    snap = layout.current_snapshot(root)
    layout.remove_uncommitted(root, snap.version)
    staging = _Staging(root, snap)
    before = after = 0  # after: one file per partition
    with corrupt_file_guard(root):
        for table in layout.TABLES:
            for partition in snap.partitions(table):
                parts = snap.files(table, partition)
                before += len(parts)
                after += 1
                if len(parts) < 2:
                    continue
                merged = pa.concat_tables([_read_file(p) for p in parts])
                for p in parts:
                    staging.dropped.add(p)
                staging.add(table, partition, merged)
    if staging.changed:
        version = staging.publish()
        layout.prune_versions(root, version)
    return before, after
