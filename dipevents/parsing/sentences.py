"""Sentences with character offsets, and the page-noise filter.

A text is cut into lines, lines that are page furniture (server warnings, mailing-list
and donation banners, photo captions, reader comments: ``data/parser_lexicon.json``,
``noise``) are set aside, and the other lines are cut into sentences at ``. ! ?``
followed by a capital, a digit or a quote, except after an abbreviation (``U.S.``,
``Mr.``, ``Sept.``) or an initial. Every sentence keeps its offsets, so
``text[s.start:s.end] == s.text``.

>>> [s.text for s in split_sentences("The U.S. backed Albania. Iran said no.")]
['The U.S. backed Albania.', 'Iran said no.']
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from typing import Final, NamedTuple

from dipevents._resources import read_json
from dipevents.parsing._trie import folded, literal_prefixes, search_at_prefixes

__all__ = ["MAX_SENTENCE", "Sentence", "is_noise", "split_sentences"]

#: Longest sentence the coder reads; longer runs (tables, junk) are cut at whitespace,
#: which bounds the work done per sentence whatever the input.
MAX_SENTENCE: Final = 1200

# Abbreviations after which a period does not end a sentence (lower-cased, no final period).
_ABBREVIATIONS: Final = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "gen",
        "lt",
        "col",
        "maj",
        "capt",
        "lieut",
        "brig",
        "cpl",
        "pvt",
        "cdr",
        "hon",
        "amb",
        "pres",
        "sgt",
        "adm",
        "cmdr",
        "gov",
        "sen",
        "rep",
        "rev",
        "st",
        "sr",
        "jr",
        "messrs",
        "mt",
        "ft",
        "jan",
        "feb",
        "mar",
        "apr",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "no",
        "nos",
        "vol",
        "pp",
        "fig",
        "inc",
        "ltd",
        "corp",
        "co",
        "bros",
        "vs",
        "etc",
        "approx",
        "u.s",
        "u.k",
        "u.n",
        "e.u",
        "u.a.e",
        "u.s.a",
        "d.c",
        "p.r.c",
        "r.o.k",
        "d.p.r.k",
        "a.u",
    ]
)

# A candidate boundary: end punctuation, closing quotes/brackets, then whitespace.
_BOUNDARY: Final = re.compile(r"[.!?]['\"”’)\]]{0,3}[ \t]{1,20}(?=['\"“‘(\[]?[A-Z0-9À-Ý])")
_LAST_TOKEN: Final = re.compile(r"([A-Za-z][A-Za-z.]{0,10})[.!?]['\"”’)\]]{0,3}[ \t]{1,20}$")
_LINE: Final = re.compile(r"[^\n]+")


class Sentence(NamedTuple):
    """One sentence of a document: its text and where it sits in the document.

    (A named tuple: immutable, and made several times faster than a frozen dataclass.)
    """

    text: str
    start: int
    end: int
    line: int  # index of the line (paragraph) it belongs to


def _joined(patterns: list[str]) -> re.Pattern[str]:
    # One pass over a line: the patterns joined, each keeping its own flags.
    parts = []
    for p in patterns:
        flags = "i" if p.startswith("(?i)") else ""
        body = p.removeprefix("(?i)")
        parts.append(f"(?{flags}:{body})" if flags else f"(?:{body})")
    return re.compile("|".join(parts) or r"(?!)")


@cache
def _noise_patterns() -> tuple[re.Pattern[str], re.Pattern[str], tuple[str, ...], re.Pattern[str]]:
    """(patterns anchored at the line's start, other patterns cheap to try on every line,
    the gate's keys, the patterns behind the gate)."""
    noise = read_json("parser_lexicon.json")["noise"]
    anchored = [p for p in noise["line"] if p.removeprefix("(?i)").startswith("^")]
    cheap = [p for p in noise["line"] if p.removeprefix("(?i)").startswith("\\(")]
    return _joined(anchored), _joined(cheap), tuple(noise["keys"]), _joined(_gated(noise["line"]))


def _gated(patterns: list[str]) -> list[str]:
    return [p for p in patterns if not p.removeprefix("(?i)").startswith(("^", "\\("))]


@cache
def _gated_parts() -> tuple[tuple[re.Pattern[str], tuple[str, ...]], ...]:
    """The patterns behind the gate one by one, with their literal prefixes: a line with a
    key ("photo", "join") is searched only where a pattern's first words stand, not with
    the joined pattern (long gaps, ".{0,40}") at every character."""
    # (each compiled on its own: "(?i)" then stands for the whole pattern, as in _joined, and
    # literal_prefixes reads a pattern's prefixes through a global flag, not a scoped one)
    parts = [re.compile(p) for p in _gated(read_json("parser_lexicon.json")["noise"]["line"])]
    return tuple((p, literal_prefixes(p)) for p in parts)


def is_noise(line: str) -> bool:
    """True when a line is page furniture rather than article text.

    >>> is_noise("Join the GlobalSecurity.org mailing list"), is_noise("Iran denied it.")
    (True, False)
    """
    anchored, cheap, keys, _gated_joined = _noise_patterns()
    # "^" (no MULTILINE) matches only at the start: one match() there is the same as a search.
    if anchored.match(line) is not None or cheap.search(line) is not None:
        return True
    # Substring tests of the lower-cased line run at C speed; most lines have no key at all.
    low = line.lower()
    for k in keys:
        if k in low:
            # (what _gated_joined.search(line) finds, by parts: one matches where the whole does)
            fold = folded(line)
            return any(search_at_prefixes(p, at, line, fold) is not None for p, at in _gated_parts())
    return False


def _is_abbreviation(chunk: str) -> bool:
    m = _LAST_TOKEN.search(chunk)
    if not m:
        return False
    token = m.group(1).lower().rstrip(".")
    if token in _ABBREVIATIONS:
        return True
    # An initial ("John F. Kennedy") or a dotted acronym ("U.S.", "N.Y.").
    return len(token) == 1 or bool(re.fullmatch(r"(?:[a-z]\.){1,4}[a-z]?", token))


# Sentence(...) goes through a generated Python __new__; the tuple's own is the same, faster.
_new_sentence = tuple.__new__


def _split_line(text: str, lstart: int, lend: int, line_no: int, out: list[Sentence]) -> None:
    line = text[lstart:lend]
    pieces: list[tuple[int, int]] = []
    begin = 0
    for m in _BOUNDARY.finditer(line):
        stop = m.start()
        # The word before the period. A plain ASCII word is classified here: _LAST_TOKEN
        # would take its last (up to) 11 letters, never an initial-dotted form.
        word = line[max(begin, line.rfind(" ", begin, stop) + 1) : stop]
        if word.isascii() and word.isalpha():
            token = word[-11:]
            if len(token) == 1 or token.lower() in _ABBREVIATIONS:
                continue
        elif _is_abbreviation(line[max(begin, stop - 12) : m.end()]):
            # Only look back a few characters to classify the token before the period.
            continue
        pieces.append((begin, stop + 1 + len(m.group(0)[1:].rstrip(" \t"))))
        begin = m.end()
    pieces.append((begin, len(line)))
    for a, b in pieces:
        seg = line[a:b]
        stripped = seg.strip()
        if not stripped:
            continue
        a2 = a + len(seg) - len(seg.lstrip())
        b2 = a2 + len(stripped)
        if b2 - a2 <= MAX_SENTENCE:
            out.append(_new_sentence(Sentence, (stripped, lstart + a2, lstart + b2, line_no)))
            continue
        for s, e in _cut_long_line(line, a2, b2):
            out.append(Sentence(line[s:e], lstart + s, lstart + e, line_no))


def _cut_long_line(line: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    while end - start > MAX_SENTENCE:
        cut = start + MAX_SENTENCE
        space = line.rfind(" ", start + MAX_SENTENCE * 3 // 4, cut)
        if space > start:
            cut = space
        yield start, cut
        start = cut
        while start < end and line[start] == " ":
            start += 1
    if end > start:
        yield start, end


def split_sentences(text: str, *, drop_noise: bool = True) -> list[Sentence]:
    """Cut ``text`` into sentences with offsets, leaving out noise lines.

    >>> s = split_sentences("Warning: array_merge() on line 2\\nGen. Smith left. Mr. Lee stayed.")
    >>> [(x.text, x.start) for x in s]
    [('Gen. Smith left.', 33), ('Mr. Lee stayed.', 50)]
    """
    out: list[Sentence] = []
    for line_no, m in enumerate(_LINE.finditer(text)):
        line = m.group(0)
        if not line.strip():
            continue
        # Page furniture is short or shows at a line's ends: probe only those on long lines.
        probe = line if len(line) <= 300 else line[:150] + "\n" + line[-150:]
        if drop_noise and is_noise(probe):
            continue
        _split_line(text, m.start(), m.end(), line_no, out)
    return out
