// Package program owns compiled Cairo Zero programs: loading the JSON that
// cairo-lang's cairo-compile writes (data, builtins, hints, identifiers,
// reference manager, attributes, debug info, main scope, prime) into typed
// values, resolving identifiers through scopes and aliases, and parsing the
// reference expressions that hints use to reach `ids.*`.
//
// Loading validates everything a run depends on up front, so a malformed
// program is a typed LoadError that names the field, never a panic later.
package program
