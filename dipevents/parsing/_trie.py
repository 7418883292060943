"""One regular expression for many literal words, shaped as a trie; and the literal words a
regular expression's matches begin with, to try it only where they stand.

Python's ``re`` tries the branches of an alternation one after the other; sharing prefixes
("Saudi", "Saudi Arabia", "Saudis") makes each branch point tried once, so the cost of a
scan barely grows with the number of words.

A pattern that begins with ``\\b`` and a list of words ("\\b(?:sever(?:s|ed)?|cut...)")
gives the engine nothing to skip ahead with when it ignores case: ``finditer`` tries the
whole pattern at every character. :func:`literal_prefixes` reads the words every match
begins with from the parsed pattern; ``str.find`` of them in the lower-cased text gives the
few places where a match can begin, and :func:`finditer_at_prefixes` tries the pattern
there only, finding what ``finditer`` finds.

>>> import re
>>> re.fullmatch(trie_regex(["expel", "expelled", "expulsion"]), "expelled") is not None
True
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import lru_cache
from re import _constants as _sre  # type: ignore[attr-defined]
from re import _parser as _sre_parse  # type: ignore[attr-defined]
from typing import Any, Final

__all__ = [
    "contains_any",
    "finditer_at_prefixes",
    "folded",
    "literal_prefixes",
    "match_width",
    "required_words",
    "search_at_prefixes",
    "trie_regex",
    "trie_regex_by_first",
]


def _trie(words: Iterable[str]) -> dict:
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}
    return trie


def _build(node: dict, escape: Callable[[str], str]) -> str:
    if not node:
        return ""
    alts = []
    optional = "" in node
    for ch in sorted(k for k in node if k):
        alts.append(escape(ch) + _build(node[ch], escape))
    if not alts:
        return ""
    body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
    if optional:
        return "(?:" + body + ")?"
    return body


def trie_regex(words: Iterable[str], *, literal: bool = False) -> str:
    """One alternation of ``words`` shaped as a trie: each branch point tried once.

    A space stands for one to three whitespace characters and an apostrophe for either
    apostrophe, as names are written; with ``literal``, every character stands for itself.
    """
    return _build(_trie(words), re.escape if literal else _escape)


def trie_regex_by_first(words: Iterable[str]) -> dict[str, str]:
    """The same trie cut at its first level: first character -> pattern of the rest.

    ``trie_regex(words)`` is the alternation of ``re.escape(c) + rest`` over these items
    (for non-empty words), which lets a caller decide how the first character is matched.

    >>> trie_regex_by_first(["iran", "iraq", "oman"])
    {'i': 'ra(?:n|q)', 'o': 'man'}
    """
    trie = _trie(words)
    return {ch: _build(trie[ch], _escape) for ch in sorted(k for k in trie if k)}


def _escape(ch: str) -> str:
    if ch == " ":
        return r"\s{1,3}"
    if ch in "'’":
        return "['’]"
    return re.escape(ch)


# -- the literal words a pattern's matches begin with --------------------------------------

_MAX_PREFIXES: Final = 64
_SMALL_CLASS: Final = 4  # a class of up to this many literal characters is read as alternatives
_REPEATS: Final = (_sre.MAX_REPEAT, _sre.MIN_REPEAT, _sre.POSSESSIVE_REPEAT)
_ZERO_WIDTH: Final = (_sre.AT, _sre.ASSERT, _sre.ASSERT_NOT)
# The only characters outside ASCII that a case-insensitive pattern matches to an ASCII
# letter or digit (dotted and dotless i, long s, the Kelvin sign; a test checks the list). A
# text holding one is matched the plain way.
_FOLDS_TO_ASCII: Final = ("\u0130", "\u0131", "\u017f", "\u212a")
# A prefix made of this one character stands for any decimal digit (\d, Unicode included),
# for the patterns that begin with a number ("[0-3]?\d", "\d{1,2}").
DIGIT: Final = "\x00"
_DIGIT_RE: Final = re.compile(r"\d")


def _prefix_paths(items: Any) -> list[tuple[str, bool]]:
    """(prefix, complete) pairs for a parsed sequence: every match of it begins with one of
    the prefixes; ``complete`` when the path was literal to its end, so that what follows the
    sequence extends the prefix. Whatever is not a literal ends a path (a safe truncation)."""
    paths = [("", True)]
    for op, av in items:
        if not any(complete for _, complete in paths):
            break
        if op in _ZERO_WIDTH:
            continue  # \b and lookarounds consume nothing: leaving them out only adds places
        if op is _sre.LITERAL:
            alts = [(chr(av), True)]
        elif op is _sre.IN and _digits_only(av):
            alts = [(DIGIT, False)]
        elif op is _sre.IN and 0 < len(av) <= _SMALL_CLASS and all(o is _sre.LITERAL for o, _ in av):
            alts = [(chr(c), True) for _, c in av]  # "[Tt]he": either letter begins the word
        elif op is _sre.SUBPATTERN and not av[1] and not av[2]:  # a group without flag changes
            alts = _prefix_paths(av[3].data)
        elif op is _sre.BRANCH:
            each = [_prefix_paths(alt.data) for alt in av[1]]
            alts = [path for paths_of_alt in each for path in paths_of_alt]
            if len(alts) > _MAX_PREFIXES:
                # Too many words ("condemn(?:s|ed|ing)?|denounc(?:e|es|ed)|..."): the shortest of
                # each alternative's, which its matches begin with too, rather than none at all.
                alts = [(p, False) for paths_of_alt in each for p in _shortest(paths_of_alt)]
        elif op in _REPEATS:
            alts = [(p, False) for p, _ in _prefix_paths(av[2].data)]
            if av[0] == 0:
                alts.append(("", True))  # no repetition at all: what follows comes first
        else:
            alts = [("", False)]
        new = list(dict.fromkeys((p + q, c) if complete else (p, False) for p, complete in paths for q, c in alts))
        if len(new) > _MAX_PREFIXES:
            return [(p, False) for p, _ in paths]  # too many words: cut every path here
        paths = new
    return paths


def _shortest(paths: list[tuple[str, bool]]) -> list[str]:
    """The prefixes of ``paths`` that extend no other (each path begins with one of them)."""
    words = dict.fromkeys(p for p, _ in paths)
    return [w for w in words if not any(w != v and w.startswith(v) for v in words)]


def _digits_only(items: Any) -> bool:
    """Whether a character class matches decimal digits only (\\d, 0-9 or a part of it)."""
    return bool(items) and all(
        (op is _sre.CATEGORY and av is _sre.CATEGORY_DIGIT)
        or (op is _sre.LITERAL and 0x30 <= av <= 0x39)
        or (op is _sre.RANGE and 0x30 <= av[0] <= av[1] <= 0x39)
        for op, av in items
    )


@lru_cache(maxsize=8)
def _parsed(pattern: str, flags: int) -> Any:
    """The parsed ``pattern``, which the readers below only read: ``required_words`` reads
    the ``literal_prefixes`` of the pattern it parses, and the lexicon's triggers ask both, so
    one parse serves three (parsing the long trigger patterns was a third of the loading)."""
    return _sre_parse.parse(pattern, flags)


def literal_prefixes(pattern: re.Pattern[str]) -> tuple[str, ...]:
    """Lower-case ASCII words (letters and digits), one of which every match of ``pattern``
    begins with (case ignored); empty when some match may begin otherwise. The word
    :data:`DIGIT` stands for a decimal digit, where a match may begin with a number.

    >>> literal_prefixes(re.compile("(?:sever(?:s|ed)?|cut(?:ting)?|br(?:eak|oke)) ties", re.I))
    ('break', 'broke', 'cut', 'sever')
    """
    try:
        tree = _parsed(pattern.pattern, pattern.flags)
        paths = _prefix_paths(tree.data)
    except Exception:  # an internal module of the standard library: be safe if it changes
        return ()
    words = set()
    for path, _ in paths:
        if path[:1] == DIGIT:
            words.add(DIGIT)
            continue
        # Only ASCII letters and digits, whose case-insensitive match str.lower() mirrors exactly.
        n = 0
        while n < len(path) and path[n].isascii() and path[n].isalnum():
            n += 1
        if n == 0:
            return ()
        words.add(path[:n].lower())
    # A word that extends another adds no place to try.
    return tuple(sorted(w for w in words if not any(w != v and w.startswith(v) for v in words)))


def match_width(pattern: re.Pattern[str]) -> int | None:
    """The most characters a match of ``pattern`` spans (what lookarounds see aside), or None
    when unbounded or when it cannot be told: a match that must hold some character holds it
    within that many characters of its start.

    >>> match_width(re.compile(r"\\A\\s{0,3}[A-Z]\\w{1,5}:")), match_width(re.compile("a+"))
    (10, None)
    """
    try:
        widest = _parsed(pattern.pattern, pattern.flags).getwidth()[1]
    except Exception:  # an internal module of the standard library: be safe if it changes
        return None
    return widest if widest < _sre.MAXREPEAT else None


# -- words every match holds somewhere ---------------------------------------------------


def required_words(pattern: re.Pattern[str], shortest: int | None = None) -> tuple[str, ...]:
    """Lower-case ASCII words (letters and digits), one of which stands in every match of
    ``pattern`` (case ignored), wherever in the match; empty when none can be told.

    A match is a part of the text, so a text (``folded``) that holds none of them holds no
    match: a cheap test before a pattern whose search is costly. Of the lists of words that
    the pattern requires, the one whose shortest word is the longest (the rarest, as a rule)
    is given, leaving out lists that share a word with ``literal_prefixes`` (looking for
    those is the search's first step anyway) and lists with a word shorter than
    ``shortest`` (nearly every text holds one: the default is ``_REQUIRED_LENGTH``).

    >>> required_words(re.compile("(?:cut|sever)(?:s|ed)? (?:diplomatic )?(?:ties|relations)", re.I))
    ('relations', 'ties')
    """
    try:
        needs = _required(_parsed(pattern.pattern, pattern.flags).data)
    except Exception:  # an internal module of the standard library: be safe if it changes
        return ()
    prefixes = set(literal_prefixes(pattern))
    least = _REQUIRED_LENGTH if shortest is None else shortest
    needs = [words for words in needs if not words & prefixes and min(map(len, words)) >= least]
    if not needs:
        return ()
    rarest = max(needs, key=_rarity)
    # A word that holds another adds nothing to test ("diplomatic" after "diplomat").
    return tuple(sorted(w for w in rarest if not any(v != w and v in w for v in rarest)))


_REQUIRED_LENGTH: Final = 4


def _rarity(words: frozenset[str]) -> tuple[int, int]:
    """How rarely a text holds one of ``words``, as a rule: a long shortest word, few words."""
    return min(map(len, words)), -len(words)


def _required(items: Any) -> list[frozenset[str]]:
    """Lists of words for a parsed sequence: every match of it holds a word of each list.

    Consecutive literal letters and digits are matched next to each other, once each; a
    group is matched once, a repeat with a minimum of one at least once; an alternation
    needs one word of each alternative (if every alternative needs one). Anything else is
    left out (a lookaround, an optional part), which can only lose a list.
    """
    needs: list[frozenset[str]] = []
    run: list[str] = []
    for op, av in items:
        if op is _sre.LITERAL and chr(av).isascii() and chr(av).isalnum():
            run.append(chr(av).lower())
            continue
        if run:
            needs.append(frozenset(["".join(run)]))
            run = []
        if op is _sre.SUBPATTERN:
            needs.extend(_required(av[3].data))
        elif op in _REPEATS and av[0] >= 1:
            needs.extend(_required(av[2].data))
        elif op is _sre.BRANCH:
            chosen = []
            for alt in av[1]:
                alt_needs = _required(alt.data)
                if not alt_needs:
                    break
                # (any of its lists would do: the one whose shortest word is the longest, so
                # that one short word, "a" or "of", does not spoil the whole alternation's list)
                chosen.append(max(alt_needs, key=_rarity))
            else:
                needs.append(frozenset().union(*chosen))
    if run:
        needs.append(frozenset(["".join(run)]))
    return needs


def contains_any(text: str, words: tuple[str, ...]) -> bool:
    """Whether one of ``words`` is a substring of ``text``: a loop of ``in`` tests, faster than
    one regex search for a few words (which the engine tries at every character), than
    mapping ``str.__contains__`` or than any() over a generator."""
    for word in words:  # noqa: SIM110 (see above)
        if word in text:
            return True
    return False


def folded(text: str) -> str | None:
    """``text`` lower-cased, for the prefix tests; None when a character would spoil them
    (one that lower-cases to two characters or that a case-insensitive pattern matches to an
    ASCII letter)."""
    global _last_folded
    # The parser asks several times about the sentence at hand: the last answer is kept (as
    # one tuple, which threads replace whole).
    last = _last_folded
    if last[0] is text:
        return last[1]
    low = text.lower()
    spoilt = len(low) != len(text) or (not text.isascii() and any(c in text for c in _FOLDS_TO_ASCII))
    result = None if spoilt else low
    _last_folded = (text, result)
    return result


_last_folded: tuple[str, str | None] = ("", "")


def finditer_at_prefixes(
    pattern: re.Pattern[str], prefixes: tuple[str, ...], text: str, low: str | None
) -> list[re.Match[str]]:
    """``list(pattern.finditer(text))``, trying the pattern only where one of its
    ``prefixes`` (``literal_prefixes(pattern)``) stands in ``low`` (``folded(text)``).

    A match must begin with a prefix, case ignored, and every character of the prefix is an
    ASCII letter or digit, which only itself or its other case matches (``folded`` rules out
    the other characters that could): so a match begins where the prefix stands in the
    lower-cased text. The places are tried left to right from the end of the last match, as
    finditer does (a pattern with prefixes cannot match the empty string).
    """
    if low is None or not prefixes:
        return list(pattern.finditer(text))
    # (_places over the whole text, inlined: this runs for every candidate trigger)
    places: list[int] = []
    append = places.append
    for word in prefixes:
        if word not in low:
            continue
        at = low.find(word)
        while at >= 0:
            append(at)
            at = low.find(word, at + 1)
    if DIGIT in prefixes:
        places.extend([m.start() for m in _DIGIT_RE.finditer(low)])
    if not places:
        return []
    places.sort()
    found = []
    last = 0
    match = pattern.match
    for p in places:
        if p >= last:
            m = match(text, p)
            if m is not None:
                last = m.end()
                found.append(m)
    return found


def search_at_prefixes(
    pattern: re.Pattern[str],
    prefixes: tuple[str, ...],
    text: str,
    low: str | None,
    pos: int = 0,
    endpos: int | None = None,
) -> re.Match[str] | None:
    """``pattern.search(text, pos, endpos)``, trying the pattern only where one of its
    ``prefixes`` stands in ``low`` (see :func:`finditer_at_prefixes`): the leftmost place
    where it matches. A match ends by ``endpos``, so its prefix stands inside the range."""
    end = len(text) if endpos is None else endpos
    if low is None or not prefixes:
        return pattern.search(text, pos, end)
    match = pattern.match
    for p in _places(prefixes, low, pos, end):
        m = match(text, p, end)
        if m is not None:
            return m
    return None


def _places(prefixes: tuple[str, ...], low: str, pos: int, end: int) -> list[int]:
    """Where the prefixes stand in ``low[pos:end]``, in order."""
    places: list[int] = []
    append = places.append
    digits = DIGIT in prefixes
    whole = pos == 0 and end == len(low)  # (find without bounds is the common case, and faster)
    for word in prefixes:
        # Most prefixes are absent: the ``in`` test (no method call) rules them out cheapest.
        if word not in low:
            continue
        at = low.find(word) if whole else low.find(word, pos, end)
        while at >= 0:
            append(at)
            at = low.find(word, at + 1, end)
    if digits:
        # (lower-casing leaves digits as they are, so these are the text's digits; a DIGIT
        # character the finds above met in the text only adds a place to try)
        places.extend(m.start() for m in _DIGIT_RE.finditer(low, pos, end))
    places.sort()
    return places
