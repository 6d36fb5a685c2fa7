"""Qt test fixtures: fail a test that leaves a QThread running or a QTimer active."""

from tests.qt_support import no_leaked_threads_or_timers, pytest_collection_modifyitems

__all__ = ["no_leaked_threads_or_timers", "pytest_collection_modifyitems"]
