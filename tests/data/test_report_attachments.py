"""A sitrep names the files attached to an incident, and respects the classification ceiling:
a file is never more open than its incident, and one above the ceiling is left out (counted)."""

from __future__ import annotations

from datetime import UTC, datetime

from data.report.content import Filters
from data.report.gather import sitrep
from data.report.markdown import markdown
from tests.data.helpers import incident, new

NOW = datetime(2030, 1, 1, tzinfo=UTC)


def test_sitrep_lists_files_under_the_ceiling(store_factory):
    st = store_factory()
    open_inc = new(st, incident("Dijkdoorbraak", classification="openbaar"))
    st.attach(open_inc, b"foto", "bres.jpg", author="IM VNOG")
    st.attach(open_inc, b"intern", "evacuatieplan.pdf", author="IM VNOG",
              classification="vertrouwelijk")
    all_ = sitrep(st, NOW)
    (inc,) = all_.incidents
    assert inc["attachments"] == ["bres.jpg", "evacuatieplan.pdf"]
    public = sitrep(st, NOW, Filters(max_class="openbaar"))
    (inc,) = public.incidents
    assert inc["attachments"] == ["bres.jpg"] and public.withheld == 1
    md = markdown(public)
    assert "Bijlagen: bres.jpg" in md and "evacuatieplan" not in md
    # the raw states are not changed by composing (a second sitrep lists each file once)
    again = sitrep(st, NOW)
    assert again.incidents[0]["attachments"] == ["bres.jpg", "evacuatieplan.pdf"]
