"""Parts of the Today page (the page itself is desktop/ui/pages/today.py)."""
