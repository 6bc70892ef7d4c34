"""Counts for the navigation badges and summary figures."""

from __future__ import annotations

from desktop.db import Store
from desktop.domain.records import Counts


def counts(store: Store) -> Counts:
    one = lambda sql: store.sql(sql).fetchone()[0]  # noqa: E731
    by_status = dict(store.sql("SELECT status, count(*) FROM chat GROUP BY status"))
    return Counts(
        contacts=one("SELECT count(*) FROM contact WHERE archived = 0"),
        companies=one("SELECT count(*) FROM company"),
        chats=one("SELECT count(*) FROM chat"),
        questions=one("SELECT count(*) FROM question WHERE archived = 0"),
        notes=one("SELECT count(*) FROM note"),
        insights=one("SELECT count(*) FROM insight"),
        follow_ups=one("SELECT count(*) FROM follow_up WHERE done_at IS NULL"),
        by_status=by_status,
    )
