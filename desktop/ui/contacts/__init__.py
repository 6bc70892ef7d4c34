"""The Contacts page's parts: the table model, the detail panel, merge, search and import."""
