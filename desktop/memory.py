"""Large buffers go back to the system when they are freed (glibc).

A search or a sort of the journal builds lists of hundreds of thousands of entries for a moment
(megabytes each). glibc's allocator raises its mmap threshold each time such a block is freed,
after which the next ones come from the heap, where what is freed between blocks still in use
stays with the process: the window held ~30 MB more after a few searches on a 1M-event store
than after its load. A fixed threshold keeps every block over it mapped on its own, returned
whole when it is freed (a mapping costs a few page faults: well under a millisecond per MB).
"""

from __future__ import annotations

import ctypes
import ctypes.util
import sys

M_MMAP_THRESHOLD = -3  # (glibc's malloc.h)
#: blocks this large or larger are mapped on their own (glibc's first threshold, kept fixed)
MMAP_THRESHOLD = 128 * 1024


def return_freed_memory() -> bool:
    """Keep large blocks mapped on their own from now on; False where that cannot be said
    (not Linux, or a C library without ``mallopt``)."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        mallopt = libc.mallopt
    except (OSError, AttributeError):
        return False
    mallopt.argtypes = [ctypes.c_int, ctypes.c_int]
    mallopt.restype = ctypes.c_int
    return bool(mallopt(M_MMAP_THRESHOLD, MMAP_THRESHOLD))
