"""Load a translation of the window's texts for the system's language, when one exists.

Translations are ``rootmap_<locale>.qm`` files in the assets' ``translations/`` folder
(``rootmap_de.qm``, ``rootmap_pt_BR.qm``; see the README for how to make one). None is
shipped: without the folder nothing is loaded and nothing is slowed down. With a
RootMap translation, Qt's own (``qtbase_<locale>.qm``, for the standard dialogs' buttons)
is loaded too when Qt has it.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

TRANSLATIONS_FOLDER = "translations"
PREFIX = "rootmap"


def translations_dir() -> Path | None:
    """The assets' translations folder, or None when there is none."""
    from rootmap.resources import assets_dir

    try:
        folder = assets_dir() / TRANSLATIONS_FOLDER
    except FileNotFoundError:
        return None
    return folder if folder.is_dir() else None


def install_translation(
    app: QCoreApplication, locale: QLocale | None = None, folder: Path | None = None
) -> list[QTranslator]:
    """Install the translations for ``locale`` (the system's by default); returns them
    (empty when RootMap has no translation for it)."""
    folder = folder if folder is not None else translations_dir()
    if folder is None or not folder.is_dir():
        return []
    locale = locale if locale is not None else QLocale()
    ours = QTranslator(app)
    if not ours.load(locale, PREFIX, "_", str(folder), ".qm"):
        ours.deleteLater()
        return []
    installed = [ours]
    app.installTranslator(ours)
    qt = QTranslator(app)
    qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if qt.load(locale, "qtbase", "_", qt_folder, ".qm"):
        app.installTranslator(qt)
        installed.append(qt)
    else:
        qt.deleteLater()
    return installed
