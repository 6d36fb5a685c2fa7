"""People across centres (issue 16), with real hub and CLI processes on loopback: authors with
their functions arrive as signed, and the Bezetting shows three centres' shifts."""

from __future__ import annotations

from pathlib import Path

from data.domain.roles import split_author
from data.store import Store
from desktop.cli import main
from tests.e2e.synckit import Hub, cli, token_file

PEOPLE = {"vnog": ("Ada Jansen", "OL", "--ncv", "NCV 10"),
          "vrbzo": ("Bo Peters", "IM", "--c2000", "TG 7"),
          "kcr2": ("Cas Visser", "CaCo", "--satelliet", "SAT 99")}


def here(capsys, *argv: str) -> str:
    """A CLI verb in this process (the stores' side; hub and sync run as processes)."""
    assert main(list(argv)) == 0
    return str(capsys.readouterr().out)


def test_authors_and_shifts_of_three_centres_through_a_hub(tmp_path: Path, capsys) -> None:
    hub = Hub(["--db", str(tmp_path / "hub.db")], tmp_path)
    try:
        dbs = {}
        for node, (name, function, flag, channel) in PEOPLE.items():
            db = tmp_path / f"{node}.db"
            here(capsys, "init", "--db", str(db), "--node", node, "--name", node.upper())
            here(capsys, "dienst", "begin", "--db", str(db), "--naam", name, "--functie", function,
                flag, channel)
            dbs[node] = (db, token_file(tmp_path, node, hub.enroll(node)))
        # a handover at one centre after the first exchange
        for _round in range(2):
            for db, tok in dbs.values():
                cli("sync", "--db", str(db), "--hub", hub.url, "--token-file", tok, "--once",
                    "--give-up", "60", "--quiet")
            if _round == 0:
                here(capsys, "dienst", "overdracht", "--db", str(dbs["vnog"][0]), "--naam",
                     "Dirk Mol", "--functie", "OL")
        for node, (db, _tok) in dbs.items():
            out = here(capsys, "dienst", "wie", "--db", str(db))
            for centre, person, channel in (("VNOG", "Dirk Mol", ""),
                                            ("VRBZO", "Bo Peters", "C2000 TG 7"),
                                            ("KCR2", "Cas Visser", "satelliet SAT 99")):
                assert centre in out and person in out and channel in out, (node, out)
            assert "Ada Jansen" not in out, out  # handed over
        st = Store.open(dbs["kcr2"][0], readonly=True)
        try:
            got = {(e.origin, *split_author(e.author)) for e in st.iter_events()
                   if e.type.startswith("shift.")}
        finally:
            st.close()
        assert got == {("vnog", "Ada Jansen", "OL"), ("vnog", "Dirk Mol", "OL"),
                       ("vrbzo", "Bo Peters", "IM"), ("kcr2", "Cas Visser", "CaCo")}
    finally:
        hub.stop()
