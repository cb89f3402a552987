// Package pie reads, writes and validates Cairo PIEs (position-independent
// executions), the zip files of cairo-lang 0.14.0.1's
// starkware/cairo/lang/vm/cairo_pie.py: cairo-run's --cairo_pie_output and
// --run_from_cairo_pie.
//
// A PIE zip holds metadata.json (the stripped program and the segments),
// memory.bin (the unrelocated memory: pairs of an 8-byte address and a
// 32-byte value, little-endian, the top bit marking a relocatable value
// segment<<47|offset), additional_data.json (each builtin's
// get_additional_data), execution_resources.json and version.json.
package pie
