"""Reading documents from files: ``.txt``, ``.html`` and ``.json``, with a sidecar for metadata.

- ``.txt``: UTF-8 text (a UTF-8 byte-order mark is ignored).
- ``.html``/``.htm``: the text of the page; ``script``, ``style``, ``nav``, ``header``,
  ``footer``, ``aside``, ``form``, ``noscript`` and ``figcaption`` are dropped, block
  elements end lines. Read with the standard library's ``html.parser``.
- ``.json``: one document object ``{"text": ..., "doc_id"?, "url"?, "publisher"?,
  "published"?}`` or a list of them.

Metadata (``url``, ``publisher``, ``published``) comes from a sidecar ``NAME.meta.json``
beside the file when present, else from the JSON document, else (for ``published``) from
the text itself. The ``doc_id`` is the file name without its suffix (``NAME#i`` for the
i-th document of a JSON list, unless it carries its own ``doc_id``).
"""

from __future__ import annotations

import datetime as dt
import json
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from dipevents.errors import ParseError
from dipevents.parsing.api import parse_text
from dipevents.schema import Event

__all__ = ["html_to_text", "parse_file", "read_documents"]

_META_FIELDS = ("url", "publisher", "published")
_SKIP_TAGS = frozenset(
    {"script", "style", "nav", "header", "footer", "aside", "form", "noscript", "figcaption", "template", "svg"}
)
_BLOCK_TAGS = frozenset(
    {
        "p",
        "div",
        "br",
        "li",
        "ul",
        "ol",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "tr",
        "table",
        "section",
        "article",
        "blockquote",
        "pre",
        "hr",
        "dd",
        "dt",
        "figure",
        "main",
        "title",
    }
)


class _TextExtractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP_TAGS:
            self.skip += 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP_TAGS:
            self.skip = max(0, self.skip - 1)
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.parts.append(data)


def html_to_text(html: str) -> str:
    """The readable text of an HTML page, one block per line.

    >>> html_to_text("<p>Iran <b>denied</b> it.</p><script>x()</script><p>Next.</p>")
    'Iran denied it.\\nNext.'
    """
    parser = _TextExtractor()
    parser.feed(html)
    parser.close()
    lines = (" ".join(line.split()) for line in "".join(parser.parts).split("\n"))
    return "\n".join(line for line in lines if line)


def _read_text(path: Path) -> str:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ParseError(f"{path}: cannot read the file ({exc.strerror or exc})") from exc
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ParseError(f"{path}: not UTF-8 text (byte {exc.start}: {data[exc.start : exc.start + 1]!r})") from exc


def _meta_value(value: Any, field: str, where: str) -> Any:
    if value is None:
        return None
    if field == "published":
        if isinstance(value, str):
            try:
                return dt.date.fromisoformat(value.strip()[:10])
            except ValueError:
                pass
        raise ParseError(f"{where}: field 'published' = {value!r} is not a date (use YYYY-MM-DD)")
    if not isinstance(value, str):
        raise ParseError(f"{where}: field {field!r} = {value!r} is not a string")
    return value


def _sidecar(path: Path) -> dict[str, Any]:
    side = path.with_name(path.stem + ".meta.json")
    if not side.exists():
        return {}
    try:
        meta = json.loads(_read_text(side))
    except json.JSONDecodeError as exc:
        raise ParseError(f"{side}: bad JSON at line {exc.lineno} column {exc.colno}: {exc.msg}") from exc
    if not isinstance(meta, dict):
        raise ParseError(f"{side}: expected a JSON object with url, publisher, published")
    return {f: _meta_value(meta.get(f), f, str(side)) for f in _META_FIELDS if f in meta}


def read_documents(path: str | Path) -> list[dict[str, Any]]:
    """The documents of a file as dicts with ``text``, ``doc_id``, ``url``, ``publisher``, ``published``.

    Raises :class:`~dipevents.errors.ParseError` naming the file (and field) for an
    unreadable or undecodable file, bad JSON, a JSON document without ``text``, or a
    metadata value that is not a date or string.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".txt", ".html", ".htm", ".json"):
        raise ParseError(f"{path}: unsupported file type {suffix or '(none)'!r}; use .txt, .html or .json")
    meta = _sidecar(path)
    raw = _read_text(path)
    if suffix == ".json":
        try:
            data = json.loads(raw)
        except json.JSONDecodeError as exc:
            raise ParseError(f"{path}: bad JSON at line {exc.lineno} column {exc.colno}: {exc.msg}") from exc
        items = data if isinstance(data, list) else [data]
        docs = []
        for i, item in enumerate(items):
            where = f"{path} document {i}" if isinstance(data, list) else str(path)
            if not isinstance(item, dict) or not isinstance(item.get("text"), str):
                raise ParseError(f"{where}: expected an object with a string field 'text'")
            doc_id = item.get("doc_id")
            if doc_id is not None and not isinstance(doc_id, str):
                raise ParseError(f"{where}: field 'doc_id' = {doc_id!r} is not a string")
            doc = {
                "text": item["text"],
                "doc_id": doc_id or (f"{path.stem}#{i}" if isinstance(data, list) else path.stem),
            }
            for f in _META_FIELDS:
                doc[f] = meta[f] if f in meta else _meta_value(item.get(f), f, where)
            docs.append(doc)
        return docs
    text = html_to_text(raw) if suffix in (".html", ".htm") else raw
    return [{"text": text, "doc_id": path.stem, **{f: meta.get(f) for f in _META_FIELDS}}]


def parse_file(path: str | Path) -> list[Event]:
    """The events of every document in a ``.txt``, ``.html`` or ``.json`` file.

    Offsets of ``.html`` documents refer to the extracted text, not the markup.
    Raises :class:`~dipevents.errors.ParseError` as :func:`read_documents` does.
    """
    events: list[Event] = []
    for doc in read_documents(path):
        events.extend(
            parse_text(
                doc["text"],
                doc_id=doc["doc_id"],
                url=doc["url"],
                publisher=doc["publisher"],
                published=doc["published"],
            )
        )
    return events
