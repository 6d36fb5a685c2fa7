"""MSEL spreadsheets (Master Scenario Events List): read ``.xlsx``/``.csv`` into a scenario, and
write a played exercise back with when each inject went out and its status.

Headers may be English (HSEEP style: inject number, scenario time, synopsis, inject type,
delivery method, from, to, message, expected player action, objective/capability, controller
notes, and variants) or Dutch (nummer, scenariotijd, onderwerp, soort, middel/kanaal, van, aan,
bericht, verwachte actie, doel, notities spelleiding, …), matched without regard to case,
accents, spaces or punctuation. Columns it cannot place are kept with each inject and named in
the report. When two columns could be one field, the better match wins and the report says so.
A sheet without a header row, or with headers of its own, needs a column mapping (TOML, see
:func:`load_mapping`); nothing is guessed silently.

Reading is all or nothing: every bad row is reported with its row number and column, and a
sheet with any bad row gives no scenario at all.
"""

from __future__ import annotations

import csv
import io
import json
import re
import tomllib
import unicodedata
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Iterable

from data.clock import parse_iso
from data.i18n import N_, _
from data.oswords import damage_words, os_words, toml_words
from data.scenario.check import CHANNELS, Problem
from data.scenario.model import EventSpec, Expectation, Inject, Scenario
from data.scenario.times import TimeError, When, fmt_offset, parse_time, resolve, t0_of

#: field -> header variants, best first (normalised by :func:`norm` when compared)
HEADERS: dict[str, tuple[str, ...]] = {
    "number": ("inject number", "inject no", "inject nr", "inject #", "inject id", "inject",
               "msel id", "number", "no", "nr", "id", "#", "nummer", "injectnummer",
               "volgnummer", "inject nummer"),
    "time": ("scenario time", "scenariotijd", "simulated time", "exercise time", "oefentijd",
             "inject time", "delivery time", "time", "tijd", "tijdstip", "t+min", "t+",
             "t+ (min)", "real time", "moment", "offset"),
    "synopsis": ("synopsis", "event synopsis", "inject title", "title", "subject", "onderwerp",
                 "titel", "samenvatting", "kop"),
    "kind": ("inject type", "event type", "type", "category", "soort", "soort inject",
             "injecttype", "categorie"),
    "channel": ("delivery method", "delivery", "method", "mode", "channel", "medium",
                "middel", "kanaal", "communicatiemiddel", "verzendwijze"),
    "sender": ("from", "sender", "originator", "van", "afzender"),
    "recipient": ("to", "recipient", "player", "players", "assigned to", "responsible player",
                  "aan", "ontvanger", "speler", "spelers"),
    "message": ("message", "inject message", "inject text", "inject description",
                "description", "script", "details", "bericht", "berichttekst", "tekst",
                "inhoud", "beschrijving", "omschrijving"),
    "expected": ("expected player action", "expected player actions", "expected action",
                 "expected actions", "expected response", "expected outcome",
                 "verwachte actie", "verwachte acties", "verwachte reactie",
                 "verwachte spelersactie", "verwachte handeling"),
    "objective": ("objective/capability", "objective", "objectives", "capability",
                  "core capability", "doel", "oefendoel", "leerdoel", "doel/capaciteit"),
    "notes": ("controller notes", "controller note", "notes", "evaluation notes/hints",
              "evaluation notes", "notities spelleiding", "notitie spelleiding",
              "opmerkingen spelleiding", "spelleiding", "notities", "opmerkingen"),
    "move": ("move", "phase", "fase", "ronde"),
    # what the export writes so that its own sheet reads back whole
    "t0": ("t0 (utc)", "t0"),
    "contingency": ("terugval",),
    "expect": ("verwachtingen (json)",),
    "events": ("gebeurtenissen (json)",),
}
LABELS = {"number": N_("nummer"), "time": N_("tijd"), "synopsis": N_("onderwerp"),
          "kind": N_("soort"), "channel": N_("kanaal"), "sender": N_("van"), "recipient": N_("aan"),
          "message": N_("bericht"), "expected": N_("verwachte actie"), "objective": N_("doel"),
          "notes": N_("notities spelleiding"), "move": N_("fase"), "t0": "T0",
          "contingency": N_("terugval"), "expect": N_("verwachtingen (JSON)"),
          "events": N_("gebeurtenissen (JSON)")}
#: delivery methods as trainers write them -> a channel of the journal
CHANNEL_WORDS = {
    "c2000": "C2000", "portofoon": "C2000", "radio": "C2000", "ncv": "NCV", "dares": "DARES",
    "telefoon": "telefoon", "phone": "telefoon", "call": "telefoon", "bellen": "telefoon",
    "mobiel": "mobiel", "sms": "mobiel", "text": "mobiel", "gsm": "mobiel",
    "satelliet": "satelliet", "satellite": "satelliet", "koerier": "koerier",
    "courier": "koerier", "runner": "koerier", "lcms": "LCMS", "email": "e-mail",
    "e-mail": "e-mail", "mail": "e-mail", "printout": "koerier", "paper": "koerier",
    "verbal": "mondeling", "mondeling": "mondeling", "in person": "mondeling",
    "face to face": "mondeling", "briefing": "mondeling", "video": "NCV-video",
}


def norm(text: object) -> str:
    """A header as compared: lower case, accents and punctuation gone (``#`` and ``+`` kept)."""
    s = unicodedata.normalize("NFKD", str(text or "")).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9#+]", "", s.lower())


_VARIANTS = {f: [norm(v) for v in vs] for f, vs in HEADERS.items()}


class MselError(ValueError):
    """A spreadsheet that cannot be imported; ``problems`` lists every one (row, column)."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(map(str, problems)))


@dataclass(slots=True)
class Mapping:
    """Which column holds which field, chosen by a person (``--map FILE``, TOML)::

        sheet = "CHECKLIST"
        header_row = 0            # 0: the sheet has no header row
        t0 = "2024-06-26T09:00:00Z"
        skip_rows = [5]           # rows to leave out, by row number
        [columns]
        time = "C"                # a column letter, or a header text
        message = "F"
    """

    columns: dict[str, str] = field(default_factory=dict)
    sheet: str | None = None
    header_row: int | None = None  # 1-based; 0 = none; None = the first non-empty row
    t0: datetime | None = None
    skip_rows: list[int] = field(default_factory=list)
    title: str = ""


def load_mapping(path: str | Path) -> Mapping:
    try:
        doc = tomllib.loads(Path(path).read_text(encoding="utf-8-sig"))
    except OSError as e:
        why = os_words(e, reading=True)
        raise MselError([Problem(0, _("koppelbestand {path} kan niet worden gelezen: "
                                      "{why}").format(path=path, why=why))]) from None
    except UnicodeDecodeError as e:
        raise MselError([Problem(0, _("koppelbestand {path}: {why}").format(
            path=path, why=damage_words(e)))]) from None
    except tomllib.TOMLDecodeError as e:
        line, why = toml_words(e)
        raise MselError([Problem(line, f"koppelbestand {path}: {why}")]) from None
    cols = doc.get("columns", {})
    bad = sorted(set(cols) - set(HEADERS))
    if bad:
        raise MselError([Problem(0, _("koppelbestand {path}: onbekend veld {items}; "
                                      "velden: {fields}").format(
            path=path, items=", ".join(bad), fields=", ".join(HEADERS)))])
    return Mapping(columns={k: str(v) for k, v in cols.items()}, sheet=doc.get("sheet"),
                   header_row=doc.get("header_row"),
                   t0=parse_iso(doc["t0"]) if doc.get("t0") else None,
                   skip_rows=[int(r) for r in doc.get("skip_rows", [])],
                   title=str(doc.get("title", "")))


def save_mapping(m: Mapping, path: str | Path) -> None:
    """Write a mapping for reuse (the same sheet next time, or a colleague's)."""
    lines = []
    if m.title:
        lines.append(f"title = {_q(m.title)}")
    if m.sheet:
        lines.append(f"sheet = {_q(m.sheet)}")
    if m.header_row is not None:
        lines.append(f"header_row = {int(m.header_row)}")
    if m.t0:
        lines.append(f"t0 = \"{m.t0.strftime('%Y-%m-%dT%H:%M:%SZ')}\"")
    if m.skip_rows:
        lines.append(f"skip_rows = {sorted(m.skip_rows)}")
    lines.append("[columns]")
    lines += [f"{k} = {_q(v)}" for k, v in m.columns.items()]
    Path(path).write_text("\n".join(lines) + "\n", encoding="utf-8")


def _q(s: str) -> str:
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


# ---------------------------------------------------------------------- reading cells

def read_rows(path: str | Path, sheet: str | None = None) -> tuple[list[list[Any]], str]:
    """All rows of a sheet (cell values), and a description of where they came from."""
    p = Path(path)
    if p.suffix.lower() in (".xlsx", ".xlsm"):
        import openpyxl  # type: ignore[import-untyped]

        try:
            wb = openpyxl.load_workbook(p, read_only=True, data_only=True)
        except OSError as e:
            raise MselError([Problem(0, _("{p} kan niet worden gelezen: {why}").format(
                p=p.name, why=os_words(e, reading=True)))]) from None
        except Exception:  # noqa: BLE001 - any unreadable workbook is the user's to fix
            raise MselError([Problem(0, _("{p} is geen leesbaar Excel-bestand (beschadigd, "
                                          "of een ander soort bestand met die naam)").format(
                                            p=p.name))]) from None
        try:
            if sheet is None:
                ws = wb.worksheets[0]
            elif sheet in wb.sheetnames:
                ws = wb[sheet]
            else:
                raise MselError([Problem(0, _("{name} heeft geen blad '{sheet}'; "
                                              "bladen: {items}").format(
                                                name=p.name,
                                                sheet=sheet,
                                                items=', '.join(wb.sheetnames)))])
            rows = [list(r) for r in ws.iter_rows(values_only=True)]
            return rows, f"{p.name}, blad {ws.title}"
        finally:
            wb.close()
    try:
        raw = p.read_bytes()
    except OSError as e:
        raise MselError([Problem(0, _("{p} kan niet worden gelezen: {why}").format(
            p=p, why=os_words(e, reading=True)))]) from None
    return parse_csv(raw), p.name


def parse_csv(raw: bytes) -> list[list[Any]]:
    """CSV in UTF-8 (with or without BOM) or Windows-1252; comma, semicolon or tab."""
    if raw.startswith(b"\xef\xbb\xbf"):
        text = raw[3:].decode("utf-8", errors="replace")
    else:
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            text = raw.decode("cp1252", errors="replace")
    first = next((ln for ln in text.splitlines() if ln.strip()), "")
    delim = max((";", ",", "\t"), key=lambda d: _count_outside_quotes(first, d))
    return [list(r) for r in csv.reader(io.StringIO(text, newline=""), delimiter=delim)]


def _count_outside_quotes(line: str, delim: str) -> int:
    n, quoted = 0, False
    for ch in line:
        if ch == '"':
            quoted = not quoted
        elif ch == delim and not quoted:
            n += 1
    return n


def _blank(v: Any) -> bool:
    return v is None or (isinstance(v, str) and not v.strip())


def _text(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v).strip()


def _col_index(ref: str, headers: list[str]) -> int | None:
    """A mapping's column reference: a letter (A, B, … AA) or a header text."""
    if re.fullmatch(r"[A-Za-z]{1,2}", ref) and norm(ref) not in [norm(h) for h in headers]:
        n = 0
        for ch in ref.upper():
            n = n * 26 + ord(ch) - 64
        return n - 1
    for i, h in enumerate(headers):
        if norm(h) == norm(ref):
            return i
    return None


# ---------------------------------------------------------------------- the sheet

@dataclass(slots=True)
class Sheet:
    """A spreadsheet read and checked: which column is which, and the rows as injects."""

    source: str
    columns: dict[str, int]
    headers: list[str]
    extra: list[int]
    injects: list[Inject]
    t0: datetime
    notices: list[str]
    title: str

    def scenario(self) -> Scenario:
        sid = re.sub(r"[^a-z0-9]+", "-", Path(self.source.split(",")[0]).stem.lower()).strip("-")
        return Scenario(id=sid or "msel", title=self.title, t0=self.t0,
                        description=f"Ingelezen uit {self.source}", injects=self.injects,
                        source=self.source)


def place_columns(headers: list[str], mapping: Mapping | None) -> tuple[dict[str, int],
                                                                        list[str]]:
    """Field -> column index, and notices for what a person should know."""
    notices: list[str] = []
    cols: dict[str, int] = {}
    if mapping and mapping.columns:
        for fld, ref in mapping.columns.items():
            i = _col_index(ref, headers)
            if i is None:
                raise MselError([Problem(0, _("koppeling: kolom '{ref}' voor {value} "
                                              "staat niet in het blad").format(
                                                ref=ref, value=_(LABELS[fld])))])
            cols[fld] = i
        if mapping.header_row == 0 or all(f in cols for f in ("time", "message")):
            return cols, notices
    taken = set(cols.values())
    best: dict[str, tuple[int, int]] = {}  # field -> (rank, column)
    for i, h in enumerate(headers):
        if i in taken:
            continue
        n = norm(h)
        if not n:
            continue
        for fld, variants in _VARIANTS.items():
            if fld in cols or n not in variants:
                continue
            rank = variants.index(n)
            if fld in best:
                loser = best[fld][1] if rank < best[fld][0] else i
                winner = i if loser != i else best[fld][1]
                notices.append(_("kolom '{loser}' niet gebruikt als {field} (dat is '{winner}'); "
                                 "bewaard als extra kolom").format(
                    loser=headers[loser], field=_(LABELS[fld]), winner=headers[winner]))
                if rank < best[fld][0]:
                    best[fld] = (rank, i)
            else:
                best[fld] = (rank, i)
            break
    for fld, (_r, i) in best.items():
        cols[fld] = i
    return cols, notices


def read_msel(path: str | Path, *, sheet: str | None = None,
              mapping: Mapping | str | Path | None = None, t0: datetime | None = None) -> Sheet:
    """Read and check a spreadsheet; raises :class:`MselError` naming every bad row."""
    m = load_mapping(mapping) if isinstance(mapping, (str, Path)) else mapping
    rows, source = read_rows(path, sheet or (m.sheet if m else None))
    return parse_rows(rows, source, m, t0)


def parse_rows(rows: list[list[Any]], source: str, m: Mapping | None = None,
               t0: datetime | None = None) -> Sheet:
    numbered = [(n, r) for n, r in enumerate(rows, 1) if not all(_blank(c) for c in r)]
    if not numbered:
        raise MselError([Problem(0, _("{source}: het blad is leeg").format(source=source))])
    header_row = m.header_row if m and m.header_row is not None else numbered[0][0]
    if header_row:
        headers = [_text(c) for c in rows[header_row - 1]]
        data = [(n, r) for n, r in numbered if n > header_row]
    else:
        width = max(len(r) for _n, r in numbered)
        headers = [column_letter(i) for i in range(width)]
        data = numbered
    cols, notices = place_columns(headers, m)
    missing = [f for f in ("time", "message") if f not in cols]
    if "message" in missing and "synopsis" in cols:
        missing.remove("message")
    if missing:
        shown = ", ".join(f"'{h}'" for h in headers if h) or _("(geen kopregel)")
        raise MselError([Problem(header_row or 0, (
            _("{source}: geen kolom gevonden voor {items}. Kolommen in het blad: "
              "{shown}. Maak een koppelbestand (--map) dat zegt welke kolom wat is, "
              "bv. [columns] time = \"C\", message = \"F\"").format(
                source=source, items=_(" en ").join(_(LABELS[f]) for f in missing),
                shown=shown)), N_("rij"))])
    used = set(cols.values())
    extra = [i for i, h in enumerate(headers) if i not in used and (h or any(
        i < len(r) and not _blank(r[i]) for _n, r in data))]
    if extra:
        notices.append(_("kolommen die bij elk inject bewaard blijven (niet geplaatst): ")
                       + ", ".join(f"'{headers[i] or column_letter(i)}'" for i in extra))
    skip = set(m.skip_rows) if m else set()
    problems: list[Problem] = []
    whens: list[When] = []
    injects: list[Inject] = []
    ids: dict[str, int] = {}
    channel_notes: dict[str, str] = {}

    def hdr(fld: str) -> str:
        return headers[cols[fld]] or column_letter(cols[fld])

    def cell(r: list[Any], fld: str) -> Any:
        i = cols.get(fld)
        return r[i] if i is not None and i < len(r) else None

    for n, r in data:
        if n in skip:
            continue
        bad = False
        raw_time = cell(r, "time")
        try:
            if _blank(raw_time):
                raise TimeError(_("leeg"))
            when = parse_time(raw_time)
        except TimeError as e:
            problems.append(Problem(n, _("kolom '{hdr}': tijd '{text}' — {e}").format(
                                           hdr=hdr('time'), text=_text(raw_time), e=e), N_("rij")))
            bad, when = True, When("offset")
        message, synopsis = _text(cell(r, "message")), _text(cell(r, "synopsis"))
        if not message and not synopsis:
            col = hdr("message") if "message" in cols else hdr("synopsis")
            problems.append(Problem(n, _("kolom '{col}': geen bericht").format(col=col), N_("rij")))
            bad = True
        number = _text(cell(r, "number"))
        move = _text(cell(r, "move"))
        iid = re.sub(r"[^A-Za-z0-9:._\-]+", "-", number).strip("-") if number else f"R{n}"
        if move and number:
            iid = f"F{re.sub(r'[^A-Za-z0-9]+', '', move)}-{iid}"
        iid = iid[:60] or f"R{n}"
        if iid in ids:
            col = hdr("number") if "number" in cols else "nummer"
            problems.append(Problem(n, _("kolom '{col}': nummer '{number}' staat ook "
                                         "in rij {value}").format(
                                           col=col, number=number, value=ids[iid]), N_("rij")))
            bad = True
        ids.setdefault(iid, n)
        channel_raw = _text(cell(r, "channel"))
        channel = _channel(channel_raw)
        if channel_raw and channel_raw not in channel_notes:
            channel_notes[channel_raw] = channel
        text = f"{synopsis}: {message}" if synopsis and message else (message or synopsis)
        extras = {(headers[i] or column_letter(i)): _text(r[i]) for i in extra
                  if i < len(r) and not _blank(r[i])}
        plan = _plan(r, cell, hdr, n, problems)
        if bad or plan is None:
            continue
        whens.append(when)
        injects.append(Inject(
            id=iid, offset_s=0, message=text[:4000], sender=_text(cell(r, "sender"))[:120],
            recipient=_text(cell(r, "recipient"))[:120], channel=channel,
            kind=_text(cell(r, "kind")), objective=_text(cell(r, "objective")),
            notes=_text(cell(r, "notes")), expected=_text(cell(r, "expected")),
            extra=extras, line=n, **plan))
    if problems:
        raise MselError(problems)
    if not injects:
        raise MselError([Problem(0, _("{source}: geen injects gevonden").format(source=source))])
    zero = t0 or (m.t0 if m else None) or _sheet_t0(data, cell, hdr)
    start = t0_of(whens, zero)
    for inj, off in zip(injects, resolve(whens, start)):
        inj.offset_s = off
    odd = {k: v for k, v in channel_notes.items() if norm(k) != norm(v)}
    if odd:
        notices.append(_("kanalen vertaald: ") + ", ".join(f"'{k}' → {v}" for k, v in odd.items()))
    title = (m.title if m and m.title else "") or f"MSEL {Path(source.split(',')[0]).stem}"
    return Sheet(source, cols, headers, extra, injects, start, notices, title)


_YES = {"ja", "j", "x", "yes", "y", "true", "waar", "1"}
_NO = {"", "nee", "n", "no", "false", "onwaar", "0"}


def _plan(r: list[Any], cell: Any, hdr: Any, n: int,
          problems: list[Problem]) -> dict[str, Any] | None:
    """What the export's own columns carry for a row (terugval, verwachtingen, gebeurtenissen):
    keyword arguments for its :class:`Inject`, or None when a cell is wrong (named)."""
    plan: dict[str, Any] = {}
    flag = _text(cell(r, "contingency")).lower()
    if flag not in _YES | _NO:
        problems.append(Problem(n, _("kolom '{0}': '{1}' — schrijf ja of nee").format(
            hdr("contingency"), flag), "rij"))
        return None
    plan["contingency"] = flag in _YES
    for fld, kind in (("expect", Expectation), ("events", EventSpec)):
        raw = _text(cell(r, fld))
        if not raw:
            continue
        try:
            items = json.loads(raw)
            plan[fld] = [kind(**x) for x in items]
        except (ValueError, TypeError):
            problems.append(Problem(n, _("kolom '{0}' is beschadigd (laat hem leeg, of neem "
                                         "hem over uit de uitvoer)").format(hdr(fld)), "rij"))
            return None
    return plan


def _sheet_t0(data: list[tuple[int, list[Any]]], cell: Any, hdr: Any) -> datetime | None:
    """The T0 the export wrote beside every row (one moment), or None."""
    seen = {_text(cell(r, "t0")) for _n, r in data} - {""}
    if not seen:
        return None
    try:
        whens = [parse_time(v) for v in seen]
    except TimeError:
        whens = []
    moments = {w.moment for w in whens if w.kind == "moment"}
    if len(moments) != 1 or len(whens) != len(seen):
        raise MselError([Problem(0, _("kolom '{0}': één T0 voor het hele blad, als moment "
                                      "(bv. 2027-01-19 05:40); gevonden: {1}").format(
            hdr("t0"), ", ".join(sorted(seen)[:3])))])
    return moments.pop()


def column_letter(i: int) -> str:
    s = ""
    i += 1
    while i:
        i, rem = divmod(i - 1, 26)
        s = chr(65 + rem) + s
    return s


def _channel(text: str) -> str:
    """The journal channel for a delivery method ('telefoon' when none is named)."""
    if not text:
        return "telefoon"
    for c in CHANNELS:
        if norm(c) == norm(text):
            return c
    low = text.lower()
    for word, ch in CHANNEL_WORDS.items():
        if word in low:
            return ch
    return "telefoon"


# ---------------------------------------------------------------------- export

EXPORT_HEADERS = ["Nummer", "Scenariotijd", "Soort", "Kanaal", "Van", "Aan", "Bericht",
                  "Verwachte actie", "Doel", "Notities spelleiding", "Status",
                  "Verstuurd (scenariotijd)", "Verstuurd (kloktijd UTC)", "T0 (UTC)",
                  "Terugval", "Verwachtingen (JSON)", "Gebeurtenissen (JSON)"]


def export_rows(sc: Scenario, status: dict[str, Any] | None = None,
                more: tuple[list[str], dict[str, list[Any]]] | None = None) -> list[list[Any]]:
    """The scenario as MSEL rows (header first), with fired-at and status when played;
    ``more`` adds columns (headers, inject id -> cells), e.g. the review's player responses."""
    more_heads, more_cells = more or ([], {})
    by_id = {r["id"]: r for r in (status or {}).get("injects", [])}
    extra_keys: list[str] = []
    own = {norm(h) for h in EXPORT_HEADERS + more_heads}  # kept from an earlier export: new now
    for inj in sc.injects:
        for k in inj.extra:
            if k not in extra_keys and norm(k) not in own:
                extra_keys.append(k)
    out: list[list[Any]] = [EXPORT_HEADERS + more_heads + extra_keys]
    for inj in sorted(sc.injects, key=lambda i: (by_id.get(i.id, {}).get("due_s", i.offset_s))):
        row = by_id.get(inj.id, {})
        due = row.get("due_s", inj.offset_s)
        fired_s, wall = row.get("fired_s"), row.get("fired_wall_ms")
        out.append([
            inj.id, fmt_offset(due), inj.kind, inj.channel, inj.sender, inj.recipient,
            inj.message, inj.expected, inj.objective, inj.notes,
            row.get("status", "terugval" if inj.contingency else "gepland"),
            fmt_offset(fired_s) if fired_s is not None else "",
            datetime.fromtimestamp(wall / 1000, UTC).strftime("%Y-%m-%d %H:%M:%S")
            if wall else "",
            sc.t0.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S"),
            "ja" if inj.contingency else "nee", _json([asdict(x) for x in inj.expect]),
            _json([asdict(e) for e in inj.events]),
        ] + list(more_cells.get(inj.id, [""] * len(more_heads)))
            + [inj.extra.get(k, "") for k in extra_keys])
    return out


def _json(items: list[dict[str, Any]]) -> str:
    return json.dumps(items, ensure_ascii=False, separators=(",", ":"),
                      default=str) if items else ""


def write_msel(rows: Iterable[list[Any]], path: str | Path) -> Path:
    """Write rows to ``.xlsx`` or ``.csv`` (UTF-8 with BOM, semicolons: opens in Dutch Excel)."""
    p = Path(path)
    rows = list(rows)
    if p.suffix.lower() == ".xlsx":
        import openpyxl

        wb = openpyxl.Workbook()
        ws = wb.active
        ws.title = "MSEL"
        for r in rows:
            ws.append([_cell_safe(v) for v in r])
        wb.save(p)
    elif p.suffix.lower() == ".csv":
        with open(p, "w", encoding="utf-8-sig", newline="") as f:
            csv.writer(f, delimiter=";").writerows([[_cell_safe(v) for v in r] for r in rows])
    else:
        raise MselError([Problem(0, _("{name}: kies .xlsx of .csv").format(name=p.name))])
    return p


def _cell_safe(v: Any) -> Any:
    """No formulas from data: a text starting with = + - @ is written as text."""
    if isinstance(v, str) and v[:1] in ("=", "@"):
        return "'" + v
    return v
