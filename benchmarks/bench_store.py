"""Benchmark of the Parquet event store: bulk ingest, re-ingest, a small incremental ingest.

Usage: ``python benchmarks/bench_store.py [--rows 1000000] [--batch-rows 250000]``

Each phase runs in its own child process, so its peak resident memory (``VmHWM``) is its
own; "(input MB)" is the child's peak after importing dipevents and loading the input table.
The baseline, in the same run, is a plain ``pyarrow.parquet.write_table`` of the same rows
(no validation, no dedup, no durability). Figures go in docs/storage.md.
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))  # for tests.store_factory, the synthetic data shared with the tests

PHASE = r"""
import json, resource, sys, time
import pyarrow.parquet as pq

def peak_mb():
    # VmHWM is this process's own peak; ru_maxrss would include the parent's peak at fork
    # (Linux carries it across exec), which is the benchmark's whole input table.
    try:
        with open("/proc/self/status") as fh:
            return next(int(l.split()[1]) for l in fh if l.startswith("VmHWM:")) / 1024
    except OSError:
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

phase, data, store_path, batch_rows = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
import dipevents.store  # imported before the baseline reading, so "input MB" counts it for every phase
table = pq.read_table(data)
base = peak_mb()
t0 = time.perf_counter()
out = {}
if phase == "baseline":
    pq.write_table(table, store_path, compression="zstd")
else:
    from dipevents.store import EventStore
    store = EventStore(store_path, batch_rows=batch_rows)
    report = store.add_arrow(table, source=phase)
    out = {"read": report.read, "stored": report.stored, "merged": report.merged,
           "duplicates": report.duplicates, "rejected": report.rejected, "version": store.snapshot().version}
out["seconds"] = time.perf_counter() - t0
out["peak_rss_mb"] = peak_mb()
out["input_rss_mb"] = base
print(json.dumps(out))
"""


def run_phase(phase: str, data: Path, target: Path, batch_rows: int) -> dict:
    proc = subprocess.run(
        [sys.executable, "-c", PHASE, phase, str(data), str(target), str(batch_rows)],
        capture_output=True,
        text=True,
        cwd=REPO,
        check=False,
    )
    if proc.returncode:
        raise SystemExit(f"phase {phase} failed:\n{proc.stderr}")
    return json.loads(proc.stdout)


def snapshot_bytes(store: Path) -> int:
    current = (store / "current").resolve()
    return sum(f.stat().st_size for f in current.rglob("*.parquet"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--batch-rows", type=int, default=250_000)
    parser.add_argument("--years", type=int, default=24, help="years the synthetic acts spread over")
    args = parser.parse_args()

    from tests.store_factory import synthetic_events

    work = Path(tempfile.mkdtemp(prefix="bench-store-"))
    try:
        t0 = time.perf_counter()
        table = synthetic_events(args.rows, seed=42, years=args.years)
        data = work / "input.parquet"
        import pyarrow.parquet as pq

        pq.write_table(table, data)
        extra = synthetic_events(1000, seed=43, years=1)
        extra_path = work / "extra.parquet"
        pq.write_table(extra, extra_path)
        print(
            f"synthetic input: {args.rows:,} rows over {args.years} years, "
            f"generated in {time.perf_counter() - t0:.1f} s; batch_rows={args.batch_rows:,}"
        )

        base = run_phase("baseline", data, work / "baseline.parquet", args.batch_rows)
        base_bytes = (work / "baseline.parquet").stat().st_size
        store = work / "store"
        first = run_phase("ingest", data, store, args.batch_rows)
        on_disk = snapshot_bytes(store)
        again = run_phase("re-ingest", data, store, args.batch_rows)
        small = run_phase("incremental", extra_path, store, args.batch_rows)

        from dipevents.store import EventStore

        es = EventStore(store, read_only=True)
        t1 = time.perf_counter()
        stats = es.stats()
        stats_s = time.perf_counter() - t1
        t1 = time.perf_counter()
        top = es.sql(
            "SELECT actor, count(*) AS n FROM events WHERE action = 'sever_ties' GROUP BY actor ORDER BY n DESC LIMIT 3"
        ).to_pylist()
        query_s = time.perf_counter() - t1

        n = args.rows
        phases = [
            ("baseline pq.write_table", base, n, base_bytes / n),
            ("store ingest (new store)", first, n, on_disk / n),
            ("store re-ingest (same rows)", again, n, None),
            ("store +1,000 rows (1 year)", small, 1000, None),
        ]
        print(f"\n{'phase':<30}{'seconds':>9}{'rows/s':>11}{'peak RSS MB':>13}{'(input MB)':>12}{'bytes/row':>11}")
        for name, r, rows, per in phases:
            print(
                f"{name:<30}{r['seconds']:>9.2f}{rows / r['seconds']:>11,.0f}{r['peak_rss_mb']:>13.0f}"
                f"{r['input_rss_mb']:>12.0f}{'' if per is None else f'{per:.1f}':>11}"
            )
        print(
            f"\ningest: {first['stored']:,} events new, {first['merged']:,} merged; "
            f"re-ingest: {again['duplicates']:,} of {again['read']:,} already stored, "
            f"{again['stored']} new, snapshot {first['version']} -> {again['version']}"
        )
        print(
            f"store: {stats['events']:,} events, {stats['mentions']:,} mentions, {stats['files']} files, "
            f"{stats['bytes'] / 1e6:.1f} MB; on-disk bytes per event {stats['bytes'] / stats['events']:.1f}"
        )
        print(f"stats() {stats_s:.2f} s; top sever_ties actors query {query_s:.2f} s: {top}")
        print(
            f"baseline parquet {base_bytes / 1e6:.1f} MB; store/baseline size ratio {on_disk / base_bytes:.2f}; "
            f"store/baseline time ratio {first['seconds'] / base['seconds']:.1f}"
        )
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"this process peak RSS (input generation) {peak:.0f} MB")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
