"""Small charts drawn with QPainter: bars per month, a funnel, and a share ring.

No QtCharts: these three need a few dozen lines each, start instantly, and take every
colour from the theme at paint time, so they read the same in light and dark. Each chart
holds plain numbers (`set_data`) and has an accessible description of what it shows.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QLocale, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from desktop.ui import theme

MARGIN = 8


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _blend(a: str, b: str, t: float) -> QColor:
    """A colour between `a` and `b` (t = 0 gives a): softer shades of the accent."""
    ca, cb = QColor(a), QColor(b)
    return QColor(
        round(ca.red() + (cb.red() - ca.red()) * t),
        round(ca.green() + (cb.green() - ca.green()) * t),
        round(ca.blue() + (cb.blue() - ca.blue()) * t),
    )


class Chart(QWidget):
    """Base: a fixed-height widget that paints on the base colour of the current theme."""

    HEIGHT = 150

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumWidth(200)

    def sizeHint(self) -> QSize:
        return QSize(320, self.HEIGHT)

    def minimumSizeHint(self) -> QSize:
        return QSize(200, self.HEIGHT)

    def _painter(self) -> tuple[QPainter, theme.Colors]:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        return painter, theme.current()

    def _small_font(self) -> QFont:
        font = QFont(self.font())
        font.setPointSizeF(max(font.pointSizeF() * 0.85, 7.0))
        return font


class MonthBars(Chart):
    """Chats held per month: one bar a month, the latest month in the accent colour."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("chatsPerMonthChart")
        self._months: list[tuple[date, int]] = []

    def set_data(self, months) -> None:
        self._months = list(months)
        total = sum(n for _m, n in self._months)
        self.setAccessibleName(self.tr("Chats held per month"))
        self.setAccessibleDescription(", ".join(
            f"{QLocale().toString(_qdate(m), 'MMM yyyy')}: {n}"
            for m, n in self._months) or self.tr("No chats held yet"))
        self.setToolTip(self.tr("%n chat(s) held in the last 12 months", "", total))
        self.update()

    def paintEvent(self, _event) -> None:
        painter, c = self._painter()
        small = self._small_font()
        painter.setFont(small)
        metrics = QFontMetrics(small)
        label_h = metrics.height() + 4
        area = QRectF(self.rect()).adjusted(MARGIN, MARGIN + label_h, -MARGIN, -MARGIN - label_h)
        if not self._months:
            painter.end()
            return
        peak = max(max(n for _m, n in self._months), 1)
        slot = area.width() / len(self._months)
        bar_w = max(min(slot * 0.62, 28.0), 3.0)
        painter.setPen(QPen(QColor(c.border), 1))
        painter.drawLine(area.bottomLeft(), area.bottomRight())
        locale = QLocale()
        for n, (month, count) in enumerate(self._months):
            x = area.left() + slot * n + (slot - bar_w) / 2
            h = area.height() * count / peak
            latest = n == len(self._months) - 1
            color = QColor(c.accent) if latest else _blend(c.accent, c.base, 0.45)
            if count:
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(color)
                painter.drawRoundedRect(QRectF(x, area.bottom() - h, bar_w, h), 2, 2)
                painter.setPen(QColor(c.text))
                painter.drawText(QRectF(x - 10, area.bottom() - h - label_h, bar_w + 20,
                                        label_h), Qt.AlignmentFlag.AlignCenter, str(count))
            # Every month's initial when there is room, else every third month.
            if slot >= metrics.horizontalAdvance("MMM") + 2 or n % 3 == 2 or latest:
                painter.setPen(QColor(c.quiet))
                text = locale.toString(_qdate(month), "MMM" if slot >= 30 else "MMMMM")
                painter.drawText(QRectF(area.left() + slot * n - 6, area.bottom() + 2,
                                        slot + 12, label_h),
                                 Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, text)
        painter.end()


class FunnelChart(Chart):
    """Requested → held → thanked → referral given: one bar each, narrowing, with the share
    of the first step."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("funnelChart")
        self._steps: list[tuple[str, int]] = []

    def set_data(self, steps) -> None:
        """`steps`: (translated label, count) from the widest step down."""
        self._steps = list(steps)
        self.setAccessibleName(self.tr("From request to referral"))
        self.setAccessibleDescription(", ".join(f"{label}: {n}" for label, n in self._steps))
        self.update()

    def paintEvent(self, _event) -> None:
        painter, c = self._painter()
        if not self._steps:
            painter.end()
            return
        font = self._small_font()
        painter.setFont(font)
        metrics = QFontMetrics(font)
        area = QRectF(self.rect()).adjusted(MARGIN, MARGIN, -MARGIN, -MARGIN)
        label_w = max(metrics.horizontalAdvance(label) for label, _n in self._steps) + 12
        figure_w = metrics.horizontalAdvance("100% · 00000") + 8
        bars = area.adjusted(label_w, 0, -figure_w, 0)
        first = max(self._steps[0][1], 1)
        row_h = area.height() / len(self._steps)
        bar_h = min(row_h * 0.62, 22.0)
        for n, (label, count) in enumerate(self._steps):
            y = area.top() + row_h * n
            painter.setPen(QColor(c.text))
            painter.drawText(QRectF(area.left(), y, label_w - 8, row_h),
                             Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight, label)
            width = bars.width() * min(count / first, 1.0)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(c.alternate if not c.dark else c.border))
            painter.drawRoundedRect(QRectF(bars.left(), y + (row_h - bar_h) / 2, bars.width(),
                                           bar_h), 3, 3)
            painter.setBrush(_blend(c.accent, c.base, 0.18 * n))
            if width > 0:
                painter.drawRoundedRect(QRectF(bars.left(), y + (row_h - bar_h) / 2,
                                               max(width, 3.0), bar_h), 3, 3)
            share = f"{round(100 * count / first)}%" if n and self._steps[0][1] else ""
            text = f"{share} · {count:,}" if share else f"{count:,}"
            painter.setPen(QColor(c.quiet if n else c.text))
            painter.drawText(QRectF(bars.right() + 8, y, figure_w, row_h),
                             Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, text)
        painter.end()


class ShareRing(Chart):
    """A ring filled to a share (thank-yous sent on time), the percentage in the middle."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("onTimeChart")
        self._part = 0
        self._total = 0
        self._caption = ""

    def set_data(self, part: int, total: int, caption: str = "") -> None:
        self._part, self._total, self._caption = part, total, caption
        self.setAccessibleName(self.tr("Thank-yous sent on time"))
        self.setAccessibleDescription(
            self.tr("%1 of %2").replace("%1", str(part)).replace("%2", str(total)))
        self.update()

    def paintEvent(self, _event) -> None:
        painter, c = self._painter()
        font = self._small_font()
        metrics = QFontMetrics(font)
        caption_h = metrics.height() + 6 if self._caption else 0
        side = min(self.width() - 2 * MARGIN, self.height() - 2 * MARGIN - caption_h)
        ring = QRectF((self.width() - side) / 2, MARGIN, side, side).adjusted(8, 8, -8, -8)
        thickness = max(side * 0.11, 6.0)
        pen = QPen(QColor(c.alternate if not c.dark else c.border), thickness)
        pen.setCapStyle(Qt.PenCapStyle.FlatCap)
        painter.setPen(pen)
        painter.drawEllipse(ring)
        share = self._part / self._total if self._total else 0.0
        if self._total:
            pen.setColor(QColor(c.accent))
            pen.setCapStyle(Qt.PenCapStyle.RoundCap if 0 < share < 1 else Qt.PenCapStyle.FlatCap)
            painter.setPen(pen)
            painter.drawArc(ring, 90 * 16, -round(360 * 16 * share))
        big = QFont(self.font())
        big.setPointSizeF(big.pointSizeF() * 1.5)
        big.setWeight(QFont.Weight.DemiBold)
        painter.setFont(big)
        painter.setPen(QColor(c.text if self._total else c.quiet))
        painter.drawText(ring, Qt.AlignmentFlag.AlignCenter,
                         f"{round(100 * share)}%" if self._total else "–")
        if self._caption:
            painter.setFont(font)
            painter.setPen(QColor(c.quiet))
            painter.drawText(QRectF(0, self.height() - MARGIN - caption_h, self.width(),
                                    caption_h), Qt.AlignmentFlag.AlignCenter, self._caption)
        painter.end()
