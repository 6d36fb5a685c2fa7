"""Overzicht: KPI tiles, the region map and the timeline — the picture at a glance (also the
full-screen wall view)."""

from __future__ import annotations

from functools import partial
from typing import Any, Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QSplitter, QVBoxLayout, QWidget

from data.domain.enums import label
from data.domain.lifecycles import REQUESTED_BIJSTAND
from data.picture.filtering import region_short, region_title
from widgets.common import title_label
from widgets.deferred import Deferred
from widgets.kpi import KpiTile
from widgets.map_panel import MapPanel

TILES = (
    ("incidents", QT_TRANSLATE_NOOP("OverviewView", "Actieve incidenten"), "incidenten"),
    ("bijstand", QT_TRANSLATE_NOOP("OverviewView", "Open bijstandsverzoeken"), "bijstand"),
    ("decisions", QT_TRANSLATE_NOOP("OverviewView", "Besluiten met open acties"), "besluiten"),
    ("comms", QT_TRANSLATE_NOOP("OverviewView", "Regio's met verbindingsuitval"), "verbindingen"),
    ("nsp", QT_TRANSLATE_NOOP("OverviewView", "Noodsteunpunten open"), "noodsteunpunten"),
    ("conflicts", QT_TRANSLATE_NOOP("OverviewView", "Tegenstrijdige wijzigingen"), "conflicten"),
)


def _timeline() -> QWidget:
    from widgets.timeline import Timeline  # pyqtgraph and numpy: after the first paint

    return Timeline()


class TimelineSlot(Deferred):
    """The timeline of :mod:`widgets.timeline`, built once the window has painted (see
    :class:`~widgets.deferred.Deferred`); the same calls as the timeline."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(_timeline, parent)

    def set_buckets(self, buckets: Sequence[tuple[str, str, int]]) -> None:
        self.call("set_buckets", buckets)

    def set_now(self, now: Any) -> None:
        self.call("set_now", now)

    def set_scope(self, text: str) -> None:
        self.call("set_scope", text)

    def restyle(self) -> None:
        self.call("restyle")


class OverviewView(QWidget):
    """KPI tiles on top, the map on the left and the timeline on the right."""

    sig_region_clicked = Signal(str)
    """A region was clicked on the map (code; '' clears the region filter)."""
    sig_place_selected = Signal(str, str)
    """A place was clicked on the map: (kind, id); kind is incident, nsp or meldplaats."""
    sig_open_view = Signal(str)
    """A tile was clicked: the name of the view to open."""
    sig_shown = Signal()
    """The view came into sight (figures held back while it was hidden can be filled in)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tiles: dict[str, KpiTile] = {}
        grid = QGridLayout()
        grid.setSpacing(10)
        for i, (key, title, view) in enumerate(TILES):
            t = KpiTile(self.tr(title))
            t.sig_clicked.connect(partial(self._open, view))
            grid.addWidget(t, 0, i)
            grid.setColumnStretch(i, 1)  # the tiles share the width equally (see KpiTile)
            self.tiles[key] = t
        self.map_panel = MapPanel()
        self.map = self.map_panel.view
        self.map.setMinimumSize(320, 300)
        self.map.sig_region_clicked.connect(self.sig_region_clicked)
        self.map.sig_place_selected.connect(self.sig_place_selected)
        self.region_note = QLabel(self.tr("Klik op een regio om alle schermen te filteren"))
        self.region_note.setObjectName("Muted")
        self.timeline = TimelineSlot()
        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        ll.addWidget(self.map_panel, 1)
        ll.addWidget(self.region_note)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
        split.addWidget(self.timeline)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        lay = QVBoxLayout(self)
        head = QHBoxLayout()
        head.addWidget(title_label(self.tr("Overzicht")))
        head.addStretch(1)
        lay.addLayout(head)
        lay.addLayout(grid)
        lay.addWidget(split, 1)

    def showEvent(self, ev: Any) -> None:  # noqa: N802
        super().showEvent(ev)
        self.sig_shown.emit()

    def _open(self, view: str, *_a: Any) -> None:
        self.sig_open_view.emit(view)

    def set_kpis(self, k: dict[str, Any], scope: str = "", conflict_scope: str = "") -> None:
        """Fill the tiles from the figures the window computed (see MainWindow._kpis).

        ``scope`` says what the figures are filtered on; conflicts name no region, so their
        tile says ``conflict_scope`` (the search only) and that it counts every region."""
        t = self.tiles
        for key, tile in t.items():
            if key != "conflicts":
                tile.set_scope(scope)
        t["conflicts"].set_scope(conflict_scope)
        t["incidents"].set_value(k.get("incidents_active", 0),
                                 self.tr("{0} gemeld, {1} beheerst").format(
                                     k.get("incidents_gemeld", 0), k.get("incidents_beheerst", 0)),
                                 "alert" if k.get("incidents_active") else "")
        # open requests and running deployments apart: a deployment is no open question
        requests, deployed = k.get("bijstand_requests", 0), k.get("bijstand_deployed", 0)
        by = k.get("bijstand_by_status", {})
        detail = ", ".join(f"{n} {label(s).lower()}" for s, n in by.items()
                           if n and s in REQUESTED_BIJSTAND)
        t["bijstand"].set_value(requests, self.tr("{0} lopende inzet · {1}").format(
            deployed, detail or self.tr("geen verzoeken open"))[:120],
                                "warn" if requests else "")
        orphans = k.get("actions_orphaned", 0)
        t["decisions"].set_value(k.get("decisions_open", 0),
                                 self.tr("{0} met acties over tijd").format(
                                     k.get("decisions_overdue", 0))
                                 + (self.tr(" · {0} acties zonder besluit").format(orphans)
                                    if orphans else ""),
                                 "alert" if k.get("decisions_overdue") or orphans else "")
        regs: Sequence[str] = k.get("comms_out_regions", [])
        t["comms"].set_value(len(regs), ", ".join(region_short(r) for r in regs),
                             "alert" if regs else "")
        t["nsp"].set_value(k.get("nsp_open", 0),
                           self.tr("{0} niet operationeel").format(k.get("nsp_not_operational", 0)),
                           "warn" if k.get("nsp_not_operational") else "")
        t["conflicts"].set_value(k.get("conflicts", 0), self.tr("wachten op een besluit")
                                 if k.get("conflicts") else self.tr("geen"),
                                 "alert" if k.get("conflicts") else "")

    def set_region(self, code: str) -> None:
        self.map.set_selected(code)
        self.map.fit_region(code)  # a filtered region fills the map; none: the whole country
        self.region_note.setText(
            self.tr("Filter: {0} — klik nogmaals om op te heffen").format(region_title(code))
            if code else self.tr("Klik op een regio om alle schermen te filteren"))
