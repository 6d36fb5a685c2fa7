"""Large blocks freed go back to the system (desktop.memory): checked in a fresh process, on
glibc, by where a block after a large free comes from."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

PROBE = """
import ctypes, sys
from desktop.app import make_app
make_app()  # sets what the window runs with

class Info(ctypes.Structure):
    _fields_ = [(n, ctypes.c_size_t) for n in (
        "arena", "ordblks", "smblks", "hblks", "hblkhd", "usmblks", "fsmblks", "uordblks",
        "fordblks", "keepcost")]

libc = ctypes.CDLL("libc.so.6")
libc.mallinfo2.restype = Info
big = b"x" * (8 << 20)
del big  # glibc by itself would now keep blocks up to 8 MB on its heap
before = libc.mallinfo2().hblks
block = b"x" * (512 << 10)
print(libc.mallinfo2().hblks - before)
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's allocator")
def test_a_large_block_after_a_large_free_is_mapped_on_its_own() -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    out = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True,
                         env=env, cwd=ROOT, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.split()[-1] == "1"  # its own mapping: returned whole when freed


FRAGMENTED = """
from desktop.memory import give_back

def rss():
    for line in open("/proc/self/status"):
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) // 1024

blocks, kept = [], []
for _ in range(2000):  # 64 MB in blocks under the threshold, a small one kept after each
    blocks.append(b"x" * (32 << 10))
    kept.append(b"y" * 1024)
blocks.clear()  # free pages inside the heap, not at its end
before = rss()
assert give_back()
print(before - rss())
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's allocator")
def test_free_pages_inside_the_heap_are_given_back() -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    out = subprocess.run([sys.executable, "-c", FRAGMENTED], capture_output=True, text=True,
                         env=env, cwd=ROOT, timeout=120)
    assert out.returncode == 0, out.stderr
    assert int(out.stdout.split()[-1]) >= 16  # MB back with the system (about 30 of 64)
