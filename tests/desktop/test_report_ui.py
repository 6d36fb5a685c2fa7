"""In the application: the *Situatierapport…* dialog (preview, save, print to a PDF printer),
*Papieren terugval* (a failing disk is shown and the window keeps working), and re-keying
paper with a leading time in the quick entry (kept as occurred_at, *nagekomen*, sorted by when
it happened)."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from pypdf import PdfReader
from PySide6.QtCore import Qt

from data.picture.timefmt import LOCAL


def _pdf_text(path: Path) -> str:
    return " ".join(" ".join(p.extract_text() or "" for p in PdfReader(str(path)).pages).split())


def _journal(window: Any, qtbot: Any, text: str, n: int) -> None:
    entry = window.journal.entry
    entry.sender.setText("CaCo Oost")  # an incoming line needs a sender
    entry.text.setText(text)
    qtbot.keyClick(entry.text, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.journal.model.rowCount() == n, timeout=10_000)


def _has_journal_index(path: Any) -> bool:
    import sqlite3

    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn:
        return conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'ix_event_journal'"
                            ).fetchone() is not None


def test_sitrep_dialog_preview_save_and_print(qtbot: Any, window: Any, tmp_path: Path) -> None:
    _journal(window, qtbot, "Kernbericht uit de zaal", 1)
    assert window.report.dialog is None
    window.report.sitrep_action.trigger()
    dlg = window.report.dialog
    qtbot.waitUntil(lambda: dlg.report is not None, timeout=10_000)
    qtbot.waitUntil(lambda: _has_journal_index(window.path), timeout=10_000)  # made here, once
    assert "Situatierapport KCR2" in dlg.preview.toPlainText()
    assert dlg.report.filters.max_class == "intern"
    dlg.regions.setText("Atlantis")
    dlg.load()
    assert "onbekend" in dlg.error.text()
    dlg.regions.setText("VNOG")
    with qtbot.waitSignal(dlg.sig_loaded, timeout=10_000):
        dlg.load()
    assert dlg.report.filters.regions == ("VR06",)
    out = tmp_path / "rapport.pdf"
    assert "opgeslagen" in dlg.save_to(out)
    assert "Situatierapport KCR2" in _pdf_text(out)
    assert "opgeslagen" in dlg.save_to(tmp_path / "rapport.md")
    assert "niet opgeslagen" in dlg.save_to(tmp_path / "weg" / "rapport.md")
    # Afdrukken draws on the printer the dialog chose; here a PDF printer
    from PySide6.QtPrintSupport import QPrinter

    from desktop.report_pdf import render

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "geprint.pdf"))
    assert render(dlg.report, printer) >= 1
    assert "pagina 1 van" in _pdf_text(tmp_path / "geprint.pdf")


def test_paper_fallback_failure_is_shown_and_the_window_keeps_working(
        qtbot: Any, window: Any, tmp_path: Path) -> None:
    paper = window.report.paper
    blocked = tmp_path / "geen-map"
    blocked.write_text("een bestand waar de map had moeten staan")
    paper.packs.folder = blocked
    with qtbot.waitSignal(paper.sig_pack_done, timeout=60_000) as sig:
        window.report.paper_action.setChecked(True)
    problem = ("papieren pakket niet geschreven: de map voor de pakketten bestaat niet of is "
               "geen map")
    assert sig.args[0].problem == problem
    assert paper.label.isVisible() and problem in paper.label.text()
    assert problem in window.status_line.text()
    # the window carries on: a journal line is saved and shown
    _journal(window, qtbot, "Werk gaat door", 1)
    # a folder that works: the next pack is written, the header says when
    paper.packs.folder = tmp_path / "papier"
    paper.packs.last = window.clock.now() - timedelta(minutes=16)  # a period has passed
    with qtbot.waitSignal(paper.sig_pack_done, timeout=60_000) as sig:
        paper.tick()
    res = sig.args[0]
    assert not res.problem and res.path.exists() and res.path.parent == tmp_path / "papier"
    assert "Werk gaat door" in _pdf_text(res.path)
    assert paper.label.text() == f"papier {res.at.astimezone(LOCAL):%H:%M}"
    paper.tick()  # not due again within the period: no second pack
    assert paper._proc is None  # noqa: SLF001
    window.report.paper_action.setChecked(False)
    assert not paper.label.isVisible()


def test_quick_entry_leading_time_is_kept_as_when_it_happened(
        qtbot: Any, window: Any, read_store: Any) -> None:
    now = window.clock.now().astimezone(LOCAL)
    earlier = (now - timedelta(hours=2)).replace(second=0, microsecond=0)
    _journal(window, qtbot, "Nu gemeld", 1)
    _journal(window, qtbot, f"{earlier:%H:%M} Van papier: mast Epe uit", 2)
    st = read_store()
    ev = [e for e in st.iter_events() if e.type == "journal.logged"
          and e.payload.get("text") == "Van papier: mast Epe uit"]
    assert len(ev) == 1 and ev[0].payload.get("nagekomen") is True
    occurred = datetime.fromisoformat(ev[0].occurred_at.replace("Z", "+00:00"))
    assert occurred == earlier
    assert ev[0].recorded_at > ev[0].occurred_at
    # newest first by when it happened: the paper message sorts below the one of now
    m = window.journal.model
    assert "Nu gemeld" in m.index(0, 5).data()
    assert "mast Epe" in m.index(1, 5).data() and "nagekomen" in m.index(1, 0).data()
    assert "nagekomen" not in m.index(0, 0).data()


def test_a_creating_form_takes_the_time_of_the_paper_form(
        qtbot: Any, window: Any, read_store: Any) -> None:
    now = window.clock.now().astimezone(LOCAL)
    earlier = (now - timedelta(hours=3)).replace(second=0, microsecond=0)
    window.commands.new_incident()
    dlg = window.commands.dialog
    form = dlg.form
    form.input("title").setText("Dijk Lek van papier")
    form.input("kind").setText("overstroming")
    form.input("regions").set_value(["VRZHZ"])
    form.time.setText("kwart over twee")
    form.submit()
    assert "niet begrepen" in form.error_text("tijd") and dlg.isVisible()
    form.time.setText(f"{earlier:%H:%M}")
    with qtbot.waitSignal(dlg.finished, timeout=10_000):
        form.submit()
    st = read_store()
    ev = [e for e in st.iter_events() if e.type == "incident.reported"]
    assert len(ev) == 1
    assert datetime.fromisoformat(ev[0].occurred_at.replace("Z", "+00:00")) == earlier
    # marked as re-keyed from paper, in the history line the detail shows
    assert ev[0].payload.get("nagekomen") is True
    (made,) = st.entity(ev[0].entity)["history"]
    assert made["nagekomen"] is True and "nagekomen" not in st.entity(ev[0].entity)
