"""``dipevents ingest`` / ``dipevents stats`` and ingesting the seed articles through the parser."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from dipevents import parsing
from dipevents.cli import main
from dipevents.cli import store as store_cli
from dipevents.schema import make_event_id
from dipevents.storage.merge import assign
from dipevents.store import EventStore
from tests.conftest import REPO

# The seed articles ship in the repository (a test in test_package.py keeps them identical
# to ../shared/seeds), so these tests run in a fresh clone without ../shared.
SEEDS = REPO / "seeds"


def test_seeds_through_the_parser_give_one_break_with_three_mentions(tmp_path: Path) -> None:
    seeds = SEEDS
    store = EventStore(tmp_path / "store")
    report = store.ingest(seeds)
    parsed = [e for path in sorted(seeds.iterdir()) for e in parsing.parse_file(path)]
    assert report.documents == 3 and report.read == len(parsed) == report.stored + report.merged + report.rejected
    # The expectation follows from the parser's own output and the documented merge rule.
    breaks = [e for e in parsed if (e.actor, e.action, e.target) == ("ALB", "sever_ties", "IRN")]
    assert {e.doc_id for e in breaks} == {p.stem for p in seeds.iterdir()}, "the parser misses a seed's break"
    mapping = assign((e.date, e.date_precision.value) for e in breaks)
    expected = {make_event_id("ALB", "sever_ties", "IRN", *mapping[(e.date, e.date_precision.value)]) for e in breaks}
    rows = store.sql(
        "SELECT e.event_id, e.n_documents, m.doc_id FROM events e JOIN mentions m USING (event_id) "
        "WHERE e.actor = 'ALB' AND e.action = 'sever_ties' AND e.target = 'IRN'"
    ).to_pylist()
    assert {r["event_id"] for r in rows} == expected
    assert len(rows) == len({(e.doc_id, e.sentence_start) for e in breaks})  # every report kept, once
    dates = sorted({(str(e.date), e.date_precision.value) for e in breaks})
    assert len(expected) == 1, f"the seeds' break became {len(expected)} events; the parser dates it {dates}"
    assert {r["doc_id"] for r in rows} == {p.stem for p in seeds.iterdir()} and rows[0]["n_documents"] == 3


def test_ingest_and_stats_commands(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    seeds = SEEDS
    store = tmp_path / "store"
    assert main(["ingest", str(seeds), "--store", str(store)]) == 0
    out, err = capsys.readouterr()
    assert out == ""  # messages go to stderr
    assert err.startswith("dipevents ingest: 3 documents, ") and "0 rejected" in err
    assert main(["ingest", str(seeds), "--store", str(store)]) == 0
    _, err = capsys.readouterr()
    assert " 0 new, " in err and "already stored" in err
    assert main(["stats", "--store", str(store), "--json", "--verify"]) == 0
    stats = json.loads(capsys.readouterr().out)
    assert stats["events"] == EventStore(store, read_only=True).stats()["events"] > 0
    assert stats["verified_files"] == stats["files"]
    assert stats["documents"] == 3


def test_stats_text_and_bad_paths(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["stats", "--store", str(tmp_path / "empty")]) == 0
    out = capsys.readouterr().out
    assert "events         0" in out
    assert main(["ingest", str(tmp_path / "missing.txt"), "--store", str(tmp_path / "s")]) == 2
    assert "no such file or directory" in capsys.readouterr().err


def test_stats_verify_names_a_corrupt_file(tmp_path: Path) -> None:
    import datetime as dt

    from dipevents.schema import Event

    store = EventStore(tmp_path / "s")
    store.add(
        [
            Event(
                actor="ALB",
                actor_type="state",
                target="IRN",
                target_type="state",
                action="sever_ties",
                date=dt.date(2022, 9, 7),
                date_precision="day",
                doc_id="d",
                rule="r",
            )
        ]
    )
    victim = store.snapshot().files("mentions")[0]
    victim.write_bytes(b"not parquet")
    proc = subprocess.run(
        [sys.executable, "-m", "dipevents", "stats", "--store", str(store.path), "--verify"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode in (1, 2)
    assert victim.name in proc.stderr and "Traceback" not in proc.stderr


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_ingest_draws_a_progress_bar_on_a_terminal_then_the_summary_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(store_cli, "_BAR_AFTER_SECONDS", 0.0)  # the seeds ingest in well under a second
    docs = tmp_path / "docs"
    docs.mkdir()
    for seed in sorted(SEEDS.iterdir()):
        (docs / seed.name).write_bytes(seed.read_bytes())
    (docs / "zz-broken.txt").write_bytes(b"\xff\xfe not utf-8 \xff")  # last, so the bar never reaches it by luck
    terminal = _Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    assert main(["ingest", str(docs), "--store", str(tmp_path / "s")]) == 1  # 1: a document was unreadable
    lines = terminal.getvalue().split("\n")
    assert lines[-1] == ""
    bar, summary = lines[-3], lines[-2]
    assert bar.endswith(f"ingest [{'#' * 30}] 4/4") and "\ringest [" in bar and "1/4" in bar
    assert summary.startswith("dipevents ingest: 3 documents, ") and "1 unreadable documents" in summary

    piped = io.StringIO()  # not a terminal: no bar, only the summary line
    monkeypatch.setattr(sys, "stderr", piped)
    main(["ingest", str(docs), "--store", str(tmp_path / "s")])
    assert piped.getvalue().count("\n") == 1 and "[#" not in piped.getvalue()


def test_commands_use_the_store_named_by_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("DIPEVENTS_STORE", str(tmp_path / "from-env"))
    assert main(["ingest", str(SEEDS / "000_cd82dbd999e45b2d.txt"), "--no-progress"]) == 0
    capsys.readouterr()
    assert main(["stats", "--json"]) == 0
    stats = json.loads(capsys.readouterr().out)
    assert stats["path"] == str(tmp_path / "from-env") and stats["documents"] == 1
    assert main(["stats", "--json", "--store", str(tmp_path / "other")]) == 0  # --store wins over the variable
    assert json.loads(capsys.readouterr().out)["events"] == 0
