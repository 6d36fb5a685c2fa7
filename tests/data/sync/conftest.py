"""Fixtures for sync unit tests: a hub served by uvicorn in a thread, on a temporary SQLite."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.data.sync.factory import free_port


class ThreadHub:
    """A real hub (uvicorn) in a thread of the test process."""

    def __init__(self, log: Any) -> None:
        import uvicorn

        from data.sync.hub.app import create_app
        from data.sync.hub.server import SHUTDOWN_GRACE_S

        self.log = log
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        cfg = uvicorn.Config(create_app(log), host="127.0.0.1", port=self.port,
                             log_level="warning", access_log=False,
                             timeout_graceful_shutdown=SHUTDOWN_GRACE_S)  # as the hub runs
        ready = threading.Event()

        class Server(uvicorn.Server):
            async def startup(self, sockets: Any = None) -> None:
                try:
                    await super().startup(sockets=sockets)
                finally:
                    ready.set()  # listening (or failed to: then `started` stays False)

        self.server = Server(cfg)

        def run() -> None:
            try:
                self.server.run()
            finally:
                ready.set()  # a server that died before its startup wakes the waiter too

        self.thread = threading.Thread(target=run, daemon=True)
        self.thread.start()
        assert ready.wait(60), "hub did not start"
        assert self.server.started, "hub did not start (see the log above)"

    def enroll(self, node: str, worlds: tuple[str, ...] = ("LIVE",),
               read: tuple[str, ...] = ()) -> str:
        return str(self.log.auth.enroll(node, list(worlds), list(read)))

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(10)


@pytest.fixture
def sql_hub(tmp_path: Path) -> Iterator[ThreadHub]:
    from data.sync.hub.storage import SqlEventLog

    log = SqlEventLog(str(tmp_path / "hub.db"))
    hub = ThreadHub(log)
    yield hub
    hub.stop()
    log.close()
