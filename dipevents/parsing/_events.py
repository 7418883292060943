"""Building :class:`~dipevents.schema.Event` objects without re-validating what is known good.

Full pydantic validation of an event costs tens of microseconds, most of it in checks whose
outcome depends only on the act (actor and target ids and types, action, date and precision:
the derived CAMEO/PLOVER fields and the event id) or only on the document (doc id, url,
publisher, publication date). An :class:`EventFactory` validates fully the first event of
each act (cached across documents, bounded) and the first event of its document; later
events copy a validated event and replace only the per-report fields, after checking those
fields cheaply by the same rules the schema applies (stripped strings that are valid
Unicode, offsets ``0 <= start <= end``, a non-empty rule, a known salience). Anything
unusual takes the full validation path, so errors are raised exactly as before.

``tests/test_parsing_events.py`` checks that every event the parser emits on the seeds,
the devset and the fixtures equals ``Event.model_validate(event.model_dump())``.
"""

from __future__ import annotations

from typing import Any

from dipevents.schema import Event, Salience

__all__ = ["EventFactory"]

_ACT = ("actor", "actor_type", "actor_name", "target", "target_type", "target_name", "action", "date", "date_precision")
_DOC = ("doc_id", "url", "publisher", "published", "dataset")
_REPORT = ("sentence", "sentence_start", "sentence_end", "rule", "salience")
_SALIENCE = {s.value: s for s in Salience}
_DATA_KEYS = frozenset(_ACT + _DOC + _REPORT)  # what the coder passes
_DERIVED = ("event_id", "cameo", "quad_class", "goldstein", "plover_type", "plover_mode", "origin_id", "origin_codes")
# The fast path is used only while Event has exactly the fields it was written for.
_FAST = frozenset(Event.model_fields) == _DATA_KEYS | set(_DERIVED)

_TEMPLATES: dict[tuple[Any, ...], Event] = {}  # act -> a validated event of that act
_TEMPLATE_LIMIT = 20_000


def _clean_str(value: object) -> bool:
    """A str the schema keeps as it is: already stripped, and encodable (no lone surrogates)."""
    if type(value) is not str or value.strip() != value:
        return False
    if value.isascii():
        return True
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


class EventFactory:
    """Makes the events of one document (see the module docstring)."""

    def __init__(self) -> None:
        self._doc_key: tuple[Any, ...] | None = None
        self._doc_values: dict[str, Any] = {}

    def make(self, data: dict[str, Any], record: str) -> Event:
        """``Event.from_dict(data, record=record)``, the same result, usually faster."""
        fast = _FAST and data.keys() == _DATA_KEYS
        if fast:
            template = _TEMPLATES.get(tuple(data[k] for k in _ACT))
            if template is not None and tuple(data[k] for k in _DOC) == self._doc_key:
                update = self._report(data)
                if update is not None:
                    return template.model_copy(update=update)
        event = Event.from_dict(data, record=record)  # raises as before on a bad field
        if fast:
            if len(_TEMPLATES) >= _TEMPLATE_LIMIT:
                _TEMPLATES.clear()
            _TEMPLATES[tuple(data[k] for k in _ACT)] = event
            self._doc_key = tuple(data[k] for k in _DOC)
            self._doc_values = {k: getattr(event, k) for k in _DOC}
        return event

    def _report(self, data: dict[str, Any]) -> dict[str, Any] | None:
        """The per-report fields as validation would leave them, or None when unsure."""
        sentence, start, end, rule = data["sentence"], data["sentence_start"], data["sentence_end"], data["rule"]
        salience = _SALIENCE.get(data["salience"]) if type(data["salience"]) is str else None
        if (
            salience is None
            or type(start) is not int
            or type(end) is not int
            or not 0 <= start <= end
            or not rule
            or not _clean_str(rule)
            or not _clean_str(sentence)
        ):
            return None
        return {
            **self._doc_values,
            "sentence": sentence,
            "sentence_start": start,
            "sentence_end": end,
            "rule": rule,
            "salience": salience,
        }
