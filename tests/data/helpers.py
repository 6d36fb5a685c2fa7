"""Helpers shared by the data tests: small commands and a store snapshot."""

from __future__ import annotations

from typing import Any

from data.store import Command, Store


def incident(title: str = "Stroomuitval", **extra: Any) -> Command:
    payload = {"title": title, "kind": "stroomuitval", "regions": ["VNOG"], **extra}
    return Command("incident.reported", payload)


def bijstand(**extra: Any) -> Command:
    payload = {"requesting_region": "VNOG", "addressed_to": "KCR2",
               "capability": "aggregaten_noodstroom", "quantity": 4, **extra}
    return Command("bijstand.requested", payload)


def new(st: Store, cmd: Command, author: str = "IM VNOG") -> str:
    """Execute a creating command and return the new entity id."""
    ch = st.execute(cmd, author)
    (eid,) = ch.entities
    return eid


def move(st: Store, eid: str, typ: str, to: str, author: str = "IM VNOG") -> None:
    st.execute(Command(typ, {"to": to}, entity=eid), author)


def snapshot(st: Store) -> tuple[Any, ...]:
    """Everything a refused write must leave alone."""
    with st._lock:  # noqa: SLF001
        ents = st._conn.execute("SELECT id, digest FROM entity ORDER BY id").fetchall()  # noqa: SLF001
        heads = st._conn.execute("SELECT * FROM origin_head ORDER BY origin").fetchall()  # noqa: SLF001
    return (st.event_count(), str(st.fingerprint()), ents, heads,
            sorted(map(str, st.conflicts(open_only=False))))


def open_conflicts(st: Store) -> list[tuple[Any, ...]]:
    return sorted((c["id"], c["entity"], c["found"], c["wanted"], c["reason"])
                  for c in st.conflicts())


def send(src: Store, dst: Store) -> None:
    """Give ``dst`` every event ``src`` holds (as a sync would); nothing may be refused."""
    res = dst.ingest([e.to_wire() for e in src.iter_events()])
    assert not res.rejected, res.rejected[:3]


def exchange(*stores: Store) -> None:
    for a in stores:
        for b in stores:
            if a is not b:
                send(a, b)


def skew(st: Store, ms: int) -> None:
    """Let ``st``'s wall clock run ``ms`` ahead (or behind) of the real one."""
    import time

    from data.store.hlc import Hlc

    st._hlc = Hlc(st._hlc.current(), now_ms=lambda: time.time_ns() // 1_000_000 + ms)  # noqa: SLF001
