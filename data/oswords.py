"""Why a file could not be read or written, or a bundle could not be unpacked, in a
coordinator's words: no errno, no exception names, no English from the standard library."""

from __future__ import annotations

import errno
import re

from data.i18n import N_, _

#: an OS error when writing (a folder, a stick, a share)
WRITING = {
    errno.ENOENT: N_("de map bestaat niet"),
    errno.ENOSPC: N_("de schijf of stick is vol"),
    errno.EACCES: N_("geen rechten om daar te schrijven"),
    errno.EPERM: N_("geen rechten om daar te schrijven"),
    errno.EROFS: N_("de schijf is alleen-lezen (een beveiligde stick?)"),
    errno.EISDIR: N_("dat is een map, geen bestand"),
    errno.ENOTDIR: N_("een deel van het pad is geen map"),
    errno.EDQUOT: N_("de schijfruimte van deze gebruiker is op"),
}

#: an OS error when reading: where it differs from writing
READING = {
    errno.ENOENT: N_("het bestand bestaat niet (klopt de naam en de map?)"),
    errno.EACCES: N_("geen rechten om het te lezen"),
    errno.EPERM: N_("geen rechten om het te lezen"),
    errno.EIO: N_("de schijf of stick geeft een leesfout"),
}


def os_words(e: OSError, reading: bool = False) -> str:
    """Why a file could not be read (``reading``) or written, in words."""
    text = (READING.get(e.errno or 0) if reading else None) or WRITING.get(e.errno or 0)
    return _(text) if text else _("het besturingssysteem weigert het ({0})").format(
        (e.strerror or "?").lower())


def damage_words(e: BaseException) -> str:
    """Why a bundle (a zip) could not be unpacked, in words."""
    import zipfile

    text = str(e)
    if isinstance(e, OSError) and e.errno:
        return os_words(e, reading=True)
    if isinstance(e, zipfile.BadZipFile) and "not a zip file" in text:
        return _("het is geen bundel (geen zip-bestand), of het is maar half gekopieerd")
    if "CRC" in text:
        name = re.search(r"'([^']+)'", text)
        return _("de controlesom van {0} klopt niet: het bestand is beschadigd").format(
            name.group(1) if name else _("een onderdeel"))
    if isinstance(e, EOFError) or "truncated" in text.lower():
        return _("het bestand houdt te vroeg op (afgebroken kopie?)")
    if isinstance(e, KeyError):  # (a member the manifest names is not in the zip)
        return _("een onderdeel ontbreekt (half gekopieerd of met de hand gemaakt?)")
    if isinstance(e, UnicodeDecodeError):
        return _("er staat tekst in die geen UTF-8 is")
    return _("de inhoud is beschadigd")


#: tomllib's messages (Python 3.11+) and what they mean for someone writing a scenario
TOML_WORDS = (
    ("Expected '=' after a key", N_("na een sleutel hoort een '='")),
    ("Invalid value", N_("deze waarde is ongeldig (tekst tussen aanhalingstekens?)")),
    ("Invalid statement", N_("deze regel is geen 'sleutel = waarde' en geen [kop]")),
    ("Unterminated string", N_("een tekst zonder sluitend aanhalingsteken")),
    ("Illegal character", N_("een teken dat hier niet mag")),
    ("Cannot overwrite a value", N_("deze sleutel staat er twee keer")),
    ("Cannot declare", N_("deze kop staat er twee keer")),
    ("Unclosed array", N_("een lijst zonder sluitende ']'")),
    ("Unclosed inline table", N_("een tabel zonder sluitende '}'")),
    ("Invalid date or datetime", N_("een ongeldige datum of tijd")),
    ("Expected newline or end of document", N_("na de waarde hoort een nieuwe regel")),
    ("Invalid initial character for a key", N_("een sleutel begint met een teken dat niet mag")),
)


def toml_words(e: ValueError) -> tuple[int, str]:
    """The line of a TOML error (0 when unknown) and what is wrong there, in words (with the
    column when known)."""
    text = str(e)
    m = re.search(r"line (\d+), column (\d+)", text)
    line, col = (int(m.group(1)), int(m.group(2))) if m else (0, 0)
    what = next((_(nl) for en, nl in TOML_WORDS if text.startswith(en)),
                _("de opmaak klopt hier niet"))
    where = _("regel {0}, kolom {1}: ").format(line, col) if m else ""
    return line, _("geen geldige TOML: {0}{1}").format(where, what)


#: a database server's refusal (psycopg, SQLite) and what it means for the hub's keeper
DATABASE_WORDS = (
    (r'database "([^"]+)" does not exist', N_("de database {0} bestaat niet op die server")),
    (r"password authentication failed", N_("gebruikersnaam of wachtwoord klopt niet")),
    (r'role "([^"]+)" does not exist', N_("de gebruiker {0} bestaat niet op die server")),
    (r"Connection refused", N_("op dat adres luistert geen databaseserver")),
    (r"could not translate host name|Name or service not known|nodename nor servname",
     N_("de naam van de server is onbekend")),
    (r"timeout expired|timed out", N_("de server antwoordt niet (time-out)")),
    (r"unable to open database file", N_("het databasebestand of zijn map is niet te openen")),
    (r"permission denied", N_("geen rechten op die database")),
)


def database_words(e: BaseException) -> str:
    """Why a hub's database could not be reached, in words."""
    text = str(e)
    for pattern, nl in DATABASE_WORDS:
        m = re.search(pattern, text, re.IGNORECASE)
        if m:
            return _(nl).format(*m.groups())
    return _("de databaseserver weigert de verbinding")


def count(n: int, one: str, many: str) -> str:
    """``n`` and the noun in the right number: "1 gebeurtenis", "2 gebeurtenissen"."""
    return f"{n} {one if n == 1 else many}"
