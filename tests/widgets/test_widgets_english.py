"""Every widget in English (issue 14): with the compiled widgets catalogue installed, each widget
class of ``widgets/``, built and filled from a small store, shows no text that is a Dutch source
string of ``i18n/widgets_en.ts``; the catalogue has no unfinished message; date axes name days
and months in the locale's language.

Texts that come from the data (an incident's title, enum labels of the core) are not the
widgets' and are not looked at: only the catalogue's own Dutch sources count."""

from __future__ import annotations

import inspect
import pkgutil
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from importlib import import_module
from pathlib import Path
from typing import Any

import pytest
from pyqtgraph.graphicsItems.DateAxisItem import (
    DAY_HOUR_ZOOM_LEVEL,
    DAY_SPACING,
    HOUR_SPACING,
)
from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractProxyModel,
    QCoreApplication,
    QLocale,
    QModelIndex,
    QObject,
    Qt,
    QTranslator,
)
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QGraphicsSimpleTextItem,
    QGraphicsTextItem,
    QGraphicsView,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTabBar,
    QTextEdit,
    QWidget,
)

import widgets
from data.picture.bezetting import Post
from data.picture.notifications import Notification
from data.store import Command, Store
from data.store import queries as q

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "i18n" / "widgets_en.ts"
QM = ROOT / "resources" / "i18n" / "widgets_en.qm"
AT = "2026-11-22T09:30:00Z"  # a Sunday

# ------------------------------------------------------------------ the catalogue


def messages() -> Iterator[tuple[str, str, list[str], bool]]:
    """(context, source, translations, unfinished) of every message of the catalogue."""
    for ctx in ET.parse(TS).getroot().iter("context"):
        name = ctx.findtext("name") or ""
        for m in ctx.iter("message"):
            t = m.find("translation")
            assert t is not None
            if t.get("type") in ("vanished", "obsolete"):
                continue
            forms = [f.text or "" for f in t.iter("numerusform")] or [t.text or ""]
            yield name, m.findtext("source") or "", forms, t.get("type") == "unfinished"


def dutch_matchers() -> tuple[set[str], list[re.Pattern[str]]]:
    """The Dutch sources whose English differs: plain ones, and those with placeholders
    ({0}, %n) as patterns that match the text once filled in."""
    plain: set[str] = set()
    patterns: list[re.Pattern[str]] = []
    for _ctx, src, forms, _u in messages():
        if all(f == src for f in forms):
            continue  # a name (NL-Alert, IRBT) or a text that reads the same in English
        if re.search(r"\{\d\}|%n", src):
            parts = re.split(r"\{\d\}|%n", src)
            if sum(c.isalpha() for c in "".join(parts)) < 6:
                continue  # '{0} van {1}' would match data ('Verzoek van de Staat ingediend')
            patterns.append(re.compile(".+".join(re.escape(p) for p in parts), re.DOTALL))
        else:
            plain.add(src)
    return plain, patterns


def test_the_catalogue_has_no_unfinished_message() -> None:
    found = list(messages())
    assert len(found) > 300
    unfinished = [(c, s) for c, s, forms, u in found if u or not all(f.strip() for f in forms)]
    assert unfinished == []


def test_the_catalogue_covers_every_text_of_the_widgets(tmp_path: Path) -> None:
    """lupdate over widgets/*.py finds no message that the committed catalogue lacks."""
    tool = Path(sys.executable).parent / "pyside6-lupdate"
    fresh = tmp_path / "fresh.ts"
    subprocess.run([str(tool), *sorted(map(str, (ROOT / "widgets").glob("*.py"))),
                    "-ts", str(fresh)], check=True, capture_output=True)
    have = {(c, s) for c, s, _f, _u in messages()}
    wanted = set()
    for ctx in ET.parse(fresh).getroot().iter("context"):
        for m in ctx.iter("message"):
            wanted.add((ctx.findtext("name") or "", m.findtext("source") or ""))
    assert sorted(wanted - have) == []


# ------------------------------------------------------------------ English installed


@pytest.fixture
def english(tmp_path: Path) -> Iterator[None]:
    """The widgets catalogue (``make catalogues`` builds it; built here when it is missing or
    older than its source) and an English default locale."""
    qm = QM
    if not qm.exists() or qm.stat().st_mtime < TS.stat().st_mtime:
        qm = tmp_path / "widgets_en.qm"
        tool = Path(sys.executable).parent / "pyside6-lrelease"
        subprocess.run([str(tool), "-silent", str(TS), "-qm", str(qm)], check=True)
    from desktop import language

    # Qt's own texts (standard buttons) in English too, whatever an earlier test installed
    prev = language.current()
    language.install("en")
    translator = QTranslator()
    assert translator.load(str(qm))
    before = QLocale()
    QCoreApplication.installTranslator(translator)
    QLocale.setDefault(QLocale("en_GB"))
    yield
    QCoreApplication.removeTranslator(translator)
    language.install(prev)
    QLocale.setDefault(before)


# ------------------------------------------------------------------ a small store


def _new(st: Store, typ: str, payload: dict[str, Any], entity: str = "") -> str:
    ch = st.execute(Command(typ, payload, entity=entity or None, occurred_at=AT), "IM VNOG")
    return next(iter(ch.entities), "")


@pytest.fixture
def store(store_factory: Callable[..., Store]) -> Store:
    st = store_factory("kcr2")
    iid = _new(st, "incident.reported", {"title": "Stroomuitval Apeldoorn",
                                         "kind": "stroomuitval", "regions": ["VNOG"]})
    bid = _new(st, "bijstand.requested", {"requesting_region": "VNOG", "addressed_to": "KCR2",
                                          "capability": "aggregaten_noodstroom", "quantity": 4,
                                          "priority": "hoog"})
    _new(st, "bijstand.offer_made", {"offer_id": "o1", "provider": "VR04", "quantity": 1}, bid)
    sid = _new(st, "irbt.session_opened", {"title": "IRBT 1", "regions": ["VNOG", "VRGZ"]})
    did = _new(st, "decision.recorded", {"session_id": sid, "number": 1,
                                         "text": "Noodstroom naar ziekenhuizen eerst"})
    _new(st, "action.created", {"decision_id": did, "text": "Aggregaten plaatsen",
                                "owner": "OvD Bz", "due": "2026-11-22T08:00:00Z"})
    _new(st, "journal.logged", {"channel": "telefoon", "direction": "uit", "sender": "KCR2",
                                "recipient": "VNOG", "text": "Aggregaten onderweg"})
    _new(st, "comms.reported", {"region": "VNOG", "channel": "telefoon", "state": "verstoord"})
    _new(st, "nsp.registered", {"name": "Dorpshuis Heerde", "kind": "lokaal",
                                "municipality": "Heerde", "region": "VNOG", "incident_id": iid,
                                "comms": ["koerier"]})
    _new(st, "alert.issued", {"regions": ["VNOG"], "area": "Apeldoorn", "text": "Stroomuitval",
                              "action_perspective": "Blijf binnen", "sent_at": AT})
    _new(st, "capacity.reported", {"means": "aggregaten_noodstroom", "asked": 10, "offered": 4,
                                   "available": 2})
    _new(st, "partner.reported", {"partner": "Liander", "sector": "elektriciteit", "region": "VNOG",
                                  "state": "verstoord"})
    _new(st, "centre.reported", {"centre": "vnog"})
    return st


# ------------------------------------------------------------------ the widgets, filled


def _incidents(st: Store) -> QWidget:
    from widgets.incidents_view import IncidentsView

    v = IncidentsView()
    v.set_incidents(q.states(st, "incident"))
    return v


def _bijstand(st: Store) -> QWidget:
    from widgets.bijstand_view import BijstandView

    v = BijstandView()
    v.set_rows(q.bijstand_rows(st))
    return v


def _decisions(st: Store) -> QWidget:
    from widgets.decisions_view import DecisionsView

    v = DecisionsView()
    v.set_data(q.states(st, "session"), q.states(st, "decision"), q.states(st, "action"))
    return v


def _nsp(st: Store) -> QWidget:
    from widgets.nsp_view import NspView

    v = NspView()
    v.set_points(q.states(st, "nsp"), {})
    return v


def _comms(st: Store) -> QWidget:
    from widgets.comms_matrix import CommsMatrix

    v = CommsMatrix()
    v.matrix.set_cells(q.comms_latest(st))
    return v


def _public(st: Store) -> QWidget:
    from widgets.public_view import PublicView

    v = PublicView()
    v.set_data(q.states(st, "alert"), q.states(st, "capacity"), q.states(st, "partner"),
               q.comms_latest(st), q.states(st, "centre"))
    return v


def _journal(st: Store) -> QWidget:
    from widgets.journal_view import JournalView

    v = JournalView()
    v.set_rows(q.journal_rows(st))
    return v


def _conflicts(_st: Store) -> QWidget:
    from widgets.conflict_inbox import ConflictInbox

    v = ConflictInbox()
    v.set_conflicts([{"id": "c1", "entity": "e1", "kind": "bijstand", "title": "Aggregaten",
                      "found": "toegezegd", "wanted": "afgewezen", "origin": "vrgz",
                      "author": "AC VRGZ", "at": AT, "reason": "gelijktijdig gewijzigd"}])
    return v


def _overview(st: Store) -> QWidget:
    from widgets.overview import OverviewView

    v = OverviewView()
    v.set_kpis({"incidents_active": 1, "incidents_gemeld": 1, "bijstand_requests": 1,
                "bijstand_deployed": 1, "decisions_open": 1, "decisions_overdue": 1,
                "actions_orphaned": 2, "comms_out_regions": ["VNOG"], "nsp_open": 1,
                "nsp_not_operational": 1, "conflicts": 0})
    v.timeline.set_buckets([(b.hour, b.kind, b.count) for b in q.timeline(st)])
    v.map.set_notes({"VNOG": ["ROT"]})
    v.set_region("VNOG")
    return v


def _header(_st: Store) -> QWidget:
    from widgets.header import HeaderBar, Watermark

    h = HeaderBar("OEF-2026-01", "KCR2")
    h.sync.set_state("online", backlog=3, last_success="2 min")
    h.set_alarms([{"origin": "vrgz", "detail": "klok"}], 2, forks=[{"origin": "vnog"}])
    Watermark(h)
    return h


def _notifications(_st: Store) -> QWidget:
    from widgets.notifications import NotificationList

    v = NotificationList()
    v.add([Notification("ev1", AT, "vrgz", "bijstand", "b1", "Aanbod van VRGZ")], skipped=3)
    return v


def _exercise(_st: Store) -> QWidget:
    from widgets.exercise_console import ExerciseConsole

    v = ExerciseConsole()
    v.show_status({"injects": [
        {"id": "I1", "due_s": 600, "status": "verstuurd", "fired_s": 610, "sender": "LCMS",
         "recipient": "ROT", "message": "Stroom valt uit"},
        {"id": "I2", "due_s": 1200, "status": "uitgesteld", "fired_s": None, "sender": "LCMS",
         "recipient": "ROT", "message": "Water"}], "speed": 1, "running": True,
        "started": True})
    v.show_clock("", "10:00:00 UTC")
    v.show_expectations([("I1", "Besluit", "te laat", 754, "ROT", "gemist (traag)", 1)])
    v.set_objectives([("D1", "Alarmering")])
    v.show_timeline([("I1", 610, [1364])], 1400)
    return v


def _plan(_st: Store) -> QWidget:
    from widgets.plan_dialog import PlanDialog

    d = PlanDialog([("D1", "Alarmering")])
    d.show_plan([("Uitval niet gemeld", "Meldprocedure oefenen", "Hoofd informatie",
                  "2027-03-01", "D1")])
    return d


def _msel(_st: Store) -> QWidget:
    from widgets.msel_preview import MselPreview

    return MselPreview("msel.xlsx", [("I1", "T+00:10", "LCMS", "ROT", "Uitval")], [])


def _overdracht(_st: Store) -> QWidget:
    from widgets.overdracht import OverdrachtDialog

    d = OverdrachtDialog("2026-11-22T06:00:00Z", AT)
    d.set_busy()
    return d


def _terugkijken(_st: Store) -> QWidget:
    from widgets.terugkijken import TerugkijkenBar

    b = TerugkijkenBar()
    b.set_span("2026-11-22T06:00:00Z", AT)
    b.set_banner(AT, "waar", busy=True)
    return b


def _forms(_st: Store) -> QWidget:
    from widgets.forms import CommandForm, FormDialog

    form = CommandForm("nsp.registered", with_time=True)
    d = FormDialog("Emergency support point", form)
    d.layout().addWidget(CommandForm("bijstand.requested"))  # region choices, '— kies —'
    d.discard_bar.show()
    return d


def _people(_st: Store) -> QWidget:
    from widgets.people import BezettingView, MarkdownDialog, OnDutyButton, SignInDialog

    v = BezettingView()
    v.set_posts([Post("kcr2", "KCR2", "OvD", "Sam Jansen", AT, "NCV 0123")])
    v.set_on_duty("Sam Jansen")
    lay = v.layout()
    lay.addWidget(SignInDialog(["OvD"], "KCR2"))
    lay.addWidget(MarkdownDialog("Handover", "# Handover"))
    lay.addWidget(OnDutyButton())
    from widgets.common import ReadingDialog

    lay.addWidget(ReadingDialog("About", "<p>Crisisbeeld</p>"))
    return v


def _sync(_st: Store) -> QWidget:
    from widgets.sync_dialogs import AddHubDialog, HubsDialog, PeerHubDialog

    add = AddHubDialog()
    add.validate()
    lay = add.layout()
    hubs = HubsDialog()
    hubs.set_hubs([])
    lay.addWidget(hubs)
    peer = PeerHubDialog(8750, True)
    peer.set_running("", "")
    lay.addWidget(peer)
    return add


def _pickers(_st: Store) -> QWidget:
    from widgets.coord_field import CoordField, MapPickDialog
    from widgets.pickers import RegionsPicker, WhenPicker

    w = QWidget()
    RegionsPicker(w)
    WhenPicker(parent=w)
    CoordField(w).set_value("x 31000 y 392000")  # the other system shown under the line
    MapPickDialog((51.5, 3.6), w)
    return w


BUILDERS: dict[str, Callable[[Store], QWidget]] = {
    f.__name__.strip("_"): f for f in (
        _incidents, _bijstand, _decisions, _nsp, _comms, _public, _journal, _conflicts,
        _overview, _header, _notifications, _exercise, _plan, _msel, _overdracht, _terugkijken,
        _forms, _people, _sync, _pickers)}


# ------------------------------------------------------------------ what a person sees


def _model_texts(model: QAbstractItemModel) -> Iterator[Any]:
    top = QModelIndex()
    try:
        columns = model.columnCount(top)
    except TypeError:  # a list model: one column
        columns = 1
    for c in range(columns):
        yield model.headerData(c, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
    for r in range(min(model.rowCount(top), 30)):
        for c in range(columns):
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                yield model.index(r, c).data(role)


def _widget_texts(w: QWidget) -> Iterator[Any]:
    yield w.toolTip()
    yield w.windowTitle()
    yield getattr(w, "text", None) if type(w).__name__ == "Watermark" else None
    if isinstance(w, (QLabel, QAbstractButton)):
        yield w.text()
    if isinstance(w, QGroupBox):
        yield w.title()
    if isinstance(w, (QLineEdit, QPlainTextEdit, QTextEdit)):
        yield w.placeholderText()
    if isinstance(w, QTabBar):
        for i in range(w.count()):
            yield w.tabText(i)
            yield w.tabToolTip(i)
    if isinstance(w, QComboBox):
        yield from (w.itemText(i) for i in range(w.count()))
    model = QAbstractItemView.model(w) if isinstance(w, QAbstractItemView) else None
    if model is not None:
        yield from _model_texts(model)
    if isinstance(w, QGraphicsView) and w.scene() is not None:
        for item in w.scene().items():  # plots: axis titles, legend, the 'now' line; map
            yield item.toolTip()
            if isinstance(item, QGraphicsTextItem):
                yield item.toPlainText()
            elif isinstance(item, QGraphicsSimpleTextItem):
                yield item.text()
    for a in QWidget.actions(w):  # (a view may name a model 'actions')
        yield a.text()
        yield a.toolTip()


def visible_texts(root: QWidget) -> list[str]:
    """Every text of ``root`` and its children, whole and line by line."""
    out: list[str] = []
    for w in [root, *root.findChildren(QWidget)]:
        for t in _widget_texts(w):
            if isinstance(t, str) and t.strip():
                out.append(t.strip())
                out += [line.strip() for line in t.splitlines() if line.strip()]
    return out


def core_texts() -> set[str]:
    """Texts the core supplies (field captions, enum labels): lang-core's catalogue, not this
    one; some read like a widget's own ('Stroom' is a field and a column)."""
    from data.domain.enums import LABELS
    from data.domain.events import EVENT_TYPES

    out = set(LABELS.values())
    for _kind, spec, _partial in EVENT_TYPES.values():
        for f in spec.values():
            caption = f.label[:1].upper() + f.label[1:]
            out |= {caption, caption + " *"}
    return out


def dutch_in(texts: list[str]) -> list[str]:
    plain, patterns = dutch_matchers()
    plain -= core_texts()
    return sorted({t for t in set(texts)
                   if t in plain or any(p.fullmatch(t) for p in patterns)})


@pytest.mark.parametrize("name", sorted(BUILDERS))
def test_the_widget_shows_no_dutch_text_in_english(name: str, english: None, store: Store,
                                                   qtbot: Any) -> None:
    w = BUILDERS[name](store)
    qtbot.addWidget(w)
    texts = visible_texts(w)
    assert texts  # the walk saw the widget
    assert dutch_in(texts) == []


def test_the_walk_sees_dutch_without_the_catalogue(store: Store, qtbot: Any) -> None:
    """The check itself: without the translator the same widgets show their Dutch sources."""
    for name in ("overview", "exercise", "journal", "header"):
        w = BUILDERS[name](store)
        qtbot.addWidget(w)
        assert dutch_in(visible_texts(w)), name


def _widget_classes() -> set[type]:
    found: set[type] = set()
    for mod in pkgutil.iter_modules(widgets.__path__):
        m = import_module(f"widgets.{mod.name}")
        for _n, cls in inspect.getmembers(m, inspect.isclass):
            if cls.__module__ == m.__name__ and issubclass(cls, (QWidget, QAbstractItemModel)):
                found.add(cls)
    return found


def test_every_widget_class_is_built_by_the_english_test(store: Store, qtbot: Any) -> None:
    seen: set[type] = set()
    from widgets.deferred import Deferred

    for build in BUILDERS.values():
        w = build(store)
        qtbot.addWidget(w)
        for slot in ([w] if isinstance(w, Deferred) else []) + w.findChildren(Deferred):
            slot.real()  # the plots a view builds after its first paint
        for o in [w, *w.findChildren(QObject)]:
            seen.add(type(o))
            model = QAbstractItemView.model(o) if isinstance(o, QAbstractItemView) else None
            if model is not None:
                seen.add(type(model))
                if isinstance(model, QAbstractProxyModel):
                    seen.add(type(model.sourceModel()))
    missing = sorted(c.__name__ for c in _widget_classes() - seen)
    assert missing == []


# ------------------------------------------------------------------ dates on the axes


def test_date_axis_names_days_and_months_in_the_locale_language(english: None,
                                                                qtbot: Any) -> None:
    from widgets.timeline import Timeline, locale_tick

    sunday = datetime(2026, 11, 22, 9, 30, tzinfo=UTC)
    nl = QLocale("nl_NL")
    assert locale_tick(sunday, "%a %d", nl) == "zo 22"
    assert locale_tick(sunday, "%b", nl) == "nov"
    assert locale_tick(sunday, "%a %d") == "Sun 22"  # the default: English (the fixture)
    t = Timeline()
    qtbot.addWidget(t)
    axis = t.plot.getAxis("bottom")
    axis.zoomLevel = DAY_HOUR_ZOOM_LEVEL  # as a plot spanning a few days chooses it
    days = [sunday.timestamp() - 86400, sunday.timestamp()]
    assert axis.tickStrings(days, 1, DAY_SPACING)[1].startswith("Sun ")
    assert axis.tickStrings(days, 1, HOUR_SPACING)[1][-3:] == ":30"  # hours: pyqtgraph's own
    QLocale.setDefault(nl)
    assert [s[:3] for s in axis.tickStrings(days, 1, DAY_SPACING)] == ["za ", "zo "]


def test_numbers_follow_the_locale_dutch_until_one_is_chosen(english: None) -> None:
    from widgets.common import ui_locale

    assert ui_locale().toString(12345) == "12,345"
    QLocale.setDefault(QLocale.c())  # a bare process: no language chosen yet
    assert ui_locale().toString(12345) == "12.345"
