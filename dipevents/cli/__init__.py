"""The ``dipevents`` command: a thin layer over the library.

stdout carries data, stderr carries messages. Exit codes: 0 success, 1 the command ran
but found a problem (for example a failed check), 2 bad arguments or input.
Each sub-command lives in its own module with a ``register(subparsers)`` function.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import sys

from dipevents import __version__
from dipevents.errors import DipeventsError

# Modules that add sub-commands, in the order they appear in --help.
_COMMAND_MODULES = [
    "dipevents.cli.demo",
    "dipevents.cli.parse",
    "dipevents.cli.store",
    "dipevents.cli.evaluate",
    "dipevents.cli.query",
    "dipevents.cli.imports",
]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="dipevents",
        description="Turn reports of diplomatic acts into a typed, queryable event dataset.",
    )
    parser.add_argument("--version", action="version", version=f"dipevents {__version__}")
    parser.add_argument("-v", "--verbose", action="store_true", help="log progress details on stderr")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name in _COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )
    try:
        return int(args.func(args) or 0)
    except DipeventsError as exc:
        print(f"dipevents {args.command}: error: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # e.g. piped into `head`
        return 0
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    raise SystemExit(main())
