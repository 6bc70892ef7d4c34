"""The import's work off the UI thread: read, detect, parse, preview — and later commit.

`ImportWorker` is a QThread given plain data only (the file's path, the format asked for,
and the Store, whose peewee database hands this thread a connection of its own). It
reports through signals carrying frozen records: progress while planning, the preview,
then the result of the commit. Cancelling sets a flag the planner's progress callback
reads; nothing is written before `commit()` is asked for.

The thread waits between the preview and the user's answer, so the commit runs on the
same connection the preview read through: the plan is still current and is not redone.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QThread, Signal

from desktop.errors import UserError

AUTO = "auto"


@dataclass(frozen=True)
class JsonPlan:
    """A Coffee Chats JSON document and what importing it would add (its summary lines)."""

    document: object
    lines: tuple[str, ...]
    total: int


class ImportWorker(QThread):
    progress = Signal(int, int)  # records planned, records in the file
    previewed = Signal(object)  # an ImportPreview or a JsonPlan
    committed = Signal(object)  # an ImportResult, or the JSON ImportSummary
    failed = Signal(str)  # a message for people

    def __init__(self, store, path: str | Path, fmt: str = AUTO, parent=None):
        super().__init__(parent)
        self.store = store
        self.path = Path(path)
        self.fmt = fmt
        self.plan = None
        self._cancel = threading.Event()
        self._answered = threading.Event()
        self._commit = False

    def cancel(self) -> None:
        """Stops the preview, or ends the wait for an answer without writing."""
        self._cancel.set()
        self._answered.set()

    def commit(self) -> None:
        """Writes the previewed plan in one transaction, on this worker's thread."""
        if self.plan is not None and not self._answered.is_set():
            self._commit = True
            self._answered.set()

    def run(self) -> None:
        try:
            self.plan = self._preview()
            self.previewed.emit(self.plan)
            self._answered.wait()
            if self._commit and not self._cancel.is_set():
                self.committed.emit(self._write())
        except UserError as exc:
            self.failed.emit(str(exc))
        except Exception as exc:  # a bug: say so rather than leave the dialog hanging
            self.failed.emit(f"The import failed unexpectedly: {exc!r}")
        finally:
            # This thread's own connection; the UI thread's stays open.
            if not self.store.db.is_closed():
                self.store.db.close()

    def _preview(self):
        from desktop.io import detect
        from desktop.services import imports

        fmt, text = detect.load(self.path, self.fmt)
        if self._cancel.is_set():
            raise imports.ImportCancelled("The import was cancelled; nothing was written.")
        if fmt == "json":
            return self._json_preview()
        parsed = detect.parse_text(text, fmt, self.path.name)

        def report(done: int, total: int) -> bool:
            self.progress.emit(done, total)
            return not self._cancel.is_set()

        return imports.preview(self.store, parsed, report)

    def _json_preview(self) -> JsonPlan:
        from desktop.io import json_format
        from desktop.services import transfer

        document = json_format.read_file(self.path)
        summary = transfer.import_document(self.store, document, dry_run=True)
        return JsonPlan(document, tuple(summary.lines()), summary.total_added)

    def _write(self):
        from desktop.services import imports, search, transfer

        if isinstance(self.plan, JsonPlan):
            result = transfer.import_document(self.store, self.plan.document)
        else:
            result = imports.commit(self.store, self.plan)
        # Index what was written now, here, rather than at the user's first search.
        search.sync(self.store)
        return result
