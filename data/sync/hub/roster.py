"""The hub's roster (data.store.roster): the root key and the signed entries, on the hub's
database. Only a hub that was given a root (``crisisbeeld hub root``: KCR2's) signs entries;
any other hub, and a centre's own store served to its neighbours, relays the roster it learnt.

The root's private key lives in ``hub_meta`` (``root_private_key``) beside the tokens' hashes:
whoever can read the hub's database can already enrol centres. The entries live in
``hub_roster``, numbered 1, 2, 3 … in the order they were made.
"""

from __future__ import annotations

import time
from typing import Any

from sqlalchemy import Engine, func, select
from sqlalchemy.exc import IntegrityError
from sqlmodel import Field, SQLModel

from data.clock import now_iso
from data.store.envelope import Signer, canonical_json, loads
from data.store.roster import ENROL, REVOKE, Entry, Roster, document, fingerprint, sign_entry
from data.sync.hub.tables import HubMeta, create_schema


class HubRosterRow(SQLModel, table=True):
    __tablename__ = "hub_roster"
    n: int = Field(primary_key=True)
    node: str = Field(max_length=80)
    body: str


META = HubMeta.__table__  # type: ignore[attr-defined]
ROSTER = HubRosterRow.__table__  # type: ignore[attr-defined]
_ROOT = "root_private_key"


class HubRoster:
    """Root key and signed roster entries of one hub database."""

    def __init__(self, write: Engine, read: Engine | None = None) -> None:
        self.write, self.read = write, read or write
        create_schema(self.write, [ROSTER])
        self._cache: tuple[float, Any] | None = None

    def _root(self) -> Signer | None:
        with self.read.connect() as c:
            v = c.execute(select(META.c.value).where(META.c.key == _ROOT)).scalar()
        return Signer(bytes.fromhex(str(v))) if v else None

    def root_fingerprint(self) -> str | None:
        root = self._root()
        return fingerprint(root.public_hex) if root else None

    def make_root(self, identities: dict[str, str]) -> tuple[str, bool]:
        """Give this hub a root key (once); the centres whose keys are bound here
        (``identities``: node -> key) are put on the roster at once. Returns (fingerprint,
        whether it was made now)."""
        root = self._root()
        if root is not None:
            return fingerprint(root.public_hex), False
        root = Signer()
        try:
            with self.write.begin() as c:
                c.execute(META.insert().values(key=_ROOT, value=root.private_bytes.hex()))
        except IntegrityError:  # another process made it first
            return self.root_fingerprint() or "", False
        for node, key in sorted(identities.items()):
            self.add(node, ENROL, key=key, by="root aangemaakt")
        return fingerprint(root.public_hex), True

    def add(self, node: str, action: str, key: str = "", until: dict[str, int] | None = None,
            by: str = "") -> Entry | None:
        """Append a signed entry (None when this hub has no root: it signs nothing)."""
        root = self._root()
        if root is None:
            return None
        for _ in range(5):
            with self.read.connect() as c:
                n = int(c.execute(select(func.coalesce(func.max(ROSTER.c.n), 0))).scalar_one())
            e = sign_entry(root, Entry(n + 1, node, action, key, dict(until or {}), by,
                                       now_iso()))
            try:
                with self.write.begin() as c:
                    c.execute(ROSTER.insert().values(n=e.n, node=node,
                                                     body=canonical_json(e.to_dict())))
            except IntegrityError:
                time.sleep(0.01)  # another process took that number
                continue
            self._cache = None
            return e
        raise RuntimeError(_("rooster: geen vrij regelnummer gevonden"))

    def enrol(self, node: str, key: str, by: str) -> Entry | None:
        """An entry for ``node`` signing with ``key``, unless the roster has it already."""
        if any(e.node == node and e.action == ENROL and e.key == key for e in self.entries()):
            return None
        return self.add(node, ENROL, key=key, by=by)

    def revoke(self, node: str, until: dict[str, int], by: str) -> Entry | None:
        return self.add(node, REVOKE, until=until, by=by)

    def entries(self) -> list[Entry]:
        with self.read.connect() as c:
            rows = c.execute(select(ROSTER.c.body).order_by(ROSTER.c.n)).all()
        return [Entry.from_dict(loads(r[0])) for r in rows]

    def document(self) -> dict[str, Any] | None:
        """The signed roster as it travels; None without a root."""
        root = self._root()
        return None if root is None else document(root.public_hex, self.entries())

    def rule(self, world: str, extra: dict[str, str] | None = None) -> Roster | None:
        """The roster as the rule for ``world`` (cached briefly), plus ``extra`` (node -> key)
        bindings made in the running push; None without a root."""
        now = time.monotonic()
        if self._cache is None or now - self._cache[0] > 1.0:
            self._cache = (now, self.document())
        doc = self._cache[1]
        if doc is None:
            return None
        entries = [Entry.from_dict(d) for d in doc["entries"]]
        n = len(entries)
        for i, (node, key) in enumerate(sorted((extra or {}).items())):
            entries.append(Entry(n + i + 1, node, ENROL, key))
        return Roster(doc["root"], entries, world)


__all__ = ["HubRoster", "HubRosterRow"]
