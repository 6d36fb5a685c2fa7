"""Draw a sitrep or a paper pack as PDF (A4) with Qt, from the HTML of :mod:`data.report`.

Each page gets a header (what it is, centre, moment, the highest classification), a footer
(fingerprint, *pagina n van m*) and, in an exercise world, OEFENING across it. The sitrep's
table of contents gets its page numbers from a first layout. The region map is painted from the
same outlines as the Overzicht into an image the document refers to.

Everything here works off the GUI thread (QTextDocument, QPainter on QPdfWriter/QImage), and
headless: :func:`ensure_gui` starts an offscreen QGuiApplication when there is none.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMarginsF, QPointF, QRectF, QSizeF, Qt, QUrl
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QBrush,
    QColor,
    QFont,
    QGuiApplication,
    QImage,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPainterPath,
    QPdfWriter,
    QPen,
    QTextCursor,
    QTextDocument,
)

from data.picture.timefmt import local_hm
from data.report import html as rhtml
from data.report import regionmap
from data.report.content import Sitrep, class_label
from data.report.pack import Part
from data.report.text import EXERCISE_MARK, SECTIONS

#: the sitrep gets its table of contents from this many pages on (shorter ones do without)
TOC_FROM_PAGES = 3
MARGINS_MM = QMarginsF(14, 12, 14, 12)
DPI = 300


def ensure_gui() -> QGuiApplication:
    """The running Qt application, or a new offscreen one (for the command line)."""
    app = QGuiApplication.instance()
    if app is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        app = QGuiApplication(["crisisbeeld"])
    return app  # type: ignore[return-value]


def map_image(levels: dict[str, str], selected: Sequence[str] = (),
              width_px: int = 1000) -> QImage:
    """The 25 regions coloured by level, as an image for the document."""
    regs, height = regionmap.shapes(float(width_px))
    img = QImage(width_px, int(height) + 2, QImage.Format.Format_RGB32)
    img.fill(QColor("white"))
    p = QPainter(img)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    font = QFont("DejaVu Sans")
    font.setPixelSize(max(10, width_px // 55))
    p.setFont(font)
    for s in regs:
        path = QPainterPath()
        for ring in s.rings:
            path.moveTo(QPointF(*ring[0]))
            for pt in ring[1:]:
                path.lineTo(QPointF(*pt))
            path.closeSubpath()
        p.setBrush(QBrush(QColor(regionmap.FILL.get(levels.get(s.code, ""), "#f2f2f2"))))
        p.setPen(QPen(QColor(regionmap.LINE), 5.0 if s.code in selected else 1.2))
        p.drawPath(path)
    p.setPen(QColor("#111111"))
    for s in regs:
        x, y = s.label_at
        p.drawText(QRectF(x - 60, y - 12, 120, 24), Qt.AlignmentFlag.AlignCenter, s.short)
    p.end()
    return img


class _Page:
    """Geometry of one A4 page at :data:`DPI`: the document's area between header and footer."""

    def __init__(self, device: QPagedPaintDevice) -> None:
        self.w = float(device.width())
        self.h = float(device.height())
        self.dpi = float(device.logicalDpiY())
        self.band = self.dpi * 0.30  # header and footer bands (0.3 inch each)
        self.body = QSizeF(self.w, self.h - 2 * self.band)


def _doc(html_text: str, page: _Page, device: QPagedPaintDevice,
         images: dict[str, QImage]) -> QTextDocument:
    doc = QTextDocument()
    doc.documentLayout().setPaintDevice(device)
    font = QFont("DejaVu Sans")
    font.setPointSizeF(9.0)
    doc.setDefaultFont(font)
    for name, img in images.items():
        doc.addResource(QTextDocument.ResourceType.ImageResource, QUrl(name), img)
    doc.setPageSize(page.body)  # first: the text is laid out once, on the page it is for
    doc.setHtml(html_text)
    return doc


def _heading_pages(doc: QTextDocument, page: _Page, first: int) -> list[int]:
    """The page each sitrep section starts on (``first`` = the page number of its page 1)."""
    found: dict[str, int] = {}
    layout = doc.documentLayout()
    block = doc.begin()
    while block.isValid():
        text = block.text().strip()
        if block.blockFormat().headingLevel() and text in SECTIONS and text not in found:
            # the middle of the heading's first line: its top margin may still lie on the
            # page before the one its text is drawn on
            y = layout.blockBoundingRect(block).top()  # (lays the block out first)
            line = block.layout().lineAt(0)
            y += line.y() + line.height() / 2 if line.isValid() else 0
            found[text] = first + int(y // page.body.height())
        block = block.next()
    return [found.get(t, first) for t in SECTIONS]


def _sitrep_doc(s: Sitrep, page: _Page, device: QPagedPaintDevice, images: dict[str, QImage],
                first: int) -> QTextDocument:
    """One layout with placeholders in the table of contents, filled in from where each
    section landed (a short sitrep is laid out again without contents)."""
    tokens = [rhtml.toc_token(n) for n in range(len(SECTIONS))]
    doc = _doc(rhtml.body(s, map_src=rhtml.MAP_IMAGE, toc=tokens), page, device, images)
    if doc.pageCount() < TOC_FROM_PAGES:
        return _doc(rhtml.body(s, map_src=rhtml.MAP_IMAGE, with_toc=False), page, device,
                    images)
    pages = _heading_pages(doc, page, first)
    edit = QTextCursor(doc)
    edit.beginEditBlock()  # one relayout for all the numbers, not one per number
    for token, n in zip(tokens, pages):
        found = doc.find(token)
        if not found.isNull():
            edit.setPosition(found.selectionStart())
            edit.setPosition(found.selectionEnd(), QTextCursor.MoveMode.KeepAnchor)
            edit.insertText(str(n))
    edit.endEditBlock()
    return doc


def _furniture(p: QPainter, page: _Page, s: Sitrep, title: str, n: int, total: int) -> None:
    """Header, footer and the exercise mark of one page."""
    font = QFont("DejaVu Sans")
    font.setPointSizeF(7.5)
    p.setFont(font)
    p.setPen(QColor("#333333"))
    top = QRectF(0, 0, page.w, page.band * 0.8)
    p.drawText(top, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
               f"{title} · {s.meta.centre} · {local_hm(s.moment)}")
    p.drawText(top, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
               f"RUBRICERING: {class_label(s.highest_class).upper()}")
    bottom = QRectF(0, page.h - page.band * 0.8, page.w, page.band * 0.8)
    p.drawText(bottom, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
               f"vingerafdruk {s.meta.fingerprint}")
    p.drawText(bottom, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
               f"pagina {n} van {total}")
    if not s.meta.exercise:
        return
    bold = QFont("DejaVu Sans")
    bold.setBold(True)
    bold.setPointSizeF(10)
    p.setFont(bold)
    p.setPen(QPen(QColor("#aa0000"), page.dpi / 100))
    mark = QRectF(page.w / 2 - page.dpi * 0.6, 0, page.dpi * 1.2, page.band * 0.8)
    p.drawRect(mark)
    p.drawText(mark, Qt.AlignmentFlag.AlignCenter, EXERCISE_MARK)
    p.drawText(bottom, Qt.AlignmentFlag.AlignCenter, EXERCISE_MARK)
    p.save()
    big = QFont("DejaVu Sans")
    big.setBold(True)
    big.setPointSizeF(80)
    p.setFont(big)
    p.setPen(QColor(170, 0, 0, 28))
    p.translate(page.w / 2, page.h / 2)
    p.rotate(-35)
    p.drawText(QRectF(-page.w, -page.dpi, 2 * page.w, 2 * page.dpi),
               Qt.AlignmentFlag.AlignCenter,
               EXERCISE_MARK)
    p.restore()


def _paint(p: QPainter, device: QPagedPaintDevice, page: _Page, s: Sitrep,
           docs: list[tuple[str, QTextDocument]]) -> int:
    total = sum(d.pageCount() for _t, d in docs)
    n = 0
    for title, doc in docs:
        for i in range(doc.pageCount()):
            if n:
                device.newPage()
            n += 1
            p.save()
            p.translate(0, page.band - i * page.body.height())
            ctx = QAbstractTextDocumentLayout.PaintContext()
            ctx.clip = QRectF(0, i * page.body.height(), page.body.width(), page.body.height())
            p.setClipRect(ctx.clip)  # the layout's clip is a hint; rows may reach past it
            ctx.palette.setColor(ctx.palette.ColorRole.Text, QColor("black"))
            doc.documentLayout().draw(p, ctx)
            p.restore()
            _furniture(p, page, s, title, n, total)  # over the content: a mark nothing hides
    return total


def _writer(out: Path, title: str) -> QPdfWriter:
    w = QPdfWriter(str(out))
    w.setResolution(DPI)
    w.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4),
                                QPageLayout.Orientation.Portrait, MARGINS_MM,
                                QPageLayout.Unit.Millimeter))
    w.setTitle(title)
    w.setCreator("Crisisbeeld")
    return w


def render(s: Sitrep, device: QPagedPaintDevice, parts: Sequence[Part] = ()) -> int:
    """Draw the sitrep (and the further ``parts`` of a pack) on ``device`` (a PDF writer or a
    printer); returns the number of pages. Raises OSError when the device cannot be drawn on."""
    ensure_gui()
    page = _Page(device)
    images = {rhtml.MAP_IMAGE: map_image(s.region_levels, s.filters.regions)}
    docs = [("Situatierapport", _sitrep_doc(s, page, device, images, 1))]
    for part in parts:
        if not part.sitrep:
            docs.append((part.title, _doc(part.body, page, device, images)))
    painter = QPainter()
    if not painter.begin(device):
        raise OSError(QCoreApplication.translate(
            "ReportPdf", "kan niet tekenen op het apparaat (printer of bestand)"))
    try:
        return _paint(painter, device, page, s, docs)
    finally:
        painter.end()


def write_pdf(s: Sitrep, out: Path, parts: Sequence[Part] = ()) -> int:
    """Write the sitrep (and the further ``parts`` of a pack) to ``out`` as one PDF; returns
    the number of pages. Raises OSError when the file cannot be written; a half-written file
    is never left under the name ``out``."""
    ensure_gui()
    out = Path(out)
    tmp = out.with_name(out.name + ".deel")
    with open(tmp, "wb"):  # a folder that is missing or read-only: OSError with its errno
        pass
    writer = _writer(tmp, f"Situatierapport {s.meta.centre} {local_hm(s.moment)}")
    try:
        pages = render(s, writer, parts)
    except OSError:
        del writer
        tmp.unlink(missing_ok=True)
        raise
    del writer
    if not tmp.exists() or tmp.stat().st_size == 0:
        tmp.unlink(missing_ok=True)
        raise OSError(QCoreApplication.translate(
            "ReportPdf", "{0} kan niet worden geschreven (schijf vol?)").format(out))
    os.replace(tmp, out)
    return pages
