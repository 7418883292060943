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
from dataclasses import dataclass, field
from functools import cache, reduce
from itertools import compress
from operator import or_
from typing import Any, Final

from dipevents._resources import read_json
from dipevents.parsing._trie import (
    contains_any,
    finditer_at_prefixes,
    folded,
    literal_prefixes,
    required_words,
    trie_regex,
)
from dipevents.parsing.organisations import organisation_heads

__all__ = [
    "SPEECH_VERBS",
    "Cues",
    "Trigger",
    "TriggerMatch",
    "cues",
    "find_triggers",
    "gate_groups",
    "prefilter",
    "triggers",
]

_MACRO: Final = re.compile(r"\{([A-Z]{2,12})\}")


@dataclass(frozen=True, slots=True)
class Trigger:
    """One phrasing of an action, compiled."""

    action: str
    name: str
    voice: str
    pattern: re.Pattern[str]
    mutual: bool = False
    left_target: bool = False
    # The phrasing names no target ("said it would respond in kind"): the story's other party.
    story_target: bool = False
    # The phrasing holds its own "not" ("told the envoy not to return"): only a negation
    # before it cancels the act.
    negated: bool = False
    # The phrasing's object is a pronoun ("restored them", "returned him"): the noun it stands
    # for must be named before it in the sentence ("relations", "its ambassador").
    antecedent: re.Pattern[str] | None = None
    keys: tuple[str, ...] = ()
    # Lower-case ASCII words, one of which begins every match (``_trie.literal_prefixes``);
    # empty when the pattern does not allow the test.
    prefixes: tuple[str, ...] = ()
    # Lower-case ASCII words, one of which stands in every match (``_trie.required_words``).
    required: tuple[str, ...] = ()

    @property
    def rule(self) -> str:
        return f"{self.action}:{self.name}"


@dataclass(slots=True, init=False, unsafe_hash=True)
class TriggerMatch:
    """A trigger found in a sentence (offsets relative to the sentence)."""

    # (not frozen, and an explicit __init__: a frozen dataclass's generated __init__ sets each
    # field through object.__setattr__, and the compiled build leaves generated methods
    # interpreted, while one is made per trigger found; unsafe_hash keeps it hashable, as
    # frozen did)
    trigger: Trigger
    start: int
    end: int
    text: str
    # ``trigger.action``, kept as an attribute: the coder asks it thousands of times per
    # document, and a property costs a Python call each time.
    action: str = field(repr=False, compare=False)

    def __init__(self, trigger: Trigger, start: int, end: int, text: str) -> None:
        self.trigger = trigger
        self.start = start
        self.end = end
        self.text = text
        self.action = trigger.action

    @property
    def rule(self) -> str:
        return self.trigger.rule


@dataclass(frozen=True, slots=True)
class Cues:
    """Compiled cue patterns: negation, modality, reason clauses, speech verbs, cyber words."""

    negation: re.Pattern[str]
    hypothetical: re.Pattern[str]
    future: re.Pattern[str]
    vague_time: re.Pattern[str]  # a time set for no date: "in due course", "at an appropriate time"
    unconfirmed: re.Pattern[str]  # an act reported as unconfirmed: "there was no official confirmation"
    no_future: frozenset[str]
    exempt_hypothetical: frozenset[str]
    reason_clause: re.Pattern[str]
    speech_verbs: re.Pattern[str]
    cyber: re.Pattern[str]
    accusation_nouns: re.Pattern[str]
    envoy: re.Pattern[str]  # the lexicon's ENVOY macro as a word: "ambassador", "embassy staff"


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
        pattern = re.compile(_expand(row["pattern"], macros), flags)
        out.append(
            Trigger(
                action=row["action"],
                name=row["name"],
                voice=row["voice"],
                pattern=pattern,
                mutual=bool(row.get("mutual")),
                left_target=bool(row.get("left_target")),
                story_target=bool(row.get("story_target")),
                negated=bool(row.get("negated")),
                antecedent=re.compile(_expand(row["antecedent"], macros), flags) if "antecedent" in row else None,
                keys=tuple(k.lower() for k in row["keys"]),
                prefixes=literal_prefixes(pattern),
                required=required_words(pattern),
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
        vague_time=re.compile(c["vague_time"], i),
        unconfirmed=re.compile(c["unconfirmed"], i),
        no_future=frozenset(c["no_future"]),
        exempt_hypothetical=frozenset(c["exempt_hypothetical"]),
        reason_clause=re.compile(c["reason_clause"], i),
        speech_verbs=re.compile(c["speech_verbs"], i),
        cyber=re.compile(c["cyber"], i),
        accusation_nouns=re.compile(c["accusation_nouns"], i),
        envoy=re.compile(r"\b" + _lexicon()["macros"]["ENVOY"] + r"\b", i),
    )


class _KeyIndex:
    """Every trigger's keys (word beginnings) and the actor module's gate groups (substrings),
    with a memo of the whitespace tokens already checked.

    A sentence's tokens are compared with the memo by set operations (C speed); only tokens
    never seen before are checked key by key, and news vocabulary repeats a lot. One pass
    serves both the trigger prefilter and the actor module's gates (official titles,
    anaphors, pairs, allies), and the result for the last sentence is kept, since the coder
    asks several times per sentence. A token's triggers and groups are kept as bits of one
    int, so a sentence's are ORs in one C-level pass over its tokens, and its triggers come
    out in lexicon order without a sort.
    """

    _MEMO_LIMIT = 200_000  # tokens; the memo is cleared beyond this (bounded memory)

    def __init__(self, index: dict[str, tuple[int, ...]], groups: dict[str, tuple[str, ...]]) -> None:
        self.triggers = index
        self.groups = groups
        # A token's triggers (bit i: trigger i) and, above them, its gate groups, in one int.
        self._key_masks = {key: sum(1 << i for i in set(ids)) for key, ids in index.items()}
        self._group_shift = 1 + max((i for ids in index.values() for i in ids), default=0)
        self._trigger_bits = (1 << self._group_shift) - 1
        self._group_bits = {name: 1 << i for i, name in enumerate(groups)}
        # One pattern per group: any of its keys as a substring (at the token's beginning for
        # the groups in _TOKEN_START), tested in one C-level call; with the group's bit in place.
        self._group_tests = []
        anywhere: list[str] = []
        for name, keys in groups.items():
            pattern = _any_of(keys)
            test = pattern.match if name in _TOKEN_START else pattern.search
            self._group_tests.append((self._group_bits[name] << self._group_shift, test))
            anywhere.extend(keys)
        # Most new tokens are in no group: one search for any group's key rules them out at once.
        self._any_group = _any_of(anywhere).search
        # And most are in no group and hold no trigger key: one search for any key, of a
        # trigger or a group, anywhere in the token (what every hit holds, and more) rules
        # them out before the word-by-word checks.
        self._any_key = _any_of([*index, *anywhere]).search
        # The keys the token's words begin with (a word: three letters or more, cut at
        # anything but a letter, as \b would cut it at a hyphen or an apostrophe). One pattern
        # finds at each word start the longest key there, which stands for itself and the
        # keys that begin it ("expel" in "expell").
        plain = {k for k in index if "-" not in k and len(k) >= 3}
        self._longest_keys = re.compile(r"(?<![^\W\d_])(?:" + trie_regex(plain, literal=True) + ")").findall
        self._keys_begun = {k: tuple(k[:n] for n in range(1, len(k) + 1) if k[:n] in plain) for k in plain}
        self.hyphenated = tuple(k for k in index if "-" in k)  # "re-open": tested as substrings
        # A found key's triggers: a longest key's are those of the keys it stands for.
        self._found_masks = {k: reduce(or_, map(self._key_masks.__getitem__, self._keys_begun[k])) for k in plain}
        self._found_masks.update((k, self._key_masks[k]) for k in self.hyphenated)
        # token -> the keys found in it, longest keys standing for the keys they begin with
        # (hits only)
        self.keys_of: dict[str, tuple[str, ...]] = {}
        self._groups_by_mask: dict[int, set[str]] = {0: set()}  # (shared: not to be modified)
        self.seen: dict[str, int] = {}  # every token checked -> its bits (0: none)
        self.hit_tokens: set[str] = set()
        self.last: tuple[str, int, set[str]] = ("", 0, set())

    def scan(self, sentence: str) -> tuple[str, int, set[str]]:
        """(sentence, the triggers whose keys it holds as a bit mask, gate groups in it)."""
        if sentence is self.last[0]:
            return self.last
        # Whitespace tokens as written ("Monday.", "anti-sanctions") are memo keys, looked up
        # and their bits OR-ed in one C-level pass; a new token is lower-cased, cut into words
        # at hyphens and punctuation, as \b would, and checked once. (Lower-casing neither
        # makes nor removes whitespace, so these are the lower-cased text's tokens.)
        tokens = sentence.split()
        try:  # (most tokens have no bits: filtered out before the costlier ORs of long ints)
            bits = reduce(or_, filter(None, map(self.seen.__getitem__, tokens)), 0)
        except KeyError:
            self._learn(tokens)
            bits = reduce(or_, filter(None, map(self.seen.__getitem__, tokens)), 0)
        group_bits = bits >> self._group_shift
        in_groups = self._groups_by_mask.get(group_bits)
        if in_groups is None:
            in_groups = {name for name, bit in self._group_bits.items() if group_bits & bit}
            self._groups_by_mask[group_bits] = in_groups
        self.last = (sentence, bits & self._trigger_bits, in_groups)
        return self.last

    def _learn(self, tokens: list[str]) -> None:
        """Check the tokens never seen before (the memo is cleared beyond ``_MEMO_LIMIT``)."""
        if len(self.seen) > self._MEMO_LIMIT:
            self.seen.clear()
            self.keys_of.clear()
            self.hit_tokens.clear()
        new = list(set(tokens).difference(self.seen))
        self.seen.update(dict.fromkeys(new, 0))
        lows = list(map(str.lower, new))
        groups, masks = self._group_tests, self._found_masks
        # (compress and map: the tokens without any key are passed over in C)
        for token, low in compress(zip(new, lows, strict=True), map(self._any_key, lows)):
            keys = self._longest_keys(low)
            if "-" in low:
                keys.extend([k for k in self.hyphenated if k in low])
            bits = sum([bit for bit, test in groups if test(low)]) if self._any_group(low) else 0
            if keys or bits:
                self.keys_of[token] = tuple(keys)
                self.hit_tokens.add(token)
                self.seen[token] = reduce(or_, map(masks.__getitem__, keys), bits)

    def keys_in(self, sentence: str) -> set[str]:
        """The trigger keys that begin a word of ``sentence``."""
        self.scan(sentence)  # (fills the memo for its tokens)
        found = {k for token in self.hit_tokens.intersection(sentence.split()) for k in self.keys_of[token]}
        return {begun for k in found for begun in self._keys_begun.get(k, (k,))}


def _any_of(words: list[str] | tuple[str, ...]) -> re.Pattern[str]:
    """A pattern that matches where one of ``words`` (literal strings) stands, shaped as a
    trie: each character of a token is compared with a few first letters, not with every
    word in turn. Only whether a word stands there is asked, so a word that extends another
    ("ministry" after "minist") is left out.
    """
    kept: list[str] = []
    for word in sorted(set(words)):  # (a word's extensions sort right after it)
        if not kept or not word.startswith(kept[-1]):
            kept.append(word)
    return re.compile(trie_regex(kept, literal=True) if kept else "(?!)")


#: The verbs that close a speaker attribution ("..., the minister said"): the coder's speaker
#: pattern needs one of them after whitespace.
SPEECH_VERBS: Final = ("said", "says", "wrote", "writes", "added", "stated", "told", "tweeted", "declared")
# Groups whose patterns need the key right after whitespace: a token must begin with it.
# (state and ally anaphors end on a head noun after \s; the speech verbs follow \s.)
_TOKEN_START: Final = frozenset({"state", "ally", "speech"})


@cache
def _key_index() -> _KeyIndex:
    index: dict[str, list[int]] = {}
    for i, trig in enumerate(triggers()):
        for key in trig.keys:
            index.setdefault(key, []).append(i)
    lex = _lexicon()
    groups = {"officials": tuple(lex["officials"]["keys"])}
    groups.update({name: tuple(keys) for name, keys in lex["anaphors"]["keys"].items()})
    groups["organisations"] = tuple(sorted(h.lower() for h in organisation_heads()))
    groups["speech"] = SPEECH_VERBS
    return _KeyIndex({k: tuple(v) for k, v in index.items()}, groups)


def gate_groups(sentence: str) -> set[str]:
    """The gates whose keys occur in one of the sentence's lower-cased whitespace tokens:
    ``officials`` (titles and bodies) and the anaphor groups ``state``, ``pair``, ``ally``
    (``data/parser_lexicon.json``), ``organisations`` (the last words of organisation names,
    ``data/parser_organisations.json``) and ``speech`` (:data:`SPEECH_VERBS`). A key may sit
    anywhere in the token, except for ``state``, ``ally`` and ``speech``, whose patterns need
    it at the token's beginning. Do not modify the returned set.

    >>> sorted(gate_groups("The Foreign Ministry said both countries agreed."))
    ['officials', 'pair', 'speech', 'state']
    """
    return _key_index().scan(sentence)[2]


def prefilter(sentence: str) -> bool:
    """Cheap test: False means no trigger can match ``sentence``."""
    return _key_index().scan(sentence)[1] != 0  # (every key belongs to a trigger)


def _candidates(sentence: str) -> list[Trigger]:
    """The triggers whose keys the sentence holds, in lexicon order."""
    mask = _key_index().scan(sentence)[1]
    every = triggers()
    out = []
    while mask:
        lowest = mask & -mask
        out.append(every[lowest.bit_length() - 1])
        mask ^= lowest
    return out


def find_triggers(sentence: str, *, every: bool = False) -> list[TriggerMatch]:
    """Trigger matches in ``sentence``, left to right; overlapping matches of one action merge.

    Only the triggers whose keys occur in the sentence are tried (``every`` tries all, for tests,
    with a plain ``finditer``), and of those only the ones whose required words
    (``Trigger.required``) the sentence holds. A pattern is tried only where one of its
    literal prefixes stands (``_trie.finditer_at_prefixes``), which finds what ``finditer``
    finds.
    """
    found: list[TriggerMatch] = []
    if every:
        for trig in triggers():
            for m in trig.pattern.finditer(sentence):
                if trig.antecedent is None or trig.antecedent.search(sentence, 0, m.start()):
                    found.append(TriggerMatch(trig, m.start(), m.end(), m.group(0)))
    else:
        low = folded(sentence)
        for trig in _candidates(sentence):
            if trig.required and low is not None and not contains_any(low, trig.required):
                continue  # every match holds one of these words: no match here
            for m in finditer_at_prefixes(trig.pattern, trig.prefixes, sentence, low):
                if trig.antecedent is None or trig.antecedent.search(sentence, 0, m.start()):
                    found.append(TriggerMatch(trig, m.start(), m.end(), m.group(0)))
    if len(found) < 2:
        return found
    found.sort(key=lambda t: (t.start, -(t.end - t.start)))
    out: list[TriggerMatch] = []
    for t in found:
        # The same action matched twice over one span is one trigger: keep the longest.
        if any(o.action == t.action and o.start <= t.start < o.end for o in out):
            continue
        out.append(t)
    return out
