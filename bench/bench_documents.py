"""How long the document set takes for a large commune (40 villages × 7 members ≈ 300 people, 45 files).

Prints, over a few runs (min / median):
- ``render_set``: every file made in memory (templates compiled once);
- ``write_set``: the same plus writing all files (temporary files, fsync, renames) and the zip;
- the whole ``python -m desktop export`` process, start to finish (interpreter start, imports, database, checks,
  rendering, writing);
- for comparison, the naive docxtpl loop (load template, render, save) for the per-village decisions.

Run: ``python bench/bench_documents.py [--runs N] [--villages N] [--team-size N]``.
"""
from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from desktop import demo  # noqa: E402
from desktop.documents import context as ctx  # noqa: E402
from desktop.documents import xlsx  # noqa: E402
from desktop.documents.engine import CompiledTemplate, DocProperties, find_template, make_env, prepare  # noqa: E402
from desktop.documents.export import TEMPLATE_FILES, plan_set, render_set, write_set  # noqa: E402
from desktop.store import Store  # noqa: E402


def timed(fn, runs: int) -> list[float]:
    out = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        out.append(time.perf_counter() - t0)
    return out


def show(label: str, times: list[float], per: int | None = None) -> None:
    line = f"{label:<44} min {min(times) * 1000:7.1f} ms   median {statistics.median(times) * 1000:7.1f} ms"
    if per:
        line += f"   ({statistics.median(times) * 1000 / per:.1f} ms per file)"
    print(line)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--villages", type=int, default=40)
    ap.add_argument("--team-size", type=int, default=7)
    args = ap.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        db = tmp / "bench.sqlite3"
        with Store.open(db) as store:
            store.replace_setup(demo.build(villages=args.villages, team_size=args.team_size))
            setup, settings = store.load(), store.load_settings()
        n_files = len(plan_set(setup, settings))
        print(f"Commune: {len(setup.villages)} villages, {len(setup.people)} people, {n_files} files "
              f"(team decisions {settings.team_decisions}); {args.runs} runs each.")

        show("render_set (in memory)", timed(lambda: render_set(setup, settings), args.runs), n_files)
        facts = ctx.Facts(setup, settings)
        show("  of which: Facts (sorting, lists)", timed(lambda: ctx.Facts(setup, settings), args.runs))
        show("  of which: read + compile 6 templates", timed(
            lambda: [CompiledTemplate(find_template(n), make_env()) for n in TEMPLATE_FILES.values()], args.runs))
        compiled = CompiledTemplate(find_template(TEMPLATE_FILES["team_decision"]), make_env())
        contexts = [prepare(ctx.team_decision(facts, t["village"])) for t in facts.teams]
        props = DocProperties(title="bench")
        show(f"  of which: render {len(contexts)} team decisions", timed(
            lambda: [compiled.render(c, props) for c in contexts], args.runs), len(contexts))
        show("  of which: Excel list", timed(lambda: xlsx.build(facts), args.runs))

        out = tmp / "out"
        out.mkdir()
        show("write_set", timed(lambda: write_set(setup, settings, out), args.runs), n_files)
        show("write_set --zip", timed(lambda: write_set(setup, settings, out, make_zip=True), args.runs), n_files)

        cmd = [sys.executable, "-m", "desktop", "export", "--db", str(db), "--out", str(out)]

        def process():
            subprocess.run(cmd, cwd=ROOT, check=True, stdout=subprocess.DEVNULL)

        show("python -m desktop export (whole process)", timed(process, args.runs))
        show("python -m desktop export --zip", timed(lambda: subprocess.run(cmd + ["--zip"], cwd=ROOT, check=True,
                                                                             stdout=subprocess.DEVNULL), args.runs))
        show("python -c pass (interpreter start)", timed(
            lambda: subprocess.run([sys.executable, "-c", "pass"], check=True), args.runs))

        settings.team_decisions = "single"
        show("render_set, one team decision + appendix",
             timed(lambda: render_set(setup, settings), args.runs), len(plan_set(setup, settings)))
        settings.team_decisions = "per_village"

        # the naive docxtpl loop, for comparison: load, render, save for each village's decision
        from docxtpl import DocxTemplate
        path = find_template(TEMPLATE_FILES["team_decision"])
        villages = [t["village"] for t in facts.teams]
        naive_dir = tmp / "naive"
        naive_dir.mkdir()

        def naive():
            for i, name in enumerate(villages):
                doc = DocxTemplate(path)
                doc.render(prepare(ctx.team_decision(facts, name)), make_env())
                doc.save(naive_dir / f"{i}.docx")

        show(f"naive docxtpl loop, {len(villages)} team decisions", timed(naive, max(1, args.runs // 2)),
             len(villages))
    return 0


if __name__ == "__main__":
    sys.exit(main())
