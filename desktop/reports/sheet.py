"""The one-page question sheet: who, when, why, the questions with room to write, the thank-you.

`build_sheet(detail, out, page_size)` always writes exactly one page. It shares the page out
so that a short list gets generous writing room; a long one first loses writing room down to
one line a question, then gets smaller type down to 8 pt, and past that keeps the questions
in order, leaves the rest out and prints "+N more questions not shown". The returned
`SheetResult` says how many were left out so the app and the command line can warn first.
ReportLab is imported inside `build_sheet`: importing this module costs nothing.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import IO

from desktop.domain.records import ChatDetail
from desktop.reports.content import LABELS, SheetContent, sheet_content
from desktop.reports.paper import SIZES_PT, default_page_size, parse_page_size

BODY_SIZES = (10.5, 10.0, 9.5, 9.0, 8.5, 8.0)  # never under 8 pt
ROOMY_SIZES = (10.5, 10.0, 9.5, 9.0)  # sizes tried before giving up a second writing line
MAX_LINES_PER_QUESTION = 7
MIN_RULE_GAP = 17.0  # 6 mm, narrow-ruled paper: the tightest writing lines we print
MARGIN_X, MARGIN_TOP, MARGIN_BOTTOM = 46.0, 42.0, 36.0


@dataclass(frozen=True, slots=True)
class SheetResult:
    page_size: str
    shown_questions: int
    omitted_questions: int
    body_size: float
    pages: int = 1
    shortened: tuple[str, ...] = field(default=())  # fields cut with "…" to fit


def build_sheet(
    detail: ChatDetail,
    out: str | os.PathLike[str] | IO[bytes],
    page_size: str | None = None,
    *,
    labels: dict[str, str] | None = None,
    locale_name: str | None = None,
) -> SheetResult:
    """Writes the chat's sheet as a one-page PDF to `out` (a path or a binary file)."""
    words = {**LABELS, **(labels or {})}
    content = sheet_content(detail, words)
    size = parse_page_size(page_size, default_page_size(locale_name))
    return _Sheet(content, size, words).write(out)


@dataclass
class _Plan:
    styles: object
    top_height: float
    draw_top: Callable[[float], None]
    questions: list  # layout.Block per shown question
    lines: int = 1
    rule_gap: float = 18.0
    gap: float = 8.0
    notes_lines: int = 0
    omitted: int = 0
    shortened: list[str] = field(default_factory=list)


class _Sheet:
    def __init__(self, content: SheetContent, page_size: str, words: dict[str, str]):
        from desktop.reports import fonts, layout

        fonts.register()
        self.L = layout
        self.c = content
        self.words = words
        self.page_size = page_size
        self.page_w, self.page_h = SIZES_PT[page_size]
        self.x0, self.x1 = MARGIN_X, self.page_w - MARGIN_X
        self.width = self.x1 - self.x0
        self.canvas = None
        # The fitting loop tries several plans; paragraphs are measured once per size.
        self._tops: dict[float, tuple] = {}
        self._questions: dict[tuple[float, int], object] = {}

    # -- measuring -------------------------------------------------------------------------

    def _top(self, st) -> tuple[float, Callable[[float], None], list[str]]:
        """Header, facts band, goal/pitch/research: (height, draw(top), shortened fields)."""
        L, c, w = self.L, self.c, self.words
        label_h = st.label_size + 4
        shortened: list[str] = []
        name = L.block(c.name, st.name, self.width, 2)
        subtitle = L.block(c.subtitle, st.subtitle, self.width, 2) if c.subtitle else None
        # Facts band: four columns, the place gets the most room (addresses, links).
        pad = 8.0
        shares = (0.29, 0.2, 0.12, 0.39)
        facts = [(w["when"], c.date), (w["time"], c.time), (w["minutes"], c.minutes),
                 (w["where"], c.where)]
        cols, x = [], self.x0 + pad
        for (title, value), share in zip(facts, shares, strict=True):
            col_w = (self.width - 2 * pad) * share - 8
            cols.append((x, 0.0, title, L.block(value or "–", st.value, col_w, 2)))
            x += (self.width - 2 * pad) * share
        first_h = max(b.height for _, _, _, b in cols[:3])
        where = cols[3][3]
        if where.height > st.value.leading * 1.5:
            # A long address or link gets a row of its own, full width, rather than
            # breaking in the middle of a word in a narrow column.
            where = L.block(c.where, st.value, self.width - 2 * pad - 8, 3)
            cols[3] = (self.x0 + pad, first_h + 8 + label_h, w["where"], where)
            band_h = pad + 2 * label_h + first_h + 8 + where.height + pad
        else:
            band_h = pad + label_h + max(first_h, where.height) + pad
        # Goal and pitch on the left, research on the right; one column when one side is empty.
        left_items = [(w["goal"], c.goal, 4), (w["pitch"], c.pitch, 5)]
        left_items = [item for item in left_items if item[1]]
        gutter = 22.0
        both = bool(left_items and c.research)
        left_w = self.width * 0.56 - gutter / 2 if both else self.width
        right_w = self.width - left_w - gutter if both else self.width
        left = []
        for title, text, most in left_items:
            b = L.block(text, st.body, left_w, most)
            left.append((title, b))
            if b.shortened:
                shortened.append(title)
        bullets = [L.block(t, st.bullet, right_w, 3, bullet="•") for t in c.research]
        if any(b.shortened for b in bullets):
            shortened.append(w["research"])
        left_h = sum(label_h + b.height + 9 for _, b in left)
        right_h = (label_h + sum(b.height + 2 for b in bullets) + 9) if bullets else 0.0
        kicker_h = st.label_size + 8
        head_h = kicker_h + name.height + (3 + subtitle.height if subtitle else 0) + 12
        body_h = max(left_h, right_h)
        height = head_h + band_h + 14 + (body_h + 4 if body_h else 0)
        if name.shortened:
            shortened.append("name")
        if subtitle and subtitle.shortened:
            shortened.append("role and company")
        shortened += [title for _, _, title, b in cols if b.shortened]

        def draw(top: float) -> None:
            cv = self.canvas
            L.label(cv, self.x0, top - st.label_size, w["kicker"], st.label_size, L.MUTED)
            y = name.draw(cv, self.x0, top - kicker_h)
            if subtitle:
                y = subtitle.draw(cv, self.x0, y - 3)
            y -= 12
            L.band(cv, self.x0, y, self.width, band_h)
            for col_x, down, title, b in cols:
                L.label(cv, col_x, y - pad - down - st.label_size, title, st.label_size)
                b.draw(cv, col_x, y - pad - down - label_h)
            y -= band_h + 14
            ly = ry = y
            for title, b in left:
                L.label(cv, self.x0, ly - st.label_size, title, st.label_size)
                ly = b.draw(cv, self.x0, ly - label_h) - 9
            if bullets:
                rx = self.x1 - right_w
                L.label(cv, rx, ry - st.label_size, w["research"], st.label_size)
                ry -= label_h
                for b in bullets:
                    ry = b.draw(cv, rx, ry) - 2

        return height, draw, shortened

    def _heading_h(self, st) -> float:
        return st.label_size + 10

    def _footer_h(self, st) -> float:
        return st.size * 1.3 + 12

    def _more_h(self, st) -> float:
        return st.size * 1.3 + 8

    def _plan(self, size: float, min_lines: int, cut: bool) -> _Plan | None:
        """A layout at `size` with at least `min_lines` per question; None when it won't fit.

        With `cut`, keeps as many questions as fit and counts the rest as omitted.
        """
        L = self.L
        if size not in self._tops:
            st = L.Styles.for_size(size)
            self._tops[size] = (st, *self._top(st))
        st, top_h, draw_top, shortened = self._tops[size]
        shortened = list(shortened)
        room = (self.page_h - MARGIN_TOP - MARGIN_BOTTOM - top_h - self._heading_h(st)
                - self._footer_h(st))
        text_w = self.width - self._indent(st)
        gap = 7.0 * size / 10
        per_q = min_lines * MIN_RULE_GAP + gap
        n = len(self.c.questions)
        if not cut and n * (st.question.leading + per_q) > room:
            return None  # cannot fit even if every question were one line: skip measuring
        shown, used = [], 0.0
        for index, text in enumerate(self.c.questions):
            b = self._questions.get((size, index))
            if b is None:
                b = self._questions[(size, index)] = L.block(text, st.question, text_w)
            reserve = self._more_h(st) if index + 1 < n else 0.0
            if used + b.height + per_q + reserve > room:
                if not cut:
                    return None
                if not shown:
                    # Even the first question is taller than the page: cut its text.
                    spare = room - per_q - self._more_h(st) * (n > 1)
                    most = max(1, int(spare // st.question.leading))
                    b = L.block(text, st.question, text_w, most)
                    shown.append(b)
                    shortened.append("question 1")
                    used += b.height + per_q
                break
            shown.append(b)
            used += b.height + per_q
        plan = _Plan(st, top_h, draw_top, shown, lines=min_lines, gap=gap,
                     omitted=n - len(shown), shortened=shortened)
        # Share the writing space out: as many lines as fit at 6 mm or more (up to the
        # cap), spaced up to the size's comfortable gap; what is left becomes Notes.
        budget = room - sum(b.height + gap for b in shown)
        budget -= self._more_h(st) if plan.omitted else 0.0
        plan.rule_gap = st.rule_gap
        spare = budget
        if shown:
            per_question = budget / len(shown)
            plan.lines = max(min_lines, min(MAX_LINES_PER_QUESTION,
                                            int(per_question // MIN_RULE_GAP)))
            plan.rule_gap = min(st.rule_gap, per_question / plan.lines)
            spare = budget - len(shown) * plan.lines * plan.rule_gap
        notes_head = self._heading_h(st) + 6
        if spare >= notes_head + 3 * st.rule_gap:
            plan.notes_lines = int((spare - notes_head) // st.rule_gap)
        elif shown:
            plan.gap += min(spare / len(shown), st.rule_gap)  # breathe, don't leave a hole
        return plan

    def _indent(self, st) -> float:
        """Tick box, a gap, then room for the widest number ("12.")."""
        from reportlab.pdfbase.pdfmetrics import stringWidth

        widest = f"{max(1, len(self.c.questions))}."
        return st.size * 1.15 + 6 + stringWidth(widest, self.fonts_bold(), st.size) + 6

    def _choose(self) -> _Plan:
        for size in ROOMY_SIZES:
            plan = self._plan(size, 2, cut=False)
            if plan:
                return plan
        for size in BODY_SIZES:
            plan = self._plan(size, 1, cut=False)
            if plan:
                return plan
        plan = self._plan(BODY_SIZES[-1], 1, cut=True)
        assert plan is not None
        return plan

    # -- drawing ---------------------------------------------------------------------------

    def write(self, out) -> SheetResult:
        from reportlab.pdfgen.canvas import Canvas

        from desktop.reports import fonts

        plan = self._choose()
        if isinstance(out, (str, os.PathLike)):
            out = os.fspath(out)  # ReportLab takes str paths or file objects, not Path
        self.canvas = cv = Canvas(
            out, pagesize=(self.page_w, self.page_h), initialFontName=fonts.REGULAR,
            initialFontSize=10, pageCompression=1,
        )
        cv.setTitle(self.c.title)
        cv.setCreator("Coffee Chats")
        cv.setAuthor("")
        top = self.page_h - MARGIN_TOP
        plan.draw_top(top)
        y = self._draw_questions(plan, top - plan.top_height)
        if plan.notes_lines:
            self._draw_notes(plan, y)
        self._draw_footer(plan)
        cv.showPage()
        cv.save()
        return SheetResult(
            page_size=self.page_size, shown_questions=len(plan.questions),
            omitted_questions=plan.omitted, body_size=plan.styles.size,
            shortened=tuple(plan.shortened),
        )

    def _draw_questions(self, plan: _Plan, top: float) -> float:
        L, st, cv = self.L, plan.styles, self.canvas
        if not plan.questions and not plan.omitted:
            return top
        L.label(cv, self.x0, top - st.label_size, self.words["questions"], st.label_size)
        y = top - self._heading_h(st)
        L.hairline(cv, self.x0, self.x1, y + 4, L.ACCENT, 0.8)
        indent = self._indent(st)
        box = st.size * 1.15
        lead = st.question.leading
        for number, b in enumerate(plan.questions, start=1):
            y -= 4
            L.tick_box(cv, self.x0, y - (lead - box) / 2 + 0.5, box)
            cv.setFillColor(L.INK)
            cv.setFont(self.fonts_bold(), st.size)
            cv.drawRightString(self.x0 + indent - 5, y - st.size * 1.02, f"{number}.")
            y = b.draw(cv, self.x0 + indent, y)
            L.ruled_lines(cv, self.x0 + indent, self.x1, y - plan.rule_gap, plan.lines,
                          plan.rule_gap)
            y -= plan.lines * plan.rule_gap + plan.gap - 4
        if plan.omitted:
            key = "more_one" if plan.omitted == 1 else "more"
            text = self.words[key].format(n=plan.omitted)
            more = L.block(text, L.ParagraphStyle("more", parent=st.value, textColor=L.ACCENT),
                           self.width - indent)
            y = more.draw(cv, self.x0 + indent, y - 2) - 6
        return y

    def _draw_notes(self, plan: _Plan, top: float) -> None:
        L, st, cv = self.L, plan.styles, self.canvas
        top -= 6
        L.label(cv, self.x0, top - st.label_size, self.words["notes"], st.label_size)
        y = top - self._heading_h(st)
        L.hairline(cv, self.x0, self.x1, y + 4, L.ACCENT, 0.8)
        L.ruled_lines(cv, self.x0, self.x1, y - st.rule_gap + 4, plan.notes_lines, st.rule_gap)

    def _draw_footer(self, plan: _Plan) -> None:
        L, st, cv = self.L, plan.styles, self.canvas
        base = MARGIN_BOTTOM
        # No rule above the footer: under the last writing line it would read as one more.
        thanks = L.block(self.c.thank_you, L.ParagraphStyle("thanks", parent=st.value),
                         self.width * 0.8, 1)
        thanks.draw(cv, self.x0, base + thanks.height + 1)
        cv.setFillColor(L.MUTED)
        cv.setFont(self.fonts_regular(), st.label_size)
        cv.drawRightString(self.x1, base + 4, self.words["footer"])

    def fonts_bold(self) -> str:
        from desktop.reports import fonts

        return fonts.BOLD

    def fonts_regular(self) -> str:
        from desktop.reports import fonts

        return fonts.REGULAR
