"""The bundled scenarios (``resources/scenarios/*.toml``) and where a scenario comes from: a
bundled name, a TOML file or an MSEL spreadsheet."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from data.scenario.model import Scenario
from data.scenario.toml_format import ScenarioError, load, read


def bundled_dir() -> Path:
    return Path(str(resources.files("resources") / "scenarios"))


def bundled() -> list[tuple[str, Scenario | None, int]]:
    """(name, scenario or None when broken, number of problems) per bundled file, by name."""
    out = []
    for p in sorted(bundled_dir().glob("*.toml")):
        sc, problems = read(p)
        out.append((p.stem, sc if not problems else None, len(problems)))
    return out


def resolve(name_or_file: str, *, sheet: str | None = None,
            mapping: str | None = None) -> Scenario:
    """A scenario by bundled name (``donker-oosten``), TOML file or MSEL spreadsheet."""
    p = Path(name_or_file)
    if p.suffix.lower() in (".xlsx", ".xlsm", ".csv", ".txt"):
        from data.scenario.msel import read_msel

        return read_msel(p, sheet=sheet, mapping=mapping).scenario()
    if p.suffix.lower() == ".toml" or p.exists():
        return load(p)
    q = bundled_dir() / f"{name_or_file}.toml"
    if q.exists():
        return load(q)
    names = ", ".join(n for n, _s, _p in bundled())
    raise ScenarioError([_problem(f"'{name_or_file}' is geen meegeleverd scenario en geen "
                                  f"bestand; meegeleverd: {names}")])


def _problem(text: str):  # type: ignore[no-untyped-def]
    from data.scenario.check import Problem
    return Problem(0, text)
