#!/usr/bin/env bash
# Times Cairn against the reference on the benchmark programs of
# testdata/corpus/bench, on this machine, and prints the ratios: wall
# seconds of the whole CLI run (start-up and program loading included),
# without files and with --trace_file/--memory_file (written to a scratch
# directory), best of RUNS runs for the Go VMs (cairo-run runs once).
#   CAIRO_VENV   cairo-lang 0.14.0.1 venv (default /opt/cairo-venv); SKIP_CAIRO_RUN=1 skips it
#   CAIRO_VM_GO  path to a cairo-vm-go binary you built yourself (optional)
#   RUNS         runs per Go measurement (default 3)
#   ONLY         a regular expression: time only the programs it matches
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
VENV="${CAIRO_VENV:-/opt/cairo-venv}"
RUNS="${RUNS:-3}"
SCRATCH="$(mktemp -d)"
trap 'rm -rf "$SCRATCH"' EXIT
BIN="$SCRATCH/cairn"
(cd "$ROOT" && go build -o "$BIN" ./cmd/cairn)
TMP="$SCRATCH/time"
once() { /usr/bin/time -f "%e" "$@" >/dev/null 2>"$TMP" || true; tail -1 "$TMP"; }
best() { local b=""; for _ in $(seq "$RUNS"); do t=$(once "$@"); b=$(awk -v a="$t" -v b="$b" 'BEGIN{print (b=="" || a<b) ? a : b}'); done; echo "$b"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN{ if (a=="-" || b=="-" || b==0) print "-"; else printf "%.1f", a/b }'; }
printf "%-22s %9s %9s %9s %9s %11s %8s %9s\n" program cairn_s +files_s cvg_s cvg+f_s cairo_run_s cvg/cairn run/cairn
for dir in "$ROOT"/testdata/corpus/bench/*/; do
  name="$(basename "$dir")"
  if [ -n "${ONLY:-}" ] && ! [[ "$name" =~ $ONLY ]]; then continue; fi
  layout="$(grep -o -- '--layout [a-z_]*' "$dir/args" | awk '{print $2}')"
  c=$(best "$BIN" run --layout "$layout" --program "$dir/program.json")
  cf=$(best "$BIN" run --layout "$layout" --program "$dir/program.json" --trace_file "$SCRATCH/t" --memory_file "$SCRATCH/m")
  g=-; gf=-
  if [ -n "${CAIRO_VM_GO:-}" ]; then
    g=$(best "$CAIRO_VM_GO" run --layout "$layout" "$dir/program.json")
    gf=$(best "$CAIRO_VM_GO" run --layout "$layout" --collect_trace --tracefile "$SCRATCH/t" --build_memory --memoryfile "$SCRATCH/m" "$dir/program.json")
  fi
  p=-
  if [ -z "${SKIP_CAIRO_RUN:-}" ]; then
    p=$(once "$VENV/bin/cairo-run" --layout "$layout" --program "$dir/program.json")
  fi
  printf "%-22s %9s %9s %9s %9s %11s %8s %9s\n" "$name" "$c" "$cf" "$g" "$gf" "$p" "$(ratio "$g" "$c")" "$(ratio "$p" "$c")"
done
