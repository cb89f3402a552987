package program

import "testing"

// FuzzLoad: any bytes give a program or an error, never a panic.
func FuzzLoad(f *testing.F) {
	// Real programs make the fuzzer's coverage bookkeeping crawl; a small
	// program with every section stands in for them.
	f.Add([]byte(smallProgram))
	f.Add([]byte(`{"prime":"0x800000000000011000000000000000000000000000000000000000000000001","data":["0x1"],"hints":{"0":[{"code":"x","accessible_scopes":[],"flow_tracking_data":{"ap_tracking":{"group":0,"offset":0},"reference_ids":{"a":5}}}]}}`))
	f.Add([]byte(`{"prime":"0x11","data":[]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := Load(data)
		if err == nil && p == nil {
			t.Fatal("nil program without error")
		}
	})
}

const smallProgram = `{"attributes":[{"name":"error_message","value":"x {a}","start_pc":0,"end_pc":2,"accessible_scopes":["__main__"],"flow_tracking_data":null}],
"builtins":["output"],"data":["0x480680017fff8000","0x5","0x208b7fff7fff7ffe"],
"debug_info":{"file_contents":{},"instruction_locations":{"0":{"accessible_scopes":["__main__"],"flow_tracking_data":{"ap_tracking":{"group":0,"offset":0},"reference_ids":{}},"hints":[{"location":{"start_line":1,"start_col":1,"end_line":1,"end_col":3,"input_file":{"filename":"a.cairo"}},"n_prefix_newlines":0}],"inst":{"start_line":1,"start_col":1,"end_line":1,"end_col":5,"input_file":{"filename":"a.cairo"},"parent_location":[{"start_line":2,"start_col":1,"end_line":2,"end_col":5,"input_file":{"filename":"a.cairo"}},"While expanding"]}}}},
"hints":{"0":[{"code":"memory[ap] = segments.add()","accessible_scopes":["__main__"],"flow_tracking_data":{"ap_tracking":{"group":0,"offset":0},"reference_ids":{"__main__.main.a":0}}}]},
"identifiers":{"__main__.main":{"type":"function","pc":0,"decorators":[]},"__main__.C":{"type":"const","value":340282366920938463463374607431768211456},"__main__.S":{"type":"struct","full_name":"__main__.S","members":{"a":{"cairo_type":"felt","offset":0}},"size":1},"__main__.x":{"type":"alias","destination":"__main__.main"}},
"main_scope":"__main__","prime":"0x800000000000011000000000000000000000000000000000000000000000001",
"reference_manager":{"references":[{"ap_tracking_data":{"group":0,"offset":0},"pc":0,"value":"[cast(fp + (-3), felt*)]"}]}}`
