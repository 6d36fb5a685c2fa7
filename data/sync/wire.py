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

from data.bulk import gc_paused
from data.store.envelope import orjson_exact
from data.store.prepare import Prepared, prepare

try:  # Zstandard: in the standard library from Python 3.14, the same module backported before
    from compression import zstd  # type: ignore[import-not-found]
except ImportError:  # pragma: no cover - depends on the Python version
    from backports import zstd  # type: ignore[import-not-found,no-redef]

PROTOCOL = 1
API_PREFIX = "/v1"

#: Limits of one push request (the hub answers 413 beyond them).
MAX_BODY_BYTES = 32 * 1024 * 1024          # compressed request body
MAX_INFLATED_BYTES = 256 * 1024 * 1024     # after gunzip
MAX_BATCH_EVENTS = 20_000                  # events in one push
MAX_PULL_LIMIT = 20_000                    # events in one pull page

#: Headers of a pull page that repeat its ``next`` and ``more``, so that a client can ask for
#: the following page before this one is read.
NEXT_HEADER = "X-Crisisbeeld-Next"
MORE_HEADER = "X-Crisisbeeld-More"

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


def prepare_lines(lines: Sequence[bytes], world: str, first: int = 1) -> Prepared:
    """:func:`prepare` of NDJSON lines (a bundle's); a line that is not JSON is refused as
    unreadable, with its line number (``first`` is the number of the first line given)."""
    try:
        return prepare(load_lines(lines), world)
    except ValueError:
        pass
    items: list[Any] = []
    bad: list[tuple[str, str]] = []
    for k, line in enumerate(lines, first):
        try:
            items.append(json.loads(line))
        except ValueError as e:
            bad.append(("?", f"onleesbare gebeurtenis: regel {k} is geen JSON ({e})"))
    out = prepare(items, world)
    out.unreadable[:0] = bad
    return out


def prepare_page(body: bytes, world: str) -> tuple[Prepared, dict[str, Any]]:
    """:func:`prepare` of a hub's pull page; returns the batch and the page without its
    events (``next``, ``more``). Raises ValueError when the body is not a page."""
    page = load_page(body)
    if not isinstance(page, dict) or not isinstance(page.get("events", []), list):
        raise ValueError("antwoord is geen pagina met gebeurtenissen")
    events = page.pop("events", [])
    return prepare(events, world), page


def prepare_lines_packed(lines: Sequence[bytes], world: str, first: int = 1) -> bytes:
    """:func:`prepare_lines` for the helper process: the batch as
    :meth:`Prepared.to_bytes` (read back with :meth:`Prepared.from_bytes`)."""
    with gc_paused():  # tens of thousands of small acyclic objects: see gc_paused
        return prepare_lines(lines, world, first).to_bytes()


def prepare_page_packed(body: bytes, world: str) -> bytes:
    """:func:`prepare_page` for the helper process: batch and page as
    :meth:`Prepared.to_bytes` (read back with :meth:`Prepared.from_bytes`)."""
    with gc_paused():
        prep, page = prepare_page(body, world)
        return prep.to_bytes(page)


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


#: Content encodings this side reads and writes, best first. Zstandard at level 1 packs a pull
#: page of 20k events (14 MB) five times faster than gzip at level 1, and smaller (3.1 against
#: 4.1 MB); gzip stays for any client or hub that does not offer zstd.
ENCODINGS = ("zstd", "gzip")


def zstd_bytes(data: bytes, level: int = 1) -> bytes:
    return bytes(zstd.compress(data, level=level))


def accepted_encodings(header: str) -> set[str]:
    """The codings an ``Accept-Encoding`` header allows (those with ``q=0`` left out)."""
    out = set()
    for part in header.lower().split(","):
        name, _, params = part.partition(";")
        q = params.replace(" ", "")
        if q.startswith("q=") and q[2:].rstrip("0").rstrip(".") in ("0", ""):
            continue
        if name.strip():
            out.add(name.strip())
    return out


def encode_body(data: bytes, accept_encoding: str, min_size: int = 4096) -> tuple[bytes, str]:
    """A response body compressed the best way the reader accepts: (bytes, Content-Encoding,
    '' when sent as it is: small, or nothing known accepted)."""
    if len(data) <= min_size:
        return data, ""
    ok = accepted_encodings(accept_encoding)
    if "zstd" in ok:
        return zstd_bytes(data), "zstd"
    if "gzip" in ok:
        return gzip_bytes(data), "gzip"
    return data, ""


class InflateError(ValueError):
    """A body that is not valid gzip, or inflates beyond the limit (``too_large``)."""

    def __init__(self, message: str, too_large: bool = False) -> None:
        super().__init__(message)
        self.too_large = too_large


def inflate_limited(data: bytes, encoding: str, limit: int = MAX_INFLATED_BYTES) -> bytes:
    """A request body as sent with ``Content-Encoding`` ``encoding`` ('' or identity: as it
    is), inflated to at most ``limit`` bytes. Raises InflateError (``too_large`` when beyond
    the limit) for a damaged body or a coding this side does not read."""
    enc = encoding.strip().lower()
    if enc in ("", "identity"):
        if len(data) > limit:
            raise InflateError(f"groter dan {limit // (1024 * 1024)} MiB", too_large=True)
        return data
    if enc in ("gzip", "x-gzip"):
        return gunzip_limited(data, limit)
    if enc == "zstd":
        return unzstd_limited(data, limit)
    raise InflateError(f"onbekende Content-Encoding '{encoding}' (wel: {', '.join(ENCODINGS)})")


def unzstd_limited(data: bytes, limit: int = MAX_INFLATED_BYTES) -> bytes:
    """Inflate one Zstandard frame, refusing more than ``limit`` bytes (a bomb stops early)."""
    d = zstd.ZstdDecompressor()
    try:
        out = d.decompress(data, max_length=limit + 1)
    except zstd.ZstdError as e:
        raise InflateError(f"geen geldige zstd ({e})") from None
    if len(out) > limit:
        raise InflateError(f"uitgepakt groter dan {limit // (1024 * 1024)} MiB", too_large=True)
    if not d.eof:
        raise InflateError("zstd is afgebroken (onvolledig verstuurd)")
    if d.unused_data:
        raise InflateError("na het zstd-frame volgen nog gegevens")
    return bytes(out)


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
