"""Who may use a hub: enrolled nodes with hashed tokens, their grants per world, and the public
key bound to each centre's node id (its identity). Tables in :mod:`data.sync.hub.tables`."""

from __future__ import annotations

import hashlib
import secrets
import threading
import time
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine, select, update
from sqlalchemy.engine import Connection
from sqlalchemy.exc import IntegrityError, OperationalError

from data.clock import now_iso
from data.i18n import _
from data.sync.hub.tables import (
    AUTH_TABLES,
    HubGrant,
    HubIdentity,
    HubMeta,
    HubNode,
    create_schema,
)

NODE = HubNode.__table__  # type: ignore[attr-defined]
GRANT = HubGrant.__table__  # type: ignore[attr-defined]
META = HubMeta.__table__  # type: ignore[attr-defined]
IDENT = HubIdentity.__table__  # type: ignore[attr-defined]


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Enrolment:
    """What a hub holds of an enrolled node: its grants, whether it is revoked, its key."""

    node_id: str
    write: tuple[str, ...]
    read: tuple[str, ...]
    revoked: bool
    public_key: str  # "" while its own first push has not bound one

    def describe(self) -> str:
        """In a coordinator's words: key fingerprint, worlds, revoked or not."""
        from data.store.roster import fingerprint

        key = (_("sleutel {0}").format(fingerprint(self.public_key)) if self.public_key
               else _("nog geen sleutel vastgelegd"))
        state = _("ingetrokken") if self.revoked else _("actief")
        return _("{0}; schrijven: {1}; alleen lezen: {2}; {3}").format(
            key, ", ".join(self.write) or "-", ", ".join(self.read) or "-", state)


@dataclass(frozen=True)
class NodeAuth:
    """An authenticated node and the worlds it may read and write."""

    node_id: str
    read: frozenset[str]
    write: frozenset[str]


class Auth:
    """Enrolled nodes, their hashed tokens, grants and per-world status, on any engine."""

    CACHE_SECONDS = 2.0
    TOUCH_SECONDS = 2.0

    def __init__(self, write: Engine, read: Engine | None = None) -> None:
        self.write, self.read = write, read or write
        self._cache: dict[str, tuple[float, NodeAuth | None]] = {}
        self._pending: dict[tuple[str, str], list[Any]] = {}  # (node, world) -> counters
        self._mutex = threading.Lock()

    def ensure(self) -> str:
        """Create the tables if missing; returns the hub id (made once, kept forever)."""
        create_schema(self.write, AUTH_TABLES)
        with self.read.connect() as c:
            row = c.execute(select(META.c.value).where(META.c.key == "hub_id")).first()
        if row:
            return str(row[0])
        try:
            with self.write.begin() as c:
                c.execute(META.insert().values(key="hub_id", value=str(uuid.uuid4())))
        except IntegrityError:
            pass  # another process made it first
        with self.read.connect() as c:
            return str(c.execute(select(META.c.value).where(META.c.key == "hub_id")).scalar_one())

    def enroll(self, node_id: str, write_worlds: Sequence[str],
               read_worlds: Sequence[str] = (), public_key: str | None = None) -> str:
        """Enrol (or re-enrol) a node; returns a fresh token. Only its hash is stored, and a
        re-enrolment replaces the old token and grants. ``public_key`` binds the centre's
        identity now (else its own first push binds it); a new key replaces the old one (a
        key rotation, decided by whoever enrols)."""
        token = secrets.token_urlsafe(32)
        now = now_iso()
        with self.write.begin() as c:
            if public_key is not None:
                c.execute(IDENT.delete().where(IDENT.c.node_id == node_id))
                c.execute(IDENT.insert().values(node_id=node_id, public_key=public_key,
                                                bound_at=now, how="aanmelding"))
            c.execute(NODE.delete().where(NODE.c.node_id == node_id))
            c.execute(NODE.insert().values(node_id=node_id, token_hash=token_hash(token),
                                           created_at=now, revoked=False))
            c.execute(GRANT.delete().where(GRANT.c.node_id == node_id))
            grants = {w: True for w in write_worlds}
            for w in read_worlds:
                grants.setdefault(w, False)
            if grants:
                c.execute(GRANT.insert(), [
                    {"node_id": node_id, "world": w, "can_write": cw, "last_seen": "",
                     "last_push_at": "", "last_pull_at": "", "pushed": 0, "pulled": 0}
                    for w, cw in grants.items()])
        self._cache.clear()
        return token

    def enrolment(self, node_id: str) -> Enrolment | None:
        """What this hub holds of ``node_id`` (None: it was never enrolled here)."""
        with self.read.connect() as c:
            row = c.execute(select(NODE.c.revoked).where(NODE.c.node_id == node_id)).first()
            if row is None:
                return None
            grants = c.execute(select(GRANT.c.world, GRANT.c.can_write)
                               .where(GRANT.c.node_id == node_id)
                               .order_by(GRANT.c.world)).all()
            key = c.execute(select(IDENT.c.public_key)
                            .where(IDENT.c.node_id == node_id)).scalar()
        return Enrolment(node_id, tuple(str(w) for w, cw in grants if cw),
                         tuple(str(w) for w, cw in grants if not cw), bool(row[0]),
                         str(key or ""))

    def identities(self, c: Connection, origins: Sequence[str]) -> dict[str, str]:
        """origin -> bound public key, of these origins (on the caller's connection)."""
        out: dict[str, str] = {}
        for i in range(0, len(origins), 900):
            out.update((str(o), str(k)) for o, k in c.execute(
                select(IDENT.c.node_id, IDENT.c.public_key)
                .where(IDENT.c.node_id.in_(list(origins[i:i + 900])))))
        return out

    def enrolled(self, c: Connection, origins: Sequence[str]) -> set[str]:
        """Which of these origins are enrolled here (revoked or not)."""
        out: set[str] = set()
        for i in range(0, len(origins), 900):
            out.update(str(o) for (o,) in c.execute(
                select(NODE.c.node_id).where(NODE.c.node_id.in_(list(origins[i:i + 900])))))
        return out

    def revoke(self, node_id: str) -> bool:
        with self.write.begin() as c:
            n = c.execute(update(NODE).where(NODE.c.node_id == node_id).values(revoked=True))
        self._cache.clear()
        return bool(n.rowcount)

    def authenticate(self, token: str) -> NodeAuth | None:
        """The node a token belongs to, or None. Cached briefly (a revocation takes effect
        within :data:`CACHE_SECONDS`)."""
        h = token_hash(token)
        now = time.monotonic()
        hit = self._cache.get(h)
        if hit and now - hit[0] < self.CACHE_SECONDS:
            return hit[1]
        with self.read.connect() as c:
            row = c.execute(select(NODE.c.node_id).where(
                NODE.c.token_hash == h, NODE.c.revoked == False)).first()  # noqa: E712
            auth: NodeAuth | None = None
            if row:
                grants = c.execute(select(GRANT.c.world, GRANT.c.can_write).where(
                    GRANT.c.node_id == row[0])).all()
                auth = NodeAuth(str(row[0]), frozenset(str(w) for w, _ in grants),
                                frozenset(str(w) for w, cw in grants if cw))
        if len(self._cache) > 10_000:
            self._cache.clear()
        self._cache[h] = (now, auth)
        return auth

    def touch(self, node: str, world: str, pushed: int = 0, pulled: int = 0,
              force: bool = False) -> None:
        """Note that a node was seen; written at most every :data:`TOUCH_SECONDS` per node and
        world (pulls must not turn into a write each)."""
        now_m = time.monotonic()
        stamp = now_iso()
        with self._mutex:
            p = self._pending.setdefault((node, world), [0.0, 0, 0, "", "", ""])
            p[1] += pushed
            p[2] += pulled
            p[3] = stamp
            if pushed:
                p[4] = stamp
            if pulled:
                p[5] = stamp
            if not force and now_m - p[0] < self.TOUCH_SECONDS:
                return
            p0 = list(p)
            p[:] = [now_m, 0, 0, "", "", ""]
        try:
            values: dict[str, Any] = {"last_seen": p0[3], "pushed": GRANT.c.pushed + p0[1],
                                      "pulled": GRANT.c.pulled + p0[2]}
            if p0[4]:
                values["last_push_at"] = p0[4]
            if p0[5]:
                values["last_pull_at"] = p0[5]
            with self.write.begin() as c:
                c.execute(update(GRANT).where(GRANT.c.node_id == node, GRANT.c.world == world)
                          .values(**values))
        except OperationalError:
            pass  # statistics only; never fail a request for them

    def flush(self) -> None:
        for node, world in list(self._pending):
            self.touch(node, world, force=True)

    def nodes(self, world: str) -> list[dict[str, Any]]:
        self.flush()
        with self.read.connect() as c:
            rows = c.execute(
                select(GRANT.c.node_id, GRANT.c.can_write, GRANT.c.last_seen, GRANT.c.last_push_at,
                       GRANT.c.last_pull_at, GRANT.c.pushed, GRANT.c.pulled, NODE.c.revoked)
                .join(NODE, NODE.c.node_id == GRANT.c.node_id)
                .where(GRANT.c.world == world).order_by(GRANT.c.node_id)).all()
        return [{"node": r[0], "can_write": bool(r[1]), "last_seen": r[2] or None,
                 "last_push_at": r[3] or None, "last_pull_at": r[4] or None,
                 "pushed": int(r[5]), "pulled": int(r[6]), "revoked": bool(r[7])} for r in rows]
