"""Item models of the Insights page, over frozen records (never over the store).

- `GroupTreeModel`: groups of alike insights (most people first), each with its mentions as
  children: who said it, in their words.
- `SkillsModel`: skill groups with a tick box ("skills to build"); ticking emits `ticked`.
- `LeadsModel`: job leads; editing a cell emits `edited` with the changed lead.
- `ReferralTreeModel`: who introduced whom.
Tree models keep the row's place in `internalId` (0 for a top row, n + 1 for a child of top
row n; in the referral tree, the node's index in a flat list), so nothing holds Python
objects Qt could outlive.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractItemModel,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont

from desktop.domain.insights import InsightGroup, JobLead, LeadStatus, ReferralNode
from desktop.ui import theme

RECORD_ROLE = Qt.ItemDataRole.UserRole + 2
_ROOT = QModelIndex()
Index = QModelIndex | QPersistentModelIndex


def _tr(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


class _Header:
    # Mixed in before the Qt model class, so this headerData is the one Qt calls.
    CONTEXT = ""
    COLUMNS: tuple[str, ...] = ()

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(self.COLUMNS)):
            return _tr(self.CONTEXT, self.COLUMNS[section])
        return None


def who_text(names: tuple[str, ...], shown: int = 4) -> str:
    """"Ann, Bo, Cy, Di and 12 more": a group many people named stays one short line."""
    if len(names) <= shown:
        return ", ".join(names)
    more = QCoreApplication.translate("GroupTreeModel", "and %n more", None,
                                      len(names) - shown)
    return f"{', '.join(names[:shown])} {more}"


def _bold() -> QFont:
    font = QFont()
    font.setBold(True)
    return font


_R = Qt.ItemDataRole
_GROUP_ROLES = frozenset({RECORD_ROLE, _R.DisplayRole, _R.FontRole, _R.ForegroundRole,
                          _R.TextAlignmentRole, _R.ToolTipRole})


class GroupTreeModel(_Header, QAbstractItemModel):
    CONTEXT = "GroupTreeModel"
    COLUMNS = (QT_TRANSLATE_NOOP("GroupTreeModel", "What people said"),
               QT_TRANSLATE_NOOP("GroupTreeModel", "People"),
               QT_TRANSLATE_NOOP("GroupTreeModel", "Who"),
               QT_TRANSLATE_NOOP("GroupTreeModel", "Kind"))
    COL_TEXT, COL_PEOPLE, COL_WHO, COL_KIND = range(4)

    def __init__(self, parent=None):
        super().__init__(parent)
        self._groups: list[InsightGroup] = []
        self._top_text: dict[int, tuple[str, str, str, str]] = {}
        self._bold = _bold()

    def set_groups(self, groups) -> None:
        self.beginResetModel()
        self._groups = list(groups)
        self._top_text = {}
        self.endResetModel()

    def _top(self, row: int, g: InsightGroup) -> tuple[str, str, str, str]:
        if row not in self._top_text:  # made once: a paint asks for each cell many times
            self._top_text[row] = (g.title, str(g.people), who_text(g.names),
                                   QCoreApplication.translate("InsightKind", g.kind.label))
        return self._top_text[row]

    def group(self, index: Index) -> InsightGroup | None:
        """The group of a top row, or the group a mention row belongs to."""
        if not index.isValid():
            return None
        row = index.row() if index.internalId() == 0 else index.internalId() - 1
        return self._groups[row] if 0 <= row < len(self._groups) else None

    def index(self, row: int, column: int, parent: Index = _ROOT) -> QModelIndex:
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, 0)
        return self.createIndex(row, column, parent.row() + 1)

    def parent(self, index: Index = _ROOT) -> QModelIndex:  # type: ignore[override]
        if not index.isValid() or index.internalId() == 0:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, 0)

    def rowCount(self, parent: Index = _ROOT) -> int:
        if not parent.isValid():
            return len(self._groups)
        if parent.internalId() == 0 and parent.column() == 0:
            return len(self._groups[parent.row()].mentions)
        return 0

    def columnCount(self, parent: Index = _ROOT) -> int:
        return len(self.COLUMNS)

    def data(self, index: Index, role=Qt.ItemDataRole.DisplayRole):
        if role not in _GROUP_ROLES or not index.isValid():
            return None  # most roles a view asks for, answered without a lookup
        group = self.group(index)
        if group is None:
            return None
        col = index.column()
        top = index.internalId() == 0
        if role == RECORD_ROLE:
            return group if top else group.mentions[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            if top:
                return self._top(index.row(), group)[col]
            mention = group.mentions[index.row()]
            return (" ".join(mention.text.split()), "", mention.contact_name, "")[col]
        if role == Qt.ItemDataRole.FontRole and top and col == self.COL_TEXT:
            return self._bold
        if role == Qt.ItemDataRole.ForegroundRole and (not top or col >= self.COL_WHO):
            return QColor(theme.current().quiet)
        if role == Qt.ItemDataRole.TextAlignmentRole and col == self.COL_PEOPLE:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ToolTipRole and col in (self.COL_TEXT, self.COL_WHO):
            if top and col == self.COL_WHO:
                return ", ".join(group.names[:40]) or None
            return self.data(index, Qt.ItemDataRole.DisplayRole) or None
        return None


class SkillsModel(_Header, QAbstractTableModel):
    """Skill groups to build; the first column's tick box says "built"."""

    ticked = Signal(object, bool)  # (InsightGroup, done)
    CONTEXT = "SkillsModel"
    COLUMNS = (QT_TRANSLATE_NOOP("SkillsModel", "Skill"),
               QT_TRANSLATE_NOOP("SkillsModel", "People"),
               QT_TRANSLATE_NOOP("SkillsModel", "Who named it"))

    def __init__(self, parent=None):
        super().__init__(parent)
        self._groups: list[InsightGroup] = []
        self._bold = _bold()

    def set_groups(self, groups) -> None:
        self.beginResetModel()
        # Still to build first (most people first), then the ones ticked off.
        self._groups = sorted(groups, key=lambda g: g.done)
        self.endResetModel()

    def group(self, row: int) -> InsightGroup:
        return self._groups[row]

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._groups)

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.COLUMNS)

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        if index.isValid() and index.column() == 0:
            return base | Qt.ItemFlag.ItemIsUserCheckable
        return base

    def data(self, index: Index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._groups):
            return None
        group = self._groups[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (group.title, str(group.people), who_text(group.names))[col]
        if role == Qt.ItemDataRole.CheckStateRole and col == 0:
            return Qt.CheckState.Checked if group.done else Qt.CheckState.Unchecked
        if role == RECORD_ROLE:
            return group
        if role == Qt.ItemDataRole.FontRole and col == 0:
            font = QFont(self._bold)
            font.setBold(not group.done)
            font.setStrikeOut(group.done)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and (group.done or col == 2):
            return QColor(theme.current().quiet)
        if role == Qt.ItemDataRole.TextAlignmentRole and col == 1:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def setData(self, index: Index, value, role=Qt.ItemDataRole.EditRole) -> bool:
        if (role != Qt.ItemDataRole.CheckStateRole or not index.isValid()
                or index.column() != 0):
            return False
        done = Qt.CheckState(value) == Qt.CheckState.Checked
        group = replace(self._groups[index.row()], done=done)
        self._groups[index.row()] = group
        self.dataChanged.emit(index, index.siblingAtColumn(len(self.COLUMNS) - 1))
        self.ticked.emit(group, done)
        return True


LEAD_STATUS_TEXT = {
    LeadStatus.NEW: QT_TRANSLATE_NOOP("LeadsModel", "New"),
    LeadStatus.APPLIED: QT_TRANSLATE_NOOP("LeadsModel", "Applied"),
    LeadStatus.INTERVIEWING: QT_TRANSLATE_NOOP("LeadsModel", "Interviewing"),
    LeadStatus.OFFER: QT_TRANSLATE_NOOP("LeadsModel", "Offer"),
    LeadStatus.CLOSED: QT_TRANSLATE_NOOP("LeadsModel", "Closed"),
}


class LeadsModel(_Header, QAbstractTableModel):
    """Job leads. Company, role, status and career path are edited in place."""

    edited = Signal(object)  # the changed JobLead
    CONTEXT = "LeadsModel"
    COLUMNS = (QT_TRANSLATE_NOOP("LeadsModel", "Company"),
               QT_TRANSLATE_NOOP("LeadsModel", "Role or lead"),
               QT_TRANSLATE_NOOP("LeadsModel", "Mentioned by"),
               QT_TRANSLATE_NOOP("LeadsModel", "Status"),
               QT_TRANSLATE_NOOP("LeadsModel", "Career path"))
    COL_COMPANY, COL_ROLE, COL_WHO, COL_STATUS, COL_PATH = range(5)
    EDITABLE = frozenset({COL_COMPANY, COL_ROLE, COL_STATUS, COL_PATH})

    def __init__(self, parent=None):
        super().__init__(parent)
        self._leads: list[JobLead] = []
        self.path_names: dict[int, str] = {}

    def set_leads(self, leads, path_names: dict[int, str]) -> None:
        self.beginResetModel()
        self._leads = list(leads)
        self.path_names = dict(path_names)
        self.endResetModel()

    def lead(self, row: int) -> JobLead:
        return self._leads[row]

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._leads)

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.COLUMNS)

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        if index.isValid() and index.column() in self.EDITABLE:
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: Index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._leads):
            return None
        lead = self._leads[index.row()]
        col = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if col == self.COL_STATUS:
                return _tr("LeadsModel", LEAD_STATUS_TEXT[lead.status])
            if col == self.COL_PATH:
                return self.path_names.get(lead.career_path_id or -1, "")
            return (lead.company, lead.role, lead.contact_name)[col]
        if role == Qt.ItemDataRole.EditRole:
            if col == self.COL_STATUS:
                return lead.status.value
            if col == self.COL_PATH:
                return lead.career_path_id
            return (lead.company, lead.role, lead.contact_name)[col]
        if role == RECORD_ROLE:
            return lead
        if role == Qt.ItemDataRole.ForegroundRole:
            colors = theme.current()
            if lead.status is LeadStatus.CLOSED or col == self.COL_WHO:
                return QColor(colors.quiet)
            if col == self.COL_STATUS and lead.status is not LeadStatus.NEW:
                return QColor(colors.accent)
        return None

    def setData(self, index: Index, value, role=Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        lead = self._leads[index.row()]
        col = index.column()
        if col == self.COL_COMPANY:
            changed = replace(lead, company=str(value or "").strip())
        elif col == self.COL_ROLE:
            changed = replace(lead, role=str(value or "").strip())
        elif col == self.COL_STATUS:
            changed = replace(lead, status=LeadStatus(value))
        elif col == self.COL_PATH:
            changed = replace(lead, career_path_id=int(value) if value else None)
        else:
            return False
        if changed == lead:
            return False
        self._leads[index.row()] = changed
        self.dataChanged.emit(index, index)
        self.edited.emit(changed)
        return True


class ReferralTreeModel(_Header, QAbstractItemModel):
    """Who introduced whom: a node's children are the people that contact introduced."""

    CONTEXT = "ReferralTreeModel"
    COLUMNS = (QT_TRANSLATE_NOOP("ReferralTreeModel", "Person"),
               QT_TRANSLATE_NOOP("ReferralTreeModel", "Company"),
               QT_TRANSLATE_NOOP("ReferralTreeModel", "Chats held"),
               QT_TRANSLATE_NOOP("ReferralTreeModel", "Introduced"))

    def __init__(self, parent=None):
        super().__init__(parent)
        self._nodes: list[ReferralNode] = []
        self._parent: list[int] = []  # flat index of each node's parent, -1 for a root
        self._row: list[int] = []  # each node's row under its parent
        self._children: list[list[int]] = []
        self._roots: list[int] = []
        self._bold = _bold()

    def set_roots(self, roots) -> None:
        self.beginResetModel()
        self._nodes, self._parent, self._row, self._children, self._roots = [], [], [], [], []
        stack = [(node, -1, row) for row, node in reversed(list(enumerate(roots)))]
        while stack:  # iterative: a long chain of introductions cannot overflow
            node, parent, row = stack.pop()
            flat = len(self._nodes)
            self._nodes.append(node)
            self._parent.append(parent)
            self._row.append(row)
            self._children.append([])
            (self._children[parent] if parent >= 0 else self._roots).append(flat)
            stack.extend((child, flat, n) for n, child in reversed(list(enumerate(node.children))))
        self.endResetModel()

    def node(self, index: Index) -> ReferralNode | None:
        return self._nodes[index.internalId()] if index.isValid() else None

    def _kids(self, parent: Index) -> list[int]:
        return self._children[parent.internalId()] if parent.isValid() else self._roots

    def index(self, row: int, column: int, parent: Index = _ROOT) -> QModelIndex:
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        return self.createIndex(row, column, self._kids(parent)[row])

    def parent(self, index: Index = _ROOT) -> QModelIndex:  # type: ignore[override]
        if not index.isValid():
            return QModelIndex()
        up = self._parent[index.internalId()]
        return QModelIndex() if up < 0 else self.createIndex(self._row[up], 0, up)

    def rowCount(self, parent: Index = _ROOT) -> int:
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self._kids(parent))

    def columnCount(self, parent: Index = _ROOT) -> int:
        return len(self.COLUMNS)

    def data(self, index: Index, role=Qt.ItemDataRole.DisplayRole):
        node = self.node(index)
        if node is None:
            return None
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            introduced = node.descendants
            return (node.name, node.company, str(node.chats_held) if node.chats_held else "",
                    str(introduced) if introduced else "")[col]
        if role == RECORD_ROLE:
            return node
        if role == Qt.ItemDataRole.FontRole and col == 0 and node.children:
            return self._bold
        if role == Qt.ItemDataRole.ForegroundRole and col == 1:
            return QColor(theme.current().quiet)
        if role == Qt.ItemDataRole.TextAlignmentRole and col >= 2:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None
