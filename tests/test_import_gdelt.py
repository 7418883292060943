"""GDELT importer: real GDELT 1.0/2.0 samples from ../shared/peerdata and own edge-case fixtures."""

from __future__ import annotations

import datetime as dt
import gzip
import shutil

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from dipevents.errors import ImportFormatError
from dipevents.importers import ImportReport, import_gdelt, iter_gdelt, read_gdelt
from dipevents.importers.gdelt import GDELT1_COLUMNS, GDELT2_COLUMNS
from dipevents.schema import Event
from dipevents.store import EventStore
from tests.conftest import REPO, shared_path

FIX = REPO / "fixtures" / "importers"
GDELT2 = ("peerdata", "gdelt", "gdelt2_20250807220000.export.first82rows.CSV")
GDELT1 = ("peerdata", "gdelt", "gdelt1_events_sample_reed9999.tsv")


def _run(paths, keep_unmapped=True):
    batches = list(iter_gdelt(paths, keep_unmapped=keep_unmapped))
    report = ImportReport("gdelt")
    for b in batches:
        report.add(b)
    events = pa.concat_tables([b.events for b in batches])
    unmapped = pa.concat_tables([b.unmapped for b in batches]) if keep_unmapped else None
    return report, events, unmapped


def _by_origin(table: pa.Table, origin_id: str) -> dict:
    rows = [r for r in table.to_pylist() if r["origin_id"] == origin_id]
    assert len(rows) == 1, f"{origin_id}: {len(rows)} rows"
    return rows[0]


def test_column_names_follow_the_codebooks():
    header = shared_path("peerdata", "gdelt", "GDELT_2.0_Events_Column_Labels_Header_Row_Sep2016.csv")
    names2 = [line.split(",")[0] for line in header.read_text().splitlines()[1:]]
    assert list(GDELT2_COLUMNS) == names2
    names1 = shared_path("peerdata", "gdelt", "GDELT_1.0_event_Column_Labels_Header_Row_Sep2016.tsv")
    assert list(GDELT1_COLUMNS) == names1.read_text().split()[1:]


def test_gdelt2_sample_counts_reconcile():
    report, events, unmapped = _run([shared_path(*GDELT2)])
    assert report.rows_read == 82 and report.reconciles()
    assert report.rows_read == events.num_rows + unmapped.num_rows
    assert report.unmapped["no_equivalent_action"] == 73
    assert "malformed_row" not in report.unmapped
    # CAMEO codes keep their leading zeros (the sample has 040/042/043/046/050/051/057/080/0353).
    assert {"040", "051", "080", "0353"} <= set(unmapped["event_code"].to_pylist())


def test_gdelt2_112_row_is_kept_unmapped_with_its_codes():
    # 1256322809: EventCode 112 (accuse) from an empty Actor1 toward CRM (kidnappers).
    _, _, unmapped = _run([shared_path(*GDELT2)])
    row = _by_origin(unmapped, "1256322809")
    assert row["reason"] == "no_actor"
    assert row["event_code"] == "112"
    assert row["origin_codes"] == "EventCode=112;Actor1Code=;Actor2Code=CRM"
    assert row["date"] == dt.date(2025, 8, 7)
    assert row["doc_id"].startswith("https://saharareporters.com/2025/08/07/breaking-sowore-detained")


def test_gdelt2_threaten_row_field_by_field():
    _, events, _ = _run([shared_path(*GDELT2)])
    row = _by_origin(events, "1256322781")
    url = (
        "https://www.cidrap.umn.edu/mpox/mixed-mpox-picture-africa-shows-successes-challenges-newly-affected-countries"
    )
    expected = {
        "actor": "COD", "actor_type": "state", "actor_name": "THE DRC", "target": "SLE", "target_type": "state",
        "target_name": "SIERRA LEONE", "action": "threaten", "date": dt.date(2025, 7, 31), "date_precision": "day",
        "cameo": "130", "quad_class": 3, "plover_type": "THREATEN", "doc_id": url, "url": url,
        "published": dt.date(2025, 8, 7), "sentence": None, "rule": "gdelt:EventCode=130->threaten",
        "salience": "main", "dataset": "gdelt", "origin_codes": "EventCode=130;Actor1Code=COD;Actor2Code=SLE",
    }  # fmt: skip
    assert {k: row[k] for k in expected} == expected
    assert Event.from_dict({k: v for k, v in row.items() if v is not None}).event_id == row["event_id"]
    # The row before it (1256322780) has no Actor2: counted, not imported.
    assert "1256322780" not in events["origin_id"].to_pylist()


def test_gdelt1_sample_mixes_57_and_58_columns():
    report, events, unmapped = _run([shared_path(*GDELT1)])
    assert report.rows_read == 710 and report.reconciles()  # 509 rows of 58 columns + 201 of 57
    assert "malformed_row" not in report.unmapped
    # 1554161 is a 57-column 1982 backfile row (no SOURCEURL): FIN imposes sanctions on POL.
    row = _by_origin(events, "1554161")
    assert (row["actor"], row["action"], row["target"], row["date"]) == (
        "FIN",
        "impose_sanctions",
        "POL",
        dt.date(1982, 1, 3),
    )
    assert (row["doc_id"], row["url"], row["published"]) == ("gdelt:1554161", None, None)
    # 564443032 is a 58-column 2016 row with a URL: USA 163 RUS.
    row = _by_origin(events, "564443032")
    assert (row["actor"], row["action"], row["target"]) == ("USA", "impose_sanctions", "RUS")
    assert row["url"].startswith("http") and row["published"] == dt.date(2016, 7, 28)
    # The 16x rows that are not 161/163 have no equivalent action (160, 164).
    for origin in ("564442352", "1553189", "1554521"):
        assert _by_origin(unmapped, origin)["reason"] == "no_equivalent_action"


def test_fixture_edge_cases_mixed_widths_malformed_bad_date():
    report, events, unmapped = _run([FIX / "gdelt1_mixed_widths.tsv"])
    assert report.rows_read == 9 and report.reconciles()
    assert dict(report.unmapped) == {
        "malformed_row": 1, "no_event_code": 1, "no_equivalent_action": 1, "bad_date": 1,
        "unknown_actor_code": 1, "non_state_actor": 1, "domestic": 1,
    }  # fmt: skip
    got = {(r["origin_id"], r["actor"], r["action"], r["target"]) for r in events.to_pylist()}
    assert got == {("100", "USA", "impose_sanctions", "RUS"), ("102", "IRN", "deny", "IRQ")}
    reasons = {r["origin_id"]: r["reason"] for r in unmapped.to_pylist()}
    assert reasons == {"101": "unknown_actor_code",  # SUN: the Soviet Union is no state of today's table
                       "103": "bad_date", "104": "non_state_actor", "105": "malformed_row",
                       "106": "no_equivalent_action", "107": "no_event_code", "108": "domestic"}  # fmt: skip
    # 101 and 102 are 57-column rows between 58-column ones.
    assert _by_origin(unmapped, "101")["origin_codes"] == "EventCode=1125;Actor1Code=GBR;Actor2Code=SUN"
    malformed = _by_origin(unmapped, "105")
    assert malformed["origin_codes"] == "raw=105\t20160727\tthis row was cut short"


def test_zipped_and_gzipped_files_read_the_same(tmp_path):
    report, events, _ = _run([FIX / "gdelt2_20220908.export.CSV.zip"])
    assert report.rows_read == 4 and events.num_rows == 3
    got = {(r["actor"], r["action"], r["target"]) for r in events.to_pylist()}
    assert got == {("ALB", "reduce_relations", "IRN"), ("USA", "support", "ALB"), ("NATO", "accuse_unspecified", "IRN")}
    assert {r["actor_type"] for r in events.to_pylist() if r["actor"] == "NATO"} == {"igo"}
    gz = tmp_path / "mixed.tsv.gz"
    with (FIX / "gdelt1_mixed_widths.tsv").open("rb") as src, gzip.open(gz, "wb") as dst:
        shutil.copyfileobj(src, dst)
    assert _run([gz])[1].num_rows == 2


def test_many_batches_of_other_width_rows_stay_complete(tmp_path, monkeypatch):
    # Small blocks force many batches, so 57-column rows are collected across block boundaries.
    from dipevents.importers import gdelt

    monkeypatch.setattr(gdelt, "BLOCK_BYTES", 4096)
    report, events, _ = _run([shared_path(*GDELT1)])
    assert report.rows_read == 710 and report.reconciles()
    assert "1554161" in events["origin_id"].to_pylist()


def test_not_gdelt_files_raise_before_anything_is_read(tmp_path):
    with pytest.raises(ImportFormatError, match=r"17 tab-separated fields.*header"):
        list(read_gdelt([shared_path("peerdata", "gdelt", "gdelt1_reduced_dyadic_sample_moxious.tsv")]))
    store = tmp_path / "store"
    with pytest.raises(ImportFormatError, match="61"):
        import_gdelt([FIX / "gdelt1_mixed_widths.tsv", FIX / "icews_2017_style.tab"], store)
    assert not (store / "current").exists()  # the good first file was not stored either


def test_import_into_store_dedups_and_keeps_unmapped(tmp_path):
    store = EventStore(tmp_path / "store")
    first = import_gdelt([shared_path(*GDELT1)], store, keep_unmapped=True)
    assert first.reconciles() and first.rejected == 0
    assert first.imported == first.stored + first.merged > 0
    kept = pq.read_table(first.unmapped_path)
    assert kept.num_rows == first.unmapped_total
    assert set(kept["reason"].to_pylist()) == set(first.unmapped)
    again = import_gdelt([shared_path(*GDELT1)], store)
    assert again.stored == 0 and again.merged == first.imported and again.unmapped_path is None
    assert store.sql("SELECT count(*) AS n FROM events")["n"][0].as_py() == first.stored
    mentions = store.sql("SELECT dataset, origin_id, origin_codes FROM mentions WHERE origin_id = '1554161'")
    assert mentions.to_pylist() == [
        {"dataset": "gdelt", "origin_id": "1554161", "origin_codes": "EventCode=163;Actor1Code=FIN;Actor2Code=POL"}
    ]


def test_rows_the_store_rejects_are_counted_and_reconcile(tmp_path, monkeypatch):
    # Force an id the store's validation refuses, to follow a row through the rejects path.
    from dipevents.importers import cameo

    real = cameo.resolve_for_lookup
    monkeypatch.setattr(
        cameo, "resolve_for_lookup", lambda code: ("XXX", "state", None) if code == "ALBGOV" else real(code)
    )
    report = import_gdelt([FIX / "gdelt2_20220908.export.CSV.zip"], tmp_path / "store")
    assert (report.rows_read, report.imported, report.rejected) == (4, 2, 1)
    assert report.reconciles()
    assert report.rejects_path is not None and "XXX" in report.rejects_path.read_text(encoding="utf-8")


_CODES = ["161", "051", "112", "1125", "040", "010", "", "16", "0130"]
_ACTOR_CODES = ["USA", "USAGOV", "IRN", "ALBGOV", "IGOWSTNAT", "USAOPP", "EUR", "GOV", "", "SUN"]


def _fuzz_line(ident: int, width: int, code: str, a1: str, a2: str, date: str) -> str:
    if width not in (57, 58, 61):
        return "\t".join([str(ident), date, code][:width])
    names = GDELT2_COLUMNS if width == 61 else GDELT1_COLUMNS[:width]
    cols = dict.fromkeys(names, "")
    cols.update(
        GLOBALEVENTID=str(ident), SQLDATE=date, EventCode=code, Actor1Code=a1, Actor2Code=a2, DATEADDED="20160728"
    )
    return "\t".join(cols.values())


def test_random_gdelt1_files_always_reconcile(tmp_path):
    from hypothesis import given, settings
    from hypothesis import strategies as st

    row = st.tuples(
        st.sampled_from([58, 58, 57, 3, 61]),
        st.sampled_from(_CODES),
        st.sampled_from(_ACTOR_CODES),
        st.sampled_from(_ACTOR_CODES),
        st.sampled_from(["20160727", "19820102", "20160231", "2016", ""]),
    )

    @settings(max_examples=25, deadline=None)
    @given(st.lists(row, min_size=1, max_size=40))
    def check(rows):
        # The first row decides the version: make it a valid GDELT 1.0 row.
        rows = [(58, *rows[0][1:]), *rows[1:]]
        path = tmp_path / "fuzz.tsv"
        path.write_text("\n".join(_fuzz_line(i, *r) for i, r in enumerate(rows)) + "\n", encoding="utf-8")
        report, events, unmapped = _run([path])
        assert report.rows_read == len(rows) == events.num_rows + unmapped.num_rows
        assert report.reconciles()
        assert report.unmapped.get("malformed_row", 0) == sum(r[0] not in (57, 58) for r in rows)
        for ev in events.to_pylist():
            Event.from_dict({k: v for k, v in ev.items() if v is not None})

    check()
