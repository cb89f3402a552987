"""Writes stark/air/testdata/cairo_lang_layouts.json from cairo-lang 0.14.0.1's
instances.py (the reference for layout shapes), for stark/air's trace-context tests.

Run with the cairo-lang venv's python, from the repository root:

    /opt/cairo-venv/bin/python scripts/gen-air-trace-goldens.py [STONE_VECTORS_DIR]

The dynamic layout has no fixed shape; its entry "dynamic_example" is the layout
cairo-lang builds from the dynamic params of cairo-lang's dynamic_layout_proof.json
(STONE_VECTORS_DIR/cairo-lang-examples, default ../shared/stone-vectors).
"""
import dataclasses
import json
import os
import sys

from starkware.cairo.lang.dynamic_layout_params import dynamic_params_dict_to_cairo_layout_params
from starkware.cairo.lang.instances import LAYOUTS


def shape(layout):
    d = layout.diluted_pool_instance_def
    builtins = []
    for name, b in layout.builtins.items():
        entry = {"name": name}
        if b is not True:
            for k, v in dataclasses.asdict(b).items():
                if isinstance(v, int) and not isinstance(v, bool):
                    # Field-sized limits as hex, like Stone's objects.
                    entry[k] = hex(v) if v >= 2**63 else v
                elif isinstance(v, list):
                    entry[k] = v
        builtins.append(entry)
    return {
        "cpu_component_step": layout.cpu_component_step,
        "rc_units": layout.rc_units,
        "memory_units_per_step": layout.memory_units_per_step,
        "public_memory_fraction": layout.public_memory_fraction,
        "diluted": None
        if d is None
        else {
            "spacing": d.spacing,
            "n_bits": d.n_bits,
            "units_row_ratio": layout.diluted_units_row_ratio,
        },
        "builtins": builtins,
    }


def main():
    vectors = sys.argv[1] if len(sys.argv) > 1 else os.path.join("..", "shared", "stone-vectors")
    out = {name: shape(l) for name, l in LAYOUTS.items() if name != "dynamic"}
    with open(os.path.join(vectors, "cairo-lang-examples", "dynamic_layout_proof.json")) as f:
        params = json.load(f)["public_input"]["dynamic_params"]
    out["dynamic_example"] = shape(dynamic_params_dict_to_cairo_layout_params(params).to_cairo_layout())
    with open(os.path.join("stark", "air", "testdata", "cairo_lang_layouts.json"), "w") as f:
        json.dump(out, f, indent=1, sort_keys=True)
        f.write("\n")


main()
