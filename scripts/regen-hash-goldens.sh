#!/usr/bin/env bash
# Regenerates testdata/hash/hashes.json: cairo-lang 0.14.0.1's
# cairo-hash-program (pedersen, poseidon, blake) for every compiled program
# of the corpus, the proof goldens, and the Stone vectors when present.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
VENV="${CAIRO_VENV:-/opt/cairo-venv}"
[ -x "$VENV/bin/cairo-hash-program" ] || { python3 -m venv "$VENV" && "$VENV/bin/pip" install -q cairo-lang==0.14.0.1; }
"$VENV/bin/python" "$ROOT/scripts/patch_cairo_lang.py" >/dev/null
mkdir -p "$ROOT/testdata/hash"
"$VENV/bin/python" - "$ROOT" <<'PY'
import glob, json, os, subprocess, sys
root = sys.argv[1]
venv = os.environ.get("CAIRO_VENV", "/opt/cairo-venv")
progs = sorted(glob.glob(f"{root}/testdata/corpus/**/program.json", recursive=True))
progs += sorted(glob.glob(f"{root}/testdata/proof/*/program.json"))
progs += sorted(glob.glob(f"{root}/../shared/stone-vectors/*/program.json"))
from starkware.cairo.bootloaders.hash_program import compute_program_hash_chain, HashFunction
from starkware.cairo.lang.compiler.program import Program
out = {}
for p in progs:
    key = os.path.relpath(p, os.path.dirname(root)) if "/shared/" in p else os.path.relpath(p, root)
    program = Program.Schema().load(json.load(open(p)))
    entry = {}
    for fn in HashFunction:
        try:
            entry[fn.name.lower()] = hex(compute_program_hash_chain(program=program, program_hash_function=fn))
        except Exception as e:
            entry[fn.name.lower()] = "error"
    out[key] = entry
json.dump(out, open(f"{root}/testdata/hash/hashes.json", "w"), indent=1, sort_keys=True)
print(len(out), "programs")
PY
