"""Countries: the reference table of states, their codes and the names news text uses for them.

The table (``data/countries.csv``) holds every UN member, the two UN observer states (Holy
See ``VAT``, Palestine ``PSE``), and Taiwan ``TWN``, Kosovo ``XKX`` and Western Sahara
``ESH``, with ISO 3166-1, Correlates of War, Gleditsch-Ward and CAMEO codes. Our own list of
names, capitals, seats of government and demonyms (``data/country_names.csv``) is kept
apart from it. Nothing is read until the first lookup.

>>> from dipevents import countries
>>> countries.to_iso3("Tirana"), countries.to_iso3("the Islamic Republic")
('ALB', 'IRN')
>>> countries.to_cow("ALB"), countries.from_cow(339)
(339, 'ALB')
>>> countries.get("Türkiye") is countries.get("turkiye") is countries.get(792)
True

How :func:`get` reads a query, first match wins:

1. an ``int``, or a string of digits (``"008"``): ISO numeric code;
2. three letters, any case: ISO3 (``"alb"``);
3. two letters written in upper case: ISO2 (``"IN"`` is India; ``"in"`` is not a code);
4. any name form, compared after :func:`normalise` (case, diacritics, punctuation, a
   leading "the" and "St."/"Saint" do not matter): common and official names, variants,
   capitals, seats of government, demonyms and government names; the inverted forms of
   ISO and UN lists are read too ("Korea, Republic of", "Micronesia (Federated States of)",
   "Myanmar (Burma)");
5. three letters, any case: Correlates of War alpha code, then CAMEO country code. A COW
   code that is another country's ISO3 means that country: ``"AUS"`` is Australia (COW
   writes Austria ``AUS``), ``"SWZ"`` Eswatini, ``"MNG"`` Mongolia, ``"SLV"`` El Salvador.

Numeric COW and Gleditsch-Ward codes are not guessed from a bare number (ISO 8 is Albania,
COW 8 is nothing); use :func:`from_cow` and :func:`from_gw`.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache

from dipevents._resources import read_csv
from dipevents.errors import UnknownCountryError

__all__ = [
    "NAME_KINDS",
    "Country",
    "all_countries",
    "ambiguous_forms",
    "from_cameo",
    "from_cow",
    "from_gw",
    "get",
    "is_iso3",
    "normalise",
    "surface_forms",
    "to_cameo",
    "to_cow",
    "to_cow_alpha",
    "to_gw",
    "to_iso2",
    "to_iso3",
    "to_iso_numeric",
]

#: Kinds of name form, in the order that decides the kind of a form listed twice.
NAME_KINDS: tuple[str, ...] = (
    "name",
    "variant",
    "government",
    "capital",
    "seat",
    "demonym",
    "demonym_plural",
)


@dataclass(frozen=True, slots=True)
class Country:
    """One state with its codes and name forms. Missing codes are ``None``.

    ``variants`` holds the other names and variants (not ``name``/``official_name``);
    ``demonyms`` holds adjectives and singular nouns, then plurals.
    """

    iso3: str
    iso2: str | None
    iso_numeric: int | None
    name: str
    official_name: str
    cow_code: int | None
    cow_alpha: str | None
    gw_code: int | None
    gw_alpha: str | None
    cameo: str | None
    region: str
    un_region: str
    status: str  # un_member | un_observer | other
    variants: tuple[str, ...] = ()
    capitals: tuple[str, ...] = ()
    seats: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()
    governments: tuple[str, ...] = ()


_DOTS = re.compile(r"\.")
_NON_WORD = re.compile(r"[\W_]+")


def normalise(text: str) -> str:
    """The comparison key of a name: folded case and diacritics, no punctuation.

    Full stops vanish (``U.S.`` = ``US``), other punctuation separates words, a leading
    "the" is dropped and "St" reads as "Saint".

    >>> normalise("the Côte d'Ivoire"), normalise("U.S.A."), normalise("St. Kitts")
    ('cote d ivoire', 'usa', 'saint kitts')
    """
    decomposed = unicodedata.normalize("NFKD", text)
    folded = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    words = _NON_WORD.sub(" ", _DOTS.sub("", folded.replace("&", " and "))).split()
    if len(words) > 1 and words[0] == "the":
        words = words[1:]
    return " ".join("saint" if w == "st" else w for w in words)


def _opt_int(value: str) -> int | None:
    return int(value) if value else None


def _opt_str(value: str) -> str | None:
    return value or None


@dataclass(frozen=True, slots=True)
class _Tables:
    by_iso3: dict[str, Country]
    by_iso2: dict[str, Country]
    by_numeric: dict[int, Country]
    by_cow: dict[int, Country]
    by_cow_alpha: dict[str, Country]
    by_gw: dict[int, Country]
    by_cameo: dict[str, Country]
    by_key: dict[str, Country]  # normalised name form -> country
    forms: dict[str, tuple[str, str]]  # form as written -> (iso3, kind)
    ambiguous: frozenset[str]


def _unique(index: dict, key: object, country: Country, what: str) -> None:
    other = index.setdefault(key, country)
    if other is not country:
        raise RuntimeError(f"countries.csv: {what} {key!r} is given to both {other.iso3} and {country.iso3}")


@cache
def _tables() -> _Tables:
    rows_by_iso3: dict[str, list[tuple[str, str, bool]]] = {}
    for row in read_csv("country_names.csv"):
        kind = row["kind"]
        if kind not in NAME_KINDS:
            raise RuntimeError(f"country_names.csv: unknown kind {kind!r} for {row['value']!r}")
        rows_by_iso3.setdefault(row["iso3"], []).append((kind, row["value"], row["ambiguous"] == "1"))

    by_iso3: dict[str, Country] = {}
    for row in read_csv("countries.csv"):
        iso3 = row["iso3"]
        own = {row["name"], row["official_name"]}
        fields: dict[str, list[str]] = {"variants": [], "capitals": [], "seats": [], "demonyms": [], "governments": []}
        plurals: list[str] = []
        for kind, value, _ in rows_by_iso3.get(iso3, ()):
            if kind == "name" and value in own:
                continue  # a row repeating the table's own name only sets its flag
            target = {
                "name": fields["variants"],
                "variant": fields["variants"],
                "government": fields["governments"],
                "capital": fields["capitals"],
                "seat": fields["seats"],
                "demonym": fields["demonyms"],
                "demonym_plural": plurals,
            }[kind]
            target.append(value)
        by_iso3[iso3] = Country(
            iso3=iso3,
            iso2=_opt_str(row["iso2"]),
            iso_numeric=_opt_int(row["iso_numeric"]),
            name=row["name"],
            official_name=row["official_name"],
            cow_code=_opt_int(row["cow_code"]),
            cow_alpha=_opt_str(row["cow_alpha"]),
            gw_code=_opt_int(row["gw_code"]),
            gw_alpha=_opt_str(row["gw_alpha"]),
            cameo=_opt_str(row["cameo"]),
            region=row["region"],
            un_region=row["un_region"],
            status=row["status"],
            variants=tuple(fields["variants"]),
            capitals=tuple(fields["capitals"]),
            seats=tuple(fields["seats"]),
            demonyms=tuple(fields["demonyms"] + plurals),
            governments=tuple(fields["governments"]),
        )
    unknown = set(rows_by_iso3) - set(by_iso3)
    if unknown:
        raise RuntimeError(f"country_names.csv: no such country in countries.csv: {sorted(unknown)}")

    by_iso2: dict[str, Country] = {}
    by_numeric: dict[int, Country] = {}
    by_cow: dict[int, Country] = {}
    by_cow_alpha: dict[str, Country] = {}
    by_gw: dict[int, Country] = {}
    by_cameo: dict[str, Country] = {}
    for c in by_iso3.values():
        for index, key, what in (
            (by_iso2, c.iso2, "ISO2"),
            (by_numeric, c.iso_numeric, "ISO numeric"),
            (by_cow, c.cow_code, "COW code"),
            (by_cow_alpha, c.cow_alpha, "COW alpha"),
            (by_gw, c.gw_code, "GW code"),
            (by_cameo, c.cameo, "CAMEO code"),
        ):
            if key is not None:
                _unique(index, key, c, what)

    # every form with its kind; the table's own names first, then country_names.csv rows
    rank = {kind: i for i, kind in enumerate(NAME_KINDS)}
    forms: dict[str, tuple[str, str]] = {}
    ambiguous: set[str] = set()
    by_key: dict[str, Country] = {}

    def add(form: str, country: Country, kind: str, flagged: bool) -> None:
        _unique(by_key, normalise(form), country, "name form")
        previous = forms.get(form)
        if previous is None or rank[kind] < rank[previous[1]]:
            forms[form] = (country.iso3, kind)
        if flagged:
            ambiguous.add(form)

    for c in by_iso3.values():
        add(c.name, c, "name", False)
        add(c.official_name, c, "name", False)
        for kind, value, flagged in rows_by_iso3.get(c.iso3, ()):
            add(value, c, kind, flagged)

    return _Tables(
        by_iso3=by_iso3,
        by_iso2=by_iso2,
        by_numeric=by_numeric,
        by_cow=by_cow,
        by_cow_alpha=by_cow_alpha,
        by_gw=by_gw,
        by_cameo=by_cameo,
        by_key=by_key,
        forms=forms,
        ambiguous=frozenset(ambiguous),
    )


def _suggestions(query: str) -> list[str]:
    import difflib  # only needed on a miss

    t = _tables()
    display: dict[str, str] = {}
    for form in t.forms:
        display.setdefault(normalise(form), form)
    suggestions: list[str] = []
    seen: set[str] = set()
    for match in difflib.get_close_matches(normalise(query), list(display), n=10, cutoff=0.75):
        iso3 = t.forms[display[match]][0]
        if iso3 not in seen:  # the best form of each country only
            seen.add(iso3)
            suggestions.append(display[match])
    return suggestions[:3]


_PARENTHESIS = re.compile(r"^(?P<head>[^()]+?)\s*\((?P<inner>[^()]+)\)$")


def _readings(text: str) -> list[str]:
    """The text, then its un-inverted readings ("Korea, Republic of" -> "Republic of Korea")."""
    readings = [text]
    m = _PARENTHESIS.match(text)
    if m:  # "Micronesia (Federated States of)", "Myanmar (Burma)"
        readings += [f"{m['inner']} {m['head']}", m["head"]]
    elif text.count(",") == 1:  # "Moldova, Republic of"
        head, tail = (part.strip() for part in text.split(","))
        if tail.casefold().endswith((" of", " of the")):
            readings.append(f"{tail} {head}")
    return readings


def _lookup(query: str | int) -> Country | None:
    t = _tables()
    if isinstance(query, bool):
        return None
    if isinstance(query, int):
        return t.by_numeric.get(query)
    text = query.strip()
    if text.isdigit():
        return t.by_numeric.get(int(text))
    if len(text) == 3 and text.isalpha() and text.upper() in t.by_iso3:
        return t.by_iso3[text.upper()]
    if len(text) == 2 and text.isalpha() and text.isupper() and text in t.by_iso2:
        return t.by_iso2[text]
    for candidate in _readings(text):
        found = t.by_key.get(normalise(candidate))
        if found is not None:
            return found
    if len(text) == 3 and text.isalpha():
        return t.by_cow_alpha.get(text.upper()) or t.by_cameo.get(text.upper())
    return None


def get(query: str | int) -> Country:
    """The country a code or name denotes; see the module docstring for the order of reading.

    >>> get("Albanian").iso3, get("U.S.").iso3, get("IN").name, get("008").name
    ('ALB', 'USA', 'India', 'Albania')

    Raises :class:`~dipevents.errors.UnknownCountryError` naming the value and the nearest
    known names::

        >>> get("Albnia")
        Traceback (most recent call last):
        ...
        dipevents.errors.UnknownCountryError: No country matches 'Albnia'. Did you mean: Albania?
    """
    if not isinstance(query, (str, int)) or isinstance(query, bool):
        raise TypeError(f"country query must be a str or int, not {type(query).__name__}")
    found = _lookup(query)
    if found is not None:
        return found
    suggestions = _suggestions(query) if isinstance(query, str) else []
    message = f"No country matches {query!r}."
    if suggestions:
        message += f" Did you mean: {', '.join(suggestions)}?"
    raise UnknownCountryError(message, value=query, suggestions=suggestions)


def _missing(country: Country, what: str) -> UnknownCountryError:
    return UnknownCountryError(f"{country.name} has no {what}", value=country.iso3)


def to_iso3(query: str | int) -> str:
    """ISO 3166-1 alpha-3 code (``XKX`` for Kosovo). ``to_iso3("Iran") == "IRN"``."""
    return get(query).iso3


def to_iso2(query: str | int) -> str:
    """ISO 3166-1 alpha-2 code (``XK`` for Kosovo). ``to_iso2("Britain") == "GB"``."""
    c = get(query)
    if c.iso2 is None:
        raise _missing(c, "ISO alpha-2 code")
    return c.iso2


def to_iso_numeric(query: str | int) -> int:
    """ISO 3166-1 numeric code. ``to_iso_numeric("ALB") == 8``; Kosovo has none."""
    c = get(query)
    if c.iso_numeric is None:
        raise _missing(c, "ISO numeric code")
    return c.iso_numeric


def to_cow(query: str | int) -> int:
    """Correlates of War numeric code. ``to_cow("ALB") == 339``; Palestine has none."""
    c = get(query)
    if c.cow_code is None:
        raise _missing(c, "COW code")
    return c.cow_code


def to_cow_alpha(query: str | int) -> str:
    """Correlates of War alpha code. ``to_cow_alpha("Germany") == "GMY"``."""
    c = get(query)
    if c.cow_alpha is None:
        raise _missing(c, "COW alpha code")
    return c.cow_alpha


def to_gw(query: str | int) -> int:
    """Gleditsch-Ward numeric code. ``to_gw("Germany") == 260``."""
    c = get(query)
    if c.gw_code is None:
        raise _missing(c, "Gleditsch-Ward code")
    return c.gw_code


def to_cameo(query: str | int) -> str:
    """CAMEO country code (ISO3 but for ``KSV`` Kosovo and ``TMP`` Timor-Leste)."""
    c = get(query)
    if c.cameo is None:
        raise _missing(c, "CAMEO code")
    return c.cameo


def _code_number(code: int | str, system: str) -> int:
    if isinstance(code, bool) or not isinstance(code, (int, str)):
        raise TypeError(f"{system} code must be an int or a string of digits, not {type(code).__name__}")
    if isinstance(code, str):
        if not code.strip().isdigit():
            raise UnknownCountryError(f"{code!r} is not a {system} code (a number)", value=code)
        return int(code)
    return code


def from_cow(code: int | str) -> str:
    """ISO3 of the country with this Correlates of War code (``"058"`` works too).

    >>> from_cow(339), from_cow(347), from_cow(255)
    ('ALB', 'XKX', 'DEU')
    """
    found = _tables().by_cow.get(_code_number(code, "COW"))
    if found is None:
        raise UnknownCountryError(f"No country in the table has COW code {code!r}", value=code)
    return found.iso3


def from_gw(code: int | str) -> str:
    """ISO3 of the country with this Gleditsch-Ward code. ``from_gw(260) == "DEU"``."""
    found = _tables().by_gw.get(_code_number(code, "Gleditsch-Ward"))
    if found is None:
        raise UnknownCountryError(f"No country in the table has Gleditsch-Ward code {code!r}", value=code)
    return found.iso3


def from_cameo(code: str) -> str:
    """ISO3 of a CAMEO country code, or of a CAMEO actor code that starts with one.

    >>> from_cameo("KSV"), from_cameo("USAGOV"), from_cameo("IRN")
    ('XKX', 'USA', 'IRN')
    """
    t = _tables()
    upper = code.strip().upper()
    found = t.by_cameo.get(upper) or (t.by_cameo.get(upper[:3]) if len(upper) > 3 else None)
    if found is None:
        raise UnknownCountryError(f"No country has CAMEO code {code!r}", value=code)
    return found.iso3


def is_iso3(code: str) -> bool:
    """Whether ``code`` is the upper-case ISO3 of a country in the table (``XKX`` included).

    >>> is_iso3("IRN"), is_iso3("XKX"), is_iso3("irn"), is_iso3("HKG")
    (True, True, False, False)
    """
    return isinstance(code, str) and code in _tables().by_iso3


def all_countries() -> tuple[Country, ...]:
    """Every country of the table, in ISO3 order."""
    t = _tables()
    return tuple(t.by_iso3[k] for k in sorted(t.by_iso3))


def surface_forms() -> dict[str, tuple[str, str]]:
    """Every name form as written -> ``(iso3, kind)``, for a text parser's gazetteer.

    Kinds are those of :data:`NAME_KINDS` (a table's own name and official name are
    ``"name"``). Forms that also mean something else are in :func:`ambiguous_forms`.

    >>> surface_forms()["Kremlin"], surface_forms()["Iranians"]
    (('RUS', 'seat'), ('IRN', 'demonym_plural'))
    """
    return dict(_tables().forms)


def ambiguous_forms() -> frozenset[str]:
    """Forms that also commonly mean something else ("Chad", "Turkey", "Georgia").

    >>> {"Chad", "Jordan", "Turkey"} <= ambiguous_forms()
    True
    """
    return _tables().ambiguous
