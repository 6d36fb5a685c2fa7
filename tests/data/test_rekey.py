"""Re-keying paper: a leading time in the quick entry or a form's time field is the most recent
such local moment, never one in the future; anything else is refused in Dutch."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from data.picture.rekey import parse_time_field, split_leading_time

# 00:10 local time on 22 November (CET: UTC+1)
JUST_AFTER_MIDNIGHT = datetime(2026, 11, 21, 23, 10, tzinfo=timezone.utc)


def test_leading_time_is_today_or_yesterday_never_later():
    assert split_leading_time("00:05 mast Epe uit", JUST_AFTER_MIDNIGHT) == (
        "2026-11-21T23:05:00Z", "mast Epe uit")
    # 23:50 typed at 00:10 is yesterday evening
    assert split_leading_time("23.50 brand gemeld", JUST_AFTER_MIDNIGHT) == (
        "2026-11-21T22:50:00Z", "brand gemeld")
    assert split_leading_time("9:05 kort", JUST_AFTER_MIDNIGHT)[0] == "2026-11-21T08:05:00Z"


@pytest.mark.parametrize("text", ["geen tijd hier", "25:00 te laat", "14:05", "1405 tekst",
                                  "14:60 tekst"])
def test_text_without_a_leading_time_is_left_alone(text):
    assert split_leading_time(text, JUST_AFTER_MIDNIGHT) == (None, text)


def test_form_time_field():
    assert parse_time_field("", JUST_AFTER_MIDNIGHT) is None
    assert parse_time_field(" 00:05 ", JUST_AFTER_MIDNIGHT) == "2026-11-21T23:05:00Z"
    with pytest.raises(ValueError, match="niet begrepen"):
        parse_time_field("kwart over twee", JUST_AFTER_MIDNIGHT)


def test_any_form_re_keyed_from_paper_is_marked_in_its_history_line(store_factory):
    """Not only a journal line: an incident reported and later changed from paper says so in
    the history line of that change (and the detail shows it); a change typed in now does not."""
    from data.domain.validation import ValidationError
    from data.picture.detail_html import history_html
    from data.store import Command

    st = store_factory()
    ch = st.execute([Command("incident.reported", {
        "title": "Dijk Lek", "kind": "overstroming", "regions": ["VR18"], "nagekomen": True},
        occurred_at="2030-01-01T12:05:00Z")], "IM")
    (iid,) = ch.entities
    st.execute([Command("incident.updated", {"location": "Lekdijk km 12"}, entity=iid)], "IM")
    st.execute([Command("incident.updated", {"phase": "warm", "nagekomen": True}, entity=iid,
                        occurred_at="2030-01-01T12:40:00Z")], "IM")
    inc = st.entity(iid)
    marks = [(h["what"], h.get("nagekomen", False), h.get("fields")) for h in inc["history"]]
    assert marks == [("aangemaakt", True, None), ("gewijzigd", False, ["location"]),
                     ("gewijzigd", True, ["phase"])]
    assert "nagekomen" not in inc  # a mark of those changes, not of the incident
    assert history_html(inc["history"]).count("nagekomen") == 2
    with pytest.raises(ValidationError, match="ja of nee"):
        st.execute([Command("incident.updated", {"phase": "lauw", "nagekomen": "misschien"},
                            entity=iid)], "IM")


def test_a_paper_time_on_a_centre_report_marks_that_report_only(store_factory):
    from data.store import Command

    st = store_factory()
    st.execute([Command("centre.reported", {"centre": "VNOG", "fuel_hours": 48,
                                            "nagekomen": True},
                        occurred_at="2030-01-01T12:05:00Z")], "IM")
    st.execute([Command("centre.reported", {"centre": "VNOG", "fuel_hours": 40})], "IM")
    (c,) = st.entities("centre")
    assert "nagekomen" not in c
    assert [h.get("nagekomen", False) for h in c["history"]] == [True, False]
    assert all("nagekomen" not in (h.get("fields") or []) for h in c["history"])
