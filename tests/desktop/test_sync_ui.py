"""Sync in the application, against a real hub process on loopback: add a hub through the
dialog, receive another centre's picture, go offline, bundles, and the peer hub."""

from __future__ import annotations

import json
import os
import stat
import threading
import time
from pathlib import Path
from typing import Any

import pytest
import requests

from data.store import Command, Store
from data.sync.bundle import export_bundle, write_state
from data.sync.client import PeerConfig, SyncEngine
from desktop.sync_settings import settings_path
from tests.data.sync.factory import free_port, make_store
from tests.e2e.synckit import Hub

WAIT = 30_000


@pytest.fixture
def hub(tmp_path: Path):
    h = Hub(["--db", str(tmp_path / "hub.db")], tmp_path)
    yield h
    h.stop()


def _rows(proxy: Any) -> list[str]:
    return [str(proxy.index(r, c).data()) for r in range(proxy.rowCount())
            for c in range(proxy.columnCount())]


def _sync_other_centre(url: str, token: str, db: Path) -> Any:
    """Another centre syncs with the Qt-free engine until one round succeeded."""
    st = Store.open(db)
    eng = SyncEngine(st, [PeerConfig(url, token)], backoff_base=0.1, backoff_cap=1.0)
    try:
        assert eng.run_until_synced(time.monotonic() + 30), eng.state
        return eng.state
    finally:
        eng.close()
        st.close()


def _no_engine_threads() -> bool:
    return not any(t.name.startswith(("crisisbeeld-sync", "crisisbeeld-hub"))
                   for t in threading.enumerate())


def test_add_hub_receive_and_go_offline(qtbot: Any, window: Any, hub: Hub,
                                        tmp_path: Path) -> None:
    ctl = window.sync
    assert "geen sync ingesteld" in window.header.sync.text()
    token = hub.enroll("kcr2")
    other_token = hub.enroll("vrgz")

    d = ctl.open_add_hub()
    # validation next to the fields; nothing is added
    d.url.setText("kcr2 zonder schema")
    d.submit()
    assert "http://" in d.error_text("url")
    assert "tokenbestand" in d.error_text("token")
    assert d.isVisible() and not ctl.cfg.hubs
    # the connection test runs in the worker; its answer appears beside the button
    d.url.setText(hub.url)
    d.token.setText("onzin-token-van-twintig-tekens")
    d.request_test()
    qtbot.waitUntil(lambda: d.test_button.isEnabled(), timeout=WAIT)
    assert "✗" in d.test_result.text() and "401" in d.test_result.text()
    d.token.setText(token)
    d.request_test()
    qtbot.waitUntil(lambda: "token geldig" in d.test_result.text(), timeout=WAIT)
    assert "centrum kcr2" in d.test_result.text()
    d.name.setText("KCR2")
    d.submit()
    assert not d.isVisible()

    # settings: the hub per store, the pasted token in a file of its own, user-only
    doc = json.loads(settings_path().read_text())
    (entry,) = doc["stores"][str(Path(window.path).resolve())]["hubs"]
    assert entry["url"] == hub.url and entry["name"] == "KCR2"
    assert token not in settings_path().read_text()
    assert stat.S_IMODE(os.stat(entry["token_file"]).st_mode) == 0o600
    assert Path(entry["token_file"]).read_text().strip() == token

    qtbot.waitUntil(lambda: "verbonden" in window.header.sync.text(), timeout=WAIT)

    # another centre reports an incident and syncs it to the hub; the window shows it
    other = make_store(tmp_path / "vrgz.db", "vrgz", 5)
    _sync_other_centre(hub.url, other_token, other)
    ctl.sync_now()
    qtbot.waitUntil(lambda: any("Stroomuitval vrgz" in t
                                for t in _rows(window.incidents.proxy)), timeout=WAIT)
    qtbot.waitUntil(lambda: ctl.state is not None and ctl.state.backlog == 0
                    and ctl.state.peers[0].pull_cursor > 0, timeout=WAIT)
    # the engine's last state may still say busy (a round ending): wait for it to settle
    qtbot.waitUntil(lambda: "verbonden" in window.header.sync.text(), timeout=WAIT)
    text = window.header.sync.text()
    assert "verbonden" in text and "achterstand 0" in text and "geleden" in text
    tip = window.header.sync.toolTip()
    assert "KCR2: verbonden" in tip and "verzonden t/m" in tip and "ontvangen t/m" in tip

    hubs = ctl.open_hubs()
    assert hubs.list.count() == 1 and "verbonden" in hubs.list.item(0).text()
    hubs.close()

    # the hub goes away; a local change waits in the backlog
    hub.stop()
    window.execute([Command("journal.logged", {"channel": "C2000", "text": "hub weg"})])
    qtbot.waitUntil(lambda: "geen verbinding" in window.header.sync.text()
                    and "achterstand 1" in window.header.sync.text(), timeout=WAIT)
    assert "laatste fout" in window.header.sync.toolTip()

    window.shutdown()
    assert _no_engine_threads()


def test_remove_hub_stops_engine(qtbot: Any, window: Any, hub: Hub, tmp_path: Path) -> None:
    ctl = window.sync
    tf = tmp_path / "kcr2.token"
    tf.write_text(hub.enroll("kcr2") + "\n")
    ctl.add_hub(hub.url, str(tf))
    qtbot.waitUntil(lambda: "verbonden" in window.header.sync.text(), timeout=WAIT)
    ctl.remove_hub(hub.url)
    qtbot.waitUntil(lambda: "geen sync ingesteld" in window.header.sync.text(), timeout=WAIT)
    qtbot.waitUntil(_no_engine_threads, timeout=WAIT)


def _message(qtbot: Any, ctl: Any, fn: Any, *args: Any) -> tuple[str, bool]:
    with qtbot.waitSignal(ctl.sig_message, timeout=WAIT) as blocker:
        fn(*args)
    text, ok = blocker.args
    return str(text), bool(ok)


def test_bundles_from_the_menu(qtbot: Any, window: Any, tmp_path: Path) -> None:
    ctl = window.sync
    # export all: the receiver reads it
    out = tmp_path / "kcr2.cbbundle"
    text, ok = _message(qtbot, ctl, ctl.export_bundle, str(out))
    assert ok and "Bundel geschreven" in text and out.exists()
    from data.sync.bundle import read_bundle

    assert read_bundle(out)[0]["world"] == window.world

    # import another centre's bundle: its incident appears; again: all duplicates
    other = make_store(tmp_path / "vrgz.db", "vrgz", 5)
    st = Store.open(other)
    try:
        n = export_bundle(st, tmp_path / "vrgz.cbbundle").events
        write_state(st, tmp_path / "vrgz-status.json")
    finally:
        st.close()
    text, ok = _message(qtbot, ctl, ctl.import_bundle, str(tmp_path / "vrgz.cbbundle"))
    assert ok and f"{n} nieuw, 0 al aanwezig, 0 geweigerd" in text
    qtbot.waitUntil(lambda: any("Stroomuitval vrgz" in t
                                for t in _rows(window.incidents.proxy)), timeout=WAIT)
    text, ok = _message(qtbot, ctl, ctl.import_bundle, str(tmp_path / "vrgz.cbbundle"))
    assert f"0 nieuw, {n} al aanwezig" in text

    # incremental for vrgz (from its state file): only what vrgz lacks
    inc = tmp_path / "voor-vrgz.cbbundle"
    text, ok = _message(qtbot, ctl, ctl.export_incremental, str(tmp_path / "vrgz-status.json"),
                        str(inc))
    assert ok and "Incrementele bundel geschreven" in text, text
    from data.sync.bundle import read_bundle

    manifest, events = read_bundle(inc)
    assert manifest["incremental"] and {e["origin"] for e in events} == {"kcr2"}

    # our own state file
    text, ok = _message(qtbot, ctl, ctl.write_state, str(tmp_path / "kcr2-status.json"))
    assert ok and json.loads((tmp_path / "kcr2-status.json").read_text())["heads"]["vrgz"] > 0

    # another world, a damaged file: refused with the bundle's own message
    oef = make_store(tmp_path / "oef.db", "vrbn", 2, world="OEF-2026-01")
    st = Store.open(oef)
    try:
        export_bundle(st, tmp_path / "oef.cbbundle")
    finally:
        st.close()
    text, ok = _message(qtbot, ctl, ctl.import_bundle, str(tmp_path / "oef.cbbundle"))
    assert not ok and "nooit gemengd" in text
    bad = tmp_path / "kapot.cbbundle"
    bad.write_bytes(out.read_bytes()[:200])
    text, ok = _message(qtbot, ctl, ctl.import_bundle, str(bad))
    assert not ok and "geen leesbare Crisisbeeld-bundel" in text
    assert ctl.message_box is not None and ctl.message_box.isVisible()


def test_peer_hub_from_the_menu(qtbot: Any, window: Any, tmp_path: Path) -> None:
    ctl = window.sync
    port = free_port()
    d = ctl.open_peer_hub()
    d.port.setValue(port)
    d.local_only.setChecked(True)
    with qtbot.waitSignal(ctl.sig_peer_hub_changed, timeout=WAIT) as started:
        d.start_button.click()
    url = started.args[0]
    assert url == f"http://127.0.0.1:{port}"
    assert f"http://127.0.0.1:{port}" in d.status.text()
    assert not d.start_button.isEnabled() and d.stop_button.isEnabled()
    assert ctl.settings.for_store(window.path).serve_peer

    # enrol a neighbour in the dialog; it syncs with this centre's store
    d.node.setText("vrgz")
    d.enroll_button.click()
    qtbot.waitUntil(lambda: d.token.text() != "", timeout=WAIT)
    other = make_store(tmp_path / "vrgz.db", "vrgz", 5)
    state = _sync_other_centre(url, d.token.text(), other)
    assert state.peers[0].pushed > 0
    st = Store.open(window.path, readonly=True)
    try:
        assert st.heads().get("vrgz", 0) > 0
    finally:
        st.close()
    # what the neighbour pushed shows in the window at once
    qtbot.waitUntil(lambda: any("Stroomuitval vrgz" in t
                                for t in _rows(window.incidents.proxy)), timeout=WAIT)
    # enrolling vrgz again is refused: its token keeps working
    token = d.token.text()
    d.enroll_button.click()
    qtbot.waitUntil(lambda: d.enroll_info.text().startswith("✗"), timeout=WAIT)
    assert "vrgz is al aangemeld" in d.enroll_info.text() and "--vervang" in d.enroll_info.text()
    assert _sync_other_centre(url, token, other).peers[0].status == "online"

    with qtbot.waitSignal(ctl.sig_peer_hub_changed, timeout=WAIT) as stopped:
        d.stop_button.click()
    assert stopped.args[0] == ""
    assert ctl.peer is None and d.start_button.isEnabled()
    assert not ctl.settings.for_store(window.path).serve_peer
    with pytest.raises(requests.RequestException):
        requests.get(url + "/v1/health", timeout=2)


def test_peer_hub_on_the_network_needs_a_certificate_or_a_choice(qtbot: Any, window: Any,
                                                                 tmp_path: Path) -> None:
    """As `crisisbeeld hub`: the peer hub stays on this computer by default; on the network
    only with a certificate (https) or the explicit choice of plain http on a trusted
    network — never silently unencrypted."""
    trustme = pytest.importorskip("trustme")
    ctl = window.sync
    d = ctl.open_peer_hub()
    d.port.setValue(free_port())
    assert d.local_only.isChecked() and not d.network.isVisibleTo(d)
    d.local_only.setChecked(False)
    assert d.network.isVisibleTo(d)
    with qtbot.waitSignal(ctl.sig_message, timeout=WAIT) as msg:
        d.start_button.click()
    assert "zonder TLS" in msg.args[0] and "tokens" in msg.args[0] and not msg.args[1]
    assert ctl.peer is None and "zonder TLS" in d.status.text() and d.start_button.isEnabled()

    cert = trustme.CA().issue_cert("127.0.0.1")
    cert.private_key_pem.write_to_path(str(tmp_path / "hub.key"))
    cert.cert_chain_pems[0].write_to_path(str(tmp_path / "hub.pem"))
    d.tls_cert.setText(str(tmp_path / "hub.pem"))
    d.tls_key.setText(str(tmp_path / "hub.key"))
    with qtbot.waitSignal(ctl.sig_peer_hub_changed, timeout=WAIT) as started:
        d.start_button.click()
    assert started.args[0].startswith("https://") and "https://" in d.status.text()
    assert ctl.settings.for_store(window.path).peer_tls_cert == str(tmp_path / "hub.pem")
    with qtbot.waitSignal(ctl.sig_peer_hub_changed, timeout=WAIT):
        d.stop_button.click()

    d.tls_cert.clear()
    d.tls_key.clear()
    d.insecure.setChecked(True)  # said in so many words: plain http on a trusted network
    with qtbot.waitSignal(ctl.sig_peer_hub_changed, timeout=WAIT) as started:
        d.start_button.click()
    assert started.args[0].startswith("http://")
    with qtbot.waitSignal(ctl.sig_peer_hub_changed, timeout=WAIT):
        d.stop_button.click()


def test_peer_hub_port_taken(qtbot: Any, window: Any, hub: Hub) -> None:
    ctl = window.sync
    with qtbot.waitSignal(ctl.sig_message, timeout=WAIT) as msg:
        ctl.start_peer_hub("127.0.0.1", hub.port)
    assert "niet gestart" in msg.args[0] and not msg.args[1]
    assert ctl.peer is None


def test_peer_hub_and_engine_end_with_the_window(qtbot: Any, window: Any, hub: Hub,
                                                 tmp_path: Path) -> None:
    ctl = window.sync
    tf = tmp_path / "kcr2.token"
    tf.write_text(hub.enroll("kcr2") + "\n")
    ctl.add_hub(hub.url, str(tf))
    with qtbot.waitSignal(ctl.sig_peer_hub_changed, timeout=WAIT):
        ctl.start_peer_hub("127.0.0.1", free_port())
    qtbot.waitUntil(lambda: "verbonden" in window.header.sync.text(), timeout=WAIT)
    assert "Buren-hub draait" in window.header.sync.toolTip()
    window.shutdown()
    names = {t.name for t in threading.enumerate()}
    assert not {n for n in names if n.startswith(("crisisbeeld-sync", "crisisbeeld-hub"))}, names


def test_a_second_window_starts_what_the_settings_say(qtbot: Any, window: Any, hub: Hub,
                                                       tmp_path: Path) -> None:
    """Hubs and the peer hub are remembered per store: the next start syncs and serves."""
    from desktop.main_window import MainWindow

    tf = tmp_path / "kcr2.token"
    tf.write_text(hub.enroll("kcr2") + "\n")
    window.sync.add_hub(hub.url, str(tf))
    port = free_port()
    with qtbot.waitSignal(window.sync.sig_peer_hub_changed, timeout=WAIT):
        window.sync.start_peer_hub("127.0.0.1", port)
    window.shutdown()

    win = MainWindow(Path(window.path), window.world, "KCR2", author="tester")
    qtbot.addWidget(win)
    try:
        with qtbot.waitSignal(win.sync.sig_peer_hub_changed, timeout=WAIT) as started:
            win.start()
        assert started.args[0] == f"http://127.0.0.1:{port}"
        qtbot.waitUntil(lambda: "verbonden" in win.header.sync.text(), timeout=WAIT)
    finally:
        win.shutdown()
    assert _no_engine_threads()


def test_header_says_bezig_while_events_move(window: Any) -> None:
    from data.sync.client import PeerState, SyncState

    def state(busy: bool) -> SyncState:
        return SyncState(status="online", peers=(PeerState(url="http://kcr2:8750",
                                                           status="online", busy=busy),))

    window.sync._apply_state(state(True))  # noqa: SLF001 - what the engine's signal delivers
    assert "sync: bezig" in window.header.sync.text()
    assert window.header.sync.property("state") == "syncing"
    window.sync._apply_state(state(False))  # noqa: SLF001
    assert "sync: verbonden" in window.header.sync.text()
