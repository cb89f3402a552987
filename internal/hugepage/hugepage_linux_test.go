package hugepage

import (
	"bufio"
	"os"
	"strconv"
	"strings"
	"testing"
	"unsafe"
)

// vmFlags returns the VmFlags of the mapping of /proc/self/smaps that
// holds addr.
func vmFlags(t *testing.T, addr uintptr) []string {
	f, err := os.Open("/proc/self/smaps")
	if err != nil {
		t.Skip("no /proc/self/smaps:", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	in := false
	for sc.Scan() {
		line := sc.Text()
		if lo, hi, ok := strings.Cut(strings.Fields(line)[0], "-"); ok && !strings.HasSuffix(line, ":") {
			a, err1 := strconv.ParseUint(lo, 16, 64)
			b, err2 := strconv.ParseUint(hi, 16, 64)
			if err1 == nil && err2 == nil {
				in = uint64(addr) >= a && uint64(addr) < b
				continue
			}
		}
		if in && strings.HasPrefix(line, "VmFlags:") {
			return strings.Fields(line)[1:]
		}
	}
	t.Fatalf("no mapping holds %#x", addr)
	return nil
}

// Advise marks the whole huge pages inside a large slice (VmFlags "hg")
// and leaves its contents alone; small slices are not advised.
func TestAdvise(t *testing.T) {
	if mode, err := os.ReadFile("/sys/kernel/mm/transparent_hugepage/enabled"); err != nil || strings.Contains(string(mode), "[never]") {
		t.Skip("no transparent huge pages here")
	}
	s := make([]uint64, 0, 6*Size/8)
	s = append(s, 1, 2, 3)
	Advise(s)
	if s[0] != 1 || s[2] != 3 || len(s) != 3 {
		t.Fatalf("contents changed: %v", s)
	}
	start := uintptr(unsafe.Pointer(unsafe.SliceData(s)))
	inner := (start + Size - 1) &^ (Size - 1)
	flags := vmFlags(t, inner)
	hg := false
	for _, f := range flags {
		hg = hg || f == "hg"
	}
	if !hg {
		t.Fatalf("VmFlags of the advised range: %v, want hg", flags)
	}

	small := make([]byte, Min-1)
	Advise(small)
	Advise([]Value{})
	Advise[byte](nil)
}

// Value stands for a cell type of another size than a byte.
type Value struct{ w [4]uint64 }
