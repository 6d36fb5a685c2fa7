"""One centre of bench/live.py, in a process of its own: a store and its sync engine.

Reads commands on stdin ("write N TEXT": one journal line, reported back as "sent ID T") and
reports every received journal line as "got ID T" (T: wall clock, seconds; one machine, one
clock). "stop" ends it.
"""

from __future__ import annotations

import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from data.store import Command, Store
from data.sync.client import PeerConfig, SyncEngine


def main() -> int:
    db, url, token, listen = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4] == "1"
    st = Store.open(db)
    out = threading.Lock()

    def say(line: str) -> None:
        with out:
            sys.stdout.write(line + "\n")
            sys.stdout.flush()

    def on_changes(changes) -> None:
        t = time.time()
        for eid in changes.events:
            say(f"got {eid} {t:.6f}")

    eng = SyncEngine(st, [PeerConfig(url, token)], interval=5.0 if listen else 1.0,
                     listen=listen)
    eng.add_changes_listener(on_changes)
    eng.start()
    say("ready")
    for line in sys.stdin:
        cmd, _, rest = line.strip().partition(" ")
        if cmd == "stop":
            break
        if cmd == "write":
            ch = st.execute(Command("journal.logged", {"channel": "NCV", "text": rest}), "IM")
            t = time.time()
            eng.nudge()
            for eid in ch.events:
                say(f"sent {eid} {t:.6f}")
    eng.close()
    st.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
