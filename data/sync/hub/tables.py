"""Hub tables (SQLModel). The same definitions run on SQLite (one file) and PostgreSQL.

``hub_event`` is the hub's log: ``arrival`` is its arrival counter and the pull cursor; each
event's canonical JSON is kept as ``body`` so a pull is a range scan plus string joins.
``hub_origin_head`` is each origin's chain head per world (the hub enforces the same chain rule
as a store). ``hub_node`` holds the enrolled nodes with the SHA-256 of their token (never the
token), ``hub_grant`` what each node may read and write per world plus its status there.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from typing import Any

from sqlalchemy import BigInteger, Column, Engine, Index, Integer, Text, UniqueConstraint, text
from sqlmodel import Field, SQLModel

#: 64-bit on PostgreSQL; on SQLite an INTEGER PRIMARY KEY is the rowid (and must be 'INTEGER').
BIGINT = BigInteger().with_variant(Integer(), "sqlite")


class HubEvent(SQLModel, table=True):
    __tablename__ = "hub_event"
    __table_args__ = (
        UniqueConstraint("id", name="uq_hub_event_id"),
        UniqueConstraint("world", "origin", "seq", name="uq_hub_event_world_origin_seq"),
        Index("ix_hub_event_world_arrival", "world", "arrival"),
    )
    arrival: int | None = Field(
        default=None, sa_column=Column(BIGINT, primary_key=True, autoincrement=True))
    world: str = Field(max_length=40)
    id: str = Field(max_length=40)
    origin: str = Field(max_length=80)
    seq: int = Field(sa_column=Column(BigInteger, nullable=False))
    hash: str = Field(max_length=64)
    body: str = Field(sa_column=Column(Text, nullable=False))
    node: str = Field(max_length=80)  # who delivered it (a relay need not be the origin)
    received_at: str = Field(max_length=20)


class HubOriginHead(SQLModel, table=True):
    __tablename__ = "hub_origin_head"
    world: str = Field(primary_key=True, max_length=40)
    origin: str = Field(primary_key=True, max_length=80)
    last_seq: int = Field(sa_column=Column(BigInteger, nullable=False))
    last_hash: str = Field(max_length=64)
    public_key: str = Field(default="", max_length=64)


class HubNode(SQLModel, table=True):
    __tablename__ = "hub_node"
    node_id: str = Field(primary_key=True, max_length=80)
    token_hash: str = Field(max_length=64, unique=True)
    created_at: str = Field(max_length=20)
    revoked: bool = False


class HubIdentity(SQLModel, table=True):
    """The public key of a centre (an origin), bound when it was enrolled with ``--key`` or, if
    it was enrolled without, by its own first push with its own token. Events of that origin
    must be signed with this key."""

    __tablename__ = "hub_identity"
    node_id: str = Field(primary_key=True, max_length=80)
    public_key: str = Field(max_length=64)
    bound_at: str = Field(max_length=20)
    how: str = Field(max_length=120)  # "aanmelding", "eerste push", "doorgegeven door …"


class HubGrant(SQLModel, table=True):
    """What a node may do in a world, and how it is doing there (the per-world status)."""

    __tablename__ = "hub_grant"
    node_id: str = Field(primary_key=True, max_length=80)
    world: str = Field(primary_key=True, max_length=40)
    can_write: bool = True
    last_seen: str = Field(default="", max_length=20)
    last_push_at: str = Field(default="", max_length=20)
    last_pull_at: str = Field(default="", max_length=20)
    pushed: int = Field(default=0, sa_column=Column(BigInteger, nullable=False, default=0))
    pulled: int = Field(default=0, sa_column=Column(BigInteger, nullable=False, default=0))


class HubFork(SQLModel, table=True):
    """Two different events with one origin and seq, seen by this hub: a red alarm in the
    world's status until the centres concerned have sorted it out."""

    __tablename__ = "hub_fork"
    world: str = Field(primary_key=True, max_length=40)
    origin: str = Field(primary_key=True, max_length=80)
    seq: int = Field(sa_column=Column(BigInteger, primary_key=True))
    offered_id: str = Field(primary_key=True, max_length=40)
    held_id: str = Field(max_length=40)
    node: str = Field(max_length=80)  # who delivered the other event
    at: str = Field(max_length=20)


class HubMeta(SQLModel, table=True):
    __tablename__ = "hub_meta"
    key: str = Field(primary_key=True, max_length=40)
    value: str = Field(sa_column=Column(Text, nullable=False))


EVENT_TABLES = [HubEvent.__table__, HubOriginHead.__table__,  # type: ignore[attr-defined]
                HubFork.__table__]  # type: ignore[attr-defined]
AUTH_TABLES = [
    HubNode.__table__, HubGrant.__table__, HubMeta.__table__,  # type: ignore[attr-defined]
    HubIdentity.__table__,  # type: ignore[attr-defined]
]


def _lock_key(name: str) -> int:
    return int.from_bytes(hashlib.sha256(name.encode()).digest()[:8], "big", signed=True)


def create_schema(engine: Engine, tables: Sequence[Any]) -> None:
    """Create missing tables. On PostgreSQL under an advisory lock, so that two hub processes
    starting at once do not race on CREATE TABLE."""
    with engine.begin() as conn:
        if engine.dialect.name == "postgresql":
            conn.execute(text("SELECT pg_advisory_xact_lock(:k)"),
                         {"k": _lock_key("crisisbeeld:schema")})
        SQLModel.metadata.create_all(conn, tables=list(tables))
