#!/bin/sh
# Regenerates the prover's benchmark programs with cairo-lang 0.14.0.1.
set -e
cd "$(dirname "$0")"
VENV=${CAIRO_VENV:-/opt/cairo-venv}
"$VENV/bin/cairo-compile" fib_2p14.cairo --output fib_2p14.json --proof_mode
"$VENV/bin/cairo-compile" fib_2p16.cairo --output fib_2p16.json --proof_mode
