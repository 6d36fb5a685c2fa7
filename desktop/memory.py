"""Large buffers go back to the system when they are freed (glibc).

A search or a sort of the journal builds lists of hundreds of thousands of entries for a moment
(megabytes each). glibc's allocator raises its mmap threshold each time such a block is freed,
after which the next ones come from the heap, where what is freed between blocks still in use
stays with the process: the window held ~30 MB more after a few searches on a 1M-event store
than after its load. A fixed threshold keeps every block over it mapped on its own, returned
whole when it is freed (a mapping costs a few page faults: well under a millisecond per MB).
Smaller blocks freed between ones still in use leave free pages inside the heap: after a search
has been applied, :func:`give_back` returns those (1-3 ms on a 1M-event store, ~12 MB).
"""

from __future__ import annotations

import ctypes
import ctypes.util
import sys

M_MMAP_THRESHOLD = -3  # (glibc's malloc.h)
#: blocks this large or larger are mapped on their own (glibc's first threshold, kept fixed)
MMAP_THRESHOLD = 128 * 1024


def _libc() -> ctypes.CDLL | None:
    if not sys.platform.startswith("linux"):
        return None
    try:
        return ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
    except OSError:
        return None


_LIBC = _libc()


def give_back() -> bool:
    """Hand the free pages inside the heap back to the system (glibc ``malloc_trim``); False
    where there is no such call."""
    trim = getattr(_LIBC, "malloc_trim", None)
    if trim is None:
        return False
    trim.argtypes = [ctypes.c_size_t]
    trim.restype = ctypes.c_int
    trim(0)
    return True


def return_freed_memory() -> bool:
    """Keep large blocks mapped on their own from now on; False where that cannot be said
    (not Linux, or a C library without ``mallopt``)."""
    mallopt = getattr(_LIBC, "mallopt", None)
    if mallopt is None:
        return False
    mallopt.argtypes = [ctypes.c_int, ctypes.c_int]
    mallopt.restype = ctypes.c_int
    return bool(mallopt(M_MMAP_THRESHOLD, MMAP_THRESHOLD))
