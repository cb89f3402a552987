// cairo-run: --layout plain
// FAILING: the failure hint of cairo_ec_op/ec_op.cairo's simulate_builtin_ec_op_with_cairo,
// written inline, reached on a branch the program takes.
// Expected outcome: failure (exit 1), "AssertionError: ec_op failed.".
func fail(x: felt) {
    if (x == 0) {
        return ();
    }
    %{ assert False, "ec_op failed." %}
    return ();
}

func main() {
    fail(0);
    fail(1);
    return ();
}
