"""The parser's speed-ups must not change what it finds: each is compared with the plain
computation it replaces, on real text and on generated text."""

from __future__ import annotations

import datetime as dt
import re
import types

from hypothesis import given, settings
from hypothesis import strategies as st

from dipevents.parsing import _trie, actors, coder, dates, sentences
from dipevents.parsing._trie import finditer_at_prefixes, folded, literal_prefixes, search_at_prefixes
from dipevents.parsing.actions import cues, triggers
from tests.conftest import REPO
from tests.test_parsing_fastpaths import _DATE_SALAD, _SALAD, _SENTENCES, _texts

# Words that begin trigger patterns, and characters that fold to ASCII letters.
_TRIGGER_SALAD = st.lists(
    st.sampled_from(
        [
            "Iran",
            "cut",
            "CUT",
            "ſever",
            "Kick",
            "İn",
            "ın",
            "expelled",
            "ties",
            "relations",
            "were",
            "severed",
            "should",
            "must",
            "stop",
            "“",
            "démarche",
            "dEmarches",
            "strong",
            "protest",
            "was",
            "accused",
            "by",
            "behind",
            "the",
            "attack",
            "recognition",
            "of",
            "-",
            ",",
            "\n",
        ]
    ),
    max_size=30,
).map(" ".join)


def _same_matches(s: str, patterns: list[tuple[re.Pattern[str], tuple[str, ...]]]) -> None:
    low = folded(s)
    for pattern, prefixes in patterns:
        fast = [m.span() for m in finditer_at_prefixes(pattern, prefixes, s, low)]
        assert fast == [m.span() for m in pattern.finditer(s)], (pattern.pattern[:60], s)


def _same_trigger_matches(s: str) -> None:
    _same_matches(s, [(t.pattern, t.prefixes) for t in triggers()])


def test_most_triggers_have_literal_prefixes() -> None:
    # Not needed for correctness (a pattern without prefixes is matched the plain way), but
    # the speed of find_triggers depends on it.
    assert sum(1 for t in triggers() if t.prefixes) >= 0.9 * len(triggers())


def test_literal_prefixes_of_awkward_patterns() -> None:
    assert literal_prefixes(re.compile(r"(?<!\bin\s)\b(?:strong\s+)?d[eé]marche", re.I)) == ("d", "strong")
    assert literal_prefixes(re.compile(r"(?:(?<=\bwas\s)|(?<=\bis\s))accused\b", re.I)) == ("accused",)
    assert literal_prefixes(re.compile(r"\b\w+ing", re.I)) == ()
    assert literal_prefixes(re.compile(r"x?", re.I)) == ()
    assert literal_prefixes(re.compile(r"(?-i:Iran)", re.I)) == ()
    assert literal_prefixes(re.compile(r"é", re.I)) == ()


def test_literal_prefixes_of_a_long_alternation_are_the_shortest_words() -> None:
    # Too many words to list ("condemn(?:s|ed|ing)?|denounc(?:e|es|ed)|..."): each
    # alternative's shortest word, which its matches begin with too, rather than none.
    words = [f"w{i:02d}x" for i in range(40)]
    pattern = re.compile(r"\b(?:" + "|".join(w + "(?:s|ed|ing)?" for w in words) + r"|t(?:ake|ook)n)\b", re.I)
    prefixes = literal_prefixes(pattern)
    assert prefixes == tuple(sorted([*words, "taken", "tookn"]))
    _same_matches("W07xing, w39xs and aw01x w01xed; TAKEN or tookn, w12", [(pattern, prefixes)])
    assert literal_prefixes(re.compile(r"(?:" + "|".join(w + "(?:s|ed)?|x?" for w in words) + ")", re.I)) == ()


def test_the_characters_that_fold_to_ascii_letters() -> None:
    letter = re.compile("[a-z0-9]", re.IGNORECASE)
    found = [chr(c) for c in range(128, 0x110000) if not 0xD800 <= c <= 0xDFFF and letter.fullmatch(chr(c)) is not None]
    assert sorted(found) == sorted(_trie._FOLDS_TO_ASCII)


def test_prefix_places_find_what_finditer_finds_on_real_text() -> None:
    for s in _SENTENCES:
        _same_trigger_matches(s)


@settings(max_examples=300, deadline=None)
@given(_TRIGGER_SALAD)
def test_prefix_places_find_what_finditer_finds_on_trigger_salad(s: str) -> None:
    _same_trigger_matches(s)


@settings(max_examples=200, deadline=None)
@given(st.one_of(_SALAD, st.text(max_size=200)))
def test_prefix_places_find_what_finditer_finds_on_any_text(s: str) -> None:
    _same_trigger_matches(s)


def _same_date_matches(s: str) -> None:
    _same_matches(s, [(p, dates._PREFIXES[kind]) for kind, p in dates._PATTERNS])


def test_date_prefixes_find_what_finditer_finds_on_real_text() -> None:
    assert dates._PREFIXES["weekday"] and dates._PREFIXES["mdy"]
    for s in _SENTENCES:
        _same_date_matches(s)


@settings(max_examples=300, deadline=None)
@given(st.one_of(_DATE_SALAD, st.text(max_size=100)))
def test_date_prefixes_find_what_finditer_finds_on_date_salad(s: str) -> None:
    _same_date_matches(s + " ſep 7, 2022 İn Monday")
    _same_date_matches(s)


def _same_search(s: str, pos: int, endpos: int) -> None:
    low = folded(s)
    pairs = [(dates._MONTH_START, dates._MONTH_START_PREFIXES)]
    pairs += [(t.pattern, t.prefixes) for t in triggers()[::7]]
    for pattern, prefixes in pairs:
        fast = search_at_prefixes(pattern, prefixes, s, low, pos, endpos)
        slow = pattern.search(s, pos, endpos)
        assert (fast and fast.span()) == (slow and slow.span()), (pattern.pattern[:60], s, pos, endpos)


def test_search_at_prefixes_finds_what_search_finds_on_real_text() -> None:
    for s in _SENTENCES:
        _same_search(s, 0, len(s))
        _same_search(s, len(s) // 3, len(s) - 5)


@settings(max_examples=300, deadline=None)
@given(st.one_of(_DATE_SALAD, _TRIGGER_SALAD, st.text(max_size=100)), st.integers(0, 120), st.integers(0, 120))
def test_search_at_prefixes_finds_what_search_finds_on_salad(s: str, pos: int, endpos: int) -> None:
    _same_search(s, pos, endpos)
    _same_search(s, 0, len(s))


def test_lower_casing_leaves_digits_as_they_are() -> None:
    # _trie._places finds the digits of the lower-cased text.
    digit = re.compile(r"\d")
    for code in range(0x110000):
        if not 0xD800 <= code <= 0xDFFF and digit.match(chr(code)):
            assert chr(code).lower() == chr(code), hex(code)


def test_patterns_that_begin_with_a_number_have_the_digit_prefix() -> None:
    assert dates._PREFIXES["dmy"] == (_trie.DIGIT,)
    assert _trie.DIGIT in dates._PREFIXES["relperiod"]
    assert literal_prefixes(re.compile(r"\b(?:\w|\d)")) == ()


def test_small_literal_classes_are_read_as_alternatives() -> None:
    assert literal_prefixes(re.compile(r"\b(?:[Tt]he|[Bb]oth)\s")) == ("both", "the")
    assert literal_prefixes(re.compile(r"\b[A-Za-z]he")) == ()


_DATE_WORD = re.compile(
    r"\d|\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Mon|Tue|Wed|Thu|Fri|Sat|Sun|today|tonight|"
    r"yesterday|this|last|earlier|ago|recent|the\s+day)",
    re.IGNORECASE,
)


def _every_date_holds_a_date_word(s: str) -> None:
    # find_dates has no gate: every match of every date pattern holds a digit or a date word.
    for kind, pattern in dates._PATTERNS:
        for m in pattern.finditer(s):
            assert _DATE_WORD.search(m.group(0)), (kind, m.group(0))


def test_every_date_expression_holds_a_date_word() -> None:
    for s in [*_SENTENCES, "The day before, last week, earlier in the day", "ſep 7 and thıs year"]:
        _every_date_holds_a_date_word(s)


@settings(max_examples=300, deadline=None)
@given(st.one_of(_DATE_SALAD, st.text(max_size=60)))
def test_every_date_expression_holds_a_date_word_on_salad(s: str) -> None:
    _every_date_holds_a_date_word(s)


# -- required words: a trigger is tried only in a sentence that holds one ------------------


def test_required_words_of_awkward_patterns() -> None:
    required = _trie.required_words
    assert required(re.compile(r"\bcut\s+(?:diplomatic\s+)?(?:ties|relations)", re.I)) == ("relations", "ties")
    assert required(re.compile(r"\bcut\s+(?:ties|relations)?", re.I)) == ()  # optional
    assert required(re.compile(r"\bcut\s+(?:ties|\w+)", re.I)) == ()  # an alternative needs none
    assert required(re.compile(r"\bcut(?=\s+ties)", re.I)) == ()  # a lookahead is not the match
    assert required(re.compile(r"\bcut\s+(?:with\s+)+(?-i:Tehran)", re.I)) == ("tehran",)  # rarest list, any case
    assert required(re.compile(r"\bcut\s+(?:diplomat|diplomatic)", re.I)) == ("diplomat",)
    assert required(re.compile(r"\b(?:ties|relations)", re.I)) == ()  # those are the prefixes
    assert required(re.compile(r"\bcut\s+off", re.I)) == ()  # too short to rule much out


def _required_words_hold(s: str) -> None:
    low = folded(s)
    if low is None:
        return  # (find_triggers does not test the words then)
    for trig in triggers():
        if trig.required and not _trie.contains_any(low, trig.required):
            assert trig.pattern.search(s) is None, (trig.rule, s)


def test_required_words_hold_on_real_text() -> None:
    for s in _SENTENCES:
        _required_words_hold(s)


@settings(max_examples=300, deadline=None)
@given(st.one_of(_SALAD, _TRIGGER_SALAD))
def test_required_words_hold_on_salad(s: str) -> None:
    _required_words_hold(s)


# -- the date gates: a year, and the words of a relative period --------------------------

_YEAR_PERIOD_SALAD = st.lists(
    st.sampled_from(
        [
            *("in", "19", "20", "1999", "2019", "201", "3", "12", "May", "June", "this", "This", "last", "laſt"),
            *("earlier", "recent", "days", "week", "weeks", "month", "year", "years", "ago", "a", "few", "two"),
            *("-", "/", "in\u00a0the"),
        ]
    ),
    max_size=20,
).map(" ".join)


def _date_gates_hide_no_date(s: str) -> None:
    pub = dt.date(2022, 9, 8)
    for days_only in (False, True):
        fast = dates.find_dates(s, pub, days_only=days_only)
        every = [(k, p) for k, p in dates._PATTERNS if not days_only or k in dates._DAY_KINDS]
        original = dates._applicable
        try:
            dates._applicable = lambda sentence, days_only, fold, every=every: every
            slow = dates.find_dates(s, pub, days_only=days_only)
        finally:
            dates._applicable = original
        assert fast == slow, s


def test_year_and_period_gates_hide_no_date() -> None:
    for s in ["It fell 12 years ago, in the 1990s", "Earlier this week; recent weeks; 3 weeks ago", "On 5/6/2019"]:
        _date_gates_hide_no_date(s)


@settings(max_examples=300, deadline=None)
@given(_YEAR_PERIOD_SALAD)
def test_year_and_period_gates_hide_no_date_on_salad(s: str) -> None:
    _date_gates_hide_no_date(s)


def _plain_anchor(texts: list[str]) -> dt.date | None:
    # What the coder kept after every sentence before it became lazy.
    anchor = None
    for s in texts:
        for d in dates.full_dates(s):
            if not coder._DOCUMENT_DATE.search(s, max(0, d.start - 60), d.start):
                anchor = d.date
    return anchor


def _lazy_anchors(texts: list[str], asked: list[int]) -> None:
    plain = coder._Coder("", "doc", None, None, None)
    plain.texts = texts
    # (the sentences whose acts had their dates found lend them: every other one here)
    told = coder._Coder("", "doc", None, None, None)
    told.texts = texts
    told._full_dates = {j: dates.find_dates_and_days(s, None)[0] for j, s in enumerate(texts) if j % 2}
    for index in asked:
        for c in (plain, told):
            c.index = index
            assert c._anchor_date() == _plain_anchor(texts[:index]), index


def test_lazy_anchor_is_the_last_full_date_before_on_real_text() -> None:
    step = 37  # (asked now and then, as undated acts ask, and at every sentence)
    _lazy_anchors(_SENTENCES, list(range(0, len(_SENTENCES), step)))
    _lazy_anchors(_SENTENCES[:400], list(range(400)))


@given(st.lists(_DATE_SALAD, max_size=12), st.lists(st.integers(0, 12), max_size=6))
@settings(max_examples=200, deadline=None)
def test_lazy_anchor_is_the_last_full_date_before_on_salad(texts: list[str], asked: list[int]) -> None:
    texts = [t + " on 7 September 2022." if k % 3 == 0 else t for k, t in enumerate(texts)]
    _lazy_anchors(texts, sorted(min(a, len(texts)) for a in asked))


_PUBLISHED_SALAD = st.lists(
    st.sampled_from(
        [
            "Published",
            "PUBLISHED",
            "published",
            "Updated",
            "upDATED",
            "posted",
            "poſted",
            "DATE",
            "dated",
            "candidate",
            "on",
            ":",
            " :",
            "\n",
            "Apr 16, 2022",
            "3 May 2021",
            "İ",
            "an",
            "updates",
            "x",
        ]
    ),
    max_size=20,
).map(" ".join)


def _same_published(text: str) -> None:
    fast = search_at_prefixes(dates._PUBLISHED, dates._PUBLISHED_PREFIXES, text, folded(text))
    slow = dates._PUBLISHED.search(text)
    assert (fast and fast.span()) == (slow and slow.span()), text


def test_published_prefixes_find_what_search_finds_on_real_text() -> None:
    # (publication_date tries _PUBLISHED only at these words)
    assert dates._PUBLISHED_PREFIXES == ("date", "posted", "published", "updated")
    for text in _texts():
        _same_published(text[:3000])
    for s in _SENTENCES:
        _same_published(s)


@settings(max_examples=300, deadline=None)
@given(_PUBLISHED_SALAD)
def test_published_prefixes_find_what_search_finds_on_salad(text: str) -> None:
    _same_published(text)


def test_folded_remembers_only_the_same_text() -> None:
    texts = ["Iran SAID", "İran said", "Iran SAID", "ſever ties", "", "K"]
    for t in texts + [t + "" for t in texts] + ["".join(["Iran", " SAID"])]:
        low = t.lower()
        plain = None if len(low) != len(t) or any(c in t for c in _trie._FOLDS_TO_ASCII) else low
        assert folded(t) == plain
        assert folded(t) == plain  # (asked again: the kept answer)


# Patterns of the coder and the actor module tried only at their prefixes or behind their words.
_GATED_SALAD = st.lists(
    st.sampled_from(
        [
            *("who", "WHO", "which", ",", "that", "said", "has", "quickly", "was", "Were", "is", "be", "being"),
            *("with", "alongside", "as well", "joined", "each other", "mutual", "both  sides", "the two countries"),
            *("Foreign Minister", "Edi Rama", "spokesman", "Government", "Prime", "President", "ſ", "İ", "x", "\n"),
            *("accused", "Blaming", "suspects", "of", "for", "stop", "ceased", "in", "response", "to", "protest", "at"),
            *(
                "if",
                "IF",
                "may",
                "May",
                "could",
                "plans",
                "would",
                "whether",
                "order",
                "troops",
                "threatened",
                "unless",
            ),
            *("joined", "echoed", "its", "ally", "member", "states", "signed", "on", "5/27/1998", "treaty", "been"),
        ]
    ),
    max_size=25,
).map(" ".join)


def _same_gated(s: str) -> None:
    _same_matches(s, [(actors._BARE_TITLE_NAME, actors._BARE_TITLE_AT)])
    for p in range(len(s) + 1):
        if coder._WHO_BEFORE.search(s, max(0, p - 40), p):
            assert coder._holds(s, coder._WHO_WORDS, max(0, p - 40), p), (s, p)
        # (the cue checks of _skipped: the trigger's window, and spans before the trigger)
        if coder._IMPUTED.search(coder._Coder._window(None, s, p, 50)):  # type: ignore[arg-type]
            assert coder._holds(s, coder._IMPUTED_WORDS, max(0, p - 50), p), (s, p)
        if coder._STOPPED_BEFORE.search(s, max(0, p - 20), p):
            assert coder._holds(s, coder._STOPPED_WORDS, max(0, p - 20), p), (s, p)
        if cues().hypothetical.search(coder._Coder._window(None, s, p, 50)):  # type: ignore[arg-type]
            assert coder._holds(s, coder._hypothetical_words(), max(0, p - 50), p), (s, p)
        if coder._REASON.search(s[max(0, p - 90) : p]):
            assert coder._holds(s, coder._REASON_WORDS, max(0, p - 90), p), (s, p)
        # (the role and date checks: before a trigger, a mention or a date; after a mention)
        for width in (16, 20):
            if coder._AUX_BEFORE.search(s, max(0, p - width), p):
                assert coder._holds(s, coder._AUX_WORDS, max(0, p - width), p), (s, p)
        if coder._JOIN_BEFORE.search(s, max(0, p - 40), p):
            assert coder._holds(s, coder._JOIN_WORDS, max(0, p - 40), p), (s, p)
        assert coder._document_date_before(s, p) == (coder._DOCUMENT_DATE.search(s, max(0, p - 60), p) is not None)
        assert coder._ally_after(s, p) == (coder._ALLY_AFTER.match(s[p : p + 12]) is not None), (s, p)


def test_gated_patterns_find_what_the_plain_search_finds_on_real_text() -> None:
    assert coder._WHO_WORDS == ("that", "which", "who")
    assert coder._IMPUTED_WORDS and coder._STOPPED_WORDS and coder._REASON_WORDS and coder._AUX_WORDS
    assert coder._hypothetical_words()
    assert coder._JOIN_WORDS and coder._DOCUMENT_WORDS and coder._ALLY_WORDS
    for s in _SENTENCES:
        _same_gated(s)


@settings(max_examples=300, deadline=None)
@given(_GATED_SALAD)
def test_gated_patterns_find_what_the_plain_search_finds_on_salad(s: str) -> None:
    _same_gated(s)


_LINE_SALAD = st.lists(
    st.sampled_from(
        [
            *("BRUSSELS", "WARSAW/KYIV", "Lin Jian", "Q", "Mao", "Ning", ":", ": ", "—", "–", "-", " - ", "(Reuters)"),
            *("Monday", "today", "days", "day", "٣", "7", "x", "\n", ",", "Paris", "the", "said", "A.B."),
        ]
    ),
    max_size=30,
).map(lambda words: "".join(w if w in (":", ",") else " " + w for w in words))


def _same_line_gates(s: str) -> None:
    assert coder._dayish(s) == (coder._DAYISH.search(s) is not None), s
    m = coder._LABEL.match(s)
    assert m is None or (coder._LABEL_REACH is not None and m.end() <= coder._LABEL_REACH), s
    if m is not None:
        assert s.find(":", 0, coder._LABEL_REACH) >= 0, s


def test_line_gates_agree_with_the_plain_patterns_on_real_text() -> None:
    assert coder._LABEL_REACH is not None
    assert _trie.match_width(re.compile(r"a+")) is None
    for s in _SENTENCES:
        _same_line_gates(s)
        _same_line_gates(s[:40] + " —  " + s[40:])


@settings(max_examples=300, deadline=None)
@given(_LINE_SALAD)
def test_line_gates_agree_with_the_plain_patterns_on_salad(s: str) -> None:
    _same_line_gates(s)
    _same_line_gates(s.strip())


def test_the_years_of_a_text_are_found_at_their_prefixes() -> None:
    # (publication_date counts the years a text names after a date line)
    pairs = [(dates._BARE_YEAR, dates._YEAR_PREFIXES)]
    assert dates._YEAR_PREFIXES == ("19", "20")
    for text in _texts():
        _same_matches(text[:20000], pairs)
    for s in ("in 2019, 1999/2000 and 2020-21, .2021 ,2022 -2023 12019 2024", "١٩٩٩ 19٩9 20", "19", ""):
        _same_matches(s, pairs)


_NOISE_SALAD = st.lists(
    st.sampled_from(
        [
            *("join", "JOIN", "the", "our", "mailing", "list", "newsletter", "ſubscribe", "sign", "up", "now"),
            *("donate", "photo", "Photo", "(photo", "EPA", "file", "©", "copyright", "cookies", "policy", "İ"),
            *("any", "form", "of", "its", "republishing", "allafrica", "publishes", "around", "3", "on", "line"),
            *("Iran", "said", ":", "\n", "x" * 45),
        ]
    ),
    max_size=25,
).map(" ".join)


def _same_noise_search(line: str) -> None:
    gated = sentences._noise_patterns()[3]
    fold = folded(line)
    by_parts = any(search_at_prefixes(p, at, line, fold) is not None for p, at in sentences._gated_parts())
    assert by_parts == (gated.search(line) is not None), line


def test_noise_parts_find_what_the_joined_pattern_finds_on_real_text() -> None:
    assert any(at for _, at in sentences._gated_parts())  # (most parts are tried at their prefixes)
    for line in [line for t in _texts() for line in t.splitlines() if line.strip()]:
        _same_noise_search(line)


@settings(max_examples=300, deadline=None)
@given(_NOISE_SALAD)
def test_noise_parts_find_what_the_joined_pattern_finds_on_salad(line: str) -> None:
    _same_noise_search(line)


# Whole-sentence searches of the coder tried only where one of their words stands.
_SAYING_SALAD = st.lists(
    st.sampled_from(
        [
            *("said", "SAID", "ſaid", "unsaid", "Says", "according", "to", "told", "wrote", "reads", "read"),
            *("spokesman", "Spokeswoman", "minister", "Ministers", "PRESIDENT", "premier", "chancellor", "İ"),
            *("the", "Iran", ",", "“", "x", "\n", "-"),
        ]
    ),
    max_size=25,
).map(" ".join)


def _same_sentence_searches(s: str) -> None:
    says = coder._Coder._says(types.SimpleNamespace(cues=cues()), s)  # type: ignore[arg-type]
    assert says == (cues().speech_verbs.search(s) is not None), s
    unnamed = search_at_prefixes(coder._UNNAMED_OFFICIAL, coder._UNNAMED_OFFICIAL_AT, s, folded(s))
    assert (unnamed is None) == (coder._UNNAMED_OFFICIAL.search(s) is None), s


def test_sentence_searches_at_prefixes_find_what_search_finds_on_real_text() -> None:
    for s in _SENTENCES:
        _same_sentence_searches(s)


@settings(max_examples=300, deadline=None)
@given(_SAYING_SALAD)
def test_sentence_searches_at_prefixes_find_what_search_finds_on_salad(s: str) -> None:
    _same_sentence_searches(s)


# -- rewritten patterns: the same matches as the patterns they replace -----------------------
# A case-insensitive alternation whose branches begin with a case-sensitive class of their first
# letter ("(?-i:[Nn])(?:ot|ever)") lets the engine skip a branch at once where the letter is not
# there. Each rewritten pattern is compared with the reference it replaces, kept here as written.

_REAL_TEXTS = [p.read_text("utf-8") for p in sorted((REPO / "seeds").glob("*.txt"))]
_REAL_TEXTS += [p.read_text("utf-8") for p in sorted((REPO / "fixtures").glob("unseen*/articles/*.txt"))]
# Pieces as the coder searches them: short windows and sentences (their edges cut words).
_REAL_PIECES = [t[i : i + n] for t in _REAL_TEXTS for n in (50, 200) for i in range(0, len(t), n // 2 + 7)]
# (The letters that a case-insensitive pattern matches to an ASCII one, and mixed case.)
_ODD_LETTERS = ("İ", "ı", "ſ", "K", "NOT", "nOt", "Stopping", "ſtop", "İnstead", "don’t", "n't", "_not", "-not")


def _same_everywhere(new: re.Pattern[str], old: re.Pattern[str], s: str, everywhere: bool = True) -> None:
    """The same finditer matches, search results and (with ``everywhere``) matches at every place."""

    def seen(m: re.Match[str] | None) -> object:
        return m and (m.span(), m.groups())

    assert [seen(m) for m in new.finditer(s)] == [seen(m) for m in old.finditer(s)], (old.pattern[:40], s)
    assert seen(new.search(s)) == seen(old.search(s)), (old.pattern[:40], s)
    if everywhere:
        for p in range(len(s)):
            assert seen(new.match(s, p)) == seen(old.match(s, p)), (old.pattern[:40], s, p)


def _same_on_real_text(new: re.Pattern[str], old: re.Pattern[str]) -> None:
    for t in _REAL_TEXTS:
        _same_everywhere(new, old, t)
    for piece in _REAL_PIECES:
        _same_everywhere(new, old, piece, everywhere=False)


_OLD_NEGATION = (
    r"\b(?:not|never|no\s+longer|n['’]t|refus(?:e|es|ed|ing)\s+to|declin(?:e|es|ed|ing)\s+to|fail(?:s|ed)?\s+to|"
    r"without|nor|no\s+(?:wish|intention|plans?|desire|reason|need)\s+to|has\s+yet\s+to|have\s+yet\s+to|"
    r"no\s+(?:other\s+|single\s+)?(?:[A-Z]\w{1,12}\s+)?(?:member\s+)?(?:states?|countr(?:y|ies)|governments?|nations?|"
    r"capitals?|one)\s+(?:has|have|had|is|was|were|will|would|did)\b|none\s+of\s+(?:the|them|its|their)\b|"
    r"rather\s+than|instead\s+of|avoid(?:ed|s)?|all\s+but\b(?=\s*\Z|\s+(?:[a-z]{2,}ed|cut|broken?|shut|frozen)\b)|(?:stop(?:s|ped)?|stopping)\s+short\s+of|"
    r"(?:den(?:y|ies|ied|ying)|reject(?:s|ed|ing)?|dismiss(?:es|ed|ing)?)\s+"
    r"(?:(?:the\s+|media\s+|press\s+)?(?:reports?|claims?|suggestions?|allegations?)\s+)?(?:that|having|it))\b"
)
_NEGATION_SALAD = st.lists(
    st.sampled_from(
        [
            *("not", "never", "no", "longer", "n't", "refuses", "declined", "fail", "failed", "to", "without"),
            *("nor", "wish", "plans", "has", "have", "yet", "rather", "than", "instead", "of", "avoids", "stops"),
            *("None", "one", "other", "EU", "member", "state", "countries", "governments", "would", "them"),
            *(
                "stopped",
                "stopping",
                "short",
                "all",
                "but",
                "severed",
                "two",
                "7",
                "denies",
                "Rejected",
                "dismissing",
                "the",
                "media",
                "reports",
            ),
            *("claim", "allegations", "that", "having", "it", "Iran", ",", "\n", "-", *_ODD_LETTERS),
        ]
    ),
    max_size=25,
).map(" ".join)


def test_negation_cue_finds_what_its_reference_finds_on_real_text() -> None:
    _same_on_real_text(cues().negation, re.compile(_OLD_NEGATION, re.I))


@settings(max_examples=400, deadline=None)
@given(st.one_of(_NEGATION_SALAD, st.text(max_size=80), _NEGATION_SALAD.map(lambda s: s.replace(" ", ""))))
def test_negation_cue_finds_what_its_reference_finds_on_salad(s: str) -> None:
    _same_everywhere(cues().negation, re.compile(_OLD_NEGATION, re.I), s)
