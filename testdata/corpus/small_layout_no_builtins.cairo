// cairo-run: --layout small
// A builtin-free program run with --layout small: no builtin segments are created (segments are
// made only for the builtins the program declares), so the return fp is 2:0 and end is 3:0 as in
// plain, and --print_output prints nothing. Hints: alloc. Expected outcome: success.
from starkware.cairo.common.alloc import alloc

func main() {
    let (p) = alloc();
    assert p[0] = 42;
    return ();
}
