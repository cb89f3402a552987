#!/usr/bin/env python3
"""Regenerate the golden corpus in testdata/corpus from cairo-lang 0.14.0.1.

Normally invoked through scripts/regen-goldens.sh, which sets up the venv and patches it first.
Must be run with the venv's interpreter (it locates cairo-compile / cairo-run next to it).

For every testdata/corpus/<name>.cairo (and testdata/corpus/bench/<name>.cairo):
  * flags are read from the first line if it looks like `// cairo-run: <flags>`; if the flags
    contain no --layout, `--layout plain` is put in front; `--print_output --print_info` is
    always appended. The result is written to <name>/args.
  * cairo-compile is run with cwd = the directory of the .cairo file, so the program's own file
    is recorded as `<name>.cairo` in debug_info. The site-packages prefix is then stripped from
    program.json, so library files read `starkware/cairo/common/math.cairo`.
  * cairo-run is run on that (stripped) program.json from a scratch directory holding
    `<name>.cairo` and `starkware/` (symlinks), so the relative paths in debug_info resolve and
    error messages show the same source snippets they would in a normal checkout.
    Command: cairo-run --program program.json <args> --trace_file trace.bin --memory_file memory.bin
    (bench programs: no trace/memory files).
  * a `--program_input F` flag names F relative to the .cairo file's directory; F is linked into
    the scratch directory.
  * stdout.txt, stderr.txt (machine-specific prefixes stripped), exit_code, and, for runs that
    exited 0, trace.bin and memory.bin are stored in <name>/.

Options:
  --only NAME[,NAME...]   regenerate only these programs
  --bench-timing          also time the bench programs with /usr/bin/time -v and rewrite
                          testdata/corpus/bench/REFERENCE_TIMING.md (not deterministic, so it is
                          off by default)
  -j N                    parallel jobs (default: $JOBS or 2)
"""
import argparse
import concurrent.futures
import os
import re
import shlex
import shutil
import subprocess
import sys
import sysconfig
import tempfile

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CORPUS = os.path.join(REPO, "testdata", "corpus")
BIN = os.path.dirname(os.path.abspath(sys.executable))
CAIRO_COMPILE = os.path.join(BIN, "cairo-compile")
CAIRO_RUN = os.path.join(BIN, "cairo-run")
HEADER_RE = re.compile(r"^//\s*cairo-run:(.*)$")
GENERATED = ["program.json", "args", "stdout.txt", "stderr.txt", "exit_code", "trace.bin", "memory.bin"]
# Anything that looks like an absolute path of this machine.
ABS_PATH_RE = re.compile(rb"(?<![A-Za-z0-9_.])/(opt|tmp|work|root|home|usr|var|etc|srv|mnt)/")


def site_packages() -> str:
    import starkware  # noqa: F401  (namespace package; instances.py is not imported)

    for base in [sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]] + sys.path:
        if base and os.path.isdir(os.path.join(base, "starkware", "cairo", "common")):
            return os.path.realpath(base)
    raise SystemExit("regen_goldens: cannot locate site-packages holding starkware/")


SITE = site_packages()


def env() -> dict:
    e = dict(os.environ)
    e["PYTHONHASHSEED"] = "0"
    e["LC_ALL"] = "C.UTF-8"
    e["PYTHONDONTWRITEBYTECODE"] = "1"
    e.pop("PYTHONPATH", None)
    return e


def read_flags(src: str) -> list:
    with open(src, encoding="utf-8") as f:
        first = f.readline().rstrip("\n")
    m = HEADER_RE.match(first)
    flags = shlex.split(m.group(1)) if m else []
    if not any(f == "--layout" or f.startswith("--layout=") for f in flags):
        flags = ["--layout", "plain"] + flags
    for extra in ("--print_output", "--print_info"):
        if extra not in flags:
            flags.append(extra)
    return flags


def strip_paths(data: bytes, extra_prefixes: list) -> bytes:
    prefixes = [SITE] + [os.path.realpath(p) for p in extra_prefixes] + extra_prefixes
    venv = os.path.dirname(BIN)
    prefixes += [venv, os.path.realpath(venv), REPO, os.path.realpath(REPO)]
    # Longest first so that a prefix never eats part of a longer one.
    for p in sorted(set(prefixes), key=len, reverse=True):
        data = data.replace(p.encode() + b"/", b"")
        data = data.replace(p.encode(), b".")
    return data


def check_no_abs_paths(name: str, what: str, data: bytes) -> None:
    m = ABS_PATH_RE.search(data)
    if m:
        ctx = data[max(0, m.start() - 60) : m.end() + 60]
        raise SystemExit(f"regen_goldens: {name}/{what} still contains an absolute path: {ctx!r}")


def regen_one(src: str, bench: bool) -> str:
    src_dir = os.path.dirname(src)
    base = os.path.basename(src)
    name = base[: -len(".cairo")]
    out_dir = os.path.join(src_dir, name)
    rel = os.path.relpath(out_dir, CORPUS)
    flags = read_flags(src)

    with tempfile.TemporaryDirectory(prefix="cairn-regen-") as tmp:
        tmp = os.path.realpath(tmp)
        # 1. Compile with cwd = directory of the source file so the file name is relative.
        raw_json = os.path.join(tmp, "program.raw.json")
        cp = subprocess.run(
            [CAIRO_COMPILE, base, "--output", raw_json],
            cwd=src_dir,
            env=env(),
            capture_output=True,
        )
        if cp.returncode != 0:
            raise SystemExit(
                f"regen_goldens: cairo-compile failed for {rel}:\n{cp.stderr.decode()}{cp.stdout.decode()}"
            )
        with open(raw_json, "rb") as f:
            program = strip_paths(f.read(), [tmp, src_dir])
        check_no_abs_paths(rel, "program.json", program)

        # 2. Run from a scratch dir where the relative debug_info paths resolve.
        run_dir = os.path.join(tmp, "run")
        os.mkdir(run_dir)
        os.symlink(os.path.realpath(src), os.path.join(run_dir, base))
        os.symlink(os.path.join(SITE, "starkware"), os.path.join(run_dir, "starkware"))
        with open(os.path.join(run_dir, "program.json"), "wb") as f:
            f.write(program)
        # A --program_input file is named relative to the corpus directory (as the Go corpus
        # test resolves it); make it visible from the scratch directory under the same name.
        for i, flag in enumerate(flags[:-1]):
            if flag == "--program_input":
                inp = flags[i + 1]
                if os.path.isabs(inp) or ".." in inp.split("/"):
                    raise SystemExit(f"regen_goldens: {rel}: --program_input {inp} must be relative to the corpus")
                os.makedirs(os.path.dirname(os.path.join(run_dir, inp)), exist_ok=True)
                os.symlink(os.path.join(src_dir, inp), os.path.join(run_dir, inp))
        cmd = [CAIRO_RUN, "--program", "program.json"] + flags
        if not bench:
            cmd += ["--trace_file", "trace.bin", "--memory_file", "memory.bin"]
        rp = subprocess.run(cmd, cwd=run_dir, env=env(), capture_output=True)
        stdout = strip_paths(rp.stdout, [run_dir, tmp, src_dir])
        stderr = strip_paths(rp.stderr, [run_dir, tmp, src_dir])
        check_no_abs_paths(rel, "stdout.txt", stdout)
        check_no_abs_paths(rel, "stderr.txt", stderr)

        # 3. Store.
        os.makedirs(out_dir, exist_ok=True)
        for g in GENERATED:
            p = os.path.join(out_dir, g)
            if os.path.exists(p):
                os.remove(p)
        files = {
            "program.json": program,
            "args": (" ".join(flags) + "\n").encode(),
            "stdout.txt": stdout,
            "stderr.txt": stderr,
            "exit_code": f"{rp.returncode}\n".encode(),
        }
        if rp.returncode == 0 and not bench:
            for g in ("trace.bin", "memory.bin"):
                with open(os.path.join(run_dir, g), "rb") as f:
                    files[g] = f.read()
        for g, data in files.items():
            with open(os.path.join(out_dir, g), "wb") as f:
                f.write(data)
    first_err = stderr.decode(errors="replace").strip().splitlines()
    summary = "ok" if rp.returncode == 0 else f"exit {rp.returncode}: " + (first_err[0] if first_err else "")
    return f"{rel}: {summary}"


def bench_timing(src: str) -> str:
    """Time cairo-run on an already regenerated bench program; returns a markdown section."""
    src_dir = os.path.dirname(src)
    base = os.path.basename(src)
    name = base[: -len(".cairo")]
    out_dir = os.path.join(src_dir, name)
    flags = read_flags(src)
    with tempfile.TemporaryDirectory(prefix="cairn-bench-") as tmp:
        os.symlink(os.path.realpath(src), os.path.join(tmp, base))
        os.symlink(os.path.join(SITE, "starkware"), os.path.join(tmp, "starkware"))
        shutil.copy(os.path.join(out_dir, "program.json"), os.path.join(tmp, "program.json"))
        cmd = ["/usr/bin/time", "-v", CAIRO_RUN, "--program", "program.json"] + flags
        rp = subprocess.run(cmd, cwd=tmp, env=env(), capture_output=True, text=True)
    timev = {}
    for line in rp.stderr.splitlines():
        if ":" in line:
            k, _, v = line.strip().rpartition(": ")
            timev[k.strip()] = v.strip()
    steps = re.search(r"Number of steps: (\d+)", rp.stdout)
    lines = [
        f"## {name}",
        "",
        f"Command (cwd: scratch dir with program.json): `cairo-run --program program.json {' '.join(flags)}`",
        "",
        f"- Number of steps: {steps.group(1) if steps else '?'}",
        f"- Wall clock (elapsed): {timev.get('Elapsed (wall clock) time (h:mm:ss or m:ss)', '?')}",
        f"- User time (s): {timev.get('User time (seconds)', '?')}",
        f"- System time (s): {timev.get('System time (seconds)', '?')}",
        f"- Max resident set size (KiB): {timev.get('Maximum resident set size (kbytes)', '?')}",
        f"- Exit status: {rp.returncode}",
        "",
        "cairo-run stdout:",
        "",
        "```",
        rp.stdout.rstrip("\n"),
        "```",
        "",
    ]
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--only", default="")
    ap.add_argument("--bench-timing", action="store_true")
    ap.add_argument("-j", type=int, default=int(os.environ.get("JOBS", "2")))
    args = ap.parse_args()

    only = set(filter(None, args.only.split(",")))
    jobs = []
    for d, bench in ((CORPUS, False), (os.path.join(CORPUS, "bench"), True)):
        if not os.path.isdir(d):
            continue
        for fn in sorted(os.listdir(d)):
            if fn.endswith(".cairo") and (not only or fn[: -len(".cairo")] in only):
                jobs.append((os.path.join(d, fn), bench))
    if not jobs:
        raise SystemExit("regen_goldens: no programs selected")

    failures = []
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, args.j)) as ex:
        futs = [ex.submit(regen_one, src, bench) for src, bench in jobs]
        for fut in futs:
            try:
                print(fut.result(), flush=True)
            except SystemExit as exc:
                print(exc, file=sys.stderr, flush=True)
                failures.append(str(exc).splitlines()[0])
    if failures:
        raise SystemExit(f"regen_goldens: {len(failures)} program(s) could not be regenerated")

    if args.bench_timing:
        sections = [bench_timing(src) for src, bench in jobs if bench]
        if sections:
            import platform

            header = [
                "# Reference timing of cairo-lang's cairo-run on the benchmark programs",
                "",
                "A measurement, not a golden: regenerate with `scripts/regen-goldens.sh --bench-timing`.",
                "",
                f"- cairo-lang 0.14.0.1, Python {platform.python_version()}, {platform.machine()}, "
                f"{os.cpu_count()} CPU(s)",
                "- Timed with `/usr/bin/time -v`; includes Python start-up and program loading.",
                "",
            ]
            with open(os.path.join(CORPUS, "bench", "REFERENCE_TIMING.md"), "w") as f:
                f.write("\n".join(header + sections))
            print("bench/REFERENCE_TIMING.md written")


if __name__ == "__main__":
    main()
