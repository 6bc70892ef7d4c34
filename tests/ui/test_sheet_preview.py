"""The sheet preview: built off the UI thread, shown on white, saved, printed, warned about."""

from __future__ import annotations

from datetime import datetime

import pytest
from PySide6.QtGui import QColor
from PySide6.QtPrintSupport import QPrinter

from desktop.domain.records import ChatQuestion, Contact
from desktop.services import chats, contacts
from desktop.ui import dialogs, sheet_preview
from desktop.ui.sheet_preview import SheetPreviewDialog, show_sheet_preview


def _chat(store, questions: int) -> int:
    person = contacts.save(store, Contact(first_name="Łucja", last_name="王",
                                          role="Analyst", company="R&D <Team>"))
    chat = chats.create(store, person.id, scheduled_at=datetime(2024, 5, 14, 9, 0),
                        goal="Learn the ropes")
    chats.set_questions(store, chat.id, [ChatQuestion(f"Question {n}?")
                                         for n in range(1, questions + 1)])
    return chat.id


@pytest.fixture
def preview(qtbot, store):
    def make(questions: int = 3) -> SheetPreviewDialog:
        dialog = SheetPreviewDialog(store, _chat(store, questions))
        qtbot.addWidget(dialog)
        with qtbot.waitSignal(dialog.ready, timeout=20_000):
            dialog.show()
        return dialog
    return make


def test_the_page_is_shown_on_white(preview):
    dialog = preview()
    pixmap = dialog.page_label.pixmap()
    assert not pixmap.isNull()
    image = pixmap.toImage()
    assert image.pixelColor(2, 2) == QColor("white")
    assert dialog.pdf.startswith(b"%PDF-")
    assert dialog.save_button.isEnabled() and dialog.print_button.isEnabled()
    assert not dialog.notice.isVisibleTo(dialog)


def test_left_out_questions_are_announced_before_printing(preview):
    dialog = preview(150)
    assert dialog.result.omitted_questions > 0
    assert dialog.notice.isVisibleTo(dialog)
    assert "of 150 questions fit" in dialog.notice.text()


def test_changing_the_paper_rebuilds(preview, qtbot):
    dialog = preview()
    other = 1 - dialog.paper_box.currentIndex()
    with qtbot.waitSignal(dialog.ready, timeout=20_000):
        dialog.paper_box.setCurrentIndex(other)
    assert dialog.result.page_size == dialog.paper_box.itemData(other)


@pytest.mark.parametrize("preference", ["a4", "letter"])
def test_the_paper_preference_is_the_default(qtbot, store, preference):
    """One of the two differs from the machine's locale, whichever that is."""
    from desktop.services import preferences

    preferences.update(store, paper_size=preference)
    dialog = SheetPreviewDialog(store, _chat(store, 1))
    qtbot.addWidget(dialog)
    assert dialog.paper_box.currentData() == preference
    with qtbot.waitSignal(dialog.ready, timeout=20_000):
        dialog.show()
    assert dialog.result.page_size == preference


def test_save_as_pdf(preview, tmp_path, monkeypatch):
    dialog = preview()
    target = tmp_path / "sheet"
    monkeypatch.setattr(dialogs, "save_file", lambda *a, **k: target)
    saved = dialog.save_as()
    assert saved == tmp_path / "sheet.pdf"
    assert saved.read_bytes() == dialog.pdf
    monkeypatch.setattr(dialogs, "save_file", lambda *a, **k: None)
    assert dialog.save_as() is None


def test_print_goes_through_the_print_dialog(preview, tmp_path, monkeypatch):
    dialog = preview()
    out = tmp_path / "printed.pdf"
    seen = []

    def accept(parent, printer):
        seen.append(printer.pageLayout().pageSize().id())
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
        return True

    monkeypatch.setattr(sheet_preview, "run_print_dialog", accept)
    assert dialog.print_sheet()
    assert out.read_bytes().startswith(b"%PDF-")
    monkeypatch.setattr(sheet_preview, "run_print_dialog", lambda *a: False)
    assert not dialog.print_sheet()
    assert len(seen) == 1


def test_a_missing_chat_is_a_calm_message(qtbot, store, monkeypatch):
    said = []
    monkeypatch.setattr(dialogs, "warn", lambda parent, text, *a, **k: said.append(text))
    assert show_sheet_preview(None, store, 424242) is None
    assert said == ["There is no chat 424242."]


def test_the_chats_page_offers_the_sheet(qtbot, store, monkeypatch):
    from desktop.ui.pages.chats import ChatsPage

    chat_id = _chat(store, 2)
    opened = []
    monkeypatch.setattr(sheet_preview, "show_sheet_preview",
                        lambda parent, s, cid: opened.append(cid))
    page = ChatsPage(store)
    qtbot.addWidget(page)
    assert page.select(chat_id)
    assert page.sheet_button.isEnabled()
    page.sheet_button.click()
    assert opened == [chat_id]


def test_the_window_start_up_never_imports_reportlab_or_qtpdf(tmp_path):
    """Every page built, as a user clicking through would; the sheet's libraries stay out."""
    import subprocess
    import sys

    code = f"""
import os, sys
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from PySide6.QtWidgets import QApplication
app = QApplication([])
from desktop.services import open_store
from desktop.ui.main_window import MainWindow
from desktop.ui.pages import PAGES
window = MainWindow(open_store({str(tmp_path / 'db.sqlite')!r}))
for page in PAGES:
    window.show_page(page.key)
app.processEvents()
print(sorted({{m.split('.')[0] for m in sys.modules if m.startswith('reportlab')}}),
      'PySide6.QtPdf' in sys.modules)
"""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, timeout=50, cwd=tmp_path).stdout
    assert out.strip().splitlines()[-1] == "[] False"
