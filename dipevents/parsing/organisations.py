"""Non-state organisations named in news text: NGOs, media, companies, armed groups.

A name is a run of capitalised words ending in an organisation head noun ("Committee",
"Watch", "Foundation", "Times"...; ``data/parser_organisations.json``), optionally followed
by "of/for/on" and more capitalised words ("Council on Foreign Relations"). The head gives
the actor type. The recogniser is conservative: a name that starts (after an optional
demonym or country) with a state-body word ("National Security Council", "Foreign Affairs
Committee", "Supreme Council") is a government body and is left to the state recogniser,
and a name right after a state or IGO name ("UN Human Rights Council", "US National
Security Council") belongs to it. IGO names are matched by the gazetteer before this runs.

The actor id is a slug of the full name; an acronym given in brackets ("(AJC)"), or the
initials of the name when the text later uses them, names the same organisation.

>>> [(o.slug, o.actor_type, o.acronyms) for o in find_organisations("The American Jewish Committee (AJC) said so.")]
[('american-jewish-committee', 'ngo', ('AJC',))]
>>> find_organisations("The National Security Council said so.")
[]
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Final

from dipevents._resources import read_json

__all__ = ["Organisation", "find_organisations", "slug"]

_CAPITALISED: Final = re.compile(r"[A-Z][a-z]{1,20}")
# Capitalised words, including "Rights", "Red", "Jewish", "Al-Aqsa", "People's"; no digits.
_WORD: Final = r"[A-Z][\w'’&.-]{0,25}"
_WHEN: Final = (
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|"
    r"August|September|October|November|December)\b"
)


@dataclass(slots=True, init=False, unsafe_hash=True)
class Organisation:
    """An organisation named in a sentence (offsets relative to the sentence)."""

    # (not frozen, and an explicit __init__: a frozen dataclass's generated __init__ sets each
    # field through object.__setattr__, and the compiled build leaves generated methods
    # interpreted, while one is made per organisation named; unsafe_hash keeps it hashable, as
    # frozen did)
    start: int
    end: int
    name: str
    slug: str
    actor_type: str
    acronyms: tuple[str, ...]

    def __init__(self, start: int, end: int, name: str, slug: str, actor_type: str, acronyms: tuple[str, ...]) -> None:
        self.start = start
        self.end = end
        self.name = name
        self.slug = slug
        self.actor_type = actor_type
        self.acronyms = acronyms


@cache
def _table() -> dict:
    return read_json("parser_organisations.json")


@cache
def _pattern() -> re.Pattern[str]:
    heads = sorted({h for hs in _table()["heads"].values() for h in hs}, key=len, reverse=True)
    head = "(?:" + "|".join(re.escape(h).replace(r"\ ", r"\s{1,3}") for h in heads) + ")"
    # ("the Council on Tuesday": a day or a month is no part of a name)
    linked = (
        rf"(?:\s{{1,3}}(?:of|for|on)\s{{1,3}}(?:the\s{{1,3}})?(?!{_WHEN}){_WORD}"
        rf"(?:\s{{1,3}}(?:and\s{{1,3}})?{_WORD}){{0,3}})?"
    )
    return re.compile(
        rf"(?<![\w’'-])(?P<name>(?:{_WORD}\s{{1,3}}){{1,5}}?(?P<head>{head}){linked})(?![\w-])"
        r"(?:\s{0,3}\((?P<acr>[A-Z][A-Za-z]{1,7})\))?"
    )


@cache
def _head_types() -> dict[str, str]:
    return {h.casefold(): kind for kind, hs in _table()["heads"].items() for h in hs}


@cache
def _state_words() -> frozenset[str]:
    return frozenset(_table()["state_words"])


@cache
def _stop_first() -> frozenset[str]:
    return frozenset(_table()["stop_first"])


def slug(name: str) -> str:
    """The actor id of an organisation: its name in lower-case words joined by '-', the British
    "-isation" spelt "-ization", so one organisation has one id in British and American text.

    >>> slug("Human Rights Watch")
    'human-rights-watch'
    >>> slug("Palestine Liberation Organisation")
    'palestine-liberation-organization'
    """
    words = re.findall(r"[a-z0-9]+", name.casefold().replace("’", "").replace("'", ""))
    return "-".join(word.replace("isation", "ization") for word in words)


def _initials(words: list[str]) -> str:
    linkers = set(_table()["linkers"]) | {"the"}
    return "".join(w[0] for w in words if w not in linkers and w[:1].isupper())


def find_organisations(sentence: str, *, is_place: Callable[[str], str | None] | None = None) -> list[Organisation]:
    """Organisations named in ``sentence``, left to right.

    ``is_place``, when given, maps a word to "state" or "igo" when the gazetteer knows it
    (else None): a leading state name or demonym is allowed ("American Jewish Committee") but
    the next word must not be a state-body word; a leading IGO name makes it the IGO's body.
    """
    if _first_letters().isdisjoint(_CAPITALISED.findall(sentence)):
        return []
    out: list[Organisation] = []
    state_words = _state_words()
    stop = _stop_first()
    for m in _pattern().finditer(sentence):
        start = m.start("name")
        name = m.group("name")
        words = name.split()
        # Sentence-initial or title words before the name are not part of it.
        while words and words[0] in stop:
            start += sentence[start:].index(words[0]) + len(words[0])
            start += len(sentence[start:]) - len(sentence[start:].lstrip())
            words = words[1:]
        if words and words[0].endswith(("'s", "’s")):
            # "Iran's Supreme National Security Council": the possessor is not part of the name.
            start = sentence.index(words[1], start + len(words[0])) if len(words) > 1 else start
            words = words[1:]
        if len(words) < 2:
            continue
        kind = _head_types().get(" ".join(m.group("head").split()).casefold(), "ngo")
        first_kind = is_place(words[0]) if is_place is not None else None
        if first_kind == "igo":
            continue  # "UN Human Rights Council": the IGO's own body
        place_first = bool(first_kind)
        if place_first and len(words) == 2 and kind != "media":
            continue  # "Iran Committee", "Russian Federation": not an organisation's name
        if any(w.rstrip(",") in state_words for w in words[1 if place_first else 0 :]):
            continue  # "National Security Council", "CPC Central Committee", "... of the Russian Government"
        if is_place is not None and _after_actor(sentence, start, is_place):
            continue  # "UN Human Rights Council": the IGO's own body
        clean = " ".join(words)
        acronyms: list[str] = []
        if m.group("acr"):
            acronyms.append(m.group("acr"))
        initials = _initials(words)
        if len(initials) >= 3 and initials not in acronyms:
            acronyms.append(initials)
        end = m.end("name")
        out.append(Organisation(start, end, clean, slug(clean), kind, tuple(acronyms)))
    return out


def _after_actor(sentence: str, start: int, is_place: Callable[[str], str | None]) -> bool:
    before = sentence[max(0, start - 30) : start].rstrip()
    last = before.split()[-1] if before.split() else ""
    return bool(last) and bool(is_place(last.rstrip("'’s")))


def organisation_heads() -> frozenset[str]:
    """The words an organisation's name can end on ("Committee", "Watch"): a sentence that
    has none of them, as a capitalised word, names no organisation."""
    return _first_letters()


@cache
def _first_letters() -> frozenset[str]:
    # A cheap gate: a sentence without any head word cannot name an organisation.
    return frozenset(h.split()[-1] for hs in _table()["heads"].values() for h in hs)
