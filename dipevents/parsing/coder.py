"""The text coder: ``parse_text`` turns an article into events with their evidence.

For each sentence (see :mod:`.sentences`): find the actors named (:mod:`.actors`), and,
when the cheap prefilter lets it through, the action triggers (:mod:`.actions`). For each
trigger the coder assigns roles by the trigger's voice: the actor is the subject side
(the nearest subject-like mention to its left, widened to a coordinated list, else the
speaker of reported speech, else the state a pronoun or "the ministry" refers to), the
target the object side (the first other actor inside or after the trigger in its clause,
widened to a list). Negated, hypothetical and planned acts are skipped; accusations that
name a cyber operation become ``cyberattack_accusation``; a denial with no named accuser
takes the accusers of the denier from the text before it. The date is the date expression
nearest the trigger, else the publication date. Every event records the rule that fired.

>>> from dipevents.parsing import parse_text
>>> evs = parse_text("Albania cut diplomatic ties with Iran on Wednesday.", published="2022-09-08")
>>> [(e.actor, e.action, e.target, str(e.date)) for e in evs]
[('ALB', 'sever_ties', 'IRN', '2022-09-07')]
>>> evs[0].rule
'sever_ties:verb(sever ties)|actor=subject|target=object'
"""

from __future__ import annotations

import datetime as dt
import itertools
import logging
import re
from collections.abc import Sequence
from functools import cache
from typing import Any, Final, NamedTuple

from dipevents.errors import DipeventsError, ParseError
from dipevents.parsing._events import EventFactory
from dipevents.parsing._trie import (
    contains_any,
    folded,
    literal_prefixes,
    match_width,
    required_words,
    search_at_prefixes,
)
from dipevents.parsing.actions import (
    SPEECH_VERBS,
    Trigger,
    TriggerMatch,
    cues,
    find_triggers,
    gate_groups,
    prefilter,
)
from dipevents.parsing.actors import (
    CLAUSE_VERB_AFTER,
    Discourse,
    Mention,
    bare_official_name,
    clause_subject_at,
    find_mentions,
    gazetteer,
    list_run_end,
    preposition_before,
)
from dipevents.parsing.dates import (
    DateMention,
    dateline_end,
    find_dates,
    find_dates_and_days,
    full_dates,
)
from dipevents.parsing.sentences import Sentence, split_sentences
from dipevents.schema import Event
from dipevents.vocabulary import fine_actions

__all__ = ["code_document"]

log = logging.getLogger(__name__)

_LIST_GAP: Final = re.compile(
    r"\A(?:\s{0,3},\s{0,3}(?:and\s{1,3}|as\s+well\s+as\s{1,3}|&\s{1,3})?|\s{1,3}(?:and|&|as\s+well\s+as|or)\s{1,3})(?:the\s{1,3}|both\s{1,3})?\Z"
)
# Where a clause ends (see clause_break): a semicolon, a colon, a sentence's period, a comma
# before a conjunction or a participle, a verb of saying (a new main clause), a dash or a
# conjunction between spaces. The alternatives are in two patterns, those that begin with a
# literal character and those that begin with whitespace, so that each search skips ahead by
# testing characters against a small set (the engine does that for a pattern whose every
# alternative begins with a literal, or that begins with a class), instead of trying every
# alternative at every character. A verb's word start is checked after its first letter,
# "s(?<!\w.)aid" for "\bsaid", to keep the literal first.
_BREAK_MARKED: Final = re.compile(
    # (the lookbehinds of an abbreviation's period come after the period, so they are tried
    # only at a period, not at every character)
    r";|:|\.(?<![A-Z]\.)(?<!Mr\.|Ms\.|Dr\.|St\.)(?<!Gen\.)\s|,\s{1,3}(?:while|whereas|but|although|though|which|who|"
    r"where|when|saying|adding|calling|accusing|claiming|giving|urging|according|after|before|as|because|since|"
    r"following|amid|despite|prompting|describing|dismissing|noting|stressing|warning|insisting|demanding|"
    # (", also froze ...": the predicate of a subject a relative clause interrupted)
    r"and\s+(?:it|he|she|they)\b|also\s)|"
    # ("the sanctions announced by X": a participle)
    r"s(?<!\w.)(?:aid|ays|tated)\b(?!\s{1,3}by\b)|t(?<!\w.)old\b(?!\s{1,3}by\b)|a(?<!\w.)(?:dded|nnounced)\b(?!\s{1,3}by\b)|"
    # "..., the Government has decided to instruct ...": a finite verb of a new main clause
    r"h(?<!\w.)a(?:s|ve|d)\s{1,3}(?:decided|resolved)\b"
)
_BREAK_SPACED: Final = re.compile(
    r"\s[-–—]\s|\s(?:but|while|whereas|after|before|because|since|although|amid|following)\s"
)


def clause_break(s: str, pos: int, endpos: int) -> int:
    """Where the first clause break in ``s[pos:endpos]`` begins (where a search of the two
    patterns joined as alternatives, with these bounds, would begin), or -1 when there is none."""
    marked = _BREAK_MARKED.search(s, pos, endpos)
    spaced = _BREAK_SPACED.search(s, pos, endpos)
    if marked is None:
        return -1 if spaced is None else spaced.start()
    return marked.start() if spaced is None else min(marked.start(), spaced.start())


_RELATIVE: Final = re.compile(r"\A(?:['’]s?)?\s{0,3},\s{0,3}(?:which|who)\s{1,3}(?:[\w-]{1,20}\s{1,3}){0,4}\Z")
_POSSESSOR_GAP: Final = re.compile(
    r"\A['’]s?\s{1,3}[“\"‘]?(?:[\w-]{1,20}\s{1,3}){0,3}?(?:decision|move|plan|announcement|order|choice|step|steps|intention|"
    r"statement|call|calls|threat|warning|efforts?|bid|measures?|actions?)\s{1,3}(?:to\s{1,3}|of\s{1,3})?\Z"
)
_BY_AGENT: Final = re.compile(r"\A[^.;]{0,40}?\bby\s{1,3}(?:the\s{1,3})?\Z")
_ALLY_AFTER: Final = re.compile(r"\A\s{0,2}(?:ally|allies|member|members|partner|partners|countries|states|nations)\b")
_ALLY_WORDS: Final = required_words(_ALLY_AFTER)  # (every match holds one: looked for first)
# "he"/"she" are people, who may be former officials or private persons: not resolved to a state.
_PRONOUN_SUBJECT: Final = re.compile(r"\b(?:it|they|we|I)\s{1,3}(?:\w{2,12}\s{1,3}){0,3}$", re.IGNORECASE)
# "..., and we firmly oppose": a clause of its own whose subject is "we", right before a trigger.
_WE_CLAUSE: Final = re.compile(
    r"(?:[,;]\s{0,3}(?:and|but|so)?|\b(?:and|but))\s{1,3}we\s{1,3}(?:\w{2,12}\s{1,3}){0,2}\Z", re.IGNORECASE
)
# Triggers the coder treats apart, by their lexicon name (tests/test_parsing_phrasings.py checks
# that each exists, so that renaming one in the lexicon cannot silently switch its rule off).
_RECOGNIZE_VERB: Final = "verb(recognize)"  # an agentless passive ("was formally recognised") is skipped
_DESCRIBE_NEGATIVE: Final = "verb(describe as negative)"  # "called the execution barbaric": a harm's author
_HARM_OF_DEMONYM: Final = "content(demonym shelling)"  # "a meeting on Egypt's air strikes": a topic
_SUSPEND_MEMBER: Final = "verb(suspend member)"  # "suspended Honduras": only an organisation suspends a member
_REOPENING: Final = "noun(reopening of embassy)"  # "the reopening of Eritrea's embassy": the owner reopens it
# Denials whose object is a clause ("had nothing to do with the attack on Saudi oil sites",
# "insisted it had never left Syrian airspace"): the states inside it are not the accusers.
_DENIED_CLAUSE: Final = frozenset({"content(had nothing to do with)", "content(insisted it never)"})
TRIGGERS_NAMED: Final = frozenset(
    {_RECOGNIZE_VERB, _DESCRIBE_NEGATIVE, _HARM_OF_DEMONYM, _SUSPEND_MEMBER, _REOPENING, *_DENIED_CLAUSE}
)
_HE_SAID: Final = re.compile(
    r"\s{0,3}(?:He|She)\s{1,3}(?:\w{2,12}ly\s{1,3})?(?:said|says|added|stated|told\s{1,3}\w{2,15}|insisted|argued)\b"
)
_IT_OPENS: Final = re.compile(r"\s{0,3}It\s")
# "..., and he called on ...": a person pronoun right before the verb is its subject, so a state
# named as a subject earlier in the sentence opens another clause.
_OWN_PERSON_PRONOUN: Final = re.compile(
    r"(?:[,;]\s{0,3}|\b(?:and|but|so|then)\s{1,3})(?:he|she)\s{1,3}"
    r"(?:(?:also|then|later|again|further|has|had|would|will)\s{1,3}){0,2}\Z"
)
# A state's official named by title only ("a Foreign Ministry spokesman"), whom "he" may take up.
_UNNAMED_OFFICIAL: Final = re.compile(r"\b(?:spokes(?:man|woman|person)|minister|president|premier|chancellor)\b", re.I)
_UNNAMED_OFFICIAL_AT: Final = literal_prefixes(_UNNAMED_OFFICIAL)  # (tried only where a title word stands)
_HE_OR_SHE: Final = re.compile(r"(?<![\w'’-])(?:[Hh]e|[Ss]he)\s")
# "..., when it accused Eritrea": a pronoun subject of a subordinate clause.
_SUBORDINATE_PRONOUN: Final = re.compile(
    r"\b(?:when|after|as|because|since|before|while|until|where)\s{1,3}(?:it|they)\s{1,3}(?:\w{2,12}\s{1,3}){0,2}\Z"
)
_HE_SUBJECT: Final = re.compile(r"(?:^|[\s“\"(])(?:[Hh]e|[Ss]he)\s{1,3}(?:\w{2,12}\s{1,3}){0,2}$")
# A pronoun subject at the head of a clause ("On Saturday he cut short ..."), not an object
# ("told him") nor a possessive ("its").
_CONJUNCT_PRONOUN: Final = re.compile(r"(?:^|(?<=[\s(,]))([Hh]e|[Ss]he|[Ii]t|[Tt]hey)\s{1,3}(?=[a-z])")
_QUOTE_OPEN: Final = re.compile(r"\A\s{0,3}[“\"‘]")
_SPEAKER_WORD: Final = (
    r"(?:[A-Z][\w.'’-]{0,25}|spokes(?:man|woman|person)|(?:deputy\s{1,3}|foreign\s{1,3})?minister|"
    r"adviser|advisor|secretary|officials?|envoy|ambassador|(?:foreign\s{1,3})?ministry|statement|embassy|government)"
)
_SPEAKER: Final = re.compile(
    rf"[”\"’,]\s{{0,3}},?\s{{0,3}}(?:the\s{{1,3}}|an?\s{{1,3}})?((?:{_SPEAKER_WORD}\s{{1,3}}){{0,6}}?{_SPEAKER_WORD})\s{{1,3}}"
    r"(?:" + "|".join(SPEECH_VERBS) + r")\b"
)
# Speakers that name no state: a pronoun, or an unnamed official ("“...,” a spokesman said").
_PRONOUN_SPEAKERS: Final = frozenset({"It", "He", "She", "They"})
_BARE_OFFICIALS: Final = frozenset(
    {
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "ministry",
        "minister",
        "statement",
        "embassy",
        "government",
        "official",
    }
)
# "... said in a White House statement": the statement's issuer is the speaker's state.
_STATEMENT_OF: Final = re.compile(
    r"\s{1,3}(?:on\s{1,3}\w{3,10}\s{1,3})?(?:in|on)\s{1,3}(?:a|an|the)\s{1,3}(?:[\w.’'-]{1,25}\s{1,3}){1,4}?"
    r"(?:statement|tweet|post|press\s{1,3}release|briefing|communiqu[eé])\b"
)
# "We join in X's call for ...": joining (echoing, seconding) a call makes it one's own.
_JOIN_BEFORE: Final = re.compile(
    r"\b(?:[Jj]oin(?:s|ed|ing)?(?:\s{1,3}in)?|[Ee]cho(?:es|ed|ing)?|second(?:s|ed|ing)?|add(?:s|ed|ing)?\s{1,3}(?:its|their|our|his|her)\s{1,3}voices?\s{1,3}to"
    r"|(?P<follow>[Ff]ollow(?:s|ed|ing)?))"
    r"\s{1,3}(?:the\s{1,3})?(?:[A-Z][\w.-]{1,20}\s{1,3}){0,3}\Z",
)
_JOIN_WORDS: Final = literal_prefixes(_JOIN_BEFORE)  # (every match begins with one: looked for first)
_IN_GAP: Final = re.compile(r"\s{1,3}in\s{1,3}")  # "followed the EU in sanctioning"
# "hold X accountable for the cyberattack": the demand attributes the attack.
_FOR_ACT: Final = re.compile(r"\s{1,3}(?:for|over|of)\s{1,3}(?:its\s{1,3}|their\s{1,3})?")
_SPEECH_AFTER: Final = re.compile(r"\b(?:said|says|stated|wrote|added|announced|tweeted|told\s{1,3}[\w’'-]{1,20})\b")
# ", and diplomats in Amman expect ...": a clause whose subject is people who are no state's voice.
_OTHERS_CLAUSE: Final = re.compile(
    r",\s{1,3}(?:and|but|while)\s{1,3}(?:(?:many|most|some|other|western|foreign|local|senior)\s{1,3})?"
    r"(?:diplomats|analysts|observers|experts|commentators|sources|critics|residents|protesters|lawmakers|legislators|"
    r"newspapers|historians|scholars|economists|investors)\s{1,3}(?:in\s{1,3}[\w’'-]{2,20}\s{1,3})?"
    r"(?:(?:also|now|still|widely)\s{1,3})?\Z"
)
# ", while Australia's embassy ...": a clause of another subject, set against the one before.
_CONTRAST_CLAUSE: Final = re.compile(r",[\"”’]?\s{0,3}(?:while|whereas|but)\s")
_CONTRAST: Final = re.compile(r"\s(?:but|whereas)\s|;")
_ACCOUNTABLE_FOR: Final = re.compile(r"\baccountable\s{1,3}for\b", re.I)
# "support its decision": the pronoun's state, not a state named later in the clause.
_ITS_ACT: Final = re.compile(
    r"\s{1,3}(?:\w{2,12}\s{1,3})?(?:its|their|his|her)\s{1,3}(?:[\w-]{2,20}\s{1,3}){0,2}?"
    r"(?:decision|move|step|stance|position|choice|actions?|measures?|efforts?|call)\b",
    re.I,
)
# "welcomed the expulsion of Russian diplomats": the object is another act, named by its noun.
_ACT_NOUN: Final = re.compile(
    r"\s{1,3}(?:the|this|that|these|a)\s{1,3}(?:[\w-]{2,15}\s{1,3}){0,2}?"
    r"(?P<act>expulsions?|severance|severing|closure|closing|recall|withdrawal|suspension|imposition|summoning|"
    r"downgrad\w{1,6}|sanctions|embargo|blockade)\s{1,3}(?:(?:imposed|placed|announced)\s{1,3})?(?:of|on|against)\b",
    re.I,
)
# A date right after a document's participle ("the agreement signed on April 1, 2001") dates the
# document; after an auxiliary ("was signed on Friday") it dates the act reported.
_DOCUMENT_DATE: Final = re.compile(
    r"\b(?:agreements?|treat(?:y|ies)|accords?|communiqu[eé]s?|deals?|memorand(?:um|a)|protocols?|declarations?|"
    r"conventions?|charters?|pacts?|contracts?)\s{1,3}(?:[\w-]{2,15}\s{1,3}){0,2}?"
    r"(?:signed|concluded|ratified|dated|adopted)\s{1,3}(?:on\s{1,3}|in\s{1,3})?(?:the\s{1,3})?\Z",
    re.I,
)
_DOCUMENT_WORDS: Final = required_words(_DOCUMENT_DATE)  # ("signed", "dated"...: every match holds one)
_CONTENT_CLAUSE: Final = re.compile(
    r"\A\s{1,3}(?:the\s{1,3}|media\s{1,3}|press\s{1,3})?(?:reports?|claims?|suggestions?|allegations?|accusations?|charges?)"
    r"\s{1,3}that\b",
    re.I,
)
_IMPUTED: Final = re.compile(
    r"\b(?:accus(?:e|es|ed|ing)|suspect(?:s|ed|ing)?)\s{1,3}(?:[\w’'-]{1,20}\s{1,3}){0,4}?of\s{1,3}(?:[\w’'-]{1,20}\s{1,3}){0,2}\Z"
    r"|\bblam(?:e|es|ed|ing)\s{1,3}(?:[\w’'-]{1,20}\s{1,3}){0,4}?for\s{1,3}(?:[\w’'-]{1,20}\s{1,3}){0,2}\Z",
    re.I,
)
_IMPUTED_WORDS: Final = literal_prefixes(_IMPUTED)  # (every match begins with one: looked for first)
_PAIR_TIES: Final = re.compile(
    r"\b(?:their|bilateral)\s{1,3}(?:[\w-]{2,15}\s{1,3}){0,2}?(?:ties|relations)\s{1,3}\Z", re.I
)
# Acts made by speaking: an ambassador or an embassy may make them for its state ("Tehran's
# envoy to the UN rejected the accusations"); it cannot expel, recall or sever.
_STATEMENTS: Final = frozenset({"support", "condemn", "accuse", "cyberattack_accusation", "demand", "deny", "threaten"})
_DAYS_AFTER: Final = re.compile(
    r"\s{0,3},?\s{0,3}(?:just\s{1,3}|only\s{1,3})?(a|an|one|two|three|four|five|six|seven|\d{1,2})\s{1,3}"
    r"(days?|weeks?)\s{1,3}(after|before)\s{1,3}[^.;:,]{0,80}\Z",
    re.I,
)
_NUMBER_WORDS: Final = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}
# A day told relative to the narrative ("the same day", "a day later", "hours later"): the day
# the text was just talking about, moved by the offset. Groups: a count and its direction, or
# a word that says which way ("next", "following", "previous", "preceding").
_NARRATIVE_DAY: Final = re.compile(
    r"\b(?:the\s{1,3}(?:very\s{1,3})?same\s{1,3}day|(?:later\s{1,3}|earlier\s{1,3})?that\s{1,3}(?:same\s{1,3})?"
    r"(?:day|morning|afternoon|evening|night)|hours\s{1,3}(?:later|earlier)|"
    r"the\s{1,3}(next|following|previous|preceding)\s{1,3}(?:day|morning|afternoon|evening)|"
    r"(a|an|one|two|three|four|five|six|seven)\s{1,3}days?\s{1,3}(later|earlier))\b",
    re.I,
)
# "the following year", "two years later": a year counted from a date named before.
_YEARS_LATER: Final = re.compile(
    r"\b(?:the\s{1,3}(?:following|next)\s{1,3}year|(a|one|two|three|four|five|six|seven|\d{1,2})\s{1,3}years?\s{1,3}later)\b",
    re.I,
)
# "that same month", "later that year": the month or year the text was just talking about.
_NARRATIVE_SPAN: Final = re.compile(
    r"\b(?:(?:later|earlier)\s{1,3}(?:in\s{1,3})?that|that\s{1,3}same|the\s{1,3}same|that)\s{1,3}(month|year)\b", re.I
)
# "calls Trudeau's murder allegation 'absurd'": an evaluation of a charge, i.e. a denial.
_CALLED_CLAIM: Final = re.compile(
    r"\w+\s{1,3}(?:[\w’'-]{1,25}\s{1,3}){0,4}?(?:allegations?|accusations?|claims?|charges?)\b", re.I
)
# Heads of a definite description that names a state ("the emirate"), not its voice ("the
# statement", "the ministry").
_STATE_NOUNS: Final = frozenset(
    {
        "country",
        "kingdom",
        "nation",
        "republic",
        "state",
        "emirate",
        "sultanate",
        "regime",
        "government",
        "junta",
        "authorities",
    }
)
# Between the target and a demand's verb ("Russia must immediately release", "Qatar had to
# stop"): the lexicon's modal triggers begin at the verb, so that their keys are rare words.
_MODAL_GAP: Final = re.compile(
    r"\s{1,3}(?:should|must|will|would|shall|(?:had|has|have|needs?)\s{1,3}to)\s{1,3}[\"“]?(?:immediately\s{1,3}|fully\s{1,3})?"
    r"(?:be\s{1,3})?",
    re.I,
)
_OBJECT_AT: Final = re.compile(r"[”\"’]?\s{0,3}(?:at|with)\s{1,3}(?:the\s{1,3})?", re.I)
_CLOSING_COMMA: Final = re.compile(r"\s{0,3},\s{1,3}(?:\w{2,12}ly\s{1,3})?")
_EVALUATIONS: Final = frozenset({"support", "condemn", "deny", "demand"})
_OFFICIALS_IN: Final = re.compile(
    r"\b(?:leaders?|authorities|officials|government|governments|counterparts?|rulers)\s{1,3}in\s{1,3}(?:the\s{1,3})?\Z",
    re.I,
)
# "In Tehran, | foreign ministry spokesman Ansari | accused ...": a scene and its unnamed officials.
_SCENE: Final = re.compile(r"\s{0,3}(?:In|From)\s{1,3}\Z")
# (The official may be named after a comma and described in a "who" clause: "In Lima, the
# president, Alberto Fujimori, who ..., recalled".)
_SCENE_OFFICIAL: Final = re.compile(
    r",\s{1,3}(?:the\s{1,3}|a\s{1,3}|its\s{1,3})?(?:[\w.-]{1,20}\s{1,3}){0,2}?(?:spokes(?:man|woman|person)|ministry|minister|"
    r"officials?|government|president|authorities|diplomats?|leaders?|rulers?|governor(?:[\s-]general)?|premier|"
    r"chancellor|king|queen|emir|sultan|junta|cabinet|head\s{1,3}of\s{1,3}(?:state|government|the))\b[^,;:]{0,40}?"
    r"(?:,\s{1,3}[^,;:]{2,50}?,(?:\s{1,3}who\s[^;:]{1,120}?,)?|,\s{1,3}who\s[^;:]{1,120}?,)?\s{1,3}\Z",
    re.I,
)
# "informed | the Vatican | that it was ...": the state told is no subject of the clause.
_TOLD_BEFORE: Final = re.compile(
    r"\b(?:inform(?:s|ed)?|t(?:old|ells?)|notif(?:y|ies|ied)|assur(?:e|es|ed)|remind(?:s|ed)?|advis(?:e|es|ed)|"
    r"wr(?:ote|ites)\s{1,3}to)\s{1,3}(?:the\s{1,3})?\Z"
)
_THAT_AFTER: Final = re.compile(r"\s{1,3}that\b")
# "warned against hasty judgements": a caution about a thing, aimed at no state named before.
_WARNED_AGAINST_THING: Final = re.compile(r"warn(?:s|ed|ing)?\s{1,3}against\s{1,3}[\"“]?(?-i:[a-z])", re.I)
_AND_VERB: Final = re.compile(r",?\s{1,3}(?:and|but)\s{1,3}(?:also\s{1,3}|then\s{1,3}|later\s{1,3})?\Z")
_THAT_CLAUSE: Final = re.compile(r"\bthat\s")
# A noun's own modal verb, in its clause ("sanctions on Syria would follow").
_MODAL_AFTER: Final = re.compile(r"[^,;:.]{0,40}?\b(?:would|will|could|might|may)\s")
# A participle before "by" ("the measures taken by Kuwait"): "by" names the agent of the noun
# the participle qualifies, not of the nominal act before it.
_PARTICIPLE_BY: Final = re.compile(
    # (not "ordered/announced/conducted by": "the expulsion of two diplomats ordered by Prague")
    r"\b(?:(?!ordered|announced|conducted|decided)[a-z]{2,}ed|taken|made|given|done|set|put|held|shown|brought|sought|"
    r"drawn|written|chosen|laid|sent|told|put\s{1,3}forward)\s{1,3}by\s{1,3}(?:the\s{1,3})?\Z"
)
# An envoy named by title alone right after the act ("summoned the then high commissioner").
_BARE_ENVOY: Final = re.compile(
    r"\s{1,3}the\s{1,3}(?:(?:then|new|acting|interim)\s{1,3})?(?:ambassador|high\s{1,3}commissioner|envoy|"
    r"charg[eé]\s{1,3}d['’]\s?affaires)\b(?!\s{1,3}(?:of|from|in|at)\b|\s{1,3}to\s{1,3}(?:the\s{1,3})?(?-i:[A-Z])|['’])",
    re.I,
)
_AUXILIARY: Final = re.compile(r"\b(?:was|were|been|be|being|is|are)\b")
_OWNED_BEFORE: Final = re.compile(r"\b(?:its|their|his|her|our)\s{1,3}(?:[\w-]{2,15}\s{1,3}){0,2}?\Z", re.I)
# A verb that undoes or stops a nominal act ("lifted the sanctions", "blocked the sanctions
# package", "delayed the adoption of EU sanctions"): its subject did not do the act.
_UNDONE_BEFORE: Final = re.compile(
    r"\b(?:lift(?:s|ed|ing)?|eas(?:e|es|ed|ing)|relax(?:es|ed|ing)?|suspend(?:s|ed|ing)?|remov(?:e|es|ed|ing)|"
    r"scrap(?:s|ped|ping)?|drop(?:s|ped|ping)?|waiv(?:e|es|ed|ing)|end(?:s|ed|ing)?|roll(?:s|ed|ing)?\s{1,3}back|"
    r"unfr(?:eeze|eezes|eezing|oze)|revers(?:e|es|ed|ing)|oppos(?:e|es|ed|ing)|block(?:s|ed|ing)?|veto(?:es|ed|ing)?|"
    r"delay(?:s|ed|ing)?|stall(?:s|ed|ing)?|h(?:old|olds|olding|eld)\s{1,3}up|obstruct(?:s|ed|ing)?|resist(?:s|ed|ing)?)"
    r"\s{1,3}(?:(?!(?:and|or|but|then|while|as|to)\s)[\w-]{1,15}\s{1,3}){0,4}\Z",
    re.I,
)
_DET_ONLY: Final = re.compile(r"\s{1,3}(?:the|this|that|these|a|an)\s{1,3}(?:[\w-]{2,15}\s{1,3}){0,2}?")
_OBJECT_GAP: Final = re.compile(r"\s{0,3}(?:the\s{1,3})?")
# "received notes of recognition from, among others, the Russian Federation"
_FROM_GAP: Final = re.compile(r"\s{0,3}(?:,\s{0,3}(?:among\s{1,3}others|inter\s{1,3}alia),\s{0,3})?(?:the\s{1,3})?")
_EACH: Final = re.compile(r"\s(?:have\s{1,3}|had\s{1,3})?each\s{1,3}(?:\w{2,12}ly\s{1,3})?\Z")
_MUTUAL_WORDS: Final = re.compile(
    r"\b(?:respective|each\s+other|mutual|reciprocal|both\s+sides|the\s+two\s+(?:countries|sides))\b", re.I
)
# Small patterns of the role rules, compiled once.
_ING: Final = re.compile(r"\w{3,20}ing\b")
_TO_GAP: Final = re.compile(r"\A\s{1,3}to\s{1,3}\Z")
_S_GAP: Final = re.compile(r"['’]s?\s{1,3}")
# "Khama's government denounced ...": the body of the person (or state) before it acts.
_BODY_GAP: Final = re.compile(
    r"['’]s?\s{1,3}(?:[\w-]{2,15}\s{1,3}){0,2}?(?:government|administration|cabinet|regime|ministry|junta|office)"
    r"\s{1,3}(?:(?:also|has|had|have|then|later|swiftly|promptly)\s{1,3}){0,2}"
)
_AND: Final = re.compile(r"\b(?:and|or|as\s+well\s+as)\b|&")
# Between two members of a list of people or bodies, the first's head noun and the second's
# quantifier ("company and two ", "firms, three ").
_NOUN_LIST_GAP: Final = re.compile(
    r"\A\s{1,3}(?:[a-z][\w-]{2,20}\s{0,3}){0,3}(?:,\s{0,3}(?:and\s{1,3})?|\s{0,3}(?:and|as\s+well\s+as)\s{1,3})"
    r"(?:(?:a|an|the|its|their|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|other|some|\d{1,3})"
    r"\s{1,3})?\Z"
)
# Between a nominal act's "of" and the state owning the mission it names ("of the embassy of
# the "; "of the " is _OBJECT_GAP).
_MISSION_OF_GAP: Final = re.compile(
    r"\s{1,3}(?:the\s{1,3})?(?:embassy|consulate|mission|high\s{1,3}commission)\s{1,3}of\s{1,3}(?:the\s{1,3})?"
)
# How many sentences back a recall with no post named ("Ecuador had already withdrawn its
# ambassador") takes the post of the story's last recall by another state: recalls come in
# waves, told over a paragraph or two, and the story's focus is often the first recalling state.
_RECALL_WAVE_REACH: Final = 6
_BREAKS: Final = frozenset({"sever_ties", "downgrade_ties"})
# Between an accusation and what it imputes: "... Pakistan this month of giving the Taliban ".
_OF_GERUND: Final = re.compile(r"[^.;:]{0,60}?\bof\s{1,3}(?:\w{2,15}\s{1,3}){0,2}?\w{3,15}ing\b")
# "Kuwait followed suit", "El Salvador followed on Monday", "Chad did the same": the act told
# just before, by another state. ("followed" alone only before a time, a comma or the end:
# not "followed the talks", "followed by".)
_FOLLOWED: Final = re.compile(
    r"\b(?:followed\s{1,3}suit|did\s{1,3}(?:the\s{1,3}same|likewise)|"
    r"followed(?=\s{0,3}[.,;]|\s{1,3}(?:on|in|a\s{1,3}day|days|hours|shortly|soon|later|within|the\s{1,3}next|"
    # ("followed two days later", "followed a few weeks later")
    r"(?:\d{1,2}|two|three|four|five|six|seven|several|a\s{1,3}few)\s{1,3}(?:hours|days|weeks|months)\s{1,3}later)\b)|"
    # "Kuwait and Qatar announced the same step", "took the same decision"
    r"(?:took|take|takes|announced|made|taken)\s{1,3}the\s{1,3}same\s{1,3}(?:step|move|decision|measure))"
)
# "Rwanda and Cameroon followed Zaire", "followed the lead of Kuwait": the state whose act they copy.
_FOLLOWED_NAMED: Final = re.compile(
    r"\bfollowed\s{1,3}(?:the\s{1,3}(?:lead|example)\s{1,3}of\s{1,3})?(?:the\s{1,3})?\Z"
)
# "Russia responded in kind", "Pakistan reciprocated", "retaliated with identical measures":
# the act just told, turned back on its author by its target.
_MIRRORED: Final = re.compile(
    r"\b(?:(?:respond|retaliat|reciprocat)(?:ed|es|s)\s{1,3}in\s{1,3}kind|reciprocated|"
    r"(?:respond|retaliat|reciprocat)(?:ed|es|s)\s{1,3}(?:[\w-]{2,12}\s{1,3}){0,3}?with\s{1,3}(?:an?\s{1,3})?"
    r"(?:identical|similar|reciprocal|mirror|equivalent|tit-for-tat)\s{1,3}(?:measures?|steps?|moves?|action|expulsions?))"
)
# Between one dated member of a gapped list and the next ("in October 2005, Chad in ...").
_GAP_BEFORE: Final = re.compile(r"\s{0,3}(?:,\s{0,3}(?:and\s{1,3})?|\s{1,3}and\s{1,3})(?:the\s{1,3})?")
_GAP_DATE: Final = re.compile(r"\s{1,3}(?=(?:in|on)\s)")  # (a date mention holds its preposition)
_FOLLOW_WORDS: Final[tuple[str, ...]] = (
    "followed",
    "did the same",
    "did likewise",
    "same step",
    "same move",
    "same decision",
    "same measure",
    "in kind",
    "reciprocat",
    "with identical",
    "with similar",
    "with reciprocal",
    "with mirror",
    "with equivalent",
    "with tit-for-tat",
)
# A participle after "followed" tells the act itself ("followed on 13 July, recognising ...").
_TELLS_ACT_AFTER: Final = re.compile(
    r"[^.;:,]{0,40},\s{0,3}(?:\w{2,12}ly\s{1,3})?[a-z]{3,}ing\b|\s{1,3}(?:by|with)\s{1,3}[a-z]{3,}ing\b"
)
# Between the subject and "followed": an adverb or an auxiliary at most ("quickly followed suit").
_FOLLOW_GAP: Final = re.compile(
    r"\s{1,3}(?:(?:also|quickly|soon|then|later|swiftly|promptly|too|has|had|have)\s{1,3}){0,2}"
)
# "..., which Sudan supported": the subject of a relative clause whose object is the noun before.
_OBJECT_RELATIVE: Final = re.compile(r"\b(?:which|whom)\s{1,3}(?:the\s{1,3})?\Z")
# Nothing after a verb where its object would stand: the clause ends or goes on with "and".
_NO_OBJECT_AFTER: Final = re.compile(r"\s{0,3}(?:[,.;:)]|\Z|(?:and|but|while|until|since|in\s{1,3}(?:19|20)\d\d)\b)")
# Acts aimed at a state's people or bodies, each of which names the state it aims at.
_AT_PEOPLE_ACTIONS: Final = frozenset({"impose_sanctions", "expel_diplomats"})
_PASSIVE_STOP: Final = re.compile(r",\s{0,3}(?:where|which|who|when)\b|\b(?:said|says)\b")
# A hedge between a copula and an imputation ("was likely behind", "were almost certainly involved in").
_HEDGE: Final = (
    r"(?:(?:most|almost|very|highly)\s{1,3})?"
    r"(?:(?:likely|probably|certainly|clearly|also|allegedly|directly|deliberately|intentionally|repeatedly|again)\s{1,3})?"
)
# "Russian intelligence officers were behind the blasts": the state is its agents' modifier.
_AGENTS_GAP: Final = re.compile(
    r"(?:(?:['’]s?|-(?:based|backed|linked|sponsored|supported))?\s{1,3}(?:[\w-]{2,20}\s{1,3}){0,2}?"
    r"(?:agents?|officers?|officials|spies|hackers|operatives|guards|police|ships|boats|militias?|proxies|"
    r"intelligence|services?|forces|troops|soldiers|military|nationals|diplomats|state|government|regime|authorities|"
    r"leadership|jets?|warplanes?|fighter\s{1,3}jets?|aircraft|planes?|helicopters?|bombers?|drones?|missiles?|rockets?|"
    r"artillery|army|navy|warships?|vessels?|submarines?|tanks|units?|groups?|cells?|"
    r"coast\s{1,3}guard|(?-i:[A-Z][A-Za-z]{0,2}-?\d{1,3}[A-Z]?))"
    # "Pakistan-based militants": armed men are the state's only when it bases, backs or sponsors them.
    r"|-(?:based|backed|linked|sponsored|supported)\s{1,3}(?:[\w-]{2,20}\s{1,3})?"
    r"(?:militants|fighters|gunmen|terrorists|rebels|insurgents|militias?|proxies|groups?)"
    # "Israel's actions in Gaza amounted to genocide": the state's conduct.
    r"|['’]s?\s{1,3}(?:[\w-]{2,20}\s{1,3})?(?:actions?|conduct|polic(?:y|ies)|operations?|campaign|behaviou?r|treatment|offensive)"
    r"(?:\s{1,3}(?:in|on|against)\s{1,3}(?:the\s{1,3})?[A-Z][\w-]{1,20})?)\s{1,3}"
    r"(?:(?:was|were|is|are|had|(?:had|has|have)\s{1,3}been)\s{1,3}" + _HEDGE + r")?",
    re.I,
)
# "Russia was behind", "Moscow was most likely behind": a copula (and a hedge) before an imputation.
_COPULA_GAP: Final = re.compile(r"\s{1,3}(?:was|were|is|are|(?:had|has|have)(?:\s{1,3}been)?)\s{1,3}" + _HEDGE, re.I)
_HEADS_OF: Final = re.compile(
    r"\b(?:leaders|heads\s{1,3}of\s{1,3}(?:state|government)|(?:foreign\s{1,3}|defen[cs]e\s{1,3}|prime\s{1,3})?ministers|"
    r"presidents|governments|premiers|chancellors|ministries|spokes(?:men|women|persons|people))\s{1,3}of\s{1,3}"
    r"(?:the\s{1,3})?(?:[A-Z][^.;:!?]{0,60})?\Z",
    re.I,
)
# "The leaders of X and Y issued a joint statement saying they ...": the statement is theirs.
_STATEMENT_GAP: Final = re.compile(
    r"\s{1,3}(?:\w{2,12}\s{1,3})?(?:issued|released|signed|published|adopted|put\s{1,3}out)\s{1,3}(?:a\s{1,3})?"
    r"(?:joint\s{1,3})?(?:statement|declaration|communiqu[ée])\s{1,3}[^.;\"“”]{0,80}?[\"“]?",
    re.I,
)
_VERB_GAP: Final = re.compile(r"\s{1,3}(?:(?:also|have|has|had|jointly|\w{2,12}ly)\s{1,3}){0,2}")
_DETERMINED: Final = re.compile(
    r"(?:\b(?:the|these|those|its|their|his|her|a|an)|['’]s?)\s{1,3}(?:[\w.-]{1,20}\s{1,3}){0,2}\Z", re.I
)
# The acts "the decision" or "the move" can stand for: every action but the statements.
_DIPLOMATIC_ACTS: Final = frozenset(fine_actions()) - _STATEMENTS
# The acts an act noun names, by its first eight letters ("expulsion", "downgrading").
_ACT_OF_NOUN: Final = {
    "expulsio": frozenset({"expel_diplomats"}),
    "closure": frozenset({"close_mission", "impose_sanctions"}),
    "closing": frozenset({"close_mission", "impose_sanctions"}),
    "sanction": frozenset({"impose_sanctions"}),
    "measure": frozenset({"impose_sanctions"}),  # "the measures": punitive, as news uses the word
    "measures": frozenset({"impose_sanctions"}),
    "severanc": frozenset({"sever_ties"}),
    "severing": frozenset({"sever_ties"}),
    "recall": frozenset({"recall_ambassador"}),
    "withdraw": frozenset({"recall_ambassador"}),
    "suspensi": frozenset({"downgrade_ties", "impose_sanctions"}),
    "impositi": frozenset({"impose_sanctions"}),
    "summonin": frozenset({"summon_envoy"}),
    "downgrad": frozenset({"downgrade_ties"}),
    "embargo": frozenset({"impose_sanctions"}),
    "blockade": frozenset({"impose_sanctions"}),
}
_COUP_IN: Final = re.compile(
    r"\s{1,3}(?:(?:the|this|a|last\s{1,3}\w{3,9}['’]s)\s{1,3})?"
    r"(?:(?:military|attempted|failed|latest|recent|new|renewed|brutal|violent|bloody|mass)\s{1,3})?"
    r"(?:coup(?:\s{1,3}d['’][ée]tat)?|putsch|(?:military\s{1,3})?takeover|seizure\s{1,3}of\s{1,3}power|"
    # "denounced the presidential run-off in neighbouring Zimbabwe": what its government held or did
    r"(?:(?:presidential|parliamentary|general|legislative)\s{1,3})?(?:elections?|run-?off|polls?|referendum|vote)|"
    # ("a new crackdown on human rights activists in Saudi Arabia": whom it is aimed at, then where)
    r"(?:crackdown|arrests)(?:\s{1,3}(?:on|of)(?:\s{1,3}[\w-]{2,20}){1,4}?)?|executions|hangings)"
    r"\s{1,3}in\s{1,3}(?:the\s{1,3})?(?:neighbou?ring\s{1,3})?",
    re.I,
)
_COUP_WORDS: Final = ("coup", "putsch", "takeover", "seizure")
_CLAUSE_OPENING: Final = re.compile(r"(?:\A|[“\"‘]|\b(?:that|said|says)\s)\s{0,3}(?:the\s{1,3})?\Z", re.I)
_IN_RELATIVE: Final = re.compile(r",\s{0,3}(?:whose|which|who|where)\b[^,;]{0,80}\Z", re.I)
_RELATIVE_GAP: Final = re.compile(
    r",\s{0,3}(?:whose|which|who)\b[^,;]{0,80},\s{1,3}(?:(?:also|jointly|\w{2,12}ly)\s{1,3})?", re.I
)
_PEOPLE_ACTIONS: Final = frozenset({"impose_sanctions", "expel_diplomats"})
# What stands before a state's people as an object: a preposition or a number ("on 17 Saudis",
# "fifteen Iranians"); spelled-out tens and teens are listed so "party" or "city" are not numbers.
_PEOPLE_BEFORE: Final = re.compile(
    r"(?:\b(?:on|for|against|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|dozens?\s{1,3}of|"
    r"(?:thir|four|fif|six|seven|eigh|nine)teen|(?:twen|thir|for|fif|six|seven|eigh|nine)ty)|\d)\s{1,3}\Z",
    re.I,
)


def _listed_after(s: str, mentions: list[Mention], k: int) -> list[Mention]:
    """``mentions[k]`` and the mentions listed right after it ("Britain, France and Poland")."""
    group = [mentions[k]]
    for n in mentions[k + 1 :]:
        if not _LIST_GAP.match(s[group[-1].end : n.start]):
            break
        group.append(n)
    return group


def _has_people(mentions: list[Mention]) -> bool:
    return any(m.kind == "demonym_plural" for m in mentions)


_SO_CALLED: Final = re.compile(r"\b(?:so-called|alleged|purported)\b", re.I)
_LINKED: Final = re.compile(r"-linked\s{1,3}|-backed\s{1,3}|\s{1,3}state-sponsored\s{1,3}")
_ON_TARGET: Final = re.compile(r"\b(?:on|against|targeting)\s")
# ", and Caracas also withdrew ...": a state after this opens a clause of its own.
_AND_CLAUSE_BEFORE: Final = re.compile(r",\s{0,3}and\s{1,3}(?:the\s{1,3})?\Z")
# "India's attempt to link the attack to Pakistan": an accusation named as an attempt, the object
# of a denial or an evaluation, not one this sentence reports.
_ATTEMPT_TO: Final = re.compile(r"\b(?:attempts?|efforts?|bids?)\s{1,3}to\s{1,3}\Z", re.I)
# "Saudi Arabia, along with the UAE and Bahrain, cut ties": companions of the subject.
_ALONG_WITH: Final = re.compile(
    r",?\s{1,3}(?:along\s{1,3}with|together\s{1,3}with|as\s{1,3}well\s{1,3}as|alongside|joined\s{1,3}by)\s{1,3}(?:the\s{1,3})?",
    re.I,
)
# "the attack on the Saudi embassy", "the killing of Iranian diplomats": the harm's victim.
_VICTIM_BEFORE: Final = re.compile(
    r"\b(?:attacks?|strikes?|airstrikes?|assaults?|raids?|bombings?|shelling|storming|killings?|murders?|"
    r"abductions?|kidnappings?|arrests?|detentions?)\s{1,3}(?:on|against|of|in)\s{1,3}(?:the\s{1,3})?(?:[\w-]{2,15}\s{1,3})?\Z",
    re.I,
)
_ALONG_WITH_WORDS: Final = re.compile(r"with|alongside|as\s{1,3}well|joined", re.I)  # (a cheap test first)
# "a meeting on Egypt's air strikes": a preposition makes the harm a topic.
_TOPIC_BEFORE: Final = re.compile(
    r"\b(?:on|about|over|regarding|concerning|during|amid|of)\s{1,3}(?:the\s{1,3})?\Z", re.I
)
# A relative clause between an envoy act and a state: the state is no longer its object.
_RELATIVE_WORD: Final = re.compile(r"\b(?:that|which|who|whose)\s")
_TO_BEFORE: Final = re.compile(r"\bto\s{1,3}\Z")
_AND_BEFORE: Final = re.compile(r",\s{0,3}(?:and|but|while)\s{1,3}(?:the\s{1,3})?\Z")
_ACCUSED_OF: Final = re.compile(r"\baccus\w*\s{1,3}(?:[\w.'’-]{1,25}\s{1,3}){1,6}?of\b", re.I)
# A present-tense verb, as in headlines ("Iran calls ..., summons Swiss envoy").
_HEADLINE_VERB: Final = re.compile(r"[a-z]{3,}s\b")
# "..., said the ministry", "according to Tehran": the speaker named after the verb (not one in
# a clause the verb governs: "the spokesman said after Washington blamed ...").
_SAID_BEFORE: Final = re.compile(
    r"\b(?:said|says|according\s+to|tweeted|stated|added|announced|wrote|reads?)\s{1,3}"
    r"(?:(?!(?:after|before|when|as|because|while|since|that|if|following|amid|once|until)\b)[\w’'-]{1,20}\s{1,3}){0,5}$"
)
# "denied U.S. charges that ...": a charge named as the object of a denial.
_DENIED_BEFORE: Final = re.compile(
    r"\b(?:den(?:y|ies|ied|ying)|reject(?:s|ed|ing)?|dismiss(?:es|ed|ing)?|rebuff(?:s|ed|ing)?|refut(?:e|es|ed|ing))\s{1,3}"
    r"(?:(?!and\b|but\b)[\w.'’-]{1,15}\s{1,3}){0,3}\Z",
    re.I,
)
# "stop supporting", "ceased backing": the act is ended.
_STOPPED_BEFORE: Final = re.compile(
    r"\b(?:stop(?:s|ped|ping)?|ceas(?:e|es|ed|ing)|quit(?:s|ting)?|end(?:s|ed)?)\s{1,3}\Z", re.I
)
_STOPPED_WORDS: Final = literal_prefixes(_STOPPED_BEFORE)  # (as _IMPUTED_WORDS)
# A relative pronoun right before a verb trigger ("who threaten", "who have also condemned").
_WHO_BEFORE: Final = re.compile(
    r"(?:\bwho|,\s{0,3}which|\b(?<!said\s)(?<!says\s)that)\s{1,3}(?:\w{3,12}ly\s{1,3})?"
    r"(?:(?:have|has|had)\s{1,3}(?:\w{3,12}ly\s{1,3})?)?\Z",
    re.I,
)
# Every match holds one of these ("who", "which", "that"): looked for in the window first.
_WHO_WORDS: Final = required_words(_WHO_BEFORE, shortest=3)
# Between a relative pronoun's antecedent and the pronoun ("Iran, who", "the Iranian leaders who").
_ANTECEDENT_GAP: Final = re.compile(
    r"(?:\s{1,3}(?:[\w-]{2,20}\s{1,3}){0,2}?(?:leaders?|officials|ministers?|diplomats|authorities|government)"
    # "Manama was among four Arab states that cut ties": the state is one of them
    r"|\s{1,3}(?:was|is|were|are)\s{1,3}(?:among|one\s{1,3}of)\s{1,3}(?:the\s{1,3})?(?:[\w-]{2,20}\s{1,3}){0,3}?"
    r"(?:states|countries|nations|governments))?"
    r",?\s{0,3}",
    re.I,
)
# "The ambassadors of France, Germany and Italy were summoned": envoys named by their states.
_ENVOYS_OF: Final = re.compile(
    r"\b(?:ambassadors?|envoys?|diplomats?|charg[eé]s?\s{1,3}d['’]\s?affaires|heads?\s{1,3}of\s{1,3}mission|"
    r"representatives?)\s{1,3}of\s{1,3}(?:the\s{1,3})?\Z",
    re.I,
)
# What stands between a cyber operation and its culprit named after it ("hacking carried out by
# hackers working for Russia").
_CULPRIT_BEFORE: Final = re.compile(
    r"\b(?:by|from|linked\s+to|tied\s+to|backed\s+by|sponsored\s+by|attributed\s+to|blamed\s+on|on\s+behalf\s+of|"
    r"working\s+for|acting\s+for|employed\s+by|controlled\s+by|directed\s+by|run\s+by|affiliated\s+with|"
    r"connected\s+to|associated\s+with)\s{1,3}(?:[\w-]{1,20}\s{1,3}){0,4}$"
)
_SALIENCE_DAYS: Final = 62
_NEWS_DAYS: Final = 7
_SAME_ACT_DAYS: Final = 31  # an undated report and a dated one this close are one act
_DAYISH: Final = re.compile(r"\d|day\b")
_DAY_WORD_END: Final = re.compile(r"day\b")  # (the two halves of _DAYISH, for _dayish)
_A_DIGIT: Final = re.compile(r"\d")
_ASCII_DIGITS: Final = tuple("0123456789")
_OF_POSSESSOR: Final = re.compile(
    r"\b(?:decision|move|plan|announcement|choice|order|step|call|calls|bid|efforts?|threat|warning)\s{1,3}"
    r"(?:of|by)\s{1,3}(?:the\s{1,3})?\Z"
)
_REASON: Final = re.compile(
    r"\bin\s{1,3}(?:response|retaliation|reaction|protest)\s{1,3}(?:to|at|over|against|for)\b[^.;]{0,80}$", re.I
)
_REASON_WORDS: Final = required_words(_REASON)  # ("response", "retaliation"...: every match holds one)
_PARTICIPLE: Final = re.compile(r",\s{1,3}\Z")
# ", in a gesture of solidarity with La Paz", "as an expression of support for Poland": an adjunct
# of the main clause, whose subject shows the support.
_GESTURE_BEFORE: Final = re.compile(
    r"(?:,|\A)\s{0,3}(?:in|as)\s{1,3}(?:an?\s{1,3}|the\s{1,3})?(?:[\w-]{2,15}\s{1,3})?"
    r"(?:gesture|show|sign|expression|act|mark|token|demonstration|display|message|signal)\s{1,3}of\s{1,3}"
    r"(?:[\w-]{2,15}\s{1,3})?\Z",
    re.I,
)
_OBJECT_PRONOUN: Final = re.compile(r"\A\s{1,3}(?:it|them)\b")
_IT_OBJECT: Final = re.compile(r"\s{1,3}it\b")
_PERSON_OBJECT: Final = re.compile(r"\s{1,3}(?:him|her)\b(?!\s{1,3}(?:own|government|country)\b)")
_PERSON_KINDS: Final = frozenset({"envoy", "official", "person"})
_FEELING_PAIR: Final = re.compile(r"\s{1,3}(?:and|&)\s{1,3}[a-z-]{3,15}[\"”’]?(?=\s)")
# ", who represents U.S. interests in Tehran": a protecting power's envoy.
_REPRESENTS_AFTER: Final = re.compile(
    r"\s{0,3},?\s{0,3}(?:who|which)\s{1,3}(?:represents|represented|looks\s{1,3}after|looked\s{1,3}after|handles|handled)"
    r"\s{1,3}(?:the\s{1,3})?"
)
_THIS_ACT: Final = re.compile(
    r"\A\s{0,3}(?:(?:at|over|against|about|to)\s{1,3})?(?:this|that|the|these|those)\s{1,3}(?:[\w-]{2,20}\s{1,3}){0,4}?"
    r"(?P<act>decisions?|moves?|steps?|measures?|acts?|actions?|announcement|expulsions?|closure|sanctions|"
    r"resolutions?|vote)\b"
    # (not "the decision of their Caribbean partners": its authors are named, if vaguely)
    r"(?!\s{1,3}(?:of|by)\s{1,3}(?:their|its|his|her|our)\b)",
    re.I,
)
_CITY_DATELINE: Final = re.compile(
    r"\s{0,3}[A-Z][A-Z.'’-]{1,20}(?:[ /][A-Z][A-Z.'’-]{1,20}){0,3}"
    # (a country, a date, or both: "ABUJA, Dec 24 (Newswire) -", "GOMA, Congo, May 3 -")
    r"(?:,\s{1,3}[A-Z][\w.]{1,20}(?:\s[A-Z\d][\w.]{0,20}){0,2}){0,2}"
    r"(?:\s{1,3}\([^()]{1,40}\))?\s{1,3}[—–-]{1,2}\s"
)
_TROOP_WORDS: Final = r"troops|forces|soldiers|military|army|contingent|peacekeepers|bases?"
# (not "military attache", "army adviser": diplomats)
_TROOPS: Final = re.compile(
    rf"\b(?:{_TROOP_WORDS}|peacekeeping|personnel\s{{1,3}}(?=to\b))\b(?!\s{{1,3}}(?:attach|advis))", re.I
)
# "asked Nigeria to withdraw its troops", "... to withdraw the roughly 80 military personnel":
# the object of the withdrawal, right after the trigger, is a military force.
_TROOPS_AFTER: Final = re.compile(
    rf"\s{{1,3}}(?:[\w-]+\s{{1,3}}){{0,3}}?(?:{_TROOP_WORDS})\b(?!\s{{1,3}}(?:attach|advis))", re.I
)
_QUESTION_LINE: Final = re.compile(r"^\s{0,3}(?:Q|Question|Reporter)\s{0,2}:\s", re.M)
# The answers of a press-conference transcript ("A: We firmly oppose ...").
_ANSWER_LINE: Final = re.compile(r"^\s{0,3}(?:A|Answer)\s{0,2}:\s(.*)$", re.M)
_LABEL: Final = re.compile(r"\A\s{0,3}([A-Z][\w.'’-]{1,25}(?:\s{1,3}[A-Z][\w.'’-]{1,25}){0,3})\s{0,2}:\s")
_LABEL_REACH = match_width(_LABEL)  # (its colon stands within this many characters of the start)
_MARKER: Final = re.compile(r"\A\s{0,5}date\s{1,3}\d{4}-\d\d-\d\d\b")
_SPEECH_BEFORE_DATE: Final = re.compile(
    r"\b(?:said|says|announced|stated|told\s{1,3}[\w’'-]{1,20}(?:\s{1,3}[\w’'-]{1,20})?)\s{1,3}(?:on\s{1,3})?\Z"
)

# Organisations act only by statements, and are targets only of statements about them.
_ORG_ACTIONS: Final = frozenset(
    {"support", "condemn", "accuse", "cyberattack_accusation", "demand", "deny", "threaten"}
)
# Newspapers and companies are recognised (so "Tehran Times" is not Iran) but code no events:
# what a newspaper writes is reporting or opinion, not a diplomatic act.
_SILENT_ORGS: Final = frozenset({"media", "company", "other"})
_ENVOY_ACTIONS: Final = frozenset({"expel_diplomats", "summon_envoy"})
# "in Riyadh" names a place; only these actions take a place as their target.
_LOCATIVE: Final = frozenset({"in", "at", "within", "across", "inside", "into", "throughout"})
_LOCATIVE_OK: Final = frozenset(
    {"recall_ambassador", "close_mission", "restore_ties", "expel_diplomats", "downgrade_ties"}
)
# "the award (that) Venezuela rejects": the noun a relative clause's verb takes as its object.
_OBJECT_BEFORE_SUBJECT: Final = re.compile(
    r"\b(?:an?|the|this|these|those|its|their|his|her)\s{1,3}(?:[\w-]+\s{1,3}){0,2}?([a-z]{3,})\s{1,3}"
    r"(?:that\s{1,3}|which\s{1,3})?\Z"
)
# "condemned | the raid": a harm whose author the text has just named.
_HARM_OBJECT: Final = re.compile(
    r"[\"”]?\s{1,3}(?:(?:over|at|against|about|of)\s{1,3})?(?:the|this|these|that|those|today['’]s|yesterday['’]s)\s{1,3}"
    r"(?:[\w-]{2,15}\s{1,3}){0,2}?"
    r"(?P<harm>raids?|attacks?|strikes?|airstrikes?|executions?|killings?|shootings?|bombings?|shelling|incursions?|"
    r"arrests?|detentions?|seizures?|invasion|annexation|assaults?|downing|violations?|launch(?:es)?|offensive|"
    r"(?:military\s{1,3})?operation|bombardment|barrage|blockade|takeover|tests?|storming|hijacking|abductions?|"
    r"kidnappings?|assassinations?|murders?|sinking|crackdown|occupation|intrusions?|incidents?|removal|"
    r"pardons?|hangings?|coup|deportations?|expropriations?|nationali[sz]ations?|demolitions?)\b",
    re.I,
)
# The word stems that report each harm in the sentences before ("struck" for "the strike");
# a harm not listed is reported by its own noun ("raided" for "the raid").
_MINISTRY_IN: Final = re.compile(
    r"\s{1,3}(?:[\w'’-]{1,20}\s{1,3}){1,6}?(?:ministry|office|department)\s{1,3}in\s{1,3}", re.I
)
_PAST_VERB_BEFORE: Final = re.compile(r"\b[a-z]{3,}ed\s{1,3}(?:the\s{1,3})?\Z")
_PLACE_PREPOSITIONS: Final = frozenset({"in", "at", "near", "inside", "across", "into"})
# Between a verb and its direct object: an article or possessive and up to two modifiers
# ("called in Myanmar's", "accused the Russian").
_DIRECT_OBJECT_GAP: Final = re.compile(
    r"\s{0,3}(?:(?:the|a|an|its|their|his|her)\s{1,3})?(?:(?!(?:that|and|to|for|if|when|while|but)\b)[A-Za-z-]{2,15}\s{1,3}){0,2}"
)
# An agreement reached with a partner ("agreed with", "signed a joint communique with").
_AGREED_BEFORE: Final = re.compile(
    r"\b(?:agree[sd]?|reached\s{1,3}(?:an?\s{1,3})?(?:agreement|deal|accord)|signed\s{1,3}(?:an?\s{1,3})?"
    r"(?:joint\s{1,3})?(?:agreement|deal|accord|communiqu[eé]|protocol|declaration))\s{1,3}with\s{1,3}(?:the\s{1,3})?\Z"
)
# From the partner to the act: a time and "to", or a participle ("... with Fiji on Monday to restore").
_AGREEMENT_GAP: Final = re.compile(
    r"(?:\s{1,3}(?:on|in|last|this)\s{1,3}[\w ]{2,20}?)?(?:,\s{0,3})?\s{1,3}(?:to\s{1,3})?"
)
# A nested clause opening: content ("the charge that Haiti had"), infinitive ("to stop
# actions", not "to Moscow" or "to the talks") or gerund ("of using").
_NESTED_CLAUSE: Final = re.compile(
    r"\bthat\s|\bto\s{1,3}[\"“]?(?:\w{2,12}ly\s{1,3})?(?!(?:the|a|an|its|their|his|her|this|these|those)\b)[a-z]{2,}\b"
    r"|\bof\s{1,3}\w{2,15}ing\b"
)
_DETERMINER_BEFORE: Final = re.compile(r"\b(?:the|this|that|these|those|such|its|their)\s{1,3}(?:[\w-]+\s{1,3})?\Z")
# Harms an earlier accusation in the text may name the author of, and how far back it may be.
_ATTACK_NOUNS: Final = frozenset({"attack", "cyberattack", "assault", "strike", "airstrike", "raid", "bombing"})
_ACCUSED_SENTENCES: Final = 8
# What introduces the partner of an act two states may do with each other ("restored relations
# with Cuba", "cut ties to Taipei", "between").
_PARTNER_GAP: Final = re.compile(r"\b(?:with|to|towards?|between|against|from)\b", re.I)
# A coup or takeover the reactions condemn: how far back its report may be, and how far after
# the word that reports it the state it happened in ("seized power on Wednesday in Libreville").
_COUP_NOUNS: Final = frozenset({"coup", "takeover"})
_COUP_SENTENCES: Final = 12
_COUP_PLACE_REACH: Final = 40
# How far after an act with no object a state may stand to be its target ("recalled its
# ambassador in August after Lithuania approved ..."); further on, clauses go elsewhere.
_LATER_REACH: Final = 100
# A military attack is reported in any of its words ("jets struck a convoy ... condemned the raid").
_MILITARY_HARM: Final = (
    "attack",
    "struck",
    "strik",
    "raid",
    "bomb",
    "shell",
    "missile",
    "shot down",
    "shoot down",
    "downed",
)
_HARM_STEMS: Final = {
    "strike": _MILITARY_HARM,
    "airstrike": _MILITARY_HARM,
    "raid": (*_MILITARY_HARM, "storm"),
    "shelling": _MILITARY_HARM,
    "bombing": _MILITARY_HARM,
    "assault": (*_MILITARY_HARM, "assault"),
    "execution": ("execut", "behead", "hang"),
    "killing": ("kill", "behead", "execut", "murder", "massacr"),
    "shooting": ("shoot", "shot"),
    "incursion": ("incursion", "crossed", "entered"),
    "detention": ("detain", "detention"),
    "seizure": ("seiz",),
    "invasion": ("invad", "invasion"),
    "downing": ("shot down", "downed", "downing"),
    "violation": ("violat",),
    "attack": _MILITARY_HARM,
    "launch": ("launch", "fired"),
    "offensive": ("offensive", "launch", "attack"),
    "military operation": ("operation", "raid", "launch", "attack", "strike", "struck"),
    "operation": ("operation", "raid", "launch", "attack", "strike", "struck"),
    "bombardment": (*_MILITARY_HARM, "bombard", "barrage"),
    "barrage": (*_MILITARY_HARM, "barrage", "fired", "launch"),
    "blockade": ("block",),
    "takeover": ("seiz", "took", "takeover", "coup", "toppl", "overthr"),
    "storming": ("storm",),
    "hijacking": ("hijack", "forced"),
    "abduction": ("abduct", "kidnap", "seiz"),
    "kidnapping": ("kidnap", "abduct", "seiz"),
    "assassination": ("assassinat", "kill", "murder"),
    "murder": ("murder", "kill"),
    "sinking": ("sank", "sunk", "sink"),
    "crackdown": ("crack", "crush", "suppress"),
    "occupation": ("occup", "seiz"),
    "intrusion": ("intru", "entered", "violat"),
    "removal": ("remov", "relocat", "dismantl", "tore down", "demolish"),
}
# "the incident": whatever harm the sentences before report, in any of its words.
_SEIZING: Final = ("expropriat", "nationali", "seiz", "took over", "takeover")
_HARM_STEMS.update(
    {
        "pardon": ("pardon",),
        "hanging": ("hang", "execut"),
        "coup": ("coup", "seiz", "took power", "toppl", "overthr", "ousted"),
        "deportation": ("deport",),
        "expropriation": _SEIZING,
        "nationalisation": _SEIZING,
        "nationalization": _SEIZING,
        "demolition": ("demolish", "demolition", "razed", "bulldoz"),
    }
)
_HARM_STEMS["incident"] = tuple(dict.fromkeys(stem for stems in _HARM_STEMS.values() for stem in stems))
# "the Taiwan question", "the Iran nuclear issue": a state named as a topic.
_TOPIC_AFTER: Final = re.compile(r"\s{1,3}(?:nuclear\s{1,3})?(?:question|issue|problem|dossier|file)\b")
# ", and Australia condemned it": a comma and a conjunction open a clause whose subject follows.
# What joins a next clause's subject to the clause before ("..., and the Comoros cut ties").
_CLAUSE_JOIN_BEFORE: Final = re.compile(r"(?:,|\band|\bwhile|\bwhereas|\bbut)\s{1,3}(?:the\s{1,3})?\Z")
# Between a subject and its verb: adverbs and auxiliaries only ("Kuwait also recalled").
_SUBJECT_GAP: Final = re.compile(r"\s{1,3}(?:(?:also|then|later|too|swiftly|promptly|has|have|had)\s{1,3}){0,2}")
_NEW_CLAUSE_BEFORE: Final = re.compile(r",\s{1,3}(?:and|but|while|whereas)\s{1,3}(?:the\s{1,3})?\Z")
_DEADLINE_BEFORE: Final = re.compile(
    r"\b(?:by|until|till|no\s{1,3}later\s{1,3}than)\s{1,3}(?:(?:midnight|noon|the\s{1,3}end\s{1,3}of)\s{1,3})?"
    r"(?:on\s{1,3})?(?:the\s{1,3})?\Z",
    re.I,
)
_RELATIVE_OPENER: Final = re.compile(r",\s{1,3}(?:whose|which|who|where)\s")
_AUX_BEFORE: Final = re.compile(r"\b(?:was|were|been|being|is|are|be)\s{1,3}(?:\w{2,12}ly\s{1,3})?\Z")
_AUX_WORDS: Final = literal_prefixes(_AUX_BEFORE)  # (every match begins with one: looked for first)
_BY_AGENT_AFTER: Final = re.compile(r"\s{1,3}by\s{1,3}(?:the\s{1,3})?(?-i:[A-Z])")
_GERUND_AFTER: Final = re.compile(r"\s{1,3}(?:\w{2,12}ly\s{1,3})?(?:having\s{1,3})?[a-z]{3,}ing\b")
_ALLEGES_AFTER: Final = re.compile(
    r"\s{1,3}(?:has\s{1,3}|had\s{1,3})?(?:alleges|alleged|claims|claimed|accuses|accused|charges|charged|says|said)\b"
)
_BARE_END: Final = re.compile(r"\A\s{0,3}(?:[.,;:)”\"]|$)")
# ", a move (that) | Dublin called ...", ", which | Dublin called ...": a relative clause about the
# main clause's act.
_ACT_RELATIVE: Final = re.compile(
    r",\s{1,3}(?:(?:a|the|another)\s{1,3}(?:[\w-]{3,15}\s{1,3})?(?P<noun>move|decision|step|action|measure|act)\s{1,3}"
    r"(?:that\s{1,3}|which\s{1,3})?|which\s{1,3})(?:the\s{1,3})?(?:[A-Z][a-z]{2,15}\s{1,3}){0,3}\Z"
)
_POSSESSED_ACT: Final = re.compile(
    r"['’]s?\s{1,3}(?:[\w-]{1,20}\s{1,3}){0,2}?(?:decision|move|plan|step|order|announcement|choice|attempt)\b"
)
# Between a passive expulsion and the country the envoys leave ("ordered to leave | Bulgaria",
# "expelled | from Moldova").
_LEFT_PLACE: Final = re.compile(
    r"(?:(?<=leave)|(?<=quit))\s{1,3}(?:the\s{1,3})?|(?:(?<=depart)|(?<=expelled))\s{1,3}from\s{1,3}(?:the\s{1,3})?"
    r"|(?<=out)\s{1,3}of\s{1,3}(?:the\s{1,3})?"
)
# "denied the officers were spies": a clause denied, its "that" left out.
_BARE_CLAUSE: Final = re.compile(
    r"\A\s{1,3}(?:(?:the|its|his|her|their|any|all)\s{1,3})?(?:(?!(?:and|but|or)\b)[\w'’-]{2,20}\s{1,3}){1,3}?"
    r"(?:was|were|had|has|have|is|are|would|could|did)\s{1,3}(?!been\s{1,3}(?:expelled|summoned|recalled)\b)"
)
_DENY_OBJECT: Final = re.compile(
    r"\A\s{0,3}(?:[.,;:)”\"]|$|(?:it|them|this|that|these|those|the\s{1,3}(?:charges?|claims?|accusations?|allegations?|reports?))\b)",
    re.I,
)


class _When(NamedTuple):
    """An act's date as the coder worked it out."""

    date: dt.date | None
    precision: str
    explicit: bool  # the sentence itself gave it
    defaulted: bool = False  # the publication day, for want of any other (see _Coder._redate)


class _Roles:
    """An act's actors and targets, and how each was found (the rule's words)."""

    # (a plain class: the compiled build would leave a dataclass's generated __init__
    # interpreted, and one is made per trigger)
    def __init__(
        self,
        actors: list[Mention],
        targets: list[Mention],
        how_actor: str,
        how_target: str,
        mutual: bool = False,
        both_ways: bool = False,  # each actor with each target, and back ("agreed with Fiji to restore ties")
    ) -> None:
        self.actors = actors
        self.targets = targets
        self.how_actor = how_actor
        self.how_target = how_target
        self.mutual = mutual
        self.both_ways = both_ways


def code_document(text: str, doc: str, url: str | None, publisher: str | None, pub: dt.date | None) -> list[Event]:
    """The events of one document whose arguments :func:`dipevents.parsing.parse_text` checked."""
    try:
        return _Coder(text, doc, url, publisher, pub).run()
    except DipeventsError:
        raise
    except RecursionError as exc:  # pragma: no cover - defensive: never leak an internal error
        raise ParseError(f"document {doc}: could not be parsed ({exc})") from exc


# A yes-no question: an auxiliary opens it ("Will Belarus expel them?", "Has Japan recalled
# its ambassador?"), after a transcript label if any.
_YES_NO_QUESTION: Final = re.compile(
    r"(?:(?:Q|Question|Reporter)\s{0,3}:\s{0,3})?[\"“]?(?:Will|Would|Could|Should|Can|May|Might|Shall|Is|Are|Was|Were|Does|Do|Did|Has|Have|Had)\s"
)
_VAGUE_TIME_REACH: Final = 120
# A sentence whose subject is a pronoun ("It accused them of recruiting informers"): it may
# report an act with no state named in it.
_PRONOUN_OPENS: Final = re.compile(r"(?:(?:On|In|Later|Then|Also)\b[^,]{0,30},?\s{1,3})?(?:He|She|It|They|We)\s")
# A heading line that names a state's body: "MINISTRY OF FOREIGN AFFAIRS OF GEORGIA",
# "Embassy of the People's Republic of China in the Kingdom of Belgium", "REPUBLIC OF THE SUDAN -
# MINISTRY OF FOREIGN AFFAIRS", "Foreign Ministry Spokesperson ...'s Regular Press Conference".
# The body opens the line or a part of it after a separator and is followed by "of" or ends
# the part ("GOVERNMENT BREAKS WITH HONDURAS" is a headline).
_ISSUER_HEADING: Final = re.compile(
    r"(?:^|[-|–—:]\s{0,3})(?:(?:Statement|Press\s{1,3}(?:Release|Statement)|Communiqu[eé])\s{1,3}(?:of|by)\s{1,3}the\s{1,3})?"
    r"(?:(?:Foreign\s{1,3})?Ministry|Government|Embassy|Presidency|(?:Permanent\s{1,3})?Mission|Foreign\s{1,3}Office|"
    r"Department\s{1,3}of\s{1,3}State|Office\s{1,3}of\s{1,3}the\s{1,3}(?:President|Prime\s{1,3}Minister))"
    r"(?=\s{1,3}(?:of|for)\b|\s{0,3}(?:$|[-|–—:,(])|\s{1,3}Spokes)",
    re.I,
)
# Lower-case words a heading may hold (anything else lower-case makes it a sentence or headline).
_HEADING_SMALL_WORDS: Final = frozenset({"of", "the", "and", "for", "in", "to", "on", "by", "de", "du", "la", "et"})
_PARENTHESES: Final = re.compile(r"\([^)]*\)")  # ("(imitation)", "(Taiwan)": asides, not words of the heading)
_EMBASSY_OF: Final = re.compile(r"\bEmbassy\s{1,3}of\b", re.I)
_ISSUER_LINES: Final = 4  # the first non-empty lines that may be the heading
_ISSUER_LINE_MAX: Final = 120


def _issuer(text: str) -> str | None:
    """The state whose ministry, government or embassy a heading among the text's first lines
    names, when one does (an official text's letterhead, not a news headline)."""
    lines = [line.strip() for line in text[:1000].splitlines() if line.strip()][:_ISSUER_LINES]
    for k, line in enumerate(lines):
        if len(line) > _ISSUER_LINE_MAX or line.endswith(".") or not _ISSUER_HEADING.search(line):
            continue
        words = _PARENTHESES.sub(" ", line).split()
        if any(w[:1].islower() and w.lower() not in _HEADING_SMALL_WORDS for w in words):
            continue  # "Foreign Ministry summons Iranian ambassador": a headline
        states = _heading_states(line)
        if not states and k + 1 < len(lines) and len(lines[k + 1]) <= _ISSUER_LINE_MAX:
            # "MINISTRY OF FOREIGN AFFAIRS" over "REPUBLIC OF KOREA": the state on a line of its own
            nxt = _heading_states(lines[k + 1])
            states = nxt if nxt and sum(m.end - m.start for m in nxt) >= len(lines[k + 1].rstrip(" ()")) - 2 else []
        if not states:
            continue
        if len({m.actor for m in states}) == 1 or _EMBASSY_OF.search(line):
            return states[0].actor  # ("Embassy of X in Y": X's)
        return None
    return None


def _heading_states(line: str) -> list[Mention]:
    """The states a heading names (capitals cased as names first: "OF GEORGIA" -> "of Georgia",
    which the gazetteer reads as the state only when so written)."""
    if line.isupper():
        line = " ".join(w.lower() if w.lower() in _HEADING_SMALL_WORDS else w.capitalize() for w in line.split(" "))
    return [m for m in find_mentions(line, Discourse()) if m.actor_type == "state" and m.kind != "demonym"]


class _Coder:
    """Codes one document; holds its discourse state."""

    def __init__(self, text: str, doc: str, url: str | None, publisher: str | None, pub: dt.date | None) -> None:
        self.text = text
        self.doc = doc
        self.url = url
        self.publisher = publisher
        self.pub = pub
        self.discourse = Discourse()
        self.events: list[Event] = []
        self.factory = EventFactory()
        self.seen: set[tuple[str, str, str, str]] = set()
        self.accusations: list[tuple[int, str, str]] = []  # (sentence index, accuser, accused)
        self.speaker: str | None = None  # actor id of the current quote's speaker; "" unknown
        self.cues = cues()
        self.gaz = gazetteer()
        self.explicit: list[bool] = []  # per event: dated from its own sentence
        self.line_speaker: str | None = None
        # The last full date given before the current sentence (without a publication date),
        # worked out lazily from self.texts: only an undated act needs it, and few do.
        self._anchor: dt.date | None = None
        self._anchor_scanned = 0  # sentences before this one are accounted for in _anchor
        # Sentence index -> its dates, found for its acts (without a publication date).
        self._full_dates: dict[int, list[DateMention]] = {}
        # Days named by earlier sentences, read lazily: only an undated act needs them.
        self.texts: list[str] = []
        self.mentions_of: list[list[Mention]] = []  # each sentence's mentions, for _harm_author
        self._days: dict[int, list[dt.date]] = {}
        # Sentence index -> its days-only dates, when the scan of its dates told them.
        self._day_dates: dict[int, list[DateMention]] = {}
        self.news_day: dt.date | None = None  # the story's day: the first recent day it names
        self._news_scanned = 0
        self.index = 0
        self.triggers: list[TriggerMatch] = []  # the current sentence's
        self._mentions: list[Mention] = []  # the current sentence's
        self.transcript = False  # a press-conference transcript ("Q: ..." lines)
        self._answering: str | None = None  # the state answering its "A:" lines ("" when unclear)
        # The state whose ministry, government or embassy heads the text, when it is one's own
        # statement or briefing: the "we" of its paragraphs and the voice of its answers.
        self.issuer = _issuer(text)
        self.last_official: tuple[int, str] | None = None  # (sentence index, state) of the last official named
        self.igo_subject: tuple[int, str] | None = None  # (sentence index, IGO) of a sentence an organisation opens
        self.last_act: dict[str, tuple[int, str, str]] = {}  # action -> (sentence index, actor, target) last coded

    def run(self) -> list[Event]:
        # What the current sentence's acts share, found once: (trigger id, action) -> date, and
        # date start -> whether it dates a document (emptied for each sentence).
        self._dated: dict[tuple[int, str], _When] = {}
        self._documents: dict[int, bool] = {}
        # The current sentence's acts coded so far: id(trigger) -> its actors (for a verb joined
        # by "and" that has no subject of its own).
        self._actors_of: dict[int, list[Mention]] = {}
        # Acts dated by the publication day for want of any other (see _redate).
        self.pending: list[tuple[int, dict[str, Any], str]] = []
        line = -1
        # In a press-conference transcript ("Q: ..." / "Mao Ning: ..."), a paragraph without a
        # label goes on with the answer of the last speaker labelled.
        # (every label holds "Q" or "Reporter": a cheap test before a search of every line)
        labelled = "Q" in self.text or "Reporter" in self.text
        transcript = self.transcript = labelled and _QUESTION_LINE.search(self.text) is not None
        answering: str | None = None
        for index, sent in enumerate(split_sentences(self.text)):
            if sent.line != line:
                line = sent.line
                self.line_speaker = self._line_speaker(sent.text)
                if transcript:
                    if self.line_speaker is None:
                        answer = _ANSWER_LINE.match(sent.text) is not None
                        self.line_speaker = answering or (self._answerer() if answer else None)
                    else:
                        answering = self.line_speaker or None
            self.index = index
            self.texts.append(sent.text)
            self._sentence(index, sent)
        self._redate()
        return self._dedup()

    def _dedup(self) -> list[Event]:
        """One event per act: a date read from the sentence beats the publication-date default.

        An act told without a date of its own is the same act as one told with a date near the
        day it defaulted to; an act dated months or years before ("In September, the junta had
        ordered the attaché to leave") is an earlier one and leaves the undated report standing.
        """
        dated: dict[tuple[str, str, str], list[dt.date | None]] = {}
        for e, explicit in zip(self.events, self.explicit, strict=True):
            if explicit:
                dated.setdefault((e.actor, e.action, e.target), []).append(e.date)
        out: list[Event] = []
        kept: set[tuple[str, str, str]] = set()
        for ev, explicit in zip(self.events, self.explicit, strict=True):
            key = (ev.actor, ev.action, ev.target)
            if not explicit and (key in kept or any(_near(d, ev.date) for d in dated.get(key, ()))):
                continue
            kept.add(key)
            out.append(ev)
        return out

    def _answerer(self) -> str | None:
        """The state whose spokesperson answers an "A:" line, when no label names him: the
        state the answers name most often ("China's position ...", "China firmly opposes ..."),
        counted once per answer, if it leads the next by at least one and is named in two."""
        if self._answering is None and self.issuer:
            self._answering = self.issuer
        if self._answering is None:
            counts: dict[str, int] = {}
            for answer in _ANSWER_LINE.finditer(self.text):
                for actor in {m.actor for m in find_mentions(answer.group(1), Discourse()) if m.actor_type == "state"}:
                    counts[actor] = counts.get(actor, 0) + 1
            ranked = [*sorted(counts.values(), reverse=True), 0, 0]
            top = [a for a, n in counts.items() if n == ranked[0]]
            self._answering = top[0] if ranked[0] >= 2 and ranked[0] > ranked[1] else ""
        return self._answering or None

    def _line_speaker(self, s: str) -> str | None:
        """A transcript line "Lin Jian: ..." is spoken by its label: a state, or "" if unknown."""
        m = _LABEL.match(s) if _LABEL_REACH is None or s.find(":", 0, _LABEL_REACH) >= 0 else None
        if not m:
            return None
        found = [x for x in find_mentions(m.group(1), self.discourse) if x.actor_type == "state"]
        return found[0].actor if found else ""

    def _days_of(self, j: int) -> list[dt.date]:
        """The days (on or before publication) that sentence ``j`` names."""
        days = self._days.get(j)
        if days is None:
            s = self.texts[j]
            found = self._day_dates.pop(j, None) if _dayish(s) else []
            if found is None:
                found = find_dates(s, self.pub, days_only=True)
            days = [
                d.date
                for d in found
                if d.precision == "day"
                and (self.pub is None or d.date <= self.pub)
                and not _document_date_before(s, d.start)
            ]
            self._days[j] = days
        return days

    def _recent_date(self) -> dt.date | None:
        """The last date, to the day or the month, named in the three sentences before this one."""
        for j in range(self.index - 1, max(-1, self.index - 4), -1):
            found = [
                d.date
                for d in find_dates(self.texts[j], self.pub)
                if d.precision in ("day", "month") and (self.pub is None or d.date <= self.pub)
            ]
            if found:
                return found[-1]
        return None

    def _recent_day(self) -> dt.date | None:
        """The last day named in the three sentences before this one."""
        for j in range(self.index - 1, max(-1, self.index - 4), -1):
            days = self._days_of(j)
            if days:
                return days[-1]
        return None

    def _story_day(self) -> dt.date | None:
        """The first recent day (within a week before publication) the text names so far."""
        while self.news_day is None and self.pub is not None and self._news_scanned < self.index:
            recent = [d for d in self._days_of(self._news_scanned) if (self.pub - d).days <= _NEWS_DAYS]
            self._news_scanned += 1
            if recent:
                self.news_day = recent[0]
        return self.news_day

    def _anchor_date(self) -> dt.date | None:
        """Without a publication date, the last full date the sentences before this one gave
        (not a document's date): it anchors undated acts."""
        # The latest sentence that gives one decides: scan back only over the sentences not
        # yet accounted for, so each sentence is read at most once per document.
        for j in range(self.index - 1, self._anchor_scanned - 1, -1):
            s = self.texts[j]
            told = self._full_dates.get(j)
            # (full_dates(s) keeps the non-relative days of find_dates(s, None): no second scan)
            full = full_dates(s) if told is None else [d for d in told if d.precision == "day" and not d.relative]
            found = [d for d in full if not _document_date_before(s, d.start)]
            if found:
                self._anchor = found[-1].date
                break
        self._anchor_scanned = max(self._anchor_scanned, self.index)
        return self._anchor

    # -- one sentence ---------------------------------------------------------------------

    def _sentence(self, index: int, sent: Sentence) -> None:
        s = sent.text
        self.discourse.sentence = index
        everyone = find_mentions(s, self.discourse, people=True)
        if everyone and (dateline := _CITY_DATELINE.match(s)):
            # "BRUSSELS/WARSAW — EU ministers agreed ...": the cities the story was filed from,
            # no party to its acts.
            filed = [m for m in everyone if m.start < dateline.end() and m.actor_type == "state"]
            everyone = [m for m in everyone if m.start >= dateline.end()]
            if self.discourse.focus is None and len({m.actor for m in filed}) == 1:
                # "MOSCOW, March 3 (Wire) - The foreign ministry expelled ...": with no state
                # told of yet, the ministry is the one of the city the story was filed from.
                self.discourse.note_state(filed[0].actor, subject=True)
                # (found again: the anaphors were looked for with no focus; once per document)
                everyone = [m for m in find_mentions(s, self.discourse, people=True) if m.start >= dateline.end()]
        mentions = [m for m in everyone if m.kind != "demonym_plural"] if _has_people(everyone) else everyone
        self.mentions_of.append(mentions)
        self._mentions = mentions
        self._update_speaker(s, mentions)
        coded_actors: list[str] = []
        dates: list[DateMention] | None = None
        self._dated.clear()
        self._documents.clear()
        self._actors_of.clear()
        if (mentions or (self.discourse.focus is not None and _PRONOUN_OPENS.match(s))) and prefilter(s):
            self.triggers = find_triggers(s)
            # Denials last: a denial answers an accusation the same sentence may report after it
            # ("Moscow denied any involvement in the poisoning, which London blamed on the GRU").
            for trig in sorted(self.triggers, key=_deny_last):
                # (_roles and _skipped only read the coder's state, so their order changes
                # nothing: the roles go first, as they rule out a third of the triggers and the
                # cue searches, as costly, a twentieth.)
                roles = self._roles(s, trig, self._with_people(s, trig, mentions, everyone))
                if roles is None or self._skipped(s, trig) or _anothers_envoy_recalled(trig, roles, mentions):
                    continue
                self._actors_of[id(trig)] = roles.actors
                if dates is None:
                    dates, days = find_dates_and_days(s, self.pub)
                    if days is not None:
                        self._day_dates[index] = days  # (for _days_of when a later act needs them)
                    if self.pub is None:
                        self._full_dates[index] = dates  # (for _anchor_date, which keeps their full days)
                for action in self._actions(s, trig):
                    for actor, target in self._pairs(roles):
                        if self._emit(index, sent, trig, action, roles, actor, target, dates):
                            coded_actors.append(actor.actor)
                    if action not in _STATEMENTS and len(roles.targets) == 1 and not roles.mutual:
                        self._gapped(index, sent, trig, action, roles, mentions, dates)
        if mentions and self.last_act and contains_any(s, _FOLLOW_WORDS):
            coded_actors += self._followed(index, sent, mentions)
        self._update_focus(s, mentions, coded_actors)
        first = next((m for m in mentions if m.subject_like and m.actor_type in ("state", "igo")), None)
        if first is not None and first.actor_type == "igo":
            self.igo_subject = (index, first.actor)
        for k, m in enumerate(mentions):
            if (
                m.kind in ("person", "official")
                and m.actor_type == "state"
                and (m.subject_like or (k == 0 and m.possessive))  # ("Ortega's response was defiant. He ...")
            ):
                self.last_official = (index, m.actor)  # (the first official who may be a subject)
                break
        else:
            if (
                self.last_official is not None
                and index - self.last_official[0] <= 1
                and _HE_OR_SHE.search(s)
                and not any(m.kind in ("person", "official") for m in mentions)
            ):
                # "Putin addressed parliament. God, he said, had ... He warned that ...": a
                # sentence that goes on about him with "he" carries the official to the next.
                self.last_official = (index, self.last_official[1])
            elif (
                coded_actors
                and coded_actors[0] not in self.gaz.igo_codes
                and coded_actors[0] not in self.discourse.types
                and search_at_prefixes(_UNNAMED_OFFICIAL, _UNNAMED_OFFICIAL_AT, s, folded(s)) is not None
            ):
                # "In Paris, a Foreign Ministry spokesman said France regrets ... He rejected ...":
                # an official named by title only speaks for the state whose act the sentence codes.
                self.last_official = (index, coded_actors[0])

    def _with_people(
        self, s: str, trig: TriggerMatch, mentions: list[Mention], everyone: list[Mention]
    ) -> list[Mention]:
        """The mentions an act may take: a state's people ("sanctions on 17 Saudis", "visa
        services for Canadians", "expelled two Britons") only as the object of a sanction or an
        expulsion, after a number or "on/for/against"; never as an actor or a victim."""
        if everyone is mentions or trig.action not in _PEOPLE_ACTIONS:
            return mentions
        return [
            m
            for m in everyone
            if m.kind != "demonym_plural"
            or (m.start >= trig.end and _PEOPLE_BEFORE.search(s, max(0, m.start - 20), m.start))
        ]

    def _update_speaker(self, s: str, mentions: list[Mention]) -> None:
        # _SPEAKER ends on one of SPEECH_VERBS after whitespace: the token memo knows if any is there.
        m = _SPEAKER.search(s) if "speech" in gate_groups(s) else None
        if m:
            inside = [x for x in mentions if x.start < m.end(1) and m.start(1) < x.end and x.actor_type != "igo"]
            if not inside:
                st = _STATEMENT_OF.match(s, m.end())
                if st:
                    inside = [x for x in mentions if m.end() <= x.start < st.end() and x.actor_type == "state"]
            last_word = m.group(1).split()[-1]
            # ("“...,” a spokesman said": an unnamed official of the state the story is about)
            unnamed = last_word in _PRONOUN_SPEAKERS or last_word.lower() in _BARE_OFFICIALS
            self.speaker = inside[0].actor if inside else (self.discourse.focus if unnamed else "")
        elif not _QUOTE_OPEN.match(s):
            self.speaker = None

    def _update_focus(self, s: str, mentions: list[Mention], coded_actors: list[str]) -> None:
        d = self.discourse
        subject = None
        for m in mentions:
            if m.actor_type == "state" and m.kind != "envoy" and m.subject_like and not _attributive_capital(s, m):
                # An anaphor as subject ("The ministry said") keeps the focus where it is.
                subject = m.actor if m.kind not in ("anaphor", "pair") else ""
                break
        if subject is None and coded_actors:
            # Only a state is "the country" or "the government" later (not an IGO or an NGO).
            first = coded_actors[0]
            subject = first if first not in self.gaz.igo_codes and first not in self.discourse.types else None
        subject = subject or None
        for m in mentions:
            if (
                m.actor_type == "state"
                and m.kind not in ("anaphor", "pair")
                and m.actor != subject
                # "at a London conference": a city as a noun's modifier is no party to the story
                # (unlike "died in custody in Tehran", which points at the state)
                and not _attributive_capital(s, m)
            ):
                d.note_state(m.actor, subject=False)
        if subject is not None:
            d.note_state(subject, subject=True)
        if len(mentions) > 1:
            # "the two countries" are a pair named as such ("Albania and Iran"), not the first
            # two of a longer list ("Brazil, Colombia and Argentina condemned ...").
            # (whether two neighbours are joined is asked only of a pair of states: a pure test,
            # so the order of the conditions changes nothing)
            pairs = list(itertools.pairwise(mentions))
            for k, (a, b) in enumerate(pairs):
                if (
                    a.prep not in _PLACE_PREPOSITIONS  # "strikes in Iraq and Syria": places, not a pair
                    and a.actor_type == b.actor_type == "state"
                    and a.actor != b.actor
                    and _joined(s, a, b)
                    and not (k > 0 and _joined(s, *pairs[k - 1]))
                    and not (k + 1 < len(pairs) and _joined(s, *pairs[k + 1]))
                ):
                    d.note_pair(a.actor, b.actor, self.index, named=True)
                    break
            # A list of three or more states ("Argentina, Bolivia, Colombia and Mexico"), which
            # "the four countries" refers back to. (The tests are pure: cheapest first.)
            if len(mentions) > 2:
                run: list[str] = []
                for k, m in enumerate(mentions):
                    joined = bool(run) and k > 0 and m.actor_type == "state" and _joined(s, mentions[k - 1], m)
                    if joined and m.actor not in run:
                        run.append(m.actor)
                    elif not joined:
                        if len(run) >= 3:
                            d.lists[len(run)] = tuple(run)
                        run = [m.actor] if m.actor_type == "state" and m.prep not in _PLACE_PREPOSITIONS else []
                if len(run) >= 3:
                    d.lists[len(run)] = tuple(run)

    # -- filters --------------------------------------------------------------------------

    def _window(self, s: str, start: int, size: int = 60) -> str:
        left = s[max(0, start - size) : start]
        # Only the trigger's own clause: cut at the last strong break before it.
        cut = max(left.rfind(";"), left.rfind("“"), left.rfind("”"), left.rfind('"'), left.rfind(", "), left.rfind(":"))
        return left[cut + 1 :] if cut >= 0 else left

    def _skipped(self, s: str, trig: TriggerMatch) -> bool:
        c = self.cues
        window = self._window(s, trig.start, 50)
        if c.negation.search(window) or (not trig.trigger.negated and c.negation.search(trig.text)):
            return True
        if (
            trig.action not in c.exempt_hypothetical
            and _holds(s, _hypothetical_words(), max(0, trig.start - 50), trig.start)  # (the window's span)
            and c.hypothetical.search(window)
        ):
            return True
        if trig.action in c.no_future and c.future.search(window):
            return True
        if (
            trig.action in _DIPLOMATIC_ACTS
            and c.future.search(window)
            and c.vague_time.search(s, trig.end, trig.end + _VAGUE_TIME_REACH)
        ):
            # "said Jakarta would establish relations with Dili in due course": an intention
            # with no time set is a plan, not an announced decision ("will reopen on Monday").
            return True
        if s.endswith("?") and _YES_NO_QUESTION.match(s) and clause_break(s, 0, trig.start) < 0:
            return True  # "Will Belarus expel them?": a question, not a report
        if (
            trig.action in _DIPLOMATIC_ACTS
            and ("onfirm" in s or "erifi" in s or "here " in s)  # (one stands in every match: tested first)
            and c.unconfirmed.search(s)
        ):
            # "Syria had broken off relations with London, but there was no official
            # confirmation": an act reported as unconfirmed is not coded (a statement is:
            # "accused Israel of the strike, a claim that could not be verified").
            return True
        if (
            trig.action not in ("accuse", "cyberattack_accusation")
            and _holds(s, _IMPUTED_WORDS, max(0, trig.start - 50), trig.start)  # (the window's span)
            and _IMPUTED.search(window)
        ):
            return True  # "accusing it of supporting Congo": the act imputed, not one reported
        if trig.action not in ("accuse", "cyberattack_accusation") and self._inside_accusation(s, trig):
            return True  # "accused Maduro of having met the commanders to urge them to ...": imputed
        if trig.action == "support" and any(
            t.action == "accuse"
            and t.end <= trig.start
            and _OF_GERUND.match(s, t.end, trig.start)
            and clause_break(s, t.end, trig.start) < 0
            for t in self.triggers
        ):
            return True  # "accused Pakistan of giving the Taliban military support": the support imputed
        if trig.action == "impose_sanctions" and trig.trigger.voice == "noun" and self._warned_of(s, trig):
            return True  # "warned that the sanctions pressure on Damascus would grow": threatened
        if (
            trig.action == "accuse"
            and trig.trigger.voice == "noun"
            and any(
                t.action == "deny" and t.trigger.voice == "content" and 0 <= t.start - trig.end < 60
                for t in self.triggers
            )
        ):
            return True  # "said the accusations against Goldberg were baseless": the charge judged, not made
        if (
            trig.action == "accuse"
            and trig.trigger.voice == "active"
            and _DENIED_BEFORE.search(s, max(0, trig.start - 40), trig.start)
        ):
            return True  # "Iran denied U.S. charges that ...": the charge denied, not one the denier makes
        if (
            _holds(s, _STOPPED_WORDS, max(0, trig.start - 20), trig.start)
            and _STOPPED_BEFORE.search(s, max(0, trig.start - 20), trig.start)
            and _ING.match(trig.text)
        ):
            return True  # "had to stop supporting Hamas": an act to be ended, not one done
        if (
            trig.action in ("accuse", "cyberattack_accusation")
            and trig.trigger.voice == "active"
            and _ATTEMPT_TO.search(window)
        ):
            return True  # "rejected India's attempt to link the attack to Pakistan": the charge denied
        # "in response to the hostile actions of X" gives a reason; it is not a condemnation.
        return (
            trig.action in ("condemn", "accuse")
            and _holds(s, _REASON_WORDS, max(0, trig.start - 90), trig.start)
            and _REASON.search(s[max(0, trig.start - 90) : trig.start]) is not None
        )

    def _inside_accusation(self, s: str, trig: TriggerMatch) -> bool:
        """Whether ``trig`` is an infinitive or gerund in the "of ..." of an accusation before it
        in the same clause ("accused X of having met Y to urge them ...")."""
        if not any(t.action == "accuse" and t.end <= trig.start for t in self.triggers):
            return False  # (the cheap test first: most sentences have no accusation before)
        if not (_TO_BEFORE.search(s, max(0, trig.start - 4), trig.start) or _ING.match(trig.text)):
            return False
        return any(
            t is not trig
            and t.action == "accuse"
            and t.end <= trig.start
            and _ACCUSED_OF.search(t.text + s[t.end : t.end + 60])
            and clause_break(s, t.end, trig.start) < 0
            and not self._new_subject_between(s, t.end, trig.start)
            for t in self.triggers
        )

    def _warned_of(self, s: str, trig: TriggerMatch) -> bool:
        """Whether ``trig`` is the subject of a modal in the content of a warning before it in
        the same clause ("warned that sanctions on Syria would follow")."""
        return any(
            t.action == "threaten"
            and t.end <= trig.start
            and _THAT_CLAUSE.match(s, t.end if s[t.end - 1 : t.end].isspace() else t.end + 1)
            and clause_break(s, t.end, trig.start) < 0
            and _MODAL_AFTER.match(s, trig.end)
            for t in self.triggers
        )

    def _new_subject_between(self, s: str, start: int, end: int) -> bool:
        """Whether a clause with a subject of its own opens between ``start`` and ``end``
        ("accusing Moscow of ..., and Russia answered by expelling ...")."""
        return any(
            start <= m.start < end and m.subject_like and _AND_BEFORE.search(s, max(0, m.start - 12), m.start)
            for m in self._mentions
        )

    def _actions(self, s: str, trig: TriggerMatch) -> list[str]:
        """An accusation naming a cyber operation is a cyberattack accusation; a demand to hold
        a state accountable for one also attributes it; calling an accusation "absurd" denies it."""
        if _judges_claim(trig):
            return ["deny"]
        if trig.action == "accuse" and trig.trigger.voice != "content":
            # ("Russian hackers were behind the theft": the culprit named just before, too)
            start = max(0, trig.start - 30) if trig.trigger.voice == "target_left" else trig.start
            span = s[start : min(len(s), trig.end + 60)]
            if self.cues.cyber.search(span):
                return ["cyberattack_accusation"]
        if (
            trig.action == "expel_diplomats"
            and (_TROOPS.search(trig.text) or _TROOPS_AFTER.match(s, trig.end))
            and not self.cues.envoy.search(trig.text)
        ):
            return ["demand"]  # "ordered French troops to leave": a demand, not an expulsion of diplomats
        if trig.action == "demand":
            acc = _ACCOUNTABLE_FOR.search(s, trig.start, min(len(s), trig.end + 80))
            if acc and self.cues.cyber.search(s[acc.end() : acc.end() + 50]):
                return ["demand", "cyberattack_accusation"]
        return [trig.action]

    # -- roles ----------------------------------------------------------------------------

    def _roles(self, s: str, trig: TriggerMatch, mentions: list[Mention]) -> _Roles | None:
        voice = trig.trigger.voice
        noun = trig.text[:7].lower() in ("charge ", "charges")
        if noun and _DETERMINED.search(s, max(0, trig.start - 40), trig.start):
            # "denied the US charges that it supplied drones": a noun, the charge another act
            # is about, not an accusation this sentence reports.
            return None
        if voice == "passive" or (
            voice == "active"
            and not trig.trigger.name.startswith("adj(")  # "was deeply concerned by": who feels it
            and _holds(s, _AUX_WORDS, max(0, trig.start - 16), trig.start)
            and _AUX_BEFORE.search(s, max(0, trig.start - 16), trig.start)
            and _BY_AGENT_AFTER.match(s, trig.end)
        ):
            # "Ukraine was urged by Hungary to ...": an active trigger in the passive voice.
            return self._roles_passive(s, trig, mentions)
        if voice in ("content", "cyber", "target_left"):
            return self._roles_content(s, trig, mentions)
        if (
            trig.trigger.name == _RECOGNIZE_VERB
            and _holds(s, _AUX_WORDS, max(0, trig.start - 20), trig.start)
            and _AUX_BEFORE.search(s, max(0, trig.start - 20), trig.start)
        ):
            return None  # "Kosovo was formally recognised in 2008": a passive without its agent
        if trig.trigger.name == _REOPENING and (owner := self._mission_owner(s, trig, mentions)) is not None:
            # "presided over the reopening of Eritrea's embassy in Addis Ababa": Eritrea restores
            # ties with the host, whoever presides.
            hosts = [m for m in mentions if m.start > owner.end and m.prep == "in" and m.actor != owner.actor][:1]
            if hosts and clause_break(s, owner.end, hosts[0].start) < 0:
                return _Roles([owner], hosts, "owner", "host")
            other = self._story_party({owner.actor})
            return _Roles([owner], other, "owner", "story-party") if other else None
        if voice == "call_by":
            # "a call by Mexico and Uruguay for dialogue with Venezuela": actors inside the trigger.
            inside = [m for m in mentions if trig.start < m.start and m.end <= trig.end and m.kind != "envoy"]
            actors, how_actor = (self._expand_left(s, inside, len(inside) - 1), "by") if inside else ([], "")
        else:
            actors, how_actor = self._actor(s, trig, mentions)
        if not actors:
            return None
        if trig.trigger.name == _SUSPEND_MEMBER and any(a.actor_type != "igo" for a in actors):
            return None  # "Niger suspended French broadcasters": a state suspends no member
        if (
            len(actors) == 1
            and (actors[0].kind == "anaphor" or actors[0].bare)
            and "leave" not in trig.text  # ("gave him 48 hours to leave the Nigerien territory": its own)
            and self._object_is(s, trig, mentions, actors[0].actor)
        ):
            # "the ministry called in Myanmar's charge d'affaires" with Myanmar in focus: a state
            # does not summon or accuse itself, so "the ministry" is the story's other party's
            # (and so is "Prime Minister Andrus Ansip", named by title only, and his name after).
            other = self._story_party({actors[0].actor})
            if other:
                name = bare_official_name(actors[0].text) if actors[0].bare else None
                if name:
                    self.discourse.relearn(name, other[0].actor)
                actors, how_actor = other, "anaphor-other"
        actors = [*actors, *self._joiners(s, actors, mentions, trig), *self._companions(s, actors, mentions, trig)]
        actor_ids = {a.actor for a in actors}
        if trig.action in ("support", "condemn") and _ITS_ACT.match(s, trig.end):
            # "stand with Albania and support its decision to cut ties with Iran": its = Albania.
            targets, how_target = self._left_other(s, trig, mentions, actor_ids)
        elif trig.action in ("support", "condemn") and (
            act := _ACT_NOUN.match(s, trig.end)
            # "considers the withdrawal of ... an unjustified step": the object after the verb
            or (_ACT_NOUN.match(s, _word_end(s, trig.start)) if trig.trigger.name == _DESCRIBE_NEGATIVE else None)
        ):
            # The author of the act is the target ("the expulsion of Russian diplomats by
            # Czechia"), never the party it struck; without a named author, the author of such an
            # act coded earlier in the document ("condemned the expulsion of its staff"), else
            # no event.
            targets, how_target = self._act_author(s, act.end(), mentions, actor_ids), "act-author"
            if not targets and act.group("act").lower() in ("recall", "withdrawal"):
                # "the withdrawal of the ambassadors of EU member states", "the recall of Israel's
                # envoy": a state recalls its own envoys, so their state is the author.
                targets = self._envoys_owner(s, act.end(), mentions, actor_ids)
            if not targets:
                targets = self._act_party(actor_ids, act.group("act").lower(), strict=True)
        elif trig.action == "condemn" and (coup := _COUP_IN.match(s, trig.end)):
            # "condemned the coup in Niger": a junta is coded as the state it seized.
            targets = [m for m in mentions if m.start == coup.end() and m.actor_type == "state"][:1]
            # (an election, a crackdown or executions there: its government's)
            how_target = "coup" if contains_any(coup.group().lower(), _COUP_WORDS) else "held-in"
        else:
            targets, how_target = self._target(s, trig, mentions, actor_ids)
            if (
                targets
                and how_actor == "subject"
                and voice == "active"
                and _OBJECT_RELATIVE.search(s, max(0, actors[0].start - 8), actors[0].start)
                and _NO_OBJECT_AFTER.match(s, trig.end)
            ):
                # "the dam, which Sudan has broadly supported and which Egypt fears": the verb's
                # object is the noun before "which", not a state named after it.
                targets, how_target = [], ""
            if (
                targets
                and trig.trigger.mutual
                and len(actor_ids) == 2
                and not _PARTNER_GAP.search(s, trig.end, targets[0].start)
            ):
                # "El Salvador and Cuba restored relations on Monday, ... leaving the United
                # States as the only country ...": two states that restore or cut ties with no
                # partner introduced do it with each other (see ``mutual`` below).
                targets, how_target = [], ""
        if not targets and (last := self.last_act.get(trig.action)) is not None and last[0] == self.index:
            # "Germany expelled two Russian diplomats, and Poland and Czechia expelled four each":
            # the same act, told again in the same sentence with no object, aims where it did.
            targets, how_target = self._same_act_target(trig.action, actor_ids), "same-act"
        if trig.action == "summon_envoy" and len(targets) == 1 and targets[0].kind == "envoy":
            # "summoned the Swiss ambassador, who represents U.S. interests": the protest is
            # addressed to the state whose interests the envoy looks after.
            rep = _REPRESENTS_AFTER.match(s, targets[0].end)
            protected = [m for m in mentions if rep and m.start == rep.end() and m.actor_type == "state"]
            if protected and s.startswith(" interests", protected[0].end):
                targets, how_target = protected, "protected-state"
        both_ways = False
        if not targets and trig.trigger.mutual and (partner := self._agreed_with(s, trig, mentions, actor_ids)):
            # "Australia and New Zealand agreed with Fiji to restore relations": an agreement
            # between the actors and the partner, each way.
            targets, how_target, both_ways = partner, "agreed-with", True
        mutual = False
        # "accused each other", or "the two countries each expelled a diplomat" (no target: with
        # one, "each" distributes the act, as in "Germany and France each expelled four Russians").
        # Three or more states that act together with no target and no reciprocal word act
        # toward another state ("Hungary, Poland and Bulgaria all announced that they were
        # breaking off relations"): a break among them all is not news written that way.
        few = len(actor_ids) == 2
        reciprocal = _MUTUAL_WORDS.search(s[trig.start : trig.end + 30]) or (
            few and not targets and _EACH.search(s, max(0, trig.start - 30), trig.start)
        )
        if len(actor_ids) > 1 and (reciprocal or (few and not targets and trig.trigger.mutual)):
            mutual = True
        elif not targets and trig.trigger.left_target and not _WARNED_AGAINST_THING.match(s, trig.start):
            targets, how_target = self._left_other(s, trig, mentions, actor_ids)
        if not mutual and _OBJECT_PRONOUN.match(s[trig.end : trig.end + 6]):
            # "accusing it of supporting Congo": "it" is the last other state named before the
            # trigger (or the story's party), not a state named after the pronoun.
            pronoun, how = self._left_other(s, trig, mentions, actor_ids)
            if trig.action in ("condemn", "support") and _IT_OBJECT.match(s, trig.end):
                # "Russia shelled the grid, and Poland condemned it": what is judged is the act
                # of the clause before, so its author (that clause's subject), not its victim.
                pronoun, how = self._act_of_clause_before(s, trig, mentions, actor_ids), "clause-author"
            pair = self.discourse.pair
            them = s[trig.end : trig.end + 6].split()[0] == "them"
            if them and pair and not actor_ids.intersection(pair) and not pronoun:
                # "India and Pakistan exchanged fire ... China urged them to exercise restraint":
                # "them" are the two states last named as a pair.
                pronoun, how = [self._virtual(a, "pair") for a in pair], "pronoun-pair"
            if not pronoun:
                pronoun, how = self._story_party(actor_ids), "pronoun"
            if pronoun:
                targets, how_target = pronoun, how
        if not targets and not mutual and _PERSON_OBJECT.match(s, trig.end):
            # "declared U.S. Ambassador Philip Goldberg persona non grata, accusing him of
            # conspiring": "him" is the envoy or official of another state named just before.
            targets, how_target = self._official_before(trig, mentions, actor_ids), "official-pronoun"
        if not targets and not mutual and trig.trigger.story_target:
            # "denounced Washington's decision and said it would respond": the state just named.
            targets, how_target = self._left_other(s, trig, mentions, actor_ids)
            if not targets:
                # "Beijing recalled its ambassador in August after Lithuania approved ...": a
                # state named later in the sentence, as a subject, before the story's focus.
                later = [
                    m
                    for m in mentions
                    if trig.end <= m.start <= trig.end + _LATER_REACH
                    and m.actor_type == "state"
                    and m.actor not in actor_ids
                    and m.subject_like
                    # (the subject of a clause that gives the reason, not of one joined by "and")
                    and not _AND_CLAUSE_BEFORE.search(s, max(trig.end, m.start - 12), m.start)
                ]
                if later:
                    targets, how_target = later[:1], "later"
                elif same := self._same_act_target(
                    trig.action, actor_ids, _RECALL_WAVE_REACH if trig.action == "recall_ambassador" else 2
                ):
                    # "Argentina recalled its ambassador from Asuncion. Brasilia called its
                    # ambassador home the following day": the same act, aimed where the last one was.
                    targets, how_target = same, "same-act"
                else:
                    targets, how_target = self._story_party(actor_ids), "story-party"
        if not targets and not mutual and trig.action in _BREAKS:
            # "... broke off relations with Israel. Bulgaria and Poland announced that they were
            # severing relations": a wave of breaks with no partner named aims where the last did.
            targets, how_target = self._same_act_target(trig.action, actor_ids), "same-act"
        if not targets and not mutual and trig.action in _ENVOY_ACTIONS and _BARE_ENVOY.match(s, trig.end):
            # "Dhaka summoned the high commissioner to protest": an envoy with no state named
            # is the envoy of the story's other party.
            targets, how_target = self._story_party(actor_ids), "envoy-party"
        if (not targets or how_target == "left") and not mutual and trig.action in ("condemn", "support"):
            author = _relative_act_author(s, actors[0], mentions, self.triggers)
            if author is not None and author.actor not in actor_ids:
                targets, how_target = [author], "main-clause"
        if not targets and not mutual and trig.action in ("condemn", "support") and (told := self._this_act(s, trig)):
            targets, how_target = self._act_party(actor_ids, told), "other-party"
        if not targets and not mutual and _judges_claim(trig):
            # "Peskov called that claim 'absolutely irresponsible'": a denial (see _actions), so
            # aimed at those who made the claim.
            targets, how_target = self._accusers(actor_ids)
        if trig.action == "deny" and trig.trigger.voice != "content":
            after = s[trig.end : trig.end + 60]
            gerund = _GERUND_AFTER.match(after)  # "denied supplying drones to Russia"
            head = _OBJECT_BEFORE_SUBJECT.search(s, max(0, actors[0].start - 60), actors[0].start) if actors else None
            # "..., a charge Pyongyang flatly rejected": the charge denied stands before its subject.
            charge_before = head is not None and self.cues.accusation_nouns.search(head.group(1)) is not None
            if not (
                self.cues.accusation_nouns.search(after)
                or _DENY_OBJECT.match(after)
                or gerund
                or charge_before
                or _BARE_CLAUSE.match(after)
            ):
                return None
            if head and _BARE_END.match(after) and not self.cues.accusation_nouns.search(head.group(1)):
                return None  # "an 1899 award that Venezuela rejects": what is rejected is no charge
            if _CONTENT_CLAUSE.match(after) or gerund:
                # "denied reports that it had recalled its ambassador from Mogadishu", "denied
                # supplying drones to Russia": the states inside what is denied are not its
                # authors; one said to allege it is ("..., as Kinshasa alleges").
                targets = [m for m in mentions if m.start > trig.end and _ALLEGES_AFTER.match(s, m.end)][:1]
                how_target = "alleger"
            if not targets:
                targets, how_target = self._accusers(actor_ids)
            if not targets and self.cues.accusation_nouns.search(after):
                targets, how_target = self._story_party(actor_ids), "other-party"
        if (
            not targets
            and not mutual
            and trig.action == "condemn"
            and (
                (harm := _HARM_OBJECT.match(s, trig.end))
                # "called the execution un-Islamic": the harm is the evaluated object
                or (
                    trig.trigger.name == _DESCRIBE_NEGATIVE
                    and (harm := _HARM_OBJECT.match(s, _word_end(s, trig.start)))
                )
            )
        ):
            # "Pakistan struck targets inside Iran. Tehran condemned the attack.": the harm the
            # text just reported was done by the state that did it, the previous subject.
            targets, how_target = self._harm_author(harm.group("harm").lower(), actor_ids), "harm-author"
        if not targets and not mutual:
            return None
        return _Roles(actors, targets, how_actor, how_target, mutual, both_ways)

    def _harm_author(self, harm: str, actor_ids: set[str]) -> list[Mention]:
        """The state that one of the two sentences before reports doing the harm: the state
        named last before the word that reports it ("Israeli jets struck a convoy near
        Damascus", "Pakistan carried out strikes in Iran"), else the state in focus."""
        noun = harm.removesuffix("s")
        stems = _HARM_STEMS.get(noun, (noun,))
        reported = False
        # A coup is told once, as the story's news, and the reactions follow paragraphs later.
        reach = _COUP_SENTENCES if noun in _COUP_NOUNS else 2
        for j in range(self.index - 1, max(-1, self.index - 1 - reach), -1):
            low = self.texts[j].lower()
            places = sorted(m.start() for stem in stems for m in re.finditer(re.escape(stem), low))
            # The act as told ("jets struck", "carried out strikes"), not one referred back to
            # ("blamed the attack on ...", "such attacks"), whose subject is someone else.
            at = next((i for i in places if not _DETERMINER_BEFORE.search(low, max(0, i - 28), i)), -1)
            if at < 0:
                continue
            reported = True
            # (no preposition before it: "in Iran", "near Damascus" name where, not who)
            # (an armed group too: "Islamic State militants beheaded 21 Egyptians ... condemned the killings")
            named = [
                m
                for m in self.mentions_of[j]
                if m.end <= at and m.actor_type in ("state", "armed_group") and m.prep in (None, "object")
            ]
            if noun in _COUP_NOUNS:
                # "Soldiers seized power in Guinea", "ousted the president of Mali": a junta is
                # coded as the state it seized (whoever the sentence's subject: "The AU suspended
                # Gabon after officers seized power in Libreville").
                seized = [
                    m
                    for m in self.mentions_of[j]
                    if at < m.start <= at + _COUP_PLACE_REACH
                    and m.actor_type == "state"
                    and (m.prep in ("in", "of") or m.kind == "official")
                ]
                named = seized[:1] or named
            if named:
                author = named[-1]
                if author.actor in actor_ids or author.actor in self.discourse.types:
                    return []
                return [self._virtual(author.actor, "harm")]
        if not reported and noun in _ATTACK_NOUNS:
            # "Australia, Canada and Estonia have also condemned the attacks": attacks told some
            # sentences before were the ones the text has accused a state of (the last one).
            for j, _accuser, accused in reversed(self.accusations):
                if self.index - j > _ACCUSED_SENTENCES:
                    break
                if accused not in actor_ids and accused not in self.discourse.types:
                    return [self._virtual(accused, "accused")]
        focus = self.discourse.focus
        if not reported or focus is None or focus in actor_ids or focus in self.gaz.igo_codes:
            return []
        return [] if focus in self.discourse.types else [self._virtual(focus, "focus")]

    def _actor(self, s: str, trig: TriggerMatch, mentions: list[Mention]) -> tuple[list[Mention], str]:
        left = [m for m in mentions if m.end <= trig.start]
        voice = trig.trigger.voice
        if voice == "noun" and not _OWNED_BEFORE.search(s, max(0, trig.start - 30), trig.start):
            # "the expulsion of 23 Russian diplomats by Britain": the agent of a nominal act is
            # named after it, whoever the clause's subject is (not after "its support for the
            # decision by Riyadh", whose author is the possessor).
            agents = self._act_author(s, trig.end, mentions, set())
            if agents:
                return agents, "by"
            if self._evaluated(s, trig):
                return [], ""  # "Germany welcomed the expulsion of ...": Germany expelled no one
            if _UNDONE_BEFORE.search(s, max(0, trig.start - 70), trig.start):
                return [], ""  # "lifted/blocked/delayed the sanctions": the act undone or stopped
        if (
            voice == "active"
            and _holds(s, _WHO_WORDS, max(0, trig.start - 40), trig.start)
            and (who := _WHO_BEFORE.search(s, max(0, trig.start - 40), trig.start))
            and not any(m.prep != "of" and _ANTECEDENT_GAP.fullmatch(s, m.end, who.start()) for m in left)
        ):
            # "extremists who threaten India", "the National Council of Resistance of Iran, which
            # calls for": the relative clause's subject is the noun before "who" or "which";
            # unless that noun is a state's (not a name inside it), the act is not a state's.
            return [], ""
        if voice == "active" and _AND_VERB.search(s, max(0, trig.start - 16), trig.start):
            # "X demanded that Y take measures, and warned that ...": a verb joined by "and"
            # shares the sentence's first subject, not one inside the clause between.
            first = next((i for i, m in enumerate(left) if m.subject_like and m.kind != "envoy"), None)
            if first is not None and _THAT_CLAUSE.search(s, left[first].end, trig.start):
                return self._main_subject(s, left, first), "main-subject"
        if (
            voice == "active"
            and s[max(0, trig.start - 3) : trig.start].rstrip().endswith(",")
            and _HEADLINE_VERB.match(trig.text)
            and not s.rstrip().endswith((".", '"', "”"))
        ):
            # "Iran calls U.S. plot charges a fabrication, summons Swiss envoy": in a headline, a
            # verb right after a comma shares the headline's first subject.
            subjects = [i for i, m in enumerate(left) if m.subject_like and m.kind != "envoy"]
            if subjects and subjects[0] == 0 and left[subjects[-1]].actor != left[0].actor:
                return self._main_subject(s, left, 0), "main-subject"
        gesture = (
            voice == "noun"
            and trig.action == "support"
            and _GESTURE_BEFORE.search(s, max(0, trig.start - 50), trig.start)
        )
        if (_PARTICIPLE.search(s, max(0, trig.start - 4), trig.start) and _ING.match(trig.text)) or gesture:
            # ", accusing it of ...": the participle's subject is the main clause's subject. After
            # a quotation ("“...,” the president said, accusing ..."), that is who said it, not a
            # subject inside the quotation.
            quoted = _quotation_end(s, trig.start)
            for i, m in enumerate(left):
                if m.start >= quoted and m.subject_like and m.kind != "envoy":
                    return self._main_subject(s, left, i), "main-subject"
            if quoted:
                voice_of = self.speaker or self.line_speaker
                return ([self._virtual(voice_of, "pronoun")], "speaker") if voice_of else ([], "")
        if voice == "active" and left and left[-1].is_demonym and not s[left[-1].end : trig.start].strip():
            return [], ""  # "to comply with American demands": a noun whose author is the demonym
        for i in range(len(left) - 1, -1, -1):
            m = left[i]
            gap = s[m.end : trig.start]
            if _RELATIVE.match(gap) and (
                m.prep != "of"  # "the Council of Iran, which": not Iran
                or _HEADS_OF.search(s, max(0, m.start - 90), m.start)  # "the presidents of X and Y, who"
            ):
                return self._expand_left(s, left, i), "relative"
            if (
                m.prep in ("of", "by")
                and _OF_POSSESSOR.search(s, max(0, m.start - 40), m.start)
                and (_TO_GAP.match(gap) or voice == "noun")
            ):
                return self._expand_left(s, left, i), "possessor"  # "the decision of the Algerian authorities to"
            if m.possessive and (
                voice == "noun" or _POSSESSOR_GAP.match(gap) or _S_GAP.fullmatch(gap) or _BODY_GAP.fullmatch(gap)
            ):
                return self._expand_left(s, left, i), "possessor"
            if voice == "noun" and len(gap.strip()) == 0 and m.kind in ("name", "variant", "demonym", "official"):
                if m.anti:
                    continue  # "anti-Iranian sanctions": aimed at Iran, by whoever adopts them
                return [m], "modifier"
            if (
                m.prep == "of"
                and (_VERB_GAP.fullmatch(gap) or _STATEMENT_GAP.fullmatch(gap) or _RELATIVE_GAP.fullmatch(gap))
                and _HEADS_OF.search(s, max(0, m.start - 90), m.start)
            ):
                # "The foreign ministers of France and Germany condemned ...": the states whose
                # leaders act.
                return self._expand_left(s, left, i), "heads-of"
            if m.prep == "including" and _CLOSING_COMMA.fullmatch(gap):
                # "Several countries, including Germany and France, condemned ...": the states
                # named in the parenthesis are the subject's members that the text names.
                return self._expand_left(s, left, i), "subject"
            if m.subject_like and (m.kind != "envoy" or self._envoy_speaks(s, m, trig)):
                if _ally_after(s, m.end):
                    continue
                own = _OWN_PERSON_PRONOUN.search(s, m.end, trig.start) if "he " in s else None
                if own is not None:
                    # "Safadi said the envoys would return only when Israel stopped its war, and
                    # he called on Israel to ...": "he" is the person the sentence opened with.
                    named = self.discourse.people
                    people = [
                        x
                        for x in left
                        if x.end <= own.start()
                        and x.subject_like
                        and (x.kind == "person" or (x.kind == "official" and x.text.split()[-1] in named))
                    ]
                    # (with no person named before it, whom "he" means is left to the rules below)
                    if people:
                        return [people[0]], "pronoun"
                if _WE_CLAUSE.search(s, max(m.end, trig.start - 40), trig.start):
                    break  # "The Philippine side ignored the facts, and we oppose ...": "we" acts
                if m.kind == "pair" and _in_relative_clause(s, m.start, trig.start):
                    continue  # "Brazil, which borders both countries, urged ...": the clause's object
                if _THAT_AFTER.match(s, m.end) and _TOLD_BEFORE.search(s, max(0, m.start - 20), m.start):
                    continue  # "informed the Vatican that it was suspending": the addressee
                if self._object_of_trigger(s, m):
                    continue  # "Beijing opposed the US sanctions and would take countermeasures"
                if _OTHERS_CLAUSE.search(s, m.end, trig.start):
                    break  # "..., and diplomats in Amman expect Mauritania to ...": their own subject
                if _CONTRAST.search(s, m.end, trig.start) and not (
                    voice == "active" and _AND_VERB.search(s, max(0, trig.start - 16), trig.start)
                ):
                    # "Iran has not reacted, but experts believe ...": another clause's subject
                    # (not "welcomed the deal but called on ...": a verb with no subject of its own)
                    break
                if gap.rstrip().endswith(",") and _IN_RELATIVE.search(s, max(0, m.start - 80), m.start):
                    continue  # "The presidents of X and Y, whose countries chair the Minsk Group, called"
                seat = left[i + 1] if m.kind == "anaphor" and i + 1 < len(left) else None
                if seat is not None and seat.prep == "in" and _IN_GAP.fullmatch(s, m.end, seat.start):
                    return [seat], "subject"  # "the ministry in Ankara": the state whose seat is named
                return self._expand_left(s, left, i), "subject"
        # Reported speech: "..., the ministry said" / "said the Saudi foreign ministry".
        speaker = self._speaker_after(s, trig, mentions)
        if speaker is not None:
            return [speaker], "speaker"
        if left and left[0].prep == "in" and _SCENE.match(s, 0, left[0].start):
            # "In Tehran, foreign ministry spokesman Ansari accused ...": the officials of the
            # place the sentence opens with.
            # (Not a place that hosts more than its state: "In Brussels, ministers ...".)
            entry = self.gaz.lookup(left[0].text)
            if (
                entry is not None
                # (a place name several states have, "St. George's", once a sentence before
                # named its state)
                and (
                    not entry.ambiguous
                    or any(
                        m.actor == entry.actor and m.kind in ("name", "demonym")
                        for told in self.mentions_of[:-1]
                        for m in told
                    )
                )
                and _SCENE_OFFICIAL.match(s, left[0].end, trig.start)
                and not any(x.subject_like for x in left[1:])
            ):
                return [left[0]], "scene"
        window = self._window(s, trig.start, 40)
        if self.last_official and self.index - self.last_official[0] <= 1 and _HE_SUBJECT.search(window):
            # "Maduro spoke on state television. He accused the United States of ...": the
            # official named as a subject in this sentence or the one before.
            return [self._virtual(self.last_official[1], "pronoun")], "pronoun"
        pronoun = _PRONOUN_SUBJECT.search(window)
        if (
            pronoun
            and self.igo_subject is not None
            and self.igo_subject[0] == self.index - 1
            and _IT_OPENS.match(s)
            and not left
        ):
            # "The Arab League voted to suspend Syria. It also urged ...": the organisation the
            # sentence before opened with (the story's focus is a state's).
            return [self._virtual(self.igo_subject[1], "pronoun")], "pronoun"
        if pronoun and _SUBORDINATE_PRONOUN.search(s, max(0, trig.start - 50), trig.start):
            # "sanctions imposed by the Security Council in 2009, when it accused Eritrea": the
            # pronoun of a clause hung on a passive stands for its agent, named in the sentence.
            agents = [m for m in left if m.prep == "by" and m.actor_type in ("state", "igo")]
            if agents:
                return [agents[-1]], "agent-pronoun"
        if pronoun or _QUOTE_OPEN.match(s):
            focus = self.speaker if self.speaker is not None else self.discourse.focus
            if (
                pronoun
                and pronoun.group(0)[:2].lower() == "we"
                and self.speaker is None
                and (voice_of := self.line_speaker or self.issuer)
            ):
                # "Lin Jian: ... We urge the Philippines to ...": "we" is the labelled speaker's
                # state; in a ministry's own statement, the ministry's.
                return [self._virtual(voice_of, "pronoun")], "pronoun"
            # "They sided with Iraq in the war against Iran": a party the verb's clause names is
            # not what its pronoun subject stands for (unless it is the speaker); a place may be
            # ("It accused Tehran of spreading Shiism in Morocco"), and so may a state a later
            # clause names ("It accused Washington of ..., and said ... over Havana").
            if focus and (self.speaker is not None or focus not in self._verb_argument(s, trig, mentions)):
                return [self._virtual(focus, "pronoun")], "pronoun"
        if self.last_official and self.index - self.last_official[0] <= 1 and _HE_SAID.match(s, 0, trig.start):
            # "He said the steps would reduce relations ...": the official just named says it.
            return [self._virtual(self.last_official[1], "speaker")], "speaker"
        if voice == "active" and _AND_VERB.search(s, max(0, trig.start - 16), trig.start):
            # "she accused Pretoria of harbouring dissidents, and dismissed suggestions ...": a
            # verb joined by "and" with no subject of its own shares the act before it.
            before = [t for t in self.triggers if t.end <= trig.start and id(t) in self._actors_of]
            if before:
                return self._actors_of[id(before[-1])], "coordinated"
            shared = self._conjunct_pronoun(s, trig, mentions, left)
            if shared:
                return shared, "pronoun"
        return [], ""

    def _conjunct_pronoun(
        self, s: str, trig: TriggerMatch, mentions: list[Mention], left: list[Mention]
    ) -> list[Mention]:
        """The pronoun subject of the verb an "and" joins the trigger to, however long that verb's
        phrase ("On Saturday he cut short his stay in Singapore and accused Chile of ..."):
        "he"/"she" is the official just named, "it"/"they" the state the story is about."""
        start = max(0, trig.start - 160)
        window = s[start : trig.start]
        cut = max(window.rfind(";"), window.rfind(":"), window.rfind("“"), window.rfind("”"), window.rfind('"'))
        pronouns = list(_CONJUNCT_PRONOUN.finditer(window, cut + 1))
        found = pronouns[-1] if pronouns else None
        if found is None or any(m.subject_like and m.start >= start + found.end() for m in left):
            return []
        if found.group(1).lower() in ("he", "she"):
            if self.last_official and self.index - self.last_official[0] <= 1:
                return [self._virtual(self.last_official[1], "pronoun")]
            return []
        focus = self.speaker if self.speaker is not None else self.discourse.focus
        if focus and focus not in self._verb_argument(s, trig, mentions):
            return [self._virtual(focus, "pronoun")]
        return []

    @staticmethod
    def _agreed_with(s: str, trig: TriggerMatch, mentions: list[Mention], actor_ids: set[str]) -> list[Mention]:
        """The partner of an agreement the actors reached just before a mutual act ("agreed with
        Fiji on Monday to restore relations", "signed a communique with Liberia establishing")."""
        for m in reversed(mentions):
            if m.end > trig.start:
                continue
            if m.prep != "with" or m.actor in actor_ids or m.actor_type != "state":
                return []
            agreed = _AGREED_BEFORE.search(s, max(0, m.start - 45), m.start)
            if agreed is None or not _AGREEMENT_GAP.fullmatch(s, m.end, trig.start):
                return []
            return [m]
        return []

    @staticmethod
    def _object_is(s: str, trig: TriggerMatch, mentions: list[Mention], actor: str) -> bool:
        """Whether the first party named right after the trigger, in its clause, is ``actor``."""
        for m in mentions:
            if m.start < trig.end or m.kind in ("anaphor", "pair", "ally") or m.actor_type not in ("state", "igo"):
                continue  # ("its northern neighbour": the coder finds whom it means)
            return m.actor == actor and _DIRECT_OBJECT_GAP.fullmatch(s, trig.end, m.start) is not None
        return False

    @staticmethod
    def _verb_argument(s: str, trig: TriggerMatch, mentions: list[Mention]) -> set[str]:
        """The parties the trigger's own clause names after it ("They sided with Iraq during
        the war against Iran": Iraq and Iran), short of a clause break, places, possessors
        ("the security of Chad") and what a nested clause names: a content clause ("rejected
        the charge that Haiti had ..."), an infinitive ("called on Qatar to stop actions
        that threaten Chad") or a gerund ("accused Berlin of using ... to smear China")."""
        found: set[str] = set()
        for m in mentions:
            if m.start < trig.end or m.prep in _PLACE_PREPOSITIONS or m.prep == "of":
                continue
            if clause_break(s, trig.end, m.start) >= 0 or _NESTED_CLAUSE.search(s, trig.end, m.start):
                break
            found.add(m.actor)
        return found

    def _act_of_clause_before(
        self, s: str, trig: TriggerMatch, mentions: list[Mention], actor_ids: set[str]
    ) -> list[Mention]:
        """The first subject of the clauses before the trigger in the same sentence, whose act an "it"
        after "condemned" or "welcomed" stands for; none when that clause is itself a
        statement ("Indonesia voiced concern over the takeover, and Australia condemned it":
        "it" is the takeover, not Indonesia's concern)."""
        for m in mentions:
            if m.end > trig.start:
                break
            if m.actor in actor_ids or not m.subject_like or m.actor_type not in ("state", "igo"):
                continue
            if any(t.action in _STATEMENTS and m.end <= t.start and t.end <= trig.start for t in self.triggers):
                return []
            return [m]
        return []

    def _this_act(self, s: str, trig: TriggerMatch) -> str | None:
        """The act noun when the evaluation's object is "the decision", "this move", "the
        expulsions" (no author named): right after the trigger, or after its verb when the
        trigger runs on to the evaluation ("called the decision another hostile step")."""
        m = _THIS_ACT.match(s[trig.end : trig.end + 60])
        if m is None and (pair := _FEELING_PAIR.match(s, trig.end)):
            # 'expressed "regret and surprise" at the decision': a feeling named with another
            m = _THIS_ACT.match(s[pair.end() : pair.end() + 60])
        verb_end = trig.text.find(" ")
        if m is None and verb_end > 0:
            m = _THIS_ACT.match(s[trig.start + verb_end : trig.start + verb_end + 60])
        return m.group("act").lower() if m else None

    def _envoy_speaks(self, s: str, m: Mention, trig: TriggerMatch) -> bool:
        """An envoy makes a statement for its state when it is that statement's subject, not
        the object of another act in between ("the ambassador was summoned to the ministry,
        which expressed a strong protest") or just before ("summoned Ambassador Villa and
        handed him a memorandum, in which it demanded ...")."""
        return trig.action in _STATEMENTS and not any(
            t is not trig
            and (
                (m.end <= t.start and t.end <= trig.start)
                or (t.end <= m.start <= t.end + 40 and clause_break(s, t.end, m.start) < 0)
            )
            for t in self.triggers
        )

    def _same_act_target(self, action: str, actor_ids: set[str], reach: int = 2) -> list[Mention]:
        """The target of the same act done by another party in the last ``reach`` sentences."""
        last = self.last_act.get(action)
        if last is None or self.index - last[0] > reach or last[1] in actor_ids or last[2] in actor_ids:
            return []
        return [self._virtual(last[2], "other")]

    def _story_party(self, actor_ids: set[str]) -> list[Mention]:
        """The state an unnamed "it" or "the decision" points to: the state in focus (the
        story's acting party), or the other party when the focus is the one acting now."""
        for other in (self.discourse.focus, self.discourse.focus_other):
            if other and other not in actor_ids:
                return [self._virtual(other, "other")]
        return []

    def _act_party(self, actor_ids: set[str], noun: str, strict: bool = False) -> list[Mention]:
        """The state behind "the decision", "the expulsions": the author of the last act of that
        kind coded in the document (any diplomatic act for "the decision"), else (unless
        ``strict``) the story's party."""
        if noun.startswith(("resolution", "vote")):
            return self._resolution_author(actor_ids)
        actions = _ACT_OF_NOUN.get(noun[:8], _DIPLOMATIC_ACTS)
        acts = [e for e in reversed(self.events) if e.action in actions and e.actor not in actor_ids]
        if not acts:
            return [] if strict else self._story_party(actor_ids)
        # The last such act, by one of the story's parties if they did one; "The EU and the US
        # imposed sanctions ... Russia criticised the measures": every author of it.
        parties = {self.discourse.focus, self.discourse.focus_other}
        act = next((e for e in acts if e.actor in parties), acts[0])
        authors = dict.fromkeys(e.actor for e in acts if e.sentence_start == act.sentence_start)
        return [self._virtual(a, "other") for a in authors]

    def _resolution_author(self, actor_ids: set[str]) -> list[Mention]:
        """The body behind "the resolution", "the vote": the organisation last named in this
        sentence or the seven before ("The Security Council adopted ... Israel rejected the
        resolution"); none if the text names none."""
        for j in range(self.index, max(-1, self.index - 8), -1):
            for m in reversed(self.mentions_of[j]):
                if m.actor_type == "igo" and m.actor not in actor_ids:
                    return [self._virtual(m.actor, "resolution")]
        return []

    def _object_of_trigger(self, s: str, m: Mention) -> bool:
        """Whether ``m`` stands right after another act's verb: its object, not a subject."""
        return any(
            t.trigger.voice == "active" and t.end <= m.start and _OBJECT_GAP.fullmatch(s, t.end, m.start)
            for t in self.triggers
        )

    def _evaluated(self, s: str, trig: TriggerMatch) -> bool:
        """Whether a nominal act is the object of a support, condemnation, denial or demand."""
        for t in self.triggers:
            if t.end <= trig.start and t.action in _EVALUATIONS and _DET_ONLY.fullmatch(s, t.end, trig.start):
                return True
        return False

    def _act_author(self, s: str, start: int, mentions: list[Mention], actor_ids: set[str]) -> list[Mention]:
        """The states named with "by" after a nominal act that begins at ``start``."""
        for k, m in enumerate(mentions):
            if m.start < start or m.start - start > 80:
                continue
            if m.prep != "by" or clause_break(s, start, m.start) >= 0:
                continue
            part = _PARTICIPLE_BY.search(s, max(start, m.start - 40), m.start)
            if part and s[start : part.start()].strip() and not _AUXILIARY.search(s, start, part.start()):
                continue  # "support for the measures taken by Kuwait": the agent of the measures
            group = _listed_after(s, mentions, k)  # "by Britain and France"
            return [g for g in self._members(group) if g.actor not in actor_ids]
        return []

    def _envoys_owner(self, s: str, start: int, mentions: list[Mention], actor_ids: set[str]) -> list[Mention]:
        """The state whose envoys a nominal act that begins at ``start`` names: an envoy mention
        ("of Israel's envoy", "of the British ambassador", widened by the actor module) or the
        states after "ambassadors of" ("of the ambassadors of France and Italy")."""
        for k, m in enumerate(mentions):
            if m.start < start or m.start - start > 80 or m.actor in actor_ids:
                continue
            if m.kind == "envoy" or (m.prep == "of" and _ENVOYS_OF.search(s, max(start, m.start - 60), m.start)):
                return [g for g in self._members(_listed_after(s, mentions, k)) if g.actor not in actor_ids]
            break  # (the first state named is the one the envoys belong to, or none is)
        return []

    def _joiners(self, s: str, actors: list[Mention], mentions: list[Mention], trig: TriggerMatch) -> list[Mention]:
        """ "We join in Rama's call for ...", "Australia joined the US in backing ...": the state
        joining the act makes it too. "followed" joins only an act named right after "in"
        ("Switzerland followed the EU in sanctioning ..."), not one that came after it."""
        first = actors[0]
        join = (
            _JOIN_BEFORE.search(s, max(0, first.start - 40), first.start)
            if first.start < first.end and _holds(s, _JOIN_WORDS, max(0, first.start - 40), first.start)
            else None
        )
        if join is None:
            return []
        if join.group("follow") and not _IN_GAP.fullmatch(s, actors[-1].end, trig.start):
            return []
        ids = {a.actor for a in actors}
        left = [m for m in mentions if m.end <= join.start()]
        for i in range(len(left) - 1, -1, -1):
            m = left[i]
            if m.subject_like and m.kind != "envoy" and m.actor not in ids:
                # "The UAE and Bahrain followed Saudi Arabia in ...": every state of the list.
                return [j for j in self._expand_left(s, left, i) if j.actor not in ids]
        if _PRONOUN_SUBJECT.search(s[: join.start()]):
            focus = self.speaker if self.speaker else self.discourse.focus
            if focus and focus not in ids:
                return [self._virtual(focus, "pronoun")]
        return []

    def _companions(self, s: str, actors: list[Mention], mentions: list[Mention], trig: TriggerMatch) -> list[Mention]:
        """ "Saudi Arabia, along with the UAE and Bahrain, cut ties": the states the subject
        acts together with (between the subject and the verb)."""
        last = actors[-1]
        if not last.end or last.end >= trig.start or not _ALONG_WITH_WORDS.search(s, last.end, trig.start):
            return []
        between = [m for m in mentions if last.end <= m.start and m.end <= trig.start]
        if not between or not _ALONG_WITH.fullmatch(s, last.end, between[0].start):
            return []
        ids = {a.actor for a in actors}
        group = _listed_after(s, between, 0)
        if not _CLOSING_COMMA.fullmatch(s, group[-1].end, trig.start):
            return []
        return [m for m in self._members(group) if m.actor not in ids and m.actor_type == last.actor_type]

    def _speaker_after(self, s: str, trig: TriggerMatch, mentions: list[Mention]) -> Mention | None:
        verbs = self.cues.speech_verbs
        for m in mentions:
            if m.start < trig.end or m.kind in ("envoy", "pair"):
                continue
            if m.prep is not None:
                if m.prep == "of" and s[m.end : m.end + 1] == " " and verbs.match(s, m.end + 1):
                    return m  # "..., the National Defence Commission of the DPRK said"
                continue
            after = s[m.end : m.end + 50]
            v = verbs.search(after)
            if (
                v
                and not any(o.start > m.end and o.start < m.end + v.start() for o in mentions)
                # "condemned the Hungarian decision as a mistake and said ...": the verb is
                # joined to the trigger's, whose subject says it
                and not after[: v.start()].rstrip().endswith((" and", ",and"))
            ):
                return m
            if m.possessive:
                continue  # "... and said Dakar's decision was hasty": what was said, not who said it
            before = s[max(trig.end, m.start - 50) : m.start]
            if _SAID_BEFORE.search(before) and not any(o.start >= trig.end and o.end <= m.start for o in mentions):
                return m
        return None

    def _says(self, s: str) -> bool:
        """Whether the sentence holds a verb of saying (``Cues.speech_verbs``), searched for
        only where one of the verbs' words stands."""
        return search_at_prefixes(self.cues.speech_verbs, _speech_verbs_at(), s, folded(s)) is not None

    def _virtual(self, actor: str, kind: str) -> Mention:
        if actor in self.gaz.igo_codes:
            actor_type = "igo"
        else:
            actor_type = self.discourse.types.get(actor) or self.gaz.group_types.get(actor, "state")
        return Mention(0, 0, self._name(actor), actor, actor_type, kind)

    def _name(self, actor: str) -> str:
        return self.discourse.names.get(actor) or self.gaz.name(actor)

    def _main_subject(self, s: str, left: list[Mention], i: int) -> list[Mention]:
        """The subject ``left[i]`` opens, with the rest of its list ("Saudi Arabia, the UAE and
        Bahrain recalled ..., accusing ..."): the acting states of a participle or joined verb."""
        r = list_run_end(s, left, i)
        group = self._expand_left(s, left, r) if r > i else []
        return group if any(m is left[i] for m in group) else self._expand_left(s, left, i)

    def _expand_left(self, s: str, left: list[Mention], i: int) -> list[Mention]:
        group = [left[i]]
        seen_and = False
        j = i
        while j > 0 and left[j].kind != "anaphor":
            prev = left[j - 1]
            gap = s[prev.end : left[j].start]
            if not _LIST_GAP.match(gap) or prev.is_demonym or prev.kind == "anaphor":
                break
            if prev.prep not in (None, "of", "by", "including") and "," in gap:
                if left[j].prep is None:
                    break  # "recalling his ambassador from Damascus, and Kuwait and Bahrain recalled": an object
                if preposition_before(s, prev.start) is not None:
                    # "Following talks with China, Iran and Saudi Arabia agreed": the comma closes
                    # the phrase of the state right after the preposition.
                    break
            is_and = bool(_AND.search(gap))
            if not is_and and not seen_and:
                break  # "According to X, Y did": a bare comma is a list only before a final "and"
            seen_and = seen_and or is_and
            group.insert(0, prev)
            j -= 1
        return self._members(group)

    def _members(self, group: list[Mention]) -> list[Mention]:
        out: list[Mention] = []
        for m in group:
            if m.kind == "pair" and m.members:
                out.extend(self._virtual(a, "pair") for a in m.members)
            else:
                out.append(m)
        return out

    def _target(
        self, s: str, trig: TriggerMatch, mentions: list[Mention], actor_ids: set[str]
    ) -> tuple[list[Mention], str]:
        limit = min(len(s), trig.end + 140)
        brk = clause_break(s, trig.end, limit)
        if brk >= 0:
            limit = brk
        cands = [m for m in mentions if trig.start <= m.start < limit]
        anti = [m for m in mentions if m.anti and m.end <= trig.start and trig.start - m.end < 3]
        if anti and anti[-1].actor not in actor_ids:
            return [anti[-1]], "anti"
        skip_from = trig.action in ("recognize", "support")  # "supported refugees from Sudan": no target
        for k, m in enumerate(cands):
            if trig.action in _ENVOY_ACTIONS and _RELATIVE_WORD.search(s, trig.end, m.start):
                break  # "summoned the ambassadors of ten countries that voted for a UN resolution"
            if (
                m.subject_like
                and _NEW_CLAUSE_BEFORE.search(s, max(trig.end, m.start - 16), m.start)
                and CLAUSE_VERB_AFTER.match(s, m.end)
            ):
                break  # "concern over the takeover, and Australia condemned it": the next clause's subject
            if m.subject_like and self._subject_of_next_act(s, trig, cands, k):
                break  # "Djibouti lowered its representation and the Comoros cut ties": the next act's subject
            if trig.action == "support" and _TOPIC_AFTER.match(s, m.end):
                continue  # "support on the Taiwan question": a topic, not a party
            if trig.action == "condemn" and _VICTIM_BEFORE.search(s, max(trig.end, m.start - 30), m.start):
                continue  # "condemned the attack on the Saudi embassy": the victim, not the attacker
            if m.kind == "ally":
                # "The EU expressed solidarity with Lithuania, and Washington stands with our NATO
                # ally": the ally is the other state just named, before the story's focus.
                named, _ = self._left_other(s, trig, [x for x in mentions if x.kind != "ally"], actor_ids)
                if named and named[0].actor_type == "state" and named[0].prep not in _PLACE_PREPOSITIONS:
                    m = named[0]  # (not a place: "a spokesman in Brussels said ... its member")
            if m.kind == "ally" and m.actor in actor_ids:
                # "the US came to the defence of its ally": the ally is the other party.
                other = self.discourse.focus_other
                if not other or other in actor_ids:
                    continue
                m = self._virtual(other, "ally")
            if (
                m.kind == "anaphor"
                and m.actor in actor_ids
                and m.prep is None
                and not m.possessive
                and m.text[:4].lower() == "the "
                and m.text.split()[-1].lower() in _STATE_NOUNS
            ):
                # "Bahrain cut ties with Doha, accusing the emirate of ...": an act's object is
                # not its actor; the description names the other state just named, or the
                # story's other party.
                party, _ = self._left_other(s, trig, mentions, actor_ids)
                party = party or self._story_party(actor_ids)
                if not party:
                    continue
                m = party[0]
            if m.kind == "pair" and set(m.members) & actor_ids:
                # "suspended visits between the two neighbours": the pair's other member.
                others = [a for a in m.members if a not in actor_ids]
                if len(others) == 1 and m.prep in ("between", "-"):
                    # (or "suspended the China-U.S. working group": a compound of the two)
                    return [self._virtual(others[0], "pair")], "pair-other"
                continue
            if m.kind == "pair" and m.prep == "-":
                continue  # "condemned the Iran-Iraq war": a pair the actor is no member of
            if m.actor in actor_ids:
                continue
            if skip_from and m.prep == "from":
                continue
            if (
                m.prep in _LOCATIVE
                and trig.action not in _LOCATIVE_OK
                # "urged leaders in Saudi Arabia and Iran": the state whose leaders they are
                and not (m.prep == "in" and _OFFICIALS_IN.search(s, max(0, m.start - 40), m.start))
                # (the particle of "called in the ambassador" is the trigger's, not the object's)
                and m.prep in s[trig.end : m.start].lower().split()
                # "dismay at Israel's decision": the evaluation's object, not a place
                and not (trig.action in _STATEMENTS and _OBJECT_AT.fullmatch(s, trig.end, m.start))
            ):
                continue
            if _ally_after(s, m.end) and m.kind == "igo":
                continue
            group = [m]
            closed = 1  # the members up to the last one joined by "and": a bare comma alone
            for i, n in enumerate(cands[k + 1 :], k + 1):  # joins no list ("expels Saudi envoy, Egypt recalls ...")
                gap = s[group[-1].end : n.start]
                if "," in gap and clause_subject_at(s, cands, i):
                    break  # "attributed the attack to the GRU, and the United States issued ...": a clause
                if (_LIST_GAP.match(gap) or self._noun_list(trig, group[-1], n, gap)) and n.actor not in actor_ids:
                    group.append(n)
                    if _AND.search(gap):
                        closed = len(group)
                else:
                    break
            return self._members(group[:closed]), "object"
        return [], ""

    @staticmethod
    def _mission_owner(s: str, trig: TriggerMatch, mentions: list[Mention]) -> Mention | None:
        """The state whose mission the nominal act names ("of Eritrea's embassy", "of the
        Eritrean embassy", "of the embassy of Syria"); None for "its embassy"."""
        for m in mentions:
            if m.start < trig.end or m.actor_type != "state":
                continue
            if m.kind == "pair":
                return None  # "the reopening of the two countries' embassies": each its own
            gap = s[trig.end : m.start]
            if m.start - trig.end > 40 or clause_break(s, trig.end, m.start) >= 0:
                return None
            # (the mission itself is a mention of its state: "the Eritrean embassy")
            if (m.possessive or m.is_demonym or m.kind in ("envoy", "official")) and _OBJECT_GAP.fullmatch(gap):
                return m
            if m.prep == "of" and _MISSION_OF_GAP.fullmatch(gap):
                return m
            return None
        return None

    @staticmethod
    def _noun_list(trig: TriggerMatch, last: Mention, n: Mention, gap: str) -> bool:
        """Whether ``n``, a demonym, heads the next member of a list of the people or bodies an
        act aims at, after ``last`` ("sanctions on a Chinese company and two Iranian officials",
        "on the Mabna Institute and ten Iranian individuals")."""
        return (
            trig.action in _AT_PEOPLE_ACTIONS
            and (n.is_demonym or n.kind == "official")
            and (last.is_demonym or last.kind in ("org", "official"))
            and _NOUN_LIST_GAP.match(gap) is not None
        )

    def _subject_of_next_act(self, s: str, trig: TriggerMatch, cands: list[Mention], k: int) -> bool:
        """Whether ``cands[k]`` (or the list it heads), joined by "and" or a comma, stands right
        before another active trigger, as its subject ("and the Comoros cut ties")."""
        if not _CLAUSE_JOIN_BEFORE.search(s, max(trig.end, cands[k].start - 16), cands[k].start):
            return False
        end = cands[list_run_end(s, cands, k)].end
        return any(
            t is not trig and t.start > end and t.trigger.voice == "active" and _SUBJECT_GAP.fullmatch(s, end, t.start)
            for t in self.triggers
        )

    def _left_other(
        self, s: str, trig: TriggerMatch, mentions: list[Mention], actor_ids: set[str]
    ) -> tuple[list[Mention], str]:
        for m in reversed([m for m in mentions if m.end <= trig.start]):
            if m.actor not in actor_ids and trig.start - m.end < 120 and m.kind != "pair":
                if m.prep == "at" and m.actor_type == "igo":
                    continue  # "a complaint against Chad at the UN Security Council": where, not whom
                if m.prep == "in" and m.kind == "capital" and trig.action in _STATEMENTS:
                    # "the Council, meeting in Addis Ababa, condemned ...": where, not whom (an
                    # act on a mission aims where it is: "shut its embassy in Mogadishu")
                    continue
                return [m], "left"
        return [], ""

    def _official_before(self, trig: TriggerMatch, mentions: list[Mention], actor_ids: set[str]) -> list[Mention]:
        """The last envoy or official of a state other than the actors named before the trigger,
        in its sentence or the one before (the person "him"/"her" stands for)."""
        before = [m for m in mentions if m.end <= trig.start]
        earlier = self.mentions_of[self.index - 1] if self.index else []
        for ms in (before, earlier):
            for m in reversed(ms):
                if m.kind in _PERSON_KINDS and m.actor_type == "state" and m.actor not in actor_ids:
                    return [m]
        return []

    def _accusers(self, actor_ids: set[str]) -> tuple[list[Mention], str]:
        recent = self.accusations[-12:]
        here = [a for a in recent if a[0] == self.index and a[2] in actor_ids]
        if here:
            # "U.S. officials accused Iranian agents of plotting ..., a charge Tehran denied":
            # the charge this very sentence reports, not older ones.
            recent = here
        accusers = []
        for _, accuser, accused in recent:
            if accused in actor_ids and accuser not in accusers and accuser not in actor_ids:
                accusers.append(accuser)
        expelled = self.last_act.get("expel_diplomats")
        if (
            not accusers
            and expelled is not None
            and self.cues.envoy.search(self.texts[self.index])  # (what is defended: the diplomats)
            and self.index - expelled[0] <= _ACCUSED_SENTENCES
            and expelled[2] in actor_ids
            and expelled[1] not in actor_ids
        ):
            # "Washington expelled two Russian diplomats. Moscow said they had done nothing
            # wrong": an expulsion charges the diplomats; the denial answers the expelling state.
            return [self._virtual(expelled[1], "expeller")], "expeller"
        return [self._virtual(a, "accuser") for a in accusers], "accuser"

    def _roles_passive(self, s: str, trig: TriggerMatch, mentions: list[Mention]) -> _Roles | None:
        if trig.action == "recall_ambassador":
            return self._roles_recalled(s, trig, mentions)
        left = [m for m in mentions if m.end <= trig.start]
        if trig.trigger.mutual:
            # "Ties between Rabat and Algiers were severed": each party acts toward the other.
            between = [m for m in mentions if m.prep == "between" and m.actor_type == "state" and m.end <= trig.end]
            if len({m.actor for m in between}) >= 2 and between[0].start >= trig.start - 40:
                return _Roles(self._members(between), [], "between", "mutual", mutual=True)
            if len(left) == 0 and self.discourse.pair and _PAIR_TIES.search(s, 0, trig.start):
                pair = [self._virtual(a, "pair") for a in self.discourse.pair]
                return _Roles(pair, [], "pair", "mutual", mutual=True)
        target: list[Mention] = []
        for i in range(len(left) - 1, -1, -1):
            m = left[i]
            gap = s[m.end : trig.start]
            if len(gap) > 90 or _PASSIVE_STOP.search(gap):
                break
            if trig.action in _ENVOY_ACTIONS and m.prep in ("in", "to") and i > 0:
                continue
            target = self._expand_left(s, left, i)
            break
        if not target:
            if trig.action in _EVALUATIONS and not left and (act := _THIS_ACT.match(s, 0, trig.start)):
                # "The expulsions drew sharp criticism from Moscow": the act of the story's party.
                agents = self._agents(s, trig, mentions, set())
                party = self._act_party({a.actor for a in agents}, act.group("act").lower())
                if agents and party:
                    return _Roles(agents, party, "by", "other-party")
            return None
        target_ids = {t.actor for t in target}
        actor = self._agents(s, trig, mentions, target_ids)
        how = "by" if actor else ""
        if not actor:
            sp = self._speaker_after(s, trig, mentions)
            if sp is not None and sp.actor not in target_ids:
                actor, how = [sp], "speaker"
        if not actor:
            for m in mentions:
                if m.start >= target[0].start:
                    break
                if m.subject_like and m.actor not in target_ids and m.kind != "envoy":
                    actor, how = [m], "subject"
                    break
        if not actor and trig.action in _ENVOY_ACTIONS:
            host = self._host(s, trig, mentions, target, target_ids)
            if host is not None:
                actor, how = [host], "host"
        if not actor:
            focus = self.speaker or self.discourse.focus
            if focus and focus not in target_ids and (_PRONOUN_SUBJECT.search(s[: target[0].start]) or self._says(s)):
                actor, how = [self._virtual(focus, "focus")], "focus"
        if not actor:
            return None
        return _Roles(actor, target, how, "passive-subject")

    def _roles_recalled(self, s: str, trig: TriggerMatch, mentions: list[Mention]) -> _Roles | None:
        """A passive recall ("Malaysia's ambassador to Pyongyang was recalled", "the envoy was
        called home by her government"): the state whose envoy it is recalls him (or the agent named), from the
        post named ("to Pyongyang", "from Tehran"), else from where the story's last recall aimed
        or the story's other party. Only envoys are recalled ("the bill was withdrawn")."""
        subject = s[max(0, trig.start - 70) : trig.start]
        if not self.cues.envoy.search(subject):
            return None
        near = [m for m in mentions if trig.start - 70 <= m.start and m.end <= trig.start]
        posts = [m for m in near if m.prep in ("to", "in", "from")]
        posts += [m for m in mentions if m.start >= trig.end and m.prep in ("from", "in") and m.start - trig.end < 40]
        actor = self._agents(s, trig, mentions, set())
        how = "by"
        if not actor:
            owners = [m for m in near if m.prep is None and m.actor_type == "state" and m not in posts]
            actor, how = owners[-1:], "owner"
        if not actor:
            return None
        actor_ids = {a.actor for a in actor}
        targets = [m for m in posts if m.actor not in actor_ids][:1]
        how_target = "post"
        if not targets:
            targets, how_target = self._same_act_target(trig.action, actor_ids), "same-act"
        if not targets:
            targets, how_target = self._story_party(actor_ids), "story-party"
        return _Roles(actor, targets, how, how_target) if targets else None

    def _agents(self, s: str, trig: TriggerMatch, mentions: list[Mention], target_ids: set[str]) -> list[Mention]:
        """The agents of a passive act: "by Britain", or "from Britain" when the trigger ends on
        that preposition ("drew praise from"), with the states listed after it."""
        after = [m for m in mentions if m.start >= trig.end]
        agent = _FROM_GAP if trig.text[-4:].lower() == "from" else _BY_AGENT
        for k, m in enumerate(after):
            if agent.fullmatch(s[trig.end : m.start]) and m.actor not in target_ids:
                group = _listed_after(s, after, k)  # "was backed by the United States and Britain"
                return [g for g in self._members(group) if g.actor not in target_ids]
        return []

    def _host(
        self, s: str, trig: TriggerMatch, mentions: list[Mention], target: list[Mention], target_ids: set[str]
    ) -> Mention | None:
        """The state that hosts a summoned or expelled envoy, which is the state that acts.

        Only a host government summons or expels a foreign envoy, so a passive report without
        its agent still names it by the post ("the Czech ambassador to Moscow was summoned",
        "diplomats in Prague were expelled") or by the ministry they were summoned to ("was
        summoned to the Polish foreign ministry").
        """
        if (
            target[-1].kind != "envoy"
            and not self.cues.envoy.search(s, target[-1].end, trig.start)
            and not _ENVOYS_OF.search(s, max(0, target[0].start - 60), target[0].start)
        ):
            return None  # "Ukraine was expelled from the league": not an envoy
        for m in mentions:
            if target[-1].end <= m.start and m.end <= trig.start and m.prep in ("in", "to", "at"):
                return m if m.actor not in target_ids else None
        for m in mentions:
            if m.start >= trig.end and m.kind == "official" and m.prep in ("to", "by"):
                if m.start - trig.end <= 30 and m.actor not in target_ids:
                    return m
                break
        after = next((m for m in mentions if m.start >= trig.end), None)
        if (
            after is not None
            and after.actor not in target_ids
            and after.start - trig.end <= 60
            and _MINISTRY_IN.fullmatch(s, trig.end, after.start)
        ):
            return after  # "was summoned to the foreign ministry in New Delhi": the ministry's state
        if after is not None and after.actor not in target_ids and _LEFT_PLACE.fullmatch(s, trig.end, after.start):
            return after  # "were ordered to leave Bulgaria", "were expelled from Moldova": the country left
        # "Canada's High Commissioner had been summoned": the host is the story's other party.
        party = self._story_party(target_ids)
        return party[0] if party else None

    def _roles_content(self, s: str, trig: TriggerMatch, mentions: list[Mention]) -> _Roles | None:
        """Imputations ("interference", "baseless", a cyberattack by X): actor = the sentence's
        acting state, target = the state the imputation points at."""
        voice = trig.trigger.voice
        target: Mention | None = None
        if voice == "content" and trig.action == "condemn":
            # ", a move Zelensky called a collaboration with evil": the relative clause's subject
            # judges the act of the main clause (see _relative_act_author).
            last = next((m for m in reversed(mentions) if m.end <= trig.start), None)
            if last is not None and trig.start - last.end <= 40 and last.subject_like:
                author = _relative_act_author(s, last, mentions, self.triggers)
                if author is not None and author.actor != last.actor:
                    return _Roles([last], [author], "relative", "main-clause")
        if voice == "cyber":
            target = self._cyber_culprit(s, trig, mentions)
            if target is None:
                return None
            if _SO_CALLED.search(s[max(0, target.start - 30) : trig.start]):
                return None
        elif voice == "target_left":
            before = [
                m
                for m in mentions
                if m.end <= trig.start
                and (
                    trig.start - m.end < 8
                    or _MODAL_GAP.fullmatch(s, m.end, trig.start) is not None
                    or _COPULA_GAP.fullmatch(s, m.end, trig.start) is not None
                    or (
                        (m.is_demonym or m.possessive or m.kind == "official" or m.prep == "-")
                        and _AGENTS_GAP.fullmatch(s, m.end, trig.start) is not None
                    )
                )
            ]
            if not before:
                return None
            target = before[-1]
            if trig.trigger.name == _HARM_OF_DEMONYM and _TOPIC_BEFORE.search(
                s, max(0, target.start - 20), target.start
            ):
                return None  # "a meeting on Egypt's air strikes": the harm as a topic, not imputed
        actor: Mention | None = None
        how = ""
        excluded = {target.actor} if target else set()
        if self.line_speaker:
            if self.line_speaker not in excluded:
                actor, how = self._virtual(self.line_speaker, "label"), "label"
        elif self.line_speaker == "":
            return None
        if actor is None:
            for m in mentions:
                if m.end > trig.start:
                    break
                v = self.cues.speech_verbs.match(s, m.end + 1) if m.end + 1 < len(s) else None
                if (
                    v
                    # "the leaders of ECOWAS said": the body whose heads speak
                    and (m.subject_like or (m.prep == "of" and _HEADS_OF.search(s, max(0, m.start - 90), m.start)))
                    and m.actor not in excluded
                    and s[m.end : m.end + 1] == " "
                ):
                    actor, how = m, "speaker"
        if actor is None:
            sp = self._speaker_after(s, trig, mentions)
            if sp is not None and sp.actor not in excluded:
                actor, how = sp, "speaker"
        if actor is None and _QUOTE_OPEN.match(s) and not self._says(s):
            # A quote running on from the previous sentence: its speaker is still talking.
            focus = self.speaker if self.speaker else self.discourse.focus
            if focus and focus not in excluded:
                actor, how = self._virtual(focus, "focus"), "quote"
        left = [m for m in mentions if m.end <= trig.start]
        ordered = left if voice == "cyber" else list(reversed(left))
        for m in ordered if actor is None else ():
            if m.subject_like and (m.kind != "envoy" or self._envoy_speaks(s, m, trig)) and m is not target:
                if _ally_after(s, m.end):
                    continue
                if _FOR_ACT.fullmatch(s, m.end, trig.start):
                    continue  # "called out Peru for meddling": Peru is the one imputed
                if self._object_of_trigger(s, m) or _PAST_VERB_BEFORE.search(s, max(0, m.start - 30), m.start):
                    # "Beijing warned Manila against provocation": Manila is warned; "linked the
                    # Russian intelligence service to ...": the object of another verb.
                    continue

                if m.actor in excluded:
                    if voice == "cyber":
                        break  # the culprit is the subject: a statement about itself
                    continue
                actor, how = m, "subject"
                break
        if actor is None and (_QUOTE_OPEN.match(s) or self._says(s) or _PRONOUN_SUBJECT.search(s[: trig.start])):
            focus = self.speaker if self.speaker is not None else self.discourse.focus
            if focus and focus not in excluded:
                actor, how = self._virtual(focus, "focus"), "focus"
        if actor is None:
            return None
        if target is None and trig.action == "condemn":
            # "Israel's supply of weapons to Azerbaijan is unacceptable": the author of the act
            # the clause opens with, not the state nearest the evaluation.
            target = next(
                (
                    m
                    for m in mentions
                    if m.end <= trig.start
                    and m.possessive
                    and m.kind not in ("anaphor", "pair", "pronoun")
                    and m.actor != actor.actor
                    and _CLAUSE_OPENING.search(s, max(0, m.start - 12), m.start)
                ),
                None,
            )
        if target is None:
            # The nearest other state to the imputation, left first (possessors, demonyms).
            best: tuple[int, Mention] | None = None
            for m in mentions:
                if m.actor == actor.actor or m.kind == "pair" or (m.start < trig.end and trig.start < m.end):
                    continue  # (inside the imputation is its victim: "interfere in the U.S. elections")
                if m.start >= trig.end and (
                    trig.trigger.name in _DENIED_CLAUSE or _CONTRAST_CLAUSE.search(s, trig.end, m.start)
                ):
                    continue  # ("..., while Australia's embassy posted ...": another clause's)
                if m.prep in _LOCATIVE and (trig.action == "deny" or m.end <= trig.start):
                    # "told reporters in London that his country played no part", "soldiers in
                    # Afghanistan, and attempts to interfere": a place, not the party imputed
                    # (after the imputation it is: "found safe havens in Iran").
                    continue
                dist = trig.start - m.end if m.end <= trig.start else (m.start - trig.end) + 10
                if m.kind == "anaphor":
                    dist += 60  # a named state beats a back-reference
                if dist < 0 or dist > 120:
                    continue
                if best is None or dist < best[0]:
                    best = (dist, m)
            if best is None:
                return self._denial_without_target(actor, how) if trig.action == "deny" else None
            target = best[1]
        if target.actor == actor.actor:
            return None
        return _Roles([actor], [target], how, "culprit" if voice == "cyber" else "nearest")

    def _denial_without_target(self, actor: Mention, how: str) -> _Roles | None:
        """ "Moscow had nothing to do with it": the denial answers the accusers named before."""
        accusers, how_target = self._accusers({actor.actor})
        return _Roles([actor], accusers, how, how_target) if accusers else None

    def _cyber_culprit(self, s: str, trig: TriggerMatch, mentions: list[Mention]) -> Mention | None:
        for m in reversed(mentions):
            if m.end <= trig.start:
                gap = s[m.end : trig.start]
                if len(gap) <= 28 and (
                    m.possessive or m.is_demonym or m.kind in ("official", "government") or _LINKED.fullmatch(gap)
                ):
                    if _ON_TARGET.search(gap):
                        continue
                    if self.cues.speech_verbs.search(gap):
                        break  # "The British government said the hacking ...": the speaker, not the culprit
                    return m
                break
        for m in mentions:
            if m.start >= trig.end:
                gap = s[trig.end : m.start]
                if len(gap) <= 60 and _CULPRIT_BEFORE.search(gap):
                    return m
                if len(gap) > 60:
                    break
        return None

    # -- events ---------------------------------------------------------------------------

    def _pairs(self, roles: _Roles) -> list[tuple[Mention, Mention]]:
        if roles.mutual:
            return [(a, b) for a in roles.actors for b in roles.actors if a.actor != b.actor]
        pairs = [(a, t) for a in roles.actors for t in roles.targets if a.actor != t.actor]
        return pairs + [(t, a) for a, t in pairs] if roles.both_ways else pairs

    def _date(self, s: str, trig: TriggerMatch, dates: list[DateMention], action: str) -> _When:
        """The act's date, its precision, and whether the sentence itself gave it."""
        marker = _MARKER.match(s)
        right_limit: int | None = None  # where the trigger's clause ends; looked for when needed
        best: tuple[int, DateMention] | None = None
        imputation = action in ("accuse", "cyberattack_accusation") and trig.trigger.voice in (
            "cyber",
            "content",
            "noun",
        )
        dateline = dateline_end(s) if len(dates) > 1 else 0
        for d in dates:
            if marker and d.start < marker.end():
                continue  # the archive's date marker is the publication date, not the act's
            if d.start < dateline:
                continue  # "VILNIUS, Nov 23 - China downgraded ties on Sunday": the story's date line
            document = self._documents.get(d.start)  # (the same for each act of the sentence)
            if document is None:
                document = self._documents[d.start] = _document_date_before(s, d.start)
            if document:
                continue  # "the agreement signed on 5/27/1998": a document's date, not the act's
            if _in_relative_clause(s, d.start, trig.start):
                continue  # "Bahrain, whose monarchy put down protests in 2011, gave ...": not the act's
            if imputation and (d.start >= trig.start or trig.start - d.end <= 3):
                continue  # "Iran's July 15 cyberattack": the alleged act's date, not the accusation's
            if d.start > trig.start and _DEADLINE_BEFORE.search(s, max(0, d.start - 40), d.start):
                continue  # "demanded an explanation by midnight on Tuesday": the deadline, not the act's day
            if d.start >= trig.end:
                if right_limit is None:
                    brk = clause_break(s, trig.end, min(len(s), trig.end + 200))
                    right_limit = brk if brk >= 0 else len(s)
                if d.start > right_limit:
                    continue  # a date in a following clause dates something else
            dist = trig.start - d.end if d.end <= trig.start else d.start - trig.end
            dist = max(dist, 0)
            if best is None or dist < best[0]:
                best = (dist, d)
        if best is None and any(d.start > trig.end for d in dates):
            # "“...,” the spokeswoman said on Tuesday": the statement's date dates what it says.
            # (The verb comes after the trigger, so only a date after the trigger can follow it.)
            verb = _SPEECH_AFTER.search(s, trig.end)
            if verb is not None:
                after = [d for d in dates if verb.end() <= d.start <= verb.end() + 60]
                if after and not (marker and after[0].start < marker.end()):
                    return _When(after[0].date, after[0].precision, True)
        if best is not None:
            d = best[1]
            weak = d.end <= trig.start and bool(_SPEECH_BEFORE_DATE.search(s[max(0, d.start - 40) : d.start]))
            if d.precision == "day" and d.end <= trig.start:
                # "said on Sunday, a day after Czech officials expelled 18 diplomats": the act is
                # dated from the date named before it.
                offset = _DAYS_AFTER.match(s, d.end, trig.start)
                if offset:
                    n = _NUMBER_WORDS.get(offset.group(1).lower()) or int(offset.group(1))
                    n = n * (7 if offset.group(2).lower().startswith("week") else 1)
                    n = -n if offset.group(3).lower() == "after" else n
                    return _When(d.date + dt.timedelta(days=n), "day", True)
            if "year" in s and d.end <= trig.start:
                # "In 1968 they suspended relations, and restored them the following year": a
                # year counted from the date named before the act.
                later = _YEARS_LATER.search(s, d.end, min(len(s), trig.end + 40))
                if later is not None:
                    n = _NUMBER_WORDS.get((later.group(1) or "one").lower()) or int(later.group(1))
                    return _When(dt.date(d.date.year + n, 1, 1), "year", True)
            return _When(d.date, d.precision, not weak or trig.start - d.end < 40)
        if self.transcript and self.line_speaker and self.pub is not None:
            return _When(self.pub, "day", False)  # an answer at a press conference: the conference's day
        if "month" in s or "year" in s:
            span = _NARRATIVE_SPAN.search(s)
            earlier = self._recent_date() if span else None
            if span and earlier is not None:
                # "Dakar demanded explanations that same month": the month (or year) just told of.
                if span.group(1).lower() == "month":
                    return _When(earlier.replace(day=1), "month", True)
                return _When(earlier.replace(month=1, day=1), "year", True)
        recent = self._recent_day()
        if recent is not None:
            told = _NARRATIVE_DAY.search(s) if "day" in s or "later" in s or "earlier" in s else None
            if told is not None:
                # "The same day, X accused Y", "a day later": the sentence dates the act itself.
                return _When(recent + dt.timedelta(days=_narrative_offset(told)), "day", True)
            # No date of its own: the act belongs to the day the text was just talking about.
            return _When(recent, "day", False)
        story_day = self._story_day()
        if story_day is not None:
            # "Albania (on Wednesday) cut ties ... Albania gave the diplomats 24 hours": an undated
            # act of the story happened on the story's day, not on the day it was published.
            return _When(story_day, "day", False)
        if self.pub is not None:
            # The story's day may still be named later: see _redate.
            return _When(self.pub, "day", False, defaulted=True)
        anchor = self._anchor_date() if self.pub is None else None
        if anchor is not None:
            return _When(anchor, "day", False)
        return _When(None, "unknown", False)

    def _emit(
        self,
        index: int,
        sent: Sentence,
        trig: TriggerMatch,
        action: str,
        roles: _Roles,
        actor: Mention,
        target: Mention,
        dates: list[DateMention],
    ) -> bool:
        if (
            (action not in _ORG_ACTIONS or actor.actor_type in _SILENT_ORGS or target.actor_type in _SILENT_ORGS)
            and (actor.actor_type not in ("state", "igo") or target.actor_type not in ("state", "igo"))
            # "Russia recognised Abkhazia": a breakaway entity (data/parser_groups.csv) is recognised
            and not (action == "recognize" and target.actor_type == "other" and actor.actor_type == "state")
        ):
            return False
        # The date is the same for every pair of parties an act has: found once per sentence.
        # (The sentence's triggers live in self.triggers until the next sentence: ids are unique.)
        when = self._dated.get((id(trig), action))
        if when is None:
            when = self._dated[id(trig), action] = self._date(sent.text, trig, dates, action)
        date, precision, explicit = when.date, when.precision, when.explicit
        key = (actor.actor, action, target.actor, f"{date}/{precision}")
        if action in ("accuse", "cyberattack_accusation"):
            self.accusations.append((index, actor.actor, target.actor))
        if actor.actor_type == target.actor_type == "state" and actor.actor != target.actor:
            self.discourse.note_pair(actor.actor, target.actor, index, act=action not in _STATEMENTS)
        if key in self.seen:
            return True
        salience = self._salience(date, precision)
        rule = f"{trig.rule}|actor={roles.how_actor}|target={'mutual' if roles.mutual else roles.how_target}"
        if action != trig.action:
            # the evidence says why the action is not the trigger's: "accuse:verb(blame)|...|as=cyberattack_accusation"
            rule += f"|as={action}"
        data = {
            "actor": actor.actor,
            "actor_type": actor.actor_type,
            "actor_name": self._name(actor.actor),
            "target": target.actor,
            "target_type": target.actor_type,
            "target_name": self._name(target.actor),
            "action": action,
            "date": date,
            "date_precision": precision,
            "doc_id": self.doc,
            "url": self.url,
            "publisher": self.publisher,
            "published": self.pub,
            "sentence": sent.text,
            "sentence_start": sent.start,
            "sentence_end": sent.end,
            "rule": rule,
            "salience": salience,
            "dataset": "text",
        }
        try:
            event = self.factory.make(data, record=f"{self.doc}:{sent.start}")
        except DipeventsError as exc:
            log.warning("document %s: event not coded from %r: %s", self.doc, sent.text[:80], exc)
            return False
        self.seen.add(key)
        self.last_act[action] = (index, actor.actor, target.actor)
        if when.defaulted:
            self.pending.append((len(self.events), data, f"{self.doc}:{sent.start}"))
        self.events.append(event)
        self.explicit.append(explicit)
        return True

    def _followed(self, index: int, sent: Sentence, mentions: list[Mention]) -> list[str]:
        """ "Kuwait followed suit", "El Salvador followed on Monday", "Chad did the same": the
        act (or acts) of the sentence before, or of the one before it, by the states named as
        the subject, toward the same target. The actors coded, for the focus."""
        s = sent.text
        named = self._followed_named(index, sent, mentions)
        if named:
            return named
        # (an act of this sentence too: "the AU suspended Guinea, and ECOWAS did the same")
        latest = max((at for action, (at, _, _) in self.last_act.items() if action not in _STATEMENTS), default=-9)
        if not index - 2 <= latest <= index:
            return []
        # (acts only: what "followed suit" copies after a statement is too often only its gist)
        acts = [
            (action, target)
            for action, (at, _, target) in self.last_act.items()
            if at == latest and action not in _STATEMENTS
        ]
        authors = {action: author for action, (at, author, _) in self.last_act.items() if at == latest}
        coded: list[str] = []
        dates: list[DateMention] | None = None
        found = [(m, False) for m in _FOLLOWED.finditer(s)] + [(m, True) for m in _MIRRORED.finditer(s)]
        for follow, mirror in found:
            left = [m for m in mentions if m.end <= follow.start()]
            if not left or not _FOLLOW_GAP.fullmatch(s, left[-1].end, follow.start()):
                continue
            if _TELLS_ACT_AFTER.match(s, follow.end()):
                continue  # "North Korea followed on 13 July, recognising ...": the act is told
            k = len(left) - 1
            if not left[k].subject_like or left[k].actor_type not in ("state", "igo"):
                continue
            actors = self._expand_left(s, left, k)
            if dates is None:
                dates, _ = find_dates_and_days(s, self.pub)
            name = "verb(respond in kind)" if mirror else "verb(follow suit)"
            for action, target in acts:
                trig = TriggerMatch(
                    Trigger(action, name, "active", _MIRRORED if mirror else _FOLLOWED),
                    follow.start(),
                    follow.end(),
                    follow.group(),
                )
                if mirror:
                    # (a mirrored act is its target's answer to the act's author)
                    by = [a for a in actors if a.actor == target]
                    coded += self._copied(index, sent, trig, actors, by, authors[action], dates)
                else:
                    coded += self._copied(index, sent, trig, actors, actors, target, dates)
        return coded

    def _copied(
        self,
        index: int,
        sent: Sentence,
        trig: TriggerMatch,
        actors: list[Mention],
        by: list[Mention],
        aim: str,
        dates: list[DateMention],
    ) -> list[str]:
        """An act copied from an earlier one (``trig``'s action) by each of ``by`` (of the
        subject ``actors``) toward ``aim``, unless it would aim at itself: the actors coded."""
        coded: list[str] = []
        for actor in by:
            # (roles of its own for each: _emit may narrow an act's roles as it codes it)
            roles = _Roles(actors, [self._virtual(aim, "same-act")], "subject", "same-act")
            if actor.actor != aim and self._emit(index, sent, trig, trig.action, roles, actor, roles.targets[0], dates):
                coded.append(actor.actor)
        return coded

    def _followed_named(self, index: int, sent: Sentence, mentions: list[Mention]) -> list[str]:
        """ "Rwanda and Cameroon followed Zaire", "followed the lead of Kuwait": the acts the
        state named did last in the document, by the subject, toward the same targets."""
        s = sent.text
        coded: list[str] = []
        for k, led in enumerate(mentions):
            if led.actor_type != "state" or led.prep not in (None, "of") or k == 0:
                continue
            follow = _FOLLOWED_NAMED.search(s, max(0, led.start - 40), led.start)
            if follow is None:
                continue
            left = mentions[:k]
            if not _FOLLOW_GAP.fullmatch(s, left[-1].end, follow.start()) or not left[-1].subject_like:
                continue
            acts = [e for e in self.events if e.actor == led.actor and e.action not in _STATEMENTS]
            if not acts:
                continue
            # (the acts of the sentence where the state named last acted)
            last = [e for e in acts if e.sentence_start == acts[-1].sentence_start]
            actors = self._expand_left(s, left, k - 1)
            dates, _ = find_dates_and_days(s, self.pub)
            trig_at = (follow.start(), led.end, s[follow.start() : led.end])
            by = [a for a in actors if a.actor != led.actor]
            for action, target in dict.fromkeys((e.action, e.target) for e in last):
                trig = TriggerMatch(Trigger(action, "verb(follow suit)", "active", _FOLLOWED), *trig_at)
                coded += self._copied(index, sent, trig, actors, by, target, dates)
        return coded

    def _gapped(
        self,
        index: int,
        sent: Sentence,
        trig: TriggerMatch,
        action: str,
        roles: _Roles,
        mentions: list[Mention],
        dates: list[DateMention],
    ) -> None:
        """ "Senegal resumed relations with China in October 2005, Chad in August 2006 and Costa
        Rica in June 2007": after an act and its date, a list of states each with a date of its
        own, the verb left out, are further actors of the same act toward the same target."""
        s = sent.text
        target = roles.targets[0]
        by_start = {d.start: d for d in dates}
        # the act's own date, right after the act (its target and what follows it)
        last = next((d for d in dates if d.start >= max(trig.end, target.end)), None)
        if last is None or clause_break(s, trig.end, last.start) >= 0:
            return
        for m in mentions:
            if m.start < last.end:
                continue
            if (
                m.actor_type != "state"
                or m.actor == target.actor
                or m.actor in {a.actor for a in roles.actors}
                or not _GAP_BEFORE.fullmatch(s, last.end, m.start)
            ):
                return
            at = _GAP_DATE.match(s, m.end)
            when = by_start.get(at.end()) if at else None
            if when is None:
                return
            gap = TriggerMatch(trig.trigger, m.start, m.end, m.text)
            self._emit(index, sent, gap, action, _Roles([m], [target], "gapped", roles.how_target), m, target, dates)
            last = when

    def _salience(self, date: dt.date | None, precision: str) -> str:
        # Background: clearly before the story's news (another year, or months before publication).
        if (
            date is not None
            and self.pub is not None
            and ((date.year < self.pub.year and precision != "day") or (self.pub - date).days > _SALIENCE_DAYS)
        ):
            return "background"
        return "main"

    def _redate(self) -> None:
        """Acts told before the text names any day (a headline: "Britain expels 23 Russian
        diplomats") took the publication day; they belong to the story's day, the first recent
        day the whole text names ("on Wednesday"), when there is one."""
        if not self.pending or self.pub is None:
            return
        self.index = len(self.texts)
        day = self._story_day()
        if day is None or day == self.pub:
            return
        for i, data, record in self.pending:
            data = {**data, "date": day, "salience": self._salience(day, "day")}
            try:
                self.events[i] = self.factory.make(data, record=record)
            except DipeventsError:  # (the same fields as the event made before: cannot fail)
                continue


@cache
def _hypothetical_words() -> tuple[str, ...]:
    """Words one of which every match of the lexicon's hypothetical cue holds ("if", "could",
    "plan"...): nine windows in ten hold none, and the test costs half a search."""
    return required_words(cues().hypothetical, shortest=2)


@cache
def _speech_verbs_at() -> tuple[str, ...]:
    """The literal prefixes of the lexicon's speech verbs (the lexicon is read on first use)."""
    return literal_prefixes(cues().speech_verbs)


def _narrative_offset(m: re.Match[str]) -> int:
    """Days from the narrative's day to the one ``_NARRATIVE_DAY`` matched."""
    which, count, way = m.group(1), m.group(2), m.group(3)
    if which:
        return 1 if which.lower() in ("next", "following") else -1
    if count:
        n = _NUMBER_WORDS[count.lower()]
        return n if way.lower() == "later" else -n
    return 0


def _quotation_end(s: str, before: int) -> int:
    """Where a quotation that opens the sentence closes, if it closes before ``before``; else 0."""
    m = _QUOTE_OPEN.match(s)
    if m is None:
        return 0
    mark = s[m.end() - 1]
    close = s.find({"“": "”", "‘": "’"}.get(mark, mark), m.end(), before)
    return close + 1 if close >= 0 else 0


def _relative_act_author(
    s: str, actor: Mention, mentions: list[Mention], acts: Sequence[TriggerMatch]
) -> Mention | None:
    """The author of the act that a relative clause opened by ``actor`` evaluates: "Israel
    recalled its envoy, a move (that) Dublin called regrettable" -> Israel. The act is the last
    one a state's possessive names before the clause ("over Tehran's decision to supply drones,
    a move ..."), else the main clause's, whose subject is its author. After a bare ", which",
    the main clause must tell an act (one of ``acts``, the sentence's triggers): in "quarrelled
    over the pipeline, which Greece supported", "which" is the pipeline."""
    if not actor.end:
        return None  # a state not named in the sentence
    rel = _ACT_RELATIVE.search(s, max(0, actor.start - 60), actor.start)
    if rel is None or rel.end() != actor.start:
        return None
    if rel.group("noun") is None and not any(t.end <= rel.start() and t.action not in _STATEMENTS for t in acts):
        return None
    before = [m for m in mentions if m.end <= rel.start()]
    for m in reversed(before):
        if m.possessive and _POSSESSED_ACT.match(s, m.end):
            return m
    # (not "the two countries": which of the two acted is not said)
    return next((m for m in before if m.subject_like and m.actor_type == "state" and m.kind != "pair"), None)


def _judges_claim(trig: TriggerMatch) -> bool:
    """Whether a condemnation judges a charge ("called the allegations absurd"): a denial."""
    return trig.action == "condemn" and trig.trigger.voice == "active" and _CALLED_CLAIM.match(trig.text) is not None


def _holds(s: str, words: tuple[str, ...], pos: int, end: int) -> bool:
    """Whether one of ``words`` (``required_words`` of a pattern) may stand in ``s[pos:end]``
    (True when ``folded`` cannot tell): a match searched for there holds one."""
    low = folded(s)
    if low is None or not words:
        return True
    # (``in`` on the span's copy: str.find with bounds parses its arguments the slow way)
    return contains_any(low[pos:end], words)


def _document_date_before(s: str, start: int) -> bool:
    """``_DOCUMENT_DATE`` in the 60 characters before ``start`` (a document's date), behind its words."""
    return _holds(s, _DOCUMENT_WORDS, max(0, start - 60), start) and (
        _DOCUMENT_DATE.search(s, max(0, start - 60), start) is not None
    )


def _ally_after(s: str, end: int) -> bool:
    """``_ALLY_AFTER`` right after ``end`` ("its ally", "member states"), behind its words."""
    return _holds(s, _ALLY_WORDS, end, end + 12) and _ALLY_AFTER.match(s[end : end + 12]) is not None


def _dayish(s: str) -> bool:
    """``_DAYISH.search(s) is not None``: the substring tests first (a digit is a
    Unicode digit, as for \\d, except in ASCII text)."""
    if "day" in s and _DAY_WORD_END.search(s) is not None:
        return True
    if s.isascii():
        return contains_any(s, _ASCII_DIGITS)
    return _A_DIGIT.search(s) is not None


def _attributive_capital(s: str, m: Mention) -> bool:
    """Whether a capital stands between an article and a lower-case noun ("a London
    conference"; "the Moscow government" is an official mention, not a capital's)."""
    after = s[m.end : m.end + 2]
    return (
        m.kind == "capital"
        and len(after) == 2
        and after[0] == " "
        and after[1].islower()
        and (s[max(0, m.start - 4) : m.start].endswith((" a ", " an ", "the ")) or s[: m.start] in ("A ", "An "))
    )


def _joined(s: str, a: Mention, b: Mention) -> bool:
    """Whether two neighbouring mentions are joined as a list ("Albania and Iran")."""
    return _LIST_GAP.match(s[a.end : b.start]) is not None


def _word_end(s: str, start: int) -> int:
    """Where the word that begins at ``start`` ends."""
    space = s.find(" ", start)
    return len(s) if space < 0 else space


def _near(a: dt.date | None, b: dt.date | None) -> bool:
    """Whether two dates may be the same act's (unknown dates may)."""
    return a is None or b is None or abs((a - b).days) <= _SAME_ACT_DAYS


def _anothers_envoy_recalled(trig: TriggerMatch, roles: _Roles, mentions: list[Mention]) -> bool:
    """Whether a recall's envoy is another state's ("Caracas ordered Washington's ambassador
    home"): a state recalls only its own envoys, so the act is no recall."""
    if trig.action != "recall_ambassador":
        return False
    actors = {a.actor for a in roles.actors}
    return any(m.kind == "envoy" and trig.start <= m.start < trig.end and m.actor not in actors for m in mentions)


def _deny_last(trig: TriggerMatch) -> bool:
    return trig.action == "deny"


def _in_relative_clause(s: str, pos: int, trigger: int) -> bool:
    """Whether ``pos`` lies in a relative clause set off by commas (", whose ... ,") that the
    trigger at ``trigger`` is outside of."""
    opener = s.rfind(",", 0, pos)
    if opener < 0 or not _RELATIVE_OPENER.match(s, opener):
        return False
    close = s.find(",", pos)
    end = close if close >= 0 else len(s)
    return not opener < trigger < end
