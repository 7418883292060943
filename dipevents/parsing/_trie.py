"""One regular expression for many literal words, shaped as a trie.

Python's ``re`` tries the branches of an alternation one after the other; sharing prefixes
("Saudi", "Saudi Arabia", "Saudis") makes each branch point tried once, so the cost of a
scan barely grows with the number of words.

>>> import re
>>> re.fullmatch(trie_regex(["expel", "expelled", "expulsion"]), "expelled") is not None
True
"""

from __future__ import annotations

import re
from collections.abc import Iterable

__all__ = ["trie_regex", "trie_regex_by_first"]


def _trie(words: Iterable[str]) -> dict:
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}
    return trie


def _build(node: dict) -> str:
    if not node:
        return ""
    alts = []
    optional = "" in node
    for ch in sorted(k for k in node if k):
        alts.append(_escape(ch) + _build(node[ch]))
    if not alts:
        return ""
    body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
    if optional:
        return "(?:" + body + ")?"
    return body


def trie_regex(words: Iterable[str]) -> str:
    """One alternation of ``words`` shaped as a trie: each branch point tried once."""
    return _build(_trie(words))


def trie_regex_by_first(words: Iterable[str]) -> dict[str, str]:
    """The same trie cut at its first level: first character -> pattern of the rest.

    ``trie_regex(words)`` is the alternation of ``re.escape(c) + rest`` over these items
    (for non-empty words), which lets a caller decide how the first character is matched.

    >>> trie_regex_by_first(["iran", "iraq", "oman"])
    {'i': 'ra(?:n|q)', 'o': 'man'}
    """
    trie = _trie(words)
    return {ch: _build(trie[ch]) for ch in sorted(k for k in trie if k)}


def _escape(ch: str) -> str:
    if ch == " ":
        return r"\s{1,3}"
    if ch in "'’":
        return "['’]"
    return re.escape(ch)
