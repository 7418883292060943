"""Durability: SIGKILL mid-ingest, concurrent writers, corrupt files (real subprocesses)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from dipevents.errors import CorruptFileError
from dipevents.store import EventStore
from tests.conftest import REPO
from tests.store_factory import store_content, synthetic_events

INGEST = """
import sys
import pyarrow.parquet as pq
from dipevents.store import EventStore
store = EventStore(sys.argv[1], batch_rows=int(sys.argv[2]))
for path in sys.argv[3:]:
    report = store.add_arrow(pq.read_table(path), source=path)
    assert report.read == report.stored + report.merged + report.rejected, report
"""


def ingest_process(store: Path, batch_rows: int, *inputs: Path) -> subprocess.Popen[bytes]:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.Popen(
        [sys.executable, "-c", INGEST, str(store), str(batch_rows), *map(str, inputs)],
        cwd=REPO,
        env=env,
        stderr=subprocess.PIPE,
    )


def consistent(store: EventStore) -> None:
    """Every mention points at an event, and every event's counts are those of its mentions."""
    store.verify()
    bad = store.sql(
        """
        SELECT count(*) AS n FROM events e FULL JOIN (
            SELECT event_id, count(DISTINCT doc_id) AS docs FROM mentions GROUP BY event_id) m USING (event_id)
        WHERE e.event_id IS NULL OR m.event_id IS NULL OR e.n_documents <> m.docs
        """
    ).to_pylist()
    assert bad == [{"n": 0}]


@pytest.mark.slow
def test_sigkill_mid_ingest_then_rerun_equals_uninterrupted_run(tmp_path: Path) -> None:
    data = tmp_path / "events.parquet"
    pq.write_table(synthetic_events(12_000, seed=11, years=3), data)
    killed = tmp_path / "killed"
    proc = ingest_process(killed, 1000, data)
    versions = killed / "versions"
    deadline = time.monotonic() + 120
    caught_writing = False
    try:
        # Wait until two snapshots are committed and the third is being written, then kill -9.
        while time.monotonic() < deadline and proc.poll() is None:
            committed = EventStore(killed, read_only=True).snapshot().version if killed.exists() else 0
            staging = list(versions.glob("v*.tmp-*")) if versions.exists() else []
            if committed >= 2 and staging:
                caught_writing = True
                break
            time.sleep(0.002)
        proc.send_signal(signal.SIGKILL)
    finally:
        proc.wait()
    assert caught_writing, f"the ingest ended before it could be killed: {proc.stderr.read().decode()[-500:]}"
    assert proc.returncode == -signal.SIGKILL
    store = EventStore(killed)
    partial = store.stats()
    assert 0 < partial["mentions"] < 12_000  # some batches committed, not all
    consistent(store)

    rerun = ingest_process(killed, 1000, data)
    assert rerun.wait() == 0, rerun.stderr.read().decode()
    clean = EventStore(tmp_path / "clean", batch_rows=1000)
    clean.add_arrow(pq.read_table(data))
    assert not list(versions.glob("v*.tmp-*"))  # the leftovers of the killed writer are gone
    assert store_content(store) == store_content(clean)
    consistent(store)


@pytest.mark.slow
def test_four_concurrent_ingests_equal_a_sequential_one(tmp_path: Path) -> None:
    table = synthetic_events(8_000, seed=12, years=3)
    slices = [(0, 4000), (2000, 4000), (4000, 4000), (1000, 6000)]  # overlapping on purpose
    inputs = []
    for i, (start, length) in enumerate(slices):
        inputs.append(tmp_path / f"in{i}.parquet")
        pq.write_table(table.slice(start, length), inputs[-1])
    shared = tmp_path / "shared"
    procs = [ingest_process(shared, 1000, path) for path in inputs]
    for proc in procs:
        assert proc.wait(timeout=300) == 0, proc.stderr.read().decode()
    sequential = EventStore(tmp_path / "sequential", batch_rows=1000)
    for path in inputs:
        sequential.add_arrow(pq.read_table(path))
    concurrent = EventStore(shared)
    assert store_content(concurrent) == store_content(sequential)
    assert concurrent.stats()["mentions"] == 8000  # the slices cover rows 0..7999, each stored once
    consistent(concurrent)


def test_corrupt_file_is_reported_by_name_and_nothing_is_written(tmp_path: Path) -> None:
    store = EventStore(tmp_path / "s")
    table = synthetic_events(600, seed=13, years=3)
    store.add_arrow(table.slice(0, 300))
    victim = sorted((store.path / "current" / "events").glob("year=*/part-*.parquet"))[0]
    size = victim.stat().st_size
    with open(victim, "r+b") as fh:  # damage the footer, as a torn copy or a bad disk would
        fh.seek(size - 16)
        fh.write(b"\0" * 16)
    with pytest.raises(CorruptFileError) as info:
        store.verify()
    assert info.value.path == str(victim.resolve()) or victim.name in str(info.value)
    with pytest.raises(CorruptFileError, match=victim.name):
        store.sql("SELECT count(*) FROM events")
    version = store.snapshot().version
    with pytest.raises(CorruptFileError, match=victim.name):
        store.add_arrow(table)  # touches every year, so it must read the damaged file
    assert store.snapshot().version == version  # the failed ingest changed nothing


def test_a_store_created_while_it_is_opened_is_no_foreign_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A reader opening the folder while a writer creates the store: the metadata file is not
    # there when the reader first looks, and is by the time it lists the folder.
    EventStore(tmp_path / "s")._ensure_writable()
    meta = tmp_path / "s" / "dipevents-store.json"
    real_exists = Path.exists
    calls = {"n": 0}

    def exists(self: Path) -> bool:
        if self == meta and calls["n"] == 0:
            calls["n"] += 1
            return False  # (the first look, before the writer wrote it)
        return real_exists(self)

    monkeypatch.setattr(Path, "exists", exists)
    store = EventStore(tmp_path / "s", read_only=True)
    assert calls["n"] == 1
    assert store.stats() is not None
