// cairo-run: --layout small
%builtins output
// 2x2 matrix multiplication with a struct of four felts, matrix power by repeated multiplication
// (the Fibonacci matrix [[1,1],[1,0]]^10), and output of the result matrix. No hints.
// Expected outcome: success.
from starkware.cairo.common.serialize import serialize_word

struct Mat {
    a: felt,
    b: felt,
    c: felt,
    d: felt,
}

func mul(x: Mat, y: Mat) -> Mat {
    return (Mat(
        a=x.a * y.a + x.b * y.c,
        b=x.a * y.b + x.b * y.d,
        c=x.c * y.a + x.d * y.c,
        d=x.c * y.b + x.d * y.d,
    ));
}

func power(m: Mat, k) -> Mat {
    if (k == 1) {
        return m;
    }
    let rest = power(m, k - 1);
    return mul(m, rest);
}

func main{output_ptr: felt*}() {
    let f = power(Mat(a=1, b=1, c=1, d=0), 10);
    assert f.b = 55;
    serialize_word(f.a);
    serialize_word(f.b);
    serialize_word(f.c);
    serialize_word(f.d);
    return ();
}
