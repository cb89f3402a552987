#!/usr/bin/env bash
# Regenerate the golden corpus in testdata/corpus from cairo-lang 0.14.0.1.
#
# Usage: scripts/regen-goldens.sh [--only NAME[,NAME...]] [--bench-timing] [-j N]
#
# Environment:
#   CAIRO_VENV  venv holding cairo-lang (default /opt/cairo-venv). Created with
#               `$PYTHON -m venv` + `pip install cairo-lang==0.14.0.1` if it has no cairo-run.
#   PYTHON      interpreter used to create the venv (default python3; tested with 3.11).
#   JOBS        parallel jobs (default 2).
#
# The installed cairo-lang is patched idempotently (scripts/patch_cairo_lang.py) so it imports
# on Python 3.11 and knows the all_cairo layout. See testdata/corpus/README.md for the format.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
venv="${CAIRO_VENV:-/opt/cairo-venv}"
python="${PYTHON:-python3}"
cairo_lang_version="0.14.0.1"

if [[ ! -x "$venv/bin/cairo-run" || ! -x "$venv/bin/python" ]]; then
    echo "regen-goldens: creating venv $venv with cairo-lang==$cairo_lang_version" >&2
    "$python" -m venv "$venv"
    "$venv/bin/python" -m pip install --upgrade pip >&2
    "$venv/bin/python" -m pip install "cairo-lang==$cairo_lang_version" >&2
fi

installed="$("$venv/bin/python" -m pip show cairo-lang 2>/dev/null | sed -n 's/^Version: //p')"
if [[ "$installed" != "$cairo_lang_version" ]]; then
    echo "regen-goldens: $venv has cairo-lang '$installed', need $cairo_lang_version" >&2
    exit 1
fi

"$venv/bin/python" "$here/patch_cairo_lang.py"
exec "$venv/bin/python" "$here/regen_goldens.py" "$@"
