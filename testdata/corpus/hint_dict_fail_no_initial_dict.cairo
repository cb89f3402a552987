// FAILING: dict_new called directly: its hint reads initial_dict from the exec scope, which only
// dict_squash (or the caller's own hint) puts there.
// Hints: dict_new. Expected outcome: failure (exit 1),
// "NameError: name 'initial_dict' is not defined".
from starkware.cairo.common.dict import dict_new

func main() {
    let (d) = dict_new();
    return ();
}
