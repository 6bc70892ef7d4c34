"""Turning a file's bytes into text, or refusing with one clear line when that is not possible.

UTF-8 (with or without BOM) first; UTF-16/32 when a BOM says so; Windows-1252 for old
Western exports (a Spanish-locale LinkedIn file fails UTF-8 on byte 0xED). A file in
another code page decodes as Windows-1252 into nonsense, so that result is checked for
the marks of mojibake before it is believed. Binary files, archives, empty files and
files cut in the middle of a character are refused.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from pathlib import Path

from desktop.errors import UserError

# C0 and C1 control characters other than those real text files contain (tab, line ends,
# form feed, the DOS end-of-file mark): more than a stray one means binary.
_BINARY_CHARS = re.compile("[\x00-\x08\x0e-\x19\x1b-\x1f\x7f-\x9f]")
_LONG_NON_ASCII_RUN = re.compile("[^\x00-\x7f‘’“”–—…•]{4,}")
_MAGIC = {
    b"PK\x03\x04": "a ZIP archive (unpack it and import the file inside, e.g. Connections.csv)",
    b"%PDF": "a PDF document",
    b"SQLite format 3": "an SQLite database",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"\xd0\xcf\x11\xe0": "an old Microsoft Office document (save it as CSV first)",
    b"\x1f\x8b": "a gzip archive",
}


def read_text(path: str | Path) -> str:
    """The text of the file at `path`; raises UserError when it cannot be read as text."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except IsADirectoryError as exc:
        raise UserError(f"{path} is a folder, not a file.") from exc
    except OSError as exc:
        raise UserError(f"Cannot read {path}: {exc.strerror or exc}.") from exc
    return decode(data, path.name)


def decode(data: bytes, name: str = "the file") -> str:
    """Decodes `data` (see the module docstring); `name` only appears in messages."""
    if not data.strip(b" \t\r\n\x00\xef\xbb\xbf\xff\xfe"):
        raise UserError(f"{name} is empty: there is nothing to import.")
    for magic, what in _MAGIC.items():
        if data.startswith(magic):
            raise UserError(f"{name} is {what}, not a contacts file.")
    for bom, codec in (
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            return _checked(_strict(data, codec, name), name)
    if b"\x00" in data[:4096]:
        codec = _bomless_utf16(data[:4096])
        if codec is None:
            raise UserError(f"{name} is a binary file, not a text file of contacts.")
        return _checked(_strict(data, codec, name), name)
    try:
        return _checked(data.decode("utf-8"), name)
    except UnicodeDecodeError as exc:
        if exc.reason == "unexpected end of data" and exc.end >= len(data) - 1:
            raise _truncated(name) from exc
        if b"BEGIN:VCARD" in data[:4096].upper():
            # A vCard can mix encodings card by card (a CHARSET parameter per line), and
            # some writers fold lines in the middle of a UTF-8 character: the bytes that
            # are not UTF-8 stay as surrogates here, and the vCard reader decodes each
            # unfolded line on its own.
            return data.decode("utf-8", "surrogateescape")
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError as exc:
        raise _wrong_encoding(name) from exc
    if _looks_like_mojibake(text):
        raise _wrong_encoding(name)
    return _checked(text, name)


def _strict(data: bytes, codec: str, name: str) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError as exc:
        if exc.reason in ("unexpected end of data", "truncated data"):
            raise _truncated(name) from exc
        raise UserError(
            f"{name} claims to be {codec.upper().replace('-SIG', '')} but is not valid "
            f"{codec.upper().replace('-SIG', '')} (byte {exc.start}). Nothing was imported."
        ) from exc


def _bomless_utf16(sample: bytes) -> str | None:
    """UTF-16 without BOM: ASCII text has a zero in every other byte."""
    even = sample[0::2].count(0)
    odd = sample[1::2].count(0)
    half = len(sample) // 2
    if half and odd > 0.3 * half and even < 0.05 * half:
        return "utf-16-le"
    if half and even > 0.3 * half and odd < 0.05 * half:
        return "utf-16-be"
    return None


def _checked(text: str, name: str) -> str:
    if _BINARY_CHARS.search(text) is None:  # the usual case: one scan, nothing to count
        return text
    bad = len(_BINARY_CHARS.findall(text))
    if bad > max(2, len(text) // 1000):
        raise UserError(f"{name} is a binary file, not a text file of contacts.")
    return text


def _looks_like_mojibake(text: str) -> bool:
    """Text in another code page read as Windows-1252: symbols among letters, long runs.

    Western text puts one or two accented letters inside a word ("Ibáñez", "Müßig");
    Polish, Chinese or Korean bytes read as 1252 give "£ukasz ¯ó³æ" or "ÍõÐ¡Ã÷".
    """
    non_ascii = [ch for ch in text if ord(ch) > 127]
    if not non_ascii:
        return False
    if any(0x80 <= ord(ch) < 0xA0 for ch in non_ascii):
        return True
    letters = sum(1 for ch in non_ascii if unicodedata.category(ch).startswith("L"))
    # Typographic quotes and dashes are common in notes; they are not evidence either way.
    neutral = sum(1 for ch in non_ascii if ch in "‘’“”–—…•€™\u00a0«»°§©®·")
    judged = len(non_ascii) - neutral
    if judged and letters / judged < 0.75:
        return True
    return _LONG_NON_ASCII_RUN.search(text) is not None


def _truncated(name: str) -> UserError:
    return UserError(
        f"{name} seems truncated: it ends in the middle of a character. "
        "Download or export it again. Nothing was imported."
    )


def _wrong_encoding(name: str) -> UserError:
    return UserError(
        f"{name} is not in UTF-8 and its encoding could not be recognised. "
        "Save it as UTF-8 (CSV UTF-8 in Excel) and import it again. Nothing was imported."
    )
