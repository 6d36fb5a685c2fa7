"""The after-action review: planned against actual, expectations matched to the player events
that met them (with response times, paused time left out), objectives, notes, the timeline, and
the three file formats of ``crisisbeeld exercise aar``."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from data.clock import FixedClock, set_default_clock
from data.scenario.aar import review
from data.scenario.aar_render import RenderError, write
from data.scenario.control import create_exercise, load_scenario
from data.scenario.observations import Note, NoteError, add_note, load_notes, notes_path
from data.scenario.player import Player
from data.scenario.toml_format import parse
from data.store import Command, Store
from desktop.cli import main

AAR = '''
format = 1
id = "aar"
title = "Evaluatieproef"
t0 = "2027-01-19T06:00:00Z"
regions = ["VNOG"]

[objectives]
D1 = "Informatie delen"
D2 = "Bijstand regelen"

[[inject]]
id = "I1"
at = "+00:00"
from = "Netbeheerder"
to = "IM VNOG"
message = "Stroom weg in Oost-5"
objective = "D1"
  [[inject.expect]]
  type = "journal.logged"
  where = { sender = "IM VNOG" }
  within = "+00:15"
  text = "IM bevestigt"

[[inject]]
id = "I2"
at = "+00:20"
from = "CaCo MKON"
to = "OL VNOG"
message = "C2000 verstoord"
objective = "D1"
  [[inject.event]]
  type = "incident.reported"
  entity = "inc-oost"
  author = "CaCo MKON"
  title = "C2000 verstoord in Oost"
  kind = "stroomuitval"
  regions = ["VNOG"]
  [[inject.expect]]
  type = "comms.reported"
  where = { region = "VNOG" }
  within = "+00:10"
  text = "Verbindingsbeeld bijgewerkt"

[[inject]]
id = "I3"
at = "+01:00"
from = "KCR2"
to = "OL VNOG"
message = "Hoeveel aggregaten?"
objective = "D2"
  [[inject.expect]]
  type = "journal.logged"
  where = { sender = "ol vnog" }
  within = "+00:05"
  text = "OL antwoordt"

[[inject]]
id = "I4"
at = "+02:00"
from = "Netbeheerder"
to = "ROT VNOG"
message = "Herstel duurt lang"
'''


def at(clock: FixedClock, hhmmss: str) -> None:
    clock.set(f"2026-11-26T{hhmmss}Z")


def journal(sender: str, text: str) -> Command:
    return Command("journal.logged", {"channel": "telefoon", "direction": "uit",
                                      "sender": sender, "recipient": "KCR2", "text": text})


@pytest.fixture
def played(tmp_path: Path):
    """An exercise played by hand on a fixed clock, with one player centre answering."""
    clock = FixedClock("2026-11-26T10:00:00Z")
    set_default_clock(clock)  # recorded_at of both stores follows it
    sc, problems = parse(AAR, "aar.toml")
    assert not problems and sc is not None
    db = tmp_path / "c.db"
    st = create_exercise(db, "spelleiding", sc, "OEF-TEST-AAR")
    pl = Player(st, sc, clock)
    player = Store.create(tmp_path / "p.db", "vnog", st.world)

    def to_player() -> None:
        player.ingest([e.to_wire() for e in st.iter_events()])

    def to_control() -> None:
        st.ingest([e.to_wire() for e in player.iter_events()])

    pl.start(speed=4)                      # 10:00:00 = T+0, I1 goes out
    pl.tick()
    at(clock, "10:01:00")                  # the control team's own entry is no answer
    st.execute(journal("IM VNOG", "door de spelleiding ingevoerd"), "IM VNOG")
    to_player()
    at(clock, "10:03:00")                  # T+12:00
    pl.pause()
    add_note(db, Note(pl.offset_s(), pl.wall_ms(), "IM belde pas na de tweede melding", "I1",
                      "waarnemer 1"))
    at(clock, "10:08:00")                  # still T+12:00 (paused): the player answers I1
    player.execute(journal("IM VNOG", "stroom weg, we schalen op"), "IM VNOG")
    at(clock, "10:13:00")                  # ten wall minutes paused: not scenario time
    pl.resume()
    at(clock, "10:15:00")                  # T+20:00: I2 goes out; nobody answers it
    pl.tick()
    pl.postpone("I3", 90 * 60, "regio nog bezig")
    to_player()
    at(clock, "10:16:00")                  # T+24:00: the player works on I2's incident
    player.execute(Command("incident.updated", {"title": "C2000 verstoord, Oost-5"},
                           "inc-oost"), "OL VNOG")
    at(clock, "10:17:00")                  # T+28:00
    pl.set_speed(10)
    pl.jump(90 * 60)                       # T+1:30: I3 goes out
    to_player()
    at(clock, "10:17:48")                  # T+1:30 + 10 x 48 s = T+1:38: I3 answered late
    player.execute(journal("OL VNOG", "vier aggregaten"), "OL VNOG")
    to_control()
    at(clock, "10:18:00")                  # T+1:40
    pl.withdraw("I4", "speelt niet meer")
    yield db, st, sc, clock
    player.close()
    st.close()
    set_default_clock(None)


def test_review_hand_computed(played) -> None:
    db, st, sc, clock = played
    r = review(st, sc, load_notes(db), now_wall_ms=clock.now_ms())
    assert (r.now_s, r.running_wall_s, r.paused_wall_s) == (100 * 60, 480, 600)
    i1, i2, i3, i4 = (r.inject(k) for k in ("I1", "I2", "I3", "I4"))
    assert (i1.planned_s, i1.fired_s, i1.status, i1.first_response_s) == (0, 0, "verstuurd", 720)
    x1 = i1.expectations[0]
    assert x1.state == "gehaald" and x1.response.response_s == 720
    assert x1.response.origin == "vnog" and x1.response.offset_s == 720
    assert i2.fired_s == 20 * 60 and i2.expectations[0].state == "gemist"
    assert i2.first_response_s == 240  # on the incident the inject made
    assert (i3.planned_s, i3.due_s, i3.fired_s, i3.delay_s) == (3600, 5400, 5400, 1800)
    x3 = i3.expectations[0]
    assert x3.state == "te laat" and x3.response.response_s == 480
    assert i4.status == "ingetrokken" and i4.fired_s is None
    d1, d2 = r.objectives
    assert (d1.id, d1.fired, d1.met, d1.missed, d1.mean_response_s) == ("D1", 2, 1, 1, 720)
    assert (d2.id, d2.late, d2.mean_response_s) == ("D2", 1, 480)
    assert [n.text for n in i1.notes] == ["IM belde pas na de tweede melding"]
    whats = [e.what for e in r.timeline]
    assert whats.index("gepauzeerd") < whats.index("hervat") < whats.index("snelheid ×10")
    assert "vooruit naar T+01:30" in whats and "inject I4 ingetrokken (speelt niet meer)" in whats
    assert "inject I3 uitgesteld naar T+01:30 (regio nog bezig)" in whats


def test_open_expectation_before_its_deadline(played) -> None:
    db, st, sc, clock = played
    r = review(st, sc, [], now_wall_ms=clock.now_ms() - 3 * 60_000 + 1000)  # 10:15:01 = T+20:04
    assert r.inject("I2").expectations[0].state == "open"


def test_formats_and_cli(played, tmp_path: Path, capsys) -> None:
    db, st, sc, clock = played
    for ext in ("md", "html", "xlsx"):
        code = main(["exercise", "aar", "--db", str(db), "--out", str(tmp_path / f"e.{ext}")])
        assert code == 0
    assert "evaluatie geschreven" in capsys.readouterr().out
    md = (tmp_path / "e.md").read_text("utf-8")
    assert "| I3 | T+01:00 | T+01:30 | 30 min |" in md and "te laat" in md
    page = (tmp_path / "e.html").read_text("utf-8")
    assert "<svg" in page and "IM belde pas" in page
    assert "http" not in page.replace("http://www.w3.org/2000/svg", "")  # self-contained
    wb = openpyxl.load_workbook(tmp_path / "e.xlsx")
    ws = wb["Verwachtingen"]
    rows = [[c.value for c in row] for row in ws.iter_rows()]
    assert rows[1][:5] == ["I1", "IM bevestigt", "journal.logged (sender=IM VNOG)", "15 min",
                           "gehaald"]
    assert rows[1][6] == "12 min"
    with pytest.raises(RenderError):
        write(review(st, sc), tmp_path / "e.pdf")
    assert main(["exercise", "aar", "--db", str(db), "--out", str(tmp_path / "e.pdf")]) != 0
    assert "kies .md, .html of .xlsx" in capsys.readouterr().err


def test_notes_stay_beside_the_store(played, tmp_path: Path, capsys) -> None:
    db, st, sc, clock = played
    assert main(["exercise", "note", "--db", str(db), "--inject", "I2", "geen reactie"]) == 0
    assert "waarneming bewaard op T+01:40 bij I2" in capsys.readouterr().out
    assert main(["exercise", "note", "--db", str(db), "--inject", "X9", "x"]) != 0
    with pytest.raises(NoteError):
        add_note(db, Note(0, 0, "   "))
    notes = load_notes(db)
    assert [n.inject for n in notes] == ["I1", "I2"]
    with open(notes_path(db), "a", encoding="utf-8") as f:
        f.write('{"offset_s": 5, "te')  # a crash in the middle of a line
    assert len(load_notes(db)) == 2
    assert load_scenario(db).inject("I1") is not None
    for e in st.iter_events():
        assert "geen reactie" not in e.payload_json


def test_msel_export_carries_what_happened(played, tmp_path: Path) -> None:
    db, st, sc, clock = played
    out = tmp_path / "uit.xlsx"
    assert main(["msel", "export", "--db", str(db), "--out", str(out)]) == 0
    rows = [[c.value for c in r] for r in openpyxl.load_workbook(out).active.iter_rows()]
    head = rows[0]
    by_id = {r[0]: dict(zip(head, r)) for r in rows[1:]}
    assert by_id["I3"]["Verstuurd (scenariotijd)"] == "+01:30"
    assert by_id["I3"]["Verstuurd (kloktijd UTC)"] == "2026-11-26 10:17:00"
    assert by_id["I1"]["Reacties spelers"] == "IM bevestigt: gehaald T+00:12 (+12 min) door IM VNOG"
    assert by_id["I1"]["Waarnemingen"] == "T+00:12 IM belde pas na de tweede melding"
    assert by_id["I2"]["Reacties spelers"] == "Verbindingsbeeld bijgewerkt: gemist"
    assert by_id["I4"]["Status"] == "ingetrokken"
