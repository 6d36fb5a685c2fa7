"""Bundles: events plus a manifest in one file, for carrying a picture on a USB stick.

A bundle is a ZIP file with ``manifest.json`` and the events, one per line, in the exporting
store's arrival order (so every origin's chain is in order). The manifest names the world, the
origins with their seq ranges, the counts and the SHA-256 of the lines. Format 2 (written now)
holds them as ``events.jsonl.zst`` (Zstandard, stored as it is in the ZIP): a third smaller
than format 1's deflated ``events.jsonl`` and read eight times faster; both are read.
Import checks all of that before one event is offered to the store, and refuses another world or
a damaged file while changing nothing.

An incremental bundle holds only what the receiving side lacks: that side hands over a small
state file (``crisisbeeld state``) with the highest seq it holds per origin.
"""

from __future__ import annotations

import hashlib
import json
import os
import zipfile
import zlib
from concurrent.futures import Future
from contextlib import nullcontext
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

from data.bulk import gc_paused
from data.i18n import _
from data.oswords import damage_words, os_words
from data.store import IngestResult, Store
from data.store.envelope import Event
from data.store.prepare import Prepared
from data.store.roster import MAX_BYTES as ROSTER_MAX
from data.store.roster import RosterError
from data.sync.bundle_blobs import BlobBundleError, check_blobs, named_by, store_blobs, write_blobs
from data.sync.helper import LOST, MIN_BYTES, MIN_EVENTS, helper
from data.sync.wire import (
    MAX_CURSOR,
    MAX_LINE_BYTES,
    TOO_LONG,
    load_lines,
    load_one,
    prepare_lines,
    prepare_lines_packed,
    zstd,
    zstd_bytes,
)

FORMAT = "crisisbeeld-bundle/2"
#: formats this version reads (1: events.jsonl deflated in the ZIP; 2: events.jsonl.zst)
FORMATS = ("crisisbeeld-bundle/1", FORMAT)
EVENTS_ZST, EVENTS_PLAIN = "events.jsonl.zst", "events.jsonl"
#: the exporter's roster (data.store.roster), when it holds one
ROSTER_JSON = "roster.json"
#: no bundle unpacks to more than this (a crafted one could claim to)
MAX_UNPACKED = 4 << 30
STATE_FORMAT = "crisisbeeld-state/1"
#: events per transaction and per piece of work for the helper
IMPORT_SLICE = 10_000
#: slices read ahead by the helper (bounded: each holds its events in memory)
HELPER_AHEAD = 2
#: bytes of events.jsonl read at a time (at most one line's limit: see _read_verified)
_READ_PIECE = 4 << 20
assert _READ_PIECE <= MAX_LINE_BYTES
#: manifest.json is read up to this size (a real one is a few kB per thousand origins)
MAX_MANIFEST = 1 << 20
#: no event line is shorter than this: a bundle whose lines are shorter on average is no
#: bundle (a few kB of short lines would be gigabytes of line objects)
MIN_AVG_LINE = 64
#: events.jsonl unpacks to at most this many times its packed size (plus 64 MiB): a real
#: bundle packs 3 to 10 times; a bomb of a few kB that claims gigabytes stops early
MAX_RATIO = 100


class BundleError(Exception):
    """A bundle or state file that cannot be used; the message says why, for a person."""


@dataclass
class ExportResult:
    path: Path
    events: int
    origins: dict[str, tuple[int, int]]


def write_state(store: Store, out: str | os.PathLike[str]) -> dict[str, Any]:
    """Write the receiving side's state file: world and highest seq per origin."""
    doc = {"format": STATE_FORMAT, "world": store.world, "heads": store.heads()}
    Path(out).write_text(json.dumps(doc, indent=1), encoding="utf-8")
    return doc


def read_state(path: str | os.PathLike[str], world: str) -> dict[str, int]:
    try:
        doc = json.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as e:
        raise BundleError(_("statusbestand {path} is onleesbaar: {why}").format(
            path=path, why=os_words(e, reading=True))) from None
    except ValueError:
        raise BundleError(_("statusbestand {path} is onleesbaar: het is geen statusbestand "
                            "van Crisisbeeld").format(path=path)) from None
    if not isinstance(doc, dict) or doc.get("format") != STATE_FORMAT:
        raise BundleError(_("{path} is geen Crisisbeeld-statusbestand").format(path=path))
    if doc.get("world") != world:
        raise BundleError(_("statusbestand is van wereld {world}, deze store is "
                            "{world2}").format(world=doc.get('world'), world2=world))
    heads = doc.get("heads")
    if not isinstance(heads, dict) or not all(isinstance(v, int) for v in heads.values()):
        raise BundleError(_("{path}: 'heads' is beschadigd").format(path=path))
    return heads


def export_bundle(store: Store, out: str | os.PathLike[str],
                  since_heads: dict[str, int] | None = None, fmt: int = 2) -> ExportResult:
    """Write all events (or only those missing from ``since_heads``) to a bundle file.

    ``fmt`` 1 writes the older format (deflated ``events.jsonl``), for a receiver whose
    Crisisbeeld does not read format 2 yet.

    Written to a temporary name and renamed, so a stick pulled out mid-write leaves no
    half-bundle under the real name."""
    if fmt not in (1, 2):
        raise BundleError(_("onbekend bundelformaat {fmt} (1 of 2)").format(fmt=fmt))
    out = Path(out)
    events: Iterable[Event] = (
        store.iter_events(parse_payload=False) if since_heads is None
        else store.events_missing_for(since_heads, parse_payload=False)
    )
    origins: dict[str, list[int]] = {}
    h = hashlib.sha256()
    lines: list[str] = []
    attached: list[Event] = []  # attachments: their files travel along (bundle_blobs)
    n = 0
    for e in events:
        if e.type == "attachment.added":
            attached.append(e)
        line = e.wire_line()  # == canonical_json(e.to_wire()), without re-encoding payloads
        lines.append(line)
        r = origins.setdefault(e.origin, [e.seq, e.seq])
        r[0], r[1] = min(r[0], e.seq), max(r[1], e.seq)
        n += 1
    body = ("\n".join(lines) + ("\n" if lines else "")).encode("utf-8")
    h.update(body)  # (the checksum is over the lines as they are read back, unpacked)
    manifest = {
        "format": FORMATS[fmt - 1], "world": store.world, "exported_by": store.node_id,
        "exported_at": datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "incremental": since_heads is not None, "events": n,
        "origins": {o: {"from": a, "to": b} for o, (a, b) in sorted(origins.items())},
        "sha256": h.hexdigest(),
    }
    tmp = out.with_name(out.name + ".part")
    with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=1) as z:
        live = {str(a.get("sha256")) for a in store.attachments()}  # (not the withdrawn)
        manifest["blobs"] = write_blobs(z, store, named_by(attached) & live)
        z.writestr("manifest.json", json.dumps(manifest, indent=1, ensure_ascii=False))
        roster = store.roster_document()
        if roster is not None:  # signed entry by entry: the receiver checks its pinned root
            z.writestr(ROSTER_JSON, json.dumps(roster, ensure_ascii=False))
        if fmt == 1:
            z.writestr(EVENTS_PLAIN, body)
        else:
            z.writestr(EVENTS_ZST, zstd_bytes(body), compress_type=zipfile.ZIP_STORED)
    with open(tmp, "rb") as f:
        os.fsync(f.fileno())
    os.replace(tmp, out)
    return ExportResult(out, n, {o: (a, b) for o, (a, b) in origins.items()})


def _read_verified(path: str | os.PathLike[str], world: str | None = None,
                   on_slice: Callable[[list[bytes]], None] | None = None,
                   ) -> tuple[dict[str, Any], list[bytes]]:
    """Open a bundle and check manifest, world (when given), checksum and count; returns
    (manifest, the event lines). Raises BundleError if damaged or of another world.

    The events are read in pieces; ``on_slice`` gets each :data:`IMPORT_SLICE` lines as soon
    as they are read (to be read ahead), before the checksum is known: nothing may be offered
    to a store until this returns."""
    p = Path(path)
    if not p.exists():
        raise BundleError(_("{p} bestaat niet").format(p=p))
    h = hashlib.sha256()
    lines: list[bytes] = []
    given = 0
    try:
        with zipfile.ZipFile(p) as z:
            with z.open("manifest.json") as mf:
                text = mf.read(MAX_MANIFEST + 1)
            if len(text) > MAX_MANIFEST:
                raise BundleError(_("{p}: manifest.json is groter dan {value} MiB: "
                                    "geen echte bundel").format(p=p, value=MAX_MANIFEST >> 20))
            manifest = load_one(text)
            names = set(z.namelist())
            member = EVENTS_ZST if EVENTS_ZST in names else EVENTS_PLAIN
            info = z.getinfo(member)  # (KeyError: not a whole bundle)
            if not isinstance(manifest, dict) or manifest.get("format") not in FORMATS:
                raise BundleError(_("{p} is geen Crisisbeeld-bundel (onbekend formaat)").format(
                                      p=p))
            if world is not None and manifest.get("world") != world:
                raise BundleError(
                    _("deze bundel hoort bij wereld {world}, deze store bij {world2}; "
                      "oefen- en echte gegevens worden nooit gemengd").format(
                        world=manifest.get('world'), world2=world))
            declared = _check_manifest(p, manifest)
            most = min(MAX_UNPACKED, MAX_RATIO * info.compress_size + (64 << 20))
            # Read in pieces, split on "\n" only (str.splitlines() also splits on U+2028,
            # U+0085 and the like, which canonical JSON leaves in texts). A line is kept as
            # pieces until its end (no quadratic re-joining); one beyond MAX_LINE_BYTES is
            # dropped to its end and kept as the marker TOO_LONG, refused on its own.
            pending: list[bytes] = []
            plen = 0
            skipping = False
            newlines = 0
            with z.open(member) as raw, (zstd.ZstdFile(raw) if member == EVENTS_ZST
                                         else nullcontext(raw)) as f:
                size = 0
                while chunk := f.read(_READ_PIECE):
                    size += len(chunk)
                    if size > most:
                        raise BundleError(_("{p} pakt uit tot meer dan {value} MiB: "
                                            "geen echte bundel").format(p=p, value=most >> 20))
                    h.update(chunk)
                    newlines += chunk.count(b"\n")
                    if newlines > declared + 1:
                        raise BundleError(_("{p} is beschadigd: meer regels dan de "
                                            "{declared} gebeurtenissen die het "
                                            "manifest noemt").format(p=p, declared=declared))
                    if newlines > size // MIN_AVG_LINE + 1:
                        raise BundleError(_("{p} is beschadigd: de regels zijn te kort "
                                            "voor gebeurtenissen").format(p=p))
                    parts = chunk.split(b"\n")
                    tail = parts.pop()
                    if parts:
                        if skipping or plen + len(parts[0]) > MAX_LINE_BYTES:
                            parts[0] = TOO_LONG
                        elif pending:
                            pending.append(parts[0])
                            parts[0] = b"".join(pending)
                        pending, plen, skipping = [], 0, False
                        lines.extend(line for line in parts if line)
                    if tail:
                        if skipping or plen + len(tail) > MAX_LINE_BYTES:
                            pending, plen, skipping = [], 0, True
                        else:
                            pending.append(tail)
                            plen += len(tail)
                    while on_slice is not None and len(lines) - given >= IMPORT_SLICE:
                        on_slice(lines[given:given + IMPORT_SLICE])
                        given += IMPORT_SLICE
            if skipping:
                lines.append(TOO_LONG)
            elif pending:
                lines.append(b"".join(pending))
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, EOFError, zlib.error,
            zstd.ZstdError, NotImplementedError, RuntimeError) as e:
        # a damaged stick gives any of these (bad CRC, broken deflate stream, cut-off file)
        raise BundleError(_("{p} is geen leesbare Crisisbeeld-bundel: {why}").format(
            p=p, why=damage_words(e))) from None
    if h.hexdigest() != manifest.get("sha256"):
        raise BundleError(_("{p} is beschadigd: de controlesom klopt niet").format(p=p))
    if len(lines) != manifest.get("events"):
        raise BundleError(_("{p} is onvolledig: {n} van {events} gebeurtenissen").format(
                              p=p, n=len(lines), events=manifest.get('events')))
    return manifest, lines


def _learn_roster(store: Store, path: str | os.PathLike[str]) -> None:
    """Take in the bundle's roster (``roster.json``, when there is one) before its events: a
    centre on it is then known here. One not signed by the root this store pinned refuses the
    whole bundle, changing nothing."""
    try:
        with zipfile.ZipFile(path) as z:
            if ROSTER_JSON not in z.namelist():
                return
            with z.open(ROSTER_JSON) as f:
                text = f.read(ROSTER_MAX + 1)
        if len(text) > ROSTER_MAX:
            raise BundleError(_("{path}: {ROSTER_JSON} is groter dan {value} MiB").format(
                                  path=path, ROSTER_JSON=ROSTER_JSON, value=ROSTER_MAX >> 20))
        store.learn_roster(load_one(text))
    except RosterError as e:
        raise BundleError(_("{path}: rooster geweigerd: {e}; niets ingelezen").format(
                              path=path, e=e)) from None
    except (zipfile.BadZipFile, ValueError, OSError, zlib.error, RuntimeError) as e:
        raise BundleError(_("{path}: het rooster in de bundel is onleesbaar: {why}").format(
                              path=path, why=damage_words(e))) from None


def _check_manifest(p: Path, manifest: dict[str, Any]) -> int:
    """The manifest's event count, after checking its form: a count, and for each origin a
    range ``from`` <= ``to`` of seqs (each event is held to its origin's: :func:`_outside`).
    (Lines that are no event at all have no origin: they count, and are refused one by one.)"""
    n = manifest.get("events")
    origins = manifest.get("origins", {})
    if type(n) is not int or n < 0 or not isinstance(origins, dict):
        raise BundleError(_("{p} is beschadigd: het manifest noemt geen geldig aantal "
                            "gebeurtenissen of herkomsten").format(p=p))
    for o, r in origins.items():
        lo = r.get("from") if isinstance(r, dict) else None
        hi = r.get("to") if isinstance(r, dict) else None
        if type(lo) is not int or type(hi) is not int or not 0 <= lo <= hi <= MAX_CURSOR:
            raise BundleError(_("{p} is beschadigd: het manifest noemt voor {o} een "
                                "ongeldig bereik").format(p=p, o=o))
    return n


def _outside(part: Prepared, ranges: dict[str, tuple[int, int]]) -> None:
    """Refuse, one by one, the events of ``part`` outside the range the manifest names for
    their origin. The check itself runs in C (a sort) unless one is outside."""
    evs = part.events
    pairs = sorted(zip([e.origin for e in evs], [e.seq for e in evs]))
    hi = dict(pairs)
    lo = dict(reversed(pairs))
    if all(o in ranges and ranges[o][0] <= lo[o] and hi[o] <= ranges[o][1] for o in hi):
        return
    for k, e in enumerate(evs):
        r = ranges.get(e.origin)
        if r is None or not r[0] <= e.seq <= r[1]:
            span = f"{r[0]}-{r[1]}" if r else _("niet genoemd")
            part.reasons[k] = _("valt buiten wat het manifest van de bundel noemt ({origin} "
                                "{range})").format(origin=e.origin, range=span)


def read_bundle(path: str | os.PathLike[str]) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """Open and verify a bundle; returns (manifest, events). Raises BundleError if damaged."""
    manifest, lines = _read_verified(path)
    try:
        with gc_paused():  # (a million small objects: see gc_paused)
            events = load_lines(lines)
    except ValueError as e:
        raise BundleError(_("{path} is beschadigd: {e}").format(path=path, e=e)) from None
    if not all(isinstance(e, dict) for e in events):
        raise BundleError(_("{path} is beschadigd: een regel is geen gebeurtenis").format(
                              path=path))
    return manifest, events


class _Slices:
    """Slices of a bundle's lines read and checked (:func:`prepare_lines`), handed out in
    order. The helper process reads ahead, from the moment a slice is read from the file;
    while the slice the store needs next is not back yet, this thread reads a later one itself
    (so both cores work, also while the helper starts up)."""

    def __init__(self, world: str) -> None:
        self.world = world
        self.slices: list[list[bytes]] = []
        self.done: dict[int, Prepared | Future[bytes]] = {}
        self.nxt = 0  # the first slice not handed out yet

    def add(self, lines: list[bytes]) -> None:
        self.slices.append(lines)
        self.feed()

    def feed(self) -> None:
        """Hand the helper what it may read ahead."""
        while self.nxt < len(self.slices) and len(self.slices[self.nxt]) >= MIN_EVENTS and \
                sum(isinstance(v, Future) for v in self.done.values()) < HELPER_AHEAD:
            fut = helper().submit(prepare_lines_packed, self.slices[self.nxt], self.world,
                                  self._first(self.nxt))
            if fut is None:
                return  # not running (yet)
            self.done[self.nxt] = fut
            self.nxt += 1

    @staticmethod
    def _first(k: int) -> int:
        """The line number in events.jsonl of slice ``k``'s first line."""
        return k * IMPORT_SLICE + 1

    def _here(self, k: int) -> None:
        self.done[k] = prepare_lines(self.slices[k], self.world, self._first(k))
        self.nxt = max(self.nxt, k + 1)

    def __iter__(self) -> Iterator[Prepared]:
        for k in range(len(self.slices)):
            while True:
                self.feed()
                item = self.done.get(k)
                if item is None:
                    self._here(k)
                elif isinstance(item, Future) and not item.done() \
                        and self.nxt < len(self.slices) and self.nxt - k <= HELPER_AHEAD + 1:
                    self._here(self.nxt)  # waiting would leave this core idle
                else:
                    break
            item = self.done.pop(k)
            if isinstance(item, Future):
                try:
                    item, _ = Prepared.from_bytes(item.result())
                except LOST:  # the helper died: read the slice here
                    helper().forget()
                    item = prepare_lines(self.slices[k], self.world, self._first(k))
            yield item

    def drop(self) -> None:
        for v in self.done.values():
            if isinstance(v, Future):
                v.cancel()
        self.done.clear()


def import_bundle(store: Store, path: str | os.PathLike[str]) -> IngestResult:
    """Verify a bundle and offer its events to the store (idempotent).

    Manifest, checksum and count are checked before one event is offered. The events go in
    slices in the bundle's order (each origin's chain in order, so no slice waits on a later
    one), one transaction each; while the store takes in one slice, the helper process reads
    and checks the next ones (:mod:`data.sync.helper`). A line that is not an event, in a
    bundle whose checksum is right, was written so by its maker: it is refused on its own, as
    any event whose signature does not hold."""
    try:
        if os.path.getsize(path) >= MIN_BYTES:  # worth a helper (about 7,000 events or more)
            helper().start()  # warms up while the file is read
    except OSError:
        pass  # (said below, as a BundleError)
    with gc_paused():  # the decoded bundle is a million small objects: see gc_paused
        return _import(store, path)


def _import(store: Store, path: str | os.PathLike[str]) -> IngestResult:
    reader = _Slices(store.world)
    try:
        manifest, lines = _read_verified(path, store.world, reader.add)
    except BaseException:
        reader.drop()
        raise
    try:
        blobs = check_blobs(path, manifest)  # every file checked before any event goes in
        _learn_roster(store, path)
    except BlobBundleError as e:
        reader.drop()
        raise BundleError(f"{path}: {e}; niets ingelezen") from None
    except BaseException:
        reader.drop()
        raise
    done = len(reader.slices) * IMPORT_SLICE
    if done < len(lines):
        reader.add(lines[done:])
    store_blobs(store, path, blobs)  # (checked above; the bytes before the events naming them)
    res = IngestResult()
    ranges = {o: (r["from"], r["to"]) for o, r in manifest.get("origins", {}).items()}
    try:
        for part in reader:
            _outside(part, ranges)
            got = store.ingest(part)
            res.accepted += got.accepted
            res.duplicates += got.duplicates
            res.rejected += got.rejected
            res.changes.merge(got.changes)
    finally:
        reader.drop()  # (after an error: the slices read ahead are not needed)
    # a withdrawal in the bundle, or an older bundle with a file withdrawn since: not kept
    store.purge_withdrawn()
    return res
