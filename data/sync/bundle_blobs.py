"""Attachments' bytes in a bundle: one ZIP member ``blobs/<sha256>`` per file the bundle's
events name (and the exporting store holds), listed in the manifest under ``blobs`` with their
sizes.

On import every blob is checked — its name a SHA-256, at most the size limit, its bytes hashing
to its name — before one event is offered to the store: a bundle with a damaged or forged file
is refused whole, changing nothing, as a bundle with a damaged event is. A file the bundle does
not carry (the exporter had not received it yet) simply stays "bijlage nog niet ontvangen".
"""

from __future__ import annotations

import hashlib
import json
import os
import zipfile
import zlib
from collections.abc import Iterable
from typing import Any

from data.domain.attachments import MAX_ATTACHMENT_BYTES, human_size
from data.oswords import damage_words
from data.store import Store
from data.store.envelope import Event

PREFIX = "blobs/"
ATTACHMENT = "attachment.added"
_HEX = frozenset("0123456789abcdef")
_PIECE = 1 << 20


class BlobBundleError(ValueError):
    """A blob in a bundle that may not be taken in (message for a person)."""


def named_by(events: Iterable[Event]) -> set[str]:
    """The hashes that these events' attachments name."""
    out: set[str] = set()
    for e in events:
        if e.type == ATTACHMENT:
            p = e.payload or json.loads(e.payload_json)
            if isinstance(p.get("sha256"), str):
                out.add(p["sha256"])
    return out


def write_blobs(z: zipfile.ZipFile, store: Store, hashes: Iterable[str]) -> dict[str, int]:
    """Write the blobs of ``hashes`` that the store holds; returns {hash: size} for the
    manifest. (Photos and PDFs are packed already: stored as they are.)"""
    out: dict[str, int] = {}
    for h in sorted(store.blobs_held(hashes)):
        data = store.blob(h)
        if data is not None:
            z.writestr(PREFIX + h, data, compress_type=zipfile.ZIP_STORED)
            out[h] = len(data)
    return out


def check_blobs(path: str | os.PathLike[str], manifest: dict[str, Any]) -> list[str]:
    """The hashes of the blobs in the bundle, each checked (see the module docstring); raises
    :class:`BlobBundleError` on the first that is wrong."""
    listed = manifest.get("blobs") or {}
    if not isinstance(listed, dict):
        raise BlobBundleError("het manifest noemt de bijlagen niet goed")
    try:
        return _check(path, listed)
    except (zipfile.BadZipFile, OSError, EOFError, zlib.error, RuntimeError) as e:
        raise BlobBundleError(f"een bijlage in de bundel is onleesbaar: {damage_words(e)}") \
            from None


def _check(path: str | os.PathLike[str], listed: dict[str, Any]) -> list[str]:
    found: list[str] = []
    with zipfile.ZipFile(path) as z:
        for info in z.infolist():
            if not info.filename.startswith(PREFIX):
                continue
            h = info.filename[len(PREFIX):]
            if len(h) != 64 or not set(h) <= _HEX:
                raise BlobBundleError(f"'{info.filename[:80]}' is geen bijlage (naam is geen "
                                      "controlegetal)")
            if info.file_size > MAX_ATTACHMENT_BYTES:
                raise BlobBundleError(f"bijlage {h[:12]}… is te groot ({human_size(info.file_size)}"
                                      f"; hoogstens {human_size(MAX_ATTACHMENT_BYTES)})")
            if _digest(z, info) != h:
                raise BlobBundleError(f"bijlage {h[:12]}… klopt niet met haar controlegetal: "
                                      "beschadigd of vervalst")
            if listed.get(h) != info.file_size:
                raise BlobBundleError(f"bijlage {h[:12]}… staat niet (zo) in het manifest")
            found.append(h)
    if len(found) != len(listed):
        raise BlobBundleError("het manifest noemt bijlagen die de bundel niet bevat")
    return found


def _digest(z: zipfile.ZipFile, info: zipfile.ZipInfo) -> str:
    h = hashlib.sha256()
    size = 0
    with z.open(info) as f:
        while piece := f.read(_PIECE):
            size += len(piece)
            if size > MAX_ATTACHMENT_BYTES:  # (the header may lie about the size)
                raise BlobBundleError(f"bijlage {info.filename[len(PREFIX):][:12]}… is te groot")
            h.update(piece)
    return h.hexdigest()


def store_blobs(store: Store, path: str | os.PathLike[str], hashes: list[str]) -> int:
    """Keep the checked blobs the store does not hold yet; returns how many were new."""
    new = [h for h in hashes if h not in store.blobs_held(hashes)]
    with zipfile.ZipFile(path) as z:
        for h in new:
            with z.open(PREFIX + h) as f:
                store.put_blob(f.read(MAX_ATTACHMENT_BYTES + 1), h)  # (hashed again there)
    return len(new)
