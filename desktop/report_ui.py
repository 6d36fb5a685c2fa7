"""The *Situatierapport…* dialog (filters, preview, PDF/HTML/Markdown, *Afdrukken*) and the
*Papieren terugval* switch (a pack on a timer, the header says when the last one was made).

Reading the store and writing a pack run on a reading lane (desktop/ops.py): the window never
waits for them. A failing printer or a full disk is shown in the header and the status line;
the application carries on, and the next tick tries again.
"""

from __future__ import annotations

import json
import os
import sys
from datetime import timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QProcess, QProcessEnvironment, QTimer, QUrl, Signal
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from data.domain.enums import Classification, label
from data.picture.timefmt import LOCAL
from data.report import html as rhtml
from data.report.content import Filters, Sitrep, region_codes
from data.report.gather import sitrep
from desktop.context import Context
from desktop.ops import Lane, QueryOp
from widgets.common import fit_to_screen


class SitrepDialog(QDialog):
    """Filters on top, the sitrep as it will read below, and what to do with it."""

    sig_loaded = Signal()
    """A sitrep was read and is shown in the preview."""

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Situatierapport"))
        fit_to_screen(self, 900, 800)
        self.regions = QLineEdit(ctx.region())
        self.regions.setPlaceholderText(self.tr("alle regio's (of bv. VNOG, IJsselland)"))
        self.max_class = QComboBox()
        for c in Classification:  # shown in the user's language, kept as the value
            self.max_class.addItem(label(c.value), c.value)
        self.max_class.setCurrentIndex(self.max_class.findData(Classification.INTERN.value))
        self.error = QLabel("")
        self.error.setObjectName("FieldError")
        refresh = QPushButton(self.tr("Vernieuwen"))
        refresh.clicked.connect(self.load)
        top = QHBoxLayout()
        for w in (QLabel(self.tr("Regio's")), self.regions, QLabel(self.tr("Tot en met")),
                  self.max_class, refresh):
            top.addWidget(w)
        self.preview = QTextBrowser()
        self.buttons = QDialogButtonBox()
        self.save = self.buttons.addButton(self.tr("Opslaan…"),
                                           QDialogButtonBox.ButtonRole.ActionRole)
        self.print_button = self.buttons.addButton(self.tr("Afdrukken…"),
                                                   QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        self.save.clicked.connect(self.ask_save)
        self.print_button.clicked.connect(self.print_it)
        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addWidget(self.error)
        lay.addWidget(self.preview, 1)
        lay.addWidget(self.buttons)
        self.report: Sitrep | None = None
        self.max_class.currentIndexChanged.connect(lambda _i: self.load())

    def filters(self) -> Filters | None:
        """The filters as entered, or None (with the message shown) when a region is unknown."""
        try:
            regions = region_codes([self.regions.text()])
        except ValueError as e:
            self.error.setText(str(e))
            return None
        self.error.setText("")
        return Filters(regions, str(self.max_class.currentData()))

    def load(self) -> None:
        """Read the sitrep on a reading lane; the preview follows when it is back."""
        f = self.filters()
        if f is None:
            return
        clock = self.ctx.clock
        self.preview.setPlaceholderText(self.tr("laden…"))
        QueryOp(self.ctx.ops, lambda st: sitrep(st, clock.now(), f), Lane.SLOW) \
            .success(self.show_report).run_in_background()

    def show_report(self, s: Sitrep) -> None:
        from desktop.report_pdf import map_image

        self.report = s
        doc = QTextDocument(self.preview)
        doc.addResource(QTextDocument.ResourceType.ImageResource, QUrl(rhtml.MAP_IMAGE),
                        map_image(s.region_levels, s.filters.regions, 700))
        exercise = self.tr("OEFENING")
        mark = f"<p style='color:#a00'><b>{exercise}</b></p>" if s.meta.exercise else ""
        doc.setHtml(mark + rhtml.body(s, map_src=rhtml.MAP_IMAGE, with_toc=False))
        self.preview.setDocument(doc)
        self.sig_loaded.emit()

    def ask_save(self) -> None:
        path, _f = QFileDialog.getSaveFileName(
            self, self.tr("Situatierapport opslaan"), "situatierapport.pdf",
            self.tr("PDF (*.pdf);;HTML (*.html);;Markdown (*.md)"))
        if path:
            self.save_to(Path(path))

    def save_to(self, path: Path) -> str:
        """Write the sitrep shown to ``path`` (format by suffix); returns the message shown."""
        s = self.report
        if s is None:
            return ""
        try:
            suffix = path.suffix.lower()
            if suffix == ".md":
                from data.report.markdown import markdown

                path.write_text(markdown(s), encoding="utf-8")
            elif suffix in (".html", ".htm"):
                path.write_text(rhtml.html(s), encoding="utf-8")
            else:
                from desktop.report_pdf import write_pdf

                write_pdf(s, path if suffix == ".pdf" else path.with_suffix(".pdf"))
            msg = self.tr("situatierapport opgeslagen: {0}").format(path)
        except OSError as e:
            msg = self.tr("niet opgeslagen: {0}").format(e.strerror or str(e))
        self.error.setText(msg)
        return msg

    def print_it(self) -> None:
        """Choose a printer and print the sitrep shown (with the page furniture)."""
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        if self.report is None:
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dlg = QPrintDialog(printer, self)
        if dlg.exec() != QDialog.DialogCode.Accepted:
            return
        from desktop.report_pdf import render

        try:
            render(self.report, printer)
        except OSError as e:
            QMessageBox.warning(self, self.tr("Afdrukken"),
                                self.tr("Niet afgedrukt: {0}").format(e))


class PaperController(QObject):
    """Papieren terugval: while on, a pack every ``every`` into ``folder`` (last ``keep``
    kept); the header shows when the last one was made, or what went wrong.

    The pack is drawn in a child process (``crisisbeeld paper --once``): Qt's rich-text layout
    holds Python's interpreter lock while it works, so even on a worker thread a long pack
    would freeze the window; a child process cannot, and if it fails the window carries on.
    Whether a pack is due is decided here, by the window's clock."""

    sig_pack_done = Signal(object)
    """A pack attempt ended: (PackResult) — written, or with the problem a person must see."""

    #: how often the timer looks whether a pack is due (the clock decides, not the timer)
    TICK_MS = 20_000

    def __init__(self, ctx: Context, header: QWidget, folder: Path | None = None,
                 every: timedelta = timedelta(minutes=15), keep: int = 8) -> None:
        super().__init__(ctx.window)
        from desktop.paper import PaperPacks

        self.ctx = ctx
        home = Path(os.environ.get("CRISISBEELD_HOME")
                    or Path.home() / ".local" / "share" / "crisisbeeld")
        self.packs = PaperPacks(folder or home / "papier", every, keep)
        #: print each pack with the system's print command (lp)
        self.print_packs = False
        self.label = QLabel("")
        self.label.setObjectName("PaperState")
        self.label.hide()
        lay = header.layout()
        if lay is not None:  # next to the sync state, before the clock
            lay.insertWidget(max(0, lay.count() - 1), self.label)  # type: ignore[attr-defined]
        self._timer = QTimer(self)
        self._timer.setInterval(self.TICK_MS)
        self._timer.timeout.connect(self.tick)
        self._proc: QProcess | None = None
        self.on = False

    def set_on(self, on: bool) -> None:
        """Switch the paper fallback on (a pack at once, then every period) or off."""
        self.on = on
        self.label.setVisible(on)
        if on:
            self.label.setText(self.tr("papier: eerste pakket…"))
            self.packs.last = None
            self._timer.start()
            self.tick()
        else:
            self._timer.stop()

    def command(self) -> list[str]:
        """The child's command line: one pack of this store into the folder."""
        args = ["-m", "desktop", "paper", "--db", str(self.ctx.path), "--dir",
                str(self.packs.folder), "--keep", str(self.packs.keep), "--once", "--json",
                "--max-class", self.packs.filters.max_class]
        return args + (["--print"] if self.print_packs else [])

    def tick(self) -> None:
        """Start a pack when one is due by the window's clock (and none is being written)."""
        now = self.ctx.clock.now()
        if not self.on or self._proc is not None or not self.packs.due(now):
            return
        self.packs.last = now
        proc = QProcess(self)
        env = QProcessEnvironment.systemEnvironment()
        env.insert("QT_QPA_PLATFORM", "offscreen")
        proc.setProcessEnvironment(env)
        proc.finished.connect(self._finished)
        proc.errorOccurred.connect(self._error)
        self._proc = proc
        proc.start(sys.executable, self.command())

    def _error(self, err: QProcess.ProcessError) -> None:
        if err == QProcess.ProcessError.FailedToStart:
            self._end(self.tr("papieren pakket niet geschreven: het programma start niet"))

    def _finished(self, _code: int, _status: QProcess.ExitStatus) -> None:
        proc = self._proc
        if proc is None:
            return
        out = bytes(proc.readAllStandardOutput().data()).decode("utf-8", "replace")
        err = bytes(proc.readAllStandardError().data()).decode("utf-8", "replace")
        line = out.strip().splitlines()[-1] if out.strip() else ""
        try:
            doc = json.loads(line)
        except ValueError:
            why = (err.strip().splitlines()[-1:] or [self.tr("onbekende fout")])[0][:200]
            doc = {"problem": self.tr("papieren pakket niet geschreven: {0}").format(why)}
        self._end(str(doc.get("problem") or ""), doc)

    def _end(self, problem: str, doc: dict[str, Any] | None = None) -> None:
        from desktop.paper import PackResult

        if self._proc is not None:
            self._proc.deleteLater()
            self._proc = None
        doc = doc or {}
        res = PackResult(path=Path(doc["path"]) if doc.get("path") else None,
                         pages=int(doc.get("pages") or 0),
                         pruned=[Path(x) for x in doc.get("pruned") or []], problem=problem,
                         at=self.ctx.clock.now())
        if problem:
            self.label.setProperty("severity", "red")
            self.label.setText(self.tr("papier: {0}").format(problem))
            self.ctx.status(problem)
        else:
            self.label.setProperty("severity", "")
            self.label.setText(self.tr("papier {0}").format(
                res.at.astimezone(LOCAL).strftime("%H:%M") if res.at else ""))
            self.label.setToolTip(str(res.path))
        self.label.style().unpolish(self.label)
        self.label.style().polish(self.label)
        from desktop import activity

        activity.paper(res.path, res.pages, problem)
        self.sig_pack_done.emit(res)

    def stop(self) -> None:
        """Stop the timer and a pack being written (the packs made before stay; a pack cut
        off leaves only its temporary file, never a half pack under a pack's name)."""
        self._timer.stop()
        if self._proc is not None:
            self._proc.finished.disconnect(self._finished)
            self._proc.kill()
            self._proc.waitForFinished(5_000)
            self._proc = None


class ReportWiring(QObject):
    """The *Rapport* menu of a window: *Situatierapport…* and the *Papieren terugval* switch."""

    def __init__(self, ctx: Context, header: QWidget) -> None:
        super().__init__(ctx.window)
        from PySide6.QtGui import QAction, QKeySequence

        self.ctx = ctx
        self.paper = PaperController(ctx, header)
        self.dialog: SitrepDialog | None = None
        mb = ctx.window.menuBar()
        actions = mb.actions()
        m = mb.addMenu(self.tr("&Rapport"))
        if actions:  # before Hulp, the last menu
            mb.insertMenu(actions[-1], m)
        self.sitrep_action = QAction(self.tr("Situatierapport…"), ctx.window)
        self.sitrep_action.setShortcut(QKeySequence("Ctrl+P"))
        self.sitrep_action.triggered.connect(self.open_dialog)
        self.paper_action = QAction(self.tr("Papieren terugval (pakket elke 15 min)"),
                                    ctx.window)
        self.paper_action.setCheckable(True)
        self._prepared = False
        self.paper_action.toggled.connect(lambda on: on and self.prepare())
        self.paper_action.toggled.connect(self.paper.set_on)
        for a in (self.sitrep_action, self.paper_action):
            m.addAction(a)
            ctx.window.addAction(a)

    def prepare(self) -> None:
        """Once per window, where reports are made: the journal index of the reports (a write,
        on the write lane; data.report.gather.prepare)."""
        if self._prepared:
            return
        self._prepared = True
        from data.report.gather import prepare

        # (a store that cannot take the index now is read without it, more slowly)
        QueryOp(self.ctx.ops, prepare, Lane.WRITE, expected=(Exception,)) \
            .failure(lambda _e: None).run_in_background()

    def open_dialog(self) -> SitrepDialog:
        self.prepare()
        if self.dialog is None:
            self.dialog = SitrepDialog(self.ctx, self.ctx.window)
        self.dialog.show()
        self.dialog.load()
        return self.dialog

    def stop(self) -> None:
        self.paper.stop()
        if self.dialog is not None:
            self.dialog.close()
