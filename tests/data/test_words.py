"""Messages at the doors say what is wrong in words (issue 14): no errno, no English from the
standard library or a database driver, no exception names; the useful part (which file, which
line) stays. Counts take the right number ("1 gebeurtenis")."""

from __future__ import annotations

import errno
import zipfile
from pathlib import Path

import pytest

from data.oswords import count, damage_words, database_words, os_words, toml_words
from desktop.cli import main

LEAKS = ("Errno", "No such file", "not a zip", "Bad CRC", "Expected", "connection failed",
         "FATAL", "trust on first use", "Error")


def _clean(text: str) -> None:
    for leak in LEAKS:
        assert leak not in text, text


def _err(capsys: pytest.CaptureFixture[str]) -> str:
    out = capsys.readouterr()
    return out.out + out.err


def test_a_scenario_file_that_is_not_there(tmp_path: Path, capsys) -> None:
    assert main(["scenario", "validate", str(tmp_path / "mijn-scenario.toml")]) != 0
    text = _err(capsys)
    _clean(text)
    assert "mijn-scenario.toml" in text and "bestaat niet" in text
    assert "1 probleem" in text and "probleem/problemen" not in text


def test_a_scenario_that_is_no_toml_keeps_line_and_column(tmp_path: Path, capsys) -> None:
    p = tmp_path / "kapot.toml"
    p.write_text('format = 1\ntitel "zonder is-teken"\n', encoding="utf-8")
    assert main(["scenario", "validate", str(p)]) != 0
    text = _err(capsys)
    _clean(text)
    assert "regel 2, kolom" in text and "'='" in text


def test_a_token_file_that_is_not_there(tmp_path: Path, capsys, store_factory) -> None:
    st = store_factory("vnog")
    assert main(["sync", "--db", str(st.path), "--hub", "https://kcr2.example:8750",
                 "--token-file", str(tmp_path / "nope.token")]) == 2
    text = _err(capsys)
    _clean(text)
    assert "nope.token" in text and "bestaat niet" in text


def test_a_file_that_is_no_bundle_and_a_damaged_one(tmp_path: Path, capsys,
                                                    store_factory) -> None:
    src, dst = store_factory("vnog"), store_factory("vggm")
    junk = tmp_path / "junk.cbbundle"
    junk.write_bytes(b"geen bundel\n" * 100)
    assert main(["import", "--db", str(dst.path), str(junk)]) == 2
    text = _err(capsys)
    _clean(text)
    assert "junk.cbbundle" in text and "geen bundel" in text
    good = tmp_path / "goed.cbbundle"
    assert main(["export", "--db", str(src.path), "--out", str(good)]) == 0
    assert "(1 gebeurtenis, 1 herkomst)" in capsys.readouterr().out
    data = bytearray(good.read_bytes())
    with zipfile.ZipFile(good) as z:
        info = next(i for i in z.infolist() if i.filename.startswith("events"))
    start = info.header_offset + len(info.FileHeader())
    data[start + info.compress_size // 2] ^= 0xFF
    bad = tmp_path / "kapot.cbbundle"
    bad.write_bytes(bytes(data))
    assert main(["import", "--db", str(dst.path), str(bad)]) == 2
    text = _err(capsys)
    _clean(text)
    assert "beschadigd" in text or "controlesom" in text


def test_a_hub_database_that_does_not_exist() -> None:
    psycopg = ('connection failed: connection to server at "127.0.0.1", port 5432 failed: '
               'FATAL:  database "bestaatniet" does not exist')
    words = database_words(Exception(psycopg))
    assert words == "de database bestaatniet bestaat niet op die server"
    assert "wachtwoord" in database_words(Exception("FATAL: password authentication failed"))
    _clean(database_words(Exception("something else entirely")))


def test_the_helpers() -> None:
    assert count(1, "centrum", "centra") == "1 centrum"
    assert count(2, "centrum", "centra") == "2 centra"
    assert count(0, "centrum", "centra") == "0 centra"
    assert "bestaat niet" in os_words(OSError(errno.ENOENT, "x"), reading=True)
    assert os_words(OSError(errno.ENOENT, "x")) == "de map bestaat niet"
    _clean(damage_words(zipfile.BadZipFile("File is not a zip file")))
    crc = damage_words(zipfile.BadZipFile("Bad CRC-32 for file 'events.jsonl.zst'"))
    assert "events.jsonl.zst" in crc and "controlesom" in crc
    import tomllib

    with pytest.raises(tomllib.TOMLDecodeError) as exc:
        tomllib.loads("a = 1\nb\n")
    line, text = toml_words(exc.value)
    assert line == 2 and "regel 2, kolom" in text
    _clean(text)


def test_a_file_that_is_no_store_and_a_roster_that_is_not_there(tmp_path: Path,
                                                                capsys, store_factory) -> None:
    junk = tmp_path / "junk.db"
    junk.write_text("geen database\n" * 100)
    assert main(["export", "--db", str(junk), "--out", str(tmp_path / "a.cbbundle")]) == 2
    text = _err(capsys)
    _clean(text)
    assert "geen Crisisbeeld-store" in text and "not a database" not in text
    st = store_factory("vnog")
    assert main(["roster", "import", "--db", str(st.path), str(tmp_path / "weg.json")]) == 2
    text = _err(capsys)
    _clean(text)
    assert "weg.json" in text and "bestaat niet" in text
