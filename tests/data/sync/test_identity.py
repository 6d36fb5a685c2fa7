"""Identity is bound at enrolment: a hub takes an origin's events only when that origin is
enrolled and its events are signed with the bound key."""

from __future__ import annotations

from data.sync.hub.storage import SqlEventLog
from tests.data.helpers import incident, new
from tests.data.sync.factory import fill


def squat(origin: str, n: int = 3) -> list[dict]:
    """A chain under another centre's node id, signed with a key of the squatter's own."""
    from tests.data.forge import BASE_MS, Origin

    o = Origin(origin)
    out = [o.register()]
    for i in range(n):
        out.append(o.event("incident.reported", f"{origin}-nep-{i}",
                           {"title": f"nep {i}", "kind": "overig", "regions": ["VNOG"]},
                           BASE_MS + 1000 * (i + 1)))
    return out


def results(out) -> dict[str, tuple[str, str]]:
    return {r[0]: (r[1], r[2]) for r in out.results}


def test_a_squatted_origin_is_refused_and_the_real_centre_gets_through(tmp_path, store_factory):
    """Node 'evil' (with write rights) pushes a chain under 'vnog' before vnog ever synced:
    refused, because vnog's key was bound when it was enrolled; vnog's own push then works."""
    vnog = store_factory("vnog")
    fill(vnog, 5)
    log = SqlEventLog(str(tmp_path / "hub.db"))
    try:
        log.auth.enroll("vnog", ["LIVE"], public_key=vnog.public_key)
        log.auth.enroll("evil", ["LIVE"])
        fake = squat("vnog")
        out = results(log.push("LIVE", "evil", fake))
        assert {s for s, _ in out.values()} == {"rejected"}
        assert out[fake[0]["id"]][1].startswith(
            "vnog tekent met een andere sleutel dan bij de aanmelding is vastgelegd")
        assert log.heads("LIVE") == {}
        real = [e.to_wire() for e in vnog.iter_events()]
        assert log.push("LIVE", "vnog", real).count("accepted") == 6
        assert log.heads("LIVE") == {"vnog": 6}
    finally:
        log.close()


def test_without_a_key_the_centres_own_first_push_binds_it(tmp_path, store_factory):
    vrbzo = store_factory("vrbzo")
    fill(vrbzo, 3)
    log = SqlEventLog(str(tmp_path / "hub.db"))
    try:
        log.auth.enroll("vrbzo", ["LIVE"])
        log.auth.enroll("relay", ["LIVE"])
        real = [e.to_wire() for e in vrbzo.iter_events()]
        # nobody may relay vrbzo before vrbzo itself was here (that is how squatting worked)
        out = results(log.push("LIVE", "relay", real))
        assert out[real[0]["id"]] == ("rejected", "vrbzo heeft zich nog niet zelf bij deze hub "
                                      "gemeld; zijn gebeurtenissen kunnen pas daarna via een "
                                      "ander centrum komen")
        assert log.push("LIVE", "vrbzo", real).count("accepted") == 4
        # bound now: a squatter's chain is refused, a relay of the real events is welcome
        assert results(log.push("LIVE", "relay", squat("vrbzo")))[
            squat("vrbzo")[0]["id"]][0] == "rejected"
        new(vrbzo, incident("later"))
        more = [e.to_wire() for e in vrbzo.iter_events()]
        assert log.push("LIVE", "relay", more).count("accepted") == 1
    finally:
        log.close()


def test_a_centre_of_another_hub_is_bound_by_the_first_chain_relayed(tmp_path, store_factory):
    """Relays between hubs keep working for centres not enrolled here; the first chain binds
    the key, and a second chain under that node id with another key is refused."""
    far = store_factory("vrzeeland")
    fill(far, 3)
    log = SqlEventLog(str(tmp_path / "hub.db"))
    try:
        log.auth.enroll("kcr2", ["LIVE"])
        real = [e.to_wire() for e in far.iter_events()]
        assert log.push("LIVE", "kcr2", real).count("accepted") == 4
        fake = squat("vrzeeland")
        out = results(log.push("LIVE", "kcr2", fake))
        assert out[fake[0]["id"]][0] == "rejected"
        assert out[fake[0]["id"]][1].startswith("vrzeeland tekent met een andere sleutel")
        with log.read.connect() as c:
            assert log.auth.identities(c, ["vrzeeland"]) == {"vrzeeland": far.public_key}
    finally:
        log.close()


def test_enroll_with_key_from_a_store_or_a_key_file(tmp_path, capsys, store_factory):
    from desktop.cli import main

    st = store_factory("vnog")
    key = st.public_key
    assert main(["key", "--db", st.path, "--out", str(tmp_path / "vnog.key")]) == 0
    assert (tmp_path / "vnog.key").read_text().strip() == key
    hub = str(tmp_path / "hub.db")
    assert main(["hub", "enroll", "--db", hub, "--node", "vnog", "--worlds", "LIVE",
                 "--key", str(tmp_path / "vnog.key")]) == 0
    assert "sleutel van vnog vastgelegd" in capsys.readouterr().out
    assert main(["hub", "enroll", "--db", hub, "--node", "vrbzo", "--worlds", "LIVE",
                 "--key", st.path]) == 0
    log = SqlEventLog(hub)
    try:
        with log.read.connect() as c:
            assert log.auth.identities(c, ["vnog", "vrbzo"]) == {"vnog": key, "vrbzo": key}
    finally:
        log.close()
    (tmp_path / "rommel.txt").write_text("geen sleutel")
    assert main(["hub", "enroll", "--db", hub, "--node", "x", "--worlds", "LIVE",
                 "--key", str(tmp_path / "rommel.txt")]) == 2
    assert "is geen store en geen sleutelbestand" in capsys.readouterr().err


def test_enrolling_an_enrolled_centre_again_is_refused_unless_meant(tmp_path, capsys,
                                                                    store_factory):
    """A second 'hub enroll' of vnog changes nothing and says what the hub holds; --vervang
    gives a new token (the old one stops working) and keeps the key; another key is refused
    even with --vervang (a key rotation goes through 'hub key')."""
    from data.store.roster import fingerprint
    from desktop.cli import main

    vnog, vrt = store_factory("vnog"), store_factory("vrt")
    hub = str(tmp_path / "hub.db")
    enrol = ["hub", "enroll", "--db", hub, "--node", "vnog", "--worlds", "LIVE"]
    assert main([*enrol, "--key", vnog.path]) == 0
    token = capsys.readouterr().out.strip().splitlines()[-1]
    assert main([*enrol, "--key", vrt.path]) == 2
    err = capsys.readouterr().err
    assert "al aangemeld" in err and fingerprint(vnog.public_key) in err
    assert "hub key" in err
    assert main([*enrol, "--key", vrt.path, "--vervang"]) == 2
    assert main([*enrol, "--read-worlds", "OEF-2026-01"]) == 2
    err = capsys.readouterr().err
    assert "schrijven: LIVE" in err and "--vervang" in err
    log = SqlEventLog(hub)
    try:
        assert log.auth.authenticate(token) is not None  # nothing changed
        with log.read.connect() as c:
            assert log.auth.identities(c, ["vnog"]) == {"vnog": vnog.public_key}
    finally:
        log.close()
    assert main([*enrol, "--read-worlds", "OEF-2026-01", "--vervang"]) == 0
    out = capsys.readouterr().out
    assert "vorige aanmelding van vnog vervangen" in out
    assert f"sleutel van vnog blijft: {vnog.public_key[:16]}" in out
    new_token = out.strip().splitlines()[-1]
    log = SqlEventLog(hub)
    try:
        assert log.auth.authenticate(token) is None
        who = log.auth.authenticate(new_token)
        assert who is not None and who.read == {"LIVE", "OEF-2026-01"}
        with log.read.connect() as c:
            assert log.auth.identities(c, ["vnog"]) == {"vnog": vnog.public_key}
    finally:
        log.close()
    # a revoked centre is let in again only on purpose
    assert main(["hub", "revoke", "--db", hub, "--node", "vnog"]) == 0
    capsys.readouterr()
    assert main(enrol) == 2
    assert "ingetrokken" in capsys.readouterr().err
    assert main([*enrol, "--vervang"]) == 0
