from data.store import Command


def test_report_and_read_back(store_factory):
    st = store_factory()
    ch = st.execute(Command("incident.reported", {"title": "Stroomuitval", "kind": "stroomuitval",
                                                  "regions": ["VNOG"]}), "IM VNOG")
    (iid,) = ch.entities
    assert st.entity(iid)["status"] == "gemeld"
    assert ch.touches("incident")
