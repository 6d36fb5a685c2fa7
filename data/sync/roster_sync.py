"""The sync engine's part of the roster (data.store.roster): take in what a hub passes on, and
offer events again that waited only for a newer roster."""

from __future__ import annotations

from data.i18n import _
from data.store import IngestResult, Store
from data.store.roster import RosterError, unknown_text
from data.sync.hub_client import NOT_SAFE, HubClient, HubRefused


def learn_roster(store: Store, client: HubClient, world: str, url: str) -> None:
    """Take in the roster the hub passes on. One not signed by the root this store pinned
    stops the exchange with this hub, with an alarm: a hub that hands out another root's
    roster is misconfigured or hostile."""
    doc = client.roster(world)
    if doc is None:
        return
    try:
        store.learn_roster(doc)
    except RosterError as e:
        why = _("rooster van {url} geweigerd: {e}").format(url=url, e=e)
        store.raise_alarm("rooster", "", why)
        raise HubRefused(NOT_SAFE, why) from None


def roster_may_help(res: IngestResult) -> bool:
    """Events held back because their centre is not on this store's roster yet."""
    why = dict(res.rejected)
    unknown = unknown_text("")  # the reason after the centre's name, in the language in use
    return any(why.get(i, "").endswith(unknown) or "niet in het rooster" in why.get(i, "")
               for i in res.held)


def merge_again(res: IngestResult, again: IngestResult) -> IngestResult:
    """``res`` with the events it held back replaced by how ``again`` (the same batch offered
    once more) went."""
    retried = set(res.held)
    res.accepted += again.accepted
    res.changes.merge(again.changes)
    res.rejected = ([r for r in res.rejected if r[0] not in retried]
                    + [r for r in again.rejected if r[0] in retried])
    res.held = again.held
    res.forks += again.forks
    return res


__all__ = ["learn_roster", "merge_again", "roster_may_help"]
