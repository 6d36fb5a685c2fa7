"""Making a new store's tables, without importing SQLAlchemy for anything else.

The tables are defined once, as SQLModel classes in :mod:`data.store.schema`; this module turns
them into SQLite statements when a store is created (or an old one is brought up to date). Every
other command opens a store with the DB-API connection alone, so it does not pay the second
that importing SQLModel costs.
"""

from __future__ import annotations

import sqlite3

#: 2: light journal entries (no entity row; see data.store.store.LIGHT_TYPE)
SCHEMA_VERSION = 2


def statements() -> list[str]:
    """``CREATE TABLE`` and ``CREATE INDEX`` statements of every store table, for SQLite."""
    from sqlalchemy.dialects import sqlite as sqlite_dialect
    from sqlalchemy.schema import CreateIndex, CreateTable

    from data.store import schema

    dialect = sqlite_dialect.dialect()
    out: list[str] = []
    for model in (schema.EventRow, schema.EntityRow, schema.ConflictRow, schema.OriginHead,
                  schema.Meta, schema.Alarm):
        table = model.__table__  # type: ignore[attr-defined]
        out.append(str(CreateTable(table, if_not_exists=True).compile(dialect=dialect)).strip())
        for index in sorted(table.indexes, key=lambda i: str(i.name)):
            out.append(str(CreateIndex(index, if_not_exists=True).compile(dialect=dialect)))
    return out


def create_tables(conn: sqlite3.Connection) -> None:
    """Create the store tables that are missing, in one transaction."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        for sql in statements():
            conn.execute(sql)
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")
