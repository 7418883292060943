"""The query helpers, on stores built from gold-annotated real text.

The seed store holds the gold events of the three seed articles (``fixtures/seeds``), each
citing its real sentence; the devset store adds the 187 gold events of ``../shared/devset``.
Expected answers are computed here from the same gold events in plain Python (an oracle
independent of the SQL), never typed in by hand, except where the seed article itself
states the answer ("The United States and the United Kingdom have supported Albania's
decision").
"""

from __future__ import annotations

import datetime as dt
import logging
from collections import defaultdict
from pathlib import Path

import duckdb
import pyarrow as pa
import pytest

from dipevents import countries, query
from dipevents.errors import QueryError, UnknownActionError, UnknownCountryError
from dipevents.schema import Event
from tests._querykit import acts, build_store, devset_events, seed_events
from tests.conftest import shared_path


@pytest.fixture(scope="module")
def seeds() -> list[Event]:
    return seed_events()


@pytest.fixture(scope="module")
def seed_store(seeds: list[Event], tmp_path_factory: pytest.TempPathFactory) -> object:
    return build_store(seeds, tmp_path_factory.mktemp("seed-store"))


@pytest.fixture(scope="module")
def everything() -> list[Event]:
    return seed_events() + devset_events(shared_path("devset"))


@pytest.fixture(scope="module")
def full_store(everything: list[Event], tmp_path_factory: pytest.TempPathFactory) -> object:
    return build_store(everything, tmp_path_factory.mktemp("full-store"))


def texts() -> dict[str, str]:
    from tests._querykit import SEED_FIXTURES

    found = {p.stem: p.read_text(encoding="utf-8") for p in (SEED_FIXTURES / "../../seeds").resolve().glob("*.txt")}
    devset = Path(__file__).resolve().parents[2] / "shared" / "devset" / "articles"
    found.update({p.stem: p.read_text(encoding="utf-8") for p in devset.glob("*.txt")})
    return found


# ---------------------------------------------------------------- supporters


def test_supporters_of_albania_are_the_states_the_seed_article_names(seed_store: object, seeds: list[Event]) -> None:
    table = query.supporters("Albania", store=seed_store)
    assert set(table.column("actor").to_pylist()) == {"USA", "GBR"}
    assert set(table.column("actor_name").to_pylist()) == {"United States", "United Kingdom"}
    docs = {
        a: {e.doc_id for e in seeds if e.action == "support" and e.actor == a and e.target == "ALB"}
        for a in ("USA", "GBR")
    }
    for row in table.to_pylist():
        assert row["n_documents"] == len(docs[row["actor"]])
        assert row["n_sources"] == row["n_documents"]  # each seed has its own publisher
        assert row["doc_id"] in docs[row["actor"]]
        assert row["evidence"] in texts()[row["doc_id"]]
    # Most sources first.
    assert table.column("n_sources").to_pylist() == sorted(table.column("n_sources").to_pylist(), reverse=True)


@pytest.mark.parametrize("name", ["Albania", "ALB", "albanian", "Tirana", "the Republic of Albania", "AL"])
def test_supporters_resolve_names_demonyms_and_capitals(seed_store: object, name: str) -> None:
    assert sorted(query.supporters(name, store=seed_store).column("actor").to_pylist()) == ["GBR", "USA"]


def test_supporters_of_any_actor_type_include_the_ngo(seed_store: object) -> None:
    actors = query.supporters("Albania", actor_type=None, store=seed_store).column("actor").to_pylist()
    assert set(actors) == {"USA", "GBR", "american-jewish-committee"}


def test_supporters_in_reaction_to_an_act(seed_store: object) -> None:
    reacting = query.supporters("Albania", of_action="sever_ties", of_target="Iran", store=seed_store)
    assert sorted(reacting.column("actor").to_pylist()) == ["GBR", "USA"]
    # Albania cut no ties with Russia, so nobody backed it for that.
    assert query.supporters("Albania", of_action="sever_ties", of_target="Russia", store=seed_store).num_rows == 0
    # The NGO's support is dated to September 2022 only; it still counts in the month of the break.
    ngo = query.supporters("Albania", of_action="sever_ties", actor_type="ngo", store=seed_store)
    assert ngo.column("actor").to_pylist() == ["american-jewish-committee"]


def test_supporters_period_filters(seed_store: object) -> None:
    assert query.supporters("Albania", since="2023", store=seed_store).num_rows == 0
    assert query.supporters("Albania", until="2022-09-06", store=seed_store).num_rows == 0
    assert query.supporters("Albania", since="2022-09", until="2022-09", store=seed_store).num_rows == 2
    assert query.supporters("Albania", since=dt.date(2022, 9, 7), until=2022, store=seed_store).num_rows == 2


def test_supporters_and_condemners_match_the_gold_on_every_target(full_store: object, everything: list[Event]) -> None:
    for action, helper in (("support", query.supporters), ("condemn", query.condemners)):
        grouped = acts([e for e in everything if e.action == action])
        targets = {act.target for act in grouped.values() if act.target_type == "state"}
        assert targets, action
        for target in sorted(targets):
            expected: dict[str, set[str]] = defaultdict(set)
            for act in grouped.values():
                if act.target == target:
                    expected[act.actor] |= act.docs
            table = helper(target, actor_type=None, store=full_store)
            got = {row["actor"]: row["n_documents"] for row in table.to_pylist()}
            assert got == {a: len(d) for a, d in expected.items()}, (action, target)


# ---------------------------------------------------------------- find_events, timeline, reactions


def test_find_events_matches_the_gold_for_each_filter(full_store: object, everything: list[Event]) -> None:
    grouped = acts(everything)
    cases = [
        ({"actor": "Russia"}, lambda e: e.actor == "RUS"),
        (
            {"target": "Canada", "action": "recall_ambassador"},
            lambda e: e.target == "CAN" and e.action == "recall_ambassador",
        ),
        (
            {"action": ["sever_ties", "restore_ties"], "since": "2021", "until": "2022"},
            lambda e: (
                e.action in ("sever_ties", "restore_ties")
                and e.date is not None
                and dt.date(2021, 1, 1) <= e.date <= dt.date(2022, 12, 31)
            ),
        ),
        ({"actor": "Saudi", "target": "Iranian"}, lambda e: e.actor == "SAU" and e.target == "IRN"),
    ]
    for kwargs, keep in cases:
        table = query.find_events(**kwargs, store=full_store)
        expected = {eid for eid, act in grouped.items() if keep(act)}
        assert set(table.column("event_id").to_pylist()) == expected, kwargs
        assert expected, kwargs
        for row in table.to_pylist():
            assert row["n_documents"] == len(grouped[row["event_id"]].docs)
            assert row["action_precision"] == "fine"
            assert row["evidence"] in {r.sentence for r in grouped[row["event_id"]].reports}


def test_find_events_is_events_and_sorted_by_date(seed_store: object) -> None:
    assert query.events is query.find_events
    table = query.find_events(actor="ALB", store=seed_store)
    dates = table.column("date").to_pylist()
    assert dates == sorted(dates)
    assert set(table.column("action").to_pylist()) == {
        "sever_ties",
        "expel_diplomats",
        "cyberattack_accusation",
        "demand",
    }


def test_timeline_holds_both_directions_in_date_order(full_store: object, everything: list[Event]) -> None:
    table = query.timeline("Iran", "Albania", store=full_store)
    expected = {eid for eid, act in acts(everything).items() if {act.actor, act.target} == {"IRN", "ALB"}}
    assert set(table.column("event_id").to_pylist()) == expected
    assert {"IRN", "ALB"} == set(table.column("actor").to_pylist())
    dates = table.column("date").to_pylist()
    assert dates == sorted(dates)


def test_reactions_to_albania_cutting_ties(seed_store: object, seeds: list[Event]) -> None:
    table = query.reactions("Albania", "sever_ties", "Iran", store=seed_store)
    start = dt.date(2022, 9, 7)
    expected = set()
    for e in acts(seeds).values():
        floor = start.replace(day=1) if e.date_precision == "month" else start
        in_window = floor <= e.date <= start + dt.timedelta(30)
        if e.action in query.DEFAULT_REACTIONS and e.target in ("ALB", "IRN") and in_window:
            expected.add((e.actor, e.action, e.target))
    got = {(r["actor"], r["action"], r["target"]) for r in table.to_pylist()}
    assert got == expected
    assert ("GBR", "support", "ALB") in got and ("IRN", "deny", "ALB") in got
    for row in table.to_pylist():
        assert row["toward"] == ("actor" if row["target"] == "ALB" else "target")
    # An explicit date and a zero-day window keep only same-day (or same-month) reactions.
    narrow = query.reactions("ALB", "sever_ties", "IRN", date="2022-09-07", window_days=0, store=seed_store)
    assert {r["action"] for r in narrow.to_pylist()} <= set(query.DEFAULT_REACTIONS)


def test_reactions_need_a_known_act_or_a_date(seed_store: object) -> None:
    with pytest.raises(QueryError, match="no dated event ALB sever_ties RUS"):
        query.reactions("Albania", "sever_ties", "Russia", store=seed_store)
    assert query.reactions("Albania", "sever_ties", "Russia", date="1990-01-01", store=seed_store).num_rows == 0


# ---------------------------------------------------------------- coarse actions


def test_coarse_actions_are_left_out_unless_asked_for(seeds: list[Event], tmp_path: Path) -> None:
    imported = Event.from_dict(
        {
            "actor": "ALB",
            "actor_type": "state",
            "target": "IRN",
            "target_type": "state",
            "action": "reduce_relations",
            "date": "2022-09-07",
            "date_precision": "day",
            "doc_id": "gdelt-example",
            "publisher": "GDELT",
            "rule": "gdelt:cameo=161",
            "dataset": "gdelt",
        }
    )
    store = build_store([*seeds, imported], tmp_path / "store")
    fine = query.find_events("ALB", "IRN", "sever_ties", store=store)
    assert fine.column("action").to_pylist() == ["sever_ties"]
    both = query.find_events("ALB", "IRN", "sever_ties", include_coarse=True, store=store)
    assert sorted(zip(both.column("action").to_pylist(), both.column("action_precision").to_pylist(), strict=True)) == [
        ("reduce_relations", "coarse"),
        ("sever_ties", "fine"),
    ]
    # Supporters in reaction to the break: the coarse record may stand for it when asked.
    backed = query.supporters("ALB", of_action="sever_ties", include_coarse=True, store=store)
    assert sorted(backed.column("actor").to_pylist()) == ["GBR", "USA"]


# ---------------------------------------------------------------- dyad_counts


def test_dyad_year_counts_match_the_gold_with_cow_codes(full_store: object, everything: list[Event]) -> None:
    table = query.dyad_counts("year", store=full_store)
    expected: dict[tuple[str, str, int], list[str]] = defaultdict(list)
    for e in acts(everything).values():
        if e.actor_type == "state" and e.target_type == "state" and e.date is not None:
            expected[(e.actor, e.target, e.date.year)].append(e.action)
    rows = table.to_pylist()
    assert {(r["actor"], r["target"], r["year"]) for r in rows} == set(expected)
    for r in rows:
        wanted = expected[(r["actor"], r["target"], r["year"])]
        assert r["n_events"] == len(wanted)
        assert r["n_sever_ties"] == wanted.count("sever_ties")
        assert r["n_support"] == wanted.count("support")
        totals = ("n_events", "n_sources", "n_documents")
        per_action = [v for k, v in r.items() if k.startswith("n_") and k not in totals]
        assert sum(per_action) == r["n_events"]
        cow = countries.get(r["actor"]).cow_code
        assert r["actor_cow"] == cow
        assert r["period"] == dt.date(r["year"], 1, 1)
        assert r["evidence"]


def test_dyad_month_counts_leave_out_year_dates_and_say_so(
    full_store: object, everything: list[Event], caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING, logger="dipevents.query"):
        table = query.dyad_counts("month", actions=["expel_diplomats", "recall_ambassador"], store=full_store)
    assert {"year", "month", "n_expel_diplomats", "n_recall_ambassador"} <= set(table.column_names)
    assert "n_support" not in table.column_names
    monthly = [
        e
        for e in acts(everything).values()
        if e.action in ("expel_diplomats", "recall_ambassador") and e.actor_type == "state" and e.target_type == "state"
    ]
    kept = [e for e in monthly if e.date_precision in ("day", "month")]
    assert sum(table.column("n_events").to_pylist()) == len(kept)
    left_out = len(monthly) - len(kept)
    if left_out:
        assert f"{left_out} state-to-state events" in caplog.text
    else:
        assert "left out" not in caplog.text


def test_dyad_counts_rejects_an_unknown_frequency() -> None:
    with pytest.raises(QueryError, match="use 'year' or 'month'"):
        query.dyad_counts("week", store=duckdb.connect())  # type: ignore[arg-type]


# ---------------------------------------------------------------- raw SQL and errors


def test_sql_reads_the_views(seed_store: object) -> None:
    t = query.sql(
        "SELECT e.action, a.cameo, c.cow_code FROM events e JOIN actions a USING (action) "
        "JOIN countries c ON c.iso3 = e.actor WHERE e.actor = $actor ORDER BY 1",
        {"actor": "ALB"},
        store=seed_store,
    )
    assert isinstance(t, pa.Table)
    assert ("sever_ties", "161", 339) in set(zip(*[t.column(i).to_pylist() for i in range(3)], strict=True))


@pytest.mark.parametrize(
    "statement",
    [
        "DROP VIEW events",
        "CREATE TABLE x AS SELECT 1",
        "COPY (SELECT 1) TO 'out.csv'",
        "INSERT INTO events SELECT * FROM events",
        "ATTACH 'other.duckdb'",
        "SELECT 1; SELECT 2",
        "",
    ],
)
def test_sql_refuses_anything_but_one_read_query(seed_store: object, statement: str) -> None:
    with pytest.raises(QueryError):
        query.sql(statement, store=seed_store)


def test_errors_name_the_value_and_suggest() -> None:
    with pytest.raises(UnknownCountryError) as info:
        query.supporters("Albanie", store=duckdb.connect())
    assert "Albania" in " ".join(info.value.suggestions) + str(info.value)
    with pytest.raises(UnknownActionError, match="sever_ties"):
        query.find_events(action="sever_tie", store=duckdb.connect())
    with pytest.raises(QueryError, match="since='last year'"):
        query.find_events(since="last year", store=duckdb.connect())
    with pytest.raises(QueryError, match="window_days"):
        query.reactions("ALB", "sever_ties", "IRN", "2022-09-07", window_days=-1, store=duckdb.connect())
    with pytest.raises(QueryError, match="is before"):
        query.find_events(since="2023", until="2022", store=duckdb.connect())


def test_undated_support_counts_as_a_reaction_when_reported_with_the_act(seeds: list[Event], tmp_path: Path) -> None:
    """Seed 000 carries no date, so a parser leaves its events undated (date unknown); the
    UK's support is only in that article. Reported in the same document as the break, it is
    still read as a reaction to it; with no break reported there, it would not be."""
    undated = [
        Event.from_dict({**e.model_dump(), "date": None, "date_precision": "unknown", "event_id": ""})
        if e.doc_id.startswith("000_")
        else e
        for e in seeds
    ]
    store = build_store(undated, tmp_path / "store")
    backed = query.supporters("Albania", of_action="sever_ties", of_target="Iran", store=store)
    assert sorted(backed.column("actor").to_pylist()) == ["GBR", "USA"]
    without_act = [e for e in undated if not (e.doc_id.startswith("000_") and e.action == "sever_ties")]
    store2 = build_store(without_act, tmp_path / "store2")
    backed2 = query.supporters("Albania", of_action="sever_ties", of_target="Iran", store=store2)
    assert backed2.column("actor").to_pylist() == ["USA"]
