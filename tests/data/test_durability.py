"""Durability for real: what was acknowledged survives losing every write not yet synced.

``tests/data/test_power_cut.py`` kills the writer, but SIGKILL leaves the operating system's page
cache alone: a store running with ``synchronous=OFF`` passes it. Here the disk itself forgets.

A small SQLite VFS, registered as the default VFS of the very SQLite library the stdlib
``sqlite3`` module uses, sits under the real :class:`Store` (its own connection and its
checkpointer thread's). It passes every call on to the normal VFS, and beside that keeps per file
a *durable image*: a write counts only once an ``xSync`` of that file followed it, as on a disk
whose cache is lost in a power cut. At an acknowledged moment (``Store.execute`` returned) the
test writes the durable images of the database and its WAL to a fresh folder and opens that with
the normal ``Store.open``: SQLite's integrity check must pass and every acknowledged event must be
there, its origin's chain without a gap.

Why not apsw: an apsw wheel carries its own copy of SQLite, and a VFS registered there is not
visible to the stdlib ``sqlite3`` module, so the store's real write path could not run over it.
The VFS is made with ``ctypes`` on the shared ``libsqlite3`` that ``_sqlite3`` is linked against
(the test is skipped where Python's SQLite is linked in statically).

Verified by hand: with ``PRAGMA synchronous=OFF`` (or NORMAL) in the store's connect hook the
first test fails (acknowledged events are missing from the durable image); with FULL it passes.
With the checkpointer thread's connection at OFF, the second test fails.
"""

from __future__ import annotations

import ctypes
import sqlite3
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from data.store import Command, Store

SQLITE_OK = 0
SQLITE_IOERR = 10
FULL = 2  # PRAGMA synchronous: 0 OFF, 1 NORMAL, 2 FULL, 3 EXTRA

c_int, c_void_p, c_int64 = ctypes.c_int, ctypes.c_void_p, ctypes.c_int64


class _Vfs(ctypes.Structure):  # sqlite3_vfs, version 3
    _fields_ = [("iVersion", c_int), ("szOsFile", c_int), ("mxPathname", c_int),
                ("pNext", c_void_p), ("zName", ctypes.c_char_p), ("pAppData", c_void_p)] + [
        (name, c_void_p) for name in (
            "xOpen", "xDelete", "xAccess", "xFullPathname", "xDlOpen", "xDlError", "xDlSym",
            "xDlClose", "xRandomness", "xSleep", "xCurrentTime", "xGetLastError",
            "xCurrentTimeInt64", "xSetSystemCall", "xGetSystemCall", "xNextSystemCall")]


class _IoMethods(ctypes.Structure):  # sqlite3_io_methods, version 3
    _fields_ = [("iVersion", c_int)] + [
        (name, c_void_p) for name in (
            "xClose", "xRead", "xWrite", "xTruncate", "xSync", "xFileSize", "xLock", "xUnlock",
            "xCheckReservedLock", "xFileControl", "xSectorSize", "xDeviceCharacteristics",
            "xShmMap", "xShmLock", "xShmBarrier", "xShmUnmap", "xFetch", "xUnfetch")]


X_OPEN = ctypes.CFUNCTYPE(c_int, c_void_p, c_void_p, c_void_p, c_int, c_void_p)
X_DELETE = ctypes.CFUNCTYPE(c_int, c_void_p, c_void_p, c_int)
X_CLOSE = ctypes.CFUNCTYPE(c_int, c_void_p)
X_WRITE = ctypes.CFUNCTYPE(c_int, c_void_p, c_void_p, c_int, c_int64)
X_TRUNCATE = ctypes.CFUNCTYPE(c_int, c_void_p, c_int64)
X_SYNC = ctypes.CFUNCTYPE(c_int, c_void_p, c_int)


def _stdlib_libsqlite3() -> str | None:
    """Path of the shared libsqlite3 the stdlib module is linked against (None: static)."""
    try:
        maps = Path("/proc/self/maps").read_text()
    except OSError:
        return None
    for line in maps.splitlines():
        path = line.split()[-1]
        if "libsqlite3" in Path(path).name:
            return path
    return None


class _File:
    """What the disk holds of one file for sure (``durable``) and what is only in the cache."""

    def __init__(self) -> None:
        self.durable = bytearray()
        self.pending: list[tuple[int, bytes | None]] = []  # (offset, data) or (size, None)
        self.other_writes = 0  # writes and syncs by threads other than the test's
        self.other_syncs = 0

    def sync(self) -> None:
        for off, data in self.pending:
            if data is None:  # truncate
                del self.durable[off:]
                self.durable.extend(bytes(off - len(self.durable)))
            else:
                if len(self.durable) < off:
                    self.durable.extend(bytes(off - len(self.durable)))
                self.durable[off:off + len(data)] = data
        self.pending.clear()


class LossyDisk:
    """A VFS that wraps the default one and tracks what a power cut would leave of each file."""

    NAME = b"crisisbeeld-lossy-disk"

    def __init__(self, lib: ctypes.CDLL) -> None:
        self.lib = lib
        lib.sqlite3_vfs_find.restype = c_void_p
        lib.sqlite3_vfs_find.argtypes = [ctypes.c_char_p]
        lib.sqlite3_vfs_register.argtypes = [c_void_p, c_int]
        lib.sqlite3_vfs_unregister.argtypes = [c_void_p]
        self.base_ptr = lib.sqlite3_vfs_find(None)
        base = _Vfs.from_address(self.base_ptr)
        assert base.iVersion >= 3, "the default VFS is older than expected"
        self.vfs = _Vfs()
        ctypes.memmove(ctypes.addressof(self.vfs), self.base_ptr, ctypes.sizeof(_Vfs))
        self.vfs.zName = self.NAME
        self.vfs.pNext = None
        self._base_open = X_OPEN(base.xOpen)
        self._base_delete = X_DELETE(base.xDelete)
        self._cb_open = X_OPEN(self._x_open)
        self._cb_delete = X_DELETE(self._x_delete)
        self._cb_close = X_CLOSE(self._x_close)
        self._cb_write = X_WRITE(self._x_write)
        self._cb_truncate = X_TRUNCATE(self._x_truncate)
        self._cb_sync = X_SYNC(self._x_sync)
        self.vfs.xOpen = ctypes.cast(self._cb_open, c_void_p).value
        self.vfs.xDelete = ctypes.cast(self._cb_delete, c_void_p).value
        self._methods: dict[int, _IoMethods] = {}  # base io_methods address -> our copy
        self._open: dict[int, tuple[str, _IoMethods]] = {}  # sqlite3_file* -> (name, base)
        self.files: dict[str, _File] = {}
        self._cond = threading.Condition()
        self._held: tuple[str, int] | None = None  # (path prefix, thread that may sync)
        self.errors: list[BaseException] = []

    # -------------------------------------------------------------- registration

    def install(self) -> None:
        assert self.lib.sqlite3_vfs_register(ctypes.addressof(self.vfs), 1) == SQLITE_OK

    def uninstall(self) -> None:
        self.lib.sqlite3_vfs_unregister(ctypes.addressof(self.vfs))
        self.lib.sqlite3_vfs_register(self.base_ptr, 1)  # the default again

    # -------------------------------------------------------------- VFS callbacks

    def _x_open(self, pvfs: int, zname: int | None, pfile: int, flags: int,
                pout: int | None) -> int:
        rc = int(self._base_open(pvfs, zname, pfile, flags, pout))
        if rc != SQLITE_OK or not zname:
            return rc  # temporary files have no name and need not survive
        try:
            name = ctypes.string_at(zname).decode()
            base_addr = c_void_p.from_address(pfile).value
            if not base_addr:
                return rc
            mine = self._methods.get(base_addr)
            if mine is None:
                mine = _IoMethods()
                ctypes.memmove(ctypes.addressof(mine), base_addr, ctypes.sizeof(_IoMethods))
                for field, cb in (("xClose", self._cb_close), ("xWrite", self._cb_write),
                                  ("xTruncate", self._cb_truncate), ("xSync", self._cb_sync)):
                    setattr(mine, field, ctypes.cast(cb, c_void_p).value)
                self._methods[base_addr] = mine
            with self._cond:
                self._open[pfile] = (name, _IoMethods.from_address(base_addr))
                self.files.setdefault(name, _File())
            c_void_p.from_address(pfile).value = ctypes.addressof(mine)
        except BaseException as e:  # noqa: BLE001 - never let an exception cross into C
            self.errors.append(e)
        return rc

    def _x_delete(self, pvfs: int, zname: int, sync_dir: int) -> int:
        rc = int(self._base_delete(pvfs, zname, sync_dir))
        try:
            with self._cond:
                self.files.pop(ctypes.string_at(zname).decode(), None)
        except BaseException as e:  # noqa: BLE001
            self.errors.append(e)
        return rc

    def _x_close(self, pfile: int) -> int:
        try:
            with self._cond:
                _name, base = self._open.pop(pfile)
        except BaseException as e:  # noqa: BLE001
            self.errors.append(e)
            return SQLITE_IOERR
        return int(X_CLOSE(base.xClose)(pfile))

    def _x_write(self, pfile: int, buf: int, amount: int, offset: int) -> int:
        try:
            with self._cond:
                name, base = self._open[pfile]
                rec = self.files[name]
                rec.pending.append((offset, ctypes.string_at(buf, amount)))
                if self._held is None or threading.get_ident() != self._held[1]:
                    rec.other_writes += 1
        except BaseException as e:  # noqa: BLE001
            self.errors.append(e)
            return SQLITE_IOERR
        return int(X_WRITE(base.xWrite)(pfile, buf, amount, offset))

    def _x_truncate(self, pfile: int, size: int) -> int:
        try:
            with self._cond:
                name, base = self._open[pfile]
                self.files[name].pending.append((size, None))
        except BaseException as e:  # noqa: BLE001
            self.errors.append(e)
            return SQLITE_IOERR
        return int(X_TRUNCATE(base.xTruncate)(pfile, size))

    def _x_sync(self, pfile: int, flags: int) -> int:
        try:
            with self._cond:
                name, base = self._open[pfile]
                me = threading.get_ident()
                # while held, a sync by another thread (the checkpointer) waits: the worst
                # case, in which only the writer's own syncs happened before the acknowledgement
                self._cond.wait_for(lambda: self._held is None or me == self._held[1]
                                    or not name.startswith(self._held[0]))
            rc = int(X_SYNC(base.xSync)(pfile, flags))
            if rc == SQLITE_OK:
                with self._cond:
                    rec = self.files[name]
                    rec.sync()  # all the file's cached writes reach the disk, whoever made them
                    if self._held is None or me != self._held[1]:
                        rec.other_syncs += 1
            return rc
        except BaseException as e:  # noqa: BLE001
            self.errors.append(e)
            return SQLITE_IOERR

    # -------------------------------------------------------------- for the test

    def hold_other_syncs(self, db: Path) -> "_Hold":
        return _Hold(self, str(db))

    def counts(self, db: Path) -> tuple[int, int]:
        """(writes, syncs) of the database file by threads other than a holding one."""
        with self._cond:
            rec = self.files.get(str(db))
            return (rec.other_writes, rec.other_syncs) if rec else (0, 0)

    def power_cut(self, db: Path, into: Path) -> Path:
        """Write what the disk holds for sure of ``db`` and its WAL to ``into``; return the copy."""
        into.mkdir(parents=True)
        copy = into / db.name
        with self._cond:
            for suffix in ("", "-wal", "-journal"):
                rec = self.files.get(str(db) + suffix)
                if rec is not None:
                    Path(str(copy) + suffix).write_bytes(bytes(rec.durable))
        return copy


class _Hold:
    def __init__(self, disk: LossyDisk, prefix: str) -> None:
        self.disk, self.prefix = disk, prefix

    def __enter__(self) -> None:
        with self.disk._cond:
            self.disk._held = (self.prefix, threading.get_ident())

    def __exit__(self, *exc: Any) -> None:
        with self.disk._cond:
            self.disk._held = None
            self.disk._cond.notify_all()


_KEEP: list[LossyDisk] = []


@pytest.fixture
def disk() -> Iterator[LossyDisk]:
    lib_path = _stdlib_libsqlite3()
    if lib_path is None:
        pytest.skip("Python's sqlite3 has SQLite linked in statically: no VFS can be added")
    d = LossyDisk(ctypes.CDLL(lib_path))
    _KEEP.append(d)  # SQLite may call into it until the last connection on it is gone
    d.install()
    try:
        probe = sqlite3.connect(f"file:probe?mode=memory&vfs={LossyDisk.NAME.decode()}",
                                uri=True)
        probe.close()
    except sqlite3.OperationalError:
        d.uninstall()
        pytest.skip("the VFS is not visible to the sqlite3 module")
    try:
        yield d
    finally:
        d.uninstall()
    assert not d.errors, d.errors


def _command(n: int, incident: str) -> list[Command]:
    if n % 5 == 0:  # two events in one transaction
        return [Command("journal.logged", {"channel": "NCV", "text": f"a{n}"}),
                Command("incident.picture_updated", {"beeld": f"b{n}"}, entity=incident)]
    return [Command("journal.logged", {"channel": "C2000", "text": f"m{n}",
                                       "incident_id": incident})]


def _event_ids(st: Store) -> list[str]:
    with st._lock:  # noqa: SLF001
        return [r[0] for r in st._conn.execute("SELECT id FROM event")]  # noqa: SLF001


def _assert_survives(copy: Path, acknowledged: list[str], when: str) -> None:
    try:
        st = Store.open(copy)
    except Exception as e:  # noqa: BLE001
        pytest.fail(f"{when}: the store left by the power cut does not open: {e}")
    with st:
        assert st.integrity_check() == "ok", when
        held = set(_event_ids(st))
        missing = [i for i in acknowledged if i not in held]
        assert not missing, (f"{when}: {len(missing)} of {len(acknowledged)} acknowledged events "
                             "are not on disk")
        with st._lock:  # noqa: SLF001
            seqs = [r[0] for r in st._conn.execute(  # noqa: SLF001
                "SELECT seq FROM event WHERE origin = 'vnog' ORDER BY seq")]
        assert seqs == list(range(1, len(seqs) + 1)), when


def test_acknowledged_events_are_synced_before_execute_returns(tmp_path, disk):
    """Only the writer's own syncs count (the checkpointer is held back): each acknowledged
    commit must be on disk by itself. Fails with synchronous=OFF or NORMAL."""
    db = tmp_path / "live" / "vnog.db"
    with disk.hold_other_syncs(db):
        st = Store.create(db, "vnog", "LIVE", "VNOG")
    try:
        with disk.hold_other_syncs(db):
            acknowledged = _event_ids(st)
            ch = st.execute(Command("incident.reported", {"title": "brand", "kind": "test",
                                                          "regions": ["VNOG"]}), "IM VNOG")
            acknowledged += ch.events
            incident = next(iter(ch.entities))
            copy = disk.power_cut(db, tmp_path / "cut-0")
        _assert_survives(copy, acknowledged, "after create")
        for n in range(1, 16):
            with disk.hold_other_syncs(db):
                acknowledged += st.execute(_command(n, incident), "IM VNOG").events
                copy = disk.power_cut(db, tmp_path / f"cut-{n}")
            _assert_survives(copy, acknowledged, f"power cut after acknowledgement {n}")
    finally:
        st.close()


def test_acknowledged_events_survive_a_checkpoint_and_a_restarted_wal(tmp_path, disk):
    """The checkpointer copies the WAL into the database file, and the next commit starts the
    WAL over: the copied pages must be on disk by then. Fails when the checkpointer's
    connection does not sync."""
    db = tmp_path / "live" / "vnog.db"
    st = Store.create(db, "vnog", "LIVE", "VNOG")
    try:
        acknowledged = _event_ids(st)
        ch = st.execute(Command("incident.reported", {"title": "brand", "kind": "test",
                                                      "regions": ["VNOG"]}), "IM VNOG")
        acknowledged += ch.events
        incident = next(iter(ch.entities))
        checkpoints = 0
        for n in range(1, 9):
            before = disk.counts(db)
            with disk.hold_other_syncs(db):
                acknowledged += st.execute(_command(n, incident), "IM VNOG").events
                copy = disk.power_cut(db, tmp_path / f"cut-{n}")
            _assert_survives(copy, acknowledged, f"power cut after acknowledgement {n}")
            # let the checkpointer copy the WAL into the file before the next commit
            deadline = time.monotonic() + 3
            while disk.counts(db)[0] == before[0] and time.monotonic() < deadline:
                time.sleep(0.005)
            if disk.counts(db)[0] > before[0]:
                checkpoints += 1
                deadline = time.monotonic() + 1  # and (if it syncs at all) sync it
                while disk.counts(db)[1] == before[1] and time.monotonic() < deadline:
                    time.sleep(0.005)
        assert checkpoints >= 4, "the checkpointer hardly ran: this test tested nothing"
    finally:
        st.close()


# ------------------------------------------------------------------ plain checks


class _Watched(sqlite3.Connection):
    """A connection that notes, for each statement, the synchronous setting it ran under."""

    seen: list[tuple[str, int, str]] = []  # (thread name, synchronous, statement)

    def execute(self, sql: str, *args: Any) -> sqlite3.Cursor:  # type: ignore[override]
        if not sql.lstrip().upper().startswith("PRAGMA SYNCHRONOUS"):
            level = super().execute("PRAGMA synchronous").fetchone()[0]
            _Watched.seen.append((threading.current_thread().name, level, sql))
        return super().execute(sql, *args)


def test_every_connection_that_writes_the_store_syncs_fully(tmp_path, monkeypatch):
    """The store's connection and its checkpointer thread's run with synchronous=FULL."""
    real_connect = sqlite3.connect

    def connect(*args: Any, **kw: Any) -> sqlite3.Connection:
        kw.setdefault("factory", _Watched)
        return real_connect(*args, **kw)

    monkeypatch.setattr(sqlite3, "connect", connect)
    monkeypatch.setattr(sqlite3.dbapi2, "connect", connect)
    _Watched.seen = []
    with Store.create(tmp_path / "vnog.db", "vnog", "LIVE", "VNOG") as st:
        assert st._conn.execute("PRAGMA synchronous").fetchone()[0] == FULL  # noqa: SLF001
        for n in range(3):
            st.execute(Command("journal.logged", {"channel": "NCV", "text": f"m{n}"}), "IM")
        deadline = time.monotonic() + 10
        while not any("checkpoint" in sql.lower() and thread != "MainThread"
                      for thread, _lvl, sql in _Watched.seen):
            assert time.monotonic() < deadline, "no checkpoint ran on another thread"
            time.sleep(0.01)
    checkpointer = [(t, lvl) for t, lvl, sql in _Watched.seen
                    if "checkpoint" in sql.lower() and t != "MainThread"]
    assert checkpointer and all(lvl == FULL for _t, lvl in checkpointer), checkpointer
    writes = [(t, lvl, sql) for t, lvl, sql in _Watched.seen
              if sql.lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE", "COMMIT"))]
    assert writes and all(lvl == FULL for _t, lvl, _s in writes), \
        [w for w in writes if w[1] != FULL][:3]
    with Store.open(tmp_path / "vnog.db") as st:
        assert st._conn.execute("PRAGMA synchronous").fetchone()[0] == FULL  # noqa: SLF001


def test_the_hub_sqlite_storage_syncs_fully(tmp_path):
    """Both of the hub's SQLite engines (the writer's and the readers')."""
    from sqlalchemy import text

    from data.sync.hub.storage import open_log

    log = open_log(db=str(tmp_path / "hub.db"))
    try:
        for engine in (log.write, log.read):
            with engine.connect() as conn:
                assert conn.execute(text("PRAGMA synchronous")).scalar() == FULL
                assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
    finally:
        log.close()
