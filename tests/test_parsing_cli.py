"""``dipevents parse``: events on stdout in three formats, messages on stderr, exit codes."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from dipevents.cli import main

TEXT = "Albania cut diplomatic ties with Iran on Wednesday. Iran rejected Albania's accusations."


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "art.txt"
    path.write_text(TEXT, "utf-8")
    return path


def test_jsonl(article: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(article), "--published", "2022-09-08"]) == 0
    out, err = capsys.readouterr()
    rows = [json.loads(line) for line in out.splitlines()]
    assert [(r["actor"], r["action"], r["target"], r["date"]) for r in rows] == [
        ("ALB", "sever_ties", "IRN", "2022-09-07"),
        ("IRN", "deny", "ALB", "2022-09-07"),  # no date of its own: the day just named
    ]
    assert "art.txt: 2 events" in err


def test_csv_and_table(article: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(article), "--format", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert rows[0]["action"] == "sever_ties" and rows[0]["sentence"].startswith("Albania cut")
    assert main(["parse", str(article), "--format", "table"]) == 0
    assert "sever_ties" in capsys.readouterr().out


def test_bad_file_is_reported_and_others_still_parsed(
    article: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("{", "utf-8")
    assert main(["parse", str(bad), str(article)]) == 2
    out, err = capsys.readouterr()
    assert "bad.json: bad JSON" in err and "sever_ties" in out


def test_bad_date_argument(article: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["parse", str(article), "--published", "Wednesday"])
    assert exc.value.code == 2
    assert "use YYYY-MM-DD" in capsys.readouterr().err
