"""Full-text search over contacts, companies, notes and chats (the FTS5 index of migration 3).

Triggers queue what changed; `search` first brings the index up to date (`sync`), so what
was written a moment ago, by any code or raw SQL, is found.

The user's text is never handed to FTS5 as query syntax: each word becomes a quoted phrase
with a prefix star, so `o'brien (pm)*` or a lone `"` cannot raise, and results narrow as
the user types.
"""

from __future__ import annotations

import re
from collections import defaultdict

from desktop.db import Store
from desktop.db.migration_003_search import (
    BACKFILL,
    KIND_CHAT,
    KIND_COMPANY,
    KIND_CONTACT,
    KIND_NOTE,
    SYNC,
)
from desktop.domain import records as r

KIND_NAMES = {
    KIND_CONTACT: "contact",
    KIND_COMPANY: "company",
    KIND_NOTE: "note",
    KIND_CHAT: "chat",
}
# A word must hold a letter or digit to become a phrase; "(" or "--" alone add nothing.
_WORDY = re.compile(r"\w", re.UNICODE)
_CONTROLS = re.compile(r"[\x00-\x1f\x7f]")
SNIPPET_TOKENS = 12


def match_expression(text: str) -> str:
    """The FTS5 MATCH expression for what the user typed; "" when there is nothing to find."""
    phrases = []
    # A NUL ends SQLite's copy of the string early ("unterminated string"); drop controls.
    cleaned = _CONTROLS.sub(" ", text or "")
    for word in cleaned.split():
        if not _WORDY.search(word):
            continue
        # Inside a quoted FTS5 string only `"` is special, and doubling it escapes it.
        phrases.append('"' + word.replace('"', '""') + '"*')
    return " ".join(phrases)


_SELECT = "SELECT rowid, name, snippet(search_index, 1, '', '', '…', ?) FROM search_index "


def search(store: Store, text: str, limit: int = 50) -> list[r.SearchHit]:
    """The best `limit` hits for `text`: names that match (best first), then people that
    match in other fields, then notes and chats (newest first)."""
    expression = match_expression(text)
    if not expression:
        return []
    sync(store)
    # Ranking every match costs time in proportion to the matches: a common word in 12,000
    # notes took 20-50 ms. So only matches in names (people and companies: few) are ranked;
    # then come people matched in their other fields, then notes and chats, each newest
    # first — rowid order, which FTS5 serves without sorting and stops reading at the limit.
    found: list[tuple] = []
    seen: set[int] = set()
    for query, order in (
        (f"name : ({expression})", "bm25(search_index, 10.0, 1.0, 0.0)"),
        (f"kind : (contact OR company) AND {{name body}} : ({expression})", "rowid DESC"),
        (f"{{name body}} : ({expression})", "rowid DESC"),
    ):
        if len(found) >= limit:
            break
        rows = store.sql(
            _SELECT + f"WHERE search_index MATCH ? ORDER BY {order} LIMIT ?",
            (SNIPPET_TOKENS, query, limit + len(seen)),
        )
        for row in rows:
            if row[0] not in seen and len(found) < limit:
                seen.add(row[0])
                found.append(row)
    by_kind: dict[int, list[int]] = defaultdict(list)
    for rowid, _name, _snippet in found:
        by_kind[rowid % 4].append(rowid // 4)
    context = _context(store, by_kind)
    hits = []
    for rowid, name, snippet in found:
        kind, ident = rowid % 4, rowid // 4
        title, contact_id, chat_id = context.get((kind, ident), (name, None, None))
        hits.append(
            r.SearchHit(
                kind=KIND_NAMES[kind],
                id=ident,
                title=title or name or "(no name)",
                snippet=" ".join(snippet.split()),
                contact_id=contact_id,
                chat_id=chat_id,
            )
        )
    return hits


def _marks(ids: list[int]) -> str:
    return ",".join("?" * len(ids))


def _context(store: Store, by_kind: dict[int, list[int]]) -> dict:
    """(kind, id) -> (title, contact_id, chat_id) for the hits, a few queries in all."""
    out: dict[tuple[int, int], tuple[str, int | None, int | None]] = {}
    name = "trim(c.first_name || ' ' || c.last_name)"
    if ids := by_kind.get(KIND_CONTACT):
        sql = (
            f"SELECT c.id, {name}, co.name FROM contact c "
            f"LEFT JOIN company co ON co.id = c.company_id WHERE c.id IN ({_marks(ids)})"
        )
        for cid, person, company in store.sql(sql, ids):
            out[(KIND_CONTACT, cid)] = (person or company or "", cid, None)
    if ids := by_kind.get(KIND_COMPANY):
        sql = f"SELECT id, name FROM company WHERE id IN ({_marks(ids)})"
        for cid, company in store.sql(sql, ids):
            out[(KIND_COMPANY, cid)] = (company, None, None)
    if ids := by_kind.get(KIND_NOTE):
        sql = (
            f"SELECT n.id, ch.id, c.id, {name}, n.at FROM note n JOIN chat ch ON ch.id = n.chat_id "
            f"JOIN contact c ON c.id = ch.contact_id WHERE n.id IN ({_marks(ids)})"
        )
        for nid, chat_id, cid, person, at in store.sql(sql, ids):
            when = str(at or "")[:10]
            out[(KIND_NOTE, nid)] = (f"{person} · {when}".strip(" ·"), cid, chat_id)
    if ids := by_kind.get(KIND_CHAT):
        sql = (
            f"SELECT ch.id, c.id, {name}, ch.scheduled_at FROM chat ch "
            f"JOIN contact c ON c.id = ch.contact_id WHERE ch.id IN ({_marks(ids)})"
        )
        for chat_id, cid, person, when in store.sql(sql, ids):
            out[(KIND_CHAT, chat_id)] = (
                f"{person} · {str(when or '')[:10]}".strip(" ·"),
                cid,
                chat_id,
            )
    return out


def pending(store: Store) -> int:
    """How many documents changed since the index was last brought up to date."""
    return store.sql("SELECT count(*) FROM search_pending").fetchone()[0]


def sync(store: Store) -> int:
    """Re-indexes the documents the triggers queued; returns how many. Cheap when none."""
    waiting = store.sql("SELECT EXISTS (SELECT 1 FROM search_pending)").fetchone()[0]
    if not waiting:
        return 0
    with store.atomic():
        count = pending(store)
        for statement in SYNC:
            store.sql(statement)
    return count


def rebuild(store: Store) -> None:
    """Rebuilds the whole index from the tables (a repair tool; triggers keep it in step)."""
    with store.atomic():
        store.sql("DELETE FROM search_index")
        store.sql("DELETE FROM search_pending")
        for statement in BACKFILL:
            store.sql(statement)
