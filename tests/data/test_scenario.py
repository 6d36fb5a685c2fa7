"""Scenarios: the TOML format and its checks, the exercise clock and the inject player."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import pytest

from data.clock import FixedClock, parse_iso, to_iso
from data.scenario.control import create_exercise, load_scenario, sidecar_path
from data.scenario.library import bundled, resolve
from data.scenario.player import ExerciseError, Player, ms_to_dt
from data.scenario.times import TimeError, parse_time, t0_of
from data.scenario.times import resolve as resolve_times
from data.scenario.toml_format import parse
from data.store import Command, Store

WALL0 = "2026-11-26T10:00:00Z"

MINI = '''
format = 1
id = "mini"
title = "Mini"
t0 = "2027-01-19T06:00:00Z"
regions = ["VNOG"]

[objectives]
D1 = "Beeld"

[[inject]]
id = "I1"
at = "+00:00"
from = "Netbeheerder"
to = "OL VNOG"
message = "Stroom weg"
notes = "GEHEIM-VOOR-SPELERS-1"

  [[inject.event]]
  type = "incident.reported"
  entity = "inc-1"
  author = "CaCo MKON"
  title = "Stroomuitval"
  kind = "stroomuitval"
  regions = ["VNOG"]

  [[inject.expect]]
  type = "comms.reported"
  where = { region = "VR06", channel = "C2000" }
  within = "+00:30"
  text = "VERWACHTING-VOOR-SPELLEIDING"
  contingency = "I1b"

[[inject]]
id = "I1b"
at = "+00:00"
contingency = true
from = "CaCo MKON"
to = "IM VNOG"
message = "Hoe staat C2000 erbij?"

[[inject]]
id = "I2"
at = "+00:20"
from = "CaCo MKON"
to = "OL VNOG"
channel = "C2000"
message = "C2000 verstoord"
notes = "GEHEIM-VOOR-SPELERS-2"

[[inject]]
id = "I3"
at = "+01:00"
from = "OL VNOG"
to = "KCR2"
message = "Aggregaten nodig"

  [[inject.event]]
  type = "bijstand.requested"
  entity = "bij-1"
  requesting_region = "VNOG"
  addressed_to = "KCR2"
  capability = "aggregaten_noodstroom"
  quantity = 4
  incident_id = "inc-1"
  status = "ingediend"

[[inject]]
id = "I4"
at = "+02:00"
from = "Netbeheerder"
to = "ROT VNOG"
message = "Herstel niet binnen 24 uur"
'''


def mini(tmp_path: Path) -> tuple[Store, Player, FixedClock]:
    sc, problems = parse(MINI, "mini.toml")
    assert not problems, problems
    assert sc is not None
    st = create_exercise(tmp_path / "c.db", "spelleiding", sc, "OEF-TEST-1")
    clock = FixedClock(WALL0)
    return st, Player(st, sc, clock), clock


# ---------------------------------------------------------------------- times

@pytest.mark.parametrize("text,kind,seconds,day", [
    ("+01:30", "offset", 5400, 0), ("-00:15", "offset", -900, 0), ("T+90", "offset", 5400, 0),
    ("T+1:30", "offset", 5400, 0), ("D+2 H+3 M+45", "offset", 2 * 86400 + 3 * 3600 + 2700, 0),
    ("J+1 H+2 M-5", "offset", 86400 + 7200 - 300, 0), ("J-1", "offset", -86400, 0),
    ("J", "offset", 0, 0), ("09:00", "clock", 32400, 0), ("0900", "clock", 32400, 0),
    ("D+1 06:00", "clock", 21600, 1), ("9:30 AM", "clock", 34200, 0),
    ("Monday 9:30 PM", "clock", 77400, 0), ("19:29:00", "clock", 70140, 0),
])
def test_time_forms(text: str, kind: str, seconds: int, day: int) -> None:
    w = parse_time(text)
    assert (w.kind, w.seconds, w.day) == (kind, seconds, day)


def test_moments_and_rollover() -> None:
    ws = [parse_time(x) for x in ("23:40", "00:10", "2027-01-20T01:00:00Z", "+00:30")]
    t0 = t0_of(ws, parse_iso("2027-01-19T23:40:00Z"))
    assert resolve_times(ws, t0) == [0, 1800, 4800, 1800]
    assert parse_time("26/06/2024 09h00").moment == parse_iso("2024-06-26T09:00:00Z")
    for bad in ("morgen", "25:00", "+01:75", "D+1 D+2"):
        with pytest.raises(TimeError):
            parse_time(bad)


# ---------------------------------------------------------------------- format and checks

def test_bundled_scenarios_are_valid_and_coherent() -> None:
    found = bundled()
    assert len(found) >= 2
    for name, sc, n_problems in found:
        assert sc is not None and n_problems == 0, name
        assert 12 <= len([i for i in sc.injects if not i.contingency]) <= 20, name
        for inj in sc.injects:
            for ev in inj.events:
                if ev.type == "bijstand.requested":  # regions ask KCR2, never JFC/UCPM
                    assert ev.payload["addressed_to"] not in ("JFC", "UCPM"), (name, inj.id)
                if ev.type == "decision.recorded":  # IRBT outcomes are agreements
                    assert ev.payload["text"].startswith("Afspraak"), (name, inj.id)
            assert "verdringingsreeks" not in inj.message.lower(), (name, inj.id)


def test_every_problem_with_its_line() -> None:
    bad = MINI.replace('channel = "C2000"\nmessage', 'channel = "duif"\nmessage') \
              .replace('quantity = 4', 'quantity = 0') \
              .replace('at = "+02:00"', 'at = "morgen"') \
              .replace('addressed_to = "KCR2"', 'addressed_to = "JFC"') \
              .replace('incident_id = "inc-1"', 'incident_id = "inc-9"')
    sc, problems = parse(bad)
    lines = bad.splitlines()
    by_text = {p.text: p.line for p in problems}

    def line_of(snippet: str) -> int:
        return next(n for n, ln in enumerate(lines, 1) if snippet in ln)

    def at(word: str) -> int:
        return next(line for text, line in by_text.items() if word in text)

    assert at("kanaal 'duif'") == line_of('channel = "duif"')
    assert at("aantal") == line_of("quantity = 0")
    assert at("tijd 'at'") == line_of('at = "morgen"')
    assert at("KCR2 (LOCC)") == line_of('addressed_to = "JFC"')
    assert at("inc-9") == line_of('incident_id = "inc-9"')
    assert all(str(p).startswith(f"regel {p.line}: ") for p in problems)


def test_toml_syntax_error_has_a_line() -> None:
    _sc, problems = parse('format = 1\ntitle = "x"\n[[inject]]\nid = \n')
    assert len(problems) == 1 and problems[0].line == 4
    assert "geen geldige TOML" in problems[0].text


def test_unknown_entity_and_illegal_step_are_found() -> None:
    extra = MINI + '''
[[inject]]
id = "I5"
at = "+03:00"
message = "x"
  [[inject.event]]
  type = "bijstand.status_changed"
  entity = "bij-1"
  to = "ingezet"
  [[inject.event]]
  type = "incident.picture_updated"
  entity = "inc-onbekend"
  beeld = "x"
'''
    _sc, problems = parse(extra)
    texts = " | ".join(p.text for p in problems)
    assert "van 'ingediend' naar 'ingezet' mag niet" in texts
    assert "inc-onbekend" in texts


# ---------------------------------------------------------------------- the player

def occurred(st: Store, typ: str) -> list[str]:
    return [e.occurred_at for e in st.iter_events() if e.type == typ]


def test_injects_fire_in_order_at_scenario_time(tmp_path: Path) -> None:
    st, pl, clock = mini(tmp_path)
    assert pl.tick() == []  # not started: nothing
    pl.start(speed=1)
    assert [f.inject for f in pl.tick()] == ["I1"]
    clock.advance(timedelta(minutes=19))
    assert pl.tick() == []
    clock.advance(timedelta(minutes=1))
    assert [f.inject for f in pl.tick()] == ["I2"]
    assert occurred(st, "incident.reported") == ["2027-01-19T06:00:00Z"]
    journal = [e for e in st.iter_events() if e.type == "journal.logged"]
    assert journal[0].occurred_at == "2027-01-19T06:20:00Z"
    # a player without a named trainer writes as the control team, a person with a function
    # (issue 16); the party the inject plays stays its sender
    assert journal[0].author == "Spelleiding (trainer)"
    assert journal[0].payload["sender"] == "CaCo MKON" and journal[0].payload["channel"] == "C2000"


def test_pause_speed_jump(tmp_path: Path) -> None:
    st, pl, clock = mini(tmp_path)
    pl.start(speed=10)
    clock.advance(timedelta(minutes=1))  # 10 scenario minutes
    assert pl.offset_s() == 600
    pl.pause()  # what was due goes out before the clock stops
    assert [f for f, v in pl.inject_states().items() if v.get("fired")] == ["I1"]
    clock.advance(timedelta(hours=5))
    assert pl.offset_s() == 600 and pl.tick() == []
    pl.resume()
    pl.set_speed(60)
    clock.advance(timedelta(seconds=10))  # 10 scenario minutes more
    assert pl.offset_s() == 1200
    assert [f.inject for f in pl.tick()] == ["I2"]
    fired = pl.jump(2 * 3600)
    assert [f.inject for f in fired] == ["I1b", "I3", "I4"]  # I1b: C2000 not reported by 0:30
    with pytest.raises(ExerciseError):
        pl.jump(3600)  # only forward


def test_contingency_does_not_fire_when_players_act(tmp_path: Path) -> None:
    st, pl, clock = mini(tmp_path)
    pl.start()
    pl.tick()
    # what the control store enters itself is no player's action
    st.execute(Command("comms.reported", {"region": "VNOG", "channel": "C2000",
                                          "state": "verstoord"}), "OL VNOG")
    assert pl._missed("I1b", pl.inject_states())  # noqa: SLF001
    player = Store.create(tmp_path / "p.db", "vnog", st.world)
    player.ingest([e.to_wire() for e in st.iter_events()])
    player.execute(Command("comms.reported", {"region": "VNOG", "channel": "C2000",
                                              "state": "verstoord"}), "IM VNOG")
    st.ingest([e.to_wire() for e in player.iter_events()])
    pl.jump(3 * 3600)
    assert "I1b" not in {s for s, v in pl.inject_states().items() if v.get("fired")}
    player.close()


def test_postpone_send_now_withdraw(tmp_path: Path) -> None:
    st, pl, clock = mini(tmp_path)
    pl.start()
    pl.postpone("I2", 45 * 60)
    pl.withdraw("I4", "scenario ingekort")
    f = pl.send_now("I3")
    assert (f.inject, f.how) == ("I3", "nu")
    clock.advance(timedelta(minutes=30))
    assert [x.inject for x in pl.tick()] == ["I1b"]  # I1 at 0, I2 now due 0:45
    clock.advance(timedelta(minutes=15))
    assert [x.inject for x in pl.tick()] == ["I2"]
    clock.advance(timedelta(hours=3))
    assert pl.tick() == []
    with pytest.raises(ExerciseError):
        pl.send_now("I3")
    pl.withdraw("I2")  # fired: a correction goes out, nothing is deleted
    texts = [e.payload.get("text", "") for e in st.iter_events() if e.type == "journal.logged"]
    assert any(t.startswith("Correctie van de oefenleiding") for t in texts)
    assert sum(1 for t in texts if t == "C2000 verstoord") == 1


def test_restart_and_crash_fire_exactly_once(tmp_path: Path, monkeypatch) -> None:
    st, pl, clock = mini(tmp_path)
    pl.start()
    pl.tick()
    st.close()
    st = Store.open(tmp_path / "c.db")
    pl = Player(st, load_scenario(tmp_path / "c.db"), clock)
    assert pl.tick() == []
    clock.advance(timedelta(minutes=20))
    before = st.event_count()
    real = st.execute

    def dies(cmds, author):  # the power goes in the middle of firing I2
        if getattr(cmds, "type", "") == "exercise.inject_fired":
            raise OSError("stroom weg")
        return real(cmds, author)

    monkeypatch.setattr(st, "execute", dies)
    with pytest.raises(OSError):
        pl.tick()
    assert st.event_count() == before  # the journal message went with the marker: nothing
    monkeypatch.setattr(st, "execute", real)
    assert [f.inject for f in Player(st, pl.scenario, clock).tick()] == ["I2"]
    assert Player(st, pl.scenario, clock).tick() == []
    st.close()


def test_player_store_holds_no_control_data(tmp_path: Path) -> None:
    st, pl, clock = mini(tmp_path)
    pl.start()
    pl.jump(3 * 3600)
    player = Store.create(tmp_path / "p.db", "vnog", st.world)
    res = player.ingest([e.to_wire() for e in st.iter_events()])
    assert not res.rejected
    dump = json.dumps([e.to_wire() for e in player.iter_events()], ensure_ascii=False)
    for secret in ("GEHEIM-VOOR-SPELERS", "VERWACHTING-VOOR-SPELLEIDING", "notes",
                   "contingency", "Herstel niet binnen 24 uur" + "x"):
        assert secret not in dump
    assert "GEHEIM-VOOR-SPELERS-1" in sidecar_path(tmp_path / "c.db").read_text("utf-8")
    assert player.event_count() == st.event_count() + 1  # + its own node.registered
    player.close()


def test_live_store_is_refused(store_factory) -> None:
    st = store_factory(world="LIVE")
    with pytest.raises(ExerciseError, match="oefenwereld"):
        Player(st, resolve("donker-oosten"))


def test_bundled_scenario_plays_to_the_end(tmp_path: Path) -> None:
    for name, sc, _n in bundled():
        assert sc is not None
        st = create_exercise(tmp_path / f"{name}.db", "spelleiding", sc, f"OEF-T-{name}"[:40])
        # as every route plays it (CLI, window, make run): led by a trainer, who writes the
        # injects; a sender like "Netbeheerder (liaison)" stays in the journal line's payload
        pl = Player(st, sc, FixedClock(WALL0), author="Tess Bakker (trainer)")
        pl.start(speed=60)
        fired = pl.jump(max(i.offset_s for i in sc.injects) + 3600)
        assert not [f for f in fired if f.refused], name
        ids = [f.inject for f in fired]
        assert len(ids) == len(set(ids))
        assert set(ids) >= {i.id for i in sc.scheduled()}
        stamps = [to_iso(ms_to_dt(f.scenario_ms)) for f in fired]
        assert stamps == sorted(stamps)
        st.close()


_SUB = '''
[[inject]]
id = "I9"
at = "+03:00"
from = "LOCC KCR2"
to = "JFC"
channel = "NCV"
message = "Deelverzoek aggregaten aan Defensie"

  [[inject.event]]
  type = "bijstand.requested"
  entity = "bij-2"
  requesting_region = "VNOG"
  addressed_to = "JFC"
  parent_id = "bij-1"
  capability = "aggregaten_noodstroom"
  quantity = 2
  incident_id = "inc-1"
  status = "ingediend"
'''


def test_kcr2_forwards_a_request_made_to_it_and_nothing_else() -> None:
    """A scenario follows the route of the command table: KCR2's sub-request to JFC of a
    request made to KCR2 is fine; the same under a request to a neighbour is not."""
    _sc, problems = parse(MINI + _SUB)
    assert problems == [], problems
    neighbour = (MINI + _SUB).replace('addressed_to = "KCR2"', 'addressed_to = "VGGM"')
    _sc, problems = parse(neighbour)
    assert any("alleen KCR2 zet een verzoek door" in p.text for p in problems), problems
    direct = (MINI + _SUB).replace('  parent_id = "bij-1"\n', "")
    _sc, problems = parse(direct)
    assert any("KCR2 (LOCC)" in p.text for p in problems), problems
