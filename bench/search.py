"""Benchmark: full-text search over 10,000 contacts and 20,000 notes.

Run: `python bench/search.py [CONTACTS] [NOTES]` (default 10,000 and 20,000). Builds the
data with raw `executemany` (bench/contacts_data.py; the search index's triggers queue every
row), times the first search (which brings the index up to date), then the median of
`services.search.search` over typed prefixes, whole words, two-word queries and text full
of FTS syntax. Goal (issue 3): ≤ 20 ms a search.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from contacts_data import make_database  # noqa: E402

from desktop.services import open_store, search  # noqa: E402

QUERIES = [
    # as typed, letter by letter
    "k",
    "ko",
    "kow",
    "kowa",
    "kowalski",
    "p",
    "pr",
    "pri",
    "pricing",
    "gl",
    "glob",
    "globex",
    # words, two words, e-mails, accents, syntax
    "lisbon",
    "hiring remote",
    "product manager",
    "zoë",
    "zoe",
    "nguyen",
    "ann@",
    "berlin salary",
    '"quoted',
    "(paren",
    "a*",
    "NEAR(x y)",
    "OR",
    "-- --",
    "mentor design",
]


def main(contacts: int = 10_000, notes: int = 20_000) -> None:
    path = Path(f"/tmp/bench-search-{contacts}-{notes}.sqlite")
    began = time.perf_counter()
    make_database(path, contacts, notes=notes)
    print(
        f"data: {contacts} contacts, {notes} notes written in {time.perf_counter() - began:.2f} s"
    )
    store = open_store(path)
    began = time.perf_counter()
    queued = search.sync(store)
    took = 1000 * (time.perf_counter() - began)
    print(f"index: {queued} queued documents indexed in {took:.0f} ms "
          "(once, at the first search after the bulk write)")
    timings = {}
    for _round in range(5):
        for query in QUERIES:
            start = time.perf_counter()
            hits = search.search(store, query)
            timings.setdefault(query, []).append(time.perf_counter() - start)
            assert isinstance(hits, list)
    medians = {q: statistics.median(t) * 1000 for q, t in timings.items()}
    every = [t * 1000 for ts in timings.values() for t in ts]
    print(
        f"search: {len(every)} searches, median {statistics.median(every):.2f} ms, "
        f"p90 {sorted(every)[int(len(every) * 0.9)]:.2f} ms, max {max(every):.2f} ms"
    )
    slowest = sorted(medians.items(), key=lambda item: -item[1])[:5]
    print("slowest queries (median ms): " + ", ".join(f"{q!r} {ms:.2f}" for q, ms in slowest))
    store.close()


if __name__ == "__main__":
    args = [int(a) for a in sys.argv[1:3]]
    main(*args)
