"""The language of the interface: Dutch (the source language) or English, remembered per user.

:func:`install` is the one switch: Qt's own texts (file dialogs, standard buttons: the
``qtbase_<lang>.qm`` that ships with Qt), the application's catalogues (every
``resources/i18n/*_<lang>.qm``, built by ``make catalogues``), the core's messages
(:func:`data.i18n.set_language`) and the locale of dates and numbers (``QLocale.setDefault``).

The choice lives in a small typed settings file beside the sync settings
(``interface.json`` in the user config folder, :mod:`desktop.places`), with a version and a
migration step (CONVENTIONS §12); QSettings keeps only the window geometry.

Changing the language in a running window rebuilds the window (:func:`rebuild`) rather than
retranslating every widget on ``LanguageChange``: every text, including those the views made
from the data (tiles, tooltips, header labels of the models), is then made anew in the chosen
language by the same code that made it the first time, and no view needs a second path to keep
in step. The user keeps the store, the view, the region filter and the search.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from data import i18n

VERSION = 1
LANGUAGES = ("nl", "en")
SOURCE = "nl"
#: each language by its own name (the menu shows them so, whatever language is in use)
NAMES = {"nl": "Nederlands", "en": "English"}
#: the locale of dates and numbers per language (English as written in Europe: 24-hour clock)
LOCALES = {"nl": (QLocale.Language.Dutch, QLocale.Country.Netherlands),
           "en": (QLocale.Language.English, QLocale.Country.UnitedKingdom)}

_installed: list[QTranslator] = []
_current = SOURCE


def settings_path() -> Path:
    from desktop.places import config_dir

    return config_dir() / "interface.json"


@dataclass
class InterfaceSettings:
    """What the user chose for the interface (now: the language)."""

    version: int = VERSION
    language: str = SOURCE

    @classmethod
    def load(cls, path: Path | None = None) -> InterfaceSettings:
        """Read the settings; a missing or unreadable file gives the defaults."""
        path = path or settings_path()
        try:
            doc = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return cls()
        if not isinstance(doc, dict):
            return cls()
        doc = migrate(doc)
        lang = str(doc.get("language", SOURCE))
        return cls(language=lang if lang in LANGUAGES else SOURCE)

    def save(self, path: Path | None = None) -> Path:
        """Write atomically (temporary file, then rename)."""
        path = path or settings_path()
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(path.name + ".part")
        tmp.write_text(json.dumps(asdict(self), indent=1), encoding="utf-8")
        os.replace(tmp, path)
        return path


def migrate(doc: dict[str, Any]) -> dict[str, Any]:
    """Bring an older settings document to the current version (version 1 is the first)."""
    return {**doc, "version": VERSION}


def remembered() -> str:
    """The language the user chose last (Dutch when never chosen)."""
    return InterfaceSettings.load().language


def remember(code: str) -> None:
    settings = InterfaceSettings.load()
    settings.language = code if code in LANGUAGES else SOURCE
    settings.save()


def current() -> str:
    """The language installed now."""
    return _current


def catalogue_dir() -> Path:
    """Where the compiled catalogues of the application are (``resources/i18n``)."""
    import resources

    return Path(resources.__file__).resolve().parent / "i18n"


def qt_translations_dir() -> str:
    return QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)


def install(code: str) -> str:
    """Make ``code`` the language of everything shown from now on; returns the language in
    use (Dutch for a code it does not know). Needs the QApplication."""
    global _current
    code = code if code in LANGUAGES else SOURCE
    app = QCoreApplication.instance()
    if app is not None:
        for old in _installed:
            app.removeTranslator(old)
            old.setParent(None)  # gone with its last reference
        _installed.clear()
        files = [(f"qtbase_{code}", qt_translations_dir())]
        files += [(qm.stem, str(qm.parent))
                  for qm in sorted(catalogue_dir().glob(f"*_{code}.qm"))]
        for name, folder in files:
            translator = QTranslator(app)
            if translator.load(name, folder):
                app.installTranslator(translator)
                _installed.append(translator)
    language, country = LOCALES[code]
    QLocale.setDefault(QLocale(language, country))
    i18n.set_language(code)
    _current = code
    return code


def choose(code: str) -> str:
    """The user chose ``code`` in the menu: remember it and install it."""
    remember(code)
    return install(code)


def rebuild(old: Any) -> Any:
    """A new main window in the language now installed, on the same store, clock, theme and
    person, showing the same view, region filter and search; the old window closes."""
    from data.domain.roles import split_author
    from desktop.main_window import MainWindow

    new = MainWindow(old.path, old.world, old.centre, theme=old.theme, author=old.ctx.author,
                     clock=old.clock)
    new.people.required = old.people.required
    new.setGeometry(old.geometry())
    view = old.current_view()
    region, search = old.region, old.filter.text()
    if old.isFullScreen():
        new.showFullScreen()
    else:
        new.show()
    # the old window stops first (its sync, a neighbours' hub on its port), then the new starts
    old.replaced_by = new
    old.close()  # (it is deleted with its last reference: a test may still hold it)
    new.start()
    if view in new.views:
        new.show_view(view)
    new.filter.setText(search)
    if region:
        new.set_region(region)
    if new.people.required and split_author(new.ctx.author)[1] is None:
        new.people.open_sign_in()  # not signed in yet: the window still asks first
    return new
