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


#: files run first, in this order: the targeted tests kill most mutants in milliseconds, and
#: with ``-x`` a killed mutant stops there (mutmut hands pytest its tests in no fixed order)
_FIRST = ("test_mutants_", "test_lifecycles", "test_validation", "test_light_journal",
          "test_wire", "test_store", "test_fastpaths", "test_hub_api", "test_bundle",
          "test_client")


def _rank(item: object) -> tuple[int, str]:
    name = str(getattr(item, "nodeid", "")).split("::")[0].rsplit("/", 1)[-1]
    for k, prefix in enumerate(_FIRST):
        if name.startswith(prefix):
            return k, name
    return len(_FIRST), name


def pytest_collection_modifyitems(session: object, config: object, items: list) -> None:
    items.sort(key=_rank)  # stable: within a file the tests keep their order
