"""pytest plugin for `make mutation` (loaded through [tool.mutmut] pytest_add_cli_args).

mutmut runs each mutant's tests in a process forked from one that has run the tests already.
Process-wide caches filled there (the compiled payload validators, the timestamps accepted
before) would keep what the unmutated code made, so a mutant in the code that fills them would
never run and survive for no reason. They are emptied at the start of every test session."""

from __future__ import annotations


def pytest_sessionstart(session: object) -> None:
    from data.domain import events, validation

    events._COMPILED.clear()  # noqa: SLF001
    validation._ISO_SEEN.clear()  # noqa: SLF001
