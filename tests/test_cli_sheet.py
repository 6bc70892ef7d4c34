"""`coffee-chats sheet CHAT_ID --out FILE.pdf [--page-size letter|a4]` from the command line."""

from __future__ import annotations

import hashlib
import shutil
import subprocess
from datetime import datetime

import pytest

from desktop.__main__ import main
from desktop.domain.records import ChatQuestion, Contact
from desktop.services import chats, contacts, open_store


def _digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _chat(db_path, questions: int) -> int:
    with open_store(db_path) as store:
        person = contacts.save(store, Contact(first_name="Zoë", last_name="R&D <Team>",
                                              role="<b>Lead", company="Ünïcode Ltd"))
        chat = chats.create(store, person.id, scheduled_at=datetime(2024, 5, 14, 9, 0),
                            goal="<unclosed", place="Café")
        chats.set_questions(store, chat.id, [ChatQuestion(f"Question {n}?")
                                             for n in range(1, questions + 1)])
        return chat.id


def test_writes_one_page_and_leaves_the_database_unchanged(db_path, tmp_path, capsys):
    chat_id = _chat(db_path, 5)
    before = _digest(db_path)
    out = tmp_path / "sheet.pdf"
    assert main(["--db", str(db_path), "sheet", str(chat_id), "--out", str(out),
                 "--page-size", "a4"]) == 0
    assert out.read_bytes().startswith(b"%PDF-")
    assert not (tmp_path / "sheet.pdf.part").exists()
    assert _digest(db_path) == before
    captured = capsys.readouterr()
    assert "5 questions" in captured.out and captured.err == ""
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True,
                              check=True).stdout
        assert "Zoë R&D <Team>" in text and "<unclosed" in text


def test_warns_when_questions_are_left_out(db_path, tmp_path, capsys):
    chat_id = _chat(db_path, 120)
    out = tmp_path / "sheet.pdf"
    assert main(["sheet", str(chat_id), "--out", str(out), "--db", str(db_path)]) == 0
    err = capsys.readouterr().err
    assert "warning: only" in err and "of 120 questions fit" in err and "left out" in err


@pytest.mark.parametrize("chat_id", ["1", "999"])
def test_a_missing_chat_is_one_clear_line(db_path, tmp_path, capsys, chat_id):
    open_store(db_path).close()
    before = _digest(db_path)
    out = tmp_path / "sheet.pdf"
    assert main(["--db", str(db_path), "sheet", chat_id, "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert err.strip() == f"coffee-chats: There is no chat {chat_id}."
    assert not out.exists()
    assert _digest(db_path) == before


def test_an_unwritable_output_is_one_clear_line(db_path, tmp_path, capsys):
    chat_id = _chat(db_path, 1)
    out = tmp_path / "no" / "such" / "folder" / "sheet.pdf"
    assert main(["--db", str(db_path), "sheet", str(chat_id), "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("coffee-chats: cannot write") and err.count("\n") == 1


@pytest.mark.parametrize(("preference", "flag", "expected"), [
    ("a4", None, "A4"), ("letter", None, "Letter"), ("a4", "letter", "Letter")])
def test_the_paper_preference_is_the_default(db_path, tmp_path, capsys, monkeypatch,
                                             preference, flag, expected):
    from desktop.services import preferences

    # A locale that would pick the other size, so only the preference can explain the result.
    monkeypatch.setenv("LC_ALL", "en_US.UTF-8" if preference == "a4" else "de_DE.UTF-8")
    chat_id = _chat(db_path, 2)
    with open_store(db_path) as store:
        preferences.update(store, paper_size=preference)
    out = tmp_path / "sheet.pdf"
    argv = ["--db", str(db_path), "sheet", str(chat_id), "--out", str(out)]
    assert main(argv + (["--page-size", flag] if flag else [])) == 0
    assert f"({expected}, 1 page" in capsys.readouterr().out
