"""The exception tree of dipevents.

Every error a user is expected to handle derives from :class:`DipeventsError`, and
where a built-in exception is what a caller would naturally catch, it is mixed in::

    DipeventsError
    ├── ValidationError (ValueError)          a record or field failed validation
    │   └── SchemaVersionError                stored data has another schema version
    ├── UnknownCodeError (LookupError)        a code or name is not in a reference table
    │   ├── UnknownActionError                not an action of the vocabulary
    │   ├── UnknownCountryError               no country by that name or code
    │   └── UnknownIGOError                   no international organisation by that code
    ├── ParseError (ValueError)               a document could not be read or parsed
    ├── StoreError                            the Parquet store is unusable
    │   ├── StoreLockedError (TimeoutError)   another process holds the store lock too long
    │   └── CorruptFileError                  a Parquet file in the store is unreadable
    ├── ImportFormatError (ValueError)        a GDELT/ICEWS/PLOVER file is not what it claims
    └── QueryError (ValueError)               a query or question could not be answered

Messages name the record, the field and the value, and list the valid values when
the list is short.
"""

from __future__ import annotations

from collections.abc import Iterable

__all__ = [
    "CorruptFileError",
    "DipeventsError",
    "ImportFormatError",
    "ParseError",
    "QueryError",
    "SchemaVersionError",
    "StoreError",
    "StoreLockedError",
    "UnknownActionError",
    "UnknownCodeError",
    "UnknownCountryError",
    "UnknownIGOError",
    "ValidationError",
]


class DipeventsError(Exception):
    """Root of every error dipevents raises on purpose."""


class ValidationError(ValueError, DipeventsError):
    """A record failed validation; ``field``, ``value`` and ``record`` say where."""

    def __init__(
        self,
        message: str,
        *,
        field: str | None = None,
        value: object = None,
        record: str | None = None,
    ) -> None:
        super().__init__(message)
        self.field = field
        self.value = value
        self.record = record


class SchemaVersionError(ValidationError):
    """Stored data was written under a schema version this release cannot read."""


class UnknownCodeError(LookupError, DipeventsError):
    """A code or name is not in a reference table.

    ``suggestions`` holds the nearest known names, best first.
    """

    def __init__(self, message: str, *, value: object = None, suggestions: Iterable[str] = ()) -> None:
        super().__init__(message)
        self.value = value
        self.suggestions = list(suggestions)

    def __str__(self) -> str:  # LookupError would otherwise repr() the message
        return str(self.args[0]) if self.args else ""


class UnknownActionError(UnknownCodeError):
    """Not one of the actions of the dipevents vocabulary."""


class UnknownCountryError(UnknownCodeError):
    """No country is known by that name or code."""


class UnknownIGOError(UnknownCodeError):
    """No international organisation is known by that code or name."""


class ParseError(ValueError, DipeventsError):
    """A document could not be read or parsed (bad encoding, unreadable file, bad metadata)."""


class StoreError(DipeventsError):
    """The event store cannot be used as asked."""


class StoreLockedError(TimeoutError, StoreError):
    """Another process held the store's write lock for longer than the timeout."""


class CorruptFileError(StoreError):
    """A Parquet file in the store is unreadable; ``path`` names it."""

    def __init__(self, message: str, *, path: str | None = None) -> None:
        super().__init__(message)
        self.path = path


class ImportFormatError(ValueError, DipeventsError):
    """A GDELT, ICEWS or PLOVER file does not have the shape its format requires."""


class QueryError(ValueError, DipeventsError):
    """A query or a question could not be answered as asked."""
