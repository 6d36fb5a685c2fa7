"""The Crisisbeeld hub: an HTTP service (FastAPI + uvicorn) that stores events and serves them in
arrival order. Storage in :mod:`data.sync.hub.storage`, API in :mod:`data.sync.hub.app`."""
