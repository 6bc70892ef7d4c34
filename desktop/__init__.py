"""Coffee Chats: an offline desktop app for informational interviews."""

__version__ = "0.1.0"
APP_NAME = "Coffee Chats"
