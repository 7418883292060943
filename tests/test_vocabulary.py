"""The packaged action table agrees with the project's vocabulary contract."""

from __future__ import annotations

import re

import pytest

from dipevents import vocabulary
from dipevents.errors import UnknownActionError
from tests.conftest import shared_path


def _contract_rows() -> dict[str, tuple[str, str, str]]:
    """action -> (CAMEO codes cell, quad/Goldstein cell, PLOVER cell) from ../shared/vocabulary.md."""
    text = shared_path("vocabulary.md").read_text(encoding="utf-8")
    rows = {}
    for line in text.splitlines():
        m = re.match(r"^\| ([a-z_]+) \| [^|]+ \| ([^|]+) \| ([^|]+) \|$", line)
        if m and m.group(1) != "action":
            cameo_cell, plover = m.group(2).strip(), m.group(3).strip()
            rows[m.group(1)] = (cameo_cell, plover, line)
    return rows


def test_sixteen_fine_actions_match_the_contract() -> None:
    contract = _contract_rows()
    assert set(vocabulary.fine_actions()) == set(contract)
    assert len(contract) == 16


def test_crosswalk_matches_the_contract() -> None:
    for name, (cameo_cell, plover_cell, line) in _contract_rows().items():
        act = vocabulary.get(name)
        codes = re.findall(r"\b\d{3,4}\b", cameo_cell.split("(")[0])
        assert act.cameo == codes[0], line
        if act.cameo_alt:
            assert act.cameo_alt in codes, line
        quad = re.search(r"\((\d),", cameo_cell)
        assert quad and act.quad_class == int(quad.group(1)), line
        goldstein = re.search(r"([+-]?\d+\.\d)", cameo_cell)
        assert goldstein and act.goldstein == float(goldstein.group(1)), line
        assert plover_cell.startswith(act.plover_type), line
        if act.plover_mode:
            assert act.plover_mode in plover_cell, line


def test_coarse_actions_only_name_fine_children() -> None:
    fine = set(vocabulary.fine_actions())
    coarse = [a for a in vocabulary.actions() if a.level == "coarse"]
    assert coarse, "the importers need coarse actions for CAMEO 161 and 112"
    for a in coarse:
        assert a.children and set(a.children) <= fine
        assert {vocabulary.get(c).cameo for c in a.children} == {a.cameo}


def test_unknown_action_suggests_near_names() -> None:
    with pytest.raises(UnknownActionError) as info:
        vocabulary.get("sever_tie")
    assert info.value.suggestions[0] == "sever_ties"
    assert isinstance(info.value, LookupError)
