"""International (intergovernmental) organisations: the IGO actors of the vocabulary.

The table (``data/igos.csv``) gives each organisation a short upper-case actor id
(``NATO``, ``EU``, ``ARAB_LEAGUE``), its names and abbreviations, its CAMEO actor code
where one could be verified and its CAMEO "known group" code. Nothing is read until the
first lookup.

>>> from dipevents import igos
>>> igos.get("Arab League").code, igos.get("U.N.").code, igos.from_cameo("IGOWSTNAT")
('ARAB_LEAGUE', 'UN', 'NATO')

How :func:`get` reads a query, first match wins: the actor id in any case (``"nato"``,
``"arab_league"``); then a name or alias compared after
:func:`dipevents.countries.normalise` (case, diacritics, punctuation and a leading "the"
do not matter); then, written in upper case, a full CAMEO actor code or a CAMEO known-group
code (``"IGOUNO"``, ``"NAT"``), read as :func:`from_cameo` does.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from dipevents._resources import read_csv
from dipevents.countries import normalise
from dipevents.errors import UnknownIGOError

__all__ = ["IGO", "all_igos", "ambiguous_forms", "from_cameo", "get", "is_igo_code", "surface_forms"]


@dataclass(frozen=True, slots=True)
class IGO:
    """One international organisation.

    ``cameo`` is its full CAMEO actor code (``IGOWSTNAT``) and ``cameo_group`` its CAMEO
    known-group code (``NAT``), ``None`` when it has none. ``parent`` is the code of the body
    it is an organ of (``UNSC`` -> ``UN``).
    """

    code: str
    name: str
    aliases: tuple[str, ...]
    cameo: str | None
    kind: str
    cameo_group: str | None = None
    parent: str | None = None


@dataclass(frozen=True, slots=True)
class _Tables:
    by_code: dict[str, IGO]
    by_key: dict[str, IGO]  # normalised name or alias -> organisation
    by_cameo: dict[str, IGO]  # full actor code -> organisation (organs excluded)
    by_group: dict[str, IGO]  # known-group code -> organisation
    forms: dict[str, str]  # name or alias as written -> code
    ambiguous: frozenset[str]


def _split(cell: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in cell.split("|") if part.strip())


@cache
def _tables() -> _Tables:
    by_code: dict[str, IGO] = {}
    ambiguous: set[str] = set()
    for row in read_csv("igos.csv"):
        igo = IGO(
            code=row["code"],
            name=row["name"],
            aliases=_split(row["aliases"]),
            cameo=row["cameo"] or None,
            kind=row["kind"],
            cameo_group=row["cameo_group"] or None,
            parent=row["parent"] or None,
        )
        if igo.code in by_code:
            raise RuntimeError(f"igos.csv: code {igo.code!r} is listed twice")
        by_code[igo.code] = igo
        ambiguous.update(_split(row["ambiguous"]))

    by_key: dict[str, IGO] = {}
    by_cameo: dict[str, IGO] = {}
    by_group: dict[str, IGO] = {}
    forms: dict[str, str] = {}
    for igo in by_code.values():
        for form in (igo.code, igo.name, *igo.aliases):
            other = by_key.setdefault(normalise(form), igo)
            if other is not igo:
                raise RuntimeError(f"igos.csv: {form!r} names both {other.code} and {igo.code}")
        for form in (igo.name, *igo.aliases):
            forms.setdefault(form, igo.code)
        for index, key in ((by_cameo, igo.cameo if igo.parent is None else None), (by_group, igo.cameo_group)):
            if key is not None:
                other = index.setdefault(key, igo)
                if other is not igo:
                    raise RuntimeError(f"igos.csv: CAMEO code {key!r} is given to both {other.code} and {igo.code}")
    return _Tables(by_code, by_key, by_cameo, by_group, forms, frozenset(ambiguous))


def _from_cameo(code: str) -> IGO | None:
    t = _tables()
    found = t.by_cameo.get(code) or t.by_group.get(code)
    if found is None and code.startswith("IGO"):
        # IGO + region/sector/group segments of three letters: the last known group wins
        # (IGOUNODEVWBK is the World Bank, IGOWSTNATMIL NATO's military, IGOUNOGOV the UN)
        segments = [code[i : i + 3] for i in range(3, len(code), 3)]
        found = next((t.by_group[s] for s in reversed(segments) if s in t.by_group), None)
    return found


def get(query: str) -> IGO:
    """The organisation a code, name, alias or CAMEO code denotes.

    >>> get("nato").name, get("the Security Council").code, get("IGOUNO").code
    ('North Atlantic Treaty Organization', 'UNSC', 'UN')

    Raises :class:`~dipevents.errors.UnknownIGOError` naming the value and the nearest names::

        >>> get("Arab Leage")
        Traceback (most recent call last):
        ...
        dipevents.errors.UnknownIGOError: No international organisation matches 'Arab Leage'. Did you mean: Arab League?
    """
    if not isinstance(query, str):
        raise TypeError(f"IGO query must be a str, not {type(query).__name__}")
    t = _tables()
    text = query.strip()
    found = t.by_code.get(text.upper()) or t.by_key.get(normalise(text))
    if found is None and text.isupper():
        found = _from_cameo(text)
    if found is not None:
        return found

    import difflib  # only needed on a miss

    display: dict[str, str] = {}
    for form in t.forms:
        display.setdefault(normalise(form), form)
    suggestions: list[str] = []
    for match in difflib.get_close_matches(normalise(text), list(display), n=10, cutoff=0.75):
        if all(t.forms[s] != t.forms[display[match]] for s in suggestions):
            suggestions.append(display[match])
    suggestions = suggestions[:3]
    message = f"No international organisation matches {query!r}."
    if suggestions:
        message += f" Did you mean: {', '.join(suggestions)}?"
    raise UnknownIGOError(message, value=query, suggestions=suggestions)


def is_igo_code(code: str) -> bool:
    """Whether ``code`` is exactly the actor id of an organisation (upper case).

    >>> is_igo_code("ARAB_LEAGUE"), is_igo_code("nato"), is_igo_code("IRN")
    (True, False, False)
    """
    return isinstance(code, str) and code in _tables().by_code


def all_igos() -> tuple[IGO, ...]:
    """Every organisation of the table, in table order."""
    return tuple(_tables().by_code.values())


def from_cameo(code: str) -> str:
    """Actor id of the organisation behind a CAMEO actor or known-group code.

    Accepts a full actor code (``IGOMEAARL``), a known-group code as GDELT's
    ``Actor1KnownGroupCode`` gives it (``ARL``), or an ``IGO`` code with region and role
    segments, where the last known-group segment decides (``IGOWSTNATMIL`` -> NATO).

    >>> from_cameo("IGOMEAARL"), from_cameo("ARL"), from_cameo("IGOUNODEVWBK"), from_cameo("IGOUNOGOV")
    ('ARAB_LEAGUE', 'ARAB_LEAGUE', 'WORLD_BANK', 'UN')
    """
    found = _from_cameo(code.strip().upper())
    if found is None:
        raise UnknownIGOError(f"No international organisation has CAMEO code {code!r}", value=code)
    return found.code


def surface_forms() -> dict[str, str]:
    """Every name and alias as written -> actor id, for a text parser's gazetteer.

    >>> surface_forms()["Arab League"], surface_forms()["U.N."]
    ('ARAB_LEAGUE', 'UN')
    """
    return dict(_tables().forms)


def ambiguous_forms() -> frozenset[str]:
    """Forms that also commonly mean something else (``WHO``, ``ICC``, ``Security Council``)."""
    return _tables().ambiguous
