#!/bin/bash
# usage: tracesum.tmp.sh  -> prints RunTask total over 3 traces
for i in 1 2 3; do npx tsx trace.tmp.ts 2>&1 | grep -E " RunTask$" | awk '{print $1}'; done | tr '\n' ' '; echo
