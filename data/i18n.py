"""The language the user reads, for the Qt-free core: Dutch (the source language) or English.

The core's messages (validation, conflicts, refusals, the picture rules' sentences, reports) go
through GNU gettext from the standard library: it needs no Qt, so the hub, the CLI and the
tests read the same catalogue as the application. The widgets use Qt's own translation system;
:func:`set_language` is the one switch both follow.

Sources: ``data/locale/<lang>/LC_MESSAGES/crisisbeeld.po`` (in the repository). The compiled
``.mo`` files are built (``make catalogues``), never committed. Without a compiled catalogue the
Dutch source text shows.

Use :func:`_` for a message made when it is shown, :func:`N_` to mark a text kept in a table at
import time (translate it with :func:`_` where it is shown).
"""

from __future__ import annotations

import gettext
from collections.abc import Callable
from pathlib import Path

DOMAIN = "crisisbeeld"
LOCALE_DIR = Path(__file__).resolve().parent / "locale"
LANGUAGES = ("nl", "en")
SOURCE = "nl"

_current = SOURCE
_catalogue: gettext.NullTranslations = gettext.NullTranslations()
#: called after every switch (caches of texts made in the previous language empty themselves)
_listeners: list[Callable[[], None]] = []


def set_language(code: str) -> str:
    """Switch the core's messages to ``code`` (``nl`` or ``en``); returns the language in use."""
    global _current, _catalogue
    code = code if code in LANGUAGES else SOURCE
    if code == SOURCE:
        _catalogue = gettext.NullTranslations()
    else:
        _catalogue = gettext.translation(DOMAIN, LOCALE_DIR, languages=[code], fallback=True)
    _current = code
    for listener in _listeners:
        listener()
    return code


def on_language_change(listener: Callable[[], None]) -> None:
    """Call ``listener`` after every :func:`set_language` (e.g. a cache's ``cache_clear``)."""
    _listeners.append(listener)


def current_language() -> str:
    return _current


def _(message: str) -> str:
    """``message`` (Dutch) in the language in use."""
    return _catalogue.gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return _catalogue.ngettext(singular, plural, n)


def N_(message: str) -> str:  # noqa: N802 - the gettext convention
    """Mark ``message`` for the catalogue without translating it now."""
    return message
