"""``dipevents ask``, ``dipevents sql`` and ``dipevents demo`` through the real CLI entry point.

The ask/sql tests use a store built from the gold events of the seed articles
(``tests/_querykit.py``); the demo test runs the whole main job (parser + store + query)
on ``seeds/`` into a temporary store.
"""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from dipevents.cli import main
from tests._querykit import REPO, build_store, real_store_class, seed_events

pytestmark = pytest.mark.skipif(real_store_class() is None, reason="dipevents.store is not available")


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory: pytest.TempPathFactory) -> str:
    root = tmp_path_factory.mktemp("cli-store")
    build_store(seed_events(), root)
    return str(root)


def test_ask_prints_a_table_with_sources_and_evidence(store_dir: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ask", "Which states backed Albania?", "--store", store_dir]) == 0
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert lines[0] == "Q: Which states backed Albania?"
    assert lines[1].split()[:4] == ["actor_name", "n_sources", "n_documents", "first_date"]
    body = "\n".join(lines[3:])
    assert "United States" in body and "United Kingdom" in body
    assert "have supported Albania’s decision" in body
    assert lines[-1] == "(2 rows)"


def test_ask_show_sql_binds_values(store_dir: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ask", "Which states backed Albania?", "--store", store_dir, "--show-sql"]) == 0
    out = capsys.readouterr().out
    assert "e.target = $target" in out
    assert "--   $target = 'ALB'" in out


def test_ask_json_keeps_stdout_clean(store_dir: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ask", "who backed albania", "--store", store_dir, "--format", "json", "--show-sql"]) == 0
    captured = capsys.readouterr()
    rows = json.loads(captured.out)
    assert {r["actor"] for r in rows} == {"USA", "GBR", "american-jewish-committee"}
    assert "$target" in captured.err


def test_unreadable_question_exits_2_with_the_forms(store_dir: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ask", "How is the weather in Tirana?", "--store", store_dir]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "Which states backed Albania when it cut ties with Iran?" in captured.err
    assert "Traceback" not in captured.err


def test_sql_formats(store_dir: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    query = "SELECT actor, count(*) AS n FROM events WHERE target = 'ALB' GROUP BY actor ORDER BY actor"
    assert main(["sql", query, "--store", store_dir, "--format", "csv"]) == 0
    csv_lines = capsys.readouterr().out.splitlines()
    assert csv_lines[0] == "actor,n"
    assert {line.split(",")[0] for line in csv_lines[1:]} == {"GBR", "IRN", "USA", "american-jewish-committee"}
    assert main(["sql", query, "--store", store_dir, "--format", "json"]) == 0
    assert len(json.loads(capsys.readouterr().out)) == len(csv_lines) - 1
    out = tmp_path / "answer.parquet"
    assert main(["sql", query, "--store", store_dir, "--format", "parquet", "--output", str(out)]) == 0
    assert pq.read_table(out).num_rows == len(csv_lines) - 1
    assert main(["sql", query, "--store", store_dir, "--format", "parquet"]) == 2
    assert main(["sql", "DROP VIEW events", "--store", store_dir]) == 2
    assert "only read queries" in capsys.readouterr().err


@pytest.mark.slow
def test_demo_answers_from_the_parsed_seeds(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The main job end to end: parser + store + query on ``seeds/``, run twice."""
    pytest.importorskip("dipevents.parsing", reason="the parser is not available")
    store = str(tmp_path / "store")
    code = main(["demo", str(REPO / "seeds"), "--store", store])
    captured = capsys.readouterr()
    assert code == 0, captured.err
    assert "Q: Which states backed Albania?" in captured.out
    assert "United States" in captured.out and "United Kingdom" in captured.out
    assert "e.target = $target" in captured.out
    # Each supporter is listed with every report behind it: document and sentence.
    sources = captured.out.split("Sources:", 1)[1].split("-- SQL", 1)[0]
    uk = sources.split("United Kingdom:", 1)[1]
    assert "[000_cd82dbd999e45b2d]" in uk and "United Kingdom" in uk.split("]", 1)[1]
    assert "dipevents ask" in captured.out
    # Re-running adds nothing and says so.
    assert main(["demo", str(REPO / "seeds"), "--store", store]) == 0
    assert "nothing was added" in capsys.readouterr().err
