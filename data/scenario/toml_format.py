"""Scenario files in TOML (``format = 1``).

::

    format = 1
    id = "donker-oosten"
    title = "Donker Oosten"
    t0 = "2027-01-19T05:40:00Z"
    regions = ["VR04", "VR05"]
    centres = ["VNOG", "KCR2"]          # playing centres
    [objectives]
    D1 = "Gedeeld beeld binnen 90 minuten"

    [[inject]]
    id = "A01"
    at = "+00:00"                       # any time form of data.scenario.times
    from = "Netbeheerder"
    to = "ROT VNOG"
    channel = "telefoon"
    message = "…"
    objective = "D1"
    notes = "alleen voor de spelleiding"
    contingency = false                 # true: fires only on a missed expectation

      [[inject.event]]                  # what it becomes (default: one journal message)
      type = "incident.reported"
      entity = "inc-stroom"             # a stable id later injects refer to
      author = "OL VNOG"                # who says it in the story (the trainer signs it)
      title = "…"                       # every other key is payload

      [[inject.expect]]
      type = "bijstand.requested"
      where = { requesting_region = "VR06" }
      within = "+00:45"
      contingency = "A05b"

tomllib gives no line per key, so :class:`Lines` finds the line of each ``[[inject]]`` table
and of the keys inside it in the text itself.
"""

from __future__ import annotations

import re
import tomllib
from datetime import datetime
from pathlib import Path
from typing import Any

from data.clock import parse_iso
from data.domain.regions import resolve_region
from data.i18n import _
from data.oswords import damage_words, os_words, toml_words
from data.scenario.check import Problem, check
from data.scenario.model import EventSpec, Expectation, Inject, Scenario
from data.scenario.times import TimeError, parse_time, resolve

FORMAT = 1
_HEADER = re.compile(r"^\s*\[\[\s*(inject(?:\.event|\.expect)?)\s*\]\]")
_ANY_HEADER = re.compile(r"^\s*\[")
_KEY = re.compile(r"^\s*([A-Za-z0-9_\-\"]+)\s*=")


class ScenarioError(ValueError):
    """A scenario file that cannot be played; ``problems`` lists every problem found."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(map(str, problems)))


class Lines:
    """Line numbers of the inject tables and their keys in a scenario text."""

    def __init__(self, text: str) -> None:
        self.injects: list[dict[str, Any]] = []  # per inject: start, keys, event/expect lists
        self.top: dict[str, int] = {}
        cur: dict[str, int] | None = None
        for no, line in enumerate(text.splitlines(), 1):
            m = _HEADER.match(line)
            if m:
                kind = m.group(1)
                if kind == "inject":
                    self.injects.append({"start": no, "keys": {"": no}, "event": [],
                                         "expect": []})
                    cur = self.injects[-1]["keys"]
                elif self.injects:
                    sub = {"": no}
                    self.injects[-1][kind.split(".")[1]].append(sub)
                    cur = sub
                continue
            if _ANY_HEADER.match(line):
                cur = None if self.injects else self.top
                continue
            k = _KEY.match(line)
            if k:
                target = cur if cur is not None else (self.top if not self.injects else None)
                if target is not None:
                    target.setdefault(k.group(1).strip('"'), no)

    def locate(self, i: int, sub: str, j: int, key: str) -> int:
        if i < 0 or i >= len(self.injects):
            return self.top.get(key, 1)
        inj = self.injects[i]
        if sub in ("event", "expect") and j < len(inj[sub]):
            table = inj[sub][j]
            return int(table.get(key, table[""]))
        return int(inj["keys"].get(key, inj["start"]))


def load(path: str | Path) -> Scenario:
    """Read and check a scenario file; raises :class:`ScenarioError` with every problem."""
    sc, problems = read(path)
    if problems or sc is None:
        raise ScenarioError(problems)
    return sc


def read(path: str | Path) -> tuple[Scenario | None, list[Problem]]:
    """The scenario of a file and its problems (the scenario is None when unreadable)."""
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8-sig")
    except OSError as e:
        return None, [Problem(0, _("{p} kan niet worden gelezen: {why}").format(
            p=p, why=os_words(e, reading=True)))]
    except UnicodeDecodeError as e:
        return None, [Problem(0, _("{p} kan niet worden gelezen: {why}").format(
            p=p, why=damage_words(e)))]
    return parse(text, source=str(p))


def parse(text: str, source: str = "") -> tuple[Scenario | None, list[Problem]]:
    try:
        doc = tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        return None, [Problem(*toml_words(e))]
    lines = Lines(text)
    problems: list[Problem] = []
    loc = lines.locate
    if doc.get("format") != FORMAT:
        problems.append(Problem(loc(-1, "", 0, "format"),
                                f"zet format = {FORMAT} bovenaan (dit bestand: "
                                f"{doc.get('format', 'geen')})"))
    t0: datetime | None = None
    try:
        t0 = parse_iso(str(doc["t0"])) if "t0" in doc else None
    except ValueError:
        problems.append(Problem(loc(-1, "", 0, "t0"),
                                "t0 is geen moment; schrijf bv. \"2027-01-19T05:40:00Z\""))
    objectives = doc.get("objectives", {})
    if not isinstance(objectives, dict):
        problems.append(Problem(loc(-1, "", 0, "objectives"),
                                "objectives moet een tabel zijn (id = \"omschrijving\")"))
        objectives = {}
    raw = doc.get("inject", [])
    if not isinstance(raw, list) or not raw:
        problems.append(Problem(0, "het scenario heeft geen injects ([[inject]])"))
        raw = []
    injects: list[Inject] = []
    whens = []
    for n, d in enumerate(raw):
        inj, when = _inject(n, d, loc, problems)
        injects.append(inj)
        whens.append(when)
    if t0 is None:
        t0 = parse_iso("2027-01-01T00:00:00Z")
    for inj, when, off in zip(injects, whens, resolve(whens, t0)):
        inj.offset_s = off
    regions = [str(r) for r in doc.get("regions", [])]
    sc = Scenario(
        id=str(doc.get("id") or Path(source).stem or "scenario"), title=str(doc.get("title", "")),
        t0=t0, description=str(doc.get("description", "")).strip(),
        regions=[resolve_region(r).code if resolve_region(r) else r  # type: ignore[union-attr]
                 for r in regions],
        centres=[str(c) for c in doc.get("centres", [])],
        objectives={str(k): str(v) for k, v in objectives.items()}, injects=injects,
        source=source)
    problems += check(sc, loc)
    return sc, sorted(problems, key=lambda p: p.line)


_INJECT_KEYS = {"id", "at", "from", "to", "channel", "message", "kind", "objective", "notes",
                "contingency", "event", "expect"}


def _inject(n: int, d: Any, loc: Any, problems: list[Problem]) -> tuple[Inject, Any]:
    from data.scenario.times import When

    if not isinstance(d, dict):
        problems.append(Problem(loc(n, "", 0, ""), "een inject moet een tabel zijn"))
        return Inject(id=f"?{n}", offset_s=0, message=""), When("offset")
    for k in sorted(set(d) - _INJECT_KEYS):
        problems.append(Problem(loc(n, "", 0, k), f"onbekend veld '{k}' in een inject (bedoelt u "
                                f"een van: {', '.join(sorted(_INJECT_KEYS))}?)"))
    iid = str(d.get("id", ""))
    if not iid:
        problems.append(Problem(loc(n, "", 0, ""), "inject zonder id"))
    try:
        when = parse_time(d.get("at", ""))
    except TimeError as e:
        problems.append(Problem(loc(n, "", 0, "at"), f"inject {iid}: tijd 'at': {e}"))
        when = When("offset")
    events = []
    for raw in d.get("event", []):
        ev = dict(raw)
        typ = str(ev.pop("type", ""))
        entity = str(ev.pop("entity", ""))
        author = str(ev.pop("author", ""))
        events.append(EventSpec(typ, ev, entity, author))
    expect = []
    for j, x in enumerate(d.get("expect", [])):
        within = 1800
        try:
            w = parse_time(x.get("within", "+00:30"))
            within = w.seconds if w.kind == "offset" else -1
            if w.kind != "offset":
                raise TimeError(_("schrijf de termijn als duur, bv. +00:30"))
        except TimeError as err:
            problems.append(Problem(loc(n, "expect", j, "within"),
                                    f"inject {iid}: termijn: {err}"))
        where = x.get("where", {})
        expect.append(Expectation(str(x.get("type", "")), dict(where) if isinstance(where, dict)
                                  else {}, within, str(x.get("text", "")),
                                  str(x.get("contingency", ""))))
    inj = Inject(id=iid, offset_s=0, message=str(d.get("message", "")).strip(),
                 sender=str(d.get("from", "")), recipient=str(d.get("to", "")),
                 channel=str(d.get("channel", "telefoon")), kind=str(d.get("kind", "")),
                 objective=str(d.get("objective", "")), notes=str(d.get("notes", "")).strip(),
                 events=events, expect=expect, contingency=bool(d.get("contingency", False)),
                 line=loc(n, "", 0, ""))
    return inj, when
