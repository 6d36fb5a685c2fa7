"""The picture narrowed to what the region filter and the search box leave in view.

The Overzicht sums up the same picture the lists show; with a filter on, its figures must be
the figures of the filtered picture, and say so. :func:`narrow` returns that picture;
:func:`scope_text` the words a filtered figure carries ("gefilterd op VRZ · 'dijk'").
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import replace
from itertools import compress
from typing import Any

from data.domain.regions import REGION_BY_CODE
from data.i18n import _
from data.picture.overview import PictureState
from data.store.queries import BIJSTAND_COLS

_B_FROM = BIJSTAND_COLS.index("requesting_region")
_B_TO = BIJSTAND_COLS.index("addressed_to")
_B_TITLE = BIJSTAND_COLS.index("title")
_B_PRIO = BIJSTAND_COLS.index("priority")


def region_short(code: str) -> str:
    """The one name of a region on screen: its short code (VRZ); the full name goes in a
    tooltip (:func:`region_title`). Unknown values (a partner such as KCR2) stay as they are."""
    r = REGION_BY_CODE.get(code)
    return r.short if r else code


def region_title(code: str) -> str:
    """The full name of a region for a tooltip: 'Zeeland (VRZ, VR19)'."""
    r = REGION_BY_CODE.get(code)
    return f"{r.name} ({r.short}, {r.code})" if r else code


def scope_text(region: str, text: str) -> str:
    """What a filtered figure is filtered on, '' when nothing is filtered."""
    parts = []
    if region:
        parts.append(region_short(region))
    if text.strip():
        parts.append(f"‘{text.strip()}’")
    return _("gefilterd op {what}").format(what=" · ".join(parts)) if parts else ""


def _words(value: Any) -> str:
    """The texts of an item the search looks in: its top-level texts and lists of texts (not
    nested records such as earlier pictures or the history)."""
    if isinstance(value, Mapping):
        value = list(value.values())
    if not isinstance(value, (list, tuple)):
        return str(value) if value is not None else ""
    parts = []
    for v in value:  # (the common types first: thousands of states per keystroke's first look)
        t = type(v)
        if t is str:
            parts.append(v)
        elif v is None or t is dict:
            continue
        elif t is list or t is tuple or isinstance(v, (list, tuple)):
            parts.append(" ".join([str(x) for x in v]))
        elif not isinstance(v, Mapping):
            parts.append(str(v))
    return " ".join(parts)


def matches_text(item: Any, needle: str) -> bool:
    """Whether ``needle`` (lower case, stripped) occurs in any text of ``item``."""
    return not needle or needle in _words(item).lower()


def _row_text(r: tuple[Any, ...]) -> str:
    """The board's own search text of a bijstand row: title, from, to, priority."""
    return f"{r[_B_TITLE]} {r[_B_FROM]} {r[_B_TO]} {r[_B_PRIO]}".lower()


class BijstandHay:
    """The search texts a keystroke looks in, worked out once and kept: the board's own text of
    every bijstand request (title, from, to, priority; by id, kept while the row is the same)
    and the texts of every item of a picture list (:meth:`texts`), kept per loaded part. A part
    is kept as the object it was loaded as (the picture replaces a part when it loads it again,
    never changes it in place). A store may hold tens of thousands of requests and thousands of
    incidents, and a keystroke should only look: one hay serves the Overzicht and the bijstand
    board, and :meth:`warm` works the texts out in slices before anyone types."""

    def __init__(self) -> None:
        self._lists: dict[str, tuple[Any, list[str]]] = {}
        #: the text of every bijstand row, keyed by the row itself (a changed row is another)
        self._rows: dict[tuple[Any, ...], str] = {}
        #: per part: the last search's (items, needle, positions of the items that hold it);
        #: the next keystroke that adds a letter looks only at those
        self._found: dict[str, tuple[Any, str, list[int]]] = {}
        self._keys: tuple[Any, list[str], list[tuple[Any, ...]]] | None = None

    def matches(self, r: tuple[Any, ...], needle: str) -> bool:
        """Whether a bijstand row holds ``needle`` (one row; :meth:`bijstand` for many)."""
        return not needle or needle in _row_text(r)

    def texts(self, name: str, items: Sequence[Any]) -> list[str]:
        """The lower-case search text of every item of ``items`` (the picture's part ``name``),
        in order, as :func:`matches_text` looks in them: worked out again only when the part
        is another object (what a warm-up did of it already is kept)."""
        held = self._lists.get(name)
        if held is None or held[0] is not items:
            held = (items, [])
            self._lists[name] = held
        done = held[1]
        if len(done) < len(items):
            done.extend(_words(x).lower() for x in items[len(done):])
        return done

    def found(self, name: str, items: Sequence[Any], needle: str) -> list[int]:
        """The positions of the items of ``items`` (part ``name``) whose text holds ``needle``,
        in order. A needle that adds to the last one asked of the same items looks only at
        what that one found (typing on narrows; a first letter looks at everything)."""
        last = self._found.get(name)
        if last is not None and last[0] is items and needle.startswith(last[1]):
            if needle == last[1]:
                return last[2]
            texts = self.bijstand(items) if name == "bijstand" else self.texts(name, items)
            hits = [i for i in last[2] if needle in texts[i]]
        else:
            texts = self.bijstand(items) if name == "bijstand" else self.texts(name, items)
            hits = list(compress(range(len(texts)), [needle in t for t in texts]))
        self._found[name] = (items, needle, hits)
        return hits

    def row_texts(self, rows: Iterable[tuple[Any, ...]]) -> list[str]:
        """The board's search text of each bijstand row, in order: worked out once per row, and
        one string for equal texts (thousands of requests may read alike)."""
        held, out = self._rows, []
        for r in rows:
            t = held.get(r)
            if t is None:
                t = held[r] = sys.intern(_row_text(r))
            out.append(t)
        return out

    def bijstand_keys(self, rows: Mapping[str, tuple[Any, ...]]
                      ) -> tuple[list[str], list[tuple[Any, ...]]]:
        """The ids and the rows of ``rows`` as lists, in order (kept while it is the same)."""
        held = self._keys
        if held is None or held[0] is not rows:
            held = self._keys = (rows, list(rows), list(rows.values()))
        return held[1], held[2]

    def bijstand(self, rows: Mapping[str, tuple[Any, ...]]) -> list[str]:
        """The search text of every bijstand row, in the order of ``rows.values()``."""
        held = self._lists.get("bijstand")
        if held is None or held[0] is not rows:
            held = (rows, self.row_texts(rows.values()))
            self._lists["bijstand"] = held
            if len(self._rows) > len(rows):  # rows changed or no longer loaded
                self._rows = {r: self._rows[r] for r in rows.values() if r in self._rows}
        return held[1]

    def warm(self, p: PictureState, step: int = 2000) -> Iterator[None]:
        """Work out every text a search of ``p`` looks in, a slice of ``step`` items per
        ``next()`` (a keystroke before the end finds what was done and does the rest)."""
        rows = list(p.bijstand.values())
        for i in range(0, len(rows), step):
            self.row_texts(rows[i:i + step])
            yield
        self.bijstand(p.bijstand)
        for name in _LISTS:
            items = getattr(p, name)
            held = self._lists.get(name)
            if held is None or held[0] is not items:
                held = self._lists[name] = (items, [])
            done = held[1]
            while len(done) < len(items):
                done.extend(_words(x).lower() for x in items[len(done):len(done) + step])
                yield


#: the parts of the picture whose items a search looks in (:func:`narrow`)
_LISTS = ("incidents", "sessions", "decisions", "actions", "nsp", "comms", "conflicts",
          "meldplaatsen")


def _in(region: str, codes: Iterable[Any] | None) -> bool:
    return not region or region in (codes or ())


def _bijstand(rows: dict[str, tuple[Any, ...]], region: str, needle: str,
              hay: BijstandHay) -> dict[str, tuple[Any, ...]]:
    if needle:
        hits = hay.found("bijstand", rows, needle)  # type: ignore[arg-type]
        keys, values = hay.bijstand_keys(rows)
        if len(hits) * 2 > len(rows):
            # a first letter keeps nearly all of 60k rows: a copy without the rest is cheaper
            # than a dict built anew (in the same order either way)
            kept = rows.copy()
            for i in set(range(len(keys))).difference(hits):
                del kept[keys[i]]
            rows = kept
        else:
            rows = dict(zip(map(keys.__getitem__, hits), map(values.__getitem__, hits)))
    if region:
        rows = {k: r for k, r in rows.items() if r[_B_FROM] == region or r[_B_TO] == region}
    return rows


def narrow(p: PictureState, region: str = "", text: str = "",
           hay: BijstandHay | None = None) -> PictureState:
    """The picture with only what concerns ``region`` and contains ``text``.

    Decisions without regions of their own take their session's; actions their decision's.
    Conflicts and alarms name no region and are kept whole (the search still applies to
    conflicts). While the bijstand rows are still loading, their counts cannot be narrowed and
    are dropped under a filter rather than shown as if they were the region's."""
    needle = text.strip().lower()
    if not region and not needle:
        return p
    hay = hay or BijstandHay()

    def keep(name: str, items: list[Any], concerns: Callable[[Any], bool]) -> list[Any]:
        """The items of part ``name`` that concern the region and hold the needle."""
        if not needle:
            return [x for x in items if concerns(x)]
        found = map(items.__getitem__, hay.found(name, items, needle))
        return [x for x in found if concerns(x)] if region else list(found)

    session_regions = {s.get("id"): s.get("regions") or () for s in p.sessions}
    decision_regions = {d.get("id"): d.get("regions") or session_regions.get(
        d.get("session_id"), ()) for d in p.decisions}
    decisions = keep("decisions", p.decisions,
                     lambda d: _in(region, decision_regions.get(d.get("id"))))
    kept = {d.get("id") for d in decisions}
    hits = set(hay.found("actions", p.actions, needle)) if needle else None
    actions = [a for i, a in enumerate(p.actions)
               if _in(region, decision_regions.get(a.get("decision_id")))
               and (hits is None or a.get("decision_id") in kept or i in hits)]
    return replace(
        p,
        incidents=keep("incidents", p.incidents, lambda s: _in(region, s.get("regions"))),
        sessions=keep("sessions", p.sessions, lambda s: _in(region, s.get("regions"))),
        decisions=decisions,
        actions=actions,
        nsp=keep("nsp", p.nsp, lambda s: _in(region, (s.get("region"),))),
        bijstand=_bijstand(p.bijstand, region, needle, hay),
        bijstand_counts={},
        comms=keep("comms", p.comms, lambda r: _in(region, (r[0],))),
        conflicts=keep("conflicts", p.conflicts, lambda c: True),
        meldplaatsen=keep("meldplaatsen", p.meldplaatsen,
                          lambda m: _in(region, (m.get("requesting_region"),))),
    )
