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


def test_a_broken_pipe_of_the_verbs_own_work_is_not_taken_for_the_reader() -> None:
    child = CHILD.replace('''    for i in range(200_000):
        print("regel", i)''', '''    print("regel 0")
    raise BrokenPipeError("een eigen pijp")''')
    r = subprocess.run([sys.executable, "-c", child], cwd=ROOT, capture_output=True,
                       text=True, timeout=60)
    assert r.returncode not in (0, 141) and "een eigen pijp" in r.stderr
