"""Start-up: defer modules the program never uses but a library imports at load time.

sqlite-utils imports ``dateutil.parser`` (for one recipe the program never uses) when it is loaded: about 14 ms of
a 0.25 s start. ``importlib.util.LazyLoader`` registers it so that its code runs only if something actually touches
it (then it loads as usual). (``click`` would be another 9 ms, but sqlite-utils uses it at load time.)
"""
from __future__ import annotations

import importlib.util
import sys

DEFERRED = ("dateutil.parser",)


def defer(names: tuple[str, ...] = DEFERRED) -> list[str]:
    """Register ``names`` as lazy modules (those not imported yet and found); returns the ones deferred."""
    done = []
    for name in names:
        if name in sys.modules:
            continue
        try:
            spec = importlib.util.find_spec(name)
            if spec is None or spec.loader is None:
                continue
            spec.loader = importlib.util.LazyLoader(spec.loader)
            module = importlib.util.module_from_spec(spec)
            sys.modules[name] = module
            spec.loader.exec_module(module)
        except Exception:  # noqa: BLE001 - an optimisation only: any surprise (a frozen bundle…) means a normal import
            sys.modules.pop(name, None)
            continue
        parent, _, child = name.rpartition(".")
        if parent and parent in sys.modules:
            setattr(sys.modules[parent], child, module)
        done.append(name)
    return done
