"""The sitrep's content on a known store (data.report, no Qt): figures, decisions, open
quantities in the Markdown and HTML; the classification ceiling; the region and since filters;
the exercise mark."""

from __future__ import annotations

import pytest

from data.report.content import Filters, region_codes
from data.report.gather import sitrep
from data.report.html import html
from data.report.markdown import markdown
from data.report.pack import pack_document
from tests.data import report_store as rs


@pytest.fixture
def known(store_factory):
    st = store_factory("vnog", world="OEF-TEST", name="VNOG")
    rs.build(st)
    return st


def test_sitrep_content_in_markdown(known):
    s = sitrep(known, rs.NOW)
    md = markdown(s)
    assert md.startswith("**OEFENING**") and md.rstrip().endswith("**OEFENING**")
    assert "# Situatierapport VNOG" in md and "Wereld: OEF-TEST" in md
    assert f"Vingerafdruk: {known.fingerprint()}" in md
    assert "Hoogste rubricering in dit rapport: **VERTROUWELIJK**" in md
    # beeld: the incident with its picture; closed and filtered ones are not there
    assert "#### Stroomuitval Oost" in md and "herstel niet voor morgen" in md
    # bijstand: 12 asked, 5 offered by VRU with an ETA, needed-by passed
    assert ("| 7 van 12 aggregaten | za 21-11 13:00 ⚠ verstreken "
            "| 5 van VRU, ETA za 21-11 16:00 |") in md
    assert "nog niet gedekt: 7 eenheden" in md
    # comms: the channel out and the fallback in use
    assert "| Noord- en Oost-Gelderland | C2000 | — | satelliet (satelliettelefoon ROT) |" in md
    # noodsteunpunt: T0 was 80 hours ago, still not operational: target missed
    assert "⚠ doel gemist · verstreken 8 u 00 min" in md
    # besluiten: number and version, the overdue action with owner and due time first
    assert "IRBT · afspraak 7 · versie 1" in md
    assert ("| Lijst drinkwaterlocaties rondsturen | AC Bevolkingszorg | za 21-11 14:00 "
            "| TE LAAT |") in md
    assert "| Brandstofroute plannen | OvD Logistiek | za 21-11 18:00 | Open |" in md
    assert md.index("Lijst drinkwater") < md.index("Brandstofroute")
    # oordeel
    assert "1 actie(s) over de gereedtijd (eigenaar: AC Bevolkingszorg)." in md
    assert "1 noodsteunpunt(en) heeft het 72-uursdoel gemist." in md
    # journal: key messages of the last 24 hours only
    assert "Stroom terug in Epe-Noord" in md and "Oud bericht" not in md
    assert s.figures["incidents_active"] == 1 and s.figures["bijstand_open_quantity"] == 7


@pytest.mark.parametrize("ceiling,absent,present", [
    ("openbaar", [rs.SECRET, rs.SECRET_DECISION, rs.INTERNAL_INCIDENT,
                  "Personeel ziekenhuis"], ["Stroom terug in Epe-Noord"]),
    ("intern", [rs.SECRET, rs.SECRET_DECISION], [rs.INTERNAL_INCIDENT, "Personeel ziekenhuis"]),
])
def test_classification_ceiling_in_markdown_and_html(known, ceiling, absent, present):
    s = sitrep(known, rs.NOW, Filters(max_class=ceiling))
    journal = [{"at": rs.at(1), "text": rs.SECRET, "classification": "vertrouwelijk"}]
    journal = [j for j in journal if s.filters.allows(j)]
    for text in (markdown(s), html(s), pack_document(s, journal, "1")):
        for a in absent:
            assert a not in text
        for p in present:
            assert p in text
    assert s.highest_class == ceiling
    assert f"Hoogste rubricering in dit rapport: **{ceiling.upper()}**" in markdown(s)


def test_region_and_since_filters(known):
    s = sitrep(known, rs.NOW, Filters(regions=region_codes(["VRBZO"])))
    md = markdown(s)
    assert rs.INTERNAL_INCIDENT in md and "Stroomuitval Oost" not in md
    assert "Aggregaten / noodstroom" not in md and "Sporthal De Kamp" not in md
    s = sitrep(known, rs.NOW, Filters(since=rs.at(48)))
    assert "Oud bericht" in markdown(s)
    with pytest.raises(ValueError, match="onbekend"):
        region_codes(["Atlantis"])


def test_live_store_has_no_exercise_mark(store_factory):
    st = store_factory("kcr2", name="KCR2")
    md = markdown(sitrep(st, rs.NOW))
    assert "OEFENING" not in md and "Wereld: LIVE" in md
    assert "OEFENING" not in html(sitrep(st, rs.NOW))


def test_html_is_self_contained_and_marks_every_printed_page(known):
    page = html(sitrep(known, rs.NOW))
    assert "<svg" in page and "@page { size: A4" in page
    assert "<div class='mark'>OEFENING</div>" in page and "position: fixed" in page
    assert "http://" not in page.replace("http://www.w3.org/2000/svg", "")


def test_a_long_bijstand_list_is_cut_to_the_most_urgent_and_says_so(known):
    from data.report.content import compose
    from data.report.gather import gather, meta_of

    raw = gather(known, rs.NOW, rs.at(24))
    s = compose(raw, meta_of(known), rs.NOW, bijstand_listed=0)
    md = markdown(s)
    assert s.bijstand == [] and s.bijstand_more == 1
    assert "… en 1 andere open verzoeken" in md and "1 ingediend" in md
    assert s.figures["bijstand_open_quantity"] == 7  # the figures still count every request
    assert "… en" not in markdown(compose(raw, meta_of(known), rs.NOW))


def test_a_pack_sitrep_relisted_from_its_board_is_the_sitrep(known):
    from data.report.content import BIJSTAND_LISTED, compose, relisted
    from data.report.gather import gather, meta_of

    raw = gather(known, rs.NOW, rs.at(24))
    board = compose(raw, meta_of(known), rs.NOW, bijstand_listed=300)
    assert relisted(board, BIJSTAND_LISTED) == compose(raw, meta_of(known), rs.NOW)
    assert relisted(board, 0) == compose(raw, meta_of(known), rs.NOW, bijstand_listed=0)


def test_journal_marks_and_local_seq_reads_give_the_lines_of_the_full_read(known):
    from data.store import log

    with known.reader() as conn:
        full = log.journal_between(conn, rs.at(48), rs.at(0))
        marks = log.journal_marks(conn, rs.at(48), rs.at(0))
        back = log.by_local_seq(conn, [n for n, _c in marks][::-1])
    assert len(full) > 2
    assert [c for _n, c in marks] == [e.payload.get("classification") for e in full]
    assert [e.id for e in back] == [e.id for e in full][::-1]
