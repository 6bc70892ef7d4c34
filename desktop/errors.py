"""The two kinds of failure: a known problem the user can act on, and everything else (a bug).

A `UserError` carries a message written for people; the command line prints it as one line
and the window shows it in a calm dialog. Anything else is a bug and gets a crash report.
"""


class UserError(Exception):
    """A problem the user can understand and act on (bad file, missing chat, locked database)."""


class DatabaseRefused(UserError):
    """The database file cannot be opened safely; it has not been touched."""


class NotFound(UserError):
    """A record the user named does not exist."""


class DatabaseDamaged(DatabaseRefused):
    """The file is an SQLite database that fails its check; a backup can replace it."""


class StorageFailed(UserError):
    """A write the database could not make (disk full, read-only, locked): rolled back whole,
    and everything saved before it is intact."""


class DiskFull(StorageFailed):
    """The disk (or the database's size limit) is full."""
