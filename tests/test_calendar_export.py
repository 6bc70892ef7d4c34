"""`coffee-chats export chats --format ics`: upcoming chats, UTC, stable UIDs, read-only."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import icalendar

from desktop.__main__ import main
from desktop.domain import records as r
from desktop.domain.enums import ChatStatus
from desktop.services import chats, contacts, open_store, today


def _fill(db_path):
    soon = (datetime.now() + timedelta(days=2)).replace(microsecond=0, second=0)
    with open_store(db_path) as store:
        ann = contacts.save(store, r.Contact(first_name="Ann", last_name="Łukasz"))
        upcoming = chats.create(store, ann.id, status=ChatStatus.SCHEDULED, scheduled_at=soon,
                                minutes=45, place="Café Nero")
        chats.create(store, ann.id, status=ChatStatus.HELD,
                     scheduled_at=soon - timedelta(days=10))
        chats.create(store, ann.id, status=ChatStatus.IDEA)
        cancelled = chats.create(store, ann.id, status=ChatStatus.CANCELLED,
                                 scheduled_at=soon + timedelta(days=1))
        store.db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        return soon, upcoming, cancelled


def _events(path):
    cal = icalendar.Calendar.from_ical(path.read_bytes())
    assert str(cal["METHOD"]) == "PUBLISH"
    assert "PRODID" in cal
    return {str(e["UID"]): e for e in cal.walk("VEVENT")}


def test_export_ics_writes_upcoming_chats_in_utc_with_stable_uids(db_path, tmp_path, capsys):
    soon, upcoming, cancelled = _fill(db_path)
    before = db_path.read_bytes()
    out = tmp_path / "chats.ics"
    assert main(["export", "chats", "--format", "ics", "--out", str(out),
                 "--db", str(db_path)]) == 0
    assert "2 upcoming" in capsys.readouterr().out
    assert db_path.read_bytes() == before  # reading only
    events = _events(out)
    assert len(events) == 2
    event = next(e for e in events.values() if str(e["STATUS"]) == "CONFIRMED")
    start, end = event.decoded("DTSTART"), event.decoded("DTEND")
    assert start.tzinfo is not None and start.utcoffset() == timedelta(0)
    assert start == soon.astimezone(UTC)
    assert end - start == timedelta(minutes=45)
    assert event.decoded("DTSTAMP").utcoffset() == timedelta(0)
    assert "Ann" in str(event["SUMMARY"]) and str(event["LOCATION"]) == "Café Nero"
    assert b"DTSTART:" in out.read_bytes() and b"Z\r\n" in out.read_bytes()
    assert "CANCELLED" in {str(e["STATUS"]) for e in events.values()}

    # Exporting again after a change gives the same UIDs, so calendars update the event.
    with open_store(db_path) as store:
        chats.update(store, upcoming.id, scheduled_at=soon + timedelta(hours=1))
    again = tmp_path / "again.ics"
    assert main(["export", "chats", "--db", str(db_path), "--format", "ics",
                 "--out", str(again)]) == 0
    assert set(_events(again)) == set(events)


def test_export_contacts_as_ics_is_refused_with_one_line(db_path, tmp_path, capsys):
    assert main(["export", "contacts", "--format", "ics", "--out", str(tmp_path / "x.ics"),
                 "--db", str(db_path)]) == 2
    assert "calendar" in capsys.readouterr().err
    assert not (tmp_path / "x.ics").exists()


def test_calendar_chats_skips_past_held_and_undated(store):
    now = datetime(2025, 3, 12, 10)
    ann = contacts.save(store, r.Contact(first_name="Ann"))
    running = chats.create(store, ann.id, status=ChatStatus.IN_PROGRESS,
                           scheduled_at=now - timedelta(minutes=10))
    chats.create(store, ann.id, status=ChatStatus.SCHEDULED, scheduled_at=now - timedelta(days=1))
    chats.create(store, ann.id, status=ChatStatus.REQUESTED)
    assert [c.id for c in today.calendar_chats(store, now)] == [running.id]
