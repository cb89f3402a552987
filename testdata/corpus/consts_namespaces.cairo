// cairo-run: --layout plain
// Compile-time features: const, namespace with functions and constants, static_assert,
// member offsets (MyStruct.member), SIZE, and `using` aliases. None of these emit instructions
// by themselves. No hints. Expected outcome: success.

const BASE = 1000;
const DOUBLE_BASE = BASE * 2;

namespace math_utils {
    const OFFSET = 7;

    func add_offset(x) -> felt {
        return x + OFFSET;
    }

    func scale(x) -> felt {
        return x * BASE;
    }
}

struct Triple {
    a: felt,
    b: felt,
    c: felt,
}

using T = Triple;

func main() {
    static_assert DOUBLE_BASE == 2000;
    static_assert Triple.SIZE == 3;
    static_assert T.c == 2;
    let x = math_utils.add_offset(5);
    assert x = 12;
    let y = math_utils.scale(x);
    assert y = 12000;
    tempvar z = math_utils.OFFSET + T.b;
    assert z = 8;
    return ();
}
