"""Throughput of the news-text parser, with a plain regex sentence split of the same text as baseline.

Two reproducible corpora of about SIZE_MB megabytes each, parsed as documents of article size
on one core:

* **realistic**: news-like documents where most sentences carry no event, as in real
  articles. Each document interleaves paragraphs of a seed article or a few of the parser's
  fixture sentences with generated background prose (economy, sport, weather, visits,
  history) that names countries, capitals, demonyms, dates and numbers but reports no
  diplomatic act. About one sentence in eight has an event.
* **event-dense**: seed articles (paragraphs shuffled) and runs of fixture sentences only;
  about one event every two sentences, the worst case for the coder.

Then, as they are, the real articles at hand: the three seeds and the news excerpts of
``../shared/devset`` (skipped with a message when that folder is absent). They are small
(under 0.1 MB), so their figures are rougher, and they are event-dense: each was chosen
because it reports diplomatic acts.

For each it prints MB/s, sentences/s, events, and the time of a plain ``re.split`` of the
same text, so the ratio can be compared across machines. The full parse is also given in
the process's CPU time (``time.process_time``), which leaves out time the process waited
for the core (it cannot leave out a virtual machine's stolen time).

    .venv/bin/python benchmarks/bench_parser.py [SIZE_MB] [REPEAT] [--compiled]

With ``--compiled`` it then builds the compiled parser (``DIPEVENTS_COMPILE=1``, see setup.py;
about a minute and a half the first time, reused while the package is unchanged) and measures it
on the same corpora in the same run, so the two builds can be compared.

With REPEAT > 1 the full parse runs REPEAT times and the best pass is printed too (the first
pass is the one reported above it; later passes find the parser's memos warm, as a long
ingest does); on a shared machine the best pass is the least disturbed one.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import random
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import dipevents.parsing.coder
from dipevents import countries
from dipevents.parsing import parse_text
from dipevents.parsing.sentences import split_sentences

REPO = Path(__file__).resolve().parents[1]

# Background prose: the kind of sentence that fills most of a news article and reports no
# diplomatic act. {C}/{C2} country names, {D} a demonym, {K} a capital, {N} a number,
# {M} a month, {W} a weekday, {Y} a year.
_PROSE = [
    "The economy of {C} grew by {N} percent in {Y}, according to figures published on {W}.",
    "Tourists from {C} visited {K} in record numbers last summer, the tourism board said.",
    "{D} farmers expect a smaller wheat harvest after a dry spring and a late frost in {M}.",
    "The national football team of {C} beat {C2} 2-1 in a friendly match on {W} evening.",
    "Heavy rain caused flooding in several districts of {K}, and schools were closed for {N} days.",
    "The central bank of {C} kept its benchmark interest rate unchanged at {N} percent.",
    "A new railway line between {K} and the coast is expected to open in {M} {Y}.",
    "{D} exports of machinery rose sharply in the first quarter, led by sales to {C2}.",
    "The festival, held every {M} since {Y}, drew artists from {C} and {C2}.",
    "Analysts said inflation in {C} was likely to ease later in the year as energy prices fell.",
    "The company said it would build a factory near {K} employing about {N}00 people.",
    "Thousands of people gathered in the main square of {K} to celebrate the national holiday.",
    "The museum in {K} reopened on {W} after a renovation that lasted {N} years.",
    "{D} scientists published a study on coastal erosion in the journal on {W}.",
    "The opposition party in {C} elected a new leader at its congress in {M}.",
    "The two companies, one {D} and one from {C2}, signed a supply contract worth {N} million dollars.",
    "Temperatures in {K} reached {N} degrees, the highest reading for {M} in a decade.",
    "The border crossing between {C} and {C2} handled more trucks than ever in {Y}.",
    "Students from {C} make up the largest group of foreign students at the university.",
    "The minister of health of {C} opened a new hospital wing in the north of the country.",
    "In {Y}, the population of {C} was estimated at {N} million people.",
    "The airline added weekly flights from {K} to three destinations in {C2}.",
    "Local elections in {C} will be held in {M}, the electoral commission announced.",
    "The river that flows through {K} rose above its banks for the first time since {Y}.",
    "A delegation of {D} business leaders toured a trade fair in {C2} on {W}.",
    "The price of bread in {K} has doubled since {Y}, residents said.",
    "Police in {K} said the fire at the warehouse was caused by an electrical fault.",
    "The {D} cycling team finished third in the stage that ended in the mountains.",
    "Officials expect the new port in {C} to handle {N} million tonnes of cargo a year.",
    "The report, based on interviews with {N}00 households, describes rising rents in {K}.",
]
_MONTHS = ["January", "March", "April", "June", "July", "September", "October", "December"]
_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def _prose(rng: random.Random, states: list[countries.Country]) -> str:
    a, b = rng.sample(states, 2)
    demonym = a.demonyms[0] if a.demonyms else a.name
    return (
        rng.choice(_PROSE)
        .replace("{C2}", b.name)
        .replace("{C}", a.name)
        .replace("{D}", demonym)
        .replace("{K}", a.capitals[0] if a.capitals else a.name)
        .replace("{N}", str(rng.randint(2, 95)))
        .replace("{M}", rng.choice(_MONTHS))
        .replace("{W}", rng.choice(_DAYS))
        .replace("{Y}", str(rng.randint(1990, 2023)))
    )


def _sources() -> tuple[list[str], list[str]]:
    seeds = [p.read_text("utf-8") for p in sorted((REPO / "seeds").glob("*.txt"))]
    phrasings = [
        json.loads(line)["text"]
        for line in (REPO / "fixtures" / "parser" / "phrasings.jsonl").read_text("utf-8").splitlines()
        if line.strip()
    ]
    return seeds, phrasings


def dense_corpus(size_mb: float, seed: int = 7) -> list[str]:
    """Seed articles (paragraphs shuffled) and runs of fixture sentences: event-dense."""
    rng = random.Random(seed)
    seeds, phrasings = _sources()
    docs: list[str] = []
    total = 0
    while total < size_mb * 1_000_000:
        if rng.random() < 0.6:
            paras = rng.choice(seeds).split("\n")
            rng.shuffle(paras)
            doc = "\n".join(paras)
        else:
            doc = " ".join(rng.choice(phrasings) for _ in range(rng.randint(5, 25)))
        docs.append(doc)
        total += len(doc)
    return docs


def realistic_corpus(size_mb: float, seed: int = 7) -> list[str]:
    """News-like documents: event paragraphs interleaved with background prose."""
    rng = random.Random(seed)
    seeds, phrasings = _sources()
    states = [c for c in countries.all_countries() if c.capitals]
    docs: list[str] = []
    total = 0
    while total < size_mb * 1_000_000:
        if rng.random() < 0.3:
            event_paras = [p for p in rng.choice(seeds).split("\n") if p.strip()]
            event_paras = rng.sample(event_paras, min(len(event_paras), rng.randint(2, 4)))
        else:
            event_paras = [" ".join(rng.choice(phrasings) for _ in range(rng.randint(1, 2)))]
        paras = [" ".join(_prose(rng, states) for _ in range(rng.randint(2, 5))) for _ in range(rng.randint(4, 9))]
        for p in event_paras:
            paras.insert(rng.randint(0, len(paras)), p)
        doc = "\n\n".join(paras)
        docs.append(doc)
        total += len(doc)
    return docs


def corpus(size_mb: float, seed: int = 7) -> list[str]:
    """The realistic corpus (kept under this name for scripts that import it)."""
    return realistic_corpus(size_mb, seed)


def measure(name: str, docs: list[str], repeat: int = 1) -> None:
    mb = sum(len(d) for d in docs) / 1_000_000

    t0 = time.perf_counter()
    n_plain = sum(len(re.split(r"(?<=[.!?])\s+", d)) for d in docs)
    plain = time.perf_counter() - t0

    t0 = time.perf_counter()
    n_sent = sum(len(split_sentences(d)) for d in docs)
    ours_split = time.perf_counter() - t0

    passes = []  # (wall, cpu) of each full pass over the corpus
    for _ in range(repeat):
        t0, c0 = time.perf_counter(), time.process_time()
        n_events = 0
        for i, d in enumerate(docs):
            n_events += len(parse_text(d, doc_id=f"b{i}", published=dt.date(2022, 9, 8)))
        passes.append((time.perf_counter() - t0, time.process_time() - c0))
    full, cpu = passes[0]

    print(f"== {name}: {len(docs):,} documents, {mb:.1f} MB, {n_sent:,} sentences, {n_events:,} events")
    print(f"plain regex split   : {plain:7.2f} s  {mb / plain:8.1f} MB/s  ({n_plain:,} pieces)")
    print(f"dipevents split     : {ours_split:7.2f} s  {mb / ours_split:8.1f} MB/s")
    print(f"parse_text (full)   : {full:7.2f} s  {mb / full:8.2f} MB/s  {n_sent / full:,.0f} sentences/s")
    print(f"  (CPU time)        : {cpu:7.2f} s  {mb / cpu:8.2f} MB/s  {n_sent / cpu:,.0f} sentences/s")
    if repeat > 1:
        best = min(w for w, _ in passes)
        print(f"  (best of {repeat} passes): {best:7.2f} s  {mb / best:8.2f} MB/s  {n_sent / best:,.0f} sentences/s")
    print(f"ratio full / plain split: {full / plain:.0f}x")


def main() -> None:
    args = [a for a in sys.argv[1:] if a != "--compiled"]
    size = float(args[0]) if args else 20.0
    repeat = int(args[1]) if len(args) > 1 else 1
    built = not dipevents.parsing.coder.__file__.endswith(".py")
    print(f"### parser: {'compiled' if built else 'pure Python'} ({dipevents.parsing.coder.__file__})")
    parse_text("Warm-up: Albania cut ties with Iran.")  # load tables outside the timing
    measure("realistic (most sentences carry no event)", realistic_corpus(size), repeat)
    measure("event-dense (seeds and fixtures only)", dense_corpus(size), repeat)
    real = [p.read_text("utf-8") for p in sorted((REPO / "seeds").glob("*.txt"))]
    devset = REPO.parent / "shared" / "devset" / "articles"
    if devset.is_dir():
        real += [p.read_text("utf-8") for p in sorted(devset.glob("*.txt"))]
        measure("real articles (seeds and ../shared/devset, as they are)", real, max(repeat, 5))
    else:
        print(f"== real articles: {devset} not found; the seeds alone:")
        measure("real articles (seeds, as they are)", real, max(repeat, 5))
    if "--compiled" in sys.argv[1:] and not built:
        sys.path.insert(0, str(REPO / "_build"))
        from compiled import build_compiled

        folder = build_compiled(REPO)
        with tempfile.TemporaryDirectory() as tmp:  # (-P and another working folder: only the build is found)
            env = {**os.environ, "PYTHONPATH": str(folder)}
            subprocess.run([sys.executable, "-P", str(Path(__file__).resolve()), *args], cwd=tmp, env=env, check=True)


if __name__ == "__main__":
    main()
