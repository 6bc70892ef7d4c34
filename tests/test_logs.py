"""The log file: rotating, private, in the data folder's logs/, and quiet about people."""

from __future__ import annotations

import logging
import logging.handlers
import stat

from desktop import logs, paths


def _files() -> list[logging.handlers.RotatingFileHandler]:
    # (pytest adds capture handlers of its own: count only ours.)
    return [h for h in logging.getLogger("desktop").handlers
            if isinstance(h, logging.handlers.RotatingFileHandler)]


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
