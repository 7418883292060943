"""``dipevents demo``: the main job, run by ``make demo``.

Parses the seed articles into the store (the embedded default, a folder given with
``--store``, or a throw-away one with ``--temp``), then answers "Which states backed
Albania?" from it: each state with its number of sources and one evidence sentence,
and the SQL behind the answer. Re-running adds nothing: the store keeps each report once.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from dipevents.store import EventStore

QUESTION = "Which states backed Albania?"
_SUFFIXES = {".txt", ".html", ".htm", ".json"}


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "demo",
        help="build a store from the seed articles and answer 'Which states backed Albania?'",
        description="Parse the seed articles into a store and answer 'Which states backed Albania?' from it.",
    )
    p.add_argument("seeds", nargs="?", type=Path, default=Path("seeds"), help="folder of articles (default: seeds)")
    where = p.add_mutually_exclusive_group()
    where.add_argument("--store", type=Path, default=None, help="store folder (default: the embedded store)")
    where.add_argument("--temp", action="store_true", help="use a temporary store, removed afterwards")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    paths = sorted(p for p in args.seeds.iterdir() if p.suffix in _SUFFIXES) if args.seeds.is_dir() else []
    if not paths:
        print(f"dipevents demo: no articles (.txt, .html, .json) in {args.seeds}", file=sys.stderr)
        return 2
    if args.temp:
        with tempfile.TemporaryDirectory(prefix="dipevents-demo-") as tmp:
            return _demo(paths, Path(tmp) / "store", kept=False)
    return _demo(paths, args.store)


def _demo(paths: list[Path], store_path: Path | None, *, kept: bool = True) -> int:
    from dipevents.cli.query import sql_text, write_table
    from dipevents.questions import ask
    from dipevents.store import EventStore

    store = EventStore(store_path)
    report = store.ingest(paths)
    print(f"dipevents demo: {len(paths)} seed articles into {store.path}: {report}", file=sys.stderr)
    if report.read and not report.stored and report.merged == report.read:
        print("dipevents demo: the store already held every event of the seeds; nothing was added", file=sys.stderr)

    reader = EventStore(store.path, read_only=True)
    answer = ask(QUESTION, store=reader)
    print(f"Q: {QUESTION}\n")
    if answer.table.num_rows == 0:
        print("No state in the seed articles is coded as backing Albania.", file=sys.stderr)
        return 1
    write_table(answer.table.select(["actor_name", "n_sources", "n_documents", "evidence"]), sys.stdout)
    print()
    _print_sources(reader, answer.table.column("actor").to_pylist())
    print(sql_text(answer.query.sql, answer.query.params))
    where = f" --store {store.path}" if store_path is not None and kept else ""
    print("Try next:")
    print(f'  dipevents ask "Which states backed Albania when it cut ties with Iran?"{where} --show-sql')
    print(f'  dipevents ask "What did Albania do to Iran?"{where}')
    print(f'  dipevents sql "SELECT actor, action, target, date, n_sources FROM events ORDER BY date"{where}')
    return 0


def _print_sources(store: EventStore, actors: list[str]) -> None:
    """Every report behind each supporter: document, publisher and date where known, and its sentence."""
    rows = store.sql(
        """SELECT e.actor, coalesce(c.name, e.actor) AS name, m.doc_id, m.publisher, m.published, m.sentence
           FROM events AS e JOIN mentions AS m USING (event_id)
           LEFT JOIN countries AS c ON c.iso3 = e.actor
           WHERE e.action = 'support' AND e.target = 'ALB' AND list_contains($actors, e.actor)
           ORDER BY list_position($actors, e.actor), m.published NULLS LAST, m.doc_id""",
        params={"actors": actors},
    ).to_pylist()
    print("Sources:")
    for actor in actors:
        mine = [r for r in rows if r["actor"] == actor]
        if not mine:
            continue
        print(f"  {mine[0]['name']}:")
        for r in mine:
            meta = ", ".join(str(v) for v in (r["publisher"], r["published"]) if v)
            print(f"    [{r['doc_id']}{' | ' + meta if meta else ''}] {r['sentence']}")
    print()
