"""ICEWS coded-event files into dipevents events.

ICEWS files are tab-separated with a header row, no quoting (the Dataverse files hold stray
quote characters that must be read literally), ``NA`` or an empty field for a missing value,
and dates written ``YYYY-MM-DD`` (or ``m/d/YYYY`` in some years). Actors are names with
sector lists and a country name; the rules deciding which of them speak for a state are in
``data/crosswalk_icews_sectors.csv``. CAMEO codes are read as strings; a code that lost its
leading zero in a spreadsheet (``43`` for ``043``) gets it back, as no CAMEO root is above 20.

>>> from dipevents.importers.common import ImportReport
>>> report = ImportReport("icews")
>>> rows = [t.to_pylist() for t in read_icews([example_file()], report=report)][0]
>>> report.summary()
'icews: 3 rows read, 1 imported, 2 unmapped (no_equivalent_action 1, non_state_actor 1), 0 rejected'
>>> rows[0]["actor"], rows[0]["action"], rows[0]["target"], rows[0]["doc_id"], str(rows[0]["date"])
('EST', 'reduce_relations', 'USA', 'icews:47401627', '2018-06-01')
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Iterator
from functools import cache
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pcsv

from dipevents import countries, igos
from dipevents._resources import read_csv
from dipevents.errors import ImportFormatError, UnknownCountryError, UnknownIGOError
from dipevents.importers import cameo
from dipevents.importers.common import (
    ImportBatch,
    ImportReport,
    Lookup,
    gather,
    origin_codes,
    parse_iso_dates,
    resolve_distinct,
    split_batch,
)
from dipevents.importers.sources import Tracker, arrow_errors, first_line, members

__all__ = ["REQUIRED_COLUMNS", "example_file", "iter_icews", "read_icews", "resolve_actor"]

#: Header names the importer needs (other columns are ignored).
REQUIRED_COLUMNS: tuple[str, ...] = (
    "Event ID",
    "Event Date",
    "Source Name",
    "Source Sectors",
    "Source Country",
    "CAMEO Code",
    "Target Name",
    "Target Sectors",
    "Target Country",
    "Story ID",
    "Publisher",
)
BLOCK_BYTES = 1 << 21  # small blocks keep the reader's read-ahead small (see gdelt.py)
BATCH_ROWS = 100_000
_SEP = "\x1f"  # joins name, sectors and country into one lookup key


@cache
def _sector_kinds() -> dict[str, str]:
    return {row["sector"]: row["kind"] for row in read_csv("crosswalk_icews_sectors.csv")}


def _country(name: str) -> str | None:
    # ICEWS writes some names inverted, as in a sorted list: "Palestinian Territory, Occupied".
    head, _, tail = name.rpartition(", ")
    for form in (name, f"{tail} {head}") if head else (name,):
        try:
            return countries.get(form).iso3
        except UnknownCountryError:
            continue
    return None


@cache
def resolve_actor(name: str, sectors: str, country: str) -> tuple[str | None, str | None, str | None]:
    """(id, type, reason) of an ICEWS actor given its name, comma-joined sectors and country.

    >>> resolve_actor("Foreign Affairs (Bangladesh)", "Executive,Foreign Ministry,Government", "Bangladesh")
    ('BGD', 'state', None)
    >>> resolve_actor("Lawmaker (Spain)", "Government,Legislative / Parliamentary", "Spain")[2]
    'non_state_actor'
    >>> resolve_actor("Palestinian Territory, Occupied", "", "Occupied Palestinian Territory")
    ('PSE', 'state', None)
    """
    name, country = name.strip(), country.strip()
    if not name:
        return None, None, "missing"
    listed = [s.strip().strip('"').strip() for s in sectors.split(",")]
    kinds = {_sector_kinds().get(s) for s in listed if s}
    if "igo" in kinds:
        try:
            return igos.get(name).code, "igo", None
        except UnknownIGOError:
            return None, None, "unknown_actor_code"
    if not (kinds - {None}) and not any(listed):
        # ICEWS's generic state actor: the country itself, with no sector.
        iso3 = _country(name)
        if iso3 is not None and (not country or _country(country) in (iso3, None)):
            return iso3, "state", None
    if "executive" in kinds or ("government" in kinds and "branch" not in kinds):
        iso3 = _country(country) if country else None
        return (iso3, "state", None) if iso3 else (None, None, "unknown_actor_code")
    if not any(listed) and _country(name) is None:
        return None, None, "unknown_actor_code"
    return None, None, "non_state_actor"


def _resolve_key(key: str) -> tuple[str | None, str | None, str | None]:
    name, sectors, country = key.split(_SEP)
    return resolve_actor(name, sectors, country)


def _restore_zeros(code: pa.ChunkedArray | pa.Array) -> pa.Array:
    """Put back a CAMEO code's lost leading zero: no root is above 20, so '43' is '043'."""
    code = pc.utf8_trim_whitespace(code)
    head = pc.utf8_slice_codeunits(code, 0, 2)
    lost = pc.or_(pc.equal(pc.utf8_length(code), 2), pc.greater(head, "20"))
    return pc.if_else(pc.fill_null(lost, False), pc.binary_join_element_wise("0", code, ""), code)


def _dates(col: pa.ChunkedArray | pa.Array) -> pa.Array:
    """ISO dates as they are; m/d/YYYY rewritten to ISO first; then a strict parse."""
    col = pc.utf8_trim_whitespace(col)
    parts = pc.extract_regex(col, r"^(?P<m>\d{1,2})/(?P<d>\d{1,2})/(?P<y>\d{4})$")
    pad = {k: pc.utf8_lpad(pc.struct_field(parts, k), 2, "0") for k in ("m", "d")}
    us = pc.binary_join_element_wise(pc.struct_field(parts, "y"), pad["m"], pad["d"], "-")
    return parse_iso_dates(pc.coalesce(us, col))


def _key(raw: pa.Table, side: str) -> pa.Array:
    cols = [pc.fill_null(raw[f"{side} {c}"], "") for c in ("Name", "Sectors", "Country")]
    return pc.binary_join_element_wise(*cols, _SEP)


def _side(raw: pa.Table, side: str, lookup: Lookup, missing: str) -> dict[str, pa.Array]:
    res = resolve_distinct(_key(raw, side), lookup, _resolve_key)
    res["reason"] = pc.if_else(pc.equal(res["reason"], "missing"), pa.scalar(missing), res["reason"])
    return res


def _header(name: str, opener: Callable[[], object]) -> list[str]:
    header = first_line(opener).decode("utf-8-sig", errors="replace").split("\t")  # type: ignore[arg-type]
    missing = [c for c in REQUIRED_COLUMNS if c not in header]
    if missing:
        raise ImportFormatError(
            f"{name}: not an ICEWS event file: the header lacks {', '.join(repr(c) for c in missing)} "
            f"(an ICEWS file is tab-separated with a header row naming {', '.join(REQUIRED_COLUMNS)})"
        )
    return header


def sniff_icews(path: str | Path) -> None:
    """Raise :class:`ImportFormatError` unless every stream in ``path`` has an ICEWS header."""
    for name, opener in members(path):
        _header(name, opener)


def iter_icews(paths: Iterable[str | Path], *, keep_unmapped: bool = False) -> Iterator[ImportBatch]:
    """Stream ICEWS files as :class:`ImportBatch` es (events plus what did not map, by reason)."""
    actors = Lookup({}, ["id", "type", "reason"])
    for path in paths:
        for name, opener in members(path):
            _header(name, opener)
            malformed: list[str] = []

            def handler(row: pcsv.InvalidRow, bad: list[str] = malformed) -> str:
                bad.append(row.text)
                return "skip"

            tracker = Tracker(path, name, opener)
            with arrow_errors(name), tracker.open() as stream:  # type: ignore[attr-defined]
                reader = pcsv.open_csv(
                    stream,
                    read_options=pcsv.ReadOptions(block_size=BLOCK_BYTES),
                    parse_options=pcsv.ParseOptions(delimiter="\t", quote_char=False, invalid_row_handler=handler),
                    convert_options=pcsv.ConvertOptions(
                        column_types=dict.fromkeys(REQUIRED_COLUMNS, pa.string()),
                        include_columns=list(REQUIRED_COLUMNS),
                        null_values=["NA", ""],
                        strings_can_be_null=True,
                    ),
                )
                for table in gather(reader, BATCH_ROWS):
                    yield dataclasses.replace(_map(table, name, actors, keep_unmapped), fraction=tracker.fraction())
                    if malformed:
                        yield _malformed(malformed[:], name, keep_unmapped)
                        malformed.clear()
            if malformed:
                yield _malformed(malformed[:], name, keep_unmapped)


def _map(raw: pa.Table, name: str, actors: Lookup, keep_unmapped: bool) -> ImportBatch:
    n = raw.num_rows
    code = _restore_zeros(pc.fill_null(raw["CAMEO Code"], ""))
    action = cameo.action_lookup().apply(code)["action"]
    story = raw["Story ID"]
    doc = pc.coalesce(
        pc.binary_join_element_wise("icews:", story, ""),
        pc.binary_join_element_wise("icews:event:", raw["Event ID"], ""),
    )
    std = pa.table(
        {
            "origin_id": raw["Event ID"],
            "date": _dates(raw["Event Date"]),
            "event_code": code,
            "actor_code": raw["Source Name"],
            "target_code": raw["Target Name"],
            "actor_name": raw["Source Name"],
            "target_name": raw["Target Name"],
            "doc_id": doc,
            "url": pa.nulls(n, pa.string()),
            "publisher": raw["Publisher"],
            "published": pa.nulls(n, pa.date32()),
            "sentence": pa.nulls(n, pa.string()),
            "origin_codes": origin_codes(
                [("CAMEO Code", raw["CAMEO Code"])]
                + [(f"{s} {c}", raw[f"{s} {c}"]) for s in ("Source", "Target") for c in ("Name", "Sectors", "Country")]
            ),
        }
    )
    rule = pc.binary_join_element_wise("icews:CAMEO Code=", code, "->", action, "")
    return split_batch(
        std,
        dataset="icews",
        source_file=name,
        action=action,
        rule=rule,
        actor=_side(raw, "Source", actors, "no_actor"),
        target=_side(raw, "Target", actors, "no_target"),
        keep_unmapped=keep_unmapped,
    )


def _malformed(lines: list[str], name: str, keep_unmapped: bool) -> ImportBatch:
    n = len(lines)
    none = pa.nulls(n, pa.string())
    std = pa.table(
        {
            "origin_id": [line.split("\t", 1)[0][:40] or None for line in lines],
            "date": pa.nulls(n, pa.date32()),
            **dict.fromkeys(
                ["event_code", "actor_code", "target_code", "actor_name", "target_name", "doc_id", "url", "publisher"],
                none,
            ),
            "published": pa.nulls(n, pa.date32()),
            "sentence": none,
            "origin_codes": pa.array(["raw=" + line for line in lines], pa.string()),
        }
    )
    side = {"id": none, "type": none, "reason": none}
    return split_batch(
        std,
        dataset="icews",
        source_file=name,
        action=none,
        rule=none,
        actor=side,
        target=side,
        pre_reason=pa.array(["malformed_row"] * n, pa.string()),
        keep_unmapped=keep_unmapped,
    )


def read_icews(paths: Iterable[str | Path], *, report: ImportReport | None = None) -> Iterator[pa.Table]:
    """Stream ICEWS files as Arrow tables in the Event schema (mapped rows only)."""
    for batch in iter_icews(paths):
        if report is not None:
            report.add(batch)
        if batch.events.num_rows:
            yield batch.events


def example_file() -> Path:
    """A three-row ICEWS file in a temporary folder (for examples and tests)."""
    import tempfile

    header = "\t".join(
        ["Event ID", "Event Date", "Source Name", "Source Sectors", "Source Country", "Event Text", "CAMEO Code",
         "Intensity", "Target Name", "Target Sectors", "Target Country", "Story ID", "Sentence Number", "Publisher"]
    )  # fmt: skip
    rows = [
        "32890333\t2018-06-01\tEstonia\tNA\tEstonia\tReduce or break diplomatic relations\t161\t-4\tUnited States\tNA\t"
        "United States\t47401627\t1\tBaltic Daily",
        "32889836\t6/1/2018\tForeign Affairs (Bangladesh)\tExecutive,Foreign Ministry,Government\tBangladesh\tConsult\t"
        "040\t1\tVietnam\tNA\tVietnam\t47400351\t2\tVietnam News Agency Bulletin",
        "32890689\t2018-06-01\tLawmaker (Spain)\tGovernment,Legislative / Parliamentary\tSpain\tCriticize or denounce\t"
        "111\t-2\tGermany\tNA\tGermany\t47402192\t1\tDow Jones News Service",
    ]
    path = Path(tempfile.mkdtemp(prefix="dipevents-icews-")) / "events.example.tab"
    path.write_text(header + "\n" + "\n".join(rows) + "\n", encoding="utf-8")
    return path
