"""Action triggers: the phrasings of the 16 actions, read from ``data/parser_lexicon.json``.

Each trigger is a bounded regular expression with a voice that tells the coder where the
actor and target sit (see the lexicon's ``_about``). :func:`find_triggers` returns the
triggers of a sentence; :func:`prefilter` is the cheap test that lets the coder skip the
many sentences that carry no event.

>>> [(t.action, t.rule) for t in find_triggers("Albania cut diplomatic ties with Iran.")]
[('sever_ties', 'sever_ties:verb(sever ties)')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from dipevents._resources import read_json

__all__ = ["Cues", "Trigger", "TriggerMatch", "cues", "find_triggers", "prefilter", "triggers"]

_MACRO = re.compile(r"\{([A-Z]{2,12})\}")


@dataclass(frozen=True, slots=True)
class Trigger:
    """One phrasing of an action, compiled."""

    action: str
    name: str
    voice: str
    pattern: re.Pattern[str]
    mutual: bool = False
    left_target: bool = False

    @property
    def rule(self) -> str:
        return f"{self.action}:{self.name}"


@dataclass(frozen=True, slots=True)
class TriggerMatch:
    """A trigger found in a sentence (offsets relative to the sentence)."""

    trigger: Trigger
    start: int
    end: int
    text: str

    @property
    def action(self) -> str:
        return self.trigger.action

    @property
    def rule(self) -> str:
        return self.trigger.rule


@dataclass(frozen=True, slots=True)
class Cues:
    """Compiled cue patterns: negation, modality, reason clauses, speech verbs, cyber words."""

    negation: re.Pattern[str]
    hypothetical: re.Pattern[str]
    future: re.Pattern[str]
    no_future: frozenset[str]
    exempt_hypothetical: frozenset[str]
    reason_clause: re.Pattern[str]
    speech_verbs: re.Pattern[str]
    cyber: re.Pattern[str]
    accusation_nouns: re.Pattern[str]


@cache
def _lexicon() -> dict[str, Any]:
    return read_json("parser_lexicon.json")


def _expand(pattern: str, macros: dict[str, str]) -> str:
    for _ in range(4):  # macros may use macros, a few levels deep
        new = _MACRO.sub(lambda m: macros.get(m.group(1), m.group(0)), pattern)
        if new == pattern:
            break
        pattern = new
    return pattern


@cache
def triggers() -> tuple[Trigger, ...]:
    """Every trigger of the lexicon, compiled (case-insensitive) in lexicon order."""
    lex = _lexicon()
    macros = lex["macros"]
    out = []
    for row in lex["triggers"]:
        flags = re.IGNORECASE
        out.append(
            Trigger(
                action=row["action"],
                name=row["name"],
                voice=row["voice"],
                pattern=re.compile(_expand(row["pattern"], macros), flags),
                mutual=bool(row.get("mutual")),
                left_target=bool(row.get("left_target")),
            )
        )
    return tuple(out)


@cache
def cues() -> Cues:
    """The compiled cue patterns of the lexicon."""
    c = _lexicon()["cues"]
    i = re.IGNORECASE
    return Cues(
        negation=re.compile(c["negation"], i),
        hypothetical=re.compile(c["hypothetical"], i),
        future=re.compile(c["future"], i),
        no_future=frozenset(c["no_future"]),
        exempt_hypothetical=frozenset(c["exempt_hypothetical"]),
        reason_clause=re.compile(c["reason_clause"], i),
        speech_verbs=re.compile(c["speech_verbs"], i),
        cyber=re.compile(c["cyber"], i),
        accusation_nouns=re.compile(c["accusation_nouns"], i),
    )


# Word stems of every trigger: a sentence without one of them cannot hold an event.
_STEMS = (
    r"sever|cut|break|broke|snap|end|termin|ruptur|downgrad|reduc|lower|scal|suspend|freez|froze|strip|depriv|"
    r"revok|withdr|recall|pull|call|bring|brought|expel|expuls|persona|order|told|tell|gave|giv|ask|instruct|"
    r"sent|slash|limit|clos|shut|summon|sanction|embargo|blockad|halt|stop|ban|accus|alleg|blam|charg|indict|"
    r"attribut|link|tie|tying|interfer|interven|meddl|illegal|illicit|hostile|subversive|spy|espionage|claim|"
    r"cyber|hack|malware|ransomware|condemn|denounc|deplor|censur|rebuk|slam|critici|lambast|castigat|regret|"
    r"concern|alarm|troubl|disturb|disappoint|protest|indignation|outrage|demarche|démarche|unacceptable|"
    r"unjustified|unfriendly|attack|oppos|den[yi]|reject|refut|dismiss|rebuff|retort|baseless|groundless|"
    r"unfounded|fabricat|fallacious|false|misleading|unconfirmed|disinformation|so-called|demand|urg|press|"
    r"implor|hold|held|should|must|warn|threat|vow|retaliat|consequence|impose|respond|deal|support|back|"
    r"endors|welcom|prais|applaud|salut|commend|congratulat|thank|appreciat|solidarity|gratitude|stand|stood|"
    r"defen|agree|restor|resum|establish|normali|renew|reinstat|upgrad|mend|open|return|appoint|exchang|"
    r"recogni|switch|entry|travel|visa|import|export|reopen|reestablish|reappoint|re-open"
)
_PREFILTER = re.compile(r"\b(?:" + _STEMS + r")", re.IGNORECASE)


def prefilter(sentence: str) -> bool:
    """Cheap test: False means no trigger can match ``sentence``."""
    return _PREFILTER.search(sentence) is not None


def find_triggers(sentence: str) -> list[TriggerMatch]:
    """Trigger matches in ``sentence``, left to right; overlapping matches of one action merge."""
    found: list[TriggerMatch] = []
    for trig in triggers():
        for m in trig.pattern.finditer(sentence):
            found.append(TriggerMatch(trig, m.start(), m.end(), m.group(0)))
    found.sort(key=lambda t: (t.start, -(t.end - t.start)))
    out: list[TriggerMatch] = []
    for t in found:
        # The same action matched twice over one span is one trigger: keep the longest.
        if any(o.action == t.action and o.start <= t.start < o.end for o in out):
            continue
        out.append(t)
    return out
