"""crisisbeeld asof / diff: the fingerprint line as `crisisbeeld fingerprint` prints it, the
handover in Markdown, and clear Dutch errors (exit 2)."""

from __future__ import annotations

import json

import pytest

from desktop.cli import main
from desktop.cli_core import UserError
from desktop.cli_history import parse_moment


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_asof_and_diff(tmp_path, capsys):
    db = str(tmp_path / "a.db")
    assert run(capsys, "demo", "--db", db, "--events", "300")[0] == 0
    today = run(capsys, "fingerprint", "--db", db)[1].strip()
    code, out, _ = run(capsys, "asof", "--db", db, "--at", "2099-01-01 00:00")
    assert code == 0 and out.splitlines()[-1] == today
    code, out, _ = run(capsys, "asof", "--db", db, "--at", "2099-01-01T00:00:00Z", "--known")
    assert code == 0 and out.splitlines()[-1] == today and "wat wisten wij hier" in out
    code, out, _ = run(capsys, "asof", "--db", db, "--at", "2000-01-01 00:00")
    assert code == 0 and out.splitlines()[-1].endswith(" · 0 gebeurtenissen")
    code, out, _ = run(capsys, "asof", "--db", db, "--at", "2099-01-01 00:00", "--json")
    doc = json.loads(out)
    assert doc["fingerprint"] == today and doc["counts"]["incident"] and "kpis" in doc
    md = tmp_path / "overdracht.md"
    code, out, _ = run(capsys, "diff", "--db", db, "--to", "2099-01-01 00:00", "--from",
                       "2000-01-01 00:00", "--out", str(md))
    text = md.read_text(encoding="utf-8")
    assert code == 0 and text.startswith("# Overdracht") and "## Incidenten" in text
    assert "## Kernberichten" in text and today in text
    code, out, _ = run(capsys, "diff", "--db", db, "--known")  # the last 12 hours, known here
    assert code == 0 and "## Incidenten" in out


def test_bad_moments_are_refused_in_dutch(tmp_path, capsys):
    db = str(tmp_path / "a.db")
    assert run(capsys, "init", "--db", db, "--node", "vnog")[0] == 0
    code, _out, err = run(capsys, "asof", "--db", db, "--at", "gisteren")
    assert code == 2 and "niet begrepen" in err and err.startswith("crisisbeeld: ")
    code, _out, err = run(capsys, "diff", "--db", db, "--from", "2026-11-22 10:00",
                          "--to", "2026-11-21 10:00")
    assert code == 2 and "na --to" in err


def test_moments_are_local_time_unless_they_say_otherwise():
    assert parse_moment("2026-11-21 14:05") == "2026-11-21T13:05:00Z"  # CET
    assert parse_moment("2026-07-01T14:05") == "2026-07-01T12:05:00Z"  # CEST
    assert parse_moment("2026-11-21T14:05:00Z") == "2026-11-21T14:05:00Z"
    assert parse_moment("2026-11-21T14:05:00+01:00") == "2026-11-21T13:05:00Z"
    with pytest.raises(UserError):
        parse_moment("21-11-2026")


def test_fork_from_here(tmp_path, capsys):
    import sqlite3

    from data.store import Store

    db, out = str(tmp_path / "a.db"), str(tmp_path / "oef.db")
    assert run(capsys, "demo", "--db", db, "--events", "200")[0] == 0
    before = (tmp_path / "a.db").read_bytes()
    code, out_text, _ = run(capsys, "fork", "--db", db, "--at", "2099-01-01 00:00", "--out", out,
                            "--world", "OEF-2026-12")
    assert code == 0 and "fork geschreven" in out_text
    assert (tmp_path / "a.db").read_bytes() == before  # the source is only read
    src_lines = run(capsys, "asof", "--db", db, "--at", "2099-01-01 00:00")[1].splitlines()
    fork_lines = run(capsys, "asof", "--db", out, "--at", "2099-01-01 00:00")[1].splitlines()
    # the same picture in the exercise world (own events, own fingerprint; no other centres)
    assert [x for x in src_lines[1:-1] if "Centra" not in x] == [
        x for x in fork_lines[1:-1] if "Centra" not in x]
    st = Store.open(out)
    assert st.world == "OEF-2026-12"
    st.close()
    with sqlite3.connect(out) as conn:
        n = conn.execute("SELECT count(*) FROM fork_bron").fetchone()[0]
    assert n > 100
    code, _o, err = run(capsys, "fork", "--db", db, "--at", "2099-01-01 00:00", "--out",
                        str(tmp_path / "x.db"), "--world", "LIVE")
    assert code == 2 and "oefening" in err


def test_the_handover_up_to_now_holds_what_arrived_this_very_second(tmp_path, capsys):
    """Arrival times have milliseconds; "now" is a whole second: what arrived within the
    current second is part of the picture known now."""
    from data.clock import FixedClock, set_default_clock

    clock = FixedClock("2026-11-26T10:00:00.400Z")
    set_default_clock(clock)
    try:
        db = str(tmp_path / "a.db")
        assert run(capsys, "init", "--db", db, "--node", "vnog")[0] == 0
        clock.set("2026-11-26T10:00:00.900Z")
        code, out, _ = run(capsys, "diff", "--db", db, "--known")
        assert code == 0 and "· 1 gebeurtenis" in out, out
    finally:
        set_default_clock(None)
