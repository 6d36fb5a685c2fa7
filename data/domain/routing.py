"""How bijstand travels, layer by layer, as the coordination structure has it.

A region asks KCR2 (LOCC) or a neighbouring region. Only KCR2 goes on to Defensie (through the
JFC) or to the EU (through the UCPM), and it does so as a *sub-request* linked to the region's
own request; the EU route also needs a formal request of the state to the European Commission.
Means from Defensie or the EU are never certain (Defensie's first task comes first; the EU
answers as member states offer), so such a sub-request always carries "beschikbaarheid
onzeker".
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from data.domain.enums import FORWARDED_ONLY
from data.i18n import N_, _

#: what a region is told when it addresses a forwarded-only partner itself
ROUTE_MESSAGES: dict[str, str] = {
    "JFC": N_("militaire bijstand vraagt een regio aan bij KCR2 (LOCC); alleen KCR2 zet het "
              "verzoek als deelverzoek door naar Defensie (JFC)"),
    "UCPM": N_("EU-bijstand (UCPM) loopt via KCR2 en vraagt een verzoek van de Staat aan de "
               "Europese Commissie; richt het verzoek aan KCR2"),
}


def route_error(payload: Mapping[str, Any]) -> tuple[str, str] | None:
    """Why a new request may not go where it is addressed, as (field, message); None if fine.

    A request to JFC or UCPM must be a sub-request (``parent_id``) made by KCR2; one to the
    UCPM must also record that the state filed its request (``state_request``)."""
    to = str(payload.get("addressed_to") or "").strip().upper()
    if to not in FORWARDED_ONLY:
        return None
    if not payload.get("parent_id"):
        return (_("gericht aan"), _(ROUTE_MESSAGES[to]))
    if to == "UCPM" and not payload.get("state_request"):
        return (_("verzoek van de Staat"),
                _("een deelverzoek aan de UCPM kan pas als de Staat het verzoek bij de Europese "
                  "Commissie heeft ingediend"))
    return None


def availability_uncertain(addressed_to: str | None) -> bool:
    """Means asked of Defensie or the EU may not come: the board says so on the card."""
    return str(addressed_to or "").upper() in FORWARDED_ONLY
