"""What the language switch of the core costs on the hot paths (the picture rules run on every
change; every received event is validated).

    .venv/bin/python tools/catalogues.py && .venv/bin/python bench/i18n_core.py

Each path is timed in CPU time (``time.process_time``), in Dutch and in English, next to its
yardstick measured in the same run: the same text made the way it was made before translation
(an f-string with a fixed Dutch table). Reported as the ratio to that yardstick; the best of
--runs runs counts (the machine is shared).

Run of 2026-11-26 on the shared 2-core VM (best of 5, 20,000 calls a path):

    path                           yardstick   nl ×yard   en ×yard  en µs/call
    label (status on a tile)          0.001s        1.3        2.2        0.16
    local_hm, cache miss              0.041s        1.4        1.4        2.91
    local_hm, cache hit               0.001s        1.0        1.0        0.04
    duration ('3 u 10 min')           0.005s        1.8        2.3        0.54
    nsp 72-hour column                0.006s        2.8        3.8        1.08
    validate_payload, accepted        0.029s        0.7        0.7        1.07

The extra cost is a catalogue lookup and a str.format per text: at most about a microsecond a
text, so a picture of 20,000 rows spends some 20 ms more. Times of day are cached (a language
switch empties the cache). The validators' happy path makes no message at all, so
it costs the same in both languages.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from datetime import datetime
from functools import lru_cache
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from data import i18n  # noqa: E402
from data.domain import events  # noqa: E402
from data.domain.enums import LABELS, label  # noqa: E402
from data.picture import deadlines, timefmt  # noqa: E402

N = 20_000
STATUSES = ["ingezet", "actief", "gemeld", "in_behandeling", "operationeel", "open"]
ISOS = [f"2026-11-{d:02d}T{h:02d}:{m:02d}:00Z" for d in range(1, 29) for h in range(24)
        for m in range(0, 60, 2)][:N]
_OLD_DAYS = ("ma", "di", "wo", "do", "vr", "za", "zo")


def _old_label(value: str) -> str:
    return LABELS.get(value, value)


def _old_local_hm(iso: str) -> str:
    d = datetime.fromisoformat(iso.replace("Z", "+00:00")).astimezone(timefmt.LOCAL)
    return f"{_OLD_DAYS[d.weekday()]} {d:%d-%m %H:%M}"


_old_cached = lru_cache(maxsize=200_000)(_old_local_hm)


def _old_duration(mins: int) -> str:
    sign = "-" if mins < 0 else ""
    mins = abs(mins)
    if mins < 60:
        return f"{sign}{mins} min"
    h, m = divmod(mins, 60)
    if h < 48:
        return f"{sign}{h} u {m:02d} min"
    d, h = divmod(h, 24)
    return f"{sign}{d} d {h} u"


def _old_nsp(left: int) -> str:
    return "op schema · " + ("verstreken " + _old_duration(-left) if left < 0
                             else "nog " + _old_duration(left))


def _cpu(fn: Callable[[], object]) -> float:
    t = time.process_time()
    fn()
    return time.process_time() - t


def _paths() -> list[tuple[str, Callable[[], object], Callable[[], object]]]:
    payload = {"title": "Brand", "kind": "natuurbrand", "regions": ["VR06"],
               "classification": "intern"}
    clocks = [deadlines.NspClock("2026-11-22T10:00:00Z", 60, i, "op_schema") for i in range(N)]

    return [
        ("label (status on a tile)",
         lambda: [_old_label(STATUSES[i % 6]) for i in range(N)],
         lambda: [label(STATUSES[i % 6]) for i in range(N)]),
        ("local_hm, cache miss",
         lambda: [_old_local_hm(s) for s in ISOS],
         lambda: (timefmt.local_hm.cache_clear(), [timefmt.local_hm(s) for s in ISOS])),
        ("local_hm, cache hit",
         lambda: [_old_cached(ISOS[0]) for _i in range(N)],
         lambda: [timefmt.local_hm(ISOS[0]) for _i in range(N)]),
        ("duration ('3 u 10 min')",
         lambda: [_old_duration(i) for i in range(N)],
         lambda: [timefmt.duration(i) for i in range(N)]),
        ("nsp 72-hour column",
         lambda: [_old_nsp(c.left or 0) for c in clocks],
         lambda: [c.text() for c in clocks]),
        ("validate_payload, accepted",
         lambda: [events.validate_payload("incident.reported", payload) for _i in range(N)],
         lambda: [events.validate_payload("incident.reported", payload) for _i in range(N)]),
    ]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=5)
    a = ap.parse_args()
    print(f"{'path':30}{'yardstick':>10}{'nl ×yard':>11}{'en ×yard':>11}{'en µs/call':>12}")
    for name, old, new in _paths():
        best: dict[str, float] = {}
        for _run in range(a.runs):
            for lang in ("nl", "en"):
                i18n.set_language(lang)
                yard = _cpu(old)
                took = _cpu(new)
                best[lang] = min(best.get(lang, 1e9), took / max(yard, 1e-9))
                best["yard"] = min(best.get("yard", 1e9), yard)
        i18n.set_language("nl")
        per_call = best["en"] * best["yard"] / N * 1e6
        print(f"{name:30}{best['yard']:>9.3f}s{best['nl']:>11.1f}{best['en']:>11.1f}"
              f"{per_call:>12.2f}")


if __name__ == "__main__":
    main()
