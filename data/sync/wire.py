"""The sync protocol on the wire: constants, canonical event JSON, gzip with limits.

An event travels as its canonical JSON (sorted keys, no spaces, UTF-8 kept), exactly the text a
bundle line holds. Stores keep the payload as canonical JSON text already, so
:func:`wire_json` splices it in instead of parsing and re-serialising it: the hot path of push
(client) and pull (hub) builds each line with two C-level encoder calls.
"""

from __future__ import annotations

import json
import zlib
from collections.abc import Sequence
from itertools import chain
from typing import Any

import orjson

from data.store.envelope import orjson_exact

PROTOCOL = 1
API_PREFIX = "/v1"

#: Limits of one push request (the hub answers 413 beyond them).
MAX_BODY_BYTES = 32 * 1024 * 1024          # compressed request body
MAX_INFLATED_BYTES = 256 * 1024 * 1024     # after gunzip
MAX_BATCH_EVENTS = 20_000                  # events in one push
MAX_PULL_LIMIT = 20_000                    # events in one pull page

#: Columns a store or hub row must supply to :func:`wire_row`, in this order.
ROW_COLS = ("id", "world", "origin", "seq", "hlc", "occurred_at", "recorded_at", "author", "type",
            "entity", "payload", "prev", "sig")

#: SQL (SQLite JSON1) that renders a store's event row as its wire line, in C: three times faster
#: than :func:`wire_row`, and the same text (the payload column is canonical JSON already; the
#: hub recomputes the canonical payload from the parsed values in any case, so the signature
#: check does not depend on this formatting). See tests/data/sync/test_wire.py.
SQL_WIRE_LINE = (
    "json_object('author', author, 'entity', entity, 'hlc', hlc, 'id', id, "
    "'occurred_at', occurred_at, 'origin', origin, 'payload', json(payload), 'prev', prev, "
    "'recorded_at', recorded_at, 'seq', seq, 'sig', sig, 'type', type, 'world', world)"
)

_enc = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode


def wire_json(id_: str, world: str, origin: str, seq: int, hlc: str, occurred_at: str,
              recorded_at: str, author: str, type_: str, entity: str, payload_json: str,
              prev: str, sig: str) -> str:
    """Canonical JSON of an event whose payload is already canonical JSON text.

    Equal to ``canonical_json(event.to_wire())``; keys in sorted order."""
    head = _enc({"author": author, "entity": entity, "hlc": hlc, "id": id_,
                 "occurred_at": occurred_at, "origin": origin})
    tail = _enc({"prev": prev, "recorded_at": recorded_at, "seq": seq, "sig": sig,
                 "type": type_, "world": world})
    return head[:-1] + ',"payload":' + payload_json + "," + tail[1:]


def wire_row(r: Sequence[Any]) -> str:
    """:func:`wire_json` of a row with the columns :data:`ROW_COLS`."""
    return wire_json(r[0], r[1], r[2], int(r[3]), r[4], r[5], r[6], r[7], r[8], r[9], r[10],
                     r[11], r[12])


_SIMPLE = frozenset({str, int, bool, type(None)})
_SIMPLE_OR_LIST = _SIMPLE | {list}


def _exact(events: Any) -> bool:
    """True when orjson read these events as json would. orjson differs only on numbers (an
    integer beyond 64 bits becomes a float; floats are written otherwise), and in an event the
    only numbers are ``seq`` and what the payload holds: so only those are looked at, the
    payload values of all events in one pass where they are flat (as most are)."""
    if type(events) is not list or not all(type(ev) is dict for ev in events):
        return False
    if float in set(type(ev.get("seq")) for ev in events):
        return False
    payloads = [ev.get("payload") for ev in events]
    if not all(type(p) is dict for p in payloads):
        payloads = [p for p in payloads if type(p) is dict]  # others are refused later
    values = list(chain.from_iterable(map(dict.values, payloads)))
    types = set(map(type, values))
    if types <= _SIMPLE:
        return True
    if types <= _SIMPLE_OR_LIST:  # lists of texts (regions, teams): one pass over them all
        lists = [v for v in values if type(v) is list]
        if set(map(type, chain.from_iterable(lists))) <= _SIMPLE:
            return True
    return all(orjson_exact(p) for p in payloads)


def load_page(data: bytes) -> Any:
    """``json.loads`` of a pull page (``{"events": [...], ...}``), with orjson when that reads
    it the same (:func:`_exact`); json reads the rest, and whatever orjson refuses."""
    try:
        page = orjson.loads(data)
    except orjson.JSONDecodeError:
        return json.loads(data)
    if type(page) is dict and _exact(page.get("events", [])):
        return page
    return json.loads(data)


def load_lines(lines: Sequence[bytes] | Sequence[str]) -> list[Any]:
    """``json.loads`` of each NDJSON line (a bundle's events): orjson for all of them when it
    reads them the same (:func:`_exact`), otherwise line by line."""
    loads_ = orjson.loads
    try:
        out = [loads_(line) for line in lines]
    except orjson.JSONDecodeError:
        out = None
    if out is not None and _exact(out):
        return out
    objs: list[Any] = []
    for line in lines:
        try:
            obj = loads_(line)
        except orjson.JSONDecodeError:
            obj = json.loads(line)
        else:
            if not _exact([obj]):
                obj = json.loads(line)
        objs.append(obj)
    return objs


def batch_body(lines: Sequence[str]) -> bytes:
    """The JSON body of a push: ``{"events": [...]}``."""
    return ('{"events":[' + ",".join(lines) + "]}").encode("utf-8")


def ndjson_body(lines: Sequence[str]) -> bytes:
    """The NDJSON body of a push: one canonical event per line."""
    return ("\n".join(lines) + "\n").encode("utf-8")


def gzip_bytes(data: bytes, level: int = 1) -> bytes:
    """gzip with a fast level: on a LAN the CPU, not the wire, is the limit."""
    c = zlib.compressobj(level, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    return c.compress(data) + c.flush()


class InflateError(ValueError):
    """A body that is not valid gzip, or inflates beyond the limit (``too_large``)."""

    def __init__(self, message: str, too_large: bool = False) -> None:
        super().__init__(message)
        self.too_large = too_large


def gunzip_limited(data: bytes, limit: int = MAX_INFLATED_BYTES) -> bytes:
    """Inflate a gzip body, refusing more than ``limit`` bytes (a zip bomb stops early)."""
    d = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        out = d.decompress(data, limit + 1)
    except zlib.error as e:
        raise InflateError(f"geen geldige gzip ({e})") from None
    if len(out) > limit or d.unconsumed_tail:
        raise InflateError(f"uitgepakt groter dan {limit // (1024 * 1024)} MiB", too_large=True)
    if not d.eof:
        raise InflateError("gzip is afgebroken (onvolledig verstuurd)")
    return out
