"""The situation report as data: what it contains at a chosen moment, after its filters.

A sitrep follows the Beeld–Oordeel–Besluit structure the rooms know from LCMS:

* **Beeld** — per incident its Beeld–Oordeel–Besluit (:mod:`data.picture.bob`: the beeld per
  discipline with who wrote it when, the Oordeel, the decisions that concern it), phase, teams
  and regions; open bijstand with the
  quantity still open, offers and their ETAs; communication outages per region and the fallback
  in use; the noodsteunpunten against the 72-hour target; the key journal messages since T.
* **Oordeel** — what the picture rules judge at that moment: overdue actions, bijstand past its
  "nodig vóór", points that will miss or missed the target, regions without their means.
* **Besluit** — the decisions of the teams (number, version, status) with their open and
  overdue actions (owner, due time).

Filters: regions (an item counts when it names one of them), a classification ceiling (an
*openbaar* sitrep holds nothing *intern* or *vertrouwelijk*; an item without a marking counts as
*intern*, the default of every form) and *since T* for the journal messages. The header names
the highest classification the sitrep actually contains.

:func:`compose` is pure (the raw picture in, the sitrep out); :func:`gather` reads the raw
picture from a store.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import timedelta
from typing import Any

from data.domain.enums import Classification
from data.domain.enums import source_label as label
from data.domain.lifecycles import OPEN_BIJSTAND
from data.domain.regions import REGION_BY_CODE, resolve_region
from data.picture.bijstand import needed_by_overdue
from data.picture.bob import bob_of
from data.picture.deadlines import OPEN_ACTION, incident_t0, is_overdue, nsp_clock
from data.picture.detail_html import open_quantity
from data.picture.moment import Now, at, at_iso
from data.picture.overview import PictureState, kpis

#: classification values from low to high
RANK = {c.value: i for i, c in enumerate(Classification)}
#: what an item without a marking counts as (the forms' default)
DEFAULT_CLASS = Classification.INTERN.value
#: default reach of "key journal messages since": the last 24 hours before the moment
DEFAULT_SINCE_HOURS = 24
#: a sitrep lists at most this many open requests (the most urgent; the figures count all)
BIJSTAND_LISTED = 40
#: and at most this many key messages (the newest)
JOURNAL_LISTED = 60
#: comms states that belong in a sitrep (a working channel is not news)
COMMS_NEWS = ("uitgevallen", "verstoord", "terugvaloptie_actief")


def class_of(item: Mapping[str, Any]) -> str:
    """An item's classification; unknown or missing counts as *intern*."""
    c = str(item.get("classification") or DEFAULT_CLASS)
    return c if c in RANK else DEFAULT_CLASS


@dataclass(frozen=True)
class Filters:
    """What a sitrep leaves out: regions (codes; empty = all), a classification ceiling and
    the start of the journal window (ISO; '' = the 24 hours before the moment)."""

    regions: tuple[str, ...] = ()
    max_class: str = Classification.VERTROUWELIJK.value
    since: str = ""

    def allows(self, item: Mapping[str, Any]) -> bool:
        """Under the ceiling (regions are judged per kind)."""
        return RANK[class_of(item)] <= RANK[self.max_class]

    def in_regions(self, regions: Iterable[str | None]) -> bool:
        """No region filter, or one of ``regions`` is among the chosen ones."""
        return not self.regions or any(r in self.regions for r in regions if r)


def region_codes(values: Sequence[str]) -> tuple[str, ...]:
    """Region names or codes as typed (VNOG, VR06, Noord- en Oost-Gelderland) as codes;
    raises ValueError with a Dutch message for an unknown one."""
    out = []
    for v in values:
        for part in v.split(","):
            if not part.strip():
                continue
            r = resolve_region(part)
            if r is None:
                raise ValueError(f"regio '{part.strip()}' onbekend; gebruik een code als VR06 "
                                 "of een afkorting als VNOG")
            out.append(r.code)
    return tuple(dict.fromkeys(out))


@dataclass(frozen=True)
class BijstandTally:
    """The open requests counted where they are stored (:mod:`data.report.open_bijstand`),
    at ``moment`` under the filters ``regions`` and ``max_class``; ``Raw.bijstand`` then
    holds only the ``listed`` most urgent, in the sitrep's order."""

    moment: str
    regions: tuple[str, ...]
    max_class: str
    listed: int
    #: requests per status under the filters
    counts: dict[str, int]
    #: past their needed-by without their means on the way
    late: int
    #: quantity still open, summed
    open_quantity: int
    #: requests in the regions above the ceiling
    withheld: int
    #: the highest classification among the requests under the filters (None: none)
    highest: str | None

    @property
    def total(self) -> int:
        return sum(self.counts.values())


@dataclass(frozen=True)
class JournalTally:
    """The key messages of the window counted where they are stored (with a
    :class:`BijstandTally`, under the same filters): how many the filters let through, how many
    the ceiling withheld, their highest classification; ``Raw.journal`` then holds only the
    newest :data:`JOURNAL_LISTED` of them."""

    total: int
    withheld: int
    highest: str | None


@dataclass
class Raw:
    """The picture as read from a store: full states of the small kinds, the open bijstand,
    the newest comms report per cell and the journal messages of the window."""

    incidents: list[dict[str, Any]] = field(default_factory=list)
    sessions: list[dict[str, Any]] = field(default_factory=list)
    decisions: list[dict[str, Any]] = field(default_factory=list)
    actions: list[dict[str, Any]] = field(default_factory=list)
    nsp: list[dict[str, Any]] = field(default_factory=list)
    bijstand: list[dict[str, Any]] = field(default_factory=list)
    comms: list[dict[str, Any]] = field(default_factory=list)
    journal: list[dict[str, Any]] = field(default_factory=list)
    #: attachment states (data.domain.attachments): listed by name under their incident
    attachments: list[dict[str, Any]] = field(default_factory=list)
    #: the open requests counted by SQLite; then ``bijstand`` holds only the most urgent
    bijstand_tally: BijstandTally | None = None
    #: the key messages counted by SQLite; then ``journal`` holds only the newest
    journal_tally: JournalTally | None = None


@dataclass(frozen=True)
class Meta:
    """Who made the sitrep of which store: centre name, node, world and the fingerprint."""

    centre: str
    node: str
    world: str
    fingerprint: str

    @property
    def exercise(self) -> bool:
        return self.world != "LIVE"


@dataclass
class Sitrep:
    """One situation report, ready to render."""

    meta: Meta
    moment: str
    since: str
    filters: Filters
    highest_class: str
    figures: dict[str, Any]
    incidents: list[dict[str, Any]]
    bijstand: list[dict[str, Any]]
    comms: list[dict[str, Any]]
    nsp: list[dict[str, Any]]
    journal: list[dict[str, Any]]
    judgements: list[str]
    decisions: list[dict[str, Any]]
    region_levels: dict[str, str]
    #: how many items the ceiling left out (said in the header, never what they were)
    withheld: int = 0
    #: open requests and key messages beyond what the sitrep lists (it lists the most urgent
    #: :data:`BIJSTAND_LISTED` requests and the newest :data:`JOURNAL_LISTED` messages)
    bijstand_more: int = 0
    journal_more: int = 0


def _regions_of(item: Mapping[str, Any]) -> list[str]:
    regs = list(item.get("regions") or [])
    for k in ("region", "requesting_region", "addressed_to"):
        if item.get(k):
            regs.append(str(item[k]))
    return regs


def compose(raw: Raw, meta: Meta, now: Now, filters: Filters = Filters(),
            bijstand_listed: int = BIJSTAND_LISTED) -> Sitrep:
    """The sitrep of ``raw`` at ``now`` after ``filters`` (pure); it lists the
    ``bijstand_listed`` most urgent open requests."""
    moment = at(now)
    iso = at_iso(moment)
    since = filters.since or at_iso(moment - timedelta(hours=DEFAULT_SINCE_HOURS))
    withheld = 0
    kept: list[Mapping[str, Any]] = []

    def keep(items: Iterable[dict[str, Any]], regions: bool = True) -> list[dict[str, Any]]:
        nonlocal withheld
        out = []
        for it in items:
            if regions and not filters.in_regions(_regions_of(it)):
                continue
            if not filters.allows(it):
                withheld += 1
                continue
            out.append(it)
            kept.append(it)
        return out

    incidents = keep(i for i in raw.incidents if i.get("status") != "afgeschaald")
    incidents.sort(key=lambda i: (str(i.get("status")) != "actief", str(i.get("title"))))
    withheld += _attach_names(incidents, raw.attachments, filters)
    inc_ids = set(incidents_in(raw.incidents, filters))
    inc_title = {str(i.get("id")): str(i.get("title") or "") for i in incidents}
    t0_of = {str(i.get("id")): incident_t0(i) for i in raw.incidents}

    tally = raw.bijstand_tally
    if tally is not None:
        _check(tally, iso, filters, bijstand_listed)
        withheld += tally.withheld
    bijstand = []
    for b in (raw.bijstand if tally is not None else
              keep(b for b in raw.bijstand if b.get("status") in OPEN_BIJSTAND)):
        offers = [o for o in (b.get("offers") or {}).values() if not o.get("withdrawn")]
        bijstand.append({**b, "open_quantity": open_quantity(b), "offers_live": offers,
                         "late": needed_by_overdue(b.get("status"), b.get("needed_by"), moment)})
    bijstand.sort(key=lambda b: (not b["late"], str(b.get("needed_by") or "9"),
                                 str(b.get("title") or "")))
    b_tally = tally or _tally_of(bijstand, iso, filters, bijstand_listed)

    comms = keep(c for c in raw.comms if c.get("state") in COMMS_NEWS)
    comms.sort(key=lambda c: (str(c.get("region")), str(c.get("channel"))))

    nsp = []
    for p in keep(p for p in raw.nsp if p.get("status") != "gesloten"):
        clock = nsp_clock(p, t0_of.get(str(p.get("incident_id") or "")), moment)
        nsp.append({**p, "clock": clock.text(), "flagged": clock.flagged,
                    "verdict": clock.verdict, "elapsed": clock.elapsed_text()})
    nsp.sort(key=lambda p: (not p["flagged"], str(p.get("region")), str(p.get("name"))))

    journal, j_tally = [], raw.journal_tally
    if j_tally is not None:  # counted under the filters the bijstand tally was checked for
        if tally is None:
            raise ValueError("key messages counted without the open bijstand")
        journal, withheld = list(raw.journal), withheld + j_tally.withheld
    else:
        for j in raw.journal:
            if str(j.get("at") or "") <= since or str(j.get("at") or "") > iso:
                continue
            inc = str(j.get("incident_id") or "")
            if filters.regions and inc not in inc_ids:
                continue
            journal.extend(keep([j], regions=False))
    journal.sort(key=lambda j: str(j.get("at")))

    sessions = {str(s.get("id")): s for s in raw.sessions}
    actions_by: dict[str, list[dict[str, Any]]] = {}
    for a in keep((a for a in raw.actions if a.get("status") in OPEN_ACTION), regions=False):
        actions_by.setdefault(str(a.get("decision_id")), []).append(
            {**a, "overdue": is_overdue(a, moment)})
    decisions = []
    for d in keep(d for d in raw.decisions if d.get("status") != "ingetrokken"):
        s = sessions.get(str(d.get("session_id")))
        acts = sorted(actions_by.pop(str(d.get("id")), []), key=lambda a: str(a.get("due") or "9"))
        decisions.append({**d, "team": str((s or {}).get("team") or "IRBT"),
                          "session": str((s or {}).get("title") or ""), "open_actions": acts})
    decisions.sort(key=lambda d: (d["team"], d["session"], int(d.get("number") or 0)))
    # each incident's BOB, with the decisions the filters kept
    incidents = [{**i, "bob": bob_of(i, decisions, raw.sessions)} for i in incidents]
    # an action kept under a decision the filters left out is not shown on its own
    counted = [t.highest for t in (tally, j_tally) if t is not None and t.highest]
    highest = max([class_of(k) for k in kept] + counted, key=RANK.__getitem__,
                  default=Classification.OPENBAAR.value)

    pic = PictureState(incidents=incidents, decisions=decisions,
                       actions=[a for d in decisions for a in d["open_actions"]], nsp=nsp,
                       comms=[(c.get("region"), c.get("channel"), c.get("state")) for c in comms],
                       bijstand_counts=dict(b_tally.counts))
    figures = dict(kpis(pic, moment))
    figures["bijstand_open_quantity"] = b_tally.open_quantity
    levels = _levels(incidents, comms)
    judged = _judge(decisions, b_tally, nsp, comms, inc_title)
    shown, lines = bijstand[:bijstand_listed], journal[max(0, len(journal) - JOURNAL_LISTED):]
    b_more = b_tally.total - len(shown)
    j_more = (j_tally.total if j_tally is not None else len(journal)) - len(lines)
    return Sitrep(meta, iso, since, filters, highest, figures, incidents, shown, comms, nsp,
                  lines, judged, decisions, levels, withheld, b_more, j_more)


def _tally_of(bijstand: list[dict[str, Any]], iso: str, filters: Filters,
              listed: int) -> BijstandTally:
    """The tally of open requests read in full (and already filtered): counted in Python."""
    return BijstandTally(iso, filters.regions, filters.max_class, listed,
                         _count_status(bijstand), sum(1 for b in bijstand if b["late"]),
                         sum(b["open_quantity"] for b in bijstand), 0, None)


def _check(tally: BijstandTally, iso: str, filters: Filters, listed: int) -> None:
    """A tally belongs to the sitrep it was counted for (moment, filters, enough listed)."""
    if (tally.moment, tally.regions, tally.max_class) != (iso, filters.regions,
                                                          filters.max_class):
        raise ValueError("bijstand counted for another moment or other filters")
    if listed > tally.listed and tally.total > tally.listed:
        raise ValueError(f"bijstand gathered to list {tally.listed}, not {listed}")


def incidents_in(incidents: Iterable[Mapping[str, Any]], filters: Filters) -> list[str]:
    """The ids of the incidents in the filters' regions (all without a region filter): a
    journal line counts when its incident is one of them."""
    return [str(i.get("id")) for i in incidents if filters.in_regions(_regions_of(i))]


def _attach_names(incidents: list[dict[str, Any]], attachments: Sequence[Mapping[str, Any]],
                  filters: Filters) -> int:
    """Give each incident ``attachments``: the names of its files under the ceiling (a file is
    never more open than its incident); returns how many the ceiling left out."""
    from data.domain.attachments import allowed

    incidents[:] = [dict(i) for i in incidents]  # (the raw states stay as they were read)
    by_id = {str(i.get("id")): i for i in incidents}
    left_out = 0
    for a in attachments:
        inc = by_id.get(str(a.get("target_id")))
        if inc is None:
            continue
        if not allowed(a, inc, filters.max_class):
            left_out += 1
            continue
        inc.setdefault("attachments", []).append(str(a.get("name")))
    return left_out


def relisted(s: Sitrep, bijstand_listed: int) -> Sitrep:
    """``s`` listing only its ``bijstand_listed`` most urgent open requests (a pack's sitrep
    from its bijstand board, without composing the picture twice)."""
    shown = min(bijstand_listed, len(s.bijstand))
    total = len(s.bijstand) + s.bijstand_more
    return replace(s, bijstand=s.bijstand[:shown], bijstand_more=total - shown)


def _count_status(rows: Iterable[Mapping[str, Any]]) -> dict[str, int]:
    out: dict[str, int] = {}
    for r in rows:
        out[str(r.get("status"))] = out.get(str(r.get("status")), 0) + 1
    return out


def _levels(incidents: Sequence[Mapping[str, Any]],
            comms: Sequence[Mapping[str, Any]]) -> dict[str, str]:
    from data.picture.overview import region_levels

    return region_levels(PictureState(
        incidents=[dict(i) for i in incidents],
        comms=[(c.get("region"), c.get("channel"), c.get("state")) for c in comms]))


def _judge(decisions: Sequence[Mapping[str, Any]], bijstand: BijstandTally,
           nsp: Sequence[Mapping[str, Any]], comms: Sequence[Mapping[str, Any]],
           inc_title: Mapping[str, str]) -> list[str]:
    """The *oordeel*: what the picture rules flag, one sentence each, most urgent first."""
    out = []
    late = [a for d in decisions for a in d["open_actions"] if a["overdue"]]
    if late:
        owners = sorted({str(a.get("owner")) for a in late})
        out.append(f"{len(late)} actie(s) over de gereedtijd (eigenaar: {', '.join(owners)}).")
    if bijstand.late:
        out.append(f"{bijstand.late} bijstandsverzoek(en) voorbij 'nodig vóór' zonder dat de "
                   "middelen onderweg zijn.")
    if bijstand.open_quantity:
        out.append(f"Bijstand nog niet gedekt: {bijstand.open_quantity} eenheden over "
                   f"{bijstand.total} verzoeken.")
    for verdict, text in (("gemist", "heeft het 72-uursdoel gemist"),
                          ("haalt_doel_niet", "haalt het 72-uursdoel niet")):
        pts = [p for p in nsp if p["verdict"] == verdict]
        if pts:
            out.append(f"{len(pts)} noodsteunpunt(en) {text}.")
    out_regions = sorted({_short(str(c.get("region"))) for c in comms
                          if c.get("state") == "uitgevallen"})
    if out_regions:
        out.append("Verbinding uitgevallen in " + ", ".join(out_regions) + ".")
    if not out:
        out.append("Geen achterstanden of uitval volgens de beeldregels.")
    return out


def _short(code: str) -> str:
    return REGION_BY_CODE[code].short if code in REGION_BY_CODE else code


def class_label(value: str) -> str:
    """'Openbaar', 'Intern', 'Vertrouwelijk'."""
    return label(value)
