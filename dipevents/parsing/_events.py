"""Building :class:`~dipevents.schema.Event` objects without re-validating what is known good.

Full pydantic validation of an event costs tens of microseconds, most of it in checks whose
outcome depends only on the act's parties (actor and target ids, types and names, the action:
id checks and the derived CAMEO/PLOVER fields), while the document's fields (doc id, url,
publisher, publication date), the date and the report's fields need only cheap checks.

An :class:`EventFactory` keeps a validated event for each (actor, target, action) with
their types and names, the template (cached across documents, bounded). Later events copy
the template and replace the document, date and report fields, after checking them
cheaply by the same rules the schema applies (stripped strings that are valid Unicode, a
date that agrees with its precision, offsets ``0 <= start <= end``, a non-empty rule, a
known salience), with the event id computed by the schema's own ``make_event_id``.

A template is itself assembled from parts that full validation has passed before: each
party (id, type and name, as given: their checks look at nothing else, and a party passes
them alike as actor or as target) and the action (its derived CAMEO and PLOVER fields come
from the vocabulary by the action alone), with the one check that spans the parts, that
the actor is not the target, made here. A new combination of known parts, common in news
(the same states, new pairings and acts), thus costs no validation; the first event with a
party or an action not seen before is validated fully. Anything unusual takes the full
validation path, so errors are raised exactly as before.

``tests/test_parsing_events.py`` checks that every event the parser emits on the seeds,
the devset and the fixtures equals ``Event.model_validate(event.model_dump())`` and the
event that full validation makes.
"""

from __future__ import annotations

import datetime as dt
from operator import itemgetter
from typing import Any, Final

from dipevents.schema import ActorType, Dataset, DatePrecision, Event, Salience, make_event_id

__all__ = ["EventFactory"]

# Validated once per distinct value (the template); the rest is checked cheaply per event.
_IDS: Final = ("actor", "actor_type", "actor_name", "target", "target_type", "target_name", "action")
_DOC: Final = ("doc_id", "url", "publisher", "published", "dataset")
_REPORT: Final = ("date", "date_precision", "sentence", "sentence_start", "sentence_end", "rule", "salience")
_DATA_KEYS: Final = frozenset(_IDS + _DOC + _REPORT)  # what the coder passes
_ids_of = itemgetter(*_IDS)  # data -> the tuple of its _IDS values, in one C call
_doc_of = itemgetter(*_DOC)
_DERIVED: Final = (
    "event_id",
    "cameo",
    "quad_class",
    "goldstein",
    "plover_type",
    "plover_mode",
    "origin_id",
    "origin_codes",
)
# The fast path is used only while Event has exactly the fields it was written for.
_FAST_FIELDS = frozenset(Event.model_fields) == _DATA_KEYS | set(_DERIVED)
_SALIENCE: Final = {s.value: s for s in Salience}
_PRECISION: Final = {p.value: p for p in DatePrecision}

_TEMPLATES: Final[dict[tuple[Any, ...], Event]] = {}  # (actor, target, action ...) -> a validated event
_TEMPLATE_LIMIT: Final = 20_000
# The parts of the templates, as given -> as validated (bounded like the templates):
_PARTIES: Final[dict[tuple[Any, Any, Any], tuple[str, ActorType, str | None]]] = {}  # (id, type, name)
_ACTIONS: Final[dict[Any, Event]] = {}  # action -> a validated event with it


_IDS_MEMO: Final[dict[tuple[Any, ...], str]] = {}


def _event_id(actor: str, action: str, target: str, date: dt.date | None, precision: str) -> str:
    """``make_event_id``, remembered (bounded): news repeats the same acts. (``precision`` is
    the precision's value: a str hashes in C, the enum member in Python.)"""
    key = (actor, action, target, date, precision)
    found = _IDS_MEMO.get(key)
    if found is None:
        if len(_IDS_MEMO) >= _TEMPLATE_LIMIT:
            _IDS_MEMO.clear()
        found = _IDS_MEMO[key] = make_event_id(actor, action, target, date, precision)
    return found


def _copy(template: Event, doc: dict[str, Any], report: dict[str, Any]) -> Event:
    """``template.model_copy(update={**doc, **report})`` without the generic copying
    machinery: what pydantic's ``__copy__`` does (a new instance sharing nothing mutable with
    the template), with the fields replaced and the same fields set."""
    event = _new(Event)
    _setattr(event, "__dict__", {**template.__dict__, **doc, **report})
    _setattr(event, "__pydantic_extra__", None)
    _setattr(event, "__pydantic_fields_set__", set(template.model_fields_set))
    _setattr(event, "__pydantic_private__", None)
    return event


_new = Event.__new__
_setattr = object.__setattr__
# _copy relies on Event having no extra fields and no private attributes.
_FAST: Final = _FAST_FIELDS and Event.model_config.get("extra") == "forbid" and not Event.__private_attributes__


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


def _doc_values(data: dict[str, Any]) -> dict[str, Any] | None:
    """The document fields as validation would leave them, or None when unsure."""
    doc_id, url, publisher, published = data["doc_id"], data["url"], data["publisher"], data["published"]
    if (
        data["dataset"] != "text"
        or not doc_id
        or not _clean_str(doc_id)
        or not (url is None or _clean_str(url))
        or not (publisher is None or _clean_str(publisher))
        or not (published is None or type(published) is dt.date)
    ):
        return None
    return {"doc_id": doc_id, "url": url, "publisher": publisher, "published": published, "dataset": Dataset.TEXT}


def _report_values(template: Event, data: dict[str, Any]) -> dict[str, Any] | None:
    """The per-report fields (and the event id) as validation would leave them, or None when unsure."""
    sentence, start, end, rule = data["sentence"], data["sentence_start"], data["sentence_end"], data["rule"]
    salience = _SALIENCE.get(data["salience"]) if type(data["salience"]) is str else None
    date = data["date"]
    precision = _PRECISION.get(data["date_precision"]) if type(data["date_precision"]) is str else None
    if precision is None:
        return None
    if precision is DatePrecision.UNKNOWN:
        if date is not None:
            return None
    elif (
        type(date) is not dt.date
        or (precision is DatePrecision.MONTH and date.day != 1)
        or (precision is DatePrecision.YEAR and (date.month, date.day) != (1, 1))
    ):
        return None
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
        "date": date,
        "date_precision": precision,
        "event_id": _event_id(template.actor, template.action, template.target, date, data["date_precision"]),
        "sentence": sentence,
        "sentence_start": start,
        "sentence_end": end,
        "rule": rule,
        "salience": salience,
    }


class EventFactory:
    """Makes the events of one document (see the module docstring)."""

    def __init__(self) -> None:
        self._doc_key: tuple[Any, ...] | None = None
        self._doc: dict[str, Any] | None = None

    def make(self, data: dict[str, Any], record: str) -> Event:
        """``Event.from_dict(data, record=record)``, the same result, usually faster."""
        fast = _FAST and data.keys() == _DATA_KEYS
        if fast:
            ids = _ids_of(data)
            template = _TEMPLATES.get(ids)
            if template is None:
                template = _assembled(ids)
            if template is not None:
                doc_key = _doc_of(data)
                if doc_key != self._doc_key:
                    self._doc_key, self._doc = doc_key, _doc_values(data)
                doc = self._doc
                report = _report_values(template, data) if doc is not None else None
                if doc is not None and report is not None:
                    return _copy(template, doc, report)
        event = Event.from_dict(data, record=record)  # raises as before on a bad field
        if fast:
            _remember(ids, event)
        return event


def _remember(ids: tuple[Any, ...], event: Event) -> None:
    """Keep a validated event as the template of its ``ids`` and its parts as validated."""
    if len(_TEMPLATES) >= _TEMPLATE_LIMIT:
        _TEMPLATES.clear()
    _TEMPLATES[ids] = event
    if len(_PARTIES) >= _TEMPLATE_LIMIT or len(_ACTIONS) >= _TEMPLATE_LIMIT:
        _PARTIES.clear()
        _ACTIONS.clear()
    actor, actor_type, actor_name, target, target_type, target_name, action = ids
    _PARTIES[actor, actor_type, actor_name] = (event.actor, event.actor_type, event.actor_name)
    _PARTIES[target, target_type, target_name] = (event.target, event.target_type, event.target_name)
    _ACTIONS[action] = event


def _assembled(ids: tuple[Any, ...]) -> Event | None:
    """The template full validation would make for ``ids``, from parts it has passed (see
    the module docstring), or None when a part is new or the actor is the target."""
    actor_in, actor_type_in, actor_name_in, target_in, target_type_in, target_name_in, action = ids
    base = _ACTIONS.get(action)
    actor = _PARTIES.get((actor_in, actor_type_in, actor_name_in))
    target = _PARTIES.get((target_in, target_type_in, target_name_in))
    if base is None or actor is None or target is None or (actor[0] == target[0] and actor[1] is target[1]):
        return None  # (an event directed at its own actor: full validation refuses it)
    # base's fields with the parties replaced: its action and derived fields stay, and so do
    # its document and report fields and its event id, which every copy replaces.
    fields = {
        "actor": actor[0],
        "actor_type": actor[1],
        "actor_name": actor[2],
        "target": target[0],
        "target_type": target[1],
        "target_name": target[2],
    }
    template = _copy(base, fields, {})
    if len(_TEMPLATES) >= _TEMPLATE_LIMIT:
        _TEMPLATES.clear()
    _TEMPLATES[ids] = template
    return template
