"""One contact of the contacts table, with its texts, search string and sort keys computed once.

Building 50,000 of these is most of the table's load time, so folding takes a fast path for
ASCII and values that repeat (companies, roles, tags, dates) are folded or formatted once.
"""

from __future__ import annotations

from datetime import date

from desktop.domain.records import ContactRow
from desktop.domain.rules import fold
from desktop.ui.formatting import date_text

COL_NAME, COL_COMPANY, COL_ROLE, COL_SOURCE, COL_LAST_CONTACT, COL_NEXT, COL_TAGS = range(7)
NO_DATE = date.max.toordinal() + 1  # missing dates sort after every real one
LAST = "\uffff"  # empty texts sort after every real one


def quick_fold(text: str) -> str:
    """`rules.fold`, with a fast path: ASCII text only needs lower case and squeezed spaces."""
    if text.isascii():
        return " ".join(text.lower().split())
    return fold(text)


class Entry:
    """One contact with what the model needs precomputed. Slots keep 50k of them small."""

    __slots__ = ("row", "texts", "haystack", "keys", "tag_keys", "archived")

    def __init__(self, row: ContactRow, fold_=quick_fold, date_text_=date_text, label=None):
        self.row = row
        tags = ", ".join(row.tags)
        self.texts = (
            row.name,
            row.company,
            row.role,
            label(row.source) if label else row.source.label,
            date_text_(row.last_contact),
            date_text_(row.next_keep_in_touch),
            tags,
        )
        name_key = quick_fold(row.name)  # names are unique enough not to memoise
        company, role, tag_key = fold_(row.company), fold_(row.role), fold_(tags)
        emails = quick_fold(" ".join(row.emails)) if row.emails else ""
        self.haystack = "\n".join((name_key, company, role, emails, tag_key))
        self.tag_keys = tuple(fold_(t) for t in row.tags)  # aligned with row.tags
        self.archived = row.archived
        # Flat strings compare twice as fast as tuples: empty texts sort last ("\uffff"),
        # the name after "\x00" breaks ties; dates as zero-padded ordinals sort as text.
        last = row.last_contact.toordinal() if row.last_contact else NO_DATE
        nxt = row.next_keep_in_touch.toordinal() if row.next_keep_in_touch else NO_DATE
        self.keys = (
            name_key,
            f"{company or LAST}\x00{name_key}",
            f"{role or LAST}\x00{name_key}",
            f"{self.texts[COL_SOURCE].casefold()}\x00{name_key}",
            f"{last:07d}\x00{name_key}",
            f"{nxt:07d}\x00{name_key}",
            f"{tag_key or LAST}\x00{name_key}",
        )


def cached(function):
    """A memo for one load: companies, roles, tags and dates repeat across thousands."""
    cache: dict = {}

    def cached(value):
        try:
            return cache[value]
        except KeyError:
            result = cache[value] = function(value)
            return result

    return cached
