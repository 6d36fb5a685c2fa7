"""The sitrep and the paper pack as PDF, read back as text (pypdf): content on a known store,
the classification ceiling, OEFENING and page numbers on every page, the table of contents of a
long sitrep; `crisisbeeld sitrep` headless; the paper timer on a fake clock."""

from __future__ import annotations

import errno
import re
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from data.clock import FixedClock
from data.report.content import Filters
from data.report.gather import sitrep
from data.report.markdown import markdown
from data.store import Command
from desktop.cli import main
from desktop.paper import PaperPacks, parse_every
from desktop.report_pdf import write_pdf
from tests.data import report_store as rs


def pages_text(path: Path) -> list[str]:
    return [" ".join((p.extract_text() or "").split()) for p in PdfReader(str(path)).pages]


@pytest.fixture
def known(store_factory: Any, qapp: Any) -> Any:
    st = store_factory("vnog", world="OEF-TEST", name="VNOG")
    rs.build(st)
    return st


def test_sitrep_pdf_content(known: Any, tmp_path: Path) -> None:
    out = tmp_path / "s.pdf"
    s = sitrep(known, rs.NOW)
    n = write_pdf(s, out)
    pages = pages_text(out)
    assert n == len(pages) >= 1
    text = " ".join(pages)
    for want in ("Situatierapport VNOG", "OEF-TEST", str(known.fingerprint()),
                 "VERTROUWELIJK", "Stroomuitval Oost", "7 van 12 aggregaten", "5 van VRU",
                 "afspraak 7 · versie 1", "Lijst drinkwaterlocaties rondsturen",
                 "AC Bevolkingszorg", "TE LAAT", "satelliettelefoon ROT", "doel gemist",
                 "1 actie(s) over de gereedtijd"):
        assert want in text, want
    for i, page in enumerate(pages, 1):
        assert "OEFENING" in page and f"pagina {i} van {n}" in page
    assert not list(tmp_path.glob("*.deel"))  # nothing half-written left behind


@pytest.mark.parametrize("ceiling", ["openbaar", "intern"])
def test_classification_ceiling_in_the_pdf(known: Any, tmp_path: Path, ceiling: str) -> None:
    out = tmp_path / "s.pdf"
    s = sitrep(known, rs.NOW, Filters(max_class=ceiling))
    packs = PaperPacks(tmp_path / "p", filters=Filters(max_class=ceiling))
    res = packs.write(known, FixedClock(rs.NOW))
    assert res.path is not None and not res.problem
    write_pdf(s, out)
    for path in (out, res.path):
        text = " ".join(pages_text(path))
        assert rs.SECRET not in text and rs.SECRET_DECISION not in text
        assert "Stroom terug in Epe-Noord" in text
        assert f"RUBRICERING: {ceiling.upper()}" in text and "VERTROUWELIJK" not in text
        assert (rs.INTERNAL_INCIDENT in text) == (ceiling == "intern")


def test_long_sitrep_has_a_table_of_contents_with_true_page_numbers(known: Any,
                                                                   tmp_path: Path) -> None:
    for i in range(140):
        known.execute(Command("journal.logged", {
            "channel": "C2000", "text": f"Kernbericht nummer {i:03d} over de stroomuitval",
            "key": True, "classification": "openbaar"}, occurred_at=rs.at(20 - i / 10)), "x")
    out = tmp_path / "lang.pdf"
    write_pdf(sitrep(known, rs.NOW), out)
    pages = pages_text(out)
    assert len(pages) >= 3 and "Inhoud" in pages[0]
    m = re.search(r"3\. Besluiten en acties (\d+)", pages[0])
    assert m, pages[0][:400]
    on = int(m.group(1))
    body = pages[on - 1]
    # (the PDF's text may put a space before the dot of '3.')
    assert "Besluiten en acties" in body and "Aggregaten eerst naar drinkwater" in body
    assert on > 2 and "Besluiten en acties" not in " ".join(pages[1:on - 1])


def test_a_pack_prints_the_newest_journal_lines_and_counts_the_others(
        known: Any, tmp_path: Path, monkeypatch: Any) -> None:
    import desktop.paper as paper
    from data.report import pack
    from data.report.gather import journal_line
    from data.store import log

    monkeypatch.setattr(pack, "JOURNAL_MAX", 1)
    monkeypatch.setattr(paper, "JOURNAL_MAX", 1)
    ceiling = Filters(max_class="intern")
    with known.reader() as conn:  # the whole window, read in full: what the pack must count
        lines = [journal_line(e) for e in log.journal_between(conn, rs.at(24), rs.at(0))]
    allowed = [j for j in lines if ceiling.allows(j)]
    assert len(allowed) > 1 and len(allowed) < len(lines)
    res = PaperPacks(tmp_path / "p", filters=ceiling).write(known, FixedClock(rs.NOW))
    assert res.path is not None and not res.problem
    text = " ".join(pages_text(res.path))
    assert f"{len(allowed)} berichten" in text
    assert f"{len(allowed) - 1} oudere regels niet afgedrukt" in text
    assert str(allowed[-1]["text"]) in text


def test_live_pdf_has_no_exercise_mark(store_factory: Any, qapp: Any, tmp_path: Path) -> None:
    st = store_factory("kcr2", name="KCR2")
    out = tmp_path / "live.pdf"
    write_pdf(sitrep(st, rs.NOW), out)
    assert "OEFENING" not in " ".join(pages_text(out))


def test_cli_sitrep_in_every_format(known: Any, tmp_path: Path, capsys: Any) -> None:
    db = str(known.path)
    for suffix in (".pdf", ".html", ".md"):
        out = tmp_path / f"r{suffix}"
        code = main(["sitrep", "--db", db, "--out", str(out), "--region", "VNOG",
                     "--max-class", "openbaar", "--at", "2026-11-21T14:00:00Z"])
        assert code == 0 and out.exists()
        text = (" ".join(pages_text(out)) if suffix == ".pdf"
                else out.read_text(encoding="utf-8"))
        assert "7 van 12 aggregaten" in text and rs.SECRET not in text
        assert rs.INTERNAL_INCIDENT not in text
    assert "situatierapport geschreven" in capsys.readouterr().out
    for args, msg in ((["--region", "Atlantis"], "onbekend"), ([], "kies een bestand op")):
        out = str(tmp_path / ("x.pdf" if args else "x.doc"))
        code = main(["sitrep", "--db", db, "--out", out, *args])
        err = capsys.readouterr().err
        assert code == 2 and msg in err and err.startswith("crisisbeeld: ")
        assert not Path(out).exists()


def test_paper_timer_on_a_fake_clock(known: Any, tmp_path: Path) -> None:
    clock = FixedClock(rs.NOW)
    printed: list[Path] = []
    packs = PaperPacks(tmp_path / "papier", parse_every("15m"), keep=2, printer=printed.append)

    def tick() -> Any:
        return packs.write(known, clock) if packs.due(clock.now()) else None

    first = tick()
    assert first is not None and first.path is not None and first.path.exists()
    text = " ".join(pages_text(first.path))
    for part in ("Situatierapport VNOG", "Logboek laatste 24 uur", "Bijstandsbord",
                 "Open acties", "Logboekformulier", "Bijstandsformulier"):
        assert part in text, part
    assert "Centrum: VNOG" in text and "Personeel ziekenhuis Apeldoorn uitgeput" in text
    clock.advance(timedelta(minutes=10))
    assert tick() is None  # not due yet
    made = [first.path]
    for _ in range(2):
        clock.advance(timedelta(minutes=15))
        res = tick()
        assert res is not None and res.path is not None and not res.problem
        made.append(res.path)
    assert packs.packs() == made[1:]  # the oldest was pruned, the newest two kept
    assert printed == made


def test_paper_failures_are_messages_and_the_next_tick_works(known: Any,
                                                              tmp_path: Path) -> None:
    clock = FixedClock(rs.NOW)

    def broken_printer(_p: Path) -> None:
        raise OSError("printer weigert: printer staat uit")

    packs = PaperPacks(tmp_path / "papier", timedelta(minutes=15), printer=broken_printer)
    res = packs.write(known, clock)
    assert res.path is not None and res.path.exists()
    assert res.problem == ("pakket geschreven, maar niet afgedrukt: printer weigert: "
                           "printer staat uit")

    def full_disk(*_a: Any) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")

    packs = PaperPacks(tmp_path / "vol", timedelta(minutes=15), writer=full_disk)
    res = packs.write(known, clock)
    assert res.path is None and res.problem == "papieren pakket niet geschreven: de schijf is vol"
    assert not list((tmp_path / "vol").glob("*.pdf"))
    packs.writer = None
    clock.advance(timedelta(minutes=15))
    assert packs.due(clock.now())
    res = packs.write(known, clock)
    assert res.path is not None and res.path.exists() and not res.problem


def test_pdf_to_a_folder_that_cannot_be_written_is_an_oserror(known: Any,
                                                              tmp_path: Path) -> None:
    with pytest.raises(OSError):
        write_pdf(sitrep(known, rs.NOW), tmp_path / "bestaat-niet" / "s.pdf")


def test_every_is_read_as_operators_write_it() -> None:
    assert parse_every("15m") == timedelta(minutes=15)
    assert parse_every("1h") == timedelta(hours=1) and parse_every("20") == timedelta(minutes=20)
    for bad in ("kwartier", "0m", "30s"):
        with pytest.raises(ValueError):
            parse_every(bad)


def test_markdown_and_pdf_say_the_same_figures(known: Any, tmp_path: Path) -> None:
    s = sitrep(known, rs.NOW)
    out = tmp_path / "s.pdf"
    write_pdf(s, out)
    pdf = " ".join(pages_text(out))
    md = markdown(s)
    for line in ("Incidenten: 1 actief, 1 gemeld, 0 beheerst",
                 "Besluiten met open acties: 1, waarvan met acties te laat: 1"):
        assert line in md and line in pdf
