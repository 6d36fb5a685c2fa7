"""A coherent demo picture: a winter crisis in which a long power outage in Oost-5 and a C2000
outage coincide with high water on the Waal (the story is in :mod:`data.demo.story`).

Everything is made through the store's command API, so the demo exercises the same doors a user
does. On an empty store it lays down the picture; on a store that already holds one it continues
it (advances requests and actions, updates pictures, logs new traffic). ``extra_events`` scales
it up with realistic traffic for benchmarks.

The story is written by roles ("IM VNOG", "LOCC KCR2"); each role is played by one invented
person, so every line names a person and the function they worked in: "Sanne Brouwer (IM
VNOG)". The demo centre's own team signs in at the start (:data:`PEOPLE`). The demo is told
once, in time order; continuing it moves the picture on by the roles that would take each step.
"""

from __future__ import annotations

import random
from datetime import datetime, timedelta, timezone
from typing import Any, Callable

from data.bulk import gc_paused
from data.demo.story import Ref, story
from data.domain.enums import CAPABILITIES, FORWARDED_ONLY
from data.domain.lifecycles import next_states
from data.domain.regions import GROUPINGS, REGION_BY_CODE, REGIONS
from data.domain.validation import LOCAL_TZ
from data.store import Command, Store
from data.store.envelope import uuid7

OOST5 = list(GROUPINGS["Oost-5"])

#: the journal lines of the story (channel, direction, sender, recipient, text): the bulk
#: traffic of benchmarks draws from them
JOURNAL_LINES: list[tuple[str, str, str, str, str]] = [
    (p["channel"], p["direction"], p["sender"], p["recipient"], p["text"])
    for p in (s.payload for s in story("31-12") if s.type == "journal.logged")]

#: channels the bulk traffic reports on
TRAFFIC_CHANNELS = ("C2000", "NCV", "DARES", "telefoon", "mobiel", "satelliet")

#: payload fields that the story gives as hours before now
TIME_FIELDS = ("t0", "due", "eta", "needed_by", "sent_at", "last_contact", "opened_at",
               "restore_estimate")

#: who takes which step of a request: the requesting region asks, KCR2's LOCC handles
KCR2_STEPS = ("in_behandeling", "deels_toegezegd", "toegezegd", "afgewezen", "onderweg")


#: the demo centre's own team, each signed in under a function (invented names, issue 16)
PEOPLE = (("Fenna Dijkstra", "OL"), ("Joris Veenstra", "IM"), ("Lotte Brinkman", "plotter"),
          ("Sanne Kuipers", "CaCo"), ("Daan Verhoeven", "LO Defensie"),
          ("Mirthe Bosch", "waarnemer"))
#: channels of the demo centre's posts (made up; no real numbers)
POST_CHANNELS = {"OL": {"ncv": "NCV 9901", "c2000": "TG DEMO-OL"},
                 "IM": {"ncv": "NCV 9902", "satellite": "SAT 0099-02"},
                 "CaCo": {"c2000": "TG DEMO-CACO"}}

_GIVEN = ("Anouk", "Bram", "Claire", "Dirk", "Eline", "Frank", "Hanna", "Ivo", "Jet", "Koen",
          "Lieke", "Maarten", "Nadia", "Olaf", "Puck", "Ruben", "Saskia", "Tim", "Vera", "Wouter",
          "Yara", "Zeger")
_FAMILY = ("Aalders", "Bakker", "Colijn", "Dekker", "Evers", "Hoekstra", "Jansma", "Kok",
           "Lammers", "Meijer", "Nijland", "Oosting", "Postma", "Roelofs", "Smit", "Tuinstra",
           "Visser", "Wolters", "Zijlstra")


def person_of(role: str) -> str:
    """The author for a role of the story: one invented person per role, the same every run
    ("IM VNOG" -> "Hanna Postma (IM VNOG)"). An author that names a function already, or
    "systeem", stays as it is."""
    import zlib

    if "(" in role or role == "systeem":
        return role
    n = zlib.crc32(role.encode())
    return f"{_GIVEN[n % len(_GIVEN)]} {_FAMILY[(n // 31) % len(_FAMILY)]} ({role})"


def _ol(code: str) -> str:
    r = REGION_BY_CODE.get(code)
    return f"OL {r.short}" if r else f"OL {code}"


class Demo:
    """Builds or continues the demo picture on one store."""

    def __init__(self, store: Store, seed: int = 1, now: datetime | None = None) -> None:
        if not store.world.startswith("OEF-"):
            raise ValueError(f"demogegevens komen nooit in {store.world}: gebruik een "
                             "oefenwereld (OEF-…)")
        self.store = store
        self.rnd = random.Random(f"{seed}:{store.node_id}:{store.event_count()}")
        self.now = now or datetime.now(timezone.utc)

    def at(self, hours_ago: float) -> str:
        return (self.now - timedelta(hours=hours_ago)).strftime("%Y-%m-%dT%H:%M:%SZ")

    def run(self, extra_events: int = 0, progress: Callable[[int], None] | None = None) -> int:
        """Lay down or continue the picture, then add ``extra_events`` of traffic."""
        start = self.store.event_count()
        if not self.store.rows("incident"):
            self.build()
        else:
            self.continue_picture()
        if extra_events:
            self.traffic(extra_events, progress)
        return self.store.event_count() - start

    def _do(self, cmd: Command, author: str) -> str:
        ch = self.store.execute(cmd, person_of(author))
        return next(iter(ch.entities)) if ch.entities else cmd.entity

    def sign_in(self, hours_ago: float) -> None:
        """The demo centre's own team takes up its functions."""
        from data.domain.shifts import shift_command

        for name, function in PEOPLE:
            typ, payload, slot = shift_command(self.store.roles, self.store.node_id, "begin",
                                               function, name, **POST_CHANNELS.get(function, {}))
            if (self.store.entity(slot) or {}).get("status") == "in dienst":
                continue
            self.store.execute(Command(typ, payload, slot, occurred_at=self.at(hours_ago)),
                               f"{name} ({function})")

    # ------------------------------------------------------------------ base picture

    def build(self) -> None:
        """Tell the story once, in time order (the oldest step first)."""
        school = (self.now + timedelta(days=1)).astimezone(LOCAL_TZ).strftime("%d-%m-%Y")
        steps = sorted(story(school), key=lambda st: -st.hours)
        ids: dict[str, str] = {}

        def value(v: Any, name: str) -> Any:
            if isinstance(v, Ref):
                return ids[v.key]
            if name in TIME_FIELDS and isinstance(v, float):
                return self.at(v)
            return v

        with self.store.transaction():
            self.sign_in(max(st.hours for st in steps))
            for step in steps:
                payload = {k: value(v, k) for k, v in step.payload.items()}
                entity = value(step.entity, "") if step.entity else ""
                eid = self._do(Command(step.type, payload, entity=entity,
                                       occurred_at=self.at(step.hours)), step.author)
                if step.key:
                    ids[step.key] = eid

    # ------------------------------------------------------------------ continuation

    def continue_picture(self) -> None:
        """Move the existing picture on, each step by the role that takes it: KCR2 handles open
        requests and providers offer, owners move their actions, the Oost-5 channels recover a
        step, points report contact, and the rooms log one dated status line."""
        st = self.store
        now = self.at(0)
        stamp = (self.now.astimezone(LOCAL_TZ).strftime("%H:%M") +
                 f" (ronde {st.event_count()})")
        with st.transaction():
            for b in st.entities("bijstand"):
                if b.get("addressed_to") in FORWARDED_ONLY or self.rnd.random() < 0.5:
                    continue  # Defensie and the EU answer in their own time
                nxt = [s for s in next_states("bijstand", b["status"])
                       if s not in ("afgewezen", "ingetrokken", "afgelost")]
                if not nxt:
                    continue
                to, asker = nxt[0], b.get("requesting_region", "")
                if to in ("deels_toegezegd", "toegezegd"):
                    prov = self.rnd.choice([r.code for r in REGIONS
                                            if r.code not in OOST5 and r.code != asker])
                    self._do(Command("bijstand.offer_made", {
                        "offer_id": f"{b['id']}-{prov}-{self.rnd.randrange(10**6)}",
                        "provider": prov, "quantity": max(1, b.get("quantity", 1) // 2),
                        "eta": self.at(-2)}, entity=b["id"], occurred_at=now), _ol(prov))
                who = "LOCC KCR2" if to in KCR2_STEPS else _ol(asker)
                self._do(Command("bijstand.status_changed", {"to": to}, entity=b["id"],
                                 occurred_at=now), who)
            for a in st.entities("action"):
                nxt = [s for s in next_states("action", a["status"]) if s != "vervallen"]
                if nxt and self.rnd.random() < 0.4:
                    self._do(Command("action.status_changed", {"to": nxt[0]}, entity=a["id"],
                                     occurred_at=now),
                             str(a.get("owner") or "IM KCR2"))
            self._recover_comms()
            for n in st.entities("nsp"):
                if n.get("status") != "gesloten" and self.rnd.random() < 0.5:
                    self._do(Command("nsp.updated", {"last_contact": now}, entity=n["id"],
                                     occurred_at=now),
                             f"AC Bevolkingszorg {REGION_BY_CODE[n['region']].short}")
            points = [n for n in st.entities("nsp") if n.get("status") != "gesloten"]
            up = sum(n.get("status") == "operationeel" for n in points)
            outage = next((i for i in st.entities("incident")
                           if i.get("kind") == "stroomuitval"
                           and i.get("status") != "afgeschaald"), None)
            line: dict[str, Any] = {
                "channel": "LCMS", "direction": "uit", "sender": "IM KCR2", "recipient": "NCC",
                "text": f"Stand {stamp}: {up} van {len(points)} noodsteunpunten operationeel."}
            if outage is not None:
                line["incident_id"] = outage["id"]
            self._do(Command("journal.logged", line, occurred_at=now), "IM KCR2")

    def _recover_comms(self) -> None:
        """One Oost-5 channel cell that is down or disturbed comes back one step."""
        better = {"uitgevallen": "verstoord", "verstoord": "operationeel"}
        cells = [c for c in self.store.entities("comms")
                 if c.get("region") in OOST5 and c.get("state") in better]
        for c in self.rnd.sample(cells, min(3, len(cells))):
            who = f"IM {REGION_BY_CODE[c['region']].short}"
            self._do(Command("comms.reported", {"region": c["region"], "channel": c["channel"],
                                                "state": better[c["state"]],
                                                "note": "hersteld na stroomterugkeer"},
                             occurred_at=self.at(0)), who)

    # ------------------------------------------------------------------ bulk traffic

    def traffic(self, n: int, progress: Callable[[int], None] | None = None) -> None:
        """Add about ``n`` events of realistic traffic, in transactions of a few thousand."""
        st = self.store
        incidents = [r[0] for r in st.rows("incident")]
        open_bijstand: list[tuple[str, str]] = []
        caps = list(CAPABILITIES)
        done = 0
        hours = 30.0
        while done < n:
            with gc_paused(), st.transaction():
                batch = min(5000, n - done)
                cmds: list[tuple[Command, str]] = []
                for i in range(batch):
                    x = self.rnd.random()
                    when = self.at(hours * (1 - (done + i) / n))
                    if x < 0.72:
                        ch, d, frm, to, text = self.rnd.choice(JOURNAL_LINES)
                        cmds.append((Command("journal.logged", {
                            "channel": ch, "direction": d, "sender": frm, "recipient": to,
                            "text": text, "key": self.rnd.random() < 0.03,
                            "incident_id": self.rnd.choice(incidents)}, occurred_at=when),
                            "IM KCR2"))
                    elif x < 0.86:
                        r = self.rnd.choice(REGIONS)
                        cmds.append((Command("comms.reported", {
                            "region": r.code, "channel": self.rnd.choice(TRAFFIC_CHANNELS),
                            "state": self.rnd.choice(["operationeel", "verstoord",
                                                      "uitgevallen"])}, occurred_at=when),
                            f"IM {r.short}"))
                    elif x < 0.92 or not open_bijstand:
                        reg = self.rnd.choice(REGIONS).code
                        cmds.append((Command("bijstand.requested", {
                            "requesting_region": reg, "addressed_to": "KCR2",
                            "capability": self.rnd.choice(caps),
                            "quantity": self.rnd.randint(1, 8), "status": "ingediend"},
                            entity=uuid7(), occurred_at=when), _ol(reg)))
                        open_bijstand.append((cmds[-1][0].entity, "ingediend"))
                    else:
                        k = self.rnd.randrange(len(open_bijstand))
                        bid, cur = open_bijstand[k]
                        nxt = [s for s in next_states("bijstand", cur)
                               if s not in ("afgewezen", "ingetrokken", "deels_toegezegd",
                                            "afgelost")]
                        if not nxt:
                            # finished: swap-remove (O(1)) and log the end in the journal, so
                            # the batch still adds one event per step
                            open_bijstand[k] = open_bijstand[-1]
                            open_bijstand.pop()
                            cmds.append((Command("journal.logged", {
                                "channel": "NCV", "text": f"Bijstand {bid} beëindigd"},
                                occurred_at=when), "IM KCR2"))
                            continue
                        who = "LOCC KCR2" if nxt[0] in KCR2_STEPS else "OL aanvrager"
                        cmds.append((Command("bijstand.status_changed", {"to": nxt[0]},
                                             entity=bid, occurred_at=when), who))
                        open_bijstand[k] = (bid, nxt[0])
                for c, who in cmds:
                    self.store.execute(c, person_of(who))
                done += batch
            if progress:
                progress(done)
