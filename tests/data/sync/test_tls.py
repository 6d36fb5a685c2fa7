"""TLS: a hub serves HTTPS with --tls-cert/--tls-key; clients check its certificate against
--ca-file (or the system's CAs); plain http to another machine, and a hub listening on another
machine's address without TLS, are refused unless --onveilig-http says so. Certificates are
made on the fly (trustme)."""

from __future__ import annotations

from typing import Any

import pytest

from data.sync.client import PeerConfig, SyncEngine
from data.sync.hub.server import BackgroundHub, tls_options
from data.sync.hub.storage import SqlEventLog
from data.sync.hub_client import NOT_SAFE, HubClient, HubRefused, url_refusal
from desktop.cli import main
from tests.data.sync.factory import fill, free_port

trustme = pytest.importorskip("trustme")


@pytest.fixture
def tls_hub(tmp_path) -> Any:
    ca = trustme.CA()
    cert = ca.issue_cert("127.0.0.1", "localhost")
    paths = {"ca": tmp_path / "ca.pem", "cert": tmp_path / "hub.pem", "key": tmp_path / "hub.key"}
    ca.cert_pem.write_to_path(str(paths["ca"]))
    cert.private_key_pem.write_to_path(str(paths["key"]))
    cert.cert_chain_pems[0].write_to_path(str(paths["cert"]))
    for blob in cert.cert_chain_pems[1:]:
        blob.write_to_path(str(paths["cert"]), append=True)
    log = SqlEventLog(str(tmp_path / "hub.db"))
    hub = BackgroundHub(log, port=free_port(), tls_cert=str(paths["cert"]),
                        tls_key=str(paths["key"]))
    hub.start()
    yield hub, paths
    hub.stop()


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_sync_over_https_with_the_ca_file(tls_hub, store_factory, tmp_path, capsys):
    hub, paths = tls_hub
    assert hub.url.startswith("https://127.0.0.1:")
    a = store_factory("vnog")
    fill(a, 30)
    token = hub.log.auth.enroll("vnog", ["LIVE"], [])
    eng = SyncEngine(a, [PeerConfig(hub.url, token, ca_file=str(paths["ca"]))],
                     backoff_base=0.01, backoff_cap=0.05)
    s = eng.sync_once()
    eng.close()
    assert s.peers[0].status == "online", s.peers[0].last_error
    assert s.peers[0].pushed == a.event_count()
    # and the command line, into a second store
    b = store_factory("vrbzo")
    db = b.path
    b.close()
    tok = tmp_path / "tok"
    tok.write_text(hub.log.auth.enroll("vrbzo", ["LIVE"], []))
    code, out, err = run(capsys, "sync", "--db", str(db), "--hub", hub.url, "--token-file",
                         str(tok), "--ca-file", str(paths["ca"]), "--once", "--give-up", "60",
                         "--quiet")
    assert code == 0, (out, err)
    assert f"{a.event_count()} ontvangen" in out


def test_without_the_ca_file_the_certificate_is_refused_in_dutch(tls_hub, store_factory,
                                                                 tmp_path, capsys):
    hub, _ = tls_hub
    c = HubClient(PeerConfig(hub.url, "x"))
    with pytest.raises(HubRefused) as e:
        c.health()
    c.close()
    said = (f"{hub.url}: verbinding geweigerd: het certificaat van de hub is niet ondertekend "
            "door een vertrouwde CA; geef met --ca-file het CA-certificaat (PEM) van deze hub")
    assert e.value.status == NOT_SAFE and str(e.value) == said
    b = store_factory("vrbzo")
    db = b.path
    b.close()
    tok = tmp_path / "tok"
    tok.write_text(hub.log.auth.enroll("vrbzo", ["LIVE"], []))
    code, out, _ = run(capsys, "sync", "--db", str(db), "--hub", hub.url, "--token-file",
                       str(tok), "--once", "--give-up", "60", "--quiet")
    assert code == 1 and said in out  # at once: no retry cures a certificate
    code, _, err = run(capsys, "sync", "--db", str(db), "--hub", hub.url, "--token-file",
                       str(tok), "--ca-file", str(tmp_path / "geen.pem"), "--once")
    assert code == 2 and "CA-bestand" in err and "bestaat niet" in err


def test_plain_http_to_another_machine_is_refused(store_factory, tmp_path, capsys):
    url = "http://192.0.2.10:8750"  # (TEST-NET-1: nothing answers there)
    said = (f"{url}: onversleuteld http naar een andere machine wordt geweigerd (token en "
            "gebeurtenissen zouden leesbaar over het netwerk gaan); gebruik https://, of "
            "(alleen op een vertrouwd netwerk) --onveilig-http")
    assert url_refusal(url) == said
    assert url_refusal(url, insecure_http=True) is None
    for ok in ("http://127.0.0.1:8750", "http://localhost:1", "http://[::1]:1",
               "https://192.0.2.10"):
        assert url_refusal(ok) is None
    c = HubClient(PeerConfig(url, "x"))
    with pytest.raises(HubRefused) as e:
        c.health()  # refused before any connection is tried
    assert str(e.value) == said and e.value.status == NOT_SAFE
    b = store_factory("vrbzo")
    db = b.path
    b.close()
    tok = tmp_path / "tok"
    tok.write_text("x")
    code, _, err = run(capsys, "sync", "--db", str(db), "--hub", url, "--token-file", str(tok),
                       "--once")
    assert code == 2 and said in err


def test_a_hub_on_another_address_needs_tls_or_the_flag(tmp_path, capsys):
    said = ("de hub luistert op 0.0.0.0 zonder TLS: tokens en gebeurtenissen zouden onversleuteld "
            "over het netwerk gaan. Geef --tls-cert en --tls-key, of (alleen op een vertrouwd "
            "netwerk) --onveilig-http")
    with pytest.raises(ValueError) as e:
        tls_options("0.0.0.0", None, None)
    assert str(e.value) == said
    assert tls_options("0.0.0.0", None, None, insecure_http=True) == {}
    assert tls_options("127.0.0.1", None, None) == {}
    code, out, err = run(capsys, "hub", "--db", str(tmp_path / "h.db"), "--host", "0.0.0.0")
    assert code == 2 and said in err and out == ""
    assert not (tmp_path / "h.db").exists()  # refused before anything was opened
    code, _, err = run(capsys, "hub", "--db", str(tmp_path / "h.db"), "--tls-cert", "x.pem")
    assert code == 2 and "--tls-cert en --tls-key samen" in err
