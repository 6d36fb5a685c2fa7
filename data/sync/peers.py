"""Per-hub sync cursors, kept in the centre's own store file (an additive table).

``sync_peer`` has one row per hub (by the hub's id, not its URL: several hub processes behind one
load balancer share an id and their cursors are valid across them; a hub whose database was
replaced gets a new id and is synced from scratch) and world:

* ``push_cursor`` — every local event with ``local_seq`` up to it is known to be on that hub;
* ``pull_cursor`` — the hub's arrival counter up to which its events are in this store.

The table is created when a sync engine opens a store, so stores made before it keep working.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from sqlalchemy.dialects import sqlite as sqlite_dialect
from sqlalchemy.schema import CreateTable
from sqlmodel import Field, SQLModel


class SyncPeer(SQLModel, table=True):
    __tablename__ = "sync_peer"
    hub_id: str = Field(primary_key=True, max_length=64)
    world: str = Field(primary_key=True, max_length=40)
    url: str = ""
    push_cursor: int = 0
    pull_cursor: int = 0
    last_success: str = Field(default="", max_length=20)


def ensure_table(conn: sqlite3.Connection) -> None:
    ddl = str(CreateTable(SyncPeer.__table__, if_not_exists=True)  # type: ignore[attr-defined]
              .compile(dialect=sqlite_dialect.dialect()))
    conn.execute(ddl)


@dataclass
class Cursors:
    push: int = 0
    pull: int = 0
    last_success: str = ""


def load(conn: sqlite3.Connection, hub_id: str, world: str) -> Cursors:
    row = conn.execute("SELECT push_cursor, pull_cursor, last_success FROM sync_peer "
                       "WHERE hub_id = ? AND world = ?", (hub_id, world)).fetchone()
    return Cursors(int(row[0]), int(row[1]), str(row[2] or "")) if row else Cursors()


def save(conn: sqlite3.Connection, hub_id: str, world: str, url: str, c: Cursors) -> None:
    conn.execute(
        "INSERT INTO sync_peer(hub_id, world, url, push_cursor, pull_cursor, last_success) "
        "VALUES (?,?,?,?,?,?) ON CONFLICT(hub_id, world) DO UPDATE SET url = excluded.url, "
        "push_cursor = excluded.push_cursor, pull_cursor = excluded.pull_cursor, "
        "last_success = excluded.last_success",
        (hub_id, world, url, c.push, c.pull, c.last_success))


def all_peers(conn: sqlite3.Connection) -> list[tuple[str, str, str, int, int, str]]:
    return conn.execute("SELECT hub_id, world, url, push_cursor, pull_cursor, last_success "
                        "FROM sync_peer ORDER BY url").fetchall()
