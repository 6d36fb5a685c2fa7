"""Subcommands on attachments: ``bijlage toevoegen|lijst|opslaan|intrekken``.

A file is attached to an incident, decision, bijstand request or journal line by that item's id
(or the first characters of it); its bytes go into the store beside the log (data.store.blobs).
``lijst`` and ``opslaan`` respect a classification ceiling (``--max-rubricering``), as the
situation report does.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from data.domain.attachments import (
    MAX_ATTACHMENT_BYTES,
    NOT_RECEIVED,
    allowed,
    effective_class,
    human_size,
    too_large_text,
)
from data.domain.enums import Classification
from data.domain.validation import ValidationError
from data.i18n import _
from data.store import Store
from desktop.cli_core import UserError, file_words, open_store
from desktop.cli_people import person


def _item(st: Store, ref: str) -> str:
    """The id of the item ``ref`` names: the id itself, or the unique item that starts so."""
    if st.entity(ref) is not None:
        return ref
    found = [r[0] for kind in ("incident", "decision", "bijstand", "journal")
             for r in st.rows(kind) if str(r[0]).startswith(ref)] if len(ref) >= 4 else []
    if len(found) == 1:
        return found[0]
    raise UserError(f"'{ref}' is geen incident, besluit, bijstandsverzoek of logboekregel in "
                    f"deze store" if not found else
                    f"'{ref}' past op {len(found)} items; geef meer tekens van het id")


def _attachment(st: Store, ref: str) -> dict[str, Any]:
    found = [a for a in st.attachments() if str(a["id"]).startswith(ref)] if ref else []
    if len(found) != 1:
        raise UserError(f"'{ref}' is geen bijlage in deze store" if not found else
                        f"'{ref}' past op {len(found)} bijlagen; geef meer tekens van het id")
    return found[0]


def cmd_add(a: argparse.Namespace) -> int:
    p = Path(a.bestand)
    try:
        size = p.stat().st_size
        if size > MAX_ATTACHMENT_BYTES:
            raise UserError(too_large_text(size))
        data = p.read_bytes()
    except OSError as e:
        raise UserError(f"{p} is niet te lezen: {file_words(e)}") from None
    st = open_store(a.db)
    try:
        target = _item(st, a.item)
        author = person(st, a, required=False) or _default_author()
        try:
            _ch, aid = st.attach(target, data, a.naam or p.name, author=author,
                                 caption=a.onderschrift, classification=a.rubricering)
        except ValidationError as e:
            raise UserError(str(e)) from None
        print(f"bijlage {aid[:13]}… toegevoegd aan {target[:13]}…: {a.naam or p.name} "
              f"({human_size(len(data))})")
    finally:
        st.close()
    return 0


def _default_author() -> str:
    from data.store.types import default_author

    return default_author()


def cmd_list(a: argparse.Namespace) -> int:
    st = open_store(a.db)
    try:
        target = _item(st, a.item) if a.item else None
        shown = hidden = 0
        for att in st.attachments(target):
            item = st.entity(str(att.get("target_id")))
            if not allowed(att, item, a.max_class):
                hidden += 1
                continue
            shown += 1
            state = human_size(int(att.get("size", 0))) if att["received"] else _(NOT_RECEIVED)
            print(f"{str(att['id'])[:13]}  {att.get('name')}  ({att.get('media_type')}, "
                  f"{state}, {effective_class(att, item)})  bij {att.get('target_kind')} "
                  f"{str(att.get('target_id'))[:13]}  {att.get('caption') or ''}".rstrip())
        if not shown:
            print("geen bijlagen")
        for att in st.attachments(target, withdrawn=True):
            w = att.get("withdrawn")
            if w and allowed(att, st.entity(str(att.get("target_id"))), a.max_class):
                print(f"ingetrokken: {att.get('name')} ({str(att['id'])[:13]}) door "
                      f"{w.get('by')}: {w.get('reason')}")
        if hidden:
            print(f"{hidden} bijlage(n) boven de rubricering {a.max_class} niet getoond")
    finally:
        st.close()
    return 0


def cmd_withdraw(a: argparse.Namespace) -> int:
    st = open_store(a.db)
    try:
        att = _attachment(st, a.bijlage)
        author = person(st, a, required=False) or _default_author()
        try:
            st.withdraw_attachment(str(att["id"]), a.reden, author=author)
        except ValidationError as e:
            raise UserError(str(e)) from None
        print(f"bijlage {str(att['id'])[:13]}… ingetrokken: {att.get('name')} — {a.reden}; het "
              "bestand wordt niet meer getoond of doorgegeven")
    finally:
        st.close()
    return 0


def cmd_save(a: argparse.Namespace) -> int:
    st = open_store(a.db)
    try:
        att = _attachment(st, a.bijlage)
        item = st.entity(str(att.get("target_id")))
        if not allowed(att, item, a.max_class):
            raise UserError(f"deze bijlage is {effective_class(att, item)}: boven de "
                            f"rubricering {a.max_class}")
        data = st.blob(str(att["sha256"]))
        if data is None:
            raise UserError(f"{_(NOT_RECEIVED)}: synchroniseer met de hub of lees een bundel in")
    finally:
        st.close()
    out = Path(a.naar)
    if out.is_dir():
        out = out / str(att.get("name") or att["sha256"])
    try:
        out.write_bytes(data)
    except OSError as e:
        raise UserError(f"{out} is niet te schrijven: {file_words(e)}") from None
    print(f"bijlage opgeslagen: {out} ({human_size(len(data))})")
    return 0


def register(sub: Any) -> None:
    r = sub.add_parser("bijlage", help="bestanden bij incidenten, besluiten, bijstand en logboek")
    rs = r.add_subparsers(dest="bijlage_command", metavar="ACTIE", required=True)
    classes = [c.value for c in Classification]
    p = rs.add_parser("toevoegen", help="voeg een bestand toe aan een item "
                                        f"(hoogstens {human_size(MAX_ATTACHMENT_BYTES)})")
    p.add_argument("--db", required=True)
    p.add_argument("item", help="id (of het begin ervan) van incident, besluit, bijstand of "
                                "logboekregel")
    p.add_argument("bestand", help="het bestand (foto, pdf, tekst …)")
    p.add_argument("--naam", help="bestandsnaam zoals getoond (standaard die van het bestand)")
    p.add_argument("--onderschrift", help="korte toelichting bij het bestand")
    p.add_argument("--rubricering", choices=classes,
                   help="eigen rubricering (standaard die van het item)")
    p.set_defaults(func=cmd_add)
    p = rs.add_parser("lijst", help="toon de bijlagen (van één item of alle)")
    p.add_argument("--db", required=True)
    p.add_argument("item", nargs="?", help="id (of het begin ervan) van het item")
    p.add_argument("--max-rubricering", dest="max_class", choices=classes,
                   default=Classification.VERTROUWELIJK.value,
                   help="toon niets boven deze rubricering")
    p.set_defaults(func=cmd_list)
    p = rs.add_parser("opslaan", help="schrijf een bijlage naar een bestand")
    p.add_argument("--db", required=True)
    p.add_argument("bijlage", help="id (of het begin ervan) van de bijlage")
    p.add_argument("naar", help="bestand of map om naar te schrijven")
    p.add_argument("--max-rubricering", dest="max_class", choices=classes,
                   default=Classification.VERTROUWELIJK.value,
                   help="weiger een bijlage boven deze rubricering")
    p.set_defaults(func=cmd_save)
    p = rs.add_parser("intrekken", help="trek een bijlage in die er per vergissing bij kwam "
                                        "(de reden ziet elk centrum)")
    p.add_argument("--db", required=True)
    p.add_argument("bijlage", help="id (of het begin ervan) van de bijlage")
    p.add_argument("--reden", required=True, help="waarom, bv. 'persoonsgegevens op de foto'")
    p.set_defaults(func=cmd_withdraw)
