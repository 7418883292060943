"""Sentence splitting with offsets, and the page-noise filter."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from dipevents.parsing.sentences import MAX_SENTENCE, is_noise, split_sentences


def test_abbreviations_do_not_end_sentences() -> None:
    text = "The U.S. and the U.K. backed Albania. Mr. Rama thanked Gen. Smith on Sept. 8. Iran said no."
    assert [s.text for s in split_sentences(text)] == [
        "The U.S. and the U.K. backed Albania.",
        "Mr. Rama thanked Gen. Smith on Sept. 8.",
        "Iran said no.",
    ]


def test_military_ranks_and_honorifics_do_not_end_sentences() -> None:
    text = (
        "The commander, Lieut. Col. Peter Mugisha, met Brig. Gen. John Okello and Cpl. Adams. "
        "Amb. Lee and Pres. Kim spoke to the Hon. Mr. Park. Seoul said no."
    )
    assert [s.text for s in split_sentences(text)] == [
        "The commander, Lieut. Col. Peter Mugisha, met Brig. Gen. John Okello and Cpl. Adams.",
        "Amb. Lee and Pres. Kim spoke to the Hon. Mr. Park.",
        "Seoul said no.",
    ]


def test_quotes_stay_with_their_sentence() -> None:
    text = '"We cut ties," he said. "They left." Iran denied it.'
    assert [s.text for s in split_sentences(text)] == ['"We cut ties," he said.', '"They left."', "Iran denied it."]


def test_noise_lines_are_dropped() -> None:
    text = (
        "Warning: array_merge(): Expected parameter 2 to be an array, null given in /home/x on line 2622\n"
        "Join the GlobalSecurity.org mailing list\n"
        "UNITED24 - Make a charitable donation in support of Ukraine!\n"
        "Prime Minister of Albania Edi Rama. EPA Photo\n"
        "Copyright © 2021 Maghreb Arabe Presse. All rights reserved.\n"
        "Albania cut ties with Iran."
    )
    assert [s.text for s in split_sentences(text)] == ["Albania cut ties with Iran."]
    assert not is_noise("Albania expelled Iranian diplomats on Wednesday.")


def test_long_runs_are_cut() -> None:
    text = "word " * 2000
    sentences = split_sentences(text)
    assert all(len(s.text) <= MAX_SENTENCE for s in sentences)
    assert sum(len(s.text) for s in sentences) >= len(text.strip()) - len(sentences) * 2


@given(st.text(max_size=3000))
def test_offsets_always_slice_the_text(text: str) -> None:
    last = 0
    for s in split_sentences(text, drop_noise=False):
        assert text[s.start : s.end] == s.text
        assert s.start >= last and s.text.strip() == s.text and s.text
        last = s.end
