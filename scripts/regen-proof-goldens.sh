#!/usr/bin/env bash
# Regenerates the proof-mode goldens from cairo-lang 0.14.0.1's cairo-run:
#   sample: testdata/proof, 16 corpus programs compiled with --proof_mode and run
#           in proof mode on several layouts, with the full trace, memory, public
#           and private inputs cairo-run writes;
#   corpus: testdata/proof_corpus, every corpus program on every layout it fits,
#           as digests and AIR inputs (scripts/regen_proof_corpus.py; about an hour
#           on 2 busy cores, most of it the starknet layout's 131072-step padding).
#
#   scripts/regen-proof-goldens.sh [sample|corpus] [regen_proof_corpus.py flags]
#   (default: both; uses $CAIRO_VENV, default /opt/cairo-venv)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
VENV="${CAIRO_VENV:-/opt/cairo-venv}"
[ -x "$VENV/bin/cairo-run" ] || { python3 -m venv "$VENV" && "$VENV/bin/pip" install -q cairo-lang==0.14.0.1; }
"$VENV/bin/python" "$ROOT/scripts/patch_cairo_lang.py" >/dev/null
what="${1:-all}"
[ $# -gt 0 ] && shift
if [ "$what" = corpus ] || [ "$what" = all ]; then
  "$VENV/bin/python" "$ROOT/scripts/regen_proof_corpus.py" "$@"
fi
[ "$what" = sample ] || [ "$what" = all ] || exit 0
SITE="$("$VENV/bin/python" -c 'import site; print(site.getsitepackages()[0])')"
OUT="$ROOT/testdata/proof"
rm -rf "$OUT"; mkdir -p "$OUT"

# program:layout[:extra flags]
CASES=(
  fib_recursive:plain ackermann:plain pointer_arith:plain struct_nested:plain memcpy_demo:plain
  double_deref:plain tuple_returns:plain
  dot_product:small gcd:small math_split_felt:small output_hole:small
  collatz:small dot_product:recursive matrix_mult:recursive
  math_unsigned_div_rem:dynamic:--cairo_layout_params_file=params.json
  gcd:dynamic:--cairo_layout_params_file=params.json
)
for c in "${CASES[@]}"; do
  IFS=: read -r prog layout extra <<<"$c"
  d="$OUT/${prog}__${layout}"
  mkdir -p "$d"
  cp "$ROOT/testdata/corpus/$prog.cairo" "$d/program.cairo"
  [ "$layout" = dynamic ] && cp "$ROOT/testdata/proof_params/dynamic.json" "$d/params.json"
  (
    cd "$d"
    "$VENV/bin/cairo-compile" program.cairo --output program.json --proof_mode
    sed -i "s#$SITE/##g" program.json
    args="--layout $layout --proof_mode --print_output --print_info $extra"
    echo "$args" > args
    set +e
    "$VENV/bin/cairo-run" --program program.json $args --trace_file trace.bin --memory_file memory.bin \
      --air_public_input air_public_input.json --air_private_input air_private_input.json \
      > stdout.txt 2> stderr.txt
    code=$?
    echo $code > exit_code
    set -e
    if [ "$code" != 0 ]; then
      rm -f trace.bin memory.bin air_public_input.json air_private_input.json
    else
      "$VENV/bin/python" - <<'PY'
import json
d = json.load(open("air_private_input.json"))
d["trace_path"], d["memory_path"] = "trace.bin", "memory.bin"
json.dump(d, open("air_private_input.json", "w"), indent=4)
PY
    fi
    sed -i "s#$SITE/##g; s#$d/##g" stderr.txt
  )
  echo "$prog on $layout: exit $(cat "$d/exit_code")"
done
