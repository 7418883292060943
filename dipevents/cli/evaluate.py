"""``dipevents eval GOLD``: score the text parser against a gold set (see docs/evaluation.md)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "eval",
        help="score the parser against gold events: P/R/F1 per action, date accuracy",
        description=(
            "Parse every document of a gold set (a folder with gold.jsonl and articles.jsonl) and print "
            "precision, recall and F1 per action and overall, and date accuracy. "
            "Example: dipevents eval fixtures/seeds --verbose"
        ),
    )
    p.add_argument("gold", type=Path, metavar="GOLD", help="gold set folder, or its gold.jsonl")
    p.add_argument(
        "--verbose", dest="details", action="store_true", help="also list misses, false alarms and date errors"
    )
    p.add_argument("--json", action="store_true", help="print the full report as JSON")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from dipevents.evaluation import evaluate, load_gold

    gold = load_gold(args.gold)
    try:
        import dipevents.parsing  # noqa: F401  (the parser is a separate, optional layer)
    except ImportError as exc:
        print(f"dipevents eval: error: the text parser is unavailable ({exc})", file=sys.stderr)
        return 2
    report = evaluate(gold)
    for doc_id, msg in report.parse_errors.items():
        print(f"dipevents eval: parser failed on {doc_id}: {msg}", file=sys.stderr)
    if args.json:
        json.dump(report.to_dict(), sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    else:
        print(report.to_text(verbose=args.details))
    return 0
