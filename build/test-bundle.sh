#!/usr/bin/env bash
# Build the one-folder bundle with the same spec as Windows, then prove it complete: the built program's
# --self-test (offscreen: fresh database, sample commune, checks, every document and the Excel list written and
# read back, the main window built), then the bundle checks (layout, no network libraries) in tests/.
# Exit status non-zero on any failure. Second CI step after .ci/run:
#   bash build/setup-env.sh test && bash build/test-bundle.sh
set -euo pipefail
cd "$(dirname "$0")/.."
PY="${PYTHON:-}"
if [ -z "$PY" ]; then
  if [ -x .venv/bin/python ]; then PY=.venv/bin/python; else PY=python3; fi
fi
export QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-offscreen}"
data="$(mktemp -d)"
trap 'rm -rf "$data"' EXIT

echo "== build (PyInstaller, build/cds-xa.spec)"
start=$(date +%s)
"$PY" build/build.py
echo "build took $(( $(date +%s) - start )) s"

echo "== self-test of the built console program"
CDS_XA_DATA_DIR="$data" build/out/dist/CDS-Xa/cds-xa-cli --self-test

echo "== self-test of the built windowed program (the Start-menu one on Windows)"
rm -f "$data/selftest.log"
CDS_XA_DATA_DIR="$data" build/out/dist/CDS-Xa/CDS-Xa --self-test >/dev/null
grep -q "KẾT QUẢ: ĐẠT" "$data/selftest.log"
echo "selftest.log: $(tail -n 1 "$data/selftest.log")"

echo "== bundle checks"
"$PY" -m pytest -q tests/test_bundle.py tests/test_offline.py
