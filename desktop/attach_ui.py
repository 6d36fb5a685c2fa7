"""Attachments in the window: the strips under the detail of incidents, decisions, bijstand and
the journal (:class:`widgets.attachments.AttachmentStrip`) wired to the store.

Loading an item's attachments reads the list and, for a photo whose bytes arrived, makes its
thumbnail — on a reading lane, never on the GUI thread. Adding a file (dialog or drop) reads it
and writes its bytes with its event in one transaction on the write lane; a file past the limit
is refused with the store's Dutch sentence before it is read. Opening: a photo full size in a
dialog, any other file by the system's own program, from a copy in a temporary folder.
"""

from __future__ import annotations

import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QImage, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QInputDialog,
    QLabel,
    QMessageBox,
    QScrollArea,
    QVBoxLayout,
)

from data.domain.attachments import MAX_ATTACHMENT_BYTES, NOT_RECEIVED, is_image, too_large_text
from data.domain.validation import ValidationError
from data.i18n import _
from data.store import Changes, Store
from desktop.cli_core import file_words
from desktop.context import Context
from desktop.ops import CollectionOp
from desktop.panes import Pane
from widgets.attachments import THUMB, AttachmentStrip

translate = QCoreApplication.translate


def thumbnail(data: bytes) -> QImage | None:
    """A photo scaled to fit :data:`THUMB` (None when the bytes are no image Qt reads)."""
    img = QImage.fromData(data)
    if img.isNull():
        return None
    return img.scaled(THUMB, THUMB, Qt.AspectRatioMode.KeepAspectRatio,
                      Qt.TransformationMode.SmoothTransformation)


def read_items(target_id: str) -> Any:
    """The body of the load: the item's attachments, with a thumbnail for each photo."""
    def read(st: Store) -> list[dict[str, Any]]:
        items = st.attachments(target_id, withdrawn=True)
        for it in items:
            if it["received"] and not it.get("withdrawn") and is_image(str(it.get("media_type"))):
                data = st.blob(str(it["sha256"]))
                it["thumb"] = thumbnail(data) if data is not None else None
        return items
    return read


def add_files(target_id: str, paths: Sequence[str], author: str) -> Any:
    """The body of the write: each file read (after its size is checked) and attached."""
    def write(st: Store) -> Changes:
        out = Changes()
        for raw in paths:
            p = Path(raw)
            try:
                if p.stat().st_size > MAX_ATTACHMENT_BYTES:
                    raise ValidationError(too_large_text(p.stat().st_size), p.name)
                data = p.read_bytes()
            except OSError as e:
                raise ValidationError(f"is niet te lezen: {file_words(e)}", p.name) from None
            changes, _aid = st.attach(target_id, data, p.name, author=author)
            out.merge(changes)
        return out
    return write


class AttachmentsPane(Pane):
    """Loads, adds and opens the attachments of the items the strips show."""

    def __init__(self, ctx: Context, strips: Sequence[AttachmentStrip]) -> None:
        super().__init__(ctx)
        self.strips = list(strips)
        self.viewer: QDialog | None = None  # the open full-size view (tests look at it)
        for s in self.strips:
            s.sig_target_changed.connect(lambda _t, s=s: self.load(s))
            s.sig_add.connect(self.choose)
            s.sig_dropped.connect(self.add)
            s.sig_open.connect(self.open)
            s.sig_withdraw.connect(self.withdraw)

    def load(self, strip: AttachmentStrip) -> None:
        tid = strip.target()
        if tid:
            self.query(read_items(tid), lambda items: strip.set_attachments(tid, items))

    def on_changes(self, changes: Changes) -> None:
        if changes.touches("attachment"):
            for s in self.strips:
                self.load(s)

    def choose(self, target_id: str) -> None:
        paths, _f = QFileDialog.getOpenFileNames(
            self.ctx.window, translate("Bijlagen", "Bijlage toevoegen"), "",
            translate("Bijlagen", "Alle bestanden (*);;Foto's (*.jpg *.jpeg *.png *.gif "
                                  "*.webp);;PDF (*.pdf)"))
        if paths:
            self.add(target_id, paths)

    def add(self, target_id: str, paths: list[str]) -> None:
        """Attach ``paths`` to ``target_id`` (a refusal says why, and keeps nothing)."""
        if self.ctx.frozen():
            self.ctx.status(translate("Bijlagen", "Niet opgeslagen: u kijkt terug naar een "
                                                  "eerder beeld."))
            return
        self.ctx.status(translate("Bijlagen", "bijlage opslaan…"))

        def fail(e: Exception) -> None:
            msg = str(e)
            self.ctx.status(translate("Bijlagen", "bijlage niet opgeslagen: {0}").format(msg))
            QMessageBox.warning(self.ctx.window,
                                translate("Bijlagen", "Bijlage niet opgeslagen"), msg)

        CollectionOp(self.ctx.ops, add_files(target_id, paths, self.ctx.author)) \
            .success(lambda _c: self.ctx.status(translate("Bijlagen", "bijlage opgeslagen"))) \
            .failure(fail).run_in_background()

    def withdraw(self, attachment_id: str, name: str) -> None:
        """Withdraw a file attached by mistake, with the reason every centre will see."""
        if self.ctx.frozen():
            self.ctx.status(translate("Bijlagen", "Niet opgeslagen: u kijkt terug naar een "
                                                  "eerder beeld."))
            return
        reason, ok = QInputDialog.getText(
            self.ctx.window, translate("Bijlagen", "Bijlage intrekken"),
            translate("Bijlagen", "Waarom wordt ‘{0}’ ingetrokken? Elk centrum ziet de reden; "
                                  "het bestand zelf wordt niet meer getoond of doorgegeven.")
            .format(name))
        if not ok:
            return

        def fail(e: Exception) -> None:
            self.ctx.status(translate("Bijlagen", "bijlage niet ingetrokken: {0}").format(e))
            QMessageBox.warning(self.ctx.window,
                                translate("Bijlagen", "Bijlage niet ingetrokken"), str(e))

        CollectionOp(self.ctx.ops, lambda st: st.withdraw_attachment(
            attachment_id, reason, author=self.ctx.author)) \
            .success(lambda _c: self.ctx.status(translate("Bijlagen", "bijlage ingetrokken"))) \
            .failure(fail).run_in_background()

    def open(self, attachment_id: str) -> None:
        def read(st: Store) -> tuple[dict[str, Any] | None, bytes | None]:
            att = st.entity(attachment_id)
            return att, st.blob(str(att.get("sha256"))) if att else None
        self.query(read, lambda r: self._opened(*r))

    def _opened(self, att: dict[str, Any] | None, data: bytes | None) -> None:
        if att is None or data is None:
            self.ctx.status(_(NOT_RECEIVED))
            return
        name = str(att.get("name") or att.get("sha256"))
        if is_image(str(att.get("media_type"))):
            pix = QPixmap()
            if pix.loadFromData(data):
                self.show_full(name, pix)
                return
        try:
            folder = Path(tempfile.mkdtemp(prefix="crisisbeeld-bijlage-"))
            copy = folder / name
            copy.write_bytes(data)
        except OSError as e:
            self.ctx.status(translate("Bijlagen", "bijlage niet te openen: {0}")
                            .format(file_words(e)))
            return
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(copy))):
            self.ctx.status(translate("Bijlagen", "geen programma gevonden om {0} te openen; "
                                                  "kopie staat in "
                               "{1}").format(name, folder))

    def show_full(self, name: str, pix: QPixmap) -> None:
        """A photo at full size (scrolls when larger than the screen)."""
        dlg = QDialog(self.ctx.window)
        dlg.setWindowTitle(name)
        lab = QLabel()
        lab.setPixmap(pix)
        area = QScrollArea()
        area.setWidget(lab)
        lay = QVBoxLayout(dlg)
        lay.addWidget(area)
        dlg.resize(min(pix.width() + 40, 1300), min(pix.height() + 40, 740))
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.viewer = dlg
        dlg.show()
