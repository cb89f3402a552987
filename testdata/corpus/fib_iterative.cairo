// cairo-run: --layout small
%builtins output
// Iterative Fibonacci with a jnz loop over felts: fib(400) mod P (wraps around the prime), serialized, plus
// fib(20) = 6765 checked. No hints. Expected outcome: success.
from starkware.cairo.common.serialize import serialize_word

func fib(n) -> felt {
    // [ap-3] = a, [ap-2] = b, [ap-1] = remaining count.
    [ap] = 0, ap++;
    [ap] = 1, ap++;
    [ap] = [fp - 3], ap++;
    jmp body if [ap - 1] != 0;
    [ap] = [ap - 3], ap++;
    ret;

    body:
    [ap] = [ap - 2], ap++;              // a' = b
    [ap] = [ap - 4] + [ap - 3], ap++;   // b' = a + b
    [ap] = [ap - 3] - 1, ap++;          // n' = n - 1
    jmp body if [ap - 1] != 0;
    [ap] = [ap - 3], ap++;
    ret;
}

func fib_t(n) -> (res: felt) {
    let r = fib(n);
    return (res=r);
}

func main{output_ptr: felt*}() {
    alloc_locals;
    // fib has an unknown ap change, so results are kept in locals before serializing.
    let (local f20) = fib_t(20);
    assert f20 = 6765;
    let (local f400) = fib_t(400);
    let (local f0) = fib_t(0);
    serialize_word(f20);
    serialize_word(f400);
    serialize_word(f0);
    return ();
}
