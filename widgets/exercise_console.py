"""The trainer console (*Oefening*): the exercise clock, the inject list with what the control
team can do with an inject, the expectations per inject, observer notes and the evaluation.

A view only: it shows what :mod:`desktop.exercise_pane` hands it (the player's ``status()`` and
the after-action review) and emits what the trainer asked for.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QStyle,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from widgets.common import fit_headers, set_widths, title_label
from widgets.deferred import Deferred
from widgets.table_model import ID_ROLE, Column, RowTableModel

SPEEDS = (1, 2, 4, 10, 30, 60)
CTX = "ExerciseConsole"

#: how the console names an inject's status, an expectation's state and a verdict (the
#: player's values are Dutch words; these are their texts on screen)
STATE_TEXTS = {
    "gepland": QT_TRANSLATE_NOOP("ExerciseConsole", "gepland"),
    "verstuurd": QT_TRANSLATE_NOOP("ExerciseConsole", "verstuurd"),
    "uitgesteld": QT_TRANSLATE_NOOP("ExerciseConsole", "uitgesteld"),
    "ingetrokken": QT_TRANSLATE_NOOP("ExerciseConsole", "ingetrokken"),
    "terugval": QT_TRANSLATE_NOOP("ExerciseConsole", "terugval"),
    "gehaald": QT_TRANSLATE_NOOP("ExerciseConsole", "gehaald"),
    "deels": QT_TRANSLATE_NOOP("ExerciseConsole", "deels"),
    "gemist": QT_TRANSLATE_NOOP("ExerciseConsole", "gemist"),
    "te laat": QT_TRANSLATE_NOOP("ExerciseConsole", "te laat"),
    "open": QT_TRANSLATE_NOOP("ExerciseConsole", "open"),
}
RATINGS = (("P", QT_TRANSLATE_NOOP("ExerciseConsole", "P — zonder problemen")),
           ("S", QT_TRANSLATE_NOOP("ExerciseConsole", "S — enkele problemen")),
           ("M", QT_TRANSLATE_NOOP("ExerciseConsole", "M — grote problemen")),
           ("U", QT_TRANSLATE_NOOP("ExerciseConsole", "U — niet uitgevoerd")))


def state_text(value: Any) -> str:
    """A status, state or verdict as the console shows it; a verdict may carry its note
    ('gemist (te traag)')."""
    v = "" if value is None else str(value)
    word, sep, rest = v.partition(" (")
    for key in (v, word):
        if key in STATE_TEXTS:
            shown = QCoreApplication.translate(CTX, STATE_TEXTS[key])
            return shown if key == v else shown + sep + rest
    return v


def _t(s: Any) -> str:
    if s is None:
        return ""
    s = int(s)
    h, rest = divmod(abs(s), 3600)
    m, sec = divmod(rest, 60)
    return f"T{'-' if s < 0 else '+'}{h:02d}:{m:02d}" + (f":{sec:02d}" if sec else "")


def _dur(s: Any) -> str:
    if s is None:
        return ""
    m, sec = divmod(abs(int(s)), 60)
    if sec:
        return QCoreApplication.translate("ExerciseConsole", "{0} min {1} s").format(m, sec)
    return QCoreApplication.translate("ExerciseConsole", "{0} min").format(m)


def _exercise_timeline() -> QWidget:
    from widgets.exercise_timeline import ExerciseTimeline  # pyqtgraph

    return ExerciseTimeline()


def parse_offset(text: str) -> int | None:
    """``T+HH:MM``, ``+HH:MM`` or ``HH:MM`` as seconds after T0; ``None`` when unreadable."""
    t = text.strip().upper().removeprefix("T").removeprefix("+")
    parts = t.split(":")
    if not 2 <= len(parts) <= 3 or not all(p.isdigit() for p in parts):
        return None
    nums = [int(p) for p in parts] + [0]
    if nums[1] > 59 or nums[2] > 59:
        return None
    return nums[0] * 3600 + nums[1] * 60 + nums[2]


class ExerciseConsole(QWidget):
    """Clock controls, injects (gepland / verstuurd / uitgesteld / ingetrokken), expectations,
    observer notes and the evaluation of one exercise."""

    sig_play = Signal()
    """Start or resume the clock."""
    sig_pause = Signal()
    sig_speed = Signal(int)
    """The trainer chose another speed (×1 … ×60)."""
    sig_jump_next = Signal()
    """Jump scenario time to the next planned inject."""
    sig_send_now = Signal(str)
    sig_postpone = Signal(str, int)
    """Postpone inject (id) to scenario seconds after T0."""
    sig_withdraw = Signal(str)
    sig_note = Signal(str, str)
    """An observer note (text, inject id or "")."""
    sig_judge = Signal(str, int, str, str)
    """The control team's verdict on an expectation (inject, 1-based number, verdict, note)."""
    sig_rate = Signal(str, str, str)
    """The trainer's rating of an objective (objective id, P/S/M/U, note)."""
    sig_finding = Signal(str, str)
    """A strength (``sterk``) or point for improvement (``verbeter``), and its text."""
    sig_import = Signal()
    """Add injects from an MSEL spreadsheet (also while the exercise runs)."""
    sig_plan = Signal()
    """Open the improvement plan."""
    sig_aar_view = Signal()
    sig_aar_export = Signal()

    # headers translated when shown (the models' context is this class)
    INJECT_COLUMNS = (Column(QT_TRANSLATE_NOOP("ExerciseConsole", "inject"), 1, width=70),
                      Column(QT_TRANSLATE_NOOP("ExerciseConsole", "gepland"), 2, _t, 80),
                      Column(QT_TRANSLATE_NOOP("ExerciseConsole", "status"), 3, state_text,
                             90),
                      Column(QT_TRANSLATE_NOOP("ExerciseConsole", "verstuurd"), 4, _t, 80),
                      Column(QT_TRANSLATE_NOOP("ExerciseConsole", "van"), 5, width=120),
                      Column(QT_TRANSLATE_NOOP("ExerciseConsole", "aan"), 6, width=120),
                      Column(QT_TRANSLATE_NOOP("ExerciseConsole", "bericht"), 7, width=320),
                      Column(QT_TRANSLATE_NOOP("ExerciseConsole", "notities spelleiding"), 8))
    EXPECT_COLUMNS = (Column(QT_TRANSLATE_NOOP("ExerciseConsole", "inject"), 1, width=70),
                      Column(QT_TRANSLATE_NOOP("ExerciseConsole", "verwachting"), 2,
                             width=320),
                      Column(QT_TRANSLATE_NOOP("ExerciseConsole", "stand"), 3, state_text,
                             90),
                      Column(QT_TRANSLATE_NOOP("ExerciseConsole", "reactietijd"), 4, _dur, 90),
                      Column(QT_TRANSLATE_NOOP("ExerciseConsole", "door"), 5, width=120),
                      Column(QT_TRANSLATE_NOOP("ExerciseConsole", "oordeel spelleiding"), 6,
                             state_text, 130))
    VERDICTS = ("gehaald", "deels", "gemist", "automatisch")  # the last clears a verdict

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._status: dict[str, Any] = {}
        lay = QVBoxLayout(self)
        lay.addWidget(title_label(self.tr("Oefening — spelleiding")))
        top = QHBoxLayout()
        self.scenario_time = QLabel("")
        self.scenario_time.setObjectName("ScenarioTime")
        self.wall_time = QLabel("")
        self.wall_time.setObjectName("Muted")
        icon = self.style().standardIcon  # not every font has ▶ ⏸ ⏭: the style's icons
        self.play = QPushButton(icon(QStyle.StandardPixmap.SP_MediaPlay), self.tr("Spelen"))
        self.play.clicked.connect(self.sig_play)
        self.pause = QPushButton(icon(QStyle.StandardPixmap.SP_MediaPause), self.tr("Pauze"))
        self.pause.clicked.connect(self.sig_pause)
        self.speed = QComboBox()
        for s in SPEEDS:
            self.speed.addItem(f"×{s}", s)
        self.speed.activated.connect(self._speed_chosen)
        self.jump = QPushButton(icon(QStyle.StandardPixmap.SP_MediaSkipForward),
                                self.tr("Naar volgende inject"))
        self.jump.clicked.connect(self.sig_jump_next)
        for w in (self.scenario_time, self.wall_time):
            top.addWidget(w)
        top.addStretch(1)
        for w in (self.play, self.pause, QLabel(self.tr("Snelheid")), self.speed, self.jump):
            top.addWidget(w)
        lay.addLayout(top)

        self.injects = RowTableModel(self.INJECT_COLUMNS, parent=self, context=CTX)
        self.table = QTableView()
        self.table.setModel(self.injects)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().hide()
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._on_selected())
        acts = QHBoxLayout()
        self.send_now = QPushButton(self.tr("Nu versturen"))
        self.send_now.clicked.connect(self._send_now)
        self.postpone_to = QLineEdit()
        self.postpone_to.setPlaceholderText(self.tr("T+HH:MM"))
        self.postpone_to.setMaximumWidth(110)
        self.postpone = QPushButton(self.tr("Uitstellen naar"))
        self.postpone.clicked.connect(self._postpone)
        self.postpone_to.returnPressed.connect(self._postpone)
        self.withdraw = QPushButton(self.tr("Intrekken"))
        self.withdraw.clicked.connect(self._withdraw)
        self.import_msel = QPushButton(self.tr("Injects toevoegen (MSEL)…"))
        self.import_msel.clicked.connect(self.sig_import)
        for w in (self.send_now, self.postpone, self.postpone_to, self.withdraw,
                  self.import_msel):
            acts.addWidget(w)
        acts.addStretch(1)
        self.message = QLabel("")
        self.message.setObjectName("Muted")
        acts.addWidget(self.message)

        self.expectations = RowTableModel(self.EXPECT_COLUMNS, parent=self, context=CTX)
        self.x_table = QTableView()
        self.x_table.setModel(self.expectations)
        self.x_table.horizontalHeader().setStretchLastSection(True)
        self.x_table.verticalHeader().hide()
        self.x_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.x_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        judge = QHBoxLayout()
        self.verdict = QComboBox()
        self.verdict.setObjectName("Verdict")
        for v in self.VERDICTS:
            self.verdict.addItem(self.tr("automatisch (oordeel wissen)") if v == "automatisch"
                                 else state_text(v), v)
        self.verdict_note = QLineEdit()
        self.verdict_note.setPlaceholderText(self.tr("toelichting bij het oordeel"))
        self.verdict_note.returnPressed.connect(self._judge)
        self.judge = QPushButton(self.tr("Oordeel bewaren"))
        self.judge.clicked.connect(self._judge)
        for w in (QLabel(self.tr("Oordeel spelleiding")), self.verdict, self.verdict_note,
                  self.judge):
            judge.addWidget(w, 2 if w is self.verdict_note else 0)
        notes = QHBoxLayout()
        self.note = QLineEdit()
        self.note.setObjectName("ObserverNote")
        self.note.setPlaceholderText(self.tr("Waarneming (Enter bewaart, op de huidige "
                                             "scenariotijd)"))
        self.note.returnPressed.connect(self._note)
        self.note_on_inject = QCheckBox(self.tr("bij geselecteerde inject"))
        self.note_on_inject.setChecked(True)
        self.aar_view = QPushButton(self.tr("Evaluatie tonen"))
        self.aar_view.clicked.connect(self.sig_aar_view)
        self.aar_export = QPushButton(self.tr("Evaluatie opslaan…"))
        self.aar_export.clicked.connect(self.sig_aar_export)
        for w in (self.note, self.note_on_inject, self.aar_view, self.aar_export):
            notes.addWidget(w, 3 if w is self.note else 0)
        rating = QHBoxLayout()
        self.objective = QComboBox()
        self.objective.setObjectName("Objective")
        # a long objective is elided in the closed box (its list shows it whole), not
        # widened at the expense of the note beside it
        self.objective.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.objective.setMinimumContentsLength(24)
        self.rating = QComboBox()
        for code, text in RATINGS:
            self.rating.addItem(self.tr(text), code)
        self.rating_note = QLineEdit()
        self.rating_note.setPlaceholderText(self.tr("toelichting bij de beoordeling"))
        self.rate = QPushButton(self.tr("Beoordeling bewaren"))
        self.rate.clicked.connect(self._rate)
        self.finding_kind = QComboBox()
        self.finding_kind.addItem(self.tr("sterk punt"), "sterk")
        self.finding_kind.addItem(self.tr("verbeterpunt"), "verbeter")
        self.finding = QLineEdit()
        self.finding.setPlaceholderText(self.tr("bevinding (Enter bewaart)"))
        self.finding.returnPressed.connect(self._finding)
        self.plan = QPushButton(self.tr("Verbeterplan…"))
        self.plan.clicked.connect(self.sig_plan)
        # two rows: on a 1366 px screen one row squeezed both note fields to a few letters
        for w in (QLabel(self.tr("Doel")), self.objective, self.rating, self.rating_note,
                  self.rate):
            rating.addWidget(w, 2 if w is self.rating_note else 0)
        findings = QHBoxLayout()
        for w in (QLabel(self.tr("Bevinding")), self.finding_kind, self.finding, self.plan):
            findings.addWidget(w, 2 if w is self.finding else 0)
        self.aar = QTextBrowser()
        self.aar.setObjectName("AarView")
        self.aar.setOpenExternalLinks(False)
        self.aar.hide()

        split = QSplitter(Qt.Orientation.Vertical)
        upper = QWidget()
        ul = QVBoxLayout(upper)
        ul.setContentsMargins(0, 0, 0, 0)
        ul.addWidget(self.table, 1)
        ul.addLayout(acts)
        lower = QWidget()
        ll = QVBoxLayout(lower)
        ll.setContentsMargins(0, 0, 0, 0)
        ll.addWidget(QLabel(self.tr("Verwachte acties van de spelers")))
        ll.addWidget(self.x_table, 1)
        ll.addLayout(judge)
        ll.addLayout(notes)
        ll.addLayout(rating)
        ll.addLayout(findings)
        split.addWidget(upper)
        split.addWidget(lower)
        self.timeline = Deferred(_exercise_timeline)  # pyqtgraph: when first shown
        self.timeline.setMinimumHeight(60)
        split.addWidget(self.timeline)
        split.addWidget(self.aar)
        # the injects get most of the height (on a 768 px screen at least six rows), the
        # expectations the next share; the timeline what is left
        for i, stretch in enumerate((6, 5, 1, 3)):
            split.setStretchFactor(i, stretch)
        split.setSizes([280, 320, 60, 0])
        self.split = split
        for t, cols in ((self.table, self.INJECT_COLUMNS), (self.x_table, self.EXPECT_COLUMNS)):
            t.verticalHeader().setDefaultSectionSize(26)
            set_widths(t, [c.width for c in cols])
            fit_headers(t)
        lay.addWidget(split, 1)
        self._on_selected()

    # ------------------------------------------------------------------ shown data

    def show_status(self, status: dict[str, Any]) -> None:
        """The player's ``status()``: clock and every inject."""
        self._status = status
        current = self.selected_inject()
        self.injects.set_rows([(r["id"], r["id"], r["due_s"], r["status"], r["fired_s"],
                                r["sender"], r["recipient"], r["message"], r.get("notes", ""))
                               for r in status.get("injects", [])])
        if current:
            row = self.injects.row_of(current)
            if row >= 0:
                self.table.selectRow(row)
        i = self.speed.findData(int(status.get("speed", 1)))
        if i >= 0:
            self.speed.setCurrentIndex(i)
        running = bool(status.get("running"))
        self.play.setEnabled(not running)
        self.pause.setEnabled(running)
        self.jump.setEnabled(bool(status.get("started")))
        self._on_selected()

    def show_clock(self, scenario_line: str, wall: str) -> None:
        self.scenario_time.setText(scenario_line or self.tr("OEFENING · nog niet gestart"))
        self.wall_time.setText(self.tr("kloktijd {0}").format(wall))

    def show_expectations(self, rows: list[tuple[Any, ...]]) -> None:
        """(inject, expectation, state, response seconds, by whom, the control team's verdict,
        its number within the inject) per expectation."""
        current = self.selected_expectation()
        self.expectations.set_rows([(f"{r[0]}:{r[6]}", *r[:6]) for r in rows])
        if current:
            row = self.expectations.row_of(f"{current[0]}:{current[1]}")
            if row >= 0:
                self.x_table.selectRow(row)

    def selected_expectation(self) -> tuple[str, int] | None:
        idx = self.x_table.currentIndex()
        if not idx.isValid():
            return None
        iid, _, n = str(self.expectations.data(idx, ID_ROLE)).rpartition(":")
        return (iid, int(n)) if n.isdigit() else None

    def select_expectation(self, inject_id: str, n: int = 1) -> None:
        row = self.expectations.row_of(f"{inject_id}:{n}")
        if row >= 0:
            self.x_table.selectRow(row)

    def set_objectives(self, objectives: list[tuple[str, str]]) -> None:
        """(id, title) of the scenario's objectives, for the rating control."""
        self.objective.clear()
        for oid, title in objectives:
            self.objective.addItem(f"{oid} — {title}" if title and title != oid else oid, oid)
        self.rate.setEnabled(bool(objectives))

    def rated(self) -> None:
        self.rating_note.clear()

    def finding_kept(self) -> None:
        self.finding.clear()

    def _rate(self) -> None:
        oid = self.objective.currentData()
        if oid:
            self.sig_rate.emit(str(oid), str(self.rating.currentData()),
                               self.rating_note.text().strip())

    def _finding(self) -> None:
        text = self.finding.text().strip()
        if text:
            self.sig_finding.emit(str(self.finding_kind.currentData()), text)

    def judged(self) -> None:
        self.verdict_note.clear()

    def show_timeline(self, points: list[tuple[str, int, list[int]]], now_s: int) -> None:
        """Injects that went out against the players' responses (scenario seconds)."""
        self.timeline.call("set_points", points, now_s)

    def show_aar(self, page: str) -> None:
        self.aar.setHtml(page)
        self.aar.show()

    def show_message(self, text: str) -> None:
        """A result or a refusal of the last action, in the trainer's words."""
        self.message.setText(text)

    def selected_inject(self) -> str:
        idx = self.table.currentIndex()
        return str(self.injects.data(idx, ID_ROLE)) if idx.isValid() else ""

    def select_inject(self, inject_id: str) -> None:
        row = self.injects.row_of(inject_id)
        if row >= 0:
            self.table.selectRow(row)

    # ------------------------------------------------------------------ actions

    def _on_selected(self) -> None:
        iid = self.selected_inject()
        row = next((r for r in self._status.get("injects", []) if r["id"] == iid), None)
        open_ = row is not None and row["status"] in ("gepland", "uitgesteld", "terugval")
        self.send_now.setEnabled(open_ and bool(self._status.get("started")))
        self.postpone.setEnabled(open_)
        self.withdraw.setEnabled(row is not None and row["status"] != "ingetrokken")

    # a method, not a lambda returning emit()'s bool (see widgets.header)
    def _speed_chosen(self, i: int) -> None:
        self.sig_speed.emit(int(self.speed.itemData(i)))

    def _send_now(self) -> None:
        if iid := self.selected_inject():
            self.sig_send_now.emit(iid)

    def _postpone(self) -> None:
        iid = self.selected_inject()
        if not iid:
            return
        to = parse_offset(self.postpone_to.text())
        if to is None:
            self.show_message(self.tr("Schrijf het nieuwe tijdstip als T+HH:MM"))
            return
        self.sig_postpone.emit(iid, to)

    def _withdraw(self) -> None:
        if iid := self.selected_inject():
            self.sig_withdraw.emit(iid)

    def _judge(self) -> None:
        x = self.selected_expectation()
        if x is None:
            self.show_message(self.tr("Kies eerst een verwachting in de lijst"))
            return
        self.sig_judge.emit(x[0], x[1], str(self.verdict.currentData()),
                            self.verdict_note.text().strip())

    def _note(self) -> None:
        text = self.note.text().strip()
        if not text:
            return
        self.sig_note.emit(text, self.selected_inject() if self.note_on_inject.isChecked()
                           else "")

    def note_kept(self) -> None:
        self.note.clear()
