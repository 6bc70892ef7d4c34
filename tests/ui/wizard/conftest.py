"""Fixtures for the wizard tests: no real dialog, mail program or clipboard is ever used."""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest

from desktop.domain import records as r
from desktop.services import contacts, profile


@dataclass
class Outside:
    """What the wizard tried to do outside itself: messages, URLs opened, clipboard."""

    messages: list[str] = field(default_factory=list)
    urls: list[str] = field(default_factory=list)
    clipboard: list[str] = field(default_factory=list)
    answer_yes: bool = True
    saved_path: object = None


@pytest.fixture
def outside(monkeypatch) -> Outside:
    from desktop.ui import dialogs
    from desktop.ui.wizard import mail

    seen = Outside()

    def say(_parent, text, *_a, **_k):
        seen.messages.append(text)

    def ask(_parent, text, *_a, **_k):
        seen.messages.append(text)
        return seen.answer_yes

    for name in ("info", "warn", "error"):
        monkeypatch.setattr(dialogs, name, say)
    monkeypatch.setattr(dialogs, "ask_yes_no", ask)
    monkeypatch.setattr(dialogs, "save_file", lambda *_a, **_k: seen.saved_path)
    monkeypatch.setattr(mail, "open_url", lambda url: seen.urls.append(url) or True)
    monkeypatch.setattr(mail, "set_clipboard", seen.clipboard.append)
    return seen


@pytest.fixture
def person(store) -> r.Contact:
    profile.save(store, r.Profile(name="Jo Martin", signature="Best,\nJo",
                                  pitch="I teach science and I am moving into UX research.",
                                  goals="Move into user research"))
    return contacts.save(store, r.Contact(
        first_name="Łucja", last_name="Wiśniewska", role="Design lead", company="R&D Works",
        emails=(r.Labelled("lucja@example.com"),), research="Speaks about research ops."))

