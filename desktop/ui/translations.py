"""Loads the user's language: our own translation and, with it, Qt's (standard buttons).

Translations are `translations/coffee-chats_<lang>.qm`, compiled into the resources as
`:/translations/…` (packaging/build_resources.py), so frozen builds carry them the same
way. When there is none for the user's language, nothing is loaded — not even Qt's own,
so a dialog never mixes English text with translated buttons. docs/translating.md says
how strings are extracted and compiled.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

RESOURCE_FOLDER = ":/translations"


def install(app: QCoreApplication, locale: QLocale | None = None,
            folder: str = RESOURCE_FOLDER) -> list[QTranslator]:
    """Installs the translators for `locale` (the system's); returns those installed."""
    import desktop.resources_rc  # noqa: F401  (registers :/translations when there are any)

    locale = locale or QLocale.system()
    ours = QTranslator(app)
    if not ours.load(locale, "coffee-chats", "_", folder):
        ours.deleteLater()
        return []
    app.installTranslator(ours)
    installed = [ours]
    qt = QTranslator(app)
    if qt.load(locale, "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        installed.append(qt)
    else:
        qt.deleteLater()
    return installed
