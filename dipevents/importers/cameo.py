"""CAMEO codes in dipevents terms: event codes to actions, actor codes to actor ids.

The decisions live in package data, not here: ``data/crosswalk_cameo_actions.csv`` (event
code -> action, with its precision) and ``data/crosswalk_cameo_roles.csv`` (which role
codes after a country code still mean the state).

>>> action_for("161"), action_for("1122"), action_for("114")
('reduce_relations', 'accuse', None)
>>> resolve_actor("ALBGOV"), resolve_actor("IGOWSTNAT")
(ActorRef(id='ALB', type='state', reason=None), ActorRef(id='NATO', type='igo', reason=None))
>>> resolve_actor("USAOPP").reason, resolve_actor("EUR").reason, resolve_actor("").reason
('non_state_actor', 'unknown_actor_code', 'missing')
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from dipevents import countries, igos, vocabulary
from dipevents._resources import read_csv
from dipevents.errors import UnknownCountryError, UnknownIGOError
from dipevents.importers.common import ActorRef, Lookup

__all__ = ["CameoMapping", "action_for", "action_lookup", "actions_table", "resolve_actor", "roles"]


@dataclass(frozen=True, slots=True)
class CameoMapping:
    """One row of the CAMEO crosswalk; ``action`` is None for a deliberate 'no equivalent'."""

    cameo: str
    label: str
    action: str | None
    precision: str | None
    note: str


@cache
def actions_table() -> dict[str, CameoMapping]:
    """The CAMEO event-code crosswalk, code -> mapping (checked against the vocabulary)."""
    table: dict[str, CameoMapping] = {}
    for row in read_csv("crosswalk_cameo_actions.csv"):
        action = row["action"] or None
        if action is not None:
            vocabulary.get(action)  # a typo in the data file fails loudly, naming the action
        table[row["cameo"]] = CameoMapping(row["cameo"], row["label"], action, row["precision"] or None, row["note"])
    return table


def action_for(code: str) -> str | None:
    """The dipevents action of a CAMEO event code, or None when it has no equivalent."""
    found = actions_table().get(code.strip())
    return found.action if found else None


@cache
def action_lookup() -> Lookup:
    """Vectorised code -> action lookup (mapped codes only)."""
    return Lookup({c: (m.action,) for c, m in actions_table().items() if m.action}, ["action"])


@cache
def roles() -> dict[str, str]:
    """CAMEO role code -> kind (state, modifier, non_state, unknown)."""
    return {row["role"]: row["kind"] for row in read_csv("crosswalk_cameo_roles.csv")}


def _role_kind(chunks: list[str]) -> str:
    kinds = {roles().get(c, "non_state") for c in chunks} - {"modifier"}
    if "non_state" in kinds:
        return "non_state"
    if "unknown" in kinds:
        return "unknown"
    return "state"


@cache
def resolve_actor(code: str) -> ActorRef:
    """What a CAMEO actor code (``ALBGOV``, ``IGOWSTNAT``, ``USAOPP``) names in dipevents terms.

    A country code followed only by state roles (GOV, MIL, SPY, COP) is the state; any other
    role makes it a non-state actor. IGO codes go through :func:`dipevents.igos.from_cameo`.
    Reason ``missing`` is turned into ``no_actor``/``no_target`` by the caller.
    """
    code = code.strip().upper()
    if not code:
        return ActorRef(reason="missing")
    head, rest = code[:3], code[3:]
    if head == "IGO":
        try:
            return ActorRef(igos.from_cameo(code), "igo")
        except UnknownIGOError:
            return ActorRef(reason="unknown_actor_code")
    chunks = [rest[i : i + 3] for i in range(0, len(rest), 3)]
    try:
        iso3 = countries.from_cameo(head)
    except UnknownCountryError:
        kind = roles().get(head)
        # A bare role (GOV, CVL): a government of no named state is unknown, civilians are not a state.
        if kind in ("non_state",) or (kind == "modifier"):
            return ActorRef(reason="non_state_actor")
        return ActorRef(reason="unknown_actor_code")
    kind = _role_kind(chunks)
    if kind == "state":
        return ActorRef(iso3, "state")
    if kind == "unknown":
        return ActorRef(reason="unknown_actor_code")
    return ActorRef(reason="non_state_actor")


def resolve_for_lookup(code: str) -> tuple[str | None, str | None, str | None]:
    ref = resolve_actor(code)
    return ref.id, ref.type, ref.reason
