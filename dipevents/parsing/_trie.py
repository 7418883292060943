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

__all__ = ["trie_regex"]


def trie_regex(words: Iterable[str]) -> str:
    """One alternation of ``words`` shaped as a trie: each branch point tried once."""
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        if not node:
            return ""
        alts = []
        optional = "" in node
        for ch in sorted(k for k in node if k):
            alts.append(_escape(ch) + build(node[ch]))
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        if optional:
            return "(?:" + body + ")?"
        return body

    return build(trie)


def _escape(ch: str) -> str:
    if ch == " ":
        return r"\s{1,3}"
    if ch in "'’":
        return "['’]"
    return re.escape(ch)
