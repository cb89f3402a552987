#!/usr/bin/env python3
"""Idempotently patch an installed cairo-lang 0.14.0.1 so that it works on Python 3.11.

Run it with the venv's own interpreter (it patches the copy that interpreter imports):

    $CAIRO_VENV/bin/python scripts/patch_cairo_lang.py

Two patches are applied to starkware/cairo/lang/instances.py:
  1. `cpu_instance_def: CpuInstanceDef = field(default=CpuInstanceDef())` is a mutable dataclass
     default, which Python >= 3.11 rejects at import time ("mutable default ... is not allowed:
     use default_factory"). It becomes `field(default_factory=CpuInstanceDef)`.
  2. `all_cairo_instance` is defined but missing from the LAYOUTS dict; it is added as
     "all_cairo".
The file is not imported before patching (importing it is exactly what fails).
"""
import os
import sys
import sysconfig

OLD_CPU = "cpu_instance_def: CpuInstanceDef = field(default=CpuInstanceDef())"
NEW_CPU = "cpu_instance_def: CpuInstanceDef = field(default_factory=CpuInstanceDef)"
ANCHOR = '    "recursive_with_poseidon": recursive_with_poseidon_instance,\n'
ALL_CAIRO = '    "all_cairo": all_cairo_instance,\n'


def find_instances_py() -> str:
    candidates = []
    for key in ("purelib", "platlib"):
        candidates.append(sysconfig.get_paths()[key])
    candidates.extend(p for p in sys.path if p)
    for base in candidates:
        path = os.path.join(base, "starkware", "cairo", "lang", "instances.py")
        if os.path.isfile(path):
            return path
    sys.exit("patch_cairo_lang: starkware/cairo/lang/instances.py not found; is cairo-lang installed?")


def main() -> None:
    path = find_instances_py()
    with open(path, encoding="utf-8") as f:
        text = f.read()
    orig = text

    if NEW_CPU not in text:
        if OLD_CPU not in text:
            sys.exit(f"patch_cairo_lang: unexpected content in {path} (cpu_instance_def line)")
        text = text.replace(OLD_CPU, NEW_CPU)

    layouts_start = text.find("LAYOUTS: Dict[str, CairoLayout] = {")
    if layouts_start < 0:
        sys.exit(f"patch_cairo_lang: LAYOUTS dict not found in {path}")
    layouts_end = text.find("}", layouts_start)
    if '"all_cairo"' not in text[layouts_start:layouts_end]:
        if "all_cairo_instance = " not in text:
            sys.exit(f"patch_cairo_lang: all_cairo_instance not defined in {path}")
        anchor = text.find(ANCHOR, layouts_start, layouts_end)
        if anchor < 0:
            # Fall back to inserting right before the closing brace.
            text = text[:layouts_end] + ALL_CAIRO + text[layouts_end:]
        else:
            pos = anchor + len(ANCHOR)
            text = text[:pos] + ALL_CAIRO + text[pos:]

    if text != orig:
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        print(f"patch_cairo_lang: patched {path}", file=sys.stderr)
    else:
        print(f"patch_cairo_lang: already patched", file=sys.stderr)


if __name__ == "__main__":
    main()
