"""Tables of a Crisisbeeld store (SQLModel). The same log table runs on SQLite and PostgreSQL.

``event`` is the append-only log; ``entity`` and ``conflict`` are projections that can be
rebuilt from it at any time; ``origin_head`` tracks each origin's chain; ``meta`` holds the
store's identity; ``alarm`` holds local alarms (clock drift), which are not part of the picture.
"""

from __future__ import annotations

from typing import Optional

from sqlalchemy import Index, UniqueConstraint
from sqlmodel import Field, SQLModel

from data.store.ddl import SCHEMA_VERSION  # noqa: F401  (kept here for readers of the schema)


class EventBase(SQLModel):
    id: str = Field(primary_key=False, index=False, unique=True, max_length=40)
    world: str = Field(max_length=40)
    origin: str = Field(max_length=80)
    seq: int
    hlc: str = Field(max_length=22)
    occurred_at: str = Field(max_length=20)
    recorded_at: str = Field(max_length=20)
    author: str = Field(max_length=120)
    type: str = Field(max_length=40)
    entity: str = Field(max_length=80)
    payload: str
    prev: str = Field(max_length=64)
    sig: str = Field(max_length=128)


class EventRow(EventBase, table=True):
    """The local log. ``local_seq`` is the arrival counter; ``received_at`` the arrival time."""

    __tablename__ = "event"
    __table_args__ = (
        UniqueConstraint("origin", "seq", name="uq_event_origin_seq"),
        Index("ix_event_entity_key", "entity", "hlc", "origin", "id"),
    )
    local_seq: Optional[int] = Field(default=None, primary_key=True)
    hash: str = Field(max_length=64)
    received_at: str = Field(max_length=20)


class EntityRow(SQLModel, table=True):
    """Projected state of one entity (JSON) plus the columns lists sort and filter on."""

    __tablename__ = "entity"
    __table_args__ = (Index("ix_entity_kind", "kind"),)
    id: str = Field(primary_key=True, max_length=80)
    kind: str = Field(max_length=20)
    status: str = Field(default="", max_length=40)
    title: str = Field(default="")
    regions: str = Field(default="")
    updated_at: str = Field(default="", max_length=20)
    state: str
    digest: str = Field(max_length=32)
    last_key: str


class ConflictRow(SQLModel, table=True):
    """A lifecycle step that did not fit; open until a conflict.resolved event settles it."""

    __tablename__ = "conflict"
    id: str = Field(primary_key=True, max_length=40)
    entity: str = Field(index=True, max_length=80)
    kind: str = Field(max_length=20)
    title: str = Field(default="")
    found: str = Field(default="")
    wanted: str = Field(default="")
    origin: str = Field(default="")
    author: str = Field(default="")
    at: str = Field(default="")
    reason: str = Field(default="")
    resolved: bool = Field(default=False)


class OriginHead(SQLModel, table=True):
    """The newest event this store holds of each origin, and the origin's public key."""

    __tablename__ = "origin_head"
    origin: str = Field(primary_key=True, max_length=80)
    public_key: str = Field(default="", max_length=64)
    last_seq: int = 0
    last_hash: str = Field(default="", max_length=64)


class Meta(SQLModel, table=True):
    __tablename__ = "meta"
    key: str = Field(primary_key=True, max_length=40)
    value: str


class Alarm(SQLModel, table=True):
    """Local alarms (clock drift). Not part of the shared picture or its fingerprint."""

    __tablename__ = "alarm"
    id: Optional[int] = Field(default=None, primary_key=True)
    kind: str = Field(max_length=40)
    origin: str = Field(default="", max_length=80)
    detail: str = Field(default="")
    at: str = Field(default="", max_length=20)
    acknowledged: bool = Field(default=False)
