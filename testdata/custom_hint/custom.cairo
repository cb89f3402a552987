// A program with hints that are not in cairo-lang's whitelists: Cairn must
// fail when the first one is reached (not at load), naming its code and pc;
// with an implementation registered through the Go API it must run as
// cairo-run does.
%builtins output

func main{output_ptr: felt*}() {
    tempvar x = 7;
    %{ memory[ap] = ids.x * 6 %}
    [ap] = [ap], ap++;
    assert [output_ptr] = [ap - 1];
    let output_ptr = output_ptr + 1;
    return ();
}
