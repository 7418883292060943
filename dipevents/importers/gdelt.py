"""GDELT event exports (2.0: 61 columns; 1.0: 57 or 58 columns) into dipevents events.

Files are tab-separated with no header and no quoting, plain, gzipped or zipped. They are
streamed in blocks with pyarrow's CSV reader (every column a string, so CAMEO codes keep
their leading zeros), and only the rows whose event code maps to an action are carried past
the first lookup: a 5-million-row file never sits in memory.

GDELT 1.0 files may mix 57-column rows (historical backfile, no SOURCEURL) with 58-column
rows: the reader parses the width of the first row and collects rows of the other width
through pyarrow's invalid-row hook, parsing them in their own batches. Rows of any other
width are counted as ``malformed_row``.

>>> from dipevents.importers.common import ImportReport
>>> report = ImportReport("gdelt")
>>> batches = list(read_gdelt([example_file()], report=report))
>>> report.summary()
'gdelt: 3 rows read, 1 imported, 2 unmapped (no_equivalent_action 1, non_state_actor 1), 0 rejected'
>>> row = batches[0].slice(0, 1).to_pylist()[0]
>>> row["actor"], row["action"], row["target"], row["date"], row["origin_codes"]
('ALB', 'reduce_relations', 'IRN', datetime.date(2022, 9, 7), 'EventCode=161;Actor1Code=ALBGOV;Actor2Code=IRN')
"""

from __future__ import annotations

import dataclasses
import io
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pcsv

from dipevents.errors import ImportFormatError
from dipevents.importers import cameo
from dipevents.importers.common import (
    ImportBatch,
    ImportReport,
    Lookup,
    first_reason,
    gather,
    origin_codes,
    resolve_distinct,
    split_batch,
)
from dipevents.importers.sources import Tracker, arrow_errors, first_line, members

__all__ = ["GDELT1_COLUMNS", "GDELT2_COLUMNS", "example_file", "iter_gdelt", "read_gdelt", "sniff_gdelt"]

_ACTOR = [
    "Actor{n}Code",
    "Actor{n}Name",
    "Actor{n}CountryCode",
    "Actor{n}KnownGroupCode",
    "Actor{n}EthnicCode",
    "Actor{n}Religion1Code",
    "Actor{n}Religion2Code",
    "Actor{n}Type1Code",
    "Actor{n}Type2Code",
    "Actor{n}Type3Code",
]
_EVENT = [
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "AvgTone",
]
_GEO = ["Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID"]


def _columns(adm2: bool) -> tuple[str, ...]:
    geo = [g for g in _GEO if adm2 or g != "ADM2Code"]
    return tuple(
        ["GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate"]
        + [c.format(n=1) for c in _ACTOR]
        + [c.format(n=2) for c in _ACTOR]
        + _EVENT
        + [f"{p}_{g}" for p in ("Actor1Geo", "Actor2Geo", "ActionGeo") for g in geo]
        + ["DATEADDED", "SOURCEURL"]
    )


#: Column names of the GDELT 2.0 event export (the format's codebook, 61 columns).
GDELT2_COLUMNS: tuple[str, ...] = _columns(adm2=True)
#: Column names of GDELT 1.0 event files (58; the 57-column backfile rows lack SOURCEURL).
GDELT1_COLUMNS: tuple[str, ...] = _columns(adm2=False)
_WIDTHS = {61: GDELT2_COLUMNS, 58: GDELT1_COLUMNS, 57: GDELT1_COLUMNS[:57]}
_NEEDED = (
    "GLOBALEVENTID",
    "SQLDATE",
    "Actor1Code",
    "Actor1Name",
    "Actor2Code",
    "Actor2Name",
    "EventCode",
    "DATEADDED",
    "SOURCEURL",
)
# pyarrow's streaming reader decodes several blocks ahead: small blocks keep memory low (and
# measured faster: 2 MiB blocks read 1M rows in 1.8 s and 222 MiB, 32 MiB ones in 3.2 s and 604 MiB).
BLOCK_BYTES = 1 << 21
BATCH_ROWS = 100_000  # blocks are gathered into batches of about this many rows before mapping


def sniff_gdelt(path: str | Path) -> int:
    """Width (57, 58 or 61) of the first row of the streams in ``path``; raises when not GDELT."""
    width = 0
    for name, opener in members(path):
        width = _sniff(name, opener)
    return width


def _sniff(name: str, opener: Callable[[], object]) -> int:
    line = first_line(opener)  # type: ignore[arg-type]
    width = line.count(b"\t") + 1
    if width not in _WIDTHS:
        hint = ""
        if line[:4].lower() == b"date" or line[:13] == b"GLOBALEVENTID":
            hint = (
                " The first row looks like a header; GDELT event exports have none"
                " (the 'reduced' dyadic files are not event exports)."
            )
        raise ImportFormatError(
            f"{name}: the first row has {width} tab-separated fields; a GDELT event export has 61 (GDELT 2.0) "
            f"or 57/58 (GDELT 1.0).{hint}"
        )
    return width


class _Pending:
    """Rows the CSV reader rejected for their width, collected by the invalid-row hook."""

    def __init__(self, main_width: int) -> None:
        self.main_width = main_width
        self.other: dict[int, list[str]] = {}
        self.malformed: list[str] = []

    def handler(self, row: pcsv.InvalidRow) -> str:
        width = row.actual_columns
        if self.main_width != 61 and width in (57, 58) and width != self.main_width:
            self.other.setdefault(width, []).append(row.text)
        else:
            self.malformed.append(row.text)
        return "skip"

    def take_other(self, at_least: int) -> Iterator[pa.Table]:
        for width, lines in list(self.other.items()):
            if len(lines) >= at_least and lines:
                self.other[width] = []
                data = ("\n".join(lines) + "\n").encode("utf-8")
                yield _read_block(io.BytesIO(data), _WIDTHS[width], None).read_all()

    def take_malformed(self) -> list[str]:
        out, self.malformed = self.malformed, []
        return out


def _read_block(
    stream: object, names: tuple[str, ...], handler: Callable[[pcsv.InvalidRow], str] | None
) -> pcsv.CSVStreamingReader:
    include = [c for c in _NEEDED if c in names]
    return pcsv.open_csv(
        stream,
        read_options=pcsv.ReadOptions(column_names=list(names), block_size=BLOCK_BYTES),
        parse_options=pcsv.ParseOptions(delimiter="\t", quote_char=False, invalid_row_handler=handler),
        convert_options=pcsv.ConvertOptions(
            column_types={c: pa.string() for c in include}, include_columns=include, strings_can_be_null=False
        ),
    )


def _raw_tables(name: str, opener: Callable[[], object], width: int) -> Iterator[tuple[pa.Table | None, list[str]]]:
    pending = _Pending(width)
    with arrow_errors(name), opener() as stream:  # type: ignore[attr-defined]
        reader = _read_block(stream, _WIDTHS[width], pending.handler)
        for table in gather(reader, BATCH_ROWS):
            yield table, pending.take_malformed()
            for other in pending.take_other(at_least=BATCH_ROWS // 2):
                yield other, []
    for table in pending.take_other(at_least=1):
        yield table, []
    yield None, pending.take_malformed()


def _blank_to_null(col: pa.ChunkedArray | pa.Array) -> pa.Array:
    col = pc.utf8_trim_whitespace(col)
    return pc.if_else(pc.equal(col, ""), pa.scalar(None, pa.string()), col)


def _ymd(col: pa.ChunkedArray | pa.Array) -> pa.Array:
    """Strict YYYYMMDD -> date32 (invalid days are null, not rolled over)."""
    ts = pc.strptime(col, format="%Y%m%d", unit="s", error_is_null=True)
    same = pc.fill_null(pc.equal(pc.strftime(ts, format="%Y%m%d"), col), False)
    return pc.if_else(same, pc.cast(ts, pa.date32()), pa.scalar(None, pa.date32()))


def _standard(raw: pa.Table) -> pa.Table:
    n = raw.num_rows
    ident = raw["GLOBALEVENTID"]
    url = _blank_to_null(raw["SOURCEURL"]) if "SOURCEURL" in raw.column_names else pa.nulls(n, pa.string())
    fallback = pc.binary_join_element_wise(pa.scalar("gdelt:"), ident, "")
    return pa.table(
        {
            "origin_id": ident,
            "date": _ymd(raw["SQLDATE"]),
            "event_code": raw["EventCode"],
            "actor_code": _blank_to_null(raw["Actor1Code"]),
            "target_code": _blank_to_null(raw["Actor2Code"]),
            "actor_name": _blank_to_null(raw["Actor1Name"]),
            "target_name": _blank_to_null(raw["Actor2Name"]),
            "doc_id": pc.coalesce(url, fallback),
            "url": url,
            "publisher": pa.nulls(n, pa.string()),
            # DATEADDED is the day GDELT read the article, so about its publication; but the
            # 57-column backfile rows (1979-2005) were all added in 2013: no publication date.
            "published": _ymd(pc.utf8_slice_codeunits(raw["DATEADDED"], 0, 8))
            if "SOURCEURL" in raw.column_names
            else pa.nulls(n, pa.date32()),
            "sentence": pa.nulls(n, pa.string()),
            "origin_codes": origin_codes(
                [("EventCode", raw["EventCode"]), ("Actor1Code", raw["Actor1Code"]), ("Actor2Code", raw["Actor2Code"])]
            ),
        }
    )


def _malformed(lines: list[str]) -> pa.Table:
    n = len(lines)
    none = pa.nulls(n, pa.string())
    return pa.table(
        {
            "origin_id": [line.split("\t", 1)[0][:40] or None for line in lines],
            "date": pa.nulls(n, pa.date32()),
            "event_code": none,
            "actor_code": none,
            "target_code": none,
            "actor_name": none,
            "target_name": none,
            "doc_id": none,
            "url": none,
            "publisher": none,
            "published": pa.nulls(n, pa.date32()),
            "sentence": none,
            "origin_codes": pa.array(["raw=" + line for line in lines], pa.string()),
        }
    )


def _actor_lookup() -> Lookup:
    return Lookup({}, ["id", "type", "reason"])


def _side(codes: pa.Array, lookup: Lookup, missing: str) -> dict[str, pa.Array]:
    res = resolve_distinct(pc.fill_null(codes, ""), lookup, cameo.resolve_for_lookup)
    res["reason"] = pc.if_else(pc.equal(res["reason"], "missing"), pa.scalar(missing), res["reason"])
    return res


def iter_gdelt(paths: Iterable[str | Path], *, keep_unmapped: bool = False) -> Iterator[ImportBatch]:
    """Stream GDELT files as :class:`ImportBatch` es (events plus what did not map, by reason)."""
    action_lookup = cameo.action_lookup()
    actors = _actor_lookup()
    for path in paths:
        for name, opener in members(path):
            width = _sniff(name, opener)
            tracker = Tracker(path, name, opener)
            for raw, bad_lines in _raw_tables(name, tracker.open, width):
                if raw is not None and raw.num_rows:
                    batch = _map(raw, name, action_lookup, actors, keep_unmapped)
                    yield dataclasses.replace(batch, fraction=tracker.fraction())
                if bad_lines:
                    std = _malformed(bad_lines)
                    yield split_batch(
                        std,
                        dataset="gdelt",
                        source_file=name,
                        action=pa.nulls(len(bad_lines), pa.string()),
                        rule=pa.nulls(len(bad_lines), pa.string()),
                        actor=_empty_side(len(bad_lines)),
                        target=_empty_side(len(bad_lines)),
                        pre_reason=pa.array(["malformed_row"] * len(bad_lines)),
                        keep_unmapped=keep_unmapped,
                    )


def _empty_side(n: int) -> dict[str, pa.Array]:
    none = pa.nulls(n, pa.string())
    return {"id": none, "type": none, "reason": none}


def _map(raw: pa.Table, name: str, action_lookup: Lookup, actors: Lookup, keep_unmapped: bool) -> ImportBatch:
    code = raw["EventCode"]
    action = action_lookup.apply(code)["action"]
    skipped: dict[str, int] = {}
    if not keep_unmapped:
        # Fast path: most GDELT rows are not diplomatic acts; count them and drop them now.
        early = first_reason(
            [("no_event_code", pc.equal(pc.utf8_length(code), 0)), ("no_equivalent_action", pc.is_null(action))],
            raw.num_rows,
        )
        skipped = {d["values"]: d["counts"] for d in pc.value_counts(early.drop_null()).to_pylist()}
        keep = pc.is_null(early)
        raw = raw.filter(keep)
        action = pc.filter(action, keep)
    std = _standard(raw)
    rule = pc.binary_join_element_wise(pa.scalar("gdelt:EventCode="), std["event_code"], pa.scalar("->"), action, "")
    return split_batch(
        std,
        dataset="gdelt",
        source_file=name,
        action=action,
        rule=rule,
        actor=_side(std["actor_code"], actors, "no_actor"),
        target=_side(std["target_code"], actors, "no_target"),
        keep_unmapped=keep_unmapped,
        skipped=skipped,
    )


def read_gdelt(paths: Iterable[str | Path], *, report: ImportReport | None = None) -> Iterator[pa.Table]:
    """Stream GDELT files as Arrow tables in the Event schema (mapped rows only).

    Pass an :class:`ImportReport` to learn how many rows did not map, and why.
    """
    for batch in iter_gdelt(paths):
        if report is not None:
            report.add(batch)
        if batch.events.num_rows:
            yield batch.events


def example_file() -> Path:
    """A three-row GDELT 2.0 file written to a temporary folder (for examples and tests)."""
    import tempfile

    rows = [
        ["1", "20220907", "161", "ALBGOV", "ALBANIA", "IRN", "IRAN", "https://example.org/a"],
        ["2", "20220907", "010", "USA", "UNITED STATES", "FRA", "FRANCE", "https://example.org/b"],
        ["3", "20220908", "111", "USAOPP", "OPPOSITION", "IRN", "IRAN", ""],
    ]
    lines = []
    for ident, date, code, a1, n1, a2, n2, url in rows:
        cols = dict.fromkeys(GDELT2_COLUMNS, "")
        cols.update(
            GLOBALEVENTID=ident,
            SQLDATE=date,
            EventCode=code,
            Actor1Code=a1,
            Actor1Name=n1,
            Actor2Code=a2,
            Actor2Name=n2,
            DATEADDED="20220908000000",
            SOURCEURL=url,
        )
        lines.append("\t".join(cols.values()))
    path = Path(tempfile.mkdtemp(prefix="dipevents-gdelt-")) / "example.export.CSV"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path
