"""File → Import…: the preview off the UI thread, nothing written before Import, then one go."""

from __future__ import annotations

import pytest

from desktop.domain import records as r
from desktop.services import contacts as cs
from desktop.ui import dialogs
from desktop.ui.contacts import import_dialog
from desktop.ui.contacts.import_dialog import ImportDialog

LINKEDIN = (
    "\ufeffNotes:\r\n"
    '"When exporting your connection data, you may notice that some of the email addresses '
    'are missing."\r\n'
    "\r\n"
    "First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n"
    "Ann,Lee,https://www.linkedin.com/in/annlee,ann@globex.com,Globex,CTO,7 Feb 2022\r\n"
    "Zoë,Ngô,https://www.linkedin.com/in/zoe,,Initech,Designer,15 Mar 2024\r\n"
    'Bob,Ray,https://www.linkedin.com/in/bob,,"Acme, Inc.",Analyst\r\n'
    ",,,,,,\r\n"
)


@pytest.fixture
def csv_file(tmp_path):
    path = tmp_path / "Connections.csv"
    path.write_bytes(LINKEDIN.encode("utf-8"))
    return path


def _wait_preview(qtbot, dialog):
    qtbot.waitUntil(lambda: dialog.progress.isHidden(), timeout=10_000)


def test_preview_then_import(qtbot, qtmodeltester, store, csv_file):
    existing = cs.save(
        store, r.Contact(first_name="Ann", last_name="Lee", emails=(r.Labelled("ann@globex.com"),))
    )
    dialog = ImportDialog(store, csv_file)
    qtbot.addWidget(dialog)
    _wait_preview(qtbot, dialog)
    for model in (dialog.added, dialog.merged, dialog.rejected):
        qtmodeltester.check(model)
    assert dialog.added.rowCount() == 1 and dialog.merged.rowCount() == 1
    assert dialog.rejected.rowCount() == 1  # the short row (an empty one is skipped)
    assert dialog.tabs.tabText(0) == "New (1)"
    merged_with = dialog.merged.data(dialog.merged.index(0, 2))
    assert f"contact {existing.id}" in merged_with and "LinkedIn" not in merged_with
    reason = dialog.rejected.data(dialog.rejected.index(0, 1))
    assert "6" in reason and "7" in reason  # both field counts
    assert dialog.rejected.data(dialog.rejected.index(0, 0)) == "7"  # its line
    assert "LinkedIn" in dialog.summary.text()
    assert len(cs.list_rows(store)) == 1  # nothing written yet
    assert dialog.import_button.isEnabled()
    dialog.import_button.click()
    qtbot.waitUntil(lambda: dialog.result_ is not None, timeout=10_000)
    names = sorted(row.name for row in cs.list_rows(store))
    assert names == ["Ann Lee", "Zoë Ngô"]
    assert cs.get(store, existing.id).company == "Globex"


def test_cancel_writes_nothing(qtbot, store, csv_file):
    dialog = ImportDialog(store, csv_file)
    qtbot.addWidget(dialog)
    _wait_preview(qtbot, dialog)
    dialog.cancel_button.click()
    assert dialog.worker is None
    assert cs.list_rows(store) == []


def test_unreadable_file_says_why(qtbot, store, tmp_path):
    junk = tmp_path / "photo.csv"
    junk.write_bytes(bytes(range(256)) * 20)
    dialog = ImportDialog(store, junk)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.progress.isHidden(), timeout=10_000)
    assert dialog.summary.text()
    assert not dialog.import_button.isEnabled()
    dialog.reject()


def test_a_big_file_reports_progress_and_can_be_cancelled(qtbot, store, tmp_path):
    rows = "".join(
        f"P{n},Q{n},https://www.linkedin.com/in/p{n},,Co{n % 50},Role,1 Jan 2024\r\n"
        for n in range(3000)
    )
    path = tmp_path / "big.csv"
    path.write_text(
        "First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n" + rows,
        encoding="utf-8",
    )
    dialog = ImportDialog(store, path)
    qtbot.addWidget(dialog)
    seen = []
    dialog.worker.progress.connect(lambda done, total: seen.append((done, total)))
    _wait_preview(qtbot, dialog)
    assert seen and seen[-1] == (3000, 3000)
    assert dialog.import_button.text() == "Import 3,000"
    dialog.reject()
    assert cs.list_rows(store) == []


def test_run_picks_a_file_and_refreshes_the_window(qtbot, window, store, csv_file, monkeypatch):
    monkeypatch.setattr(dialogs, "open_file", lambda *a, **k: csv_file)
    monkeypatch.setattr(
        ImportDialog,
        "exec",
        lambda self: (
            qtbot.waitUntil(lambda: self.import_button.isEnabled(), timeout=10_000),
            self.confirm(),
            qtbot.waitUntil(lambda: self.result_ is not None, timeout=10_000),
            self.result(),
        )[-1],
    )
    assert import_dialog.run(window)
    assert len(window.page("contacts").model.rows()) == 2
