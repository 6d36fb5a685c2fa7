"""The roster: which centre (node id) signs with which public key, who enrolled it, when, and
whether it was revoked — signed entry by entry by a root key that each centre pins.

How a roster is trusted (docs/trust.md):

* The national hub (KCR2) holds the **root key**. Every enrolment with a key (``hub enroll
  --key``), every key rotation it accepts and every revocation (``hub revoke``) appends an
  :class:`Entry` numbered 1, 2, 3 … and signed by the root key.
* Each centre **pins** the root key's fingerprint at setup (``crisisbeeld init --pin-root FP``
  or ``crisisbeeld roster pin``), read to it over a second channel (phone, NCV, paper).
* The roster travels as a document (:func:`document`) that any hub serves (``GET
  /v1/worlds/{world}/roster``) and any bundle carries (``roster.json``); a neighbour's hub
  relays what its own store learnt. Who carries it does not matter: every entry is checked
  against the pinned root, and a document under another root is refused whole.
* A store with a pinned root takes in an event only when :meth:`Roster.node` knows its origin,
  the key that signs it is one the roster lists for that origin, and its seq is not beyond a
  revocation (:func:`data.store.verify.verify_chains` applies this at every door). A store
  without a pinned root trusts each origin's first chain (trust on first use), and says so.

Revocation is by seq, not by time (a clock can be set back by whoever holds the key): the hub
records how far it holds the centre's chain in each world, and nothing after that is taken in.
Key rotation is an event of the centre's own chain (``node.key_rotated``, signed with the old
key); with a pinned root the new key must be in the roster too.

Pure and storage-free: the store and the hub keep the entries in their own tables.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any

from data.i18n import _
from data.store.envelope import Signer, canonical_json, verify

FORMAT = "crisisbeeld-rooster/1"
ENROL, REVOKE = "aanmelding", "intrekking"
ACTIONS = (ENROL, REVOKE)
#: a roster document larger than this is no roster (a bundle or hub answer is refused)
MAX_BYTES = 4 << 20


class RosterError(Exception):
    """A roster (document or entry) that cannot be trusted; the message says why."""


def fingerprint(public_hex: str) -> str:
    """A root key's fingerprint as two people read it to each other: 32 hex digits of the
    SHA-256 of the key, in groups of four (``AB12 CD34 …``)."""
    h = hashlib.sha256(bytes.fromhex(public_hex)).hexdigest()[:32].upper()
    return " ".join(h[i:i + 4] for i in range(0, 32, 4))


def normal_fingerprint(text: str) -> str:
    """A fingerprint as typed (spaces, dashes, lower case) in the form :func:`fingerprint`
    writes; raises RosterError when it is not 32 hex digits."""
    h = "".join(c for c in text if c not in " -:").upper()
    if len(h) != 32 or any(c not in "0123456789ABCDEF" for c in h):
        raise RosterError(_("een vingerafdruk is 32 tekens 0-9/A-F (spaties mogen)"))
    return " ".join(h[i:i + 4] for i in range(0, 32, 4))


@dataclass(frozen=True)
class Entry:
    """One signed line of the roster.

    ``n``: its number in the root's roster (1, 2, 3 …); ``action``: :data:`ENROL` (``key`` is
    a key the node may sign with) or :data:`REVOKE` (``until``: per world the last seq of the
    node that stays valid; in a world not named, none of its events is taken in any more)."""

    n: int
    node: str
    action: str
    key: str = ""
    until: dict[str, int] = field(default_factory=dict)
    by: str = ""
    at: str = ""
    sig: str = ""

    def body(self) -> dict[str, Any]:
        return {"n": self.n, "node": self.node, "action": self.action, "key": self.key,
                "until": dict(sorted(self.until.items())), "by": self.by, "at": self.at}

    def signed_text(self) -> str:
        return canonical_json({"format": FORMAT, **self.body()})

    def digest(self) -> str:
        return hashlib.sha256(self.signed_text().encode()).hexdigest()

    def to_dict(self) -> dict[str, Any]:
        return {**self.body(), "sig": self.sig}

    @classmethod
    def from_dict(cls, d: Any) -> "Entry":
        """Read an entry; raises RosterError when its form is wrong (not its signature)."""
        if not isinstance(d, dict):
            raise RosterError(_("rooster-regel is geen object"))
        n, node, action = d.get("n"), d.get("node"), d.get("action")
        key, until, by, at, sig = (d.get("key", ""), d.get("until", {}), d.get("by", ""),
                                   d.get("at", ""), d.get("sig", ""))
        if type(n) is not int or n < 1 or not isinstance(node, str) or not node \
                or len(node) > 80 or action not in ACTIONS:
            raise RosterError(_("rooster-regel zonder geldig nummer, centrum of soort"))
        if not all(isinstance(x, str) and len(x) <= 200 for x in (key, by, at, sig)):
            raise RosterError(_("rooster-regel {n}: velden moeten korte tekst zijn").format(n=n))
        if action == ENROL and len(key) != 64:
            raise RosterError(_("rooster-regel {n}: aanmelding zonder geldige sleutel").format(
                                  n=n))
        if not isinstance(until, dict) or len(until) > 1000 or not all(
                isinstance(w, str) and type(s) is int and s >= 0 for w, s in until.items()):
            raise RosterError(_("rooster-regel {n}: ongeldige intrekking").format(n=n))
        return cls(n, node, action, key, dict(until), by, at, sig)


def sign_entry(root: Signer, entry: Entry) -> Entry:
    """The entry signed by the root key."""
    return Entry(entry.n, entry.node, entry.action, entry.key, entry.until, entry.by,
                 entry.at, root.sign(entry.digest()))


def document(root_key: str, entries: list[Entry]) -> dict[str, Any]:
    """The roster as it travels (hub answer, ``roster.json`` in a bundle)."""
    return {"format": FORMAT, "root": root_key, "fingerprint": fingerprint(root_key),
            "entries": [e.to_dict() for e in sorted(entries, key=lambda e: e.n)]}


def read_document(doc: Any, pinned: str | None) -> tuple[str, list[Entry]]:
    """(root key, entries) of a received roster document, every entry's signature checked.

    ``pinned``: the fingerprint this store pinned (None: not pinned; the document's own root
    is then only checked for consistency). Raises RosterError, in Dutch, when the document is
    not signed by the pinned root, or an entry's signature does not hold: then nothing of it
    is taken (a roster is trusted whole or not at all)."""
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise RosterError(_("geen Crisisbeeld-rooster (onbekend formaat)"))
    root, raw = doc.get("root"), doc.get("entries")
    if not isinstance(root, str) or len(root) != 64 or not isinstance(raw, list):
        raise RosterError(_("rooster zonder geldige root-sleutel of regels"))
    try:
        fp = fingerprint(root)
    except ValueError:
        raise RosterError(_("rooster zonder geldige root-sleutel")) from None
    if pinned is not None and fp != pinned:
        raise RosterError(_("rooster is ondertekend door root {fp}, niet door de "
                            "vastgepinde root {pinned}; niets ervan overgenomen").format(
                              fp=fp, pinned=pinned))
    out = [Entry.from_dict(d) for d in raw]
    for e in out:
        if not verify(root, e.digest(), e.sig):
            raise RosterError(_("rooster-regel {n} ({node}) is niet door de root "
                                "ondertekend; niets van dit rooster overgenomen").format(
                                  n=e.n, node=e.node))
    return root, out


@dataclass(frozen=True, slots=True)
class NodeTrust:
    """What the roster says of one node in one world: the keys it may sign with, and the last
    seq taken in (None: not revoked)."""

    keys: frozenset[str]
    until: int | None


class Roster:
    """The roster of one root, as a rule for one world (:meth:`node`)."""

    def __init__(self, root_key: str, entries: list[Entry], world: str) -> None:
        self.root_key = root_key
        self.world = world
        keys: dict[str, set[str]] = {}
        until: dict[str, int] = {}
        for e in sorted(entries, key=lambda e: e.n):
            if e.action == ENROL:
                keys.setdefault(e.node, set()).add(e.key)
            else:
                last = e.until.get(world, 0)
                until[e.node] = min(until.get(e.node, last), last)
        self._nodes = {n: NodeTrust(frozenset(k), until.get(n)) for n, k in keys.items()}
        for n, u in until.items():
            self._nodes.setdefault(n, NodeTrust(frozenset(), u))

    def nodes(self) -> dict[str, NodeTrust]:
        return dict(self._nodes)

    def node(self, origin: str) -> NodeTrust | None:
        """What the roster says of ``origin`` (None: not on it)."""
        return self._nodes.get(origin)

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.root_key)


def unknown_text(origin: str) -> str:
    return _("{origin} staat niet in het rooster van de vastgepinde root (nog niet aangemeld, "
             "of het rooster is hier nog niet bijgewerkt); later opnieuw").format(origin=origin)


def key_text(origin: str) -> str:
    return _("{origin} tekent met een sleutel die niet in het rooster staat (een vervalst "
             "centrum, of een machine met een gekopieerd node-id); geweigerd").format(origin=origin)


def rotation_text(origin: str) -> str:
    return _("{origin} wisselt naar een sleutel die het rooster nog niet kent; later opnieuw, "
             "zodra de hub de nieuwe sleutel heeft aangemeld").format(origin=origin)


def revoked_text(origin: str, until: int) -> str:
    return _("{origin} is ingetrokken in het rooster (geldig tot en met seq {until}); latere "
             "gebeurtenissen geweigerd").format(origin=origin, until=until)


__all__ = ["ACTIONS", "ENROL", "Entry", "FORMAT", "MAX_BYTES", "NodeTrust", "REVOKE", "Roster",
           "RosterError", "document", "fingerprint", "key_text", "normal_fingerprint",
           "read_document", "revoked_text", "rotation_text", "sign_entry", "unknown_text"]
