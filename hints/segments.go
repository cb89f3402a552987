package hints

import (
	"github.com/cairn-vm/cairn/vm/memory"
)

// The hint of common/segments.cairo (relocate_segment) and temporary
// segments: memory[ap] = segments.add_temp_segment() is the allocation hint
// of cairo-lang's MemorySegmentManager.add_temp_segment (no library or
// whitelisted hint calls it, but programs that use relocate_segment
// allocate their temporary segments with it, as alloc() does with
// segments.add()).

func init() {
	register(`memory[ap] = segments.add_temp_segment()`, func(c *Context) error {
		return c.SetAP(0, memory.FromPtr(c.Mem.AddTempSegment()))
	})

	// MemoryDict.add_relocation_rule: src_ptr must be the start of a
	// temporary segment without a rule; the run moves its cells to dest_ptr
	// at the end (relocate_memory).
	register(`memory.add_relocation_rule(src_ptr=ids.src_ptr, dest_ptr=ids.dest_ptr)`, func(c *Context) error {
		src, err := c.Get("src_ptr")
		if err != nil {
			return err
		}
		dst, err := c.Get("dest_ptr")
		if err != nil {
			return err
		}
		sp, ok := src.Ptr()
		if !ok {
			return pyErr("AttributeError", "'int' object has no attribute 'segment_index'")
		}
		if sp.Segment >= 0 {
			return assertf("src_ptr.segment_index must be < 0, src_ptr=%v.", sp)
		}
		if sp.Offset != 0 {
			return assertf("src_ptr.offset must be 0, src_ptr=%v.", sp)
		}
		dp, ok := dst.Ptr()
		if !ok {
			// cairo-lang stores the int; relocating the segment then fails.
			return pyErr("TypeError", "dest_ptr %v is not a relocatable value", dst)
		}
		if err := c.Mem.AddRelocationRule(sp, dp); err != nil {
			return assertf("The segment with index %d already has a relocation rule.", sp.Segment)
		}
		return nil
	})
}
