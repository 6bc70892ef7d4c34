"""The Contacts page at 1366×768: every column fits beside the detail panel, the table gets
most of the width (and keeps it when a long name is selected), and the splitter is
remembered across windows."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QSplitter

from desktop.domain import records as r
from desktop.services import contacts as cs
from desktop.ui.contacts import table_model as tm


@pytest.fixture
def filled(store):
    people = [cs.save(store, r.Contact(first_name=f"Person{n}", last_name="Example",
                                       company="Globex", role="Engineer", tags=("alumni",)))
              for n in range(40)]  # more rows than fit: the vertical scroll bar is there
    long_name = cs.save(store, r.Contact(first_name="Agnieszka Maria",
                                         last_name="Zielińska-Wiśniewska", company="Vistula"))
    return people, long_name


def _window(qtbot, store):
    from desktop.ui.main_window import MainWindow

    window = MainWindow(store)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    page = window.show_page("contacts")
    qtbot.waitUntil(lambda: page.table.viewport().width() > 0)
    return window, page


def test_short_headers_say_more_in_their_tooltips(store):
    model = tm.ContactsTableModel()
    horizontal = Qt.Orientation.Horizontal
    assert model.headerData(tm.COL_NEXT, horizontal) == "Next"
    assert model.headerData(tm.COL_LAST_CONTACT, horizontal) == "Last contact"
    tip = model.headerData(tm.COL_NEXT, horizontal, Qt.ItemDataRole.ToolTipRole)
    assert "keep-in-touch" in tip
    assert model.headerData(tm.COL_LAST_CONTACT, horizontal, Qt.ItemDataRole.ToolTipRole)


def test_every_column_fits_and_the_table_gets_most_of_the_width(qtbot, store, filled):
    _people, long_name = filled
    window, page = _window(qtbot, store)
    splitter = page.findChild(QSplitter, "contactsSplitter")
    header = page.table.horizontalHeader()

    def fits() -> bool:
        return header.length() <= page.table.viewport().width()

    assert fits(), [header.sectionSize(i) for i in range(header.count())]
    table, panel = splitter.sizes()
    assert table >= 2 * panel
    assert page.select(long_name.id)
    qtbot.waitUntil(lambda: page.panel.title.text() != "")
    for _ in range(3):  # the layout requests the new name posts
        QApplication.processEvents()
    assert splitter.sizes() == [table, panel]  # a long name wraps; the panel keeps its width
    assert fits()
    window.close()


def test_the_splitter_is_remembered(qtbot, store, filled):
    window, page = _window(qtbot, store)
    splitter = page.findChild(QSplitter, "contactsSplitter")
    total = sum(splitter.sizes())
    splitter.setSizes([total - 500, 500])
    splitter.splitterMoved.emit(total - 500, 1)  # as a drag does; saved once it rests
    window.close()  # hiding saves a pending move at once
    _again, page = _window(qtbot, store)
    assert page.findChild(QSplitter, "contactsSplitter").sizes()[1] == 500
