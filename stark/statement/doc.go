// Package statement turns a Cairo public input into the seed of the
// Fiat–Shamir channel, as Stone's CpuAirStatement does: the public input is
// serialized (parameters, segment addresses, public-memory page hashes) and
// hashed, so a proof is bound to the statement it proves.
package statement
