"""The "What people said" and "Skills to build" tabs of the Insights page.

`GroupsPanel`: a kind list on the left (with counts), the ranked groups on the right, each
opening onto who said it. Two groups of one kind can be merged by hand (select both, "Merge");
a merged group can be separated again. `SkillsPanel`: skill groups with a tick box each.
Both call the insights service and emit `changed` so the page reloads its data.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QItemSelectionModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableView,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.enums import InsightKind
from desktop.domain.insights import InsightGroup, Mention
from desktop.errors import UserError
from desktop.services import insights as insights_service
from desktop.ui import dialogs, theme
from desktop.ui.insights.models import RECORD_ROLE, GroupTreeModel, SkillsModel

ALL = "all"


def kind_text(kind: InsightKind) -> str:
    return QCoreApplication.translate("InsightKind", kind.label)


class GroupsPanel(QWidget):
    changed = Signal()
    show_contact_requested = Signal(int)

    def __init__(self, store, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self._groups: dict[InsightKind, tuple[InsightGroup, ...]] = {}
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.setSpacing(12)

        self.kinds = QListWidget()
        self.kinds.setObjectName("insightKinds")
        self.kinds.setAccessibleName(self.tr("Kinds of insight"))
        self.kinds.setFixedWidth(200)
        self.kinds.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.kinds.currentRowChanged.connect(lambda _row: self._show_kind())
        layout.addWidget(self.kinds)

        right = QVBoxLayout()
        right.setSpacing(8)
        self.model = GroupTreeModel(self)
        self.tree = QTreeView()
        self.tree.setObjectName("insightGroups")
        self.tree.setModel(self.model)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.setAlternatingRowColors(True)
        self.tree.setUniformRowHeights(True)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(1, 70)
        header.resizeSection(2, 230)
        header.resizeSection(3, 150)
        self.tree.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.tree.doubleClicked.connect(self._open)
        right.addWidget(self.tree, 1)

        buttons = QHBoxLayout()
        self.hint = QLabel()
        self.hint.setObjectName("groupsHint")
        self.hint.setWordWrap(True)
        theme.set_role(self.hint, "quiet")
        buttons.addWidget(self.hint, 1)
        self.unmerge_button = QPushButton(self.tr("Separate again"))
        self.unmerge_button.setObjectName("unmergeGroupButton")
        self.unmerge_button.clicked.connect(self.unmerge_selected)
        buttons.addWidget(self.unmerge_button)
        self.merge_button = QPushButton(self.tr("Merge"))
        self.merge_button.setObjectName("mergeGroupsButton")
        theme.set_role(self.merge_button, "primary")
        self.merge_button.clicked.connect(self.merge_selected)
        buttons.addWidget(self.merge_button)
        right.addLayout(buttons)
        layout.addLayout(right, 1)
        self._update_buttons()

    def set_groups(self, groups: dict[InsightKind, tuple[InsightGroup, ...]]) -> None:
        current = self.current_kind()
        self._groups = groups
        self.kinds.blockSignals(True)
        self.kinds.clear()
        total = sum(len(g) for g in groups.values())
        for key, text, count in [(ALL, self.tr("All kinds"), total)] + [
                (kind.value, kind_text(kind), len(groups.get(kind, ()))) for kind in InsightKind]:
            item = QListWidgetItem(f"{text}  ·  {count}" if count else text)
            item.setData(Qt.ItemDataRole.UserRole, key)
            if not count and key != ALL:
                item.setForeground(self.palette().placeholderText())
            self.kinds.addItem(item)
            if key == current:
                self.kinds.setCurrentItem(item)
        if self.kinds.currentRow() < 0:
            self.kinds.setCurrentRow(0)
        self.kinds.blockSignals(False)
        self._show_kind()

    def current_kind(self) -> str:
        item = self.kinds.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else ALL

    def select_kind(self, kind: InsightKind | str) -> None:
        for row in range(self.kinds.count()):
            if self.kinds.item(row).data(Qt.ItemDataRole.UserRole) == str(kind):
                self.kinds.setCurrentRow(row)

    def _show_kind(self) -> None:
        kind = self.current_kind()
        if kind == ALL:
            shown = sorted((g for gs in self._groups.values() for g in gs),
                           key=lambda g: (-g.people, -len(g.mentions)))
        else:
            shown = list(self._groups.get(InsightKind(kind), ()))
        self.model.set_groups(shown)
        if shown:
            self.hint.setText(self.tr("Select two groups that say the same thing to merge "
                                      "them."))
        else:
            self.hint.setText(self.tr("Nothing noted yet. Insights you note in a chat's "
                                      "wrap-up gather here, ranked by how many people said "
                                      "the same thing."))
        # The kind column says something only when every kind is listed together.
        self.tree.setColumnHidden(GroupTreeModel.COL_KIND, kind != ALL)
        self._update_buttons()

    def selected_groups(self) -> list[InsightGroup]:
        seen: dict[tuple[str, str], InsightGroup] = {}
        for index in self.tree.selectionModel().selectedRows():
            group = self.model.group(index)
            if group is not None:
                seen.setdefault((group.kind.value, group.key), group)
        return list(seen.values())

    def select_groups(self, keys: list[str]) -> None:
        """Selects the top rows whose keys are in `keys` (tests and keyboard users)."""
        selection = self.tree.selectionModel()
        selection.clearSelection()
        for row in range(self.model.rowCount()):
            index = self.model.index(row, 0)
            if self.model.group(index).key in keys:
                selection.select(index, QItemSelectionModel.SelectionFlag.Select
                                 | QItemSelectionModel.SelectionFlag.Rows)

    def _update_buttons(self) -> None:
        groups = self.selected_groups()
        self.merge_button.setEnabled(len(groups) >= 2)
        self.unmerge_button.setEnabled(len(groups) == 1 and len(
            {" ".join(m.text.split()).casefold() for m in groups[0].mentions}) > 1)

    def merge_selected(self) -> None:
        groups = self.selected_groups()
        if len(groups) < 2:
            return
        if len({g.kind for g in groups}) > 1:
            dialogs.warn(self, self.tr("Only insights of the same kind can be merged."),
                         self.tr("Not merged"))
            return
        # The best-ranked group keeps its place and title; the others join it.
        into = min(groups, key=lambda g: (-g.people, -len(g.mentions)))
        try:
            for group in groups:
                if group is not into:
                    insights_service.merge(self.store, group.kind, group.key, into.key)
        except UserError as exc:
            dialogs.warn(self, str(exc), self.tr("Not merged"))
        self.changed.emit()

    def unmerge_selected(self) -> None:
        groups = self.selected_groups()
        if len(groups) == 1:
            insights_service.unmerge(self.store, groups[0].kind, groups[0].key)
            self.changed.emit()

    def _open(self, index) -> None:
        record = self.model.data(index, RECORD_ROLE)
        if isinstance(record, Mention) and record.contact_id is not None:
            self.show_contact_requested.emit(record.contact_id)


class SkillsPanel(QWidget):
    """Skills people named, most people first; tick one off once it is built."""

    changed = Signal()

    def __init__(self, store, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.setSpacing(8)
        self.summary = QLabel()
        self.summary.setObjectName("skillsSummary")
        theme.set_role(self.summary, "quiet")
        layout.addWidget(self.summary)
        self.model = SkillsModel(self)
        self.model.ticked.connect(self._ticked)
        self.table = QTableView()
        self.table.setObjectName("skillsToBuild")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setShowGrid(False)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(1, 70)
        header.resizeSection(2, 280)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        layout.addWidget(self.table, 1)

    def set_groups(self, groups) -> None:
        self.model.set_groups(groups)
        done = sum(1 for g in groups if g.done)
        if not groups:
            text = self.tr("No skills noted yet. Note a skill as an insight in a chat's "
                           "wrap-up and it appears here.")
        else:
            text = self.tr("%1 skills people named; %2 built. Tick one off once you have it.")
            text = text.replace("%1", str(len(groups))).replace("%2", str(done))
        self.summary.setText(text)

    def _ticked(self, group: InsightGroup, done: bool) -> None:
        insights_service.set_done(self.store, group, done)
        self.changed.emit()
