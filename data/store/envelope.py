"""The event envelope: identity, ordering key, hashing and Ed25519 signatures.

Every event is hashed over its canonical envelope (without ``sig``); the origin signs that hash.
``prev`` is the hash of the origin's previous event, so the events of one origin form a chain:
a valid signature on the newest event of a contiguous run vouches for every event in that run.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from dataclasses import dataclass, field
from itertools import chain
from operator import itemgetter
from typing import Any

import orjson
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from data.i18n import _

GENESIS = "0" * 64

#: Envelope fields that travel between centres, in canonical order.
WIRE_FIELDS = (
    "id", "world", "origin", "seq", "hlc", "occurred_at", "recorded_at", "author", "type",
    "entity", "payload", "prev", "sig",
)


_CANONICAL = json.JSONEncoder(sort_keys=True, separators=(",", ":"), ensure_ascii=False)
#: Encodes like :func:`canonical_json` (one encoder made once: json.dumps builds one per call).
canonical_encode = _CANONICAL.encode

_TEXT_FIELDS = tuple(f for f in WIRE_FIELDS if f not in ("seq", "payload"))
#: a wire dict's values in WIRE_FIELDS order (KeyError when one is missing)
_wire_values = itemgetter(*WIRE_FIELDS)
_only_str = frozenset({str}).issuperset
_sha256 = hashlib.sha256
#: JSON string encoding exactly as the canonical encoder does it (ensure_ascii=False)
_encode_str = json.encoder.encode_basestring  # type: ignore[attr-defined]


_ORJSON_DUMPS = orjson.dumps
_ORJSON_LOADS = orjson.loads
_SORT = orjson.OPT_SORT_KEYS
_PLAIN = frozenset({str, int, bool, type(None)})
_CONTAINERS = frozenset({dict, list})
_PLAIN_OR_CONTAINER = _PLAIN | _CONTAINERS
_DICT_ONLY = frozenset({dict})
_all_plain = _PLAIN.issuperset
_dict_values = dict.values
_chain = chain.from_iterable


def _plain(obj: dict[Any, Any] | list[Any]) -> bool:
    """True when ``obj`` holds only dicts, lists, str, int, bool and None (exact types): the
    values that orjson and json spell byte for byte the same (floats are not among them:
    orjson writes 1e-07 as 1e-7; integers beyond 64 bits and non-text keys make orjson raise).
    Counts types at C speed and only descends into the containers; a list of records (a
    history) is checked in one pass over all their values."""
    vals = obj.values() if type(obj) is dict else obj
    if _all_plain(map(type, vals)):  # the usual case, answered without building a set
        return True
    types = set(map(type, vals))
    if not types <= _PLAIN_OR_CONTAINER:
        return False
    for v in vals:
        t = type(v)
        if t is list:
            if not v:
                continue
            ts = set(map(type, v))
            if ts <= _PLAIN:
                continue
            if ts == _DICT_ONLY and set(map(type, _chain(map(_dict_values, v)))) <= _PLAIN:
                continue
            if not _plain(v):
                return False
        elif t is dict and v and not _plain(v):
            return False
    return True


#: Public name of :func:`_plain` for other doors that read JSON with orjson (data.sync.wire).
orjson_exact = _plain


def canonical_json(obj: Any) -> str:
    """Deterministic JSON: sorted keys, no spaces, UTF-8 kept.

    The text is exactly that of ``json`` with ``sort_keys=True, separators=(",", ":"),
    ensure_ascii=False`` (the hash of every event covers it; tests/data/test_canonical.py checks
    it on payloads and states). orjson makes it ten times faster for dicts and lists of plain
    values (see :func:`_plain`); anything else (floats, subclasses such as enums, datetimes)
    goes to the json encoder, as does what orjson refuses (integers beyond 64 bits, non-text
    keys). Lone surrogates are refused by both (they cannot be UTF-8)."""
    t = type(obj)
    if (t is dict or t is list) and _plain(obj):
        try:
            return _ORJSON_DUMPS(obj, option=_SORT).decode()
        except TypeError:
            pass
    return _CANONICAL.encode(obj)


def loads(text: str) -> Any:
    """``json.loads`` for text this store wrote (canonical JSON), faster: orjson, unless the
    result holds a float (orjson decodes integers beyond 64 bits as floats) or orjson refuses
    the text (lone surrogate escapes, NaN: json accepts those); then json decodes it."""
    try:
        out = _ORJSON_LOADS(text)
    except orjson.JSONDecodeError:
        return json.loads(text)
    t = type(out)
    if (t is dict or t is list) and _plain(out):
        return out
    return json.loads(text)


def uuid7() -> str:
    """A UUIDv7 as a string: time-sortable, made without coordination."""
    ms = time.time_ns() // 1_000_000
    rnd = int.from_bytes(os.urandom(10), "big")
    value = (ms & ((1 << 48) - 1)) << 80
    value |= 0x7 << 76
    value |= ((rnd >> 62) & 0xFFF) << 64
    value |= 0b10 << 62
    value |= rnd & ((1 << 62) - 1)
    h = f"{value:032x}"
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


@dataclass(slots=True)
class Event:
    """One event. ``payload_json`` is the canonical JSON text that the hash covers."""

    id: str
    world: str
    origin: str
    seq: int
    hlc: str
    occurred_at: str
    recorded_at: str
    author: str
    type: str
    entity: str
    payload_json: str
    prev: str
    sig: str = ""
    payload: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)

    @property
    def key(self) -> tuple[str, str, str]:
        """The total order of the fold: (hlc, origin, id)."""
        return (self.hlc, self.origin, self.id)

    def digest(self) -> str:
        """SHA-256 over the canonical envelope without the signature."""
        return _sha256("\x1f".join(
            (self.id, self.world, self.origin, str(self.seq), self.hlc, self.occurred_at,
             self.recorded_at, self.author, self.type, self.entity, self.payload_json, self.prev)
        ).encode()).hexdigest()

    def to_wire(self, from_json: bool = False) -> dict[str, Any]:
        """The envelope as a JSON-able dict (payload as an object; ``from_json`` takes it from
        the hashed ``payload_json`` even when a payload dict is present)."""
        return {
            "id": self.id, "world": self.world, "origin": self.origin, "seq": self.seq,
            "hlc": self.hlc, "occurred_at": self.occurred_at, "recorded_at": self.recorded_at,
            "author": self.author, "type": self.type, "entity": self.entity,
            "payload": (self.payload if self.payload and not from_json
                        else loads(self.payload_json)),
            "prev": self.prev, "sig": self.sig,
        }

    @classmethod
    def from_wire(cls, d: dict[str, Any], payload_json: str | None = None) -> "Event":
        """Build an event from a received dict; raises ValueError with a reason if malformed.

        ``payload_json``: the payload's canonical text when the caller already has it (an
        Event being checked again), so it is not encoded a second time."""
        if type(d) is not dict and not isinstance(d, dict):
            raise ValueError(_("gebeurtenis is geen object"))
        try:
            (id_, world, origin, seq, hlc, occ, rec, author, typ, entity, payload, prev,
             sig) = _wire_values(d)
        except KeyError:
            missing = [f for f in WIRE_FIELDS if f not in d]
            raise ValueError(_("velden ontbreken: {items}").format(
                items=", ".join(missing))) from None
        if type(seq) is not int or seq < 1:  # (bool is not int here)
            raise ValueError(_("seq moet een positief geheel getal zijn"))
        if type(payload) is not dict:
            raise ValueError(_("payload moet een object zijn"))
        texts = (id_, world, origin, hlc, occ, rec, author, typ, entity, prev, sig)
        if not _only_str(map(type, texts)):
            for f, v in zip(_TEXT_FIELDS, texts):
                if type(v) is not str:
                    raise ValueError(_("veld '{f}' moet tekst zijn").format(f=f))
        joined = "".join(texts)
        if "\x1f" in joined:
            # the separator of the hashed text may not occur inside a field
            f = next(f for f, v in zip(_TEXT_FIELDS, texts) if "\x1f" in v)
            raise ValueError(_("veld '{f}' bevat een ongeldig teken").format(f=f))
        try:
            if payload_json is None:
                payload_json = canonical_json(payload)
            # the hash is over UTF-8: lone surrogates (possible in JSON) cannot be hashed
            # (ASCII text always can: isascii() is a flag, encode() a copy)
            if not joined.isascii():
                joined.encode()
            if type(payload_json) is not str or not payload_json.isascii():
                payload_json.encode()
        except (TypeError, ValueError, AttributeError) as e:
            raise ValueError(_("inhoud is geen geldige JSON-tekst ({e})").format(e=e)) from None
        return cls(id_, world, origin, seq, hlc, occ, rec, author, typ, entity, payload_json,
                   prev, sig, payload)

    def wire_line(self) -> str:
        """``canonical_json(self.to_wire())`` without decoding and encoding the payload again
        (its stored text is already canonical): the bulk export path."""
        enc = _encode_str
        return (f'{{"author":{enc(self.author)},"entity":{enc(self.entity)},'
                f'"hlc":{enc(self.hlc)},"id":{enc(self.id)},'
                f'"occurred_at":{enc(self.occurred_at)},"origin":{enc(self.origin)},'
                f'"payload":{self.payload_json},"prev":{enc(self.prev)},'
                f'"recorded_at":{enc(self.recorded_at)},"seq":{int(self.seq)},'
                f'"sig":{enc(self.sig)},"type":{enc(self.type)},"world":{enc(self.world)}}}')


#: the storage of :attr:`Event.payload` (the slot), for :class:`LazyEvent`
_PAYLOAD_SLOT = Event.__dict__["payload"]


class LazyEvent(Event):
    """An :class:`Event` whose payload dict is read from ``payload_json`` only when first
    asked for (``payload=None`` at construction). A received batch handed over from the helper
    process comes as these: most of it is journal lines that are stored without being folded,
    and their payloads would be unpickled for nothing. Equal to an Event with the same fields.
    (orjson does not serialise it as it does an Event: write events with ``to_wire``.)"""

    __slots__ = ()

    @property  # type: ignore[override]
    def payload(self) -> dict[str, Any]:
        p = _PAYLOAD_SLOT.__get__(self, Event)
        if p is None:
            p = loads(self.payload_json)
            _PAYLOAD_SLOT.__set__(self, p)
        return p  # type: ignore[no-any-return]

    @payload.setter
    def payload(self, value: dict[str, Any] | None) -> None:
        _PAYLOAD_SLOT.__set__(self, value)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Event):
            return NotImplemented
        return _fields(self) == _fields(other)

    __hash__ = None  # type: ignore[assignment]  (as Event's: mutable)


def _fields(e: Event) -> tuple[Any, ...]:
    """What makes two events equal (the payload is covered by ``payload_json``)."""
    return (e.id, e.world, e.origin, e.seq, e.hlc, e.occurred_at, e.recorded_at, e.author,
            e.type, e.entity, e.payload_json, e.prev, e.sig)


class Signer:
    """An origin's Ed25519 key pair."""

    def __init__(self, private_bytes: bytes | None = None) -> None:
        self._key = (
            Ed25519PrivateKey.from_private_bytes(private_bytes)
            if private_bytes
            else Ed25519PrivateKey.generate()
        )

    @property
    def private_bytes(self) -> bytes:
        from cryptography.hazmat.primitives import serialization as s

        return self._key.private_bytes(s.Encoding.Raw, s.PrivateFormat.Raw, s.NoEncryption())

    @property
    def public_hex(self) -> str:
        from cryptography.hazmat.primitives import serialization as s

        return self._key.public_key().public_bytes(s.Encoding.Raw, s.PublicFormat.Raw).hex()

    def sign(self, digest_hex: str) -> str:
        return self._key.sign(bytes.fromhex(digest_hex)).hex()


def link(digest_hex: str, sig_hex: str) -> str:
    """What the next event of the origin names as ``prev``: a hash over this event's digest
    *and* its signature. One valid signature on the newest event of a run then proves every
    earlier event of the run, signatures included. (Events made before this rule name the bare
    digest; :func:`data.store.verify.verify_chains` checks each of their signatures itself.)"""
    return _sha256((digest_hex + sig_hex).encode()).hexdigest()


def verify(public_hex: str, digest_hex: str, sig_hex: str) -> bool:
    """True when ``sig_hex`` is the origin's signature over ``digest_hex``."""
    try:
        key = Ed25519PublicKey.from_public_bytes(bytes.fromhex(public_hex))
        key.verify(bytes.fromhex(sig_hex), bytes.fromhex(digest_hex))
        return True
    except (InvalidSignature, ValueError):
        return False
