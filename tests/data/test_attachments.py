"""Attachments in a store: bytes beside the log by SHA-256, one event per file, classification."""

from __future__ import annotations

import hashlib

import pytest

from data.domain import attachments as att
from data.domain.validation import ValidationError
from data.store import Command, Store
from data.store.blobs import BlobError
from tests.data.helpers import bijstand, incident, new, send, snapshot

PHOTO = b"\x89PNG\r\n\x1a\n" + b"dijkdoorbraak" * 50


def _decision(st: Store) -> str:
    sid = new(st, Command("irbt.session_opened", {"title": "IRBT 1", "regions": ["VNOG"]}))
    return new(st, Command("decision.recorded", {"session_id": sid, "number": 1,
                                                 "text": "Evacueer de polder"}))


def test_a_file_on_each_kind_of_item_is_kept_by_its_hash(store_factory):
    st = store_factory()
    targets = {
        "incident": new(st, incident()), "bijstand": new(st, bijstand()),
        "decision": _decision(st),
        "journal": new(st, Command("journal.logged", {"channel": "telefoon", "text": "dijk"})),
    }
    for kind, tid in targets.items():
        _ch, aid = st.attach(tid, PHOTO, f"{kind}.png", author="IM VNOG", caption="de bres")
        (a,) = st.attachments(tid)
        assert a["id"] == aid and a["target_kind"] == kind and a["received"]
        assert a["sha256"] == hashlib.sha256(PHOTO).hexdigest() and a["size"] == len(PHOTO)
        assert a["media_type"] == "image/png" and a["caption"] == "de bres"
    assert st.blob(hashlib.sha256(PHOTO).hexdigest()) == PHOTO
    assert st.blobs_held() == {hashlib.sha256(PHOTO).hexdigest()}  # one copy for four
    assert st.attachment_counts() == {tid: 1 for tid in targets.values()}
    # a journal line with a file stays what it was
    assert st.entity(targets["journal"])["text"] == "dijk"
    before = st.fingerprint()
    st.rebuild()
    assert st.fingerprint() == before and len(st.attachments()) == 4


def test_past_the_limit_nothing_is_kept(store_factory):
    st = store_factory()
    iid = new(st, incident())
    before = snapshot(st)
    big = b"x" * (att.MAX_ATTACHMENT_BYTES + 1)
    with pytest.raises(ValidationError, match="te groot"):
        st.attach(iid, big, "film.mp4", author="IM VNOG")
    with pytest.raises(BlobError, match="te groot"):
        st.put_blob(big)
    assert snapshot(st) == before and st.blobs_held() == set()
    # exactly at the limit is fine
    st.attach(iid, b"y" * att.MAX_ATTACHMENT_BYTES, "scan.pdf", author="IM VNOG")
    assert len(st.attachments(iid)) == 1


def test_a_refused_event_keeps_no_bytes(store_factory):
    st = store_factory()
    iid = new(st, incident())
    before = snapshot(st)
    with pytest.raises(ValidationError, match="bestaat niet"):
        st.attach("onbekend-id", PHOTO, "a.png", author="IM VNOG")
    with pytest.raises(ValidationError, match="bestandsnaam"):
        st.attach(iid, PHOTO, "../../etc/passwd", author="IM VNOG")
    with pytest.raises(ValidationError, match="hoort bij"):
        st.execute(Command("attachment.added", {
            "target_kind": "decision", "target_id": iid, "sha256": "0" * 64, "name": "a.png",
            "media_type": "image/png", "size": 3}), "IM VNOG")
    assert snapshot(st) == before and st.blobs_held() == set()


def test_bytes_that_do_not_match_their_hash_are_refused(store_factory):
    st = store_factory()
    with pytest.raises(BlobError, match="controlegetal"):
        st.put_blob(PHOTO, hashlib.sha256(b"iets anders").hexdigest())
    assert st.blobs_held() == set()
    digest = hashlib.sha256(PHOTO).hexdigest()
    assert st.put_blob(PHOTO, digest) == digest


def test_classification_is_the_items_unless_given_and_never_more_open(store_factory):
    st = store_factory()
    secret = new(st, incident(classification="vertrouwelijk"))
    open_ = new(st, incident("Open", classification="openbaar"))
    st.attach(secret, PHOTO, "a.png", author="IM VNOG")
    st.attach(secret, b"tekst", "nlalert.txt", author="IM VNOG", classification="openbaar")
    st.attach(open_, b"pdf", "kaart.pdf", author="IM VNOG", classification="vertrouwelijk")
    inherited, marked_open = st.attachments(secret)
    assert inherited["classification"] == "vertrouwelijk"
    assert marked_open["classification"] == "openbaar"
    # what counts: never more open than the incident it belongs to
    target = st.entity(secret)
    assert att.effective_class(marked_open, target) == "vertrouwelijk"
    assert not att.allowed(marked_open, target, "intern")
    (own,) = st.attachments(open_)
    assert att.effective_class(own, st.entity(open_)) == "vertrouwelijk"
    assert not att.allowed(own, st.entity(open_), "openbaar")
    assert att.allowed(own, st.entity(open_), "vertrouwelijk")


def test_a_received_attachment_without_its_bytes_is_not_received_yet(store_factory):
    a, b = store_factory("vnog"), store_factory("vrbzo")
    iid = new(a, incident())
    a.attach(iid, PHOTO, "dijk.png", author="IM VNOG")
    send(a, b)
    (got,) = b.attachments(iid)
    assert not got["received"] and b.blob(got["sha256"]) is None
    assert b.wanted_blobs() == {got["sha256"]}
    assert att.NOT_RECEIVED == "bijlage nog niet ontvangen"
    b.put_blob(a.blob(got["sha256"]) or b"")
    assert b.attachments(iid)[0]["received"] and b.wanted_blobs() == set()


def test_a_file_attached_by_mistake_is_withdrawn_with_a_reason_and_its_bytes_go(store_factory):
    st = store_factory()
    iid = new(st, incident())
    _ch, wrong = st.attach(iid, PHOTO, "paspoort.png", author="IM VNOG")
    _ch, right = st.attach(iid, b"%PDF evacuatieplan", "plan.pdf", author="IM VNOG")
    sha = st.entity(wrong)["sha256"]
    with pytest.raises(ValidationError, match="reden"):
        st.withdraw_attachment(wrong, "  ", author="IM VNOG")
    assert st.blob(sha) == PHOTO  # a refusal changes nothing
    st.withdraw_attachment(wrong, "persoonsgegevens op de foto", author="IM VNOG")
    assert [a["id"] for a in st.attachments(iid)] == [right]
    assert st.attachment_counts() == {iid: 1}
    assert st.blob(sha) is None and sha not in st.referenced_blobs() | st.wanted_blobs()
    (gone,) = st.attachments(iid, withdrawn=True)[:1]
    assert gone["withdrawn"]["reason"] == "persoonsgegevens op de foto"
    assert gone["history"][-1]["what"] == "bijlage ingetrokken"
    with pytest.raises(ValidationError, match="al ingetrokken"):
        st.withdraw_attachment(wrong, "nog eens", author="IM VNOG")
    with pytest.raises(ValidationError, match="geen attachment"):
        st.withdraw_attachment(iid, "dit is een incident", author="IM VNOG")


def test_bytes_another_attachment_still_names_are_kept(store_factory):
    st = store_factory()
    iid = new(st, incident())
    _ch, first = st.attach(iid, PHOTO, "dijk.png", author="IM VNOG")
    st.attach(iid, PHOTO, "dijk-kopie.png", author="IM VNOG")  # the same bytes, once stored
    st.withdraw_attachment(first, "dubbel", author="IM VNOG")
    assert st.blob(att.sha256_hex(PHOTO)) == PHOTO


def test_a_withdrawal_converges_and_the_receiver_drops_the_bytes(store_factory):
    a, b = store_factory("vnog"), store_factory("vrbzo")
    iid = new(a, incident())
    _ch, aid = a.attach(iid, PHOTO, "dijk.png", author="IM VNOG")
    send(a, b)
    b.put_blob(PHOTO)
    # both withdraw at once, with other reasons: every store keeps the same one
    a.withdraw_attachment(aid, "verkeerde foto", author="IM VNOG")
    b.execute(Command("attachment.withdrawn", {"reason": "dubbel"}, entity=aid), "IM VRBZO")
    send(a, b)
    send(b, a)
    assert snapshot(a) == snapshot(b)
    assert a.entity(aid)["withdrawn"] == b.entity(aid)["withdrawn"]
    assert b.purge_withdrawn() == 1 and b.blob(att.sha256_hex(PHOTO)) is None
    assert b.attachments(iid) == []
