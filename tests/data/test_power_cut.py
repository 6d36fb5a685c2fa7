"""Kill the writer at random instants: nothing acknowledged is lost, the store opens cleanly.

A child process issues commands as fast as it can and prints the id of each event once
``execute`` has returned (the moment the UI would say "opgeslagen"). The parent reads a random
number of those acknowledgements, kills the child with SIGKILL mid-stream, reopens the store,
checks SQLite's integrity and the origin's chain, and looks up every acknowledged id."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from data.store import Store

ROOT = Path(__file__).resolve().parents[2]

WRITER = textwrap.dedent("""
    import sys
    from data.store import Command, Store

    st = Store.open(sys.argv[1])
    n = 0
    incidents = [r[0] for r in st.rows("incident")]
    out = sys.stdout
    while True:
        n += 1
        if n % 7 == 0 or not incidents:
            cmds = [Command("incident.reported", {"title": f"i{n}", "kind": "test",
                                                  "regions": ["VNOG"]})]
        elif n % 5 == 0:  # a batch: two events in one transaction
            cmds = [Command("journal.logged", {"channel": "NCV", "text": f"a{n}"}),
                    Command("incident.picture_updated", {"beeld": f"b{n}"},
                            entity=incidents[n % len(incidents)])]
        else:
            cmds = [Command("journal.logged", {"channel": "C2000", "text": f"m{n}",
                                               "incident_id": incidents[n % len(incidents)]})]
        ch = st.execute(cmds, "IM VNOG")
        if cmds[0].type == "incident.reported":
            incidents.append(next(iter(ch.entities)))
        out.write(" ".join(ch.events) + "\\n")
        out.flush()
""")


@pytest.mark.slow
def test_kill_at_random_instants_loses_nothing_acknowledged(tmp_path):
    db = tmp_path / "vnog.db"
    Store.create(db, "vnog", "LIVE", "VNOG").close()
    script = tmp_path / "writer.py"
    script.write_text(WRITER, encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    rnd = random.Random(20261122)
    acknowledged: list[str] = []
    kills = 0
    for _round in range(22):
        want = rnd.randint(1, 120)  # kill after this many acknowledgements: a random instant
        child = subprocess.Popen([sys.executable, str(script), str(db)], stdout=subprocess.PIPE,
                                 stderr=subprocess.PIPE, env=env, text=True, bufsize=1)
        assert child.stdout is not None
        got = 0
        try:
            while got < want:
                line = child.stdout.readline()
                if not line:
                    err = child.stderr.read() if child.stderr else ""
                    pytest.fail(f"writer stopped early: {err[-2000:]}")
                acknowledged.extend(line.split())
                got += 1
        finally:
            child.send_signal(signal.SIGKILL)
            child.wait(timeout=30)
            child.stdout.close()
            if child.stderr:
                child.stderr.close()
        kills += 1
        assert child.returncode == -signal.SIGKILL
        with Store.open(db) as st:
            assert st.integrity_check() == "ok"
            with st._lock:  # noqa: SLF001
                conn = st._conn  # noqa: SLF001
                held = {r[0] for r in conn.execute("SELECT id FROM event")}
                seqs = [r[0] for r in conn.execute(
                    "SELECT seq FROM event WHERE origin = 'vnog' ORDER BY seq")]
            missing = [i for i in acknowledged if i not in held]
            assert not missing, f"round {_round}: {len(missing)} acknowledged events lost"
            assert seqs == list(range(1, len(seqs) + 1))  # the chain has no gap
            assert st.heads()["vnog"] == len(seqs)
    assert kills >= 20 and len(acknowledged) > kills
    # the surviving store still rebuilds to the same picture, and its hash chain and
    # signatures are intact: another store accepts every event
    with Store.open(db) as st, Store.create(tmp_path / "other.db", "vggm") as other:
        fp = st.fingerprint()
        st.rebuild()
        assert st.fingerprint() == fp
        res = other.ingest([e.to_wire() for e in st.iter_events()])
        assert not res.rejected and len(res.accepted) == st.event_count()
