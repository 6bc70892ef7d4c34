"""Handing a draft to the user's mail program or clipboard.

`open_in_mail` builds a `mailto:` URL (desktop.domain.drafts) and asks the desktop to open
it. A body too long for mailto, or a desktop with no mail program, puts the whole draft on
the clipboard instead and says so. Tests patch `open_url` and `set_clipboard` here, so no
test ever starts a real mail client.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QWidget

from desktop.domain import drafts
from desktop.ui import dialogs


def _tr(text: str) -> str:
    return QCoreApplication.translate("mail", text)


def set_clipboard(text: str) -> None:
    QGuiApplication.clipboard().setText(text)


def open_url(url: str) -> bool:
    # TolerantMode would re-encode; StrictMode keeps our percent-encoding exactly.
    return QDesktopServices.openUrl(QUrl(url, QUrl.ParsingMode.StrictMode))


def copy_draft(draft: drafts.Draft, *, with_subject: bool = False) -> None:
    set_clipboard(drafts.full_text(draft) if with_subject else draft.body)


def open_in_mail(parent: QWidget | None, to: str, draft: drafts.Draft) -> bool:
    """True when the mail program got the draft; otherwise it is on the clipboard."""
    url = drafts.mailto_url(to, draft.subject, draft.body)
    if drafts.mailto_fits(url) and open_url(url):
        return True
    copy_draft(draft, with_subject=True)
    if not drafts.mailto_fits(url):
        text = _tr("This message is too long to hand to your mail program in one piece, so "
                   "it is on the clipboard (subject first). Start a new e-mail and paste it.")
    else:
        text = _tr("No mail program answered, so the message is on the clipboard "
                   "(subject first). Start a new e-mail and paste it.")
    dialogs.info(parent, text, _tr("Message copied"))
    return False
