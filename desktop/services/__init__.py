"""Use cases of Coffee Chats. Each public function owns its transaction and returns records.

The UI and the command line hold a `Store` (from `open_store`) and call these functions;
they never see peewee rows.
"""

from desktop.db import Store, check_ahead, open_database

open_store = open_database

__all__ = ["Store", "check_ahead", "open_store"]
