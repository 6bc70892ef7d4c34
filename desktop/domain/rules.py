"""Rules of the domain: duplicate keys and derived dates. Pure functions, easy to test."""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime, timedelta

THANK_YOU_HOURS = 24
CHECK_IN_DAYS = 28
NUDGE_DAYS = 7
DEFAULT_MINUTES = 30

_COMPANY_SUFFIXES = re.compile(
    r"[,\s]+(inc|inc\.|llc|l\.l\.c\.|ltd|ltd\.|gmbh|ag|sa|s\.a\.|plc|co|co\.|corp|corp\.|"
    r"corporation|limited|bv|b\.v\.|srl|sas|oy|ab|as|kk|pty)$",
    re.IGNORECASE,
)


def fold(text: str) -> str:
    """Lower case, accents removed, runs of space squeezed: for matching, never for display."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(stripped.casefold().replace("ł", "l").split())


def email_key(email: str) -> str:
    return (email or "").strip().lower()


def linkedin_key(url: str) -> str:
    """A LinkedIn profile URL reduced to compare equal however it was written."""
    text = (url or "").strip().lower()
    if not text:
        return ""
    text = re.sub(r"^https?://", "", text)
    text = re.sub(r"^(www\.|[a-z]{2}\.)linkedin\.com", "linkedin.com", text)
    text = text.split("?")[0].split("#")[0].rstrip("/")
    return "https://" + text


def company_key(name: str) -> str:
    """A company name reduced so "Google", "google" and "Google LLC" match."""
    base = fold(name)
    previous = None
    while previous != base:
        previous = base
        base = _COMPANY_SUFFIXES.sub("", base).strip(" ,.")
    return base


def name_company_key(first: str, last: str, company: str) -> str:
    name = fold(f"{first} {last}")
    if not name:
        return ""
    return f"{name}|{company_key(company)}"


def thank_you_due(ended_at: datetime, hours: int = THANK_YOU_HOURS) -> datetime:
    return ended_at + timedelta(hours=hours)


def next_keep_in_touch(last_contact: date | None, cadence_days: int | None) -> date | None:
    if last_contact is None or not cadence_days:
        return None
    return last_contact + timedelta(days=cadence_days)


def is_overdue(due: date | datetime | None, now: datetime) -> bool:
    if due is None:
        return False
    if isinstance(due, datetime):
        return due < now
    return due < now.date()
