"""The frozen app's entry point: what `coffee-chats` runs inside a PyInstaller bundle."""

import sys

from desktop.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
