#!/usr/bin/env python3
"""Regenerates testdata/pie from cairo-lang 0.14.0.1's cairo-run.

Run with the venv's interpreter (scripts/regen-pie-hash.sh does):

    $CAIRO_VENV/bin/python scripts/regen_pie.py

For each program of PROGRAMS (every corpus program whose cairo-run succeeds, but those whose
memory.bin exceeds PIE_MAX_MEMORY), with the corpus flags:
  testdata/pie/<name>/cairo_pie.zip         cairo-run --cairo_pie_output
  testdata/pie/<name>/cairo_pie_merged.zip  the same with --merge_extra_segments (MERGED only)
and in testdata/pie/manifest.json: the flags, and what cairo-run --run_from_cairo_pie prints
for the PIE (exit code, stdout, sha256 of the trace and of the memory as sorted (address,
value) pairs, whether the trace equals the corpus run's).

NEGATIVE cases are PIEs derived from one golden PIE by a mutation
(testdata/pie/negative/<case>.zip), with cairo-run --run_from_cairo_pie's exit code, the line
of its stderr that carries the error, and its full stderr (negative/<case>.stderr.txt).
"""
import concurrent.futures
import hashlib
import io
import json
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
VENV = os.environ.get("CAIRO_VENV", "/opt/cairo-venv")
CAIRO_RUN = os.path.join(VENV, "bin", "cairo-run")
CORPUS = os.path.join(ROOT, "testdata", "corpus")
OUT = os.path.join(ROOT, "testdata", "pie")

# The PIE of a run holds its whole memory: runs with more than this many bytes of memory.bin
# (hint_blake2s, the secp and sha256 hint programs, hint_keccak_cairo) are left out to keep
# the repository small.
PIE_MAX_MEMORY = 12_000_000  # bytes of the corpus memory.bin; the six largest PIEs are 0.5-3.5 MB zipped


def corpus_successes():
    """Every corpus program (not corpus/bench) whose normal cairo-run exits 0, and the
    successes left out for their size."""
    names, too_big = [], []
    for f in sorted(os.listdir(CORPUS)):
        d = os.path.join(CORPUS, f)
        if not os.path.isfile(os.path.join(d, "exit_code")) or f == "bench":
            continue
        with open(os.path.join(d, "exit_code")) as fh:
            if fh.read().strip() != "0":
                continue
        if os.path.getsize(os.path.join(d, "memory.bin")) > PIE_MAX_MEMORY:
            too_big.append(f)
        else:
            names.append(f)
    return names, too_big


PROGRAMS, TOO_BIG = corpus_successes()
MERGED = {"alloc_array", "memcpy_demo", "builtin_mod_circuit", "segments_holes"}
NEGATIVE_BASE = "output_serialize"

README = """# Cairo PIE goldens (cairo-lang 0.14.0.1)

Written by `scripts/regen-pie-hash.sh pie` (`scripts/regen_pie.py`); do not edit by hand.

- `<name>/cairo_pie.zip`: `cairo-run --program ../corpus/<name>/program.json <flags>
  --cairo_pie_output cairo_pie.zip`, with the corpus program's flags (`manifest.json`), for every
  corpus program whose run succeeds.
- `<name>/cairo_pie_merged.zip`: the same with `--merge_extra_segments` (some programs).
- `manifest.json`: per program, the flags and what `cairo-run --run_from_cairo_pie cairo_pie.zip
  --layout L --print_output --print_info` did: exit code, stdout, the sha256 of its trace file, the
  sha256 of its memory file's 40-byte entries sorted, and whether that trace equals the corpus
  run's. Per negative case, the flags, the exit code, and stdout or the error line.
- `negative/<case>.zip`: `output_serialize`'s PIE with one mutation (see NEGATIVE in the script),
  and `negative/<case>.stderr.txt` cairo-run's stderr when it failed.

`go test ./cmd/cairn -run PIE` compares Cairn with all of it; `go test ./pie` reads and rewrites
every PIE byte for byte.
"""


def corpus_flags(name):
    with open(os.path.join(CORPUS, name, "args")) as f:
        args = f.read().split()
    return [a for a in args if a not in ("--print_output", "--print_info")]


def layout_of(flags):
    return flags[flags.index("--layout") + 1] if "--layout" in flags else "plain"


def run(args, cwd):
    r = subprocess.run([CAIRO_RUN] + args, cwd=cwd, capture_output=True, text=True)
    return r.returncode, r.stdout, r.stderr


def memory_digest(data):
    pairs = sorted(data[i : i + 40] for i in range(0, len(data), 40))
    return hashlib.sha256(b"".join(pairs)).hexdigest()


def from_pie(pie_path, layout, tmp, extra=()):
    trace, mem = os.path.join(tmp, "fp_trace.bin"), os.path.join(tmp, "fp_memory.bin")
    for p in (trace, mem):
        if os.path.exists(p):
            os.remove(p)
    code, out, err = run(
        ["--run_from_cairo_pie", pie_path, "--layout", layout, "--print_output", "--print_info",
         "--trace_file", trace, "--memory_file", mem, *extra],
        tmp,
    )
    res = {"exit_code": code, "stdout": out}
    if code == 0:
        with open(trace, "rb") as f:
            t = f.read()
        with open(mem, "rb") as f:
            m = f.read()
        res["trace_sha256"] = hashlib.sha256(t).hexdigest()
        res["memory_sha256"] = memory_digest(m)
        res["_trace"] = t
    else:
        res["stderr"] = err
    return res


def error_line(stderr):
    """The line that carries cairo-run's error, without its exception prefix."""
    lines = [l for l in stderr.splitlines() if l.strip()]
    for l in lines:
        if "ASSERT_EQ" in l or "Inconsistent memory" in l or "Execution reached" in l:
            return l.strip()
    for l in lines:
        if l.startswith("Error: "):
            return l[len("Error: ") :]
    last = lines[-1] if lines else ""
    for prefix in ("starkware.cairo.lang.vm.cairo_run.CairoRunError: ", "AssertionError: "):
        if last.startswith(prefix):
            return last[len(prefix) :]
    return last


def rewrite(src, dst, mutate, compression=zipfile.ZIP_DEFLATED):
    with zipfile.ZipFile(src) as z:
        files = {n: z.read(n) for n in z.namelist()}
    files = mutate(files)
    with zipfile.ZipFile(dst, "w", compression=compression) as z:
        for n, d in files.items():
            info = zipfile.ZipInfo(n, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = compression
            z.writestr(info, d)


def json_mut(name, f):
    def m(files):
        v = json.loads(files[name])
        f(v)
        files[name] = json.dumps(v).encode("ascii")
        return files

    return m


def drop(name):
    def m(files):
        files.pop(name)
        return files

    return m


def add(name, data):
    def m(files):
        files[name] = data
        return files

    return m


def mem_mut(f):
    def m(files):
        files["memory.bin"] = f(files["memory.bin"])
        return files

    return m


def reloc(seg, off):
    return (2**63 + seg * 2**47 + off).to_bytes(8, "little")


def tamper_output(data):
    # Change the value of the first cell of the output segment (segment 2).
    out = bytearray(data)
    for i in range(0, len(data), 40):
        if data[i : i + 8] == reloc(2, 0):
            v = int.from_bytes(data[i + 8 : i + 40], "little") + 1
            out[i + 8 : i + 40] = v.to_bytes(32, "little")
            return bytes(out)
    raise AssertionError("no output cell")


def inc(path, d=1):
    def f(v):
        o = v
        for k in path[:-1]:
            o = o[k]
        o[path[-1]] += d

    return f


def setv(path, x):
    def f(v):
        o = v
        for k in path[:-1]:
            o = o[k]
        o[path[-1]] = x

    return f


def delv(path):
    def f(v):
        o = v
        for k in path[:-1]:
            o = o[k]
        del o[path[-1]]

    return f


NEGATIVE = [
    # (case, mutation, extra cairo-run flags, zip compression)
    ("not_a_zip", None, [], None),
    ("stored", lambda f: f, [], zipfile.ZIP_STORED),
    ("missing_additional_data", drop("additional_data.json"), [], None),
    ("extra_file", add("notes.txt", b"hello"), [], None),
    ("no_version", drop("version.json"), [], None),
    ("version_2", json_mut("version.json", setv(["cairo_pie"], "2.0")), [], None),
    ("ret_fp_size", json_mut("metadata.json", setv(["ret_fp_segment", "size"], 1)), [], None),
    ("main_out_of_range", json_mut("metadata.json", lambda v: v["program"].__setitem__("main", len(v["program"]["data"]))), [], None),
    ("program_size", json_mut("metadata.json", inc(["program_segment", "size"])), [], None),
    ("output_index", json_mut("metadata.json", setv(["builtin_segments", "output", "index"], 3)), [], None),
    ("n_steps_zero", json_mut("execution_resources.json", setv(["n_steps"], 0)), [], None),
    ("n_steps_plus_one", json_mut("execution_resources.json", inc(["n_steps"])), [], None),
    ("n_steps_minus_one", json_mut("execution_resources.json", inc(["n_steps"], -1)), [], None),
    ("counter_plus_one", json_mut("execution_resources.json", inc(["builtin_instance_counter", "output_builtin"])), [], None),
    ("counter_plus_one_not_secure", json_mut("execution_resources.json", inc(["builtin_instance_counter", "output_builtin"])), ["--no_secure_run"], None),
    ("counter_missing", json_mut("execution_resources.json", delv(["builtin_instance_counter", "output_builtin"])), [], None),
    ("holes_changed", json_mut("execution_resources.json", inc(["n_memory_holes"], 5)), [], None),
    ("memory_odd_length", mem_mut(lambda d: d + b"\x00\x00\x00"), [], None),
    ("memory_bad_address", mem_mut(lambda d: d + reloc(1, 100000) + (5).to_bytes(32, "little")), [], None),
    ("memory_unknown_segment_value", mem_mut(lambda d: d + reloc(0, 0) + (2**255 + 999 * 2**47).to_bytes(32, "little")), [], None),
    ("memory_tampered_output", mem_mut(tamper_output), [], None),
    ("output_attributes", json_mut("additional_data.json", setv(["output_builtin", "attributes"], {"gps_fact_topology": [1, 2]})), [], None),
    ("output_pages", json_mut("additional_data.json", setv(["output_builtin", "pages"], {"1": [1, 2]})), [], None),
    ("output_bad_data", json_mut("additional_data.json", setv(["output_builtin"], [])), [], None),
    ("additional_data_list", add("additional_data.json", b"[]"), [], None),
]


def input_flags(flags):
    """--program_input as an absolute path (the manifest keeps it relative to the corpus), and
    the same input for the run from the PIE, whose hints read it again."""
    out, extra = list(flags), []
    if "--program_input" in out:
        i = out.index("--program_input") + 1
        out[i] = os.path.join(CORPUS, out[i])
        extra = ["--program_input", out[i]]
    return out, extra


def program_entry(name, tmp):
    flags = corpus_flags(name)
    run_flags, extra = input_flags(flags)
    layout = layout_of(flags)
    d = os.path.join(OUT, name)
    os.makedirs(d)
    prog = os.path.join(CORPUS, name, "program.json")
    code, out, err = run(["--program", prog, *run_flags, "--cairo_pie_output", os.path.join(d, "cairo_pie.zip")], tmp)
    assert code == 0, (name, err)
    entry = {"name": name, "flags": flags, "layout": layout}
    fp = from_pie(os.path.join(d, "cairo_pie.zip"), layout, tmp, extra)
    t = fp.pop("_trace", None)
    with open(os.path.join(CORPUS, name, "trace.bin"), "rb") as f:
        fp["trace_equals_corpus"] = t == f.read()
    entry["from_pie"] = fp
    if name in MERGED:
        code, out, err = run(["--program", prog, *run_flags, "--merge_extra_segments",
                              "--cairo_pie_output", os.path.join(d, "cairo_pie_merged.zip")], tmp)
        assert code == 0, (name, err)
        fm = from_pie(os.path.join(d, "cairo_pie_merged.zip"), layout, tmp, extra)
        fm.pop("_trace", None)
        entry["from_merged_pie"] = fm
    print(name, "from_pie exit", fp["exit_code"], file=sys.stderr, flush=True)
    return entry


def add_missing():
    """--add: run only the programs the manifest lacks (after PIE_MAX_MEMORY grew) and
    merge them into the existing manifest, without redoing the others."""
    path = os.path.join(OUT, "manifest.json")
    with open(path) as f:
        manifest = json.load(f)
    have = {e["name"] for e in manifest["programs"]}
    todo = [n for n in PROGRAMS if n not in have]
    def one(name):
        with tempfile.TemporaryDirectory() as tmp:
            return program_entry(name, tmp)
    with concurrent.futures.ThreadPoolExecutor(int(os.environ.get("JOBS", "2"))) as pool:
        manifest["programs"] += list(pool.map(one, todo))
    manifest["programs"].sort(key=lambda e: e["name"])
    manifest["too_big"] = TOO_BIG
    with open(path, "w") as f:
        json.dump(manifest, f, indent=1)
        f.write("\n")


def main():
    if "--add" in sys.argv[1:]:
        add_missing()
        return
    if os.path.isdir(OUT):
        shutil.rmtree(OUT)
    os.makedirs(os.path.join(OUT, "negative"))
    with open(os.path.join(OUT, "README.md"), "w") as f:
        f.write(README)
    manifest = {"programs": [], "negative": [], "too_big": TOO_BIG}
    def one(name):
        with tempfile.TemporaryDirectory() as tmp:
            return program_entry(name, tmp)

    # Two programs at a time (JOBS): each is two or three cairo-run processes in a row.
    with concurrent.futures.ThreadPoolExecutor(int(os.environ.get("JOBS", "2"))) as pool:
        manifest["programs"] = list(pool.map(one, PROGRAMS))
    with tempfile.TemporaryDirectory() as tmp:
        base = os.path.join(OUT, NEGATIVE_BASE, "cairo_pie.zip")
        layout = layout_of(corpus_flags(NEGATIVE_BASE))
        for case, mut, extra, comp in NEGATIVE:
            dst = os.path.join(OUT, "negative", case + ".zip")
            if mut is None:
                with open(dst, "wb") as f:
                    f.write(b"hello, not a zip\n")
            else:
                rewrite(base, dst, mut, zipfile.ZIP_DEFLATED if comp is None else comp)
            code, out, err = run(["--run_from_cairo_pie", dst, "--layout", layout, "--print_output", *extra], tmp)
            e = {"case": case, "flags": ["--layout", layout, "--print_output", *extra], "exit_code": code}
            if code == 0:
                e["stdout"] = out
            else:
                e["error"] = error_line(err)
                with open(os.path.join(OUT, "negative", case + ".stderr.txt"), "w") as f:
                    f.write(err)
            manifest["negative"].append(e)
            print(case, code, e.get("error", ""), file=sys.stderr)

    with open(os.path.join(OUT, "manifest.json"), "w") as f:
        json.dump(manifest, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
