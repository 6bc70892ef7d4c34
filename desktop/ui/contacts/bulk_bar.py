"""The bar shown over the contacts table when several contacts are selected.

Tag, archive, set the keep-in-touch cadence, merge (exactly two) or delete them, without a
modal question except for delete. The page does the work; this bar only asks for it.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QLineEdit, QPushButton, QSpinBox

from desktop.ui import theme


class BulkBar(QFrame):
    tagRequested = Signal(str)
    archiveRequested = Signal(bool)
    cadenceRequested = Signal(object)  # int days, or None for no reminder
    mergeRequested = Signal()
    deleteRequested = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("bulkBar")
        theme.set_role(self, "card")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.setSpacing(6)
        self.count = theme.set_role(QLabel(), "name")
        layout.addWidget(self.count)
        layout.addSpacing(8)
        self.tag = QLineEdit()
        self.tag.setObjectName("bulkTag")
        self.tag.setAccessibleName(self.tr("Tag to add"))
        self.tag.setPlaceholderText(self.tr("tag"))
        self.tag.setMinimumWidth(80)
        self.tag.setMaximumWidth(110)
        self.tag.returnPressed.connect(self._tag)
        layout.addWidget(self.tag)
        layout.addWidget(self._button("bulkAddTag", self.tr("Add tag"), self._tag))
        self.cadence = QSpinBox()
        self.cadence.setObjectName("bulkCadence")
        self.cadence.setAccessibleName(self.tr("Keep in touch every"))
        self.cadence.setRange(0, 3650)
        self.cadence.setSingleStep(7)
        self.cadence.setValue(90)
        self.cadence.setPrefix(self.tr("every "))
        self.cadence.setSuffix(self.tr(" days"))
        self.cadence.setSpecialValueText(self.tr("No reminder"))
        layout.addWidget(self.cadence)
        layout.addWidget(self._button("bulkCadenceSet", self.tr("Set cadence"), self._cadence))
        self.archive = self._button(
            "bulkArchive", self.tr("Archive"), lambda: self.archiveRequested.emit(True)
        )
        self.unarchive = self._button(
            "bulkUnarchive", self.tr("Unarchive"), lambda: self.archiveRequested.emit(False)
        )
        self.merge = self._button("bulkMerge", self.tr("Merge…"), self.mergeRequested.emit)
        self.delete = self._button("bulkDelete", self.tr("Delete…"), self.deleteRequested.emit)
        for button in (self.archive, self.unarchive, self.merge, self.delete):
            layout.addWidget(button)
        layout.addStretch(1)

    def _button(self, name: str, text: str, slot) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.clicked.connect(slot)
        return button

    def set_selection(self, count: int, any_archived: bool) -> None:
        self.count.setText(self.tr("%1 selected").replace("%1", f"{count:,}"))
        self.merge.setVisible(count == 2)
        self.unarchive.setVisible(any_archived)

    def _tag(self) -> None:
        tag = " ".join(self.tag.text().split())
        if tag:
            self.tagRequested.emit(tag)
            self.tag.clear()

    def _cadence(self) -> None:
        self.cadenceRequested.emit(self.cadence.value() or None)
