"""LinkedIn's Connections.csv (from "Get a copy of your data").

The header is preceded by a "Notes:" preamble whose length has changed over the years, so
it is found by its cells. Columns are found by name: older exports lack URL, Position and
Connected On. `Connected On` ("7 Feb 2022") is read with a fixed English month table,
because in the app the process runs in the user's locale, where `%b` does not know "Feb".
Values are kept exactly as written, including ones starting with "=" or "@".
"""

from __future__ import annotations

import operator
import re
from datetime import date
from functools import lru_cache

from desktop.domain.enums import Source
from desktop.domain.records import Contact, Labelled
from desktop.errors import UserError
from desktop.io import csvtable
from desktop.io.parsed import (
    LINKEDIN,
    NO_IDENTITY,
    ParsedContact,
    ParsedFile,
    Rejected,
    clean,
    has_identity,
)

MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}

FIRST = ("first name",)
LAST = ("last name",)
URL = ("url", "profile url", "linkedin url")
EMAIL = ("email address", "e-mail address", "email")
COMPANY = ("company",)
POSITION = ("position", "title")
CONNECTED = ("connected on",)

# Cells of the other CSV formats: their presence means the header is not LinkedIn's.
_FOREIGN = {"e-mail address", "job title", "labels", "group membership", "given name",
            "organization name", "categories", "middle name", "e-mail 1 - value"}


def header_score(cells: list[str]) -> int:
    """How much a record looks like the Connections.csv header (0: not at all)."""
    names = set(cells)
    if not ({"first name", "last name"} <= names) or names & _FOREIGN:
        return 0
    score = 2
    score += 3 * bool(names & set(CONNECTED))
    score += 2 * bool(names & set(URL))
    score += 2 * bool(names & set(EMAIL))
    score += 2 * bool(names & set(POSITION))
    score += 1 * bool(names & set(COMPANY))
    return score if score > 2 else 0


def parse(text: str, name: str = "the file") -> ParsedFile:
    """Reads a Connections.csv; raises UserError when no LinkedIn header is found."""
    table = csvtable.find_table(text, header_score)
    if table is None:
        raise UserError(
            f"{name} does not look like a LinkedIn Connections.csv: no header row with "
            "First Name, Last Name and Company (or URL, Email Address) was found."
        )
    # One C-level getter per row; a column the export lacks reads the "" appended last.
    columns = [table.index(*names) for names in (FIRST, LAST, URL, EMAIL, COMPANY, POSITION,
                                                 CONNECTED)]
    getter = operator.itemgetter(*(-1 if i is None else i for i in columns))
    contacts: list[ParsedContact] = []
    rejected: list[Rejected] = []
    for line, cells, problem in table.rows(name):
        if cells is None:
            rejected.append(Rejected(line, problem))
            continue
        cells.append("")
        first, last, url, email, company, position, connected = getter(cells)
        email = clean(email)
        contact = Contact(
            first_name=clean(first),
            last_name=clean(last),
            linkedin_url=clean(url),
            emails=(Labelled(email),) if email else (),
            company=" ".join(company.split()),
            role=clean(position),
            connected_on=parse_connected_on(connected),
            source=Source.LINKEDIN,
        )
        if not has_identity(contact):
            rejected.append(Rejected(line, NO_IDENTITY))
            continue
        contacts.append(ParsedContact(contact, line))
    return ParsedFile(LINKEDIN, contacts, rejected)


_DAY_MONTH_YEAR = re.compile(r"(\d{1,2})[\s.\-/]*([A-Za-z]{3,})\.?,?[\s.\-/]*(\d{4}|\d{2})")
_MONTH_DAY_YEAR = re.compile(r"([A-Za-z]{3,})\.?\s*(\d{1,2}),?\s+(\d{4}|\d{2})")
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_NUMERIC = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4}|\d{2})")


@lru_cache(maxsize=8192)  # a connections file repeats its dates many times
def parse_connected_on(text: str) -> date | None:
    """"7 Feb 2022", "15 Mar 2024", "Feb 7, 2022", "2022-02-07" or "2/7/22"; None if not.

    Uses MONTHS, never `strptime("%b")`, which follows the process locale.
    """
    text = (text or "").strip()
    if not text:
        return None
    try:
        if m := _ISO.fullmatch(text):
            return date(int(m[1]), int(m[2]), int(m[3]))
        if m := _DAY_MONTH_YEAR.fullmatch(text):
            day, month, year = int(m[1]), _month(m[2]), _year(m[3])
        elif m := _MONTH_DAY_YEAR.fullmatch(text):
            day, month, year = int(m[2]), _month(m[1]), _year(m[3])
        elif m := _NUMERIC.fullmatch(text):
            first, second, year = int(m[1]), int(m[2]), _year(m[3])
            # LinkedIn's numeric dates are American (month first) unless that cannot be.
            month, day = (first, second) if first <= 12 else (second, first)
        else:
            return None
        return date(year, month, day) if month else None
    except ValueError:
        return None


def _month(word: str) -> int:
    return MONTHS.get(word[:3].lower(), 0)


def _year(text: str) -> int:
    year = int(text)
    return 2000 + year if year < 100 else year
