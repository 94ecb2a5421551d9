"""Entry point of the built program (PyInstaller): the same ``desktop.cli.main()`` as ``python -m desktop``.

Two executables are built from it into one folder: ``CDS-Xa`` (windowed on Windows: the Start-menu program) and
``cds-xa-cli`` (a console program: ``--self-test``, ``check``, ``export``… with output and an exit code).
"""
import sys


def _utf8_streams() -> None:
    """Vietnamese output must survive a Windows console or a redirected pipe (cp1252 there by default)."""
    for stream in (sys.stdout, sys.stderr):
        if stream is None:  # a windowed program on Windows has no console
            continue
        if (getattr(stream, "encoding", "") or "").lower().replace("-", "") != "utf8":
            try:
                stream.reconfigure(encoding="utf-8", errors="replace")
            except (AttributeError, ValueError, OSError):
                pass


if __name__ == "__main__":
    _utf8_streams()
    from desktop.cli import main
    sys.exit(main())
