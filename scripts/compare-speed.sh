#!/usr/bin/env bash
# Times Cairn against the reference on the benchmark programs of
# testdata/corpus/bench, on this machine, and prints the ratios.
#   CAIRO_VENV   cairo-lang 0.14.0.1 venv (default /opt/cairo-venv); SKIP_CAIRO_RUN=1 skips it
#   CAIRO_VM_GO  path to a cairo-vm-go binary you built yourself (optional)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
VENV="${CAIRO_VENV:-/opt/cairo-venv}"
BIN="$(mktemp -d)/cairn"
(cd "$ROOT" && go build -o "$BIN" ./cmd/cairn)
secs() { /usr/bin/time -f "%e %M" "$@" >/dev/null 2>"$TMP" || true; tail -1 "$TMP"; }
TMP="$(mktemp)"
printf "%-24s %12s %12s %12s %10s %10s\n" program cairn_s cvg_s cairo_run_s cvg/cairn run/cairn
for dir in "$ROOT"/testdata/corpus/bench/*/; do
  name="$(basename "$dir")"
  layout="$(grep -o -- '--layout [a-z_]*' "$dir/args" | awk '{print $2}')"
  read -r c cm < <(secs "$BIN" run --layout "$layout" --program "$dir/program.json")
  g=-; gr=-
  if [ -n "${CAIRO_VM_GO:-}" ]; then
    read -r g gm < <(secs "$CAIRO_VM_GO" run --layout "$layout" "$dir/program.json")
    gr=$(awk -v a="$g" -v b="$c" 'BEGIN{printf "%.1f", a/b}')
  fi
  p=-; pr=-
  if [ -z "${SKIP_CAIRO_RUN:-}" ]; then
    read -r p pm < <(secs "$VENV/bin/cairo-run" --layout "$layout" --program "$dir/program.json")
    pr=$(awk -v a="$p" -v b="$c" 'BEGIN{printf "%.0f", a/b}')
  fi
  printf "%-24s %12s %12s %12s %10s %10s\n" "$name" "$c" "$g" "$p" "$gr" "$pr"
done
