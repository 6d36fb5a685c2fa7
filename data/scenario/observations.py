"""Observer notes of the control team: what an observer saw, pinned to a scenario moment and,
optionally, to an inject.

They are the control team's own words about the players, so they are kept like the scenario:
in a file beside the control store (``<store>.waarnemingen.jsonl``, one note a line, appended
and flushed), never as an event, so no hub, peer or bundle carries them to a player.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass
from pathlib import Path

from data.i18n import _

SUFFIX = ".waarnemingen.jsonl"
MAX_TEXT = 4000


class NoteError(ValueError):
    """A note that cannot be kept (message for a person)."""


@dataclass(frozen=True, slots=True)
class Note:
    """One observer note: scenario seconds after T0, wall moment (ms), text, inject (or "")."""

    offset_s: int
    wall_ms: int
    text: str
    inject: str = ""
    author: str = ""


def notes_path(db: str | os.PathLike[str]) -> Path:
    return Path(str(db) + SUFFIX)


def add_note(db: str | os.PathLike[str], note: Note) -> Note:
    """Append one note (durable before it returns). An empty text changes nothing."""
    text = note.text.strip()
    if not text:
        raise NoteError(_("een waarneming zonder tekst wordt niet bewaard"))
    if len(text) > MAX_TEXT:
        raise NoteError(_("een waarneming is hoogstens {MAX_TEXT} tekens").format(
                            MAX_TEXT=MAX_TEXT))
    kept = Note(note.offset_s, note.wall_ms, text, note.inject.strip(), note.author.strip())
    with open(notes_path(db), "a", encoding="utf-8") as f:
        f.write(json.dumps(asdict(kept), ensure_ascii=False) + "\n")
        f.flush()
        os.fsync(f.fileno())
    return kept


def load_notes(db: str | os.PathLike[str]) -> list[Note]:
    """All notes in scenario-time order (a half-written last line after a crash is skipped)."""
    try:
        lines = notes_path(db).read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        return []
    out: list[Note] = []
    for line in lines:
        try:
            d = json.loads(line)
            out.append(Note(int(d["offset_s"]), int(d["wall_ms"]), str(d["text"]),
                            str(d.get("inject", "")), str(d.get("author", ""))))
        except (ValueError, KeyError, TypeError):
            continue
    return sorted(out, key=lambda n: (n.offset_s, n.wall_ms))
