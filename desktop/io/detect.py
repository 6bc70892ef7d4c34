"""Which kind of contacts file this is, told by its content (never by its name), and reading it.

JSON starts with `{` or `[`; a vCard has `BEGIN:VCARD`; the CSV kinds are told apart by
their header rows (LinkedIn `Connected On`/`URL`, Google `E-mail 1 - Value`/`Labels`,
Outlook `E-mail Address`/`Job Title`), wherever the header sits in the file.
"""

from __future__ import annotations

from pathlib import Path

from desktop.errors import UserError
from desktop.io import csvtable, google_csv, linkedin, outlook_csv
from desktop.io.parsed import GOOGLE, JSON, LINKEDIN, OUTLOOK, VCARD, ParsedFile
from desktop.io.text import read_text

CSV_READERS = {LINKEDIN: linkedin, GOOGLE: google_csv, OUTLOOK: outlook_csv}
FORMATS = (LINKEDIN, GOOGLE, OUTLOOK, VCARD, JSON)


def looks_like_vcard(text: str) -> bool:
    head = text[:4096].lstrip("\ufeff \t\r\n").upper()
    return head.startswith("BEGIN:VCARD") or "\nBEGIN:VCARD" in head


def detect(text: str) -> str | None:
    """"json", "vcard", "linkedin", "google" or "outlook"; None when none fits."""
    head = text.lstrip("\ufeff \t\r\n")
    if head[:1] in ("{", "["):
        return JSON
    if looks_like_vcard(text):
        return VCARD
    best, best_score = None, 0
    for fmt, reader in CSV_READERS.items():
        score = _best_header_score(text, reader.header_score)
        if score > best_score:
            best, best_score = fmt, score
    return best


def _best_header_score(text: str, score) -> int:
    best = 0

    def remember(cells: list[str]) -> int:
        nonlocal best
        value = score(cells)
        best = max(best, value)
        return value

    csvtable.find_table(text, remember)
    return best


def parse_text(text: str, fmt: str = "auto", name: str = "the file") -> ParsedFile:
    """Reads contacts from `text` in format `fmt` ("auto" detects it). Not for JSON."""
    if fmt == "auto":
        found = detect(text)
        if found is None:
            raise UserError(
                f"{name} is not a contacts file Coffee Chats knows: it is not a vCard, not "
                "JSON, and no LinkedIn, Google or Outlook CSV header row was found in it."
            )
        fmt = found
    if fmt == VCARD:
        from desktop.io import vcard  # only vCard imports pay for its import

        return vcard.parse(text, name)
    if fmt in CSV_READERS:
        return CSV_READERS[fmt].parse(text, name)
    if fmt == JSON:
        raise UserError(f"{name} is a Coffee Chats JSON file; it is read by the JSON import.")
    raise UserError(f"Unknown import format “{fmt}”.")


def load(path: str | Path, fmt: str = "auto") -> tuple[str, str]:
    """(format, text) of the file at `path`: raises UserError when it cannot be read."""
    path = Path(path)
    text = read_text(path)
    if fmt == "auto":
        found = detect(text)
        if found is None:
            raise UserError(
                f"{path.name} is not a contacts file Coffee Chats knows: it is not a vCard, "
                "not JSON, and no LinkedIn, Google or Outlook CSV header row was found in it."
            )
        fmt = found
    return fmt, text


def parse_path(path: str | Path, fmt: str = "auto") -> ParsedFile:
    """Reads and parses a contacts file (not JSON); UserError when it cannot be read."""
    found, text = load(path, fmt)
    return parse_text(text, found, Path(path).name)
