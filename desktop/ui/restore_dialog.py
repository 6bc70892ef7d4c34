"""A damaged database at start-up: offer the newest good backup in its place.

Nothing is overwritten without a copy: `services.backup.restore` checks the backup first
and keeps the damaged file aside, byte for byte, as `<name>.before-restore-<time>.sqlite`;
the message afterwards says where. File → Restore backup… (backup_actions.py) is the same
service with a list to choose from.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from desktop import paths
from desktop.errors import UserError
from desktop.services import backup as backup_service
from desktop.ui import dialogs
from desktop.ui.formatting import date_text, time_text

log = logging.getLogger(__name__)


def _tr(text: str, n: int = -1) -> str:
    return QCoreApplication.translate("restore", text, None, n)


def _when(moment) -> str:
    return f"{date_text(moment)}, {time_text(moment)}"


def offer_newest_backup(parent: QWidget | None, db_path: Path, reason: str) -> bool | None:
    """Asks whether to put the newest good backup in place of the damaged `db_path`.

    True once it was restored (the caller opens the database again); False when the user
    said no or the restore was refused (they were told why); None when there is no good
    backup to offer (nothing was shown).
    """
    db_path = Path(db_path)
    good = backup_service.newest_good(paths.backup_dir(), db_path.stem)
    if good is None:
        return None
    # SQLite's own words (`reason`) are in the log; people get what it means for them.
    log.warning("Offering the newest good backup for a damaged database: %s", reason)
    question = _tr("%1 is damaged, so Coffee Chats cannot open it.\n\nThe newest good "
                   "backup is from %2 and holds %n contact(s). Restore it in place of the "
                   "damaged database? The damaged file is kept beside it, as it is.",
                   good.contacts or 0)
    question = question.replace("%1", str(db_path)).replace("%2", _when(good.taken_at))
    if not dialogs.ask_yes_no(parent, question, _tr("The database is damaged"),
                              yes=_tr("Restore backup"), no=_tr("Quit"), default_yes=True):
        return False
    try:
        kept = backup_service.restore(db_path, Path(good.path))
    except UserError as exc:
        dialogs.error(parent, str(exc), _tr("Cannot restore this backup"))
        return False
    done = _tr("Restored the backup from %1 (%n contact(s)) into\n%2.", good.contacts or 0)
    done = done.replace("%1", _when(good.taken_at)).replace("%2", str(db_path))
    if kept is not None:
        done += "\n\n" + _tr("The damaged database was kept as\n%1").replace("%1", str(kept))
    dialogs.info(parent, done, _tr("Backup restored"))
    return True
