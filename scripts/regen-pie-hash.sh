#!/usr/bin/env bash
# Regenerates the Cairo PIE goldens (testdata/pie, scripts/regen_pie.py) and the program-hash
# goldens (testdata/hash, scripts/regen-hash-goldens.sh) from cairo-lang 0.14.0.1.
#
# Usage: scripts/regen-pie-hash.sh [pie|hash]   (default: both)
# Environment: CAIRO_VENV (default /opt/cairo-venv; created with pip install cairo-lang==0.14.0.1
# when it has no cairo-run).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
VENV="${CAIRO_VENV:-/opt/cairo-venv}"
if [[ ! -x "$VENV/bin/cairo-run" ]]; then
    python3 -m venv "$VENV"
    "$VENV/bin/pip" install -q cairo-lang==0.14.0.1
fi
"$VENV/bin/python" "$ROOT/scripts/patch_cairo_lang.py" >/dev/null
what="${1:-all}"
if [[ "$what" == all || "$what" == pie ]]; then
    "$VENV/bin/python" "$ROOT/scripts/regen_pie.py"
fi
if [[ "$what" == all || "$what" == hash ]]; then
    "$ROOT/scripts/regen-hash-goldens.sh"
fi
