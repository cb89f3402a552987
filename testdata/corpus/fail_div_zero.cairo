// cairo-run: --layout plain
// FAILING: runtime division by zero: `tempvar z = x / y` with y = 3 - 3 computed at runtime; the
// division compiles to `x = z * y` (op0 unknown) and the VM cannot deduce z.
// No hints. Expected outcome: failure (exit 1), "Cannot deduce operand in '0 = ? * 7'
// (possibly due to division by 0)." (cairo-run's format string is literally "'0 = ? * {dst}'").

func divide(x, y) -> felt {
    tempvar z = x / y;
    return z;
}

func main() {
    tempvar a = 3 - 3;
    let r = divide(7, a);
    return ();
}
