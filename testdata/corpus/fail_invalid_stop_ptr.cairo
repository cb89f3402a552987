// cairo-run: --layout small
%builtins range_check
// FAILING: main returns range_check_ptr advanced by 2 without using the 2 cells; after the run,
// cairo-run checks the builtin's stop pointer against the used cells:
// "Error: Invalid stop pointer for range_check. Expected: 2:0, found: 2:2" (no location).
// No hints. Expected outcome: failure (exit 1).

func main{range_check_ptr}() {
    let range_check_ptr = range_check_ptr + 2;
    return ();
}
