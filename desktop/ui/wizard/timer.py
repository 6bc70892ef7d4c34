"""The big timer of the live page (`timerLabel`): elapsed time against the agreed minutes.

It reads "12:34 / 30:00" and changes colour twice: amber with five minutes left, red once
over time, in colours chosen for the light or the dark theme. Its `state` property
("normal", "warning", "over") says which, for tests and the stylesheet. The clock is
injectable (`clock`) so tests can show each colour without waiting.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QLabel, QWidget

from desktop.ui import theme

WARNING_SECONDS = 5 * 60
# Amber that reads on the light window and on the dark one (contrast ≥ 4.5:1 on each).
WARNING = {False: "#A25A00", True: "#F2B84B"}


def clock_text(seconds: int) -> str:
    seconds = max(int(seconds), 0)
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes:02d}:{secs:02d}"


def timer_state(elapsed: int, minutes: int) -> str:
    budget = max(minutes, 1) * 60
    if elapsed > budget:
        return "over"
    if budget - elapsed <= WARNING_SECONDS:
        return "warning"
    return "normal"


class ChatTimer(QLabel):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("timerLabel")
        self.setAccessibleName(self.tr("Time elapsed"))
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        font.setPointSizeF(max(self.font().pointSizeF(), 9.0) * 3.2)
        font.setWeight(QFont.Weight.DemiBold)
        self.setFont(font)
        self.clock: Callable[[], datetime] = datetime.now
        self.started: datetime | None = None
        self.ended: datetime | None = None
        self.minutes = 30
        self._color = ""
        self._ticker = QTimer(self)
        self._ticker.setInterval(1000)
        self._ticker.timeout.connect(self.update_text)
        self.setProperty("state", "normal")
        self.update_text()

    def set_times(self, started: datetime | None, ended: datetime | None, minutes: int) -> None:
        self.started, self.ended, self.minutes = started, ended, minutes
        running = started is not None and ended is None
        if running and not self._ticker.isActive():
            self._ticker.start()
        elif not running:
            self._ticker.stop()
        self.update_text()

    def elapsed(self) -> int:
        if self.started is None:
            return 0
        end = self.ended or self.clock()
        return max(int((end - self.started).total_seconds()), 0)

    def update_text(self) -> None:
        elapsed = self.elapsed()
        self.setText(f"{clock_text(elapsed)} / {clock_text(self.minutes * 60)}")
        state = timer_state(elapsed, self.minutes) if self.started else "normal"
        self.setProperty("state", state)
        colors = theme.current()
        color = {"normal": colors.text, "warning": WARNING[colors.dark],
                 "over": colors.late}[state]
        if color != self._color:  # restyling every second would re-polish for nothing
            self._color = color
            self.setStyleSheet(f"QLabel#timerLabel {{ color: {color}; }}")
        left = self.minutes * 60 - elapsed
        if self.started is None:
            spoken = self.tr("Not started")
        elif left >= 0:
            spoken = self.tr("%1 minutes left").replace("%1", str(left // 60))
        else:
            spoken = self.tr("%1 minutes over").replace("%1", str(-left // 60))
        self.setAccessibleDescription(spoken)

    def stop(self) -> None:
        self._ticker.stop()
