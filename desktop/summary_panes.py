"""The panes that sum the picture up — the header (alarms, fingerprint), the Overzicht (tiles,
map, timeline) — plus the first load of a window and the kinds of entities known only by id."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

from data.picture import overview as rules
from data.picture.filtering import BijstandHay, narrow, scope_text
from data.picture.moment import at
from data.picture.places import Place, PlaceIndex
from data.store import Changes
from desktop import reads
from desktop.context import Context
from desktop.ops import Lane, ReceivedChanges
from desktop.panes import Pane, Then, ids_of
from widgets.header import HeaderBar
from widgets.overview import OverviewView

FINGERPRINT_DELAY_MS = 1500  # a burst of writes: one fingerprint scan after it
TIMELINE_DELAY_MS = 20_000  # the timeline counts per hour: no hurry
SCOPE_DELAY_MS = 400  # after a filter changes: once the typing pauses

translate = QCoreApplication.translate


def _single_shot(parent: QObject, ms: int, fn: Callable[[], None]) -> QTimer:
    t = QTimer(parent)
    t.setSingleShot(True)
    t.setInterval(ms)
    t.timeout.connect(fn)
    return t


class HeaderPane(Pane):
    """The header's alarms (clock drift, open conflicts) and the picture's fingerprint."""

    def __init__(self, ctx: Context, header: HeaderBar) -> None:
        super().__init__(ctx)
        self.header = header
        self._fp_timer = _single_shot(ctx.window, FINGERPRINT_DELAY_MS, self.load_fingerprint)
        ctx.picture.sig_changed.connect(self._show_alarms)

    def load_alarms(self, then: Then = None) -> None:
        self.query(reads.alarms, lambda a: self.ctx.picture.update(alarms=a), then)

    def load_fingerprint(self, then: Then = None) -> None:
        self.query(reads.fingerprint, self.header.set_fingerprint, then, Lane.SLOW)

    def _show_alarms(self) -> None:
        p = self.ctx.picture.state
        self.header.set_alarms(rules.drift_alarms(p.alarms), len(p.conflicts),
                               rules.fork_alarms(p.alarms), rules.roster_alarms(p.alarms))

    def on_changes(self, changes: Changes) -> None:
        self._fp_timer.start()
        if isinstance(changes, ReceivedChanges):  # only events of others raise drift alarms
            self.load_alarms()

    def stop(self) -> None:
        self._fp_timer.stop()


class OverviewPane(Pane):
    """The Overzicht: tiles and map follow every load of the picture (at the window's now);
    the timeline is counted again a while after changes."""

    def __init__(self, ctx: Context, view: OverviewView) -> None:
        super().__init__(ctx)
        self.view = view
        self._tl_timer = _single_shot(ctx.window, TIMELINE_DELAY_MS, self.load_timeline)
        self._scope_timer = _single_shot(ctx.window, SCOPE_DELAY_MS, self.load_timeline)
        self.region, self.text = "", ""
        #: the search texts (of the bijstand board too), kept between keystrokes
        self.hay = self._hay = BijstandHay()
        self._stale = False
        self._places = PlaceIndex(self._hay)  # the places, narrowed by looking only
        # the search texts are worked out in slices once the tiles are filled and again after
        # every load of a part, so that the first keystroke finds them (typed before, it waits)
        self._warming: Iterator[None] | None = None
        self._warm_on = False
        self._stopped = False
        self._warm_timer = _single_shot(ctx.window, 0, self._warm_step)
        self.after_warm: Callable[[], None] | None = None  # (the board lines its texts up)
        self.search_ready = False
        ctx.picture.sig_changed.connect(self.refresh)
        ctx.picture.sig_changed.connect(self._warm_again)
        view.sig_shown.connect(self._on_shown)

    def start_warming(self) -> None:
        """From now on keep the search texts worked out ahead of the first keystroke."""
        self._warm_on = not self._stopped
        self._warm_again()

    def _warm_again(self) -> None:
        if not self._warm_on:
            return
        self.search_ready = False
        self._warming = self._hay.warm(self.ctx.picture.state)
        self._warm_timer.start()

    def _warm_step(self) -> None:
        """One slice of the search texts per turn of the event loop."""
        if self._warming is None:
            return
        try:
            next(self._warming)
        except StopIteration:
            self._warming = None
            if self.after_warm is not None:
                self.after_warm()
            self.search_ready = True
            return
        self._warm_timer.start()

    def _on_shown(self) -> None:
        if self._stale:
            self.refresh()

    def set_scope(self, region: str, text: str) -> None:
        """The region filter and search in force: the tiles count only what they leave."""
        if (region, text) != (self.region, self.text):
            self.region, self.text = region, text
            self.refresh()
            self._scope_timer.start()  # the bars count again, once typing pauses

    def refresh(self) -> None:
        if not self.view.isVisible() and self.view.window().isVisible():
            # a search typed in another view: the tiles follow when the Overzicht is shown
            self._stale = True
            return
        self._stale = False
        searched = narrow(self.ctx.picture.state, "", self.text, self._hay)
        shown = narrow(searched, self.region)  # (the region on top: cheap)
        # a conflict names no region: its tile counts every region, and says so
        every = translate("OverviewPane", "alle regio's") if self.region else ""
        conflicts = ", ".join(x for x in (scope_text("", self.text), every) if x)
        self.view.set_kpis(dict(rules.kpis(shown, self.ctx.clock)),
                           scope_text(self.region, self.text), conflicts)
        # the map is the region filter itself: it shows every region, for what the search leaves
        self.view.map.set_levels(rules.region_levels(searched))
        self._show_places()
        self.view.timeline.set_now(at(self.ctx.clock))

    def _show_places(self) -> None:
        """The places obey the region filter and the search, like the lists. They are worked
        out again only when their parts of the picture were loaded again (every load of any
        part refreshes the Overzicht; a store may hold thousands of places); a filter only
        hides and shows the markers on the map."""
        if self._places.update(self.ctx.picture.state):
            self.view.map.set_places(self._places.all(), self._narrowed())
        else:
            self.view.map.show_only(self._narrowed())

    def _narrowed(self) -> list[Place] | None:
        if not self.region and not self.text.strip():
            return None
        return self._places.narrowed(self.region, self.text)

    def load_timeline(self, then: Then = None) -> None:
        region, text = self.region, self.text
        self.query(lambda st: (region, text, reads.timeline(st, region, text)),
                   self._show_timeline, then, Lane.SLOW)

    def _show_timeline(self, got: tuple[str, str, list[tuple[str, str, int]]]) -> None:
        region, text, buckets = got
        if (region, text) != (self.region, self.text):
            return  # counted for a filter that has changed since: the next count follows
        self.view.timeline.set_buckets(buckets)
        self.view.timeline.set_now(at(self.ctx.clock))
        # what the bars count, under a filter (a journal line names no region of its own)
        self.view.timeline.set_scope(
            scope_text(region, text) + (
                translate("OverviewPane", " · logboekregels zonder regio tellen niet mee")
                if region else "") if region or text else "")

    def on_changes(self, changes: Changes) -> None:
        if not self._tl_timer.isActive():
            self._tl_timer.start()

    def stop(self) -> None:
        self._tl_timer.stop()
        self._scope_timer.stop()
        self._warm_on, self._stopped = False, True  # (a load arriving later starts nothing)
        self._warm_timer.stop()
        self._warming = None


class UnknownKinds(Pane):
    """A conflict resolution names its entity, not the entity's kind ('*'): ask the store, and
    pass the same change on with the kinds filled in, so the right panes load again."""

    def on_changes(self, changes: Changes) -> None:
        ids = ids_of(changes, "*")
        if ids:
            self.query(reads.kinds_of(ids), self._resolved)

    def _resolved(self, kinds: dict[str, str]) -> None:
        known = {eid: k for eid, k in kinds.items() if k != "*"}
        if known:
            self.ctx.ops.broadcast(Changes(entities=known))


Load = Callable[[Then], None]


class FirstLoad(QObject):
    """The first load of a window: the quick loads in the order given (the Overzicht tiles
    first), the slow whole-log scans once the tiles are filled, then ``sig_done``."""

    sig_tiles_filled = Signal()
    """Every load the Overzicht tiles need has arrived."""
    sig_done = Signal()
    """Every load has arrived."""

    def __init__(self, ctx: Context, tiles: list[Load], rest: list[Load], slow: list[Load]) -> None:
        super().__init__(ctx.window)
        self.ctx = ctx
        self.tiles, self.rest, self.slow = tiles, rest, slow
        self._waiting = len(tiles) + len(rest) + len(slow)
        self._tiles_waiting = len(tiles)

    def start(self) -> None:
        for load in self.tiles:
            load(self._tile_arrived)
        for load in self.rest:
            load(self._arrived)

    def _tile_arrived(self) -> None:
        self._tiles_waiting -= 1
        if self._tiles_waiting == 0:
            # the whole-log scans start once the tiles are filled, so they do not compete
            for load in self.slow:
                load(self._arrived)
            self.ctx.ops.warm_up()
            self.sig_tiles_filled.emit()
        self._arrived()

    def _arrived(self) -> None:
        self._waiting -= 1
        if self._waiting == 0:
            self.sig_done.emit()
