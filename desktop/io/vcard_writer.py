"""Writing contacts as vCard 3.0 that phones and mail clients open.

N, FN, ORG, TITLE, every EMAIL and TEL with its TYPE, URL, ADR (the location), NOTE and
CATEGORIES. A label that vCard 3.0 has no TYPE for ("other", "main", "assistant", anything
typed) is written the way Apple writes it, as a group with `X-ABLabel`, so it survives a
round trip. UTF-8, CRLF, lines folded at 75 octets without splitting a character.
"""

from __future__ import annotations

from collections.abc import Iterable

from desktop.domain.records import Contact, Labelled
from desktop.io.parsed import is_cjk

FOLD_AT = 75  # octets per physical line, CRLF excluded (RFC 6350 and 2426)

_EMAIL_TYPES = {"work": "WORK", "home": "HOME"}
_TEL_TYPES = {
    "mobile": "CELL",
    "iphone": "CELL,IPHONE",
    "work": "WORK,VOICE",
    "home": "HOME,VOICE",
    "fax": "FAX",
    "work fax": "WORK,FAX",
    "home fax": "HOME,FAX",
    "pager": "PAGER",
    "car": "CAR,VOICE",
}
_APPLE_LABELS = {"other": "_$!<Other>!$_", "main": "_$!<Main>!$_"}


def escape(text: str) -> str:
    return (
        text.replace("\\", "\\\\")
        .replace("\r\n", "\n")
        .replace("\r", "\n")
        .replace("\n", "\\n")
        .replace(",", "\\,")
        .replace(";", "\\;")
    )


def fold(line: str) -> str:
    """Splits one logical line into CRLF-joined physical lines of at most 75 octets.

    Continuation lines start with one space, which counts towards their 75 octets.
    Characters are never cut: the split falls before a character that would not fit.
    """
    if len(line.encode("utf-8")) <= FOLD_AT:
        return line + "\r\n"
    out, current, size = [], [], 0
    limit = FOLD_AT
    for ch in line:
        width = len(ch.encode("utf-8"))
        if size + width > limit:
            out.append("".join(current))
            current, size = [" "], 1
        current.append(ch)
        size += width
    out.append("".join(current))
    return "\r\n".join(out) + "\r\n"


def display_name(contact: Contact) -> str:
    """FN: "First Last"; a CJK name is written family name first without a space (王小明)."""
    first, last = contact.first_name.strip(), contact.last_name.strip()
    if first and last and all(is_cjk(ch) for ch in (first + last).replace(" ", "")):
        return last + first
    return contact.full_name or contact.company or contact.primary_email or "(no name)"


def card(contact: Contact) -> str:
    """One contact as a vCard 3.0 card (folded, CRLF line ends)."""
    lines = ["BEGIN:VCARD", "VERSION:3.0", "PRODID:-//Coffee Chats//Coffee Chats//EN"]
    lines.append("N:" + ";".join(escape(p) for p in (contact.last_name.strip(),
                                                     contact.first_name.strip(), "", "", "")))
    lines.append("FN:" + escape(display_name(contact)))
    if contact.company:
        lines.append("ORG:" + escape(contact.company))
        if not (contact.first_name or contact.last_name):
            lines.append("X-ABShowAs:COMPANY")
    if contact.role:
        lines.append("TITLE:" + escape(contact.role))
    group = 0
    for kind, items in (("EMAIL", contact.emails), ("TEL", contact.phones)):
        for item in items:
            prop, extra, group = _labelled(kind, item, group)
            lines.append(prop)
            lines.extend(extra)
    if contact.linkedin_url:
        lines.append("URL:" + escape(contact.linkedin_url))
        lines.append("X-SOCIALPROFILE;TYPE=linkedin:" + escape(contact.linkedin_url))
    if contact.location:
        lines.append("ADR;TYPE=WORK:;;;" + escape(contact.location) + ";;;")
    if contact.research:
        lines.append("NOTE:" + escape(contact.research))
    if contact.tags:
        lines.append("CATEGORIES:" + ",".join(escape(t) for t in contact.tags))
    lines.append("END:VCARD")
    return "".join(fold(line) for line in lines)


def _labelled(kind: str, item: Labelled, group: int) -> tuple[str, list[str], int]:
    label = item.label.strip().lower()
    value = escape(item.value.strip())
    base = "INTERNET" if kind == "EMAIL" else "VOICE"
    known = (_EMAIL_TYPES if kind == "EMAIL" else _TEL_TYPES).get(label)
    if not label:
        return f"{kind};TYPE={base}:{value}", [], group
    if known:
        types = f"{base},{known}" if kind == "EMAIL" else known
        return f"{kind};TYPE={types}:{value}", [], group
    group += 1
    ab_label = _APPLE_LABELS.get(label, item.label.strip())
    # "other" and "main" also go in TYPE, which clients that ignore X-ABLabel still read.
    types = f"{base},{label.upper()}" if label in _APPLE_LABELS else base
    return (f"item{group}.{kind};TYPE={types}:{value}",
            [f"item{group}.X-ABLabel:{escape(ab_label)}"], group)


def write(contacts: Iterable[Contact]) -> str:
    """All contacts as one vCard 3.0 text; encode it as UTF-8."""
    return "".join(card(c) for c in contacts)
