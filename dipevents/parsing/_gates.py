"""Cheap tests of whether a sentence contains any of a list of key substrings.

Running a large alternation regex costs the same at every character; news vocabulary,
though, repeats a lot. A :class:`TokenGate` remembers, for every whitespace token it has
seen, whether it contains a key, so a sentence costs one ``split`` and a few set
operations (C speed). The memo is bounded.

>>> gate = TokenGate(["minist", "embass"])
>>> gate.any_in(tokens("The Foreign Ministry said so.")), gate.any_in(tokens("It rained."))
(True, False)
"""

from __future__ import annotations

from collections.abc import Iterable

__all__ = ["TokenGate", "tokens"]


def tokens(sentence: str) -> set[str]:
    """The lower-cased whitespace tokens of a sentence."""
    return set(sentence.lower().split())


class TokenGate:
    """Remembers which tokens contain one of ``keys`` (lower-case substrings)."""

    LIMIT = 200_000  # tokens remembered; the memo is cleared beyond this

    def __init__(self, keys: Iterable[str]) -> None:
        self.keys = tuple(keys)
        self._seen: set[str] = set()
        self._hits: set[str] = set()

    def any_in(self, toks: set[str]) -> bool:
        """True when one of the tokens contains a key."""
        if len(self._seen) > self.LIMIT:
            self._seen.clear()
            self._hits.clear()
        new = toks - self._seen
        if new:
            keys = self.keys
            self._hits.update(t for t in new if any(k in t for k in keys))
            self._seen |= new
        return not self._hits.isdisjoint(toks)
