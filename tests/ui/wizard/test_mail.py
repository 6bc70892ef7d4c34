"""The mailto URL survives QUrl unchanged, and reaches the desktop as built."""

from __future__ import annotations

from urllib.parse import unquote, urlsplit

from PySide6.QtCore import QUrl

from desktop.domain import drafts
from desktop.ui.wizard import mail

HOSTILE = "Zoë & Łukasz? #1 100%\nsecond line + more=\r\nthird ✓"


def test_qurl_keeps_our_percent_encoding(qapp):
    url = drafts.mailto_url("zoe@example.com", HOSTILE, HOSTILE)
    parsed = QUrl(url, QUrl.ParsingMode.StrictMode)
    assert parsed.isValid()
    assert parsed.toString(QUrl.ComponentFormattingOption.FullyEncoded) == url
    query = urlsplit(parsed.toString(QUrl.ComponentFormattingOption.FullyEncoded)).query
    body = dict(p.split("=", 1) for p in query.split("&"))["body"]
    assert unquote(body) == HOSTILE.replace("\r\n", "\n").replace("\n", "\r\n")


def test_open_in_mail_hands_over_the_url(qapp, monkeypatch):
    opened = []
    monkeypatch.setattr(mail.QDesktopServices, "openUrl",
                        lambda url: opened.append(url.toString(
                            QUrl.ComponentFormattingOption.FullyEncoded)) or True)
    draft = drafts.Draft("Thanks & more?", HOSTILE)
    assert mail.open_in_mail(None, "zoe@example.com", draft)
    assert opened == [drafts.mailto_url("zoe@example.com", draft.subject, draft.body)]


def test_no_mail_program_means_clipboard_and_a_message(qapp, monkeypatch):
    said, clip = [], []
    monkeypatch.setattr(mail, "open_url", lambda url: False)
    monkeypatch.setattr(mail, "set_clipboard", clip.append)
    monkeypatch.setattr(mail.dialogs, "info", lambda _p, text, *_a: said.append(text))
    assert not mail.open_in_mail(None, "a@b.c", drafts.Draft("S", "Body"))
    assert clip == ["Subject: S\n\nBody"] and "No mail program" in said[0]
