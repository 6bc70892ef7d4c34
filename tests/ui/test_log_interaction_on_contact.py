"""Log an interaction from a contact's detail panel: the contact's rows are refreshed."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from desktop.domain import records as r
from desktop.domain.enums import InteractionKind
from desktop.services import contacts, interactions
from desktop.ui import interaction_dialog
from desktop.ui.contacts.detail_panel import DetailPanel


def test_log_interaction_button_on_the_contact(qtbot, store, monkeypatch):
    ann = contacts.save(store, r.Contact(first_name="Ann", cadence_days=30))
    panel = DetailPanel(store)
    qtbot.addWidget(panel)
    panel.show_contact(ann.id)
    seen = []

    def fake(parent, store_, contact_id):
        seen.append(contact_id)
        return interactions.log(store_, contact_id, InteractionKind.CALL, "catch-up",
                                at=datetime(2025, 3, 1, 9))

    monkeypatch.setattr(interaction_dialog, "log_interaction", fake)
    button = panel.findChild(QPushButton, "logInteraction")
    assert button.isEnabled()
    with qtbot.waitSignal(panel.contactsChanged) as changed:
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert seen == [ann.id] and changed.args == [[ann.id]]
    assert contacts.last_contact(store, ann.id).isoformat() == "2025-03-01"


def test_log_interaction_is_off_for_a_new_contact(qtbot, store):
    panel = DetailPanel(store)
    qtbot.addWidget(panel)
    panel.new_contact()
    assert not panel.findChild(QPushButton, "logInteraction").isEnabled()
