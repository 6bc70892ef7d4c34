"""Google Contacts CSV, in both header generations.

Current: `First Name, Middle Name, Last Name, ..., Organization Name, Organization Title,
Labels, E-mail 1 - Label, E-mail 1 - Value, Phone 1 - Label, ...`. Legacy: `Name, Given
Name, Family Name, ..., Group Membership, E-mail 1 - Type, E-mail 1 - Value, ...,
Organization 1 - Name, Organization 1 - Title`. Several values of one kind share a cell,
joined by " ::: ". Labels starting with "* " (`* myContacts`, `* starred`) are Google's
system groups, not the user's tags. Rows with only an organisation are kept.
"""

from __future__ import annotations

import re

from desktop.domain.enums import Source
from desktop.domain.records import Contact, Labelled
from desktop.errors import UserError
from desktop.io import csvtable
from desktop.io.parsed import (
    GOOGLE,
    ParsedFile,
    clean,
    collect_rows,
    dedupe_labelled,
    norm_label,
    phone_key,
    split_full_name,
)

MULTI = re.compile(r"\s*:::\s*")
_NUMBERED = re.compile(r"^(e-mail|phone|website|organization|address|relation|event|im) (\d+) - ")
_SYSTEM_GROUPS = {"mycontacts", "my contacts", "starred"}


def header_score(cells: list[str]) -> int:
    """How much a record looks like a Google Contacts CSV header (0: not at all)."""
    names = set(cells)
    if not names & {"first name", "given name", "name", "last name", "family name",
                    "organization name", "organization 1 - name"}:
        return 0
    score = 0
    score += 3 * any(_NUMBERED.match(c) for c in cells)
    score += 3 * bool(names & {"labels", "group membership"})
    score += 2 * bool(names & {"given name", "family name", "additional name"})
    score += 2 * bool(names & {"organization name", "organization title", "file as",
                               "phonetic first name", "yomi name"})
    return score


def parse(text: str, name: str = "the file") -> ParsedFile:
    """Reads a Google Contacts CSV; raises UserError when no Google header is found."""
    table = csvtable.find_table(text, header_score)
    if table is None:
        raise UserError(
            f"{name} does not look like a Google Contacts CSV: no header row with "
            "First Name / Given Name and E-mail 1 - Value (or Labels) was found."
        )
    cols = _columns(table)
    return collect_rows(table, name, GOOGLE, lambda cells: _contact(cells, cols))


def _columns(table: csvtable.Table) -> dict:
    cells = [csvtable.norm_cell(c) for c in table.header]
    numbered: dict[tuple[str, str], dict[str, int]] = {}
    for index, text in enumerate(cells):
        match = _NUMBERED.match(text)
        if match:
            part = text[match.end():]
            numbered.setdefault((match[1], match[2]), {})[part] = index
    pairs = {}
    for kind in ("e-mail", "phone", "website"):
        pairs[kind] = [
            (parts.get("value"), parts.get("label", parts.get("type")))
            for (k, _), parts in sorted(numbered.items(), key=lambda i: int(i[0][1]))
            if k == kind and "value" in parts
        ]
    first_org = numbered.get(("organization", "1"), {})
    first_addr = numbered.get(("address", "1"), {})
    return {
        "first": table.index("first name", "given name"),
        "middle": table.index("middle name", "additional name"),
        "last": table.index("last name", "family name"),
        "name": table.index("name"),
        "nickname": table.index("nickname"),
        "company": table.index("organization name") if table.index("organization name")
        is not None else first_org.get("name"),
        "title": table.index("organization title") if table.index("organization title")
        is not None else first_org.get("title"),
        "notes": table.index("notes"),
        "labels": table.index("labels", "group membership"),
        "location": table.index("location"),
        "city": first_addr.get("city"),
        "region": first_addr.get("region"),
        "country": first_addr.get("country"),
        **pairs,
    }


def _multi(value: str) -> list[str]:
    return [v for v in (clean(p) for p in MULTI.split(value)) if v] if value else []


def _contact(cells: list[str], cols: dict) -> Contact:
    get = csvtable.cell
    first = " ".join(p for p in (clean(get(cells, cols["first"])),
                                 clean(get(cells, cols["middle"]))) if p)
    last = clean(get(cells, cols["last"]))
    if not (first or last):
        first, last = split_full_name(get(cells, cols["name"]))
    if not (first or last):
        first = clean(get(cells, cols["nickname"]))
    emails, phones, linkedin = [], [], ""
    for value_at, label_at in cols["e-mail"]:
        label = norm_label(get(cells, label_at))
        emails += [(v, label) for v in _multi(get(cells, value_at))]
    for value_at, label_at in cols["phone"]:
        label = norm_label(get(cells, label_at))
        phones += [(v, label) for v in _multi(get(cells, value_at))]
    for value_at, _ in cols["website"]:
        for url in _multi(get(cells, value_at)):
            if not linkedin and "linkedin.com" in url.lower():
                linkedin = url
    location = clean(get(cells, cols["location"])) or ", ".join(
        p for p in (clean(get(cells, cols[k])) for k in ("city", "region", "country")) if p
    )
    companies = _multi(get(cells, cols["company"]))
    titles = _multi(get(cells, cols["title"]))
    return Contact(
        first_name=first,
        last_name=last,
        company=" ".join(companies[0].split()) if companies else "",
        role=titles[0] if titles else "",
        emails=tuple(Labelled(v, lb) for v, lb in dedupe_labelled(emails)),
        phones=tuple(Labelled(v, lb) for v, lb in dedupe_labelled(phones, key=phone_key)),
        linkedin_url=linkedin,
        tags=tuple(_user_labels(get(cells, cols["labels"]))),
        research=clean(get(cells, cols["notes"])),
        location=location,
        source=Source.OTHER,
    )


def _user_labels(value: str) -> list[str]:
    """The user's own labels; Google's system groups ("* myContacts") are dropped."""
    tags = []
    for label in _multi(value):
        if label.startswith("*") or label.lower().startswith("system group:"):
            continue
        if label.lower() in _SYSTEM_GROUPS:
            continue
        if label not in tags:
            tags.append(label)
    return tags
