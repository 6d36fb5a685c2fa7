"""Several writers on one store file: whatever a writer caches about the log (clock, chain head,
picture sum) holds against the file at the start of each write transaction.

Two `Store` objects on one file stand in for the desktop's writer and sync worker; a child
process stands in for a separate `crisisbeeld sync` or a second window."""

from __future__ import annotations

import subprocess
import sys
import textwrap

from data.store import Command, Store
from tests.data.helpers import incident, new, send, skew

AHEAD_MS = 2 * 60 * 1000  # inside the 5-minute drift bound


def _remote_incident_ahead(store_factory) -> tuple[Store, str]:
    """A centre whose clock runs two minutes ahead reports an incident."""
    remote = store_factory("vrzeeland")
    skew(remote, AHEAD_MS)
    return remote, new(remote, incident("Dijkdoorbraak"))


def test_a_command_sorts_after_an_event_another_store_object_took_in(store_factory):
    local = store_factory("kcr2")
    other = Store.open(local.path)  # the sync worker's store object on the same file
    try:
        remote, eid = _remote_incident_ahead(store_factory)
        send(remote, other)
        local.execute(Command("incident.status_changed", {"to": "actief"}, entity=eid), "OL")
        st = local.entity(eid)
        assert st is not None and st["status"] == "actief"
        assert local.conflicts() == []
        hlcs = {e.type: e.hlc for e in local.iter_events() if e.entity == eid}
        assert hlcs["incident.status_changed"] > hlcs["incident.reported"]
        # the other centres see the same: no false conflict anywhere
        send(local, remote)
        assert remote.entity(eid)["status"] == "actief"
        assert remote.conflicts() == []
    finally:
        other.close()


def test_two_store_objects_continue_one_chain(store_factory):
    a = store_factory("kcr2")
    b = Store.open(a.path)
    try:
        for i in range(5):
            new(a, incident(f"a{i}"))
            new(b, incident(f"b{i}"))
        seqs = sorted(e.seq for e in a.iter_events() if e.origin == "kcr2")
        assert seqs == list(range(1, 12))
        assert a.fingerprint() == b.fingerprint()
    finally:
        b.close()


def test_picture_sum_is_shared_by_store_objects(store_factory):
    a = store_factory("kcr2")
    b = Store.open(a.path)
    try:
        new(a, incident("a"))
        new(b, incident("b"))
        new(a, Command("journal.logged", {"text": "licht", "channel": "C2000"}))
        new(b, Command("journal.logged", {"text": "ook licht", "channel": "C2000"}))
        kept = a.fingerprint()
        a.rebuild()  # counts the sum from scratch: must equal what the writers kept together
        assert a.fingerprint() == kept == b.fingerprint()
    finally:
        b.close()


CHILD = textwrap.dedent("""
    import sys
    from data.store import Command, Store
    st = Store.open(sys.argv[1])
    for line in sys.stdin:  # one command per line the parent sends, then an answer
        try:
            st.execute(Command("incident.reported", {"title": line.strip(), "kind": "overig",
                                                     "regions": ["VNOG"]}), "tweede venster")
            print("ok", flush=True)
        except Exception as e:
            print(type(e).__name__, e, flush=True)
    st.close()
""")


def test_a_second_process_writing_the_same_store_never_collides(store_factory):
    """Two windows (processes) on one file take turns: each command of each succeeds and
    continues the one chain of the centre."""
    st = store_factory("kcr2")
    child = subprocess.Popen([sys.executable, "-c", CHILD, st.path], stdin=subprocess.PIPE,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    answers = []
    try:
        for i in range(10):
            new(st, incident(f"hier {i}"))
            child.stdin.write(f"daar {i}\n")
            child.stdin.flush()
            answers.append(child.stdout.readline().strip())
        _, err = child.communicate(timeout=120)
    finally:
        if child.poll() is None:
            child.kill()
            child.communicate()
    assert child.returncode == 0, err
    assert answers == ["ok"] * 10, answers
    seqs = sorted(e.seq for e in st.iter_events() if e.origin == "kcr2")
    assert seqs == list(range(1, 1 + 1 + 20))


SYNC_CHILD = textwrap.dedent("""
    import json, sys
    from data.store import Store
    st = Store.open(sys.argv[1])
    res = st.ingest(json.loads(sys.stdin.read()))
    assert not res.rejected, res.rejected
    st.close()
""")


def test_an_event_taken_in_by_another_process_is_observed_by_the_clock(store_factory):
    """The separate `crisisbeeld sync` case: another process ingests the ahead-of-clock
    incident, then this process's operator changes its status."""
    import json

    local = store_factory("kcr2")
    new(local, incident("eerst"))  # the writer's caches are warm before the other process
    remote, eid = _remote_incident_ahead(store_factory)
    wire = [e.to_wire() for e in remote.iter_events()]
    proc = subprocess.run([sys.executable, "-c", SYNC_CHILD, local.path],
                          input=json.dumps(wire), capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    local.execute(Command("incident.status_changed", {"to": "actief"}, entity=eid), "OL")
    assert local.entity(eid)["status"] == "actief"
    assert local.conflicts() == []
