"""Does a told story hang together? Checks a trainer makes in the first minute of a demo or an
exercise: no journal line twice, and no line before what it speaks of.

A journal line *speaks of* the incident it is linked to (it cannot come before that crisis
started: its T0, else its report), and of every point, session or incident whose name it
quotes or that sends or receives it (no message goes to a noodsteunpunt before the point was
registered). Pure functions over
folded states, so a demo, a bundled scenario played to its end, or a live store can be checked.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from data.i18n import _
from data.picture.deadlines import incident_t0

#: entity kinds whose name a journal line may quote, and the field that holds the name
NAMED = {"nsp": "name", "session": "title", "incident": "title"}


def _started(s: Mapping[str, Any]) -> str:
    """When an entity came into the world: an incident at its T0 (if earlier than its
    report), anything else at its creation."""
    created = str(s.get("created_at") or "")
    if s.get("entity_kind") == "incident":
        t0 = incident_t0(s) or created
        return min(created, t0) if created else t0
    return created


def journal_faults(journal: Iterable[Mapping[str, Any]],
                   entities: Iterable[Mapping[str, Any]]) -> list[str]:
    """What is wrong with a journal, in words (empty when it hangs together)."""
    by_id: dict[str, Mapping[str, Any]] = {}
    names: list[tuple[str, Mapping[str, Any]]] = []
    for s in entities:
        by_id[str(s.get("id"))] = s
        fld = NAMED.get(str(s.get("entity_kind")))
        name = str(s.get(fld) or "") if fld else ""
        if len(name) >= 8:  # short names ("ROT") would match by accident
            names.append((name.lower(), s))
    faults: list[str] = []
    seen: dict[str, str] = {}
    for line in sorted(journal, key=lambda j: str(j.get("created_at"))):
        text, at = str(line.get("text") or ""), str(line.get("created_at") or "")
        if text in seen:
            faults.append(_("herhaald ({first} en {at}): {text}").format(
                first=seen[text], at=at, text=text))
        else:
            seen[text] = at
        inc = by_id.get(str(line.get("incident_id") or ""))
        if inc is not None and at < _started(inc):
            faults.append(_("vóór het begin van '{title}' ({at}): {text}").format(
                title=inc.get("title"), at=at, text=text))
        # a line names a point as its sender or addressee as much as in its text
        low = " | ".join(str(line.get(k) or "") for k in ("text", "sender", "recipient")).lower()
        for name, s in names:
            if name in low and at < _started(s):
                faults.append(_("noemt '{name}' vóór het er was ({at}): {text}").format(
                    name=s.get(NAMED[str(s["entity_kind"])]), at=at, text=text))
    return faults
