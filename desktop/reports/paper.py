"""Paper sizes, and the default one for the user's country.

The default comes from the territory of the user's locale (`en_CA.UTF-8` -> CA), checked
against CLDR's list of the countries that use US Letter. The locale's measurement system is
no guide: Canada is metric yet prints on Letter. No ReportLab here: the window asks for the
default at start-up and must not pay for importing it.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping

LETTER = "letter"
A4 = "a4"
PAGE_SIZES = (LETTER, A4)

# Points (1/72 inch), exact: Letter is 8.5 x 11 in, A4 is 210 x 297 mm.
SIZES_PT: dict[str, tuple[float, float]] = {
    LETTER: (612.0, 792.0),
    A4: (210 * 72 / 25.4, 297 * 72 / 25.4),
}

# CLDR supplementalData.xml, <paperSize type="US-Letter" territories="...">.
LETTER_TERRITORIES = frozenset(
    {"BZ", "CA", "CL", "CO", "CR", "GT", "MX", "NI", "PA", "PH", "PR", "SV", "US", "VE"}
)

# POSIX precedence: LC_ALL overrides LC_PAPER, which overrides LANG.
_LOCALE_VARIABLES = ("LC_ALL", "LC_PAPER", "LANG")
_TERRITORY = re.compile(r"^[A-Za-z]{2,3}[_-]([A-Za-z]{2}|\d{3})(?=$|[.@_-])")


def territory_of(locale_name: str | None) -> str | None:
    """The territory of a locale name: "en_CA.UTF-8" -> "CA", "fr-ca" -> "CA", "C" -> None."""
    if not locale_name:
        return None
    match = _TERRITORY.match(locale_name.strip())
    return match.group(1).upper() if match else None


def territory_from_environment(environ: Mapping[str, str] | None = None) -> str | None:
    """The territory the paper size follows, from LC_ALL, LC_PAPER or LANG (first one set)."""
    env = os.environ if environ is None else environ
    for variable in _LOCALE_VARIABLES:
        value = env.get(variable)
        if value:
            # The first variable that is set decides, even when it names no territory ("C").
            return territory_of(value)
    return None


def paper_for_territory(territory: str | None) -> str:
    """Letter for the CLDR Letter countries, A4 for every other country and for none."""
    return LETTER if territory and territory.upper() in LETTER_TERRITORIES else A4


def default_page_size(
    locale_name: str | None = None, environ: Mapping[str, str] | None = None
) -> str:
    """The paper size to offer first: from `locale_name` when given, else the environment.

    The app passes Qt's system locale name, which knows the territory on Windows and macOS
    too, where LANG is often unset.
    """
    env_territory = territory_from_environment(environ)
    if env_territory is None and locale_name:
        return paper_for_territory(territory_of(locale_name))
    return paper_for_territory(env_territory)


def parse_page_size(value: str | None, default: str | None = None) -> str:
    """"Letter", "a4", "A4 " -> the stored name; None or "" -> `default` or the locale's."""
    text = (value or "").strip().lower().replace("-", "").replace(" ", "")
    if text in ("letter", "usletter"):
        return LETTER
    if text == A4:
        return A4
    if text:
        raise ValueError(f"unknown page size {value!r}: use letter or a4")
    return default or default_page_size()
