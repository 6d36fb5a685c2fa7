"""An exercise across real processes: the control centre plays a scenario at ×60 with a pause
and a speed change (``crisisbeeld exercise …``), a player centre takes the injects in through a
real hub and answers; the review's figures equal the ones worked out here from the raw log, every
inject went out exactly once, and the player's store holds nothing of the control team's."""

from __future__ import annotations

import bisect
import json
from pathlib import Path

import openpyxl

from data.clock import parse_iso
from data.scenario.aar import review
from data.scenario.control import load_scenario
from data.store import Command, Store
from tests.e2e.synckit import Hub, cli, token_file

WORLD = "OEF-E2E-HUB"
#: who runs the exercise clock (the verbs that write name a person and a function)
TRAINER = "Tess Trainer (trainer)"

SCENARIO = '''
format = 1
id = "e2e"
title = "Oefening door de hub"
t0 = "2027-03-02T08:00:00Z"
regions = ["VNOG"]

[objectives]
D1 = "Melding bevestigen"

[[inject]]
id = "E1"
at = "+00:01"
from = "Netbeheerder"
to = "IM VNOG"
message = "Middenspanning uitgevallen in Oost-5"
objective = "D1"
notes = "GEHEIM-SPELLEIDING-E1"
  [[inject.expect]]
  type = "journal.logged"
  where = { sender = "IM VNOG" }
  within = "+00:10"
  text = "VERWACHTING-GEHEIM-IM"

[[inject]]
id = "E2"
at = "+00:02"
from = "CaCo MKON"
to = "OL VNOG"
message = "C2000 valt weg in Oost-5"
objective = "D1"
  [[inject.expect]]
  type = "comms.reported"
  where = { region = "VNOG" }
  within = "+00:01"
  text = "verbindingsbeeld"

[[inject]]
id = "E3"
at = "+00:04"
from = "KCR2"
to = "OL VNOG"
message = "Hoeveel aggregaten zijn nodig?"
objective = "D1"
notes = "GEHEIM-SPELLEIDING-E3"
  [[inject.expect]]
  type = "journal.logged"
  where = { sender = "OL VNOG" }
  within = "+00:30"
  text = "OL antwoordt"
'''


def sync(db: Path, hub: Hub, tok: str) -> None:
    cli("sync", "--db", str(db), "--hub", hub.url, "--token-file", tok, "--once",
        "--give-up", "60", "--quiet")


def answer(db: Path, sender: str, text: str) -> None:
    with Store.open(db) as st:
        st.execute(Command("journal.logged", {"channel": "telefoon", "direction": "uit",
                                              "sender": sender, "recipient": "KCR2",
                                              "text": text}), sender)


def by_hand(control: Path) -> dict[str, int]:
    """Response times worked out from the raw log: the player's answer's recorded wall moment,
    through the clock events (each holds the clock after it), minus the inject's moment."""
    with Store.open(control, readonly=True) as st:
        evs = list(st.iter_events())
    clock = sorted((e.payload for e in evs if e.entity == "oefening:klok"),
                   key=lambda p: p["wall_ms"])
    walls = [c["wall_ms"] for c in clock]

    def scenario_ms(wall_ms: int) -> int:
        c = clock[bisect.bisect_right(walls, wall_ms) - 1]
        return c["scenario_ms"] + (c["speed"] * (wall_ms - c["wall_ms"]) if c["running"] else 0)

    fired = {e.payload["inject"]: e.payload["scenario_ms"] for e in evs
             if e.type == "exercise.inject_fired"}
    answers = {e.payload["sender"]: int(parse_iso(e.recorded_at).timestamp() * 1000)
               for e in evs if e.type == "journal.logged" and e.origin == "vnog"}
    return {"E1": (scenario_ms(answers["IM VNOG"]) - fired["E1"]) // 1000,
            "E3": (scenario_ms(answers["OL VNOG"]) - fired["E3"]) // 1000}


def test_exercise_through_a_hub(tmp_path: Path) -> None:
    (tmp_path / "s.toml").write_text(SCENARIO, encoding="utf-8")
    control, player = tmp_path / "sl.db", tmp_path / "vnog.db"
    cli("exercise", "new", "--scenario", str(tmp_path / "s.toml"), "--db", str(control),
        "--node", "spelleiding", "--world", WORLD)
    Store.create(player, "vnog", WORLD, "VNOG").close()
    hub = Hub(["--db", str(tmp_path / "hub.db")], tmp_path)
    try:
        t_sl = token_file(tmp_path, "spelleiding", hub.enroll("spelleiding", WORLD))
        t_pl = token_file(tmp_path, "vnog", hub.enroll("vnog", WORLD))

        # ×60 until T+00:03 (then paused): E1 and E2 go out
        out = cli("--als", TRAINER, "exercise", "run", "--db", str(control), "--speed", "60",
                  "--until", "T+00:03").stdout
        assert "inject E1" in out and "inject E2" in out and "inject E3" not in out
        sync(control, hub, t_sl)
        sync(player, hub, t_pl)
        answer(player, "IM VNOG", "stroomuitval Oost-5 ontvangen, we schalen op")
        sync(player, hub, t_pl)

        # a speed change, on to T+00:06 (paused again): E3 goes out
        cli("--als", TRAINER, "exercise", "speed", "--db", str(control), "30")
        out = cli("--als", TRAINER, "exercise", "run", "--db", str(control),
                  "--until", "T+00:06").stdout
        assert "inject E3" in out
        sync(control, hub, t_sl)
        sync(player, hub, t_pl)
        answer(player, "OL VNOG", "vier aggregaten van 100 kVA")
        sync(player, hub, t_pl)
        sync(control, hub, t_sl)
    finally:
        hub.stop()

    # the player's store: every inject once, as ordinary events; nothing of the control team's
    with Store.open(player, readonly=True) as st:
        evs = list(st.iter_events())
    fired = [e.payload["inject"] for e in evs if e.type == "exercise.inject_fired"]
    assert sorted(fired) == ["E1", "E2", "E3"]
    texts = {e.payload.get("text") for e in evs if e.type == "journal.logged"}
    assert {"Middenspanning uitgevallen in Oost-5", "C2000 valt weg in Oost-5",
            "Hoeveel aggregaten zijn nodig?"} <= texts
    dump = json.dumps([e.to_wire() for e in evs], ensure_ascii=False)
    for secret in ("GEHEIM-SPELLEIDING", "VERWACHTING-GEHEIM"):
        assert secret not in dump
    assert not list(tmp_path.glob("vnog.db.*.json*"))

    # the review equals the figures worked out by hand, paused time left out
    want = by_hand(control)
    with Store.open(control, readonly=True) as st:
        r = review(st, load_scenario(control))
    e1, e2, e3 = (r.inject(i) for i in ("E1", "E2", "E3"))
    assert e1.expectations[0].response.response_s == want["E1"]
    assert e3.expectations[0].response.response_s == want["E3"]
    assert 120 <= want["E1"] <= 300 and 60 <= want["E3"] <= 240  # answered while paused
    assert e1.expectations[0].state == "gehaald" and e3.expectations[0].state == "gehaald"
    assert e2.expectations[0].state == "gemist"
    assert r.objectives[0].mean_response_s == round((want["E1"] + want["E3"]) / 2)
    assert [e.what for e in r.timeline if "×" in e.what or "gepauzeerd" in e.what] == [
        "oefening gestart, ×60", "gepauzeerd", "snelheid ×30", "gepauzeerd"]

    # the trainer's exports: the review (html, xlsx) and the MSEL with what happened
    cli("exercise", "aar", "--db", str(control), "--out", str(tmp_path / "aar.html"))
    cli("exercise", "aar", "--db", str(control), "--out", str(tmp_path / "aar.xlsx"))
    cli("msel", "export", "--db", str(control), "--out", str(tmp_path / "msel.xlsx"))
    assert "OL antwoordt" in (tmp_path / "aar.html").read_text("utf-8")
    rows = [[c.value for c in row]
            for row in openpyxl.load_workbook(tmp_path / "msel.xlsx").active.iter_rows()]
    head, body = rows[0], {r[0]: dict(zip(rows[0], r)) for r in rows[1:]}
    assert "Reacties spelers" in head and all(body[i]["Status"] == "verstuurd"
                                              for i in ("E1", "E2", "E3"))
    assert body["E1"]["Verstuurd (scenariotijd)"] == "+00:01"
    assert f"(+{want['E1'] // 60} min" in body["E1"]["Reacties spelers"]
