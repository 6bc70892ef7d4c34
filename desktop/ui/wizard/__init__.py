"""The interview wizard: prep, live notes and wrap-up of one chat (see chat_wizard.py).

`launch` holds what the main window calls (new chat, open a chat, plan a chat with a
contact, the profile dialog); the pages, panels and small widgets sit beside it.
"""

from desktop.ui.wizard.chat_wizard import LIVE, PREP, WRAP_UP, ChatWizard

__all__ = ["LIVE", "PREP", "WRAP_UP", "ChatWizard"]
