"""What the question sheet says, worked out from a chat: plain text, no layout, no ReportLab.

Dates are written with fixed English names (not strftime, which follows the process locale
that Qt changes) so a sheet reads the same wherever it is printed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta

from desktop.domain.enums import Medium
from desktop.domain.records import ChatDetail
from desktop.domain.rules import thank_you_due

MAX_RESEARCH_BULLETS = 5
_DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_LONG_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_BULLET = re.compile(r"^\s*(?:[-*•·–—]|\d+[.)])\s+")
_SENTENCE_END = re.compile(r"(?<=[.!?。！？])\s+")

LABELS = {
    "kicker": "Coffee chat",
    "when": "Date",
    "time": "Time",
    "minutes": "Length",
    "where": "Where",
    "goal": "My goal",
    "pitch": "My pitch",
    "research": "Research",
    "questions": "Questions",
    "notes": "Notes",
    "thank_you": "Send a thank-you by",
    "thank_you_soon": "Send a thank-you within 24 hours of the chat",
    "more": "+{n} more questions not shown",
    "more_one": "+1 more question not shown",
    "not_set": "not set yet",
    "minutes_value": "{n} min",
    "footer": "Coffee Chats",
}


def long_date(moment: datetime) -> str:
    return f"{_LONG_DAYS[moment.weekday()]} {moment.day} {_MONTHS[moment.month - 1]} {moment.year}"


def short_date_time(moment: datetime) -> str:
    return f"{_DAYS[moment.weekday()]} {moment.day} {_MONTHS[moment.month - 1]}, {moment:%H:%M}"


@dataclass(frozen=True, slots=True)
class SheetContent:
    """Every piece of text on the sheet, still raw (escaping happens at layout)."""

    name: str
    subtitle: str  # role · company
    date: str
    time: str
    minutes: str
    where: str
    goal: str
    pitch: str
    research: tuple[str, ...]
    questions: tuple[str, ...]
    thank_you: str
    title: str  # the PDF's document title


def research_bullets(*texts: str, limit: int = MAX_RESEARCH_BULLETS) -> tuple[str, ...]:
    """A few bullets from free research text: its lines, or its sentences when one line."""
    bullets: list[str] = []
    for text in texts:
        lines = [_BULLET.sub("", line).strip() for line in (text or "").splitlines()]
        lines = [line for line in lines if line]
        if len(lines) == 1:
            lines = [s.strip() for s in _SENTENCE_END.split(lines[0]) if s.strip()]
        for line in lines:
            if line not in bullets:
                bullets.append(line)
    return tuple(bullets[:limit])


def _later(compute) -> datetime | None:
    """`compute()`, a time later than one given, or None past the calendar's end (9999)."""
    try:
        return compute()
    except OverflowError:
        return None


def sheet_content(detail: ChatDetail, labels: dict[str, str] | None = None) -> SheetContent:
    words = {**LABELS, **(labels or {})}
    chat, contact = detail.chat, detail.contact
    company = contact.company or (detail.company.name if detail.company else "")
    name = contact.full_name or chat.contact_name or company or "(no name)"
    subtitle = " · ".join(part for part in (contact.role.strip(), company.strip()) if part)

    start = chat.scheduled_at
    if start is not None:
        end = _later(lambda: start + timedelta(minutes=chat.minutes or 0))
        date_text = long_date(start)
        time_text = f"{start:%H:%M} – {end:%H:%M}" if end else f"{start:%H:%M}"
    else:
        end = None
        date_text = time_text = words["not_set"]
    if chat.time_zone and start is not None:
        time_text += f" ({chat.time_zone})"
    medium = chat.medium.label if isinstance(chat.medium, Medium) else str(chat.medium)
    where = " · ".join(part for part in (medium, chat.place.strip()) if part)

    if chat.thank_you_due is not None:
        thank_you = f"{words['thank_you']} {short_date_time(chat.thank_you_due)}"
    elif end is not None and (due := _later(lambda: thank_you_due(end))) is not None:
        thank_you = f"{words['thank_you']} {short_date_time(due)}"
    else:
        thank_you = words["thank_you_soon"]

    ordered = sorted(detail.questions, key=lambda q: (q.position, q.id or 0))
    return SheetContent(
        name=name,
        subtitle=subtitle,
        date=date_text,
        time=time_text,
        minutes=words["minutes_value"].format(n=chat.minutes) if chat.minutes else "",
        where=where,
        goal=chat.goal.strip(),
        pitch=chat.pitch.strip(),
        research=research_bullets(chat.research, contact.research),
        questions=tuple(q.text for q in ordered),
        thank_you=thank_you,
        title=f"Question sheet: {name}",
    )
