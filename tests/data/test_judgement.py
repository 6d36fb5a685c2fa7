"""The control team's judgement: overrides of expectations, P/S/M/U ratings, findings and the
improvement plan — kept beside the control store, refused with a Dutch message when wrong, and
shown in the after-action review beside the automatic match."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from data.scenario.aar import review
from data.scenario.judgement import (
    JudgementError,
    add_finding,
    add_plan_item,
    judge,
    judgement_path,
    load_judgement,
    rate,
)
from data.scenario.observations import load_notes
from desktop.cli import main
from tests.data.test_aar import played  # noqa: F401  (the fixture)


@pytest.mark.parametrize(("inject", "n", "verdict", "message"), [
    ("X9", 1, "gehaald", "inject 'X9' staat niet in het draaiboek"),
    ("I4", 1, "gehaald", "inject I4 heeft geen verwachtingen"),
    ("I1", 2, "gehaald", "inject I1 heeft één verwachting (1)"),
    ("I1", 0, "gehaald", "inject I1 heeft één verwachting (1)"),
    ("I1", 1, "half",
     "kies gehaald, deels, gemist of automatisch (het oordeel wissen; niet 'half')"),
    ("I1", 1, "", "kies gehaald, deels, gemist of automatisch"),
])
def test_bad_overrides_change_nothing(played, inject, n, verdict, message) -> None:  # noqa: F811
    db, _st, sc, _clock = played
    with pytest.raises(JudgementError, match=message.replace("(", r"\(").replace(")", r"\)")):
        judge(db, sc, inject, n, verdict)
    assert not judgement_path(db).exists()


@pytest.mark.parametrize(("call", "message"), [
    (lambda db, sc: rate(db, sc, "D9", "P"), "doel 'D9' staat niet in het draaiboek"),
    (lambda db, sc: rate(db, sc, "", "P"), "welk doel"),
    (lambda db, sc: rate(db, sc, "D1", "X"), "kies P, S, M of U"),
    (lambda db, sc: add_finding(db, sc, "goed", "x"), "kies sterk of verbeter"),
    (lambda db, sc: add_finding(db, sc, "sterk", "   "), "de tekst is leeg"),
    (lambda db, sc: add_plan_item(db, sc, "p", "a", "o", "volgende week"), "geen datum"),
    (lambda db, sc: add_plan_item(db, sc, "p", "", "o", "2027-03-01"), "verbeteractie is leeg"),
    (lambda db, sc: add_plan_item(db, sc, "p", "a", " ", "2027-03-01"), "eigenaar is leeg"),
])
def test_bad_judgements_change_nothing(played, call, message) -> None:  # noqa: F811
    db, _st, sc, _clock = played
    with pytest.raises(JudgementError, match=message):
        call(db, sc)
    assert not judgement_path(db).exists()


def test_override_beside_automatic_match(played) -> None:  # noqa: F811
    db, st, sc, clock = played
    judge(db, sc, "I2", 1, "deels", "wel gebeld, niet in het beeld gezet")
    judge(db, sc, "I3", 1, "Gemist")  # case does not matter
    judge(db, sc, "I3", 1, "gehaald", "toch op tijd, via de telefoon")  # the later one counts
    with open(judgement_path(db), "a", encoding="utf-8") as f:
        f.write('{"kind": "override", "inj')  # a crash in the middle of a line
    r = review(st, sc, load_notes(db), now_wall_ms=clock.now_ms(), judgement=load_judgement(db))
    x2, x3 = r.inject("I2").expectations[0], r.inject("I3").expectations[0]
    assert (x2.state, x2.override, x2.final) == ("gemist", "deels", "deels")
    assert x2.override_note == "wel gebeld, niet in het beeld gezet"
    assert (x3.state, x3.override, x3.final) == ("te laat", "gehaald", "gehaald")
    x1 = r.inject("I1").expectations[0]
    assert (x1.override, x1.final) == ("", "gehaald")
    d1, d2 = r.objectives
    assert (d1.overridden, d2.overridden) == (1, 1)
    # the automatic counts stay what the log says
    assert (d1.met, d1.missed, d2.late) == (1, 1, 1)


def test_a_cleared_verdict_gives_the_automatic_match_back(played, capsys) -> None:  # noqa: F811
    db, st, sc, clock = played
    judge(db, sc, "I2", 1, "gehaald", "toch gedaan")
    judge(db, sc, "I3", 1, "deels")
    judge(db, sc, "I2", 1, "Automatisch")  # the verdict taken back; I3's stays
    j = load_judgement(db)
    assert set(j.overrides) == {("I3", 1)}
    r = review(st, sc, load_notes(db), now_wall_ms=clock.now_ms(), judgement=j)
    x2 = r.inject("I2").expectations[0]
    assert (x2.state, x2.override, x2.final) == ("gemist", "", "gemist")
    # the file keeps the history: a verdict given again after clearing counts again
    judge(db, sc, "I2", 1, "deels")
    assert load_judgement(db).overrides[("I2", 1)].verdict == "deels"
    assert len(judgement_path(db).read_text(encoding="utf-8").splitlines()) == 4
    assert main(["exercise", "judge", "--db", str(db), "--inject", "I2", "--as",
                 "automatisch"]) == 0
    assert "telt weer automatisch" in capsys.readouterr().out
    assert ("I2", 1) not in load_judgement(db).overrides


def test_cli_judgement_reaches_every_aar_format(played, tmp_path: Path, capsys) -> None:  # noqa: F811
    db, st, _sc, _clock = played
    d = str(db)
    assert main(["exercise", "judge", "--db", d, "--inject", "I2", "--expect", "1",
                 "--as", "deels", "--note", "alleen mondeling"]) == 0
    assert main(["exercise", "rate", "--db", d, "--objective", "D1", "--as", "s",
                 "--note", "traag op gang"]) == 0
    assert main(["exercise", "finding", "--db", d, "sterk", "Snel opgeschaald",
                 "--objective", "D1"]) == 0
    assert main(["exercise", "finding", "--db", d, "verbeter", "C2000-uitval niet gemeld"]) == 0
    assert main(["exercise", "plan", "add", "--db", d, "--issue", "Uitval niet gemeld",
                 "--action", "Meldprocedure oefenen", "--owner", "Hoofd informatie",
                 "--due", "2027-03-01", "--objective", "D1"]) == 0
    out = capsys.readouterr().out
    assert "oordeel bewaard: inject I2, verwachting 1: deels" in out
    assert "doel D1: S (uitgevoerd met enkele problemen)" in out
    assert "verbeterplan: 'Uitval niet gemeld' — Hoofd informatie, gereed 2027-03-01" in out
    # wrong input: a Dutch message, exit non-zero, nothing kept
    before = judgement_path(db).read_text("utf-8")
    assert main(["exercise", "judge", "--db", d, "--inject", "I2", "--as", "half"]) != 0
    assert main(["exercise", "plan", "add", "--db", d, "--issue", "x", "--action", "y",
                 "--owner", "z", "--due", "morgen"]) != 0
    err = capsys.readouterr().err
    assert "kies gehaald, deels, gemist of automatisch" in err and "JJJJ-MM-DD" in err
    assert "Error" not in err
    assert judgement_path(db).read_text("utf-8") == before

    for ext in ("md", "html", "xlsx"):
        assert main(["exercise", "aar", "--db", d, "--out", str(tmp_path / f"e.{ext}")]) == 0
    md = (tmp_path / "e.md").read_text("utf-8")
    (x2,) = [ln for ln in md.splitlines() if ln.startswith("| I2 | Verbindingsbeeld")]
    assert x2.endswith("| gemist |  |  |  | deels | alleen mondeling |")
    assert "S — uitgevoerd met enkele problemen | traag op gang |" in md
    assert "| sterk punt | D1 | Snel opgeschaald |" in md
    assert "| verbeterpunt |  | C2000-uitval niet gemeld |" in md
    assert ("| Uitval niet gemeld | Meldprocedure oefenen | Hoofd informatie | 2027-03-01 | D1 |"
            in md)
    assert "Door de spelleiding beoordeeld: 1" in md
    page = (tmp_path / "e.html").read_text("utf-8")
    assert "Verbeterplan" in page and "Meldprocedure oefenen" in page and "alleen mondeling" in page
    wb = openpyxl.load_workbook(tmp_path / "e.xlsx")
    plan = [[c.value for c in row] for row in wb["Verbeterplan"].iter_rows()]
    assert plan[1] == ["Uitval niet gemeld", "Meldprocedure oefenen", "Hoofd informatie",
                       "2027-03-01", "D1"]
    doelen = [[c.value for c in row] for row in wb["Doelen"].iter_rows()]
    assert doelen[1][-2:] == ["S — uitgevoerd met enkele problemen", "traag op gang"]
    # the judgement never becomes an event
    for e in st.iter_events():
        assert "alleen mondeling" not in e.payload_json and "Meldprocedure" not in e.payload_json
