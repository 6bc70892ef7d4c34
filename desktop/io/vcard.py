"""Reading vCard 2.1, 3.0 and 4.0 files, card by card, tolerant of what phones write.

A hand-written reader: vobject 0.9.9 raises on a 2.1 quoted-printable card whose soft-break
continuation starts with "=" and then loses every later card (FORMATS.md). Here each card
is read on its own, so one broken card becomes one rejected record with its line number
and the others still import. What is handled:

- folded lines (a continuation starts with a space or tab) and 2.1 quoted-printable soft
  breaks (a value ending in "="; the next line is appended verbatim, so a real leading
  space or an "=" escape survives), QP and BASE64 values with their CHARSET in any order;
- bare 2.1 parameters (`TEL;CELL;PREF`), quoted 4.0 ones (`TYPE="cell,voice"`), `tel:` URIs;
- Apple/iCloud/Google groups (`item1.EMAIL` with `item1.X-ABLabel:_$!<Work>!$_`);
- `\\,` `\\;` `\\n` escapes, and structured N, ORG, ADR, CATEGORIES values.
"""

from __future__ import annotations

import base64
import binascii
import codecs
import quopri
import re
from dataclasses import dataclass, field

from desktop.domain.enums import Source
from desktop.domain.records import Contact, Labelled
from desktop.errors import UserError
from desktop.io.parsed import (
    NO_IDENTITY,
    VCARD,
    ParsedContact,
    ParsedFile,
    Rejected,
    clean,
    dedupe_labelled,
    norm_label,
    phone_key,
    split_full_name,
)

_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_BARE_ENCODINGS = {"QUOTED-PRINTABLE", "BASE64", "B", "8BIT", "7BIT"}
_IGNORED_TYPES = {"internet", "pref", "voice", "x400", "text", "msg", "video", "bbs",
                  "modem", "isdn", "pcs", "dom", "intl", "postal", "parcel", "x-internet"}


class CardError(Exception):
    """A card that cannot be read; `line` is the physical line at fault."""

    def __init__(self, line: int, message: str):
        super().__init__(message)
        self.line = line


@dataclass
class Property:
    group: str
    name: str  # upper case
    params: dict[str, list[str]]
    value: str  # decoded (QP/BASE64), still escaped
    line: int

    @property
    def types(self) -> list[str]:
        return [t.lower() for t in self.params.get("TYPE", [])]


@dataclass
class _Card:
    begin: int
    lines: list[tuple[int, str]] = field(default_factory=list)


def parse(text: str, name: str = "the file") -> ParsedFile:
    """Reads every card; raises UserError when there is no card or the file is cut short."""
    contacts: list[ParsedContact] = []
    rejected: list[Rejected] = []
    cards = _split_cards(text, name, rejected)
    if not cards and not rejected:
        raise UserError(f"{name} does not look like a vCard file: it has no BEGIN:VCARD line.")
    for card in cards:
        try:
            contact = _contact(_properties(card))
        except CardError as exc:
            rejected.append(Rejected(card.begin, f"the card is broken at line {exc.line}: {exc}"))
            continue
        if contact is None:
            rejected.append(Rejected(card.begin, NO_IDENTITY.replace("it has", "the card has")))
            continue
        contacts.append(ParsedContact(contact, card.begin))
    rejected.sort(key=lambda r: r.line)
    return ParsedFile(VCARD, contacts, rejected)


def _split_cards(text: str, name: str, rejected: list[Rejected]) -> list[_Card]:
    cards: list[_Card] = []
    current: _Card | None = None
    for number, line in enumerate(_LINE_BREAK.split(text.lstrip("\ufeff")), 1):
        word = line.strip().upper()
        if word == "BEGIN:VCARD":
            if current is not None:
                rejected.append(Rejected(current.begin, "the card has no END:VCARD before the "
                                         f"next card begins on line {number}"))
            current = _Card(number)
        elif word == "END:VCARD":
            if current is None:
                rejected.append(Rejected(number, "END:VCARD without a BEGIN:VCARD"))
            else:
                cards.append(current)
                current = None
        elif current is not None:
            current.lines.append((number, line))
    if current is not None:
        raise UserError(
            f"{name} seems truncated: the card starting on line {current.begin} never ends "
            "(no END:VCARD). Export or download it again. Nothing was imported."
        )
    return cards


def _is_qp(head: str) -> bool:
    return "QUOTED-PRINTABLE" in head.upper()


def _logical_lines(card: _Card) -> list[tuple[int, str]]:
    """Unfolds a card's lines: folding, QP soft breaks, and 2.1 base64 blocks."""
    out: list[list] = []  # [first line number, text, kind] kind: "qp-open", "b64", ""
    for number, line in card.lines:
        if out and out[-1][2] == "qp-open":
            # A QP soft break: drop the "=", keep the next line verbatim (a real space or
            # an "=XX" escape may start it).
            out[-1][1] = out[-1][1][:-1] + line
            out[-1][2] = "qp-open" if line.endswith("=") else "qp"
            continue
        if line[:1] in (" ", "\t") and out:
            out[-1][1] += line[1:]
            if out[-1][2] == "qp" and line.endswith("="):
                out[-1][2] = "qp-open"
            continue
        if not line.strip():
            continue
        if out and out[-1][2] == "b64" and ":" not in line:
            out[-1][1] += line.strip()  # a 2.1 base64 block continues unindented
            continue
        head = line.split(":", 1)[0]
        kind = ""
        if _is_qp(head):
            kind = "qp-open" if line.endswith("=") else "qp"
        elif re.search(r"(ENCODING=)?\b(BASE64|B)\b", head.upper()):
            kind = "b64"
        out.append([number, line, kind])
    return [(number, _mend(text)) for number, text, _ in out]


_SURROGATES = re.compile("[\udc80-\udcff]")
_CHARSET = re.compile(r";\s*CHARSET=\"?([A-Za-z0-9_.:-]+)", re.IGNORECASE)


def _mend(text: str) -> str:
    """Decodes a line that held bytes which were not UTF-8 (see `text.decode`).

    Either a character folded in half (UTF-8 once unfolded), or a card written in
    the code page its CHARSET parameter names, or else in Windows-1252.
    """
    if _SURROGATES.search(text) is None:
        return text
    raw = text.encode("utf-8", "surrogateescape")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    declared = _CHARSET.search(text.split(":", 1)[0])
    for codec in ([declared[1]] if declared else []) + ["cp1252"]:
        try:
            return raw.decode(codec)
        except (LookupError, UnicodeDecodeError):
            continue
    return raw.decode("utf-8", "replace")


def _split_unquoted(text: str, sep: str) -> list[str]:
    parts, buf, quoted = [], [], False
    for ch in text:
        if ch == '"':
            quoted = not quoted
        if ch == sep and not quoted:
            parts.append("".join(buf))
            buf = []
        else:
            buf.append(ch)
    parts.append("".join(buf))
    return parts


def _properties(card: _Card) -> list[Property]:
    props = []
    for number, text in _logical_lines(card):
        head, colon, value = _head_and_value(text)
        if not colon:
            shown = text if len(text) <= 40 else text[:40] + "…"
            raise CardError(number, f"“{shown}” is not a vCard property (no colon)")
        pieces = _split_unquoted(head, ";")
        group, _, prop_name = pieces[0].strip().rpartition(".")
        if not prop_name or not re.fullmatch(r"[A-Za-z0-9-]+", prop_name):
            raise CardError(number, f"“{pieces[0][:40]}” is not a property name")
        params: dict[str, list[str]] = {}
        for piece in pieces[1:]:
            key, eq, val = piece.partition("=")
            if not eq:
                key, val = ("ENCODING" if key.strip().upper() in _BARE_ENCODINGS else "TYPE"), key
            # TYPE="cell,voice" (4.0) and TYPE=cell,voice (3.0) are the same list.
            values = [v.strip().strip('"') for v in val.strip().strip('"').split(",")]
            params.setdefault(key.strip().upper(), []).extend(v for v in values if v)
        props.append(Property(group.lower(), prop_name.upper(), params,
                              _decode(value, params, number), number))
    return props


def _head_and_value(text: str) -> tuple[str, str, str]:
    quoted = False
    for index, ch in enumerate(text):
        if ch == '"':
            quoted = not quoted
        elif ch == ":" and not quoted:
            return text[:index], ":", text[index + 1:]
    return text, "", ""


def _decode(value: str, params: dict[str, list[str]], line: int) -> str:
    encoding = {e.upper() for e in params.get("ENCODING", [])}
    charset = (params.get("CHARSET") or ["utf-8"])[0]
    if "QUOTED-PRINTABLE" in encoding:
        raw = quopri.decodestring(value.encode("utf-8"))
    elif encoding & {"B", "BASE64"}:
        try:
            raw = base64.b64decode("".join(value.split()), validate=False)
        except (binascii.Error, ValueError) as exc:
            raise CardError(line, "its BASE64 value cannot be decoded") from exc
    else:
        return value
    try:
        codecs.lookup(charset)
    except LookupError:
        charset = "utf-8"
    try:
        return raw.decode(charset)
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")


_ESCAPES = {"n": "\n", "N": "\n", ",": ",", ";": ";", "\\": "\\", ":": ":"}


def unescape(text: str) -> str:
    if "\\" not in text:
        return text
    return re.sub(r"\\(.)", lambda m: _ESCAPES.get(m[1], "\\" + m[1]), text)


def split_escaped(text: str, sep: str) -> list[str]:
    """Splits on `sep` not preceded by a backslash escape, then unescapes each part."""
    parts = re.split(r"(?<!\\)((?:\\\\)*)" + re.escape(sep), text)
    # re.split keeps the captured even run of backslashes: glue it back to its part.
    joined = [parts[0]]
    for index in range(1, len(parts), 2):
        joined[-1] += parts[index]
        joined.append(parts[index + 1])
    return [unescape(p) for p in joined]


def _label(prop: Property, ab_labels: dict[str, str]) -> str:
    if prop.group and prop.group in ab_labels:
        return norm_label(ab_labels[prop.group])
    types = []
    for t in prop.types:
        if t in _IGNORED_TYPES or t.startswith("x-") and t != "x-mobile":
            continue
        t = norm_label(t)
        if t not in types:
            types.append(t)
    if "iphone" in types:
        return "iphone"
    if "fax" in types:
        place = next((t for t in types if t in ("work", "home")), "")
        return f"{place} fax".strip()
    for preferred in ("mobile", "pager", "work", "home", "main", "other"):
        if preferred in types:
            return preferred
    return types[0] if types else ""


def _pref_first(props: list[Property]) -> list[Property]:
    def rank(p: Property) -> int:
        if "pref" in p.types:
            return 0
        pref = p.params.get("PREF")
        return int(pref[0]) if pref and pref[0].isdigit() else 100

    return sorted(props, key=rank)  # stable: file order among equals


def _contact(props: list[Property]) -> Contact | None:
    by_name: dict[str, list[Property]] = {}
    ab_labels: dict[str, str] = {}
    for prop in props:
        by_name.setdefault(prop.name, []).append(prop)
        if prop.name == "X-ABLABEL" and prop.group:
            ab_labels[prop.group] = unescape(prop.value)

    def first(name: str) -> str:
        return clean(unescape(by_name[name][0].value)) if name in by_name else ""

    family = given = ""
    if "N" in by_name:
        parts = split_escaped(by_name["N"][0].value, ";") + [""] * 5
        family = clean(parts[0])
        given = " ".join(p for p in (clean(parts[1]), clean(parts[2])) if p)
    org = split_escaped(by_name["ORG"][0].value, ";")[0] if "ORG" in by_name else ""
    company = " ".join(org.split())
    full = first("FN")
    org_card = first("X-ABSHOWAS").upper() == "COMPANY" or first("KIND").lower() == "org"
    if not (family or given) and full and not org_card and full != company:
        given, family = split_full_name(full)
    if not (family or given or company):
        given = first("NICKNAME").split(",")[0].strip()
    if not (family or given or company):
        return None
    emails = [(unescape(p.value), _label(p, ab_labels))
              for p in _pref_first(by_name.get("EMAIL", []))]
    phones = []
    for p in _pref_first(by_name.get("TEL", [])):
        value = unescape(p.value).strip()
        if value.lower().startswith("tel:"):
            value = value[4:]
        phones.append((value, _label(p, ab_labels)))
    linkedin = ""
    for p in by_name.get("URL", []) + by_name.get("X-SOCIALPROFILE", []):
        url = clean(unescape(p.value))
        if "linkedin" in url.lower() or "linkedin" in p.types:
            linkedin = url if "linkedin.com" in url.lower() else linkedin
            if linkedin:
                break
    tags: list[str] = []
    for p in by_name.get("CATEGORIES", []):
        for tag in split_escaped(p.value, ","):
            tag = clean(tag)
            if tag and tag not in tags:
                tags.append(tag)
    notes = [clean(unescape(p.value)) for p in by_name.get("NOTE", [])]
    location = ""
    if "ADR" in by_name:
        adr = split_escaped(by_name["ADR"][0].value, ";") + [""] * 7
        location = ", ".join(p for p in (clean(adr[3]), clean(adr[4]), clean(adr[6])) if p)
    return Contact(
        first_name=given,
        last_name=family,
        company=company,
        role=first("TITLE") or first("ROLE"),
        emails=tuple(Labelled(v, lb) for v, lb in dedupe_labelled(emails)),
        phones=tuple(Labelled(v, lb) for v, lb in dedupe_labelled(phones, key=phone_key)),
        linkedin_url=linkedin,
        tags=tuple(tags),
        research="\n\n".join(n for n in notes if n),
        location=location,
        source=Source.OTHER,
    )
