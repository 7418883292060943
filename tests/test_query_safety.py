"""Injection strings through every helper, ``ask`` and the CLI leave the store untouched.

User text is bound as DuckDB parameters and never formatted into SQL, so hostile input
can only fail to match (an empty answer) or raise a dipevents error; every file of the
store must be byte-identical afterwards.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from dipevents import query, questions
from dipevents.errors import DipeventsError
from tests._querykit import build_store, seed_events

INJECTIONS = [
    "'; DROP TABLE events; --",
    "'; DROP VIEW events; --",
    "ALB' OR '1'='1",
    'ALB" OR "1"="1',
    "ALB’ OR ‘1’=‘1",  # unicode quotes
    "ALB'); COPY events TO '/tmp/dipevents-pwned.csv'; --",
    "$target",
    "ALB; ATTACH 'x.duckdb' AS x",
    "A" * 10_000,
    "Albania" + "'" * 500,
    "\x00ALB",
]


def _fingerprint(root: Path) -> dict[str, str]:
    return {
        str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


@pytest.fixture(scope="module")
def store_root(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Any]:
    root = tmp_path_factory.mktemp("store")
    return root, build_store(seed_events(), root)


def _calls(bad: str, store: Any) -> list[tuple[str, Callable[[], Any]]]:
    return [
        ("supporters", lambda: query.supporters(bad, store=store)),
        ("supporters of_target", lambda: query.supporters("ALB", of_action="sever_ties", of_target=bad, store=store)),
        ("supporters actor_type", lambda: query.supporters("ALB", actor_type=bad, store=store)),
        ("supporters since", lambda: query.supporters("ALB", since=bad, store=store)),
        ("condemners", lambda: query.condemners(bad, store=store)),
        ("find_events actor", lambda: query.find_events(actor=bad, store=store)),
        ("find_events target", lambda: query.find_events(target=bad, store=store)),
        ("find_events action", lambda: query.find_events(action=bad, store=store)),
        ("find_events until", lambda: query.find_events(until=bad, store=store)),
        ("reactions", lambda: query.reactions(bad, "sever_ties", "IRN", "2022-09-07", store=store)),
        ("reactions target", lambda: query.reactions("ALB", "sever_ties", bad, store=store)),
        ("reactions date", lambda: query.reactions("ALB", "sever_ties", "IRN", bad, store=store)),
        ("timeline", lambda: query.timeline(bad, "IRN", store=store)),
        ("dyad_counts freq", lambda: query.dyad_counts(bad, store=store)),  # type: ignore[arg-type]
        ("dyad_counts actions", lambda: query.dyad_counts(actions=[bad], store=store)),
        ("ask backed", lambda: questions.ask(f"Which states backed {bad}?", store=store)),
        ("ask what did", lambda: questions.ask(f"What did {bad} do to Iran?", store=store)),
        ("ask raw", lambda: questions.ask(bad, store=store)),
    ]


@pytest.mark.parametrize("bad", INJECTIONS, ids=range(len(INJECTIONS)))
def test_injection_strings_change_nothing(store_root: tuple[Path, Any], bad: str) -> None:
    root, store = store_root
    before = _fingerprint(root)
    assert before, "the test store has files to protect"
    for name, call in _calls(bad, store):
        try:
            result = call()
        except DipeventsError:
            continue  # refused with a dipevents error: fine
        table = result.table if hasattr(result, "table") else result
        assert table.num_rows == 0, (name, bad[:40])
    assert _fingerprint(root) == before
    assert not Path("/tmp/dipevents-pwned.csv").exists()
    # The store still answers.
    assert sorted(query.supporters("ALB", store=store).column("actor").to_pylist()) == ["GBR", "USA"]


def test_raw_sql_cannot_write(store_root: tuple[Path, Any], tmp_path: Path) -> None:
    root, store = store_root
    before = _fingerprint(root)
    target = tmp_path / "copied.csv"
    for statement in [
        f"COPY events TO '{target}'",
        "DROP VIEW events",
        "DELETE FROM events",
        "UPDATE events SET actor = 'XXX'",
        "CREATE TABLE events2 AS FROM events",
        "SELECT 1; DROP VIEW events",
    ]:
        with pytest.raises(DipeventsError):
            query.sql(statement, store=store)
    assert not target.exists()
    assert _fingerprint(root) == before
