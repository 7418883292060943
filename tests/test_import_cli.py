"""``dipevents import``: summary on stdout, notes on stderr, exit codes."""

from __future__ import annotations

import json

import pyarrow.parquet as pq

from dipevents.cli import main
from tests.conftest import REPO

FIX = REPO / "fixtures" / "importers"


def test_import_prints_the_summary_and_keeps_unmapped(tmp_path, capsys):
    store = tmp_path / "store"
    code = main(["import", "gdelt", str(FIX / "gdelt1_mixed_widths.tsv"), "--store", str(store), "--keep-unmapped"])
    out, err = capsys.readouterr()
    assert code == 0
    assert out.strip() == (
        "gdelt: 9 rows read, 2 imported, 7 unmapped (malformed_row 1, no_event_code 1, no_equivalent_action 1, "
        "bad_date 1, unknown_actor_code 1, non_state_actor 1, domestic 1), 0 rejected"
    )
    assert "unmapped rows kept in" in err
    kept = list((store / "unmapped" / "gdelt").glob("*.parquet"))
    assert len(kept) == 1 and pq.read_table(kept[0]).num_rows == 7


def test_import_json_report_and_coarse_note(tmp_path, capsys):
    code = main(["import", "icews", str(FIX / "icews_2017_style.tab"), "--store", str(tmp_path / "s"), "--json"])
    out, err = capsys.readouterr()
    report = json.loads(out)
    assert code == 0 and report["rows_read"] == 10 and report["imported"] == 4
    assert report["rows_read"] == report["imported"] + sum(report["unmapped"].values()) + report["rejected"]
    assert "3 imported rows carry a coarse action" in err


def test_wrong_format_exits_2_with_the_reason(tmp_path, capsys):
    code = main(["import", "gdelt", str(FIX / "icews_2017_style.tab"), "--store", str(tmp_path / "s")])
    out, err = capsys.readouterr()
    assert code == 2 and out == ""
    assert "icews_2017_style.tab: the first row has 20 tab-separated fields" in err


def test_progress_bar_line(tmp_path):
    import io
    from pathlib import Path

    from dipevents.cli.imports import _Bar
    from dipevents.importers import ImportBatch, ImportReport
    from dipevents.importers.common import event_schema

    stream = io.StringIO()
    bar = _Bar([Path("a.tsv"), Path("b.tsv")], stream)
    report = ImportReport("gdelt", rows_read=120_000)
    report.count_unmapped({"no_equivalent_action": 119_700})
    batch = ImportBatch(event_schema().empty_table(), None, {}, 0, 0, source_file="b.tsv", fraction=0.5)
    bar(report, batch)
    bar.close()
    line = stream.getvalue()
    assert line.startswith("\r[###############.....]  75% file 2/2 b.tsv: 120,000 rows read, 300 mapped")
    assert line.endswith("\n")


def test_batches_tell_how_far_the_file_is_read():
    from dipevents.importers import iter_gdelt, iter_icews

    fractions = [b.fraction for b in iter_gdelt([FIX / "gdelt2_20220908.export.CSV.zip"])]
    assert fractions and fractions[-1] == 1.0
    known = [b.fraction for b in iter_icews([FIX / "icews_2017_style.tab"]) if b.fraction is not None]
    assert known == [1.0]  # one batch of rows (the malformed row comes in a batch of its own)
