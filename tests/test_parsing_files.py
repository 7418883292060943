"""parse_file: .txt, .html and .json documents, sidecar metadata, and errors that name the file."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from dipevents.errors import ParseError
from dipevents.parsing import parse_file
from dipevents.parsing.files import html_to_text, read_documents

TEXT = "Albania cut diplomatic ties with Iran on Wednesday. The United States backed Albania."


def test_txt_with_sidecar(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(TEXT, "utf-8")
    (tmp_path / "a.meta.json").write_text(
        json.dumps({"url": "https://x.test/a", "publisher": "X", "published": "2022-09-08"})
    )
    events = parse_file(tmp_path / "a.txt")
    assert {(e.actor, e.action, e.target) for e in events} == {("ALB", "sever_ties", "IRN"), ("USA", "support", "ALB")}
    ev = events[0]
    assert (ev.doc_id, ev.url, ev.publisher, ev.published) == ("a", "https://x.test/a", "X", dt.date(2022, 9, 8))
    assert ev.date == dt.date(2022, 9, 7)


def test_html_drops_scripts_and_navigation(tmp_path: Path) -> None:
    page = (
        "<html><head><title>News</title><style>p{}</style><script>var a='Iran expelled Albanian diplomats.';</script>"
        "</head><body><nav>Iran condemned Israel.</nav><p>Albania cut diplomatic ties with Iran.</p>"
        "<footer>Join the mailing list</footer></body></html>"
    )
    (tmp_path / "p.html").write_text(page, "utf-8")
    events = parse_file(tmp_path / "p.html")
    assert [(e.actor, e.action, e.target) for e in events] == [("ALB", "sever_ties", "IRN")]
    assert html_to_text("<p>a &amp; b</p><p>c</p>") == "a & b\nc"


def test_json_object_and_list(tmp_path: Path) -> None:
    (tmp_path / "one.json").write_text(json.dumps({"text": TEXT, "published": "2022-09-08", "doc_id": "d1"}))
    (tmp_path / "many.json").write_text(json.dumps([{"text": TEXT}, {"text": "Iran denied Albania's accusations."}]))
    assert {e.doc_id for e in parse_file(tmp_path / "one.json")} == {"d1"}
    docs = read_documents(tmp_path / "many.json")
    assert [d["doc_id"] for d in docs] == ["many#0", "many#1"]
    assert ("IRN", "deny", "ALB") in {(e.actor, e.action, e.target) for e in parse_file(tmp_path / "many.json")}


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("bad.json", "{not json", "bad.json: bad JSON at line 1"),
        ("notext.json", json.dumps({"body": "x"}), "string field 'text'"),
        ("date.json", json.dumps({"text": "x", "published": "yesterday"}), "'published' = 'yesterday'"),
        ("kind.pdf", "x", "unsupported file type '.pdf'"),
    ],
)
def test_errors_name_file_and_field(tmp_path: Path, name: str, content: str, message: str) -> None:
    (tmp_path / name).write_text(content, "utf-8")
    with pytest.raises(ParseError, match=message.replace("(", r"\(")):
        parse_file(tmp_path / name)


def test_undecodable_bytes_and_bad_sidecar(tmp_path: Path) -> None:
    (tmp_path / "b.txt").write_bytes(b"Albania \xff\xfe cut ties")
    with pytest.raises(ParseError, match=r"b\.txt: not UTF-8"):
        parse_file(tmp_path / "b.txt")
    (tmp_path / "c.txt").write_text(TEXT, "utf-8")
    (tmp_path / "c.meta.json").write_text(json.dumps({"published": "07/09/2022"}))
    with pytest.raises(ParseError, match=r"c\.meta\.json: field 'published'"):
        parse_file(tmp_path / "c.txt")
    with pytest.raises(ParseError, match="cannot read"):
        parse_file(tmp_path / "missing.txt")
