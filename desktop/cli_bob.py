"""Subcommands on an incident's Beeld–Oordeel–Besluit: ``beeld`` and ``oordeel``.

``crisisbeeld --als "Naam (functie)" beeld --db PAD --incident ID --discipline ghor "tekst"``
writes one discipline's beeld (without ``--discipline``: the algemeen beeld); without a text it
shows the incident's BOB, and without ``--incident`` the incidents to choose from.
``oordeel`` writes the parts of the Oordeel that are given.
"""

from __future__ import annotations

import argparse
from typing import Any

from data.domain.enums import label
from data.domain.validation import ValidationError
from data.picture.bob import DISCIPLINES, bob_of, part_title
from data.picture.timefmt import local_hm
from data.store import Command, Store
from data.store import queries as q
from desktop.cli_core import UserError, open_store
from desktop.cli_people import person

#: the Oordeel's options and the payload field each fills
JUDGEMENT_OPTIONS = (("analyse", "analysis"), ("dilemmas", "dilemmas"),
                     ("prognose", "prognosis"), ("schaling", "scaling"))


def discipline_of(text: str) -> str:
    """'GHOR', 'ghor', 'Bevolkingszorg' -> the discipline's value; a Dutch refusal else."""
    t = text.strip().lower()
    for d in DISCIPLINES:
        if t in (d, label(d).lower()):
            return d
    raise UserError(f"onbekende discipline '{text}'; kies uit "
                    + ", ".join(label(d) for d in DISCIPLINES))


def _incident(st: Store, eid: str) -> dict[str, Any]:
    s = st.entity(eid)
    if s is None or s.get("entity_kind") != "incident":
        raise UserError(f"'{eid}' is geen incident in deze store; 'crisisbeeld beeld --db "
                        "PAD' toont de incidenten")
    return s


def _list(st: Store) -> None:
    incidents = q.states(st, "incident")
    if not incidents:
        print("(geen incidenten in deze store)")
    for i in sorted(incidents, key=lambda i: str(i.get("title"))):
        print(f"{i['id']}  {i.get('title')} ({label(str(i.get('status') or ''))})")


def bob_text(st: Store, state: dict[str, Any]) -> str:
    """An incident's BOB as plain text lines (what ``beeld`` shows)."""
    b = bob_of(state, q.states(st, "decision"), q.states(st, "session"))
    out = [f"{state.get('title')}", "", "BEELD"]
    for pic in b.pictures:
        cur = pic.current
        if cur is not None:
            out += [f"  {pic.title} (versie {cur.number}, {cur.byline()})", f"    {cur.text}"]
    out += ["", "OORDEEL"]
    if b.oordeel is None:
        out.append("  nog geen oordeel")
    else:
        out += [f"  {part_title(k)}: {t}" for k, t in b.oordeel.parts]
        out.append(f"  (versie {b.oordeel.number}, {b.oordeel.byline()})")
    out += ["", "BESLUIT"]
    out += [f"  {label(str(d.get('kind') or 'besluit'))} {d.get('number')} "
            f"({local_hm(d.get('created_at'))}): {d.get('text')}" for d in b.decisions]
    if not b.decisions:
        out.append("  geen besluiten bij dit incident")
    return "\n".join(out)


def _write(st: Store, a: argparse.Namespace, cmd: Command) -> None:
    author = person(st, a)
    assert author is not None
    try:
        st.execute(cmd, author)
    except ValidationError as e:
        raise UserError(str(e)) from None


def cmd_beeld(a: argparse.Namespace) -> int:
    st = open_store(a.db)
    try:
        if not a.incident:
            _list(st)
            return 0
        state = _incident(st, a.incident)
        if a.tekst is None:
            print(bob_text(st, state))
            return 0
        disc = discipline_of(a.discipline)
        _write(st, a, Command("incident.picture_updated",
                              {"beeld": a.tekst, "discipline": disc}, entity=a.incident))
        print(f"beeld {label(disc)} bijgewerkt: {state.get('title')}")
    finally:
        st.close()
    return 0


def cmd_oordeel(a: argparse.Namespace) -> int:
    st = open_store(a.db)
    try:
        state = _incident(st, a.incident)
        payload = {field: getattr(a, opt) for opt, field in JUDGEMENT_OPTIONS
                   if getattr(a, opt) is not None}
        _write(st, a, Command("incident.judgement_updated", payload, entity=a.incident))
        print(f"oordeel bijgewerkt: {state.get('title')}")
    finally:
        st.close()
    return 0


def register(sub: Any) -> None:
    p = sub.add_parser("beeld", help="beeld per discipline van een incident: tonen of "
                                     "bijwerken (Beeld–Oordeel–Besluit)")
    p.add_argument("--db", required=True, help="pad van de store")
    p.add_argument("--incident", default="", help="id van het incident (zonder: de lijst)")
    p.add_argument("--discipline", default="algemeen",
                   help="algemeen (standaard), brandweer, GHOR, politie, bevolkingszorg of "
                        "crisiscommunicatie")
    p.add_argument("tekst", nargs="?", help="het nieuwe beeld (zonder: toon het BOB)")
    p.set_defaults(func=cmd_beeld)
    p = sub.add_parser("oordeel", help="het oordeel van een incident bijwerken")
    p.add_argument("--db", required=True, help="pad van de store")
    p.add_argument("--incident", required=True, help="id van het incident")
    p.add_argument("--analyse", help="analyse")
    p.add_argument("--dilemmas", help="dilemma's")
    p.add_argument("--prognose", help="prognose")
    p.add_argument("--schaling", help="volgende op- of afschaling")
    p.set_defaults(func=cmd_oordeel)
