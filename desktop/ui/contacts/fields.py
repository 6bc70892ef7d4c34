"""Small editors the contact detail panel is built from.

- `LabelledListEditor`: several e-mails or phones, each with a label, as editable rows.
- `TagsEdit`: comma-separated tags with completion of the word being typed.
- `ContactPicker`: choose a contact (referred-by) by typing part of a name or company.
- `CompanyField`: an editable combo that completes existing companies or takes a new name.

Each emits `changed` on any edit so the panel can track unsaved changes.
"""

from __future__ import annotations

from PySide6.QtCore import QStringListModel, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.records import ContactRow, Labelled

EMAIL_LABELS = ("work", "home", "other")
PHONE_LABELS = ("mobile", "work", "home", "other")


class LabelledListEditor(QWidget):
    """Rows of (label, value) with a remove button each and an "Add" button below."""

    changed = Signal()

    def __init__(self, kind: str, labels: tuple[str, ...], add_text: str, parent=None):
        super().__init__(parent)
        self.kind = kind  # "email" or "phone": names the widgets
        self.labels = labels
        self._rows: list[tuple[QComboBox, QLineEdit, QToolButton]] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        self.grid = QGridLayout()
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setHorizontalSpacing(6)
        self.grid.setVerticalSpacing(4)
        self.grid.setColumnStretch(1, 1)
        layout.addLayout(self.grid)
        self.add_button = QPushButton(add_text)
        self.add_button.setObjectName(f"{kind}Add")
        self.add_button.clicked.connect(lambda: self._add_row(Labelled(""), focus=True))
        row = QHBoxLayout()
        row.addWidget(self.add_button)
        row.addStretch(1)
        layout.addLayout(row)

    def set_values(self, values: tuple[Labelled, ...]) -> None:
        for label, value, remove in self._rows:
            for widget in (label, value, remove):
                self.grid.removeWidget(widget)
                widget.deleteLater()
        self._rows = []
        for item in values:
            self._add_row(item)

    def values(self) -> tuple[Labelled, ...]:
        out = []
        for label, value, _remove in self._rows:
            text = value.text().strip()
            if text:
                out.append(Labelled(text, label.currentText().strip()))
        return tuple(out)

    def line_edits(self) -> list[QLineEdit]:
        return [value for _label, value, _remove in self._rows]

    def _add_row(self, item: Labelled, focus: bool = False) -> None:
        n = len(self._rows)
        label = QComboBox()
        label.setEditable(True)
        label.addItems(list(self.labels))
        label.setCurrentText(item.label or (self.labels[0] if focus else ""))
        label.setObjectName(f"{self.kind}Label{n}")
        label.setAccessibleName(self.tr("Label"))
        label.setMaximumWidth(96)
        value = QLineEdit(item.value)
        value.setObjectName(f"{self.kind}Value{n}")
        value.setAccessibleName(
            self.tr("E-mail address") if self.kind == "email" else self.tr("Phone number")
        )
        remove = QToolButton()
        remove.setText("×")
        remove.setObjectName(f"{self.kind}Remove{n}")
        remove.setAccessibleName(self.tr("Remove"))
        remove.setToolTip(self.tr("Remove"))
        remove.setAutoRaise(True)
        entry = (label, value, remove)
        remove.clicked.connect(lambda: self._remove(entry))
        label.currentTextChanged.connect(self.changed)
        value.textChanged.connect(self.changed)
        self.grid.addWidget(label, n, 0)
        self.grid.addWidget(value, n, 1)
        self.grid.addWidget(remove, n, 2)
        self._rows.append(entry)
        if focus:
            value.setFocus()
            self.changed.emit()

    def _remove(self, entry) -> None:
        values = [
            (lab.currentText(), val.text())
            for lab, val, _r in self._rows
            if (lab, val, _r) != entry
        ]
        self.set_values(tuple(Labelled(v, lab) for lab, v in values))
        self.changed.emit()


class TagsEdit(QLineEdit):
    """Tags separated by commas; completion offers existing tags for the word being typed."""

    changed = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self._model = QStringListModel(self)
        self._completer = QCompleter(self._model, self)
        self._completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self._completer.setFilterMode(Qt.MatchFlag.MatchStartsWith)
        self._completer.setWidget(self)
        self._completer.activated.connect(self._complete)
        self.textEdited.connect(self._typed)
        self.textChanged.connect(self.changed)

    def set_known(self, tags: list[str]) -> None:
        self._model.setStringList(tags)

    def set_tags(self, tags: tuple[str, ...]) -> None:
        self.setText(", ".join(tags))

    def tags(self) -> tuple[str, ...]:
        seen, out = set(), []
        for part in self.text().split(","):
            tag = " ".join(part.split())
            if tag and tag.casefold() not in seen:
                seen.add(tag.casefold())
                out.append(tag)
        return tuple(out)

    def _typed(self, text: str) -> None:
        word = text.split(",")[-1].strip()
        if not word:
            self._completer.popup().hide()
            return
        self._completer.setCompletionPrefix(word)
        if self._completer.completionCount():
            self._completer.complete()
        else:
            self._completer.popup().hide()

    def _complete(self, tag: str) -> None:
        parts = [p.strip() for p in self.text().split(",")[:-1] if p.strip()]
        self.setText(", ".join([*parts, tag]) + ", ")


class ContactPicker(QWidget):
    """A line edit completing "Name · Company" over every contact; keeps the chosen id."""

    changed = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self._ids: dict[str, int] = {}
        self._texts: dict[int, str] = {}
        self._exclude: int | None = None
        self._chosen: int | None = None
        self.edit = QLineEdit()
        self.edit.setObjectName("referredBy")
        self.edit.setAccessibleName(self.tr("Referred by"))
        self.edit.setPlaceholderText(self.tr("Type a name or a company"))
        self.edit.setClearButtonEnabled(True)
        self._model = QStringListModel(self)
        completer = QCompleter(self._model, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setMaxVisibleItems(12)
        completer.activated.connect(self._picked)
        self.edit.setCompleter(completer)
        self.edit.textEdited.connect(self._typed)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit)

    def set_contacts(self, rows: list[ContactRow]) -> None:
        """The contacts one may pick (a string model: the completer filters in C++)."""
        self._ids, self._texts = {}, {}
        for row in rows:
            text = f"{row.name} · {row.company}" if row.company else row.name
            if text in self._ids:
                text = f"{text} (#{row.id})"
            self._ids[text] = row.id
            self._texts[row.id] = text
        self._model.setStringList(list(self._ids))

    def set_exclude(self, contact_id: int | None) -> None:
        self._exclude = contact_id

    def set_contact_id(self, contact_id: int | None, text: str = "") -> None:
        self._chosen = contact_id
        self.edit.setText(self._texts.get(contact_id, text) if contact_id else "")

    def contact_id(self) -> int | None:
        return self._chosen

    def _picked(self, text: str) -> None:
        chosen = self._ids.get(text)
        self._chosen = None if chosen == self._exclude else chosen
        if self._chosen is None:
            self.edit.clear()
        self.changed.emit()

    def _typed(self, text: str) -> None:
        # Typing detaches the old choice until a completion is picked; clearing removes it.
        picked = self._ids.get(text)
        self._chosen = picked if picked != self._exclude else None
        self.changed.emit()


class CompanyField(QComboBox):
    """An editable combo of known companies; a new name creates the company on save."""

    changed = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setObjectName("company")
        self.setAccessibleName(self.tr("Company"))
        self.lineEdit().setPlaceholderText(self.tr("Pick or type a company"))
        completer = QCompleter(self.model(), self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.setCompleter(completer)
        self.currentTextChanged.connect(self.changed)

    def set_companies(self, names: list[str]) -> None:
        text = self.currentText()
        self.blockSignals(True)
        self.clear()
        self.addItems(names)
        self.setCurrentText(text)
        self.blockSignals(False)

    def name(self) -> str:
        return " ".join(self.currentText().split())

    def set_name(self, name: str) -> None:
        self.setCurrentText(name)
