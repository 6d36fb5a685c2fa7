"""Attachments across real processes: ``bijlage toevoegen`` at one centre, ``sync`` through a hub
process, ``bijlage opslaan`` at the other gives the same bytes; and through a bundle."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from data.store import Command, Store
from tests.e2e.synckit import Hub, cli, stores, token_file

AUTHOR = {"CRISISBEELD_AUTHOR": "Test (beheerder)"}  # (enrols at the hub too)


def _cli(*args: str, check: bool = True):
    assert os.environ.get("CRISISBEELD_AUTHOR") == AUTHOR["CRISISBEELD_AUTHOR"]  # (inherited)
    return cli(*args, check=check)


def _incident(db: Path) -> str:
    st = Store.open(db)
    try:
        ch = st.execute(Command("incident.reported", {
            "title": "Dijkdoorbraak", "kind": "overstroming", "regions": ["VNOG"]}), "Test (IM)")
        (iid,) = ch.entities
        return iid
    finally:
        st.close()


def _sync(db: Path, hub: str, tok: str) -> None:
    _cli("sync", "--db", str(db), "--hub", hub, "--token-file", tok, "--once", "--give-up", "60",
         "--quiet")


def test_a_photo_travels_through_a_hub_process_with_equal_hash(tmp_path: Path, monkeypatch):
    monkeypatch.setenv("CRISISBEELD_AUTHOR", AUTHOR["CRISISBEELD_AUTHOR"])
    a, b = stores(tmp_path, ["vnog", "vrbzo"], 5)
    photo = tmp_path / "dijk.jpg"
    photo.write_bytes(b"\xff\xd8\xff\xe0" + os.urandom(50_000))
    iid = _incident(a)
    out = _cli("bijlage", "toevoegen", "--db", str(a), iid, str(photo), "--onderschrift", "bres")
    assert "toegevoegd" in out.stdout
    hub = Hub(["--db", str(tmp_path / "hub.db")], tmp_path)
    try:
        ta = token_file(tmp_path, "vnog", hub.enroll("vnog"))
        tb = token_file(tmp_path, "vrbzo", hub.enroll("vrbzo"))
        _sync(a, hub.url, ta)
        _sync(b, hub.url, tb)
    finally:
        hub.stop()
    listed = _cli("bijlage", "lijst", "--db", str(b), iid).stdout
    assert "dijk.jpg" in listed and "nog niet ontvangen" not in listed
    got = tmp_path / "ontvangen.jpg"
    _cli("bijlage", "opslaan", "--db", str(b), listed.split()[0], str(got))
    assert hashlib.sha256(got.read_bytes()).digest() == hashlib.sha256(photo.read_bytes()).digest()


def test_past_the_limit_the_cli_refuses_and_keeps_nothing(tmp_path: Path, monkeypatch):
    monkeypatch.setenv("CRISISBEELD_AUTHOR", AUTHOR["CRISISBEELD_AUTHOR"])
    (a,) = stores(tmp_path, ["vnog"], 3)
    iid = _incident(a)
    big = tmp_path / "film.mp4"
    with open(big, "wb") as f:
        f.truncate(21 * 1024 * 1024)
    before = cli("fingerprint", "--db", str(a)).stdout
    r = _cli("bijlage", "toevoegen", "--db", str(a), iid, str(big), check=False)
    assert r.returncode == 2 and "te groot" in r.stderr and "Traceback" not in r.stderr
    assert cli("fingerprint", "--db", str(a)).stdout == before
    assert "geen bijlagen" in _cli("bijlage", "lijst", "--db", str(a)).stdout


def test_the_cli_withdraws_a_file_with_a_reason_and_refuses_without_one(
        tmp_path: Path, monkeypatch):
    monkeypatch.setenv("CRISISBEELD_AUTHOR", "Test (IM)")
    (a,) = stores(tmp_path, ["vnog"], 3)
    iid = _incident(a)
    photo = tmp_path / "paspoort.jpg"
    photo.write_bytes(b"\xff\xd8\xff\xe0" + os.urandom(5_000))
    cli("bijlage", "toevoegen", "--db", str(a), iid, str(photo))
    aid = cli("bijlage", "lijst", "--db", str(a)).stdout.split()[0]
    before = cli("fingerprint", "--db", str(a)).stdout
    r = cli("bijlage", "intrekken", "--db", str(a), aid, "--reden", " ", check=False)
    assert r.returncode == 2 and "reden" in r.stderr and "Traceback" not in r.stderr
    assert cli("fingerprint", "--db", str(a)).stdout == before
    out = cli("bijlage", "intrekken", "--db", str(a), aid, "--reden", "persoonsgegevens").stdout
    assert "ingetrokken" in out and "persoonsgegevens" in out
    listed = cli("bijlage", "lijst", "--db", str(a)).stdout
    assert "geen bijlagen" in listed and "ingetrokken: paspoort.jpg" in listed
    assert "persoonsgegevens" in listed
    r = cli("bijlage", "opslaan", "--db", str(a), aid, str(tmp_path / "x.jpg"), check=False)
    assert r.returncode == 2 and "geen bijlage" in r.stderr
