"""Wrap-up (`wrapUpPage`): takeaways, insights, referrals, promises, thank-you, follow-ups.

Left column: takeaways (`takeawaysEdit`), insights (`insightsList`, each with a kind, with
the chat's insight and quote notes promoted in one step), referrals and promises. Right
column: the thank-you and the follow-ups. Finish (the wizard's button) marks the chat
wrapped up, or thanked once the thank-you is sent.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
)

from desktop.domain import records as r
from desktop.domain.enums import InsightKind, NoteKind
from desktop.services import chat_flow
from desktop.services import chats as chats_service
from desktop.ui import dialogs
from desktop.ui.wizard.common import ChatPage, Tip, card, field_label, quiet, row, wrapping
from desktop.ui.wizard.follow_ups_panel import FollowUpsPanel
from desktop.ui.wizard.referrals_panel import PromisesPanel, ReferralsPanel
from desktop.ui.wizard.thank_you_panel import ThankYouPanel

ID_ROLE = Qt.ItemDataRole.UserRole + 1
PROMOTABLE = (NoteKind.INSIGHT, NoteKind.QUOTE, NoteKind.LEAD)
DEFAULT_KIND = {NoteKind.LEAD: InsightKind.JOB_LEAD}


def _kind_combo(name: str, accessible: str) -> QComboBox:
    combo = QComboBox()
    combo.setObjectName(name)
    combo.setAccessibleName(accessible)
    for kind in InsightKind:
        combo.addItem(kind.label, kind.value)
    return combo


class WrapUpPage(ChatPage):
    def __init__(self, context, parent=None):
        super().__init__(context, parent)
        self.setObjectName("wrapUpPage")
        self.setTitle(self.tr("Wrap-up"))
        self.setSubTitle(self.tr("While it is fresh: what you learned, who to meet, "
                                 "and a thank-you within 24 hours."))
        self.detail: r.ChatDetail | None = None
        columns = QHBoxLayout()
        columns.setSpacing(16)
        left, right = QVBoxLayout(), QVBoxLayout()
        left.setSpacing(14)
        right.setSpacing(14)
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)
        self.body.addLayout(columns)

        frame, layout = card(self.tr("Takeaways"), "takeawaysCard")
        self.takeaways_edit = QPlainTextEdit()
        self.takeaways_edit.setObjectName("takeawaysEdit")
        self.takeaways_edit.setAccessibleName(self.tr("Takeaways"))
        self.takeaways_edit.setPlaceholderText(self.tr("One per line: what you learned, what "
                                                       "you will do differently"))
        self.takeaways_edit.setMinimumHeight(110)
        self.takeaways_edit.setMaximumHeight(170)
        self.takeaways_edit.textChanged.connect(self._takeaways_typed)
        layout.addWidget(self.takeaways_edit)
        left.addWidget(frame)
        left.addWidget(self._insights_card())
        frame, layout = card(self.tr("Referrals"), "referralsCard")
        self.referrals = ReferralsPanel()
        self.referrals.referralAdded.connect(self._add_referral)
        layout.addWidget(self.referrals)
        left.addWidget(frame)
        left.addStretch(1)

        frame, layout = card(self.tr("Thank-you"), "thankYouCard")
        self.thank_you = ThankYouPanel(self.store)
        self.thank_you.textEdited.connect(self._thank_you_typed)
        self.thank_you.markSent.connect(self._mark_sent)
        layout.addWidget(self.thank_you)
        right.addWidget(frame)
        frame, layout = card(self.tr("Follow-ups"), "followUpsCard")
        self.follow_ups = FollowUpsPanel()
        self.follow_ups.edited.connect(self._follow_up_edited)
        self.follow_ups.removed.connect(self._follow_up_removed)
        self.follow_ups.added.connect(self._follow_up_added)
        layout.addWidget(self.follow_ups)
        right.addWidget(frame)
        frame, layout = card(self.tr("Promises"), "promisesCard")
        self.promises = PromisesPanel()
        self.promises.promise.connect(self._add_promise)
        layout.addWidget(self.promises)
        right.addWidget(frame)
        right.addStretch(1)

    def _insights_card(self):
        frame, layout = card(self.tr("Insights"), "insightsCard")
        layout.addWidget(Tip("insights", self.tr(
            "Insights add up across chats: the Insights page shows what many people said.")))
        self.candidates = QListWidget()
        self.candidates.setObjectName("noteCandidatesList")
        self.candidates.setAccessibleName(self.tr("Insight and quote notes to promote"))
        self.candidates.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        wrapping(self.candidates)
        self.candidates.setMaximumHeight(120)
        self.candidates.itemActivated.connect(lambda item: self.promote([item]))
        self.candidates_label = quiet(self.tr("From your notes (double-click or Enter promotes):"))
        layout.addWidget(self.candidates_label)
        layout.addWidget(self.candidates)
        self.promote_kind = _kind_combo("promoteKindCombo", self.tr("Promote as"))
        self.promote_button = QPushButton(self.tr("Promote"))
        self.promote_button.setObjectName("promoteButton")
        self.promote_button.clicked.connect(lambda: self.promote(self.candidates.selectedItems()))
        self.promote_row = row(None, field_label(self.tr("as")), self.promote_kind,
                               self.promote_button)
        layout.addLayout(self.promote_row)

        self.insights_label = field_label(self.tr("Insights from this chat"))
        layout.addWidget(self.insights_label)
        self.insights_list = QListWidget()
        self.insights_list.setObjectName("insightsList")
        self.insights_list.setAccessibleName(self.tr("Insights from this chat"))
        wrapping(self.insights_list)
        self.insights_list.setMinimumHeight(100)
        self.insights_list.setMaximumHeight(200)
        self.insights_list.currentItemChanged.connect(self._insight_selected)
        layout.addWidget(self.insights_list)
        self.insight_kind = _kind_combo("insightKindCombo", self.tr("Kind of the selected insight"))
        self.insight_kind.activated.connect(self._insight_kind_changed)
        self.remove_insight_button = QPushButton(self.tr("Remove"))
        self.remove_insight_button.setObjectName("removeInsightButton")
        self.remove_insight_button.clicked.connect(self._remove_insight)
        layout.addLayout(row(field_label(self.tr("Kind")), self.insight_kind, None,
                             self.remove_insight_button))
        self.new_insight_edit = QLineEdit()
        self.new_insight_edit.setObjectName("newInsightEdit")
        self.new_insight_edit.setPlaceholderText(self.tr("Another insight…"))
        self.new_insight_edit.setAccessibleName(self.tr("New insight"))
        self.new_insight_edit.returnPressed.connect(self._add_insight)
        self.new_insight_kind = _kind_combo("newInsightKindCombo", self.tr("Kind of new insight"))
        self.add_insight_button = QPushButton(self.tr("Add"))
        self.add_insight_button.setObjectName("addInsightButton")
        self.add_insight_button.clicked.connect(self._add_insight)
        layout.addLayout(row(self.new_insight_edit, self.new_insight_kind,
                             self.add_insight_button))
        return frame

    # --- filling ----------------------------------------------------------------------------
    def refresh(self) -> None:
        if self.chat_id is None:
            return
        detail = chats_service.detail(self.store, self.chat_id)
        self.detail = detail
        if self.takeaways_edit.toPlainText() != detail.chat.takeaways:
            self.takeaways_edit.setPlainText(detail.chat.takeaways)
        self._fill_insights(detail)
        made = chat_flow.referrals(self.store, self.chat_id)
        self.referrals.refresh(detail.notes, made)
        self.promises.refresh(detail.notes, detail.follow_ups)
        self.thank_you.refresh(detail, detail.chat.takeaways)
        names = {c.id: c.full_name for c in made}
        self.follow_ups.set_follow_ups(detail.follow_ups, names)

    def _fill_insights(self, detail: r.ChatDetail) -> None:
        promoted = {i.text.strip() for i in detail.insights}
        self.candidates.clear()
        for note in detail.notes:
            if note.kind in PROMOTABLE and note.text.strip() not in promoted:
                item = QListWidgetItem(f"{note.kind.label}: {note.text}")
                item.setData(ID_ROLE, note.id)
                item.setData(ID_ROLE + 1, note.kind.value)
                self.candidates.addItem(item)
        has = self.candidates.count() > 0
        for widget in (self.candidates, self.candidates_label, self.promote_kind,
                       self.promote_button):
            widget.setVisible(has)
        current = self.insights_list.currentRow()
        self.insights_list.clear()
        for insight in detail.insights:
            item = QListWidgetItem(f"{insight.kind.label} · {insight.text}")
            item.setData(ID_ROLE, insight.id)
            item.setData(ID_ROLE + 1, insight.kind.value)
            self.insights_list.addItem(item)
        self.insights_label.setText(self.tr("Insights from this chat (%1)").replace(
            "%1", str(self.insights_list.count())))
        if self.insights_list.count():
            self.insights_list.setCurrentRow(min(max(current, 0), self.insights_list.count() - 1))
        self._insight_selected(self.insights_list.currentItem())

    # --- saving -----------------------------------------------------------------------------
    def _takeaways_typed(self) -> None:
        text = self.takeaways_edit.toPlainText()
        chat_id = self.chat_id
        self.save_later("takeaways",
                        lambda: chats_service.update(self.store, chat_id, takeaways=text))
        if not self.loading:
            self.thank_you.set_takeaways(text)
            self.thank_you._maybe_redraft()

    def _thank_you_typed(self, text: str) -> None:
        chat_id = self.chat_id
        self.save_later("thank_you_text",
                        lambda: chats_service.update(self.store, chat_id, thank_you_text=text))

    def _after_step(self) -> None:
        self.context.saver.flush()
        self.reload()

    def promote(self, items: list[QListWidgetItem]) -> None:
        if not items:
            return
        chosen = InsightKind(self.promote_kind.currentData())
        for item in items:
            kind = DEFAULT_KIND.get(NoteKind(item.data(ID_ROLE + 1)), chosen)
            chats_service.promote_note(self.store, item.data(ID_ROLE), kind)
        self._after_step()

    def _insight_selected(self, item, _previous=None) -> None:
        on = item is not None
        self.insight_kind.setEnabled(on)
        self.remove_insight_button.setEnabled(on)
        if on:
            self.insight_kind.setCurrentIndex(self.insight_kind.findData(item.data(ID_ROLE + 1)))

    def _insight_kind_changed(self) -> None:
        item = self.insights_list.currentItem()
        if item is None:
            return
        kind = InsightKind(self.insight_kind.currentData())
        chats_service.update_insight(self.store, item.data(ID_ROLE), kind=kind)
        item.setData(ID_ROLE + 1, kind.value)
        item.setText(f"{kind.label} · {item.text().split(' · ', 1)[-1]}")

    def _remove_insight(self) -> None:
        item = self.insights_list.currentItem()
        if item is not None:
            chats_service.delete_insight(self.store, item.data(ID_ROLE))
            self._after_step()

    def _add_insight(self) -> None:
        text = self.new_insight_edit.text().strip()
        if text:
            chats_service.add_insight(self.store, self.chat_id, text,
                                      InsightKind(self.new_insight_kind.currentData()))
            self.new_insight_edit.clear()
            self._after_step()

    def _add_referral(self, person: r.Contact, why: str) -> None:
        from desktop.errors import UserError

        try:
            chat_flow.add_referral(self.store, self.chat_id, person, why=why)
        except UserError as exc:
            dialogs.warn(self, str(exc))
            return
        self.referrals.clear_form()
        self._after_step()
        self.context.changed.emit()

    def _add_promise(self, text: str, mine: bool) -> None:
        chat_flow.add_promise(self.store, self.chat_id, text, mine=mine)
        self._after_step()
        self.thank_you._maybe_redraft()

    def _mark_sent(self) -> None:
        self.context.saver.flush()
        chat_flow.mark_thank_you_sent(self.store, self.chat_id)
        self.reload()
        self.context.changed.emit()

    def _follow_up_edited(self, follow_up_id: int, changes: dict) -> None:
        self.save_later(f"follow-up:{follow_up_id}:{','.join(sorted(changes))}",
                        lambda: chats_service.update_follow_up(self.store, follow_up_id,
                                                               **changes))

    def _follow_up_removed(self, follow_up_id: int) -> None:
        self.context.saver.discard(f"follow-up:{follow_up_id}:")
        chats_service.delete_follow_up(self.store, follow_up_id)

    def _follow_up_added(self, kind, due, text: str) -> None:
        assert self.detail is not None
        chats_service.add_follow_up(self.store, self.detail.chat.contact_id, kind, due, text,
                                    chat_id=self.chat_id)
        self._after_step()

    def ensure_defaults(self) -> None:
        """A chat wrapped up without pressing End still gets its default follow-ups."""
        if self.chat_id is not None and self.detail is not None and \
                self.detail.chat.ended_at is not None:
            chat_flow.ensure_default_follow_ups(self.store, self.chat_id)
