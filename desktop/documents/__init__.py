"""The documents of the set (Word plan, decisions, notice and report; the Excel list): Qt-free.

- ``export``: ``plan_set``, ``render_set``, ``write_set``, ``export_command`` (the ``export`` command).
- ``context``: what each document says, from the stored data.
- ``engine``: the docxtpl templates (found, checked, compiled once, rendered in memory) and ``TemplateError``.
- ``xlsx``: the Excel list.
- ``fileset``: writing several files as one change.
"""
from .engine import TemplateError

__all__ = ["TemplateError"]
