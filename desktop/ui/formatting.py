"""How dates, times and spans read in the window: short, in the user's locale, translated.

`relative_day` and `hours_left` give the quick phrases of lists ("tomorrow", "3 days late",
"5 h left"); the absolute forms use QLocale so month names follow the user's language.
"""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QCoreApplication, QDate, QLocale, QTime


def _tr(text: str, n: int = -1) -> str:
    return QCoreApplication.translate("formatting", text, None, n)


def date_text(value: date | None, *, with_year: bool = True) -> str:
    if value is None:
        return ""
    fmt = "d MMM yyyy" if with_year else "ddd d MMM"
    return QLocale().toString(QDate(value.year, value.month, value.day), fmt)


def time_text(value: datetime) -> str:
    return QLocale().toString(QTime(value.hour, value.minute),
                              QLocale.FormatType.ShortFormat)


def datetime_text(value: datetime | None, *, today: date | None = None) -> str:
    """"Today 14:30", "Tomorrow 9:00", "Thu 6 Jun 14:30", or with the year when not this year."""
    if value is None:
        return ""
    today = today or date.today()
    days = (value.date() - today).days
    if days == 0:
        day = _tr("Today")
    elif days == 1:
        day = _tr("Tomorrow")
    elif days == -1:
        day = _tr("Yesterday")
    else:
        day = date_text(value.date(), with_year=value.year != today.year)
    return f"{day} {time_text(value)}"


def relative_day(value: date | None, today: date | None = None) -> str:
    """"today", "tomorrow", "in 3 days", "yesterday", "5 days late"."""
    if value is None:
        return ""
    today = today or date.today()
    days = (value - today).days
    if days == 0:
        return _tr("today")
    if days == 1:
        return _tr("tomorrow")
    if days == -1:
        return _tr("yesterday")
    if days > 1:
        return _tr("in %n days", days)
    return _tr("%n days late", -days)


def hours_left(due: datetime | None, now: datetime | None = None) -> str:
    """"5 h left", "40 min left", "3 h late", "2 days late" (for thank-yous)."""
    if due is None:
        return ""
    now = now or datetime.now()
    seconds = (due - now).total_seconds()
    late = seconds < 0
    minutes = int(abs(seconds) // 60)
    if minutes < 60:
        return _tr("%n min late", minutes) if late else _tr("%n min left", minutes)
    hours = minutes // 60
    if hours < 48:
        return _tr("%n h late", hours) if late else _tr("%n h left", hours)
    days = hours // 24
    return _tr("%n days late", days) if late else _tr("%n days left", days)
