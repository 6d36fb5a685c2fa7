"""Input validation with clear messages that name the field (Dutch, or the language in use).

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
from data.i18n import _

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

    @property
    def caption(self) -> str:
        """The label in the language in use (``label`` is the Dutch source, also the id that
        messages name the field by in Dutch)."""
        return _(self.label)


def _fail(f: Field, msg: str) -> ValidationError:
    return ValidationError(msg)


def text(v: Any, f: Field) -> str:
    if not isinstance(v, str):
        raise _fail(f, _("moet tekst zijn"))
    s = v.strip()
    if len(s) > f.max_len:
        raise _fail(f, _("is te lang ({n} tekens, hoogstens {max})").format(n=len(s),
                                                                          max=f.max_len))
    return s


_PERSONAL = re.compile(r"@|\d[\d \-]{7,}\d")


def function_text(v: Any, f: Field) -> str:
    """A function or role (OvD Bevolkingszorg, LOCC-coördinator), never a person's e-mail
    address or phone number: contact cards name roles."""
    s = text(v, f)
    if _PERSONAL.search(s):
        raise _fail(f, _("noem een functie (bv. 'OvD Brandweer VNOG'), geen e-mailadres of "
                         "telefoonnummer"))
    return s


_INTEGER = re.compile(r"\s*-?\d+\s*")
_IDENTIFIER = re.compile(r"[A-Za-z0-9:._\-]{1,80}")


def integer(v: Any, f: Field) -> int:
    if isinstance(v, bool):
        raise _fail(f, _("moet een geheel getal zijn"))
    if isinstance(v, str) and _INTEGER.fullmatch(v):
        v = int(v)
    if not isinstance(v, int):
        raise _fail(f, _("moet een geheel getal zijn"))
    if f.min_value is not None and v < f.min_value:
        raise _fail(f, _("moet minstens {n} zijn").format(n=int(f.min_value)))
    return v


def boolean(v: Any, f: Field) -> bool:
    if isinstance(v, bool):
        return v
    if v in ("ja", "true", "1", 1):
        return True
    if v in ("nee", "false", "0", 0, "", None):
        return False
    raise _fail(f, _("moet ja of nee zijn"))


def choice(v: Any, f: Field) -> str:
    if not isinstance(v, str) or v not in f.choices:
        opts = ", ".join(f.choices)
        raise _fail(f, _("'{value}' is geen geldige waarde; kies uit: {options}").format(
            value=v, options=opts))
    return v


def choices_list(v: Any, f: Field) -> list[str]:
    if isinstance(v, str):
        v = [p for p in (s.strip() for s in v.split(",")) if p]
    if not isinstance(v, (list, tuple)):
        raise _fail(f, _("moet een lijst zijn"))
    out = []
    for item in v:
        if item not in f.choices:
            raise _fail(f, _("'{value}' is geen geldige waarde; kies uit: {options}").format(
                value=item, options=", ".join(f.choices)))
        if item not in out:
            out.append(item)
    return out


def text_list(v: Any, f: Field) -> list[str]:
    if isinstance(v, str):
        v = [p for p in (s.strip() for s in v.split(",")) if p]
    if not isinstance(v, (list, tuple)) or not all(isinstance(x, str) for x in v):
        raise _fail(f, _("moet een lijst met teksten zijn"))
    return [x.strip() for x in v if x.strip()]


def region(v: Any, f: Field) -> str:
    if not isinstance(v, str) or not v.strip():
        raise _fail(f, _("kies een veiligheidsregio"))
    r = resolve_region(v)
    if r is None:
        raise _fail(f, _("'{value}' is geen veiligheidsregio (gebruik VR01–VR25 of de afkorting, "
                         "bv. VNOG)").format(value=v))
    return r.code


def regions(v: Any, f: Field) -> list[str]:
    if isinstance(v, str):
        v = [p for p in (s.strip() for s in v.split(",")) if p]
    if not isinstance(v, (list, tuple)):
        raise _fail(f, _("moet een lijst van veiligheidsregio's zijn"))
    out: list[str] = []
    for item in v:
        code = region(item, f)
        if code not in out:
            out.append(code)
    if f.required and not out:
        raise _fail(f, _("kies minstens één veiligheidsregio"))
    return sorted(out)


def region_or_partner(v: Any, f: Field) -> str:
    if isinstance(v, str) and v.strip().upper() in f.choices:
        return v.strip().upper()
    if isinstance(v, str) and resolve_region(v) is not None:
        return region(v, f)
    raise _fail(f, _("'{value}' is geen regio of partner (kies een regio of {options})").format(
        value=v, options=", ".join(f.choices)))


def timestamp(v: Any, f: Field) -> str:
    """A moment, normalised to UTC ISO-8601 with seconds ('2026-11-22T13:05:00Z')."""
    return to_iso(v, f)


def identifier(v: Any, f: Field) -> str:
    if not isinstance(v, str) or not _IDENTIFIER.fullmatch(v):
        raise _fail(f, _("is geen geldige verwijzing"))
    return v


_CANONICAL_UTC = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ")


#: Canonical UTC texts (exact str) that :func:`to_iso` accepted before: a received batch
#: repeats them (recorded_at above all). Only ever holds accepted texts; emptied when full.
_ISO_SEEN: set[str] = set()
_ISO_SEEN_MAX = 4096
_fromisoformat = datetime.fromisoformat


def to_iso(v: Any, f: Field | None = None) -> str:
    if type(v) is str and v in _ISO_SEEN:
        return v
    if isinstance(v, str) and _CANONICAL_UTC.fullmatch(v):
        # Already in the stored form (every received event): check it is a real moment and
        # keep it as it is, which is what the full path below would return.
        try:
            _fromisoformat(v[:-1])
        except ValueError:
            raise ValidationError(_("geen geldige tijd (gebruik bv. 2026-11-22 14:05)")) from None
        if type(v) is str:
            if len(_ISO_SEEN) >= _ISO_SEEN_MAX:
                _ISO_SEEN.clear()
            _ISO_SEEN.add(v)
        return v
    if isinstance(v, str):
        s = v.strip().replace(" ", "T", 1)
        try:
            dt = datetime.fromisoformat(s.replace("Z", "+00:00"))
        except ValueError:
            raise ValidationError(_("geen geldige tijd (gebruik bv. 2026-11-22 14:05)")) from None
    elif isinstance(v, datetime):
        dt = v
    else:
        raise ValidationError(_("geen geldige tijd (gebruik bv. 2026-11-22 14:05)"))
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=LOCAL_TZ)
    return dt.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def parse_iso(s: str) -> datetime:
    """Inverse of :func:`to_iso` (aware UTC datetime)."""
    return datetime.fromisoformat(s.replace("Z", "+00:00"))


_CLASSIFICATIONS = frozenset(c.value for c in Classification)


def classification(v: Any, f: Field) -> str:
    if not isinstance(v, str):
        raise _fail(f, _("kies openbaar, intern of vertrouwelijk"))
    s = v.strip().lower()
    if s in STATE_SECRET_MARKINGS or "geheim" in s or "confidentieel" in s:
        raise _fail(
            f,
            _("staatsgeheime informatie (Stg. Confidentieel, Geheim, Zeer Geheim) hoort niet in "
              "Crisisbeeld; deel die alleen via een daarvoor geaccrediteerd kanaal"),
        )
    if s not in _CLASSIFICATIONS:
        raise _fail(f, _("'{value}' is geen rubricering; kies openbaar, intern of vertrouwelijk")
                    .format(value=v))
    return s


def validate(spec: dict[str, Field], payload: Any, *, partial: bool = False) -> dict[str, Any]:
    """Check ``payload`` against ``spec``; return the cleaned payload or raise ValidationError.

    ``partial`` is for update events: only the fields given are checked, at least one is needed,
    and required fields may not be emptied.
    """
    if not isinstance(payload, dict):
        raise ValidationError(_("de gegevens moeten een object met velden zijn"))
    errors: list[tuple[str, str]] = []
    out: dict[str, Any] = {}
    if not payload.keys() <= spec.keys():
        for k in sorted(set(payload) - set(spec)):
            errors.append((str(k), _("onbekend veld")))
    for name, f in spec.items():
        value = payload.get(name)
        if value is None or value == "":
            if partial:
                if name in payload and f.required:
                    errors.append((f.caption, _("is verplicht en mag niet leeg worden gemaakt")))
                continue
            if f.required:
                errors.append((f.caption, _("is verplicht")))
            elif f.default is not None:
                # a fresh copy of a list default: states must not share one list object
                out[name] = list(f.default) if isinstance(f.default, list) else f.default
            continue
        try:
            clean = out[name] = f.check(value, f)
        except ValidationError as e:
            errors.append((f.caption, e.errors[0][1]))
            continue
        if f.required and (clean == "" or clean == []):
            errors.append((f.caption, _("is verplicht")))
    if partial and not out and not errors:
        errors.append(("", _("er is niets gewijzigd")))
    if errors:
        raise ValidationError(errors)
    return out


def known_region(code: str) -> bool:
    return code in REGION_BY_CODE


def first_error(errors: Iterable[tuple[str, str]]) -> str:
    for f, m in errors:
        return f"{f}: {m}" if f else m
    return ""


# ------------------------------------------------------------------ compiled validators
#
# Every received event (sync pull, bundle import, hub) is validated, so the per-type check is
# written out once as straight-line Python (one function per spec) instead of the generic loop
# above. It only has to be right for input it accepts: whenever anything is unusual (a value of
# another type, a field to clean up, any error) it returns None and the caller runs
# :func:`validate`, which stays the one authority for what is refused and with which message.
# Every shortcut below therefore accepts a subset of what the generic check accepts and returns
# the same value for it (the checks are pure, so running the generic one afterwards is safe).

_REGION_CODES: dict[str, str] = {c: c for c in REGION_BY_CODE}
#: classification values that :func:`classification` returns unchanged
_CLASS_AS_IS = frozenset(
    c for c in _CLASSIFICATIONS
    if c == c.strip().lower() and c not in STATE_SECRET_MARKINGS and "geheim" not in c
    and "confidentieel" not in c
)


def _iso_fast(v: str) -> str | None:
    """:func:`to_iso` for an exact str already in canonical form, else None."""
    if v in _ISO_SEEN:
        return v
    try:
        return to_iso(v) if _CANONICAL_UTC.fullmatch(v) else None
    except ValidationError:
        return None


def _const(env: dict[str, Any], var: str, value: Any) -> str:
    """How generated code names ``value``: a literal for a str or int (the quickest to load),
    else the closure variable ``var``."""
    if type(value) is str or type(value) is int:
        return repr(value)
    env[var] = value
    return var


def _member_code(i: int, env: dict[str, Any], allowed: set[str]) -> list[str]:
    """Lines that accept ``v`` as it is when it is one of ``allowed`` (exact texts)."""
    env[f"S{i}"] = frozenset(allowed)
    return [f"if type(v) is not str or v not in S{i}: return None", "c = v"]


def _check_code(i: int, f: Field, env: dict[str, Any]) -> list[str]:
    """Lines that check ``v`` (not None, not '') for field ``f`` into ``c``, or return None."""
    chk = f.check
    if chk is text:
        m = _const(env, f"M{i}", f.max_len)
        lines = ["if type(v) is not str: return None", "c = v.strip()",
                 f"if len(c) > {m}: return None"]
        if f.required:
            lines.append("if not c: return None")
        return lines
    if chk is function_text:
        m = _const(env, f"M{i}", f.max_len)
        lines = ["if type(v) is not str: return None", "c = v.strip()",
                 f"if len(c) > {m} or _personal(c): return None"]
        if f.required:
            lines.append("if not c: return None")
        return lines
    if chk is choice:
        return _member_code(i, env, {x for x in f.choices if type(x) is str})
    if chk is identifier:
        return ["if type(v) is not str or not _id(v): return None", "c = v"]
    if chk is region:
        return ["if type(v) is not str: return None", "c = _codes.get(v)",
                "if c is None: return None"]
    if chk is regions:
        return ["if type(v) is not list or not v or not _strs(map(type, v)): return None",
                "c = sorted(set(map(_codes.__getitem__, v)))"]  # KeyError: not all codes
    if chk is integer:
        lines = ["if type(v) is not int: return None"]
        if f.min_value is not None:
            lines.append(f"if v < {_const(env, f'N{i}', f.min_value)}: return None")
        return lines + ["c = v"]
    if chk is boolean:
        return ["if v is not True and v is not False: return None", "c = v"]
    if chk is classification:
        return ["if type(v) is not str or v not in _class: return None", "c = v"]
    if chk is timestamp:
        return ["if type(v) is not str: return None", "c = _iso(v)",
                "if c is None: return None"]
    if chk is region_or_partner:
        return _member_code(i, env, {x for x in f.choices if type(x) is str
                                     and x == x.strip().upper()} | _REGION_CODES.keys())
    # any other check: call it as the generic loop does
    lines = [f"c = F{i}.check(v, F{i})"]
    if f.required:
        lines.append('if c == "" or c == []: return None')
    return lines


def compile_spec(spec: dict[str, Field], partial: bool = False) -> Callable[[Any], Any]:
    """A function that returns what ``validate(spec, payload, partial=partial)`` returns, or
    None when it cannot tell quickly (then call :func:`validate`). Build it once per spec."""
    env: dict[str, Any] = {
        "K": frozenset(spec), "_id": _IDENTIFIER.fullmatch, "_codes": _REGION_CODES,
        "_class": _CLASS_AS_IS, "_iso": _iso_fast, "_personal": _PERSONAL.search,
        "_strs": frozenset({str}).issuperset,
    }
    body = ["if type(payload) is not dict or not payload.keys() <= K: return None",
            "out = {}", "g = payload.get"]
    for i, (name, f) in enumerate(spec.items()):
        env[f"F{i}"] = f
        n = _const(env, f"n{i}", name)
        body += [f"v = g({n})", 'if v is None or v == "":']
        if partial:
            body.append(f"    if {n} in payload: return None" if f.required else "    pass")
        elif f.required:
            body.append("    return None")
        elif f.default is not None:
            if isinstance(f.default, list):
                env[f"D{i}"] = f.default
                copy = f"list(D{i})"
            else:
                copy = _const(env, f"D{i}", f.default)
            body.append(f"    out[{n}] = {copy}")
        else:
            body.append("    pass")
        body.append("else:")
        body += ["    " + line for line in _check_code(i, f, env)]
        body.append(f"    out[{n}] = c")
    if partial:
        body.append("if not out: return None")
    body.append("return out")
    # the values it needs become closure variables of ``fast`` (quicker to read than globals)
    src = (f"def make({', '.join(env)}):\n    def fast(payload):\n        try:\n"
           + "".join(f"            {line}\n" for line in body)
           + "        except Exception:\n            return None\n    return fast\n")
    ns: dict[str, Any] = {}
    exec(compile(src, f"<validator {', '.join(map(str, spec))}>", "exec"), ns)
    fast: Callable[[Any], Any] = ns["make"](**env)
    fast.__doc__ = src
    return fast
