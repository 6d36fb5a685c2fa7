"""What the control team keeps beside its store: the scenario with everything players must not
see (injects not yet fired, expectations, controller notes, extra spreadsheet columns).

It is a JSON file next to the store file (``<store>.spelleiding.json``), never an event, so no
sync, bundle or hub ever carries it. Injects reach the players only as the events they become
when they fire.
"""

from __future__ import annotations

import json
import os
from datetime import UTC, datetime
from pathlib import Path

from data.i18n import _
from data.oswords import os_words
from data.scenario.model import Scenario
from data.scenario.msel import Sheet
from data.scenario.times import fmt_offset
from data.store import Store, StoreError

SUFFIX = ".spelleiding.json"


def sidecar_path(db: str | os.PathLike[str]) -> Path:
    return Path(str(db) + SUFFIX)


def save_scenario(db: str | os.PathLike[str], sc: Scenario) -> Path:
    """Write the control team's scenario beside the store (atomically: temp file + rename)."""
    p = sidecar_path(db)
    tmp = p.with_name(p.name + ".tmp")
    with open(tmp, "w", encoding="utf-8") as f:
        json.dump(sc.to_dict(), f, ensure_ascii=False, indent=1)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, p)
    return p


def load_scenario(db: str | os.PathLike[str]) -> Scenario:
    p = sidecar_path(db)
    try:
        with open(p, encoding="utf-8") as f:
            return Scenario.from_dict(json.load(f))
    except FileNotFoundError:
        raise StoreError(_("bij {db} hoort geen draaiboek van de spelleiding ({name}); "
                           "dit is geen spelleidingsstore. Maak er een met "
                           "'crisisbeeld exercise new'").format(db=db, name=p.name)) from None
    except (ValueError, KeyError, TypeError):
        raise StoreError(_("{p} is beschadigd: het draaiboek van de spelleiding is niet te "
                           "lezen (met de hand bewerkt, of half gekopieerd?)").format(p=p)) \
            from None
    except OSError as e:
        raise StoreError(_("{p} kan niet worden gelezen: {why}").format(
            p=p, why=os_words(e, reading=True))) from None


def exercise_id(sc: Scenario, today: datetime | None = None) -> str:
    """A world id for a new exercise: ``OEF-<date>-<scenario>``."""
    day = (today or datetime.now(UTC)).strftime("%Y%m%d")
    slug = "".join(c if c.isalnum() else "-" for c in sc.id.upper()).strip("-")[:24]
    return f"OEF-{day}-{slug or 'SCENARIO'}"


def create_exercise(db: str | os.PathLike[str], node: str, sc: Scenario, world: str = "",
                    name: str = "") -> Store:
    """A new control store in a fresh exercise world, with the scenario beside it."""
    world = world or exercise_id(sc)
    if not world.startswith("OEF-"):
        raise StoreError(_("een oefening speelt in een oefenwereld (OEF-…), niet in "
                           "'{world}'").format(world=world))
    st = Store.create(db, node, world, name or f"Spelleiding {sc.title}")
    try:
        save_scenario(db, sc)
    except OSError as e:
        st.close()
        raise StoreError(_("draaiboek van de spelleiding kan niet worden geschreven: "
                           "{e}").format(e=os_words(e))) from None
    return st


def append_injects(db: str | os.PathLike[str], sheet: Sheet) -> Scenario:
    """Add the injects of an MSEL ``sheet`` to the exercise of the store ``db`` (also while it
    runs). Each keeps its time from the sheet's own T0, now counted from the exercise's T0
    (the sheet's date is not the exercise's). All or nothing: an inject number that is already
    in the scenario, or an inject before T0, refuses the whole sheet, and nothing is written."""
    sc = load_scenario(db)
    clash = sorted({i.id for i in sc.injects} & {i.id for i in sheet.injects})
    if clash:
        raise StoreError(_("niets ingelezen: deze injectnummers staan al in het draaiboek: ")
                         + ", ".join(clash[:20]))
    early = [f"{i.id} ({fmt_offset(i.offset_s)})" for i in sheet.injects if i.offset_s < 0]
    if early:
        raise StoreError(_("niets ingelezen: deze injects vallen vóór T0 van de oefening en "
                           "kunnen niet meer worden gespeeld: {0}. Zet hun tijd op T0 of later "
                           "en lees het blad opnieuw in").format(", ".join(early[:20])))
    sc.injects += sheet.injects
    save_scenario(db, sc)
    return sc
