"""``dipevents ask "QUESTION"`` and ``dipevents sql "SELECT ..."``: questions and raw SQL.

Both open the store read-only. Answers and rows go to stdout; the SQL shown by
``--show-sql`` goes to stdout with the table format (as ``--`` comments) and to
stderr with the machine formats, so CSV/JSON/Parquet output stays clean.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path
from typing import Any, TextIO

import pyarrow as pa

from dipevents.errors import QueryError

_ASK_FORMATS = ("table", "csv", "json")
_SQL_FORMATS = (*_ASK_FORMATS, "parquet")


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    ask = sub.add_parser(
        "ask",
        help="answer a question in plain English, with sources and evidence",
        description="Answer a question from the event store. Run with a question it cannot read to see the forms.",
        epilog='example: dipevents ask "Which states backed Albania when it cut ties with Iran?" --show-sql',
    )
    ask.add_argument("question", help='e.g. "Which states backed Albania?"')
    ask.add_argument("--show-sql", action="store_true", help="also print the SQL and the values bound to it")
    ask.add_argument("--store", type=Path, default=None, help="store folder (default: the embedded store)")
    ask.add_argument("--format", choices=_ASK_FORMATS, default="table", help="output format (default: table)")
    ask.set_defaults(func=run_ask)

    sql = sub.add_parser(
        "sql",
        help="run a read-only DuckDB SQL query over the store",
        description="Run one read-only SQL query over the views events, mentions, actions, countries and igos.",
        epilog='example: dipevents sql "SELECT action, count(*) AS n FROM events GROUP BY action ORDER BY n DESC"',
    )
    sql.add_argument("query", help="one SELECT (or WITH/FROM/EXPLAIN/PRAGMA) statement")
    sql.add_argument("--store", type=Path, default=None, help="store folder (default: the embedded store)")
    sql.add_argument("--format", choices=_SQL_FORMATS, default="table", help="output format (default: table)")
    sql.add_argument("--output", type=Path, default=None, help="write to FILE instead of stdout (parquet needs it)")
    sql.set_defaults(func=run_sql)


def run_ask(args: argparse.Namespace) -> int:
    from dipevents.questions import ask

    answer = ask(args.question, store=args.store)  # None: the embedded store, opened read-only
    if args.show_sql:
        shown = sql_text(answer.query.sql, answer.query.params)
        print(shown, file=sys.stdout if args.format == "table" else sys.stderr)
    table = answer.table
    if args.format == "table":
        columns = [c for c in answer.columns if c in table.column_names]
        print(f"Q: {args.question.strip()}")
        if table.num_rows == 0:
            print("No events in the store answer this question.", file=sys.stderr)
            return 0
        write_table(table.select(columns), sys.stdout)
        print(f"({table.num_rows} row{'s' if table.num_rows != 1 else ''})")
        return 0
    _write(table, args.format, sys.stdout)
    return 0


def run_sql(args: argparse.Namespace) -> int:
    from dipevents.query import sql

    table = sql(args.query, store=args.store)
    if args.format == "parquet":
        if args.output is None:
            raise QueryError("--format parquet needs --output FILE (Parquet is binary)")
        import pyarrow.parquet as pq

        pq.write_table(table, args.output)
        print(f"wrote {table.num_rows} rows to {args.output}", file=sys.stderr)
        return 0
    if args.output is not None:
        with args.output.open("w", encoding="utf-8", newline="") as out:
            _write(table, args.format, out)
        print(f"wrote {table.num_rows} rows to {args.output}", file=sys.stderr)
        return 0
    _write(table, args.format, sys.stdout)
    return 0


def sql_text(sql: str, params: dict[str, Any]) -> str:
    """The SQL as it ran, with its bound parameters listed as comments."""
    bound = "\n".join(f"--   ${name} = {_show(value)}" for name, value in params.items())
    return f"-- SQL (values are bound as parameters, never pasted into the text):\n{sql};\n-- parameters:\n{bound}\n"


def _show(value: Any) -> str:
    if isinstance(value, dt.date):
        return repr(value.isoformat())
    return repr(value)


def _write(table: pa.Table, fmt: str, out: TextIO) -> None:
    if fmt == "table":
        write_table(table, out)
    elif fmt == "csv":
        write_csv(table, out)
    else:
        json.dump(table.to_pylist(), out, default=_json_default, ensure_ascii=False, indent=1)
        out.write("\n")


def _json_default(value: Any) -> Any:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return str(value)


def write_csv(table: pa.Table, out: TextIO) -> None:
    """CSV with a header row; lists are written as 'a|b'."""
    import csv

    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(table.column_names)
    for row in table.to_pylist():
        writer.writerow(_cell(v) for v in row.values())


def write_table(table: pa.Table, out: TextIO, *, max_width: int = 48) -> None:
    """An aligned text table; every column but the last is cut to ``max_width`` characters,
    the last (the evidence, where present) is printed whole."""
    names = table.column_names
    rows = [[_cell(v) for v in row.values()] for row in table.to_pylist()]
    last = len(names) - 1
    widths = []
    for i, name in enumerate(names):
        cells = [r[i] for r in rows]
        width = max([len(name), *(len(c) for c in cells)])
        widths.append(width if i == last else min(width, max_width))

    def line(cells: list[str]) -> str:
        parts = []
        for i, cell in enumerate(cells):
            text = cell if i == last or len(cell) <= widths[i] else cell[: widths[i] - 1] + "…"
            parts.append(text if i == last else text.ljust(widths[i]))
        return "  ".join(parts).rstrip()

    out.write(line(names) + "\n")
    out.write(line(["-" * (w if i < last else min(w, max_width)) for i, w in enumerate(widths)]) + "\n")
    for r in rows:
        out.write(line(r) + "\n")


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return "|".join(_cell(v) for v in value)
    if isinstance(value, float):
        return f"{value:g}"
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return " ".join(str(value).split())
