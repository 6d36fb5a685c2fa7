"""Shifts: who has taken up which function at a centre, as commands on one entity per function
staffed there (the *slot* ``dienst:<node>:<function>``).

The store folds the slot's events (:mod:`data.store.fold`); the checks here say what a shift
command must find in its slot, and :func:`shift_command` makes the command with the right slot,
so the CLI and the application speak of shifts in one way.
"""

from __future__ import annotations

import re
from typing import Any

from data.domain.roles import RoleTable
from data.domain.validation import ValidationError
from data.i18n import _

KIND = "shift"


def slot_id(node: str, function: str) -> str:
    """The entity of ``function`` at centre ``node``."""
    slug = re.sub(r"[^A-Za-z0-9]+", "-", function).strip("-").lower() or "x"
    return f"dienst:{node}:{slug}"[:80]


def holder(state: dict[str, Any] | None) -> str | None:
    """Who is on duty in a slot's state (None: nobody)."""
    if not state or state.get("placeholder") or state.get("status") != "in dienst":
        return None
    return str(state.get("person") or "") or None


def no_slot(payload: dict[str, Any]) -> str:
    """A shift command names its slot (:func:`slot_id`): a function alone could be any centre's."""
    raise ValidationError(_("geef de dienstplek (centrum en functie) mee"), _("id"))


def check_start(payload: dict[str, Any], state: dict[str, Any] | None) -> None:
    """A function is taken up when nobody holds it; otherwise it is handed over."""
    who = holder(state)
    if who is None:
        return
    if who.lower() == str(payload.get("person", "")).strip().lower():
        raise ValidationError(_("{person} is al in dienst als {function}").format(
            person=who, function=payload.get("function")), _("naam"))
    raise ValidationError(_("{person} is in dienst als {function}; neem de dienst over met een "
                            "overdracht").format(person=who, function=payload.get("function")),
                          _("functie"))


def _held(payload: dict[str, Any], state: dict[str, Any] | None) -> str:
    who = holder(state)
    if who is None:
        raise ValidationError(_("niemand is in dienst als {function}").format(
            function=payload.get("function")), _("functie"))
    return who


def check_handover(payload: dict[str, Any], state: dict[str, Any] | None) -> None:
    """A handover needs someone on duty: the outgoing person is the one the slot holds."""
    who = _held(payload, state)
    if who.lower() == str(payload.get("person", "")).strip().lower():
        raise ValidationError(_("{person} is al in dienst als {function}").format(
            person=who, function=payload.get("function")), _("naam"))
    payload["outgoing"] = who


def check_end(payload: dict[str, Any], state: dict[str, Any] | None) -> None:
    """An end needs someone on duty: it names the one the slot holds."""
    payload["person"] = _held(payload, state)


CHANNEL_KEYS = ("ncv", "satellite", "c2000")


def shift_command(table: RoleTable, node: str, kind: str, function: str, person: str = "",
                  **extra: Any) -> tuple[str, dict[str, Any], str]:
    """(type, payload, entity) of a shift command: ``kind`` is begin, overdracht or eind.
    Unknown functions are refused with the centre's list."""
    canon = table.canonical(function)
    if canon is None:
        raise ValidationError(_("de functie '{function}' kent dit centrum niet; kies uit "
                                "{options}").format(function=function,
                                                    options=", ".join(table.functions())),
                              _("functie"))
    typ = {"begin": "shift.started", "overdracht": "shift.handed_over",
           "eind": "shift.ended"}.get(kind)
    if typ is None:
        raise ValidationError(_("onbekende dienstopdracht '{kind}'").format(kind=kind),
                              _("opdracht"))
    payload: dict[str, Any] = {"function": canon}
    if typ == "shift.ended":
        payload["person"] = person or "?"
    else:
        payload["person"] = person
        payload.update({k: v for k, v in extra.items() if v not in (None, "")})
    if typ == "shift.handed_over":
        payload["outgoing"] = "?"
    return typ, payload, slot_id(node, canon)
