"""People in the window (issue 16): sign-in (on start and from the header), the Bezetting
view, and what the person's function may do shown as what the window offers.

The check itself lives in the core (the store's role table, :mod:`data.domain.roles`); this
module only hides what the core would refuse, from the same table, so the buttons and the
refusals never disagree.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal

from data.clock import now_iso
from data.domain.roles import RoleTable, split_author
from data.domain.shifts import holder, shift_command
from data.picture.bezetting import Post, posts
from data.store import Changes, Command, Store
from desktop.context import Context
from desktop.ops import CollectionOp, QueryOp
from widgets.people import MarkdownDialog, SignInDialog

#: what each write control of the window leads to: (view attribute, control attribute) ->
#: command type. A control is shown only when the person's function may give that command.
WRITE_CONTROLS: dict[tuple[str, str], str] = {
    ("incidents", "new_btn"): "incident.reported",
    ("incidents", "edit_btn"): "incident.updated",
    ("incidents", "status_btn"): "incident.status_changed",
    ("incidents", "picture_btn"): "incident.picture_updated",
    ("incidents", "judgement_btn"): "incident.judgement_updated",
    ("bijstand", "new_btn"): "bijstand.requested",
    ("bijstand", "offer_btn"): "bijstand.offer_made",
    ("bijstand", "withdraw_btn"): "bijstand.offer_withdrawn",
    ("bijstand", "status_btn"): "bijstand.status_changed",
    ("bijstand", "edit_btn"): "bijstand.updated",
    ("bijstand", "offer_update_btn"): "bijstand.offer_updated",
    ("bijstand", "forward_btn"): "bijstand.requested",
    ("decisions", "open_btn"): "irbt.session_opened",
    ("decisions", "record_btn"): "decision.recorded",
    ("decisions", "amend_btn"): "decision.amended",
    ("decisions", "revoke_btn"): "decision.revoked",
    ("decisions", "action_btn"): "action.created",
    ("decisions", "action_status_btn"): "action.status_changed",
    ("decisions", "action_edit_btn"): "action.updated",
    ("decisions", "close_btn"): "irbt.session_closed",
    ("decisions", "adoption_btn"): "decision.adoption_reported",
    ("decisions", "reattach_btn"): "action.reattached",
    ("nsp", "new_btn"): "nsp.registered",
    ("nsp", "edit_btn"): "nsp.updated",
    ("public", "alert_btn"): "alert.issued",
    ("public", "means_btn"): "capacity.reported",
    ("public", "partner_btn"): "partner.reported",
    ("conflicts", "keep_btn"): "conflict.resolved",
    ("conflicts", "apply_btn"): "conflict.resolved",
    ("journal", "entry"): "journal.logged",
}


@dataclass
class SignedIn:
    """What a sign-in wrote (a start or a handover; nothing when already on duty)."""

    author: str
    changes: Changes = field(default_factory=Changes)


def sign_in_op(values: dict[str, Any]) -> Any:
    """The store side of a sign-in: check name, function and PIN, then take the function up,
    or over from whoever holds it."""
    def write(st: Store) -> SignedIn:
        author = st.sign_in(values["person"], values["function"], values.get("pin"))
        person, function = split_author(author)
        assert function is not None
        channels = {k: values.get(k) for k in ("ncv", "satellite", "c2000")}
        _t, _p, slot = shift_command(st.roles, st.node_id, "begin", function, person)
        who = holder(st.entity(slot))
        if who is not None and who.lower() == person.lower():
            return SignedIn(author)
        kind = "overdracht" if who is not None else "begin"
        typ, payload, slot = shift_command(st.roles, st.node_id, kind, function, person,
                                           **channels)
        return SignedIn(author, st.execute(Command(typ, payload, slot), author))
    return write


def since_op(since: str, until: str, path: str | Path | None = None) -> Any:
    """The store side of the handover's "since the start of my shift": the handover of
    :func:`data.history.diff.handover` between the two moments (when it happened), made as
    the Overdracht and ``crisisbeeld diff`` make it — from the checkpoints next to the store
    at ``path`` (the sidecar Terugkijken fills; default: the store's own path), not by folding
    the whole log twice. Without a sidecar it folds from the log, as before."""
    def read(st: Store) -> str:
        from data.history import WAAR, Checkpoints
        from data.history.diff import handover

        t1 = min(since, until)
        cps = Checkpoints(path or st.path)
        try:
            return handover(st, t1, until, WAAR, cps)
        finally:
            cps.close()
    return read


def end_shift_op(author: str) -> Any:
    """The store side of ending one's own shift (the core fills in who stopped)."""
    def write(st: Store) -> Changes:
        person, function = split_author(author)
        typ, payload, slot = shift_command(st.roles, st.node_id, "eind", function or "", person)
        return st.execute(Command(typ, payload, slot), author)
    return write


class PeopleController(QObject):
    """Wires sign-in, the header's on-duty line, the Bezetting view and the permissions."""

    sig_signed_in = Signal(str)
    """Someone signed in at this window (the author their events carry)."""

    def __init__(self, ctx: Context, win: Any) -> None:
        super().__init__(win)
        self.ctx = ctx
        self.win = win
        self.roles = RoleTable()
        self.node = ""
        self.posts: list[Post] = []
        self.dialog: SignInDialog | None = None
        self.since_dialog: MarkdownDialog | None = None
        #: the application asks everyone to sign in: until then nothing is offered that writes
        self.required = False
        win.header.on_duty.clicked.connect(self.open_sign_in)
        win.bezetting.sig_sign_in.connect(self.open_sign_in)
        win.bezetting.sig_end.connect(self.end_shift)
        ctx.ops.sig_changes.connect(self._on_changes)
        self._show_author()

    def start(self, ask: bool = False) -> None:
        """Load the Bezetting; ``ask`` (the application's start): sign-in is required, and the
        dialog opens, filled in with the name the environment gave (never trusted as is: a
        PIN may be needed)."""
        if ask:
            self.required = True
            person, _function = split_author(self.ctx.author)
            self.ctx.author = self.win.author = person
            self.apply_permissions()
        self.reload()
        if ask:
            self.open_sign_in()

    def _on_changes(self, changes: Changes) -> None:
        if changes.touches("shift") or changes.touches("node"):
            self.reload()

    def reload(self) -> None:
        def read(st: Store) -> tuple[list[Post], RoleTable, str]:
            node, roles = st.people_settings()
            return posts(st.entities("shift"), st.entities("node")), roles, node
        QueryOp(self.ctx.ops, read).success(self._loaded).run_in_background()

    def _loaded(self, result: tuple[list[Post], RoleTable, str]) -> None:
        self.posts, self.roles, self.node = result
        self.win.bezetting.set_posts(self.posts)
        self._show_author()
        self.apply_permissions()

    def _show_author(self) -> None:
        _person, function = split_author(self.ctx.author)
        here = [p for p in self.posts if p.centre == self.node]
        others = len([p for p in here if f"{p.person} ({p.function})" != self.ctx.author])
        self.win.header.on_duty.set_person(self.ctx.author if function else "", others)
        mine = [p for p in here if f"{p.person} ({p.function})" == self.ctx.author]
        self.win.bezetting.set_on_duty(self.ctx.author if function and mine else "")

    # ------------------------------------------------------------------ sign-in

    def open_sign_in(self) -> None:
        person, function = split_author(self.ctx.author)
        d = SignInDialog(self.roles.functions(), self.win.windowTitle(), self.win,
                         person, function or "")
        d.sig_submitted.connect(self.submit)
        d.sig_since.connect(self.show_since)
        d.sig_end.connect(self.end_shift)
        d.end_btn.setVisible(not self.win.bezetting.end_btn.isHidden())  # on duty here
        self.dialog = d
        d.open()

    def submit(self, values: dict[str, Any]) -> None:
        dialog = self.dialog

        def ok(result: SignedIn) -> None:
            self.set_author(result.author)
            if dialog is not None:
                dialog.accept()
            self.reload()

        def fail(e: Exception) -> None:
            if dialog is not None:
                dialog.show_error(str(e))
        CollectionOp(self.ctx.ops, sign_in_op(values)).success(ok).failure(fail) \
            .run_in_background()

    def set_author(self, author: str) -> None:
        """From now on this window writes as ``author``."""
        self.ctx.author = author
        self.win.author = author
        self._show_author()
        self.apply_permissions()
        self.sig_signed_in.emit(author)

    # ------------------------------------------------------------------ handover

    def show_since(self, function: str) -> None:
        """What changed since the shift of ``function`` here began (the diff of Terugkijken,
        from the outgoing person's start to now), shown before they hand over."""
        canon = self.roles.canonical(function) or function
        post = next((p for p in self.posts if p.centre == self.node and p.function == canon),
                    None)
        dialog = self.dialog
        if post is None or not post.since:
            if dialog is not None:
                dialog.show_error(self.tr("{0} is hier niet bezet: er is geen dienst om mee te "
                                          "vergelijken").format(canon))
            return
        until = now_iso(self.ctx.clock)
        title = self.tr("Sinds het begin van de dienst van {0} ({1})").format(post.person, canon)

        def shown(text: str) -> None:
            self.since_dialog = MarkdownDialog(title, text, dialog or self.win)
            self.since_dialog.open()

        def fail(e: Exception) -> None:
            if dialog is not None:
                dialog.show_error(self.tr("de vergelijking lukte niet: {0}").format(e))
        QueryOp(self.ctx.ops, since_op(post.since, until, self.ctx.path)).success(shown) \
            .failure(fail).run_in_background()

    # ------------------------------------------------------------------ ending a shift

    def end_shift(self) -> None:
        """The person at this window ends their shift: the function is free again and the
        window writes nothing more until someone signs in."""
        author = self.ctx.author
        person, function = split_author(author)
        if function is None:
            return
        dialog = self.dialog

        def ok(_changes: Changes) -> None:
            self.set_author(person)
            if dialog is not None and dialog.isVisible():
                dialog.accept()
            self.win.status_line.setText(self.tr("dienst beëindigd: {0}").format(author))
            self.reload()

        def fail(e: Exception) -> None:
            self.win.status_line.setText(self.tr("dienst niet beëindigd: {0}").format(e))
        CollectionOp(self.ctx.ops, end_shift_op(author)).success(ok).failure(fail) \
            .run_in_background()

    # ------------------------------------------------------------------ permissions

    def may(self, cmd_type: str) -> bool:
        """Whether the person at this window may give ``cmd_type`` (by the store's table)."""
        _person, function = split_author(self.ctx.author)
        if function is None:  # not signed in: the core decides per command, unless the
            return not self.required  # application asks everyone to sign in first
        canon = self.roles.canonical(function)
        return canon is not None and self.roles.may(canon, cmd_type)

    def apply_permissions(self) -> None:
        """Hide what the person may not do (the core refuses it anyway)."""
        for (view, control), cmd_type in WRITE_CONTROLS.items():
            widget = getattr(getattr(self.win, view), control)
            allowed = self.may(cmd_type)
            if control == "entry":
                widget.setEnabled(allowed)
            else:
                widget.setVisible(allowed)
        for cmd_type, action in getattr(self.win, "new_actions", {}).items():
            action.setEnabled(self.may(cmd_type))
