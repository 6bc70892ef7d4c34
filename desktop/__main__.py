"""Entry point of `coffee-chats`: parses the arguments, then hands over to cli or app."""

from __future__ import annotations

import gc
import sys


def main(argv: list[str] | None = None) -> int:
    # Start-up makes many objects that live as long as the process (modules, classes, Qt
    # wrappers); collecting while they are made only costs time (bench/startup.py). The
    # window turns collection back on after its first paint, a subcommand before it runs.
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        from desktop import cli

        args = cli.parse(sys.argv[1:] if argv is None else argv)
        if args.command is None:
            if not args.demo:
                # The database's integrity check reads the whole file: it runs in a thread
                # while Qt is imported, and the window's open_store takes its answer.
                from desktop.services import check_ahead

                check_ahead(cli.database_path(args))
            from desktop import app

            return app.run(args)
        if was_enabled:
            gc.enable()
        return cli.run(args)
    finally:
        if was_enabled:
            gc.enable()


if __name__ == "__main__":
    sys.exit(main())
