package main

import "github.com/cairn-vm/cairn/builtins"

func layoutNames() []string { return builtins.LayoutNames() }
