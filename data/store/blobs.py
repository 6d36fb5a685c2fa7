"""Attachments' bytes beside the log: a ``blob`` table in the store's own SQLite file, keyed by
SHA-256 (content-addressed: one copy of a photo however often it is attached or received).

Why a table in the same file rather than a folder beside it: the bytes and the event that names
them commit in one transaction (WAL, ``synchronous=FULL``), so a power cut never leaves an event
whose file was only half written, nor a file nobody refers to; and a store stays one file to
copy to the fall-back laptop or a backup. A blob is at most
:data:`data.domain.attachments.MAX_ATTACHMENT_BYTES`, well within what SQLite keeps in a row.

Blobs are not events: they are not signed, not in the fingerprint, and not folded. Their hash
is what the signed ``attachment.added`` event names, so a blob is checked by hashing it, at
every door (:meth:`Blobs.put_blob`, the hub, bundle import).
"""

from __future__ import annotations

import json
import sqlite3
import threading
from contextlib import AbstractContextManager
from typing import TYPE_CHECKING, Any, Iterable

from data.clock import now_iso
from data.domain.attachments import MAX_ATTACHMENT_BYTES, media_type_of, sha256_hex, too_large_text
from data.domain.validation import ValidationError
from data.store.types import Changes, Command

BLOB_DDL = ("CREATE TABLE IF NOT EXISTS blob (sha256 VARCHAR(64) NOT NULL PRIMARY KEY, "
            "size INTEGER NOT NULL, data BLOB NOT NULL, received_at VARCHAR(20) NOT NULL)")


class BlobError(ValueError):
    """A file that may not be kept (too large, or not the bytes its hash names); for a person."""


def check_blob(data: bytes, sha256: str | None = None) -> str:
    """The SHA-256 of ``data`` after the checks every door makes: the size limit, and — when
    the sender named a hash — that the bytes are the ones it names."""
    if len(data) > MAX_ATTACHMENT_BYTES:
        raise BlobError(too_large_text(len(data)))
    digest = sha256_hex(data)
    if sha256 is not None and digest != sha256.lower():
        raise BlobError(f"de bijlage klopt niet met haar controlegetal ({sha256[:12]}…): "
                        "beschadigd of vervalst; niet bewaard")
    return digest


class Blobs:
    """Attachments and their bytes (mixed into :class:`data.store.store.Store`)."""

    _conn: sqlite3.Connection
    _lock: threading.RLock
    world: str

    if TYPE_CHECKING:  # provided by the other halves of Store
        def transaction(self) -> AbstractContextManager[Changes]: ...
        def execute(self, commands: Command, author: str) -> Changes: ...
        def entities(self, kind: str) -> list[dict[str, Any]]: ...
        def entity(self, entity_id: str) -> dict[str, Any] | None: ...

    # ------------------------------------------------------------------ writes

    def put_blob(self, data: bytes, sha256: str | None = None) -> str:
        """Keep ``data`` (once; a second copy is a no-op); returns its SHA-256. Refuses
        (:class:`BlobError`, nothing kept) past the size limit or when ``sha256`` is given and
        the bytes do not match it."""
        digest = check_blob(data, sha256)
        with self.transaction():
            self._insert_blob(digest, data)
        return digest

    def _insert_blob(self, digest: str, data: bytes) -> None:
        self._conn.execute(BLOB_DDL)
        self._conn.execute("INSERT OR IGNORE INTO blob(sha256, size, data, received_at) "
                           "VALUES (?, ?, ?, ?)", (digest, len(data), data, now_iso()))

    def attach(self, target_id: str, data: bytes, name: str, *, author: str,
               media_type: str | None = None, caption: str | None = None,
               classification: str | None = None) -> tuple[Changes, str]:
        """Attach a file to an item: its bytes and the ``attachment.added`` event commit in
        one transaction (nothing is kept when either is refused). Returns (what changed, the
        attachment's id)."""
        if len(data) > MAX_ATTACHMENT_BYTES:
            raise ValidationError(too_large_text(len(data)), "bestand")
        target = self.entity(target_id)
        kind = str(target.get("entity_kind", "")) if target else ""
        payload: dict[str, Any] = {
            "target_kind": kind or "incident", "target_id": target_id,
            "sha256": sha256_hex(data), "name": name, "size": len(data),
            "media_type": media_type or media_type_of(name),
        }
        if caption:
            payload["caption"] = caption
        if classification:
            payload["classification"] = classification
        with self.transaction():
            self._insert_blob(payload["sha256"], data)
            changes = self.execute(Command("attachment.added", payload), author=author)
        att = next((e for e, k in changes.entities.items() if k == "attachment"), "")
        return changes, att

    def withdraw_attachment(self, attachment_id: str, reason: str, *, author: str) -> Changes:
        """Withdraw a file attached by mistake: the ``attachment.withdrawn`` event, then the
        removal of its bytes (when no other attachment names them; a power cut in between
        leaves them to the next purge). The signed record that it was attached stays."""
        changes = self.execute(Command("attachment.withdrawn", {"reason": reason},
                                       entity=attachment_id), author=author)
        self.purge_withdrawn()
        return changes

    def purge_withdrawn(self) -> int:
        """Remove the bytes only withdrawn attachments name (a withdrawal made elsewhere that
        arrived by sync or bundle); returns how many files went. Writes only when there is
        something to remove (a sync round asks every time)."""
        if not self.blobs_held(self._withdrawn_only()):
            return 0
        with self.transaction():
            return self._purge_withdrawn()

    def _withdrawn_only(self) -> set[str]:
        named: dict[bool, set[str]] = {True: set(), False: set()}
        for a in self.entities("attachment"):
            named[bool(a.get("withdrawn"))].add(str(a.get("sha256")))
        return named[True] - named[False]

    def _purge_withdrawn(self) -> int:
        gone = sorted(self._withdrawn_only())
        if not gone:
            return 0
        try:
            cur = self._conn.executemany("DELETE FROM blob WHERE sha256 = ?",
                                         [(h,) for h in gone])
        except sqlite3.OperationalError:
            return 0  # (no blob table: nothing held)
        return max(cur.rowcount, 0)

    # ------------------------------------------------------------------ reads

    def blob(self, sha256: str) -> bytes | None:
        """The bytes with this hash, or None when this store has not received them (yet)."""
        with self._lock:
            try:
                row = self._conn.execute("SELECT data FROM blob WHERE sha256 = ?",
                                         (sha256,)).fetchone()
            except sqlite3.OperationalError:
                return None  # (a store that never held a blob has no table yet)
        return bytes(row[0]) if row else None

    def blobs_held(self, hashes: Iterable[str] | None = None) -> set[str]:
        """Of ``hashes`` (all when None), those whose bytes this store holds."""
        with self._lock:
            try:
                held = {str(r[0]) for r in self._conn.execute("SELECT sha256 FROM blob")}
            except sqlite3.OperationalError:
                return set()
        return held if hashes is None else held & set(hashes)

    def attachments(self, target_id: str | None = None, *,
                    withdrawn: bool = False) -> list[dict[str, Any]]:
        """Attachment states (of one item, or all), oldest first, each with ``received``:
        whether this store holds its bytes. Withdrawn ones only when ``withdrawn``."""
        atts = [a for a in self.entities("attachment")
                if (target_id is None or a.get("target_id") == target_id)
                and (withdrawn or not a.get("withdrawn"))]
        held = self.blobs_held(a.get("sha256", "") for a in atts)
        for a in atts:
            a["received"] = a.get("sha256") in held
        return sorted(atts, key=lambda a: (str(a.get("created_at")), str(a.get("created_hlc", "")),
                                         str(a.get("id"))))

    def attachment_counts(self) -> dict[str, int]:
        """Item id -> how many files are attached to it (the paperclip count)."""
        out: dict[str, int] = {}
        with self._lock:
            rows = self._conn.execute(
                "SELECT state FROM entity WHERE kind = 'attachment'").fetchall()
        for (state,) in rows:
            att = json.loads(state)
            if att.get("withdrawn"):
                continue
            tid = str(att.get("target_id", ""))
            out[tid] = out.get(tid, 0) + 1
        return out

    def wanted_blobs(self) -> set[str]:
        """Hashes this store's attachments name but whose bytes it has not received."""
        named = {str(a.get("sha256")) for a in self.attachments()}
        return named - self.blobs_held(named)

    def referenced_blobs(self) -> set[str]:
        """Hashes named by this store's attachments that it holds (what it passes on)."""
        named = {str(a.get("sha256")) for a in self.attachments()}
        return self.blobs_held(named)
