"""Entry point of `coffee-chats`: parses the arguments, then hands over to cli or app."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    from desktop import cli

    args = cli.parse(sys.argv[1:] if argv is None else argv)
    if args.command is None:
        from desktop import app

        return app.run(args)
    return cli.run(args)


if __name__ == "__main__":
    sys.exit(main())
