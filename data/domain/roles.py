"""People and roles: who wrote an event, under which function, and what each function may do.

An event's author names a person and the function they were on duty in, as ``Naam (functie)``
(:func:`format_author`, read back by :func:`split_author`). Authors written before functions
existed ("operator", "systeem", an inject's sender) name no function; they are read as they are.

:class:`RoleTable` is the one table of who may do what. A store holds one (the centre's own
additions and its choice of who records decisions) and runs its :meth:`RoleTable.guard` for
every local command (:func:`data.domain.commands.check`); events received from another centre
are taken as their origin signed them, so the fold never asks (convergence is untouched).
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import re
from dataclasses import dataclass, field
from typing import Any

from data.domain.validation import ValidationError
from data.i18n import N_, _

#: the functions every centre knows: short name (written in the author) -> what it stands for
FUNCTIONS: dict[str, str] = {
    "OL": "operationeel leider",
    "IM": "informatiemanager",
    "plotter": "plotter",
    "CaCo": "calamiteitencoördinator",
    "LO Defensie": "liaison Defensie",
    "trainer": "trainer/spelleider",
    "waarnemer": "waarnemer",
    "beheerder": "beheerder (hub en roster)",
    # sections of a ROT and the national hub, as the digest names them
    "AC": "algemeen commandant (ROT-sectie: bevolkingszorg, communicatie, logistiek …)",
    "LOCC": "LOCC-medewerker (KCR2)",
}
#: other ways people write the same function (lower case) -> short name
ALIASES: dict[str, str] = {
    **{k.lower(): k for k in FUNCTIONS},
    **{v.lower(): k for k, v in FUNCTIONS.items()},
    "caco": "CaCo", "liaison defensie": "LO Defensie", "lo-defensie": "LO Defensie",
    "spelleider": "trainer", "spelleiding": "trainer", "oefenleider": "trainer",
}

WAARNEMER = "waarnemer"

# ---------------------------------------------------------------- what a command needs

#: rights, and what the refusal says a person needs
RIGHTS = {
    "invoeren": N_("invoeren"),
    "besluiten": N_("besluiten vastleggen, wijzigen of intrekken"),
    "oefenleiding": N_("de oefening leiden"),
    "beheer": N_("hub en roster beheren"),
    "dienst": N_("diensten aanmelden en overdragen"),
}


def right_of(cmd_type: str) -> str:
    """The right a command type needs (every type has exactly one)."""
    if cmd_type in ("decision.recorded", "decision.amended", "decision.revoked"):
        return "besluiten"
    if cmd_type.startswith("exercise."):
        return "oefenleiding"
    if cmd_type in ("node.registered", "node.key_rotated"):
        return "beheer"  # setting a centre up and changing its key: the administrator
    if cmd_type.startswith("shift."):
        return "dienst"
    return "invoeren"


_AUTHOR = re.compile(r"^(?P<person>.*?\S)\s*\((?P<function>[^()]{1,40})\)$")


def split_author(author: str) -> tuple[str, str | None]:
    """``"Anna Vos (OL)"`` -> ``("Anna Vos", "OL")``; an author without a function -> ``(author,
    None)``. The function is given as written (see :meth:`RoleTable.canonical`)."""
    m = _AUTHOR.match(author.strip())
    if not m:
        return author.strip(), None
    return m.group("person").strip(), m.group("function").strip()


def format_author(person: str, function: str) -> str:
    """The author of an event: person and function, as :func:`split_author` reads them back."""
    person, function = " ".join(person.split()), " ".join(function.split())
    if not person:
        raise ValidationError(_("vul je naam in"), _("naam"))
    if not function:
        raise ValidationError(_("kies je functie"), _("functie"))
    if "(" in function or ")" in function or "(" in person or ")" in person:
        raise ValidationError(_("gebruik geen haakjes in naam of functie"), _("naam"))
    out = f"{person} ({function})"
    if len(out) > 120:
        raise ValidationError(_("naam en functie samen zijn te lang (hoogstens 120 tekens)"),
                              _("naam"))
    return out


@dataclass
class RoleTable:
    """Who may do what at one centre.

    ``rights`` maps a right to the functions that hold it; ``"*"`` stands for every function
    except the waarnemer. The defaults follow the issue: a waarnemer only reads; decisions
    belong to OL and IM; exercise control to the trainer; hub and roster to the beheerder;
    everyone else records the rest. ``extra`` are the centre's own functions (they record)."""

    extra: tuple[str, ...] = ()
    rights: dict[str, tuple[str, ...]] = field(default_factory=lambda: {
        "invoeren": ("*",),
        "besluiten": ("OL", "IM"),
        "oefenleiding": ("trainer",),
        "beheer": ("beheerder",),
        "dienst": ("*",),  # and a waarnemer himself, as waarnemer (see guard)
    })

    # ------------------------------------------------------------ functions

    def functions(self) -> list[str]:
        """Every function a person may sign in with here, standard ones first."""
        return [*FUNCTIONS, *(f for f in self.extra if f not in FUNCTIONS)]

    def canonical(self, function: str) -> str | None:
        """The function as this centre spells it, or None when it is not known here.

        A function may name the centre or section it works for after it — "IM VNOG",
        "CaCo MKON", "AC Bevolkingszorg VGGM", "LOCC KCR2" — and is then that function."""
        f = " ".join(function.split()).lower()
        if f in ALIASES:
            return ALIASES[f]
        for extra in self.extra:
            if extra.lower() == f:
                return extra
        words = f.split()
        for n in range(len(words) - 1, 0, -1):  # the longest known function in front
            head = " ".join(words[:n])
            if head in ALIASES:
                return ALIASES[head]
            for extra in self.extra:
                if extra.lower() == head:
                    return extra
        return None

    def holders(self, right: str) -> list[str]:
        """The functions that hold ``right``, spelled out for a message."""
        out: list[str] = []
        for f in self.rights.get(right, ()):
            out += [x for x in self.functions() if x != WAARNEMER] if f == "*" else [f]
        return list(dict.fromkeys(out))

    def may(self, function: str, cmd_type: str) -> bool:
        """Whether ``function`` (canonical) holds the right ``cmd_type`` needs."""
        holders = self.rights.get(right_of(cmd_type), ())
        return function in holders or ("*" in holders and function != WAARNEMER)

    # ------------------------------------------------------------ the guard

    def guard(self, cmd_type: str, payload: dict[str, Any], author: str) -> None:
        """Refuse ``cmd_type`` by ``author`` when their function may not do it (the message
        says which function may). An author without a function (a script, an inject's
        sender, an event keyed before people signed in) is not held to the table."""
        _person, written = split_author(author)
        if written is None:
            return
        function = self.canonical(written)
        if function is None:
            raise ValidationError(_("de functie '{function}' kent dit centrum niet; kies uit "
                                    "{options}").format(function=written,
                                                        options=", ".join(self.functions())),
                                  _("functie"))
        right = right_of(cmd_type)
        if right == "dienst" and function == WAARNEMER:
            # a waarnemer signs only himself in and out, as waarnemer
            asked = self.canonical(str(payload.get("function") or ""))
            if asked == WAARNEMER and cmd_type != "shift.handed_over":
                return
            raise ValidationError(_("een waarnemer leest alleen mee: een ander aanmelden of een "
                                    "dienst overdragen mag alleen een {functions}").format(
                                        functions=_or(self.holders("dienst"))), _("functie"))
        if not self.may(function, cmd_type):
            who = _("een waarnemer leest alleen mee") if function == WAARNEMER else \
                _("dit mag een {function} niet").format(function=function)
            raise ValidationError(_("{who}: {right} mag alleen een {functions}").format(
                who=who, right=_(RIGHTS[right]), functions=_or(self.holders(right))),
                _("functie"))

    # ------------------------------------------------------------ the centre's settings

    def to_json(self) -> str:
        return json.dumps({"extra": list(self.extra), "besluiten": list(self.rights["besluiten"])},
                          ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_json(cls, text: str | None) -> "RoleTable":
        """The table a centre stored (see :meth:`to_json`); the default when none or unreadable."""
        table = cls()
        if not text:
            return table
        try:
            doc = json.loads(text)
            table.extra = tuple(str(x) for x in doc.get("extra", ()))
            if doc.get("besluiten"):
                table.rights["besluiten"] = tuple(str(x) for x in doc["besluiten"])
        except (ValueError, AttributeError, TypeError):
            return cls()
        return table


def _or(names: list[str]) -> str:
    if not names:
        return _("niemand")
    if len(names) == 1:
        return names[0]
    return _("{names} of {last}").format(names=", ".join(names[:-1]), last=names[-1])


#: the table of a centre that named nothing of its own
DEFAULT = RoleTable()

# ---------------------------------------------------------------- PINs

_N, _R, _P = 2**14, 8, 1


def hash_pin(pin: str, salt: bytes | None = None) -> str:
    """A salted scrypt hash of ``pin`` (only this is stored, never the PIN)."""
    pin = pin.strip()
    if not (4 <= len(pin) <= 12 and pin.isdigit()):
        raise ValidationError(_("een pincode is 4 tot 12 cijfers"), _("pincode"))
    salt = salt if salt is not None else os.urandom(16)
    digest = hashlib.scrypt(pin.encode(), salt=salt, n=_N, r=_R, p=_P, dklen=32)
    return f"scrypt${salt.hex()}${digest.hex()}"


def pin_matches(stored: str, pin: str) -> bool:
    """Whether ``pin`` is the one whose hash is ``stored``."""
    try:
        scheme, salt, digest = stored.split("$")
        if scheme != "scrypt":
            return False
        got = hashlib.scrypt(pin.strip().encode(), salt=bytes.fromhex(salt), n=_N, r=_R, p=_P,
                             dklen=32)
    except ValueError:
        return False
    return hmac.compare_digest(got.hex(), digest)
