"""A work-around for PySide6 6.12 on Python 3.11: ``None`` loses a reference at every Qt call that returns nothing.

Measured here: ``QLabel.setText``, ``QIcon.paint``, ``processEvents`` — every ``void`` method called from Python, and
every null pointer handed to a Python override — return ``None`` without taking a reference to it, and the caller
then drops one. ``None`` starts with a few thousand references, so a plain PySide6 window calling ``setText`` 5,000
times aborts with "Fatal Python error: none_dealloc: deallocating None"; this program would die after some minutes
of use. Python 3.12 made ``None`` immortal (the bug is harmless there); on 3.11 we give ``None`` so many extra
references at start that the session can never use them up. ``None`` is never freed anyway, so nothing is lost.
"""
from __future__ import annotations

import sys

TOP_UP = 1 << 40   # references; the leak is about one per Qt call


def keep_none_alive() -> bool:
    """Top up ``None``'s reference count (CPython < 3.12 only). Returns True when it did."""
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython" or hasattr(sys, "gettotalrefcount"):
        return False  # immortal None, another interpreter, or a debug build (another object layout)
    import ctypes
    field = ctypes.c_ssize_t.from_address(id(None))   # ob_refcnt, the first field of every object
    if field.value != sys.getrefcount(None) - 1:      # getrefcount counts its own argument
        return False  # not the layout we know: leave it alone
    if field.value < TOP_UP:
        field.value += TOP_UP
    return True
