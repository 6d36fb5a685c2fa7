"""Run a hub with uvicorn (``crisisbeeld hub`` / ``crisisbeeld serve``)."""

from __future__ import annotations

import logging

from data.sync.hub.storage import EventLog


def serve(log: EventLog, host: str = "127.0.0.1", port: int = 8750,
          log_level: str = "warning") -> None:
    """Serve ``log`` until interrupted (Ctrl-C or SIGTERM), then close it cleanly."""
    import uvicorn

    from data.sync.hub.app import create_app

    app = create_app(log)
    logging.getLogger("uvicorn.error").setLevel(log_level.upper())
    try:
        uvicorn.run(app, host=host, port=port, log_level=log_level, access_log=False,
                    timeout_keep_alive=30)
    finally:
        log.close()
