"""Smoke test of the frozen program (``make dist``): run from outside, like a user.

Runs ``dist/crisisbeeld/crisisbeeld``: --version, init, demo in an exercise world, a snapshot of
every view (PNG that is not blank), diagnose, and a hub that answers /v1/health. Exit 0 when
all of it works; otherwise the first failure, with the program's output.

    python tools/smoke_frozen.py [dist/crisisbeeld/crisisbeeld]
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from desktop.main_window import VIEWS  # noqa: E402  (every view the window has)


def run(exe: Path, *args: str, env: dict[str, str], timeout: int = 300) -> str:
    started = time.monotonic()
    r = subprocess.run([str(exe), *args], capture_output=True, text=True, env=env,
                       timeout=timeout)
    took = time.monotonic() - started
    print(f"  {' '.join(args[:2])}: exit {r.returncode}, {took:.1f} s", flush=True)
    if r.returncode != 0:
        raise SystemExit(f"FOUT: crisisbeeld {' '.join(args)}\n{r.stdout}\n{r.stderr}")
    return r.stdout


def not_blank(png: Path) -> bool:
    """More than a handful of colours in the image (a blank or black window has one or two)."""
    data = png.read_bytes()
    return data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 20_000


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def main() -> int:
    exe = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "dist" / "crisisbeeld" / "crisisbeeld"
    if not exe.exists():
        raise SystemExit(f"FOUT: {exe} bestaat niet; eerst 'make dist'")
    work = Path(tempfile.mkdtemp(prefix="cb-smoke-"))
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "PYTHONPATH")}
    env["CRISISBEELD_HOME"] = str(work / "home")
    env["CRISISBEELD_HELPER"] = env.get("CRISISBEELD_HELPER", "1")
    print(f"smoke test of {exe}")
    out = run(exe, "--version", env=env)
    assert out.startswith("crisisbeeld "), out
    db = work / "oef.db"
    run(exe, "init", "--db", str(db), "--node", "VRU", "--world", "OEF-SMOKE", env=env)
    run(exe, "demo", "--db", str(db), env=env)
    out = run(exe, "fingerprint", "--db", str(db), env=env)
    assert "gebeurtenissen" in out, out
    for view in VIEWS:
        png = work / f"{view}.png"
        run(exe, "snapshot", "--db", str(db), "--view", view, "--out", str(png),
            "--size", "1366x768", env=env)
        if not not_blank(png):
            raise SystemExit(f"FOUT: {png} is leeg")
    run(exe, "scenario", "list", env=env)
    diag = work / "diag.zip"
    run(exe, "diagnose", "--out", str(diag), "--db", str(db), env=env)
    assert "store.json" in zipfile.ZipFile(diag).namelist()
    port = free_port()
    hub = subprocess.Popen([str(exe), "hub", "--db", str(work / "hub.db"), "--port", str(port)],
                           env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/v1/health", timeout=5) as r:
                    health = json.loads(r.read())
                break
            except OSError:
                if hub.poll() is not None or time.monotonic() > deadline:
                    raise SystemExit(f"FOUT: hub antwoordt niet\n{hub.stdout.read()}") from None
                time.sleep(0.5)
        print(f"  hub /v1/health: {health.get('status', health)}")
    finally:
        hub.terminate()
        hub.wait(30)
    print("smoke test: alles werkt")
    return 0


if __name__ == "__main__":
    sys.exit(main())
