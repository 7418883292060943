"""Deterministic synthetic event rows for the store's tests and benchmark.

Rows follow the ``Event`` Arrow schema. Several rows report the same act (same actor,
action, target and date) from different documents, some acts are reported at month
precision beside a day-precision report of the same month (date refinement), and a few
at unknown date, so dedup, merging and refinement are all exercised.
"""

from __future__ import annotations

import datetime as dt
import random

import pyarrow as pa

STATES = [
    "ALB",
    "IRN",
    "USA",
    "GBR",
    "ISR",
    "RUS",
    "CHN",
    "SAU",
    "QAT",
    "ARE",
    "TWN",
    "FRA",
    "DEU",
    "POL",
    "UKR",
    "TUR",
    "EGY",
    "IND",
    "PAK",
    "JPN",
    "KOR",
    "PRK",
    "BRA",
    "ARG",
    "MEX",
    "CAN",
    "AUS",
    "NZL",
    "ZAF",
    "NGA",
    "KEN",
    "ETH",
    "SYR",
    "IRQ",
    "JOR",
    "LBN",
    "YEM",
    "OMN",
    "KWT",
    "BHR",
    "MAR",
    "DZA",
    "TUN",
    "LBY",
    "SDN",
    "VEN",
    "COL",
    "CUB",
    "NIC",
    "BLR",
]
ACTIONS = [
    "sever_ties",
    "downgrade_ties",
    "recall_ambassador",
    "expel_diplomats",
    "close_mission",
    "summon_envoy",
    "impose_sanctions",
    "cyberattack_accusation",
    "accuse",
    "condemn",
    "deny",
    "demand",
    "threaten",
    "support",
    "restore_ties",
    "recognize",
]
PUBLISHERS = ["Reuters", "AP", "AFP", "BBC", "Al Jazeera", "Press TV", None]


def synthetic_events(n: int, *, seed: int = 0, reports_per_act: float = 2.0, years: int = 24) -> pa.Table:
    """``n`` rows reporting about ``n / reports_per_act`` distinct acts in ``years`` years from 2000."""
    rnd = random.Random(seed)
    n_acts = max(1, int(n / reports_per_act))
    start = dt.date(2000, 1, 1).toordinal()
    acts = []
    for _ in range(n_acts):
        actor, target = rnd.sample(STATES, 2)
        day = dt.date.fromordinal(start + rnd.randrange(years * 365))
        acts.append((actor, target, rnd.choice(ACTIONS), day))
    cols: dict[str, list] = {
        k: []
        for k in (
            "actor",
            "actor_type",
            "target",
            "target_type",
            "action",
            "date",
            "date_precision",
            "doc_id",
            "url",
            "publisher",
            "published",
            "sentence",
            "sentence_start",
            "sentence_end",
            "rule",
            "salience",
        )
    }
    for i in range(n):
        actor, target, action, day = acts[rnd.randrange(n_acts)]
        roll = rnd.random()
        if roll < 0.08:
            date, precision = day.replace(day=1), "month"
        elif roll < 0.1:
            date, precision = None, "unknown"
        else:
            date, precision = day, "day"
        doc = f"doc-{i // 3}"
        start_at = (i % 3) * 120
        sentence = f"{actor} acted ({action}) toward {target}."
        cols["actor"].append(actor)
        cols["actor_type"].append("state")
        cols["target"].append(target)
        cols["target_type"].append("state")
        cols["action"].append(action)
        cols["date"].append(date)
        cols["date_precision"].append(precision)
        cols["doc_id"].append(doc)
        cols["url"].append(f"https://news.example/{doc}")
        cols["publisher"].append(PUBLISHERS[(i // 3) % len(PUBLISHERS)])
        cols["published"].append(day + dt.timedelta(days=rnd.randrange(5)))
        cols["sentence"].append(sentence)
        cols["sentence_start"].append(start_at)
        cols["sentence_end"].append(start_at + len(sentence))
        cols["rule"].append("synthetic")
        cols["salience"].append("main" if rnd.random() < 0.9 else "background")
    types = {"date": pa.date32(), "published": pa.date32(), "sentence_start": pa.int64(), "sentence_end": pa.int64()}
    return pa.table({k: pa.array(v, types.get(k, pa.string())) for k, v in cols.items()})


def store_content(store) -> tuple[list[tuple], list[tuple], list[tuple]]:
    """Sorted rows of events, mentions and refinements: what two stores must agree on."""
    out = []
    for table in ("events", "mentions", "refinements"):
        rows = store.sql(f"SELECT * FROM {table}").to_pylist()
        out.append(sorted((tuple(sorted(r.items())) for r in rows), key=repr))
    return out[0], out[1], out[2]
