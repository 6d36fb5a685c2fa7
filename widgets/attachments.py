"""The attachments of one item (an incident, decision, bijstand request or journal line), under
its detail: a paperclip count, a tile per file — a scaled thumbnail for a photo, the name and
size for another file, "bijlage nog niet ontvangen" where the bytes have not arrived — and a
button (or a drop of files from the desktop) to add one.

The strip never reads the store: the window tells it which item is shown
(:meth:`AttachmentStrip.set_target`, which the strip passes on as :attr:`sig_target_changed`)
and hands it the attachments (:meth:`set_attachments`); what the user asks for goes out as
signals.
"""

from __future__ import annotations

from typing import Any, Sequence

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QIcon, QImage, QPixmap
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QScrollArea,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from data.domain.attachments import NOT_RECEIVED, human_size
from data.i18n import _

#: the longest side of a thumbnail, in pixels
THUMB = 96


class AttachmentStrip(QWidget):
    """Paperclip count, tiles of the item's files, and "Bijlage toevoegen"."""

    sig_target_changed = Signal(str)
    """Another item is shown (id; '' for none): load its attachments."""
    sig_add = Signal(str)
    """Attach a file to this item (id): ask which."""
    sig_dropped = Signal(str, list)
    """Files were dropped on the strip: (item id, local paths) to attach."""
    sig_open = Signal(str)
    """Open an attachment (id): a photo full size, another file with the system's program."""
    sig_withdraw = Signal(str, str)
    """Withdraw an attachment attached by mistake: (id, file name); ask why."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("AttachmentStrip")
        self.setAcceptDrops(True)
        self._target = ""
        self._tiles: list[QToolButton] = []
        self.count = QLabel()
        self.count.setObjectName("AttachmentCount")
        self.add_btn = QPushButton(self.tr("Bijlage toevoegen…"))
        self.add_btn.setToolTip(self.tr("Kies een bestand, of sleep het hierheen"))
        self.add_btn.clicked.connect(lambda: self._target and self.sig_add.emit(self._target))
        head = QHBoxLayout()
        head.setContentsMargins(0, 0, 0, 0)
        head.addWidget(self.count, 1)
        head.addWidget(self.add_btn)
        self._row = QHBoxLayout()
        self._row.setContentsMargins(0, 0, 0, 0)
        self._row.addStretch(1)
        inner = QWidget()
        inner.setLayout(self._row)
        self.scroll = QScrollArea()
        self.scroll.setWidget(inner)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFixedHeight(THUMB + 54)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 4, 0, 0)
        lay.addLayout(head)
        lay.addWidget(self.scroll)
        self._show_count(0)
        self.scroll.hide()

    # -- what the window tells it ------------------------------------------------------------

    def target(self) -> str:
        return self._target

    def set_target(self, target_id: str) -> None:
        """Show the attachments of ``target_id`` (they follow by :meth:`set_attachments`)."""
        if target_id == self._target:
            return
        self._target = target_id
        self._clear()
        self._show_count(0)
        self.scroll.hide()
        self.add_btn.setEnabled(bool(target_id))
        self.sig_target_changed.emit(target_id)

    def set_attachments(self, target_id: str, items: Sequence[dict[str, Any]]) -> None:
        """The item's attachments: dicts with id, name, media_type, size, received, caption,
        classification, and ``thumb`` (a QImage, scaled) for a photo that arrived; those with
        ``withdrawn`` (at, by, reason) get no tile, the count says them with their reason."""
        if target_id != self._target:
            return  # an answer about an item no longer shown
        self._clear()
        gone = [it for it in items if it.get("withdrawn")]
        items = [it for it in items if not it.get("withdrawn")]
        for it in items:
            self._row.insertWidget(self._row.count() - 1, self._tile(it))
        self._show_count(len(items))
        self.scroll.setVisible(bool(items))  # no empty band under a detail without files
        if gone:  # withdrawn files: no tile, but every centre reads that they were, and why
            self.count.setText(self.count.text() + " · " + self.tr(
                "%n ingetrokken", "", len(gone)))
            self.count.setToolTip("\n".join(
                self.tr("{0} ingetrokken door {1}: {2}").format(
                    it.get("name", ""), (it.get("withdrawn") or {}).get("by", ""),
                    (it.get("withdrawn") or {}).get("reason", "")) for it in gone))
        else:
            self.count.setToolTip("")

    # -- tiles -------------------------------------------------------------------------------

    def _tile(self, it: dict[str, Any]) -> QToolButton:
        b = QToolButton()
        b.setObjectName("AttachmentTile")
        b.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextUnderIcon)
        b.setIconSize(QSize(THUMB, THUMB))
        b.setFixedSize(THUMB + 60, THUMB + 40)
        name = str(it.get("name", ""))
        short = name if len(name) <= 22 else name[:20] + "…"
        tip = [name, str(it.get("media_type", "")), human_size(int(it.get("size") or 0)),
               self.tr("rubricering: {0}").format(it.get("classification", ""))]
        if it.get("caption"):
            tip.insert(1, str(it["caption"]))
        if not it.get("received"):
            # not disabled: a disabled tile gets no menu, and the record can be withdrawn
            # before its bytes arrive; a click opens nothing
            b.setText(f"{short}\n{_(NOT_RECEIVED)}")
            b.setProperty("received", False)
            tip.append(_(NOT_RECEIVED))
        else:
            thumb = it.get("thumb")
            if isinstance(thumb, QImage) and not thumb.isNull():
                b.setIcon(QIcon(QPixmap.fromImage(thumb)))
                b.setProperty("inline", True)  # the photo itself, not a file symbol
                b.setText(short)
                tip.append(self.tr("klik voor volledige grootte"))
            else:
                b.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_FileIcon))
                b.setIconSize(QSize(THUMB // 2, THUMB // 2))
                b.setText(f"{short}\n{human_size(int(it.get('size') or 0))}")
                tip.append(self.tr("klik om te openen"))
            aid = str(it.get("id", ""))
            b.clicked.connect(lambda _c=False, a=aid: self.sig_open.emit(a))
        aid, tip = str(it.get("id", "")), [*tip, self.tr("rechtermuisknop: intrekken")]
        b.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        b.customContextMenuRequested.connect(lambda pos, b=b, a=aid, n=name: self._menu(b, pos,
                                                                                      a, n))
        b.setToolTip("\n".join(tip))
        self._tiles.append(b)
        return b

    def tile_menu(self, tile: QToolButton, aid: str, name: str) -> QMenu:
        """The menu of a tile (right button, or the menu key): open, withdraw."""
        menu = QMenu(tile)
        if tile.property("received") is not False:
            menu.addAction(self.tr("Openen"), lambda: self.sig_open.emit(aid))
        menu.addAction(self.tr("Intrekken…"), lambda: self.sig_withdraw.emit(aid, name))
        return menu

    def _menu(self, tile: QToolButton, pos: Any, aid: str, name: str) -> None:
        self.tile_menu(tile, aid, name).popup(tile.mapToGlobal(pos))

    def tiles(self) -> list[QToolButton]:
        """The tiles shown (tests and the snapshot look at them)."""
        return list(self._tiles)

    def _clear(self) -> None:
        for b in self._tiles:
            self._row.removeWidget(b)
            b.deleteLater()
        self._tiles = []

    def _show_count(self, n: int) -> None:
        self.count.setText(self.tr("Bijlagen ({0})").format(n) if n else
                           self.tr("Geen bijlagen — sleep een bestand hierheen"))

    # -- drag and drop -----------------------------------------------------------------------

    def dragEnterEvent(self, e: QDragEnterEvent) -> None:  # noqa: N802 - Qt's name
        if self._target and e.mimeData().hasUrls() and any(
                u.isLocalFile() for u in e.mimeData().urls()):
            e.acceptProposedAction()
        else:
            e.ignore()

    def dropEvent(self, e: QDropEvent) -> None:  # noqa: N802 - Qt's name
        paths = [u.toLocalFile() for u in e.mimeData().urls() if u.isLocalFile()]
        if self._target and paths:
            e.acceptProposedAction()
            self.sig_dropped.emit(self._target, paths)


def with_attachments(detail: QWidget, strip: AttachmentStrip) -> QWidget:
    """``detail`` with the attachment strip under it (one widget for a splitter)."""
    box = QWidget()
    lay = QVBoxLayout(box)
    lay.setContentsMargins(0, 0, 0, 0)
    lay.setSpacing(2)
    lay.addWidget(detail, 1)
    lay.addWidget(strip)
    return box
