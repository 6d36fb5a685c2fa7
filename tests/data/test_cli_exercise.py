"""The trainer's verbs: scenario validate/list, exercise new/run/status/pause/resume/…, msel
import/export — in process, on a FixedClock the headless runner steps instead of sleeping."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import pytest

from data.clock import FixedClock, set_default_clock
from data.scenario.control import sidecar_path
from data.store import Store
from desktop import cli_exercise
from desktop.cli import main
from tests.data.test_msel import EN, write_csv

TRAINER = "Tess Trainer (trainer)"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch):
    c = FixedClock("2026-11-26T10:00:00Z")
    set_default_clock(c)
    monkeypatch.setenv("CRISISBEELD_AUTHOR", TRAINER)  # the verbs that write name their author
    # the runner's wait becomes a step of the fixed clock: no real sleeping
    monkeypatch.setattr(cli_exercise, "_sleep", lambda s: c.advance(timedelta(seconds=s)))
    yield c
    set_default_clock(None)


def test_scenario_list_and_validate(tmp_path: Path, capsys) -> None:
    code, out, _ = run(capsys, "scenario", "list")
    assert code == 0 and "donker-oosten" in out and "droge-lente" in out
    bad = tmp_path / "s.toml"
    bad.write_text('format = 1\ntitle = "x"\n\n[[inject]]\nid = "A"\nat = "+00:00"\n'
                   'channel = "duif"\nmessage = "m"\n', encoding="utf-8")
    code, out, _ = run(capsys, "scenario", "validate", str(bad))
    assert code == 1 and "regel 7: inject A: kanaal 'duif' bestaat niet" in out


def test_exercise_headless(tmp_path: Path, capsys, clock: FixedClock) -> None:
    db = str(tmp_path / "c.db")
    code, out, _ = run(capsys, "exercise", "new", "--scenario", "donker-oosten", "--db", db,
                       "--node", "spelleiding", "--world", "OEF-TEST-DO")
    assert code == 0 and "OEF-TEST-DO" in out and sidecar_path(db).exists()
    code, out, _ = run(capsys, "exercise", "run", "--db", db, "--speed", "60",
                       "--until", "T+00:30")
    assert code == 0 and "inject A01" in out and "inject A04" in out and "inject A05" not in out
    assert "gepauzeerd op T+00:30" in out
    code, out, _ = run(capsys, "exercise", "status", "--db", db)
    assert "gepauzeerd" in out and "4/21" in out  # A01-A04 fired (A03b not yet due)
    run(capsys, "exercise", "postpone", "--db", db, "A05", "T+01:00")
    run(capsys, "exercise", "withdraw", "--db", db, "A06")
    code, out, _ = run(capsys, "exercise", "send", "--db", db, "A07")
    assert code == 0 and "inject A07 (nu verstuurd)" in out
    code, out, _ = run(capsys, "exercise", "resume", "--db", db)
    assert "loopt" in out
    code, out, _ = run(capsys, "exercise", "jump", "--db", db, "T+02:00")
    assert "inject A03b (terugval)" in out and "inject A05" in out and "A06" not in out
    code, out, err = run(capsys, "exercise", "jump", "--db", db, "T+01:00")
    assert code == 2 and "vooruit" in err
    code, out, _ = run(capsys, "exercise", "pause", "--db", db)
    assert "gepauzeerd" in out
    code, out, _ = run(capsys, "exercise", "run", "--db", db, "--speed", "60")  # to the end
    assert code == 0 and "inject A19" in out
    # the trainer plays the injects' parties: a simulated OL's decision (A16) is made too
    assert "inject A16" in out and "niet gemaakt" not in out
    out_x = tmp_path / "verslag.xlsx"
    code, out, _ = run(capsys, "msel", "export", "--db", db, "--out", str(out_x))
    assert code == 0 and out_x.exists()


def test_exercise_verbs_write_as_the_trainer(tmp_path: Path, capsys, clock: FixedClock,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    """The clock and the injects are written by the trainer who runs them (person and
    function); an inject's journal line keeps its scenario sender; anyone else, or a name
    without a function, is refused with the message and nothing changes."""
    db = str(tmp_path / "c.db")
    run(capsys, "exercise", "new", "--scenario", "donker-oosten", "--db", db,
        "--node", "spelleiding", "--world", "OEF-TEST-WHO")
    monkeypatch.setenv("CRISISBEELD_AUTHOR", "Olga Leider (OL)")
    code, _, err = run(capsys, "exercise", "run", "--db", db, "--until", "T+00:10")
    assert code == 2 and "de oefening leiden mag alleen een trainer" in err
    monkeypatch.setenv("CRISISBEELD_AUTHOR", "Tess Trainer")
    code, _, err = run(capsys, "exercise", "pause", "--db", db)
    assert code == 2 and "noemt geen functie" in err
    assert 'CRISISBEELD_AUTHOR="Naam (functie)"' in err
    monkeypatch.delenv("CRISISBEELD_AUTHOR")
    code, _, err = run(capsys, "exercise", "send", "--db", db, "A01")
    assert code == 2 and '--als "Naam (functie)"' in err
    with Store.open(db, readonly=True) as st:
        assert not [e for e in st.iter_events() if e.type.startswith("exercise.")]
    code, _, err = run(capsys, "--als", "Rien Waarnemer (waarnemer)", "exercise", "resume",
                       "--db", db)
    assert code == 2 and "een waarnemer leest alleen mee" in err

    code, out, _ = run(capsys, "--als", TRAINER, "exercise", "run", "--db", db, "--speed", "60",
                       "--until", "T+00:30")
    assert code == 0 and "inject A01" in out
    with Store.open(db, readonly=True) as st:
        evs = [e for e in st.iter_events() if e.type != "node.registered"]
    assert evs and {e.author for e in evs} == {TRAINER}
    senders = {e.payload["sender"] for e in evs if e.type == "journal.logged"}
    assert senders and TRAINER not in senders  # the scenario's senders, not the trainer


def test_exercise_new_refuses_bad_input(tmp_path: Path, capsys) -> None:
    code, _, err = run(capsys, "exercise", "new", "--scenario", "bestaat-niet", "--db",
                       str(tmp_path / "c.db"), "--node", "sl")
    assert code == 2 and "meegeleverd" in err
    code, _, err = run(capsys, "exercise", "new", "--scenario", "droge-lente", "--db",
                       str(tmp_path / "c.db"), "--node", "sl", "--world", "LIVE")
    assert code == 2 and "oefenwereld" in err
    code, _, err = run(capsys, "exercise", "status", "--db", str(tmp_path / "geen.db"))
    assert code == 2 and "bestaat niet" in err


def test_msel_import_all_or_nothing(tmp_path: Path, capsys) -> None:
    db = str(tmp_path / "c.db")
    good = write_csv(tmp_path / "goed.csv", EN)
    code, out, _ = run(capsys, "msel", "import", "--db", db, str(good), "--save-map",
                       str(tmp_path / "k.toml"))
    assert code == 0 and "4 injects" in out and "tijd = 'Scenario Time'" in out
    assert 'time = "Scenario Time"' in (tmp_path / "k.toml").read_text("utf-8")
    st = Store.open(db)
    before = (str(st.fingerprint()), sidecar_path(db).read_bytes())
    st.close()
    rows = [r[:] for r in EN]
    for r in rows[1:]:
        if r[0]:
            r[0] = "N" + r[0]
    rows[4][1] = "ooit"
    rows[5][7] = ""
    bad = write_csv(tmp_path / "fout.csv", rows, delim=";")
    code, out, err = run(capsys, "msel", "import", "--db", db, str(bad))
    assert code == 2 and "niets veranderd" in err
    assert "rij 5: kolom 'Scenario Time'" in err and "rij 6: kolom 'Message'" in err
    st = Store.open(db)
    assert (str(st.fingerprint()), sidecar_path(db).read_bytes()) == before
    st.close()
    code, _, err = run(capsys, "msel", "import", "--db", db, str(good))  # same numbers again
    assert code == 2 and "staan al in het draaiboek" in err
    rows[4][1], rows[5][7] = "+03:00", "ok"
    code, out, _ = run(capsys, "msel", "import", "--db", db,
                       str(write_csv(tmp_path / "erbij.csv", rows, delim=";")))
    assert code == 0
    doc = json.loads(sidecar_path(db).read_text("utf-8"))
    assert len(doc["injects"]) == 8


def test_exercise_from_msel_with_map(tmp_path: Path, capsys) -> None:
    p = write_csv(tmp_path / "eigen.csv", [["Wanneer", "Wat"], ["+00:10", "Stroom weg"]])
    (tmp_path / "k.toml").write_text('[columns]\ntime = "A"\nmessage = "Wat"\n', "utf-8")
    code, out, _ = run(capsys, "exercise", "new", "--scenario", str(p), "--map",
                       str(tmp_path / "k.toml"), "--db", str(tmp_path / "c.db"), "--node", "sl")
    assert code == 0 and "1 injects" in out


def test_make_run_opens_a_paused_exercise_not_live(tmp_path: Path, capsys) -> None:
    from desktop.cli_app import ensure_demo_store

    db = ensure_demo_store()
    assert ensure_demo_store() == db  # made once
    st = Store.open(db)
    assert st.world.startswith("OEF-")
    # every line names a person and a function: the demo's trainer runs clock and injects
    authors = {e.author for e in st.iter_events() if e.type != "node.registered"}
    st.close()
    assert authors == {"Tess Bakker (trainer)"}
    code, out, _ = run(capsys, "exercise", "status", "--db", str(db))
    assert code == 0 and "gepauzeerd" in out and "T+36:00" in out
    code, _, err = run(capsys, "demo", "--db", str(tmp_path / "d.db"), "--world", "LIVE")
    assert code == 2 and "nooit in LIVE" in err


def test_msel_added_to_an_exercise_keeps_its_times_from_the_sheets_t0(tmp_path: Path,
                                                                        capsys) -> None:
    """A sheet dated 2027-01-01 added to an exercise whose T0 is 2027-01-19: each inject keeps
    its time after the sheet's T0, counted from the exercise's T0 (not hundreds of hours
    before it); an inject before T0 refuses the whole sheet."""
    db = str(tmp_path / "c.db")
    run(capsys, "exercise", "new", "--scenario", "donker-oosten", "--db", db, "--node", "sl")
    sheet = write_csv(tmp_path / "blad.csv", [
        ["Nummer", "Scenariotijd", "Bericht"],
        ["N1", "2027-01-01T10:00", "Stroom weg"], ["N2", "2027-01-01T10:45", "Nog steeds"]])
    code, out, _ = run(capsys, "msel", "import", "--db", db, str(sheet))
    assert code == 0 and "T0 van de oefening (2027-01-19" in out
    offsets = {i["id"]: i["offset_s"]
               for i in json.loads(sidecar_path(db).read_text("utf-8"))["injects"]}
    assert (offsets["N1"], offsets["N2"]) == (0, 45 * 60)
    before = sidecar_path(db).read_bytes()
    early = write_csv(tmp_path / "vroeg.csv", [
        ["Nummer", "Scenariotijd", "Bericht"], ["V1", "-00:30", "Voorbericht"],
        ["V2", "+00:10", "Daarna"]])
    code, _, err = run(capsys, "msel", "import", "--db", db, str(early))
    assert code == 2 and "vóór T0" in err and "V1 (-00:30)" in err and "V2" not in err
    assert sidecar_path(db).read_bytes() == before


@pytest.mark.parametrize("name", ["donker-oosten", "droge-lente", "hoog-water", "spoorzone"])
def test_a_new_t0_moves_the_moments_inside_the_injects(name: str) -> None:
    """`make run` and `--t0` re-base T0 to another day: a deadline (needed_by) or an eta written
    in an inject's events stays as far from T0 as the scenario meant, not months away."""
    from data.clock import parse_iso
    from data.scenario.library import resolve
    from data.scenario.model import _MOMENT

    def moments(sc) -> list[tuple[str, float]]:
        return [(inj.id, (parse_iso(v) - sc.t0).total_seconds())
                for inj in sc.injects for ev in inj.events for v in ev.payload.values()
                if isinstance(v, str) and _MOMENT.fullmatch(v)]

    sc = resolve(name)
    before = moments(sc)
    sc.rebase(parse_iso("2026-11-26T08:13:00Z"))
    assert moments(sc) == before
    assert all(abs(s) < 7 * 86_400 for _i, s in before)


def test_make_run_deadline_is_hours_from_now_not_months(tmp_path: Path) -> None:
    from data.clock import parse_iso
    from desktop.cli_app import build_demo_exercise

    st = Store.open(build_demo_exercise(tmp_path / "o.db"))
    t0 = parse_iso(json.loads(sidecar_path(tmp_path / "o.db").read_text("utf-8"))["t0"])
    needed = [parse_iso(e.payload["needed_by"]) for e in st.iter_events()
              if e.type == "bijstand.requested" and e.payload.get("needed_by")]
    st.close()
    assert needed and all(timedelta(0) < n - t0 < timedelta(days=2) for n in needed)


@pytest.mark.parametrize("ext", ["xlsx", "csv"])
def test_msel_export_reads_back_as_the_same_scenario(tmp_path: Path, capsys, ext: str) -> None:
    """export → import keeps T0, ids, offsets, kinds, the fallback injects as fallbacks (and
    the expectations that trigger them), and each inject's events."""
    from data.scenario.control import load_scenario

    db, back = str(tmp_path / "c.db"), str(tmp_path / "terug.db")
    run(capsys, "exercise", "new", "--scenario", "donker-oosten", "--db", db, "--node", "sl",
        "--t0", "2027-02-03T08:00:00Z")
    out_x = tmp_path / f"msel.{ext}"
    assert run(capsys, "msel", "export", "--db", db, "--out", str(out_x))[0] == 0
    code, out, _ = run(capsys, "msel", "import", "--db", back, str(out_x))
    assert code == 0 and "T0 (UTC)" not in out and "JSON" not in out and "Terugval" not in out
    a, b = load_scenario(db), load_scenario(back)
    assert b.t0 == a.t0
    def plan(sc) -> dict:
        return {i.id: (i.offset_s, i.kind, i.contingency, i.expect, i.events, i.message)
                for i in sc.injects}

    assert plan(b) == plan(a)
    assert [i.id for i in b.scheduled()] == [i.id for i in a.scheduled()]
    assert {i.id for i in b.injects if i.contingency} == {"A03b", "A12b"}
    assert any(x.contingency == "A03b" for i in b.injects for x in i.expect)
