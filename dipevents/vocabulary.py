"""The action vocabulary and its CAMEO/PLOVER crosswalk, read from ``data/actions.csv``.

>>> from dipevents import vocabulary
>>> vocabulary.get("sever_ties").cameo
'161'
>>> "expel_diplomats" in vocabulary.get("reduce_relations").children
True
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from functools import cache

from dipevents._resources import read_csv
from dipevents.errors import UnknownActionError

__all__ = ["Action", "actions", "fine_actions", "get", "is_action", "names"]


@dataclass(frozen=True, slots=True)
class Action:
    """One action of the vocabulary with its crosswalk to CAMEO and PLOVER."""

    action: str
    level: str  # "fine" (coded from text) or "coarse" (what a coarser dataset can say)
    children: tuple[str, ...]
    label: str
    definition: str
    cameo: str
    cameo_alt: str | None
    quad_class: int
    goldstein: float
    plover_type: str
    plover_mode: str | None
    plover_context: str | None


@cache
def _table() -> dict[str, Action]:
    table: dict[str, Action] = {}
    for row in read_csv("actions.csv"):
        table[row["action"]] = Action(
            action=row["action"],
            level=row["level"],
            children=tuple(c for c in row["children"].split("|") if c),
            label=row["label"],
            definition=row["definition"],
            cameo=row["cameo"],
            cameo_alt=row["cameo_alt"] or None,
            quad_class=int(row["quad_class"]),
            goldstein=float(row["goldstein"]),
            plover_type=row["plover_type"],
            plover_mode=row["plover_mode"] or None,
            plover_context=row["plover_context"] or None,
        )
    return table


def actions() -> tuple[Action, ...]:
    """Every action, fine ones first, in the order of the vocabulary."""
    return tuple(_table().values())


def fine_actions() -> tuple[str, ...]:
    """The 16 actions a text parser codes."""
    return tuple(a.action for a in _table().values() if a.level == "fine")


def names() -> tuple[str, ...]:
    """All action names, fine and coarse."""
    return tuple(_table())


def is_action(name: str) -> bool:
    """True when ``name`` is an action of the vocabulary (fine or coarse)."""
    return name in _table()


def get(name: str) -> Action:
    """Return the action called ``name``.

    Raises :class:`~dipevents.errors.UnknownActionError` naming the nearest actions.

    >>> get("support").plover_type
    'SUPPORT'
    """
    try:
        return _table()[name]
    except (KeyError, TypeError):
        close = difflib.get_close_matches(str(name), list(_table()), n=3)
        hint = f" Did you mean: {', '.join(close)}?" if close else ""
        raise UnknownActionError(
            f"Unknown action {name!r}.{hint} Valid actions: {', '.join(_table())}.",
            value=name,
            suggestions=close,
        ) from None
