"""Tests that kill the mutants of data/store/verify.py that survived `make mutation`
(docs/mutation.md): the exact reason and retry flag of every refusal, and each bound."""

from __future__ import annotations

import dataclasses
import json

import pytest

from data.store.envelope import GENESIS, Event, Signer, canonical_json, link, uuid7
from data.store.hlc import encode
from data.store.verify import Rejection, check_envelope, verify_chains


def _event(origin: str, seq: int, prev: str, type_: str, entity: str, payload: dict,
           signer: Signer, **over) -> Event:
    e = Event(id=uuid7(), world="LIVE", origin=origin, seq=seq,
              hlc=encode(1_790_000_000_000 + seq, 0), occurred_at="2026-11-22T14:05:00Z",
              recorded_at="2026-11-22T14:05:01Z", author="IM VNOG", type=type_, entity=entity,
              payload_json=canonical_json(payload), prev=prev, payload=payload)
    e = dataclasses.replace(e, **over) if over else e
    return dataclasses.replace(e, sig=signer.sign(e.digest()))


def chain(origin: str, n: int, signer: Signer | None = None, *, first_seq: int = 1,
          prev: str = GENESIS) -> tuple[list[Event], Signer]:
    signer = signer or Signer()
    out: list[Event] = []
    for seq in range(first_seq, first_seq + n):
        if seq == 1:
            e = _event(origin, 1, prev, "node.registered", origin,
                       {"name": origin, "public_key": signer.public_hex, "world": "LIVE"},
                       signer)
        else:
            e = _event(origin, seq, prev, "journal.logged", f"j-{origin}-{seq}",
                       {"channel": "NCV", "text": f"m{seq}"}, signer)
        out.append(e)
        prev = e.digest()
    return out, signer


def resign(e: Event, signer: Signer, **over) -> Event:
    e = dataclasses.replace(e, **over)
    return dataclasses.replace(e, sig=signer.sign(e.digest()))


def no_head(_origin: str):
    return None


# ------------------------------------------------------------------ check_envelope


def good() -> Event:
    return chain("vnog", 2)[0][1]


def test_a_good_event_passes():
    assert check_envelope(good(), "LIVE") == ""


@pytest.mark.parametrize(("over", "reason"), [
    ({"world": "OEF-1"}, "andere wereld (OEF-1); deze store is LIVE"),
    ({"hlc": "gisteren"}, "ongeldige hlc"),
    ({"type": "incident.vernietigd"}, "onbekend type 'incident.vernietigd'"),
    ({"sig": "a" * 127}, "handtekening of ketenverwijzing ontbreekt"),
    ({"sig": "a" * 129}, "handtekening of ketenverwijzing ontbreekt"),
    ({"prev": "a" * 63}, "handtekening of ketenverwijzing ontbreekt"),
    ({"prev": "a" * 65}, "handtekening of ketenverwijzing ontbreekt"),
    ({"entity": ""}, "entiteit ontbreekt"),
    ({"entity": "e" * 81}, "entiteit ontbreekt"),
    ({"origin": ""}, "herkomst, id of auteur ontbreekt of is te lang"),
    ({"origin": "o" * 81}, "herkomst, id of auteur ontbreekt of is te lang"),
    ({"id": "i" * 41}, "herkomst, id of auteur ontbreekt of is te lang"),
    ({"author": "a" * 121}, "herkomst, id of auteur ontbreekt of is te lang"),
])
def test_each_refusal_on_its_own_merits(over, reason):
    assert check_envelope(dataclasses.replace(good(), **over), "LIVE") == reason


@pytest.mark.parametrize("over", [
    {"payload": {"channel": "NCV"}},  # text missing
    {"occurred_at": "31-31-2026"},
    {"recorded_at": "morgen"},
])
def test_bad_content_names_the_problem(over):
    reason = check_envelope(dataclasses.replace(good(), **over), "LIVE")
    assert reason.startswith("ongeldige inhoud: ") and len(reason) > len("ongeldige inhoud: ")


@pytest.mark.parametrize("over", [
    {"entity": "e" * 80}, {"origin": "o" * 80}, {"id": "i" * 40}, {"author": "a" * 120},
    {"sig": "a" * 128, "prev": "b" * 64},
])
def test_the_bounds_themselves_pass(over):
    assert check_envelope(dataclasses.replace(good(), **over), "LIVE") == ""


# ------------------------------------------------------------------ verify_chains


def test_a_chain_from_the_start_in_any_order_comes_out_grouped_in_seq_order():
    a, _ = chain("vnog", 4)
    b, _ = chain("vggm", 3)
    mixed = [a[2], b[1], a[0], b[2], a[3], b[0], a[1]]
    ok, hashes, rejected = verify_chains(mixed, no_head)
    assert rejected == []
    assert [(e.origin, e.seq) for e in ok] == [("vnog", 1), ("vnog", 2), ("vnog", 3),
                                               ("vnog", 4), ("vggm", 1), ("vggm", 2),
                                               ("vggm", 3)]
    assert hashes == [e.digest() for e in ok]


def test_a_chain_continues_from_the_head_the_caller_holds():
    evs, signer = chain("vnog", 5)
    head = (2, evs[1].digest(), signer.public_hex, evs[1].sig)
    ok, hashes, rejected = verify_chains(evs[2:], lambda o: head if o == "vnog" else None)
    assert rejected == [] and [e.seq for e in ok] == [3, 4, 5]
    # the key comes from the head: another key's head refuses all of them
    other = (2, evs[1].digest(), Signer().public_hex, evs[1].sig)
    ok, _h, rejected = verify_chains(evs[2:], lambda o: other)
    assert ok == []
    assert rejected == [Rejection(evs[2].id, "handtekening ongeldig"),
                        Rejection(evs[3].id, "keten van vnog onderbroken"),
                        Rejection(evs[4].id, "keten van vnog onderbroken")]


def test_known_links_are_used_as_given():
    signer, evs, prev = Signer(), [], GENESIS
    for seq in (1, 2, 3):  # a chain as events are made now: prev is the link, not the digest
        e = (_event("vnog", 1, prev, "node.registered", "vnog",
                    {"name": "vnog", "public_key": signer.public_hex, "world": "LIVE"}, signer)
             if seq == 1 else _event("vnog", seq, prev, "journal.logged", f"j-{seq}",
                                     {"channel": "NCV", "text": f"m{seq}"}, signer))
        evs.append(e)
        prev = link(e.digest(), e.sig)
    hashes = [e.digest() for e in evs]
    links = [link(h, e.sig) for e, h in zip(evs, hashes)]
    ok, got, rejected = verify_chains(evs, no_head, hashes, None, links)
    assert len(ok) == 3 and got == hashes and rejected == []
    # seq 3 names seq 2's link; a batch that says seq 2's link is something else breaks there
    wrong = [links[0], "e" * 64, links[2]]
    ok, got, rejected = verify_chains(evs, no_head, hashes, None, wrong)
    assert [e.seq for e in ok] == [1, 2]
    assert rejected == [Rejection(evs[2].id, "ketenverwijzing (prev) klopt niet")]
    # without links (or with empty ones) each link is computed
    assert verify_chains(evs, no_head, hashes, None, ["", "", ""])[0] == evs


def test_known_hashes_are_used_as_given():
    evs, _ = chain("vnog", 3)
    right = [e.digest() for e in evs]
    ok, hashes, rejected = verify_chains(evs, no_head, right)
    assert len(ok) == 3 and hashes == right and rejected == []
    wrong = [right[0], "f" * 64, right[2]]  # a wrong hash for seq 2: seq 3 no longer follows
    ok, hashes, rejected = verify_chains(evs, no_head, wrong)
    # and the signature of seq 2 does not cover that hash
    assert [e.seq for e in ok] == [1] and hashes == right[:1]
    assert rejected == [Rejection(evs[2].id, "ketenverwijzing (prev) klopt niet"),
                        Rejection(evs[1].id, "handtekening ongeldig")]


def test_a_seq_held_already_is_a_fork_not_a_retry():
    evs, signer = chain("vnog", 3)
    head = (3, evs[2].digest(), signer.public_hex, evs[2].sig)
    ok, _h, rejected = verify_chains([evs[1], evs[2]], lambda o: head)
    assert ok == []
    assert rejected == [
        Rejection(evs[1].id, "seq 2 van vnog bestaat al met een ander id (vervalst of dubbel "
                             "uitgegeven)", False, fork=True),
        Rejection(evs[2].id, "seq 3 van vnog bestaat al met een ander id (vervalst of dubbel "
                             "uitgegeven)", False, fork=True)]


def test_a_gap_is_transient_and_stops_the_rest_of_that_origin_only():
    evs, _ = chain("vnog", 5)
    other, _ = chain("vggm", 2)
    ok, _h, rejected = verify_chains([evs[0], evs[2], evs[3], *other], no_head)
    assert [(e.origin, e.seq) for e in ok] == [("vnog", 1), ("vggm", 1), ("vggm", 2)]
    assert rejected == [
        Rejection(evs[2].id, "ontbrekende voorganger: verwacht seq 2 van vnog, kreeg 3", True),
        Rejection(evs[3].id, "keten van vnog onderbroken; later opnieuw", True)]


def test_a_wrong_prev_is_refused_for_good_and_breaks_the_rest():
    evs, signer = chain("vnog", 3)
    forged = resign(evs[1], signer, prev="0" * 64)
    ok, _h, rejected = verify_chains([evs[0], forged, evs[2]], no_head)
    assert [e.seq for e in ok] == [1]
    assert rejected == [Rejection(forged.id, "ketenverwijzing (prev) klopt niet", False),
                        Rejection(evs[2].id, "keten van vnog onderbroken; later opnieuw", True)]


@pytest.mark.parametrize("over", [{"type": "journal.logged",
                                   "payload": {"channel": "NCV", "text": "x"}},
                                  {"entity": "iemand-anders"}])
def test_the_first_event_must_register_the_origin_itself(over):
    evs, signer = chain("vnog", 2)
    first = resign(evs[0], signer, **over)
    second = resign(evs[1], signer, prev=first.digest())
    ok, hashes, rejected = verify_chains([first, second], no_head)
    assert ok == [] and hashes == []
    assert rejected == [
        Rejection(first.id, "eerste gebeurtenis moet de aanmelding zijn", False),
        Rejection(second.id, "keten van vnog onderbroken; later opnieuw", True)]


def test_the_key_is_the_one_the_first_event_registers():
    evs, signer = chain("vnog", 2)
    thief = Signer()
    payload = dict(evs[0].payload, public_key=thief.public_hex)
    first = resign(evs[0], signer, payload=payload, payload_json=canonical_json(payload))
    second = resign(evs[1], signer, prev=first.digest())
    ok, _h, rejected = verify_chains([first, second], no_head)
    assert ok == [] and [r.reason for r in rejected] == ["handtekening ongeldig",
                                                         "keten van vnog onderbroken"]
    payload_json = json.loads(first.payload_json)
    assert payload_json["public_key"] == thief.public_hex


def test_a_bad_signature_inside_a_run_is_refused():
    """No event with an invalid signature is taken in: in a chain whose links name the bare
    digest (made before links covered signatures) every signature is checked, so a broken one
    in the middle of an intact chain is found, and what follows it waits."""
    evs, _signer = chain("vnog", 4)
    bad = dataclasses.replace(evs[2], sig=Signer().sign(evs[2].digest()))
    ok, hashes, rejected = verify_chains([evs[0], evs[1], bad, evs[3]], no_head)
    assert [e.seq for e in ok] == [1, 2]
    assert hashes == [e.digest() for e in evs[:2]]
    assert rejected == [Rejection(bad.id, "handtekening ongeldig"),
                        Rejection(evs[3].id, "keten van vnog onderbroken")]


def test_one_valid_newest_signature_proves_the_run_and_a_bad_newest_is_found():
    evs, signer = chain("vnog", 4)
    bad_last = dataclasses.replace(evs[3], sig=Signer().sign(evs[3].digest()))
    ok, hashes, rejected = verify_chains([evs[0], evs[1], evs[2], bad_last], no_head)
    assert [e.seq for e in ok] == [1, 2, 3]
    assert hashes == [e.digest() for e in evs[:3]]
    assert rejected == [Rejection(bad_last.id, "handtekening ongeldig", False)]
    bad_first = dataclasses.replace(evs[0], sig="0" * 128)
    bad_last2 = dataclasses.replace(evs[3], sig="0" * 128)
    ok, hashes, rejected = verify_chains([bad_first, evs[1], evs[2], bad_last2], no_head)
    assert ok == [] and hashes == []
    assert rejected == [Rejection(bad_first.id, "handtekening ongeldig", False)] + [
        Rejection(e.id, "keten van vnog onderbroken", False) for e in (evs[1], evs[2],
                                                                       bad_last2)]


def test_nothing_in_nothing_out():
    assert verify_chains([], no_head) == ([], [], [])


def test_every_event_after_a_break_is_refused_and_other_origins_still_count():
    evs, _ = chain("vnog", 5)
    other, _ = chain("vggm", 2)
    # vnog: a gap, then two more; the whole vnog batch goes before vggm's
    ok, _h, rejected = verify_chains([evs[0], evs[2], evs[3], evs[4], *other], no_head)
    assert [(e.origin, e.seq) for e in ok] == [("vnog", 1), ("vggm", 1), ("vggm", 2)]
    assert [r.id for r in rejected] == [evs[2].id, evs[3].id, evs[4].id]
    # an origin none of whose events can be taken does not stop the next origin
    ok, _h, rejected = verify_chains([evs[2], evs[3], *other], no_head)
    assert [(e.origin, e.seq) for e in ok] == [("vggm", 1), ("vggm", 2)]
    assert [r.id for r in rejected] == [evs[2].id, evs[3].id]


# ------------------------------------------------------------------ hold_future


def test_future_text_says_whole_seconds_and_the_bound():
    from data.store.verify import future_text

    assert future_text("vnog", 600_999) == (
        "klok van vnog loopt 600 s voor (meer dan 5 min); later opnieuw")
    assert future_text("vnog", 1_001_000, 120_000) == (
        "klok van vnog loopt 1001 s voor (meer dan 2 min); later opnieuw")


def test_hold_future_holds_from_the_first_event_beyond_the_bound_on():
    from data.store.hlc import encode
    from data.store.verify import hold_future

    evs, _ = chain("vnog", 4)
    other, _ = chain("vggm", 1)
    now, bound = 1_000_000, 1000
    stamped = [dataclasses.replace(e, hlc=encode(ms, 0)) for e, ms in
               zip(evs, (now, now + bound, now + bound + 1, now))]  # the last: back in time
    mine = dataclasses.replace(other[0], hlc=encode(now + bound, 0))
    ok, hashes, held = hold_future([*stamped, mine], ["h1", "h2", "h3", "h4", "h5"], now, bound)
    assert [(e.origin, e.seq) for e in ok] == [("vnog", 1), ("vnog", 2), ("vggm", 1)]
    assert hashes == ["h1", "h2", "h5"]
    assert held == [Rejection(stamped[2].id, "klok van vnog loopt 1 s voor (meer dan 0 min); "
                                             "later opnieuw", True),
                    Rejection(stamped[3].id, "klok van vnog loopt 1 s voor (meer dan 0 min); "
                                             "later opnieuw", True)]


# ------------------------------------------------------------ with the pinned root's roster

class _Roster:
    """What verify_chains asks of a roster: per origin the keys it may sign with (and the
    last seq before a revocation), or None for a centre the roster does not list."""

    def __init__(self, until: int | None = None, **nodes: frozenset[str]) -> None:
        from data.store.roster import NodeTrust

        self.nodes = {o: NodeTrust(keys, until) for o, keys in nodes.items()}

    def node(self, origin: str):
        return self.nodes.get(origin)


def test_a_centre_the_roster_lists_under_other_keys_is_refused_for_good_by_name():
    from data.store.roster import key_text

    evs, signer = chain("vnog", 3)
    head = ("vnog", evs[0])
    held = (1, evs[0].digest(), signer.public_hex, evs[0].sig)  # the store holds seq 1
    ok, _h, rej = verify_chains(evs[1:], lambda o: held if o == head[0] else None,
                                trust=_Roster(vnog=frozenset({"een-andere-sleutel"})))
    assert ok == []
    assert [(r.reason, r.transient, r.untrusted) for r in rej] == [
        (key_text("vnog"), False, True)] * 2


def test_a_centre_the_roster_does_not_list_waits_and_the_others_still_count():
    from data.store.roster import unknown_text

    stranger, _ = chain("onbekend", 2)
    evs, signer = chain("vnog", 2)
    ok, _h, rej = verify_chains(stranger + evs, no_head,  # the stranger first
                                trust=_Roster(vnog=frozenset({signer.public_hex})))
    assert [e.id for e in ok] == [e.id for e in evs]
    assert [(r.reason, r.transient, r.untrusted) for r in rej] == [
        (unknown_text("onbekend"), True, True)] * 2


def test_a_registration_under_a_key_the_roster_does_not_list_dooms_the_whole_chain():
    from data.store.roster import key_text

    evs, _signer = chain("vnog", 3)
    ok, _h, rej = verify_chains(evs, no_head, trust=_Roster(vnog=frozenset({"een-andere"})))
    assert ok == []
    assert [(r.reason, r.transient) for r in rej] == [(key_text("vnog"), False)] * 3
    assert all(r.untrusted is True for r in rej)  # (the alarm is raised on this flag)


def test_after_a_revocation_every_later_event_is_refused_by_name():
    from data.store.roster import revoked_text

    evs, signer = chain("vnog", 4)
    ok, _h, rej = verify_chains(evs, no_head,
                                trust=_Roster(until=2, vnog=frozenset({signer.public_hex})))
    assert [e.seq for e in ok] == [1, 2]
    assert [(r.id, r.reason, r.transient, r.untrusted) for r in rej] == [
        (e.id, revoked_text("vnog", 2), False, True) for e in evs[2:]]


def test_a_rotation_to_a_key_the_roster_does_not_know_yet_waits_and_holds_the_rest():
    from data.store.roster import rotation_text
    from data.store.verify import ROTATED

    (first,), old = chain("vnog", 1)
    new = Signer()
    turn = _event("vnog", 2, first.digest(), ROTATED, "vnog", {"public_key": new.public_hex},
                  old)
    after = _event("vnog", 3, turn.digest(), "journal.logged", "j-3",
                   {"channel": "NCV", "text": "m3"}, new)
    ok, _h, rej = verify_chains([first, turn, after], no_head,
                                trust=_Roster(vnog=frozenset({old.public_hex})))
    assert [e.seq for e in ok] == [1]
    assert [(r.id, r.reason, r.transient, r.untrusted) for r in rej] == [
        (turn.id, rotation_text("vnog"), True, True),
        (after.id, "keten van vnog onderbroken; later opnieuw", True, False)]
    # once the roster knows the new key, the same events are taken in
    ok, _h, rej = verify_chains([first, turn, after], no_head,
                                trust=_Roster(vnog=frozenset({old.public_hex, new.public_hex})))
    assert [e.seq for e in ok] == [1, 2, 3] and rej == []


@pytest.mark.parametrize(("recorded", "ok"), [
    ("2026-11-22T14:05:01.123Z", True), ("2026-11-22T14:05:01Z", True),
    ("2026-02-30T14:05:01.123Z", False), ("2026-11-22T25:05:01.123Z", False),
    ("gisteren", False)])
def test_recorded_at_with_milliseconds_is_checked_like_any_moment(recorded: str, ok: bool):
    e = resign(good(), Signer(), recorded_at=recorded)
    reason = check_envelope(e, "LIVE")
    assert (reason == "") is ok, reason
    if not ok:
        assert reason.startswith("ongeldige inhoud: ")


def test_hold_future_takes_a_batch_up_to_the_bound_whole_and_holds_one_tick_past_it():
    """The quick path (no clock ahead, judged on the HLC text) and the bound itself."""
    from data.store.hlc import encode
    from data.store.verify import hold_future

    evs, _ = chain("vnog", 3)
    now, bound = 1_000_000, 1000
    at_bound = [dataclasses.replace(e, hlc=encode(ms, c)) for e, (ms, c) in
                zip(evs, ((now - 5, 0), (now + bound, 999_999), (now + bound, 0)))]
    assert hold_future(at_bound, ["a", "b", "c"], now, bound) == (at_bound, ["a", "b", "c"], [])
    past = [*at_bound[:2], dataclasses.replace(evs[2], hlc=encode(now + bound + 1, 0))]
    ok, hashes, held = hold_future(past, ["a", "b", "c"], now, bound)
    assert ok == past[:2] and hashes == ["a", "b"] and [r.id for r in held] == [past[2].id]
    assert hold_future([], [], now, bound) == ([], [], [])


@pytest.mark.parametrize("hlc", ["²01764000000000.000000",  # a superscript two
                                 "٠٠١٧٦٤٠٠٠٠٠٠٠٠٠.٠٠٠٠٠٠",  # Arabic-Indic digits
                                 "00176400000000٠.000000"])
def test_an_hlc_of_other_digits_than_ascii_is_refused_at_the_door(hlc):
    """str.isdigit() takes them; their text would not sort as their time (SQLite, the
    future-clock rule), so such an event would win every later update of its entity."""
    from data.store.hlc import is_valid

    assert len(hlc) == 22 and not is_valid(hlc)
    assert is_valid("001764000000000.000000")
