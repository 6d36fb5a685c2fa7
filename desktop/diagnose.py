"""What a support desk needs, and nothing of the picture: *Hulp → Diagnose opslaan…* and
``crisisbeeld diagnose`` write one zip with versions, the bundled components, the settings
without tokens, the tail of the log and the store's statistics (counts, sizes, the fingerprint;
no event contents, no keys).

Also the facts *Hulp → Over Crisisbeeld* shows: the version, the folders, and the licences of
the bundled components, read from their installed metadata.
"""

from __future__ import annotations

import json
import platform
import re
import sqlite3
import sys
import zipfile
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from desktop import __version__, places

translate = QCoreApplication.translate

#: how much of the log goes into the zip
LOG_TAIL_LINES = 2000
#: settings keys whose values are never written out
_SECRET = re.compile(r"token|secret|password|wachtwoord|pin|private", re.IGNORECASE)

#: third-party data shipped with the application (not a Python package)
DATA_CREDITS = [("CBS Gebiedsindelingen: veiligheidsregio's 2025", "CC BY 4.0",
                 QT_TRANSLATE_NOOP("About", "regiogrenzen op de kaart"))]
#: a package whose metadata names no licence (shown translated in the About box)
SEE_PACKAGE = QT_TRANSLATE_NOOP("About", "zie de licentie van het pakket")


def versions() -> dict[str, str]:
    out = {"crisisbeeld": __version__, "python": sys.version.split()[0],
           "platform": platform.platform(), "sqlite": sqlite3.sqlite_version,
           "frozen": str(bool(getattr(sys, "frozen", False)))}
    try:
        import PySide6
        from PySide6.QtCore import qVersion

        out["PySide6"] = PySide6.__version__
        out["Qt"] = qVersion()
    except ImportError:
        pass
    return out


def _licence(dist: metadata.Distribution) -> str:
    md = dist.metadata
    expr = md.get("License-Expression")
    if expr:
        return str(expr)
    lic = (md.get("License") or "").strip()
    if lic and "\n" not in lic and len(lic) <= 60 and lic.upper() != "UNKNOWN":
        return lic
    classes = [c.split("::")[-1].strip() for c in md.get_all("Classifier") or []
               if c.startswith("License ::") and "OSI Approved" in c and c.count("::") >= 2]
    classes = [c for c in classes if c != "OSI Approved"]
    return " / ".join(classes) if classes else SEE_PACKAGE


def _name(req: str, extras: set[str]) -> tuple[str, set[str]] | None:
    """The package a requirement names and the extras it asks of it; None for an optional part
    that was not asked for."""
    if ";" in req:
        marker = req.split(";", 1)[1]
        wanted = re.findall(r"extra\s*==\s*['\"]([^'\"]+)['\"]", marker)
        if wanted and not extras.intersection(wanted):
            return None
    m = re.match(r"\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:\[([^\]]*)\])?", req)
    if not m:
        return None
    return m.group(1), {x.strip() for x in (m.group(2) or "").split(",") if x.strip()}


def components(root: str = "crisisbeeld") -> list[tuple[str, str, str]]:
    """(name, version, licence) of every package the application brings along: what it
    requires, and what those require, as installed here."""
    seen: dict[str, tuple[str, str, str]] = {}
    todo: list[tuple[str, set[str]]] = [(root, set())]
    while todo:
        name, extras = todo.pop()
        key = name.lower().replace("_", "-")
        if key in seen:
            continue
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue
        if key != root:
            seen[key] = (dist.metadata["Name"], dist.version, _licence(dist))
        else:
            seen[key] = ("", "", "")
        for req in dist.requires or []:
            n = _name(req, extras)
            if n:
                todo.append(n)
    return sorted((v for k, v in seen.items() if k != root), key=lambda t: t[0].lower())


def _redacted(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: ("(weggelaten)" if _SECRET.search(str(k)) and not str(k).endswith("file")
                    else _redacted(v)) for k, v in value.items()}
    if isinstance(value, list):
        return [_redacted(v) for v in value]
    return value


def settings() -> dict[str, Any]:
    out: dict[str, Any] = {}
    folder = places.config_dir()
    if folder.is_dir():
        for f in sorted(folder.glob("*.json")):
            try:
                out[f.name] = _redacted(json.loads(f.read_text(encoding="utf-8")))
            except (OSError, ValueError):
                out[f.name] = "(onleesbaar)"
    return out


def store_facts(db: Path) -> dict[str, Any]:
    """Counts and sizes of a store, never its contents."""
    from data.store.store import Store

    facts: dict[str, Any] = {"pad": str(db)}
    for suffix in ("", "-wal", ".terugkijken"):
        f = Path(str(db) + suffix)
        if f.exists():
            facts[f"bytes{suffix or ''}"] = f.stat().st_size
    st = Store.open(db, readonly=True)
    try:
        fp = st.fingerprint()
        facts.update({
            "wereld": st.world, "node": st.node_id, "gebeurtenissen": st.event_count(),
            "vingerafdruk": fp.code, "herkomsten": len(st.origins()),
            "open_tegenstrijdigheden": len(st.conflicts()),
            "alarmen": sorted({str(a.get("kind", "?")) for a in st.alarms()}),
        })
    finally:
        st.close()
    return facts


def log_tail(lines: int = LOG_TAIL_LINES) -> str:
    f = places.log_dir() / "crisisbeeld.log"
    if not f.exists():
        return "(nog geen logboek)\n"
    text = f.read_text(encoding="utf-8", errors="replace").splitlines()
    return "\n".join(text[-lines:]) + "\n"


def write_diagnose(out: Path, db: Path | None = None) -> Path:
    """Write the diagnose zip to ``out`` (a finished file or none: written beside, then moved)."""
    out = Path(out)
    part = out.with_name(out.name + ".deel")
    made = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    with zipfile.ZipFile(part, "w", compression=zipfile.ZIP_DEFLATED) as z:
        z.writestr("LEESMIJ.txt",
                   f"Diagnose van Crisisbeeld {__version__}, gemaakt {made}.\n"
                   "Bevat versies, instellingen zonder tokens, het einde van het logboek en "
                   "tellingen van de store; geen inhoud van het crisisbeeld, geen sleutels.\n")
        z.writestr("versies.json", json.dumps(versions(), indent=2, ensure_ascii=False))
        z.writestr("onderdelen.json", json.dumps(components(), indent=2, ensure_ascii=False))
        z.writestr("instellingen.json", json.dumps(settings(), indent=2, ensure_ascii=False))
        z.writestr("log-einde.txt", log_tail())
        if db is not None:
            try:
                facts = store_facts(Path(db))
            except Exception as e:  # a broken store is exactly what a support desk must hear
                facts = {"pad": str(db), "fout": str(e) or e.__class__.__name__}
            z.writestr("store.json", json.dumps(facts, indent=2, ensure_ascii=False))
    part.replace(out)
    return out


def about_html(db: Path | None = None) -> str:
    """The text of *Over Crisisbeeld*: version, folders, and the licences."""
    from html import escape

    def t(text: str) -> str:
        return translate("About", text)

    rows = "".join(f"<tr><td>{escape(n)}</td><td>{escape(v)}</td><td>{escape(t(lic))}</td></tr>"
                   for n, v, lic in components())
    data_rows = "".join(f"<tr><td>{escape(n)}</td><td></td><td>{escape(lic)} — "
                        f"{escape(t(what))}</td></tr>" for n, lic, what in DATA_CREDITS)
    heads = "".join(f"<th align='left'>{t(h)}</th>" for h in (
        QT_TRANSLATE_NOOP("About", "onderdeel"), QT_TRANSLATE_NOOP("About", "versie"),
        QT_TRANSLATE_NOOP("About", "licentie")))
    lines = [translate("About", "Gegevensbestand van dit centrum: {0}").format(escape(str(db)))
             ] if db else []
    lines += [translate("About", "Gegevens: {0}").format(escape(str(places.data_dir()))),
              translate("About", "Instellingen: {0}").format(escape(str(places.config_dir()))),
              translate("About", "Logboek van de applicatie: {0}").format(
                  escape(str(places.log_dir())))]
    intro = translate("About", "Het gedeelde crisisbeeld van de veiligheidsregio’s en KCR2. "
                               "Licentie: EUPL-1.2.")
    parts = translate("About", "Meegeleverde onderdelen en hun licenties")
    return (f"<h3>Crisisbeeld {escape(__version__)}</h3><p>{intro}</p><p>{'<br>'.join(lines)}</p>"
            f"<p><b>{parts}</b></p>"
            f"<table cellspacing='4'><tr>{heads}</tr>{rows}{data_rows}</table>")
