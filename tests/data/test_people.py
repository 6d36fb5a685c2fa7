"""People and roles (issue 16): the role table at the core for every command, shifts on their
slots, authors with functions, PINs, the Bezetting and the audit file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from data.domain.commands import RULES
from data.domain.roles import (
    FUNCTIONS,
    RoleTable,
    format_author,
    hash_pin,
    pin_matches,
    split_author,
)
from data.domain.shifts import shift_command
from data.domain.validation import ValidationError
from data.history.audit import export, verify_file
from data.picture.bezetting import by_centre, posts
from data.store import Command, Store
from tests.data.helpers import exchange, incident, new, snapshot

# ---------------------------------------------------------------- the table, for every command

DECIDERS = {"OL", "IM"}
WRITERS = set(FUNCTIONS) - {"waarnemer"}


def expected(cmd_type: str) -> set[str]:
    """Who may give ``cmd_type`` under the default table, written out independently."""
    if cmd_type in ("decision.recorded", "decision.amended", "decision.revoked"):
        return DECIDERS
    if cmd_type.startswith("exercise."):
        return {"trainer"}
    if cmd_type in ("node.registered", "node.key_rotated"):
        return {"beheerder"}  # setting a centre up and changing its key
    return WRITERS  # shifts included: a waarnemer only signs himself in (below)


CASES = [(t, f) for t in sorted(RULES) for f in FUNCTIONS]


@pytest.mark.parametrize(("cmd_type", "function"), CASES)
def test_the_role_table_decides_every_command_for_every_function(cmd_type: str,
                                                                 function: str) -> None:
    table = RoleTable()
    payload = {"function": "OL", "person": "Iemand"}
    author = f"Ada Jansen ({function})"
    if function in expected(cmd_type):
        table.guard(cmd_type, dict(payload), author)
        return
    with pytest.raises(ValidationError) as err:
        table.guard(cmd_type, dict(payload), author)
    msg = str(err.value)
    may = sorted(expected(cmd_type))
    assert all(f in msg for f in may), msg  # the refusal names who may do it
    if function == "waarnemer":
        assert "waarnemer leest alleen mee" in msg


@pytest.mark.parametrize("cmd_type", sorted(RULES))
def test_a_waarnemer_changes_nothing_through_the_store(store_factory, cmd_type: str) -> None:
    """Every command, whatever its payload, is refused for a waarnemer before anything else
    is looked at, and the store is left as it was."""
    st = store_factory(world="OEF-ROL")
    before = snapshot(st)
    with pytest.raises(ValidationError, match="waarnemer leest alleen mee"):
        st.execute(Command(cmd_type, {"person": "Wim Smit", "function": "OL"}),
                   "Wim Smit (waarnemer)")
    assert snapshot(st) == before


def test_a_waarnemer_signs_only_himself_in_and_out(store_factory) -> None:
    st = store_factory()
    t, p, slot = shift_command(st.roles, st.node_id, "begin", "waarnemer", "Wim Smit")
    st.execute(Command(t, p, slot), "Wim Smit (waarnemer)")
    assert st.entity(slot)["person"] == "Wim Smit"
    t, p, ol = shift_command(st.roles, st.node_id, "begin", "OL", "Ada Jansen")
    with pytest.raises(ValidationError, match="waarnemer leest alleen mee"):
        st.execute(Command(t, p, ol), "Wim Smit (waarnemer)")
    t, p, slot = shift_command(st.roles, st.node_id, "eind", "waarnemer")
    st.execute(Command(t, p, slot), "Wim Smit (waarnemer)")
    assert st.entity(slot)["status"] == "vrij"


def test_authors_without_a_function_are_read_as_before(store_factory) -> None:
    st = store_factory()
    iid = new(st, incident(), "operator")
    assert st.entity(iid)["created_by"] == "operator"
    assert split_author("operator") == ("operator", None)
    assert split_author("Ada Jansen (OL)") == ("Ada Jansen", "OL")
    assert split_author(format_author(" Ada  Jansen ", "LO Defensie")) == ("Ada Jansen",
                                                                         "LO Defensie")


def test_an_unknown_function_is_refused_with_the_centres_list(store_factory) -> None:
    st = store_factory()
    with pytest.raises(ValidationError, match="kent dit centrum niet; kies uit OL, IM"):
        st.execute(incident(), "Ada Jansen (duty officer)")
    st.set_roles(RoleTable(extra=("duty officer",)))
    iid = new(st, incident(), "Ada Jansen (duty officer)")
    assert st.entity(iid)["created_by"] == "Ada Jansen (duty officer)"


def test_the_centre_names_who_records_decisions(store_factory) -> None:
    st = store_factory()
    sid = new(st, Command("irbt.session_opened", {"title": "IRBT", "regions": ["VNOG"]}),
              "Ada Jansen (IM)")
    dec = Command("decision.recorded", {"session_id": sid, "number": 1, "text": "Besluit"})
    with pytest.raises(ValidationError, match="alleen een OL of IM"):
        st.execute(dec, "Cas Visser (CaCo)")
    table = st.roles
    table.rights["besluiten"] = ("OL", "CaCo")
    st.set_roles(table)
    again = Store.open(st.path)  # the setting is the store's, read by every writer of it
    try:
        again.execute(dec, "Cas Visser (CaCo)")
        with pytest.raises(ValidationError, match="alleen een OL of CaCo"):
            again.execute(Command(dec.type, {**dec.payload, "number": 2}), "Ada Jansen (IM)")
    finally:
        again.close()


# ---------------------------------------------------------------- shifts

def test_shift_start_handover_end_on_one_slot(store_factory) -> None:
    st = store_factory()
    t, p, slot = shift_command(st.roles, st.node_id, "begin", "ol", "Ada Jansen", ncv="NCV 10")
    st.execute(Command(t, p, slot), "Ada Jansen (OL)")
    t, p, _ = shift_command(st.roles, st.node_id, "begin", "OL", "Bo Peters")
    with pytest.raises(ValidationError, match="Ada Jansen is in dienst als OL; neem de dienst "
                                              "over"):
        st.execute(Command(t, p, slot), "Bo Peters (OL)")
    t, p, _ = shift_command(st.roles, st.node_id, "overdracht", "OL", "Bo Peters",
                            c2000="TG 7")
    st.execute(Command(t, p, slot), "Bo Peters (OL)")
    s = st.entity(slot)
    assert (s["person"], s["status"], s["channels"]) == ("Bo Peters", "in dienst",
                                                         {"c2000": "TG 7"})
    assert s["history"][-1]["outgoing"] == "Ada Jansen"
    t, p, _ = shift_command(st.roles, st.node_id, "eind", "OL")
    st.execute(Command(t, p, slot), "Bo Peters (OL)")
    assert st.entity(slot)["status"] == "vrij"
    with pytest.raises(ValidationError, match="niemand is in dienst als OL"):
        st.execute(Command(t, p, slot), "Bo Peters (OL)")


def test_pins_are_kept_as_salted_hashes(store_factory) -> None:
    st = store_factory()
    st.set_pin("Ada Jansen", "4711")
    with st.reader() as c:
        kept = dict(c.execute("SELECT key, value FROM meta").fetchall())
    stored = kept["pin:ada jansen"]
    assert "4711" not in stored and stored.startswith("scrypt$")
    assert hash_pin("4711") != hash_pin("4711")  # salted
    assert pin_matches(stored, "4711") and not pin_matches(stored, "4712")
    with pytest.raises(ValidationError, match="meldt zich aan met een pincode"):
        st.sign_in("Ada Jansen", "OL")
    with pytest.raises(ValidationError, match="pincode klopt niet"):
        st.sign_in("ada jansen", "OL", "0000")
    assert st.sign_in("Ada Jansen", "ol", "4711") == "Ada Jansen (OL)"
    assert st.sign_in("Bo Peters", "plotter") == "Bo Peters (plotter)"  # no PIN set: none asked


# ---------------------------------------------------------------- Bezetting and audit

def _on_duty(st: Store, person: str, function: str, **channels: str) -> None:
    t, p, slot = shift_command(st.roles, st.node_id, "begin", function, person, **channels)
    st.execute(Command(t, p, slot), f"{person} ({function})")


def test_bezetting_shows_every_centres_posts(store_factory) -> None:
    a, b = store_factory("vnog", name="VNOG"), store_factory("kcr2", name="KCR2")
    _on_duty(a, "Ada Jansen", "OL", ncv="NCV 10")
    _on_duty(b, "Bo Peters", "OL", c2000="TG 7")
    _on_duty(b, "Cas Visser", "IM")
    exchange(a, b)
    rows = by_centre(posts(a.entities("shift"), a.entities("node")))
    assert {c: [(p.function, p.person, p.channels) for p in ps] for c, ps in rows.items()} == {
        "KCR2": [("OL", "Bo Peters", "C2000 TG 7"), ("IM", "Cas Visser", "")],
        "VNOG": [("OL", "Ada Jansen", "NCV NCV 10")]}


def _audited(tmp_path: Path, store_factory) -> Path:
    a, b = store_factory("vnog"), store_factory("kcr2")
    _on_duty(a, "Ada Jansen", "OL")
    sid = new(a, Command("irbt.session_opened", {"title": "IRBT", "regions": ["VNOG"]}),
              "Ada Jansen (OL)")
    did = new(a, Command("decision.recorded", {"session_id": sid, "number": 1,
                                               "text": "Aggregaten naar Zutphen"}),
              "Ada Jansen (OL)")
    a.execute(Command("decision.amended", {"text": "Aggregaten naar Zutphen en Deventer"},
                      entity=did), "Ada Jansen (OL)")
    _on_duty(b, "Bo Peters", "IM")
    exchange(a, b)
    out = tmp_path / "audit.json"
    n = export(a, out)
    assert n["origins"] == 2
    return out


def test_audit_file_verifies_on_its_own(tmp_path: Path, store_factory) -> None:
    out = _audited(tmp_path, store_factory)
    v = verify_file(out)
    assert v.ok, v.problems
    doc = json.loads(out.read_text(encoding="utf-8"))
    recs = {(r["what"], r["person"], r["function"]) for r in doc["records"]}
    assert ("besluit vastgelegd", "Ada Jansen", "OL") in recs
    assert ("dienst begonnen", "Bo Peters", "IM") in recs
    amended = [r for r in doc["records"] if r["type"] == "decision.amended"]
    assert amended[0]["detail"]["version"] == 2
    assert {r["node"] for r in doc["roster"]} == {"vnog", "kcr2"}


@pytest.mark.parametrize(("where", "last", "expect"), [
    ("Aggregaten naar Zutphen en", False, "handtekening ongeldig"),  # a signed payload
    ('"sig": "', False, "handtekening ongeldig"),
    ('"what": "besluit ', False, "overzichtsregels kloppen niet"),  # a readable record
    ('"public_key": "', True, "sleutel van"),  # the roster (after events and records)
    ('"records"', False, "geen geldig auditbestand"),  # the JSON itself
])
def test_audit_fails_after_one_byte_changes(tmp_path: Path, store_factory, where: str,
                                            last: bool, expect: str) -> None:
    out = _audited(tmp_path, store_factory)
    raw = bytearray(out.read_bytes())
    at = (raw.rfind if last else raw.find)(where.encode()) + len(where.encode())
    assert at >= len(where)
    raw[at] = ord("0") if raw[at] != ord("0") else ord("1")
    out.write_bytes(bytes(raw))
    v = verify_file(out)
    assert not v.ok
    assert any(expect in p for p in v.problems), v.problems


def test_audit_notices_a_change_of_form_alone(tmp_path: Path, store_factory) -> None:
    out = _audited(tmp_path, store_factory)
    text = out.read_text(encoding="utf-8")
    out.write_text(text.replace('\n "format"', '\n  "format"', 1), encoding="utf-8")
    v = verify_file(out)
    assert v.problems == ["het bestand is niet meer in de vorm waarin het is geschreven (er is "
                          "iets aan veranderd)"]


def test_demo_people_sign_in_and_every_line_names_a_function(store_factory) -> None:
    from data.demo import PEOPLE, Demo

    st = store_factory("demo", world="OEF-DEMO", name="Demo")
    Demo(st, seed=3).run()
    authors = {e.author for e in st.iter_events()}  # the registration too
    assert authors and all(split_author(a)[1] for a in authors), authors
    on_duty = {(p.person, p.function) for p in posts(st.entities("shift"))}
    assert on_duty == set(PEOPLE)
    table = RoleTable()
    deciders = {table.canonical(split_author(e.author)[1] or "") for e in st.iter_events()
                if e.type.startswith("decision.")}
    assert deciders and deciders <= DECIDERS, deciders
    # every function an author names is one the role table knows ("IM VNOG" is IM at VNOG)
    assert all(table.canonical(split_author(a)[1] or "") for a in authors), authors
