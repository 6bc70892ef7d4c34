"""The log file: rotating, private, in the data folder's logs/, and quiet about people."""

from __future__ import annotations

import logging
import stat

from desktop import logs, paths


def _files() -> list[logs.RotatingFile]:
    # (pytest adds capture handlers of its own: count only ours.)
    return [h for h in logging.getLogger("desktop").handlers
            if isinstance(h, logs.RotatingFile)]


def test_setup_writes_a_private_rotating_file_in_the_data_folder():
    path = logs.setup()
    try:
        assert path == paths.log_dir() / "coffee-chats.log"
        logging.getLogger("desktop.test").info("chat %d opened", 7)
        for handler in _files():
            handler.flush()
        assert "chat 7 opened" in path.read_text("utf-8")
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        handlers = _files()
        assert len(handlers) == 1
        assert handlers[0].maxBytes == logs.MAX_BYTES and handlers[0].backupCount == 3
    finally:
        logs.shutdown()


def test_setting_up_twice_keeps_one_handler(tmp_path):
    logs.setup(directory=tmp_path / "a")
    logs.setup(directory=tmp_path / "b")
    try:
        assert len(_files()) == 1
    finally:
        logs.shutdown()
    assert _files() == []


def test_an_unwritable_log_folder_turns_logging_off_quietly(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("")
    assert logs.setup(directory=blocker / "logs") is None
    logs.shutdown()


def test_the_file_rotates_by_size_and_keeps_three_private_old_ones(tmp_path, monkeypatch):
    monkeypatch.setattr(logs, "MAX_BYTES", 2_000)
    path = logs.setup(directory=tmp_path)
    try:
        for n in range(200):
            logging.getLogger("desktop.test").info("record %04d %s", n, "x" * 40)
        [handler] = _files()
        handler.flush()
    finally:
        logs.shutdown()
    names = sorted(p.name for p in tmp_path.glob("coffee-chats.log*"))
    assert names == ["coffee-chats.log", "coffee-chats.log.1", "coffee-chats.log.2",
                     "coffee-chats.log.3"]
    for name in names:
        assert (tmp_path / name).stat().st_size <= 2_000
        assert stat.S_IMODE((tmp_path / name).stat().st_mode) == 0o600
    assert "record 0199" in path.read_text("utf-8")
    assert "record 0198" in (path.read_text("utf-8")
                             + (tmp_path / "coffee-chats.log.1").read_text("utf-8"))
