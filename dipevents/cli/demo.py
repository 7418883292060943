"""``dipevents demo``: the main job on the embedded default, run by ``make demo``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("demo", help="parse the seed articles and print their events")
    p.add_argument("seeds", nargs="?", type=Path, default=Path("seeds"), help="folder of articles (default: seeds)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from dipevents.parsing import parse_file

    paths = sorted(p for p in args.seeds.iterdir() if p.suffix in {".txt", ".html", ".json"})
    if not paths:
        print(f"dipevents demo: no articles in {args.seeds}", file=sys.stderr)
        return 2
    for path in paths:
        for ev in parse_file(path):
            print(f"{ev.date}  {ev.actor:>5} {ev.action:<24} {ev.target:<5}  {path.name}")
    return 0
