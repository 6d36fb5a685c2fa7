"""``crisisbeeld … | head``: when the reader stops early, no traceback (a user once saw one
after ``exercise status | head``); the exit code is a SIGPIPE's."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

CHILD = """
import argparse, sys
from desktop import cli

def many_lines(args):
    for i in range(200_000):
        print("regel", i)

argparse.ArgumentParser.parse_args = lambda self, a=None, n=None: argparse.Namespace(
    func=many_lines, command="test")
sys.exit(cli.main(["test"]))
"""


def test_a_reader_that_stops_early_gets_no_traceback() -> None:
    p = subprocess.Popen([sys.executable, "-c", CHILD], cwd=ROOT, stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE)
    assert p.stdout is not None and p.stderr is not None
    assert p.stdout.readline() == b"regel 0\n"
    p.stdout.close()  # as `head -1` does
    with p.stderr:
        err = p.stderr.read().decode()
    assert p.wait(timeout=60) == 141
    assert "Traceback" not in err and "BrokenPipe" not in err, err
