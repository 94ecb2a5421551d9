"""Benchmark of the core on a 40-village, ~300-person commune: prints figures, asserts nothing.

    .venv/bin/python bench/bench_core.py [--runs N]

Measures (min / median / max over N runs):
  - in process: import (parse + store), check, export-json, and the check alone;
  - whole commands as a clerk's script runs them: `import-json`, `check`, `export-json` (process start to exit).
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from desktop import demo, interchange, rules  # noqa: E402
from desktop.store import Store  # noqa: E402


def figures(samples: list[float]) -> str:
    ms = [s * 1000 for s in samples]
    return f"min {min(ms):7.1f} ms   median {statistics.median(ms):7.1f} ms   max {max(ms):7.1f} ms"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    setup = demo.build(villages=40, team_size=7)
    data = interchange.dumps(setup)
    print(f"Commune: {len(setup.villages)} villages, {len(setup.people)} people, {len(setup.teams)} teams, "
          f"{len(data) // 1024} KiB of JSON; {args.runs} runs each\n")
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "commune.json"
        src.write_text(data, encoding="utf-8")
        roundtrip, check_only = [], []
        for i in range(args.runs):
            db = Path(tmp) / f"inproc{i}.sqlite3"
            t0 = time.perf_counter()
            with Store.open(db) as store:
                store.replace_setup(interchange.parse_text(src.read_bytes()))
                loaded = store.load()
                findings = rules.check(loaded)
                out = interchange.dumps(loaded)
            roundtrip.append(time.perf_counter() - t0)
            t0 = time.perf_counter()
            rules.check(loaded)
            check_only.append(time.perf_counter() - t0)
        assert out == data, "round trip changed the document"
        print(f"in process  import + check + export-json  {figures(roundtrip)}")
        print(f"in process  check alone                   {figures(check_only)}   ({len(findings)} findings)")
        env = dict(os.environ, PYTHONPATH=str(ROOT))
        db = Path(tmp) / "cli.sqlite3"
        for name, cmd in (("import-json", ["import-json", "--db", db, src]), ("check", ["check", "--db", db]),
                          ("export-json", ["export-json", "--db", db]), ("--version (bare start)", ["--version"])):
            samples = []
            for _ in range(args.runs):
                t0 = time.perf_counter()
                subprocess.run([sys.executable, "-m", "desktop", *map(str, cmd)], env=env, cwd=ROOT,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
                samples.append(time.perf_counter() - t0)
            print(f"process     {name:<29} {figures(samples)}")


if __name__ == "__main__":
    main()
