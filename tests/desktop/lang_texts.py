"""What the language test reads: every text a window shows, the catalogues' sources and
translations, and the Dutch words that must not show in the English interface."""

from __future__ import annotations

import dataclasses
import html
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QMenu,
    QPlainTextEdit,
    QTabBar,
    QTableView,
    QTextEdit,
    QTreeView,
    QWidget,
)

ROOT = Path(__file__).resolve().parents[2]

#: ordinary Dutch words that never belong in the English interface (issue 14)
DUTCH_WORDS = frozenset("""
de het een van niet geen voor met naar bij wordt zijn nieuw opslaan annuleren sluiten
incidenten besluiten logboek en ook nog maar dan als uit tot aan nu alle
deze dit wat wie waar hier er op te om zoeken melden laden verbindingen bijstand
bezetting overzicht oefening terugkijken overdracht regio regio's weergave hulp taal
thema licht afdrukken vernieuwen opgeslagen bewaard gemeld verzoek besluit actie
""".split())
#: names that stay as they are in every language (and each language's own name in the menu)
KEPT = ("Nederlands", "NL-Alert", "Crisisbeeld",
        "CBS Gebiedsindelingen: veiligheidsregio's")  # the title of a data set

_TAGS = re.compile(r"<[^>]+>")
_WORD = re.compile(r"[A-Za-zÀ-ÿ'’]+")
_PLACEHOLDER = re.compile(r"\\\{\d+\\\}|%\w|%\d|%\\\(\w+\\\)s")


def _clean(text: str) -> str:
    text = re.sub(r"&(?=\w[^;\s]*(\s|$))", "", text)  # mnemonics: "&Weergave"
    text = html.unescape(_TAGS.sub(" ", text))
    return " ".join(text.split())


# ---------------------------------------------------------------------- what a window shows


def _model_headers(view: QAbstractItemView) -> Iterator[str]:
    model = view.model()
    if isinstance(view, QTableView):
        header = view.horizontalHeader()
    elif isinstance(view, QTreeView):
        header = view.header()
    else:
        return
    if model is None or header.isHidden():
        return
    for col in range(header.count()):
        value = model.headerData(col, Qt.Orientation.Horizontal,
                                 Qt.ItemDataRole.DisplayRole)
        if isinstance(value, str):
            yield value


def widget_texts(w: QWidget) -> Iterator[str]:
    """The texts one widget shows of itself (not the data cells of an item view)."""
    yield w.toolTip()
    if w.isWindow():
        yield w.windowTitle()
    if isinstance(w, QLabel):
        yield w.text()
    elif isinstance(w, QAbstractButton):
        yield w.text()
    elif isinstance(w, (QLineEdit, QTextEdit, QPlainTextEdit)):
        yield w.placeholderText()
    elif isinstance(w, QGroupBox):
        yield w.title()
    elif isinstance(w, QTabBar):
        for i in range(w.count()):
            yield w.tabText(i)
            yield w.tabToolTip(i)
    elif isinstance(w, QComboBox):
        for i in range(w.count()):
            yield w.itemText(i)
    if isinstance(w, QListWidget):
        for i in range(w.count()):
            yield w.item(i).text()
    elif isinstance(w, QAbstractItemView):
        yield from _model_headers(w)


def action_texts(actions: Iterable[QAction]) -> Iterator[str]:
    for act in actions:
        yield act.text()
        if act.toolTip() != act.text().replace("&", ""):
            yield act.toolTip()
        menu = act.menu()
        if isinstance(menu, QMenu):
            yield menu.title()
            yield from action_texts(menu.actions())


def shown_texts() -> set[str]:
    """Every text of every visible window of the application, menus included."""
    out: list[str] = []
    for top in QApplication.topLevelWidgets():
        if not top.isVisible():
            continue
        for w in [top, *top.findChildren(QWidget)]:
            if w is top or w.isVisible():
                out.extend(widget_texts(w))
        out.extend(action_texts(top.actions()))
        bar = getattr(top, "menuBar", None)
        if callable(bar):
            out.extend(action_texts(bar().actions()))
    return {c for c in (_clean(t) for t in out if t) if c}


# ---------------------------------------------------------------------- the data of the world


def data_strings(*things: Any) -> list[str]:
    """Every string in the data a test world holds (titles, names, messages): exempt from the
    check, longest first."""
    found: set[str] = set()

    def walk(x: Any, depth: int = 0) -> None:
        if depth > 8:
            return
        if isinstance(x, str):
            # a lowercase single word is a code (a status, a kind): its label is a text of
            # the interface, not data
            if len(x) >= 3 and not re.fullmatch(r"[a-z_]+", x):
                found.add(_clean(x))
        elif isinstance(x, dict):
            for k, v in x.items():
                walk(k, depth + 1)
                walk(v, depth + 1)
        elif isinstance(x, (list, tuple, set, frozenset)):
            for v in x:
                walk(v, depth + 1)
        elif dataclasses.is_dataclass(x) and not isinstance(x, type):
            for f in dataclasses.fields(x):
                walk(getattr(x, f.name), depth + 1)
    for t in things:
        walk(t)
    return sorted(found, key=len, reverse=True)


def without(text: str, exempt: list[str]) -> str:
    for s in exempt:
        if s in text:
            text = re.sub(rf"(?<!\w){re.escape(s)}(?!\w)", " ", text)
    for s in KEPT:
        text = text.replace(s, " ")
    return text


# ---------------------------------------------------------------------- the catalogues


def _pattern(text: str) -> re.Pattern[str] | None:
    """A text with placeholders as a pattern that matches it filled in (None when nothing of
    it is words)."""
    text = _clean(text)
    if not _WORD.search(re.sub(r"\{\d+\}|%\w", "", text)):
        return None
    return re.compile(_PLACEHOLDER.sub(".+?", re.escape(text)), re.DOTALL)


def qt_pairs() -> list[tuple[str, str, str]]:
    """(catalogue, source, English) of every message of every ``i18n/*_en.ts``."""
    pairs = []
    for ts in sorted((ROOT / "i18n").glob("*_en.ts")):
        for m in ET.parse(ts).getroot().iter("message"):
            src, tr = m.findtext("source") or "", m.findtext("translation") or ""
            pairs.append((ts.stem, src, tr))
    return pairs


def po_pairs() -> list[tuple[str, str, str]]:
    """(catalogue, msgid, English) of the core's English gettext catalogue."""
    from babel.messages.pofile import read_po

    pairs = []
    for po in sorted((ROOT / "data" / "locale" / "en").glob("LC_MESSAGES/*.po")):
        with po.open("rb") as f:
            for msg in read_po(f):
                if msg.id and isinstance(msg.id, str) and isinstance(msg.string, str):
                    pairs.append(("core", msg.id, msg.string))
    return pairs


class Catalogues:
    """Sources and translations that differ, as patterns to recognise them on screen."""

    def __init__(self) -> None:
        pairs = [(c, s, t) for c, s, t in qt_pairs() + po_pairs() if t and _clean(s) != _clean(t)]
        self.dutch = [(c, s, p) for c, s, t in pairs if (p := _pattern(s)) is not None]
        self.english = [(c, t, p) for c, s, t in pairs if (p := _pattern(t)) is not None]
        # a desktop text that the widgets or the core also have may come from them
        others = "\n".join(p.read_text(encoding="utf-8") for layer in ("widgets", "data")
                           for p in (ROOT / layer).rglob("*.py"))
        self.desktop_only = {s for c, s, t in qt_pairs() if c == "desktop_en"
                             and f'"{s}"' not in others and f"'{s}'" not in others}

    @staticmethod
    def _hit(text: str, patterns: list[tuple[str, str, re.Pattern[str]]]) -> str | None:
        for cat, s, p in patterns:
            if p.fullmatch(text):
                return f"{cat}: {s!r}"
        return None

    def dutch_source(self, text: str) -> str | None:
        return self._hit(text, self.dutch)

    def desktop_source(self, text: str) -> str | None:
        """The desktop-only source ``text`` shows (never allowed to stay Dutch)."""
        own = [(c, s, p) for c, s, p in self.dutch if s in self.desktop_only]
        return self._hit(text, own)

    def english_text(self, text: str) -> str | None:
        return self._hit(text, self.english)


def dutch_words(text: str) -> list[str]:
    return [w for w in _WORD.findall(text) if w.lower() in DUTCH_WORDS]


def normal(text: str) -> str:
    """A text as the allow-list keeps it (numbers and times vary with the world's clock)."""
    text = re.sub(r"\b(ma|di|wo|do|vr|za|zo) (?=\d)", "DAG ", text)  # the weekday of today
    return re.sub(r"\d+", "#", text)
