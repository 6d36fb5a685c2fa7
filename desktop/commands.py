"""Wiring of the views' requests to forms and commands (what each button and drag does).

A command goes to the store as a :class:`~desktop.ops.CollectionOp`; the store's messages come
back next to the form's fields, and its ``Changes`` to every view."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from data.domain import geo
from data.domain.enums import label
from data.domain.events import INCIDENT_FIELDS
from data.domain.lifecycles import next_states
from data.domain.regions import REGION_BY_CODE, region_label
from data.domain.validation import ValidationError
from data.picture.bob import picture
from data.picture.decisions import kind_of
from data.picture.notifications import us
from data.store import Changes, Command, Store, StoreError, queries
from data.store.envelope import uuid7
from desktop import reads
from desktop.context import Context
from desktop.ops import CollectionOp, QueryOp
from widgets.bijstand_view import BijstandView
from widgets.comms_matrix import CommsMatrix
from widgets.conflict_inbox import ConflictInbox
from widgets.decisions_view import DecisionsView
from widgets.forms import CommandForm, FormDialog
from widgets.incidents_view import IncidentsView
from widgets.journal_view import JournalView
from widgets.nsp_view import NspView
from widgets.public_view import PublicView

Errors = list[tuple[str, str]]


@dataclass
class Views:
    """The views whose requests become commands."""

    incidents: IncidentsView
    bijstand: BijstandView
    decisions: DecisionsView
    journal: JournalView
    comms: CommsMatrix
    nsp: NspView
    conflicts: ConflictInbox
    public: PublicView | None = None


def _node_and_name(ctx: Context) -> tuple[str, str]:
    try:
        ident = queries.identity(str(ctx.path))
    except Exception:  # noqa: BLE001 - no identity: no default region, nothing else changes
        return "", ""
    return ident["node_id"], ident["name"]


#: why a write is refused while Terugkijken shows a past picture
FROZEN_MESSAGE = QT_TRANSLATE_NOOP(
    "CommandWiring", "Niet opgeslagen: u kijkt terug naar een eerder beeld. Wijzigen kan alleen "
                     "in het actuele beeld; druk op Esc om terug te gaan naar nu.")


def field_errors(e: Exception) -> Errors:
    """A refusal as (field label, message) pairs for the form."""
    if isinstance(e, ValidationError):
        return list(e.errors)
    if isinstance(e, StoreError):
        return [("", str(e))]
    return [("", QCoreApplication.translate("CommandWiring", "onverwachte fout: {0}").format(e))]


class CommandWiring:
    """Opens the right form for a request and sends its command to the store."""

    def __init__(self, ctx: Context, views: Views) -> None:
        self.ctx = ctx
        self.v = views
        self.dialog: FormDialog | None = None  # the open form (tests look at it)
        # picture: forms default to the region of the own centre (none for KCR2)
        self.home = us(*_node_and_name(ctx)).region
        #: told (kind, id) when a form created an incident or a bijstand request
        self.on_created: Callable[[str, str], None] | None = None

    def region(self) -> str:
        """The region a new form starts with: the region filter, else the own centre's."""
        return self.ctx.region() or self.home

    def tr(self, text: str) -> str:
        return QCoreApplication.translate("CommandWiring", text)

    def execute(self, commands: list[Command], on_ok: Callable[[Changes], None] | None = None,
                on_fail: Callable[[Errors], None] | None = None) -> None:
        """Send commands to the store; the callbacks run on the GUI thread when it answered
        (after every view got the changes)."""
        author, ctx = self.ctx.author, self.ctx
        if ctx.frozen():  # Terugkijken: the views show a past picture
            msg = self.tr(FROZEN_MESSAGE)
            ctx.status(msg)
            if on_fail:
                on_fail([("", msg)])
            return

        def write(st: Store) -> Changes:
            return st.execute(commands, author)

        def ok(changes: Changes) -> None:
            ctx.status(self.tr("opgeslagen"))
            if on_ok:
                on_ok(changes)

        def fail(e: Exception) -> None:
            ctx.status(self.tr("niet opgeslagen: {0}").format(e))
            if on_fail:
                on_fail(field_errors(e))

        ctx.status(self.tr("opslaan…"))
        CollectionOp(ctx.ops, write).success(ok).failure(fail).run_in_background()

    def wire(self) -> None:
        w = self.v
        w.incidents.sig_new.connect(self.new_incident)
        w.incidents.sig_edit.connect(self.edit_incident)
        w.incidents.sig_status.connect(self.incident_status)
        w.incidents.sig_picture.connect(self.incident_picture)
        w.incidents.sig_picture_discipline.connect(self.incident_picture)
        w.incidents.sig_judgement.connect(self.incident_judgement)
        w.bijstand.sig_new.connect(self.new_bijstand)
        w.bijstand.sig_offer.connect(self.bijstand_offer)
        w.bijstand.sig_withdraw_offer.connect(self.bijstand_withdraw)
        w.bijstand.sig_forward.connect(self.bijstand_forward)
        w.bijstand.sig_offer_update.connect(self.bijstand_offer_update)
        w.bijstand.sig_status.connect(self.bijstand_status)
        w.bijstand.board.sig_transition_requested.connect(self.bijstand_move)
        w.decisions.sig_open_session.connect(self.new_session)
        w.decisions.sig_record.connect(self.record_decision)
        w.decisions.sig_amend.connect(self.amend_decision)
        w.decisions.sig_revoke.connect(self.revoke_decision)
        w.decisions.sig_new_action.connect(self.new_action)
        w.decisions.sig_action_status.connect(self.action_status)
        w.decisions.sig_close_session.connect(self.close_session)
        w.decisions.sig_edit_action.connect(self.edit_action)
        w.decisions.sig_adoption.connect(self.report_adoption)
        w.decisions.sig_reattach.connect(self.reattach_action)
        w.bijstand.sig_edit.connect(self.edit_bijstand)
        w.nsp.sig_new.connect(self.new_nsp)
        if w.public is not None:
            w.public.sig_new_alert.connect(self.new_alert)
            w.public.sig_report_capacity.connect(self.report_capacity)
            w.public.sig_report_partner.connect(self.report_partner)
            w.public.sig_report_centre.connect(self.report_centre)
        w.nsp.sig_edit.connect(self.edit_nsp)
        w.journal.sig_submitted.connect(self.log_journal)
        w.comms.sig_cell_activated.connect(self.report_comms)
        w.conflicts.sig_resolve.connect(self.resolve_conflict)

    # ------------------------------------------------------------------ helpers

    def _incident_choices(self) -> list[tuple[str, str]]:
        return [("", "—")] + [(s["id"], s.get("title", ""))
                              for s in self.ctx.picture.state.incidents
                              if s.get("status") != "afgeschaald"]  # i.e. afgesloten

    def form(self, title: str, event_type: str, entity: str = "",
             fields: Sequence[str] | None = None,
             choices: dict[str, Sequence[tuple[str, str]]] | None = None,
             initial: dict[str, Any] | None = None, fixed: dict[str, Any] | None = None,
             only_changed: bool = False,
             after: Callable[[Changes], None] | None = None) -> FormDialog:
        """Open a form for one command; it closes when the store took it, and shows the
        store's messages next to the fields when not."""
        form = CommandForm(event_type, fields, choices, initial, with_time=not entity)
        dlg = FormDialog(title, form, self.ctx.window)
        self.dialog = dlg

        def submit(typ: str, payload: dict[str, Any]) -> None:
            if only_changed and initial:
                payload = {k: v for k, v in payload.items()
                           if _norm(v, initial.get(k)) != _norm(initial.get(k))}
            payload.update(fixed or {})
            form.clear_errors()
            # the route of bijstand (a region asks KCR2 or a neighbour; only KCR2 goes on to
            # JFC or the EU) is a rule of the command table: the store refuses, fail() shows it
            # re-keying paper: the form's time is when it happened (issue 12)
            from data.picture.rekey import parse_time_field

            try:
                occurred = parse_time_field(form.time_text(), self.ctx.clock)
            except ValueError as e:
                form.show_errors([(CommandForm.TIME, str(e))])
                return
            if occurred is not None:  # re-keyed from paper: marked, whatever the form
                payload["nagekomen"] = True
            dlg.buttons.setEnabled(False)

            def ok(ch: Changes) -> None:
                dlg.buttons.setEnabled(True)
                dlg.done_ok()
                made = [(k, e) for e, k in ch.entities.items() if k in ("incident", "bijstand")]
                if not entity and made and self.on_created is not None:
                    self.on_created(*made[0])
                if after:
                    after(ch)

            def fail(errs: list[tuple[str, str]]) -> None:
                dlg.buttons.setEnabled(True)
                form.show_errors(errs)

            self.execute([Command(typ, payload, entity=entity, occurred_at=occurred)], ok,
                         fail)

        form.sig_submitted.connect(submit)
        dlg.open()
        return dlg

    def _status_form(self, kind: str, event_type: str, eid: str, current: str,
                     what: str) -> FormDialog | None:
        nxt = next_states(kind, current)
        if not nxt:
            self.ctx.status(self.tr("{0}: geen volgende status na {1}").format(what,
                                                                                label(current)))
            return None
        return self.form(self.tr("Status wijzigen — {0} (nu {1})").format(what, label(current)),
                         event_type, eid, ["to", "reason"],
                         choices={"to": [(s, label(s)) for s in nxt]},
                         fixed={"from": current})

    def _state(self, kind: str, eid: str) -> dict[str, Any]:
        p = self.ctx.picture.state
        states = {"incident": p.incidents, "session": p.sessions, "decision": p.decisions,
                  "action": p.actions, "nsp": p.nsp}[kind]
        return next((s for s in states if s["id"] == eid), {})

    # ------------------------------------------------------------------ incidents

    def new_incident(self) -> None:
        self.ctx.navigate("incidenten")
        self.form(self.tr("Incident melden"), "incident.reported",
                  initial={"regions": [self.region()] if self.region() else []})

    def edit_incident(self, eid: str) -> None:
        s = self._state("incident", eid)
        fields = ["title", "kind", "regions", "location", "point", "effect_radius_m",
                  "effect_polygon", "t0", "phase", "teams", "classification"]
        self.form(self.tr("Incident bijwerken"), "incident.updated", eid, fields,
                  initial={k: s.get(k) for k in fields}, only_changed=True)

    def incident_status(self, eid: str) -> None:
        s = self._state("incident", eid)
        self._status_form("incident", "incident.status_changed", eid, s.get("status", ""),
                          s.get("title", ""))

    def incident_picture(self, eid: str, discipline: str = "algemeen") -> None:
        """One discipline's beeld (Beeld–Oordeel–Besluit), starting from its current text."""
        s = self._state("incident", eid)
        current = picture(s, discipline).current
        self.form(self.tr("Beeld bijwerken — {0} — {1}").format(label(discipline),
                                                                  s.get("title", "")),
                  "incident.picture_updated", eid, ["beeld"],
                  initial={"beeld": current.text if current else ""},
                  fixed={"discipline": discipline})

    def incident_judgement(self, eid: str) -> None:
        """The Oordeel: analysis, dilemmas, prognosis, next scale-up or scale-down; only the
        parts changed are sent (each update is a version)."""
        s = self._state("incident", eid)
        fields = ["analysis", "dilemmas", "prognosis", "scaling"]
        self.form(self.tr("Oordeel bijwerken — {0}").format(s.get("title", "")),
                  "incident.judgement_updated", eid, fields,
                  initial={k: (s.get("oordeel") or {}).get(k) for k in fields},
                  only_changed=True)

    # ------------------------------------------------------------------ bijstand

    def new_bijstand(self) -> None:
        self.ctx.navigate("bijstand")
        init = {"requesting_region": self.region()} if self.region() else {}
        self.form(self.tr("Bijstand aanvragen"), "bijstand.requested",
                  fields=["requesting_region", "addressed_to", "capability", "capability_text",
                          "quantity", "unit", "needed_by", "meldplaats", "meldplaats_point",
                          "priority",
                          "competent_authority", "contact_function", "task", "duration",
                          "relief", "under_command_of", "logistics", "cost_agreement",
                          "incident_id", "status", "classification"],
                  choices={"incident_id": self._incident_choices()}, initial=init)

    def _bij(self, eid: str) -> tuple[Any, ...] | None:
        return self.ctx.picture.state.bijstand.get(eid)

    def bijstand_offer(self, eid: str) -> None:
        r = self._bij(eid)
        self.form(self.tr("Aanbod doen — {0}").format(r[4] if r else eid),
                  "bijstand.offer_made", eid, ["provider", "quantity", "eta", "commander",
                                               "self_sufficient_hours", "note"],
                  fixed={"offer_id": uuid7()},
                  initial={"provider": self.home} if self.home else None)

    def bijstand_forward(self, eid: str) -> None:
        """KCR2 puts a region's request to Defensie (JFC) or the EU (UCPM) as a sub-request
        linked to it; the region's own request stays where it is."""
        def go(state: dict[str, Any]) -> None:
            keep = ("capability", "capability_text", "quantity", "unit", "needed_by",
                    "meldplaats", "priority", "incident_id", "task", "duration",
                    "under_command_of", "logistics", "competent_authority", "contact_function")
            self.form(self.tr("Doorzetten als deelverzoek (beschikbaarheid onzeker)"),
                      "bijstand.requested",
                      fields=["addressed_to", "state_request", "capability", "capability_text",
                              "quantity", "unit", "needed_by", "task", "duration",
                              "under_command_of", "logistics", "contact_function", "status"],
                      choices={"addressed_to": [("JFC", self.tr("Defensie (JFC)")),
                                                ("UCPM", self.tr("EU (UCPM)"))]},
                      initial={k: state.get(k) for k in keep if state.get(k) is not None},
                      fixed={"parent_id": eid,
                             "requesting_region": state.get("requesting_region")})
        self._with_entity(eid, go)

    def bijstand_offer_update(self, eid: str) -> None:
        def go(state: dict[str, Any]) -> None:
            offers = [(oid, f"{region_label(o.get('provider', ''))}: {o.get('quantity')}")
                      for oid, o in (state.get("offers") or {}).items() if not o.get("withdrawn")]
            if not offers:
                self.ctx.status(self.tr("geen aanbod om bij te werken"))
                return
            self.form(self.tr("Aanbod bijwerken"), "bijstand.offer_updated", eid,
                      ["offer_id", "status", "commander", "eta", "note"],
                      choices={"offer_id": offers})
        self._with_entity(eid, go)

    def bijstand_withdraw(self, eid: str) -> None:
        def go(state: dict[str, Any]) -> None:
            offers = [(oid, f"{region_label(o.get('provider', ''))}: {o.get('quantity')}")
                      for oid, o in (state.get("offers") or {}).items() if not o.get("withdrawn")]
            if not offers:
                self.ctx.status(self.tr("geen aanbod om in te trekken"))
                return
            self.form(self.tr("Aanbod intrekken"), "bijstand.offer_withdrawn", eid,
                      ["offer_id", "reason"], choices={"offer_id": offers})
        self._with_entity(eid, go)

    def _with_entity(self, eid: str, fn: Callable[[dict[str, Any]], None]) -> None:
        """Load one entity's full state in the reader, then call ``fn`` with it (on the GUI
        thread)."""
        def call(state: dict[str, Any] | None) -> None:
            if state:
                fn(state)
        QueryOp(self.ctx.ops, reads.entity(eid)).success(call).run_in_background()

    def bijstand_status(self, eid: str) -> None:
        r = self._bij(eid)
        if r:
            self._status_form("bijstand", "bijstand.status_changed", eid, r[1], r[4])

    def bijstand_move(self, eid: str, frm: str, to: str) -> None:
        """A card was dragged or moved by keyboard."""
        def ok(_c: Changes) -> None:
            self.v.bijstand.board.select(eid)

        def fail(errs: list[tuple[str, str]]) -> None:
            self.ctx.status("; ".join(m for _f, m in errs))

        self.execute([Command("bijstand.status_changed", {"from": frm, "to": to},
                                  entity=eid)], ok, fail)

    # ------------------------------------------------------------------ IRBT

    def new_session(self) -> None:
        self.ctx.navigate("besluiten")
        self.form(self.tr("Sessie openen (ROT, GBT, RBT of IRBT)"), "irbt.session_opened",
                  fields=["team", "title", "regions", "chair", "medium", "incident_id",
                          "classification"],
                  choices={"incident_id": self._incident_choices()})

    def record_decision(self, sid: str) -> None:
        nums = [int(d.get("number") or 0) for d in self.ctx.picture.state.decisions
                if d.get("session_id") == sid]
        sess = self._state("session", sid)
        incidents = self._incident_choices()
        # the incident it concerns: the one selected in Incidenten, else the session's
        about = next((i for i in (self.v.incidents.current(), sess.get("incident_id"))
                      if i and i in dict(incidents)), "")
        self.form(self.tr("Besluit vastleggen — {0}").format(sess.get("title", "")),
                  "decision.recorded", fields=["number", "kind", "key", "text", "rationale",
                                               "incident_id", "regions", "classification"],
                  choices={"incident_id": incidents},
                  initial={"number": max(nums, default=0) + 1,
                           "regions": sess.get("regions") or [], "incident_id": about,
                           # an IRBT agrees; each voorzitter adopts it for their region
                           "kind": kind_of({}, sess)},
                  fixed={"session_id": sid})

    def report_adoption(self, did: str) -> None:
        d = self._state("decision", did)
        regs = [(r, region_label(r)) for r in d.get("regions") or []]
        self.form(self.tr("Overname melden — {0} {1}").format(
            label(kind_of(d)), d.get("number", "")), "decision.adoption_reported", did,
                  ["region", "state", "note"], choices={"region": regs} if regs else None)

    def reattach_action(self, aid: str) -> None:
        a = self._state("action", aid)
        standing = [(d["id"], f"{d.get('number', '?')}: {str(d.get('text', ''))[:60]}")
                    for d in self.ctx.picture.state.decisions
                    if d.get("status") != "ingetrokken" and d["id"] != a.get("decision_id")]
        if not standing:
            self.ctx.status(self.tr("geen ander besluit om de actie onder te hangen"))
            return
        self.form(self.tr("Actie onder ander besluit"), "action.reattached", aid,
                  ["decision_id", "reason"], choices={"decision_id": standing})

    def amend_decision(self, did: str) -> None:
        d = self._state("decision", did)
        self.form(self.tr("Besluit {0} wijzigen (nieuwe versie)").format(d.get("number")),
                  "decision.amended", did, ["text", "rationale", "regions"],
                  initial={k: d.get(k) for k in ("text", "rationale", "regions")})

    def revoke_decision(self, did: str) -> None:
        d = self._state("decision", did)
        self.form(self.tr("Besluit {0} intrekken").format(d.get("number")),
                  "decision.revoked", did, ["reason"])

    def new_action(self, did: str) -> None:
        d = self._state("decision", did)
        self.form(self.tr("Actie bij besluit {0}").format(d.get("number")), "action.created",
                  fields=["text", "owner", "due", "classification"], fixed={"decision_id": did})

    def action_status(self, aid: str) -> None:
        a = self._state("action", aid)
        self._status_form("action", "action.status_changed", aid, a.get("status", ""),
                          a.get("text", "")[:60])

    def close_session(self, sid: str) -> None:
        sess = self._state("session", sid)
        self.form(self.tr("IRBT-sessie sluiten — {0}").format(sess.get("title", "")),
                  "irbt.session_closed", sid, ["note"])

    def edit_action(self, aid: str) -> None:
        a = self._state("action", aid)
        fields = ["text", "owner", "due"]
        self.form(self.tr("Actie bijwerken"), "action.updated", aid, fields,
                  initial={k: a.get(k) for k in fields}, only_changed=True)

    def edit_bijstand(self, eid: str) -> None:
        fields = ["quantity", "unit", "needed_by", "meldplaats", "meldplaats_point", "priority",
                  "capability_text",
                  "competent_authority", "contact_function", "task", "duration", "relief",
                  "under_command_of", "logistics", "cost_agreement", "classification"]

        def go(state: dict[str, Any]) -> None:
            self.form(self.tr("Bijstandsverzoek bijwerken"), "bijstand.updated", eid,
                      fields, initial={k: state.get(k) for k in fields}, only_changed=True)
        self._with_entity(eid, go)

    # ------------------------------------------------------------------ publiek en schaarste

    def new_alert(self) -> None:
        init = {"regions": [self.region()]} if self.region() else {}
        self.form(self.tr("NL-Alert vastleggen"), "alert.issued", initial=init,
                  choices={"incident_id": self._incident_choices()})

    def report_capacity(self) -> None:
        self.form(self.tr("Schaars middel melden (prioritering)"), "capacity.reported")

    def report_partner(self) -> None:
        init = {"region": self.region()} if self.region() else {}
        self.form(self.tr("Vitale partner melden"), "partner.reported", initial=init)

    def report_centre(self) -> None:
        """A centre's active teams and continuity; the newest report of each field counts."""
        init = {"centre": self.ctx.region()} if self.ctx.region() else {}
        self.form(self.tr("Centrum melden (opschaling, continuïteit)"), "centre.reported",
                  initial=init, choices={"incident_id": self._incident_choices()})

    # ------------------------------------------------------------------ noodsteunpunten

    def new_nsp(self) -> None:
        init = {"region": self.region()} if self.region() else {}
        self.form(self.tr("Noodsteunpunt registreren"), "nsp.registered", initial=init,
                  choices={"incident_id": self._incident_choices()})

    def edit_nsp(self, eid: str) -> None:
        s = self._state("nsp", eid)
        fields = ["status", "incident_id", "power", "comms", "opened_at", "last_contact", "name",
                  "host_type", "municipality", "point", "functions", "not_offered"]
        self.form(self.tr("Noodsteunpunt bijwerken — {0}").format(s.get("name", "")),
                  "nsp.updated", eid, fields, initial={k: s.get(k) for k in fields},
                  choices={"incident_id": self._incident_choices()}, only_changed=True)

    # ------------------------------------------------------------------ journal, comms, conflicts

    def log_journal(self, payload: dict[str, Any]) -> None:
        entry = self.v.journal.entry

        def fail(errs: list[tuple[str, str]]) -> None:
            entry.show_error("; ".join(f"{f}: {m}" if f else m for f, m in errs))

        # re-keying paper: a leading '14:05 ' is when it happened (kept as occurred_at, and
        # the line is marked nagekomen so it sorts where it belongs)
        from data.picture.rekey import split_leading_time

        occurred, text = split_leading_time(str(payload.get("text") or ""), self.ctx.clock)
        if occurred is not None:
            payload = {**payload, "text": text, "nagekomen": True}
        self.execute([Command("journal.logged", payload, occurred_at=occurred)],
                     lambda _c: entry.saved(), fail)

    def report_comms(self, region: str, channel: str, current: str) -> None:
        r = REGION_BY_CODE.get(region)
        self.form(self.tr("Verbinding melden — {0}, {1} (nu {2})").format(
            r.name if r else region, channel, label(current)), "comms.reported",
            fields=["state", "note"], fixed={"region": region, "channel": channel},
            initial={"state": "operationeel" if current != "operationeel" else "verstoord"})

    def resolve_conflict(self, entity: str, conflict_id: str, choice: str, note: str) -> None:
        payload = {"conflict_id": conflict_id, "choice": choice}
        if note:
            payload["note"] = note
        inbox = self.v.conflicts
        self.execute([Command("conflict.resolved", payload, entity=entity)],
                     lambda _c: inbox.note.clear(),
                     lambda errs: inbox.show_error("; ".join(m for _f, m in errs)))


def _norm(v: Any, like: Any = None) -> Any:
    """Comparable form of a form value (a comma list typed in a line equals the same list; a
    radius or the corners of an area typed in a line equal the stored ones)."""
    if isinstance(v, str) and type(like) is int and v.strip().isdigit():
        v = int(v)
    if isinstance(v, str) and isinstance(like, list) and like and isinstance(like[0], list):
        try:
            v = geo.polygon(v, INCIDENT_FIELDS["effect_polygon"])
        except ValidationError:
            return v
    if isinstance(v, str) and isinstance(like, (list, tuple)):
        v = [p.strip() for p in v.split(",") if p.strip()]
    if isinstance(v, (list, tuple)):
        return sorted(str(x) for x in v)
    return "" if v is None else v
