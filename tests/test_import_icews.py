"""ICEWS importer: the real 2018 sample from ../shared/peerdata and an own 2017-style fixture."""

from __future__ import annotations

import datetime as dt

import pyarrow as pa
import pytest

from dipevents.errors import ImportFormatError
from dipevents.importers import ImportReport, import_icews, iter_icews, read_icews
from dipevents.importers.icews import resolve_actor
from dipevents.schema import Event
from tests.conftest import REPO, shared_path

FIX = REPO / "fixtures" / "importers"
SAMPLE = ("peerdata", "icews", "events.2018.sample.tab")


def _run(paths):
    batches = list(iter_icews(paths, keep_unmapped=True))
    report = ImportReport("icews")
    for b in batches:
        report.add(b)
    return report, pa.concat_tables([b.events for b in batches]), pa.concat_tables([b.unmapped for b in batches])


def _by_origin(table: pa.Table, origin_id: str) -> dict:
    rows = [r for r in table.to_pylist() if r["origin_id"] == origin_id]
    assert len(rows) == 1, f"{origin_id}: {len(rows)} rows"
    return rows[0]


def test_sample_counts_reconcile():
    report, events, unmapped = _run([shared_path(*SAMPLE)])
    assert report.rows_read == 3705 and report.reconciles()
    assert events.num_rows + unmapped.num_rows == 3705
    assert "malformed_row" not in report.unmapped and "bad_date" not in report.unmapped
    # Every imported row validates through the pydantic model too.
    for row in events.to_pylist()[:50]:
        Event.from_dict({k: v for k, v in row.items() if v is not None}, record=row["origin_id"])


def test_sample_161_row_field_by_field():
    # Event 32890333: Estonia "Reduce or break diplomatic relations" (161) United States, Baltic Daily.
    _, events, _ = _run([shared_path(*SAMPLE)])
    row = _by_origin(events, "32890333")
    expected = {
        "actor": "EST", "actor_type": "state", "actor_name": "Estonia", "target": "USA", "target_type": "state",
        "target_name": "United States", "action": "reduce_relations", "date": dt.date(2018, 6, 1),
        "date_precision": "day", "cameo": "161", "quad_class": 4, "goldstein": -4.0, "plover_type": "SANCTION",
        "doc_id": "icews:47401627", "url": None, "publisher": "Baltic Daily", "sentence": None,
        "rule": "icews:CAMEO Code=161->reduce_relations", "dataset": "icews",
        "origin_codes": "CAMEO Code=161;Source Name=Estonia;Source Sectors=;Source Country=Estonia;"
        "Target Name=United States;Target Sectors=;Target Country=United States",
    }  # fmt: skip
    assert {k: row[k] for k in expected} == expected


def test_sample_other_16x_rows():
    _, events, unmapped = _run([shared_path(*SAMPLE)])
    # Burkina Faso cut ties with Taiwan, reported on both days (two stories).
    bfa = [r for r in events.to_pylist() if r["actor"] == "BFA" and r["action"] == "reduce_relations"]
    assert sorted(r["date"] for r in bfa) == [dt.date(2018, 6, 1), dt.date(2018, 6, 2)]
    assert {r["target"] for r in bfa} == {"TWN"}
    # UN Security Council sanctions on South Sudan (163): an IGO actor.
    row = _by_origin(events, "32888516")
    assert (row["actor"], row["actor_type"], row["action"], row["target"]) == ("UNSC", "igo", "impose_sanctions", "SSD")
    # 160 (Spanish parliament's no-confidence vote) and 164 (halt negotiations) have no equivalent.
    assert _by_origin(unmapped, "32890689")["reason"] == "no_equivalent_action"
    assert _by_origin(unmapped, "32891308")["event_code"] == "164"
    # Lithuania "reduce relations" (160) toward the inverted "Palestinian Territory, Occupied".
    assert _by_origin(unmapped, "32891201")["reason"] == "no_equivalent_action"


@pytest.mark.parametrize(
    ("name", "sectors", "country", "expected"),
    [
        ("Estonia", "", "Estonia", ("EST", "state", None)),
        ("Government (India)", "Government", "India", ("IND", "state", None)),
        ("Mariano Rajoy Brey", "Legislative / Parliamentary,Government,Executive Office,Executive", "Spain",
         ("ESP", "state", None)),
        ("Member of the Judiciary (India)", "Judicial,Government", "India", (None, None, "non_state_actor")),
        ("Governor (Yemen)", "Local,Provincial,Government", "Yemen", (None, None, "non_state_actor")),
        ("Citizen (India)", "General Population / Civilian / Social", "India", (None, None, "non_state_actor")),
        ("Russia", "", "Russian Federation", ("RUS", "state", None)),
        ("Moldova, Republic of", "", "Moldova, Republic of", ("MDA", "state", None)),
        ("European Union", "International Government Organization,Regional Diplomatic IGOs", "",
         ("EU", "igo", None)),
        ("Federica Mogherini", "International Government Organization,Elite", "", (None, None, "unknown_actor_code")),
        ("Hong Kong", "", "Hong Kong", (None, None, "unknown_actor_code")),
        ("", "", "", (None, None, "missing")),
    ],
)  # fmt: skip
def test_actor_rules(name, sectors, country, expected):
    assert resolve_actor(name, sectors, country) == expected


def test_2017_style_fixture_dates_na_lost_zeros_malformed():
    report, events, unmapped = _run([FIX / "icews_2017_style.tab"])
    assert report.rows_read == 10 and report.reconciles()
    got = {(r["origin_id"], r["actor"], r["action"], r["target"], r["date"]) for r in events.to_pylist()}
    assert got == {
        ("2001", "RUS", "condemn", "GBR", dt.date(2017, 3, 14)),  # m/d/YYYY
        ("2002", "GBR", "accuse_unspecified", "RUS", dt.date(2017, 3, 4)),  # 1125: espionage may be cyber
        ("2004", "SAU", "reduce_relations", "QAT", dt.date(2017, 6, 5)),
        ("2009", "MRT", "reduce_relations", "QAT", dt.date(2017, 6, 6)),
    }
    reasons = {r["origin_id"]: r["reason"] for r in unmapped.to_pylist()}
    assert reasons == {"2003": "no_equivalent_action", "2005": "bad_date", "2006": "no_event_code",
                       "2007": "malformed_row", "2008": "non_state_actor", "2010": "non_state_actor"}  # fmt: skip
    assert _by_origin(unmapped, "2003")["event_code"] == "043"  # "43" got its leading zero back
    assert _by_origin(unmapped, "2005")["origin_codes"].startswith("CAMEO Code=161;Source Name=Bahrain")


def test_story_is_the_document_so_two_events_of_one_story_share_it(tmp_path):
    report = import_icews([FIX / "icews_2017_style.tab"], tmp_path / "s")
    assert report.reconciles() and report.imported == 4 and report.rejected == 0
    from dipevents.store import EventStore

    docs = EventStore(tmp_path / "s").sql("SELECT doc_id, count(*) AS n FROM mentions GROUP BY doc_id ORDER BY doc_id")
    assert docs.to_pylist()[-1] == {"doc_id": "icews:5004", "n": 2}


def test_wrong_header_names_what_is_missing(tmp_path):
    bad = tmp_path / "x.tab"
    bad.write_text("Event ID\tDate\n1\t2018-01-01\n", encoding="utf-8")
    with pytest.raises(ImportFormatError, match="'Event Date'"):
        list(read_icews([bad]))


def test_coarse_imported_rows_answer_fine_questions_only_when_asked(tmp_path):
    # Saudi Arabia and Mauritania "reduce or break diplomatic relations" (161) with Qatar: the
    # source does not say they severed ties, so a sever_ties query finds them only with include_coarse.
    from dipevents import query

    store = tmp_path / "s"
    import_icews([FIX / "icews_2017_style.tab"], store)
    strict = query.find_events(target="Qatar", action="sever_ties", store=store)
    assert strict.num_rows == 0
    loose = query.find_events(target="Qatar", action="sever_ties", include_coarse=True, store=store)
    assert sorted(loose["actor"].to_pylist()) == ["MRT", "SAU"]
    assert set(loose["action"].to_pylist()) == {"reduce_relations"}


def test_invalid_utf8_is_an_import_format_error(tmp_path):
    header = (FIX / "icews_2017_style.tab").read_text(encoding="utf-8").splitlines()[0]
    bad = tmp_path / "latin1.tab"
    row = "1\t2017-06-05\tCôte d'Ivoire\tNA\tCôte d'Ivoire\tx\t111\t-2\tFrance\tNA\tFrance\t9\t1\tAFP" + "\tNA" * 6
    bad.write_bytes((header + "\n" + row + "\n").encode("latin-1"))
    with pytest.raises(ImportFormatError, match=r"latin1\.tab: unreadable"):
        list(read_icews([bad]))
