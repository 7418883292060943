"""The typed event schema: the one source of truth for every table dipevents writes.

The JSON Schema, the Arrow schema and the codebook in ``schema/`` are generated from
these models (``make schema``); a test fails when they drift.

An :class:`Event` is one directed act, ACTOR does ACTION toward TARGET on DATE, as
reported by one source, with the evidence it was coded from. It is flat, so it maps
one to one onto Parquet columns and SQL. The store splits it into :class:`EventRecord`
(one row per unique act) and :class:`Mention` (one row per report of it).

>>> ev = Event.from_dict({
...     "actor": "ALB", "actor_type": "state", "target": "IRN", "target_type": "state",
...     "action": "sever_ties", "date": "2022-09-07", "date_precision": "day",
...     "doc_id": "seed-1", "rule": "example"})
>>> ev.cameo, ev.quad_class, len(ev.event_id)
('161', 4, 20)
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from enum import StrEnum
from typing import Any, Self

import pydantic
from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator, model_validator

from dipevents.errors import ValidationError

__all__ = [
    "SCHEMA_VERSION",
    "ActorType",
    "Dataset",
    "DatePrecision",
    "Event",
    "EventRecord",
    "Mention",
    "Salience",
    "make_event_id",
]

#: Bumped on any change to the fields of the models below; stored in Parquet metadata.
SCHEMA_VERSION = "1.0.0"

_ISO3 = re.compile(r"^[A-Z]{3}$")
_IGO = re.compile(r"^[A-Z][A-Z0-9_]{0,23}$")
_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


class ActorType(StrEnum):
    """What kind of actor an id names (see vocabulary.md, "Actors")."""

    STATE = "state"
    IGO = "igo"
    NGO = "ngo"
    ARMED_GROUP = "armed_group"
    COMPANY = "company"
    MEDIA = "media"
    PERSON = "person"
    OTHER = "other"


class DatePrecision(StrEnum):
    """How much of ``date`` the source supports; month and year dates sit on their first day."""

    DAY = "day"
    MONTH = "month"
    YEAR = "year"
    UNKNOWN = "unknown"


class Salience(StrEnum):
    """``main`` for the story's news, ``background`` for earlier acts it recalls."""

    MAIN = "main"
    BACKGROUND = "background"


class Dataset(StrEnum):
    """Where an event was coded: dipevents' own text parser or an imported dataset."""

    TEXT = "text"
    GDELT = "gdelt"
    ICEWS = "icews"
    PLOVER = "plover"


def _action_enum(schema: dict[str, Any]) -> None:
    # Read at schema-generation time only, so importing the module reads no table.
    from dipevents import vocabulary

    schema["enum"] = list(vocabulary.names())


def make_event_id(actor: str, action: str, target: str, date: dt.date | None, precision: str | DatePrecision) -> str:
    """Stable id of an act: SHA-256 over its normalised actor, action, target and date.

    The date is normalised to its precision (``2022-09`` for a month), so the same act
    reported with the same precision gets the same id on every machine and run.

    >>> a = make_event_id("ALB", "sever_ties", "IRN", dt.date(2022, 9, 7), "day")
    >>> a == make_event_id(" ALB", "sever_ties", "IRN ", dt.date(2022, 9, 7), "day"), len(a)
    (True, 20)
    """
    precision = DatePrecision(precision)
    if date is None or precision is DatePrecision.UNKNOWN:
        day = "unknown"
    elif precision is DatePrecision.YEAR:
        day = f"{date.year:04d}"
    elif precision is DatePrecision.MONTH:
        day = f"{date.year:04d}-{date.month:02d}"
    else:
        day = date.isoformat()
    key = "|".join(
        [
            actor.strip().upper() if _ISO3.match(actor.strip().upper()) else actor.strip(),
            action.strip(),
            target.strip(),
            day,
        ]
    )
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:20]


class _FieldError(ValueError):
    """A failed cross-field check that still knows which field is at fault.

    Model-level validators have no field location in pydantic's errors; carrying the
    field here lets :func:`_translate` name it.
    """

    def __init__(self, field: str, value: object, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.value = value


def _check_actor_id(field: str, actor_id: str, actor_type: ActorType) -> None:
    if actor_type is ActorType.STATE:
        if not _ISO3.match(actor_id):
            raise _FieldError(
                field, actor_id, f"{field} {actor_id!r} is not an ISO 3166-1 alpha-3 code (three upper-case letters)"
            )
        from dipevents import countries

        if not countries.is_iso3(actor_id):
            raise _FieldError(field, actor_id, f"{field} {actor_id!r} is not the ISO3 code of a known state")
    elif actor_type is ActorType.IGO:
        if not _IGO.match(actor_id):
            raise _FieldError(
                field, actor_id, f"{field} {actor_id!r} is not an upper-case IGO code such as NATO or ARAB_LEAGUE"
            )
    elif not _SLUG.match(actor_id):
        raise _FieldError(field, actor_id, f"{field} {actor_id!r} is not a slug (lower-case words joined by '-')")


class _Base(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True, use_enum_values=False)

    @classmethod
    def from_dict(cls, data: dict[str, Any], *, record: str | None = None) -> Self:
        """Validate ``data`` into a model; errors name every bad field, its value and the record.

        Raises :class:`~dipevents.errors.ValidationError` (a ``ValueError``).
        """
        try:
            return cls.model_validate(data)
        except pydantic.ValidationError as exc:
            raise _translate(exc, cls.__name__, record, data) from None


def _translate(exc: pydantic.ValidationError, model: str, record: str | None, data: Any) -> ValidationError:
    parts = []
    first_field: str | None = None
    first_value: object = None
    for err in exc.errors():
        field = ".".join(str(p) for p in err["loc"]) or "(record)"
        value = err.get("input")
        cause = (err.get("ctx") or {}).get("error")
        if isinstance(cause, _FieldError):
            field, value = cause.field, cause.value
        if first_field is None:
            first_field, first_value = field, value
        msg = err["msg"].removeprefix("Value error, ")
        shown = repr(value) if len(repr(value)) < 80 else repr(value)[:77] + "..."
        parts.append(f"{field}={shown}: {msg}")
    where = f" in record {record}" if record else ""
    if record is None and isinstance(data, dict) and data.get("doc_id"):
        where = f" in record from document {data['doc_id']!r}"
    return ValidationError(
        f"Invalid {model}{where}: " + "; ".join(parts), field=first_field, value=first_value, record=record
    )


class _Act(_Base):
    """Fields shared by an event and its stored record: who did what to whom, when."""

    event_id: str = Field(
        default="",
        description=(
            "Stable id: SHA-256 (first 20 hex digits) over actor, action, target and the date at its precision."
        ),
    )
    actor: str = Field(description="Actor id: ISO3 for a state, upper-case code for an IGO, else a slug.")
    actor_type: ActorType = Field(description="Kind of actor.")
    actor_name: str | None = Field(default=None, description="Display name of the actor.")
    target: str = Field(description="Target id, coded like the actor.")
    target_type: ActorType = Field(description="Kind of target.")
    target_name: str | None = Field(default=None, description="Display name of the target.")
    action: str = Field(description="Action of the vocabulary (see the actions table).", json_schema_extra=_action_enum)
    date: dt.date | None = Field(
        description=(
            "When the act happened (not when it was reported); first day of the month or year at coarser precision."
        )
    )
    date_precision: DatePrecision = Field(description="How precise the date is.")
    cameo: str = Field(default="", description="CAMEO event code of the action (derived from the action).")
    quad_class: int = Field(
        default=0, description="CAMEO quad class 1-4 (derived).", json_schema_extra={"arrow": "int8"}
    )
    goldstein: float = Field(default=0.0, description="Goldstein scale value (derived).")
    plover_type: str = Field(default="", description="PLOVER event type (derived).")
    plover_mode: str | None = Field(default=None, description="PLOVER mode (derived).")

    @field_validator("event_id", "cameo", "quad_class", "goldstein", "plover_type", mode="before")
    @classmethod
    def _null_is_not_given(cls, value: Any, info: ValidationInfo) -> Any:
        # A null in a dict means what a null in an Arrow column means (the store's validation
        # reads columns): not given, so derived like an absent key.
        return cls.model_fields[info.field_name].default if value is None else value

    @field_validator("action")
    @classmethod
    def _known_action(cls, value: str) -> str:
        from dipevents import vocabulary
        from dipevents.errors import UnknownActionError

        if not vocabulary.is_action(value):
            try:
                vocabulary.get(value)
            except UnknownActionError as exc:  # re-raised as a field error so the record is named
                raise ValueError(str(exc)) from None
        return value

    @model_validator(mode="after")
    def _consistent(self) -> Self:
        _check_actor_id("actor", self.actor, self.actor_type)
        _check_actor_id("target", self.target, self.target_type)
        if self.actor == self.target and self.actor_type == self.target_type:
            raise _FieldError(
                "target",
                self.target,
                f"actor and target are both {self.actor!r}: an event is directed at another actor",
            )
        _check_date(self.date, self.date_precision)
        from dipevents import vocabulary

        act = vocabulary.get(self.action)
        derived = {
            "cameo": act.cameo,
            "quad_class": act.quad_class,
            "goldstein": act.goldstein,
            "plover_type": act.plover_type,
            "plover_mode": act.plover_mode,
        }
        for name, value in derived.items():
            current = getattr(self, name)
            if current in ("", 0, 0.0, None):
                object.__setattr__(self, name, value)
            elif current != value:
                raise _FieldError(
                    name,
                    current,
                    f"{name}={current!r} disagrees with action {self.action!r}, which gives {value!r} "
                    "(derived fields come from the vocabulary; leave them empty)",
                )
        if not self.event_id:
            object.__setattr__(
                self,
                "event_id",
                make_event_id(self.actor, self.action, self.target, self.date, self.date_precision),
            )
        return self


def _check_date(date: dt.date | None, precision: DatePrecision) -> None:
    if precision is DatePrecision.UNKNOWN:
        if date is not None:
            raise _FieldError(
                "date", date, f"date {date} given with precision 'unknown'; use precision year, month or day"
            )
        return
    if date is None:
        raise _FieldError("date", None, f"date is missing but date_precision is {precision.value!r}; use 'unknown'")
    if precision is DatePrecision.MONTH and date.day != 1:
        raise _FieldError("date", date, f"date {date} has precision 'month' but is not the first day of its month")
    if precision is DatePrecision.YEAR and (date.month, date.day) != (1, 1):
        raise _FieldError("date", date, f"date {date} has precision 'year' but is not 1 January")


class _Source(_Base):
    """Where a report came from and the evidence it was coded from."""

    doc_id: str = Field(min_length=1, description="Id of the source document (or of the imported record's source).")
    url: str | None = Field(default=None, description="URL of the source document, where known.")
    publisher: str | None = Field(default=None, description="Publisher of the source document.")
    published: dt.date | None = Field(default=None, description="Publication date of the source document.")
    sentence: str | None = Field(
        default=None, description="The sentence the event was read from (None for imported events)."
    )
    sentence_start: int | None = Field(
        default=None, ge=0, description="Character offset of the sentence in the document."
    )
    sentence_end: int | None = Field(default=None, ge=0, description="Character offset just past the sentence.")
    rule: str = Field(
        min_length=1, description="Why it was coded so: the parser rule that fired, or the importer's mapping."
    )
    salience: Salience = Field(
        default=Salience.MAIN, description="main: the story's news; background: an earlier act it recalls."
    )
    dataset: Dataset = Field(
        default=Dataset.TEXT, description="Who coded it: the dipevents text parser or an imported dataset."
    )
    origin_id: str | None = Field(default=None, description="The record's id in the dataset it was imported from.")
    origin_codes: str | None = Field(
        default=None, description="The original codes of an imported record, as 'Name=value;...'."
    )

    @model_validator(mode="after")
    def _offsets(self) -> Self:
        if (self.sentence_start is None) != (self.sentence_end is None):
            raise _FieldError(
                "sentence_end", self.sentence_end, "sentence_start and sentence_end must be given together"
            )
        if (
            self.sentence_start is not None
            and self.sentence_end is not None
            and self.sentence_end < self.sentence_start
        ):
            raise _FieldError(
                "sentence_end",
                self.sentence_end,
                f"sentence_end {self.sentence_end} is before sentence_start {self.sentence_start}",
            )
        return self


class Event(_Source, _Act):
    """One coded act with one report of it and its evidence: what a parser or importer emits."""


class EventRecord(_Act):
    """One unique act in the store's ``events`` table, with a summary of its reports."""

    salience: Salience = Field(
        default=Salience.MAIN, description="main if any report gives it as news, else background."
    )
    first_reported: dt.date | None = Field(default=None, description="Earliest publication date among its reports.")
    last_reported: dt.date | None = Field(default=None, description="Latest publication date among its reports.")
    n_sources: int = Field(
        default=1,
        ge=1,
        description=(
            "Number of distinct publishers reporting it; a report whose publisher is unknown counts as its own source."
        ),
        json_schema_extra={"arrow": "int32"},
    )
    n_documents: int = Field(
        default=1, ge=1, description="Number of distinct documents reporting it.", json_schema_extra={"arrow": "int32"}
    )


class Mention(_Source):
    """One report of an act in the store's ``mentions`` table."""

    event_id: str = Field(min_length=1, description="The act reported (events.event_id).")
    mention_id: str = Field(min_length=1, description="Stable id of this report: hash of event_id, doc_id and offsets.")
