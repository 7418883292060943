"""Throughput of the news-text parser, with a plain regex sentence split of the same text as baseline.

Builds a corpus of about SIZE_MB megabytes from the seed articles and the parser's fixture
sentences (shuffled, reproducibly), parses it as documents of article size on one core,
and prints MB/s, sentences/s, and the time of a plain ``re.split`` of the same text, so the
ratio can be compared across machines.

    .venv/bin/python benchmarks/bench_parser.py [SIZE_MB]
"""

from __future__ import annotations

import datetime as dt
import json
import random
import re
import sys
import time
from pathlib import Path

from dipevents.parsing import parse_text
from dipevents.parsing.sentences import split_sentences

REPO = Path(__file__).resolve().parents[1]


def corpus(size_mb: float, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    seeds = [p.read_text("utf-8") for p in sorted((REPO / "seeds").glob("*.txt"))]
    phrasings = [
        json.loads(line)["text"]
        for line in (REPO / "fixtures" / "parser" / "phrasings.jsonl").read_text("utf-8").splitlines()
    ]
    docs: list[str] = []
    total = 0
    while total < size_mb * 1_000_000:
        if rng.random() < 0.6:
            # A seed article with its paragraphs shuffled.
            paras = rng.choice(seeds).split("\n")
            rng.shuffle(paras)
            doc = "\n".join(paras)
        else:
            doc = " ".join(rng.choice(phrasings) for _ in range(rng.randint(5, 25)))
        docs.append(doc)
        total += len(doc)
    return docs


def main() -> None:
    size = float(sys.argv[1]) if len(sys.argv) > 1 else 20.0
    docs = corpus(size)
    chars = sum(len(d) for d in docs)
    mb = chars / 1_000_000
    parse_text("Warm-up: Albania cut ties with Iran.")  # load tables outside the timing

    t0 = time.perf_counter()
    n_plain = sum(len(re.split(r"(?<=[.!?])\s+", d)) for d in docs)
    plain = time.perf_counter() - t0

    t0 = time.perf_counter()
    n_sent = sum(len(split_sentences(d)) for d in docs)
    ours_split = time.perf_counter() - t0

    t0 = time.perf_counter()
    n_events = 0
    for i, d in enumerate(docs):
        n_events += len(parse_text(d, doc_id=f"b{i}", published=dt.date(2022, 9, 8)))
    full = time.perf_counter() - t0

    print(f"corpus: {len(docs):,} documents, {mb:.1f} MB, {n_sent:,} sentences, {n_events:,} events")
    print(f"plain regex split   : {plain:7.2f} s  {mb / plain:8.1f} MB/s  ({n_plain:,} pieces)")
    print(f"dipevents split     : {ours_split:7.2f} s  {mb / ours_split:8.1f} MB/s")
    print(f"parse_text (full)   : {full:7.2f} s  {mb / full:8.2f} MB/s  {n_sent / full:,.0f} sentences/s")
    print(f"ratio full / plain split: {full / plain:.0f}x")


if __name__ == "__main__":
    main()
