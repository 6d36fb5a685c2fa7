"""Tests that kill the mutants of data/domain/lifecycles.py that survived `make mutation`
(docs/mutation.md): the three state machines written out in full, step by step."""

from __future__ import annotations

import pytest

from data.domain import lifecycles as lc

STEPS = {
    "incident": {
        "gemeld": ["actief", "afgeschaald"],
        "actief": ["beheerst"],
        "beheerst": ["actief", "afgeschaald"],
        "afgeschaald": [],
    },
    "bijstand": {
        "concept": ["ingediend", "ingetrokken"],
        "ingediend": ["in_behandeling", "afgewezen", "ingetrokken"],
        "in_behandeling": ["deels_toegezegd", "toegezegd", "afgewezen", "ingetrokken"],
        "deels_toegezegd": ["toegezegd", "onderweg", "ingetrokken"],
        "toegezegd": ["onderweg", "ingetrokken"],
        "onderweg": ["ingezet"],
        "ingezet": ["afgelost", "gedemobiliseerd", "beeindigd"],
        "afgelost": ["ingezet", "gedemobiliseerd"],
        "gedemobiliseerd": ["geevalueerd"],
        "geevalueerd": [],
        "beeindigd": ["geevalueerd"],
        "afgewezen": [],
        "ingetrokken": [],
    },
    "action": {
        "open": ["in_uitvoering", "gereed", "vervallen"],
        "in_uitvoering": ["open", "gereed", "vervallen"],
        "gereed": ["in_uitvoering"],
        "vervallen": [],
    },
}


@pytest.mark.parametrize("kind", sorted(STEPS))
def test_every_pair_of_states(kind):
    states = list(STEPS[kind])
    for frm in states:
        for to in states:
            assert lc.legal(kind, frm, to) is (to in STEPS[kind][frm]), (kind, frm, to)


@pytest.mark.parametrize("kind", sorted(STEPS))
def test_next_states_in_the_lifecycles_own_order(kind):
    order = list(STEPS[kind])
    assert list(lc.MACHINES[kind]) == order
    for frm, nxt in STEPS[kind].items():
        assert lc.next_states(kind, frm) == sorted(nxt, key=order.index), (kind, frm)


@pytest.mark.parametrize("kind", sorted(STEPS))
def test_an_unknown_state_goes_nowhere(kind):
    assert lc.next_states(kind, "onbekend") == []
    assert lc.legal(kind, "onbekend", next(iter(STEPS[kind]))) is False


def test_machines_board_order_and_open_requests():
    assert set(lc.MACHINES) == {"incident", "bijstand", "action"}
    assert lc.BIJSTAND_ORDER == tuple(STEPS["bijstand"])
    assert lc.OPEN_BIJSTAND == frozenset(STEPS["bijstand"]) - {
        "beeindigd", "afgewezen", "ingetrokken", "gedemobiliseerd", "geevalueerd"}
