"""Pickers for the forms, so that nobody types a region code, a capability or a date by hand:
a searchable list of regions (short name shown, full name in the tooltip), a combo box that
filters as you type, and a date-time with a calendar and a sensible default."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any, Sequence

from PySide6.QtCore import QDateTime, Qt, QTimeZone
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateTimeEdit,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from data.domain import validation as v
from data.domain.regions import REGIONS, resolve_region
from data.domain.validation import ValidationError

#: combo boxes with more options than this filter as you type
SEARCH_FROM = 10


def make_searchable(cb: QComboBox) -> None:
    """Let the user type any part of an option ('zeel', 'VRZ') to find it; never adds one."""
    if cb.count() <= SEARCH_FROM:
        return
    cb.setEditable(True)
    cb.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    comp = cb.completer()
    comp.setFilterMode(Qt.MatchFlag.MatchContains)
    comp.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
    comp.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)


def region_option(code: str) -> str:
    """How a picker lists a region: its short name first (the name used on every screen),
    then the full name to search by."""
    r = resolve_region(code)
    return f"{r.short} — {r.name}" if r else code


class RegionsPicker(QWidget):
    """Several regions: a search line over a list of check boxes (VRZ — Zeeland, …)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("zoek een regio (naam of afkorting)"))
        self.search.setClearButtonEnabled(True)
        self.list = QListWidget()
        self.list.setMaximumHeight(150)
        for r in REGIONS:
            item = QListWidgetItem(region_option(r.code))
            item.setData(Qt.ItemDataRole.UserRole, r.code)
            item.setToolTip(f"{r.name} ({r.code})")
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.list.addItem(item)
        self.search.textChanged.connect(self._narrow)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(2)
        lay.addWidget(self.search)
        lay.addWidget(self.list)

    def _narrow(self, text: str) -> None:
        t = text.strip().lower()
        for i in range(self.list.count()):
            item = self.list.item(i)
            item.setHidden(bool(t) and t not in item.text().lower()
                           and t not in item.toolTip().lower())

    def value(self) -> list[str]:
        return [str(self.list.item(i).data(Qt.ItemDataRole.UserRole))
                for i in range(self.list.count())
                if self.list.item(i).checkState() == Qt.CheckState.Checked]

    def set_value(self, values: Any) -> None:
        """Codes, short names or names, as a list or a comma-separated text."""
        if isinstance(values, str):
            values = [s for s in (p.strip() for p in values.split(",")) if s]
        codes = set()
        for val in values or ():
            r = resolve_region(str(val))
            codes.add(r.code if r else str(val))
        for i in range(self.list.count()):
            item = self.list.item(i)
            item.setCheckState(Qt.CheckState.Checked
                               if item.data(Qt.ItemDataRole.UserRole) in codes
                               else Qt.CheckState.Unchecked)


def default_moment(hours_ahead: int = 1) -> datetime:
    """A sensible default for a moment in a form: the next whole hour after ``hours_ahead``
    hours from now (never a date in the past)."""
    t = datetime.now(UTC) + timedelta(hours=hours_ahead)
    return t.replace(minute=0, second=0, microsecond=0) + timedelta(hours=1)


class WhenPicker(QWidget):
    """An optional moment: a box to say "set", and a date-time with a calendar (local time)."""

    def __init__(self, hours_ahead: int = 1, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.on = QCheckBox(self.tr("instellen"))
        self.edit = QDateTimeEdit()
        self.edit.setCalendarPopup(True)
        self.edit.setDisplayFormat("dd-MM-yyyy HH:mm")
        self.edit.setDateTime(QDateTime.fromSecsSinceEpoch(
            int(default_moment(hours_ahead).timestamp())))
        self.edit.setEnabled(False)
        self.on.toggled.connect(self.edit.setEnabled)
        self.edit.dateTimeChanged.connect(lambda _d: self.on.setChecked(True))
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.on)
        lay.addWidget(self.edit, 1)

    def value(self) -> str:
        """The moment as the log writes it (UTC), '' when not set."""
        if not self.on.isChecked():
            return ""
        secs = self.edit.dateTime().toSecsSinceEpoch()
        return datetime.fromtimestamp(secs, UTC).strftime("%Y-%m-%dT%H:%M:00Z")

    def set_value(self, value: Any) -> None:
        """A moment in any form the store takes ('2026-11-22 14:05' local, ISO, a datetime);
        a text it does not take leaves the picker as it was."""
        if not value:
            self.on.setChecked(False)
            return
        try:
            iso = v.timestamp(value, v.Field("moment", v.timestamp))
        except ValidationError:
            return
        when = datetime.strptime(iso, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
        self.edit.setDateTime(QDateTime.fromSecsSinceEpoch(int(when.timestamp()),
                                                           QTimeZone.systemTimeZone()))
        self.on.setChecked(True)


def region_choices(codes: Sequence[str] | None = None) -> list[tuple[str, str]]:
    """(code, option text) for a region combo box."""
    return [(r.code, region_option(r.code)) for r in REGIONS if codes is None or r.code in codes]
