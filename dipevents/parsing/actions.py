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
from dipevents.parsing._trie import trie_regex

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
    keys: tuple[str, ...] = ()

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
                keys=tuple(k.lower() for k in row["keys"]),
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


@cache
def _key_index() -> tuple[re.Pattern[str], dict[str, tuple[int, ...]], int]:
    """The key regex (every trigger's keys as word beginnings) and key -> trigger positions."""
    index: dict[str, list[int]] = {}
    for i, trig in enumerate(triggers()):
        for key in trig.keys:
            index.setdefault(key, []).append(i)
    # Matched against the lower-cased sentence: a case-sensitive scan is several times faster.
    pattern = re.compile(r"\b(?:" + trie_regex(index) + ")")
    longest = max(len(k) for k in index)
    return pattern, {k: tuple(v) for k, v in index.items()}, longest


def prefilter(sentence: str) -> bool:
    """Cheap test: False means no trigger can match ``sentence``."""
    return _key_index()[0].search(sentence.lower()) is not None


def _candidates(sentence: str) -> list[Trigger]:
    pattern, index, longest = _key_index()
    hit: set[str] = set()
    for m in pattern.finditer(sentence.lower()):
        word = m.group(0)
        # The regex returns the longest key; shorter keys that begin the word count too.
        for i in range(1, min(len(word), longest) + 1):
            if word[:i] in index:
                hit.add(word[:i])
    chosen: set[int] = set()
    for key in hit:
        chosen.update(index[key])
    every = triggers()
    return [every[i] for i in sorted(chosen)]


def find_triggers(sentence: str, *, every: bool = False) -> list[TriggerMatch]:
    """Trigger matches in ``sentence``, left to right; overlapping matches of one action merge.

    Only the triggers whose keys occur in the sentence are tried (``every`` tries all, for tests).
    """
    found: list[TriggerMatch] = []
    for trig in triggers() if every else _candidates(sentence):
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
