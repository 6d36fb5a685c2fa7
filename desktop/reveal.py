"""A newly saved item is selected in its view once the view has loaded it; when the region
filter or the search hides it, a note says so and offers to lift the filters (issue 13).

Forms report what they created (:attr:`desktop.commands.CommandWiring.on_created`); the view
loads the new row a moment later, so the check runs each time one of the models changes, until
the item is there."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject

from widgets.bijstand_view import BijstandView
from widgets.incidents_view import IncidentsView
from widgets.table_model import FilterProxy, RowTableModel

#: what was made → the view that shows it
VIEW_OF = {"incident": "incidenten", "bijstand": "bijstand"}


class NewItemReveal(QObject):
    """Selects the item a form just created, or calls ``hidden(view)`` when a filter hides it."""

    def __init__(self, incidents: IncidentsView, bijstand: BijstandView,
                 hidden: Callable[[str], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.incidents, self.bijstand, self.hidden = incidents, bijstand, hidden
        self.waiting: tuple[str, str] | None = None  # (kind, id)
        self.last_hidden: tuple[str, str] | None = None
        for m in (incidents.proxy, *bijstand.board.models.values()):
            m.modelReset.connect(self.check)
            m.rowsInserted.connect(self.check)
            m.layoutChanged.connect(self.check)
        incidents.model.modelReset.connect(self.check)

    def expect(self, kind: str, eid: str) -> None:
        """A form created ``eid`` (of ``kind``): select it once it is loaded."""
        if kind in VIEW_OF:
            self.waiting = (kind, eid)
            self.check()

    def check(self, *_a: object) -> None:
        if self.waiting is None:
            return
        kind, eid = self.waiting
        if kind == "incident":
            src = self.incidents.model
            assert isinstance(src, RowTableModel)
            if src.row_of(eid) < 0:
                return  # not loaded yet
            self.incidents.apply_filter()  # a search held back while the view was hidden
            proxy = self.incidents.proxy
            assert isinstance(proxy, FilterProxy)
            shown = any(proxy.id_at(r) == eid for r in range(proxy.rowCount()))
            select: Callable[[str], None] = self.incidents.select
        else:
            board = self.bijstand.board
            status = board.status_of(eid)
            if not status:
                return
            m = board.models[status]
            shown = any(m.row_tuple(i)[0] == eid for i in range(m.rowCount()))
            select = board.select
        self.waiting = None
        if shown:
            select(eid)
        else:
            self.last_hidden = (kind, eid)
            self.hidden(VIEW_OF[kind])
