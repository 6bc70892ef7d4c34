"""File → Export…: all contacts or the selection, as vCard, CSV or JSON."""

from __future__ import annotations

import json

import pytest

from desktop.domain import records as r
from desktop.services import contacts as cs
from desktop.ui import dialogs
from desktop.ui.contacts import export_dialog
from desktop.ui.contacts.export_dialog import ExportDialog


@pytest.fixture
def people(store):
    return [
        cs.save(
            store,
            r.Contact(
                first_name=n,
                last_name="Lee",
                company="=HYPERLINK()",
                emails=(r.Labelled(f"{n.lower()}@x.org", "work"),),
            ),
        ).id
        for n in ("Ann", "Bob", "Cleo")
    ]


def test_vcard_of_the_selection(qtbot, store, people, tmp_path, monkeypatch):
    out = tmp_path / "some.vcf"
    monkeypatch.setattr(dialogs, "save_file", lambda *a, **k: out)
    dialog = ExportDialog(store, people[:2], 3)
    qtbot.addWidget(dialog)
    assert dialog.selected_radio.isChecked()
    dialog.export_button.click()
    text = out.read_text(encoding="utf-8")
    assert text.count("BEGIN:VCARD") == 2 and "EMAIL" in text and "Cleo" not in text


def test_csv_of_all_neutralises_formulas(qtbot, store, people, tmp_path, monkeypatch):
    out = tmp_path / "all.csv"
    monkeypatch.setattr(dialogs, "save_file", lambda *a, **k: out)
    dialog = ExportDialog(store, [], 3)
    qtbot.addWidget(dialog)
    assert not dialog.selected_radio.isEnabled() and dialog.all_radio.isChecked()
    dialog.format.setCurrentIndex(dialog.format.findData("csv"))
    dialog.export_button.click()
    text = out.read_text(encoding="utf-8-sig")
    assert text.count("@x.org") == 3 and ",=HYPERLINK" not in text


def test_json_is_for_all_contacts(qtbot, store, people, tmp_path, monkeypatch):
    out = tmp_path / "all.json"
    monkeypatch.setattr(dialogs, "save_file", lambda *a, **k: out)
    dialog = ExportDialog(store, people[:1], 3)
    qtbot.addWidget(dialog)
    dialog.format.setCurrentIndex(dialog.format.findData("json"))
    assert not dialog.selected_radio.isEnabled() and dialog.all_radio.isChecked()
    dialog.export_button.click()
    assert dialog.count == 3
    assert json.loads(out.read_text(encoding="utf-8"))


def test_run_from_the_window(qtbot, window, store, people, tmp_path, monkeypatch):
    out = tmp_path / "x.vcf"
    monkeypatch.setattr(dialogs, "save_file", lambda *a, **k: out)
    monkeypatch.setattr(ExportDialog, "exec", lambda self: (self.export(), self.result())[1])
    page = window.show_page("contacts")
    page.refresh()
    page.table.selectAll()
    assert export_dialog.run(window)
    assert out.read_text(encoding="utf-8").count("BEGIN:VCARD") == 3
    assert "Exported 3 contacts" in window.statusBar().currentMessage()
