"""One centre of bench/propagation.py, in a process of its own: a store and its sync engine.

Reads commands on stdin ("write TEXT": one journal line, reported back as "sent ID T") and
reports every received journal line as "got ID T" (T: wall clock, seconds; one machine, one
clock). For the breakdown of where an event waits it also reports "pushed ID T" when the hub
accepted one of its own lines, "woke T" when a wait at the hub returned with news, and
"online T" after its first full round.
"stop" ends it.
"""

from __future__ import annotations

import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from data.store import Command, Store
from data.sync.client import PeerConfig, SyncEngine
from data.sync.hub_client import HubClient


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

    push_body, wait = HubClient.push_body, HubClient.wait

    def timed_push(self, world, body, coding="gzip"):  # type: ignore[no-untyped-def]
        reply = push_body(self, world, body, coding)
        t = time.time()
        ids = [r["id"] for r in reply.get("results", []) if r.get("status") == "accepted"]
        if ids:
            say("pushed " + " ".join(ids) + f" {t:.6f}")
        return reply

    def timed_wait(self, world, after, timeout):  # type: ignore[no-untyped-def]
        news = wait(self, world, after, timeout)
        if news:
            say(f"woke {time.time():.6f}")
        return news

    HubClient.push_body, HubClient.wait = timed_push, timed_wait  # type: ignore[method-assign]
    eng = SyncEngine(st, [PeerConfig(url, token)], interval=5.0 if listen else 1.0,
                     listen=listen)
    eng.add_changes_listener(on_changes)
    first = threading.Event()

    def on_state(state) -> None:
        if state.peers and state.peers[0].last_success and not first.is_set():
            first.set()
            say(f"online {time.time():.6f}")

    eng.add_listener(on_state)
    eng.start()
    say("ready")
    for line in sys.stdin:
        cmd, _, rest = line.strip().partition(" ")
        if cmd == "stop":
            break
        if cmd == "write":
            ch = st.execute(Command("journal.logged", {"channel": "NCV", "text": rest}), "IM")
            t = time.time()
            eng.wrote()
            for eid in ch.events:
                say(f"sent {eid} {t:.6f}")
    eng.close()
    st.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
