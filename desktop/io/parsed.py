"""What every contact reader returns: the contacts it understood, the rows it rejected.

Also the small normalisations all readers share: labels of e-mails and phones, name
splitting, and the rule that a contact needs a name or a company.
"""

from __future__ import annotations

import re
import unicodedata

# The records live in the domain so services and the UI can hold them; readers import
# them from here.
from desktop.domain.importing import ParsedContact as ParsedContact
from desktop.domain.importing import ParsedFile as ParsedFile
from desktop.domain.importing import Rejected as Rejected
from desktop.domain.records import Contact

LINKEDIN = "linkedin"
GOOGLE = "google"
OUTLOOK = "outlook"
VCARD = "vcard"
JSON = "json"

FORMAT_NAMES = {
    LINKEDIN: "LinkedIn Connections.csv",
    GOOGLE: "Google Contacts CSV",
    OUTLOOK: "Outlook CSV",
    VCARD: "vCard",
    JSON: "Coffee Chats JSON",
}


def format_name(fmt: str) -> str:
    return FORMAT_NAMES.get(fmt, fmt)


# Labels as the app stores them: lower-case English words; anything else is kept as typed.
_LABEL_WORDS = {
    "cell": "mobile",
    "cellular": "mobile",
    "mobile": "mobile",
    "iphone": "iphone",
    "work": "work",
    "business": "work",
    "office": "work",
    "home": "home",
    "personal": "home",
    "private": "home",
    "other": "other",
    "main": "main",
    "fax": "fax",
    "workfax": "work fax",
    "homefax": "home fax",
    "pager": "pager",
    "car": "car",
    "school": "school",
}


def norm_label(text: str) -> str:
    """"* Work", "WORK", "_$!<Mobile>!$_" and "Mobile" all become "work" / "mobile"."""
    text = (text or "").strip()
    if text.startswith("* "):
        text = text[2:].strip()
    apple = re.fullmatch(r"_\$!<(.+)>!\$_", text)
    if apple:
        text = apple.group(1)
    key = re.sub(r"[\s_-]+", "", text.lower())
    return _LABEL_WORDS.get(key, text)


_SUFFIXES = {"phd", "mba", "md", "jr", "sr", "ii", "iii", "iv", "esq", "cpa", "pe", "msc",
             "ma", "bsc", "ba", "dds", "rn", "pmp", "cfa"}


def split_full_name(full: str) -> tuple[str, str]:
    """(first, last) from one name field: "Anna Maria Kowalska" -> ("Anna Maria", "Kowalska").

    "Kowalska, Anna" is read family name first; a degree after a comma is dropped.

    A CJK name written without spaces ("王小明", "김민준") starts with its one-syllable
    family name; that is by far the common case.
    """
    full = " ".join((full or "").split())
    if not full:
        return "", ""
    if full.count(",") == 1:
        before, after = (p.strip() for p in full.split(","))
        if after.replace(".", "").lower() in _SUFFIXES:
            full = before  # "Jane Doe, PhD"
        elif before and after:
            return after, before  # "Doe, Jane" as address books file names
    if " " not in full:
        if len(full) in (2, 3, 4) and all(is_cjk(ch) for ch in full):
            return full[1:], full[0]
        return full, ""
    first, _, last = full.rpartition(" ")
    return first, last


def is_cjk(ch: str) -> bool:
    """True for Han, Hangul, Hiragana and Katakana characters (names without spaces)."""
    code = ord(ch)
    return (
        0x3040 <= code <= 0x30FF  # kana
        or 0x3400 <= code <= 0x4DBF
        or 0x4E00 <= code <= 0x9FFF  # CJK unified ideographs
        or 0xAC00 <= code <= 0xD7AF  # Hangul syllables
        or 0x1100 <= code <= 0x11FF
        or 0xF900 <= code <= 0xFAFF
        or 0x20000 <= code <= 0x2FA1F
    )


def clean(text: str | None) -> str:
    """Surrounding space removed, line breaks as "\\n", NFC: how readers store a value."""
    if not text:
        return ""
    text = text.strip()
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.isascii():
        text = unicodedata.normalize("NFC", text)
    return text


def has_identity(contact: Contact) -> bool:
    """A contact needs a name or a company (the same rule as `services.contacts.validate`)."""
    return bool(contact.first_name or contact.last_name or contact.company)


NO_IDENTITY = "it has neither a name nor a company"


def collect_rows(table, name: str, fmt: str, build) -> ParsedFile:
    """Turns a CSV table's rows into contacts with `build(cells)`, rejecting rows that the
    table itself refused (wrong field count) and rows with neither a name nor a company."""
    contacts: list[ParsedContact] = []
    rejected: list[Rejected] = []
    for line, cells, problem in table.rows(name):
        if cells is None:
            rejected.append(Rejected(line, problem))
            continue
        contact = build(cells)
        if not has_identity(contact):
            rejected.append(Rejected(line, NO_IDENTITY))
            continue
        contacts.append(ParsedContact(contact, line))
    return ParsedFile(fmt, contacts, rejected)


def dedupe_labelled(items: list[tuple[str, str]], *, key=str.lower) -> list[tuple[str, str]]:
    """Drops empty values and repeats (by `key` of the value), keeping the first label."""
    seen: set[str] = set()
    out = []
    for value, label in items:
        value = clean(value)
        k = key(value)
        if value and k not in seen:
            seen.add(k)
            out.append((value, label))
    return out


def phone_key(value: str) -> str:
    """Digits (and a leading +) only, so "+1 (555) 010-2030" and "+15550102030" match."""
    digits = "".join(ch for ch in value if ch.isdigit())
    return ("+" if value.strip().startswith("+") else "") + digits
