"""MSEL spreadsheets: both dialects, both file types, odd times, bad rows (all or nothing), a
saved column mapping, the real spreadsheets of other projects, and export."""

from __future__ import annotations

import csv
import io
import time
from datetime import datetime, timedelta
from datetime import time as dtime
from pathlib import Path

import openpyxl
import pytest

from data.clock import FixedClock
from data.scenario.control import create_exercise
from data.scenario.msel import (
    Mapping,
    MselError,
    export_rows,
    load_mapping,
    parse_csv,
    read_msel,
    save_mapping,
    write_msel,
)
from data.scenario.player import Player

ROOT = Path(__file__).resolve().parents[2]
REAL = ROOT.parent / "shared" / "data" / "msel-real"

EN = [["Inject Number", "Scenario Time", "Synopsis", "Inject Type", "Delivery Method", "From",
       "To", "Message", "Expected Player Action", "Objective/Capability", "Controller Notes",
       "Evaluator"],
      ["1", "+00:00", "Power cut", "Report", "Phone", "Grid operator", "OL VNOG",
       "Large outage in Gelderland", "Open an incident", "O1", "start", "E1"],
      ["", "", "", "", "", "", "", "", "", "", "", ""],
      ["2", "T+90", "", "Info", "Email", "KCR2", "IM VNOG", "National picture opened", "", "",
       "", ""],
      ["3", "D+1 06:00", "", "", "Radio", "MKON", "OL VNOG", "C2000 degraded, café closed",
       "", "", "", ""],
      ["4", "D+2 H+3 M+45", "", "", "", "Netbeheerder", "ROT", "Restoration by district", "",
       "", "", ""]]

NL = [["Nr.", "Scenariotijd", "Soort", "Middel", "Van", "Aan", "Bericht", "Verwachte actie",
       "Doel", "Notities spelleiding", "Rol"],
      ["A1", "J+1 H+2 M-5", "melding", "C2000", "CaCo MKON", "OL VNOG", "Storing", "", "", "",
       "x"],
      ["A2", "+00:20", "info", "koerier", "OL VNOG", "ROT", "Uitwijk naar Zwolle", "", "",
       "alleen spelleiding", ""],
      ["A3", "0900", "info", "NCV", "KCR2", "IM's", "Ééndrachtig beeld, één lijn", "", "",
       "", ""]]


def write_csv(path: Path, rows: list[list[str]], delim: str = ",", encoding: str = "utf-8",
              bom: bool = False, blank_lines: bool = False) -> Path:
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=delim, lineterminator="\r\n")
    for r in rows:
        w.writerow(r)
        if blank_lines:
            buf.write("\r\n")
    data = buf.getvalue().encode(encoding)
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + data)
    return path


def write_xlsx(path: Path, rows: list[list[object]], sheet: str = "MSEL",
               other_first: bool = False) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    if other_first:
        ws.title = "Voorblad"
        ws.append(["Oefening", "Donker Oosten"])
        ws = wb.create_sheet(sheet)
    else:
        ws.title = sheet
    for r in rows:
        ws.append(r)
    wb.save(path)
    return path


def test_english_csv_comma_bom_blank_lines(tmp_path: Path) -> None:
    s = read_msel(write_csv(tmp_path / "en.csv", EN, bom=True, blank_lines=True))
    assert [i.id for i in s.injects] == ["1", "2", "3", "4"]
    assert [i.offset_s for i in s.injects] == [0, 5400, 86400 + 6 * 3600,
                                               2 * 86400 + 3 * 3600 + 45 * 60]
    one = s.injects[0]
    assert (one.sender, one.recipient, one.channel, one.kind) == (
        "Grid operator", "OL VNOG", "telefoon", "Report")
    assert one.message == "Power cut: Large outage in Gelderland"
    assert (one.expected, one.objective, one.notes) == ("Open an incident", "O1", "start")
    assert one.extra == {"Evaluator": "E1"}
    assert s.injects[2].channel == "C2000" and "café" in s.injects[2].message
    assert any("Evaluator" in n for n in s.notices)


def test_dutch_csv_semicolon_cp1252(tmp_path: Path) -> None:
    s = read_msel(write_csv(tmp_path / "nl.csv", NL, delim=";", encoding="cp1252"))
    assert [i.id for i in s.injects] == ["A1", "A2", "A3"]
    assert s.injects[2].message == "Ééndrachtig beeld, één lijn"
    assert s.injects[1].notes == "alleen spelleiding" and s.injects[1].channel == "koerier"
    assert s.injects[0].offset_s == 86400 + 7200 - 300
    assert s.injects[0].extra == {"Rol": "x"}


def test_dutch_csv_utf8_without_bom(tmp_path: Path) -> None:
    s = read_msel(write_csv(tmp_path / "nl.csv", NL, delim=";"))
    assert s.injects[2].message.startswith("Ééndrachtig")


def test_xlsx_with_excel_time_cells_on_a_chosen_sheet(tmp_path: Path) -> None:
    rows: list[list[object]] = [["Nummer", "Tijd", "Van", "Aan", "Bericht", "Kanaal"],
                                [1, dtime(9, 0), "MKON", "OL VNOG", "Start", "C2000"],
                                [None, None, None, None, None, None],
                                [2, dtime(9, 45), "KCR2", "IM", "Beeld", "ncv"],
                                [3, datetime(2027, 1, 20, 1, 15), "Netbeheerder", "ROT",
                                 "Nacht", "telefoon"],
                                [4, timedelta(hours=30), "KCR2", "IM", "Duur", "NCV"]]
    p = write_xlsx(tmp_path / "m.xlsx", rows, sheet="Injects", other_first=True)
    with pytest.raises(MselError, match="geen kolom gevonden voor tijd"):
        read_msel(p)  # the first sheet is a cover page
    s = read_msel(p, sheet="Injects", t0=datetime.fromisoformat("2027-01-19T09:00:00+00:00"))
    assert [i.offset_s for i in s.injects] == [0, 2700, 16 * 3600 + 900, 30 * 3600]
    assert [i.channel for i in s.injects] == ["C2000", "NCV", "telefoon", "NCV"]
    with pytest.raises(MselError, match="geen blad 'Nope'"):
        read_msel(p, sheet="Nope")


def test_english_xlsx_with_variant_headers(tmp_path: Path) -> None:
    rows = [["MSEL ID", "Inject Time", "Title", "Method", "Sender", "Recipient", "Description",
             "Expected Response", "Core Capability", "Notes"],
            ["X-1", "0915", "Flood", "Email", "RWS", "IM", "Water rising", "Warn", "Ops", "n"]]
    s = read_msel(write_xlsx(tmp_path / "v.xlsx", rows))
    i = s.injects[0]
    assert (i.id, i.channel, i.sender, i.expected, i.objective, i.notes) == (
        "X-1", "e-mail", "RWS", "Warn", "Ops", "n")


def test_every_bad_row_named_and_nothing_read(tmp_path: Path) -> None:
    rows = [r[:] for r in EN]
    rows[1][1] = "morgen vroeg"          # row 2: bad time
    rows[3][7] = ""                       # row 4: no message
    rows.append(["4", "+25:61", "", "", "", "", "", "dup", "", "", "", ""])  # row 7
    with pytest.raises(MselError) as e:
        read_msel(write_csv(tmp_path / "bad.csv", rows))
    text = str(e.value)
    assert "rij 2: kolom 'Scenario Time': tijd 'morgen vroeg'" in text
    assert "rij 4: kolom 'Message': geen bericht" in text
    assert "rij 7: kolom 'Scenario Time'" in text and "rij 7: kolom 'Inject Number'" in text
    assert len(e.value.problems) == 4


def test_unplaced_headers_need_a_mapping_which_can_be_saved(tmp_path: Path) -> None:
    rows = [["Wanneer", "Wat", "Wie"], ["+00:10", "Stroom weg", "MKON"]]
    p = write_csv(tmp_path / "eigen.csv", rows)
    with pytest.raises(MselError) as e:
        read_msel(p)
    assert "'Wanneer', 'Wat', 'Wie'" in str(e.value) and "--map" in str(e.value)
    save_mapping(Mapping(columns={"time": "Wanneer", "message": "B", "sender": "Wie"}),
                 tmp_path / "koppeling.toml")
    m = load_mapping(tmp_path / "koppeling.toml")
    s = read_msel(p, mapping=m)
    assert (s.injects[0].offset_s, s.injects[0].message, s.injects[0].sender) == (
        600, "Stroom weg", "MKON")


def test_parse_csv_picks_the_delimiter() -> None:
    assert parse_csv(b'a;b\n"1,5";2\n') == [["a", "b"], ["1,5", "2"]]
    assert parse_csv(b'a,b\n"1;5",2\n') == [["a", "b"], ["1;5", "2"]]


def test_export_after_playing(tmp_path: Path) -> None:
    s = read_msel(write_csv(tmp_path / "en.csv", EN))
    sc = s.scenario()
    st = create_exercise(tmp_path / "c.db", "spelleiding", sc, "OEF-MSEL")
    pl = Player(st, sc, FixedClock("2026-11-26T10:00:00Z"))
    pl.start()
    pl.jump(2 * 3600)
    for suffix in (".xlsx", ".csv"):
        out = write_msel(export_rows(sc, pl.status()), tmp_path / f"uit{suffix}")
        back = read_msel(out)  # the export reads back in
        assert [i.id for i in back.injects] == ["1", "2", "3", "4"]
        assert back.injects[0].extra["Status"] == "verstuurd"
        assert back.injects[0].extra["Verstuurd (kloktijd UTC)"] == "2026-11-26 10:00:00"
        assert back.injects[1].extra["Verstuurd (scenariotijd)"] == "+01:30"
        assert back.injects[2].extra["Status"] == "gepland"
    st.close()


def test_thousand_rows_in_under_a_second(tmp_path: Path) -> None:
    rows = [EN[0]] + [[str(n), f"+{n // 60:02d}:{n % 60:02d}", "", "Info", "NCV", "KCR2", "IM",
                       f"Bericht {n}", "", "", "", ""] for n in range(1000)]
    p = write_csv(tmp_path / "big.csv", rows)
    t = time.perf_counter()
    s = read_msel(p)
    took = time.perf_counter() - t
    assert len(s.injects) == 1000
    assert took < 3.0, took  # budget 1 s; slack for a busy CI machine


# ---------------------------------------------------------------------- the real spreadsheets

real = pytest.mark.skipif(not REAL.is_dir(), reason="../shared/data/msel-real ontbreekt")

OPENBAS_MAP = """
header_row = 0
t0 = "2024-06-26T09:00:00Z"
skip_rows = [4]
[columns]
kind = "B"
time = "C"
recipient = "D"
synopsis = "E"
message = "F"
notes = "G"
expected = "H"
"""


@real
@pytest.mark.parametrize("name,count", [("t3sf_MSEL.xlsx", 12), ("asapcyber_msel.csv", 6),
                                        ("blueprint-ui_newcode.xlsx", 11),
                                        ("blueprint-ui_PlaywrightMSEL.xlsx", 2)])
def test_real_spreadsheets_without_mapping(name: str, count: int) -> None:
    s = read_msel(REAL / name)
    assert len(s.injects) == count
    assert len({i.id for i in s.injects}) == count


@real
def test_real_spreadsheet_times() -> None:
    t3 = read_msel(REAL / "t3sf_MSEL.xlsx")
    assert t3.injects[0].offset_s == 0 and t3.injects[1].offset_s == 60
    asap = read_msel(REAL / "asapcyber_msel.csv")
    assert [i.offset_s // 60 for i in asap.injects][:2] == [5, 12]
    pw = read_msel(REAL / "blueprint-ui_PlaywrightMSEL.xlsx")
    assert sorted(i.offset_s for i in pw.injects) == [0, 35600]  # rows not in time order


@real
@pytest.mark.parametrize("name", ["openbas_test_file_3.xlsx", "openbas_test_file_5.xlsx"])
def test_real_sheets_without_header_take_a_mapping(name: str, tmp_path: Path) -> None:
    with pytest.raises(MselError, match="--map"):
        read_msel(REAL / name)
    (tmp_path / "map.toml").write_text(OPENBAS_MAP, encoding="utf-8")
    s = read_msel(REAL / name, mapping=tmp_path / "map.toml")
    assert len(s.injects) == 4
    assert s.injects[0].offset_s == -86400  # J-1
    assert s.injects[0].kind == "Send a mail"


def test_the_exports_own_columns_are_checked(tmp_path: Path) -> None:
    """T0, Terugval and the JSON columns the export writes: a wrong cell is named, all or
    nothing; two different T0s in one sheet are refused."""
    head = ["Nummer", "Scenariotijd", "Bericht", "T0 (UTC)", "Terugval", "Verwachtingen (JSON)"]
    good = [head, ["A", "+00:10", "m", "2027-02-03 08:00:00", "nee", ""],
            ["Ab", "+00:00", "t", "2027-02-03 08:00:00", "ja", ""]]
    s = read_msel(write_csv(tmp_path / "g.csv", good))
    assert s.t0 == datetime.fromisoformat("2027-02-03T08:00:00+00:00")
    assert [i.contingency for i in s.injects] == [False, True] and not s.notices
    bad = [r[:] for r in good]
    bad[1][4], bad[2][5] = "misschien", "[{kapot"
    with pytest.raises(MselError) as e:
        read_msel(write_csv(tmp_path / "b.csv", bad))
    assert [p.line for p in e.value.problems] == [2, 3]
    assert "Terugval" in str(e.value) and "ja of nee" in str(e.value)
    bad = [r[:] for r in good]
    bad[2][3] = "2027-02-04 08:00:00"
    with pytest.raises(MselError, match="één T0"):
        read_msel(write_csv(tmp_path / "t.csv", bad))
