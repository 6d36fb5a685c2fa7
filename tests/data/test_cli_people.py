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


# ------------------------------------------------------- setting up: the beheerder (issue 16)

def test_init_names_the_person_who_sets_the_store_up(tmp_path: Path, capsys,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CRISISBEELD_AUTHOR", raising=False)
    monkeypatch.setattr("getpass.getuser", lambda: "jdevries")
    path = tmp_path / "a.db"
    code, out, _ = run(capsys, "init", "--db", str(path), "--node", "a", "--world", "OEF-X")
    assert code == 0 and "door jdevries (beheerder)" in out
    with Store.open(path) as st:
        assert [e.author for e in st.iter_events()] == ["jdevries (beheerder)"]
    named = tmp_path / "b.db"
    assert run(capsys, "--als", "Els Kok (beheerder)", "init", "--db", str(named),
               "--node", "b")[0] == 0
    with Store.open(named) as st:
        assert [e.author for e in st.iter_events()] == ["Els Kok (beheerder)"]


def test_init_by_another_function_is_refused_and_leaves_no_store(tmp_path: Path, capsys,
                                                                 monkeypatch) -> None:
    monkeypatch.setenv("CRISISBEELD_AUTHOR", "Piet Smit (OL)")
    path = tmp_path / "c.db"
    code, _, err = run(capsys, "init", "--db", str(path), "--node", "c")
    assert code != 0 and "hub en roster beheren mag alleen een beheerder" in err
    assert not path.exists()


def test_hub_administration_belongs_to_the_beheerder(tmp_path: Path, capsys,
                                                     monkeypatch) -> None:
    hub = str(tmp_path / "hub.db")
    monkeypatch.setenv("CRISISBEELD_AUTHOR", "Piet Smit (OL)")
    code, _, err = run(capsys, "hub", "enroll", "--db", hub, "--node", "vnog", "--worlds", "LIVE")
    assert code != 0 and "mag alleen een beheerder" in err
    monkeypatch.setenv("CRISISBEELD_AUTHOR", "Els Kok (beheerder)")
    assert run(capsys, "hub", "root", "--db", hub)[0] == 0
    key = tmp_path / "vnog.key"
    Store.create(tmp_path / "vnog.db", "vnog").close()
    assert run(capsys, "key", "--db", str(tmp_path / "vnog.db"), "--out", str(key))[0] == 0
    assert run(capsys, "hub", "enroll", "--db", hub, "--node", "vnog", "--worlds", "LIVE",
               "--key", str(key))[0] == 0
    from data.sync.hub.storage import open_log

    log = open_log(hub)
    try:  # the signed roster entry names who enrolled the centre
        assert [e.by for e in log.roster.entries() if e.node == "vnog"] == [
            "aanmelding door Els Kok (beheerder)"]
    finally:
        log.close()
