"""The store's half of the roster (data.store.roster): the pinned root, the entries learnt from
hubs and bundles, and the key rotation of this centre.

:class:`Trust` is mixed into :class:`data.store.store.Store`. The entries live in the table
``roster`` (made on first use, so stores of older versions get it without a migration); the
pinned fingerprint in ``meta`` (``root_pin``). Neither is part of the picture or its fingerprint:
they decide which events are taken in, not what the events say.
"""

from __future__ import annotations

import sqlite3
import threading
from contextlib import AbstractContextManager
from typing import TYPE_CHECKING, Any

from data.i18n import _
from data.oswords import count
from data.store.envelope import Signer, canonical_json, loads
from data.store.roster import (
    Entry,
    Roster,
    RosterError,
    document,
    fingerprint,
    normal_fingerprint,
    read_document,
)

_TABLE = ("CREATE TABLE IF NOT EXISTS roster(root TEXT NOT NULL, n INTEGER NOT NULL, "
          "node TEXT NOT NULL, body TEXT NOT NULL, PRIMARY KEY(root, n))")


class Trust:
    """Roster and key of a store (mixed into :class:`data.store.store.Store`)."""

    _conn: sqlite3.Connection
    _lock: threading.RLock
    world: str
    node_id: str
    _signer: Signer | None
    readonly: bool
    _roster_cache: tuple[Any, Roster | None] | None = None

    if TYPE_CHECKING:  # provided by the writing half of Store
        def transaction(self) -> AbstractContextManager[Any]: ...
        def execute(self, commands: Any, author: str) -> Any: ...

    def _roster_rows(self, root: str | None = None) -> list[tuple[str, str]]:
        """(root, body) of the entries held (of one root)."""
        with self._lock:
            try:
                q = "SELECT root, body FROM roster" + (" WHERE root = ?" if root else "")
                return self._conn.execute(q + " ORDER BY root, n",
                                          (root,) if root else ()).fetchall()
            except sqlite3.OperationalError:
                return []  # no roster table yet: nothing learnt

    def pinned_root(self) -> str | None:
        """The root fingerprint this store pinned (None: trust on first use)."""
        with self._lock:
            row = self._conn.execute("SELECT value FROM meta WHERE key = 'root_pin'").fetchone()
        return str(row[0]) if row else None

    def pin_root(self, fp: str) -> str:
        """Pin the root key's fingerprint (as read out by the hub's administrator); from now
        on only events of centres on that root's roster are taken in. Returns it as stored.
        A store pinned to another root is refused: :meth:`unpin_root` first, on purpose."""
        fp = normal_fingerprint(fp)
        cur = self.pinned_root()
        if cur is not None and cur != fp:
            raise RosterError(_("deze store is al vastgepind op root {cur}; maak dat "
                                "eerst los ('crisisbeeld roster unpin') als dat echt "
                                "de bedoeling is").format(cur=cur))
        with self.transaction():
            self._conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('root_pin', ?)",
                               (fp,))
        self._roster_cache = None
        return fp

    def unpin_root(self) -> None:
        with self.transaction():
            self._conn.execute("DELETE FROM meta WHERE key = 'root_pin'")
        self._roster_cache = None

    def learn_roster(self, doc: Any) -> int:
        """Take in a roster document from a hub or a bundle; returns how many entries were new.
        Raises RosterError (nothing taken) when it is not signed by the pinned root, an entry's
        signature fails, or an entry differs from one held under the same number (a forked
        roster). A store without a pin keeps the entries too (to relay them)."""
        root, entries = read_document(doc, self.pinned_root())
        new = 0
        with self.transaction():
            self._conn.execute(_TABLE)
            held = dict(self._conn.execute("SELECT n, body FROM roster WHERE root = ?",
                                           (root,)).fetchall())
            rows = []
            for e in entries:
                body = canonical_json(e.to_dict())
                if e.n in held:
                    if held[e.n] != body:
                        raise RosterError(_("rooster-regel {n} verschilt van de regel "
                                            "met dat nummer die deze store al heeft; "
                                            "niets overgenomen").format(n=e.n))
                    continue
                held[e.n] = body
                rows.append((root, e.n, e.node, body))
            self._conn.executemany("INSERT INTO roster(root, n, node, body) VALUES (?,?,?,?)",
                                   rows)
            new = len(rows)
        if new:
            self._roster_cache = None
        return new

    def _root_keys(self) -> dict[str, int]:
        with self._lock:
            try:
                return dict(self._conn.execute(
                    "SELECT root, count(*) FROM roster GROUP BY root").fetchall())
            except sqlite3.OperationalError:
                return {}

    def roster_document(self) -> dict[str, Any] | None:
        """The roster this store holds, to pass on (a neighbour's hub, a bundle): the pinned
        root's, or without a pin the root of which it holds most entries. None: none held."""
        roots = self._root_keys()
        pin = self.pinned_root()
        if pin is not None:
            roots = {r: c for r, c in roots.items() if fingerprint(r) == pin}
        if not roots:
            return None
        root = max(roots, key=lambda r: (roots[r], r))
        return document(root, [Entry.from_dict(loads(b)) for _, b in self._roster_rows(root)])

    def trust(self) -> Roster | None:
        """The rule for ingest: the pinned root's roster for this world, or None (not pinned:
        trust on first use). Pinned but nothing learnt yet: an empty roster (every other
        centre waits until the roster has come)."""
        pin = self.pinned_root()
        if pin is None:
            return None
        key = (pin, self._root_keys())
        if self._roster_cache is not None and self._roster_cache[0] == key:
            return self._roster_cache[1]
        doc = self.roster_document()
        if doc is None:
            out = Roster("", [], self.world)
        else:
            out = Roster(doc["root"], [Entry.from_dict(d) for d in doc["entries"]], self.world)
        self._roster_cache = (key, out)
        return out

    def trust_status(self) -> str:
        """One line for ``status``: pinned (and how many centres the roster names) or not."""
        pin = self.pinned_root()
        if pin is None:
            return ("vertrouwen: geen root vastgepind — elk centrum wordt vertrouwd op zijn "
                    "eerste keten (vertrouwen bij eerste contact); pin met "
                    "'crisisbeeld roster pin'")
        r = self.trust()
        n = len(r.nodes()) if r is not None else 0
        return (f"vertrouwen: root {pin} vastgepind; rooster met {count(n, 'centrum', 'centra')}"
                + ("" if n else " (nog niet ontvangen: sync met een hub of importeer een bundel)"))

    def rotate_key(self, author: str = "installatie (beheerder)") -> str:
        """Switch this centre to a new key: a ``node.key_rotated`` event signed with the old
        key names the new one, which signs every later event. Returns the new public key (for
        ``hub enroll --key`` at a hub with a root, before other centres accept the new key)."""
        from data.store.types import Command

        new = Signer()
        with self.transaction():
            self.execute([Command("node.key_rotated", {"public_key": new.public_hex},
                                  entity=self.node_id)], author)
            self._conn.execute("UPDATE meta SET value = ? WHERE key = 'private_key'",
                               (new.private_bytes.hex(),))
        self._signer = new
        return new.public_hex


__all__ = ["Trust", "RosterError"]
