"""The exercise clock as one line for a header: ``OEFENING · T+02:15 · ×4 · gepauzeerd``.

Every centre of an exercise has the clock events in its log (they are ordinary events), so
players and the control team see the same scenario time; only the control team has the
scenario itself.
"""

from __future__ import annotations

from typing import Any

from data.i18n import _


def scenario_offset_s(clock: dict[str, Any], now_wall_ms: int) -> int | None:
    """Scenario seconds after T0 at ``now_wall_ms``, from the clock entity's state (``None``
    before the exercise started)."""
    if not clock or "speed" not in clock or "t0_ms" not in clock:
        return None
    ms = int(clock["scenario_ms"])
    if clock.get("running"):
        ms += int(clock["speed"]) * max(0, now_wall_ms - int(clock["wall_ms"]))
    return (ms - int(clock["t0_ms"])) // 1000


def clock_text(clock: dict[str, Any] | None, now_wall_ms: int) -> str:
    """The header line; "" when the world has no exercise clock (yet)."""
    off = scenario_offset_s(clock or {}, now_wall_ms)
    if off is None or clock is None:
        return ""
    h, rest = divmod(abs(off), 3600)
    t = f"T{'-' if off < 0 else '+'}{h:02d}:{rest // 60:02d}"
    state = _("loopt") if clock.get("running") else _("gepauzeerd")
    return _("OEFENING · {time} · ×{speed} · {state}").format(time=t, speed=clock["speed"],
                                                           state=state)

