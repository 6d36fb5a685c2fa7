"""Beeld–Oordeel–Besluit of one incident, as the rooms know it from LCMS's Landelijk Crisisbeeld.

* **Beeld** — one picture per discipline (:class:`~data.domain.enums.Discipline`), each with its
  own versions and authors. A beeld written before disciplines existed is the *algemeen* one.
* **Oordeel** — analysis, dilemmas, prognosis and the next scale-up or scale-down, versioned
  with their authors like the pictures.
* **Besluit** — the decisions that concern the incident: those that name it, and those without
  an incident whose session is about it.

Pure functions of folded states (:mod:`data.store.fold` keeps the algemeen beeld in ``beeld`` /
``beeld_history`` as before, the other disciplines in ``beelden``, the Oordeel in ``oordeel`` /
``oordeel_history``), so two stores with the same events show the same BOB.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from data.domain.enums import Discipline, label
from data.i18n import N_, _
from data.picture.timefmt import local_hm

#: the disciplines in the order a BOB shows them (algemeen first)
DISCIPLINES: tuple[str, ...] = tuple(d.value for d in Discipline)
#: the parts of an Oordeel and their headings, in order
JUDGEMENT_PARTS: tuple[tuple[str, str], ...] = (
    ("analysis", N_("Analyse")), ("dilemmas", N_("Dilemma's")), ("prognosis", N_("Prognose")),
    ("scaling", N_("Op- of afschaling")),
)


@dataclass(frozen=True)
class Version:
    """One version of a discipline's beeld or of the Oordeel: number, when, by whom."""

    number: int
    at: str
    by: str
    text: str = ""
    parts: tuple[tuple[str, str], ...] = ()

    def byline(self) -> str:
        """'bijgewerkt 14:05 door Anna Vos (OL)'."""
        return _("bijgewerkt {0} door {1}").format(local_hm(self.at), self.by or "?")


@dataclass(frozen=True)
class Picture:
    """One discipline's beeld: the current version and the earlier ones (newest first)."""

    discipline: str
    versions: tuple[Version, ...]  # oldest first

    @property
    def title(self) -> str:
        return label(self.discipline)

    @property
    def current(self) -> Version | None:
        return self.versions[-1] if self.versions else None

    @property
    def earlier(self) -> tuple[Version, ...]:
        return tuple(reversed(self.versions[:-1]))


@dataclass(frozen=True)
class Bob:
    """The Beeld–Oordeel–Besluit of one incident."""

    pictures: tuple[Picture, ...]
    judgement: tuple[Version, ...]  # oldest first; the last is the Oordeel now
    decisions: tuple[dict[str, Any], ...]

    @property
    def oordeel(self) -> Version | None:
        return self.judgement[-1] if self.judgement else None


def _numbered(entries: Sequence[Mapping[str, Any]], dropped: int,
              make: Any) -> tuple[Version, ...]:
    return tuple(make(dropped + n, e) for n, e in enumerate(entries, start=1))


def _text_version(n: int, e: Mapping[str, Any]) -> Version:
    return Version(n, str(e.get("at") or ""), str(e.get("by") or ""), str(e.get("beeld") or ""))


def picture(state: Mapping[str, Any], discipline: str) -> Picture:
    """The beeld of ``discipline`` in an incident's state, with its versions."""
    if discipline != "algemeen":
        entries = (state.get("beelden") or {}).get(discipline) or []
        dropped = int((state.get("beelden_dropped") or {}).get(discipline, 0))
        return Picture(discipline, _numbered(entries, dropped, _text_version))
    history = state.get("beeld_history")
    if history:
        dropped = int(state.get("beeld_history_dropped") or 0)
        return Picture(discipline, _numbered(history, dropped, _text_version))
    if state.get("beeld"):  # given with the report, never updated since
        return Picture(discipline, (Version(1, str(state.get("created_at") or ""),
                                            str(state.get("created_by") or ""),
                                            str(state["beeld"])),))
    return Picture(discipline, ())


def judgement(state: Mapping[str, Any]) -> tuple[Version, ...]:
    """The versions of an incident's Oordeel, oldest first."""
    def make(n: int, e: Mapping[str, Any]) -> Version:
        parts = tuple((k, str(e[k])) for k, _h in JUDGEMENT_PARTS if e.get(k))
        return Version(n, str(e.get("at") or ""), str(e.get("by") or ""), parts=parts)
    return _numbered(state.get("oordeel_history") or [],
                     int(state.get("oordeel_history_dropped") or 0), make)


def decisions_of(incident_id: str, decisions: Iterable[Mapping[str, Any]],
                 sessions: Iterable[Mapping[str, Any]] = ()) -> list[dict[str, Any]]:
    """The decisions that concern an incident: those naming it, and those naming none whose
    session is about it; in the order they were taken."""
    about = {str(s.get("id")) for s in sessions if s.get("incident_id") == incident_id}
    out = [dict(d) for d in decisions
           if d.get("incident_id") == incident_id
           or (not d.get("incident_id") and str(d.get("session_id")) in about)]
    out.sort(key=lambda d: (str(d.get("created_at") or ""), int(d.get("number") or 0),
                            str(d.get("id"))))
    return out


def bob_of(state: Mapping[str, Any], decisions: Iterable[Mapping[str, Any]] = (),
           sessions: Iterable[Mapping[str, Any]] = ()) -> Bob:
    """The BOB of one incident from its state and the decisions and sessions of the store."""
    return Bob(tuple(picture(state, d) for d in DISCIPLINES), judgement(state),
               tuple(decisions_of(str(state.get("id")), decisions, sessions)))


def part_title(key: str) -> str:
    """The heading of an Oordeel part ('Prognose')."""
    return _(dict(JUDGEMENT_PARTS).get(key, key))
