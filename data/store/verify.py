"""Verification of received events, shared by every door (store ingest, bundle import, hub).

Two checks, both Qt-free and storage-free:

* :func:`check_envelope` — an event on its own merits: world, clock, type, payload, sizes.
* :func:`verify_chains` — per origin, do the events continue the origin's hash chain without a
  gap, and are they signed by the origin's key? The caller supplies the current chain head of
  each origin (from its own tables), so the store and the hub apply exactly the same rule.

Each event names as ``prev`` the :func:`~data.store.envelope.link` of its predecessor, a hash
over the predecessor's digest and signature. Within a contiguous run one valid signature on the
newest event therefore proves every earlier event of the run, its signature included, so no
event with an invalid signature is taken in while only one signature per run is checked. An
event made before this rule names the bare digest of its predecessor: that predecessor's own
signature is then checked separately. If the newest signature fails, every event is checked.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from operator import attrgetter

from data.domain.events import EVENT_TYPES, validate_payload
from data.domain.validation import ValidationError, to_iso
from data.i18n import _
from data.store.envelope import GENESIS, Event, link, verify
from data.store.hlc import DEFAULT_DRIFT_BOUND_MS
from data.store.hlc import decode as hlc_decode
from data.store.hlc import encode as hlc_encode
from data.store.hlc import is_valid as hlc_valid
from data.store.roster import Roster, key_text, revoked_text, rotation_text, unknown_text

#: the event by which an origin switches to a new key (signed with the old one)
ROTATED = "node.key_rotated"

#: (last_seq, last_hash, public_key, last_sig) of an origin, or None when the origin is new.
Head = tuple[int, str, str, str]


@dataclass(frozen=True, slots=True)
class Rejection:
    """Why an event was refused. ``transient`` is True when sending it again later can work
    (its predecessor is missing); False when it never will (forged, forked, malformed)."""

    id: str
    reason: str
    transient: bool = False
    #: a different event with the same origin and seq as one the caller holds (a forged
    #: centre, or two machines initialised with the same node id): a red alarm, not a retry
    fork: bool = False
    #: refused by the pinned root's roster (data.store.roster): unknown centre, key or revoked
    untrusted: bool = False


def check_envelope(e: Event, world: str) -> str:
    """Reason to refuse an event on its own merits ('' when it looks right)."""
    if e.world != world:
        return _("andere wereld ({world}); deze store is {here}").format(world=e.world, here=world)
    if not hlc_valid(e.hlc):
        return _("ongeldige hlc")
    if e.type not in EVENT_TYPES:
        return _("onbekend type '{type}'").format(type=e.type)
    if len(e.sig) != 128 or len(e.prev) != 64:
        return _("handtekening of ketenverwijzing ontbreekt")
    try:
        validate_payload(e.type, e.payload)
        to_iso(e.occurred_at)
        _moment(e.recorded_at)
    except ValidationError as err:
        return _("ongeldige inhoud: {error}").format(error=err)
    if not e.entity or len(e.entity) > 80:
        return _("entiteit ontbreekt")
    if not e.origin or len(e.origin) > 80 or len(e.id) > 40 or len(e.author) > 120:
        return _("herkomst, id of auteur ontbreekt of is te lang")
    return ""


#: ``recorded_at`` as the log writes it: whole seconds, or (since issue 19) milliseconds
_STAMP_MS = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z")


def _moment(value: str) -> None:
    """Check a moment of the envelope: the millisecond form (unique per event, so to_iso's
    memory never holds it and its full parse would cost every received event) directly."""
    if type(value) is str and _STAMP_MS.fullmatch(value):
        try:
            datetime.fromisoformat(value[:-1])
        except ValueError:
            raise ValidationError(_("geen geldige tijd (gebruik bv. 2026-11-22 14:05)")) \
                from None
        return
    to_iso(value)


def _seq(item: tuple[Event, str | None, str]) -> int:
    return item[0].seq


def verify_chains(
    events: Sequence[Event], head_of: Callable[[str], Head | None],
    hashes: Sequence[str] | None = None, trust: Roster | None = None,
    links: Sequence[str] | None = None,
) -> tuple[list[Event], list[str], list[Rejection]]:
    """Check each origin's hash chain and signatures.

    Returns the acceptable events (grouped per origin, each origin's in seq order), their
    hashes, and the rejections. ``head_of(origin)`` gives the chain head the caller holds;
    ``hashes``, when given, are the events' digests computed already (see data.store.prepare),
    ``links`` what each event's successor names as ``prev`` (:func:`link`), given with them.

    ``trust``: the roster of the pinned root (data.store.roster), or None (trust on first use:
    an origin's registration names its key). With a roster, an origin must be on it (else
    "later opnieuw": the roster may not have arrived yet), every key it signs with must be one
    the roster lists for it (a registration under another key is refused for good; a rotation
    to a key the roster does not know yet waits), and nothing after its revocation is taken in.

    A key rotation (``node.key_rotated`` of the origin itself, signed with the old key) makes
    the new key sign from the next seq on; one signature per stretch of one key is checked."""
    by_origin: dict[str, list[tuple[Event, str | None, str]]] = defaultdict(list)
    if hashes is None:
        hashes, links = [None] * len(events), None  # type: ignore[list-item]
    for e, known, lk in zip(events, hashes, links or [""] * len(events), strict=True):
        by_origin[e.origin].append((e, known, lk))
    ok: list[tuple[Event, str]] = []
    rejected: list[Rejection] = []
    for origin, evs in by_origin.items():
        evs.sort(key=_seq)
        head = head_of(origin)
        last_seq, last_hash, key, last_sig = head if head else (0, GENESIS, "", "")
        node = trust.node(origin) if trust is not None else None
        if trust is not None and (node is None or (head and key not in node.keys)):
            why, again = ((unknown_text(origin), True) if node is None
                          else (key_text(origin), False))
            rejected.extend(Rejection(e.id, why, again, untrusted=True) for e, _k, _l in evs)
            continue
        until = node.until if node is not None else None
        run: list[tuple[Event, str]] = []
        # members of the run whose successor names their bare digest (made before links
        # covered the signature): their own signature is checked
        loose: set[int] = set()
        # the last member of each stretch signed by one key, and that key
        stretch: dict[int, str] = {}
        broken = False
        doomed = ""  # the chain starts under a key the roster does not list: all of it, for good
        last_link = ""  # the link of the event before, when it came with the batch
        for e, known, lk in evs:
            if doomed:
                rejected.append(Rejection(e.id, doomed, untrusted=True))
                continue
            if broken:
                rejected.append(Rejection(e.id, _("keten van {origin} onderbroken; "
                                                  "later opnieuw").format(origin=origin),
                                          True))
                continue
            if e.seq <= last_seq:
                rejected.append(Rejection(e.id, _("seq {seq} van {origin} bestaat al "
                                                  "met een ander id (vervalst of "
                                                  "dubbel uitgegeven)").format(
                                                    seq=e.seq, origin=origin),
                                          fork=True))
                continue
            if until is not None and e.seq > until:
                rejected.append(Rejection(e.id, revoked_text(origin, until), untrusted=True))
                continue
            if e.seq != last_seq + 1:
                rejected.append(Rejection(
                    e.id, _("ontbrekende voorganger: verwacht seq {value} van "
                            "{origin}, kreeg {seq}").format(
                              value=last_seq + 1, origin=origin, seq=e.seq), True))
                broken = True
                continue
            h = known or e.digest()
            if last_seq == 0:
                linked = e.prev == GENESIS
            elif e.prev == (last_link or link(last_hash, last_sig)):
                linked = True
            elif e.prev == last_hash:  # an older event's bare digest
                linked = True
                if run:
                    loose.add(len(run) - 1)
            else:
                linked = False
            if not linked:
                rejected.append(Rejection(e.id, _("ketenverwijzing (prev) klopt niet")))
                broken = True
                continue
            if e.seq == 1:
                if e.type != "node.registered" or e.entity != origin:
                    rejected.append(Rejection(e.id, _("eerste gebeurtenis moet de "
                                                      "aanmelding zijn")))
                    broken = True
                    continue
                key = str(e.payload.get("public_key", ""))
                if node is not None and key not in node.keys:
                    doomed = key_text(origin)
                    rejected.append(Rejection(e.id, doomed, untrusted=True))
                    continue
            new_key = ""
            if e.type == ROTATED and e.entity == origin:
                new_key = str(e.payload.get("public_key", ""))
                if node is not None and new_key not in node.keys:
                    rejected.append(Rejection(e.id, rotation_text(origin), True,
                                              untrusted=True))
                    broken = True
                    continue
            run.append((e, h))
            last_seq, last_hash, last_sig, last_link = e.seq, h, e.sig, lk
            if new_key:  # this event is the last one the old key signs
                stretch[len(run) - 1] = key
                key = new_key
        if not run:
            continue
        stretch[len(run) - 1] = key
        keys = _Keys(stretch)
        checks = sorted(loose | set(stretch))
        if all(verify(keys[i], run[i][1], run[i][0].sig) for i in checks):
            ok.extend(run)
            continue
        for i, (e, h) in enumerate(run):
            if verify(keys[i], h, e.sig):
                ok.append((e, h))
            else:
                rejected.append(Rejection(e.id, _("handtekening ongeldig")))
                for e2, _h in run[i + 1:]:
                    rejected.append(Rejection(e2.id, _("keten van {origin} onderbroken").format(
                                                         origin=origin)))
                break
    return [e for e, _h in ok], [h for _e, h in ok], rejected


class _Keys:
    """The signing key of each member of a run, from the stretches' last members."""

    def __init__(self, stretch: dict[int, str]) -> None:
        self._ends = sorted(stretch)
        self._keys = [stretch[i] for i in self._ends]

    def __getitem__(self, i: int) -> str:
        return self._keys[bisect_left(self._ends, i)]


_HLC = attrgetter("hlc")


def hold_future(events: Sequence[Event], hashes: Sequence[str], now_ms: int,
                bound_ms: int = DEFAULT_DRIFT_BOUND_MS,
                ) -> tuple[list[Event], list[str], list[Rejection]]:
    """Events stamped by a clock more than ``bound_ms`` ahead of ``now_ms`` are not taken in
    yet: refused as retryable ("later opnieuw"), with the rest of their origin's chain after
    them. In the fold's order such an event would sort after everything written since and win
    every later update of its entity; held back, it is taken in once the receiver's clock has
    caught up, so every store that holds the same events still shows the same picture.
    ``events`` are as :func:`verify_chains` returns them (per origin in seq order)."""
    limit = now_ms + bound_ms
    # the usual case, at C speed: no clock ahead. HLCs are checked at every door to be of one
    # fixed width (hlc.is_valid), so their text sorts as their time.
    if events and max(map(_HLC, events)) <= hlc_encode(limit, 999_999):
        return list(events), list(hashes), []
    ok: list[Event] = []
    ok_hashes: list[str] = []
    held: list[Rejection] = []
    stopped: dict[str, int] = {}  # origin -> ms ahead of the first event held
    for e, h in zip(events, hashes):
        ms = hlc_decode(e.hlc)[0]
        if e.origin in stopped or ms > limit:
            ahead = stopped.setdefault(e.origin, ms - now_ms)
            held.append(Rejection(e.id, future_text(e.origin, ahead, bound_ms), True))
        else:
            ok.append(e)
            ok_hashes.append(h)
    return ok, ok_hashes, held


def future_text(origin: str, ahead_ms: int, bound_ms: int = DEFAULT_DRIFT_BOUND_MS) -> str:
    """Why an event from a clock far ahead is held back (starts like the drift alarm)."""
    return _("klok van {origin} loopt {s} s voor (meer dan {bound} min); later opnieuw").format(
        origin=origin, s=ahead_ms // 1000, bound=bound_ms // 60_000)


__all__ = ["Head", "Rejection", "check_envelope", "future_text", "hold_future", "verify_chains"]
