"""Attachments (bijlagen): a file — a photo of the dike breach, the NL-Alert text, a PDF — on an
incident, a decision, a bijstand request or a journal line.

The file's bytes are content-addressed: they are known by their SHA-256 and kept beside the log
(:mod:`data.store.blobs`); the event ``attachment.added`` says which item the file belongs to,
with its name, media type, size, classification and caption. An attachment is an entity of its
own (kind ``attachment``), so adding one never touches the item's own events, and a journal line
stays the light entry it was.

An attachment carries its own classification; when none is given it takes the item's. What it
shows is never more open than the item it belongs to (:func:`effective_class`).
"""

from __future__ import annotations

import hashlib
import mimetypes
import re
from typing import Any, Mapping

from data.domain import validation as v
from data.domain.enums import Classification
from data.domain.validation import Field, ValidationError
from data.i18n import N_, _

#: the largest file that may be attached (bytes): a phone photo or a scanned PDF fits; a video
#: does not belong in a crisis picture that travels over satellite links and USB sticks
MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024

#: the item kinds a file may be attached to (entity kind -> what a person calls it)
TARGET_KINDS: dict[str, str] = {
    "incident": N_("incident"), "decision": N_("besluit"), "bijstand": N_("bijstandsverzoek"),
    "journal": N_("logboekregel"),
}

#: what a person sees where the bytes have not arrived yet (from the hub or a bundle)
NOT_RECEIVED = N_("bijlage nog niet ontvangen")

_SHA256 = re.compile(r"[0-9a-f]{64}")
_MEDIA = re.compile(r"[a-z0-9][a-z0-9!#$&^_.+-]{0,63}/[a-z0-9][a-z0-9!#$&^_.+-]{0,63}")
#: classification values from low to high
_RANK = {c.value: i for i, c in enumerate(Classification)}


def too_large_text(size: int, limit: int = MAX_ATTACHMENT_BYTES) -> str:
    """The refusal for a file past the limit, in a coordinator's words."""
    return _("het bestand is te groot ({size}); een bijlage mag hoogstens {limit} zijn — "
             "verklein de foto of splits het document").format(
                 size=human_size(size), limit=human_size(limit))


def human_size(n: int) -> str:
    """12 kB, 3,4 MB: a size as a person reads it (Dutch decimal comma)."""
    if n < 1024:
        return f"{n} bytes"
    if n < 1024 * 1024:
        return f"{n // 1024} kB"
    mb = n / (1024 * 1024)
    return f"{int(mb)} MB" if mb == int(mb) else f"{mb:.1f} MB".replace(".", ",")


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def sha256_check(value: Any, f: Field) -> str:
    if not isinstance(value, str) or not _SHA256.fullmatch(value.strip().lower()):
        raise ValidationError(_("is geen geldig SHA-256-controlegetal (64 tekens 0-9, a-f)"))
    return value.strip().lower()


def size_check(value: Any, f: Field) -> int:
    n = v.integer(value, f)
    if n > MAX_ATTACHMENT_BYTES:
        raise ValidationError(too_large_text(n))
    return n


def media_check(value: Any, f: Field) -> str:
    if not isinstance(value, str) or not _MEDIA.fullmatch(value.strip().lower()):
        raise ValidationError(_("is geen bestandssoort (zoals image/jpeg of application/pdf)"))
    return value.strip().lower()


def name_check(value: Any, f: Field) -> str:
    """A file name without folders (it is shown and used for a copy to open)."""
    s = v.text(value, f)
    if not s or any(c in s for c in '/\\\0') or s in (".", ".."):
        raise ValidationError(_("noem alleen de bestandsnaam, zonder map"))
    return s


ATTACHMENT_FIELDS = {
    "target_kind": Field("hoort bij (soort)", v.choice, required=True,
                         choices=tuple(TARGET_KINDS)),
    "target_id": Field("hoort bij", v.identifier, required=True),
    "sha256": Field("controlegetal", sha256_check, required=True),
    "name": Field("bestandsnaam", name_check, required=True, max_len=200),
    "media_type": Field("bestandssoort", media_check, required=True),
    "size": Field("grootte", size_check, required=True, min_value=0),
    # absent in a command: the item's own (data.domain.commands); always present in the event
    "classification": Field("rubricering", v.classification),
    "caption": Field("onderschrift", v.text, max_len=500),
}


def media_type_of(name: str) -> str:
    """The media type a file name suggests (application/octet-stream when unknown)."""
    guessed, _enc = mimetypes.guess_type(name, strict=False)
    return guessed or "application/octet-stream"


def is_image(media_type: str) -> bool:
    """Shown inline (a scaled thumbnail) rather than opened by the system."""
    return media_type in ("image/jpeg", "image/png", "image/gif", "image/bmp", "image/webp")


def effective_class(att: Mapping[str, Any], target: Mapping[str, Any] | None) -> str:
    """An attachment's classification as it counts: its own, but never more open than the item
    it belongs to (a photo on a confidential incident is confidential too)."""
    own = str(att.get("classification") or Classification.INTERN.value)
    own = own if own in _RANK else Classification.INTERN.value
    if target is None:
        return own
    tc = str(target.get("classification") or Classification.INTERN.value)
    tc = tc if tc in _RANK else Classification.INTERN.value
    return own if _RANK[own] >= _RANK[tc] else tc


def allowed(att: Mapping[str, Any], target: Mapping[str, Any] | None, max_class: str) -> bool:
    """Under the ceiling ``max_class`` (openbaar, intern, vertrouwelijk)."""
    return _RANK[effective_class(att, target)] <= _RANK.get(max_class, len(_RANK))
