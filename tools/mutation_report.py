"""Per-module summary of a mutmut run (`make mutation`), read from mutants/**/*.meta.

    python tools/mutation_report.py            # table: killed / total per module
    python tools/mutation_report.py --list     # and the name of every mutant not killed

A mutant counts as killed when a test failed (or timed out) with it in place; "no tests" means
no test of the selection in pyproject.toml ran the mutated function, which is a survivor too.
The diff of a mutant: `.venv/bin/mutmut show <name>`."""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

KILLED = {1, 3, 36, 24, -24, 152, 255}  # test failed, pytest error, timeouts
SURVIVED = {0}
NO_TESTS = {5, 33}


def main(argv: list[str]) -> int:
    root = Path("mutants")
    metas = sorted(root.rglob("*.py.meta"))
    if not metas:
        print("no mutants/ here: run `make mutation` first", file=sys.stderr)
        return 2
    print("| module | killed | survived | no tests | other | total | score |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    left: list[tuple[str, str]] = []
    all_counts: Counter[str] = Counter()
    for meta in metas:
        module = str(meta.relative_to(root))[: -len(".meta")]
        codes = json.loads(meta.read_text("utf-8"))["exit_code_by_key"]
        c: Counter[str] = Counter()
        for name, code in sorted(codes.items()):
            kind = ("killed" if code in KILLED else "survived" if code in SURVIVED
                    else "no tests" if code in NO_TESTS else f"other ({code})")
            c["killed" if kind == "killed" else kind if kind in ("survived", "no tests")
              else "other"] += 1
            if kind != "killed":
                left.append((name, kind))
        total = sum(c.values())
        all_counts.update(c)
        print(f"| {module} | {c['killed']} | {c['survived']} | {c['no tests']} | {c['other']} "
              f"| {total} | {100 * c['killed'] / max(total, 1):.1f} % |")
    total = sum(all_counts.values())
    print(f"| **all** | {all_counts['killed']} | {all_counts['survived']} | "
          f"{all_counts['no tests']} | {all_counts['other']} | {total} | "
          f"{100 * all_counts['killed'] / max(total, 1):.1f} % |")
    if "--list" in argv:
        print()
        for name, kind in left:
            print(f"{kind}\t{name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
