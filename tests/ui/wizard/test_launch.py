"""The main window opens the wizard: File → New chat, a chat id, Plan a chat, My profile."""

from __future__ import annotations

from desktop.domain.enums import ChatStatus
from desktop.services import chats
from desktop.ui.wizard import launch
from desktop.ui.wizard.chat_wizard import ChatWizard


def test_menu_and_features_open_the_wizard(qtbot, window, seeded, outside, monkeypatch):
    window.actions["new_chat"].trigger()
    (wizard,) = launch.open_wizards(window)
    assert wizard.chat_id is None and wizard.currentPage().objectName() == "prepPage"
    wizard.close()
    qtbot.waitUntil(lambda: not launch.open_wizards(window))

    window.open_chat(seeded.held_chat)
    (wizard,) = launch.open_wizards(window)
    assert wizard.chat_id == seeded.held_chat
    assert wizard.currentPage().objectName() == "wrapUpPage"
    window.open_chat(seeded.held_chat)  # the same chat again: brought forward, not twice
    assert launch.open_wizards(window) == [wizard]

    window.run_feature("plan_chat", seeded.omar)
    planned = [w for w in launch.open_wizards(window) if w is not wizard]
    assert len(planned) == 1
    chat = chats.get(window.store, planned[0].chat_id)
    assert chat.contact_id == seeded.omar and chat.status is ChatStatus.IDEA
    for open_one in launch.open_wizards(window):
        open_one.close()


def test_my_profile_menu(qtbot, window, outside, monkeypatch):
    from desktop.ui import profile_dialog

    shown = []
    monkeypatch.setattr(profile_dialog.ProfileDialog, "exec", lambda self: shown.append(self))
    assert window.actions["profile"].isEnabled()
    window.actions["profile"].trigger()
    assert len(shown) == 1 and shown[0].objectName() == "profileDialog"


def test_wizard_is_a_window_of_its_own(qtbot, window, seeded, outside):
    wizard = launch.open_chat(window, seeded.scheduled_chat)
    assert isinstance(wizard, ChatWizard) and wizard.isWindow()
    wizard.close()


def test_switching_database_closes_the_wizard_first(qtbot, window, seeded, outside, tmp_path):
    wizard = launch.open_chat(window, seeded.scheduled_chat)
    wizard.prep.goal_edit.end(False)
    qtbot.keyClicks(wizard.prep.goal_edit, " and more")
    old_store = window.store
    assert window.open_database(tmp_path / "other.sqlite")
    assert launch.open_wizards(window) == []
    assert chats.list_chats(window.store) == []  # nothing leaked into the new file
    window.close()
    from desktop.services import open_store

    with open_store(old_store.path) as again:  # (binds the models to the old file again)
        assert chats.get(again, seeded.scheduled_chat).goal == "Data careers and more"


def test_a_missing_chat_is_a_calm_message(qtbot, window, outside):
    assert launch.open_chat(window, 424242) is None
    assert outside.messages == ["There is no chat 424242."]
