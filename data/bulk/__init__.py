"""Speed machinery shared by the bulk paths (ingest, rebuild, sync, bundles, the hub's pages).

Nothing here knows what an event is: it imports nothing of ``data``, so the rooms that carry
meaning stay readable and every speed-up sits behind one name."""

from data.bulk.collector import collector_off, gc_paused

__all__ = ["gc_paused", "collector_off"]
