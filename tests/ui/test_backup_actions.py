"""File → Back up… and File → Restore backup… from the window."""

from __future__ import annotations

from desktop import paths
from desktop.domain import records as r
from desktop.services import backup as backup_service
from desktop.services import contacts, open_store
from desktop.ui import backup_actions, dialogs


def _names(window) -> list[str]:
    return [row.name for row in window.page("contacts").model.rows()]


def test_back_up_writes_a_checked_copy(window, seeded, tmp_path, monkeypatch):
    target = tmp_path / "copy.sqlite"
    monkeypatch.setattr(dialogs, "save_file", lambda *a, **k: target)
    assert window.actions["backup"].isEnabled()
    window.actions["backup"].trigger()
    with open_store(target) as copy:
        assert len(contacts.list_rows(copy)) == 2


def test_restore_goes_back_to_the_copy(window, seeded, tmp_path, monkeypatch):
    target = tmp_path / "copy.sqlite"
    monkeypatch.setattr(dialogs, "save_file", lambda *a, **k: target)
    backup_actions.back_up(window)
    contacts.save(window.store, r.Contact(first_name="Added", last_name="Later"))
    window.show_page("contacts")
    window.refresh()
    assert "Added Later" in _names(window)

    monkeypatch.setattr(dialogs, "ask_yes_no", lambda *a, **k: True)
    db_path = window.store.path
    assert backup_actions.restore_from(window, target)
    assert window.store.path == db_path and not window.store.db.is_closed()
    assert window.current_key() == "contacts"
    assert "Added Later" not in _names(window)
    kept = list(db_path.parent.glob(f"{db_path.stem}.before-restore-*.sqlite"))
    assert len(kept) == 1


def test_a_bad_backup_changes_nothing(window, seeded, tmp_path, monkeypatch):
    garbage = tmp_path / "garbage.sqlite"
    garbage.write_bytes(b"nope" * 1000)
    errors = []
    monkeypatch.setattr(dialogs, "ask_yes_no", lambda *a, **k: True)
    monkeypatch.setattr(dialogs, "error", lambda parent, text, *a, **k: errors.append(text))
    assert not backup_actions.restore_from(window, garbage)
    assert errors and "Nothing was changed" in errors[0]
    assert sorted(_names(window)) == ["Ana Łukasiewicz", "Omar Haddad"]


def test_the_restore_dialog_lists_backups(qtbot, store, seeded):
    made = backup_service.automatic_backup(store.path, paths.backup_dir())
    dialog = backup_actions.RestoreDialog(backup_service.list_backups(paths.backup_dir()))
    qtbot.addWidget(dialog)
    assert dialog.list.count() == 1
    assert "2 contacts" in dialog.list.item(0).text()
    dialog.list.setCurrentRow(0)
    dialog.restore_button.click()
    assert dialog.chosen == made
