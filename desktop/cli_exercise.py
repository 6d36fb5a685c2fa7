"""Subcommands for trainers: scenario (validate, list), exercise (new, run, status, pause,
resume, speed, jump, postpone, send, withdraw) and msel (import, export). Qt-free."""

from __future__ import annotations

import argparse
import sys
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from data.oswords import count
from desktop.cli_core import UserError, file_words

#: how the headless runner waits between ticks (tests replace it with a clock step)
_sleep = time.sleep


def _problems(title: str, problems: list[Any]) -> UserError:
    for p in problems:
        print(f"  {p}", file=sys.stderr)
    return UserError(f"{title}: {count(len(problems), 'probleem', 'problemen')} (zie hierboven)")


def _offset(text: str) -> int:
    """A scenario moment on the command line: T+HH:MM, +HH:MM, D+1 06:00 …, as seconds."""
    from data.scenario.times import TimeError, parse_time

    t = text.strip()
    if t.upper().startswith("T+") and ":" in t:
        t = t[1:]
    try:
        w = parse_time(t)
    except TimeError as e:
        raise UserError(f"tijd '{text}': {e}") from None
    if w.kind != "offset":
        raise UserError(f"tijd '{text}': schrijf een tijd na T0, bv. T+02:30")
    return w.seconds


# ---------------------------------------------------------------------- scenario

def cmd_scenario_validate(a: argparse.Namespace) -> int:
    from data.scenario.toml_format import read

    sc, problems = read(a.file)
    if problems:
        print(f"{a.file}: {count(len(problems), 'probleem', 'problemen')}")
        for p in problems:
            print(f"  {p}")
        return 1
    assert sc is not None
    n = len(sc.injects)
    print(f"{a.file}: in orde — '{sc.title}', {n} injects, "
          f"{sum(len(i.expect) for i in sc.injects)} verwachtingen")
    return 0


def cmd_scenario_list(a: argparse.Namespace) -> int:
    from data.scenario.library import bundled
    from data.scenario.times import fmt_offset

    for name, sc, n_problems in bundled():
        if sc is None:
            print(f"{name:<16} (fout: {count(n_problems, 'probleem', 'problemen')}; "
                  "crisisbeeld scenario validate)")
            continue
        last = max(i.offset_s for i in sc.injects)
        print(f"{name:<16} {sc.title:<16} {len(sc.injects):>3} injects, tot T{fmt_offset(last)}"
              f"  {', '.join(sc.centres)}")
    return 0


# ---------------------------------------------------------------------- exercise

def _scenario(a: argparse.Namespace) -> Any:
    from data.scenario.library import resolve
    from data.scenario.msel import MselError
    from data.scenario.toml_format import ScenarioError

    try:
        return resolve(a.scenario, sheet=getattr(a, "sheet", None),
                       mapping=getattr(a, "map", None))
    except (ScenarioError, MselError) as e:
        raise _problems(f"scenario {a.scenario}", e.problems) from None


def cmd_exercise_new(a: argparse.Namespace) -> int:
    from data.scenario.control import create_exercise, sidecar_path
    from data.store import StoreError

    sc = _scenario(a)
    if a.t0:
        from data.clock import parse_iso
        try:
            t0 = parse_iso(a.t0)
        except ValueError:
            raise UserError(f"--t0 '{a.t0}' is geen moment; schrijf bv. 2027-01-19T06:00Z") \
                from None
        sc.rebase(t0)  # deadlines inside the injects move with it
    try:
        st = create_exercise(a.db, a.node, sc, a.world or "", a.name or "")
    except StoreError as e:
        raise UserError(str(e)) from None
    print(f"oefening aangemaakt: wereld {st.world}, '{sc.title}', {len(sc.injects)} injects")
    print(f"draaiboek spelleiding (wordt niet gesynchroniseerd): {sidecar_path(a.db)}")
    st.close()
    return 0


def _player(db: str, a: argparse.Namespace | None = None) -> Any:
    """The player of the control store ``db``. With ``a`` (a verb that writes) it plays as the
    person named by ``--als`` / ``$CRISISBEELD_AUTHOR``, who must hold the right to lead the
    exercise (function trainer); anyone else is refused before anything changes."""
    from data.domain.validation import ValidationError
    from data.scenario.control import load_scenario
    from data.scenario.player import ExerciseError, Player
    from data.store import Store, StoreError
    from desktop.cli_people import person

    try:
        st = Store.open(db)
    except StoreError as e:
        raise UserError(str(e)) from None
    try:
        sc = load_scenario(db)
        author = None
        if a is not None:
            author = person(st, a)
            assert author is not None
            st.roles.guard("exercise.clock", {}, author)  # the message names the function
        return Player(st, sc) if author is None else Player(st, sc, author=author)
    except (StoreError, ExerciseError, ValidationError) as e:
        st.close()
        raise UserError(str(e)) from None
    except UserError:
        st.close()
        raise


def _print_fired(fired: list[Any], t0_ms: int) -> None:
    from data.scenario.times import fmt_offset

    for f in fired:
        how = {"nu": " (nu verstuurd)", "terugval": " (terugval)"}.get(f.how, "")
        print(f"  T{fmt_offset((f.scenario_ms - t0_ms) // 1000)}  inject {f.inject}{how}")
        for r in f.refused:
            print(f"      niet gemaakt: {r}")


def _act(a: argparse.Namespace, fn: Any) -> int:
    from data.domain.validation import ValidationError
    from data.scenario.player import ExerciseError

    p = _player(a.db, a)
    try:
        out = fn(p)
        if isinstance(out, list):
            _print_fired(out, p.clock_state().t0_ms)
        _print_status(p, brief=True)
    except (ExerciseError, ValidationError) as e:
        raise UserError(str(e)) from None
    finally:
        p.store.close()
    return 0


def cmd_exercise_run(a: argparse.Namespace) -> int:
    """Run the clock headless until ``--until`` (scenario time) or the last inject."""
    from data.scenario.player import ExerciseError

    until = _offset(a.until) if a.until else None
    p = _player(a.db, a)
    try:
        cs = p.clock_state()
        if not cs.started:
            p.start(speed=a.speed or 1)
            print(f"oefening gestart: ×{a.speed or 1}")
        else:
            if a.speed and a.speed != cs.speed:
                p.set_speed(a.speed)
            if not p.clock_state().running:
                p.resume()
                print("oefening hervat")
        t0_ms = p.clock_state().t0_ms
        last = max((i.offset_s for i in p.scenario.scheduled()), default=0)
        stop_at = until if until is not None else last
        while True:
            _print_fired(p.tick(), t0_ms)
            now = p.offset_s()
            if now >= stop_at:
                if until is not None:
                    # stop exactly at --until: pause there, so a next run carries on from it
                    p.pause()
                    print(f"gepauzeerd op T{_fmt(now)}")
                break
            _sleep(min(1.0, max(0.05, (stop_at - now) / max(1, p.clock_state().speed))))
    except KeyboardInterrupt:
        p.pause()
        print("\nonderbroken: oefening gepauzeerd")
    except ExerciseError as e:
        raise UserError(str(e)) from None
    finally:
        p.store.close()
    return 0


def _fmt(s: int) -> str:
    from data.scenario.times import fmt_offset
    return fmt_offset(s)


def _print_status(p: Any, brief: bool = False) -> None:
    s = p.status()
    state = ("loopt" if s["running"] else "gepauzeerd") if s["started"] else "niet gestart"
    t0 = datetime.fromtimestamp(s["t0_ms"] / 1000, UTC).strftime("%Y-%m-%d %H:%M")
    now = datetime.fromtimestamp(s["scenario_ms"] / 1000, UTC).strftime("%Y-%m-%d %H:%M:%S")
    done = sum(1 for r in s["injects"] if r["status"] == "verstuurd")
    print(f"{s['title']} [{s['world']}] — {state}, ×{s['speed']}, "
          f"scenariotijd T{_fmt(s['offset_s'])}"
          f" ({now} UTC; T0 {t0} UTC); {done}/{len(s['injects'])} injects verstuurd")
    if brief:
        return
    for r in s["injects"]:
        fired = f" verstuurd T{_fmt(r['fired_s'])}" if r["fired_s"] is not None else ""
        due = "(terugval)" if r["contingency"] else f"T{_fmt(r['due_s'])}"
        print(f"  {r['id']:<10} {due:<10} {r['status']:<11}{fired:<18} "
              f"{r['sender'][:24]:<24} → {r['recipient'][:24]}")


def cmd_exercise_status(a: argparse.Namespace) -> int:
    p = _player(a.db)
    try:
        _print_status(p)
    finally:
        p.store.close()
    return 0


def cmd_exercise_aar(a: argparse.Namespace) -> int:
    """Write the after-action review (.md, .html or .xlsx)."""
    from data.clock import default_clock
    from data.scenario.aar import review
    from data.scenario.aar_render import RenderError, write
    from data.scenario.judgement import load_judgement
    from data.scenario.observations import load_notes

    p = _player(a.db)
    try:
        r = review(p.store, p.scenario, load_notes(a.db), now_wall_ms=default_clock().now_ms(),
                   judgement=load_judgement(a.db))
        write(r, a.out)
    except RenderError as e:
        raise UserError(str(e)) from None
    except OSError as e:
        raise UserError(f"{a.out} kan niet worden geschreven: {file_words(e)}") from None
    finally:
        p.store.close()
    xs = [x for i in r.injects for x in i.expectations]
    print(f"evaluatie geschreven: {a.out} ({sum(i.status == 'verstuurd' for i in r.injects)} "
          f"injects verstuurd; verwachtingen {sum(x.state == 'gehaald' for x in xs)} gehaald, "
          f"{sum(x.state == 'gemist' for x in xs)} gemist)")
    return 0


def cmd_exercise_note(a: argparse.Namespace) -> int:
    """Keep an observer note at the current scenario time (beside the store, never synced)."""
    from data.scenario.observations import Note, NoteError, add_note

    p = _player(a.db)
    try:
        if a.inject and p.scenario.inject(a.inject) is None:
            raise UserError(f"inject '{a.inject}' staat niet in het draaiboek")
        n = add_note(a.db, Note(p.offset_s(), p.wall_ms(), a.text, a.inject or "",
                                a.author or ""))
    except NoteError as e:
        raise UserError(str(e)) from None
    finally:
        p.store.close()
    print(f"waarneming bewaard op T{_fmt(n.offset_s)}" + (f" bij {n.inject}" if n.inject else ""))
    return 0


# ---------------------------------------------------------------------- msel

def cmd_msel_import(a: argparse.Namespace) -> int:
    """Read a spreadsheet into a control store's scenario: all rows or none."""
    from data.scenario.control import append_injects, create_exercise
    from data.scenario.msel import MselError, read_msel
    from data.store import Store, StoreError

    t0 = time.perf_counter()
    try:
        sheet = read_msel(a.file, sheet=a.sheet, mapping=a.map)
    except MselError as e:
        raise _problems(f"MSEL {a.file} niet ingelezen, niets veranderd", e.problems) from None
    for n in sheet.notices:
        print(f"let op: {n}")
    if a.save_map:
        from data.scenario.msel import LABELS, Mapping, column_letter, save_mapping

        save_mapping(Mapping(columns={f: sheet.headers[i] or column_letter(i)
                                      for f, i in sheet.columns.items()},
                             sheet=a.sheet, t0=sheet.t0), a.save_map)
        print(f"koppeling bewaard in {a.save_map}: " + ", ".join(
            f"{LABELS[f]} = '{sheet.headers[i]}'" for f, i in sheet.columns.items()))
    db = Path(a.db)
    t0_text = f"T0 {sheet.t0.strftime('%Y-%m-%d %H:%M')} UTC"
    try:
        if not db.exists():
            st = create_exercise(db, a.node, sheet.scenario())
            print(f"oefening aangemaakt: wereld {st.world}")
        else:
            st = Store.open(db)
            try:
                sc = append_injects(db, sheet)
            except StoreError:
                st.close()
                raise
            t0_text = (f"tijden geteld vanaf T0 van de oefening "
                       f"({sc.t0.strftime('%Y-%m-%d %H:%M')} UTC), zoals in het blad vanaf "
                       f"{t0_text}")
    except StoreError as e:
        raise UserError(str(e)) from None
    print(f"MSEL ingelezen: {len(sheet.injects)} injects uit {sheet.source} in "
          f"{time.perf_counter() - t0:.2f} s; {t0_text}")
    st.close()
    return 0


def cmd_msel_export(a: argparse.Namespace) -> int:
    from data.clock import default_clock
    from data.scenario.aar import review
    from data.scenario.aar_render import msel_columns
    from data.scenario.judgement import load_judgement
    from data.scenario.msel import MselError, export_rows, write_msel
    from data.scenario.observations import load_notes

    p = _player(a.db)
    try:
        r = review(p.store, p.scenario, load_notes(a.db), now_wall_ms=default_clock().now_ms(),
                   judgement=load_judgement(a.db))
        rows = export_rows(p.scenario, p.status(), msel_columns(r))
        write_msel(rows, a.out)
    except MselError as e:
        raise _problems("export", e.problems) from None
    except OSError as e:
        raise UserError(f"{a.out} kan niet worden geschreven: {file_words(e)}") from None
    finally:
        p.store.close()
    print(f"MSEL geschreven: {a.out} ({len(rows) - 1} injects)")
    return 0


# ---------------------------------------------------------------------- registration

def register(sub: Any) -> None:
    sc = sub.add_parser("scenario", help="oefenscenario's: controleren en tonen")
    scs = sc.add_subparsers(dest="scenario_command", metavar="OPDRACHT", required=True)
    p = scs.add_parser("validate", help="controleer een scenariobestand (TOML)")
    p.add_argument("file")
    p.set_defaults(func=cmd_scenario_validate)
    p = scs.add_parser("list", help="de meegeleverde scenario's")
    p.set_defaults(func=cmd_scenario_list)

    ex = sub.add_parser("exercise", help="een oefening spelen (spelleiding)")
    exs = ex.add_subparsers(dest="exercise_command", metavar="OPDRACHT", required=True)
    p = exs.add_parser("new", help="maak een oefenstore uit een scenario of MSEL")
    p.add_argument("--scenario", required=True,
                   help="naam van een meegeleverd scenario, een .toml of een .xlsx/.csv (MSEL)")
    p.add_argument("--db", required=True)
    p.add_argument("--node", required=True, help="node-id van de spelleiding, bv. spelleiding")
    p.add_argument("--world", help="oefening-id (OEF-…); standaard OEF-<datum>-<scenario>")
    p.add_argument("--name")
    p.add_argument("--t0", help="T0 als ISO-moment (anders die van het scenario)")
    p.add_argument("--sheet", help="blad van een .xlsx")
    p.add_argument("--map", help="koppelbestand van de kolommen (TOML)")
    p.set_defaults(func=cmd_exercise_new)

    p = exs.add_parser("run", help="laat de oefenklok lopen (zonder scherm)")
    p.add_argument("--db", required=True)
    p.add_argument("--speed", type=int, default=None,
                   help="snelheid ×1 … ×60 (standaard: ×1, of de huidige)")
    p.add_argument("--until", help="stop (en pauzeer) op deze scenariotijd, bv. T+02:00")
    p.set_defaults(func=cmd_exercise_run)

    for name, helptext, fn in (
        ("status", "stand van de klok en de injects", cmd_exercise_status),
        ("pause", "zet de oefenklok stil", lambda a: _act(a, lambda pl: pl.pause())),
        ("resume", "laat de oefenklok weer lopen", lambda a: _act(a, lambda pl: pl.resume())),
    ):
        p = exs.add_parser(name, help=helptext)
        p.add_argument("--db", required=True)
        p.set_defaults(func=fn)
    p = exs.add_parser("speed", help="snelheid van de oefenklok (×1 … ×60)")
    p.add_argument("--db", required=True)
    p.add_argument("factor", type=int)
    p.set_defaults(func=lambda a: _act(a, lambda pl: pl.set_speed(a.factor)))
    p = exs.add_parser("jump", help="spring vooruit naar een scenariotijd (T+HH:MM)")
    p.add_argument("--db", required=True)
    p.add_argument("to")
    p.set_defaults(func=lambda a: _act(a, lambda pl: pl.jump(_offset(a.to))))
    p = exs.add_parser("postpone", help="stel een inject uit naar een scenariotijd")
    p.add_argument("--db", required=True)
    p.add_argument("inject")
    p.add_argument("to")
    p.set_defaults(func=lambda a: _act(a, lambda pl: pl.postpone(a.inject, _offset(a.to))))
    p = exs.add_parser("send", help="verstuur een inject nu")
    p.add_argument("--db", required=True)
    p.add_argument("inject")
    p.set_defaults(func=lambda a: _act(a, lambda pl: [pl.send_now(a.inject)]))
    p = exs.add_parser("withdraw", help="trek een inject in (verstuurd: met correctiebericht)")
    p.add_argument("--db", required=True)
    p.add_argument("inject")
    p.add_argument("--note", default="")
    p.set_defaults(func=lambda a: _act(a, lambda pl: pl.withdraw(a.inject, a.note)))

    p = exs.add_parser("aar", help="schrijf de evaluatie (after-action review)")
    p.add_argument("--db", required=True)
    p.add_argument("--out", required=True, help="bestand .md, .html of .xlsx")
    p.set_defaults(func=cmd_exercise_aar)
    p = exs.add_parser("note", help="bewaar een waarneming op de huidige scenariotijd")
    p.add_argument("--db", required=True)
    p.add_argument("text")
    p.add_argument("--inject", help="de inject waar de waarneming bij hoort")
    p.add_argument("--author", help="naam of rol van de waarnemer")
    p.set_defaults(func=cmd_exercise_note)
    from desktop.cli_judgement import register_judgement

    register_judgement(exs)

    ms = sub.add_parser("msel", help="MSEL-spreadsheets inlezen en uitvoeren")
    mss = ms.add_subparsers(dest="msel_command", metavar="OPDRACHT", required=True)
    p = mss.add_parser("import", help="lees een MSEL (.xlsx/.csv) in: alles of niets")
    p.add_argument("--db", required=True,
                   help="spelleidingsstore (bestaat hij niet, dan wordt hij gemaakt)")
    p.add_argument("file")
    p.add_argument("--sheet", help="blad van een .xlsx (standaard het eerste)")
    p.add_argument("--map", help="koppelbestand van de kolommen (TOML)")
    p.add_argument("--save-map", help="bewaar de gebruikte kolomkoppeling (TOML) voor hergebruik")
    p.add_argument("--node", default="spelleiding", help="node-id als de store nieuw is")
    p.set_defaults(func=cmd_msel_import)
    p = mss.add_parser("export", help="schrijf het draaiboek met verzendtijden en status")
    p.add_argument("--db", required=True)
    p.add_argument("--out", required=True, help="bestand .xlsx of .csv")
    p.set_defaults(func=cmd_msel_export)
