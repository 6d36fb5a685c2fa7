"""A SIGKILLed `crisisbeeld sync` or `import` leaves no helper process behind."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

from tests.data.sync.factory import make_store
from tests.waiting import wait_until


def children(pid: int) -> set[int]:
    """The child processes of ``pid`` (Linux: /proc/PID/task/*/children)."""
    out: set[int] = set()
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            out.update(int(c) for c in (task / "children").read_text().split())
        except OSError:
            pass
    return out


def helpers_of(pid: int) -> set[int]:
    """The spawned helper processes among the children of ``pid``."""
    out = set()
    for c in children(pid):
        try:
            if b"spawn_main" in Path(f"/proc/{c}/cmdline").read_bytes():
                out.add(c)
        except OSError:
            pass
    return out


def alive(pid: int) -> bool:
    """Running (a zombie that nobody reaped yet counts as gone)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return False
    return fields[0] != "Z"


HOLDER = textwrap.dedent("""
    import os, sys
    from data.sync.helper import helper
    h = helper()
    assert h.wait_ready(120), "helper did not start"
    print(h.run(os.getpid), flush=True)
    sys.stdin.read()  # hold on until killed
""")


def test_a_killed_process_takes_its_helper_along():
    proc = subprocess.Popen([sys.executable, "-c", HOLDER], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, text=True)
    try:
        helper_pid = int(proc.stdout.readline())
        assert helper_pid != proc.pid and alive(helper_pid)
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
        wait_until(lambda: not alive(helper_pid), "the helper outlived its killed parent")
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.stdin.close()
        proc.stdout.close()


def test_sigkill_of_crisisbeeld_sync_leaves_no_child(tmp_path: Path):
    """`crisisbeeld sync` starts its helper when the engine is made; kill -9 it mid-run."""
    db = make_store(tmp_path / "vnog.db", "vnog", 5)
    tok = tmp_path / "token"
    tok.write_text("geen-echte-token\n")
    proc = subprocess.Popen(
        [sys.executable, "-m", "desktop", "sync", "--db", str(db), "--hub",
         "http://127.0.0.1:9", "--token-file", str(tok), "--quiet"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        env={**os.environ, "CRISISBEELD_HELPER": "1"})
    try:
        wait_until(lambda: helpers_of(proc.pid), "sync started no helper")
        kids = children(proc.pid)
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
        wait_until(lambda: not any(alive(k) for k in kids),
                 f"processes {sorted(kids)} outlived the killed sync")
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
