"""Benchmark: GDELT import against a plain pyarrow CSV -> Parquet conversion of the same file.

Generates a GDELT 2.0-shaped export (61 tab-separated columns, no header) with a realistic
mix of event codes (about 4% of rows carry a code the crosswalk maps) and actor codes, then
runs two legs, each in its own subprocess so that peak memory (``ru_maxrss``) is measured
per leg:

* ``raw``: ``pyarrow.csv.open_csv`` (every column a string) streamed into a
  ``pyarrow.parquet.ParquetWriter`` -- the cheapest way to turn the file into Parquet;
* ``import``: :func:`dipevents.importers.import_gdelt` into a fresh store (mapping, validation,
  dedup, mentions, Parquet commit);
* ``import-keep``: the same with ``keep_unmapped=True`` (every unmapped row written to Parquet too).

Targets (issue 6): import time within 2x of the raw conversion, peak memory under 1 GiB.

    python benchmarks/bench_import.py            # 5,000,000 rows (~2.4 GB of text, a few minutes)
    python benchmarks/bench_import.py --rows 200000
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

# Event-code mix. The first group maps to actions (~4% of rows, as in GDELT, where 05x praise,
# 11x criticism, 10x demands and 13x threats are most of the diplomatic share).
_MAPPED = {"051": 14, "111": 10, "112": 6, "100": 4, "130": 3, "1121": 1, "163": 1, "161": 0.4, "016": 1, "054": 0.2}
_OTHER = {"010": 120, "020": 40, "036": 35, "040": 110, "042": 70, "043": 70, "046": 40, "050": 20, "057": 15,
          "173": 60, "190": 40, "193": 20, "120": 15, "0311": 5, "1031": 3, "080": 8, "141": 20, "180": 15}  # fmt: skip
_ACTORS = ["USA", "USAGOV", "CHN", "CHNGOV", "RUS", "RUSGOV", "GBR", "FRA", "DEU", "IRN", "ISR", "IND", "PAK",
           "TUR", "UKR", "IGOWSTNAT", "IGOUNO", "USAMED", "GBRMED", "CVL", "COP", "GOV", "USACOP", "JUD",
           "USALEG", "EUR", "", "", ""]  # fmt: skip
_NAMES = {"USA": "UNITED STATES", "CHN": "CHINA", "RUS": "RUSSIA", "GBR": "UNITED KINGDOM", "FRA": "FRANCE"}


def _row(rng: random.Random, ident: int, codes: list[str], weights: list[float]) -> str:
    code = rng.choices(codes, weights)[0]
    a1, a2 = rng.choice(_ACTORS), rng.choice(_ACTORS)
    day = f"2024{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}"
    geo = "4\tMoscow, Moskva, Russia\tRS\tRS48\t25112\t55.7522\t37.6156\t-2960561"
    actor = lambda c: [c, _NAMES.get(c[:3], c), c[:3], "", "", "", "", c[3:6], "", ""]  # noqa: E731
    cols = [str(ident), day, day[:6], day[:4], f"{day[:4]}.{rng.randint(1000, 9999)}"]
    cols += actor(a1) + actor(a2)
    cols += ["1", code, code[:3], code[:2], str(rng.randint(1, 4)), f"{rng.uniform(-10, 10):.1f}", "4", "1", "4",
             f"{rng.uniform(-10, 5):.6f}"]  # fmt: skip
    cols += geo.split("\t") * 3
    cols += ["20250807220000", f"https://news.example.com/{ident}/story-{rng.randint(1, 10**9)}.html"]
    return "\t".join(cols)


def generate(path: Path, rows: int, seed: int = 6) -> None:
    rng = random.Random(seed)
    codes = list(_MAPPED) + list(_OTHER)
    weights = list(_MAPPED.values()) + list(_OTHER.values())
    with path.open("w", encoding="utf-8") as out:
        chunk = []
        for i in range(rows):
            chunk.append(_row(rng, 1_000_000_000 + i, codes, weights))
            if len(chunk) == 50_000:
                out.write("\n".join(chunk) + "\n")
                chunk = []
        if chunk:
            out.write("\n".join(chunk) + "\n")


def leg_raw(src: Path, work: Path) -> dict[str, object]:
    import pyarrow as pa
    import pyarrow.csv as pcsv
    import pyarrow.parquet as pq

    from dipevents.importers.gdelt import BLOCK_BYTES, GDELT2_COLUMNS  # same block size: a fair comparison

    reader = pcsv.open_csv(
        src,
        read_options=pcsv.ReadOptions(column_names=list(GDELT2_COLUMNS), block_size=BLOCK_BYTES),
        parse_options=pcsv.ParseOptions(delimiter="\t", quote_char=False),
        convert_options=pcsv.ConvertOptions(column_types=dict.fromkeys(GDELT2_COLUMNS, pa.string())),
    )
    rows = 0
    with pq.ParquetWriter(work / "raw.parquet", reader.schema) as writer:
        for batch in reader:
            writer.write_batch(batch)
            rows += batch.num_rows
    return {"rows": rows}


def leg_import(src: Path, work: Path, *, keep_unmapped: bool = False) -> dict[str, object]:
    from dipevents.importers import import_gdelt

    store = work / ("store-keep" if keep_unmapped else "store")
    report = import_gdelt([src], store, keep_unmapped=keep_unmapped)
    assert report.reconciles(), report.summary()
    return {"rows": report.rows_read, "summary": report.summary(), "imported": report.imported}


def child(leg: str, src: Path, work: Path) -> None:
    start = time.perf_counter()
    legs = {"raw": leg_raw, "import": leg_import, "import-keep": lambda s, w: leg_import(s, w, keep_unmapped=True)}
    out = legs[leg](src, work)
    out["seconds"] = time.perf_counter() - start
    out["peak_rss_mib"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    print(json.dumps(out))


def run_leg(leg: str, src: Path, work: Path) -> dict[str, object]:
    proc = subprocess.run(
        [sys.executable, __file__, "--leg", leg, str(src), str(work)], capture_output=True, text=True, check=False
    )
    if proc.returncode:
        sys.exit(f"leg {leg} failed:\n{proc.stderr}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=5_000_000)
    parser.add_argument("--leg", nargs=3, metavar=("LEG", "SRC", "WORK"), help=argparse.SUPPRESS)
    parser.add_argument("--keep", action="store_true", help="keep the generated file and outputs")
    args = parser.parse_args()
    if args.leg:
        child(args.leg[0], Path(args.leg[1]), Path(args.leg[2]))
        return
    work = Path(tempfile.mkdtemp(prefix="dipevents-bench-import-"))
    try:
        src = work / "bench.export.CSV"
        t0 = time.perf_counter()
        generate(src, args.rows)
        size = src.stat().st_size
        print(f"generated {args.rows:,} GDELT 2.0 rows ({size / 2**20:,.0f} MiB) in {time.perf_counter() - t0:.0f} s")
        raw = run_leg("raw", src, work)
        imp = run_leg("import", src, work)
        keep = run_leg("import-keep", src, work)
        legs = (
            ("raw pyarrow CSV -> Parquet", raw),
            ("import_gdelt into a store", imp),
            ("  same, --keep-unmapped", keep),
        )
        for name, leg in legs:
            rate = leg["rows"] / leg["seconds"]
            print(f"{name:28s} {leg['seconds']:7.1f} s  {rate:12,.0f} rows/s  peak RSS {leg['peak_rss_mib']:7.0f} MiB")
        ratio = max(imp["seconds"], keep["seconds"]) / raw["seconds"]
        print(imp["summary"])
        peak = max(imp["peak_rss_mib"], keep["peak_rss_mib"])
        print(f"slowest import / raw time: {ratio:.2f}x (target <= 2x); import peak RSS {peak:.0f} MiB "
              f"(target < 1024 MiB)")  # fmt: skip
        ok = ratio <= 2.0 and max(imp["peak_rss_mib"], keep["peak_rss_mib"]) < 1024
        print("targets met" if ok else "TARGETS MISSED")
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
