"""The bundle's own checksum (SHA-256 of the lines, in the manifest).

A flipped byte in a bundle file is caught by the ZIP's CRC-32 before the checksum is looked at,
so these bundles are rebuilt as valid ZIPs (right CRCs, right count) around changed lines, with
the manifest of the original kept as it is: only the SHA-256 can tell.
"""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from data.sync.bundle import BundleError, export_bundle, import_bundle
from data.sync.wire import unzstd_limited, zstd_bytes
from tests.data.helpers import incident, new, snapshot


@pytest.fixture
def original(store_factory, tmp_path) -> Path:
    a = store_factory("vnog")
    for i in range(30):
        new(a, incident(f"incident {i}"))
    return export_bundle(a, tmp_path / "a.cbb").path


def _swapped(lines: list[bytes]) -> list[bytes]:
    out = list(lines)
    out[10], out[20] = out[20], out[10]
    return out


def _respaced(lines: list[bytes]) -> list[bytes]:
    """The same events, written as non-canonical JSON (other spacing and key order)."""
    return [json.dumps(json.loads(x), sort_keys=False, indent=None).encode() for x in lines]


def _forged(lines: list[bytes]) -> list[bytes]:
    out = list(lines)
    out[5] = out[5].replace(b'"incident 4"', b'"vervalst 4"')
    assert out[5] != lines[5]
    return out


@pytest.mark.parametrize("fmt", [1, 2])
@pytest.mark.parametrize("change", [_swapped, _respaced, _forged])
def test_changed_lines_with_the_old_checksum_are_refused(store_factory, original, tmp_path,
                                                         fmt, change):
    with zipfile.ZipFile(original) as z:
        manifest_bytes = z.read("manifest.json")
        body = unzstd_limited(z.read("events.jsonl.zst"))
    manifest = json.loads(manifest_bytes)
    lines = body.split(b"\n")[:-1]
    assert len(lines) == manifest["events"] == 31
    changed = change(lines)
    assert changed != lines and len(changed) == len(lines)
    new_body = b"".join(x + b"\n" for x in changed)
    p = tmp_path / f"{change.__name__}-{fmt}.cbb"
    with zipfile.ZipFile(p, "w", compression=zipfile.ZIP_DEFLATED) as z:
        if fmt == 1:
            z.writestr("manifest.json",
                       json.dumps({**manifest, "format": "crisisbeeld-bundle/1"}))
            z.writestr("events.jsonl", new_body)
        else:
            z.writestr("manifest.json", manifest_bytes)  # as it was: the old SHA-256
            z.writestr("events.jsonl.zst", zstd_bytes(new_body), compress_type=zipfile.ZIP_STORED)
    with zipfile.ZipFile(p) as z:
        assert z.testzip() is None  # every CRC-32 holds: only the checksum can tell
    b = store_factory("vggm")
    before = snapshot(b)
    with pytest.raises(BundleError) as ei:
        import_bundle(b, p)
    assert str(ei.value) == f"{p} is beschadigd: de controlesom klopt niet"
    assert snapshot(b) == before and b.event_count() == 1
    assert b.heads() == {"vggm": 1}
