// cairo-run: --layout plain
// Structs: definition, construction with named members, member access on a value (tempvar and
// local), member access through a pointer (p.x, p[1].y), struct SIZE, passing and returning a
// struct by value. Uses alloc (hint: memory[ap] = segments.add()).
// Expected outcome: success.
from starkware.cairo.common.alloc import alloc

struct Point {
    x: felt,
    y: felt,
}

func add_points(a: Point, b: Point) -> Point {
    return (Point(x=a.x + b.x, y=a.y + b.y));
}

func norm2(p: Point*) -> felt {
    return p.x * p.x + p.y * p.y;
}

func main() {
    alloc_locals;
    local a: Point = Point(x=1, y=2);
    tempvar b = Point(x=10, y=20);
    let c = add_points(a, b);
    assert c.x = 11;
    assert c.y = 22;
    assert Point.SIZE = 2;
    let (pts: Point*) = alloc();
    assert pts[0] = Point(x=3, y=4);
    assert pts[1] = c;
    let n0 = norm2(pts);
    assert n0 = 25;
    let n1 = norm2(&pts[1]);
    assert n1 = 121 + 484;
    assert pts[1].y = 22;
    return ();
}
