"""The people verbs (issue 16) in process: dienst begin/overdracht/eind/wie/pin/functies, the
global --als, and audit / audit verify."""

from __future__ import annotations

from pathlib import Path

import pytest

from data.store import Store
from desktop.cli import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.fixture
def db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.delenv("CRISISBEELD_AUTHOR", raising=False)
    monkeypatch.delenv("CRISISBEELD_PIN", raising=False)
    path = tmp_path / "vnog.db"
    Store.create(path, "vnog", "LIVE", "VNOG").close()
    return str(path)


def test_shift_verbs_and_who(db: str, capsys) -> None:
    code, out, _ = run(capsys, "dienst", "begin", "--db", db, "--naam", "Ada Jansen",
                       "--functie", "ol", "--ncv", "NCV 10")
    assert code == 0 and "in dienst: Ada Jansen (OL) bij VNOG" in out
    code, out, _ = run(capsys, "dienst", "overdracht", "--db", db, "--naam", "Bo Peters",
                       "--functie", "OL")
    assert code == 0 and "overdracht: OL van Ada Jansen naar Bo Peters" in out
    code, out, _ = run(capsys, "dienst", "wie", "--db", db)
    assert code == 0 and "VNOG" in out and "Bo Peters" in out and "Ada Jansen" not in out
    code, out, _ = run(capsys, "dienst", "eind", "--db", db, "--functie", "OL")
    assert code == 0 and "dienst beëindigd: Bo Peters (OL)" in out
    st = Store.open(db)
    try:
        authors = [e.author for e in st.iter_events()][1:]
    finally:
        st.close()
    assert authors == ["Ada Jansen (OL)", "Bo Peters (OL)", "Bo Peters (OL)"]


def test_a_waarnemer_is_refused_in_the_cli_with_the_message(db: str, capsys) -> None:
    run(capsys, "dienst", "begin", "--db", db, "--naam", "Ada Jansen", "--functie", "OL")
    code, _, err = run(capsys, "--als", "Wim Smit (waarnemer)", "dienst", "eind", "--db", db,
                       "--functie", "OL")
    assert code == 2
    assert "een waarnemer leest alleen mee" in err and "mag alleen een OL, IM" in err
    code, out, _ = run(capsys, "dienst", "wie", "--db", db)
    assert "Ada Jansen" in out  # still on duty: nothing changed


def test_pins_are_set_by_the_beheerder_and_asked_at_sign_in(db: str, capsys) -> None:
    code, _, err = run(capsys, "--als", "Ada Jansen (OL)", "dienst", "pin", "--db", db,
                       "--naam", "Bo Peters", "--nieuw", "4711")
    assert code == 2 and "stelt de beheerder in" in err
    code, out, _ = run(capsys, "--als", "Eva Mol (beheerder)", "dienst", "pin", "--db", db,
                       "--naam", "Bo Peters", "--nieuw", "4711")
    assert code == 0 and "pincode van Bo Peters ingesteld" in out
    code, _, err = run(capsys, "dienst", "begin", "--db", db, "--naam", "Bo Peters",
                       "--functie", "IM")
    assert code == 2 and "meldt zich aan met een pincode" in err
    code, _, err = run(capsys, "dienst", "begin", "--db", db, "--naam", "Bo Peters",
                       "--functie", "IM", "--pin", "1234")
    assert code == 2 and "pincode klopt niet" in err
    code, out, _ = run(capsys, "dienst", "begin", "--db", db, "--naam", "Bo Peters",
                       "--functie", "IM", "--pin", "4711")
    assert code == 0
    # naming him elsewhere needs the PIN too
    code, _, err = run(capsys, "--als", "Bo Peters (IM)", "dienst", "eind", "--db", db,
                       "--functie", "IM")
    assert code == 2 and "pincode" in err


def test_the_centre_adds_functions(db: str, capsys) -> None:
    code, out, _ = run(capsys, "--als", "Eva Mol (beheerder)", "dienst", "functies", "--db",
                       db, "--toevoegen", "duty officer", "--besluiten", "OL,caco")
    assert code == 0 and "duty officer" in out
    assert [ln.split()[-1] for ln in out.splitlines() if ln.startswith("waarnemer")] == \
        ["lezen"]
    st = Store.open(db)
    try:
        assert st.roles.extra == ("duty officer",)
        assert st.roles.rights["besluiten"] == ("OL", "CaCo")
    finally:
        st.close()


def test_audit_export_and_verify(db: str, tmp_path: Path, capsys) -> None:
    run(capsys, "dienst", "begin", "--db", db, "--naam", "Ada Jansen", "--functie", "OL")
    out_file = tmp_path / "audit.json"
    code, out, _ = run(capsys, "audit", "--db", db, "--out", str(out_file))
    assert code == 0 and "auditbestand geschreven" in out
    code, out, _ = run(capsys, "audit", "verify", str(out_file))
    assert code == 0 and "intact" in out
    raw = bytearray(out_file.read_bytes())
    at = raw.find(b"Ada Jansen")
    raw[at] = ord("E")
    out_file.write_bytes(bytes(raw))
    code, _, err = run(capsys, "audit", "verify", str(out_file))
    assert code == 1 and "NIET intact" in err
