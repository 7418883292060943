"""The parser's shortcuts (key memos, gates, capital-letter scan) must not change what it finds.

Each fast path is compared with the slow, obvious computation on real text (seeds, our
fixtures, the devset when present) and on random word salads.
"""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dipevents.parsing import actions, actors, dates, sentences
from dipevents.parsing.actions import find_triggers, gate_groups
from dipevents.parsing.sentences import _joined, _noise_patterns, is_noise, split_sentences
from tests.conftest import REPO, SHARED


def _texts() -> list[str]:
    texts = [p.read_text("utf-8") for p in sorted((REPO / "seeds").glob("*.txt"))]
    texts += [
        json.loads(line)["text"]
        for line in (REPO / "fixtures" / "parser" / "phrasings.jsonl").read_text("utf-8").splitlines()
        if line.strip()
    ]
    devset = SHARED / "devset" / "articles"
    if devset.exists():
        texts += [p.read_text("utf-8") for p in sorted(devset.glob("*.txt"))]
    return texts


_SENTENCES = [s.text for t in _texts() for s in split_sentences(t, drop_noise=False)]
_SALAD = st.lists(
    st.sampled_from(
        [
            "Albania",
            "Iran",
            "the",
            "and",
            "cut",
            "re-opened",
            "diplomatic",
            "ties",
            "with",
            "expelled",
            "accused",
            "démarche",
            "of",
            "cyberattack",
            "denied",
            "Ministry",
            "minister’s",
            "spokesman",
            "“We”",
            ",",
            ".",
            ";",
            "said",
            "on",
            "Wednesday",
            "in",
            "September",
            "7,",
            "2022",
            "anti-Iranian",
            "U.S.",
            "former",
            "President",
            "Rama",
            "Committee",
            "its",
            "NATO",
            "ally",
            "Anti-Russia",
            "pro-Iran",
            "İran",
            "ıran",
            "xIran",
            "'Iran",
            "Iran-backed",
            "Iran’s",
            "Saudi  Arabia",
            "Émirats",
            "the",
            "government",
            "(government",
            "ministry’s",
            "said,",
            "”said",
            "partner",
            "our",
        ]
    ),
    max_size=40,
).map(" ".join)


def _same_triggers(s: str) -> None:
    fast = [(t.rule, t.start, t.end) for t in find_triggers(s)]
    slow = [(t.rule, t.start, t.end) for t in find_triggers(s, every=True)]
    assert fast == slow, s


def test_trigger_keys_hide_no_trigger_on_real_text() -> None:
    for s in _SENTENCES:
        _same_triggers(s)


@settings(max_examples=150, deadline=None)
@given(_SALAD)
def test_trigger_keys_hide_no_trigger_on_word_salad(s: str) -> None:
    _same_triggers(s)


def _gazetteer_slow(s: str) -> list[tuple[int, int]]:
    # Every form the full pattern finds, left to right; where what it matched is no form as
    # written ("south Korean", matched without regard to case), the search goes on inside it
    # ("Korean").
    gaz = actors.gazetteer()
    out, pos = [], 0
    while (m := gaz.pattern.search(s, pos)) is not None:
        if gaz.lookup(m.group(0)) is not None:
            out.append(m.span())
            pos = m.end()
        else:
            pos = m.start() + 1
    return out


def _gazetteer_at_capitals(s: str) -> list[tuple[int, int]]:
    # The reference pattern tried at every capital letter, skipping overlaps.
    gaz = actors.gazetteer()
    out, last = [], 0
    for p in actors._capitals(s):
        m = gaz.pattern.match(s, p) if p >= last else None
        if m is not None:
            out.append(m.span())
            last = m.end()
    return out


def test_capital_scan_finds_what_the_full_scan_finds() -> None:
    gaz = actors.gazetteer()
    for s in _SENTENCES:
        fast = [m.span() for m in gaz.scan(s) if gaz.lookup(m.group(0)) is not None]
        assert fast == _gazetteer_slow(s), s
        assert [m.span() for m in gaz.scan(s)] == _gazetteer_at_capitals(s), s


@settings(max_examples=200, deadline=None)
@given(_SALAD)
def test_capital_scan_equals_the_reference_pattern_on_word_salad(s: str) -> None:
    assert [m.span() for m in actors.gazetteer().scan(s)] == _gazetteer_at_capitals(s)


def _in_tokens(group: str, s: str) -> bool:
    keys = actions._key_index().groups[group]
    if group in actions._TOKEN_START:
        return any(t.startswith(k) for t in s.lower().split() for k in keys)
    return any(k in t for t in s.lower().split() for k in keys)


@pytest.mark.parametrize("group", ["officials", "state", "pair", "ally", "organisations", "speech"])
def test_token_gates_agree_with_key_search(group: str) -> None:
    for s in _SENTENCES:
        assert (group in gate_groups(s)) == _in_tokens(group, s), s


@settings(max_examples=150, deadline=None)
@given(_SALAD)
def test_token_gates_agree_with_key_search_on_word_salad(s: str) -> None:
    found = gate_groups(s)
    for group in actions._key_index().groups:
        assert (group in found) == _in_tokens(group, s), s


def _gated_patterns_imply_gates(s: str) -> None:
    from dipevents.parsing.coder import _SPEAKER

    state_re, pair_re, ally_re = actors._anaphor_patterns()
    found = gate_groups(s)
    for group, pattern in (("state", state_re), ("pair", pair_re), ("ally", ally_re), ("speech", _SPEAKER)):
        if pattern.search(s):
            assert group in found, (group, s)


def test_gated_patterns_imply_their_gates() -> None:
    extra = ["“No,” the Iranian minister\u00a0said.", "Iran said its\tgovernment agreed.", "our   key ally Chad"]
    for s in _SENTENCES + extra:
        _gated_patterns_imply_gates(s)


@settings(max_examples=200, deadline=None)
@given(_SALAD)
def test_gated_patterns_imply_their_gates_on_word_salad(s: str) -> None:
    _gated_patterns_imply_gates(s)


def _trigger_keys_plain(s: str) -> set[str]:
    """The trigger keys a sentence holds, found the plain way: a key begins one of the words
    (letters only, three or more) of a lower-cased whitespace token, or, when hyphenated,
    stands anywhere in such a token."""
    keys = actions._key_index().triggers
    found = set()
    for token in s.split():
        low = token.lower()
        words = re.findall(r"[^\W\d_]{3,}", low)
        for k in keys:
            if ("-" in k and k in low) or ("-" not in k and any(w.startswith(k) for w in words)):
                found.add(k)
    return found


def _same_trigger_keys(s: str) -> None:
    plain = _trigger_keys_plain(s)
    assert actions._key_index().keys_in(s) == plain, s
    ids = {i for k in plain for i in actions._key_index().triggers[k]}
    every = actions.triggers()
    assert [t.name for t in actions._candidates(s)] == [every[i].name for i in sorted(ids)], s
    assert actions.prefilter(s) == bool(plain), s


def test_token_memo_finds_the_trigger_keys_of_real_text() -> None:
    for s in _SENTENCES:
        _same_trigger_keys(s)


@settings(max_examples=200, deadline=None)
@given(_SALAD)
def test_token_memo_finds_the_trigger_keys_of_word_salad(s: str) -> None:
    _same_trigger_keys(s)


def test_token_memo_is_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    index = actions._key_index()
    monkeypatch.setattr(index, "_MEMO_LIMIT", 10)
    for i in range(100):
        assert "officials" in gate_groups(f"word{i} ministry")
    assert len(index.seen) <= 12


def test_date_gates_hide_no_date(monkeypatch: pytest.MonkeyPatch) -> None:
    pub = dt.date(2022, 9, 8)
    fast = [dates.find_dates(s, pub) for s in _SENTENCES]
    monkeypatch.setattr(dates, "_applicable", lambda sentence, days_only, fold: list(dates._PATTERNS))
    slow = [dates.find_dates(s, pub) for s in _SENTENCES]
    assert fast == slow


def test_noise_keys_hide_no_noise_line() -> None:
    from dipevents._resources import read_json

    everything = _joined(read_json("parser_lexicon.json")["noise"]["line"])
    lines = [line for t in _texts() for line in t.splitlines() if line.strip()]
    lines += [
        "Join the GlobalSecurity.org mailing list",
        "Warning: array_merge(): Expected parameter 2 to be an array, null given in /home/x on line 2622",
        "Make a charitable donation in support of Ukraine!",
        "Photo credit: Getty Images",
        "Exclusive Report of The Caucasus Center – Any form of its republishing need credit",
    ]
    assert _noise_patterns()  # compiled
    for line in lines:
        assert is_noise(line) == (everything.search(line) is not None), line


def test_trigger_key_memo_is_bounded() -> None:
    from dipevents.parsing.actions import _key_index

    index = _key_index()
    old = index._MEMO_LIMIT
    index._MEMO_LIMIT = 10
    try:
        for i in range(50):
            assert "expel" in index.keys_in(f"Chad expelled envoy{i} today.")
        assert len(index.seen) <= 16
    finally:
        index._MEMO_LIMIT = old


def _split_reference(text: str) -> list[tuple[str, int, int, int]]:
    # The splitter without its shortcuts: every boundary classified by _is_abbreviation.
    out = []
    for line_no, m in enumerate(sentences._LINE.finditer(text)):
        line = m.group(0)
        probe = line if len(line) <= 300 else line[:150] + "\n" + line[-150:]
        if not line.strip() or is_noise(probe):
            continue
        pieces, begin = [], 0
        for b in sentences._BOUNDARY.finditer(line):
            if sentences._is_abbreviation(line[max(begin, b.start() - 12) : b.end()]):
                continue
            pieces.append((begin, b.start() + 1 + len(b.group(0)[1:].rstrip(" \t"))))
            begin = b.end()
        pieces.append((begin, len(line)))
        for a, z in pieces:
            seg = line[a:z]
            a2, z2 = a + len(seg) - len(seg.lstrip()), a + len(seg.rstrip())
            if z2 > a2:
                for s, e in sentences._cut_long_line(line, a2, z2):
                    out.append((line[s:e], m.start() + s, m.start() + e, line_no))
    return out


_ABBREVIATED = st.lists(
    st.sampled_from(
        [
            "Mr.",
            "Gen.",
            "U.S.",
            "St.",
            "F.",
            "Washington.",
            "Albania.",
            "Liechtenstein.",
            "Xdr.",
            "dr.",
            "Sept.",
            "no.",
            "(Gen.",
            "“Mr.",
            "Iran!",
            "ok?",
            "2022.",
            "Bogotá.",
            "a.b.",
            "The",
            "Iran",
            "said",
            "\t",
            "”",
            "  ",
            "\n",
        ]
    ),
    max_size=40,
).map(" ".join)


def test_sentence_split_equals_the_reference_on_real_text() -> None:
    long_lines = ["word " * 700 + "Iran cut ties. Mr. Lee left.", "x" * 3000 + " Gen. Smith left. " + "y " * 900]
    for text in _texts() + long_lines:
        assert [(s.text, s.start, s.end, s.line) for s in split_sentences(text)] == _split_reference(text)


@settings(max_examples=300, deadline=None)
@given(_ABBREVIATED)
def test_sentence_split_equals_the_reference_on_abbreviation_salad(text: str) -> None:
    assert [(s.text, s.start, s.end, s.line) for s in split_sentences(text)] == _split_reference(text)


def _apposition_windows() -> list[tuple[str, int]]:
    out = []
    for s in _SENTENCES[:3000]:
        out += [(s, m.start()) for m in re.finditer(r"\b[A-Z]", s)]
    return out


def test_apposition_precheck_hides_no_preposition() -> None:
    cases = [
        *_apposition_windows(),
        ("talks with its neighbour Kenya", 25),
        ("talks WITH THEIR old ally Chad", 26),
        ("relations with the ıran Iran", 24),
        ("anger at ITS  long-time friend Iran", 31),
    ]
    matched = 0
    for s, start in cases:
        m = actors._PREP_DET_BEFORE.search(s, max(0, start - 45), start)
        if m and m.end() == start:
            matched += 1
            assert actors._may_be_apposition(s[max(0, start - 45) : start].split()), (s, start)
    assert matched >= 4


def test_organisation_gate_hides_no_organisation() -> None:
    from dipevents.parsing.organisations import find_organisations

    for s in _SENTENCES:
        if "organisations" not in gate_groups(s):
            assert find_organisations(s) == [], s


_DATE_SALAD = st.lists(
    st.sampled_from(
        [
            "on",
            "in",
            "last",
            "Monday",
            "SUNDAY",
            "days",
            "today",
            "Sept.",
            "sep",
            "March",
            "market",
            "may",
            "May",
            "7,",
            "2022",
            "2022-09-07",
            "9/7/2022",
            "15th",
            "of",
            "-",
            "ago",
            "two",
            "weeks",
            "mid-July",
            "decade",
        ]
    ),
    max_size=30,
).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(_DATE_SALAD, st.booleans())
def test_date_gates_hide_no_date_on_date_salad(s: str, days_only: bool) -> None:
    pub = dt.date(2022, 9, 8)
    fast = dates.find_dates(s, pub, days_only=days_only)
    every = [(k, p) for k, p in dates._PATTERNS if not days_only or k in dates._DAY_KINDS]
    original = dates._applicable
    try:
        dates._applicable = lambda sentence, days_only, fold: every
        slow = dates.find_dates(s, pub, days_only=days_only)
    finally:
        dates._applicable = original
    assert fast == slow


def _full_dates_reference(s: str) -> list[dates.DateMention]:
    return [d for d in dates.find_dates(s, None) if d.precision == "day" and not d.relative]


def test_full_dates_equal_the_days_of_find_dates_on_real_text() -> None:
    found = [dates.full_dates(s) for s in _SENTENCES]
    assert found == [_full_dates_reference(s) for s in _SENTENCES]
    assert sum(map(len, found)) >= 2  # not vacuous: the seeds alone hold two full dates


@settings(max_examples=300, deadline=None)
@given(_DATE_SALAD)
def test_full_dates_equal_the_days_of_find_dates_on_date_salad(s: str) -> None:
    assert dates.full_dates(s) == _full_dates_reference(s)


def test_lower_casing_neither_makes_nor_removes_whitespace() -> None:
    # The token memo splits the text as written and lower-cases each token.
    for code in range(0x110000):
        ch = chr(code)
        if 0xD800 <= code <= 0xDFFF:
            continue
        low = ch.lower()
        if ch.isspace():
            assert low == ch, hex(code)
        else:
            assert not any(c.isspace() for c in low), hex(code)


def test_official_prechecks_match_the_title_patterns() -> None:
    # _add_officials tries the title patterns only where these anchors allow a match.
    assert actors._official_after().pattern.startswith("\\A(?:['’]s?)?\\s{1,3}")
    # every branch of the pattern ends on one of OFFICIAL_BEFORE_ENDS, then an optional "the"
    assert actors._official_before().pattern.endswith("\\s{1,3}for\\s{1,3}(?:the\\s{1,3})?$")
    assert "\\s{1,3}of\\s{1,3}(?:the\\s{1,3})?$)|" in actors._official_before().pattern
    assert not actors._official_before().flags & re.IGNORECASE
    for s in _SENTENCES:
        for m in re.finditer(r"\b[A-Z]", s):
            before = s[max(0, m.start() - 80) : m.start()]
            if actors._official_before().search(before):
                assert before.rstrip().endswith(actors.OFFICIAL_BEFORE_ENDS), s
                assert actors.may_end_in_title_of(before), s
    for before in ("President of ", "spokesman for the  ", "Ministry of\nthe\n", "leader of  the "):
        assert actors.may_end_in_title_of(before), before
    for before in ("said the ", "the ", "of them ", "leader of the nation "):
        assert not actors.may_end_in_title_of(before), before


# -- learnt names: an index by first word instead of a pattern per name -----------------

_NAME_PARTS = ["Edi", "Rama", "Edi Rama", "Ali", "Al-Thani", "O'Neil", "Jones", "J. Smith", "Ümit", "AJC", "Rama-Ed"]
_NAME_SALAD = st.lists(
    st.sampled_from([*_NAME_PARTS, "Edi’s", "Rama's", "Ramas", "Rama’", "xRama", "-Rama", "Jones's", "the", ",", "é"]),
    max_size=25,
).map(lambda words: " ".join(words).replace(" ,", ","))


def _people_reference(discourse: actors.Discourse, s: str) -> list[tuple[int, int]]:
    pattern = discourse.people_pattern()
    return [m.span() for m in actors._match_at(pattern, s, actors._capitals(s))] if pattern else []


def test_learnt_names_are_found_as_the_reference_pattern_finds_them_on_real_text() -> None:
    discourse = actors.Discourse()
    for s in _SENTENCES:
        actors.find_mentions(s, discourse)  # learns the people and organisations named
        assert discourse.find_people(s) == _people_reference(discourse, s), s
    assert len(discourse.people) > 20


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_NAME_PARTS), min_size=1, max_size=6, unique=True), _NAME_SALAD)
def test_learnt_names_are_found_as_the_reference_pattern_finds_them_on_salad(names: list[str], s: str) -> None:
    discourse = actors.Discourse()
    for name in names:
        discourse.people.setdefault(name, "ALB")
    assert discourse.find_people(s) == _people_reference(discourse, s), (names, s)


# -- a sentence's days-only dates read from the scan of all its dates ---------------------


def _same_days(s: str) -> None:
    pub = dt.date(2022, 9, 8)
    found, days = dates.find_dates_and_days(s, pub)
    assert found == dates.find_dates(s, pub), s
    if days is not None:
        assert days == dates.find_dates(s, pub, days_only=True), s


def test_days_read_from_the_full_scan_equal_the_days_only_scan_on_real_text() -> None:
    for s in _SENTENCES:
        _same_days(s)
    # (most sentences let the full scan tell the days)
    assert sum(dates.find_dates_and_days(s, None)[1] is not None for s in _SENTENCES) > 0.8 * len(_SENTENCES)


@settings(max_examples=300, deadline=None)
@given(_DATE_SALAD)
def test_days_read_from_the_full_scan_equal_the_days_only_scan_on_date_salad(s: str) -> None:
    _same_days(s)


# The clause-break pattern as first written: one pattern, the period's lookbehinds before the
# period, each verb behind \b (the coder's clause_break searches two patterns).
_CLAUSE_BREAK_PLAIN = re.compile(
    r";|:|\s[-–—]\s|(?<![A-Z])(?<!Mr|Ms|Dr|St)(?<!Gen)\.\s|,\s{1,3}(?:while|whereas|but|although|though|which|who|"
    r"where|when|saying|adding|calling|accusing|claiming|giving|urging|according|after|before|as|because|since|"
    r"following|amid|despite|prompting|describing|dismissing|noting|stressing|warning|insisting|demanding|"
    r"and\s+(?:it|he|she|they)\b|also\s)|\s(?:but|while|whereas|after|before|because|since|although|amid|following)\s|"
    r"\b(?:said|says|told|added|announced|stated)\b(?!\s{1,3}by\b)|"
    r"\b(?:has|have|had)\s{1,3}(?:decided|resolved)\b"
)


def _same_breaks(s: str) -> None:
    from dipevents.parsing.coder import clause_break

    for pos in range(len(s) + 1):
        for endpos in (pos + 1, pos + 40, len(s)):
            plain = _CLAUSE_BREAK_PLAIN.search(s, pos, endpos)
            assert clause_break(s, pos, endpos) == (plain.start() if plain else -1), (s, pos, endpos)


def test_clause_break_finds_what_the_plain_search_finds_on_real_text() -> None:
    for s in _SENTENCES:
        _same_breaks(s)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                *("Mr.", "Dr.", "Gen.", "St.", "U.S.", "A.", "said", ",", ";", " - ", ". ", "x.", "Ms", "by", "—"),
                *(
                    "unsaid",
                    "Said",
                    "xsaid",
                    "_told",
                    "added",
                    "announced",
                    "stated",
                    "has",
                    "had  decided",
                    "resolved",
                ),
                *("but", "whereas", "following", "\u00a0", "\n", "and", "they", "it", "é", "saying", ":"),
            ]
        ),
        max_size=30,
    ).map(" ".join)
)
def test_clause_break_finds_what_the_plain_search_finds_on_salad(s: str) -> None:
    _same_breaks(s)
