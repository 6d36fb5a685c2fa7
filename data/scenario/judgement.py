"""The control team's judgement of an exercise: overrides of automatic expectation matches,
a P/S/M/U rating per objective, strengths and points for improvement, and the improvement plan.

Like the observer notes these are the control team's words about the players, so they live in a
file beside the control store (``<store>.beoordeling.jsonl``, one record a line, appended and
flushed), never as an event: no hub, peer or bundle carries them to a player. A later record for
the same expectation or objective replaces the earlier one when the file is read back; nothing
is rewritten, so the file is also the history of the judgement.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from data.i18n import N_, _
from data.scenario.model import Scenario

SUFFIX = ".beoordeling.jsonl"
MAX_TEXT = 2000

# what the control team may say about an expectation (the words of the CLI and the console)
VERDICTS = ("gehaald", "deels", "gemist")
#: the word that takes a verdict back: the automatic match counts again
CLEAR = "automatisch"

# HSEEP's four ratings, in Dutch
RATINGS = {
    "P": N_("uitgevoerd zonder problemen"),
    "S": N_("uitgevoerd met enkele problemen"),
    "M": N_("uitgevoerd met grote problemen"),
    "U": N_("niet uitgevoerd"),
}

FINDING_KINDS = {"sterk": N_("sterk punt"), "verbeter": N_("verbeterpunt")}


class JudgementError(ValueError):
    """A judgement that cannot be kept (message for a person)."""


@dataclass(frozen=True, slots=True)
class Override:
    inject: str
    expect: int  # 1-based, in the order of the inject's expectations
    verdict: str  # gehaald | deels | gemist
    note: str = ""


@dataclass(frozen=True, slots=True)
class Rating:
    objective: str
    rating: str  # P | S | M | U
    note: str = ""


@dataclass(frozen=True, slots=True)
class Finding:
    kind: str  # sterk | verbeter
    text: str
    objective: str = ""


@dataclass(frozen=True, slots=True)
class PlanItem:
    issue: str
    action: str
    owner: str
    due: str  # YYYY-MM-DD
    objective: str = ""


@dataclass(slots=True)
class Judgement:
    overrides: dict[tuple[str, int], Override] = field(default_factory=dict)
    ratings: dict[str, Rating] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)
    plan: list[PlanItem] = field(default_factory=list)


def judgement_path(db: str | os.PathLike[str]) -> Path:
    return Path(str(db) + SUFFIX)


def _text(value: str, what: str, required: bool = True) -> str:
    t = (value or "").strip()
    if required and not t:
        raise JudgementError(_("{what} is leeg").format(what=_(what)))
    if len(t) > MAX_TEXT:
        raise JudgementError(_("{what} is hoogstens {MAX_TEXT} tekens").format(
                                 what=_(what), MAX_TEXT=MAX_TEXT))
    return t


def _objective(scenario: Scenario, objective: str) -> str:
    o = (objective or "").strip()
    known = set(scenario.objectives) | {i.objective for i in scenario.injects if i.objective}
    if o and o not in known:
        raise JudgementError(_("doel '{objective}' staat niet in het draaiboek").format(
            objective=o) + (_(" (wel: {known})").format(known=", ".join(sorted(known)))
                            if known else ""))
    return o


def _append(db: str | os.PathLike[str], record: dict[str, Any]) -> None:
    with open(judgement_path(db), "a", encoding="utf-8") as f:
        f.write(json.dumps(record, ensure_ascii=False) + "\n")
        f.flush()
        os.fsync(f.fileno())


def judge(db: str | os.PathLike[str], scenario: Scenario, inject: str, expect: int,
          verdict: str, note: str = "") -> Override:
    """Keep the control team's verdict on expectation ``expect`` (1-based) of ``inject``."""
    inj = scenario.inject(inject.strip())
    if inj is None:
        raise JudgementError(_("inject '{inject}' staat niet in het draaiboek").format(
                                 inject=inject))
    if not inj.expect:
        raise JudgementError(_("inject {id} heeft geen verwachtingen").format(id=inj.id))
    if not 1 <= expect <= len(inj.expect):
        many = len(inj.expect)
        raise JudgementError(
            _("inject {id} heeft verwachting 1 tot en met {n}").format(id=inj.id, n=many)
            if many > 1 else _("inject {id} heeft één verwachting (1)").format(id=inj.id))
    v = (verdict or "").strip().casefold()
    if v not in (*VERDICTS, CLEAR):
        raise JudgementError(_("kies gehaald, deels, gemist of {clear} (het oordeel wissen; "
                               "niet '{verdict}')").format(clear=CLEAR, verdict=verdict))
    o = Override(inj.id, expect, v, _text(note, N_("de toelichting"), required=False))
    # a cleared verdict is a record too: the file stays the history of the judgement
    _append(db, {"kind": "override_cleared" if v == CLEAR else "override", **asdict(o)})
    return o


def rate(db: str | os.PathLike[str], scenario: Scenario, objective: str, rating: str,
         note: str = "") -> Rating:
    """Keep the trainer's P/S/M/U rating of one objective."""
    o = _objective(scenario, objective)
    if not o:
        raise JudgementError(_("welk doel? geef het doel-id"))
    r = (rating or "").strip().upper()
    if r not in RATINGS:
        raise JudgementError(_("kies P, S, M of U (niet '{rating}')").format(rating=rating))
    kept = Rating(o, r, _text(note, N_("de toelichting"), required=False))
    _append(db, {"kind": "rating", **asdict(kept)})
    return kept


def add_finding(db: str | os.PathLike[str], scenario: Scenario, kind: str, text: str,
                objective: str = "") -> Finding:
    """Keep a strength (``sterk``) or a point for improvement (``verbeter``)."""
    k = (kind or "").strip().casefold()
    if k not in FINDING_KINDS:
        raise JudgementError(_("kies sterk of verbeter (niet '{kind}')").format(kind=kind))
    f = Finding(k, _text(text, N_("de tekst")), _objective(scenario, objective))
    _append(db, {"kind": "finding", "finding": f.kind, "text": f.text,
                 "objective": f.objective})
    return f


def add_plan_item(db: str | os.PathLike[str], scenario: Scenario, issue: str, action: str,
                  owner: str, due: str, objective: str = "") -> PlanItem:
    """Keep one row of the improvement plan: issue, corrective action, owner, due date."""
    d = (due or "").strip()
    try:
        d = date.fromisoformat(d).isoformat()
    except ValueError:
        raise JudgementError(_("gereed-datum '{due}' is geen datum; schrijf JJJJ-MM-DD").format(
                                 due=due)) from None
    p = PlanItem(_text(issue, N_("het probleem")), _text(action, N_("de verbeteractie")),
                 _text(owner, N_("de eigenaar")), d, _objective(scenario, objective))
    _append(db, {"kind": "plan", **asdict(p)})
    return p


def load_judgement(db: str | os.PathLike[str]) -> Judgement:
    """The judgement as it stands (a half-written last line after a crash is skipped)."""
    j = Judgement()
    try:
        lines = judgement_path(db).read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        return j
    for line in lines:
        try:
            d = json.loads(line)
            kind = d["kind"]
            if kind == "override":
                o = Override(str(d["inject"]), int(d["expect"]), str(d["verdict"]),
                             str(d.get("note", "")))
                j.overrides[(o.inject, o.expect)] = o
            elif kind == "override_cleared":
                j.overrides.pop((str(d["inject"]), int(d["expect"])), None)
            elif kind == "rating":
                r = Rating(str(d["objective"]), str(d["rating"]), str(d.get("note", "")))
                j.ratings[r.objective] = r
            elif kind == "finding":
                j.findings.append(Finding(str(d["finding"]), str(d["text"]),
                                          str(d.get("objective", ""))))
            elif kind == "plan":
                j.plan.append(PlanItem(str(d["issue"]), str(d["action"]), str(d["owner"]),
                                       str(d["due"]), str(d.get("objective", ""))))
        except (ValueError, KeyError, TypeError):
            continue
    return j
