"""Run a hub with uvicorn (``crisisbeeld hub`` / ``crisisbeeld serve``).

``workers > 1`` starts that many hub processes on one port (uvicorn's process manager); they
share the database exactly as hub processes on several machines share one PostgreSQL database
(SQLite works too: one writer at a time, readers in parallel). Each worker opens the log from
the environment (``CRISISBEELD_HUB_DB`` / ``CRISISBEELD_HUB_STORE``) in
:func:`app_from_env`.
"""

from __future__ import annotations

import logging
import os
import threading
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from data.i18n import _
from data.sync.hub.storage import EventLog, open_log
from data.sync.wire import is_loopback

#: on a stop, how long requests in flight may take before they are cut: a pull waiting for
#: news would otherwise hold the stop up to its whole wait (its client asks again at once)
SHUTDOWN_GRACE_S = 5.0


def tls_options(host: str, tls_cert: str | None, tls_key: str | None,
                insecure_http: bool = False) -> dict[str, Any]:
    """uvicorn's TLS options for a hub on ``host``. Raises ValueError (a Dutch sentence)
    for half a certificate pair, a file that cannot be read, or plain HTTP on an address
    other machines reach without ``insecure_http``."""
    if bool(tls_cert) != bool(tls_key):
        raise ValueError(_("geef --tls-cert en --tls-key samen (certificaat en sleutel)"))
    if tls_cert and tls_key:
        for what, f in (("certificaat", tls_cert), ("sleutel", tls_key)):
            if not os.path.isfile(f) or not os.access(f, os.R_OK):
                raise ValueError(_("{what} {f} bestaat niet of is niet leesbaar").format(
                                     what=what, f=f))
        return {"ssl_certfile": tls_cert, "ssl_keyfile": tls_key}
    if not is_loopback(host) and not insecure_http:
        raise ValueError(
            _("de hub luistert op {host} zonder TLS: tokens en gebeurtenissen zouden "
              "onversleuteld over het netwerk gaan. Geef --tls-cert en --tls-key, of "
              "(alleen op een vertrouwd netwerk) --onveilig-http").format(host=host))
    return {}


def serve(log: EventLog, host: str = "127.0.0.1", port: int = 8750,
          log_level: str = "warning", workers: int = 1, db: str | None = None,
          store: str | None = None, tls_cert: str | None = None, tls_key: str | None = None,
          insecure_http: bool = False) -> None:
    """Serve ``log`` until interrupted (Ctrl-C or SIGTERM), then close it cleanly. With
    ``workers > 1`` the log only prepared the database; each worker opens its own. HTTPS with
    ``tls_cert``/``tls_key``; plain HTTP on a non-loopback ``host`` only with
    ``insecure_http`` (ValueError otherwise, before anything listens)."""
    import uvicorn

    from data.sync.hub.app import create_app

    tls = tls_options(host, tls_cert, tls_key, insecure_http)
    logging.getLogger("uvicorn.error").setLevel(log_level.upper())
    opts: dict[str, Any] = dict(host=host, port=port, log_level=log_level, access_log=False,
                                timeout_keep_alive=30,
                                timeout_graceful_shutdown=SHUTDOWN_GRACE_S, **tls)
    if workers > 1:
        log.close()
        os.environ["CRISISBEELD_HUB_DB"] = db or ""
        os.environ["CRISISBEELD_HUB_STORE"] = store or ""
        uvicorn.run("data.sync.hub.server:app_from_env", factory=True, workers=workers, **opts)
        return
    try:
        uvicorn.run(create_app(log), **opts)
    finally:
        log.close()


class BackgroundHub:
    """A hub served from a thread of this process, e.g. the desktop serving its own store to
    its neighbours::

        hub = BackgroundHub(StoreEventLog(app_store), host="0.0.0.0", port=8750,
                            tls_cert="hub.pem", tls_key="hub.key")
        hub.start()          # returns once the port listens (raises if it cannot)
        ...
        hub.stop()           # stops serving and closes the log (not the app's store)
    """

    def __init__(self, log: EventLog, host: str = "127.0.0.1", port: int = 8750,
                 tls_cert: str | None = None, tls_key: str | None = None,
                 insecure_http: bool = False) -> None:
        import uvicorn

        from data.sync.hub.app import create_app

        self.log, self.host, self.port = log, host, port
        self.tls = bool(tls_cert)
        # the rule of `crisisbeeld hub`: plain HTTP on a network address only when chosen
        tls = tls_options(host, tls_cert, tls_key, insecure_http=insecure_http)
        cfg = uvicorn.Config(create_app(log), host=host, port=port, log_level="warning",
                             access_log=False, timeout_keep_alive=30,
                             timeout_graceful_shutdown=SHUTDOWN_GRACE_S, **tls)
        self.server = uvicorn.Server(cfg)
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        host = "127.0.0.1" if self.host in ("0.0.0.0", "") else self.host
        return f"{'https' if self.tls else 'http'}://{host}:{self.port}"

    def start(self, timeout: float = 10.0) -> None:
        self._thread = threading.Thread(target=self.server.run, name="crisisbeeld-hub",
                                        daemon=True)
        self._thread.start()
        deadline = time.monotonic() + timeout
        while not self.server.started:
            if not self._thread.is_alive() or time.monotonic() > deadline:
                raise OSError(_("hub kon niet starten op {host}:{port} (poort bezet?)").format(
                                  host=self.host, port=self.port))
            time.sleep(0.01)

    def stop(self, timeout: float = 10.0) -> None:
        self.server.should_exit = True
        if self._thread:
            self._thread.join(timeout)
        self.log.close()


def app_from_env() -> Any:
    """The app of one worker process: opens the log named in the environment."""
    from data.sync.hub.app import create_app

    log = open_log(db=os.environ.get("CRISISBEELD_HUB_DB") or None,
                   store=os.environ.get("CRISISBEELD_HUB_STORE") or None)

    @asynccontextmanager
    async def lifespan(_app: Any) -> AsyncIterator[None]:
        yield
        log.close()

    return create_app(log, lifespan=lifespan)
