"""Light journal entries: an entity whose only event is one ``journal.logged`` has no row of
its own, yet reads, counts and fingerprints exactly like any other entity; a second event on the
same id gives it a row, in whatever order the events arrive."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from data.domain.validation import ValidationError
from data.store import Command, Store, queries
from data.store.projection import entity_row as _entity_row
from data.store.projection import fold_events
from tests.data.helpers import incident, new


def _log(text: str = "Mast Zwolle op accu", entity: str = "") -> Command:
    return Command("journal.logged", {"channel": "C2000", "text": text, "sender": "MK",
                                      "direction": "in"}, entity=entity)


def _row_count(st: Store, eid: str) -> int:
    with st._lock:  # noqa: SLF001
        return int(st._conn.execute("SELECT count(*) FROM entity WHERE id = ?",  # noqa: SLF001
                                    (eid,)).fetchone()[0])


def _folded(st: Store, eid: str) -> dict[str, Any]:
    evs = [e for e in st.iter_events() if e.entity == eid]
    evs.sort(key=lambda e: e.key)
    state = fold_events(evs).state
    assert state is not None
    return state


def _rebuilt_code(st: Store) -> str:
    before = st.fingerprint().code
    st.rebuild(workers=1)
    after = st.fingerprint().code
    assert after == before, "rebuild gives another picture than the running projection"
    return after


def _wires(st: Store) -> list[dict[str, Any]]:
    return [e.to_wire() for e in st.iter_events()]


def test_a_journal_entry_has_no_row_but_reads_like_one(tmp_path: Path) -> None:
    st = Store.create(tmp_path / "a.db", "vnog", "LIVE")
    inc = new(st, incident())
    eid = new(st, _log())
    assert _row_count(st, eid) == 0
    assert _row_count(st, inc) == 1
    state = st.entity(eid)
    assert state == _folded(st, eid)
    assert state["text"] == "Mast Zwolle op accu" and state["entity_kind"] == "journal"
    assert [s["id"] for s in st.entities("journal")] == [eid]
    assert [r[0] for r in st.rows("journal")] == [eid]
    assert queries.kinds_of(st, [eid, inc]) == {eid: "journal", inc: "incident"}
    (row,) = queries.journal_rows(st)
    assert row[0] == eid and row[2] == "C2000" and row[4] == "MK"
    assert queries.journal_rows(st, [eid]) == [row]
    assert queries.journal_rows(st, [inc]) == []
    # an explicit id that a light entry holds is taken
    with pytest.raises(ValidationError, match="bestaat al"):
        st.execute(_log("nogmaals", entity=eid), "IM")
    _rebuilt_code(st)
    assert _row_count(st, eid) == 0 and st.entity(eid) == state


def test_journal_row_fields_match_the_state(tmp_path: Path) -> None:
    st = Store.create(tmp_path / "a.db", "vnog", "LIVE")
    eid = new(st, _log(), author="IM Drenthe")
    (row,) = queries.journal_rows(st)
    state = st.entity(eid)
    assert state is not None
    assert dict(zip(queries.JOURNAL_COLS, row)) == {
        "id": eid, "at": row[1], "channel": "C2000", "direction": "in", "sender": "MK",
        "recipient": None, "text": "Mast Zwolle op accu", "key": 0, "incident_id": None,
        "author": "IM Drenthe"}
    assert state["created_by"] == "IM Drenthe"


@pytest.mark.parametrize("order", ["a-first", "c-first", "together"])
def test_a_second_event_on_the_id_gives_it_a_row_in_any_order(tmp_path: Path,
                                                               order: str) -> None:
    a = Store.create(tmp_path / "a.db", "vnog", "LIVE")
    c = Store.create(tmp_path / "c.db", "vggm", "LIVE")
    a.execute(_log("uit Apeldoorn", entity="log-1"), "IM VNOG")
    c.execute(_log("uit Arnhem", entity="log-1"), "IM VGGM")
    b = Store.create(tmp_path / "b.db", "kcr2", "LIVE")
    first, second = (_wires(a), _wires(c)) if order != "c-first" else (_wires(c), _wires(a))
    if order == "together":
        assert not b.ingest(first + second).rejected
    else:
        assert not b.ingest(first).rejected
        assert _row_count(b, "log-1") == 0  # still light
        assert not b.ingest(second).rejected
    assert _row_count(b, "log-1") == 1
    state = b.entity("log-1")
    assert state == _folded(b, "log-1")
    assert any(h["what"] == "dubbele aanmaak genegeerd" for h in state["history"])
    assert len([r for r in queries.journal_rows(b) if r[0] == "log-1"]) == 1
    code = _rebuilt_code(b)
    # every other delivery gives the same picture
    d = Store.create(tmp_path / "d.db", "vru", "LIVE")
    d.ingest(second if order != "c-first" else first)
    d.ingest(first if order != "c-first" else second)
    d.ingest(_wires(b))  # b's own registration (the rest are duplicates now)
    b.ingest(_wires(d))
    assert b.fingerprint().code != code  # d's registration is new to b
    assert d.fingerprint().code == b.fingerprint().code == _rebuilt_code(d)


def test_refused_command_in_a_bulk_transaction_leaves_light_entries_right(tmp_path: Path) -> None:
    st = Store.create(tmp_path / "a.db", "vnog", "LIVE")
    with st.transaction():
        kept = new(st, _log("blijft"))
        with pytest.raises(ValidationError):
            st.execute([_log("weg", entity="log-9"), Command("incident.updated", {},
                                                            entity="bestaat-niet")], "IM")
        again = new(st, _log("ook"))
    assert _row_count(st, kept) == 0 and _row_count(st, again) == 0
    assert st.entity("log-9") is None
    assert st.event_count() == 3
    _rebuilt_code(st)


def test_light_entry_and_its_second_event_in_one_transaction(tmp_path: Path) -> None:
    a = Store.create(tmp_path / "a.db", "vnog", "LIVE")
    c = Store.create(tmp_path / "c.db", "vggm", "LIVE")
    c.execute(_log("later", entity="log-2"), "IM VGGM")
    with a.transaction():
        a.execute(_log("eerst", entity="log-2"), "IM VNOG")
        assert not a.ingest(_wires(c)).rejected
    assert _row_count(a, "log-2") == 1
    _rebuilt_code(a)


def test_a_store_of_schema_1_is_brought_up_to_date_when_opened(tmp_path: Path) -> None:
    path = tmp_path / "oud.db"
    st = Store.create(path, "vnog", "LIVE")
    new(st, incident())
    ids = [new(st, _log(f"bericht {i}")) for i in range(5)]
    code = st.fingerprint().code
    # what version 1 wrote: a row for every journal entry, counted by its state digest
    with st.transaction():
        for eid in ids:
            state = st.entity(eid)
            assert state is not None
            st._conn.execute(  # noqa: SLF001
                "INSERT INTO entity(id, kind, status, title, regions, updated_at, state, digest, "
                "last_key) VALUES (?,?,?,?,?,?,?,?,?)", _entity_row(eid, "journal", state, "x"))
        st._conn.execute("UPDATE meta SET value = '1' WHERE key = 'schema'")  # noqa: SLF001
        st._conn.execute("DELETE FROM meta WHERE key = 'picture_sum'")  # noqa: SLF001
    assert st.fingerprint().code != code
    st.close()
    st = Store.open(path)
    assert st.fingerprint().code == code
    assert all(_row_count(st, eid) == 0 for eid in ids)
    assert len(queries.journal_rows(st)) == 5
    st.close()


def test_reads_see_one_state_while_an_entry_gets_its_row(tmp_path: Path) -> None:
    """A reader's two statements (rows, then light entries from the log) see one snapshot,
    even when the writer gives a light entry its row between them."""
    a = Store.create(tmp_path / "a.db", "vnog", "LIVE")
    c = Store.create(tmp_path / "c.db", "vggm", "LIVE")
    a.execute(_log("a", entity="log-1"), "IM")
    c.execute(_log("c", entity="log-1"), "IM")
    reader = Store.open(tmp_path / "a.db", readonly=True)
    light_states = reader._light_states  # noqa: SLF001

    def writer_commits_in_between() -> list[dict[str, Any]]:
        assert not a.ingest(_wires(c)).rejected  # log-1 gets its row now
        return light_states()

    reader._light_states = writer_commits_in_between  # type: ignore[method-assign]  # noqa: SLF001
    assert [r[0] for r in reader.rows("journal")] == ["log-1"]
    reader._light_states = light_states  # type: ignore[method-assign]  # noqa: SLF001
    assert [r[0] for r in reader.rows("journal")] == ["log-1"]
    assert reader.entity("log-1") is not None
    reader.close()


def test_rebuild_inside_a_transaction_is_refused(tmp_path: Path) -> None:
    from data.store import StoreError

    st = Store.create(tmp_path / "a.db", "vnog", "LIVE")
    with pytest.raises(StoreError, match="lopende transactie"):
        with st.transaction():
            st.execute(_log("x"), "IM")
            st.rebuild(workers=1)
    assert st.event_count() == 1  # the transaction was rolled back: only the registration
    _rebuilt_code(st)
