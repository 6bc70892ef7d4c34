"""Type styles and drawing pieces of the question sheet (ReportLab; imported only to print).

Everything is measured in points and scaled from one body size, so the fitting loop in
`sheet` can try a smaller size and get a consistent, smaller sheet.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib.colors import HexColor
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph

from desktop.reports import fonts

INK = HexColor("#1d232b")
MUTED = HexColor("#5b6573")
ACCENT = HexColor("#1f6a73")  # one calm accent: labels, tick boxes, the "+N more" line
RULE = HexColor("#c3c9d1")
BAND = HexColor("#f2f4f5")
ELLIPSIS = "…"


@dataclass(frozen=True)
class Styles:
    """The paragraph styles for one body size."""

    size: float
    body: ParagraphStyle
    question: ParagraphStyle
    name: ParagraphStyle
    subtitle: ParagraphStyle
    value: ParagraphStyle
    bullet: ParagraphStyle
    label_size: float
    rule_gap: float  # distance between ruled writing lines

    @classmethod
    def for_size(cls, size: float) -> Styles:
        k = size / 10.0

        def style(name: str, font: str, points: float, colour=INK, **extra) -> ParagraphStyle:
            extra.setdefault("leading", round(points * 1.3, 2))
            return ParagraphStyle(
                name, fontName=font, fontSize=points, textColor=colour, splitLongWords=1,
                **extra,
            )

        return cls(
            size=size,
            body=style("body", fonts.REGULAR, size),
            question=style("question", fonts.REGULAR, size),
            name=style("name", fonts.BOLD, max(14.0, 21 * k), leading=max(16.0, 24 * k)),
            subtitle=style("subtitle", fonts.REGULAR, max(9.0, 11.5 * k), MUTED),
            value=style("value", fonts.BOLD, size),
            bullet=style("bullet", fonts.REGULAR, size, leftIndent=10, bulletIndent=0,
                         bulletFontName=fonts.REGULAR, bulletFontSize=size),
            label_size=max(6.5, 7.2 * k),
            # Handwriting wants about 7 mm; never under 6.3 mm (18 pt).
            rule_gap=max(18.0, 1.95 * size),
        )


class Block:
    """A paragraph wrapped to a width, with how tall it is and whether it was cut short."""

    def __init__(self, paragraph: Paragraph, width: float, shortened: bool = False):
        self.paragraph = paragraph
        self.width = width
        self.height = paragraph.wrap(width, 10_000)[1]
        self.shortened = shortened

    def draw(self, canvas: Canvas, x: float, top: float) -> float:
        """Draws with the top edge at `top`; returns the y under it."""
        self.paragraph.drawOn(canvas, x, top - self.height)
        return top - self.height


class CutBlock:
    """Text too long for `max_lines`: as tall as `max_lines`, cut with "…" when drawn.

    The fitting loop measures many sizes but draws one, so the search for where to cut
    runs only for the plan that is printed.
    """

    shortened = True

    def __init__(self, make, text: str, width: float, max_lines: int, leading: float):
        self.make, self.text, self.width, self.max_lines = make, text, width, max_lines
        self.height = max_lines * leading

    def draw(self, canvas: Canvas, x: float, top: float) -> float:
        paragraph = self.make(_cut(self.make, self.text, self.width, self.max_lines))
        paragraph.wrap(self.width, 10_000)
        paragraph.drawOn(canvas, x, top - paragraph.height)
        return top - self.height


def _lines(paragraph: Paragraph, width: float) -> int:
    paragraph.wrap(width, 10_000)
    return len(paragraph.blPara.lines)


def _cut(make, text: str, width: float, max_lines: int) -> str:
    """The longest prefix of `text` (ending at a word when one is near) that fits, plus "…"."""
    lo, hi = 0, len(text)
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if _lines(make(text[:mid].rstrip() + ELLIPSIS), width) <= max_lines:
            lo = mid
        else:
            hi = mid - 1
    cut = text[:lo]
    space = cut.rfind(" ")
    if space > lo - 25 and space > 0:
        cut = cut[:space]
    return cut.rstrip(" ,;:–-") + ELLIPSIS


def block(
    text: str, style: ParagraphStyle, width: float, max_lines: int | None = None,
    bullet: str | None = None,
) -> Block | CutBlock:
    """`text` set in `style`, cut at a word with an ellipsis if it needs over `max_lines`."""
    text = fonts.clean(text).strip()

    def make(t: str) -> Paragraph:
        return Paragraph(fonts.markup(t), style, bulletText=bullet)

    if max_lines is not None:
        # No font sets more than one character per 0.2 em, so longer text cannot fit:
        # skip parsing all of it (pasted research can run to pages).
        most = int(max_lines * width / (0.2 * style.fontSize)) + 1
        if len(text) > most:
            return CutBlock(make, text[:most], width, max_lines, style.leading)
    paragraph = make(text)
    if max_lines is None or _lines(paragraph, width) <= max_lines:
        return Block(paragraph, width)
    return CutBlock(make, text, width, max_lines, style.leading)


def label(canvas: Canvas, x: float, baseline: float, text: str, size: float,
          colour=ACCENT) -> None:
    """A small spaced capital label ("MY GOAL"); app text, not user text."""
    canvas.saveState()
    canvas.setFillColor(colour)
    text_object = canvas.beginText(x, baseline)
    text_object.setFont(fonts.BOLD, size)
    text_object.setCharSpace(size * 0.12)
    text_object.textOut(text.upper())
    canvas.drawText(text_object)
    canvas.restoreState()


def tick_box(canvas: Canvas, x: float, top: float, side: float) -> None:
    canvas.saveState()
    canvas.setStrokeColor(ACCENT)
    canvas.setLineWidth(0.9)
    canvas.roundRect(x, top - side, side, side, radius=side * 0.18, stroke=1, fill=0)
    canvas.restoreState()


def ruled_lines(canvas: Canvas, x0: float, x1: float, first: float, count: int,
                gap: float) -> None:
    """`count` writing lines, the first at y=`first`, each `gap` below the one before."""
    if count <= 0:
        return
    canvas.saveState()
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.5)
    for n in range(count):
        y = first - n * gap
        canvas.line(x0, y, x1, y)
    canvas.restoreState()


def band(canvas: Canvas, x: float, top: float, width: float, height: float) -> None:
    canvas.saveState()
    canvas.setFillColor(BAND)
    canvas.roundRect(x, top - height, width, height, radius=5, stroke=0, fill=1)
    canvas.restoreState()


def hairline(canvas: Canvas, x0: float, x1: float, y: float, colour=RULE,
             width: float = 0.6) -> None:
    canvas.saveState()
    canvas.setStrokeColor(colour)
    canvas.setLineWidth(width)
    canvas.line(x0, y, x1, y)
    canvas.restoreState()
