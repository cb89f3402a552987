// cairo-run: --layout plain
// Nested structs: a struct with struct members and a pointer member, deep member access
// (r.top_left.x, r.meta.tag), member offsets via SIZE arithmetic, a struct pointer member
// followed through memory, and a tuple of structs.
// Uses alloc (hint: memory[ap] = segments.add()). Expected outcome: success.
from starkware.cairo.common.alloc import alloc

struct Point {
    x: felt,
    y: felt,
}

struct Meta {
    tag: felt,
    weight: felt,
}

struct Rect {
    top_left: Point,
    bottom_right: Point,
    meta: Meta,
    next: Rect*,
}

func area(r: Rect*) -> felt {
    let w = r.bottom_right.x - r.top_left.x;
    let h = r.bottom_right.y - r.top_left.y;
    return w * h;
}

func main() {
    alloc_locals;
    assert Rect.SIZE = 7;
    let (rects: Rect*) = alloc();
    assert rects[0] = Rect(
        top_left=Point(x=0, y=0), bottom_right=Point(x=4, y=5), meta=Meta(tag=1, weight=9),
        next=rects + Rect.SIZE);
    assert rects[1] = Rect(
        top_left=Point(x=1, y=1), bottom_right=Point(x=3, y=7), meta=Meta(tag=2, weight=8),
        next=cast(0, Rect*));
    let a0 = area(rects);
    assert a0 = 20;
    let second = rects.next;
    let a1 = area(second);
    assert a1 = 12;
    assert second.meta.tag = 2;
    assert rects.meta.weight + second.meta.weight = 17;
    // Raw offset of meta.tag in Rect: 4.
    assert [cast(rects, felt*) + 4] = 1;
    local t: (Point, Meta) = (Point(x=5, y=6), Meta(tag=7, weight=8));
    assert t[1].tag = 7;
    assert t[0].y = 6;
    return ();
}
