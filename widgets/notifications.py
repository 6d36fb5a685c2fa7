"""The quiet notification list: what other centres did that concerns this centre, newest on
top, unread in bold. It never takes the focus and never opens a window by itself; the
navigation shows the unread counts per view (see the main window)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from data.picture.notifications import Notification, unread_per_view
from data.picture.timefmt import local_hm

#: the list keeps the newest this many (older ones are in the views and the log)
KEEP = 200


class NotificationList(QWidget):
    """Notifications of other centres; a click opens the view that shows the item."""

    sig_open = Signal(str, str)
    """A notification was clicked: (view name, entity id)."""
    sig_unread_changed = Signal(object)
    """The unread counts changed: dict view name -> count."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.items: list[Notification] = []
        self.read: set[str] = set()
        self.title = QLabel(self.tr("Meldingen"))
        self.title.setObjectName("Muted")
        self.list = QListWidget()
        self.list.setObjectName("NotificationList")
        self.list.setWordWrap(True)
        self.list.setFocusPolicy(Qt.FocusPolicy.ClickFocus)  # never in the way of typing
        self.list.itemActivated.connect(self._open)
        self.list.itemClicked.connect(self._open)
        self.empty = QLabel(self.tr("Nog niets van andere centra dat ons raakt."))
        self.empty.setObjectName("Muted")
        self.empty.setWordWrap(True)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(6, 4, 6, 4)
        lay.setSpacing(2)
        lay.addWidget(self.title)
        lay.addWidget(self.empty)
        lay.addWidget(self.list, 1)
        self.list.hide()

    def add(self, found: Sequence[Notification], skipped: int = 0) -> None:
        """Put new notifications on top (quietly: no focus, no dialog)."""
        for n in found:
            self.items.insert(0, n)
            item = QListWidgetItem(f"{local_hm(n.at)} · {n.origin.upper()}\n{n.text}")
            item.setData(Qt.ItemDataRole.UserRole, n)
            item.setToolTip(n.text)
            f = item.font()
            f.setBold(True)
            item.setFont(f)
            self.list.insertItem(0, item)
        if skipped:
            self.list.insertItem(0, QListWidgetItem(self.tr(
                "%n wijzigingen meer binnengekomen — zie de schermen", "", skipped)))
        while self.list.count() > KEEP:
            self.list.takeItem(self.list.count() - 1)
        del self.items[KEEP:]
        self.list.setVisible(self.list.count() > 0)
        self.empty.setVisible(self.list.count() == 0)
        self._counts_changed()

    def restore(self, items: Sequence[Notification], read: set[str]) -> None:
        """Show the list as it was kept (newest first), with what had been read."""
        self.read = set(read)
        self.add(list(reversed(items)))
        for i in range(self.list.count()):
            item = self.list.item(i)
            n = item.data(Qt.ItemDataRole.UserRole)
            if isinstance(n, Notification) and n.event_id in self.read:
                f = item.font()
                f.setBold(False)
                item.setFont(f)
        self._counts_changed()

    def unread(self) -> dict[str, int]:
        """Unread notifications per view."""
        return unread_per_view(self.items, self.read)

    def mark_view_read(self, view: str) -> None:
        """The operator opened ``view``: its notifications count as seen."""
        changed = False
        for i in range(self.list.count()):
            item = self.list.item(i)
            n = item.data(Qt.ItemDataRole.UserRole)
            if isinstance(n, Notification) and n.view == view and n.event_id not in self.read:
                self.read.add(n.event_id)
                f = item.font()
                f.setBold(False)
                item.setFont(f)
                changed = True
        if changed:
            self._counts_changed()

    def _counts_changed(self) -> None:
        counts = self.unread()
        total = sum(counts.values())
        self.title.setText(self.tr("Meldingen · {0} nieuw").format(total) if total
                           else self.tr("Meldingen"))
        self.sig_unread_changed.emit(counts)

    def _open(self, item: QListWidgetItem) -> None:
        n = item.data(Qt.ItemDataRole.UserRole)
        if isinstance(n, Notification):
            self.sig_open.emit(n.view, n.entity)
