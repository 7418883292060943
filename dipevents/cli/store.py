"""``dipevents ingest PATH... [--store DIR]`` and ``dipevents stats [--store DIR]``.

``ingest`` parses documents into the store, showing a progress bar on stderr when it
is a terminal and the run is long, and ends with one summary line on stderr. ``stats``
prints the store's counts on stdout (text, or JSON with ``--json``). ``--store``
defaults to ``$DIPEVENTS_STORE``, else the per-user data directory.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import TextIO

_BAR_AFTER_SECONDS = 1.0  # no bar for short runs: it would only flicker


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    ingest = sub.add_parser(
        "ingest",
        help="parse documents and add their events to the store",
        description="Parse documents (files or folders) and add their events to the store. "
        "Re-ingesting a document adds nothing. Example: dipevents ingest articles/ --store ./events",
    )
    ingest.add_argument("paths", nargs="+", type=Path, metavar="PATH", help="document or folder of documents")
    ingest.add_argument("--store", type=Path, default=None, help="store folder (default: the embedded store)")
    ingest.add_argument("--no-progress", action="store_true", help="never draw a progress bar")
    ingest.set_defaults(func=run_ingest)

    stats = sub.add_parser(
        "stats",
        help="counts of the store: events, mentions, documents, files, by action and year",
        description="Show what the store holds. Example: dipevents stats --store ./events --json",
    )
    stats.add_argument("--store", type=Path, default=None, help="store folder (default: the embedded store)")
    stats.add_argument("--json", action="store_true", help="print JSON instead of text")
    stats.add_argument("--verify", action="store_true", help="also read every file in full (exit 1 if one is bad)")
    stats.add_argument("--compact", action="store_true", help="first merge small files (data unchanged)")
    stats.set_defaults(func=run_stats)


class ProgressBar:
    """A progress callback drawing ``label [#####     ] done/total`` on a terminal.

    Nothing is drawn when ``stream`` is not a terminal or before ``after`` seconds, so
    short runs and logs stay clean; :meth:`close` ends a drawn line before the summary.
    """

    def __init__(self, stream: TextIO, label: str, *, after: float | None = None, width: int = 30) -> None:
        self.stream = stream
        self.label = label
        self.after = _BAR_AFTER_SECONDS if after is None else after
        self.width = width
        self.started = time.monotonic()
        self.show = stream.isatty()
        self.drawn = False

    def __call__(self, done: int, total: int) -> None:
        if not self.show or time.monotonic() - self.started < self.after:
            return
        filled = min(self.width, self.width * done // total) if total else 0
        self.stream.write(f"\r{self.label} [{'#' * filled}{' ' * (self.width - filled)}] {done}/{total}")
        self.stream.flush()
        self.drawn = True

    def close(self) -> None:
        if self.drawn:
            self.stream.write("\n")
            self.stream.flush()
            self.drawn = False


def run_ingest(args: argparse.Namespace) -> int:
    from dipevents.store import EventStore

    store = EventStore(args.store)
    bar = None if args.no_progress else ProgressBar(sys.stderr, "ingest")
    try:
        report = store.ingest(args.paths, progress=bar)
    finally:
        if bar is not None:
            bar.close()
    print(f"dipevents ingest: {report}", file=sys.stderr)
    return 1 if report.rejected or report.failed_documents else 0


def run_stats(args: argparse.Namespace) -> int:
    from dipevents.errors import CorruptFileError
    from dipevents.store import EventStore

    store = EventStore(args.store, read_only=not args.compact)
    if args.compact:
        done = store.compact()
        print(f"dipevents stats: compacted {done['files_before']} files into {done['files_after']}", file=sys.stderr)
    stats = store.stats()
    status = 0
    if args.verify:
        try:
            stats["verified_files"] = store.verify()
        except CorruptFileError as exc:
            print(f"dipevents stats: {exc}", file=sys.stderr)
            status = 1
    if args.json:
        json.dump(stats, sys.stdout, indent=2)
        sys.stdout.write("\n")
        return status
    for key in (
        "path",
        "version",
        "events",
        "mentions",
        "documents",
        "files",
        "bytes",
        "rejects_files",
        "verified_files",
    ):
        if key in stats:
            print(f"{key:<15}{stats[key]}")
    for key in ("by_action", "by_year"):
        print(f"{key}:")
        for name, count in stats[key].items():
            print(f"  {name:<24}{count}")
    return status
