"""The command line's own words are Dutch: help of every verb and argparse's errors."""

from __future__ import annotations

import argparse
import subprocess
import sys

from desktop.cli import build_parser

ENGLISH = ("usage:", "positional arguments", "options:", "show this help", "error:",
           "the following arguments are required", "invalid choice", "unrecognized arguments",
           "expected one argument")


def _parsers(p: argparse.ArgumentParser):  # type: ignore[no-untyped-def]
    yield p
    for action in p._actions:  # noqa: SLF001
        if isinstance(action, argparse._SubParsersAction):  # noqa: SLF001
            for sub in action.choices.values():
                yield from _parsers(sub)


def test_every_verbs_help_is_dutch() -> None:
    helps = [(p.prog, p.format_help()) for p in _parsers(build_parser())]
    assert len(helps) > 20
    for prog, text in helps:
        for word in ENGLISH:
            assert word not in text, (prog, word)
        assert "gebruik:" in text and "toon deze hulp en stop" in text, prog


def test_errors_are_dutch_and_name_no_python() -> None:
    for args, expected in ((["snapshot"], "deze argumenten ontbreken: --db, --view, --out"),
                           (["bestaatniet"], "ongeldige keuze: 'bestaatniet'"),
                           (["fingerprint", "--db"], "hier hoort één waarde bij"),
                           (["fingerprint", "--db", "x", "--zomaar"], "onbekende argumenten")):
        r = subprocess.run([sys.executable, "-m", "desktop", *args], capture_output=True,
                           text=True)
        assert r.returncode == 2, args
        assert expected in r.stderr, (args, r.stderr)
        for word in ENGLISH:
            assert word not in r.stderr, (args, word)


def test_a_file_that_cannot_be_written_is_said_in_words(tmp_path) -> None:
    db = tmp_path / "a.db"
    run = [sys.executable, "-m", "desktop"]
    subprocess.run(run + ["init", "--db", str(db), "--node", "VRU"], check=True,
                   capture_output=True)
    r = subprocess.run(run + ["export", "--db", str(db), "--out",
                              str(tmp_path / "weg" / "b.cbz")], capture_output=True, text=True)
    assert r.returncode == 2
    assert "de map bestaat niet" in r.stderr, r.stderr
    assert "Errno" not in r.stderr and ".part" not in r.stderr
