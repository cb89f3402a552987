// cairo-run: --layout plain
// Casts and addresses: `&local_struct` (address of a local, needs __fp__), cast(felt*, Struct*),
// cast(Struct*, felt*) to walk members as raw cells, cast(ptr, felt) and back, `[cast(p, T*)]`
// dereference into a struct value, and a typed reference `let s: T* = cast(...)`.
// Uses alloc (hint: memory[ap] = segments.add()); get_fp_and_pc (no hint).
// Expected outcome: success.
from starkware.cairo.common.alloc import alloc
from starkware.cairo.common.registers import get_fp_and_pc

struct Pair {
    a: felt,
    b: felt,
}

func sum_pair(p: Pair*) -> felt {
    return p.a + p.b;
}

func main() {
    alloc_locals;
    let (__fp__, _) = get_fp_and_pc();
    local pr: Pair = Pair(a=7, b=8);
    let s = sum_pair(&pr);
    assert s = 15;
    // The struct's cells as felts.
    let raw: felt* = cast(&pr, felt*);
    assert raw[0] = 7;
    assert raw[1] = 8;
    // felt array reinterpreted as Pair array.
    let (buf: felt*) = alloc();
    assert buf[0] = 1;
    assert buf[1] = 2;
    assert buf[2] = 3;
    assert buf[3] = 4;
    let pairs = cast(buf, Pair*);
    assert pairs[1].a = 3;
    let s2 = sum_pair(pairs + Pair.SIZE);
    assert s2 = 7;
    let v: Pair = [cast(buf + 1, Pair*)];
    assert v.a = 2;
    assert v.b = 3;
    // Pointer -> felt -> pointer round trip.
    tempvar as_felt = cast(pairs, felt);
    tempvar back = cast(as_felt + 2, Pair*);
    assert back.b = 4;
    return ();
}
