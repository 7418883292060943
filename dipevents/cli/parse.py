"""``dipevents parse PATH... [--published DATE] [--format jsonl|csv|table]``.

Prints the events of each file on stdout (one JSON object per line, CSV with a header, or
an aligned table) and a per-file count on stderr. A file that cannot be read is reported
on stderr and the others are still parsed; the exit code is then 2.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import sys
from pathlib import Path

from dipevents.errors import DipeventsError

_COLUMNS = ["doc_id", "date", "date_precision", "actor", "action", "target", "salience", "rule", "sentence"]


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{value!r} is not a date; use YYYY-MM-DD, e.g. --published 2022-09-07"
        ) from None


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "parse",
        help="code the diplomatic events of news articles (.txt, .html, .json)",
        description="Code the diplomatic events of news articles. Events go to stdout, messages to stderr.",
    )
    p.add_argument("paths", nargs="+", type=Path, metavar="PATH", help="article files (.txt, .html, .json)")
    p.add_argument("--published", type=_date, help="publication date for files without one (YYYY-MM-DD)")
    p.add_argument(
        "--format", choices=["jsonl", "csv", "table"], default="jsonl", help="output format (default: jsonl)"
    )
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from dipevents.parsing.api import parse_text
    from dipevents.parsing.files import read_documents

    out = sys.stdout
    writer = None
    if args.format == "csv":
        writer = csv.DictWriter(out, fieldnames=_COLUMNS, extrasaction="ignore", lineterminator="\n")
        writer.writeheader()
    status = 0
    for path in args.paths:
        try:
            docs = read_documents(path)
        except DipeventsError as exc:
            print(f"dipevents parse: error: {exc}", file=sys.stderr)
            status = 2
            continue
        n = 0
        for doc in docs:
            published = doc["published"] or args.published
            events = parse_text(
                doc["text"], doc_id=doc["doc_id"], url=doc["url"], publisher=doc["publisher"], published=published
            )
            for ev in events:
                row = ev.model_dump(mode="json")
                if args.format == "jsonl":
                    out.write(json.dumps(row, ensure_ascii=False) + "\n")
                elif writer is not None:
                    writer.writerow(row)
                else:
                    date = row["date"] or "?"
                    out.write(f"{date:<10}  {ev.actor:>11} {ev.action:<23} {ev.target:<11} {ev.doc_id}\n")
            n += len(events)
        print(f"{path}: {n} events from {len(docs)} document(s)", file=sys.stderr)
    return status
