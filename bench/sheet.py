"""Question-sheet benchmark (not a test): `build_sheet` against a bare ReportLab document.

Both run in this process, alternating, on the same chat: the sheet (fitting loop, font runs,
ruled lines, one page) and a bare `SimpleDocTemplate` holding the same text as plain
escaped paragraphs in the same embedded DejaVu fonts (so both pay for TTF subsetting).
Fonts are registered once before timing, as they are in a running app. Prints the medians
and their ratio for a short, a full and an overfull chat. Goal: ratio ≤ 3 for each.

    python bench/sheet.py [--runs 30] [--page-size letter|a4]
"""

from __future__ import annotations

import argparse
import io
import statistics
import sys
import time
from pathlib import Path
from xml.sax.saxutils import escape

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from desktop.reports import fonts  # noqa: E402
from desktop.reports.content import sheet_content  # noqa: E402
from desktop.reports.paper import SIZES_PT  # noqa: E402
from desktop.reports.sheet import build_sheet  # noqa: E402
from tests.reports import samples  # noqa: E402


def bare(detail, page_size: str) -> int:
    """The same words in a plain ReportLab flow; returns the page count."""
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

    c = sheet_content(detail)
    body = ParagraphStyle("b", fontName=fonts.REGULAR, fontSize=10, leading=13)
    bold = ParagraphStyle("h", parent=body, fontName=fonts.BOLD, fontSize=18, leading=22)
    story = [Paragraph(escape(c.name), bold), Paragraph(escape(c.subtitle), body),
             Paragraph(escape(f"{c.date} {c.time} {c.minutes} {c.where}"), body),
             Paragraph(escape(c.goal), body), Paragraph(escape(c.pitch), body)]
    story += [Paragraph("• " + escape(b), body) for b in c.research]
    for n, q in enumerate(c.questions, 1):
        story += [Paragraph(f"{n}. {escape(q)}", body), Spacer(1, 20)]
    story.append(Paragraph(escape(c.thank_you), body))
    pages = []
    doc = SimpleDocTemplate(io.BytesIO(), pagesize=SIZES_PT[page_size],
                            initialFontName=fonts.REGULAR)
    doc.build(story, onLaterPages=lambda cv, d: pages.append(1),
              onFirstPage=lambda cv, d: pages.append(1))
    return len(pages)


def ours(detail, page_size: str) -> int:
    return build_sheet(detail, io.BytesIO(), page_size).pages


def median_ms(fn, detail, page_size, runs) -> tuple[float, float, int]:
    ours_t, bare_t = [], []
    pages = 0
    for _ in range(runs):
        start = time.perf_counter()
        ours(detail, page_size)
        ours_t.append(time.perf_counter() - start)
        start = time.perf_counter()
        pages = bare(detail, page_size)
        bare_t.append(time.perf_counter() - start)
    return statistics.median(ours_t) * 1000, statistics.median(bare_t) * 1000, pages


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--page-size", choices=("letter", "a4"), default="letter")
    args = parser.parse_args()

    start = time.perf_counter()
    fonts.register()
    print(f"font registration (once per process): {(time.perf_counter() - start) * 1000:.0f} ms")
    worst = 0.0
    for name in ("short", "full", "overfull"):
        detail = getattr(samples, name)()
        for _ in range(3):  # warm-up: imports, glyph caches
            ours(detail, args.page_size)
            bare(detail, args.page_size)
        sheet_ms, bare_ms, bare_pages = median_ms(None, detail, args.page_size, args.runs)
        ratio = sheet_ms / bare_ms
        worst = max(worst, ratio)
        print(f"{name:9} {len(detail.questions):3} questions: sheet {sheet_ms:6.1f} ms, "
              f"bare ReportLab {bare_ms:6.1f} ms ({bare_pages} page(s)), ratio {ratio:.2f}x")
    print(f"worst ratio {worst:.2f}x (goal <= 3x)")
    return 0 if worst <= 3 else 1


if __name__ == "__main__":
    sys.exit(main())
