"""Bundles: events plus a manifest in one file, for carrying a picture on a USB stick.

A bundle is a ZIP file with ``manifest.json`` and ``events.jsonl`` (one event per line, in the
exporting store's arrival order, so every origin's chain is in order). The manifest names the
world, the origins with their seq ranges, the counts and the SHA-256 of ``events.jsonl``.
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
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Iterable

from data.store import IngestResult, Store
from data.store.envelope import Event
from data.store.store import gc_paused
from data.sync.wire import load_lines

FORMAT = "crisisbeeld-bundle/1"
STATE_FORMAT = "crisisbeeld-state/1"
IMPORT_SLICE = 100_000


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
    except (OSError, ValueError) as e:
        raise BundleError(f"statusbestand {path} is onleesbaar: {e}") from None
    if not isinstance(doc, dict) or doc.get("format") != STATE_FORMAT:
        raise BundleError(f"{path} is geen Crisisbeeld-statusbestand")
    if doc.get("world") != world:
        raise BundleError(f"statusbestand is van wereld {doc.get('world')}, deze store is {world}")
    heads = doc.get("heads")
    if not isinstance(heads, dict) or not all(isinstance(v, int) for v in heads.values()):
        raise BundleError(f"{path}: 'heads' is beschadigd")
    return heads


def export_bundle(store: Store, out: str | os.PathLike[str],
                  since_heads: dict[str, int] | None = None) -> ExportResult:
    """Write all events (or only those missing from ``since_heads``) to a bundle file.

    Written to a temporary name and renamed, so a stick pulled out mid-write leaves no
    half-bundle under the real name."""
    out = Path(out)
    events: Iterable[Event] = (
        store.iter_events(parse_payload=False) if since_heads is None
        else store.events_missing_for(since_heads, parse_payload=False)
    )
    origins: dict[str, list[int]] = {}
    h = hashlib.sha256()
    lines: list[str] = []
    n = 0
    for e in events:
        line = e.wire_line()  # == canonical_json(e.to_wire()), without re-encoding payloads
        lines.append(line)
        h.update(line.encode("utf-8"))
        h.update(b"\n")
        r = origins.setdefault(e.origin, [e.seq, e.seq])
        r[0], r[1] = min(r[0], e.seq), max(r[1], e.seq)
        n += 1
    body = "\n".join(lines) + ("\n" if lines else "")
    manifest = {
        "format": FORMAT, "world": store.world, "exported_by": store.node_id,
        "exported_at": datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "incremental": since_heads is not None, "events": n,
        "origins": {o: {"from": a, "to": b} for o, (a, b) in sorted(origins.items())},
        "sha256": h.hexdigest(),
    }
    tmp = out.with_name(out.name + ".part")
    with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=1) as z:
        z.writestr("manifest.json", json.dumps(manifest, indent=1, ensure_ascii=False))
        z.writestr("events.jsonl", body)
    with open(tmp, "rb") as f:
        os.fsync(f.fileno())
    os.replace(tmp, out)
    return ExportResult(out, n, {o: (a, b) for o, (a, b) in origins.items()})


def read_bundle(path: str | os.PathLike[str]) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """Open and verify a bundle; returns (manifest, events). Raises BundleError if damaged."""
    p = Path(path)
    if not p.exists():
        raise BundleError(f"{p} bestaat niet")
    try:
        with zipfile.ZipFile(p) as z:
            manifest = json.loads(z.read("manifest.json"))
            body = z.read("events.jsonl")
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, EOFError, zlib.error,
            NotImplementedError, RuntimeError) as e:
        # a damaged stick gives any of these (bad CRC, broken deflate stream, cut-off file)
        raise BundleError(f"{p} is geen leesbare Crisisbeeld-bundel ({e})") from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise BundleError(f"{p} is geen Crisisbeeld-bundel (onbekend formaat)")
    if hashlib.sha256(body).hexdigest() != manifest.get("sha256"):
        raise BundleError(f"{p} is beschadigd: de controlesom klopt niet")
    try:
        # split on "\n" only: str.splitlines() also splits on U+2028, U+0085 and the like,
        # which canonical JSON (ensure_ascii=False) leaves unescaped inside texts
        with gc_paused():  # (a million small objects: see gc_paused)
            events = load_lines([line for line in body.split(b"\n") if line])
    except (UnicodeDecodeError, ValueError) as e:
        raise BundleError(f"{p} is beschadigd: {e}") from None
    if not all(isinstance(e, dict) for e in events):
        raise BundleError(f"{p} is beschadigd: een regel is geen gebeurtenis")
    if len(events) != manifest.get("events"):
        raise BundleError(f"{p} is onvolledig: {len(events)} van {manifest.get('events')} "
                          "gebeurtenissen")
    return manifest, events


def import_bundle(store: Store, path: str | os.PathLike[str]) -> IngestResult:
    """Verify a bundle and offer its events to the store (idempotent)."""
    with gc_paused():  # the decoded bundle is a million small objects: see gc_paused
        return _import(store, path)


def _import(store: Store, path: str | os.PathLike[str]) -> IngestResult:
    manifest, events = read_bundle(path)
    if manifest.get("world") != store.world:
        raise BundleError(
            f"deze bundel hoort bij wereld {manifest.get('world')}, deze store bij {store.world}; "
            "oefen- en echte gegevens worden nooit gemengd")
    # In slices, in the bundle's order (each origin's chain in order, so no slice waits on a
    # later one): smaller transactions, and the store's caches stay small on a big bundle.
    res = IngestResult()
    for i in range(0, len(events), IMPORT_SLICE):
        part = store.ingest(events[i:i + IMPORT_SLICE])
        res.accepted += part.accepted
        res.duplicates += part.duplicates
        res.rejected += part.rejected
        res.changes.merge(part.changes)
    return res
