"""Refresh the code columns of ``dipevents/data/countries.csv`` from countrycode.

This is the documented update procedure for the country table (see
``docs/reference-data.md``). It reads a local copy of countrycode's
``dictionary/codelist_without_cldr.csv`` (Arel-Bundock et al., R package *countrycode*)
and recomputes, for each row of our table, the columns that come from it:

    iso2, iso_numeric, cow_code, cow_alpha, gw_code, gw_alpha

and fills ``region``/``un_region`` (UN M49) where they are blank. Names, official names,
CAMEO codes, status and everything in ``country_names.csv`` are ours and are left alone.

Rows are joined on ISO3 (``iso3c``); Kosovo, which has no ISO3 in countrycode, is joined
on its English name. ``OVERRIDES`` below holds the few values where we deliberately
differ from countrycode; each has its reason, and the same list is asserted by
``tests/test_countries.py``.

Usage::

    python scripts/refresh_countries.py PATH/TO/codelist_without_cldr.csv          # check
    python scripts/refresh_countries.py PATH/TO/codelist_without_cldr.csv --write  # update

In check mode the differences are printed and the exit status is 1 when there are any.
"""

from __future__ import annotations

import argparse
import csv
import io
import sys
from pathlib import Path

TABLE = Path(__file__).resolve().parents[1] / "dipevents" / "data" / "countries.csv"

# our column -> countrycode column
CODE_COLUMNS = {
    "iso2": "iso2c",
    "iso_numeric": "iso3n",
    "cow_code": "cown",
    "cow_alpha": "cowc",
    "gw_code": "gwn",
    "gw_alpha": "gwc",
}

# rows of ours that countrycode holds without an ISO3 code: joined on country.name.en
JOIN_BY_NAME = {"XKX": "Kosovo"}

# Deliberate differences from countrycode (iso3 -> {column: value}).
OVERRIDES: dict[str, dict[str, str]] = {
    # Kosovo: XK/XKX are the user-assigned codes used by the EU, IMF and World Bank;
    # ISO 3166 has none, so countrycode leaves iso2 blank.
    "XKX": {"iso2": "XK"},
    # Yemen: Gleditsch-Ward code unified Yemen (1990-) as the continuation of 678 "YEM".
    # countrycode puts 678/YEM on its "Yemen Arab Republic" row only and leaves modern
    # Yemen blank, while it does give unified Germany the continuing GW code 260 "GFR".
    "YEM": {"gw_code": "678", "gw_alpha": "YEM"},
    # Serbia: COW continues 345 "YUG" (Yugoslavia 1944-) as Serbia after Montenegro (341,
    # 2006) and Kosovo (347, 2008) left; countrycode keeps 345 on its "Yugoslavia" row only.
    "SRB": {"cow_code": "345", "cow_alpha": "YUG"},
}


def _peer_rows(path: Path) -> tuple[dict[str, dict[str, str]], dict[str, dict[str, str]]]:
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    missing = {"iso3c", "country.name.en", *CODE_COLUMNS.values()} - set(rows[0] if rows else ())
    if missing:
        raise SystemExit(f"{path} is not countrycode's codelist: missing columns {sorted(missing)}")
    by_iso3 = {r["iso3c"]: r for r in rows if r["iso3c"]}
    by_name = {r["country.name.en"]: r for r in rows}
    return by_iso3, by_name


def _m49_region(peer: dict[str, str]) -> tuple[str, str]:
    region = peer.get("un.regionintermediate.name") or peer.get("un.regionsub.name") or ""
    return region, peer.get("un.region.name", "")


def refresh(peer_path: Path, table: Path = TABLE) -> tuple[str, list[str]]:
    """Return the refreshed table text and a list of human-readable changes."""
    text = table.read_text(encoding="utf-8")
    lines = text.splitlines()
    comments = [line for line in lines if line.startswith("#")]
    body = [line for line in lines if not line.startswith("#")]
    reader = csv.DictReader(io.StringIO("\n".join(body)))
    fields = list(reader.fieldnames or [])
    rows = list(reader)
    by_iso3, by_name = _peer_rows(peer_path)

    changes: list[str] = []
    for row in rows:
        iso3 = row["iso3"]
        peer = by_name.get(JOIN_BY_NAME[iso3]) if iso3 in JOIN_BY_NAME else by_iso3.get(iso3)
        if peer is None:
            changes.append(f"{iso3}: not in countrycode; left as is")
            continue
        wanted = {ours: peer[theirs] for ours, theirs in CODE_COLUMNS.items()}
        wanted.update(OVERRIDES.get(iso3, {}))
        region, un_region = _m49_region(peer)
        if not row["region"] and region:
            wanted["region"] = region
        if not row["un_region"] and un_region:
            wanted["un_region"] = un_region
        for column, value in wanted.items():
            if row[column] != value:
                changes.append(f"{iso3}.{column}: {row[column]!r} -> {value!r}")
                row[column] = value

    out = io.StringIO()
    out.write("".join(line + "\n" for line in comments))
    writer = csv.DictWriter(out, fieldnames=fields, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue(), changes


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("codelist", type=Path, help="path to countrycode's codelist_without_cldr.csv")
    parser.add_argument("--table", type=Path, default=TABLE, help="countries.csv to refresh")
    parser.add_argument("--write", action="store_true", help="write the changes (default: only report)")
    args = parser.parse_args(argv)

    new_text, changes = refresh(args.codelist, args.table)
    for change in changes:
        print(change, file=sys.stderr)
    real = [c for c in changes if "left as is" not in c]
    if args.write:
        args.table.write_text(new_text, encoding="utf-8")
        print(f"{args.table}: {len(real)} value(s) updated", file=sys.stderr)
        return 0
    return 1 if real else 0


if __name__ == "__main__":
    sys.exit(main())
