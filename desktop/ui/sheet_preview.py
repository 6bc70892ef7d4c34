"""The question sheet preview: see the page, pick Letter or A4, save it as PDF or print it.

The PDF is built off the UI thread (a one-thread pool, so builds never overlap) from a
frozen `ChatDetail`; the page is drawn with QtPdf, which renders onto a transparent
background, so each rendering is composited onto white. When questions did not fit, the
dialog says so above the page before anyone prints. Entry point for the Chats page and the
wizard: `show_sheet_preview(parent, store, chat_id)`.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QIODevice,
    QLocale,
    QMarginsF,
    QObject,
    QRunnable,
    QSize,
    Qt,
    QThreadPool,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor, QImage, QPageLayout, QPageSize, QPainter, QPixmap
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.records import ChatDetail
from desktop.errors import UserError
from desktop.reports import paper
from desktop.services import chats as chats_service
from desktop.services import preferences
from desktop.ui import dialogs, theme

PRINT_DPI = 300  # enough for text on paper, and a Letter page stays ~34 MB while printing


class _Signals(QObject):
    done = Signal(int, object, object)  # generation, pdf bytes, SheetResult
    failed = Signal(int, str)


class SheetJob(QRunnable):
    """Builds one sheet from plain data; reports through `signals` (queued to the UI)."""

    def __init__(self, generation: int, detail: ChatDetail, page_size: str):
        super().__init__()
        self.generation, self.detail, self.page_size = generation, detail, page_size
        self.signals = _Signals()

    def run(self) -> None:
        import io

        from desktop.reports.sheet import build_sheet

        try:
            buffer = io.BytesIO()
            result = build_sheet(self.detail, buffer, self.page_size)
        except Exception as exc:  # reported in the dialog, and logged by the caller
            self.signals.failed.emit(self.generation, f"{type(exc).__name__}: {exc}")
            return
        self.signals.done.emit(self.generation, buffer.getvalue(), result)


def white_page(document: QPdfDocument, size: QSize) -> QImage:
    """Page 0 rendered at `size`, composited onto white (QtPdf leaves it transparent)."""
    rendered = document.render(0, size)
    page = QImage(size, QImage.Format.Format_RGB32)
    page.fill(QColor("white"))
    painter = QPainter(page)
    painter.drawImage(0, 0, rendered)
    painter.end()
    return page


def run_print_dialog(parent: QWidget | None, printer: QPrinter) -> bool:
    """The system print dialog; tests replace this function."""
    dialog = QPrintDialog(printer, parent)
    dialog.setObjectName("printDialog")
    return dialog.exec() == QDialog.DialogCode.Accepted


class SheetPreviewDialog(QDialog):
    ready = Signal()  # a new PDF is shown (tests wait for it)

    def __init__(self, store, chat_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("sheetPreview")
        self.detail = chats_service.detail(store, chat_id)
        name = self.detail.contact.full_name or self.detail.chat.contact_name
        self.setWindowTitle(self.tr("Question sheet: %1").replace("%1", name))
        self.pdf: bytes = b""
        self.result = None
        self._generation = 0
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._jobs: dict[int, SheetJob] = {}
        self.document = QPdfDocument(self)
        self._buffer: QBuffer | None = None

        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.setSpacing(10)
        top = QHBoxLayout()
        heading = theme.set_role(QLabel(self.tr("Question sheet for %1").replace("%1", name)),
                                 "subheading")
        top.addWidget(heading)
        top.addStretch(1)
        top.addWidget(QLabel(self.tr("Paper")))
        self.paper_box = QComboBox()
        self.paper_box.setObjectName("paperSize")
        self.paper_box.setAccessibleName(self.tr("Paper size"))
        self.paper_box.addItem(self.tr("Letter"), paper.LETTER)
        self.paper_box.addItem(self.tr("A4"), paper.A4)
        # The preference when set, else the locale's usual size.
        default = preferences.paper_size(store) or paper.default_page_size(
            QLocale.system().name())
        self.paper_box.setCurrentIndex(0 if default == paper.LETTER else 1)
        self.paper_box.currentIndexChanged.connect(self.rebuild)
        top.addWidget(self.paper_box)
        layout.addLayout(top)

        self.notice = QLabel()
        self.notice.setObjectName("sheetNotice")
        # The accent, not red: nothing is late, but it needs a look before printing.
        self.notice.setStyleSheet(f"color: {theme.current().accent}; font-weight: 600;")
        self.notice.setWordWrap(True)
        self.notice.hide()
        layout.addWidget(self.notice)

        self.page_label = QLabel(self.tr("Preparing the sheet…"))
        self.page_label.setObjectName("sheetPage")
        self.page_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.page_label.setAccessibleName(self.tr("Preview of the question sheet"))
        self.scroll = QScrollArea()
        self.scroll.setObjectName("sheetScroll")
        self.scroll.setWidget(self.page_label)
        self.scroll.setWidgetResizable(True)
        self.scroll.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.scroll.setStyleSheet(f"QScrollArea#sheetScroll, QLabel#sheetPage "
                                  f"{{ background: {theme.current().window}; }}")
        layout.addWidget(self.scroll, 1)

        buttons = QHBoxLayout()
        self.status = theme.set_role(QLabel(), "quiet")
        self.status.setObjectName("sheetStatus")
        buttons.addWidget(self.status, 1)
        self.save_button = QPushButton(self.tr("Save as PDF…"))
        self.save_button.setObjectName("saveSheet")
        self.save_button.clicked.connect(self.save_as)
        self.print_button = theme.set_role(QPushButton(self.tr("Print…")), "primary")
        self.print_button.setObjectName("printSheet")
        self.print_button.clicked.connect(self.print_sheet)
        close = QPushButton(self.tr("Close"))
        close.setObjectName("closeSheet")
        close.clicked.connect(self.reject)
        for button in (self.save_button, self.print_button, close):
            buttons.addWidget(button)
        layout.addLayout(buttons)
        self._set_busy(True)

        self._resize_timer = QTimer(self)
        self._resize_timer.setSingleShot(True)
        self._resize_timer.setInterval(120)
        self._resize_timer.timeout.connect(self._show_page)
        self.resize(760, 900)
        self.rebuild()

    # --- building --------------------------------------------------------------------------
    def page_size(self) -> str:
        return self.paper_box.currentData()

    def rebuild(self, *_args) -> None:
        """Starts a build for the chosen paper; an older build's result is ignored."""
        self._generation += 1
        self._set_busy(True)
        job = SheetJob(self._generation, self.detail, self.page_size())
        job.setAutoDelete(False)
        job.signals.done.connect(self._built, Qt.ConnectionType.QueuedConnection)
        job.signals.failed.connect(self._failed, Qt.ConnectionType.QueuedConnection)
        self._jobs[self._generation] = job
        self._pool.start(job)

    def _built(self, generation: int, pdf: bytes, result) -> None:
        self._jobs.pop(generation, None)
        if generation != self._generation:
            return
        self.pdf, self.result = pdf, result
        self._buffer = QBuffer(self)
        self._buffer.setData(QByteArray(pdf))
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document.load(self._buffer)
        self._show_notice()
        self._show_page()
        self._set_busy(False)
        self.ready.emit()

    def _failed(self, generation: int, message: str) -> None:
        self._jobs.pop(generation, None)
        if generation == self._generation:
            self.page_label.setText(self.tr("The sheet could not be made: %1")
                                    .replace("%1", message))
            self.status.setText("")

    def _set_busy(self, busy: bool) -> None:
        self.save_button.setEnabled(not busy)
        self.print_button.setEnabled(not busy)
        self.status.setText(self.tr("Preparing the sheet…") if busy else "")

    def _show_notice(self) -> None:
        result = self.result
        parts = []
        if result.omitted_questions:
            total = result.shown_questions + result.omitted_questions
            parts.append(self.tr("Only %1 of %2 questions fit on one page: %3 are left out, and "
                                 "the sheet says so at the end of the list.")
                         .replace("%1", str(result.shown_questions)).replace("%2", str(total))
                         .replace("%3", str(result.omitted_questions)))
        if result.shortened:
            parts.append(self.tr("Shortened to fit: %1.").replace("%1", ", ".join(
                result.shortened)))
        self.notice.setText(" ".join(parts))
        self.notice.setVisible(bool(parts))

    def _show_page(self) -> None:
        if self.document.status() != QPdfDocument.Status.Ready:
            return
        points = self.document.pagePointSize(0)
        # The whole page in view, as it will lie on the table.
        view = self.scroll.viewport().size()
        width = max(200, min(view.width() - 32,
                             (view.height() - 32) * points.width() / points.height()))
        height = round(width * points.height() / points.width())
        width = round(width)
        ratio = self.devicePixelRatioF()
        image = white_page(self.document, QSize(round(width * ratio), round(height * ratio)))
        pixmap = QPixmap.fromImage(image)
        pixmap.setDevicePixelRatio(ratio)
        self.page_label.setPixmap(pixmap)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._resize_timer.start()

    def done(self, code: int) -> None:
        self._generation += 1  # a build still running is ignored when it finishes
        self._pool.clear()
        super().done(code)

    # --- saving and printing ---------------------------------------------------------------
    def suggested_name(self) -> str:
        name = self.detail.contact.full_name or "chat"
        safe = "".join(ch for ch in name if ch not in '<>:"/\\|?*' and ch >= " ").strip()
        return self.tr("Question sheet - %1.pdf").replace("%1", safe or "chat")

    def save_as(self) -> Path | None:
        target = dialogs.save_file(self, self.tr("Save the question sheet"),
                                   self.tr("PDF files (*.pdf)"),
                                   Path.home() / self.suggested_name())
        if target is None or not self.pdf:
            return None
        if target.suffix.lower() != ".pdf":
            target = target.with_name(target.name + ".pdf")
        partial = target.with_name(target.name + ".part")
        try:
            partial.write_bytes(self.pdf)
            os.replace(partial, target)
        except OSError as exc:
            partial.unlink(missing_ok=True)
            dialogs.error(self, self.tr("The sheet could not be saved: %1")
                          .replace("%1", exc.strerror or str(exc)))
            return None
        self.status.setText(self.tr("Saved to %1").replace("%1", str(target)))
        return target

    def print_sheet(self) -> bool:
        if self.document.status() != QPdfDocument.Status.Ready:
            return False
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.windowTitle())
        size = QPageSize.PageSizeId.Letter if self.page_size() == paper.LETTER \
            else QPageSize.PageSizeId.A4
        printer.setPageLayout(QPageLayout(QPageSize(size), QPageLayout.Orientation.Portrait,
                                          QMarginsF(0, 0, 0, 0)))
        printer.setFullPage(True)  # the sheet has its own margins
        if not run_print_dialog(self, printer):
            return False
        return paint_to_printer(self.document, printer)


def paint_to_printer(document: QPdfDocument, printer) -> bool:
    """Draws page 0 onto `printer` (any QPagedPaintDevice), scaled to the whole paper."""
    target = printer.pageLayout().fullRectPixels(printer.resolution())
    points = document.pagePointSize(0)
    dpi = min(printer.resolution(), PRINT_DPI)
    image = white_page(document, QSize(round(points.width() / 72 * dpi),
                                       round(points.height() / 72 * dpi)))
    painter = QPainter()
    if not painter.begin(printer):
        return False
    try:
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        painter.drawImage(target.translated(-target.topLeft()), image)
    finally:
        painter.end()
    return True


def show_sheet_preview(parent: QWidget | None, store, chat_id: int) -> SheetPreviewDialog | None:
    """Opens the preview for a chat (window-modal, not blocking); None for a missing chat."""
    try:
        dialog = SheetPreviewDialog(store, chat_id, parent)
    except UserError as exc:
        dialogs.warn(parent, str(exc))
        return None
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
