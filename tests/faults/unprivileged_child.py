"""Run by test_refused_files.py: open databases as a user without root's powers.

Usage: python unprivileged_child.py UID GID IMPORT_FILE DB [DB ...]

Root ignores file permissions, so a read-only file proves nothing to a root process. This
child imports everything it needs first (the checkout may not be readable by the other
user), then, when started as root, becomes UID/GID for good, and for each DB tries
`open_database` and `coffee-chats import IMPORT_FILE --db DB`. It prints one JSON object:
{DB: {"open": message or "opened", "import": [exit code, stderr]}}.
"""

from __future__ import annotations

import argparse  # noqa: F401 - the command line builds its parser when a subcommand is given
import contextlib
import io
import json
import os
import sys

import desktop.cli  # noqa: F401 - loaded before the privileges go
import desktop.db.models  # noqa: F401  (the store imports peewee when first used)
import desktop.db.peewee_db  # noqa: F401
import desktop.io.detect  # noqa: F401
import desktop.io.linkedin  # noqa: F401
import desktop.logs  # noqa: F401
import desktop.services.imports  # noqa: F401
from desktop.__main__ import main
from desktop.db import open_database
from desktop.errors import UserError


def drop_privileges(uid: int, gid: int) -> None:
    if os.geteuid() == 0:
        os.setgroups([])
        os.setgid(gid)
        os.setuid(uid)
        assert os.geteuid() == uid and not os.access("/root", os.W_OK)


def try_database(db: str, source: str) -> dict:
    try:
        open_database(db).close()
        opened = "opened"
    except UserError as exc:
        opened = str(exc)
    err = io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        code = main(["import", source, "--db", db])
    return {"open": opened, "import": [code, err.getvalue()]}


if __name__ == "__main__":
    uid, gid, source, *databases = sys.argv[1:]
    drop_privileges(int(uid), int(gid))
    print(json.dumps({db: try_database(db, source) for db in databases}))
