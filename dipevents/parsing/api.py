"""``parse_text``, the parser's entry point: it checks its arguments and hands the document to
the coder.

It stays a Python module in the compiled build (setup.py), where the coder's modules check the
types of their arguments as they are called: here a wrong argument gets the documented
:class:`~dipevents.errors.ParseError`, naming it, in both builds.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging

from dipevents.errors import ParseError
from dipevents.parsing.coder import code_document
from dipevents.parsing.dates import publication_date
from dipevents.schema import Event

__all__ = ["MAX_TEXT", "parse_text"]

log = logging.getLogger("dipevents.parsing.coder")  # (the coder's logger, as before this module)

#: Inputs longer than this are refused with ParseError (documents, not corpora).
MAX_TEXT = 50_000_000


def parse_text(
    text: str,
    *,
    doc_id: str | None = None,
    url: str | None = None,
    publisher: str | None = None,
    published: dt.date | str | None = None,
) -> list[Event]:
    """The diplomatic events a text reports, each with its evidence sentence and rule.

    ``published`` (a date or ``YYYY-MM-DD``) anchors relative dates; without it the
    publication date is read from the text when it states one. ``doc_id`` defaults to a
    hash of the text. Returns events in document order, one per (actor, action, target,
    date). Raises :class:`~dipevents.errors.ParseError` when ``text`` is not a string,
    is too long, ``doc_id``, ``url`` or ``publisher`` is neither a string nor None, or
    ``published`` is not a date; any text at all is otherwise accepted.

    >>> [e.action for e in parse_text("Saudi Arabia expelled the Canadian ambassador.")]
    ['expel_diplomats']
    >>> parse_text("")
    []
    """
    if not isinstance(text, str):
        raise ParseError(f"parse_text expects a str, got {type(text).__name__}")
    for field, value in (("doc_id", doc_id), ("url", url), ("publisher", publisher)):
        if value is not None and not isinstance(value, str):
            raise ParseError(f"parse_text: {field} must be a str or None, got {type(value).__name__} {value!r}")
    if len(text) > MAX_TEXT:
        raise ParseError(f"document {doc_id or '?'} is {len(text):,} characters, above the {MAX_TEXT:,} limit")
    doc = doc_id or _doc_id(text)
    pub = _as_date(published, "published", doc)
    pub_from_text = False
    if pub is None:
        found = publication_date(text)
        if found is not None:
            pub, pub_from_text = found[0], True
    try:
        return code_document(text, doc, url, publisher, pub)
    finally:
        if pub_from_text:
            log.debug("document %s: publication date %s read from the text", doc, pub)


def _doc_id(text: str) -> str:
    return "doc-" + hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:12]


def _as_date(value: object, field: str, doc: str) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip()[:10])
        except ValueError:
            pass
    raise ParseError(f"document {doc}: {field}={value!r} is not a date (use YYYY-MM-DD)")
