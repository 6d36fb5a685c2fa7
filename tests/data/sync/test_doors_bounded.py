"""Every door is bounded before it parses (ARCHITECTURE §3): crafted hub requests and bundles
cost at most a few times the limits, and every refusal is said in Dutch: ``{code, detail}``
from the hub, one refused line in a bundle.

The bombs run in a child process with an address-space limit (so the code before these limits
fails there with MemoryError instead of taking the machine) and their peak memory (VmHWM, or
ru_maxrss) and time are asserted:

* hub: a 22 kB zstd push that inflates to 250 MiB of ``{}`` (JSON and NDJSON), answered 413
  with the hub's peak RSS under 400 MB (a hub process starts at about 100 MB);
* bundles: 2 GiB of short lines, one 1 GiB line, a 2.5 GiB manifest.json: each refused in
  under 20 s with the reader's peak RSS under 400 MB.
"""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
import textwrap
import time
import zipfile
from pathlib import Path
from typing import Any

import pytest
import requests

from data.sync.bundle import export_bundle, import_bundle
from data.sync.wire import unzstd_limited, zstd, zstd_bytes
from tests.data.helpers import incident, new
from tests.data.sync.factory import free_port

ROOT = Path(__file__).resolve().parents[3]
MB = 1 << 20
#: address space of a child that meets a bomb: the code before the limits dies of MemoryError
AS_LIMIT = 3 << 30

HUB = textwrap.dedent("""
    import resource, sys
    resource.setrlimit(resource.RLIMIT_AS, (int(sys.argv[3]), int(sys.argv[3])))
    import uvicorn
    from data.sync.hub.app import create_app
    from data.sync.hub.storage import SqlEventLog
    log = SqlEventLog(sys.argv[1])
    print(log.auth.enroll("vnog", ["LIVE"], []), flush=True)
    uvicorn.run(create_app(log), host="127.0.0.1", port=int(sys.argv[2]), log_level="critical")
""")


def vm_hwm(pid: int) -> int:
    """Peak resident memory of a process, bytes."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) * 1024
    raise AssertionError("no VmHWM")


@pytest.fixture
def hub_process(tmp_path):
    port = free_port()
    p = subprocess.Popen([sys.executable, "-c", HUB, str(tmp_path / "hub.db"), str(port),
                          str(AS_LIMIT)], cwd=ROOT, stdout=subprocess.PIPE, text=True)
    try:
        token = p.stdout.readline().strip()
        url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while True:
            try:
                requests.get(url + "/v1/health", timeout=2)
                break
            except requests.ConnectionError:
                assert p.poll() is None and time.monotonic() < deadline, "hub did not start"
                time.sleep(0.1)
        yield p, url, token
    finally:
        p.terminate()
        p.wait(20)
        p.stdout.close()


def zstd_stream(pieces: Any) -> bytes:
    """One zstd frame of the pieces, compressed as they come (never all in memory)."""
    c = zstd.ZstdCompressor(level=3)
    out = [c.compress(piece) for piece in pieces]
    out.append(c.flush())
    return b"".join(out)


def _repeat(unit: bytes, total: int, piece: int = 4 * MB) -> Any:
    block = unit * (piece // len(unit))
    for _ in range(total // len(block)):
        yield block


@pytest.mark.parametrize("form", ["json", "ndjson"])
def test_a_compressed_bomb_is_refused_while_it_inflates(hub_process, form):
    p, url, token = hub_process
    base = vm_hwm(p.pid)
    if form == "json":
        body = zstd_stream([b'{"events":[', *_repeat(b"{},", 250 * MB), b"{}]}"])
        ctype, code = "application/json", "te_complex"
    else:
        body = zstd_stream(_repeat(b"{}\n", 250 * MB))
        ctype, code = "application/x-ndjson", "te_veel"
    assert len(body) < 40_000  # (22 kB: 250 MiB in one request)
    r = requests.post(f"{url}/v1/worlds/LIVE/events", data=body, timeout=120, headers={
        "Authorization": f"Bearer {token}", "Content-Encoding": "zstd", "Content-Type": ctype})
    assert r.status_code == 413, r.text[:300]
    assert r.json()["code"] == code
    detail = r.json()["detail"]
    if form == "json":
        assert detail == ("batch te bewerkelijk: meer dan 5120000 JSON-waarden; stuur minder "
                          "gebeurtenissen per batch")
    else:
        assert detail == ("te veel gebeurtenissen in één batch: meer dan 20000 regels "
                          "(gebeurtenissen)")
    peak = vm_hwm(p.pid)
    assert peak < 400 * MB, f"hub peak RSS {peak / MB:.0f} MiB (started at {base / MB:.0f})"
    assert requests.get(url + "/v1/health", timeout=5).status_code == 200


# -- the hub's other refusals: always {code, detail} in Dutch ------------------------------


def H(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def test_a_cursor_beyond_64_bits_is_a_dutch_422(sql_hub):
    tok = sql_hub.enroll("vnog")
    for after, said in (("1e23", "moet een geheel getal zijn"),
                        ("twee", "moet een geheel getal zijn"),
                        ("99999999999999999999999", "mag hoogstens 9223372036854775807 zijn"),
                        ("-1", "moet minstens 0 zijn")):
        r = requests.get(f"{sql_hub.url}/v1/worlds/LIVE/events", params={"after": after},
                         headers=H(tok), timeout=10)
        assert r.status_code == 422, r.text
        assert r.json() == {"code": "ongeldig_verzoek",
                            "detail": f"ongeldig verzoek: 'after' {said}"}


def test_deeply_nested_json_is_refused_with_code_and_detail(sql_hub, store_factory):
    tok = sql_hub.enroll("vnog")
    url = f"{sql_hub.url}/v1/worlds/LIVE/events"
    for depth in (1000, 100_000):
        deep = b"[" * depth + b"]" * depth
        r = requests.post(url, data=b'{"events":[' + deep + b"]}", timeout=30,
                          headers={**H(tok), "Content-Type": "application/json"})
        assert r.status_code == 400, r.text[:200]
        assert r.json() == {"code": "te_diep",
                            "detail": "batch te diep genest (hoogstens 1024 niveaus)"}
    # NDJSON: the deep lines are refused one by one, the event beside them is taken in
    st = store_factory("vnog")
    new(st, incident("naast de diepe regels"))
    good = [e.wire_line().encode() for e in st.iter_events(parse_payload=False)]
    payload = b"[" * 1000 + b"]" * 1000
    deep1000 = good[0].replace(b'"payload":{', b'"payload":{"x":' + payload + b",", 1)
    body = b"\n".join([b"[" * 100_000 + b"]" * 100_000, deep1000, *good]) + b"\n"
    r = requests.post(url, data=body, timeout=30,
                      headers={**H(tok), "Content-Type": "application/x-ndjson"})
    assert r.status_code == 200, r.text[:300]
    got = r.json()
    assert got["accepted"] == len(good) and got["rejected"] == 2
    reasons = [x["reason"] for x in got["results"] if x["status"] == "rejected"]
    # (the hub's log says of an unreadable line only that it is no event object)
    assert reasons == ["onleesbare gebeurtenis: gebeurtenis is geen object"] * 2, reasons


def test_a_full_disk_and_an_internal_error_are_json(sql_hub, store_factory, monkeypatch):
    import sqlite3

    tok = sql_hub.enroll("vnog")
    st = store_factory("vnog")
    new(st, incident("vol"))
    body = ("\n".join(e.wire_line() for e in st.iter_events(parse_payload=False))).encode()
    hdr = {**H(tok), "Content-Type": "application/x-ndjson"}
    url = f"{sql_hub.url}/v1/worlds/LIVE/events"

    def full(*_a: Any, **_k: Any) -> Any:
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(sql_hub.log, "push", full)
    r = requests.post(url, data=body, headers=hdr, timeout=10)
    assert r.status_code == 507
    assert r.json() == {"code": "opslag_vol", "detail":
                        "de hub kan niets meer opslaan: de schijf is vol; er is niets bewaard, "
                        "probeer het later opnieuw"}

    def broken(*_a: Any, **_k: Any) -> Any:
        raise KeyError("iets")

    monkeypatch.setattr(sql_hub.log, "push", broken)
    r = requests.post(url, data=body, headers=hdr, timeout=10)
    assert r.status_code == 500
    assert r.json()["code"] == "interne_fout" and "KeyError" not in r.text


# -- bundles -------------------------------------------------------------------------------


def write_bundle(path: Path, manifest: dict[str, Any] | bytes, body_pieces: Any = None,
                 body: bytes | None = None) -> Path:
    """A bundle ZIP around a manifest and events.jsonl.zst (``body`` or streamed pieces)."""
    packed = zstd_bytes(body) if body is not None else zstd_stream(body_pieces)
    with zipfile.ZipFile(path, "w") as z:
        if isinstance(manifest, bytes):
            z.writestr("manifest.json", manifest, compress_type=zipfile.ZIP_DEFLATED)
        else:
            z.writestr("manifest.json", json.dumps(manifest))
        z.writestr("events.jsonl.zst", packed)
    return path


READER = textwrap.dedent("""
    import json, resource, sys, time
    resource.setrlimit(resource.RLIMIT_AS, (int(sys.argv[2]), int(sys.argv[2])))
    from data.sync.bundle import BundleError, _read_verified
    t = time.monotonic()
    try:
        _read_verified(sys.argv[1], "LIVE")
        out = "gelezen"
    except BundleError as e:
        out = str(e)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    print(json.dumps({"said": out, "s": time.monotonic() - t, "peak": peak}))
""")


def read_in_child(path: Path, timeout: float = 60) -> dict[str, Any]:
    """Read a bundle in a child process; its answer, time and peak RSS. A child that takes
    longer than ``timeout`` or dies (MemoryError) fails the test."""
    r = subprocess.run([sys.executable, "-c", READER, str(path), str(AS_LIMIT)], cwd=ROOT,
                       capture_output=True, text=True, timeout=timeout)
    assert r.returncode == 0, r.stderr[-2000:]
    out: dict[str, Any] = json.loads(r.stdout)
    assert out["peak"] < 400 * MB, out
    assert out["s"] < 20, out
    return out


def manifest_for(events: int, origins: dict[str, Any] | None = None,
                 sha: str = "0" * 64) -> dict[str, Any]:
    return {"format": "crisisbeeld-bundle/2", "world": "LIVE", "exported_by": "x",
            "events": events, "origins": origins or {"x": {"from": 1, "to": max(events, 1)}},
            "sha256": sha}


def test_bundle_of_short_lines_stops_early(tmp_path):
    bomb = write_bundle(tmp_path / "kort.cbb", manifest_for(10 ** 12),
                        _repeat(b"1\n", 2 << 30))
    assert bomb.stat().st_size < 200_000
    out = read_in_child(bomb)
    assert out["said"] == f"{bomb} is beschadigd: de regels zijn te kort voor gebeurtenissen"
    honest = write_bundle(tmp_path / "kort2.cbb", manifest_for(1000),
                          _repeat(b"1" * 99 + b"\n", 2 << 30))
    out = read_in_child(honest)
    assert out["said"] == (f"{honest} is beschadigd: meer regels dan de 1000 gebeurtenissen "
                           "die het manifest noemt")


def test_bundle_of_one_endless_line_stops_early(tmp_path):
    bomb = write_bundle(tmp_path / "lang.cbb", manifest_for(1), _repeat(b"x", 1 << 30))
    out = read_in_child(bomb, timeout=60)
    assert out["said"].startswith(f"{bomb} pakt uit tot meer dan ")
    assert out["said"].endswith(" MiB: geen echte bundel")


def test_a_huge_manifest_is_not_read(tmp_path):
    path = tmp_path / "manifest.cbb"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=1) as z:
        with z.open("manifest.json", "w", force_zip64=True) as f:
            block = b" " * (4 * MB)
            for _ in range((5 << 29) // len(block)):  # 2.5 GiB
                f.write(block)
        z.writestr("events.jsonl.zst", zstd_bytes(b""))
    out = read_in_child(path)
    assert out["said"] == f"{path}: manifest.json is groter dan 1 MiB: geen echte bundel"


def _lines_of(path: Path) -> tuple[dict[str, Any], list[bytes]]:
    with zipfile.ZipFile(path) as z:
        manifest = json.loads(z.read("manifest.json"))
        body = unzstd_limited(z.read("events.jsonl.zst"))
    return manifest, body.split(b"\n")[:-1]


def _rebuilt(path: Path, manifest: dict[str, Any], lines: list[bytes]) -> Path:
    body = b"".join(x + b"\n" for x in lines)
    manifest = {**manifest, "events": len(lines), "sha256": hashlib.sha256(body).hexdigest()}
    return write_bundle(path, manifest, body=body)


@pytest.fixture
def exported(store_factory, tmp_path) -> Path:
    a = store_factory("vnog")
    for i in range(5):
        new(a, incident(f"incident {i}"))
    return export_bundle(a, tmp_path / "a.cbb").path


def test_deep_and_long_bundle_lines_are_refused_on_their_own(store_factory, exported,
                                                             tmp_path):
    manifest, lines = _lines_of(exported)
    payload = b"[" * 1000 + b"]" * 1000
    deep1000 = lines[0].replace(b'"payload":{', b'"payload":{"x":' + payload + b",", 1)
    crafted = [*lines, b"[" * 100_000 + b"]" * 100_000, deep1000, b'"' + b"x" * (5 * MB) + b'"']
    (origin,) = manifest["origins"]
    wide = {**manifest, "origins": {origin: {"from": 1, "to": 100}}}
    p = _rebuilt(tmp_path / "diep.cbb", wide, crafted)
    b = store_factory("vrbzo")
    res = import_bundle(b, p)
    assert len(res.accepted) == len(lines) and len(res.rejected) == 3
    n = len(lines)
    said = " | ".join(r for _id, r in res.rejected)
    assert f"regel {n + 1} is te diep genest (hoogstens 1024 niveaus)" in said
    assert "te diep genest" in said.replace(f"regel {n + 1}", "")  # the 1000 deep payload
    assert f"regel {n + 3} is langer dan 4 MiB" in said


def test_manifest_ranges_are_checked_against_the_lines(store_factory, exported, tmp_path):
    manifest, lines = _lines_of(exported)
    (origin,) = manifest["origins"]
    # seqs beyond the range the manifest names are refused one by one (with those after them)
    lied = {**manifest, "origins": {origin: {"from": 1, "to": 3}}}
    b = store_factory("vrbzo")
    res = import_bundle(b, _rebuilt(tmp_path / "bereik.cbb", lied, lines))
    assert len(res.accepted) == 3 and len(res.rejected) == len(lines) - 3
    assert all(why == f"valt buiten wat het manifest van de bundel noemt ({origin} 1-3)"
               for _id, why in res.rejected), res.rejected
    other = {**manifest, "origins": {"iemand": {"from": 1, "to": 20}}}
    res = import_bundle(b, _rebuilt(tmp_path / "bereik2.cbb", other, lines))
    assert not res.accepted and res.rejected
    assert res.rejected[0][1] == ("valt buiten wat het manifest van de bundel noemt "
                                  f"({origin} niet genoemd)")
    bad = {**manifest, "origins": {origin: {"from": 3, "to": 1}}}
    with pytest.raises(Exception, match=f"het manifest noemt voor {origin} een ongeldig bereik"):
        import_bundle(b, _rebuilt(tmp_path / "bereik3.cbb", bad, lines))
