"""Benchmark: ``supporters()`` on 10 million synthetic events, against raw DuckDB SQL and pandas.

Run: ``.venv/bin/python benchmarks/bench_query.py [--events N] [--repeat R] [--keep DIR]``

1. Generates N events (default 10,000,000) and 1-2 mentions per event with DuckDB
   (``range()`` + ``hash()``, in SQL, so memory stays bounded) straight into Parquet files
   partitioned by year like the store's (``events/year=YYYY/*.parquet``, ``mentions/...``),
   with the column types of ``arrow_schema(EventRecord)`` / ``arrow_schema(Mention)``.
   Generation does not go through ``EventStore.add_arrow``: that path validates and
   deduplicates every row, which is the store's job to benchmark, not this one's.
2. Times, in the same run, on the same files, best of R rounds (each round runs every
   variant in turn, so load from other processes falls on all alike):
   * helper, cold: ``dipevents.supporters("ALB", store=S)``, opening a fresh read-only
     connection with the views (what a user's one-line call pays);
   * raw DuckDB, cold: ``duckdb.connect()``, the two ``read_parquet`` views and a
     hand-written SQL for the same answer;
   * helper and raw, warm: both on one already-open connection;
   * pandas (skipped with a message when pandas is not installed): ``pd.read_parquet``
     with filters, then groupby in pandas.
3. Checks that the three give identical rows (actor, counts, evidence, document) and
   prints the helper's overhead over raw DuckDB (target: at most 1.2x).
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

import dipevents
from dipevents import refviews
from dipevents.arrowschema import arrow_schema
from dipevents.schema import EventRecord, Mention

COLUMNS = ["actor", "n_events", "n_sources", "n_documents", "evidence", "doc_id"]

# The hand-written equivalent a DuckDB user would write (arg_min picks the evidence with the
# same preference order as the helper: a sentence, main news, most sources, earliest, by id).
RAW_SQL = """
SELECT e.actor,
       count(DISTINCT e.event_id) AS n_events,
       count(DISTINCT coalesce(m.publisher, m.doc_id)) AS n_sources,
       count(DISTINCT m.doc_id) AS n_documents,
       arg_min(m.sentence, struct_pack(a := m.sentence IS NULL, b := e.salience <> 'main', c := -e.n_sources,
               d := m.salience <> 'main', p := m.published IS NULL, q := m.published, r := m.doc_id,
               s := m.mention_id)) AS evidence,
       arg_min(m.doc_id, struct_pack(a := m.sentence IS NULL, b := e.salience <> 'main', c := -e.n_sources,
               d := m.salience <> 'main', p := m.published IS NULL, q := m.published, r := m.doc_id,
               s := m.mention_id)) AS doc_id
FROM events e JOIN mentions m ON m.event_id = e.event_id
WHERE e.target = 'ALB' AND e.action = 'support' AND e.actor_type = 'state'
GROUP BY e.actor
ORDER BY n_sources DESC, n_documents DESC, n_events DESC, e.actor
"""


def _iso3() -> list[str]:
    return [c.iso3 for c in dipevents.countries.all_countries()]


def generate(root: Path, n_events: int) -> None:
    """Write ``n_events`` synthetic events and their mentions under ``root`` (hive by year)."""
    root.mkdir(parents=True, exist_ok=True)
    con = duckdb.connect()
    # Bounded memory: DuckDB spills to disk past the limit instead of growing.
    con.execute("SET preserve_insertion_order = false")
    con.execute("SET memory_limit = '2GB'")
    con.execute(f"SET temp_directory = '{root / 'spill'}'")
    codes = _iso3()
    actions = list(dipevents.vocabulary.names())
    con.execute("CREATE TABLE iso AS SELECT unnest($c) AS code, generate_subscripts($c, 1) - 1 AS ix", {"c": codes})
    con.execute("CREATE TABLE act AS SELECT unnest($a) AS action, generate_subscripts($a, 1) - 1 AS ix", {"a": actions})
    con.register("vocab", refviews.actions_table())
    n_iso, n_act = len(codes), len(actions)
    events_sql = f"""
    WITH base AS (
        SELECT i, hash(i, 1) % {n_iso} AS a, (hash(i, 1) % {n_iso} + 1 + hash(i, 2) % ({n_iso} - 1)) % {n_iso} AS t,
               hash(i, 3) % {n_act} AS k, DATE '1995-01-01' + CAST(hash(i, 4) % 10950 AS INTEGER) AS d
        FROM range({n_events}) r(i)
    )
    SELECT lpad(printf('%x', base.i), 20, '0') AS event_id,
           ia.code AS actor, 'state' AS actor_type, NULL::VARCHAR AS actor_name,
           it.code AS target, 'state' AS target_type, NULL::VARCHAR AS target_name,
           act.action, d AS date, 'day' AS date_precision,
           v.cameo, CAST(v.quad_class AS TINYINT) AS quad_class, v.goldstein, v.plover_type, v.plover_mode,
           CASE WHEN hash(base.i, 5) % 5 = 0 THEN 'background' ELSE 'main' END AS salience,
           d + 1 AS first_reported, d + 3 AS last_reported,
           CAST(1 + hash(base.i, 6) % 2 AS INTEGER) AS n_sources,
           CAST(1 + hash(base.i, 6) % 2 AS INTEGER) AS n_documents,
           year(d) AS year
    FROM base JOIN iso ia ON ia.ix = base.a JOIN iso it ON it.ix = base.t JOIN act ON act.ix = base.k
    JOIN vocab v ON v.action = act.action
    """
    con.execute(f"COPY ({events_sql}) TO '{root / 'events'}' (FORMAT parquet, PARTITION_BY (year))")
    mentions_sql = f"""
    SELECT e.event_id, 'doc-' || (hash(i, j) % 1000000) AS doc_id, NULL::VARCHAR AS url,
           'publisher-' || (hash(i, j, 7) % 500) AS publisher, e.first_reported + CAST(j AS INTEGER) AS published,
           'Synthetic sentence ' || i || '/' || j || ': ' || e.actor || ' ' || e.action || ' ' || e.target || '.'
               AS sentence,
           0 AS sentence_start, 40 AS sentence_end, 'synthetic' AS rule, e.salience, 'text' AS dataset,
           NULL::VARCHAR AS origin_id, NULL::VARCHAR AS origin_codes,
           e.event_id || '-' || j AS mention_id, year(e.date) AS year
    FROM (SELECT *, row_number() OVER () - 1 AS i FROM read_parquet('{root / "events"}/*/*.parquet')) e,
         range(0, CAST(e.n_documents AS BIGINT)) r(j)
    """
    con.execute(f"COPY ({mentions_sql}) TO '{root / 'mentions'}' (FORMAT parquet, PARTITION_BY (year))")
    con.close()


class FileStore:
    """The query side of a store: fresh connections with views over the Parquet files."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def views(self, con: duckdb.DuckDBPyConnection) -> None:
        for name in ("events", "mentions"):
            con.execute(
                f"CREATE VIEW {name} AS SELECT * FROM "
                f"read_parquet('{self.root / name}/*/*.parquet', hive_partitioning = true)"
            )

    def connect(self) -> duckdb.DuckDBPyConnection:
        con = duckdb.connect()
        self.views(con)
        refviews.register(con)
        return con


def best(fn: Callable[[], Any], repeat: int) -> tuple[float, Any]:
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return min(times), result


def interleaved(fns: list[Callable[[], Any]], repeat: int) -> list[tuple[float, Any]]:
    """Best time of each function, running them in turn each round, so that load from other
    processes on a shared machine falls on all of them alike."""
    times: list[list[float]] = [[] for _ in fns]
    results: list[Any] = [None] * len(fns)
    for _ in range(repeat):
        for i, fn in enumerate(fns):
            start = time.perf_counter()
            results[i] = fn()
            times[i].append(time.perf_counter() - start)
    return [(min(t), r) for t, r in zip(times, results, strict=True)]


def rows(table: pa.Table) -> list[tuple]:
    return [tuple(r[c] for c in COLUMNS) for r in table.select(COLUMNS).to_pylist()]


def raw_cold(store: FileStore) -> pa.Table:
    con = duckdb.connect()
    store.views(con)
    try:
        return con.sql(RAW_SQL).to_arrow_table()
    finally:
        con.close()


def pandas_leg(root: Path) -> pa.Table:
    import pandas as pd

    ev = pd.read_parquet(
        root / "events",
        columns=["event_id", "actor", "actor_type", "salience", "n_sources"],
        filters=[("target", "=", "ALB"), ("action", "=", "support")],
    )
    ev = ev[ev["actor_type"] == "state"]
    m = pd.read_parquet(
        root / "mentions",
        columns=["event_id", "doc_id", "publisher", "published", "sentence", "salience", "mention_id"],
        filters=[("event_id", "in", list(ev["event_id"]))],
    )
    j = ev.merge(m, on="event_id", how="left", suffixes=("", "_m"))
    j["source"] = j["publisher"].fillna(j["doc_id"])
    j["k_sentence"] = j["sentence"].isna()
    j["k_main"] = j["salience"] != "main"
    j["k_src"] = -j["n_sources"]
    j["k_mmain"] = j["salience_m"] != "main"
    j = j.sort_values(
        ["actor", "k_sentence", "k_main", "k_src", "k_mmain", "published", "doc_id", "mention_id"], na_position="last"
    )
    g = j.groupby("actor", sort=False)
    out = pd.DataFrame(
        {
            "n_events": g["event_id"].nunique(),
            "n_sources": g["source"].nunique(),
            "n_documents": g["doc_id"].nunique(),
            "evidence": g["sentence"].first(),
            "doc_id": g["doc_id"].first(),
        }
    ).reset_index()
    out = out.sort_values(["n_sources", "n_documents", "n_events", "actor"], ascending=[False, False, False, True])
    return pa.Table.from_pandas(out[COLUMNS], preserve_index=False)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=10_000_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--keep", type=Path, default=None, help="generate into (or reuse) this folder")
    args = parser.parse_args()

    root = args.keep or Path(tempfile.mkdtemp(prefix="dipevents-bench-"))
    try:
        if not (root / "events").exists():
            start = time.perf_counter()
            generate(root, args.events)
            print(f"generated {args.events:,} events in {time.perf_counter() - start:.1f} s under {root}")
        store = FileStore(root)
        con = store.connect()
        n_events, n_mentions = (
            con.execute(f"SELECT count(*) FROM {t}").fetchall()[0][0] for t in ("events", "mentions")
        )
        print(f"store: {n_events:,} events, {n_mentions:,} mentions; best of {args.repeat} runs each")
        assert con.sql("DESCRIBE events").to_arrow_table().num_rows >= len(arrow_schema(EventRecord))
        assert con.sql("DESCRIBE mentions").to_arrow_table().num_rows >= len(arrow_schema(Mention))

        (t_helper, helper), (t_raw, raw), (t_helper_warm, helper_warm), (t_raw_warm, _) = interleaved(
            [
                lambda: dipevents.supporters("ALB", store=store),
                lambda: raw_cold(store),
                lambda: dipevents.supporters("ALB", store=con),
                lambda: con.sql(RAW_SQL).to_arrow_table(),
            ],
            args.repeat,
        )
        print(f"helper supporters('ALB'), fresh connection : {t_helper * 1000:8.1f} ms ({helper.num_rows} rows)")
        print(f"raw DuckDB SQL, fresh connection           : {t_raw * 1000:8.1f} ms ({raw.num_rows} rows)")
        print(f"helper, open connection                    : {t_helper_warm * 1000:8.1f} ms")
        print(f"raw DuckDB SQL, open connection            : {t_raw_warm * 1000:8.1f} ms")
        assert rows(helper) == rows(raw) == rows(helper_warm), "helper and raw SQL disagree"
        print(f"identical results: helper == raw DuckDB ({helper.num_rows} supporters)")
        ratio, ratio_warm = t_helper / t_raw, t_helper_warm / t_raw_warm
        print(f"helper overhead over raw DuckDB: {ratio:.2f}x fresh, {ratio_warm:.2f}x open (target <= 1.20x)")

        try:
            import pandas  # noqa: F401
        except ImportError:
            print("pandas: skipped (pandas is not installed; `pip install pandas` to run this leg)")
        else:
            t_pandas, pandas_result = best(lambda: pandas_leg(root), min(args.repeat, 3))
            assert rows(pandas_result) == rows(raw), "pandas and raw SQL disagree"
            print(f"pandas (read_parquet with filters + groupby): {t_pandas * 1000:8.1f} ms; identical results")
        con.close()
        return 0 if ratio <= 1.2 else 1
    finally:
        if args.keep is None:
            shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    raise SystemExit(main())
