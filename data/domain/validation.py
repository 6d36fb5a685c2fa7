"""Input validation with clear Dutch messages that name the field.

Every door (forms, CLI, ingest, bundle import, hub) validates through here, so a person gets
the same message wherever bad input enters, and nothing is changed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any, Callable, Iterable
from zoneinfo import ZoneInfo

from data.domain.enums import STATE_SECRET_MARKINGS, Classification
from data.domain.regions import REGION_BY_CODE, resolve_region

LOCAL_TZ = ZoneInfo("Europe/Amsterdam")


class ValidationError(ValueError):
    """Bad input. ``errors`` holds (field, message) pairs; str() gives the first message."""

    def __init__(self, errors: list[tuple[str, str]] | str, field: str = "") -> None:
        if isinstance(errors, str):
            errors = [(field, errors)]
        self.errors: list[tuple[str, str]] = errors
        super().__init__("; ".join(f"{f}: {m}" if f else m for f, m in errors))

    @property
    def field(self) -> str:
        return self.errors[0][0] if self.errors else ""


@dataclass(frozen=True, slots=True)
class Field:
    """One payload field: how to check it and what to call it in messages."""

    label: str
    check: Callable[[Any, "Field"], Any]
    required: bool = False
    default: Any = None
    choices: tuple[str, ...] = ()
    max_len: int = 4000
    min_value: float | None = None


def _fail(f: Field, msg: str) -> ValidationError:
    return ValidationError(msg)


def text(v: Any, f: Field) -> str:
    if not isinstance(v, str):
        raise _fail(f, "moet tekst zijn")
    s = v.strip()
    if len(s) > f.max_len:
        raise _fail(f, f"is te lang ({len(s)} tekens, hoogstens {f.max_len})")
    return s


def integer(v: Any, f: Field) -> int:
    if isinstance(v, bool):
        raise _fail(f, "moet een geheel getal zijn")
    if isinstance(v, str) and re.fullmatch(r"\s*-?\d+\s*", v):
        v = int(v)
    if not isinstance(v, int):
        raise _fail(f, "moet een geheel getal zijn")
    if f.min_value is not None and v < f.min_value:
        raise _fail(f, f"moet minstens {int(f.min_value)} zijn")
    return v


def boolean(v: Any, f: Field) -> bool:
    if isinstance(v, bool):
        return v
    if v in ("ja", "true", "1", 1):
        return True
    if v in ("nee", "false", "0", 0, "", None):
        return False
    raise _fail(f, "moet ja of nee zijn")


def choice(v: Any, f: Field) -> str:
    if not isinstance(v, str) or v not in f.choices:
        opts = ", ".join(f.choices)
        raise _fail(f, f"'{v}' is geen geldige waarde; kies uit: {opts}")
    return v


def choices_list(v: Any, f: Field) -> list[str]:
    if isinstance(v, str):
        v = [p for p in (s.strip() for s in v.split(",")) if p]
    if not isinstance(v, (list, tuple)):
        raise _fail(f, "moet een lijst zijn")
    out = []
    for item in v:
        if item not in f.choices:
            raise _fail(f, f"'{item}' is geen geldige waarde; kies uit: {', '.join(f.choices)}")
        if item not in out:
            out.append(item)
    return out


def text_list(v: Any, f: Field) -> list[str]:
    if isinstance(v, str):
        v = [p for p in (s.strip() for s in v.split(",")) if p]
    if not isinstance(v, (list, tuple)) or not all(isinstance(x, str) for x in v):
        raise _fail(f, "moet een lijst met teksten zijn")
    return [x.strip() for x in v if x.strip()]


def region(v: Any, f: Field) -> str:
    if not isinstance(v, str) or not v.strip():
        raise _fail(f, "kies een veiligheidsregio")
    r = resolve_region(v)
    if r is None:
        raise _fail(f, f"'{v}' is geen veiligheidsregio (gebruik VR01–VR25 of de afkorting, "
                       "bv. VNOG)")
    return r.code


def regions(v: Any, f: Field) -> list[str]:
    if isinstance(v, str):
        v = [p for p in (s.strip() for s in v.split(",")) if p]
    if not isinstance(v, (list, tuple)):
        raise _fail(f, "moet een lijst van veiligheidsregio's zijn")
    out: list[str] = []
    for item in v:
        code = region(item, f)
        if code not in out:
            out.append(code)
    if f.required and not out:
        raise _fail(f, "kies minstens één veiligheidsregio")
    return sorted(out)


def region_or_partner(v: Any, f: Field) -> str:
    if isinstance(v, str) and v.strip().upper() in f.choices:
        return v.strip().upper()
    if isinstance(v, str) and resolve_region(v) is not None:
        return region(v, f)
    raise _fail(f, f"'{v}' is geen regio of partner (kies een regio of {', '.join(f.choices)})")


def timestamp(v: Any, f: Field) -> str:
    """A moment, normalised to UTC ISO-8601 with seconds ('2026-11-22T13:05:00Z')."""
    return to_iso(v, f)


def identifier(v: Any, f: Field) -> str:
    if not isinstance(v, str) or not re.fullmatch(r"[A-Za-z0-9:._\-]{1,80}", v):
        raise _fail(f, "is geen geldige verwijzing")
    return v


_CANONICAL_UTC = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ")


def to_iso(v: Any, f: Field | None = None) -> str:
    if isinstance(v, str) and _CANONICAL_UTC.fullmatch(v):
        # Already in the stored form (every received event): check it is a real moment and
        # keep it as it is, which is what the full path below would return.
        try:
            datetime.fromisoformat(v[:-1])
        except ValueError:
            raise ValidationError("geen geldige tijd (gebruik bv. 2026-11-22 14:05)") from None
        return v
    if isinstance(v, str):
        s = v.strip().replace(" ", "T", 1)
        try:
            dt = datetime.fromisoformat(s.replace("Z", "+00:00"))
        except ValueError:
            raise ValidationError("geen geldige tijd (gebruik bv. 2026-11-22 14:05)") from None
    elif isinstance(v, datetime):
        dt = v
    else:
        raise ValidationError("geen geldige tijd (gebruik bv. 2026-11-22 14:05)")
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=LOCAL_TZ)
    return dt.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def parse_iso(s: str) -> datetime:
    """Inverse of :func:`to_iso` (aware UTC datetime)."""
    return datetime.fromisoformat(s.replace("Z", "+00:00"))


_CLASSIFICATIONS = frozenset(c.value for c in Classification)


def classification(v: Any, f: Field) -> str:
    if not isinstance(v, str):
        raise _fail(f, "kies openbaar, intern of vertrouwelijk")
    s = v.strip().lower()
    if s in STATE_SECRET_MARKINGS or "geheim" in s or "confidentieel" in s:
        raise _fail(
            f,
            "staatsgeheime informatie (Stg. Confidentieel, Geheim, Zeer Geheim) hoort niet in "
            "Crisisbeeld; deel die alleen via een daarvoor geaccrediteerd kanaal",
        )
    if s not in _CLASSIFICATIONS:
        raise _fail(f, f"'{v}' is geen rubricering; kies openbaar, intern of vertrouwelijk")
    return s


def validate(spec: dict[str, Field], payload: Any, *, partial: bool = False) -> dict[str, Any]:
    """Check ``payload`` against ``spec``; return the cleaned payload or raise ValidationError.

    ``partial`` is for update events: only the fields given are checked, at least one is needed,
    and required fields may not be emptied.
    """
    if not isinstance(payload, dict):
        raise ValidationError("de gegevens moeten een object met velden zijn")
    errors: list[tuple[str, str]] = []
    out: dict[str, Any] = {}
    if not payload.keys() <= spec.keys():
        for k in sorted(set(payload) - set(spec)):
            errors.append((str(k), "onbekend veld"))
    for name, f in spec.items():
        value = payload.get(name)
        if value is None or value == "":
            if partial:
                if name in payload and f.required:
                    errors.append((f.label, "is verplicht en mag niet leeg worden gemaakt"))
                continue
            if f.required:
                errors.append((f.label, "is verplicht"))
            elif f.default is not None:
                # a fresh copy of a list default: states must not share one list object
                out[name] = list(f.default) if isinstance(f.default, list) else f.default
            continue
        try:
            clean = out[name] = f.check(value, f)
        except ValidationError as e:
            errors.append((f.label, e.errors[0][1]))
            continue
        if f.required and (clean == "" or clean == []):
            errors.append((f.label, "is verplicht"))
    if partial and not out and not errors:
        errors.append(("", "er is niets gewijzigd"))
    if errors:
        raise ValidationError(errors)
    return out


def known_region(code: str) -> bool:
    return code in REGION_BY_CODE


def first_error(errors: Iterable[tuple[str, str]]) -> str:
    for f, m in errors:
        return f"{f}: {m}" if f else m
    return ""
