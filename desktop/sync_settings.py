"""Sync settings: which hubs each store syncs with, and whether it serves a peer hub.

A small typed object in a JSON file in the user config folder (``CRISISBEELD_HOME/config`` or
``XDG_CONFIG_HOME/crisisbeeld``), with a version and a migration step (CONVENTIONS §12).
A pasted token is written to a file of its own beside the settings, readable only by the user
(0600); the settings hold only the path of a token file, never a token.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

VERSION = 2
DEFAULT_PEER_PORT = 8750


def config_dir() -> Path:
    """The user config folder (see desktop.places)."""
    from desktop.places import config_dir as folder

    return folder()


def settings_path() -> Path:
    return config_dir() / "sync.json"


@dataclass
class HubEntry:
    """One hub: its base URL and the file that holds this node's token there."""

    url: str
    token_file: str
    name: str = ""


@dataclass
class StoreSync:
    """What one store syncs with."""

    hubs: list[HubEntry] = field(default_factory=list)
    serve_peer: bool = False
    peer_port: int = DEFAULT_PEER_PORT
    peer_host: str = "127.0.0.1"
    peer_tls_cert: str = ""   # certificate and key (PEM): the peer hub serves https
    peer_tls_key: str = ""
    peer_insecure_http: bool = False  # plain http on a network address, chosen explicitly


@dataclass
class SyncSettings:
    """All stores' sync settings, keyed by the store's absolute path."""

    version: int = VERSION
    stores: dict[str, StoreSync] = field(default_factory=dict)

    @staticmethod
    def key(store_path: str | os.PathLike[str]) -> str:
        return str(Path(store_path).resolve())

    def for_store(self, store_path: str | os.PathLike[str]) -> StoreSync:
        """The settings of one store (created empty when it has none yet)."""
        return self.stores.setdefault(self.key(store_path), StoreSync())

    # ------------------------------------------------------------------ file

    @classmethod
    def load(cls, path: Path | None = None) -> SyncSettings:
        """Read the settings; a missing or unreadable file gives empty settings."""
        path = path or settings_path()
        try:
            doc = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return cls()
        if not isinstance(doc, dict):
            return cls()
        return cls.from_dict(migrate(doc))

    @classmethod
    def from_dict(cls, doc: dict[str, Any]) -> SyncSettings:
        stores: dict[str, StoreSync] = {}
        for key, s in (doc.get("stores") or {}).items():
            if not isinstance(s, dict):
                continue
            hubs = [HubEntry(str(h.get("url", "")), str(h.get("token_file", "")),
                             str(h.get("name", "")))
                    for h in s.get("hubs") or [] if isinstance(h, dict) and h.get("url")]
            stores[str(key)] = StoreSync(
                hubs=hubs, serve_peer=bool(s.get("serve_peer", False)),
                peer_port=int(s.get("peer_port", DEFAULT_PEER_PORT)),
                peer_host=str(s.get("peer_host", "127.0.0.1")),
                peer_tls_cert=str(s.get("peer_tls_cert", "")),
                peer_tls_key=str(s.get("peer_tls_key", "")),
                peer_insecure_http=bool(s.get("peer_insecure_http", False)))
        return cls(version=VERSION, stores=stores)

    def save(self, path: Path | None = None) -> Path:
        """Write atomically (temporary file, then rename)."""
        path = path or settings_path()
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(path.name + ".part")
        tmp.write_text(json.dumps(asdict(self), indent=1, ensure_ascii=False), encoding="utf-8")
        os.replace(tmp, path)
        return path


def migrate(doc: dict[str, Any]) -> dict[str, Any]:
    """Bring an older settings document to the current version.

    Version 1 kept per store ``{"hubs": [{"url", "token_file"}], "serve": bool}``; version 2
    renamed ``serve`` to ``serve_peer`` and added the peer hub's port and address."""
    version = int(doc.get("version", 1))
    if version < 2:
        stores = {}
        for key, s in (doc.get("stores") or {}).items():
            if isinstance(s, dict):
                s = dict(s)
                s["serve_peer"] = bool(s.pop("serve", False))
                s.setdefault("peer_port", DEFAULT_PEER_PORT)
                s.setdefault("peer_host", "0.0.0.0")
                stores[key] = s
        doc = {**doc, "version": 2, "stores": stores}
    return doc


def save_token(token: str, url: str, folder: Path | None = None) -> Path:
    """Write a pasted token to its own file beside the settings, readable by the user only."""
    folder = folder or config_dir() / "tokens"
    folder.mkdir(parents=True, exist_ok=True)
    try:
        os.chmod(folder, 0o700)
    except OSError:
        pass
    name = hashlib.sha256(url.encode("utf-8")).hexdigest()[:16] + ".token"
    path = folder / name
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        f.write(token.strip() + "\n")
    os.chmod(path, 0o600)  # also when the file existed with wider rights
    return path
