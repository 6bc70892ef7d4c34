"""Merge two contacts: for each field, a radio button per value (and "both" for lists).

Defaults come from `merge.proposal`: the kept record's values, gaps filled from the other,
lists combined. Only fields where the two differ offer a choice; the rest are shown plain.
The other record's chats, notes, follow-ups, interactions and referrals move to the kept
one; Edit → Undo brings both back.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop.domain import records as r
from desktop.errors import UserError
from desktop.services import contacts as contacts_service
from desktop.services import merge
from desktop.services.undo import UndoHistory
from desktop.ui import dialogs, theme

BOTH = "both"
TEXT_FIELDS = (
    "first_name",
    "last_name",
    "company",
    "role",
    "location",
    "linkedin_url",
    "source",
    "referred_by_id",
    "cadence_days",
)
LIST_FIELDS = ("emails", "phones", "tags", "research")
VALUE_WIDTH = 280  # pixels of a value beside its radio button


class MergeDialog(QDialog):
    def __init__(
        self, store, first_id: int, second_id: int, history: UndoHistory | None = None, parent=None
    ):
        super().__init__(parent)
        self.setObjectName("mergeDialog")
        self.setWindowTitle(self.tr("Merge contacts"))
        self.store = store
        self.history = history
        self.a = contacts_service.get(store, first_id)
        self.b = contacts_service.get(store, second_id)
        self.groups: dict[str, QButtonGroup] = {}
        self._keep_group = QButtonGroup(self)
        self._names: dict[int | None, str] = {}

        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Pick the value to keep for each field that differs. The chats, "
                "notes and follow-ups of both end up on one contact."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        grid_host = QWidget()
        self.grid = QGridLayout(grid_host)
        self.grid.setHorizontalSpacing(16)
        self.grid.setVerticalSpacing(6)
        self.grid.setColumnStretch(1, 1)
        self.grid.setColumnStretch(2, 1)
        self.grid.setColumnMinimumWidth(1, VALUE_WIDTH + 30)
        self.grid.setColumnMinimumWidth(2, VALUE_WIDTH + 30)
        self._build_grid()
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(grid_host)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        layout.addWidget(scroll, 1)
        self.moves = theme.set_role(QLabel(), "quiet")
        self.moves.setObjectName("mergeMoves")
        self.moves.setWordWrap(True)
        layout.addWidget(self.moves)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.merge_button = buttons.addButton(
            self.tr("Merge"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.merge_button.setObjectName("mergeConfirm")
        theme.set_role(self.merge_button, "primary")
        buttons.accepted.connect(self._merge)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._keep_group.idToggled.connect(lambda *_: self._describe_moves())
        self._describe_moves()
        self.resize(880, 600)

    # --- the grid of choices -------------------------------------------------------------
    def _build_grid(self) -> None:
        self.grid.addWidget(theme.set_role(QLabel(self.tr("Keep the record of")), "name"), 0, 0)
        for column, (contact, checked) in enumerate(((self.a, True), (self.b, False)), start=1):
            radio = QRadioButton(
                self.fontMetrics().elidedText(
                    f"{contact.display_name}  (#{contact.id})",
                    Qt.TextElideMode.ElideRight,
                    VALUE_WIDTH,
                )
            )
            radio.setObjectName(f"keep{column}")
            radio.setChecked(checked)
            self._keep_group.addButton(radio, column)
            self.grid.addWidget(radio, 0, column)
        proposal = merge.proposal(self.a, self.b)
        row = 1
        labels = {
            "first_name": self.tr("First name"),
            "last_name": self.tr("Last name"),
            "company": self.tr("Company"),
            "role": self.tr("Role"),
            "location": self.tr("Location"),
            "linkedin_url": self.tr("LinkedIn"),
            "source": self.tr("Source"),
            "referred_by_id": self.tr("Referred by"),
            "cadence_days": self.tr("Keep in touch"),
            "emails": self.tr("E-mails"),
            "phones": self.tr("Phones"),
            "tags": self.tr("Tags"),
            "research": self.tr("Research"),
        }
        for field in TEXT_FIELDS + LIST_FIELDS:
            first, second = getattr(self.a, field), getattr(self.b, field)
            self.grid.addWidget(
                theme.set_role(QLabel(labels[field]), "quiet"), row, 0, Qt.AlignmentFlag.AlignTop
            )
            if self._same(field, first, second):
                text = self._text(field, first) or self._text(field, second)
                shown = QLabel(
                    self.fontMetrics().elidedText(
                        text, Qt.TextElideMode.ElideRight, 2 * VALUE_WIDTH
                    )
                    or "—"
                )
                shown.setToolTip(text)
                self.grid.addWidget(shown, row, 1, 1, 2)
                row += 1
                continue
            group = QButtonGroup(self)
            group.setObjectName(field)
            for column, value in ((1, first), (2, second)):
                text = self._text(field, value)
                # Long values (research) are cut to the column; the tooltip has them whole.
                shown = self.fontMetrics().elidedText(
                    text, Qt.TextElideMode.ElideRight, VALUE_WIDTH
                )
                radio = QRadioButton(shown or self.tr("(empty)"))
                radio.setObjectName(f"{field}{column}")
                radio.setToolTip(text)
                self.grid.addWidget(radio, row, column, Qt.AlignmentFlag.AlignTop)
                group.addButton(radio, column)
            default = 1 if getattr(proposal, field) == first else 2
            if field in LIST_FIELDS and first and second:
                both = QRadioButton(self.tr("Both"))
                both.setObjectName(f"{field}Both")
                row += 1
                self.grid.addWidget(both, row, 1, 1, 2)
                group.addButton(both, 3)
                default = 3
            group.button(default).setChecked(True)
            self.groups[field] = group
            row += 1
        self.grid.setRowStretch(row, 1)

    def _same(self, field: str, first, second) -> bool:
        if field == "tags":
            return {t.casefold() for t in first} == {t.casefold() for t in second}
        if field in ("emails", "phones"):
            return [e.value.casefold() for e in first] == [e.value.casefold() for e in second]
        return first == second

    def _text(self, field: str, value) -> str:
        if field in ("emails", "phones"):
            return ", ".join(f"{v.value} ({v.label})" if v.label else v.value for v in value)
        if field == "tags":
            return ", ".join(value)
        if field == "source":
            return self.tr(value.label)
        if field == "referred_by_id":
            return self._name_of(value)
        if field == "cadence_days":
            return self.tr("every %1 days").replace("%1", str(value)) if value else ""
        if field == "research":
            return " ".join(value.split())[:240]
        return value or ""

    def _name_of(self, contact_id: int | None) -> str:
        if contact_id not in self._names:
            try:
                self._names[contact_id] = (
                    contacts_service.get(self.store, contact_id).display_name if contact_id else ""
                )
            except UserError:
                self._names[contact_id] = ""
        return self._names[contact_id]

    # --- the result ----------------------------------------------------------------------
    def kept_id(self) -> int:
        return self.a.id if self._keep_group.checkedId() == 1 else self.b.id

    def other_id(self) -> int:
        return self.b.id if self.kept_id() == self.a.id else self.a.id

    def merged(self) -> r.Contact:
        """The contact as chosen in the dialog, with the kept record's id."""
        kept = self.a if self.kept_id() == self.a.id else self.b
        other = self.b if kept is self.a else self.a
        result = merge.proposal(kept, other)
        values = {}
        for field, group in self.groups.items():
            choice = group.checkedId()
            if choice == 3:
                both = {
                    "emails": merge.combined_emails,
                    "phones": merge.combined_phones,
                    "tags": merge.combined_tags,
                }
                if field in both:
                    values[field] = both[field](self.a, self.b)
                else:
                    values[field] = f"{self.a.research}\n\n{self.b.research}"
            else:
                values[field] = getattr(self.a if choice == 1 else self.b, field)
        return replace(result, **values, id=kept.id)

    def _describe_moves(self) -> None:
        other = self.b if self.kept_id() == self.a.id else self.a
        impact = merge.deletion_impact(self.store, [other.id])
        self.moves.setText(
            self.tr(
                "%1 chats, %2 notes and %3 follow-ups of “%4” move to the kept contact; "
                "you can undo the merge with Edit → Undo."
            )
            .replace("%1", str(impact.chats))
            .replace("%2", str(impact.notes))
            .replace("%3", str(impact.follow_ups))
            .replace("%4", other.display_name)
        )

    def _merge(self) -> None:
        try:
            merge.merge_contacts(
                self.store, self.kept_id(), self.other_id(), self.merged(), self.history
            )
        except UserError as exc:
            dialogs.warn(self, str(exc), self.tr("Cannot merge"))
            return
        self.accept()
