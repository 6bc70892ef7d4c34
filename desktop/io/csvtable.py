"""Reading a CSV file of contacts: find the header record by its cells, then walk the rows.

The text is handed to `csv` as one stream (`newline=""`): fields may hold line breaks, so
the file is never split into lines first. The header is found by what its cells say, not
by its position, because LinkedIn puts a preamble of varying length before it. Each row
comes with the line where it starts, and a row whose number of fields differs from the
header's is rejected naming both counts.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from desktop.errors import UserError

HEADER_SCAN = 60  # records looked at before giving up on finding a header
DELIMITERS = (",", ";", "\t")


def norm_cell(text: str) -> str:
    """A header cell as compared: no BOM, no surrounding space or quotes, lower case."""
    return " ".join(text.replace("\ufeff", "").strip().strip('"').lower().split())


@dataclass
class Table:
    """A CSV table whose header has been found; `rows()` yields (line, cells, problem)."""

    header: list[str]
    header_line: int
    delimiter: str
    text: str
    _reader: Iterator[list[str]]
    _line_of: Callable[[], int]

    def index(self, *names: str) -> int | None:
        """The position of the first header cell equal to one of `names` (normalised)."""
        cells = [norm_cell(c) for c in self.header]
        for name in names:
            if name in cells:
                return cells.index(name)
        return None

    def rows(self, name: str = "the file") -> Iterator[tuple[int, list[str] | None, str]]:
        """(line, cells, "") for good rows; (line, None, reason) for rejected ones.

        Blank rows are skipped. Raises UserError when the file ends in the middle of a
        record (a download cut short), since then its last rows cannot be trusted.
        """
        width = len(self.header)
        records = self._numbered(name)
        pending = next(records, None)
        while pending is not None:
            following = next(records, None)
            start, cells = pending
            if following is None:
                self._check_end(name, start, cells, width)
            if len(cells) != width:
                yield start, None, f"the row has {len(cells)} fields but the header has {width}"
            else:
                yield start, cells, ""
            pending = following

    def _numbered(self, name: str) -> Iterator[tuple[int, list[str]]]:
        previous = self._line_of()
        try:
            for cells in self._reader:
                start = previous + 1
                previous = self._line_of()
                if cells and "".join(cells).strip():
                    yield start, cells
        except csv.Error as exc:
            raise UserError(
                f"{name} is not a readable CSV file (line {previous + 1}: {exc}). "
                "Nothing was imported."
            ) from exc

    def _check_end(self, name: str, start: int, cells: list[str], width: int) -> None:
        """A last record cut short (no final line break, too few fields, or a quote left
        open) means the file was truncated: refuse it rather than import a cut value."""
        ends_with_break = self.text.endswith(("\n", "\r"))
        if not ends_with_break and len(cells) < width:
            raise UserError(
                f"{name} seems truncated: its last record (line {start}) stops after "
                f"{len(cells)} of the header's {width} fields. Export or download it again. "
                "Nothing was imported."
            )
        if self.text.count('"') % 2 and (not ends_with_break or cells[-1].endswith(("\n", "\r"))):
            raise UserError(
                f"{name} seems truncated: a quoted field in the record on line {start} never "
                "closes. Export or download it again. Nothing was imported."
            )


def find_table(
    text: str,
    score: Callable[[list[str]], int],
    delimiters: tuple[str, ...] = DELIMITERS,
) -> Table | None:
    """The table whose header record gets the best positive `score` (of normalised cells).

    Each delimiter is tried in turn; the first records of the file are scored and the
    best one wins, so a preamble of any length (or none) is skipped.
    """
    best: tuple[int, str, int] | None = None  # (score, delimiter, record index)
    for delimiter in delimiters:
        if delimiter != "," and delimiter not in text[:20000]:
            continue
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
        try:
            for index, cells in enumerate(reader):
                if index >= HEADER_SCAN:
                    break
                if len(cells) < 2:
                    continue
                value = score([norm_cell(c) for c in cells])
                if value > 0 and (best is None or value > best[0]):
                    best = (value, delimiter, index)
        except csv.Error:
            continue
    if best is None:
        return None
    _, delimiter, header_index = best
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    header: list[str] = []
    for index, cells in enumerate(reader):
        if index == header_index:
            header = cells
            break
    return Table(
        header=[c.replace("\ufeff", "").strip() for c in header],
        header_line=reader.line_num,
        delimiter=delimiter,
        text=text,
        _reader=reader,
        _line_of=lambda: reader.line_num,
    )


def cell(cells: list[str], index: int | None) -> str:
    """The stripped value at `index`, "" when the column is missing."""
    if index is None or index >= len(cells):
        return ""
    return cells[index].strip()
