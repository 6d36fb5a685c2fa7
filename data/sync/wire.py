"""The sync protocol on the wire: constants, canonical event JSON, gzip with limits.

An event travels as its canonical JSON (sorted keys, no spaces, UTF-8 kept), exactly the text a
bundle line holds. Stores keep the payload as canonical JSON text already, so
:func:`wire_json` splices it in instead of parsing and re-serialising it: the hot path of push
(client) and pull (hub) builds each line with two C-level encoder calls.
"""

from __future__ import annotations

import json
import zlib
from collections.abc import Iterator, Sequence
from itertools import chain
from typing import Any

import orjson

from data.bulk import gc_paused
from data.i18n import _
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
#: JSON values in one push, counted while inflating as the bytes ``{``, ``[`` and ``,`` (each
#: value but the first of a container follows one of them): what the parsed batch costs in
#: memory is bounded by this, not by its bytes (250 MiB of ``{},`` would be 6 GB of dicts).
#: A real event holds 30 to 80; a batch beyond it is answered 413 and the client halves it.
MAX_BATCH_TOKENS = MAX_BATCH_EVENTS * 256
#: Nesting depth of any JSON a door reads: orjson's own limit (deeper is refused unparsed)
MAX_DEPTH = 1024
#: One bundle line (one event): longer is refused on its own, without being kept
MAX_LINE_BYTES = 4 << 20
#: The highest cursor or seq (SQLite and PostgreSQL integers are 64 bits)
MAX_CURSOR = 2**63 - 1

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


def is_loopback(host: str) -> bool:
    """True for an address only this machine reaches (127.x, ::1, localhost)."""
    import ipaddress

    h = host.strip().strip("[]").lower()
    if h == "localhost" or h.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(h).is_loopback
    except ValueError:
        return False


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
        if type(page) is dict and _exact(page.get("events", [])):
            return page
    except orjson.JSONDecodeError as e:
        if "depth" in str(e):
            raise TooDeep() from None
    except RecursionError:
        raise TooDeep() from None
    try:
        return json.loads(data)
    except RecursionError:
        raise TooDeep() from None


class TooDeep(ValueError):
    """JSON nested deeper than :data:`MAX_DEPTH` (or deeper than Python can take in)."""

    def __init__(self) -> None:
        super().__init__(_("te diep genest (hoogstens {n} niveaus)").format(n=MAX_DEPTH))


#: A bundle line longer than the limit, kept in its place (so line numbers hold) as this
#: marker; :func:`prepare_lines` refuses it on its own.
TOO_LONG = b"\x00te lang"


def load_one(line: bytes | str) -> Any:
    """``json.loads`` of one line (orjson when it reads it the same). Raises ValueError
    (:class:`TooDeep` for nesting beyond :data:`MAX_DEPTH`), never RecursionError."""
    try:
        obj = orjson.loads(line)
    except orjson.JSONDecodeError as e:
        if "depth" in str(e) or "ecursion" in str(e):
            raise TooDeep() from None
        obj = None  # orjson refuses some texts json reads (NaN, lone surrogate escapes)
    else:
        try:
            if _exact([obj]):
                return obj
        except RecursionError:
            raise TooDeep() from None
    try:
        return json.loads(line)
    except RecursionError:
        raise TooDeep() from None


def _reread_inexact(out: list[Any], lines: Sequence[bytes] | Sequence[str]) -> list[Any]:
    """``out`` (orjson's reading of ``lines``) with the items it may have read otherwise read
    again by :func:`load_one`; looked for in slices of 256, so a batch with a few pays little."""
    for i in range(0, len(out), 256):
        if not _exact(out[i:i + 256]):
            for k in range(i, min(i + 256, len(out))):
                if not _exact([out[k]]):
                    out[k] = load_one(lines[k])
    return out


def load_lines(lines: Sequence[bytes] | Sequence[str]) -> list[Any]:
    """``json.loads`` of each NDJSON line (a bundle's events): orjson for all of them when it
    reads them the same (:func:`_exact`), otherwise line by line (:func:`load_one`). Raises
    ValueError for a line that is not JSON, or nested too deep (:class:`TooDeep`)."""
    loads_ = orjson.loads
    try:
        out = [loads_(line) for line in lines]
        if _exact(out):
            return out
        # a few events hold what orjson may read otherwise (a float in a polygon): only
        # those lines are read again, with json; the rest stay as orjson read them
        return _reread_inexact(out, lines)
    except (orjson.JSONDecodeError, RecursionError):
        pass
    return [load_one(line) for line in lines]


def prepare_lines(lines: Sequence[bytes], world: str, first: int = 1) -> Prepared:
    """:func:`prepare` of NDJSON lines (a bundle's); a line that is not JSON is refused as
    unreadable, with its line number (``first`` is the number of the first line given)."""
    try:
        return prepare(load_lines(lines), world)
    except (ValueError, RecursionError):
        pass
    items: list[Any] = []
    bad: list[tuple[str, str]] = []
    for k, line in enumerate(lines, first):
        if line is TOO_LONG or line == TOO_LONG:
            bad.append(("?", _("onleesbare gebeurtenis: regel {n} is langer dan {max} MiB").format(
                n=k, max=MAX_LINE_BYTES >> 20)))
            continue
        try:
            items.append(load_one(line))
        except TooDeep as e:
            bad.append(("?", _("onleesbare gebeurtenis: regel {n} is {why}").format(n=k, why=e)))
        except ValueError as e:
            bad.append(("?", _("onleesbare gebeurtenis: regel {n} is geen JSON ({e})").format(
                n=k, e=e)))
    out = prepare(items, world)
    out.unreadable[:0] = bad
    return out


def prepare_page(body: bytes, world: str) -> tuple[Prepared, dict[str, Any]]:
    """:func:`prepare` of a hub's pull page; returns the batch and the page without its
    events (``next``, ``more``). Raises ValueError when the body is not a page."""
    page = load_page(body)
    if not isinstance(page, dict) or not isinstance(page.get("events", []), list):
        raise ValueError(_("antwoord is geen pagina met gebeurtenissen"))
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
        name, _sep, params = part.partition(";")
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
    """A body that is not valid gzip/zstd, or beyond a limit (``too_large``; ``code`` says
    which: ``te_groot`` bytes, ``te_veel`` events, ``te_complex`` JSON values)."""

    def __init__(self, message: str, too_large: bool = False, code: str = "") -> None:
        super().__init__(message)
        self.too_large = too_large
        self.code = code or ("te_groot" if too_large else "onleesbaar")


#: Bytes inflated at a time: each piece is counted before the next is made
_PIECE = 4 << 20
#: every byte but those counted while inflating ("{", "[", "," and newline): deleted by
#: bytes.translate, the fastest way to count four bytes in one C pass
_NOT_COUNTED = bytes(b for b in range(256) if b not in b"{[,\n")


def _pieces(data: bytes, enc: str) -> Iterator[bytes]:
    """The inflated body in pieces of at most :data:`_PIECE` bytes."""
    if enc in ("", "identity"):
        for k in range(0, len(data), _PIECE):
            yield data[k:k + _PIECE]
        return
    if enc in ("gzip", "x-gzip"):
        g = zlib.decompressobj(16 + zlib.MAX_WBITS)
        buf = data
        try:
            while not g.eof:
                out = g.decompress(buf, _PIECE)
                buf = g.unconsumed_tail
                if not out and not buf:
                    break
                yield out
        except zlib.error as e:
            raise InflateError(_("geen geldige gzip ({e})").format(e=e)) from None
        if not g.eof:
            raise InflateError(_("gzip is afgebroken (onvolledig verstuurd)"))
        return
    if enc == "zstd":
        z = zstd.ZstdDecompressor()
        buf = data
        try:
            while not z.eof:
                out = z.decompress(buf, max_length=_PIECE)
                buf = b""
                if not out and z.needs_input:
                    break
                yield out
        except zstd.ZstdError as e:
            raise InflateError(_("geen geldige zstd ({e})").format(e=e)) from None
        if not z.eof:
            raise InflateError(_("zstd is afgebroken (onvolledig verstuurd)"))
        if z.unused_data:
            raise InflateError(_("na het zstd-frame volgen nog gegevens"))
        return
    raise InflateError(_("onbekende Content-Encoding '{enc}' (wel: {items})").format(
                           enc=enc, items=', '.join(ENCODINGS)))


def inflate_counted(data: bytes, encoding: str, lines: bool = False,
                    limit: int = MAX_INFLATED_BYTES, events: int = MAX_BATCH_EVENTS,
                    tokens: int = MAX_BATCH_TOKENS) -> bytes:
    """A push body inflated piece by piece, counting while it inflates: bytes (at most
    ``limit``), lines (with ``lines``, NDJSON: at most ``events`` newlines) and JSON values
    (at most ``tokens`` of ``{``, ``[`` and ``,``). It stops at the first piece beyond a
    limit, so a bomb costs about one piece more than the limit, never its parse. Raises
    InflateError (``too_large``, ``code``) for a damaged body or one beyond a limit."""
    out: list[bytes] = []
    size = nl = toks = 0
    for piece in _pieces(data, encoding.strip().lower()):
        size += len(piece)
        if size > limit:
            raise InflateError(_("uitgepakt groter dan {n} MiB").format(n=limit >> 20),
                               too_large=True)
        marks = piece.translate(None, _NOT_COUNTED)
        n = marks.count(b"\n")
        toks += len(marks) - n
        if lines:
            nl += n
            if nl > events:
                raise InflateError(_("meer dan {events} regels (gebeurtenissen)").format(
                                       events=events),
                                   too_large=True, code="te_veel")
        if toks > tokens:
            raise InflateError(_("meer dan {tokens} JSON-waarden; stuur minder "
                                 "gebeurtenissen per batch").format(tokens=tokens),
                               too_large=True, code="te_complex")
        out.append(piece)
    return b"" if not out else out[0] if len(out) == 1 else b"".join(out)


def inflate_limited(data: bytes, encoding: str, limit: int = MAX_INFLATED_BYTES) -> bytes:
    """A request body as sent with ``Content-Encoding`` ``encoding`` ('' or identity: as it
    is), inflated to at most ``limit`` bytes. Raises InflateError (``too_large`` when beyond
    the limit) for a damaged body or a coding this side does not read."""
    return inflate_counted(data, encoding, limit=limit, tokens=2**62)


def unzstd_limited(data: bytes, limit: int = MAX_INFLATED_BYTES) -> bytes:
    """Inflate one Zstandard frame, refusing more than ``limit`` bytes (a bomb stops early)."""
    return inflate_counted(data, "zstd", limit=limit, tokens=2**62)


def gunzip_limited(data: bytes, limit: int = MAX_INFLATED_BYTES) -> bytes:
    """Inflate a gzip body, refusing more than ``limit`` bytes (a zip bomb stops early)."""
    return inflate_counted(data, "gzip", limit=limit, tokens=2**62)
