#!/usr/bin/env python3
"""Regenerates testdata/proof_corpus: every corpus program, compiled with --proof_mode and run by
cairo-lang 0.14.0.1's cairo-run in proof mode on every layout it fits.

Run with the venv's interpreter (scripts/regen-proof-goldens.sh does):

    $CAIRO_VENV/bin/python scripts/regen_proof_corpus.py [-j 2] [--only NAME,...]

A program fits a layout when the builtins its %builtins directive declares are all builtins of
that layout (cairo-lang's LAYOUTS; dynamic, with testdata/proof_params/dynamic.json, has them
all). Programs that cairo-compile --proof_mode rejects are listed in manifest.json with the
compiler's error and have no cases.

Per case, testdata/proof_corpus/<name>/<layout>.json holds cairo-run's exit code, stdout and
stderr, and on success: n_steps, the sha256 of trace.bin, the sha256 of the canonical memory
(memory.bin's 40-byte records, address u64 LE then value 32 bytes LE, sorted by address, then
concatenated), digests of each CHUNK-step slice of the trace and CHUNK-record slice of the
canonical memory (the first 16 hex digits of their sha256, so that a mismatch can be located),
and air_public_input.json and air_private_input.json as JSON values (the private input's two
file paths replaced by "trace.bin" and "memory.bin"). The full trace and memory are not stored:
the padded runs on the big layouts are up to megabytes each.
"""
import argparse
import gzip
import hashlib
import json
import multiprocessing
import os
import shutil
import subprocess
import sys
import sysconfig
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CORPUS = os.path.join(ROOT, "testdata", "corpus")
OUT = os.path.join(ROOT, "testdata", "proof_corpus")
PARAMS = os.path.join(ROOT, "testdata", "proof_params", "dynamic.json")
BIN = os.path.dirname(os.path.abspath(sys.executable))
CAIRO_COMPILE = os.path.join(BIN, "cairo-compile")
CAIRO_RUN = os.path.join(BIN, "cairo-run")
CHUNK = 4096
# Layouts by the cost of a proof-mode run (cairo-run pads to more steps on the later ones).
COST_ORDER = [
    "plain", "small", "dex", "dynamic", "all_solidity", "recursive_large_output", "recursive",
    "recursive_with_poseidon", "starknet_with_keccak", "all_cairo", "starknet",
]
CHEAP_LAYOUTS = 5  # the first five of COST_ORDER
TIMEOUT = 900

LAYOUT_ORDER = [
    "plain", "small", "dex", "recursive", "starknet", "starknet_with_keccak",
    "recursive_large_output", "recursive_with_poseidon", "all_solidity", "all_cairo", "dynamic",
]


def site_packages():
    for base in [sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]] + sys.path:
        if base and os.path.isdir(os.path.join(base, "starkware", "cairo", "common")):
            return os.path.realpath(base)
    raise SystemExit("regen_proof_corpus: cannot locate site-packages holding starkware/")


SITE = site_packages()


def env():
    e = dict(os.environ)
    e["PYTHONHASHSEED"] = "0"
    e["LC_ALL"] = "C.UTF-8"
    e["PYTHONDONTWRITEBYTECODE"] = "1"
    e.pop("PYTHONPATH", None)
    return e


def strip(text, dirs):
    venv = os.path.dirname(BIN)
    prefixes = [SITE, venv, os.path.realpath(venv), ROOT, os.path.realpath(ROOT)] + dirs
    for p in sorted(set(prefixes), key=len, reverse=True):
        text = text.replace(p + "/", "").replace(p, ".")
    return text


def layout_builtins():
    from starkware.cairo.lang.instances import LAYOUTS

    out = {name: set(LAYOUTS[name].builtins) for name in LAYOUT_ORDER if name != "dynamic"}
    # The dynamic layout lists every builtin, but the parameters give the unused ones ratio 0,
    # and a run that uses such a builtin never finds enough steps (cairo-run grows the trace
    # until it runs out of memory): the builtins it has are those the parameters use.
    with open(PARAMS) as f:
        params = json.load(f)
    out["dynamic"] = {"output"} | {
        b for b in LAYOUTS["dynamic"].builtins if params.get(f"uses_{b}_builtin") == 1
    }
    return out


def call_main(module, argv, cwd):
    """Runs a cairo-lang CLI's main() in this process (the interpreter is started once per
    worker, not once per run). Returns (exit code, stdout, stderr)."""
    import contextlib
    import importlib
    import io

    main = importlib.import_module(module).main
    out, err = io.StringIO(), io.StringIO()
    old_argv, old_cwd = sys.argv, os.getcwd()
    sys.argv = argv
    os.chdir(cwd)
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                code = main()
            except SystemExit as e:
                code = e.code if isinstance(e.code, int) else 1
            except Exception:
                code = -1  # an uncaught exception: the real CLI prints the traceback
    finally:
        sys.argv = old_argv
        os.chdir(old_cwd)
    return code or 0, out.getvalue(), err.getvalue()


def compile_one(name):
    """Returns (program bytes, None) or (None, compiler error)."""
    with tempfile.TemporaryDirectory(prefix="cairn-proofc-") as tmp:
        raw = os.path.join(tmp, name + ".raw.json")
        argv = ["cairo-compile", name + ".cairo", "--output", raw, "--proof_mode"]
        code, _, _ = call_main("starkware.cairo.lang.compiler.cairo_compile", argv, CORPUS)
        if code != 0:
            # The real CLI gives the exact message.
            cp = subprocess.run([CAIRO_COMPILE, *argv[1:]], cwd=CORPUS, env=env(), capture_output=True, text=True)
            return None, strip(cp.stderr + cp.stdout, [tmp, CORPUS])
        with open(raw) as f:
            return strip(f.read(), [tmp, CORPUS]).encode(), None


def memory_canonical(data):
    recs = [data[i : i + 40] for i in range(0, len(data), 40)]
    recs.sort(key=lambda r: int.from_bytes(r[:8], "little"))
    return recs


def chunk_digests(blob, size):
    return [hashlib.sha256(blob[i : i + size]).hexdigest()[:16] for i in range(0, len(blob), size)]


class Timeout(Exception):
    pass


def on_alarm(signum, frame):
    raise Timeout()


def run_case(task):
    """Runs one (program, layout) case; returns (name, layout, case or None, seconds)."""
    import signal

    name, layout, program, extra, deadline = task
    if time.time() > deadline:
        return name, layout, "not_run", 0.0
    with tempfile.TemporaryDirectory(prefix="cairn-proof-") as tmp:
        tmp = os.path.realpath(tmp)
        os.symlink(os.path.join(CORPUS, name + ".cairo"), os.path.join(tmp, name + ".cairo"))
        os.symlink(os.path.join(SITE, "starkware"), os.path.join(tmp, "starkware"))
        with open(os.path.join(tmp, "program.json"), "wb") as f:
            f.write(program)
        args = ["--layout", layout, "--proof_mode", *extra, "--print_output", "--print_info"]
        if "--program_input" in args:  # relative to the corpus, as in the corpus run's args
            inp = args[args.index("--program_input") + 1]
            os.symlink(os.path.join(CORPUS, inp), os.path.join(tmp, inp))
        if layout == "dynamic":
            shutil.copy(PARAMS, os.path.join(tmp, "params.json"))
            args.append("--cairo_layout_params_file=params.json")
        argv = ["cairo-run", "--program", "program.json", *args, "--trace_file", "trace.bin",
                "--memory_file", "memory.bin", "--air_public_input", "air_public_input.json",
                "--air_private_input", "air_private_input.json"]
        t0 = time.time()
        signal.signal(signal.SIGALRM, on_alarm)
        signal.alarm(TIMEOUT)
        try:
            code, out, err = call_main("starkware.cairo.lang.vm.cairo_run", argv, tmp)
        except Timeout:
            return name, layout, None, time.time() - t0
        finally:
            signal.alarm(0)
        if code == -1:
            # An exception escaped main(): the CLI's stderr is Python's traceback of it.
            try:
                rp = subprocess.run([CAIRO_RUN, *argv[1:]], cwd=tmp, env=env(), capture_output=True,
                                    text=True, timeout=TIMEOUT)
            except subprocess.TimeoutExpired:
                return name, layout, None, time.time() - t0
            code, out, err = rp.returncode, rp.stdout, rp.stderr
        elapsed = time.time() - t0
        case = {"args": args, "exit_code": code, "stdout": strip(out, [tmp])}
        if code != 0:
            case["stderr"] = strip(err, [tmp])
            return name, layout, case, elapsed
        with open(os.path.join(tmp, "trace.bin"), "rb") as f:
            trace = f.read()
        with open(os.path.join(tmp, "memory.bin"), "rb") as f:
            mem = b"".join(memory_canonical(f.read()))
        with open(os.path.join(tmp, "air_public_input.json")) as f:
            pub = json.load(f)
        with open(os.path.join(tmp, "air_private_input.json")) as f:
            priv = json.load(f)
        priv["trace_path"], priv["memory_path"] = "trace.bin", "memory.bin"
        case.update({
            "n_steps": len(trace) // 24,
            "trace_sha256": hashlib.sha256(trace).hexdigest(),
            "trace_chunks": chunk_digests(trace, 24 * CHUNK),
            "memory_cells": len(mem) // 40,
            "memory_sha256": hashlib.sha256(mem).hexdigest(),
            "memory_chunks": chunk_digests(mem, 40 * CHUNK),
            "air_public_input": pub,
            "air_private_input": priv,
        })
        return name, layout, case, elapsed


README = """# Proof-mode goldens for the whole corpus (cairo-lang 0.14.0.1)

Written by `scripts/regen-proof-goldens.sh` (`scripts/regen_proof_corpus.py`); do not edit by hand.

Every program of `testdata/corpus` (not `corpus/bench`) is compiled with `cairo-compile
--proof_mode` and run by `cairo-run --proof_mode --print_output --print_info` (with the corpus run's `--steps` or
`--min_steps`, if any) on every layout
whose builtins include all the builtins the program declares (plain, small, dex, recursive,
starknet, starknet_with_keccak, recursive_large_output, recursive_with_poseidon, all_solidity,
all_cairo, and dynamic with `testdata/proof_params/dynamic.json` as `params.json`, whose
builtins are output and those the parameters use: range_check and range_check96).

- `manifest.json`: per program, its declared builtins, the layouts it fits (`fits`), those with a
  stored case (`layouts`), those left out because the run's `--budget` was spent (`not_run`;
  the cheap layouts run first, then the expensive ones program by program, cheapest program
  first) or because cairo-run timed out (`timed_out`), or the compiler's error when
  `--proof_mode` compilation failed; `chunk`: CHUNK, the steps or records per chunk digest.
- Regenerating everything (`scripts/regen-proof-goldens.sh corpus`, no budget) takes about two
  hours on two busy cores; `--resume` runs only the cases that are missing.
- `<name>/program.json.gz`: the proof-mode compilation (site-packages prefix removed), gzipped.
- `<name>/<layout>.json.gz` (gzipped JSON): `args`, cairo-run's `exit_code`, `stdout`, and `stderr` on failure. On
  success also `n_steps`, `trace_sha256` (sha256 of trace.bin), `memory_sha256` (sha256 of the
  canonical memory: memory.bin's 40-byte records sorted by address and concatenated),
  `memory_cells`, `trace_chunks` / `memory_chunks` (first 16 hex digits of the sha256 of each
  CHUNK-step slice of trace.bin and CHUNK-record slice of the canonical memory), and
  `air_public_input` / `air_private_input`, cairo-run's files as JSON values (the private input's
  `trace_path` and `memory_path` set to `trace.bin` and `memory.bin`). A builtin's private
  input of 4096 bytes of JSON or more is the string `blob:<h>`, its value being
  `<name>/blobs/<h>.json.gz` (`<h>`: the first 16 hex digits of the sha256 of that JSON).

`go test ./cmd/cairn -run TestProofCorpus` runs every case through Cairn and compares.
"""


def corpus_steps(name):
    """The step count of the corpus run (0 when it failed): a proxy for a run's cost."""
    with open(os.path.join(CORPUS, name, "stdout.txt")) as f:
        for line in f:
            if line.startswith("Number of steps: "):
                return int(line.split()[3])
    return 0


def step_flags(name):
    """The corpus run's --steps / --min_steps (without them fail_step_limit never ends) and
    --program_input (the Patricia programs read their preimage from it)."""
    with open(os.path.join(CORPUS, name, "args")) as f:
        args = f.read().split()
    out = []
    for i, x in enumerate(args):
        if x in ("--steps", "--min_steps", "--program_input"):
            out += args[i : i + 2]
    return out


def write_gz(path, data):
    # mtime 0 and no file name: the same content gives the same bytes.
    with open(path, "wb") as raw, gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0, compresslevel=9) as f:
        f.write(data)


BLOB_MIN = 4096


def write_case(name, layout, case):
    """Writes a case; a builtin's private input of at least BLOB_MIN bytes of JSON goes to
    <name>/blobs/<first 16 hex digits of its sha256>.json.gz, referenced as "blob:<digits>"
    (the lists are the same on every layout, and for some programs megabytes)."""
    priv = case.get("air_private_input")
    if priv is not None:
        for k, v in priv.items():
            if k in ("trace_path", "memory_path"):
                continue
            data = json.dumps(v, sort_keys=True).encode()
            if len(data) < BLOB_MIN:
                continue
            h = hashlib.sha256(data).hexdigest()[:16]
            blobs = os.path.join(OUT, name, "blobs")
            os.makedirs(blobs, exist_ok=True)
            path = os.path.join(blobs, h + ".json.gz")
            if not os.path.exists(path):
                write_gz(path, data)
            priv[k] = "blob:" + h
    write_gz(os.path.join(OUT, name, layout + ".json.gz"),
             (json.dumps(case, indent=1, sort_keys=True) + "\n").encode())


def repack():
    """Rewrites the stored cases with write_case (moves large lists to blobs)."""
    for name in sorted(os.listdir(OUT)):
        d = os.path.join(OUT, name)
        if not os.path.isdir(d):
            continue
        for f in sorted(os.listdir(d)):
            if f.endswith(".json.gz") and f != "program.json.gz":
                with gzip.open(os.path.join(d, f)) as fh:
                    case = json.load(fh)
                write_case(name, f[: -len(".json.gz")], case)


def main():
    if os.environ.get("PYTHONHASHSEED") != "0":
        os.execve(sys.executable, [sys.executable, *sys.argv], env())
    ap = argparse.ArgumentParser()
    ap.add_argument("-j", type=int, default=int(os.environ.get("JOBS", "2")))
    ap.add_argument("--only", default="")
    ap.add_argument("--budget", type=float, default=0,
                    help="seconds; cases not started by then are listed as not run")
    ap.add_argument("--resume", action="store_true",
                    help="keep the case files already written and run only the others")
    ap.add_argument("--repack", action="store_true", help="only rewrite the stored cases")
    a = ap.parse_args()
    if a.repack:
        repack()
        return
    names = sorted(f[: -len(".cairo")] for f in os.listdir(CORPUS) if f.endswith(".cairo"))
    only = set(filter(None, a.only.split(",")))
    if only:
        names = [n for n in names if n in only]
    layouts = layout_builtins()
    t_start = time.time()
    deadline = t_start + a.budget if a.budget else float("inf")
    manifest_path = os.path.join(OUT, "manifest.json")
    manifest = {"chunk": CHUNK, "programs": {}}
    if (only or a.resume) and os.path.exists(manifest_path):
        with open(manifest_path) as f:
            manifest = json.load(f)
    elif not a.resume:
        if os.path.isdir(OUT):
            shutil.rmtree(OUT)
        os.makedirs(OUT)
    with open(os.path.join(OUT, "README.md"), "w") as f:
        f.write(README.replace("CHUNK", str(CHUNK)))

    # Import cairo-lang once, before the workers fork.
    import starkware.cairo.lang.compiler.cairo_compile  # noqa: F401
    import starkware.cairo.lang.vm.cairo_run  # noqa: F401

    n_cases = 0
    with multiprocessing.Pool(a.j, maxtasksperchild=40) as pool:
        def stored(n):
            path = os.path.join(OUT, n, "program.json.gz")
            if a.resume and os.path.exists(path):
                with gzip.open(path) as f:
                    return f.read(), None
            return None

        compiled = {n: stored(n) for n in names}
        todo = [n for n in names if compiled[n] is None]
        compiled.update(zip(todo, pool.map(compile_one, todo)))
        print(f"regen_proof_corpus: compiled in {time.time() - t_start:.0f}s", file=sys.stderr)
        tasks = []
        for name in names:
            d = os.path.join(OUT, name)
            if os.path.isdir(d) and not a.resume:
                shutil.rmtree(d)
            program, err = compiled[name]
            if program is None:
                manifest["programs"][name] = {"compile_error": err}
                print(f"{name}: does not compile in proof mode", file=sys.stderr)
                continue
            declared = json.loads(program)["builtins"]
            fits = [l for l in LAYOUT_ORDER if set(declared) <= layouts[l]]
            manifest["programs"][name] = {"builtins": declared, "layouts": [], "fits": fits}
            os.makedirs(d, exist_ok=True)
            write_gz(os.path.join(d, "program.json.gz"), program)
            for l in fits:
                if a.resume and os.path.exists(os.path.join(d, l + ".json.gz")):
                    manifest["programs"][name]["layouts"].append(l)
                    n_cases += 1
                else:
                    tasks.append((name, l, program, step_flags(name), deadline))
        # Cheap layouts first, then the expensive ones program by program, cheapest program
        # first, so that a budget leaves out the heaviest programs on the expensive layouts.
        def cost(t):
            name, layout = t[0], t[1]
            tier = COST_ORDER.index(layout)
            if tier < CHEAP_LAYOUTS:
                return (0, tier, corpus_steps(name), name)
            return (1, corpus_steps(name), name, tier)

        tasks.sort(key=cost)
        for name, l, case, elapsed in pool.imap_unordered(run_case, tasks):
            entry = manifest["programs"][name]
            if case == "not_run":
                entry.setdefault("not_run", []).append(l)
                continue
            if case is None:
                entry.setdefault("timed_out", []).append(l)
                print(f"{name} on {l}: timed out after {elapsed:.0f}s", file=sys.stderr)
                continue
            entry["layouts"].append(l)
            n_cases += 1
            write_case(name, l, case)
            print(f"{name} on {l}: exit {case['exit_code']} steps {case.get('n_steps', '-')} "
                  f"({elapsed:.1f}s)", file=sys.stderr, flush=True)

    for entry in manifest["programs"].values():
        for k in ("layouts", "not_run", "timed_out"):
            if k in entry:
                entry[k].sort(key=LAYOUT_ORDER.index)
    manifest["programs"] = dict(sorted(manifest["programs"].items()))
    with open(manifest_path, "w") as f:
        json.dump(manifest, f, indent=1)
        f.write("\n")
    print(f"regen_proof_corpus: {n_cases} cases in {time.time() - t_start:.0f}s", file=sys.stderr)


if __name__ == "__main__":
    main()
