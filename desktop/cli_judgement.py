"""CLI verbs of the control team's judgement (``crisisbeeld exercise judge|rate|finding|plan``):
overrides of expectations, P/S/M/U ratings, findings and the improvement plan, kept beside the
control store (never synced)."""

from __future__ import annotations

import argparse
from typing import Any

from desktop.cli_core import UserError


def _with_scenario(a: argparse.Namespace, fn: Any) -> Any:
    from data.scenario.control import load_scenario
    from data.scenario.judgement import JudgementError
    from data.store import StoreError

    try:
        sc = load_scenario(a.db)
    except StoreError as e:
        raise UserError(str(e)) from None
    try:
        return fn(sc)
    except JudgementError as e:
        raise UserError(str(e)) from None


def cmd_judge(a: argparse.Namespace) -> int:
    from data.scenario.judgement import judge

    o = _with_scenario(a, lambda sc: judge(a.db, sc, a.inject, a.expect, a.verdict, a.note))
    print(f"oordeel gewist: inject {o.inject}, verwachting {o.expect} telt weer automatisch"
          if o.verdict == "automatisch"
          else f"oordeel bewaard: inject {o.inject}, verwachting {o.expect}: {o.verdict}")
    return 0


def cmd_rate(a: argparse.Namespace) -> int:
    from data.scenario.judgement import RATINGS, rate

    r = _with_scenario(a, lambda sc: rate(a.db, sc, a.objective, a.rating, a.note))
    print(f"doel {r.objective}: {r.rating} ({RATINGS[r.rating]})")
    return 0


def cmd_finding(a: argparse.Namespace) -> int:
    from data.scenario.judgement import FINDING_KINDS, add_finding

    f = _with_scenario(a, lambda sc: add_finding(a.db, sc, a.kind, a.text, a.objective))
    print(f"{FINDING_KINDS[f.kind]} bewaard" + (f" bij doel {f.objective}" if f.objective else ""))
    return 0


def cmd_plan_add(a: argparse.Namespace) -> int:
    from data.scenario.judgement import add_plan_item

    p = _with_scenario(a, lambda sc: add_plan_item(a.db, sc, a.issue, a.action, a.owner, a.due,
                                                   a.objective))
    print(f"verbeterplan: '{p.issue}' — {p.owner}, gereed {p.due}")
    return 0


def cmd_plan_list(a: argparse.Namespace) -> int:
    from data.scenario.judgement import load_judgement

    plan = load_judgement(a.db).plan
    if not plan:
        print("(het verbeterplan is leeg)")
    for n, p in enumerate(plan, 1):
        print(f"{n}. {p.issue} → {p.action} ({p.owner}, gereed {p.due})")
    return 0


def register_judgement(exs: Any) -> None:
    """Add the judgement verbs under ``crisisbeeld exercise``."""
    p = exs.add_parser("judge", help="oordeel van de spelleiding over een verwachting")
    p.add_argument("--db", required=True)
    p.add_argument("--inject", required=True)
    p.add_argument("--expect", type=int, default=1,
                   help="welke verwachting van de inject (1, 2, …; standaard 1)")
    p.add_argument("--as", dest="verdict", required=True,
                   help="gehaald, deels, gemist, of automatisch: het oordeel wissen (de "
                        "automatische vergelijking telt weer)")
    p.add_argument("--note", default="")
    p.set_defaults(func=cmd_judge)

    p = exs.add_parser("rate", help="beoordeel een doel: P, S, M of U")
    p.add_argument("--db", required=True)
    p.add_argument("--objective", required=True)
    p.add_argument("--as", dest="rating", required=True,
                   help="P (zonder problemen), S (enkele), M (grote), U (niet uitgevoerd)")
    p.add_argument("--note", default="")
    p.set_defaults(func=cmd_rate)

    p = exs.add_parser("finding", help="bewaar een sterk punt of een verbeterpunt")
    p.add_argument("--db", required=True)
    p.add_argument("kind", help="sterk of verbeter")
    p.add_argument("text")
    p.add_argument("--objective", default="")
    p.set_defaults(func=cmd_finding)

    pl = exs.add_parser("plan", help="het verbeterplan")
    pls = pl.add_subparsers(dest="plan_command", metavar="OPDRACHT", required=True)
    p = pls.add_parser("add", help="voeg een regel toe aan het verbeterplan")
    p.add_argument("--db", required=True)
    p.add_argument("--issue", required=True, help="het probleem")
    p.add_argument("--action", required=True, help="de verbeteractie")
    p.add_argument("--owner", required=True, help="wie het oppakt (functie of afdeling)")
    p.add_argument("--due", required=True, help="gereed op (JJJJ-MM-DD)")
    p.add_argument("--objective", default="")
    p.set_defaults(func=cmd_plan_add)
    p = pls.add_parser("list", help="toon het verbeterplan")
    p.add_argument("--db", required=True)
    p.set_defaults(func=cmd_plan_list)
