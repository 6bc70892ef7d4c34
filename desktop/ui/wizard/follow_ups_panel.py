"""The chat's follow-ups on the wrap-up page: what to do next, and when.

`followUpsList` shows each follow-up with its kind, due date and text; its tick box marks
it done. The selected one's date (`followUpDueEdit`) and text (`followUpTextEdit`) edit
below and save as changed. The defaults arrive when the chat ends: the thank-you 24 hours
later and a check-in four weeks later; referrals and promises add theirs.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.domain import records as r
from desktop.domain.enums import FollowUpKind
from desktop.ui import formatting
from desktop.ui.wizard.common import quiet, row, wrapping

ID_ROLE = Qt.ItemDataRole.UserRole + 1
RECORD_ROLE = Qt.ItemDataRole.UserRole + 2


def _qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


class FollowUpsPanel(QWidget):
    edited = Signal(int, dict)  # follow-up id, changes for chats.update_follow_up
    added = Signal(object, object, str)  # FollowUpKind, date, text
    removed = Signal(int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._loading = False
        self.names: dict[int, str] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        self.list = QListWidget()
        self.list.setObjectName("followUpsList")
        self.list.setAccessibleName(self.tr("Follow-ups; the tick marks one done"))
        wrapping(self.list)
        self.list.setMinimumHeight(140)
        self.list.setMaximumHeight(260)
        self.list.itemChanged.connect(self._ticked)
        self.list.currentItemChanged.connect(self._selected)
        layout.addWidget(self.list, 1)
        self.due_edit = QDateEdit()
        self.due_edit.setObjectName("followUpDueEdit")
        self.due_edit.setAccessibleName(self.tr("Due date of the selected follow-up"))
        self.due_edit.setCalendarPopup(True)
        self.due_edit.setDisplayFormat("ddd d MMM yyyy")
        self.due_edit.dateChanged.connect(self._date_changed)
        self.text_edit = QLineEdit()
        self.text_edit.setObjectName("followUpTextEdit")
        self.text_edit.setAccessibleName(self.tr("What to do"))
        self.text_edit.textEdited.connect(self._text_changed)
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.setObjectName("removeFollowUpButton")
        self.remove_button.clicked.connect(self._remove)
        layout.addLayout(row(self.due_edit, self.text_edit, self.remove_button))
        self.kind_combo = QComboBox()
        self.kind_combo.setObjectName("newFollowUpKindCombo")
        self.kind_combo.setAccessibleName(self.tr("Kind of the new follow-up"))
        for kind in FollowUpKind:
            self.kind_combo.addItem(self.tr(kind.label), kind.value)
        self.kind_combo.setCurrentIndex(self.kind_combo.findData(FollowUpKind.UPDATE.value))
        self.add_button = QPushButton(self.tr("Add follow-up"))
        self.add_button.setObjectName("addFollowUpButton")
        self.add_button.clicked.connect(self._add)
        layout.addLayout(row(quiet(self.tr("Tick one when done.")), self.kind_combo,
                             self.add_button))
        self._selected(None)

    def set_follow_ups(self, follow_ups: tuple[r.FollowUp, ...],
                       names: dict[int, str] | None = None) -> None:
        """`names` maps contact ids to names, for follow-ups about someone else (referrals)."""
        current = self.list.currentItem().data(ID_ROLE) if self.list.currentItem() else None
        self.names = names or {}
        self._loading = True
        try:
            self.list.clear()
            for follow_up in follow_ups:
                item = QListWidgetItem()
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                              | Qt.ItemFlag.ItemIsUserCheckable)
                item.setData(ID_ROLE, follow_up.id)
                self._show(item, follow_up)
                self.list.addItem(item)
                if follow_up.id == current:
                    self.list.setCurrentItem(item)
            if self.list.currentItem() is None and self.list.count():
                self.list.setCurrentRow(0)
        finally:
            self._loading = False
        self._selected(self.list.currentItem())

    def _show(self, item: QListWidgetItem, follow_up: r.FollowUp) -> None:
        item.setData(RECORD_ROLE, follow_up)
        who = self.names.get(follow_up.contact_id, "")
        head = self.tr(follow_up.kind.label) + (f" · {who}" if who else "")
        when = f"{formatting.date_text(follow_up.due, with_year=False)} " \
               f"({formatting.relative_day(follow_up.due)})"
        item.setText(f"{head} — {when}" + (f"\n{follow_up.text}" if follow_up.text else ""))
        item.setCheckState(Qt.CheckState.Checked if follow_up.done_at
                           else Qt.CheckState.Unchecked)

    def _selected(self, item: QListWidgetItem | None, _previous=None) -> None:
        on = item is not None
        for widget in (self.due_edit, self.text_edit, self.remove_button):
            widget.setEnabled(on)
        if not on:
            self.text_edit.clear()
            return
        follow_up: r.FollowUp = item.data(RECORD_ROLE)
        was, self._loading = self._loading, True
        try:
            self.due_edit.setDate(_qdate(follow_up.due))
            self.text_edit.setText(follow_up.text)
            self.text_edit.setCursorPosition(0)
        finally:
            self._loading = was

    def _update(self, **changes) -> None:
        item = self.list.currentItem()
        if self._loading or item is None:
            return
        follow_up: r.FollowUp = item.data(RECORD_ROLE)
        was, self._loading = self._loading, True
        try:
            self._show(item, replace(follow_up, **changes))
        finally:
            self._loading = was
        self.edited.emit(follow_up.id, changes)

    def _date_changed(self, value: QDate) -> None:
        self._update(due=date(value.year(), value.month(), value.day()))

    def _text_changed(self, text: str) -> None:
        self._update(text=text)

    def _ticked(self, item: QListWidgetItem) -> None:
        if self._loading:
            return
        done = item.checkState() == Qt.CheckState.Checked
        self.edited.emit(item.data(ID_ROLE), {"done": done})

    def _remove(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self.removed.emit(item.data(ID_ROLE))
            self.list.takeItem(self.list.row(item))

    def _add(self) -> None:
        kind = FollowUpKind(self.kind_combo.currentData())
        self.added.emit(kind, date.today() + timedelta(days=7), "")
