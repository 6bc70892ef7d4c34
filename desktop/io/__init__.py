"""Import and export formats (LinkedIn, Google and Outlook CSV, vCard, CSV, JSON): domain only.

Readers turn a file's text into `ParsedFile`s of `desktop.domain.records.Contact`s with
their line numbers; writers turn records into text. Nothing here touches the store.
"""
