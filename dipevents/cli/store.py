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
from collections.abc import Callable
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


def progress_bar(stream: TextIO, label: str) -> Callable[[int, int], None]:
    """A progress callback drawing ``label [#####     ] done/total`` on a terminal."""
    started = time.monotonic()
    show = stream.isatty()

    def update(done: int, total: int) -> None:
        if not show or time.monotonic() - started < _BAR_AFTER_SECONDS:
            return
        width = 30
        filled = int(width * done / total) if total else 0
        end = "\n" if total and done >= total else ""
        stream.write(f"\r{label} [{'#' * filled}{' ' * (width - filled)}] {done}/{total}{end}")
        stream.flush()

    return update


def run_ingest(args: argparse.Namespace) -> int:
    from dipevents.store import EventStore

    store = EventStore(args.store)
    progress = None if args.no_progress else progress_bar(sys.stderr, "ingest")
    report = store.ingest(args.paths, progress=progress)
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
    for key in ("path", "version", "events", "mentions", "documents", "files", "bytes", "rejects_files",
                "verified_files"):
        if key in stats:
            print(f"{key:<15}{stats[key]}")
    for key in ("by_action", "by_year"):
        print(f"{key}:")
        for name, count in stats[key].items():
            print(f"  {name:<24}{count}")
    return status
