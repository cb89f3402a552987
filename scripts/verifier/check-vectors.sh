#!/usr/bin/env bash
# Runs the verifier's tests against the Stone vectors and prints what each
# package checks. Usage: scripts/verifier/check-vectors.sh [vectors-dir]
# The vectors default to ../shared/stone-vectors beside the repository.
set -euo pipefail
cd "$(dirname "$0")/../.."
if [[ $# -ge 1 ]]; then
	export CAIRN_STONE_VECTORS="$1"
fi
dir="${CAIRN_STONE_VECTORS:-../shared/stone-vectors}"
if [[ ! -d "$dir" ]]; then
	echo "stone vectors not found at $dir" >&2
	exit 1
fi
export CAIRN_STONE_VECTORS="$(cd "$dir" && pwd)"
CI=1 go test -count=1 -v \
	-run 'TestParseVectors|TestReplayAnnotations|TestSeed|TestTraceDecommitments|TestPlainStone|TestNegative|TestFlippedBytes' \
	./stark/... ./verifier/... | grep -E '^(=== RUN|--- (PASS|FAIL|SKIP)|ok|FAIL|PASS)|rejections' | grep -v '=== RUN'
