"""The core speaks the language chosen: every kind of message of data/ comes out English when
English is chosen, the English catalogue covers every message the code marks, and Dutch (the
source language) stays exactly the source text.

The catalogue is compiled from the committed ``.po`` into a temporary folder here, so these tests
do not depend on ``make catalogues`` having run.
"""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from data import i18n
from data.domain import commands, events
from data.domain.commands import Target
from data.domain.enums import label, means_label
from data.domain.validation import ValidationError
from data.picture import deadlines, timefmt
from data.scenario.clock_text import clock_text
from data.store import IngestResult, fold, roster, verify
from data.store.envelope import Event
from data.sync.hub.storage import TRANSIENT_MARKERS
from data.sync.roster_sync import roster_may_help

ROOT = Path(__file__).resolve().parents[2]
LOCALE = ROOT / "data" / "locale"
POT = LOCALE / "crisisbeeld.pot"
PO = LOCALE / "en" / "LC_MESSAGES" / "crisisbeeld.po"

#: ordinary Dutch words that must not be left in an English message
DUTCH = re.compile(r"\b(de|het|een|van|niet|geen|voor|met|naar|bij|wordt|zijn|nieuw|is al|"
                   r"verplicht|mag|kies|status was al|toegestane|ingezet|zo|ma|u)\b")


@pytest.fixture
def english(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The English catalogue, compiled from the committed .po, in use for one test."""
    mo = tmp_path / "en" / "LC_MESSAGES" / f"{i18n.DOMAIN}.mo"
    mo.parent.mkdir(parents=True)
    with PO.open("rb") as f, mo.open("wb") as out:
        write_mo(out, read_po(f))
    monkeypatch.setattr(i18n, "LOCALE_DIR", tmp_path)
    i18n.set_language("en")
    try:
        yield
    finally:
        i18n.set_language("nl")


def _english(text: str) -> str:
    assert text and not DUTCH.search(text), f"Dutch left in: {text!r}"
    return text


def _refusal(state: dict[str, Any], to: str) -> str:
    payload = {"to": to}
    with pytest.raises(ValidationError) as e:
        commands.check("incident.status_changed", payload, "i1", "IM VNOG",
                       lambda _id: Target("incident", state), lambda: "new")
    return str(e.value)


def _conflict() -> dict[str, Any]:
    def ev(n: int, type_: str, payload: dict[str, Any]) -> Event:
        return Event(id=f"ev{n}", world="LIVE", origin="vnog", seq=n, hlc=f"{n:013d}-0000-vnog",
                     occurred_at=f"2026-01-01T10:00:0{n}Z", recorded_at="2026-01-01T11:00:00Z",
                     author="IM VNOG", type=type_, entity="i1", payload_json="{}",
                     prev="0" * 64, payload=payload)

    st = fold.apply(None, ev(1, "incident.reported", {"title": "Brand"}), "incident")
    st = fold.apply(st, ev(2, "incident.status_changed", {"from": "gemeld", "to": "beheerst"}),
                    "incident")
    return st["conflicts"][0]


def _validation_error() -> str:
    with pytest.raises(ValidationError) as e:
        events.validate_payload("incident.reported", {"title": "", "regions": ["XX"]})
    return str(e.value)


def test_every_kind_of_message_comes_out_english(english: None) -> None:
    assert _english(_validation_error()) == (
        "title: is required; kind: is required; regions: 'XX' is not a safety region (use "
        "VR01–VR25 or the abbreviation, e.g. VNOG)")
    assert _english(_refusal({"status": "afgeschaald"}, "actief")) == (
        "to status: from Closed to Active is not allowed")
    assert _english(fold.conflict_reason(_conflict())) == "Reported → Under control is not an " \
        "allowed step"
    # a row of the store's conflict list keeps only the Dutch reason
    row = {"wanted": "beheerst", "found": "actief", "reason": "wilde Gemeld → Beheerst, maar de "
           "status was al Actief"}
    assert _english(fold.conflict_reason(row)) == (
        "wanted Reported → Under control, but the status was already Active")
    # what the Overzicht tiles and the boards show of a status, a means, a deadline
    assert _english(label("ingezet")) == "Deployed"
    assert _english(means_label("aggregaten_noodstroom")) == "Generators"
    assert _english(deadlines.target_text(-190)) == "passed 3 h 10 min"
    tally = deadlines.NspTally(total=3, operational=2, at_risk=1)
    assert _english(tally.text()) == "2/3 operational, 1 will miss target"
    # a title the store keeps in Dutch, shown in the language in use
    assert fold.shown_title("bijstand", "3× Aggregaten / noodstroom") == (
        "3× Generators / emergency power")
    assert fold.shown_title("decision", "Besluit 4: Evacueren") == "Decision 4: Evacueren"
    assert fold.shown_title("incident", "Besluit 4: Evacueren") == "Besluit 4: Evacueren"
    # weekday, date and duration
    assert _english(timefmt.local_hm("2026-11-22T13:05:00Z")) == "Sun 22/11 14:05"
    assert timefmt.weekday(0) == "Mon"
    assert timefmt.number(1234.5, 1) == "1,234.5"
    clock = {"speed": 4, "t0_ms": 0, "scenario_ms": 8_100_000, "wall_ms": 0, "running": False}
    assert _english(clock_text(clock, 0)) == "EXERCISE · T+02:15 · ×4 · paused"


def test_checks_that_read_a_reason_work_in_english(english: None) -> None:
    """A reason that means "again later" is still read as such in English: by a hub inside the
    application (its retry mark) and by the sync engine (a newer roster may help)."""
    transient = [roster.unknown_text("vnog"), roster.rotation_text("vnog"),
                 verify.future_text("vnog", 600_000),
                 i18n._("ontbrekende voorganger: verwacht seq {value} van {origin}, kreeg {seq}")]
    for reason in transient:
        assert _english(reason) and any(m in reason for m in TRANSIENT_MARKERS), reason
    res = IngestResult(rejected=[("e1", roster.unknown_text("vnog"))], held=["e1"])
    assert roster_may_help(res)
    assert not roster_may_help(IngestResult(rejected=[("e1", roster.key_text("vnog"))],
                                            held=["e1"]))


def test_dutch_is_the_source_text_again_after_english(english: None) -> None:
    assert timefmt.local_hm("2026-11-22T13:05:00Z") == "Sun 22/11 14:05"
    i18n.set_language("nl")
    # the cached texts of the other language are gone with the switch
    assert timefmt.local_hm("2026-11-22T13:05:00Z") == "zo 22-11 14:05"
    assert _validation_error() == (
        "titel: is verplicht; soort: is verplicht; regio's: 'XX' is geen veiligheidsregio "
        "(gebruik VR01–VR25 of de afkorting, bv. VNOG)")
    assert _refusal({"status": "afgeschaald"}, "actief") == (
        "naar status: van Afgesloten naar Actief mag niet")
    c = _conflict()
    assert fold.conflict_reason(c) == c["reason"] == "Gemeld → Beheerst is geen toegestane stap"
    row = {"wanted": "beheerst", "reason": "wilde Gemeld → Beheerst, maar de status was al Actief"}
    assert fold.conflict_reason(row) == row["reason"]
    assert label("ingezet") == "Ingezet"
    assert fold.shown_title("bijstand", "3× Aggregaten / noodstroom") == (
        "3× Aggregaten / noodstroom")
    assert deadlines.target_text(-190) == "verstreken 3 u 10 min"
    assert timefmt.number(1234.5, 1) == "1.234,5"


def test_the_fold_keeps_dutch_whatever_the_language(english: None) -> None:
    """A state is the same in every store: what the fold writes never follows the language."""
    c = _conflict()
    assert c["reason"] == "Gemeld → Beheerst is geen toegestane stap"
    assert fold.conflict_reason(c) != c["reason"]


def _catalogue(path: Path) -> Any:
    with path.open("rb") as f:
        return read_po(f)


def _names(text: str) -> set[str]:
    """The placeholders of a message (their names, not their formats)."""
    return set(re.findall(r"\{(\w*)", text))


def test_every_message_has_an_english_translation() -> None:
    """The completeness check: each message id of the template has a non-empty English text
    with the same placeholders (a format such as the date's may follow the language)."""
    en = _catalogue(PO)
    missing, wrong = [], []
    for m in _catalogue(POT):
        if not m.id:
            continue
        t = en.get(m.id)
        forms = () if t is None else t.string if isinstance(t.string, tuple) else (t.string,)
        source = m.id[0] if isinstance(m.id, tuple) else m.id
        if not forms or not all(forms) or (t is not None and t.fuzzy):
            missing.append(source)
        elif any(_names(source) != _names(text) for text in forms):
            wrong.append(source)
    assert not missing, f"no English for: {missing[:10]}"
    assert not wrong, f"placeholders differ in: {wrong[:10]}"


def test_the_template_holds_every_message_the_code_marks() -> None:
    """A message marked in data/ but not extracted (the .pot not brought up to date) fails."""
    keywords = {"_": None, "N_": None, "ngettext": (1, 2)}
    marked = {m[2] if isinstance(m[2], str) else m[2][0]
              for m in extract_from_dir(ROOT / "data", keywords=keywords)}
    committed = {m.id if isinstance(m.id, str) else m.id[0] for m in _catalogue(POT) if m.id}
    assert marked - committed == set(), "bring the template up to date (docs/i18n-core.md)"


def test_the_switch_and_the_catalogue_need_no_qt() -> None:
    code = ("import sys; import data.i18n as i; i.set_language('en'); "
            "print(i._('is verplicht'), [m for m in sys.modules if m.startswith('PySide6')])")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                         check=True).stdout
    assert out.strip().endswith("[]")
