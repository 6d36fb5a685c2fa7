"""Rules of the core that Store.execute alone cannot exercise, tested through received events.

* The fold's lifecycle rule: a status step applies only when it is legal from the state reached
  at its place in the order; otherwise it is kept in the log, does not apply, and becomes a
  conflict. Store.execute refuses an illegal step itself, so here the steps come from another
  origin (signed by hand, see tests/data/forge.py).
* The first-event rule: the first event of an origin is its registration.
"""

from __future__ import annotations

import random
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as hs

from data.domain import lifecycles as lc
from data.domain.enums import label
from data.store import Command, Store
from data.store.hlc import decode
from tests.data.forge import BASE_MS, CREATE, Origin
from tests.data.helpers import bijstand, incident, move, new, snapshot

START = {"incident": "gemeld", "bijstand": "concept", "action": "open"}


def _path(kind: str, target: str) -> list[str] | None:
    """A shortest legal path from the start state to ``target`` (None: unreachable)."""
    m, todo, seen = lc.MACHINES[kind], [[START[kind]]], {START[kind]}
    while todo:
        p = todo.pop(0)
        if p[-1] == target:
            return p[1:]
        for n in sorted(m[p[-1]]):
            if n not in seen:
                seen.add(n)
                todo.append(p + [n])
    return None


def _make(st: Store, kind: str) -> str:
    if kind == "incident":
        return new(st, incident())
    if kind == "bijstand":
        return new(st, bijstand())
    sid = new(st, Command("irbt.session_opened", {"title": "IRBT", "regions": ["VNOG"]}))
    did = new(st, Command("decision.recorded", {"session_id": sid, "number": 1, "text": "B"}))
    return new(st, Command("action.created", {"decision_id": did, "text": "doe", "owner": "OL"}))


def _illegal_steps() -> list[tuple[str, str, str]]:
    """Every (kind, from, to) that the lifecycle does not allow, from a reachable state."""
    return [(kind, a, b) for kind, m in lc.MACHINES.items() for a in m for b in m
            if a != b and b not in m[a] and _path(kind, a) is not None]


# ---------------------------------------------------------------- the lifecycle rule


def test_received_illegal_steps_are_kept_do_not_apply_and_raise_conflicts(store_factory):
    """Each illegal step of each lifecycle, received from another centre with the right
    ``from``: in the log, status unchanged, one open conflict naming the step."""
    st = store_factory("vnog")
    steps = _illegal_steps()
    assert ("incident", "afgeschaald", "actief") in steps and len(steps) > 50
    targets: list[tuple[str, str, str, str]] = []
    with st.transaction():
        for kind, a, b in steps:
            eid = _make(st, kind)
            for s in _path(kind, a) or []:
                move(st, eid, f"{kind}.status_changed", s)
            targets.append((eid, kind, a, b))
    assert not st.conflicts()
    last_ms = decode(list(st.iter_events())[-1].hlc)[0]
    other = Origin("vrgz")
    wire = [other.register(last_ms + 1)]
    for i, (eid, kind, a, b) in enumerate(targets):
        wire.append(other.event(f"{kind}.status_changed", eid, {"from": a, "to": b},
                                last_ms + 2 + i))
    count = st.event_count()
    res = st.ingest(wire)
    assert not res.rejected and res.accepted == [w["id"] for w in wire]
    assert st.event_count() == count + len(wire)
    held = {e.id for e in st.iter_events()}
    assert all(w["id"] in held for w in wire)  # kept in the log
    conflicts = {c["entity"]: c for c in st.conflicts()}
    assert len(conflicts) == len(targets)
    for (eid, kind, a, b), w in zip(targets, wire[1:]):
        assert st.entity(eid)["status"] == a, (kind, a, b)  # not applied
        c = conflicts[eid]
        assert (c["id"], c["kind"], c["found"], c["wanted"], c["origin"]) == (
            w["id"], kind, a, b, "vrgz")
        assert c["reason"] == f"{label(a)} → {label(b)} is geen toegestane stap"
    inc = next(t for t in targets if t[1:] == ("incident", "afgeschaald", "actief"))
    assert conflicts[inc[0]]["reason"] == "Afgesloten → Actief is geen toegestane stap"


def test_received_illegal_step_with_a_stale_from_is_a_conflict_too(store_factory):
    """An incident afgeschaald here; another centre, which still saw it beheerst, re-activates
    it (legal from its point of view): kept, not applied, a conflict naming what was found."""
    st = store_factory("vnog")
    iid = new(st, incident())
    for s in ("actief", "beheerst", "afgeschaald"):
        move(st, iid, "incident.status_changed", s)
    last_ms = decode(list(st.iter_events())[-1].hlc)[0]
    other = Origin("vggm")
    wire = [other.register(last_ms + 1)]
    step = other.event("incident.status_changed", iid, {"from": "beheerst", "to": "actief"},
                       last_ms + 2)
    res = st.ingest(wire + [step])
    assert not res.rejected and len(res.accepted) == 2
    assert st.entity(iid)["status"] == "afgeschaald"
    ((cid, reason),) = [(c["id"], c["reason"]) for c in st.conflicts()]
    assert cid == step["id"]
    assert reason == "wilde Beheerst → Actief, maar de status was al Afgesloten"


# ---------------------------------------------------------------- property: the merge rule


def _model(events: list[dict[str, Any]], kinds: dict[str, str]) -> tuple[
        dict[str, str], list[tuple[str, str, str, str, str]]]:
    """The merge rule written out independently: fold each entity's events in the order
    (hlc, origin, id); a step applies when the entity is in its ``from`` and the step is
    legal, is an agreement when the entity is already in its ``to``, else a conflict."""
    status: dict[str, str | None] = {}
    conflicts: list[tuple[str, str, str, str, str]] = []
    for e in sorted(events, key=lambda e: (e["hlc"], e["origin"], e["id"])):
        eid = e["entity"]
        if eid not in kinds:
            continue
        cur = status.get(eid)
        if e["type"].endswith((".reported", ".requested", ".created")):
            if cur is None:
                status[eid] = START[kinds[eid]]
            continue
        frm, to = e["payload"]["from"], e["payload"]["to"]
        if cur == to:
            continue
        if cur == frm and lc.legal(kinds[eid], cur, to):
            status[eid] = to
            continue
        why = (f"wilde {label(frm)} → {label(to)}, maar de status was al {label(cur or '?')}"
               if cur != frm else f"{label(frm)} → {label(to)} is geen toegestane stap")
        conflicts.append((e["id"], eid, str(cur), to, why))
    return {k: str(v) for k, v in status.items()}, sorted(conflicts)


def _scenario(rnd: random.Random, n_steps: int) -> tuple[list[list[dict[str, Any]]],
                                                         dict[str, str]]:
    """Per origin its chain of events: one origin creates an entity of each kind, three others
    send steps on them, mostly from what they believe the state is (legal there), sometimes
    anything at all. Clocks rise per origin and interleave across origins (ties included)."""
    creator = Origin("kcr2")
    kinds = {f"{k}-1": k for k in START} | {f"{k}-2": k for k in START}
    chains = [[creator.register(BASE_MS)]]
    for i, (eid, kind) in enumerate(kinds.items()):
        typ, payload = CREATE[kind]
        chains[0].append(creator.event(typ, eid, payload, BASE_MS + 1 + i))
    t0 = BASE_MS + 100
    for node in ("vnog", "vggm", "vrgz"):
        o = Origin(node)
        chain = [o.register(t0 - 50)]
        believed = {eid: START[k] for eid, k in kinds.items()}
        ms = t0
        for _ in range(n_steps):
            eid = rnd.choice(sorted(kinds))
            kind, m = kinds[eid], lc.MACHINES[kinds[eid]]
            if rnd.random() < 0.75 and m[believed[eid]]:
                frm = believed[eid]
                to = rnd.choice(sorted(m[frm]))
            else:
                frm, to = rnd.sample(sorted(m), 2)  # (from == to is malformed)
            ms += rnd.randint(0, 3)
            chain.append(o.event(f"{kind}.status_changed", eid, {"from": frm, "to": to}, ms,
                                 counter=rnd.randint(0, 1)))
            believed[eid] = to
        chains.append(chain)
    return chains, kinds


def _arrival(rnd: random.Random, chains: list[list[dict[str, Any]]]) -> list[dict[str, Any]]:
    """A random interleaving that keeps each origin's chain in order (as a relay delivers)."""
    queues = [list(c) for c in chains]
    out: list[dict[str, Any]] = []
    while any(queues):
        q = rnd.choice([q for q in queues if q])
        out.append(q.pop(0))
    return out


@settings(max_examples=40, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow])
@given(seed=hs.integers(0, 2**32 - 1), n_steps=hs.integers(1, 12))
def test_after_any_arrival_order_the_fold_obeys_the_merge_rule(seed: int, n_steps: int):
    """Whatever the order and batching of arrival, each entity's status and conflicts are
    exactly what the merge rule gives for its events in fold order, and every status change
    in its history is a legal step."""
    rnd = random.Random(seed)
    chains, kinds = _scenario(rnd, n_steps)
    events = [e for c in chains for e in c]
    want_status, want_conflicts = _model(events, kinds)
    with tempfile.TemporaryDirectory() as tmp:
        st = Store.create(Path(tmp) / "s.db", "vrbn", "LIVE", "vrbn")
        try:
            arriving = _arrival(rnd, chains)
            i = 0
            while i < len(arriving):
                size = rnd.randint(1, 9)
                res = st.ingest(arriving[i:i + size])
                assert not res.rejected, res.rejected
                i += size
            assert st.event_count() == 1 + len(events)
            got = {eid: st.entity(eid)["status"] for eid in kinds}
            assert got == want_status
            assert sorted((c["id"], c["entity"], c["found"], c["wanted"], c["reason"])
                          for c in st.conflicts()) == want_conflicts
            for eid, kind in kinds.items():
                cur = START[kind]
                for h in st.entity(eid)["history"]:
                    if h["what"] == "status":
                        assert h["from"] == cur and lc.legal(kind, cur, h["to"]), (eid, h)
                        cur = h["to"]
                assert cur == want_status[eid]
            before = snapshot(st)
            st.rebuild()
            assert snapshot(st) == before
        finally:
            st.close()


# ---------------------------------------------------------------- the first-event rule


def test_first_event_of_an_origin_must_be_its_registration(store_factory):
    """A well-signed seq 1 that is not the origin's own registration is refused with the
    rule's own message (not the missing-predecessor one), and changes nothing."""
    st = store_factory("vnog")
    before = snapshot(st)
    o = Origin("vrgz")
    typ, payload = CREATE["incident"]
    not_a_registration = o.event(typ, "incident-1", payload, BASE_MS)
    res = st.ingest([not_a_registration])
    assert res.rejected == [(not_a_registration["id"],
                             "eerste gebeurtenis moet de aanmelding zijn")]
    assert not res.accepted and snapshot(st) == before
    # a registration, but of another node: vrgz's first event registers vggm
    o2 = Origin("vrgz")
    someone_else = o2.event("node.registered", "vggm",
                            {"name": "vggm", "public_key": o2.signer.public_hex,
                             "world": "LIVE"}, BASE_MS, author="systeem")
    res = st.ingest([someone_else])
    assert res.rejected == [(someone_else["id"], "eerste gebeurtenis moet de aanmelding zijn")]
    assert not res.accepted and snapshot(st) == before
    # what follows a refused first event waits for it (the chain is broken)
    o3 = Origin("vrgz")
    first = o3.event(typ, "incident-1", payload, BASE_MS)
    second = o3.event("incident.updated", "incident-1", {"title": "Brand"}, BASE_MS + 1)
    res = st.ingest([first, second])
    assert res.rejected == [(first["id"], "eerste gebeurtenis moet de aanmelding zijn"),
                            (second["id"], "keten van vrgz onderbroken; later opnieuw")]
    assert snapshot(st) == before
    # the proper registration is taken in
    good = Origin("vrgz")
    assert st.ingest([good.register()]).accepted and st.heads()["vrgz"] == 1
