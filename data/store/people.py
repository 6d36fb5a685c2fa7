"""The people side of a store (mixed into :class:`data.store.store.Store`): the centre's role
table and the PINs its beheerder set. Both are local settings of this centre (the ``meta``
table), never events: a PIN's hash does not travel, and another centre's roles are its own.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from typing import TYPE_CHECKING, Any

from data.domain.roles import RoleTable, hash_pin, pin_matches, split_author
from data.domain.validation import ValidationError
from data.i18n import _

ROLES_KEY = "rollen"
PIN_PREFIX = "pin:"


def _pin_key(person: str) -> str:
    return PIN_PREFIX + " ".join(person.split()).lower()


class People:
    """Roles and PINs of one store."""

    _conn: sqlite3.Connection
    _lock: threading.RLock
    roles: RoleTable

    if TYPE_CHECKING:  # provided by the writing half of Store
        def transaction(self) -> AbstractContextManager[Any]: ...

    #: while set, local commands are checked as exercise control: an inject's events are the
    #: trainer playing the other parties (a simulated OL's decision needs "oefenleiding", not
    #: "besluiten"); see :meth:`scenario_voice`
    _scenario_voice = False

    @contextmanager
    def scenario_voice(self) -> Iterator[None]:
        """Inside: the commands are a scenario's (an inject's), checked against the right to
        lead the exercise instead of their own right."""
        outer, self._scenario_voice = self._scenario_voice, True
        try:
            yield
        finally:
            self._scenario_voice = outer

    def _role_guard(self, cmd_type: str, payload: dict[str, Any], author: str) -> None:
        """The role table's check of one local command (``Store._execute_one``)."""
        self.roles.guard("exercise.inject_fired" if self._scenario_voice else cmd_type,
                         payload, author)

    def _load_roles(self) -> None:
        row = self._conn.execute("SELECT value FROM meta WHERE key = ?", (ROLES_KEY,)).fetchone()
        self.roles = RoleTable.from_json(row[0] if row else None)

    def people_settings(self) -> tuple[str, RoleTable]:
        """(node id, role table) read from the file: also for a reader opened without its
        identity (the desktop's read lanes)."""
        with self._lock:
            rows = dict(self._conn.execute(
                "SELECT key, value FROM meta WHERE key IN ('node_id', ?)", (ROLES_KEY,)))
        return str(rows.get("node_id", "")), RoleTable.from_json(rows.get(ROLES_KEY))

    def set_roles(self, table: RoleTable) -> None:
        """Store the centre's own functions and who records decisions."""
        with self.transaction():
            self._conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)",
                               (ROLES_KEY, table.to_json()))
        self.roles = table

    def set_pin(self, person: str, pin: str | None) -> None:
        """Set (or with None: remove) the PIN of ``person``; only a salted hash is kept."""
        if not " ".join(person.split()):
            raise ValidationError(_("vul de naam in"), _("naam"))
        with self.transaction():
            if pin is None:
                self._conn.execute("DELETE FROM meta WHERE key = ?", (_pin_key(person),))
            else:
                self._conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)",
                                   (_pin_key(person), hash_pin(pin)))

    def needs_pin(self, person: str) -> bool:
        """Whether ``person`` signs in with a PIN here."""
        with self._lock:
            return self._conn.execute("SELECT 1 FROM meta WHERE key = ?",
                                      (_pin_key(person),)).fetchone() is not None

    def sign_in(self, person: str, function: str, pin: str | None = None) -> str:
        """Check a person's sign-in; returns the author their events carry, or raises
        ValidationError (unknown function, PIN missing or wrong)."""
        from data.domain.roles import format_author

        canon = self.roles.canonical(function)
        if canon is None:
            raise ValidationError(_("de functie '{function}' kent dit centrum niet; kies uit "
                                    "{options}").format(
                function=function, options=", ".join(self.roles.functions())), _("functie"))
        author = format_author(person, canon)
        with self._lock:
            row = self._conn.execute("SELECT value FROM meta WHERE key = ?",
                                     (_pin_key(person),)).fetchone()
        if row is not None:
            if not pin:
                raise ValidationError(_("{person} meldt zich aan met een pincode").format(
                                          person=person), _("pincode"))
            if not pin_matches(row[0], pin):
                raise ValidationError(_("de pincode klopt niet"), _("pincode"))
        return author

    def check_author(self, author: str, pin: str | None = None) -> str:
        """An author named from outside (the CLI's --als): as :meth:`sign_in` when it names a
        function; unchanged when it names none (read as before functions existed)."""
        person, function = split_author(author)
        if function is None:
            if self.needs_pin(person):
                raise ValidationError(_("{person} meldt zich aan met naam, functie en "
                                        "pincode").format(person=person),
                                      _("pincode"))
            return author
        return self.sign_in(person, function, pin)
