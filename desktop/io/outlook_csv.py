"""Outlook's CSV export (the classic "Comma Separated Values" contact export).

Columns: `First Name, Middle Name, Last Name, Title, Suffix, ..., Company, Job Title,
Business Phone, Mobile Phone, ..., E-mail Address, E-mail 2 Address, ..., Categories,
Notes, Web Page`. "Title" is the honorific; the role is "Job Title". Categories are
`;`-separated inside their cell. Localised Outlooks translate the header (a few common
translations are known below) and may use `;` as the delimiter.
"""

from __future__ import annotations

import re

from desktop.domain.enums import Source
from desktop.domain.records import Contact, Labelled
from desktop.errors import UserError
from desktop.io import csvtable
from desktop.io.parsed import (
    OUTLOOK,
    ParsedFile,
    clean,
    collect_rows,
    dedupe_labelled,
    phone_key,
)

FIRST = ("first name", "vorname", "prénom", "nombre", "voornaam", "nome")
MIDDLE = ("middle name", "weitere vornamen", "deuxième prénom", "segundo nombre",
          "middelste naam", "secondo nome")
LAST = ("last name", "nachname", "nom", "apellidos", "achternaam", "cognome")
COMPANY = ("company", "firma", "société", "organización", "compañía", "bedrijf", "società")
JOB_TITLE = ("job title", "position", "fonction", "puesto", "functie", "posizione")
CATEGORIES = ("categories", "kategorien", "catégories", "categorías", "categorieën",
              "categorie")
NOTES = ("notes", "notizen", "notas", "notities", "note")
WEB = ("web page", "webseite", "page web", "página web", "webpagina", "pagina web")
LOCATION = (("business city", "business state", "business country/region"),
            ("home city", "home state", "home country/region"))

_EMAIL = re.compile(r"^(e-mail|email|adresse de messagerie|dirección de correo|"
                    r"indirizzo posta elettronica)")
_NOT_EMAIL = re.compile(r"display|type|typ|angezeigt|affich|tipo|mostrar|visualizzato")
_PHONE = re.compile(r"phone|telefon|téléphone|teléfono|telefoon|telefono|tél|fax|pager|mobil")
# (pattern, label) in order: the first match decides a phone column's label.
_PHONE_LABELS = [
    (re.compile(r"fax"), "fax"),
    (re.compile(r"mobil|móvil|cell|portable|gsm"), "mobile"),
    (re.compile(r"pager|piepser"), "pager"),
    (re.compile(r"assistant|assistent"), "assistant"),
    (re.compile(r"car |auto|voiture"), "car"),
    (re.compile(r"business|geschäft|bureau|trabajo|werk|company|firma|lavoro"), "work"),
    (re.compile(r"home|privat|domicile|particular|thuis|casa"), "home"),
    (re.compile(r"primary|main|haupt|principal"), "main"),
    (re.compile(r"other|weitere|autre|otro|overig|altro"), "other"),
]


_PHONE_ORDER = {"mobile": 0, "main": 1, "work": 2, "home": 3, "other": 4, "car": 6,
                "assistant": 7, "work fax": 8, "home fax": 8, "fax": 8, "pager": 9}


def header_score(cells: list[str]) -> int:
    """How much a record looks like an Outlook CSV header (0: not at all)."""
    names = set(cells)
    if not names & set(FIRST + LAST) or names & {"connected on", "url", "labels",
                                                 "group membership"}:
        return 0
    if any(c.startswith(("e-mail 1 - ", "phone 1 - ")) for c in cells):
        return 0  # Google's numbered columns
    score = 0
    score += 3 * any(_is_email(c) for c in cells)
    score += 2 * bool(names & set(JOB_TITLE))
    score += 2 * bool(names & set(CATEGORIES))
    score += 2 * any(_PHONE.search(c) for c in cells)
    score += 1 * bool(names & set(MIDDLE) or "suffix" in names)
    return score if score >= 2 else 0


def _is_email(cell: str) -> bool:
    return bool(_EMAIL.match(cell)) and not _NOT_EMAIL.search(cell)


def parse(text: str, name: str = "the file") -> ParsedFile:
    """Reads an Outlook CSV (`,` or `;` delimited); raises UserError when no header is found."""
    table = csvtable.find_table(text, header_score)
    if table is None:
        raise UserError(
            f"{name} does not look like an Outlook CSV: no header row with First Name, "
            "Last Name and E-mail Address (or Job Title, Categories) was found."
        )
    cells_norm = [csvtable.norm_cell(c) for c in table.header]
    cols = {
        "first": table.index(*FIRST),
        "middle": table.index(*MIDDLE),
        "last": table.index(*LAST),
        "company": table.index(*COMPANY),
        "title": table.index(*JOB_TITLE),
        "categories": table.index(*CATEGORIES),
        "notes": table.index(*NOTES),
        "web": table.index(*WEB),
        "emails": [i for i, c in enumerate(cells_norm) if _is_email(c)],
        # Outlook lists its phone columns alphabetically (Business Fax first): order
        # them the way people read a card, mobile first, faxes and pagers last.
        "phones": sorted(((i, _phone_label(c)) for i, c in enumerate(cells_norm)
                          if _PHONE.search(c) and not _is_email(c)),
                         key=lambda pair: _PHONE_ORDER.get(pair[1], 5)),
        "location": [[table.index(n) for n in group] for group in LOCATION],
    }
    return collect_rows(table, name, OUTLOOK, lambda cells: _contact(cells, cols))


def _phone_label(cell: str) -> str:
    labels = [label for pattern, label in _PHONE_LABELS if pattern.search(cell)]
    if "fax" in labels and len(labels) > 1 and labels[1] in ("work", "home"):
        return f"{labels[1]} fax"
    return labels[0] if labels else ""


def _contact(cells: list[str], cols: dict) -> Contact:
    get = csvtable.cell
    first = " ".join(p for p in (clean(get(cells, cols["first"])),
                                 clean(get(cells, cols["middle"]))) if p)
    web = clean(get(cells, cols["web"]))
    location = ""
    for group in cols["location"]:
        location = ", ".join(p for p in (clean(get(cells, i)) for i in group) if p)
        if location:
            break
    tags: list[str] = []
    for tag in get(cells, cols["categories"]).split(";"):
        tag = clean(tag)
        if tag and tag not in tags:
            tags.append(tag)
    emails = dedupe_labelled([(get(cells, i), "") for i in cols["emails"]])
    phones = dedupe_labelled([(get(cells, i), lb) for i, lb in cols["phones"]], key=phone_key)
    return Contact(
        first_name=first,
        last_name=clean(get(cells, cols["last"])),
        company=" ".join(get(cells, cols["company"]).split()),
        role=clean(get(cells, cols["title"])),
        emails=tuple(Labelled(v, lb) for v, lb in emails),
        phones=tuple(Labelled(v, lb) for v, lb in phones),
        linkedin_url=web if "linkedin.com" in web.lower() else "",
        tags=tuple(tags),
        research=clean(get(cells, cols["notes"])),
        location=location,
        source=Source.OTHER,
    )
