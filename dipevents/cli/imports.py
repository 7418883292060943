"""``dipevents import gdelt|icews|plover FILE...``: other datasets into the store.

The summary line (rows read, imported, unmapped by reason, rejected) goes to stdout, or the
whole report as JSON with ``--json``; progress and notes go to stderr. Exit code 2 when a
file is not of the format named (nothing is stored then).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from dipevents.importers import ImportBatch, ImportReport

_FORMATS = ("gdelt", "icews", "plover")
_HELP = {
    "gdelt": "GDELT 1.0/2.0 event exports (tab-separated, no header; .zip and .gz too)",
    "icews": "ICEWS coded-event files (tab-separated, with a header)",
    "plover": "PLOVER JSON records (a JSON array, JSON Lines or concatenated objects)",
}


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "import",
        help="import GDELT, ICEWS or PLOVER files into the store",
        description="Map GDELT, ICEWS or PLOVER records to dipevents events and store them. Rows that do not "
        "map are counted by reason (see docs/importers.md); --keep-unmapped also keeps them.",
        epilog="example: dipevents import gdelt 20250807220000.export.CSV.zip --store events/ --keep-unmapped",
    )
    p.add_argument("format", choices=_FORMATS, help="; ".join(f"{k}: {v}" for k, v in _HELP.items()))
    p.add_argument("files", nargs="+", type=Path, metavar="FILE", help="files to import")
    p.add_argument("--store", type=Path, default=None, help="store folder (default: the embedded store)")
    p.add_argument(
        "--keep-unmapped",
        action="store_true",
        help="keep rows that do not map, with their original codes and the reason, in STORE/unmapped/",
    )
    p.add_argument("--json", action="store_true", help="print the full report as JSON instead of the summary line")
    p.add_argument("--no-progress", action="store_true", help="no progress bar on stderr")
    p.set_defaults(func=run)


class _Bar:
    """A one-line progress display on stderr: files done, rows read and imported, speed."""

    def __init__(self, files: list[Path], stream: TextIO) -> None:
        self.files = [f.name for f in files]
        self.stream = stream
        self.start = time.monotonic()
        self.last = 0.0

    def __call__(self, report: ImportReport, batch: ImportBatch) -> None:
        now = time.monotonic()
        if now - self.last < 0.2:
            return
        self.last = now
        name = batch.source_file.split(":", 1)[0]
        index = self.files.index(name) + 1 if name in self.files else 1
        done = (index - 1 + (batch.fraction or 0.0)) / max(len(self.files), 1)
        width = 20
        filled = int(done * width)
        speed = report.rows_read / max(now - self.start, 1e-9)
        mapped = report.rows_read - report.unmapped_total
        self.stream.write(
            f"\r[{'#' * filled}{'.' * (width - filled)}] {done:4.0%} file {index}/{len(self.files)} {name[:40]}: "
            f"{report.rows_read:,} rows read, {mapped:,} mapped ({speed:,.0f} rows/s)   "
        )
        self.stream.flush()

    def close(self) -> None:
        if self.last:
            self.stream.write("\n")
            self.stream.flush()


def run(args: argparse.Namespace) -> int:
    from dipevents.importers import import_gdelt, import_icews, import_plover

    fn = {"gdelt": import_gdelt, "icews": import_icews, "plover": import_plover}[args.format]
    bar = None if args.no_progress or not sys.stderr.isatty() else _Bar(args.files, sys.stderr)
    try:
        report = fn(args.files, args.store, keep_unmapped=args.keep_unmapped, progress=bar)
    finally:
        if bar is not None:
            bar.close()
    if args.json:
        print(json.dumps(report.as_dict(), indent=2))
    else:
        print(report.summary())
    if report.coarse:
        print(
            f"note: {report.coarse} imported rows carry a coarse action (reduce_relations, accuse_unspecified): "
            "the source does not say which finer action it was",
            file=sys.stderr,
        )
    if report.unmapped_path:
        print(f"unmapped rows kept in {report.unmapped_path}", file=sys.stderr)
    if report.rejects_path:
        print(f"rejected rows and reasons in {report.rejects_path}", file=sys.stderr)
    return 0
